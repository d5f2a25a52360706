//! SSE instructions in their legacy encodings (SSE to SSE4.1): tables of prefix and opcode
//! bytes as Intel's instruction pages write them, so that adding an operation is one line.
//!
//! This file holds the machinery (the operation types and the forms that emit them), the
//! scalar operations (`ss`/`sd`: one float in the low lane), the moves between general and
//! XMM registers and the conversions; `packed.rs` the packed operations, on all the lanes of
//! an XMM register.

use super::assembler::{Assembler, Map, Op};
use super::operands::{Addr, Gpr, Size, Xmm};

/// The opcode of a table entry, from its bytes: an optional mandatory prefix (66, F2, F3),
/// 0F, an optional 38 or 3A, the opcode byte (Intel SDM Vol. 2A, 2.1.2).
pub(super) const fn parse(bytes: &[u8]) -> Op {
    let (p66, rep, rest) = match bytes {
        [0x66, rest @ ..] => (true, 0, rest),
        [p @ (0xF2 | 0xF3), rest @ ..] => (false, *p, rest),
        rest => (false, 0, rest),
    };
    let (map, code) = match rest {
        [0x0F, 0x38, code] => (Map::M0F38, *code),
        [0x0F, 0x3A, code] => (Map::M0F3A, *code),
        [0x0F, code] => (Map::M0F, *code),
        _ => panic!("an SSE opcode is [66|F2|F3] 0F [38|3A] op"),
    };
    Op { p66, rep, ..Op::new(map, code) }
}

/// A table of operations of one type: `table!(Type, GROUP { NAME = bytes [/ digit]; ... })`
/// defines `Type::NAME` for each, and `Type::GROUP`, all of them (for tests).
macro_rules! table {
    ($ty:ident, $group:ident { $($name:ident = $($byte:literal)+ $(/ $digit:literal)?;)* }) => {
        impl $ty {
            $(pub const $name: $ty = $ty {
                op: $crate::jit::x64::sse::parse(&[$($byte),+]),
                $(digit: $digit,)?
                name: stringify!($name),
            };)*
            pub const $group: &[$ty] = &[$($ty::$name),*];
        }
    };
}
pub(super) use table;

macro_rules! named {
    ($($ty:ident),*) => {
        $(impl $ty {
            /// Intel's mnemonic, in capitals.
            pub fn name(self) -> &'static str {
                self.name
            }
        })*
    };
}
named!(Sse, SseImm, SseStore, SseShift);

/// An SSE operation `op xmm1, xmm2/m` ([`Assembler::sse_xx`], [`Assembler::sse_xm`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Sse {
    pub(super) op: Op,
    pub(super) name: &'static str,
}

/// An SSE operation with an imm8, `op xmm1, xmm2/m, imm8` ([`Assembler::sse_xxi`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SseImm {
    pub(super) op: Op,
    pub(super) name: &'static str,
}

/// An SSE store `op m, xmm` ([`Assembler::sse_mx`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SseStore {
    pub(super) op: Op,
    pub(super) name: &'static str,
}

/// An SSE shift by an immediate count, `op xmm, imm8`, with its /digit
/// ([`Assembler::sse_xi`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SseShift {
    pub(super) op: Op,
    pub(super) digit: u8,
    pub(super) name: &'static str,
}

table!(Sse, SCALAR {
    MOVSS = 0xF3 0x0F 0x10;
    MOVSD = 0xF2 0x0F 0x10;
    MOVQ = 0xF3 0x0F 0x7E;
    ADDSS = 0xF3 0x0F 0x58;
    ADDSD = 0xF2 0x0F 0x58;
    SUBSS = 0xF3 0x0F 0x5C;
    SUBSD = 0xF2 0x0F 0x5C;
    MULSS = 0xF3 0x0F 0x59;
    MULSD = 0xF2 0x0F 0x59;
    DIVSS = 0xF3 0x0F 0x5E;
    DIVSD = 0xF2 0x0F 0x5E;
    SQRTSS = 0xF3 0x0F 0x51;
    SQRTSD = 0xF2 0x0F 0x51;
    MINSS = 0xF3 0x0F 0x5D;
    MINSD = 0xF2 0x0F 0x5D;
    MAXSS = 0xF3 0x0F 0x5F;
    MAXSD = 0xF2 0x0F 0x5F;
    UCOMISS = 0x0F 0x2E;
    UCOMISD = 0x66 0x0F 0x2E;
    CVTSS2SD = 0xF3 0x0F 0x5A;
    CVTSD2SS = 0xF2 0x0F 0x5A;
});

table!(SseImm, SCALAR {
    ROUNDSS = 0x66 0x0F 0x3A 0x0A;
    ROUNDSD = 0x66 0x0F 0x3A 0x0B;
    CMPSS = 0xF3 0x0F 0xC2;
    CMPSD = 0xF2 0x0F 0xC2;
});

table!(SseStore, SCALAR {
    MOVSS = 0xF3 0x0F 0x11;
    MOVSD = 0xF2 0x0F 0x11;
    MOVQ = 0x66 0x0F 0xD6;
});

/// The rounding of `roundss`/`roundsd`/`roundps`/`roundpd`, as their imm8: bits 1:0 the
/// mode, bit 2 clear to take it from here rather than MXCSR, bit 3 set to suppress the
/// precision exception (Intel SDM Vol. 2B, ROUNDSD, Table 4-18).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Round {
    Nearest = 0b1000,
    Floor = 0b1001,
    Ceil = 0b1010,
    Trunc = 0b1011,
}

/// The predicate of `cmpss`/`cmpsd`/`cmpps`/`cmppd`, as their imm8 (Intel SDM Vol. 2A, CMPPS,
/// Table 3-1, the first eight). An unordered operand makes `Neq`, `Nlt`, `Nle` and `Unord`
/// true, the others false.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum CmpPred {
    Eq = 0,
    Lt = 1,
    Le = 2,
    Unord = 3,
    Neq = 4,
    Nlt = 5,
    Nle = 6,
    Ord = 7,
}

/// 66 0F 6E: `movd/movq xmm, r/m`; 66 0F 7E: `movd/movq r/m, xmm`.
const MOVD_XR: Op = parse(&[0x66, 0x0F, 0x6E]);
const MOVD_RX: Op = parse(&[0x66, 0x0F, 0x7E]);

impl Assembler {
    /// `op dst, src`, an [`Sse`] operation.
    #[inline]
    pub fn sse_xx(&mut self, op: Sse, dst: Xmm, src: Xmm) {
        self.op_rr(op.op, dst.enc(), src.enc());
    }

    /// `op dst, [addr]`, an [`Sse`] operation. Packed operations other than the unaligned
    /// moves fault on an address not aligned to 16.
    #[inline]
    pub fn sse_xm(&mut self, op: Sse, dst: Xmm, addr: impl Into<Addr>) {
        self.op_rm(op.op, dst.enc(), addr.into(), 0);
    }

    /// `op dst, src, imm`, an [`SseImm`] operation: see [`Round`] and [`CmpPred`].
    #[inline]
    pub fn sse_xxi(&mut self, op: SseImm, dst: Xmm, src: Xmm, imm: u8) {
        self.op_rr(op.op, dst.enc(), src.enc());
        self.byte(imm);
    }

    /// `op dst, [addr], imm`, an [`SseImm`] operation.
    #[inline]
    pub fn sse_xmi(&mut self, op: SseImm, dst: Xmm, addr: impl Into<Addr>, imm: u8) {
        self.op_rm(op.op, dst.enc(), addr.into(), 1);
        self.byte(imm);
    }

    /// `op [addr], src`, an [`SseStore`].
    #[inline]
    pub fn sse_mx(&mut self, op: SseStore, addr: impl Into<Addr>, src: Xmm) {
        self.op_rm(op.op, src.enc(), addr.into(), 0);
    }

    /// `op dst, imm`, an [`SseShift`] by an immediate count.
    #[inline]
    pub fn sse_xi(&mut self, op: SseShift, dst: Xmm, imm: u8) {
        self.op_digit_r(op.op, op.digit, dst.enc());
        self.byte(imm);
    }

    /// `movd xmm, r32` (66 0F 6E /r): the upper lanes cleared.
    #[inline]
    pub fn movd_xr(&mut self, dst: Xmm, src: Gpr) {
        self.op_rr(MOVD_XR, dst.enc(), src.enc());
    }

    /// `movq xmm, r64` (66 REX.W 0F 6E /r): the upper lane cleared.
    #[inline]
    pub fn movq_xr(&mut self, dst: Xmm, src: Gpr) {
        self.op_rr(MOVD_XR.wide(Size::S64), dst.enc(), src.enc());
    }

    /// `movd r32, xmm` (66 0F 7E /r).
    #[inline]
    pub fn movd_rx(&mut self, dst: Gpr, src: Xmm) {
        self.op_rr(MOVD_RX, src.enc(), dst.enc());
    }

    /// `movq r64, xmm` (66 REX.W 0F 7E /r).
    #[inline]
    pub fn movq_rx(&mut self, dst: Gpr, src: Xmm) {
        self.op_rr(MOVD_RX.wide(Size::S64), src.enc(), dst.enc());
    }

    /// `cvtsi2ss xmm, r32/r64` (F3 [REX.W] 0F 2A /r): a signed integer to `f32`, rounded
    /// by MXCSR. Writes only the low lane, so it depends on `dst`'s old value.
    #[inline]
    pub fn cvtsi2ss_xr(&mut self, size: Size, dst: Xmm, src: Gpr) {
        self.op_rr(const { parse(&[0xF3, 0x0F, 0x2A]) }.wide(size), dst.enc(), src.enc());
    }

    /// `cvtsi2sd xmm, r32/r64` (F2 [REX.W] 0F 2A /r).
    #[inline]
    pub fn cvtsi2sd_xr(&mut self, size: Size, dst: Xmm, src: Gpr) {
        self.op_rr(const { parse(&[0xF2, 0x0F, 0x2A]) }.wide(size), dst.enc(), src.enc());
    }

    /// `cvttss2si r32/r64, xmm` (F3 [REX.W] 0F 2C /r): truncates; NaN or out of range gives
    /// the "integer indefinite" 0x80..0.
    #[inline]
    pub fn cvttss2si_rx(&mut self, size: Size, dst: Gpr, src: Xmm) {
        self.op_rr(const { parse(&[0xF3, 0x0F, 0x2C]) }.wide(size), dst.enc(), src.enc());
    }

    /// `cvttsd2si r32/r64, xmm` (F2 [REX.W] 0F 2C /r).
    #[inline]
    pub fn cvttsd2si_rx(&mut self, size: Size, dst: Gpr, src: Xmm) {
        self.op_rr(const { parse(&[0xF2, 0x0F, 0x2C]) }.wide(size), dst.enc(), src.enc());
    }
}
