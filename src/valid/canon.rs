//! Canonical defined types (spec 3.3.2 *Type equivalence*, 4.2 *closed types*): an interner of
//! recursion groups, so that every defined type has one identity, [`DefType`], and two
//! defined types are equivalent exactly when their identities are equal.
//!
//! In the spec a type index of a module is closed over the module's types (`$clos_deftype`):
//! it becomes a `deftype`, a recursion group with the index of one of its subtypes, in which
//! references to other groups are themselves closed. Two closed defined types are equivalent
//! when they are equal as terms, which is what iso-recursive type equivalence means: the
//! groups are compared *rolled* (`$roll_rectype`), references into the group itself as
//! group-relative indices (`REC i`), references to other groups by the identity of the type
//! they name. [`Types`] keeps one entry per rolled group: interning a group whose rolled
//! form it already holds gives that group's identities back, so that equivalent types get
//! the same [`DefType`] whichever module defined them.
//!
//! A [`DefType`] indexes the subtypes of all groups interned so far, each kept *closed*: every
//! [`HeapType::Idx`] in it and every supertype it declares is another [`DefType`] of the same
//! [`Types`] (a reference into its own group is unrolled to its member's identity). Closed
//! value types, table types and global types are written the same way: an index is a
//! [`DefType`], not a type index of some module ([`close_val`] and the like close them).
//!
//! Where the interner lives: one per store. A reference engine's store and a compiler's
//! store each hold their own, and every identity is meaningful only within it: the store's
//! function, table and global instances carry closed types whose indices are its
//! [`DefType`]s. Nothing compares identities of two stores: the referee compares values,
//! traps and link errors, which each engine derives from its own interner by the same
//! rules. A store's interner lives and dies with the store, so a fuzzer that makes a store
//! per case does not accumulate types, as a process-wide or thread-wide one would; no lock
//! is needed, and identities depend only on what the store was given, so traces repeat.
//! The validator interns the groups of the module it checks in an interner of its own.

use crate::syntax::{AbsHeapType, CompType, FieldType, FuncType, GlobalType, HeapType, RecType, RefType};
use crate::syntax::{StorageType, SubType, TableType, TypeIdx, ValType};
use std::collections::HashMap;

/// A canonical defined type: the identity of a subtype of a recursion group in a [`Types`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DefType(pub u32);

/// In a rolled group, `REC i` (the group's own subtype `i`) is written as index `REC + i`;
/// identities of other groups stay below it.
const REC: u32 = 1 << 31;

/// The interner: the rolled form of every group interned, and every subtype closed.
#[derive(Clone, Debug, Default)]
pub struct Types {
    /// Each rolled group, and the identity of its first subtype.
    groups: HashMap<Box<[SubType]>, u32>,
    /// Each defined type, closed, by identity.
    defs: Vec<SubType>,
}

impl Types {
    pub fn new() -> Types {
        Types::default()
    }

    /// How many defined types are interned.
    pub fn len(&self) -> usize {
        self.defs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.defs.is_empty()
    }

    /// Intern the recursion group whose subtypes are `group`, defined at type index `x` of a
    /// module whose earlier type indices have the identities `ids` (`ids.len() == x`, and
    /// every index of the group is below `x + group.len()`, as validation ensures). Returns
    /// the identity of its first subtype; the others follow it in order.
    pub fn intern_group<'g, G>(&mut self, group: G, x: TypeIdx, ids: &[DefType]) -> DefType
    where
        G: IntoIterator<Item = &'g SubType, IntoIter: Clone>,
    {
        let group = group.into_iter();
        let outer = |y: TypeIdx| id_of(ids, y);
        let rolled: Box<[SubType]> = group
            .clone()
            .map(|st| map_subtype(st, |y| if y >= x { REC + (y - x) } else { outer(y) }))
            .collect();
        if let Some(&first) = self.groups.get(&rolled) {
            return DefType(first);
        }
        let first = u32::try_from(self.defs.len()).ok().filter(|&n| n < REC).expect("fewer than 2^31 types");
        for st in group {
            let closed = map_subtype(st, |y| if y >= x { first + (y - x) } else { outer(y) });
            self.defs.push(closed);
        }
        self.groups.insert(rolled, first);
        DefType(first)
    }

    /// Intern every recursion group of a module, in order: the identity of each type index.
    pub fn intern_module(&mut self, types: &[RecType]) -> Vec<DefType> {
        let mut ids = Vec::new();
        for rt in types {
            let x = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            let first = self.intern_group(rt.0.iter(), x, &ids);
            ids.extend((0..rt.0.len() as u32).map(|i| DefType(first.0 + i)));
        }
        ids
    }

    /// Intern a closed function type as Wasm 2.0 defines one (a group of one final subtype
    /// without supertypes): what a host function is given.
    pub fn intern_func(&mut self, ft: &FuncType) -> DefType {
        let st = SubType { is_final: true, supertypes: Box::new([]), comp: CompType::Func(ft.clone()) };
        // Its indices are identities already, none of them into the group: rolled, it is
        // itself.
        let rolled = [st.clone()];
        if let Some(&first) = self.groups.get(&rolled[..]) {
            return DefType(first);
        }
        let first = u32::try_from(self.defs.len()).ok().filter(|&n| n < REC).expect("fewer than 2^31 types");
        self.defs.push(st);
        self.groups.insert(Box::new(rolled), first);
        DefType(first)
    }

    /// The closed subtype of a defined type.
    pub fn subtype(&self, t: DefType) -> &SubType {
        &self.defs[t.0 as usize]
    }

    /// `Expand`: the composite type of a defined type, closed.
    pub fn expand(&self, t: DefType) -> &CompType {
        &self.subtype(t).comp
    }

    /// `Expand: dt ~~ FUNC t_1* -> t_2*`, or `None` for a struct or array type.
    pub fn func(&self, t: DefType) -> Option<&FuncType> {
        match self.expand(t) {
            CompType::Func(ft) => Some(ft),
            _ => None,
        }
    }

    /// The supertype a defined type declares, if any.
    pub fn supertype(&self, t: DefType) -> Option<DefType> {
        // A declared supertype is defined before its subtype, so the chain descends; a
        // chain that would not is cut, so that walking it always ends.
        self.subtype(t).supertypes.first().map(|&y| DefType(y)).filter(|&s| s < t)
    }

    /// `Deftype_sub/refl`, `Deftype_sub/super`: `dt_1` is `dt_2` (equivalent types have one
    /// identity) or has it up its chain of declared supertypes.
    pub fn deftype_sub(&self, dt1: DefType, dt2: DefType) -> bool {
        std::iter::successors(Some(dt1), |&t| self.supertype(t)).take_while(|&t| t >= dt2).any(|t| t == dt2)
    }

    /// The abstract heap type of a defined type's kind: `func`, `struct` or `array`.
    pub fn kind(&self, t: DefType) -> AbsHeapType {
        match self.expand(t) {
            CompType::Func(_) => AbsHeapType::Func,
            CompType::Struct(_) => AbsHeapType::Struct,
            CompType::Array(_) => AbsHeapType::Array,
        }
    }

    /// Is `t` the identity of an interned type?
    pub fn contains(&self, t: DefType) -> bool {
        (t.0 as usize) < self.defs.len()
    }
}

/// A subtype with every type index it holds mapped by `f`.
fn map_subtype(st: &SubType, f: impl Fn(TypeIdx) -> TypeIdx) -> SubType {
    let val = |t: ValType| map_val(t, &f);
    let field = |ft: &FieldType| match ft.storage {
        StorageType::Val(t) => FieldType { storage: StorageType::Val(val(t)), ..*ft },
        StorageType::Pack(_) => *ft,
    };
    let vals = |ts: &[ValType]| ts.iter().map(|&t| val(t)).collect();
    let comp = match &st.comp {
        CompType::Struct(fts) => CompType::Struct(fts.iter().map(field).collect()),
        CompType::Array(ft) => CompType::Array(field(ft)),
        CompType::Func(ft) => {
            CompType::Func(FuncType { params: vals(&ft.params), results: vals(&ft.results) })
        }
    };
    SubType { is_final: st.is_final, supertypes: st.supertypes.iter().map(|&y| f(y)).collect(), comp }
}

fn map_val(t: ValType, f: impl Fn(TypeIdx) -> TypeIdx) -> ValType {
    match t {
        ValType::Ref(rt) => ValType::Ref(map_ref(rt, f)),
        t => t,
    }
}

fn map_ref(rt: RefType, f: impl Fn(TypeIdx) -> TypeIdx) -> RefType {
    match rt.heap {
        HeapType::Idx(y) => RefType { heap: HeapType::Idx(f(y)), ..rt },
        HeapType::Abs(_) => rt,
    }
}

/// The identity of type index `y` of a module with the identities `ids` (`u32::MAX`, no type,
/// for an index out of range, which validation rules out).
fn id_of(ids: &[DefType], y: TypeIdx) -> TypeIdx {
    ids.get(y as usize).map_or(u32::MAX, |d| d.0)
}

/// `$clos_valtype`: a value type of a module closed by the identities of its type indices.
pub fn close_val(ids: &[DefType], t: ValType) -> ValType {
    map_val(t, |y| id_of(ids, y))
}

/// `$clos_reftype`.
pub fn close_ref(ids: &[DefType], rt: RefType) -> RefType {
    map_ref(rt, |y| id_of(ids, y))
}

/// A heap type closed.
pub fn close_heap(ids: &[DefType], ht: HeapType) -> HeapType {
    match ht {
        HeapType::Idx(y) => HeapType::Idx(id_of(ids, y)),
        ht => ht,
    }
}

/// A function type closed.
pub fn close_func(ids: &[DefType], ft: &FuncType) -> FuncType {
    let vals = |ts: &[ValType]| ts.iter().map(|&t| close_val(ids, t)).collect();
    FuncType { params: vals(&ft.params), results: vals(&ft.results) }
}

/// `$clos_tabletype`.
pub fn close_table(ids: &[DefType], tt: TableType) -> TableType {
    TableType { elem: close_ref(ids, tt.elem), ..tt }
}

/// `$clos_globaltype`.
pub fn close_global(ids: &[DefType], gt: GlobalType) -> GlobalType {
    GlobalType { val: close_val(ids, gt.val), ..gt }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{AbsHeapType, RefType};

    fn func(params: &[ValType], results: &[ValType]) -> SubType {
        SubType {
            is_final: true,
            supertypes: Box::new([]),
            comp: CompType::Func(FuncType::new(params, results)),
        }
    }

    fn open(sups: &[u32], params: &[ValType]) -> SubType {
        SubType { is_final: false, supertypes: sups.into(), comp: CompType::Func(FuncType::new(params, [])) }
    }

    fn ref_to(x: u32) -> ValType {
        ValType::Ref(RefType { nullable: true, heap: HeapType::Idx(x) })
    }

    #[test]
    fn equal_groups_of_two_modules_are_one_type() {
        let mut types = Types::new();
        // Module A: $f = [i32] -> [], $g = [(ref null $f)] -> [].
        let a = types.intern_module(&[
            RecType(Box::new([func(&[ValType::I32], &[])])),
            RecType(Box::new([func(&[ref_to(0)], &[])])),
        ]);
        // Module B defines them the other way round, with an unrelated type first.
        let b = types.intern_module(&[
            RecType(Box::new([func(&[ValType::F64], &[])])),
            RecType(Box::new([func(&[ValType::I32], &[])])),
            RecType(Box::new([func(&[ref_to(1)], &[])])),
        ]);
        assert_eq!(a[0], b[1]);
        assert_eq!(a[1], b[2]);
        assert_ne!(a[0], b[0]);
        assert_eq!(types.len(), 3);
        // Closed, $g's parameter names $f's identity.
        assert_eq!(types.func(a[1]).unwrap().params[0], ref_to(a[0].0));
        // A host function of the same type is the same type.
        assert_eq!(types.intern_func(&FuncType::new([ValType::I32], [])), a[0]);
    }

    #[test]
    fn recursion_groups_are_compared_rolled() {
        let mut types = Types::new();
        // rec { $a = [(ref null $b)] -> [], $b = [(ref null $a)] -> [] }, twice; and a group
        // of the same shape whose first type refers to itself instead.
        let group = |x: u32| RecType(Box::new([func(&[ref_to(x + 1)], &[]), func(&[ref_to(x)], &[])]));
        let m = types.intern_module(&[
            group(0),
            group(2),
            RecType(Box::new([func(&[ref_to(4)], &[]), func(&[ref_to(4)], &[])])),
        ]);
        assert_eq!((m[0], m[1]), (m[2], m[3]));
        assert_ne!(m[0], m[1]);
        assert_ne!(m[4], m[0]);
        // Each type's references, closed, are the identities of its group's members.
        assert_eq!(types.func(m[0]).unwrap().params[0], ref_to(m[1].0));
        assert_eq!(types.func(m[4]).unwrap().params[0], ref_to(m[4].0));
    }

    #[test]
    fn subtyping_climbs_declared_supertypes() {
        let mut types = Types::new();
        let m = types.intern_module(&[
            RecType(Box::new([open(&[], &[])])),
            RecType(Box::new([open(&[0], &[])])),
            RecType(Box::new([open(&[1], &[])])),
            RecType(Box::new([open(&[], &[ValType::I32])])),
        ]);
        assert!(
            types.deftype_sub(m[2], m[0]) && types.deftype_sub(m[2], m[1]) && types.deftype_sub(m[1], m[1])
        );
        assert!(!types.deftype_sub(m[0], m[2]) && !types.deftype_sub(m[3], m[0]));
        // A subtype is a type of its own: the same structure with another supertype is not
        // the type without one.
        assert_ne!(m[1], m[0]);
        assert_eq!(types.kind(m[0]), AbsHeapType::Func);
    }
}
