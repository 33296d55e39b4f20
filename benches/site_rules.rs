//! The cost of site rules: compiling 1,000 of them (copydesk TOML and
//! FiveFilters files), looking a page's host up among them, and extracting
//! pages with them loaded. `cargo bench --bench site_rules`.
//!
//! Pages: samples/ (always), and ../shared/bench/zyte-dev when present.

use std::hint::black_box;
use std::time::{Duration, Instant};

use copydesk::{Extractor, Options, Rules};

const N: usize = 1000;

fn toml_sites(n: usize) -> String {
    let mut t = String::new();
    for i in 0..n {
        t.push_str(&format!(
            "[[site]]\nhosts = [\"tsite{i}.example\"]\nbody = \"div.story-{i}\"\n\
             headline = \"h1.title-{i}\"\ndrop = [\".promo-{i}\", \"aside.more-{i}\"]\n\
             drop_text = ['^Read more from site {i}']\n\n"
        ));
    }
    t
}

fn ftr_sites(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            let name = if i % 3 == 0 {
                format!(".fsite{i}.example.txt")
            } else {
                format!("fsite{i}.example.txt")
            };
            let text = format!(
                "title: //h1[@class='title-{i}']\n\
                 body: //div[contains(concat(' ',normalize-space(@class),' '),' story-{i} ')]\n\
                 author: //span[contains(@class,'author-{i}')]\n\
                 date: //time[@class='date-{i}']/@datetime\n\
                 strip: //div[@id='promo-{i}'] | //aside[contains(@class,'more-{i}')]\n\
                 strip_id_or_class: share-{i}\n"
            );
            (name, text)
        })
        .collect()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn pages() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let root = env!("CARGO_MANIFEST_DIR");
    for dir in [
        format!("{root}/samples"),
        format!("{root}/samples/sites"),
        format!("{root}/../shared/bench/zyte-dev/html"),
    ] {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let name = p.to_string_lossy();
            if name.ends_with(".html") || name.ends_with(".gz") {
                out.push(std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn main() {
    // Compiling.
    let builtin = time(5, Rules::builtin);
    let toml = vec![("sites.toml".to_string(), toml_sites(N))];
    let with_toml = time(5, || Rules::from_sources(&toml).unwrap());
    let ftr = ftr_sites(N);
    let with_ftr = time(5, || Rules::from_sources(&ftr).unwrap());
    println!("compile: built-in rules {builtin:.2?}");
    println!("compile: + {N} copydesk [[site]] rules {with_toml:.2?}");
    println!("compile: + {N} FiveFilters files {with_ftr:.2?}");

    // Looking up.
    let mut all = toml.clone();
    all.extend(ftr.iter().cloned());
    let rules = Rules::from_sources(&all).unwrap();
    assert_eq!(rules.sites.len(), 2 * N);
    let urls: Vec<String> = (0..1000)
        .map(|i| match i % 4 {
            0 => format!("https://www.tsite{i}.example/news/a.html"),
            1 => format!("https://news.fsite{}.example/a", i - 1),
            2 => format!("https://deep.sub.domain.unknown{i}.example.org/x"),
            _ => format!("https://fsite{i}.example/2025/11/story"),
        })
        .collect();
    let rounds = 200;
    let t = time(5, || {
        let mut found = 0usize;
        for _ in 0..rounds {
            for u in &urls {
                found += rules.sites.lookup(Some(u)).iter().count();
            }
        }
        found
    });
    println!(
        "lookup: {:.0} ns per page address ({} rules loaded)",
        t.as_nanos() as f64 / (rounds * urls.len()) as f64,
        2 * N
    );

    // Extracting, with and without the rules (no page matches them).
    let pages = pages();
    let plain = Extractor::new(Rules::builtin());
    let loaded = Extractor::new(rules);
    let opts = Options::default();
    let run = |e: &Extractor| {
        time(5, || {
            for p in &pages {
                let _ = black_box(e.extract(p, &opts));
            }
        })
    };
    // Interleaved, to share the machine's noise.
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        a.push(run(&plain));
        b.push(run(&loaded));
    }
    let (a, b) = (median(a), median(b));
    let per = |d: Duration| d.as_secs_f64() * 1e6 / pages.len().max(1) as f64;
    println!(
        "extract: {} pages, built-in rules {:.0} µs/page, with {} site rules {:.0} µs/page ({:+.1}%)",
        pages.len(),
        per(a),
        2 * N,
        per(b),
        (b.as_secs_f64() / a.as_secs_f64() - 1.0) * 100.0
    );
}
