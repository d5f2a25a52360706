//! Variable instructions: locals and globals (through the addresses of their cells in the
//! context).
//!
//! A local lives in the frame, and `local.get` is read lazily, where its value is used. The
//! register a `local.set` takes its value from keeps it, as a write-through cache: the next
//! `local.get` copies that register instead of reading memory just written (whose latency,
//! store to load, would lie on the path of every value computed from it). The cache is
//! forgotten where paths meet (a loop's header, an `else`, a block's end that branches
//! reach), at calls (which clobber registers), and register by register when the registers
//! are wanted: memory is always current.

use super::FuncCompiler;
use super::regs::CTX;
use super::stack::{Kind, Loc};
use crate::jit::runtime::VmCtx;
use crate::jit::x64::*;

impl FuncCompiler<'_, '_> {
    /// `local.get x`: a copy of its cached register, or the local read when the entry is used.
    pub(super) fn local_get(&mut self, x: u32) {
        let kind = self.locals[x as usize];
        match self.cache.iter().find(|c| c.0 == x).map(|c| c.1) {
            Some(Loc::Gpr(r)) => {
                let n = self.alloc_gpr();
                self.asm.mov_rr(kind.size(), n, r);
                self.push(kind, Loc::Gpr(n));
            }
            Some(Loc::Xmm(r)) => {
                let n = self.alloc_xmm();
                self.asm.sse_xx(Sse::MOVAPS, n, r);
                self.push(kind, Loc::Xmm(n));
            }
            _ => self.push(kind, Loc::Local(x)),
        }
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
        self.uncache_local(x);
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
                self.cache_local(x, e.loc);
            }
            return;
        }
        self.store_entry(e, addr);
        if !tee {
            let e = self.pop();
            self.cache_local(x, e.loc);
        }
    }

    // ----- The cache of locals -----

    /// Local `x`'s value, just stored, stays in `loc` if that is a register.
    fn cache_local(&mut self, x: u32, loc: Loc) {
        match loc {
            Loc::Gpr(_) | Loc::Xmm(_) => self.cache.push((x, loc)),
            _ => self.free(loc),
        }
    }

    /// Forget local `x`'s register.
    fn uncache_local(&mut self, x: u32) {
        if let Some(k) = self.cache.iter().position(|c| c.0 == x) {
            let (_, loc) = self.cache.swap_remove(k);
            self.free(loc);
        }
    }

    /// Forget the local cached in register `loc`, if any (the register is wanted).
    pub(super) fn uncache_reg(&mut self, loc: Loc) {
        if let Some(k) = self.cache.iter().position(|c| c.1 == loc) {
            self.cache.swap_remove(k);
            self.free(loc);
        }
    }

    /// Forget the oldest cached local whose register `wanted` accepts; whether there was one.
    pub(super) fn uncache_one(&mut self, wanted: impl Fn(Loc) -> bool) -> bool {
        match self.cache.iter().position(|c| wanted(c.1)) {
            Some(k) => {
                let (_, loc) = self.cache.remove(k);
                self.free(loc);
                true
            }
            None => false,
        }
    }

    /// Forget every cached local: where paths meet, and at calls.
    pub(super) fn clear_cache(&mut self) {
        for (_, loc) in std::mem::take(&mut self.cache) {
            self.free(loc);
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
