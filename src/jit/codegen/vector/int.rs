//! The bitwise operations on whole vectors, and the integer lanes' arithmetic, comparisons and
//! shifts (`Step_pure/vvunop`, `vvbinop`, `vvternop`, `vunop-val`, `vbinop-val`, `vrelop`,
//! `vshiftop`). Where SSE has no instruction for a lane width (64-bit `abs`, `mul`, `shr_s`;
//! 8-bit shifts; unsigned comparisons) a short sequence computes the spec's result.

use super::lanes::cmpeq;
use super::{FuncCompiler, VSrc};
use crate::jit::codegen::regs::XSCRATCH;
use crate::jit::codegen::stack::Loc;
use crate::jit::mutants::{Mutant, active};
use crate::jit::x64::*;
use crate::syntax::*;

/// An operation per integer shape, `[i8x16, i16x8, i32x4, i64x2]`.
fn per(sh: Shape, ops: [Sse; 4]) -> Sse {
    match sh {
        Shape::I8x16 => ops[0],
        Shape::I16x8 => ops[1],
        Shape::I32x4 => ops[2],
        _ => ops[3],
    }
}

const ADD: [Sse; 4] = [Sse::PADDB, Sse::PADDW, Sse::PADDD, Sse::PADDQ];
const SUB: [Sse; 4] = [Sse::PSUBB, Sse::PSUBW, Sse::PSUBD, Sse::PSUBQ];

impl FuncCompiler<'_, '_> {
    // ----- Bitwise -----

    /// `v128.not`.
    pub(in crate::jit::codegen) fn vnot_op(&mut self) {
        let x = self.pop_vreg();
        let ones = self.vconst_src(u128::MAX);
        self.vop(Sse::PXOR, x, ones);
        self.push_v(x);
    }

    /// `v128.and`, `andnot` (`a & !b`: `pandn` complements its destination), `or`, `xor`.
    pub(in crate::jit::codegen) fn vvbinop(&mut self, op: VVbinop) {
        match op {
            VVbinop::And => self.vbinary(Sse::PAND),
            VVbinop::AndNot => self.vbinary_swapped(Sse::PANDN),
            VVbinop::Or => self.vbinary(Sse::POR),
            VVbinop::Xor => self.vbinary(Sse::PXOR),
        }
    }

    /// `v128.bitselect a b c`: `(a & c) | (b & !c)`.
    pub(in crate::jit::codegen) fn vbitselect(&mut self) {
        let c = self.pop_vreg();
        let (b, held) = self.pop_vsrc();
        let a = self.pop_vreg();
        self.bitselect(a, b, c);
        self.free(held);
        self.push_v(a);
    }

    /// `a = (a & c) | (b & !c)`; `c` is clobbered and freed.
    pub(super) fn bitselect(&mut self, a: Xmm, b: VSrc, c: Xmm) {
        self.asm.sse_xx(Sse::PAND, a, c);
        self.vop(Sse::PANDN, c, b);
        self.asm.sse_xx(Sse::POR, a, c);
        self.free(Loc::Xmm(c));
    }

    // ----- Arithmetic -----

    /// `iabs`, `ineg`, `ipopcnt` lane-wise.
    pub(in crate::jit::codegen) fn vi_unop(&mut self, sh: Shape, op: VIUnop) {
        match (op, sh) {
            (VIUnop::Abs, Shape::I64x2) => {
                // The sign spread over the lane, s; then (x ^ s) - s.
                let x = self.pop_vreg();
                let s = self.alloc_xmm();
                self.asm.sse_xxi(SseImm::PSHUFD, s, x, 0xF5);
                self.asm.sse_xi(SseShift::PSRAD, s, 31);
                self.asm.sse_xx(Sse::PXOR, x, s);
                self.asm.sse_xx(Sse::PSUBQ, x, s);
                self.free(Loc::Xmm(s));
                self.push_v(x);
            }
            (VIUnop::Abs, _) => self.vunary(per(sh, [Sse::PABSB, Sse::PABSW, Sse::PABSD, Sse::PABSD])),
            (VIUnop::Neg, _) => {
                let (src, held) = self.pop_vsrc();
                let t = self.alloc_xmm();
                self.zero(t);
                self.vop(per(sh, SUB), t, src);
                self.free(held);
                self.push_v(t);
            }
            (VIUnop::Popcnt, _) => self.popcnt8(),
        }
    }

    /// `i8x16.popcnt`: each nibble's count from a table (`pshufb`), the two added.
    fn popcnt8(&mut self) {
        let x = self.pop_vreg();
        let hi = self.alloc_xmm();
        let table = self.alloc_xmm();
        let nibble = self.splat_src(0x0F, 1);
        let counts = self.vconst_src(u128::from_le_bytes([0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4]));
        self.vshift3(SseShift::PSRLW, hi, x, 4);
        self.vop(Sse::PAND, hi, nibble);
        self.vop(Sse::PAND, x, nibble);
        self.vop(Sse::MOVDQU, table, counts);
        self.asm.sse_xx(Sse::MOVAPS, XSCRATCH, table);
        self.asm.sse_xx(Sse::PSHUFB, table, x);
        self.asm.sse_xx(Sse::PSHUFB, XSCRATCH, hi);
        self.asm.sse_xx(Sse::PADDB, table, XSCRATCH);
        self.free(Loc::Xmm(x));
        self.free(Loc::Xmm(hi));
        self.push_v(table);
    }

    /// The integer binary operators lane-wise.
    pub(in crate::jit::codegen) fn vi_binop(&mut self, sh: Shape, op: VIBinop) {
        use Sse as S;
        let sat = |s: Sx, signed: [Sse; 2], unsigned: [Sse; 2]| {
            let ops = if s == Sx::S { signed } else { unsigned };
            per(sh, [ops[0], ops[1], ops[1], ops[1]])
        };
        match op {
            VIBinop::Add => self.vbinary(per(sh, ADD)),
            VIBinop::Sub => self.vbinary(per(sh, SUB)),
            VIBinop::AddSat(sx) => self.vbinary(sat(sx, [S::PADDSB, S::PADDSW], [S::PADDUSB, S::PADDUSW])),
            VIBinop::SubSat(sx) => self.vbinary(sat(sx, [S::PSUBSB, S::PSUBSW], [S::PSUBUSB, S::PSUBUSW])),
            VIBinop::Mul if sh == Shape::I64x2 => self.mul64(),
            VIBinop::Mul => self.vbinary(per(sh, [S::PMULLW, S::PMULLW, S::PMULLD, S::PMULLD])),
            VIBinop::Avgr => self.vbinary(per(sh, [S::PAVGB, S::PAVGW, S::PAVGW, S::PAVGW])),
            VIBinop::Q15mulrSat => self.q15mulr(true),
            VIBinop::RelaxedQ15mulr => self.relaxed_q15mulr(),
            VIBinop::Min(Sx::S) => self.vbinary(per(sh, [S::PMINSB, S::PMINSW, S::PMINSD, S::PMINSD])),
            VIBinop::Min(Sx::U) => self.vbinary(per(sh, [S::PMINUB, S::PMINUW, S::PMINUD, S::PMINUD])),
            VIBinop::Max(Sx::S) => self.vbinary(per(sh, [S::PMAXSB, S::PMAXSW, S::PMAXSD, S::PMAXSD])),
            VIBinop::Max(Sx::U) => self.vbinary(per(sh, [S::PMAXUB, S::PMAXUW, S::PMAXUD, S::PMAXUD])),
        }
    }

    /// `i64x2.mul`: from 32-bit halves, `lo(a)lo(b) + (hi(a)lo(b) + lo(a)hi(b)) << 32`.
    fn mul64(&mut self) {
        let b = self.pop_vreg();
        let a = self.pop_vreg();
        let t = self.alloc_xmm();
        self.vshift3(SseShift::PSRLQ, t, a, 32);
        self.asm.sse_xx(Sse::PMULUDQ, t, b);
        self.vshift3(SseShift::PSRLQ, XSCRATCH, b, 32);
        self.asm.sse_xx(Sse::PMULUDQ, XSCRATCH, a);
        self.asm.sse_xx(Sse::PADDQ, t, XSCRATCH);
        self.asm.sse_xi(SseShift::PSLLQ, t, 32);
        self.asm.sse_xx(Sse::PMULUDQ, a, b);
        self.asm.sse_xx(Sse::PADDQ, a, t);
        self.free(Loc::Xmm(t));
        self.free(Loc::Xmm(b));
        self.push_v(a);
    }

    /// `i16x8.q15mulr_sat_s`: `pmulhrsw` rounds as the spec does, but its one overflow,
    /// `-2^15 * -2^15`, wraps to `0x8000`; saturated, it is `0x7fff` (which no product
    /// gives otherwise). Unsaturated: `relaxed_q15mulr_s` with `R_iq15mulr = 1`.
    pub(super) fn q15mulr(&mut self, saturate: bool) {
        let (b, held) = self.pop_vsrc();
        let a = self.pop_vreg();
        self.vop(Sse::PMULHRSW, a, b);
        self.free(held);
        if saturate && !active(Mutant::Q15mulrWraps) {
            let min = self.splat_src(0x8000, 2);
            self.vop3(Sse::PCMPEQW, XSCRATCH, a, min);
            self.asm.sse_xx(Sse::PXOR, a, XSCRATCH);
        }
        self.push_v(a);
    }

    // ----- Comparisons -----

    /// Integer comparisons lane-wise, each lane all ones or zeros: `pcmpeq`, `pcmpgt` (signed),
    /// the others by swapping, complementing, or for unsigned `a <= b` as `min_u(a, b) = a`.
    pub(in crate::jit::codegen) fn vi_relop(&mut self, sh: Shape, op: IRelop) {
        match op {
            IRelop::Eq => self.vbinary(cmpeq(sh)),
            IRelop::Ne => self.then_not(|c| c.vbinary(cmpeq(sh))),
            IRelop::Gt(Sx::S) => self.gt_s(sh, false),
            IRelop::Lt(Sx::S) => self.gt_s(sh, true),
            IRelop::Le(Sx::S) => self.then_not(|c| c.gt_s(sh, false)),
            IRelop::Ge(Sx::S) => self.then_not(|c| c.gt_s(sh, true)),
            IRelop::Le(Sx::U) => self.le_u(sh, false),
            IRelop::Ge(Sx::U) => self.le_u(sh, true),
            IRelop::Gt(Sx::U) => self.then_not(|c| c.le_u(sh, false)),
            IRelop::Lt(Sx::U) => self.then_not(|c| c.le_u(sh, true)),
        }
    }

    /// A comparison, then the complement of its mask.
    fn then_not(&mut self, cmp: impl FnOnce(&mut Self)) {
        cmp(self);
        let x = self.pop_vreg();
        self.vnot(x);
        self.push_v(x);
    }

    /// `a > b` signed, or with `swap` `b > a`.
    fn gt_s(&mut self, sh: Shape, swap: bool) {
        if sh == Shape::I64x2 && !self.env.isa.sse42() {
            return self.gt_s64(swap);
        }
        let op = per(sh, [Sse::PCMPGTB, Sse::PCMPGTW, Sse::PCMPGTD, Sse::PCMPGTQ]);
        if swap { self.vbinary_swapped(op) } else { self.vbinary(op) }
    }

    /// 64-bit `x > y` signed without SSE4.2's `pcmpgtq`: by the high halves (`pcmpgtd`),
    /// or where they are equal by the borrow of `y - x` into the high half.
    fn gt_s64(&mut self, swap: bool) {
        let b = self.pop_vreg();
        let a = self.pop_vreg();
        let (x, y) = if swap { (b, a) } else { (a, b) };
        let t = self.alloc_xmm();
        self.vop3(Sse::PSUBQ, t, y, VSrc::Reg(x));
        self.vop3(Sse::PCMPEQD, XSCRATCH, x, VSrc::Reg(y));
        self.asm.sse_xx(Sse::PAND, t, XSCRATCH);
        self.vop3(Sse::PCMPGTD, XSCRATCH, x, VSrc::Reg(y));
        self.asm.sse_xx(Sse::POR, t, XSCRATCH);
        self.asm.sse_xxi(SseImm::PSHUFD, a, t, 0xF5);
        self.free(Loc::Xmm(t));
        self.free(Loc::Xmm(b));
        self.push_v(a);
    }

    /// `a <= b` unsigned as `min_u(a, b) = a`; with `ge`, `a >= b` as `max_u(a, b) = a`.
    fn le_u(&mut self, sh: Shape, ge: bool) {
        let (b, held) = self.pop_vsrc();
        let a = self.pop_vreg();
        let op = match (sh, ge) {
            (Shape::I8x16, false) => Sse::PMINUB,
            (Shape::I16x8, false) => Sse::PMINUW,
            (_, false) => Sse::PMINUD,
            (Shape::I8x16, true) => Sse::PMAXUB,
            (Shape::I16x8, true) => Sse::PMAXUW,
            (_, true) => Sse::PMAXUD,
        };
        self.vop3(op, XSCRATCH, a, b);
        self.asm.sse_xx(cmpeq(sh), a, XSCRATCH);
        self.free(held);
        self.push_v(a);
    }

    // ----- Shifts -----

    /// `shl`, `shr_s`, `shr_u` by the count mod the lane width (`Step_pure/vshiftop`).
    pub(in crate::jit::codegen) fn vshiftop(&mut self, sh: Shape, op: VShiftop) {
        let bits = sh.lane_bits();
        match self.stack.last().map(|e| e.loc) {
            Some(Loc::Const(c)) => {
                self.pop();
                let x = self.pop_vreg();
                self.shift_by(sh, op, x, Count::Imm((c % bits as u64) as u8));
                self.push_v(x);
            }
            _ => {
                let r = self.pop_gpr();
                self.asm.alu_ri(Alu::And, Size::S32, r, bits as i32 - 1);
                let x = self.pop_vreg();
                let c = self.alloc_xmm();
                self.shift_by(sh, op, x, Count::Reg(r, c));
                self.free(Loc::Gpr(r));
                self.free(Loc::Xmm(c));
                self.push_v(x);
            }
        }
    }

    /// Shift the lanes of `x`.
    fn shift_by(&mut self, sh: Shape, op: VShiftop, x: Xmm, count: Count) {
        if let Count::Reg(r, c) = count {
            // The count for the 8-bit arithmetic shift is of words, 8 more.
            if (sh, op) == (Shape::I8x16, VShiftop::Shr(Sx::S)) {
                self.asm.alu_ri(Alu::Add, Size::S32, r, 8);
            }
            self.asm.movd_xr(c, r);
        }
        match (sh, op) {
            (Shape::I8x16, VShiftop::Shr(Sx::S)) => {
                // Each byte into the high half of a word, shifted 8 more, packed back.
                let hi = self.alloc_xmm();
                self.asm.sse_xx(Sse::MOVAPS, hi, x);
                self.asm.sse_xx(Sse::PUNPCKHBW, hi, hi);
                self.asm.sse_xx(Sse::PUNPCKLBW, x, x);
                self.vshift(SseShift::PSRAW, Sse::PSRAW, hi, count.plus(8));
                self.vshift(SseShift::PSRAW, Sse::PSRAW, x, count.plus(8));
                self.asm.sse_xx(Sse::PACKSSWB, x, hi);
                self.free(Loc::Xmm(hi));
            }
            (Shape::I8x16, _) => {
                // As words, then each byte's bits that came from its neighbour cleared.
                let left = op == VShiftop::Shl;
                let (imm, var) =
                    if left { (SseShift::PSLLW, Sse::PSLLW) } else { (SseShift::PSRLW, Sse::PSRLW) };
                self.vshift(imm, var, x, count);
                let mask = match count {
                    Count::Imm(k) => self.splat_src(if left { 0xFF << k } else { 0xFF >> k }, 1),
                    Count::Reg(_, c) => {
                        // All ones shifted as words: the byte that kept its bits, spread.
                        self.ones(XSCRATCH);
                        self.asm.sse_xx(var, XSCRATCH, c);
                        let byte = self.splat_src(if left { 0 } else { 1 }, 1);
                        self.vop(Sse::PSHUFB, XSCRATCH, byte);
                        VSrc::Reg(XSCRATCH)
                    }
                };
                self.vop(Sse::PAND, x, mask);
            }
            (Shape::I64x2, VShiftop::Shr(Sx::S)) => {
                // Logically, then the sign bit's copies: (x >> k ^ m) - m, m = 2^63 >> k.
                let m = self.alloc_xmm();
                let sign = self.splat_src(1 << 63, 8);
                self.vop(Sse::MOVDQU, m, sign);
                self.vshift(SseShift::PSRLQ, Sse::PSRLQ, m, count);
                self.vshift(SseShift::PSRLQ, Sse::PSRLQ, x, count);
                self.asm.sse_xx(Sse::PXOR, x, m);
                self.asm.sse_xx(Sse::PSUBQ, x, m);
                self.free(Loc::Xmm(m));
            }
            _ => {
                use SseShift as I;
                let (imm, var) = match (sh, op) {
                    (Shape::I16x8, VShiftop::Shl) => (I::PSLLW, Sse::PSLLW),
                    (Shape::I16x8, VShiftop::Shr(Sx::U)) => (I::PSRLW, Sse::PSRLW),
                    (Shape::I16x8, _) => (I::PSRAW, Sse::PSRAW),
                    (Shape::I32x4, VShiftop::Shl) => (I::PSLLD, Sse::PSLLD),
                    (Shape::I32x4, VShiftop::Shr(Sx::U)) => (I::PSRLD, Sse::PSRLD),
                    (Shape::I32x4, _) => (I::PSRAD, Sse::PSRAD),
                    (_, VShiftop::Shl) => (I::PSLLQ, Sse::PSLLQ),
                    _ => (I::PSRLQ, Sse::PSRLQ),
                };
                self.vshift(imm, var, x, count);
            }
        }
    }

    /// One shift instruction: by the immediate, or by the count in an XMM register.
    fn vshift(&mut self, imm: SseShift, var: Sse, x: Xmm, count: Count) {
        match count {
            Count::Imm(k) => self.asm.sse_xi(imm, x, k),
            Count::Reg(_, c) => self.asm.sse_xx(var, x, c),
        }
    }
}

/// A shift count: an immediate, or in a general register and (from `movd`) an XMM register.
#[derive(Copy, Clone)]
enum Count {
    Imm(u8),
    Reg(Gpr, Xmm),
}

impl Count {
    /// An immediate count plus `n` (a register's has had it added).
    fn plus(self, n: u8) -> Count {
        match self {
            Count::Imm(k) => Count::Imm(k + n),
            reg => reg,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::splat_bits;

    #[test]
    fn splats() {
        assert_eq!(splat_bits(0x1ff, 1), u128::from_le_bytes([0xff; 16]));
        assert_eq!(splat_bits(0x8000, 2), 0x8000_8000_8000_8000_8000_8000_8000_8000);
        assert_eq!(splat_bits(u64::MAX, 8), u128::MAX);
    }
}
