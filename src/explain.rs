//! `copydesk explain`: why each block was kept or dropped, which container
//! was chosen as the body (with its score and the runners-up), and which site
//! rules applied. Rules are named as in the rules files, so that a user can
//! go from a missing paragraph to the rule that removed it.

use serde::Serialize;

use crate::body::Verdict;
use crate::clean::Dropped;
use crate::{Analysis, Rules};

#[derive(Debug, Serialize)]
pub struct Explanation {
    /// The page's address as used to find site rules, and its host.
    pub url: Option<String>,
    pub host: Option<String>,
    /// Site rules that apply to the page, most specific first.
    pub site_rules: Vec<RuleRef>,
    /// General rules the site rules switch off on this page.
    pub disabled: Vec<String>,
    /// The body: its container(s), and what chose them.
    pub body: Vec<Candidate>,
    /// "scoring", or the site rule that names the body.
    pub body_chosen_by: String,
    pub runners_up: Vec<Candidate>,
    /// Where headline, date and author came from, when a site rule set them.
    pub overrides: Vec<Override>,
    /// Every block of text on the page, in order, with what became of it.
    pub blocks: Vec<BlockReport>,
}

#[derive(Debug, Serialize)]
pub struct RuleRef {
    pub name: String,
    pub file: String,
}

#[derive(Debug, Serialize)]
pub struct Override {
    /// "headline", "date" or "author".
    pub field: &'static str,
    pub rule: RuleRef,
}

#[derive(Debug, Serialize)]
pub struct Candidate {
    /// A short CSS-like description: tag#id.class
    pub element: String,
    pub score: Option<f32>,
}

#[derive(Debug, Serialize)]
pub struct BlockReport {
    /// "kept", or "dropped".
    pub status: &'static str,
    /// The rule or heuristic that decided, in words.
    pub reason: String,
    /// The name of the rule that dropped it (as in the rules file), or of the
    /// heuristic ("outside-body", "link-heavy", "duplicate", "headline",
    /// "credit-line", "not-an-article").
    pub rule: Option<String>,
    /// The rule's group ("ads", "share", "site"...) and file.
    pub group: Option<String>,
    pub file: Option<String>,
    /// For an element removed by a rule: the element, as tag#id.class.
    pub element: Option<String>,
    pub text: String,
}

fn describe(a: &Analysis, i: usize) -> String {
    let Some(el) = a.dom.element(i) else {
        return "?".into();
    };
    let e = el.value();
    let mut s = e.name().to_string();
    if let Some(id) = e.id() {
        s.push('#');
        s.push_str(id);
    }
    for c in e.classes().take(4) {
        s.push('.');
        s.push_str(c);
    }
    s
}

fn rule_ref(rules: &Rules, r: usize) -> RuleRef {
    match rules.info.get(r) {
        Some(i) => RuleRef {
            name: i.name.clone(),
            file: i.file.clone(),
        },
        None => RuleRef {
            name: format!("#{r}"),
            file: "?".into(),
        },
    }
}

pub fn explain(a: &Analysis, rules: &Rules) -> Explanation {
    let score_of = |k: usize, i: usize| {
        a.choice
            .scores
            .get(k)
            .copied()
            .flatten()
            .or_else(|| a.choice.ranking.iter().find(|r| r.0 == i).map(|r| r.1))
    };
    let body = a
        .choice
        .containers
        .iter()
        .enumerate()
        .map(|(k, &i)| Candidate {
            element: describe(a, i),
            score: score_of(k, i),
        })
        .collect();
    let runners_up = a
        .choice
        .ranking
        .iter()
        .filter(|r| !a.choice.containers.contains(&r.0))
        .map(|&(i, s)| Candidate {
            element: describe(a, i),
            score: Some(s),
        })
        .collect();
    let body_chosen_by = match a.site.body {
        Some(r) => format!("site rule {}", rules.info.get(r).map_or("?", |i| &i.name)),
        None if a.choice.by_description => "the page's description (it opens this story)".into(),
        None => "scoring".into(),
    };
    let mut overrides = Vec::new();
    for (field, r) in [
        ("headline", a.site.headline),
        ("date", a.site.date),
        ("author", a.site.author),
    ] {
        if let Some(r) = r {
            overrides.push(Override {
                field,
                rule: rule_ref(rules, r),
            });
        }
    }

    let mut blocks = Vec::new();
    let verdict_of = |bi: usize| a.verdicts.iter().find(|v| v.0 == bi).map(|v| &v.1);
    // Elements removed by rules, reported once each at their place in the
    // page, between the blocks around them.
    let mut i = 0;
    let mut next_block = 0;
    let n = a.dom.items.len();
    while i < n {
        while next_block < a.blocks.len() && a.blocks[next_block].owner < i {
            blocks.push(report_block(a, rules, next_block, verdict_of(next_block)));
            next_block += 1;
        }
        if let Some(Dropped::Rule(r)) = a.cleaned.dropped[i] {
            let t = a.dom.text_of(i);
            if !t.is_empty() {
                let el = describe(a, i);
                let info = rules.info.get(r);
                blocks.push(BlockReport {
                    status: "dropped",
                    reason: format!("{} removed <{el}>", rule_words(rules, r)),
                    rule: info.map(|i| i.name.clone()),
                    group: info.and_then(|i| i.group.clone()),
                    file: info.map(|i| i.file.clone()),
                    element: Some(el),
                    text: t,
                });
            }
            i = a.dom.items[i].end as usize;
            continue;
        }
        i += 1;
    }
    while next_block < a.blocks.len() {
        blocks.push(report_block(a, rules, next_block, verdict_of(next_block)));
        next_block += 1;
    }
    Explanation {
        url: a.site.url.clone(),
        host: a.site.host.clone(),
        site_rules: a.site.rules.iter().map(|&r| rule_ref(rules, r)).collect(),
        disabled: a.site.disabled.clone(),
        body,
        body_chosen_by,
        runners_up,
        overrides,
        blocks,
    }
}

fn rule_words(rules: &Rules, r: usize) -> String {
    match rules.info.get(r) {
        Some(i) => format!("rule {} ({})", i.name, i.file),
        None => format!("rule #{r}"),
    }
}

fn report_block(a: &Analysis, rules: &Rules, bi: usize, v: Option<&Verdict>) -> BlockReport {
    let b = &a.blocks[bi];
    let heuristic = |name: &str, words: &str| {
        (
            "dropped",
            format!("heuristic {name} ({words})"),
            Some(name.to_string()),
        )
    };
    let (status, reason, rule) = match v {
        None => heuristic("outside-body", "not in the body container"),
        Some(Verdict::Keep) if a.article.paragraphs.is_empty() => {
            heuristic("not-an-article", "too little prose")
        }
        Some(Verdict::Keep) => ("kept", "in the body".to_string(), None),
        Some(Verdict::Rule(r)) => (
            "dropped",
            rule_words(rules, *r),
            rules.info.get(*r).map(|i| i.name.clone()),
        ),
        Some(Verdict::Credit) => heuristic("credit-line", "moved to credits"),
        Some(Verdict::LinkHeavy) => heuristic("link-heavy", "over half its text is links"),
        Some(Verdict::Headline) => heuristic("headline", "repeats the headline"),
        Some(Verdict::Duplicate) => heuristic("duplicate", "repeats another block"),
        Some(Verdict::EmptySection) => heuristic(
            "empty-section",
            "a heading or label over nothing that was kept",
        ),
        Some(Verdict::Standfirst) => heuristic(
            "standfirst",
            "a heading under the headline repeating the page's description",
        ),
        Some(Verdict::Teaser) => heuristic(
            "teaser",
            "under a link headline, in a list of other stories after the story",
        ),
        Some(Verdict::Kicker) => heuristic("kicker", "a short label over the headline"),
        Some(Verdict::Caption) => heuristic("caption", "a short centred line under a picture"),
        Some(Verdict::RelatedList) => heuristic(
            "related-list",
            "an item of a list under a 'Related' or 'Key points' label",
        ),
        Some(Verdict::AuthorBio) => heuristic("author-bio", "the last paragraph, about the writer"),
    };
    let info = match v {
        Some(Verdict::Rule(r)) => rules.info.get(*r),
        _ => None,
    };
    BlockReport {
        status,
        reason,
        rule,
        group: info.and_then(|i| i.group.clone()),
        file: info.map(|i| i.file.clone()),
        element: None,
        text: b.text.clone(),
    }
}

impl Explanation {
    /// A report for a terminal.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let fmt = |c: &Candidate| match c.score {
            Some(x) => format!("{} (score {x:.1})", c.element),
            None => c.element.clone(),
        };
        if let Some(u) = &self.url {
            s.push_str(&format!("url: {u}\n"));
        }
        for r in &self.site_rules {
            s.push_str(&format!("site rule: {} ({})\n", r.name, r.file));
        }
        if !self.disabled.is_empty() {
            s.push_str(&format!(
                "rules switched off here: {}\n",
                self.disabled.join(", ")
            ));
        }
        s.push_str("body: ");
        if self.body.is_empty() {
            s.push_str("(none found)");
        }
        s.push_str(&self.body.iter().map(fmt).collect::<Vec<_>>().join(" + "));
        s.push_str(&format!("  [chosen by {}]\n", self.body_chosen_by));
        for r in &self.runners_up {
            s.push_str(&format!("  runner-up: {}\n", fmt(r)));
        }
        for o in &self.overrides {
            s.push_str(&format!(
                "{} from site rule {} ({})\n",
                o.field, o.rule.name, o.rule.file
            ));
        }
        s.push('\n');
        for b in &self.blocks {
            let mut t: String = b.text.chars().take(100).collect();
            if b.text.chars().count() > 100 {
                t.push('…');
            }
            let mark = if b.status == "kept" { "KEEP" } else { "DROP" };
            s.push_str(&format!("{mark} {t}\n     {}\n", b.reason));
        }
        s
    }
}
