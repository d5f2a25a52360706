//! Variable instructions: locals (in the frame, read lazily) and globals (through the
//! addresses of their cells in the context).

use super::FuncCompiler;
use super::regs::CTX;
use super::stack::{Kind, Loc};
use crate::jit::runtime::VmCtx;
use crate::jit::x64::*;

impl FuncCompiler<'_, '_> {
    /// `local.get x`: the local, read when the entry is used.
    pub(super) fn local_get(&mut self, x: u32) {
        let kind = self.locals[x as usize];
        self.push(kind, Loc::Local(x));
    }

    /// `local.set x`.
    pub(super) fn local_set(&mut self, x: u32) {
        self.set_local(x, false)
    }

    /// `local.tee x`.
    pub(super) fn local_tee(&mut self, x: u32) {
        self.set_local(x, true)
    }

    fn set_local(&mut self, x: u32, tee: bool) {
        self.materialize_local(x);
        let k = self.stack.len() - 1;
        let e = self.stack[k];
        let addr = self.local_addr(x);
        if e.loc == Loc::Slot {
            let kind = e.kind;
            let e = self.pop_resolved();
            self.store_entry(e, addr);
            if tee {
                self.push(kind, e.loc);
            } else {
                self.free(e.loc);
            }
            return;
        }
        self.store_entry(e, addr);
        if !tee {
            let e = self.pop();
            self.free(e.loc);
        }
    }

    /// The address of global `x`'s cell, in a register.
    fn global_cell(&mut self, x: u32) -> Gpr {
        let r = self.alloc_gpr();
        self.asm.mov_rm(Size::S64, r, Mem::disp(CTX, VmCtx::global(x)));
        r
    }

    pub(super) fn global_get(&mut self, x: u32) {
        let kind = Kind::all(&[self.env.globals[x as usize].val])[0];
        let cell = self.global_cell(x);
        if kind.in_xmm() {
            let v = self.alloc_xmm();
            self.movs_xm(kind, v, Mem::base(cell));
            self.free(Loc::Gpr(cell));
            self.push(kind, Loc::Xmm(v));
        } else {
            self.asm.mov_rm(kind.size(), cell, Mem::base(cell));
            self.push(kind, Loc::Gpr(cell));
        }
    }

    pub(super) fn global_set(&mut self, x: u32) {
        let e = self.pop_resolved();
        let cell = self.global_cell(x);
        self.store_entry(e, Mem::base(cell));
        self.free(e.loc);
        self.free(Loc::Gpr(cell));
    }
}
