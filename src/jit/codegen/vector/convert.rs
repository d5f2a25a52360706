//! Between shapes: `narrow` (`Step_pure/vnarrow`), `extend`, `extadd_pairwise`, `extmul`,
//! `dot` (`vextunop`, `vextbinop`), and the conversions between integer and float lanes
//! (`Step_pure/vcvtop`), the saturating truncations and those that zero the upper lanes
//! included. Where SSE converts only signed integers, or traps to "integer indefinite"
//! (`0x80000000`) out of range, a sequence computes the spec's result exactly.

use super::{FuncCompiler, VSrc};
use crate::jit::codegen::regs::XSCRATCH;
use crate::jit::codegen::stack::Loc;
use crate::jit::mutants::{Mutant, active};
use crate::jit::x64::*;
use crate::syntax::*;

/// The bits of `f32` lanes of value `z`, and of `f64` lanes.
fn f32s(z: f32) -> u128 {
    super::splat_bits(z.to_bits() as u64, 4)
}

fn f64s(z: f64) -> u128 {
    super::splat_bits(z.to_bits(), 8)
}

/// `pshufd`'s immediate that brings the upper half's two dwords down.
const HIGH: u8 = 0xEE;

impl FuncCompiler<'_, '_> {
    /// `narrow_sx` from `i16x8` to `i8x16`, from `i32x4` to `i16x8`: the `pack` instructions.
    pub(in crate::jit::codegen) fn vnarrow(&mut self, from: Shape, sx: Sx) {
        let op = match (from, sx) {
            (Shape::I16x8, Sx::S) => Sse::PACKSSWB,
            (Shape::I16x8, Sx::U) => Sse::PACKUSWB,
            (_, Sx::S) => Sse::PACKSSDW,
            (_, Sx::U) => Sse::PACKUSDW,
        };
        self.vbinary(op);
    }

    /// `pmovsx`/`pmovzx` from lanes of `from` to lanes twice as wide.
    fn pmov(from: Shape, sx: Sx) -> Sse {
        match (from, sx) {
            (Shape::I8x16, Sx::S) => Sse::PMOVSXBW,
            (Shape::I8x16, Sx::U) => Sse::PMOVZXBW,
            (Shape::I16x8, Sx::S) => Sse::PMOVSXWD,
            (Shape::I16x8, Sx::U) => Sse::PMOVZXWD,
            (_, Sx::S) => Sse::PMOVSXDQ,
            (_, Sx::U) => Sse::PMOVZXDQ,
        }
    }

    /// The popped operand's lanes of one half, extended: into a register of its own.
    fn extend_half(&mut self, from: Shape, half: Half, sx: Sx) -> Xmm {
        let (src, _) = self.pop_vsrc();
        let x = match src {
            VSrc::Reg(x) => x,
            VSrc::Mem(_) => self.alloc_xmm(),
        };
        match half {
            Half::Low => self.vop(Self::pmov(from, sx), x, src),
            Half::High => {
                self.vopi(SseImm::PSHUFD, x, src, HIGH);
                self.asm.sse_xx(Self::pmov(from, sx), x, x);
            }
        }
        x
    }

    /// `extend_half_sx`.
    pub(in crate::jit::codegen) fn vextend(&mut self, from: Shape, half: Half, sx: Sx) {
        let x = self.extend_half(from, half, sx);
        self.push_v(x);
    }

    /// `extmul_half_sx`: the products of one half's lanes, twice as wide (exact).
    pub(in crate::jit::codegen) fn vextmul(&mut self, from: Shape, half: Half, sx: Sx) {
        match from {
            Shape::I8x16 => {
                let b = self.extend_half(from, half, sx);
                let a = self.extend_half(from, half, sx);
                self.asm.sse_xx(Sse::PMULLW, a, b);
                self.free(Loc::Xmm(b));
                self.push_v(a);
            }
            Shape::I16x8 => {
                // The products' low and high halves, interleaved.
                let (b, held) = self.pop_vsrc();
                let a = self.pop_vreg();
                let lo = self.alloc_xmm();
                self.vop3(Sse::PMULLW, lo, a, b);
                self.vop(if sx == Sx::S { Sse::PMULHW } else { Sse::PMULHUW }, a, b);
                self.asm.sse_xx(if half == Half::Low { Sse::PUNPCKLWD } else { Sse::PUNPCKHWD }, lo, a);
                self.free(held);
                self.free(Loc::Xmm(a));
                self.push_v(lo);
            }
            _ => {
                // Lanes 0 and 1 (or 2 and 3) into dwords 0 and 2, then `pmuldq`/`pmuludq`.
                let spread = if half == Half::Low { 0x50 } else { 0xFA };
                let (b, held) = self.pop_vsrc();
                let a = self.pop_vreg();
                let t = self.alloc_xmm();
                self.vopi(SseImm::PSHUFD, t, b, spread);
                self.asm.sse_xxi(SseImm::PSHUFD, a, a, spread);
                self.asm.sse_xx(if sx == Sx::S { Sse::PMULDQ } else { Sse::PMULUDQ }, a, t);
                self.free(held);
                self.free(Loc::Xmm(t));
                self.push_v(a);
            }
        }
    }

    /// `i32x4.dot_i16x8_s`: `pmaddwd` (the sum of two products wraps as `iadd` does).
    pub(in crate::jit::codegen) fn vdot(&mut self) {
        self.vbinary(Sse::PMADDWD);
    }

    /// `extadd_pairwise_sx`: the sums of adjacent lanes, twice as wide, as multiply-adds by
    /// ones (`pmaddubsw` multiplies unsigned bytes by signed ones; the unsigned 16-bit lanes
    /// are biased by -2^15 for `pmaddwd` and the bias added back).
    pub(in crate::jit::codegen) fn vextadd_pairwise(&mut self, from: Shape, sx: Sx) {
        match (from, sx) {
            (Shape::I8x16, Sx::S) => {
                let (a, held) = self.pop_vsrc();
                let ones = self.alloc_xmm();
                let c = self.splat_src(1, 1);
                self.vop(Sse::MOVDQU, ones, c);
                self.vop(Sse::PMADDUBSW, ones, a);
                self.free(held);
                self.push_v(ones);
            }
            (Shape::I8x16, Sx::U) => {
                let a = self.pop_vreg();
                let c = self.splat_src(1, 1);
                self.vop(Sse::PMADDUBSW, a, c);
                self.push_v(a);
            }
            (_, Sx::S) => {
                let a = self.pop_vreg();
                let c = self.splat_src(1, 2);
                self.vop(Sse::PMADDWD, a, c);
                self.push_v(a);
            }
            (_, Sx::U) => {
                let a = self.pop_vreg();
                let (bias, ones, back) =
                    (self.splat_src(0x8000, 2), self.splat_src(1, 2), self.splat_src(0x1_0000, 4));
                self.vop(Sse::PXOR, a, bias);
                self.vop(Sse::PMADDWD, a, ones);
                self.vop(Sse::PADDD, a, back);
                self.push_v(a);
            }
        }
    }

    /// `vcvtop`: conversions between integer and float lanes, and of float lanes' width.
    pub(in crate::jit::codegen) fn vcvtop(&mut self, to: Shape, from: Shape, op: VCvtop) {
        match (op, from) {
            (VCvtop::Extend(half, sx), _) => self.vextend(from, half, sx),
            (VCvtop::Convert(_, Sx::S), Shape::I32x4) if to == Shape::F32x4 => self.vunary(Sse::CVTDQ2PS),
            (VCvtop::Convert(_, Sx::U), Shape::I32x4) if to == Shape::F32x4 => self.convert_u32x4(),
            (VCvtop::Convert(_, Sx::S), _) => self.vunary(Sse::CVTDQ2PD),
            (VCvtop::Convert(_, Sx::U), _) => self.convert_low_u32_f64(),
            (VCvtop::TruncSat(sx, _), Shape::F32x4) => self.trunc_sat_f32x4(sx),
            (VCvtop::TruncSat(sx, _), _) => self.trunc_sat_f64x2_zero(sx),
            (VCvtop::RelaxedTrunc(sx, _), _) => self.relaxed_trunc(from, sx),
            (VCvtop::Demote, _) => self.vunary(Sse::CVTPD2PS),
            (VCvtop::Promote, _) => self.vunary(Sse::CVTPS2PD),
        }
    }

    /// `f32x4.convert_i32x4_u`: the low 16 bits and the rest converted apart (both exactly,
    /// the rest halved to fit the signed conversion, then doubled), and added: one rounding.
    fn convert_u32x4(&mut self) {
        let x = self.pop_vreg();
        let lo = self.alloc_xmm();
        self.zero(lo);
        self.asm.sse_xxi(SseImm::PBLENDW, lo, x, 0x55);
        self.asm.sse_xx(Sse::PSUBD, x, lo);
        self.asm.sse_xx(Sse::CVTDQ2PS, lo, lo);
        self.asm.sse_xi(SseShift::PSRLD, x, 1);
        self.asm.sse_xx(Sse::CVTDQ2PS, x, x);
        self.asm.sse_xx(Sse::ADDPS, x, x);
        self.asm.sse_xx(Sse::ADDPS, x, lo);
        self.free(Loc::Xmm(lo));
        self.push_v(x);
    }

    /// `f64x2.convert_low_i32x4_u`: each `u32` as the low bits of the `f64` `2^52 + u`,
    /// then `2^52` subtracted (exact).
    fn convert_low_u32_f64(&mut self) {
        let x = self.pop_vreg();
        let (hi, two52) =
            (self.vconst_src(super::splat_bits(0x4330_0000, 4)), self.vconst_src(f64s(4503599627370496.0)));
        self.vop(Sse::UNPCKLPS, x, hi);
        self.vop(Sse::SUBPD, x, two52);
        self.push_v(x);
    }

    /// `i32x4.trunc_sat_f32x4_sx`.
    fn trunc_sat_f32x4(&mut self, sx: Sx) {
        let x = self.pop_vreg();
        let two31 = self.vconst_src(f32s(2147483648.0));
        match sx {
            Sx::S => {
                // NaN lanes to 0; then `cvttps2dq` saturates below, and above gives
                // 0x80000000, which the lanes >= 2^31 flip to 0x7fffffff.
                self.vop3i(SseImm::CMPPS, XSCRATCH, x, VSrc::Reg(x), CmpPred::Eq as u8);
                self.asm.sse_xx(Sse::ANDPS, x, XSCRATCH);
                self.vop(Sse::MOVDQU, XSCRATCH, two31);
                self.asm.sse_xxi(SseImm::CMPPS, XSCRATCH, x, CmpPred::Le as u8);
                self.asm.sse_xx(Sse::CVTTPS2DQ, x, x);
                self.asm.sse_xx(Sse::PXOR, x, XSCRATCH);
            }
            Sx::U => {
                // NaN and negative lanes to 0 (`maxps` takes the second operand on NaN).
                // Below 2^31 `cvttps2dq` is exact; from there, add the conversion of
                // z - 2^31, which is 0x7fffffff from 2^32 on and negative below 2^31.
                let t = self.alloc_xmm();
                let m = self.alloc_xmm();
                self.zero(XSCRATCH);
                self.asm.sse_xx(Sse::MAXPS, x, XSCRATCH);
                self.vop3(Sse::SUBPS, t, x, two31);
                self.vop(Sse::MOVDQU, m, two31);
                self.asm.sse_xxi(SseImm::CMPPS, m, t, CmpPred::Le as u8);
                self.asm.sse_xx(Sse::CVTTPS2DQ, t, t);
                self.asm.sse_xx(Sse::PXOR, t, m);
                self.asm.sse_xx(Sse::PMAXSD, t, XSCRATCH);
                self.asm.sse_xx(Sse::CVTTPS2DQ, x, x);
                self.asm.sse_xx(Sse::PADDD, x, t);
                self.free(Loc::Xmm(t));
                self.free(Loc::Xmm(m));
            }
        }
        self.push_v(x);
    }

    /// `i32x4.trunc_sat_f64x2_sx_zero`: clamped in `f64` (where the bounds are exact), NaN
    /// to 0, then converted; the upper lanes 0.
    pub(super) fn trunc_sat_f64x2_zero(&mut self, sx: Sx) {
        let x = self.pop_vreg();
        match sx {
            Sx::S => {
                // NaN lanes' bound 0 (`minpd` takes the second operand on NaN); below,
                // `cvttpd2dq` gives 0x80000000, the saturated value.
                let max = self.vconst_src(f64s(2147483647.0));
                self.vop3i(SseImm::CMPPD, XSCRATCH, x, VSrc::Reg(x), CmpPred::Eq as u8);
                self.vop(Sse::ANDPD, XSCRATCH, max);
                self.asm.sse_xx(Sse::MINPD, x, XSCRATCH);
                self.asm.sse_xx(Sse::CVTTPD2DQ, x, x);
            }
            Sx::U => {
                // Clamped to [0, 2^32 - 1], truncated, and 2^52 added: the integer is the
                // low 32 bits of each lane, which `shufps` gathers with two zero lanes.
                let max = if active(Mutant::TruncSatUZeroBound) { 4294967296.0 } else { 4294967295.0 };
                let (max, two52) = (self.vconst_src(f64s(max)), self.vconst_src(f64s(4503599627370496.0)));
                self.zero(XSCRATCH);
                self.asm.sse_xx(Sse::MAXPD, x, XSCRATCH);
                self.vop(Sse::MINPD, x, max);
                self.asm.sse_xxi(SseImm::ROUNDPD, x, x, Round::Trunc as u8);
                self.vop(Sse::ADDPD, x, two52);
                self.asm.sse_xxi(SseImm::SHUFPS, x, XSCRATCH, 0x88);
            }
        }
        self.push_v(x);
    }

    /// `trunc_sat` of the relaxed truncations' deterministic alternative, for `f32x4`.
    pub(super) fn trunc_sat_f32x4_of(&mut self, sx: Sx) {
        self.trunc_sat_f32x4(sx)
    }
}
