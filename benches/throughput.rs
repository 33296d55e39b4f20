//! Throughput over real pages: `cargo bench --bench throughput`.
//!
//! Reads the pages of `../shared/bench/zyte-dev/html` (or the folder in
//! `COPYDESK_BENCH_DIR`), decompresses them in memory, then times, over the
//! same pages in the same run:
//! - scraper's `Html::parse_document` alone (the floor: parsing only),
//! - copydesk's own parse stage (`parse::Dom::parse`: scraper plus flattening),
//! - full extraction (`Extractor::extract` plus JSON) on one thread,
//! - full extraction on every core, through the batch machinery (ordered
//!   output): one batch of the pages repeated once per round, as a user's
//!   batch runs, its time divided by the rounds,
//! - and scraper's parse on every core, which tells what speed-up the
//!   machine's cores allow at all.
//!
//! Each is run `COPYDESK_BENCH_ROUNDS` times (default 5) and the fastest
//! round is reported, in pages/s and MB/s of decompressed HTML, by the wall
//! clock and by CPU time (thread CPU time for one thread, process CPU time
//! for all threads). On a shared machine the CPU figures are the steadier
//! ones; the load average is printed to tell how shared it was.
//! Without the folder, the bench says so and exits cleanly.
//!
//! `benches/instructions.sh` runs it under callgrind, with
//! `COPYDESK_BENCH_ONLY` set, for instruction counts, which a shared machine
//! does not disturb.

use std::io::Read;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use copydesk::batch::ordered_map;
use copydesk::{Extractor, Options, Rules};

fn main() {
    let dir = std::env::var_os("COPYDESK_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/zyte-dev/html")
        });
    if !dir.is_dir() {
        println!(
            "throughput: skipped: {} not found (set COPYDESK_BENCH_DIR to a folder of pages)",
            dir.display()
        );
        return;
    }
    let rounds: usize = std::env::var("COPYDESK_BENCH_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5)
        .max(1);
    let pages = load(&dir);
    if pages.is_empty() {
        println!("throughput: skipped: no pages in {}", dir.display());
        return;
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let texts: Vec<String> = pages
        .iter()
        .map(|p| copydesk::decode::decode(p, None).text)
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "throughput: {} pages, {:.1} MB of HTML (decompressed), {} from {}",
        pages.len(),
        bytes as f64 / 1e6,
        plural(rounds, "round"),
        dir.display()
    );

    let extractor = Extractor::new(Rules::builtin());
    let opts = Options {
        source: "bench".into(),
        ..Options::default()
    };
    let extract = |page: &[u8]| -> usize {
        match extractor.extract(page, &opts) {
            Ok(a) => a.to_json().len(),
            Err(_) => 0,
        }
    };

    // For instruction counts (benches/instructions.sh runs this under
    // callgrind): the set-up and one warm-up extraction pass, then one pass
    // of the work asked for, and nothing else.
    if let Ok(only) = std::env::var("COPYDESK_BENCH_ONLY") {
        for p in &pages {
            std::hint::black_box(extract(p));
        }
        match only.as_str() {
            "setup" => {}
            "parse" => {
                for t in &texts {
                    std::hint::black_box(scraper::Html::parse_document(t));
                }
            }
            "extract" => {
                for p in &pages {
                    std::hint::black_box(extract(p));
                }
            }
            other => {
                eprintln!("COPYDESK_BENCH_ONLY: {other}: not one of setup, parse, extract");
                std::process::exit(2);
            }
        }
        return;
    }
    println!(
        "  load average: {}",
        std::fs::read_to_string("/proc/loadavg")
            .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|_| "unknown".into())
    );
    let parse = best(rounds, Clock::Thread, || {
        for t in &texts {
            std::hint::black_box(scraper::Html::parse_document(t));
        }
    });
    let dom = best(rounds, Clock::Thread, || {
        for t in &texts {
            std::hint::black_box(copydesk::parse::Dom::parse(t));
        }
    });
    let one = best(rounds, Clock::Thread, || {
        for p in &pages {
            std::hint::black_box(extract(p));
        }
    });
    // On every core: one batch of the pages `rounds` times over, as a user's
    // batch runs (workers start once and warm their caches once), timed
    // whole and divided by the rounds. A batch per round would charge each
    // round a fresh start of every worker.
    let all = once(rounds, Clock::Process, || {
        let mut n = 0usize;
        ordered_map(
            (0..rounds).flat_map(|_| pages.iter()),
            threads,
            copydesk::batch::Batch::default_window(threads),
            |p| extract(p),
            |len| {
                n += len;
                ControlFlow::Continue(())
            },
        );
        std::hint::black_box(n);
    });

    // The machine's own ceiling: parsing alone, the pages shared out over
    // every core (two hyperthreads of one core do not give two cores' worth).
    let parse_all = best(rounds, Clock::Process, || {
        let next = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(t) = texts.get(i) else { break };
                        std::hint::black_box(scraper::Html::parse_document(t));
                    }
                });
            }
        });
    });

    let n = pages.len() as f64;
    let mb = bytes as f64 / 1e6;
    println!(
        "  {:<44} {:>8} {:>9} {:>8} | {:>8} {:>9} {:>8}",
        "", "wall s", "pages/s", "MB/s", "CPU s", "pages/s", "MB/s"
    );
    let line = |what: &str, t: Times| {
        let (w, c) = (t.wall.as_secs_f64(), t.cpu.as_secs_f64());
        println!(
            "  {what:<44} {w:>8.3} {:>9.1} {:>8.1} | {c:>8.3} {:>9.1} {:>8.1}",
            n / w,
            mb / w,
            n / c,
            mb / c
        );
    };
    line("scraper parse only, 1 thread", parse);
    line(
        &format!("scraper parse only, {}", plural(threads, "thread")),
        parse_all,
    );
    line("copydesk parse stage (Dom::parse), 1 thread", dom);
    line("copydesk extract, 1 thread", one);
    line(
        &format!("copydesk extract, {}", plural(threads, "thread")),
        all,
    );
    println!(
        "  extract / scraper parse, 1 thread: {:.2}x wall, {:.2}x CPU (bar: at most 1.6x)",
        one.wall.as_secs_f64() / parse.wall.as_secs_f64(),
        one.cpu.as_secs_f64() / parse.cpu.as_secs_f64()
    );
    println!(
        "  speed-up on {} (wall): {:.2}x (bar: at least 1.8x on 2 threads)",
        plural(threads, "thread"),
        one.wall.as_secs_f64() / all.wall.as_secs_f64()
    );
    println!(
        "  the same for scraper's parse alone: {:.2}x (what this machine's cores allow)",
        parse.wall.as_secs_f64() / parse_all.wall.as_secs_f64()
    );
}

#[derive(Clone, Copy)]
enum Clock {
    Thread,
    Process,
}

#[derive(Clone, Copy)]
struct Times {
    wall: Duration,
    cpu: Duration,
}

fn cpu_time(clock: Clock) -> Duration {
    let id = match clock {
        Clock::Thread => libc::CLOCK_THREAD_CPUTIME_ID,
        Clock::Process => libc::CLOCK_PROCESS_CPUTIME_ID,
    };
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec, which `ts` is.
    unsafe { libc::clock_gettime(id, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// One run of `f`, which does the work `rounds` times, per round.
fn once(rounds: usize, clock: Clock, f: impl FnOnce()) -> Times {
    let (start, cpu) = (Instant::now(), cpu_time(clock));
    f();
    Times {
        wall: start.elapsed() / rounds as u32,
        cpu: (cpu_time(clock) - cpu) / rounds as u32,
    }
}

/// The fastest of `rounds` runs (wall and CPU each), after one warm-up run.
fn best(rounds: usize, clock: Clock, mut f: impl FnMut()) -> Times {
    f();
    let runs: Vec<Times> = (0..rounds)
        .map(|_| {
            let (start, cpu) = (Instant::now(), cpu_time(clock));
            f();
            Times {
                wall: start.elapsed(),
                cpu: cpu_time(clock) - cpu,
            }
        })
        .collect();
    Times {
        wall: runs.iter().map(|t| t.wall).min().expect("a round"),
        cpu: runs.iter().map(|t| t.cpu).min().expect("a round"),
    }
}

/// Every page in `dir`, gunzipped, in name order.
fn load(dir: &std::path::Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".html") || name.ends_with(".html.gz") || name.ends_with(".htm")
        })
        .filter_map(|p| {
            let raw = std::fs::read(p).ok()?;
            if raw.starts_with(&[0x1f, 0x8b]) {
                let mut out = Vec::new();
                flate2::read::MultiGzDecoder::new(&raw[..])
                    .read_to_end(&mut out)
                    .ok()?;
                Some(out)
            } else {
                Some(raw)
            }
        })
        .collect()
}
