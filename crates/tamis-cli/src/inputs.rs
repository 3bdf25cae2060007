//! Turns the command line's paths into the list of inputs: files as given, directories walked in
//! sorted order for the page files they hold, `-` for standard input.

use std::path::{Path, PathBuf};

use anyhow::Result;

/// One input to extract.
#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    /// The name records and reports give the input.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }

    /// How the file name says to read it, if it says.
    pub fn mode_hint(&self) -> Option<tamis::InputMode> {
        let Input::File(p) = self else { return None };
        let name = p.file_name()?.to_string_lossy().to_ascii_lowercase();
        let name = without_compression_suffix(&name);
        if name.ends_with(".txt") || name.ends_with(".text") {
            Some(tamis::InputMode::Text)
        } else if name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml") {
            Some(tamis::InputMode::Html)
        } else {
            None
        }
    }

    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        match self {
            Input::File(p) => std::fs::read(p),
            Input::Stdin => {
                let mut buf = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)?;
                Ok(buf)
            }
        }
    }
}

/// A file name without its `.gz` or `.zst` ending.
fn without_compression_suffix(name: &str) -> &str {
    name.strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(name)
}

/// Whether a file found in a directory walk is one tamis reads: a page, or a WARC or WET file.
fn is_page_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = without_compression_suffix(&name);
    [".html", ".htm", ".xhtml", ".txt", ".text", ".warc", ".wet"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Whether a path of the command line is `-`: standard input where inputs are named, standard
/// output where an output file is.
pub fn is_standard_stream(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Expands the command line's paths. A path that cannot be read (missing, no permission, a dangling
/// link), named on the command line or met in a directory, is kept as an input, so that reading it
/// fails and the batch reports it beside the others; finding no input at all is an error.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    for path in paths {
        if is_standard_stream(path) {
            out.push(Input::Stdin);
            continue;
        }
        let is_dir = std::fs::metadata(path).is_ok_and(|m| m.is_dir());
        if is_dir {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .follow_links(true)
                .into_iter()
                .filter_map(|e| match e {
                    Ok(e) => {
                        (e.file_type().is_file() && is_page_file(e.path())).then(|| e.into_path())
                    }
                    // The entry's path, or the directory's when the walk cannot say which.
                    Err(e) => Some(e.path().unwrap_or(path).to_path_buf()),
                })
                .collect();
            found.sort();
            out.extend(found.into_iter().map(Input::File));
        } else {
            out.push(Input::File(path.clone()));
        }
    }
    if out.is_empty() {
        anyhow::bail!(
            "no input found in {}: directories are searched for .html, .htm, .xhtml, .txt, .text, \
             .warc and .wet files, each optionally .gz or .zst",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(out)
}
