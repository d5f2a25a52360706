//! A bug report for a divergence, in markdown, to paste into a bug tracker: the module as
//! WAT, the invocation, both observations, the first diverging call, the reference's rule
//! trace of it with links into the spec, the configuration, and how to reproduce it.

use super::case::Case;
use super::differential::FUEL;
use super::explain::{Explanation, show};
use std::fmt::Write;
use std::path::Path;

pub fn markdown(case: &Case, e: &Explanation, artifact: &Path) -> String {
    let mut md = String::new();
    let rule = e.rules.first().map_or("an unknown rule".to_string(), |r| format!("`{}`", r.id()));
    let _ = writeln!(md, "# Compiler and reference disagree ({rule})\n");
    match &e.finding.invocation {
        None => {
            let _ = writeln!(md, "**Summary.** At instantiation the engines part: {}.\n", e.finding.what);
        }
        Some(_) => {
            let _ = writeln!(
                md,
                "**Summary.** At {}: the reference {}, the compiler {}.\n",
                where_(e),
                e.reference,
                e.compiler
            );
        }
    }

    let _ = writeln!(md, "## Rules at issue\n");
    for r in &e.rules {
        let _ = writeln!(md, "- [`{}`]({}) ({})", r.id(), r.url(), r.info().section.unwrap_or(r.info().kind));
    }
    let _ = writeln!(
        md,
        "\nThe first is the trap's rule where a side trapped; the others are the rules the first"
    );
    let _ = writeln!(md, "diverging call applied in its own steps, the most recent first.\n");

    let _ = writeln!(md, "## Invocation\n");
    match &e.finding.invocation {
        None => {
            let _ = writeln!(md, "Instantiation of the module (no imports).\n");
        }
        Some((name, args)) => {
            let before = case.invocations.iter().take_while(|(n, a)| !(n == name && a == args)).count();
            let _ = writeln!(
                md,
                "After {before} invocation(s) on which the engines agreed, `\"{name}\"` with `{}`.\n",
                show(args)
            );
        }
    }
    let _ = writeln!(md, "## Observations\n");
    if e.finding.invocation.is_some() {
        let _ = writeln!(md, "| engine | outcome |\n|---|---|");
        let _ = writeln!(md, "| reference | `{}` |", e.reference);
        let _ = writeln!(md, "| compiler | `{}` |\n", e.compiler);
    }
    let _ = writeln!(md, "The referee's finding: `{}`\n", e.finding.what);

    if let Some(call) = &e.call {
        let _ = writeln!(md, "## First diverging call\n");
        let name = call.name.as_ref().map_or(String::new(), |n| format!(" (exported as `\"{n}\"`)"));
        let _ = writeln!(
            md,
            "Function {}{name}, entered with `{}`; every call before it agreed.\n",
            call.func,
            show(&call.args)
        );
        let next = |ev: &Option<super::explain::Event>| {
            ev.as_ref().map_or("nothing more (a trap ended it)".into(), |e| e.describe())
        };
        let _ = writeln!(md, "- reference: then {}", next(&call.reference));
        let _ = writeln!(md, "- compiler: then {}\n", next(&call.compiler));
    }

    if !e.steps.is_empty() {
        let _ = writeln!(md, "## The reference's rule trace of that call (last {} steps)\n", e.steps.len());
        let _ = writeln!(
            md,
            "| step | rule | instruction | at | consumed | produced |\n|---|---|---|---|---|---|"
        );
        for s in &e.steps {
            let at = match (s.func, s.offset) {
                (Some(f), Some(o)) => format!("func {f} @0x{o:x}"),
                _ => String::new(),
            };
            let _ = writeln!(
                md,
                "| {} | [`{}`]({}) | `{}` | {at} | `{}` | `{}` |",
                s.step,
                s.rule.id(),
                s.rule.url(),
                s.instr.replace('|', "\\|"),
                show(&s.consumed),
                show(&s.produced)
            );
        }
        let _ = writeln!(md);
    }

    let _ = writeln!(md, "## Module\n");
    let wat = wasmprinter::print_bytes(&case.wasm).unwrap_or_else(|err| format!(";; not printable: {err}"));
    let _ = writeln!(md, "```wat\n{}\n```\n", wat.trim_end());

    let _ = writeln!(md, "## Configuration\n");
    let _ = writeln!(
        md,
        "- lockstep {} (reference and single-pass x86-64 compiler, side by side)",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(md, "- spec: WebAssembly 3.0; the module uses Wasm 2.0 without vectors");
    let _ =
        writeln!(md, "- fuel: {FUEL} function entries and loop iterations per invocation, in both engines");
    let _ = writeln!(md, "- memory accesses in the compiler: guard pages");
    if let Ok(m) = std::env::var("LOCKSTEP_MUTANT") {
        let _ =
            writeln!(md, "- planted compiler bug: `LOCKSTEP_MUTANT={m}` (build with `--features mutants`)");
    }
    let _ = writeln!(md, "\n## Reproduce\n");
    let _ = writeln!(md, "```sh\ncargo run --release -- report {}", artifact.display());
    if let Some((name, args)) = &e.finding.invocation {
        let args: Vec<String> = args.iter().map(|v| v.to_string()).collect();
        let _ = writeln!(md, "# or, with the module above saved as case.wat:");
        let _ = writeln!(md, "cargo run --release -- diff case.wat --invoke {name:?} {}", args.join(" "));
    }
    let _ = writeln!(md, "```");
    md
}

fn where_(e: &Explanation) -> String {
    match &e.finding.invocation {
        None => "instantiation".into(),
        Some((name, args)) => format!("`\"{name}\"` with `{}`", show(args)),
    }
}
