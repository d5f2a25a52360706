//! Vector memory instructions (spec 4.4.7): `v128.load` and its forms (extending, splatting,
//! zero-filling), lane loads and stores, `v128.store`. Addresses and bounds as the scalar
//! accesses have them (`codegen/memory.rs`): one instruction touches memory, and its place
//! is recorded with the rule its trap cites. Linear memory has no alignment:
//! whole vectors move with `movdqu`.

use super::FuncCompiler;
use crate::jit::codegen::stack::{Kind, Loc};

use crate::jit::x64::Mem;
use crate::jit::x64::*;
use crate::rules::{self, Rule};
use crate::syntax::*;

/// The size of a lane of `sz` bits, as an operand size.
pub(super) fn size_of(sz: Sz) -> Size {
    match sz {
        Sz::N8 => Size::S8,
        Sz::N16 => Size::S16,
        Sz::N32 => Size::S32,
        Sz::N64 => Size::S64,
    }
}

impl FuncCompiler<'_, '_> {
    /// The address of an access of `n` bytes at the popped index and `m`'s offset, checked;
    /// what holds the index is returned, to free after the access.
    fn vaddress(&mut self, x: u32, m: MemArg, n: u64, rule: Rule) -> (Mem, Loc) {
        let i = self.pop_resolved();
        self.effective(x, i, m.offset, n, rule)
    }

    /// `v128.load`, `v128.loadNxM_sx`, `v128.loadN_splat`, `v128.loadN_zero`.
    pub(in crate::jit::codegen) fn vload(&mut self, op: Option<VLoadOp>, x: u32, m: MemArg) {
        let (n, rule) = match op {
            None => (16, rules::STEP_READ__VLOAD_OOB),
            Some(VLoadOp::Shape(..)) => (8, rules::STEP_READ__VLOAD_PACK_OOB),
            Some(VLoadOp::Splat(sz)) => (sz.bits() as u64 / 8, rules::STEP_READ__VLOAD_SPLAT_OOB),
            Some(VLoadOp::Zero(sz)) => (sz.bits() as u64 / 8, rules::STEP_READ__VLOAD_ZERO_OOB),
        };
        let (addr, held) = self.vaddress(x, m, n, rule);
        let v = self.alloc_xmm();
        self.faulting_next();
        match op {
            None => self.asm.sse_xm(Sse::MOVDQU, v, addr),
            Some(VLoadOp::Shape(sz, _, sx)) => {
                let op = match (sz, sx) {
                    (Sz::N8, Sx::S) => Sse::PMOVSXBW,
                    (Sz::N8, Sx::U) => Sse::PMOVZXBW,
                    (Sz::N16, Sx::S) => Sse::PMOVSXWD,
                    (Sz::N16, Sx::U) => Sse::PMOVZXWD,
                    (_, Sx::S) => Sse::PMOVSXDQ,
                    (_, Sx::U) => Sse::PMOVZXDQ,
                };
                self.asm.sse_xm(op, v, addr);
            }
            Some(VLoadOp::Splat(Sz::N64)) => self.asm.sse_xm(Sse::MOVDDUP, v, addr),
            Some(VLoadOp::Splat(Sz::N32)) => {
                self.asm.sse_xm(Sse::MOVSS, v, addr);
                self.asm.sse_xxi(SseImm::PSHUFD, v, v, 0);
            }
            Some(VLoadOp::Splat(sz)) => {
                self.asm.pinsr_xmi(size_of(sz), v, addr, 0);
                self.splat_low(size_of(sz), v);
            }
            Some(VLoadOp::Zero(Sz::N32)) => self.asm.sse_xm(Sse::MOVSS, v, addr),
            Some(VLoadOp::Zero(_)) => self.asm.sse_xm(Sse::MOVQ, v, addr),
        }
        self.free(held);
        self.push(Kind::V128, Loc::Xmm(v));
    }

    /// `v128.loadN_lane`: lane `lane` from memory, the others kept.
    pub(in crate::jit::codegen) fn vload_lane(&mut self, sz: Sz, x: u32, m: MemArg, lane: u8) {
        let v = self.pop_vreg();
        let (addr, held) = self.vaddress(x, m, sz.bits() as u64 / 8, rules::STEP_READ__VLOAD_LANE_OOB);
        self.faulting_next();
        self.asm.pinsr_xmi(size_of(sz), v, addr, lane);
        self.free(held);
        self.push_v(v);
    }

    /// `v128.store`.
    pub(in crate::jit::codegen) fn vstore(&mut self, x: u32, m: MemArg) {
        let v = self.pop_vreg();
        let (addr, held) = self.vaddress(x, m, 16, rules::STEP__VSTORE_OOB);
        self.faulting_next();
        self.asm.sse_mx(SseStore::MOVDQU, addr, v);
        self.free(held);
        self.free(Loc::Xmm(v));
    }

    /// `v128.storeN_lane`.
    pub(in crate::jit::codegen) fn vstore_lane(&mut self, sz: Sz, x: u32, m: MemArg, lane: u8) {
        let v = self.pop_vreg();
        let (addr, held) = self.vaddress(x, m, sz.bits() as u64 / 8, rules::STEP__VSTORE_LANE_OOB);
        self.faulting_next();
        self.asm.pextr_mxi(size_of(sz), addr, v, lane);
        self.free(held);
        self.free(Loc::Xmm(v));
    }
}
