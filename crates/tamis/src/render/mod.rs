//! Renders a [`Document`](crate::Document) as plain text, Markdown or a JSON record.

mod json;
mod markdown;
mod text;

pub use json::{record, Record};
pub use markdown::markdown;
pub use text::{document_text, plain_text};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: paragraphs apart by a blank line.
    Txt,
    Markdown,
    /// One pretty-printed JSON object.
    Json,
    /// One JSON object a line.
    Jsonl,
}
