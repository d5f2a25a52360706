//! What compiled code reaches at run time: the context of its instance (in `r15`), and the
//! functions, tables, memories and globals of the store, in the layouts the code reads. Each
//! layout is a `#[repr(C)]` struct whose offsets for the code are derived with `offset_of!`,
//! so that a field added cannot shift the others under the code. The runtime functions it
//! calls are in [`super::builtins`]; the traps it raises are [`Trap`]s.
//!
//! References are 64-bit words: null is 0, a function reference the address of its
//! [`FuncRef`], a host reference `ref.extern n` is `n + 1`. A `v128` is two words, and lies
//! 16-byte aligned wherever values lie in words ([`area_layout`]); a global's cell holds 16
//! bytes, whatever its type.

use super::codegen::Faults;
use super::memory::{CodeMemory, LinearMemory, MemDesc};
use super::x64::Gpr;
use crate::rules::Rule;
use crate::runtime::{Addrs, Config, ExternVal, HostFunc, Ref, Usage, Val};
use crate::syntax::{
    AbsHeapType, F32, F64, FuncType, GlobalType, HeapType, MemType, PAGE_SIZE, RefType, TableType, V128,
    ValType,
};
use core::mem::offset_of;
use std::rc::Rc;

/// The state of one engine's execution, shared by every context.
#[repr(C)]
pub struct Runtime {
    /// The stack pointer of the entry trampoline, where a trap unwinds to.
    pub entry_sp: u64,
    /// Loop iterations, function entries and bulk elements left (checked in code only with
    /// `--fuel`; the bulk builtins always count).
    pub fuel: u64,
    /// How many more frames may be entered (counted only when the configuration sets a
    /// call depth).
    pub frames_left: u64,
    /// This thread's interrupt flag ([`crate::runtime::interrupt`]), polled with the fuel
    /// when the configuration says so.
    pub interrupt: *const std::sync::atomic::AtomicBool,
    /// The bytes of all memories and the elements of all tables, against the limits.
    pub usage: Usage,
    /// The last trap: its code ([`Trap`]), and its argument (the table index of
    /// `call_indirect`'s `undefined element N` and `uninitialized element N`).
    pub trap: u64,
    pub trap_arg: u64,
    /// `rax` as the function the entry trampoline called left it: its first result, when
    /// that is an integer or a reference, which compiled code returns there alone.
    pub result0: u64,
    /// Function entries and exits, when the code was compiled to trace calls.
    pub calls: Vec<CallEvent>,
}

/// A function entered with its arguments, or left with its results, as the words of its area
/// ([`area_layout`]); `func` is the function's address in the store.
#[derive(Clone, Debug, PartialEq)]
pub enum CallEvent {
    Enter { func: u32, args: Vec<u64> },
    Exit { func: u32, results: Vec<u64> },
}

impl Default for Runtime {
    fn default() -> Runtime {
        Runtime {
            entry_sp: 0,
            fuel: u64::MAX,
            frames_left: u64::MAX,
            interrupt: crate::runtime::interrupt::flag(),
            usage: Usage::default(),
            trap: 0,
            trap_arg: 0,
            result0: 0,
            calls: Vec::new(),
        }
    }
}

impl Runtime {
    pub const ENTRY_SP: i32 = offset(offset_of!(Runtime, entry_sp));
    pub const FUEL: i32 = offset(offset_of!(Runtime, fuel));
    pub const FRAMES_LEFT: i32 = offset(offset_of!(Runtime, frames_left));
    pub const INTERRUPT: i32 = offset(offset_of!(Runtime, interrupt));
    pub const TRAP: i32 = offset(offset_of!(Runtime, trap));
    pub const TRAP_ARG: i32 = offset(offset_of!(Runtime, trap_arg));
    pub const RESULT0: i32 = offset(offset_of!(Runtime, result0));
}

/// A field's offset as the displacement of an instruction.
pub(super) const fn offset(n: usize) -> i32 {
    assert!(n <= i32::MAX as usize);
    n as i32
}

/// A function as tables, references and calls hold it.
#[repr(C)]
pub struct FuncRef {
    pub code: *const u8,
    /// The context the function runs in: its instance's, or a host function's.
    pub ctx: *mut VmCtx,
    /// The engine's canonical number of its type.
    pub type_id: u64,
    /// Its address in the store (as the reference numbers it).
    pub addr: u64,
}

impl FuncRef {
    pub const CODE: i32 = offset(offset_of!(FuncRef, code));
    pub const CTX: i32 = offset(offset_of!(FuncRef, ctx));
    pub const TYPE_ID: i32 = offset(offset_of!(FuncRef, type_id));
}

/// A table as its code reads it: the elements and how many.
#[repr(C)]
pub struct TableDesc {
    pub elems: *mut u64,
    pub size: u64,
}

impl TableDesc {
    pub const ELEMS: i32 = offset(offset_of!(TableDesc, elems));
    pub const SIZE: i32 = offset(offset_of!(TableDesc, size));
}

/// The context compiled code runs in (in `r15`): this header, then the address of each
/// global's cell, one word each ([`Context`] allocates them together). A host function's
/// context is the header and what the host trampoline needs ([`HostCtx`]).
#[repr(C)]
pub struct VmCtx {
    pub runtime: *mut Runtime,
    /// The lowest stack pointer a frame may reach.
    pub stack_limit: *const u8,
    /// The instance's functions, tables and memories, and the engine's canonical number of
    /// each of its types (for `call_indirect`).
    pub funcs: *const *const FuncRef,
    pub tables: *const *mut TableDesc,
    pub mems: *const *mut MemDesc,
    pub type_ids: *const u64,
    /// Memory 0's base, which never moves, and its descriptor.
    pub mem0_base: *mut u8,
    pub mem0_desc: *mut MemDesc,
    /// Where a trap's code goes: the stubs' landing pad.
    pub trap_landing: usize,
    pub instance: *mut Instance,
}

impl VmCtx {
    pub const RUNTIME: i32 = offset(offset_of!(VmCtx, runtime));
    pub const STACK_LIMIT: i32 = offset(offset_of!(VmCtx, stack_limit));
    pub const FUNCS: i32 = offset(offset_of!(VmCtx, funcs));
    pub const TABLES: i32 = offset(offset_of!(VmCtx, tables));
    pub const MEMS: i32 = offset(offset_of!(VmCtx, mems));
    pub const TYPE_IDS: i32 = offset(offset_of!(VmCtx, type_ids));
    pub const MEM0_BASE: i32 = offset(offset_of!(VmCtx, mem0_base));
    pub const MEM0_DESC: i32 = offset(offset_of!(VmCtx, mem0_desc));
    pub const TRAP_LANDING: i32 = offset(offset_of!(VmCtx, trap_landing));
    pub const INSTANCE: i32 = offset(offset_of!(VmCtx, instance));

    /// The header in words: where the globals' words begin.
    const WORDS: usize = size_of::<VmCtx>() / 8;

    /// The offset of the word that holds the address of global `i`'s cell.
    pub const fn global(i: u32) -> i32 {
        offset((VmCtx::WORDS + i as usize) * 8)
    }

    /// A header with what every context of an engine shares; the rest null.
    pub fn new(runtime: *mut Runtime, stack_limit: *const u8, trap_landing: usize) -> VmCtx {
        VmCtx {
            runtime,
            stack_limit,
            funcs: std::ptr::null(),
            tables: std::ptr::null(),
            mems: std::ptr::null(),
            type_ids: std::ptr::null(),
            mem0_base: std::ptr::null_mut(),
            mem0_desc: std::ptr::null_mut(),
            trap_landing,
            instance: std::ptr::null_mut(),
        }
    }
}

const _: () = assert!(size_of::<VmCtx>() % 8 == 0 && align_of::<VmCtx>() == 8);

/// An instance's context: the [`VmCtx`] header and the addresses of its globals' cells, in
/// one allocation of words that never moves.
pub struct Context {
    words: Box<[u64]>,
}

impl Context {
    pub fn new(header: VmCtx, globals: usize) -> Context {
        let mut ctx = Context { words: vec![0u64; VmCtx::WORDS + globals].into_boxed_slice() };
        *ctx.header() = header;
        ctx
    }

    /// The context as compiled code and the runtime functions see it.
    pub fn as_ptr(&mut self) -> *mut VmCtx {
        self.words.as_mut_ptr().cast()
    }

    pub fn header(&mut self) -> &mut VmCtx {
        // SAFETY: the words begin with a header's worth of them, aligned as the header is
        // (checked above), and the header is plain pointers, any bits of which are valid.
        unsafe { &mut *self.as_ptr() }
    }

    /// Global `i`'s cell.
    pub fn global(&self, i: usize) -> *mut Cell {
        self.words[VmCtx::WORDS + i] as *mut Cell
    }

    pub fn set_global(&mut self, i: usize, cell: *mut Cell) {
        self.words[VmCtx::WORDS + i] = cell as u64;
    }
}

/// A host function's context: the header, then the host function the trampoline calls.
#[repr(C)]
pub struct HostCtx {
    pub header: VmCtx,
    pub host: *const Host,
}

/// A host function of the store: the context its reference runs in, its type and its code.
pub struct Host {
    pub ctx: Box<HostCtx>,
    pub ty: Rc<FuncType>,
    pub code: HostFunc,
}

/// An instance: its context and what the runtime functions need.
pub struct Instance {
    pub ctx: Context,
    pub funcs: Box<[*const FuncRef]>,
    pub tables: Box<[*mut TableDesc]>,
    pub mems: Box<[*mut MemDesc]>,
    pub type_ids: Box<[u64]>,
    pub table_objs: Vec<*mut Table>,
    pub mem_objs: Vec<*mut Memory>,
    pub elems: Vec<Vec<u64>>,
    pub datas: Vec<Box<[u8]>>,
    pub config: Config,
    pub exports: Vec<(String, ExternVal)>,
    pub addrs: Addrs,
    /// The type of each function, imports first (for tracing calls).
    pub func_types: Vec<Rc<FuncType>>,
    /// The module's code, and where each access that can fault lies with its rule.
    pub code: Option<(CodeMemory, Faults)>,
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
    Interrupted,
}

impl Trap {
    /// Every trap, in the order of its code (from 1).
    const ALL: [Trap; 13] = [
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
        Trap::Interrupted,
    ];

    pub fn from_code(code: u64) -> Trap {
        Trap::ALL.get((code as usize).wrapping_sub(1)).copied().unwrap_or(Trap::HostTrap)
    }
}

/// A trap's code: its kind, and in the upper bits the rule it cites.
pub fn trap_code(trap: Trap, rule: Rule) -> u64 {
    trap as u64 | (rule.index() as u64) << 16
}

/// A global's cell: 16 bytes, 16-byte aligned; a value narrower than `v128` in its low bytes.
pub type Cell = u128;

/// A value's bits as the store holds them (a word, or for a `v128` two) as a value of type
/// `t`.
pub fn word_val(t: ValType, w: u128) -> Val {
    let word = w as u64;
    match t {
        ValType::I32 => Val::I32(word as u32),
        ValType::I64 => Val::I64(word),
        ValType::F32 => Val::F32(F32(word as u32)),
        ValType::F64 => Val::F64(F64(word)),
        ValType::V128 => Val::V128(V128::from_u128(w)),
        ValType::Ref(rt) if word == 0 => Val::Ref(Ref::Null(rt.heap)),
        ValType::Ref(rt) if is_extern(rt) => Val::Ref(Ref::Extern((word - 1) as u32)),
        // SAFETY: a non-null function reference word is the address of a live FuncRef.
        ValType::Ref(_) => Val::Ref(Ref::Func(unsafe { (*(word as *const FuncRef)).addr } as u32)),
        ValType::Bot => Val::I32(0),
    }
}

/// Where a value lies in an area of words (a call's arguments or results, a frame's locals and
/// operands) when the next free word is `at`: there, or for a two-word `v128` at the next even
/// word, so that it is 16-byte aligned in an area that is.
pub const fn area_at(at: u32, wide: bool) -> u32 {
    if wide { (at + 1) & !1 } else { at }
}

/// The registers that also carry the first words of a call's arguments: word `w`, when it
/// holds an integer or a reference, in `ARG_GPRS[w]`. Compiled code stores them to the area
/// on entry, where they are its parameters' homes (and the tracing of calls reads them); a
/// caller that may reach the host trampoline, which reads the area, stores them there too.
/// A callee reads its parameters from these registers while they last. The
/// first result, when it is an integer or a reference, is left in `rax` alone (in word 0 too
/// only when calls are traced, whose exits read the area): callers take it there, the entry
/// trampoline keeps it for the host ([`Runtime::result0`]), the host trampoline loads it.
/// None of them is `rax`, `rcx` or `rdx`, which `call_indirect` works in after the
/// arguments are placed.
pub const ARG_GPRS: [Gpr; 6] = [Gpr::Rsi, Gpr::Rdi, Gpr::R8, Gpr::R9, Gpr::R10, Gpr::Rbx];

/// The word where each value of these types lies in an area, and how many words it takes.
/// Compiled code lays out its arguments, parameters and results so ([`area_at`]), as the entry
/// trampoline, the host trampoline and the tracing of calls read and write them.
pub fn area_layout(types: &[ValType]) -> (Vec<u32>, u32) {
    let mut end = 0;
    let at = types
        .iter()
        .map(|t| {
            let wide = *t == ValType::V128;
            let at = area_at(end, wide);
            end = at + 1 + wide as u32;
            at
        })
        .collect();
    (at, end)
}

/// The values of these types in an area of words.
///
/// # Safety
/// `area` must hold the values as [`area_layout`] lays them out.
pub unsafe fn read_area(types: &[ValType], area: *const u64) -> Vec<Val> {
    let (at, _) = area_layout(types);
    types
        .iter()
        .zip(at)
        .map(|(t, at)| {
            // SAFETY: the caller's promise; only a `v128` has a second word (the area may
            // end right after a one-word value: at the top of the wasm stack, say).
            let lo = unsafe { *area.add(at as usize) };
            let w = match t {
                ValType::V128 => (unsafe { *area.add(at as usize + 1) } as u128) << 64 | lo as u128,
                _ => lo as u128,
            };
            word_val(*t, w)
        })
        .collect()
}

/// Write values, each as its bits ([`word_val`]'s inverse, `word`), into an area of words.
///
/// # Safety
/// `area` must have room for the values as [`area_layout`] lays them out.
pub unsafe fn write_area(types: &[ValType], words: &[u128], area: *mut u64) {
    let (at, _) = area_layout(types);
    for ((t, w), at) in types.iter().zip(words).zip(at) {
        // SAFETY: the caller's promise.
        unsafe {
            area.add(at as usize).write(*w as u64);
            if *t == ValType::V128 {
                area.add(at as usize + 1).write((*w >> 64) as u64);
            }
        }
    }
}

fn is_extern(rt: RefType) -> bool {
    matches!(rt.heap, HeapType::Abs(AbsHeapType::Extern | AbsHeapType::NoExtern))
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
    pub cell: Box<Cell>,
}

impl Memory {
    /// `mem_alloc`, if the store's limits and the host allow: behind a guard region where
    /// `guarded`, else with only its maximum mapped (code must then check bounds).
    pub fn alloc(ty: MemType, guarded: bool, config: &Config, usage: &mut Usage) -> Result<Memory, String> {
        let min = ty.limits.min;
        let mut after = *usage;
        if !after.take_pages(config, min) {
            return Err(format!("{min} pages exceed --max-memory ({} bytes)", config.max_memory));
        }
        let max = config.memory_limit(&ty).saturating_mul(PAGE_SIZE).min(config.max_memory);
        let mem = match guarded {
            true => LinearMemory::new(min * PAGE_SIZE),
            false => LinearMemory::unguarded(min * PAGE_SIZE, max),
        };
        let mem = mem.map_err(|e| format!("the host cannot map {min} pages: {e}"))?;
        *usage = after;
        Ok(Memory { ty, mem })
    }

    pub fn pages(&self) -> u64 {
        self.mem.desc.size / PAGE_SIZE
    }

    /// `growmem`, as the reference does it: the old size, or `None`.
    pub fn grow(&mut self, delta: u64, config: &Config, usage: &mut Usage) -> Option<u64> {
        let old = self.pages();
        let new = old.checked_add(delta).filter(|&new| new <= config.memory_limit(&self.ty))?;
        let mut after = *usage;
        if !after.take_pages(config, delta) {
            return None;
        }
        self.mem.grow(new * PAGE_SIZE).ok()?;
        *usage = after;
        self.ty.limits.min = new;
        Some(old)
    }

    pub fn desc(&mut self) -> *mut MemDesc {
        &mut *self.mem.desc
    }
}

impl Table {
    /// `table_alloc`, if the store's limits and the host allow.
    pub fn alloc(ty: TableType, init: u64, config: &Config, usage: &mut Usage) -> Result<Table, String> {
        let min = ty.limits.min;
        let mut after = *usage;
        if !after.take_elements(config, min) {
            return Err(format!(
                "{min} elements exceed --max-table-elements ({})",
                config.max_table_elements
            ));
        }
        let mut elems = Vec::new();
        match usize::try_from(min).ok().filter(|&n| elems.try_reserve_exact(n).is_ok()) {
            Some(n) => elems.resize(n, init),
            None => return Err(format!("the host cannot allocate {min} elements")),
        }
        *usage = after;
        let desc = Box::new(TableDesc { elems: elems.as_mut_ptr(), size: elems.len() as u64 });
        Ok(Table { ty, elems, desc })
    }

    /// `growtable`: the old size, or `None`.
    pub fn grow(&mut self, delta: u64, init: u64, config: &Config, usage: &mut Usage) -> Option<u64> {
        let old = self.elems.len() as u64;
        let new = old.checked_add(delta).filter(|&new| new <= config.table_limit(&self.ty))?;
        let mut after = *usage;
        if !after.take_elements(config, delta) {
            return None;
        }
        self.elems.try_reserve_exact(usize::try_from(delta).ok()?).ok()?;
        *usage = after;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What the code reads at an offset is what the runtime wrote to the field.
    #[test]
    fn code_offsets_read_the_fields() {
        let mut rt = Runtime::default();
        let mut ctx = Context::new(VmCtx::new(&mut rt, 0x1000 as *const u8, 0x2000), 3);
        let mut cells = [7u128, 8, 9];
        for (i, c) in cells.iter_mut().enumerate() {
            ctx.set_global(i, c);
        }
        ctx.header().type_ids = 0x3000 as *const u64;
        let base = ctx.as_ptr() as *const u8;
        // SAFETY: every offset read lies inside the context's words.
        let word = |off: i32| unsafe { base.add(off as usize).cast::<u64>().read() };
        assert_eq!(word(VmCtx::RUNTIME), &mut rt as *mut Runtime as u64);
        assert_eq!(word(VmCtx::STACK_LIMIT), 0x1000);
        assert_eq!(word(VmCtx::TRAP_LANDING), 0x2000);
        assert_eq!(word(VmCtx::TYPE_IDS), 0x3000);
        for (i, c) in cells.iter().enumerate() {
            assert_eq!(word(VmCtx::global(i as u32)), c as *const Cell as u64);
            assert_eq!(ctx.global(i) as *const Cell, c as *const Cell);
        }
        rt.fuel = 42;
        // SAFETY: FUEL is the offset of a field of `rt`.
        assert_eq!(
            unsafe { (&rt as *const Runtime as *const u8).add(Runtime::FUEL as usize).cast::<u64>().read() },
            42
        );
    }

    /// Results at the very top of the wasm stack, right under its high guard page: reading
    /// them touches no word past the last. (A fuzz build once faulted there, reading a
    /// second word for an `i32`; an optimised build may drop such an unused read, so this
    /// fails in a debug build, as the fuzz smoke does in CI.)
    #[test]
    fn results_at_the_top_of_the_stack_read_no_further() {
        let stack = super::super::memory::WasmStack::new(0);
        let area = stack.top().wrapping_sub(16) as *mut u64;
        let types = [ValType::I32, ValType::I64];
        // SAFETY: the two words under the top belong to the stack's mapping.
        unsafe {
            write_area(&types, &[7, u64::MAX as u128], area);
            assert_eq!(read_area(&types, area), [Val::I32(7), Val::I64(u64::MAX)]);
        }
    }
}
