//! Matching (spec 3.3, SpecTec `2.2-validation.subtyping`): `t_1 <: t_2`.
//!
//! Wasm 2.0 has no subtyping beyond the bottom type of unreachable code: there these reduce
//! to equality plus `bot`. The abstract heap types of 3.0 are ordered here already; a defined
//! type matches the types equivalent to it and the abstract type of its kind, since declared
//! supertypes come with GC, not checked yet.

use super::Context;
use crate::syntax::{AbsHeapType, CompType, FuncType, HeapType, RefType, TypeIdx, ValType};

/// `Valtype_sub`: `t_1 <: t_2`.
pub fn valtype_sub(c: &Context, t1: ValType, t2: ValType) -> bool {
    match (t1, t2) {
        // Valtype_sub/bot
        (ValType::Bot, _) => true,
        // Valtype_sub/ref
        (ValType::Ref(r1), ValType::Ref(r2)) => reftype_sub(c, r1, r2),
        // Valtype_sub/num, Valtype_sub/vec
        _ => t1 == t2,
    }
}

/// `Resulttype_sub`: `t_1* <: t_2*`, pointwise.
pub fn resulttype_sub(c: &Context, ts1: &[ValType], ts2: &[ValType]) -> bool {
    ts1.len() == ts2.len() && ts1.iter().zip(ts2).all(|(&t1, &t2)| valtype_sub(c, t1, t2))
}

/// `Reftype_sub/nonnull`, `Reftype_sub/null`: `(REF null_1? ht_1) <: (REF null_2? ht_2)`.
pub fn reftype_sub(c: &Context, r1: RefType, r2: RefType) -> bool {
    (!r1.nullable || r2.nullable) && heaptype_sub(c, r1.heap, r2.heap)
}

/// `Heaptype_sub`: `ht_1 <: ht_2`.
pub fn heaptype_sub(c: &Context, h1: HeapType, h2: HeapType) -> bool {
    use AbsHeapType::*;
    match (h1, h2) {
        // Heaptype_sub/refl
        _ if h1 == h2 => true,
        // Heaptype_sub/bot
        (HeapType::Abs(Bot), _) => true,
        (HeapType::Abs(a), HeapType::Abs(b)) => absheaptype_sub(a, b),
        // Heaptype_sub/typeidx-l, /typeidx-r: equivalent types are one type.
        (HeapType::Idx(x), HeapType::Idx(y)) => canon(c, x).is_some_and(|x| canon(c, y) == Some(x)),
        // Heaptype_sub/struct, /array, /func (and on up the hierarchy)
        (HeapType::Idx(x), HeapType::Abs(b)) => kind(c, x).is_some_and(|a| absheaptype_sub(a, b)),
        // Heaptype_sub/none, /nofunc: the bottom of a hierarchy is below its defined types
        (HeapType::Abs(a @ (None | NoFunc)), HeapType::Idx(y)) => {
            kind(c, y).is_some_and(|b| absheaptype_sub(a, b))
        }
        _ => false,
    }
}

/// `Heaptype_sub` between abstract heap types: `Heaptype_sub/eq-any`, `/i31-eq`,
/// `/struct-eq`, `/array-eq`, `/none`, `/nofunc`, `/noextern`, `/noexn` and `/trans`.
fn absheaptype_sub(a: AbsHeapType, b: AbsHeapType) -> bool {
    use AbsHeapType::*;
    a == b
        || match b {
            Any => matches!(a, Eq | I31 | Struct | Array | None),
            Eq => matches!(a, I31 | Struct | Array | None),
            I31 | Struct | Array => a == None,
            Func => a == NoFunc,
            Extern => a == NoExtern,
            Exn => a == NoExn,
            _ => false,
        }
}

/// Type equivalence, for the type `x` just defined in `C.TYPES` and checked (so that it
/// refers to earlier types and itself only): two types are one when their recursion groups
/// are equal with indices into the group made relative to it and the others replaced by their
/// representatives. Only groups of one function type are checked (larger ones are GC's), so
/// the form of a group is its function type with `SELF` for itself; the first type of each
/// form represents all.
pub fn define_type(c: &mut Context, x: TypeIdx) {
    let st = c.types.get(x as usize).copied();
    let rep = match st.map(|st| &st.comp) {
        Some(CompType::Func(ft)) => {
            let forms = |ts: &[ValType]| ts.iter().map(|&t| form(c, x, t)).collect();
            let key = FuncType { params: forms(&ft.params), results: forms(&ft.results) };
            *c.forms.entry(key).or_insert(x)
        }
        _ => x,
    };
    c.canon.push(rep);
}

/// A reference to the group itself, in canonical forms; no type has this index.
const SELF: TypeIdx = TypeIdx::MAX;

fn form(c: &Context, x: TypeIdx, t: ValType) -> ValType {
    match t {
        ValType::Ref(RefType { nullable, heap: HeapType::Idx(y) }) => {
            let y = if y == x { SELF } else { canon(c, y).unwrap_or(y) };
            ValType::Ref(RefType { nullable, heap: HeapType::Idx(y) })
        }
        t => t,
    }
}

/// The representative of type `x`.
fn canon(c: &Context, x: TypeIdx) -> Option<TypeIdx> {
    c.canon.get(usize::try_from(x).ok()?).copied()
}

/// The abstract heap type of a defined type's kind (`struct`, `array` or `func`).
fn kind(c: &Context, x: u32) -> Option<AbsHeapType> {
    let st = c.types.get(usize::try_from(x).ok()?)?;
    Some(match st.comp {
        CompType::Struct(_) => AbsHeapType::Struct,
        CompType::Array(_) => AbsHeapType::Array,
        CompType::Func(_) => AbsHeapType::Func,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Spec;

    #[test]
    fn wasm2_matching_is_equality_plus_bot() {
        let c = Context::new(Spec::V2);
        assert!(valtype_sub(&c, ValType::I32, ValType::I32));
        assert!(!valtype_sub(&c, ValType::I32, ValType::I64));
        assert!(valtype_sub(&c, ValType::Bot, ValType::V128));
        assert!(valtype_sub(&c, ValType::Bot, ValType::FUNCREF));
        assert!(!valtype_sub(&c, ValType::FUNCREF, ValType::EXTERNREF));
        assert!(!valtype_sub(&c, ValType::FUNCREF, ValType::Bot));
        assert!(resulttype_sub(&c, &[ValType::Bot, ValType::I32], &[ValType::F32, ValType::I32]));
        assert!(!resulttype_sub(&c, &[ValType::I32], &[]));
    }

    #[test]
    fn abstract_heap_types_form_hierarchies() {
        use AbsHeapType::*;
        let c = Context::new(Spec::V3);
        let sub = |a, b| heaptype_sub(&c, HeapType::Abs(a), HeapType::Abs(b));
        assert!(sub(I31, Any) && sub(None, Struct) && sub(NoFunc, Func) && sub(NoExn, Exn));
        assert!(!sub(Func, Any) && !sub(Extern, Any) && !sub(Any, Eq) && !sub(NoExtern, Func));
        let non_null = RefType { nullable: false, heap: HeapType::Abs(Func) };
        assert!(reftype_sub(&c, non_null, RefType::FUNCREF));
        assert!(!reftype_sub(&c, RefType::FUNCREF, non_null));
    }
}
