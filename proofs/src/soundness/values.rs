//! `Val_ok` and `Ref_ok` (4.x, "Values"; appendix, "Soundness"), against a closed type:
//! type indices are the store's canonical defined types.

use super::Violation;
use lockstep::exec::runtime::Store;
use lockstep::rules;
use lockstep::runtime::{Ref, Val};
use lockstep::syntax::{AbsHeapType, HeapType, RefType, ValType};
use lockstep::valid::canon::DefType;

/// `Val_ok: s |- val : t`: the value has a type that matches `t` (`bot`, the type of no
/// value, stands for an operand the validator leaves unconstrained).
pub fn val_ok(s: &Store, v: Val, t: ValType) -> Result<(), Violation> {
    let fits = match (v, t) {
        (_, ValType::Bot) => true,
        (Val::I32(_), ValType::I32) | (Val::I64(_), ValType::I64) => true,
        (Val::F32(_), ValType::F32) | (Val::F64(_), ValType::F64) => true,
        (Val::V128(_), ValType::V128) => true,
        (Val::Ref(r), ValType::Ref(rt)) => return ref_ok(s, r, rt),
        _ => false,
    };
    match fits {
        true => Ok(()),
        false => {
            let rule = match v {
                Val::V128(_) => rules::VAL_OK__VEC,
                Val::Ref(_) => rules::VAL_OK__REF,
                _ => rules::VAL_OK__NUM,
            };
            Err(Violation::new(rule, format!("{v} is no value of type {t}")))
        }
    }
}

/// `Ref_ok: s |- ref : rt` with `Ref_ok/sub`: a null is of every nullable type, a function
/// address of its function's defined type and each declared supertype (and of `func`), a
/// host reference of `extern`; an `i31`, structure, array or exception of its own type.
pub fn ref_ok(s: &Store, r: Ref, rt: RefType) -> Result<(), Violation> {
    let (rule, fits) = match r {
        Ref::Null(_) => (rules::REF_OK__NULL, rt.nullable),
        Ref::Func(a) => {
            let Some(f) = s.funcs.get(a as usize) else {
                return Err(Violation::new(rules::REF_OK__FUNC, format!("no function at address {a}")));
            };
            let fits = match rt.heap {
                HeapType::Abs(AbsHeapType::Func) => true,
                HeapType::Idx(id) => f.deftype == DefType(id) || s.types.deftype_sub(f.deftype, DefType(id)),
                HeapType::Abs(_) => false,
            };
            (rules::REF_OK__FUNC, fits)
        }
        Ref::Extern(_) => (rules::REF_OK__HOST, rt.heap == HeapType::Abs(AbsHeapType::Extern)),
        // GC's references: their heap type, then `Ref_ok/sub` by the store's own subtyping of
        // heap types (not an independent model of it).
        Ref::Host(_) => (rules::REF_OK__HOST, sub(s, HeapType::Abs(AbsHeapType::Any), rt)),
        Ref::ExternOf(_) => (rules::REF_OK__EXTERN, sub(s, HeapType::Abs(AbsHeapType::Extern), rt)),
        Ref::I31(_) => (rules::REF_OK__I31, sub(s, HeapType::Abs(AbsHeapType::I31), rt)),
        Ref::Exn(a) => {
            (rules::REF_OK__EXN, (a as usize) < s.exns.len() && sub(s, HeapType::Abs(AbsHeapType::Exn), rt))
        }
        Ref::Struct(a) => {
            let ty = s.structs.get(a as usize).map(|i| i.ty);
            (rules::REF_OK__STRUCT, ty.is_some_and(|d| sub(s, HeapType::Idx(d.0), rt)))
        }
        Ref::Array(a) => {
            let ty = s.arrays.get(a as usize).map(|i| i.ty);
            (rules::REF_OK__ARRAY, ty.is_some_and(|d| sub(s, HeapType::Idx(d.0), rt)))
        }
    };
    match fits {
        true => Ok(()),
        false => {
            Err(Violation::new(rule, format!("{} is no reference of type {}", Val::Ref(r), ValType::Ref(rt))))
        }
    }
}

/// `Reftype_sub` for a non-null reference of heap type `ht`, by the store's canonical types.
fn sub(s: &Store, ht: HeapType, rt: RefType) -> bool {
    lockstep::valid::matching::heaptype_sub(&s.types, ht, rt.heap)
}
