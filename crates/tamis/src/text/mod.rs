//! Cuts flattened text into [`Block`]s: one per non-empty line, with list markers recognised.

use std::borrow::Cow;

use crate::blocks::{Block, Kind};
use crate::input::references;

/// One block per non-empty line, in order, each knowing whether a blank line stands above it.
pub fn segment(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut after_blank = true;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        if !line.chars().any(char::is_alphanumeric) {
            continue;
        }
        let line = decode_references(line);
        let line = line.as_ref();
        let (kind, body) = match list_marker(line) {
            Some(rest) => (Kind::ListItem, rest),
            None => (Kind::Paragraph, line),
        };
        let mut block = Block::new(collapse(body), kind);
        block.opens_paragraph = after_blank;
        block.table_row =
            body.contains('\t') && body.split('\t').filter(|c| !c.trim().is_empty()).count() >= 2;
        after_blank = false;
        blocks.push(block);
    }
    blocks
}

/// The text after a bullet ("- ", "• ", …), if the line starts with one. Numbered lines keep their
/// number, which is part of the text.
fn list_marker(line: &str) -> Option<&str> {
    ["- ", "* ", "• ", "· ", "– ", "◦ ", "▪ "]
        .iter()
        .find_map(|bullet| line.strip_prefix(bullet))
        .map(str::trim_start)
}

/// `line` with the character references it still carries decoded ([`references::decode`]): text
/// that holds them was escaped twice on its way to being flattened. A line holding `<` or `>` keeps
/// them: it is markup or code shown as text, where `&lt;` is meant literally.
fn decode_references(line: &str) -> Cow<'_, str> {
    if memchr::memchr2(b'<', b'>', line.as_bytes()).is_some() {
        return line.into();
    }
    references::decode(line)
}

/// Folds runs of white space into one space.
fn collapse(s: &str) -> String {
    // Most lines hold single spaces only.
    let mut prev_space = false;
    if s.chars().all(|c| {
        let single = c == ' ' && !prev_space;
        let ok = !c.is_whitespace() || single;
        prev_space = c == ' ';
        ok
    }) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_references_left_in_text_are_decoded() {
        let b = segment(
            "Rock &amp; Roll, she&#039;s &ldquo;here&rdquo;&#x21;\nAT&T &amp c&#99999999; &bogus;\nUse &lt;b&gt; for <b>bold</b>.",
        );
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Rock & Roll, she's “here”!",
                // Incomplete or unknown references stay as written.
                "AT&T &amp c&#99999999; &bogus;",
                // Markup shown as text keeps its references.
                "Use &lt;b&gt; for <b>bold</b>.",
            ]
        );
    }

    #[test]
    fn lines_become_blocks() {
        let b = segment("Title\n\n  A  paragraph here.\n- item one\n12. item two\n---\n");
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Title", "A paragraph here.", "item one", "12. item two"]
        );
        assert_eq!(b[2].kind, Kind::ListItem);
        assert_eq!(b[3].kind, Kind::Paragraph);
    }

    #[test]
    fn blank_lines_open_paragraphs() {
        // A menu written a line an item, then two paragraphs; a line of dashes is no blank line.
        let b = segment("Home\nNews\nSport\n\nFirst paragraph.\n---\nStill the first.\n \nSecond.");
        let opens: Vec<_> = b.iter().map(|b| b.opens_paragraph).collect();
        assert_eq!(opens, [true, false, false, true, false, true]);
    }
}
