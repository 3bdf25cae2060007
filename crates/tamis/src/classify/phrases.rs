//! Recognises boilerplate phrases, related-article openers and byline openers in any listed language.

use memchr::memmem::Finder;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

use crate::blocks::is_dense_script;
use crate::lexicon::{
    lines, BOILER_PHRASES, BYLINE_PREFIXES, BYLINE_ROLES, COMMENT_MARKERS, DATE_LABELS,
    RELATED_PREFIXES, RELATIVE_TIME, SHARE_BAR_WORDS, UPDATE_LABELS,
};

struct Phrases {
    /// The first word of every phrase and opener: a line whose first word is not here matches none.
    first_words: WordSet,
    whole: FxHashSet<String>,
    /// Phrases of three words or more, which also match as the start of a short line.
    openers: Vec<String>,
    related: Vec<String>,
    byline: Vec<String>,
    /// The first word of every byline label, and the longest label's length in bytes.
    byline_first_words: WordSet,
    byline_longest: usize,
    roles: Vec<String>,
    date_labels: Vec<String>,
    update_labels: Vec<Needle>,
    /// The words that follow a count of comments ("comments", "réponses").
    comment_counts: Vec<String>,
    /// The endings of comment headers ("says:", "a écrit :").
    comment_headers: Vec<String>,
    /// The networks share and follow buttons name, and the words beside them on such a row.
    share_networks: FxHashSet<String>,
    share_words: FxHashSet<String>,
    /// The words that make a count a time before now ("ago", "il y a").
    relative_time: Vec<Needle>,
}

/// A word or phrase looked for inside lines, with its searcher built once.
struct Needle {
    len: usize,
    finder: Finder<'static>,
    /// Written in a script without spaces: it matches inside words too.
    dense: bool,
}

impl Needle {
    fn new(text: &str) -> Needle {
        Needle {
            len: text.len(),
            finder: Finder::new(text).into_owned(),
            dense: text.chars().next().is_some_and(is_dense_script),
        }
    }

    /// Where the needle stands in `haystack`, from left to right, matches not overlapping (as
    /// `str::match_indices` finds them: at character boundaries, since both are UTF-8).
    fn find_in<'h>(&'h self, haystack: &'h str) -> impl Iterator<Item = usize> + 'h {
        self.finder.find_iter(haystack.as_bytes())
    }
}

fn phrases() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| {
        let whole: FxHashSet<String> = lines(BOILER_PHRASES).map(normalize).collect();
        let mut openers: Vec<String> = whole
            .iter()
            .filter(|p| p.split(' ').count() >= 3)
            .cloned()
            .collect();
        openers.sort();
        let related: Vec<String> = lines(RELATED_PREFIXES).map(normalize).collect();
        let byline: Vec<String> = lines(BYLINE_PREFIXES).map(normalize).collect();
        let first_words = WordSet::new(
            whole
                .iter()
                .chain(&related)
                .filter_map(|p| p.split(' ').next())
                .map(str::to_string)
                .collect(),
        );
        Phrases {
            first_words,
            whole,
            openers,
            related,
            byline_first_words: WordSet::new(
                byline
                    .iter()
                    .filter_map(|p| p.split(' ').next().map(str::to_string))
                    .collect(),
            ),
            byline_longest: byline.iter().map(String::len).max().unwrap_or(0),
            byline,
            roles: lines(BYLINE_ROLES).map(normalize).collect(),
            date_labels: lines(DATE_LABELS).map(str::to_lowercase).collect(),
            update_labels: lines(UPDATE_LABELS)
                .map(|l| Needle::new(&l.to_lowercase()))
                .collect(),
            comment_counts: lines(COMMENT_MARKERS)
                .filter_map(|l| l.strip_prefix("N "))
                .map(str::to_lowercase)
                .collect(),
            comment_headers: lines(COMMENT_MARKERS)
                .filter_map(|l| l.strip_prefix("… "))
                .map(str::to_lowercase)
                .collect(),
            share_networks: lines(SHARE_BAR_WORDS)
                .filter(|l| !l.starts_with('~'))
                .map(str::to_lowercase)
                .collect(),
            share_words: lines(SHARE_BAR_WORDS)
                .filter_map(|l| l.strip_prefix("~ "))
                .map(str::to_lowercase)
                .collect(),
            relative_time: lines(RELATIVE_TIME)
                .map(|l| Needle::new(&l.to_lowercase()))
                .collect(),
        }
    })
}

/// Lower-cases, folds white space and trims punctuation, dashes and bullets from both ends.
pub fn normalize(line: &str) -> String {
    let trimmed = line.trim_matches(|c: char| !c.is_alphanumeric());
    let mut out = String::with_capacity(trimmed.len());
    let mut space = false;
    if trimmed.is_ascii() {
        // Most lines: a byte at a time, as the loop below would do it a character at a time.
        for &b in trimmed.as_bytes() {
            if matches!(b, b'\t'..=b'\r' | b' ') {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(b.to_ascii_lowercase() as char);
        }
        return out;
    }
    for c in trimmed.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// Whether the line's first word starts some phrase: a cheap test before normalising the line.
fn first_word_known(line: &str) -> bool {
    let start = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = start
        .find(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .unwrap_or(start.len());
    let word = &start[..end];
    if word.is_empty() {
        return false;
    }
    phrases().first_words.contains_lower_cased(word)
}

/// A set of lower-case words, with a [`WordFilter`] that refuses most others before the set is
/// asked.
struct WordSet {
    words: FxHashSet<String>,
    filter: WordFilter,
}

impl WordSet {
    fn new(words: FxHashSet<String>) -> WordSet {
        let mut filter = WordFilter::default();
        words.iter().for_each(|w| filter.insert(w));
        WordSet { words, filter }
    }

    /// Whether the set holds `word` once lower-cased.
    fn contains_lower_cased(&self, word: &str) -> bool {
        // Lower-casing keeps an ASCII word's length, and the filter reads its ends case-blind.
        if word.is_ascii() && !self.filter.may_hold(word) {
            return false;
        }
        if word.chars().all(|c| !c.is_uppercase()) {
            return self.words.contains(word);
        }
        with_lower_case(word, |w| self.words.contains(w))
    }
}

/// A quick refusal of most words that are not among a few (a Bloom filter of one hash, on a
/// word's length and its first and last bytes, ASCII letters read in lower case): a word it
/// refuses is not among them; one it lets through may be.
#[derive(Default)]
pub(crate) struct WordFilter([u64; 16]);

impl WordFilter {
    fn bit(word: &str) -> usize {
        let b = word.as_bytes();
        let first = b.first().map_or(0, u8::to_ascii_lowercase) as usize;
        let last = b.last().map_or(0, u8::to_ascii_lowercase) as usize;
        (first * 131 + last * 31 + b.len()) & 1023
    }

    pub(crate) fn insert(&mut self, word: &str) {
        let bit = Self::bit(word);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    pub(crate) fn may_hold(&self, word: &str) -> bool {
        let bit = Self::bit(word);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// `word` lower-cased as `str::to_lowercase` does it, borrowed when that changes nothing (most
/// words of a page's text are already in lower case).
pub fn lower_cased(word: &str) -> std::borrow::Cow<'_, str> {
    let unchanged = if word.is_ascii() {
        !word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        word.chars().all(|c| {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        })
    };
    if unchanged {
        word.into()
    } else {
        word.to_lowercase().into()
    }
}

/// `f` of `word` lower-cased: on the stack when the word is short and ASCII, as most are.
pub fn with_lower_case<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(w) = std::str::from_utf8(lower) {
            return f(w);
        }
    }
    f(&word.to_lowercase())
}

/// Longest line, in bytes, that a phrase opener may start.
const SHORT_LINE: usize = 160;

/// True when the line is page furniture: "Share", "- Advertisement -", "Leave a comment", ….
pub fn is_boilerplate_phrase(line: &str) -> bool {
    line.len() <= SHORT_LINE * 2 && first_word_known(line) && is_phrase(&normalize(line))
}

/// Whether a normalised line is a furniture phrase, whole or by its opening words.
fn is_phrase(norm: &str) -> bool {
    if norm.is_empty() {
        return false;
    }
    let p = phrases();
    if p.whole.contains(norm) {
        return true;
    }
    norm.len() <= SHORT_LINE && p.openers.iter().any(|o| norm.starts_with(o.as_str()))
}

/// What a line's wording says it is, with its first word looked up and the line normalised once:
/// furniture ([`is_boilerplate_phrase`] or [`is_leftover`]), and a related-article insert
/// ([`is_related_insert`]).
pub fn wording(line: &str) -> (bool, bool) {
    if line.len() > SHORT_LINE * 2 || !first_word_known(line) {
        return (is_leftover(line), false);
    }
    let norm = normalize(line);
    let related = line.len() <= RELATED_LINE && is_related(line, &norm);
    (is_phrase(&norm) || is_leftover(line), related)
}

/// Media file endings: a line that ends with one is an image's name or caption file left behind.
const MEDIA_ENDINGS: &[&str] = &[
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif", ".tiff", ".mp4",
    ".webm",
];

/// True when the line is what a flattening step leaves of markup rather than text: a media file's
/// name ("plos-one-zebra-cow.jpg", "Chart of sales.png") or a slug standing alone
/// ("milano-design-week-cover", "US-POLITICS-IMPEACHMENT"), as image alt texts and ids often are,
/// or one text written twice ([`is_doubled`]).
pub fn is_leftover(line: &str) -> bool {
    let line = line.trim();
    if is_doubled(line) {
        return true;
    }
    if line.len() < 5 || line.len() > 200 {
        return false;
    }
    let bytes = line.as_bytes();
    // Compared as bytes: the endings are ASCII, and a line may end inside a multi-byte character.
    // Every ending's dot stands in the line's last six bytes.
    if bytes[bytes.len().saturating_sub(6)..].contains(&b'.')
        && MEDIA_ENDINGS.iter().any(|e| {
            bytes.len() >= e.len()
                && bytes[bytes.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
        })
    {
        return true;
    }
    // A slug: letters, digits and separators only (prose fails at its first space), four
    // separators or more, and a letter.
    bytes
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && bytes.iter().filter(|&&b| b == b'-' || b == b'_').count() >= 4
        && bytes.iter().any(|b| b.is_ascii_alphabetic())
}

/// One text written twice, glued or a space apart: "Business focus: a camera lensBusiness focus: a
/// camera lens", as an image's alt text flattened next to its caption, or a link's title next to
/// its text. Over the text pages of WCXB dev and ScrapingHub, 2,912 lines have this shape and 78
/// of them are content.
fn is_doubled(line: &str) -> bool {
    let n = line.len();
    if !(10..=1000).contains(&n) {
        return false;
    }
    let half = n / 2;
    let (first, second) = if n.is_multiple_of(2) {
        (&line.as_bytes()[..half], &line.as_bytes()[half..])
    } else if line.as_bytes()[half] == b' ' {
        (&line.as_bytes()[..half], &line.as_bytes()[half + 1..])
    } else {
        return false;
    };
    // Equal halves of valid UTF-8 both start at a character boundary, so `half` is one.
    first == second && line[..half].chars().any(char::is_alphabetic)
}

/// True when the line opens a related-article insert: "LIRE AUSSI  Another story", "Read also: …".
pub fn is_related_insert(line: &str) -> bool {
    line.len() <= RELATED_LINE && first_word_known(line) && is_related(line, &normalize(line))
}

/// Longest line, in bytes, that may be a related-article insert.
const RELATED_LINE: usize = 300;

/// [`is_related_insert`] for a line whose first word is known, and its normalised form.
fn is_related(line: &str, norm: &str) -> bool {
    phrases().related.iter().any(|prefix| {
        if !norm.starts_with(prefix.as_str()) {
            return false;
        }
        let words = prefix.split(' ').count();
        let rest = after_words(line, words);
        let opener = &line[..line.len() - rest.len()];
        rest.is_empty()
            || rest.starts_with([':', '-', '|', '»', '>', '–', '—'])
            || !opener.chars().any(char::is_lowercase)
            || !line.trim_end().ends_with(['.', '!', '?'])
    })
}

/// What follows the first `n` words of `line`, trimmed of white space.
fn after_words(line: &str, n: usize) -> &str {
    let mut rest = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    for _ in 0..n {
        rest = rest.trim_start();
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word_end = rest[..end]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric())
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(end);
        rest = &rest[word_end..];
    }
    rest.trim_start()
}

/// Whether `text` is a byline label and nothing else ("Written by", "Author:", "АВТОР"), in any case.
pub fn is_byline_label(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').trim_end();
    let p = phrases();
    // Lower-casing shrinks a text to a third of its bytes at most: longer ones are no label.
    if t.is_empty() || t.len() > 3 * p.byline_longest {
        return false;
    }
    if t.is_ascii() {
        p.byline.iter().any(|label| t.eq_ignore_ascii_case(label))
    } else {
        let lower = t.to_lowercase();
        p.byline.contains(&lower)
    }
}

/// What follows a byline label ("By", "Written by:", "AUTEUR", any case) at the start of `line`,
/// when it has one. Offsets come from `line` itself: lower-casing may change byte lengths.
pub fn strip_byline_label(line: &str) -> Option<&str> {
    // Most lines' first word opens no label: looked up before any label is compared.
    let first = &line[..line.find([' ', ':']).unwrap_or(line.len())];
    if !phrases().byline_first_words.contains_lower_cased(first) {
        return None;
    }
    phrases().byline.iter().find_map(|p| {
        let head = line.get(..p.len())?;
        let rest = &line[p.len()..];
        if !rest.starts_with([' ', ':']) {
            return None;
        }
        // Most labels are ASCII: compared without allocating.
        let same = if p.is_ascii() {
            head.eq_ignore_ascii_case(p)
        } else {
            head.to_lowercase() == *p
        };
        same.then(|| rest.trim_start_matches([' ', ':']).trim())
    })
}

/// Whether `word` ends a job title in a byline ("Reporter", "Writer"; data/byline-roles.txt).
pub fn is_byline_role(word: &str) -> bool {
    phrases()
        .roles
        .iter()
        .any(|r| r.eq_ignore_ascii_case(word.trim_end_matches(['.', ','])))
}

/// Whether `word` is a label that stands before a date in a byline ("Updated", "on", "le").
pub fn is_date_label(word: &str) -> bool {
    let word = word.trim_end_matches(':');
    phrases()
        .date_labels
        .iter()
        .any(|l| l.chars().eq(word.chars().flat_map(char::to_lowercase)))
}

/// Whether `line` says that the date it shows is a later change ("Last updated: …", "edited …").
/// A label counts where a word starts: after a non-letter, or as a capital glued to the word
/// before ("AnalystUpdated Sep 17"), but not inside a word ("credited"); anywhere in scripts written
/// without spaces ("…日更新").
pub fn mentions_update(line: &str) -> bool {
    let lower = line.to_lowercase();
    // Where lower-casing kept every byte in place, the original tells a glued capital.
    let same_offsets = lower.len() == line.len();
    phrases().update_labels.iter().any(|label| {
        label.find_in(&lower).any(|at| {
            let before = lower[..at].chars().next_back();
            label.dense
                || !before.is_some_and(char::is_alphanumeric)
                || (same_offsets
                    && line.is_char_boundary(at)
                    && line[at..].starts_with(char::is_uppercase)
                    && line[..at]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_lowercase))
        })
    })
}

/// Whether `line` is a row of share or follow buttons flattened to text: at least two different
/// networks ("Facebook X LinkedIn Email", "Whatsapp Facebook Pint Baixar"), and besides them only
/// the words such a row holds ("Share", "Follow us", "Copy link"), one word in five excepted
/// (data/share-bar-words.txt).
pub fn is_share_bar(line: &str) -> bool {
    /// Rows longer than this are sentences that name networks.
    const MOST_WORDS: usize = 16;
    if line.len() > 200 {
        return false;
    }
    let p = phrases();
    let (mut words, mut other) = (0usize, 0usize);
    // The first network named, and whether another one follows.
    let (mut first, mut two): (Option<&str>, bool) = (None, false);
    for w in line
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if words > MOST_WORDS {
            return false;
        }
        let (network, is_other) = with_lower_case(w, |lower| {
            let network = p.share_networks.get(lower).map(String::as_str);
            (network, network.is_none() && !p.share_words.contains(lower))
        });
        if let Some(network) = network {
            match first {
                None => first = Some(network),
                Some(f) => two |= f != network,
            }
        }
        other += is_other as usize;
        // A row has at most MOST_WORDS words, so more other words than a fifth of that settle it
        // (prose gets here within a few words).
        if other * 5 > MOST_WORDS {
            return false;
        }
    }
    two && other * 5 <= words
}

/// Whether `line` shows a time before now, as comment headers do: a number and a word of
/// data/relative-time.txt ("2 days ago at 07:52 am", "il y a 3 heures"), the word standing alone
/// (anywhere, in scripts written without spaces).
pub fn is_relative_time(line: &str) -> bool {
    if line.len() > 80 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let lower = line.to_lowercase();
    phrases().relative_time.iter().any(|word| {
        word.find_in(&lower).any(|at| {
            word.dense
                || (!lower[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                    && !lower[at + word.len..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric))
        })
    })
}

/// Whether `line` opens or heads a page's comments: a count of them or a commenter's header
/// ([`is_comment_count`], [`is_comment_header`]).
pub fn is_comment_marker(line: &str) -> bool {
    is_comment_count(line) || is_comment_header(line)
}

/// Whether `line` counts a page's comments: "34 comments", "[ 167 comments ]", "6 thoughts on
/// “A title”" (data/comment-markers.txt).
pub fn is_comment_count(line: &str) -> bool {
    let line = line.trim().trim_start_matches(['[', '(']).trim_start();
    if !line.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    // A longer line that opens with a number is a sentence ("3 responses were received …"),
    // unless a quoted title follows the count.
    let mut words = line.split_whitespace();
    if words.clone().nth(4).is_some() && !line.contains(['“', '«', '"', '„']) {
        return false;
    }
    let _count = words.next();
    words.next().is_some_and(|word| {
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        phrases().comment_counts.contains(&word)
    })
}

/// Whether `line` is a short commenter's header: "joetoronto says:", "Alex on September 17, 2018
/// at 6:34 am said:", "Marie a écrit :" (data/comment-markers.txt).
pub fn is_comment_header(line: &str) -> bool {
    let line = line.trim();
    if !line.ends_with(':') || line.split_whitespace().nth(12).is_some() {
        return false;
    }
    let lower = line.to_lowercase();
    phrases()
        .comment_headers
        .iter()
        .any(|end| lower.ends_with(end.as_str()) && lower.len() > end.len())
}

/// The name a byline line gives ("By Jane Doe" gives "Jane Doe"), if the line is one.
pub fn byline_name(line: &str) -> Option<&str> {
    let trimmed = line.trim();
    if trimmed.len() > 120 {
        return None;
    }
    strip_byline_label(trimmed).filter(|name| looks_like_name(name))
}

/// Two to five words, each starting with an upper-case letter (particles allowed), no sentence end.
pub fn looks_like_name(s: &str) -> bool {
    // Cheap refusals first: most lines are long.
    if s.len() > 60 || s.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    let particles = [
        "de", "van", "von", "der", "da", "di", "du", "la", "le", "el", "al", "bin", "ibn", "y",
    ];
    // One pass over the words: the first that is neither a capitalised name nor a particle, or a
    // sixth word, settles it.
    let (mut words, mut capitalised) = (0, false);
    for w in s.split_whitespace() {
        words += 1;
        if words > 5 {
            return false;
        }
        let upper = w.chars().next().is_some_and(char::is_uppercase);
        let name = upper
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        // The particles are ASCII: compared without lower-casing the word.
        if !name && !particles.iter().any(|p| w.eq_ignore_ascii_case(p)) {
            return false;
        }
        capitalised |= upper;
    }
    words >= 2 && capitalised
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_lower_cases_folds_spaces_and_trims_punctuation() {
        assert_eq!(
            normalize("  - Share\tthis \x0b ARTICLE! -"),
            "share this article"
        );
        assert_eq!(normalize("« LIRE  AUSSI »"), "lire aussi");
        assert_eq!(normalize("ÉCRIT\u{a0}PAR :"), "écrit par");
        assert_eq!(normalize("—"), "");
    }

    #[test]
    fn lower_casing_borrows_what_it_does_not_change() {
        use std::borrow::Cow;
        for (word, lower, borrowed) in [
            ("straße", "straße", true),
            ("école", "école", true),
            ("ÉCOLE", "école", false),
            ("ǅemal", "ǆemal", false), // a title-case letter is not upper case, and still changes
            ("ΟΔΟΣ", "οδος", false),
            ("News", "news", false),
        ] {
            let got = lower_cased(word);
            assert_eq!(got, word.to_lowercase(), "{word}");
            assert_eq!(got, lower);
            assert_eq!(matches!(got, Cow::Borrowed(_)), borrowed, "{word}");
        }
    }

    #[test]
    fn a_byline_label_alone_is_recognised_in_any_case() {
        for label in ["Written by", "Author:", "  BY  ", "АВТОР", "Auteur :"] {
            assert!(is_byline_label(label), "{label}");
        }
        for line in ["By Jane Doe", "", ":", "Authors of the world"] {
            assert!(!is_byline_label(line), "{line}");
        }
    }

    #[test]
    fn markup_leftovers() {
        assert!(is_leftover("plos-one-zebra-cow.jpg"));
        assert!(is_leftover("Media and Democrats agree- The witnesses.png"));
        assert!(is_leftover("AP_19115488620320.JPG"));
        assert!(is_leftover(
            "milano-design-week-flow-of-time-grand-seiko-cover"
        ));
        assert!(is_leftover("US-ENTERTAINMENT-CINEMA-DISNEY-D23"));
        assert!(is_leftover(
            "Business focus: a camera lensBusiness focus: a camera lens"
        ));
        assert!(is_leftover(
            "Apple's 16-inch MacBook Pro Apple's 16-inch MacBook Pro"
        ));
        assert!(!is_leftover("__________"));
        assert!(!is_leftover(
            "Quatre-vingt-dix-neuf ans, quatre-vingt-dix-neuf."
        ));
        assert!(is_leftover("東京の図書館東京の図書館"));
        assert!(!is_leftover("東京の新しい図書館です"));
        assert!(!is_leftover(
            "A well-known, long-standing, hard-won result."
        ));
        assert!(!is_leftover("state-of-the-art"));
        assert!(!is_leftover("2024-01-15"));
        assert!(!is_leftover("--------"));
        // Endings are compared as bytes: a line ending inside a multi-byte character is fine.
        assert!(!is_leftover("That’s."));
        assert!(!is_leftover("’s. ’t."));
    }

    #[test]
    fn update_labels_start_a_word() {
        assert!(mentions_update("Last updated: Dec 4, 2025"));
        assert!(mentions_update("edited Aug 1, 2014 at 19:57"));
        assert!(mentions_update("Mis à jour le 3 mars 2025"));
        assert!(mentions_update("2025年3月1日更新"));
        assert!(mentions_update(
            "Sean Peek, Senior AnalystUpdated Sep 17, 2025"
        ));
        assert!(!mentions_update("Photo credited to Jane Doe · May 3, 2025"));
    }

    #[test]
    fn comment_markers() {
        for marker in [
            "34 Comments",
            "[ 167 comments ]",
            "6 thoughts on “Top 10 apps”",
            "12 réponses",
            "joetoronto says:",
            "Alex on September 17, 2018 at 6:34 am said:",
            "Marie a écrit :",
        ] {
            assert!(is_comment_marker(marker), "{marker}");
        }
        for line in [
            "3 responses were received by the committee before the vote on Monday.",
            "said:",
            "Comments are welcome.",
            "2 cups of flour",
        ] {
            assert!(!is_comment_marker(line), "{line}");
        }
        // A quote's lead-in reads like a header: this is evidence for the classifier, not a verdict.
        let minister = "The minister said:";
        assert!(is_comment_marker(minister));
    }

    #[test]
    fn phrases_in_several_languages() {
        assert!(is_boilerplate_phrase("- Advertisement -"));
        assert!(is_boilerplate_phrase("Partager"));
        assert!(is_boilerplate_phrase(
            "Your email address will not be published."
        ));
        assert!(is_boilerplate_phrase("Required fields are marked *"));
        assert!(is_boilerplate_phrase("Поделиться"));
        assert!(is_boilerplate_phrase("Kommentar schreiben"));
        assert!(!is_boilerplate_phrase(
            "Share prices fell sharply on Monday after the announcement."
        ));
    }

    #[test]
    fn related_inserts() {
        assert!(is_related_insert(
            "LIRE AUSSI  Ancien ambassadeur de France à Alger : «On a davantage»"
        ));
        assert!(is_related_insert("Read also: Ten things to know"));
        assert!(!is_related_insert(
            "Related studies have shown that sleep matters a great deal."
        ));
    }

    #[test]
    fn bylines_and_names() {
        assert_eq!(byline_name("By Jane Doe"), Some("Jane Doe"));
        assert_eq!(
            byline_name("Par Jean de la Fontaine"),
            Some("Jean de la Fontaine")
        );
        assert_eq!(byline_name("By the way, this is not a byline."), None);
        assert!(looks_like_name("Abdellah El Hattach"));
        assert!(!looks_like_name("Laisser un commentaire"));
    }

    #[test]
    fn share_bars_are_rows_of_networks() {
        assert!(is_share_bar("Facebook X LinkedIn Email"));
        assert!(is_share_bar("Whatsapp   Facebook   Pint   Baixar"));
        assert!(is_share_bar("Share   |   Facebook  •  Twitter"));
        assert!(is_share_bar("Partager sur Facebook Partager sur WhatsApp"));
        // Code, a puzzle and a sentence that names networks are not.
        assert!(!is_share_bar("print(x)"));
        assert!(!is_share_bar("..X...X.."));
        assert!(!is_share_bar(
            "We posted the video on Facebook and Twitter last week."
        ));
        assert!(!is_share_bar("Facebook"));
    }

    #[test]
    fn relative_times_in_several_languages() {
        assert!(is_relative_time("2 days ago at 07:52 am"));
        assert!(is_relative_time("il y a 3 heures"));
        assert!(is_relative_time("vor 5 Minuten"));
        assert!(is_relative_time("3日前"));
        // "ago" inside a word, or no number.
        assert!(!is_relative_time("Chicago 2025"));
        assert!(!is_relative_time("a long time ago"));
    }
}
