//! The `copydesk` command: arguments and I/O. The work is in the library.

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use copydesk::{Extractor, Options, Rules};

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

    /// Saved pages (.html, .htm, or gzipped .gz); '-' reads stdin. With no
    /// path, stdin is read when it is not a terminal.
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
            eprintln!("copydesk: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Reads one input: a file (gzip is handled by the library) or stdin.
fn read_input(path: &PathBuf, max: usize) -> Result<Vec<u8>, String> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .lock()
            .take(max as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| e.to_string())?;
        return Ok(buf);
    }
    let meta = std::fs::metadata(path).map_err(|e| describe_io(&e))?;
    if meta.is_dir() {
        return Err("is a directory".into());
    }
    if meta.len() > max as u64 {
        return Err(format!(
            "input is {} bytes, over the limit of {max} bytes (see --max-size)",
            meta.len()
        ));
    }
    std::fs::read(path).map_err(|e| describe_io(&e))
}

fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
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
    let mut paths = cli.paths.clone();
    if paths.is_empty() {
        if io::stdin().is_terminal() {
            return Err(
                "no input: give paths to saved pages, or '-' for stdin (see --help)".into(),
            );
        }
        paths.push(PathBuf::from("-"));
    }
    let stdout = io::stdout();
    let pretty = cli.pretty || (!cli.compact && paths.len() == 1 && stdout.is_terminal());
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for path in &paths {
        let source = path.display().to_string();
        let result = read_input(path, cli.max_size).and_then(|bytes| {
            let opts = Options {
                source: source.clone(),
                encoding,
                url: cli.url.clone(),
                max_size: cli.max_size,
            };
            extractor.extract(&bytes, &opts).map_err(|e| e.to_string())
        });
        match result {
            Ok(article) => {
                let json = if pretty {
                    article.to_json_pretty()
                } else {
                    article.to_json()
                };
                let written = writeln!(out, "{json}").and_then(|_| {
                    if paths.len() == 1 {
                        out.flush()
                    } else {
                        Ok(())
                    }
                });
                if let Err(e) = written {
                    return Ok(write_failed(&e));
                }
            }
            Err(msg) => {
                failed += 1;
                eprintln!("copydesk: {source}: {msg}");
            }
        }
    }
    if let Err(e) = out.flush() {
        return Ok(write_failed(&e));
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A closed pipe (`copydesk ... | head -1`) ends quietly; other write errors are reported.
fn write_failed(e: &io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("copydesk: cannot write output: {e}");
    ExitCode::from(1)
}

/// Loads the rules; FiveFilters expressions that could not be used are
/// counted on stderr (`copydesk rules check` lists them).
fn load_rules(files: &[PathBuf], dirs: &[PathBuf]) -> Result<Rules, String> {
    let rules = Rules::load_all(files, dirs).map_err(|e| e.to_string())?;
    if !rules.warnings.is_empty() {
        eprintln!(
            "copydesk: {} line(s) of site rules could not be used (see `copydesk rules check`)",
            rules.warnings.len()
        );
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
            .map_err(|e| format!("{name}: {}", describe_io(&e)))
            .and_then(|text| {
                copydesk::rules::check_source(&name, &text).map_err(|e| e.to_string())
            });
        let written = match checked {
            Ok(c) => writeln!(out, "{name}: ok: {}", c.summary)
                .and_then(|_| c.warnings.iter().try_for_each(|w| writeln!(out, "{w}"))),
            Err(msg) => {
                failed = true;
                eprintln!("{msg}");
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
    path: &PathBuf,
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
    let bytes = match read_input(path, max) {
        Ok(b) => b,
        Err(msg) => {
            eprintln!("copydesk: {source}: {msg}");
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
            eprintln!("copydesk: {source}: {e}");
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
