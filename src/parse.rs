//! Stage 2: text to a tree. The page is parsed once (html5ever, through
//! scraper) and its nodes are laid out flat in document order, each with its
//! parent and the end of its subtree, so that later stages walk the tree with
//! plain loops: no recursion, whatever the nesting depth.

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node};

/// What a node is, as far as extraction cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// An element that starts a new block of text (p, div, li, h1...).
    Block(BlockTag),
    /// An element whose text flows into the surrounding block (span, a, em...).
    Inline,
    /// `<br>`: a line break inside a block.
    Break,
    /// `<a>`: inline, and its text counts as link text.
    Link,
    /// `<td>`, `<th>`: inline within the row, but separated from the next cell.
    Cell,
    /// Comments, doctype, processing instructions.
    Other,
}

/// Block elements, grouped by what they mean for the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockTag {
    Paragraph,
    Heading(u8),
    ListItem,
    List,
    Quote,
    Pre,
    Cell,
    /// `<tr>`: a table row is one block, its cells joined by spaces.
    Row,
    Table,
    Div,
    Body,
    Other,
}

#[derive(Clone, Copy, Debug)]
pub struct Item {
    pub id: NodeId,
    /// Index of the parent in `Dom::items`, `u32::MAX` for the root.
    pub parent: u32,
    /// One past the index of the last node of this node's subtree.
    pub end: u32,
    pub kind: Kind,
}

/// A parsed page.
pub struct Dom {
    pub html: Html,
    pub items: Vec<Item>,
}

pub const NO_PARENT: u32 = u32::MAX;

impl Dom {
    pub fn parse(text: &str) -> Self {
        let html = crate::treebuild::parse_document(text);
        let items = flatten(&html);
        Dom { html, items }
    }

    pub fn node(&self, i: usize) -> ego_tree::NodeRef<'_, Node> {
        self.html
            .tree
            .get(self.items[i].id)
            .expect("items hold ids of this tree")
    }

    pub fn element(&self, i: usize) -> Option<ElementRef<'_>> {
        ElementRef::wrap(self.node(i))
    }

    /// Tag name of item `i`, or "" when it is not an element.
    pub fn tag(&self, i: usize) -> &str {
        match self.node(i).value() {
            Node::Element(e) => e.name(),
            _ => "",
        }
    }

    pub fn text(&self, i: usize) -> Option<&str> {
        match self.node(i).value() {
            Node::Text(t) => Some(t),
            _ => None,
        }
    }

    /// Indices of the ancestors of `i`, nearest first.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut cur = self.items[i].parent;
        std::iter::from_fn(move || {
            if cur == NO_PARENT {
                return None;
            }
            let at = cur as usize;
            cur = self.items[at].parent;
            Some(at)
        })
    }

    /// Is `inner` inside the subtree of `outer` (or equal to it)?
    pub fn contains(&self, outer: usize, inner: usize) -> bool {
        inner >= outer && inner < self.items[outer].end as usize
    }

    /// The raw text of element `i` (script contents included), as written.
    pub fn text_of_raw(&self, i: usize) -> String {
        let end = self.items[i].end as usize;
        (i..end).filter_map(|j| self.text(j)).collect()
    }

    /// The visible text of element `i`, whitespace collapsed.
    pub fn text_of(&self, i: usize) -> String {
        let mut out = String::new();
        let mut pending = crate::text::Pending::default();
        let end = self.items[i].end as usize;
        let mut j = i;
        while j < end {
            match self.items[j].kind {
                Kind::Text => {
                    crate::text::push_collapsed(&mut out, self.text(j).unwrap_or(""), &mut pending)
                }
                Kind::Block(_) | Kind::Break | Kind::Cell => {
                    pending = crate::text::Pending::space()
                }
                _ => {
                    if is_unread(self.tag(j)) {
                        j = self.items[j].end as usize;
                        continue;
                    }
                }
            }
            j += 1;
        }
        out
    }

    /// The visible lines of element `i`: its text cut where a block or a
    /// line break starts or ends, each line's whitespace collapsed.
    pub fn lines_of(&self, i: usize) -> Vec<String> {
        let mut lines = Vec::new();
        let mut cur = String::new();
        let mut pending = crate::text::Pending::default();
        let mut ends: Vec<usize> = Vec::new();
        let end = self.items[i].end as usize;
        let mut j = i + 1;
        let mut cut = |cur: &mut String, pending: &mut crate::text::Pending| {
            if !cur.trim().is_empty() {
                lines.push(cur.trim().to_string());
            }
            cur.clear();
            *pending = crate::text::Pending::default();
        };
        while j < end {
            while ends.last().is_some_and(|&e| e <= j) {
                ends.pop();
                cut(&mut cur, &mut pending);
            }
            match self.items[j].kind {
                Kind::Text => {
                    crate::text::push_collapsed(&mut cur, self.text(j).unwrap_or(""), &mut pending)
                }
                Kind::Block(_) => {
                    cut(&mut cur, &mut pending);
                    ends.push(self.items[j].end as usize);
                }
                Kind::Break => cut(&mut cur, &mut pending),
                Kind::Cell => pending = crate::text::Pending::space(),
                _ => {
                    if is_unread(self.tag(j)) {
                        j = self.items[j].end as usize;
                        continue;
                    }
                }
            }
            j += 1;
        }
        cut(&mut cur, &mut pending);
        lines
    }
}

/// Elements whose text is not shown: scripts, styles, templates.
pub fn is_raw_text(tag: &str) -> bool {
    matches!(tag, "script" | "style" | "noscript" | "template")
}

/// Is an element with this tag left out of the text read from the page:
/// raw text, or a ruby annotation's reading and brackets (<rt>, <rp>), so
/// that "<ruby>岡部<rt>おかべ</rt></ruby>" reads "岡部"?
fn is_unread(tag: &str) -> bool {
    is_raw_text(tag) || matches!(tag, "rt" | "rp")
}

fn classify(node: &Node) -> Kind {
    match node {
        Node::Text(_) => Kind::Text,
        Node::Element(e) => match e.name() {
            "br" => Kind::Break,
            "a" => Kind::Link,
            "p" => Kind::Block(BlockTag::Paragraph),
            "h1" => Kind::Block(BlockTag::Heading(1)),
            "h2" => Kind::Block(BlockTag::Heading(2)),
            "h3" => Kind::Block(BlockTag::Heading(3)),
            "h4" => Kind::Block(BlockTag::Heading(4)),
            "h5" => Kind::Block(BlockTag::Heading(5)),
            "h6" => Kind::Block(BlockTag::Heading(6)),
            "li" | "dt" | "dd" => Kind::Block(BlockTag::ListItem),
            "ul" | "ol" | "dl" | "menu" | "dir" => Kind::Block(BlockTag::List),
            "blockquote" => Kind::Block(BlockTag::Quote),
            "pre" => Kind::Block(BlockTag::Pre),
            "td" | "th" => Kind::Cell,
            "caption" => Kind::Block(BlockTag::Cell),
            "tr" => Kind::Block(BlockTag::Row),
            "table" | "tbody" | "thead" | "tfoot" => Kind::Block(BlockTag::Table),
            "div" | "section" | "article" | "main" | "center" => Kind::Block(BlockTag::Div),
            "body" => Kind::Block(BlockTag::Body),
            "address" | "aside" | "details" | "dialog" | "fieldset" | "figcaption" | "figure"
            | "footer" | "form" | "header" | "hgroup" | "hr" | "nav" | "summary" | "legend"
            | "option" | "html" | "head" | "title" | "noscript" | "iframe" | "frameset" => {
                Kind::Block(BlockTag::Other)
            }
            _ => Kind::Inline,
        },
        _ => Kind::Other,
    }
}

fn flatten(html: &Html) -> Vec<Item> {
    use ego_tree::iter::Edge;
    let mut items: Vec<Item> = Vec::new();
    let mut stack: Vec<u32> = Vec::new();
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(n) => {
                let idx = items.len() as u32;
                items.push(Item {
                    id: n.id(),
                    parent: stack.last().copied().unwrap_or(NO_PARENT),
                    end: idx + 1,
                    kind: classify(n.value()),
                });
                stack.push(idx);
            }
            Edge::Close(_) => {
                if let Some(idx) = stack.pop() {
                    items[idx as usize].end = items.len() as u32;
                }
            }
        }
    }
    items
}

/// The address in the comment browsers write when saving a page:
/// `<!-- saved from url=(0047)https://example.com/... -->`.
pub fn saved_from_url(text: &str) -> Option<String> {
    let head = &text[..floor_char_boundary(text, 4096)];
    let at = head.find("saved from url=")?;
    let rest = &head[at + "saved from url=".len()..];
    let rest = match rest.strip_prefix('(') {
        Some(r) => &r[r.find(')')? + 1..],
        None => rest,
    };
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let end = rest[..end].find("-->").unwrap_or(end);
    let url = rest[..end].trim();
    (url.starts_with("http://") || url.starts_with("https://")).then(|| url.to_string())
}

/// The largest char boundary at or before `i`.
pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_layout_has_parents_and_subtree_ends() {
        let dom = Dom::parse("<html><body><div><p>a<b>b</b></p><p>c</p></div></body></html>");
        let div = (0..dom.items.len()).find(|&i| dom.tag(i) == "div").unwrap();
        let ps: Vec<usize> = (0..dom.items.len())
            .filter(|&i| dom.tag(i) == "p")
            .collect();
        assert_eq!(ps.len(), 2);
        for &p in &ps {
            assert!(dom.contains(div, p));
            assert_eq!(dom.items[p].parent as usize, div);
        }
        assert_eq!(dom.text_of(div), "ab c");
        assert_eq!(dom.ancestors(ps[0]).next(), Some(div));
    }

    #[test]
    fn lines_are_cut_where_blocks_start_and_end() {
        let dom = Dom::parse(
            "<div id=x><h5>23.01.2019</h5><div>By <b>Jane</b>  Doe</div><a>Tweet</a><br>x<script>y</script></div>",
        );
        let i = (0..dom.items.len()).find(|&i| dom.tag(i) == "div").unwrap();
        assert_eq!(dom.lines_of(i), ["23.01.2019", "By Jane Doe", "Tweet", "x"]);
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let depth = 20_000;
        let page = format!("{}x{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let dom = Dom::parse(&page);
        // Nesting stops at the parser's limit (see treebuild); the text stays.
        assert!(dom.items.len() > crate::treebuild::MAX_OPEN);
        assert_eq!(dom.text_of(0), "x");
    }

    #[test]
    fn saved_from_comment() {
        let t = "<!DOCTYPE html>\n<!-- saved from url=(0031)https://example-news.com/a-b/1.html -->\n<html>";
        assert_eq!(
            saved_from_url(t).as_deref(),
            Some("https://example-news.com/a-b/1.html")
        );
        let t = "<!-- saved from url=(0021)https://example.com/x-->";
        assert_eq!(saved_from_url(t).as_deref(), Some("https://example.com/x"));
        assert_eq!(saved_from_url("<html>"), None);
        let t = "<!-- saved from url=(0044)https://sport.hilltop-news.example/a-b-c-->";
        assert_eq!(
            saved_from_url(t).as_deref(),
            Some("https://sport.hilltop-news.example/a-b-c")
        );
    }
}
