//! Matching (spec 3.3, SpecTec `2.2-validation.subtyping`): `t_1 <: t_2`.
//!
//! Wasm 2.0 has no subtyping beyond the bottom type of unreachable code: there these reduce
//! to equality plus `bot`. 3.0 orders the abstract heap types in hierarchies, and a defined
//! type matches the types equivalent to it, its declared supertypes, and the abstract type of
//! its kind.

use super::Context;
use crate::syntax::{AbsHeapType, CompType, FieldType, HeapType, RefType, StorageType, SubType};
use crate::syntax::{TypeIdx, ValType};

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
        // Heaptype_sub/typeidx-l, /typeidx-r, with Deftype_sub/refl, /super: a type equivalent
        // to `ht_2` is up the chain of declared supertypes of `ht_1`.
        (HeapType::Idx(x), HeapType::Idx(y)) => supertypes(c, x).any(|z| rep(c, z) == rep(c, y)),
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

/// The top of a heap type's hierarchy (the appendix's `top_heap_type`).
pub fn top(c: &Context, ht: HeapType) -> AbsHeapType {
    use AbsHeapType::*;
    match ht {
        HeapType::Idx(x) => kind(c, x).map_or(Any, |k| if k == Func { Func } else { Any }),
        HeapType::Abs(Func | NoFunc) => Func,
        HeapType::Abs(Extern | NoExtern) => Extern,
        HeapType::Abs(Exn | NoExn) => Exn,
        HeapType::Abs(_) => Any,
    }
}

/// `x` and its declared supertypes, on up: each earlier than the one before, as `Subtype_ok`
/// requires (the chain stops where a type breaks that).
pub(crate) fn supertypes<'c>(c: &'c Context, x: TypeIdx) -> impl Iterator<Item = TypeIdx> + 'c {
    let sup = move |&z: &TypeIdx| c.types.get(z as usize)?.supertypes.first().copied().filter(|&y| y < z);
    std::iter::successors(Some(x), sup)
}

/// `Comptype_sub/struct`, `/array`, `/func`: a struct type may add fields; functions are
/// contravariant in their parameters.
pub fn comptype_sub(c: &Context, ct1: &CompType, ct2: &CompType) -> bool {
    match (ct1, ct2) {
        (CompType::Struct(fts1), CompType::Struct(fts2)) => {
            fts1.len() >= fts2.len() && fts1.iter().zip(fts2).all(|(&ft1, &ft2)| fieldtype_sub(c, ft1, ft2))
        }
        (CompType::Array(ft1), CompType::Array(ft2)) => fieldtype_sub(c, *ft1, *ft2),
        (CompType::Func(ft1), CompType::Func(ft2)) => {
            resulttype_sub(c, &ft2.params, &ft1.params) && resulttype_sub(c, &ft1.results, &ft2.results)
        }
        _ => false,
    }
}

/// `Fieldtype_sub/const`, `Fieldtype_sub/var`: a mutable field's type is invariant.
pub fn fieldtype_sub(c: &Context, ft1: FieldType, ft2: FieldType) -> bool {
    ft1.mutable == ft2.mutable
        && storagetype_sub(c, ft1.storage, ft2.storage)
        && (!ft1.mutable || storagetype_sub(c, ft2.storage, ft1.storage))
}

/// `Storagetype_sub/val`, `Storagetype_sub/pack`.
pub fn storagetype_sub(c: &Context, zt1: StorageType, zt2: StorageType) -> bool {
    match (zt1, zt2) {
        (StorageType::Val(t1), StorageType::Val(t2)) => valtype_sub(c, t1, t2),
        (zt1, zt2) => zt1 == zt2,
    }
}

/// Type equivalence, for the recursion group just defined at `C.TYPES[x..]` and checked:
/// two groups are one when they are equal with indices into each made relative to it and the
/// other indices replaced by their representatives (the first index of each equivalence
/// class). The first group of each form represents all; `C.canon` records it.
pub fn define_group(c: &mut Context, x: TypeIdx) {
    let group: Box<[SubType]> =
        c.types.get(x as usize..).unwrap_or(&[]).iter().map(|st| rolled(c, x, st)).collect();
    let n = group.len() as u32;
    let first = *c.forms.entry(group).or_insert(x);
    c.canon.extend((0..n).map(|i| first + i));
}

/// The representative of type `x`; a type of the group being defined is its own.
fn rep(c: &Context, x: TypeIdx) -> TypeIdx {
    c.canon.get(x as usize).copied().unwrap_or(x)
}

/// `REC i`, a reference into the group itself, in canonical forms: index `REC - i`, which no
/// type has (a module cannot hold that many).
const REC: TypeIdx = TypeIdx::MAX;

/// `$roll_rectype`: the subtype of the group at `x..`, indices made canonical.
fn rolled(c: &Context, x: TypeIdx, st: &SubType) -> SubType {
    let idx = |y: TypeIdx| if y >= x { REC - (y - x) } else { rep(c, y) };
    let val = |t: ValType| match t {
        ValType::Ref(RefType { nullable, heap: HeapType::Idx(y) }) => {
            ValType::Ref(RefType { nullable, heap: HeapType::Idx(idx(y)) })
        }
        t => t,
    };
    let field = |ft: &FieldType| match ft.storage {
        StorageType::Val(t) => FieldType { storage: StorageType::Val(val(t)), ..*ft },
        StorageType::Pack(_) => *ft,
    };
    let vals = |ts: &[ValType]| ts.iter().map(|&t| val(t)).collect();
    let comp = match &st.comp {
        CompType::Struct(fts) => CompType::Struct(fts.iter().map(field).collect()),
        CompType::Array(ft) => CompType::Array(field(ft)),
        CompType::Func(ft) => {
            CompType::Func(crate::syntax::FuncType { params: vals(&ft.params), results: vals(&ft.results) })
        }
    };
    SubType { is_final: st.is_final, supertypes: st.supertypes.iter().map(|&y| idx(y)).collect(), comp }
}

/// The abstract heap type of a defined type's kind (`struct`, `array` or `func`).
fn kind(c: &Context, x: TypeIdx) -> Option<AbsHeapType> {
    Some(match c.types.get(x as usize)?.comp {
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
