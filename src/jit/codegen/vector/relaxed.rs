//! The relaxed vector operators (3.0, spec 4.3.4): each as the alternative the assignment
//! [`crate::jit::codegen::Env::relaxed`] names, one of the spec's, the same for every input:
//! x86's natural instruction where it gives one alternative for every input (`minps`,
//! `pshufb`, `cvttps2dq`, `pmulhrsw`, `pmaddubsw`, `blendv`, FMA3), else the deterministic
//! profile's, which is the sequence of the operator's deterministic counterpart
//! (`fmin`, `swizzle`, `trunc_sat`, `q15mulr_sat_s`, `bitselect`, ...).

use super::FuncCompiler;
use crate::jit::codegen::stack::Loc;
use crate::jit::x64::*;
use crate::runtime::Param;
use crate::syntax::*;

impl FuncCompiler<'_, '_> {
    /// The value of a relaxed parameter in the code's assignment.
    fn relaxed(&self, p: Param) -> u8 {
        self.env.relaxed.get(p)
    }

    /// `relaxed_q15mulr_s`: `pmulhrsw` wraps (`R_iq15mulr = 1`), or saturates (0).
    pub(super) fn relaxed_q15mulr(&mut self) {
        let wrap = self.relaxed(Param::Iq15mulr) == 1;
        self.q15mulr(!wrap);
    }

    /// `relaxed_min`/`max`: `minps a, b` gives `b` where `a` is NaN, where `b` is, and for
    /// zeros of both signs: `R_fmin = 2` (`R_fmax` likewise); or `fmin` (0).
    pub(super) fn relaxed_minmax(&mut self, sh: Shape, min: bool) {
        let r = self.relaxed(if min { Param::Fmin } else { Param::Fmax });
        if r == 0 {
            return self.vfminmax(sh, min);
        }
        debug_assert_eq!(r, 2, "the compiler gives R_fmin 0 or 2");
        let op = match (sh, min) {
            (Shape::F32x4, true) => Sse::MINPS,
            (Shape::F32x4, false) => Sse::MAXPS,
            (_, true) => Sse::MINPD,
            (_, false) => Sse::MAXPD,
        };
        self.vbinary(op);
    }

    /// `relaxed_swizzle`: `pshufb`, which takes an index below 128 mod 16
    /// (`R_swizzle = 1`), or `swizzle` (0).
    pub(in crate::jit::codegen) fn vswizzlop(&mut self, op: VSwizzlop) {
        match op {
            VSwizzlop::RelaxedSwizzle if self.relaxed(Param::Swizzle) == 1 => self.vbinary(Sse::PSHUFB),
            _ => self.vswizzle(),
        }
    }

    /// `relaxed_trunc_sx(_zero)`: signed, `cvttps2dq`/`cvttpd2dq`, `-2^31` out of range
    /// (`R_trunc_s = 1`), or `trunc_sat` (0); unsigned, `trunc_sat` (`R_trunc_u = 0`: SSE has
    /// no unsigned conversion).
    pub(super) fn relaxed_trunc(&mut self, from: Shape, sx: Sx) {
        let cvtt = if from == Shape::F32x4 { Sse::CVTTPS2DQ } else { Sse::CVTTPD2DQ };
        match sx {
            Sx::S if self.relaxed(Param::TruncS) == 1 => self.vunary(cvtt),
            _ if from == Shape::F32x4 => self.trunc_sat_f32x4_of(sx),
            _ => self.trunc_sat_f64x2_zero(sx),
        }
    }

    /// `vternop`: `relaxed_laneselect` on integer shapes, `relaxed_madd`/`nmadd` on floats.
    pub(in crate::jit::codegen) fn vternop(&mut self, sh: Shape, op: VTernop) {
        match op {
            VTernop::RelaxedLaneselect if self.relaxed(Param::Laneselect) == 1 => self.blendv(sh),
            VTernop::RelaxedLaneselect => self.vbitselect(),
            VTernop::RelaxedMadd => self.madd(sh, false),
            VTernop::RelaxedNmadd => self.madd(sh, true),
        }
    }

    /// `relaxed_laneselect` by each lane's top bit (`R_laneselect = 1`): `blendvps`,
    /// `blendvpd`, `pblendvb` for bytes, and for 16-bit lanes `pblendvb` by the mask's top
    /// bits spread over their lanes. The legacy blends take the mask in `xmm0`.
    fn blendv(&mut self, sh: Shape) {
        let (legacy, vex) = match sh {
            Shape::I32x4 => (Sse::BLENDVPS, Blendv::Ps),
            Shape::I64x2 => (Sse::BLENDVPD, Blendv::Pd),
            _ => (Sse::PBLENDVB, Blendv::B),
        };
        if self.env.isa.avx() {
            let m = self.pop_vreg();
            let b = self.pop_vreg();
            let a = self.pop_vreg();
            if sh == Shape::I16x8 {
                self.asm.sse_xi(SseShift::PSRAW, m, 15);
            }
            self.asm.vblendv_xxxx(vex, b, b, a, m);
            self.free(Loc::Xmm(m));
            self.free(Loc::Xmm(a));
            self.push_v(b);
            return;
        }
        let xmm0 = Xmm::Xmm0;
        self.uncache_reg(Loc::Xmm(xmm0));
        if let Some(k) = self.stack.iter().position(|e| e.loc == Loc::Xmm(xmm0)) {
            self.spill(k);
        }
        let (m, _) = self.pop_vsrc();
        match m {
            super::VSrc::Reg(x) => {
                self.vmov(xmm0, x);
                self.free(Loc::Xmm(x));
            }
            super::VSrc::Mem(addr) => self.asm.sse_xm(Sse::MOVDQU, xmm0, addr),
        }
        self.xmms.hold(xmm0);
        if sh == Shape::I16x8 {
            self.asm.sse_xi(SseShift::PSRAW, xmm0, 15);
        }
        let b = self.pop_vreg();
        let (a, held) = self.pop_vsrc();
        self.vop(legacy, b, a);
        self.free(held);
        self.free(Loc::Xmm(xmm0));
        self.push_v(b);
    }

    /// `relaxed_madd a b c` (`a * b + c`) and `relaxed_nmadd` (`-a * b + c`): fused, one
    /// rounding (`R_fmadd = 1`, FMA3), or `fmul` then `fadd` (0). The negation is of `a`, as
    /// the spec has it, so that a NaN `a` comes out as the spec's `nans` of `-a`.
    ///
    /// `vfmadd213ps x1, x2, x3` computes `x2 * x1 + x3`, and of NaN operands returns the
    /// first in that order (measured on AMD Zen 4; compiled code on any CPU is checked so
    /// under the referee by tests/suite.rs): `a` goes in `x2`, so that the NaN is that of the
    /// spec's `fma(a, b, c)` under x86's choice, the first NaN of `a`, `b`, `c`.
    fn madd(&mut self, sh: Shape, negate: bool) {
        let f64 = sh == Shape::F64x2;
        let sign = if f64 { super::splat_bits(1 << 63, 8) } else { super::splat_bits(0x8000_0000, 4) };
        let fused = self.relaxed(Param::Fmadd) == 1;
        let (c, c_held) = self.pop_vsrc();
        let (b, b_held) = self.pop_vsrc();
        let a = self.pop_vreg();
        if negate {
            let s = self.vconst_src(sign);
            self.vop(Sse::XORPS, a, s);
        }
        if fused {
            let (b, c) = (self.own(b), self.own(c));
            self.asm.vfmadd213_xxx(f64, b, a, c);
            self.free(Loc::Xmm(a));
            self.free(Loc::Xmm(c));
            return self.push_v(b);
        } else {
            self.vop(if f64 { Sse::MULPD } else { Sse::MULPS }, a, b);
            self.vop(if f64 { Sse::ADDPD } else { Sse::ADDPS }, a, c);
        }
        self.free(b_held);
        self.free(c_held);
        self.push_v(a);
    }

    /// `vextbinop`: `extmul`, `dot`, and `relaxed_dot` (`i16x8.relaxed_dot_i8x16_i7x16_s`).
    pub(in crate::jit::codegen) fn vextbinop(&mut self, from: Shape, op: VExtbinop) {
        match op {
            VExtbinop::Extmul(half, sx) => self.vextmul(from, half, sx),
            VExtbinop::Dot => self.vdot(),
            VExtbinop::RelaxedDot => self.relaxed_dot(),
        }
    }

    /// `relaxed_dot`: pairwise sums of the products of `i8` lanes, saturated to `i16`.
    /// `pmaddubsw b, a` reads `b` unsigned (`R_idot = 1`); signed both (0), the bytes are
    /// extended to words, multiplied and summed (`pmaddwd`), and packed with saturation.
    fn relaxed_dot(&mut self) {
        if self.relaxed(Param::Idot) == 1 {
            return self.vbinary_swapped(Sse::PMADDUBSW);
        }
        let b = self.pop_vreg();
        let a = self.pop_vreg();
        let lo = self.alloc_xmm();
        let t = self.alloc_xmm();
        self.asm.sse_xx(Sse::PMOVSXBW, lo, a);
        self.asm.sse_xx(Sse::PMOVSXBW, t, b);
        self.asm.sse_xx(Sse::PMADDWD, lo, t);
        self.asm.sse_xxi(SseImm::PSHUFD, a, a, 0xEE);
        self.asm.sse_xx(Sse::PMOVSXBW, a, a);
        self.asm.sse_xxi(SseImm::PSHUFD, b, b, 0xEE);
        self.asm.sse_xx(Sse::PMOVSXBW, b, b);
        self.asm.sse_xx(Sse::PMADDWD, a, b);
        self.asm.sse_xx(Sse::PACKSSDW, lo, a);
        for x in [a, b, t] {
            self.free(Loc::Xmm(x));
        }
        self.push_v(lo);
    }

    /// `relaxed_dot_add`: `relaxed_dot`, its `i16` lanes' pairwise sums (`pmaddwd` by ones),
    /// plus the third operand.
    pub(in crate::jit::codegen) fn relaxed_dot_add(&mut self) {
        let (c, held) = self.pop_vsrc();
        self.relaxed_dot();
        let d = self.pop_vreg();
        let ones = self.splat_src(1, 2);
        self.vop(Sse::PMADDWD, d, ones);
        self.vop(Sse::PADDD, d, c);
        self.free(held);
        self.push_v(d);
    }
}
