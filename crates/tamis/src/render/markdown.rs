//! Markdown: `#` headings, `-` lists, fenced code, `>` quotes and pipe tables.

use crate::blocks::Kind;
use crate::document::Document;

/// The document as Markdown, its title as the top heading.
pub fn markdown(doc: &Document, with_comments: bool) -> String {
    let mut out = String::new();
    if let Some(t) = &doc.meta.title {
        out.push_str("# ");
        out.push_str(t);
        out.push_str("\n\n");
    }
    sections(&mut out, &doc.body);
    if with_comments && !doc.comments.is_empty() {
        out.push_str("\n\n## Comments\n\n");
        sections(&mut out, &doc.comments);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn sections(out: &mut String, sections: &[crate::document::Section]) {
    let mut i = 0;
    while i < sections.len() {
        let s = &sections[i];
        match s.kind {
            Kind::Heading(level) => {
                // The title is the top heading, so the page's own headings go one level down.
                out.push_str(&"#".repeat((level as usize + 1).min(6)));
                out.push(' ');
                out.push_str(&s.text);
                out.push_str("\n\n");
            }
            Kind::Paragraph => {
                out.push_str(&s.text);
                out.push_str("\n\n");
            }
            Kind::ListItem => {
                while i < sections.len() && sections[i].kind == Kind::ListItem {
                    out.push_str("- ");
                    out.push_str(&sections[i].text.replace('\n', " "));
                    out.push('\n');
                    i += 1;
                }
                out.push('\n');
                continue;
            }
            Kind::Code => {
                out.push_str("```\n");
                out.push_str(&s.text);
                out.push_str("\n```\n\n");
            }
            Kind::Quote => {
                for line in s.text.lines() {
                    out.push_str("> ");
                    out.push_str(line);
                    out.push('\n');
                }
                out.push('\n');
            }
            Kind::Cell => {
                let mut first_row = true;
                while i < sections.len() && sections[i].kind == Kind::Cell {
                    let start = i;
                    i += 1;
                    while i < sections.len()
                        && sections[i].kind == Kind::Cell
                        && sections[i].same_row
                    {
                        i += 1;
                    }
                    out.push('|');
                    for c in &sections[start..i] {
                        out.push(' ');
                        out.push_str(&c.text.replace('|', "\\|").replace('\n', " "));
                        out.push_str(" |");
                    }
                    out.push('\n');
                    if first_row {
                        out.push('|');
                        out.push_str(&"---|".repeat(i - start));
                        out.push('\n');
                        first_row = false;
                    }
                }
                out.push('\n');
                continue;
            }
        }
        i += 1;
    }
}
