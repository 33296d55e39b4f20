//! The `copydesk` command: arguments and I/O. The work is in the library.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use copydesk::batch::{
    Batch, Item, JsonLines, Matcher, Outcome, Planner, Status, Walker, What, output_inside,
    path_lines, read_page,
};
use copydesk::{Extractor, Options, Rules};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Turns saved news pages into clean, structured JSON.
///
/// Each page gives one JSON object: url, headline, timestamp, credits,
/// paragraphs, language, site_name, description, tags, encoding. One input
/// prints one object (indented on a terminal); several print JSON Lines, one
/// object a line, in the order given.
#[derive(Parser, Debug)]
#[command(name = "copydesk", version, about, long_about = None)]
#[command(args_conflicts_with_subcommands = true)]
#[command(
    after_help = "Exit status: 0 when every page was extracted, 1 when any input failed \
(each failure is named on stderr), 2 for a usage error."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Saved pages (.html, .htm, or gzipped .gz) or folders of them, walked
    /// recursively; '-' reads stdin. With no path, stdin is read when it is
    /// not a terminal.
    paths: Vec<PathBuf>,

    /// Indent the JSON (the default for a single page on a terminal).
    #[arg(long, conflicts_with = "compact")]
    pretty: bool,

    /// One line of JSON per page (the default when not on a terminal).
    #[arg(long)]
    compact: bool,

    /// Decode every page with this encoding (a WHATWG label such as gbk,
    /// shift_jis, windows-1252) instead of detecting it.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,

    /// Add the rules in FILE on top of the built-in rules (repeatable; later
    /// files win).
    #[arg(long, value_name = "FILE")]
    rules: Vec<PathBuf>,

    /// Add the rules files in DIR: copydesk TOML files and FiveFilters site
    /// configs (HOST.txt); repeatable. Read before the --rules files.
    #[arg(long, value_name = "DIR")]
    rules_dir: Vec<PathBuf>,

    /// The page's address, used when the page does not state one.
    #[arg(long, value_name = "URL")]
    url: Option<String>,

    /// Refuse inputs larger than this many bytes (after decompression).
    #[arg(long, value_name = "BYTES", default_value_t = copydesk::DEFAULT_MAX_SIZE)]
    max_size: usize,

    #[command(flatten)]
    batch: BatchArgs,
}

/// Batches: folders, lists of paths, JSON Lines, output folders, threads.
#[derive(clap::Args, Debug)]
struct BatchArgs {
    /// Write one .json per page under DIR, mirroring the input folders
    /// (story.html -> DIR/story.json), instead of printing. Pages whose
    /// output exists are skipped, so a rerun resumes an interrupted one.
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    output: Option<PathBuf>,

    /// With --output: redo pages whose output exists.
    #[arg(long, requires = "output")]
    overwrite: bool,

    /// With --output: allow DIR inside an input folder (it is not walked).
    #[arg(long, requires = "output")]
    output_in_input: bool,

    /// Also take the paths listed in FILE, one a line ('-' for stdin).
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,

    /// What the inputs hold: saved pages, or JSON Lines records with the page
    /// in "html" (optional "url"; other fields are carried into the output).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = InputFormat::Html)]
    input: InputFormat,

    /// Which files to take from folders, by their path under the folder
    /// (repeatable). Default: *.html *.htm *.shtml *.xhtml *.mhtml *.mht and their .gz.
    #[arg(long = "glob", value_name = "PATTERN")]
    globs: Vec<String>,

    /// Pages extracted at once (default: one per core).
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    jobs: Option<usize>,

    /// Stop at the first page that fails.
    #[arg(long)]
    fail_fast: bool,

    /// No progress bar and no summary (failures are still named).
    #[arg(short, long)]
    quiet: bool,

    /// Print the closing summary line on stderr even when it is not a terminal.
    #[arg(short, long, conflicts_with = "quiet")]
    verbose: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum InputFormat {
    /// Saved pages (.html, .htm, .gz...), files or folders.
    Html,
    /// JSON Lines, one record a line, from the files given or stdin.
    Jsonl,
}

#[derive(clap::Subcommand, Debug)]
enum Command {
    /// Show why each block of a page was kept or dropped, and which container
    /// was taken as the body.
    Explain {
        /// The saved page ('-' for stdin).
        path: PathBuf,
        /// Print the explanation as JSON.
        #[arg(long)]
        json: bool,
        /// Rules files to add, as for extraction.
        #[arg(long, value_name = "FILE")]
        rules: Vec<PathBuf>,
        /// Folders of rules files to add, as for extraction.
        #[arg(long, value_name = "DIR")]
        rules_dir: Vec<PathBuf>,
        /// Decode with this encoding.
        #[arg(long, value_name = "LABEL")]
        encoding: Option<String>,
        /// The page's address, used when the page does not state one.
        #[arg(long, value_name = "URL")]
        url: Option<String>,
    },
    /// Print the built-in rules, or check rules files.
    #[command(subcommand)]
    Rules(RulesCommand),
}

#[derive(clap::Subcommand, Debug)]
enum RulesCommand {
    /// Print the built-in rules file, commented: a starting point for your own.
    Default,
    /// Check rules files (copydesk TOML, or FiveFilters HOST.txt; a folder
    /// checks the files in it). Errors name the file, the line and the
    /// problem; exit status 1 when any file has an error.
    Check {
        #[arg(required = true, value_name = "FILE")]
        paths: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(msg) => {
            say(&format!("copydesk: {msg}"));
            ExitCode::from(2)
        }
    }
}

/// One line on stderr; a closed stderr is not worth a panic.
fn say(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match &cli.command {
        Some(Command::Explain {
            path,
            json,
            rules,
            rules_dir,
            encoding,
            url,
        }) => {
            let rules = load_rules(rules, rules_dir)?;
            return explain(path, *json, rules, encoding.as_deref(), url, cli.max_size);
        }
        Some(Command::Rules(cmd)) => return rules_command(cmd),
        None => {}
    }
    let rules = load_rules(&cli.rules, &cli.rules_dir)?;
    let extractor = Extractor::new(rules);
    let encoding = match &cli.encoding {
        Some(l) => Some(copydesk::decode::encoding_for_label(l).map_err(|e| e.to_string())?),
        None => None,
    };
    let options = Options {
        source: String::new(),
        encoding,
        url: cli.url.clone(),
        max_size: cli.max_size,
    };
    extract_pages(&cli, &extractor, options)
}

/// Extracts every input (one page, a folder, a list, JSON Lines) as a batch.
fn extract_pages(cli: &Cli, extractor: &Extractor, options: Options) -> Result<ExitCode, String> {
    let args = &cli.batch;
    let inputs = Inputs::from_cli(cli)?;
    let stdout = io::stdout();
    let to_stdout = args.output.is_none();
    let pretty = cli.pretty || (!cli.compact && inputs.single && to_stdout && stdout.is_terminal());
    let threads = match args.jobs {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let on_terminal = io::stderr().is_terminal() && !inputs.single && !args.quiet;
    let mut reporter = Reporter::new(on_terminal);
    if let Some(bar) = &reporter.bar {
        inputs.count_in_background(bar.clone());
    }
    let batch = Batch {
        extractor,
        options,
        threads,
        window: Batch::default_window(threads),
        pretty,
        fail_fast: args.fail_fast,
    };
    let mut out = io::BufWriter::new(stdout.lock());
    let result = batch.run(inputs.items, &mut out, &mut |o| reporter.outcome(o));
    reporter.finish();
    let summary = match result {
        Ok(summary) => summary,
        Err(e) => {
            say(&format!("copydesk: cannot write output: {e}"));
            return Ok(ExitCode::from(1));
        }
    };
    if on_terminal || args.verbose {
        say(&format!("copydesk: {}", summary.line()));
    }
    // A closed stdout (`| head -1`) ends quietly, but not with success:
    // some output was not delivered.
    Ok(if summary.failed > 0 || summary.closed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The items of a run, from the command line.
struct Inputs {
    items: Box<dyn Iterator<Item = Item> + Send>,
    /// One page named directly (or stdin): printed as one object.
    single: bool,
    /// What to walk again to count the pages, for the progress bar.
    count: Option<(Vec<PathBuf>, Option<PathBuf>, Matcher)>,
}

impl Inputs {
    fn from_cli(cli: &Cli) -> Result<Inputs, String> {
        let args = &cli.batch;
        let mut paths = cli.paths.clone();
        let stdin_is_input = |paths: &[PathBuf]| paths.iter().any(|p| p.as_os_str() == "-");
        if paths.is_empty() && args.files_from.is_none() {
            if io::stdin().is_terminal() {
                return Err(
                    "no input: give paths to saved pages, or '-' for stdin (see --help)".into(),
                );
            }
            paths.push(PathBuf::from("-"));
        }
        if args.input == InputFormat::Jsonl {
            if args.output.is_some() || args.files_from.is_some() {
                return Err("--input jsonl reads records and prints JSON Lines: \
                            it does not go with --output or --files-from"
                    .into());
            }
            return Ok(Inputs::json_lines(paths, cli.max_size));
        }
        let from_stdin = args.files_from.as_deref() == Some(Path::new("-"));
        if from_stdin && stdin_is_input(&paths) {
            return Err("stdin cannot be both a page and the list of paths".into());
        }
        if args.output.is_some() && stdin_is_input(&paths) {
            return Err("a page on stdin cannot be written to an output folder".into());
        }
        let matcher = if args.globs.is_empty() {
            Matcher::pages()
        } else {
            Matcher::globs(&args.globs)?
        };
        let single = args.files_from.is_none()
            && paths.len() == 1
            && !std::fs::metadata(&paths[0]).is_ok_and(|m| m.is_dir());
        let mut roots: Box<dyn Iterator<Item = Result<PathBuf, String>> + Send> =
            Box::new(paths.clone().into_iter().map(Ok));
        if let Some(list) = &args.files_from {
            roots = Box::new(roots.chain(path_list(list)?));
        }
        let count = Some((
            paths,
            args.files_from.clone().filter(|_| !from_stdin),
            matcher.clone(),
        ));
        let walker = Walker::new(roots, matcher);
        let items: Box<dyn Iterator<Item = Item> + Send> = match &args.output {
            None => Box::new(walker),
            Some(dir) => {
                let walker = prepare_output(dir, &cli.paths, args.output_in_input, walker)?;
                let mut planner = Planner::new(dir, args.overwrite);
                Box::new(walker.map(move |item| planner.plan(item)))
            }
        };
        Ok(Inputs {
            items,
            single,
            count,
        })
    }

    fn json_lines(paths: Vec<PathBuf>, max_size: usize) -> Inputs {
        let max_line = max_size.saturating_mul(2);
        let items = paths
            .into_iter()
            .flat_map(move |p| -> Box<dyn Iterator<Item = Item> + Send> {
                let name = p.display().to_string();
                if p.as_os_str() == "-" {
                    let reader = io::BufReader::with_capacity(1 << 16, io::stdin());
                    return Box::new(JsonLines::new(reader, name, max_line));
                }
                match std::fs::File::open(&p) {
                    Ok(f) => Box::new(JsonLines::new(
                        io::BufReader::with_capacity(1 << 16, f),
                        name,
                        max_line,
                    )),
                    Err(e) => Box::new(std::iter::once(Item {
                        source: name,
                        what: What::Fail(copydesk::batch::describe_io(&e)),
                        out: None,
                    })),
                }
            });
        Inputs {
            items: Box::new(items),
            single: false,
            count: None,
        }
    }

    /// Counts the pages on another thread and gives the progress bar its length.
    fn count_in_background(&self, bar: ProgressBar) {
        let Some((paths, list, matcher)) = self.count.clone() else {
            return;
        };
        std::thread::spawn(move || {
            let mut roots: Box<dyn Iterator<Item = Result<PathBuf, String>> + Send> =
                Box::new(paths.into_iter().map(Ok));
            if let Some(list) = &list {
                match path_list(list) {
                    Ok(more) => roots = Box::new(roots.chain(more)),
                    Err(_) => return,
                }
            }
            let n = Walker::new(roots, matcher)
                .filter(|i| matches!(i.what, What::File { .. } | What::Stdin))
                .count();
            bar.set_length(n as u64);
            bar.set_style(Reporter::bar_style());
        });
    }
}

/// The paths listed in FILE ('-': stdin), one a line.
fn path_list(
    list: &Path,
) -> Result<Box<dyn Iterator<Item = Result<PathBuf, String>> + Send>, String> {
    if list.as_os_str() == "-" {
        return Ok(Box::new(path_lines(io::BufReader::new(io::stdin()))));
    }
    let f = std::fs::File::open(list)
        .map_err(|e| format!("{}: {}", list.display(), copydesk::batch::describe_io(&e)))?;
    Ok(Box::new(path_lines(io::BufReader::new(f))))
}

/// Creates the output folder and checks it is not inside an input folder
/// named on the command line (folders from --files-from are checked as they come).
fn prepare_output(
    dir: &Path,
    paths: &[PathBuf],
    allow_inside: bool,
    walker: Walker,
) -> Result<Walker, String> {
    let canonical = copydesk::batch::resolve(dir);
    if !allow_inside {
        for p in paths {
            if std::fs::metadata(p).is_ok_and(|m| m.is_dir()) && output_inside(&canonical, p) {
                return Err(format!(
                    "the output folder {} is inside the input folder {}; \
                     use --output-in-input to allow it",
                    dir.display(),
                    p.display()
                ));
            }
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(walker.avoiding(dir, allow_inside))
}

/// Failures on stderr, and on a terminal a progress bar.
struct Reporter {
    bar: Option<ProgressBar>,
    failed: usize,
}

impl Reporter {
    fn new(progress: bool) -> Reporter {
        let bar = progress.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(Reporter::style(
                "{spinner} {pos} pages, {rate}, {msg}, {elapsed}",
            ));
            bar.set_message("0 failed");
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            bar
        });
        Reporter { bar, failed: 0 }
    }

    fn bar_style() -> ProgressStyle {
        Reporter::style("[{bar:30}] {pos}/{len} pages, {rate}, {msg}, {elapsed} (left: {eta})")
            .progress_chars("=> ")
    }

    /// A style with `{rate}`: pages a second, whole.
    fn style(template: &str) -> ProgressStyle {
        ProgressStyle::with_template(template)
            .expect("a valid template")
            .with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0} pages/s", state.per_sec());
                },
            )
    }

    fn outcome(&mut self, o: &Outcome) {
        match &o.status {
            Status::Failed(msg) => {
                self.failed += 1;
                self.say(&format!("copydesk: {}: {msg}", o.source));
                if let Some(bar) = &self.bar {
                    bar.set_message(format!("{} failed", self.failed));
                }
            }
            Status::Warning(msg) => {
                self.say(&format!("copydesk: {}: {msg}", o.source));
                return;
            }
            _ => {}
        }
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    fn say(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| say(line)),
            None => say(line),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A closed pipe (`copydesk ... | head -1`) ends quietly with status 1 (not
/// all output was delivered); other write errors are reported.
fn write_failed(e: &io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::from(1);
    }
    say(&format!("copydesk: cannot write output: {e}"));
    ExitCode::from(1)
}

/// Loads the rules; FiveFilters expressions that could not be used are
/// counted on stderr (`copydesk rules check` lists them).
fn load_rules(files: &[PathBuf], dirs: &[PathBuf]) -> Result<Rules, String> {
    let rules = Rules::load_all(files, dirs).map_err(|e| e.to_string())?;
    if !rules.warnings.is_empty() {
        say(&format!(
            "copydesk: {} line(s) of site rules could not be used (see `copydesk rules check`)",
            rules.warnings.len()
        ));
    }
    Ok(rules)
}

/// `copydesk rules default` and `copydesk rules check`.
fn rules_command(cmd: &RulesCommand) -> Result<ExitCode, String> {
    let mut out = io::stdout().lock();
    let paths = match cmd {
        RulesCommand::Default => {
            return Ok(match out.write_all(copydesk::rules::BUILTIN.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => write_failed(&e),
            });
        }
        RulesCommand::Check { paths } => paths,
    };
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            files.extend(copydesk::rules::rules_in_dir(p).map_err(|e| e.to_string())?);
        } else {
            files.push(p.clone());
        }
    }
    let mut failed = false;
    for f in &files {
        let name = f.display().to_string();
        let checked = std::fs::read_to_string(f)
            .map_err(|e| format!("{name}: {}", copydesk::batch::describe_io(&e)))
            .and_then(|text| {
                copydesk::rules::check_source(&name, &text).map_err(|e| e.to_string())
            });
        let written = match checked {
            Ok(c) => writeln!(out, "{name}: ok: {}", c.summary)
                .and_then(|_| c.warnings.iter().try_for_each(|w| writeln!(out, "{w}"))),
            Err(msg) => {
                failed = true;
                say(&msg);
                Ok(())
            }
        };
        if let Err(e) = written {
            return Ok(write_failed(&e));
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn explain(
    path: &Path,
    json: bool,
    rules: Rules,
    encoding: Option<&str>,
    url: &Option<String>,
    max: usize,
) -> Result<ExitCode, String> {
    let extractor = Extractor::new(rules);
    let encoding = encoding
        .map(copydesk::decode::encoding_for_label)
        .transpose()
        .map_err(|e| e.to_string())?;
    let source = path.display().to_string();
    let bytes = match read_page(path, max) {
        Ok(b) => b,
        Err(msg) => {
            say(&format!("copydesk: {source}: {msg}"));
            return Ok(ExitCode::from(1));
        }
    };
    let opts = Options {
        source: source.clone(),
        encoding,
        url: url.clone(),
        max_size: max,
    };
    let analysis = match extractor.analyse(&bytes, &opts) {
        Ok(a) => a,
        Err(e) => {
            say(&format!("copydesk: {source}: {e}"));
            return Ok(ExitCode::from(1));
        }
    };
    let ex = copydesk::explain::explain(&analysis, extractor.rules());
    let text = if json {
        serde_json::to_string_pretty(&ex).expect("serialisable")
    } else {
        ex.to_text()
    };
    let mut out = io::stdout().lock();
    if let Err(e) = writeln!(out, "{text}").and_then(|_| out.flush()) {
        return Ok(write_failed(&e));
    }
    Ok(ExitCode::SUCCESS)
}
