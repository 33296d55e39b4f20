//! Stage 1b: pages saved as text (a browser's "Save as: Text", a reader's
//! copy, a terminal browser's dump) become simple HTML, so that the same
//! rules and the same body finder read them: one paragraph a line, and the
//! first title-like line near the top as the headline.

use std::sync::LazyLock;

use regex::Regex;

/// How far into the text to look for markup.
const SNIFF: usize = 64 * 1024;

/// Is `text` a page saved as plain text rather than markup? Only when no
/// HTML tag shows in its first 64 KB: "a < b" or "<3" are text, `<p>` or
/// `<!DOCTYPE` are markup.
pub fn is_plain_text(text: &str) -> bool {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)<(!doctype|!--|\?xml|/?(html|head|body|meta|title|p|div|span|a|b|i|em|strong|br|hr|table|tr|td|script|style|noscript|h[1-6]|article|section|main|header|footer|nav|ul|ol|li|img|link|font|center|form|input|text|iframe|figure|pre|code|blockquote))[\s>/]",
        )
        .expect("valid regex")
    });
    let head = &text[..crate::parse::floor_char_boundary(text, SNIFF)];
    !head.trim().is_empty() && !TAG.is_match(head)
}

/// The text as an HTML page: a paragraph per non-blank line, the headline
/// (the first title-like line among the first few) as `<title>` and `<h1>`.
pub fn to_html(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let headline = lines.iter().take(6).position(|l| title_like(l));
    let mut out = String::with_capacity(text.len() + 16 * lines.len() + 64);
    out.push_str("<!DOCTYPE html><html><head>");
    if let Some(h) = headline {
        out.push_str("<title>");
        escape_into(&mut out, lines[h]);
        out.push_str("</title>");
    }
    out.push_str("</head><body>\n");
    for (k, line) in lines.iter().enumerate() {
        let tag = if Some(k) == headline { "h1" } else { "p" };
        out.push('<');
        out.push_str(tag);
        out.push('>');
        escape_into(&mut out, line);
        out.push_str("</");
        out.push_str(tag);
        out.push_str(">\n");
    }
    out.push_str("</body></html>\n");
    out
}

/// A headline: a few words, not a sentence of prose (no closing full stop),
/// not a breadcrumb ("Home > News"), not a dateline.
fn title_like(line: &str) -> bool {
    let n = line.chars().count();
    let words = line.split_whitespace().count();
    let cjk = line.chars().filter(|&c| crate::text::is_cjk(c)).count();
    (words >= 3 || cjk >= 6)
        && (8..=250).contains(&n)
        && !line.ends_with(['.', '。', ':', '：'])
        && !line.contains(['>', '»', '›', '|', '＞'])
        && crate::date::find(line).is_none()
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_not_plain_text() {
        assert!(is_plain_text(
            "A headline\n\nA paragraph where a < b and <3 for you."
        ));
        assert!(is_plain_text("标题\n\n正文第一段。"));
        assert!(!is_plain_text("<!DOCTYPE html><p>x</p>"));
        assert!(!is_plain_text("Some text <p>then a paragraph</p>"));
        assert!(!is_plain_text("<text id=\"x\">\n<html>"));
        assert!(!is_plain_text("   \n  "));
    }

    #[test]
    fn lines_become_paragraphs_and_the_title_line_the_headline() {
        let html = to_html(
            "Home Page > News List >> Tech\n\nCouncil funds the harbour bridge at last\n\n\
             Tech 2023-10-20 12:42:26 Source: Network\n\nThe council met on Tuesday & agreed <quickly>.\n",
        );
        assert!(html.contains("<title>Council funds the harbour bridge at last</title>"));
        assert!(html.contains("<h1>Council funds the harbour bridge at last</h1>"));
        assert!(html.contains("<p>Home Page &gt; News List &gt;&gt; Tech</p>"));
        assert!(html.contains("<p>The council met on Tuesday &amp; agreed &lt;quickly&gt;.</p>"));
        // Prose first: no headline is made up.
        let html = to_html("The council met on Tuesday and agreed to fund the bridge.\n");
        assert!(!html.contains("<h1>"));
    }
}
