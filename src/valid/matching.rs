//! Matching (spec 3.3, SpecTec `2.2-validation.subtyping`): `t_1 <: t_2`.
//!
//! Wasm 2.0 has no subtyping beyond the bottom type of unreachable code: there these reduce
//! to equality plus `bot`. 3.0 orders the abstract heap types in hierarchies, and a defined
//! type matches the types equivalent to it, its declared supertypes, and the abstract type of
//! its kind.
//!
//! The judgments are written once for both places type indices can point ([`TypeSpace`]):
//! into the types of a module under validation (its context `C`), or, for closed types,
//! into the canonical types of a store ([`Types`], whose indices are [`DefType`]s), which is
//! where linking matches them.

use super::Context;
use super::canon::{DefType, Types, close_global, close_table};
use crate::rules::{self, Rule};
use crate::syntax::{AbsHeapType, CompType, ExternType, FieldType, GlobalType, HeapType, Limits};
use crate::syntax::{MemType, RefType, StorageType, TableType, TypeIdx, ValType};

/// What the type indices in heap types denote: defined types, of which a judgment needs
/// their kind and whether one is a subtype of another.
pub trait TypeSpace {
    /// The abstract heap type of the defined type's kind (`func`, `struct`, `array`), or
    /// `None` for an index that denotes no type.
    fn kind(&self, x: TypeIdx) -> Option<AbsHeapType>;

    /// `Heaptype_sub` between two defined types (`/typeidx-l`, `/typeidx-r` with
    /// `Deftype_sub/refl`, `/super`): a type equivalent to `y` is `x` or up its chain of
    /// declared supertypes.
    fn deftype_sub(&self, x: TypeIdx, y: TypeIdx) -> bool;
}

/// The types of a module under validation, by type index: equivalent types are one by their
/// canonical identity, and a type of the group being checked (not interned yet) is only
/// itself.
impl TypeSpace for Context<'_> {
    fn kind(&self, x: TypeIdx) -> Option<AbsHeapType> {
        Some(match self.types.get(x as usize)?.comp {
            CompType::Struct(_) => AbsHeapType::Struct,
            CompType::Array(_) => AbsHeapType::Array,
            CompType::Func(_) => AbsHeapType::Func,
        })
    }

    fn deftype_sub(&self, x: TypeIdx, y: TypeIdx) -> bool {
        let same = |z: TypeIdx| {
            z == y
                || matches!((self.ids.get(z as usize), self.ids.get(y as usize)), (Some(a), Some(b)) if a == b)
        };
        supertypes(self, x).any(same)
    }
}

/// Closed types: indices are canonical identities.
impl TypeSpace for Types {
    fn kind(&self, x: TypeIdx) -> Option<AbsHeapType> {
        self.contains(DefType(x)).then(|| Types::kind(self, DefType(x)))
    }

    fn deftype_sub(&self, x: TypeIdx, y: TypeIdx) -> bool {
        self.contains(DefType(x)) && Types::deftype_sub(self, DefType(x), DefType(y))
    }
}

/// `Valtype_sub`: `t_1 <: t_2`.
pub fn valtype_sub<S: TypeSpace + ?Sized>(c: &S, t1: ValType, t2: ValType) -> bool {
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
pub fn resulttype_sub<S: TypeSpace + ?Sized>(c: &S, ts1: &[ValType], ts2: &[ValType]) -> bool {
    ts1.len() == ts2.len() && ts1.iter().zip(ts2).all(|(&t1, &t2)| valtype_sub(c, t1, t2))
}

/// `Reftype_sub/nonnull`, `Reftype_sub/null`: `(REF null_1? ht_1) <: (REF null_2? ht_2)`.
pub fn reftype_sub<S: TypeSpace + ?Sized>(c: &S, r1: RefType, r2: RefType) -> bool {
    (!r1.nullable || r2.nullable) && heaptype_sub(c, r1.heap, r2.heap)
}

/// `Heaptype_sub`: `ht_1 <: ht_2`.
pub fn heaptype_sub<S: TypeSpace + ?Sized>(c: &S, h1: HeapType, h2: HeapType) -> bool {
    use AbsHeapType::*;
    match (h1, h2) {
        // Heaptype_sub/refl
        _ if h1 == h2 => true,
        // Heaptype_sub/bot
        (HeapType::Abs(Bot), _) => true,
        (HeapType::Abs(a), HeapType::Abs(b)) => absheaptype_sub(a, b),
        // Heaptype_sub/typeidx-l, /typeidx-r, with Deftype_sub/refl, /super: a type equivalent
        // to `ht_2` is up the chain of declared supertypes of `ht_1`.
        (HeapType::Idx(x), HeapType::Idx(y)) => c.deftype_sub(x, y),
        // Heaptype_sub/struct, /array, /func (and on up the hierarchy)
        (HeapType::Idx(x), HeapType::Abs(b)) => c.kind(x).is_some_and(|a| absheaptype_sub(a, b)),
        // Heaptype_sub/none, /nofunc: the bottom of a hierarchy is below its defined types
        (HeapType::Abs(a @ (None | NoFunc)), HeapType::Idx(y)) => {
            c.kind(y).is_some_and(|b| absheaptype_sub(a, b))
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
pub fn top<S: TypeSpace + ?Sized>(c: &S, ht: HeapType) -> AbsHeapType {
    use AbsHeapType::*;
    match ht {
        HeapType::Idx(x) => c.kind(x).map_or(Any, |k| if k == Func { Func } else { Any }),
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
pub fn comptype_sub<S: TypeSpace + ?Sized>(c: &S, ct1: &CompType, ct2: &CompType) -> bool {
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
pub fn fieldtype_sub<S: TypeSpace + ?Sized>(c: &S, ft1: FieldType, ft2: FieldType) -> bool {
    ft1.mutable == ft2.mutable
        && storagetype_sub(c, ft1.storage, ft2.storage)
        && (!ft1.mutable || storagetype_sub(c, ft2.storage, ft1.storage))
}

/// `Storagetype_sub/val`, `Storagetype_sub/pack`.
pub fn storagetype_sub<S: TypeSpace + ?Sized>(c: &S, zt1: StorageType, zt2: StorageType) -> bool {
    match (zt1, zt2) {
        (StorageType::Val(t1), StorageType::Val(t2)) => valtype_sub(c, t1, t2),
        (zt1, zt2) => zt1 == zt2,
    }
}

// External types: what linking matches (`Externaddr_ok/sub`: `{} |- xt' <: xt`).

/// An external type closed (`$clos_externtype`): its types are closed (see [`super::canon`]),
/// a function's or tag's a canonical defined type rather than an index into some module's
/// types, and so are the reference types of tables and globals. Both the import, closed by
/// the identities of the importing module's types, and the provided value, as the store holds
/// it, are written so; a table's or memory's limits are then its current size and its
/// maximum (`Externaddr_ok/table`, `/mem`: the instance's type, which growing updates).
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum ClosedExternType {
    Func(DefType),
    Table(TableType),
    Mem(MemType),
    Global(GlobalType),
    Tag(DefType),
}

impl ClosedExternType {
    /// An import's external type, closed by the identities `ids` of the importing module's
    /// type indices; `None` for a function or tag whose index has none.
    pub fn of_import(desc: &ExternType, ids: &[DefType]) -> Option<ClosedExternType> {
        let ty = |x: TypeIdx| ids.get(x as usize).copied();
        Some(match *desc {
            ExternType::Func(x) => ClosedExternType::Func(ty(x)?),
            ExternType::Table(tt) => ClosedExternType::Table(close_table(ids, tt)),
            ExternType::Mem(mt) => ClosedExternType::Mem(mt),
            ExternType::Global(gt) => ClosedExternType::Global(close_global(ids, gt)),
            ExternType::Tag(tt) => ClosedExternType::Tag(ty(tt.0)?),
        })
    }
}

/// The rule of `Externtype_sub` for an external type's kind (`Externtype_sub/func`, ...):
/// what a mismatch of that import cites.
pub fn externtype_sub_rule(xt: &ExternType) -> Rule {
    match xt {
        ExternType::Func(_) => rules::EXTERNTYPE_SUB__FUNC,
        ExternType::Table(_) => rules::EXTERNTYPE_SUB__TABLE,
        ExternType::Mem(_) => rules::EXTERNTYPE_SUB__MEM,
        ExternType::Global(_) => rules::EXTERNTYPE_SUB__GLOBAL,
        ExternType::Tag(_) => rules::EXTERNTYPE_SUB__TAG,
    }
}

/// `Externtype_sub`: `{} |- xt_1 <: xt_2`, the external type of a provided value against an
/// import's, both closed over `types`. `Err` names the rule that does not hold: the one of
/// `xt_2`'s kind, whose premise failed or, for a value of another kind, whose conclusion does
/// not match.
pub fn externtype_sub(types: &Types, xt1: &ClosedExternType, xt2: &ClosedExternType) -> Result<(), Rule> {
    use ClosedExternType as X;
    let (holds, rule) = match (xt1, xt2) {
        (X::Func(dt1), X::Func(dt2)) => (types.deftype_sub(*dt1, *dt2), rules::EXTERNTYPE_SUB__FUNC),
        (X::Table(tt1), X::Table(tt2)) => (tabletype_sub(types, tt1, tt2), rules::EXTERNTYPE_SUB__TABLE),
        (X::Mem(mt1), X::Mem(mt2)) => (memtype_sub(mt1, mt2), rules::EXTERNTYPE_SUB__MEM),
        (X::Global(gt1), X::Global(gt2)) => (globaltype_sub(types, gt1, gt2), rules::EXTERNTYPE_SUB__GLOBAL),
        (X::Tag(dt1), X::Tag(dt2)) => (tagtype_sub(types, *dt1, *dt2), rules::EXTERNTYPE_SUB__TAG),
        (_, xt2) => (false, closed_rule(xt2)),
    };
    if holds { Ok(()) } else { Err(rule) }
}

fn closed_rule(xt: &ClosedExternType) -> Rule {
    match xt {
        ClosedExternType::Func(_) => rules::EXTERNTYPE_SUB__FUNC,
        ClosedExternType::Table(_) => rules::EXTERNTYPE_SUB__TABLE,
        ClosedExternType::Mem(_) => rules::EXTERNTYPE_SUB__MEM,
        ClosedExternType::Global(_) => rules::EXTERNTYPE_SUB__GLOBAL,
        ClosedExternType::Tag(_) => rules::EXTERNTYPE_SUB__TAG,
    }
}

/// `Tagtype_sub`: `Deftype_sub` both ways.
fn tagtype_sub(types: &Types, dt1: DefType, dt2: DefType) -> bool {
    types.deftype_sub(dt1, dt2) && types.deftype_sub(dt2, dt1)
}

/// `Limits_sub/max`, `Limits_sub/eps`: `[n_1 .. m_1?] <: [n_2 .. m_2?]`, over `u64` (the
/// limits of 64-bit memories and tables as well).
pub fn limits_sub(l1: Limits, l2: Limits) -> bool {
    l1.min >= l2.min && l2.max.is_none_or(|m2| l1.max.is_some_and(|m1| m1 <= m2))
}

/// `Globaltype_sub/const`, `Globaltype_sub/var`: a mutable global's type is invariant.
pub fn globaltype_sub<S: TypeSpace + ?Sized>(c: &S, gt1: &GlobalType, gt2: &GlobalType) -> bool {
    gt1.mutable == gt2.mutable
        && valtype_sub(c, gt1.val, gt2.val)
        && (!gt1.mutable || valtype_sub(c, gt2.val, gt1.val))
}

/// `Memtype_sub`: the same address type, and `Limits_sub`.
pub fn memtype_sub(mt1: &MemType, mt2: &MemType) -> bool {
    mt1.addr == mt2.addr && limits_sub(mt1.limits, mt2.limits)
}

/// `Tabletype_sub`: the same address type, `Limits_sub`, and element types equivalent
/// (`Reftype_sub` both ways).
pub fn tabletype_sub<S: TypeSpace + ?Sized>(c: &S, tt1: &TableType, tt2: &TableType) -> bool {
    tt1.addr == tt2.addr
        && limits_sub(tt1.limits, tt2.limits)
        && reftype_sub(c, tt1.elem, tt2.elem)
        && reftype_sub(c, tt2.elem, tt1.elem)
}

/// Type equivalence, for the recursion group just defined at `C.TYPES[x..]` and checked:
/// it is interned in the context's own canonical types ([`super::canon`]), and its types get
/// the identities of an equivalent group defined before, if there is one.
pub fn define_group(c: &mut Context, x: TypeIdx) {
    let group = c.types.get(x as usize..).unwrap_or(&[]);
    let first = c.defs.intern_group(group.iter().copied(), x, &c.ids);
    let n = group.len() as u32;
    c.ids.extend((0..n).map(|i| DefType(first.0 + i)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Spec;
    use crate::syntax::FuncType;

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
    fn external_types_match_by_kind_and_cite_their_rule() {
        use crate::syntax::{RecType, SubType};
        use ClosedExternType as X;
        let limits = |min, max| Limits { min, max };
        let mut types = Types::new();
        let f = types.intern_func(&FuncType::new(vec![ValType::I32], vec![]));
        let g = types.intern_func(&FuncType::new(vec![ValType::I64], vec![]));
        // $super, open to subtypes, and $sub below it; and a copy of both in another group
        // list, which is the same two types.
        let open = |sups: &[u32]| SubType {
            is_final: false,
            supertypes: sups.into(),
            comp: CompType::Func(FuncType::new(vec![ValType::I32], vec![])),
        };
        let group = |st| RecType(Box::new([st]));
        let ids = types.intern_module(&[group(open(&[])), group(open(&[0]))]);
        let (sup, sub) = (ids[0], ids[1]);
        let again = types.intern_module(&[group(open(&[])), group(open(&[0]))]);
        assert_eq!(again, ids);
        let xsub = |a: &X, b: &X| externtype_sub(&types, a, b);
        assert_eq!(xsub(&X::Func(f), &X::Func(f)), Ok(()));
        assert_eq!(xsub(&X::Func(g), &X::Func(f)), Err(rules::EXTERNTYPE_SUB__FUNC));
        assert_eq!(xsub(&X::Tag(g), &X::Tag(f)), Err(rules::EXTERNTYPE_SUB__TAG));
        // Deftype_sub/super: a function of a subtype matches an import of its supertype, not
        // the other way round; and neither is the final type of the same structure.
        assert_eq!(xsub(&X::Func(sub), &X::Func(sup)), Ok(()));
        assert_eq!(xsub(&X::Func(sup), &X::Func(sub)), Err(rules::EXTERNTYPE_SUB__FUNC));
        assert_eq!(xsub(&X::Func(f), &X::Func(sup)), Err(rules::EXTERNTYPE_SUB__FUNC));
        // Tags are matched both ways.
        assert_eq!(xsub(&X::Tag(sub), &X::Tag(sup)), Err(rules::EXTERNTYPE_SUB__TAG));
        // Limits: at least the minimum, at most the maximum; 64-bit ones alike.
        let mem = |addr, min, max| X::Mem(MemType { addr, limits: limits(min, max) });
        let i32_ = crate::syntax::AddrType::I32;
        let i64_ = crate::syntax::AddrType::I64;
        assert_eq!(xsub(&mem(i32_, 2, Some(3)), &mem(i32_, 1, Some(4))), Ok(()));
        assert_eq!(xsub(&mem(i32_, 2, None), &mem(i32_, 1, None)), Ok(()));
        assert_eq!(xsub(&mem(i32_, 2, None), &mem(i32_, 1, Some(4))), Err(rules::EXTERNTYPE_SUB__MEM));
        assert_eq!(xsub(&mem(i32_, 0, None), &mem(i32_, 1, None)), Err(rules::EXTERNTYPE_SUB__MEM));
        assert_eq!(xsub(&mem(i64_, 1 << 40, None), &mem(i64_, 1 << 33, None)), Ok(()));
        assert_eq!(xsub(&mem(i64_, 1, None), &mem(i32_, 1, None)), Err(rules::EXTERNTYPE_SUB__MEM));
        // Table elements are invariant; an immutable global's type is covariant.
        let table = |elem| X::Table(TableType { addr: i32_, limits: limits(1, None), elem });
        let non_null = RefType { nullable: false, heap: HeapType::Abs(AbsHeapType::Func) };
        assert_eq!(xsub(&table(RefType::FUNCREF), &table(RefType::FUNCREF)), Ok(()));
        assert_eq!(xsub(&table(non_null), &table(RefType::FUNCREF)), Err(rules::EXTERNTYPE_SUB__TABLE));
        let global = |mutable, val| X::Global(GlobalType { mutable, val });
        let (nn, null) = (ValType::Ref(non_null), ValType::FUNCREF);
        assert_eq!(xsub(&global(false, nn), &global(false, null)), Ok(()));
        assert_eq!(xsub(&global(true, nn), &global(true, null)), Err(rules::EXTERNTYPE_SUB__GLOBAL));
        assert_eq!(xsub(&global(true, null), &global(false, null)), Err(rules::EXTERNTYPE_SUB__GLOBAL));
        // Closed reference types: `(ref $sub)` is below `(ref null $super)` and `funcref`.
        let to = |nullable, t: DefType| ValType::Ref(RefType { nullable, heap: HeapType::Idx(t.0) });
        assert_eq!(xsub(&global(false, to(false, sub)), &global(false, to(true, sup))), Ok(()));
        assert_eq!(xsub(&global(false, to(false, sub)), &global(false, null)), Ok(()));
        assert_eq!(
            xsub(&global(false, to(true, sup)), &global(false, to(true, sub))),
            Err(rules::EXTERNTYPE_SUB__GLOBAL)
        );
        // A value of another kind: the rule of the import's.
        assert_eq!(xsub(&X::Func(f), &mem(i32_, 0, None)), Err(rules::EXTERNTYPE_SUB__MEM));
        assert_eq!(xsub(&mem(i32_, 0, None), &X::Func(f)), Err(rules::EXTERNTYPE_SUB__FUNC));
        // An import closed by its module's types: its indices become identities.
        assert_eq!(ClosedExternType::of_import(&ExternType::Func(1), &ids), Some(X::Func(sub)));
        assert_eq!(ClosedExternType::of_import(&ExternType::Func(2), &ids), None);
        let import = ExternType::Global(GlobalType { mutable: false, val: to(true, DefType(1)) });
        assert_eq!(ClosedExternType::of_import(&import, &ids), Some(global(false, to(true, sub))));
        let rule = externtype_sub_rule(&ExternType::Tag(crate::syntax::TagType(0)));
        assert_eq!(rule, rules::EXTERNTYPE_SUB__TAG);
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
