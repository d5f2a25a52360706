//! Lanes: `v128.const`, `splat`, `extract_lane`, `replace_lane`, `i8x16.shuffle`,
//! `i8x16.swizzle`, `bitmask`, `v128.any_true` and `all_true`.

use super::{FuncCompiler, VSrc, lane_bytes, splat_bits};
use crate::jit::codegen::regs::XSCRATCH;
use crate::jit::codegen::stack::{Kind, Loc};
use crate::jit::mutants::{Mutant, active};
use crate::jit::x64::*;
use crate::syntax::*;

/// `pshufb`'s index that gives a zero byte.
const ZERO_LANE: u8 = 0x80;

impl FuncCompiler<'_, '_> {
    /// `v128.const c`: a constant in the pool, taken from there where it is used.
    pub(in crate::jit::codegen) fn vconst(&mut self, c: V128) {
        let label = self.asm.const_u128(c.to_u128());
        self.push(Kind::V128, Loc::Pool(label));
    }

    /// `shape.splat`: every lane the operand, wrapped to the lane's width (`Step_pure/vsplat`).
    /// A constant operand makes a constant vector.
    pub(in crate::jit::codegen) fn vsplat(&mut self, sh: Shape) {
        let bytes = lane_bytes(sh);
        if let Some(&Loc::Const(c)) = self.stack.last().map(|e| &e.loc) {
            self.pop();
            let label = self.asm.const_u128(splat_bits(c, bytes));
            self.push(Kind::V128, Loc::Pool(label));
            return;
        }
        let x = if sh.is_float() {
            self.pop_xmm()
        } else {
            let r = self.pop_gpr();
            let x = self.alloc_xmm();
            if sh == Shape::I64x2 {
                self.asm.movq_xr(x, r)
            } else {
                self.asm.movd_xr(x, r)
            }
            self.free(Loc::Gpr(r));
            x
        };
        self.splat_low(size_of_lane(bytes), x);
        self.push_v(x);
    }

    /// Every lane of `x` its lowest lane of this size.
    pub(super) fn splat_low(&mut self, size: Size, x: Xmm) {
        let a = &mut *self.asm;
        match size {
            Size::S8 => {
                a.sse_xx(Sse::PXOR, XSCRATCH, XSCRATCH);
                a.sse_xx(Sse::PSHUFB, x, XSCRATCH);
            }
            Size::S16 => {
                a.sse_xxi(SseImm::PSHUFLW, x, x, 0);
                a.sse_xxi(SseImm::PSHUFD, x, x, 0);
            }
            Size::S32 => a.sse_xxi(SseImm::PSHUFD, x, x, 0),
            Size::S64 => a.sse_xx(Sse::PUNPCKLQDQ, x, x),
        }
    }

    /// `shape.extract_lane_sx? i` (`Step_pure/vextract_lane-num`, `-pack`): a packed lane
    /// extended to `i32` by `sx`. From memory, the lane is read where it lies.
    pub(in crate::jit::codegen) fn vextract_lane(&mut self, sh: Shape, sx: Option<Sx>, lane: u8) {
        let (src, held) = self.pop_vsrc();
        let bytes = lane_bytes(sh);
        let mem = match src {
            VSrc::Mem(Addr::Mem(m)) => Some(m.offset((bytes * lane as u32) as i32)),
            _ => None,
        };
        if sh.is_float() {
            let kind = if sh == Shape::F32x4 { Kind::F32 } else { Kind::F64 };
            let x = match mem {
                Some(m) => {
                    let x = self.alloc_xmm();
                    self.movs_xm(kind, x, m);
                    x
                }
                None => {
                    let x = self.own(src);
                    match (sh, lane) {
                        (_, 0) => {}
                        (Shape::F32x4, _) => self.asm.sse_xxi(SseImm::PSHUFD, x, x, lane),
                        _ => self.asm.sse_xxi(SseImm::PSHUFD, x, x, 0xEE),
                    }
                    x
                }
            };
            self.push(kind, Loc::Xmm(x));
            return;
        }
        let size = size_of_lane(bytes);
        let kind = if sh == Shape::I64x2 { Kind::I64 } else { Kind::I32 };
        let r = self.alloc_gpr();
        match (mem, size, sx) {
            (Some(m), Size::S8 | Size::S16, Some(Sx::S)) => self.asm.movsx_rm(Size::S32, r, size, m),
            (Some(m), Size::S8 | Size::S16, _) => self.asm.movzx_rm(Size::S32, r, size, m),
            (Some(m), _, _) => self.asm.mov_rm(size, r, m),
            (None, ..) => {
                let x = self.own(src);
                match (size, lane) {
                    (Size::S32, 0) => self.asm.movd_rx(r, x),
                    (Size::S64, 0) => self.asm.movq_rx(r, x),
                    _ => self.asm.pextr_rxi(size, r, x, lane),
                }
                if sx == Some(Sx::S) {
                    self.asm.movsx_rr(Size::S32, r, size, r);
                }
                self.free(Loc::Xmm(x));
            }
        }
        self.free(held);
        self.push(kind, Loc::Gpr(r));
    }

    /// `shape.replace_lane i` (`Step_pure/vreplace_lane`): lane `i` the operand, wrapped to
    /// the lane's width; a constant comes from the pool, a local or slot from its memory.
    pub(in crate::jit::codegen) fn vreplace_lane(&mut self, sh: Shape, lane: u8) {
        let c = self.pop();
        let size = size_of_lane(lane_bytes(sh));
        let mem: Option<Addr> = match c.loc {
            Loc::Local(i) => Some(self.local_addr(i).into()),
            Loc::Slot => Some(Self::slot(c).into()),
            Loc::Const(bits) if size == Size::S64 => Some(self.asm.const_u64(bits).into()),
            Loc::Const(bits) => Some(self.asm.const_u32(bits as u32).into()),
            _ => None,
        };
        let reg = match (mem, c.loc) {
            (Some(_), _) => None,
            (None, Loc::Gpr(r)) => Some(Loc::Gpr(r)),
            (None, Loc::Xmm(x)) => Some(Loc::Xmm(x)),
            _ => unreachable!("a scalar is in a register, memory or a constant"),
        };
        let v = self.pop_vreg();
        match (mem, reg) {
            (Some(m), _) => self.asm.pinsr_xmi(size, v, m, lane),
            (None, Some(Loc::Gpr(r))) => self.asm.pinsr_xri(size, v, r, lane),
            (None, Some(Loc::Xmm(x))) if sh == Shape::F32x4 => {
                self.asm.sse_xxi(SseImm::INSERTPS, v, x, lane << 4)
            }
            (None, Some(Loc::Xmm(x))) if lane == 0 => self.asm.sse_xx(Sse::MOVSD, v, x),
            (None, Some(Loc::Xmm(x))) => self.asm.sse_xx(Sse::UNPCKLPD, v, x),
            _ => unreachable!(),
        }
        if let Some(r) = reg {
            self.free(r);
        }
        self.push_v(v);
    }

    /// `i8x16.shuffle j*` (`Step_pure/vshuffle`): byte `k` of the result is byte `j[k]` of
    /// the operands' 32 bytes. `pshufb` of each operand by a mask that zeroes the other's
    /// bytes, then `por`; one `pshufb` where all come from one operand.
    pub(in crate::jit::codegen) fn vshuffle(&mut self, lanes: &[u8; 16]) {
        let mask = |from: u8, reversed: bool| -> u128 {
            let byte = |j: u8| match j.checked_sub(from) {
                Some(k) if k < 16 && reversed => 15 - k,
                Some(k) if k < 16 => k,
                _ => ZERO_LANE,
            };
            lanes.iter().enumerate().fold(0, |v, (k, &j)| v | (byte(j) as u128) << (8 * k))
        };
        let (b, b_held) = self.pop_vsrc();
        if lanes.iter().all(|&j| j < 16) {
            self.free(b_held);
            let a = self.pop_vreg();
            let m = self.vconst_src(mask(0, false));
            self.vop(Sse::PSHUFB, a, m);
            self.push_v(a);
        } else if lanes.iter().all(|&j| j >= 16) {
            let b = self.own(b);
            let a = self.pop();
            self.free(a.loc);
            let m = self.vconst_src(mask(16, false));
            self.vop(Sse::PSHUFB, b, m);
            self.push_v(b);
        } else {
            let b = self.own(b);
            let a = self.pop_vreg();
            let (ma, mb) = (self.vconst_src(mask(0, false)), mask(16, active(Mutant::ShuffleLaneOrder)));
            let mb = self.vconst_src(mb);
            self.vop(Sse::PSHUFB, a, ma);
            self.vop(Sse::PSHUFB, b, mb);
            self.asm.sse_xx(Sse::POR, a, b);
            self.free(Loc::Xmm(b));
            self.push_v(a);
        }
    }

    /// `i8x16.swizzle` (`Step_pure/vswizzlop`): byte `k` is byte `s[k]` of the first
    /// operand, 0 from 16 on. `pshufb` zeroes a byte whose index has its top bit set and
    /// takes the others mod 16: adding 0x70 with unsigned saturation sets it from 16 on.
    pub(in crate::jit::codegen) fn vswizzle(&mut self) {
        let s = self.pop_vreg();
        let bias = self.splat_src(0x70, 1);
        self.vop(Sse::PADDUSB, s, bias);
        let a = self.pop_vreg();
        self.asm.sse_xx(Sse::PSHUFB, a, s);
        self.free(Loc::Xmm(s));
        self.push_v(a);
    }

    /// `shape.bitmask` (`Step_pure/vbitmask`): the lanes' sign bits, lane 0 the lowest.
    pub(in crate::jit::codegen) fn vbitmask(&mut self, sh: Shape) {
        let x = self.pop_vreg();
        let r = self.alloc_gpr();
        match sh {
            Shape::I8x16 => self.asm.pmovmskb_rx(r, x),
            Shape::I16x8 => {
                // Words to bytes keeping their signs (twice over), then the low eight.
                self.asm.sse_xx(Sse::PACKSSWB, x, x);
                self.asm.pmovmskb_rx(r, x);
                self.asm.movzx_rr(Size::S32, r, Size::S8, r);
            }
            Shape::I32x4 => self.asm.movmskps_rx(r, x),
            _ => self.asm.movmskpd_rx(r, x),
        }
        self.free(Loc::Xmm(x));
        self.push(Kind::I32, Loc::Gpr(r));
    }

    /// `v128.any_true` (`Step_pure/vvtestop`): whether any bit is set.
    pub(in crate::jit::codegen) fn vany_true(&mut self) {
        let x = self.pop_vreg();
        let r = self.alloc_gpr();
        self.asm.sse_xx(Sse::PTEST, x, x);
        self.asm.setcc(Cond::Ne, r);
        self.asm.movzx_rr(Size::S32, r, Size::S8, r);
        self.free(Loc::Xmm(x));
        self.push(Kind::I32, Loc::Gpr(r));
    }

    /// `shape.all_true` (`Step_pure/vtestop`): whether no lane is zero: the lanes equal to
    /// zero, as a mask, are none.
    pub(in crate::jit::codegen) fn vall_true(&mut self, sh: Shape) {
        let (src, held) = self.pop_vsrc();
        let t = self.alloc_xmm();
        let r = self.alloc_gpr();
        self.zero(t);
        self.vop(cmpeq(sh), t, src);
        self.asm.sse_xx(Sse::PTEST, t, t);
        self.asm.setcc(Cond::E, r);
        self.asm.movzx_rr(Size::S32, r, Size::S8, r);
        self.free(held);
        self.free(Loc::Xmm(t));
        self.push(Kind::I32, Loc::Gpr(r));
    }
}

/// A lane of this many bytes as an operand size.
pub(super) fn size_of_lane(bytes: u32) -> Size {
    match bytes {
        1 => Size::S8,
        2 => Size::S16,
        4 => Size::S32,
        _ => Size::S64,
    }
}

/// `pcmpeq` of an integer shape's lanes.
pub(super) fn cmpeq(sh: Shape) -> Sse {
    match sh {
        Shape::I8x16 => Sse::PCMPEQB,
        Shape::I16x8 => Sse::PCMPEQW,
        Shape::I32x4 => Sse::PCMPEQD,
        _ => Sse::PCMPEQQ,
    }
}
