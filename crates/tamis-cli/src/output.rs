//! Writes documents in the chosen format to standard output or to a file, compressed by the
//! file's name (`.gz`, `.zst`), or as Parquet. A file is written under a temporary name and renamed when the run
//! ends, so a reader never sees half an output.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tamis::render;

use crate::parquet_out::ParquetWriter;
use crate::source::Reason;
use crate::FormatArg;

/// The outcome of one item.
pub enum Outcome {
    Document(Box<tamis::Document>),
    /// Not a document (a WARC request record, an image): counted, not written.
    Skipped(Reason),
    /// A document that could not be had: counted, and written as an error record in JSON.
    Failed(Reason, String),
}

/// Where output goes.
pub struct Sink {
    writer: Writer,
    /// The temporary file and the final name, for a file output.
    rename: Option<(PathBuf, PathBuf)>,
}

enum Writer {
    Lines(Box<dyn Write>),
    Parquet(Box<ParquetWriter>),
}

impl Sink {
    /// A sink writing to `path`, or to standard output when there is none or it is `-`.
    pub fn open(path: Option<&Path>, format: FormatArg) -> Result<Sink> {
        let path = path.filter(|p| !crate::inputs::is_standard_stream(p));
        if matches!(format, FormatArg::Parquet) && path.is_none() {
            anyhow::bail!("--format parquet needs an output file (-o FILE.parquet)");
        }
        let Some(path) = path else {
            return Ok(Sink {
                writer: Writer::Lines(Box::new(BufWriter::new(std::io::stdout().lock()))),
                rename: None,
            });
        };
        let tmp = path.with_file_name(format!(
            ".{}.tmp-{}",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
            std::process::id()
        ));
        let file = std::fs::File::create(&tmp)
            .with_context(|| format!("cannot create {}", tmp.display()))?;
        if matches!(format, FormatArg::Parquet) {
            let writer = Writer::Parquet(Box::new(ParquetWriter::create(file)?));
            return Ok(Sink {
                writer,
                rename: Some((tmp, path.to_path_buf())),
            });
        }
        let file = BufWriter::with_capacity(1 << 20, file);
        let name = path.to_string_lossy().to_ascii_lowercase();
        let writer: Box<dyn Write> = if name.ends_with(".gz") {
            Box::new(flate2::write::GzEncoder::new(
                file,
                flate2::Compression::new(6),
            ))
        } else if name.ends_with(".zst") {
            Box::new(
                zstd::Encoder::new(file, 3)
                    .context("cannot start zstd")?
                    .auto_finish(),
            )
        } else {
            Box::new(file)
        };
        Ok(Sink {
            writer: Writer::Lines(writer),
            rename: Some((tmp, path.to_path_buf())),
        })
    }

    /// Writes one outcome in the chosen format.
    pub fn emit(
        &mut self,
        source: &str,
        outcome: &Outcome,
        format: FormatArg,
        comments: bool,
        many: bool,
    ) -> Result<()> {
        match &mut self.writer {
            Writer::Lines(w) => write(w, source, outcome, format, comments, many),
            Writer::Parquet(p) => match outcome {
                Outcome::Document(doc) => p.push(doc, comments),
                Outcome::Skipped(_) | Outcome::Failed(..) => Ok(()),
            },
        }
    }

    /// Flushes, closes the compressor, and moves a file output into place.
    pub fn finish(self) -> Result<()> {
        let Sink { writer, rename } = self;
        match writer {
            Writer::Lines(mut w) => {
                w.flush().context("cannot write output")?;
                drop(w);
            }
            Writer::Parquet(p) => p.finish()?,
        }
        if let Some((tmp, path)) = rename {
            std::fs::rename(&tmp, &path)
                .with_context(|| format!("cannot move output into {}", path.display()))?;
        }
        Ok(())
    }
}

/// Writes one outcome. `many` says whether the run has several items (txt and markdown then name
/// each document).
fn write(
    out: &mut dyn Write,
    source: &str,
    outcome: &Outcome,
    format: FormatArg,
    comments: bool,
    many: bool,
) -> Result<()> {
    match (outcome, format) {
        (Outcome::Document(doc), FormatArg::Jsonl) => {
            serde_json::to_writer(&mut *out, &render::record(doc, comments))?;
            out.write_all(b"\n")?;
        }
        (Outcome::Document(doc), FormatArg::Json) => {
            serde_json::to_writer_pretty(&mut *out, &render::record(doc, comments))?;
            out.write_all(b"\n")?;
        }
        (Outcome::Document(doc), FormatArg::Txt) => {
            if many {
                writeln!(out, "==> {source} <==")?;
            }
            writeln!(out, "{}", render::document_text(doc, comments))?;
            if many {
                writeln!(out)?;
            }
        }
        (Outcome::Document(doc), FormatArg::Markdown) => {
            if many {
                writeln!(out, "<!-- {source} -->")?;
            }
            write!(out, "{}", render::markdown(doc, comments))?;
            if many {
                writeln!(out)?;
            }
        }
        (Outcome::Failed(reason, why), FormatArg::Json | FormatArg::Jsonl) => {
            let rec = serde_json::json!({ "source": source, "error": why, "reason": reason });
            if matches!(format, FormatArg::Json) {
                serde_json::to_writer_pretty(&mut *out, &rec)?;
            } else {
                serde_json::to_writer(&mut *out, &rec)?;
            }
            out.write_all(b"\n")?;
        }
        // Text formats have no place for an error: the summary on standard error reports it.
        // Skipped items are not documents: the summary and --stats count them.
        (Outcome::Failed(..), FormatArg::Txt | FormatArg::Markdown) | (Outcome::Skipped(_), _) => {}
        // Parquet goes through its own writer.
        (_, FormatArg::Parquet) => {}
    }
    Ok(())
}
