//! The `Block`: the unit both input kinds are cut into and the classifier decides on.
//!
//! HTML pages and flattened text meet here: a block is a paragraph, heading, list item, table cell,
//! code block or line, with its text and the features the classifier reads.

use crate::html::dom::{NodeId, NONE};

/// What a block is, structurally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "level")]
pub enum Kind {
    Paragraph,
    /// A heading with its level, 1 to 6.
    Heading(u8),
    ListItem,
    Code,
    Quote,
    /// A table cell; cells of one row share [`Block::row`].
    Cell,
}

/// What the classifier decided a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Label {
    #[default]
    Boilerplate,
    Content,
    Comment,
    /// The page's title, moved to the metadata.
    Title,
    /// A byline or a dateline, moved to the metadata.
    Byline,
}

/// Hints inherited from the elements around a block (HTML) or from its wording (text).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hints(pub u16);

impl Hints {
    /// Under an element whose tag, class or id says navigation, sidebar, footer, share, ad, ….
    pub const BOILER: u16 = 1;
    /// Under an element whose class or id says comments.
    pub const COMMENT: u16 = 2;
    /// Under an element whose tag, role, itemprop, class or id says main content.
    pub const CONTENT: u16 = 4;
    /// Inside a link.
    pub const LINK: u16 = 8;
    /// Under a form.
    pub const FORM: u16 = 16;
    /// Under a `<header>` or page-level heading area.
    pub const HEADER: u16 = 64;
    /// Under an element whose class or id names a cookie or consent prompt: furniture, whatever
    /// the classifier reads in its text.
    pub const CONSENT: u16 = 128;

    #[inline]
    pub fn has(self, flag: u16) -> bool {
        self.0 & flag != 0
    }
}

/// One block of a page.
#[derive(Debug, Clone)]
pub struct Block {
    pub text: String,
    pub kind: Kind,
    pub label: Label,
    pub hints: Hints,
    /// Characters of text, white space not counted.
    pub chars: u32,
    /// Characters of text inside links.
    pub link_chars: u32,
    /// The block-level element the text sits in (HTML), or NONE (text).
    pub node: NodeId,
    /// The table row of a cell, or NONE.
    pub row: NodeId,
    /// The nearest element above that carries the BOILER hint, or NONE.
    pub boiler_at: NodeId,
    /// The nearest element above that carries the COMMENT hint, or NONE.
    pub comment_at: NodeId,
    /// The nearest element above that carries the CONTENT hint, or NONE.
    pub content_at: NodeId,
    /// Words, sentence ends, commas, … of `text`, counted once.
    pub stats: TextStats,
    /// The text is a known furniture phrase ("Share", "Leave a comment", …) or a markup leftover
    /// (an image's file name), checked once.
    pub phrase: bool,
    /// The text opens a related-article insert ("Read also: …"), checked once.
    pub related: bool,
    /// Text: a blank line (or the page's start) stands above the line. Converters write a blank
    /// line between block elements and none between a block's lines (menu items, `<br>`), so the
    /// lines from one blank to the next are one paragraph of the page. Always false in HTML.
    pub opens_paragraph: bool,
    /// Text: the line is a table's row as converters flatten one, its cells separated by tabs.
    /// Always false in HTML, where each cell is a block of its own (see `row`).
    pub table_row: bool,
}

impl Block {
    pub fn new(text: String, kind: Kind) -> Block {
        let stats = TextStats::of(&text);
        let chars = stats.non_space.max(1);
        let (phrase, related) = crate::classify::phrases::wording(&text);
        Block {
            stats,
            phrase,
            related,
            text,
            kind,
            label: Label::Boilerplate,
            hints: Hints::default(),
            chars,
            link_chars: 0,
            node: NONE,
            row: NONE,
            boiler_at: NONE,
            comment_at: NONE,
            content_at: NONE,
            opens_paragraph: false,
            table_row: false,
        }
    }

    /// Share of the text that sits inside links.
    #[inline]
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }

    /// Whether the text ends as a sentence does (or as a line that introduces what follows).
    pub fn ends_sentence(&self) -> bool {
        self.text
            .trim_end()
            .ends_with(['.', '!', '?', '。', '！', '？', ':', '"', '”'])
    }
}

/// Word-level statistics of a piece of text, computed in one pass.
#[derive(Debug, Default, Clone, Copy)]
pub struct TextStats {
    pub words: u32,
    /// Characters of scripts written without spaces (CJK, Thai): each counts as part of a word.
    pub dense_chars: u32,
    /// Sentence ends: . ! ? and their CJK forms.
    pub stops: u32,
    pub commas: u32,
    pub digits: u32,
    pub uppercase_initial_words: u32,
    /// Characters that are not white space.
    pub non_space: u32,
    /// Alphabetic characters, and the upper-case ones among them.
    pub letters: u32,
    pub capitals: u32,
}

impl TextStats {
    pub fn of(text: &str) -> TextStats {
        let mut s = TextStats::default();
        let mut in_word = false;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                // Most text is ASCII: its classes are read from a table, a byte at a time.
                i += 1;
                let class = ASCII_CLASS[b as usize];
                if class & ALNUM != 0 {
                    if !in_word {
                        s.words += 1;
                        s.uppercase_initial_words += (class & UPPER != 0) as u32;
                        in_word = true;
                    }
                    // The rest of the run of ASCII letters and digits, in a tight loop.
                    let mut digits = (class & DIGIT != 0) as u32;
                    let mut capitals = (class & UPPER != 0) as u32;
                    let run_start = i - 1;
                    while let Some(&next) = bytes.get(i) {
                        let class = ASCII_CLASS[(next & 0x7f) as usize];
                        if next >= 0x80 || class & ALNUM == 0 {
                            break;
                        }
                        digits += (class & DIGIT != 0) as u32;
                        capitals += (class & UPPER != 0) as u32;
                        i += 1;
                    }
                    let run = (i - run_start) as u32;
                    s.digits += digits;
                    s.letters += run - digits;
                    s.capitals += capitals;
                    s.non_space += run;
                } else if class & SPACE != 0 {
                    in_word = false;
                } else {
                    s.non_space += 1;
                    in_word &= class & JOINS != 0;
                    s.stops += (class & STOP != 0) as u32;
                    s.commas += (class & COMMA != 0) as u32;
                }
                continue;
            }
            // A byte of 0x80 or more starts a character of two bytes or more (`text` is a str).
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            if c.is_whitespace() {
                in_word = false;
                continue;
            }
            s.non_space += 1;
            if c.is_alphabetic() {
                s.letters += 1;
                s.capitals += c.is_uppercase() as u32;
            }
            if c.is_alphanumeric() {
                if is_dense_script(c) {
                    s.dense_chars += 1;
                    in_word = false;
                    continue;
                }
                if !in_word {
                    s.words += 1;
                    if c.is_uppercase() {
                        s.uppercase_initial_words += 1;
                    }
                    in_word = true;
                }
            } else {
                in_word = c == '’' && in_word;
                match c {
                    '。' | '！' | '？' | '؟' | '।' => s.stops += 1,
                    '，' | '、' | '،' => s.commas += 1,
                    _ => {}
                }
            }
        }
        s
    }

    /// A length in "words" that treats CJK characters fairly (about two characters a word).
    pub fn word_equivalents(&self) -> u32 {
        self.words + self.dense_chars / 2
    }
}

/// [`TextStats::of`]'s classes of the ASCII bytes.
const ALNUM: u8 = 1;
const DIGIT: u8 = 2;
const UPPER: u8 = 4;
/// White space (vertical tab included).
const SPACE: u8 = 8;
/// Sentence ends: . ! ?
const STOP: u8 = 16;
/// , and ;
const COMMA: u8 = 32;
/// ' and -, which keep a word going ("don't", "well-known").
const JOINS: u8 = 64;

const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            ALNUM | DIGIT
        } else if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM
        } else if c.is_ascii_whitespace() || c == 0x0b {
            SPACE
        } else {
            match c {
                b'.' | b'!' | b'?' => STOP,
                b',' | b';' => COMMA,
                b'\'' | b'-' => JOINS,
                _ => 0,
            }
        };
        b += 1;
    }
    t
};

/// Scripts written without spaces between words.
#[inline]
pub fn is_dense_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0x0E00..=0x0E7F // Thai
        | 0xF900..=0xFAFF)
}

/// The text of the blocks labelled content, in order: what tests of a labelling look at.
#[cfg(test)]
pub(crate) fn content_texts(blocks: &[Block]) -> Vec<&str> {
    blocks
        .iter()
        .filter(|b| b.label == Label::Content)
        .map(|b| b.text.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_count_words_stops_and_cjk() {
        let s = TextStats::of("Hello, world. It's fine!");
        assert_eq!(s.words, 4);
        assert_eq!(s.stops, 2);
        assert_eq!(s.commas, 1);
        let c = TextStats::of("日本語のテキストです。");
        assert_eq!(c.words, 0);
        assert_eq!(c.dense_chars, 10);
        assert_eq!(c.word_equivalents(), 5);
    }

    #[test]
    fn stats_count_letters_digits_and_capitals_inside_words() {
        // Runs of ASCII letters and digits, a word joined by a hyphen, a non-ASCII letter inside a
        // word, and a non-breaking space between words.
        let s = TextStats::of("iPhone15 well-known Café\u{a0}ÉTÉ 42");
        assert_eq!(s.words, 5);
        assert_eq!(s.uppercase_initial_words, 2);
        assert_eq!(s.digits, 4);
        assert_eq!(s.letters, 6 + 9 + 4 + 3);
        assert_eq!(s.capitals, 1 + 1 + 3);
        assert_eq!(s.non_space, 8 + 10 + 4 + 3 + 2);
    }
}
