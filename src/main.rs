//! The lockstep command line.

use clap::{Parser, Subcommand, ValueEnum};
use lockstep::exec::Reference;
use lockstep::rules::Rule;
use lockstep::script::{self, engine::Engine, suite};
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
        EngineKind::Jit => Err("the compiler is not available yet".into()),
        EngineKind::Lockstep => Err("the referee is not available yet".into()),
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
