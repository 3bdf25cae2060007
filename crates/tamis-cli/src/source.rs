//! Turns inputs into items to extract: a page file is one item; a WARC or WET file is one item per
//! record, read as a stream. Records that are not documents (requests, metadata, non-HTML payloads)
//! become skipped items, so the report accounts for every record read.

use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

use tamis::{InputMode, WarcInfo};
use tamis_warc::{http, Reader, WarcError};

use crate::inputs::Input;

/// Why an item gave no document. The names are the `--stats` report's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A WARC record that is not a response or conversion (request, metadata, warcinfo, …).
    NotADocument,
    /// A response whose payload is not HTML (images, PDF, JSON, …), or whose status is not 2xx.
    NotHtml,
    Empty,
    TooLarge,
    /// Binary data, a corrupt compressed body or an unsupported content encoding.
    Undecodable,
    /// A WARC record, gzip member or zstd stream that ends early, or a corrupt record header.
    Truncated,
    /// The file could not be read.
    Unreadable,
    /// The engine gave no document for another reason.
    ExtractionFailed,
}

/// One unit of work.
pub struct Item {
    /// The input's name; for WARC records, the file name and the record's position.
    pub name: String,
    pub work: Work,
}

pub enum Work {
    Page {
        bytes: Vec<u8>,
        mode: InputMode,
        url: Option<String>,
        charset: Option<String>,
        warc: Option<WarcInfo>,
        /// The site, for evidence across pages: the URL's host, else the file's folder.
        site: Option<String>,
    },
    /// Counted, not extracted: not a document.
    Skip(Reason),
    /// Counted and reported: a document that could not be had.
    Fail(Reason, String),
}

/// True when the file holds WARC records (by name, or by its first bytes).
pub fn is_warc(input: &Input) -> bool {
    let Input::File(path) = input else {
        return false;
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if name.contains(".warc") || name.contains(".wet") {
        return true;
    }
    // Or by its first bytes, once decompressed as the WARC reader would.
    std::fs::File::open(path).is_ok_and(tamis_warc::starts_as_warc)
}

/// Streams the items of all inputs, calling `emit` for each; stops early if `emit` says so.
pub fn for_each_item(
    inputs: &[Input],
    mode_for: impl Fn(&Input) -> InputMode,
    limit: usize,
    read_bytes: &AtomicU64,
    mut emit: impl FnMut(Item) -> bool,
) {
    for input in inputs {
        let name = input.name();
        if is_warc(input) {
            let Input::File(path) = input else { continue };
            match std::fs::File::open(path) {
                Ok(file) => {
                    let file = Counting {
                        inner: file,
                        count: read_bytes,
                    };
                    if !warc_items(&name, file, limit, &mut emit) {
                        return;
                    }
                }
                Err(e) => {
                    if !emit(Item {
                        name,
                        work: Work::Fail(Reason::Unreadable, format!("cannot read: {e}")),
                    }) {
                        return;
                    }
                }
            }
            continue;
        }
        let work = match input.read() {
            Ok(bytes) => Work::Page {
                bytes: {
                    read_bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
                    bytes
                },
                mode: mode_for(input),
                url: None,
                charset: None,
                warc: None,
                site: match input {
                    Input::File(p) => p.parent().map(|d| d.display().to_string()),
                    Input::Stdin => None,
                },
            },
            Err(e) => Work::Fail(Reason::Unreadable, format!("cannot read: {e}")),
        };
        if !emit(Item { name, work }) {
            return;
        }
    }
}

/// A reader that adds the bytes it reads to a shared count, for progress reports.
struct Counting<'a, R> {
    inner: R,
    count: &'a AtomicU64,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The items of one WARC file. Returns false when `emit` asked to stop.
fn warc_items(
    name: &str,
    file: impl Read,
    limit: usize,
    emit: &mut impl FnMut(Item) -> bool,
) -> bool {
    for (n, record) in Reader::new(file, limit).enumerate() {
        let item_name = format!("{name}#{n}");
        let work = match record {
            Ok(record) => record_work(&record, limit),
            Err(WarcError::TooLarge { length, .. }) => Work::Fail(
                Reason::TooLarge,
                format!("record of {length} bytes is over the limit"),
            ),
            Err(e @ (WarcError::Truncated(_) | WarcError::BadHeader(_))) => {
                Work::Fail(Reason::Truncated, e.to_string())
            }
            Err(e) => Work::Fail(Reason::Unreadable, e.to_string()),
        };
        if !emit(Item {
            name: item_name,
            work,
        }) {
            return false;
        }
    }
    true
}

fn record_work(record: &tamis_warc::Record, limit: usize) -> Work {
    let warc = Some(WarcInfo {
        record_id: record.id().unwrap_or_default().to_string(),
        date: record.date().map(str::to_string),
    });
    let url = record.url().map(str::to_string);
    let site = url
        .as_deref()
        .and_then(tamis::crosspage::site_of_url)
        .map(str::to_string);
    match record.kind().map(str::to_ascii_lowercase).as_deref() {
        Some("conversion") => Work::Page {
            bytes: record.block.clone(),
            mode: InputMode::Text,
            url,
            charset: None,
            warc,
            site,
        },
        Some("response") => {
            let response = match http::parse(&record.block) {
                Ok(r) => r,
                Err(e) => return Work::Fail(Reason::Undecodable, e.to_string()),
            };
            if !(200..300).contains(&response.status) {
                return Work::Skip(Reason::NotHtml);
            }
            let media = response.media_type().unwrap_or_default();
            let htmlish = media.is_empty() || media.contains("html") || media == "text/plain";
            if !htmlish {
                return Work::Skip(Reason::NotHtml);
            }
            let body = match response.body() {
                Ok(b) => b,
                Err(e) => return Work::Fail(Reason::Undecodable, e.to_string()),
            };
            if body.len() > limit {
                return Work::Fail(
                    Reason::TooLarge,
                    format!("payload of {} bytes is over the limit", body.len()),
                );
            }
            let mode = if media == "text/plain" {
                InputMode::Text
            } else {
                InputMode::Html
            };
            Work::Page {
                bytes: body,
                mode,
                url,
                charset: response.charset().map(str::to_string),
                warc,
                site,
            }
        }
        _ => Work::Skip(Reason::NotADocument),
    }
}

/// The report's reason for an engine error.
pub fn reason_of(e: &tamis::Error) -> Reason {
    match e {
        tamis::Error::Empty => Reason::Empty,
        tamis::Error::TooLarge { .. } => Reason::TooLarge,
        tamis::Error::Binary | tamis::Error::Decompress(_) => Reason::Undecodable,
    }
}
