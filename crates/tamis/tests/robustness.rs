//! Hostile and broken input: every case gives a document or a clear error, quickly, without panicking.

use tamis::{extract, Error, InputMode, Options};

fn opts() -> Options {
    Options::default()
}

#[test]
fn empty_and_blank_input_is_an_error() {
    assert!(matches!(extract(b"", &opts()), Err(Error::Empty)));
    assert!(matches!(extract(b" \n\t ", &opts()), Err(Error::Empty)));
}

#[test]
fn binary_junk_is_an_error() {
    let mut x: u32 = 12345;
    let junk: Vec<u8> = (0..100_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    assert!(matches!(extract(&junk, &opts()), Err(Error::Binary)));
}

#[test]
fn invalid_utf8_still_gives_text() {
    let page = b"<html><body><p>Caf\xe9 cr\xe8me and \xff\xfe broken bytes in a sentence that is long enough to keep.</p></body></html>";
    let doc = extract(page, &opts()).expect("a document");
    assert!(tamis::render::plain_text(&doc.body).contains("broken bytes"));
}

#[test]
fn deeply_nested_markup_is_cut_short_and_says_so() {
    let mut page = "<p>An opening paragraph, long enough to count as the content of this page.</p>"
        .to_string();
    page.push_str(&"<div>".repeat(50_000));
    page.push_str("<p>Deep inside fifty thousand elements.</p>");
    page.push_str(&"</div>".repeat(50_000));
    let doc = extract(page.as_bytes(), &opts()).expect("a document");
    assert!(doc.truncated);
    assert!(tamis::render::plain_text(&doc.body).contains("An opening paragraph"));
}

#[test]
fn nesting_within_the_limit_is_kept_whole() {
    let mut page = "<div>".repeat(1_000);
    page.push_str("<p>Deep inside a thousand elements, this sentence is still found and kept.</p>");
    page.push_str(&"</div>".repeat(1_000));
    let doc = extract(page.as_bytes(), &opts()).expect("a document");
    assert!(!doc.truncated);
    assert!(tamis::render::plain_text(&doc.body).contains("a thousand elements"));
}

#[test]
fn a_page_over_the_limit_is_refused_without_parsing() {
    let big = vec![b'a'; 100 * 1024 * 1024];
    assert!(matches!(
        extract(&big, &opts()),
        Err(Error::TooLarge { .. })
    ));
}

#[test]
fn a_large_page_under_the_limit_is_extracted() {
    let para = "<p>This paragraph repeats to make a large page, with commas, clauses, and full stops.</p>\n";
    let page = format!(
        "<html><body><article>{}</article></body></html>",
        para.repeat(60_000)
    );
    assert!(page.len() > 5_000_000);
    let doc = extract(page.as_bytes(), &opts()).expect("a document");
    assert!(doc.body.len() > 1000);
}

#[test]
fn truncated_gzip_is_an_error() {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(
        "<html><body><p>Hello there, this is a page.</p></body></html>"
            .repeat(100)
            .as_bytes(),
    )
    .unwrap();
    let bytes = gz.finish().unwrap();
    let cut = &bytes[..bytes.len() / 2];
    assert!(matches!(extract(cut, &opts()), Err(Error::Decompress(_))));
}

#[test]
fn text_mode_on_markup_and_html_mode_on_text_do_not_fail() {
    let text = "Just a line of text.\n\nAnother line, with a comma.";
    extract(
        text.as_bytes(),
        &Options {
            input: InputMode::Html,
            ..opts()
        },
    )
    .expect("html mode on text");
    extract(
        b"<p>markup</p>",
        &Options {
            input: InputMode::Text,
            ..opts()
        },
    )
    .expect("text mode on markup");
}
