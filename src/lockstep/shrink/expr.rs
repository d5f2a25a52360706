//! Reductions of function bodies that wasm-shrink lacks, on the straight-line parts of a
//! body. Each instruction there, with the instructions that compute its operands (its
//! *subtree*: they lie just before it, as the stack machine evaluates them), is tried
//!
//! - *materialized*: replaced by a constant, the value the reference computed for it in the
//!   diverging invocation (the first time it ran);
//! - *dropped*, where it leaves nothing on the stack (a store, a `local.set`, a `drop`);
//! - *passed through*: its last operand's subtree and it dropped, so that its first operand
//!   stands for it;
//! - for a `drop`, `local.set` or `global.set`: dropped with the instruction that pushed its
//!   operand, however far before it that is.
//!
//! A block, a loop or an `if` counts as one instruction of its block type (so a block that
//! leaves nothing is dropped whole). The predicate decides, as for every step.

use crate::exec::Reference;
use crate::exec::trace::trace;
use crate::lockstep::case::{Case, func_type};
use crate::lockstep::differential::referee;
use crate::runtime::{Config, Engine, ExternVal, NanChoice, Val};
use crate::syntax::{BlockType, CompType, Instr, Module};
use std::collections::HashMap;

/// The values each instruction (by byte offset) produced first in the reference's run of
/// the last invocation, after the others.
pub(super) fn values(case: &Case) -> HashMap<u32, Val> {
    let mut out = HashMap::new();
    let config = referee().reference.config;
    let mut r = Reference::new(Config { nans: NanChoice::X86, ..config });
    let Ok(inst) = r.instantiate(&case.module, &[]) else { return out };
    let Some(((name, args), before)) = case.invocations.split_last() else { return out };
    for (n, a) in before {
        if let Some(ExternVal::Func(f)) = r.export(inst, n) {
            let _ = r.invoke(f, a);
        }
    }
    let Some(ExternVal::Func(f)) = r.export(inst, name) else { return out };
    let _ = trace(&mut r.store, r.config, f, args, |s| {
        if let (Some(o), Some(v)) = (s.offset, s.produced.last()) {
            out.entry(o).or_insert(*v);
        }
        true
    });
    out
}

/// How many values an instruction pops and pushes, for the instructions of straight-line
/// code; `None` for control and for what the reductions leave alone.
fn arity(module: &Module, instr: &Instr) -> Option<(usize, usize)> {
    Some(match instr {
        Instr::Nop | Instr::DataDrop(_) | Instr::ElemDrop(_) => (0, 0),
        Instr::Drop | Instr::LocalSet(_) | Instr::GlobalSet(_) => (1, 0),
        Instr::Select(_) => (3, 1),
        Instr::Const(_)
        | Instr::LocalGet(_)
        | Instr::GlobalGet(_)
        | Instr::MemorySize(_)
        | Instr::TableSize(_)
        | Instr::RefNull(_)
        | Instr::RefFunc(_) => (0, 1),
        Instr::Unop(..)
        | Instr::Testop(..)
        | Instr::Cvtop(..)
        | Instr::LocalTee(_)
        | Instr::Load(..)
        | Instr::MemoryGrow(_)
        | Instr::TableGet(_)
        | Instr::RefIsNull => (1, 1),
        Instr::Binop(..) | Instr::Relop(..) | Instr::TableGrow(_) => (2, 1),
        Instr::Store(..) | Instr::TableSet(_) => (2, 0),
        Instr::MemoryFill(_)
        | Instr::MemoryCopy(..)
        | Instr::MemoryInit(..)
        | Instr::TableFill(_)
        | Instr::TableCopy(..)
        | Instr::TableInit(..) => (3, 0),
        Instr::Call(x) => {
            let ty = func_type(module, *x)?;
            (ty.params.len(), ty.results.len())
        }
        _ => return None,
    })
}

/// Whether the reference's value of an instruction may stand for it: not for a call (its
/// value is its callee's), nor for a constant, nor for a parameter (the invocation's
/// arguments say what it is, and a parameter nothing reads would be left).
fn materializable(instr: &Instr, params: usize) -> bool {
    match instr {
        Instr::Call(_) | Instr::Const(_) => false,
        Instr::LocalGet(x) => *x as usize >= params,
        _ => true,
    }
}

/// A constant instruction's encoding (spec 5.4.8), for a number.
fn constant(v: &Val) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    match v {
        Val::I32(i) => {
            out.push(0x41);
            sleb(&mut out, *i as i32 as i64);
        }
        Val::I64(i) => {
            out.push(0x42);
            sleb(&mut out, *i as i64);
        }
        Val::F32(z) => {
            out.push(0x43);
            out.extend_from_slice(&z.0.to_le_bytes());
        }
        Val::F64(z) => {
            out.push(0x44);
            out.extend_from_slice(&z.0.to_le_bytes());
        }
        _ => return None,
    }
    Some(out)
}

fn sleb(out: &mut Vec<u8>, mut v: i64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if (v == 0 && b & 0x40 == 0) || (v == -1 && b & 0x40 != 0) {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// The arities of a block type: parameters and results.
fn block_arity(module: &Module, bt: &BlockType) -> Option<(usize, usize)> {
    match bt {
        BlockType::Result(t) => Some((0, t.is_some() as usize)),
        BlockType::Idx(x) => {
            let CompType::Func(ft) = &module.types.iter().flat_map(|r| r.0.iter()).nth(*x as usize)?.comp
            else {
                return None;
            };
            Some((ft.params.len(), ft.results.len()))
        }
    }
}

/// A node of straight-line code that ends at instruction `end`: the instruction, or where it
/// is the `end` of a block, a loop or an `if`, the whole of it. Its first instruction, and
/// how many values it pops and pushes (an `if` pops its condition too).
fn node(module: &Module, instrs: &[Instr], end: usize) -> Option<(usize, usize, usize)> {
    if instrs[end] != Instr::End {
        let (c, p) = arity(module, &instrs[end])?;
        return Some((end, c, p));
    }
    let mut depth = 0;
    for j in (0..end).rev() {
        match &instrs[j] {
            Instr::End => depth += 1,
            Instr::Block(bt) | Instr::Loop(bt) | Instr::If(bt) if depth == 0 => {
                let (c, p) = block_arity(module, bt)?;
                return Some((j, c + matches!(instrs[j], Instr::If(_)) as usize, p));
            }
            Instr::Block(_) | Instr::Loop(_) | Instr::If(_) | Instr::TryTable(..) => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The index of the first instruction of the subtree rooted at the node that ends at `root`:
/// the nodes before it that compute its operands, all of straight-line code.
fn subtree(module: &Module, instrs: &[Instr], root: usize) -> Option<usize> {
    let (mut j, mut need, _) = node(module, instrs, root)?;
    while need > 0 {
        let (first, c, p) = node(module, instrs, j.checked_sub(1)?)?;
        if p > need {
            return None;
        }
        need = need - p + c;
        j = first;
    }
    Some(j)
}

/// The node that pushed the value `depth` places below the top of the stack as it is before
/// instruction `at`: where it ends, if it pushed that one value alone.
fn producer(module: &Module, instrs: &[Instr], at: usize, mut depth: usize) -> Option<usize> {
    let mut j = at;
    loop {
        let end = j.checked_sub(1)?;
        let (first, c, p) = node(module, instrs, end)?;
        if depth < p {
            return (p == 1).then_some(end);
        }
        depth = depth - p + c;
        j = first;
    }
}

/// The reductions of the body of defined function `k` rooted at the node that ends at
/// instruction `i`, each a module: dropped (with its operands), materialized, passed through,
/// or for an instruction that pops one value and pushes none, dropped with the node that
/// pushed that value, however far.
pub(super) fn reductions(case: &Case, values: &HashMap<u32, Val>, k: usize, i: usize) -> Vec<Vec<u8>> {
    let module = &case.module;
    let body = &module.funcs[k].body;
    let (instrs, offsets) = (&body.instrs[..], &body.offsets[..]);
    let Some(&end) = offsets.get(i + 1) else { return vec![] };
    let Some((first, c, p)) = node(module, instrs, i) else { return vec![] };
    let at = |j: usize| offsets[j] as usize;
    let mut out = Vec::new();
    let splice =
        |wasm: &[u8], range: std::ops::Range<usize>, with: &[u8]| super::edit::splice_code(wasm, range, with);
    if let Some(start) = subtree(module, instrs, i) {
        let range = at(start)..end as usize;
        // Dropped, with its operands.
        if p == 0 {
            out.extend(splice(&case.wasm, range.clone(), &[]));
        }
        // Materialized.
        if p == 1
            && materializable(&instrs[i], params(module, k))
            && let Some(bytes) = values.get(&offsets[i]).and_then(constant)
        {
            out.extend(splice(&case.wasm, range.clone(), &bytes));
        }
    }
    // Passed through: the last operand's subtree and the node dropped, the first operand
    // left where it is (for a node of one operand: the node alone dropped).
    if p == 1 && c >= 1 && c <= 2 {
        let from = match c {
            1 => Some(first),
            _ => first.checked_sub(1).and_then(|r| {
                let (_, _, q) = node(module, instrs, r)?;
                (q == 1).then_some(())?;
                subtree(module, instrs, r)
            }),
        };
        if let Some(from) = from {
            out.extend(splice(&case.wasm, at(from)..end as usize, &[]));
        }
    }
    // A `drop`, `local.set` or `global.set` with the node that pushed its operand.
    if (c, p) == (1, 0)
        && first == i
        && let Some(pusher) = producer(module, instrs, i, 0)
        && let Some(start) = subtree(module, instrs, pusher)
        && let Some(without) = splice(&case.wasm, at(i)..end as usize, &[])
    {
        out.extend(splice(&without, at(start)..at(pusher + 1), &[]));
    }
    out
}

/// The number of parameters of defined function `k`.
fn params(module: &Module, k: usize) -> usize {
    let ty = module.types.iter().flat_map(|r| r.0.iter()).nth(module.funcs[k].ty as usize);
    ty.map_or(0, |t| match &t.comp {
        CompType::Func(ft) => ft.params.len(),
        _ => 0,
    })
}
