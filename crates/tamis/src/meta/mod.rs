//! Metadata: title, authors, date, site name, description, URL, language, image, categories, tags.
//!
//! Read from JSON-LD, OpenGraph, Dublin Core and other `<meta>` tags, microdata, `<time>` elements
//! and visible bylines; the first trustworthy source in a fixed order of preference wins, except for
//! the title, which a small model chooses among the page's names (`title.rs`).

pub mod date;
pub mod jsonld;
pub mod lang;
pub mod title;

use html5ever::local_name;
use memchr::memmem::Finder;
use serde::Serialize;
use std::sync::OnceLock;

use crate::blocks::{Block, Kind};
use crate::classify::phrases;
use crate::html::dom::Dom;
use crate::html::segment::PERMALINK_MARKS;
use crate::input::references;

/// The document's metadata. Every field is optional: a page may not say.
#[derive(Debug, Default, Clone, Serialize, PartialEq)]
pub struct Metadata {
    pub url: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub sitename: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub image: Option<String>,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
}

/// Decodes the character references that JSON-LD and attribute values often carry escaped a second
/// time (`&amp;`, `&#8217;`, `&hellip;`, …), then folds white space, trims, and drops invisible
/// formatting characters (a reference may spell one out: `&shy;`, `&#8203;`).
pub fn clean(s: &str) -> String {
    without_invisible(&references::decode(s))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Elements a description given as HTML opens with.
const DESCRIPTION_MARKUP: &[&str] = &[
    "p", "div", "span", "section", "strong", "em", "b", "i", "a", "br", "ul", "ol", "h1", "h2",
    "h3", "h4", "img", "figure",
];

/// A description given as HTML, as feeds write summaries ("<p>I did <a href=…>Advent of Code</a>
/// again</p>"), as its text. Only a value that opens with one of [`DESCRIPTION_MARKUP`] is read so:
/// "The <table> element represents…" names a tag, it does not hold one.
fn description_text(value: String) -> String {
    let opens_with_markup = value.strip_prefix('<').is_some_and(|rest| {
        DESCRIPTION_MARKUP.iter().any(|tag| {
            rest.get(..tag.len())
                .is_some_and(|name| name.eq_ignore_ascii_case(tag))
                && rest[tag.len()..].starts_with(['>', ' ', '/'])
        })
    });
    if !opens_with_markup {
        return value;
    }
    clean(&Dom::parse(&value).spaced_text_of(crate::html::dom::ROOT))
}

/// `s` without its invisible characters ([`is_invisible`]); borrowed when it has none.
fn without_invisible(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(is_invisible) {
        s.chars().filter(|&c| !is_invisible(c)).collect()
    } else {
        s.into()
    }
}

/// Characters a browser does not show that only get in the way of a name or a title: soft hyphens,
/// zero-width spaces and joiners of words, byte-order marks, and the marks, embeddings and isolates
/// of bidirectional text. (The zero-width joiners that shape scripts and emoji stay.)
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'
            | '\u{2066}'..='\u{2069}' | '\u{feff}'
    )
}

/// What the markup of a page says, gathered in one pass before any choice is made.
#[derive(Debug, Default)]
pub struct Signals {
    pub title_tag: Option<String>,
    /// `<meta>` name/property/itemprop (lower-cased) and content, in document order.
    pub metas: Vec<(String, String)>,
    pub canonical: Option<String>,
    pub html_lang: Option<String>,
    pub jsonld: jsonld::JsonLd,
    /// Text of the first `<h1>` elements.
    pub h1: Vec<String>,
    /// For each of `h1`: whether it stands in a link, a `<header>` or a `<nav>` (a logo, most often).
    pub h1_framed: Vec<bool>,
    /// Text of the first `<h2>` and `<h3>` elements.
    pub subheadings: Vec<String>,
    /// `datetime` of `<time>` elements, the ones marked as publication date first.
    pub times: Vec<String>,
    /// Text of elements marked as the author (rel=author, itemprop=author, class author/byline).
    pub author_elements: Vec<String>,
    /// Text of elements of class `username`, outside the page's header and navigation: how forum
    /// software marks a post's author. The first is the thread's.
    pub member_elements: Vec<String>,
}

impl Signals {
    /// Whether the page declares itself an article (OpenGraph's `og:type`, a JSON-LD article type):
    /// its content is one piece of prose, and the block classifier holds it to a stricter threshold.
    pub fn declares_article(&self) -> bool {
        self.jsonld.declares_article
            || self
                .meta(&["og:type"])
                .is_some_and(|t| t.to_ascii_lowercase().contains("article"))
    }

    fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(n, v)| n == k && !v.trim().is_empty())
                .map(|(_, v)| v.as_str())
        })
    }

    /// The value of a labelled pair of `<meta>` tags (`twitter:label1` "Written by" with
    /// `twitter:data1` "Jane Doe", as WordPress SEO plugins write them for link previews) whose
    /// label is a byline label.
    fn labelled_author(&self) -> Option<&str> {
        (1..=4).find_map(|k| {
            let label = self.meta(&[&format!("twitter:label{k}")])?;
            phrases::is_byline_label(label)
                .then(|| self.meta(&[&format!("twitter:data{k}")]))
                .flatten()
        })
    }

    fn meta_all(&self, key: &str) -> Vec<String> {
        self.metas
            .iter()
            .filter(|(n, _)| n == key)
            .map(|(_, v)| clean(v))
            .filter(|v| !v.is_empty())
            .collect()
    }
}

/// Gathers the metadata signals of a page in one pass over its nodes.
pub fn signals(dom: &Dom) -> Signals {
    let mut s = Signals::default();
    let mut scripts = Vec::new();
    let mut published_times = Vec::new();
    for (i, node) in dom.nodes.iter().enumerate() {
        if !node.is_element() {
            continue;
        }
        let id = i as u32;
        match *node.tag() {
            local_name!("title") if s.title_tag.is_none() => {
                let t = clean(&dom.text_of(id));
                if !t.is_empty() {
                    s.title_tag = Some(t);
                }
            }
            local_name!("meta") => {
                let key = node
                    .attr(&local_name!("property"))
                    .or_else(|| node.attr(&local_name!("name")))
                    .or_else(|| node.attr(&local_name!("itemprop")))
                    .or_else(|| node.attr(&local_name!("http-equiv")));
                if let (Some(k), Some(v)) = (key, node.attr(&local_name!("content"))) {
                    s.metas.push((k.trim().to_ascii_lowercase(), v.to_string()));
                }
            }
            local_name!("link") => {
                let rel = node
                    .attr(&local_name!("rel"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && s.canonical.is_none() {
                    s.canonical = node.attr(&local_name!("href")).map(str::to_string);
                }
            }
            local_name!("html") if s.html_lang.is_none() => {
                s.html_lang = node
                    .attr(&local_name!("lang"))
                    .or_else(|| node.attr(&html5ever::LocalName::from("xml:lang")))
                    .map(str::to_string);
            }
            local_name!("script") => {
                if node
                    .attr(&local_name!("type"))
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                {
                    scripts.push(dom.text_of(id));
                }
            }
            local_name!("h1") if s.h1.len() < 4 => {
                // Documentation generators end headings with a permalink sign.
                let t = clean(&dom.spaced_text_of(id))
                    .trim_end_matches(PERMALINK_MARKS)
                    .trim_end()
                    .to_string();
                if !t.is_empty() {
                    s.h1.push(t);
                    s.h1_framed.push(is_framed(dom, id));
                }
            }
            local_name!("h2") | local_name!("h3") if s.subheadings.len() < 12 => {
                let t = clean(&dom.spaced_text_of(id));
                if !t.is_empty() && t.len() <= 400 {
                    s.subheadings.push(t);
                }
            }
            local_name!("time") => {
                if let Some(dt) = node
                    .attr(&local_name!("datetime"))
                    .or_else(|| node.attr(&local_name!("content")))
                {
                    let published = node
                        .attr(&local_name!("itemprop"))
                        .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                        || node
                            .attr(&local_name!("class"))
                            .is_some_and(|c| c.contains("publish") || c.contains("entry-date"));
                    if published {
                        published_times.push(dt.to_string());
                    } else if s.times.len() < 8 {
                        s.times.push(dt.to_string());
                    }
                }
            }
            _ => {}
        }
        if s.author_elements.len() < 4 && is_author_element(node) {
            let t = clean(&dom.spaced_text_of(id));
            if !t.is_empty() && t.len() < 120 {
                s.author_elements.push(t);
            }
        } else if s.member_elements.len() < 2
            && is_member_element(node)
            // Not the account menu of a page's header ("Hi, Jane").
            && !under(dom, id, &[local_name!("header"), local_name!("nav")], 32)
        {
            let t = clean(&dom.spaced_text_of(id));
            if !t.is_empty() && t.len() < 60 {
                s.member_elements.push(t);
            }
        }
    }
    published_times.append(&mut s.times);
    s.times = published_times;
    s.jsonld = jsonld::parse(&scripts);
    s
}

/// Whether a heading stands in a link, a `<header>` or a `<nav>`: how sites frame their logo.
fn is_framed(dom: &Dom, id: u32) -> bool {
    // A logo sits near its heading.
    under(
        dom,
        id,
        &[local_name!("a"), local_name!("header"), local_name!("nav")],
        32,
    )
}

/// Whether one of the `levels` elements above `id` is one of `tags`.
fn under(dom: &Dom, id: u32, tags: &[html5ever::LocalName], levels: usize) -> bool {
    let mut at = dom.node(id).parent;
    for _ in 0..levels {
        if at == crate::html::dom::NONE {
            return false;
        }
        let node = dom.node(at);
        if node.is_element() && tags.contains(node.tag()) {
            return true;
        }
        at = node.parent;
    }
    false
}

/// An element that names a member of the site, as forum software marks its posters: class
/// `username`. (Links to members' profiles name too much else: channels, sign-in pages.)
fn is_member_element(node: &crate::html::dom::Node) -> bool {
    node.attr(&local_name!("class")).is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|name| name.eq_ignore_ascii_case("username"))
    })
}

fn is_author_element(node: &crate::html::dom::Node) -> bool {
    if matches!(
        *node.tag(),
        local_name!("meta") | local_name!("link") | local_name!("script") | local_name!("img")
    ) {
        return false;
    }
    if node
        .attr(&local_name!("rel"))
        .is_some_and(|r| r.split_whitespace().any(|x| x == "author"))
    {
        return true;
    }
    if node
        .attr(&local_name!("itemprop"))
        .is_some_and(|p| p == "author")
    {
        return true;
    }
    // A link to the author's page.
    if *node.tag() == local_name!("a")
        && node
            .attr(&local_name!("href"))
            .is_some_and(|h| h.contains("/author/") || h.contains("/authors/"))
    {
        return true;
    }
    // A class naming the author or byline, not the author's photo, biography or box.
    node.attr(&local_name!("class")).is_some_and(|c| {
        let mentions = |w: &[u8]| crate::lexicon::contains_ignore_ascii_case(c.as_bytes(), w);
        if !(mentions(b"author") || mentions(b"byline") || mentions(b"writer")) {
            return false;
        }
        c.split_ascii_whitespace().any(|name| {
            let n = name.to_ascii_lowercase();
            let parts: Vec<&str> = n.split(['-', '_']).filter(|p| !p.is_empty()).collect();
            parts
                .iter()
                .any(|p| matches!(*p, "author" | "byline" | "authorname" | "writer"))
                && !parts.iter().any(|p| {
                    matches!(
                        *p,
                        "bio"
                            | "avatar"
                            | "image"
                            | "img"
                            | "photo"
                            | "box"
                            | "about"
                            | "description"
                            | "desc"
                            | "info"
                            | "wrapper"
                            | "wrap"
                            | "container"
                            | "social"
                            | "title"
                            | "label"
                            | "prefix"
                            | "pic"
                            | "picture"
                            | "details"
                            | "block"
                            | "card"
                    )
                })
        })
    })
}

/// An author's name as a page prints it, cleaned: byline labels ("By", "Written by:"), a date
/// around it and quotes come off; URLs, e-mail addresses and a label alone are refused.
pub fn clean_author(raw: &str) -> Option<String> {
    let mut a = clean(raw);
    // Labels that open a byline, in any case and with or without a colon: "By", "Written by:",
    // "Author" (data/byline-prefixes.txt).
    while let Some(rest) = phrases::strip_byline_label(&a) {
        a = rest.to_string();
    }
    // "Text by Hunter Dukes", "Recipe by PJ Hamel", "Posted byJane Doe": one word, then "by".
    if let Some((first, rest)) = a.split_once(' ') {
        let rest = rest.trim_start();
        let spaced =
            rest.len() > 3 && rest.is_char_boundary(3) && rest[..3].eq_ignore_ascii_case("by ");
        // Glued only in lower case, so that "JOHN BYRD" keeps its name.
        let glued = rest.starts_with("by") && rest[2..].starts_with(char::is_uppercase);
        if (spaced || glued) && first.chars().all(char::is_alphabetic) {
            a = rest[2..].trim().to_string();
        }
    }
    // Both cuts below need a date, so a digit: most names have none and skip them.
    if a.bytes().any(|b| b.is_ascii_digit()) {
        // "16 December 2025 by Sam O'Brien": the name follows the last "by" when a date precedes
        // it. (Searched in `a` itself, ASCII case-insensitively: lower-casing may move byte
        // offsets.)
        let by = a
            .as_bytes()
            .windows(4)
            .rposition(|w| w.eq_ignore_ascii_case(b" by "));
        if let Some(at) = by {
            if a[..at].chars().any(|c| c.is_ascii_digit()) {
                a = a[at + 4..].trim().to_string();
            }
        }
        // "Jane Doe - June 12, 2025", "Jane Doe on 04-08-2021": a trailing part holding a date
        // goes.
        for sep in author_separators() {
            if let Some(at) = sep.find(a.as_bytes()) {
                if at > 0 && a[at..].chars().any(|c| c.is_ascii_digit()) {
                    a.truncate(at);
                }
            }
        }
    }
    if date::starts_with_date(&a) {
        return None;
    }
    cut_trailing_noise(&mut a);
    let a = a
        .trim_matches(|c: char| {
            matches!(c, '|' | ',' | '-' | '*' | '"' | '“' | '”' | '«' | '»') || c.is_whitespace()
        })
        .to_string();
    if a.is_empty()
        || date::is_weekday(&a)
        || a.len() > 100
        || a.contains("://")
        || a.contains('@')
        || a.starts_with("www.")
        // A template's placeholder: "page.head.extra.author".
        || (!a.contains(' ') && a.matches('.').count() >= 3 && !a.chars().any(char::is_uppercase))
        || phrases::is_byline_label(&a)
        // A content system's default account, not a person: "admin"; or a script's placeholder
        // for a value it did not have: "undefined".
        || ["admin", "administrator", "webmaster", "undefined", "null"]
            .iter()
            .any(|p| a.eq_ignore_ascii_case(p))
    {
        return None;
    }
    if !a.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(a)
}

/// What stands between an author's name and a date or a repeat of the name in a byline: " - ",
/// " – ", " — ", " | " (the first four), then " • ", " · ", " on "; searchers built once.
fn author_separators() -> &'static [Finder<'static>] {
    static SEPARATORS: OnceLock<Vec<Finder<'static>>> = OnceLock::new();
    SEPARATORS.get_or_init(|| {
        [" - ", " – ", " — ", " | ", " • ", " · ", " on "]
            .iter()
            .map(|sep| Finder::new(sep).into_owned())
            .collect()
    })
}

/// "Doe, Jane" as "Jane Doe": a name written surname first, as scholarly metadata writes them. A
/// comma before a title or a suffix ("Jane Doe, MD", "John Smith, Jr.") is not that, and a name
/// with initials ("Kaufman, Jeff T.") stays as written: pages print those so as often as not.
fn first_name_first(name: &str) -> std::borrow::Cow<'_, str> {
    let Some((last, first)) = name.split_once(", ") else {
        return name.into();
    };
    let words = |s: &str| s.split_whitespace().count();
    let name_like = |s: &str| {
        (1..=3).contains(&words(s))
            && s.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().any(char::is_lowercase)
                    && !w.chars().any(|c| c.is_ascii_digit())
            })
    };
    let suffix = first.trim_end_matches('.').to_ascii_lowercase();
    if first.contains(',')
        || !name_like(last)
        || !name_like(first)
        || matches!(suffix.as_str(), "jr" | "sr" | "phd" | "esq")
    {
        return name.into();
    }
    format!("{first} {last}").into()
}

/// What follows a name in a byline and is not part of it: a date ("Jane Doe February 8, 2022",
/// "Luke KimDecember 17, 2025"), a count ("user42 1591 silver badges"), the name again
/// ("pcurry – pcurry", "raoul (raoul)") or an avatar's initial ("JosephF J").
fn cut_trailing_noise(a: &mut String) {
    // A date that starts at a word, or glued to the name: "KimDecember 17", "Yucy3/4/2025" (looked
    // for only where one may be).
    let mut starts = a.char_indices().filter(|&(i, c)| {
        i > 0 && {
            let prev = a[..i].chars().next_back().unwrap_or(' ');
            (prev.is_whitespace() && !c.is_whitespace())
                || (prev.is_lowercase() && c.is_uppercase())
                || (prev.is_alphabetic() && c.is_ascii_digit())
        }
    });
    let date_at = if date::may_show_date(a) {
        starts.find(|&(i, _)| date::starts_with_date(&a[i..]))
    } else {
        None
    };
    if let Some((at, _)) = date_at {
        a.truncate(at);
        // "Jane Doe Updated December 19, 2025": the date's own label goes with it.
        while let Some((rest, last)) = a.trim_end().rsplit_once(' ') {
            // A trailing ':' ("Updated:") is the label's own: is_date_label ignores it.
            if !phrases::is_date_label(last) {
                break;
            }
            let keep = rest.len();
            a.truncate(keep);
        }
    }
    // A number standing alone after the name, with more words after it.
    let words: Vec<&str> = a.split_whitespace().collect();
    let number = words
        .iter()
        .enumerate()
        .find(|&(i, w)| i > 0 && i + 1 < words.len() && w.bytes().all(|b| b.is_ascii_digit()))
        .map(|(_, w)| w.as_ptr() as usize - a.as_ptr() as usize);
    if let Some(at) = number {
        a.truncate(at);
    }
    let trimmed = a.trim_end();
    // "raoul (raoul)"
    if let Some(open) = trimmed.strip_suffix(')').and_then(|t| t.rfind(" (")) {
        if trimmed[..open].eq_ignore_ascii_case(&trimmed[open + 2..trimmed.len() - 1]) {
            a.truncate(open);
        }
    }
    // "pcurry – pcurry"
    for sep in &author_separators()[..4] {
        let halves = sep
            .find(a.as_bytes())
            .map(|at| (&a[..at], &a[at + sep.needle().len()..]));
        if let Some((x, y)) = halves {
            if x.trim().eq_ignore_ascii_case(y.trim()) {
                let keep = x.trim_end().len();
                a.truncate(keep);
            }
        }
    }
    // "Jane Doe Senior Reporter": a job title after the name, without a comma, goes; the name is
    // taken to be the first two words.
    if !a.contains(',') {
        let words: Vec<&str> = a.split_whitespace().collect();
        // "Jean-Paul Smith - Editor" is written as name and title: left as it is.
        let separated = words.iter().any(|w| !w.chars().any(char::is_alphanumeric));
        if !separated && words.len() >= 3 && phrases::is_byline_role(words[words.len() - 1]) {
            let second = words[1];
            let end = second.as_ptr() as usize - a.as_ptr() as usize + second.len();
            a.truncate(end);
        }
    }
    // "JosephF J": a lone capital that is the name's own initial.
    if let Some((name, last)) = a.trim_end().rsplit_once(' ') {
        let mut l = last.chars();
        if let (Some(c), None) = (l.next(), l.next()) {
            let initial = name
                .chars()
                .next()
                .map(|f| f.to_uppercase().next() == Some(c));
            if c.is_uppercase() && initial == Some(true) && !name.contains(' ') {
                a.truncate(name.len());
            }
        }
    }
}

/// Where pages declare their publication date, most trusted first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "citation_date",
    "article.published",
    "published_time",
    "article:published",
    "datecreated",
    "published",
];

/// Where pages declare when they were last changed.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "lastmod",
    "last-modified",
    "datemodified",
];

/// The dates a page's text shows a reader.
#[derive(Debug, Default, Clone)]
pub struct ShownDates {
    /// The first date of each short block, in page order.
    pub anywhere: Vec<String>,
    /// The date of the dateline under the headline, when it reads as the publication date.
    pub dateline: Option<String>,
    /// Whether the dateline writes its date in numbers alone, which may read day-first or
    /// month-first ("09.10.2024").
    pub dateline_numeric: bool,
}

impl ShownDates {
    /// Blocks this far into a page, and this short, are where bylines and datelines stand.
    const BLOCKS: usize = 400;
    const MAX_CHARS: u32 = 120;
    /// The dateline is among the first blocks after the `<h1>`.
    const UNDER_HEADLINE: usize = 12;

    pub fn of(blocks: &[Block]) -> ShownDates {
        let short = |b: &&Block| b.chars < Self::MAX_CHARS;
        let anywhere = blocks
            .iter()
            .take(Self::BLOCKS)
            .filter(short)
            .filter_map(|b| date::find_date(&b.text))
            .collect();
        // The dateline is the first short block under the page's headline, before any teaser for
        // another page, that shows a date. It dates the page unless it is a sentence that mentions
        // a date, or says the date is a later change ("Last updated …", "edited …", "last post by
        // …"): pages that show only their update date are dated by their declared publication
        // more often than not.
        let dateline = blocks
            .iter()
            .position(|b| b.kind == Kind::Heading(1))
            .and_then(|h1| {
                blocks[h1 + 1..]
                    .iter()
                    .take(Self::UNDER_HEADLINE)
                    .take_while(|b| !is_teaser(b))
                    .filter(short)
                    .find_map(|b| Some((b, date::find_date(&b.text)?)))
            })
            .filter(|(b, _)| !is_sentence(&b.text) && !phrases::mentions_update(&b.text));
        ShownDates {
            anywhere,
            dateline_numeric: dateline
                .as_ref()
                .is_some_and(|(b, _)| !date::names_month(&b.text)),
            dateline: dateline.map(|(_, d)| d),
        }
    }
}

/// A link of five words or more that is not a byline: a teaser for another page, so the page's own
/// header is over.
fn is_teaser(b: &Block) -> bool {
    b.link_chars == b.chars
        && b.text.split_whitespace().nth(4).is_some()
        && phrases::strip_byline_label(&b.text).is_none()
}

/// A line that reads as a sentence: eight words or more, ending like one.
fn is_sentence(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with(['.', ':', '?', '!', '。']) && line.split_whitespace().nth(7).is_some()
}

/// Picks the metadata from the signals. `url` is the address the caller knows the page by.
pub fn resolve(s: &Signals, url: Option<&str>, shown: &ShownDates) -> Metadata {
    let j = &s.jsonld;
    let mut m = Metadata {
        url: page_url(s, url),
        sitename: sitename(s),
        ..Metadata::default()
    };
    m.title = title::choose(s, m.sitename.as_deref(), m.url.as_deref())
        .map(|t| without_edge_separators(&t).to_string())
        .filter(|t| !t.is_empty());
    if m.sitename.is_none() {
        m.sitename = s
            .title_tag
            .as_deref()
            .and_then(|t| title::site_from_title(t, m.title.as_deref()));
    }
    let mut authors: Vec<String> = j.authors.iter().filter_map(|a| clean_author(a)).collect();
    if authors.is_empty() {
        authors = s
            .meta(&[
                "author",
                "article:author",
                "parsely-author",
                "sailthru.author",
                "byl",
            ])
            .or_else(|| s.labelled_author())
            .and_then(clean_author)
            .into_iter()
            .collect();
    }
    // Scholarly metadata writes one tag per author, often "Last, First".
    for key in ["citation_author", "dc.creator", "dcterms.creator"] {
        if authors.is_empty() {
            authors = s
                .meta_all(key)
                .iter()
                .filter_map(|a| clean_author(&first_name_first(a)))
                .collect();
        }
    }
    if authors.is_empty() {
        authors = s
            .author_elements
            .iter()
            // A long author element is a user card ("Member Joined … Messages …"), not a byline.
            .filter(|a| a.split_whitespace().count() <= 8)
            .find_map(|a| clean_author(a).filter(|a| a.split_whitespace().count() <= 6))
            .into_iter()
            .collect();
    }
    // A forum thread's author: its first poster.
    if authors.is_empty() {
        authors = s
            .member_elements
            .iter()
            .find_map(|a| clean_author(a).filter(|a| a.split_whitespace().count() <= 3))
            .into_iter()
            .collect();
    }
    if authors.is_empty() {
        authors = j.org_authors.clone();
    }
    authors.dedup();
    m.author = (!authors.is_empty()).then(|| authors.join(", "));
    let published = j
        .date_published
        .as_deref()
        .and_then(date::parse_date)
        .or_else(|| s.meta(PUBLISHED_KEYS).and_then(date::parse_date))
        .or_else(|| s.times.iter().find_map(|t| date::parse_date(t)));
    let modified = j
        .date_modified
        .as_deref()
        .and_then(date::parse_date)
        .or_else(|| s.meta(MODIFIED_KEYS).and_then(date::parse_date));
    let in_url = m.url.as_deref().and_then(date::date_in_url);
    // A declared time in UTC can fall on the next or previous day; the date the site wrote into
    // the address is its own local day.
    let published = match (published, &in_url) {
        (Some(p), Some(u)) if date::one_day_apart(&p, u) => Some(u.clone()),
        (p, _) => p,
    };
    // The date the reader sees under the headline wins over the declared one: where they differ,
    // the declared date is most often a template's or a republication's. Over WCXB dev the shown
    // date was right on 27 pages where the declared one was wrong, and wrong on 11. A
    // dateline written in numbers alone ("09.10.2024") yields to the declared date that reads
    // its day and month the other way.
    let dateline = shown.dateline.clone().filter(|d| {
        let swapped =
            shown.dateline_numeric && published.as_deref().is_some_and(|p| date::swapped(d, p));
        // A date shown later than every date the page declares, its last change included, is not
        // the page's: a forum header's "today".
        let after_last_change = matches!(
            (&published, &modified),
            (Some(p), Some(m)) if d.as_str() > p.as_str() && d.as_str() > m.as_str()
        );
        !swapped && !after_last_change
    });
    m.date = dateline
        .or(published)
        .or_else(|| shown.anywhere.first().cloned())
        .or(in_url)
        .or(modified);
    m.description = s
        .meta(&[
            "description",
            "og:description",
            "twitter:description",
            "dc.description",
        ])
        .map(clean)
        .or_else(|| j.description.clone())
        .map(description_text);
    m.image = s
        .meta(&[
            "og:image",
            "og:image:url",
            "twitter:image",
            "twitter:image:src",
        ])
        .map(|v| v.trim().to_string())
        .or_else(|| j.image.clone())
        .filter(|image| !image.is_empty())
        .map(|image| absolute(&image, m.url.as_deref()));
    m.language = s
        .html_lang
        .as_deref()
        .and_then(lang::primary_subtag)
        .or_else(|| {
            s.meta(&["content-language", "og:locale", "language", "dc.language"])
                .and_then(lang::primary_subtag)
        });
    m.categories = labels(s.meta_all("article:section"));
    if m.categories.is_empty() {
        m.categories = labels(j.sections.clone());
    }
    m.tags = labels(s.meta_all("article:tag"));
    if m.tags.is_empty() {
        m.tags = labels(j.keywords.clone());
    }
    if m.tags.is_empty() {
        if let Some(k) = s.meta(&["keywords", "news_keywords"]) {
            m.tags = labels(split_labels(k));
        }
    }
    m
}

/// Labels (sections, keywords) given as one string: separated by commas, or by semicolons when
/// it has no comma ("mental health; mindfulness; technology"). A string that runs on in sentences
/// (a part of more than ten words holding a sentence's end) is a description put in the wrong
/// field, not a list: it gives none.
pub(crate) fn split_labels(list: &str) -> Vec<String> {
    let separator = if list.contains(',') { ',' } else { ';' };
    let parts: Vec<String> = list
        .split(separator)
        .map(clean)
        .filter(|s| !s.is_empty())
        .collect();
    let sentences = parts.iter().any(|p| {
        p.split_whitespace().count() > 10
            && p.match_indices(". ")
                .any(|(at, _)| p[at + 2..].starts_with(char::is_uppercase))
    });
    if sentences {
        return Vec::new();
    }
    parts
}

/// The page's labels without what is not one: addresses, long numbers (ids), a content system's
/// internal fields ("contentId: 15cd…", "displayType: standard article"), runs of more than ten
/// words, and repeats (the first spelling kept).
fn labels(mut values: Vec<String>) -> Vec<String> {
    let is_field = |v: &str| {
        v.split_once(": ").is_some_and(|(key, _)| {
            key.starts_with(|c: char| c.is_ascii_lowercase())
                && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
    };
    let mut seen = rustc_hash::FxHashSet::default();
    values.retain(|v| {
        !(v.contains("://")
            || (v.len() > 4 && v.bytes().all(|b| b.is_ascii_digit()))
            || is_field(v)
            || v.split_whitespace().count() > 10)
            && seen.insert(v.to_lowercase())
    });
    values
}

/// An address the page gives relative to its own ("/img/card.png", "//cdn.example.com/a.jpg") made
/// absolute against the page's `url`; as given when it is absolute already or no base is known.
fn absolute(address: &str, page: Option<&str>) -> String {
    if url::Url::parse(address).is_ok() {
        return address.to_string();
    }
    page.and_then(|base| joined(address, base))
        .unwrap_or_else(|| address.to_string())
}

/// A relative `address` read against the absolute address `base`.
fn joined(address: &str, base: &str) -> Option<String> {
    let joined = url::Url::parse(base).ok()?.join(address).ok()?;
    Some(String::from(joined))
}

/// The page's address: its canonical link, `og:url`, JSON-LD's, else the one it was fetched from;
/// the first that is a web address. One given relative to the site ("/news/bridge") is read against
/// the first absolute one of the others.
fn page_url(s: &Signals, fetched: Option<&str>) -> Option<String> {
    let given = [
        s.canonical.as_deref(),
        s.meta(&["og:url"]),
        s.jsonld.url.as_deref(),
        fetched,
    ];
    let given = || given.into_iter().flatten().map(str::trim);
    let is_web = |u: &str| {
        // "https:///path" parses (the host is taken from the path) but names no site.
        let after = u.split_once("://").map_or("", |(_, rest)| rest);
        (u.starts_with("http://") || u.starts_with("https://"))
            && !after.starts_with('/')
            && url::Url::parse(u).is_ok()
    };
    given().find_map(|u| {
        if is_web(u) {
            Some(u.to_string())
        } else if u.is_empty() || url::Url::parse(u).is_ok() {
            // Empty, or absolute in a scheme that is not the web's.
            None
        } else {
            // Relative: the base is looked for only now, as most pages give an absolute address.
            joined(u, given().find(|b| is_web(b))?)
        }
    })
}

/// The site's name as the page declares it.
fn sitename(s: &Signals) -> Option<String> {
    s.meta(&[
        "og:site_name",
        "application-name",
        "twitter:app:name:iphone",
    ])
    .map(|v| without_edge_separators(&clean(v)).to_string())
    .filter(|v| !v.is_empty())
    .or_else(|| s.jsonld.publisher.clone())
}

/// `s` without the separators a name was cut from left at its ends ("Netsmartz |", "| Nuts &
/// Volts Magazine", "Mindesigns -"); a hyphen or a guillemet counts only where a space parts it
/// from the name ("«Посмотри на красотку»" keeps its closing quote).
fn without_edge_separators(s: &str) -> &str {
    const MARKS: &[char] = &['|', '·', '•', '–', '—'];
    let mut s = s.trim();
    loop {
        let before = s.len();
        s = s.trim_matches(MARKS).trim();
        for spaced in ["-", "»"] {
            s = s
                .strip_suffix(spaced)
                .filter(|rest| rest.ends_with(' '))
                .or_else(|| s.strip_prefix(spaced).filter(|rest| rest.starts_with(' ')))
                .unwrap_or(s)
                .trim();
        }
        if s.len() == before {
            return s;
        }
    }
}

/// The title candidates [`resolve`] chooses from, with their features: what the title model is
/// trained on (`examples/features.rs --titles`).
pub fn title_candidates(s: &Signals, url: Option<&str>) -> Vec<title::Candidate> {
    title::candidates(s, sitename(s).as_deref(), page_url(s, url).as_deref())
}

/// The words of `t`: lower-cased runs of letters and digits.
pub fn lowercase_words(t: &str) -> Vec<String> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> Metadata {
        let dom = Dom::parse(html);
        let blocks = crate::html::segment::segment(&dom).blocks;
        resolve(&signals(&dom), None, &ShownDates::of(&blocks))
    }

    #[test]
    fn names_lose_invisible_formatting() {
        assert_eq!(
            clean("Home Repair Assis\u{ad}tance\u{200b} Program"),
            "Home Repair Assistance Program"
        );
        assert_eq!(clean("\u{202a}Geoffrey Hinton\u{202c}"), "Geoffrey Hinton");
        assert_eq!(clean("Assis&#173;tance"), "Assistance");
        // The joiner that shapes an emoji or a Persian word stays.
        assert_eq!(clean("👩\u{200d}🔬 lab"), "👩\u{200d}🔬 lab");
    }

    #[test]
    fn a_description_given_as_html_is_read_as_text() {
        let described = |value: &str| {
            let html = format!(
                "<meta property=og:description content='{}'><p>Body.",
                value.replace('<', "&lt;").replace('>', "&gt;")
            );
            meta_of(&html).description
        };
        assert_eq!(
            described("<p>I did <a href=\"https://example.com\">Advent of Code</a> again.</p><p>Spoilers.</p>")
                .as_deref(),
            Some("I did Advent of Code again. Spoilers.")
        );
        // A description that names a tag keeps it.
        assert_eq!(
            described("The <table> element represents tabular data &hellip;").as_deref(),
            Some("The <table> element represents tabular data …")
        );
    }

    #[test]
    fn names_lose_the_separators_left_at_their_ends() {
        for (name, bare) in [
            ("Netsmartz |", "Netsmartz"),
            ("| Nuts & Volts Magazine", "Nuts & Volts Magazine"),
            ("Mindesigns -", "Mindesigns"),
            ("Home » ", "Home"),
            (
                "модель: «Посмотри на красотку»",
                "модель: «Посмотри на красотку»",
            ),
            ("-5 Degrees", "-5 Degrees"),
            ("|", ""),
        ] {
            assert_eq!(without_edge_separators(name), bare, "{name}");
        }
    }

    #[test]
    fn labels_are_labels() {
        assert_eq!(
            split_labels("mental health; mindfulness; technology"),
            ["mental health", "mindfulness", "technology"]
        );
        assert_eq!(
            split_labels("Brock Nelson, B. Tutu, Ryan Pulock"),
            ["Brock Nelson", "B. Tutu", "Ryan Pulock"]
        );
        // A description in the keywords field is no list.
        assert!(split_labels(
            "Staying ahead of fitness trends keeps personal trainers competitive and in demand. As \
             new technologies, training styles, and client expectations emerge quickly, knowing \
             what is coming lets you adapt, retain clients, and grow with confidence."
        )
        .is_empty());
        let tags = |v: &[&str]| labels(v.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            tags(&[
                "Bridges",
                "locale: US",
                "contentId: 15cd344d",
                "https://example.com/a/",
                "18153161",
                "2024",
                "bridges",
                "Star Wars: The Last Jedi",
            ]),
            ["Bridges", "2024", "Star Wars: The Last Jedi"]
        );
    }

    #[test]
    fn title_prefers_the_agreeing_h1() {
        let m = meta_of(
            "<html lang=en-US><head><title>Bridge opens at last | Example News</title>\
             <meta property=og:site_name content='Example News'></head>\
             <body><h1>Bridge opens at last</h1></body></html>",
        );
        assert_eq!(m.title.as_deref(), Some("Bridge opens at last"));
        assert_eq!(m.sitename.as_deref(), Some("Example News"));
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn a_slogan_h1_or_several_h1s_yield_to_the_declared_title() {
        let slogan = meta_of(
            "<head><title>Cloud Backup Services | Example</title></head>\
             <body><h1>Sleep well tonight</h1></body>",
        );
        assert_eq!(slogan.title.as_deref(), Some("Cloud Backup Services"));
        let reworded = meta_of(
            "<head><title>Cloud Backup Services | Example</title></head>\
             <body><h1>Cloud backup services for your home and office</h1></body>",
        );
        assert_eq!(
            reworded.title.as_deref(),
            Some("Cloud backup services for your home and office")
        );
        let sections = meta_of(
            "<head><title>Cloud Backup Services | Example</title></head>\
             <body><h1>Services for backups</h1><h1>Cloud pricing</h1></body>",
        );
        assert_eq!(sections.title.as_deref(), Some("Cloud Backup Services"));
    }

    #[test]
    fn a_heading_permalink_sign_is_not_the_title() {
        let m = meta_of(
            "<head><title>Tutorial - User Guide - Example</title></head>\
             <body><h1>Tutorial - User Guide<a class=headerlink href=#t>¶</a></h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Tutorial - User Guide"));
    }

    #[test]
    fn a_page_declares_itself_an_article_by_og_type_or_json_ld() {
        let declares = |html: &str| signals(&Dom::parse(html)).declares_article();
        assert!(declares(
            "<head><meta property=og:type content=article></head>"
        ));
        assert!(declares(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},
               {"@type":"NewsArticle","headline":"Bridge opens"}]}</script>"#
        ));
        assert!(!declares(
            r#"<meta property=og:type content=product><script type="application/ld+json">
               {"@type":"Product","name":"Kettle"}</script>"#
        ));
        assert!(!declares("<p>No declaration.</p>"));
    }

    #[test]
    fn entities_are_decoded_on_any_text() {
        assert_eq!(clean("Maria &amp; Katerina"), "Maria & Katerina");
        assert_eq!(clean("It&#8217;s &#x27;fine&#39;"), "It’s 'fine'");
        assert_eq!(clean("& Why They’re Smart"), "& Why They’re Smart");
        assert_eq!(clean("&unknown; & &#xZZ;"), "&unknown; & &#xZZ;");
    }

    #[test]
    fn title_without_h1_loses_the_site_name() {
        let m = meta_of("<head><title>A long story about bridges - Example</title></head>");
        assert_eq!(m.title.as_deref(), Some("A long story about bridges"));
        let m = meta_of(
            "<head><title>Example | A long story about bridges</title>\
             <meta property=og:site_name content=Example></head>",
        );
        assert_eq!(m.title.as_deref(), Some("A long story about bridges"));
    }

    #[test]
    fn author_labels_and_dates_come_off() {
        let c = |s: &str| clean_author(s);
        assert_eq!(c("Written By: Tom May").as_deref(), Some("Tom May"));
        assert_eq!(
            c("AUTHOR Isaiah Shelton").as_deref(),
            Some("Isaiah Shelton")
        );
        assert_eq!(
            c("16 December 2025 by Sam O'Brien").as_deref(),
            Some("Sam O'Brien")
        );
        assert_eq!(
            c("Summer Swann - June 12, 2025").as_deref(),
            Some("Summer Swann")
        );
        assert_eq!(
            c("By: FlowGuard EMEA on 04-ago-2021").as_deref(),
            Some("FlowGuard EMEA")
        );
        assert_eq!(c("\"David Kim\"").as_deref(), Some("David Kim"));
        assert_eq!(
            c("Jean-Paul Smith - Editor").as_deref(),
            Some("Jean-Paul Smith - Editor")
        );
        assert_eq!(c("By"), None);
        // A script's placeholder where the name was missing (JSON-LD "name": "undefined").
        assert_eq!(c("undefined"), None);
        // Lower-casing "İ" takes more bytes: offsets must come from the name itself.
        assert_eq!(c("İİİİ 2025 BY Ali Veli").as_deref(), Some("Ali Veli"));
    }

    #[test]
    fn what_trails_a_name_comes_off() {
        let c = |s: &str| clean_author(s);
        assert_eq!(c("Jane Doe February 8, 2022").as_deref(), Some("Jane Doe"));
        assert_eq!(c("Luke KimDecember 17, 2025").as_deref(), Some("Luke Kim"));
        assert_eq!(c("EcoFlow- 2025/4/29").as_deref(), Some("EcoFlow"));
        // An author link's own words.
        assert_eq!(
            c("View all posts by Ray Ansari").as_deref(),
            Some("Ray Ansari")
        );
        // A day of the week opens the date it stands before.
        assert_eq!(c("Jane Doe Sat, 20 Dec 2025").as_deref(), Some("Jane Doe"));
        assert_eq!(c("Tuesday, March 3, 2026"), None);
        // A name that is a weekday and no date after it stays.
        assert_eq!(
            c("Robinson Crusoe Friday").as_deref(),
            Some("Robinson Crusoe Friday")
        );
        assert_eq!(
            c("Eric Stone Updated December 19, 2025").as_deref(),
            Some("Eric Stone")
        );
        assert_eq!(
            c("user42 1591 silver badges 6 bronze badges").as_deref(),
            Some("user42")
        );
        assert_eq!(c("raoul (Raoul)").as_deref(), Some("raoul"));
        assert_eq!(
            c("hackerdev (Daniel)").as_deref(),
            Some("hackerdev (Daniel)")
        );
        assert_eq!(c("pcurry – pcurry").as_deref(), Some("pcurry"));
        assert_eq!(c("JosephF J").as_deref(), Some("JosephF"));
        assert_eq!(c("Yucy3/4/2025").as_deref(), Some("Yucy"));
        assert_eq!(c("Text by Hunter Dukes").as_deref(), Some("Hunter Dukes"));
        assert_eq!(
            c("Posted byDamien Walter").as_deref(),
            Some("Damien Walter")
        );
        assert_eq!(
            c("Linda Rosencrance Contributing Writer").as_deref(),
            Some("Linda Rosencrance")
        );
        assert_eq!(
            c("Rachel MacDonald Writer").as_deref(),
            Some("Rachel MacDonald")
        );
        assert_eq!(
            c("Jane Doe, Staff Writer").as_deref(),
            Some("Jane Doe, Staff Writer")
        );
        assert_eq!(c("Angela Bell, MD*").as_deref(), Some("Angela Bell, MD"));
        assert_eq!(c("page.head.extra.author"), None);
        assert_eq!(c("By admin"), None);
        assert_eq!(c("Webmaster"), None);
        assert_eq!(c("adminn").as_deref(), Some("adminn"));
        assert_eq!(c("sara.r.peter").as_deref(), Some("sara.r.peter"));
        assert_eq!(
            c("Post by galitsyn » 11. Sep 2024, 18:36").as_deref(),
            Some("galitsyn")
        );
        // A date alone, or a weekday and a date, is no name.
        assert_eq!(c("August 28, 2025"), None);
        assert_eq!(c("Sat, 20 Dec, 2025"), None);
        assert_eq!(c("Sun Dec 17, 2023 11:23 am"), None);
        // Names that only look like the patterns stay whole.
        assert_eq!(c("John F Kennedy").as_deref(), Some("John F Kennedy"));
        assert_eq!(c("JOHN BYRD").as_deref(), Some("JOHN BYRD"));
        assert_eq!(c("Bob Byrne").as_deref(), Some("Bob Byrne"));
        assert_eq!(c("Mary May").as_deref(), Some("Mary May"));
    }

    #[test]
    fn the_dateline_under_the_headline_dates_the_page() {
        let page = |dateline: &str| {
            format!(
                "<head><meta property='article:published_time' content='2024-02-21T11:54:45Z'>\
                 </head><body><h1>A bridge opens</h1><p>{dateline}</p>\
                 <p>The bridge opened on Monday to cars, cyclists and people on foot.</p></body>"
            )
        };
        let date = |dateline: &str| meta_of(&page(dateline)).date;
        assert_eq!(
            date("By Jane Doe · March 3, 2025").as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(date("Publié le 3 mars 2025").as_deref(), Some("2025-03-03"));
        // An update, a sentence that mentions a date, or no date: the declared date stands.
        assert_eq!(
            date("Updated: October 26, 2025").as_deref(),
            Some("2024-02-21")
        );
        assert_eq!(
            date("Mis à jour le 3 mars 2025").as_deref(),
            Some("2024-02-21")
        );
        assert_eq!(
            date("The deadline is April 15, 2025, so file before that date.").as_deref(),
            Some("2024-02-21")
        );
        assert_eq!(date("By Jane Doe").as_deref(), Some("2024-02-21"));
        // "09.10.2024" reads as 9 October; declared as 10 September, the declared reading wins.
        assert_eq!(date("21.02.2024").as_deref(), Some("2024-02-21"));
        let declared_sept = page("09.10.2024").replace("2024-02-21", "2024-09-10");
        assert_eq!(meta_of(&declared_sept).date.as_deref(), Some("2024-09-10"));
        // A date later than the page's declared last change is not the page's (a header's "today").
        let modified = "<meta property='article:modified_time' content='2024-03-01T08:00:00Z'>";
        let today =
            page("By Jane Doe · March 3, 2025").replace("</head>", &format!("{modified}</head>"));
        assert_eq!(meta_of(&today).date.as_deref(), Some("2024-02-21"));
    }

    #[test]
    fn the_address_gives_the_local_day_of_a_utc_time() {
        let html = "<head><link rel=canonical href='https://example.org/2025/12/18/a-post/'>\
             <meta property='article:published_time' content='2025-12-19T02:41:41+00:00'></head>";
        assert_eq!(meta_of(html).date.as_deref(), Some("2025-12-18"));
        // Further apart, the address is not a time-zone matter: the declared date stands.
        let html = html.replace("/18/", "/16/");
        assert_eq!(meta_of(&html).date.as_deref(), Some("2025-12-19"));
    }

    #[test]
    fn scholarly_authors_are_all_named_first_name_first() {
        assert_eq!(first_name_first("Doe, Jane"), "Jane Doe");
        assert_eq!(first_name_first("Berger, Emery D."), "Berger, Emery D.");
        assert_eq!(first_name_first("van der Berg, Anna"), "van der Berg, Anna");
        assert_eq!(first_name_first("Jane Doe, MD"), "Jane Doe, MD");
        assert_eq!(first_name_first("John Smith, Jr."), "John Smith, Jr.");
        assert_eq!(first_name_first("Jane Doe"), "Jane Doe");
        let html = "<head><meta name='citation_author' content='Doe, Jane'>\
            <meta name='citation_author' content='Roe, Richard'></head><body><p>Text.</p></body>";
        assert_eq!(
            meta_of(html).author.as_deref(),
            Some("Jane Doe, Richard Roe")
        );
    }

    #[test]
    fn a_threads_author_is_its_first_poster() {
        let html = "<body><header><span class='username'>Hi, guest</span></header>\
            <div class='post'><a class='username' href='/member.php?u=1'>jdoe42</a><p>Question?</p></div>\
            <div class='post'><a class='username' href='/member.php?u=2'>helper</a><p>Answer.</p></div></body>";
        assert_eq!(meta_of(html).author.as_deref(), Some("jdoe42"));
        // A byline outranks the posters.
        let html = "<body><p class='byline'>By Jane Doe</p><a class='username'>jdoe42</a></body>";
        assert_eq!(meta_of(html).author.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn a_relative_canonical_link_is_read_against_the_pages_other_address() {
        let html = "<head><link rel=canonical href='/news/bridge'>\
            <meta property='og:url' content='https://example.com/news/bridge?ref=feed'></head>";
        assert_eq!(
            meta_of(html).url.as_deref(),
            Some("https://example.com/news/bridge")
        );
        // An address with no site in it is none.
        let html = "<head><link rel=canonical href='https:///paths/17'></head>";
        assert_eq!(meta_of(html).url, None);
    }

    #[test]
    fn a_relative_image_is_made_absolute_against_the_page() {
        let html = |image: &str| {
            format!(
                "<head><link rel=canonical href='https://example.com/news/bridge'>\
                 <meta property='og:image' content='{image}'></head><body><p>Text.</p></body>"
            )
        };
        assert_eq!(
            meta_of(&html("/img/card.png")).image.as_deref(),
            Some("https://example.com/img/card.png")
        );
        assert_eq!(
            meta_of(&html("//cdn.example.net/a.jpg")).image.as_deref(),
            Some("https://cdn.example.net/a.jpg")
        );
        assert_eq!(
            meta_of(&html("https://img.example.org/b.jpg"))
                .image
                .as_deref(),
            Some("https://img.example.org/b.jpg")
        );
        // Without the page's address there is nothing to resolve against.
        let bare = "<head><meta property='og:image' content='/img/card.png'></head><body></body>";
        assert_eq!(meta_of(bare).image.as_deref(), Some("/img/card.png"));
    }

    #[test]
    fn a_comment_forms_name_field_is_no_author() {
        // WordPress's comment form: its author field is a label and an input, not a byline.
        let html = "<body><p>An unsigned article.</p><form id=commentform>\
            <p class='comment-form-author'><label for=author>Name <span class=required>*</span></label>\
            <input id=author name=author type=text></p></form></body>";
        assert_eq!(meta_of(html).author, None);
    }

    #[test]
    fn author_from_a_labelled_meta_pair() {
        let html = "<head><meta name='twitter:label1' content='Est. reading time'>\
            <meta name='twitter:data1' content='4 minutes'>\
            <meta name='twitter:label2' content='Written by'>\
            <meta name='twitter:data2' content='Jane Doe'></head><body><p>Text.</p></body>";
        assert_eq!(meta_of(html).author.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn author_and_date_from_meta_and_time() {
        let m = meta_of(
            "<head><meta name=author content='By Jane Doe'></head>\
             <body><time datetime='2024-03-05T10:00:00Z'>March 5</time></body>",
        );
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
        assert_eq!(m.date.as_deref(), Some("2024-03-05"));
    }
}
