//! Character encodings, found the way browsers find them: byte-order mark, then the transport's
//! charset, then a `<meta>` declaration, then valid UTF-8, then statistical detection (chardetng).
//! One step browsers do not take comes right after the byte-order mark: UTF-16 written without
//! one ([`utf16_without_bom`]).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// How far into the page a `<meta charset>` is looked for. Browsers stop at 1024 bytes; pages in
/// the wild often declare it later, after long comments or scripts, so we look further.
const META_SCAN: usize = 8192;

/// Decodes `bytes` to UTF-8, replacing what cannot be decoded.
pub fn decode(bytes: &[u8], transport_charset: Option<&str>, is_html: bool) -> String {
    let encoding = choose(bytes, transport_charset, is_html);
    // `decode` honours a BOM over the chosen encoding, as browsers do.
    let (text, _, _) = encoding.decode(bytes);
    match super::mojibake::repair(&text) {
        std::borrow::Cow::Owned(repaired) => repaired,
        std::borrow::Cow::Borrowed(_) => text.into_owned(),
    }
}

fn choose(bytes: &[u8], transport_charset: Option<&str>, is_html: bool) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return enc;
    }
    if let Some(enc) = transport_charset.and_then(label) {
        return enc;
    }
    if is_html {
        if let Some(enc) = sniff_charset(&bytes[..bytes.len().min(META_SCAN)]) {
            // A page that declares a legacy charset but is valid UTF-8 was re-encoded on the way.
            if enc != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
                return UTF_8;
            }
            return enc;
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// UTF-16 written without a byte-order mark, told by its zero bytes. Markup and text in Latin
/// script are ASCII characters, which UTF-16 writes as a printable byte and a zero byte: in the
/// first kilobytes, at least two pairs in five have a zero on one side (low side last for
/// little-endian), almost none on the other, and the other byte of those pairs is printable.
/// Browsers do not guess UTF-16, but files exported that way reach crawls and dumps, and read any
/// other way they are binary junk.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    // Most pages hold no zero byte at all: one fast look settles them.
    if pairs < 8 || memchr::memchr(0, head).is_none() {
        return None;
    }
    let printable = |b: u8| b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r');
    // (zero high bytes, their low bytes printable, zero low bytes, their high bytes printable),
    // reading each pair as little-endian.
    let (mut zero_hi, mut text_lo, mut zero_lo, mut text_hi) = (0, 0, 0, 0);
    for pair in head.chunks_exact(2) {
        let (lo, hi) = (pair[0], pair[1]);
        if hi == 0 {
            zero_hi += 1;
            text_lo += printable(lo) as usize;
        }
        if lo == 0 {
            zero_lo += 1;
            text_hi += printable(hi) as usize;
        }
    }
    let shaped = |zeros: usize, text: usize, other: usize| {
        zeros * 5 >= pairs * 2 && other * 20 <= pairs && text * 10 >= zeros * 9
    };
    if shaped(zero_hi, text_lo, zero_lo) {
        Some(UTF_16LE)
    } else if shaped(zero_lo, text_hi, zero_hi) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// An encoding from a label, with the HTML standard's overrides (UTF-16 in a meta means UTF-8).
fn label(l: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(l.trim().trim_matches(|c| c == '"' || c == '\'').as_bytes())?;
    Some(match enc.name() {
        "UTF-16LE" | "UTF-16BE" => UTF_8,
        "x-user-defined" => WINDOWS_1252,
        _ => enc,
    })
}

/// The charset declared by a `<meta charset>` or `<meta http-equiv content="…charset=…">` tag.
pub fn sniff_charset(head: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(pos) = memchr::memmem::find(&head[from..], b"<") {
        let start = from + pos;
        from = start + 1;
        let tag = &head[start..];
        if tag.len() < 6 || !tag[1..5].eq_ignore_ascii_case(b"meta") {
            continue;
        }
        let end = memchr::memchr(b'>', tag).unwrap_or(tag.len());
        let attrs = &tag[5..end];
        if let Some(enc) = charset_in(attrs) {
            return Some(enc);
        }
    }
    None
}

fn charset_in(attrs: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = attrs.iter().map(u8::to_ascii_lowercase).collect();
    let at = memchr::memmem::find(&lower, b"charset")?;
    let mut rest = &attrs[at + 7..];
    while let [c, tail @ ..] = rest {
        if c.is_ascii_whitespace() {
            rest = tail;
        } else {
            break;
        }
    }
    rest = rest.strip_prefix(b"=")?;
    let rest: &[u8] = {
        let mut r = rest;
        while let [c, tail @ ..] = r {
            if c.is_ascii_whitespace() || *c == b'"' || *c == b'\'' {
                r = tail;
            } else {
                break;
            }
        }
        r
    };
    let len = rest
        .iter()
        .position(|c| c.is_ascii_whitespace() || matches!(c, b'"' | b'\'' | b';' | b'/' | b'>'))
        .unwrap_or(rest.len());
    label(std::str::from_utf8(&rest[..len]).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_forms() {
        assert_eq!(
            sniff_charset(b"<meta charset=\"Shift_JIS\">"),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(
            sniff_charset(
                b"<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=windows-1251'>"
            ),
            Some(encoding_rs::WINDOWS_1251)
        );
        assert_eq!(sniff_charset(b"<meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(sniff_charset(b"<p>charset=koi8-r</p>"), None);
    }

    #[test]
    fn utf16_without_a_bom_is_recognised() {
        let page =
            "<html><head><title>Café</title></head><body><p>Un été à Paris.</p></body></html>";
        let le: Vec<u8> = page.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = page.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16_without_bom(&le), Some(UTF_16LE));
        assert_eq!(utf16_without_bom(&be), Some(UTF_16BE));
        assert_eq!(decode(&le, None, true), page);
        assert_eq!(decode(&be, Some("iso-8859-1"), true), page);
        // Text in other encodings, and binary data with zeros everywhere, are not UTF-16.
        assert_eq!(utf16_without_bom(page.as_bytes()), None);
        let junk: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 256) as u8).collect();
        assert_eq!(utf16_without_bom(&junk), None);
        assert_eq!(utf16_without_bom(&[0u8; 100]), None);
        // Little-endian integers: zero high bytes, but low bytes that are not text.
        let counts: Vec<u8> = (0..200u16).flat_map(|i| (i % 16).to_le_bytes()).collect();
        assert_eq!(utf16_without_bom(&counts), None);
    }

    #[test]
    fn legacy_encodings_decode() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("日本語のページです。");
        let mut page = b"<html><head><meta charset=shift_jis></head><body>".to_vec();
        page.extend_from_slice(&sjis);
        assert!(decode(&page, None, true).contains("日本語のページです。"));

        let (cyr, _, _) =
            encoding_rs::WINDOWS_1251.encode("Привет, мир! Это страница на русском языке.");
        assert!(decode(&cyr, None, false).contains("Привет, мир!"));

        let (latin, _, _) = WINDOWS_1252.encode("Déjà vu, café crème, naïveté à Noël.");
        assert_eq!(
            decode(&latin, Some("iso-8859-1"), false),
            "Déjà vu, café crème, naïveté à Noël."
        );
    }

    #[test]
    fn bom_wins_and_invalid_utf8_survives() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi", Some("windows-1252"), true), "hi");
        let s = decode(b"ok \xFF\xFE\xFD bytes", None, false);
        assert!(s.starts_with("ok "));
    }
}
