//! FiveFilters full-text-rss site configs ("ftr-site-config" format), read as
//! site rules. One file a host: `example.com.txt` is for example.com (and
//! www.example.com), `.example.com.txt` for all its subdomains. Lines are
//! `directive: value`; `#` starts a comment.
//!
//! Used directives: `title`, `body`, `author`, `date` (XPath, converted to CSS
//! selectors), `strip` (XPath of elements to remove), `strip_id_or_class`
//! (text in an id or class), `strip_image_src` (text in an image's src),
//! `test_url` (kept for reference). XPath expressions without a CSS
//! equivalent, and other directives, are reported as warnings.

use crate::error::RulesError;
use crate::site::{Lined, SiteSpec, normalize_host};

/// A FiveFilters file, converted.
#[derive(Debug, Default)]
pub struct Conversion {
    pub spec: SiteSpec,
    /// Expressions or directives that could not be used.
    pub warnings: Vec<RulesError>,
    /// XPath expressions read, and how many were converted.
    pub xpaths: usize,
    pub converted: usize,
    pub test_urls: Vec<String>,
}

/// Directives of the format that copydesk does not use (not worth a warning
/// each: they steer fetching, not extraction).
const FETCH_DIRECTIVES: &[&str] = &[
    "single_page_link",
    "single_page_link_in_feed",
    "next_page_link",
    "http_header",
    "login_uri",
    "login_username_field",
    "login_password_field",
    "login_extra_fields",
    "not_logged_in_xpath",
    "requires_login",
    "parser",
    "tidy",
    "prune",
    "autodetect_on_failure",
    "autodetect_next_page",
    "skip_json_ld",
    "skip_id_or_class",
    "insert_detected_image",
    "dissolve",
    "move_into",
    "wrap_in",
    "if_page_contains",
    "src_lazy_load_attr",
    "native_ad_clue",
    "convert_double_br_tags",
    "strip_attr",
    "replace_string",
    "find_string",
    "test_contains",
];

/// The host a file is for, from its name: (host, also its subdomains?).
pub fn host_from_file_name(name: &str) -> Option<(String, bool)> {
    let base = std::path::Path::new(name).file_name()?.to_str()?;
    let stem = base
        .strip_suffix(".txt")
        .or_else(|| base.strip_suffix(".TXT"))?;
    let (host, subs) = match stem.strip_prefix('.') {
        Some(h) => (normalize_host(h)?, true),
        None => (normalize_host(stem)?, false),
    };
    // A host has a dot: "README.txt" or "notes.txt" are not site configs.
    host.contains('.').then_some((host, subs))
}

/// Reads one FiveFilters file. Fails only when the file name gives no host.
pub fn convert(name: &str, text: &str) -> Result<Conversion, RulesError> {
    let (host, subs) = host_from_file_name(name).ok_or_else(|| RulesError {
        file: name.to_string(),
        line: 0,
        message: "a FiveFilters site config is named after its host: example.com.txt, \
                  or .example.com.txt for all subdomains"
            .into(),
    })?;
    let mut c = Conversion {
        spec: SiteSpec {
            name: format!("ftr:{}{host}", if subs { "." } else { "" }),
            file: name.to_string(),
            line: 1,
            hosts: vec![(host, subs)],
            ..SiteSpec::default()
        },
        ..Conversion::default()
    };
    let warn = |c: &mut Conversion, line: usize, message: String| {
        c.warnings.push(RulesError {
            file: name.to_string(),
            line,
            message: format!("warning: {message}"),
        })
    };
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let Some((key, value)) = l.split_once(':') else {
            warn(
                &mut c,
                line,
                format!("not a `directive: value` line: {l:?}"),
            );
            continue;
        };
        let key = key.trim();
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        // `directive(argument): value` forms (replace_string(x): y) are fetch-side.
        let base_key = key.split('(').next().unwrap_or(key);
        match base_key {
            "title" | "body" | "author" | "date" | "strip" => {
                c.xpaths += 1;
                match xpath_to_css(value) {
                    Ok(css) => {
                        c.converted += 1;
                        let l = Lined { value: css, line };
                        match base_key {
                            "title" => c.spec.headline.push(l),
                            "body" => c.spec.body.push(l),
                            "author" => c.spec.author.push(l),
                            "date" => c.spec.date.push(l),
                            _ => c.spec.drop.push(l),
                        }
                    }
                    Err(why) => warn(
                        &mut c,
                        line,
                        format!("{base_key}: cannot use XPath {value:?}: {why}"),
                    ),
                }
            }
            "strip_id_or_class" => {
                let v = value.trim_matches(|ch| ch == '\'' || ch == '"');
                let q = css_string(v);
                c.spec.drop.push(Lined {
                    value: format!("[id*={q}], [class*={q}]"),
                    line,
                });
            }
            "strip_image_src" => {
                let v = value.trim_matches(|ch| ch == '\'' || ch == '"');
                c.spec.drop.push(Lined {
                    value: format!("img[src*={}]", css_string(v)),
                    line,
                });
            }
            "test_url" => c.test_urls.push(value.to_string()),
            k if FETCH_DIRECTIVES.contains(&k) => {}
            k => warn(
                &mut c,
                line,
                format!("directive {k:?} is not used by copydesk"),
            ),
        }
    }
    Ok(c)
}

/// A CSS string literal.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' | '\\' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Slash,
    DoubleSlash,
    LBracket,
    RBracket,
    LParen,
    RParen,
    At,
    Comma,
    Pipe,
    Eq,
    NotEq,
    Star,
    Axis(String),
    Dot,
    DotDot,
    Str(String),
    Num(String),
    Name(String),
    Other(char),
}

fn tokenize(s: &str) -> Result<Vec<Tok>, String> {
    let c: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        match ch {
            _ if ch.is_whitespace() => i += 1,
            '/' if c.get(i + 1) == Some(&'/') => {
                out.push(Tok::DoubleSlash);
                i += 2;
            }
            '/' => {
                out.push(Tok::Slash);
                i += 1;
            }
            '[' => {
                out.push(Tok::LBracket);
                i += 1;
            }
            ']' => {
                out.push(Tok::RBracket);
                i += 1;
            }
            '(' => {
                out.push(Tok::LParen);
                i += 1;
            }
            ')' => {
                out.push(Tok::RParen);
                i += 1;
            }
            '@' => {
                out.push(Tok::At);
                i += 1;
            }
            ',' => {
                out.push(Tok::Comma);
                i += 1;
            }
            '|' => {
                out.push(Tok::Pipe);
                i += 1;
            }
            '=' => {
                out.push(Tok::Eq);
                i += 1;
            }
            '!' if c.get(i + 1) == Some(&'=') => {
                out.push(Tok::NotEq);
                i += 2;
            }
            '*' => {
                out.push(Tok::Star);
                i += 1;
            }
            '.' if c.get(i + 1) == Some(&'.') => {
                out.push(Tok::DotDot);
                i += 2;
            }
            '.' if !c.get(i + 1).is_some_and(|d| d.is_ascii_digit()) => {
                out.push(Tok::Dot);
                i += 1;
            }
            '\'' | '"' => {
                let end = c[i + 1..]
                    .iter()
                    .position(|&d| d == ch)
                    .ok_or("unterminated string")?;
                out.push(Tok::Str(c[i + 1..i + 1 + end].iter().collect()));
                i += end + 2;
            }
            _ if ch.is_ascii_digit() || ch == '.' => {
                let start = i;
                while i < c.len() && (c[i].is_ascii_digit() || c[i] == '.') {
                    i += 1;
                }
                out.push(Tok::Num(c[start..i].iter().collect()));
            }
            _ if ch.is_alphabetic() || ch == '_' => {
                let start = i;
                while i < c.len() && (c[i].is_alphanumeric() || matches!(c[i], '_' | '-' | '.')) {
                    i += 1;
                }
                // A namespace prefix ("svg:rect") is not expressible.
                if c.get(i) == Some(&':') && c.get(i + 1) == Some(&':') {
                    out.push(Tok::Axis(c[start..i].iter().collect()));
                    i += 2;
                } else if c.get(i) == Some(&':') {
                    return Err("namespaced names have no CSS equivalent".into());
                } else {
                    out.push(Tok::Name(c[start..i].iter().collect()));
                }
            }
            _ => {
                out.push(Tok::Other(ch));
                i += 1;
            }
        }
    }
    Ok(out)
}

/// Converts an XPath expression to an equivalent CSS selector (list), or says
/// why there is none. Handled: unions (`|`), absolute and relative paths,
/// child and descendant steps (also as `child::`, `descendant::`,
/// `descendant-or-self::node()`), `following-sibling::`, element and `*`
/// tests, and predicates made of `@a`, `@a='v'`, `@a!='v'`,
/// `contains(@a,'v')`, `starts-with(@a,'v')`, the class-word idiom
/// `contains(concat(' ',normalize-space(@class),' '),' v ')`, `and`, `or`,
/// `not()`, a position (`[1]`, `[last()]`, `[position()=2]`) as the first
/// predicate, and a relative path as a predicate (`[.//p]`, `[p]`, as
/// `:has()`). A trailing `/text()`, `/@content` or `/@datetime` is dropped:
/// copydesk reads an element's text, or its content or datetime attribute.
pub fn xpath_to_css(x: &str) -> Result<String, String> {
    let toks = tokenize(x)?;
    if toks.is_empty() {
        return Err("empty expression".into());
    }
    let mut p = Parser { t: &toks, i: 0 };
    let mut parts = Vec::new();
    loop {
        parts.push(p.path(0)?);
        match p.peek() {
            Some(Tok::Pipe) => p.i += 1,
            None => break,
            Some(t) => return Err(format!("unexpected {t:?}")),
        }
    }
    let css = parts.join(", ");
    scraper::Selector::parse(&css)
        .map_err(|e| format!("converted to {css:?}, not valid CSS: {e}"))?;
    Ok(css)
}

struct Parser<'a> {
    t: &'a [Tok],
    i: usize,
}

/// Deepest nesting of predicates handled (deeper: not converted).
const MAX_DEPTH: usize = 8;

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.t.get(self.i)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.t.get(self.i).cloned();
        self.i += 1;
        t
    }
    fn expect(&mut self, want: Tok) -> Result<(), String> {
        match self.next() {
            Some(t) if t == want => Ok(()),
            Some(t) => Err(format!("expected {want:?}, found {t:?}")),
            None => Err(format!("expected {want:?}, found the end")),
        }
    }

    /// A location path, up to `|`, `]`, `)` or the end.
    fn path(&mut self, depth: usize) -> Result<String, String> {
        if depth > MAX_DEPTH {
            return Err("nested too deeply".into());
        }
        let mut css = String::new();
        // How the next step attaches: " " (descendant), " > " (child).
        let mut comb = match self.peek() {
            Some(Tok::DoubleSlash) => {
                self.i += 1;
                " "
            }
            Some(Tok::Slash) => {
                self.i += 1;
                css.push_str(":root");
                // "/html" is the root itself.
                if matches!(self.peek(), Some(Tok::Name(n)) if n == "html") {
                    self.i += 1;
                    self.predicates(&mut css, false, "html", depth)?;
                    match self.peek() {
                        Some(Tok::Slash) => {
                            self.i += 1;
                            " > "
                        }
                        Some(Tok::DoubleSlash) => {
                            self.i += 1;
                            " "
                        }
                        _ => return Ok(css),
                    }
                } else {
                    return Err("an absolute path not starting at /html".into());
                }
            }
            Some(Tok::Dot) => {
                self.i += 1;
                match self.next() {
                    Some(Tok::DoubleSlash) => " ",
                    Some(Tok::Slash) => " > ",
                    _ => return Err("'.' alone selects the context node".into()),
                }
            }
            _ => " ",
        };
        // Does the path start with a descendant step ("//x")?
        let first_desc = comb == " " && css.is_empty();
        let mut steps = 0usize;
        loop {
            // Axis.
            let mut sibling = false;
            let (mut self_axis, mut parent_axis) = (false, false);
            if let Some(Tok::Axis(a)) = self.peek().cloned() {
                self.i += 1;
                match a.as_str() {
                    "child" => {
                        if comb == " " && !css.is_empty() {
                            return Err("child:: after // is not expressible".into());
                        }
                    }
                    "descendant" => {
                        if comb == " > " {
                            comb = " ";
                        } else if !css.is_empty() {
                            return Err("descendant:: after // is not expressible".into());
                        }
                    }
                    "descendant-or-self" => {
                        // descendant-or-self::node()/x is //x.
                        if !matches!(self.next(), Some(Tok::Name(n)) if n == "node") {
                            return Err("descendant-or-self:: other than node()".into());
                        }
                        self.expect(Tok::LParen)?;
                        self.expect(Tok::RParen)?;
                        match self.next() {
                            Some(Tok::Slash) => {
                                comb = " ";
                                continue;
                            }
                            _ => return Err("descendant-or-self::node() at the end".into()),
                        }
                    }
                    "following-sibling" => {
                        if comb != " > " || css.is_empty() {
                            return Err("following-sibling:: must follow a step".into());
                        }
                        comb = " ~ ";
                        sibling = true;
                    }
                    // x/self::y: x that is also y.
                    "self" if comb == " > " && !css.is_empty() => self_axis = true,
                    // //x/parent::y: a y with an x child.
                    "parent" if comb == " > " && steps == 1 && first_desc => parent_axis = true,
                    "parent" => {
                        return Err("parent:: other than after a single //step".into());
                    }
                    other => return Err(format!("the {other}:: axis has no CSS equivalent")),
                }
            }
            // Node test.
            let tag = match self.next() {
                Some(Tok::Star) => "*".to_string(),
                Some(Tok::Name(n)) => {
                    if self.peek() == Some(&Tok::LParen) {
                        match n.as_str() {
                            "text" | "node" if self.t.get(self.i + 1) == Some(&Tok::RParen) => {
                                self.i += 2;
                                if n == "text" && self.at_path_end() && !css.is_empty() {
                                    return Ok(css);
                                }
                                return Err(format!("{n}() in the middle of a path"));
                            }
                            _ => return Err(format!("function {n}() as a step")),
                        }
                    }
                    n.to_ascii_lowercase()
                }
                Some(Tok::At) => {
                    // A trailing attribute: read automatically when it is one
                    // copydesk reads.
                    match self.next() {
                        Some(Tok::Name(a))
                            if matches!(a.as_str(), "content" | "datetime")
                                && self.at_path_end()
                                && !css.is_empty() =>
                        {
                            return Ok(css);
                        }
                        Some(Tok::Name(a)) => {
                            return Err(format!("selects the attribute @{a}, not an element"));
                        }
                        _ => return Err("bad attribute step".into()),
                    }
                }
                Some(Tok::DotDot) => return Err("'..' (parent) has no CSS equivalent".into()),
                Some(Tok::Dot) => return Err("'.' in the middle of a path".into()),
                Some(t) => return Err(format!("unexpected {t:?}")),
                None => return Err("the path ends with a separator".into()),
            };
            let mut step = if tag == "*" {
                String::new()
            } else {
                tag.clone()
            };
            self.predicates(&mut step, sibling || self_axis || parent_axis, &tag, depth)?;
            if self_axis {
                if !step.is_empty() {
                    css.push_str(&format!(":is({step})"));
                }
            } else if parent_axis {
                if step.is_empty() {
                    step.push('*');
                }
                css = format!("{step}:has(> {css})");
            } else {
                if step.is_empty() {
                    step.push('*');
                }
                if !css.is_empty() {
                    css.push_str(comb);
                }
                css.push_str(&step);
            }
            steps += 1;
            match self.peek() {
                Some(Tok::Slash) => {
                    self.i += 1;
                    comb = " > ";
                }
                Some(Tok::DoubleSlash) => {
                    self.i += 1;
                    comb = " ";
                }
                _ => return Ok(css),
            }
        }
    }

    fn at_path_end(&self) -> bool {
        matches!(
            self.peek(),
            None | Some(Tok::Pipe) | Some(Tok::RBracket) | Some(Tok::RParen)
        )
    }

    /// `[...]` after a step, appended to the compound `step`.
    fn predicates(
        &mut self,
        step: &mut String,
        sibling: bool,
        tag: &str,
        depth: usize,
    ) -> Result<(), String> {
        let mut first = true;
        while self.peek() == Some(&Tok::LBracket) {
            self.i += 1;
            // A position.
            let pos = match (self.peek().cloned(), self.t.get(self.i + 1)) {
                (Some(Tok::Num(n)), Some(Tok::RBracket)) => {
                    self.i += 1;
                    Some(Pos::Nth(n.parse::<u32>().map_err(|_| "bad position")?))
                }
                (Some(Tok::Name(f)), Some(Tok::LParen)) if f == "last" => {
                    self.i += 3; // last ( )
                    if self.t.get(self.i - 1) != Some(&Tok::RParen) {
                        return Err("bad last()".into());
                    }
                    Some(Pos::Last)
                }
                (Some(Tok::Name(f)), Some(Tok::LParen)) if f == "position" => {
                    self.i += 2;
                    self.expect(Tok::RParen)?;
                    self.expect(Tok::Eq)?;
                    match self.next() {
                        Some(Tok::Num(n)) => {
                            Some(Pos::Nth(n.parse::<u32>().map_err(|_| "bad position")?))
                        }
                        _ => return Err("position() compared to other than a number".into()),
                    }
                }
                _ => None,
            };
            if let Some(pos) = pos {
                // Only the first predicate counts siblings as CSS does, and
                // only on the child/descendant axes.
                if !first || sibling {
                    return Err("a position after another predicate or on a sibling axis".into());
                }
                let of = if tag == "*" { "child" } else { "of-type" };
                match pos {
                    Pos::Nth(0) => return Err("position 0 selects nothing".into()),
                    Pos::Nth(n) => step.push_str(&format!(":nth-{of}({n})")),
                    Pos::Last => step.push_str(&format!(":last-{of}")),
                }
            } else {
                let e = self.or_expr(depth + 1)?;
                step.push_str(&e);
            }
            self.expect(Tok::RBracket)?;
            first = false;
        }
        Ok(())
    }

    fn or_expr(&mut self, depth: usize) -> Result<String, String> {
        if depth > MAX_DEPTH {
            return Err("nested too deeply".into());
        }
        let mut alts = vec![self.and_expr(depth)?];
        while matches!(self.peek(), Some(Tok::Name(n)) if n == "or") {
            self.i += 1;
            alts.push(self.and_expr(depth)?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or_default()
        } else {
            format!(":is({})", alts.join(", "))
        })
    }

    fn and_expr(&mut self, depth: usize) -> Result<String, String> {
        let mut s = self.unary(depth)?;
        while matches!(self.peek(), Some(Tok::Name(n)) if n == "and") {
            self.i += 1;
            s.push_str(&self.unary(depth)?);
        }
        Ok(s)
    }

    fn unary(&mut self, depth: usize) -> Result<String, String> {
        if depth > MAX_DEPTH {
            return Err("nested too deeply".into());
        }
        match self.peek().cloned() {
            Some(Tok::LParen) => {
                self.i += 1;
                let e = self.or_expr(depth + 1)?;
                self.expect(Tok::RParen)?;
                // A group as a compound: wrap so that "a or b" inside stays whole.
                Ok(format!(":is({e})"))
            }
            Some(Tok::At) => {
                self.i += 1;
                let a = self.attr_name()?;
                match self.peek() {
                    Some(Tok::Eq) => {
                        self.i += 1;
                        let v = self.string()?;
                        Ok(format!("[{a}={}]", css_string(&v)))
                    }
                    Some(Tok::NotEq) => {
                        self.i += 1;
                        let v = self.string()?;
                        Ok(format!(":not([{a}={}])", css_string(&v)))
                    }
                    Some(Tok::Other(c)) => Err(format!("comparison {c:?} on an attribute")),
                    _ => Ok(format!("[{a}]")),
                }
            }
            Some(Tok::Name(f)) if self.t.get(self.i + 1) == Some(&Tok::LParen) => {
                self.i += 2;
                let r = match f.as_str() {
                    "not" => {
                        let e = self.or_expr(depth + 1)?;
                        format!(":not({e})")
                    }
                    "contains" | "starts-with" => {
                        if let Some(word) = self.class_word_idiom()? {
                            format!("[class~={}]", css_string(&word))
                        } else {
                            self.expect(Tok::At)
                                .map_err(|_| format!("{f}() of other than an attribute"))?;
                            let a = self.attr_name()?;
                            self.expect(Tok::Comma)?;
                            let v = self.string()?;
                            let op = if f == "contains" { "*=" } else { "^=" };
                            if v.is_empty() {
                                format!("[{a}]")
                            } else {
                                format!("[{a}{op}{}]", css_string(&v))
                            }
                        }
                    }
                    other => return Err(format!("the function {other}() has no CSS equivalent")),
                };
                self.expect(Tok::RParen)?;
                Ok(r)
            }
            // self::x in a predicate: the element is an x.
            Some(Tok::Axis(a)) if a == "self" => {
                self.i += 1;
                match self.next() {
                    Some(Tok::Name(n)) if self.peek() != Some(&Tok::LParen) => {
                        Ok(format!(":is({})", n.to_ascii_lowercase()))
                    }
                    Some(Tok::Star) => Ok(String::new()),
                    _ => Err("self:: other than an element name".into()),
                }
            }
            // A relative path: "has such a descendant/child".
            Some(Tok::Dot)
            | Some(Tok::Name(_))
            | Some(Tok::Star)
            | Some(Tok::DoubleSlash)
            | Some(Tok::Axis(_)) => {
                let rel = match self.peek().cloned() {
                    Some(Tok::Axis(a)) if a == "child" => {
                        self.i += 1;
                        "> "
                    }
                    Some(Tok::Axis(a)) if a == "descendant" => {
                        self.i += 1;
                        ""
                    }
                    Some(Tok::Axis(a)) => {
                        return Err(format!("the {a}:: axis in a predicate"));
                    }
                    Some(Tok::Dot) => {
                        self.i += 1;
                        match self.next() {
                            Some(Tok::DoubleSlash) => "",
                            Some(Tok::Slash) => "> ",
                            _ => return Err("'.' in a predicate".into()),
                        }
                    }
                    Some(Tok::DoubleSlash) => {
                        return Err("an absolute path in a predicate".into());
                    }
                    _ => "> ",
                };
                let inner = self.path(depth + 1)?;
                if inner.contains(":root") || inner.contains(":has(") {
                    return Err("a path in a predicate that CSS cannot nest".into());
                }
                Ok(format!(":has({rel}{})", inner.trim_start()))
            }
            Some(t) => Err(format!("unexpected {t:?} in a predicate")),
            None => Err("the expression ends inside a predicate".into()),
        }
    }

    /// After `contains(`: the idiom `concat(' ', normalize-space(@class), ' '), ' word '`
    /// (also without normalize-space). Consumes it and returns the word.
    fn class_word_idiom(&mut self) -> Result<Option<String>, String> {
        if !matches!(self.peek(), Some(Tok::Name(n)) if n == "concat") {
            return Ok(None);
        }
        self.i += 1;
        self.expect(Tok::LParen)?;
        let s1 = self.string()?;
        self.expect(Tok::Comma)?;
        let normalized = matches!(self.peek(), Some(Tok::Name(n)) if n == "normalize-space");
        if normalized {
            self.i += 1;
            self.expect(Tok::LParen)?;
        }
        self.expect(Tok::At)?;
        let a = self.attr_name()?;
        if normalized {
            self.expect(Tok::RParen)?;
        }
        self.expect(Tok::Comma)?;
        let s2 = self.string()?;
        self.expect(Tok::RParen)?;
        self.expect(Tok::Comma)?;
        let w = self.string()?;
        let word = w.trim();
        if a != "class" || s1 != " " || s2 != " " || word.is_empty() || word.contains(' ') {
            return Err("a concat() other than the class-word idiom".into());
        }
        if !(w.starts_with(' ') && w.ends_with(' ')) {
            return Err("a class-word test without surrounding spaces".into());
        }
        Ok(Some(word.to_string()))
    }

    fn attr_name(&mut self) -> Result<String, String> {
        match self.next() {
            Some(Tok::Name(a))
                if a.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
            {
                Ok(a.to_ascii_lowercase())
            }
            Some(Tok::Star) => Err("@* has no CSS equivalent".into()),
            _ => Err("bad attribute name".into()),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        match self.next() {
            Some(Tok::Str(s)) => Ok(s),
            Some(t) => Err(format!("expected a string, found {t:?}")),
            None => Err("expected a string".into()),
        }
    }
}

enum Pos {
    Nth(u32),
    Last,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(x: &str) -> String {
        xpath_to_css(x).unwrap_or_else(|e| panic!("{x}: {e}"))
    }

    #[test]
    fn converts_common_forms() {
        assert_eq!(
            ok("//div[@class='story-body']"),
            r#"div[class="story-body"]"#
        );
        assert_eq!(ok("//*[@id='main']"), r#"[id="main"]"#);
        assert_eq!(
            ok("//div[contains(@class,'share')]"),
            r#"div[class*="share"]"#
        );
        assert_eq!(
            ok("//div[contains(concat(' ',normalize-space(@class),' '),' byline ')]"),
            r#"div[class~="byline"]"#
        );
        assert_eq!(ok("//article//p[1]"), "article p:nth-of-type(1)");
        assert_eq!(ok("//ul/li[last()]"), "ul > li:last-of-type");
        assert_eq!(ok("//div[@id='a']/*[2]"), r#"div[id="a"] > :nth-child(2)"#);
        assert_eq!(
            ok("//h1 | //div[@class='x' and @data-y]"),
            r#"h1, div[class="x"][data-y]"#
        );
        assert_eq!(
            ok("//div[@class='a' or @class='b']"),
            r#"div:is([class="a"], [class="b"])"#
        );
        assert_eq!(ok("//div[not(@class='ad')]"), r#"div:not([class="ad"])"#);
        assert_eq!(
            ok("//meta[@property='article:published_time']/@content"),
            r#"meta[property="article:published_time"]"#
        );
        assert_eq!(
            ok("//span[@class='author']/text()"),
            r#"span[class="author"]"#
        );
        assert_eq!(
            ok("/html/body/div[@id='x']"),
            r#":root > body > div[id="x"]"#
        );
        assert_eq!(ok("//div[starts-with(@id,'post-')]"), r#"div[id^="post-"]"#);
        assert_eq!(ok("//h2/following-sibling::p"), "h2 ~ p");
        assert_eq!(ok("//div[.//h1]"), "div:has(h1)");
        assert_eq!(ok("//div[p]"), "div:has(> p)");
        assert_eq!(ok("//p[child::a[@rel='x']]"), r#"p:has(> a[rel="x"])"#);
        assert_eq!(ok("//time/parent::div"), "div:has(> time)");
        assert_eq!(ok("//footer/self::footer"), "footer:is(footer)");
        assert_eq!(
            ok("//img/following-sibling::*[self::div]"),
            "img ~ :is(div)"
        );
    }

    #[test]
    fn reports_what_it_cannot_convert() {
        for x in [
            "//div[contains(text(),'Advert')]",
            "//p[1]/..",
            "//div/p/parent::div",
            "//a/ancestor::div[1]",
            "//div[@class='x'][2]",
            "//h2/following-sibling::p[1]",
            "//ancestor::div",
            "(//div)[1]",
            "//div[string-length(.) < 10]",
            "//@href",
            "//svg:rect",
            "//div[",
            "'",
            "",
        ] {
            assert!(xpath_to_css(x).is_err(), "{x} -> {:?}", xpath_to_css(x));
        }
    }

    #[test]
    fn never_panics_on_garbage() {
        let samples = [
            "//div[contains(concat(' ',normalize-space(@class),' '),' a ') and not(@id='x')]/p[1]",
            "//a[@href!='#']/parent::li/following-sibling::*[self::p or .//span]",
            "/html/body/div[position()=2]//*[last()]/text()",
            "(//x)[1] | //y[@z='\"'] | id('q')",
        ];
        for s in samples {
            for end in 0..=s.len() {
                if s.is_char_boundary(end) {
                    let _ = xpath_to_css(&s[..end]);
                    let _ = xpath_to_css(&s[end..]);
                }
            }
        }
        let deep = format!("//a{}", "[b".repeat(5000));
        assert!(xpath_to_css(&deep).is_err());
        let deep = format!("//a[{}@b{}]", "not(".repeat(5000), ")".repeat(5000));
        assert!(xpath_to_css(&deep).is_err());
        let many = "//a/b".repeat(2000);
        let _ = xpath_to_css(&many);
        assert!(
            convert(
                "x.example.txt",
                "body\n:\n::\nbody: [\nstrip_id_or_class: \"\n"
            )
            .is_ok()
        );
    }

    #[test]
    fn file_names_give_hosts() {
        assert_eq!(
            host_from_file_name("dir/www.example.com.txt"),
            Some(("example.com".into(), false))
        );
        assert_eq!(
            host_from_file_name(".example.org.txt"),
            Some(("example.org".into(), true))
        );
        assert_eq!(host_from_file_name("notes.toml"), None);
        assert_eq!(host_from_file_name("README.txt"), None);
    }
}
