//! Stage 3: clean by rules. Every element is judged once against the compiled
//! rules (selectors and class/id patterns); what a rule drops is hidden with
//! its subtree, and the rule's index is kept so that `explain` can name it.
//! Class/id drops are conditional: an element holding most of the page's text
//! is a badly named wrapper, not boilerplate, and is kept.

use crate::parse::{BlockTag, Dom, Kind, NO_PARENT};
use crate::rules::Rules;

/// Why an element was removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dropped {
    /// By the rule with this index in `Rules::info`.
    Rule(usize),
}

/// What cleaning decided, per item of the `Dom`.
pub struct Cleaned {
    /// The drop decision for items that were removed themselves.
    pub dropped: Vec<Option<Dropped>>,
    /// Score weight from `[[score]]` rules.
    pub weight: Vec<f32>,
    /// Text weight of each subtree (all text, before anything is dropped).
    pub text_weight: Vec<u32>,
}

impl Cleaned {
    /// Is item `i` removed, itself or through an ancestor?
    pub fn is_hidden(&self, dom: &Dom, i: usize) -> bool {
        self.dropped[i].is_some() || dom.ancestors(i).any(|a| self.dropped[a].is_some())
    }
}

/// Share of the page's paragraph text (text in `<p>`) above which a class/id
/// match does not drop an element: it holds the article, whatever its name.
const PROTECT_SHARE: f32 = 0.3;

/// Share of the page's paragraph text that makes an element the page's
/// main text, spared by rules marked `spare_main_text`.
const MAIN_TEXT_SHARE: f32 = 0.5;

/// A class name that a score rule favours ("article__summary", "post-body")
/// keeps an element from the class drops only when it holds this much text
/// (a score selector, such as `[itemprop=articleBody]`, always does):
/// "article__byline", "post-date" or "newsCaption" are the article's
/// furniture, whatever their first word.
const SHIELD_PROSE: u32 = 150;

/// A text run this heavy, outside any `<p>`, is prose too on pages that
/// break paragraphs with `<br>` in a `<div>` (blog engines); a menu's or a
/// footer's runs are much shorter.
const PROSE_RUN: u32 = 150;

/// Is text item `i` the contents of a script, style or template?
fn in_raw_text(dom: &Dom, i: usize) -> bool {
    let p = dom.items[i].parent;
    p != NO_PARENT && crate::parse::is_raw_text(dom.tag(p as usize))
}

pub fn clean(dom: &Dom, rules: &Rules) -> Cleaned {
    let n = dom.items.len();
    // Is the nearest block ancestor of each node a <p>? (forward pass: parents first)
    // And which <p> is it, for the elements inside one.
    let mut in_p = vec![false; n];
    let mut p_of = vec![NO_PARENT; n];
    // The nearest block of each node (itself for a block), and whether it
    // is inside a link.
    let mut block_of = vec![NO_PARENT; n];
    let mut in_link = vec![false; n];
    for i in 0..n {
        let it = dom.items[i];
        (in_p[i], p_of[i]) = match it.kind {
            Kind::Block(BlockTag::Paragraph) => (true, i as u32),
            Kind::Block(_) => (false, NO_PARENT),
            _ if it.parent != NO_PARENT => {
                let p = it.parent as usize;
                (in_p[p], p_of[p])
            }
            _ => (false, NO_PARENT),
        };
        let parent = (it.parent != NO_PARENT).then_some(it.parent as usize);
        block_of[i] = match it.kind {
            Kind::Block(_) => i as u32,
            _ => parent.map_or(NO_PARENT, |p| block_of[p]),
        };
        in_link[i] = it.kind == Kind::Link || parent.is_some_and(|p| in_link[p]);
    }
    // Text weight per subtree: all text, paragraph text, and long runs of
    // text outside any <p>, by one backwards pass (children come after parents).
    let mut text_weight = vec![0u32; n];
    let mut prose = vec![0u32; n];
    let mut runs = vec![0u32; n];
    // Shorter text outside <p> and outside links, by the block it is
    // written in, and the line breaks there: a <div> of <br>-broken lines
    // (a poem, lyrics) is one run.
    let mut loose = vec![0u32; n];
    let mut breaks = vec![0u32; n];
    // Does the subtree hold an image (an image box's wrapper)?
    let mut media = vec![false; n];
    for i in (0..n).rev() {
        let b = block_of[i] as usize;
        if matches!(dom.tag(i), "img" | "picture" | "video") {
            media[i] = true;
        }
        match dom.items[i].kind {
            Kind::Text => {
                let w = crate::text::weight(dom.text(i).unwrap_or("").trim()) as u32;
                text_weight[i] = w;
                if in_p[i] {
                    prose[i] = w;
                } else if w >= PROSE_RUN && !in_raw_text(dom, i) {
                    runs[i] = w;
                } else if !in_link[i] && b != NO_PARENT as usize && !in_raw_text(dom, i) {
                    loose[b] = loose[b].saturating_add(w);
                }
            }
            Kind::Break if b != NO_PARENT as usize => breaks[b] += 1,
            Kind::Block(_) if loose[i] >= PROSE_RUN && breaks[i] >= 3 => {
                runs[i] = runs[i].saturating_add(loose[i]);
            }
            _ => {}
        }
        let p = dom.items[i].parent;
        if p != NO_PARENT {
            let p = p as usize;
            text_weight[p] = text_weight[p].saturating_add(text_weight[i]);
            media[p] |= media[i];
            prose[p] = prose[p].saturating_add(prose[i]);
            runs[p] = runs[p].saturating_add(runs[i]);
        }
    }
    // A page that writes more of its prose outside <p> than in it (<br>
    // between paragraphs) has its long runs counted as paragraph text.
    let page_runs = runs.first().copied().unwrap_or(0);
    if page_runs > prose.first().copied().unwrap_or(0) {
        for (p, r) in prose.iter_mut().zip(&runs) {
            *p = p.saturating_add(*r);
        }
    }
    let total_prose = prose.first().copied().unwrap_or(0).max(1) as f32;

    let mut dropped = vec![None; n];
    let mut weight = vec![0f32; n];
    // Judges the items from `from` to `to`, skipping what a drop hides.
    let mut judge = |from: usize, to: usize, dropped: &mut Vec<Option<Dropped>>| {
        let mut i = from;
        while i < to {
            let Some(el) = dom.element(i) else {
                i += 1;
                continue;
            };
            let v = rules.judge(el);
            weight[i] = v.weight;
            // An inline element in a sentence (a linked name whose id says
            // "auto-tag", a span classed "source", a <time> in "met on <time>
            // Tuesday</time>") is part of the sentence: class rules, and the
            // byline rules' selectors, leave it, strict rules (hidden text) do not.
            // An inline wrapper holding an image between it and the <p>
            // ("<p><span><img><span class=caption>…</span></span>Story…")
            // is an image box set in the paragraph, not part of a sentence.
            let in_image_box = || {
                let p = p_of[i] as usize;
                dom.ancestors(i).take_while(|&a| a != p).any(|a| media[a])
            };
            let in_sentence = matches!(dom.items[i].kind, Kind::Inline | Kind::Link)
                && p_of[i] != NO_PARENT
                && text_weight[p_of[i] as usize] > text_weight[i] + 20
                && !in_image_box();
            let by_selector = v.drop_by_selector.filter(|&r| {
                let in_byline = in_sentence && rules.info[r].group.as_deref() == Some("byline");
                let main_text = rules.info[r].spare_main_text
                    && prose[i] as f32 > MAIN_TEXT_SHARE * total_prose;
                !(in_byline || main_text)
            });
            let drop = by_selector.or_else(|| {
                let strict = v.drop_by_class.is_some_and(|r| rules.info[r].strict);
                let protect = matches!(el.value().name(), "body" | "html")
                    || in_sentence && !strict
                    || v.selector_weight > 0.0
                    || (v.weight > 0.0 && text_weight[i] >= SHIELD_PROSE && !strict)
                    || prose[i] as f32 > PROTECT_SHARE * total_prose;
                let too_long = v.drop_by_class.is_some_and(|r| {
                    rules.info[r]
                        .class_max_chars
                        .is_some_and(|m| text_weight[i] as usize > m)
                        || rules.info[r]
                            .class_max_prose
                            .is_some_and(|m| prose[i] as usize > m)
                });
                v.drop_by_class.filter(|_| !protect && !too_long)
            });
            if let Some(rule) = drop {
                dropped[i] = Some(Dropped::Rule(rule));
                i = dom.items[i].end as usize; // nothing inside needs judging
            } else {
                i += 1;
            }
        }
    };
    judge(0, n, &mut dropped);
    // Comments follow the story: a "comment" class on a block with most of
    // the page's prose outside comments still to come is an opinion piece's
    // header or lead ("PageArticle_commentLead"), not readers' posts. Such
    // a block is kept and what is inside it judged on its own.
    let is_comment = |d: &Option<Dropped>| matches!(d, Some(Dropped::Rule(r)) if rules.info[*r].group.as_deref() == Some("comments"));
    // In document order; those found inside a kept one join the queue.
    let mut queue: Vec<usize> = (0..n).rev().filter(|&i| is_comment(&dropped[i])).collect();
    if !queue.is_empty() {
        let mut ahead = vec![0u32; n + 1];
        for i in (0..n).rev() {
            let own = if dom.items[i].kind == Kind::Text {
                prose[i]
            } else {
                0
            };
            ahead[i] = ahead[i + 1].saturating_add(own);
        }
        let mut in_comments_ahead: u32 = queue.iter().map(|&c| prose[c]).sum();
        while let Some(c) = queue.pop() {
            in_comments_ahead -= prose[c];
            let end = dom.items[c].end as usize;
            let story_ahead = ahead[end].saturating_sub(in_comments_ahead);
            if story_ahead as f32 > 0.5 * total_prose {
                dropped[c] = None;
                judge(c + 1, end, &mut dropped);
                for i in (c + 1..end).rev().filter(|&i| is_comment(&dropped[i])) {
                    in_comments_ahead += prose[i];
                    queue.push(i);
                }
            }
        }
    }
    Cleaned {
        dropped,
        weight,
        text_weight,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(page: &str) -> Vec<(String, String)> {
        let dom = Dom::parse(page);
        let rules = Rules::builtin();
        let c = clean(&dom, &rules);
        (0..dom.items.len())
            .filter_map(|i| {
                let Dropped::Rule(r) = c.dropped[i]?;
                let t = dom.text_of(i);
                (!t.is_empty()).then(|| (t, rules.info[r].name.clone()))
            })
            .collect()
    }

    #[test]
    fn drops_by_selector_and_class() {
        let long = "word ".repeat(200);
        let page = format!(
            "<body><nav>Home News</nav><div class='article'><p>{long}</p>\
             <div class='share-bar'>Share</div></div><div id='comments'>c</div></body>"
        );
        let got = names(&page);
        assert!(
            got.contains(&("Home News".into(), "navigation".into())),
            "{got:?}"
        );
        assert!(got.contains(&("Share".into(), "share".into())), "{got:?}");
        assert!(got.contains(&("c".into(), "comments".into())), "{got:?}");
        assert!(!got.iter().any(|(t, _)| t.contains("word")), "{got:?}");
    }

    #[test]
    fn a_wrapper_with_most_text_is_kept_despite_its_class() {
        let long = "word ".repeat(200);
        let page = format!(
            "<body><div class='layout-sidebar'><p>{long}</p></div><div class='sidebar'>x</div></body>"
        );
        let got = names(&page);
        assert_eq!(got, vec![("x".to_string(), "navigation".to_string())]);
    }

    /// What the rules drop from a post in a Blogger-like "widget", beside
    /// a sidebar widget of links.
    fn in_blog_widget(post: &str) -> Vec<(String, String)> {
        names(&format!(
            "<body><div class='Blog widget'><div class='post-body'>{post}</div></div>\
             <div class='widget'><a href='/a'>Popular posts</a> <a href='/b'>Archive</a></div></body>"
        ))
    }

    fn only_the_sidebar() -> Vec<(String, String)> {
        vec![("Popular posts Archive".into(), "navigation".into())]
    }

    #[test]
    fn a_widget_holding_a_song_of_short_lines_is_kept() {
        // Lyrics or a poem: many short lines broken by <br>, no <p>.
        let lines: String = (0..24)
            .map(|k| format!("Line {k} of the song goes here<br>"))
            .collect();
        assert_eq!(in_blog_widget(&lines), only_the_sidebar());
        // Short lines of links are no song.
        let links: String = (0..24)
            .map(|k| format!("<a href='/{k}'>Link {k} of the menu goes here</a><br>"))
            .collect();
        let page = format!(
            "<body><div class='widget'>{links}</div><article><p>{}</p></article></body>",
            "word ".repeat(50)
        );
        assert_eq!(names(&page).len(), 1);
    }

    #[test]
    fn a_widget_holding_br_separated_prose_is_kept() {
        // Blog engines wrap the post in a "widget" and break its paragraphs
        // with <br>: no <p> at all, yet it is the article.
        let para = "A sentence of the post that goes on for a while, as prose does. ".repeat(4);
        let post = format!("{para}<br><br>{para}<br><br>{para}");
        assert_eq!(in_blog_widget(&post), only_the_sidebar());
        // The same wrapper over a page whose prose is in <p> elsewhere goes.
        let page = format!(
            "<body><article><p>{para}</p><p>{para}</p><p>{para}</p></article>\
             <div class='widget'>{para}</div></body>"
        );
        let got = names(&page);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "navigation");
    }

    #[test]
    fn an_image_text_box_is_a_caption_only_when_short() {
        let long = "word ".repeat(400);
        let para = "The cooperative runs cloud services, writes free software and teaches schools how to use both, with members in four countries and a board they elect. ".repeat(3);
        let page = format!(
            "<body><div class='paragraph paragraph--type--image-text'><img src='a.jpg'><h2>Who we are</h2><p>{para}</p></div>             <div class='image-text'>The board in 2019. Photo: A. Roe</div><p>{long}</p></body>"
        );
        let got = names(&page);
        assert_eq!(
            got,
            vec![(
                "The board in 2019. Photo: A. Roe".to_string(),
                "image-texts".to_string()
            )]
        );
        // Portals' and papers' own names for it.
        for class in ["img_descr", "picIntro", "photo-sign", "foto-popis"] {
            let page = format!(
                "<body><div class='article'><p class='{class}'>新装的电梯投入使用。</p><p>{long}</p></div></body>"
            );
            assert_eq!(
                names(&page),
                vec![(
                    "新装的电梯投入使用。".to_string(),
                    "image-texts".to_string()
                )],
                "{class}"
            );
        }
    }

    #[test]
    fn a_tag_class_drops_a_tag_list_not_a_long_text() {
        let long = "word ".repeat(400);
        let para = "The contest moves to a floating ramp on the lake this year, with a warm-up at eleven, the final at noon and the prize-giving in the evening, weather permitting. ".repeat(3);
        let page = format!(
            "<body><span class='eventDetailsContentTags'>{para}</span>\
             <div class='post-tags'><a href='/t/a'>Skateboarding</a> <a href='/t/b'>Lakes</a></div><p>{long}</p></body>"
        );
        let got = names(&page);
        assert_eq!(
            got,
            vec![("Skateboarding Lakes".to_string(), "tags".to_string())]
        );
    }

    #[test]
    fn an_ad_class_drops_a_slot_not_a_section_of_the_story() {
        let long = "word ".repeat(800);
        let para = "<p>The grill heats from above, so the steak goes in a drawer under the burner and is raised towards it, which takes some practice at first.</p>".repeat(5);
        let page = format!(
            "<body><section class='TestReport__Section TestReport__Section--Ads'>{para}\
             <div class='ad-slot'>Advertisement</div></section><p>{long}</p></body>"
        );
        let got = names(&page);
        assert_eq!(got, vec![("Advertisement".to_string(), "ads".to_string())]);
    }

    #[test]
    fn an_article_class_shields_text_not_furniture() {
        // "article__byline" names the article first, but it is a byline;
        // "article__summary" holding a sentence of the story is kept.
        let long = "word ".repeat(300);
        let lead = "The council agreed on Tuesday to fund the new bridge, which engineers say will last a century and cost forty million. Work starts in spring, and the old ferry runs until it opens.";
        let page = format!(
            "<body><article><div class='article__byline'>By Jane Doe</div>\
             <div class='article__summary'>{lead}</div><p>{long}</p></article></body>"
        );
        let got = names(&page);
        assert_eq!(got, vec![("By Jane Doe".to_string(), "byline".to_string())]);
    }

    #[test]
    fn a_strict_rule_drops_what_a_score_class_also_names() {
        let long = "word ".repeat(300);
        let bio = "Jane Doe studied politics in Dresden and Boston and worked abroad for years before she came home to write about the harbour towns for the Gazette.";
        let page = format!(
            "<body><article><p>{long}</p></article><section class='main-box author-box'><h3>About the author</h3><p>{bio}</p></section>\
             <div class='main-box'><p>{bio}</p></div></body>"
        );
        let got = names(&page);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.starts_with("About the author"), "{got:?}");
        assert_eq!(got[0].1, "author-bio");
    }

    #[test]
    fn an_image_box_set_in_a_paragraph_is_not_part_of_its_sentence() {
        let long = "word ".repeat(300);
        // A portal sets the picture, with its credit line, inside the
        // paragraph that opens the story.
        let page = format!(
            "<body><article><p><span class='storyimage'><span class='image'><img src='a.jpg'></span>\
             <span class='caption truncate'><span>© Archive Photos</span></span></span>\
             <strong>Why we love to watch sad movies.</strong></p><p>{long}</p></article></body>"
        );
        let got = names(&page);
        assert_eq!(
            got,
            vec![("© Archive Photos".to_string(), "captions".to_string())]
        );
    }

    #[test]
    fn an_inline_element_in_a_sentence_is_part_of_it() {
        let long = "word ".repeat(300);
        // Sites link names to their topic pages with ids like "auto-tag_...";
        // a span classed as the source opens a sentence.
        let page = format!(
            "<body><article><p>{long}</p><p>The <a id='auto-tag_doobie-brothers' href='/t/d'>Doobie Brothers</a> \
             will tour again, <span class='source'>the band said</span> on Monday.</p>\
             <p><span class='share'>Share this story</span></p>\
             <p>The council met on <time datetime='2024-03-05'>Tuesday, March 5</time> and agreed to fund it.</p>\
             <p>The report is online <span class='sr-only'>(opens in a new window)</span> for anyone to read.</p>\
             <div class='tags'><a href='/t/a'>harbour</a> <a href='/t/b'>bridge</a></div></article></body>"
        );
        let got = names(&page);
        assert_eq!(
            got,
            vec![
                ("Share this story".to_string(), "share".to_string()),
                ("(opens in a new window)".to_string(), "hidden".to_string()),
                ("harbour bridge".to_string(), "tags".to_string())
            ]
        );
    }

    #[test]
    fn heading_anchors_and_page_builder_boxes_are_not_furniture() {
        let long = "word ".repeat(300);
        // A subhead's id is made of its words; Elementor boxes every block.
        let page = format!(
            "<body><article><p>{long}</p><h3 id='nav_only_the_foil_remains'>Only the foil remains</h3>\
             <div class='elementor-widget-wrap'><p>A short paragraph in a builder box.</p></div>\
             <div class='widget'>Archive</div></article></body>"
        );
        let got = names(&page);
        assert_eq!(got, vec![("Archive".to_string(), "navigation".to_string())]);
    }
}
