//! WARC and WET input through the binary: every record accounted for, damage counted, output kept.

use std::io::Write;
use std::path::Path;
use std::process::Command;

mod common;
use common::TempDir;

fn tamis(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tamis"))
        .args(args)
        .output()
        .expect("tamis runs")
}

fn tempdir(name: &str) -> TempDir {
    TempDir::new(&format!("warc-{name}"))
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn record(kind: &str, id: usize, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id:08}>\r\nWARC-Date: 2025-01-0{}T00:00:00Z\r\n\
         WARC-Target-URI: https://site.example/{id}\r\nContent-Length: {}\r\n\r\n",
        id % 9 + 1,
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn response(content_type: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n{body}").into_bytes()
}

const PAGE: &str = "<html><head><title>Harbour news</title></head><body><nav><a href=/>Home</a></nav>\
    <article><p>The harbour reopened on Monday after a week of repairs to the old stone quay, and the first \
    fishing boats came in before dawn.</p></article></body></html>";

fn stats(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn assert_accounted(s: &serde_json::Value) {
    let skipped: u64 = s["skipped"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(
        s["read"].as_u64().unwrap(),
        s["written"].as_u64().unwrap() + skipped,
        "{s}"
    );
}

#[test]
fn a_damaged_warc_is_read_to_the_end_and_every_record_counted() {
    let dir = tempdir("damaged");
    let mut data = Vec::new();
    data.extend(gz(&record("warcinfo", 0, b"software: test\r\n")));
    data.extend(gz(&record("request", 1, b"GET / HTTP/1.1\r\n\r\n")));
    data.extend(gz(&record(
        "response",
        2,
        &response("text/html; charset=utf-8", PAGE),
    )));
    data.extend(gz(&record(
        "response",
        3,
        &response("image/png", "\u{89}PNG"),
    )));
    data.extend(gz(b"WARC/1.1\r\nthis header line has no colon\r\n\r\n"));
    data.extend(gz(&record(
        "response",
        4,
        &response("text/html", &"<p>big</p>".repeat(20_000)),
    )));
    data.extend(gz(&record("metadata", 5, b"fetchTimeMs: 12\r\n")));
    data.extend(gz(&record("response", 6, &response("text/html", PAGE))));
    let last = gz(&record("response", 7, &response("text/html", PAGE)));
    data.extend_from_slice(&last[..last.len() - 20]);
    let warc = dir.join("damaged.warc.gz");
    std::fs::write(&warc, data).unwrap();
    let out = dir.join("out.jsonl.zst");
    let stats_file = dir.join("stats.json");
    let run = tamis(&[
        "extract",
        warc.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--stats",
        stats_file.to_str().unwrap(),
        "--max-bytes",
        "100000",
    ]);
    assert_eq!(
        run.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let s = stats(&stats_file);
    assert_accounted(&s);
    assert_eq!(s["read"], 9);
    assert_eq!(s["written"], 2);
    assert_eq!(s["skipped"]["not_a_document"], 3);
    assert_eq!(s["skipped"]["not_html"], 1);
    assert_eq!(s["skipped"]["too_large"], 1);
    assert_eq!(
        s["skipped"]["truncated"], 2,
        "a corrupt header and a cut member"
    );
    // The documents written before the damage are all there, with their WARC identity.
    let text =
        String::from_utf8(zstd::decode_all(std::fs::File::open(&out).unwrap()).unwrap()).unwrap();
    let docs: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|d: &serde_json::Value| d.get("error").is_none())
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["warc_record_id"], "<urn:uuid:00000002>");
    assert_eq!(docs[0]["url"], "https://site.example/2");
    assert_eq!(docs[0]["warc_date"], "2025-01-03T00:00:00Z");
    assert!(docs[0]["text"]
        .as_str()
        .unwrap()
        .contains("harbour reopened"));
}

#[test]
fn wet_records_go_to_text_mode() {
    let dir = tempdir("wet");
    let text = "Home\nNews\n\nThe harbour reopens\n\nShare\n\nThe harbour reopened on Monday after a week of repairs to the old stone quay.\n\nThe first boats came in before dawn, and the market opened at six as it always had.\n";
    let data = [
        gz(&record("warcinfo", 0, b"x: y\r\n")),
        gz(&record("conversion", 1, text.as_bytes())),
    ]
    .concat();
    let wet = dir.join("sample.warc.wet.gz");
    std::fs::write(&wet, data).unwrap();
    let run = tamis(&["extract", wet.to_str().unwrap(), "--format", "jsonl"]);
    assert!(run.status.success());
    let line = String::from_utf8(run.stdout).unwrap();
    let doc: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(doc["input"], "text");
    assert_eq!(doc["title"], "The harbour reopens");
    assert_eq!(doc["warc_record_id"], "<urn:uuid:00000001>");
    assert!(!doc["text"].as_str().unwrap().contains("Share"));
}

#[test]
fn shared_crawl_samples_are_accounted_for() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/datasets/warc");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("note: {} not found, test skipped", dir.display());
        return;
    };
    let tmp = tempdir("shared");
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.to_string_lossy().ends_with(".warc.gz") {
            continue;
        }
        let stats_file = tmp.join("stats.json");
        let out = tmp.join("out.jsonl.gz");
        tamis(&[
            "extract",
            path.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--stats",
            stats_file.to_str().unwrap(),
        ]);
        let s = stats(&stats_file);
        assert_accounted(&s);
        assert!(s["read"].as_u64().unwrap() > 0, "{}", path.display());
    }
}

#[test]
fn shards_split_the_inputs_without_overlap() {
    let dir = tempdir("shards");
    for i in 0..5 {
        std::fs::write(dir.join(format!("p{i}.html")), PAGE).unwrap();
    }
    let mut seen = Vec::new();
    for shard in ["0/2", "1/2"] {
        let run = tamis(&[
            "extract",
            dir.to_str().unwrap(),
            "--shard",
            shard,
            "--format",
            "jsonl",
        ]);
        for line in String::from_utf8(run.stdout).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            seen.push(v["source"].as_str().unwrap().to_string());
        }
    }
    seen.sort();
    assert_eq!(seen.len(), 5);
    seen.dedup();
    assert_eq!(seen.len(), 5);
    assert_eq!(
        tamis(&["extract", dir.to_str().unwrap(), "--shard", "2/2"])
            .status
            .code(),
        Some(1)
    );
}

/// Parquet output holds one row per document with the documented schema.
#[test]
fn parquet_output_has_the_documented_rows() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;
    let dir = tempdir("parquet");
    let data = [
        gz(&record("request", 1, b"GET / HTTP/1.1\r\n\r\n")),
        gz(&record("response", 2, &response("text/html", PAGE))),
        gz(&record("response", 3, &response("text/html", PAGE))),
    ]
    .concat();
    let warc = dir.join("in.warc.gz");
    std::fs::write(&warc, data).unwrap();
    let out = dir.join("out.parquet");
    let run = tamis(&[
        "extract",
        warc.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let reader = SerializedFileReader::new(std::fs::File::open(&out).unwrap()).unwrap();
    let schema = reader.metadata().file_metadata().schema_descr();
    let names: Vec<String> = schema
        .root_schema()
        .get_fields()
        .iter()
        .map(|f| f.name().to_string())
        .collect();
    for field in [
        "source",
        "url",
        "title",
        "text",
        "comments",
        "categories",
        "tags",
        "warc_record_id",
        "warc_date",
    ] {
        assert!(
            names.iter().any(|n| n == field),
            "no column {field} in {names:?}"
        );
    }
    let rows: Vec<_> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    let fields: Vec<(String, Field)> = rows[0]
        .get_column_iter()
        .map(|(n, f)| (n.clone(), f.clone()))
        .collect();
    let get = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, f)| f.to_string())
            .unwrap()
    };
    assert_eq!(get("warc_record_id"), "\"<urn:uuid:00000002>\"");
    assert!(get("text").contains("harbour reopened"));
    assert_eq!(get("title"), "\"Harbour news\"");
}

/// --output-dir writes one complete output per input with a marker, and a rerun skips what is done.
#[test]
fn output_dir_outputs_are_marked_and_reruns_skip_them() {
    let dir = tempdir("outdir");
    for i in 0..3 {
        let data = [gz(&record("response", i, &response("text/html", PAGE)))].concat();
        std::fs::write(dir.join(format!("part-{i}.warc.gz")), data).unwrap();
    }
    let out = dir.join("out");
    let stats = dir.join("stats.json");
    let args = |extra: &[&str]| -> Vec<String> {
        let mut a: Vec<String> = [
            "extract",
            "--output-dir",
            out.to_str().unwrap(),
            "--stats",
            stats.to_str().unwrap(),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for i in 0..3 {
            a.push(
                dir.join(format!("part-{i}.warc.gz"))
                    .to_string_lossy()
                    .to_string(),
            );
        }
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    let run = |extra: &[&str]| {
        let a = args(extra);
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        assert!(tamis(&refs).status.success());
        serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(&stats).unwrap())
            .unwrap()
    };
    let first = run(&[]);
    assert_eq!(first["written"], 3);
    for i in 0..3 {
        let name = format!("part-{i}.warc.gz.jsonl.zst");
        assert!(out.join(&name).exists());
        let marker: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(out.join(format!("{name}.done"))).unwrap(),
        )
        .unwrap();
        assert_eq!(marker["written"], 1);
    }
    assert!(std::fs::read_dir(&out).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .contains(".tmp")));
    let again = run(&[]);
    assert_eq!(again["already_done"], 3);
    assert_eq!(again["read"], 0);
    std::fs::remove_file(out.join("part-1.warc.gz.jsonl.zst.done")).unwrap();
    let rest = run(&[]);
    assert_eq!(rest["already_done"], 2);
    assert_eq!(rest["written"], 1);
}

#[test]
fn lying_lengths_and_binary_labelled_html_are_counted_and_the_run_goes_on() {
    let dir = tempdir("lies");
    let good = record("response", 1, &response("text/html", PAGE));
    // Says 40 bytes more than its block holds: the reader runs into the next record's header.
    let mut long = record("response", 2, &response("text/html", PAGE));
    let says = format!("Content-Length: {}", response("text/html", PAGE).len());
    let lie = format!("Content-Length: {}", response("text/html", PAGE).len() + 40);
    long = String::from_utf8(long)
        .unwrap()
        .replace(&says, &lie)
        .into_bytes();
    // Says 60 bytes fewer: the rest of its block is junk before the next `WARC/` line.
    let mut short = record("response", 3, &response("text/html", PAGE));
    let lie = format!("Content-Length: {}", response("text/html", PAGE).len() - 60);
    short = String::from_utf8(short)
        .unwrap()
        .replace(&says, &lie)
        .into_bytes();
    // Bytes of an image served as text/html.
    let mut binary = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
    binary.extend((0..4000u32).map(|i| (i * 7919 % 251) as u8));
    let binary = record("response", 4, &binary);
    let last = record("response", 5, &response("text/html", PAGE));
    let mut data = Vec::new();
    for r in [&good, &long, &good, &short, &binary, &last] {
        data.extend_from_slice(r);
    }
    let warc = dir.join("lies.warc");
    std::fs::write(&warc, data).unwrap();
    let stats_file = dir.join("stats.json");
    let out = dir.join("out.jsonl");
    for threads in ["1", "2"] {
        let run = tamis(&[
            "extract",
            warc.to_str().unwrap(),
            "-j",
            threads,
            "-o",
            out.to_str().unwrap(),
            "--stats",
            stats_file.to_str().unwrap(),
        ]);
        assert!(run.status.code().is_some(), "{run:?}");
        let s = stats(&stats_file);
        assert_accounted(&s);
        // The long record is extracted with the next header's first bytes in its block, and the
        // record it overran, its header gone, is counted truncated; the short one is extracted
        // from what it holds and the junk after it counted truncated too; the binary page is
        // undecodable. The reader resyncs at the next `WARC/` line each time.
        assert_eq!(s["written"], 4, "{s}");
        assert_eq!(s["skipped"]["truncated"], 2, "{s}");
        assert_eq!(s["skipped"]["undecodable"], 1, "{s}");
        let text = std::fs::read_to_string(&out).unwrap();
        for url in [
            "site.example/1",
            "site.example/2",
            "site.example/3",
            "site.example/5",
        ] {
            assert!(text.contains(url), "{url} missing from {text}");
        }
    }
}

/// A directory holding crawl archives beside pages: the walk finds the WARC and WET files too, and
/// a directory with nothing to read is an error, not an empty success.
#[test]
fn directories_are_walked_for_archives_and_an_empty_one_is_an_error() {
    let dir = tempdir("walk");
    let crawl = dir.join("crawl");
    std::fs::create_dir_all(crawl.join("wet")).unwrap();
    let warc = [
        gz(&record("response", 1, &response("text/html", PAGE))),
        gz(&record("response", 2, &response("text/html", PAGE))),
    ]
    .concat();
    std::fs::write(crawl.join("part-0.warc.gz"), warc).unwrap();
    let text = "The harbour reopened on Monday after a week of repairs to the old stone quay.\n";
    let wet = gz(&record("conversion", 3, text.as_bytes()));
    std::fs::write(crawl.join("wet/part-0.warc.wet.gz"), wet).unwrap();
    std::fs::write(crawl.join("page.html"), PAGE).unwrap();
    std::fs::write(crawl.join("notes.md"), "not a page").unwrap();
    let run = tamis(&["extract", crawl.to_str().unwrap(), "--format", "jsonl"]);
    assert!(run.status.success());
    let ids: Vec<String> = String::from_utf8(run.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["warc_record_id"].as_str().unwrap_or("page").to_string()
        })
        .collect();
    assert_eq!(
        ids.len(),
        4,
        "two WARC records, one WET record, one page: {ids:?}"
    );
    assert!(ids.contains(&"<urn:uuid:00000003>".to_string()), "{ids:?}");

    let empty = dir.join("empty");
    std::fs::create_dir_all(empty.join("sub")).unwrap();
    std::fs::write(empty.join("sub/readme.md"), "nothing to extract").unwrap();
    let run = tamis(&["extract", empty.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(stderr.contains("no input found"), "{stderr}");
}

/// A directory entry the walk cannot follow (a dangling link) is reported as a failed input.
#[cfg(unix)]
#[test]
fn an_unreadable_directory_entry_is_reported() {
    let dir = tempdir("dangling");
    std::fs::write(dir.join("page.html"), PAGE).unwrap();
    std::os::unix::fs::symlink(dir.join("gone.html"), dir.join("link.html")).unwrap();
    let stats_file = dir.join("stats.json");
    let run = tamis(&[
        "extract",
        dir.to_str().unwrap(),
        "--format",
        "jsonl",
        "--stats",
        stats_file.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2), "an input failed");
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(stderr.contains("link.html"), "{stderr}");
    let s = stats(&stats_file);
    assert_eq!(s["read"], 2, "{s}");
    assert_accounted(&s);
}

#[test]
fn zstd_warcs_and_pages_are_read_in_a_directory_walk() {
    let dir = tempdir("zstd");
    let records = [
        record("response", 1, &response("text/html", PAGE)),
        record("response", 2, &response("text/html", PAGE)),
    ];
    // A frame per record, as zstd WARC writers do; no dictionary.
    let warc: Vec<u8> = records
        .iter()
        .flat_map(|r| zstd::stream::encode_all(&r[..], 3).unwrap())
        .collect();
    std::fs::write(dir.join("crawl.warc.zst"), warc).unwrap();
    let page = zstd::stream::encode_all(PAGE.as_bytes(), 3).unwrap();
    std::fs::write(dir.join("page.html.zst"), page).unwrap();
    let out = dir.join("out.jsonl");
    let run = tamis(&[
        "extract",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    for doc in &lines {
        assert!(
            doc["text"].as_str().unwrap().contains("harbour reopened"),
            "{doc}"
        );
    }
}
