//! Runs extraction over many inputs on all cores: a reader thread turns inputs into items (pages,
//! WARC records), the workers extract a chunk of items in parallel, and the writer emits results in
//! input order. A progress bar shows on a terminal; a summary, and with `--stats` a JSON report,
//! account for every item read.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::mpsc::sync_channel;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use tamis::crosspage::{LineCounts, Recurring};

use crate::inputs::{self, Input};
use crate::output::{self, Outcome, Sink};
use crate::source::{self, Item, Reason, Work};
use crate::{ExtractArgs, FormatArg, InputArg};

/// What a run did.
#[derive(Debug, Default, serde::Serialize)]
pub struct Summary {
    /// Input files and directories' pages named on the command line (after `--shard`).
    pub inputs: usize,
    /// Items read: pages, and records of WARC files.
    pub read: usize,
    /// Documents written.
    pub written: usize,
    /// Items not written, by reason.
    pub skipped: BTreeMap<Reason, usize>,
    /// Items whose failure is an error worth reporting (all skips but `not_a_document` and `not_html`).
    pub failed: usize,
    pub seconds: f64,
    /// Payload bytes given to the engine.
    pub bytes: u64,
}

/// Items handed to the workers at once: enough to keep every core busy, few enough to bound memory.
const CHUNK_PER_THREAD: usize = 32;

/// `I/N`: this machine's share of the inputs.
fn parse_shard(s: &str) -> Result<(usize, usize)> {
    let (i, n) = s
        .split_once('/')
        .context("--shard takes I/N, such as 0/4")?;
    let (i, n): (usize, usize) = (i.trim().parse()?, n.trim().parse()?);
    if n == 0 || i >= n {
        bail!("--shard {s}: I must be below N, and N above 0");
    }
    Ok((i, n))
}

pub fn run(args: &ExtractArgs) -> Result<Summary> {
    let started = Instant::now();
    let mut inputs = inputs::collect(&args.paths)?;
    if let Some(shard) = &args.shard {
        let (i, n) = parse_shard(shard)?;
        inputs = inputs
            .into_iter()
            .enumerate()
            .filter(|(k, _)| k % n == i)
            .map(|(_, x)| x)
            .collect();
    }
    let many = inputs.len() > 1 || inputs.iter().any(source::is_warc);
    let format = args.format.unwrap_or(if many {
        FormatArg::Jsonl
    } else {
        FormatArg::Txt
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let mut sink = Sink::open(args.output.as_deref())?;
    let bar = progress_bar(args, many);
    let chunk = CHUNK_PER_THREAD * pool.current_num_threads().max(1);
    let mut summary = Summary {
        inputs: inputs.len(),
        ..Summary::default()
    };
    let recurring = if args.no_cross_page {
        None
    } else {
        count_recurring_lines(&inputs, args)
    };
    let mut failures = Vec::new();

    std::thread::scope(|scope| -> Result<()> {
        let (tx, rx) = sync_channel::<Vec<Item>>(2);
        let inputs = &inputs;
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(chunk);
            source::for_each_item(
                inputs,
                |i| mode_for(i, args.input),
                args.max_bytes,
                |item| {
                    batch.push(item);
                    if batch.len() == chunk {
                        return tx
                            .send(std::mem::replace(&mut batch, Vec::with_capacity(chunk)))
                            .is_ok();
                    }
                    true
                },
            );
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
        });
        for items in rx {
            let outcomes: Vec<Outcome> = pool.install(|| {
                items
                    .par_iter()
                    .map(|i| extract_one(i, args, recurring.as_ref()))
                    .collect()
            });
            for (item, outcome) in items.iter().zip(&outcomes) {
                summary.read += 1;
                if let Work::Page { bytes, .. } = &item.work {
                    summary.bytes += bytes.len() as u64;
                }
                match outcome {
                    Outcome::Document(_) => summary.written += 1,
                    Outcome::Skipped(reason) => *summary.skipped.entry(*reason).or_default() += 1,
                    Outcome::Failed(reason, why) => {
                        *summary.skipped.entry(*reason).or_default() += 1;
                        summary.failed += 1;
                        failures.push((item.name.clone(), why.clone()));
                    }
                }
                output::write(&mut sink, &item.name, outcome, format, args.comments, many)?;
                bar.inc(1);
            }
            bar.set_message(format!(
                "{:.1} MB/s",
                summary.bytes as f64 / 1e6 / started.elapsed().as_secs_f64()
            ));
        }
        Ok(())
    })?;
    sink.finish()?;
    bar.finish_and_clear();
    summary.seconds = started.elapsed().as_secs_f64();
    if many || summary.failed > 0 {
        let skipped: usize = summary.skipped.values().sum();
        eprintln!(
            "tamis: {} read, {} extracted, {} skipped ({} failed) in {:.1} s",
            summary.read, summary.written, skipped, summary.failed, summary.seconds
        );
        for (reason, n) in &summary.skipped {
            eprintln!(
                "  {n} {}",
                serde_json::to_string(reason)
                    .unwrap_or_default()
                    .trim_matches('"')
            );
        }
        for (name, why) in failures.iter().take(50) {
            eprintln!("  failed {name}: {why}");
        }
        if failures.len() > 50 {
            eprintln!(
                "  … and {} more failures (see the JSON records' \"error\" field)",
                failures.len() - 50
            );
        }
    }
    if let Some(path) = &args.stats {
        let json = serde_json::to_string_pretty(&summary)?;
        std::fs::write(path, json + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(summary)
}

/// The first pass of evidence across pages: when the run holds text pages (plain text files, WET
/// records), count on how many pages of each site every line stands. Inputs are read twice.
fn count_recurring_lines(inputs: &[Input], args: &ExtractArgs) -> Option<Arc<Recurring>> {
    let text_inputs = inputs.iter().any(|i| {
        matches!(args.input, InputArg::Text)
            || i.mode_hint() == Some(tamis::InputMode::Text)
            || i.name().to_ascii_lowercase().contains(".wet")
    });
    if inputs.len() + usize::from(inputs.iter().any(source::is_warc)) < 2 || !text_inputs {
        return None;
    }
    let mut counts = LineCounts::default();
    source::for_each_item(
        inputs,
        |i| mode_for(i, args.input),
        args.max_bytes,
        |item| {
            if let Work::Page {
                bytes,
                mode: tamis::InputMode::Text,
                site: Some(site),
                charset,
                ..
            } = &item.work
            {
                if let Ok((text, _)) = tamis::input::prepare(
                    bytes,
                    tamis::InputMode::Text,
                    charset.as_deref(),
                    args.max_bytes,
                ) {
                    counts.add_page(site, text.lines());
                }
            }
            true
        },
    );
    let recurring = counts.recurring();
    (!recurring.is_empty()).then(|| Arc::new(recurring))
}

fn progress_bar(args: &ExtractArgs, many: bool) -> ProgressBar {
    if !many || args.quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::no_length();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} items  {per_sec}  {msg}  {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar
}

fn mode_for(input: &Input, arg: InputArg) -> tamis::InputMode {
    match arg {
        InputArg::Html => tamis::InputMode::Html,
        InputArg::Text => tamis::InputMode::Text,
        InputArg::Auto => input.mode_hint().unwrap_or(tamis::InputMode::Auto),
    }
}

/// Extracts one item. A panic inside the engine is a bug, but it must not take the batch down:
/// it becomes this item's error.
fn extract_one(item: &Item, args: &ExtractArgs, recurring: Option<&Arc<Recurring>>) -> Outcome {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        extract_guarded(item, args, recurring)
    }))
    .unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Outcome::Failed(
            Reason::ExtractionFailed,
            format!("internal error (please report): {what}"),
        )
    })
}

fn extract_guarded(item: &Item, args: &ExtractArgs, recurring: Option<&Arc<Recurring>>) -> Outcome {
    let (bytes, mode, url, charset, warc, site) = match &item.work {
        Work::Page {
            bytes,
            mode,
            url,
            charset,
            warc,
            site,
        } => (bytes, mode, url, charset, warc, site),
        Work::Skip(reason) => return Outcome::Skipped(*reason),
        Work::Fail(reason, why) => return Outcome::Failed(*reason, why.clone()),
    };
    let opts = tamis::Options {
        input: *mode,
        max_bytes: args.max_bytes,
        url: url.clone().or_else(|| args.url.clone()),
        http_charset: charset.clone(),
        site: site.clone(),
        recurring: recurring.cloned(),
    };
    match tamis::extract(bytes, &opts) {
        Ok(mut doc) => {
            doc.source = Some(item.name.clone());
            doc.warc = warc.clone();
            Outcome::Document(Box::new(doc))
        }
        Err(e) => Outcome::Failed(source::reason_of(&e), e.to_string()),
    }
}
