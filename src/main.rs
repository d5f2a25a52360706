//! The lockstep command line.

use clap::{Parser, Subcommand, ValueEnum};
use lockstep::exec::Reference;
use lockstep::jit::{Bounds, Jit};
use lockstep::lockstep::{Referee, case, differential::differential, explain};
use lockstep::rules::Rule;
use lockstep::runtime::Error as EngineError;
use lockstep::runtime::{Config, Engine, ExternVal, Val};
use lockstep::script::{self, suite};
use lockstep::{Spec, binary, valid};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "lockstep",
    version,
    about = "The WebAssembly specification made executable, \
    a single-pass x86-64 compiler, and a referee that runs both in lockstep."
)]
struct Cli {
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
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// .wast files, or folders searched recursively.
        paths: Vec<PathBuf>,
    },
    /// Decode and validate a module (.wasm or .wat).
    Validate {
        #[arg(long, default_value = "3.0")]
        spec: Spec,
        #[arg(long)]
        json: bool,
        file: PathBuf,
    },
    /// Instantiate a module (.wasm or .wat) and invoke an export.
    Run {
        #[arg(long, default_value = "3.0")]
        spec: Spec,
        #[arg(long, value_enum, default_value = "ref")]
        engine: EngineKind,
        /// Stop after N loop iterations and function entries with `fuel exhausted`.
        #[arg(long)]
        fuel: Option<u64>,
        file: PathBuf,
        /// The export to invoke; without it, only instantiate (and run the start function).
        #[arg(long)]
        invoke: Option<String>,
        /// Arguments: `i32:7`, `i64:-1`, `f32:1.5`, `f64:0x1p-3`, `v128:i32x4:1,2,3,4`,
        /// `ref.null:func`, `ref.extern:3`.
        #[arg(allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Compile a module (.wasm or .wat) with the compiler, without running it: print the
    /// size of the machine code, and with --time how long each phase took.
    Compile {
        #[arg(long, default_value = "3.0")]
        spec: Spec,
        /// Time decoding, validation and compilation.
        #[arg(long)]
        time: bool,
        file: PathBuf,
    },
    /// Run a module in both engines, find the first invocation where they differ and the
    /// first call in it, and show the reference's last rule steps before that.
    Diff {
        file: PathBuf,
        /// The export to invoke (default: every exported function, with zero arguments).
        #[arg(long)]
        invoke: Option<String>,
        #[arg(allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Write a bug report (markdown) for a divergence: from a fuzz artifact of the
    /// `differential` target, or a .wasm/.wat module.
    Report {
        artifact: PathBuf,
        /// Write the report here instead of to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Invoke an export in the reference and show every step: its rule, the instruction,
    /// the operand values it consumed and produced; then how often each rule applied.
    Trace {
        #[arg(long, default_value = "3.0")]
        spec: Spec,
        #[arg(long)]
        fuel: Option<u64>,
        /// One JSON object per step, then a summary object.
        #[arg(long)]
        json: bool,
        /// Show at most N steps (the run stops there).
        #[arg(long)]
        limit: Option<u64>,
        file: PathBuf,
        #[arg(long)]
        invoke: String,
        #[arg(allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Show the rule catalog, or one rule of it.
    Rules {
        /// A rule id, e.g. `Step_pure/binop-trap` or `binary-instr`.
        id: Option<String>,
        #[arg(long)]
        json: bool,
    },
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Wast { spec, engine, json, paths } => wast(spec, engine, json, &paths),
        Command::Validate { spec, json, file } => validate(spec, json, &file),
        Command::Rules { id, json } => rules(id.as_deref(), json),
        Command::Run { spec, engine, fuel, file, invoke, args } => {
            run(spec, engine, fuel, &file, invoke.as_deref(), &args)
        }
        Command::Compile { spec, time, file } => compile(spec, time, &file),
        Command::Diff { file, invoke, args } => diff(&file, invoke.as_deref(), &args),
        Command::Report { artifact, out } => report(&artifact, out.as_deref()),
        Command::Trace { spec, fuel, json, limit, file, invoke, args } => {
            trace(spec, fuel, json, limit, &file, &invoke, &args)
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("lockstep: {message}");
            ExitCode::from(2)
        }
    }
}

fn engine_factory(kind: EngineKind) -> Result<(&'static str, fn() -> Option<Box<dyn Engine>>), String> {
    match kind {
        EngineKind::Ref => Ok(("ref", || Some(Box::new(Reference::default())))),
        EngineKind::Jit => Ok(("jit", || Some(Box::new(Jit::new(Config::default(), Bounds::GuardPages))))),
        EngineKind::Lockstep => {
            Ok(("lockstep", || Some(Box::new(Referee::new(Config::default(), Bounds::GuardPages)))))
        }
    }
}

fn wast(spec: Spec, engine: EngineKind, json: bool, paths: &[PathBuf]) -> Result<ExitCode, String> {
    let scripts = if paths.is_empty() { suite::embedded(spec) } else { suite::from_paths(paths)? };
    let (name, factory) = engine_factory(engine)?;
    let progress = !json && std::io::stderr().is_terminal();
    let report = script::run(&scripts, spec, name, &factory, |i, report| {
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
    Ok(if report.failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Read a module: a binary, or text (by extension or by its first byte) through `wast`.
fn read_module(file: &PathBuf) -> Result<Vec<u8>, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    if bytes.starts_with(b"\0asm") || file.extension().is_some_and(|x| x == "wasm") {
        return Ok(bytes);
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{}: neither a binary module nor UTF-8 text", file.display()))?;
    let buf = wast::parser::ParseBuffer::new(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut wat = wast::parser::parse::<wast::Wat>(&buf).map_err(|mut e| {
        e.set_path(file);
        e.set_text(&text);
        e.to_string()
    })?;
    wat.encode().map_err(|e| format!("{}: {e}", file.display()))
}

/// Read, decode and validate a module: any error as the `validate` command prints it.
fn load(spec: Spec, file: &PathBuf) -> Result<std::rc::Rc<lockstep::syntax::Module>, String> {
    let bytes = read_module(file)?;
    let module = binary::decode(&bytes, spec).map_err(|e| {
        format!(
            "{}: offset 0x{:x}: malformed: {} [{}] {}",
            file.display(),
            e.offset,
            e.message,
            e.rule.id(),
            e.rule.url()
        )
    })?;
    valid::validate(&module, spec).map_err(|e| {
        let at = e.offset.map_or(String::new(), |o| format!(" offset 0x{o:x}:"));
        let func = e.func.map_or(String::new(), |f| format!(" func {f}:"));
        format!("{}:{at}{func} invalid: {} [{}] {}", file.display(), e.message, e.rule.id(), e.rule.url())
    })?;
    Ok(std::rc::Rc::new(module))
}

/// Instantiate a module on its own: its imports may only name the spectest module.
fn instantiate(
    engine: &mut dyn Engine,
    module: &std::rc::Rc<lockstep::syntax::Module>,
) -> Result<u32, String> {
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
        EngineError::Unsupported(reason) => reason.clone(),
        EngineError::Divergence(what) => format!("divergence: {what}"),
    }
}

fn parse_args(args: &[String]) -> Result<Vec<Val>, String> {
    args.iter().map(|a| lockstep::script::values::parse_val(a)).collect()
}

fn export_func(engine: &dyn Engine, inst: u32, name: &str) -> Result<u32, String> {
    match engine.export(inst, name) {
        Some(ExternVal::Func(a)) => Ok(a),
        Some(_) => Err(format!("export \"{name}\" is not a function")),
        None => Err(format!("no export \"{name}\"")),
    }
}

fn run(
    spec: Spec,
    kind: EngineKind,
    fuel: Option<u64>,
    file: &PathBuf,
    invoke: Option<&str>,
    args: &[String],
) -> Result<ExitCode, String> {
    let module = load(spec, file)?;
    let args = parse_args(args)?;
    let mut engine = make_engine(kind, fuel)?;
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

fn trace(
    spec: Spec,
    fuel: Option<u64>,
    json: bool,
    limit: Option<u64>,
    file: &PathBuf,
    invoke: &str,
    args: &[String],
) -> Result<ExitCode, String> {
    use lockstep::exec::{machine::Outcome, trace::trace};
    let module = load(spec, file)?;
    let args = parse_args(args)?;
    let mut engine = Reference::new(Config { fuel, ..Config::default() });
    let inst = instantiate(&mut engine, &module)?;
    let func = export_func(&engine, inst, invoke)?;
    let mut histogram = std::collections::BTreeMap::<&'static str, u64>::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut steps = 0;
    let outcome = trace(&mut engine.store, engine.config, func, &args, |step| {
        steps = step.step;
        *histogram.entry(step.rule.id()).or_default() += 1;
        let vals = |vs: &[Val]| vs.iter().map(|v| v.to_string()).collect::<Vec<_>>();
        let line = if json {
            serde_json::json!({
                "step": step.step, "rule": step.rule.id(), "url": step.rule.url(), "instr": step.instr,
                "func": step.func, "offset": step.offset,
                "consumed": vals(&step.consumed), "produced": vals(&step.produced),
            })
            .to_string()
        } else {
            let at = match (step.func, step.offset) {
                (Some(f), Some(o)) => format!("  (func {f} @0x{o:x})"),
                _ => String::new(),
            };
            format!(
                "{:>8}  {:<32} {:<28} [{}] -> [{}]{at}",
                step.step,
                step.rule.id(),
                step.instr,
                vals(&step.consumed).join(" "),
                vals(&step.produced).join(" ")
            )
        };
        writeln!(out, "{line}").is_ok() && limit.is_none_or(|l| step.step < l)
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

fn compile(spec: Spec, time: bool, file: &PathBuf) -> Result<ExitCode, String> {
    use std::time::Instant;
    let bytes = read_module(file)?;
    let t0 = Instant::now();
    let module =
        binary::decode(&bytes, spec).map_err(|e| format!("{}: malformed: {}", file.display(), e.message))?;
    let t1 = Instant::now();
    valid::validate(&module, spec).map_err(|e| format!("{}: invalid: {}", file.display(), e.message))?;
    let t2 = Instant::now();
    let options = lockstep::jit::Options { bounds: Bounds::GuardPages, fuel: false, trace_calls: false };
    let compiled = match lockstep::jit::compile(&module, options) {
        Ok(compiled) => compiled,
        Err(e) => {
            println!("{}", describe(&e));
            return Ok(ExitCode::FAILURE);
        }
    };
    let t3 = Instant::now();
    println!(
        "{} functions, {} bytes of wasm, {} bytes of x86-64",
        compiled.funcs.len(),
        bytes.len(),
        compiled.code.len()
    );
    if time {
        let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1e3;
        let mb_s = bytes.len() as f64 / (t3 - t2).as_secs_f64() / 1e6;
        println!(
            "decode {:.3} ms, validate {:.3} ms, compile {:.3} ms ({mb_s:.1} MB/s of wasm)",
            ms(t0, t1),
            ms(t1, t2),
            ms(t2, t3)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The case a file stands for: a module (its invocations given, or every exported function
/// with zero arguments), or a fuzz artifact of the `differential` target.
fn read_case(file: &PathBuf, invoke: Option<&str>, args: &[String]) -> Result<case::Case, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let is_module =
        bytes.starts_with(b"\0asm") || file.extension().is_some_and(|x| x == "wat" || x == "wasm");
    if !is_module {
        return case::case(&bytes)
            .ok_or_else(|| format!("{}: not a module, nor a fuzz input that makes one", file.display()));
    }
    let wasm = read_module(file)?;
    let module = case::front_end(&wasm).map_err(|e| format!("{}: {e}", file.display()))?;
    let invocations = match invoke {
        Some(name) => vec![(name.to_string(), parse_args(args)?)],
        None => case::zero_invocations(&module),
    };
    Ok(case::Case { wasm, module: std::rc::Rc::new(module), invocations })
}

fn diff(file: &PathBuf, invoke: Option<&str>, args: &[String]) -> Result<ExitCode, String> {
    let case = read_case(file, invoke, args)?;
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
        println!("  reference then {}\n  compiler then  {}", next(&call.reference), next(&call.compiler));
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
    println!("rules at issue: {}", e.rules.iter().map(|r| r.id()).collect::<Vec<_>>().join(", "));
    Ok(ExitCode::FAILURE)
}

fn report(artifact: &PathBuf, out: Option<&std::path::Path>) -> Result<ExitCode, String> {
    let case = read_case(artifact, None, &[])?;
    let Some(finding) = differential(&case) else {
        eprintln!("lockstep: the engines agree on this case: nothing to report");
        return Ok(ExitCode::FAILURE);
    };
    let text = lockstep::lockstep::report::markdown(&case, &explain::explain(&case, &finding), artifact);
    match out {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

fn make_engine(kind: EngineKind, fuel: Option<u64>) -> Result<Box<dyn Engine>, String> {
    let config = Config { fuel, ..Config::default() };
    match kind {
        EngineKind::Ref => Ok(Box::new(Reference::new(config))),
        EngineKind::Jit => Ok(Box::new(Jit::new(config, Bounds::GuardPages))),
        EngineKind::Lockstep => Ok(Box::new(Referee::new(config, Bounds::GuardPages))),
    }
}

fn validate(spec: Spec, json: bool, file: &PathBuf) -> Result<ExitCode, String> {
    let bytes = read_module(file)?;
    let error = match binary::decode(&bytes, spec) {
        Err(e) => Some((e.message, e.rule, Some(e.offset), None)),
        Ok(module) => valid::validate(&module, spec)
            .err()
            .map(|e| (e.message, e.rule, e.offset.map(|o| o as usize), e.func)),
    };
    let Some((message, rule, offset, func)) = error else {
        if json {
            println!("{}", serde_json::json!({ "valid": true }));
        } else {
            println!("valid");
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

fn rules(id: Option<&str>, json: bool) -> Result<ExitCode, String> {
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
    // A reader that goes away early (`| head`) is not an error.
    let _ = writeln!(std::io::stdout().lock(), "{text}");
    Ok(ExitCode::SUCCESS)
}
