//! Classifies the blocks of an HTML page.
//!
//! Each block gets a weight: long, link-poor, punctuated text weighs for content; short or link-heavy
//! text and anything under navigation, sidebars or footers weighs against. Weights add up the tree;
//! the element with the largest sum is the main container, the tightest one holding the content and
//! as little furniture as possible. Inside it, blocks under furniture, forms, link lists and known
//! boilerplate phrases are dropped, and comment sections are set apart.

use crate::blocks::{Block, Hints, Kind, Label};
use std::sync::OnceLock;

use crate::classify::model::Model;
use crate::classify::phrases::is_comment_count;
use crate::classify::{features, scoring};
use crate::html::dom::{Dom, NodeId, NONE};
use crate::lexicon::RELATED_HEADING_CLASS;
use html5ever::local_name;
use rustc_hash::FxHashMap;

/// How far up the tree a block's weight is carried.
const MAX_CLIMB: usize = 200;

/// The weight a block lends to the elements above it.
pub fn weight(b: &Block) -> f32 {
    let chars = b.chars as f32;
    let links = b.link_chars as f32;
    if b.hints.has(Hints::BOILER) || b.hints.has(Hints::FORM) {
        return -chars.min(400.0) * 0.5 - 10.0;
    }
    let plain = chars - links;
    let stats = &b.stats;
    let mut w = plain - links * 1.5 - 25.0;
    if stats.stops + stats.commas > 0 && plain > 60.0 {
        w += 10.0 * (stats.stops + stats.commas).min(10) as f32;
    }
    if b.hints.has(Hints::COMMENT) {
        w *= 0.25;
    }
    if b.hints.has(Hints::CONTENT) && w > 0.0 {
        w *= 1.25;
    }
    w
}

/// The element holding the main content: the largest sum of block weights.
pub fn main_container(dom: &Dom, blocks: &[Block]) -> NodeId {
    let mut sums = vec![0f32; dom.nodes.len()];
    for b in blocks {
        let w = weight(b);
        let mut node = b.node;
        for _ in 0..MAX_CLIMB {
            if node == NONE {
                break;
            }
            sums[node as usize] += w;
            node = dom.node(node).parent;
        }
    }
    let mut best = NONE;
    let mut best_sum = f32::MIN;
    for b in blocks {
        // Only elements that hold blocks can win; visit each block's chain once from the bottom.
        let mut node = b.node;
        for _ in 0..MAX_CLIMB {
            if node == NONE {
                break;
            }
            let s = sums[node as usize];
            if s > best_sum {
                best_sum = s;
                best = node;
            }
            node = dom.node(node).parent;
        }
    }
    best
}

/// The shipped block classifier, trained by `scripts/train_model.py`.
fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    scoring::load(
        &MODEL,
        include_str!("../../data/model.json"),
        features::NAMES,
    )
}

/// Labels every block of the page: the learned classifier decides content, with the container
/// heuristic as its strongest input; comment sections are set apart by their markup. On a page that
/// declares itself an article the classifier's stricter threshold applies: an article's content is
/// its prose, where other pages' (listings, products, documentation, services) is whatever the
/// page is about, and on pages never trained on, a lower threshold serves those best.
pub fn classify(dom: &Dom, blocks: &mut [Block], declares_article: bool) {
    let container = main_container(dom, blocks);
    let mut declares_article = declares_article;
    if let Some(m) = model() {
        let x = feature_rows(dom, blocks, container);
        // The threshold, and the lower bar of a likely block ([`keep_likely_between_content`]).
        let bars = |article: bool| match m.article_threshold {
            Some(t) if article => (t, LIKELY_ON_ARTICLES),
            _ => (m.threshold, LIKELY),
        };
        let (mut threshold, mut likely) = bars(declares_article);
        apply(blocks, &m.positives_with(&x, threshold));
        // A thread whose every post is marked up as a comment (the opening post too) and that
        // calls itself an article: what the article threshold kept lies in comments only. Its
        // posts are its content, read as any other page's. So is a page whose declaration
        // misleads, where the article threshold kept less than a short paragraph: a news site's
        // list of recipes or trails, every page of which says `og:type` article.
        if declares_article && (is_thread(blocks) || kept_chars(blocks) < MIN_ARTICLE_CHARS) {
            declares_article = false;
            (threshold, likely) = bars(false);
            apply(blocks, &m.positives_with(&x, threshold));
        }
        keep_likely_between_content(blocks, |i| {
            x.get(i * features::COUNT..(i + 1) * features::COUNT)
                .is_some_and(|row| m.is_positive_with(row, likely))
        });
    }
    // Pages unlike any the model learned from (a lone paragraph, say) can leave it with nothing:
    // the container heuristic then decides.
    if !blocks.iter().any(|b| b.label == Label::Content) {
        for b in blocks.iter_mut() {
            b.label = label(dom, b, container);
        }
    }
    prose_outweighs_kept_links(blocks);
    if !is_thread(blocks) {
        counted_comments_stay_apart(dom, blocks, container);
    }
    if declares_article {
        keep_prose_between_content(blocks);
        comments_stay_together(blocks);
    }
    rows_follow_their_table(dom, blocks);
    dialogs_go(dom, blocks);
    related_headings_take_their_section(dom, blocks);
    if declares_article {
        teaser_stamps_go(blocks);
        teaser_articles_go(dom, blocks);
    }
    super::placeholder_text_goes(blocks);
    super::image_addresses_go(blocks);
    super::drop_repeats(blocks);
    // Table cells follow their row: a row is content when any of its cells is.
    let mut i = 0;
    while i < blocks.len() {
        let row = blocks[i].row;
        let mut j = i + 1;
        if row != NONE {
            while j < blocks.len() && blocks[j].row == row {
                j += 1;
            }
            if blocks[i..j].iter().any(|b| b.label == Label::Content) {
                for b in &mut blocks[i..j] {
                    if b.label == Label::Boilerplate && !b.hints.has(Hints::BOILER) {
                        b.label = Label::Content;
                    }
                }
            }
        }
        i = j;
    }
}

/// A modal dialog by its markup (`aria-modal="true"`, `role="dialog"` or `"alertdialog"`).
fn is_modal_dialog(dom: &Dom, id: NodeId) -> bool {
    let node = dom.node(id);
    node.attr(&local_name!("aria-modal"))
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || node
            .attr(&local_name!("role"))
            .is_some_and(crate::html::segment::is_dialog_role)
}

/// What stands in a modal dialog is a window over the page (a privacy policy, a size guide, a
/// sign-up form), not the page's content, however much it reads like it: a dialog's whole policy,
/// in sentences, was kept on a product page.
fn dialogs_go(dom: &Dom, blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        if b.label == Label::Content && dom.ancestors(b.node).any(|a| is_modal_dialog(dom, a)) {
            b.label = Label::Boilerplate;
        }
    }
}

/// Whether the heading element `id` names a section of links to other pages by its class
/// ("relatedpoststitle", "related-content__heading"). Ids are left out: a heading's id is often
/// its own text made a slug ("how-have-related-deaths-changed").
fn is_related_heading(dom: &Dom, id: NodeId) -> bool {
    dom.node(id).attr(&local_name!("class")).is_some_and(|v| {
        v.split(|c: char| !c.is_ascii_alphanumeric()).any(|part| {
            part.get(..RELATED_HEADING_CLASS.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(RELATED_HEADING_CLASS))
        })
    })
}

/// A heading that names a related-posts section ([`is_related_heading`]) and what follows it in its
/// parent element are furniture: the section's teasers, not the page's content, however much they
/// read like it (whole posts printed under "You may also like").
fn related_headings_take_their_section(dom: &Dom, blocks: &mut [Block]) {
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        if !matches!(b.kind, Kind::Heading(_)) || b.node == NONE || !is_related_heading(dom, b.node)
        {
            i += 1;
            continue;
        }
        let parent = dom.node(b.node).parent;
        let mut j = i;
        while j < blocks.len() && blocks[j].node != NONE && dom.is_within(blocks[j].node, parent) {
            if blocks[j].label == Label::Content {
                blocks[j].label = Label::Boilerplate;
            }
            j += 1;
        }
        i = j;
    }
}

/// A list item that is a link holding a date alone ("11/20/2019 01:14 PM") or a byline alone
/// ("By Staff") stamps another page's teaser, not this page's text; one that holds a link and ends
/// in an excerpt cut short ("… may soon...") is that teaser whole.
fn teaser_stamps_go(blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        if b.label != Label::Content || b.kind != Kind::ListItem {
            continue;
        }
        if b.link_chars > 0 && is_cut_excerpt(&b.text) {
            b.label = Label::Boilerplate;
            continue;
        }
        if b.link_chars < b.chars {
            continue;
        }
        let text = b.text.trim();
        let bare_date = text.len() <= 32
            && text.split_whitespace().count() <= 4
            && crate::meta::date::find_date(text).is_some();
        if bare_date || crate::classify::phrases::byline_name(text).is_some() {
            b.label = Label::Boilerplate;
        }
    }
}

/// Whether a text ends cut short by an ellipsis ("… may soon...", "…the council said…"): an
/// excerpt of another page.
fn is_cut_excerpt(text: &str) -> bool {
    let text = text.trim_end();
    text.ends_with("...") || text.ends_with('…')
}

/// The nearest `<article>` element at or above `node`, or [`NONE`].
fn enclosing_article(dom: &Dom, node: NodeId) -> NodeId {
    dom.ancestors(node)
        .find(|&a| *dom.node(a).tag() == local_name!("article"))
        .unwrap_or(NONE)
}

/// On an article, when the text kept stands in several `<article>` elements, the one holding the
/// most is the story; those outside it that hold less than a fifth of it and are headed by a
/// linked headline are other stories' teasers ("more stories" as a grid of `<article>` cards, each
/// a kicker, a headline linking to the story and a line of it). Replies in `<article>` elements,
/// unlinked, stay.
fn teaser_articles_go(dom: &Dom, blocks: &mut [Block]) {
    // Per article element: the characters kept in it, and whether a linked headline heads it.
    let mut articles: FxHashMap<NodeId, (u64, bool)> = FxHashMap::default();
    let at: Vec<NodeId> = blocks
        .iter()
        .map(|b| {
            let content = b.label == Label::Content;
            let headline = matches!(b.kind, Kind::Heading(_)) && b.link_density() >= 0.5;
            if b.node == NONE || !(content || headline) {
                return NONE;
            }
            let a = enclosing_article(dom, b.node);
            if a != NONE {
                let entry = articles.entry(a).or_default();
                if content {
                    entry.0 += u64::from(b.chars);
                }
                entry.1 |= headline;
            }
            a
        })
        .collect();
    if articles.len() < 3 {
        return;
    }
    let Some((&main, &(main_chars, _))) = articles
        .iter()
        .max_by_key(|&(&a, &(c, _))| (c, std::cmp::Reverse(a)))
    else {
        return;
    };
    // A listing of stories, each its own element, has no story that holds most of the page.
    if main_chars * 2 < kept_chars(blocks) {
        return;
    }
    for (b, &a) in blocks.iter_mut().zip(&at) {
        if a == NONE || a == main || b.label != Label::Content {
            continue;
        }
        let (chars, headline) = articles[&a];
        if headline && chars * 5 < main_chars && !dom.is_within(a, main) && !dom.is_within(main, a)
        {
            b.label = Label::Boilerplate;
        }
    }
}

/// The `<table>` a table row belongs to (`tr`, in a `tbody`, `thead` or `tfoot` or not).
fn table_of(dom: &Dom, row: NodeId) -> NodeId {
    let mut node = row;
    for _ in 0..3 {
        node = dom.node(node).parent;
        if node == NONE {
            break;
        }
        if *dom.node(node).tag() == local_name!("table") {
            return node;
        }
    }
    NONE
}

/// The rows of a table follow it ([`super::table_is_content`]); cells under furniture or consent
/// markup stay out.
fn rows_follow_their_table(dom: &Dom, blocks: &mut [Block]) {
    // Per table: its rows, and how many of them hold content.
    struct Table {
        rows: usize,
        kept: usize,
        last_row: NodeId,
    }
    let mut tables: Vec<Table> = Vec::new();
    let mut index: FxHashMap<NodeId, usize> = FxHashMap::default();
    // Each block's table, as an index into `tables`.
    let mut table_at: Vec<Option<usize>> = vec![None; blocks.len()];
    for (i, b) in blocks.iter().enumerate() {
        if b.row == NONE {
            continue;
        }
        let id = table_of(dom, b.row);
        if id == NONE {
            continue;
        }
        let at = *index.entry(id).or_insert_with(|| {
            tables.push(Table {
                rows: 0,
                kept: 0,
                last_row: NONE,
            });
            tables.len() - 1
        });
        table_at[i] = Some(at);
        let t = &mut tables[at];
        if t.last_row != b.row {
            t.last_row = b.row;
            t.rows += 1;
            // A row is kept when any of its cells is; its cells are consecutive blocks, looked at
            // once, from its first.
            let row_kept = blocks[i..]
                .iter()
                .take_while(|c| c.row == b.row)
                .any(|c| c.label == Label::Content);
            t.kept += usize::from(row_kept);
        }
    }
    for (b, at) in blocks.iter_mut().zip(table_at) {
        let Some(t) = at.map(|at| &tables[at]) else {
            continue;
        };
        if super::table_is_content(t.rows, t.kept)
            && b.label == Label::Boilerplate
            && !b.hints.has(Hints::BOILER)
            && !b.hints.has(Hints::CONSENT)
        {
            b.label = Label::Content;
        }
    }
}

/// The classifier's answers as labels. The model reads the comment markup as one feature among
/// others: on a forum the replies are the content; on a blog they are comments, set apart.
fn apply(blocks: &mut [Block], positives: &[bool]) {
    for (b, &positive) in blocks.iter_mut().zip(positives) {
        // A cookie or consent prompt goes whatever its text reads like (it explains itself at
        // length, in sentences).
        b.label = if positive && !b.hints.has(Hints::CONSENT) {
            Label::Content
        } else if b.comment_at != NONE {
            comment_label(b)
        } else {
            Label::Boilerplate
        };
    }
}

/// Whether the content kept lies in comment sections only: the page is a thread of posts.
fn is_thread(blocks: &[Block]) -> bool {
    let mut content = blocks.iter().filter(|b| b.label == Label::Content);
    content.clone().next().is_some() && content.all(|b| b.comment_at != NONE)
}

/// The model's input: every block's features, row after row.
fn feature_rows(dom: &Dom, blocks: &[Block], container: NodeId) -> Vec<f32> {
    let weights: Vec<f32> = blocks.iter().map(weight).collect();
    features::compute(dom, blocks, &weights, container)
}

/// The shipped model's probability that each block is content, before any threshold or rule; for
/// inspection (`examples/explain.rs`). None when no model loads.
pub fn probabilities(dom: &Dom, blocks: &[Block]) -> Option<Vec<f32>> {
    let m = model()?;
    let x = feature_rows(dom, blocks, main_container(dom, blocks));
    Some(
        x.chunks_exact(features::COUNT)
            .map(|row| m.predict(row))
            .collect(),
    )
}

/// Below the threshold, the probability from which a block standing among content is content too,
/// on pages that declare themselves articles and on the others: a hysteresis, as an edge detector
/// keeps a weak edge that continues a strong one. A list's items that read as the article around
/// them, a section's short introduction, score a little under the threshold that keeps a page's
/// furniture out. Chosen on out-of-fold probabilities (`scripts/train_model.py`'s folds): page F1
/// of the training pages, WCXB dev 0.8569 -> 0.8595, ScrapingHub 0.9256 -> 0.9268; of the held-out
/// fifth (not used to choose), 0.8417 -> 0.8445 and 0.9843 -> 0.9873 (before the other rules).
const LIKELY_ON_ARTICLES: f32 = 0.40;
const LIKELY: f32 = 0.20;

/// Less kept than this, in characters, on a page that declares itself an article, and the page is
/// read as any other ([`classify`]). Five WCXB dev pages fall under it with the cross-validation's
/// models, all listings and services (0 -> 0.94, 0 -> 0.99, 0.31 -> 0.64, 0 -> 0.47, 0 -> 0.14);
/// with the shipped model, three, and a ScrapingHub story of which nothing was kept (0 -> 0.93).
/// At 800 characters an article and a forum thread lost.
const MIN_ARTICLE_CHARS: u64 = 200;

/// The characters of the blocks labelled content.
fn kept_chars(blocks: &[Block]) -> u64 {
    blocks
        .iter()
        .filter(|b| b.label == Label::Content)
        .map(|b| u64::from(b.chars))
        .sum()
}

/// How many blocks away, before and after, content must stand for a likely block to be kept.
const LIKELY_REACH: usize = 4;

/// A likely block with more of its text in links than this stays out: a menu between sections.
const LIKELY_LINKS: f32 = 0.3;

/// Keeps the blocks left out that stand between content, within [`LIKELY_REACH`] blocks on each
/// side, and that the classifier found `likely` (block index to whether its probability is above
/// the lower bar: asked only of those blocks). The content around is the classifier's own, not
/// what this step adds.
fn keep_likely_between_content(blocks: &mut [Block], likely: impl Fn(usize) -> bool) {
    let kept: Vec<usize> = (0..blocks.len())
        .filter(|&i| {
            let b = &blocks[i];
            b.label == Label::Boilerplate
                && !b.hints.has(Hints::CONSENT)
                && b.link_density() < LIKELY_LINKS
                && stands_between_content(blocks, i, LIKELY_REACH)
                && likely(i)
        })
        .collect();
    for i in kept {
        blocks[i].label = Label::Content;
    }
}

/// Whether content stands within `reach` blocks before block `i` and within `reach` after it.
fn stands_between_content(blocks: &[Block], i: usize, reach: usize) -> bool {
    let content_within = |range: &[Block]| range.iter().any(|b| b.label == Label::Content);
    content_within(&blocks[i.saturating_sub(reach)..i])
        && content_within(&blocks[(i + 1).min(blocks.len())..(i + 1 + reach).min(blocks.len())])
}

/// A paragraph at least this long (characters) can be prose the classifier missed.
const PROSE_CHARS: u32 = 400;

/// How many blocks away, before and after, content must stand for a missed paragraph to be kept.
const PROSE_REACH: usize = 3;

/// On an article, a long paragraph of sentences is part of the article when content stands on both
/// sides of it, or when it follows a paragraph kept under the same content-named element (an
/// `article-body`, a `main-article-body` section): the chain runs forward, through a paper's
/// sections up to its references. The classifier learned that very long blocks are often furniture
/// (legal notices, serialised data, logs; most of the few blocks over 2,000 characters it trained
/// on), and on articles whose paragraphs run that long (papers, essays) it dropped the body's
/// longest paragraphs while keeping those around them.
fn keep_prose_between_content(blocks: &mut [Block]) {
    let missed: Vec<usize> = (0..blocks.len())
        .filter(|&i| is_missed_prose(&blocks[i]) && stands_between_content(blocks, i, PROSE_REACH))
        .collect();
    for i in missed {
        blocks[i].label = Label::Content;
    }
    for i in 0..blocks.len() {
        let b = &blocks[i];
        let follows_kept_paragraph = || {
            blocks[i.saturating_sub(PROSE_REACH)..i].iter().any(|x| {
                x.label == Label::Content
                    && x.kind == Kind::Paragraph
                    && x.content_at == b.content_at
            })
        };
        if is_missed_prose(b) && b.content_at != NONE && follows_kept_paragraph() {
            blocks[i].label = Label::Content;
        }
    }
}

/// When what the classifier kept is less than a paragraph ([`PROSE_CHARS`]), or mostly link text,
/// and long paragraphs of sentences it left out weigh three times as much, the page is read wrong
/// (a story in a bare `<div>` beside an archive of links, of which only the headline or the menu
/// was kept): the paragraphs are the content, the links go.
fn prose_outweighs_kept_links(blocks: &mut [Block]) {
    let (mut kept, mut kept_links, mut prose) = (0u64, 0u64, 0u64);
    for b in blocks.iter() {
        if b.label == Label::Content {
            kept += u64::from(b.chars);
            kept_links += u64::from(b.link_chars);
        } else if is_missed_prose(b) {
            prose += u64::from(b.chars);
        }
    }
    let less_than_a_paragraph = kept < u64::from(PROSE_CHARS);
    if prose == 0 || (!less_than_a_paragraph && kept_links * 2 <= kept) || prose < 3 * kept {
        return;
    }
    for b in blocks.iter_mut() {
        if is_missed_prose(b) {
            b.label = Label::Content;
        } else if b.label == Label::Content && b.link_density() > 0.5 {
            b.label = Label::Boilerplate;
        }
    }
}

/// A long paragraph of sentences the classifier left out, outside furniture, comments and forms.
fn is_missed_prose(b: &Block) -> bool {
    b.label == Label::Boilerplate
        && b.kind == Kind::Paragraph
        && b.chars >= PROSE_CHARS
        && b.comment_at == NONE
        && b.boiler_at == NONE
        && !b.hints.has(Hints::FORM)
        && !b.hints.has(Hints::CONSENT)
        && b.link_density() < 0.2
        && b.ends_sentence()
}

/// On an article, the comment section is one thing: when the classifier read most of its text as
/// comments, the replies it kept as content (a reader's long "thanks for sharing") are comments too.
/// (On forums, whose replies are the content, the classifier keeps most of them; pages that do not
/// declare themselves articles are left as it read them.)
fn comments_stay_together(blocks: &mut [Block]) {
    let (mut content, mut comments) = (0u64, 0u64);
    for b in blocks.iter().filter(|b| b.comment_at != NONE) {
        match b.label {
            Label::Content => content += u64::from(b.chars),
            Label::Comment => comments += u64::from(b.chars),
            _ => {}
        }
    }
    if comments > content {
        for b in blocks.iter_mut() {
            if b.comment_at != NONE && b.label == Label::Content {
                b.label = comment_label(b);
            }
        }
    }
}

/// A comment section headed by its count ("10 comments:", "3 réponses") that stands outside the
/// main container is a blog's comments, whatever the page calls itself: the replies the classifier
/// kept there are comments, and the count goes. (A forum's replies, its content, hold the main
/// container or stand inside it; a page whose kept text is all in comment sections is a thread and
/// is left as it was read.)
fn counted_comments_stay_apart(dom: &Dom, blocks: &mut [Block], container: NodeId) {
    if container == NONE {
        return;
    }
    let outside =
        |section: NodeId| !dom.is_within(container, section) && !dom.is_within(section, container);
    let counted: Vec<NodeId> = blocks
        .iter()
        .filter(|b| b.comment_at != NONE && is_comment_count(&b.text) && outside(b.comment_at))
        .map(|b| b.comment_at)
        .collect();
    if counted.is_empty() {
        return;
    }
    for b in blocks.iter_mut() {
        if b.label == Label::Content
            && b.comment_at != NONE
            && counted.iter().any(|&s| dom.is_within(b.comment_at, s))
        {
            b.label = if is_comment_count(&b.text) {
                Label::Boilerplate
            } else {
                comment_label(b)
            };
        }
    }
}

/// A block of a comment section: a comment, unless it is the comment form or its furniture.
fn comment_label(b: &Block) -> Label {
    if b.hints.has(Hints::FORM) || b.phrase || b.chars < 2 {
        Label::Boilerplate
    } else {
        Label::Comment
    }
}

/// The heuristic label, used when no model is available.
fn label(dom: &Dom, b: &Block, container: NodeId) -> Label {
    let in_comments = b.comment_at != NONE;
    if in_comments && !dom.is_within(container, b.comment_at) {
        // A comment section, unless the whole main container sits inside it (a forum thread).
        return comment_label(b);
    }
    if container == NONE || !dom.is_within(b.node, container) {
        return Label::Boilerplate;
    }
    if b.boiler_at != NONE && !dom.is_within(container, b.boiler_at) {
        return Label::Boilerplate;
    }
    if b.hints.has(Hints::FORM) {
        return Label::Boilerplate;
    }
    if b.phrase || b.related {
        return Label::Boilerplate;
    }
    let ld = b.link_density();
    if ld > 0.6 && !matches!(b.kind, Kind::Heading(_)) && b.chars < 200 {
        return Label::Boilerplate;
    }
    Label::Content
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks of `html` after `rule`, every block read as content first.
    fn blocks_after(html: &str, rule: impl Fn(&Dom, &mut [Block])) -> Vec<Block> {
        let dom = Dom::parse(html);
        let mut blocks = crate::html::segment::segment(&dom).blocks;
        for b in blocks.iter_mut() {
            b.label = Label::Content;
        }
        rule(&dom, &mut blocks);
        blocks
    }

    /// The labels `rule` leaves on the blocks of `html`, every block read as content first.
    fn labels_after(html: &str, rule: impl Fn(&Dom, &mut [Block])) -> Vec<Label> {
        blocks_after(html, rule).iter().map(|b| b.label).collect()
    }

    #[test]
    fn a_related_posts_heading_takes_the_rest_of_its_parent() {
        let post =
            "<p>A whole post printed as a teaser, sentences and all, long enough to read.</p>";
        let dom = Dom::parse(&format!(
            "<body><article><h1>Title</h1>{post}</article>\
             <section><p>Before the heading.</p><h3 class=\"relatedpoststitle\">You may also like</h3>\
             <article>{post}</article><article>{post}</article></section>\
             <div><h2 id=\"related-deaths\">Related deaths</h2>{post}</div><p>After.</p>"
        ));
        let mut blocks = crate::html::segment::segment(&dom).blocks;
        for b in blocks.iter_mut() {
            b.label = Label::Content;
        }
        related_headings_take_their_section(&dom, &mut blocks);
        let labels: Vec<(&str, Label)> = blocks
            .iter()
            .map(|b| (&b.text[..6.min(b.text.len())], b.label))
            .collect();
        use Label::{Boilerplate as B, Content as C};
        assert_eq!(
            labels,
            [
                ("Title", C),
                ("A whol", C),
                // Above the heading in its parent: not its section.
                ("Before", C),
                ("You ma", B),
                ("A whol", B),
                ("A whol", B),
                // An id made of the heading's own words says nothing.
                ("Relate", C),
                ("A whol", C),
                ("After.", C),
            ]
        );
    }

    #[test]
    fn small_articles_under_linked_headlines_beside_the_story_are_teasers() {
        let story = "<p>The story itself, told over several paragraphs of sentences.</p>".repeat(8);
        let card = |n: u32| {
            format!(
                "<article><div>KICKER {n}</div><h2><a href=\"/s{n}\">Another story {n}</a></h2>\
                 <p>A line of that story.</p></article>"
            )
        };
        let reply = |n: u32| format!("<article><p>Reply {n}: I agree with this.</p></article>");
        let labelled = |html: &str| -> Vec<String> {
            let blocks = blocks_after(html, teaser_articles_go);
            crate::blocks::content_texts(&blocks)
                .into_iter()
                .map(str::to_owned)
                .collect()
        };
        let page = |others: String| {
            labelled(&format!(
                "<body><article><h1>Title</h1>{story}</article>{others}</body>"
            ))
        };
        let kept = page(format!("{}{}{}", card(1), card(2), card(3)));
        assert_eq!(
            kept.len(),
            9,
            "the title and the story's paragraphs: {kept:?}"
        );
        // Short articles without a linked headline (replies, say) stay.
        let kept = page(format!("{}{}{}", reply(1), reply(2), reply(3)));
        assert_eq!(kept.len(), 12, "{kept:?}");
        // A listing of cards, one longer than the others but not most of the page, stays whole.
        let cards: String = (1..=12).map(card).collect();
        let lead = "Its opening, at some length, as listings print it for the lead. ".repeat(5);
        let listing =
            format!("<body><article><h1>Top story</h1><p>{lead}</p></article>{cards}</body>");
        assert_eq!(labelled(&listing).len(), 2 + 12 * 3);
    }

    #[test]
    fn what_stands_in_a_modal_dialog_goes() {
        let labels = labels_after(
            "<body><p>The product, described.</p>\
             <div aria-modal='true'><div><p>Privacy policy: we collect data.</p></div></div>\
             <div role=dialog><p>Size guide.</p></div><div role=region><p>Reviews.</p></div>",
            dialogs_go,
        );
        use Label::{Boilerplate as B, Content as C};
        assert_eq!(labels, [C, B, B, C]);
    }

    #[test]
    fn linked_dates_and_bylines_in_list_items_are_teaser_stamps() {
        let labels = labels_after(
            "<body><p>By Jane Doe, on 11/20/2019, the council met.</p><ul>\
             <li><a href=/a>11/20/2019 01:14 PM</a></li><li><a href=/b>By Jane Doe</a></li>\
             <li>11/20/2019 01:14 PM</li><li><a href=/c>Council meets on 11/20/2019 to vote</a></li></ul>",
            |_, blocks| teaser_stamps_go(blocks),
        );
        use Label::{Boilerplate as B, Content as C};
        // Not a list item; a link holding a date alone; one holding a byline alone; a date that
        // is no link; a link that says more than a date.
        assert_eq!(labels, [C, B, B, C, C]);
    }

    #[test]
    fn list_items_of_a_linked_headline_and_a_cut_excerpt_are_teasers() {
        let labels = labels_after(
            "<body><p>The story, which ends as stories do...</p><ul>\
             <li><a href=/a>Council votes</a> <span>NEW YORK: The council voted on a plan that may soon...</span></li>\
             <li><a href=/b>Schools open</a> <span>All schools opened on Monday, the ministry said…</span></li>\
             <li>A point of the story, wondering aloud...</li>\
             <li><a href=/c>Council votes</a> <span>The council voted on the plan.</span></li></ul>",
            |_, blocks| teaser_stamps_go(blocks),
        );
        use Label::{Boilerplate as B, Content as C};
        // Not a list item; two linked headlines with cut excerpts; a list item without a link; an
        // excerpt that ends its sentence.
        assert_eq!(labels, [C, B, B, C, C]);
    }

    #[test]
    fn a_table_with_a_quarter_of_its_rows_kept_is_kept_whole() {
        let row = |n: usize| {
            format!(
                "<tr><td>{n}</td><td>Driver {n}</td><td>{}</td></tr>",
                90 - n
            )
        };
        let table: String = (1..=8).map(row).collect();
        let dom = Dom::parse(&format!(
            "<body><table>{table}</table><table>{table}</table><table><tr><td>Menu</td></tr></table>"
        ));
        let mut blocks = crate::html::segment::segment(&dom).blocks;
        assert_eq!(blocks.len(), 8 * 3 * 2 + 1);
        // The first table: two rows of eight kept by the classifier; the second: one.
        for (i, b) in blocks.iter_mut().enumerate() {
            let kept = matches!(i / 3, 0 | 5 | 10);
            b.label = if kept {
                Label::Content
            } else {
                Label::Boilerplate
            };
        }
        rows_follow_their_table(&dom, &mut blocks);
        let kept = |range: std::ops::Range<usize>| {
            blocks[range]
                .iter()
                .filter(|b| b.label == Label::Content)
                .count()
        };
        assert_eq!(kept(0..24), 24, "two rows of eight: the whole table");
        assert_eq!(kept(24..48), 3, "one row of eight: that row only");
        assert_eq!(kept(48..49), 0, "a one-row table is left as it was");
    }

    #[test]
    fn a_long_paragraph_between_content_is_kept() {
        let long =
            "Exercise changes the brain in ways that researchers have measured for decades. \
            It raises the levels of growth factors, it calms the inflammation that depression \
            feeds on, and it restores the rhythms of sleep that the illness disturbs. Studies \
            that followed patients for years found that those who kept moving relapsed less \
            often than those who did not, whatever their medication. The effect held for the \
            young and the old, for walking as for lifting weights, and it grew with the weeks.";
        let block = |text: &str, label: Label| {
            let mut b = Block::new(text.to_string(), Kind::Paragraph);
            b.label = label;
            b
        };
        let mut blocks = vec![
            block("Depression affects millions of people.", Label::Content),
            block(long, Label::Boilerplate),
            block("Share this article", Label::Boilerplate),
            block("Exercise is an appealing therapy.", Label::Content),
            block(long, Label::Boilerplate),
            block("Related articles", Label::Boilerplate),
        ];
        keep_prose_between_content(&mut blocks);
        let labels: Vec<Label> = blocks.iter().map(|b| b.label).collect();
        // The paragraph with content on both sides is kept; the short line, and the long one after
        // the last content, are not.
        assert_eq!(
            labels,
            [
                Label::Content,
                Label::Content,
                Label::Boilerplate,
                Label::Content,
                Label::Boilerplate,
                Label::Boilerplate
            ]
        );
    }

    #[test]
    fn prose_outweighing_kept_links_replaces_them() {
        let story = "The home care service of the Amizade district found two of its five cars \
            broken into this morning. The vehicles had lost their batteries and bore marks of \
            damage. A police report was filed and officers came to inspect the cars. Patients \
            booked for this morning are being given new appointments, and the health department \
            expects the service to be back to normal this afternoon, once the cars are repaired. \
            The district has asked for cameras in the yard where the cars are parked at night.";
        let block = |text: &str, label: Label, linked: bool| {
            let mut b = Block::new(text.to_string(), Kind::Paragraph);
            b.label = label;
            if linked {
                b.link_chars = b.chars;
            }
            b
        };
        let page = |story_label: Label| {
            vec![
                block("Administration", Label::Content, true),
                block("Infrastructure", Label::Content, true),
                block("Environment", Label::Content, true),
                block(story, story_label, false),
                block("Back", Label::Boilerplate, true),
            ]
        };
        let labels = |blocks: &[Block]| blocks.iter().map(|b| b.label).collect::<Vec<_>>();
        let mut blocks = page(Label::Boilerplate);
        prose_outweighs_kept_links(&mut blocks);
        assert_eq!(
            labels(&blocks),
            [
                Label::Boilerplate,
                Label::Boilerplate,
                Label::Boilerplate,
                Label::Content,
                Label::Boilerplate
            ]
        );
        // Nothing kept at all: the story is still the content.
        let mut blocks = page(Label::Boilerplate);
        for b in &mut blocks {
            b.label = Label::Boilerplate;
        }
        prose_outweighs_kept_links(&mut blocks);
        assert_eq!(labels(&blocks)[3], Label::Content);
        // A listing whose linked items are most of what was kept, beside a short introduction,
        // stays as the classifier read it.
        let mut blocks = page(Label::Boilerplate);
        blocks[3] = block("Our recipes for every dish.", Label::Boilerplate, false);
        let before = labels(&blocks);
        prose_outweighs_kept_links(&mut blocks);
        assert_eq!(labels(&blocks), before);
    }

    #[test]
    fn a_likely_block_between_content_is_kept() {
        let block = |text: &str, label: Label, link_chars: u32| {
            let mut b = Block::new(text.to_string(), Kind::Paragraph);
            b.label = label;
            b.link_chars = link_chars;
            b
        };
        let mut blocks = vec![
            block(
                "Ease of use: we noted how easy each was to set up.",
                Label::Content,
                0,
            ),
            block("Design: we held each one for weeks.", Label::Boilerplate, 0),
            block("Next page", Label::Boilerplate, 9),
            block("Features: we tried every setting.", Label::Content, 0),
            block("Value: we compared the prices.", Label::Boilerplate, 0),
            block("Sign up for our newsletter.", Label::Boilerplate, 0),
        ];
        let levels = [2, 1, 1, 2, 1, 0];
        keep_likely_between_content(&mut blocks, |i| levels[i] >= 1);
        let kept = crate::blocks::content_texts(&blocks);
        // The likely block with content on both sides is kept; the link, and the likely block
        // after the last content, are not; an unlikely block never is.
        assert_eq!(
            kept,
            [
                "Ease of use: we noted how easy each was to set up.",
                "Design: we held each one for weeks.",
                "Features: we tried every setting."
            ]
        );
    }

    #[test]
    fn long_paragraphs_after_kept_ones_in_the_same_body_are_kept() {
        let long = "The long-term effects of exercise on mood are well documented, with numerous \
            studies showing that regular activity lowers the risk of depression over the years. \
            A meta-analysis of randomised trials found moderate effects against usual care, and \
            larger ones when the exercise was supervised, aerobic and at least three times a week. \
            Patients who kept exercising after the trials ended relapsed less often than others, \
            whatever their age, their medication or the severity of their first episode.";
        let block = |text: &str, label: Label, body: NodeId| {
            let mut b = Block::new(text.to_string(), Kind::Paragraph);
            b.label = label;
            b.content_at = body;
            b
        };
        let (body, elsewhere) = (7, 9);
        let mut blocks = vec![
            block("Exercise is an appealing therapy.", Label::Content, body),
            block("Long-term effects", Label::Boilerplate, body),
            block(long, Label::Boilerplate, body),
            block(long, Label::Boilerplate, body),
            block("References", Label::Boilerplate, body),
            block(long, Label::Boilerplate, elsewhere),
        ];
        let mut form = block(long, Label::Boilerplate, body);
        form.hints.0 |= Hints::FORM;
        blocks.insert(4, form);
        keep_prose_between_content(&mut blocks);
        let labels: Vec<Label> = blocks.iter().map(|b| b.label).collect();
        // The chain runs from the kept paragraph through the two long ones under the same body;
        // the short heading, a form's notice and a paragraph under another element stay out.
        assert_eq!(
            labels,
            [
                Label::Content,
                Label::Boilerplate,
                Label::Content,
                Label::Content,
                Label::Boilerplate,
                Label::Boilerplate,
                Label::Boilerplate
            ]
        );
    }
    #[test]
    fn a_comment_section_read_mostly_as_comments_is_all_comments() {
        let block = |text: &str, label: Label, in_comments: bool| {
            let mut b = Block::new(text.to_string(), Kind::Paragraph);
            b.label = label;
            if in_comments {
                b.comment_at = 7;
            }
            b
        };
        let mut blocks = vec![
            block("The article's own paragraph.", Label::Content, false),
            block(
                "Great post, I made the shelf last weekend!",
                Label::Comment,
                true,
            ),
            block(
                "Thanks for sharing at the link party.",
                Label::Content,
                true,
            ),
            block(
                "Love the cornhole boards, we built a pair for the garden.",
                Label::Comment,
                true,
            ),
        ];
        comments_stay_together(&mut blocks);
        let labels: Vec<Label> = blocks.iter().map(|b| b.label).collect();
        assert_eq!(
            labels,
            [
                Label::Content,
                Label::Comment,
                Label::Comment,
                Label::Comment
            ]
        );
        // A section read mostly as content (a forum's replies) is left as it is.
        blocks[1].label = Label::Content;
        blocks[2].label = Label::Content;
        comments_stay_together(&mut blocks);
        assert_eq!(blocks[3].label, Label::Comment);
        assert_eq!(blocks[2].label, Label::Content);
    }

    #[test]
    fn content_in_comment_sections_only_is_a_thread() {
        let block = |label: Label, in_comments: bool| {
            let mut b = Block::new("A post or a paragraph.".to_string(), Kind::Paragraph);
            b.label = label;
            if in_comments {
                b.comment_at = 7;
            }
            b
        };
        // Every post marked up as a comment, the opening one too.
        let thread = [
            block(Label::Boilerplate, false),
            block(Label::Content, true),
            block(Label::Comment, true),
        ];
        assert!(is_thread(&thread));
        // An article with comments below it.
        let article = [block(Label::Content, false), block(Label::Content, true)];
        assert!(!is_thread(&article));
        // Nothing kept at all is no thread either.
        assert!(!is_thread(&[block(Label::Comment, true)]));
    }

    #[test]
    fn the_shipped_model_loads() {
        assert!(
            super::model().is_some(),
            "data/model.json does not match the feature list"
        );
    }
}
