//! html5ever, driven with limits. The HTML tree builder walks its stack of
//! open elements for many tags (e.g. every `<div>` looks for an open `<p>` "in
//! button scope"), so a page nested 100,000 deep costs it time quadratic in the
//! depth; and it re-opens ("reconstructs") every unclosed formatting element
//! (`<b>`, `<font>`...) in each new block, so a few thousand unclosed `<b id=N>`
//! followed by a few thousand paragraphs make millions of elements.
//!
//! A guard sits between the tokenizer and the tree builder and drops start
//! tags (and their matching end tags) that would go past the limits, keeping
//! their text: as browsers do, past a depth the tags stop nesting. Real pages
//! never come near the limits, so they parse exactly as before.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::interface::{Tracer, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer,
};
use html5ever::tree_builder::TreeBuilder;
use html5ever::{LocalName, ParseOpts, TokenizerResult, local_name};
use scraper::{Html, HtmlTreeSink};

/// Most elements the tree builder may hold (open elements plus active
/// formatting elements) before further start tags are dropped. Blink stops
/// nesting at 512.
pub const MAX_OPEN: usize = 512;

/// Most unclosed formatting elements (since the last table cell, object...)
/// before further formatting start tags are dropped: each of them is re-created
/// in every following block.
pub const MAX_FORMATTING: usize = 12;

/// Parses a document as `Html::parse_document` does, within the limits above.
pub fn parse_document(text: &str) -> Html {
    let opts = ParseOpts::default();
    let builder = TreeBuilder::new(HtmlTreeSink::new(Html::new_document()), opts.tree_builder);
    let guard = Guard {
        builder,
        state: RefCell::new(State::default()),
    };
    let tokenizer = Tokenizer::new(guard, opts.tokenizer);
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.builder.sink.finish()
}

struct Guard<S: TreeSink> {
    builder: TreeBuilder<S::Handle, S>,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    /// Start tags dropped and not yet matched by an end tag, by name.
    dropped: HashMap<LocalName, usize>,
    /// Formatting elements as the tree builder keeps them, roughly:
    /// `None` is a marker (table cell, caption, object...).
    formatting: Vec<Option<LocalName>>,
}

/// Counts the handles the tree builder holds.
struct Count<H>(Cell<usize>, std::marker::PhantomData<H>);

impl<H> Tracer for Count<H> {
    type Handle = H;
    fn trace_handle(&self, _: &H) {
        self.0.set(self.0.get() + 1);
    }
}

fn is_formatting(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("a")
            | local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("nobr")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u")
    )
}

fn is_marker(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("applet")
            | local_name!("object")
            | local_name!("marquee")
            | local_name!("template")
            | local_name!("td")
            | local_name!("th")
            | local_name!("caption")
    )
}

/// Start tags always passed on: they do not nest (void and raw-text elements:
/// dropping `<script>` would turn its code into page text) or are the
/// document's frame.
fn always_admitted(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("html")
            | local_name!("head")
            | local_name!("body")
            | local_name!("frameset")
            | local_name!("script")
            | local_name!("style")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("plaintext")
            | local_name!("area")
            | local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("frame")
            | local_name!("hr")
            | local_name!("image")
            | local_name!("img")
            | local_name!("input")
            | local_name!("keygen")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
    )
}

impl<S: TreeSink> Guard<S> {
    fn held(&self) -> usize {
        let count = Count(Cell::new(0), std::marker::PhantomData);
        self.builder.trace_handles(&count);
        count.0.get()
    }

    /// Should this tag reach the tree builder?
    fn admit(&self, tag: &Tag) -> bool {
        let mut st = self.state.borrow_mut();
        let name = &tag.name;
        match tag.kind {
            TagKind::EndTag => {
                if let Some(n) = st.dropped.get_mut(name)
                    && *n > 0
                {
                    *n -= 1;
                    return false;
                }
                if is_formatting(name) {
                    remove_last_after_marker(&mut st.formatting, name);
                } else if is_marker(name)
                    && let Some(m) = st.formatting.iter().rposition(Option::is_none)
                {
                    st.formatting.truncate(m);
                }
                true
            }
            TagKind::StartTag => {
                if always_admitted(name) {
                    return true;
                }
                let formatting = is_formatting(name);
                if formatting && matches!(*name, local_name!("a") | local_name!("nobr")) {
                    // A new <a> closes the open one (the adoption agency).
                    remove_last_after_marker(&mut st.formatting, name);
                }
                let unclosed = st
                    .formatting
                    .iter()
                    .rev()
                    .take_while(|e| e.is_some())
                    .count();
                // <a> is never dropped: link text matters, and <a> cannot pile up.
                let too_many_formatting =
                    formatting && *name != local_name!("a") && unclosed >= MAX_FORMATTING;
                if too_many_formatting || self.held() >= MAX_OPEN {
                    *st.dropped.entry(name.clone()).or_default() += 1;
                    return false;
                }
                if formatting {
                    st.formatting.push(Some(name.clone()));
                } else if is_marker(name) {
                    st.formatting.push(None);
                }
                true
            }
        }
    }
}

fn remove_last_after_marker(list: &mut Vec<Option<LocalName>>, name: &LocalName) {
    for i in (0..list.len()).rev() {
        match &list[i] {
            None => return,
            Some(n) if n == name => {
                list.remove(i);
                return;
            }
            Some(_) => {}
        }
    }
}

impl<S: TreeSink> TokenSink for Guard<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token
            && !self.admit(tag)
        {
            return TokenSinkResult::Continue;
        }
        self.builder.process_token(token, line_number)
    }

    fn end(&self) {
        self.builder.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn max_depth(html: &Html) -> usize {
        html.tree
            .nodes()
            .map(|n| n.ancestors().count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn ordinary_pages_parse_as_with_scraper() {
        let page = "<!DOCTYPE html><html><head><title>T</title><script>if (a<b) x()</script></head>\
            <body><div class=a><p>One <b>two <i>three</b> four</i><p>five<table><tr><td><font>x\
            </td><td>y</table><ul><li>a<li>b</ul><svg><g><title>t</title></g></svg></div></body></html>";
        assert_eq!(
            parse_document(page).root_element().html(),
            Html::parse_document(page).root_element().html()
        );
    }

    #[test]
    fn nesting_stops_at_the_limit_and_text_is_kept() {
        let depth = 5_000;
        let page = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let html = parse_document(&page);
        let d = max_depth(&html);
        assert!(d <= MAX_OPEN + 8, "depth {d}");
        assert!(d >= MAX_OPEN - 8, "depth {d}");
        assert!(html.root_element().text().any(|t| t == "deep"));
    }

    #[test]
    fn unclosed_formatting_elements_are_not_multiplied() {
        let n = 500;
        let opened: String = (0..n).map(|i| format!("<b id=b{i}>")).collect();
        let page = format!("<div>{opened}</div>{}", "<p>x</p>".repeat(n));
        let html = parse_document(&page);
        let elements = html.tree.nodes().filter(|n| n.value().is_element()).count();
        // Without the guard: n * n = 250,000 elements.
        assert!(elements < 20 * n, "{elements} elements");
        assert_eq!(html.root_element().text().filter(|t| *t == "x").count(), n);
    }
}
