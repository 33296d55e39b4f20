//! Credits: who wrote, reported, edited, photographed, translated or supplied
//! the piece. Labels and their roles come from the `[[credit]]` rules; this
//! module finds them in lines of text and cleans the names.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::rules::CreditMatcher;
use crate::text;

/// One credited person or organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Credit {
    /// One of `rules::ROLES`.
    pub role: String,
    /// The name as written, cleaned of labels, dates and contact details.
    pub name: String,
    /// The page's own word for the role ("Text", "责任编辑"), if it gave one.
    pub label: Option<String>,
}

/// Longest line that can be a credit line.
const MAX_LINE: usize = 200;
/// Longest name.
const MAX_NAME: usize = 60;

/// If the whole line is made of credits ("Text: X", "By X and Y",
/// "Column Editor in Chief: A Text Editor: B"), returns them.
pub fn credit_line(line: &str, m: &CreditMatcher) -> Option<Vec<Credit>> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > MAX_LINE {
        return None;
    }
    // What is left of "19.03.2019 | von Inga Buller" once the date has gone,
    // a bullet ("□ 本报记者 葛灵丹"), an error report's link before the
    // credit ("【纠错】 【责任编辑：张三】").
    const LEADS: [char; 14] = [
        '|', '·', '•', '–', '—', '-', '□', '■', '◆', '●', '▲', '★', '►', '▶',
    ];
    let line = ["【纠错】", "[纠错]"]
        .iter()
        .find_map(|m| line.strip_prefix(m))
        .unwrap_or(line)
        .trim_start_matches(LEADS)
        .trim_start();
    let line = strip_brackets(line).trim_start_matches(LEADS).trim_start();
    // A label element glued to a text that repeats it: "By" + "by Jane Doe".
    let line = match line.get(..2) {
        Some(b)
            if b.eq_ignore_ascii_case("by")
                && line
                    .get(2..5)
                    .is_some_and(|x| x.eq_ignore_ascii_case("by ")) =>
        {
            &line[2..]
        }
        _ => line,
    };
    // "By Jane Doe", "记者 张三", "文/李四"
    if let Some(re) = &m.prefixes
        && let Some(c) = re.captures(line)
    {
        let label = prefix_found(&c).as_str();
        let mut rest = &line[c.get(0).expect("match").end()..];
        // "【编辑:刘欢】 返回搜狐": a credit in brackets ends at the closing one.
        if let Some(close) = line.chars().next().and_then(closing_bracket)
            && let Some(i) = rest.find(close)
        {
            rest = &rest[..i];
        }
        // The rest may itself hold labelled credits: "By X Editor: Y".
        // The rest may itself hold more credits: "By X Editor: Y", "记者 X 通讯员 Y".
        // (A Chinese label may be glued to the name: "来源：周刊作者：孔维嘉".)
        let next = [
            m.labels.as_ref(),
            m.inner_prefixes.as_ref(),
            m.han_labels.as_ref(),
        ]
        .into_iter()
        .flatten()
        .filter_map(|re| re.find(rest).map(|f| f.start()))
        .min()
        .unwrap_or(rest.len());
        let role = m.role_of(label)?.to_string();
        if papers_reporter(&role, &rest[..next], &rest[next..]) {
            return credit_line(&rest[next..], m);
        }
        let mut out = names(&rest[..next], &role, label);
        if out.is_empty() {
            return None;
        }
        if next < rest.len() {
            out.extend(credit_line(&rest[next..], m)?);
        }
        return Some(out);
    }
    match labelled(line, m, true) {
        Some(found) if !found.is_empty() => Some(found),
        // A dateline opening the byline: "19.03.2019 | von Inga Buller"
        // (looked for only where a prefix or a label follows a space).
        _ if [
            m.later_prefixes.as_ref(),
            m.labels.as_ref(),
            m.han_labels.as_ref(),
        ]
        .into_iter()
        .flatten()
        .any(|re| re.is_match(line)) =>
        {
            crate::date::after_leading(line)
                .filter(|rest| rest.len() < line.len())
                .and_then(|rest| credit_line(rest, m))
        }
        _ => None,
    }
}

/// Credits given with labels anywhere in a line ("Tech 2023-10-20 Source: Network").
pub fn credits_in(line: &str, m: &CreditMatcher) -> Vec<Credit> {
    if line.chars().count() > MAX_LINE {
        return Vec::new();
    }
    labelled(line, m, false).unwrap_or_default()
}

/// Splits `line` at its labels. With `whole`, the line must start with a
/// label and every name must look like a name.
fn labelled(line: &str, m: &CreditMatcher, whole: bool) -> Option<Vec<Credit>> {
    let re = m.labels.as_ref()?;
    let mut found: Vec<(usize, usize, &str)> = Vec::new(); // label start, name start, label
    for c in re.captures_iter(line) {
        let g = c.get(1).expect("group 1");
        found.push((g.start(), c.get(0).expect("match").end(), g.as_str()));
    }
    // A Chinese label glued to the name or the time before it, as adjacent
    // spans write them: "作者：郑佳怡责任编辑：钟晓", "10:06:18来源：周刊".
    if let Some(han) = &m.han_labels {
        for c in han.captures_iter(line) {
            let g = c.get(1).expect("group 1");
            let end = c.get(0).expect("match").end();
            let after_han = line[..g.start()]
                .chars()
                .next_back()
                .is_some_and(|c| crate::text::is_cjk(c) || c.is_ascii_digit());
            if after_han && !found.iter().any(|f| f.0 < end && g.start() < f.1) {
                found.push((g.start(), end, g.as_str()));
            }
        }
        found.sort_by_key(|f| f.0);
    }
    let first = found.first()?;
    if whole && !line[..first.0].trim().is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for (k, &(label_start, name_start, label)) in found.iter().enumerate() {
        let mut name_end = found.get(k + 1).map_or(line.len(), |n| n.0);
        // "【编辑:刘欢】 返回搜狐": a credit in brackets ends at the closing one.
        if let Some(open) = line[..label_start].trim_end().chars().next_back()
            && let Some(close) = closing_bracket(open)
            && let Some(i) = line[name_start..name_end].find(close)
        {
            name_end = name_start + i;
        }
        let raw = &line[name_start..name_end];
        let role = m.role_of(label)?.to_string();
        // "Author: Published by Pudong": a name that starts with a prefix is re-labelled.
        if let Some(pre) = &m.prefixes
            && let Some(c) = pre.captures(raw.trim())
        {
            let l2 = prefix_found(&c).as_str();
            if let Some(r2) = m.role_of(l2) {
                let rest = &raw.trim()[c.get(0).expect("match").end()..];
                out.extend(names(rest, r2, l2));
                continue;
            }
        }
        // "来源：晨报 记者 李明": a prefix inside the name starts another credit.
        if let Some(inner) = &m.inner_prefixes
            && let Some(c) = inner.captures(raw)
            && let Some(rest) = credit_line(&raw[c.get(1).expect("group 1").start()..], m)
        {
            let head = &raw[..c.get(0).expect("match").start()];
            let at = c.get(1).expect("group 1").start();
            let got = if papers_reporter(&role, head, &raw[at..]) {
                Vec::new()
            } else {
                names(head, &role, label)
            };
            if whole && got.is_empty() && !head.trim().is_empty() {
                return None;
            }
            out.extend(got);
            out.extend(rest);
            continue;
        }
        if found
            .get(k + 1)
            .is_some_and(|n| papers_reporter(&role, raw, &line[n.0..]))
        {
            continue;
        }
        let got = names(raw, &role, label);
        let placeholder = PLACEHOLDERS.contains(&raw.trim().to_lowercase().as_str());
        if whole && got.is_empty() && !raw.trim().is_empty() && !placeholder {
            return None;
        }
        out.extend(got);
    }
    Some(out)
}

/// "文｜财新 记者 王小明": the word between a writer's label and a
/// reporter's (`head`, before `rest`) is the reporter's paper, no writer,
/// unless it reads as a person's name ("文/张三 通讯员 李四").
fn papers_reporter(role: &str, head: &str, rest: &str) -> bool {
    let head = head.trim_matches([' ', '\u{3000}']);
    let rest = rest.trim_start_matches([' ', '\u{3000}']);
    role == "author"
        && ["记者", "記者", "特约记者", "实习记者", "通讯员"]
            .iter()
            .any(|l| rest.starts_with(l))
        && (1..=6).contains(&head.chars().count())
        && head.chars().all(text::is_cjk)
        && !is_chinese_personal_name(head)
}

/// The prefix a match of `CreditMatcher::prefixes` found: its first group
/// that took part (spaced prefixes, then glued ones).
fn prefix_found<'h>(c: &regex::Captures<'h>) -> regex::Match<'h> {
    c.iter()
        .skip(1)
        .flatten()
        .next()
        .expect("one prefix group takes part in a match")
}

fn closing_bracket(open: char) -> Option<char> {
    match open {
        '(' => Some(')'),
        '（' => Some('）'),
        '[' => Some(']'),
        '【' => Some('】'),
        '［' => Some('］'),
        '〔' => Some('〕'),
        _ => None,
    }
}

/// A block of the body that is a credit line and nothing else: labelled
/// credits (`credit_line`), a Chinese reporters' line ("新京报记者 彭冲
/// 山东冠县报道"), or a label with an empty name ("责任编辑：", no one).
pub fn credit_block(line: &str, m: &CreditMatcher) -> Option<Vec<Credit>> {
    credit_line(line, m)
        .or_else(|| reporter_line(line).then(|| reporter_mentions(line)))
        .or_else(|| korean_reporter_line(line).then(|| korean_reporters(line)))
        .or_else(|| bare_label(line, m).then(Vec::new))
}

/// What templates write where a name should be.
const PLACEHOLDERS: [&str; 8] = [
    "admin",
    "administrator",
    "管理员",
    "佚名",
    "匿名",
    "未知",
    "unknown",
    "none",
];

/// Is the line only credit labels with nothing after them ("责任编辑：", a
/// template whose name field is empty), or with a placeholder for a name
/// ("文章录入：admin 责任编辑：admin", an old CMS's footer)?
fn bare_label(line: &str, m: &CreditMatcher) -> bool {
    // Labels are short: a longer line is not one (and is not searched).
    if line.len() > 100 {
        return false;
    }
    let line = strip_brackets(line);
    let Some(re) = &m.labels else {
        return false;
    };
    let mut at = 0;
    let mut labels = 0;
    for f in re.find_iter(line) {
        let between = line[at..f.start()].trim();
        if !(between.is_empty()
            || labels > 0 && PLACEHOLDERS.contains(&between.to_lowercase().as_str()))
        {
            return false;
        }
        at = f.end();
        labels += 1;
    }
    let last = line[at..].trim();
    labels > 0 && (last.is_empty() || PLACEHOLDERS.contains(&last.to_lowercase().as_str()))
}

/// Is the whole line a Chinese reporters' credit, "新京报记者 彭冲 山东冠县报道",
/// "本报记者 张三 李四", "（记者 王五）", "记者 X 通讯员 Y"? The names are
/// then `reporter_mentions` of it.
fn reporter_line(line: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[（(【\[]?\p{Han}{0,8}?(?:记者|記者|通讯员|通訊員)(?:[ \t\u{3000}]*[\p{Han}·]{2,4}(?:[ \t\u{3000}、，,]+[\p{Han}·]{2,4}){0,4}[ \t\u{3000}]*(?:通讯员|通訊員|记者|記者)?)+(?:[ \t\u{3000}]*\p{Han}{0,8}(?:报道|報道|电|電)|[ \t\u{3000}]*发自\p{Han}{2,8}|[ \t\u{3000}]*摄影?)?[）)】\]]?$")
            .expect("valid regex")
    });
    let line = line.trim();
    line.len() <= 180
        && line.chars().count() <= 60
        && RE.is_match(line)
        && !reporter_mentions(line).is_empty()
}

fn strip_brackets(s: &str) -> &str {
    let t = s.trim();
    let mut chars = t.chars();
    match chars.next().and_then(closing_bracket) {
        Some(close) => chars.as_str().strip_suffix(close).map_or(t, str::trim),
        None => t,
    }
}

/// Splits a run of names and cleans each.
fn names(raw: &str, role: &str, label: &str) -> Vec<Credit> {
    let person = !matches!(role, "source" | "publisher");
    let mut parts: Vec<String> = Vec::new();
    let mut outlets: Vec<String> = Vec::new();
    let cleaned = clean_name(raw);
    if cleaned.is_empty() {
        return Vec::new();
    }
    // A Japanese label: a space parts a family name from a given name
    // ("翻訳者 中村 真子" is one translator), not one person from another.
    let japanese = label.contains(|c: char| ('\u{3040}'..='\u{30ff}').contains(&c))
        || [
            "翻訳者",
            "翻訳",
            "編集委員",
            "論説委員",
            "専門記者",
            "執筆",
            "筆者",
            "著者",
        ]
        .contains(&label.trim().trim_end_matches([':', '：']).trim());
    let one_japanese_name = japanese && {
        let words: Vec<&str> = cleaned.split_whitespace().collect();
        words.len() == 2
            && words
                .iter()
                .all(|w| w.chars().count() <= 3 && w.chars().all(crate::text::is_cjk))
    };
    if one_japanese_name {
        parts.push(cleaned.clone());
    } else if person {
        // Where each reporter filed from: "Reporting by Ana Reis in Sao
        // Paulo and Tom Wren in New York".
        static FILED_IN: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\s+in\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}(\s+and\s+|\s*[,;]\s*|\s*$)")
                .expect("valid regex")
        });
        let cleaned = FILED_IN.replace_all(&cleaned, "$1");
        for (k, p) in split_names(&cleaned).into_iter().enumerate() {
            // After the name, a place of work and its town ("Steffen Pache,
            // Sächsische Landesanstalt für Landwirtschaft, Köllitsch"): a
            // part with a common lowercase word ends the names.
            if k > 0 && is_affiliation(&p) {
                break;
            }
            // A wire's name glued to the last name, with no comma: "By Jane
            // Doe and Tom Roe Associated Press". It is the source, as the
            // comma's is ("By Jane Doe, The Associated Press").
            if let Some((name, wire)) = WIRES.iter().find_map(|w| {
                let name = p.strip_suffix(w)?.strip_suffix(' ')?;
                (name.split_whitespace().count() >= 2).then_some((name, w))
            }) {
                parts.push(name.to_string());
                outlets.push(wire.to_string());
                continue;
            }
            // A newsroom after the names ("By Jane Doe, The Associated
            // Press", "By Derek Osei, Lakeview Gazette") is the source.
            if k > 0 && is_newsroom(&p) {
                outlets.push(p);
                continue;
            }
            parts.push(p);
        }
    } else {
        // A Chinese source's name ends at a space: what follows is the next
        // element's ("澎湃新闻 浙江 举报": the poster's region, a report link).
        match cleaned.split_once(' ') {
            Some((first, _)) if first.chars().count() >= 2 && first.chars().all(text::is_cjk) => {
                parts.push(first.to_string())
            }
            _ => parts.push(cleaned),
        }
    }
    let mut out: Vec<Credit> = parts
        .into_iter()
        .filter(|p| looks_like_name(p, person))
        .map(|name| Credit {
            // "来源：尹娟": a source that is a person is the writer.
            role: if role == "source" && is_chinese_personal_name(&name) {
                "author".to_string()
            } else {
                role.to_string()
            },
            name,
            label: Some(label.trim().to_string()),
        })
        .collect();
    if !out.is_empty() {
        out.extend(outlets.into_iter().map(|name| Credit {
            role: "source".to_string(),
            name,
            label: Some(label.trim().to_string()),
        }));
    }
    out
}

/// Does a byline's part after the names name a newsroom: a wire, a name
/// opening with "The", or one ending in a newspaper's word (Gazette,
/// Times, Herald, Report, USA TODAY...)?
fn is_newsroom(part: &str) -> bool {
    const NOUNS: &[&str] = &[
        "gazette",
        "times",
        "herald",
        "tribune",
        "news",
        "journal",
        "chronicle",
        "report",
        "today",
        "press",
        "wire",
        "daily",
        "observer",
        "guardian",
        "telegraph",
        "courier",
        "examiner",
        "register",
        "bulletin",
        "sentinel",
        "dispatch",
        "express",
        "magazine",
        "weekly",
        "radio",
        "tv",
        "network",
        "media",
        "newsroom",
        "agency",
        "online",
        "service",
    ];
    let p = part.trim();
    let words: Vec<&str> = p.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if words.is_empty() || !words.iter().all(|w| capital(w)) {
        return false;
    }
    WIRES.contains(&p)
        || is_organisation(p)
        || words.len() >= 2 && words[0] == "The"
        || words.len() >= 2
            && words
                .last()
                .is_some_and(|w| NOUNS.contains(&w.to_lowercase().as_str()))
}

/// News agencies whose name a wire story's byline ends with.
const WIRES: &[&str] = &[
    "The Associated Press",
    "Associated Press",
    "ASSOCIATED PRESS",
    "Reuters",
    "REUTERS",
    "Agence France-Presse",
    "AFP",
    "Bloomberg News",
    "Bloomberg",
];

/// Does a part of a byline name a place of work rather than a person: a
/// lowercase word that is no name particle ("University of Leipzig",
/// "Landesanstalt für Landwirtschaft"; not "Ludwig van Beethoven")?
fn is_affiliation(part: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "le",
        "la", "bin", "ibn", "al", "el", "zu", "ter", "ten", "y", "e",
    ];
    let words: Vec<&str> = part.split_whitespace().collect();
    words.len() >= 2
        && words.iter().skip(1).any(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && w.chars().all(char::is_alphabetic)
                && !PARTICLES.contains(w)
        })
}

/// A Chinese person's name: two or three Han characters, the first a common
/// surname, and no newsroom's ending (网, 报, 社, 台...): "尹娟", "王建国",
/// but not "新浪", "金羊网" or "央视".
pub fn is_chinese_personal_name(name: &str) -> bool {
    const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    const ORG_ENDINGS: &str = "网报社台站刊界圈号局部委办会院所处厅府团司店馆频道";
    let chars: Vec<char> = name.chars().collect();
    (2..=3).contains(&chars.len())
        && chars.iter().all(|&c| text::is_cjk(c))
        && SURNAMES.contains(chars[0])
        && !ORG_ENDINGS.contains(chars[chars.len() - 1])
}

fn split_names(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in s.split([',', '，', '、', ';', '；', '&', '/', '|', '｜']) {
        for p in split_and(part) {
            let p = p.trim();
            if p.is_empty() {
                continue;
            }
            // Chinese names separated by spaces: "张三 李四".
            if p.chars().all(|c| text::is_cjk(c) || c == ' ' || c == '·') && p.contains(' ') {
                out.extend(p.split(' ').filter(|x| !x.is_empty()).map(str::to_string));
            } else {
                out.push(p.to_string());
            }
        }
    }
    out
}

/// Two names that adjacent links glue together, "Paul WisemanFatima
/// Hussein", parted by an "and": a lowercase run of three letters or more
/// straight before a capital, with two words or more on each side ("Kevin
/// McDonald", "LeBron James" and "Jane FitzGerald" stay whole).
fn unglue_names(s: &str) -> String {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for k in 3..chars.len() {
        let (at, c) = chars[k];
        if !c.is_uppercase() || !chars[k - 3..k].iter().all(|(_, x)| x.is_lowercase()) {
            continue;
        }
        let (left, right) = (&s[..at], &s[at..]);
        let words = |t: &str| {
            t.split([',', ';'])
                .next()
                .unwrap_or("")
                .split_whitespace()
                .count()
        };
        let left_words = left
            .rsplit([',', ';'])
            .next()
            .unwrap_or("")
            .split_whitespace()
            .count();
        if left_words >= 2 && words(right) >= 2 {
            return format!("{left} and {}", unglue_names(right));
        }
    }
    s.to_string()
}

/// The people of one author field: "Jenny Smith and John Smith" (or "und",
/// "&") is two when each side is a name of two words or more; "Prince and
/// the Revolution" and "Simon & Schuster" stay one. Commas split only
/// beside an "and" ("Jane Doe, Staff Writer" is one).
pub fn split_people(s: &str) -> Vec<String> {
    let unglued = unglue_names(s);
    let s = unglued.as_str();
    let parts: Vec<&str> = s.split('&').flat_map(split_and).collect();
    if parts.len() < 2 {
        return vec![s.to_string()];
    }
    // With an "and", commas part names too: "Meg Kinnard and Errin Haines,
    // Associated Press".
    let parts: Vec<&str> = parts
        .into_iter()
        .flat_map(|p| p.split([',', '，']))
        .map(str::trim)
        .collect();
    let people = parts.len() > 1
        && parts.iter().all(|p| {
            let p = clean_name(p);
            p.split_whitespace().count() >= 2 && looks_like_name(&p, true)
        });
    if people {
        parts.into_iter().map(str::to_string).collect()
    } else {
        vec![s.to_string()]
    }
}

fn split_and(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let lower = rest.to_ascii_lowercase();
        // (English, German, French, Spanish, Dutch, Italian and Portuguese,
        // the Nordic languages, Russian, Ukrainian, Turkish, Greek.)
        let cut = [
            " and ", " und ", " et ", " y ", " en ", " e ", " og ", " och ", " и ", " та ", " ve ",
            " και ", "和", "与",
        ]
        .iter()
        .filter_map(|sep| lower.find(sep).map(|i| (i, sep.len())))
        .min();
        match cut {
            Some((i, len)) if rest.is_char_boundary(i) && rest.is_char_boundary(i + len) => {
                out.push(&rest[..i]);
                rest = &rest[i + len..];
            }
            _ => {
                out.push(rest);
                return out;
            }
        }
    }
}

/// Removes what is not the name: emails, handles, dates, "Updated", "| Reuters",
/// "Staff Writer", trailing punctuation.
pub fn clean_name(raw: &str) -> String {
    // "More stories by X", "View all posts by X": links to an author page.
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:by\s+|(?:(?:more|view|see|read|show)\s+)?(?:all\s+)?(?:stories|articles|posts|news|more|columns|entries)\s+(?:from|by|of)\s+)")
            .expect("valid regex")
    });
    // A month before a day or a year ends a name: "Jack Davis December 21, 2016".
    static MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\b|[A-Za-z.])((?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s*\d)")
            .expect("valid regex")
    });
    // A one-word label in a Latin, Cyrillic or Greek script left before the
    // name ("Текст: Венера Ерофеева", "Autor: Georg Holzer"); two words are
    // more often a name and the next field ("Jane Doe Published: Tue").
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[\p{Latin}\p{Cyrillic}\p{Greek}]{2,16}[:：]\s*").expect("valid regex")
    });
    let words: Vec<&str> = raw.split_whitespace().collect();
    // A Chinese name spaced out to the width of a longer one ("赵  培",
    // "王 小 明"): one character between the spaces is no given name.
    let spaced_out = words.len() > 1
        && words
            .iter()
            .all(|w| w.chars().count() == 1 && w.chars().all(text::is_cjk));
    let mut s = words.join(if spaced_out { "" } else { " " });
    // A byline in brackets with the paper after the name: "［田中康平，ITmedia］".
    let inner = strip_brackets(&s);
    if inner.len() < s.len() {
        s = inner.to_string();
    }
    if let Some((name, _)) = s.split_once('，')
        && (2..=6).contains(&name.chars().count())
        && name.chars().all(text::is_cjk)
    {
        s = name.to_string();
    }
    // A copyright mark before a picture agency's name: "© ADAC"; a
    // licence is no name ("CC-BY-NC", "CC BY-SA 4.0").
    if let Some(rest) = s.strip_prefix('©') {
        s = rest.trim_start().to_string();
    }
    if s.get(..3)
        .is_some_and(|c| c.eq_ignore_ascii_case("cc-") || c.eq_ignore_ascii_case("cc "))
        || s.eq_ignore_ascii_case("cc0")
    {
        return String::new();
    }
    // ... and the licence after one: "Karin Dalziel CC BY 2.0".
    if let Some(at) = [" CC BY", " CC-BY", " CC0"]
        .iter()
        .filter_map(|l| s.find(l))
        .min()
    {
        s.truncate(at);
    }
    // A user name's underscores for spaces: "Jenny_Smith".
    if !s.contains(' ')
        && s.contains('_')
        && s.split('_').all(|w| w.chars().any(char::is_alphabetic))
    {
        s = s.replace('_', " ");
    }
    if let Some(m) = LEAD.find(&s) {
        s = s[m.end()..].to_string();
    }
    if let Some(m) = LABEL.find(&s)
        && m.end() < s.len()
    {
        s = s[m.end()..].to_string();
    }
    // The month may be glued to the word before it ("comOct", "NEWSDec").
    if let Some(m) = MONTH.captures(&s).and_then(|c| c.get(1))
        && m.start() > 0
    {
        s.truncate(m.start());
    }
    // A bracket after the name ends it: a note ("Julia Hitz (eg)", "Jane Doe
    // (AP)"), or one left open where the text was cut ("Deutsche Welle
    // (www.dw.com").
    if let Some(i) = s.rfind(['(', '（'])
        && i > 0
        && (!s[i..].contains([')', '）']) || s.ends_with([')', '）']))
    {
        s.truncate(i);
    }
    // Cut at the first thing that ends a name.
    let stops = [
        " | ",
        "|",
        "｜",
        " - ",
        " — ",
        " – ",
        "Updated",
        "Published",
        "Posted",
        "Last updated",
        "出自",
        "来源",
        "来自",
        "http",
        // Comment and sharing prompts beside a byline.
        "我来说两句",
        "我要评论",
        "发表评论",
        "参与评论",
        "网友评论",
        "@",
        "+",
        " on ",
        // "Posted by Ned Deily at 6:14 PM", "Von Christian am 03.05.2013".
        " at ",
        " am ",
        "  ",
        "\u{3000}",
    ];
    for stop in stops {
        if let Some(i) = s.find(stop)
            && i > 0
        {
            s.truncate(i);
        }
    }
    // The paper the writer filed for, or works at, ends the name: "Jenny
    // Smith For Daily Mail Australia", "Jane Doe, for the Guardian", "Jane
    // Doe from Reuters".
    static FOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r",?\s(?:for|For|FOR|from|From)\s+(?:the\s+|The\s+)?\p{Lu}")
            .expect("valid regex")
    });
    if let Some(m) = FOR.find(&s)
        && m.start() > 0
    {
        s.truncate(m.start());
    }
    // The next field of a metadata line ends a name: "芊草凡凡 时间：2005",
    // "AA Giriş: 05.03.2024" (a word of another script after a space), or
    // two after a separator ("Examiner / Photo credit: X").
    static FIELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:[\s\u{3000}]*[\p{Han}]{1,6}|\s+[\p{L}\p{M}]{2,16}|\s*[/|;]\s*[\p{L}\p{M}]{2,16}(?:\s+[\p{L}\p{M}]{2,16})?)[ \u{3000}]*[:：]")
            .expect("valid regex")
    });
    if let Some(m) = FIELD.find(&s)
        && m.start() > 0
    {
        // Spans glued with no space ("市政府办公室浏览次数：1288"): a Han
        // run before the colon ends with the field's own label.
        const FIELDS: &[&str] = &[
            "浏览次数",
            "浏览量",
            "阅读量",
            "阅读数",
            "点击数",
            "点击量",
            "访问量",
            "发布时间",
            "发布日期",
            "更新时间",
            "时间",
            "日期",
            "作者",
            "编辑",
            "责任编辑",
            "来源",
            "字号",
        ];
        let run = m.as_str().trim_end_matches([' ', '\u{3000}', ':', '：']);
        let glued = !m.as_str().starts_with(char::is_whitespace);
        let cut = FIELDS
            .iter()
            .filter(|f| glued && run.ends_with(*f) && run.len() > f.len())
            .map(|f| m.start() + run.len() - f.len())
            .max()
            .unwrap_or(m.start());
        s.truncate(cut);
    }
    // A staff code standing for the name ("责任编辑：DF532") is kept whole.
    static STAFF_CODE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[A-Z]{1,4}\d{2,6}$").expect("valid regex"));
    if STAFF_CODE.is_match(s.trim()) {
        return s.trim().to_string();
    }
    // Dates and times end a name too, with the word that led to the date
    // in Chinese ("大卫于2005年8月12日发表").
    if let Some(i) = s.find(|c: char| c.is_ascii_digit())
        && i > 0
    {
        s.truncate(i);
        let led = s.trim_end().trim_end_matches(['于', '於']).len();
        if led > 0 {
            s.truncate(led);
        }
    }
    // A bracket that the date after it kept open: "Lin Qiao (People's
    // Daily Online) 10:22, March 12".
    if let Some(i) = s.rfind(['(', '（'])
        && i > 0
        && s.trim_end().ends_with([')', '）'])
    {
        s.truncate(i);
    }
    let trims: &[char] = &[
        ' ', ',', '，', '.', ';', '；', ':', '：', '(', ')', '（', '）', '[', ']', '【', '】', '/',
        '-', '·', '"', '\'',
    ];
    // Symbols after the name ("Jenny Smith ❤️"), a dash before it ("— Jane Doe").
    let s = s
        .trim_end_matches(|c: char| {
            matches!(c as u32, 0x2190..=0x2BFF | 0x1F000..=0x1FAFF | 0xFE0F | 0x200D | 0x20E3)
                || c == ' '
        })
        .trim_start_matches(['—', '–', '―', '~', '•', '·', '*']);
    let mut s = s.trim_matches(trims).to_string();
    // The word that led to a date cut off above: "Publié par Jean Dupont le
    // 3 mars", "Escrito por Ana Gil el 3 de marzo", "Door Jan op 3 maart".
    for connector in [" le", " el", " il", " em", " op", " den", " on", " am"] {
        if s.len() > connector.len() && s.ends_with(connector) {
            s.truncate(s.len() - connector.len());
            s = s.trim_matches(trims).to_string();
        }
    }
    // The same name written twice by two elements: "Andrea WongAndrea Wong".
    let half = s.len() / 2;
    if s.len() % 2 == 0 && half > 1 && s.is_char_boundary(half) && s[..half] == s[half..] {
        s.truncate(half);
        s = s.trim_matches(trims).to_string();
    }
    // The paper of a staff line under the name: "Earl Tompkins<br>Gazette
    // Staff Writer".
    static STAFF_OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s+(?:The\s+)?(?:Gazette|Times|Herald|Tribune|Journal|Chronicle|Courier|Examiner|Sentinel|Dispatch|Bulletin|Observer|News|Post|Star)\s+Staff\s+(?:Writer|Reporter|Photographer)$")
            .expect("valid regex")
    });
    if let Some(m) = STAFF_OF.find(&s)
        && m.start() > 0
    {
        s.truncate(m.start());
    }
    for suffix in [
        ", Staff Writer",
        " Staff Writer",
        ", Staff Reporter",
        " Staff Reporter",
        ", Correspondent",
        ", Contributor",
        ", Senior Writer",
        // A social button's word left beside the name ("Follow @handle").
        " Follow",
        "报道",
        "报导",
        "供稿",
        "摄",
        // A Korean reporter's title after the name ("박서준 기자").
        " 기자",
        " 특파원",
    ] {
        if let Some(x) = s.strip_suffix(suffix) {
            s = x.trim_matches(trims).to_string();
        }
    }
    // A portal's staff code after a Chinese name, left once its digits went
    // above: "王璐 SN225", "钟晓_NN2345".
    static CODE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([\p{Han}·]{2,6})[\s_]+[A-Z]{1,4}$").expect("valid regex"));
    if let Some(c) = CODE.captures(&s) {
        s = c[1].to_string();
    }
    s = without_glued_tail(&s);
    // A job title after the name, from an element of its own inside the
    // byline ("<a>Jenny Smith <div>Editor</div></a>", "Jane Doe, Senior
    // Reporter").
    static TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:,\s*(?:[\w.]+\s+){0,3}|\s+(?:(?:Senior|Staff|Contributing|Associate|Assistant|Managing|Deputy|Chief|Special|Executive|Digital|Political|Business|Sports|Science|Health|Technology|Tech|News|Features)\s+)+(?:\p{Lu}\w+\s+)?|\s+)(?:Editor|Reporter|Writer|Correspondent|Contributor|Columnist|Journalist)$")
            .expect("valid regex")
    });
    if let Some(m) = TITLE.find(&s)
        && m.start() > 0
        && s[..m.start()].contains(' ')
    {
        s.truncate(m.start());
    }
    if let Some(cut) = without_caps_publisher(&s) {
        s = cut;
    }
    // A firm or a degree in capitals after a comma: "Martin Gerecke, CMS".
    if let Some((name, tail)) = s.rsplit_once(", ")
        && name.contains(' ')
        && (2..=6).contains(&tail.len())
        && tail.chars().all(|c| c.is_ascii_uppercase())
    {
        s = name.to_string();
    }
    s
}

/// What the next elements of a byline leave after the name: a title glued
/// on with no space ("Niamh GallagherHealth Correspondent"), the weekday of
/// the date beside it ("Grace Ndiaye Tue"), the writer's e-mail handle
/// ("Dale Hofstetter dhofstetter").
fn without_glued_tail(s: &str) -> String {
    const TITLE_WORDS: &[&str] = &[
        "Health",
        "Correspondent",
        "Journalist",
        "Reporter",
        "Editor",
        "Writer",
        "Staff",
        "Senior",
        "Chief",
        "Political",
        "Business",
        "Sports",
        "Tech",
        "Science",
        "News",
        "Contributor",
        "Columnist",
        "Producer",
        "Photographer",
        "Freelance",
        "Deputy",
        "Associate",
        "Assistant",
        "Managing",
        "Digital",
        "Investigative",
        "Education",
        "Crime",
        "Courts",
        "Politics",
        "Entertainment",
        "Travel",
        "Opinion",
        "Multimedia",
        "Video",
    ];
    const WEEKDAYS: &[&str] = &[
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let mut words: Vec<&str> = s.split(' ').collect();
    // A title glued to the last name: cut where a lowercase letter meets a
    // capital that opens a title's word ("McDonald" and "DeShawn" stay).
    for k in 1..words.len() {
        let w = words[k];
        let glued = w.char_indices().skip(3).find(|&(i, c)| {
            c.is_uppercase()
                && w[..i].chars().next_back().is_some_and(char::is_lowercase)
                && TITLE_WORDS.iter().any(|t| w[i..].starts_with(t))
        });
        if let Some((i, _)) = glued {
            let head = &w[..i];
            words.truncate(k);
            words.push(head);
            break;
        }
    }
    if words.len() >= 3 {
        let last = words[words.len() - 1];
        let before = words[words.len() - 2].to_lowercase();
        let handle = last.len() > 3
            && last
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.')
            && last.contains(before.as_str());
        if WEEKDAYS.contains(&last) || handle {
            words.pop();
        }
    }
    words.join(" ")
}

/// "Meg Wagner NEW YORK DAILY NEWS": a publisher in capitals glued after a
/// name written in mixed case. Only a run of two or more capitalised words
/// with a newsroom word in it goes, so "Marie DE LA FONTAINE" keeps her name.
fn without_caps_publisher(s: &str) -> Option<String> {
    const NEWSROOM: &[&str] = &[
        "NEWS",
        "PRESS",
        "TIMES",
        "POST",
        "DAILY",
        "HERALD",
        "TRIBUNE",
        "JOURNAL",
        "GAZETTE",
        "STAFF",
        "WRITER",
        "REPORTER",
        "CORRESPONDENT",
        "WIRE",
        "REUTERS",
        "AFP",
        "AP",
    ];
    let words: Vec<&str> = s.split(' ').collect();
    let caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
    };
    let k = (1..words.len()).find(|&k| words[k..].iter().all(|w| caps(w)))?;
    let name_mixed = words[..k].iter().any(|w| w.chars().any(char::is_lowercase));
    let newsroom = words[k..]
        .iter()
        .any(|w| NEWSROOM.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
    (words.len() - k >= 2 && name_mixed && newsroom).then(|| words[..k].join(" "))
}

/// A credited person, if `raw` cleans to something that looks like a name.
pub fn person(raw: &str, role: &str) -> Option<Credit> {
    let name = clean_name(raw.trim_start_matches("By ").trim_start_matches("by "));
    looks_like_name(&name, true).then(|| Credit {
        role: role.to_string(),
        name,
        label: None,
    })
}

/// Reporters named inside a sentence or a paragraph's edge, as Chinese papers
/// write them: "新京报记者 彭冲 山东冠县报道", "（信报记者 蔡雪婧）",
/// "据新华社拉萨电（记者 格桑边觉）", "本报记者罗科苏盈发自北京". The name must
/// end at a clear boundary, so "告诉记者，他" and "记者一行正要" name nobody.
pub fn reporter_mentions(text: &str) -> Vec<Credit> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(记者|記者|通讯员|实习生)[ \t\u{3000}]*([\p{Han}·]{2,4}?)(?:[ \t\u{3000}]*(?:报道|報道|发自|發自|摄影|摄|/|／|）|\)|】|，|。|、|$)|[ \t\u{3000}]+(?:实习生|通讯员|记者|摄影)|[ \t\u{3000}]+[\p{Han}]{2,8}(?:报道|電|电)|[ \t\u{3000}]*$)")
            .expect("valid regex")
    });
    let mut out: Vec<Credit> = bracketed_reporters(text);
    // (Each search starts after the last name, so that the label that ended
    // it opens the next: "记者 沈佳 实习生 孟雨桐".)
    let mut at = 0;
    while let Some(c) = RE.captures_at(text, at) {
        at = c.get(2).map_or(text.len(), |m| m.end());
        let label = &c[1];
        let name = c[2].trim_matches('·');
        let role = if label == "通讯员" {
            "correspondent"
        } else {
            "reporter"
        };
        // "记者梳理发现，", "记者了解到，": what the reporter did, no name.
        const DOINGS: &str = "梳了注发获看调采从在对向走观查询联致实随日近现来也还又再第就等们会说问表及与和的是将已曾前今昨该这那一多所被把让给同跟到去";
        let doing = name.chars().next().is_some_and(|c| DOINGS.contains(c))
            && !is_chinese_personal_name(name);
        if name.chars().count() >= 2 && !doing && !out.iter().any(|o| o.name == name) {
            out.push(Credit {
                role: role.into(),
                name: name.to_string(),
                label: Some(label.to_string()),
            });
        }
    }
    out.extend(korean_reporters(text));
    out
}

/// The reporters a dateline names in brackets, several of them, each label
/// before its names: "新华社福州3月5日电（记者 颜振海 宋蔚然）", "新京报讯（记者
/// 郑佳怡 通讯员 欧阳睿）". Every word in the brackets must be a label or a
/// name (two to four Han characters), so that "（记者从市教育局获悉）" names
/// nobody.
fn bracketed_reporters(text: &str) -> Vec<Credit> {
    static BRACKETS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[（(]([^（()）]{4,60})[）)]").expect("valid regex"));
    const LABELS: [(&str, &str); 7] = [
        ("实习记者", "reporter"),
        ("特约记者", "correspondent"),
        ("摄影记者", "photographer"),
        ("记者", "reporter"),
        ("記者", "reporter"),
        ("通讯员", "correspondent"),
        ("实习生", "reporter"),
    ];
    let is_name = |w: &str| {
        let n = w.chars().count();
        (2..=4).contains(&n) && w.chars().all(|c| text::is_cjk(c) || c == '·')
    };
    let mut out: Vec<Credit> = Vec::new();
    for c in BRACKETS.captures_iter(text) {
        let mut found: Vec<Credit> = Vec::new();
        let mut label: Option<(&str, &str)> = None;
        let mut ok = true;
        for word in c[1]
            .split([' ', '\u{3000}', '\t', '、'])
            .filter(|w| !w.is_empty())
        {
            let (rest, l) = match LABELS.iter().find(|(l, _)| word.starts_with(l)) {
                Some(&(l, role)) => (&word[l.len()..], Some((l, role))),
                None => (word, None),
            };
            if l.is_some() {
                label = l;
            }
            if rest.is_empty() {
                continue;
            }
            match label {
                Some((l, role)) if is_name(rest) => found.push(Credit {
                    role: role.to_string(),
                    name: rest.to_string(),
                    label: Some(l.to_string()),
                }),
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok && found.len() >= 2 {
            out.extend(found);
        }
    }
    out
}

/// Is the whole line a Korean reporter's credit ("최윤호 기자
/// uknow@donga.com", "[김바다·이하늘 기자]")?
fn korean_reporter_line(line: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[\[(（]?\s*(?:[가-힣]{2,6}\s?[/／]\s?)?[가-힣]{2,4}(?:[·ㆍ,][가-힣]{2,4}){0,3}\s?(?:기자|특파원)(?:\s+[\w.+-]+@[\w.-]+\.[a-z]{2,})?\s*[\])）]?$")
            .expect("valid regex")
    });
    line.len() <= 120 && RE.is_match(line.trim())
}

/// Korean papers write the reporter after the name: "김바다 기자
/// bada@example.co.kr" under the headline, "(서울=연합뉴스) 김바다 기자 = ..."
/// opening a wire story, "김바다·이하늘 기자". The name is two to four
/// syllables and the title ends the line, or an "=" or an address follows:
/// "기자들에게", "기자회견" and "김 기자는" name nobody.
fn korean_reporters(text: &str) -> Vec<Credit> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[\s()\[\]=/／])([가-힣]{2,4}(?:[·ㆍ,][가-힣]{2,4}){0,3})\s?(기자|특파원)(?:\s*=|\s+[\w.+-]+@[\w.-]+\.[a-z]{2,}|\s*$)")
            .expect("valid regex")
    });
    if !text.contains("기자") && !text.contains("특파원") {
        return Vec::new();
    }
    let mut out: Vec<Credit> = Vec::new();
    for c in RE.captures_iter(text) {
        let role = if &c[2] == "특파원" {
            "correspondent"
        } else {
            "reporter"
        };
        for name in c[1].split(['·', 'ㆍ', ',']) {
            if !out.iter().any(|o| o.name == name) {
                out.push(Credit {
                    role: role.into(),
                    name: name.to_string(),
                    label: Some(c[2].to_string()),
                });
            }
        }
    }
    out
}

/// Is `text` a short bio of `name`, as a story's last paragraph gives its
/// writer's: the name (whole, or its first or last word) opens it and a
/// verb or an apposition follows ("Jane Doe is a reporter based in Ohio.",
/// "Regan lives in Maine with her family.", "Jane Doe, a former nurse, ...").
pub fn is_bio_of(text: &str, name: &str) -> bool {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(,? (is|was|lives|grew up|writes|covers|reports|joined|teaches|has been|has covered|has written|has worked|ist|est|es|è) |, (an?|the|our) )")
            .expect("valid regex")
    });
    if text.len() > 600 || name.chars().count() < 3 {
        return false;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let (first, last) = (words.first(), words.last());
    std::iter::once(name)
        .chain(first.into_iter().copied())
        .chain(last.into_iter().copied())
        .filter(|n| n.chars().count() >= 3 && n.chars().next().is_some_and(char::is_uppercase))
        .any(|n| {
            text.strip_prefix(n)
                .is_some_and(|rest| AFTER.is_match(rest))
        })
}

/// Names in brackets closing a Chinese text, "……新春佳节。（张三 李四）": the
/// writers, by custom. Two names at least, so "（北京）" or "（完）" are not
/// taken; in a Japanese paper's 【】 after the last sentence, one is enough.
pub fn closing_names(text: &str) -> Vec<Credit> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[（(][ \u{3000}]*((?:\p{Han}{2,3}[ \u{3000}、，,]+){1,5}\p{Han}{2,3})[ \u{3000}]*[)）][ \u{3000}]*$")
            .expect("valid regex")
    });
    const NOT_NAMES: &[&str] = &[
        "待续",
        "未完",
        "全文完",
        "组图",
        "本报讯",
        "记者",
        "编者",
        "通讯员",
        "图文",
        "原创",
        // Japanese papers' bracketed labels.
        "解説",
        "関連記事",
        "関連",
        "写真",
        "動画",
        "速報",
        "詳報",
        "特集",
        "号外",
    ];
    // A Japanese paper's closing mark, of one writer or more: "……と話した。
    // 【田中裕之】", "【田中裕之、山本晴美】".
    static LENTICULAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[。」』！？!?][ \u{3000}]*)【[ \u{3000}]*(\p{Han}{2,5}(?:[・、 \u{3000}]\p{Han}{2,5}){0,4})[ \u{3000}]*】[ \u{3000}]*$")
            .expect("valid regex")
    });
    let (c, least) = match RE.captures(text.trim()) {
        Some(c) => (c, 2),
        None => match LENTICULAR.captures(text.trim()) {
            Some(c) => (c, 1),
            None => return Vec::new(),
        },
    };
    let parts: Vec<&str> = c[1]
        .split([' ', '\u{3000}', '、', '，', ',', '・'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < least || parts.iter().any(|p| NOT_NAMES.contains(p)) {
        return Vec::new();
    }
    parts
        .into_iter()
        .map(|p| Credit {
            role: "author".into(),
            name: p.to_string(),
            label: None,
        })
        .collect()
}

/// A line that is only a Chinese name (two or three Han characters: four
/// are more often a heading like "人物画像"), as essays put the writer under
/// the title. Common one-word headings are not names.
pub fn lone_name(line: &str) -> Option<Credit> {
    const HEADINGS: &[&str] = &[
        "前言",
        "引言",
        "摘要",
        "正文",
        "序言",
        "导语",
        "目录",
        "简介",
        "概述",
        "背景",
        "结语",
        "后记",
        "附录",
        "说明",
        "提要",
        "编者按",
        "内容提要",
    ];
    let t = line.trim();
    let n = t.chars().count();
    ((2..=3).contains(&n)
        && t.chars()
            .all(|c| matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF))
        && !HEADINGS.contains(&t))
    .then(|| Credit {
        role: "author".into(),
        name: t.to_string(),
        label: None,
    })
}

/// Names of companies and newsrooms rather than people.
pub fn is_organisation(name: &str) -> bool {
    static ORG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(\b(inc|ltd|llc|corp|corporation|gmbh|co\.,? ltd|plc|group|media|news|press|newsroom|agency)\.?$|株式会社|有限公司|集团|报社|新闻社|通讯社|电视台|出版社)")
            .expect("valid regex")
    });
    ORG.is_match(name.trim())
}

fn looks_like_name(s: &str, person: bool) -> bool {
    let n = s.chars().count();
    if n < 2 && !s.chars().all(text::is_cjk) || n == 0 || n > MAX_NAME {
        return false;
    }
    // Sentences are not names.
    if s.split_whitespace().count() > 8 || text::ends_sentence(s) && !s.ends_with('.') {
        return false;
    }
    // Latin names are capitalised words, bar particles ("de", "van", "bin");
    // scripts without case (Arabic, Hebrew, Thai) have no capitals to ask for.
    let words: Vec<&str> = s.split_whitespace().collect();
    if person && s.chars().any(|c| c.is_alphabetic() && !text::is_cjk(c)) {
        let capital = |w: &&&str| w.chars().next().is_some_and(|c| !c.is_lowercase());
        let caps = words.iter().filter(capital).count();
        if !words.first().is_some_and(|w| capital(&w)) || caps * 2 < words.len() + 1 {
            return false;
        }
    }
    if s.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    let lower = s.to_lowercase();
    !matches!(
        lower.as_str(),
        "the"
            | "a"
            | "an"
            | "admin"
            | "unknown"
            | "none"
            | "null"
            | "undefined"
            | "staff"
            | "no"
            | "yes"
            | "false"
            | "true"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    fn line(s: &str) -> Vec<(String, String)> {
        let r = Rules::builtin();
        credit_line(s, &r.credits)
            .unwrap_or_default()
            .into_iter()
            .map(|c| (c.role, c.name))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn bylines_and_sources_labelled_in_other_languages() {
        assert_eq!(
            line("di Marco Bellini"),
            vec![pair("author", "Marco Bellini")]
        );
        assert_eq!(
            line("Του Γιώργου Παπαδόπουλου"),
            vec![pair("author", "Γιώργου Παπαδόπουλου")]
        );
        // Arabic has no capitals to ask a name for.
        assert_eq!(
            line("بقلم: أحمد الخطيب"),
            vec![pair("author", "أحمد الخطيب")]
        );
        assert_eq!(line("المصدر : الجزيرة"), vec![pair("source", "الجزيرة")]);
        assert_eq!(
            line("ผู้เขียน: ชุติมา วงศ์สวัสดิ์"),
            vec![pair("author", "ชุติมา วงศ์สวัสดิ์")]
        );
        assert_eq!(
            line("Penulis: Rizky Pratama"),
            vec![pair("author", "Rizky Pratama")]
        );
        for (l, name) in [
            ("Quelle: dpa", "dpa"),
            ("Fuente: EFE", "EFE"),
            ("Источник: ТАСС", "ТАСС"),
            ("Źródło: PAP", "PAP"),
        ] {
            assert_eq!(line(l), vec![pair("source", name)], "{l}");
        }
        // The next field's label ends the name, in any script.
        assert_eq!(
            line("Kaynak: AA Giriş: 05.03.2024 08:12"),
            vec![pair("source", "AA")]
        );
        assert_eq!(
            line("Sources: Gazette, Courier / Photo credit: Jane Doe"),
            vec![pair("source", "Gazette, Courier")]
        );
        // A lowercase word in a cased script is still no name.
        assert_eq!(line("di lunedì mattina"), vec![]);
    }

    #[test]
    fn a_byline_left_after_a_separator_or_before_a_follow_button() {
        assert_eq!(
            line("| von Inga Buller"),
            vec![pair("author", "Inga Buller")]
        );
        assert_eq!(
            line("-- By Michael Russell Follow @tdmrussell"),
            vec![pair("author", "Michael Russell")]
        );
        assert_eq!(line("| Home"), vec![]);
        assert_eq!(
            line("By Martin Gerecke, CMS"),
            vec![pair("author", "Martin Gerecke")]
        );
        assert_eq!(
            line("作者： Diogo Carleto 翻訳者 中村 真子"),
            vec![
                pair("author", "Diogo Carleto"),
                pair("translator", "中村 真子")
            ]
        );
        assert_eq!(
            line("编辑：张三 李四"),
            vec![pair("editor", "张三"), pair("editor", "李四")]
        );
    }

    #[test]
    fn a_source_that_is_a_person_is_the_writer() {
        for (name, yes) in [
            ("尹娟", true),
            ("王建国", true),
            ("新浪", false),
            ("金羊网", false),
            ("新华社", false),
            ("江南时报", false),
            ("张", false),
        ] {
            assert_eq!(is_chinese_personal_name(name), yes, "{name}");
        }
    }

    #[test]
    fn bios_of_the_writer() {
        let yes = [
            ("Jane Doe is a reporter based in Ohio.", "Jane Doe"),
            (
                "Regan lives in Maine with her husband and two cats.",
                "Regan",
            ),
            ("Doe has been covering the harbour since 2010.", "Jane Doe"),
            (
                "Laura E. Adkins is the Forward's contributing editor.",
                "Laura E. Adkins",
            ),
            ("Jane Doe, a former nurse, writes about health.", "Jane Doe"),
        ];
        for (text, name) in yes {
            assert!(is_bio_of(text, name), "{text}");
        }
        let no = [
            ("John Smith is a farmer who lost his barn.", "Jane Doe"),
            ("Jane Doe's report was read out in court.", "Jane Doe"),
            ("Janet is a friend of the family.", "Jane Doe"),
            ("Li is a common name.", "Li"),
            ("The council is to meet again.", "The Council"),
        ];
        for (text, name) in no {
            assert!(!is_bio_of(text, name), "{text}");
        }
        assert!(!is_bio_of(
            &format!("Jane Doe is a reporter. {}", "More. ".repeat(120)),
            "Jane Doe"
        ));
    }

    #[test]
    fn seed_credit_lines() {
        assert_eq!(
            line("Text: Yang Zhenying"),
            vec![pair("author", "Yang Zhenying")]
        );
        assert_eq!(line("Editor: Zhu Yikai"), vec![pair("editor", "Zhu Yikai")]);
        assert_eq!(
            line("Column Editor in Chief: Qin Hong Text Editor: Yang Rong"),
            vec![
                pair("chief_editor", "Qin Hong"),
                pair("editor", "Yang Rong")
            ]
        );
        assert_eq!(
            line("Source of this article: Pudong released official WeChat"),
            vec![pair("source", "Pudong released official WeChat")]
        );
        assert_eq!(
            line("Source: Author: Published by Pudong"),
            vec![pair("publisher", "Pudong")]
        );
    }

    #[test]
    fn chinese_credit_lines() {
        assert_eq!(line("责任编辑：张三"), vec![pair("editor", "张三")]);
        assert_eq!(line("来源：新华社"), vec![pair("source", "新华社")]);
        assert_eq!(
            line("（记者 张三 李四）"),
            vec![pair("reporter", "张三"), pair("reporter", "李四")]
        );
        assert_eq!(line("文/王五"), vec![pair("author", "王五")]);
        assert_eq!(line("□ 本报记者 葛灵丹"), vec![pair("reporter", "葛灵丹")]);
        assert_eq!(
            line("【纠错】 【责任编辑：张三】"),
            vec![pair("editor", "张三")]
        );
        // Glued prefixes: nothing between them and the name.
        assert_eq!(line("文·李四"), vec![pair("author", "李四")]);
        assert_eq!(
            line("本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表."),
            vec![pair("author", "大卫")]
        );
        assert_eq!(line("本帖最后由 admin 于 2012-3-4 编辑"), vec![]);
        // A spaced prefix still wants its space: "文章" is no credit.
        assert_eq!(line("文章来自网络"), vec![]);
        assert_eq!(
            line("Byby ANN POE and TOM ROE"),
            vec![pair("author", "ANN POE"), pair("author", "TOM ROE")]
        );
    }

    #[test]
    fn reporters_inside_sentences() {
        let got =
            |s: &str| -> Vec<String> { reporter_mentions(s).into_iter().map(|c| c.name).collect() };
        assert_eq!(got("晨光日报记者 王小明 江城报道"), vec!["王小明"]);
        assert_eq!(got("活动圆满结束。（晚报记者 李雪）"), vec!["李雪"]);
        assert_eq!(got("据新华社北京电（记者 欧阳明远）近日"), vec!["欧阳明远"]);
        assert_eq!(got("本报记者张晓云发自上海"), vec!["张晓云"]);
        assert_eq!(got("他告诉记者，他仍然在坚持。"), Vec::<String>::new());
        assert_eq!(got("在记者一行正要结束采访时"), Vec::<String>::new());
        // Several in the dateline's brackets, each label before its names.
        let roles = |s: &str| -> Vec<(String, String)> {
            reporter_mentions(s)
                .into_iter()
                .map(|c| (c.role, c.name))
                .collect()
        };
        assert_eq!(
            roles("新华社福州3月5日电（记者 颜振海 宋蔚然）记者5日从有关方面获悉"),
            vec![pair("reporter", "颜振海"), pair("reporter", "宋蔚然")]
        );
        assert_eq!(
            roles("新京报讯（记者 郑佳怡 通讯员 欧阳睿）开学第一周"),
            vec![pair("reporter", "郑佳怡"), pair("correspondent", "欧阳睿")]
        );
        assert_eq!(got("（记者从市教育局获悉 今年起）"), Vec::<String>::new());
        // What the reporter did is no name.
        assert_eq!(
            got("记者梳理发现，今年以来多地出台新规。"),
            Vec::<String>::new()
        );
        assert_eq!(got("记者了解到，该项目已完工。"), Vec::<String>::new());
        assert_eq!(got("本报记者 向东 报道"), vec!["向东"]);
        assert_eq!(
            got("澎湃新闻记者 沈佳 实习生 孟雨桐"),
            vec!["沈佳", "孟雨桐"]
        );
    }

    #[test]
    fn wire_bylines_where_each_filed_from_and_the_agency_glued_on() {
        assert_eq!(
            line(
                "(Reporting by Ana Reis in Sao Paulo and Tom Wren in New York; Editing by Mia Hale)"
            ),
            vec![
                pair("reporter", "Ana Reis"),
                pair("reporter", "Tom Wren"),
                pair("editor", "Mia Hale")
            ]
        );
        assert_eq!(
            line("By JANE DOE and TOM ROE Associated Press"),
            vec![
                pair("author", "JANE DOE"),
                pair("author", "TOM ROE"),
                pair("source", "Associated Press")
            ]
        );
        // A name that only ends like a town is left whole.
        assert_eq!(
            line("By Jane Doe-Inman"),
            vec![pair("author", "Jane Doe-Inman")]
        );
    }

    #[test]
    fn chinese_credits_glued_by_spans_or_with_a_staff_code() {
        assert_eq!(
            line("本文来源：新京报 作者：郑佳怡责任编辑：钟晓"),
            vec![
                pair("source", "新京报"),
                pair("author", "郑佳怡"),
                pair("editor", "钟晓")
            ]
        );
        assert_eq!(line("原作者：司马青禾"), vec![pair("author", "司马青禾")]);
        assert_eq!(line("责任编辑：王璐 SN225"), vec![pair("editor", "王璐")]);
        assert_eq!(line("责任编辑：钟晓_NN2345"), vec![pair("editor", "钟晓")]);
        assert_eq!(line("（责任编辑：DF532）"), vec![pair("editor", "DF532")]);
        // Spans glued after the time, and a label glued after a prefixed name.
        assert_eq!(
            line("2023-08-22 10:06:18来源：经济观察周刊作者：孔维嘉"),
            vec![pair("source", "经济观察周刊"), pair("author", "孔维嘉")]
        );
        // An old CMS's footer with placeholders for names credits no one,
        // and is still a credit line, not the story.
        let r = Rules::builtin();
        assert_eq!(
            credit_block("文章录入：admin 责任编辑：admin", &r.credits),
            Some(vec![])
        );
        assert_eq!(
            credit_block("文章录入：张伟 责任编辑：admin", &r.credits),
            Some(vec![Credit {
                role: "editor".into(),
                name: "张伟".into(),
                label: Some("文章录入".into())
            }])
        );
        assert_eq!(clean_name("박서준 기자"), "박서준");
        // Japanese: a byline in brackets with the paper after the name, and
        // who wrote the text and took the pictures.
        assert_eq!(clean_name("［田中康平，ITmedia］"), "田中康平");
        assert_eq!(
            line("（文・写真：中村さくら）"),
            vec![pair("author", "中村さくら")]
        );
    }

    #[test]
    fn names_closing_a_chinese_text() {
        let got =
            |s: &str| -> Vec<String> { closing_names(s).into_iter().map(|c| c.name).collect() };
        assert_eq!(
            got("过一个祥和的春节。（王一平 刘晓 ）"),
            vec!["王一平", "刘晓"]
        );
        assert_eq!(got("会议在京召开。（北京）"), Vec::<String>::new());
        assert_eq!(got("故事还没有结束。（未完 待续）"), Vec::<String>::new());
        assert_eq!(got("他说（这件事 很难）还要再看。"), Vec::<String>::new());
        assert_eq!(got("訓練も強化する。【田中裕之】"), vec!["田中裕之"]);
        assert_eq!(got("【田中裕之・山本晴美】"), vec!["田中裕之", "山本晴美"]);
        assert_eq!(got("政府は５日、発表した【解説】"), Vec::<String>::new());
        assert_eq!(got("訓練も強化する。【全文完】"), Vec::<String>::new());
    }

    #[test]
    fn lone_names() {
        assert_eq!(
            lone_name(" 李明华 ").map(|c| c.name).as_deref(),
            Some("李明华")
        );
        assert!(lone_name("前言").is_none());
        assert!(lone_name("人物画像").is_none());
        assert!(lone_name("一个很长的小标题在这里").is_none());
        assert!(lone_name("Jane").is_none());
    }

    #[test]
    fn names_end_at_the_next_field() {
        assert_eq!(clean_name("云中鹤 时间：2005-08-22"), "云中鹤");
    }

    #[test]
    fn names_lose_dates_links_and_repeats() {
        assert_eq!(clean_name("Jack Davis December 21, 2016"), "Jack Davis");
        assert_eq!(
            clean_name("BWW News Desk BroadwayWorld.comOct. 3, 2016"),
            "BWW News Desk BroadwayWorld.com"
        );
        assert_eq!(clean_name("More stories by Jeremy Herron"), "Jeremy Herron");
        assert_eq!(clean_name("Andrea WongAndrea Wong"), "Andrea Wong");
        assert_eq!(clean_name("Margaret Talev+Follow"), "Margaret Talev");
        assert_eq!(clean_name("郭励弘 我来说两句(0)"), "郭励弘");
        assert_eq!(clean_name("May Lee"), "May Lee");
        assert_eq!(clean_name("Jenny_Smith"), "Jenny Smith");
        // A newsroom's byline keeps its "Staff".
        assert_eq!(clean_name("Harbour News Staff"), "Harbour News Staff");
        assert_eq!(clean_name("Jane Doe, Staff Writer"), "Jane Doe");
        assert_eq!(clean_name("by JOSH HASKELL"), "JOSH HASKELL");
        assert_eq!(clean_name("赵明出自[某某出版社]"), "赵明");
        // A publisher in capitals, and a date glued to it.
        assert_eq!(
            clean_name("Meg Wagner NEW YORK DAILY NEWSDec 13, 2016"),
            "Meg Wagner"
        );
        assert_eq!(clean_name("Marie DE LA FONTAINE"), "Marie DE LA FONTAINE");
        assert_eq!(clean_name("Ned Deily at 6:14 PM"), "Ned Deily");
        assert_eq!(
            clean_name("SHOW ALL ARTICLES OF Maximilian Steinbeis"),
            "Maximilian Steinbeis"
        );
        assert_eq!(clean_name("Deutsche Welle (www.dw.com"), "Deutsche Welle");
        assert_eq!(clean_name("Jane Doe (AP)"), "Jane Doe");
        assert_eq!(clean_name("Julia Hitz (eg)"), "Julia Hitz");
        assert_eq!(clean_name("(王一平)"), "王一平");
        assert_eq!(clean_name("Christian am 03.05.2013, 11:51"), "Christian");
    }

    #[test]
    fn author_fields_part_people_not_bands_or_titles() {
        assert_eq!(
            split_people("Jenny Smith und John Smith"),
            ["Jenny Smith", "John Smith"]
        );
        assert_eq!(
            split_people("Meg Kinnard and Errin Haines, Associated Press"),
            ["Meg Kinnard", "Errin Haines", "Associated Press"]
        );
        // Two linked names glued together by the page.
        assert_eq!(
            split_people("Paul WisemanFatima Hussein, The Associated Press"),
            ["Paul Wiseman", "Fatima Hussein", "The Associated Press"]
        );
        for one in [
            "Prince and the Revolution",
            "Simon & Schuster",
            "Jane Doe, Staff Writer",
            "Jane Doe",
            "Kevin McDonald",
            "Jane FitzGerald",
            "LeBron James",
        ] {
            assert_eq!(split_people(one), [one]);
        }
        // A one-word label goes; a name before the next field's label is
        // not taken for one.
        assert_eq!(clean_name("Текст: Венера Ерофеева"), "Венера Ерофеева");
        assert_eq!(clean_name("Jane Doe Published: Tue"), "Jane Doe");
    }

    #[test]
    fn names_lose_the_paper_the_title_and_symbols_around_them() {
        // The paper filed for.
        assert_eq!(
            clean_name("Jenny Smith For Daily Mail Australia"),
            "Jenny Smith"
        );
        assert_eq!(clean_name("Jane Doe, for the Guardian"), "Jane Doe");
        assert_eq!(clean_name("Jane Fordham"), "Jane Fordham");
        assert_eq!(clean_name("Jane Doe from Reuters"), "Jane Doe");
        // A job title, after a comma or glued on from an element of its own.
        assert_eq!(clean_name("TOM KRISHER, AP Auto Writer"), "TOM KRISHER");
        assert_eq!(clean_name("Jenny Smith Editor"), "Jenny Smith");
        assert_eq!(
            clean_name("Andrea Stone Senior Washington Correspondent"),
            "Andrea Stone"
        );
        // A lone title is no name to cut; a name of three words keeps them.
        assert_eq!(clean_name("Executive Editor"), "Executive Editor");
        assert_eq!(clean_name("Mary Ann Smith"), "Mary Ann Smith");
        // Emoji after the name, a dash before it; a question stays one.
        assert_eq!(clean_name("Jenny Smith ❤️"), "Jenny Smith");
        assert_eq!(clean_name("— Jane Doe"), "Jane Doe");
        assert!(clean_name("Paranoia oder berechtigte Sorgen?").ends_with('?'));
    }

    #[test]
    fn korean_reporters_follow_their_names() {
        let got = |s: &str| -> Vec<(String, String)> {
            reporter_mentions(s)
                .into_iter()
                .map(|c| (c.role, c.name))
                .collect()
        };
        assert_eq!(
            got("김바다 기자 bada@example.co.kr"),
            vec![pair("reporter", "김바다")]
        );
        assert_eq!(
            got("(항구시=바다일보) 김바다·이하늘 기자 = 시의회가 4일"),
            vec![pair("reporter", "김바다"), pair("reporter", "이하늘")]
        );
        assert_eq!(
            got("워싱턴 정하늘 특파원"),
            vec![pair("correspondent", "정하늘")]
        );
        assert!(got("시장은 기자들에게 말했다. 기자회견은 내일 열린다.").is_empty());
        assert!(got("김 기자는 현장에 갔다").is_empty());
        assert!(korean_reporter_line("최윤호 기자 uknow@donga.com"));
        assert!(korean_reporter_line("[김바다·이하늘 기자]"));
        // The place the reporter files from, before a slash.
        assert_eq!(got("신안/정다운 기자"), vec![pair("reporter", "정다운")]);
        assert!(korean_reporter_line("신안/정다운 기자 jung@example.co.kr"));
        assert!(!korean_reporter_line("시장은 김바다 기자에게 말했다"));
    }

    #[test]
    fn labels_of_more_languages() {
        assert_eq!(
            line("Foto: Sophia Mahnert"),
            vec![pair("photographer", "Sophia Mahnert")]
        );
        assert_eq!(
            line("Автор: Иван Петров"),
            vec![pair("author", "Иван Петров")]
        );
        assert_eq!(
            line("Yazar: Ayşe Yılmaz"),
            vec![pair("author", "Ayşe Yılmaz")]
        );
    }

    #[test]
    fn a_byline_ends_at_the_place_of_work() {
        assert_eq!(
            line("Autor: Steffen Pache, Sächsische Landesanstalt für Landwirtschaft, Köllitsch"),
            vec![pair("author", "Steffen Pache")]
        );
        assert_eq!(
            line("By Jane Doe, Ludwig van Berg and Ann Poe"),
            vec![
                pair("author", "Jane Doe"),
                pair("author", "Ludwig van Berg"),
                pair("author", "Ann Poe")
            ]
        );
    }

    #[test]
    fn bylines() {
        assert_eq!(
            line("By Jane Doe, John Roe and Ann Poe"),
            vec![
                pair("author", "Jane Doe"),
                pair("author", "John Roe"),
                pair("author", "Ann Poe")
            ]
        );
        assert_eq!(
            line("By Jane Doe | Reuters"),
            vec![pair("author", "Jane Doe")]
        );
        // A caption's credit names the photographer and the agency.
        assert_eq!(
            line("Photo: Mark Lee/Getty Images"),
            vec![
                pair("photographer", "Mark Lee"),
                pair("photographer", "Getty Images")
            ]
        );
        assert_eq!(
            line("Translated by Li Hua"),
            vec![pair("translator", "Li Hua")]
        );
    }

    #[test]
    fn sentences_are_not_credits() {
        assert!(
            line("By the end of the year, prices had risen by a third across the country.")
                .is_empty()
        );
        assert!(line("Source code is available on the project's website for anyone.").is_empty());
    }

    #[test]
    fn traditional_script_labels_and_more_languages_prefixes() {
        assert_eq!(
            line("攝影：黃世澤　審核：許家豪"),
            vec![pair("photographer", "黃世澤"), pair("reviewer", "許家豪")]
        );
        assert_eq!(
            line("新聞來源：南台灣新聞網"),
            vec![pair("source", "南台灣新聞網")]
        );
        assert_eq!(line("翻譯：陳美玲"), vec![pair("translator", "陳美玲")]);
        assert_eq!(
            line("Door Pieter Janssens"),
            vec![pair("author", "Pieter Janssens")]
        );
        assert_eq!(
            line("Av Kari Nordmann og Ola Hansen"),
            vec![
                pair("author", "Kari Nordmann"),
                pair("author", "Ola Hansen")
            ]
        );
        assert_eq!(
            line("Door Jeroen de Vries en Sanne Bakker"),
            vec![
                pair("author", "Jeroen de Vries"),
                pair("author", "Sanne Bakker")
            ]
        );
        assert_eq!(
            line("di Marco Bellini e Luca Rossi"),
            vec![
                pair("author", "Marco Bellini"),
                pair("author", "Luca Rossi")
            ]
        );
        assert_eq!(
            line("Compiled by Nokuthula Dube"),
            vec![pair("contributor", "Nokuthula Dube")]
        );
        assert_eq!(
            line("Interview by Corinne Okafor"),
            vec![pair("author", "Corinne Okafor")]
        );
        assert_eq!(
            line("Mitarbeit: Lea Frei"),
            vec![pair("contributor", "Lea Frei")]
        );
        // A heading over pictures is no photographer's credit.
        assert!(line("PHOTOS: Earthquake Shakes the Northeastern U.S").is_empty());
    }

    #[test]
    fn what_the_next_elements_leave_after_a_name_goes() {
        for (raw, want) in [
            ("Niamh GallagherHealth Correspondent", "Niamh Gallagher"),
            ("Thandeka MokoenaJournalist", "Thandeka Mokoena"),
            ("Grace Ndiaye Tue", "Grace Ndiaye"),
            ("Dale Hofstetter dhofstetter", "Dale Hofstetter"),
            ("Earl Tompkins Gazette Staff Writer", "Earl Tompkins"),
            ("Jane Doe Staff Writer", "Jane Doe"),
            // Names with capitals inside, and a name that ends like a weekday's.
            ("Ronald McDonald", "Ronald McDonald"),
            ("Mary MacKenzie", "Mary MacKenzie"),
            ("Lena Sun", "Lena Sun"),
        ] {
            assert_eq!(clean_name(raw), want, "{raw}");
        }
    }

    #[test]
    fn what_the_next_elements_leave_after_a_source_goes() {
        assert_eq!(
            line("来源: 澎湃新闻 浙江 举报"),
            vec![pair("source", "澎湃新闻")]
        );
        assert_eq!(
            line("来源：中国新闻网　参与互动"),
            vec![pair("source", "中国新闻网")]
        );
        assert_eq!(
            line("来源：市政府办公室浏览次数：1288"),
            vec![pair("source", "市政府办公室")]
        );
        assert_eq!(
            clean_name("Lin Qiao (People's Daily Online) 10:22, March 12, 2024"),
            "Lin Qiao"
        );
    }

    #[test]
    fn a_newsroom_after_the_names_is_the_source() {
        assert_eq!(
            line("By Jane Doe, The Associated Press"),
            vec![
                pair("author", "Jane Doe"),
                pair("source", "The Associated Press")
            ]
        );
        assert_eq!(
            line("By Ann Lee, Tom Roe and Bo Li, Capitol Wire"),
            vec![
                pair("author", "Ann Lee"),
                pair("author", "Tom Roe"),
                pair("author", "Bo Li"),
                pair("source", "Capitol Wire")
            ]
        );
        assert_eq!(
            line("Contributing: Priya Natarajan, USA TODAY; The Associated Press"),
            vec![
                pair("contributor", "Priya Natarajan"),
                pair("source", "USA TODAY"),
                pair("source", "The Associated Press")
            ]
        );
        // A person's name, whatever its last word, and names in capitals.
        assert_eq!(
            line("By Ann Lee, Tom Post"),
            vec![pair("author", "Ann Lee"), pair("author", "Tom Post")]
        );
        assert_eq!(
            line("By JOSH HASKELL, DAVID CAPLAN"),
            vec![
                pair("author", "JOSH HASKELL"),
                pair("author", "DAVID CAPLAN")
            ]
        );
        // A date between a short label and the byline.
        assert_eq!(
            line("Posted on June 14, 2011 by Graham Harlow"),
            vec![pair("author", "Graham Harlow")]
        );
        assert_eq!(
            line("Publié le 06/03/2024 à 07h30 | Par Claire Le Guen"),
            vec![pair("author", "Claire Le Guen")]
        );
    }

    #[test]
    fn a_writers_label_over_a_papers_reporter_credits_the_reporter() {
        assert_eq!(
            line("文｜财新 记者 王小明 李华"),
            vec![pair("reporter", "王小明"), pair("reporter", "李华")]
        );
        assert_eq!(
            line("文/张三 通讯员 李四"),
            vec![pair("author", "张三"), pair("correspondent", "李四")]
        );
    }

    #[test]
    fn a_prefix_inside_a_labelled_name_starts_another_credit() {
        assert_eq!(
            line("来源：晨报　记者 李明 王芳"),
            vec![
                pair("source", "晨报"),
                pair("reporter", "李明"),
                pair("reporter", "王芳")
            ]
        );
    }

    #[test]
    fn labels_inside_a_line() {
        let r = Rules::builtin();
        let got = credits_in("Tech 2023-10-20 12:42:26 Source: Network", &r.credits);
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].role.as_str(), got[0].name.as_str()),
            ("source", "Network")
        );
    }

    fn block(s: &str) -> Option<Vec<(String, String)>> {
        let r = Rules::builtin();
        credit_block(s, &r.credits).map(|v| v.into_iter().map(|c| (c.role, c.name)).collect())
    }

    #[test]
    fn credit_blocks_of_chinese_portals() {
        // A reporters' line with the paper before the label and the place after the names.
        assert_eq!(
            block("新京报记者 彭冲 山东冠县报道"),
            Some(vec![pair("reporter", "彭冲")])
        );
        assert_eq!(
            block("本报记者 张三 李四"),
            Some(vec![pair("reporter", "张三"), pair("reporter", "李四")])
        );
        assert_eq!(block("（记者 王五）"), Some(vec![pair("reporter", "王五")]));
        // An editor's field left empty by the page's template: no one, but not prose.
        assert_eq!(block("责任编辑："), Some(vec![]));
        // A bracketed credit ends at its bracket: what follows is a portal's links.
        assert_eq!(
            block("【编辑:刘欢】 返回搜狐，查看更多"),
            Some(vec![pair("editor", "刘欢")])
        );
        // Prose that mentions reporters is no credit line.
        assert_eq!(block("记者从市政府获悉，新桥将于明年通车。"), None);
        assert_eq!(block("他告诉记者，这座桥明年通车。"), None);
    }
}
