//! Writes documents in the chosen format to a file or standard output.

use std::io::Write;

use anyhow::Result;
use tamis::render;

use crate::FormatArg;

/// The outcome of one input: a document, or the reason there is none.
pub type Outcome = std::result::Result<tamis::Document, String>;

/// Writes one outcome. `many` says whether the run has several inputs (txt and markdown then
/// name each document).
pub fn write(
    out: &mut dyn Write,
    source: &str,
    outcome: &Outcome,
    format: FormatArg,
    comments: bool,
    many: bool,
) -> Result<()> {
    match (outcome, format) {
        (Ok(doc), FormatArg::Jsonl) => {
            serde_json::to_writer(&mut *out, &render::record(doc, comments))?;
            out.write_all(b"\n")?;
        }
        (Ok(doc), FormatArg::Json) => {
            serde_json::to_writer_pretty(&mut *out, &render::record(doc, comments))?;
            out.write_all(b"\n")?;
        }
        (Ok(doc), FormatArg::Txt) => {
            if many {
                writeln!(out, "==> {source} <==")?;
            }
            let mut text = render::plain_text(&doc.body);
            if comments && !doc.comments.is_empty() {
                text.push_str("\n\n");
                text.push_str(&render::plain_text(&doc.comments));
            }
            writeln!(out, "{text}")?;
            if many {
                writeln!(out)?;
            }
        }
        (Ok(doc), FormatArg::Markdown) => {
            if many {
                writeln!(out, "<!-- {source} -->")?;
            }
            write!(out, "{}", render::markdown(doc, comments))?;
            if many {
                writeln!(out)?;
            }
        }
        (Err(reason), FormatArg::Json | FormatArg::Jsonl) => {
            let rec = serde_json::json!({ "source": source, "error": reason });
            if matches!(format, FormatArg::Json) {
                serde_json::to_writer_pretty(&mut *out, &rec)?;
            } else {
                serde_json::to_writer(&mut *out, &rec)?;
            }
            out.write_all(b"\n")?;
        }
        // Text formats have no place for an error; the summary on standard error reports it.
        (Err(_), FormatArg::Txt | FormatArg::Markdown) => {}
    }
    Ok(())
}
