//! Chapter 2, the abstract syntax of Wasm 3.0: plain data, no behaviour.
//!
//! Both engines consume the same decoded and validated [`Module`]. Names follow the spec's
//! SpecTec sources (`1.*-syntax.*.spectec`); where the Rust differs from the spec's shape it
//! says why. [`opcodes`] is the table of the instruction set: opcode, mnemonic, feature and
//! validation rule of every instruction, which the decoder, the validator and the engines read.

pub mod features;
pub mod instructions;
pub mod modules;
pub mod opcodes;
pub mod scalar;
pub mod shared;
pub mod types;
pub mod values;

pub use features::{Feature, Features};
pub use instructions::*;
pub use modules::*;
pub use shared::SharedBytes;
pub use types::*;
pub use values::*;

/// Indices (spec 2.5.1): all `u32`.
pub type TypeIdx = u32;
pub type FuncIdx = u32;
pub type TableIdx = u32;
pub type MemIdx = u32;
pub type GlobalIdx = u32;
pub type TagIdx = u32;
pub type ElemIdx = u32;
pub type DataIdx = u32;
pub type LocalIdx = u32;
pub type LabelIdx = u32;
pub type FieldIdx = u32;
/// Lane indices are bytes.
pub type LaneIdx = u8;
