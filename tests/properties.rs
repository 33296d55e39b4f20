//! Property tests: whatever the input, `copydesk::extract` returns an article
//! or a one-line error, never panics, and the article keeps its invariants.
//! Inputs are random bytes (raw, and behind an HTML prefix or a gzip header)
//! and random well-formed HTML trees. Case counts are kept small so the suite
//! runs in a few seconds; the fuzz target (fuzz/) searches far longer.

use std::collections::HashSet;

use copydesk::{Article, Options};
use proptest::prelude::*;

const KEYS: &[&str] = &[
    "source",
    "url",
    "headline",
    "timestamp",
    "credits",
    "paragraphs",
    "language",
    "site_name",
    "description",
    "tags",
    "encoding",
];

fn opts() -> Options {
    Options {
        source: "prop.html".into(),
        ..Options::default()
    }
}

fn is_space(c: char) -> bool {
    copydesk::text::is_space(c)
}

/// The invariants every article keeps, checked on the JSON a user reads.
fn check_article(a: &Article) -> Result<(), TestCaseError> {
    let json = a.to_json();
    let v: serde_json::Value = serde_json::from_str(&json)
        .map_err(|e| TestCaseError::fail(format!("invalid JSON {e}: {json}")))?;
    let obj = v
        .as_object()
        .ok_or_else(|| TestCaseError::fail("not an object"))?;
    for k in KEYS {
        prop_assert!(obj.contains_key(*k), "missing key {k} in {json}");
    }
    prop_assert_eq!(obj.len(), KEYS.len(), "extra keys in {}", json);
    prop_assert!(!a.encoding.is_empty());
    prop_assert_eq!(&a.source, "prop.html");
    let mut seen = HashSet::new();
    for p in &a.paragraphs {
        prop_assert!(!p.is_empty(), "empty paragraph in {:?}", a.paragraphs);
        prop_assert!(
            !p.starts_with(is_space) && !p.ends_with(is_space),
            "untrimmed paragraph {:?}",
            p
        );
        prop_assert!(
            !p.chars().any(|c| is_space(c) && c != ' '),
            "whitespace other than a space in {:?}",
            p
        );
        prop_assert!(!p.contains("  "), "double space in {:?}", p);
        prop_assert!(seen.insert(p.as_str()), "duplicate paragraph {:?}", p);
    }
    for c in &a.credits {
        prop_assert!(!c.name.trim().is_empty(), "empty credit name {:?}", c);
        prop_assert!(!c.role.is_empty());
    }
    for s in [&a.headline, &a.url, &a.timestamp, &a.language]
        .into_iter()
        .flatten()
    {
        prop_assert!(!s.is_empty(), "empty string instead of null in {}", json);
    }
    Ok(())
}

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    match copydesk::extract(bytes, &opts()) {
        Ok(a) => check_article(&a),
        Err(e) => {
            let msg = e.to_string();
            prop_assert!(!msg.is_empty() && !msg.contains('\n'), "error {:?}", msg);
            Ok(())
        }
    }
}

// ---- random HTML trees ----

#[derive(Debug, Clone)]
enum Node {
    Text(String),
    Element {
        tag: &'static str,
        attrs: Vec<(String, String)>,
        children: Vec<Node>,
    },
}

const TAGS: &[&str] = &[
    "div",
    "p",
    "span",
    "a",
    "b",
    "em",
    "strong",
    "h1",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "article",
    "section",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "figure",
    "figcaption",
    "blockquote",
    "table",
    "tr",
    "td",
    "pre",
    "time",
    "address",
    "form",
    "button",
    "font",
];

/// Words in several scripts, with the spaces pages use between them.
fn text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[a-zA-Z]{1,10}",
        "[0-9]{1,4}",
        "[\u{4e00}-\u{4e80}]{1,6}",
        "[\u{3041}-\u{3090}]{1,5}",
        "[\u{0410}-\u{044f}]{1,8}",
        "[\u{0627}-\u{064a}]{1,6}",
        "[\u{ac00}-\u{ac80}]{1,4}",
        Just("By Jane Doe".to_string()),
        Just("Editor: Li Hua".to_string()),
        Just("2024-03-05 10:30".to_string()),
        Just("&amp; &lt; &#169;".to_string()),
    ];
    let sep = prop_oneof![
        Just(" "),
        Just("  "),
        Just("\n\t"),
        Just("\u{3000}"),
        Just("\u{a0}"),
        Just("，"),
        Just(""),
    ];
    prop::collection::vec((word, sep), 1..12)
        .prop_map(|ws| ws.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

fn attrs() -> impl Strategy<Value = Vec<(String, String)>> {
    let attr = prop_oneof![
        prop_oneof![
            Just("content"),
            Just("article-body"),
            Just("share-bar"),
            Just("ad"),
            Just("comments"),
            Just("byline"),
            Just("related"),
            Just("x"),
        ]
        .prop_map(|v| ("class".to_string(), v.to_string())),
        "[a-z]{1,8}".prop_map(|v| ("id".to_string(), v)),
        Just(("style".to_string(), "display:none".to_string())),
        Just(("hidden".to_string(), String::new())),
        Just(("aria-hidden".to_string(), "true".to_string())),
        Just(("itemprop".to_string(), "articleBody".to_string())),
        "[a-z \"'<>&]{0,8}".prop_map(|v| ("data-x".to_string(), v)),
    ];
    prop::collection::vec(attr, 0..3)
}

fn tree() -> impl Strategy<Value = Node> {
    let leaf = text().prop_map(Node::Text);
    leaf.prop_recursive(8, 96, 6, |inner| {
        (
            prop::sample::select(TAGS),
            attrs(),
            prop::collection::vec(inner, 0..6),
        )
            .prop_map(|(tag, attrs, children)| Node::Element {
                tag,
                attrs,
                children,
            })
    })
}

fn escape_attr(v: &str) -> String {
    v.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

fn render(n: &Node, out: &mut String) {
    match n {
        Node::Text(t) => out.push_str(t),
        Node::Element {
            tag,
            attrs,
            children,
        } => {
            out.push('<');
            out.push_str(tag);
            for (k, v) in attrs {
                out.push_str(&format!(" {k}=\"{}\"", escape_attr(v)));
            }
            out.push('>');
            for c in children {
                render(c, out);
            }
            out.push_str(&format!("</{tag}>"));
        }
    }
}

fn page() -> impl Strategy<Value = String> {
    (
        prop::option::of(text()),
        prop::option::of(prop_oneof![
            Just("utf-8"),
            Just("gb2312"),
            Just("shift_jis")
        ]),
        prop::collection::vec(tree(), 1..5),
        any::<bool>(),
    )
        .prop_map(|(title, charset, body, script)| {
            let mut s = String::from("<!DOCTYPE html><html><head>");
            if let Some(c) = charset {
                s.push_str(&format!("<meta charset=\"{c}\">"));
            }
            if let Some(t) = title {
                s.push_str(&format!("<title>{t}</title>"));
            }
            s.push_str("</head><body>");
            if script {
                s.push_str("<script>var SCRIPTMARK = '<p>no</p>';</script>");
            }
            for t in &body {
                render(t, &mut s);
            }
            s.push_str("</body></html>");
            s
        })
}

proptest! {
    // 96 cases each keeps CI at about a second; PROPTEST_CASES=N searches longer.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(96),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_bytes_give_an_article_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes)?;
    }

    #[test]
    fn random_bytes_after_an_html_start(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let mut page = b"<html><head><meta charset=utf-8><title>T</title></head><body><p>".to_vec();
        page.extend(bytes);
        check(&page)?;
    }

    #[test]
    fn random_bytes_behind_a_gzip_header(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let mut page = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];
        page.extend(bytes);
        check(&page)?;
    }

    #[test]
    fn random_html_trees(page in page()) {
        check(page.as_bytes())?;
        let a = copydesk::extract(page.as_bytes(), &opts()).expect("a well-formed page is HTML");
        for p in &a.paragraphs {
            prop_assert!(!p.contains("SCRIPTMARK"), "script text in {:?}", p);
        }
        // The same page gzipped gives the same article.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, page.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        prop_assert_eq!(copydesk::extract(&gz, &opts()).expect("gzipped page"), a);
    }
}

// ---- regressions: inputs that once panicked, found by the tests above or the fuzzer ----

/// `date::parse_value` sliced a `<time>` text at byte 8, inside a Hangul syllable.
#[test]
fn regression_time_text_sliced_inside_a_character() {
    let page =
        "<!DOCTYPE html><html><head></head><body><time><div>가가가 </div></time></body></html>";
    let a = copydesk::extract(page.as_bytes(), &opts()).expect("an article");
    check_article(&a).unwrap();
    assert_eq!(copydesk::date::parse_value("가가가"), None);
}
