//! Chapter 3, validation.
//!
//! One file per section of the chapter: [`context`] (the context `C`), [`types`] (type
//! validity), [`matching`] (subtyping), [`canon`] (canonical defined types, type
//! equivalence), [`instructions`] (`Instr_ok` over the flat instruction stream, as the spec's
//! appendix *Validation Algorithm* does it) and [`modules`] (`Module_ok` and constant
//! expressions). Each judgment is a function that names its rule, and each error carries that
//! rule and the message the official suite expects. [`bytes`] runs the same algorithm
//! straight over a function body's bytes for the common instructions, and only ever proves a
//! body valid: the rest, and every error, are the other files'.
//!
//! Under [`Spec::V3`] the validator checks all of Wasm 3.0: 2.0 and the features named in
//! [`CHECKED`], which are all of 3.0's. A feature taken out of that set is refused as
//! `unsupported: FEATURE`, never accepted unchecked. Under [`Spec::V2`] the constructs of
//! 3.0 are plain errors.

pub mod bytes;
pub mod canon;
pub mod context;
pub mod instructions;
pub mod matching;
pub mod modules;
pub mod types;

use crate::Spec;
use crate::rules::Rule;
use crate::syntax::{Feature, Features, FuncIdx, Module};

pub use context::Context;

/// An invalid module: the message the official suite expects (`type mismatch`, ...), the
/// rule whose premise failed, and where: the function index and the byte offset of the
/// instruction, when the error lies in code.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    pub message: String,
    pub rule: Rule,
    pub func: Option<FuncIdx>,
    pub offset: Option<u32>,
}

impl Error {
    /// A construct lockstep does not validate yet: `unsupported: FEATURE`. Never a verdict.
    pub fn is_unsupported(&self) -> bool {
        self.message.starts_with("unsupported: ")
    }

    pub(crate) fn new(rule: Rule, message: impl Into<String>) -> Error {
        Error { message: message.into(), rule, func: None, offset: None }
    }

    /// Place an error in function `func` (kept if already placed).
    pub(crate) fn within(mut self, func: FuncIdx) -> Error {
        self.func.get_or_insert(func);
        self
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}", self.message, self.rule)?;
        if let Some(x) = self.func {
            write!(f, ", function {x}")?;
        }
        if let Some(o) = self.offset {
            write!(f, ", at byte 0x{o:x}")?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for Error {}

pub(crate) type Result<T = ()> = std::result::Result<T, Error>;

/// The 3.0 features beyond 2.0 that this validator checks in full; a 3.0 construct of any
/// other would be refused under [`Spec::V3`] as `unsupported: FEATURE`. All are checked now:
/// the set is where to take one out, should its checking ever need to be switched off.
pub const CHECKED: Features = Features::EMPTY
    .with(Feature::FunctionReferences)
    .with(Feature::Gc)
    .with(Feature::Exceptions)
    .with(Feature::RelaxedSimd)
    .with(Feature::MultiMemory)
    .with(Feature::Memory64)
    .with(Feature::TailCall)
    .with(Feature::ExtendedConst);

/// A construct of the 3.0 `feature` met under `rule`: checked under 3.0 when the feature is
/// in [`CHECKED`], refused as unsupported otherwise, and an error under 2.0.
pub(crate) fn feature(spec: Spec, rule: Rule, feature: Feature) -> Result {
    match spec {
        Spec::V3 if CHECKED.contains(feature) => Ok(()),
        Spec::V3 => Err(Error::new(rule, format!("unsupported: {feature}"))),
        Spec::V2 => Err(Error::new(rule, format!("{feature} is not part of Wasm 2.0"))),
    }
}

/// Validate a module under the given version of the spec (`Module_ok`).
pub fn validate(module: &Module, spec: Spec) -> Result {
    validate_on(module, spec, 1)
}

/// [`validate`], with the function bodies checked on up to `threads` threads. The verdict,
/// and the error, are the same as on one.
pub fn validate_on(module: &Module, spec: Spec, threads: usize) -> Result {
    let outcome = modules::module_ok(module, spec, threads);
    if crate::coverage::counts::on() {
        crate::coverage::derive::validated(module, &outcome);
    }
    outcome
}

#[cfg(test)]
mod tests;
