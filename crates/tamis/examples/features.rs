//! Writes the classifier's view of every page in a directory: each block's text and features, one
//! JSON line per page. `scripts/train_model.py` reads it to train the block classifier.
//!
//!     cargo run --release --example features -- PAGES_DIR OUT.jsonl          (HTML pages)
//!     cargo run --release --example features -- --text PAGES_DIR OUT.jsonl   (flattened text)
//!     cargo run --release --example features -- --titles PAGES_DIR OUT.jsonl (title candidates)
//!     cargo run --release --example features -- --text --titles PAGES_DIR OUT.jsonl
//!     cargo run --release --example features -- --text --authors PAGES_DIR OUT.jsonl
//!     cargo run --release --example features -- --text --dates PAGES_DIR OUT.jsonl
//!
//! With `--titles` it writes each page's title candidates and their features instead (an HTML
//! page's names, or a text page's candidate lines), which `scripts/train_title_model.py` reads; with
//! `--authors` or `--dates`, a text page's author or date candidates, in the same form.

use std::io::Write;

use tamis::classify::{features, html};
use tamis::html::{dom::Dom, segment::segment};

fn main() -> std::io::Result<()> {
    let mut args: Vec<String> = std::env::args().collect();
    let text_mode = args.iter().any(|a| a == "--text");
    let titles = args.iter().any(|a| a == "--titles");
    let authors = args.iter().any(|a| a == "--authors");
    let dates = args.iter().any(|a| a == "--dates");
    args.retain(|a| !matches!(a.as_str(), "--text" | "--titles" | "--authors" | "--dates"));
    if args.len() != 3 {
        eprintln!("usage: features [--text] [--titles|--authors|--dates] PAGES_DIR OUT.jsonl");
        std::process::exit(1);
    }
    let mut names: Vec<_> = std::fs::read_dir(&args[1])?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    names.sort();
    let mut out = std::io::BufWriter::new(std::fs::File::create(&args[2])?);
    for path in names {
        let bytes = std::fs::read(&path)?;
        let id = path.file_name().unwrap_or_default().to_string_lossy();
        let id = id.split('.').next().unwrap_or("");
        let mode = if text_mode {
            tamis::InputMode::Text
        } else {
            tamis::InputMode::Html
        };
        let Ok((text, _)) = tamis::input::prepare(&bytes, mode, None, tamis::DEFAULT_MAX_BYTES)
        else {
            continue;
        };
        if titles || authors || dates {
            let wanted = if authors {
                Wanted::Authors
            } else if dates {
                Wanted::Dates
            } else {
                Wanted::Titles
            };
            let Some((names, rows)) = candidates(&text, text_mode, wanted) else {
                continue;
            };
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({"id": id, "titles": names, "x": rows}),
            )?;
            out.write_all(b"\n")?;
            continue;
        }
        // `article`: whether the page declares itself one (the classifier's threshold depends on it).
        let (blocks, x, width, article) = if text_mode {
            let blocks = tamis::text::segment(&text);
            let weights: Vec<f32> = blocks.iter().map(tamis::classify::text::weight).collect();
            let run = tamis::classify::best_run(&weights);
            let dates = tamis::classify::text::LineDates::new(blocks.len());
            let x = features::compute_text(&blocks, &weights, run, &dates);
            (blocks, x, features::TEXT_COUNT, false)
        } else {
            let dom = Dom::parse(&text);
            let blocks = segment(&dom).blocks;
            let weights: Vec<f32> = blocks.iter().map(html::weight).collect();
            let container = html::main_container(&dom, &blocks);
            let x = features::compute(&dom, &blocks, &weights, container);
            let article = tamis::meta::signals(&dom).declares_article();
            (blocks, x, features::COUNT, article)
        };
        // Four decimals keep the file small and lose nothing the trees can use.
        let rows: Vec<Vec<f32>> = x
            .chunks(width)
            .map(|r| r.iter().map(|v| (v * 1e4).round() / 1e4).collect())
            .collect();
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        let comment: Vec<bool> = blocks
            .iter()
            .map(|b| b.comment_at != tamis::html::dom::NONE)
            .collect();
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({"id": id, "texts": texts, "x": rows, "comment": comment, "article": article}),
        )?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Which metadata candidates `--titles`, `--authors` or `--dates` asks for.
#[derive(Clone, Copy)]
enum Wanted {
    Titles,
    Authors,
    Dates,
}

/// A page's candidates and their features: an HTML page's titles, or a text page's title lines,
/// authors or dates (`None` for a text page with no line).
fn candidates(text: &str, text_mode: bool, wanted: Wanted) -> Option<(Vec<String>, Vec<Vec<f32>>)> {
    use tamis::classify::{text as lines, text_author, text_date, text_title};
    if !text_mode {
        let signals = tamis::meta::signals(&Dom::parse(text));
        let found = tamis::meta::title_candidates(&signals, None);
        return Some(
            found
                .into_iter()
                .map(|c| (c.text, c.features.to_vec()))
                .unzip(),
        );
    }
    let mut blocks = tamis::text::segment(text);
    let dates = lines::LineDates::new(blocks.len());
    Some(match wanted {
        Wanted::Titles => {
            let (weights, start, end) = lines::label_lines(&mut blocks, &dates)?;
            text_title::candidates(&blocks, &weights, start, end, &dates)
                .into_iter()
                .map(|c| (blocks[c.line].text.clone(), c.features.to_vec()))
                .unzip()
        }
        Wanted::Authors => {
            lines::classify(&mut blocks);
            text_author::candidates(&blocks, &dates)
                .into_iter()
                .map(|c| (c.name, c.features.to_vec()))
                .unzip()
        }
        Wanted::Dates => {
            lines::classify(&mut blocks);
            text_date::candidates(&blocks, &dates)
                .into_iter()
                .map(|c| (c.date, c.features.to_vec()))
                .unzip()
        }
    })
}
