//! Prunes what extraction never reads before the page reaches the parser: the content of
//! `<script>`, `<style>` and inline `<svg>` elements, and every attribute of the other start tags
//! that neither extraction nor the tree builder reads (see [`READ_ATTRIBUTES`]).
//!
//! Those elements' content is never text a reader sees (segmentation skips these elements), yet on web pages
//! it is about half of the bytes: scripts a quarter, styles a tenth, and inline icons, whose path
//! data fills long attribute values that html5ever's tokenizer builds one character at a time. So
//! the tags are kept and their content cut out here, in one pass over the bytes, before parsing.
//! JSON-LD scripts keep their content: the metadata reads them. Together with the attributes,
//! this takes a third off decoding and parsing on WCXB pages (1.74 → 1.2 ms a page, bench example
//! with TAMIS_BENCH_PARSE_ONLY), with the same output.
//!
//! The scan follows the tokenizer where it matters: markup comments are skipped whole (a `<script>`
//! inside `<!-- -->` is not an element), a start tag ends at the first `>` outside a quoted
//! attribute value, a raw-text element ends at the first `</script` or `</style` followed by a
//! character that may end a tag name, whatever the case, and an `<svg>` at the `</svg` that
//! balances it (icons nest `<svg>` in `<svg>`; a self-closed `<svg/>` has no content), unless the
//! parser would leave it earlier: an svg left unclosed, or one an HTML tag breaks out of, keeps its
//! content (see `find_balanced_svg_end`). An `<iframe>` left open (see `iframe_left_open`) loses
//! its start tag.

use std::borrow::Cow;

use memchr::{memchr, memmem};

/// The page with the content of every script, style and inline svg element removed (JSON-LD
/// scripts excepted), and the attributes extraction never reads taken out of every other start tag.
/// Borrows the input when there is nothing to remove.
pub fn prune(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut cuts = Cuts {
        html,
        out: None,
        copied: 0,
    };
    let mut at = 0;
    while let Some(rel) = memchr(b'<', &bytes[at..]) {
        let lt = at + rel;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            // A comment runs to the next `-->` (or to the end of the page).
            at = match memmem::find(&rest[3..], b"-->") {
                Some(end) => lt + 4 + end + 3,
                None => bytes.len(),
            };
            continue;
        }
        if let Some(name) = text_only_name(rest) {
            let end = find_end_tag(&bytes[lt + 1..], name);
            if name == b"iframe" && iframe_left_open(&bytes[lt + 1..], end) {
                if let Some(tag_end) = start_tag_end(bytes, lt + 1 + name.len()) {
                    cuts.cut(lt, tag_end + 1);
                    at = tag_end + 1;
                    continue;
                }
            }
            // Its content is text, whatever it looks like: skipped whole, nothing cut.
            at = end.map_or(bytes.len(), |e| lt + 1 + e + 2);
            continue;
        }
        let Some(name) = raw_text_name(rest) else {
            at = if rest.first().is_some_and(u8::is_ascii_alphabetic) {
                drop_unread_attributes(bytes, lt + 1, &mut cuts)
            } else {
                lt + 1
            };
            continue;
        };
        let tag_start = lt + 1 + name.len();
        let Some(tag_end) = start_tag_end(bytes, tag_start) else {
            break;
        };
        let attrs = &bytes[tag_start..tag_end];
        let content_start = tag_end + 1;
        if name == b"svg" && attrs.last() == Some(&b'/') {
            // Self-closed in foreign content: no content to cut.
            at = content_start;
            continue;
        }
        let keep = name == b"script" && is_json_ld(attrs);
        let found = if name == b"svg" {
            find_balanced_svg_end(&bytes[content_start..])
        } else {
            find_end_tag(&bytes[content_start..], name)
        };
        // An unclosed script or style runs to the end of the page, as the tokenizer reads it; an svg
        // without its end tag is left to the parser.
        let unclosed_end = if name == b"svg" {
            content_start
        } else {
            bytes.len()
        };
        let content_end = found.map_or(unclosed_end, |e| content_start + e);
        if !keep && content_end > content_start {
            cuts.cut(content_start, content_end);
        }
        at = content_end;
    }
    cuts.finish()
}

/// The page rebuilt without the byte ranges cut from it, in order.
struct Cuts<'a> {
    html: &'a str,
    out: Option<String>,
    /// Bytes before `copied` are in `out` already (or need no copy while `out` is None).
    copied: usize,
}

impl<'a> Cuts<'a> {
    /// Leaves out `from..to`. Both ends sit next to ASCII delimiters, so on char boundaries.
    fn cut(&mut self, from: usize, to: usize) {
        let html = self.html;
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(html.len()));
        out.push_str(&html[self.copied..from]);
        self.copied = to;
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.html),
            Some(mut s) => {
                s.push_str(&self.html[self.copied..]);
                Cow::Owned(s)
            }
        }
    }
}

/// The attributes extraction reads (see [`super::dom::Node::attr`]), and the few html5ever's tree
/// builder looks at (`type` of an input, `color`, `face` and `size` of a font in foreign content,
/// `encoding` of MathML's annotation-xml, `shadowrootmode` of a template, `charset` of a meta), so
/// that the tree is the one the whole page gives. Every other attribute is cut before parsing:
/// html5ever builds each attribute's name and value one character at a time and interns the name,
/// and the attributes no part of extraction reads (`data-*`, `src`, `srcset`, `alt`, `aria-*`
/// labels, `onclick`, `width`, …) are a large part of a modern page's markup.
pub(crate) const READ_ATTRIBUTES: &[&str] = &[
    "aria-hidden",
    "aria-level",
    "aria-modal",
    "charset",
    "class",
    "color",
    "content",
    "datetime",
    "encoding",
    "face",
    "hidden",
    "href",
    "http-equiv",
    "id",
    "itemprop",
    "lang",
    "name",
    "property",
    "rel",
    "role",
    "shadowrootmode",
    "size",
    "style",
    "type",
    "xml:lang",
];

fn is_unread_attribute(name: &[u8]) -> bool {
    !READ_ATTRIBUTES
        .iter()
        .any(|read| name.eq_ignore_ascii_case(read.as_bytes()))
}

/// Walks the start tag whose name begins at `from` as the tokenizer does (names end at white space,
/// `/`, `>` or `=`; values are quoted or run to white space or `>`), cuts the unread attributes,
/// and returns where scanning resumes. A tag that ends with the page is left as it is.
fn drop_unread_attributes(bytes: &[u8], from: usize, cuts: &mut Cuts) -> usize {
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut i = from;
    while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>') {
        i += 1;
    }
    let mut found: Vec<(usize, usize)> = Vec::new();
    loop {
        while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            return bytes.len();
        };
        if b == b'>' {
            break;
        }
        let name_start = i;
        // A name may start with `=`; after that, `=` ends it.
        i += 1;
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name_end = i;
        let mut j = i;
        while j < bytes.len() && is_space(bytes[j]) {
            j += 1;
        }
        let mut value_end = name_end;
        if bytes.get(j) == Some(&b'=') {
            j += 1;
            while j < bytes.len() && is_space(bytes[j]) {
                j += 1;
            }
            match bytes.get(j) {
                Some(&q @ (b'"' | b'\'')) => match memchr(q, &bytes[j + 1..]) {
                    Some(close) => j += close + 2,
                    None => return bytes.len(),
                },
                _ => {
                    while j < bytes.len() && !is_space(bytes[j]) && bytes[j] != b'>' {
                        j += 1;
                    }
                }
            }
            value_end = j;
            i = j;
        }
        if is_unread_attribute(&bytes[name_start..name_end]) {
            found.push((name_start, value_end));
        }
    }
    for (a, b) in found {
        cuts.cut(a, b);
    }
    i + 1
}

/// `script`, `style` or `svg` when `rest` (the bytes after a `<`) opens one of them as a start tag.
fn raw_text_name(rest: &[u8]) -> Option<&'static [u8]> {
    for name in [&b"script"[..], &b"style"[..], &b"svg"[..]] {
        if rest.len() > name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name)
            && ends_tag_name(rest[name.len()])
        {
            return Some(name);
        }
    }
    None
}

/// `title`, `textarea` and the other elements whose content the tokenizer reads as text, when
/// `rest` opens one: a `<script>` written inside them is text, not an element to empty.
fn text_only_name(rest: &[u8]) -> Option<&'static [u8]> {
    [
        &b"title"[..],
        &b"textarea"[..],
        &b"xmp"[..],
        &b"iframe"[..],
        &b"noembed"[..],
        &b"noframes"[..],
    ]
    .into_iter()
    .find(|name| {
        rest.len() > name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name)
            && ends_tag_name(rest[name.len()])
    })
}

/// Whether an `<iframe>` (`rest` follows its `<`; `end`, the offset there of its first `</iframe`)
/// is left open: no end tag follows it, or a `</noscript>` comes first. Tag managers print such an
/// iframe inside `<noscript>`, self-closed (`<iframe … />`, which HTML does not close), where
/// browsers running scripts never parse it; parsed with scripting off, as tamis parses (to read
/// `<noscript>` content), it would make the rest of the page its text. Its start tag is cut, so
/// the page that follows stays markup.
fn iframe_left_open(rest: &[u8], end: Option<usize>) -> bool {
    match end {
        None => true,
        Some(e) => find_end_tag(&rest[..e], b"noscript").is_some(),
    }
}

/// Bytes that may follow a tag name: white space, `/` or `>`.
fn ends_tag_name(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')
}

/// Index of the `>` that closes the start tag whose attributes begin at `from`: the first one
/// outside a quoted attribute value.
fn start_tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    let mut after_equals = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return Some(i),
            b'=' => after_equals = true,
            q @ (b'"' | b'\'') if after_equals => {
                i += 1 + memchr(q, &bytes[i + 1..])?;
                after_equals = false;
            }
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    None
}

/// True when the start tag's attributes say `type="application/ld+json"`.
fn is_json_ld(attrs: &[u8]) -> bool {
    crate::lexicon::contains_ignore_ascii_case(attrs, b"ld+json")
}

/// Offset in `content` of the end tag `</name` that closes a raw-text element.
fn find_end_tag(content: &[u8], name: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(rel) = memmem::find(&content[at..], b"</") {
        let lt = at + rel;
        let rest = &content[lt + 2..];
        if rest.len() > name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name)
            && ends_tag_name(rest[name.len()])
        {
            return Some(lt);
        }
        at = lt + 2;
    }
    None
}

/// Offset in `content` (what follows an `<svg>` start tag) of the `</svg` that closes it: nested
/// `<svg>` start tags open a level each, unless self-closed. `None`, and so nothing cut, when no
/// `</svg` closes it, or when the parser leaves the svg before one does: outside a
/// `<foreignObject>`, an HTML start tag that breaks out of foreign content (`<div>`, `<p>`, `<ul>`,
/// …) or the end tag of an element the svg stands in (`<a><svg></a>`, an icon left unclosed)
/// returns the parser to HTML, and what follows is the page, not the icon.
fn find_balanced_svg_end(content: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    // Open `<foreignObject>`s (HTML inside them is the svg's) and svg `<a>`s (their `</a>` is theirs).
    let (mut foreign, mut links) = (0usize, 0usize);
    let mut at = 0;
    while let Some(rel) = memchr(b'<', &content[at..]) {
        let lt = at + rel;
        at = lt + 1;
        let rest = &content[lt + 1..];
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let len = rest[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if len == 0
            || !rest
                .get(name_start + len)
                .is_some_and(|&b| ends_tag_name(b))
        {
            continue;
        }
        let name = &rest[name_start..name_start + len];
        let is = |n: &[u8]| name.eq_ignore_ascii_case(n);
        // A start tag's `>`, and whether it closes itself.
        let self_closed = || -> Option<bool> {
            let end = start_tag_end(content, lt + 1 + len)?;
            Some(content[end - 1] == b'/')
        };
        if is(b"svg") {
            if closing {
                if depth == 0 {
                    return Some(lt);
                }
                depth -= 1;
            } else if !self_closed()? {
                depth += 1;
            }
        } else if is(b"foreignObject") {
            if closing {
                foreign = foreign.saturating_sub(1);
            } else if !self_closed()? {
                foreign += 1;
            }
        } else if foreign > 0 {
            continue;
        } else if is(b"a") {
            if !closing {
                links += usize::from(!self_closed()?);
            } else if links == 0 {
                return None;
            } else {
                links -= 1;
            }
        } else {
            let leaves = BREAKOUT_START_TAGS.iter().any(|n| is(n))
                || (closing && CONTAINER_END_TAGS.iter().any(|n| is(n)));
            if leaves {
                return None;
            }
        }
    }
    None
}

/// Start tags that end foreign content wherever they stand (the HTML standard's list, `<font>`
/// with attributes aside).
const BREAKOUT_START_TAGS: &[&[u8]] = &[
    b"b",
    b"big",
    b"blockquote",
    b"body",
    b"br",
    b"center",
    b"code",
    b"dd",
    b"div",
    b"dl",
    b"dt",
    b"em",
    b"embed",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"hr",
    b"i",
    b"img",
    b"li",
    b"listing",
    b"menu",
    b"meta",
    b"nobr",
    b"ol",
    b"p",
    b"pre",
    b"ruby",
    b"s",
    b"small",
    b"span",
    b"strong",
    b"strike",
    b"sub",
    b"sup",
    b"table",
    b"tt",
    b"u",
    b"ul",
    b"var",
];

/// End tags of HTML elements an icon stands in, besides those of [`BREAKOUT_START_TAGS`], none of
/// them an svg element's: met inside an svg, they close it (when the element is open around it;
/// when it is not, the parser ignores them, and leaving the svg uncut costs only time).
const CONTAINER_END_TAGS: &[&[u8]] = &[
    b"button", b"label", b"td", b"th", b"tr", b"section", b"article", b"header", b"footer", b"nav",
    b"main", b"aside", b"form", b"figure", b"picture", b"html", b"font",
];

#[cfg(test)]
mod tests {
    use super::prune;

    #[test]
    fn empties_scripts_and_styles_keeps_json_ld() {
        let html = "<p>a</p><script>if (a < b) { x = '</p>'; }</script><STYLE media=x>p{}</style >\
                    <script type=\"application/ld+json\">{\"@type\":\"Article\"}</script><p>b</p>";
        assert_eq!(
            prune(html),
            "<p>a</p><script></script><STYLE media=x></style >\
             <script type=\"application/ld+json\">{\"@type\":\"Article\"}</script><p>b</p>"
        );
    }

    #[test]
    fn quoted_greater_than_and_lookalike_names() {
        let html = "<script data-x=\"a>b\">var s;</script><scripts>kept</scripts><style\n>x</styles></STYLE>";
        assert_eq!(
            prune(html),
            "<script data-x=\"a>b\"></script><scripts>kept</scripts><style\n></STYLE>"
        );
    }

    #[test]
    fn an_svg_the_parser_leaves_early_is_not_emptied() {
        // An icon left unclosed in a link: `</a>` closes both, and the page goes on.
        let html = "<a href=#><svg class=i></a><ul><li>Menu</li></ul><main><h1>Title</h1></main>";
        assert_eq!(prune(html), html);
        // An HTML element inside an svg breaks out of it as well; `</svg>` later changes nothing.
        let html = "<svg><path class=\"p\"/><div>Text</div></svg>";
        assert_eq!(prune(html), html);
        // HTML inside a foreignObject, and an svg link, are the svg's own: cut.
        let html = "<svg><foreignObject><div>x</div></foreignObject><a href=#><text>y</text></a></svg><p>z</p>";
        assert_eq!(prune(html), "<svg></svg><p>z</p>");
    }

    #[test]
    fn an_iframe_left_open_in_noscript_does_not_swallow_the_page() {
        // A tag manager's self-closed iframe: its start tag goes, the page after it stays markup.
        let html = "<noscript><iframe src=\"gtm\" style=\"display:none\" /></noscript><div><p>Body</p></div>";
        assert_eq!(prune(html), "<noscript></noscript><div><p>Body</p></div>");
        let dom = crate::html::dom::Dom::parse(&prune(html));
        assert_eq!(dom.text_of(0), "Body");
        // Closed inside its noscript, or anywhere on a page without one, it is left as it is.
        let html = "<noscript><iframe src=x></iframe></noscript><p>Body</p>";
        assert_eq!(prune(html), html);
        let html = "<iframe src=x>fallback</iframe><p>Body</p>";
        assert_eq!(prune(html), html);
        // Closed only after its noscript ends (by a later iframe's end tag): cut as well.
        let html = "<noscript><iframe src=x/></noscript><p>Body</p><iframe src=y></iframe>";
        assert_eq!(
            prune(html),
            "<noscript></noscript><p>Body</p><iframe src=y></iframe>"
        );
    }

    #[test]
    fn empties_nested_svg_keeps_self_closed() {
        let html = "<a><SVG viewBox=\"0 0 9 9\"><path d=\"M0 0\"/><svg><g/></svg><svg/><title>x</title></svg>Home</a><svg/><p>t</p><svg>i</svg>";
        assert_eq!(
            prune(html),
            "<a><SVG viewBox=\"0 0 9 9\"></svg>Home</a><svg/><p>t</p><svg></svg>"
        );
    }

    #[test]
    fn unread_attributes_go_the_rest_stay() {
        assert_eq!(
            prune(
                "<div class=\"a>b\" data-x='1 2' DATA-Y=z id=k><img srcset=\"a.jpg 1x\" sizes=9 src=a.jpg/>\
                 <p data-n>t</p><b data-q=\"x>y\">u</b><a HREF=\"/x\" onclick=\"go()\" Aria-Label=x>l</a>"
            ),
            // An unquoted value runs to white space or `>`: `a.jpg/` is the value, not a self-closing mark.
            "<div class=\"a>b\"   id=k><img   ><p >t</p><b >u</b><a HREF=\"/x\"  >l</a>"
        );
        // Text that only looks like markup, and a tag cut short by the end of the page, stay.
        assert_eq!(prune("a < b data-x=1 > c"), "a < b data-x=1 > c");
        assert_eq!(
            prune("<p data-x=\"never closed"),
            "<p data-x=\"never closed"
        );
    }

    #[test]
    fn text_that_looks_like_a_script_is_left_alone() {
        let html = "<textarea><script>alert(1)</textarea><p>kept</p><script>x</script>";
        assert_eq!(
            prune(html),
            "<textarea><script>alert(1)</textarea><p>kept</p><script></script>"
        );
    }

    #[test]
    fn comments_hide_tags_and_unclosed_content_runs_to_the_end() {
        assert_eq!(
            prune("<!-- <script> --><p>kept</p>"),
            "<!-- <script> --><p>kept</p>"
        );
        assert_eq!(prune("<p>é</p><script>ünïcode"), "<p>é</p><script>");
        assert_eq!(prune("<script src=x"), "<script src=x");
        assert!(matches!(
            prune("<p>nothing to cut</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
