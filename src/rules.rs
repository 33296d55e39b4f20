//! Rules are data: the built-in rules file (`src/rules.toml`, embedded in the
//! binary) and users' files share one format, are merged here, and are
//! compiled once per run into matchers the other stages use.
//!
//! Merge order: built-in, then each user file in turn. A rule whose name is
//! already taken replaces the earlier one; `disable = ["name", ...]` switches
//! earlier rules off.

use std::collections::{HashMap, HashSet};

use regex::{Regex, RegexSet};
use scraper::{ElementRef, Selector};
use serde::Deserialize;
use toml::Spanned;

use crate::error::RulesError;

/// The built-in rules, as shipped.
pub const BUILTIN: &str = include_str!("rules.toml");
/// Name shown for the built-in rules file in messages.
pub const BUILTIN_NAME: &str = "src/rules.toml";

/// One rules file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    /// Names of rules (from earlier files) to switch off.
    #[serde(default)]
    pub disable: Vec<Spanned<String>>,
    /// What to remove: elements by selector or class/id, blocks by text.
    #[serde(default)]
    pub drop: Vec<DropRule>,
    /// Hints for finding the body: containers that score up or down.
    #[serde(default)]
    pub score: Vec<ScoreRule>,
    /// Credit labels and their roles.
    #[serde(default)]
    pub credit: Vec<CreditRule>,
    /// Rules scoped to hosts (see [`crate::site`]).
    #[serde(default)]
    pub site: Vec<crate::site::SiteDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DropRule {
    pub name: Spanned<String>,
    /// What the rule removes, for grouping in listings ("ads", "share", ...).
    #[serde(default)]
    pub group: Option<String>,
    /// CSS selectors: matching elements are removed with their content.
    #[serde(default)]
    pub select: Vec<Spanned<String>>,
    /// Regexes matched against each class name and the id of an element:
    /// a match removes the element, unless it holds most of the page's text.
    #[serde(default)]
    pub class_id: Vec<Spanned<String>>,
    /// Regexes searched in each block's text: a match removes the block.
    #[serde(default)]
    pub text: Vec<Spanned<String>>,
    /// `text` applies only to blocks of at most this many characters.
    #[serde(default)]
    pub max_chars: Option<usize>,
    /// `class_id` removes the element even when a `[[score]]` class also
    /// names it ("main-box author-box") or it is a span inside a sentence:
    /// for what is never the story (hidden text, comments, bios).
    #[serde(default)]
    pub strict: bool,
    /// `class_id` removes only elements with at most this much text: a
    /// caption is short, a block of text with its picture is not.
    #[serde(default)]
    pub class_max_chars: Option<usize>,
    /// `class_id` removes only elements with at most this much paragraph
    /// text (in `<p>`): an ad slot holds next to none, a section of the
    /// story classed "Section--Ads" for the slots beside it holds a lot.
    #[serde(default)]
    pub class_max_prose: Option<usize>,
    /// A match (by selector too) spares an element holding most of the
    /// page's paragraph text: a story that the page's script reveals, kept
    /// `visibility: hidden` until it runs.
    #[serde(default)]
    pub spare_main_text: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreRule {
    pub name: Spanned<String>,
    #[serde(default)]
    pub select: Vec<Spanned<String>>,
    #[serde(default)]
    pub class_id: Vec<Spanned<String>>,
    /// Added to a matching container's score (negative to penalise).
    pub weight: f32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditRule {
    /// One of [`ROLES`].
    pub role: Spanned<String>,
    /// Labels followed by a colon: "Editor:", "责任编辑：".
    #[serde(default)]
    pub labels: Vec<Spanned<String>>,
    /// Words followed by the name with no colon: "By Jane Doe", "记者 张三".
    #[serde(default)]
    pub prefixes: Vec<Spanned<String>>,
    /// Prefixes written straight before the name, with nothing between:
    /// "文·李四", "本贴由大卫于...".
    #[serde(default)]
    pub glued: Vec<Spanned<String>>,
}

/// The roles a credit can have.
pub const ROLES: &[&str] = &[
    "author",
    "reporter",
    "correspondent",
    "editor",
    "chief_editor",
    "reviewer",
    "photographer",
    "illustrator",
    "translator",
    "contributor",
    "producer",
    "source",
    "publisher",
];

/// Where a rule came from.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    pub name: String,
    pub group: Option<String>,
    pub file: String,
    /// The drop rule's class matches are never shielded (see `DropRule::strict`).
    pub strict: bool,
    /// See `DropRule::class_max_chars` (text weight, `text::weight`).
    pub class_max_chars: Option<usize>,
    /// See `DropRule::class_max_prose` (text weight).
    pub class_max_prose: Option<usize>,
    /// See `DropRule::spare_main_text`.
    pub spare_main_text: bool,
}

/// A compiled selector with what the rule does.
struct Sel {
    selector: Selector,
    rule: usize,
    weight: f32,
}

/// Selectors bucketed by the id, class, tag or attribute their rightmost
/// compound requires, so that each element is tested only against selectors
/// that could match it.
#[derive(Default)]
struct SelectorIndex {
    sels: Vec<Sel>,
    by_id: NameMap<Vec<usize>>,
    by_class: NameMap<Vec<usize>>,
    by_tag: NameMap<Vec<usize>>,
    by_attr: NameMap<Vec<usize>>,
    any: Vec<usize>,
}

/// A map keyed by the rules' own names (ids, classes, tags, attributes),
/// looked up several times for every element. The keys come from the rules,
/// so SipHash's defence against keys chosen to collide is not needed; a page
/// only looks names up. Fx hashes a word per multiply.
type NameMap<V> = rustc_hash::FxHashMap<String, V>;

impl SelectorIndex {
    fn add(&mut self, part: &str, selector: Selector, rule: usize, weight: f32) {
        let i = self.sels.len();
        self.sels.push(Sel {
            selector,
            rule,
            weight,
        });
        let bucket = match selector_key(part) {
            Key::Id(k) => self.by_id.entry(k).or_default(),
            Key::Class(k) => self.by_class.entry(k).or_default(),
            Key::Tag(k) => self.by_tag.entry(k).or_default(),
            Key::Attr(k) => self.by_attr.entry(k).or_default(),
            Key::Any => &mut self.any,
        };
        bucket.push(i);
    }

    /// Calls `f` with each selector that matches `el`. Each selector sits in
    /// one bucket, so none is tried twice; no allocation per element.
    fn for_each_match(&self, el: ElementRef<'_>, mut f: impl FnMut(&Sel)) {
        let e = el.value();
        let mut try_all = |v: &[usize]| {
            for &i in v {
                let s = &self.sels[i];
                if s.selector.matches(&el) {
                    f(s);
                }
            }
        };
        if let Some(id) = e.id()
            && let Some(v) = self.by_id.get(id)
        {
            try_all(v);
        }
        if !self.by_class.is_empty() {
            for c in e.classes() {
                if let Some(v) = self.by_class.get(c) {
                    try_all(v);
                }
            }
        }
        if let Some(v) = self.by_tag.get(e.name()) {
            try_all(v);
        }
        if !self.by_attr.is_empty() {
            for (name, _) in e.attrs() {
                if let Some(v) = self.by_attr.get(name) {
                    try_all(v);
                }
            }
        }
        try_all(&self.any);
    }
}

enum Key {
    Id(String),
    Class(String),
    Tag(String),
    Attr(String),
    Any,
}

/// The most selective requirement of the rightmost compound of one selector.
fn selector_key(sel: &str) -> Key {
    let b = sel.as_bytes();
    // Find the start of the rightmost compound: after the last top-level
    // combinator or whitespace.
    let (mut depth, mut start) = (0i32, 0usize);
    let mut quote: Option<u8> = None;
    for (i, &c) in b.iter().enumerate() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'(' | b'[') => depth += 1,
            (None, b')' | b']') => depth -= 1,
            (None, b' ' | b'\t' | b'\n' | b'>' | b'+' | b'~') if depth == 0 => start = i + 1,
            _ => {}
        }
    }
    let compound = &sel[start..];
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
            .collect()
    };
    // Scan the compound's top level for #id, .class, [attr; remember the tag.
    let cb = compound.as_bytes();
    let (mut id, mut class, mut attr) = (None, None, None);
    let mut depth = 0i32;
    for (i, &c) in cb.iter().enumerate() {
        match c {
            b'(' => depth += 1,
            b')' => depth -= 1,
            b'[' if depth == 0 && attr.is_none() => {
                attr = Some(ident(&compound[i + 1..]).to_ascii_lowercase());
                depth += 1;
            }
            b'[' => depth += 1,
            b']' => depth -= 1,
            b'#' if depth == 0 && id.is_none() => id = Some(ident(&compound[i + 1..])),
            b'.' if depth == 0 && class.is_none() => class = Some(ident(&compound[i + 1..])),
            _ => {}
        }
    }
    let tag = ident(compound).to_ascii_lowercase();
    match (id, class, attr) {
        (Some(k), _, _) if !k.is_empty() => Key::Id(k),
        (_, Some(k), _) if !k.is_empty() => Key::Class(k),
        _ if !tag.is_empty() => Key::Tag(tag),
        (_, _, Some(k)) if !k.is_empty() => Key::Attr(k),
        _ => Key::Any,
    }
}

/// Splits a selector list at its top-level commas.
fn split_selector_list(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(s[start..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// Class/id regexes of one kind, matched per token with a per-page cache.
#[derive(Default)]
struct TokenMatcher {
    set: Option<RegexSet>,
    rule: Vec<usize>,
    weight: Vec<f32>,
}

impl TokenMatcher {
    fn build(patterns: Vec<(String, usize, f32)>) -> Result<Self, regex::Error> {
        if patterns.is_empty() {
            return Ok(Self::default());
        }
        let set = Some(RegexSet::new(patterns.iter().map(|p| &p.0))?);
        Ok(Self {
            set,
            rule: patterns.iter().map(|p| p.1).collect(),
            weight: patterns.iter().map(|p| p.2).collect(),
        })
    }

    /// Index of the first pattern matching `token`.
    fn first(&self, token: &str) -> Option<usize> {
        let set = self.set.as_ref()?;
        // is_match runs the fast DFA; the overlapping search only when something matched.
        if !set.is_match(token) {
            return None;
        }
        set.matches(token).iter().next()
    }
}

static NEXT_RULES_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Class names remembered per thread before the cache starts afresh.
const CLASS_CACHE_MAX: usize = 100_000;

/// What the class/id patterns say of one class name: drop rule, score weight.
type ClassCache = HashMap<Box<str>, (Option<usize>, f32)>;

thread_local! {
    /// (rules id, cache for that set of rules).
    static CLASS_CACHE: std::cell::RefCell<(usize, ClassCache)> =
        std::cell::RefCell::new((usize::MAX, HashMap::new()));
}

/// Cache of each text pattern set's lazy DFA, per thread: over regex's 2 MB
/// default, which today's sets outgrow, and well under the 16 MB that made
/// two threads contend for the processor's cache (529 against 580 pages/s).
const TEXT_DFA_CACHE: usize = 6 << 20;

/// Text patterns sharing one `max_chars`, so that a long paragraph is only
/// run against the few patterns that apply to it.
struct TextGroup {
    max_chars: Option<usize>,
    set: RegexSet,
    rule: Vec<usize>,
}

/// Credit labels compiled for matching in text.
pub struct CreditMatcher {
    /// Finds "Label:" anywhere a label may start; group 1 is the label.
    pub labels: Option<Regex>,
    /// Finds "Prefix Name" at the start of a line; group 1 is the prefix.
    pub prefixes: Option<Regex>,
    /// Finds a prefix after whitespace inside a line ("来源：晨报 记者 李明"):
    /// where one credit's name ends and the next credit starts.
    pub inner_prefixes: Option<Regex>,
    /// Finds a spaced prefix after a space or a bar, in any case ("19.03.2019
    /// | von X"): whether a credit may follow a date.
    pub later_prefixes: Option<Regex>,
    /// Finds a Chinese label of two or more characters followed by a colon
    /// wherever it is, glued to the name before it as two adjacent spans
    /// write it ("作者：郑佳怡责任编辑：钟晓"); group 1 is the label.
    pub han_labels: Option<Regex>,
    /// Role for each folded label or prefix.
    pub roles: HashMap<String, String>,
}

impl CreditMatcher {
    pub fn role_of(&self, label: &str) -> Option<&str> {
        self.roles
            .get(&crate::text::fold(label.trim()))
            .map(String::as_str)
    }
}

/// Everything the extractor needs from the rules, compiled.
pub struct Rules {
    /// Tells compiled rule sets apart (for the per-thread class cache).
    id: usize,
    pub info: Vec<RuleInfo>,
    drop_sel: SelectorIndex,
    score_sel: SelectorIndex,
    drop_class: TokenMatcher,
    score_class: TokenMatcher,
    text: Vec<TextGroup>,
    pub credits: CreditMatcher,
    /// Site rules, by host.
    pub sites: crate::site::SiteIndex,
    /// What could not be used but is no error: FiveFilters expressions with
    /// no CSS equivalent, directives copydesk does not read.
    pub warnings: Vec<RulesError>,
    /// Users' TOML files, kept to recompile the general rules without the
    /// ones a site switches off.
    sources: std::sync::Arc<Vec<(String, String)>>,
}

/// What the rules say of one element.
#[derive(Default, Clone, Copy, Debug)]
pub struct ElementVerdict {
    /// Rule that drops it by selector (unconditional).
    pub drop_by_selector: Option<usize>,
    /// Rule that drops it by class/id (conditional on its size).
    pub drop_by_class: Option<usize>,
    /// Sum of score weights.
    pub weight: f32,
    /// The part of `weight` from score selectors (markup such as
    /// `[itemprop=articleBody]`, not class names): it shields an element
    /// from the class drops whatever its size.
    pub selector_weight: f32,
}

impl Rules {
    /// The built-in rules alone.
    pub fn builtin() -> Self {
        Self::from_sources(&[]).expect("the built-in rules compile (tested)")
    }

    /// The built-in rules with users' files on top, given as (file name,
    /// text). Files whose name ends in `.txt` are FiveFilters site configs
    /// (the file name gives the host); the others are copydesk TOML files.
    pub fn from_sources(user: &[(String, String)]) -> Result<Self, RulesError> {
        let mut files = vec![(BUILTIN_NAME.to_string(), BUILTIN.to_string())];
        let mut ftr = Vec::new();
        for (name, text) in user {
            if is_ftr_name(name) {
                ftr.push((name, text));
            } else {
                files.push((name.clone(), text.clone()));
            }
        }
        let parsed = parse_files(&files)?;
        let mut specs = Vec::new();
        let mut warnings = Vec::new();
        for (name, text, f) in &parsed {
            if f.site.is_empty() {
                continue;
            }
            let lines = crate::site::Lines::new(text);
            for d in &f.site {
                specs.push(crate::site::SiteSpec::from_def(d, name, &lines)?);
            }
        }
        // FiveFilters files come after the TOML files: copydesk's own site
        // rules for the same host, loaded earlier, lose to them only on ties
        // of specificity. Hosts come from file names.
        for (name, text) in ftr {
            let conv = crate::ftr::convert(name, text)?;
            warnings.extend(conv.warnings);
            specs.push(conv.spec);
        }
        let mut rules = compile(parsed, &HashSet::new())?;
        let known: HashSet<&str> = rules.info.iter().map(|i| i.name.as_str()).collect();
        let sites = crate::site::SiteIndex::compile(&specs, rules.info.len(), &known)?;
        for s in &specs {
            rules.info.push(RuleInfo {
                name: s.name.clone(),
                group: Some("site".into()),
                file: s.file.clone(),
                strict: false,
                class_max_chars: None,
                class_max_prose: None,
                spare_main_text: false,
            });
        }
        rules.sites = sites;
        rules.warnings = warnings;
        rules.sources = std::sync::Arc::new(files.split_off(1));
        Ok(rules)
    }

    /// These rules without the general rules named (for a site that switches
    /// them off). Rule indices stay the same, so `info` is shared.
    pub fn without(&self, names: &[String]) -> Option<Self> {
        let mut files = vec![(BUILTIN_NAME.to_string(), BUILTIN.to_string())];
        files.extend(self.sources.iter().cloned());
        let parsed = parse_files(&files).ok()?;
        let skip: HashSet<&str> = names.iter().map(String::as_str).collect();
        let mut r = compile(parsed, &skip).ok()?;
        r.info = self.info.clone();
        Some(r)
    }

    /// Reads users' rules files and compiles them over the built-in rules.
    pub fn load(paths: &[std::path::PathBuf]) -> Result<Self, RulesError> {
        Self::load_all(paths, &[])
    }

    /// Reads the rules files in each of `dirs` (`*.toml`, and FiveFilters
    /// `*.txt`, in name order), then the files in `paths`, and compiles them
    /// over the built-in rules. Later files win ties.
    pub fn load_all(
        paths: &[std::path::PathBuf],
        dirs: &[std::path::PathBuf],
    ) -> Result<Self, RulesError> {
        let mut all = Vec::new();
        for d in dirs {
            all.extend(rules_in_dir(d)?);
        }
        all.extend(paths.iter().cloned());
        let mut sources = Vec::new();
        for p in &all {
            let name = p.display().to_string();
            let text = std::fs::read_to_string(p).map_err(|e| RulesError {
                file: name.clone(),
                line: 0,
                message: e.to_string(),
            })?;
            sources.push((name, text));
        }
        Self::from_sources(&sources)
    }

    /// Applies the selector and class/id rules to one element. What the
    /// class/id patterns say of a class name is cached per thread across
    /// pages (sites reuse their class names), for this set of rules.
    pub fn judge(&self, el: ElementRef<'_>) -> ElementVerdict {
        CLASS_CACHE.with_borrow_mut(|cache| {
            if cache.0 != self.id || cache.1.len() > CLASS_CACHE_MAX {
                cache.0 = self.id;
                cache.1.clear();
            }
            self.judge_with(el, &mut cache.1)
        })
    }

    fn judge_with(&self, el: ElementRef<'_>, cache: &mut ClassCache) -> ElementVerdict {
        let mut v = ElementVerdict::default();
        self.drop_sel.for_each_match(el, |s| {
            v.drop_by_selector = Some(v.drop_by_selector.map_or(s.rule, |r| r.min(s.rule)));
        });
        if v.drop_by_selector.is_some() {
            return v;
        }
        self.score_sel.for_each_match(el, |s| v.weight += s.weight);
        v.selector_weight = v.weight;
        let e = el.value();
        let mut token = |t: &str, v: &mut ElementVerdict| {
            if t.is_empty() {
                return;
            }
            let (drop, w) = match cache.get(t) {
                Some(&hit) => hit,
                None => {
                    let lower = split_camel_case(t);
                    let drop = self
                        .drop_class
                        .first(&lower)
                        .map(|i| self.drop_class.rule[i]);
                    let w = self
                        .score_class
                        .set
                        .as_ref()
                        .filter(|s| s.is_match(&lower))
                        .map(|s| {
                            s.matches(&lower)
                                .iter()
                                .map(|i| self.score_class.weight[i])
                                .sum()
                        })
                        .unwrap_or(0.0);
                    cache.insert(t.into(), (drop, w));
                    (drop, w)
                }
            };
            if v.drop_by_class.is_none() {
                v.drop_by_class = drop;
            }
            v.weight += w;
        };
        for c in e.classes() {
            token(c, &mut v);
        }
        // A heading's id is an anchor made of its own words ("nav_the_ferry"
        // for a subhead on navigation), not a name for what it is.
        let heading = matches!(e.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        if let Some(id) = e.id().filter(|_| !heading) {
            token(id, &mut v);
        }
        v
    }

    /// The rule dropping a block of text, if any.
    pub fn drop_text(&self, text: &str) -> Option<usize> {
        let chars = text.chars().count();
        self.text
            .iter()
            .filter(|g| g.max_chars.is_none_or(|m| chars <= m))
            .filter(|g| g.set.is_match(text))
            .filter_map(|g| g.set.matches(text).iter().next().map(|i| g.rule[i]))
            .min()
    }
}

/// What `copydesk rules check` says of one file that can be used.
#[derive(Debug)]
pub struct Checked {
    /// One line: what the file holds.
    pub summary: String,
    /// What could not be used (FiveFilters expressions, directives).
    pub warnings: Vec<RulesError>,
}

/// Checks one rules file (copydesk TOML, or FiveFilters `.txt`) on top of
/// the built-in rules: every selector and regex compiled, every name that
/// `disable` uses known. The error names the file, the line and the problem.
pub fn check_source(name: &str, text: &str) -> Result<Checked, RulesError> {
    let rules = Rules::from_sources(&[(name.to_string(), text.to_string())])?;
    if is_ftr_name(name) {
        let c = crate::ftr::convert(name, text)?;
        let (host, subs) = &c.spec.hosts[0];
        let summary = format!(
            "site rule for {}{host}: {} of {} XPath expressions converted",
            if *subs { "*." } else { "" },
            c.converted,
            c.xpaths
        );
        return Ok(Checked {
            summary,
            warnings: c.warnings,
        });
    }
    let f: RulesFile = toml::from_str(text).map_err(|e| RulesError {
        file: name.to_string(),
        line: 0,
        message: e.message().trim().to_string(),
    })?;
    let summary = format!(
        "{} drop, {} score, {} credit and {} site rules; {} rules disabled, {} on sites",
        f.drop.len(),
        f.score.len(),
        f.credit.len(),
        f.site.len(),
        f.disable.len(),
        f.site.iter().map(|s| s.disable.len()).sum::<usize>()
    );
    let mut warnings = rules.warnings;
    let texts = f.drop.iter().flat_map(|d| &d.text);
    for p in texts.chain(f.site.iter().flat_map(|s| &s.drop_text)) {
        if let Some(ch) = boundary_neighbours(p.get_ref())
            .into_iter()
            .find(|c| !c.is_ascii() && c.is_alphabetic())
        {
            warnings.push(RulesError {
                file: name.to_string(),
                line: line_of(text, p.span().start),
                message: format!(
                    "\\b next to {ch:?} never matches: \\b is an ASCII word boundary (write a space or \\s)"
                ),
            });
        }
    }
    Ok(Checked { summary, warnings })
}

/// The letters on each side of every `\b` in a pattern: the character
/// next to it, or the first or last character of each alternative of
/// the group next to it.
pub(crate) fn boundary_neighbours(p: &str) -> Vec<char> {
    let c: Vec<char> = p.chars().collect();
    let mut out = Vec::new();
    // The alternatives of the group whose bracket is at `from`: read back
    // from its `)` (step -1, each alternative's characters last first) or
    // on from its `(` (step 1).
    let group = |from: usize, step: isize| -> Vec<String> {
        let (mut depth, mut i, mut alts, mut cur) =
            (0i32, from as isize, Vec::new(), String::new());
        while i >= 0 && (i as usize) < c.len() {
            let ch = c[i as usize];
            let escaped = i > 0 && c[i as usize - 1] == '\\';
            match ch {
                '(' | ')' if !escaped => {
                    depth += if (ch == ')') == (step < 0) { 1 } else { -1 };
                    if depth == 0 {
                        alts.push(cur);
                        return alts;
                    }
                    if depth > 1 {
                        cur.push(ch);
                    }
                }
                '|' if depth == 1 && !escaped => alts.push(std::mem::take(&mut cur)),
                _ if depth >= 1 => cur.push(ch),
                _ => {}
            }
            i += step;
        }
        alts
    };
    for i in 0..c.len().saturating_sub(1) {
        if c[i] != '\\' || c[i + 1] != 'b' || (i > 0 && c[i - 1] == '\\') {
            continue;
        }
        match i.checked_sub(1).map(|j| c[j]) {
            Some(')') => out.extend(group(i - 1, -1).iter().filter_map(|a| a.chars().next())),
            Some(x) => out.push(x),
            None => {}
        }
        match c.get(i + 2) {
            Some('(') => out.extend(
                group(i + 2, 1)
                    .iter()
                    .filter_map(|a| a.trim_start_matches("?:").chars().next()),
            ),
            Some(&x) => out.push(x),
            None => {}
        }
    }
    out
}

/// Is this file a FiveFilters site config (by its name)?
pub fn is_ftr_name(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".txt")
}

/// The rules files in a folder: `*.toml`, and `HOST.txt` FiveFilters site
/// configs, sorted by name.
pub fn rules_in_dir(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>, RulesError> {
    let err = |e: std::io::Error| RulesError {
        file: dir.display().to_string(),
        line: 0,
        message: e.to_string(),
    };
    let mut v = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(err)? {
        let p = entry.map_err(err)?.path();
        let ext = p
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        // Text files that are not named after a host (README.txt) are skipped.
        let site_config = || {
            p.to_str()
                .is_some_and(|n| crate::ftr::host_from_file_name(n).is_some())
        };
        let wanted = match ext.as_deref() {
            Some("toml") => true,
            Some("txt") => site_config(),
            _ => false,
        };
        if p.is_file() && wanted {
            v.push(p);
        }
    }
    v.sort();
    Ok(v)
}

fn parse_files(files: &[(String, String)]) -> Result<Vec<(&str, &str, RulesFile)>, RulesError> {
    let mut parsed = Vec::new();
    for (name, text) in files {
        let file: RulesFile = toml::from_str(text).map_err(|e| RulesError {
            file: name.clone(),
            line: e.span().map_or(0, |s| line_of(text, s.start)),
            message: e.message().trim().to_string(),
        })?;
        parsed.push((name.as_str(), text.as_str(), file));
    }
    Ok(parsed)
}

/// Selector and regex errors come on several lines (the regex crate draws a
/// caret under the pattern); a rules error is one line.
pub(crate) fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.chars().all(|c| c == '^' || c == '~'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `\b` becomes an ASCII word boundary: the fast regex engines cannot run a
/// Unicode `\b` on non-ASCII text and would fall back to a slow one. Text
/// rules are about Latin words where it matters, so nothing is lost.
fn ascii_word_boundaries(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 8);
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str("(?-u:\\b)"),
                Some(n) => {
                    out.push(c);
                    out.push(n);
                }
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn text_groups(
    pats: Vec<String>,
    rules: Vec<(usize, Option<usize>)>,
) -> Result<Vec<TextGroup>, regex::Error> {
    let mut limits: Vec<Option<usize>> = rules.iter().map(|r| r.1).collect();
    limits.sort();
    limits.dedup();
    limits
        .into_iter()
        .map(|max_chars| {
            let members: Vec<usize> = (0..pats.len())
                .filter(|&i| rules[i].1 == max_chars)
                .collect();
            Ok(TextGroup {
                max_chars,
                // (A set's lazy DFA that outgrows its cache rebuilds
                // states over and over: the many-language sets of today's
                // rules made extraction half as slow again at the default
                // 2 MB; benches/instructions.sh measures it.)
                set: regex::RegexSetBuilder::new(members.iter().map(|&i| &pats[i]))
                    .dfa_size_limit(TEXT_DFA_CACHE)
                    .build()?,
                rule: members.iter().map(|&i| rules[i].0).collect(),
            })
        })
        .collect()
}

/// Lowercases a class name, marking camelCase word starts with a hyphen
/// ("newsCaption" reads "news-caption"), so that part patterns see its words.
fn split_camel_case(t: &str) -> String {
    let mut out = String::with_capacity(t.len() + 4);
    let mut prev_lower = false;
    for c in t.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            out.push('-');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_lowercase());
    }
    out
}

pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn compile(files: Vec<(&str, &str, RulesFile)>, skip: &HashSet<&str>) -> Result<Rules, RulesError> {
    // Merge: later rules with the same name replace earlier ones; disable removes.
    struct Entry<'a> {
        file: &'a str,
        text: &'a str,
        rule: Either<'a>,
    }
    enum Either<'a> {
        Drop(&'a DropRule),
        Score(&'a ScoreRule),
    }
    let mut order: Vec<String> = Vec::new();
    let mut by_name: HashMap<String, Entry> = HashMap::new();
    let mut credit_rules: Vec<(&str, &str, &CreditRule)> = Vec::new();
    for (file, text, f) in &files {
        for d in &f.disable {
            if by_name.remove(d.get_ref()).is_none() {
                return Err(RulesError {
                    file: file.to_string(),
                    line: line_of(text, d.span().start),
                    message: format!("disable: no earlier rule is named {:?}", d.get_ref()),
                });
            }
        }
        let named = f
            .drop
            .iter()
            .map(|r| (&r.name, Either::Drop(r)))
            .chain(f.score.iter().map(|r| (&r.name, Either::Score(r))));
        for (name, rule) in named {
            let n = name.get_ref().clone();
            if !order.contains(&n) {
                order.push(n.clone());
            }
            by_name.insert(n, Entry { file, text, rule });
        }
        for c in &f.credit {
            credit_rules.push((file, text, c));
        }
    }

    let err = |file: &str, text: &str, span: std::ops::Range<usize>, message: String| RulesError {
        file: file.to_string(),
        line: line_of(text, span.start),
        message: one_line(&message),
    };
    let mut info = Vec::new();
    let mut checks: Vec<(&str, &str, std::ops::Range<usize>, String)> = Vec::new();
    let mut drop_sel = SelectorIndex::default();
    let mut score_sel = SelectorIndex::default();
    let (mut drop_cls, mut score_cls) = (Vec::new(), Vec::new());
    let (mut text_pats, mut text_rule) = (Vec::new(), Vec::new());
    for name in &order {
        let Some(e) = by_name.get(name) else { continue };
        let idx = info.len();
        let compile_sels = |sels: &[Spanned<String>], index: &mut SelectorIndex, w: f32| {
            for s in sels {
                for part in split_selector_list(s.get_ref()) {
                    let sel = Selector::parse(part).map_err(|er| {
                        err(
                            e.file,
                            e.text,
                            s.span(),
                            format!("invalid selector {part:?}: {er}"),
                        )
                    })?;
                    index.add(part, sel, idx, w);
                }
            }
            Ok::<(), RulesError>(())
        };
        // Regexes are compiled once, in their sets below; where a set fails,
        // each pattern is tried alone to name the one at fault.
        let mut check_re = |p: &Spanned<String>| {
            checks.push((e.file, e.text, p.span(), p.get_ref().clone()));
            Ok::<(), RulesError>(())
        };
        if skip.contains(name.as_str()) {
            // Switched off for a site: keeps its index, matches nothing.
            info.push(RuleInfo {
                name: name.clone(),
                group: None,
                file: e.file.to_string(),
                strict: false,
                class_max_chars: None,
                class_max_prose: None,
                spare_main_text: false,
            });
            continue;
        }
        match e.rule {
            Either::Drop(r) => {
                info.push(RuleInfo {
                    name: name.clone(),
                    group: r.group.clone(),
                    file: e.file.to_string(),
                    strict: r.strict,
                    class_max_chars: r.class_max_chars,
                    class_max_prose: r.class_max_prose,
                    spare_main_text: r.spare_main_text,
                });
                compile_sels(&r.select, &mut drop_sel, 0.0)?;
                for p in &r.class_id {
                    check_re(p)?;
                    drop_cls.push((p.get_ref().clone(), idx, 0.0));
                }
                for p in &r.text {
                    check_re(p)?;
                    text_pats.push(ascii_word_boundaries(p.get_ref()));
                    text_rule.push((idx, r.max_chars));
                }
            }
            Either::Score(r) => {
                info.push(RuleInfo {
                    name: name.clone(),
                    group: Some("score".into()),
                    file: e.file.to_string(),
                    strict: false,
                    class_max_chars: None,
                    class_max_prose: None,
                    spare_main_text: false,
                });
                compile_sels(&r.select, &mut score_sel, r.weight)?;
                for p in &r.class_id {
                    check_re(p)?;
                    score_cls.push((p.get_ref().clone(), idx, r.weight));
                }
            }
        }
    }

    let built = TokenMatcher::build(drop_cls).and_then(|d| {
        Ok((
            d,
            TokenMatcher::build(score_cls)?,
            text_groups(text_pats, text_rule)?,
        ))
    });
    let (drop_class, score_class, text) = match built {
        Ok(b) => b,
        Err(set_error) => {
            for (file, text, span, pattern) in &checks {
                if let Err(er) = Regex::new(pattern) {
                    return Err(err(
                        file,
                        text,
                        span.clone(),
                        format!("invalid regex {pattern:?}: {er}"),
                    ));
                }
            }
            return Err(RulesError {
                file: "rules".into(),
                line: 0,
                message: format!("the regexes do not compile together: {set_error}"),
            });
        }
    };

    // Credits.
    let mut roles = HashMap::new();
    let (mut labels, mut prefixes, mut glued) = (Vec::new(), Vec::new(), Vec::new());
    for (file, text, c) in credit_rules {
        let role = c.role.get_ref();
        if !ROLES.contains(&role.as_str()) {
            return Err(err(
                file,
                text,
                c.role.span(),
                format!("unknown role {role:?}; roles are: {}", ROLES.join(", ")),
            ));
        }
        for l in &c.labels {
            roles.insert(crate::text::fold(l.get_ref()), role.clone());
            labels.push(l.get_ref().clone());
        }
        for l in &c.prefixes {
            roles.insert(crate::text::fold(l.get_ref()), role.clone());
            prefixes.push(l.get_ref().clone());
        }
        for l in &c.glued {
            roles.insert(crate::text::fold(l.get_ref()), role.clone());
            glued.push(l.get_ref().clone());
        }
    }
    let alternation = |mut v: Vec<String>| {
        v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        v.dedup();
        v.iter()
            .map(|s| regex::escape(s))
            .collect::<Vec<_>>()
            .join("|")
    };
    let han: Vec<String> = labels
        .iter()
        .filter(|l| l.chars().count() >= 2 && l.chars().all(crate::text::is_cjk))
        .cloned()
        .collect();
    let credits = CreditMatcher {
        han_labels: (!han.is_empty()).then(|| {
            Regex::new(&format!(r"({})\s*[:：]", alternation(han)))
                .expect("escaped labels form a valid regex")
        }),
        labels: (!labels.is_empty()).then(|| {
            Regex::new(&format!(
                r"(?i)(?:^|[\s|｜/,，;；(（\[【])({})\s*[:：]",
                alternation(labels)
            ))
            .expect("escaped labels form a valid regex")
        }),
        inner_prefixes: (!prefixes.is_empty()).then(|| {
            Regex::new(&format!(
                r"\s({})(?:\s+|/|／)",
                alternation(prefixes.clone())
            ))
            .expect("escaped prefixes form a valid regex")
        }),
        later_prefixes: (!prefixes.is_empty()).then(|| {
            Regex::new(&format!(
                r"(?i)[\s|｜]({})(?:\s+|/|／|:|：)",
                alternation(prefixes.clone())
            ))
            .expect("escaped prefixes form a valid regex")
        }),
        // Group 1 is the prefix that was found, spaced or glued.
        prefixes: (!prefixes.is_empty() || !glued.is_empty()).then(|| {
            let spaced = (!prefixes.is_empty())
                .then(|| format!(r"({})(?:\s+|/|／|:|：)", alternation(prefixes)));
            let glued = (!glued.is_empty()).then(|| format!(r"({})\s*", alternation(glued)));
            let either = [spaced, glued].into_iter().flatten().collect::<Vec<_>>();
            Regex::new(&format!(r"(?i)^[(（\[【]?(?:{})", either.join("|")))
                .expect("escaped prefixes form a valid regex")
        }),
        roles,
    };

    Ok(Rules {
        id: NEXT_RULES_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        info,
        drop_sel,
        score_sel,
        drop_class,
        score_class,
        text,
        credits,
        sites: Default::default(),
        warnings: Vec::new(),
        sources: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_compile() {
        let r = Rules::builtin();
        assert!(r.info.len() > 10);
        assert!(r.credits.labels.is_some());
    }

    #[test]
    fn builtin_text_rules_know_the_furniture_lines_of_more_languages() {
        let r = Rules::builtin();
        let gone = |t: &str| r.drop_text(t).is_some();
        for t in [
            "Dalszy ciąg materiału pod wideo",
            "Pokračování článku pod reklamou",
            "La suite après cette publicité",
            "- Advertisement -",
            "Más información",
            "Najczęściej czytane",
            "Zobacz także",
            "【関連記事】",
            "【其他人也看了】",
            "Il vous reste 62.45% de cet article à lire.",
            "Questo contenuto è riservato agli abbonati",
            "Get unlimited access to the Prairie Business Journal.",
            "Segui il nostro canale WhatsApp",
            "Подписывайтесь на наш канал в Telegram",
            "Følg os på Facebook",
            "Dieses Thema im Programm: Das Erste | 14.03.2024",
            "Czas czytania: 3 min",
            "4 min",
            "Lecture 4 min.",
            "Download the KTVR 4 app for breaking news alerts.",
            "海量资讯、精准解读，尽在新浪财经APP",
            // Agencies, editors' initials, datelines, press-release marks,
            // blog and print notes.
            "mak/dpa",
            "(©NTB)",
            "-- BERNAMA",
            "(rdp/imk)",
            "Stand: 14.03.2024 11:23 Uhr",
            "LIVE Zuletzt aktualisiert: 10.09.2024, 13:05 Uhr",
            "14:30 12.03.2024",
            "11. března 2024 14:30",
            "vor 2 Stunden",
            "Thursday, 6 June 2024",
            "SOURCE Greenfield Robotics, Inc.",
            "View source version on businesswire.com: https://www.businesswire.com/x",
            "(559) 555-0188",
            "This entry was posted in Business. Bookmark the permalink.",
            "This article appears in the February/March 2024 issue of the magazine.",
            "Published in Dawn, March 5th, 2024",
            "Loading poll…",
            "کد خبر ۸۵۴۲۱۳",
        ] {
            assert!(gone(t), "{t}");
        }
        // The same words inside the story's sentences stay.
        for t in [
            "The ministry launched a WhatsApp channel for flood updates on Tuesday.",
            "Más información llegará el lunes, dijo el portavoz del ayuntamiento.",
            "Four minutes later the power came back on across the east of the city.",
            "1. Auflage 2019",
            "SOURCE: the council's own figures show a rise of a tenth.",
        ] {
            assert!(!gone(t), "{t}");
        }
    }

    #[test]
    fn builtin_text_rules_know_boilerplate_lines_in_several_languages() {
        let r = Rules::builtin();
        let name = |t: &str| r.drop_text(t).map(|i| r.info[i].name.as_str());
        assert_eq!(name("Mobile advertising space rental"), Some("ads"));
        assert_eq!(name("广告位招租"), Some("ads"));
        assert_eq!(
            name(
                "By choosing I Accept, you consent to our use of cookies and other tracking technologies."
            ),
            Some("cookie-notices")
        );
        assert_eq!(
            name(
                "The court ruled that the site may not use cookies to track readers without asking."
            ),
            None
        );
        assert_eq!(
            name("05/10/2018 - Publicado por: Ana Lima - Categoria: Saúde - Tags: bairro"),
            Some("datelines")
        );
        assert_eq!(
            name("The study, published by the journal on 05/10/2018, found nothing new."),
            None
        );
        assert_eq!(name("版权所有 © 2019 某某网"), Some("copyright"));
        assert_eq!(
            name("本文通告引用(Trackback)链接: /wp-trackback.php?p=17"),
            Some("comment-prompts")
        );
        assert_eq!(
            name("You can use these HTML tags: <a> <b>"),
            Some("comment-prompts")
        );
        assert_eq!(
            name("美国唱片工会表示：“播客在使用其它音乐时，一定要获得版权所有者的许可。”"),
            None
        );
        assert_eq!(name("スポンサード リンク"), Some("ads"));
        assert_eq!(name("関連エントリ"), Some("related-text"));
        assert_eq!(name("次の記事：新しいライブラリ"), Some("related-text"));
        assert_eq!(name("관련 기사"), Some("related-text"));
        assert_eq!(name("上一篇：某某新闻"), Some("related-text"));
        assert_eq!(name("Related: the council's budget"), Some("related-text"));
        assert_eq!(
            name("You may also be interested in..."),
            Some("related-text")
        );
        assert_eq!(name("sponsored links"), Some("ads"));
        // Prose that merely mentions these words stays.
        assert_eq!(
            name("関連記事を書いた記者は、市の予算について三年間取材してきた。"),
            None
        );
        assert_eq!(
            name("The advertising space on the bridge was rented to a bank."),
            None
        );
        // Ratings, view counters and error prompts; a paywall in Japanese;
        // related lists in Thai.
        assert_eq!(name("Valorar:"), Some("ratings-and-counters"));
        assert_eq!(
            name("Actualmente puntuada con 1 estrella(s) sobre 5"),
            Some("ratings-and-counters")
        );
        assert_eq!(name("Visto 314 veces"), Some("ratings-and-counters"));
        assert_eq!(name("12,408 views"), Some("ratings-and-counters"));
        assert_eq!(
            name("Если вы заметили ошибку, выделите её и нажмите Ctrl+Enter."),
            Some("ratings-and-counters")
        );
        assert_eq!(name("Kļūda rakstā?"), Some("ratings-and-counters"));
        assert_eq!(
            name(
                "［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。"
            ),
            Some("newsletter-and-paywall")
        );
        assert_eq!(name("会員の方はこちら"), Some("newsletter-and-paywall"));
        assert_eq!(name("เรื่องที่เกี่ยวข้อง"), Some("related-text"));
        assert_eq!(
            name("The views expressed below do not necessarily reflect those of the Gazette."),
            Some("disclaimers")
        );
        assert_eq!(
            name("الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط."),
            Some("disclaimers")
        );
        assert_eq!(
            name("Like this story? Share it with a friend!"),
            Some("share")
        );
        assert_eq!(name("Like this, the story goes on."), None);
        assert_eq!(
            name("Write to Jane Doe at jane.doe@harbourgazette.example"),
            Some("author-bio")
        );
        assert_eq!(
            name("Write to the council at its office before Friday."),
            None
        );
        // Furniture in other languages: share labels, paywalls, cookie
        // notices, reprint notices, photo credits, related and paged links.
        for (text, rule) in [
            ("Artikel teilen", "share"),
            ("Поделиться", "share"),
            ("Jetzt weiterlesen mit SPIEGEL+", "newsletter-and-paywall"),
            (
                "Il vous reste 62% de cet article à lire. La suite est réservée aux abonnés.",
                "newsletter-and-paywall",
            ),
            (
                "この記事は有料記事です。残り1182文字",
                "newsletter-and-paywall",
            ),
            (
                "Questo sito utilizza cookie di profilazione, anche di terze parti.",
                "cookie-notices",
            ),
            ("※記事・写真の無断転載を禁じます。", "copyright"),
            ("ⓒ 한결신문 : 무단전재 및 재배포 금지", "copyright"),
            ("Riproduzione riservata © Copyright ANSA", "copyright"),
            ("Фото: пресс-служба «Теплосети»", "photo-credit-lines"),
            ("اقرأ أيضا", "related-text"),
            ("Lea también:", "related-text"),
            ("■関連記事", "related-text"),
            ("次ページは：除雪体制の見直しは", "related-text"),
            ("最終更新:3/5(火) 9:30", "datelines"),
            ("7 min read · Nov 5, 2024", "reading-aids"),
            ("配信", "datelines"),
            ("1028文字", "newsletter-and-paywall"),
            ("※本記事は取材時点の情報に基づいています。", "disclaimers"),
            ("1|2|3", "related-text"),
            ("dpa/lsw/fra", "agency-tags"),
            ("风险提示：股市有风险，投资需谨慎。", "disclaimers"),
            ("往期推荐", "related-text"),
            ("Story continues below this ad", "ads"),
            (
                "(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)",
                "disclaimers",
            ),
            ("(With inputs from PTI)", "disclaimers"),
            (
                "हिंदी समाचार के लिए जुड़े रहें अमर भारती के साथ। सर्वाधिकार सुरक्षित।",
                "copyright",
            ),
            (
                "📣 Join our WhatsApp channel Click here to join",
                "newsletter-and-paywall",
            ),
            (
                "Your subscription has been successful.",
                "newsletter-and-paywall",
            ),
            ("Contact: theeditor@punchdaily.example", "author-bio"),
            ("Baca juga:", "related-text"),
            ("（未完，请看下一页）", "related-text"),
            ("点击上方蓝字关注我们", "share"),
            ("喜欢就点个“在看”吧", "share"),
            ("▲ 老街上的咖啡店，图源：受访者提供", "photo-credit-lines"),
            (
                "Harriet Okafor has no position in any of the stocks mentioned.",
                "disclaimers",
            ),
            (
                "We may receive compensation when you click on links to products we review.",
                "disclaimers",
            ),
            (
                "Tried this recipe? Mention @saltwaterandsage or tag #saltwaterandsage!",
                "newsletter-and-paywall",
            ),
            (
                "Follow BNC Cornwall on X, Facebook and Instagram.",
                "newsletter-and-paywall",
            ),
            (
                "For the latest news, weather, sports, and streaming video, head to WQRT 8.",
                "tip-prompts",
            ),
            ("FOR IMMEDIATE RELEASE", "press-release-marks"),
            ("###", "press-release-marks"),
            ("Media Contact:", "press-release-marks"),
            ("(EFE)", "agency-tags"),
            ("ТАСС", "agency-tags"),
            (
                "Puedes seguir a EL PAÍS Comunitat Valenciana en Facebook y X",
                "newsletter-and-paywall",
            ),
            (
                "Se adhiere a los criterios de The Trust Project",
                "newsletter-and-paywall",
            ),
            (
                "新浪声明：此消息系转载自新浪合作媒体，新浪网登载此文出于传递更多信息之目的。",
                "disclaimers",
            ),
            (
                "本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。",
                "disclaimers",
            ),
            ("新装的电梯。记者 卢振宇 摄", "photo-credit-lines"),
            (
                "覃立新在课堂上使用智能教学系统。受访者供图",
                "photo-credit-lines",
            ),
            (
                "摘要: 在古渡老城墙根下，有一间不足五平方米的修表铺。",
                "standfirst-and-teasers",
            ),
            ("Listen to this article 00:00 38:12", "reading-aids"),
        ] {
            assert_eq!(name(text), Some(rule), "{text}");
        }
        // Prose that begins with the same words is no furniture.
        for text in [
            "Teilen wollten die beiden Brüder das Erbe nie, sagte der Anwalt am Montag vor Gericht.",
            "Fotografía y pintura se dan la mano en la nueva muestra del museo, abierta hasta junio.",
            "7 minutes of reading a day is all the study asks of the children, the researchers said.",
            "记者来到现场时，工作人员正在对受损的桥梁进行拍摄。",
            "平台经济的声明：对话中，他多次提到这一点。",
        ] {
            assert_eq!(name(text), None, "{text}");
        }
        // A reporter's address alone on its line; a wire's pointer to more.
        assert_eq!(name("jane.doe@harbourgazette.example"), Some("author-bio"));
        assert_eq!(name("twitter.com/janedoe"), Some("author-bio"));
        assert_eq!(
            name("Mail the desk at desk@harbourgazette.example with tips."),
            None
        );
        assert_eq!(
            name("More AP football: https://apnews.com/football"),
            Some("related-text")
        );
        assert_eq!(
            name("More Must-Reads From The Gazette"),
            Some("related-text")
        );
        assert_eq!(
            name(
                "Iezīmējiet tekstu un spiediet uz Ziņot par kļūdu pogas, lai nosūtītu labojamo teksta fragmentu redaktoram!"
            ),
            Some("ratings-and-counters")
        );
        assert_eq!(name("Key Points"), Some("summary-labels"));
        assert_eq!(name("Anzeige"), Some("ads"));
        assert_eq!(
            name("Jewels after jewels, installation views, photos © Harbour Gazette, 2018"),
            Some("photo-credit-lines")
        );
        assert_eq!(
            name("The photos © law, passed in 2018, is a lawyer's dream. So is the rest."),
            None
        );
        assert_eq!(name("iTunes: http://po.example/TP_615Apple"), Some("share"));
        assert_eq!(
            name(
                "Reach the reporters on Twitter at http://twitter.com/janedoe and http://twitter.com/liwei"
            ),
            Some("author-bio")
        );
        assert_eq!(
            name("Reach the harbour on foot from the station in ten minutes."),
            None
        );
        assert_eq!(name("23.10.2018"), Some("datelines"));
        assert_eq!(name("05/08/2019 14:30"), Some("datelines"));
        assert_eq!(name("17. Mai 2019"), Some("datelines"));
        assert_eq!(name("jeudi 13 juin 2019"), Some("datelines"));
        assert_eq!(name("입력 2019.03.04 15:30"), Some("datelines"));
        assert_eq!(
            name("Veröffentlicht am 13.06.2019 um 14:30 Uhr"),
            Some("datelines")
        );
        assert_eq!(name("Pubblicato il 13 giugno 2019"), Some("datelines"));
        assert_eq!(name("Опубликовано 13 июня 2019"), Some("datelines"));
        assert_eq!(
            name("Publicado el año pasado, el libro vendió 20.000 ejemplares."),
            None
        );
        assert_eq!(name("2019년 3월 4일 오후 3:05"), Some("datelines"));
        assert_eq!(name("公開日：2019年3月4日"), Some("datelines"));
        assert_eq!(
            name("Ein Beitrag geteilt von Vreni Frost (@vrenifrost) am Mär 12, 2018 um 12:30 PDT"),
            Some("embedded-post-lines")
        );
        assert_eq!(
            name("View this post on Instagram"),
            Some("embedded-post-lines")
        );
        assert_eq!(
            name("A post shared by the mayor on Tuesday claimed the bridge would reopen."),
            None
        );
        assert_eq!(name("Iklan"), Some("ads"));
        assert_eq!(name("Добавить отзыв"), Some("comment-prompts"));
        assert_eq!(name("댓글 (12)"), Some("comment-prompts"));
        assert_eq!(
            name("Отзывы читателей о книге оказались неожиданно тёплыми."),
            None
        );
        assert_eq!(
            name("Keith Bradsher contributed reporting from Hong Kong."),
            Some("author-bio")
        );
        assert_eq!(
            name(
                "Residents contributed research and photographs to the museum's archive, which opens in May."
            ),
            None
        );
        assert_eq!(
            name(
                "Note: we are temporarily moderating all comments submitted to deal with a surge in spam."
            ),
            Some("comment-policies")
        );
        assert_eq!(
            name("The news and stories that matters, delivered weekday mornings."),
            Some("newsletter-and-paywall")
        );
        assert_eq!(
            name("Facebook said it was moderating comments more strictly after the vote."),
            None
        );
        for line in [
            "Microsoft may earn an Affiliate Commission if you purchase something through recommended links in this article.",
            "Disclosure: ZDNet may earn a commission from some of the products featured on this page.",
            "When you purchase through links on our site, we may earn an affiliate commission.",
            "This post contains affiliate links.",
            "As an Amazon Associate I earn from qualifying purchases.",
            "G/O Media may get a commission",
            "Prices are subject to change. BGR may receive a commission on orders placed through this article.",
            "Just a heads up, some of the links on this site are affiliate links.",
        ] {
            assert_eq!(name(line), Some("disclaimers"), "{line}");
        }
        for teaser in [
            "Sommerzeit ist Urlaubszeit, das lässt sich die Sängerin nicht zweimal sagen. Seht selbst! Weiterlesen",
            "The council met on Tuesday to talk about the bridge. Read more »",
        ] {
            assert_eq!(name(teaser), Some("teaser-links"), "{teaser}");
        }
        assert_eq!(
            name("She said she would read more of his letters before deciding."),
            None
        );
        for prose in [
            "The agent said she would earn a commission of 3 percent on the sale.",
            "Critics say the broker may earn a commission from both sides of the deal.",
        ] {
            assert_eq!(name(prose), None, "{prose}");
        }
        assert_eq!(
            name("The stories were delivered daily by a courier from the capital, she said."),
            None
        );
        assert_eq!(
            name("Sábado, 2 de setembro de 2018 às 14:30"),
            Some("datelines")
        );
        assert_eq!(name("3. Mai 2019, 08:15 Uhr"), Some("datelines"));
        assert_eq!(name("Le 13 juin 2019, la grève a commencé."), None);
        assert_eq!(name("4:14 p.m."), None);
        assert_eq!(
            name("https://example.com/wp-content/uploads/2019/05/hand-cream.jpg"),
            Some("image-addresses")
        );
        assert_eq!(
            name("This article originally appeared on VICE US."),
            Some("disclaimers")
        );
        assert_eq!(
            name(
                "Accueil > Actualités et humeurs > Décisions de l’assemblée générale du mardi 10 septembre"
            ),
            Some("breadcrumb-text")
        );
        assert_eq!(name("Anzeige erstatten will der Verein nicht."), None);
        assert_eq!(name("Auch interessant:"), Some("related-text"));
        assert_eq!(
            name("Das Thema könnte dich auch interessieren:"),
            Some("related-text")
        );
        assert_eq!(name("À ÉCOUTER AUSSI"), Some("related-text"));
        assert_eq!(name("Editors’ Recommendations:"), Some("related-text"));
        assert_eq!(
            name("Durchschnittliche Bewertung: (2 Bewertungen)"),
            Some("ratings-and-counters")
        );
        assert_eq!(
            name("Join 66,707,982 other followers"),
            Some("newsletter-and-paywall")
        );
        assert_eq!(name("Pages: 1 2 3 4"), Some("related-text"));
        assert_eq!(name("See more photos:"), Some("related-text"));
        assert_eq!(
            name("See more photos of the bridge in our gallery on Sunday."),
            None
        );
        assert_eq!(name("Pages 12 and 13 of the report list the costs."), None);
        assert_eq!(
            name("Выделите текст и нажмите Ctrl+Enter, чтобы сообщить об ошибке."),
            Some("ratings-and-counters")
        );
        assert_eq!(
            name(
                "ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário não serão aprovados pelo moderador."
            ),
            Some("comment-policies")
        );
        assert_eq!(
            name(
                "We welcome a lively discussion in the comments, but please read our community guidelines before you post."
            ),
            Some("comment-policies")
        );
        assert_eq!(
            name(
                "ترحب الصحيفة بالنقاش الحيوي والمفيد، وننصحك بمراجعة إرشادات الاستخدام قبل نشر التعليقات."
            ),
            Some("comment-policies")
        );
        assert_eq!(
            name("Comments from the mayor will be published in the council's minutes next week."),
            None
        );
        assert_eq!(
            name(
                "We welcome the council's decision, the harbour master said, and the new rules for ferries."
            ),
            None
        );
        assert_eq!(
            name(
                "If you enjoyed this article, we have a proposition for you: Join our members' club. Members get every story, no paywalls and an advertising-minimal experience."
            ),
            Some("support-pitches")
        );
        assert_eq!(
            name(
                "If you value our journalism, please consider supporting us with a small monthly donation."
            ),
            Some("support-pitches")
        );
        assert_eq!(
            name("If you enjoyed the concert, the band said, you will love the new album."),
            None
        );
        assert_eq!(name("Updated 3:45 p.m. ET"), Some("datelines"));
        assert_eq!(name("Published: Monday"), Some("datelines"));
        assert_eq!(name("Posted on Jan. 5"), Some("datelines"));
        assert_eq!(
            name("Posted on Oktober 27, 2015 by Admin"),
            Some("datelines")
        );
        assert_eq!(name("发布时间：2019-09-07 13:43:45"), Some("datelines"));
        assert_eq!(name("Time to act on the harbour"), None);
        assert_eq!(name("Date night is back at the pier cinema."), None);
        assert_eq!(name("时间过得真快，转眼又是一年。"), None);
        assert_eq!(name("2019-09-07 13:43 来源：新华网"), Some("datelines"));
        assert_eq!(
            name("·港口大桥开工 (2005-04-27 18:03PM)"),
            Some("datelines")
        );
        // The date and place of a talk or meeting, in brackets under its title.
        assert_eq!(name("（2004年12月11－12日，南开大学）"), None);
        assert_eq!(name("打印 关闭 收藏"), Some("share"));
        assert_eq!(name("【打印】【关闭】"), Some("share"));
        assert_eq!(name("字号：大 中 小"), Some("share"));
        assert_eq!(name("打印机的出货量今年下降了三成。"), None);
        assert_eq!(name("收藏家李先生捐出了全部藏品。"), None);
        assert_eq!(
            name("第1页/共3页 << 上一页 | 下一页 >>"),
            Some("related-text")
        );
        assert_eq!(
            name("杨先生怎么也想不明白，女儿为何被认定为有防卫能力...... [全文]"),
            Some("related-text")
        );
        assert_eq!(name("【编辑:刘欢】 返回搜狐，查看更多"), None);
        assert_eq!(name("查看更多"), Some("related-text"));
        assert_eq!(
            name("Kommentarfeed | Kommentare geschlossen | Trackback-URL"),
            Some("comment-prompts")
        );
        assert_eq!(name("3 Kommentare"), Some("comment-prompts"));
        assert_eq!(name("Laisser un commentaire"), Some("comment-prompts"));
        assert_eq!(
            name("We want to hear from you. Share your thoughts in the comments below."),
            Some("comment-prompts")
        );
        assert_eq!(
            name("Let us know in the comments!"),
            Some("comment-prompts")
        );
        assert_eq!(
            name("Have a news tip? Email us at tips@valleytimes.com."),
            Some("tip-prompts")
        );
        assert_eq!(
            name("Send us your tips: tips@paper.com"),
            Some("tip-prompts")
        );
        assert_eq!(
            name("Police said they had a tip from a neighbour about the car."),
            None
        );
        assert_eq!(name("Have a tipple before dinner, the chef said."), None);
        assert_eq!(
            name("原标题：江城新大桥正式获批 明年春天开工"),
            Some("story-marks")
        );
        assert_eq!(name("（完）"), Some("story-marks"));
        assert_eq!(name("(END)"), Some("story-marks"));
        assert_eq!(name("【纠错】"), Some("story-marks"));
        assert_eq!(name("点击进入专题：江城城市建设"), Some("related-text"));
        assert_eq!(
            name("课文来自《读者》1995年第2期，原标题为《宇航员之死》。"),
            None
        );
        assert_eq!(name("（完）工程将在明年春天开工。"), None);
        assert_eq!(name("Weiterführender Link"), Some("related-text"));
        assert_eq!(
            name("Kommentare geben die Meinung der Leser wieder, sagte der Verleger."),
            None
        );
        assert_eq!(name("评论(12)"), Some("comment-prompts"));
        assert_eq!(name("我要评论"), Some("comment-prompts"));
        assert_eq!(
            name("评论人：张三（南开大学经济学院）李四（北京大学）"),
            None
        );
        assert_eq!(name("评论员指出，这项政策将在明年全面推开。"), None);
        assert_eq!(name("Twitter: @harbourgazette"), Some("share"));
        assert_eq!(name("LINE ไอดี = @harbour"), Some("share"));
        assert_eq!(name("เฟซบุ๊ก https://fb.me/harbour"), Some("share"));
        assert_eq!(
            name("Twitter said on Tuesday that it would change its rules."),
            None
        );
        // ... and prose about them stays.
        assert_eq!(
            name("To send the message, press Ctrl+Enter or click the button."),
            None
        );
        assert_eq!(
            name("The video was viewed 3 million times in its first week."),
            None
        );
        assert_eq!(
            name("Visto desde el puerto, el ferri parece más pequeño de lo que es."),
            None
        );
    }

    #[test]
    fn selector_keys() {
        assert!(matches!(selector_key("div.share-bar"), Key::Class(k) if k == "share-bar"));
        assert!(matches!(selector_key("#nav"), Key::Id(k) if k == "nav"));
        assert!(matches!(selector_key("article aside"), Key::Tag(k) if k == "aside"));
        assert!(matches!(selector_key("[aria-hidden=true]"), Key::Attr(k) if k == "aria-hidden"));
        assert!(matches!(selector_key("div:not(.x)"), Key::Tag(k) if k == "div"));
        assert!(matches!(selector_key(":not(.x)"), Key::Any));
        assert_eq!(
            split_selector_list("a, b[x=','] , c:is(d,e)"),
            vec!["a", "b[x=',']", "c:is(d,e)"]
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let bad = |t: &str| {
            Rules::from_sources(&[("my.toml".into(), t.into())])
                .err()
                .unwrap()
        };
        let e = bad("[[drop]]\nname = \"x\"\nselect = [\"div[\"]\n");
        assert_eq!((e.file.as_str(), e.line), ("my.toml", 3));
        assert!(e.message.contains("invalid selector"), "{e}");
        let e = bad("\n[[drop]]\nname = \"x\"\ntext = [\"(\"]\n");
        assert_eq!(e.line, 4);
        assert!(e.message.contains("invalid regex"), "{e}");
        let e = bad("[[drop]]\nname = \"x\"\nbogus = 1\n");
        assert_eq!(e.line, 3);
        assert!(e.message.contains("unknown field"), "{e}");
        let e = bad("[[drop]]\nname = 5\n");
        assert_eq!(e.line, 2);
        let e = bad("[[credit]]\nrole = \"boss\"\nlabels = [\"Boss\"]\n");
        assert!(e.message.contains("unknown role"), "{e}");
        let e = bad("disable = [\"no-such-rule\"]\n");
        assert!(e.message.contains("no-such-rule"), "{e}");
    }

    #[test]
    fn word_boundaries_in_the_builtin_rules_sit_by_ascii_letters() {
        // `\b` is compiled as an ASCII boundary: by a Cyrillic or Arabic
        // letter it never matches, and the rule silently misses.
        assert_eq!(boundary_neighbours(r"^ab\b"), vec!['b']);
        assert_eq!(boundary_neighbours(r"(select|ошибку)\b"), vec!['у', 't']);
        assert_eq!(boundary_neighbours(r"\b(сообщить|report)"), vec!['с', 'r']);
        let f: RulesFile = toml::from_str(BUILTIN).expect("builtin parses");
        for d in &f.drop {
            for p in &d.text {
                for ch in boundary_neighbours(p.get_ref()) {
                    assert!(
                        ch.is_ascii() || !ch.is_alphabetic(),
                        "rule {}: \\b next to {ch:?} in {}",
                        d.name.get_ref(),
                        p.get_ref()
                    );
                }
            }
        }
    }

    #[test]
    fn user_rules_override_and_disable() {
        let base = Rules::builtin();
        let first = base.info[0].name.clone();
        let user = format!(
            "disable = [{first:?}]\n[[drop]]\nname = \"mine\"\ntext = [\"^Brought to you by our friends$\"]\n"
        );
        let r = Rules::from_sources(&[("u.toml".into(), user)]).unwrap();
        assert!(r.info.iter().all(|i| i.name != first));
        let mine = r.info.iter().position(|i| i.name == "mine").unwrap();
        assert_eq!(r.drop_text("Brought to you by our friends"), Some(mine));
    }
}
