//! Operands: registers, operand sizes, memory operands, condition codes and labels.

/// A general-purpose register, numbered as in its 4-bit encoding: the low three bits go in
/// ModRM.reg, ModRM.r/m, SIB.base, SIB.index or the opcode, the fourth in REX.R, REX.B or
/// REX.X (Intel SDM Vol. 2A, 2.2.1.2 and Table 3-1).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Gpr {
    Rax = 0,
    Rcx = 1,
    Rdx = 2,
    Rbx = 3,
    Rsp = 4,
    Rbp = 5,
    Rsi = 6,
    Rdi = 7,
    R8 = 8,
    R9 = 9,
    R10 = 10,
    R11 = 11,
    R12 = 12,
    R13 = 13,
    R14 = 14,
    R15 = 15,
}

impl Gpr {
    /// All sixteen, in encoding order.
    pub const ALL: [Gpr; 16] = {
        use Gpr::*;
        [Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, R8, R9, R10, R11, R12, R13, R14, R15]
    };

    /// The register whose encoding is `n & 15`.
    #[inline]
    pub const fn from_enc(n: u8) -> Gpr {
        Gpr::ALL[(n & 15) as usize]
    }

    /// The 4-bit encoding.
    #[inline]
    pub const fn enc(self) -> u8 {
        self as u8
    }

    /// The name of the register at an operand size, as Intel writes it (`eax`, `r8d`, `sil`).
    pub fn name(self, size: Size) -> &'static str {
        const NAMES: [[&str; 16]; 4] = [
            [
                "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b", "r11b", "r12b",
                "r13b", "r14b", "r15b",
            ],
            [
                "ax", "cx", "dx", "bx", "sp", "bp", "si", "di", "r8w", "r9w", "r10w", "r11w", "r12w", "r13w",
                "r14w", "r15w",
            ],
            [
                "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d", "r12d",
                "r13d", "r14d", "r15d",
            ],
            [
                "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12",
                "r13", "r14", "r15",
            ],
        ];
        NAMES[size as usize][self as usize]
    }
}

/// An SSE register, numbered as in its 4-bit encoding.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Xmm {
    Xmm0 = 0,
    Xmm1 = 1,
    Xmm2 = 2,
    Xmm3 = 3,
    Xmm4 = 4,
    Xmm5 = 5,
    Xmm6 = 6,
    Xmm7 = 7,
    Xmm8 = 8,
    Xmm9 = 9,
    Xmm10 = 10,
    Xmm11 = 11,
    Xmm12 = 12,
    Xmm13 = 13,
    Xmm14 = 14,
    Xmm15 = 15,
}

impl Xmm {
    /// All sixteen, in encoding order.
    pub const ALL: [Xmm; 16] = {
        use Xmm::*;
        [Xmm0, Xmm1, Xmm2, Xmm3, Xmm4, Xmm5, Xmm6, Xmm7, Xmm8, Xmm9, Xmm10, Xmm11, Xmm12, Xmm13, Xmm14, Xmm15]
    };

    /// The register whose encoding is `n & 15`.
    #[inline]
    pub const fn from_enc(n: u8) -> Xmm {
        Xmm::ALL[(n & 15) as usize]
    }

    /// The 4-bit encoding.
    #[inline]
    pub const fn enc(self) -> u8 {
        self as u8
    }
}

/// The size of a general-purpose operand. A 32-bit result written to a register clears its
/// upper half; an 8- or 16-bit one leaves the rest of the register unchanged.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Size {
    /// Byte: opcodes with w = 0 (Intel SDM Vol. 2D, B.1.4.3).
    S8 = 0,
    /// Word: the 66 operand-size prefix.
    S16 = 1,
    /// Doubleword: the default in 64-bit mode.
    S32 = 2,
    /// Quadword: REX.W.
    S64 = 3,
}

impl Size {
    /// The size in bytes.
    #[inline]
    pub const fn bytes(self) -> u8 {
        1 << self as u8
    }
}

/// The scale of an index register in a memory operand: SIB.scale.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Scale {
    X1 = 0,
    X2 = 1,
    X4 = 2,
    X8 = 3,
}

impl Scale {
    /// The factor: 1, 2, 4 or 8.
    #[inline]
    pub const fn factor(self) -> u8 {
        1 << self as u8
    }
}

/// A memory operand `[base + index * scale + disp]`. The index cannot be `rsp`: SIB.index 100
/// without REX.X means "no index" (Intel SDM Vol. 2A, Table 2-3).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Mem {
    pub base: Gpr,
    pub index: Option<(Gpr, Scale)>,
    pub disp: i32,
}

impl Mem {
    /// `[base]`.
    #[inline]
    pub const fn base(base: Gpr) -> Mem {
        Mem { base, index: None, disp: 0 }
    }

    /// `[base + disp]`.
    #[inline]
    pub const fn disp(base: Gpr, disp: i32) -> Mem {
        Mem { base, index: None, disp }
    }

    /// `[base + index * scale + disp]`.
    #[inline]
    pub const fn index(base: Gpr, index: Gpr, scale: Scale, disp: i32) -> Mem {
        assert!(!matches!(index, Gpr::Rsp), "rsp cannot be an index register");
        Mem { base, index: Some((index, scale)), disp }
    }

    /// The same operand `delta` bytes further on.
    #[inline]
    pub const fn offset(self, delta: i32) -> Mem {
        Mem { disp: self.disp.wrapping_add(delta), ..self }
    }
}

/// A place in the code, bound once; references to it before that are patched when it is.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub(super) u32);

/// An operand that names memory: a [`Mem`], or `[rip + label]`: the label's address, for
/// constants and jump tables (a [`Label`] converts into one).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Addr {
    Mem(Mem),
    Rip(Label),
}

impl From<Mem> for Addr {
    #[inline]
    fn from(m: Mem) -> Addr {
        Addr::Mem(m)
    }
}

impl From<Label> for Addr {
    #[inline]
    fn from(l: Label) -> Addr {
        Addr::Rip(l)
    }
}

/// A condition code: the low nibble of `Jcc`, `SETcc` and `CMOVcc` (Intel SDM Vol. 1, B.1,
/// Table B-1). Names as Intel writes them; the aliases (`c`, `z`, `nae`, ...) are the same
/// codes.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cond {
    /// Overflow.
    O = 0x0,
    No = 0x1,
    /// Below (unsigned `<`), carry.
    B = 0x2,
    /// Above or equal (unsigned `>=`), no carry.
    Ae = 0x3,
    /// Equal, zero.
    E = 0x4,
    Ne = 0x5,
    /// Below or equal (unsigned `<=`).
    Be = 0x6,
    /// Above (unsigned `>`).
    A = 0x7,
    /// Sign.
    S = 0x8,
    Ns = 0x9,
    /// Parity even: after `ucomiss`/`ucomisd`, unordered.
    P = 0xA,
    Np = 0xB,
    /// Less (signed `<`).
    L = 0xC,
    /// Greater or equal (signed `>=`).
    Ge = 0xD,
    /// Less or equal (signed `<=`).
    Le = 0xE,
    /// Greater (signed `>`).
    G = 0xF,
}

impl Cond {
    /// All sixteen, in encoding order.
    pub const ALL: [Cond; 16] = {
        use Cond::*;
        [O, No, B, Ae, E, Ne, Be, A, S, Ns, P, Np, L, Ge, Le, G]
    };

    /// The opposite condition: the codes come in pairs that differ in bit 0.
    #[inline]
    pub const fn invert(self) -> Cond {
        Cond::ALL[(self as u8 ^ 1) as usize]
    }

    /// The mnemonic suffix, as Intel writes it (`e`, `ae`, ...).
    pub fn name(self) -> &'static str {
        ["o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"]
            [self as usize]
    }
}
