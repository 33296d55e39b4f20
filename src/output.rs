//! Stage 6: the result. `Article` serialises to copydesk's JSON, keys in a
//! fixed order, absent values as null or [] (never missing keys).

use serde::Serialize;

use crate::credits::Credit;

/// The keys of an [`Article`]'s JSON, in their order.
pub const ARTICLE_KEYS: [&str; 11] = [
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

/// One page's extraction result.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    /// The input path as given ("-" for stdin).
    pub source: String,
    /// Canonical link, og:url, or the "saved from url=" comment.
    pub url: Option<String>,
    /// The article's title without the site name.
    pub headline: Option<String>,
    /// Publication time, ISO 8601, with an offset only when the page states one.
    pub timestamp: Option<String>,
    /// Everyone credited, with a role.
    pub credits: Vec<Credit>,
    /// The body in reading order: one string per paragraph, subhead or list item.
    pub paragraphs: Vec<String>,
    /// Language tag ("en", "zh-CN").
    pub language: Option<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    /// The encoding the page was decoded with.
    pub encoding: String,
}

impl Article {
    /// One line of JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an Article always serialises")
    }

    /// Indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("an Article always serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_all_present_in_order() {
        let json = Article::default().to_json();
        let mut at = 0;
        for k in ARTICLE_KEYS {
            let i = json[at..]
                .find(&format!("\"{k}\":"))
                .unwrap_or_else(|| panic!("{k} missing in {json}"));
            at += i;
        }
        assert!(json.contains("\"url\":null") && json.contains("\"credits\":[]"));
    }
}
