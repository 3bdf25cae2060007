//! Bytes to UTF-8 text: undo gzip or zstd, tell HTML from plain text, find the character encoding.

mod encoding;
pub mod mojibake;
pub mod references;

pub use encoding::{decode, sniff_charset};

use std::io::Read;

use crate::Error;

/// What the bytes hold, once decompressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    Html,
    Text,
}

/// Whether the caller knows the kind or wants it sniffed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputMode {
    #[default]
    Auto,
    Html,
    Text,
}

/// True when the bytes start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// True when the bytes start with a zstd frame's magic number.
pub fn is_zstd(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd])
}

/// Undoes gzip (all members) or zstd (all frames) when the bytes are so compressed, refusing to
/// grow past `limit` bytes.
pub fn decompress_if_needed(
    bytes: &[u8],
    limit: usize,
) -> Result<std::borrow::Cow<'_, [u8]>, Error> {
    let decoder: Box<dyn Read + '_> = if is_gzip(bytes) {
        Box::new(flate2::read::MultiGzDecoder::new(bytes))
    } else if is_zstd(bytes) {
        Box::new(
            zstd::stream::read::Decoder::with_buffer(bytes)
                .map_err(|e| Error::Decompress(e.to_string()))?,
        )
    } else {
        return Ok(std::borrow::Cow::Borrowed(bytes));
    };
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(limit));
    decoder
        .take((limit as u64).saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| Error::Decompress(e.to_string()))?;
    if out.len() > limit {
        return Err(Error::TooLarge { limit });
    }
    Ok(std::borrow::Cow::Owned(out))
}

/// Tells HTML from plain text by looking at how the content starts and whether it is tag-shaped.
pub fn sniff_kind(bytes: &[u8]) -> InputKind {
    let head = &bytes[..bytes.len().min(4096)];
    let mut i = 0;
    // Skip a byte-order mark and leading white space.
    for bom in [&[0xEF, 0xBB, 0xBF][..], &[0xFF, 0xFE], &[0xFE, 0xFF]] {
        if head.starts_with(bom) {
            i = bom.len();
        }
    }
    while i < head.len() && (head[i].is_ascii_whitespace() || head[i] == 0) {
        i += 1;
    }
    let rest = &head[i..];
    if rest.first() == Some(&b'<') {
        return InputKind::Html;
    }
    // Text that merely mentions a tag is still text; HTML that starts with junk still has its markup.
    const MARKERS: [&[u8]; 6] = [
        b"<html",
        b"<!doctype",
        b"<head",
        b"<body",
        b"<div",
        b"<meta",
    ];
    // Zero bytes dropped: UTF-16 writes an ASCII tag with a zero beside each letter.
    let lower: Vec<u8> = head
        .iter()
        .filter(|&&b| b != 0)
        .map(u8::to_ascii_lowercase)
        .collect();
    let markers = MARKERS
        .iter()
        .filter(|m| memchr::memmem::find(&lower, m).is_some())
        .count();
    if markers >= 2 {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

/// True when the bytes look like binary data rather than text of any encoding.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    // UTF-16 has many NULs: it starts with a BOM, or they fall on one side of each pair.
    if head.starts_with(&[0xFF, 0xFE])
        || head.starts_with(&[0xFE, 0xFF])
        || encoding::utf16_without_bom(head).is_some()
    {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)))
        .count();
    controls * 20 > head.len()
}

/// Reads `bytes` as a page: decompresses (gzip, zstd), rejects binary, decodes to UTF-8, and says
/// which kind it is.
pub fn prepare(
    bytes: &[u8],
    mode: InputMode,
    http_charset: Option<&str>,
    limit: usize,
) -> Result<(String, InputKind), Error> {
    if bytes.len() > limit {
        return Err(Error::TooLarge { limit });
    }
    let bytes = decompress_if_needed(bytes, limit)?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    if looks_binary(&bytes) {
        return Err(Error::Binary);
    }
    let kind = match mode {
        InputMode::Html => InputKind::Html,
        InputMode::Text => InputKind::Text,
        InputMode::Auto => sniff_kind(&bytes),
    };
    let text = decode(&bytes, http_charset, kind == InputKind::Html);
    Ok((text, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html_and_text() {
        assert_eq!(sniff_kind(b"<!DOCTYPE html><p>x"), InputKind::Html);
        assert_eq!(sniff_kind(b"\xEF\xBB\xBF  <html>"), InputKind::Html);
        assert_eq!(
            sniff_kind(b"Title\n\nA paragraph about <b> tags."),
            InputKind::Text
        );
        assert_eq!(
            sniff_kind(b"junk <html><head><meta charset=utf-8>"),
            InputKind::Html
        );
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(matches!(
            prepare(b"   \n", InputMode::Auto, None, 1000),
            Err(Error::Empty)
        ));
        let junk: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 256) as u8).collect();
        assert!(matches!(
            prepare(&junk, InputMode::Auto, None, 10_000),
            Err(Error::Binary)
        ));
    }

    #[test]
    fn utf16_without_a_bom_is_read_not_refused() {
        let page = "<!DOCTYPE html><html><body><p>Grüße aus Köln.</p></body></html>";
        let le: Vec<u8> = page.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let (text, kind) = prepare(&le, InputMode::Auto, None, 10_000).unwrap();
        assert_eq!((text.as_str(), kind), (page, InputKind::Html));
        // Markup after a line of junk is found through the zero bytes too.
        let late = format!("junk\n{page}");
        let be: Vec<u8> = late.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            prepare(&be, InputMode::Auto, None, 10_000).unwrap().1,
            InputKind::Html
        );
        let note = "Notes de réunion\n\nLe projet avance bien.\n";
        let be: Vec<u8> = note.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let (text, kind) = prepare(&be, InputMode::Auto, None, 10_000).unwrap();
        assert_eq!((text.as_str(), kind), (note, InputKind::Text));
    }

    #[test]
    fn zstd_is_undone_and_bounded() {
        let bytes = zstd::stream::encode_all(&vec![b'a'; 10_000][..], 3).unwrap();
        assert_eq!(decompress_if_needed(&bytes, 20_000).unwrap().len(), 10_000);
        assert!(matches!(
            decompress_if_needed(&bytes, 5_000),
            Err(Error::TooLarge { .. })
        ));
        assert!(matches!(
            decompress_if_needed(&bytes[..bytes.len() - 3], 20_000),
            Err(Error::Decompress(_))
        ));
    }

    #[test]
    fn gzip_is_undone_and_bounded() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&vec![b'a'; 10_000]).unwrap();
        let bytes = gz.finish().unwrap();
        assert_eq!(decompress_if_needed(&bytes, 20_000).unwrap().len(), 10_000);
        assert!(matches!(
            decompress_if_needed(&bytes, 5_000),
            Err(Error::TooLarge { .. })
        ));
        assert!(matches!(
            decompress_if_needed(&bytes[..20], 20_000),
            Err(Error::Decompress(_))
        ));
    }
}
