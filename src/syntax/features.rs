//! The features of WebAssembly: the proposals merged into the spec since 1.0, each named as
//! lockstep's messages name it (`unsupported: gc`, `unsupported by the compiler: v128`,
//! `multi-memory is not part of Wasm 2.0`).
//!
//! Which feature an instruction belongs to is written once, in the table of the instruction
//! set ([`super::opcodes`]); what a module's definitions use, outside its code, is
//! [`Module::declared_features`].

use super::{AbsHeapType, AddrType, CompType, DataMode, ElemMode, Expr, ExternType, FuncType, HeapType};
use super::{Module, RecType, RefType, SubType, ValType};
use crate::Spec;

/// A feature: Wasm 1.0 (`Mvp`) or a proposal merged into 2.0 or 3.0. The order is that of
/// dependence: a feature comes after those whose constructs its own are made of (SIMD before
/// relaxed SIMD, tail calls before typed function references), so that the first of a set is
/// its most basic ([`Features::first`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Feature {
    Mvp,
    SignExtension,
    NonTrappingFloatToInt,
    MultiValue,
    BulkMemory,
    ReferenceTypes,
    /// 128-bit SIMD, named by its type `v128`, as the messages have always named it.
    Simd,
    TailCall,
    ExtendedConst,
    MultiMemory,
    Memory64,
    Exceptions,
    FunctionReferences,
    Gc,
    RelaxedSimd,
}

impl Feature {
    /// Every feature, in order.
    pub const ALL: [Feature; 15] = [
        Feature::Mvp,
        Feature::SignExtension,
        Feature::NonTrappingFloatToInt,
        Feature::MultiValue,
        Feature::BulkMemory,
        Feature::ReferenceTypes,
        Feature::Simd,
        Feature::TailCall,
        Feature::ExtendedConst,
        Feature::MultiMemory,
        Feature::Memory64,
        Feature::Exceptions,
        Feature::FunctionReferences,
        Feature::Gc,
        Feature::RelaxedSimd,
    ];

    /// The name messages use: the proposal's, but `v128` for SIMD.
    pub const fn name(self) -> &'static str {
        match self {
            Feature::Mvp => "mvp",
            Feature::SignExtension => "sign-extension",
            Feature::NonTrappingFloatToInt => "nontrapping-float-to-int",
            Feature::MultiValue => "multi-value",
            Feature::BulkMemory => "bulk-memory",
            Feature::ReferenceTypes => "reference-types",
            Feature::Simd => "v128",
            Feature::TailCall => "tail-call",
            Feature::ExtendedConst => "extended-const",
            Feature::MultiMemory => "multi-memory",
            Feature::Memory64 => "memory64",
            Feature::Exceptions => "exceptions",
            Feature::FunctionReferences => "function-references",
            Feature::Gc => "gc",
            Feature::RelaxedSimd => "relaxed-simd",
        }
    }

    /// The first version of the spec with the feature: 2.0 for 1.0's and 2.0's, else 3.0.
    pub const fn since(self) -> Spec {
        match self {
            Feature::Mvp
            | Feature::SignExtension
            | Feature::NonTrappingFloatToInt
            | Feature::MultiValue
            | Feature::BulkMemory
            | Feature::ReferenceTypes
            | Feature::Simd => Spec::V2,
            _ => Spec::V3,
        }
    }

    /// Whether the feature is part of `spec`.
    pub const fn in_spec(self, spec: Spec) -> bool {
        matches!((self.since(), spec), (Spec::V2, _) | (Spec::V3, Spec::V3))
    }

    /// The feature of this name.
    pub fn from_name(name: &str) -> Option<Feature> {
        Feature::ALL.into_iter().find(|f| f.name() == name)
    }
}

impl std::fmt::Display for Feature {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of features.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Default)]
pub struct Features(u32);

impl Features {
    pub const EMPTY: Features = Features(0);
    /// Every feature.
    pub const ALL: Features = Features((1 << Feature::ALL.len()) - 1);
    /// Wasm 2.0: 1.0 and the proposals merged into 2.0.
    pub const V2: Features = Features((1 << Feature::TailCall as u32) - 1);

    pub const fn of(f: Feature) -> Features {
        Features(1 << f as u32)
    }

    pub const fn with(self, f: Feature) -> Features {
        Features(self.0 | 1 << f as u32)
    }

    pub const fn contains(self, f: Feature) -> bool {
        self.0 & 1 << f as u32 != 0
    }

    pub const fn union(self, other: Features) -> Features {
        Features(self.0 | other.0)
    }

    pub const fn minus(self, other: Features) -> Features {
        Features(self.0 & !other.0)
    }

    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The features of the set, in order.
    pub fn iter(self) -> impl Iterator<Item = Feature> {
        Feature::ALL.into_iter().filter(move |f| self.contains(*f))
    }

    /// The most basic feature of the set: what an engine that lacks all of them names.
    pub fn first(self) -> Option<Feature> {
        self.iter().next()
    }

    /// The most basic feature of the set that `supported` lacks: what an engine that
    /// supports those names when it refuses a construct that needs these.
    pub fn first_missing(self, supported: Features) -> Option<Feature> {
        self.minus(supported).first()
    }
}

impl FromIterator<Feature> for Features {
    fn from_iter<I: IntoIterator<Item = Feature>>(iter: I) -> Features {
        iter.into_iter().fold(Features::EMPTY, Features::with)
    }
}

impl std::fmt::Debug for Features {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter().map(Feature::name)).finish()
    }
}

impl RecType {
    /// The function type of a type definition as Wasm 2.0 has them: a recursion group of one
    /// final function type without supertypes. Any other is GC's.
    pub fn as_func(&self) -> Option<&FuncType> {
        match &*self.0 {
            [st] if st.is_final && st.supertypes.is_empty() => match &st.comp {
                CompType::Func(ft) => Some(ft),
                _ => None,
            },
            _ => None,
        }
    }
}

impl RefType {
    /// The features a reference type is of: 2.0's `funcref` and `externref` need
    /// reference types; a non-null reference or a defined (concrete) heap type needs typed
    /// function references; the heap types of GC's hierarchy (`any`, `eq`, `i31`, `struct`,
    /// `array`, `none`) and the bottom types `nofunc`, `noextern` are GC's; `exn` and `noexn`
    /// are exceptions'.
    pub fn requires(self) -> Features {
        use AbsHeapType::*;
        let heap = match self.heap {
            HeapType::Abs(Func | Extern) => Features::of(Feature::ReferenceTypes),
            HeapType::Abs(Exn | NoExn) => Features::of(Feature::Exceptions),
            HeapType::Abs(Any | Eq | I31 | Struct | Array | None | NoFunc | NoExtern) => {
                Features::of(Feature::Gc)
            }
            HeapType::Abs(Bot) => Features::EMPTY,
            HeapType::Idx(_) => Features::of(Feature::FunctionReferences),
        };
        match self.nullable {
            true => heap,
            false => heap.with(Feature::FunctionReferences),
        }
    }
}

impl ValType {
    /// The features a value type is of: `v128` is SIMD's, reference types as
    /// [`RefType::requires`] says, numbers are 1.0's.
    pub fn requires(self) -> Features {
        match self {
            ValType::V128 => Features::of(Feature::Simd),
            ValType::Ref(rt) => rt.requires(),
            _ => Features::EMPTY,
        }
    }
}

impl Module {
    /// The features the module's definitions use outside its code, each by one test:
    ///
    /// - [`Feature::Gc`]: a defined type other than [`RecType::as_func`]'s (an empty
    ///   recursion group defines none);
    /// - [`Feature::MultiMemory`]: more than one memory, imported or defined;
    /// - [`Feature::Memory64`]: a memory or table, imported or defined, of address type `i64`;
    /// - [`Feature::Exceptions`]: a tag, imported or defined;
    /// - and the features of the value types ([`ValType::requires`]) of the parameters and
    ///   results of function types, of globals and tables (imported or defined), of element
    ///   segments (whose non-null `(ref func)` 2.0 wrote `funcref`) and of the locals of
    ///   functions: `v128` is [`Feature::Simd`], a non-null or
    ///   typed reference [`Feature::FunctionReferences`], GC's and exceptions' heap types
    ///   theirs.
    ///
    /// Instructions are the table's ([`super::Instr::requires`]), those of constant
    /// expressions ([`Module::const_exprs`]) as well as those of code.
    pub fn declared_features(&self) -> Features {
        let mut fs = Features::EMPTY;
        let plain = |r: &RecType, st: &SubType| r.0.len() == 1 && st.is_final && st.supertypes.is_empty();
        let gc = |r: &RecType| r.0.iter().any(|st| !plain(r, st) || !matches!(st.comp, CompType::Func(_)));
        if self.types.iter().any(gc) {
            fs = fs.with(Feature::Gc);
        }
        if self.mems.len() + self.imported_mems().count() > 1 {
            fs = fs.with(Feature::MultiMemory);
        }
        let i64_mem =
            self.mems.iter().map(|m| m.ty).chain(self.imported_mems()).any(|t| t.addr == AddrType::I64);
        let i64_table =
            self.tables.iter().map(|t| t.ty).chain(self.imported_tables()).any(|t| t.addr == AddrType::I64);
        if i64_mem || i64_table {
            fs = fs.with(Feature::Memory64);
        }
        if !self.tags.is_empty() || self.imports.iter().any(|i| matches!(i.desc, ExternType::Tag(_))) {
            fs = fs.with(Feature::Exceptions);
        }
        let in_types = self.types.iter().flat_map(|r| r.0.iter()).flat_map(|st| match &st.comp {
            CompType::Func(ft) => ft.params.iter().chain(&ft.results).copied().collect::<Vec<_>>(),
            _ => Vec::new(),
        });
        let globals = self.globals.iter().map(|g| g.ty.val).chain(self.imported_globals().map(|g| g.val));
        let tables = self.tables.iter().map(|t| t.ty.elem).chain(self.imported_tables().map(|t| t.elem));
        // A segment of function indices has type `(ref func)` in 3.0: only a defined heap
        // type, or another hierarchy, says more of an element segment than 2.0 did.
        let elems = self.elems.iter().map(|e| RefType { nullable: true, ..e.ty });
        let locals = self.funcs.iter().flat_map(|f| f.locals.iter().copied());
        let vals = in_types.chain(globals).chain(locals).chain(tables.chain(elems).map(ValType::Ref));
        fs = vals.fold(fs, |fs, t| fs.union(t.requires()));
        self.const_exprs().flat_map(|e| e.instrs.iter()).fold(fs, |fs, i| fs.union(i.requires()))
    }

    /// Every constant expression of the module: the initial values of globals and tables,
    /// the elements of element segments, and the offsets of active segments.
    pub fn const_exprs(&self) -> impl Iterator<Item = &Expr> {
        let elem_offsets = self.elems.iter().filter_map(|e| match &e.mode {
            ElemMode::Active(_, offset) => Some(offset),
            _ => None,
        });
        let data_offsets = self.datas.iter().filter_map(|d| match &d.mode {
            DataMode::Active(_, offset) => Some(offset),
            _ => None,
        });
        (self.globals.iter().map(|g| &g.init))
            .chain(self.tables.iter().map(|t| &t.init))
            .chain(self.elems.iter().flat_map(|e| &e.init))
            .chain(elem_offsets)
            .chain(data_offsets)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_messages() {
        let names: Vec<&str> = Feature::ALL.iter().map(|f| f.name()).collect();
        for name in
            ["gc", "v128", "function-references", "tail-call", "exceptions", "memory64", "multi-memory"]
        {
            assert!(names.contains(&name), "{name}");
        }
        for f in Feature::ALL {
            assert_eq!(Feature::from_name(f.name()), Some(f));
        }
        assert_eq!(Feature::ALL.iter().copied().collect::<Features>(), Features::ALL);
    }

    #[test]
    fn reference_types_say_their_features() {
        use AbsHeapType::*;
        let rt = |nullable, heap| RefType { nullable, heap };
        assert_eq!(rt(true, HeapType::Abs(Func)).requires(), Features::of(Feature::ReferenceTypes));
        let non_null = rt(false, HeapType::Abs(Extern)).requires();
        assert!(non_null.contains(Feature::FunctionReferences) && non_null.contains(Feature::ReferenceTypes));
        assert_eq!(rt(true, HeapType::Idx(0)).requires(), Features::of(Feature::FunctionReferences));
        assert_eq!(rt(true, HeapType::Abs(NoFunc)).requires(), Features::of(Feature::Gc));
        assert_eq!(rt(true, HeapType::Abs(I31)).requires(), Features::of(Feature::Gc));
        assert_eq!(rt(true, HeapType::Abs(Exn)).requires(), Features::of(Feature::Exceptions));
        assert_eq!(ValType::V128.requires(), Features::of(Feature::Simd));
        assert_eq!(ValType::I64.requires(), Features::EMPTY);
        // A module's definitions: a non-null local, a typed table, GC's constant
        // instructions; a segment of function indices (`(ref func)` in 3.0) is 2.0's.
        let typed = ValType::Ref(rt(false, HeapType::Idx(0)));
        let func = crate::syntax::Func { ty: 0, locals: vec![typed], body: Expr::new(vec![]) };
        let m = Module { funcs: vec![func], ..Module::default() };
        assert!(m.declared_features().contains(Feature::FunctionReferences));
        let elem =
            crate::syntax::Elem { ty: rt(false, HeapType::Abs(Func)), init: vec![], mode: ElemMode::Passive };
        let m = Module { elems: vec![elem], ..Module::default() };
        assert!(m.declared_features().minus(Features::V2).is_empty());
        let gc_const = Expr::new(vec![
            crate::syntax::Instr::Const(crate::syntax::Num::I32(7)),
            crate::syntax::Instr::RefI31,
        ]);
        let global = crate::syntax::Global {
            ty: crate::syntax::GlobalType { mutable: false, val: ValType::EXTERNREF },
            init: gc_const,
        };
        let m = Module { globals: vec![global], ..Module::default() };
        assert!(m.declared_features().contains(Feature::Gc));
    }

    #[test]
    fn sets_are_ordered_by_dependence() {
        let v2: Vec<Feature> = Features::V2.iter().collect();
        assert_eq!(v2, Feature::ALL.into_iter().filter(|f| f.in_spec(Spec::V2)).collect::<Vec<_>>());
        assert!(Features::V2.contains(Feature::Simd) && !Features::V2.contains(Feature::TailCall));
        let relaxed = Features::of(Feature::RelaxedSimd).with(Feature::Simd);
        assert_eq!(relaxed.first(), Some(Feature::Simd));
        assert_eq!(relaxed.first_missing(Features::V2), Some(Feature::RelaxedSimd));
        let return_call_ref = Features::of(Feature::FunctionReferences).with(Feature::TailCall);
        assert_eq!(return_call_ref.first(), Some(Feature::TailCall));
        let tail_calls = Features::V2.with(Feature::TailCall);
        assert_eq!(return_call_ref.first_missing(tail_calls), Some(Feature::FunctionReferences));
        assert_eq!(return_call_ref.first_missing(Features::ALL), None);
    }
}
