//! Prints how tamis saw a page: every block of an HTML page with its label, the model's probability
//! and the hints; every line of a flattened-text page with its label and the line model's
//! probability. The input kind is sniffed as `tamis extract` does.
//!
//!     cargo run --release --example explain -- PAGE.html[.gz]|PAGE.txt

use std::io::{self, Write};

use html5ever::local_name;
use tamis::blocks::Label;
use tamis::classify::text;
use tamis::html::{dom::Dom, segment::segment};
use tamis::InputKind;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: explain PAGE");
        std::process::exit(1);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    let (page, kind) = tamis::input::prepare(&bytes, tamis::InputMode::Auto, None, usize::MAX)
        .unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    let out = &mut io::stdout().lock();
    let written = match kind {
        InputKind::Html => explain_html(&page, out),
        InputKind::Text => explain_text(&page, out),
    };
    // A reader that stops early (`| head`) closes the pipe: that ends the listing, quietly.
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => fail(&e.to_string()),
        _ => {}
    }
}

fn fail(message: &str) -> ! {
    eprintln!("explain: {message}");
    std::process::exit(1);
}

/// The mark a label is shown with.
fn mark(label: Label) -> &'static str {
    match label {
        Label::Content => "+",
        Label::Comment => "c",
        Label::Title => "T",
        Label::Byline => "b",
        Label::Boilerplate => "-",
    }
}

fn explain_html(page: &str, out: &mut impl Write) -> io::Result<()> {
    let dom = Dom::parse(page);
    let mut blocks = segment(&dom).blocks;
    let container = tamis::classify::html::main_container(&dom, &blocks);
    let declares_article = tamis::meta::signals(&dom).declares_article();
    let probabilities = tamis::classify::html::probabilities(&dom, &blocks).unwrap_or_default();
    tamis::classify::html::classify(&dom, &mut blocks, declares_article);
    if container == tamis::html::dom::NONE {
        return writeln!(out, "no blocks");
    }
    let c = dom.node(container);
    writeln!(
        out,
        "container: <{}> class={:?} id={:?}",
        c.tag(),
        c.attr(&local_name!("class")),
        c.attr(&local_name!("id"))
    )?;
    for (i, b) in blocks.iter().enumerate() {
        let tag = dom.node(b.node).tag();
        let text: String = b.text.chars().take(90).collect();
        let p = probabilities.get(i).copied().unwrap_or(f32::NAN);
        writeln!(
            out,
            "{} {:>5} p={p:.2} ld={:.2} h={:02x} <{tag}> {}",
            mark(b.label),
            b.chars,
            b.link_density(),
            b.hints.0,
            text.replace('\n', " ")
        )?;
    }
    Ok(())
}

fn explain_text(page: &str, out: &mut impl Write) -> io::Result<()> {
    let mut blocks = tamis::text::segment(page);
    let probabilities = text::probabilities(&blocks).unwrap_or_default();
    text::classify(&mut blocks);
    for (i, b) in blocks.iter().enumerate() {
        let p = probabilities.get(i).copied().unwrap_or(f32::NAN);
        let line: String = b.text.chars().take(100).collect();
        writeln!(
            out,
            "{} {i:>4} {:>5} p={p:.2} {line}",
            mark(b.label),
            b.chars
        )?;
    }
    Ok(())
}
