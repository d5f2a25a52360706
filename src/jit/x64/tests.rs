//! Every encoding checked against iced-x86's decoder: what is emitted must decode, as exactly
//! one instruction of the emitted length, to the expected Intel-syntax text; the forms whose
//! length depends on the operands (REX, SIB, displacement, immediate) also have their length
//! checked against the shortest that Intel's tables allow.

use super::*;
use Gpr::*;
use Size::*;
use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter, MemorySizeOptions, OpKind};

const SIZES: [Size; 4] = [S8, S16, S32, S64];

/// Emits instructions one at a time and checks them.
struct Check {
    asm: Assembler,
    sized: IntelFormatter,
    sizeless: IntelFormatter,
}

fn formatter(memory_sizes: MemorySizeOptions) -> IntelFormatter {
    let mut f = IntelFormatter::new();
    let o = f.options_mut();
    o.set_hex_prefix("0x");
    o.set_hex_suffix("");
    o.set_uppercase_hex(false);
    o.set_small_hex_numbers_in_decimal(false);
    o.set_signed_immediate_operands(true);
    o.set_use_pseudo_ops(false);
    o.set_show_branch_size(false);
    o.set_branch_leading_zeros(false);
    o.set_space_after_operand_separator(true);
    // `[0x40]`, the address, rather than `[rip+0x12]`.
    o.set_rip_relative_addresses(false);
    o.set_memory_size_options(memory_sizes);
    f
}

fn format(f: &mut IntelFormatter, i: &Instruction) -> String {
    let mut s = String::new();
    f.format(i, &mut s);
    s
}

/// Decodes all of `code`, at offset 0.
fn decode(code: &[u8]) -> Vec<Instruction> {
    let mut d = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
    let v: Vec<Instruction> = d.iter().collect();
    assert!(v.iter().all(|i| !i.is_invalid()), "{code:02x?} does not decode");
    v
}

/// Decodes all of `code` to text, memory operands with their sizes.
fn disassemble(code: &[u8]) -> Vec<String> {
    let mut f = formatter(MemorySizeOptions::Always);
    decode(code).iter().map(|i| format(&mut f, i)).collect()
}

impl Check {
    fn new() -> Check {
        Check {
            asm: Assembler::with_capacity(64),
            sized: formatter(MemorySizeOptions::Always),
            sizeless: formatter(MemorySizeOptions::Never),
        }
    }

    /// Emits one instruction; checks that it decodes to `expected` (memory operands with
    /// their size, `dword ptr [rax]`) and returns its bytes.
    #[track_caller]
    fn check(&mut self, expected: &str, emit: impl FnOnce(&mut Assembler)) -> Vec<u8> {
        self.run(true, expected, emit)
    }

    /// As [`check`](Self::check), memory operands without their size: SSE.
    #[track_caller]
    fn check_unsized(&mut self, expected: &str, emit: impl FnOnce(&mut Assembler)) -> Vec<u8> {
        self.run(false, expected, emit)
    }

    /// As [`check`](Self::check), and the encoding is `len` bytes long.
    #[track_caller]
    fn check_len(&mut self, expected: &str, len: usize, emit: impl FnOnce(&mut Assembler)) {
        let code = self.check(expected, emit);
        assert_eq!(code.len(), len, "{expected}: {code:02x?} is not {len} bytes");
    }

    #[track_caller]
    fn run(&mut self, sized: bool, expected: &str, emit: impl FnOnce(&mut Assembler)) -> Vec<u8> {
        self.asm.buf.clear();
        emit(&mut self.asm);
        let code = &self.asm.buf;
        let mut d = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
        let i = d.decode();
        assert!(!i.is_invalid() && i.len() == code.len(), "{expected}: {code:02x?} is not one instruction");
        let text = format(if sized { &mut self.sized } else { &mut self.sizeless }, &i);
        assert_eq!(text, expected, "{code:02x?}");
        code.clone()
    }
}

/// A number as the formatter writes it.
fn hex(v: i64) -> String {
    if v < 0 { format!("-{:#x}", (v as i128).unsigned_abs()) } else { format!("{v:#x}") }
}

fn xmm(x: Xmm) -> String {
    format!("xmm{}", x.enc())
}

fn ptr(size: Size) -> &'static str {
    ["byte ptr ", "word ptr ", "dword ptr ", "qword ptr "][size as usize]
}

/// `[base+index*scale+disp]`.
fn mem(m: Mem) -> String {
    let mut s = format!("[{}", m.base.name(S64));
    if let Some((index, scale)) = m.index {
        s += "+";
        s += index.name(S64);
        if scale != Scale::X1 {
            s += &format!("*{}", scale.factor());
        }
    }
    if m.disp > 0 {
        s += "+";
    }
    if m.disp != 0 {
        s += &hex(m.disp as i64);
    }
    s + "]"
}

/// `dword ptr [...]`.
fn mem_sized(size: Size, m: Mem) -> String {
    format!("{}{}", ptr(size), mem(m))
}

/// The bytes of ModRM, SIB and displacement that Intel SDM Vol. 2A, Tables 2-2 and 2-3 give
/// for `m`, in the shortest form.
fn modrm_len(m: Mem) -> usize {
    let sib = m.index.is_some() || m.base.enc() & 7 == 4;
    let disp = if m.disp == 0 && m.base.enc() & 7 != 5 {
        0
    } else if m.disp as i8 as i32 == m.disp {
        1
    } else {
        4
    };
    1 + sib as usize + disp
}

/// Whether `m` needs REX.X or REX.B.
fn mem_rex(m: Mem) -> bool {
    m.base.enc() >= 8 || m.index.is_some_and(|(i, _)| i.enc() >= 8)
}

const DISPS: [i32; 9] = [0, 1, -1, 127, -128, 128, -129, 0x1234_5678, i32::MIN];
const SCALES: [Scale; 4] = [Scale::X1, Scale::X2, Scale::X4, Scale::X8];

/// Every base × every index but rsp (and none) × every scale × displacements of each size.
fn all_mems() -> Vec<Mem> {
    let mut v = Vec::new();
    for base in Gpr::ALL {
        for disp in DISPS {
            v.push(Mem::disp(base, disp));
            for index in Gpr::ALL.into_iter().filter(|&i| i != Rsp) {
                for scale in SCALES {
                    v.push(Mem::index(base, index, scale, disp));
                }
            }
        }
    }
    v
}

/// A few memory operands with each special case: rsp and r12 bases (SIB), rbp and r13
/// (disp8 of 0), r12 as an index, disp8 and disp32.
fn some_mems() -> Vec<Mem> {
    vec![
        Mem::base(Rax),
        Mem::base(Rsp),
        Mem::base(Rbp),
        Mem::base(R12),
        Mem::base(R13),
        Mem::disp(R15, -8),
        Mem::disp(Rbx, 0x1000),
        Mem::index(Rbp, R12, Scale::X8, 0),
        Mem::index(R13, Rax, Scale::X2, -0x200),
        Mem::index(Rsp, R9, Scale::X4, 16),
    ]
}

// ----- Memory operands -----

#[test]
fn memory_operands_every_base_index_scale_and_displacement() {
    let mut c = Check::new();
    for (i, m) in all_mems().into_iter().enumerate() {
        let reg = Gpr::ALL[i * 7 % 16];
        let size = SIZES[i % 4];
        // mov r, [m]: [66] [REX] 8A/8B ModRM [SIB] [disp]. A byte register spl..dil needs a REX.
        let rex = size == S64 || reg.enc() >= 8 || mem_rex(m) || (size == S8 && reg.enc() & 0xC == 4);
        let len = (size == S16) as usize + rex as usize + 1 + modrm_len(m);
        c.check_len(&format!("mov {}, {}", reg.name(size), mem_sized(size, m)), len, |a| {
            a.mov_rm(size, reg, m)
        });
        c.check_len(&format!("mov {}, {}", mem_sized(size, m), reg.name(size)), len, |a| {
            a.mov_mr(size, m, reg)
        });
        // lea r64, [m]: REX.W 8D.
        c.check_len(&format!("lea {}, {}", reg.name(S64), mem(m)), 2 + modrm_len(m), |a| {
            a.lea_rm(S64, reg, m)
        });
        // movsd xmm, [m]: F2 [REX] 0F 10: the mandatory prefix goes before REX.
        let x = Xmm::ALL[i * 5 % 16];
        let rex = x.enc() >= 8 || mem_rex(m);
        let code = c.check_unsized(&format!("movsd {}, {}", xmm(x), mem(m)), |a| a.sse_xm(Sse::MOVSD, x, m));
        assert_eq!(code.len(), 3 + rex as usize + modrm_len(m));
    }
}

#[test]
#[should_panic(expected = "rsp cannot be an index register")]
fn rsp_is_no_index() {
    Assembler::new().mov_rm(S64, Rax, Mem { base: Rax, index: Some((Rsp, Scale::X1)), disp: 0 });
}

// ----- General-purpose instructions -----

#[test]
fn mov_every_register_pair_and_size() {
    let mut c = Check::new();
    for size in SIZES {
        for dst in Gpr::ALL {
            for src in Gpr::ALL {
                let (d, s) = (dst.name(size), src.name(size));
                let bytereg = size == S8 && (dst.enc() & 0xC == 4 || src.enc() & 0xC == 4);
                let rex = size == S64 || dst.enc() >= 8 || src.enc() >= 8 || bytereg;
                let len = (size == S16) as usize + rex as usize + 2;
                c.check_len(&format!("mov {d}, {s}"), len, |a| a.mov_rr(size, dst, src));
                c.check_len(&format!("xchg {d}, {s}"), len, |a| a.xchg_rr(size, dst, src));
                c.check_len(&format!("test {d}, {s}"), len, |a| a.test_rr(size, dst, src));
            }
        }
    }
}

#[test]
fn alu_every_operation_register_pair_and_size() {
    let mut c = Check::new();
    for op in Alu::ALL {
        let name = format!("{op:?}").to_lowercase();
        for size in SIZES {
            for dst in Gpr::ALL {
                for src in Gpr::ALL {
                    let (d, s) = (dst.name(size), src.name(size));
                    c.check(&format!("{name} {d}, {s}"), |a| a.alu_rr(op, size, dst, src));
                }
                let m = some_mems()[dst.enc() as usize % 10];
                let (r, ms) = (dst.name(size), mem_sized(size, m));
                c.check(&format!("{name} {r}, {ms}"), |a| a.alu_rm(op, size, dst, m));
                c.check(&format!("{name} {ms}, {r}"), |a| a.alu_mr(op, size, m, dst));
            }
        }
    }
}

/// The immediate as the CPU sees it: truncated to the operand size and sign-extended.
fn truncated(size: Size, v: i32) -> i64 {
    match size {
        S8 => v as i8 as i64,
        S16 => v as i16 as i64,
        S32 | S64 => v as i64,
    }
}

const IMMS: [i32; 11] = [0, 1, -1, 127, -128, 128, -129, 0x7fff, -0x8000, 0x1234_5678, i32::MIN];

#[test]
fn alu_immediates_take_the_shortest_form() {
    let mut c = Check::new();
    for op in Alu::ALL {
        let name = format!("{op:?}").to_lowercase();
        for size in SIZES {
            for r in Gpr::ALL {
                for imm in IMMS {
                    let v = truncated(size, imm);
                    let text = format!("{name} {}, {}", r.name(size), hex(v));
                    let rex = size == S64 || r.enc() >= 8 || (size == S8 && r.enc() & 0xC == 4);
                    let prefixes = (size == S16) as usize + rex as usize;
                    // 83 /op ib; 04..3D for the accumulator (no ModRM); 80/81 /op.
                    let len = if size != S8 && v as i8 as i64 == v {
                        prefixes + 3
                    } else {
                        prefixes + (r != Rax) as usize + 1 + size.bytes().min(4) as usize
                    };
                    c.check_len(&text, len, |a| a.alu_ri(op, size, r, imm));
                }
            }
            for (m, imm) in some_mems().into_iter().zip(IMMS) {
                let text = format!("{name} {}, {}", mem_sized(size, m), hex(truncated(size, imm)));
                c.check(&text, |a| a.alu_mi(op, size, m, imm));
            }
        }
        for size in [S32, S64] {
            c.check_len(&format!("{name} {}, 0x1", R9.name(size)), 7, |a| {
                let at = a.alu_ri32(op, size, R9, 0x1234);
                a.patch_u32(at, 1);
            });
        }
    }
}

#[test]
fn mov_immediates() {
    let mut c = Check::new();
    for r in Gpr::ALL {
        let b = (r.enc() >= 8) as usize;
        for imm in IMMS {
            for size in SIZES {
                let v = truncated(size, imm);
                let text = format!("mov {}, {}", r.name(size), hex(v));
                let rex = r.enc() >= 8 || (size == S8 && r.enc() & 0xC == 4);
                // B0+rb ib, 66 B8+rw iw, B8+rd id, REX.W C7 /0 id.
                let len = match size {
                    S8 => rex as usize + 2,
                    S16 => b + 4,
                    S32 => b + 5,
                    S64 => 7,
                };
                c.check_len(&text, len, |a| a.mov_ri(size, r, imm));
                let m = some_mems()[r.enc() as usize % 10];
                c.check(&format!("mov {}, {}", mem_sized(size, m), hex(v)), |a| a.mov_mi(size, m, imm));
            }
        }
        // The shortest of mov r32, imm32 (zero-extends), mov r64, imm32 (sign-extends) and mov r64, imm64.
        for (v, len) in
            [(0, 5 + b), (0xffff_ffff, 5 + b), (-1, 7), (i32::MIN as i64, 7), (1 << 32, 10), (i64::MIN, 10)]
        {
            let text = if len == 5 + b {
                format!("mov {}, {}", r.name(S32), hex(v as i32 as i64))
            } else {
                format!("mov {}, {}", r.name(S64), hex(v))
            };
            c.check_len(&text, len, |a| a.mov_ri64(r, v));
        }
    }
}

#[test]
fn extensions() {
    let mut c = Check::new();
    for dst in Gpr::ALL {
        for src in Gpr::ALL {
            for (to, from) in [(S16, S8), (S32, S8), (S64, S8), (S32, S16), (S64, S16)] {
                let (d, s) = (dst.name(to), src.name(from));
                c.check(&format!("movzx {d}, {s}"), |a| a.movzx_rr(to, dst, from, src));
                c.check(&format!("movsx {d}, {s}"), |a| a.movsx_rr(to, dst, from, src));
            }
            // From 32 bits: mov r32, r32 (which clears the upper half) and movsxd.
            c.check(&format!("mov {}, {}", dst.name(S32), src.name(S32)), |a| a.movzx_rr(S64, dst, S32, src));
            c.check(&format!("movsxd {}, {}", dst.name(S64), src.name(S32)), |a| {
                a.movsx_rr(S64, dst, S32, src)
            });
            c.check(&format!("movsxd {}, {}", dst.name(S64), src.name(S32)), |a| a.movsxd_rr(dst, src));
        }
        for m in some_mems() {
            for (to, from) in [(S32, S8), (S64, S16)] {
                let (d, ms) = (dst.name(to), mem_sized(from, m));
                c.check(&format!("movzx {d}, {ms}"), |a| a.movzx_rm(to, dst, from, m));
                c.check(&format!("movsx {d}, {ms}"), |a| a.movsx_rm(to, dst, from, m));
            }
            let (d32, d64, m32) = (dst.name(S32), dst.name(S64), mem_sized(S32, m));
            c.check(&format!("mov {d32}, {m32}"), |a| a.movzx_rm(S64, dst, S32, m));
            c.check(&format!("movsxd {d64}, {m32}"), |a| a.movsx_rm(S64, dst, S32, m));
        }
    }
    // The source byte register decides the REX: movzx eax, sil is 40 0F B6 C6.
    c.check_len("movzx eax, sil", 4, |a| a.movzx_rr(S32, Rax, S8, Rsi));
    c.check_len("movzx esi, al", 3, |a| a.movzx_rr(S32, Rsi, S8, Rax));
}

#[test]
fn multiplication_and_unary_operations() {
    let mut c = Check::new();
    for size in SIZES {
        for r in Gpr::ALL {
            let n = r.name(size);
            // F6/F7 /digit: the digit in ModRM.reg never asks for a REX.
            let len = (size == S16) as usize
                + (size == S64 || r.enc() >= 8 || (size == S8 && r.enc() & 0xC == 4)) as usize
                + 2;
            c.check_len(&format!("not {n}"), len, |a| a.not(size, r));
            c.check_len(&format!("neg {n}"), len, |a| a.neg(size, r));
            c.check_len(&format!("mul {n}"), len, |a| a.mul(size, r));
            c.check_len(&format!("imul {n}"), len, |a| a.imul(size, r));
            c.check_len(&format!("div {n}"), len, |a| a.div(size, r));
            c.check_len(&format!("idiv {n}"), len, |a| a.idiv(size, r));
            c.check_len(&format!("inc {n}"), len, |a| a.inc(size, r));
            c.check_len(&format!("dec {n}"), len, |a| a.dec(size, r));
            for op in Shift::ALL {
                let name = format!("{op:?}").to_lowercase();
                c.check_len(&format!("{name} {n}, cl"), len, |a| a.shift_cl(op, size, r));
                c.check_len(&format!("{name} {n}, 0x1"), len, |a| a.shift_ri(op, size, r, 1));
                c.check_len(&format!("{name} {n}, 0x1f"), len + 1, |a| a.shift_ri(op, size, r, 31));
            }
            c.check(&format!("test {n}, {}", hex(truncated(size, -2))), |a| a.test_ri(size, r, -2));
            let m = some_mems()[r.enc() as usize % 10];
            let ms = mem_sized(size, m);
            c.check(&format!("test {ms}, {n}"), |a| a.test_mr(size, m, r));
            c.check(&format!("test {ms}, {}", hex(truncated(size, 0x4321))), |a| a.test_mi(size, m, 0x4321));
            c.check(&format!("xchg {ms}, {n}"), |a| a.xchg_mr(size, m, r));
            if size == S8 {
                continue;
            }
            for src in Gpr::ALL {
                let s = src.name(size);
                c.check(&format!("imul {n}, {s}"), |a| a.imul_rr(size, r, src));
                c.check(&format!("imul {n}, {s}, -0x80"), |a| a.imul_rri(size, r, src, -128));
                let v = hex(truncated(size, 0x1234_5678));
                c.check(&format!("imul {n}, {s}, {v}"), |a| a.imul_rri(size, r, src, 0x1234_5678));
                c.check(&format!("lzcnt {n}, {s}"), |a| a.lzcnt_rr(size, r, src));
                c.check(&format!("tzcnt {n}, {s}"), |a| a.tzcnt_rr(size, r, src));
                c.check(&format!("popcnt {n}, {s}"), |a| a.popcnt_rr(size, r, src));
                c.check(&format!("bsr {n}, {s}"), |a| a.bsr_rr(size, r, src));
                c.check(&format!("bsf {n}, {s}"), |a| a.bsf_rr(size, r, src));
                for cond in Cond::ALL {
                    c.check(&format!("cmov{} {n}, {s}", cond.name()), |a| a.cmovcc_rr(cond, size, r, src));
                }
            }
            c.check(&format!("imul {n}, {ms}"), |a| a.imul_rm(size, r, m));
            c.check(&format!("cmovl {n}, {ms}"), |a| a.cmovcc_rm(Cond::L, size, r, m));
            c.check(&format!("lea {n}, {}", mem(m)), |a| a.lea_rm(size, r, m));
            if size != S16 {
                c.check(&format!("bswap {n}"), |a| a.bswap(size, r));
            }
        }
    }
}

#[test]
fn setcc_every_condition_and_register() {
    let mut c = Check::new();
    for cond in Cond::ALL {
        for r in Gpr::ALL {
            let len = 3 + (r.enc() >= 4) as usize;
            c.check_len(&format!("set{} {}", cond.name(), r.name(S8)), len, |a| a.setcc(cond, r));
        }
    }
}

#[test]
fn conditions_invert_in_pairs() {
    for cond in Cond::ALL {
        assert_ne!(cond.invert(), cond);
        assert_eq!(cond.invert().invert(), cond);
    }
    assert_eq!(Cond::E.invert(), Cond::Ne);
    assert_eq!(Cond::B.invert(), Cond::Ae);
    assert_eq!(Cond::L.invert(), Cond::Ge);
    assert_eq!(Cond::P.invert(), Cond::Np);
}

#[test]
fn stack_calls_and_others() {
    let mut c = Check::new();
    for r in Gpr::ALL {
        let (n, b) = (r.name(S64), (r.enc() >= 8) as usize);
        c.check_len(&format!("push {n}"), 1 + b, |a| a.push(r));
        c.check_len(&format!("pop {n}"), 1 + b, |a| a.pop(r));
        c.check_len(&format!("jmp {n}"), 2 + b, |a| a.jmp_r(r));
        c.check_len(&format!("call {n}"), 2 + b, |a| a.call_r(r));
    }
    for m in some_mems() {
        let q = mem_sized(S64, m);
        c.check(&format!("push {q}"), |a| a.push_m(m));
        c.check(&format!("jmp {q}"), |a| a.jmp_m(m));
        c.check(&format!("call {q}"), |a| a.call_m(m));
    }
    c.check_len("push -0x80", 2, |a| a.push_i(-128));
    c.check_len("push 0x80", 5, |a| a.push_i(128));
    c.check("cdq", |a| a.cdq());
    c.check("cqo", |a| a.cqo());
    c.check("ret", |a| a.ret());
    c.check("ud2", |a| a.ud2());
    c.check("int3", |a| a.int3());
    c.check("nop", |a| a.nop());
    c.check("cld", |a| a.cld());
    c.check("std", |a| a.std());
    for (size, s, p) in [(S8, "b", "byte"), (S16, "w", "word"), (S32, "d", "dword"), (S64, "q", "qword")] {
        c.check(&format!("movs{s} {p} ptr [rdi], {p} ptr [rsi]"), |a| a.movs(size));
        c.check(&format!("rep movs{s} {p} ptr [rdi], {p} ptr [rsi]"), |a| a.rep_movs(size));
        c.check(&format!("stos{s} {p} ptr [rdi]"), |a| a.stos(size));
        c.check(&format!("rep stos{s} {p} ptr [rdi]"), |a| a.rep_stos(size));
    }
}

#[test]
fn nops_of_every_length() {
    for n in 0..40 {
        let mut a = Assembler::new();
        a.nops(n);
        let code = a.finish();
        assert_eq!(code.len(), n as usize);
        let insns = decode(&code);
        assert!(insns.iter().all(|i| i.mnemonic() == iced_x86::Mnemonic::Nop), "{n}: {code:02x?}");
        assert_eq!(insns.len(), n.div_ceil(9) as usize);
    }
    let mut a = Assembler::new();
    a.ret();
    a.align(16);
    assert_eq!(a.offset(), 16);
    a.align(16);
    assert_eq!(a.offset(), 16);
}

// ----- SSE -----

#[test]
fn sse_every_table_entry_and_register_pair() {
    let mut c = Check::new();
    for op in Sse::SCALAR.iter().chain(Sse::PACKED).chain(Sse::PACKED_UNARY).chain(Sse::BLENDV) {
        let name = op.name().to_lowercase();
        // [prefix] [REX] 0F [38] op ModRM: REX only for xmm8..xmm15.
        let len =
            c.check_unsized(&format!("{name} xmm0, xmm1"), |a| a.sse_xx(*op, Xmm::Xmm0, Xmm::Xmm1)).len();
        for dst in Xmm::ALL {
            for src in Xmm::ALL {
                let (d, s) = (xmm(dst), xmm(src));
                let code = c.check_unsized(&format!("{name} {d}, {s}"), |a| a.sse_xx(*op, dst, src));
                let rex = dst.enc() >= 8 || src.enc() >= 8;
                assert_eq!(code.len(), len + rex as usize, "{name} {code:02x?}");
            }
            for m in some_mems() {
                c.check_unsized(&format!("{name} {}, {}", xmm(dst), mem(m)), |a| a.sse_xm(*op, dst, m));
            }
        }
    }
    for op in SseImm::SCALAR.iter().chain(SseImm::PACKED).chain(SseImm::PACKED_UNARY) {
        let name = op.name().to_lowercase();
        for dst in Xmm::ALL {
            for src in Xmm::ALL {
                let imm = (dst.enc() * 16 + src.enc()) & 7;
                let text = format!("{name} {}, {}, {}", xmm(dst), xmm(src), hex(imm as i64));
                c.check_unsized(&text, |a| a.sse_xxi(*op, dst, src, imm));
            }
            for m in some_mems() {
                let text = format!("{name} {}, {}, 0x3", xmm(dst), mem(m));
                c.check_unsized(&text, |a| a.sse_xmi(*op, dst, m, 3));
            }
        }
    }
    for op in SseStore::SCALAR.iter().chain(SseStore::PACKED) {
        let name = op.name().to_lowercase();
        for src in Xmm::ALL {
            for m in some_mems() {
                c.check_unsized(&format!("{name} {}, {}", mem(m), xmm(src)), |a| a.sse_mx(*op, m, src));
            }
        }
    }
    for op in SseShift::PACKED {
        let name = op.name().to_lowercase();
        for dst in Xmm::ALL {
            c.check_unsized(&format!("{name} {}, 0x7", xmm(dst)), |a| a.sse_xi(*op, dst, 7));
        }
    }
}

#[test]
fn sse_rounding_and_predicates() {
    let mut c = Check::new();
    for (mode, imm) in
        [(Round::Nearest, "0x8"), (Round::Floor, "0x9"), (Round::Ceil, "0xa"), (Round::Trunc, "0xb")]
    {
        c.check(&format!("roundsd xmm1, xmm2, {imm}"), |a| {
            a.sse_xxi(SseImm::ROUNDSD, Xmm::Xmm1, Xmm::Xmm2, mode as u8)
        });
    }
    let mut a = Assembler::new();
    let preds = [
        CmpPred::Eq,
        CmpPred::Lt,
        CmpPred::Le,
        CmpPred::Unord,
        CmpPred::Neq,
        CmpPred::Nlt,
        CmpPred::Nle,
        CmpPred::Ord,
    ];
    for p in preds {
        a.sse_xxi(SseImm::CMPSS, Xmm::Xmm3, Xmm::Xmm12, p as u8);
    }
    // With pseudo-ops, the formatter names the predicate.
    let mut f = IntelFormatter::new();
    f.options_mut().set_space_after_operand_separator(true);
    let texts: Vec<String> = decode(&a.finish()).iter().map(|i| format(&mut f, i)).collect();
    let names = ["eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord"];
    assert_eq!(texts, names.map(|n| format!("cmp{n}ss xmm3, xmm12")));
}

#[test]
fn sse_with_general_purpose_registers() {
    let mut c = Check::new();
    for x in Xmm::ALL {
        for r in Gpr::ALL {
            let (xs, d, q) = (xmm(x), r.name(S32), r.name(S64));
            c.check(&format!("movd {xs}, {d}"), |a| a.movd_xr(x, r));
            c.check(&format!("movq {xs}, {q}"), |a| a.movq_xr(x, r));
            c.check(&format!("movd {d}, {xs}"), |a| a.movd_rx(r, x));
            c.check(&format!("movq {q}, {xs}"), |a| a.movq_rx(r, x));
            c.check(&format!("movmskps {d}, {xs}"), |a| a.movmskps_rx(r, x));
            c.check(&format!("movmskpd {d}, {xs}"), |a| a.movmskpd_rx(r, x));
            for size in [S32, S64] {
                let n = r.name(size);
                c.check(&format!("cvtsi2ss {xs}, {n}"), |a| a.cvtsi2ss_xr(size, x, r));
                c.check(&format!("cvtsi2sd {xs}, {n}"), |a| a.cvtsi2sd_xr(size, x, r));
                c.check(&format!("cvttss2si {n}, {xs}"), |a| a.cvttss2si_rx(size, r, x));
                c.check(&format!("cvttsd2si {n}, {xs}"), |a| a.cvttsd2si_rx(size, r, x));
            }
        }
    }
}

#[test]
fn sse_lanes_with_general_purpose_registers_and_memory() {
    let mut c = Check::new();
    let names = ["b", "w", "d", "q"];
    for x in Xmm::ALL {
        for r in Gpr::ALL {
            let xs = xmm(x);
            c.check(&format!("pmovmskb {}, {xs}", r.name(S32)), |a| a.pmovmskb_rx(r, x));
            for (size, n) in SIZES.into_iter().zip(names) {
                let lane = (x.enc() + r.enc()) % (16 >> size as u8);
                let g = r.name(size.max(S32));
                let l = hex(lane as i64);
                c.check(&format!("pinsr{n} {xs}, {g}, {l}"), |a| a.pinsr_xri(size, x, r, lane));
                c.check(&format!("pextr{n} {g}, {xs}, {l}"), |a| a.pextr_rxi(size, r, x, lane));
            }
        }
        for m in some_mems() {
            for (size, n) in SIZES.into_iter().zip(names) {
                let (xs, ms) = (xmm(x), mem_sized(size, m));
                c.check(&format!("pinsr{n} {xs}, {ms}, 0x1"), |a| a.pinsr_xmi(size, x, m, 1));
                c.check(&format!("pextr{n} {ms}, {xs}, 0x1"), |a| a.pextr_mxi(size, m, x, 1));
            }
        }
    }
}

// ----- AVX -----

/// Three registers, each of the sixteen in every position, the upper eight (VEX.R, .B and
/// the top bit of vvvv) with the lower.
fn triples() -> Vec<(Xmm, Xmm, Xmm)> {
    let mut v = Vec::new();
    for d in Xmm::ALL {
        for a in Xmm::ALL {
            v.push((d, a, Xmm::from_enc(d.enc() * 3 + a.enc() * 5 + 1)));
            v.push((d, Xmm::from_enc(a.enc() * 7 + 2), a));
        }
    }
    v
}

#[test]
fn vex_binary_operations_every_register_and_memory() {
    let mut c = Check::new();
    for op in Sse::PACKED {
        let name = format!("v{}", op.name().to_lowercase());
        for (d, a, b) in triples() {
            let text = format!("{name} {}, {}, {}", xmm(d), xmm(a), xmm(b));
            let code = c.check_unsized(&text, |asm| asm.vex_xxx(*op, d, a, b));
            // The two-byte prefix where nothing but R needs saying.
            let short = op.op.map == super::assembler::Map::M0F && b.enc() < 8;
            assert_eq!(code[0], if short { 0xC5 } else { 0xC4 }, "{text}: {code:02x?}");
        }
        for m in some_mems() {
            let text = format!("{name} xmm9, xmm3, {}", mem(m));
            c.check_unsized(&text, |asm| asm.vex_xxm(*op, Xmm::Xmm9, Xmm::Xmm3, m));
        }
    }
    for op in SseImm::PACKED {
        let name = format!("v{}", op.name().to_lowercase());
        for (d, a, b) in triples() {
            let text = format!("{name} {}, {}, {}, 0x5", xmm(d), xmm(a), xmm(b));
            c.check_unsized(&text, |asm| asm.vex_xxxi(*op, d, a, b, 5));
        }
        for m in some_mems() {
            let text = format!("{name} xmm12, xmm0, {}, 0x1", mem(m));
            c.check_unsized(&text, |asm| asm.vex_xxmi(*op, Xmm::Xmm12, Xmm::Xmm0, m, 1));
        }
    }
    for op in SseShift::PACKED {
        let name = format!("v{}", op.name().to_lowercase());
        for (d, a, _) in triples() {
            c.check_unsized(&format!("{name} {}, {}, 0x7", xmm(d), xmm(a)), |asm| asm.vex_xxi(*op, d, a, 7));
        }
    }
    for (d, a, b) in triples() {
        let (ds, as_, bs) = (xmm(d), xmm(a), xmm(b));
        c.check(&format!("vfmadd213ps {ds}, {as_}, {bs}"), |asm| asm.vfmadd213_xxx(false, d, a, b));
        c.check(&format!("vfmadd213pd {ds}, {as_}, {bs}"), |asm| asm.vfmadd213_xxx(true, d, a, b));
        for op in Blendv::ALL {
            let mask = Xmm::from_enc(d.enc() ^ 9);
            let text = format!("{} {ds}, {as_}, {bs}, {}", op.name(), xmm(mask));
            c.check(&text, |asm| asm.vblendv_xxxx(op, d, a, b, mask));
        }
    }
}

// ----- Labels, jump tables, constants -----

/// The branch targets of the branches in `code`, with the offset of each.
fn branches(code: &[u8]) -> Vec<(u64, u64, usize)> {
    decode(code)
        .iter()
        .filter(|i| i.op0_kind() == OpKind::NearBranch64)
        .map(|i| (i.ip(), i.near_branch_target(), i.len()))
        .collect()
}

#[test]
fn backward_branches_take_rel8_up_to_its_reach() {
    // A backward jmp/jcc over `gap` bytes: rel8 = -(gap + 2) reaches -128 at gap 126.
    for gap in [0, 1, 100, 125, 126, 127, 128, 1000] {
        for jcc in [false, true] {
            let mut a = Assembler::new();
            let top = a.new_label();
            a.bind(top);
            a.nops(gap);
            if jcc {
                a.jcc(Cond::Ne, top);
            } else {
                a.jmp(top);
            }
            let code = a.finish();
            let short = gap <= 126;
            let len = match (short, jcc) {
                (true, _) => 2,
                (false, false) => 5,
                (false, true) => 6,
            };
            assert_eq!(code.len() - gap as usize, len, "gap {gap}");
            assert_eq!(branches(&code), [(gap as u64, 0, len)]);
        }
    }
}

#[test]
fn forward_references_are_patched_when_bound() {
    for gap in [0, 1, 127, 128, 129, 100_000] {
        let mut a = Assembler::new();
        let l = a.new_label();
        let table = a.new_label();
        // Several references of every kind to one label, a linked list of fixups.
        a.jmp(l);
        for cond in Cond::ALL {
            a.jcc(cond, l);
        }
        a.call(l);
        a.lea_rm(S64, R11, l);
        a.mov_mi(S32, l, 0x1234_5678);
        a.sse_xmi(SseImm::ROUNDSD, Xmm::Xmm9, l, 1);
        a.alu_mi(Alu::Cmp, S16, l, -3);
        a.bind(table);
        a.jump_table_entry(l, table);
        a.jump_table_entry(l, table);
        let entries = a.offset();
        a.nops(gap);
        let target = a.offset();
        a.bind(l);
        assert_eq!(a.label_offset(l), Some(target));
        a.ret();
        let code = a.finish();
        let insns = decode(&code[..entries as usize - 8]);
        assert_eq!(insns.len(), 22);
        for i in &insns[..18] {
            assert_eq!(i.near_branch_target(), target as u64);
            // Unbound targets take rel32.
            assert!(i.len() >= 5, "{i}");
        }
        for i in &insns[18..] {
            assert!(i.is_ip_rel_memory_operand());
            assert_eq!(i.ip_rel_memory_address(), target as u64, "{i}");
        }
        let t = entries - 8;
        for e in [t, t + 4] {
            let v = i32::from_le_bytes(code[e as usize..e as usize + 4].try_into().unwrap());
            assert_eq!(v as i64, target as i64 - t as i64);
        }
    }
}

#[test]
fn jump_table_dispatch() {
    // lea r11, [rip+table]; movsxd rax, [r11+rax*4]; add rax, r11; jmp rax; table; cases.
    let mut a = Assembler::new();
    let cases = [a.new_label(), a.new_label(), a.new_label()];
    let table = a.new_label();
    let before = a.new_label();
    a.bind(before);
    a.ud2();
    a.lea_rm(S64, R11, table);
    a.movsxd_rm(Rax, Mem::index(R11, Rax, Scale::X4, 0));
    a.alu_rr(Alu::Add, S64, Rax, R11);
    a.jmp_r(Rax);
    a.align_with(4, 0xCC);
    a.bind(table);
    let t = a.offset() as i64;
    for &l in &cases {
        a.jump_table_entry(l, table);
    }
    a.jump_table_entry(before, table);
    let mut at = Vec::new();
    for &l in &cases {
        a.bind(l);
        at.push(a.offset() as i64);
        a.ret();
    }
    let code = a.finish();
    let entry = |k: i64| i32::from_le_bytes(code[(t + 4 * k) as usize..][..4].try_into().unwrap()) as i64;
    for (k, &target) in at.iter().enumerate() {
        assert_eq!(t + entry(k as i64), target);
    }
    assert_eq!(t + entry(3), 0);
    let text = disassemble(&code[..t as usize]);
    assert_eq!(text[1], format!("lea r11, [{}]", hex(t)));
    assert_eq!(text[2..5], ["movsxd rax, dword ptr [r11+rax*4]", "add rax, r11", "jmp rax"]);
}

#[test]
fn constants_are_pooled_aligned_and_shared() {
    let mut a = Assembler::new();
    let f32_one = a.const_u32(1.0f32.to_bits());
    let sign = a.const_u128(0x8000_0000_0000_0000_8000_0000_0000_0000);
    let f64_one = a.const_u64(1.0f64.to_bits());
    assert_eq!(a.const_u32(1.0f32.to_bits()), f32_one);
    assert_ne!(a.const_u64(1.0f32.to_bits() as u64), f64_one);
    a.sse_xm(Sse::MOVSS, Xmm::Xmm0, f32_one);
    a.sse_xm(Sse::XORPD, Xmm::Xmm15, sign);
    a.sse_xm(Sse::ADDSD, Xmm::Xmm8, f64_one);
    a.sse_xmi(SseImm::CMPSD, Xmm::Xmm8, f64_one, 1);
    a.mov_rm(S64, R12, f64_one);
    a.ret();
    let code = a.finish();
    // The labels were bound where the constants are, each aligned to its size.
    let insns = decode(&code[..code.iter().rposition(|&b| b == 0xC3).unwrap() + 1]);
    assert_eq!(insns.len(), 6);
    let addrs: Vec<u64> = insns[..5].iter().map(|i| i.ip_rel_memory_address()).collect();
    assert_eq!(addrs[2], addrs[3]);
    assert_eq!(addrs[3], addrs[4]);
    assert_eq!(addrs[0] % 4, 0);
    assert_eq!(addrs[1] % 16, 0);
    assert_eq!(addrs[2] % 8, 0);
    assert_eq!(&code[addrs[0] as usize..][..4], &1.0f32.to_bits().to_le_bytes());
    assert_eq!(
        &code[addrs[1] as usize..][..16],
        &0x8000_0000_0000_0000_8000_0000_0000_0000u128.to_le_bytes()
    );
    assert_eq!(&code[addrs[2] as usize..][..8], &1.0f64.to_bits().to_le_bytes());
}

#[test]
fn the_pool_can_be_placed_after_each_function() {
    let mut a = Assembler::new();
    let c = a.const_u64(42);
    a.sse_xm(Sse::MOVSD, Xmm::Xmm0, c);
    a.ret();
    a.place_pool();
    let first = a.label_offset(c).unwrap();
    // A later function shares the constant, backward.
    let c2 = a.const_u64(42);
    assert_eq!(c, c2);
    let at = a.offset();
    a.sse_xm(Sse::MOVSD, Xmm::Xmm1, c2);
    let code = a.finish();
    let i = decode(&code[at as usize..]);
    assert_eq!(i[0].ip_rel_memory_address().wrapping_add(at as u64), first as u64);
}

#[test]
#[should_panic(expected = "never bound")]
fn an_unbound_label_is_a_bug() {
    let mut a = Assembler::new();
    let l = a.new_label();
    a.jmp(l);
    a.finish();
}

// ----- Hand-checked bytes -----

#[test]
fn hand_checked_bytes() {
    let cases: Vec<(&[u8], Box<dyn Fn(&mut Assembler)>)> = vec![
        (&[0x48, 0x8B, 0x04, 0x24], Box::new(|a| a.mov_rm(S64, Rax, Mem::base(Rsp)))),
        (&[0x48, 0x8B, 0x45, 0x00], Box::new(|a| a.mov_rm(S64, Rax, Mem::base(Rbp)))),
        (&[0x41, 0x8B, 0x04, 0x24], Box::new(|a| a.mov_rm(S32, Rax, Mem::base(R12)))),
        (&[0x4D, 0x89, 0x45, 0x00], Box::new(|a| a.mov_mr(S64, Mem::base(R13), R8))),
        (
            &[0x4A, 0x8B, 0x44, 0xE5, 0x10],
            Box::new(|a| a.mov_rm(S64, Rax, Mem::index(Rbp, R12, Scale::X8, 16))),
        ),
        (&[0x40, 0x88, 0xF7], Box::new(|a| a.mov_rr(S8, Rdi, Rsi))),
        (&[0x88, 0xD8], Box::new(|a| a.mov_rr(S8, Rax, Rbx))),
        (&[0x40, 0x0F, 0xB6, 0xC6], Box::new(|a| a.movzx_rr(S32, Rax, S8, Rsi))),
        (&[0x66, 0x41, 0x89, 0xC8], Box::new(|a| a.mov_rr(S16, R8, Rcx))),
        (&[0x48, 0x83, 0xEC, 0x08], Box::new(|a| a.alu_ri(Alu::Sub, S64, Rsp, 8))),
        (&[0x48, 0x05, 0x00, 0x01, 0x00, 0x00], Box::new(|a| a.alu_ri(Alu::Add, S64, Rax, 256))),
        (&[0x48, 0xB8, 1, 2, 3, 4, 5, 6, 7, 8], Box::new(|a| a.mov_ri64(Rax, 0x0807_0605_0403_0201))),
        (&[0xD3, 0xE0], Box::new(|a| a.shift_cl(Shift::Shl, S32, Rax))),
        (&[0xD2, 0xE3], Box::new(|a| a.shift_cl(Shift::Shl, S8, Rbx))),
        (&[0x40, 0xD2, 0xE6], Box::new(|a| a.shift_cl(Shift::Shl, S8, Rsi))),
        (&[0x40, 0x0F, 0x94, 0xC7], Box::new(|a| a.setcc(Cond::E, Rdi))),
        (&[0xF3, 0x48, 0x0F, 0xBD, 0xC1], Box::new(|a| a.lzcnt_rr(S64, Rax, Rcx))),
        (
            &[0x66, 0x0F, 0x3A, 0x0B, 0xC1, 0x09],
            Box::new(|a| a.sse_xxi(SseImm::ROUNDSD, Xmm::Xmm0, Xmm::Xmm1, Round::Floor as u8)),
        ),
        (&[0xF2, 0x45, 0x0F, 0x58, 0xC1], Box::new(|a| a.sse_xx(Sse::ADDSD, Xmm::Xmm8, Xmm::Xmm9))),
        (&[0x66, 0x48, 0x0F, 0x6E, 0xC0], Box::new(|a| a.movq_xr(Xmm::Xmm0, Rax))),
        (&[0x66, 0x0F, 0x38, 0x29, 0xCA], Box::new(|a| a.sse_xx(Sse::PCMPEQQ, Xmm::Xmm1, Xmm::Xmm2))),
        (&[0x41, 0xFF, 0xD3], Box::new(|a| a.call_r(R11))),
        (&[0xF3, 0x48, 0xAB], Box::new(|a| a.rep_stos(S64))),
        (&[0x0F, 0x1F, 0x44, 0x00, 0x00], Box::new(|a| a.nops(5))),
    ];
    for (bytes, emit) in cases {
        let mut a = Assembler::new();
        emit(&mut a);
        assert_eq!(a.finish(), bytes, "{:?}", disassemble(bytes));
    }
}

#[test]
fn a_function() {
    // fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2), System V: n in edi, result in eax.
    let mut a = Assembler::new();
    let fib = a.new_label();
    let base = a.new_label();
    a.bind(fib);
    a.alu_ri(Alu::Cmp, S32, Rdi, 2);
    a.jcc(Cond::L, base);
    a.push(Rbx);
    a.push(Rbp);
    a.push(Rax); // alignment
    a.mov_rr(S32, Rbx, Rdi);
    a.lea_rm(S32, Rdi, Mem::disp(Rbx, -1));
    a.call(fib);
    a.mov_rr(S32, Rbp, Rax);
    a.lea_rm(S32, Rdi, Mem::disp(Rbx, -2));
    a.call(fib);
    a.alu_rr(Alu::Add, S32, Rax, Rbp);
    a.pop(Rcx);
    a.pop(Rbp);
    a.pop(Rbx);
    a.ret();
    a.bind(base);
    a.mov_rr(S32, Rax, Rdi);
    a.ret();
    let code = a.finish();
    assert_eq!(
        disassemble(&code),
        [
            "cmp edi, 0x2",
            "jl 0x26",
            "push rbx",
            "push rbp",
            "push rax",
            "mov ebx, edi",
            "lea edi, [rbx-0x1]",
            "call 0x0",
            "mov ebp, eax",
            "lea edi, [rbx-0x2]",
            "call 0x0",
            "add eax, ebp",
            "pop rcx",
            "pop rbp",
            "pop rbx",
            "ret",
            "mov eax, edi",
            "ret",
        ]
    );
}
