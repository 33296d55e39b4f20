//! Each page in samples/ has its expected JSON in samples/expected/, reviewed
//! by hand. This runs the binary on each and compares the whole result.
//! After a deliberate change, `COPYDESK_BLESS=1 cargo test --test samples`
//! rewrites the expected files; review the diff before committing.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("samples/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    pages
}

#[test]
fn every_sample_matches_its_expected_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pages = samples();
    assert!(pages.len() >= 5, "samples/ should hold at least five pages");
    let bless = std::env::var_os("COPYDESK_BLESS").is_some();
    let mut failures = Vec::new();
    for page in pages {
        let rel = page.strip_prefix(root).expect("inside the crate");
        let out = Command::cargo_bin("copydesk")
            .expect("binary built")
            .current_dir(root)
            .arg("--compact")
            .arg(rel)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}: {}",
            rel.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let got: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        let name = page
            .file_stem()
            .expect("named")
            .to_string_lossy()
            .to_string();
        let expected_path = root.join("samples/expected").join(format!("{name}.json"));
        if bless {
            let pretty = serde_json::to_string_pretty(&got).expect("serialisable") + "\n";
            std::fs::write(&expected_path, pretty).expect("writable");
            continue;
        }
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&expected_path)
                .unwrap_or_else(|_| panic!("missing {}", expected_path.display())),
        )
        .expect("expected file is JSON");
        if got != expected {
            failures.push(format!(
                "{}:\n  expected {}\n  got      {}",
                rel.display(),
                expected,
                got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The model case, field by field, so that a failure says what broke.
#[test]
fn seed_portal_page_lands_every_part_in_its_field() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(root)
        .arg("samples/seed-portal-en.html")
        .output()
        .unwrap();
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    let paras: Vec<&str> = a["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    let all = paras.join("\n");
    // Boilerplate is gone.
    for junk in [
        "Home Page",
        "AD",
        "Disclaimer",
        "Mobile advertising space rental",
        "Tag:",
        "Copyright",
        "Text: Yang",
        "Hot News",
        "Previous article",
    ] {
        assert!(
            !paras.iter().any(|p| p.starts_with(junk)),
            "{junk:?} left in the body"
        );
    }
    // The lead that repeats the first paragraph is dropped; subheads are kept.
    assert!(paras[0].starts_with("In recent years"));
    assert_eq!(
        paras
            .iter()
            .filter(|p| p.starts_with("In recent years"))
            .count(),
        1
    );
    assert!(paras.contains(&"Enabling cellular immunotherapy to benefit more patients"));
    assert!(all.ends_with("synthetic biology is also gradually growing in Pudong."));
    assert_eq!(a["timestamp"], "2023-10-20T12:42:26");
    assert_eq!(
        a["url"],
        "https://www.example-portal.com/news/tech/20231020/8812.html"
    );
    let credits: Vec<(String, String)> = a["credits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["role"].as_str().unwrap().to_string(),
                c["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (role, name) in [
        ("author", "Yang Zhenying"),
        ("editor", "Zhu Yikai"),
        ("chief_editor", "Qin Hong"),
        ("editor", "Yang Rong"),
        ("source", "Pudong released official WeChat"),
    ] {
        assert!(
            credits.contains(&(role.into(), name.into())),
            "missing {role} {name} in {credits:?}"
        );
    }
}
