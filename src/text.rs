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

/// Appends `s` to `out`, collapsing whitespace as a browser renders inline
/// text: a run of whitespace becomes one space, except that none is kept
/// between two CJK characters nor at the start of `out`.
/// `pending` carries a run of whitespace across calls (text split over nodes).
pub fn push_collapsed(out: &mut String, s: &str, pending: &mut bool) {
    for c in s.chars() {
        if is_space(c) {
            *pending = true;
            continue;
        }
        if *pending {
            if let Some(last) = out.chars().next_back()
                && !(is_cjk(last) && is_cjk(c))
            {
                out.push(' ');
            }
            *pending = false;
        }
        out.push(c);
    }
}

/// Collapses the whitespace of a whole string (see [`push_collapsed`]).
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    push_collapsed(&mut out, s, &mut pending);
    out
}

/// Length of a text for scoring: a CJK character carries about as much as a
/// short Latin word, so it weighs three.
pub fn weight(s: &str) -> usize {
    s.chars().map(|c| if is_cjk(c) { 3 } else { 1 }).sum()
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
    fn collapses_latin_whitespace_to_one_space() {
        assert_eq!(normalize("  a \n\t b  "), "a b");
    }

    #[test]
    fn no_space_between_cjk_characters() {
        assert_eq!(normalize("中文\n  文本"), "中文文本");
        assert_eq!(normalize("中文 text"), "中文 text");
        assert_eq!(normalize("　　段落开头"), "段落开头");
    }

    #[test]
    fn pending_space_crosses_calls() {
        let mut out = String::new();
        let mut p = false;
        push_collapsed(&mut out, "one ", &mut p);
        push_collapsed(&mut out, "two", &mut p);
        assert_eq!(out, "one two");
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
