//! The x86-64 instruction encoder: an [`Assembler`] that writes machine code into a
//! `Vec<u8>`. It knows nothing of WebAssembly.
//!
//! MEASUREMENTS

mod assembler;
mod gpr;
mod operands;
mod sse;
#[cfg(test)]
mod tests;

pub use assembler::Assembler;
pub use gpr::{Alu, Shift};
pub use operands::{Addr, Cond, Gpr, Label, Mem, Scale, Size, Xmm};
pub use sse::{CmpPred, Round, Sse, SseImm, SseShift, SseStore};
