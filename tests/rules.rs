//! Rules users can read, extend per site, and question: `rules default`,
//! `rules check`, `--rules`, `--rules-dir`, site rules in copydesk's format
//! and in the FiveFilters format, precedence, and `explain`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use copydesk::{Extractor, Options, Rules};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples/sites")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(sample(name)).unwrap()
}

fn copydesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn paragraphs(v: &serde_json::Value) -> Vec<String> {
    v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

/// Extracts with the built-in rules plus `user` (file name, text).
fn extract_with(user: &[(&str, &str)], page: &str, url: Option<&str>) -> copydesk::Article {
    let sources: Vec<(String, String)> = user
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let rules = Rules::from_sources(&sources).unwrap_or_else(|e| panic!("{e}"));
    let opts = Options {
        url: url.map(str::to_string),
        ..Options::default()
    };
    Extractor::new(rules)
        .extract(page.as_bytes(), &opts)
        .unwrap()
}

fn has(paras: &[String], start: &str) -> bool {
    paras.iter().any(|p| p.starts_with(start))
}

// ---------------------------------------------------------------------------
// The story of issue 7: a page copydesk gets wrong, `explain` shows why, a
// site rule of three lines fixes it.

#[test]
fn story_explain_finds_the_cause_and_a_three_line_site_rule_fixes_it() {
    let page = sample("harbour-gazette.html");
    let page = page.to_str().unwrap();

    // 1. Wrong: the readers' letters are taken as part of the article.
    let before = paragraphs(&json(&copydesk(&["--compact", page])));
    assert!(has(&before, "The island ferry"), "{before:?}");
    assert!(has(&before, "Marta, from the north pier"), "{before:?}");

    // 2. `explain` shows why: the body is the whole page wrapper, the letters
    //    are kept "in the body", and the containers scored are named.
    let ex = stdout(&copydesk(&["explain", page]));
    let body_line = ex.lines().find(|l| l.starts_with("body: ")).unwrap();
    assert!(body_line.ends_with("[chosen by scoring]"), "{ex}");
    // The body holds the letters: the page wrapper, or the letters' own box
    // taken as a sibling of the story; either way with its score.
    assert!(
        body_line.contains("div.page (score") || body_line.contains("div.talkback (score"),
        "{ex}"
    );
    assert!(ex.contains("runner-up: div.tb-entry"), "{ex}");
    let marta = ex
        .lines()
        .position(|l| l.starts_with("KEEP Marta"))
        .expect("the letter is kept");
    assert_eq!(ex.lines().nth(marta + 1).unwrap().trim(), "in the body");
    // The story's own container is visible in the page's markup; the user
    // names it in a site rule of three lines.
    let rule = read("harbour-gazette.toml");
    assert_eq!(rule.lines().filter(|l| !l.trim().is_empty()).count(), 3);
    assert!(rule.contains("body = \"div.txt-blk\""));

    // 3. Fixed.
    let rule_path = sample("harbour-gazette.toml");
    let rule_path = rule_path.to_str().unwrap();
    let after = paragraphs(&json(&copydesk(&["--compact", "--rules", rule_path, page])));
    assert_eq!(after.len(), 4, "{after:?}");
    assert!(has(&after, "The island ferry"));
    assert!(has(&after, "Tickets bought for the old times"));
    assert!(!has(&after, "Marta"), "{after:?}");

    // 4. And `explain` says which rule chose the body.
    let ex = stdout(&copydesk(&["explain", "--rules", rule_path, page]));
    assert!(
        ex.contains("site rule: site:harbour-gazette.example"),
        "{ex}"
    );
    assert!(
        ex.contains("body: div.txt-blk  [chosen by site rule site:harbour-gazette.example]"),
        "{ex}"
    );
    let marta = ex
        .lines()
        .position(|l| l.starts_with("DROP Marta"))
        .unwrap();
    assert!(ex.lines().nth(marta + 1).unwrap().contains("outside-body"));
}

#[test]
fn explain_json_names_rules_and_heuristics() {
    let page = sample("lakeside-post.html");
    let rule = sample("lakeside-post.toml");
    let o = copydesk(&[
        "explain",
        "--json",
        "--rules",
        rule.to_str().unwrap(),
        page.to_str().unwrap(),
    ]);
    let v = json(&o);
    assert_eq!(v["host"], "news.lakeside-post.example");
    assert_eq!(v["site_rules"][0]["name"], "lakeside-post");
    assert_eq!(v["disabled"][0], "related");
    assert_eq!(v["body_chosen_by"], "scoring");
    assert!(v["body"][0]["score"].as_f64().unwrap() > 0.0);
    let fields: Vec<&str> = v["overrides"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["headline", "date", "author"]);
    let block = |start: &str| {
        v["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["text"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("no block {start}"))
            .clone()
    };
    let promo = block("Start your day");
    assert_eq!(promo["status"], "dropped");
    assert_eq!(promo["rule"], "lakeside-post");
    assert_eq!(promo["group"], "site");
    assert_eq!(promo["element"], "div.mb-box");
    let follow = block("Follow the Lakeside Post");
    assert_eq!(
        (&follow["status"], &follow["rule"]),
        (&"dropped".into(), &"lakeside-post".into())
    );
    assert_eq!(block("Update, 11:40")["status"], "kept");
    // A heuristic is named too, and the built-in rules by their names.
    assert_eq!(block("Storm closes the shore road")["rule"], "outside-body");
    let nav = block("Lakeside Post Live");
    assert_eq!(nav["rule"], "navigation");
    assert_eq!(nav["file"], "src/rules.toml");
}

// ---------------------------------------------------------------------------
// Site rules in copydesk's format.

#[test]
fn copydesk_site_rule_sets_fields_drops_and_switches_a_rule_off() {
    let page = read("lakeside-post.html");
    let before = extract_with(&[], &page, None);
    assert_eq!(
        before.headline.as_deref(),
        Some("Road closed, boats out: storm news live")
    );
    // The general dateline reading finds this page's time by itself; the
    // site rule's `date` must agree with it (checked below).
    assert_eq!(before.timestamp.as_deref(), Some("2025-11-20T09:15"));
    assert!(has(&before.paragraphs, "Start your day"));
    assert!(!has(&before.paragraphs, "Update, 11:40"));

    let rule = read("lakeside-post.toml");
    let a = extract_with(&[("lakeside-post.toml", &rule)], &page, None);
    assert_eq!(
        a.headline.as_deref(),
        Some("Storm closes the shore road for a day")
    );
    assert_eq!(a.timestamp.as_deref(), Some("2025-11-20T09:15"));
    assert_eq!(a.credits.len(), 1, "{:?}", a.credits);
    assert_eq!(
        (a.credits[0].role.as_str(), a.credits[0].name.as_str()),
        ("author", "Anna Berg")
    );
    assert!(!has(&a.paragraphs, "Start your day"), "{:?}", a.paragraphs);
    assert!(!has(&a.paragraphs, "Follow the Lakeside Post"));
    assert!(has(&a.paragraphs, "Update, 11:40"), "{:?}", a.paragraphs);
    assert!(has(&a.paragraphs, "The sailing club"));
}

#[test]
fn site_rules_apply_to_their_hosts_and_subdomains_only() {
    let rule = read("harbour-gazette.toml");
    let page = read("harbour-gazette.html");
    let rules = [("h.toml", rule.as_str())];
    let n = |page: &str, url: Option<&str>| extract_with(&rules, page, url).paragraphs.len();
    assert_eq!(n(&page, None), 4);
    let elsewhere = |host: &str| page.replace("www.harbour-gazette.example", host);
    assert_eq!(n(&elsewhere("news.harbour-gazette.example"), None), 4);
    assert_eq!(n(&elsewhere("HARBOUR-GAZETTE.EXAMPLE:443"), None), 4);
    for other in [
        "harbour-gazette.example.other.test",
        "notharbour-gazette.example",
        "gazette.example",
    ] {
        assert_eq!(n(&elsewhere(other), None), 9, "{other}");
    }
    // With no address in the page, --url (Options::url) is used; the page's
    // own address wins over it.
    let no_url = page.replace(
        "<link rel=\"canonical\" href=\"https://www.harbour-gazette.example/news/2025/11/ferry-winter-timetable\">",
        "",
    );
    assert_ne!(no_url, page);
    assert_eq!(n(&no_url, None), 9);
    assert_eq!(n(&no_url, Some("https://harbour-gazette.example/x")), 4);
    assert_eq!(n(&page, Some("https://other.example/x")), 4);
}

// ---------------------------------------------------------------------------
// Site rules in the FiveFilters format.

#[test]
fn fivefilters_site_config_from_a_rules_dir() {
    let dir = sample("ftr");
    let page = sample("valley-courier.html");
    let before = json(&copydesk(&["--compact", page.to_str().unwrap()]));
    assert_eq!(before["headline"], "Valley Courier");
    assert!(has(&paragraphs(&before), "Local news needs local readers"));
    assert!(has(&paragraphs(&before), "Also in the Courier"));

    let o = copydesk(&[
        "--compact",
        "--rules-dir",
        dir.to_str().unwrap(),
        page.to_str().unwrap(),
    ]);
    let v = json(&o);
    assert_eq!(
        v["headline"],
        "Old stone bridge to close for repairs in spring"
    );
    assert_eq!(v["timestamp"], "2025-11-18T16:05:00+01:00");
    assert_eq!(v["credits"][0]["name"], "Petra Lind");
    let p = paragraphs(&v);
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(has(&p, "The stone bridge over the river"));
    assert!(!has(&p, "Local news needs local readers"));
    assert!(!has(&p, "Also in the Courier"));
    // The expression it could not use is counted on stderr.
    assert!(String::from_utf8_lossy(&o.stderr).contains("1 line(s) of site rules"));

    // A wildcard file (.host.txt) covers subdomains; the page's address
    // comes from the browser's "saved from" comment.
    let hill = sample("hilltop-news.html");
    let v = json(&copydesk(&[
        "--compact",
        "--rules-dir",
        dir.to_str().unwrap(),
        hill.to_str().unwrap(),
    ]));
    let p = paragraphs(&v);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(!has(&p, "Fan zone"));
}

#[test]
fn fivefilters_hosts_exact_or_wildcard() {
    let page = read("valley-courier.html");
    let conf = std::fs::read_to_string(sample("ftr/valley-courier.example.txt")).unwrap();
    let rules = [("valley-courier.example.txt", conf.as_str())];
    let headline = |host: &str| {
        extract_with(&rules, &page.replace("valley-courier.example", host), None)
            .headline
            .unwrap()
    };
    let fixed = "Old stone bridge to close for repairs in spring";
    assert_eq!(headline("valley-courier.example"), fixed);
    assert_eq!(headline("www.valley-courier.example"), fixed);
    // HOST.txt is for that host (and www.) only; .HOST.txt for subdomains.
    assert_ne!(headline("news.valley-courier.example"), fixed);
    let wild = [(".valley-courier.example.txt", conf.as_str())];
    let a = extract_with(
        &wild,
        &page.replace("valley-courier.example", "news.valley-courier.example"),
        None,
    );
    assert_eq!(a.headline.as_deref(), Some(fixed));
}

// ---------------------------------------------------------------------------
// Precedence: site over user over built-in.

const UPDATES_RULE: &str =
    "[[drop]]\nname = \"no-updates\"\ngroup = \"live\"\ntext = ['^Update, \\d']\n";

#[test]
fn precedence_site_over_user_over_builtin() {
    let page = read("lakeside-post.html");
    // Built-in: the "related" rule drops the update box.
    assert!(!has(
        &extract_with(&[], &page, None).paragraphs,
        "Update, 11:40"
    ));
    // User over built-in: a user file replaces "related" by a harmless rule
    // of the same name, and adds its own rule.
    let user =
        format!("[[drop]]\nname = \"related\"\nselect = [\".never-on-this-page\"]\n{UPDATES_RULE}");
    let u = extract_with(&[("user.toml", &user)], &page, None);
    assert!(!has(&u.paragraphs, "Update, 11:40"), "no-updates drops it");
    // Site over user: the site switches the user's rule off, on its hosts only.
    let site = "[[site]]\nhosts = [\"lakeside-post.example\"]\ndisable = [\"no-updates\"]\n";
    let s = extract_with(&[("user.toml", &user), ("site.toml", site)], &page, None);
    assert!(has(&s.paragraphs, "Update, 11:40"), "{:?}", s.paragraphs);
    let other_host = page.replace("lakeside-post.example", "lakeside-news.example");
    let o = extract_with(
        &[("user.toml", &user), ("site.toml", site)],
        &other_host,
        None,
    );
    assert!(!has(&o.paragraphs, "Update, 11:40"));
    // Site over built-in markup: the site's headline wins over og:title.
    let h = "[[site]]\nhosts = [\"lakeside-post.example\"]\nheadline = \".hed-xl\"\n";
    assert_eq!(
        extract_with(&[("h.toml", h)], &page, None)
            .headline
            .as_deref(),
        Some("Storm closes the shore road for a day")
    );
}

#[test]
fn precedence_between_site_rules() {
    let page = read("harbour-gazette.html");
    let body =
        |sel: &str, host: &str| format!("[[site]]\nhosts = [\"{host}\"]\nbody = \"{sel}\"\n");
    let n = |files: &[(&str, &str)]| extract_with(files, &page, None).paragraphs.len();
    let whole = body("div.page", "harbour-gazette.example");
    let story = body("div.txt-blk", "harbour-gazette.example");
    // The same host: the file loaded last wins.
    assert_eq!(n(&[("a.toml", &whole), ("b.toml", &story)]), 4);
    assert_eq!(n(&[("a.toml", &story), ("b.toml", &whole)]), 9);
    // The most specific host wins, whatever the order.
    let news_page = page.replace("www.harbour-gazette", "news.harbour-gazette");
    let news = body("div.txt-blk", "news.harbour-gazette.example");
    let m = |files: &[(&str, &str)]| extract_with(files, &news_page, None).paragraphs.len();
    assert_eq!(m(&[("a.toml", &news), ("b.toml", &whole)]), 4);
    assert_eq!(m(&[("a.toml", &whole), ("b.toml", &news)]), 4);
    // ("www." is not a subdomain: it is the site itself.)
    let www = body("div.page", "www.harbour-gazette.example");
    assert_eq!(n(&[("a.toml", &story), ("b.toml", &www)]), 9);
    // A selector that matches nothing leaves the scorer's choice.
    let none = body("div.no-such-thing", "harbour-gazette.example");
    assert_eq!(n(&[("a.toml", &none)]), 9);
}

#[test]
fn rules_dir_files_come_before_rules_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("gazette.toml"),
        "[[site]]\nhosts = [\"harbour-gazette.example\"]\nbody = \"div.page\"\n",
    )
    .unwrap();
    // Other files in the folder are not rules: skipped.
    std::fs::write(dir.path().join("README.txt"), "Site rules for our desk.\n").unwrap();
    std::fs::write(dir.path().join("notes.md"), "body: x\n").unwrap();
    let page = sample("harbour-gazette.html");
    let rule = sample("harbour-gazette.toml");
    let o = copydesk(&[
        "--compact",
        "--rules-dir",
        dir.path().to_str().unwrap(),
        page.to_str().unwrap(),
    ]);
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "",
        "README.txt was read"
    );
    assert_eq!(paragraphs(&json(&o)).len(), 9);
    let both = json(&copydesk(&[
        "--compact",
        "--rules-dir",
        dir.path().to_str().unwrap(),
        "--rules",
        rule.to_str().unwrap(),
        page.to_str().unwrap(),
    ]));
    assert_eq!(paragraphs(&both).len(), 4);
}

// ---------------------------------------------------------------------------
// `rules default` and `rules check`.

#[test]
fn rules_default_prints_the_builtin_file_which_checks_clean() {
    let o = copydesk(&["rules", "default"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert_eq!(text, copydesk::rules::BUILTIN);
    assert!(text.starts_with('#'));
    // Usable as a starting point: as a user file it checks and loads (each
    // rule replaces the built-in rule of the same name).
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("my-rules.toml");
    std::fs::write(&f, &text).unwrap();
    let o = copydesk(&["rules", "check", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("my-rules.toml: ok:"));
}

#[test]
fn rules_check_reports_file_line_and_problem() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "bad-selector.toml",
            "[[site]]\nhosts = [\"example.com\"]\nbody = \"div[\"\n",
            ":3: invalid selector",
        ),
        (
            "unknown-field.toml",
            "[[site]]\nhosts = [\"example.com\"]\n\nbdy = \"main\"\n",
            ":4: unknown field `bdy`",
        ),
        (
            "bad-disable.toml",
            "[[site]]\nhosts = [\"example.com\"]\ndisable = [\"relatd\"]\n",
            ":3: disable: no general rule is named \"relatd\"",
        ),
        (
            "bad-host.toml",
            "[[site]]\nhosts = [\"https://example.com/\"]\n",
            ":2: not a host name",
        ),
        (
            "no-hosts.toml",
            "[[site]]\nhosts = []\n",
            ":2: hosts: give at least one host",
        ),
        (
            "bad-regex.toml",
            "[[site]]\nhosts = [\"example.com\"]\ndrop_text = [\"ok\", \"(\"]\n",
            ":3: invalid regex",
        ),
        (
            "missing-hosts.toml",
            "[[site]]\nbody = \"main\"\n",
            "missing field `hosts`",
        ),
    ];
    for (name, text, want) in cases {
        let f = dir.path().join(name);
        std::fs::write(&f, text).unwrap();
        let o = copydesk(&["rules", "check", f.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(name) && err.contains(want), "{name}: {err}");
        // Extraction refuses the same file, with the same message.
        let o = copydesk(&[
            "--rules",
            f.to_str().unwrap(),
            sample("harbour-gazette.html").to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(String::from_utf8_lossy(&o.stderr).contains(want), "{name}");
    }
}

#[test]
fn rules_check_lists_unconvertible_fivefilters_expressions() {
    let dir = sample("ftr");
    let o = copydesk(&["rules", "check", dir.to_str().unwrap()]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("valley-courier.example.txt: ok: site rule for valley-courier.example: 5 of 6 XPath expressions converted"),
        "{out}"
    );
    assert!(
        out.contains("valley-courier.example.txt:10: warning: strip: cannot use XPath \"//p[contains(text(),'Advertisement')]\""),
        "{out}"
    );
    assert!(
        out.contains(".hilltop-news.example.txt: ok: site rule for *.hilltop-news.example: 1 of 1"),
        "{out}"
    );
    // A file that cannot be read is an error.
    let o = copydesk(&["rules", "check", "/no/such/rules.toml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/no/such/rules.toml: no such file"));
}

#[test]
fn many_site_rules_load_and_are_found_by_host() {
    // 1,000 site rules: each page finds its own.
    let mut toml = String::new();
    for i in 0..1000 {
        toml.push_str(&format!(
            "[[site]]\nhosts = [\"site{i}.example\"]\nbody = \"div.b{i}\"\ndrop = [\".promo{i}\"]\n"
        ));
    }
    let rules = Rules::from_sources(&[("many.toml".into(), toml)]).unwrap();
    assert_eq!(rules.sites.len(), 1000);
    let site = rules.sites.lookup(Some("https://www.site737.example/a"));
    let found: Vec<&str> = site.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(found, ["site:site737.example"]);
    assert!(
        rules
            .sites
            .lookup(Some("https://site1000.example/"))
            .is_empty()
    );
    assert!(rules.sites.lookup(None).is_empty());
}

#[test]
fn rules_check_warns_of_a_word_boundary_by_a_letter_outside_ascii() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("cyrillic.toml");
    std::fs::write(
        &f,
        "[[drop]]\nname = \"mine\"\ntext = [\n  '^Share (this|to)\\b',\n  '^(выделите|select)\\b',\n]\n",
    )
    .unwrap();
    let o = copydesk(&["rules", "check", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    assert!(
        out.contains("cyrillic.toml:5: \\b next to 'е' never matches"),
        "{out}"
    );
    assert!(!out.contains(":4:"), "{out}");
    // The built-in rules have none.
    let builtin = dir.path().join("builtin.toml");
    std::fs::write(&builtin, copydesk::rules::BUILTIN).unwrap();
    let o = copydesk(&["rules", "check", builtin.to_str().unwrap()]);
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
}
