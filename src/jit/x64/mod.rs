//! The x86-64 instruction encoder: an [`Assembler`] that writes machine code into a
//! `Vec<u8>`. It knows nothing of WebAssembly.
//!
//! Hand-written rather than over iced-x86's encoder, by measured speed: encoding the mix a
//! single-pass compiler emits (frame-slot moves, ALU with immediates, base+index loads,
//! compare and branch), 80,000 instructions take 0.36 ms here and 3.7 ms through
//! `iced_x86::Encoder` (`cargo bench --bench encoder`, 2-core x86-64, figures in
//! BENCHMARKS.md): ten times faster, and encoding is most of what a single pass does. iced-x86
//! stays as the judge: the tests decode what this encoder writes with iced's decoder.
//!
//! `assembler.rs` is the core (buffer, labels, constant pool, the ModRM/SIB/REX layout),
//! `operands.rs` the operands, `gpr.rs` the general-purpose instructions, `sse.rs` the SSE
//! machinery and its scalar operations, `packed.rs` the packed (all-lane) SSE operations,
//! `vex.rs` the AVX (VEX-encoded) forms of those that gain from them.

mod assembler;
mod gpr;
mod operands;
mod packed;
mod sse;
#[cfg(test)]
mod tests;
mod vex;

pub use assembler::Assembler;
pub use gpr::{Alu, Shift};
pub use operands::{Addr, Cond, Gpr, Label, Mem, Scale, Size, Xmm};
pub use sse::{CmpPred, Round, Sse, SseImm, SseShift, SseStore};
pub use vex::Blendv;
