//! Memory instructions: loads and stores at their effective addresses in their memory (memory
//! 0's base in a register, another's read from its descriptor), checked either by the guard
//! pages around the memory (a fault is the check: its place is recorded with the rule its
//! trap cites) or by an explicit comparison with the memory's size, as each memory's mapping
//! needs; `memory.size`; and `memory.grow` and the bulk memory instructions, which call the
//! runtime.

use super::call::Returns;
use super::regs::{CTX, MEMBASE, RegSet, SCRATCH};
use super::stack::{Entry, Kind, Loc};
use super::{Bounds, FuncCompiler};
use crate::jit::memory::MemDesc;
use crate::jit::mutants::{Mutant, active};
use crate::jit::runtime::{Trap, VmCtx};
use crate::jit::x64::Mem;
use crate::jit::x64::*;
use crate::rules::{self, Rule};
use crate::syntax::*;

impl FuncCompiler<'_, '_> {
    // ----- Addresses -----

    /// How accesses to memory `x` are checked.
    pub(super) fn bounds_of(&self, x: u32) -> Bounds {
        self.env.mem_bounds.get(x as usize).copied().unwrap_or(self.env.options.bounds)
    }

    /// The address `[base + i + offset]` of an access of `n` bytes to memory `x`, after the
    /// bounds check in `Checks` mode. Its place is recorded with its rule in either mode: in
    /// guard mode a fault is the check; in `Checks` mode the memory's unopened pages stand
    /// behind the check, and a fault there is out of bounds by the same rule.
    pub(super) fn effective(&mut self, x: u32, i: Entry, offset: u64, n: u64, rule: Rule) -> (Mem, Loc) {
        let (mem, loc) = match (self.bounds_of(x), x) {
            (Bounds::GuardPages, 0) => self.guarded(i, offset),
            (Bounds::GuardPages, _) => self.guarded_other(x, i, offset),
            (Bounds::Checks, _) => self.checked(x, i, offset, n, rule),
        };
        self.faults.push((self.asm.offset(), rule));
        (mem, loc)
    }

    /// `GuardPages` mode for memory 0: the address as it is, `[membase + i + offset]`; an
    /// index and offset past the memory land in its guard region.
    fn guarded(&mut self, i: Entry, offset: u64) -> (Mem, Loc) {
        match i.loc {
            Loc::Const(c) if (c as u32 as u64 + offset) <= i32::MAX as u64 => {
                (Mem::disp(MEMBASE, (c as u32 as u64 + offset) as i32), Loc::Slot)
            }
            Loc::Local(x)
                if offset <= i32::MAX as u64 && self.cached(x).is_some_and(|c| matches!(c, Loc::Gpr(_))) =>
            {
                let c = self.pinned_gpr(x).expect("cached");
                (Mem::index(MEMBASE, c, Scale::X1, offset as i32), Loc::Slot)
            }
            _ => {
                let r = self.into_gpr(i);
                if offset <= i32::MAX as u64 {
                    (Mem::index(MEMBASE, r, Scale::X1, offset as i32), Loc::Gpr(r))
                } else {
                    self.asm.mov_ri64(SCRATCH, offset as i64);
                    self.asm.alu_rr(Alu::Add, Size::S64, r, SCRATCH);
                    (Mem::index(MEMBASE, r, Scale::X1, 0), Loc::Gpr(r))
                }
            }
        }
    }

    /// `GuardPages` mode for another memory: its base (which never moves) read from its
    /// descriptor and added to the index; past the memory is its own guard region.
    fn guarded_other(&mut self, x: u32, i: Entry, offset: u64) -> (Mem, Loc) {
        let r = self.into_gpr(i);
        let base = self.alloc_gpr_except(RegSet::of(&[r]));
        self.mem_desc(base, x);
        self.asm.mov_rm(Size::S64, base, Mem::disp(base, MemDesc::BASE));
        self.asm.alu_rr(Alu::Add, Size::S64, r, base);
        self.free(Loc::Gpr(base));
        self.plus_offset(r, offset)
    }

    /// `Checks` mode: `i + offset + n` (at most 2^33) against the memory's size.
    fn checked(&mut self, x: u32, i: Entry, offset: u64, n: u64, rule: Rule) -> (Mem, Loc) {
        let r = self.into_gpr(i);
        let desc = self.alloc_gpr_except(RegSet::of(&[r]));
        let bound = if x == 1 && active(Mutant::Mem1BoundOfMem0) { 0 } else { x };
        self.mem_desc(desc, bound);
        let end = offset + n + active(Mutant::BoundsOffByOne) as u64;
        if end <= i32::MAX as u64 {
            self.asm.lea_rm(Size::S64, SCRATCH, Mem::disp(r, end as i32));
        } else {
            self.asm.mov_ri64(SCRATCH, end as i64);
            self.asm.alu_rr(Alu::Add, Size::S64, SCRATCH, r);
        }
        self.asm.alu_rm(Alu::Cmp, Size::S64, SCRATCH, Mem::disp(desc, MemDesc::SIZE));
        let oob = self.trap_label(Trap::MemoryOob, rule);
        self.asm.jcc(Cond::A, oob);
        if bound != x {
            self.mem_desc(desc, x);
        }
        self.asm.mov_rm(Size::S64, desc, Mem::disp(desc, MemDesc::BASE));
        self.asm.alu_rr(Alu::Add, Size::S64, r, desc);
        self.free(Loc::Gpr(desc));
        self.plus_offset(r, offset)
    }

    /// The address `[r + offset]`, `r` the memory's base plus the index.
    fn plus_offset(&mut self, r: Gpr, offset: u64) -> (Mem, Loc) {
        if offset <= i32::MAX as u64 {
            (Mem::disp(r, offset as i32), Loc::Gpr(r))
        } else {
            self.asm.mov_ri64(SCRATCH, offset as i64);
            self.asm.alu_rr(Alu::Add, Size::S64, r, SCRATCH);
            (Mem::base(r), Loc::Gpr(r))
        }
    }

    /// Load the address of memory `x`'s descriptor into `reg` (not the scratch register):
    /// memory 0's from the context's header, another's from the context's table of them.
    fn mem_desc(&mut self, reg: Gpr, x: u32) {
        if x == 0 {
            self.asm.mov_rm(Size::S64, reg, Mem::disp(CTX, VmCtx::MEM0_DESC));
            return;
        }
        self.asm.mov_rm(Size::S64, reg, Mem::disp(CTX, VmCtx::MEMS));
        match i32::try_from(x as u64 * 8) {
            Ok(at) => self.asm.mov_rm(Size::S64, reg, Mem::disp(reg, at)),
            Err(_) => {
                self.asm.mov_ri(Size::S32, SCRATCH, x as i32);
                self.asm.mov_rm(Size::S64, reg, Mem::index(reg, SCRATCH, Scale::X8, 0));
            }
        }
    }

    /// The instruction emitted next is the access, the one that faults: its offset replaces
    /// the one recorded before the address was formed.
    pub(super) fn faulting_next(&mut self) {
        let at = self.asm.offset();
        if let Some(last) = self.faults.last_mut() {
            last.0 = at;
        }
    }

    // ----- Loads and stores -----

    pub(super) fn load(&mut self, t: NumType, op: Option<LoadOp>, x: u32, m: MemArg) {
        let n = op.map_or(t.size(), |op| op.size.bits()) as u64 / 8;
        let rule =
            if op.is_some() { rules::STEP_READ__LOAD_PACK_OOB } else { rules::STEP_READ__LOAD_NUM_OOB };
        let i = self.pop_resolved();
        let (addr, held) = self.effective(x, i, m.offset, n, rule);
        let kind = Kind::num(t);
        if kind.in_xmm() {
            let v = self.alloc_xmm();
            self.faulting_next();
            self.movs_xm(kind, v, addr);
            self.free(held);
            self.push(kind, Loc::Xmm(v));
            return;
        }
        let r = match held {
            Loc::Gpr(r) => r,
            _ => self.alloc_gpr(),
        };
        self.faulting_next();
        let to = kind.size();
        match op {
            None => self.asm.mov_rm(to, r, addr),
            Some(LoadOp { size: Sz::N32, sx: Sx::S }) => self.asm.movsxd_rm(r, addr),
            Some(LoadOp { size: Sz::N32, sx: Sx::U }) => self.asm.mov_rm(Size::S32, r, addr),
            Some(LoadOp { size, sx }) => {
                let from = if size == Sz::N8 { Size::S8 } else { Size::S16 };
                match sx {
                    Sx::S => self.asm.movsx_rm(to, r, from, addr),
                    Sx::U => self.asm.movzx_rm(Size::S32, r, from, addr),
                }
            }
        }
        self.push(kind, Loc::Gpr(r));
    }

    pub(super) fn store(&mut self, t: NumType, sz: Option<Sz>, x: u32, m: MemArg) {
        let n = sz.map_or(t.size(), Sz::bits) as u64 / 8;
        let rule = if sz.is_some() { rules::STEP__STORE_PACK_OOB } else { rules::STEP__STORE_NUM_OOB };
        let kind = Kind::num(t);
        let v = self.pop_resolved();
        let v = if kind.in_xmm() { Loc::Xmm(self.into_xmm(v)) } else { Loc::Gpr(self.into_gpr(v)) };
        // The value's register stays held (it is ours), so the address cannot land in it.
        let i = self.pop_resolved();
        let (addr, held) = self.effective(x, i, m.offset, n, rule);
        self.faulting_next();
        match v {
            Loc::Xmm(xv) => self.movs_mx(kind, addr, xv),
            Loc::Gpr(rv) => {
                let size = match n {
                    1 => Size::S8,
                    2 => Size::S16,
                    4 => Size::S32,
                    _ => Size::S64,
                };
                self.asm.mov_mr(size, addr, rv);
            }
            _ => unreachable!(),
        }
        self.free(held);
        self.free(v);
    }

    // ----- Size, growth and bulk operations -----

    pub(super) fn memory_size(&mut self, x: u32) {
        let r = self.alloc_gpr();
        self.mem_desc(r, x);
        self.asm.mov_rm(Size::S64, r, Mem::disp(r, MemDesc::SIZE));
        self.asm.shift_ri(Shift::Shr, Size::S64, r, 16);
        self.push(Kind::I32, Loc::Gpr(r));
    }

    /// `memory.grow x`.
    pub(super) fn memory_grow(&mut self, x: u32) {
        self.builtin(self.env.builtins.memory_grow, &[x as u64], 1, Returns::Value(Kind::I32))
    }

    /// `memory.fill x`.
    pub(super) fn memory_fill(&mut self, x: u32) {
        self.builtin(self.env.builtins.memory_fill, &[x as u64], 3, Returns::TrapCode)
    }

    /// `memory.copy x y`.
    pub(super) fn memory_copy(&mut self, x: u32, y: u32) {
        self.builtin(self.env.builtins.memory_copy, &[x as u64, y as u64], 3, Returns::TrapCode)
    }

    /// `memory.init x y`.
    pub(super) fn memory_init(&mut self, x: u32, y: u32) {
        self.builtin(self.env.builtins.memory_init, &[x as u64, y as u64], 3, Returns::TrapCode)
    }

    /// `data.drop x`.
    pub(super) fn data_drop(&mut self, x: u32) {
        self.builtin(self.env.builtins.data_drop, &[x as u64], 0, Returns::Nothing)
    }
}
