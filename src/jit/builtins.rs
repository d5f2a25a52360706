//! The runtime functions: what compiled code calls for what is not worth inlining
//! (`memory.grow`, the bulk memory and table operations, tracing calls), and the function the
//! host trampoline calls to run a host function.
//!
//! Called from compiled code with the System V convention, the instance's context first.
//! They implement what the reference does in many steps (`memory.fill` byte by byte) in one
//! go, with the same bounds checks first, so the outcome is the same, and charge the fuel
//! the reference burns, one unit an element (the reference runs out part way, the compiler
//! before it starts: either way `fuel exhausted`, which the referee does not compare). A
//! function that can trap returns 0, or the code of its trap ([`trap_code`]), which names
//! the rule.

use super::codegen::Builtins;
use super::runtime::*;
use super::runtime::{Instance, Table};
use crate::rules::{self, Rule};
use crate::runtime::{Ref, Val};

/// The address of each runtime function, for the code generator.
pub fn addresses() -> Builtins {
    Builtins {
        memory_grow: memory_grow as *const () as usize,
        memory_fill: memory_fill as *const () as usize,
        memory_copy: memory_copy as *const () as usize,
        memory_init: memory_init_c as *const () as usize,
        data_drop: data_drop as *const () as usize,
        table_grow: table_grow as *const () as usize,
        table_fill: table_fill as *const () as usize,
        table_copy: table_copy as *const () as usize,
        table_init: table_init_c as *const () as usize,
        elem_drop: elem_drop as *const () as usize,
        trace_call: trace_call as *const () as usize,
    }
}

/// The instance a context belongs to.
///
/// # Safety
/// `ctx` must be the context of a live instance.
unsafe fn instance<'a>(ctx: *mut VmCtx) -> &'a mut Instance {
    unsafe { &mut *(*ctx).instance }
}

/// The engine's runtime, which every context points to.
///
/// # Safety
/// `ctx` must be a context of a live engine.
unsafe fn runtime<'a>(ctx: *mut VmCtx) -> &'a mut Runtime {
    unsafe { &mut *(*ctx).runtime }
}

/// Charge `n` elements of a bulk operation to the fuel, or `fuel exhausted`.
fn burn(ctx: *mut VmCtx, n: usize) -> Result<(), u64> {
    // SAFETY: called from a runtime function with its context.
    let fuel = &mut unsafe { runtime(ctx) }.fuel;
    match fuel.checked_sub(n as u64) {
        Some(left) => {
            *fuel = left;
            Ok(())
        }
        None => Err(trap_code(Trap::FuelExhausted, rules::IMPL_EXEC)),
    }
}

fn oob(rule: Rule) -> u64 {
    trap_code(Trap::MemoryOob, rule)
}

fn table_oob(rule: Rule) -> u64 {
    trap_code(Trap::TableOob, rule)
}

fn mem<'a>(inst: &Instance, x: u32) -> &'a mut Memory {
    // SAFETY: the instance's memories are boxed in the store, which outlives the call.
    let p = inst.mem_objs[x as usize];
    unsafe { &mut *p }
}

fn table<'a>(inst: &Instance, x: u32) -> &'a mut Table {
    // SAFETY: as for memories.
    let p = inst.table_objs[x as usize];
    unsafe { &mut *p }
}

extern "C" fn memory_grow(ctx: *mut VmCtx, x: u64, delta: u64) -> u64 {
    // SAFETY: called by compiled code with its context.
    let inst = unsafe { instance(ctx) };
    let config = inst.config;
    // SAFETY: as above.
    let usage = &mut unsafe { runtime(ctx) }.usage;
    match mem(inst, x as u32).grow(delta as u32 as u64, &config, usage) {
        Some(old) => old,
        None => u32::MAX as u64,
    }
}

extern "C" fn memory_fill(ctx: *mut VmCtx, x: u64, d: u64, val: u64, n: u64) -> u64 {
    // SAFETY: as above.
    let inst = unsafe { instance(ctx) };
    let bytes = mem(inst, x as u32).mem.bytes_mut();
    let (d, n) = (d as u32 as usize, n as u32 as usize);
    if d + n > bytes.len() {
        return oob(rules::STEP_READ__MEMORY_FILL_OOB);
    }
    if let Err(code) = burn(ctx, n) {
        return code;
    }
    bytes[d..d + n].fill(val as u8);
    0
}

extern "C" fn memory_copy(ctx: *mut VmCtx, x: u64, y: u64, d: u64, s: u64, n: u64) -> u64 {
    // SAFETY: as above.
    let inst = unsafe { instance(ctx) };
    let (d, s, n) = (d as u32 as usize, s as u32 as usize, n as u32 as usize);
    let (dst, src) = (mem(inst, x as u32), mem(inst, y as u32));
    if d + n > dst.mem.bytes().len() || s + n > src.mem.bytes().len() {
        return oob(rules::STEP_READ__MEMORY_COPY_OOB);
    }
    if let Err(code) = burn(ctx, n) {
        return code;
    }
    if x == y {
        dst.mem.bytes_mut().copy_within(s..s + n, d);
    } else {
        let from = src.mem.bytes()[s..s + n].to_vec();
        dst.mem.bytes_mut()[d..d + n].copy_from_slice(&from);
    }
    0
}

pub(super) fn memory_init(inst: &mut Instance, x: u32, y: u32, d: u64, s: u64, n: u64) -> u64 {
    let ctx = inst.ctx.as_ptr();
    let (d, s, n) = (d as u32 as usize, s as u32 as usize, n as u32 as usize);
    let bytes = mem(inst, x).mem.bytes_mut();
    let data = &inst.datas[y as usize];
    if d + n > bytes.len() || s + n > data.len() {
        return oob(rules::STEP_READ__MEMORY_INIT_OOB);
    }
    if let Err(code) = burn(ctx, n) {
        return code;
    }
    bytes[d..d + n].copy_from_slice(&data[s..s + n]);
    0
}

extern "C" fn memory_init_c(ctx: *mut VmCtx, x: u64, y: u64, d: u64, s: u64, n: u64) -> u64 {
    // SAFETY: as above.
    memory_init(unsafe { instance(ctx) }, x as u32, y as u32, d, s, n)
}

extern "C" fn data_drop(ctx: *mut VmCtx, y: u64) -> u64 {
    // SAFETY: as above.
    unsafe { instance(ctx) }.datas[y as usize] = Box::new([]);
    0
}

extern "C" fn table_grow(ctx: *mut VmCtx, x: u64, init: u64, n: u64) -> u64 {
    // SAFETY: as above.
    let inst = unsafe { instance(ctx) };
    let config = inst.config;
    // SAFETY: as above.
    let usage = &mut unsafe { runtime(ctx) }.usage;
    match table(inst, x as u32).grow(n as u32 as u64, init, &config, usage) {
        Some(old) => old,
        None => u32::MAX as u64,
    }
}

extern "C" fn table_fill(ctx: *mut VmCtx, x: u64, i: u64, val: u64, n: u64) -> u64 {
    // SAFETY: as above.
    let t = table(unsafe { instance(ctx) }, x as u32);
    let (i, n) = (i as u32 as usize, n as u32 as usize);
    if i + n > t.elems.len() {
        return table_oob(rules::STEP_READ__TABLE_FILL_OOB);
    }
    if let Err(code) = burn(ctx, n) {
        return code;
    }
    t.elems[i..i + n].fill(val);
    0
}

extern "C" fn table_copy(ctx: *mut VmCtx, x: u64, y: u64, d: u64, s: u64, n: u64) -> u64 {
    // SAFETY: as above.
    let inst = unsafe { instance(ctx) };
    let (d, s, n) = (d as u32 as usize, s as u32 as usize, n as u32 as usize);
    let (dst, src) = (table(inst, x as u32), table(inst, y as u32));
    if d + n > dst.elems.len() || s + n > src.elems.len() {
        return table_oob(rules::STEP_READ__TABLE_COPY_OOB);
    }
    if let Err(code) = burn(ctx, n) {
        return code;
    }
    if x == y {
        dst.elems.copy_within(s..s + n, d);
    } else {
        let from = src.elems[s..s + n].to_vec();
        dst.elems[d..d + n].copy_from_slice(&from);
    }
    0
}

pub(super) fn table_init(inst: &mut Instance, x: u32, y: u32, d: u64, s: u64, n: u64) -> u64 {
    let ctx = inst.ctx.as_ptr();
    let (d, s, n) = (d as u32 as usize, s as u32 as usize, n as u32 as usize);
    let t = table(inst, x);
    let elem = &inst.elems[y as usize];
    if d + n > t.elems.len() || s + n > elem.len() {
        return table_oob(rules::STEP_READ__TABLE_INIT_OOB);
    }
    if let Err(code) = burn(ctx, n) {
        return code;
    }
    t.elems[d..d + n].copy_from_slice(&elem[s..s + n]);
    0
}

extern "C" fn table_init_c(ctx: *mut VmCtx, x: u64, y: u64, d: u64, s: u64, n: u64) -> u64 {
    // SAFETY: as above.
    table_init(unsafe { instance(ctx) }, x as u32, y as u32, d, s, n)
}

extern "C" fn elem_drop(ctx: *mut VmCtx, y: u64) -> u64 {
    // SAFETY: as above.
    unsafe { instance(ctx) }.elems[y as usize] = Vec::new();
    0
}

extern "C" fn trace_call(ctx: *mut VmCtx, func: u64, area: *const u64, exit: u64) -> u64 {
    // SAFETY: called by compiled code with its context; `area` holds the parameters or the
    // results of the function, laid out as `area_layout` says.
    unsafe {
        let inst = instance(ctx);
        let runtime = &mut *(*ctx).runtime;
        let addr = inst.addrs.funcs[func as usize];
        let ty = &inst.func_types[func as usize];
        let types = if exit != 0 { &ty.results } else { &ty.params };
        let words = std::slice::from_raw_parts(area, area_layout(types).1 as usize).to_vec();
        runtime.calls.push(if exit != 0 {
            CallEvent::Exit { func: addr, results: words }
        } else {
            CallEvent::Enter { func: addr, args: words }
        });
    }
    0
}

/// Read arguments from the caller's area, run the host function, write its results back.
pub(super) extern "C" fn host_call(ctx: *mut VmCtx, area: *mut u64) -> u64 {
    // SAFETY: the host trampoline passes the context of a host FuncRef, a HostCtx, and the
    // caller's area, which has room for the parameters and for the results (`area_layout`).
    unsafe {
        let host = &*(*ctx.cast::<HostCtx>()).host;
        let args = read_area(&host.ty.params, area);
        match (host.code)(&args) {
            Ok(results) => {
                let words: Vec<u128> = results
                    .iter()
                    .map(|v| match *v {
                        Val::I32(i) => i as u128,
                        Val::I64(i) => i as u128,
                        Val::F32(z) => z.0 as u128,
                        Val::F64(z) => z.0 as u128,
                        Val::V128(v) => v.to_u128(),
                        Val::Ref(Ref::Extern(n)) => n as u128 + 1,
                        Val::Ref(_) => 0,
                    })
                    .collect();
                write_area(&host.ty.results, &words, area);
                0
            }
            Err(_) => trap_code(Trap::HostTrap, rules::EXEC_INVOKE_HOST),
        }
    }
}
