//! The `tamis` binary as users run it: batches, formats, error accounting, and the seed page.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::TempDir;

fn tamis(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tamis"))
        .args(args)
        .output()
        .expect("tamis runs")
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tempdir(name: &str) -> TempDir {
    TempDir::new(&format!("test-{name}"))
}

#[test]
fn one_page_prints_its_text() {
    let page = repo().join("examples/article.html");
    let out = tamis(&["extract", page.to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("The Millbrook bridge"));
    assert!(!text.contains("Privacy policy"));
}

#[test]
fn a_dash_for_output_is_standard_output() {
    let dir = tempdir("dash-output");
    let page = repo().join("examples/article.html");
    let out = Command::new(env!("CARGO_BIN_EXE_tamis"))
        .current_dir(&*dir)
        .args([
            "extract",
            page.to_str().unwrap(),
            "--format",
            "jsonl",
            "-o",
            "-",
        ])
        .output()
        .expect("tamis runs");
    assert!(out.status.success());
    let record: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("one JSON record on standard output");
    assert_eq!(record["title"], "A Quiet Town Wakes Up to a New Bridge");
    assert!(!dir.join("-").exists(), "no file named '-'");
    // The same for the stats report.
    let out_file = dir.join("out.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_tamis"))
        .current_dir(&*dir)
        .args(["extract", page.to_str().unwrap(), "-o"])
        .arg(&out_file)
        .args(["--stats", "-"])
        .output()
        .expect("tamis runs");
    assert!(out.status.success());
    let stats: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("the stats on standard output");
    assert_eq!(stats["written"], 1);
    assert!(!dir.join("-").exists(), "no file named '-'");
}

#[test]
fn a_batch_accounts_for_every_input_and_keeps_going() {
    let dir = tempdir("batch");
    std::fs::copy(repo().join("examples/article.html"), dir.join("a.html")).unwrap();
    std::fs::write(dir.join("b.html"), "").unwrap();
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(dir.join("c.html"), junk).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(
        &mut gz,
        b"<p>A gzipped page with a sentence that is long enough to be kept as content.</p>",
    )
    .unwrap();
    std::fs::write(dir.join("d.html.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(dir.join("ignored.css"), "body{}").unwrap();
    let out_file = dir.join("out.jsonl");
    let out = tamis(&[
        "extract",
        dir.to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
        "--threads",
        "2",
    ]);
    assert_eq!(out.status.code(), Some(2), "some inputs failed");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("4 read, 2 extracted, 2 skipped (2 failed)"),
        "{stderr}"
    );
    assert!(stderr.contains("b.html: empty input"), "{stderr}");
    assert!(stderr.contains("c.html: binary data"), "{stderr}");
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&out_file)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "one record per input, in order");
    assert!(lines[0]["source"].as_str().unwrap().ends_with("a.html"));
    assert_eq!(lines[0]["title"], "A Quiet Town Wakes Up to a New Bridge");
    assert_eq!(lines[1]["error"], "empty input");
    assert!(lines[2]["error"].as_str().unwrap().starts_with("binary"));
    assert!(lines[3]["text"].as_str().unwrap().contains("gzipped page"));
}

#[test]
fn formats_render_one_document() {
    let page = repo().join("examples/article.html");
    let md = tamis(&["extract", page.to_str().unwrap(), "--format", "markdown"]);
    assert!(String::from_utf8(md.stdout)
        .unwrap()
        .starts_with("# A Quiet Town"));
    let json = tamis(&[
        "extract",
        page.to_str().unwrap(),
        "--format",
        "json",
        "--comments",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v["text"]
        .as_str()
        .unwrap()
        .contains("bicycle path is open at night"));
    assert!(v["comments"].as_str().unwrap().contains("bicycle path"));
}

#[test]
fn standard_input_is_read() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tamis"))
        .args(["extract", "-", "--input", "text"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Menu\n\nA title of a few words here\n\nShare\n\nThe first paragraph of the story, with a comma, ends here.\n\nThe second paragraph says more, and it also ends properly.\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("The first paragraph"), "{text}");
    assert!(!text.contains("Share"));
}

#[test]
fn a_missing_path_is_a_clear_error() {
    let out = tamis(&["extract", "/nonexistent/page.html"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("failed /nonexistent/page.html: cannot read"));
}

#[test]
fn a_missing_path_fails_alone_and_the_batch_goes_on() {
    let page = repo().join("examples/article.html");
    let page = page.to_string_lossy().into_owned();
    let out = tamis(&[
        "extract",
        "/nonexistent/page.html",
        &page,
        "--format",
        "jsonl",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let records: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "{records:?}");
    assert_eq!(records[0]["source"], "/nonexistent/page.html");
    assert_eq!(records[0]["reason"], "unreadable");
    assert_eq!(records[1]["source"], page.as_str());
    assert_eq!(records[1]["title"], "A Quiet Town Wakes Up to a New Bridge");
}

/// The golden test: the seed page of ../shared gives exactly its expected language, title, author and
/// text, and none of the strings that must not survive. Skipped (with a note) where ../shared is absent.
#[test]
fn seed_page_matches_its_expected_output() {
    let seed = repo().join("../shared/seed");
    let Ok(entries) = std::fs::read_dir(&seed) else {
        eprintln!("note: {} not found, golden test skipped", seed.display());
        return;
    };
    let mut checked = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".expected.json") else {
            continue;
        };
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let input = seed.join(format!("{stem}.txt"));
        let out = tamis(&["extract", input.to_str().unwrap(), "--format", "json"]);
        assert!(out.status.success());
        let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for field in ["language", "title", "author", "text"] {
            assert_eq!(got[field], expected[field], "{stem}: {field}");
        }
        for s in expected["must_not_contain"].as_array().unwrap() {
            assert!(
                !got["text"].as_str().unwrap().contains(s.as_str().unwrap()),
                "{stem}: kept {s}"
            );
        }
        checked += 1;
    }
    assert!(checked > 0, "no seed page found in {}", seed.display());
}

/// Lines that recur on the pages of one site are furniture, unless --no-cross-page.
#[test]
fn lines_recurring_across_a_sites_pages_are_dropped() {
    let dir = tempdir("crosspage");
    let stories = [
        "The council voted on Tuesday to keep the library open on Sundays, after a petition gathered four thousand names.",
        "A new bus line will link the station to the hospital from March, the transport office said in a statement.",
        "The river festival returns this summer with boats, music and food stalls along both banks of the old harbour.",
        "Volunteers planted two hundred trees in the park on Saturday morning, despite the rain that fell all day.",
    ];
    for (i, story) in stories.iter().enumerate() {
        let page = format!(
            "Town Herald\n\nHeadline number {i} of the day\n\n{story}\n\nOur newsroom is independent and relies on readers like you, every single day of the year.\n"
        );
        std::fs::write(dir.join(format!("p{i}.txt")), page).unwrap();
    }
    let texts = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["extract", dir.to_str().unwrap(), "--format", "jsonl"];
        args.extend_from_slice(extra);
        let out = tamis(&args);
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let with = texts(&[]);
    assert_eq!(with.len(), 4);
    for (text, story) in with.iter().zip(stories) {
        assert!(text.contains(story), "{text}");
        assert!(!text.contains("Our newsroom is independent"), "{text}");
    }
    let without = texts(&["--no-cross-page"]);
    assert!(
        without
            .iter()
            .any(|t| t.contains("Our newsroom is independent")),
        "{without:?}"
    );
}
