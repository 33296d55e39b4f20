//! Site rules: rule sets scoped to hosts. A site rule names the body
//! container, the headline, date and author elements, adds elements and
//! texts to drop, and switches off general rules that misfire on the site.
//!
//! They come from `[[site]]` tables in copydesk rules files and from
//! FiveFilters site config files (see [`crate::ftr`]). They are compiled once
//! per run and found by host in constant time: a `HashMap` keyed by host,
//! probed with the page's host and each of its parent domains.
//!
//! Precedence: a site rule wins over users' general rules, which win over the
//! built-in rules. Among site rules for one page, the most specific host wins
//! (`news.example.com` over `example.com`), and for the same host the rule
//! loaded last wins; `drop`, `drop_text` and `disable` of all matching site
//! rules add up.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use regex::RegexSet;
use scraper::Selector;
use serde::Deserialize;
use toml::Spanned;

use crate::clean::{Cleaned, Dropped};
use crate::error::RulesError;
use crate::parse::Dom;
use crate::rules::Rules;

/// One `[[site]]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteDef {
    /// Shown by `explain`; defaults to "site:" and the first host.
    #[serde(default)]
    pub name: Option<Spanned<String>>,
    /// Hosts the rule applies to, each with its subdomains.
    pub hosts: Spanned<Vec<Spanned<String>>>,
    /// CSS selector of the body container(s): overrides the scoring.
    #[serde(default)]
    pub body: Option<Spanned<String>>,
    /// CSS selector of the headline element.
    #[serde(default)]
    pub headline: Option<Spanned<String>>,
    /// CSS selector of the element holding the publication date (its text,
    /// or its `datetime`/`content` attribute).
    #[serde(default)]
    pub date: Option<Spanned<String>>,
    /// CSS selector of the author element(s).
    #[serde(default)]
    pub author: Option<Spanned<String>>,
    /// CSS selectors of elements to remove.
    #[serde(default)]
    pub drop: Vec<Spanned<String>>,
    /// Regexes searched in each block of the body: a match removes the block.
    #[serde(default)]
    pub drop_text: Vec<Spanned<String>>,
    /// Names of general rules (built-in or user) to switch off on this site.
    #[serde(default)]
    pub disable: Vec<Spanned<String>>,
}

/// A value with the line it was written on.
#[derive(Debug, Clone)]
pub struct Lined {
    pub value: String,
    pub line: usize,
}

/// A site rule from either format, before compiling.
#[derive(Debug, Clone, Default)]
pub struct SiteSpec {
    pub name: String,
    pub file: String,
    pub line: usize,
    /// (host, also its subdomains?)
    pub hosts: Vec<(String, bool)>,
    /// Each field holds alternatives tried in order: the first that matches
    /// an element is used (FiveFilters files may give several).
    pub body: Vec<Lined>,
    pub headline: Vec<Lined>,
    pub date: Vec<Lined>,
    pub author: Vec<Lined>,
    pub drop: Vec<Lined>,
    pub drop_text: Vec<Lined>,
    pub disable: Vec<Lined>,
}

impl SiteSpec {
    /// From a `[[site]]` table; `text` is the file's text, for line numbers.
    pub fn from_def(def: &SiteDef, file: &str, lines: &Lines) -> Result<Self, RulesError> {
        let line = |s: &std::ops::Range<usize>| lines.line_of(s.start);
        let lined = |s: &Spanned<String>| Lined {
            value: s.get_ref().clone(),
            line: line(&s.span()),
        };
        let err = |l: usize, message: String| RulesError {
            file: file.to_string(),
            line: l,
            message,
        };
        let mut hosts = Vec::new();
        for h in def.hosts.get_ref() {
            let host = normalize_host(h.get_ref()).ok_or_else(|| {
                err(
                    line(&h.span()),
                    format!("not a host name: {:?}", h.get_ref()),
                )
            })?;
            hosts.push((host, true));
        }
        if hosts.is_empty() {
            return Err(err(
                line(&def.hosts.span()),
                "hosts: give at least one host, such as \"example.com\"".into(),
            ));
        }
        let name = def
            .name
            .as_ref()
            .map(|n| n.get_ref().clone())
            .unwrap_or_else(|| format!("site:{}", hosts[0].0));
        Ok(SiteSpec {
            name,
            file: file.to_string(),
            line: line(&def.hosts.span()),
            hosts,
            body: def.body.iter().map(lined).collect(),
            headline: def.headline.iter().map(lined).collect(),
            date: def.date.iter().map(lined).collect(),
            author: def.author.iter().map(lined).collect(),
            drop: def.drop.iter().map(lined).collect(),
            drop_text: def.drop_text.iter().map(lined).collect(),
            disable: def.disable.iter().map(lined).collect(),
        })
    }
}

/// Where the lines of a text start, to turn byte offsets into line numbers
/// without rescanning the text (a file of 1,000 site rules has thousands of
/// values to locate).
pub struct Lines(Vec<usize>);

impl Lines {
    pub fn new(text: &str) -> Self {
        Lines(memchr::memchr_iter(b'\n', text.as_bytes()).collect())
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&nl| nl < offset) + 1
    }
}

/// A host name in canonical form: lowercase, no port, no trailing dot, no
/// leading "www.". `None` when it is not a plausible host name.
pub fn normalize_host(h: &str) -> Option<String> {
    let h = h.trim().trim_end_matches('.').to_ascii_lowercase();
    let h = h.strip_prefix("www.").unwrap_or(&h).to_string();
    let ok = !h.is_empty()
        && h.len() <= 253
        && !h.starts_with('.')
        && !h.contains("..")
        && h.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'));
    ok.then_some(h)
}

/// The host of an absolute http(s) URL, normalised as [`normalize_host`].
pub fn host_of(url: &str) -> Option<String> {
    let u = url.trim();
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .or_else(|| u.strip_prefix("//"))
        .or_else(|| {
            let l = u.get(..8)?.to_ascii_lowercase();
            if l.starts_with("https://") {
                u.get(8..)
            } else if l.starts_with("http://") {
                u.get(7..)
            } else {
                None
            }
        })?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = host_port.split(':').next().unwrap_or("");
    normalize_host(host)
}

/// A compiled site rule.
pub struct SiteRule {
    pub name: String,
    pub file: String,
    /// Index of this rule in `Rules::info` (what `explain` names).
    pub rule: usize,
    pub hosts: Vec<String>,
    pub body: Vec<Selector>,
    pub headline: Vec<Selector>,
    pub date: Vec<Selector>,
    pub author: Vec<Selector>,
    pub drop: Vec<Selector>,
    pub drop_text: Option<RegexSet>,
    pub disable: Vec<String>,
}

/// All site rules of a run, by host.
#[derive(Default)]
pub struct SiteIndex {
    pub rules: Vec<SiteRule>,
    /// Host -> (rule index, applies to subdomains too), in load order.
    by_host: HashMap<String, Vec<(u32, bool)>>,
    /// General rules recompiled without the rules some sites disable, keyed
    /// by the sorted names disabled. Built on first use, once per run.
    variants: Mutex<HashMap<Vec<String>, Arc<Rules>>>,
}

/// The site rules that apply to one page, most specific first.
#[derive(Default, Clone, Copy)]
pub struct Site<'a> {
    rules: [Option<&'a SiteRule>; 8],
}

impl<'a> Site<'a> {
    pub fn is_empty(&self) -> bool {
        self.rules[0].is_none()
    }

    /// The rules that apply, most specific (and latest loaded) first.
    pub fn iter(&self) -> impl Iterator<Item = &'a SiteRule> + '_ {
        self.rules.iter().map_while(|r| *r)
    }

    /// The first rule that sets a field, and the field.
    fn pick(
        &self,
        f: impl Fn(&'a SiteRule) -> &'a [Selector],
    ) -> Option<(&'a SiteRule, &'a [Selector])> {
        self.iter().map(|r| (r, f(r))).find(|(_, s)| !s.is_empty())
    }

    pub fn body(&self) -> Option<(&'a SiteRule, &'a [Selector])> {
        self.pick(|r| &r.body)
    }
    pub fn headline(&self) -> Option<(&'a SiteRule, &'a [Selector])> {
        self.pick(|r| &r.headline)
    }
    pub fn date(&self) -> Option<(&'a SiteRule, &'a [Selector])> {
        self.pick(|r| &r.date)
    }
    pub fn author(&self) -> Option<(&'a SiteRule, &'a [Selector])> {
        self.pick(|r| &r.author)
    }

    /// The general rules switched off on this page, sorted.
    pub fn disabled(&self) -> Vec<String> {
        let mut v: Vec<String> = self.iter().flat_map(|r| r.disable.clone()).collect();
        v.sort();
        v.dedup();
        v
    }

    /// The site rule dropping a block of body text, if any.
    pub fn drop_text(&self, text: &str) -> Option<usize> {
        self.iter()
            .find(|r| r.drop_text.as_ref().is_some_and(|s| s.is_match(text)))
            .map(|r| r.rule)
    }
}

impl SiteIndex {
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Compiles site rules; `first_rule` is the index in `Rules::info` of the
    /// first one (site rules are numbered after the general rules).
    pub fn compile(
        specs: &[SiteSpec],
        first_rule: usize,
        known_rules: &HashSet<&str>,
    ) -> Result<Self, RulesError> {
        let mut idx = SiteIndex::default();
        for (k, s) in specs.iter().enumerate() {
            let err = |line: usize, message: String| RulesError {
                file: s.file.clone(),
                line,
                message: crate::rules::one_line(&message),
            };
            let sels = |v: &[Lined]| -> Result<Vec<Selector>, RulesError> {
                v.iter()
                    .map(|l| {
                        Selector::parse(&l.value).map_err(|e| {
                            err(l.line, format!("invalid selector {:?}: {e}", l.value))
                        })
                    })
                    .collect()
            };
            for d in &s.disable {
                if !known_rules.contains(d.value.as_str()) {
                    return Err(err(
                        d.line,
                        format!("disable: no general rule is named {:?}", d.value),
                    ));
                }
            }
            // Each regex is compiled once, in the set; when the set fails,
            // the patterns are tried one by one to name the line at fault.
            let drop_text = if s.drop_text.is_empty() {
                None
            } else {
                Some(
                    RegexSet::new(s.drop_text.iter().map(|l| &l.value)).map_err(|e| {
                        s.drop_text
                            .iter()
                            .find_map(|l| {
                                regex::Regex::new(&l.value).err().map(|e| {
                                    err(l.line, format!("invalid regex {:?}: {e}", l.value))
                                })
                            })
                            .unwrap_or_else(|| {
                                err(s.drop_text[0].line, format!("invalid regex: {e}"))
                            })
                    })?,
                )
            };
            let rule = SiteRule {
                name: s.name.clone(),
                file: s.file.clone(),
                rule: first_rule + k,
                hosts: s.hosts.iter().map(|h| h.0.clone()).collect(),
                body: sels(&s.body)?,
                headline: sels(&s.headline)?,
                date: sels(&s.date)?,
                author: sels(&s.author)?,
                drop: sels(&s.drop)?,
                drop_text,
                disable: s.disable.iter().map(|d| d.value.clone()).collect(),
            };
            let at = idx.rules.len() as u32;
            for (h, subs) in &s.hosts {
                idx.by_host.entry(h.clone()).or_default().push((at, *subs));
            }
            idx.rules.push(rule);
        }
        Ok(idx)
    }

    /// The site rules for a page at `url`: a few hash lookups, one for the
    /// host and one for each parent domain, whatever the number of rules.
    pub fn lookup(&self, url: Option<&str>) -> Site<'_> {
        let mut site = Site::default();
        if self.rules.is_empty() {
            return site;
        }
        let Some(host) = url.and_then(host_of) else {
            return site;
        };
        let mut n = 0;
        let mut h = host.as_str();
        let mut exact = true;
        loop {
            if let Some(v) = self.by_host.get(h) {
                for &(i, subs) in v.iter().rev() {
                    if (exact || subs) && n < site.rules.len() {
                        site.rules[n] = Some(&self.rules[i as usize]);
                        n += 1;
                    }
                }
            }
            match h.find('.') {
                Some(dot) if h[dot + 1..].contains('.') => {
                    h = &h[dot + 1..];
                    exact = false;
                }
                _ => break,
            }
        }
        site
    }

    /// The general rules without those named, compiled on first use.
    pub fn variant(&self, base: &Rules, disabled: Vec<String>) -> Option<Arc<Rules>> {
        let mut cache = self.variants.lock().ok()?;
        if let Some(r) = cache.get(&disabled) {
            return Some(r.clone());
        }
        let r = Arc::new(base.without(&disabled)?);
        cache.insert(disabled, r.clone());
        Some(r)
    }
}

/// Elements of the page matched by any of `sels`, in document order, each
/// only once and none inside another (the outermost match is taken).
pub fn find_all(dom: &Dom, sels: &[Selector]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = dom.items.len();
    while i < n {
        if let Some(el) = dom.element(i)
            && sels.iter().any(|s| s.matches(&el))
        {
            out.push(i);
            i = dom.items[i].end as usize;
            continue;
        }
        i += 1;
    }
    out
}

/// The matches of the first of `sels` that matches something.
pub fn find_first_alternative(dom: &Dom, sels: &[Selector]) -> Vec<usize> {
    sels.iter()
        .map(|s| find_all(dom, std::slice::from_ref(s)))
        .find(|v| !v.is_empty())
        .unwrap_or_default()
}

/// Applies a page's site rules to the cleaning: removes what their `drop`
/// selectors match, and makes sure the named body container is visible.
/// Returns the forced body containers (empty when no site rule names one, or
/// when its selector matches nothing on this page).
pub fn apply(dom: &Dom, cleaned: &mut Cleaned, rules: &Rules, site: &Site<'_>) -> Vec<usize> {
    if site.is_empty() {
        return Vec::new();
    }
    // Drops.
    for r in site.iter() {
        if r.drop.is_empty() {
            continue;
        }
        for i in find_all(dom, &r.drop) {
            if cleaned.dropped[i].is_none() {
                cleaned.dropped[i] = Some(Dropped::Rule(r.rule));
            }
        }
    }
    // The body container: named by the site, so kept whatever the general
    // rules said of it or of its ancestors.
    let Some((_, sels)) = site.body() else {
        return Vec::new();
    };
    let body = find_first_alternative(dom, sels);
    let mut rejudge = Vec::new();
    for &c in &body {
        let site_dropped = |d: Option<Dropped>| matches!(d, Some(Dropped::Rule(r)) if site.iter().any(|s| s.rule == r));
        // A body the site itself drops stays dropped: the user said so.
        if site_dropped(cleaned.dropped[c]) {
            continue;
        }
        let mut hidden_by_ancestor = false;
        for a in dom.ancestors(c).collect::<Vec<_>>() {
            if cleaned.dropped[a].is_some() && !site_dropped(cleaned.dropped[a]) {
                cleaned.dropped[a] = None;
                hidden_by_ancestor = true;
            }
        }
        if cleaned.dropped[c].is_some() {
            cleaned.dropped[c] = None;
            hidden_by_ancestor = true;
        }
        if hidden_by_ancestor {
            rejudge.push(c);
        }
    }
    // What was inside a dropped element was never judged: judge it now, by
    // selector, and by class/id for elements holding little of the body.
    for c in rejudge {
        let total = cleaned.text_weight[c].max(1) as f32;
        let end = dom.items[c].end as usize;
        let mut i = c + 1;
        while i < end {
            if cleaned.dropped[i].is_some() {
                i = dom.items[i].end as usize;
                continue;
            }
            let Some(el) = dom.element(i) else {
                i += 1;
                continue;
            };
            let v = rules.judge(el);
            let small = (cleaned.text_weight[i] as f32) < 0.3 * total;
            if let Some(r) = v
                .drop_by_selector
                .or(v.drop_by_class.filter(|_| small && v.weight <= 0.0))
            {
                cleaned.dropped[i] = Some(Dropped::Rule(r));
                i = dom.items[i].end as usize;
            } else {
                i += 1;
            }
        }
    }
    body
}

/// The text of an element as a value: `content` or `datetime` attribute when
/// it has one (meta, time), otherwise its visible text.
pub fn value_of(dom: &Dom, i: usize) -> String {
    if let Some(el) = dom.element(i) {
        for a in ["datetime", "content"] {
            if let Some(v) = el.value().attr(a) {
                let v = v.trim();
                if !v.is_empty() {
                    return v.to_string();
                }
            }
        }
    }
    dom.text_of(i).trim().to_string()
}

/// Authors from the elements `sels` match (first alternative that matches):
/// a credit line ("By A and B") gives its names, other text is one name.
pub fn authors(
    dom: &Dom,
    sels: &[Selector],
    m: &crate::rules::CreditMatcher,
) -> Vec<crate::Credit> {
    let mut out: Vec<crate::Credit> = Vec::new();
    for i in find_first_alternative(dom, sels) {
        let t = value_of(dom, i);
        if t.is_empty() || t.chars().count() > 200 {
            continue;
        }
        let found = crate::credits::credit_line(&t, m).unwrap_or_else(|| {
            let name = crate::credits::clean_name(&t);
            if name.is_empty() {
                Vec::new()
            } else {
                vec![crate::Credit {
                    role: "author".into(),
                    name,
                    label: None,
                }]
            }
        });
        for c in found {
            if !out.iter().any(|o| o.name == c.name) {
                out.push(c);
            }
        }
    }
    out
}

/// The publication time from the elements `sels` match.
pub fn date(dom: &Dom, sels: &[Selector]) -> Option<crate::date::Stamp> {
    find_first_alternative(dom, sels).into_iter().find_map(|i| {
        let v = value_of(dom, i);
        crate::date::parse_value(&v).or_else(|| crate::date::find(&v))
    })
}

/// What site rules did on one page, for `explain`: rule indices into
/// `Rules::info`.
#[derive(Debug, Default, Clone)]
pub struct Applied {
    /// The address used to find site rules, and its host.
    pub url: Option<String>,
    pub host: Option<String>,
    /// Every site rule that applies, most specific first.
    pub rules: Vec<usize>,
    /// General rules switched off.
    pub disabled: Vec<String>,
    pub body: Option<usize>,
    pub headline: Option<usize>,
    pub date: Option<usize>,
    pub author: Option<usize>,
}

impl Applied {
    pub fn new(site: &Site<'_>, url: Option<&str>) -> Self {
        Applied {
            url: url.map(str::to_string),
            host: url.and_then(host_of),
            rules: site.iter().map(|r| r.rule).collect(),
            disabled: site.disabled(),
            ..Applied::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers() {
        let t = "a\nbc\n\nd";
        let l = Lines::new(t);
        for off in 0..=t.len() {
            assert_eq!(l.line_of(off), crate::rules::line_of(t, off), "{off}");
        }
    }

    #[test]
    fn hosts_from_urls() {
        assert_eq!(
            host_of("https://www.Example.com:8080/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            host_of("http://user@news.example.co.uk/").as_deref(),
            Some("news.example.co.uk")
        );
        assert_eq!(
            host_of("HTTPS://EXAMPLE.COM").as_deref(),
            Some("example.com")
        );
        assert_eq!(host_of("ftp://example.com/"), None);
        assert_eq!(host_of("/relative/path"), None);
        assert_eq!(host_of("https:///x"), None);
        assert_eq!(normalize_host("exa mple.com"), None);
    }
}
