//! Stage 5: metadata. Everything the page says about itself: meta tags
//! (OpenGraph, Twitter cards, Dublin Core, news-specific names), JSON-LD
//! (including @graph and arrays), microdata, `<title>`, `<h1>`, `<time>`, the
//! canonical link, `lang`. Gathered in one pass over the tree, then each field
//! is chosen by agreement between the sources.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use serde_json::Value;

use crate::credits::{self, Credit};
use crate::date::{self, Stamp};
use crate::parse::Dom;
use crate::text;

/// What the page's markup says, before choosing.
#[derive(Default, Debug)]
pub struct Sources {
    /// Meta tags by lowercased name, property, itemprop or http-equiv.
    pub metas: HashMap<String, Vec<String>>,
    pub title: Option<String>,
    pub canonical: Option<String>,
    pub lang: Option<String>,
    /// `<h1>` elements: item index and text.
    pub h1s: Vec<(usize, String)>,
    /// `<h2>` elements and elements marked `itemprop=headline` (not `<meta>`):
    /// index, text, marked as the headline.
    pub heads: Vec<(usize, String, bool)>,
    /// `<h3>` texts, squashed: a diary's entry titles, under the diary's
    /// name in its `<h1>`.
    pub h3s: Vec<String>,
    /// Article-like JSON-LD objects.
    pub ld: Vec<Value>,
    /// JSON-LD objects of any type (for publisher, WebSite names).
    pub ld_all: Vec<Value>,
    /// `<time>` and `[itemprop=datePublished]` elements: index, value, is the
    /// publication date by markup.
    /// The fourth field: the value came from an attribute, not from the
    /// text; the fifth: the element's class calls it the time of an update.
    pub times: Vec<(usize, String, bool, bool, bool)>,
    /// Names from `rel=author` links and `itemprop=author` elements: index, text.
    pub author_elements: Vec<(usize, String)>,
    /// Short texts of links to author pages (`/author/jane-doe`) and of
    /// elements whose class names an author's name (`byline__name`): index, text.
    pub author_links: Vec<(usize, String)>,
}

/// Links to an author's page.
static AUTHOR_HREF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/(author|authors|autor|autoren|auteur|staff|editors|writers?|profile|profiles|columnists?|contributors?|reporters?|journalists?|toireporter|byline|redaktion)(/|-|\?|=)")
        .expect("valid regex")
});
/// Class names of the element holding an author's name.
static AUTHOR_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|[\s_-])(author|byline|writer|autor|auteur)[-_]*(name|names|link)([\s_-]|$)|(^|\s)(authorname|authorname-txt|author-link|byline-author|byline__author|author|byline-link|autor|autore|auteur)(\s|$)|[a-z][-_]{1,2}(authors?|writer)(\s|$)")
        .expect("valid regex")
});

/// Can `AUTHOR_CLASS` match? Each of its branches needs "author", "byline",
/// "writer", "autor" or "auteur", in any case, and so one of their first
/// five letters; none of those letters has a non-ASCII case variant, so a
/// byte search tells (most class names have none of them).
fn names_a_writer(class: &str) -> bool {
    class.as_bytes().windows(5).any(|w| {
        matches!(w[0] | 0x20, b'a' | b'b' | b'w')
            && [b"autho", b"bylin", b"write", b"autor", b"auteu"]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(*p))
    })
}

const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "reportagenews",
    "reportagenewsarticle",
    "askpublicnewsarticle",
    "satiricalarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "socialmediaposting",
    "liveblogposting",
    "scholarlyarticle",
    "techarticle",
    "report",
    "webpage",
    "creativework",
    "posting",
    "medicalscholarlyarticle",
    "review",
];

pub fn gather(dom: &Dom) -> Sources {
    let mut s = Sources::default();
    for i in 0..dom.items.len() {
        let Some(el) = dom.element(i) else { continue };
        let e = el.value();
        let a = Attrs::of(e);
        let name = e.name();
        match name {
            "meta" => {
                // Some saved pages write `value` where `content` belongs,
                // microdata `datetime` (`<meta itemprop=dateCreated datetime=...>`).
                let Some(content) = a.content.or(a.value).or(a.datetime) else {
                    continue;
                };
                let content = text::normalize(content);
                let content = text::decode_entities(&content).unwrap_or(content);
                for k in [a.name, a.property, a.itemprop, a.http_equiv]
                    .into_iter()
                    .flatten()
                {
                    s.metas
                        .entry(k.trim().to_ascii_lowercase())
                        .or_default()
                        .push(content.clone());
                }
            }
            "title" if s.title.is_none() => {
                // The document title, not an <svg><title>.
                let t = dom.text_of(i);
                if !t.is_empty() {
                    s.title = Some(t);
                }
            }
            "link" => {
                let rel = a.rel.unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical")
                    && s.canonical.is_none()
                    && let Some(h) = a.href
                {
                    s.canonical = Some(h.trim().to_string());
                }
            }
            "html" if s.lang.is_none() => {
                s.lang = a.lang.or(a.xml_lang).map(|l| l.trim().to_string());
            }
            "h1" if !a
                .itemprop
                .is_some_and(|p| p.eq_ignore_ascii_case("alternativeheadline")) =>
            {
                let t = heading_text(dom, i);
                if !t.is_empty() && !is_logo(dom, i) {
                    s.h1s.push((i, t));
                }
            }
            "script"
                if a.type_
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                let raw = dom.text_of_raw(i);
                if let Ok(mut v) = serde_json::from_str::<Value>(raw.trim().trim_end_matches(';')) {
                    if raw.contains('&') {
                        decode_ld(&mut v, 0);
                    }
                    collect_ld(v, &mut s, 0);
                }
            }
            _ => {}
        }
        // hAtom and microformats2 mark the publication time with a class
        // ("published", "dt-published"), often on an <abbr> whose title
        // holds the machine-readable value (blog engines, SPIP, Blogger).
        let hatom = a.class.is_some_and(|c| {
            c.split_ascii_whitespace()
                .any(|t| t == "published" || t == "dt-published")
        });
        // (RDFa too, on an element other than <meta>: Drupal's "<span
        // property='dc:date dc:created' content='2021-03-09T21:15:00-05:00'>".)
        let itemprop_published = a
            .itemprop
            .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
            || name != "meta"
                && a.content.is_some()
                && a.property.is_some_and(|p| {
                    p.split_ascii_whitespace().any(|t| {
                        t.eq_ignore_ascii_case("dc:created")
                            || t.eq_ignore_ascii_case("dc:date")
                            || t.eq_ignore_ascii_case("datePublished")
                            || t.eq_ignore_ascii_case("schema:datePublished")
                    })
                });
        // (a "published" wrapper of a whole post is no time).
        let hatom = hatom
            && (a.datetime.or(a.content).or(a.title).is_some()
                || dom.text_of(i).chars().count() <= 80);
        // A time inside a <blockquote> is the quoted or embedded post's
        // (an Instagram post's "shared on"), never the page's.
        if (name == "time" || a.datetime.is_some() || itemprop_published || hatom)
            && !dom.ancestors(i).any(|p| dom.tag(p) == "blockquote")
        {
            let title = a
                .title
                .filter(|t| name == "abbr" && date::parse_value(t).is_some());
            let attr = a.datetime.or(a.content).or(title);
            let value = attr.map(str::to_string).unwrap_or_else(|| dom.text_of(i));
            let marked = a.pubdate.is_some() || itemprop_published || hatom;
            // A theme's "updated" time beside its published one.
            let updated = a.class.is_some_and(|c| {
                c.split_ascii_whitespace().any(|t| {
                    matches!(
                        t.to_ascii_lowercase().as_str(),
                        "updated" | "modified" | "dt-updated" | "date-modified" | "date-updated"
                    )
                })
            });
            s.times.push((i, value, marked, attr.is_some(), updated));
        }
        let marked_head = a
            .itemprop
            .is_some_and(|p| p.eq_ignore_ascii_case("headline"))
            && !matches!(name, "meta" | "h1");
        // A title element of a blog theme or a CMS ("<div class=post-title>"),
        // weighed as an <h2>.
        let titled = !matches!(name, "h1" | "h2" | "meta" | "a" | "body" | "html")
            && a.class.is_some_and(|c| {
                c.split_ascii_whitespace().any(|t| {
                    matches!(
                        t,
                        "entry-title" | "post-title" | "article-title" | "story-title" | "headline"
                    )
                })
            });
        if name == "h3" && s.h3s.len() < 50 {
            let t = squash(&dom.text_of(i));
            if !t.is_empty() && t.len() <= 600 {
                s.h3s.push(t);
            }
        }
        if marked_head || name == "h2" || titled {
            let t = heading_text(dom, i);
            if !t.is_empty() && t.chars().count() <= 300 {
                s.heads.push((i, t, marked_head));
            }
        }
        let rel_author = name == "a"
            && a.rel
                .is_some_and(|r| r.split_whitespace().any(|x| x == "author"));
        // itemprop holds a list of names ("author name").
        let prop_author = a.itemprop.is_some_and(|p| {
            p.split_ascii_whitespace()
                .any(|x| x.eq_ignore_ascii_case("author"))
        });
        let author_href = name == "a" && a.href.is_some_and(|h| AUTHOR_HREF.is_match(h));
        let author_class = [a.class, a.id]
            .into_iter()
            .flatten()
            .any(|c| names_a_writer(c) && AUTHOR_CLASS.is_match(c))
            || name == "author";
        if rel_author || prop_author || author_href || author_class {
            let t = dom.text_of(i);
            let n = t.chars().count();
            if (2..=80).contains(&n) && !s.author_links.last().is_some_and(|l| dom.contains(l.0, i))
            {
                s.author_links.push((i, t));
            }
        }
        if rel_author || prop_author {
            // itemprop=author may hold nested itemprop=name: those are the
            // names, each of its own (the whole text would run them together,
            // "Paul WisemanFatima Hussein", or take in its labels, "von Autor:
            // Georg Holzer").
            let names: Vec<String> = if prop_author {
                (i + 1..dom.items[i].end as usize)
                    .filter(|&d| {
                        dom.element(d).and_then(|e| e.value().attr("itemprop")) == Some("name")
                    })
                    .map(|d| dom.text_of(d))
                    .collect()
            } else {
                Vec::new()
            };
            let texts = if !names.is_empty() && names.iter().all(|n| !n.is_empty()) {
                names
            } else {
                vec![dom.text_of(i)]
            };
            for t in texts {
                if !t.is_empty() && t.chars().count() <= 80 {
                    s.author_elements.push((i, t));
                }
            }
        }
    }
    s
}

/// The attributes `gather` reads, found in one pass over an element's
/// attributes instead of one lookup each. Found as `Element::attr` finds
/// them: no namespace, no prefix.
#[derive(Default)]
struct Attrs<'a> {
    content: Option<&'a str>,
    value: Option<&'a str>,
    name: Option<&'a str>,
    property: Option<&'a str>,
    itemprop: Option<&'a str>,
    http_equiv: Option<&'a str>,
    rel: Option<&'a str>,
    href: Option<&'a str>,
    lang: Option<&'a str>,
    xml_lang: Option<&'a str>,
    type_: Option<&'a str>,
    datetime: Option<&'a str>,
    pubdate: Option<&'a str>,
    class: Option<&'a str>,
    id: Option<&'a str>,
    title: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(e: &'a scraper::node::Element) -> Self {
        let mut a = Attrs::default();
        for (q, v) in &e.attrs {
            if q.prefix.is_some() || q.ns != html5ever::ns!() {
                continue;
            }
            let slot = match &*q.local {
                "content" => &mut a.content,
                "value" => &mut a.value,
                "name" => &mut a.name,
                "property" => &mut a.property,
                "itemprop" => &mut a.itemprop,
                "http-equiv" => &mut a.http_equiv,
                "rel" => &mut a.rel,
                "href" => &mut a.href,
                "lang" => &mut a.lang,
                "xml:lang" => &mut a.xml_lang,
                "type" => &mut a.type_,
                "datetime" => &mut a.datetime,
                "pubdate" => &mut a.pubdate,
                "class" => &mut a.class,
                "id" => &mut a.id,
                "title" => &mut a.title,
                _ => continue,
            };
            *slot = Some(&**v);
        }
        a
    }
}

/// A heading that links to the site's home page is its logo.
fn is_logo(dom: &Dom, i: usize) -> bool {
    let end = dom.items[i].end as usize;
    (i..end.min(i + 40)).any(|j| {
        dom.element(j).is_some_and(|e| {
            e.value().name() == "a"
                && e.value().attr("href").is_some_and(|h| {
                    let h = h.trim();
                    let path = match h.find("://") {
                        Some(k) => h[k + 3..].find('/').map_or("", |p| &h[k + 3 + p..]),
                        None => h,
                    };
                    // (A relative "index.html" is the home of a blog whose
                    // posts sit beside it.)
                    matches!(
                        path.trim_start_matches("./"),
                        "" | "/"
                            | "/index.html"
                            | "/index.htm"
                            | "/index.php"
                            | "index.html"
                            | "index.htm"
                            | "index.php"
                    )
                })
        })
    })
}

/// Is `l` shaped as a BCP 47 tag: a primary part of two or three letters
/// ("de", "zh-Hans-CN", "es-419"), or "x-"/"i-" private ones, then parts of
/// up to eight letters or digits?
fn is_language_tag(l: &str) -> bool {
    let mut parts = l.split('-');
    let first = parts.next().unwrap_or("");
    let primary = (2..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_alphabetic())
        || matches!(first, "x" | "X" | "i" | "I");
    let rest: Vec<&str> = parts.collect();
    // A one-character part opens an extension, so never comes last
    // ("utf-8" is a charset).
    primary
        && l.len() <= 35
        && rest.iter().enumerate().all(|(k, p)| {
            (1..=8).contains(&p.len())
                && p.bytes().all(|b| b.is_ascii_alphanumeric())
                && (p.len() > 1 || k + 1 < rest.len())
        })
}

/// A language tag in the case BCP 47 writes it: "DE" -> "de", "en-us" ->
/// "en-US", "zh-hans-cn" -> "zh-Hans-CN".
fn bcp47_case(tag: &str) -> String {
    tag.split('-')
        .enumerate()
        .map(|(k, part)| match part.len() {
            _ if k == 0 => part.to_ascii_lowercase(),
            2 => part.to_ascii_uppercase(),
            4 if part.chars().all(|c| c.is_ascii_alphabetic()) => {
                let lower = part.to_ascii_lowercase();
                lower[..1].to_ascii_uppercase() + &lower[1..]
            }
            _ => part.to_ascii_lowercase(),
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Decodes the character references in JSON-LD strings ("O&#039;Donnell").
fn decode_ld(v: &mut Value, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::String(s) => {
            if let Some(d) = text::decode_entities(s) {
                *s = d;
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| decode_ld(x, depth + 1)),
        Value::Object(o) => o.values_mut().for_each(|x| decode_ld(x, depth + 1)),
        _ => {}
    }
}

fn collect_ld(v: Value, s: &mut Sources, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.into_iter().for_each(|x| collect_ld(x, s, depth + 1)),
        Value::Object(mut o) => {
            if let Some(g) = o.remove("@graph") {
                collect_ld(g, s, depth + 1);
            }
            let types: Vec<String> = match o.get("@type") {
                Some(Value::String(t)) => vec![t.to_ascii_lowercase()],
                Some(Value::Array(a)) => a
                    .iter()
                    .filter_map(|x| x.as_str())
                    .map(str::to_ascii_lowercase)
                    .collect(),
                _ => vec![],
            };
            let obj = Value::Object(o);
            if types.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())) {
                s.ld.push(obj.clone());
            }
            s.ld_all.push(obj);
        }
        _ => {}
    }
}

impl Sources {
    pub fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter()
            .filter_map(|k| self.metas.get(*k))
            .flat_map(|v| v.iter())
            .map(String::as_str)
            .find(|v| !v.trim().is_empty())
    }

    /// A string field of the article-like JSON-LD objects (news types first).
    fn ld_str(&self, key: &str) -> Option<String> {
        self.ld_by_kind()
            .into_iter()
            .find_map(|o| match o.get(key)? {
                Value::String(s) if !s.trim().is_empty() => Some(text::normalize(s)),
                Value::Array(a) => a.iter().find_map(|x| x.as_str()).map(text::normalize),
                _ => None,
            })
    }

    /// The JSON-LD objects, the story's before the page's (a WebPage's or a
    /// CreativeWork's).
    fn ld_by_kind(&self) -> Vec<&Value> {
        let mut objs: Vec<&Value> = self.ld.iter().collect();
        objs.sort_by_key(|o| {
            let t = o
                .get("@type")
                .map(|t| t.to_string().to_ascii_lowercase())
                .unwrap_or_default();
            if t.contains("webpage") || t.contains("creativework") {
                1
            } else {
                0
            }
        });
        objs
    }

    /// The story's keywords as JSON-LD gives them: a list ("keywords":
    /// ["Valencia", "Turismo"]) is read whole, as one separated string.
    fn ld_keywords(&self) -> Option<String> {
        self.ld_by_kind()
            .into_iter()
            .find_map(|o| match o.get("keywords")? {
                Value::Array(a) => {
                    let words: Vec<String> = a
                        .iter()
                        .filter_map(|x| x.as_str())
                        .map(text::normalize)
                        .filter(|w| !w.is_empty())
                        .collect();
                    (!words.is_empty()).then(|| words.join(", "))
                }
                Value::String(s) if !s.trim().is_empty() => Some(text::normalize(s)),
                _ => None,
            })
    }

    /// The story's text as JSON-LD gives it (`articleBody`), plain or
    /// marked up: for pages whose HTML holds no story (a script draws it),
    /// saved before it ran.
    pub fn ld_article_body(&self) -> Option<&str> {
        self.ld.iter().find_map(|o| {
            o.get("articleBody")?
                .as_str()
                .filter(|s| !s.trim().is_empty())
        })
    }

    pub fn site_name(&self) -> Option<String> {
        if let Some(s) = self.meta(&[
            "og:site_name",
            "application-name",
            "al:android:app_name",
            "twitter:app:name:iphone",
        ]) {
            return Some(s.to_string());
        }
        for o in self.ld.iter().chain(&self.ld_all) {
            if let Some(n) = o
                .get("publisher")
                .and_then(|p| p.get("name"))
                .and_then(Value::as_str)
            {
                return Some(text::normalize(n));
            }
        }
        self.ld_all
            .iter()
            .find(|o| o.get("@type").and_then(Value::as_str) == Some("WebSite"))
            .and_then(|o| o.get("name")?.as_str().map(text::normalize))
            .or_else(|| {
                // The publisher's name, when it is one: not its Facebook
                // page, nor a list of names.
                ["article:publisher", "publisher", "dc.publisher"]
                    .iter()
                    .filter_map(|k| self.meta(&[k]))
                    .find(|p| {
                        !p.contains("://")
                            && !p.starts_with("www.")
                            && !p.contains([',', '，'])
                            && p.len() >= 2
                    })
                    .map(text::normalize)
            })
            .or_else(|| {
                // A web address among the title's parts: "sitemaps.org - Home".
                let title = self.title.as_deref()?;
                let parts = title_segments(title);
                (parts.len() > 1)
                    .then(|| parts.into_iter().find(|p| is_host(p)))
                    .flatten()
                    .map(|p| p.trim_end_matches('/').to_string())
            })
    }

    /// The site's name as the title gives it beside the headline: the part
    /// after it ("Headline – Section – Site" gives "Site") or before it
    /// ("Site: Headline"), when it is short and no sentence.
    pub fn site_beside(&self, headline: &str) -> Option<String> {
        let title = text::normalize(self.title.as_deref()?);
        let parts = title_segments(&title);
        let h = squash(headline);
        if parts.len() < 2 || h.is_empty() {
            return None;
        }
        let at = parts.iter().position(|p| squash(p) == h)?;
        let site = if at == 0 {
            parts.last()?
        } else if at == parts.len() - 1 {
            parts.first()?
        } else {
            return None;
        };
        // (A placeholder or a section's word names no site.)
        let generic = [
            "null",
            "undefined",
            "untitled",
            "blog",
            "home",
            "news",
            "index",
        ];
        if generic.iter().any(|g| site.eq_ignore_ascii_case(g)) {
            return None;
        }
        let n = site.chars().count();
        ((2..=40).contains(&n)
            && site.split_whitespace().count() <= 5
            && !site.ends_with(['.', '!', '?', '。', '！', '？']))
        .then(|| site.to_string())
    }

    pub fn description(&self) -> Option<String> {
        // Not the site's name written again ("og:description" = "Engadget").
        let site = self.site_name().map(|n| squash(&n));
        [
            "og:description",
            "description",
            "twitter:description",
            "dc.description",
        ]
        .iter()
        .filter_map(|k| self.metas.get(*k))
        .flat_map(|v| v.iter())
        .find(|v| {
            let q = squash(v);
            !q.is_empty() && site.as_ref() != Some(&q)
        })
        .cloned()
        .or_else(|| self.ld_str("description"))
    }

    /// The page's tags: `article:tag` metas, else the keywords. What names
    /// the story or the site (`others`: the headline, the site's name, and
    /// the page's title), an address, or a template's placeholder is no tag.
    /// Tags from meta data, else the `shown` ones (the page's own tag list).
    pub fn tags(
        &self,
        others: &[Option<&str>],
        shown: impl FnOnce() -> Vec<String>,
    ) -> Vec<String> {
        let others: Vec<String> = others
            .iter()
            .copied()
            .chain([self.title.as_deref()])
            .flatten()
            .map(squash)
            .filter(|o| o.chars().count() >= 3)
            .collect();
        let names_page = |t: &str| {
            let q = squash(t);
            others
                .iter()
                .any(|o| *o == q || (o.chars().count() >= 8 && q.contains(o.as_str())))
        };
        let mut out: Vec<String> = Vec::new();
        let push = |out: &mut Vec<String>, t: &str| {
            let t = t.trim().trim_matches(['"', '#']).trim();
            // A template's placeholder ("YOUR KEYWORDS HERE", "keyword1").
            let lower = t.to_lowercase();
            let placeholder = lower.contains("keywords here")
                || lower.contains("tags here")
                || ["keyword", "keywords", "tag", "tags"].iter().any(|w| {
                    lower
                        .strip_prefix(w)
                        .is_some_and(|d| d.chars().all(|c| c.is_ascii_digit()))
                });
            // An e-mail or a web address ("jane@paper.com twitter.com/jane").
            let address = t.contains('@') && t.contains('.')
                || lower.contains("http")
                || lower.contains("www.")
                || lower.contains(".com/");
            if !t.is_empty()
                && !placeholder
                && !address
                && !names_page(t)
                && t.chars().count() <= 60
                && !out.iter().any(|x| x.eq_ignore_ascii_case(t))
            {
                out.push(t.to_string());
            }
        };
        if let Some(v) = self.metas.get("article:tag") {
            v.iter().for_each(|t| push(&mut out, t));
        }
        if out.is_empty() {
            let raw = self
                .meta(&["news_keywords", "keywords", "parsely-tags", "sailthru.tags"])
                .map(str::to_string)
                .or_else(|| self.ld_keywords());
            // (Keywords that are the title: "从上海车展看在华布局 现代汽车再次提速".)
            let is_title = |r: &String| {
                others.contains(&squash(r)) || others.contains(&squash(&without_media_mark(r)))
            };
            if let Some(raw) = raw.filter(|r| !is_title(r)) {
                split_keywords(&raw).for_each(|t| push(&mut out, t));
            }
        }
        if out.is_empty() {
            shown().iter().for_each(|t| push(&mut out, t));
        }
        out
    }

    pub fn language(&self) -> Option<String> {
        // The first source that gives a language tag: a charset written
        // where the language goes (lang="utf-8") is passed over.
        let tidy = |raw: &str| {
            let l = raw
                .split([',', ';'])
                .next()
                .unwrap_or("")
                .trim()
                .replace('_', "-");
            is_language_tag(&l).then(|| bcp47_case(&l))
        };
        self.lang
            .as_deref()
            .and_then(tidy)
            .or_else(|| {
                self.meta(&["content-language", "dc.language", "language", "og:locale"])
                    .and_then(tidy)
            })
            .or_else(|| self.ld_str("inLanguage").as_deref().and_then(tidy))
    }

    /// The page's address: canonical, og:url, then the "saved from" comment.
    pub fn url(&self, saved_from: Option<&str>) -> Option<String> {
        self.stated_url(saved_from).map(|u| unarchived(&u))
    }

    fn stated_url(&self, saved_from: Option<&str>) -> Option<String> {
        let og = self.meta(&["og:url", "twitter:url"]).map(str::to_string);
        let absolute = |u: &str| u.starts_with("http://") || u.starts_with("https://");
        let base = og.as_deref().filter(|u| absolute(u)).or(saved_from);
        if let Some(c) = &self.canonical {
            // (A relative one may still hold the original: "/web/2024.../https://...".)
            let c = &unarchived(c);
            if absolute(c) {
                return Some(c.clone());
            }
            if let Some(b) = base
                && let Some(joined) = join(b, c)
            {
                return Some(joined);
            }
        }
        og.filter(|u| absolute(u))
            .or_else(|| self.ld_str("url").filter(|u| absolute(u)))
            .or_else(|| saved_from.map(str::to_string))
    }

    /// Titles from meta data, best first.
    fn meta_titles(&self) -> Vec<String> {
        let mut v = Vec::new();
        if let Some(h) = self.ld_str("headline") {
            v.push(h);
        }
        for k in [
            "og:title",
            "twitter:title",
            "headline",
            "dc.title",
            "title",
            "sailthru.title",
            "parsely-title",
        ] {
            if let Some(t) = self.meta(&[k]) {
                v.push(t.to_string());
            }
        }
        v
    }

    /// The headline, and the element it was read from, if any. `body_at` is
    /// where the body's text begins, when known: the visible headline is the
    /// heading just before it.
    pub fn headline(
        &self,
        site_name: Option<&str>,
        body_at: Option<usize>,
    ) -> (Option<String>, Option<usize>) {
        let metas = self.meta_titles();
        let title = self.title.as_deref().map(|t| strip_site(t, site_name));
        let refs: Vec<String> = metas
            .iter()
            .map(|t| strip_site(t, site_name))
            .chain(title.clone())
            .chain(metas.iter().cloned())
            .chain(self.title.clone())
            .collect();
        // Texts that name the site, not the story: logos in <h1>.
        let mut site_texts: Vec<&str> = site_name.into_iter().collect();
        if let (Some(t), Some(st)) = (&self.title, &title) {
            let st = squash(st);
            // (A part that an <h1> shows is the story's when no heading
            // shows the part kept as the title: "Storm hits - Millbrook
            // Times, news for the valley and beyond" with <h1>Storm hits</h1>.)
            // (Shown as a heading, or ending one: "■ Entry title" in <h3>.)
            let shown = |q: &str| {
                !q.is_empty()
                    && (self.h1s.iter().any(|(_, h)| squash(h).ends_with(q))
                        || self.heads.iter().any(|(_, h, _)| squash(h).ends_with(q))
                        || self.h3s.iter().any(|h| h.ends_with(q)))
            };
            let title_shown = shown(&st);
            site_texts.extend(title_segments(t).into_iter().filter(|x| {
                let q = squash(x);
                !q.is_empty()
                    && !st.contains(q.as_str())
                    && (title_shown || !self.h1s.iter().any(|(_, h)| squash(h) == q))
            }));
            // The title kept two parts, and a heading between the <h1> and the
            // body shows one of them ("Entry_Blog name_Host" with <h1>Blog
            // name</h1> and <h2>Entry</h2> over the story): the other part
            // names the site.
            let kept = title.as_deref().map(title_segments).unwrap_or_default();
            let below = |q: &str| {
                self.heads.iter().any(|(i, h, _)| {
                    squash(h) == q
                        && body_at.is_some_and(|b| *i < b)
                        && self.h1s.iter().any(|(j, _)| j < i)
                })
            };
            if kept.len() >= 2
                && let Some(story) = kept.iter().find(|x| below(&squash(x)))
            {
                site_texts.extend(kept.iter().filter(|x| *x != story));
            }
        }
        let sitey: Vec<String> = site_texts.iter().map(|x| squash(x)).collect();
        let h1s_squashed: Vec<String> = self.h1s.iter().map(|(_, x)| squash(x)).collect();
        let plausible = |h: &str| {
            let q = squash(h);
            let n = h.chars().count();
            !q.is_empty()
                && (2..=300).contains(&n)
                && !sitey.contains(&q)
                && h1s_squashed.iter().filter(|x| **x == q).count() < 2
        };
        // Visible candidates: <h1>s, then elements marked as the headline, then <h2>s.
        let mut cands: Vec<(usize, &str, u8)> =
            self.h1s.iter().map(|(i, h)| (*i, h.as_str(), 0)).collect();
        cands.extend(
            self.heads
                .iter()
                .map(|(i, h, m)| (*i, h.as_str(), if *m { 1 } else { 2 })),
        );
        // A visible headline that agrees with a meta title.
        let mut best: Option<(f32, usize, &str)> = None;
        // Each reference squashed, whole and by title segment, once.
        let refs_squashed: Vec<(String, Vec<String>)> = refs
            .iter()
            .map(|r| {
                let segs = title_segments(r).iter().map(|seg| squash(seg)).collect();
                (squash(r), segs)
            })
            .collect();
        // Each title's words, split when first needed.
        let mut ref_words: Vec<Option<Vec<String>>> = vec![None; refs.len()];
        for &(i, h, level) in &cands {
            let h1 = squash(h);
            if h1.is_empty() || !plausible(h) && level != 1 {
                continue;
            }
            let mut cand_words: Option<Vec<String>> = None;
            for (k, (rr, segs)) in refs_squashed.iter().enumerate() {
                let sim = if *rr == h1 {
                    1.0
                } else if segs.contains(&h1) {
                    0.95
                } else if h1.contains(rr.as_str()) && rr.chars().count() >= 8 {
                    // The meta title is a shortened variant of the visible one.
                    0.9
                } else if rr.contains(&h1) && level < 2 {
                    0.8 * h1.len() as f32 / rr.len() as f32 + 0.1
                } else if level < 2
                    && words_within(
                        ref_words[k].get_or_insert_with(|| words(&refs[k])),
                        cand_words.get_or_insert_with(|| words(h)),
                    )
                {
                    // The meta title's words, reordered ("Aldi Beef Maker"
                    // for "Beef Maker von Aldi im Test").
                    0.85
                } else {
                    0.0
                };
                // An <h2> must agree closely, and yields to an <h1> that agrees.
                let sim = if level == 2 && sim < 0.9 {
                    0.0
                } else {
                    sim - 0.06 * f32::from(level)
                };
                if sim > 0.45 && best.is_none_or(|b| sim > b.0) {
                    best = Some((sim, i, h));
                }
            }
        }
        if let Some((_, i, h)) = best {
            // A logo link inside the <h1> glues the site's name to the story's:
            // cut it when what is left is a meta title.
            let h = site_texts
                .iter()
                .filter_map(|site| strip_glued(h, site, false))
                .find(|cut| {
                    let q = squash(cut);
                    refs_squashed.iter().any(|(r, _)| *r == q)
                })
                .unwrap_or_else(|| h.to_string());
            return (Some(h), Some(i));
        }
        // Else the <h1> just before the body, with no other heading between,
        // over a meta title written for search engines.
        if let Some(at) = body_at
            && let Some((i, h)) = self.h1s.iter().rfind(|(i, h)| *i < at && plausible(h))
            && !cands.iter().any(|c| c.0 > *i && c.0 < at && c.2 == 2)
        {
            return (Some(h.clone()), Some(*i));
        }
        // A title that is only the site's address says nothing of the story:
        // an <h1> does, else the heading nearest before the body.
        if let Some(t) = refs.into_iter().find(|t| !t.is_empty() && !is_host(t)) {
            return (Some(t), None);
        }
        if let Some((i, h)) = self.h1s.iter().find(|(_, h)| plausible(h)) {
            return (Some(h.clone()), Some(*i));
        }
        // ("# Home" on a home page is a menu's, not a story's: a few words
        // at least; "谁来为无序拆房“埋单”？- -" loses its trailing dashes.)
        let story_like = |h: &str| {
            h.split_whitespace().count() >= 3 || h.chars().filter(|&c| text::is_cjk(c)).count() >= 5
        };
        if let Some(at) = body_at
            && let Some((i, h, _)) = self
                .heads
                .iter()
                .rfind(|(i, h, _)| *i < at && plausible(h) && !is_host(h) && story_like(h))
        {
            let h = h.trim_end_matches(|c: char| c.is_whitespace() || "-–—|_·".contains(c));
            return (Some(h.to_string()), Some(*i));
        }
        (None, None)
    }

    /// Publication time from markup: JSON-LD, meta tags, `<time>`.
    pub fn published(&self) -> Option<Stamp> {
        self.published_markup().map(|v| self.refine(v))
    }

    /// A `<time datetime>` of the page may say more of the same moment: the
    /// time of day a date-only value lacks, or the real offset of a local
    /// time that a meta tag labelled UTC ("20:00Z" beside "20:00+09:00").
    fn refine(&self, v: Stamp) -> Stamp {
        let same_day = self
            .times
            .iter()
            .filter(|t| t.3)
            .filter_map(|t| date::parse_value(&t.1))
            .filter(|t| t.date == v.date && t.time.is_some());
        let mut out = v.clone();
        for t in same_day {
            match (v.time, v.offset) {
                (None, _) => return t,
                (Some((h, m, _)), Some(0))
                    if t.time.is_some_and(|(th, tm, _)| (th, tm) == (h, m))
                        && t.offset.is_some_and(|o| o != 0) =>
                {
                    out = t;
                }
                _ => {}
            }
        }
        out
    }

    fn published_markup(&self) -> Option<Stamp> {
        if let Some(v) = self
            .ld_str("datePublished")
            .and_then(|s| date::parse_value(&s))
        {
            return Some(v);
        }
        const KEYS: &[&str] = &[
            "article:published_time",
            "og:article:published_time",
            "article:published",
            "published_time",
            "og:published_time",
            "datepublished",
            "pubdate",
            "publishdate",
            "publish_date",
            "publish-date",
            "publication_date",
            "date",
            "dc.date.issued",
            "dc.date",
            "dcterms.date",
            "dcterms.created",
            "sailthru.date",
            // Korean portals: "20210820030646".
            "og:regdate",
            "parsely-pub-date",
            "article.published",
            "cxenseparse:recs:publishtime",
            "weibo:article:create_at",
            "og:release_date",
            "release_date",
            "created",
            "creation_date",
            "dc.created",
            "dc:created",
            "dc.date.created",
            "dc.issued",
            "dcterms.issued",
            "date_published",
            "published_date",
            "citation_publication_date",
            "citation_date",
        ];
        for k in KEYS {
            if let Some(v) = self
                .metas
                .get(*k)
                .and_then(|v| v.iter().find_map(|x| date::parse_value(x)))
            {
                return Some(v);
            }
        }
        self.times
            .iter()
            .filter(|t| t.2)
            .find_map(|t| date::parse_value(&t.1))
    }

    /// A machine-readable time (`<time datetime>`, any `datetime` attribute)
    /// not marked as the publication date: the one nearest the headline at
    /// `at`, a little before it (article headers) or after it up to `to`.
    /// Times given only as text (embedded posts) are left to the text search.
    pub fn time_near(&self, at: usize, to: usize) -> Option<Stamp> {
        self.times
            .iter()
            .filter(|t| !t.2 && t.3 && t.0 + 200 >= at && t.0 < to)
            .filter_map(|t| Some((t, date::parse_value(&t.1)?)))
            .min_by_key(|x| x.0.0.abs_diff(at))
            .map(|(t, v)| {
                // An "updated" time beside a published one ("<time
                // class=updated>...<time class=entry-date>"): the other.
                self.times
                    .iter()
                    .filter(|o| t.4 && !o.4 && o.3 && o.0.abs_diff(t.0) <= 12)
                    .find_map(|o| date::parse_value(&o.1))
                    .unwrap_or(v)
            })
    }

    /// When the page was last changed: only a fallback for pages that say
    /// nothing else.
    pub fn modified(&self) -> Option<Stamp> {
        self.ld_str("dateModified")
            .and_then(|s| date::parse_value(&s))
            .or_else(|| {
                [
                    "article:modified_time",
                    "datemodified",
                    "dc.date.modified",
                    "dcterms.modified",
                    "og:updated_time",
                    "dateupdate",
                    "last-modified",
                    "lastmodified",
                    // A microdata dateCreated may be the page's (rnz.de's is
                    // four years after the story).
                    "datecreated",
                ]
                .iter()
                .find_map(|k| {
                    self.metas
                        .get(*k)
                        .and_then(|v| v.iter().find_map(|x| date::parse_value(x)))
                })
            })
    }

    /// Authors named by markup: JSON-LD, meta tags, rel=author, itemprop=author.
    /// Organisations named as authors are given as sources.
    pub fn authors(&self, site_name: Option<&str>) -> Vec<Credit> {
        let mut names: Vec<String> = Vec::new();
        let mut orgs: Vec<String> = Vec::new();
        for o in &self.ld {
            if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
                ld_names(a, &mut names, &mut orgs, 0);
            }
            if !names.is_empty() || !orgs.is_empty() {
                break;
            }
        }
        if names.is_empty() {
            for k in [
                "author",
                "article:author",
                "og:article:author",
                "byl",
                "parsely-author",
                "sailthru.author",
                "dc.creator",
                "dcterms.creator",
                "cxenseparse:author",
                "citation_author",
                "citation_authors",
            ] {
                if let Some(v) = self.metas.get(k) {
                    for x in v {
                        // The publisher written again as the author
                        // ("Hans Publishers" in Author and dc.publisher).
                        if self.meta(&["dc.publisher", "citation_publisher", "dcterms.publisher"])
                            == Some(x.as_str())
                        {
                            continue;
                        }
                        // (A template's own author: Discuz! writes "Discuz!
                        // Team and Comsenz UI Team" on every forum's pages.)
                        if x.starts_with("http") || x.starts_with('@') || x.contains("Discuz!") {
                            continue;
                        }
                        let x = x.trim_start_matches("By ").trim_start_matches("by ");
                        // The copyright line written again as the author
                        // ("SPIEGEL ONLINE, Hamburg, Germany") names the
                        // house, first; the rest is its address.
                        let parts = x.split([',', '，', '、', ';', '|']).map(str::to_string);
                        if self.meta(&["copyright", "dc.rights", "rights"]) == Some(x) {
                            names.extend(parts.take(1));
                        } else {
                            names.extend(parts);
                        }
                    }
                }
                if !names.is_empty() {
                    break;
                }
            }
        }
        if names.is_empty() && orgs.is_empty() {
            names = self
                .author_elements
                .iter()
                .map(|(_, t)| t.clone())
                .collect();
        }
        // The site itself or its publisher named as the author.
        let mut houses: Vec<String> = site_name.map(squash).into_iter().collect();
        for o in self.ld.iter().chain(&self.ld_all) {
            if let Some(n) = o
                .get("publisher")
                .and_then(|p| p.get("name"))
                .and_then(Value::as_str)
            {
                houses.push(squash(n));
            }
        }
        if let Some(p) = self.meta(&["article:publisher", "og:site_name", "twitter:site"]) {
            houses.push(squash(p.trim_start_matches('@')));
        }
        // A one-word name that is the site's address ("Weltwoche" on
        // weltwoche.ch) is the house as well ("Paul Graham" on paulgraham.com
        // is a person).
        let host_label = self.url(None).as_deref().and_then(host_name_label);
        // The holder of the copyright named as the author is the house too.
        let copyright = self
            .meta(&["copyright", "dc.rights", "rights"])
            .map(squash)
            .unwrap_or_default();
        let mut out: Vec<Credit> = Vec::new();
        let tagged = names
            .iter()
            .flat_map(|n| credits::split_people(n))
            .map(|n| (n, false))
            .chain(orgs.into_iter().map(|n| (n, true)));
        for (n, org) in tagged {
            let n = credits::clean_name(n.trim_start_matches("By ").trim_start_matches("by "));
            // Ids and user names ("L_104485", "site_admin") are not names.
            if n.chars().filter(|c| c.is_alphabetic()).count() < 2
                || n.contains('_')
                || n.chars().count() > 60
                || out.iter().any(|c| c.name.eq_ignore_ascii_case(&n))
            {
                continue;
            }
            let q = squash(&n);
            let org = org
                || houses.iter().any(|h| !h.is_empty() && *h == q)
                || !n.contains(char::is_whitespace) && host_label.as_deref() == Some(q.as_str())
                || q.chars().count() >= 4 && copyright.contains(&q)
                || credits::is_organisation(&n);
            out.push(Credit {
                role: if org { "source" } else { "author" }.into(),
                name: n,
                label: None,
            });
        }
        out
    }
}

/// The text of a headline element less a <time> written into it ("<h2><time
/// datetime=2019-06-17>Jun 17</time>Story</h2>"), unless that is all it says.
fn heading_text(dom: &Dom, i: usize) -> String {
    let whole = dom.text_of(i);
    let end = dom.items[i].end as usize;
    let mut out = whole.clone();
    for j in (i + 1..end).filter(|&j| dom.tag(j) == "time") {
        let t = dom.text_of(j);
        if let Some(at) = out.find(t.as_str()).filter(|_| !t.is_empty()) {
            out.replace_range(at..at + t.len(), " ");
        }
    }
    let out = text::normalize(&out);
    if out.is_empty() { whole } else { out }
}

/// Separators of a keyword list.
pub const KEYWORD_SEPARATORS: [char; 7] = [',', '，', '、', ';', '；', '|', '｜'];

/// The keywords of a list ("budget, roads"): cut at its separators, or, for
/// a Chinese list parted by spaces only ("疫情防控 核酸检测 开学时间"), at
/// the spaces; words of other scripts keep theirs.
pub fn split_keywords(raw: &str) -> Box<dyn Iterator<Item = &str> + '_> {
    let spaced_cjk = !raw.contains(KEYWORD_SEPARATORS)
        && raw.split_whitespace().count() > 1
        && !raw.chars().any(|c| c.is_alphabetic() && !text::is_cjk(c));
    if spaced_cjk {
        Box::new(raw.split_whitespace())
    } else {
        Box::new(raw.split(KEYWORD_SEPARATORS))
    }
}

/// The name in a page address's host, when it is one word: "weltwoche"
/// in https://www.weltwoche.ch/a, "bbc" in https://www.bbc.co.uk/b.
fn host_name_label(url: &str) -> Option<String> {
    let host = url
        .split("://")
        .nth(1)?
        .split(['/', '?', '#', ':'])
        .next()?;
    let labels: Vec<&str> = host.split('.').filter(|l| *l != "www").collect();
    let name = match labels[..] {
        [.., name, "co" | "com" | "org" | "net" | "ac" | "gov", _] if labels.len() >= 3 => name,
        [.., name, _] => name,
        _ => return None,
    };
    // ("moritz-meyer.net" is a person's: two words.)
    Some(squash(name)).filter(|n| n.len() >= 3 && !name.contains('-'))
}

fn ld_names(v: &Value, out: &mut Vec<String>, orgs: &mut Vec<String>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::String(s) if !s.starts_with("http") => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| ld_names(x, out, orgs, depth + 1)),
        Value::Object(o) => {
            let org = o.get("@type").is_some_and(|t| {
                let t = t.to_string().to_ascii_lowercase();
                t.contains("organization") || t.contains("newsmediaorganization")
            });
            if let Some(n) = o.get("name") {
                if org {
                    ld_names(n, orgs, &mut Vec::new(), depth + 1);
                } else {
                    ld_names(n, out, orgs, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// Joins a relative reference to an absolute base URL (enough for canonical links).
fn join(base: &str, rel: &str) -> Option<String> {
    let scheme_end = base.find("://")? + 3;
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    if let Some(r) = rel.strip_prefix("//") {
        return Some(format!("{}{}", &base[..scheme_end], r));
    }
    if rel.starts_with('/') {
        return Some(format!("{}{}", &base[..host_end], rel));
    }
    None
}

/// A title's words, lowercased.
fn words(t: &str) -> Vec<String> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Are the words of `short`, two or more, all words of the longer `long`?
fn words_within(short: &[String], long: &[String]) -> bool {
    short.len() >= 2 && short.len() < long.len() && short.iter().all(|w| long.contains(w))
}

/// The parts of a title between its separators ("Headline - Site" gives both).
fn title_segments(t: &str) -> Vec<&str> {
    let mut parts = vec![t];
    for sep in SEPARATORS {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
    }
    parts
}

/// The page's own address inside a web archive's ("https://web.archive.org
/// /web/20240305081200/https://news.example/story", or the same without the
/// archive's host, as the Wayback Machine rewrites links): the original.
fn unarchived(url: &str) -> String {
    let rest = url
        .strip_prefix("https://web.archive.org")
        .or_else(|| url.strip_prefix("http://web.archive.org"))
        .unwrap_or(url);
    if let Some(r) = rest.strip_prefix("/web/") {
        let stamp_end = r.find('/').unwrap_or(r.len());
        let stamp = &r[..stamp_end];
        let original = &r[(stamp_end + 1).min(r.len())..];
        if stamp.starts_with(|c: char| c.is_ascii_digit())
            && stamp.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && (original.starts_with("http://") || original.starts_with("https://"))
        {
            return original.to_string();
        }
    }
    url.to_string()
}

/// Is `t` a host name written as a title ("iloveponysmag.com", "carta.info",
/// "www.example.co.uk")? The last label must be a lowercase top-level domain
/// of the usual ones, so that "Node.js", "ASP.NET" or "Socket.io" are names.
pub fn is_host(t: &str) -> bool {
    const TLDS: &[&str] = &[
        "com", "net", "org", "info", "biz", "edu", "gov", "news", "tv", "eu", "us", "uk", "de",
        "fr", "it", "es", "pt", "nl", "be", "ch", "at", "pl", "cz", "sk", "hu", "ro", "gr", "tr",
        "ru", "ua", "se", "no", "dk", "fi", "ie", "cn", "hk", "tw", "jp", "kr", "sg", "my", "id",
        "vn", "th", "ph", "in", "au", "nz", "ca", "mx", "br", "ar", "cl", "co", "za", "ng", "ke",
        "eg", "il", "ae", "sa",
    ];
    let t = t.trim().trim_end_matches('/');
    let t = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
        .unwrap_or(t);
    let labels: Vec<&str> = t.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels.last().is_some_and(|tld| TLDS.contains(tld))
}

/// Comparable form of a title: letters and digits only, lowercase.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", "_", "｜", " / ", "－", "—",
];

/// `title` less the site name glued to its end or its start with any
/// punctuation ("Story:Site", "Site：Story"), or with none ("StorySite")
/// unless `need_sep`, when enough is left to be a title.
fn strip_glued(title: &str, site: &str, need_sep: bool) -> Option<String> {
    const SEPS: &[char] = &[
        ' ', ':', '：', '|', '｜', '-', '–', '—', '_', '·', '»', '«', '/', '[', ']', '【', '】',
        '(', ')',
    ];
    let t = text::normalize(title);
    let site = text::normalize(site);
    if site.chars().count() < 3 {
        return None;
    }
    let cut = match t.strip_suffix(site.as_str()) {
        Some(rest) => rest.trim_end_matches(SEPS),
        None => t.strip_prefix(site.as_str())?.trim_start_matches(SEPS),
    };
    let sep = cut.len() + site.len() < t.len();
    (cut.chars().count() >= 4 && (sep || !need_sep)).then(|| cut.to_string())
}

/// A headline less the mark Chinese portals give a story with pictures or
/// video ("...问题严重(图)").
pub fn without_media_mark(h: &str) -> String {
    for mark in [
        "(图)",
        "（图）",
        "(组图)",
        "（组图）",
        "(附图)",
        "(视频)",
        "（视频）",
    ] {
        if let Some(rest) = h.trim_end().strip_suffix(mark)
            && rest.trim_end().chars().count() >= 2
        {
            return rest.trim_end().to_string();
        }
    }
    h.to_string()
}

/// Removes a site name from a title: a part equal to `site_name`, else the
/// shorter parts around the title's own separators.
pub fn strip_site(title: &str, site_name: Option<&str>) -> String {
    let mut t = text::normalize(title);
    if let Some(c) = site_name.and_then(|site| strip_glued(&t, site, true)) {
        t = c;
    }
    for sep in SEPARATORS {
        if !t.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = t
            .split(sep)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() < 2 {
            continue;
        }
        // A web address names the site ("OUTDOOR LOVERS | iloveponysmag.com").
        let named: Vec<&str> = parts.iter().copied().filter(|p| !is_host(p)).collect();
        if named.len() < parts.len() && !named.is_empty() {
            return strip_site(&named.join(sep), site_name);
        }
        if let Some(site) = site_name.map(squash).filter(|s| !s.is_empty()) {
            let kept: Vec<&str> = parts
                .iter()
                .copied()
                .filter(|p| squash(p) != site)
                .collect();
            if kept.len() < parts.len() && !kept.is_empty() {
                return strip_site(&kept.join(sep), None);
            }
        }
        // Otherwise the longest part is the headline, if it is clearly longest.
        let longest = parts
            .iter()
            .copied()
            .max_by_key(|p| p.chars().count())
            .unwrap_or(&t);
        let rest: usize =
            parts.iter().map(|p| p.chars().count()).sum::<usize>() - longest.chars().count();
        // (A Han or kana character says as much as two Latin letters.)
        let width: usize = longest
            .chars()
            .map(|c| if text::is_cjk(c) { 2 } else { 1 })
            .sum();
        if longest.chars().count() >= rest && width >= 10 {
            return longest.to_string();
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(page: &str) -> Option<String> {
        gather(&crate::parse::Dom::parse(page))
            .published()
            .map(|s| s.iso())
    }

    #[test]
    fn a_description_that_names_the_site_or_nothing_gives_way() {
        let desc = |page: &str| gather(&crate::parse::Dom::parse(page)).description();
        assert_eq!(
            desc(
                "<head><meta property='og:site_name' content='Engadget'>\
                 <meta property='og:description' content='Engadget'>\
                 <meta name='description' content='Streaming TV to phones is nice.'></head>"
            )
            .as_deref(),
            Some("Streaming TV to phones is nice.")
        );
        assert_eq!(
            desc("<head><meta name='description' content='#'><meta name='twitter:description' content='A story.'></head>")
                .as_deref(),
            Some("A story.")
        );
    }

    #[test]
    fn language_tags_are_written_as_bcp_47_does() {
        assert_eq!(bcp47_case("DE"), "de");
        assert_eq!(bcp47_case("en-us"), "en-US");
        assert_eq!(bcp47_case("zh-hans-cn"), "zh-Hans-CN");
        assert_eq!(bcp47_case("es-419"), "es-419");
        let lang = |page: &str| gather(&crate::parse::Dom::parse(page)).language();
        assert_eq!(
            lang("<html lang='de_de'><body></body></html>").as_deref(),
            Some("de-DE")
        );
        // A charset where the language goes is no language; the next source is.
        assert_eq!(
            lang("<html lang='utf-8'><head><meta http-equiv=content-language content=fr-CA></head></html>")
                .as_deref(),
            Some("fr-CA")
        );
        assert_eq!(lang("<html lang='utf-8'><body></body></html>"), None);
        assert_eq!(lang("<html lang='English'><body></body></html>"), None);
    }

    #[test]
    fn tags_leave_template_placeholders() {
        let tags = |content: &str| {
            let page =
                format!("<head><meta name='keywords' content='{content}'></head><body></body>");
            gather(&crate::parse::Dom::parse(&page)).tags(
                &[Some("Harbour Crane Falls"), Some("The Daily Bugle")],
                Vec::new,
            )
        };
        assert!(tags("YOUR KEYWORDS HERE").is_empty());
        assert!(tags("keyword1, keyword2, tag").is_empty());
        assert_eq!(
            tags("Hamburg, Tagesausblick, Tags der offenen Tür"),
            vec!["Hamburg", "Tagesausblick", "Tags der offenen Tür"]
        );
        // The headline, the site, an address are no tags.
        assert_eq!(
            tags(
                "harbour crane falls, The Daily Bugle, jane@bugle.com, www.bugle.com/jane, Harbour"
            ),
            vec!["Harbour"]
        );
        assert_eq!(
            tags("Harbour Crane Falls - The Daily Bugle"),
            Vec::<String>::new()
        );
        assert_eq!(tags("Harbour Crane Falls"), Vec::<String>::new());
        // Chinese keywords parted by spaces; other words keep theirs.
        assert_eq!(
            tags("疫情防控 核酸检测 开学时间"),
            vec!["疫情防控", "核酸检测", "开学时间"]
        );
        assert_eq!(
            tags("New York, Donald Trump"),
            vec!["New York", "Donald Trump"]
        );
        assert_eq!(tags("Donald Trump"), vec!["Donald Trump"]);
    }

    #[test]
    fn a_meta_title_of_the_headlines_words_reordered_agrees_with_it() {
        let head = |page: &str| {
            let dom = crate::parse::Dom::parse(page);
            let at = dom.items.len() - 1;
            gather(&dom).headline(None, Some(at)).0
        };
        let page = "<head><meta property='og:title' content='Aldi Beef Maker'></head><body>\
             <h1>Beef Maker von Aldi im Test</h1><h2>Das perfekte Steak aus dem Discounter-Grill</h2><p>x</p></body>";
        assert_eq!(head(page).as_deref(), Some("Beef Maker von Aldi im Test"));
        // Words the headline does not have are another title.
        let page = page.replace("Aldi Beef Maker", "Aldi Beef Maker deals");
        assert_eq!(head(&page).as_deref(), Some("Aldi Beef Maker deals"));
    }

    #[test]
    fn a_web_address_in_the_title_is_the_site_not_the_story() {
        let head = |page: &str| {
            let dom = crate::parse::Dom::parse(page);
            let at = dom.items.len() - 1;
            gather(&dom).headline(None, Some(at)).0
        };
        // The address is the longer part of the title; the story's <h1>
        // agrees with the other, over a menu button's <h1>.
        assert_eq!(
            head(
                "<head><title>OUTDOOR LOVERS | iloveponysmag.com</title></head><body>\
                 <h1 class='menu-toggle'>Menü</h1><h1 class='entry-title'>OUTDOOR LOVERS</h1><p>x</p></body>"
            )
            .as_deref(),
            Some("OUTDOOR LOVERS")
        );
        // A title that is only the address, over a logo: the <h2> over the story.
        assert_eq!(
            head(
                "<head><title>carta.info</title></head><body><h1><a href='/'><img alt='carta.info'></a></h1>\
                 <h2>Der neue Trend: Muss- statt Wunschkoalition</h2><p>x</p></body>"
            )
            .as_deref(),
            Some("Der neue Trend: Muss- statt Wunschkoalition")
        );
        // A blog's name in an <h1> linking to the "index.html" beside the post.
        assert_eq!(
            head(
                "<body><h1 class='title'><a href='index.html'>bjreader的博客</a></h1>\
                 <h2 class='diaryTitle'>谁来为无序拆房“埋单”？- -</h2><p>x</p></body>"
            )
            .as_deref(),
            Some("谁来为无序拆房“埋单”？")
        );
        assert!(is_host("www.example.co.uk") && is_host("carta.info"));
        assert!(!is_host("Mr. Smith") && !is_host("v2.0") && !is_host("Hello world.com"));
        assert!(!is_host("Node.js") && !is_host("ASP.NET") && !is_host("Socket.io"));
    }

    #[test]
    fn a_time_element_corrects_or_completes_the_meta_time() {
        // A local time labelled UTC by a meta tag, the real offset in <time>.
        assert_eq!(
            published(
                "<head><meta property='article:published_time' content='2019-04-19T20:00:00.000Z'></head>\
                 <body><h1>T</h1><time datetime='2019-04-19T20:00:00+09:00'>2019.04.19 20:00</time></body>"
            )
            .as_deref(),
            Some("2019-04-19T20:00:00+09:00")
        );
        // A date-only meta value gets the time of day of the same date.
        assert_eq!(
            published(
                "<head><meta name='pubdate' content='2021-03-02'></head>\
                 <body><time datetime='2021-03-02T08:15'>8:15</time></body>"
            )
            .as_deref(),
            Some("2021-03-02T08:15")
        );
        // A real UTC time is kept; another day's time element changes nothing.
        assert_eq!(
            published(
                "<head><meta property='article:published_time' content='2019-04-19T11:00:00Z'></head>\
                 <body><time datetime='2019-04-19T20:00:00+09:00'>x</time><time datetime='2019-04-18T07:00'>y</time></body>"
            )
            .as_deref(),
            Some("2019-04-19T11:00:00Z")
        );
        // A Korean portal's compact og:regDate.
        assert_eq!(
            published("<head><meta property='og:regDate' content='20210820030646'></head>")
                .as_deref(),
            Some("2021-08-20T03:06:46")
        );
    }

    #[test]
    fn author_class_prefilter_is_exact() {
        // The letters of the three words match no non-ASCII character in
        // case-insensitive mode, so the ASCII byte search misses no match.
        for l in "authorbylinewriterauteur".chars() {
            let re = Regex::new(&format!("(?i)^{l}$")).unwrap();
            for c in (0x80..0x11_0000u32).filter_map(char::from_u32) {
                assert!(!re.is_match(c.encode_utf8(&mut [0; 4])), "{l} {c:?}");
            }
        }
        for c in [
            "author",
            "post-AUTHOR",
            "byline__name",
            "ByLine-link",
            "writer-name",
            "x-authors",
            "entry-author-name",
            "Byline",
            "autor pull-left",
            "auteur",
        ] {
            assert!(names_a_writer(c), "{c}");
        }
        for c in ["", "auth", "headline", "nav main", "writ er", "auto"] {
            assert!(!names_a_writer(c), "{c}");
            assert!(!AUTHOR_CLASS.is_match(c), "{c}");
        }
    }

    #[test]
    fn squash_agrees_with_the_plain_definition() {
        let all: String = (0..0x11_0000u32).filter_map(char::from_u32).collect();
        let plain: String = all
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        assert_eq!(squash(&all), plain);
    }

    #[test]
    fn site_names_are_stripped() {
        assert_eq!(
            strip_site("Big news today - The Site", Some("The Site")),
            "Big news today"
        );
        assert_eq!(strip_site("Big news today | Site", None), "Big news today");
        assert_eq!(
            strip_site(
                "The advantages of cell therapy are evident_Tech_Unite directory",
                None
            ),
            "The advantages of cell therapy are evident"
        );
        assert_eq!(strip_site("Short - Title", None), "Short - Title");
        assert_eq!(
            strip_site(
                "ツリーを描画できる「Treeviz」:phpspot開発日誌",
                Some("phpspot開発日誌")
            ),
            "ツリーを描画できる「Treeviz」"
        );
        assert_eq!(strip_site("The Site", Some("The Site")), "The Site");
        assert_eq!(
            strip_site("新闻标题在这里很长很长很长_新闻频道_某某网", None),
            "新闻标题在这里很长很长很长"
        );
        assert_eq!(
            without_media_mark("拿出10万元投资房产 小两口尝试以钱生钱(图)"),
            "拿出10万元投资房产 小两口尝试以钱生钱"
        );
        assert_eq!(without_media_mark("(图)"), "(图)");
        // A web archive's address holds the page's own.
        for archived in [
            "https://web.archive.org/web/20240313081522/https://news.example/story",
            "/web/20240313081522id_/https://news.example/story",
        ] {
            assert_eq!(unarchived(archived), "https://news.example/story");
        }
        assert_eq!(
            unarchived("https://news.example/web/2024/story"),
            "https://news.example/web/2024/story"
        );
        // A short Chinese headline is clearly longest too: four Han
        // characters say as much as "Short - Title" does not.
        assert_eq!(
            strip_site("投身外交(3)_读书频道_新浪网", None),
            "投身外交(3)"
        );
    }

    #[test]
    fn json_ld_graph_and_authors() {
        let page = r#"<html lang="en"><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
             {"@type":["NewsArticle"],"headline":"A headline","datePublished":"2023-10-20T12:42:26+08:00",
              "author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"}]}]}
            </script></head><body><h1>A headline</h1></body></html>"#;
        let dom = Dom::parse(page);
        let s = gather(&dom);
        assert_eq!(s.headline(None, None).0.as_deref(), Some("A headline"));
        assert_eq!(s.published().unwrap().iso(), "2023-10-20T12:42:26+08:00");
        let names: Vec<String> = s.authors(None).into_iter().map(|c| c.name).collect();
        assert_eq!(names, vec!["Jane Doe", "John Roe"]);
        assert_eq!(s.language().as_deref(), Some("en"));
        assert_eq!(s.site_name().as_deref(), Some("Site"));
    }

    #[test]
    fn canonical_relative_is_joined() {
        let dom = Dom::parse(
            r#"<head><link rel="canonical" href="/a/b.html"><meta property="og:url" content="https://x.org/q"></head>"#,
        );
        let s = gather(&dom);
        assert_eq!(s.url(None).as_deref(), Some("https://x.org/a/b.html"));
    }
}
