//! The command line: inputs, outputs, errors and exit statuses.

use std::io::Write;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const ARTICLE: &str = "<html><head><title>Rain floods the valley - The Daily</title></head><body>\
<h1>Rain floods the valley</h1><p>It rained all day in the valley, and the river rose by two metres \
before the evening, flooding the lower streets and closing both bridges.</p><p>Crews worked through \
the night to clear the drains, and the council opened the school hall to families who had to leave \
their homes.</p></body></html>";

fn copydesk() -> Command {
    Command::cargo_bin("copydesk").expect("binary built")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

#[test]
fn one_page_gives_one_object() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.html", ARTICLE.as_bytes());
    let out = copydesk().arg(&p).output().unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"], p.as_str());
    assert_eq!(v["headline"], "Rain floods the valley");
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 2);
    // Not a terminal: compact, one line.
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn pretty_flag_indents() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.html", ARTICLE.as_bytes());
    let out = copydesk().arg("--pretty").arg(&p).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().lines().count() > 10);
}

#[test]
fn several_pages_give_json_lines_in_argument_order() {
    let dir = tempfile::tempdir().unwrap();
    let b = write(dir.path(), "b.html", ARTICLE.as_bytes());
    let a = write(
        dir.path(),
        "a.html",
        ARTICLE.replace("Rain", "Snow").as_bytes(),
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(ARTICLE.replace("Rain", "Hail").as_bytes())
        .unwrap();
    let c = write(dir.path(), "c.html.gz", &gz.finish().unwrap());
    let out = copydesk().args([&b, &a, &c]).output().unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let heads: Vec<&str> = lines
        .iter()
        .map(|v| v["headline"].as_str().unwrap())
        .collect();
    assert_eq!(
        heads,
        [
            "Rain floods the valley",
            "Snow floods the valley",
            "Hail floods the valley"
        ]
    );
    assert_eq!(lines[2]["source"], c.as_str());
}

#[test]
fn stdin_with_dash_and_without_path() {
    for args in [vec!["-"], vec![]] {
        let out = copydesk()
            .args(&args)
            .write_stdin(ARTICLE)
            .output()
            .unwrap();
        assert!(out.status.success());
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["source"], "-");
        assert_eq!(v["headline"], "Rain floods the valley");
    }
}

#[test]
fn bad_inputs_are_named_and_the_rest_still_processed() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.html", ARTICLE.as_bytes());
    let png = write(dir.path(), "image.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let pdf = write(dir.path(), "doc.html", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
    let empty = write(dir.path(), "empty.html", b"");
    let missing = dir.path().join("missing.html").display().to_string();
    let out = copydesk()
        .args([&png, &good, &missing, &pdf, &empty])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "the good page still comes out");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"));
    for (path, why) in [
        (&png, "PNG"),
        (&missing, "no such file"),
        (&pdf, "PDF"),
        (&empty, "empty"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(path.as_str()))
            .unwrap_or_else(|| panic!("{path} not named: {stderr}"));
        assert!(line.contains(why), "{line}");
    }
}

#[test]
fn usage_errors_exit_2() {
    copydesk().arg("--no-such-flag").assert().code(2);
    copydesk()
        .args(["--encoding", "no-such-encoding", "-"])
        .write_stdin(ARTICLE)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-encoding"));
}

#[test]
fn encoding_flag_overrides_detection() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<html><body><h1>Größe</h1><p>Die Größe des Flusses überraschte die Bewohner des Tals, die seit Jahren kein solches Hochwasser erlebt hatten.</p></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
    let p = write(dir.path(), "de.html", &bytes);
    let out = copydesk()
        .args(["--encoding", "latin1", &p])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["encoding"], "windows-1252");
    assert_eq!(v["headline"], "Größe");
}

#[test]
fn a_page_without_an_article_has_empty_paragraphs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = copydesk()
        .current_dir(root)
        .arg("samples/index-page.html")
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["paragraphs"], serde_json::json!([]));
}

#[test]
fn user_rules_add_to_the_builtin_ones_and_bad_files_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.html", ARTICLE.as_bytes());
    let rules = write(
        dir.path(),
        "mine.toml",
        b"[[drop]]\nname = \"no-crews\"\ntext = ['^Crews worked']\n",
    );
    let out = copydesk().args(["--rules", &rules, &p]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 1);
    let bad = write(
        dir.path(),
        "bad.toml",
        b"[[drop]]\nname = \"x\"\nselect = [\"div[\"]\n",
    );
    copydesk()
        .args(["--rules", &bad, &p])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("bad.toml:3")
                .and(predicate::str::contains("invalid selector")),
        );
}

#[test]
fn a_folder_takes_single_file_saves_and_reads_the_page_inside() {
    // Chrome's "Webpage, single file": MHTML, the page quoted-printable.
    let qp = ARTICLE
        .replace('=', "=3D")
        .replace("two metres", "two=\r\n metres");
    let mhtml = format!(
        "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\
         \ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x----\"\r\n\r\n\
         ------MultipartBoundary--x----\r\nContent-Type: text/html\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\
         Content-Location: https://daily.example/rain\r\n\r\n{qp}\r\n------MultipartBoundary--x------\r\n"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    write(&dir.path().join("in"), "rain.mhtml", mhtml.as_bytes());
    let out_dir = dir.path().join("out");
    let out = copydesk()
        .arg(dir.path().join("in"))
        .arg("-o")
        .arg(&out_dir)
        .arg("-q")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("rain.json")).unwrap()).unwrap();
    assert_eq!(v["url"], "https://daily.example/rain");
    assert_eq!(v["headline"], "Rain floods the valley");
    assert!(
        v["paragraphs"][0]
            .as_str()
            .unwrap()
            .contains("rose by two metres before"),
        "{v}"
    );
}
