//! The JSON record: the document's metadata, its text and its comments as plain text.

use serde::Serialize;

use crate::document::Document;
use crate::render::{document_text, plain_text};

/// One output record. Field names are the documented schema (README, "Output schema").
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    pub source: Option<&'a str>,
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    pub author: Option<&'a str>,
    pub date: Option<&'a str>,
    pub sitename: Option<&'a str>,
    pub description: Option<&'a str>,
    pub language: Option<&'a str>,
    pub image: Option<&'a str>,
    pub categories: &'a [String],
    pub tags: &'a [String],
    pub text: String,
    pub comments: String,
    pub input: crate::input::InputKind,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc_record_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc_date: Option<&'a str>,
}

/// The record for a document. `with_comments` puts the comments at the end of `text` as well.
pub fn record(doc: &Document, with_comments: bool) -> Record<'_> {
    let text = document_text(doc, with_comments);
    let comments = plain_text(&doc.comments);
    let m = &doc.meta;
    Record {
        source: doc.source.as_deref(),
        url: m.url.as_deref(),
        title: m.title.as_deref(),
        author: m.author.as_deref(),
        date: m.date.as_deref(),
        sitename: m.sitename.as_deref(),
        description: m.description.as_deref(),
        language: m.language.as_deref(),
        image: m.image.as_deref(),
        categories: &m.categories,
        tags: &m.tags,
        text,
        comments,
        input: doc.input,
        truncated: doc.truncated,
        warc_record_id: doc.warc.as_ref().map(|w| w.record_id.as_str()),
        warc_date: doc.warc.as_ref().and_then(|w| w.date.as_deref()),
    }
}
