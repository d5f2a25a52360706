//! Runtime structure (spec 4.2): the store and the instances it holds.

use super::code::Code;
use crate::runtime::pages::Pages;
use crate::runtime::{Addr, Config, ExternVal, HostFunc, Ref, Usage, Val};
use crate::syntax::ValType;
use crate::syntax::{AbsHeapType, FuncType, GlobalType, HeapType, MemType, PAGE_SIZE, RefType, TableType};
use crate::valid::canon::{DefType, Types};
use std::rc::Rc;

/// `store`: every instance ever allocated; nothing is freed. Beside them, the canonical
/// defined types the instances' closed types name ([`crate::valid::canon`]).
#[derive(Default)]
pub struct Store {
    pub types: Types,
    pub funcs: Vec<FuncInst>,
    pub tables: Vec<TableInst>,
    pub mems: Vec<MemInst>,
    pub globals: Vec<GlobalInst>,
    pub tags: Vec<TagInst>,
    pub exns: Vec<ExnInst>,
    pub structs: Vec<StructInst>,
    pub arrays: Vec<ArrayInst>,
    pub elems: Vec<ElemInst>,
    pub datas: Vec<DataInst>,
    pub modules: Vec<ModuleInst>,
    /// The bytes of all memories and the elements of all tables, against the limits.
    pub usage: Usage,
    /// Free addresses of structures, arrays and exceptions, and the collector's state.
    pub heap: super::heap::Heap,
}

/// `funcinst`: a function with its type, and its code or host behaviour. `deftype` is its
/// `TYPE`, canonical; `ty` is what it expands to (`Expand: fi.TYPE ~~ FUNC t_1* -> t_2*`).
pub struct FuncInst {
    pub deftype: DefType,
    pub ty: Rc<FuncType>,
    pub code: FuncCode,
}

pub enum FuncCode {
    /// `{TYPE, MODULE, CODE}`: the module instance's address and the prepared body.
    Wasm { module: Addr, code: Rc<Code> },
    /// `{TYPE, HOSTFUNC}`
    Host(HostFunc),
}

/// `tableinst ::= {TYPE tabletype, REFS ref*}`.
pub struct TableInst {
    pub ty: TableType,
    pub refs: Vec<Ref>,
}

/// `meminst ::= {TYPE memtype, BYTES byte*}`; the bytes are mapped lazily.
pub struct MemInst {
    pub ty: MemType,
    pub bytes: Pages,
}

/// `globalinst ::= {TYPE globaltype, VALUE val}`.
pub struct GlobalInst {
    pub ty: GlobalType,
    pub value: Val,
}

/// `taginst ::= {TYPE tagtype}`: the tag's type closed, a defined function type.
pub struct TagInst {
    pub ty: DefType,
}

/// `exninst ::= {TAG tagaddr, FIELDS val*}`: a thrown exception.
pub struct ExnInst {
    pub tag: Addr,
    pub fields: Box<[Val]>,
}

/// `structinst ::= {TYPE deftype, FIELDS fieldval*}`: a packed field's value is kept as
/// an `i32` holding its bits (`PACK pt c`).
pub struct StructInst {
    pub ty: DefType,
    pub fields: Box<[Val]>,
}

/// `arrayinst ::= {TYPE deftype, FIELDS fieldval*}`, packed fields as in [`StructInst`].
pub struct ArrayInst {
    pub ty: DefType,
    pub fields: Vec<Val>,
}

/// `eleminst ::= {TYPE elemtype, REFS ref*}`.
pub struct ElemInst {
    pub ty: RefType,
    pub refs: Vec<Ref>,
}

/// `datainst ::= {BYTES byte*}`.
pub struct DataInst {
    pub bytes: Box<[u8]>,
}

/// `moduleinst`: the module's types and the addresses of everything it can reach. `deftypes`
/// are its `TYPES`, canonical; `types` the function types they expand to.
#[derive(Default)]
pub struct ModuleInst {
    pub deftypes: Vec<DefType>,
    pub types: Vec<Rc<FuncType>>,
    pub funcs: Vec<Addr>,
    pub tables: Vec<Addr>,
    pub mems: Vec<Addr>,
    pub globals: Vec<Addr>,
    pub tags: Vec<Addr>,
    pub elems: Vec<Addr>,
    pub datas: Vec<Addr>,
    pub exports: Vec<(String, ExternVal)>,
}

impl Store {
    /// Does the function at `a` have a type that matches the defined type `ty`? Its own, or
    /// one up its chain of declared supertypes (`Ref_ok/func`, `Ref_ok/sub`, `Deftype_sub`).
    #[inline]
    pub fn func_matches(&self, a: Addr, ty: DefType) -> bool {
        let dt = self.funcs[a as usize].deftype;
        dt == ty || self.types.deftype_sub(dt, ty)
    }

    /// `Val_ok`: `s |- val : t`, for a closed `t`. A reference by `Ref_ok`; a null by the
    /// hierarchy of the heap type it shows, as the script's and embedder's nulls are written
    /// with one (`ref.null extern` is no `funcref`).
    pub fn val_ok(&self, v: Val, t: ValType) -> bool {
        match (v, t) {
            (Val::Ref(r), ValType::Ref(rt)) => self.ref_ok(r, rt),
            (v, t) => v.has_type(t),
        }
    }

    /// `Ref_ok` and `Reftype_sub`: `s |- ref : rt'` with `rt' <: rt`.
    pub fn ref_ok(&self, r: Ref, rt: RefType) -> bool {
        use crate::valid::matching::{heaptype_sub, top};
        let abs = |a| heaptype_sub(&self.types, HeapType::Abs(a), rt.heap);
        let def = |d: DefType| heaptype_sub(&self.types, HeapType::Idx(d.0), rt.heap);
        match r {
            Ref::Null(ht) => rt.nullable && top(&self.types, ht) == top(&self.types, rt.heap),
            Ref::Func(a) => self
                .funcs
                .get(a as usize)
                .is_some_and(|f| heaptype_sub(&self.types, HeapType::Idx(f.deftype.0), rt.heap)),
            Ref::Extern(_) | Ref::ExternOf(_) => abs(AbsHeapType::Extern),
            Ref::Host(_) => abs(AbsHeapType::Any),
            Ref::I31(_) => abs(AbsHeapType::I31),
            Ref::Exn(_) => abs(AbsHeapType::Exn),
            Ref::Struct(a) => self.structs.get(a as usize).is_some_and(|s| def(s.ty)),
            Ref::Array(a) => self.arrays.get(a as usize).is_some_and(|s| def(s.ty)),
        }
    }
}

impl Store {
    /// An exception as messages show it: `tag 2 [i32:1 f64:0.5]`.
    pub fn show_exn(&self, a: Addr) -> String {
        let exn = &self.exns[a as usize];
        let fields: Vec<String> = exn.fields.iter().map(|v| v.to_string()).collect();
        format!("tag {} [{}]", exn.tag, fields.join(" "))
    }
}

impl MemInst {
    /// `mem_alloc`: `min` pages of zeros, if the store's limits and the host allow.
    pub fn alloc(ty: MemType, config: &Config, usage: &mut Usage) -> Result<MemInst, String> {
        let min = ty.limits.min;
        let mut after = *usage;
        if !after.take_pages(config, min) {
            return Err(format!("{min} pages exceed --max-memory ({} bytes)", config.max_memory));
        }
        let bytes = usize::try_from(min * PAGE_SIZE).ok().map(Pages::new);
        let Some(Ok(bytes)) = bytes else { return Err(format!("the host cannot map {min} pages")) };
        *usage = after;
        Ok(MemInst { ty, bytes })
    }

    pub fn pages(&self) -> u64 {
        self.bytes.len() as u64 / PAGE_SIZE
    }

    /// `growmem`: the old size in pages, or `None` where the limits, the store's, or the
    /// host forbid (the spec lets growth fail at will).
    pub fn grow(&mut self, delta: u64, config: &Config, usage: &mut Usage) -> Option<u64> {
        let old = self.pages();
        let new = old.checked_add(delta).filter(|&new| new <= config.memory_limit(&self.ty))?;
        let mut after = *usage;
        if !after.take_pages(config, delta) {
            return None;
        }
        self.bytes.grow(usize::try_from(new * PAGE_SIZE).ok()?).ok()?;
        *usage = after;
        self.ty.limits.min = new;
        Some(old)
    }
}

impl TableInst {
    /// `table_alloc`: `min` elements `init`, if the store's limits and the host allow.
    pub fn alloc(ty: TableType, init: Ref, config: &Config, usage: &mut Usage) -> Result<TableInst, String> {
        let min = ty.limits.min;
        let mut after = *usage;
        if !after.take_elements(config, min) {
            return Err(format!(
                "{min} elements exceed --max-table-elements ({})",
                config.max_table_elements
            ));
        }
        let mut refs = Vec::new();
        match usize::try_from(min).ok().filter(|&n| refs.try_reserve_exact(n).is_ok()) {
            Some(n) => refs.resize(n, init),
            None => return Err(format!("the host cannot allocate {min} elements")),
        }
        *usage = after;
        Ok(TableInst { ty, refs })
    }

    /// `growtable`: the old size, or `None` where the limits, the store's, or the host
    /// forbid.
    pub fn grow(&mut self, delta: u64, init: Ref, config: &Config, usage: &mut Usage) -> Option<u64> {
        let old = self.refs.len() as u64;
        let new = old.checked_add(delta).filter(|&new| new <= config.table_limit(&self.ty))?;
        let mut after = *usage;
        if !after.take_elements(config, delta) {
            return None;
        }
        self.refs.try_reserve_exact(usize::try_from(delta).ok()?).ok()?;
        *usage = after;
        self.refs.resize(new as usize, init);
        self.ty.limits.min = new;
        Some(old)
    }
}
