//! Prints every line of a flattened-text page with its label and the line model's probability:
//! how tamis saw the page in text mode.
//!
//!     cargo run --release --example explain_text -- PAGE.txt

use tamis::blocks::Label;
use tamis::classify::{best_run, features, model::Model, text};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: explain_text PAGE");
        std::process::exit(1);
    };
    let bytes = std::fs::read(&path).expect("readable file");
    let (page, _) =
        tamis::input::prepare(&bytes, tamis::InputMode::Text, None, usize::MAX).expect("a page");
    let mut blocks = tamis::text::segment(&page);
    let weights: Vec<f32> = blocks.iter().map(text::weight).collect();
    let run = best_run(&weights);
    let dates = text::LineDates::new(blocks.len());
    let x = features::compute_text(&blocks, &weights, run, &dates);
    let model = Model::from_json(
        include_str!("../data/text-model.json"),
        features::TEXT_NAMES,
    )
    .expect("the shipped model");
    let width = features::TEXT_NAMES.len();
    text::classify(&mut blocks);
    println!(
        "threshold {:.2}, heuristic run {}..{}",
        model.threshold, run.0, run.1
    );
    for (i, b) in blocks.iter().enumerate() {
        let mark = match b.label {
            Label::Content => "+",
            Label::Comment => "c",
            Label::Title => "T",
            Label::Byline => "b",
            Label::Boilerplate => "-",
        };
        let p = model.predict(&x[i * width..(i + 1) * width]);
        let line: String = b.text.chars().take(100).collect();
        println!("{mark} {i:>4} {:>5} p={p:.2} {line}", b.chars);
    }
}
