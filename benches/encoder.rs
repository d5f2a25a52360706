//! The compiler's hand-written encoder beside iced-x86's, on the instruction mix a
//! single-pass compiler emits (moves between registers and frame slots, ALU with
//! immediates, loads with base+index, compare and branch): `cargo bench --bench encoder`.
//! The figure decides which encoder src/jit/x64 is; see its module docs.

use criterion::{Criterion, criterion_group, criterion_main};
use iced_x86::{Code, Encoder, Instruction, MemoryOperand, Register};
use lockstep::jit::x64::{Alu, Assembler, Cond, Gpr, Mem, Scale, Size};
use std::hint::black_box;

/// Blocks of the mix; each block is eight instructions.
const BLOCKS: usize = 10_000;

fn ours(n: usize) -> usize {
    let mut a = Assembler::with_capacity(n * 40);
    let top = a.new_label();
    a.bind(top);
    for i in 0..n {
        let d = -16 - 8 * (i % 64) as i32;
        a.mov_rm(Size::S64, Gpr::Rax, Mem::disp(Gpr::Rbp, d));
        a.alu_ri(Alu::Add, Size::S32, Gpr::Rax, 7);
        a.mov_rr(Size::S64, Gpr::Rcx, Gpr::Rax);
        a.mov_rm(Size::S32, Gpr::Rdx, Mem::index(Gpr::R14, Gpr::Rcx, Scale::X1, 16));
        a.alu_rr(Alu::Xor, Size::S32, Gpr::Rdx, Gpr::Rax);
        a.mov_mr(Size::S64, Mem::disp(Gpr::Rbp, d - 8), Gpr::Rdx);
        a.alu_ri(Alu::Cmp, Size::S32, Gpr::Rdx, 100);
        a.jcc(Cond::L, top);
    }
    a.finish().len()
}

fn iced(n: usize) -> usize {
    let mut e = Encoder::try_with_capacity(64, n * 40).expect("64-bit mode");
    let mut rip = 0x1000u64;
    let top = rip;
    let mut emit = |e: &mut Encoder, insn: Instruction| {
        rip += e.encode(&insn, rip).expect("encodable") as u64;
    };
    for i in 0..n {
        let d = -16 - 8 * (i % 64) as i64;
        let slot = |d: i64| MemoryOperand::with_base_displ(Register::RBP, d);
        let ins = [
            Instruction::with2(Code::Mov_r64_rm64, Register::RAX, slot(d)),
            Instruction::with2(Code::Add_rm32_imm8, Register::EAX, 7),
            Instruction::with2(Code::Mov_r64_rm64, Register::RCX, Register::RAX),
            Instruction::with2(
                Code::Mov_r32_rm32,
                Register::EDX,
                MemoryOperand::new(Register::R14, Register::RCX, 1, 16, 1, false, Register::None),
            ),
            Instruction::with2(Code::Xor_r32_rm32, Register::EDX, Register::EAX),
            Instruction::with2(Code::Mov_rm64_r64, slot(d - 8), Register::RDX),
            Instruction::with2(Code::Cmp_rm32_imm8, Register::EDX, 100),
            Instruction::with_branch(Code::Jl_rel32_64, top),
        ];
        for insn in ins {
            emit(&mut e, insn.expect("a valid instruction"));
        }
    }
    e.take_buffer().len()
}

fn encoders(c: &mut Criterion) {
    let mut g = c.benchmark_group("encode 80k instructions");
    g.bench_function("lockstep x64", |b| b.iter(|| ours(black_box(BLOCKS))));
    g.bench_function("iced-x86 Encoder", |b| b.iter(|| iced(black_box(BLOCKS))));
    g.finish();
}

criterion_group!(benches, encoders);
criterion_main!(benches);
