//! Cuts a parsed page into [`Block`]s: one per paragraph, heading, list item, table cell or code block,
//! each carrying hints inherited from the elements around it (navigation, comments, main content).

use rustc_hash::FxHashMap;

use html5ever::{local_name, LocalName};

use crate::blocks::{Block, Hints, Kind};
use crate::html::dom::{Dom, NodeData, NodeId, NONE, ROOT};
use crate::lexicon::STRONG_CONTENT_CLASSES;

/// Elements whose content is never page text.
pub(crate) fn is_skipped(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("script")
            | local_name!("style")
            | local_name!("template")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("canvas")
            | local_name!("select")
            | local_name!("option")
            | local_name!("button")
            | local_name!("input")
            | local_name!("textarea")
            | local_name!("head")
            | local_name!("title")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("map")
            | local_name!("audio")
            | local_name!("video")
            | local_name!("source")
            | local_name!("dialog")
            | local_name!("label")
    )
}

/// The symbols documentation generators and blogs link a heading's own address with (a link of its
/// own beside the heading, or the heading's last character).
pub const PERMALINK_MARKS: &[char] = &['§', '¶', '#', '🔗', '⚓', '∞'];

/// Most nodes a permalink mark holds (its text, an icon's element or two): a larger link is not
/// one, and is not read through (every link of a page is looked at).
const PERMALINK_NODES: usize = 4;

/// A link to an anchor of the page whose whole text is one of [`PERMALINK_MARKS`] ("§ A Tour of
/// Tokio"): a marker for copying the section's address, not text.
fn is_permalink_marker(dom: &Dom, id: NodeId) -> bool {
    let node = dom.node(id);
    if *node.tag() != local_name!("a")
        || !node
            .attr(&local_name!("href"))
            .is_some_and(|href| href.starts_with('#'))
    {
        return false;
    }
    let mut text = String::new();
    for (k, n) in dom.descendants(id).enumerate() {
        if k == PERMALINK_NODES {
            return false;
        }
        if let NodeData::Text(t) = &dom.node(n).data {
            text.push_str(t);
        }
    }
    let mut chars = text.trim().chars();
    chars.next().is_some_and(|c| PERMALINK_MARKS.contains(&c)) && chars.next().is_none()
}

/// Elements that start a new block.
pub fn is_block_level(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("p")
            | local_name!("div")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("li")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("pre")
            | local_name!("blockquote")
            | local_name!("td")
            | local_name!("th")
            | local_name!("tr")
            | local_name!("table")
            | local_name!("thead")
            | local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("caption")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("dl")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("header")
            | local_name!("footer")
            | local_name!("nav")
            | local_name!("aside")
            | local_name!("form")
            | local_name!("fieldset")
            | local_name!("figure")
            | local_name!("figcaption")
            | local_name!("address")
            | local_name!("details")
            | local_name!("summary")
            | local_name!("hr")
            | local_name!("body")
            | local_name!("center")
            | local_name!("legend")
    )
}

/// The level of an element that says it is a heading (WAI-ARIA's `role="heading"`, `aria-level`, 2
/// when unsaid), for the elements other than `h1`-`h6` that pages make headings of.
fn aria_heading_level(dom: &Dom, id: NodeId) -> Option<u8> {
    let node = dom.node(id);
    if heading_level(node.tag()).is_some() || node.attr(&local_name!("role")) != Some("heading") {
        return None;
    }
    let level = node
        .attr(&local_name!("aria-level"))
        .and_then(|l| l.trim().parse::<u8>().ok())
        .unwrap_or(2);
    Some(level.clamp(1, 6))
}

fn heading_level(tag: &LocalName) -> Option<u8> {
    Some(match *tag {
        local_name!("h1") => 1,
        local_name!("h2") => 2,
        local_name!("h3") => 3,
        local_name!("h4") => 4,
        local_name!("h5") => 5,
        local_name!("h6") => 6,
        _ => return None,
    })
}

/// True for the panel of an accordion (WAI-ARIA's `region` role), which pages hide until its heading
/// is clicked: its text is the page's, shown on demand. Hidden tab panels (`tabpanel`) are other
/// views of the page and stay hidden: on WCXB dev, reading them moved as many pages down as up.
fn is_disclosure_panel(dom: &Dom, id: NodeId) -> bool {
    dom.node(id)
        .attr(&local_name!("role"))
        .is_some_and(|r| r.eq_ignore_ascii_case("region"))
}

/// True when the inline style hides the element.
fn hidden_by_style(dom: &Dom, id: NodeId) -> bool {
    if let Some(style) = dom.node(id).attr(&local_name!("style")) {
        let b = style.as_bytes();
        let has = crate::lexicon::contains_ignore_ascii_case;
        if !has(b, b"none") && !has(b, b"hidden") {
            return false;
        }
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        return compact.contains("display:none") || compact.contains("visibility:hidden");
    }
    false
}

/// The hints an element gives by its own tag, role, itemprop, class and id.
fn own_hints<'a>(dom: &'a Dom, id: NodeId, cache: &mut FxHashMap<&'a str, u16>) -> u16 {
    let node = dom.node(id);
    let mut h = match *node.tag() {
        local_name!("nav") | local_name!("aside") | local_name!("footer") => Hints::BOILER,
        local_name!("header") => Hints::HEADER,
        local_name!("form") => Hints::FORM,
        local_name!("article") | local_name!("main") => Hints::CONTENT,
        local_name!("a") => Hints::LINK,
        _ => 0,
    };
    if let Some(role) = node.attr(&local_name!("role")) {
        h |= match role.trim().to_ascii_lowercase().as_str() {
            "navigation" | "banner" | "contentinfo" | "complementary" | "menu" | "menubar"
            | "search" | "toolbar" | "tablist" => Hints::BOILER,
            r if is_dialog_role(r) => Hints::BOILER,
            "main" | "article" => Hints::CONTENT,
            _ => 0,
        };
    }
    if let Some(prop) = node.attr(&local_name!("itemprop")) {
        if matches!(
            prop,
            "articleBody" | "reviewBody" | "text" | "mainEntity" | "description"
        ) {
            h |= Hints::CONTENT;
        }
        if matches!(prop, "comment" | "comments") {
            h |= Hints::COMMENT;
        }
    }
    for attr in [local_name!("class"), local_name!("id")] {
        if let Some(value) = node.attr(&attr) {
            // Pages repeat the same class strings many times over: decide each once.
            h |= *cache.entry(value).or_insert_with(|| class_hints(value));
        }
    }
    h
}

/// Whether a `role` value names a dialog (`dialog`, `alertdialog`), whatever its case.
pub(crate) fn is_dialog_role(role: &str) -> bool {
    let role = role.trim();
    role.eq_ignore_ascii_case("dialog") || role.eq_ignore_ascii_case("alertdialog")
}

/// Markup that names the main content beyond doubt: `<main>`, `<article>`, `role=main`,
/// `itemprop=articleBody`, or a class such as `entry-content`.
fn is_strong_content(dom: &Dom, id: NodeId) -> bool {
    let node = dom.node(id);
    if matches!(*node.tag(), local_name!("main") | local_name!("article")) {
        return true;
    }
    if node.attr(&local_name!("role")) == Some("main")
        || node.attr(&local_name!("itemprop")) == Some("articleBody")
    {
        return true;
    }
    node.attr(&local_name!("class")).is_some_and(|c| {
        c.split_ascii_whitespace().any(|name| {
            STRONG_CONTENT_CLASSES
                .iter()
                .any(|s| name.eq_ignore_ascii_case(s))
        })
    })
}

/// Whether the element's first child element is a heading: a part of the page headed by its own
/// heading (`<section id="cookies"><h2>Cookies</h2>`, as documentation anchors its sections).
fn opens_with_heading(dom: &Dom, id: NodeId) -> bool {
    dom.children(id)
        .find(|&c| matches!(dom.node(c).data, NodeData::Element { .. }))
        .is_some_and(|c| heading_level(dom.node(c).tag()).is_some())
}

/// Hints from a class or id attribute: each name is matched whole, then by its parts
/// (`post-content` → `post`, `content`); boilerplate and comment beat content within one name.
pub fn class_hints(value: &str) -> u16 {
    let matcher = crate::lexicon::class_matcher();
    let mut h = 0;
    let mut lower = String::new();
    for name in value.split_ascii_whitespace() {
        lower.clear();
        lower.push_str(name);
        lower.make_ascii_lowercase();
        let mut own = 0;
        for part in name_and_parts(&lower) {
            own |= matcher.hint(part);
        }
        if own & (Hints::BOILER | Hints::COMMENT) != 0 {
            own &= !Hints::CONTENT;
        }
        h |= own;
    }
    h
}

/// A lower-case class or id name whole, then its parts between punctuation (`post-content`,
/// `post`, `content`).
fn name_and_parts(name: &str) -> impl Iterator<Item = &str> {
    std::iter::once(name)
        .chain(name.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|part| !part.is_empty())
}

/// What a walk carries down the tree.
#[derive(Clone, Copy)]
struct Context {
    hints: u16,
    boiler_at: NodeId,
    comment_at: NodeId,
    content_at: NodeId,
    /// The block-level element text is collected for.
    block: NodeId,
    kind: Kind,
    row: NodeId,
    pre: bool,
    quote: bool,
}

enum Step {
    Enter(NodeId, Context),
    /// Leave a block-level element: flush its text, then go back to the outer block.
    Leave(Context),
}

/// The page cut into blocks, in document order.
pub struct Segmented {
    pub blocks: Vec<Block>,
}

/// Cuts the page's `<body>` (or the whole document when it has none) into blocks.
pub fn segment(dom: &Dom) -> Segmented {
    let total = subtree_chars(dom);
    let body = dom.find(ROOT, &local_name!("body")).unwrap_or(ROOT);
    let page_chars = total[body as usize].max(1);
    let mut w = Walker {
        blocks: Vec::new(),
        buf: String::new(),
        link_chars: 0,
        pending_space: false,
    };
    let start = Context {
        hints: 0,
        boiler_at: NONE,
        comment_at: NONE,
        content_at: NONE,
        block: body,
        kind: Kind::Paragraph,
        row: NONE,
        pre: false,
        quote: false,
    };
    let mut class_cache = FxHashMap::default();
    let mut stack = vec![Step::Enter(body, start)];
    let mut current = start;
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(outer) => {
                w.flush(&current);
                current = outer;
            }
            Step::Enter(id, ctx) => {
                let node = dom.node(id);
                match &node.data {
                    NodeData::Text(t) => w.push_text(t, &ctx),
                    NodeData::Element { .. } | NodeData::Document => {
                        let tag = node.tag();
                        // A wrapper that its style hides while holding most of the page's text is
                        // hidden only until the page's scripts run (an anti-flicker or hydration
                        // wrapper): a reader sees it. Dialogs hidden by attribute stay hidden.
                        // A collapsed accordion panel is shown by a click: read as well.
                        if id != body
                            && (is_skipped(tag)
                                || is_permalink_marker(dom, id)
                                || ((node.hidden_by_attribute()
                                    || (hidden_by_style(dom, id)
                                        && total[id as usize] * 2 <= page_chars))
                                    && !is_disclosure_panel(dom, id)))
                        {
                            continue;
                        }
                        if *tag == local_name!("br") {
                            w.line_break(ctx.pre);
                            continue;
                        }
                        let mut inner = ctx;
                        if id != body {
                            let mut own = own_hints(dom, id, &mut class_cache);
                            // A consent prompt's name, not a section about cookies.
                            if own & Hints::CONSENT != 0 && opens_with_heading(dom, id) {
                                own &= !Hints::CONSENT;
                            }
                            // A class that says "sidebar" on a wrapper holding most of the page is
                            // a layout name, not a verdict.
                            if own & (Hints::BOILER | Hints::FORM) != 0
                                && !matches!(
                                    *tag,
                                    local_name!("nav")
                                        | local_name!("aside")
                                        | local_name!("footer")
                                )
                                && total[id as usize] * 2 > page_chars
                            {
                                own &= !(Hints::BOILER | Hints::FORM);
                            }
                            if own & Hints::COMMENT != 0 && total[id as usize] * 2 > page_chars {
                                own &= !Hints::COMMENT;
                            }
                            if own & Hints::BOILER == 0 && is_strong_content(dom, id) {
                                // A post body inside a page builder's "widget" is still the post.
                                inner.hints &= !Hints::BOILER;
                                inner.boiler_at = NONE;
                            }
                            inner.hints |= own;
                            if own & Hints::BOILER != 0 {
                                inner.boiler_at = id;
                            }
                            if own & Hints::COMMENT != 0 {
                                inner.comment_at = id;
                            }
                            if own & Hints::CONTENT != 0 {
                                inner.content_at = id;
                            }
                        }
                        let aria_heading = aria_heading_level(dom, id);
                        let block_level = is_block_level(tag) || aria_heading.is_some();
                        if block_level {
                            w.flush(&current);
                            inner.block = id;
                            inner.kind = match aria_heading {
                                Some(level) => Kind::Heading(level),
                                None => block_kind(tag, &ctx),
                            };
                            match *tag {
                                local_name!("pre") => inner.pre = true,
                                local_name!("blockquote") => inner.quote = true,
                                local_name!("tr") => inner.row = id,
                                _ => {}
                            }
                            stack.push(Step::Leave(current));
                            current = inner;
                        }
                        let first = stack.len();
                        for child in dom.children(id) {
                            stack.push(Step::Enter(child, inner));
                        }
                        stack[first..].reverse();
                    }
                    NodeData::Inert => {}
                }
            }
        }
    }
    w.flush(&current);
    Segmented { blocks: w.blocks }
}

fn block_kind(tag: &LocalName, outer: &Context) -> Kind {
    if let Some(level) = heading_level(tag) {
        return Kind::Heading(level);
    }
    match *tag {
        local_name!("li") | local_name!("dt") | local_name!("dd") => Kind::ListItem,
        local_name!("pre") => Kind::Code,
        local_name!("td") | local_name!("th") => Kind::Cell,
        local_name!("blockquote") => Kind::Quote,
        _ if outer.pre => Kind::Code,
        _ if outer.quote => Kind::Quote,
        // A div or p inside a list item or heading keeps the outer kind.
        _ => match outer.kind {
            Kind::ListItem | Kind::Heading(_) | Kind::Cell => outer.kind,
            _ => Kind::Paragraph,
        },
    }
}

/// Characters of text below every node.
fn subtree_chars(dom: &Dom) -> Vec<u32> {
    let mut total = vec![0u32; dom.nodes.len()];
    let order: Vec<NodeId> = dom.descendants(ROOT).collect();
    for &id in order.iter().rev() {
        let node = dom.node(id);
        if let NodeData::Text(t) = &node.data {
            let parent_skipped = node.parent != NONE && is_skipped(dom.node(node.parent).tag());
            if !parent_skipped {
                total[id as usize] = t.len() as u32;
            }
        }
        if node.parent != NONE {
            total[node.parent as usize] =
                total[node.parent as usize].saturating_add(total[id as usize]);
        }
    }
    total
}

/// Whether `next`, a text node's first word, begins a new word after `before` although no white
/// space separates them: a small letter meets a capital.
fn starts_new_word(before: &str, next: &str) -> bool {
    matches!(
        (before.chars().next_back(), next.chars().next()),
        (Some(a), Some(b)) if a.is_lowercase() && b.is_uppercase()
    )
}

struct Walker {
    blocks: Vec<Block>,
    buf: String,
    link_chars: u32,
    pending_space: bool,
}

impl Walker {
    fn push_text(&mut self, text: &str, ctx: &Context) {
        let before = self.buf.len();
        if ctx.pre {
            self.buf.push_str(text);
        } else {
            // Runs of white space fold into one space, kept only between words of one line.
            for (k, word) in text.split(char::is_whitespace).enumerate() {
                self.pending_space |= k > 0;
                if word.is_empty() {
                    continue;
                }
                // Two elements' texts that meet with no white space, a small letter against a
                // capital ("La Sportiva" "Aragon Climbing Shoes", a brand's span and a name's), are
                // two words a stylesheet sets apart, not one.
                if k == 0 && starts_new_word(&self.buf, word) {
                    self.pending_space = true;
                }
                if self.pending_space && !self.buf.is_empty() && !self.buf.ends_with('\n') {
                    self.buf.push(' ');
                }
                self.pending_space = false;
                self.buf.push_str(word);
            }
        }
        if ctx.hints & Hints::LINK != 0 {
            self.link_chars += self.buf[before..]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count() as u32;
        }
    }

    fn line_break(&mut self, pre: bool) {
        if pre || !self.buf.is_empty() {
            self.buf.push('\n');
        }
        self.pending_space = false;
    }

    fn flush(&mut self, ctx: &Context) {
        self.pending_space = false;
        let text = if ctx.pre {
            self.buf.trim_matches('\n').trim_end()
        } else {
            self.buf.trim()
        };
        if text.chars().any(|c| c.is_alphanumeric()) {
            let mut block = Block::new(text.to_string(), ctx.kind);
            block.link_chars = self.link_chars.min(block.chars);
            block.hints = Hints(ctx.hints & !Hints::LINK);
            block.node = ctx.block;
            block.row = ctx.row;
            block.boiler_at = ctx.boiler_at;
            block.comment_at = ctx.comment_at;
            block.content_at = ctx.content_at;
            self.blocks.push(block);
        }
        self.buf.clear();
        self.link_chars = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<Block> {
        segment(&Dom::parse(html)).blocks
    }

    #[test]
    fn a_headings_permalink_mark_is_not_text() {
        let b = blocks(
            "<h2 id=t><a class=doc-anchor href=#t>§</a>A Tour of Tokio</h2>\
             <h3>Cache middleware<a class=headerlink href=#c>¶</a></h3>\
             <p>Section <a href=#s>§ 4</a> and <a href=/x>#</a> stay.</p>\
             <p><a href=#top><b><i><u><s>¶</s></u></i></b></a>Deep marks are links.</p>",
        );
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "A Tour of Tokio",
                "Cache middleware",
                "Section § 4 and # stay.",
                "¶Deep marks are links."
            ]
        );
    }

    #[test]
    fn paragraphs_headings_lists_and_links() {
        let b = blocks(
            "<h1>Title</h1><p>Some <a href=x>linked</a> text.</p><ul><li>One</li><li>Two</li></ul>\
             <script>var x;</script><p style='display: none'>hidden</p>",
        );
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Title", "Some linked text.", "One", "Two"]);
        assert_eq!(b[0].kind, Kind::Heading(1));
        assert_eq!(b[2].kind, Kind::ListItem);
        assert_eq!(b[1].link_chars, 6);
    }

    #[test]
    fn a_page_hidden_until_its_scripts_run_is_read() {
        let article =
            "<p>A long paragraph of the article that the reader sees once the page loads.</p>";
        let texts =
            |html: &str| -> Vec<String> { blocks(html).into_iter().map(|b| b.text).collect() };
        // The wrapper hides the whole page by style: shown.
        let page = format!("<div style='visibility:hidden'><h1>Title</h1>{article}</div>");
        assert_eq!(texts(&page).len(), 2);
        // A small element hidden by style, or a dialog hidden by attribute, stays hidden.
        let page = format!("{article}<div style='display:none'><p>Mobile menu</p></div>");
        assert_eq!(texts(&page).len(), 1);
        let page = format!("<p>Short.</p><div aria-hidden=true>{article}{article}</div>");
        assert_eq!(texts(&page), ["Short."]);
        // A <main> hidden from screen readers while a cookie dialog is open is still seen.
        let page = format!(
            "<div role=dialog aria-hidden=true><p>Cookie settings</p></div>\
             <main aria-hidden=true><h1>Title</h1>{article}</main>"
        );
        assert_eq!(texts(&page).len(), 2);
    }

    #[test]
    fn a_consent_prompt_stays_furniture_however_long() {
        let vendors =
            "<p>These cookies measure how visitors use the site so that we can improve it.</p>"
                .repeat(6);
        let page = format!(
            "<p>A short post.</p><div id=onetrust-consent-sdk><div role=dialog>{vendors}</div></div>"
        );
        let b = blocks(&page);
        assert!(!b[0].hints.has(Hints::CONSENT));
        // The prompt holds most of the page's text, yet stays a consent prompt.
        assert!(b[1..].iter().all(|b| b.hints.has(Hints::CONSENT)));
        // A documentation section anchored "cookies" under its own heading is the page's text.
        let page =
            "<section id=cookies><h2>Cookies</h2><p>Read them from the request.</p></section>";
        assert!(blocks(page).iter().all(|b| !b.hints.has(Hints::CONSENT)));
    }

    #[test]
    fn a_collapsed_accordion_panel_is_read() {
        let page = "<p>Intro.</p><a role=button aria-controls=a1>1. Step one</a>\
             <div id=a1 role=region style='display:none'><p>What step one asks.</p></div>\
             <div hidden role=region><p>What step two asks.</p></div>\
             <div style='display:none'><p>Mobile menu</p></div>";
        let texts: Vec<String> = blocks(page).into_iter().map(|b| b.text).collect();
        assert_eq!(
            texts,
            [
                "Intro.",
                "1. Step one",
                "What step one asks.",
                "What step two asks."
            ]
        );
    }

    #[test]
    fn class_names_give_hints() {
        assert_eq!(class_hints("post-content"), Hints::CONTENT);
        assert_eq!(class_hints("sidebar-content"), Hints::BOILER);
        assert_eq!(class_hints("comment-list"), Hints::COMMENT);
        assert_eq!(class_hints("site-header"), Hints::BOILER);
        let b = blocks(
            "<div class='share-buttons'>Share</div><div class=entry-content><p>The body of the post, longer than the rest.</p></div>",
        );
        assert!(b[0].hints.has(Hints::BOILER));
        assert!(b[1].hints.has(Hints::CONTENT));
    }

    #[test]
    fn texts_that_meet_small_letter_to_capital_are_two_words() {
        let b = blocks(
            "<p><span>La Sportiva</span><span>Aragon Shoes</span> <b>iPhone</b> <b>W</b>ord</p>",
        );
        assert_eq!(b[0].text, "La Sportiva Aragon Shoes iPhone Word");
    }

    #[test]
    fn an_element_with_the_heading_role_is_a_heading() {
        let b = blocks(
            "<ul><li><a href=/p/1><span role=heading aria-level=3>Aragon Shoes</span>\
             <span>$96</span></a></li><li><span role=heading>Kubo</span></li></ul>",
        );
        assert_eq!(b[0].text, "Aragon Shoes");
        assert_eq!(b[0].kind, Kind::Heading(3));
        assert_eq!(b[1].text, "$96");
        assert_eq!(b[2].kind, Kind::Heading(2));
    }

    #[test]
    fn pre_keeps_white_space_and_cells_share_rows() {
        let b = blocks(
            "<pre>fn main() {\n    x();\n}</pre><table><tr><td>a</td><td>b</td></tr></table>",
        );
        assert_eq!(b[0].text, "fn main() {\n    x();\n}");
        assert_eq!(b[0].kind, Kind::Code);
        assert_eq!(b[1].row, b[2].row);
        assert_eq!(b[1].kind, Kind::Cell);
    }
}
