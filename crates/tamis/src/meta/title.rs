//! The page's own title, chosen among the names a page gives itself.
//!
//! A page names itself several times over: in its `<h1>`, `og:title`, the JSON-LD headline,
//! `twitter:title`, `<meta name=title>` and `<title>`, the declared ones often with the site's name,
//! a section or a tagline glued on ("Bridge opens | City | Example News"). Each of these names, and
//! each run of the parts that separators cut one into, is a candidate. A small tree model
//! (`data/title-model.json`, trained by `scripts/train_title_model.py`) scores every candidate from
//! where it was found, how the page's other names agree with it and what was cut off it; the best
//! scored candidate is the title.

use std::sync::OnceLock;

use super::{lowercase_words, Signals};
use crate::classify::model::Model;
use crate::classify::scoring;

/// Where a page names itself; the text of a candidate that several give is taken from the first.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Source {
    H1,
    OtherH1,
    OpenGraph,
    JsonLd,
    Twitter,
    MetaTitle,
    TitleTag,
}

/// How a candidate stands in the name it was cut from.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Cut {
    Whole,
    Lead,
    Tail,
    Middle,
}

/// What stands between the parts of a name: its own title, the site's name, a section, a tagline.
/// Longer separators first, so that " :: " is not read as ": ".
const SEPARATORS: &[&str] = &[
    " :: ", " | ", " - ", " – ", " — ", " · ", " » ", " / ", " ~ ", " • ", ": ",
];

/// The site's name as the title tag ends with it ("… | Microsoft Learn"), for pages that declare
/// none: the last part after a separator, when the chosen `title` left it out, short, and holding
/// no digit (a year or a date ends titles too). On the WCXB dev pages that do declare a site name,
/// this part names the same site on 88% of them, and digits were most of the rest.
pub fn site_from_title(title_tag: &str, title: Option<&str>) -> Option<String> {
    let (at, sep) = SEPARATORS
        .iter()
        .filter(|sep| **sep != ": ")
        .filter_map(|sep| title_tag.rfind(sep).map(|at| (at, *sep)))
        .max_by_key(|&(at, _)| at)?;
    let tail = title_tag[at + sep.len()..].trim();
    let fits = !tail.is_empty()
        && tail.len() <= 40
        && tail.split_whitespace().count() <= 5
        && !tail.chars().any(|c| c.is_ascii_digit())
        && !title.is_some_and(|t| t.to_lowercase().contains(&tail.to_lowercase()));
    fits.then(|| tail.to_string())
}

/// A name cut into more parts than this is a list of keywords: only the whole name is a candidate.
const MAX_PARTS: usize = 8;
/// Names longer than this (in bytes) are not titles; the bound keeps the work per page small.
const MAX_NAME_BYTES: usize = 400;
/// At most this many candidates are scored per page.
const MAX_CANDIDATES: usize = 96;

/// The features of a candidate, in the order the model reads them.
pub const NAMES: &[&str] = &[
    "h1_whole",
    "h1_lead",
    "h1_tail",
    "h1_middle",
    "other_h1_whole",
    "other_h1_lead",
    "other_h1_tail",
    "other_h1_middle",
    "og_whole",
    "og_lead",
    "og_tail",
    "og_middle",
    "jsonld_whole",
    "jsonld_lead",
    "jsonld_tail",
    "jsonld_middle",
    "twitter_whole",
    "twitter_lead",
    "twitter_tail",
    "twitter_middle",
    "meta_whole",
    "meta_lead",
    "meta_tail",
    "meta_middle",
    "title_tag_whole",
    "title_tag_lead",
    "title_tag_tail",
    "title_tag_middle",
    "h1_count",
    "has_og",
    "has_jsonld",
    "has_twitter",
    "has_meta",
    "has_title_tag",
    "chars",
    "words",
    "sources_whole",
    "sources_any",
    "fewest_dropped_parts",
    "fewest_dropped_words",
    "largest_kept_share",
    "dropped_site",
    "dropped_host",
    "is_site",
    "contains_site",
    "title_tag_word_share",
    "h1_word_share",
    "covers_h1",
    "upper_share",
    "ends_with_question",
    "starts_with_digit",
    "candidates",
    "framed_h1",
    "first_h1_framed",
    "is_subheading",
    "is_first_subheading",
    "og_word_share",
    "og_type",
    "first_h1_chars",
    "title_tag_chars",
];
const COUNT: usize = 60;
const _: () = assert!(NAMES.len() == COUNT);
const SOURCES: usize = 7;
const CUTS: usize = 4;

/// One title the page could have, and what the model reads of it.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub text: String,
    pub features: [f32; COUNT],
}

/// The page's title: the best scored candidate, or `None` when the page names itself nowhere.
pub fn choose(s: &Signals, sitename: Option<&str>, url: Option<&str>) -> Option<String> {
    let mut candidates = candidates(s, sitename, url);
    let Some(m) = model() else {
        return candidates.into_iter().next().map(|c| c.text);
    };
    let k = scoring::best(m, candidates.iter().map(|c| &c.features[..]), -1.0)?;
    let title = candidates.swap_remove(k).text;
    let head = without_site_tail(&title, sitename, url);
    Some(if head.len() < title.len() {
        head.to_string()
    } else {
        title
    })
}

/// `name` without a last part that is the site's name, declared or spelled by the address ("…
/// Exhibitions 2025 – Artlyst"): when a page glues its name onto its headline as well, every
/// source agrees on the glued form, and the model takes it.
pub fn without_site_tail<'a>(name: &'a str, sitename: Option<&str>, url: Option<&str>) -> &'a str {
    let parts = parts(name);
    let [.., (_, head_end), (tail_start, tail_end)] = parts[..] else {
        return name;
    };
    let tail = &name[tail_start..tail_end];
    let head = name[..head_end].trim();
    let is_site = || {
        sitename.and_then(SiteName::of).is_some_and(|s| s.is(tail)) || HostWords::of(url).is(tail)
    };
    if head.chars().any(char::is_alphanumeric) && is_site() {
        head
    } else {
        name
    }
}

/// The shipped title model, trained by `scripts/train_title_model.py`.
fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    scoring::load(&MODEL, include_str!("../../data/title-model.json"), NAMES)
}

/// A candidate while the page's names are being cut: the text and every place it came from.
struct Draft {
    text: String,
    key: String,
    /// `(source, cut)` pairs that gave this text.
    seen: [[bool; CUTS]; SOURCES],
    fewest_dropped_parts: usize,
    fewest_dropped_words: usize,
    largest_kept_share: f32,
    dropped_site: bool,
    dropped_host: bool,
}

/// Every title the page could have, with its features (see [`NAMES`]), in the order the page's names
/// were read: the first `<h1>` first, the `<title>` last.
pub fn candidates(s: &Signals, sitename: Option<&str>, url: Option<&str>) -> Vec<Candidate> {
    let names = names(s);
    let site = sitename.and_then(SiteName::of);
    let host = HostWords::of(url);
    let mut drafts: Vec<Draft> = Vec::new();
    for (source, name) in &names {
        let parts = parts(name);
        let n = if parts.len() > MAX_PARTS {
            1
        } else {
            parts.len()
        };
        for i in 0..n {
            for j in i..n {
                let (text, cut) = if n == 1 || (i == 0 && j == n - 1) {
                    (name.as_str(), Cut::Whole)
                } else {
                    let cut = match (i == 0, j == n - 1) {
                        (true, _) => Cut::Lead,
                        (_, true) => Cut::Tail,
                        _ => Cut::Middle,
                    };
                    (name[parts[i].0..parts[j].1].trim(), cut)
                };
                let k = key(text);
                if !k.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let dropped: Vec<&str> = parts[..i]
                    .iter()
                    .chain(&parts[j + 1..])
                    .filter(|_| n > 1)
                    .map(|&(a, b)| name[a..b].trim())
                    .collect();
                let at = match drafts.iter().position(|d| d.key == k) {
                    Some(at) => at,
                    None if drafts.len() < MAX_CANDIDATES => {
                        drafts.push(Draft {
                            text: text.to_string(),
                            key: k,
                            seen: [[false; CUTS]; SOURCES],
                            fewest_dropped_parts: usize::MAX,
                            fewest_dropped_words: usize::MAX,
                            largest_kept_share: 0.0,
                            dropped_site: false,
                            dropped_host: false,
                        });
                        drafts.len() - 1
                    }
                    None => continue,
                };
                let d = &mut drafts[at];
                d.seen[*source as usize][cut as usize] = true;
                d.fewest_dropped_parts = d.fewest_dropped_parts.min(dropped.len());
                let dropped_words = dropped.iter().map(|p| p.split_whitespace().count()).sum();
                d.fewest_dropped_words = d.fewest_dropped_words.min(dropped_words);
                d.largest_kept_share = d
                    .largest_kept_share
                    .max(text.len() as f32 / name.len().max(1) as f32);
                for p in &dropped {
                    d.dropped_site |= site.as_ref().is_some_and(|s| s.is(p));
                    d.dropped_host |= host.names(p);
                }
            }
        }
    }
    let has = |src: Source| names.iter().any(|(s, _)| *s == src) as u8 as f32;
    let title_words = s.title_tag.as_deref().map(lowercase_words);
    let first_h1 = names
        .iter()
        .find(|(src, _)| *src == Source::H1)
        .map(|(_, h)| (key(h), lowercase_words(h)));
    let og_words = s.meta(&["og:title"]).map(lowercase_words);
    let subheadings: Vec<String> = s.subheadings.iter().map(|h| key(h)).collect();
    let framed_h1s: Vec<String> =
        s.h1.iter()
            .zip(&s.h1_framed)
            .filter(|(_, &framed)| framed)
            .map(|(h, _)| key(h))
            .collect();
    // What kind of page OpenGraph says this is: none, an article, a product, a website, other.
    let og_type = s.meta(&["og:type"]).map_or(0.0, |t| {
        let t = t.trim().to_ascii_lowercase();
        if t.contains("article") {
            1.0
        } else if t.contains("product") {
            2.0
        } else if t == "website" {
            3.0
        } else {
            4.0
        }
    });
    let total = drafts.len() as f32;
    drafts
        .into_iter()
        .map(|d| {
            let mut f = [0f32; COUNT];
            for (src, cuts) in d.seen.iter().enumerate() {
                for (cut, &seen) in cuts.iter().enumerate() {
                    f[src * CUTS + cut] = seen as u8 as f32;
                }
            }
            let words = lowercase_words(&d.text);
            let letters: Vec<char> = d.text.chars().filter(|c| c.is_alphabetic()).collect();
            let share_in = |other: &[String]| {
                if words.is_empty() {
                    0.0
                } else {
                    words.iter().filter(|w| other.contains(w)).count() as f32 / words.len() as f32
                }
            };
            // Sized by the type, so that a feature added to one list and not the other fails to
            // compile.
            let rest: [f32; COUNT - SOURCES * CUTS] = [
                s.h1.len() as f32,
                has(Source::OpenGraph),
                has(Source::JsonLd),
                has(Source::Twitter),
                has(Source::MetaTitle),
                has(Source::TitleTag),
                d.text.chars().count() as f32,
                words.len() as f32,
                d.seen.iter().filter(|c| c[Cut::Whole as usize]).count() as f32,
                d.seen.iter().filter(|c| c.iter().any(|&x| x)).count() as f32,
                d.fewest_dropped_parts as f32,
                d.fewest_dropped_words as f32,
                d.largest_kept_share,
                d.dropped_site as u8 as f32,
                d.dropped_host as u8 as f32,
                (site.as_ref().is_some_and(|s| s.is(&d.text)) || host.is(&d.text)) as u8 as f32,
                site.as_ref().is_some_and(|s| s.within(&d.key)) as u8 as f32,
                title_words.as_deref().map_or(-1.0, share_in),
                first_h1.as_ref().map_or(-1.0, |(_, w)| share_in(w)),
                first_h1
                    .as_ref()
                    .is_some_and(|(k, _)| *k != d.key && d.key.contains(k.as_str()))
                    as u8 as f32,
                if letters.is_empty() {
                    0.0
                } else {
                    letters.iter().filter(|c| c.is_uppercase()).count() as f32
                        / letters.len() as f32
                },
                d.text.ends_with('?') as u8 as f32,
                d.text.starts_with(|c: char| c.is_ascii_digit()) as u8 as f32,
                total,
                framed_h1s.contains(&d.key) as u8 as f32,
                s.h1_framed.first().map_or(-1.0, |&f| f as u8 as f32),
                subheadings.contains(&d.key) as u8 as f32,
                (subheadings.first() == Some(&d.key)) as u8 as f32,
                og_words.as_deref().map_or(-1.0, share_in),
                og_type,
                first_h1
                    .as_ref()
                    .map_or(-1.0, |(k, _)| k.chars().count() as f32),
                s.title_tag
                    .as_deref()
                    .map_or(-1.0, |t| t.chars().count() as f32),
            ];
            f[SOURCES * CUTS..].copy_from_slice(&rest);
            Candidate {
                text: d.text,
                features: f,
            }
        })
        .collect()
}

/// The names the page gives itself, each with where it was found.
fn names(s: &Signals) -> Vec<(Source, String)> {
    let mut out: Vec<(Source, String)> = Vec::new();
    for (i, h) in s.h1.iter().enumerate() {
        out.push((if i == 0 { Source::H1 } else { Source::OtherH1 }, h.clone()));
    }
    let declared = [
        (Source::OpenGraph, s.meta(&["og:title"]).map(super::clean)),
        (Source::JsonLd, s.jsonld.headline.clone()),
        (
            Source::Twitter,
            s.meta(&["twitter:title"]).map(super::clean),
        ),
        (
            Source::MetaTitle,
            s.meta(&["dc.title", "title", "headline"]).map(super::clean),
        ),
        (Source::TitleTag, s.title_tag.clone()),
    ];
    out.extend(
        declared
            .into_iter()
            .filter_map(|(src, t)| t.map(|t| (src, without_emphasis(t)))),
    );
    out.retain(|(_, t)| !t.trim().is_empty() && t.len() <= MAX_NAME_BYTES);
    out
}

/// A declared title without the asterisks of Markdown emphasis: a site that writes its titles in
/// Markdown declares "*A Treatise on Coffee* (1792)" where its heading shows the words alone. A run
/// of one or two asterisks opens where a word starts and closes, as the same run, where a word
/// ends; "M*A*S*H" and a footnote's "Rates*" keep theirs. (A name too long to be a title is left
/// as it is: it is dropped, and looking for closing runs takes time quadratic in its length.)
fn without_emphasis(t: String) -> String {
    if !t.contains('*') || t.len() > MAX_NAME_BYTES {
        return t;
    }
    let b = t.as_bytes();
    let run = |i: usize| b[i..].iter().take(2).take_while(|&&c| c == b'*').count();
    let word_edge = |c: Option<&u8>| c.is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'*');
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let n = if b[i] == b'*' { run(i) } else { 0 };
        let opens = n > 0
            && word_edge(i.checked_sub(1).and_then(|j| b.get(j)))
            && b.get(i + n)
                .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'*');
        if !opens {
            i += 1;
            continue;
        }
        // The same run, closing after a word, before the end or a character that ends a word.
        let close = (i + n + 1..b.len()).find(|&j| {
            b[j - 1] != b'*'
                && !b[j - 1].is_ascii_whitespace()
                && run(j) == n
                && word_edge(b.get(j + n))
        });
        match close {
            Some(j) => {
                cut.push((i, n));
                cut.push((j, n));
                i = j + n;
            }
            None => i += n,
        }
    }
    if cut.is_empty() {
        return t;
    }
    let mut out = String::with_capacity(t.len());
    let mut from = 0;
    for (at, n) in cut {
        out.push_str(&t[from..at]);
        from = at + n;
    }
    out.push_str(&t[from..]);
    out
}

/// The byte ranges of a name's parts, between its separators.
fn parts(name: &str) -> Vec<(usize, usize)> {
    let bytes = name.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        match SEPARATORS
            .iter()
            .find(|sep| bytes[i..].starts_with(sep.as_bytes()))
        {
            // Separators begin with an ASCII byte, so `i` and `i + len` fall between characters.
            Some(sep) => {
                out.push((start, i));
                i += sep.len();
                start = i;
            }
            None => i += 1,
        }
    }
    out.push((start, bytes.len()));
    out
}

/// The form in which two names count as the same: lower case, white space folded.
pub fn key(t: &str) -> String {
    let mut key = String::with_capacity(t.len());
    for word in t.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        if word.is_ascii() {
            key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            // Word by word, as lower-casing depends on where a letter stands in its word (Σ).
            key.push_str(&word.to_lowercase());
        }
    }
    key
}

/// Letters and digits only, lower-cased: "Gym Provisions" and "gymprovisions" meet there.
fn squash(t: &str) -> String {
    t.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The site's name as the page declares it, in the two forms a title's parts are compared with.
struct SiteName {
    key: String,
    /// Letters and digits, without a trailing top-level domain: "WRAL.com" gives "wral".
    squashed: String,
}

impl SiteName {
    fn of(name: &str) -> Option<SiteName> {
        let key = key(name);
        let bare = match key.rsplit_once('.') {
            Some((head, tld))
                if !head.is_empty()
                    && (2..=4).contains(&tld.len())
                    && tld.chars().all(|c| c.is_ascii_alphabetic()) =>
            {
                head
            }
            _ => &key,
        };
        let squashed = squash(bare);
        (!squashed.is_empty()).then_some(SiteName { key, squashed })
    }

    /// Whether `text` is the site's name.
    fn is(&self, text: &str) -> bool {
        key(text) == self.key || squash(text) == self.squashed
    }

    /// Whether the site's name stands in `k` (a key).
    fn within(&self, k: &str) -> bool {
        k.contains(&self.key) || (self.squashed.len() >= 4 && squash(k).contains(&self.squashed))
    }
}

/// The words of a page's address that name its site: "news.example-press.co.uk" gives
/// "newsexamplepress" and its longest label, "examplepress".
struct HostWords {
    all: String,
    main: String,
}

impl HostWords {
    fn of(url: Option<&str>) -> HostWords {
        const GENERIC: &[&str] = &["www", "com", "co", "org", "net", "ac", "gov", "edu", "m"];
        let host = url.and_then(crate::crosspage::site_of_url).unwrap_or("");
        let labels: Vec<&str> = host.split('.').collect();
        let labels = &labels[..labels.len().saturating_sub(1)];
        let named: Vec<String> = labels
            .iter()
            .filter(|l| !GENERIC.contains(l))
            .map(|l| squash(l))
            .collect();
        let main = named
            .iter()
            .max_by_key(|l| l.len())
            .cloned()
            .unwrap_or_default();
        HostWords {
            all: named.concat(),
            main,
        }
    }

    /// Whether `part` is the site's name as its address spells it.
    fn names(&self, part: &str) -> bool {
        let p = squash(part);
        p.len() >= 3 && (self.all.contains(&p) || (self.main.len() >= 3 && p.contains(&self.main)))
    }

    /// Whether `text` is no more than the site's name.
    fn is(&self, text: &str) -> bool {
        let p = squash(text);
        p.len() >= 3 && self.all.contains(&p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_name_from_the_title_tags_end() {
        let site = |tag: &str, title: &str| site_from_title(tag, Some(title));
        assert_eq!(
            site(
                "Develop Functions locally | Microsoft Learn",
                "Develop Functions locally"
            )
            .as_deref(),
            Some("Microsoft Learn")
        );
        // The title kept it, it dates the page, or there is no separator: no site name.
        assert_eq!(
            site(
                "Apps Compared - Personally Tested",
                "Apps Compared - Personally Tested"
            ),
            None
        );
        assert_eq!(site("Best Movers | Updated 2025", "Best Movers"), None);
        assert_eq!(site("Best Movers", "Best Movers"), None);
        assert_eq!(site("Why: a question", "Why"), None);
    }

    #[test]
    fn markdown_emphasis_leaves_a_declared_title() {
        let plain = |t: &str| without_emphasis(t.to_string());
        assert_eq!(
            plain("*A Treatise Concerning Coffee* (1792)"),
            "A Treatise Concerning Coffee (1792)"
        );
        assert_eq!(
            plain("The **new** bridge, *at last*."),
            "The new bridge, at last."
        );
        assert_eq!(plain("M*A*S*H returns"), "M*A*S*H returns");
        assert_eq!(
            plain("Rates from 2.9%* *on approval"),
            "Rates from 2.9%* *on approval"
        );
        assert_eq!(plain("5 * 3 = 15"), "5 * 3 = 15");
        assert_eq!(plain("*Unclosed title"), "*Unclosed title");
        assert_eq!(plain("Ünïcode *wörds* stay"), "Ünïcode wörds stay");
    }

    #[test]
    fn a_site_name_glued_to_the_end_goes() {
        let cut = |name: &str, site: Option<&str>, url: Option<&str>| {
            without_site_tail(name, site, url).to_string()
        };
        let name = "Best UK Art Exhibitions 2025 – Artlyst";
        assert_eq!(
            cut(name, Some("Artlyst"), None),
            "Best UK Art Exhibitions 2025"
        );
        // Declared as its address, or spelled by the page's.
        assert_eq!(
            cut("Rental News | WRAL", Some("WRAL.com"), None),
            "Rental News"
        );
        assert_eq!(
            cut(
                "Rental News | WRAL",
                None,
                Some("https://www.wral.com/news")
            ),
            "Rental News"
        );
        // A last part that is not the site's, or a name that is only the site's, stays.
        assert_eq!(
            cut("Gym Workouts — Strength Training", Some("Gold's Gym"), None),
            "Gym Workouts — Strength Training"
        );
        assert_eq!(cut("Artlyst", Some("Artlyst"), None), "Artlyst");
        assert_eq!(cut("– Artlyst", Some("Artlyst"), None), "– Artlyst");
    }

    #[test]
    fn names_are_cut_at_their_separators() {
        let name = "Bridge opens | City :: Example News";
        let cut: Vec<&str> = parts(name).iter().map(|&(a, b)| &name[a..b]).collect();
        assert_eq!(cut, ["Bridge opens", "City", "Example News"]);
        assert_eq!(parts("Tutorial: Sweep").len(), 2);
        assert_eq!(parts("No separator here").len(), 1);
    }

    #[test]
    fn every_run_of_parts_is_a_candidate_once() {
        let s = Signals {
            title_tag: Some("Bridge opens | City | Example News".into()),
            h1: vec!["Bridge opens".into()],
            ..Signals::default()
        };
        let c = candidates(
            &s,
            Some("Example News"),
            Some("https://www.examplenews.com/a"),
        );
        let texts: Vec<&str> = c.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Bridge opens",
                "Bridge opens | City",
                "Bridge opens | City | Example News",
                "City",
                "City | Example News",
                "Example News"
            ]
        );
        let f = |text: &str, name: &str| {
            let at = NAMES.iter().position(|n| *n == name).unwrap();
            c.iter().find(|c| c.text == text).unwrap().features[at]
        };
        assert_eq!(f("Bridge opens", "h1_whole"), 1.0);
        assert_eq!(f("Bridge opens", "title_tag_lead"), 1.0);
        assert_eq!(f("Bridge opens", "sources_any"), 2.0);
        assert_eq!(f("Bridge opens | City", "dropped_site"), 1.0);
        assert_eq!(f("Bridge opens | City", "dropped_host"), 1.0);
        assert_eq!(f("City", "title_tag_middle"), 1.0);
        assert_eq!(f("Example News", "is_site"), 1.0);
    }

    #[test]
    fn a_site_name_spelled_as_its_address_is_the_site() {
        let site = SiteName::of("WRAL.com").unwrap();
        assert!(site.is("WRAL") && site.is("wral.com"));
        assert!(!site.is("Vehicle rental"));
        assert!(SiteName::of("Example News")
            .unwrap()
            .within("bridge opens | example news"));
    }

    #[test]
    fn the_address_names_the_site() {
        let h = HostWords::of(Some("https://news.example-press.co.uk/x"));
        assert!(h.names("Example Press"));
        assert!(h.is("Example-Press"));
        assert!(!h.names("Bridge opens"));
        assert!(!HostWords::of(None).names("Example"));
    }
}
