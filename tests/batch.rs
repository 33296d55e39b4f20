//! Batches from the command line: folders, order, output folders and
//! resuming, failures in the middle, JSON Lines, lists of paths, closed pipes.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

fn copydesk() -> Command {
    Command::new(BIN)
}

/// A small news page whose headline and body name `n`.
fn page(n: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Harbour report {n} - The Coast Courier</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
         <article><h1>Harbour report {n}</h1>\
         <p>Fishing boats returned early to the harbour on Monday for report {n}, as the \
         wind rose through the afternoon and the coastguard warned of waves over four metres \
         along the northern shore.</p>\
         <p>Harbour staff said the moorings held, and no boat was lost, though two piers \
         were closed overnight while engineers checked the damage to the outer wall.</p>\
         </article><footer>Copyright The Coast Courier</footer></body></html>"
    )
}

fn write(path: &Path, data: impl AsRef<[u8]>) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, data).unwrap();
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn headlines(out: &[u8]) -> Vec<String> {
    lines(out)
        .iter()
        .map(|v| v["headline"].as_str().unwrap_or("").to_string())
        .collect()
}

/// A folder of pages whose creation order is not their sorted order.
fn tree(root: &Path) -> Vec<&'static str> {
    let names = [
        "m/07.html",
        "b.htm",
        "m/02.html.gz",
        "a.html",
        "z/deep/x.shtml",
        "m/10.xhtml",
        "c.HTML",
    ];
    for name in names {
        let body = page(name);
        if name.ends_with(".gz") {
            write(&root.join(name), gzip(body.as_bytes()));
        } else {
            write(&root.join(name), body);
        }
    }
    write(&root.join("notes.txt"), "not a page");
    write(&root.join("m/data.json"), "{}");
    // Sorted by name, byte order, depth first.
    vec![
        "a.html",
        "b.htm",
        "c.HTML",
        "m/02.html.gz",
        "m/07.html",
        "m/10.xhtml",
        "z/deep/x.shtml",
    ]
}

#[test]
fn folders_are_walked_in_sorted_order_and_output_is_identical_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("saved");
    let order = tree(&root);
    let want: Vec<String> = order
        .iter()
        .map(|n| format!("Harbour report {n}"))
        .collect();
    let one = copydesk().arg(&root).args(["-j", "1"]).assert().success();
    let one = one.get_output().stdout.clone();
    assert_eq!(headlines(&one), want);
    for _ in 0..3 {
        let many = copydesk().arg(&root).args(["-j", "4"]).assert().success();
        assert_eq!(
            many.get_output().stdout,
            one,
            "byte-identical with 4 threads"
        );
    }
    // Folders' pages keep the order of the arguments.
    let out = copydesk()
        .arg(root.join("z"))
        .arg(root.join("a.html"))
        .arg(root.join("m"))
        .assert()
        .success();
    assert_eq!(
        headlines(&out.get_output().stdout),
        [
            "z/deep/x.shtml",
            "a.html",
            "m/02.html.gz",
            "m/07.html",
            "m/10.xhtml"
        ]
        .map(|n| format!("Harbour report {n}"))
    );
    // --glob chooses other files.
    let out = copydesk()
        .arg(&root)
        .args(["--glob", "*.txt"])
        .assert()
        .success();
    let got = lines(&out.get_output().stdout);
    assert_eq!(got.len(), 1);
    assert!(got[0]["source"].as_str().unwrap().ends_with("notes.txt"));
}

#[test]
fn output_folder_mirrors_the_tree() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("saved");
    let order = tree(&root);
    let out = dir.path().join("out");
    copydesk()
        .arg(&root)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let mut found: Vec<String> = walk(&out)
        .iter()
        .map(|p| p.strip_prefix(&out).unwrap().display().to_string())
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            "a.json",
            "b.json",
            "c.json",
            "m/02.json",
            "m/07.json",
            "m/10.json",
            "z/deep/x.json"
        ]
    );
    let v: Value = serde_json::from_slice(&fs::read(out.join("m/02.json")).unwrap()).unwrap();
    assert_eq!(v["headline"], "Harbour report m/02.html.gz");
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 2);
    assert_eq!(order.len(), found.len());
    // Nothing was written in the input folder.
    assert!(
        walk(&root)
            .iter()
            .all(|p| !p.to_string_lossy().ends_with(".json") || p.ends_with("m/data.json"))
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn a_rerun_resumes_an_interrupted_run() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("saved");
    tree(&root);
    let out = dir.path().join("out");
    // What an interrupted run left: two outputs done, one half-written temp file.
    write(&out.join("a.json"), "{\"kept\": true}\n");
    write(&out.join("m/07.json"), "{\"kept\": true}\n");
    write(&out.join("m/.10.json.copydesk-tmp"), "{\"source\":\"half");
    let run = copydesk()
        .arg(&root)
        .arg("-o")
        .arg(&out)
        .arg("--verbose")
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert!(
        stderr.contains("5 extracted") && stderr.contains("2 skipped"),
        "{stderr}"
    );
    // Done outputs were not redone; missing ones were made, complete.
    assert_eq!(
        fs::read_to_string(out.join("a.json")).unwrap(),
        "{\"kept\": true}\n"
    );
    let v: Value = serde_json::from_slice(&fs::read(out.join("m/10.json")).unwrap()).unwrap();
    assert_eq!(v["headline"], "Harbour report m/10.xhtml");
    let leftovers: Vec<_> = walk(&out)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".copydesk-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(walk(&out).len(), 7);
    // --overwrite redoes everything.
    copydesk()
        .arg(&root)
        .arg("-o")
        .arg(&out)
        .arg("--overwrite")
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&fs::read(out.join("a.json")).unwrap()).unwrap();
    assert_eq!(v["headline"], "Harbour report a.html");
}

#[test]
fn output_inside_an_input_folder_needs_consent() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("saved");
    tree(&root);
    let out = root.join("extracted");
    copydesk()
        .arg(&root)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("inside the input folder"));
    assert!(!out.exists(), "nothing is created when refused");
    copydesk()
        .arg(&root)
        .arg("-o")
        .arg(&out)
        .arg("--output-in-input")
        .assert()
        .success();
    assert_eq!(walk(&out).len(), 7);
    // A second run does not take the outputs as inputs, even with a glob that would.
    let again = copydesk()
        .arg(&root)
        .arg("-o")
        .arg(&out)
        .args(["--output-in-input", "--glob", "**/*.json", "-v"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&again.get_output().stderr).to_string();
    assert!(stderr.contains("1 page:"), "only m/data.json: {stderr}");
}

#[test]
fn a_bad_page_in_the_middle_is_named_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("saved");
    write(&root.join("1.html"), page("one"));
    write(
        &root.join("2.html"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01",
    );
    write(&root.join("3.html"), page("three"));
    write(&root.join("4.html.gz"), b"\x1f\x8b\x08\0 this is not gzip");
    write(&root.join("5.html"), page("five"));
    for jobs in ["1", "3"] {
        let run = copydesk().arg(&root).args(["-j", jobs]).assert().code(1);
        let out = run.get_output();
        assert_eq!(
            headlines(&out.stdout),
            [
                "Harbour report one",
                "Harbour report three",
                "Harbour report five"
            ]
        );
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        let named: Vec<&str> = stderr.lines().collect();
        assert_eq!(named.len(), 2, "{stderr}");
        assert!(named[0].starts_with("copydesk: ") && named[0].contains("2.html: not HTML"));
        assert!(named[1].contains("4.html.gz: "));
    }
    // --fail-fast stops at the first.
    let run = copydesk()
        .arg(&root)
        .args(["--fail-fast", "-j", "2"])
        .assert()
        .code(1);
    let out = run.get_output();
    assert_eq!(headlines(&out.stdout), ["Harbour report one"]);
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    // With an output folder too: failures are named, the rest is written.
    let dest = dir.path().join("out");
    copydesk()
        .arg(&root)
        .arg("-o")
        .arg(&dest)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("2.html: not HTML"));
    let mut made: Vec<String> = walk(&dest)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    made.sort();
    assert_eq!(made, ["1.json", "3.json", "5.json"]);
}

#[test]
fn exit_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.html");
    write(&good, page("good"));
    // One page: one object, exit 0.
    let run = copydesk().arg(&good).assert().success();
    let v: Value = serde_json::from_slice(&run.get_output().stdout).unwrap();
    assert_eq!(v["headline"], "Harbour report good");
    // A missing file: named, exit 1, the others still printed.
    copydesk()
        .arg(&good)
        .arg(dir.path().join("missing.html"))
        .arg(&good)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("missing.html: no such file"))
        .stdout(predicates::function::function(|s: &str| {
            s.lines().count() == 2
        }));
    // Usage errors: exit 2.
    copydesk().arg("--no-such-flag").assert().code(2);
    copydesk()
        .args(["--input", "jsonl", "-o"])
        .arg(dir.path().join("o"))
        .write_stdin("")
        .assert()
        .code(2);
    copydesk()
        .args(["--files-from", "-", "-"])
        .write_stdin("")
        .assert()
        .code(2);
    copydesk()
        .arg(&good)
        .args(["--glob", "a{b"])
        .assert()
        .code(2);
    // An empty folder is a batch of nothing: success, no output.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    copydesk().arg(&empty).assert().success().stdout("");
    // Stdin still works as a page.
    copydesk()
        .arg("-")
        .write_stdin(page("stdin"))
        .assert()
        .success()
        .stdout(predicates::str::contains("Harbour report stdin"));
}

#[test]
fn json_lines_records_carry_their_fields() {
    let mut input = String::new();
    for (i, n) in ["first", "second", "third"].iter().enumerate() {
        // Written by hand: the fields' order matters.
        input += &format!(
            "{{\"id\": \"doc-{i}\", \"html\": {}, \"url\": \"https://coast.example/{n}\", \
             \"crawl\": {{\"fetched\": \"2024-05-01\", \"status\": 200}}}}",
            serde_json::to_string(&page(n)).unwrap()
        );
        input += "\n";
        if i == 0 {
            input += "{this is not json}\n\n";
        }
    }
    input += "{\"id\": \"no-html\"}\n";
    let run = copydesk()
        .args(["--input", "jsonl", "-j", "2"])
        .write_stdin(input)
        .assert()
        .code(1);
    let out = run.get_output();
    let recs = lines(&out.stdout);
    assert_eq!(recs.len(), 3);
    for (i, (rec, n)) in recs.iter().zip(["first", "second", "third"]).enumerate() {
        assert_eq!(rec["id"], format!("doc-{i}"));
        assert_eq!(rec["crawl"]["status"], 200);
        assert_eq!(rec["headline"], format!("Harbour report {n}"));
        assert_eq!(rec["url"], format!("https://coast.example/{n}"));
        assert_eq!(rec["paragraphs"].as_array().unwrap().len(), 2);
    }
    // The record's own fields come first, as written.
    let first = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(
        first.starts_with(
            "{\"id\":\"doc-0\",\"crawl\":{\"fetched\": \"2024-05-01\", \"status\": 200},\"source\":\"-:1\","
        ),
        "{first}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        stderr.contains("copydesk: -:2: bad JSON record"),
        "{stderr}"
    );
    assert!(
        stderr.contains("copydesk: -:6: ") && stderr.contains("html"),
        "{stderr}"
    );

    // From files named on the command line: records are named FILE:LINE.
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    let rec = |n: &str| serde_json::json!({"html": page(n), "id": n}).to_string();
    fs::write(&a, format!("{}\n{}\n", rec("a1"), rec("a2"))).unwrap();
    fs::write(&b, format!("oops\n{}", rec("b2"))).unwrap();
    let run = copydesk()
        .args(["--input", "jsonl"])
        .arg(&a)
        .arg(&b)
        .assert()
        .code(1);
    let out = run.get_output();
    let ids: Vec<String> = lines(&out.stdout)
        .iter()
        .map(|v| {
            format!(
                "{} {}",
                v["id"].as_str().unwrap(),
                v["source"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        ids,
        [
            format!("a1 {}:1", a.display()),
            format!("a2 {}:2", a.display()),
            format!("b2 {}:2", b.display())
        ]
    );
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        stderr.contains(&format!("{}:1: bad JSON record", b.display())),
        "{stderr}"
    );
}

#[test]
fn paths_from_a_list() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("saved");
    tree(&root);
    let list = format!(
        "{}\n\n{}\r\n{}\n",
        root.join("m/10.xhtml").display(),
        root.join("a.html").display(),
        root.join("z").display()
    );
    let run = copydesk()
        .args(["--files-from", "-"])
        .write_stdin(list.clone())
        .assert()
        .success();
    assert_eq!(
        headlines(&run.get_output().stdout),
        ["m/10.xhtml", "a.html", "z/deep/x.shtml"].map(|n| format!("Harbour report {n}"))
    );
    let file = dir.path().join("list.txt");
    fs::write(&file, list).unwrap();
    let out = dir.path().join("out");
    copydesk()
        .arg("--files-from")
        .arg(&file)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    // Named files keep their path (without the leading /) under the output folder;
    // a folder's pages keep their path under it.
    let rel = root.strip_prefix("/").unwrap();
    assert!(out.join(rel).join("m/10.json").is_file());
    assert!(out.join(rel).join("a.json").is_file());
    assert!(out.join("deep/x.json").is_file());
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("saved");
    tree(&root);
    std::os::unix::fs::symlink(&root, root.join("m/back")).unwrap();
    std::os::unix::fs::symlink(root.join("gone.html"), root.join("dangling.html")).unwrap();
    let run = copydesk().arg(&root).assert().code(1);
    let out = run.get_output();
    assert_eq!(lines(&out.stdout).len(), 7);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(stderr.contains("m/back: symbolic link loop"), "{stderr}");
    assert!(
        stderr.contains("dangling.html: broken symbolic link"),
        "{stderr}"
    );
}

#[test]
fn closing_stdout_early_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("saved");
    // Far more output than a pipe holds, so writing must meet the closed end.
    for i in 0..400 {
        write(&root.join(format!("{i:04}.html")), page(&i.to_string()));
    }
    let mut child = std::process::Command::new(BIN)
        .arg(&root)
        .args(["-j", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.contains("Harbour report 0"));
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(out.status.code(), Some(0));
}
