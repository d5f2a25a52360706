//! The assembler's core: the code buffer, labels and their fixups, the constant pool, and the
//! one routine that lays out prefixes, REX, opcode, ModRM, SIB and displacement for every
//! instruction with a ModRM byte.

use std::collections::HashMap;

use super::operands::{Addr, Cond, Gpr, Label, Mem, Size};

/// Writes x86-64 machine code into a `Vec<u8>`.
///
/// Method names are Intel's mnemonics; a suffix says the operand kinds, destination first:
/// `r` a general-purpose register, `x` an XMM register, `m` memory (an [`Addr`]: a [`Mem`] or
/// a [`Label`], RIP-relative), `i` an immediate. `mov_rm(Size::S64, Gpr::Rax, mem)` is
/// `mov rax, qword ptr [mem]`.
///
/// Labels: [`new_label`](Self::new_label), [`bind`](Self::bind). A jump to a bound label (a
/// backward jump) takes rel8 when it reaches, rel32 otherwise; a jump to an unbound label
/// takes rel32 and is patched when the label is bound. [`finish`](Self::finish) places the
/// constant pool and panics if a referenced label was never bound: that is a bug in the code
/// generator, not bad input. The code must stay under 2 GiB, the reach of rel32.
pub struct Assembler {
    pub(super) buf: Vec<u8>,
    labels: Vec<LabelState>,
    fixups: Vec<Fixup>,
    pool: Pool,
}

/// Where a label is bound, and the head of the list of its fixups waiting for that.
#[derive(Copy, Clone)]
struct LabelState {
    pos: u32,
    head: u32,
}

/// No position, no fixup: the end of a list.
const NONE: u32 = u32::MAX;

/// A 32-bit field at `at` that will hold `target - base` once the target label is bound.
/// `base` is the end of the instruction for rel32 branches and RIP-relative operands, the
/// start of the table for jump-table entries. `next` links the label's other fixups.
#[derive(Copy, Clone)]
struct Fixup {
    at: u32,
    base: u32,
    next: u32,
}

/// Constants waiting to be placed after the code, and the label of every constant seen, so
/// that a mask used a thousand times is stored once.
#[derive(Default)]
struct Pool {
    pending: Vec<(u128, u8, Label)>,
    seen: HashMap<(u128, u8), Label>,
}

impl Default for Assembler {
    fn default() -> Self {
        Assembler::new()
    }
}

impl Assembler {
    pub fn new() -> Assembler {
        Assembler::with_capacity(4096)
    }

    /// An assembler whose buffer holds `bytes` before it grows.
    pub fn with_capacity(bytes: usize) -> Assembler {
        Assembler {
            buf: Vec::with_capacity(bytes),
            // The real-world binaries have a label every 37-50 bytes of code and a reference
            // every 30-35; `bytes` is a generous bound on the code, so this is more, in
            // pages not touched until used. Grown from nothing, both were copied a dozen times.
            labels: Vec::with_capacity(bytes / 256),
            fixups: Vec::with_capacity(bytes / 256),
            pool: Pool::default(),
        }
    }

    /// The offset of the next byte emitted.
    #[inline]
    pub fn offset(&self) -> u32 {
        self.buf.len() as u32
    }

    /// The code so far; fixups to unbound labels read as zero.
    pub fn code(&self) -> &[u8] {
        &self.buf
    }

    /// Places the constant pool, checks that every referenced label is bound, and returns
    /// the code.
    pub fn finish(mut self) -> Vec<u8> {
        self.place_pool();
        if let Some(i) = self.labels.iter().position(|l| l.head != NONE) {
            panic!("label {i} is referenced but never bound");
        }
        self.buf
    }

    // ----- Labels -----

    /// A new, unbound label.
    #[inline]
    pub fn new_label(&mut self) -> Label {
        self.labels.push(LabelState { pos: NONE, head: NONE });
        Label(self.labels.len() as u32 - 1)
    }

    /// Binds `label` to the current offset and patches the references made so far.
    pub fn bind(&mut self, label: Label) {
        let pos = self.offset();
        let state = &mut self.labels[label.0 as usize];
        assert!(state.pos == NONE, "label bound twice");
        let mut f = state.head;
        *state = LabelState { pos, head: NONE };
        while f != NONE {
            let Fixup { at, base, next } = self.fixups[f as usize];
            self.patch_u32(at, pos.wrapping_sub(base));
            f = next;
        }
    }

    /// Hands over the references to `label`, which is not bound here: each as the offset of
    /// its 32-bit field and the base it is relative to, to be patched by whoever places the
    /// target (a call into code assembled elsewhere). The label then has no references.
    pub fn take_refs(&mut self, label: Label) -> impl Iterator<Item = (u32, u32)> + '_ {
        let state = &mut self.labels[label.0 as usize];
        assert!(state.pos == NONE, "label is bound");
        let mut f = std::mem::replace(&mut state.head, NONE);
        let fixups = &self.fixups;
        std::iter::from_fn(move || {
            if f == NONE {
                return None;
            }
            let Fixup { at, base, next } = fixups[f as usize];
            f = next;
            Some((at, base))
        })
    }

    /// The offset a label is bound to, if it is.
    #[inline]
    pub fn label_offset(&self, label: Label) -> Option<u32> {
        let pos = self.labels[label.0 as usize].pos;
        (pos != NONE).then_some(pos)
    }

    /// Emits a 32-bit field that will hold `target - base`: the displacement of a rel32
    /// branch or a RIP-relative operand when `base` is the end of the instruction.
    #[inline]
    fn label_field(&mut self, target: Label, base: u32) {
        let at = self.offset();
        let state = &mut self.labels[target.0 as usize];
        let value = if state.pos != NONE {
            state.pos.wrapping_sub(base)
        } else {
            self.fixups.push(Fixup { at, base, next: state.head });
            state.head = self.fixups.len() as u32 - 1;
            0
        };
        self.u32(value);
    }

    /// A jump-table entry: the 32-bit signed distance from `table` (which must be bound) to
    /// `target`. The dispatch adds it to the table's address:
    /// `lea r, [rip+table]; movsxd i, dword ptr [r+i*4]; add i, r; jmp i`.
    pub fn jump_table_entry(&mut self, target: Label, table: Label) {
        let base = self.label_offset(table).expect("a jump table's label is bound before its entries");
        self.label_field(target, base);
    }

    // ----- Raw bytes -----

    #[inline]
    pub(super) fn byte(&mut self, b: u8) {
        self.buf.push(b);
    }

    #[inline]
    pub(super) fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    #[inline]
    pub(super) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Emits bytes as they are: data, or code from elsewhere.
    pub fn bytes(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Overwrites the 32 bits at `at`: a frame size or other immediate known only later.
    pub fn patch_u32(&mut self, at: u32, v: u32) {
        self.buf[at as usize..at as usize + 4].copy_from_slice(&v.to_le_bytes());
    }

    /// An immediate of an operand size: 8, 16 or 32 bits (64-bit operations take a
    /// sign-extended imm32). Wider values are truncated.
    #[inline]
    pub(super) fn imm(&mut self, size: Size, v: i32) {
        match size {
            Size::S8 => self.byte(v as u8),
            Size::S16 => self.u16(v as u16),
            Size::S32 | Size::S64 => self.u32(v as u32),
        }
    }

    // ----- The constant pool -----

    /// The label of a 4-byte constant in the pool (an `f32`, a mask).
    pub fn const_u32(&mut self, v: u32) -> Label {
        self.constant(v as u128, 4)
    }

    /// The label of an 8-byte constant in the pool (an `f64`, a mask).
    pub fn const_u64(&mut self, v: u64) -> Label {
        self.constant(v as u128, 8)
    }

    /// The label of a 16-byte constant in the pool (a `v128`, a mask), 16-byte aligned so
    /// that SSE operations can take it as a memory operand.
    pub fn const_u128(&mut self, v: u128) -> Label {
        self.constant(v, 16)
    }

    fn constant(&mut self, v: u128, size: u8) -> Label {
        if let Some(&l) = self.pool.seen.get(&(v, size)) {
            return l;
        }
        let l = self.new_label();
        self.pool.seen.insert((v, size), l);
        self.pool.pending.push((v, size, l));
        l
    }

    /// Places the constants asked for since the last call here, each aligned to its size,
    /// and binds their labels. [`finish`](Self::finish) calls it; call it earlier (after a
    /// function's last instruction) to keep constants near their code.
    pub fn place_pool(&mut self) {
        if self.pool.pending.is_empty() {
            return;
        }
        self.align_with(16, 0xCC);
        // The largest first: every one stays aligned to its size without padding.
        for size in [16, 8, 4] {
            for i in 0..self.pool.pending.len() {
                let (v, s, l) = self.pool.pending[i];
                if s == size {
                    self.bind(l);
                    self.buf.extend_from_slice(&v.to_le_bytes()[..s as usize]);
                }
            }
        }
        self.pool.pending.clear();
    }

    /// Pads with `fill` to a multiple of `align` (a power of two).
    pub fn align_with(&mut self, align: u32, fill: u8) {
        let pad = self.offset().wrapping_neg() & (align - 1);
        self.buf.resize(self.buf.len() + pad as usize, fill);
    }

    // ----- Instruction layout -----

    /// The legacy prefixes and REX of `op`, then its opcode (Intel SDM Vol. 2A, 2.1: prefixes,
    /// REX, opcode, ModRM, SIB, displacement, immediate). `rxb` holds REX.R, REX.X, REX.B.
    #[inline(always)]
    fn prefixes_rex_opcode(op: Op, rxb: u8, force_rex: bool) -> Head {
        let mut head = Head::default();
        if op.p66 {
            head = head.byte(0x66);
        }
        if op.rep != 0 {
            head = head.byte(op.rep);
        }
        let rex = (op.w as u8) << 3 | rxb;
        if rex != 0 || force_rex {
            head = head.byte(0x40 | rex);
        }
        head = match op.map {
            Map::One => head,
            Map::M0F => head.byte(0x0F),
            Map::M0F38 => head.byte(0x0F).byte(0x38),
            Map::M0F3A => head.byte(0x0F).byte(0x3A),
        };
        head.byte(op.code)
    }

    /// `op` with a register-direct ModRM: `reg` in ModRM.reg (a register or an opcode
    /// extension /digit), `rm` in ModRM.r/m, both 4-bit encodings.
    #[inline(always)]
    pub(super) fn op_rr(&mut self, op: Op, reg: u8, rm: u8) {
        // With any REX, byte registers 4..7 are spl, bpl, sil, dil; without, ah, ch, dh, bh
        // (Intel SDM Vol. 2A, 3.7.2.1 and Table 3-1).
        let force = (op.byte_reg && reg & 0xC == 4) || (op.byte_rm && rm & 0xC == 4);
        let head = Self::prefixes_rex_opcode(op, (reg >> 3) << 2 | rm >> 3, force);
        self.emit(head.byte(0xC0 | (reg & 7) << 3 | (rm & 7)));
    }

    /// The VEX prefix of `op` (Intel SDM Vol. 2A, 2.3.5 and Figure 2-9), then its opcode:
    /// `rxb` the extensions of ModRM.reg, SIB.index and ModRM.r/m or SIB.base as REX has
    /// them, `vvvv` the extra source register. The two-byte form C5 where it can say it all
    /// (map 0F, no W, no X or B), else the three-byte C4. 128-bit (VEX.L = 0).
    #[inline(always)]
    fn vex_prefix_opcode(op: Op, rxb: u8, vvvv: u8) -> Head {
        let pp = if op.p66 {
            1
        } else {
            match op.rep {
                0xF3 => 2,
                0xF2 => 3,
                _ => 0,
            }
        };
        let map = match op.map {
            Map::M0F => 1,
            Map::M0F38 => 2,
            Map::M0F3A => 3,
            Map::One => panic!("VEX encodes the 0F, 0F38 and 0F3A maps"),
        };
        // R, X, B and vvvv are stored inverted.
        let (r, xb) = (rxb >> 2 & 1, rxb & 3);
        let v = (!vvvv & 15) << 3 | pp;
        let head = Head::default();
        let head = if map == 1 && xb == 0 && !op.w {
            head.byte(0xC5).byte((r ^ 1) << 7 | v)
        } else {
            head.byte(0xC4).byte((!rxb & 7) << 5 | map).byte((op.w as u8) << 7 | v)
        };
        head.byte(op.code)
    }

    /// A VEX-encoded `op` with registers: `reg` in ModRM.reg, `vvvv` in VEX.vvvv, `rm` in
    /// ModRM.r/m (4-bit encodings).
    #[inline]
    pub(super) fn vex_rr(&mut self, op: Op, reg: u8, vvvv: u8, rm: u8) {
        let head = Self::vex_prefix_opcode(op, (reg >> 3) << 2 | rm >> 3, vvvv);
        self.emit(head.byte(0xC0 | (reg & 7) << 3 | (rm & 7)));
    }

    /// A VEX-encoded `op` with memory in ModRM.r/m, followed by `imm_len` bytes of
    /// immediate that the caller emits.
    #[inline]
    pub(super) fn vex_rm(&mut self, op: Op, reg: u8, vvvv: u8, addr: Addr, imm_len: u8) {
        match addr {
            Addr::Mem(m) => {
                let index = m.index.map_or(0, |(i, _)| i.enc());
                let rxb = (reg >> 3) << 2 | (index >> 3) << 1 | m.base.enc() >> 3;
                self.modrm_mem(Self::vex_prefix_opcode(op, rxb, vvvv), reg, m);
            }
            Addr::Rip(label) => {
                let head = Self::vex_prefix_opcode(op, (reg >> 3) << 2, vvvv);
                self.modrm_rip(head, reg, label, imm_len);
            }
        }
    }

    /// `op` with an opcode extension (/digit) in ModRM.reg and a register in ModRM.r/m.
    #[inline]
    pub(super) fn op_digit_r(&mut self, op: Op, digit: u8, rm: u8) {
        self.op_rr(Op { byte_reg: false, ..op }, digit, rm);
    }

    /// `op` with an opcode extension (/digit) in ModRM.reg and memory in ModRM.r/m.
    #[inline]
    pub(super) fn op_digit_m(&mut self, op: Op, digit: u8, addr: Addr, imm_len: u8) {
        self.op_rm(Op { byte_reg: false, ..op }, digit, addr, imm_len);
    }

    /// `op` with a ModRM naming memory, followed by `imm_len` bytes of immediate that the
    /// caller emits: RIP-relative displacements count from the end of the instruction.
    /// Inlined into every form (as `op_rr` is), where `op` is a constant that folds most of
    /// the layout away: 6% fewer instructions to compile a module than as one function.
    #[inline(always)]
    pub(super) fn op_rm(&mut self, op: Op, reg: u8, addr: Addr, imm_len: u8) {
        let force = op.byte_reg && reg & 0xC == 4;
        match addr {
            Addr::Mem(m) => {
                let index = match m.index {
                    Some((i, _)) => i.enc(),
                    None => 0,
                };
                let rxb = (reg >> 3) << 2 | (index >> 3) << 1 | m.base.enc() >> 3;
                self.modrm_mem(Self::prefixes_rex_opcode(op, rxb, force), reg, m);
            }
            Addr::Rip(label) => {
                let head = Self::prefixes_rex_opcode(op, (reg >> 3) << 2, force);
                self.modrm_rip(head, reg, label, imm_len);
            }
        }
    }

    /// `head`, then ModRM, SIB and displacement for `[base + index * scale + disp]` (Intel
    /// SDM Vol. 2A, Tables 2-2 and 2-3; the REX bits do not change the special cases, Table
    /// 2-5).
    #[inline(always)]
    fn modrm_mem(&mut self, head: Head, reg: u8, m: Mem) {
        let base = m.base.enc() & 7;
        let disp = m.disp;
        // mod 00 with base 101 means RIP-relative in ModRM and "no base" in SIB, so rbp and
        // r13 take mod 01 with a zero disp8.
        let md: u8 = if disp == 0 && base != 0b101 {
            0
        } else if disp as i8 as i32 == disp {
            1
        } else {
            2
        };
        let reg = (reg & 7) << 3;
        let head = match m.index {
            Some((index, scale)) => {
                // SIB index 100 without REX.X is "no index": rsp cannot be one.
                assert!(index != Gpr::Rsp, "rsp cannot be an index register");
                head.byte(md << 6 | reg | 0b100).byte((scale as u8) << 6 | (index.enc() & 7) << 3 | base)
            }
            // r/m 100 means "a SIB byte follows", so rsp and r12 as bases need one, with
            // index 100 (none).
            None if base == 0b100 => head.byte(md << 6 | reg | 0b100).byte(0b00_100_100),
            None => head.byte(md << 6 | reg | base),
        };
        match md {
            1 => self.emit(head.byte(disp as u8)),
            2 => {
                self.emit(head);
                self.u32(disp as u32);
            }
            _ => self.emit(head),
        }
    }

    /// `head`, then ModRM for `[rip + disp32]` (mod 00, r/m 101 in 64-bit mode: Intel SDM
    /// Vol. 2A, 2.2.1.6) and the displacement to `label` from the end of the instruction,
    /// `imm_len` bytes of immediate after it.
    #[inline(always)]
    fn modrm_rip(&mut self, head: Head, reg: u8, label: Label, imm_len: u8) {
        self.emit(head.byte((reg & 7) << 3 | 0b101));
        let end = self.offset() + 4 + imm_len as u32;
        self.label_field(label, end);
    }

    /// Writes an instruction's head with one store of eight bytes, of which it keeps
    /// `head.len`.
    #[inline(always)]
    fn emit(&mut self, head: Head) {
        let len = self.buf.len();
        self.buf.extend_from_slice(&head.bytes.to_le_bytes());
        self.buf.truncate(len + head.len as usize);
    }

    /// `op` with the register in the opcode's low three bits and REX.B (`push`, `bswap`,
    /// `mov r, imm`).
    #[inline]
    pub(super) fn op_o(&mut self, op: Op, r: u8) {
        let force = op.byte_rm && r & 0xC == 4;
        self.emit(Self::prefixes_rex_opcode(Op { code: op.code | (r & 7), ..op }, r >> 3, force));
    }

    /// `op` alone: prefixes, REX.W and opcode.
    #[inline]
    pub(super) fn op(&mut self, op: Op) {
        self.emit(Self::prefixes_rex_opcode(op, 0, false));
    }

    // ----- Control flow -----

    /// `jmp label`: `EB rel8` to a bound label within reach, else `E9 rel32`.
    #[inline]
    pub fn jmp(&mut self, target: Label) {
        let pos = self.offset();
        if let Some(rel) = self.rel8(target, pos + 2) {
            self.buf.extend_from_slice(&[0xEB, rel as u8]);
        } else {
            self.byte(0xE9);
            self.label_field(target, pos + 5);
        }
    }

    /// `jcc label`: `70+cc rel8` to a bound label within reach, else `0F 80+cc rel32`.
    #[inline]
    pub fn jcc(&mut self, cond: Cond, target: Label) {
        let pos = self.offset();
        if let Some(rel) = self.rel8(target, pos + 2) {
            self.buf.extend_from_slice(&[0x70 | cond as u8, rel as u8]);
        } else {
            self.buf.extend_from_slice(&[0x0F, 0x80 | cond as u8]);
            self.label_field(target, pos + 6);
        }
    }

    /// The rel8 from `end` to `target`, if it is bound and within reach.
    #[inline]
    fn rel8(&self, target: Label, end: u32) -> Option<i8> {
        let pos = self.labels[target.0 as usize].pos;
        let rel = pos.wrapping_sub(end) as i32;
        (pos != NONE && rel as i8 as i32 == rel).then_some(rel as i8)
    }

    /// `call label`: `E8 rel32`.
    #[inline]
    pub fn call(&mut self, target: Label) {
        let pos = self.offset();
        self.byte(0xE8);
        self.label_field(target, pos + 5);
    }
}

/// An instruction's bytes before its 32-bit displacement or immediate, gathered in a
/// register and written at once ([`Assembler::emit`]): a push per byte reloads the buffer's
/// length and capacity after each store. Eight bytes at most in every form here: prefixes,
/// REX, escapes, opcode, ModRM, SIB and a disp8, where the opcodes with two escape bytes (SSE's
/// 0F 38 and 0F 3A) have one prefix at most, 66 with F3 comes with registers alone (16-bit
/// `popcnt`, `lzcnt`, `tzcnt`) or no operand (`rep movs`, `rep stos`), and VEX (two or three
/// bytes) stands for the prefixes, REX and escapes.
#[derive(Copy, Clone, Default)]
struct Head {
    bytes: u64,
    len: u32,
}

impl Head {
    #[inline(always)]
    fn byte(self, b: u8) -> Head {
        debug_assert!(self.len < 8, "an instruction's head holds eight bytes");
        Head { bytes: self.bytes | (b as u64) << (self.len * 8), len: self.len + 1 }
    }
}

/// Which opcode map an opcode lies in: its escape bytes (Intel SDM Vol. 2A, 2.1.2).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Map {
    One,
    M0F,
    M0F38,
    M0F3A,
}

/// How to emit an opcode: its prefixes, REX.W, escape and byte. Built once per instruction
/// form, in constants where the form is fixed.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) struct Op {
    /// The 66 prefix: 16-bit operand size, or a mandatory prefix of an SSE opcode.
    pub p66: bool,
    /// An F2 or F3 prefix (mandatory for SSE and `lzcnt`/`tzcnt`/`popcnt`, or `rep`), else 0.
    pub rep: u8,
    /// REX.W: 64-bit operand size.
    pub w: bool,
    /// ModRM.reg, ModRM.r/m or the opcode's register is a byte register: 4..7 need a REX.
    pub byte_reg: bool,
    pub byte_rm: bool,
    pub map: Map,
    pub code: u8,
}

impl Op {
    /// An opcode with no prefix and no REX.W.
    #[inline]
    pub const fn new(map: Map, code: u8) -> Op {
        Op { p66: false, rep: 0, w: false, byte_reg: false, byte_rm: false, map, code }
    }

    /// An opcode from the one-byte map whose bit 0 is Intel's `w` bit (0: byte operands,
    /// Vol. 2D, B.1.4.3), at an operand size.
    #[inline]
    pub const fn sized(code: u8, size: Size) -> Op {
        Op::new(Map::One, code).size(size)
    }

    /// Sets the operand size: `w` = 0 and byte registers for 8 bits, 66 for 16, REX.W for 64.
    #[inline]
    pub const fn size(self, size: Size) -> Op {
        match size {
            Size::S8 => Op { byte_reg: true, byte_rm: true, code: self.code & !1, ..self },
            Size::S16 => Op { p66: true, code: self.code | 1, ..self },
            Size::S32 => Op { code: self.code | 1, ..self },
            Size::S64 => Op { w: true, code: self.code | 1, ..self },
        }
    }

    /// Sets the operand size of an opcode with no `w` bit: 66 for 16 bits, REX.W for 64.
    #[inline]
    pub const fn wide(self, size: Size) -> Op {
        Op { p66: self.p66 || matches!(size, Size::S16), w: matches!(size, Size::S64), ..self }
    }
}
