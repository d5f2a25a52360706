//! SSE instructions in their legacy encodings (SSE to SSE4.1): tables of prefix and opcode
//! bytes as Intel's instruction pages write them, so that adding an operation is one line.

use super::assembler::{Assembler, Map, Op};
use super::operands::{Addr, Gpr, Size, Xmm};

/// The opcode of a table entry, from its bytes: an optional mandatory prefix (66, F2, F3),
/// 0F, an optional 38 or 3A, the opcode byte (Intel SDM Vol. 2A, 2.1.2).
const fn parse(bytes: &[u8]) -> Op {
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

macro_rules! table {
    ($ty:ident { $($name:ident = $($byte:literal)+ $(/ $digit:literal)?;)* }) => {
        impl $ty {
            $(pub const $name: $ty = $ty { op: parse(&[$($byte),+]), $(digit: $digit,)? name: stringify!($name) };)*
            /// Every entry, for tests.
            pub const ALL: &[$ty] = &[$($ty::$name),*];

            /// Intel's mnemonic, in capitals.
            pub fn name(self) -> &'static str {
                self.name
            }
        }
    };
}

/// An SSE operation `op xmm1, xmm2/m` ([`Assembler::sse_xx`], [`Assembler::sse_xm`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Sse {
    op: Op,
    name: &'static str,
}

/// An SSE operation with an imm8, `op xmm1, xmm2/m, imm8` ([`Assembler::sse_xxi`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SseImm {
    op: Op,
    name: &'static str,
}

/// An SSE store `op m, xmm` ([`Assembler::sse_mx`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SseStore {
    op: Op,
    name: &'static str,
}

/// An SSE shift by an immediate count, `op xmm, imm8`, with its /digit
/// ([`Assembler::sse_xi`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SseShift {
    op: Op,
    digit: u8,
    name: &'static str,
}

table!(Sse {
    MOVSS = 0xF3 0x0F 0x10;
    MOVSD = 0xF2 0x0F 0x10;
    MOVAPS = 0x0F 0x28;
    MOVAPD = 0x66 0x0F 0x28;
    MOVUPS = 0x0F 0x10;
    MOVUPD = 0x66 0x0F 0x10;
    MOVDQA = 0x66 0x0F 0x6F;
    MOVDQU = 0xF3 0x0F 0x6F;
    MOVQ = 0xF3 0x0F 0x7E;
    ADDSS = 0xF3 0x0F 0x58;
    ADDSD = 0xF2 0x0F 0x58;
    ADDPS = 0x0F 0x58;
    ADDPD = 0x66 0x0F 0x58;
    SUBSS = 0xF3 0x0F 0x5C;
    SUBSD = 0xF2 0x0F 0x5C;
    SUBPS = 0x0F 0x5C;
    SUBPD = 0x66 0x0F 0x5C;
    MULSS = 0xF3 0x0F 0x59;
    MULSD = 0xF2 0x0F 0x59;
    MULPS = 0x0F 0x59;
    MULPD = 0x66 0x0F 0x59;
    DIVSS = 0xF3 0x0F 0x5E;
    DIVSD = 0xF2 0x0F 0x5E;
    DIVPS = 0x0F 0x5E;
    DIVPD = 0x66 0x0F 0x5E;
    SQRTSS = 0xF3 0x0F 0x51;
    SQRTSD = 0xF2 0x0F 0x51;
    SQRTPS = 0x0F 0x51;
    SQRTPD = 0x66 0x0F 0x51;
    MINSS = 0xF3 0x0F 0x5D;
    MINSD = 0xF2 0x0F 0x5D;
    MINPS = 0x0F 0x5D;
    MINPD = 0x66 0x0F 0x5D;
    MAXSS = 0xF3 0x0F 0x5F;
    MAXSD = 0xF2 0x0F 0x5F;
    MAXPS = 0x0F 0x5F;
    MAXPD = 0x66 0x0F 0x5F;
    UCOMISS = 0x0F 0x2E;
    UCOMISD = 0x66 0x0F 0x2E;
    CVTSS2SD = 0xF3 0x0F 0x5A;
    CVTSD2SS = 0xF2 0x0F 0x5A;
    ANDPS = 0x0F 0x54;
    ANDPD = 0x66 0x0F 0x54;
    ANDNPS = 0x0F 0x55;
    ANDNPD = 0x66 0x0F 0x55;
    ORPS = 0x0F 0x56;
    ORPD = 0x66 0x0F 0x56;
    XORPS = 0x0F 0x57;
    XORPD = 0x66 0x0F 0x57;
    PAND = 0x66 0x0F 0xDB;
    PANDN = 0x66 0x0F 0xDF;
    POR = 0x66 0x0F 0xEB;
    PXOR = 0x66 0x0F 0xEF;
    PCMPEQB = 0x66 0x0F 0x74;
    PCMPEQW = 0x66 0x0F 0x75;
    PCMPEQD = 0x66 0x0F 0x76;
    PCMPEQQ = 0x66 0x0F 0x38 0x29;
    // xmm0 is the implicit mask of the blends.
    BLENDVPS = 0x66 0x0F 0x38 0x14;
    BLENDVPD = 0x66 0x0F 0x38 0x15;
    PBLENDVB = 0x66 0x0F 0x38 0x10;
});

table!(SseImm {
    ROUNDSS = 0x66 0x0F 0x3A 0x0A;
    ROUNDSD = 0x66 0x0F 0x3A 0x0B;
    ROUNDPS = 0x66 0x0F 0x3A 0x08;
    ROUNDPD = 0x66 0x0F 0x3A 0x09;
    CMPSS = 0xF3 0x0F 0xC2;
    CMPSD = 0xF2 0x0F 0xC2;
    CMPPS = 0x0F 0xC2;
    CMPPD = 0x66 0x0F 0xC2;
    PSHUFD = 0x66 0x0F 0x70;
    SHUFPS = 0x0F 0xC6;
    SHUFPD = 0x66 0x0F 0xC6;
});

table!(SseStore {
    MOVSS = 0xF3 0x0F 0x11;
    MOVSD = 0xF2 0x0F 0x11;
    MOVAPS = 0x0F 0x29;
    MOVAPD = 0x66 0x0F 0x29;
    MOVUPS = 0x0F 0x11;
    MOVUPD = 0x66 0x0F 0x11;
    MOVDQA = 0x66 0x0F 0x7F;
    MOVDQU = 0xF3 0x0F 0x7F;
    MOVQ = 0x66 0x0F 0xD6;
});

table!(SseShift {
    PSRLW = 0x66 0x0F 0x71 / 2;
    PSRAW = 0x66 0x0F 0x71 / 4;
    PSLLW = 0x66 0x0F 0x71 / 6;
    PSRLD = 0x66 0x0F 0x72 / 2;
    PSRAD = 0x66 0x0F 0x72 / 4;
    PSLLD = 0x66 0x0F 0x72 / 6;
    PSRLQ = 0x66 0x0F 0x73 / 2;
    PSRLDQ = 0x66 0x0F 0x73 / 3;
    PSLLQ = 0x66 0x0F 0x73 / 6;
    PSLLDQ = 0x66 0x0F 0x73 / 7;
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

    /// `movmskps r32, xmm` (0F 50 /r): the sign bits of the four lanes.
    #[inline]
    pub fn movmskps_rx(&mut self, dst: Gpr, src: Xmm) {
        self.op_rr(const { parse(&[0x0F, 0x50]) }, dst.enc(), src.enc());
    }

    /// `movmskpd r32, xmm` (66 0F 50 /r): the sign bits of the two lanes.
    #[inline]
    pub fn movmskpd_rx(&mut self, dst: Gpr, src: Xmm) {
        self.op_rr(const { parse(&[0x66, 0x0F, 0x50]) }, dst.enc(), src.enc());
    }
}
