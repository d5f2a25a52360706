//! What compiled code reaches at run time: the context of its instance (in `r15`), the
//! functions, tables, memories and globals of the store in the layouts the code reads, and
//! the runtime functions it calls for what is not worth inlining (`memory.grow`, bulk
//! operations, table operations).
//!
//! References are 64-bit words: null is 0, a function reference the address of its
//! [`FuncRef`], a host reference `ref.extern n` is `n + 1`.

use super::memory::{LinearMemory, MemDesc};
use crate::runtime::Config;
use crate::syntax::{GlobalType, MemType, PAGE_SIZE, RefType, TableType};

/// The state of one engine's execution, shared by every context.
#[repr(C)]
#[derive(Default)]
pub struct Runtime {
    /// The stack pointer of the entry trampoline, where a trap unwinds to.
    pub entry_sp: u64,
    /// Loop iterations and function entries left (compiled in only with `--fuel`).
    pub fuel: u64,
    /// The last trap: its code ([`Trap`]), and its argument (the table index of
    /// `call_indirect`'s `undefined element N` and `uninitialized element N`).
    pub trap: u64,
    pub trap_arg: u64,
    /// Function entries and exits, when the code was compiled to trace calls.
    pub calls: Vec<CallEvent>,
}

/// A function entered with its arguments, or left with its results, as words; `func` is
/// the function's address in the store.
#[derive(Clone, Debug, PartialEq)]
pub enum CallEvent {
    Enter { func: u32, args: Vec<u64> },
    Exit { func: u32, results: Vec<u64> },
}

pub const RT_ENTRY_SP: i32 = 0;
pub const RT_FUEL: i32 = 8;
pub const RT_TRAP: i32 = 16;
pub const RT_TRAP_ARG: i32 = 24;

/// A function as tables, references and calls hold it.
#[repr(C)]
pub struct FuncRef {
    pub code: *const u8,
    /// The context the function runs in: its instance's, or a host function's.
    pub ctx: *mut u64,
    /// The engine's canonical number of its type.
    pub type_id: u64,
    /// Its address in the store (as the reference numbers it).
    pub addr: u64,
}

pub const FUNC_CODE: i32 = 0;
pub const FUNC_CTX: i32 = 8;
pub const FUNC_TYPE: i32 = 16;

/// A table as its code reads it: the elements and how many.
#[repr(C)]
pub struct TableDesc {
    pub elems: *mut u64,
    pub size: u64,
}

pub const TABLE_ELEMS: i32 = 0;
pub const TABLE_SIZE: i32 = 8;

/// The context of an instance, as words: a header at fixed offsets, then the address of
/// each global's cell. Host functions' contexts share the first word.
pub mod ctx {
    pub const RUNTIME: i32 = 0;
    pub const STACK_LIMIT: i32 = 8;
    pub const FUNCS: i32 = 16;
    pub const TABLES: i32 = 24;
    pub const MEMS: i32 = 32;
    pub const TYPE_IDS: i32 = 40;
    /// Memory 0's base, which never moves, and its descriptor.
    pub const MEM0_BASE: i32 = 48;
    pub const MEM0_DESC: i32 = 56;
    pub const TRAP_LANDING: i32 = 64;
    pub const INSTANCE: i32 = 72;
    pub const HEADER: usize = 10;
    pub const fn global(i: u32) -> i32 {
        ((HEADER + i as usize) * 8) as i32
    }
}

/// The traps compiled code raises, by code.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum Trap {
    Unreachable = 1,
    DivideByZero,
    Overflow,
    InvalidConversion,
    MemoryOob,
    TableOob,
    UndefinedElement,
    UninitializedElement,
    IndirectCallTypeMismatch,
    StackExhausted,
    FuelExhausted,
    HostTrap,
}

impl Trap {
    /// Every trap, in the order of its code (from 1).
    const ALL: [Trap; 12] = [
        Trap::Unreachable,
        Trap::DivideByZero,
        Trap::Overflow,
        Trap::InvalidConversion,
        Trap::MemoryOob,
        Trap::TableOob,
        Trap::UndefinedElement,
        Trap::UninitializedElement,
        Trap::IndirectCallTypeMismatch,
        Trap::StackExhausted,
        Trap::FuelExhausted,
        Trap::HostTrap,
    ];

    pub fn from_code(code: u64) -> Trap {
        Trap::ALL.get((code as usize).wrapping_sub(1)).copied().unwrap_or(Trap::HostTrap)
    }
}

/// A memory of the store.
pub struct Memory {
    pub ty: MemType,
    pub mem: LinearMemory,
}

/// A table of the store; the descriptor points into `elems`.
pub struct Table {
    pub ty: TableType,
    pub elems: Vec<u64>,
    pub desc: Box<TableDesc>,
}

/// A global of the store: its type and its cell.
pub struct Global {
    pub ty: GlobalType,
    pub cell: Box<u64>,
}

impl Memory {
    pub fn new(ty: MemType) -> std::io::Result<Memory> {
        Ok(Memory { ty, mem: LinearMemory::new(ty.limits.min * PAGE_SIZE)? })
    }

    pub fn pages(&self) -> u64 {
        self.mem.desc.size / PAGE_SIZE
    }

    /// `growmem`, as the reference does it: the old size, or `None`.
    pub fn grow(&mut self, delta: u64, config: &Config) -> Option<u64> {
        let old = self.pages();
        let new = old.checked_add(delta)?;
        if new > config.memory_limit(&self.ty) {
            return None;
        }
        self.mem.grow(new * PAGE_SIZE).ok()?;
        self.ty.limits.min = new;
        Some(old)
    }

    pub fn desc(&mut self) -> *mut MemDesc {
        &mut *self.mem.desc
    }
}

impl Table {
    pub fn new(ty: TableType, init: u64) -> Table {
        let mut elems = vec![init; ty.limits.min as usize];
        let desc = Box::new(TableDesc { elems: elems.as_mut_ptr(), size: elems.len() as u64 });
        Table { ty, elems, desc }
    }

    /// `growtable`: the old size, or `None`.
    pub fn grow(&mut self, delta: u64, init: u64, config: &Config) -> Option<u64> {
        let old = self.elems.len() as u64;
        let new = old.checked_add(delta)?;
        if new > config.table_limit(&self.ty) {
            return None;
        }
        self.elems.resize(new as usize, init);
        self.ty.limits.min = new;
        self.sync();
        Some(old)
    }

    /// Point the descriptor at the elements again, after they moved or changed length.
    pub fn sync(&mut self) {
        self.desc.elems = self.elems.as_mut_ptr();
        self.desc.size = self.elems.len() as u64;
    }

    pub fn elem_type(&self) -> RefType {
        self.ty.elem
    }
}
