//! Decides what each [`Block`](crate::blocks::Block) is: content, boilerplate, comment, title or byline.
//!
//! HTML blocks are judged with the page's structure ([`html`]); text blocks with what their wording
//! and neighbours still show ([`text`]). Both read the same phrase lists ([`phrases`]).

pub mod features;
pub mod html;
pub mod model;
pub mod phrases;
pub mod scoring;
pub mod text;
pub mod text_author;
pub mod text_date;
pub mod text_title;

/// The run of consecutive lines with the largest sum of weights (Kadane), as `start..end`.
pub fn best_run(w: &[f32]) -> (usize, usize) {
    let (mut best, mut best_range) = (f32::MIN, (0, 0));
    let (mut sum, mut from) = (0.0f32, 0);
    for (i, &x) in w.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            from = i;
        }
        sum += x;
        if sum > best {
            best = sum;
            best_range = (from, i + 1);
        }
    }
    best_range
}

#[cfg(test)]
mod tests {
    #[test]
    fn best_run_is_the_largest_sum() {
        assert_eq!(super::best_run(&[-1.0, 5.0, -2.0, 4.0, -10.0, 3.0]), (1, 4));
    }
}
