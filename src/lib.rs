//! copydesk turns saved news pages into clean, structured JSON.
//!
//! The pipeline, one module a stage:
//! 1. [`decode`]: bytes to text (gzip, BOM, declared charset, sniffing);
//! 2. [`parse`]: text to a tree, laid out flat for loops without recursion;
//! 3. [`clean`]: the [`rules`] remove ads, navigation, share bars...;
//! 4. [`body`]: the article body is found and its blocks filtered;
//! 5. [`metadata`], [`date`], [`credits`]: headline, time, credits, url...;
//! 6. [`output`]: the [`Article`] and its JSON.
//!
//! ```
//! let page = b"<html><head><title>Rain - The Daily</title></head><body><h1>Rain</h1>\
//!     <p>It rained all day in the city, and the river rose by two metres before the evening, \
//!     flooding the lower streets, closing the bridges and keeping thousands of commuters at home \
//!     for the night while crews worked to clear the drains.</p></body></html>";
//! let article = copydesk::extract(page, &copydesk::Options::default()).unwrap();
//! assert_eq!(article.headline.as_deref(), Some("Rain"));
//! assert_eq!(article.paragraphs.len(), 1);
//! ```

pub mod batch;
pub mod body;
pub mod clean;
pub mod credits;
pub mod date;
pub mod decode;
pub mod error;
pub mod explain;
pub mod ftr;
pub mod metadata;
pub mod output;
pub mod parse;
pub mod plain;
pub mod rules;
pub mod site;
pub mod text;
pub mod treebuild;

use std::borrow::Cow;
use std::sync::OnceLock;

pub use credits::Credit;
pub use error::{Error, RulesError};
pub use output::Article;
pub use rules::Rules;

/// Per-page options.
#[derive(Debug, Clone)]
pub struct Options {
    /// Reported as `source` in the result.
    pub source: String,
    /// Decode with this encoding instead of detecting one.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// The page's address, when known from outside (overrides nothing the
    /// page says, but fills `url` when the page says nothing).
    pub url: Option<String>,
    /// Largest input accepted, in bytes (after gzip decompression).
    pub max_size: usize,
}

/// Default size limit: far above any real page.
pub const DEFAULT_MAX_SIZE: usize = 256 * 1024 * 1024;

impl Default for Options {
    fn default() -> Self {
        Options {
            source: "-".into(),
            encoding: None,
            url: None,
            max_size: DEFAULT_MAX_SIZE,
        }
    }
}

/// Extracts articles with one set of compiled rules. Build it once per run.
pub struct Extractor {
    rules: Rules,
}

/// Everything the pipeline found, for `explain` and for building the result.
pub struct Analysis {
    pub dom: parse::Dom,
    pub cleaned: clean::Cleaned,
    pub blocks: Vec<body::Block>,
    pub choice: body::Choice,
    /// Verdict for each block inside the chosen containers (indices into `blocks`).
    pub verdicts: Vec<(usize, body::Verdict)>,
    pub article: Article,
    /// The site rules used for this page, and what they decided.
    pub site: site::Applied,
}

/// Parses the decoded page: markup as it is, a page saved as plain text
/// through `plain::to_html`. Gives the "saved from" address too.
fn parse_text(text: &str) -> (Option<String>, parse::Dom) {
    if plain::is_plain_text(text) {
        (None, parse::Dom::parse(&plain::to_html(text)))
    } else {
        (parse::saved_from_url(text), parse::Dom::parse(text))
    }
}

impl Extractor {
    pub fn new(rules: Rules) -> Self {
        Extractor { rules }
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Extracts the article from a page's bytes (gzip, any encoding).
    pub fn extract(&self, bytes: &[u8], opts: &Options) -> Result<Article, Error> {
        Ok(self.analyse(bytes, opts)?.article)
    }

    /// Runs the pipeline and keeps what each stage decided.
    pub fn analyse(&self, bytes: &[u8], opts: &Options) -> Result<Analysis, Error> {
        if bytes.len() > opts.max_size {
            return Err(Error::TooLarge {
                size: bytes.len(),
                limit: opts.max_size,
            });
        }
        let bytes = decode::gunzip_if_needed(bytes, opts.max_size)?;
        // A browser's single-file save (MHTML): the page inside it, with the
        // address it was saved from and the charset its part names.
        let mhtml = decode::unwrap_mhtml(&bytes);
        let (bytes, mhtml_url, forced) = match mhtml {
            Some(m) => (Cow::Owned(m.html), m.location, opts.encoding.or(m.charset)),
            None => (bytes, None, opts.encoding),
        };
        // (Text the user says is UTF-16 is judged as text.)
        if !opts
            .encoding
            .is_some_and(|e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE)
        {
            decode::check_is_html(&bytes)?;
        }
        // The text is parsed where it lies when the bytes are UTF-8; else
        // the bytes go before parsing, as the decoded copy replaces them.
        let ((saved_from, dom), encoding) = match decode::decode_borrowed(&bytes, forced) {
            (Cow::Borrowed(text), encoding) => (parse_text(text), encoding),
            (Cow::Owned(text), encoding) => {
                drop(bytes);
                (parse_text(&text), encoding)
            }
        };

        let mut sources = metadata::gather(&dom);
        // Site rules, by the page's address; a site that switches general
        // rules off gets them recompiled without (once per run).
        let saved_from = saved_from.or(mhtml_url);
        let page_url = sources
            .url(saved_from.as_deref())
            .or_else(|| opts.url.clone());
        let site = self.rules.sites.lookup(page_url.as_deref());
        let variant = Some(site.disabled())
            .filter(|d| !d.is_empty())
            .and_then(|d| self.rules.sites.variant(&self.rules, d));
        let rules: &Rules = variant.as_deref().unwrap_or(&self.rules);
        let mut applied = site::Applied::new(&site, page_url.as_deref());

        let mut cleaned = clean::clean(&dom, rules);
        let forced = site::apply(&dom, &mut cleaned, rules, &site);
        let blocks = body::blocks(&dom, &cleaned);
        let description = sources.description();
        let mut choice = body::choose(&dom, &cleaned, &blocks, description.as_deref());
        if !forced.is_empty() {
            // The site names the body: its container(s) replace the scorer's.
            choice.scores = vec![None; forced.len()];
            choice.containers = forced;
            applied.body = site.body().map(|(r, _)| r.rule);
        }
        let site_name = sources.site_name();
        // Where the body's prose begins: the first paragraph-sized block in
        // it that is no heading (a long <h1> is the headline, not the prose).
        let body_at = blocks
            .iter()
            .find(|b| {
                b.weight >= 60
                    && !matches!(b.tag, parse::BlockTag::Heading(_))
                    && choice.containers.iter().any(|&c| dom.contains(c, b.owner))
            })
            .map(|b| b.owner);
        let (mut headline, mut h1) = sources.headline(site_name.as_deref(), body_at);
        if let Some((r, i, text)) = site.headline().and_then(|(r, sels)| {
            site::find_first_alternative(&dom, sels)
                .into_iter()
                .map(|i| (r, i, site::value_of(&dom, i)))
                .find(|(_, _, t)| !t.is_empty())
        }) {
            headline = Some(text);
            h1 = (!matches!(dom.tag(i), "meta" | "title")).then_some(i);
            applied.headline = Some(r.rule);
        }

        let mut text_credits = Vec::new();
        let mut selected = body::select(
            &dom,
            &choice,
            &blocks,
            rules,
            headline.as_deref(),
            &mut text_credits,
        );
        for (b, v) in selected.iter_mut() {
            if *v == body::Verdict::Keep
                && let Some(r) = site.drop_text(&b.text)
            {
                *v = body::Verdict::Rule(r);
            }
        }
        // A heading under the headline that says what the page's description
        // says is the standfirst, not the story.
        if let Some(d) = description.as_deref().map(metadata::squash)
            && d.len() >= 20
        {
            let mut gone = None;
            for (k, (b, v)) in selected.iter_mut().enumerate() {
                if *v == body::Verdict::Keep && b.weight >= 200 {
                    break;
                }
                if *v == body::Verdict::Keep
                    && matches!(b.tag, parse::BlockTag::Heading(_))
                    && metadata::squash(&b.text) == d
                {
                    *v = body::Verdict::Standfirst;
                    gone = Some(k);
                }
            }
            // The story's own paragraph that says it again stays: it went as
            // the standfirst's repeat.
            if let Some(k) = gone {
                let text = selected[k].0.text.clone();
                if let Some((_, v)) = selected[k + 1..]
                    .iter_mut()
                    .find(|(b, v)| *v == body::Verdict::Duplicate && b.text == text)
                {
                    *v = body::Verdict::Keep;
                }
            }
        }
        // A short label over the headline element, inside the body's
        // container (a section's name, a kicker: "Travel", "Il caso"), is
        // no part of the story.
        // (One or two such lines, all short: more before the headline mean
        // the headline element is not the body's top.)
        if let Some(h) = h1 {
            // Up to the headline's own block when the body holds it (a
            // label's loose text belongs to the container around both),
            // else the blocks wholly before it.
            let at = selected
                .iter()
                .position(|(b, _)| b.owner == h || dom.contains(h, b.owner));
            let over: Vec<usize> = selected
                .iter()
                .enumerate()
                .take_while(|(k, (b, _))| match at {
                    Some(a) => *k < a,
                    None => b.owner < h && !dom.contains(b.owner, h),
                })
                .filter(|(_, (_, v))| *v == body::Verdict::Keep)
                .map(|(k, _)| k)
                .collect();
            if (1..=2).contains(&over.len())
                && over.iter().all(|&k| kicker_like(&selected[k].0.text))
            {
                for k in over {
                    selected[k].1 = body::Verdict::Kicker;
                }
            }
        }
        // A title that is no headline ("1", "显示"), on a page with no
        // headline element: the short line opening the body is the title
        // (old portals set it in a table cell); else there is none.
        if h1.is_none() && headline.as_deref().is_some_and(junk_title) {
            headline = None;
            if let Some((b, v)) = selected
                .iter_mut()
                .find(|(_, v)| *v == body::Verdict::Keep)
                .filter(|(b, _)| title_line(&b.text))
            {
                headline = Some(b.text.clone());
                h1 = Some(b.owner);
                *v = body::Verdict::Headline;
            }
        }
        // A portal's mark of a story with pictures leaves the headline, once
        // the body has been read against it (its line there goes as a repeat).
        headline = headline.map(|h| metadata::without_media_mark(&h));
        // No site name stated: the part of the title beside the headline
        // ("Council approves budget – Millbrook Times").
        let site_name = site_name.or_else(|| sources.site_beside(headline.as_deref()?));
        let base = blocks.as_ptr() as usize;
        let index_of = |b: &body::Block| {
            (b as *const body::Block as usize - base) / std::mem::size_of::<body::Block>()
        };
        let kept: Vec<&body::Block> = selected
            .iter()
            .filter(|(_, v)| *v == body::Verdict::Keep)
            .map(|(b, _)| *b)
            .collect();
        let article_like = body::is_article(&selected);
        let mut paragraphs: Vec<String> = if article_like {
            kept.iter().map(|b| b.text.clone()).collect()
        } else {
            Vec::new()
        };
        // A page saved before its script drew the story ("<div id=root>"):
        // the story JSON-LD gives, when it says far more than the page.
        // So too a page that shows only the story's opening (a paywall's
        // teaser), when JSON-LD tells the whole of it: every paragraph
        // shown is in what it says, and it says far more.
        let shown: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
        if let Some(raw) = sources.ld_article_body() {
            let ld = ld_story(raw, rules);
            let said: usize = ld.iter().map(|p| p.chars().count()).sum();
            let teaser = || {
                let whole = metadata::squash(&ld.join(" "));
                paragraphs
                    .iter()
                    .all(|p| whole.contains(&metadata::squash(p)))
            };
            if said >= 200 && said >= 2 * shown && (shown < 200 || teaser()) {
                paragraphs = ld;
            }
        }

        // Texts between the headline and the body: bylines, datelines, sources.
        // (A kicker over the headline opens the body's container: datelines
        // beside it are the story's.)
        let body_start = selected
            .iter()
            .find(|(_, v)| *v == body::Verdict::Kicker)
            .or_else(|| selected.iter().find(|(_, v)| *v == body::Verdict::Keep))
            .map(|(b, _)| b.owner)
            .or(choice.containers.first().copied());
        // The end of the body's first paragraph, the lead: a share bar after
        // it may still carry the byline and the date.
        let lead_end = kept.get(1).map(|b| b.owner);
        // Without a headline element: a block before the body that shows
        // the headline, or the table of particulars holding one.
        let anchor = h1.or_else(|| {
            let shown: Vec<&body::Block> =
                headline_blocks(&blocks, headline.as_deref(), body_start).collect();
            particulars_table(&dom, &shown, body_start).or_else(|| shown.last().map(|b| b.owner))
        });
        let (zone, bare_bylines, photo_credits) = header_zone(
            &dom,
            &cleaned,
            rules,
            &blocks,
            anchor,
            (body_start, lead_end),
            &choice,
        );
        let mut zone_credits = Vec::new();
        for t in &zone {
            match credits::credit_line(t, &rules.credits) {
                Some(c) => zone_credits.extend(c),
                None => zone_credits.extend(credits::credits_in(t, &rules.credits)),
            }
        }
        // A byline written inside the headline element, on a line of its own
        // ("<h1><span>Title</span><br><span>編集委員　中沢克二</span></h1>"):
        // it credits the writer and leaves the headline.
        if let (Some(i), Some(h)) = (h1, headline.as_mut())
            && let Some((cut, found)) = headline_byline(&dom, i, h, &rules.credits)
        {
            h.truncate(h.len() - cut);
            let trimmed = h.trim_end().len();
            h.truncate(trimmed);
            zone_credits.extend(found);
        }
        let mut text_credits = body_credits(
            &dom,
            &choice.containers,
            &selected,
            &rules.credits,
            text_credits,
        );
        // Reporters named at the edges of the text: the start of the first
        // paragraphs, the end of the last ones.
        let n = kept.len();
        for (k, b) in kept.iter().enumerate() {
            let t = b.text.as_str();
            let edge = if k < 2 {
                &t[..parse::floor_char_boundary(t, 90)]
            } else if k + 3 >= n {
                &t[parse::floor_char_boundary(t, t.len().saturating_sub(90))..]
            } else {
                continue;
            };
            text_credits.extend(credits::reporter_mentions(edge));
        }
        for t in &zone {
            text_credits.extend(credits::reporter_mentions(t));
        }
        if let Some(b) = kept.last() {
            let names = credits::closing_names(&b.text);
            // The writers' mark on a line of its own ("【田中裕之】") is a
            // credit line, not the story's.
            if !names.is_empty()
                && b.text.trim_start().starts_with(['【', '（', '('])
                && paragraphs.last() == Some(&b.text)
            {
                paragraphs.pop();
            }
            text_credits.extend(names);
        }
        // A Chinese name alone on the line under the headline (or under a
        // title line at the top of the body) is its writer.
        let h = headline
            .as_deref()
            .map(metadata::squash)
            .unwrap_or_default();
        for w in selected.windows(2).take(4) {
            let above = &w[0].0.text;
            let title_like = metadata::squash(above) == h
                || above.chars().count() <= 40 && !text::ends_sentence(above);
            if title_like
                && w[1].1 == body::Verdict::Keep
                && let Some(c) = credits::lone_name(&w[1].0.text)
            {
                text_credits.push(c);
                break;
            }
        }
        // Names the page links to author pages anywhere: they confirm markup authors.
        let linked: Vec<Credit> = sources
            .author_links
            .iter()
            .filter_map(|(_, t)| credits::person(t, "author"))
            .collect();
        let site_authors = site
            .author()
            .map(|(r, sels)| (r, site::authors(&dom, sels, &rules.credits)))
            .filter(|(_, a)| !a.is_empty());
        let markup_authors = match site_authors {
            Some((r, a)) => {
                applied.author = Some(r.rule);
                a
            }
            None => {
                // Readers' names in comments are marked up as authors too.
                sources
                    .author_elements
                    .retain(|(i, _)| !in_comments(&dom, &cleaned, rules, *i));
                sources.authors(site_name.as_deref())
            }
        };
        let mut credits = merge_credits(markup_authors, zone_credits, text_credits, &linked);
        // Photographers and illustrators the story's captions credit.
        add_uncredited(&mut credits, photo_credits);
        // The editors' line just after the body, in an element of its own
        // ("<div class=zebian>责任编辑：王佳怡</div>"): the first few lines
        // there, up to the first paragraph of prose. (Not an author: a byline
        // there is the next story's.)
        let body_end = choice
            .containers
            .iter()
            .map(|&c| dom.items[c].end as usize)
            .max()
            .unwrap_or(dom.items.len());
        let after: Vec<Credit> = blocks
            .iter()
            .skip_while(|b| b.owner < body_end)
            .take_while(|b| b.weight <= 150)
            .take(4)
            .filter_map(|b| credits::credit_block(&b.text, &rules.credits))
            .flatten()
            .filter(|c| {
                matches!(
                    c.role.as_str(),
                    "editor" | "chief_editor" | "reviewer" | "source" | "producer" | "translator"
                )
            })
            .collect();
        add_uncredited(&mut credits, after);
        // (Contributors, "Jane Doe contributed to this report", are not the
        // byline: they leave it to be found.)
        if !credits
            .iter()
            .any(|c| c.role != "contributor" && AUTHOR_ROLES.contains(&c.role.as_str()))
        {
            // Else a byline's bare name, else the names of author links.
            let bare = !bare_bylines.is_empty();
            let mut found = bare_bylines;
            if !bare {
                found = author_links(&dom, &cleaned, rules, &sources, anchor, body_start);
            }
            // (Not a name already credited, as the house: "source" LinkNaija.)
            add_uncredited(&mut credits, found);
        }

        // The writer's own bio closing the story ("Jane Doe is a reporter
        // based in ...", "Regan lives in Maine with her family").
        if let Some(last) = kept.last().filter(|_| !paragraphs.is_empty())
            && credits
                .iter()
                .filter(|c| AUTHOR_ROLES.contains(&c.role.as_str()))
                .any(|c| credits::is_bio_of(&last.text, &c.name))
        {
            paragraphs.pop();
            if let Some((_, v)) = selected.iter_mut().find(|(b, _)| std::ptr::eq(*b, *last)) {
                *v = body::Verdict::AuthorBio;
            }
        }

        let site_date = site.date().and_then(|(r, sels)| {
            let s = site::date(&dom, sels)?;
            applied.date = Some(r.rule);
            Some(s)
        });
        // Times in other posts' furniture (`of_other_posts`: "<time pubdate>"
        // on each teaser of a related list) are theirs, and so are those in
        // navigation after the headline (a sidebar's; a breadcrumb over the
        // headline may hold the story's own), but for the <footer> of the
        // <article> that holds the headline: the story's own ("Veröffentlicht
        // am <time>").
        let own_footer = |a: usize| {
            dom.tag(a) == "footer"
                && anchor.is_some_and(|h| {
                    dom.ancestors(a)
                        .any(|p| dom.tag(p) == "article" && dom.contains(p, h))
                })
        };
        sources.times.retain(|t| {
            !std::iter::once(t.0).chain(dom.ancestors(t.0)).any(|a| {
                matches!(cleaned.dropped[a], Some(clean::Dropped::Rule(r))
                if match rules.info[r].group.as_deref() {
                    Some("navigation") => a > anchor.unwrap_or(body_end) && !own_footer(a),
                    g => of_other_posts(g),
                })
            })
        });
        // A marked time after the body and outside the element holding both
        // the headline and the body is a teaser's further down the page.
        if let Some(at) = anchor {
            let scope = std::iter::once(at)
                .chain(dom.ancestors(at))
                .find(|&a| choice.containers.iter().all(|&c| dom.contains(a, c)));
            if let Some(scope) = scope {
                for t in sources.times.iter_mut() {
                    if t.0 >= body_end && !dom.contains(scope, t.0) {
                        t.2 = false;
                    }
                }
            }
        }
        // Marked times that disagree are a list's (a teaser's "<time
        // pubdate>" each): the one nearest the headline stays marked.
        let marked: Vec<(usize, date::Stamp)> = sources
            .times
            .iter()
            .enumerate()
            .filter(|(_, t)| t.2)
            .filter_map(|(k, t)| Some((k, date::parse_value(&t.1)?)))
            .collect();
        if let (Some(at), Some(first)) = (anchor.or(body_start), marked.first())
            && marked.iter().any(|m| m.1.date != first.1.date)
        {
            let near = marked
                .iter()
                .min_by_key(|m| sources.times[m.0].0.abs_diff(at))
                .map(|m| m.0);
            for m in &marked {
                sources.times[m.0].2 = Some(m.0) == near;
            }
        }
        // The page's language, else the text's: it says how the page writes
        // an all-numeric date ("Publié le 05/03/2024" is the 5th of March).
        let language = sources.language().or_else(|| guess_language(&paragraphs));
        let order = date::Order::for_language(language.as_deref());
        // The dateline between the headline and the body.
        // (A line that says when the story was updated yields to one that
        // says when it was published: "Last updated ... / Published ...".)
        let dateline = zone
            .iter()
            .find_map(|t| published_part(t).and_then(|p| date::find_in(p, order)))
            .or_else(|| {
                zone.iter()
                    .filter(|t| !update_line(t))
                    .find_map(|t| date::find_in(t, order))
            })
            .or_else(|| zone.iter().find_map(|t| date::find_in(t, order)));
        let timestamp = site_date
            .or_else(|| {
                // A date-only meta ("publishdate" 2022-02-13) made exact by
                // the dateline of the same day ("2022年02月13日07:48").
                sources.published().map(|v| match &dateline {
                    Some(d) if v.time.is_none() && d.date == v.date && d.time.is_some() => {
                        d.clone()
                    }
                    _ => v,
                })
            })
            .or_else(|| {
                // A dateline in the text, made exact by a <time> of the same day.
                let text = dateline.clone();
                let from = anchor.or(body_start).unwrap_or(0);
                let time = sources.time_near(from, body_end);
                match (text, time) {
                    (Some(x), Some(t)) if x.date == t.date => Some(t),
                    (x, t) => x.or(t),
                }
            })
            .or_else(|| {
                // The top of the body: its first short paragraphs, and the
                // date lines removed among them.
                let mut seen = 0;
                selected
                    .iter()
                    .take_while(|(_, v)| {
                        seen += usize::from(*v == body::Verdict::Keep);
                        seen <= 3
                    })
                    .filter(|(b, v)| match v {
                        body::Verdict::Keep => b.weight < 200,
                        body::Verdict::Rule(r) => rules.info[*r].group.as_deref() == Some("byline"),
                        _ => false,
                    })
                    .find_map(|(b, _)| date::find_in(&b.text, order))
            })
            .or_else(|| {
                // The URL's date is sure of the day; a dateline near the
                // headline may add the time, or stand in when the URL has none.
                let url = sources
                    .url(saved_from.as_deref())
                    .or(opts.url.clone())
                    .and_then(|u| date::from_url(&u));
                // Lines of the body a text rule removed as another story's
                // or post's (an embedded post's "shared on" line, a related
                // link, a comment): their dates are theirs. A date line
                // read as a breadcrumb ("Donnerstag, 15.2.2018 > name") is not.
                let furniture: Vec<usize> = selected
                    .iter()
                    .filter_map(|(b, v)| match v {
                        body::Verdict::Rule(r)
                            if of_other_posts(rules.info[*r].group.as_deref()) =>
                        {
                            Some(b.owner)
                        }
                        _ => None,
                    })
                    .collect();
                let lines: Vec<&body::Block> = blocks
                    .iter()
                    .filter(|b| !furniture.contains(&b.owner))
                    .collect();
                let near = nearby_date(
                    &dom,
                    &cleaned,
                    rules,
                    &lines,
                    anchor.or(body_start),
                    body_end,
                    order,
                );
                match (url, near) {
                    (Some(u), Some(n)) if n.date == u.date => Some(n),
                    (u, n) => u.or(n),
                }
            })
            .or_else(|| sources.modified())
            .map(|s| s.iso());

        let tags = sources.tags(&[headline.as_deref(), site_name.as_deref()], || {
            shown_tags(&dom, &cleaned, rules, &selected, &choice, anchor)
        });
        let article = Article {
            source: opts.source.clone(),
            url: page_url,
            headline,
            timestamp,
            credits,
            language,
            site_name,
            description,
            tags,
            encoding: encoding.name().to_ascii_lowercase(),
            paragraphs,
        };
        let verdicts = selected
            .iter()
            .map(|(b, v)| (index_of(b), v.clone()))
            .collect();
        Ok(Analysis {
            dom,
            cleaned,
            blocks,
            choice,
            verdicts,
            article,
            site: applied,
        })
    }
}

/// The story's tag list as the page shows it ("Tags: budget, council",
/// "标签：细胞治疗 浦东"), for pages whose meta data name none: the list
/// the tag rules removed nearest the body, inside the element that holds
/// the headline and the body; one tag per link, else per separated word.
fn shown_tags(
    dom: &parse::Dom,
    cleaned: &clean::Cleaned,
    rules: &Rules,
    selected: &[(&body::Block, body::Verdict)],
    choice: &body::Choice,
    anchor: Option<usize>,
) -> Vec<String> {
    let is_tags = |r: usize| rules.info[r].group.as_deref() == Some("tags");
    // A line of the body a text rule removed.
    if let Some((b, _)) = selected
        .iter()
        .find(|(_, v)| matches!(v, body::Verdict::Rule(r) if is_tags(*r)))
    {
        return tags_of(dom, b.owner, &b.text);
    }
    // Else an element a class rule removed, in the story's element.
    let (Some(&first), Some(&last)) = (
        choice.containers.first(),
        choice.containers.iter().max_by_key(|&&c| dom.items[c].end),
    ) else {
        return Vec::new();
    };
    let from = anchor.unwrap_or(first).min(first);
    let scope = std::iter::once(from)
        .chain(dom.ancestors(from))
        .find(|&a| dom.contains(a, last) && !matches!(dom.tag(a), "body" | "html"));
    let Some(scope) = scope else {
        return Vec::new();
    };
    let end = dom.items[scope].end as usize;
    let mut i = scope;
    while i < end {
        match cleaned.dropped[i] {
            Some(clean::Dropped::Rule(r)) if is_tags(r) => {
                return tags_of(dom, i, &dom.text_of(i));
            }
            Some(_) => i = dom.items[i].end as usize,
            None => i += 1,
        }
    }
    Vec::new()
}

/// The tags of a tag list: its links' texts, else its text after the label
/// cut as a keyword list.
fn tags_of(dom: &parse::Dom, i: usize, text: &str) -> Vec<String> {
    let end = dom.items[i].end as usize;
    let anchors: Vec<usize> = (i..end).filter(|&j| dom.tag(j) == "a").collect();
    if !anchors.is_empty() {
        return tag_links(dom, &anchors);
    }
    // (A line of Latin words with no separator is no list: "Tags: of the
    // advantages cell therapy".)
    let rest = text.split_once([':', '：']).map_or(text, |(_, r)| r).trim();
    if !rest.contains(metadata::KEYWORD_SEPARATORS) && !rest.chars().any(text::is_cjk) {
        return Vec::new();
    }
    metadata::split_keywords(rest)
        .map(|t| t.trim().to_string())
        .collect()
}

/// The tags a tag list's links give: not the list's label, a "Back to
/// blog" link or a related headline; "Senate (289)" is the tag "Senate".
fn tag_links(dom: &parse::Dom, anchors: &[usize]) -> Vec<String> {
    anchors
        .iter()
        .map(|&j| {
            let t = dom.text_of(j);
            match t
                .trim_end()
                .strip_suffix(')')
                .and_then(|r| r.rsplit_once('('))
            {
                Some((tag, n))
                    if !n.is_empty()
                        && n.trim_end_matches(" posts")
                            .chars()
                            .all(|c| c.is_ascii_digit()) =>
                {
                    tag.trim().to_string()
                }
                _ => t,
            }
        })
        .filter(|t| {
            let lower = t.to_lowercase();
            !t.is_empty()
                && t.chars().count() <= 40
                && t.split_whitespace().count() <= 5
                && !lower.contains("back to")
                && !matches!(
                    lower.trim_end_matches(':'),
                    "tags"
                        | "tag"
                        | "topics"
                        | "topic"
                        | "categories"
                        | "category"
                        | "keywords"
                        | "labels"
                )
        })
        .take(30)
        .collect()
}

/// A title that cannot be a headline: no letters, or one or two characters.
fn junk_title(t: &str) -> bool {
    t.chars().count() <= 2 || !t.chars().any(char::is_alphabetic)
}

/// A line that reads as a title: short, with letters, neither a sentence
/// nor a label (credit lines have left the kept blocks already).
fn title_line(t: &str) -> bool {
    let n = t.chars().count();
    (4..=60).contains(&n) && !junk_title(t) && !text::ends_sentence(t) && !t.ends_with([':', '：'])
}

/// A child element of the headline element `h1` that ends the headline
/// `h` and is a credit line by itself: its length in `h`, and its credits.
fn headline_byline(
    dom: &parse::Dom,
    h1: usize,
    h: &str,
    m: &rules::CreditMatcher,
) -> Option<(usize, Vec<Credit>)> {
    let end = (dom.items[h1].end as usize).min(h1 + 40);
    (h1 + 1..end).find_map(|d| {
        dom.element(d)?;
        let t = dom.text_of(d);
        let tail = h.len().checked_sub(t.len())?;
        if t.is_empty() || tail == 0 || !h.ends_with(t.as_str()) || h[..tail].trim().is_empty() {
            return None;
        }
        // On a line of its own: after a <br>, or a block ("Teen shot <span>by
        // Police</span>" is the headline's own words).
        let own_line = matches!(dom.items[d].kind, parse::Kind::Block(_))
            || (h1 + 1..d).any(|x| dom.items[x].kind == parse::Kind::Break);
        if !own_line {
            return None;
        }
        let found = credits::credit_line(&t, m).filter(|c| !c.is_empty())?;
        Some((t.len(), found))
    })
}

/// Does a line open with an update's label ("Last updated", "Aktualisiert
/// am", "Mis à jour le", "更新时间")?
fn update_line(t: &str) -> bool {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(?i)\s*(last updated|last modified|updated|modified|zuletzt aktualisiert|aktualisiert|mis à jour|modifié|actualizado|atualizado|aggiornato|bijgewerkt|zaktualizowano|обновлено|güncellendi|güncelleme|更新时间|更新日期|更新日時|最終更新|更新|수정)")
            .expect("valid regex")
    });
    RE.is_match(t)
}

/// The part of an update's line from its publication label on ("Last
/// updated June 6 Published June 5": "Published June 5").
fn published_part(t: &str) -> Option<&str> {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)\b(published|posted|first published|veröffentlicht|publié|publicado|publicada|pubblicato|gepubliceerd|opublikowano|опубликовано)\b|发布时间|发布日期")
            .expect("valid regex")
    });
    if !update_line(t) {
        return None;
    }
    RE.find(t).map(|m| &t[m.start()..])
}

/// A label's length and shape: a few words, no sentence's end.
fn kicker_like(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    n > 0
        && n <= 40
        && t.split_whitespace().count() <= 5
        && !t.ends_with(['.', '。', '!', '?', '！', '？', ':', '：'])
}

/// The blocks before the body that show the headline, alone or with a
/// label (table layouts, `<div class=title>`); none for a headline under
/// four characters.
fn headline_blocks<'b>(
    blocks: &'b [body::Block],
    headline: Option<&str>,
    body_start: Option<usize>,
) -> impl DoubleEndedIterator<Item = &'b body::Block> {
    let h = headline
        .map(metadata::squash)
        .filter(|h| h.chars().count() >= 4);
    let end = body_start.filter(|_| h.is_some()).unwrap_or(0);
    blocks.iter().filter(move |b| {
        b.owner < end
            && h.as_deref().is_some_and(|h| {
                let t = metadata::squash(&b.text);
                t == h || (t.contains(h) && t.len() <= h.len() * 3 / 2 + 8)
            })
    })
}

/// A small table before the body that gives the headline among the
/// document's particulars (a government notice's "索引号 / 发文机关 /
/// 成文日期 / 标题 / 发布日期"): it heads the story, whatever repeats the
/// headline after it.
fn particulars_table(
    dom: &parse::Dom,
    shown: &[&body::Block],
    body_start: Option<usize>,
) -> Option<usize> {
    let end = body_start?;
    shown
        .iter()
        .filter_map(|b| table_above(dom, b.owner, end))
        .rfind(|&t| dom.text_of(t).chars().count() <= 1000)
}

/// JSON-LD's `articleBody` as paragraphs: its lines, or, when it is marked
/// up ("<p>One.</p><p>Two.</p>"), the blocks the page's own pipeline cuts
/// from it (parsed and cleaned by the same rules), without repeats.
fn ld_story(raw: &str, rules: &Rules) -> Vec<String> {
    let texts: Vec<String> = if raw.contains('<') {
        let dom = parse::Dom::parse(raw);
        let cleaned = clean::clean(&dom, rules);
        body::blocks(&dom, &cleaned)
            .into_iter()
            .map(|b| b.text)
            .collect()
    } else {
        raw.lines().map(text::normalize).collect()
    };
    let mut out: Vec<String> = Vec::new();
    for t in texts {
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// The table that holds element `i`, a few levels up, when it ends before
/// `end` (the body's start).
fn table_above(dom: &parse::Dom, i: usize, end: usize) -> Option<usize> {
    std::iter::once(i)
        .chain(dom.ancestors(i))
        .take(4)
        .find(|&j| dom.tag(j) == "table")
        .filter(|&t| !dom.contains(t, end))
}

/// Texts that sit between the headline and the body, where bylines and
/// datelines are: visible blocks, and elements the byline rules removed;
/// and the authors of bylines there that give a bare name.
fn header_zone(
    dom: &parse::Dom,
    cleaned: &clean::Cleaned,
    rules: &Rules,
    blocks: &[body::Block],
    h1: Option<usize>,
    (body_start, lead_end): (Option<usize>, Option<usize>),
    choice: &body::Choice,
) -> (Vec<String>, Vec<Credit>, Vec<Credit>) {
    let Some(end) = body_start else {
        return (Vec::new(), Vec::new(), Vec::new());
    };
    let mut photo = Vec::new();
    let mut bare = Vec::new();
    let start = h1.filter(|&h| h < end).unwrap_or_else(|| {
        // Without a headline element: the start of the first container.
        choice.containers.first().copied().unwrap_or(end).min(end)
    });
    let mut out = Vec::new();
    // Elements removed as bylines, in the zone, in the body, or in the few
    // elements that follow the body ("责任编辑：X" under the text).
    let last = choice
        .containers
        .iter()
        .copied()
        .max_by_key(|&c| dom.items[c].end);
    let mut body_end = last.map_or(end, |c| dom.items[c].end as usize);
    if let Some(c) = last {
        let parent_end = match dom.items[c].parent {
            parse::NO_PARENT => body_end,
            p => dom.items[p as usize].end as usize,
        };
        let mut j = body_end;
        let mut siblings = 0;
        while j < parent_end && siblings < 5 {
            j = dom.items[j].end as usize;
            siblings += 1;
        }
        body_end = j.max(body_end);
    }
    let mut i = start;
    let mut after_lead = Vec::new();
    while i < body_end.min(dom.items.len()) {
        if let Some(clean::Dropped::Rule(r)) = cleaned.dropped[i] {
            // Bylines; and, between the headline and the body, elements other
            // rules removed ("credit" captions, "ShareByline" bars) that are
            // whole credit lines; and a share bar right after the lead, where
            // some pages write the date and the byline.
            let group = rules.info[r].group.as_deref();
            let in_lead = i > end && lead_end.is_some_and(|l| i < l) && group == Some("share");
            if group == Some("captions") {
                // "A fallen tree blocks the road. (Photo: Dan Reyes/Herald)"
                // (A "credit" element may be the byline too: read on.)
                let t = dom.text_of(i);
                photo.extend(
                    credits::credits_in(&t, &rules.credits)
                        .into_iter()
                        .filter(|c| matches!(c.role.as_str(), "photographer" | "illustrator")),
                );
            }
            if in_lead {
                // (Line by line: the bar's buttons are no part of a name.)
                after_lead.extend(dom.lines_of(i).into_iter().filter(|t| {
                    t.chars().count() <= 120
                        && (credits::credit_line(t, &rules.credits).is_some()
                            || date::find(t).is_some())
                }));
            } else if group == Some("byline") || i < end {
                let t = dom.text_of(i);
                // (A dated line counts too: an article's <footer> over the
                // text, which the navigation rule removes, "Veröffentlicht
                // am 3. Januar 2019".)
                let credit_like = group == Some("byline")
                    || credits::credit_line(&t, &rules.credits).is_some()
                    || t.chars().count() <= 120 && date::find(&t).is_some();
                if !t.is_empty() && t.chars().count() <= 200 && credit_like {
                    // A byline of a bare name before the body ("<div
                    // class=byline><a>Jenny Smith</a></div>") credits it.
                    if i < end && names_a_byline(dom, i) && !aside(dom, i) {
                        match bare_name(&t, &rules.credits) {
                            Some(c) => bare.push(c),
                            // A byline block that holds the date and the
                            // writer's title beside the name: the names
                            // its own name elements give ("<span
                            // class=ContributorName>Jane Doe</span>").
                            None => bare.extend(named_inside(dom, i, &rules.credits)),
                        }
                    }
                    // A Japanese paper's writer in brackets closing the
                    // story, in its own element ("<p class=writer>（山田太郎）").
                    if names_a_byline(dom, i)
                        && let Some(c) = bracketed_name(&t)
                    {
                        bare.push(c);
                    }
                    out.push(t);
                }
            }
            i = dom.items[i].end as usize;
            continue;
        }
        i += 1;
    }
    out.extend(
        blocks
            .iter()
            .filter(|b| b.owner > start && b.owner < end)
            .take(12)
            .map(|b| b.text.clone()),
    );
    out.extend(after_lead);
    if h1.is_none() {
        // No headline element to start from: the few short lines just
        // before the body, where table layouts put "时间：… 作者：…".
        let before: Vec<&body::Block> = blocks
            .iter()
            .filter(|b| b.owner < end && !dom.contains(b.owner, end))
            .collect();
        out.extend(
            before
                .iter()
                .rev()
                .take(3)
                .filter(|b| b.text.chars().count() <= 120 && b.link_density() < 0.5)
                .map(|b| b.text.clone()),
        );
    }
    (out, bare, photo)
}

/// Does element `i`'s class, id or component name say byline or author
/// (or "submitted by", Drupal's)?
fn names_a_byline(dom: &parse::Dom, i: usize) -> bool {
    dom.element(i).is_some_and(|e| {
        let v = e.value();
        [
            v.attr("class"),
            v.attr("id"),
            v.attr("data-component"),
            v.attr("data-testid"),
        ]
        .into_iter()
        .flatten()
        .any(|c| {
            let c = c.to_ascii_lowercase();
            c.contains("byline")
                || c.contains("author")
                || c.contains("writer")
                || c.contains("contributor")
                || c.contains("submitted")
        })
    })
}

/// The bare names of the elements inside byline block `i` whose class or
/// id says byline, author or contributor, outermost first, each once.
fn named_inside(dom: &parse::Dom, i: usize, m: &rules::CreditMatcher) -> Vec<Credit> {
    let mut out: Vec<Credit> = Vec::new();
    let mut j = i + 1;
    let end = dom.items[i].end as usize;
    while j < end {
        if names_a_byline(dom, j)
            && let Some(c) = bare_name(&dom.text_of(j), m)
        {
            if !out.iter().any(|o| o.name == c.name) {
                out.push(c);
            }
            j = dom.items[j].end as usize;
            continue;
        }
        j += 1;
    }
    out
}

/// The name a byline gives with no "By" or label: its first part (up to a
/// separator or a date) when that is two to four words of letters, the
/// first and last capitalised, no newsroom's ("Tom Davies Associated
/// Press"), and the line credits nobody else.
fn bare_name(t: &str, m: &rules::CreditMatcher) -> Option<Credit> {
    if credits::credit_line(t, m).is_some_and(|c| !c.is_empty())
        || !credits::credits_in(t, m).is_empty()
    {
        return None;
    }
    let name = credits::clean_name(t);
    let words: Vec<&str> = name.split_whitespace().collect();
    // ("Jan de Vries": particles aside.)
    let capital =
        |w: Option<&&str>| w.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let capitalised = capital(words.first()) && capital(words.last());
    ((2..=4).contains(&words.len())
        && capitalised
        && name
            .chars()
            .all(|c| c.is_alphabetic() || " .-'’".contains(c))
        && !credits::is_organisation(&name))
    .then(|| credits::person(&name, "author"))
    .flatten()
}

/// A name of two to five Han or kana characters in brackets and nothing
/// else: "（山田太郎）", "(佐藤)".
fn bracketed_name(t: &str) -> Option<Credit> {
    let inner = t
        .trim()
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?
        .trim_matches([' ', '\u{3000}']);
    let n = inner.chars().count();
    ((2..=5).contains(&n) && inner.chars().all(text::is_cjk))
        .then(|| credits::person(inner, "author"))
        .flatten()
}

/// Rule groups whose blocks are other stories' and posts' furniture (a
/// related link, a comment, an embedded post's share line, a caption, an
/// ad): their dates are theirs, not the story's.
fn of_other_posts(group: Option<&str>) -> bool {
    matches!(
        group,
        Some("share" | "related" | "comments" | "captions" | "ads")
    )
}

/// A date in a short line near the headline, for pages whose datelines are
/// not where `header_zone` looks: the first one from the headline to the end
/// of the body, else the nearest one before the headline. Links, long
/// paragraphs and copyright lines are not datelines; `blocks` are the page's
/// less those removed as another story's or post's.
fn nearby_date(
    dom: &parse::Dom,
    cleaned: &clean::Cleaned,
    rules: &Rules,
    blocks: &[&body::Block],
    from: Option<usize>,
    to: usize,
    order: date::Order,
) -> Option<date::Stamp> {
    let from = from?;
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < dom.items.len() {
        if let Some(clean::Dropped::Rule(r)) = cleaned.dropped[i] {
            if rules.info[r].group.as_deref() == Some("byline") {
                // A long one ("Dieser Artikel wurde am 14. Dezember 2015 um
                // 14:48 von Heiner geschrieben und unter ... abgelegt")
                // gives its date first.
                let t = dom.text_of(i);
                lines.push((i, t.chars().take(200).collect()));
            }
            i = dom.items[i].end as usize;
            continue;
        }
        i += 1;
    }
    lines.extend(
        blocks
            .iter()
            .filter(|b| b.text.chars().count() <= 200 && b.link_density() < 0.5)
            .map(|b| (b.owner, b.text.clone())),
    );
    lines.sort_by_key(|l| l.0);
    let dated = |t: &str| {
        let lower = t.to_lowercase();
        if lower.contains('©') || lower.contains("copyright") || t.contains("版权") {
            return None;
        }
        date::find_in(t, order)
    };
    lines
        .iter()
        .filter(|l| l.0 >= from && l.0 < to)
        .find_map(|l| dated(&l.1))
        .or_else(|| {
            lines
                .iter()
                .filter(|l| l.0 < from)
                .rev()
                .take(15)
                .find_map(|l| dated(&l.1))
        })
}

/// Adds the credits of `more` whose names `credits` does not hold yet.
fn add_uncredited(credits: &mut Vec<Credit>, more: Vec<Credit>) {
    for c in more {
        if !credits.iter().any(|o| o.name.eq_ignore_ascii_case(&c.name)) {
            credits.push(c);
        }
    }
}

/// Roles that name the writers of the piece.
const AUTHOR_ROLES: &[&str] = &[
    "author",
    "reporter",
    "writer",
    "correspondent",
    "columnist",
    "contributor",
];

/// Credit lines of the body that belong to the piece: not a teaser's byline
/// under a link headline, and not in the middle of the text.
fn body_credits(
    dom: &parse::Dom,
    containers: &[usize],
    selected: &[(&body::Block, body::Verdict)],
    m: &rules::CreditMatcher,
    found: Vec<Credit>,
) -> Vec<Credit> {
    // Which of the body's containers holds a block.
    let box_of = |b: &body::Block| containers.iter().position(|&c| dom.contains(c, b.owner));
    use body::Verdict;
    let kept: Vec<usize> = (0..selected.len())
        .filter(|&k| selected[k].1 == Verdict::Keep)
        .collect();
    let (Some(&first), Some(&last)) = (kept.first(), kept.last()) else {
        return found;
    };
    let mut out = Vec::new();
    for k in 0..selected.len() {
        if selected[k].1 != Verdict::Credit {
            continue;
        }
        let teaser = k > 0 && selected[k - 1].1 == Verdict::LinkHeavy;
        // In the middle of the text: prose before it and right after it, in
        // the same container (a notice joined after the story is not its text).
        let own = box_of(selected[k].0);
        let inside = kept.iter().filter(|&&j| j < k).count() >= 3
            && selected[k + 1..]
                .iter()
                .take(2)
                .any(|(b, v)| *v == Verdict::Keep && b.weight >= 80 && box_of(b) == own);
        if teaser || k > last + 8 && k > first {
            continue;
        }
        // In the middle, a byline may be a quoted story's and a source a
        // chart's ("Source: Box Office Mojo"); editors, translators and
        // contributors are the piece's.
        let found = credits::credit_block(&selected[k].0.text, m).unwrap_or_default();
        out.extend(found.into_iter().filter(|c| {
            !inside
                || !matches!(
                    c.role.as_str(),
                    "author" | "reporter" | "source" | "publisher"
                )
        }));
    }
    out
}

/// Authors from links to author pages and author-name elements: the first
/// group of them after the headline (a list of authors in a sidebar is
/// further away, after the byline); never a comment's author.
fn author_links(
    dom: &parse::Dom,
    cleaned: &clean::Cleaned,
    rules: &Rules,
    sources: &metadata::Sources,
    anchor: Option<usize>,
    body_start: Option<usize>,
) -> Vec<Credit> {
    let from = anchor.unwrap_or(0);
    let Some(to) = body_start.map(|b| b.max(from)) else {
        return Vec::new();
    };
    // Near the headline: before the body, or just inside it.
    let limit = to + 400;
    let mut out: Vec<Credit> = Vec::new();
    let mut last: Option<usize> = None;
    for (i, t) in &sources.author_links {
        if *i < from || *i > limit || in_comments(dom, cleaned, rules, *i) || aside(dom, *i) {
            continue;
        }
        // One group: links within a few elements of each other.
        if let Some(l) = last
            && *i > dom.items[l].end as usize + 12
        {
            break;
        }
        for c in author_element(t, rules) {
            if !out.iter().any(|o| o.name.eq_ignore_ascii_case(&c.name)) {
                out.push(c);
                last = Some(*i);
            }
        }
    }
    // Else a columnist's name over the headline, in the same header
    // (picture and name, then the title).
    if out.is_empty()
        && let Some(h) = anchor
        && let Some((_, t)) = sources.author_links.iter().rfind(|(i, _)| {
            *i < h
                && *i + 40 >= h
                && !in_comments(dom, cleaned, rules, *i)
                && dom.ancestors(h).take(3).any(|a| dom.contains(a, *i))
        })
    {
        out.extend(author_element(t, rules));
    }
    out
}

/// The credits of an author element's text: a whole byline ("Von Markus
/// Balser und Klaus Ott", "Autor/in: Korinna Hennig"), else one name.
fn author_element(t: &str, rules: &Rules) -> Vec<Credit> {
    credits::credit_line(t, &rules.credits)
        .filter(|cs| !cs.is_empty())
        .or_else(|| {
            let people: Vec<Credit> = credits::split_people(t)
                .iter()
                .filter_map(|p| credits::person(p, "author"))
                .collect();
            (!people.is_empty()).then_some(people)
        })
        .unwrap_or_default()
}

/// Is item `i` inside an element the comment rules removed?
fn in_comments(dom: &parse::Dom, cleaned: &clean::Cleaned, rules: &Rules, i: usize) -> bool {
    std::iter::once(i).chain(dom.ancestors(i)).any(|a| {
        matches!(cleaned.dropped[a], Some(clean::Dropped::Rule(r))
            if rules.info[r].group.as_deref() == Some("comments"))
    })
}

/// Is element `i` in what stands beside the story: a figure, a quote, an
/// aside (a picture's "author", a quote's, a box of other stories')?
fn aside(dom: &parse::Dom, i: usize) -> bool {
    std::iter::once(i).chain(dom.ancestors(i)).any(|a| {
        matches!(
            dom.tag(a),
            "figure" | "figcaption" | "blockquote" | "aside" | "q"
        ) || dom
            .element(a)
            .and_then(|e| e.value().attr("class"))
            .is_some_and(|c| {
                c.split_ascii_whitespace().any(|t| {
                    let t = t.to_ascii_lowercase();
                    t == "quote" || t.starts_with("quote-") || t.starts_with("pullquote")
                })
            })
    })
}

/// Credits from markup, from the header zone and from the body, without repeats:
/// a name credited in the text keeps the text's role.
fn merge_credits(
    markup: Vec<Credit>,
    zone: Vec<Credit>,
    body: Vec<Credit>,
    linked: &[Credit],
) -> Vec<Credit> {
    let mut out: Vec<Credit> = Vec::new();
    let same = |a: &Credit, b: &Credit| a.name.to_lowercase() == b.name.to_lowercase();
    // A text credit that is a markup name with more glued on ("Jane Doe
    // Staff", "Jane Doe Reuters") is that name.
    let textual: Vec<Credit> = zone
        .into_iter()
        .chain(body)
        .map(|mut t| {
            let lower = t.name.to_lowercase();
            if let Some(m) = markup.iter().find(|m| {
                let ml = m.name.to_lowercase();
                ml.chars().count() >= 4 && lower.len() > ml.len() && lower.starts_with(&ml)
            }) {
                t.name = m.name.clone();
            }
            t
        })
        .collect();
    // When the visible byline names an author the markup names too, markup
    // authors the byline leaves out (models, stylists) are not authors.
    // Links to author pages confirm names the same way.
    let visible = |m: &Credit| {
        textual
            .iter()
            .chain(linked)
            .any(|t| same(t, m) && AUTHOR_ROLES.contains(&t.role.as_str()))
    };
    let agreed = markup
        .iter()
        .any(|m| AUTHOR_ROLES.contains(&m.role.as_str()) && visible(m));
    // A markup name that is several the text credits one by one ("Fatima
    // Hussein, The Associated Press") says nothing more.
    let covered = |m: &Credit| {
        let parts: Vec<&str> = m
            .name
            .split([',', '&', ';'])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        parts.len() >= 2
            && parts.iter().all(|p| {
                textual
                    .iter()
                    .any(|t| t.name.to_lowercase() == p.to_lowercase())
            })
    };
    for m in markup {
        if agreed && AUTHOR_ROLES.contains(&m.role.as_str()) && !visible(&m) || covered(&m) {
            continue;
        }
        if !textual.iter().any(|t| same(t, &m)) {
            out.push(m);
        }
    }
    for t in textual {
        if !out.iter().any(|o| same(o, &t) && o.role == t.role) {
            out.push(t);
        }
    }
    out
}

/// Language from the script of the text, for pages that do not declare one.
fn guess_language(paragraphs: &[String]) -> Option<String> {
    let (mut han, mut kana, mut hangul, mut other) = (0usize, 0usize, 0usize, 0usize);
    for c in paragraphs.iter().take(20).flat_map(|p| p.chars()) {
        match c as u32 {
            0x3040..=0x30FF => kana += 1,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => han += 1,
            0xAC00..=0xD7AF => hangul += 1,
            // (Letters of any other script count too: an Arabic, Hebrew or
            // Thai page without a lang is for the detector below.)
            _ if c.is_alphabetic() => other += 1,
            _ => {}
        }
    }
    let total = han + kana + hangul + other;
    if total < 20 {
        return None;
    }
    if kana * 20 > total {
        Some("ja".into())
    } else if hangul * 5 > total {
        Some("ko".into())
    } else if han * 3 > total {
        Some("zh".into())
    } else {
        // Other scripts: the whatlang detector, when it is sure.
        let mut sample = String::new();
        for p in paragraphs.iter().take(20) {
            sample.push_str(p);
            sample.push('\n');
            if sample.len() > 4000 {
                break;
            }
        }
        let info = whatlang::detect(&sample).filter(|i| i.is_reliable())?;
        Some(iso639_1(info.lang().code()).to_string())
    }
}

/// Two-letter codes for the languages whatlang names by three letters; the
/// three-letter code (valid in BCP 47 too) for the rest.
fn iso639_1(code: &str) -> &str {
    match code {
        "eng" => "en",
        "deu" => "de",
        "fra" => "fr",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "rus" => "ru",
        "ukr" => "uk",
        "pol" => "pl",
        "ces" => "cs",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "nb",
        "fin" => "fi",
        "tur" => "tr",
        "ara" => "ar",
        "heb" => "he",
        "hin" => "hi",
        "ell" => "el",
        "hun" => "hu",
        "ron" => "ro",
        "vie" => "vi",
        "ind" => "id",
        "tha" => "th",
        "pes" => "fa",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        other => other,
    }
}

fn default_extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::new(Rules::builtin()))
}

/// Extracts an article with the built-in rules.
pub fn extract(bytes: &[u8], opts: &Options) -> Result<Article, Error> {
    default_extractor().extract(bytes, opts)
}
