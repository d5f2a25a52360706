//! Vector instructions (`v128`, spec 4.4.3; their memory instructions 4.4.7): each with
//! exactly the spec's result, lane by lane, up to the NaNs the spec lets vary, where x86 gives
//! the one [`crate::runtime::NanChoice::X86`] names (the first NaN operand quieted, else the
//! default NaN), as its scalar instructions do.
//!
//! Vectors live where floats do: in XMM registers, or in memory, 16-byte aligned (home slots,
//! locals, parameters, globals, the constant pool: `frame.rs`), so that the legacy SSE
//! operations take them from memory as they are. The code needs SSE4.1 (a vector instruction
//! is refused without it, `v128 needs SSE4.1`); with AVX it uses the three-operand forms where
//! they spare a copy, with FMA3 the fused `relaxed_madd` (`jit::isa`).
//!
//! By concern:
//! - `memory.rs`: loads and stores, of whole vectors, lanes, splats, extensions
//! - `lanes.rs`: constants, splats, lanes in and out, shuffles, swizzles, bitmasks, tests
//! - `int.rs`: the bitwise operations and the integer lanes' arithmetic, comparisons, shifts
//! - `float.rs`: the float lanes' arithmetic and comparisons
//! - `convert.rs`: narrowing, extension, extended multiplication and dot products,
//!   conversions between integer and float lanes
//! - `relaxed.rs`: the relaxed operators (3.0), as the assignment [`super::Env::relaxed`] says

mod convert;
mod float;
mod int;
mod lanes;
mod memory;
mod relaxed;

use super::regs::XSCRATCH;
use super::stack::{Kind, Loc};
use super::{FuncCompiler, R, Unsupported};
use crate::jit::x64::*;
use crate::syntax::Shape;

/// A vector operand of an SSE operation: a register, or memory (16-byte aligned).
#[derive(Copy, Clone, Debug, PartialEq)]
pub(super) enum VSrc {
    Reg(Xmm),
    Mem(Addr),
}

/// `lanes` copies of a lane of `bytes` bytes, as the bits of a `v128`.
pub(super) fn splat_bits(lane: u64, bytes: u32) -> u128 {
    let lane = lane as u128 & (u128::MAX >> (128 - 8 * bytes));
    (0..16 / bytes).fold(0, |v, k| v | lane << (8 * bytes * k))
}

/// The width of a shape's lanes in bytes.
pub(super) fn lane_bytes(sh: Shape) -> u32 {
    16 / sh.dim()
}

impl FuncCompiler<'_, '_> {
    /// The refusal of vector code where the CPU lacks SSE4.1.
    pub(super) fn vector_isa(&self) -> R<()> {
        if self.env.isa.sse41() { Ok(()) } else { Err(Unsupported("v128 needs SSE4.1")) }
    }

    // ----- Operands -----

    /// Pop a vector operand where it is: a register (the caller's until freed, with the
    /// `Loc` returned), or the memory of its slot, local or constant.
    pub(super) fn pop_vsrc(&mut self) -> (VSrc, Loc) {
        let e = self.pop();
        let src = match e.loc {
            Loc::Xmm(x) => VSrc::Reg(x),
            Loc::Slot => VSrc::Mem(Self::slot(e).into()),
            Loc::Local(i) => VSrc::Mem(self.local_addr(i).into()),
            Loc::Pool(c) => VSrc::Mem(c.into()),
            _ => unreachable!("a vector is in an XMM register or in memory"),
        };
        (src, e.loc)
    }

    /// An operand in a register of the caller's own: its own, or a new one it is loaded into.
    pub(super) fn own(&mut self, src: VSrc) -> Xmm {
        match src {
            VSrc::Reg(x) => x,
            VSrc::Mem(m) => {
                let x = self.alloc_xmm();
                self.asm.sse_xm(Sse::MOVDQU, x, m);
                x
            }
        }
    }

    /// Pop a vector into a register of the caller's own.
    pub(super) fn pop_vreg(&mut self) -> Xmm {
        let (src, _) = self.pop_vsrc();
        self.own(src)
    }

    /// A constant in the pool, as an operand.
    pub(super) fn vconst_src(&mut self, v: u128) -> VSrc {
        VSrc::Mem(self.asm.const_u128(v).into())
    }

    /// A constant of equal lanes of `bytes` bytes, as an operand.
    pub(super) fn splat_src(&mut self, lane: u64, bytes: u32) -> VSrc {
        self.vconst_src(splat_bits(lane, bytes))
    }

    pub(super) fn push_v(&mut self, x: Xmm) {
        self.push(Kind::V128, Loc::Xmm(x));
    }

    // ----- Emission -----

    /// `op dst, src` in its legacy form.
    pub(super) fn vop(&mut self, op: Sse, dst: Xmm, src: VSrc) {
        match src {
            VSrc::Reg(x) => self.asm.sse_xx(op, dst, x),
            VSrc::Mem(m) => self.asm.sse_xm(op, dst, m),
        }
    }

    /// `op dst, src, imm` in its legacy form.
    pub(super) fn vopi(&mut self, op: SseImm, dst: Xmm, src: VSrc, imm: u8) {
        match src {
            VSrc::Reg(x) => self.asm.sse_xxi(op, dst, x, imm),
            VSrc::Mem(m) => self.asm.sse_xmi(op, dst, m, imm),
        }
    }

    /// `dst = a op b` for a binary operation: AVX's three operands, or a copy of `a` and the
    /// legacy form (so `dst` may not be `b`'s register, unless it is `a`'s too).
    pub(super) fn vop3(&mut self, op: Sse, dst: Xmm, a: Xmm, b: VSrc) {
        if self.env.isa.avx() {
            match b {
                VSrc::Reg(x) => self.asm.vex_xxx(op, dst, a, x),
                VSrc::Mem(m) => self.asm.vex_xxm(op, dst, a, m),
            }
        } else {
            debug_assert!(dst == a || b != VSrc::Reg(dst), "{op:?} {dst:?} overwrites its operand");
            self.vmov(dst, a);
            self.vop(op, dst, b);
        }
    }

    /// `dst = op(a, b, imm)`, as [`Self::vop3`].
    pub(super) fn vop3i(&mut self, op: SseImm, dst: Xmm, a: Xmm, b: VSrc, imm: u8) {
        if self.env.isa.avx() {
            match b {
                VSrc::Reg(x) => self.asm.vex_xxxi(op, dst, a, x, imm),
                VSrc::Mem(m) => self.asm.vex_xxmi(op, dst, a, m, imm),
            }
        } else {
            debug_assert!(dst == a || b != VSrc::Reg(dst), "{op:?} {dst:?} overwrites its operand");
            self.vmov(dst, a);
            self.vopi(op, dst, b, imm);
        }
    }

    /// `dst = src` shifted by an immediate count, as [`Self::vop3`].
    pub(super) fn vshift3(&mut self, op: SseShift, dst: Xmm, src: Xmm, count: u8) {
        if self.env.isa.avx() {
            self.asm.vex_xxi(op, dst, src, count);
        } else {
            self.vmov(dst, src);
            self.asm.sse_xi(op, dst, count);
        }
    }

    /// `movaps dst, src`, unless they are the same register.
    pub(super) fn vmov(&mut self, dst: Xmm, src: Xmm) {
        if dst != src {
            self.asm.sse_xx(Sse::MOVAPS, dst, src);
        }
    }

    /// All ones in `x` (`pcmpeqd x, x`).
    pub(super) fn ones(&mut self, x: Xmm) {
        self.asm.sse_xx(Sse::PCMPEQD, x, x);
    }

    /// Zero in `x` (`pxor x, x`).
    pub(super) fn zero(&mut self, x: Xmm) {
        self.asm.sse_xx(Sse::PXOR, x, x);
    }

    // ----- Shapes of computation -----

    /// A binary operation lane-wise, `a op b`: `a` in a register of its own, `b` where it is.
    pub(super) fn vbinary(&mut self, op: Sse) {
        let (b, held) = self.pop_vsrc();
        let a = self.pop_vreg();
        self.vop(op, a, b);
        self.free(held);
        self.push_v(a);
    }

    /// `b op a`, the operands the other way round.
    pub(super) fn vbinary_swapped(&mut self, op: Sse) {
        let b = self.pop_vreg();
        let (a, held) = self.pop_vsrc();
        self.vop(op, b, a);
        self.free(held);
        self.push_v(b);
    }

    /// A unary operation `op dst, src`: into the operand's register, or a new one.
    pub(super) fn vunary(&mut self, op: Sse) {
        let (src, _) = self.pop_vsrc();
        let dst = match src {
            VSrc::Reg(x) => x,
            VSrc::Mem(_) => self.alloc_xmm(),
        };
        self.vop(op, dst, src);
        self.push_v(dst);
    }

    /// As [`Self::vunary`], with an immediate.
    pub(super) fn vunary_imm(&mut self, op: SseImm, imm: u8) {
        let (src, _) = self.pop_vsrc();
        let dst = match src {
            VSrc::Reg(x) => x,
            VSrc::Mem(_) => self.alloc_xmm(),
        };
        self.vopi(op, dst, src, imm);
        self.push_v(dst);
    }

    /// `x ^= all ones`: the complement, of a comparison's mask.
    pub(super) fn vnot(&mut self, x: Xmm) {
        self.ones(XSCRATCH);
        self.asm.sse_xx(Sse::PXOR, x, XSCRATCH);
    }
}
