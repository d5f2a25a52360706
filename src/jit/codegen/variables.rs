//! Variable instructions: locals and globals (through the addresses of their cells in the
//! context).
//!
//! A local lives in the frame, and `local.get` is read lazily, where its value is used. The
//! register a `local.set` takes its value from keeps it, as a write-through cache: a later
//! `local.get` reads that register (in place, as an operand or a memory index, or copied)
//! instead of memory just written (whose latency, store to load, would lie on the path of
//! every value computed from it). A loop's header keeps the locals its body reads in
//! registers, and every branch back puts them there again (`control.rs`). The cache is
//! forgotten where other paths meet (an `else`, a block's end that branches reach), at
//! calls (which clobber registers), and register by register when the registers are wanted:
//! memory is always current.

use super::FuncCompiler;
use super::regs::CTX;
use super::stack::{Kind, Loc};
use crate::jit::runtime::VmCtx;
use crate::jit::x64::*;

impl FuncCompiler<'_, '_> {
    /// `local.get x`: the local read when the entry is used (from its cached register if it
    /// is still there then, in place where the use only reads it); a vector copied from its
    /// cached register now (vector operations take their operands as their own).
    pub(super) fn local_get(&mut self, x: u32) {
        let kind = self.locals[x as usize];
        match self.cached(x) {
            Some(Loc::Xmm(r)) if kind == Kind::V128 => {
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

    /// `local.set` and `local.tee`: the value stored, and cached in its register (a copy for
    /// `local.tee`); in the register where the innermost loop's header keeps `x` when that is
    /// free, so that the branch back finds it there.
    fn set_local(&mut self, x: u32, tee: bool) {
        self.materialize_local(x);
        self.uncache_local(x);
        if self.stack.last().is_some_and(|e| e.loc == Loc::Slot) {
            let e = self.pop_resolved();
            self.push(e.kind, e.loc);
        }
        let e = *self.stack.last().expect("validated: an operand is there");
        let addr = self.local_addr(x);
        self.store_entry(e, addr);
        let home = self.free_header_reg(x);
        if tee {
            match e.loc {
                Loc::Gpr(r) => {
                    if let Some(Loc::Gpr(copy)) = home.or_else(|| self.spare_gpr().map(Loc::Gpr)) {
                        self.gprs.hold(copy);
                        self.asm.mov_rr(Size::S64, copy, r);
                        self.cache.push((x, Loc::Gpr(copy)));
                    }
                }
                Loc::Xmm(r) => {
                    if let Some(Loc::Xmm(copy)) = home.or_else(|| self.spare_xmm().map(Loc::Xmm)) {
                        self.xmms.hold(copy);
                        self.asm.sse_xx(Sse::MOVAPS, copy, r);
                        self.cache.push((x, Loc::Xmm(copy)));
                    }
                }
                _ => {}
            }
            return;
        }
        let e = self.pop();
        match (e.loc, home) {
            (Loc::Gpr(r), Some(Loc::Gpr(h))) => {
                self.gprs.hold(h);
                self.asm.mov_rr(Size::S64, h, r);
                self.free(e.loc);
                self.cache.push((x, Loc::Gpr(h)));
            }
            (Loc::Xmm(r), Some(Loc::Xmm(h))) => {
                self.xmms.hold(h);
                self.asm.sse_xx(Sse::MOVAPS, h, r);
                self.free(e.loc);
                self.cache.push((x, Loc::Xmm(h)));
            }
            _ => self.cache_local(x, e.loc),
        }
    }

    /// The register in which the innermost loop around that keeps local `x` at its header
    /// keeps it, if no one holds it now.
    fn free_header_reg(&self, x: u32) -> Option<Loc> {
        let mut loops = self.loops.iter().rev().map(|&i| &self.ctrls[i]);
        let loop_ = loops.find(|c| c.cache.iter().any(|h| h.0 == x))?;
        let (_, loc) = *loop_.cache.iter().find(|h| h.0 == x)?;
        let free = match loc {
            Loc::Gpr(r) => !self.gprs.contains(r),
            Loc::Xmm(r) => !self.xmms.contains(r),
            _ => false,
        };
        free.then_some(loc)
    }

    // ----- The cache of locals -----

    /// The register that holds local `x`'s value too, if any.
    pub(super) fn cached(&self, x: u32) -> Option<Loc> {
        self.cache.iter().find(|c| c.0 == x).map(|c| c.1)
    }

    /// The register that holds local `x`'s value too, if it is a general one, kept there
    /// until the current instruction is done ([`FuncCompiler::pinned`]).
    pub(super) fn pinned_gpr(&mut self, x: u32) -> Option<Gpr> {
        let Some(Loc::Gpr(r)) = self.cached(x) else { return None };
        self.pinned.hold(r);
        Some(r)
    }

    /// [`Self::pinned_gpr`] for an XMM register.
    pub(super) fn pinned_xmm(&mut self, x: u32) -> Option<Xmm> {
        let Some(Loc::Xmm(r)) = self.cached(x) else { return None };
        self.pinned_xmms.hold(r);
        Some(r)
    }

    /// Local `x`'s value, just stored, stays in `loc` if that is a register.
    fn cache_local(&mut self, x: u32, loc: Loc) {
        match loc {
            Loc::Gpr(_) | Loc::Xmm(_) => self.cache.push((x, loc)),
            _ => self.free(loc),
        }
    }

    /// Local `x` into a register of its own, cached, at a loop's header: while registers are
    /// plenty (a spare one, taking none from the cache or the stack).
    pub(super) fn preload_local(&mut self, x: u32) {
        if self.cache.iter().any(|c| c.0 == x) {
            return;
        }
        let kind = self.locals[x as usize];
        let addr = self.local_addr(x);
        if kind.in_xmm() {
            if let Some(r) = self.spare_xmm() {
                self.movs_xm(kind, r, addr);
                self.cache.push((x, Loc::Xmm(r)));
            }
        } else if let Some(r) = self.spare_gpr() {
            self.asm.mov_rm(kind.size(), r, addr);
            self.cache.push((x, Loc::Gpr(r)));
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
        // Emptied, not taken: its buffer serves the whole function (and the next).
        while let Some((_, loc)) = self.cache.pop() {
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
        let kind = Kind::admitted(self.env.globals[x as usize].val);
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
