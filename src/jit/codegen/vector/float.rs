//! The float lanes' arithmetic and comparisons (`Step_pure/vunop-val`, `vbinop-val`,
//! `vrelop`). The IEEE operations are x86's own, NaNs included (the first NaN operand
//! quieted, else the default NaN: `NanChoice::X86`); `fmin`/`fmax` need a sequence, since
//! `minps` ignores NaNs and the signs of zeros; `pmin`/`pmax` are `minps`/`maxps` with the
//! operands swapped.

use super::{FuncCompiler, VSrc, splat_bits};
use crate::jit::codegen::regs::XSCRATCH;
use crate::jit::codegen::stack::Loc;
use crate::jit::mutants::{Mutant, active};
use crate::jit::x64::*;
use crate::syntax::*;

/// The `ps` form for `f32x4`, the `pd` form for `f64x2`.
fn ps_pd<T>(sh: Shape, ps: T, pd: T) -> T {
    if sh == Shape::F32x4 { ps } else { pd }
}

/// The sign bit of every lane of the shape.
fn sign_bits(sh: Shape) -> u128 {
    ps_pd(sh, splat_bits(0x8000_0000, 4), splat_bits(1 << 63, 8))
}

impl FuncCompiler<'_, '_> {
    /// `fabs`, `fneg` (the sign bit by mask, NaNs included), `fsqrt`, and `fceil`, `ffloor`,
    /// `ftrunc`, `fnearest` by `roundps` (a NaN comes out quieted).
    pub(in crate::jit::codegen) fn vf_unop(&mut self, sh: Shape, op: FUnop) {
        let round = |mode: Round| mode as u8;
        match op {
            FUnop::Abs => {
                let x = self.pop_vreg();
                let mask = self.vconst_src(!sign_bits(sh));
                self.vop(Sse::ANDPS, x, mask);
                self.push_v(x);
            }
            FUnop::Neg => {
                let x = self.pop_vreg();
                let mask = self.vconst_src(sign_bits(sh));
                self.vop(Sse::XORPS, x, mask);
                self.push_v(x);
            }
            FUnop::Sqrt => self.vunary(ps_pd(sh, Sse::SQRTPS, Sse::SQRTPD)),
            FUnop::Ceil => self.vunary_imm(ps_pd(sh, SseImm::ROUNDPS, SseImm::ROUNDPD), round(Round::Ceil)),
            FUnop::Floor => self.vunary_imm(ps_pd(sh, SseImm::ROUNDPS, SseImm::ROUNDPD), round(Round::Floor)),
            FUnop::Trunc => self.vunary_imm(ps_pd(sh, SseImm::ROUNDPS, SseImm::ROUNDPD), round(Round::Trunc)),
            FUnop::Nearest => {
                self.vunary_imm(ps_pd(sh, SseImm::ROUNDPS, SseImm::ROUNDPD), round(Round::Nearest))
            }
        }
    }

    /// The float binary operators lane-wise (the relaxed ones in `relaxed.rs`).
    pub(in crate::jit::codegen) fn vf_binop(&mut self, sh: Shape, op: VFBinop) {
        let op2 = |ps, pd| ps_pd(sh, ps, pd);
        match op {
            VFBinop::Add => self.vbinary(op2(Sse::ADDPS, Sse::ADDPD)),
            VFBinop::Sub => self.vbinary(op2(Sse::SUBPS, Sse::SUBPD)),
            VFBinop::Mul => self.vbinary(op2(Sse::MULPS, Sse::MULPD)),
            VFBinop::Div => self.vbinary(op2(Sse::DIVPS, Sse::DIVPD)),
            VFBinop::Min if sh == Shape::F32x4 && active(Mutant::FminMinps) => self.vbinary(Sse::MINPS),
            VFBinop::Min => self.vfminmax(sh, true),
            VFBinop::Max => self.vfminmax(sh, false),
            // fpmin(a, b) = b < a ? b : a, and `minps x, y` = x < y ? x : y.
            VFBinop::Pmin => self.vbinary_swapped(op2(Sse::MINPS, Sse::MINPD)),
            VFBinop::Pmax => self.vbinary_swapped(op2(Sse::MAXPS, Sse::MAXPD)),
            VFBinop::RelaxedMin => self.relaxed_minmax(sh, true),
            VFBinop::RelaxedMax => self.relaxed_minmax(sh, false),
        }
    }

    /// `fmin`/`fmax` lane-wise (`op-fmin`): `minps` both ways round, which give the second
    /// operand where the lanes are unordered or equal; their `or` (for `max` their `and`)
    /// is the result but for zeros of both signs, where it is `-0` (`+0`); then in the lanes
    /// with a NaN, `a + b`: x86's NaN of the two.
    pub(super) fn vfminmax(&mut self, sh: Shape, min: bool) {
        let b = self.pop_vreg();
        let a = self.pop_vreg();
        let (op, merge) = match (sh, min) {
            (Shape::F32x4, true) => (Sse::MINPS, Sse::ORPS),
            (Shape::F32x4, false) => (Sse::MAXPS, Sse::ANDPS),
            (_, true) => (Sse::MINPD, Sse::ORPD),
            (_, false) => (Sse::MAXPD, Sse::ANDPD),
        };
        let (cmp, add) = (ps_pd(sh, SseImm::CMPPS, SseImm::CMPPD), ps_pd(sh, Sse::ADDPS, Sse::ADDPD));
        let nan = self.alloc_xmm();
        let ba = self.alloc_xmm();
        self.vop3i(cmp, nan, a, VSrc::Reg(b), CmpPred::Unord as u8);
        self.vop3(add, XSCRATCH, a, VSrc::Reg(b));
        self.vop3(op, ba, b, VSrc::Reg(a));
        self.asm.sse_xx(op, a, b);
        self.asm.sse_xx(merge, a, ba);
        self.asm.sse_xx(Sse::ANDPS, XSCRATCH, nan);
        self.asm.sse_xx(Sse::ANDNPS, nan, a);
        self.asm.sse_xx(Sse::ORPS, nan, XSCRATCH);
        for x in [a, b, ba] {
            self.free(Loc::Xmm(x));
        }
        self.push_v(nan);
    }

    /// Float comparisons lane-wise (`cmpps`): `ne` is true on unordered lanes, the others
    /// false; `gt` and `ge` as `lt` and `le` the other way round.
    pub(in crate::jit::codegen) fn vf_relop(&mut self, sh: Shape, op: FRelop) {
        let cmp = ps_pd(sh, SseImm::CMPPS, SseImm::CMPPD);
        let (pred, swap) = match op {
            FRelop::Eq => (CmpPred::Eq, false),
            FRelop::Ne => (CmpPred::Neq, false),
            FRelop::Lt => (CmpPred::Lt, false),
            FRelop::Le => (CmpPred::Le, false),
            FRelop::Gt => (CmpPred::Lt, true),
            FRelop::Ge => (CmpPred::Le, true),
        };
        let (first, held) = if swap {
            let b = self.pop_vreg();
            let (a, held) = self.pop_vsrc();
            (b, (a, held))
        } else {
            let (b, held) = self.pop_vsrc();
            (self.pop_vreg(), (b, held))
        };
        let (second, held) = held;
        self.vopi(cmp, first, second, pred as u8);
        self.free(held);
        self.push_v(first);
    }
}
