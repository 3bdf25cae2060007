//! A streaming WARC reader: records one at a time from plain, gzipped-per-record (as Common Crawl
//! writes them), whole-gzipped or zstd-compressed files (`.warc.zst`, with or without the
//! dictionary frame the IIPC's zstd WARC convention puts first), never the whole file in memory;
//! and the HTTP layer of `response` records undone (status, headers, chunked transfer, gzip or
//! deflate content encoding).
//!
//! Damage is reported, not fatal: a record whose header is broken is skipped up to the next
//! `WARC/` line; a payload over the size limit is skipped without being held; a gzip member or a
//! zstd stream that ends early ends the file with a `Truncated` item, after every record before it.
//!
//! ```
//! let warc = b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
//!     WARC-Target-URI: https://example.org/\r\nContent-Length: 56\r\n\r\n\
//!     HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hello</p>\r\n\r\n";
//! let mut reader = tamis_warc::Reader::new(&warc[..], 1 << 20);
//! let record = reader.next().unwrap().unwrap();
//! assert_eq!(record.kind(), Some("response"));
//! let http = tamis_warc::http::parse(&record.block).unwrap();
//! assert_eq!(http.status, 200);
//! assert_eq!(http.body().unwrap(), b"<p>Hello</p>");
//! ```

pub mod http;

use std::io::{BufRead, BufReader, Read};

/// What went wrong with one record or with the rest of a file.
#[derive(Debug, thiserror::Error)]
pub enum WarcError {
    #[error("record header is corrupt: {0}")]
    BadHeader(String),
    #[error("record block of {length} bytes is over the limit of {limit} bytes")]
    TooLarge {
        length: u64,
        limit: usize,
        id: Option<String>,
    },
    #[error("file ends in the middle of a record or compressed stream: {0}")]
    Truncated(String),
    #[error("read error: {0}")]
    Io(#[from] std::io::Error),
}

/// One WARC record: its header fields, in order, and its block (for `response` records, the HTTP
/// message).
#[derive(Debug, Clone)]
pub struct Record {
    pub version: String,
    pub headers: Vec<(String, String)>,
    pub block: Vec<u8>,
}

impl Record {
    /// The first header field with this name (compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `WARC-Type`: response, request, metadata, conversion, warcinfo, resource, …
    pub fn kind(&self) -> Option<&str> {
        self.header("WARC-Type")
    }

    pub fn id(&self) -> Option<&str> {
        self.header("WARC-Record-ID")
    }

    pub fn url(&self) -> Option<&str> {
        self.header("WARC-Target-URI")
            .map(|u| u.trim_matches(|c| c == '<' || c == '>'))
    }

    pub fn date(&self) -> Option<&str> {
        self.header("WARC-Date")
    }
}

/// Longest header section accepted for one record.
const MAX_HEADER: usize = 256 * 1024;

/// Streams records from a WARC file, plain, gzipped (by member or whole) or zstd-compressed.
pub struct Reader<R: Read> {
    /// The file, when no gzip member or zstd stream is being read from it.
    input: Option<BufReader<R>>,
    /// The gzip member being read, which holds the file meanwhile.
    member: Option<BufReader<flate2::bufread::GzDecoder<BufReader<R>>>>,
    /// The zstd stream (all its frames), which holds the file from the first record on.
    zstd: Option<BufReader<ZstdStream<R>>>,
    compression: Option<Compression>,
    limit: usize,
    done: bool,
}

/// How a WARC file is compressed, told by its first bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Compression {
    None,
    Gzip,
    Zstd,
}

/// The first bytes of a gzip member (a `.warc.gz` record, a gzipped HTTP body).
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
/// The first bytes of a zstd frame.
const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];
/// The first bytes of the skippable frame that holds a `.warc.zst` file's dictionary.
const ZSTD_DICTIONARY_FRAME: [u8; 4] = [0x5d, 0x2a, 0x4d, 0x18];
/// Largest zstd dictionary accepted (zstd's own trainer makes them of about 100 KiB).
const MAX_DICTIONARY: usize = 16 << 20;

impl Compression {
    fn of(head: &[u8]) -> Compression {
        // A buffer may end inside the magic bytes: judge by the bytes there are.
        let starts = |magic: &[u8]| {
            !head.is_empty() && magic.starts_with(&head[..head.len().min(magic.len())])
        };
        if starts(&GZIP_MAGIC) {
            Compression::Gzip
        } else if starts(&ZSTD_MAGIC) || starts(&ZSTD_DICTIONARY_FRAME) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }
}

/// A file's zstd frames, decoded; the magic number read to tell them from a dictionary frame is
/// handed back in front of the file.
type ZstdStream<R> =
    zstd::stream::read::Decoder<'static, std::io::Chain<&'static [u8], BufReader<R>>>;

/// Opens the zstd stream of a file, reading first the dictionary frame when there is one.
fn zstd_stream<R: Read>(mut input: BufReader<R>) -> Result<ZstdStream<R>, WarcError> {
    let mut magic = [0u8; 4];
    input.read_exact(&mut magic)?;
    if magic == ZSTD_MAGIC {
        return Ok(zstd::stream::read::Decoder::with_buffer(
            ZSTD_MAGIC[..].chain(input),
        )?);
    }
    if magic != ZSTD_DICTIONARY_FRAME {
        return Err(WarcError::BadHeader("not a zstd frame".into()));
    }
    let mut size = [0u8; 4];
    input.read_exact(&mut size)?;
    let size = u32::from_le_bytes(size) as usize;
    if size > MAX_DICTIONARY {
        return Err(WarcError::BadHeader(format!(
            "zstd dictionary of {size} bytes is too large"
        )));
    }
    let mut dictionary = vec![0u8; size];
    input.read_exact(&mut dictionary)?;
    // The convention allows the dictionary to be itself zstd-compressed.
    if dictionary.starts_with(&ZSTD_MAGIC) {
        let mut plain = Vec::new();
        zstd::stream::read::Decoder::new(&dictionary[..])?
            .take(MAX_DICTIONARY as u64 + 1)
            .read_to_end(&mut plain)?;
        if plain.len() > MAX_DICTIONARY {
            return Err(WarcError::BadHeader("zstd dictionary is too large".into()));
        }
        dictionary = plain;
    }
    let nothing_read_back: &'static [u8] = &[];
    Ok(zstd::stream::read::Decoder::with_dictionary(
        nothing_read_back.chain(input),
        &dictionary,
    )?)
}

/// Whether `input` starts as a WARC file does once the compression [`Reader`] knows (gzip, zstd,
/// with or without a dictionary) is undone: with a record's version line, `WARC/`.
pub fn starts_as_warc<R: Read>(input: R) -> bool {
    let mut input = BufReader::new(input);
    let compression = match input.fill_buf() {
        Ok(head) => Compression::of(head),
        Err(_) => return false,
    };
    let mut head = Vec::with_capacity(5);
    let read = match compression {
        Compression::None => input.take(5).read_to_end(&mut head),
        Compression::Gzip => flate2::bufread::GzDecoder::new(input)
            .take(5)
            .read_to_end(&mut head),
        Compression::Zstd => match zstd_stream(input) {
            Ok(stream) => stream.take(5).read_to_end(&mut head),
            Err(_) => return false,
        },
    };
    read.is_ok() && head == b"WARC/"
}

/// What an error in the middle of a compressed stream means: nothing after it can be read.
fn broken_stream(e: WarcError) -> WarcError {
    match e {
        WarcError::Io(io) => WarcError::Truncated(io.to_string()),
        other => other,
    }
}

impl<R: Read> Reader<R> {
    /// A reader that refuses record blocks over `limit` bytes (they are skipped, not held).
    pub fn new(input: R, limit: usize) -> Reader<R> {
        Reader {
            input: Some(BufReader::with_capacity(1 << 16, input)),
            member: None,
            zstd: None,
            compression: None,
            limit,
            done: false,
        }
    }

    fn next_plain(&mut self) -> Option<Result<Record, WarcError>> {
        read_record(self.input.as_mut()?, self.limit).transpose()
    }

    fn next_gzip(&mut self) -> Option<Result<Record, WarcError>> {
        loop {
            if let Some(member) = &mut self.member {
                match read_record(member, self.limit) {
                    Ok(Some(r)) => return Some(Ok(r)),
                    Ok(None) => {
                        // The member is used up: take the file back for the next one.
                        let member = self.member.take()?;
                        self.input = Some(member.into_inner().into_inner());
                    }
                    Err(e) => return Some(Err(self.record_error(e))),
                }
            }
            let mut input = self.input.take()?;
            match input.fill_buf() {
                Ok([]) => return None,
                // A buffer may end between the two magic bytes (a member starting one byte before
                // a 64 KiB boundary): `Compression::of` judges by the bytes there are, and the
                // decoder checks the rest.
                Ok(buf) if Compression::of(buf) != Compression::Gzip => {
                    self.done = true;
                    return Some(Err(WarcError::Truncated(
                        "data after the last gzip member is not gzip".into(),
                    )));
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(e.into()));
                }
            }
            self.member = Some(BufReader::with_capacity(
                1 << 16,
                flate2::bufread::GzDecoder::new(input),
            ));
        }
    }

    fn next_zstd(&mut self) -> Option<Result<Record, WarcError>> {
        if self.zstd.is_none() {
            match zstd_stream(self.input.take()?) {
                Ok(stream) => self.zstd = Some(BufReader::with_capacity(1 << 16, stream)),
                Err(e) => {
                    self.done = true;
                    return Some(Err(broken_stream(e)));
                }
            }
        }
        match read_record(self.zstd.as_mut()?, self.limit) {
            Ok(record) => record.map(Ok),
            Err(e) => Some(Err(self.record_error(e))),
        }
    }

    /// An error reading a record from a compressed stream: a record too large or with a broken
    /// header is skipped and reading goes on; any other error breaks the stream, which cannot be
    /// followed further.
    fn record_error(&mut self, e: WarcError) -> WarcError {
        if matches!(e, WarcError::TooLarge { .. } | WarcError::BadHeader(_)) {
            return e;
        }
        self.done = true;
        broken_stream(e)
    }
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Result<Record, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let compression = match self.compression {
            Some(c) => c,
            None => {
                let c = match self.input.as_mut()?.fill_buf() {
                    Ok(head) => Compression::of(head),
                    Err(e) => {
                        self.done = true;
                        return Some(Err(e.into()));
                    }
                };
                *self.compression.insert(c)
            }
        };
        let item = match compression {
            Compression::Gzip => self.next_gzip(),
            Compression::Zstd => self.next_zstd(),
            Compression::None => self.next_plain(),
        };
        if item.is_none() {
            self.done = true;
        }
        item
    }
}

/// Reads one line (up to LF), without the line ending; `None` at end of input.
fn read_line(
    r: &mut impl BufRead,
    out: &mut Vec<u8>,
    budget: &mut usize,
) -> Result<bool, WarcError> {
    out.clear();
    let n = r.take(*budget as u64 + 1).read_until(b'\n', out)?;
    if n == 0 {
        return Ok(false);
    }
    if n > *budget {
        return Err(WarcError::BadHeader("header section too long".into()));
    }
    *budget -= n;
    while out.last().is_some_and(|&c| c == b'\n' || c == b'\r') {
        out.pop();
    }
    Ok(true)
}

/// Reads the next record, skipping blank lines before it and, after a broken header, anything up
/// to the next `WARC/` line. `Ok(None)` at a clean end of input.
fn read_record(r: &mut impl BufRead, limit: usize) -> Result<Option<Record>, WarcError> {
    let mut line = Vec::new();
    let mut budget = MAX_HEADER;
    // The version line, after any blank lines.
    let version = loop {
        if !read_line(r, &mut line, &mut budget)? {
            return Ok(None);
        }
        if line.is_empty() {
            budget = MAX_HEADER;
            continue;
        }
        if line.starts_with(b"WARC/") {
            break String::from_utf8_lossy(&line).into_owned();
        }
        // Garbage where a record should start: report it once, then look for the next record.
        let bad = String::from_utf8_lossy(&line[..line.len().min(60)]).into_owned();
        resync(r)?;
        return Err(WarcError::BadHeader(format!(
            "expected a WARC/ version line, found {bad:?}"
        )));
    };
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        if !read_line(r, &mut line, &mut budget)? {
            return Err(WarcError::Truncated("inside a record header".into()));
        }
        if line.is_empty() {
            break;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            if let Some((_, v)) = headers.last_mut() {
                v.push(' ');
                v.push_str(String::from_utf8_lossy(&line).trim());
            }
            continue;
        }
        let Some(colon) = memchr::memchr(b':', &line) else {
            resync(r)?;
            return Err(WarcError::BadHeader(format!(
                "header line without a colon: {:?}",
                String::from_utf8_lossy(&line[..line.len().min(60)])
            )));
        };
        let name = String::from_utf8_lossy(&line[..colon]).trim().to_string();
        let value = String::from_utf8_lossy(&line[colon + 1..])
            .trim()
            .to_string();
        headers.push((name, value));
    }
    let id = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("WARC-Record-ID"))
        .map(|(_, v)| v.clone());
    let length: u64 = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
        .and_then(|(_, v)| v.trim().parse().ok())
        .ok_or_else(|| WarcError::BadHeader(format!("no valid Content-Length (record {id:?})")))?;
    if length > limit as u64 {
        let skipped = std::io::copy(&mut r.take(length), &mut std::io::sink())?;
        if skipped < length {
            return Err(WarcError::Truncated(format!(
                "record {id:?} ends after {skipped} of {length} bytes"
            )));
        }
        return Err(WarcError::TooLarge { length, limit, id });
    }
    let mut block = Vec::with_capacity(length as usize);
    r.take(length).read_to_end(&mut block)?;
    if (block.len() as u64) < length {
        return Err(WarcError::Truncated(format!(
            "record {id:?} ends after {} of {length} bytes",
            block.len()
        )));
    }
    Ok(Some(Record {
        version,
        headers,
        block,
    }))
}

/// Skips input up to the start of the next line that begins with `WARC/`.
fn resync(r: &mut impl BufRead) -> Result<(), WarcError> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() || buf.starts_with(b"WARC/") {
            return Ok(());
        }
        let (skip, found) = match memchr::memmem::find(buf, b"\nWARC/") {
            Some(at) => (at + 1, true),
            // Keep the last bytes in case the marker straddles two buffers.
            None if buf.len() > 6 => (buf.len() - 6, false),
            None => (buf.len(), false),
        };
        r.consume(skip);
        if found {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, body: &str) -> Vec<u8> {
        let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
        format!(
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
        .into_bytes()
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn ids(data: &[u8], limit: usize) -> Vec<Result<String, String>> {
        Reader::new(data, limit)
            .map(|r| {
                r.map(|r| r.id().unwrap_or("").to_string())
                    .map_err(|e| e.to_string())
            })
            .collect()
    }

    #[test]
    fn plain_per_member_and_whole_gzip_read_alike() {
        let plain = [record("a", "<p>one</p>"), record("b", "<p>two</p>")].concat();
        let per_member = [
            gz(&record("a", "<p>one</p>")),
            gz(&record("b", "<p>two</p>")),
        ]
        .concat();
        let whole = gz(&plain);
        for data in [&plain, &per_member, &whole] {
            let got = ids(data, 1 << 20);
            assert_eq!(
                got,
                [
                    Ok("<urn:uuid:a>".to_string()),
                    Ok("<urn:uuid:b>".to_string())
                ]
            );
        }
    }

    fn zst(data: &[u8], dictionary: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e =
            zstd::stream::write::Encoder::with_dictionary(Vec::new(), 3, dictionary).unwrap();
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// A `.warc.zst` file's dictionary frame: a skippable frame holding `dictionary`.
    fn dictionary_frame(dictionary: &[u8]) -> Vec<u8> {
        let size = (dictionary.len() as u32).to_le_bytes();
        [&ZSTD_DICTIONARY_FRAME[..], &size, dictionary].concat()
    }

    #[test]
    fn zstd_files_are_read_with_or_without_a_dictionary() {
        let (a, b) = (record("a", "<p>one</p>"), record("b", "<p>two</p>"));
        let expected = [
            Ok("<urn:uuid:a>".to_string()),
            Ok("<urn:uuid:b>".to_string()),
        ];
        // A frame per record, and one frame for the whole file.
        let per_record = [zst(&a, &[]), zst(&b, &[])].concat();
        let whole = zst(&[a.clone(), b.clone()].concat(), &[]);
        // A frame per record against a dictionary given first, plain or itself compressed.
        let dictionary = record("dictionary", "<p>words records share</p>");
        let with_dictionary = [
            dictionary_frame(&dictionary),
            zst(&a, &dictionary),
            zst(&b, &dictionary),
        ]
        .concat();
        let with_packed_dictionary = [
            dictionary_frame(&zst(&dictionary, &[])),
            zst(&a, &dictionary),
            zst(&b, &dictionary),
        ]
        .concat();
        for data in [
            &per_record,
            &whole,
            &with_dictionary,
            &with_packed_dictionary,
        ] {
            assert_eq!(ids(data, 1 << 20), expected);
            let trickled: Vec<String> = Reader::new(Trickle(data), 1 << 20)
                .map(|r| {
                    r.map(|r| r.id().unwrap_or("").to_string())
                        .unwrap_or_else(|e| e.to_string())
                })
                .collect();
            assert_eq!(trickled, ["<urn:uuid:a>", "<urn:uuid:b>"]);
        }
        // A stream cut short ends the file after the records before the cut.
        let cut = &per_record[..per_record.len() - 10];
        let got = ids(cut, 1 << 20);
        assert_eq!(got[0].as_ref().unwrap(), "<urn:uuid:a>");
        assert!(
            got[1].as_ref().unwrap_err().contains("ends in the middle"),
            "{got:?}"
        );
        assert_eq!(got.len(), 2);
        // Each of them starts as a WARC file; a page, compressed or not, does not.
        for data in [&per_record, &with_packed_dictionary, &gz(&a)] {
            assert!(starts_as_warc(&data[..]));
        }
        for page in [
            &b"<html><p>WARC/1.1</p>"[..],
            &zst(b"<html>", &[]),
            &gz(b"<html>"),
        ] {
            assert!(!starts_as_warc(page));
        }
        // A dictionary frame claiming more than there is.
        let got = ids(&dictionary_frame(&dictionary)[..20], 1 << 20);
        assert!(
            got[0].as_ref().unwrap_err().contains("ends in the middle"),
            "{got:?}"
        );
    }

    /// Hands out its bytes one at a time, so that every buffer boundary falls everywhere once.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let Some((&b, rest)) = self.0.split_first() else {
                return Ok(0);
            };
            if out.is_empty() {
                return Ok(0);
            }
            out[0] = b;
            self.0 = rest;
            Ok(1)
        }
    }

    #[test]
    fn members_are_found_whatever_the_read_boundaries() {
        let per_member = [
            gz(&record("a", "<p>one</p>")),
            gz(&record("b", "<p>two</p>")),
            gz(&record("c", "<p>three</p>")),
        ]
        .concat();
        let got: Vec<String> = Reader::new(Trickle(&per_member), 1 << 20)
            .map(|r| {
                r.map(|r| r.id().unwrap_or("").to_string())
                    .unwrap_or_else(|e| e.to_string())
            })
            .collect();
        assert_eq!(got, ["<urn:uuid:a>", "<urn:uuid:b>", "<urn:uuid:c>"]);
    }

    #[test]
    fn damage_is_reported_and_reading_goes_on() {
        // A corrupt header between two good records.
        let data = [
            record("a", "x"),
            b"garbage line\r\nmore garbage\r\n".to_vec(),
            record("b", "y"),
        ]
        .concat();
        let got = ids(&data, 1 << 20);
        assert_eq!(got.len(), 3);
        assert!(got[1].as_ref().unwrap_err().contains("corrupt"));
        assert_eq!(got[2].as_ref().unwrap(), "<urn:uuid:b>");
        // A block over the limit is skipped, the next record read.
        let data = [record("big", &"z".repeat(5000)), record("c", "ok")].concat();
        let got = ids(&data, 1000);
        assert!(got[0].as_ref().unwrap_err().contains("over the limit"));
        assert_eq!(got[1].as_ref().unwrap(), "<urn:uuid:c>");
        // A truncated gzip member ends the file after the good ones.
        let first = gz(&record("a", "x"));
        let second = gz(&record("b", "y"));
        let data = [first, second[..second.len() / 2].to_vec()].concat();
        let got = ids(&data, 1 << 20);
        assert_eq!(got[0].as_ref().unwrap(), "<urn:uuid:a>");
        assert!(got[1].as_ref().unwrap_err().contains("ends"), "{got:?}");
        assert_eq!(got.len(), 2);
        // A Content-Length that claims more than the file holds.
        let mut lying = record("a", "x");
        lying.extend_from_slice(
            b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort",
        );
        let got = ids(&lying, 1 << 20);
        assert!(
            got[1].as_ref().unwrap_err().contains("ends after"),
            "{got:?}"
        );
    }
}
