//! What the compiler does not do (yet): the module-level check made before any code is
//! emitted, and the feature named when a function holds an instruction it does not compile.
//! Both are refusals, `unsupported by the compiler: FEATURE`, which a run counts as skipped.
//! Which feature a construct belongs to is the instruction table's answer
//! ([`crate::syntax::opcodes`], [`Module::declared_features`]), not decided here.

use super::Unsupported;
use crate::syntax::{Feature, Features, Instr, Module};

/// What the compiler compiles: Wasm 2.0, and of 3.0 the relaxed vector instructions and
/// multiple memories.
const SUPPORTED: Features = Features::V2.with(Feature::RelaxedSimd).with(Feature::MultiMemory);

/// What the compiler does not do, found before any code is emitted: the first feature the
/// module's definitions (value types, constant expressions included) use that it does not
/// compile, in the order the refusals are named (a module with several is counted under the
/// first): typed references (a non-null or concrete reference type anywhere, in a local or a
/// table as well) are `function-references`.
pub(super) fn check_module(m: &Module) -> Result<(), Unsupported> {
    use Feature::*;
    let declared = m.declared_features().minus(SUPPORTED);
    let named = [Memory64, Exceptions, Gc, FunctionReferences];
    match named.into_iter().find(|f| declared.contains(*f)).or_else(|| declared.first()) {
        Some(f) => Err(Unsupported(f.name())),
        None => Ok(()),
    }
}

/// The feature named when a function holds `instr`, which the compiler does not compile.
pub(super) fn feature_of(instr: &Instr) -> &'static str {
    instr.requires().first_missing(SUPPORTED).map_or(Feature::Gc.name(), Feature::name)
}

/// Whether `instr` is a vector instruction (one of the spec's `vectype` instructions, the
/// vector memory instructions included), as the instruction table files it.
pub(super) fn is_vector(instr: &Instr) -> bool {
    instr.requires().contains(Feature::Simd)
}
