//! Times extraction, single-threaded, over every page of a directory: the pages are read and
//! decompressed first, then each is extracted from its raw bytes (decoding, parsing, extraction,
//! metadata) and rendered to text, as `../shared/eval/peers.py` times the reference tools.
//!
//!     cargo run --release --example bench -- PAGES_DIR [ROUNDS]
//!
//! With TAMIS_BENCH_PARSE_ONLY set, it times decoding and parsing alone: the floor under extraction.

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: bench PAGES_DIR [ROUNDS]");
        std::process::exit(1);
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(1);
    let parse_only = std::env::var_os("TAMIS_BENCH_PARSE_ONLY").is_some();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("a readable directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let pages: Vec<(Vec<u8>, tamis::InputMode)> = paths
        .iter()
        .filter_map(|p| {
            let raw = std::fs::read(p).ok()?;
            let bytes = tamis::input::decompress_if_needed(&raw, usize::MAX)
                .ok()?
                .into_owned();
            let name = p.to_string_lossy();
            let mode = if name.contains(".txt") {
                tamis::InputMode::Text
            } else {
                tamis::InputMode::Html
            };
            Some((bytes, mode))
        })
        .collect();
    let total_bytes: usize = pages.iter().map(|(b, _)| b.len()).sum();
    let mut per_page = Vec::with_capacity(pages.len() * rounds);
    let start = Instant::now();
    let mut chars = 0usize;
    for _ in 0..rounds {
        for (bytes, mode) in &pages {
            let t = Instant::now();
            if parse_only {
                // The floor: decoding and html5ever parsing alone.
                let text = tamis::input::decode(bytes, None, true);
                chars += tamis::html::dom::Dom::parse(&text).nodes.len();
            } else {
                let opts = tamis::Options {
                    input: *mode,
                    ..tamis::Options::default()
                };
                if let Ok(doc) = tamis::extract(bytes, &opts) {
                    chars += tamis::render::plain_text(&doc.body).len();
                }
            }
            per_page.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let spent = start.elapsed().as_secs_f64();
    per_page.sort_by(|a, b| a.total_cmp(b));
    let n = per_page.len();
    println!(
        "tamis: {} pages x {rounds}, {:.1} MB, {:.2} s, mean {:.2} ms/page, median {:.2} ms/page, p99 {:.2} ms/page, {:.1} MB/s ({chars} chars out)",
        pages.len(),
        total_bytes as f64 / 1e6,
        spent,
        spent * 1000.0 / n as f64,
        per_page[n / 2],
        per_page[(n * 99 / 100).min(n - 1)],
        total_bytes as f64 * rounds as f64 / 1e6 / spent,
    );
}
