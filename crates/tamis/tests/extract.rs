//! Behaviour users rely on, held on pages this project wrote (tests/fixtures and examples/).

use tamis::{extract, render::plain_text, Document, InputMode, Options};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn run(bytes: &[u8], input: InputMode) -> Document {
    extract(
        bytes,
        &Options {
            input,
            ..Options::default()
        },
    )
    .expect("a document")
}

fn assert_clean(text: &str, keep: &[&str], drop: &[&str]) {
    for k in keep {
        assert!(text.contains(k), "missing {k:?} in:\n{text}");
    }
    for d in drop {
        assert!(!text.contains(d), "kept {d:?} in:\n{text}");
    }
}

#[test]
fn news_article_in_html() {
    let page = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/article.html"
    ))
    .unwrap();
    let doc = run(&page, InputMode::Auto);
    let text = plain_text(&doc.body);
    assert_clean(
        &text,
        &[
            "The Millbrook bridge, built over three years",
            "A budget that held",
            "floating café",
        ],
        &[
            "Accept all",
            "Riverside Gazette",
            "Sport",
            "Tweet",
            "Ten bridges worth",
            "Privacy policy",
            "Leave a Reply",
        ],
    );
    let m = &doc.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("A Quiet Town Wakes Up to a New Bridge")
    );
    assert_eq!(m.author.as_deref(), Some("Jane Doe"));
    assert_eq!(m.date.as_deref(), Some("2025-09-04"));
    assert_eq!(m.sitename.as_deref(), Some("Riverside Gazette"));
    assert_eq!(m.language.as_deref(), Some("en"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://gazette.example/2025/09/04/millbrook-bridge")
    );
    assert_eq!(m.categories, ["Local"]);
    let comments = plain_text(&doc.comments);
    assert_clean(
        &comments,
        &["My morning drive", "bicycle path is open at night"],
        &["Leave a Reply"],
    );
}

#[test]
fn forum_posts_are_the_content() {
    let doc = run(&fixture("forum.html"), InputMode::Auto);
    let text = plain_text(&doc.body);
    assert_clean(
        &text,
        &[
            "two-week walk along the Atlantic",
            "low tunnel tent",
            "Geodesic domes are heavier",
        ],
        &["Best stoves of the year", "Powered by", "Log in"],
    );
}

#[test]
fn a_blogs_counted_comments_stay_apart_from_its_post() {
    // No og:type: the page does not say it is an article. The replies read like prose, but they
    // stand under "3 comments:" outside the post's container: comments, not text.
    let doc = run(&fixture("blog-comments.html"), InputMode::Auto);
    let text = plain_text(&doc.body);
    assert_clean(
        &text,
        &["Every few months someone asks", "I would not give it up."],
        &[
            "3 comments",
            "waterstones",
            "flattening the stones",
            "Blog Archive",
        ],
    );
    let comments = plain_text(&doc.comments);
    assert_clean(
        &comments,
        &["waterstones", "Feeling it form", "flattening the stones"],
        &["3 comments"],
    );
}

#[test]
fn a_listing_that_declares_itself_an_article_keeps_its_items() {
    // og:type article, as every page of some sites says: the article threshold keeps none of the
    // recipe links, and the page is read as a listing.
    let doc = run(&fixture("listing-declared-article.html"), InputMode::Auto);
    let text = plain_text(&doc.body);
    assert_clean(
        &text,
        &["Sweet and Spicy Tomato Chutney", "Slow-Cooked Bolognese"],
        &["Privacy", "About"],
    );
}

#[test]
fn legacy_encodings_are_found() {
    let body =
        "<p>東京の新しい図書館は、駅から歩いて五分の場所にあり、毎日多くの人が訪れています。</p>";
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(body);
    let mut page =
        b"<html><head><meta charset=\"Shift_JIS\"><title>x</title></head><body>".to_vec();
    page.extend_from_slice(&sjis);
    let doc = run(&page, InputMode::Auto);
    assert!(plain_text(&doc.body).contains("東京の新しい図書館"));

    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(
        "<html><body><p>В городе открыли новый парк у реки, где раньше была промышленная зона.</p></body></html>",
    );
    let doc = run(&cp1251, InputMode::Auto);
    assert!(plain_text(&doc.body).contains("открыли новый парк"));
}

/// A text fixture: file, title, language, what must stay, what must go.
type TextCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// Text pages in several languages with the same kinds of furniture as the seed.
#[test]
fn flattened_text_in_several_languages() {
    let cases: [TextCase; 3] = [
        (
            "nachrichten-de.txt",
            "Neue Radwege für die Innenstadt beschlossen",
            "de",
            &["vierzig Kilometer", "Fördermitteln", "Einzelhändlern"],
            &[
                "Teilen",
                "Lesen Sie auch",
                "Anzeige",
                "Kommentar schreiben",
                "Startseite",
                "Anna Schmidt",
            ],
        ),
        (
            "noticias-es.txt",
            "El puerto de la ciudad bate su récord de pasajeros",
            "es",
            &[
                "dos millones de pasajeros",
                "cruceros",
                "autobuses turísticos",
            ],
            &[
                "Compartir",
                "WhatsApp",
                "Lee también",
                "Publicidad",
                "Deja un comentario",
                "Deportes",
            ],
        ),
        (
            "novosti-ru.txt",
            "В городе открыли новый парк у реки",
            "ru",
            &[
                "двенадцать гектаров",
                "тысячи деревьев",
                "долгожданным событием",
            ],
            &[
                "Поделиться",
                "Читайте также",
                "Реклама",
                "Оставить комментарий",
                "Главная",
            ],
        ),
    ];
    for (file, title, lang, keep, drop) in cases {
        let doc = run(&fixture(file), InputMode::Text);
        assert_eq!(doc.meta.title.as_deref(), Some(title), "{file}");
        assert_eq!(doc.meta.language.as_deref(), Some(lang), "{file}");
        assert_clean(&plain_text(&doc.body), keep, drop);
    }
    let de = run(&fixture("nachrichten-de.txt"), InputMode::Text);
    assert_eq!(de.meta.author.as_deref(), Some("Anna Schmidt"));
    assert_eq!(de.meta.date.as_deref(), Some("2024-03-12"));
}

#[test]
fn markdown_and_json_render_the_same_document() {
    let page = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/article.html"
    ))
    .unwrap();
    let doc = run(&page, InputMode::Auto);
    let md = tamis::render::markdown(&doc, false);
    assert!(md.starts_with("# A Quiet Town Wakes Up to a New Bridge\n\n"));
    assert!(md.contains("\n### A budget that held\n"));
    assert!(md.contains("\n- Length: 210 metres"));
    let rec = serde_json::to_value(tamis::render::record(&doc, false)).unwrap();
    for field in [
        "source",
        "url",
        "title",
        "author",
        "date",
        "sitename",
        "description",
        "language",
        "image",
        "categories",
        "tags",
        "text",
        "comments",
    ] {
        assert!(rec.get(field).is_some(), "record lacks {field}");
    }
    assert_eq!(rec["text"], plain_text(&doc.body));
}

#[test]
fn product_description_found_only_in_json_ld_opens_the_text() {
    let page = r#"<html><head><title>Trail Kettle | Camp Supply</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
        "name":"Trail Kettle","description":"<h4>BOILS IN THREE MINUTES.</h4><p>A one-litre titanium kettle that nests a gas canister, pours without dribbling and weighs less than a paperback novel.</p>"}</script>
        </head><body><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav>
        <div id="app"><h1>Trail Kettle</h1><p>$49.00</p><button>Add to cart</button></div>
        </body></html>"#;
    let doc = run(page.as_bytes(), InputMode::Html);
    let text = plain_text(&doc.body);
    assert_clean(
        &text,
        &["BOILS IN THREE MINUTES.", "A one-litre titanium kettle"],
        &["<p>", "Add to cart"],
    );
    // Shown on the page already: not added twice.
    let shown = page.replace(
        "<p>$49.00</p>",
        "<p>A one-litre titanium kettle that nests a gas canister, pours without dribbling and weighs less than a paperback novel.</p>",
    );
    let text = plain_text(&run(shown.as_bytes(), InputMode::Html).body);
    assert_eq!(
        text.matches("A one-litre titanium kettle").count(),
        1,
        "{text}"
    );
}

#[test]
fn a_page_with_no_content_gives_an_empty_text() {
    // An app shell: what shows before the scripts run is a help link and a notice.
    let shell = b"<html><head><title>Shop</title></head><body><a href='/help'>Help</a>\
        <noscript>Please enable JavaScript to continue.</noscript></body></html>";
    let doc = run(shell, InputMode::Html);
    assert_eq!(plain_text(&doc.body), "");
    assert_eq!(doc.meta.title.as_deref(), Some("Shop"));
    // Ten words are enough to be a page's text, in any script.
    let short = "<html><body><p>The library opens on Monday at nine, with a reading room.</p></body></html>";
    let doc = run(short.as_bytes(), InputMode::Html);
    assert!(plain_text(&doc.body).starts_with("The library opens"));
    let short =
        "<html lang=ja><body><p>東京の新しい図書館が月曜日に開館しました。</p></body></html>";
    let doc = run(short.as_bytes(), InputMode::Html);
    assert!(plain_text(&doc.body).contains("図書館"));
}

#[test]
fn a_headline_with_the_site_name_glued_on_gives_the_title_without_it() {
    // The heading, the OpenGraph title and the title tag all end with the site's name.
    let page = r#"<html><head><title>Harbour festival returns for a third summer – Town Crier</title>
        <meta property="og:title" content="Harbour festival returns for a third summer – Town Crier">
        <meta property="og:site_name" content="Town Crier"></head><body><article>
        <h1>Harbour festival returns for a third summer – Town Crier</h1>
        <p>The harbour festival returns this summer with boats, music and food stalls along both
        banks of the old harbour, the town council said on Monday evening.</p>
        <p>Organisers expect twenty thousand visitors over the three days, twice as many as last
        year, and have asked the ferry company for extra crossings.</p></article></body></html>"#;
    let doc = run(page.as_bytes(), InputMode::Html);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Harbour festival returns for a third summer")
    );
    // The heading is the title's, so not the text's.
    let text = plain_text(&doc.body);
    assert_clean(&text, &["The harbour festival returns"], &["Town Crier"]);
}
