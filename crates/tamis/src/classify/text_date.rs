//! The publication date of flattened text: chosen among the dates the lines around the body show.
//!
//! A flattened page shows its dateline ("May 2, 2025", "Publié le 3 mars 2024") but also the dates
//! of teasers, comments, events, copyright notices and later updates. Every short line near the
//! body that holds a date is a candidate; a small tree model (`data/text-date-model.json`, trained
//! by `scripts/train_title_model.py --text --date`) scores each from its place against the body and
//! the title, its line (a byline, an update, a sentence, how many other dates stand near) and how the
//! date compares with the page's other dates. The best scored candidate is the date when its score
//! passes [`MIN_SCORE`].

use std::sync::OnceLock;

use crate::blocks::{Block, Label};
use crate::classify::model::Model;
use crate::classify::phrases::{byline_name, mentions_update};
use crate::classify::scoring::{self, ln};
use crate::classify::text::LineDates;
use crate::meta::date::names_month;

/// Lines this far above the body's first line, or below its last, are still searched.
const LOOK_ABOVE: usize = 60;
const LOOK_BELOW: usize = 10;
/// Lines longer than this (in bytes) are sentences, not datelines.
const MAX_LINE: usize = 200;
/// At most this many candidates are scored per page.
const MAX_CANDIDATES: usize = 48;
/// The model's probability above which the best candidate is taken as the date.
pub const MIN_SCORE: f32 = 0.1;

/// The features of a candidate, in the order the model reads them.
pub const NAMES: &[&str] = &[
    "lines_above_body",
    "lines_below_body",
    "position",
    "title_distance",
    "line_ln_chars",
    "names_month",
    "mentions_update",
    "byline",
    "is_content",
    "is_byline",
    "candidates",
    "rank",
    "same_date",
    "days_before_latest",
    "days_after_earliest",
    "rule_choice",
];
const COUNT: usize = 16;
const _: () = assert!(NAMES.len() == COUNT);

/// A candidate: the date (ISO 8601) and its features.
pub struct Candidate {
    pub date: String,
    pub features: [f32; COUNT],
}

/// Days since year 0 of an ISO date, near enough to compare dates (months of 31 days).
fn days(date: &str) -> f32 {
    let part = |r: std::ops::Range<usize>| {
        date.get(r)
            .and_then(|p| p.parse::<f32>().ok())
            .unwrap_or(0.0)
    };
    part(0..4) * 372.0 + part(5..7) * 31.0 + part(8..10)
}

/// The date the rule of earlier versions took: the first date of a short line, not content, among
/// the page's first sixty lines that are not content.
fn rule_choice(blocks: &[Block], dates: &LineDates) -> Option<String> {
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.label != Label::Content && b.chars < 80)
        .take(60)
        .find_map(|(i, _)| dates.of(blocks, i))
        .map(str::to_string)
}

/// Every candidate of a page whose lines are labelled.
pub fn candidates(blocks: &[Block], dates: &LineDates) -> Vec<Candidate> {
    let n = blocks.len();
    let (start, end) = scoring::body_span(blocks);
    let title = blocks.iter().position(|b| b.label == Label::Title);
    let lo = start.saturating_sub(LOOK_ABOVE).min(n);
    let hi = (end + LOOK_BELOW).min(n);
    let found: Vec<(usize, &str)> = blocks[lo..hi]
        .iter()
        .zip(lo..)
        .filter(|(b, _)| b.text.len() <= MAX_LINE)
        .filter_map(|(_, i)| Some((i, dates.of(blocks, i)?)))
        .take(MAX_CANDIDATES)
        .collect();
    if found.is_empty() {
        return Vec::new();
    }
    let rule = rule_choice(blocks, dates);
    let all: Vec<f32> = found.iter().map(|(_, d)| days(d)).collect();
    let latest = all.iter().copied().fold(f32::MIN, f32::max);
    let earliest = all.iter().copied().fold(f32::MAX, f32::min);
    let count = found.len();
    found
        .iter()
        .enumerate()
        .map(|(rank, (i, date))| {
            let b = &blocks[*i];
            let i = *i;
            let d = days(date);
            let features = [
                start as f32 - i as f32,
                i as f32 + 1.0 - end as f32,
                i as f32 / n.max(1) as f32,
                title.map_or(-100.0, |t| i as f32 - t as f32),
                ln(b.text.len() as f32),
                names_month(&b.text) as u8 as f32,
                mentions_update(&b.text) as u8 as f32,
                byline_name(&b.text).is_some() as u8 as f32,
                (b.label == Label::Content) as u8 as f32,
                (b.label == Label::Byline) as u8 as f32,
                count as f32,
                rank as f32,
                found.iter().filter(|(_, other)| other == date).count() as f32,
                latest - d,
                d - earliest,
                (rule.as_deref() == Some(*date)) as u8 as f32,
            ];
            Candidate {
                date: date.to_string(),
                features,
            }
        })
        .collect()
}

/// The date: the best scored candidate when the model is sure enough of it, or the rule's choice
/// when no model loads.
pub fn choose(blocks: &[Block], dates: &LineDates) -> Option<String> {
    let Some(m) = model() else {
        return rule_choice(blocks, dates);
    };
    let mut candidates = candidates(blocks, dates);
    let k = scoring::best(m, candidates.iter().map(|c| &c.features[..]), MIN_SCORE)?;
    Some(candidates.swap_remove(k).date)
}

/// The shipped text date model, trained by `scripts/train_title_model.py --text --date`.
fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    scoring::load(
        &MODEL,
        include_str!("../../data/text-date-model.json"),
        NAMES,
    )
}

#[cfg(test)]
mod tests {
    use crate::classify::scoring;
    use crate::classify::text::classify;
    use crate::text::segment;

    #[test]
    fn the_shipped_model_loads() {
        assert!(
            super::model().is_some(),
            "data/text-date-model.json does not load"
        );
    }

    #[test]
    fn the_dateline_under_the_title_dates_the_page() {
        let page = format!(
            "{}Ferry timetable changes announced\nJune 14, 2025\n\n© 2019 Town Herald\n",
            scoring::SIGNED_PAGE
        );
        let mut blocks = segment(&page);
        assert_eq!(classify(&mut blocks).date.as_deref(), Some("2025-05-02"));
    }
}
