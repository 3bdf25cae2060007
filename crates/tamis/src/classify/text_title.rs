//! The title of flattened text: chosen among the short lines above the body.
//!
//! A flattened page keeps its heading as a line, but among menu items, breadcrumbs and teasers that
//! look alike. Every short line above the body (and the body's first lines) is a candidate; a small
//! tree model (`data/text-title-model.json`, trained by `scripts/train_title_model.py --text` to
//! rank a page's candidates) scores each from its shape, where it stands against the body, whether
//! the page repeats it (breadcrumb and heading), and how many of its words the body goes on to use.
//! The best scored candidate is the title.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::blocks::{Block, Kind, Label};
use crate::classify::model::Model;
use crate::classify::phrases::{
    byline_name, is_relative_time, is_share_bar, lower_cased, with_lower_case,
};
use crate::classify::scoring::{self, ln};
use crate::classify::text::{is_furniture, LineDates};

/// Lines this far above the body's first line are still candidates.
const LOOK_ABOVE: usize = 60;
/// The body's first lines are candidates too: a heading the line model kept.
const LOOK_INTO: usize = 3;
/// Body words compared with a candidate's: the article's opening.
const BODY_WORDS: usize = 300;

/// The features of a candidate line, in the order the model reads them.
pub const NAMES: &[&str] = &[
    "lines_above_body",
    "candidates_above_body",
    "position",
    "ln_chars",
    "words",
    "ends_question",
    "ends_stop",
    "initial_capitals",
    "capitals",
    "digits",
    "separator",
    "list_item",
    "is_content",
    "copies",
    "copy_below",
    "body_word_share",
    "opens_paragraph",
    "closes_paragraph",
    "next_is_content",
    "next_ln_chars",
    "previous_ln_chars",
    "byline_or_date_below",
    "weight",
    "candidates",
    "rule_choice",
    "page_paragraph_share",
];
const COUNT: usize = 26;
const _: () = assert!(NAMES.len() == COUNT);

/// A candidate line: its index among the blocks and its features.
pub struct Candidate {
    pub line: usize,
    pub features: [f32; COUNT],
}

/// Whether a line may be a title at all: a few words, not a sentence's end, not furniture, not a
/// byline, a dateline, a relative time ("Published 1 day ago") or a row of share buttons.
fn may_be_title(blocks: &[Block], i: usize, dates: &LineDates) -> bool {
    let b = &blocks[i];
    let words = b.stats.word_equivalents();
    (1..=30).contains(&words)
        && b.chars <= 250
        && !b.text.trim_end().ends_with([',', ';'])
        && !is_furniture(b)
        && byline_name(&b.text).is_none()
        && dates.of(blocks, i).is_none()
        && !is_relative_time(&b.text)
        && !is_share_bar(&b.text)
}

/// The title the rule of earlier versions took: the nearest line of three words or more before the
/// body that does not end like a sentence. Kept as a feature and as the choice when no model loads.
fn rule_choice(blocks: &[Block], start: usize, dates: &LineDates) -> Option<usize> {
    let title_like = |i: usize| {
        let b = &blocks[i];
        b.stats.word_equivalents() >= 3
            && may_be_title(blocks, i, dates)
            && !b.text.trim_end().ends_with(['.', ':'])
    };
    let before = start.saturating_sub(8)..start;
    before.rev().find(|&i| title_like(i)).or_else(|| {
        (start < blocks.len() && title_like(start) && blocks[start].chars < 150).then_some(start)
    })
}

/// Words of three letters or more, as written.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(2).is_some())
}

/// Whether `text` holds a separator between a name's parts: " | ", " - ", " – ", " — ", " :: " or
/// " · " (looked for after each space).
fn has_separator(text: &str) -> bool {
    memchr::memchr_iter(b' ', text.as_bytes()).any(|at| {
        let after = &text.as_bytes()[at + 1..];
        ["| ", "- ", "– ", "— ", ":: ", "· "]
            .iter()
            .any(|sep| after.starts_with(sep.as_bytes()))
    })
}

/// Every candidate line of a page whose lines are labelled, the body running from `start` to `end`.
pub fn candidates(
    blocks: &[Block],
    weights: &[f32],
    start: usize,
    end: usize,
    dates: &LineDates,
) -> Vec<Candidate> {
    let n = blocks.len();
    let from = start.saturating_sub(LOOK_ABOVE);
    // The body's first lines are candidates only when it holds more: a page's one line of text
    // stays text.
    let body_lines = &blocks[start.min(end).min(n)..end.min(n)];
    let kept = body_lines
        .iter()
        .filter(|b| b.label == Label::Content)
        .count();
    let into = if kept > 1 { LOOK_INTO } else { 0 };
    let to = (start + into).min(end.max(start)).min(n);
    let lines: Vec<usize> = (from..to)
        .filter(|&i| may_be_title(blocks, i, dates))
        .collect();
    if lines.is_empty() {
        return Vec::new();
    }
    let body: FxHashSet<Cow<'_, str>> = body_lines
        .iter()
        .filter(|b| b.label == Label::Content)
        .flat_map(|b| words(&b.text).map(lower_cased))
        .take(BODY_WORDS)
        .collect();
    let rule = rule_choice(blocks, start, dates);
    let above = lines.iter().filter(|&&i| i < start).count();
    // Near 1 when the page has no blank lines to tell paragraphs by (a WET record).
    let paragraph_share =
        blocks.iter().filter(|b| b.opens_paragraph).count() as f32 / n.max(1) as f32;
    let chars = |i: usize| blocks.get(i).map_or(0.0, |b| ln(b.chars as f32));
    lines
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let b = &blocks[i];
            let s = &b.stats;
            let w = s.word_equivalents().max(1) as f32;
            let text = b.text.trim_end();
            let (own, shared) = words(&b.text).fold((0u32, 0u32), |(o, sh), word| {
                (
                    o + 1,
                    sh + with_lower_case(word, |w| body.contains(w)) as u32,
                )
            });
            // The page's lines that repeat this one, and the last of them.
            let (count, last) = blocks
                .iter()
                .enumerate()
                .filter(|(_, x)| x.text.len() == b.text.len() && x.text == b.text)
                .fold((0u32, i), |(c, _), (j, _)| (c + 1, j));
            let below = |d: usize| blocks.get(i + d);
            let features = [
                start as f32 - i as f32,
                above as f32 - k as f32,
                i as f32 / n.max(1) as f32,
                ln(b.chars as f32),
                w,
                text.ends_with(['?', '？']) as u8 as f32,
                text.ends_with(['.', ':', '!', '。']) as u8 as f32,
                s.uppercase_initial_words as f32 / w,
                s.capitals as f32 / s.letters.max(1) as f32,
                s.digits as f32 / b.chars.max(1) as f32,
                has_separator(text) as u8 as f32,
                (b.kind == Kind::ListItem) as u8 as f32,
                (b.label == Label::Content) as u8 as f32,
                count as f32,
                (last > i) as u8 as f32,
                if own == 0 {
                    0.0
                } else {
                    shared as f32 / own as f32
                },
                b.opens_paragraph as u8 as f32,
                below(1).is_none_or(|x| x.opens_paragraph) as u8 as f32,
                below(1).is_some_and(|x| x.label == Label::Content) as u8 as f32,
                chars(i + 1),
                i.checked_sub(1).map_or(0.0, chars),
                (1..=2).any(|d| {
                    below(d).is_some_and(|x| {
                        x.chars < 120
                            && (byline_name(&x.text).is_some() || dates.of(blocks, i + d).is_some())
                    })
                }) as u8 as f32,
                weights.get(i).copied().unwrap_or(0.0) / 100.0,
                lines.len() as f32,
                (rule == Some(i)) as u8 as f32,
                paragraph_share,
            ];
            Candidate { line: i, features }
        })
        .collect()
}

/// The title line: the best scored candidate, or the rule's choice when no model loads.
pub fn choose(
    blocks: &[Block],
    weights: &[f32],
    start: usize,
    end: usize,
    dates: &LineDates,
) -> Option<usize> {
    let Some(m) = model() else {
        return rule_choice(blocks, start, dates);
    };
    let candidates = candidates(blocks, weights, start, end, dates);
    let k = scoring::best(m, candidates.iter().map(|c| &c.features[..]), -1.0)?;
    Some(candidates[k].line)
}

/// The shipped text title model, trained by `scripts/train_title_model.py --text`.
fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    scoring::load(
        &MODEL,
        include_str!("../../data/text-title-model.json"),
        NAMES,
    )
}

#[cfg(test)]
mod tests {
    use crate::blocks::Label;
    use crate::classify::text::classify;
    use crate::text::segment;

    fn title_of(page: &str) -> Option<String> {
        let mut blocks = segment(page);
        classify(&mut blocks);
        blocks
            .iter()
            .find(|b| b.label == Label::Title)
            .map(|b| b.text.clone())
    }

    #[test]
    fn separators_between_parts_are_found() {
        use super::has_separator;
        assert!(has_separator("Budget vote - The Daily"));
        assert!(has_separator("Budget vote :: Politics"));
        assert!(has_separator("Budget vote — The Daily"));
        assert!(!has_separator("Budget vote-by-vote"));
        assert!(!has_separator("Budget vote -"));
        assert!(!has_separator("Budget vote"));
    }

    #[test]
    fn the_shipped_model_loads() {
        assert!(
            super::model().is_some(),
            "data/text-title-model.json does not load"
        );
    }

    #[test]
    fn the_heading_above_the_body_is_the_title() {
        let page = "Home\nNews\nSport\nContact\n\nNews\n\nRiver festival returns to the old harbour\n\n\
            The river festival returns this summer with boats, music and food stalls along both banks \
            of the old harbour, the town said on Monday.\n\n\
            Organisers expect twenty thousand visitors over the three days, twice as many as last \
            year, and have asked the ferry company for extra crossings.\n\n\
            Stalls will open at ten each morning; the harbour road will be closed to cars from Friday \
            evening until Sunday night, and buses will stop at the station instead.\n\n\
            Share\nFollow us\n";
        assert_eq!(
            title_of(page).as_deref(),
            Some("River festival returns to the old harbour")
        );
    }

    #[test]
    fn a_relative_time_or_a_share_row_is_no_title() {
        let body =
            "The river festival returns this summer with boats, music and food stalls along \
            both banks of the old harbour, the town said on Monday.\n\n\
            Organisers expect twenty thousand visitors over the three days, twice as many as last \
            year, and have asked the ferry company for extra crossings.\n";
        for line in ["Published 1 day ago", "Facebook Twitter Email"] {
            let page = format!("Home\nNews\n\n{line}\n\n{body}");
            assert!(
                title_of(&page).is_none_or(|t| t != line),
                "{line:?} was taken for the title"
            );
        }
    }

    #[test]
    fn a_pages_one_line_of_text_stays_text() {
        let page = "Town Herald\n\nThe council voted on Tuesday to keep the library open on \
            Sundays, after a petition gathered four thousand names.\n";
        let mut blocks = segment(page);
        classify(&mut blocks);
        assert!(blocks
            .iter()
            .any(|b| b.label == Label::Content && b.text.starts_with("The council voted")));
    }
}
