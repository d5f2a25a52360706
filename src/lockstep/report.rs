//! A bug report for a divergence, in three forms: markdown to paste into a bug tracker
//! ([`markdown`]), one JSON object with every field for tools ([`json`]), and a `.wast`
//! reproducer ([`wast`]): the module with assertions of the reference's outcome, which a
//! maintainer can drop into a test suite (it runs under `lockstep wast`, `wasmtime wast` and
//! the official interpreter).
//!
//! A report leads with the rule at issue: the rule of the reference's step that produced the
//! first differing value or trap, and for a numeric instruction the numeric function of spec
//! section 4.3 that defines the result, with its value. The rules that only framed the call
//! follow as context.

use super::case::Case;
use super::differential::FUEL;
use super::explain::issue::{self, How};
use super::explain::{Expected, Explanation, show};
use super::shrink::{Stats, size};
use super::{StoreDiff, differential};
use crate::exec::Reference;
use crate::rules::Rule;
use crate::runtime::{Config, Engine, Error, ExternVal, NanChoice, Ref, Val};
use crate::syntax::{F32, F64, Feature, Features, Module};
use serde_json::{Value, json};
use std::fmt::Write;
use std::path::Path;

/// Where a report's case came from.
pub struct Source<'a> {
    /// The artifact or module the user gave.
    pub artifact: &'a Path,
    /// The shrinking that made the case, if it was shrunk.
    pub shrink: Option<&'a Stats>,
}

/// The rule at issue and its numeric function, as a title shows them.
fn headline(e: &Explanation) -> String {
    let Some(i) = &e.issue else { return "an unknown rule".into() };
    match &i.numeric {
        Some(n) => format!("`{}` (`{}`)", i.rule.id(), n.name),
        None => format!("`{}`", i.rule.id()),
    }
}

fn section(r: Rule) -> &'static str {
    r.info().section.unwrap_or(r.info().kind)
}

fn how(e: &Explanation) -> String {
    let Some(i) = &e.issue else { return String::new() };
    let instr = i.instr.as_ref().map_or("the instruction".to_string(), |t| format!("`{t}`"));
    match i.how {
        How::Isolated => {
            let piece = i.piece.as_ref().expect("an isolated issue has its piece");
            format!(
                "Found by running {instr} alone in both engines, on the operands the reference's step \
                 consumed (`{}`){}: {}.",
                show(&piece.args),
                if piece.standalone { "" } else { ", in the case's module" },
                piece.what
            )
        }
        How::ReferenceTrap => format!(
            "No instruction of the call differs when run alone; the reference trapped here ({instr}), \
             and the compiler did not trap so."
        ),
        How::Heuristic => format!(
            "A guess: no instruction of the call differs when run alone, and the reference did not \
             trap; this is the rule that computes which the call applied last ({instr})."
        ),
    }
}

fn where_(e: &Explanation) -> String {
    match &e.finding.invocation {
        None => "instantiation".into(),
        Some((name, args)) => format!("`\"{name}\"` with `{}`", show(args)),
    }
}

/// The report in markdown.
pub fn markdown(case: &Case, e: &Explanation, source: &Source) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# Compiler and reference disagree: {}\n", headline(e));
    match &e.finding.invocation {
        None => {
            let _ = writeln!(md, "**Summary.** At instantiation the engines part: {}.\n", e.finding.what);
        }
        Some(_) => {
            let _ = writeln!(
                md,
                "**Summary.** A {} difference at {}: the reference {}, the compiler {}.\n",
                e.kind.name(),
                where_(e),
                e.reference,
                e.compiler
            );
        }
    }

    let _ = writeln!(md, "## Rules at issue\n");
    if let Some(i) = &e.issue {
        let at = match (&i.instr, i.func, i.offset) {
            (Some(t), Some(f), Some(o)) => format!(": `{t}` in function {f} at byte 0x{o:x}"),
            (Some(t), ..) => format!(": `{t}`"),
            _ => String::new(),
        };
        let _ = writeln!(
            md,
            "- [`{}`]({}) ({}), the step that produced the first differing {}{at}",
            i.rule.id(),
            i.rule.url(),
            section(i.rule),
            if e.kind == super::explain::Kind::Trap { "outcome" } else { "value" }
        );
        if let Some(n) = &i.numeric {
            match n.rule {
                Some(r) => {
                    let _ = writeln!(
                        md,
                        "- [`{}`]({}) (`{}`), the numeric function that defines the result: by the \
                         reference, `{}`",
                        r.id(),
                        r.url(),
                        n.name,
                        n.formula()
                    );
                }
                None => {
                    let _ = writeln!(md, "- `{}`, by the reference: `{}`", n.name, n.formula());
                }
            }
        }
        let _ = writeln!(md, "\n{}", how(e));
        if let Some(r) = e.compiler_rule {
            let _ = writeln!(
                md,
                "\nThe compiler trapped instead, as [`{}`]({}) would: {}.",
                r.id(),
                r.url(),
                e.compiler
            );
        }
        let _ = writeln!(md);
    } else {
        let _ = writeln!(md, "None found: {}.\n", e.finding.what);
    }

    if !e.context.is_empty() {
        let _ = writeln!(md, "## Context\n");
        let _ = writeln!(
            md,
            "Rules the diverging call also applied, or the other side's trap; they framed the step \
             at issue, the most recent first:\n"
        );
        for r in &e.context {
            let _ = writeln!(md, "- [`{}`]({}) ({})", r.id(), r.url(), section(*r));
        }
        let _ = writeln!(md);
    }

    let _ = writeln!(md, "## Invocation\n");
    match &e.finding.invocation {
        None => {
            let _ = writeln!(md, "Instantiation of the module (no imports).\n");
        }
        Some((name, args)) => {
            let _ = writeln!(
                md,
                "After {} invocation(s) on which the engines agreed, `\"{name}\"` with `{}`.\n",
                e.prior.len(),
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
    for d in &e.store {
        let _ = writeln!(md, "- after it, {d}");
    }
    if !e.store.is_empty() {
        let _ = writeln!(md);
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
        match (&call.reference, &call.compiler) {
            (None, None) if e.kind == super::explain::Kind::Store => {
                let _ = writeln!(
                    md,
                    "Both sides made the same calls, with the same results: they differ in the store.\n"
                );
            }
            (None, None) => {
                let _ = writeln!(md, "Both sides made the same calls, and both trapped in this one.\n");
            }
            _ => {
                let _ = writeln!(md, "- reference: then {}", next(&call.reference));
                let _ = writeln!(md, "- compiler: then {}\n", next(&call.compiler));
            }
        }
    }

    if !e.steps.is_empty() {
        let _ = writeln!(md, "## The reference's rule trace of that call (last {} steps)\n", e.steps.len());
        let _ = writeln!(
            md,
            "| step | rule | instruction | at | consumed | produced |\n|---|---|---|---|---|---|"
        );
        let at_issue = e.issue.as_ref().and_then(|i| i.step.as_ref()).map(|s| s.step);
        for s in &e.steps {
            let at = match (s.func, s.offset) {
                (Some(f), Some(o)) => format!("func {f} @0x{o:x}"),
                _ => String::new(),
            };
            let mark = if Some(s.step) == at_issue { " **(at issue)**" } else { "" };
            let _ = writeln!(
                md,
                "| {}{mark} | [`{}`]({}) | `{}` | {at} | `{}` | `{}` |",
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
    let (functions, instructions) = size(&case.module);
    let _ =
        writeln!(md, "{} bytes, {functions} function(s), {instructions} instruction(s).\n", case.wasm.len());
    let _ = writeln!(md, "```wat\n{}\n```\n", issue::print(&case.wasm).trim_end());

    let _ = writeln!(md, "## Reproducer\n");
    let _ = writeln!(
        md,
        "A `.wast` script with the reference's outcome asserted; the compiler fails it, a correct \
         engine passes it (`lockstep wast`, `wasmtime wast`, the official interpreter):\n"
    );
    let _ = writeln!(md, "```wast\n{}```\n", wast(case, e));

    let _ = writeln!(md, "## Configuration\n");
    for line in configuration(source, &case.module) {
        let _ = writeln!(md, "- {line}");
    }
    let _ = writeln!(md, "\n## Reproduce\n");
    let _ = writeln!(md, "```sh");
    for line in reproduce(e, source) {
        let _ = writeln!(md, "{line}");
    }
    let _ = writeln!(md, "```");
    md
}

fn configuration(source: &Source, module: &Module) -> Vec<String> {
    let mut lines = vec![
        format!(
            "lockstep {} (reference and single-pass x86-64 compiler, side by side)",
            env!("CARGO_PKG_VERSION")
        ),
        format!("spec: WebAssembly 3.0; the module uses {}", uses(module)),
        format!("fuel: {FUEL} function entries and loop iterations per invocation, in both engines"),
        "memory accesses in the compiler: guard pages".into(),
    ];
    if let Ok(m) = std::env::var("LOCKSTEP_MUTANT") {
        lines.push(format!("planted compiler bug: `LOCKSTEP_MUTANT={m}` (build with `--features mutants`)"));
    }
    if let Some(s) = source.shrink {
        lines.push(format!(
            "shrunk by `lockstep shrink --seed {}`: {} bytes and {} function(s) to {} bytes, {} function(s) \
             and {} instruction(s), in {} tests ({:.1} s){}",
            s.seed,
            s.bytes_before,
            s.functions_before,
            s.bytes,
            s.functions,
            s.instructions,
            s.tests,
            s.seconds,
            s.stopped.as_ref().map_or(String::new(), |why| format!("; stopped early: {why}"))
        ));
    }
    lines
}

fn reproduce(e: &Explanation, source: &Source) -> Vec<String> {
    let artifact = source.artifact.display();
    let mut lines = vec![match source.shrink {
        Some(s) => format!("cargo run --release -- report {artifact} --shrink --seed {}", s.seed),
        None => format!("cargo run --release -- report {artifact}"),
    }];
    lines.push(
        "# or, with the reproducer above saved as repro.wast (the compiler fails an assertion):".into(),
    );
    lines.push("cargo run --release -- wast --engine jit repro.wast".into());
    if let Some((name, args)) = &e.finding.invocation {
        let args: Vec<String> = args.iter().map(|v| v.to_string()).collect();
        lines.push("# or, with the module above saved as case.wat:".into());
        let line = format!("cargo run --release -- diff case.wat --invoke {name:?} {}", args.join(" "));
        lines.push(line.trim_end().to_string());
    }
    lines
}

fn rule_json(r: Rule) -> Value {
    json!({ "id": r.id(), "url": r.url(), "section": r.info().section, "kind": r.info().kind })
}

fn vals_json(vs: &[Val]) -> Value {
    Value::Array(vs.iter().map(|v| Value::String(v.to_string())).collect())
}

/// The report as one JSON object, every field of the markdown and more.
pub fn json(case: &Case, e: &Explanation, source: &Source) -> Value {
    let issue = e.issue.as_ref().map(|i| {
        json!({
            "rule": rule_json(i.rule),
            "how": i.how.name(),
            "instruction": i.instr,
            "func": i.func,
            "offset": i.offset,
            "step": i.step.as_ref().map(|s| s.step),
            "numeric": i.numeric.as_ref().map(|n| json!({
                "name": n.name, "applied": n.applied, "rule": n.rule.map(rule_json),
                "args": vals_json(&n.args), "result": n.result.map(|v| v.to_string()), "formula": n.formula(),
            })),
            "isolated": i.piece.as_ref().map(|p| json!({
                "standalone": p.standalone, "func": p.func, "args": vals_json(&p.args), "finding": p.what,
            })),
        })
    });
    let (functions, instructions) = size(&case.module);
    json!({
        "summary": format!("a {} difference at {}: the reference {}, the compiler {}", e.kind.name(), where_(e), e.reference, e.compiler),
        "kind": e.kind.name(),
        "issue": issue,
        "rules_at_issue": e.rules.iter().map(|r| rule_json(*r)).collect::<Vec<_>>(),
        "compiler_rule": e.compiler_rule.map(rule_json),
        "context": e.context.iter().map(|r| rule_json(*r)).collect::<Vec<_>>(),
        "invocation": e.finding.invocation.as_ref().map(|(n, a)| json!({ "name": n, "args": vals_json(a) })),
        "prior_invocations": e.prior.iter().map(|(n, a)| json!({ "name": n, "args": vals_json(a) })).collect::<Vec<_>>(),
        "reference": e.reference,
        "compiler": e.compiler,
        "expected": match &e.expected {
            Some(Expected::Values(vs)) => json!({ "values": vals_json(vs) }),
            Some(Expected::Trap { message, rule }) => json!({ "trap": message, "rule": rule.id() }),
            None => Value::Null,
        },
        "finding": e.finding.what,
        "store": e.store.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
        "call": e.call.as_ref().map(|c| json!({
            "func": c.func, "name": c.name, "args": vals_json(&c.args),
            "reference": c.reference.as_ref().map(|ev| ev.describe()),
            "compiler": c.compiler.as_ref().map(|ev| ev.describe()),
        })),
        "steps": e.steps.iter().map(|s| json!({
            "step": s.step, "rule": s.rule.id(), "url": s.rule.url(), "instr": s.instr,
            "func": s.func, "offset": s.offset, "consumed": vals_json(&s.consumed), "produced": vals_json(&s.produced),
        })).collect::<Vec<_>>(),
        "module": {
            "bytes": case.wasm.len(), "functions": functions, "instructions": instructions,
            "wat": issue::print(&case.wasm),
        },
        "shrink": source.shrink.map(|s| json!({
            "seed": s.seed, "bytes_before": s.bytes_before, "functions_before": s.functions_before,
            "bytes": s.bytes, "functions": s.functions, "instructions": s.instructions,
            "tests": s.tests, "seconds": s.seconds, "stopped": s.stopped,
        })),
        "configuration": configuration(source, &case.module),
        "reproducer": wast(case, e),
        "reproduce": reproduce(e, source),
    })
}

/// What a module uses, as a configuration line says it: Wasm 2.0, and whatever it uses
/// beyond, by name (its definitions' features and its code's).
fn uses(module: &Module) -> String {
    let code = module.funcs.iter().flat_map(|f| f.body.instrs.iter());
    let used = code.fold(module.declared_features(), |fs, i| fs.union(i.requires()));
    let vectors = if used.contains(Feature::Simd) { "with" } else { "without" };
    let beyond: Vec<&str> = used.minus(Features::V2).iter().map(Feature::name).collect();
    match beyond.is_empty() {
        true => format!("Wasm 2.0 {vectors} vectors"),
        false => format!("Wasm 2.0 {vectors} vectors, and {}", beyond.join(", ")),
    }
}

/// A value as a script writes a constant argument or an expected result: `(i32.const -7)`;
/// an expected NaN as the spec's set where the reference's NaN is quiet (`nan:canonical`,
/// `nan:arithmetic`); a vector by its bits, as four `i32` lanes; `None` for a value no
/// script can write.
fn wast_val(v: &Val, expected: bool) -> Option<String> {
    match v {
        Val::F32(z) if expected && f32::from_bits(z.0).is_nan() && z.0 & 0x0040_0000 != 0 => {
            let set = if z.0 & 0x7fff_ffff == 0x7fc0_0000 { "canonical" } else { "arithmetic" };
            Some(format!("(f32.const nan:{set})"))
        }
        Val::F64(z) if expected && f64::from_bits(z.0).is_nan() && z.0 & (1 << 51) != 0 => {
            let set = if z.0 & !(1 << 63) == 0x7ff8_0000_0000_0000 { "canonical" } else { "arithmetic" };
            Some(format!("(f64.const nan:{set})"))
        }
        Val::I32(_) | Val::I64(_) | Val::F32(_) | Val::F64(_) => {
            let text = v.to_string();
            let (t, lit) = text.split_once(':')?;
            Some(format!("({t}.const {lit})"))
        }
        Val::Ref(Ref::Null(ht)) => Some(format!("(ref.null {ht})")),
        Val::Ref(Ref::Extern(n)) => Some(format!("(ref.extern {n})")),
        Val::Ref(Ref::Func(_)) if expected => Some("(ref.func)".into()),
        Val::Ref(Ref::Host(n)) => Some(format!("(ref.host {n})")),
        Val::V128(v) => {
            let bits = v.to_u128();
            let lanes: Vec<String> = (0..4).map(|i| format!("0x{:08x}", (bits >> (32 * i)) as u32)).collect();
            Some(format!("(v128.const i32x4 {})", lanes.join(" ")))
        }
        Val::Ref(_) => None,
    }
}

fn invoke(name: &str, args: &[Val]) -> Option<String> {
    let args = args.iter().map(|v| wast_val(v, false)).collect::<Option<Vec<_>>>()?;
    let escaped: String = name.chars().flat_map(|c| c.escape_default()).collect();
    Some(format!("(invoke \"{escaped}\"{})", args.iter().map(|a| format!(" {a}")).collect::<String>()))
}

fn assertion(action: &str, expected: &Expected) -> String {
    match expected {
        Expected::Values(vs) => {
            let results: Vec<String> = vs.iter().filter_map(|v| wast_val(v, true)).collect();
            format!("(assert_return {action}{})", results.iter().map(|r| format!(" {r}")).collect::<String>())
        }
        Expected::Trap { message, .. } => format!("(assert_trap {action} \"{message}\")"),
    }
}

/// A memory index as an instruction's immediate: none for memory 0, as Wasm 2.0 writes it.
fn index(mem: u32) -> String {
    if mem == 0 { String::new() } else { format!(" {mem}") }
}

/// The export that reads the place a store difference is at, as the reproducer adds it: its
/// name, its text, and its arguments.
fn checker(d: &StoreDiff) -> Option<(String, String, Vec<Val>)> {
    match d {
        StoreDiff::Global { global, reference, .. } => {
            let t = match reference {
                Val::I32(_) => "i32",
                Val::I64(_) => "i64",
                Val::F32(_) => "f32",
                Val::F64(_) => "f64",
                _ => return None,
            };
            let name = format!("lockstep:global{global}");
            let func = format!("(func (export \"{name}\") (result {t}) global.get {global})");
            Some((name, func, vec![]))
        }
        StoreDiff::MemByte { mem, at, .. } => {
            let name = format!("lockstep:memory{mem}");
            let func = format!(
                "(func (export \"{name}\") (param i32) (result i32) local.get 0 i32.load8_u{})",
                index(*mem)
            );
            Some((name, func, vec![Val::I32(*at as u32)]))
        }
        StoreDiff::MemSize { mem, .. } => {
            let name = format!("lockstep:memory{mem}:size");
            let func = format!("(func (export \"{name}\") (result i32) memory.size{})", index(*mem));
            Some((name, func, vec![]))
        }
        StoreDiff::TableSize { table, .. } => {
            let name = format!("lockstep:table{table}:size");
            let func = format!("(func (export \"{name}\") (result i32) table.size {table})");
            Some((name, func, vec![]))
        }
        StoreDiff::TableElem { table, at, reference, compiler } => {
            // Only nullness can be read back from a script.
            let (Val::Ref(r), Val::Ref(c)) = (reference, compiler) else { return None };
            if r.is_null() == c.is_null() {
                return None;
            }
            let name = format!("lockstep:table{table}:null");
            let func = format!(
                "(func (export \"{name}\") (param i32) (result i32) local.get 0 table.get {table} ref.is_null)"
            );
            Some((name, func, vec![Val::I32(*at as u32)]))
        }
    }
}

/// The `.wast` reproducer: the module (with a function that reads each place where the
/// stores differ), the invocations before the diverging one with their outcomes, the
/// diverging one with the reference's outcome, and then what the store holds.
///
/// Where the spec lets a NaN be any of a set, an assertion holds for any engine only if it
/// does not depend on the choice: each is computed by the reference twice, with x86's NaNs
/// (as the referee runs it) and with the deterministic profile's, and a NaN result is written
/// as the set both fall in (`nan:canonical`, `nan:arithmetic`); an assertion on which the two
/// differ otherwise (a NaN's bits stored, say) is left out, and the instruction at issue
/// alone is asserted instead, as the *witness*.
pub fn wast(case: &Case, e: &Explanation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, ";; Written by lockstep (the WebAssembly 3.0 specification made executable) for a");
    let _ =
        writeln!(out, ";; {} difference between its compiler and its reference interpreter.", e.kind.name());
    if let Some(i) = &e.issue {
        let _ = writeln!(out, ";; Rule at issue: {} {}", i.rule.id(), i.rule.url());
        if let Some(n) = &i.numeric {
            let _ = writeln!(out, ";;   {}", n.formula());
        }
    }
    if e.finding.invocation.is_some() {
        let _ = writeln!(out, ";; reference: {}", e.reference);
        let _ = writeln!(out, ";; compiler:  {}", e.compiler);
    }
    for d in &e.store {
        let _ = writeln!(out, ";; after it, {d}");
    }
    let _ = writeln!(out, ";; A correct engine passes every assertion.");
    let mut module = issue::print(&case.wasm);
    let Some((name, args)) = &e.finding.invocation else {
        let _ = writeln!(out, "{}", module.trim_end());
        let _ = writeln!(out, ";; The divergence is in instantiation: {}", e.finding.what);
        return out;
    };
    // The actions, in order: the invocations, then the readers of the store.
    let mut actions: Vec<(String, Vec<Val>)> = e.prior.clone();
    actions.push((name.clone(), args.clone()));
    let mut unread = false;
    for d in &e.store {
        match checker(d).and_then(|(n, func, a)| Some((n, issue::with_field(&module, &func)?, a))) {
            Some((n, m, a)) => {
                module = m;
                actions.push((n, a));
            }
            None => unread = true,
        }
    }
    let mut lines = assertions(&module, &actions);
    let skipped = unread || lines.iter().any(|l| l.starts_with(";;"));
    // The witness: the instruction at issue alone, where an assertion above was left out
    // or a difference in the store cannot be read back.
    if let Some(piece) = e.issue.as_ref().and_then(|i| i.piece.as_ref()).filter(|p| p.standalone)
        && skipped
        && let Some(m) = issue::with_field(&module, &piece.func)
    {
        actions.push((issue::ISOLATE.to_string(), piece.args.clone()));
        let with_witness = assertions(&m, &actions);
        if let Some(last) = with_witness.last().filter(|l| !l.starts_with(";;")) {
            module = m;
            lines.push(";; The witness: the instruction at issue alone, on the reference's operands.".into());
            lines.push(last.clone());
        }
    }
    let _ = writeln!(out, "{}", module.trim_end());
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    out
}

/// The reference's outcome of each action on `module` (text), under one choice of NaNs.
fn outcomes(module: &str, actions: &[(String, Vec<Val>)], nans: NanChoice) -> Vec<Option<Expected>> {
    let none = || vec![None; actions.len()];
    let Ok(wasm) = super::case::assemble(module) else { return none() };
    let Ok(m) = super::case::front_end(&wasm) else { return none() };
    let config = differential::referee().reference.config;
    let mut reference = Reference::new(Config { nans, ..config });
    let Ok(inst) = reference.instantiate(&std::rc::Rc::new(m), &[]) else { return none() };
    actions
        .iter()
        .map(|(n, a)| match reference.export(inst, n) {
            Some(ExternVal::Func(f)) => match reference.invoke(f, a) {
                Ok(vs) => Some(Expected::Values(vs)),
                Err(Error::Trap { message, rule: Some(rule) }) => Some(Expected::Trap { message, rule }),
                Err(_) => None,
            },
            _ => None,
        })
        .collect()
}

/// The set a result falls in under both choices of NaNs, as a script writes it; `None` where
/// the two differ otherwise.
fn both(x: &Val, y: &Val) -> Option<String> {
    if let (Val::V128(v), Val::V128(w)) = (x, y)
        && v != w
    {
        return both_lanes(v.to_u128(), w.to_u128());
    }
    let (a, b) = (wast_val(x, true)?, wast_val(y, true)?);
    let arithmetic = |s: &str| s.ends_with("nan:arithmetic)") || s.ends_with("nan:canonical)");
    match (a == b, arithmetic(&a) && arithmetic(&b)) {
        (true, _) => Some(a),
        (false, true) => Some(a.replace("nan:canonical", "nan:arithmetic")),
        _ => None,
    }
}

/// Two vectors that differ by the NaNs in them, as `f32x4` (else `f64x2`) lanes, each the
/// set both lanes fall in; `None` where some lane differs otherwise. Lanes of integers read
/// as floats can only make the assertion weaker, never wrong.
fn both_lanes(v: u128, w: u128) -> Option<String> {
    let lane = |bits: u32, i: u32, x: u128| {
        let n = (x >> (bits * i)) as u64;
        match bits {
            32 => Val::F32(F32(n as u32)),
            _ => Val::F64(F64(n)),
        }
    };
    [32, 64].into_iter().find_map(|bits| {
        let lanes = (0..128 / bits)
            .map(|i| {
                let set = both(&lane(bits, i, v), &lane(bits, i, w))?;
                // `(f32.const LIT)` to `LIT`.
                Some(set.split_once(' ')?.1.trim_end_matches(')').to_string())
            })
            .collect::<Option<Vec<_>>>()?;
        Some(format!("(v128.const f{bits}x{} {})", 128 / bits, lanes.join(" ")))
    })
}

/// An assertion for each action that holds whatever NaNs an engine picks, or the action
/// alone under a comment where it depends on them.
fn assertions(module: &str, actions: &[(String, Vec<Val>)]) -> Vec<String> {
    let x86 = outcomes(module, actions, NanChoice::X86);
    let det = outcomes(module, actions, NanChoice::Deterministic);
    let mut lines = Vec::new();
    for (((n, a), x), d) in actions.iter().zip(x86).zip(det) {
        let Some(action) = invoke(n, a) else {
            lines.push(format!(";; (invoke \"{n}\" ...): arguments no script can write"));
            continue;
        };
        let line = match (x, d) {
            (Some(Expected::Values(p)), Some(Expected::Values(q))) if p.len() == q.len() => {
                match p.iter().zip(&q).map(|(u, v)| both(u, v)).collect::<Option<Vec<_>>>() {
                    Some(rs) => format!(
                        "(assert_return {action}{})",
                        rs.iter().map(|r| format!(" {r}")).collect::<String>()
                    ),
                    None => {
                        format!(";; not asserted: the result depends on the NaNs an engine picks\n{action}")
                    }
                }
            }
            (Some(t @ Expected::Trap { .. }), Some(u)) if t == u => assertion(&action, &t),
            _ => format!(";; not asserted: the outcome depends on the NaNs an engine picks\n{action}"),
        };
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::V128;

    /// A result asserted for any engine: exact where both choices of NaNs agree, the set
    /// both NaNs fall in where they are NaNs, nothing where they differ otherwise.
    #[test]
    fn results_for_any_choice_of_nans() {
        let canonical = Val::F32(F32(0x7fc0_0000));
        let negative_canonical = Val::F32(F32(0xffc0_0000));
        let arithmetic = Val::F32(F32(0x7fc0_0001));
        assert_eq!(both(&canonical, &negative_canonical).as_deref(), Some("(f32.const nan:canonical)"));
        assert_eq!(both(&canonical, &arithmetic).as_deref(), Some("(f32.const nan:arithmetic)"));
        assert_eq!(both(&Val::I32(7), &Val::I32(7)).as_deref(), Some("(i32.const 7)"));
        assert_eq!(both(&Val::I32(0x7fc0_0000), &Val::I32(0xffc0_0000)), None);
        let signalling = Val::F64(F64(0x7ff0_0000_0000_0001));
        assert_eq!(wast_val(&signalling, true).as_deref(), Some("(f64.const nan:0x1)"));
        assert_eq!(wast_val(&Val::F32(F32(0x8000_0000)), false).as_deref(), Some("(f32.const -0.0)"));
        assert_eq!(invoke("f", &[Val::I64(u64::MAX)]).as_deref(), Some("(invoke \"f\" (i64.const -1))"));
        // Vectors: exact where equal; else lane by lane, as f32x4 where that fits.
        let v = |x: u128| Val::V128(V128::from_u128(x));
        let nans = v(0x3f80_0000_7fc0_0000_8000_0000_7fc0_0001);
        let other = v(0x3f80_0000_ffc0_0000_8000_0000_7fc0_0000);
        assert_eq!(
            both(&nans, &nans).as_deref(),
            Some("(v128.const i32x4 0x7fc00001 0x80000000 0x7fc00000 0x3f800000)")
        );
        assert_eq!(
            both(&nans, &other).as_deref(),
            Some("(v128.const f32x4 nan:arithmetic -0.0 nan:canonical 1.0)")
        );
        let f64_nans = v(0x3ff0_0000_0000_0000_7ff8_0000_0000_0001);
        let f64_other = v(0x3ff0_0000_0000_0000_7ff8_0000_0000_0002);
        assert_eq!(both(&f64_nans, &f64_other).as_deref(), Some("(v128.const f64x2 nan:arithmetic 1.0)"));
        assert_eq!(both(&v(1), &v(2)), None);
    }
}
