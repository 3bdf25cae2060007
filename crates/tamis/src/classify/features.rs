//! The numbers the learned classifier reads for each HTML block.
//!
//! A block is described by its own text (length, links, punctuation, word shapes), its structure
//! (kind, tag, hints from class names), its place (position, depth, neighbours) and its
//! surroundings (the text and links held by its parent, grandparent and great-grandparent, and how
//! often its element's shape repeats among its siblings, which marks the items of a list; and
//! whether a furniture heading such as "Related posts" opens the section it stands in).

use html5ever::local_name;

use crate::blocks::{Block, Hints, Kind};
use crate::html::dom::{Dom, NodeId, NONE};

/// Feature names, in vector order. The model file names them too and must agree.
pub const NAMES: &[&str] = &[
    "ln_chars",
    "link_density",
    "ln_words",
    "stop_ratio",
    "comma_ratio",
    "ends_sentence",
    "digit_ratio",
    "upper_ratio",
    "kind_paragraph",
    "kind_heading",
    "heading_level",
    "kind_list",
    "kind_code",
    "kind_quote",
    "kind_cell",
    "hint_boiler",
    "hint_comment",
    "hint_content",
    "hint_form",
    "hint_header",
    "phrase",
    "related",
    "pos_rel",
    "pos_chars",
    "ln_depth",
    "tag_p",
    "tag_div",
    "tag_li",
    "tag_td",
    "in_container",
    "container_share",
    "p1_ln_chars",
    "p1_ld",
    "p1_ln_blocks",
    "p2_ln_chars",
    "p2_ld",
    "p2_ln_blocks",
    "p3_ln_chars",
    "p3_ld",
    "p3_ln_blocks",
    "prev_ln_chars",
    "prev_ld",
    "prev_ends",
    "next_ln_chars",
    "next_ld",
    "next_ends",
    "page_ln_chars",
    "page_ld",
    "page_ln_blocks",
    "text_weight",
    "ln_repeat",
    "p1_sum",
    "p2_sum",
    "p3_sum",
    "boiler_gap",
    "comment_gap",
    "content_gap",
    "after_h1",
    "from_h1",
    "ln_dups",
    "p1_repeat",
    "window_ld",
    "window_ln_chars",
    "under_furniture_heading",
];

/// Number of features.
pub const COUNT: usize = NAMES.len();

/// Per-element totals of the blocks below it.
struct Totals {
    chars: Vec<f32>,
    links: Vec<f32>,
    blocks: Vec<f32>,
    weight: Vec<f32>,
}

const CLIMB: usize = 200;

fn totals(dom: &Dom, blocks: &[Block], weights: &[f32]) -> Totals {
    let n = dom.nodes.len();
    let mut t = Totals {
        chars: vec![0.0; n],
        links: vec![0.0; n],
        blocks: vec![0.0; n],
        weight: vec![0.0; n],
    };
    for (b, &w) in blocks.iter().zip(weights) {
        let mut node = b.node;
        for _ in 0..CLIMB {
            if node == NONE {
                break;
            }
            let i = node as usize;
            t.chars[i] += b.chars as f32;
            t.links[i] += b.link_chars as f32;
            t.blocks[i] += 1.0;
            t.weight[i] += w;
            node = dom.node(node).parent;
        }
    }
    t
}

fn ln(x: f32) -> f32 {
    (x + 1.0).ln()
}

/// How many siblings of `id` (itself included) share its tag and class; one for a `<p>`, whose
/// siblings of its kind are an article's run of paragraphs, not the items of a list.
fn repeat(dom: &Dom, id: NodeId, cache: &mut [u16]) -> u16 {
    if cache[id as usize] != u16::MAX {
        return cache[id as usize];
    }
    let node = dom.node(id);
    let parent = node.parent;
    let count = if parent == NONE || *node.tag() == local_name!("p") {
        1
    } else {
        let class = node.attr(&local_name!("class"));
        dom.children(parent)
            .take(2000)
            .filter(|&c| {
                let s = dom.node(c);
                s.tag() == node.tag() && s.attr(&local_name!("class")) == class
            })
            .count()
            .min(u16::MAX as usize - 1) as u16
    };
    cache[id as usize] = count;
    count
}

/// Which blocks stand in a section that a furniture heading opens ("Related posts", "Comments",
/// "Você pode gostar…": a heading that is a known phrase or a related-article opener): the blocks
/// after it, inside the nearest element that holds more blocks than the heading, up to the next
/// heading. The items of a related-posts box read like an article's paragraphs; the heading above
/// them says what they are.
fn under_furniture_heading(dom: &Dom, blocks: &[Block], t: &Totals) -> Vec<bool> {
    let mut section = NONE;
    blocks
        .iter()
        .map(|b| {
            if matches!(b.kind, Kind::Heading(_)) {
                section = NONE;
                if b.phrase || b.related {
                    let mut a = dom.node(b.node).parent;
                    for _ in 0..CLIMB {
                        if a == NONE || t.blocks[a as usize] > 1.0 {
                            break;
                        }
                        a = dom.node(a).parent;
                    }
                    section = a;
                }
                return false;
            }
            if section != NONE && !dom.is_within(b.node, section) {
                section = NONE;
            }
            section != NONE
        })
        .collect()
}

fn gap(dom: &Dom, from: NodeId, to: NodeId) -> f32 {
    if to == NONE {
        return 0.0;
    }
    let mut node = from;
    for d in 0..CLIMB {
        if node == to || node == NONE {
            return d as f32;
        }
        node = dom.node(node).parent;
    }
    CLIMB as f32
}

/// The feature vectors of all blocks, `COUNT` numbers each, row after row.
/// `weights` are the heuristic block weights and `container` the heuristic main container.
pub fn compute(dom: &Dom, blocks: &[Block], weights: &[f32], container: NodeId) -> Vec<f32> {
    let t = totals(dom, blocks, weights);
    let n = blocks.len();
    let page_chars: f32 = blocks.iter().map(|b| b.chars as f32).sum::<f32>().max(1.0);
    let page_links: f32 = blocks.iter().map(|b| b.link_chars as f32).sum();
    let container_share = if container == NONE {
        0.0
    } else {
        t.chars[container as usize] / page_chars
    };
    let mut cache = vec![u16::MAX; dom.nodes.len()];
    let under_furniture = under_furniture_heading(dom, blocks, &t);
    let ends: Vec<f32> = blocks
        .iter()
        .map(|b| b.ends_sentence() as u8 as f32)
        .collect();
    // Where the page's headline stands: content mostly follows it.
    let h1 = blocks.iter().position(|b| b.kind == Kind::Heading(1));
    // How often each text recurs on the page (menus are often printed twice).
    let mut dups: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
    for b in blocks {
        *dups.entry(b.text.as_str()).or_default() += 1;
    }
    let mut out = Vec::with_capacity(n * COUNT);
    let mut chars_before = 0.0f32;
    for (i, b) in blocks.iter().enumerate() {
        let s = &b.stats;
        let words = s.word_equivalents().max(1) as f32;
        let chars = b.chars as f32;
        let node = dom.node(b.node);
        let tag = node.tag();
        let mut anc = [NONE; 3];
        let mut a = node.parent;
        for slot in anc.iter_mut() {
            *slot = a;
            if a != NONE {
                a = dom.node(a).parent;
            }
        }
        let in_container = container != NONE && dom.is_within(b.node, container);
        let mut rep = 1u16;
        let mut x = b.node;
        for _ in 0..4 {
            if x == NONE {
                break;
            }
            rep = rep.max(repeat(dom, x, &mut cache));
            x = dom.node(x).parent;
        }
        let level = match b.kind {
            Kind::Heading(l) => l as f32,
            _ => 0.0,
        };
        out.extend_from_slice(&[
            ln(chars),
            b.link_density(),
            ln(words),
            s.stops as f32 / words,
            s.commas as f32 / words,
            ends[i],
            s.digits as f32 / chars.max(1.0),
            s.uppercase_initial_words as f32 / words,
            (b.kind == Kind::Paragraph) as u8 as f32,
            matches!(b.kind, Kind::Heading(_)) as u8 as f32,
            level,
            (b.kind == Kind::ListItem) as u8 as f32,
            (b.kind == Kind::Code) as u8 as f32,
            (b.kind == Kind::Quote) as u8 as f32,
            (b.kind == Kind::Cell) as u8 as f32,
            b.hints.has(Hints::BOILER) as u8 as f32,
            b.hints.has(Hints::COMMENT) as u8 as f32,
            b.hints.has(Hints::CONTENT) as u8 as f32,
            b.hints.has(Hints::FORM) as u8 as f32,
            b.hints.has(Hints::HEADER) as u8 as f32,
            b.phrase as u8 as f32,
            b.related as u8 as f32,
            i as f32 / n.max(1) as f32,
            chars_before / page_chars,
            ln(dom.depth(b.node).min(CLIMB) as f32),
            (*tag == local_name!("p")) as u8 as f32,
            (*tag == local_name!("div")) as u8 as f32,
            (*tag == local_name!("li")) as u8 as f32,
            matches!(*tag, local_name!("td") | local_name!("th")) as u8 as f32,
            in_container as u8 as f32,
            container_share,
        ]);
        for a in anc {
            if a == NONE {
                out.extend_from_slice(&[0.0, 0.0, 0.0]);
            } else {
                let i = a as usize;
                out.extend_from_slice(&[
                    ln(t.chars[i]),
                    t.links[i] / t.chars[i].max(1.0),
                    ln(t.blocks[i]),
                ]);
            }
        }
        for j in [i.checked_sub(1), Some(i + 1).filter(|&j| j < n)] {
            match j {
                Some(j) => out.extend_from_slice(&[
                    ln(blocks[j].chars as f32),
                    blocks[j].link_density(),
                    ends[j],
                ]),
                None => out.extend_from_slice(&[0.0, 0.0, 0.0]),
            }
        }
        out.extend_from_slice(&[
            ln(page_chars),
            page_links / page_chars,
            ln(n as f32),
            weights[i] / 100.0,
            ln(rep as f32),
        ]);
        for a in anc {
            out.push(if a == NONE {
                0.0
            } else {
                t.weight[a as usize] / page_chars
            });
        }
        out.push(gap(dom, b.node, b.boiler_at).min(20.0));
        out.push(gap(dom, b.node, b.comment_at).min(20.0));
        out.push(gap(dom, b.node, b.content_at).min(20.0));
        out.push(match h1 {
            Some(h) if i > h => 1.0,
            Some(h) if i == h => 0.5,
            Some(_) => 0.0,
            None => 0.5,
        });
        out.push(h1.map_or(0.0, |h| (i as f32 - h as f32) / n.max(1) as f32));
        out.push(ln(
            dups.get(b.text.as_str()).copied().unwrap_or(1) as f32 - 1.0
        ));
        out.push(ln(repeat(dom, b.node, &mut cache) as f32));
        // The neighbourhood: two blocks either side.
        let lo = i.saturating_sub(2);
        let hi = (i + 3).min(n);
        let (wc, wl) = blocks[lo..hi].iter().fold((0.0f32, 0.0f32), |(c, l), x| {
            (c + x.chars as f32, l + x.link_chars as f32)
        });
        out.push(wl / wc.max(1.0));
        out.push(ln(wc / (hi - lo) as f32));
        out.push(under_furniture[i] as u8 as f32);
        chars_before += chars;
    }
    out
}

/// Feature names for lines of flattened text, in vector order.
///
/// The page's size is not among them. A model that read it scored prose low on long pages whatever
/// it read like, and used it to tell a short news article from the readers' comments below it;
/// `commenters_before` tells the comments apart instead (held-out WCXB text 0.779 -> 0.789 over
/// three training seeds, ScrapingHub text 0.943 -> 0.933). `dated_after_start` counts the short
/// dated lines above a line and below the body's first, which a thread of comments, each dated,
/// piles up where an article has one dateline (means of three seeds: held-out WCXB text 0.786 ->
/// 0.788, ScrapingHub text 0.942 -> 0.947, each without blank lines 0.785 -> 0.788 and 0.935 ->
/// 0.941).
pub const TEXT_NAMES: &[&str] = &[
    "ln_chars",
    "ln_words",
    "stop_ratio",
    "comma_ratio",
    "ends_sentence",
    "digit_ratio",
    "upper_ratio",
    "caps_ratio",
    "phrase",
    "related",
    "byline",
    "name_like",
    "has_date",
    "list_item",
    "pos_rel",
    "pos_chars",
    "in_run",
    "run_share",
    "from_run_start",
    "to_run_end",
    "weight",
    "prev_ln_chars",
    "prev_ends",
    "prev_weight",
    "prev2_weight",
    "next_ln_chars",
    "next_ends",
    "next_weight",
    "next2_weight",
    "window_ln_chars",
    "ln_dups",
    "near_furniture",
    "comment_marker",
    "after_comments",
    "commenters_before",
    "opens_paragraph",
    "closes_paragraph",
    "paragraph_lines",
    "page_paragraph_share",
    "dated_after_start",
];

/// Number of text features.
pub const TEXT_COUNT: usize = TEXT_NAMES.len();

/// Which lines open a paragraph (see [`Block::opens_paragraph`]). A page with hardly any blank
/// lines (one line in ten opening a paragraph, or fewer) was written a block a line, as Common
/// Crawl's WET files are: each of its lines is a paragraph.
fn paragraph_starts(blocks: &[Block]) -> Vec<bool> {
    let opening = blocks.iter().filter(|b| b.opens_paragraph).count();
    if opening * 10 <= blocks.len() {
        return vec![true; blocks.len()];
    }
    blocks.iter().map(|b| b.opens_paragraph).collect()
}

/// Whether line `i` heads a reader's comment as flattened text shows one: a short name or handle
/// alone on its line ("Nick A", "fmcshan"), the next line a short date or time ("2 days ago at
/// 07:52 am", "March 3, 2024 at 5:12 pm"). An article's byline has this shape once; a comment
/// thread, once a comment.
fn is_commenter_header(
    blocks: &[Block],
    i: usize,
    dates: &crate::classify::text::LineDates,
) -> bool {
    let b = &blocks[i];
    let Some(next) = blocks.get(i + 1) else {
        return false;
    };
    b.chars <= 40
        && b.stats.word_equivalents() <= 4
        && !b.text.trim_end().ends_with(['.', '!', '?', ':'])
        && next.chars <= 60
        && (dates.of(blocks, i + 1).is_some()
            || crate::classify::phrases::is_relative_time(&next.text))
}

/// The feature vectors of all lines of a text page. `weights` are the heuristic line weights and
/// `run` the heuristic body (the run of lines with the largest total weight).
pub fn compute_text(
    blocks: &[Block],
    weights: &[f32],
    run: (usize, usize),
    dates: &crate::classify::text::LineDates,
) -> Vec<f32> {
    use crate::classify::phrases::{byline_name, is_comment_marker, looks_like_name};
    let n = blocks.len();
    let page_chars: f32 = blocks.iter().map(|b| b.chars as f32).sum::<f32>().max(1.0);
    let run_chars: f32 = blocks[run.0.min(n)..run.1.min(n)]
        .iter()
        .map(|b| b.chars as f32)
        .sum();
    let ends: Vec<f32> = blocks
        .iter()
        .map(|b| {
            b.text
                .trim_end()
                .ends_with(['.', '!', '?', '。', '！', '？', ':', '"', '”', '»']) as u8
                as f32
        })
        .collect();
    // ln(1 + chars) of each line, read by its own row and its neighbours'.
    let ln_chars: Vec<f32> = blocks.iter().map(|b| ln(b.chars as f32)).collect();
    let mut dups: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
    for b in blocks {
        *dups.entry(b.text.as_str()).or_default() += 1;
    }
    let w = |j: Option<usize>| j.filter(|&j| j < n).map_or(0.0, |j| weights[j] / 100.0);
    let opens = paragraph_starts(blocks);
    // Each line's paragraph: how many lines it holds.
    let mut paragraph_lines = vec![0u32; n];
    let mut from = 0;
    for i in 1..=n {
        if i == n || opens[i] {
            paragraph_lines[from..i].fill((i - from) as u32);
            from = i;
        }
    }
    // Near 1 when blank lines tell nothing (every line its own paragraph).
    let paragraph_share = opens.iter().filter(|&&o| o).count() as f32 / n.max(1) as f32;
    let mut out = Vec::with_capacity(n * TEXT_COUNT);
    let mut chars_before = 0.0f32;
    // Comment counts and commenters' headers met so far below the body's first line: what follows
    // them is more likely comments than the article.
    let mut markers_after_start = 0u32;
    let mut commenters = 0u32;
    // Dated short lines met so far below the body's first line: a comment thread dates each comment.
    let mut dated_after_start = 0u32;
    for (i, b) in blocks.iter().enumerate() {
        let marker = is_comment_marker(&b.text);
        if marker && i > run.0 {
            markers_after_start += 1;
        }
        if is_commenter_header(blocks, i, dates) {
            commenters += 1;
        }
        // Datelines are short: long lines are not searched.
        let dated = b.chars <= 100 && dates.of(blocks, i).is_some();
        let s = &b.stats;
        let words = s.word_equivalents().max(1) as f32;
        let chars = b.chars as f32;
        let letters = s.letters.max(1) as f32;
        let caps = s.capitals as f32;
        let lo = i.saturating_sub(3);
        let hi = (i + 4).min(n);
        let window: f32 = ln_chars[lo..hi].iter().sum::<f32>() / (hi - lo) as f32;
        out.extend_from_slice(&[
            ln_chars[i],
            ln(words),
            s.stops as f32 / words,
            s.commas as f32 / words,
            ends[i],
            s.digits as f32 / chars.max(1.0),
            s.uppercase_initial_words as f32 / words,
            caps / letters,
            b.phrase as u8 as f32,
            b.related as u8 as f32,
            byline_name(&b.text).is_some() as u8 as f32,
            looks_like_name(&b.text) as u8 as f32,
            dated as u8 as f32,
            (b.kind == Kind::ListItem) as u8 as f32,
            i as f32 / n.max(1) as f32,
            chars_before / page_chars,
            (i >= run.0 && i < run.1) as u8 as f32,
            run_chars / page_chars,
            (i as f32 - run.0 as f32) / n.max(1) as f32,
            (run.1 as f32 - i as f32) / n.max(1) as f32,
            weights[i] / 100.0,
            i.checked_sub(1).map_or(0.0, |j| ln_chars[j]),
            i.checked_sub(1).map_or(0.0, |j| ends[j]),
            w(i.checked_sub(1)),
            w(i.checked_sub(2)),
            ln_chars.get(i + 1).copied().unwrap_or(0.0),
            ends.get(i + 1).copied().unwrap_or(0.0),
            w(Some(i + 1)),
            w(Some(i + 2)),
            window,
            ln(dups.get(b.text.as_str()).copied().unwrap_or(1) as f32 - 1.0),
            // Teasers and link lists sit among share buttons, file names and "read also" lines.
            blocks[lo..hi]
                .iter()
                .filter(|x| crate::classify::text::is_furniture(x))
                .count() as f32
                / (hi - lo) as f32,
            marker as u8 as f32,
            ln(markers_after_start as f32),
            ln(commenters as f32),
            opens[i] as u8 as f32,
            opens.get(i + 1).copied().unwrap_or(true) as u8 as f32,
            ln(paragraph_lines[i] as f32),
            paragraph_share,
            ln(dated_after_start as f32),
        ]);
        chars_before += chars;
        if dated && i > run.0 {
            dated_after_start += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_items_below_a_related_posts_heading_are_marked() {
        let dom = Dom::parse(
            "<body><article><h1>A story</h1><p>The story's first paragraph.</p>\
             <section><h3>Você pode gostar...</h3><p>Another story's opening lines.</p>\
             <p>A third story's opening lines.</p></section>\
             <h2>About the author</h2><p>She writes stories.</p></article></body>",
        );
        let blocks = crate::html::segment::segment(&dom).blocks;
        let t = totals(&dom, &blocks, &vec![0.0; blocks.len()]);
        let marked: Vec<(&str, bool)> = blocks
            .iter()
            .map(|b| b.text.as_str())
            .zip(under_furniture_heading(&dom, &blocks, &t))
            .collect();
        assert_eq!(
            marked,
            [
                ("A story", false),
                ("The story's first paragraph.", false),
                ("Você pode gostar...", false),
                ("Another story's opening lines.", true),
                ("A third story's opening lines.", true),
                ("About the author", false),
                ("She writes stories.", false),
            ]
        );
    }

    #[test]
    fn paragraphs_come_from_blank_lines_when_the_page_has_them() {
        let with_blanks = crate::text::segment("Home\nNews\n\nA paragraph.\n\nAnother one.");
        assert_eq!(paragraph_starts(&with_blanks), [true, false, true, true]);
        // Without blank lines (a WET file), every line is a paragraph of its own.
        let flat = crate::text::segment(&"A line of text.\n".repeat(20));
        assert!(paragraph_starts(&flat).iter().all(|&o| o));
        let weights = vec![0.0; with_blanks.len()];
        let dates = crate::classify::text::LineDates::new(with_blanks.len());
        let x = compute_text(&with_blanks, &weights, (0, with_blanks.len()), &dates);
        let at = |row: usize, name: &str| {
            x[row * TEXT_COUNT + TEXT_NAMES.iter().position(|n| *n == name).unwrap()]
        };
        assert_eq!(at(0, "paragraph_lines"), ln(2.0));
        assert_eq!(at(0, "closes_paragraph"), 0.0);
        assert_eq!(at(1, "closes_paragraph"), 1.0);
        assert_eq!(at(3, "paragraph_lines"), ln(1.0));
        assert_eq!(at(0, "page_paragraph_share"), 0.75);
    }

    #[test]
    fn commenters_are_counted_down_the_page() {
        let blocks = crate::text::segment(
            "A title\nA long paragraph of the article, with enough words to read as prose.\n\
             Woyzeck\n2 days ago at 07:52 am\nGood to see.\n\
             Nick A\nMarch 3, 2024 at 5:12 pm\nI think so too.",
        );
        let weights = vec![0.0; blocks.len()];
        let dates = crate::classify::text::LineDates::new(blocks.len());
        let x = compute_text(&blocks, &weights, (0, 2), &dates);
        let at = |row: usize, name: &str| {
            x[row * TEXT_COUNT + TEXT_NAMES.iter().position(|n| *n == name).unwrap()]
        };
        assert_eq!(at(1, "commenters_before"), 0.0);
        assert_eq!(at(2, "commenters_before"), ln(1.0));
        assert_eq!(at(7, "commenters_before"), ln(2.0));
        // The second comment's dated header is counted from the line below it.
        assert_eq!(at(6, "dated_after_start"), 0.0);
        assert_eq!(at(7, "dated_after_start"), ln(1.0));
    }
}
