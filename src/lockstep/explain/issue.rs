//! The rule at issue: the one step of the reference whose value or trap the compiler does
//! not reproduce.
//!
//! The compiler's intermediate values cannot be watched, only its calls. So each instruction
//! the first diverging call executed is tried *alone*, in the reference's order: a function
//! that applies it to its parameters (`local.get 0 ... local.get n-1`, then the instruction),
//! invoked in both engines with the operands the reference's step consumed. The first whose
//! outcome differs (its result, its trap, or the store it leaves) produced the first
//! differing value: the rules of its steps are at issue, the rest is context. An instruction
//! that reads no state runs in a module of its own (the numeric operators, `select`, and
//! branches, tried with blocks that say which label was taken); one that does runs in the
//! case's module, after the invocations that preceded the diverging one.
//!
//! Where no instruction differs alone (the bug needs its context: a register clobbered
//! across instructions, say), the reference's trap, if it trapped, is at issue; otherwise the
//! rule that computes which the call applied last, marked as a guess ([`How::Heuristic`]).

use super::rank::plumbing;
use crate::exec::modules::code_of;
use crate::exec::numerics::dispatch;
use crate::exec::runtime::Store;
use crate::exec::trace::TraceStep;
use crate::lockstep::case::{Case, assemble, front_end};
use crate::lockstep::differential::differential;
use crate::lockstep::shrink::edit;
use crate::rules::{self, Rule};
use crate::runtime::{Ref, Val};
use crate::syntax::{
    Binop, CompType, Cvtop, FBinop, FRelop, FUnop, IBinop, IRelop, IUnop, Instr, Module, NumType, Relop, Sx,
    Unop, ValType,
};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::rc::Rc;

/// What kind of difference the engines show.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Both returned, with different values.
    Value,
    /// One trapped and the other did not, or they trapped differently.
    Trap,
    /// They agree on the outcome, but globals, memory or tables differ after it.
    Store,
    /// Instantiation already differs.
    Instantiation,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Value => "value",
            Kind::Trap => "trap",
            Kind::Store => "store",
            Kind::Instantiation => "instantiation",
        }
    }
}

/// How the rule at issue was found.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum How {
    /// The instruction alone, on the reference's operands, already differs.
    Isolated,
    /// No instruction differs alone; the reference trapped, and its trap is at issue.
    ReferenceTrap,
    /// No instruction differs alone: the rule that computes which the call applied last.
    Heuristic,
}

impl How {
    pub fn name(self) -> &'static str {
        match self {
            How::Isolated => "isolated",
            How::ReferenceTrap => "reference-trap",
            How::Heuristic => "heuristic",
        }
    }
}

/// The rule at issue, and where it applied.
#[derive(Clone, Debug)]
pub struct Issue {
    pub rule: Rule,
    pub how: How,
    /// The instruction, as the text format writes it, its function (index in the module)
    /// and byte offset in the binary, and the reference's step that applied it.
    pub instr: Option<String>,
    pub func: Option<u32>,
    pub offset: Option<u32>,
    pub step: Option<TraceStep>,
    /// For a numeric instruction, the function of spec section 4.3 that defines its result.
    pub numeric: Option<Numeric>,
    /// The instruction alone, as both engines ran it.
    pub piece: Option<Piece>,
    /// Smaller modules that may show the same difference, for a shrinker to try before the
    /// piece, smallest first: a `br_table` with fewer labels, a `call_indirect` into a table
    /// of the one function it reached.
    pub reductions: Vec<Reduction>,
}

/// A module (text) that exports [`ISOLATE`], and the arguments to invoke it with.
#[derive(Clone, Debug)]
pub struct Reduction {
    pub module: String,
    pub args: Vec<Val>,
}

/// A numeric function of section 4.3 applied to the operands, as the reference computed it.
#[derive(Clone, Debug)]
pub struct Numeric {
    /// `irem_s`, `fmin`, `trunc_sat_u`: the spec's name without its sizes.
    pub name: String,
    /// The name with its sizes, as the spec writes the application: `irem_s_32`,
    /// `trunc_sat_u_64,32` (from 64-bit floats to 32-bit integers).
    pub applied: String,
    /// Its entry in the catalog (`op-irem`).
    pub rule: Option<Rule>,
    pub args: Vec<Val>,
    /// Its value, or `None` where it is undefined (the instruction traps).
    pub result: Option<Val>,
}

impl Numeric {
    /// `irem_s_32(i32:-7, i32:2) = i32:-1`; a NaN result is the referee's choice among the
    /// NaNs the spec allows, and says so.
    pub fn formula(&self) -> String {
        let args: Vec<String> = self.args.iter().map(|v| v.to_string()).collect();
        let nan = match self.result {
            Some(Val::F32(z)) => f32::from_bits(z.0).is_nan(),
            Some(Val::F64(z)) => f64::from_bits(z.0).is_nan(),
            _ => false,
        };
        let value = match self.result {
            None => "undefined (the instruction traps)".to_string(),
            Some(v) if nan => format!("{v} (a NaN of the set the spec allows; this one is x86's)"),
            Some(v) => v.to_string(),
        };
        format!("{}({}) = {value}", self.applied, args.join(", "))
    }
}

/// The instruction alone: the function that applies it, the module it ran in, the
/// arguments, and the difference the referee found.
#[derive(Clone, Debug)]
pub struct Piece {
    /// Whether the module holds only that function (else: the case's module and it).
    pub standalone: bool,
    pub module: String,
    pub func: String,
    pub args: Vec<Val>,
    pub what: String,
}

/// The export name of the function a piece adds.
pub const ISOLATE: &str = "lockstep:isolate";

/// How many instructions one explanation tries alone, at most. Those the cache answers count
/// too, so that what an explanation finds does not depend on what was asked before.
const BUDGET: u32 = 2000;

/// Pieces already run, by what determines their outcome: shrinking asks the same questions
/// many times.
#[derive(Default)]
pub struct Cache {
    runs: HashMap<u64, Option<Piece>>,
    /// Tries of this explanation, against [`BUDGET`].
    spent: u32,
    /// While shrinking: the rule at issue to keep. Only the instructions whose steps apply
    /// it are run alone (no other can be the one at issue for it), which spares a run of
    /// every instruction before it on each candidate.
    pub focus: Option<Rule>,
}

/// The instruction text of a module's code, by byte offset, as wasmprinter writes it for the
/// module without its custom sections (so without names: as [`print`] writes the module).
pub(super) fn instr_texts(wasm: &[u8]) -> HashMap<u32, String> {
    let mut texts = HashMap::new();
    let Some(stripped) = edit::without_custom_sections(wasm) else { return texts };
    let (Some(from), Some(to)) = (edit::code_start(wasm), edit::code_start(&stripped)) else { return texts };
    let mut storage = String::new();
    let config = wasmprinter::Config::new();
    let Ok(lines) = config.offsets_and_lines(&stripped, &mut storage) else { return texts };
    for (offset, line) in lines {
        let Some(offset) = offset else { continue };
        let Some(offset) = (offset as usize + from).checked_sub(to) else { continue };
        let text = line.split(";;").next().unwrap_or("").trim();
        if !text.is_empty() && !text.starts_with('(') && !text.starts_with(')') {
            texts.entry(offset as u32).or_insert_with(|| text.to_string());
        }
    }
    texts
}

/// The instruction of function `func` (its index in the module) at byte `offset`.
pub(super) fn instr_at(module: &Module, func: u32, offset: u32) -> Option<&Instr> {
    let imported = module.imported_funcs().count() as u32;
    let body = &module.funcs.get(func.checked_sub(imported)? as usize)?.body;
    let i = body.offsets.binary_search(&offset).ok()?;
    body.instrs.get(i)
}

/// What [`find`] reads: the case, the reference's steps of the first diverging call (each
/// with its call depth), the reference's trap, and the invocations before the diverging one.
pub(super) struct Search<'a> {
    pub case: &'a Case,
    /// The reference's store after the run (it holds the functions the steps name).
    pub store: &'a Store,
    pub window: &'a [(TraceStep, usize)],
    pub reference_trap: Option<Rule>,
    pub prior: &'a [(String, Vec<Val>)],
}

/// The rule at issue, by running the call's instructions alone in the reference's order.
pub(super) fn find(search: &Search, cache: &mut Cache) -> Option<Issue> {
    cache.spent = 0;
    let texts = instr_texts(&search.case.wasm);
    let mut printed: Option<Rc<String>> = None;
    let window = search.window;
    for (i, (s, _)) in window.iter().enumerate() {
        let (Some(f), Some(o)) = (s.func, s.offset) else { continue };
        let Some(instr) = instr_at(&search.case.module, f, o) else { continue };
        let Some(text) = texts.get(&o) else { continue };
        // The instruction's steps: its own, then those reduction put at the head.
        let chain: Vec<&TraceStep> = std::iter::once(s)
            .chain(window[i + 1..].iter().map(|w| &w.0).take_while(|w| w.func.is_none()))
            .collect();
        if cache.focus.is_some_and(|r| r != chain_rule(instr, &chain, search.reference_trap)) {
            continue;
        }
        let Some(spec) = spec(&search.case.module, instr, text, &chain) else { continue };
        let context = match spec.standalone {
            true => None,
            false => Some(printed.get_or_insert_with(|| Rc::new(print(&search.case.wasm))).clone()),
        };
        let Some(piece) = run(search, spec, context.as_deref().map(|s| s.as_str()), cache) else { continue };
        let rule = chain_rule(instr, &chain, search.reference_trap);
        let numeric = numeric(instr, &chain, &piece.args);
        let reductions = reductions(search, instr, &chain, &piece);
        return Some(Issue {
            rule,
            how: How::Isolated,
            instr: Some(text.clone()),
            func: Some(f),
            offset: Some(o),
            step: Some((*chain.iter().find(|c| c.rule == rule).unwrap_or(&chain[0])).clone()),
            numeric,
            piece: Some(piece),
            reductions,
        });
    }
    None
}

/// The rule at issue where no instruction differs alone: the reference's trap, or else the
/// last rule that computes among the call's own steps (at `depth`).
pub(super) fn fallback(
    case: &Case,
    window: &[(TraceStep, usize)],
    depth: usize,
    reference_trap: Option<Rule>,
) -> Option<Issue> {
    let (rule, how) = match reference_trap {
        Some(t) => (t, How::ReferenceTrap),
        None => {
            let own = window.iter().rev().filter(|(_, d)| *d == depth).map(|(s, _)| s.rule);
            let rule = own.clone().find(|r| !plumbing(*r)).or_else(|| own.clone().next())?;
            (rule, How::Heuristic)
        }
    };
    // The step that applied it, and the instruction it came from.
    let at = window.iter().rposition(|(s, _)| s.rule == rule);
    let code = at.and_then(|i| window[..=i].iter().rev().find(|(s, _)| s.func.is_some()));
    let texts = instr_texts(&case.wasm);
    let (func, offset) = code.map_or((None, None), |(s, _)| (s.func, s.offset));
    let instr = offset.and_then(|o| texts.get(&o).cloned());
    let numeric = match (func, offset, at) {
        (Some(f), Some(o), Some(i)) => instr_at(&case.module, f, o).and_then(|ins| {
            let chain: Vec<&TraceStep> = window[i..].iter().map(|w| &w.0).take(1).collect();
            numeric(ins, &chain, &chain[0].consumed)
        }),
        _ => None,
    };
    Some(Issue {
        rule,
        how,
        instr,
        func,
        offset,
        step: at.map(|i| window[i].0.clone()),
        numeric,
        piece: None,
        reductions: Vec::new(),
    })
}

/// The rule of an instruction's steps that is at issue: the reference's trap if one of them
/// raised it; for `call_indirect`, its type check; else the first that computes.
fn chain_rule(instr: &Instr, chain: &[&TraceStep], reference_trap: Option<Rule>) -> Rule {
    if let Some(t) = reference_trap
        && chain.iter().any(|s| s.rule == t)
    {
        return t;
    }
    if matches!(instr, Instr::CallIndirect(..))
        && let Some(s) = chain.iter().find(|s| s.rule.id().starts_with("Step_read/ref.cast"))
    {
        return s.rule;
    }
    chain.iter().find(|s| !plumbing(s.rule)).unwrap_or(&chain[0]).rule
}

/// A function to run alone: whether it needs the case's module, its text, and its arguments.
struct Spec {
    standalone: bool,
    func: String,
    args: Vec<Val>,
}

/// The parameter type of a value passed from outside: numbers, vectors, null and host
/// references.
fn param_type(v: &Val) -> Option<String> {
    Some(match v {
        Val::I32(_) => "i32".into(),
        Val::I64(_) => "i64".into(),
        Val::F32(_) => "f32".into(),
        Val::F64(_) => "f64".into(),
        Val::Ref(Ref::Null(ht)) => format!("(ref null {ht})"),
        Val::Ref(Ref::Extern(_)) => "externref".into(),
        Val::V128(_) => "v128".into(),
        Val::Ref(_) => return None,
    })
}

fn num_name(t: NumType) -> &'static str {
    match t {
        NumType::I32 => "i32",
        NumType::I64 => "i64",
        NumType::F32 => "f32",
        NumType::F64 => "f64",
    }
}

/// The last `n` values a step consumed: the instruction's operands.
fn operands(s: &TraceStep, n: usize) -> Option<Vec<Val>> {
    (s.consumed.len() >= n).then(|| s.consumed[s.consumed.len() - n..].to_vec())
}

/// The function that runs `instr` (written `text`) alone, if it can be: its operands are
/// what its first step consumed (for `call_indirect`, what its reduction's steps did).
fn spec(module: &Module, instr: &Instr, text: &str, chain: &[&TraceStep]) -> Option<Spec> {
    let s = chain[0];
    let last = |produced: &[Val]| produced.last().and_then(param_type);
    let (standalone, args, results, body): (bool, Vec<Val>, Vec<String>, String) = match instr {
        Instr::Unop(t, _) | Instr::Testop(t, _) | Instr::Cvtop(_, t, _) => {
            let result = match instr {
                Instr::Cvtop(to, ..) => num_name(*to),
                Instr::Testop(..) => "i32",
                _ => num_name(*t),
            };
            (true, operands(s, 1)?, vec![result.into()], text.into())
        }
        Instr::Binop(t, _) => (true, operands(s, 2)?, vec![num_name(*t).into()], text.into()),
        Instr::Relop(..) => (true, operands(s, 2)?, vec!["i32".into()], text.into()),
        Instr::Select(_) => {
            let args = operands(s, 3)?;
            (true, args.clone(), vec![param_type(&args[0])?], text.into())
        }
        Instr::RefIsNull => (true, operands(s, 1)?, vec!["i32".into()], text.into()),
        // The vector instructions that read no state: what the step consumed is their
        // operands, what it produced their result (a vector, or a number of a lane or test).
        Instr::VVunop(_)
        | Instr::VVbinop(_)
        | Instr::VVternop(_)
        | Instr::VVtestop(_)
        | Instr::VUnop(..)
        | Instr::VBinop(..)
        | Instr::VTernop(..)
        | Instr::VTestop(..)
        | Instr::VRelop(..)
        | Instr::VShiftop(..)
        | Instr::VBitmask(_)
        | Instr::VSwizzlop(_)
        | Instr::VShuffle(_)
        | Instr::VExtunop(..)
        | Instr::VExtbinop(..)
        | Instr::VExtternop(..)
        | Instr::VNarrow(..)
        | Instr::VCvtop(..)
        | Instr::VSplat(_)
        | Instr::VExtractLane(..)
        | Instr::VReplaceLane(..) => (true, s.consumed.clone(), vec![last(&s.produced)?], text.into()),
        // Branches: which label was taken, as the number the function returns.
        Instr::BrIf(_) => (
            true,
            operands(s, 1)?,
            vec!["i32".into()],
            "block\n      local.get 0\n      br_if 0\n      i32.const 0\n      return\n    end\n    i32.const 1".into(),
        ),
        Instr::If(_) => (
            true,
            operands(s, 1)?,
            vec!["i32".into()],
            "local.get 0\n    if (result i32)\n      i32.const 1\n    else\n      i32.const 0\n    end".into(),
        ),
        Instr::BrTable(labels, default) => {
            let body = br_table_body(labels, *default)?;
            (true, operands(s, 1)?, vec!["i32".into()], body)
        }
        Instr::Load(t, ..) => (false, operands(s, 1)?, vec![num_name(*t).into()], text.into()),
        Instr::Store(..) => (false, operands(s, 2)?, vec![], text.into()),
        Instr::VLoad(..) => (false, operands(s, 1)?, vec!["v128".into()], text.into()),
        Instr::VLoadLane(..) => (false, operands(s, 2)?, vec!["v128".into()], text.into()),
        Instr::VStore(..) | Instr::VStoreLane(..) => (false, operands(s, 2)?, vec![], text.into()),
        Instr::MemorySize(_) | Instr::TableSize(_) => (false, vec![], vec![last(&s.produced)?], text.into()),
        Instr::MemoryGrow(_) => (false, operands(s, 1)?, vec![last(&s.produced)?], text.into()),
        Instr::TableGrow(_) => (false, operands(s, 2)?, vec![last(&s.produced)?], text.into()),
        Instr::MemoryFill(_)
        | Instr::MemoryCopy(..)
        | Instr::MemoryInit(..)
        | Instr::TableFill(_)
        | Instr::TableCopy(..)
        | Instr::TableInit(..) => (false, operands(s, 3)?, vec![], text.into()),
        Instr::DataDrop(_) | Instr::ElemDrop(_) => (false, vec![], vec![], text.into()),
        Instr::CallIndirect(_, y) => {
            let CompType::Func(ft) = &module.types.iter().flat_map(|r| r.0.iter()).nth(*y as usize)?.comp
            else {
                return None;
            };
            // The index is what `table.get` consumed; the arguments what `call_ref` took,
            // or where the call did not happen, zeros: a type check does not read them.
            let index = chain.iter().find(|c| c.rule.id().starts_with("Step_read/table.get"))?.consumed.last()?;
            let mut args = match chain.iter().find(|c| c.rule == rules::STEP_READ__CALL_REF_FUNC) {
                Some(c) if c.consumed.len() > ft.params.len() => {
                    c.consumed[c.consumed.len() - 1 - ft.params.len()..c.consumed.len() - 1].to_vec()
                }
                _ => ft.params.iter().map(|t| Val::default_of(*t)).collect::<Option<Vec<_>>>()?,
            };
            args.push(*index);
            let results = ft.results.iter().map(|t| valtype(*t)).collect::<Option<Vec<_>>>()?;
            (false, args, results, text.into())
        }
        _ => return None,
    };
    let params = args.iter().map(param_type).collect::<Option<Vec<_>>>()?;
    let mut func = format!("(func (export \"{ISOLATE}\")");
    if !params.is_empty() {
        func += &format!(" (param {})", params.join(" "));
    }
    if !results.is_empty() {
        func += &format!(" (result {})", results.join(" "));
    }
    let is_branch = matches!(instr, Instr::BrIf(_) | Instr::If(_) | Instr::BrTable(..));
    if !is_branch {
        for i in 0..args.len() {
            func += &format!("\n    local.get {i}");
        }
    }
    func += &format!("\n    {body}\n  )");
    Some(Spec { standalone, func, args })
}

/// A body that takes the `br_table` on its parameter and returns the depth of the label it
/// took: one block per label, each followed by its number.
fn br_table_body(labels: &[u32], default: u32) -> Option<String> {
    let max = labels.iter().chain([&default]).copied().max()?;
    if max > 64 {
        return None;
    }
    let list: Vec<String> = labels.iter().chain([&default]).map(|l| l.to_string()).collect();
    let mut body = "block\n    ".repeat(max as usize + 1);
    body += &format!("local.get 0\n    br_table {}\n", list.join(" "));
    for k in 0..=max {
        body += &format!("    end\n    i32.const {k}\n");
        if k < max {
            body += "    return\n";
        }
    }
    Some(body.trim_end().into())
}

/// The global a sink adds to a piece's module.
const SINK: &str = "$lockstep_sink";

/// The piece with its result sunk, for a difference that shows only later: into a global (a
/// difference in the store), and into a trap (a difference in the outcome): for an integer
/// where it is not the reference's value, for a float in a conversion to an integer.
fn sinks(piece: &Piece, result: Option<&Val>) -> Vec<Reduction> {
    let Some((head, tail)) = piece.func.split_once(" (result ") else { return vec![] };
    let Some((t, body)) = tail.split_once(')') else { return vec![] };
    let Some(body) = body.strip_suffix("\n  )") else { return vec![] };
    if !["i32", "i64", "f32", "f64"].contains(&t) {
        return vec![];
    }
    let module = |func: String, global: Option<String>| {
        let mut text = piece.module.replacen(&piece.func, &func, 1);
        if let Some(g) = global {
            text = with_field(&text, &g)?;
        }
        Some(Reduction { module: text, args: piece.args.clone() })
    };
    let mut out = Vec::new();
    let global = format!("(global {SINK} (mut {t}) ({t}.const 0))");
    out.extend(module(format!("{head}{body}\n    global.set {SINK}\n  )"), Some(global)));
    match result {
        Some(v @ (Val::I32(_) | Val::I64(_))) => {
            let constant = v.to_string().replacen(':', ".const ", 1);
            let check = format!("\n    {constant}\n    {t}.ne\n    if\n      unreachable\n    end\n  )");
            out.extend(module(format!("{head}{body}{check}"), None));
        }
        // A float into a conversion that traps on NaNs and on what does not fit.
        Some(Val::F32(_) | Val::F64(_)) => {
            out.extend(module(format!("{head}{body}\n    i32.trunc_{t}_s\n    drop\n  )"), None));
        }
        _ => {}
    }
    out
}

/// Smaller modules than the piece that may show the same difference.
fn reductions(search: &Search, instr: &Instr, chain: &[&TraceStep], piece: &Piece) -> Vec<Reduction> {
    let mut out = reshaped(search, instr, chain, piece);
    let single = matches!(
        instr,
        Instr::Unop(..)
            | Instr::Binop(..)
            | Instr::Testop(..)
            | Instr::Relop(..)
            | Instr::Cvtop(..)
            | Instr::Load(..)
    );
    if single {
        out.extend(sinks(piece, chain[0].produced.last()));
    }
    out
}

/// A `br_table` with fewer labels; a `call_indirect` into a table of the one function it
/// reached.
fn reshaped(search: &Search, instr: &Instr, chain: &[&TraceStep], piece: &Piece) -> Vec<Reduction> {
    match instr {
        // The same choice among fewer labels: at most two, at most two deep.
        Instr::BrTable(labels, default) => {
            let deepest = labels.iter().chain([default]).copied().max().unwrap_or(0).min(2);
            let mut out = Vec::new();
            for max in 0..=deepest {
                for len in 0..=labels.len().min(2) {
                    for choice in 0..(max + 1).pow(len as u32 + 1) {
                        let mut digits: Vec<u32> =
                            (0..=len).map(|i| choice / (max + 1).pow(i as u32) % (max + 1)).collect();
                        let d = digits.pop().unwrap_or(0);
                        if digits.iter().chain([&d]).copied().max() != Some(max)
                            || (digits[..] == labels[..] && d == *default)
                        {
                            continue;
                        }
                        let Some(body) = br_table_body(&digits, d) else { continue };
                        let func =
                            format!("(func (export \"{ISOLATE}\") (param i32) (result i32)\n    {body}\n  )");
                        out.push(Reduction {
                            module: format!("(module\n  {func}\n)\n"),
                            args: piece.args.clone(),
                        });
                    }
                }
            }
            out.truncate(40);
            out
        }
        // A table of the one function the call reached, of its own type, whose body traps.
        Instr::CallIndirect(_, y) => {
            let types = || search.case.module.types.iter().flat_map(|r| r.0.iter());
            let Some(CompType::Func(call)) = types().nth(*y as usize).map(|t| &t.comp) else { return vec![] };
            let callee = chain
                .iter()
                .find(|c| c.rule.id().starts_with("Step_read/table.get"))
                .and_then(|c| c.produced.last())
                .and_then(|v| match v {
                    Val::Ref(Ref::Func(a)) => code_of(search.store, *a),
                    _ => None,
                });
            let Some(callee) = callee else { return vec![] };
            let list = |ts: &[ValType]| ts.iter().map(|t| valtype(*t)).collect::<Option<Vec<_>>>();
            let (Some(p), Some(r), Some(q), Some(s)) =
                (list(&call.params), list(&call.results), list(&callee.ty.params), list(&callee.ty.results))
            else {
                return vec![];
            };
            let sig = |p: &[String], r: &[String]| {
                let mut t = String::new();
                if !p.is_empty() {
                    t += &format!(" (param {})", p.join(" "));
                }
                if !r.is_empty() {
                    t += &format!(" (result {})", r.join(" "));
                }
                t
            };
            let gets: String = (0..p.len()).map(|i| format!("    local.get {i}\n")).collect();
            let module = format!(
                "(module\n  (type $call (func{}))\n  (type $callee (func{}))\n  (table 1 funcref)\n  \
                 (elem (i32.const 0) func $callee)\n  (func $callee (type $callee)\n    unreachable\n  )\n  \
                 (func (export \"{ISOLATE}\"){}\n{gets}    i32.const 0\n    call_indirect (type $call)\n  )\n)\n",
                sig(&p, &r),
                sig(&q, &s),
                sig(&p, &r),
            );
            let mut args = piece.args.clone();
            args.pop();
            vec![Reduction { module, args }]
        }
        _ => Vec::new(),
    }
}

fn valtype(t: ValType) -> Option<String> {
    match t {
        ValType::Bot => None,
        t => Some(t.to_string()),
    }
}

/// A module as text, without its custom sections (a piece's export would clash with names
/// nowhere, and the text is what a maintainer reads).
pub fn print(wasm: &[u8]) -> String {
    let stripped =
        crate::lockstep::shrink::edit::without_custom_sections(wasm).unwrap_or_else(|| wasm.to_vec());
    wasmprinter::print_bytes(&stripped).unwrap_or_default()
}

/// A module's text with one more field before its closing parenthesis.
pub fn with_field(module: &str, field: &str) -> Option<String> {
    let end = module.trim_end().strip_suffix(')')?;
    Some(format!("{}\n  {field}\n)\n", end.trim_end()))
}

/// Run a piece in both engines: the piece, if they differ on it.
fn run(search: &Search, spec: Spec, context: Option<&str>, cache: &mut Cache) -> Option<Piece> {
    let module = match context {
        None => format!("(module\n  {}\n)\n", spec.func),
        Some(text) => with_field(text, &spec.func)?,
    };
    let key = {
        let mut h = DefaultHasher::new();
        module.hash(&mut h);
        for v in &spec.args {
            v.to_string().hash(&mut h);
        }
        if context.is_some() {
            for (n, a) in search.prior {
                n.hash(&mut h);
                for v in a {
                    v.to_string().hash(&mut h);
                }
            }
        }
        h.finish()
    };
    if cache.spent >= BUDGET {
        return None;
    }
    cache.spent += 1;
    if let Some(known) = cache.runs.get(&key) {
        return known.clone();
    }
    let piece = run_piece(&module, &spec, context.map(|_| search.prior).unwrap_or(&[]));
    cache.runs.insert(key, piece.clone());
    piece
}

fn run_piece(module: &str, spec: &Spec, prior: &[(String, Vec<Val>)]) -> Option<Piece> {
    let wasm = assemble(module).ok()?;
    let m = front_end(&wasm).ok()?;
    let mut invocations = prior.to_vec();
    invocations.push((ISOLATE.to_string(), spec.args.clone()));
    let case = Case { wasm, module: Rc::new(m), invocations };
    let finding = differential(&case)?;
    let (name, _) = finding.invocation.as_ref()?;
    (name == ISOLATE).then(|| Piece {
        standalone: prior.is_empty(),
        module: module.to_string(),
        func: spec.func.clone(),
        args: spec.args.clone(),
        what: finding.what,
    })
}

/// For a numeric instruction, the numeric function at issue, applied to `args`, with the
/// reference's result (that of the instruction's steps).
fn numeric(instr: &Instr, chain: &[&TraceStep], args: &[Val]) -> Option<Numeric> {
    let (name, sizes) = numeric_name(instr)?;
    let traps = chain
        .iter()
        .any(|s| s.rule == rules::STEP_PURE__BINOP_TRAP || s.rule == rules::STEP_PURE__CVTOP_TRAP);
    Some(Numeric {
        applied: format!("{name}_{sizes}"),
        name,
        rule: dispatch::rule(instr),
        args: args.to_vec(),
        result: if traps { None } else { chain[0].produced.last().copied() },
    })
}

fn bits(t: NumType) -> u32 {
    match t {
        NumType::I32 | NumType::F32 => 32,
        NumType::I64 | NumType::F64 => 64,
    }
}

/// The spec's name of the numeric function a scalar numeric instruction applies
/// (`irem_s` for `i32.rem_s`), and the sizes it is applied at (`32`; `64,32` for a
/// conversion from 64 bits to 32).
pub fn numeric_name(instr: &Instr) -> Option<(String, String)> {
    let sx = |s: &Sx| if *s == Sx::S { "s" } else { "u" };
    let (name, sizes): (String, String) = match instr {
        Instr::Unop(t, Unop::Int(op)) => (
            match op {
                IUnop::Clz => "iclz".into(),
                IUnop::Ctz => "ictz".into(),
                IUnop::Popcnt => "ipopcnt".into(),
                IUnop::Extend(m) => format!("iextend{}_s", m.bits()),
            },
            bits(*t).to_string(),
        ),
        Instr::Unop(t, Unop::Float(op)) => (
            match op {
                FUnop::Abs => "fabs",
                FUnop::Neg => "fneg",
                FUnop::Sqrt => "fsqrt",
                FUnop::Ceil => "fceil",
                FUnop::Floor => "ffloor",
                FUnop::Trunc => "ftrunc",
                FUnop::Nearest => "fnearest",
            }
            .into(),
            bits(*t).to_string(),
        ),
        Instr::Binop(t, Binop::Int(op)) => (
            match op {
                IBinop::Add => "iadd".into(),
                IBinop::Sub => "isub".into(),
                IBinop::Mul => "imul".into(),
                IBinop::Div(s) => format!("idiv_{}", sx(s)),
                IBinop::Rem(s) => format!("irem_{}", sx(s)),
                IBinop::And => "iand".into(),
                IBinop::Or => "ior".into(),
                IBinop::Xor => "ixor".into(),
                IBinop::Shl => "ishl".into(),
                IBinop::Shr(s) => format!("ishr_{}", sx(s)),
                IBinop::Rotl => "irotl".into(),
                IBinop::Rotr => "irotr".into(),
            },
            bits(*t).to_string(),
        ),
        Instr::Binop(t, Binop::Float(op)) => (
            match op {
                FBinop::Add => "fadd",
                FBinop::Sub => "fsub",
                FBinop::Mul => "fmul",
                FBinop::Div => "fdiv",
                FBinop::Min => "fmin",
                FBinop::Max => "fmax",
                FBinop::Copysign => "fcopysign",
            }
            .into(),
            bits(*t).to_string(),
        ),
        Instr::Testop(t, _) => ("ieqz".into(), bits(*t).to_string()),
        Instr::Relop(t, Relop::Int(op)) => (
            match op {
                IRelop::Eq => "ieq".into(),
                IRelop::Ne => "ine".into(),
                IRelop::Lt(s) => format!("ilt_{}", sx(s)),
                IRelop::Gt(s) => format!("igt_{}", sx(s)),
                IRelop::Le(s) => format!("ile_{}", sx(s)),
                IRelop::Ge(s) => format!("ige_{}", sx(s)),
            },
            bits(*t).to_string(),
        ),
        Instr::Relop(t, Relop::Float(op)) => (
            match op {
                FRelop::Eq => "feq",
                FRelop::Ne => "fne",
                FRelop::Lt => "flt",
                FRelop::Gt => "fgt",
                FRelop::Le => "fle",
                FRelop::Ge => "fge",
            }
            .into(),
            bits(*t).to_string(),
        ),
        Instr::Cvtop(to, from, op) => (
            match op {
                Cvtop::Extend(s) => format!("extend_{}", sx(s)),
                Cvtop::Wrap => "wrap".into(),
                Cvtop::Convert(s) => format!("convert_{}", sx(s)),
                Cvtop::Reinterpret => "reinterpret".into(),
                Cvtop::Trunc(s) => format!("trunc_{}", sx(s)),
                Cvtop::TruncSat(s) => format!("trunc_sat_{}", sx(s)),
                Cvtop::Promote => "promote".into(),
                Cvtop::Demote => "demote".into(),
            },
            format!("{},{}", bits(*from), bits(*to)),
        ),
        _ => return None,
    };
    Some((name, sizes))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The instruction texts are found at the offsets the decoder gives the instructions.
    #[test]
    fn texts_at_the_decoders_offsets() {
        let wasm = assemble(
            r#"(module (memory 1)
                 (func (export "f") (param i32 i32) (result i32)
                   (i32.rem_s (local.get 0) (local.get 1))
                   (i32.load offset=4 (local.get 0))
                   (drop)))"#,
        )
        .unwrap();
        let module = front_end(&wasm).unwrap();
        let texts = instr_texts(&wasm);
        let body = &module.funcs[0].body;
        let shown: Vec<&str> = body.offsets.iter().filter_map(|o| texts.get(o).map(|t| t.as_str())).collect();
        assert_eq!(
            shown,
            ["local.get 0", "local.get 1", "i32.rem_s", "local.get 0", "i32.load offset=4", "drop"]
        );
        assert_eq!(instr_at(&module, 0, body.offsets[2]), Some(&body.instrs[2]));
    }

    /// The spec's names of the numeric functions, with their sizes.
    #[test]
    fn numeric_names() {
        let name = |text: &str, params: &str, result: &str| {
            let wasm = assemble(&format!(
                "(module (func (param {params}) (result {result}) {} {text}))",
                (0..params.split(' ').count()).map(|i| format!("local.get {i} ")).collect::<String>()
            ))
            .unwrap();
            let module = front_end(&wasm).unwrap();
            let (n, s) = numeric_name(&module.funcs[0].body.instrs[params.split(' ').count()]).unwrap();
            format!("{n}_{s}")
        };
        assert_eq!(name("i32.rem_s", "i32 i32", "i32"), "irem_s_32");
        assert_eq!(name("i64.shr_u", "i64 i64", "i64"), "ishr_u_64");
        assert_eq!(name("f32.min", "f32 f32", "f32"), "fmin_32");
        assert_eq!(name("i32.trunc_sat_f64_u", "f64", "i32"), "trunc_sat_u_64,32");
        assert_eq!(name("i64.extend8_s", "i64", "i64"), "iextend8_s_64");
        assert_eq!(name("i64.eqz", "i64", "i32"), "ieqz_64");
    }
}
