//! tamis sifts web pages: it keeps the content and lets the chaff fall through.
//!
//! Bytes in (HTML, or text a naive converter already flattened; gzipped or not; any encoding),
//! a [`Document`] out: the main text as sections, comments apart, and metadata.
//!
//! ```
//! let html = b"<html><head><title>Bridge opens | Town News</title></head><body>\
//!     <nav><a href=/>Home</a> <a href=/news>News</a></nav>\
//!     <article><h1>Bridge opens</h1><p>The new bridge opened on Monday, after three years \
//!     of work, to cars, cyclists and people on foot.</p></article></body></html>";
//! let doc = tamis::extract(html, &tamis::Options::default()).unwrap();
//! assert_eq!(doc.meta.title.as_deref(), Some("Bridge opens"));
//! assert!(tamis::render::plain_text(&doc.body).starts_with("The new bridge opened"));
//! ```
//!
//! The path every page takes: [`input`] (decompress, sniff, decode) → [`html`] or [`text`]
//! (cut into [`blocks`]) → [`classify`] → [`meta`] → [`Document`] → [`render`].

pub mod blocks;
pub mod classify;
pub mod crosspage;
mod document;
pub mod html;
pub mod input;
pub mod lexicon;
pub mod meta;
pub mod render;
pub mod text;

pub use document::{Document, Section, WarcInfo};
pub use input::{InputKind, InputMode};
pub use meta::Metadata;

use blocks::{Block, Label};

/// Why a page gave no document.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("empty input")]
    Empty,
    #[error("input larger than the limit of {limit} bytes")]
    TooLarge { limit: usize },
    #[error("binary data, not HTML or text")]
    Binary,
    #[error("gzip stream is corrupt or truncated: {0}")]
    Decompress(String),
}

/// The default largest page, decompressed: pages beyond it are refused, not cut.
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

/// How to read a page.
#[derive(Debug, Clone)]
pub struct Options {
    /// HTML, text, or find out.
    pub input: InputMode,
    /// Refuse pages larger than this many bytes (compressed or decompressed).
    pub max_bytes: usize,
    /// The page's address, when the caller knows it (a WARC record's target URI).
    pub url: Option<String>,
    /// The charset the transport declared (an HTTP `Content-Type`), which outranks `<meta>`.
    pub http_charset: Option<String>,
    /// The site the page belongs to, for evidence across pages (default: the URL's host).
    pub site: Option<String>,
    /// Lines known to recur across the site's pages (see [`crosspage`]): they are furniture.
    pub recurring: Option<std::sync::Arc<crosspage::Recurring>>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            input: InputMode::Auto,
            max_bytes: DEFAULT_MAX_BYTES,
            url: None,
            http_charset: None,
            site: None,
            recurring: None,
        }
    }
}

/// Extracts a document from the raw bytes of one page.
pub fn extract(bytes: &[u8], opts: &Options) -> Result<Document, Error> {
    let (text, kind) = input::prepare(
        bytes,
        opts.input,
        opts.http_charset.as_deref(),
        opts.max_bytes,
    )?;
    Ok(match kind {
        InputKind::Html => extract_html(&text, opts),
        InputKind::Text => extract_text(&text, opts),
    })
}

/// Extracts a document from an HTML page already decoded.
pub fn extract_html(html_text: &str, opts: &Options) -> Document {
    let dom = html::dom::Dom::parse(html_text);
    let signals = meta::signals(&dom);
    let mut blocks = html::segment::segment(&dom).blocks;
    let shown = meta::ShownDates::of(&blocks);
    let mut meta = meta::resolve(&signals, opts.url.as_deref(), &shown);
    classify::html::classify(&dom, &mut blocks, signals.declares_article());
    if let Some(title) = &meta.title {
        mark_title(&mut blocks, title, &meta);
    }
    if meta.author.is_none() {
        // A visible "By Jane Doe" line near the top of the page.
        meta.author = blocks
            .iter()
            .take(400)
            .find_map(|b| classify::phrases::byline_name(&b.text))
            .or_else(|| {
                // "Written by" on its own, the name in the next block.
                blocks.windows(2).take(400).find_map(|w| {
                    (classify::phrases::is_byline_label(&w[0].text)
                        && classify::phrases::looks_like_name(&w[1].text))
                    .then_some(w[1].text.as_str())
                })
            })
            .and_then(meta::clean_author);
    }
    let undeclared_language = meta.language.is_none();
    let (mut body, comments) = sections(&blocks);
    add_json_ld_description(&signals.jsonld, &mut body);
    drop_fragment(&mut body);
    if undeclared_language {
        meta.language = meta::lang::detect(&render::plain_text(&body));
    }
    Document {
        source: None,
        input: InputKind::Html,
        meta,
        body,
        comments,
        truncated: dom.truncated,
        warc: None,
    }
}

/// Extracts a document from text a naive HTML-to-text step already flattened.
pub fn extract_text(text: &str, opts: &Options) -> Document {
    let mut blocks = text::segment(text);
    let site = opts
        .site
        .as_deref()
        .or_else(|| opts.url.as_deref().and_then(crosspage::site_of_url));
    if let (Some(recurring), Some(site)) = (&opts.recurring, site) {
        for b in &mut blocks {
            if recurring.contains(site, &b.text) {
                b.hints.0 |= blocks::Hints::BOILER;
            }
        }
    }
    let found = classify::text::classify(&mut blocks);
    let (mut body, comments) = sections(&blocks);
    drop_fragment(&mut body);
    let title = blocks
        .iter()
        .find(|b| b.label == Label::Title)
        .map(|b| b.text.clone());
    let meta = Metadata {
        url: opts.url.clone(),
        title,
        author: found.author,
        date: found.date,
        language: meta::lang::detect(&render::plain_text(&body)),
        ..Metadata::default()
    };
    Document {
        source: None,
        input: InputKind::Text,
        meta,
        body,
        comments,
        truncated: false,
        warc: None,
    }
}

/// Marks the content block that repeats the title (the page's heading, perhaps with the site's
/// name glued on) as the title, unless it is the page's only content: a page whose declared title
/// repeats its one paragraph keeps it as text.
fn mark_title(blocks: &mut [Block], title: &str, meta: &meta::Metadata) {
    if blocks
        .iter()
        .filter(|b| b.label == Label::Content)
        .nth(1)
        .is_none()
    {
        return;
    }
    let t = meta::title::key(title);
    if let Some(b) = blocks
        .iter_mut()
        .filter(|b| b.label == Label::Content)
        .take(12)
        .find(|b| {
            meta::title::key(&b.text) == t || {
                let (site, url) = (meta.sitename.as_deref(), meta.url.as_deref());
                meta::title::key(meta::title::without_site_tail(&b.text, site, url)) == t
            }
        })
    {
        b.label = Label::Title;
    }
}

/// Product pages built by scripts often carry their description only in JSON-LD: when the page's
/// main entity is a product whose description the extracted text lacks, the description opens the
/// body, cut into paragraphs (descriptions may hold HTML). Other kinds' descriptions are summaries,
/// not text, and stay in the metadata.
fn add_json_ld_description(jsonld: &meta::jsonld::JsonLd, body: &mut Vec<Section>) {
    const MIN_WORDS: usize = 12;
    if jsonld.kind.as_deref() != Some("Product") {
        return;
    }
    let Some(description) = jsonld.description.as_deref() else {
        return;
    };
    let paragraphs: Vec<String> = if description.contains('<') {
        let dom = html::dom::Dom::parse(description);
        html::segment::segment(&dom)
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect()
    } else {
        description
            .lines()
            .map(meta::clean)
            .filter(|l| !l.is_empty())
            .collect()
    };
    let words = meta::lowercase_words;
    let described: Vec<String> = paragraphs.iter().flat_map(|p| words(p)).collect();
    if described.len() < MIN_WORDS {
        return;
    }
    // Already in the text, in its words if not in its exact form, when most of its words are.
    let present: rustc_hash::FxHashSet<String> = body.iter().flat_map(|s| words(&s.text)).collect();
    let shared = described.iter().filter(|w| present.contains(*w)).count();
    if shared * 2 >= described.len() {
        return;
    }
    let added = paragraphs.into_iter().map(|text| Section {
        kind: blocks::Kind::Paragraph,
        text,
        same_row: false,
    });
    body.splice(0..0, added);
}

/// A main text of fewer words than this is not a page's content but what is left of an app shell
/// or an empty page: "Help", "Shop by brand", "You need to enable JavaScript to run this app.".
const MIN_BODY_WORDS: usize = 10;

/// Empties a body too short to be content ([`MIN_BODY_WORDS`]): an empty text says that the page
/// had none, where a stray menu word would pass for it.
fn drop_fragment(body: &mut Vec<Section>) {
    let mut words = 0;
    for s in body.iter() {
        // Scripts written without spaces count about two characters a word.
        words += blocks::TextStats::of(&s.text).word_equivalents() as usize;
        if words >= MIN_BODY_WORDS {
            return;
        }
    }
    body.clear();
}

/// The content and comment blocks as sections.
fn sections(blocks: &[Block]) -> (Vec<Section>, Vec<Section>) {
    let mut body = Vec::new();
    let mut comments = Vec::new();
    let mut prev_row = [html::dom::NONE; 2];
    for b in blocks {
        let (out, slot) = match b.label {
            Label::Content => (&mut body, 0),
            Label::Comment => (&mut comments, 1),
            _ => continue,
        };
        let same_row = b.row != html::dom::NONE && b.row == prev_row[slot] && !out.is_empty();
        prev_row[slot] = b.row;
        out.push(Section {
            kind: b.kind,
            text: b.text.clone(),
            same_row,
        });
    }
    (body, comments)
}
