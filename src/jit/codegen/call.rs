//! Calls: arguments through the outgoing area at the bottom of the frame, the first words
//! in registers ([`ARG_GPRS`]: to a defined function only there, which stores them itself),
//! results back through it (the first in `rax` instead, when an integer or a reference);
//! `call` of a defined function directly, of an import through its function reference;
//! `call_indirect` as SpecTec writes it (`table.get`, `ref.cast`, `call_ref`); and the
//! runtime functions of [`crate::jit::builtins`] in the System V convention.

use super::FuncCompiler;
use super::frame::{places, words};
use super::regs::{CTX, SCRATCH, sequence_moves};
use super::stack::{Entry, Kind, Loc};
use crate::jit::mutants::{Mutant, active};
use crate::jit::runtime::{ARG_GPRS, FuncRef, TableDesc, Trap, VmCtx, area_at};
use crate::jit::x64::*;
use crate::rules;
use smallvec::SmallVec;

/// What a runtime function returns.
#[derive(Copy, Clone, PartialEq, Eq)]
pub(super) enum Returns {
    /// Nothing.
    Nothing,
    /// A value of this kind.
    Value(Kind),
    /// 0, or the code of the trap it raises (which names the rule).
    TrapCode,
}

impl FuncCompiler<'_, '_> {
    /// Pass the arguments, the top entries: each to its word of the outgoing area, but those
    /// that [`ARG_GPRS`] carry, which go into their registers, and to the area too where the
    /// callee may be the host's (`stored`); the rest of the stack is spilled first. The area
    /// has room for the results too.
    fn pass_args(&mut self, params: &[Kind], results: &[Kind], stored: bool) {
        let top = self.stack.len() - params.len();
        self.spill_regs_under(top);
        let mut in_regs: SmallVec<[_; ARG_GPRS.len()]> = SmallVec::new();
        // The arguments read where they lie on the stack, which drops them last, rather than
        // copied out first.
        let mut end = 0;
        for k in top..self.stack.len() {
            let e = self.stack[k];
            let at = area_at(end, e.kind == Kind::V128);
            end = at + e.kind.words();
            let to = Self::out_addr(at);
            match ARG_GPRS.get(at as usize) {
                Some(&r) if !e.kind.in_xmm() => in_regs.push((r, e, to)),
                _ if e.loc == Loc::Slot => self.copy(e.kind, Self::slot(e), to),
                _ => self.store_entry(e, to),
            }
        }
        self.frame.max_out = self.frame.max_out.max(end.max(words(results)));
        self.move_to_regs(&in_regs);
        if stored {
            // By reference: a `SmallVec` taken by value is copied whole.
            for &(r, e, to) in &in_regs {
                self.asm.mov_mr(e.kind.size(), to, r);
            }
        }
        for k in top..self.stack.len() {
            self.free(self.stack[k].loc);
        }
        self.stack.truncate(top);
    }

    /// Load each entry into its register, all at once: register to register first
    /// ([`sequence_moves`]), then from memory and constants.
    fn move_to_regs(&mut self, moves: &[(Gpr, Entry, Mem)]) {
        // Pushed one by one: collected, the moves went through `SmallVec`'s `extend`, a call.
        let mut regs: SmallVec<[(Gpr, Gpr); ARG_GPRS.len()]> = SmallVec::new();
        for &(to, e, _) in moves {
            if let Loc::Gpr(from) = e.loc {
                regs.push((to, from));
            }
        }
        for (to, from) in sequence_moves(&regs, SCRATCH) {
            // Through the scratch register whole; into an argument's at its size (an `i32`
            // zero-extended, as in every register).
            let size = match moves.iter().find(|m| m.0 == to) {
                Some(m) => m.1.kind.size(),
                None => Size::S64,
            };
            self.asm.mov_rr(size, to, from);
        }
        for (to, e, _) in moves {
            match e.loc {
                Loc::Gpr(_) => {}
                Loc::Slot => self.asm.mov_rm(e.kind.size(), *to, Self::slot(*e)),
                _ => self.load_gpr(*e, *to),
            }
        }
    }

    /// After a call: the results into registers, the first from `rax` where [`ARG_GPRS`]'
    /// convention leaves it there, the others from the outgoing area.
    fn take_results(&mut self, results: &[Kind]) {
        for (kind, at) in results.iter().zip(places(results)) {
            if kind.in_xmm() {
                let x = self.alloc_xmm();
                self.movs_xm(*kind, x, Self::out_addr(at));
                self.push(*kind, Loc::Xmm(x));
            } else if at == 0 {
                debug_assert!(!self.gprs.contains(Gpr::Rax), "nothing is live across a call");
                self.gprs.hold(Gpr::Rax);
                self.push(*kind, Loc::Gpr(Gpr::Rax));
            } else {
                let r = self.alloc_gpr();
                self.asm.mov_rm(kind.size(), r, Self::out_addr(at));
                self.push(*kind, Loc::Gpr(r));
            }
        }
    }

    pub(super) fn call(&mut self, x: u32) {
        let ty = self.env.funcs[x as usize];
        let results = Kind::all(&ty.results);
        // A defined function stores its register arguments itself; an import may be the host's.
        self.pass_args(&Kind::all(&ty.params), &results, x < self.env.imported_funcs);
        if x < self.env.imported_funcs {
            // Through the function's reference: its code, in its own context.
            self.asm.mov_rm(Size::S64, Gpr::Rax, Mem::disp(CTX, VmCtx::FUNCS));
            self.asm.mov_rm(Size::S64, Gpr::Rax, Mem::disp(Gpr::Rax, 8 * x as i32));
            self.call_ref_in_rax();
        } else {
            let label = self.callees.label(self.asm, (x - self.env.imported_funcs) as usize);
            self.asm.call(label);
        }
        self.take_results(&results);
    }

    /// Call the function whose reference is in `rax`, in its context, and return to ours.
    fn call_ref_in_rax(&mut self) {
        self.asm.mov_rm(Size::S64, CTX, Mem::disp(Gpr::Rax, FuncRef::CTX));
        self.asm.call_m(Mem::disp(Gpr::Rax, FuncRef::CODE));
        self.asm.mov_rm(Size::S64, CTX, Mem::disp(Gpr::Rbp, -8));
        self.load_membase();
    }

    /// `call_indirect`: bounds (`undefined element`), null (`uninitialized element`), type
    /// (`indirect call type mismatch`), as the reference's `table.get`, `ref.cast`, `call_ref`.
    pub(super) fn call_indirect(&mut self, x: u32, y: u32) {
        let ty = self.env.types[y as usize];
        let results = Kind::all(&ty.results);
        // The index in rdx, which the argument moves leave alone.
        let i = self.pop_resolved();
        let keep = i.loc;
        self.evict_gpr(Gpr::Rdx, keep);
        self.load_gpr(i, Gpr::Rdx);
        if i.loc != Loc::Gpr(Gpr::Rdx) {
            self.free(i.loc);
        }
        // Held while the arguments move (spilling frees registers: nothing is restored).
        self.gprs.hold(Gpr::Rdx);
        self.pass_args(&Kind::all(&ty.params), &results, true);
        self.gprs.free(Gpr::Rdx);
        let undefined =
            self.trap_with(Trap::UndefinedElement, rules::STEP_READ__TABLE_GET_OOB, Some(Gpr::Rdx));
        let uninitialized =
            self.trap_with(Trap::UninitializedElement, rules::STEP_READ__CALL_REF_NULL, Some(Gpr::Rdx));
        let mismatch = self.trap_label(Trap::IndirectCallTypeMismatch, rules::STEP_READ__REF_CAST_FAIL);
        let a = &mut *self.asm;
        a.mov_rm(Size::S64, Gpr::Rcx, Mem::disp(CTX, VmCtx::TABLES));
        a.mov_rm(Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rcx, 8 * x as i32));
        a.alu_rm(Alu::Cmp, Size::S64, Gpr::Rdx, Mem::disp(Gpr::Rcx, TableDesc::SIZE));
        a.jcc(Cond::Ae, undefined);
        a.mov_rm(Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rcx, TableDesc::ELEMS));
        a.mov_rm(Size::S64, Gpr::Rax, Mem::index(Gpr::Rcx, Gpr::Rdx, Scale::X8, 0));
        a.test_rr(Size::S64, Gpr::Rax, Gpr::Rax);
        a.jcc(Cond::E, uninitialized);
        if !active(Mutant::CallIndirectNoTypeCheck) {
            a.mov_rm(Size::S64, Gpr::Rcx, Mem::disp(CTX, VmCtx::TYPE_IDS));
            a.mov_rm(Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rcx, 8 * y as i32));
            a.alu_rm(Alu::Cmp, Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rax, FuncRef::TYPE_ID));
            a.jcc(Cond::Ne, mismatch);
        }
        self.call_ref_in_rax();
        self.take_results(&results);
    }

    /// A runtime function: `f(ctx, imm..., popped operands...)` in the System V convention.
    pub(super) fn builtin(&mut self, f: usize, imms: &[u64], operands: usize, returns: Returns) {
        self.spill_regs();
        const ARGS: [Gpr; 6] = [Gpr::Rdi, Gpr::Rsi, Gpr::Rdx, Gpr::Rcx, Gpr::R8, Gpr::R9];
        self.asm.mov_rr(Size::S64, ARGS[0], CTX);
        for (j, imm) in imms.iter().enumerate() {
            self.asm.mov_ri64(ARGS[1 + j], *imm as i64);
        }
        let top = self.stack.len() - operands;
        for j in 0..operands {
            let e = self.stack[top + j];
            let r = ARGS[1 + imms.len() + j];
            if e.loc == Loc::Slot {
                self.asm.mov_rm(e.kind.size(), r, Self::slot(e));
            } else {
                self.load_gpr(e, r);
            }
        }
        for _ in 0..operands {
            self.pop();
        }
        self.asm.mov_ri64(Gpr::Rax, f as i64);
        self.asm.call_r(Gpr::Rax);
        match returns {
            Returns::Nothing => {}
            Returns::Value(kind) => {
                self.gprs.hold(Gpr::Rax);
                self.push(kind, Loc::Gpr(Gpr::Rax));
            }
            Returns::TrapCode => {
                // The code names the rule: the landing pad records it as it is.
                let ok = self.asm.new_label();
                self.asm.test_rr(Size::S64, Gpr::Rax, Gpr::Rax);
                self.asm.jcc(Cond::E, ok);
                self.asm.jmp_m(Mem::disp(CTX, VmCtx::TRAP_LANDING));
                self.asm.bind(ok);
            }
        }
    }
}
