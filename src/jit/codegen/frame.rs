//! The function's frame: its layout, prologue and epilogue, fuel, and the exits of its traps.
//!
//! Frame, from `rbp` down, in words: the saved context (word 0, at `rbp - 8`), the declared
//! locals, the home slots of the operand stack, and at `rsp` the area where calls pass
//! arguments and receive results. Parameters live in the caller's area, from `rbp + 16`, and
//! results are written there; the first words of the parameters travel in registers
//! ([`ARG_GPRS`]: a parameter there is stored to its word on entry, and starts out as a
//! cached local), and the first result, an integer or a reference, in `rax` alone. Every
//! value takes a word, a `v128` two at an even word ([`area_at`]): `rbp` and `rsp` are
//! 16-byte aligned, so that a `v128` is too, wherever it lies, and SSE operations can take
//! it from memory.
//! The word `u` below `rbp` is at `rbp - 8(u + 1)`; a value of `n` words from word `u` is
//! at `rbp - 8(u + n)`.

use super::regs::{CTX, MEMBASE, SCRATCH};
use super::stack::Kind;
use super::stack::Loc;
use super::{Bounds, FuncCompiler};
use crate::jit::runtime::{ARG_GPRS, Runtime, Trap, VmCtx, area_at, trap_code};
use crate::jit::x64::*;
use crate::rules::{self, Rule};
use smallvec::SmallVec;

impl FuncCompiler<'_, '_> {
    // ----- Layout -----

    /// Where local `i` lives: a parameter in the caller's area, a declared local below the
    /// saved context (laid out by [`Frame::new`]).
    pub(super) fn local_addr(&self, i: u32) -> Mem {
        Mem::disp(Gpr::Rbp, self.frame.locals[i as usize])
    }

    /// The home slot of a value of this kind from word `at` below `rbp`.
    pub(super) fn slot_at(at: u32, kind: Kind) -> Mem {
        Mem::disp(Gpr::Rbp, -8 * (at + kind.words()) as i32)
    }

    /// Word `i` of the outgoing area, where calls pass arguments and receive results.
    pub(super) fn out_addr(i: u32) -> Mem {
        Mem::disp(Gpr::Rsp, 8 * i as i32)
    }

    /// Word `i` of the caller's area, where the parameters are and the results go.
    pub(super) fn in_addr(i: u32) -> Mem {
        Mem::disp(Gpr::Rbp, 16 + 8 * i as i32)
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
        self.store_params();
        self.trace_call(false);
        self.count_frame(true);
        self.fuel();
        let words = self.frame.declared_end;
        if words > 1 {
            self.asm.alu_rr(Alu::Xor, Size::S32, SCRATCH, SCRATCH);
            for u in 1..words {
                self.asm.mov_mr(Size::S64, Mem::disp(Gpr::Rbp, -8 * (u + 1) as i32), SCRATCH);
            }
        }
        self.load_membase();
        self.cache_params();
    }

    /// The parameters that arrive in registers ([`ARG_GPRS`]) stored to their homes in the
    /// caller's area, which a direct call leaves to the callee: once a function, not at every
    /// call site (where the caller stored them too, this stores the same values again).
    fn store_params(&mut self) {
        for (_, kind, at, r) in params_in_regs(&self.params) {
            self.asm.mov_mr(kind.size(), Self::in_addr(at), r);
        }
    }

    /// The parameters that arrive in registers ([`ARG_GPRS`]), stored to their homes on
    /// entry, are cached locals from the start (unless a traced entry clobbered them).
    fn cache_params(&mut self) {
        if self.env.options.trace_calls {
            return;
        }
        for (x, _, _, r) in params_in_regs(&self.params) {
            self.gprs.hold(r);
            self.cache.push((x, Loc::Gpr(r)));
        }
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

    /// Memory 0's base into its register, where its accesses are guarded (the others read
    /// their bases from their descriptors).
    pub(super) fn load_membase(&mut self) {
        if self.env.mem_bounds.first() == Some(&Bounds::GuardPages) {
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
        let size = 8 * (self.frame.max_words + self.frame.max_out) as usize;
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
        // The first result, an integer or a reference, goes in `rax` alone
        // (`first_result_in_rax`), unless traced exits read it from the area.
        let first = usize::from(m > 0 && !self.stack[top].kind.in_xmm() && !self.env.options.trace_calls);
        for j in first..m {
            let (e, at) = (self.stack[top + j], self.frame.results[j]);
            let to = Self::in_addr(at);
            if e.loc == Loc::Slot {
                let from = Self::slot_at(e.at, e.kind);
                self.copy(e.kind, from, to);
            } else {
                self.store_entry(e, to);
            }
        }
        self.trace_call(true);
        self.count_frame(false);
        self.first_result_in_rax(top);
        self.asm.mov_rr(Size::S64, Gpr::Rsp, Gpr::Rbp);
        self.asm.pop(Gpr::Rbp);
        self.asm.ret();
    }

    /// The first result, an integer or a reference, in `rax`, where the caller takes it
    /// ([`ARG_GPRS`]); after a traced exit, which clobbers registers, from where it was stored.
    fn first_result_in_rax(&mut self, top: usize) {
        let Some(&e) = self.stack.get(top) else { return };
        if e.kind.in_xmm() {
            return;
        }
        match e.loc {
            _ if self.env.options.trace_calls => self.asm.mov_rm(e.kind.size(), Gpr::Rax, Self::in_addr(0)),
            Loc::Slot => self.asm.mov_rm(e.kind.size(), Gpr::Rax, Self::slot(e)),
            _ => self.load_gpr(e, Gpr::Rax),
        }
    }

    // ----- Traps -----

    /// The exits of traps: the trap's code in `rax`, to the landing pad.
    pub(super) fn emit_traps(&mut self) {
        // Lent and given back: the buffer serves the next function.
        let traps = std::mem::take(&mut self.traps);
        for &(trap, rule, arg, label) in &traps {
            self.asm.bind(label);
            if let Some(arg) = arg {
                self.asm.mov_rm(Size::S64, SCRATCH, Mem::disp(CTX, VmCtx::RUNTIME));
                self.asm.mov_mr(Size::S64, Mem::disp(SCRATCH, Runtime::TRAP_ARG), arg);
            }
            self.asm.mov_ri64(Gpr::Rax, trap_code(trap, rule) as i64);
            self.asm.jmp_m(Mem::disp(CTX, VmCtx::TRAP_LANDING));
        }
        self.traps = traps;
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

/// The frame's layout, in words (see the module's documentation).
pub(super) struct Frame {
    /// The displacement from `rbp` of every local, parameters first.
    pub(super) locals: Vec<i32>,
    /// Where each result goes in the caller's area.
    pub(super) results: Vec<u32>,
    /// The word after the declared locals (word 0 is the saved context), and the first word
    /// of the home slots: an even one.
    pub(super) declared_end: u32,
    pub(super) slots: u32,
    /// The deepest word the home slots reached, and the most words a call passed or
    /// received: the frame's size, known at the end.
    pub(super) max_words: u32,
    pub(super) max_out: u32,
}

impl Frame {
    pub(super) fn new(params: &[Kind], results: &[Kind], locals: &[Kind]) -> Frame {
        let mut disps: Vec<i32> = area(params).0.iter().map(|at| 16 + 8 * *at as i32).collect();
        let mut end = 1;
        for kind in &locals[params.len()..] {
            let at = area_at(end, kind.words() == 2);
            end = at + kind.words();
            disps.push(-8 * end as i32);
        }
        let slots = area_at(end, true);
        Frame {
            locals: disps,
            results: area(results).0.into_vec(),
            declared_end: end,
            slots,
            max_words: slots,
            max_out: 0,
        }
    }
}

/// The word of each value of these kinds in an area of words, and the words it takes
/// ([`crate::jit::runtime::area_layout`], over kinds).
pub(super) fn area(kinds: &[Kind]) -> (SmallVec<[u32; 8]>, u32) {
    (places(kinds).collect(), words(kinds))
}

/// The parameters that arrive in registers ([`ARG_GPRS`]): each one's index, kind, word of
/// the area and register.
fn params_in_regs(params: &[Kind]) -> impl Iterator<Item = (u32, Kind, u32, Gpr)> + '_ {
    params.iter().zip(places(params)).enumerate().filter_map(|(x, (&kind, at))| {
        let r = *ARG_GPRS.get(at as usize)?;
        (!kind.in_xmm()).then_some((x as u32, kind, at, r))
    })
}

/// Where each value of [`area`] starts, one at a time: not collected, as every call asks.
pub(super) fn places(kinds: &[Kind]) -> impl Iterator<Item = u32> + '_ {
    let mut end = 0;
    kinds.iter().map(move |k| {
        let at = area_at(end, k.words() == 2);
        end = at + k.words();
        at
    })
}

/// The words [`area`] takes.
pub(super) fn words(kinds: &[Kind]) -> u32 {
    places(kinds).zip(kinds).last().map_or(0, |(at, k)| at + k.words())
}
