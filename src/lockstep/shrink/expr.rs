//! Reductions of function bodies that wasm-shrink lacks, on the straight-line parts of a
//! body. Each instruction there, with the instructions that compute its operands (its
//! *subtree*: they lie just before it, as the stack machine evaluates them), is tried
//!
//! - *materialized*: replaced by a constant, the value the reference computed for it in the
//!   diverging invocation (the first time it ran);
//! - *dropped*, where it leaves nothing on the stack (a store, a `local.set`, a `drop`);
//! - *passed through*: replaced by one of its operands' subtrees, the others dropped.
//!
//! The predicate decides, as for every step; a body with control flow is reduced between its
//! blocks, where the stack is straight.

use crate::exec::Reference;
use crate::exec::trace::trace;
use crate::lockstep::case::{Case, func_type};
use crate::lockstep::differential::referee;
use crate::runtime::{Config, Engine, ExternVal, NanChoice, Val};
use crate::syntax::{Instr, Module};
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

/// The index of the first instruction of the subtree rooted at `root` in `instrs`: the
/// instructions before it that compute its operands, all of straight-line code.
fn subtree(module: &Module, instrs: &[Instr], root: usize) -> Option<usize> {
    let (mut need, _) = arity(module, &instrs[root])?;
    let mut j = root;
    while need > 0 {
        j = j.checked_sub(1)?;
        let (c, p) = arity(module, &instrs[j])?;
        if p > need {
            return None;
        }
        need = need - p + c;
    }
    Some(j)
}

/// The reductions of the body of defined function `k` rooted at instruction `i`, each a
/// module: materialized, dropped, passed through.
pub(super) fn reductions(case: &Case, values: &HashMap<u32, Val>, k: usize, i: usize) -> Vec<Vec<u8>> {
    let module = &case.module;
    let body = &module.funcs[k].body;
    let (instrs, offsets) = (&body.instrs[..], &body.offsets[..]);
    let Some((c, p)) = arity(module, &instrs[i]) else { return vec![] };
    let Some(start) = subtree(module, instrs, i) else { return vec![] };
    let Some(&end) = offsets.get(i + 1) else { return vec![] };
    let range = offsets[start] as usize..end as usize;
    let mut out = Vec::new();
    let mut splice = |with: &[u8]| {
        if let Some(wasm) = super::edit::splice_code(&case.wasm, range.clone(), with) {
            out.push(wasm);
        }
    };
    if p == 0 {
        splice(&[]);
    }
    let params =
        module.types.iter().flat_map(|r| r.0.iter()).nth(module.funcs[k].ty as usize).map_or(0, |t| match &t
            .comp
        {
            crate::syntax::CompType::Func(ft) => ft.params.len(),
            _ => 0,
        });
    if p == 1
        && materializable(&instrs[i], params)
        && let Some(bytes) = values.get(&offsets[i]).and_then(constant)
    {
        splice(&bytes);
    }
    // Each operand's subtree in turn, the last first: it alone stands for the instruction.
    if p == 1 && c >= 1 {
        let mut to = i;
        for _ in 0..c {
            let Some(from) = to.checked_sub(1).and_then(|r| subtree(module, instrs, r)) else { break };
            if arity(module, &instrs[to - 1]).map(|a| a.1) != Some(1) {
                break;
            }
            let bytes = case.wasm[offsets[from] as usize..offsets[to] as usize].to_vec();
            splice(&bytes);
            to = from;
        }
    }
    out
}
