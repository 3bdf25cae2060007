//! Parquet output: one row per document, in row groups, the schema documented in the README
//! ("Parquet"), readable by pyarrow, Hugging Face datasets and Spark. Failed items are not rows:
//! the summary and `--stats` account for them.

use std::fs::File;
use std::io::BufWriter;
use std::sync::Arc;

use anyhow::{Context, Result};
use parquet::basic::{Compression, ZstdLevel};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

/// The schema. String columns are UTF-8; `categories` and `tags` are lists of strings.
pub const SCHEMA: &str = "message document {
    REQUIRED BINARY source (UTF8);
    OPTIONAL BINARY url (UTF8);
    OPTIONAL BINARY title (UTF8);
    OPTIONAL BINARY author (UTF8);
    OPTIONAL BINARY date (UTF8);
    OPTIONAL BINARY sitename (UTF8);
    OPTIONAL BINARY description (UTF8);
    OPTIONAL BINARY language (UTF8);
    OPTIONAL BINARY image (UTF8);
    OPTIONAL group categories (LIST) { REPEATED group list { REQUIRED BINARY element (UTF8); } }
    OPTIONAL group tags (LIST) { REPEATED group list { REQUIRED BINARY element (UTF8); } }
    REQUIRED BINARY text (UTF8);
    REQUIRED BINARY comments (UTF8);
    REQUIRED BINARY input (UTF8);
    REQUIRED BOOLEAN truncated;
    OPTIONAL BINARY warc_record_id (UTF8);
    OPTIONAL BINARY warc_date (UTF8);
}";

/// Rows held before a row group is written.
const ROWS_PER_GROUP: usize = 5000;

/// One output row, owned.
struct Row {
    strings: [Option<String>; 9],
    lists: [Vec<String>; 2],
    text: String,
    comments: String,
    input: &'static str,
    truncated: bool,
    warc: [Option<String>; 2],
}

pub struct ParquetWriter {
    writer: SerializedFileWriter<BufWriter<File>>,
    rows: Vec<Row>,
}

impl ParquetWriter {
    pub fn create(file: File) -> Result<ParquetWriter> {
        let schema = Arc::new(parse_message_type(SCHEMA).context("parquet schema")?);
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(
                ZstdLevel::try_new(3).context("zstd level")?,
            ))
            .build();
        let writer = SerializedFileWriter::new(
            BufWriter::with_capacity(1 << 20, file),
            schema,
            Arc::new(props),
        )
        .context("cannot start the parquet file")?;
        Ok(ParquetWriter {
            writer,
            rows: Vec::with_capacity(ROWS_PER_GROUP),
        })
    }

    /// Adds a document; a row group is written every `ROWS_PER_GROUP` rows.
    pub fn push(&mut self, doc: &tamis::Document, with_comments: bool) -> Result<()> {
        let r = tamis::render::record(doc, with_comments);
        let own = |s: Option<&str>| s.map(str::to_string);
        self.rows.push(Row {
            strings: [
                own(r.source),
                own(r.url),
                own(r.title),
                own(r.author),
                own(r.date),
                own(r.sitename),
                own(r.description),
                own(r.language),
                own(r.image),
            ],
            lists: [r.categories.to_vec(), r.tags.to_vec()],
            input: match r.input {
                tamis::InputKind::Html => "html",
                tamis::InputKind::Text => "text",
            },
            truncated: r.truncated,
            warc: [own(r.warc_record_id), own(r.warc_date)],
            text: r.text,
            comments: r.comments,
        });
        if self.rows.len() >= ROWS_PER_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let mut group = self.writer.next_row_group()?;
        let mut index = 0usize;
        while let Some(mut column) = group.next_column()? {
            match index {
                // source is required; the rest of the first nine are optional strings.
                0 => required(
                    column.typed::<ByteArrayType>(),
                    rows.iter().map(|r| r.strings[0].as_deref().unwrap_or("")),
                )?,
                1..=8 => optional(
                    column.typed::<ByteArrayType>(),
                    rows.iter().map(|r| r.strings[index].as_deref()),
                )?,
                9 | 10 => list(
                    column.typed::<ByteArrayType>(),
                    rows.iter().map(|r| &r.lists[index - 9]),
                )?,
                11 => required(
                    column.typed::<ByteArrayType>(),
                    rows.iter().map(|r| r.text.as_str()),
                )?,
                12 => required(
                    column.typed::<ByteArrayType>(),
                    rows.iter().map(|r| r.comments.as_str()),
                )?,
                13 => required(
                    column.typed::<ByteArrayType>(),
                    rows.iter().map(|r| r.input),
                )?,
                14 => {
                    let values: Vec<bool> = rows.iter().map(|r| r.truncated).collect();
                    column
                        .typed::<BoolType>()
                        .write_batch(&values, None, None)?;
                }
                15 | 16 => optional(
                    column.typed::<ByteArrayType>(),
                    rows.iter().map(|r| r.warc[index - 15].as_deref()),
                )?,
                _ => anyhow::bail!("parquet schema has more columns than the writer knows"),
            }
            column.close()?;
            index += 1;
        }
        group.close()?;
        Ok(())
    }

    /// Writes the last row group and the footer.
    pub fn finish(mut self) -> Result<()> {
        self.flush()?;
        self.writer
            .close()
            .context("cannot finish the parquet file")?;
        Ok(())
    }
}

type Strings<'a, 'b> = &'a mut parquet::column::writer::ColumnWriterImpl<'b, ByteArrayType>;

fn required<'s>(w: Strings, values: impl Iterator<Item = &'s str>) -> Result<()> {
    let values: Vec<ByteArray> = values
        .map(|s| ByteArray::from(s.as_bytes().to_vec()))
        .collect();
    w.write_batch(&values, None, None)?;
    Ok(())
}

fn optional<'s>(w: Strings, values: impl Iterator<Item = Option<&'s str>>) -> Result<()> {
    let mut defs = Vec::new();
    let mut present = Vec::new();
    for v in values {
        defs.push(v.is_some() as i16);
        if let Some(s) = v {
            present.push(ByteArray::from(s.as_bytes().to_vec()));
        }
    }
    w.write_batch(&present, Some(&defs), None)?;
    Ok(())
}

/// A list of strings: definition 1 for an empty list, 2 for an element; repetition 1 for every
/// element after a row's first.
fn list<'s>(w: Strings, rows: impl Iterator<Item = &'s Vec<String>>) -> Result<()> {
    let (mut defs, mut reps, mut values) = (Vec::new(), Vec::new(), Vec::new());
    for items in rows {
        if items.is_empty() {
            defs.push(1);
            reps.push(0);
        }
        for (i, s) in items.iter().enumerate() {
            defs.push(2);
            reps.push(i16::from(i > 0));
            values.push(ByteArray::from(s.as_bytes().to_vec()));
        }
    }
    w.write_batch(&values, Some(&defs), Some(&reps))?;
    Ok(())
}
