//! The `tamis` command line: a thin driver over the `tamis` library.

mod batch;
mod inputs;
mod output;
mod parquet_out;
mod source;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// tamis sifts web pages: main text, comments and metadata out of HTML or flattened text.
#[derive(Parser)]
#[command(name = "tamis", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract clean documents from pages: files, directories (walked recursively) or `-` for stdin.
    Extract(ExtractArgs),
}

#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Inputs: .html/.htm/.txt files (optionally .gz or .zst), WARC/WET files, directories, or
    /// `-` for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// Output format. Default: parquet when -o names a .parquet file, else txt for one input and
    /// jsonl for several.
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,

    /// Write to this file instead of standard output (`-` is standard output).
    #[arg(short, long)]
    pub output: Option<PathBuf>,

    /// Worker threads (default: all cores).
    #[arg(short = 'j', long)]
    pub threads: Option<usize>,

    /// Put comments at the end of the text (they are always in the JSON `comments` field).
    #[arg(long)]
    pub comments: bool,

    /// How to read inputs: by content and file name (auto), or force HTML or text.
    #[arg(long, value_enum, default_value = "auto")]
    pub input: InputArg,

    /// Refuse pages larger than this many bytes.
    #[arg(long, default_value_t = tamis::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,

    /// The page's URL, recorded in the metadata when the page does not name its own.
    #[arg(long)]
    pub url: Option<String>,

    /// Never show a progress bar.
    #[arg(long)]
    pub quiet: bool,

    /// Write one output per input file into this folder (`NAME.jsonl.zst`, `NAME.parquet`, …),
    /// each under a temporary name then renamed, followed by a `NAME.EXT.done` marker holding that
    /// input's report. Inputs whose marker exists are skipped, so a rerun finishes what is left.
    #[arg(long, conflicts_with = "output")]
    pub output_dir: Option<PathBuf>,

    /// Write a JSON report here at the end: items read, written, skipped by reason, time taken
    /// (`-`: standard output).
    #[arg(long)]
    pub stats: Option<PathBuf>,

    /// Judge every page on its own: do not count lines that recur across the pages of a site
    /// (which, by default, marks them as furniture in runs over many text pages).
    #[arg(long)]
    pub no_cross_page: bool,

    /// Take only this machine's share of the inputs: I/N picks every Nth input from the I-th
    /// (0-based), in sorted order, so N machines running 0/N … N-1/N cover every input once.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Txt,
    Markdown,
    Json,
    Jsonl,
    /// Columnar, for datasets and Spark; needs `-o FILE`.
    Parquet,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum InputArg {
    Auto,
    Html,
    Text,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => batch::run(&args),
    };
    match result {
        Ok(summary) if summary.failed == 0 => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(2),
        Err(e) => {
            eprintln!("tamis: {e:#}");
            ExitCode::from(1)
        }
    }
}
