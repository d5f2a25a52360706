//! Chapter 4, execution: the reference.
//!
//! The spec reduces a configuration `s; f; instr*` one rule at a time, finding the redex
//! inside nested contexts (`LABEL_n{...} ...`, `FRAME_n{f} ...`) by the structural rules
//! `Step/ctxt-*`. The reference takes the same steps over the same relation, refocused: the
//! contexts are kept as explicit stacks beside the code instead of being rebuilt around an
//! instruction list at every step. The operand stack holds the values of every context
//! (a label remembers its height), labels, exception handlers (`HANDLER_n{catch*}`, each
//! remembering how many labels lie outside it) and frames are stacks of their own, and the
//! instruction sequence is the innermost frame's code from a position on, behind the
//! administrative instructions that rules put in front of it (`BR l-1`, `TRAP`, the
//! `TABLE.GET` and `CALL_REF` of `call_indirect`, the `STORE` of `memory.fill`, ...).
//! [`machine::Machine::step`] applies exactly one rule of `Step`, `Step_pure` or
//! `Step_read` and returns its id; `val*` that a rule leaves in front are pushed, as values
//! take no step. Where the spec is nondeterministic (NaN payloads, `memory.grow`), the
//! reference continues with the result of the spec's deterministic profile and
//! [`numerics`] can describe the whole allowed set.

pub mod aggregates;
pub mod code;
pub mod engine;
pub mod exceptions;
pub mod heap;
pub mod instructions;
pub mod machine;
pub mod modules;
pub mod numerics;
pub mod references;
pub mod runtime;
pub mod trace;
pub mod values;

pub use engine::Reference;

use crate::syntax::Features;

/// The features the reference runs: all of Wasm 3.0. A module that uses another, in its
/// definitions or in an instruction, is `unsupported: FEATURE`, the most basic of those it
/// lacks.
pub const RUNS: Features = Features::ALL;
