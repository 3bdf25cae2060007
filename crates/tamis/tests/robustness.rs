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
fn many_streamed_segments_are_placed_in_one_pass() {
    // Every segment finds its placeholder by key, and segments that name a missing placeholder,
    // or a placeholder inside themselves, stay where they are: no quadratic search, no cycle.
    let mut page = String::from("<html><body><article>");
    for i in 0..20_000 {
        page.push_str(&format!("<template id=\"B:{i}\"></template>"));
    }
    page.push_str("</article>");
    for i in 0..20_000 {
        page.push_str(&format!(
            "<div hidden id=\"S:{i}\"><p>Paragraph {i}, streamed after the shell, with words.</p></div>"
        ));
    }
    page.push_str("<div hidden id=\"S:x\"><template id=\"B:x\"></template><p>Self.</p></div>");
    // Placement is the parser's: every segment stands in the article, in order. (Which of 20,000
    // identical paragraphs the classifier keeps is another matter.)
    let dom = tamis::html::dom::Dom::parse(&page);
    let article = (0..dom.nodes.len() as u32)
        .find(|&id| {
            let n = dom.node(id);
            n.is_element() && &**n.tag() == "article"
        })
        .expect("the article");
    let text = dom.text_of(article);
    assert!(text.starts_with("Paragraph 0, streamed"), "{}", &text[..80]);
    assert!(text.ends_with("Paragraph 19999, streamed after the shell, with words."));
    assert!(extract(page.as_bytes(), &opts()).is_ok());
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

/// Lines made of pieces that the metadata and phrase rules cut and compare (labels, dates, file
/// endings, separators) mixed with multi-byte characters: no rule may slice inside a character or
/// otherwise panic, in text mode or in any HTML slot the metadata reads.
#[test]
fn rules_survive_random_lines_of_mixed_scripts() {
    const PIECES: &[&str] = &[
        "By",
        "by",
        "Posted",
        "byJane",
        "Updated",
        "on",
        "Text",
        "Jane",
        "Doe",
        "İİ",
        "ı",
        "’s.",
        "é",
        "ß",
        "年",
        "月",
        "日",
        "2025",
        "12",
        "3/4/2025",
        "04-Aug-2021",
        "Dec.",
        "June",
        "Sat,",
        ".jpg",
        ".PNG",
        "-",
        "–",
        "—",
        "_",
        "|",
        "»",
        "(",
        ")",
        ":",
        "*",
        ",",
        ".",
        "🔗",
        "¶",
        "\u{200b}",
        "1591",
        "silver",
        "badges",
        "Writer",
        "Senior",
        "a.b.c.d",
        "x-y-z-w-v",
        "Read",
        "also:",
        " ",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for page in 0..300 {
        let mut lines = Vec::new();
        for _ in 0..(3 + next() % 12) {
            let n = 1 + next() % 9;
            let mut line = String::new();
            for _ in 0..n {
                line.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
                if next() % 3 > 0 {
                    line.push(' ');
                }
            }
            lines.push(line);
        }
        let text = lines.join("\n");
        let _ = tamis::extract(
            text.as_bytes(),
            &Options {
                input: InputMode::Text,
                ..opts()
            },
        );
        let html = format!(
            "<html><head><title>{0}</title><meta name=author content=\"{1}\">\
             <meta property=article:published_time content=\"{2}\"></head><body><h1>{0}</h1>\
             <p class=byline>{1}</p><time datetime=\"{2}\">{2}</time>{3}</body></html>",
            lines[0],
            lines[1 % lines.len()],
            lines[2 % lines.len()],
            lines
                .iter()
                .map(|l| format!("<p>{l}</p>"))
                .collect::<String>()
        );
        let result = tamis::extract(
            html.as_bytes(),
            &Options {
                input: InputMode::Html,
                ..opts()
            },
        );
        assert!(result.is_ok(), "page {page}: {result:?}");
    }
}
