//! Evidence across pages: a line that recurs on many pages of one site is that site's furniture
//! (menus, footers, share prompts, disclaimers), whatever the page-level classifier thought of it.
//!
//! As CCNet does, lines are compared by a hash of their normalised form (lower case, digits as 0,
//! punctuation and white space dropped). A first pass over a batch counts, per site, on how many
//! pages each line stands; [`Recurring`] then names the lines that stand on enough of them.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

/// A line is the site's furniture when it stands on at least this many of the site's pages…
pub const MIN_PAGES: u32 = 3;
/// …and on at least this share of them.
pub const MIN_SHARE: f32 = 0.3;

/// The hash of a line's normalised form; `None` for lines with no letter or digit.
pub fn line_hash(line: &str) -> Option<u64> {
    let mut h = FxHasher::default();
    let mut any = false;
    for c in line.chars() {
        if c.is_alphanumeric() {
            any = true;
            let c = if c.is_numeric() { '0' } else { c };
            for l in c.to_lowercase() {
                l.hash(&mut h);
            }
        }
    }
    any.then(|| h.finish())
}

fn site_hash(site: &str) -> u64 {
    let mut h = FxHasher::default();
    site.hash(&mut h);
    h.finish()
}

/// Counts, per site, the pages each line stands on.
#[derive(Debug, Default)]
pub struct LineCounts {
    pages: FxHashMap<u64, u32>,
    lines: FxHashMap<(u64, u64), u32>,
}

impl LineCounts {
    /// Adds one page of `site` (its lines; a line repeated within the page counts once).
    pub fn add_page<'a>(&mut self, site: &str, lines: impl Iterator<Item = &'a str>) {
        let site = site_hash(site);
        *self.pages.entry(site).or_default() += 1;
        let seen: FxHashSet<u64> = lines.filter_map(line_hash).collect();
        for line in seen {
            *self.lines.entry((site, line)).or_default() += 1;
        }
    }

    /// The lines that stand on enough pages of their site.
    pub fn recurring(&self) -> Recurring {
        let lines = self
            .lines
            .iter()
            .filter(|(&(site, _), &n)| {
                let pages = self.pages.get(&site).copied().unwrap_or(0);
                n >= MIN_PAGES && n as f32 >= MIN_SHARE * pages as f32
            })
            .map(|(&key, _)| key)
            .collect();
        Recurring { lines }
    }
}

/// Lines known to be furniture on their site.
#[derive(Debug, Default)]
pub struct Recurring {
    lines: FxHashSet<(u64, u64)>,
}

impl Recurring {
    pub fn contains(&self, site: &str, line: &str) -> bool {
        line_hash(line).is_some_and(|h| self.lines.contains(&(site_hash(site), h)))
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// The site a URL belongs to: its host, without a leading `www.`.
pub fn site_of_url(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    (!host.is_empty()).then(|| host.strip_prefix("www.").unwrap_or(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recurring_lines_are_found_per_site() {
        let mut counts = LineCounts::default();
        for story in ["apples", "boats", "clouds", "dunes"] {
            let page = format!(
                "Home\nNews\nA story about {story}, unlike the others.\nShare this\n© 2024 Example"
            );
            counts.add_page("example.org", page.lines());
        }
        counts.add_page("other.org", "Home\nA page of another site.".lines());
        let r = counts.recurring();
        assert!(r.contains("example.org", "Home"));
        assert!(
            r.contains("example.org", "© 2025 Example"),
            "digits are normalised"
        );
        assert!(!r.contains("example.org", "A story about boats, unlike the others."));
        assert!(
            !r.contains("other.org", "Home"),
            "one page of a site is no evidence"
        );
    }

    #[test]
    fn sites_from_urls() {
        assert_eq!(
            site_of_url("https://www.example.org/a/b?c"),
            Some("example.org")
        );
        assert_eq!(
            site_of_url("http://user@host.example:8080/"),
            Some("host.example")
        );
        assert_eq!(site_of_url("not a url"), None);
    }
}
