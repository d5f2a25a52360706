//! General-purpose instructions (Intel SDM Vol. 2; opcodes as its instruction pages and the
//! opcode map, Vol. 2D Appendix A, give them).

use super::assembler::{Assembler, Map, Op};
use super::operands::{Addr, Cond, Gpr, Size};

/// The eight arithmetic-logic operations of "Immediate Grp 1" (opcodes 80, 81, 83), in the
/// order of their /digit, which is also bits 5:3 of their `op r/m, r` opcodes (00, 08, ...).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Alu {
    Add = 0,
    Or = 1,
    Adc = 2,
    Sbb = 3,
    And = 4,
    Sub = 5,
    Xor = 6,
    Cmp = 7,
}

impl Alu {
    pub const ALL: [Alu; 8] = [Alu::Add, Alu::Or, Alu::Adc, Alu::Sbb, Alu::And, Alu::Sub, Alu::Xor, Alu::Cmp];
}

/// The shifts and rotates of "Shift Grp 2" (opcodes C0, C1, D0..D3), by their /digit.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Shift {
    Rol = 0,
    Ror = 1,
    Rcl = 2,
    Rcr = 3,
    /// Also `sal`.
    Shl = 4,
    Shr = 5,
    Sar = 7,
}

impl Shift {
    pub const ALL: [Shift; 7] =
        [Shift::Rol, Shift::Ror, Shift::Rcl, Shift::Rcr, Shift::Shl, Shift::Shr, Shift::Sar];
}

#[inline]
fn fits_i8(v: i32) -> bool {
    v as i8 as i32 == v
}

/// An immediate truncated to an operand size, then sign-extended back: what the CPU sees.
#[inline]
fn truncate(size: Size, v: i32) -> i32 {
    match size {
        Size::S8 => v as i8 as i32,
        Size::S16 => v as i16 as i32,
        Size::S32 | Size::S64 => v,
    }
}

/// The length of a full-size immediate: 64-bit operations take a sign-extended imm32.
#[inline]
fn imm_len(size: Size) -> u8 {
    size.bytes().min(4)
}

/// 0F B6/B7 `movzx`, 0F BE/BF `movsx`: bit 0 picks a 16-bit source.
#[inline]
fn extend_op(code: u8, to: Size, from: Size) -> Op {
    debug_assert!(from < to && from <= Size::S16, "extending {from:?} to {to:?}");
    Op { byte_rm: from == Size::S8, ..Op::new(Map::M0F, code | (from == Size::S16) as u8).wide(to) }
}

impl Assembler {
    // ----- Moves -----

    /// `mov dst, src` (88/89 /r).
    #[inline]
    pub fn mov_rr(&mut self, size: Size, dst: Gpr, src: Gpr) {
        self.op_rr(Op::sized(0x89, size), src.enc(), dst.enc());
    }

    /// `mov dst, [addr]` (8A/8B /r).
    #[inline]
    pub fn mov_rm(&mut self, size: Size, dst: Gpr, addr: impl Into<Addr>) {
        self.op_rm(Op::sized(0x8B, size), dst.enc(), addr.into(), 0);
    }

    /// `mov [addr], src` (88/89 /r).
    #[inline]
    pub fn mov_mr(&mut self, size: Size, addr: impl Into<Addr>, src: Gpr) {
        self.op_rm(Op::sized(0x89, size), src.enc(), addr.into(), 0);
    }

    /// `mov dst, imm`: B0+rb ib, B8+rw iw, B8+rd id; for 64 bits `REX.W C7 /0 id`, the imm32
    /// sign-extended. [`mov_ri64`](Self::mov_ri64) picks the shortest form for any value.
    #[inline]
    pub fn mov_ri(&mut self, size: Size, dst: Gpr, imm: i32) {
        match size {
            Size::S64 => {
                self.op_digit_r(Op::sized(0xC7, size), 0, dst.enc());
                self.u32(imm as u32);
            }
            Size::S8 => {
                self.op_o(Op { byte_rm: true, ..Op::new(Map::One, 0xB0) }, dst.enc());
                self.byte(imm as u8);
            }
            Size::S16 | Size::S32 => {
                self.op_o(Op::new(Map::One, 0xB8).wide(size), dst.enc());
                self.imm(size, imm);
            }
        }
    }

    /// Loads a 64-bit value in the fewest bytes: `mov r32, imm32` (zero-extended) when it
    /// fits in 32 unsigned bits, `mov r64, imm32` (sign-extended) when it fits in 32 signed
    /// bits, else `mov r64, imm64` (REX.W B8+rd io).
    #[inline]
    pub fn mov_ri64(&mut self, dst: Gpr, imm: i64) {
        if imm as u32 as i64 == imm {
            self.mov_ri(Size::S32, dst, imm as i32);
        } else if imm as i32 as i64 == imm {
            self.mov_ri(Size::S64, dst, imm as i32);
        } else {
            self.op_o(Op::new(Map::One, 0xB8).wide(Size::S64), dst.enc());
            self.buf.extend_from_slice(&imm.to_le_bytes());
        }
    }

    /// `mov [addr], imm` (C6/C7 /0; for 64 bits the imm32 is sign-extended).
    #[inline]
    pub fn mov_mi(&mut self, size: Size, addr: impl Into<Addr>, imm: i32) {
        self.op_digit_m(Op::sized(0xC7, size), 0, addr.into(), imm_len(size));
        self.imm(size, imm);
    }

    /// `movzx dst, src`: zero-extends an 8- or 16-bit register (0F B6/B7 /r). From 32 bits
    /// to 64 it is `mov r32, r32`, which clears the upper half.
    #[inline]
    pub fn movzx_rr(&mut self, to: Size, dst: Gpr, from: Size, src: Gpr) {
        if from == Size::S32 {
            self.mov_rr(Size::S32, dst, src);
        } else {
            self.op_rr(extend_op(0xB6, to, from), dst.enc(), src.enc());
        }
    }

    /// `movzx dst, [addr]` (0F B6/B7 /r); from 32 bits, `mov r32, m32`.
    #[inline]
    pub fn movzx_rm(&mut self, to: Size, dst: Gpr, from: Size, addr: impl Into<Addr>) {
        if from == Size::S32 {
            self.mov_rm(Size::S32, dst, addr);
        } else {
            self.op_rm(extend_op(0xB6, to, from), dst.enc(), addr.into(), 0);
        }
    }

    /// `movsx dst, src`: sign-extends an 8- or 16-bit register (0F BE/BF /r); from 32 bits
    /// to 64, `movsxd`.
    #[inline]
    pub fn movsx_rr(&mut self, to: Size, dst: Gpr, from: Size, src: Gpr) {
        if from == Size::S32 {
            self.movsxd_rr(dst, src);
        } else {
            self.op_rr(extend_op(0xBE, to, from), dst.enc(), src.enc());
        }
    }

    /// `movsx dst, [addr]` (0F BE/BF /r); from 32 bits, `movsxd`.
    #[inline]
    pub fn movsx_rm(&mut self, to: Size, dst: Gpr, from: Size, addr: impl Into<Addr>) {
        if from == Size::S32 {
            self.movsxd_rm(dst, addr);
        } else {
            self.op_rm(extend_op(0xBE, to, from), dst.enc(), addr.into(), 0);
        }
    }

    /// `movsxd r64, r32` (REX.W 63 /r).
    #[inline]
    pub fn movsxd_rr(&mut self, dst: Gpr, src: Gpr) {
        self.op_rr(Op::new(Map::One, 0x63).wide(Size::S64), dst.enc(), src.enc());
    }

    /// `movsxd r64, m32` (REX.W 63 /r).
    #[inline]
    pub fn movsxd_rm(&mut self, dst: Gpr, addr: impl Into<Addr>) {
        self.op_rm(Op::new(Map::One, 0x63).wide(Size::S64), dst.enc(), addr.into(), 0);
    }

    /// `lea dst, [addr]` (8D /r), 16, 32 or 64 bits.
    #[inline]
    pub fn lea_rm(&mut self, size: Size, dst: Gpr, addr: impl Into<Addr>) {
        self.op_rm(Op::new(Map::One, 0x8D).wide(size), dst.enc(), addr.into(), 0);
    }

    /// `xchg a, b` (86/87 /r).
    #[inline]
    pub fn xchg_rr(&mut self, size: Size, a: Gpr, b: Gpr) {
        self.op_rr(Op::sized(0x87, size), b.enc(), a.enc());
    }

    /// `xchg [addr], r` (86/87 /r), locked by the processor whatever the prefixes.
    #[inline]
    pub fn xchg_mr(&mut self, size: Size, addr: impl Into<Addr>, r: Gpr) {
        self.op_rm(Op::sized(0x87, size), r.enc(), addr.into(), 0);
    }

    // ----- Arithmetic and logic -----

    /// `op dst, src`: `add`, `or`, `adc`, `sbb`, `and`, `sub`, `xor`, `cmp` (00..39 /r, the
    /// `op r/m, r` forms).
    #[inline]
    pub fn alu_rr(&mut self, op: Alu, size: Size, dst: Gpr, src: Gpr) {
        self.op_rr(Op::sized((op as u8) << 3 | 1, size), src.enc(), dst.enc());
    }

    /// `op dst, [addr]` (the `op r, r/m` forms).
    #[inline]
    pub fn alu_rm(&mut self, op: Alu, size: Size, dst: Gpr, addr: impl Into<Addr>) {
        self.op_rm(Op::sized((op as u8) << 3 | 3, size), dst.enc(), addr.into(), 0);
    }

    /// `op [addr], src` (the `op r/m, r` forms).
    #[inline]
    pub fn alu_mr(&mut self, op: Alu, size: Size, addr: impl Into<Addr>, src: Gpr) {
        self.op_rm(Op::sized((op as u8) << 3 | 1, size), src.enc(), addr.into(), 0);
    }

    /// `op dst, imm`, in the shortest form: `83 /op ib` (sign-extended imm8), the
    /// accumulator's `op al/ax/eax/rax, imm` (04..3D), or `80/81 /op imm`. The immediate is
    /// truncated to the operand size; 64-bit operations sign-extend an imm32.
    #[inline]
    pub fn alu_ri(&mut self, op: Alu, size: Size, dst: Gpr, imm: i32) {
        let imm = truncate(size, imm);
        if size != Size::S8 && fits_i8(imm) {
            self.op_digit_r(Op::new(Map::One, 0x83).wide(size), op as u8, dst.enc());
            self.byte(imm as u8);
            return;
        }
        if dst == Gpr::Rax {
            self.op(Op::sized((op as u8) << 3 | 5, size));
        } else {
            self.op_digit_r(Op::sized(0x81, size), op as u8, dst.enc());
        }
        self.imm(size, imm);
    }

    /// `op dst, imm32` always with a 32-bit immediate (81 /op id), 32 or 64 bits; returns
    /// the offset of the immediate, for [`patch_u32`](Self::patch_u32) (a frame size known
    /// only at the end of a function).
    #[inline]
    pub fn alu_ri32(&mut self, op: Alu, size: Size, dst: Gpr, imm: i32) -> u32 {
        debug_assert!(size >= Size::S32);
        self.op_digit_r(Op::sized(0x81, size), op as u8, dst.enc());
        let at = self.offset();
        self.u32(imm as u32);
        at
    }

    /// `op [addr], imm` (80/81/83 /op).
    #[inline]
    pub fn alu_mi(&mut self, op: Alu, size: Size, addr: impl Into<Addr>, imm: i32) {
        let imm = truncate(size, imm);
        if size != Size::S8 && fits_i8(imm) {
            self.op_digit_m(Op::new(Map::One, 0x83).wide(size), op as u8, addr.into(), 1);
            self.byte(imm as u8);
        } else {
            self.op_digit_m(Op::sized(0x81, size), op as u8, addr.into(), imm_len(size));
            self.imm(size, imm);
        }
    }

    /// `test a, b` (84/85 /r).
    #[inline]
    pub fn test_rr(&mut self, size: Size, a: Gpr, b: Gpr) {
        self.op_rr(Op::sized(0x85, size), b.enc(), a.enc());
    }

    /// `test r, imm`: A8/A9 for the accumulator, else F6/F7 /0.
    #[inline]
    pub fn test_ri(&mut self, size: Size, r: Gpr, imm: i32) {
        if r == Gpr::Rax {
            self.op(Op::sized(0xA9, size));
        } else {
            self.op_digit_r(Op::sized(0xF7, size), 0, r.enc());
        }
        self.imm(size, imm);
    }

    /// `test [addr], r` (84/85 /r).
    #[inline]
    pub fn test_mr(&mut self, size: Size, addr: impl Into<Addr>, r: Gpr) {
        self.op_rm(Op::sized(0x85, size), r.enc(), addr.into(), 0);
    }

    /// `test [addr], imm` (F6/F7 /0).
    #[inline]
    pub fn test_mi(&mut self, size: Size, addr: impl Into<Addr>, imm: i32) {
        self.op_digit_m(Op::sized(0xF7, size), 0, addr.into(), imm_len(size));
        self.imm(size, imm);
    }

    /// `imul dst, src` (0F AF /r), 16, 32 or 64 bits.
    #[inline]
    pub fn imul_rr(&mut self, size: Size, dst: Gpr, src: Gpr) {
        self.op_rr(Op::new(Map::M0F, 0xAF).wide(size), dst.enc(), src.enc());
    }

    /// `imul dst, [addr]` (0F AF /r).
    #[inline]
    pub fn imul_rm(&mut self, size: Size, dst: Gpr, addr: impl Into<Addr>) {
        self.op_rm(Op::new(Map::M0F, 0xAF).wide(size), dst.enc(), addr.into(), 0);
    }

    /// `imul dst, src, imm`: 6B /r ib when the immediate fits in 8 signed bits, else 69 /r.
    #[inline]
    pub fn imul_rri(&mut self, size: Size, dst: Gpr, src: Gpr, imm: i32) {
        let imm = truncate(size, imm);
        if fits_i8(imm) {
            self.op_rr(Op::new(Map::One, 0x6B).wide(size), dst.enc(), src.enc());
            self.byte(imm as u8);
        } else {
            self.op_rr(Op::new(Map::One, 0x69).wide(size), dst.enc(), src.enc());
            self.imm(size, imm);
        }
    }

    /// "Unary Grp 3" (F6/F7 /digit) on a register.
    #[inline]
    fn grp3(&mut self, digit: u8, size: Size, r: Gpr) {
        self.op_digit_r(Op::sized(0xF7, size), digit, r.enc());
    }

    /// `not r` (F6/F7 /2).
    #[inline]
    pub fn not(&mut self, size: Size, r: Gpr) {
        self.grp3(2, size, r);
    }

    /// `neg r` (F6/F7 /3).
    #[inline]
    pub fn neg(&mut self, size: Size, r: Gpr) {
        self.grp3(3, size, r);
    }

    /// `mul r`: rdx:rax = rax * r, unsigned (F6/F7 /4).
    #[inline]
    pub fn mul(&mut self, size: Size, r: Gpr) {
        self.grp3(4, size, r);
    }

    /// `imul r`: rdx:rax = rax * r, signed (F6/F7 /5).
    #[inline]
    pub fn imul(&mut self, size: Size, r: Gpr) {
        self.grp3(5, size, r);
    }

    /// `div r`: rax = rdx:rax / r, rdx = the remainder, unsigned (F6/F7 /6).
    #[inline]
    pub fn div(&mut self, size: Size, r: Gpr) {
        self.grp3(6, size, r);
    }

    /// `idiv r`: signed `div` (F6/F7 /7).
    #[inline]
    pub fn idiv(&mut self, size: Size, r: Gpr) {
        self.grp3(7, size, r);
    }

    /// `inc r` (FE/FF /0).
    #[inline]
    pub fn inc(&mut self, size: Size, r: Gpr) {
        self.op_digit_r(Op::sized(0xFF, size), 0, r.enc());
    }

    /// `dec r` (FE/FF /1).
    #[inline]
    pub fn dec(&mut self, size: Size, r: Gpr) {
        self.op_digit_r(Op::sized(0xFF, size), 1, r.enc());
    }

    /// `op r, imm` (C0/C1 /op ib, or D0/D1 /op for a count of 1). The CPU masks the count
    /// to 5 bits (6 for 64-bit operands).
    #[inline]
    pub fn shift_ri(&mut self, op: Shift, size: Size, r: Gpr, imm: u8) {
        if imm == 1 {
            self.op_digit_r(Op::sized(0xD1, size), op as u8, r.enc());
        } else {
            self.op_digit_r(Op::sized(0xC1, size), op as u8, r.enc());
            self.byte(imm);
        }
    }

    /// `op r, cl` (D2/D3 /op).
    #[inline]
    pub fn shift_cl(&mut self, op: Shift, size: Size, r: Gpr) {
        self.op_digit_r(Op::sized(0xD3, size), op as u8, r.enc());
    }

    // ----- Bits -----

    /// `lzcnt dst, src` (F3 0F BD /r; needs LZCNT, else it runs as `bsr`).
    #[inline]
    pub fn lzcnt_rr(&mut self, size: Size, dst: Gpr, src: Gpr) {
        self.op_rr(Op { rep: 0xF3, ..Op::new(Map::M0F, 0xBD).wide(size) }, dst.enc(), src.enc());
    }

    /// `tzcnt dst, src` (F3 0F BC /r; needs BMI1, else it runs as `bsf`).
    #[inline]
    pub fn tzcnt_rr(&mut self, size: Size, dst: Gpr, src: Gpr) {
        self.op_rr(Op { rep: 0xF3, ..Op::new(Map::M0F, 0xBC).wide(size) }, dst.enc(), src.enc());
    }

    /// `popcnt dst, src` (F3 0F B8 /r; needs POPCNT).
    #[inline]
    pub fn popcnt_rr(&mut self, size: Size, dst: Gpr, src: Gpr) {
        self.op_rr(Op { rep: 0xF3, ..Op::new(Map::M0F, 0xB8).wide(size) }, dst.enc(), src.enc());
    }

    /// `bsr dst, src` (0F BD /r): ZF and an undefined `dst` when `src` is zero.
    #[inline]
    pub fn bsr_rr(&mut self, size: Size, dst: Gpr, src: Gpr) {
        self.op_rr(Op::new(Map::M0F, 0xBD).wide(size), dst.enc(), src.enc());
    }

    /// `bsf dst, src` (0F BC /r): ZF and an undefined `dst` when `src` is zero.
    #[inline]
    pub fn bsf_rr(&mut self, size: Size, dst: Gpr, src: Gpr) {
        self.op_rr(Op::new(Map::M0F, 0xBC).wide(size), dst.enc(), src.enc());
    }

    /// `bswap r` (0F C8+rd), 32 or 64 bits.
    #[inline]
    pub fn bswap(&mut self, size: Size, r: Gpr) {
        debug_assert!(size >= Size::S32);
        self.op_o(Op::new(Map::M0F, 0xC8).wide(size), r.enc());
    }

    /// `setcc r8` (0F 90+cc /0).
    #[inline]
    pub fn setcc(&mut self, cond: Cond, dst: Gpr) {
        self.op_digit_r(Op { byte_rm: true, ..Op::new(Map::M0F, 0x90 | cond as u8) }, 0, dst.enc());
    }

    /// `cmovcc dst, src` (0F 40+cc /r), 16, 32 or 64 bits. The 32-bit form clears the
    /// upper half of `dst` even when the condition is false.
    #[inline]
    pub fn cmovcc_rr(&mut self, cond: Cond, size: Size, dst: Gpr, src: Gpr) {
        self.op_rr(Op::new(Map::M0F, 0x40 | cond as u8).wide(size), dst.enc(), src.enc());
    }

    /// `cmovcc dst, [addr]` (0F 40+cc /r); the load happens, and may fault, either way.
    #[inline]
    pub fn cmovcc_rm(&mut self, cond: Cond, size: Size, dst: Gpr, addr: impl Into<Addr>) {
        self.op_rm(Op::new(Map::M0F, 0x40 | cond as u8).wide(size), dst.enc(), addr.into(), 0);
    }

    /// `cdq`: edx = the sign of eax (99).
    #[inline]
    pub fn cdq(&mut self) {
        self.byte(0x99);
    }

    /// `cqo`: rdx = the sign of rax (REX.W 99).
    #[inline]
    pub fn cqo(&mut self) {
        self.buf.extend_from_slice(&[0x48, 0x99]);
    }

    // ----- Stack and control flow -----

    /// `push r` (50+rd, 64 bits).
    #[inline]
    pub fn push(&mut self, r: Gpr) {
        self.op_o(Op::new(Map::One, 0x50), r.enc());
    }

    /// `pop r` (58+rd, 64 bits).
    #[inline]
    pub fn pop(&mut self, r: Gpr) {
        self.op_o(Op::new(Map::One, 0x58), r.enc());
    }

    /// `push imm` (6A ib or 68 id), sign-extended to 64 bits.
    #[inline]
    pub fn push_i(&mut self, imm: i32) {
        if fits_i8(imm) {
            self.buf.extend_from_slice(&[0x6A, imm as u8]);
        } else {
            self.byte(0x68);
            self.u32(imm as u32);
        }
    }

    /// `push qword ptr [addr]` (FF /6).
    #[inline]
    pub fn push_m(&mut self, addr: impl Into<Addr>) {
        self.op_digit_m(Op::new(Map::One, 0xFF), 6, addr.into(), 0);
    }

    /// `jmp r` (FF /4).
    #[inline]
    pub fn jmp_r(&mut self, r: Gpr) {
        self.op_digit_r(Op::new(Map::One, 0xFF), 4, r.enc());
    }

    /// `jmp qword ptr [addr]` (FF /4).
    #[inline]
    pub fn jmp_m(&mut self, addr: impl Into<Addr>) {
        self.op_digit_m(Op::new(Map::One, 0xFF), 4, addr.into(), 0);
    }

    /// `call r` (FF /2).
    #[inline]
    pub fn call_r(&mut self, r: Gpr) {
        self.op_digit_r(Op::new(Map::One, 0xFF), 2, r.enc());
    }

    /// `call qword ptr [addr]` (FF /2).
    #[inline]
    pub fn call_m(&mut self, addr: impl Into<Addr>) {
        self.op_digit_m(Op::new(Map::One, 0xFF), 2, addr.into(), 0);
    }

    /// `ret` (C3).
    #[inline]
    pub fn ret(&mut self) {
        self.byte(0xC3);
    }

    /// `ud2` (0F 0B): raises #UD.
    #[inline]
    pub fn ud2(&mut self) {
        self.buf.extend_from_slice(&[0x0F, 0x0B]);
    }

    /// `int3` (CC): raises #BP.
    #[inline]
    pub fn int3(&mut self) {
        self.byte(0xCC);
    }

    /// `nop` (90).
    #[inline]
    pub fn nop(&mut self) {
        self.byte(0x90);
    }

    /// `n` bytes of no-ops, in the multi-byte forms Intel recommends (Intel SDM Vol. 2B, NOP,
    /// Table 4-12), up to 9 bytes each.
    pub fn nops(&mut self, mut n: u32) {
        const NOPS: [&[u8]; 9] = [
            &[0x90],
            &[0x66, 0x90],
            &[0x0F, 0x1F, 0x00],
            &[0x0F, 0x1F, 0x40, 0x00],
            &[0x0F, 0x1F, 0x44, 0x00, 0x00],
            &[0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00],
            &[0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00],
            &[0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
            &[0x66, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
        ];
        while n > 0 {
            let k = n.min(9);
            self.buf.extend_from_slice(NOPS[k as usize - 1]);
            n -= k;
        }
    }

    /// Pads with no-ops to a multiple of `align` (a power of two): a loop header, a function.
    pub fn align(&mut self, align: u32) {
        self.nops(self.offset().wrapping_neg() & (align - 1));
    }

    // ----- Strings -----

    /// `movs`: copies one element from `[rsi]` to `[rdi]` and steps both (A4/A5).
    #[inline]
    pub fn movs(&mut self, size: Size) {
        self.op(Op::sized(0xA5, size));
    }

    /// `stos`: stores al/ax/eax/rax at `[rdi]` and steps it (AA/AB).
    #[inline]
    pub fn stos(&mut self, size: Size) {
        self.op(Op::sized(0xAB, size));
    }

    /// `rep movs`: `movs` rcx times (F3 A4/A5).
    #[inline]
    pub fn rep_movs(&mut self, size: Size) {
        self.op(Op { rep: 0xF3, ..Op::sized(0xA5, size) });
    }

    /// `rep stos`: `stos` rcx times (F3 AA/AB).
    #[inline]
    pub fn rep_stos(&mut self, size: Size) {
        self.op(Op { rep: 0xF3, ..Op::sized(0xAB, size) });
    }

    /// `cld`: string instructions step forward (FC).
    #[inline]
    pub fn cld(&mut self) {
        self.byte(0xFC);
    }

    /// `std`: string instructions step backward (FD), for an overlapping copy downwards.
    #[inline]
    pub fn std(&mut self) {
        self.byte(0xFD);
    }
}
