//! Text helpers shared by the stages: whitespace collapsing that respects CJK,
//! character classes, and the "weight" of a text for scoring.

/// Is `c` a character of a script written without spaces between words
/// (Han, kana, Hangul syllables are spaced but their punctuation is not), or
/// full-width punctuation?
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF      // radicals, Kangxi
        | 0x3000..=0x303F    // CJK symbols and punctuation
        | 0x3040..=0x30FF    // kana
        | 0x3100..=0x31FF    // bopomofo, kana ext
        | 0x3400..=0x4DBF    // ext A
        | 0x4E00..=0x9FFF    // unified
        | 0xF900..=0xFAFF    // compatibility
        | 0xFE30..=0xFE4F    // compatibility forms
        | 0xFF00..=0xFFEF    // half/full-width forms
        | 0x20000..=0x2FA1F)
}

/// Whitespace as HTML collapses it (ASCII whitespace plus the Unicode spaces
/// pages use for indentation, such as U+3000 and NBSP).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

/// A run of whitespace not yet written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pending {
    /// Any whitespace at all.
    pub any: bool,
    /// A line break of the source.
    brk: bool,
    /// A space that is not ASCII (U+3000, no-break space): always shown.
    wide: bool,
    /// Only where a removed element was, no whitespace of the source: not
    /// shown before closing punctuation ("Jane Doe<span>card</span>, said").
    soft: bool,
}

impl Pending {
    /// A separation that shows as a space between words but not inside CJK
    /// text (where a removed element was).
    pub fn soft() -> Self {
        Pending {
            any: true,
            brk: true,
            wide: false,
            soft: true,
        }
    }

    /// A separation between blocks or at a `<br>`: shows as a space.
    pub fn space() -> Self {
        Pending {
            any: true,
            brk: false,
            wide: true,
            soft: false,
        }
    }

    /// Both separations at once: the stronger shows.
    pub fn and(self, other: Self) -> Self {
        Pending {
            any: self.any || other.any,
            brk: self.brk || other.brk,
            wide: self.wide || other.wide,
            // Soft only when each side is soft or nothing.
            soft: (self.soft || !self.any) && (other.soft || !other.any),
        }
    }
}

/// Appends `s` to `out`, collapsing whitespace as a browser renders inline
/// text: a run of whitespace becomes one space and none at the start of
/// `out`. Between two CJK characters a run made only of a source line break
/// (with ASCII spaces around it) disappears, as in CSS's segment-break rule,
/// so no space is inserted inside Chinese or Japanese text; a typed space or
/// an ideographic space is kept as one space. `pending` carries a run across
/// calls (text split over several nodes).
pub fn push_collapsed(out: &mut String, s: &str, pending: &mut Pending) {
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        if c.is_ascii() && !c.is_ascii_whitespace() && c != '\u{b}' {
            // Printable ASCII: after the first character of a word, nothing
            // is pending, so the rest of its run of ASCII is copied as is.
            if pending.any {
                // (No CJK rule: `c` is not CJK.)
                let closing =
                    pending.soft && matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']');
                if !out.is_empty() && !closing {
                    out.push(' ');
                }
                *pending = Pending::default();
            }
            let run = rest
                .bytes()
                .position(|b| !b.is_ascii() || b.is_ascii_whitespace() || b == 0x0b)
                .unwrap_or(rest.len());
            out.push(c);
            out.push_str(&rest[..run]);
            rest = &rest[run..];
            continue;
        }
        if is_space(c) {
            pending.any = true;
            pending.soft = false;
            match c {
                '\n' | '\r' => pending.brk = true,
                ' ' | '\t' | '\u{c}' | '\u{200b}' | '\u{feff}' => {}
                _ => pending.wide = true,
            }
            continue;
        }
        if pending.any {
            if let Some(last) = out.chars().next_back() {
                let drop = pending.brk && !pending.wide && is_cjk(last) && is_cjk(c);
                if !drop {
                    out.push(' ');
                }
            }
            *pending = Pending::default();
        }
        out.push(c);
    }
}

/// Collapses the whitespace of a whole string (see [`push_collapsed`]).
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = Pending::default();
    push_collapsed(&mut out, s, &mut pending);
    out
}

/// Decodes the character references left in text that was escaped twice
/// (a meta description reading "&bdquo;Härting&rdquo;", a JSON-LD name
/// "Lindsey O&#039;Donnell"): numeric ones, and the named ones such text
/// uses (quotes, dashes, spaces, accented Latin letters). `None` when there
/// is none. Unknown names are left as they are.
pub fn decode_entities(s: &str) -> Option<String> {
    if !s.contains('&') {
        return None;
    }
    const NAMED: &[(&str, &str)] = &[
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("nbsp", "\u{a0}"),
        ("ndash", "–"),
        ("mdash", "—"),
        ("lsquo", "‘"),
        ("rsquo", "’"),
        ("sbquo", "‚"),
        ("ldquo", "“"),
        ("rdquo", "”"),
        ("bdquo", "„"),
        ("laquo", "«"),
        ("raquo", "»"),
        ("lsaquo", "‹"),
        ("rsaquo", "›"),
        ("hellip", "…"),
        ("middot", "·"),
        ("bull", "•"),
        ("shy", ""),
        ("copy", "©"),
        ("reg", "®"),
        ("trade", "™"),
        ("euro", "€"),
        ("pound", "£"),
        ("deg", "°"),
        ("auml", "ä"),
        ("ouml", "ö"),
        ("uuml", "ü"),
        ("Auml", "Ä"),
        ("Ouml", "Ö"),
        ("Uuml", "Ü"),
        ("szlig", "ß"),
        ("eacute", "é"),
        ("egrave", "è"),
        ("ecirc", "ê"),
        ("Eacute", "É"),
        ("aacute", "á"),
        ("agrave", "à"),
        ("acirc", "â"),
        ("iacute", "í"),
        ("oacute", "ó"),
        ("ocirc", "ô"),
        ("uacute", "ú"),
        ("ntilde", "ñ"),
        ("ccedil", "ç"),
        ("oslash", "ø"),
        ("aring", "å"),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut changed = false;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let num = name
                .strip_prefix('#')
                .and_then(|n| match n.strip_prefix(['x', 'X']) {
                    Some(h) => u32::from_str_radix(h, 16).ok(),
                    None => n.parse().ok(),
                });
            match num {
                Some(n) => char::from_u32(n)
                    .filter(|c| !c.is_control())
                    .map(String::from),
                None => NAMED
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string()),
            }
            .map(|v| (v, e))
        });
        match decoded {
            Some((v, e)) => {
                out.push_str(&v);
                rest = &rest[e + 1..];
                changed = true;
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// A Hangul syllable or letter.
pub fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F)
}

/// Length of a text for scoring: a CJK character carries about as much as a
/// short Latin word, so it weighs three; a Hangul syllable, a block of two
/// or three letters, weighs two.
pub fn weight(s: &str) -> usize {
    // Pages are mostly ASCII (scripts, markup-heavy text): runs of ASCII bytes
    // weigh their length and are skipped a word at a time; only the other
    // characters are decoded.
    let b = s.as_bytes();
    let mut w = 0;
    let mut i = 0;
    while i < b.len() {
        let run = ascii_run(&b[i..]);
        w += run;
        i += run;
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        w += if is_cjk(c) {
            3
        } else if is_hangul(c) {
            2
        } else {
            1
        };
        i += c.len_utf8();
    }
    w
}

/// Length of the run of ASCII bytes at the start of `b`.
fn ascii_run(b: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while i + 8 <= b.len() {
        let word = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
        let high = word & HIGH;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i] < 0x80 {
        i += 1;
    }
    i
}

/// Number of clause separators (commas in Latin and CJK scripts).
pub fn commas(s: &str) -> usize {
    s.chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '،' | '；' | ';'))
        .count()
}

/// Does the text end like a sentence?
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '”', '’', ')', '）', '」', '』', ' ']);
    t.ends_with(['.', '!', '?', '。', '！', '？', '…', ':', '：'])
}

/// Lowercase ASCII, keep the rest: for comparing labels and names.
pub fn fold(s: &str) -> String {
    s.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_references_left_by_double_escaping() {
        assert_eq!(
            decode_entities("Lindsey O&#039;Donnell").as_deref(),
            Some("Lindsey O'Donnell")
        );
        assert_eq!(
            decode_entities("des neuen &bdquo;H&auml;rting&rdquo; &amp; mehr").as_deref(),
            Some("des neuen „Härting” & mehr")
        );
        assert_eq!(decode_entities("it&#x2019;s").as_deref(), Some("it’s"));
        // Nothing to decode, an unknown name, a lone ampersand.
        assert_eq!(decode_entities("Tom & Jerry"), None);
        assert_eq!(decode_entities("AT&T;s &foo; R&D"), None);
        assert_eq!(decode_entities("&#0; &#99999999;"), None);
    }

    #[test]
    fn collapses_latin_whitespace_to_one_space() {
        assert_eq!(normalize("  a \n\t b  "), "a b");
    }

    #[test]
    fn no_space_between_cjk_characters() {
        assert_eq!(normalize("中文\n  文本"), "中文文本");
        assert_eq!(normalize("中文 text"), "中文 text");
        assert_eq!(normalize("　　段落开头"), "段落开头");
        assert_eq!(
            normalize("来源：新华社　作者：张三"),
            "来源：新华社 作者：张三"
        );
        assert_eq!(normalize("本报讯 今天"), "本报讯 今天");
    }

    #[test]
    fn collapsing_agrees_with_the_char_by_char_definition() {
        fn slow(out: &mut String, s: &str, pending: &mut Pending) {
            for c in s.chars() {
                if is_space(c) {
                    pending.any = true;
                    pending.soft = false;
                    match c {
                        '\n' | '\r' => pending.brk = true,
                        ' ' | '\t' | '\u{c}' | '\u{200b}' | '\u{feff}' => {}
                        _ => pending.wide = true,
                    }
                    continue;
                }
                if pending.any {
                    if let Some(last) = out.chars().next_back() {
                        let closing = pending.soft && ",.;:!?)]".contains(c);
                        let drop =
                            closing || pending.brk && !pending.wide && is_cjk(last) && is_cjk(c);
                        if !drop {
                            out.push(' ');
                        }
                    }
                    *pending = Pending::default();
                }
                out.push(c);
            }
        }
        let pieces = [
            "",
            " ",
            "a",
            "ab c",
            "  x\ny  ",
            "中文\n  文本",
            "中文 text",
            "\u{3000}段落",
            "a\u{b}b\u{c}c\u{1c}d\u{85}e",
            "\u{a0}x\u{200b}y\u{feff}",
            "word.\r\n中",
            "é ü",
            ", said",
            ").",
        ];
        for a in pieces {
            for b in pieces {
                for start in [Pending::default(), Pending::soft(), Pending::space()] {
                    let (mut o1, mut p1) = (String::from("前"), start);
                    let (mut o2, mut p2) = (String::from("前"), start);
                    push_collapsed(&mut o1, a, &mut p1);
                    push_collapsed(&mut o1, b, &mut p1);
                    slow(&mut o2, a, &mut p2);
                    slow(&mut o2, b, &mut p2);
                    assert_eq!((o1, p1), (o2, p2), "{a:?} {b:?}");
                }
            }
        }
        let all: String = (0..0x3100u32).filter_map(char::from_u32).collect();
        let (mut o1, mut p1) = (String::new(), Pending::default());
        let (mut o2, mut p2) = (String::new(), Pending::default());
        push_collapsed(&mut o1, &all, &mut p1);
        slow(&mut o2, &all, &mut p2);
        assert_eq!(o1, o2);
    }

    #[test]
    fn a_removed_element_leaves_no_space_before_closing_punctuation() {
        // `before`, a removed element, then ", said".
        let around_removed = |before: &str| {
            let mut out = String::new();
            let mut p = Pending::default();
            push_collapsed(&mut out, before, &mut p);
            p = p.and(Pending::soft());
            push_collapsed(&mut out, ", said", &mut p);
            out
        };
        assert_eq!(around_removed("Jane Doe"), "Jane Doe, said");
        // Whitespace of the source still shows, as a browser shows it.
        assert_eq!(around_removed("Jane Doe "), "Jane Doe , said");
    }

    #[test]
    fn pending_space_crosses_calls() {
        let mut out = String::new();
        let mut p = Pending::default();
        push_collapsed(&mut out, "one ", &mut p);
        push_collapsed(&mut out, "two", &mut p);
        assert_eq!(out, "one two");
    }

    #[test]
    fn weight_is_one_per_character_three_per_cjk_two_per_hangul() {
        let slow = |s: &str| -> usize {
            s.chars()
                .map(|c| {
                    if is_cjk(c) {
                        3
                    } else if is_hangul(c) {
                        2
                    } else {
                        1
                    }
                })
                .sum()
        };
        let mut all = String::new();
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            all.push(c);
            if (c as u32).is_multiple_of(7) {
                all.push_str("plain ascii run");
            }
        }
        assert_eq!(weight(&all), slow(&all));
        for (k, _) in all.char_indices().step_by(4099).take(200) {
            let t = &all[k..];
            assert_eq!(weight(t), slow(t));
            let t = &all[..k];
            assert_eq!(weight(t), slow(t));
        }
        for s in [
            "",
            "a",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "é",
            "aaaaaaaé",
            "aaaaaaaaé中",
        ] {
            assert_eq!(weight(s), slow(s), "{s}");
        }
    }

    #[test]
    fn weights_and_commas() {
        assert_eq!(weight("ab"), 2);
        assert_eq!(weight("中文"), 6);
        assert_eq!(commas("a, b，c、d"), 3);
        assert!(ends_sentence("It works."));
        assert!(ends_sentence("好。"));
        assert!(!ends_sentence("Read more"));
    }
}
