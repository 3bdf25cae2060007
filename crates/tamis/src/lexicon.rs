//! Word lists the decisions read: class and id tokens, and boilerplate phrases in many languages.
//!
//! They live here, in one place, so that tuning them never means hunting literals through the code.
//! The phrase lists are data files under `data/`, one phrase a line.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::blocks::Hints;

/// Class or id tokens that mark navigation, sidebars, sharing, ads and other page furniture.
/// A token matches when it equals an entry, or starts with an entry that ends with `*`.
pub const BOILER_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert*",
    "adsense",
    "adslot",
    "adunit",
    "advertisement",
    "sponsor*",
    "promo*",
    "banner",
    "breadcrumb*",
    "crumbs",
    "nav",
    "navbar",
    "navigation",
    "navlinks",
    "menu*",
    "submenu",
    "sidebar*",
    // Forum posts' user panels (XenForo, phpBB, vBulletin): the poster's title, join date, location.
    "message-user*",
    "postprofile",
    "userinfo",
    "user-details",
    "widget*",
    "footer*",
    "foot",
    "masthead",
    "topbar",
    "toolbar",
    "share*",
    "sharing",
    "social*",
    "sociallinks",
    "follow",
    "related*",
    "recommend*",
    "popular",
    "trending",
    "newsletter*",
    "subscribe*",
    "subscription",
    "signup",
    "pagination",
    "pager",
    "paging",
    "tagcloud",
    "skip",
    "print",
    "modal",
    "popup",
    "overlay",
    "lightbox",
    "login",
    "signin",
    "disclaimer",
    "copyright",
    "outbrain",
    "taboola",
    "teaser*",
    "more-stories",
    "jump",
    "offcanvas",
    "drawer",
    "hidden",
    "sr",
    "visually",
    "screen-reader*",
    "cta",
    "rail",
    "dropdown",
    "mega",
    "site-header",
    "byline",
    "dateline",
    "author-bio",
    "authorbox",
    "bio",
    "rating*",
    "vote*",
    "postmeta",
    "entry-meta",
    "post-meta",
    "meta",
    "tags",
    "tag-list",
    "categories",
    "toc",
    "table-of-contents",
    "feedback",
    "survey",
    "newsletter",
    "donate",
    "paywall",
    // A listing's or a shop's filters and facets ("Brand", "Price range", "Lens mount"): what narrows
    // the items, not the items.
    "facet*",
    "filter*",
];

/// Class or id tokens that mark a cookie or consent prompt: furniture as the tokens above
/// (`Hints::BOILER`), and furniture however much text the prompt holds (`Hints::CONSENT`: a
/// consent manager's vendor list can outweigh a short page).
pub const CONSENT_TOKENS: &[&str] = &["cookie*", "consent", "gdpr"];

/// What a heading's class starts with, in one of its parts, when the heading names a section of
/// links to other pages ("relatedpoststitle", "related-content__heading"): `classify::html` drops
/// the section under it.
pub const RELATED_HEADING_CLASS: &str = "related";

/// Class or id tokens that mark comment sections.
pub const COMMENT_TOKENS: &[&str] = &[
    "comment*",
    "disqus*",
    "respond",
    "replies",
    "reply",
    "discussion",
    "talk",
    "reactions",
];

/// Class or id tokens that mark main content.
pub const CONTENT_TOKENS: &[&str] = &[
    "article*",
    "content*",
    "entry*",
    "post",
    "post-body",
    "postbody",
    "post-content",
    "main*",
    "story*",
    "body",
    "text",
    "blog*",
    "prose",
    "markdown",
    "rich-text",
    "richtext",
    "td-post-content",
    "page-content",
    "documentation",
    "docs",
    "description",
    "product-description",
    "thread",
    "topic",
    "forum",
];

/// Whole class names that mark a post's or article's body beyond doubt; they override furniture
/// hints inherited from page-builder wrappers.
pub const STRONG_CONTENT_CLASSES: &[&str] = &[
    "entry-content",
    "post-content",
    "article-content",
    "article-body",
    "articlebody",
    "post-body",
    "postbody",
    "story-body",
    "storycontent",
    "main-content",
    "maincontent",
    "page-content",
    "td-post-content",
    "single-content",
    "content-body",
    "blog-content",
    "post-entry",
    "the-content",
    "entry-body",
    "article__body",
    "article-text",
    "rich-text",
    "post__content",
    "article__content",
    "entry__content",
    "blog-post-content",
    "post-text",
    "articletext",
    "story-content",
];

/// The three token lists compiled for lookup: exact tokens in a hash map, prefixes by their first
/// four bytes (every prefix has at least four).
pub struct ClassMatcher {
    exact: FxHashMap<&'static str, u16>,
    prefixes: FxHashMap<[u8; 4], Vec<(&'static str, u16)>>,
}

impl ClassMatcher {
    /// The hint a lower-case class token gives: comment beats furniture beats content; a consent
    /// prompt's token gives furniture and says so (no token names both a comment and a prompt).
    pub fn hint(&self, token: &str) -> u16 {
        let mut h = self.exact.get(token).copied().unwrap_or(0);
        if let Some(head) = token.as_bytes().first_chunk::<4>() {
            for (prefix, flag) in self.prefixes.get(head).into_iter().flatten() {
                if token.starts_with(prefix) {
                    h |= flag;
                }
            }
        }
        if h & Hints::COMMENT != 0 {
            Hints::COMMENT
        } else if h & Hints::BOILER != 0 {
            h & (Hints::BOILER | Hints::CONSENT)
        } else {
            h
        }
    }
}

/// The class-token matcher, built once.
pub fn class_matcher() -> &'static ClassMatcher {
    static M: OnceLock<ClassMatcher> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = ClassMatcher {
            exact: FxHashMap::default(),
            prefixes: FxHashMap::default(),
        };
        for (list, flag) in [
            (COMMENT_TOKENS, Hints::COMMENT),
            (BOILER_TOKENS, Hints::BOILER),
            (CONSENT_TOKENS, Hints::BOILER | Hints::CONSENT),
            (CONTENT_TOKENS, Hints::CONTENT),
        ] {
            for entry in list {
                match entry.strip_suffix('*') {
                    // Every prefix has four bytes or more (a test holds it); a shorter one would
                    // never match and is left out.
                    Some(prefix) => {
                        if let Some(head) = prefix.as_bytes().first_chunk::<4>() {
                            m.prefixes.entry(*head).or_default().push((prefix, flag));
                        }
                    }
                    None => *m.exact.entry(entry).or_insert(0) |= flag,
                }
            }
        }
        m
    })
}

/// Boilerplate phrases: whole short lines that are page furniture (share, read also, comment forms,
/// cookie prompts, ad labels, newsletter prompts, pagination), in many languages.
pub const BOILER_PHRASES: &str = include_str!("../data/boilerplate-phrases.txt");

/// Prefixes that open a related-article insert ("Read also: …").
pub const RELATED_PREFIXES: &str = include_str!("../data/related-prefixes.txt");

/// Prefixes that introduce a byline ("By …").
pub const BYLINE_PREFIXES: &str = include_str!("../data/byline-prefixes.txt");

/// The last words of job titles that follow a name in a byline ("… Senior Reporter").
pub const BYLINE_ROLES: &str = include_str!("../data/byline-roles.txt");

/// Words that stand right before a date in a byline ("Updated", "Publié le").
pub const DATE_LABELS: &str = include_str!("../data/date-labels.txt");

/// Counts and header endings that open or head a page's comments ("34 comments", "… says:").
pub const COMMENT_MARKERS: &str = include_str!("../data/comment-markers.txt");

/// The networks a share or follow button names, and the words beside them ("Facebook X Email").
pub const SHARE_BAR_WORDS: &str = include_str!("../data/share-bar-words.txt");

/// Words that make a count a time before now ("2 days ago", "il y a 3 heures").
pub const RELATIVE_TIME: &str = include_str!("../data/relative-time.txt");

/// Phrases that mark a shown date as a later change ("Last updated", "edited"), in many languages.
pub const UPDATE_LABELS: &str = include_str!("../data/update-labels.txt");

/// The non-empty, non-comment lines of a phrase file, lower-cased.
pub fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// True when `needle` (lower-case ASCII) occurs in `hay`, ignoring ASCII case. Finds candidate
/// starts with `memchr2` on the first byte's two cases, so it costs little on class lists and
/// attribute values that rarely contain the word.
pub fn contains_ignore_ascii_case(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let mut at = 0;
    while let Some(rel) = memchr::memchr2(first, first.to_ascii_uppercase(), &hay[at..]) {
        let start = at + rel + 1;
        if hay.len() - start >= rest.len()
            && hay[start..start + rest.len()].eq_ignore_ascii_case(rest)
        {
            return true;
        }
        at = start;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_long_enough_to_be_indexed() {
        for list in [
            BOILER_TOKENS,
            CONSENT_TOKENS,
            COMMENT_TOKENS,
            CONTENT_TOKENS,
        ] {
            for entry in list {
                if let Some(prefix) = entry.strip_suffix('*') {
                    assert!(prefix.len() >= 4, "{prefix}");
                }
            }
        }
        let m = class_matcher();
        assert_eq!(m.hint("advertisement"), Hints::BOILER);
        assert_eq!(m.hint("comments"), Hints::COMMENT);
        assert_eq!(m.hint("cookiebar"), Hints::BOILER | Hints::CONSENT);
        assert_eq!(m.hint("content"), Hints::CONTENT);
        assert_eq!(m.hint("contentious"), Hints::CONTENT);
        // A listing's filters and facets are not its items.
        assert_eq!(m.hint("facets"), Hints::BOILER);
        assert_eq!(m.hint("filters"), Hints::BOILER);
        assert_eq!(m.hint("nothing"), 0);
    }

    #[test]
    fn finds_words_whatever_their_case() {
        assert!(contains_ignore_ascii_case(b"post-AuthorName", b"author"));
        assert!(contains_ignore_ascii_case(
            b"application/LD+JSON",
            b"ld+json"
        ));
        assert!(!contains_ignore_ascii_case(b"autho", b"author"));
        assert!(!contains_ignore_ascii_case(b"", b"a"));
        assert!(contains_ignore_ascii_case(b"x", b""));
    }
}
