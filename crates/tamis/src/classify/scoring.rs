//! What the metadata choosers share: candidates scored by a small tree model, the best one taken.
//!
//! The HTML title ([`crate::meta::title`]) and text mode's title, author and date
//! ([`super::text_title`], [`super::text_author`], [`super::text_date`]) each make candidates with
//! features of their own; the scoring, the model's loading and the page facts they read are here.
//! The block and line classifiers load their models through [`load`] too.

use std::sync::OnceLock;

use crate::blocks::{Block, Label};
use crate::classify::model::{probability, Model};

/// The index of the best scored row among `rows`, if its probability passes `least` (the first of
/// equals wins).
pub fn best<'a>(
    model: &Model,
    rows: impl IntoIterator<Item = &'a [f32]>,
    least: f32,
) -> Option<usize> {
    let rows: Vec<&[f32]> = rows.into_iter().collect();
    let mut best: Option<(usize, f32)> = None;
    // Compared as sums of leaves: probabilities near 1 round to equals.
    for (k, score) in model.scores(&rows).into_iter().enumerate() {
        if probability(score) > least && best.is_none_or(|(_, q)| score > q) {
            best = Some((k, score));
        }
    }
    best.map(|(k, _)| k)
}

/// A shipped model, parsed once into `cell`; `None` when the file does not match `names` (the
/// chooser then falls back to its rule).
pub fn load(
    cell: &'static OnceLock<Option<Model>>,
    json: &str,
    names: &[&str],
) -> Option<&'static Model> {
    cell.get_or_init(|| Model::from_json(json, names).ok())
        .as_ref()
}

/// The body of labelled lines: from the first content line to the last (the whole page when none
/// is content).
pub fn body_span(blocks: &[Block]) -> (usize, usize) {
    let start = blocks
        .iter()
        .position(|b| b.label == Label::Content)
        .unwrap_or(0);
    let end = blocks
        .iter()
        .rposition(|b| b.label == Label::Content)
        .map_or(blocks.len(), |i| i + 1);
    (start, end)
}

/// `ln(1 + x)` for counts and lengths, 0 for anything below 0.
pub fn ln(x: f32) -> f32 {
    (1.0 + x.max(0.0)).ln()
}

/// A signed news page, flattened, for the choosers' tests: a menu, the headline, a byline with a
/// date, three paragraphs; each test adds what follows the body.
#[cfg(test)]
pub(crate) const SIGNED_PAGE: &str = "Home\nLatest News\nContact Us\n\nRiver festival returns to the old harbour\n\n\
            By Jane Doe | May 2, 2025\n\n\
            The river festival returns this summer with boats, music and food stalls along both banks \
            of the old harbour, the town said on Monday.\n\n\
            Organisers expect twenty thousand visitors over the three days, twice as many as last \
            year, and have asked the ferry company for extra crossings.\n\n\
            Stalls will open at ten each morning; the harbour road will be closed to cars from Friday \
            evening until Sunday night, and buses will stop at the station instead.\n\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_row_passes_the_least_score() {
        let json = r#"{"features":["a"],"threshold":0.5,"trees":[
            {"feature":[0],"threshold":[2.0],"left":[-1],"right":[-2],"value":[-3.0,3.0]}]}"#;
        let m = Model::from_json(json, &["a"]).unwrap();
        let rows: [&[f32]; 3] = [&[1.0], &[5.0], &[6.0]];
        // Rows 1 and 2 score alike: the first wins.
        assert_eq!(best(&m, rows, 0.5), Some(1));
        assert_eq!(best(&m, [&[1.0f32][..]], 0.5), None);
        assert_eq!(best(&m, [&[1.0f32][..]], -1.0), Some(0));
    }

    #[test]
    fn scores_beyond_the_logistic_precision_still_rank() {
        // A ranking model's sums: 20 and 30 are both 1.0 as f32 probabilities.
        let json = r#"{"features":["a"],"threshold":0.5,"trees":[
            {"feature":[0],"threshold":[2.0],"left":[-1],"right":[-2],"value":[20.0,30.0]}]}"#;
        let m = Model::from_json(json, &["a"]).unwrap();
        assert_eq!(m.predict(&[1.0]), m.predict(&[5.0]));
        let rows: [&[f32]; 2] = [&[1.0], &[5.0]];
        assert_eq!(best(&m, rows, -1.0), Some(1));
    }
}
