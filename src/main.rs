//! The lockstep command line.

use clap::{Parser, Subcommand, ValueEnum};
use lockstep::exec::Reference;
use lockstep::jit::{Bounds, Jit};
use lockstep::lockstep::{Referee, case, differential::differential, explain, report, shrink};
use lockstep::rules::Rule;
use lockstep::runtime::Error as EngineError;
use lockstep::runtime::interrupt::Timed;
use lockstep::runtime::{Config, Engine, ExternVal, Val};
use lockstep::script::{self, suite};
use lockstep::syntax::{CompType, ExternIdx, Module};
use lockstep::{Spec, binary, front, valid};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "lockstep",
    version,
    about = "The WebAssembly specification made executable, \
    a single-pass x86-64 compiler, and a referee that runs both in lockstep."
)]
struct Cli {
    /// Refuse to read a file (module, script, artifact) larger than BYTES.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = suite::MAX_INPUT)]
    max_input: u64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run .wast scripts (the official suite, embedded, when no PATH is given).
    Wast {
        /// Which version of the specification to accept.
        #[arg(long, default_value = "3.0")]
        spec: Spec,
        /// Which engine executes the modules.
        #[arg(long, value_enum, default_value = "ref")]
        engine: EngineKind,
        #[command(flatten)]
        limits: Limits,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// .wast files, or folders searched recursively (each once, links followed).
        paths: Vec<PathBuf>,
    },
    /// Decode and validate a module (.wasm or .wat).
    Validate {
        #[arg(long, default_value = "3.0")]
        spec: Spec,
        #[arg(long)]
        json: bool,
        /// Time the phases: decoding the sections, then each body decoded and validated.
        #[arg(long)]
        time: bool,
        #[command(flatten)]
        threads: Threads,
        file: PathBuf,
    },
    /// Instantiate a module (.wasm or .wat) and invoke an export.
    Run {
        #[arg(long, default_value = "3.0")]
        spec: Spec,
        #[arg(long, value_enum, default_value = "ref")]
        engine: EngineKind,
        #[command(flatten)]
        limits: Limits,
        file: PathBuf,
        /// The export to invoke; without it, only instantiate (and run the start function).
        #[arg(long)]
        invoke: Option<String>,
        /// Arguments: `i32:7`, `i64:-1`, `f32:1.5`, `f64:0x1p-3`, `v128:i32x4:1,2,3,4`,
        /// `ref.null:func`, `ref.extern:3`, `ref.host:3` (a host reference in `any`).
        #[arg(allow_negative_numbers = true, requires = "invoke")]
        args: Vec<String>,
    },
    /// Compile a module (.wasm or .wat) with the compiler, without running it: print the
    /// size of the machine code, and with --time how long each phase took.
    Compile {
        #[arg(long, default_value = "3.0")]
        spec: Spec,
        /// Time the phases: decoding the sections, then each body decoded, validated and compiled.
        #[arg(long)]
        time: bool,
        #[command(flatten)]
        threads: Threads,
        file: PathBuf,
    },
    /// Run a module in both engines, find the first invocation where they differ and the
    /// first call in it, and show the reference's last rule steps before that.
    Diff {
        file: PathBuf,
        /// The export to invoke (default: every exported function, with zero arguments).
        #[arg(long)]
        invoke: Option<String>,
        /// Arguments, written as for `run`.
        #[arg(allow_negative_numbers = true, requires = "invoke")]
        args: Vec<String>,
    },
    /// Write a bug report for a divergence (markdown, or JSON, and a .wast reproducer): from a
    /// fuzz artifact of the `differential` target, or a .wasm/.wat module.
    Report {
        artifact: PathBuf,
        /// Write the report here instead of to standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// One JSON object with every field, instead of markdown.
        #[arg(long)]
        json: bool,
        /// Also write the .wast reproducer here.
        #[arg(long, value_name = "FILE")]
        wast: Option<PathBuf>,
        /// Shrink the case first (as `lockstep shrink`), and report on the shrunk case.
        #[arg(long)]
        shrink: bool,
        #[command(flatten)]
        budget: ShrinkBudget,
        /// For a module: the export to invoke (default: every exported function, with zero
        /// arguments).
        #[arg(long)]
        invoke: Option<String>,
        /// Arguments, written as for `run`.
        #[arg(allow_negative_numbers = true, requires = "invoke")]
        args: Vec<String>,
    },
    /// Shrink a diverging case to a smallest module and invocation that diverge the same way
    /// (the same kind of difference, the same rule at issue); print it as text, or write it.
    Shrink {
        file: PathBuf,
        /// For a module: the export to invoke (default: every exported function, with zero
        /// arguments).
        #[arg(long)]
        invoke: Option<String>,
        /// Arguments, written as for `run`.
        #[arg(allow_negative_numbers = true, requires = "invoke")]
        args: Vec<String>,
        /// Write the shrunk module here (binary) instead of printing it as text.
        #[arg(short = 'o', long = "out", value_name = "OUT.wasm")]
        out: Option<PathBuf>,
        /// Also write a .wast reproducer of the shrunk case here.
        #[arg(long, value_name = "FILE")]
        wast: Option<PathBuf>,
        #[command(flatten)]
        budget: ShrinkBudget,
    },
    /// Invoke an export in the reference and show every step: its rule, the instruction,
    /// the operand values it consumed and produced; then how often each rule applied.
    Trace {
        #[arg(long, default_value = "3.0")]
        spec: Spec,
        #[command(flatten)]
        limits: Limits,
        /// One JSON object per step, then a summary object.
        #[arg(long)]
        json: bool,
        /// Show at most N steps (the run stops there).
        #[arg(long, value_name = "N")]
        limit: Option<u64>,
        file: PathBuf,
        /// The export to invoke.
        #[arg(long)]
        invoke: String,
        /// Arguments, written as for `run`.
        #[arg(allow_negative_numbers = true)]
        args: Vec<String>,
    },
    /// Rule coverage: run .wast scripts (the embedded official suite when no PATH and no
    /// --corpus is given) and fuzz inputs through the reference, the validator and the
    /// decoder, and count how often each rule of the catalog applied; print the percentage
    /// per chapter and every rule never applied, with its URL.
    Coverage {
        #[arg(long, default_value = "3.0")]
        spec: Spec,
        /// Also run every file of this folder (recursively): a module binary, or an input
        /// of the `differential` fuzz target (a case), decoded, validated and invoked.
        #[arg(long, value_name = "DIR")]
        corpus: Option<PathBuf>,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// Also write the report as one self-contained HTML page.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// .wast files, or folders searched recursively.
        paths: Vec<PathBuf>,
    },
    /// Show the rule catalog, or one rule of it.
    Rules {
        /// A rule id, e.g. `Step_pure/binop-trap` or `binary-instr`.
        id: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

/// The limits of a run, the same for every engine (README, "Limits").
#[derive(clap::Args, Clone, Copy)]
struct Limits {
    /// Stop each instantiation and invocation after N units of fuel (loop iterations,
    /// function entries, elements of bulk operations) with `fuel exhausted`.
    #[arg(long, value_name = "N")]
    fuel: Option<u64>,
    /// Stop each instantiation and invocation after SECONDS with `time limit exceeded`.
    #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
    timeout: Option<std::time::Duration>,
    /// All memories together hold at most BYTES (a number, or with K, M, G): beyond it an
    /// instantiation fails and `memory.grow` returns -1.
    #[arg(long, value_name = "BYTES", value_parser = parse_bytes, default_value = "16G")]
    max_memory: u64,
    /// All tables together hold at most N elements: beyond it an instantiation fails and
    /// `table.grow` returns -1.
    #[arg(long, value_name = "N", default_value_t = Config::default().max_table_elements)]
    max_table_elements: u64,
    /// All structures and arrays together hold at most N fields (the reference): past it an
    /// allocation stops the run with `heap limit exceeded`.
    #[arg(long, value_name = "N", default_value_t = Config::default().max_heap_fields)]
    max_heap_fields: u64,
    /// Calls nest at most N frames deep, counted alike in every engine (default: 10000 in
    /// the reference and the referee, the stack's size in the compiler alone).
    #[arg(long, value_name = "N")]
    max_call_depth: Option<usize>,
}

impl Limits {
    fn config(&self) -> Config {
        Config {
            fuel: self.fuel,
            interruptible: self.timeout.is_some(),
            max_memory: self.max_memory,
            max_table_elements: self.max_table_elements,
            max_heap_fields: self.max_heap_fields,
            max_call_depth: self.max_call_depth,
            ..Config::default()
        }
    }
}

/// `1.5` seconds.
fn parse_seconds(s: &str) -> std::result::Result<std::time::Duration, String> {
    s.parse::<f64>()
        .ok()
        .and_then(|secs| std::time::Duration::try_from_secs_f64(secs).ok())
        .ok_or_else(|| format!("expected seconds, e.g. 1.5, not `{s}`"))
}

/// `4096`, `64K`, `512M`, `16G`: bytes.
fn parse_bytes(s: &str) -> std::result::Result<u64, String> {
    let (digits, shift) = match s.char_indices().last() {
        Some((i, 'K' | 'k')) => (&s[..i], 10),
        Some((i, 'M' | 'm')) => (&s[..i], 20),
        Some((i, 'G' | 'g')) => (&s[..i], 30),
        _ => (s, 0),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("expected bytes, e.g. 4096, 64K, 512M or 16G, not `{s}`"))
}

/// How long and how hard `shrink` (and `report --shrink`) work.
#[derive(clap::Args)]
struct ShrinkBudget {
    /// The seed of the shrinker's random choices: the same seed, the same result.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Stop after SECONDS, with the smallest case so far.
    #[arg(long, value_name = "SECONDS", default_value_t = 120.0)]
    time: f64,
    /// Stop after N tests of a candidate, with the smallest case so far.
    #[arg(long, value_name = "N", default_value_t = 20_000)]
    steps: u64,
}

impl ShrinkBudget {
    fn options(&self) -> std::result::Result<shrink::Options, String> {
        let time = std::time::Duration::try_from_secs_f64(self.time)
            .map_err(|_| format!("--time {}: not a number of seconds", self.time))?;
        Ok(shrink::Options { seed: self.seed, time, steps: self.steps, ..shrink::Options::default() })
    }
}

#[derive(Copy, Clone, ValueEnum)]
enum EngineKind {
    /// The reference interpreter.
    Ref,
    /// The single-pass compiler.
    Jit,
    /// Both, compared after every invocation.
    Lockstep,
}

/// Why a command did not succeed; the exit status says which.
enum Failure {
    /// Exit 2: a usage error: the command line, a file that cannot be read (or is too
    /// large), an invocation that does not fit the module's exports.
    Usage(String),
    /// Exit 1: the module or script failed: malformed, invalid, unlinkable, trapped.
    Module(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Usage(message)
    }
}

type Result<T> = std::result::Result<T, Failure>;

/// How many threads take the function bodies of one module.
#[derive(clap::Args, Clone, Copy, Debug)]
struct Threads {
    /// Decode, validate and compile function bodies on N threads [default: one per core]. The
    /// output, and any error, are the same on any number.
    #[arg(long = "threads", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    n: Option<u16>,
}

impl Threads {
    fn get(self) -> usize {
        let cores = || std::thread::available_parallelism().map_or(1, |n| n.get());
        self.n.map_or_else(cores, usize::from)
    }
}

/// The phases of taking a module in, timed: `(phase, duration)`, and the module's size.
struct Phases {
    bytes: usize,
    threads: usize,
    phases: Vec<(&'static str, std::time::Duration)>,
}

impl Phases {
    fn new(bytes: usize, threads: usize) -> Phases {
        Phases { bytes, threads, phases: Vec::new() }
    }

    /// Run `f` as the phase `name`, and time it.
    fn time<T>(&mut self, name: &'static str, f: impl FnOnce() -> T) -> T {
        let t = std::time::Instant::now();
        let x = f();
        self.phases.push((name, t.elapsed()));
        x
    }

    /// `decode 1.2 ms (80.1 MB/s), validate ...; in all 3.4 ms (60.2 MB/s), on 2 threads`:
    /// MB/s are of the whole module's bytes (10^6 a MB).
    fn text(&self) -> String {
        let rate = |d: std::time::Duration| self.bytes as f64 / d.as_secs_f64() / 1e6;
        let each: Vec<String> = (self.phases.iter())
            .map(|(name, d)| format!("{name} {:.3} ms ({:.1} MB/s)", d.as_secs_f64() * 1e3, rate(*d)))
            .collect();
        let all: std::time::Duration = self.phases.iter().map(|(_, d)| *d).sum();
        let threads = match self.threads {
            1 => "1 thread".to_string(),
            n => format!("{n} threads"),
        };
        format!(
            "{}; in all {:.3} ms ({:.1} MB/s), on {threads}",
            each.join(", "),
            all.as_secs_f64() * 1e3,
            rate(all)
        )
    }

    fn json(&self) -> serde_json::Value {
        let mut o = serde_json::Map::new();
        for (name, d) in &self.phases {
            o.insert(format!("{name}_ms"), serde_json::json!(d.as_secs_f64() * 1e3));
        }
        o.insert("bytes".into(), serde_json::json!(self.bytes));
        o.insert("threads".into(), serde_json::json!(self.threads));
        serde_json::Value::Object(o)
    }
}

fn main() -> ExitCode {
    // A reader that goes away early (`lockstep wast | head -1`) ends lockstep as it ends
    // other Unix tools, quietly, by SIGPIPE, rather than as a panic of `println!` (Rust
    // ignores SIGPIPE, so that writes fail with EPIPE instead).
    // SAFETY: nothing else runs yet; this only restores the default disposition of SIGPIPE.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    let cli = Cli::parse();
    let max = cli.max_input;
    let result = match cli.command {
        Command::Wast { spec, engine, limits, json, paths } => wast(spec, engine, limits, json, &paths, max),
        Command::Validate { spec, json, time, threads, file } => {
            validate(spec, json, time, threads, &file, max)
        }
        Command::Rules { id, json } => rules(id.as_deref(), json),
        Command::Coverage { spec, corpus, json, html, paths } => {
            coverage(spec, corpus.as_deref(), json, html.as_deref(), &paths, max)
        }
        Command::Run { spec, engine, limits, file, invoke, args } => {
            run(spec, engine, limits, &file, invoke.as_deref(), &args, max)
        }
        Command::Compile { spec, time, threads, file } => compile(spec, time, threads, &file, max),
        Command::Diff { file, invoke, args } => diff(&file, invoke.as_deref(), &args, max),
        Command::Report { artifact, out, json, wast, shrink, budget, invoke, args } => {
            let options = ReportOptions { out, json, wast, shrink: shrink.then_some(budget) };
            report(&artifact, invoke.as_deref(), &args, &options, max)
        }
        Command::Shrink { file, invoke, args, out, wast, budget } => {
            shrink(&file, invoke.as_deref(), &args, out.as_deref(), wast.as_deref(), &budget, max)
        }
        Command::Trace { spec, limits, json, limit, file, invoke, args } => {
            trace(spec, limits, json, limit, &file, &invoke, &args, max)
        }
    };
    match result {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            eprintln!("lockstep: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Module(message)) => {
            eprintln!("lockstep: {message}");
            ExitCode::FAILURE
        }
    }
}

fn engine_name(kind: EngineKind) -> &'static str {
    match kind {
        EngineKind::Ref => "ref",
        EngineKind::Jit => "jit",
        EngineKind::Lockstep => "lockstep",
    }
}

fn make_engine(kind: EngineKind, limits: Limits) -> Box<dyn Engine> {
    let config = limits.config();
    let engine: Box<dyn Engine> = match kind {
        EngineKind::Ref => Box::new(Reference::new(config)),
        EngineKind::Jit => Box::new(Jit::new(config, Bounds::GuardPages)),
        EngineKind::Lockstep => Box::new(Referee::new(config, Bounds::GuardPages)),
    };
    match limits.timeout {
        Some(timeout) => Box::new(Timed { engine, timeout }),
        None => engine,
    }
}

fn wast(
    spec: Spec,
    engine: EngineKind,
    limits: Limits,
    json: bool,
    paths: &[PathBuf],
    max: u64,
) -> Result<ExitCode> {
    let scripts =
        if paths.is_empty() { suite::embedded(spec) } else { suite::from_paths_bounded(paths, max)? };
    let factory = || Some(make_engine(engine, limits));
    let progress = !json && std::io::stderr().is_terminal();
    let report = script::run(&scripts, spec, engine_name(engine), &factory, |i, report| {
        if progress {
            eprint!("\r\x1b[K[{}/{}] {}", i + 1, scripts.len(), scripts[i].path);
        }
        if !json {
            let file = report.files.last().expect("a file was just added");
            print!("{}", report.file_text(file));
        }
    });
    if progress {
        eprint!("\r\x1b[K");
    }
    if json {
        println!("{}", report.to_json());
    } else {
        println!("{}", report.summary());
    }
    Ok(if report.succeeded() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Why a module file gave no module's bytes.
enum ReadError {
    /// It cannot be read, or is too large: a usage error.
    Unreadable(String),
    /// It is not a module: text that does not parse, or neither a binary nor UTF-8.
    Text(TextError),
}

/// A module file that is no module, where the text parser says: `shown` is the message with
/// the path and the line, as printed.
struct TextError {
    message: String,
    shown: String,
    offset: Option<usize>,
    line_col: Option<(usize, usize)>,
}

impl From<ReadError> for Failure {
    fn from(e: ReadError) -> Failure {
        match e {
            ReadError::Unreadable(message) => Failure::Usage(message),
            ReadError::Text(t) => Failure::Module(t.shown),
        }
    }
}

/// Read a module: a binary, or text (by extension or by its first byte) through `wast`.
fn read_module(file: &Path, max: u64) -> std::result::Result<Vec<u8>, ReadError> {
    let bytes = suite::read_bounded(file, max).map_err(ReadError::Unreadable)?;
    module_bytes(file, bytes)
}

/// A module's binary from the bytes of its file: themselves, or the text they hold,
/// encoded (a byte order mark at its start is skipped).
fn module_bytes(file: &Path, bytes: Vec<u8>) -> std::result::Result<Vec<u8>, ReadError> {
    if bytes.starts_with(b"\0asm") || file.extension().is_some_and(|x| x == "wasm") {
        return Ok(bytes);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let message = "neither a binary module nor UTF-8 text".to_string();
        let shown = format!("{}: {message}", file.display());
        ReadError::Text(TextError {
            message,
            shown,
            offset: Some(e.utf8_error().valid_up_to()),
            line_col: None,
        })
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let encode = || -> std::result::Result<Vec<u8>, wast::Error> {
        let buf = wast::parser::ParseBuffer::new(text)?;
        wast::parser::parse::<wast::Wat>(&buf)?.encode()
    };
    encode().map_err(|mut e| {
        let (message, offset) = (e.message(), e.span().offset());
        e.set_path(file);
        e.set_text(text);
        let line_col = text.get(..offset).map(|before| {
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
        });
        ReadError::Text(TextError { message, shown: e.to_string(), offset: Some(offset), line_col })
    })
}

/// `FILE: offset 0xNN: malformed: MESSAGE [RULE] URL`
fn malformed(file: &Path, e: &binary::Error) -> Failure {
    Failure::Module(format!(
        "{}: offset 0x{:x}: malformed: {} [{}] {}",
        file.display(),
        e.offset,
        e.message,
        e.rule.id(),
        e.rule.url()
    ))
}

/// `FILE: offset 0xNN: func N: invalid: MESSAGE [RULE] URL`
fn invalid(file: &Path, e: &valid::Error) -> Failure {
    let at = e.offset.map_or(String::new(), |o| format!(" offset 0x{o:x}:"));
    let func = e.func.map_or(String::new(), |f| format!(" func {f}:"));
    Failure::Module(format!(
        "{}:{at}{func} invalid: {} [{}] {}",
        file.display(),
        e.message,
        e.rule.id(),
        e.rule.url()
    ))
}

/// Read, decode and validate a module: a module that fails is exit 1, a file that cannot
/// be read exit 2.
fn load(spec: Spec, file: &Path, max: u64) -> Result<Rc<Module>> {
    let bytes = read_module(file, max)?;
    let module = binary::decode(&bytes, spec).map_err(|e| malformed(file, &e))?;
    valid::validate(&module, spec).map_err(|e| invalid(file, &e))?;
    Ok(Rc::new(module))
}

/// Instantiate a module on its own: its imports may only name the spectest module.
fn instantiate(engine: &mut dyn Engine, module: &Rc<Module>) -> std::result::Result<u32, String> {
    let spectest = lockstep::script::spectest::instantiate(engine);
    let mut imports = Vec::new();
    for import in &module.imports {
        let found = (import.module == "spectest").then(|| spectest.get(&import.name)).flatten();
        let ext = found.ok_or_else(|| format!("unknown import \"{}\".\"{}\"", import.module, import.name))?;
        imports.push(*ext);
    }
    engine.instantiate(module, &imports).map_err(|e| describe(&e))
}

fn describe(e: &EngineError) -> String {
    let cite = |rule: &Option<Rule>| rule.map_or(String::new(), |r| format!(" [{}] {}", r.id(), r.url()));
    match e {
        EngineError::Trap { message, rule } => format!("trap: {message}{}", cite(rule)),
        EngineError::Link { message, rule } => format!("link error: {message}{}", cite(&Some(*rule))),
        EngineError::Exhausted { message, .. } => format!("exhausted: {message}"),
        EngineError::Unsupported(reason) => reason.clone(),
        EngineError::Divergence(what) => format!("divergence: {what}"),
        EngineError::Exception(what) => format!("exception: {what}"),
    }
}

fn parse_args(args: &[String]) -> std::result::Result<Vec<Val>, String> {
    args.iter().map(|a| lockstep::script::values::parse_val(a)).collect()
}

/// Check an invocation the command line asks for against the module: the export must be
/// a function, and the arguments as many as its parameters and of their types.
fn check_invocation(module: &Module, name: &str, args: &[Val]) -> std::result::Result<(), String> {
    let export =
        module.exports.iter().find(|e| e.name == name).ok_or_else(|| format!("no export \"{name}\""))?;
    let ExternIdx::Func(x) = export.desc else {
        return Err(format!("export \"{name}\" is not a function"));
    };
    let imported: Vec<u32> = module.imported_funcs().collect();
    let ty = match imported.get(x as usize) {
        Some(ty) => Some(*ty),
        None => module.funcs.get(x as usize - imported.len()).map(|f| f.ty),
    };
    let sub = ty.and_then(|ty| module.types.iter().flat_map(|r| r.0.iter()).nth(ty as usize));
    let Some(CompType::Func(ft)) = sub.map(|s| &s.comp) else {
        return Err(format!("export \"{name}\" has no function type"));
    };
    if args.len() != ft.params.len() {
        let n = ft.params.len();
        return Err(format!(
            "\"{name}\" takes {n} argument{}, got {} (its type is {ft})",
            if n == 1 { "" } else { "s" },
            args.len()
        ));
    }
    for (i, (v, t)) in args.iter().zip(ft.params.iter()).enumerate() {
        if !v.has_type(*t) {
            return Err(format!(
                "\"{name}\": argument {} is {v}, but the parameter is {t} (its type is {ft})",
                i + 1
            ));
        }
    }
    Ok(())
}

fn export_func(engine: &dyn Engine, inst: u32, name: &str) -> std::result::Result<u32, String> {
    match engine.export(inst, name) {
        Some(ExternVal::Func(a)) => Ok(a),
        Some(_) => Err(format!("export \"{name}\" is not a function")),
        None => Err(format!("no export \"{name}\"")),
    }
}

fn run(
    spec: Spec,
    kind: EngineKind,
    limits: Limits,
    file: &Path,
    invoke: Option<&str>,
    args: &[String],
    max: u64,
) -> Result<ExitCode> {
    let module = load(spec, file, max)?;
    let args = parse_args(args)?;
    if let Some(name) = invoke {
        check_invocation(&module, name, &args)?;
    }
    let mut engine = make_engine(kind, limits);
    let inst = match instantiate(engine.as_mut(), &module) {
        Ok(inst) => inst,
        Err(e) => {
            println!("{e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let Some(name) = invoke else { return Ok(ExitCode::SUCCESS) };
    let func = export_func(engine.as_ref(), inst, name)?;
    match engine.invoke(func, &args) {
        Ok(results) => {
            for v in results {
                println!("{v}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            println!("{}", describe(&e));
            Ok(ExitCode::FAILURE)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn trace(
    spec: Spec,
    limits: Limits,
    json: bool,
    limit: Option<u64>,
    file: &Path,
    invoke: &str,
    args: &[String],
    max: u64,
) -> Result<ExitCode> {
    use lockstep::exec::{machine::Outcome, trace::trace};
    let module = load(spec, file, max)?;
    let args = parse_args(args)?;
    check_invocation(&module, invoke, &args)?;
    let mut engine = Reference::new(limits.config());
    let inst = instantiate(&mut engine, &module).map_err(Failure::Module)?;
    let func = export_func(&engine, inst, invoke)?;
    let _watchdog = limits.timeout.map(lockstep::runtime::interrupt::Watchdog::start);
    let mut histogram = std::collections::BTreeMap::<&'static str, u64>::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut steps = 0;
    let outcome = trace(&mut engine.store, engine.config, func, &args, |step| {
        if limit.is_some_and(|l| step.step > l) {
            return false;
        }
        steps = step.step;
        *histogram.entry(step.rule.id()).or_default() += 1;
        let vals = |vs: &[Val]| vs.iter().map(|v| v.to_string()).collect::<Vec<_>>();
        let line = if json {
            serde_json::json!({
                "step": step.step, "rule": step.rule.id(), "url": step.rule.url(), "instr": step.instr,
                "func": step.func, "offset": step.offset,
                "consumed": vals(&step.consumed), "produced": vals(&step.produced),
                "types": step.types,
            })
            .to_string()
        } else {
            let at = match (step.func, step.offset) {
                (Some(f), Some(o)) => format!("  (func {f} @0x{o:x})"),
                _ => String::new(),
            };
            let types =
                if step.types.is_empty() { String::new() } else { format!("  ({})", step.types.join(", ")) };
            format!(
                "{:>8}  {:<32} {:<28} [{}] -> [{}]{at}{types}",
                step.step,
                step.rule.id(),
                step.instr,
                vals(&step.consumed).join(" "),
                vals(&step.produced).join(" ")
            )
        };
        writeln!(out, "{line}").is_ok()
    })?;
    let (result, code) = match &outcome {
        None => ("stopped at the step limit".to_string(), ExitCode::SUCCESS),
        Some(Outcome::Values(vs)) => {
            (vs.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(" "), ExitCode::SUCCESS)
        }
        Some(Outcome::Trap(t)) => {
            (format!("trap: {} [{}] {}", t.message, t.rule.id(), t.rule.url()), ExitCode::FAILURE)
        }
        Some(Outcome::Limit(l)) => (format!("{l:?} limit reached"), ExitCode::FAILURE),
        Some(Outcome::Exception(a)) => (format!("uncaught exception ref.exn:{a}"), ExitCode::FAILURE),
    };
    if json {
        let summary = serde_json::json!({ "steps": steps, "result": result, "rules": histogram });
        let _ = writeln!(out, "{summary}");
    } else {
        let _ = writeln!(out, "result: {result}\n{steps} steps");
        let mut by_count: Vec<_> = histogram.into_iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for (rule, n) in by_count {
            let _ = writeln!(out, "{n:>10}  {rule}");
        }
    }
    Ok(code)
}

fn compile(spec: Spec, time: bool, threads: Threads, file: &Path, max: u64) -> Result<ExitCode> {
    // Shared with the module, whose data segments are ranges of it.
    let bytes = Arc::new(read_module(file, max)?);
    let mut phases = Phases::new(bytes.len(), threads.get());
    // The sections, then each body decoded once, validated and compiled (`front`): no phase
    // holds every body's instructions at once.
    let (module, code) = phases
        .time("decode", || binary::decode_framed_shared(&bytes, spec, threads.get()))
        .map_err(|e| malformed(file, &e))?;
    let options =
        lockstep::jit::Options { threads: threads.get(), ..lockstep::jit::Options::new(Bounds::GuardPages) };
    let compiled = phases
        .time("validate+compile", || {
            front::module_ok_compiling(&module, &code, spec, threads.get(), |bodies| {
                lockstep::jit::compile_bodies(&module, bodies, options)
            })
        })
        .map_err(|e| match e {
            front::Error::Malformed(e) => malformed(file, &e),
            front::Error::Invalid(e) => invalid(file, &e),
        })?;
    let compiled = match compiled {
        Ok(compiled) => compiled,
        Err(e) => {
            println!("{}", describe(&e));
            return Ok(ExitCode::FAILURE);
        }
    };
    println!(
        "{} functions, {} bytes of wasm, {} bytes of x86-64",
        compiled.funcs.len(),
        bytes.len(),
        compiled.code.len()
    );
    if time {
        println!("{}", phases.text());
    }
    // The process ends here: leave the module and code to it rather than free them piece by piece.
    std::mem::forget((module, compiled));
    Ok(ExitCode::SUCCESS)
}

/// The case a file stands for: a module (its invocations given, or every exported function
/// with zero arguments), or a fuzz artifact of the `differential` target.
fn read_case(file: &Path, invoke: Option<&str>, args: &[String], max: u64) -> Result<case::Case> {
    let bytes = suite::read_bounded(file, max)?;
    let is_module =
        bytes.starts_with(b"\0asm") || file.extension().is_some_and(|x| x == "wat" || x == "wasm");
    if !is_module {
        return case::case(&bytes).ok_or_else(|| {
            Failure::Module(format!("{}: not a module, nor a fuzz input that makes one", file.display()))
        });
    }
    let wasm = module_bytes(file, bytes)?;
    let module = case::front_end(&wasm).map_err(|e| Failure::Module(format!("{}: {e}", file.display())))?;
    let invocations = match invoke {
        Some(name) => {
            let args = parse_args(args)?;
            check_invocation(&module, name, &args)?;
            vec![(name.to_string(), args)]
        }
        None => case::zero_invocations(&module),
    };
    Ok(case::Case { wasm, module: Rc::new(module), invocations })
}

fn diff(file: &Path, invoke: Option<&str>, args: &[String], max: u64) -> Result<ExitCode> {
    let case = read_case(file, invoke, args, max)?;
    let Some(finding) = differential(&case) else {
        println!("the engines agree on every invocation");
        return Ok(ExitCode::SUCCESS);
    };
    let e = explain::explain(&case, &finding);
    println!("divergence at {}", e.finding);
    if e.finding.invocation.is_some() {
        println!("reference: {}\ncompiler:  {}", e.reference, e.compiler);
    }
    if let Some(call) = &e.call {
        let name = call.name.as_ref().map_or(String::new(), |n| format!(" (\"{n}\")"));
        println!("first diverging call: func {}{name} with {}", call.func, explain::show(&call.args));
        let next = |ev: &Option<explain::Event>| {
            ev.as_ref().map_or("nothing more (a trap)".into(), |e| e.describe())
        };
        if call.reference.is_none() && call.compiler.is_none() {
            println!("  every call and return agreed");
        } else {
            println!("  reference then {}\n  compiler then  {}", next(&call.reference), next(&call.compiler));
        }
    }
    println!("the reference's last {} steps in that call:", e.steps.len());
    for s in &e.steps {
        let vals = |vs: &[Val]| vs.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(" ");
        println!(
            "{:>8}  {:<32} {:<28} [{}] -> [{}]",
            s.step,
            s.rule.id(),
            s.instr,
            vals(&s.consumed),
            vals(&s.produced)
        );
    }
    println!("{} difference", e.kind.name());
    if let Some(i) = &e.issue {
        let instr = i.instr.as_ref().map_or(String::new(), |t| format!(" ({t})"));
        println!("rule at issue: {}{instr} [{}]", i.rule.id(), i.how.name());
        if let Some(n) = &i.numeric {
            println!("numeric function: {}", n.formula());
        }
    }
    println!("rules at issue: {}", e.rules.iter().map(|r| r.id()).collect::<Vec<_>>().join(", "));
    println!("context: {}", e.context.iter().map(|r| r.id()).collect::<Vec<_>>().join(", "));
    Ok(ExitCode::FAILURE)
}

/// What `report` writes, and whether it shrinks first.
struct ReportOptions {
    out: Option<PathBuf>,
    json: bool,
    wast: Option<PathBuf>,
    shrink: Option<ShrinkBudget>,
}

/// Progress of shrinking, on standard error.
fn shrink_progress(message: &str) {
    eprintln!("lockstep shrink: {message}");
}

fn write_file(path: &Path, text: &[u8]) -> Result<()> {
    std::fs::write(path, text).map_err(|e| Failure::Usage(format!("{}: {e}", path.display())))
}

fn report(
    artifact: &Path,
    invoke: Option<&str>,
    args: &[String],
    options: &ReportOptions,
    max: u64,
) -> Result<ExitCode> {
    let mut case = read_case(artifact, invoke, args, max)?;
    let Some(mut finding) = differential(&case) else {
        eprintln!("lockstep: the engines agree on this case: nothing to report");
        return Ok(ExitCode::FAILURE);
    };
    let mut stats = None;
    if let Some(budget) = &options.shrink {
        let shrunk =
            shrink::shrink(&case, &budget.options()?, &mut shrink_progress).map_err(Failure::Module)?;
        (case, finding, stats) = (shrunk.case, shrunk.finding, Some(shrunk.stats));
    }
    let e = explain::explain(&case, &finding);
    let source = report::Source { artifact, shrink: stats.as_ref() };
    let text = match options.json {
        true => format!("{:#}\n", report::json(&case, &e, &source)),
        false => report::markdown(&case, &e, &source),
    };
    if let Some(path) = &options.wast {
        write_file(path, report::wast(&case, &e).as_bytes())?;
    }
    match &options.out {
        Some(path) => write_file(path, text.as_bytes())?,
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

fn shrink(
    file: &Path,
    invoke: Option<&str>,
    args: &[String],
    out: Option<&Path>,
    wast: Option<&Path>,
    budget: &ShrinkBudget,
    max: u64,
) -> Result<ExitCode> {
    let case = read_case(file, invoke, args, max)?;
    if differential(&case).is_none() {
        eprintln!("lockstep: the engines agree on this case: nothing to shrink");
        return Ok(ExitCode::FAILURE);
    }
    let shrunk = shrink::shrink(&case, &budget.options()?, &mut shrink_progress).map_err(Failure::Module)?;
    let s = &shrunk.stats;
    let summary = format!(
        "{} bytes (from {}), {} function(s), {} instruction(s); {}",
        s.bytes, s.bytes_before, s.functions, s.instructions, shrunk.signature
    );
    let invocations: Vec<String> = shrunk
        .case
        .invocations
        .iter()
        .map(|(n, a)| {
            let args: Vec<String> = a.iter().map(|v| v.to_string()).collect();
            format!("--invoke {n:?} {}", args.join(" ")).trim_end().to_string()
        })
        .collect();
    if let Some(path) = wast {
        let e = explain::explain(&shrunk.case, &shrunk.finding);
        write_file(path, report::wast(&shrunk.case, &e).as_bytes())?;
    }
    match out {
        Some(path) => {
            write_file(path, &shrunk.case.wasm)?;
            println!("{}: {summary}", path.display());
            if let Some(last) = invocations.last() {
                let before = invocations.len() - 1;
                let note =
                    if before > 0 { format!(" (after {before} other invocation(s))") } else { String::new() };
                println!("lockstep diff {} {last}{note}", path.display());
            }
        }
        None => {
            println!(";; {summary}");
            for i in &invocations {
                println!(";; {i}");
            }
            print!("{}", explain::issue::print(&shrunk.case.wasm));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn validate(spec: Spec, json: bool, time: bool, threads: Threads, file: &Path, max: u64) -> Result<ExitCode> {
    let bytes = match read_module(file, max) {
        Ok(bytes) => bytes,
        Err(ReadError::Unreadable(message)) if json => {
            println!("{}", serde_json::json!({ "error": message }));
            return Ok(ExitCode::from(2));
        }
        Err(ReadError::Text(t)) if json => {
            let json = serde_json::json!({
                "valid": false, "message": t.message, "rule": null, "url": null,
                "offset": t.offset, "func": null,
                "line": t.line_col.map(|(l, _)| l), "column": t.line_col.map(|(_, c)| c),
            });
            println!("{json}");
            return Ok(ExitCode::FAILURE);
        }
        Err(ReadError::Text(t)) => {
            println!("{}", t.shown);
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    let bytes = Arc::new(bytes);
    let mut phases = Phases::new(bytes.len(), threads.get());
    // Decoding the sections, then validation with each function body decoded as it is
    // checked (`front`): the verdict of decoding everything first, at a fraction of the memory.
    let malformed = |e: binary::Error| Some((e.message, e.rule, Some(e.offset), None));
    let error = match phases.time("decode", || binary::decode_framed_shared(&bytes, spec, threads.get())) {
        Err(e) => malformed(e),
        Ok((module, code)) => match phases
            .time("validate", || front::module_ok(&module, &code, spec, threads.get()))
        {
            Ok(()) => None,
            Err(front::Error::Malformed(e)) => malformed(e),
            Err(front::Error::Invalid(e)) => Some((e.message, e.rule, e.offset.map(|o| o as usize), e.func)),
        },
    };
    let Some((message, rule, offset, func)) = error else {
        match (json, time) {
            (true, true) => println!("{}", serde_json::json!({ "valid": true, "time": phases.json() })),
            (true, false) => println!("{}", serde_json::json!({ "valid": true })),
            (false, true) => println!("valid\n{}", phases.text()),
            (false, false) => println!("valid"),
        }
        return Ok(ExitCode::SUCCESS);
    };
    if json {
        let json = serde_json::json!({
            "valid": false, "message": message, "rule": rule.id(), "url": rule.url(),
            "offset": offset, "func": func,
        });
        println!("{json}");
    } else {
        let mut line = format!("{}:", file.display());
        if let Some(offset) = offset {
            line += &format!(" offset 0x{offset:x}:");
        }
        if let Some(func) = func {
            line += &format!(" func {func}:");
        }
        println!("{line} {message} [{}] {}", rule.id(), rule.url());
    }
    Ok(ExitCode::FAILURE)
}

/// `lockstep coverage`: the scripts and the corpus run with rules counted; the report.
fn coverage(
    spec: Spec,
    corpus: Option<&Path>,
    json: bool,
    html: Option<&Path>,
    paths: &[PathBuf],
    max: u64,
) -> Result<ExitCode> {
    use lockstep::coverage::{html as page, run};
    let scripts = match (paths.is_empty(), corpus) {
        (true, None) => suite::embedded(spec),
        _ => suite::from_paths_bounded(paths, max)?,
    };
    let files = corpus.map(|dir| run::corpus_files(dir, max)).transpose()?.unwrap_or_default();
    let report = run::measure(&scripts, &files, spec, Config::default());
    if let Some(file) = html {
        std::fs::write(file, page::page(&report)).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    match json {
        true => println!("{}", report.to_json()),
        false => print!("{}", report.text()),
    }
    Ok(ExitCode::SUCCESS)
}

fn rules(id: Option<&str>, json: bool) -> Result<ExitCode> {
    let selected: Vec<Rule> = match id {
        Some(id) => vec![
            Rule::lookup(id)
                .ok_or_else(|| format!("no rule `{id}` in the catalog (see `lockstep rules`)"))?,
        ],
        None => Rule::all().collect(),
    };
    let as_json = |r: &lockstep::rules::RuleInfo| {
        serde_json::json!({
            "id": r.id, "kind": r.kind, "chapter": r.chapter, "section": r.section,
            "anchor": r.anchor, "url": r.url,
        })
    };
    let text = if json && id.is_some() {
        as_json(selected[0].info()).to_string()
    } else if json {
        serde_json::Value::Array(selected.iter().map(|r| as_json(r.info())).collect()).to_string()
    } else {
        let line = |r: &lockstep::rules::RuleInfo| {
            format!(
                "{}\t{}\t{}\t{}\t{}",
                r.id,
                r.kind,
                r.chapter,
                r.section.unwrap_or("-"),
                r.url.unwrap_or("-")
            )
        };
        selected.iter().map(|r| line(r.info())).collect::<Vec<_>>().join("\n")
    };
    let _ = writeln!(std::io::stdout().lock(), "{text}");
    Ok(ExitCode::SUCCESS)
}
