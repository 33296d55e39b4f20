//! Batches: many pages in, one result each, in input order.
//!
//! The pieces, each usable alone:
//! - [`Walker`]: command-line paths and `--files-from` lines to pages; a folder
//!   is walked recursively, each folder's entries sorted by name, taking the
//!   files a [`Matcher`] accepts; problems are items too, so they are reported
//!   in order and never stop the walk;
//! - [`JsonLines`]: JSON Lines input, one [`Record`] a line;
//! - [`Planner`]: with an output folder, where each page's `.json` goes,
//!   which pages are already done (resume) and which would collide;
//! - [`ordered_map`]: a bounded pool of threads that hands results back in
//!   input order, with a bounded number of items in flight;
//! - [`write_atomic`]: write to a temporary name in the same folder, then rename;
//! - [`Batch`]: the above put together around an [`Extractor`].

use crate::output::ARTICLE_KEYS;
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{self, BufRead, Read, Write};
use std::ops::ControlFlow;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Component, Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard, mpsc};
use std::time::{Duration, Instant};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::{Article, Extractor, Options};

/// The file names taken from folders by default (a `.gz` of each too).
pub const PAGE_EXTENSIONS: [&str; 6] = ["html", "htm", "shtml", "xhtml", "mhtml", "mht"];

/// Suffix of the temporary file an output is written to before it is renamed.
pub const TEMP_SUFFIX: &str = ".copydesk-tmp";

/// One unit of work, in input order.
#[derive(Debug)]
pub struct Item {
    /// How the page is named in messages and in the result's `source`.
    pub source: String,
    pub what: What,
    /// Where the result goes, when writing to an output folder.
    pub out: Option<PathBuf>,
}

#[derive(Debug)]
pub enum What {
    /// A saved page on disk; `rel` is its place under an output folder.
    File { path: PathBuf, rel: PathBuf },
    /// The page is on stdin.
    Stdin,
    /// One line of JSON Lines input (see [`Record`]).
    Line(Vec<u8>),
    /// Nothing to do: the output exists already.
    Skip,
    /// Something failed before the page could be read.
    Fail(String),
    /// Worth saying, but not a failure (a symlink loop that was skipped).
    Warn(String),
}

impl Item {
    fn new(source: String, what: What) -> Self {
        Item {
            source,
            what,
            out: None,
        }
    }

    fn fail(source: impl Into<String>, msg: impl Into<String>) -> Self {
        Item::new(source.into(), What::Fail(msg.into()))
    }
}

/// A short reason for an I/O error, fit to follow a file name.
pub fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads one page: a file, or stdin for "-". Refuses folders and files over `max` bytes.
pub fn read_page(path: &Path, max: usize) -> Result<Vec<u8>, String> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .lock()
            .take(max as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| describe_io(&e))?;
        return Ok(buf);
    }
    let meta = fs::metadata(path).map_err(|e| describe_io(&e))?;
    if meta.is_dir() {
        return Err("is a directory".into());
    }
    if meta.len() > max as u64 {
        return Err(format!(
            "input is {} bytes, over the limit of {max} bytes (see --max-size)",
            meta.len()
        ));
    }
    fs::read(path).map_err(|e| describe_io(&e))
}

// ---------------------------------------------------------------------------
// Choosing files

/// Which files a folder walk takes, by their path under the folder.
#[derive(Debug, Clone)]
pub struct Matcher {
    set: GlobSet,
}

impl Matcher {
    /// `.html .htm .shtml .xhtml .mhtml .mht` and their `.gz` forms, in any letter case.
    pub fn pages() -> Matcher {
        let mut b = GlobSetBuilder::new();
        for ext in PAGE_EXTENSIONS {
            for pat in [format!("*.{ext}"), format!("*.{ext}.gz")] {
                let glob = GlobBuilder::new(&pat)
                    .case_insensitive(true)
                    .build()
                    .expect("built-in globs are valid");
                b.add(glob);
            }
        }
        Matcher {
            set: b.build().expect("built-in globs are valid"),
        }
    }

    /// Shell globs (`*.txt`, `news/**/*.html`) matched against the path
    /// under the folder being walked; `*` also crosses `/`.
    pub fn globs<S: AsRef<str>>(patterns: &[S]) -> Result<Matcher, String> {
        let mut b = GlobSetBuilder::new();
        for p in patterns {
            let glob = GlobBuilder::new(p.as_ref())
                .build()
                .map_err(|e| format!("bad --glob {:?}: {e}", p.as_ref()))?;
            b.add(glob);
        }
        let set = b.build().map_err(|e| e.to_string())?;
        Ok(Matcher { set })
    }

    pub fn matches(&self, rel: &Path) -> bool {
        self.set.is_match(rel)
    }
}

/// Turns paths and folders into page items, lazily: a folder's files are
/// found as they are needed, so memory does not grow with the folder's size.
///
/// Order: the roots in the order given; inside a folder, depth first, each
/// folder's entries sorted by file name (byte order), so a rerun sees the
/// same order. Symbolic links are followed; a loop is reported as a warning
/// and skipped; unreadable files and folders are reported as failures and the
/// walk goes on. A file named as a root is taken whatever its name.
pub struct Walker {
    roots: Box<dyn Iterator<Item = Result<PathBuf, String>> + Send>,
    matcher: Matcher,
    avoid: Option<Avoid>,
    walk: Option<Walk>,
}

struct Avoid {
    /// The output folder, canonical.
    dir: PathBuf,
    /// Whether it may be inside an input folder (it is then left out of the walk).
    allowed_inside: bool,
}

struct Walk {
    root: PathBuf,
    entries: Box<dyn Iterator<Item = walkdir::Result<walkdir::DirEntry>> + Send>,
}

impl Walker {
    pub fn new<R>(roots: R, matcher: Matcher) -> Walker
    where
        R: Iterator<Item = Result<PathBuf, String>> + Send + 'static,
    {
        Walker {
            roots: Box::new(roots),
            matcher,
            avoid: None,
            walk: None,
        }
    }

    /// Never walks into `out_dir`. Unless `allowed_inside`, an input folder
    /// that holds `out_dir` is refused (reported as a failure) instead.
    pub fn avoiding(mut self, out_dir: &Path, allowed_inside: bool) -> Walker {
        let dir = resolve(out_dir);
        self.avoid = Some(Avoid {
            dir,
            allowed_inside,
        });
        self
    }

    fn start_folder(&mut self, root: PathBuf) -> Option<Item> {
        let walk = walkdir::WalkDir::new(&root)
            .follow_links(true)
            .sort_by_file_name();
        let entries: Box<dyn Iterator<Item = _> + Send> = match &self.avoid {
            Some(avoid) if output_inside(&avoid.dir, &root) => {
                if !avoid.allowed_inside {
                    return Some(Item::fail(
                        root.display().to_string(),
                        format!(
                            "the output folder {} is inside this input folder; \
                             use --output-in-input to allow it",
                            avoid.dir.display()
                        ),
                    ));
                }
                let out = avoid.dir.clone();
                Box::new(walk.into_iter().filter_entry(move |e| {
                    !(e.file_type().is_dir() && fs::canonicalize(e.path()).is_ok_and(|p| p == out))
                }))
            }
            _ => Box::new(walk.into_iter()),
        };
        self.walk = Some(Walk { root, entries });
        None
    }

    fn walk_problem(&self, root: &Path, e: walkdir::Error) -> Option<Item> {
        let path = e.path().unwrap_or(root).to_path_buf();
        let source = path.display().to_string();
        if let Some(ancestor) = e.loop_ancestor() {
            return Some(Item::new(
                source,
                What::Warn(format!(
                    "symbolic link loop (back to {}), skipped",
                    ancestor.display()
                )),
            ));
        }
        let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link && fs::metadata(&path).is_err() {
            // A broken link: a problem only if it names a page.
            let rel = path.strip_prefix(root).unwrap_or(&path);
            if !self.matcher.matches(rel) {
                return None;
            }
            return Some(Item::fail(source, "broken symbolic link"));
        }
        let msg = match e.io_error() {
            Some(io) => describe_io(io),
            None => e.to_string(),
        };
        Some(Item::fail(source, msg))
    }
}

/// `path` made absolute with links resolved, even when its last parts do
/// not exist yet (an output folder about to be created).
pub fn resolve(path: &Path) -> PathBuf {
    let mut rest = Vec::new();
    let mut base = path;
    loop {
        if let Ok(canonical) = fs::canonicalize(if base.as_os_str().is_empty() {
            Path::new(".")
        } else {
            base
        }) {
            return rest.iter().rev().fold(canonical, |p, part| p.join(part));
        }
        match (base.parent(), base.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                base = parent;
            }
            _ => return path.to_path_buf(),
        }
    }
}

/// Whether `out_dir` (from [`resolve`]) is `root` or inside it.
pub fn output_inside(out_dir: &Path, root: &Path) -> bool {
    match fs::canonicalize(root) {
        Ok(root) => out_dir.starts_with(root),
        Err(_) => false,
    }
}

impl Iterator for Walker {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(walk) = &mut self.walk {
                match walk.entries.next() {
                    None => self.walk = None,
                    Some(Ok(entry)) => {
                        if !entry.file_type().is_file() {
                            continue;
                        }
                        let rel = match entry.path().strip_prefix(&walk.root) {
                            Ok(r) => r.to_path_buf(),
                            Err(_) => continue,
                        };
                        if !self.matcher.matches(&rel) {
                            continue;
                        }
                        let path = entry.into_path();
                        return Some(Item::new(
                            path.display().to_string(),
                            What::File { path, rel },
                        ));
                    }
                    Some(Err(e)) => {
                        let root = walk.root.clone();
                        match self.walk_problem(&root, e) {
                            Some(item) => return Some(item),
                            None => continue,
                        }
                    }
                }
                continue;
            }
            let root = match self.roots.next()? {
                Ok(root) => root,
                Err(msg) => return Some(Item::fail("--files-from", msg)),
            };
            if root.as_os_str() == "-" {
                return Some(Item::new("-".into(), What::Stdin));
            }
            if fs::metadata(&root).is_ok_and(|m| m.is_dir()) {
                match self.start_folder(root) {
                    Some(item) => return Some(item),
                    None => continue,
                }
            }
            // A file named directly (or missing: reading it says so).
            let rel = mirror_path(&root);
            return Some(Item::new(
                root.display().to_string(),
                What::File { path: root, rel },
            ));
        }
    }
}

/// A path given by the user, as a relative path to place under an output
/// folder: leading `/`, `.` and `..` parts are dropped.
pub fn mirror_path(path: &Path) -> PathBuf {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part),
            _ => None,
        })
        .collect()
}

/// Paths one a line (`--files-from`); blank lines are skipped, a final `\r` is dropped.
pub fn path_lines<R: BufRead + Send + 'static>(
    mut reader: R,
) -> impl Iterator<Item = Result<PathBuf, String>> + Send {
    let mut done = false;
    std::iter::from_fn(move || {
        let mut line = Vec::new();
        loop {
            if done {
                return None;
            }
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => return None,
                Ok(_) => {
                    while line.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                        line.pop();
                    }
                    if line.is_empty() {
                        continue;
                    }
                    return Some(Ok(path_from_bytes(std::mem::take(&mut line))));
                }
                Err(e) => {
                    done = true;
                    return Some(Err(format!("cannot read the list of paths: {e}")));
                }
            }
        }
    })
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

// ---------------------------------------------------------------------------
// JSON Lines input

/// One JSON Lines input record: the page in `"html"`, its address in
/// `"url"` (used when the page states none), and every other field, kept
/// as written and in order, to be carried into the output record.
#[derive(Debug)]
pub struct Record {
    pub html: String,
    pub url: Option<String>,
    pub fields: Vec<(String, Box<RawValue>)>,
}

impl<'de> Deserialize<'de> for Record {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Record;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object with the page in \"html\"")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
                let mut html = None;
                let mut url = None;
                let mut fields = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "html" => html = Some(map.next_value::<String>()?),
                        "url" => url = map.next_value::<Option<String>>()?,
                        _ => fields.push((key, map.next_value::<Box<RawValue>>()?)),
                    }
                }
                let html = html.ok_or_else(|| de::Error::missing_field("html"))?;
                Ok(Record { html, url, fields })
            }
        }
        d.deserialize_map(V)
    }
}

impl Record {
    pub fn parse(line: &[u8]) -> Result<Record, String> {
        serde_json::from_slice(line).map_err(|e| format!("bad JSON record: {e}"))
    }

    /// The output record: the record's own fields first (as written, in
    /// order), then the article's. A field named like one of the article's
    /// keys gives way to the article's value.
    pub fn output_json(&self, article: &Article) -> String {
        let article_json = article.to_json();
        let mut out = String::with_capacity(article_json.len() + 64);
        out.push('{');
        for (key, value) in &self.fields {
            if ARTICLE_KEYS.contains(&key.as_str()) {
                continue;
            }
            out.push_str(&serde_json::to_string(key).expect("a string serialises"));
            out.push(':');
            out.push_str(value.get());
            out.push(',');
        }
        out.push_str(&article_json[1..]);
        out
    }
}

/// Lines of JSON Lines input as items, lazily. Blank lines are skipped; a
/// line over `max_line` bytes is reported (and skipped) without being held.
/// Items are named `NAME:LINE`.
pub struct JsonLines<R> {
    reader: R,
    name: String,
    line: u64,
    max_line: usize,
    done: bool,
}

impl<R: BufRead> JsonLines<R> {
    pub fn new(reader: R, name: impl Into<String>, max_line: usize) -> Self {
        JsonLines {
            reader,
            name: name.into(),
            line: 0,
            max_line,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if self.done {
                return None;
            }
            let mut buf = Vec::new();
            let read = (&mut self.reader)
                .take(self.max_line as u64 + 1)
                .read_until(b'\n', &mut buf);
            self.line += 1;
            let source = format!("{}:{}", self.name, self.line);
            match read {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Item::fail(source, describe_io(&e)));
                }
            }
            if buf.last() != Some(&b'\n') && buf.len() > self.max_line {
                // Skip the rest of the line without keeping it.
                loop {
                    let (skip, found) = match self.reader.fill_buf() {
                        Ok([]) => (0, true),
                        Ok(data) => match memchr::memchr(b'\n', data) {
                            Some(i) => (i + 1, true),
                            None => (data.len(), false),
                        },
                        Err(_) => (0, true),
                    };
                    self.reader.consume(skip);
                    if found {
                        break;
                    }
                }
                return Some(Item::fail(
                    source,
                    format!("line is over {} bytes (see --max-size)", self.max_line),
                ));
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(Item::new(source, What::Line(buf)));
        }
    }
}

// ---------------------------------------------------------------------------
// Output folder

/// Where the result for a page at `rel` (under its input folder) goes: the
/// same path under `dir`, with `.gz` and a page extension (`.html`...)
/// replaced by `.json`; other names get `.json` added.
pub fn output_path(dir: &Path, rel: &Path) -> PathBuf {
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "page".into());
    let mut stem = name.as_str();
    if let Some(s) = strip_ext(stem, "gz") {
        stem = s;
    }
    for ext in PAGE_EXTENSIONS {
        if let Some(s) = strip_ext(stem, ext) {
            stem = s;
            break;
        }
    }
    let mut out = dir.join(rel);
    out.set_file_name(format!("{stem}.json"));
    out
}

/// `name` without `.ext` (any letter case), if it ends so and something is left.
fn strip_ext<'a>(name: &'a str, ext: &str) -> Option<&'a str> {
    let cut = name.len().checked_sub(ext.len() + 1)?;
    if cut == 0 || !name.is_char_boundary(cut) {
        return None;
    }
    let (stem, tail) = name.split_at(cut);
    (tail.as_bytes()[0] == b'.' && tail[1..].eq_ignore_ascii_case(ext)).then_some(stem)
}

/// The temporary name an output is written to first: hidden, in the same
/// folder (so the rename is atomic), the same for every run (so a rerun
/// replaces what an interrupted run left).
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}{TEMP_SUFFIX}"))
}

/// Writes `data` to `path` so that `path` is either absent or complete: the
/// data go to [`temp_path`] first, which is then renamed into place. Folders
/// are created as needed.
pub fn write_atomic(path: &Path, data: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let tmp = temp_path(path);
    // A leftover from an interrupted run is removed, not written through
    // (it could be a link to anything).
    match fs::remove_file(&tmp) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| f.write_all(data))
        .and_then(|()| fs::rename(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// Decides each page's output file, in input order: skips pages whose
/// output exists (unless overwriting) and refuses to give two inputs the
/// same output.
///
/// An input is never overwritten: an output's name always differs from its
/// input's (it ends in `.json`, and an input `x.json` gives `x.json.json`),
/// and [`write_atomic`] replaces directory entries by renaming, never writing
/// through an existing file or link.
pub struct Planner {
    dir: PathBuf,
    overwrite: bool,
    /// Hashes of the outputs given out so far (8 bytes a page).
    taken: HashSet<u64>,
}

impl Planner {
    pub fn new(dir: &Path, overwrite: bool) -> Planner {
        Planner {
            dir: dir.to_path_buf(),
            overwrite,
            taken: HashSet::new(),
        }
    }

    pub fn plan(&mut self, mut item: Item) -> Item {
        let rel = match &item.what {
            What::File { rel, .. } => rel,
            What::Stdin | What::Line(_) => {
                item.what = What::Fail("only files can be written to an output folder".into());
                return item;
            }
            _ => return item,
        };
        let out = output_path(&self.dir, rel);
        let mut h = DefaultHasher::new();
        out.hash(&mut h);
        if !self.taken.insert(h.finish()) {
            item.what = What::Fail(format!(
                "its output {} is an earlier page's output too",
                out.display()
            ));
            return item;
        }
        if !self.overwrite && fs::symlink_metadata(&out).is_ok() {
            item.what = What::Skip;
        }
        item.out = Some(out);
        item
    }
}

// ---------------------------------------------------------------------------
// Ordered parallel map

/// Locks, whether or not another thread panicked with the lock held.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs `work` on the items on `threads` threads and hands the results to
/// `sink` in the items' order.
///
/// At most `window` items (at least `threads`) have been taken from `items`
/// and not yet sunk, so memory is bounded however many items there are.
/// Items are taken one at a time under a lock, so `items` may do I/O and
/// may block (a pipe): results already done are still handed on meanwhile.
/// `sink` returns `ControlFlow::Break(())` to stop: no further item is taken,
/// and results still in flight are dropped. With one thread, everything runs
/// on the calling thread. A panic in `work` stops the run and is resumed here.
pub fn ordered_map<I, T, R, W, S>(items: I, threads: usize, window: usize, work: W, mut sink: S)
where
    I: Iterator<Item = T> + Send,
    T: Send,
    R: Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(R) -> ControlFlow<()>,
{
    let threads = threads.max(1);
    if threads == 1 {
        for item in items {
            if sink(work(item)).is_break() {
                return;
            }
        }
        return;
    }
    let window = window.max(threads);

    // Two locks: `slots` counts items in flight and is all the sink ever
    // takes, so results keep flowing while a worker waits on `items` (a
    // pipe that sends the next record only after reading a result).
    struct Slots {
        in_flight: usize,
        stop: bool,
    }
    struct Feed<I> {
        items: I,
        next: u64,
        done: bool,
    }
    let slots = Mutex::new(Slots {
        in_flight: 0,
        stop: false,
    });
    let room = Condvar::new();
    let feed = Mutex::new(Feed {
        items,
        next: 0,
        done: false,
    });
    let stop = |slots: &Mutex<Slots>, room: &Condvar| {
        lock(slots).stop = true;
        room.notify_all();
    };
    let panicked = Mutex::new(None);
    let (tx, rx) = mpsc::channel::<(u64, R)>();

    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (slots, room, feed, work, panicked) = (&slots, &room, &feed, &work, &panicked);
            scope.spawn(move || {
                let run = panic::catch_unwind(AssertUnwindSafe(|| {
                    loop {
                        {
                            let mut s = lock(slots);
                            while s.in_flight >= window && !s.stop {
                                s = room.wait(s).unwrap_or_else(|e| e.into_inner());
                            }
                            if s.stop {
                                return;
                            }
                            s.in_flight += 1;
                        }
                        let next = {
                            let mut f = lock(feed);
                            let item = if f.done { None } else { f.items.next() };
                            match item {
                                Some(item) => {
                                    let seq = f.next;
                                    f.next += 1;
                                    Some((seq, item))
                                }
                                None => {
                                    f.done = true;
                                    None
                                }
                            }
                        };
                        let Some((seq, item)) = next else {
                            stop(slots, room);
                            return;
                        };
                        if tx.send((seq, work(item))).is_err() {
                            return;
                        }
                    }
                }));
                if let Err(payload) = run {
                    *lock(panicked) = Some(payload);
                    lock(feed).done = true;
                    stop(slots, room);
                }
            });
        }
        drop(tx);

        let mut pending = BTreeMap::new();
        let mut want = 0u64;
        'results: for (seq, result) in rx.iter() {
            pending.insert(seq, result);
            while let Some(result) = pending.remove(&want) {
                want += 1;
                let flow = sink(result);
                {
                    let mut s = lock(&slots);
                    s.in_flight -= 1;
                    if flow.is_break() {
                        s.stop = true;
                    }
                }
                room.notify_all();
                if flow.is_break() {
                    break 'results;
                }
            }
        }
        drop(rx);
    });
    if let Some(payload) = panicked.into_inner().unwrap_or_else(|e| e.into_inner()) {
        panic::resume_unwind(payload);
    }
}

// ---------------------------------------------------------------------------
// The batch

/// What became of one item.
#[derive(Debug)]
pub struct Outcome {
    pub source: String,
    pub status: Status,
}

#[derive(Debug)]
pub enum Status {
    /// Extracted; the JSON is for stdout. `empty`: no article was found.
    Json {
        json: String,
        empty: bool,
    },
    /// Extracted and written to `path`.
    Written {
        path: PathBuf,
        empty: bool,
    },
    /// Not done again: the output exists.
    Skipped,
    Failed(String),
    Warning(String),
}

/// Counts for the closing summary.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Pages extracted.
    pub done: usize,
    /// Of those, pages where no article was found (no paragraphs).
    pub empty: usize,
    pub failed: usize,
    /// Pages whose output existed.
    pub skipped: usize,
    pub warnings: usize,
    pub elapsed: Duration,
    /// Stopped because stdout was closed (`| head`).
    pub closed: bool,
    /// Stopped at the first failure (`--fail-fast`).
    pub stopped: bool,
}

impl Summary {
    /// One line: "2000 pages: 1990 extracted (12 without an article), 10 failed, 1.4 s, 1420 pages/s".
    pub fn line(&self) -> String {
        let total = self.done + self.failed + self.skipped;
        let secs = self.elapsed.as_secs_f64();
        let mut s = format!(
            "{total} {}: {} extracted ({} without an article), {} failed",
            if total == 1 { "page" } else { "pages" },
            self.done,
            self.empty,
            self.failed
        );
        if self.skipped > 0 {
            s += &format!(", {} skipped (output exists)", self.skipped);
        }
        if self.warnings > 0 {
            s += &format!(", {} warnings", self.warnings);
        }
        s += &format!(", {secs:.1} s");
        if secs > 0.0 && self.done > 0 {
            s += &format!(", {:.0} pages/s", self.done as f64 / secs);
        }
        if self.stopped {
            s += " (stopped at the first failure)";
        }
        s
    }
}

/// A batch run: how pages are extracted and where their results go.
pub struct Batch<'a> {
    pub extractor: &'a Extractor,
    /// Applied to every page (`source` is set per page).
    pub options: Options,
    pub threads: usize,
    /// Pages in flight at most (read, being extracted, or waiting for their turn).
    pub window: usize,
    /// Indented JSON (files and stdout) rather than one line.
    pub pretty: bool,
    /// Stop at the first failure.
    pub fail_fast: bool,
}

impl Batch<'_> {
    /// Pages in flight by default: a few per thread, so no thread waits.
    pub fn default_window(threads: usize) -> usize {
        threads.max(1) * 4
    }

    /// Processes one item. Never panics: a panic in the pipeline is that page's failure.
    pub fn process(&self, item: Item) -> Outcome {
        let source = item.source.clone();
        let status = panic::catch_unwind(AssertUnwindSafe(|| self.process_inner(item)))
            .unwrap_or_else(|_| Status::Failed("internal error (panic), please report".into()));
        Outcome { source, status }
    }

    fn process_inner(&self, item: Item) -> Status {
        let opts = Options {
            source: item.source,
            ..self.options.clone()
        };
        let (bytes, record) = match item.what {
            What::Skip => return Status::Skipped,
            What::Fail(msg) => return Status::Failed(msg),
            What::Warn(msg) => return Status::Warning(msg),
            What::File { path, .. } => match read_page(&path, opts.max_size) {
                Ok(b) => (b, None),
                Err(msg) => return Status::Failed(msg),
            },
            What::Stdin => match read_page(Path::new("-"), opts.max_size) {
                Ok(b) => (b, None),
                Err(msg) => return Status::Failed(msg),
            },
            What::Line(line) => match Record::parse(&line) {
                Ok(mut r) => (std::mem::take(&mut r.html).into_bytes(), Some(r)),
                Err(msg) => return Status::Failed(msg),
            },
        };
        let opts = match record.as_ref().and_then(|r| r.url.clone()) {
            Some(url) => Options {
                url: Some(url),
                ..opts
            },
            None => opts,
        };
        let article = match self.extractor.extract(&bytes, &opts) {
            Ok(a) => a,
            Err(e) => return Status::Failed(e.to_string()),
        };
        drop(bytes);
        let empty = article.paragraphs.is_empty();
        let json = match &record {
            Some(r) => r.output_json(&article),
            None if self.pretty => article.to_json_pretty(),
            None => article.to_json(),
        };
        match item.out {
            Some(path) => {
                let mut data = json.into_bytes();
                data.push(b'\n');
                match write_atomic(&path, &data) {
                    Ok(()) => Status::Written { path, empty },
                    Err(e) => Status::Failed(format!(
                        "cannot write {}: {}",
                        path.display(),
                        describe_io(&e)
                    )),
                }
            }
            None => Status::Json { json, empty },
        }
    }

    /// Runs the batch: results on `out` (one JSON a line unless pretty) in
    /// input order, each outcome shown to `observe` in that order too.
    /// A closed `out` ends the run quietly (`Summary::closed`); other write
    /// errors are returned.
    pub fn run<I>(
        &self,
        items: I,
        out: &mut dyn Write,
        observe: &mut dyn FnMut(&Outcome),
    ) -> io::Result<Summary>
    where
        I: Iterator<Item = Item> + Send,
    {
        let start = Instant::now();
        let mut summary = Summary::default();
        let mut error = None;
        ordered_map(
            items,
            self.threads,
            self.window,
            |item| self.process(item),
            |outcome| {
                observe(&outcome);
                match &outcome.status {
                    Status::Json { json, empty } => {
                        summary.done += 1;
                        summary.empty += usize::from(*empty);
                        if let Err(e) = writeln!(out, "{json}").and_then(|()| out.flush()) {
                            if e.kind() == io::ErrorKind::BrokenPipe {
                                summary.closed = true;
                            } else {
                                error = Some(e);
                            }
                            return ControlFlow::Break(());
                        }
                    }
                    Status::Written { empty, .. } => {
                        summary.done += 1;
                        summary.empty += usize::from(*empty);
                    }
                    Status::Skipped => summary.skipped += 1,
                    Status::Warning(_) => summary.warnings += 1,
                    Status::Failed(_) => {
                        summary.failed += 1;
                        if self.fail_fast {
                            summary.stopped = true;
                            return ControlFlow::Break(());
                        }
                    }
                }
                ControlFlow::Continue(())
            },
        );
        summary.elapsed = start.elapsed();
        match error {
            Some(e) => Err(e),
            None => Ok(summary),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Rules;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn page(n: usize) -> String {
        format!(
            "<html><head><title>Story {n}</title></head><body><h1>Story {n}</h1>\
             <p>The council met on Tuesday evening to discuss story number {n}, and after a \
             long debate the members agreed to fund the new bridge across the river, which \
             engineers say will take three years to build and open in the spring.</p>\
             </body></html>"
        )
    }

    #[test]
    fn ordered_map_keeps_order_and_bounds_the_window() {
        let in_flight = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let items = (0..200u64).inspect(|_| {
            let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
        });
        let mut got = Vec::new();
        ordered_map(
            items,
            4,
            6,
            |i| {
                // Uneven work, so results arrive out of order.
                std::thread::sleep(Duration::from_micros((i * 7919 % 13) * 50));
                i * 2
            },
            |r| {
                in_flight.fetch_sub(1, Ordering::SeqCst);
                got.push(r);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(got, (0..200).map(|i| i * 2).collect::<Vec<_>>());
        let most = most.load(Ordering::SeqCst);
        assert!(most <= 6, "{most} items in flight with a window of 6");
    }

    #[test]
    fn ordered_map_stops_when_told() {
        let taken = AtomicUsize::new(0);
        let items = (0..10_000).inspect(|_| {
            taken.fetch_add(1, Ordering::SeqCst);
        });
        let mut got = Vec::new();
        ordered_map(
            items,
            3,
            8,
            |i| i,
            |r| {
                got.push(r);
                if r == 5 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(got, vec![0, 1, 2, 3, 4, 5]);
        assert!(taken.load(Ordering::SeqCst) <= 6 + 8);
    }

    #[test]
    fn ordered_map_answers_a_pipe_that_waits_for_results() {
        // Like a pipe operator: two records are sent, then nothing more
        // until both results are back. Results must not wait for input.
        let (done_tx, done_rx) = mpsc::channel();
        std::thread::spawn(move || {
            let (tx, rx) = mpsc::channel::<u32>();
            tx.send(0).unwrap();
            tx.send(1).unwrap();
            let mut tx = Some(tx);
            let mut got = Vec::new();
            ordered_map(
                rx.into_iter(),
                3,
                8,
                |i| i,
                |r| {
                    got.push(r);
                    if got.len() % 2 == 0 {
                        match got.len() {
                            10 => tx = None,
                            n => {
                                let t = tx.as_ref().unwrap();
                                t.send(n as u32).unwrap();
                                t.send(n as u32 + 1).unwrap();
                            }
                        }
                    }
                    ControlFlow::Continue(())
                },
            );
            let _ = done_tx.send(got);
        });
        let got = done_rx
            .recv_timeout(Duration::from_secs(20))
            .expect("results flow while a worker waits for input");
        assert_eq!(got, (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn ordered_map_one_thread_runs_inline() {
        let mut got = Vec::new();
        let here = std::thread::current().id();
        ordered_map(
            0..5,
            1,
            1,
            |i| (i, std::thread::current().id()),
            |r| {
                got.push(r);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(got.len(), 5);
        assert!(got.iter().all(|(_, t)| *t == here));
    }

    #[test]
    fn ordered_map_resumes_a_panic_without_hanging() {
        let r = panic::catch_unwind(|| {
            ordered_map(
                0..100,
                2,
                4,
                |i| {
                    if i == 3 {
                        panic!("boom");
                    }
                    i
                },
                |_| ControlFlow::Continue(()),
            )
        });
        assert!(r.is_err());
    }

    #[test]
    fn output_paths_mirror_and_replace_page_extensions() {
        let d = Path::new("out");
        assert_eq!(
            output_path(d, Path::new("a/b/story.html")),
            Path::new("out/a/b/story.json")
        );
        assert_eq!(
            output_path(d, Path::new("x.HTM.gz")),
            Path::new("out/x.json")
        );
        assert_eq!(
            output_path(d, Path::new("v1.2.shtml")),
            Path::new("out/v1.2.json")
        );
        assert_eq!(
            output_path(d, Path::new("notes.txt")),
            Path::new("out/notes.txt.json")
        );
        assert_eq!(
            output_path(d, Path::new(".html")),
            Path::new("out/.html.json")
        );
        assert_eq!(
            mirror_path(Path::new("/abs/../x/./y.html")),
            Path::new("abs/x/y.html")
        );
    }

    #[test]
    fn atomic_write_leaves_no_temp_and_replaces_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/p.json");
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::write(temp_path(&target), b"{\"half").unwrap();
        write_atomic(&target, b"{}\n").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"{}\n");
        assert!(!temp_path(&target).exists());
        let names: Vec<_> = fs::read_dir(target.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("p.json")]);
        // A leftover temp name that links to another file is replaced, not written through.
        #[cfg(unix)]
        {
            let precious = dir.path().join("precious.html");
            fs::write(&precious, b"<p>mine</p>").unwrap();
            std::os::unix::fs::symlink(&precious, temp_path(&target)).unwrap();
            write_atomic(&target, b"{\"new\":1}\n").unwrap();
            assert_eq!(fs::read(&precious).unwrap(), b"<p>mine</p>");
            assert_eq!(fs::read(&target).unwrap(), b"{\"new\":1}\n");
        }
    }

    #[test]
    fn planner_skips_done_pages_and_refuses_collisions() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("done.json"), "{}").unwrap();
        let file = |rel: &str| {
            Item::new(
                rel.into(),
                What::File {
                    path: dir.path().join(rel),
                    rel: rel.into(),
                },
            )
        };
        let mut p = Planner::new(&out, false);
        assert!(matches!(p.plan(file("done.html")).what, What::Skip));
        let fresh = p.plan(file("new.html"));
        assert_eq!(fresh.out.as_deref(), Some(out.join("new.json").as_path()));
        assert!(matches!(fresh.what, What::File { .. }));
        assert!(matches!(p.plan(file("new.htm")).what, What::Fail(_)));
        let mut p = Planner::new(&out, true);
        assert!(matches!(p.plan(file("done.html")).what, What::File { .. }));
    }

    #[test]
    fn walker_sorts_filters_and_reports() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "b.html",
            "a.HTM",
            "c.txt",
            "z/1.shtml.gz",
            "m/x.xhtml",
            "m/y.json",
        ] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        let names = |w: Walker| -> Vec<String> {
            w.map(|i| match i.what {
                What::File { rel, .. } => rel.display().to_string(),
                other => format!("{other:?}"),
            })
            .collect()
        };
        let roots = vec![Ok(root.to_path_buf())].into_iter();
        assert_eq!(
            names(Walker::new(roots, Matcher::pages())),
            ["a.HTM", "b.html", "m/x.xhtml", "z/1.shtml.gz"]
        );
        let roots = vec![Ok(root.to_path_buf())].into_iter();
        let m = Matcher::globs(&["*.txt", "m/*.json"]).unwrap();
        assert_eq!(names(Walker::new(roots, m)), ["c.txt", "m/y.json"]);
        // A file named directly is taken whatever its name; a missing one
        // comes through to be reported when read.
        let roots = vec![Ok(root.join("c.txt")), Ok(root.join("nope.html"))].into_iter();
        assert_eq!(
            names(Walker::new(roots, Matcher::pages())).len(),
            2,
            "named files are always items"
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root, root.join("m/loop")).unwrap();
            let roots = vec![Ok(root.to_path_buf())].into_iter();
            let got: Vec<Item> = Walker::new(roots, Matcher::pages()).collect();
            assert!(
                got.iter()
                    .any(|i| matches!(&i.what, What::Warn(m) if m.contains("loop")))
            );
            let files = got
                .iter()
                .filter(|i| matches!(i.what, What::File { .. }))
                .count();
            assert_eq!(files, 4);
        }
    }

    #[test]
    fn walker_refuses_or_skips_an_output_folder_inside() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("out")).unwrap();
        fs::write(root.join("a.html"), "x").unwrap();
        fs::write(root.join("out/old.html"), "x").unwrap();
        let roots = || vec![Ok(root.to_path_buf())].into_iter();
        // A folder yet to be made, inside: refused too.
        let later = resolve(&root.join("later/out"));
        assert_eq!(later, fs::canonicalize(root).unwrap().join("later/out"));
        assert!(output_inside(&later, root));
        let got: Vec<Item> = Walker::new(roots(), Matcher::pages())
            .avoiding(&root.join("out"), false)
            .collect();
        assert_eq!(got.len(), 1);
        assert!(matches!(&got[0].what, What::Fail(m) if m.contains("inside")));
        let got: Vec<Item> = Walker::new(roots(), Matcher::pages())
            .avoiding(&root.join("out"), true)
            .collect();
        assert_eq!(got.len(), 1);
        assert!(matches!(&got[0].what, What::File { rel, .. } if rel == Path::new("a.html")));
    }

    #[test]
    fn path_lines_skip_blanks_and_carriage_returns() {
        let input = io::Cursor::new(b"a.html\r\n\n  \nb/c.htm\nlast".to_vec());
        let got: Vec<PathBuf> = path_lines(input).map(Result::unwrap).collect();
        assert_eq!(
            got,
            ["a.html", "  ", "b/c.htm", "last"]
                .map(PathBuf::from)
                .to_vec()
        );
    }

    #[test]
    fn records_carry_their_fields_in_order() {
        let r = Record::parse(
            br#"{"id": 7, "html": "<p>x</p>", "meta": {"a": [1, 2.50]}, "url": "https://e.com/a", "headline": "theirs"}"#,
        )
        .unwrap();
        assert_eq!(r.html, "<p>x</p>");
        assert_eq!(r.url.as_deref(), Some("https://e.com/a"));
        let article = Article {
            source: "-:1".into(),
            headline: Some("ours".into()),
            ..Article::default()
        };
        let json = r.output_json(&article);
        assert!(
            json.starts_with(r#"{"id":7,"meta":{"a": [1, 2.50]},"source":"-:1""#),
            "{json}"
        );
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["headline"], "ours");
        assert!(Record::parse(br#"{"id": 1}"#).unwrap_err().contains("html"));
        assert!(Record::parse(b"[1]").is_err());
        assert!(Record::parse(br#"{"html": 5}"#).is_err());
    }

    #[test]
    fn json_lines_skip_blanks_and_long_lines() {
        let data = b"{\"html\":\"a\"}\n\n{\"html\":\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"}\n{\"html\":\"c\"}".to_vec();
        let items: Vec<Item> = JsonLines::new(io::Cursor::new(data), "in", 20).collect();
        let kinds: Vec<String> = items
            .iter()
            .map(|i| match &i.what {
                What::Line(_) => format!("{} line", i.source),
                What::Fail(_) => format!("{} fail", i.source),
                _ => "other".into(),
            })
            .collect();
        assert_eq!(kinds, ["in:1 line", "in:3 fail", "in:4 line"]);
    }

    #[test]
    fn batch_outputs_in_order_and_counts() {
        let extractor = Extractor::new(Rules::builtin());
        let batch = Batch {
            extractor: &extractor,
            options: Options::default(),
            threads: 3,
            window: 5,
            pretty: false,
            fail_fast: false,
        };
        let mut lines: Vec<Vec<u8>> = (0..40)
            .map(|n| serde_json::to_vec(&serde_json::json!({"n": n, "html": page(n)})).unwrap())
            .collect();
        lines[7] = b"{not json".to_vec();
        lines[9] = br#"{"n": 9, "html": "<html><body><p>Menu</p></body></html>"}"#.to_vec();
        let items: Vec<Item> = lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| Item::new(format!("t:{}", i + 1), What::Line(l)))
            .collect();
        let mut out = Vec::new();
        let mut failures = Vec::new();
        let summary = batch
            .run(items.into_iter(), &mut out, &mut |o| {
                if let Status::Failed(m) = &o.status {
                    failures.push(format!("{}: {m}", o.source));
                }
            })
            .unwrap();
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert!(failures[0].starts_with("t:8: bad JSON record"));
        assert_eq!((summary.done, summary.failed, summary.empty), (39, 1, 1));
        let ns: Vec<u64> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["n"]
                    .as_u64()
                    .unwrap()
            })
            .collect();
        let want: Vec<u64> = (0..40).filter(|&n| n != 7).collect();
        assert_eq!(ns, want);
    }

    #[test]
    fn batch_fail_fast_stops_at_the_first_failure() {
        let extractor = Extractor::new(Rules::builtin());
        let batch = Batch {
            extractor: &extractor,
            options: Options::default(),
            threads: 2,
            window: 4,
            pretty: false,
            fail_fast: true,
        };
        let items = (0..30).map(|n| {
            let line = if n == 4 {
                b"nope".to_vec()
            } else {
                serde_json::to_vec(&serde_json::json!({"html": page(n)})).unwrap()
            };
            Item::new(format!("t:{n}"), What::Line(line))
        });
        let mut out = Vec::new();
        let summary = batch.run(items, &mut out, &mut |_| {}).unwrap();
        assert!(summary.stopped);
        assert_eq!((summary.done, summary.failed), (4, 1));
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 4);
    }

    #[test]
    fn batch_ends_quietly_on_a_closed_output() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let extractor = Extractor::new(Rules::builtin());
        let batch = Batch {
            extractor: &extractor,
            options: Options::default(),
            threads: 2,
            window: 4,
            pretty: false,
            fail_fast: false,
        };
        let items = (0..50).map(|n| {
            let line = serde_json::to_vec(&serde_json::json!({"html": page(n)})).unwrap();
            Item::new(format!("t:{n}"), What::Line(line))
        });
        let summary = batch.run(items, &mut Closed, &mut |_| {}).unwrap();
        assert!(summary.closed);
        assert_eq!(summary.done, 1);
    }
}
