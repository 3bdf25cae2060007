//! Plain text: paragraphs, headings and code apart by a blank line; list items and table rows on
//! lines of their own; the cells of a row joined by " | ".

use crate::blocks::Kind;
use crate::document::{Document, Section};

/// The document's text: its body, and with `with_comments` the comments after it.
pub fn document_text(doc: &Document, with_comments: bool) -> String {
    let mut text = plain_text(&doc.body);
    if with_comments && !doc.comments.is_empty() {
        text.push_str("\n\n");
        text.push_str(&plain_text(&doc.comments));
    }
    text
}

/// The sections as plain text.
pub fn plain_text(sections: &[Section]) -> String {
    let mut out = String::new();
    let mut prev: Option<&Section> = None;
    for s in sections {
        if let Some(p) = prev {
            out.push_str(separator(p, s));
        }
        out.push_str(&s.text);
        prev = Some(s);
    }
    out
}

fn separator(prev: &Section, next: &Section) -> &'static str {
    match (prev.kind, next.kind) {
        (_, Kind::Cell) if next.same_row => " | ",
        (Kind::Cell, Kind::Cell) | (Kind::ListItem, Kind::ListItem) => "\n",
        _ => "\n\n",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(kind: Kind, text: &str, same_row: bool) -> Section {
        Section {
            kind,
            text: text.into(),
            same_row,
        }
    }

    #[test]
    fn joins_sections() {
        let text = plain_text(&[
            s(Kind::Heading(2), "Title", false),
            s(Kind::Paragraph, "Para.", false),
            s(Kind::ListItem, "a", false),
            s(Kind::ListItem, "b", false),
            s(Kind::Cell, "x", false),
            s(Kind::Cell, "y", true),
            s(Kind::Cell, "z", false),
        ]);
        assert_eq!(text, "Title\n\nPara.\n\na\nb\n\nx | y\nz");
    }
}
