//! The one data model every output format renders from.

use serde::Serialize;

use crate::blocks::Kind;
use crate::input::InputKind;
use crate::meta::Metadata;

/// A clean document: metadata, the main text as sections, and the comments apart.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Where the page came from (a path, `-`, or a WARC file and offset), as the caller named it.
    pub source: Option<String>,
    /// Whether the page was read as HTML or as flattened text.
    pub input: InputKind,
    #[serde(flatten)]
    pub meta: Metadata,
    /// The main content, in page order.
    pub body: Vec<Section>,
    /// Comments, in page order.
    pub comments: Vec<Section>,
    /// The page was cut short (markup nested too deep): the document holds what came before.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
    /// The WARC record the page came from, when it came from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc: Option<WarcInfo>,
}

/// Identity of the WARC record a document was read from.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct WarcInfo {
    pub record_id: String,
    pub date: Option<String>,
}

/// A heading, paragraph, list item, table cell, code block or quote of the main content.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Section {
    #[serde(flatten)]
    pub kind: Kind,
    pub text: String,
    /// A table cell on the same row as the section before it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub same_row: bool,
}
