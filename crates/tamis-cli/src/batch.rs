//! Runs extraction over many inputs on all cores: a reader thread turns inputs into items (pages,
//! WARC records), the workers take items one at a time, and the writer emits results in
//! input order. A progress bar shows on a terminal; a summary, and with `--stats` a JSON report,
//! account for every item read.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use tamis::crosspage::{LineCounts, Recurring};

use crate::inputs::{self, Input};
use crate::output::{Outcome, Sink};
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
    /// With --output-dir: inputs skipped because their output was already complete.
    pub already_done: usize,
}

impl Summary {
    /// Adds another part's counts to this one.
    fn absorb(&mut self, part: &Summary) {
        self.read += part.read;
        self.written += part.written;
        self.failed += part.failed;
        self.bytes += part.bytes;
        for (reason, n) in &part.skipped {
            *self.skipped.entry(*reason).or_default() += n;
        }
    }
}

/// Items in the pipeline at once, per worker: enough to keep every core busy while one page is
/// slow, few enough to bound memory.
const WINDOW_PER_THREAD: usize = 16;

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
    let parquet_name = args.output.as_ref().is_some_and(|p| {
        p.to_string_lossy()
            .to_ascii_lowercase()
            .ends_with(".parquet")
    });
    let format = args.format.unwrap_or(if parquet_name {
        FormatArg::Parquet
    } else if many {
        FormatArg::Jsonl
    } else {
        FormatArg::Txt
    });
    let threads = match args.threads {
        Some(0) => bail!("--threads must be at least 1"),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut summary = Summary {
        inputs: inputs.len(),
        ..Summary::default()
    };
    let mut failures = Vec::new();
    let run = Run {
        args,
        format,
        threads,
        many,
    };
    match &args.output_dir {
        None => run.process(
            &inputs,
            args.output.as_deref(),
            &mut summary,
            &mut failures,
            started,
        )?,
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            for input in &inputs {
                let Input::File(path) = input else {
                    bail!("--output-dir needs files, not standard input");
                };
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                let out = dir.join(format!("{name}.{}", extension(format)));
                let marker = dir.join(format!("{name}.{}.done", extension(format)));
                if marker.exists() {
                    summary.already_done += 1;
                    continue;
                }
                let mut part = Summary {
                    inputs: 1,
                    ..Summary::default()
                };
                let begun = Instant::now();
                run.process(
                    std::slice::from_ref(input),
                    Some(&out),
                    &mut part,
                    &mut failures,
                    begun,
                )?;
                part.seconds = begun.elapsed().as_secs_f64();
                // The marker is written last: its presence means the output is complete.
                let report = serde_json::to_string_pretty(&part)? + "\n";
                std::fs::write(&marker, report)
                    .with_context(|| format!("cannot write {}", marker.display()))?;
                summary.absorb(&part);
            }
        }
    }
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
        let json = serde_json::to_string_pretty(&summary)? + "\n";
        if inputs::is_standard_stream(path) {
            std::io::Write::write_all(&mut std::io::stdout().lock(), json.as_bytes())
                .context("cannot write the stats to standard output")?;
        } else {
            std::fs::write(path, json)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    Ok(summary)
}

/// What every part of a run shares.
struct Run<'a> {
    args: &'a ExtractArgs,
    format: FormatArg,
    threads: usize,
    many: bool,
}

impl Run<'_> {
    /// Extracts `inputs` into `output` (standard output when `None`), adding to `summary`.
    fn process(
        &self,
        inputs: &[Input],
        output: Option<&std::path::Path>,
        summary: &mut Summary,
        failures: &mut Vec<(String, String)>,
        started: Instant,
    ) -> Result<()> {
        let Run {
            args,
            format,
            threads,
            many,
        } = *self;
        let mut sink = Sink::open(output, format)?;
        let bar = progress_bar(args, many, inputs);
        // Bytes of input read so far (compressed, as on disk): the bar's position and time left.
        let read_bytes = &AtomicU64::new(0);
        let recurring = if args.no_cross_page {
            None
        } else {
            count_recurring_lines(inputs, args)
        };

        // Accounts for one item and writes its result, in input order.
        let mut record = |item: Item, outcome: Outcome| -> Result<()> {
            summary.read += 1;
            if let Work::Page { bytes, .. } = &item.work {
                summary.bytes += bytes.len() as u64;
            }
            match &outcome {
                Outcome::Document(_) => summary.written += 1,
                Outcome::Skipped(reason) => *summary.skipped.entry(*reason).or_default() += 1,
                Outcome::Failed(reason, why) => {
                    *summary.skipped.entry(*reason).or_default() += 1;
                    summary.failed += 1;
                    failures.push((item.name.clone(), why.clone()));
                }
            }
            sink.emit(&item.name, &outcome, format, args.comments, many)?;
            bar.set_position(read_bytes.load(Ordering::Relaxed));
            bar.set_message(format!(
                "{} items, {:.1} MB/s of payload",
                summary.read,
                summary.bytes as f64 / 1e6 / started.elapsed().as_secs_f64()
            ));
            Ok(())
        };

        if threads == 1 {
            // One thread reads, extracts and writes each item in turn: no queues, no reordering,
            // and one core's worth of work, which is what "single-threaded" is measured as.
            let mut result = Ok(());
            source::for_each_item(
                inputs,
                |i| mode_for(i, args.input),
                args.max_bytes,
                read_bytes,
                |item| {
                    let outcome = extract_one(&item, args, recurring.as_ref());
                    result = record(item, outcome);
                    result.is_ok()
                },
            );
            result?;
        } else {
            // Reader → workers → ordered writer. A token must be taken before an item enters the
            // pipeline and is given back when its result is written, so that queued, working and
            // reordered items together never exceed `window`: memory stays bounded however slow
            // one page is.
            let window = WINDOW_PER_THREAD * threads;
            let (token_tx, token_rx) = sync_channel::<()>(window);
            for _ in 0..window {
                token_tx.send(()).ok();
            }
            let (work_tx, work_rx) = sync_channel::<(usize, Item)>(window);
            let (done_tx, done_rx) = sync_channel::<(usize, Item, Outcome)>(window);
            let work_rx = std::sync::Mutex::new(work_rx);
            std::thread::scope(|scope| -> Result<()> {
                let token_tx = token_tx;
                scope.spawn(move || {
                    let mut next = 0usize;
                    source::for_each_item(
                        inputs,
                        |i| mode_for(i, args.input),
                        args.max_bytes,
                        read_bytes,
                        |item| {
                            if token_rx.recv().is_err() {
                                return false;
                            }
                            next += 1;
                            work_tx.send((next - 1, item)).is_ok()
                        },
                    );
                });
                for _ in 0..threads {
                    let done_tx = done_tx.clone();
                    let work_rx = &work_rx;
                    let recurring = recurring.as_ref();
                    scope.spawn(move || loop {
                        // The lock is held only to take the next item, not while extracting it.
                        let next = work_rx.lock().map(|rx| rx.recv());
                        let Ok(Ok((index, item))) = next else { return };
                        let outcome = extract_one(&item, args, recurring);
                        if done_tx.send((index, item, outcome)).is_err() {
                            return;
                        }
                    });
                }
                drop(done_tx);
                let mut pending = BTreeMap::new();
                let mut next_to_write = 0usize;
                for (index, item, outcome) in done_rx {
                    pending.insert(index, (item, outcome));
                    while let Some((item, outcome)) = pending.remove(&next_to_write) {
                        next_to_write += 1;
                        record(item, outcome)?;
                        // The reader may have finished and dropped its end: a refused token is fine.
                        let _ = token_tx.try_send(());
                    }
                }
                Ok(())
            })?;
        }
        sink.finish()?;
        bar.finish_and_clear();
        Ok(())
    }
}

/// The file ending of an `--output-dir` output in this format.
fn extension(format: FormatArg) -> &'static str {
    match format {
        FormatArg::Txt => "txt",
        FormatArg::Markdown => "md",
        FormatArg::Json => "json",
        FormatArg::Jsonl => "jsonl.zst",
        FormatArg::Parquet => "parquet",
    }
}

/// The first pass of evidence across pages: when the run holds text pages (plain text files, WET
/// records), count on how many pages of each site every line stands. Inputs are read twice.
fn count_recurring_lines(inputs: &[Input], args: &ExtractArgs) -> Option<Arc<Recurring>> {
    let text_inputs = inputs.iter().any(|i| {
        matches!(args.input, InputArg::Text)
            || i.mode_hint() == Some(tamis::InputMode::Text)
            || i.name().to_ascii_lowercase().contains(".wet")
    });
    // One plain file is one page: no evidence across pages (a WET file holds many).
    if !text_inputs || (inputs.len() < 2 && !inputs.iter().any(source::is_warc)) {
        return None;
    }
    let mut counts = LineCounts::default();
    source::for_each_item(
        inputs,
        |i| mode_for(i, args.input),
        args.max_bytes,
        &AtomicU64::new(0),
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

/// A bar over the inputs' bytes on disk: items and payload rate in the message, time left from
/// the share of input read. Hidden off a terminal, for one input, and with --quiet.
fn progress_bar(args: &ExtractArgs, many: bool, inputs: &[Input]) -> ProgressBar {
    if !many || args.quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let total: u64 = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Input::Stdin => None,
        })
        .sum();
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:30} {bytes}/{total_bytes}  {msg}  {elapsed} elapsed, {eta} left",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
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
