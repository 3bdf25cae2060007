//! Runs extraction over many inputs on all cores, writing results in input order, with a progress
//! bar on a terminal and a summary that accounts for every input.

use std::io::{BufWriter, IsTerminal, Write};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::inputs::{self, Input};
use crate::output::{self, Outcome};
use crate::{ExtractArgs, FormatArg, InputArg};

/// What a run did.
pub struct Summary {
    pub done: usize,
    pub failed: usize,
}

/// Inputs handed to the workers at once: enough to keep every core busy, few enough to bound memory.
const CHUNK_PER_THREAD: usize = 16;

pub fn run(args: &ExtractArgs) -> Result<Summary> {
    let inputs = inputs::collect(&args.paths)?;
    let many = inputs.len() > 1;
    let format = args.format.unwrap_or(if many {
        FormatArg::Jsonl
    } else {
        FormatArg::Txt
    });
    let threads = args.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let bar = if many && !args.quiet && std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} pages  {per_sec}  eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut summary = Summary { done: 0, failed: 0 };
    let mut failures = Vec::new();
    let chunk = CHUNK_PER_THREAD * pool.current_num_threads().max(1);
    for group in inputs.chunks(chunk) {
        let outcomes: Vec<Outcome> =
            pool.install(|| group.par_iter().map(|i| extract_one(i, args)).collect());
        for (input, outcome) in group.iter().zip(&outcomes) {
            let name = input.name();
            output::write(&mut out, &name, outcome, format, args.comments, many)?;
            match outcome {
                Ok(_) => summary.done += 1,
                Err(reason) => {
                    summary.failed += 1;
                    failures.push((name, reason.clone()));
                }
            }
            bar.inc(1);
        }
    }
    out.flush().context("cannot write output")?;
    bar.finish_and_clear();
    if many || summary.failed > 0 {
        eprintln!(
            "tamis: {} inputs, {} extracted, {} failed",
            inputs.len(),
            summary.done,
            summary.failed
        );
        for (name, reason) in &failures {
            eprintln!("  failed {name}: {reason}");
        }
    }
    Ok(summary)
}

/// Extracts one input. A panic inside the engine is a bug, but it must not take the batch down:
/// it becomes this input's error.
fn extract_one(input: &Input, args: &ExtractArgs) -> Outcome {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        extract_guarded(input, args)
    }))
    .unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(format!("internal error (please report): {what}"))
    })
}

fn extract_guarded(input: &Input, args: &ExtractArgs) -> Outcome {
    let bytes = input.read().map_err(|e| format!("cannot read: {e}"))?;
    let mode = match args.input {
        InputArg::Html => tamis::InputMode::Html,
        InputArg::Text => tamis::InputMode::Text,
        InputArg::Auto => input.mode_hint().unwrap_or(tamis::InputMode::Auto),
    };
    let opts = tamis::Options {
        input: mode,
        max_bytes: args.max_bytes,
        url: args.url.clone(),
        http_charset: None,
    };
    let mut doc = tamis::extract(&bytes, &opts).map_err(|e| e.to_string())?;
    doc.source = Some(input.name());
    Ok(doc)
}
