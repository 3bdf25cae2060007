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

use crate::blocks::{Block, Kind, Label};
use rustc_hash::FxHashMap;

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

/// Whether a table whose rows the classifier judged one by one is content throughout: at least
/// [`TABLE_ROWS`] rows, a quarter of them kept. The rows of a standings or specification table (a
/// rank, a name, a few figures) look alike to the classifier whether they are kept or not, so it
/// keeps some and drops others. (On WCXB dev and ScrapingHub, HTML, whole sets: a half left more such
/// tables cut, an eighth took in more furniture.)
pub fn table_is_content(rows: usize, kept: usize) -> bool {
    rows >= TABLE_ROWS && kept * 4 >= rows
}

/// Fewest rows of a table whose rows are decided together.
const TABLE_ROWS: usize = 4;

/// Quoted text at least this long (characters) that the page already showed is a repeat.
const REPEAT_CHARS: u32 = 80;

/// Content at least this long (characters) that the page shows exactly twice is shown once.
const TWICE_CHARS: u32 = 20;

/// Designers' placeholder text ("Lorem ipsum dolor sit amet…"), left in a template the page
/// ships hidden or unfinished: never the page's content, though it reads as prose.
pub fn placeholder_text_goes(blocks: &mut [Block]) {
    const PLACEHOLDER: &[u8] = b"lorem ipsum";
    for b in blocks.iter_mut() {
        let text = b
            .text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .as_bytes();
        if b.label != Label::Boilerplate
            && text.len() >= PLACEHOLDER.len()
            && text[..PLACEHOLDER.len()].eq_ignore_ascii_case(PLACEHOLDER)
        {
            b.label = Label::Boilerplate;
        }
    }
}

/// A block that is an image's address alone ("https://cdn.example.com/img/tee_navy_thumb.jpg"):
/// a template's data printed as text (a product's colour swatches), never prose a reader reads.
pub fn image_addresses_go(blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        if b.label != Label::Boilerplate && is_image_address(b.text.trim()) {
            b.label = Label::Boilerplate;
        }
    }
}

/// Whether `text` is one web address, of an image file, and nothing else.
fn is_image_address(text: &str) -> bool {
    const IMAGE_TYPES: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"];
    let is_url =
        text.starts_with("https://") || text.starts_with("http://") || text.starts_with("//");
    if !is_url || text.contains(char::is_whitespace) {
        return false;
    }
    let path = text.split(['?', '#']).next().unwrap_or(text);
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| IMAGE_TYPES.iter().any(|t| ext.eq_ignore_ascii_case(t)))
}

/// Text the page shows again is dropped where it is a repeat, not more text; the first copy stays.
/// A quote of text already shown: a forum reply quoting the post it answers. Content shown exactly
/// twice: a product's quick-view window or a second layout for small screens repeats its name, its
/// prices and its description; a table of contents repeats the headings it links to, and there the
/// link goes, so that the heading stays in its place in the text. (Text shown three times and more
/// stays: a meal plan prints the same line for every day, a catalogue the same specification for
/// every model, and their readers count it as text each time.) HTML blocks and text lines alike.
/// Dropping second copies, on out-of-fold probabilities of `scripts/train_model.py`'s folds, page
/// F1 of the training pages and of the held-out fifth: HTML, WCXB dev 0.8595 -> 0.8634 and 0.8445
/// -> 0.8487, ScrapingHub 0.9268 -> 0.9272 and 0.9873 -> 0.9867; text, WCXB dev 0.8026 -> 0.8058
/// and 0.7885 -> 0.7920, ScrapingHub 0.8677 -> 0.8695 and 0.9424 -> 0.9439.
pub fn drop_repeats(blocks: &mut [Block]) {
    let mut shown: FxHashMap<&str, u32> = FxHashMap::default();
    for b in blocks.iter() {
        if b.label == Label::Content && b.chars >= TWICE_CHARS {
            *shown.entry(b.text.as_str()).or_default() += 1;
        }
    }
    // Where each text was first shown.
    let mut first: FxHashMap<&str, usize> = FxHashMap::default();
    let mut repeats = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if !matches!(b.label, Label::Content | Label::Comment) || b.chars < TWICE_CHARS {
            continue;
        }
        let Some(&j) = first.get(b.text.as_str()) else {
            first.insert(b.text.as_str(), i);
            continue;
        };
        let quoted = b.kind == Kind::Quote && b.chars >= REPEAT_CHARS;
        let twice = b.label == Label::Content && shown.get(b.text.as_str()) == Some(&2);
        if quoted {
            repeats.push(i);
        } else if twice {
            // A table of contents links to the headings it repeats: the link goes, the heading
            // stays where the text has it.
            let linked = |b: &Block| b.link_chars >= b.chars;
            repeats.push(if linked(&blocks[j]) && !linked(b) {
                j
            } else {
                i
            });
        }
    }
    for i in repeats {
        blocks[i].label = Label::Boilerplate;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs of these texts, every one read as content.
    fn content_paragraphs(texts: &[&str]) -> Vec<Block> {
        texts
            .iter()
            .map(|t| {
                let mut b = Block::new(t.to_string(), Kind::Paragraph);
                b.label = Label::Content;
                b
            })
            .collect()
    }

    /// The labels a rule leaves on paragraphs of these texts, every one read as content first.
    fn labels_after(rule: fn(&mut [Block]), texts: &[&str]) -> Vec<Label> {
        let mut blocks = content_paragraphs(texts);
        rule(&mut blocks);
        blocks.iter().map(|b| b.label).collect()
    }

    #[test]
    fn image_addresses_alone_go() {
        let labels = labels_after(
            image_addresses_go,
            &[
                "https://cdn.example.com/images/160x160/5001_TEE_NAVY_THUMB.jpg",
                "//cdn.example.com/swatch.PNG?v=3",
                "https://example.org/",
                "See https://example.org/chart.png for the chart.",
                "The file is named photo.jpg",
            ],
        );
        assert_eq!(
            labels,
            [
                Label::Boilerplate,
                Label::Boilerplate,
                Label::Content,
                Label::Content,
                Label::Content
            ]
        );
    }

    #[test]
    fn placeholder_text_goes() {
        let labels = labels_after(
            super::placeholder_text_goes,
            &[
                "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
                "“LOREM IPSUM DOLOR ET AL",
                "The text called lorem ipsum is Cicero's, scrambled.",
            ],
        );
        assert_eq!(
            labels,
            [Label::Boilerplate, Label::Boilerplate, Label::Content]
        );
    }

    #[test]
    fn a_quote_of_a_post_already_shown_is_dropped() {
        let post = "I have one last issue: the course needs a name, and I cannot tell which of \
            the two sounds better in English.";
        let reply =
            "Neither a teacher nor a native speaker, I would call it English for car rental.";
        let mut blocks: Vec<Block> = [
            (post, Kind::Paragraph),
            (post, Kind::Quote),
            (reply, Kind::Paragraph),
            (post, Kind::Paragraph),
        ]
        .iter()
        .map(|(t, k)| {
            let mut b = Block::new(t.to_string(), *k);
            b.label = Label::Content;
            b
        })
        .collect();
        drop_repeats(&mut blocks);
        // The quote goes; the first copy, the reply and a paragraph printed again stay.
        assert_eq!(crate::blocks::content_texts(&blocks), [post, reply, post]);
    }

    #[test]
    fn content_shown_twice_is_kept_once() {
        let name = "Iris Rust Hemp Dress, made to order";
        let line = "Portion Fix Containers: 1 Green, 1 Red";
        let mut blocks = content_paragraphs(&[
            name, line, "In stock", line, "In stock", line, name, "USD 149",
        ]);
        drop_repeats(&mut blocks);
        let kept = crate::blocks::content_texts(&blocks);
        // The name's second copy goes; a line printed three times, and short text, stay each time.
        assert_eq!(
            kept,
            [name, line, "In stock", line, "In stock", line, "USD 149"]
        );
    }

    #[test]
    fn a_table_of_contents_entry_goes_and_its_heading_stays() {
        let heading = "How consumer behaviour is changing";
        let para = "Shoppers read labels more closely than they did five years ago.";
        let mut blocks: Vec<Block> = [
            (heading, Kind::ListItem, true),
            ("Which ingredients are gaining ground", Kind::ListItem, true),
            (heading, Kind::Heading(2), false),
            (para, Kind::Paragraph, false),
        ]
        .iter()
        .map(|&(t, k, link)| {
            let mut b = Block::new(t.to_string(), k);
            b.label = Label::Content;
            if link {
                b.link_chars = b.chars;
            }
            b
        })
        .collect();
        drop_repeats(&mut blocks);
        assert_eq!(
            crate::blocks::content_texts(&blocks),
            ["Which ingredients are gaining ground", heading, para]
        );
        assert_eq!(blocks[2].kind, Kind::Heading(2));
        assert_eq!(blocks[2].label, Label::Content);
    }

    #[test]
    fn best_run_is_the_largest_sum() {
        assert_eq!(best_run(&[-1.0, 5.0, -2.0, 4.0, -10.0, 3.0]), (1, 4));
    }
}
