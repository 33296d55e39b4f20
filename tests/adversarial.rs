//! Hostile and broken input (issue 5): each case builds its input here and must
//! end in a JSON result or a one-line error naming the file and the reason.
//! Error cases drive the command line; the others call the library. Timeouts
//! only catch hangs: they are far above the time any case takes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use copydesk::{Article, Error, Options};
use predicates::prelude::*;
use tempfile::TempDir;

/// Catches hangs, not slowness.
const HANG: Duration = Duration::from_secs(120);

fn cli() -> Command {
    let mut c = assert_cmd::cargo::cargo_bin_cmd!("copydesk");
    c.timeout(HANG);
    c
}

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// Runs the CLI on one file named `name` and checks it fails with exactly one
/// line on stderr, naming the file and containing `reason`; nothing on stdout.
fn assert_one_line_error(name: &str, bytes: &[u8], reason: &str) {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, name, bytes);
    let out = cli().arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
    assert!(out.stdout.is_empty(), "{name}: stdout {:?}", out.stdout);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{name}: {stderr}");
    assert!(
        lines[0].starts_with(&format!("copydesk: {}: ", path.display())),
        "{stderr}"
    );
    assert!(lines[0].contains(reason), "{name}: {stderr}");
}

fn extract(bytes: &[u8]) -> Result<Article, Error> {
    copydesk::extract(bytes, &Options::default())
}

/// The article serialises, with every paragraph non-empty.
fn sane(a: &Article) {
    let v: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
    assert!(v.is_object());
    assert!(a.paragraphs.iter().all(|p| !p.trim().is_empty()));
}

/// A short news story, `n` paragraphs of distinct text.
fn story(n: usize) -> String {
    let mut s = String::from(
        "<html><head><title>Harbour bridge reopens - The Courier</title></head><body>\
         <nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Harbour bridge reopens</h1>",
    );
    for i in 0..n {
        s.push_str(&format!(
            "<p>Paragraph {i}: after eleven months of repairs the harbour bridge carried its first \
             traffic this morning, and commuters from the northern suburbs said the crossing \
             took them less than ten minutes again.</p>"
        ));
    }
    s.push_str("</article><footer>Copyright The Courier</footer></body></html>");
    s
}

// ---- errors, through the command line ----

#[test]
fn empty_file() {
    assert_one_line_error("empty.html", b"", "empty file");
    assert_one_line_error("blank.html", b" \n\t\n", "empty file");
}

#[test]
fn file_of_nul_bytes() {
    assert_one_line_error("nul.html", &[0u8; 4096], "not HTML");
}

/// A small but valid PNG: signature, IHDR, IDAT, IEND (CRCs are not checked by us).
fn png() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
    b.extend(b"\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89");
    b.extend(b"\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0");
    b.extend(b"\0\0\0\0IEND\xaeB`\x82");
    b
}

#[test]
fn png_named_html() {
    assert_one_line_error("photo.html", &png(), "PNG");
}

#[test]
fn pdf_named_html() {
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
        2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    assert_one_line_error("report.html", pdf, "PDF");
}

#[test]
fn gzip_of_png_named_html() {
    assert_one_line_error("photo.html", &gzip(&png()), "PNG");
    assert_one_line_error("photo.html.gz", &gzip(&png()), "PNG");
}

#[test]
fn truncated_gzip() {
    let gz = gzip(story(40).as_bytes());
    assert_one_line_error("story.html.gz", &gz[..gz.len() / 2], "gzip");
    assert_one_line_error("header-only.html.gz", &gz[..12], "gzip");
}

#[test]
fn size_limit() {
    let page = story(20);
    let msg = "over the limit of 1000 bytes";
    let dir = TempDir::new().unwrap();
    let plain = write(&dir, "big.html", page.as_bytes());
    let gz = write(&dir, "big.html.gz", &gzip(page.as_bytes()));
    for p in [&plain, &gz] {
        cli()
            .arg("--max-size=1000")
            .arg(p)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(msg).and(predicate::str::contains("--max-size")));
    }
    // Over the limit from stdin too.
    cli()
        .args(["--max-size=1000", "-"])
        .write_stdin(page.clone())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("over the limit"));
    // A gzip bomb stops at the limit: 1 MB of zeros-like text, limit 100 kB.
    let bomb = gzip(&vec![b'a'; 1 << 20]);
    assert!(bomb.len() < 10_000);
    let bomb = write(&dir, "bomb.html.gz", &bomb);
    cli()
        .arg("--max-size=100000")
        .arg(&bomb)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("over the limit of 100000 bytes"));
    // Other files in the same run still give their results.
    let ok = write(&dir, "ok.html", story(3).as_bytes());
    cli()
        .arg("--max-size=2000")
        .arg(&plain)
        .arg(&ok)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Harbour bridge reopens").count(1));
}

#[test]
fn write_error_on_full_disk() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        return; // not Linux
    }
    let dir = TempDir::new().unwrap();
    let page = write(&dir, "page.html", story(3).as_bytes());
    for args in [vec![page.clone()], vec![page.clone(), page.clone()]] {
        // std's Command, to send stdout to /dev/full.
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin!("copydesk"))
            .args(&args)
            .stdout(std::fs::File::create(full).unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("cannot write output"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
}

/// A reader that goes away (`copydesk *.html | head -1`): no panic, no hang.
#[test]
fn closed_pipe() {
    use std::io::BufRead;
    use std::process::Stdio;
    let dir = TempDir::new().unwrap();
    let page = write(&dir, "page.html", story(3).as_bytes());
    // Enough output to overflow the pipe's buffer after the reader is gone.
    let args: Vec<&PathBuf> = std::iter::repeat_n(&page, 2000).collect();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("copydesk"))
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("Harbour bridge reopens"));
    let out = child.wait_with_output().unwrap(); // stdout was dropped above
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        out.status.code().is_some(),
        "killed by a signal: {:?}",
        out.status
    );
}

/// Each rules error names the file and the line, and comes before any page is
/// read: the page given does not even exist.
#[test]
fn bad_rules_files() {
    let cases: &[(&str, &str, usize)] = &[
        (
            "[[drop]]\nname = \"x\"\nselect = [\"div[[\"]\n",
            "selector",
            3,
        ),
        (
            "[[drop]]\nname = \"x\"\n\nclass_id = [\"(unclosed\"]\n",
            "regex",
            4,
        ),
        (
            "[[drop]]\nname = \"x\"\nselekt = [\"div\"]\n",
            "unknown field",
            3,
        ),
        ("\n[[score]]\nname = \"x\"\nweight = \"high\"\n", "", 4),
    ];
    for (text, what, line) in cases {
        let dir = TempDir::new().unwrap();
        let rules = write(&dir, "site.toml", text.as_bytes());
        let out = cli()
            .arg("--rules")
            .arg(&rules)
            .arg(dir.path().join("missing.html"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(out.stdout.is_empty());
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        let at = format!("{}:{line}:", rules.display());
        assert!(stderr.contains(&at), "want {at} in {stderr}");
        assert!(
            stderr.to_lowercase().contains(what),
            "want {what} in {stderr}"
        );
        assert!(!stderr.contains("missing.html"), "{stderr}");
    }
}

// ---- results, through the library ----

fn declared_utf8_page(stray: &[u8], every: usize) -> Vec<u8> {
    let mut page =
        b"<html><head><meta charset=utf-8><title>T</title></head><body><article>".to_vec();
    for i in 0..30 {
        page.extend(format!("<p>Paragraph {i}: le café était fermé à cause de la grève, et les habitués attendaient dehors.").as_bytes());
        if i % every == 0 {
            page.extend(stray);
        }
        page.extend(b"</p>");
    }
    page.extend(b"</article></body></html>");
    page
}

#[test]
fn invalid_utf8_in_a_page_declared_utf8() {
    // A few stray bytes: still UTF-8, with replacement characters.
    let a = extract(&declared_utf8_page(b" stray \xff bytes", 15)).unwrap();
    sane(&a);
    assert_eq!(a.encoding, "utf-8");
    assert!(
        a.paragraphs
            .iter()
            .any(|p| p.contains("le café était fermé"))
    );
    assert!(a.paragraphs.iter().any(|p| p.contains('\u{fffd}')));
    // Broken throughout: the declaration is not believed, but a result comes.
    let a = extract(&declared_utf8_page(b" \xff\xfe\xc3 \x80\x80", 1)).unwrap();
    sane(&a);
    assert_eq!(a.paragraphs.len(), 30);
    // Invalid UTF-8 everywhere, no markup: a result or a clear error, no panic.
    let noise: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 | 0x80)
        .collect();
    match extract(&[b"<meta charset=utf-8>".as_slice(), &noise].concat()) {
        Ok(a) => sane(&a),
        Err(e) => assert!(!e.to_string().contains('\n')),
    }
}

const ZH: &str = "新华社北京三月五日电，第十四届全国人民代表大会第二次会议今天上午在人民大会堂开幕，代表们听取并审议了政府工作报告。";

fn zh_page(charset: &str) -> String {
    let paras: String = (0..8).map(|i| format!("<p>{i}。{ZH}</p>")).collect();
    format!(
        "<html><head><meta charset=\"{charset}\"><title>两会开幕</title></head><body><article>{paras}</article></body></html>"
    )
}

#[test]
fn declared_gb2312_but_really_utf8() {
    let a = extract(zh_page("gb2312").as_bytes()).unwrap();
    sane(&a);
    assert_eq!(a.encoding, "utf-8");
    assert!(
        a.paragraphs.iter().any(|p| p.contains("人民大会堂")),
        "{a:?}"
    );
}

#[test]
fn declared_utf8_but_really_gbk() {
    let page = zh_page("utf-8");
    let (bytes, _, _) = encoding_rs::GBK.encode(&page);
    let a = extract(&bytes).unwrap();
    sane(&a);
    assert_eq!(a.encoding, "gbk");
    assert!(
        a.paragraphs.iter().any(|p| p.contains("人民大会堂")),
        "{a:?}"
    );
}

#[test]
fn utf16_with_and_without_bom() {
    let page = story(6);
    let le: Vec<u8> = page.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = page.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    let with_bom = |bom: &[u8], body: &[u8]| [bom, body].concat();
    let cases = [
        ("le+bom", with_bom(b"\xff\xfe", &le), "utf-16le"),
        ("be+bom", with_bom(b"\xfe\xff", &be), "utf-16be"),
        ("le", le.clone(), "utf-16le"),
        ("be", be.clone(), "utf-16be"),
    ];
    for (what, bytes, enc) in cases {
        let a = extract(&bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
        sane(&a);
        assert_eq!(a.encoding, enc, "{what}");
        assert_eq!(
            a.headline.as_deref(),
            Some("Harbour bridge reopens"),
            "{what}"
        );
        assert_eq!(a.paragraphs.len(), 6, "{what}");
    }
}

#[test]
fn hundred_thousand_nested_divs() {
    let depth = 100_000;
    let mut page = String::from("<html><body>");
    for i in 0..depth {
        page.push_str(if i % 3 == 0 {
            "<div class=\"wrap\">"
        } else {
            "<div>"
        });
    }
    page.push_str("<p>The innermost text of a very deep page, kept whatever the nesting.</p>");
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</body></html>");
    let a = extract(page.as_bytes()).unwrap();
    sane(&a);
    // Also through the whole pipeline with a descendant-combinator rule over
    // every element: our selectors walk ancestors, which must stay bounded.
    let rules = copydesk::Rules::from_sources(&[(
        "deep.toml".into(),
        "[[drop]]\nname = \"deep\"\nselect = [\"body div div span\", \"div > div > p.never\"]\n"
            .into(),
    )])
    .unwrap();
    let a = copydesk::Extractor::new(rules)
        .extract(page.as_bytes(), &Options::default())
        .unwrap();
    sane(&a);
    // The text survives the depth limit.
    let dom = copydesk::parse::Dom::parse(&page);
    let body = (0..dom.items.len())
        .find(|&i| dom.tag(i) == "body")
        .unwrap();
    assert!(dom.text_of(body).contains("innermost text"));
}

#[test]
fn million_sibling_elements() {
    let mut page = String::with_capacity(16 << 20);
    page.push_str("<html><body><div>");
    for _ in 0..1_000_000 {
        page.push_str("<i></i>");
    }
    page.push_str("</div></body></html>");
    let a = extract(page.as_bytes()).unwrap();
    sane(&a);
    assert!(a.paragraphs.is_empty());
}

#[test]
fn twenty_megabyte_text_node() {
    let words = "lorem ipsum dolor sit amet ".repeat(20 * 1024 * 1024 / 27);
    let page = format!("<html><body><article><h1>Long</h1><p>{words}</p></article></body></html>");
    assert!(page.len() > 20 * 1024 * 1024 - 100);
    let a = extract(page.as_bytes()).unwrap();
    sane(&a);
    assert_eq!(a.paragraphs.len(), 1);
    assert_eq!(a.paragraphs[0], words.trim_end());
}

#[test]
fn fifty_megabyte_page_of_ordinary_markup() {
    // Story markup repeated: sections with paragraphs, links, lists, share bars.
    let mut page = String::with_capacity(51 << 20);
    page.push_str("<html><head><title>Archive - The Courier</title></head><body><main>");
    let mut i = 0usize;
    while page.len() < 50 << 20 {
        page.push_str(&format!(
            "<section class=\"story\"><h2><a href=\"/s/{i}\">Story {i}</a></h2>\
             <p>Story {i} begins: the council met on Tuesday to discuss the budget for the \
             coming year, and agreed to keep the libraries open on Sundays.</p>\
             <ul class=\"tags\"><li><a href=/t/a>Council</a></li><li><a href=/t/b>Budget</a></li></ul>\
             <div class=\"share-bar\"><a href=#>Share</a></div></section>"
        ));
        i += 1;
    }
    page.push_str("</main></body></html>");
    let a = extract(page.as_bytes()).unwrap();
    sane(&a);
    assert!(a.paragraphs.iter().all(|p| !p.contains("Share")));
}

#[test]
fn ten_thousand_attributes_on_one_element() {
    let attrs: String = (0..10_000)
        .map(|i| format!(" data-a{i}=\"v{i}\""))
        .collect();
    let classes: String = (0..10_000).map(|i| format!("c{i} ")).collect();
    let page = story(6).replacen(
        "<article>",
        &format!("<article{attrs} class=\"{classes}\">"),
        1,
    );
    let a = extract(page.as_bytes()).unwrap();
    sane(&a);
    assert_eq!(a.paragraphs.len(), 6, "{a:?}");
}

#[test]
fn unterminated_comment_swallows_the_rest() {
    let page = story(5);
    let at = page.find("<p>Paragraph 3").unwrap();
    let broken = format!("{}<!-- note to editors{}", &page[..at], &page[at..]);
    let a = extract(broken.as_bytes()).unwrap();
    sane(&a);
    assert!(a.paragraphs.iter().any(|p| p.contains("Paragraph 2:")));
    assert!(!a.paragraphs.iter().any(|p| p.contains("Paragraph 3")));
}

#[test]
fn unterminated_script_swallows_the_rest() {
    let page = story(5);
    let at = page.find("<p>Paragraph 3").unwrap();
    let broken = format!(
        "{}<script>var x = '</scr' + 'ipt>';{}",
        &page[..at],
        &page[at..]
    );
    let a = extract(broken.as_bytes()).unwrap();
    sane(&a);
    assert!(a.paragraphs.iter().any(|p| p.contains("Paragraph 2:")));
    assert!(!a.paragraphs.iter().any(|p| p.contains("Paragraph 3")));
    assert!(!a.paragraphs.iter().any(|p| p.contains("var x")));
}

#[test]
fn page_of_nothing_but_scripts() {
    let script = "<script>document.write('<p>' + 'This text is written by a script and is never \
        read by copydesk, however long it gets.' + '</p>');</script>";
    let page = format!(
        "<html><head>{s}{s}</head><body>{s}{s}{s}<script type=\"application/json\">{{\"a\": 1}}</script></body></html>",
        s = script
    );
    let a = extract(page.as_bytes()).unwrap();
    sane(&a);
    assert!(a.paragraphs.is_empty(), "{:?}", a.paragraphs);
    assert!(a.headline.is_none());
    // And through the command line: a JSON result, exit 0.
    let dir = TempDir::new().unwrap();
    let p = write(&dir, "scripts.html", page.as_bytes());
    let out = cli().arg(&p).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["paragraphs"], serde_json::json!([]));
}
