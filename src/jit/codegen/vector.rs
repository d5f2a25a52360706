//! Vector instructions (`v128`, spec 4.4.3): where their code generation goes. The compiler
//! does not emit vector code yet. It refuses, as `unsupported by the compiler: v128` (which
//! a run counts as skipped): a module whose types or globals name `v128` (the module check in
//! [`super::support`]), a function with a `v128` local ([`super::stack::Kind::of`]), and a
//! vector instruction where code is reachable (here; unreachable code emits nothing).
//!
//! What this file will emit are the encoder's packed SSE operations (`x64/packed.rs`):
//! `v128` values in XMM registers, as the floats are.

use super::{FuncCompiler, R, Unsupported};
use crate::syntax::Instr;

/// The refusal of vector code.
pub(super) const V128: Unsupported = Unsupported("v128");

/// Whether `instr` is a vector instruction (one of the spec's `vectype` instructions, the
/// vector memory instructions included).
pub(super) fn is_vector(instr: &Instr) -> bool {
    use Instr as I;
    matches!(
        instr,
        I::VLoad(..)
            | I::VLoadLane(..)
            | I::VStore(..)
            | I::VStoreLane(..)
            | I::VConst(_)
            | I::VVunop(_)
            | I::VVbinop(_)
            | I::VVternop(_)
            | I::VVtestop(_)
            | I::VUnop(..)
            | I::VBinop(..)
            | I::VTernop(..)
            | I::VTestop(..)
            | I::VRelop(..)
            | I::VShiftop(..)
            | I::VBitmask(_)
            | I::VSwizzlop(_)
            | I::VShuffle(_)
            | I::VExtunop(..)
            | I::VExtbinop(..)
            | I::VExtternop(..)
            | I::VNarrow(..)
            | I::VCvtop(..)
            | I::VSplat(_)
            | I::VExtractLane(..)
            | I::VReplaceLane(..)
    )
}

impl FuncCompiler<'_, '_> {
    /// A vector instruction in reachable code: refused.
    pub(super) fn vector(&mut self, instr: &Instr) -> R<()> {
        debug_assert!(is_vector(instr));
        Err(V128)
    }
}
