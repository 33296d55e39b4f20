//! Stage 1: bytes to text. Gzip is undone, binary formats are refused, and
//! the encoding is found as a browser would: BOM, then the charset declared in
//! the first bytes (meta charset, http-equiv, XML declaration), then sniffing
//! (chardetng), with a declared charset overruled when the bytes contradict it.

use std::borrow::Cow;
use std::io::Read;

use chardetng::EncodingDetector;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::error::Error;

/// How many leading bytes are searched for a declared charset. Browsers scan
/// 1024; portals often put their meta tags after long scripts, so we look further.
const PRESCAN: usize = 8192;

/// Text decoded from a page, with the encoding used.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
}

/// Undoes gzip compression when the bytes start with gzip's magic number.
/// `limit` bounds the decompressed size.
pub fn gunzip_if_needed(bytes: &[u8], limit: usize) -> Result<Cow<'_, [u8]>, Error> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(Cow::Borrowed(bytes));
    }
    let mut out = Vec::new();
    let mut reader = flate2::read::MultiGzDecoder::new(bytes).take(limit as u64 + 1);
    reader
        .read_to_end(&mut out)
        .map_err(|e| Error::Gzip(e.to_string()))?;
    if out.len() > limit {
        return Err(Error::TooLarge {
            size: out.len(),
            limit,
        });
    }
    Ok(Cow::Owned(out))
}

/// The page inside a browser's single-file save (MHTML, "Webpage, single
/// file"): the first `text/html` part of the multipart/related message,
/// undone from quoted-printable or base64, with the address it was saved
/// from (`Content-Location`) and the charset its part header names.
pub struct Mhtml {
    pub html: Vec<u8>,
    pub location: Option<String>,
    pub charset: Option<&'static Encoding>,
}

/// Unwraps MHTML, or gives `None` for anything else (most pages: only the
/// first bytes are looked at).
pub fn unwrap_mhtml(bytes: &[u8]) -> Option<Mhtml> {
    let head = &bytes[..bytes.len().min(4096)];
    // Headers first (no markup before them), a multipart/related type: a
    // page, opening with markup, is told apart before anything is copied.
    if head.trim_ascii_start().first().is_none_or(|&b| b == b'<') {
        return None;
    }
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let find = |hay: &[u8], needle: &[u8]| memchr::memmem::find(hay, needle);
    find(&lower, b"mime-version:")?;
    let ct = find(&lower, b"multipart/related")?;
    let b = ct + find(&lower[ct..], b"boundary=")? + 9;
    let rest = &head[b..];
    let (quoted, rest) = match rest.first() {
        Some(b'"') => (true, &rest[1..]),
        _ => (false, rest),
    };
    let end = rest.iter().position(|&c| {
        if quoted {
            c == b'"'
        } else {
            c == b';' || c.is_ascii_whitespace()
        }
    })?;
    let mut boundary = b"--".to_vec();
    boundary.extend_from_slice(&rest[..end]);
    let mut at = find(bytes, &boundary)?;
    loop {
        let start = at + boundary.len();
        let next = find(&bytes[start..], &boundary).map(|n| start + n);
        let part = &bytes[start..next.unwrap_or(bytes.len())];
        let split = find(part, b"\r\n\r\n")
            .map(|i| (i, 4))
            .or_else(|| find(part, b"\n\n").map(|i| (i, 2)));
        if let Some((h, gap)) = split {
            let headers = String::from_utf8_lossy(&part[..h]).to_string();
            let header = |name: &str| {
                headers.lines().find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.trim()
                        .eq_ignore_ascii_case(name)
                        .then(|| v.trim().to_string())
                })
            };
            let ctype = header("content-type").unwrap_or_default();
            if ctype.to_ascii_lowercase().starts_with("text/html") {
                let body = &part[h + gap..];
                let html = match header("content-transfer-encoding")
                    .map(|e| e.to_ascii_lowercase())
                    .as_deref()
                {
                    Some("quoted-printable") => quoted_printable(body),
                    Some("base64") => base64(body),
                    _ => body.to_vec(),
                };
                let charset = ctype.to_ascii_lowercase().split(';').find_map(|p| {
                    let v = p.trim().strip_prefix("charset=")?;
                    Encoding::for_label(v.trim_matches('"').as_bytes())
                });
                return Some(Mhtml {
                    html,
                    location: header("content-location").filter(|l| l.starts_with("http")),
                    charset,
                });
            }
        }
        at = next?;
    }
}

/// Undoes quoted-printable, forgiving the slips saved pages have.
fn quoted_printable(body: &[u8]) -> Vec<u8> {
    quoted_printable::decode(body, quoted_printable::ParseMode::Robust)
        .unwrap_or_else(|_| body.to_vec())
}

/// Undoes base64 written in lines.
fn base64(body: &[u8]) -> Vec<u8> {
    use base64::Engine as _;
    let clean: Vec<u8> = body
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD
        .decode(&clean)
        .unwrap_or_default()
}

/// Refuses input that is empty or plainly not a web page.
pub fn check_is_html(bytes: &[u8]) -> Result<(), Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"%PDF-", "a PDF document"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x1f\x8b", "gzip data inside gzip data"),
        (b"\x7fELF", "an ELF executable"),
        (b"BZh", "bzip2 data"),
        (b"\xfd7zXZ\x00", "xz data"),
        (b"\x28\xb5\x2f\xfd", "zstd data"),
        (b"OggS", "an Ogg file"),
        (b"RIFF", "a RIFF (WAV/AVI/WebP) file"),
        (b"\x00\x00\x01\x00", "an ICO image"),
        (b"wOFF", "a WOFF font"),
        (b"wOF2", "a WOFF2 font"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(Error::NotHtml(format!("the bytes are {what}")));
        }
    }
    // UTF-16 text is full of NULs (and its CJK characters of control-like
    // bytes), so only judge binary-ness after ruling it out, by its BOM or
    // by its NULs.
    let utf16 = matches!(Encoding::for_bom(bytes), Some((e, _)) if e == UTF_16LE || e == UTF_16BE)
        || utf16_without_bom(bytes).is_some();
    if !utf16 {
        let head = &bytes[..bytes.len().min(4096)];
        let control = head
            .iter()
            .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
            .count();
        // Compressed or random data has about one control byte in ten; a
        // page or a text file next to none. Below that share, bytes with
        // some control characters and no tag at all are binary too.
        if control * 10 > head.len() || control * 33 > head.len() && !has_tags(bytes) {
            return Err(Error::NotHtml(
                "the bytes look binary (many control characters)".into(),
            ));
        }
    }
    Ok(())
}

/// Does the start of `bytes` hold an HTML tag that every page has?
fn has_tags(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes[..bytes.len().min(65536)]
        .iter()
        .map(|b| b.to_ascii_lowercase())
        .collect();
    [
        &b"<html"[..],
        b"<head",
        b"<body",
        b"<meta",
        b"<title",
        b"<div",
        b"<p>",
        b"<p ",
        b"<!doctype",
    ]
    .iter()
    .any(|t| memchr::memmem::find(&head, t).is_some())
}

/// Decodes `bytes`, choosing the encoding as described in the module docs.
/// `forced` is a label given by the user, which wins over everything.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Decoded {
    let (text, encoding) = decode_borrowed(bytes, forced);
    Decoded {
        text: text.into_owned(),
        encoding,
    }
}

/// As [`decode`], borrowing the bytes when they are the text already
/// (UTF-8 without a BOM: most pages), instead of copying them.
pub fn decode_borrowed<'a>(
    bytes: &'a [u8],
    forced: Option<&'static Encoding>,
) -> (Cow<'a, str>, &'static Encoding) {
    let encoding = forced.unwrap_or_else(|| detect(bytes));
    let (text, _, _) = encoding.decode(bytes); // strips a BOM of the same encoding
    (text, encoding)
}

/// Looks up an encoding label as browsers do ("gb2312" is GBK, "latin1" is windows-1252).
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, Error> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| Error::UnknownEncoding(label.into()))
}

/// Chooses the encoding of a page.
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return enc;
    }
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let utf8_ok = std::str::from_utf8(bytes).is_ok();
    match declared_charset(head) {
        Some(declared) => {
            if declared == UTF_8 {
                if utf8_ok || mostly_utf8(bytes) {
                    return UTF_8;
                }
                // Declared UTF-8 but it is not: trust the bytes.
                return sniff(bytes, head);
            }
            // A legacy charset declared over bytes that are valid, non-ASCII
            // UTF-8 (the "gb2312 page saved as UTF-8" case): UTF-8 wins, since
            // legacy multi-byte text is almost never valid UTF-8 by chance.
            if utf8_ok && !bytes.is_ascii() {
                return UTF_8;
            }
            // A few broken sequences are common in real pages; only many of
            // them mean the declaration is wrong, and then the sniffed guess
            // must do clearly better.
            let declared_bad = bad_share(declared, bytes);
            if declared_bad > 0.02 {
                let guess = sniff(bytes, head);
                if bad_share(guess, bytes) * 4.0 < declared_bad {
                    return guess;
                }
            }
            declared
        }
        None if utf8_ok => UTF_8,
        None => sniff(bytes, head),
    }
}

/// Guesses the encoding from the bytes, told the page's country or
/// language when its head gives one (`tld_hint`): chardetng weighs the
/// encodings of a country's script higher, so that an English page's
/// few "£" are not read as the Polish "Ł" of windows-1250.
fn sniff(bytes: &[u8], head: &[u8]) -> &'static Encoding {
    let mut det = EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    det.feed(bytes, true);
    let hint = tld_hint(head);
    det.guess(
        hint.as_ref().map(|t| t.as_slice()),
        chardetng::Utf8Detection::Allow,
    )
}

/// A two-letter country domain for the page, as chardetng takes it: the
/// one of the address the page was saved from (a browser's "saved from
/// url" comment, the canonical link, og:url) when that is a country's, else
/// one standing for the language of `<html lang>` ("en" reads as a Western
/// country's, "pl" as Poland's, "zh-TW" as Taiwan's).
fn tld_hint(head: &[u8]) -> Option<[u8; 2]> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    if let Some(t) = address_in_head(&lower).and_then(country_domain) {
        return Some(t);
    }
    let at = memchr::memmem::find(&lower, b"<html")?;
    let end = memchr::memchr(b'>', &lower[at..]).map_or(lower.len(), |e| at + e);
    let lang = attr_value(&lower[at + 5..end], b"lang")?;
    let (primary, region) = match lang.iter().position(|&b| b == b'-' || b == b'_') {
        Some(i) => (&lang[..i], &lang[i + 1..]),
        None => (lang, &b""[..]),
    };
    let tld: &[u8; 2] = match primary {
        b"zh" if matches!(region, b"tw" | b"hk" | b"mo" | b"hant") => b"tw",
        b"zh" => b"cn",
        b"ja" => b"jp",
        b"ko" => b"kr",
        b"pl" => b"pl",
        b"cs" => b"cz",
        b"sk" => b"sk",
        b"hu" => b"hu",
        b"hr" => b"hr",
        b"sl" => b"si",
        b"ro" => b"ro",
        b"bs" => b"ba",
        b"sr" => b"rs",
        b"ru" => b"ru",
        b"uk" => b"ua",
        b"be" => b"by",
        b"bg" => b"bg",
        b"mk" => b"mk",
        b"kk" => b"kz",
        b"el" => b"gr",
        b"tr" => b"tr",
        b"az" => b"az",
        b"he" | b"iw" => b"il",
        b"ar" => b"sa",
        b"fa" => b"ir",
        b"ur" => b"pk",
        b"lt" => b"lt",
        b"lv" => b"lv",
        b"vi" => b"vn",
        b"th" => b"th",
        b"is" => b"is",
        b"fo" => b"fo",
        // Languages written in Latin letters of western Europe's encodings.
        b"en" | b"fr" | b"de" | b"es" | b"it" | b"pt" | b"nl" | b"sv" | b"da" | b"no" | b"nb"
        | b"nn" | b"fi" | b"ga" | b"ca" | b"eu" | b"gl" | b"af" | b"id" | b"ms" | b"sw" => b"us",
        _ => return None,
    };
    Some(*tld)
}

/// The address a (lowercased) head gives for the page, scheme and all.
fn address_in_head(lower: &[u8]) -> Option<&[u8]> {
    if let Some(at) = memchr::memmem::find(lower, b"saved from url=(") {
        let rest = &lower[at + 16..];
        let rest = &rest[rest.iter().position(|&b| b == b')')? + 1..];
        return Some(rest);
    }
    tags(lower, b"<link")
        .find(|tag| attr_value(tag, b"rel").is_some_and(|v| v == b"canonical"))
        .and_then(|tag| attr_value(tag, b"href"))
        .or_else(|| {
            tags(lower, b"<meta")
                .find(|tag| attr_value(tag, b"property").is_some_and(|v| v == b"og:url"))
                .and_then(|tag| attr_value(tag, b"content"))
        })
}

/// The insides of the tags `open` ("<meta") starts in a (lowercased) head,
/// up to each one's '>'.
fn tags<'a>(lower: &'a [u8], open: &'static [u8]) -> impl Iterator<Item = &'a [u8]> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let at = memchr::memmem::find(&lower[pos..], open)?;
        let start = pos + at + open.len();
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        pos = end;
        Some(&lower[start..end])
    })
}

/// The two-letter country domain of an address's host, if it has one.
fn country_domain(url: &[u8]) -> Option<[u8; 2]> {
    let rest = &url[memchr::memmem::find(url, b"://")? + 3..];
    let host_end = rest
        .iter()
        .position(|b| matches!(b, b'/' | b':' | b'?' | b'#' | b'"' | b'\'' | b' ' | b'>'))
        .unwrap_or(rest.len());
    let host = &rest[..host_end];
    let label = host.rsplit(|&b| b == b'.').next()?;
    match label {
        [a, b] if a.is_ascii_lowercase() && b.is_ascii_lowercase() => Some([*a, *b]),
        _ => None,
    }
}

/// Share of the non-ASCII characters of the decoded text that are
/// replacement characters (bytes the encoding could not map).
fn bad_share(enc: &'static Encoding, bytes: &[u8]) -> f32 {
    let (text, _, errors) = enc.decode(bytes);
    if !errors {
        return 0.0;
    }
    let (mut bad, mut non_ascii) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if c == '\u{fffd}' {
            bad += 1;
        }
    }
    bad as f32 / non_ascii.max(1) as f32
}

/// True when at most a small share of the non-ASCII sequences are broken UTF-8:
/// a UTF-8 page with a few stray bytes stays UTF-8.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    let (mut good, mut bad) = (0usize, 0usize);
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                // SAFETY-free: `valid` is valid UTF-8 by construction.
                good += std::str::from_utf8(valid)
                    .map(|s| s.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                // (A sequence cut off by the end of the file is a page saved
                // short, not a sign of another encoding.)
                if e.error_len().is_some() {
                    bad += 1;
                }
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = &after[skip.min(after.len())..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    // One stray byte among a page's UTF-8 text is a slip, not an encoding.
    bad * 20 <= good.max(20) && (bad == 0 || good > 0)
}

/// UTF-16 without a BOM shows as NULs in every other byte of ASCII markup.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 > pairs * 6 && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 > pairs * 6 && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The charset declared in `<meta charset>`, `<meta http-equiv content>` or an
/// XML declaration, as an encoding. UTF-16 declared in a meta tag means UTF-8
/// (the bytes could not have been read as ASCII otherwise), as in the HTML spec.
pub fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    if lower.starts_with(b"<?xml")
        && let Some(end) = memchr::memmem::find(&lower, b"?>")
        && let Some(label) = attr_value(&lower[..end], b"encoding")
    {
        return label_to_encoding(label);
    }
    for tag in tags(&lower, b"<meta") {
        if let Some(enc) = attr_value(tag, b"charset").and_then(label_to_encoding) {
            return Some(enc);
        }
        if attr_value(tag, b"http-equiv").is_some_and(|v| v == b"content-type")
            && let Some(content) = attr_value(tag, b"content")
            && let Some(i) = memchr::memmem::find(content, b"charset")
        {
            let rest = &content[i + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
                let rest = rest.strip_prefix(b"'").unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|b| matches!(b, b';' | b'"' | b'\'' | b' '))
                    .unwrap_or(rest.len());
                if let Some(enc) = label_to_encoding(&rest[..label_end]) {
                    return Some(enc);
                }
            }
        }
    }
    None
}

fn label_to_encoding(label: &[u8]) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label.trim_ascii())?;
    if enc == UTF_16LE || enc == UTF_16BE {
        return Some(UTF_8);
    }
    Some(enc)
}

/// Value of attribute `name` in the inside of a (lowercased) tag.
fn attr_value<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut pos = 0;
    while let Some(at) = memchr::memmem::find(&tag[pos..], name) {
        let i = pos + at;
        pos = i + name.len();
        let before_ok = i == 0
            || matches!(
                tag[i - 1],
                b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'"' | b'\''
            );
        let rest = tag[pos..].trim_ascii_start();
        if !before_ok || !rest.starts_with(b"=") {
            continue;
        }
        let rest = rest[1..].trim_ascii_start();
        return Some(match rest.first() {
            Some(&q @ (b'"' | b'\'')) => {
                let body = &rest[1..];
                &body[..memchr::memchr(q, body).unwrap_or(body.len())]
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|b| {
                        b.is_ascii_whitespace() || matches!(b, b'/' | b'>' | b';' | b'"' | b'\'')
                    })
                    .unwrap_or(rest.len());
                &rest[..end]
            }
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(s).0.into_owned()
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        assert_eq!(
            declared_charset(b"<meta charset=\"gb2312\">"),
            Some(encoding_rs::GBK)
        );
        assert_eq!(
            declared_charset(
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=big5\">"
            ),
            Some(encoding_rs::BIG5)
        );
        assert_eq!(
            declared_charset(b"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>"),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(declared_charset(b"<meta name=x content=y>"), None);
    }

    #[test]
    fn declared_gbk_is_used() {
        let mut page = b"<html><head><meta charset=gb2312></head><body>".to_vec();
        page.extend(gbk("新华社北京电，这是一篇新闻报道。"));
        let d = decode(&page, None);
        assert_eq!(d.encoding, encoding_rs::GBK);
        assert!(d.text.contains("新华社北京电"));
    }

    #[test]
    fn gb2312_label_over_utf8_bytes_is_utf8() {
        let page = "<meta charset=gb2312><p>新华社北京电，这是一篇新闻报道。</p>".as_bytes();
        assert_eq!(detect(page), UTF_8);
    }

    #[test]
    fn undeclared_gbk_is_sniffed() {
        let mut page = b"<html><body><p>".to_vec();
        page.extend(gbk(
            "中华人民共和国国务院新闻办公室今天举行新闻发布会，介绍经济运行情况。",
        ));
        assert_eq!(detect(&page), encoding_rs::GBK);
    }

    #[test]
    fn utf8_declared_over_gbk_bytes_is_sniffed() {
        let mut page = b"<meta charset=utf-8><p>".to_vec();
        page.extend(gbk(
            "中华人民共和国国务院新闻办公室今天举行新闻发布会，介绍经济运行情况。",
        ));
        assert_eq!(detect(&page), encoding_rs::GBK);
    }

    #[test]
    fn a_few_broken_sequences_do_not_overrule_the_declaration() {
        let mut page = b"<meta charset=gb2312><p>".to_vec();
        for _ in 0..20 {
            page.extend(gbk(
                "中华人民共和国国务院新闻办公室今天举行新闻发布会，介绍经济运行情况。",
            ));
        }
        page.extend(b"\xff\xff"); // one stray, undecodable pair
        page.extend(gbk("结束。"));
        assert_eq!(detect(&page), encoding_rs::GBK);
    }

    #[test]
    fn the_pages_language_or_country_steers_the_sniffing() {
        // An English story's pound signs, undeclared windows-1252 (0xA3),
        // alone read as windows-1250's "Ł".
        let story = |open: &str| -> Vec<u8> {
            let mut page = format!("{open}<head><title>Council tax to rise by ").into_bytes();
            page.push(0xa3);
            page.extend_from_slice(b"120</title></head><body><p>Households will pay an extra ");
            page.push(0xa3);
            page.extend_from_slice(b"120 a year, the council said, to close a gap of ");
            page.push(0xa3);
            page.extend_from_slice(b"4.5m. The average bill will be ");
            page.push(0xa3);
            page.extend_from_slice(b"1,980.</p></body></html>");
            page
        };
        assert_eq!(
            detect(&story("<html lang='en-GB'>")),
            encoding_rs::WINDOWS_1252
        );
        assert_eq!(
            detect(&story(
                "<!-- saved from url=(0031)https://news.example.co.uk/a -->\n<html>"
            )),
            encoding_rs::WINDOWS_1252
        );
        assert_eq!(
            tld_hint(b"<html><link rel=canonical href='https://wiadomosci.example.pl/a'>"),
            Some(*b"pl")
        );
        assert_eq!(tld_hint(b"<html lang=zh-TW>"), Some(*b"tw"));
        assert_eq!(tld_hint(b"<html lang=x-klingon>"), None);
        assert_eq!(
            tld_hint(b"<html><link rel=canonical href='https://news.example.com/a'>"),
            None
        );
        // A Polish page that says so is read in a Central European encoding.
        let (polish, _, _) = encoding_rs::WINDOWS_1250
            .encode("<html lang=pl><body><p>Rada miasta zdecydowała, że podatek wzrośnie. Mieszkańcy zapłacą więcej już od kwietnia, a urzędnicy mówią, że to konieczne.</p></body></html>");
        let got = detect(&polish);
        assert!(
            got == encoding_rs::WINDOWS_1250 || got == encoding_rs::ISO_8859_2,
            "{got:?}"
        );
    }

    #[test]
    fn boms_and_utf16() {
        assert_eq!(detect(b"\xef\xbb\xbf<p>x</p>"), UTF_8);
        let le: Vec<u8> = "<html><p>hello world</p></html>"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(detect(&le), UTF_16LE);
        let be: Vec<u8> = "<html><p>hello world</p></html>"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(detect(&be), UTF_16BE);
        assert!(check_is_html(&le).is_ok());
        // Chinese text in UTF-16 is mostly bytes below 0x20 and no NULs:
        // its BOM says it is text.
        let mut zh: Vec<u8> = vec![0xff, 0xfe];
        zh.extend(
            "<p>居民周二晚投票决定用木材重建有百年历史的码头。居民周二晚投票决定用木材重建。</p>"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        assert!(check_is_html(&zh).is_ok());
        assert_eq!(detect(&zh), UTF_16LE);
    }

    #[test]
    fn one_stray_byte_or_a_cut_character_keeps_declared_utf8() {
        let page =
            "<meta charset=utf-8><p>The café on the quay reopened, and the crêpes are back.</p>";
        let mut stray = page.as_bytes().to_vec();
        stray.splice(40..40, [0xa0]);
        assert_eq!(detect(&stray), UTF_8);
        // Saved short, in the middle of "£".
        let mut cut = page.as_bytes().to_vec();
        cut.extend("<p>£".as_bytes());
        cut.pop();
        assert_eq!(detect(&cut), UTF_8);
        // A windows-1252 page declared UTF-8 is still read as what it is.
        let mut latin = b"<meta charset=utf-8><p>The caf".to_vec();
        latin.extend(b"\xe9 on the quay reopened, and the cr\xeapes are back.</p>");
        assert_ne!(detect(&latin), UTF_8);
    }

    #[test]
    fn a_browsers_single_file_save_gives_the_page_inside() {
        let mhtml = b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B--1\"\r\n\r\n\
------B--1\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example/story\r\n\r\n\
<p class=3D\"x\">Fares rise by =C2=A32 from Ap=\r\nril.</p>\r\n------B--1\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------B--1--\r\n";
        let m = unwrap_mhtml(mhtml).expect("MHTML");
        assert_eq!(
            String::from_utf8(m.html).unwrap(),
            "<p class=\"x\">Fares rise by \u{a3}2 from April.</p>\r\n"
        );
        assert_eq!(m.location.as_deref(), Some("https://news.example/story"));
        // Base64 parts, and a charset in the part's header.
        let b64 = b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=XX\n\n--XX\nContent-Type: text/html; charset=\"windows-1252\"\nContent-Transfer-Encoding: base64\n\nPHA+Y2Fm6TwvcD4=\n--XX--\n";
        let m = unwrap_mhtml(b64).expect("MHTML");
        assert_eq!(m.html, b"<p>caf\xe9</p>");
        assert_eq!(m.charset, Some(encoding_rs::WINDOWS_1252));
        // A page is no MHTML, nor is a mail without an HTML part.
        assert!(unwrap_mhtml(b"<html><p>MIME-Version: 1.0 multipart/related</p>").is_none());
        assert!(unwrap_mhtml(b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=Q\n\n--Q\nContent-Type: text/plain\n\nhi\n--Q--").is_none());
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            check_is_html(b"\x89PNG\r\n\x1a\n...."),
            Err(Error::NotHtml(_))
        ));
        assert!(matches!(check_is_html(b"%PDF-1.7"), Err(Error::NotHtml(_))));
        assert!(matches!(check_is_html(&[0u8; 100]), Err(Error::NotHtml(_))));
        assert!(matches!(check_is_html(b"  \n"), Err(Error::Empty)));
        assert!(check_is_html(b"<p>hi</p>").is_ok());
        // Compressed or random bytes: control characters and no tag.
        let mut x: u32 = 12345;
        let noise: Vec<u8> = (0..3000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 16) as u8
            })
            .collect();
        assert!(matches!(check_is_html(&noise), Err(Error::NotHtml(_))));
        // A page with a few control characters in it is still a page.
        let mut page = b"<html><body><p>".to_vec();
        page.extend(std::iter::repeat_n(b'a', 200));
        page.extend(b"\x01\x02\x03\x04\x05\x06\x07\x08</p></body></html>");
        assert!(check_is_html(&page).is_ok());
    }
}
