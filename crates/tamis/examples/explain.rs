//! Prints every block of a page with its label, the model's probability and the hints: how tamis
//! saw the page.
//!
//!     cargo run --release --example explain -- PAGE.html[.gz]

use html5ever::local_name;
use tamis::blocks::Label;
use tamis::html::{dom::Dom, segment::segment};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: explain PAGE");
        std::process::exit(1);
    };
    let bytes = std::fs::read(&path).expect("readable file");
    let (text, _) =
        tamis::input::prepare(&bytes, tamis::InputMode::Html, None, usize::MAX).expect("a page");
    let dom = Dom::parse(&text);
    let mut blocks = segment(&dom).blocks;
    let container = tamis::classify::html::main_container(&dom, &blocks);
    let declares_article = tamis::meta::signals(&dom).declares_article();
    let probabilities = tamis::classify::html::probabilities(&dom, &blocks).unwrap_or_default();
    tamis::classify::html::classify(&dom, &mut blocks, declares_article);
    if container == tamis::html::dom::NONE {
        println!("no blocks");
        return;
    }
    let c = dom.node(container);
    println!(
        "container: <{}> class={:?} id={:?}",
        c.tag(),
        c.attr(&local_name!("class")),
        c.attr(&local_name!("id"))
    );
    for (i, b) in blocks.iter().enumerate() {
        let mark = match b.label {
            Label::Content => "+",
            Label::Comment => "c",
            Label::Title => "T",
            Label::Byline => "b",
            Label::Boilerplate => "-",
        };
        let tag = dom.node(b.node).tag();
        let text: String = b.text.chars().take(90).collect();
        let p = probabilities.get(i).copied().unwrap_or(f32::NAN);
        println!(
            "{mark} {:>5} p={p:.2} ld={:.2} h={:02x} <{tag}> {}",
            b.chars,
            b.link_density(),
            b.hints.0,
            text.replace('\n', " ")
        );
    }
}
