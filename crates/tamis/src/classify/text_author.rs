//! The author of flattened text: chosen among the names the lines around the body print.
//!
//! A flattened page still prints its byline ("By Jane Doe", "Written by Jane Doe | May 2, 2025"),
//! often the author's name alone on a line (under a portrait, in an author box), and names that are
//! not the author's: commenters, people quoted, menu entries in title case ("Related Stories").
//! Every line near the body that is a byline or a name is a candidate, with the name cleaned as in
//! HTML ([`crate::meta::clean_author`]); a small tree model (`data/text-author-model.json`, trained
//! by `scripts/train_title_model.py --text --author`) scores each from its wording, its place against
//! the body and the title, the dates beside it and how often the page prints the name. The best
//! scored candidate is the author when its score passes [`MIN_SCORE`].

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::blocks::{Block, Label};
use crate::classify::model::Model;
use crate::classify::phrases::{
    byline_name, is_byline_label, looks_like_name, strip_byline_label, with_lower_case, WordFilter,
};
use crate::classify::scoring::{self, ln};
use crate::classify::text::{is_furniture, LineDates};
use crate::meta::clean_author;

/// Lines this far above the body's first line, or below its last, are still searched.
const LOOK_ABOVE: usize = 60;
const LOOK_BELOW: usize = 15;
/// Lines longer than this (in bytes) hold no byline.
const MAX_LINE: usize = 160;
/// Longest line, in bytes, that may hold a name alone (and a date after it).
const NAME_LINE: usize = 100;
/// Body words read for the words it writes in lower case.
const BODY_WORDS: usize = 2000;
/// At most this many candidates are scored per page.
const MAX_CANDIDATES: usize = 48;
/// Lines on each side of a candidate searched for its name printed again.
const NEAR: usize = 5;
/// The model's probability above which the best candidate is taken as the author.
pub const MIN_SCORE: f32 = 0.1;

/// The features of a candidate, in the order the model reads them.
pub const NAMES: &[&str] = &[
    "labelled",
    "line_is_name",
    "after_label_line",
    "lines_above_body",
    "lines_below_body",
    "position",
    "name_words",
    "name_ln_chars",
    "line_ln_chars",
    "copies",
    "mentions_near",
    "date_on_line",
    "date_near",
    "is_content",
    "is_byline",
    "title_distance",
    "capitals",
    "candidates",
    "rank",
    "rule_choice",
    "words_seen_lower_case",
];
const COUNT: usize = 21;
const _: () = assert!(NAMES.len() == COUNT);

/// A candidate: the name and its features.
pub struct Candidate {
    pub name: String,
    pub features: [f32; COUNT],
}

/// The author the rule of earlier versions took: the first byline line's name.
fn rule_choice(blocks: &[Block]) -> Option<String> {
    blocks
        .iter()
        .filter(|b| b.label == Label::Byline)
        .find_map(|b| {
            byline_name(&b.text)
                .or(Some(b.text.trim()))
                .filter(|n| looks_like_name(n))
        })
        .map(str::to_string)
}

/// Every candidate of a page whose lines are labelled.
pub fn candidates(blocks: &[Block], dates: &LineDates) -> Vec<Candidate> {
    let n = blocks.len();
    let (start, end) = scoring::body_span(blocks);
    let title = blocks.iter().position(|b| b.label == Label::Title);
    let rule = rule_choice(blocks);
    let has_date = |i: usize| {
        blocks
            .get(i)
            .is_some_and(|b| b.text.len() <= MAX_LINE && dates.of(blocks, i).is_some())
    };
    let mut found: Vec<(usize, String, bool, bool)> = Vec::new();
    for i in start.saturating_sub(LOOK_ABOVE)..(end + LOOK_BELOW).min(n) {
        if found.len() >= MAX_CANDIDATES {
            break;
        }
        let b = &blocks[i];
        let text = b.text.trim();
        if text.len() > MAX_LINE || is_furniture(b) {
            continue;
        }
        let labelled = strip_byline_label(text).is_some();
        let after_label = i > 0 && is_byline_label(&blocks[i - 1].text);
        // A line that is neither a byline nor after a byline's label is a name alone, perhaps with
        // a date after it: short, opening with a capital, and a name as it stands unless it holds
        // a digit (cleaning, which cuts dates off, is the costly part).
        let alone = text.len() <= NAME_LINE
            && text.starts_with(char::is_uppercase)
            && (looks_like_name(text)
                || (text.bytes().any(|b| b.is_ascii_digit()) && {
                    // "Jane Doe May 2, 2025": the words before the first number look like a name.
                    let head = text
                        .split(|c: char| c.is_ascii_digit())
                        .next()
                        .unwrap_or("");
                    head.split_whitespace()
                        .take(2)
                        .all(|w| w.starts_with(char::is_uppercase))
                }));
        if !(labelled || after_label || alone) {
            continue;
        }
        let Some(name) = clean_author(text) else {
            continue;
        };
        if (labelled || after_label || looks_like_name(&name)) && looks_like_name_or_word(&name) {
            found.push((i, name, labelled, after_label));
        }
    }
    let count = found.len();
    if count == 0 {
        return Vec::new();
    }
    // The words the body writes in lower case: a heading in title case ("Related Stories") is made
    // of them, a person's name seldom is.
    // Only the candidates' own words are looked for among the body's.
    let mut lower: FxHashMap<String, bool> = found
        .iter()
        .flat_map(|(_, name, _, _)| name_words(name))
        .map(|w| (with_lower_case(w, str::to_owned), false))
        .collect();
    let mut missing = lower.len();
    let mut filter = WordFilter::default();
    lower.keys().for_each(|k| filter.insert(k));
    for w in blocks[start.min(end)..end]
        .iter()
        .filter(|b| b.label == Label::Content)
        .flat_map(|b| b.text.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.starts_with(char::is_lowercase))
        .take(BODY_WORDS)
    {
        if !filter.may_hold(w) {
            continue;
        }
        if let Some(seen) = lower.get_mut(w) {
            missing -= !*seen as usize;
            *seen = true;
            if missing == 0 {
                break;
            }
        }
    }
    // How many lines are each candidate's name and nothing else (lines are trimmed), counted in one
    // pass over the page.
    let copies: Vec<u32> = {
        let mut of: FxHashMap<&str, u32> = found
            .iter()
            .map(|(_, name, _, _)| (name.as_str(), 0))
            .collect();
        for b in blocks {
            if let Some(c) = of.get_mut(b.text.as_str()) {
                *c += 1;
            }
        }
        found
            .iter()
            .map(|(_, name, _, _)| of.get(name.as_str()).copied().unwrap_or(0))
            .collect()
    };
    found
        .into_iter()
        .enumerate()
        .map(|(rank, (i, name, labelled, after_label))| {
            let b = &blocks[i];
            let near = i.saturating_sub(NEAR)..(i + NEAR + 1).min(n);
            let mentions = near
                .filter(|&j| j != i && blocks[j].text.contains(name.as_str()))
                .count();
            let letters = name.chars().filter(|c| c.is_alphabetic()).count().max(1);
            let capitals = name.chars().filter(|c| c.is_uppercase()).count();
            let features = [
                labelled as u8 as f32,
                (b.text.trim() == name) as u8 as f32,
                after_label as u8 as f32,
                start as f32 - i as f32,
                i as f32 + 1.0 - end as f32,
                i as f32 / n.max(1) as f32,
                name.split_whitespace().count() as f32,
                ln(name.len() as f32),
                ln(b.text.len() as f32),
                copies[rank] as f32,
                mentions as f32,
                has_date(i) as u8 as f32,
                (has_date(i + 1) || has_date(i + 2) || (i > 0 && has_date(i - 1))) as u8 as f32,
                (b.label == Label::Content) as u8 as f32,
                (b.label == Label::Byline) as u8 as f32,
                title.map_or(-100.0, |t| i as f32 - t as f32),
                capitals as f32 / letters as f32,
                count as f32,
                rank as f32,
                (rule.as_deref() == Some(name.as_str())) as u8 as f32,
                seen_lower_case(&name, &lower),
            ];
            Candidate { name, features }
        })
        .collect()
}

/// A name's words, as [`seen_lower_case`] reads them.
fn name_words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

/// The share of a name's words that the body also writes in lower case (`lower`: each of the
/// candidates' words lower-cased, and whether the body writes it so).
fn seen_lower_case(name: &str, lower: &FxHashMap<String, bool>) -> f32 {
    let (mut words, mut seen) = (0u32, 0u32);
    for w in name_words(name) {
        words += 1;
        seen += with_lower_case(w, |w| lower.get(w).copied().unwrap_or(false)) as u32;
    }
    seen as f32 / words.max(1) as f32
}

/// A name of two to five words, or one capitalised word (a byline may give a first name only).
fn looks_like_name_or_word(name: &str) -> bool {
    looks_like_name(name)
        || (!name.contains(' ')
            && (2..=30).contains(&name.len())
            && name.starts_with(char::is_uppercase)
            && name.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// The author: the best scored candidate when the model is sure enough of it, or the rule's choice
/// when no model loads.
pub fn choose(blocks: &[Block], dates: &LineDates) -> Option<String> {
    let Some(m) = model() else {
        return rule_choice(blocks);
    };
    let mut candidates = candidates(blocks, dates);
    if let Some(k) = scoring::best(m, candidates.iter().map(|c| &c.features[..]), MIN_SCORE) {
        return Some(candidates.swap_remove(k).name);
    }
    // A signature: a name alone on the line right under the body's last one, none of whose words
    // the body writes in lower case, with furniture or nothing after it (a comment form, a share
    // row), is the author even where the model doubts it: on news pages it is the reporter. A
    // heading in that place ("Contact Us", "Quick Links") opens a section of its own: on WCXB dev
    // text, the rule without the furniture after it named 29 authors, none right.
    let signed = NAMES.iter().position(|n| *n == "lines_below_body");
    let alone = NAMES.iter().position(|n| *n == "line_is_name");
    let lower = NAMES.iter().position(|n| *n == "words_seen_lower_case");
    let (Some(signed), Some(alone), Some(lower)) = (signed, alone, lower) else {
        return None;
    };
    let (_, end) = scoring::body_span(blocks);
    if !blocks.get(end + 1).is_none_or(is_furniture) {
        return None;
    }
    candidates
        .into_iter()
        .find(|c| c.features[signed] == 1.0 && c.features[alone] == 1.0 && c.features[lower] == 0.0)
        .map(|c| c.name)
}

/// The shipped text author model, trained by `scripts/train_title_model.py --text --author`.
fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    scoring::load(
        &MODEL,
        include_str!("../../data/text-author-model.json"),
        NAMES,
    )
}

#[cfg(test)]
mod tests {
    use crate::blocks::Label;
    use crate::classify::scoring;
    use crate::classify::text::classify;
    use crate::text::segment;

    #[test]
    fn the_word_filter_lets_through_every_word_it_holds() {
        let mut filter = super::WordFilter::default();
        let held = ["jane", "doe", "é", "related", "stories", "x"];
        held.iter().for_each(|w| filter.insert(w));
        assert!(held.iter().all(|w| filter.may_hold(w)));
        let body = "the river festival returns this summer with boats music and food stalls";
        let through = body.split(' ').filter(|w| filter.may_hold(w)).count();
        assert!(through < 4, "{through} of 12 words let through");
    }

    #[test]
    fn the_shipped_model_loads() {
        assert!(
            super::model().is_some(),
            "data/text-author-model.json does not load"
        );
    }

    #[test]
    fn a_name_signing_the_body_is_the_author_and_a_heading_there_is_not() {
        let unsigned = scoring::SIGNED_PAGE.replace("By Jane Doe | May 2, 2025\n\n", "");
        // The name closes the article; the page's furniture follows.
        let page = format!("{unsigned}Jane Doe\n\nLeave a comment\n\nPrivacy policy\n");
        let mut blocks = segment(&page);
        assert_eq!(classify(&mut blocks).author.as_deref(), Some("Jane Doe"));
        // A heading in the same place opens a section of its own.
        let page = format!(
            "{unsigned}Call Us\n\nGive us a call at 555-0100 for customer support.\n\nPrivacy policy\n"
        );
        let mut blocks = segment(&page);
        assert_eq!(classify(&mut blocks).author, None);
    }

    #[test]
    fn the_byline_names_the_author_and_a_menu_entry_does_not() {
        let page = format!("{}Related Stories\nRead More\n", scoring::SIGNED_PAGE);
        let mut blocks = segment(&page);
        assert_eq!(classify(&mut blocks).author.as_deref(), Some("Jane Doe"));
        // The byline is metadata, not text.
        assert!(blocks
            .iter()
            .all(|b| !(b.label == Label::Content && b.text.contains("Jane Doe"))));
        let unsigned = page.replace("By Jane Doe | May 2, 2025\n\n", "");
        let mut blocks = segment(&unsigned);
        assert_eq!(classify(&mut blocks).author, None);
    }
}
