//! The function's frame: its layout, prologue and epilogue, fuel, and the exits of its traps.
//!
//! Frame, from `rbp` down: the saved context (`rbp - 8`), the declared locals, the home
//! slots of the operand stack, and at `rsp` the area where calls pass arguments and receive
//! results. Parameters live in the caller's area: parameter `i` at `rbp + 16 + 8i`, and
//! result `j` is written to `rbp + 16 + 8j`.

use super::regs::{CTX, MEMBASE, SCRATCH};
use super::stack::Loc;
use super::{Bounds, FuncCompiler};
use crate::jit::runtime::{Runtime, Trap, VmCtx, trap_code};
use crate::jit::x64::*;
use crate::rules::{self, Rule};

impl FuncCompiler<'_, '_> {
    // ----- Layout -----

    /// Where local `i` lives: a parameter in the caller's area, a declared local below the
    /// saved context.
    pub(super) fn local_addr(&self, i: u32) -> Mem {
        let np = self.params.len() as u32;
        if i < np {
            Mem::disp(Gpr::Rbp, 16 + 8 * i as i32)
        } else {
            Mem::disp(Gpr::Rbp, -16 - 8 * (i - np) as i32)
        }
    }

    /// The home slot of the value stack's entry `k` (from the bottom).
    pub(super) fn slot_addr(&self, k: usize) -> Mem {
        let declared = (self.locals.len() - self.params.len()) as i32;
        Mem::disp(Gpr::Rbp, -16 - 8 * declared - 8 * k as i32)
    }

    /// Word `i` of the outgoing area, where calls pass arguments and receive results.
    pub(super) fn out_addr(i: usize) -> Mem {
        Mem::disp(Gpr::Rsp, 8 * i as i32)
    }

    // ----- Entry and exit -----

    /// `push rbp; mov rbp, rsp`, check and allocate the frame, save the context, count fuel,
    /// zero the declared locals, load memory 0's base.
    pub(super) fn prologue(&mut self) {
        let a = &mut *self.asm;
        a.push(Gpr::Rbp);
        a.mov_rr(Size::S64, Gpr::Rbp, Gpr::Rsp);
        // lea r11, [rsp - frame]; cmp r11, [r15 + limit]; jb exhausted
        a.lea_rm(Size::S64, SCRATCH, Mem::disp(Gpr::Rsp, -0x4000_0000));
        self.frame_fixups[0] = self.asm.offset() - 4;
        self.asm.alu_rm(Alu::Cmp, Size::S64, SCRATCH, Mem::disp(CTX, VmCtx::STACK_LIMIT));
        let exhausted = self.trap_label(Trap::StackExhausted, rules::IMPL_EXEC);
        self.asm.jcc(Cond::B, exhausted);
        self.frame_fixups[1] = self.asm.alu_ri32(Alu::Sub, Size::S64, Gpr::Rsp, 0);
        self.asm.mov_mr(Size::S64, Mem::disp(Gpr::Rbp, -8), CTX);
        self.trace_call(false);
        self.count_frame(true);
        self.fuel();
        let declared = self.locals.len() - self.params.len();
        if declared > 0 {
            self.asm.alu_rr(Alu::Xor, Size::S32, SCRATCH, SCRATCH);
            for j in 0..declared {
                self.asm.mov_mr(Size::S64, Mem::disp(Gpr::Rbp, -16 - 8 * j as i32), SCRATCH);
            }
        }
        self.load_membase();
    }

    /// With `trace_calls`: tell the runtime the function is entered (its parameters are in
    /// place) or left (its results are). Nothing is live in registers at either point.
    pub(super) fn trace_call(&mut self, exit: bool) {
        if self.env.options.trace_calls {
            self.asm.mov_rr(Size::S64, Gpr::Rdi, CTX);
            self.asm.mov_ri(Size::S32, Gpr::Rsi, self.index as i32);
            self.asm.lea_rm(Size::S64, Gpr::Rdx, Mem::disp(Gpr::Rbp, 16));
            self.asm.mov_ri(Size::S32, Gpr::Rcx, exit as i32);
            self.asm.mov_ri64(Gpr::Rax, self.env.builtins.trace_call as i64);
            self.asm.call_r(Gpr::Rax);
        }
    }

    fn has_memory(&self) -> bool {
        !self.env.module.mems.is_empty() || self.env.module.imported_mems().count() > 0
    }

    pub(super) fn load_membase(&mut self) {
        if self.has_memory() && self.env.options.bounds == Bounds::GuardPages {
            self.asm.mov_rm(Size::S64, MEMBASE, Mem::disp(CTX, VmCtx::MEM0_BASE));
        }
    }

    /// Count one unit of fuel (function entry, loop header); none left is `fuel exhausted`.
    /// Interruptible code then polls the interrupt flag: raised is `time limit exceeded`.
    pub(super) fn fuel(&mut self) {
        if self.env.options.fuel {
            self.asm.mov_rm(Size::S64, SCRATCH, Mem::disp(CTX, VmCtx::RUNTIME));
            self.asm.alu_mi(Alu::Sub, Size::S64, Mem::disp(SCRATCH, Runtime::FUEL), 1);
            let out = self.trap_label(Trap::FuelExhausted, rules::IMPL_EXEC);
            self.asm.jcc(Cond::B, out);
        }
        if self.env.options.interruptible {
            self.asm.mov_rm(Size::S64, SCRATCH, Mem::disp(CTX, VmCtx::RUNTIME));
            self.asm.mov_rm(Size::S64, SCRATCH, Mem::disp(SCRATCH, Runtime::INTERRUPT));
            self.asm.alu_mi(Alu::Cmp, Size::S8, Mem::disp(SCRATCH, 0), 0);
            let out = self.trap_label(Trap::Interrupted, rules::IMPL_EXEC);
            self.asm.jcc(Cond::Ne, out);
        }
    }

    /// With a configured call depth: a frame entered is one fewer left (none left is `call
    /// stack exhausted`, as the reference counts it), a frame left one more.
    pub(super) fn count_frame(&mut self, enter: bool) {
        if self.env.options.count_frames {
            self.asm.mov_rm(Size::S64, SCRATCH, Mem::disp(CTX, VmCtx::RUNTIME));
            let left = Mem::disp(SCRATCH, Runtime::FRAMES_LEFT);
            if enter {
                self.asm.alu_mi(Alu::Sub, Size::S64, left, 1);
                let out = self.trap_label(Trap::StackExhausted, rules::IMPL_EXEC);
                self.asm.jcc(Cond::B, out);
            } else {
                self.asm.alu_mi(Alu::Add, Size::S64, left, 1);
            }
        }
    }

    /// The frame's size, now that the deepest operand stack and the widest call are known:
    /// rounded so that `rsp` is 16-byte aligned at calls.
    pub(super) fn finish_frame(&mut self) {
        let declared = self.locals.len() - self.params.len();
        let size = 8 + 8 * (declared + self.max_depth + self.max_out);
        let size = (size + 15) & !15;
        self.asm.patch_u32(self.frame_fixups[0], (size as i32).wrapping_neg() as u32);
        self.asm.patch_u32(self.frame_fixups[1], size as u32);
    }

    /// The results go where the parameters are: a parameter read lazily is read first.
    pub(super) fn read_lazy_params(&mut self) {
        let np = self.params.len() as u32;
        let top = self.stack.len() - self.results.len();
        for k in top..self.stack.len() {
            if matches!(self.stack[k].loc, Loc::Local(i) if i < np) {
                self.spill(k);
            }
        }
    }

    /// Write the function's results where the caller reads them and leave.
    pub(super) fn return_values(&mut self) {
        self.read_lazy_params();
        let m = self.results.len();
        let top = self.stack.len() - m;
        for j in 0..m {
            let e = self.stack[top + j];
            let to = Mem::disp(Gpr::Rbp, 16 + 8 * j as i32);
            if e.loc == Loc::Slot {
                let from = self.slot_addr(top + j);
                self.copy(e.kind, from, to);
            } else {
                self.store_entry(e, to);
            }
        }
        self.trace_call(true);
        self.count_frame(false);
        self.asm.mov_rr(Size::S64, Gpr::Rsp, Gpr::Rbp);
        self.asm.pop(Gpr::Rbp);
        self.asm.ret();
    }

    // ----- Traps -----

    /// The exits of traps: the trap's code in `rax`, to the landing pad.
    pub(super) fn emit_traps(&mut self) {
        for (trap, rule, arg, label) in std::mem::take(&mut self.traps) {
            self.asm.bind(label);
            if let Some(arg) = arg {
                self.asm.mov_rm(Size::S64, SCRATCH, Mem::disp(CTX, VmCtx::RUNTIME));
                self.asm.mov_mr(Size::S64, Mem::disp(SCRATCH, Runtime::TRAP_ARG), arg);
            }
            self.asm.mov_ri64(Gpr::Rax, trap_code(trap, rule) as i64);
            self.asm.jmp_m(Mem::disp(CTX, VmCtx::TRAP_LANDING));
        }
    }

    /// The label of the exit for this trap (one per trap, rule and argument register).
    pub(super) fn trap_label(&mut self, trap: Trap, rule: Rule) -> Label {
        self.trap_with(trap, rule, None)
    }

    pub(super) fn trap_with(&mut self, trap: Trap, rule: Rule, arg: Option<Gpr>) -> Label {
        if let Some(t) = self.traps.iter().find(|t| t.0 == trap && t.1 == rule && t.2 == arg) {
            return t.3;
        }
        let label = self.asm.new_label();
        self.traps.push((trap, rule, arg, label));
        label
    }
}
