//! The code every compiled module shares, made once per process: the entry trampoline that
//! runs a wasm function on the wasm stack, the landing pad that traps unwind to, the landing
//! of out-of-bounds faults, and the trampoline through which wasm calls a host function.

use super::memory::{CodeMemory, install_handler};
use super::runtime::{ARG_GPRS, Runtime, Trap, VmCtx};
use super::x64::*;
use std::sync::OnceLock;

pub struct Stubs {
    _code: CodeMemory,
    /// `extern "C" fn(ctx, code, sp) -> u64`: 0 when the function returned, 1 when it
    /// trapped (the trap is in the runtime). The area at `sp` has room for at least
    /// [`ARG_GPRS`]`.len()` words, which the trampoline loads into those registers.
    pub entry: unsafe extern "C" fn(*mut VmCtx, *const u8, *mut u8) -> u64,
    /// Where a trap's code in `rax` goes.
    pub landing: usize,
    /// Where the signal handler resumes an out-of-bounds access (its address in `rax`).
    pub oob: usize,
    /// The code of every host function's reference.
    pub host: usize,
}

/// The host function the host trampoline calls: `f(ctx, area) -> trap code or 0`, reading
/// the arguments from and writing the results to the caller's area.
pub type HostCall = extern "C" fn(*mut VmCtx, *mut u64) -> u64;

const SAVED: [Gpr; 6] = [Gpr::Rbp, Gpr::Rbx, Gpr::R12, Gpr::R13, Gpr::R14, Gpr::R15];

pub fn stubs(host_call: HostCall) -> &'static Stubs {
    static STUBS: OnceLock<Stubs> = OnceLock::new();
    STUBS.get_or_init(|| {
        let mut a = Assembler::new();
        let landing = a.new_label();

        // entry(ctx = rdi, code = rsi, sp = rdx)
        let entry = a.offset();
        for r in SAVED {
            a.push(r);
        }
        a.mov_rr(Size::S64, Gpr::R15, Gpr::Rdi);
        a.mov_rm(Size::S64, Gpr::Rax, Mem::disp(Gpr::R15, VmCtx::RUNTIME));
        a.push_m(Mem::disp(Gpr::Rax, Runtime::ENTRY_SP));
        a.mov_mr(Size::S64, Mem::disp(Gpr::Rax, Runtime::ENTRY_SP), Gpr::Rsp);
        a.mov_rr(Size::S64, Gpr::Rsp, Gpr::Rdx);
        a.mov_rr(Size::S64, Gpr::Rax, Gpr::Rsi);
        // The first words of the arguments in their registers too (the area has room).
        for (w, r) in ARG_GPRS.into_iter().enumerate() {
            a.mov_rm(Size::S64, r, Mem::disp(Gpr::Rsp, 8 * w as i32));
        }
        a.call_r(Gpr::Rax);
        a.mov_rm(Size::S64, Gpr::Rcx, Mem::disp(Gpr::R15, VmCtx::RUNTIME));
        a.mov_mr(Size::S64, Mem::disp(Gpr::Rcx, Runtime::RESULT0), Gpr::Rax);
        a.alu_rr(Alu::Xor, Size::S32, Gpr::Rdx, Gpr::Rdx);
        let leave = a.new_label();
        a.bind(leave);
        // rdx: the result; back on the host stack, the outer entry's stack pointer restored.
        a.mov_rm(Size::S64, Gpr::Rax, Mem::disp(Gpr::R15, VmCtx::RUNTIME));
        a.mov_rm(Size::S64, Gpr::Rsp, Mem::disp(Gpr::Rax, Runtime::ENTRY_SP));
        a.pop(Gpr::Rcx);
        a.mov_mr(Size::S64, Mem::disp(Gpr::Rax, Runtime::ENTRY_SP), Gpr::Rcx);
        a.mov_rr(Size::S64, Gpr::Rax, Gpr::Rdx);
        for r in SAVED.iter().rev() {
            a.pop(*r);
        }
        a.ret();

        // landing: rax = the trap's code, r15 = a context of this runtime.
        a.bind(landing);
        let landing_at = a.offset();
        a.mov_rm(Size::S64, Gpr::Rcx, Mem::disp(Gpr::R15, VmCtx::RUNTIME));
        a.mov_mr(Size::S64, Mem::disp(Gpr::Rcx, Runtime::TRAP), Gpr::Rax);
        a.mov_ri(Size::S32, Gpr::Rdx, 1);
        a.jmp(leave);

        // oob: rax = the faulting instruction's address.
        let oob = a.offset();
        a.mov_rm(Size::S64, Gpr::Rcx, Mem::disp(Gpr::R15, VmCtx::RUNTIME));
        a.mov_mr(Size::S64, Mem::disp(Gpr::Rcx, Runtime::TRAP_ARG), Gpr::Rax);
        a.mov_ri(Size::S32, Gpr::Rax, Trap::MemoryOob as i32);
        a.jmp(landing);

        // host: r15 = the host function's context, its arguments at [rsp + 8].
        let host = a.offset();
        a.push(Gpr::Rbp);
        a.mov_rr(Size::S64, Gpr::Rbp, Gpr::Rsp);
        a.mov_rr(Size::S64, Gpr::Rdi, Gpr::R15);
        a.lea_rm(Size::S64, Gpr::Rsi, Mem::disp(Gpr::Rbp, 16));
        a.mov_ri64(Gpr::Rax, host_call as *const () as usize as i64);
        a.call_r(Gpr::Rax);
        a.test_rr(Size::S64, Gpr::Rax, Gpr::Rax);
        a.jcc(Cond::Ne, landing);
        // The first result in `rax` too (a word of the caller's frame, whatever the results).
        a.mov_rm(Size::S64, Gpr::Rax, Mem::disp(Gpr::Rbp, 16));
        a.pop(Gpr::Rbp);
        a.ret();

        let code = CodeMemory::new(&a.finish()).expect("mapping the runtime stubs");
        let at = |offset: u32| code.at(offset) as usize;
        // SAFETY: `entry` is the offset of code with exactly this signature.
        let entry = unsafe {
            std::mem::transmute::<usize, unsafe extern "C" fn(*mut VmCtx, *const u8, *mut u8) -> u64>(at(
                entry,
            ))
        };
        let stubs = Stubs { entry, landing: at(landing_at), oob: at(oob), host: at(host), _code: code };
        install_handler(stubs.oob as *const u8);
        stubs
    })
}
