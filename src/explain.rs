//! `copydesk explain`: why each block was kept or dropped, and which
//! container was chosen as the body, with the runners-up.

use serde::Serialize;

use crate::body::Verdict;
use crate::clean::Dropped;
use crate::{Analysis, Rules};

#[derive(Debug, Serialize)]
pub struct Explanation {
    pub body: Vec<Candidate>,
    pub runners_up: Vec<Candidate>,
    /// Every block of text on the page, in order, with what became of it.
    pub blocks: Vec<BlockReport>,
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
    /// The rule or heuristic that decided.
    pub reason: String,
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

pub fn explain(a: &Analysis, rules: &Rules) -> Explanation {
    let score_of = |i: usize| a.choice.ranking.iter().find(|r| r.0 == i).map(|r| r.1);
    let body = a
        .choice
        .containers
        .iter()
        .map(|&i| Candidate {
            element: describe(a, i),
            score: score_of(i),
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
    let rule_name = |r: usize| {
        let info = &rules.info[r];
        format!("rule {} ({})", info.name, info.file)
    };
    let mut blocks = Vec::new();
    // Blocks inside the body, with their verdicts.
    let verdict_of = |bi: usize| a.verdicts.iter().find(|v| v.0 == bi).map(|v| &v.1);
    // Elements removed by rules, reported once each at their place in the page.
    let mut i = 0;
    let mut next_block = 0;
    let n = a.dom.items.len();
    while i < n {
        while next_block < a.blocks.len() && a.blocks[next_block].owner < i {
            blocks.push(report_block(
                a,
                next_block,
                verdict_of(next_block),
                &rule_name,
            ));
            next_block += 1;
        }
        if let Some(Dropped::Rule(r)) = a.cleaned.dropped[i] {
            let t = a.dom.text_of(i);
            if !t.is_empty() {
                blocks.push(BlockReport {
                    status: "dropped",
                    reason: format!("{} removed <{}>", rule_name(r), describe(a, i)),
                    text: t,
                });
            }
            i = a.dom.items[i].end as usize;
            continue;
        }
        i += 1;
    }
    while next_block < a.blocks.len() {
        blocks.push(report_block(
            a,
            next_block,
            verdict_of(next_block),
            &rule_name,
        ));
        next_block += 1;
    }
    Explanation {
        body,
        runners_up,
        blocks,
    }
}

fn report_block(
    a: &Analysis,
    bi: usize,
    v: Option<&Verdict>,
    rule_name: &dyn Fn(usize) -> String,
) -> BlockReport {
    let b = &a.blocks[bi];
    let (status, reason) = match v {
        None => ("dropped", "outside the body".to_string()),
        Some(Verdict::Keep) if a.article.paragraphs.is_empty() => (
            "dropped",
            "heuristic not-an-article (too little prose)".into(),
        ),
        Some(Verdict::Keep) => ("kept", "in the body".into()),
        Some(Verdict::Rule(r)) => ("dropped", rule_name(*r)),
        Some(Verdict::Credit) => ("dropped", "credit line (moved to credits)".into()),
        Some(Verdict::LinkHeavy) => (
            "dropped",
            "heuristic link-heavy (over half its text is links)".into(),
        ),
        Some(Verdict::Headline) => ("dropped", "the headline".into()),
        Some(Verdict::Duplicate) => (
            "dropped",
            "heuristic duplicate (repeats another block)".into(),
        ),
    };
    BlockReport {
        status,
        reason,
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
        s.push_str("body: ");
        s.push_str(&self.body.iter().map(fmt).collect::<Vec<_>>().join(" + "));
        s.push('\n');
        for r in &self.runners_up {
            s.push_str(&format!("  runner-up: {}\n", fmt(r)));
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
