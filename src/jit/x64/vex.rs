//! AVX forms (VEX-encoded, 128-bit) of the packed operations, where they save work: the
//! binary operations with a destination apart from both sources (`vop dst, a, b` for the
//! legacy `op a, b`, which overwrites `a`), the shifts by an immediate likewise, the fused
//! multiply-add of FMA3, and the blends with an explicit mask register. The VEX prefix is laid
//! out in the assembler's core; any entry of the binary tables of `packed.rs` has its AVX form
//! here (same opcode, the legacy prefix and escape bytes folded into the prefix).
//!
//! A VEX.128 instruction zeroes bits 255:128 of its destination, so mixing these with legacy
//! SSE never leaves the upper halves of the YMM registers dirty.

use super::assembler::{Assembler, Op};
use super::operands::{Addr, Xmm};
use super::sse::{Sse, SseImm, SseShift, parse};

/// The blends by a mask register (AVX: `vblendvps dst, a, b, mask`: each lane of `b` where
/// the mask's lane has its top bit set, else of `a`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Blendv {
    Ps,
    Pd,
    /// By bytes.
    B,
}

impl Blendv {
    pub const ALL: [Blendv; 3] = [Blendv::Ps, Blendv::Pd, Blendv::B];

    /// VEX.128.66.0F3A.W0 4A, 4B, 4C /r /is4.
    const fn op(self) -> Op {
        match self {
            Blendv::Ps => parse(&[0x66, 0x0F, 0x3A, 0x4A]),
            Blendv::Pd => parse(&[0x66, 0x0F, 0x3A, 0x4B]),
            Blendv::B => parse(&[0x66, 0x0F, 0x3A, 0x4C]),
        }
    }

    /// The mnemonic of the AVX form.
    pub fn name(self) -> &'static str {
        match self {
            Blendv::Ps => "vblendvps",
            Blendv::Pd => "vblendvpd",
            Blendv::B => "vpblendvb",
        }
    }
}

impl Assembler {
    /// `vop dst, a, b`: the AVX form of a binary [`Sse`] operation (`PACKED`, `SCALAR`'s
    /// arithmetic), `a op b` into `dst`.
    #[inline]
    pub fn vex_xxx(&mut self, op: Sse, dst: Xmm, a: Xmm, b: Xmm) {
        self.vex_rr(op.op, dst.enc(), a.enc(), b.enc());
    }

    /// `vop dst, a, [addr]`. Unlike the legacy forms, any alignment.
    #[inline]
    pub fn vex_xxm(&mut self, op: Sse, dst: Xmm, a: Xmm, b: impl Into<Addr>) {
        self.vex_rm(op.op, dst.enc(), a.enc(), b.into(), 0);
    }

    /// `vop dst, a, b, imm`: a binary [`SseImm`] operation (`PACKED`).
    #[inline]
    pub fn vex_xxxi(&mut self, op: SseImm, dst: Xmm, a: Xmm, b: Xmm, imm: u8) {
        self.vex_rr(op.op, dst.enc(), a.enc(), b.enc());
        self.byte(imm);
    }

    /// `vop dst, a, [addr], imm`.
    #[inline]
    pub fn vex_xxmi(&mut self, op: SseImm, dst: Xmm, a: Xmm, b: impl Into<Addr>, imm: u8) {
        self.vex_rm(op.op, dst.enc(), a.enc(), b.into(), 1);
        self.byte(imm);
    }

    /// `vop dst, src, imm`: a shift by an immediate count into another register (the
    /// destination in VEX.vvvv, the /digit in ModRM.reg).
    #[inline]
    pub fn vex_xxi(&mut self, op: SseShift, dst: Xmm, src: Xmm, imm: u8) {
        self.vex_rr(op.op, op.digit, dst.enc(), src.enc());
        self.byte(imm);
    }

    /// `vfmadd213ps`/`vfmadd213pd dst, b, c` (FMA3, VEX.128.66.0F38.W0/W1 A8 /r):
    /// `dst = dst * b + c`, rounded once.
    #[inline]
    pub fn vfmadd213_xxx(&mut self, f64: bool, dst: Xmm, b: Xmm, c: Xmm) {
        let op = Op { w: f64, ..const { parse(&[0x66, 0x0F, 0x38, 0xA8]) } };
        self.vex_rr(op, dst.enc(), b.enc(), c.enc());
    }

    /// `vblendvps`/`vblendvpd`/`vpblendvb dst, a, b, mask` (the mask in imm8[7:4]).
    #[inline]
    pub fn vblendv_xxxx(&mut self, op: Blendv, dst: Xmm, a: Xmm, b: Xmm, mask: Xmm) {
        self.vex_rr(op.op(), dst.enc(), a.enc(), b.enc());
        self.byte(mask.enc() << 4);
    }
}
