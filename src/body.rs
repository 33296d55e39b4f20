//! Stage 4: find the body. The visible text is cut into blocks (one per
//! paragraph, heading, list item...), containers are scored from the blocks
//! they hold as Readability does (text length, commas, link density, the
//! `[[score]]` hints of the rules), the best container and its good siblings
//! are taken, and their blocks are filtered: boilerplate lines by the text
//! rules, credit lines into `credits`, link lists, the headline, repeats.

use std::collections::{HashMap, HashSet};

use crate::clean::Cleaned;
use crate::parse::{BlockTag, Dom, Kind, NO_PARENT};
use crate::text;

/// A run of text under one block element.
#[derive(Debug, Clone)]
pub struct Block {
    pub text: String,
    /// Item index of the block element that owns the text.
    pub owner: usize,
    pub tag: BlockTag,
    /// Text weight (see `text::weight`) and the part of it inside links.
    pub weight: usize,
    pub link_weight: usize,
}

impl Block {
    pub fn link_density(&self) -> f32 {
        self.link_weight as f32 / self.weight.max(1) as f32
    }
}

/// Cuts the visible text of the page into blocks, in document order.
pub fn blocks(dom: &Dom, cleaned: &Cleaned) -> Vec<Block> {
    struct Open {
        end: usize,
        block: bool,
        link: bool,
    }
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut owners: Vec<usize> = Vec::new(); // open block elements
    let mut buf = String::new();
    let mut pending = text::Pending::default();
    let (mut w, mut lw, mut links) = (0usize, 0usize, 0usize);
    let flush = |buf: &mut String,
                 w: &mut usize,
                 lw: &mut usize,
                 owners: &[usize],
                 out: &mut Vec<Block>| {
        if !buf.is_empty() {
            let owner = owners.last().copied().unwrap_or(0);
            let tag = match dom.items[owner].kind {
                Kind::Block(t) => t,
                _ => BlockTag::Other,
            };
            out.push(Block {
                text: std::mem::take(buf),
                owner,
                tag,
                weight: *w,
                link_weight: (*lw).min(*w),
            });
        }
        *w = 0;
        *lw = 0;
    };
    let n = dom.items.len();
    let mut i = 0;
    while i < n {
        while stack.last().is_some_and(|o| o.end <= i) {
            let o = stack.pop().expect("checked");
            if o.block {
                flush(&mut buf, &mut w, &mut lw, &owners, &mut out);
                pending = text::Pending::default();
                owners.pop();
            }
            if o.link {
                links -= 1;
            }
        }
        let item = dom.items[i];
        if cleaned.dropped[i].is_some() {
            // A dropped inline element still separates the words around it.
            pending = pending.and(text::Pending::soft());
            i = item.end as usize;
            continue;
        }
        match item.kind {
            Kind::Text => {
                let t = dom.text(i).unwrap_or("");
                let before = buf.len();
                text::push_collapsed(&mut buf, t, &mut pending);
                let added = text::weight(&buf[before..]);
                w += added;
                if links > 0 {
                    lw += added;
                }
            }
            Kind::Break => {
                flush(&mut buf, &mut w, &mut lw, &owners, &mut out);
                pending = text::Pending::default();
            }
            Kind::Block(_) => {
                flush(&mut buf, &mut w, &mut lw, &owners, &mut out);
                pending = text::Pending::default();
                owners.push(i);
                stack.push(Open {
                    end: item.end as usize,
                    block: true,
                    link: false,
                });
            }
            Kind::Link => {
                links += 1;
                stack.push(Open {
                    end: item.end as usize,
                    block: false,
                    link: true,
                });
            }
            Kind::Cell => pending = pending.and(text::Pending::space()),
            Kind::Inline | Kind::Other => {}
        }
        i += 1;
    }
    flush(&mut buf, &mut w, &mut lw, &owners, &mut out);
    out
}

/// The containers chosen as the body, as item indices (each with its subtree).
#[derive(Debug, Default)]
pub struct Choice {
    pub containers: Vec<usize>,
    /// Best-scoring candidates, best first: (item, score).
    pub ranking: Vec<(usize, f32)>,
    /// The score of each container, when it was scored (for `explain`).
    pub scores: Vec<Option<f32>>,
    /// The page's description named the story among stronger ones.
    pub by_description: bool,
}

const MIN_BLOCK: usize = 25;

fn tag_bonus(tag: &str) -> f32 {
    match tag {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Scores containers and picks the body, as Readability does.
pub fn choose(dom: &Dom, cleaned: &Cleaned, blocks: &[Block], description: Option<&str>) -> Choice {
    let n = dom.items.len();
    // Visible text and link text per subtree.
    let mut sub_w = vec![0u32; n];
    let mut sub_lw = vec![0u32; n];
    for b in blocks {
        sub_w[b.owner] += b.weight as u32;
        sub_lw[b.owner] += b.link_weight as u32;
    }
    for i in (1..n).rev() {
        let p = dom.items[i].parent;
        if p != NO_PARENT {
            sub_w[p as usize] += sub_w[i];
            sub_lw[p as usize] += sub_lw[i];
        }
    }
    let density = |i: usize| sub_lw[i] as f32 / sub_w[i].max(1) as f32;

    let mut score: HashMap<usize, f32> = HashMap::new();
    for b in blocks {
        if b.weight < MIN_BLOCK
            || !matches!(
                b.tag,
                BlockTag::Paragraph
                    | BlockTag::Div
                    | BlockTag::Pre
                    | BlockTag::Cell
                    | BlockTag::Row
                    | BlockTag::Quote
                    | BlockTag::Heading(2..=6)
                    | BlockTag::Other
            )
        {
            continue;
        }
        let s = (1.0 + text::commas(&b.text) as f32 + (b.weight as f32 / 100.0).min(3.0))
            * (1.0 - b.link_density());
        // Text straight inside a container (not in a <p>) is a paragraph of
        // its own, as Readability wraps it: the container is its parent.
        let loose = matches!(
            b.tag,
            BlockTag::Div | BlockTag::Other | BlockTag::Cell | BlockTag::Body
        );
        let first = if loose { Some(b.owner) } else { None };
        for (level, a) in first
            .into_iter()
            .chain(dom.ancestors(b.owner))
            .take(5)
            .enumerate()
        {
            if dom.items[a].parent == NO_PARENT || dom.tag(a) == "html" {
                break;
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            *score
                .entry(a)
                .or_insert_with(|| tag_bonus(dom.tag(a)) + cleaned.weight[a]) += s / div;
        }
    }
    let mut ranking: Vec<(usize, f32)> = score
        .iter()
        .map(|(&i, &s)| (i, s * (1.0 - density(i))))
        .collect();
    ranking.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranking.truncate(5);
    let final_score = |i: usize| score.get(&i).map(|s| s * (1.0 - density(i)));

    let Some(&(mut top, top_score)) = ranking.first() else {
        return Choice::default();
    };
    let best = top;
    // Several strong candidates under one ancestor: the ancestor is the body.
    let alternatives: Vec<usize> = ranking[1..]
        .iter()
        .filter(|(_, s)| *s >= 0.75 * top_score)
        .map(|r| r.0)
        .collect();
    if alternatives.len() >= 3 {
        for a in dom.ancestors(top) {
            if dom.tag(a) == "body" || dom.tag(a) == "html" {
                break;
            }
            let under: Vec<usize> = alternatives
                .iter()
                .copied()
                .filter(|&x| dom.contains(a, x))
                .collect();
            if under.len() < 3 {
                continue;
            }
            // Strong <article>s side by side are other stories' teasers (a
            // "related posts" list with long excerpts): the story is the
            // best candidate outside them, when there is a fair one.
            let articles = std::iter::once(top)
                .chain(under)
                .filter(|&x| dom.tag(x) == "article")
                .count();
            let outside = (articles >= 3)
                .then(|| {
                    score
                        .keys()
                        .copied()
                        .filter(|&c| !dom.contains(a, c) && !dom.contains(c, a))
                        .filter_map(|c| final_score(c).map(|s| (c, s)))
                        .filter(|&(_, s)| s >= 0.25 * top_score)
                        .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
                })
                .flatten();
            top = outside.map_or(a, |(c, _)| c);
            break;
        }
    }
    // A page that lists several whole stories (an endless-scroll page, a
    // topic page) says which is its own in its description: the start of
    // that story's first paragraph. The best container holding it wins over
    // a stronger story beside it (never over one around or inside it: that
    // is the same story with or without its standfirst).
    let mut by_description = false;
    if let Some(d) = description.filter(|d| squash(d).chars().count() >= 40)
        && let Some(lead) = blocks
            .iter()
            .find(|b| b.weight >= 80 && same_start(d, &b.text))
        && !dom.contains(top, lead.owner)
    {
        let own = score
            .keys()
            .copied()
            .filter(|&c| dom.contains(c, lead.owner) && !dom.contains(c, top))
            .filter_map(|c| final_score(c).map(|s| (c, s)))
            .filter(|&(_, s)| s >= 0.5 * top_score)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((c, _)) = own {
            top = c;
            by_description = true;
        }
    }
    // Readability also climbs to a parent scoring better than the best
    // candidate; none can here, as the ranking covers every scored
    // container, and climbing to weaker parents took in sidebars and comments.
    // An only child says no more than its parent.
    loop {
        let p = dom.items[top].parent;
        if p == NO_PARENT || matches!(dom.tag(p as usize), "body" | "html") {
            break;
        }
        let visible_children = element_children(dom, p as usize)
            .filter(|&c| cleaned.dropped[c].is_none() && sub_w[c] > 0)
            .count();
        // The parent must add nothing of its own (no text beside the child).
        if visible_children != 1 || sub_w[p as usize] > sub_w[top] + sub_w[top] / 10 {
            break;
        }
        top = p as usize;
    }
    // Good siblings join.
    let top_final = final_score(top).unwrap_or(top_score);
    let mut containers = vec![top];
    let parent = dom.items[top].parent;
    if parent != NO_PARENT {
        let threshold = (top_final * 0.2).max(10.0);
        let top_class = dom.element(top).and_then(|e| e.value().attr("class"));
        let mut sibs = Vec::new();
        for s in element_children(dom, parent as usize) {
            if s == top {
                sibs.push(s);
                continue;
            }
            if cleaned.dropped[s].is_some() || sub_w[s] == 0 {
                continue;
            }
            // A sidebar (<aside>), or the header above the story with its
            // standfirst and byline, is none of the story's text.
            if matches!(dom.tag(s), "aside" | "nav" | "footer" | "header") {
                continue;
            }
            // A sibling holding several articles is a list of other stories.
            let articles = (s + 1..dom.items[s].end as usize)
                .filter(|&d| matches!(dom.items[d].kind, Kind::Block(_)) && dom.tag(d) == "article")
                .count();
            if articles >= 2 {
                continue;
            }
            let class = dom.element(s).and_then(|e| e.value().attr("class"));
            let bonus = if class.is_some() && class == top_class {
                top_final * 0.2
            } else {
                0.0
            };
            // A sibling of the same class is the story's continuation (a body
            // split around an ad), even when it is too far down to be scored;
            // so is one holding a text container like the best one (the
            // start of a story split over two page rows).
            let continuation = bonus > 0.0 && sub_w[s] >= 50 && density(s) < 0.3
                || best != top
                    && holds_like(dom, s, best, |d| {
                        let paras = (d..dom.items[d].end as usize)
                            .filter(|&x| dom.items[x].kind == Kind::Block(BlockTag::Paragraph))
                            .count();
                        paras >= 2 && sub_w[d] >= 200 && density(d) < 0.3
                    });
            let ok = continuation || final_score(s).is_some_and(|sc| sc + bonus >= threshold) || {
                let is_p = matches!(dom.items[s].kind, Kind::Block(BlockTag::Paragraph));
                let (len, ld) = (sub_w[s], density(s));
                is_p && ((len > 80 && ld < 0.25)
                    || (len > 0 && ld == 0.0 && text::ends_sentence(&dom.text_of(s))))
                    || len > 80 && ld < 0.25 && wraps_paragraph(dom, blocks, s)
            };
            if ok {
                sibs.push(s);
            }
        }
        containers = sibs;
    }
    // A lead boxed before the body a few levels up ("<div class=lead>" beside
    // the element that holds the body): the prose boxes just before the
    // path from the body up, back to the first element that is not one.
    let mut leads = Vec::new();
    let mut child = containers[0];
    for a in dom.ancestors(top).take(3) {
        if matches!(dom.tag(a), "body" | "html") {
            break;
        }
        let before: Vec<usize> = element_children(dom, a)
            .take_while(|&c| c != child)
            .collect();
        for &c in before.iter().rev() {
            if cleaned.dropped[c].is_some() || sub_w[c] == 0 {
                continue;
            }
            if sub_w[c] > 80 && density(c) < 0.1 && wraps_paragraph(dom, blocks, c) {
                leads.push(c);
            } else {
                break;
            }
        }
        if !leads.is_empty() {
            break;
        }
        child = a;
    }
    leads.reverse();
    leads.extend(containers);
    let containers = leads;
    let scores = containers.iter().map(|&c| final_score(c)).collect();
    Choice {
        containers,
        ranking,
        scores,
        by_description,
    }
}

/// Is `s` a wrapper of one or two paragraphs of prose, as a <p> of its own
/// ("<div class='firstPar'><p>...</p></div>" on pages that box each
/// paragraph)?
fn wraps_paragraph(dom: &Dom, blocks: &[Block], s: usize) -> bool {
    // A <div>: an <aside> or a <footer> with a paragraph is the page's.
    if dom.tag(s) != "div" {
        return false;
    }
    // The blocks of a subtree are one run of the list, in document order.
    let end = dom.items[s].end as usize;
    let within = |b: &Block| (s..end).contains(&b.owner);
    let Some(from) = blocks.iter().position(within) else {
        return false;
    };
    let inside: Vec<&Block> = blocks[from..].iter().take_while(|b| within(b)).collect();
    // One run of text with no <p> around it and no link in it ("<div
    // class='lead'><div>...</div></div>") is a paragraph too.
    // Beside a picture it is the picture's caption.
    let pictured = || {
        (s..end).any(|d| {
            matches!(
                dom.tag(d),
                "img" | "picture" | "figure" | "video" | "iframe"
            )
        })
    };
    let loose = |b: &&Block| {
        b.tag == BlockTag::Div && b.link_weight == 0 && inside.len() == 1 && !pictured()
    };
    (1..=2).contains(&inside.len())
        && inside
            .iter()
            .all(|b| b.tag == BlockTag::Paragraph || loose(b))
        && inside.last().is_some_and(|b| text::ends_sentence(&b.text))
}

/// Does the subtree of `s` hold an element of the tag and classes of `like`
/// that passes `ok`?
fn holds_like(dom: &Dom, s: usize, like: usize, ok: impl Fn(usize) -> bool) -> bool {
    let Some(want) = dom.element(like).map(|e| e.value()) else {
        return false;
    };
    let Some(class) = want.attr("class").filter(|c| !c.trim().is_empty()) else {
        return false;
    };
    (s..dom.items[s].end as usize).any(|d| {
        dom.element(d).is_some_and(|e| {
            e.value().name() == want.name() && e.value().attr("class") == Some(class)
        }) && ok(d)
    })
}

fn element_children(dom: &Dom, p: usize) -> impl Iterator<Item = usize> + '_ {
    let end = dom.items[p].end as usize;
    let mut j = p + 1;
    std::iter::from_fn(move || {
        while j < end {
            let k = j;
            j = dom.items[k].end as usize;
            if matches!(
                dom.items[k].kind,
                Kind::Block(_) | Kind::Inline | Kind::Link | Kind::Break | Kind::Cell
            ) {
                return Some(k);
            }
        }
        None
    })
}

/// Why a block of the chosen containers was left out.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Keep,
    Rule(usize),
    Credit,
    LinkHeavy,
    Headline,
    Duplicate,
    /// A heading whose section was all dropped ("Related posts" over a link
    /// list), or a label over a list that went as links ("Our picks:").
    EmptySection,
    /// A heading under the headline repeating the page's description.
    Standfirst,
    /// A short text under a link headline, in a list of other stories
    /// after the story.
    Teaser,
    /// The story's last paragraph, about its credited writer.
    AuthorBio,
    /// An item of a list under a "related" label (links to other stories)
    /// or a "key points" one (a summary of the story).
    RelatedList,
    /// A short label over the headline (a section, a kicker: "Travel",
    /// "Il caso").
    Kicker,
    /// A short centred line under a picture, or after it in the same
    /// paragraph: its caption, set as the story's text is.
    Caption,
}

/// Is element `i` centred, by its style, its align or its class?
fn centred(dom: &Dom, i: usize) -> bool {
    dom.element(i).is_some_and(|e| {
        let v = e.value();
        v.attr("style").is_some_and(|s| s.contains("center"))
            || v.attr("align")
                .is_some_and(|a| a.eq_ignore_ascii_case("center"))
            || v.attr("class").is_some_and(|c| c.contains("center"))
    })
}

/// The element sibling before item `i`, past text and comments: up from the item
/// just before `i` (the last of that sibling's subtree) to `i`'s parent's
/// child, so that the walk costs the depth, not the sibling's size.
fn prev_element(dom: &Dom, i: usize) -> Option<usize> {
    let parent = dom.items[i].parent;
    let mut at = i;
    loop {
        let mut j = at.checked_sub(1)?;
        if j as u32 == parent {
            return None;
        }
        while dom.items[j].parent != parent {
            j = dom.items[j].parent as usize;
        }
        if dom.element(j).is_some() {
            return Some(j);
        }
        at = j;
    }
}

/// Longest caption set as a centred paragraph.
const CAPTION_MAX: usize = 120;

/// Is block `b` a picture's caption written as a paragraph of the story
/// (portals' editors centre both): centred, short, and under a paragraph
/// that holds only a picture, or after the picture in its own paragraph
/// ("<p align=center><img><br>辣椒交易市场一角</p>")?
fn picture_caption(dom: &Dom, b: &Block) -> bool {
    if b.text.chars().count() > CAPTION_MAX || text::weight(&b.text) < 4 {
        return false;
    }
    if !centred(dom, b.owner) {
        return false;
    }
    let end = dom.items[b.owner].end as usize;
    if (b.owner + 1..end).any(|j| dom.tag(j) == "img") {
        return true;
    }
    // The element before it, among its siblings: a picture alone.
    let Some(prev) = prev_element(dom, b.owner) else {
        return false;
    };
    let prev_end = dom.items[prev].end as usize;
    (prev..prev_end).any(|j| dom.tag(j) == "img") && dom.text_of(prev).trim().is_empty()
}

/// Longest teaser under a link headline (a paragraph of the story is longer).
const TEASER_MAX: usize = 200;

/// Blocks inside the chosen containers, in order, with their verdicts.
pub fn select<'b>(
    dom: &Dom,
    choice: &Choice,
    blocks: &'b [Block],
    rules: &crate::rules::Rules,
    headline: Option<&str>,
    credits: &mut Vec<crate::credits::Credit>,
) -> Vec<(&'b Block, Verdict)> {
    let mut out: Vec<(&Block, Verdict)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let head = headline.map(squash);
    // A page that centres much of its text (a blog's centred layout) does
    // not mark captions so.
    let inside: Vec<&'b Block> = blocks
        .iter()
        .filter(|b| choice.containers.iter().any(|&c| dom.contains(c, b.owner)))
        .collect();
    let centred_count = inside.iter().filter(|b| centred(dom, b.owner)).count();
    let centred_layout = centred_count >= 3 && centred_count * 4 > inside.len();
    for b in inside {
        let t = b.text.as_str();
        let is_headline = || {
            head.as_deref()
                .is_some_and(|h| !h.is_empty() && squash_eq(t, h))
        };
        // (The headline is no credit line: "Fact check: No, the county...")
        let verdict = if let Some(found) =
            crate::credits::credit_block(t, &rules.credits).filter(|_| !is_headline())
        {
            credits.extend(found);
            Verdict::Credit
        } else if let Some(r) = rules.drop_text(t).filter(|_| !introduced_address(&out, t)) {
            Verdict::Rule(r)
        } else if b.weight >= 1
            && b.link_density() > 0.5
            && (b.weight < 200 || b.link_density() > 0.8)
            && !linked_sentence(b)
            && !gives_address(t)
        {
            Verdict::LinkHeavy
        } else if is_headline() {
            Verdict::Headline
        } else if !seen.insert(t) {
            Verdict::Duplicate
        } else if !centred_layout && picture_caption(dom, b) {
            Verdict::Caption
        } else {
            Verdict::Keep
        };
        out.push((b, verdict));
    }
    // A lead or summary that repeats the start of a following paragraph goes.
    let kept: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].1 == Verdict::Keep)
        .collect();
    for (k, &i) in kept.iter().enumerate() {
        if kept[k + 1..].iter().take(3).any(|&j| {
            out[j].0.text.len() > out[i].0.text.len() && leads(&out[i].0.text, &out[j].0.text)
        }) {
            out[i].1 = Verdict::Duplicate;
        }
    }
    // Text said twice near by: a caption that repeats a subhead with a word
    // glued on ("CAR-TEnabling ..." after "Enabling ..."), a pull quote
    // that repeats a sentence of a paragraph near it.
    let kept: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].1 == Verdict::Keep)
        .collect();
    let squashed: Vec<String> = kept.iter().map(|&i| squash(&out[i].0.text)).collect();
    for k in 0..kept.len() {
        let b = &squashed[k];
        let n = b.chars().count();
        if !(20..=300).contains(&n) {
            continue;
        }
        let near = k.saturating_sub(8)..(k + 9).min(kept.len());
        // (One searcher for the block, not one for each neighbour.)
        let finder = (n >= 40).then(|| memchr::memmem::Finder::new(b.as_bytes()));
        let repeats = near.filter(|&j| j != k).any(|j| {
            let a = &squashed[j];
            let m = a.chars().count();
            let caption = j < k
                && m >= 20
                && m < n
                && n - m <= 15
                && (b.ends_with(a.as_str()) || b.starts_with(a.as_str()))
                && !text::ends_sentence(&out[kept[k]].0.text);
            let quote = m > n + 20
                && finder
                    .as_ref()
                    .is_some_and(|f| f.find(a.as_bytes()).is_some());
            caption || quote
        });
        if repeats {
            out[kept[k]].1 = Verdict::Duplicate;
        }
    }
    // Other stories listed after the story: three or more link headlines
    // each followed by a short teaser, with no paragraph of the story after
    // them. The teasers go (the headlines went as link-heavy already).
    let headline_link = |(b, v): &(&Block, Verdict)| {
        *v == Verdict::LinkHeavy && b.text.split_whitespace().count() >= 2
    };
    let mut k = 0;
    while k < out.len() {
        let mut pairs = Vec::new();
        let mut j = k;
        while j + 1 < out.len()
            && headline_link(&out[j])
            && out[j + 1].1 == Verdict::Keep
            && out[j + 1].0.weight < TEASER_MAX
        {
            pairs.push(j + 1);
            j += 2;
        }
        let story_after = || {
            out[j..]
                .iter()
                .any(|(b, v)| *v == Verdict::Keep && b.weight >= 80)
        };
        if pairs.len() >= 3 && !story_after() {
            for t in pairs {
                out[t].1 = Verdict::Teaser;
            }
        }
        k = j.max(k + 1);
    }
    // A list under a "related" label ("More stories", "Read more:") is other
    // stories, though each item wraps its link in a few words ("Could an
    // astronaut <a>use gravity to get around</a>?") and so is not link-heavy;
    // one under "Key points" or "Story highlights" sums the story up.
    // The story's first long paragraph: a summary box comes before it (a
    // "Summary" list at the end of a how-to is the how-to's own).
    let story_at = out
        .iter()
        .position(|(b, v)| *v == Verdict::Keep && b.weight >= 100)
        .unwrap_or(out.len());
    for i in 0..out.len() {
        let Verdict::Rule(r) = out[i].1 else {
            continue;
        };
        // Under a "Key points" label, the list is the summary, links or not.
        let group = rules.info.get(r).and_then(|x| x.group.as_deref());
        let summary = group == Some("summary") && i < story_at;
        if !(summary || group == Some("related")) || out[i].0.weight > 80 {
            continue;
        }
        let items = out[i + 1..]
            .iter()
            .take_while(|(b, _)| b.tag == BlockTag::ListItem && (summary || b.link_weight > 0))
            .count();
        if items >= 2 {
            for (_, v) in &mut out[i + 1..=i + items] {
                if *v == Verdict::Keep {
                    *v = Verdict::RelatedList;
                }
            }
        }
    }
    // A heading goes with its section: when nothing under it is kept up to
    // the next heading of its rank or above (or the end), it headed a list
    // of links, an ad or a form, not a part of the article.
    for i in 0..out.len() {
        let BlockTag::Heading(level) = out[i].0.tag else {
            continue;
        };
        let t = &out[i].0.text;
        if out[i].1 != Verdict::Keep || t.chars().count() > 80 || text::ends_sentence(t) {
            continue;
        }
        let section_kept = out[i + 1..]
            .iter()
            .take_while(|(b, _)| !matches!(b.tag, BlockTag::Heading(l) if l <= level))
            .any(|(_, v)| *v == Verdict::Keep);
        if !section_kept {
            out[i].1 = Verdict::EmptySection;
        }
    }
    // So does a label that opens a list ("Empfehlungen von Dennis:", "Our
    // picks:", "新闻：") when the list right after it went as links; a
    // sentence that does ("After January 20, the President will use the
    // following accounts:") is the story's.
    for i in 0..out.len() {
        let t = &out[i].0.text;
        if out[i].1 != Verdict::Keep
            || matches!(out[i].0.tag, BlockTag::Heading(_))
            || t.chars().count() > 60
            || t.split_whitespace().count() > 7
            || (t.chars().any(text::is_cjk) && t.chars().count() > 12)
            || !t.ends_with([':', '：'])
        {
            continue;
        }
        let links = out[i + 1..]
            .iter()
            .take_while(|(_, v)| matches!(v, Verdict::LinkHeavy | Verdict::RelatedList))
            .count();
        if links >= 2 {
            out[i].1 = Verdict::EmptySection;
        }
    }
    out
}

/// A paragraph that is a sentence of its own around a link ("X has been
/// eliminated from <a>the show</a>."), not a link with a word or two.
fn linked_sentence(b: &Block) -> bool {
    matches!(b.tag, BlockTag::Paragraph | BlockTag::ListItem)
        && b.weight - b.link_weight >= 20
        && b.link_density() <= 0.8
        && text::ends_sentence(&b.text)
        && !b.text.ends_with([':', '：'])
}

/// Is `t` an address that the story's block before it introduces ("Questions
/// can go to its new mailbox:")? Then it is the story's, not the writer's
/// contact line under it.
fn introduced_address(before: &[(&Block, Verdict)], t: &str) -> bool {
    before
        .last()
        .is_some_and(|(b, v)| *v == Verdict::Keep && b.text.trim_end().ends_with([':', '：']))
        && gives_address(t)
}

/// Does a short block give an e-mail address ("Tips: news@example.com",
/// "정덕현 칼럼니스트 thekian1@entermedia.co.kr") or a web address written out
/// ("Source: http://example.org/report", "www.example.com")? A linked
/// address is how to reach what the story names, not a link away from it:
/// menus and related lists show titles, not addresses.
fn gives_address(t: &str) -> bool {
    t.len() <= 200
        && t.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | ',' | ';'))
            .any(|w| {
                let w = w.trim_end_matches(['.', ':']);
                let web = ["http://", "https://", "www."].iter().any(|p| {
                    w.len() > p.len() + 3
                        && w.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
                });
                web || w.split_once('@').is_some_and(|(user, host)| {
                    !user.is_empty()
                        && host.contains('.')
                        && !host.starts_with('.')
                        && !host.ends_with('.')
                        && user.chars().chain(host.chars()).all(|c| {
                            c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')
                        })
                })
            })
}

/// Comparable form: no whitespace, lowercase.
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            if !c.is_whitespace() {
                out.push(c.to_ascii_lowercase());
            }
        } else if !text::is_space(c) {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The characters of `squash(s)`, without building it.
fn squashed(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| !text::is_space(*c))
        .flat_map(char::to_lowercase)
}

/// `squash(s) == squashed`, stopping at the first difference.
fn squash_eq(s: &str, squashed_other: &str) -> bool {
    squashed(s).eq(squashed_other.chars())
}

/// Does `lead` repeat the start of `text`? Its comparable form, less a
/// trailing ellipsis, is at least 20 characters and starts `squash(text)`.
/// Compared as it goes: most texts differ at once.
fn leads(lead: &str, text: &str) -> bool {
    let mut rest = squashed(text);
    let mut n = 0;
    for c in squashed(lead.trim_end_matches(['.', '…', ' ', '。'])) {
        if rest.next() != Some(c) {
            return false;
        }
        n += 1;
    }
    n >= 20
}

/// Do `a` and `b` start alike until one of them ends (less a trailing
/// ellipsis), over 40 characters at least? A description that runs on past
/// its story's first paragraph, or stops inside it.
fn same_start(a: &str, b: &str) -> bool {
    let (mut x, mut y) = (
        squashed(a.trim_end_matches(['.', '…', ' ', '。'])),
        squashed(b.trim_end_matches(['.', '…', ' ', '。'])),
    );
    let mut n = 0;
    loop {
        match (x.next(), y.next()) {
            (Some(c), Some(d)) if c == d => n += 1,
            (Some(_), Some(_)) => return false,
            _ => return n >= 40,
        }
    }
}

/// Does this look like an article rather than a listing of links to articles?
/// A listing alternates link headlines (dropped as link-heavy) with short
/// teasers; an article has prose, and its link-only blocks (navigation left
/// in, "related" lines) do not interleave with it.
pub fn is_article(selected: &[(&Block, Verdict)]) -> bool {
    let kept: Vec<&Block> = selected
        .iter()
        .filter(|(_, v)| *v == Verdict::Keep)
        .map(|(b, _)| *b)
        .collect();
    let total: usize = kept.iter().map(|b| b.weight).sum();
    let longest = kept.iter().map(|b| b.weight).max().unwrap_or(0);
    // Kept blocks that directly follow a link-only block: teasers under headlines.
    let teasers = selected
        .windows(2)
        .filter(|w| {
            // A headline of several words, not a bare address or a "more"
            // link, nor the last item of a list of links (a related box
            // set between the story's paragraphs).
            w[0].1 == Verdict::LinkHeavy
                && w[0].0.tag != BlockTag::ListItem
                && w[1].1 == Verdict::Keep
                && w[0].0.text.split_whitespace().count() >= 3
        })
        .count();
    // Prose that no headline link introduces: the story of a page whose
    // related lists came along with it.
    let prose: usize = selected
        .iter()
        .enumerate()
        .filter(|(k, (_, v))| {
            *v == Verdict::Keep
                && (*k == 0
                    || selected[k - 1].1 != Verdict::LinkHeavy
                    || selected[k - 1].0.tag == BlockTag::ListItem)
        })
        .map(|(_, (b, _))| b.weight)
        .sum();
    let listing = teasers >= 4 && teasers * 2 >= kept.len() && longest < 400 && prose < 1000;
    // A poem or a song: many short lines, no long one.
    let verse = kept.len() >= 10 && total >= 400;
    total >= 100 && (longest >= 60 || verse) && !listing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    #[test]
    fn addresses_written_out() {
        for (t, yes) in [
            ("Tips: news@harbour.example", true),
            ("정덕현 칼럼니스트 thekian1@entermedia.co.kr", true),
            ("Source: http://harbour.example/report.pdf", true),
            ("www.autoracing.example", true),
            ("Follow @harbourgazette", false),
            ("More news", false),
            // Words that start with a multi-byte character are not cut.
            ("ติดตามประชาไทอัพเดท ได้ที่: wwwé", false),
            ("ééé http", false),
        ] {
            assert_eq!(gives_address(t), yes, "{t}");
        }
    }

    #[test]
    fn squash_forms_agree_with_the_plain_definition() {
        let plain = |s: &str| -> String {
            s.chars()
                .filter(|c| !text::is_space(*c))
                .flat_map(char::to_lowercase)
                .collect()
        };
        let all: String = (0..0x11_0000u32).filter_map(char::from_u32).collect();
        assert_eq!(squash(&all), plain(&all));
        for (s, other) in [
            ("A  Lead\u{3000}Text", "aleadtext"),
            ("İstanbul News", "i\u{307}stanbulnews"),
            ("Lead", "leads"),
            ("Leads", "lead"),
            ("", ""),
        ] {
            assert_eq!(squash_eq(s, other), plain(s) == other, "{s}");
        }
        let lead_key = |s: &str| plain(s.trim_end_matches(['.', '…', ' ', '。']));
        let long = "The council voted on Tuesday to close the old bridge";
        for (lead, text) in [
            ("The council voted on Tuesday...", long),
            ("The  council VOTED on tuesday…", long),
            ("The council voted", long),
            ("The council voted on Wednesday", long),
            (long, long),
            ("", long),
        ] {
            let a = lead_key(lead);
            let slow = a.chars().count() >= 20 && plain(text).starts_with(&a);
            assert_eq!(leads(lead, text), slow, "{lead}");
        }
    }

    fn run(page: &str) -> (Vec<String>, Vec<(String, Verdict)>) {
        let dom = Dom::parse(page);
        let rules = Rules::builtin();
        let cleaned = crate::clean::clean(&dom, &rules);
        let blocks = blocks(&dom, &cleaned);
        let choice = choose(&dom, &cleaned, &blocks, None);
        let mut credits = Vec::new();
        let sel = select(
            &dom,
            &choice,
            &blocks,
            &rules,
            Some("The headline"),
            &mut credits,
        );
        let texts = blocks.iter().map(|b| b.text.clone()).collect();
        (
            texts,
            sel.into_iter().map(|(b, v)| (b.text.clone(), v)).collect(),
        )
    }

    fn kept(page: &str) -> Vec<String> {
        run(page)
            .1
            .into_iter()
            .filter(|(_, v)| *v == Verdict::Keep)
            .map(|(t, _)| t)
            .collect()
    }

    const PARA: &str = "The council met on Tuesday, and after a long debate it agreed to fund the new bridge, which engineers say will last a century.";

    /// Distinct paragraphs of prose.
    fn para(i: usize) -> String {
        format!(
            "Paragraph {i} of the story: the council met again, and after a long debate, members agreed on point {i}."
        )
    }

    #[test]
    fn related_posts_as_articles_with_long_excerpts_are_not_the_story() {
        let story: String = (0..3).map(|i| format!("<p>{}</p>", para(i))).collect();
        let excerpt = |i: usize| {
            format!(
                "Teaser {i}: in another town, on another day, the mayor spoke, the crowd listened, \
                 the band played, and the rain, which had held off all morning, finally came, \
                 soaking the stalls, the flags, the children and the dogs."
            )
        };
        let teasers: String = (0..5)
            .map(|i| {
                format!(
                    "<article class='post postbox'><h2><a href='/t{i}'>Other story {i}</a></h2><p>{}</p></article>",
                    excerpt(i)
                )
            })
            .collect();
        let page = format!(
            "<body><div id='primary'><article class='post entry'><h1>The headline</h1>{story}</article>\
             <section class='more'><h3>You may like</h3>{teasers}</section></div></body>"
        );
        let kept = kept(&page);
        assert!(kept.contains(&para(0)), "{kept:?}");
        assert!(kept.contains(&para(2)), "{kept:?}");
        assert!(!kept.iter().any(|t| t.starts_with("Teaser")), "{kept:?}");
    }

    #[test]
    fn a_sentence_around_links_is_prose_but_a_list_of_links_is_not() {
        let article: String = (0..5).map(|i| format!("<p>{}</p>", para(i))).collect();
        let page = format!(
            "<body><article>{article}\
             <p><a href='/a'>Jane Doe</a> has been voted off <a href='/show'>The Island Show</a>.</p>\
             <p><a href='/b'>Another story about the island show and its winners</a> (video)</p>\
             <p>More: <a href='/c'>The island show, season four, episode guide</a>.</p>\
             <ul><li><b><a href='/d'>The island show's final goes ahead despite the storm warnings</a>.</b> \
             The producers said so on Monday.</li><li><a href='/e'>Island show tickets</a></li></ul></article></body>"
        );
        let kept = kept(&page);
        assert!(
            kept.contains(&"Jane Doe has been voted off The Island Show.".to_string()),
            "{kept:?}"
        );
        assert!(
            !kept.iter().any(|t| t.starts_with("Another story")),
            "{kept:?}"
        );
        assert!(!kept.iter().any(|t| t.starts_with("More:")), "{kept:?}");
        assert!(
            kept.iter()
                .any(|t| t.ends_with("The producers said so on Monday.")),
            "{kept:?}"
        );
        assert!(!kept.iter().any(|t| t == "Island show tickets"), "{kept:?}");
    }

    #[test]
    fn paragraphs_boxed_one_by_one_before_the_body_join_it() {
        let boxed: String = ["firstPar", "secondPar", "thirdPar"]
            .iter()
            .enumerate()
            .map(|(i, c)| format!("<div class='{c}'><p>{}</p></div>", para(i)))
            .collect();
        let rest: String = (3..9).map(|i| format!("<p>{}</p>", para(i))).collect();
        let page = format!(
            "<body><div id='mainBodyArea'>{boxed}<div class='related_links_inline'><h2>Related Articles</h2>\
             <ul><li><a href='/a'>Gypsy flag to fly above town</a></li><li><a href='/b'>Water column forms</a></li></ul></div>\
             <div class='body'>{rest}</div></div></body>"
        );
        let kept = kept(&page);
        assert_eq!(kept.first(), Some(&para(0)), "{kept:?}");
        assert_eq!(kept.len(), 9, "{kept:?}");
    }

    #[test]
    fn a_lead_box_of_loose_text_before_the_body_joins_it_but_a_caption_does_not() {
        let lead = "Der Reporter hat das Magazin mit gefälschten Artikeln in eine schwere Krise gestürzt. Wie konnte es dazu kommen?";
        let caption = "The Redonda tree lizard, one of the reptiles that rebounded after invasive species were removed from the island.";
        let rest: String = (0..6).map(|i| format!("<p>{}</p>", para(i))).collect();
        let page = format!(
            "<body><div class='story'><div class='intro'><div class='intro__text'>{lead}</div></div>\
             <div class='img'><img src='l.jpg'><div class='img__copy'>{caption}</div></div>\
             <div class='text'>{rest}</div></div></body>"
        );
        let kept = kept(&page);
        assert_eq!(kept.first().map(String::as_str), Some(lead), "{kept:?}");
        assert_eq!(kept.len(), 7, "{kept:?}");
    }

    #[test]
    fn a_label_over_a_dropped_link_list_goes_with_it() {
        let article: String = (1..5).map(|i| format!("<p>{}</p>", para(i))).collect();
        let links = "<ul><li><a href='/a'>Niedlicher Roboter-Spielkamerad: Anki Cozmo</a></li>\
                     <li><a href='/b'>Mobile und stationäre Konsole: Nintendo Switch</a></li></ul>";
        let page = format!(
            "<body><article>{article}<p>Empfehlungen von Dennis:</p>{links}\
             <p>He named the three things the council must do next:</p><ul><li>{}</li></ul>\
             <p>After the vote, the mayor will use the following accounts:</p>{links}</article></body>",
            para(6)
        );
        let kept = kept(&page);
        assert!(
            !kept.iter().any(|t| t.starts_with("Empfehlungen")),
            "{kept:?}"
        );
        // A label over a list that stays, and a sentence over links, stay.
        assert!(kept.iter().any(|t| t.starts_with("He named")), "{kept:?}");
        assert!(
            kept.iter().any(|t| t.starts_with("After the vote")),
            "{kept:?}"
        );
    }

    #[test]
    fn a_header_or_an_aside_beside_the_story_does_not_join_it() {
        // The story's <header> holds its standfirst; an <aside> beside it
        // the writer's profile. Both are prose and near the story, and
        // neither is the story.
        let story: String = (1..9).map(|i| format!("<p>{}</p>", para(i))).collect();
        let page = format!(
            "<body><div class='post'><header class='entry-header'><h1>Bridge</h1><p>{}</p></header>\
             <div class='entry'>{story}</div><aside class='profile'><p>{}</p></aside></div></body>",
            para(0),
            para(9)
        );
        let kept = kept(&page);
        assert_eq!(kept.first(), Some(&para(1)), "{kept:?}");
        assert_eq!(kept.last(), Some(&para(8)), "{kept:?}");
    }

    #[test]
    fn a_speakable_summary_is_the_lead_not_a_teaser() {
        let article: String = (1..5).map(|i| format!("<p>{}</p>", para(i))).collect();
        let page = format!(
            "<body><article><p id='speakable-summary'>{}</p>{article}</article></body>",
            para(0)
        );
        assert_eq!(kept(&page).first(), Some(&para(0)));
    }

    #[test]
    fn a_story_split_over_two_page_rows_is_taken_whole() {
        let row = |class: &str, paras: std::ops::Range<usize>, aside: &str| {
            let text: String = paras.map(|i| format!("<p>{}</p>", para(i))).collect();
            format!(
                "<section class='row story {class}'><div class='container'><div class='col'><div class='inner'>\
                 <div class='col'><div class='story-text'>{text}</div></div></div></div>\
                 <div class='col side'>{aside}</div></div></section>"
            )
        };
        let page = format!(
            "<body><main>{}{}{}</main></body>",
            row("", 0..2, ""),
            row(
                "main-row",
                2..9,
                "<div class='promo'><a href='/x'>Subscribe</a></div>"
            ),
            "<section class='row story below'><div class='col'><div class='tags'><a href='/t'>Politics</a></div></div></section>"
        );
        let whole = kept(&page);
        assert_eq!(whole.first(), Some(&para(0)), "{whole:?}");
        assert_eq!(whole.len(), 9, "{whole:?}");
    }

    #[test]
    fn a_heading_over_a_dropped_section_goes_with_it() {
        let article: String = (0..5).map(|i| format!("<p>{}</p>", para(i))).collect();
        let links: String = (0..4)
            .map(|i| format!("<li><a href='/{i}'>Another headline number {i} here</a></li>"))
            .collect();
        let page = format!(
            "<body><article><h2>Background</h2>{article}<h3>Our pick of the week</h3><ul>{links}</ul>\
             <h3>What comes next</h3><p>{}</p><h2>Newsletter</h2></article></body>",
            para(9)
        );
        let sel = run(&page).1;
        let verdict = |t: &str| sel.iter().find(|(x, _)| x == t).map(|(_, v)| v.clone());
        assert_eq!(verdict("Background"), Some(Verdict::Keep));
        assert_eq!(verdict("What comes next"), Some(Verdict::Keep));
        assert_eq!(verdict("Our pick of the week"), Some(Verdict::EmptySection));
        assert_eq!(verdict("Newsletter"), Some(Verdict::EmptySection));
        // A heading that is a sentence of the story stays, even over a dropped figure.
        let page = format!(
            "<body><article>{article}<h2>The bridge, the council said, will open in the spring of next year.</h2>\
             <ul>{links}</ul></article></body>"
        );
        assert!(
            kept(&page)
                .iter()
                .any(|t| t.starts_with("The bridge, the council"))
        );
    }

    #[test]
    fn blocks_follow_rendering() {
        let (texts, _) = run(
            "<body><p>one <b>two</b>three<br>four</p><table><tr><td>a</td><td>b</td></tr></table><div>x<p>y</p>z</div></body>",
        );
        assert_eq!(texts, ["one twothree", "four", "a b", "x", "y", "z"]);
        // Table cells stay apart in CJK text, even when a dropped image
        // starts the next cell.
        let (texts, _) = run(
            "<body><table><tr><td>作者：郭励弘\n</td><td><a href='/c'><img src='i.gif' alt=''>我来说两句</a></td></tr></table></body>",
        );
        assert_eq!(texts, ["作者：郭励弘 我来说两句"]);
    }

    #[test]
    fn the_article_beats_a_sidebar_of_links() {
        let article: String = (0..6).map(|i| format!("<p>{}</p>", para(i))).collect();
        let links: String = (0..12)
            .map(|i| format!("<li><a href='/{i}'>Another headline number {i} here</a></li>"))
            .collect();
        let page = format!(
            "<body><div class='col'><h1>The headline</h1>{article}</div><div class='col'><ul>{links}</ul></div></body>"
        );
        let k = kept(&page);
        assert_eq!(k, (0..6).map(para).collect::<Vec<_>>());
    }

    #[test]
    fn loose_text_in_a_container_is_found() {
        let page = format!(
            "<body><div class='x'><b>Title</b><br>{}<br>{}</div><div><a href='/'>home</a></div></body>",
            para(1),
            para(2)
        );
        let k = kept(&page);
        assert_eq!(k, ["Title".to_string(), para(1), para(2)]);
    }

    #[test]
    fn a_lead_repeating_the_first_paragraph_and_repeats_go() {
        let lead = &PARA[..60];
        let page = format!(
            "<body><div><p>{lead}...</p><p>{PARA}</p><p>{PARA}</p><p>Second paragraph of the story, with more to say about the bridge and its cost.</p></div></body>"
        );
        let (_, sel) = run(&page);
        let verdicts: Vec<&Verdict> = sel.iter().map(|(_, v)| v).collect();
        assert_eq!(
            verdicts,
            [
                &Verdict::Duplicate,
                &Verdict::Keep,
                &Verdict::Duplicate,
                &Verdict::Keep
            ]
        );
    }

    #[test]
    fn headline_credit_and_boilerplate_lines_are_left_out() {
        let page = format!(
            "<body><article><h1>The headline</h1><p>By Jane Doe</p><p>{PARA}</p><p>Advertisement</p><p>Read more: <a href='/x'>Another story</a></p><p>{}</p></article></body>",
            para(2)
        );
        let (_, sel) = run(&page);
        let got: Vec<(&str, &Verdict)> = sel.iter().map(|(t, v)| (t.as_str(), v)).collect();
        assert_eq!(got[0], ("The headline", &Verdict::Headline));
        assert_eq!(got[1], ("By Jane Doe", &Verdict::Credit));
        assert!(matches!(got[3].1, Verdict::Rule(_)), "{got:?}");
        assert!(
            matches!(got[4].1, Verdict::Rule(_) | Verdict::LinkHeavy),
            "{got:?}"
        );
        assert_eq!(kept(&page).len(), 2);
    }

    #[test]
    fn teasers_of_other_stories_after_the_story_go() {
        let story: String = (0..4).map(|i| format!("<p>{}</p>", para(i))).collect();
        let more: String = (0..4)
            .map(|i| {
                format!(
                    "<h3><a href='/d{i}'>Other story {i}</a></h3><p>A short teaser, number {i}.</p>"
                )
            })
            .collect();
        let page = format!("<body><article>{story}{more}</article></body>");
        assert_eq!(kept(&page).len(), 4, "{:?}", kept(&page));
        // The same pairs with the story going on after them are the story's.
        let page = format!("<body><article>{more}{story}</article></body>");
        assert_eq!(kept(&page).len(), 8, "{:?}", kept(&page));
    }

    #[test]
    fn listings_are_not_articles() {
        let rules = Rules::builtin();
        let article = |page: &str| {
            let dom = Dom::parse(page);
            let cleaned = crate::clean::clean(&dom, &rules);
            let b = blocks(&dom, &cleaned);
            let choice = choose(&dom, &cleaned, &b, None);
            is_article(&select(&dom, &choice, &b, &rules, None, &mut Vec::new()))
        };
        let cards = |n: usize| -> String {
            (0..n)
                .map(|i| format!("<div class='card'><h2><a href='/{i}'>Headline of story number {i}</a></h2><p>A short teaser for story {i}, one line.</p></div>"))
                .collect()
        };
        let paras =
            |n: usize| -> String { (0..n).map(|i| format!("<p>{}</p>", para(i))).collect() };
        assert!(!article(&format!("<body><main>{}</main></body>", cards(6))));
        assert!(article(&format!("<body><main>{}</main></body>", paras(4))));
        // A story of short paragraphs that brought its page's headline lists
        // along (more teasers than paragraphs) is still a story.
        assert!(article(&format!(
            "<body><main>{}{}</main></body>",
            paras(10),
            cards(12)
        )));
        // A song: many short lines, none of paragraph length.
        let verse = |n: usize| -> String {
            (0..n)
                .map(|i| format!("Line {i} of the song, sung<br>"))
                .collect()
        };
        assert!(article(&format!(
            "<body><main><div>{}</div></main></body>",
            verse(24)
        )));
        assert!(!article(&format!(
            "<body><main><div>{}</div></main></body>",
            verse(4)
        )));
    }
}
