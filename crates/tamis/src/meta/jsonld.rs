//! Schema.org metadata from JSON-LD `<script>` blocks: the main entity's headline, authors, dates,
//! publisher, description, image, sections and keywords, and a product's or answer's text.

use serde_json::Value;

/// What the JSON-LD of a page says about its main entity.
#[derive(Debug, Default, Clone)]
pub struct JsonLd {
    pub headline: Option<String>,
    /// Authors that are people (or plain names).
    pub authors: Vec<String>,
    /// Authors that are organisations, a weaker answer than a person's name.
    pub org_authors: Vec<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub publisher: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub sections: Vec<String>,
    pub keywords: Vec<String>,
    pub url: Option<String>,
    /// The `@type` of the entity the fields came from.
    pub kind: Option<String>,
    /// Whether some object is a piece of prose: an article, a news story, a blog post, a report.
    pub declares_article: bool,
}

/// The types of prose written to be read through: the page's main entity when one is there.
const PROSE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
];

/// The other types of entity whose headline, authors and dates are the page's own.
const OTHER_MAIN_TYPES: &[&str] = &[
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "QAPage",
    "Question",
    "Review",
    "Recipe",
    "HowTo",
    "Product",
    "Event",
    "Course",
    "JobPosting",
    "VideoObject",
    "Book",
    "Movie",
];

/// Reads every JSON-LD block's objects (through `@graph` and arrays), preferring an article-like one.
pub fn parse(scripts: &[String]) -> JsonLd {
    // Some sites end a block with a stray semicolon, others leave raw line breaks and tabs inside
    // strings (JSON wants them escaped: as blanks they change no field this module reads); blocks
    // that still do not parse are skipped.
    let values: Vec<Value> = scripts
        .iter()
        .filter_map(|s| {
            let s = s.trim().trim_end_matches(';');
            serde_json::from_str(s).ok().or_else(|| {
                let blanked: String = s
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                serde_json::from_str(&blanked).ok()
            })
        })
        .collect();
    let mut objects = Vec::new();
    for v in &values {
        collect(v, &mut objects, 0);
    }
    let main = objects
        .iter()
        .find(|o| is_main_type(o) && o.get("headline").is_some())
        .or_else(|| objects.iter().find(|o| is_main_type(o)))
        .or_else(|| {
            objects
                .iter()
                .find(|o| has_type(o, &["WebPage", "ItemPage", "AboutPage", "ProfilePage"]))
        });
    let mut out = JsonLd {
        declares_article: objects.iter().any(|o| has_type(o, PROSE_TYPES)),
        ..JsonLd::default()
    };
    if let Some(o) = main {
        out.kind = type_of(o);
        out.headline = string(o.get("headline")).or_else(|| string(o.get("name")));
        let author = o.get("author").or_else(|| o.get("creator"));
        out.authors = names(author, false);
        out.org_authors = names(author, true);
        out.date_published =
            string(o.get("datePublished")).or_else(|| string(o.get("dateCreated")));
        out.date_modified = string(o.get("dateModified"));
        out.description = string(o.get("description"));
        out.image = image(o.get("image").or_else(|| o.get("thumbnailUrl")));
        out.sections = strings(o.get("articleSection"));
        out.keywords = strings(o.get("keywords"));
        out.url = string(o.get("url"))
            .or_else(|| string(o.get("mainEntityOfPage").and_then(|m| m.get("@id"))));
        out.publisher = o
            .get("publisher")
            .and_then(|p| string(p.get("name")).or_else(|| string(Some(p))));
    }
    if out.publisher.is_none() {
        out.publisher = objects
            .iter()
            .find(|o| has_type(o, &["WebSite", "Organization", "NewsMediaOrganization"]))
            .and_then(|o| string(o.get("name")));
    }
    if out.date_published.is_none() {
        out.date_published = objects.iter().find_map(|o| string(o.get("datePublished")));
    }
    out
}

fn collect<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect(i, out, depth + 1)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                collect(graph, out, depth + 1);
            }
            if map.contains_key("@type") {
                out.push(v);
            }
            if let Some(main) = map.get("mainEntity") {
                collect(main, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn type_of(o: &Value) -> Option<String> {
    match o.get("@type")? {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.iter().find_map(|t| t.as_str().map(str::to_string)),
        _ => None,
    }
}

/// Whether `o` is an entity whose headline, authors and dates are the page's own.
fn is_main_type(o: &Value) -> bool {
    has_type(o, PROSE_TYPES) || has_type(o, OTHER_MAIN_TYPES)
}

fn has_type(o: &Value, types: &[&str]) -> bool {
    match o.get("@type") {
        Some(Value::String(s)) => types.contains(&s.as_str()),
        Some(Value::Array(a)) => a
            .iter()
            .any(|t| t.as_str().is_some_and(|s| types.contains(&s))),
        _ => false,
    }
}

fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(crate::meta::clean(s)),
        Value::Array(a) => a.iter().find_map(|x| string(Some(x))),
        _ => None,
    }
}

/// A list of labels (sections, keywords), given as an array or as one string that separates them.
fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => crate::meta::split_labels(s),
        Some(Value::Array(a)) => a.iter().filter_map(|x| string(Some(x))).collect(),
        _ => Vec::new(),
    }
}

/// Names of the authors: people and plain strings, or (`orgs`) organisations only.
fn names(v: Option<&Value>, orgs: bool) -> Vec<String> {
    match v {
        Some(Value::String(s)) if !orgs => vec![crate::meta::clean(s)],
        Some(Value::Array(a)) => a.iter().flat_map(|x| names(Some(x), orgs)).collect(),
        Some(o @ Value::Object(_)) => {
            let is_org = has_type(
                o,
                &[
                    "Organization",
                    "NewsMediaOrganization",
                    "Corporation",
                    "WebSite",
                ],
            );
            if is_org == orgs {
                string(o.get("name")).into_iter().collect()
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|n| !n.is_empty() && !n.starts_with("http"))
    .collect()
}

fn image(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.iter().find_map(|x| image(Some(x))),
        o @ Value::Object(_) => string(o.get("url")).or_else(|| string(o.get("contentUrl"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_graph() {
        let s = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Example News"},
            {"@type":"NewsArticle","headline":"Bridge opens","datePublished":"2025-09-04T05:50:00Z",
             "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
             "articleSection":"Local","keywords":"bridges, towns","image":{"url":"https://x/img.jpg"}}]}"#;
        let j = parse(&[s.to_string()]);
        assert_eq!(j.headline.as_deref(), Some("Bridge opens"));
        assert_eq!(j.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(j.date_published.as_deref(), Some("2025-09-04T05:50:00Z"));
        assert_eq!(j.publisher.as_deref(), Some("Example News"));
        assert_eq!(j.keywords, ["bridges", "towns"]);
        assert_eq!(j.image.as_deref(), Some("https://x/img.jpg"));
    }

    #[test]
    fn raw_line_breaks_in_strings_are_forgiven() {
        let s = "{\"@type\":\"DiscussionForumPosting\",\"text\":\"line one\n\tline two\",\n\t\"datePublished\": \"2024-02-21 13:00:00\"};";
        let j = parse(&[s.to_string()]);
        assert_eq!(j.date_published.as_deref(), Some("2024-02-21 13:00:00"));
    }

    #[test]
    fn junk_is_ignored() {
        let j = parse(&["{not json".to_string()]);
        assert!(j.headline.is_none());
    }
}
