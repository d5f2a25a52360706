//! Runtime structure (spec 4.2): the store and the instances it holds.

use super::code::Code;
use super::numerics::Relaxed;
use super::values::{Ref, Val};
use crate::script::engine::HostFunc;
use crate::syntax::{FuncType, GlobalType, MemType, PAGE_SIZE, RefType, TableType, TagType};
use std::rc::Rc;

/// Addresses into the store's lists.
pub type Addr = u32;

/// `externaddr`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExternVal {
    Func(Addr),
    Table(Addr),
    Mem(Addr),
    Global(Addr),
    Tag(Addr),
}

/// `store`: every instance ever allocated; nothing is freed.
#[derive(Default)]
pub struct Store {
    pub funcs: Vec<FuncInst>,
    pub tables: Vec<TableInst>,
    pub mems: Vec<MemInst>,
    pub globals: Vec<GlobalInst>,
    pub tags: Vec<TagInst>,
    pub elems: Vec<ElemInst>,
    pub datas: Vec<DataInst>,
    pub modules: Vec<ModuleInst>,
}

/// `funcinst`: a function with its type, and its code or host behaviour.
pub struct FuncInst {
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

/// `meminst ::= {TYPE memtype, BYTES byte*}`.
pub struct MemInst {
    pub ty: MemType,
    pub bytes: Vec<u8>,
}

/// `globalinst ::= {TYPE globaltype, VALUE val}`.
pub struct GlobalInst {
    pub ty: GlobalType,
    pub value: Val,
}

/// `taginst ::= {TYPE tagtype}`.
pub struct TagInst {
    pub ty: TagType,
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

/// `moduleinst`: the module's types and the addresses of everything it can reach.
#[derive(Default)]
pub struct ModuleInst {
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

/// What the embedder may configure about resources: the spec lets `memory.grow` and
/// `table.grow` fail at will, and an implementation exhaust its call stack.
#[derive(Copy, Clone, Debug)]
pub struct Config {
    /// Memories grow to at most this many pages (`memory.grow` returns -1 beyond).
    pub max_memory_pages: u64,
    /// Tables grow to at most this many elements.
    pub max_table_elems: u64,
    /// Calls nest at most this deep, and all frames together hold at most this many
    /// values (locals and operands); the next call is `call stack exhausted`.
    pub max_call_depth: usize,
    pub max_stack_values: usize,
    /// `--fuel N`: loop iterations and function entries allowed, then `fuel exhausted`.
    pub fuel: Option<u64>,
    /// The implementation-defined behaviour of the relaxed vector operators (the spec's
    /// deterministic profile by default).
    pub relaxed: Relaxed,
    /// Which NaN an operator returns where the spec allows several (the spec's deterministic
    /// profile by default; x86's under the referee).
    pub nans: crate::exec::numerics::NanChoice,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_memory_pages: 65536,
            max_table_elems: 10_000_000,
            max_call_depth: 10_000,
            max_stack_values: 1 << 20,
            fuel: None,
            relaxed: Relaxed::DETERMINISTIC,
            nans: crate::exec::numerics::NanChoice::Deterministic,
        }
    }
}

impl Config {
    /// The most pages a memory of type `ty` grows to: its maximum, ours, and 2^16 (the
    /// 32-bit address space). Both engines grow by this bound, so that they agree.
    pub fn memory_limit(&self, ty: &MemType) -> u64 {
        ty.limits.max.unwrap_or(u64::MAX).min(self.max_memory_pages).min(65536)
    }

    /// The most elements a table of type `ty` grows to: its maximum, ours, and 2^32 - 1.
    pub fn table_limit(&self, ty: &TableType) -> u64 {
        ty.limits.max.unwrap_or(u64::MAX).min(self.max_table_elems).min(u32::MAX as u64)
    }
}

impl MemInst {
    /// `mem_alloc`: `min` pages of zeros.
    pub fn new(ty: MemType) -> MemInst {
        MemInst { ty, bytes: vec![0; (ty.limits.min * PAGE_SIZE) as usize] }
    }

    pub fn pages(&self) -> u64 {
        self.bytes.len() as u64 / PAGE_SIZE
    }

    /// `growmem`: the old size in pages, or `None` when the limits (or ours) forbid.
    pub fn grow(&mut self, delta: u64, config: &Config) -> Option<u64> {
        let old = self.pages();
        let new = old.checked_add(delta)?;
        if new > config.memory_limit(&self.ty) {
            return None;
        }
        let len = (new * PAGE_SIZE) as usize;
        if len > self.bytes.capacity() {
            // A fresh zeroed allocation is mapped lazily by the allocator, unlike a resize;
            // with room to double, growing page by page copies each byte O(1) times.
            let room =
                len.max(2 * self.bytes.len()).min((config.memory_limit(&self.ty) * PAGE_SIZE) as usize);
            let mut bytes = vec![0; room];
            bytes.truncate(self.bytes.len());
            bytes.copy_from_slice(&self.bytes);
            self.bytes = bytes;
        }
        self.bytes.resize(len, 0);
        self.ty.limits.min = new;
        Some(old)
    }
}

impl TableInst {
    /// `growtable`: the old size, or `None` when the limits (or ours) forbid.
    pub fn grow(&mut self, delta: u64, init: Ref, config: &Config) -> Option<u64> {
        let old = self.refs.len() as u64;
        let new = old.checked_add(delta)?;
        if new > config.table_limit(&self.ty) {
            return None;
        }
        self.refs.resize(new as usize, init);
        self.ty.limits.min = new;
        Some(old)
    }
}
