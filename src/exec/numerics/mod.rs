//! Numerics (spec 4.3, `exec/numerics.rst`; SpecTec `3.*-numerics.*.spectec`): every scalar
//! and vector operator of the spec, named as the spec names it.
//!
//! # Layout
//!
//! * [`int`]: `iadd`, `idiv_s`, `ishr_u`, `iq15mulr_sat_s`, ... generic over `N` through
//!   [`Int`] (`u8`..`u64`; the bitwise ones also `u128`, for `v128`).
//! * [`float`]: `fadd`, `fmin`, `fnearest`, `fpmin`, `fma`, ... generic over [`Float`]
//!   (`f32`, `f64`).
//! * [`convert`](mod@convert): `extend`, `wrap`, `trunc`, `trunc_sat`, `promote`, `demote`,
//!   `convert`, `reinterpret`, `narrow`, with the source and target as type parameters.
//! * [`relaxed`]: the relaxed operators, each under an explicit value of its parameter.
//! * [`vector`]: lanes, the lane-wise lifting, `ivbitmask`, `ivswizzle`, `ivshuffle`,
//!   `ivdot`, ..., and the dispatch of every vector instruction.
//! * [`dispatch`]: the dispatch of every scalar numeric instruction, and [`rule`].
//! * [`allowed`]: the sets of allowed results, for the referee.
//!
//! # Dispatchers
//!
//! The interpreter calls one function per instruction family, with the operator, its type
//! or shapes, and the operand values: [`unop`], [`binop`], [`testop`], [`relop`], [`cvtop`];
//! [`vvunop`], [`vvbinop`], [`vvternop`], [`vvtestop`], [`vunop`], [`vbinop`], [`vternop`],
//! [`vtestop`], [`vrelop`], [`vshiftop`], [`vbitmask`], [`vswizzlop`], [`vshuffle`],
//! [`vsplat`], [`vextract_lane`], [`vreplace_lane`], [`vextunop`], [`vextbinop`],
//! [`vextternop`], [`vnarrow`], [`vcvtop`]. Conversions take the target type first, as the
//! instruction is written (`CVTOP to from op`, `i64.extend_i32_s`). They allocate nothing.
//! Tests and relations return the spec's `u32` 0 or 1.
//!
//! Partial operators return `Result<_, Trap>`; [`Trap`] carries the message the official
//! suite expects. Only `idiv`, `irem` and `trunc` are partial, so only [`binop`] and
//! [`cvtop`] return a `Result`: `Step_pure/unop-trap` and the vector `-trap` rules never
//! apply.
//!
//! [`rule`] gives the numeric rule (`op-iadd`, ...) an instruction applies, for traces to cite
//! beside its `Step_pure` rule; it depends on the instruction alone, so a trace that does not
//! cite it costs nothing.
//!
//! Operands are read at the instruction's type, which validation guarantees; an operator
//! paired with a type or shape it is not defined on (which `Instr_ok` rejects) panics.
//!
//! # Non-determinism
//!
//! The spec's operators return sets of results (4.3.1). Two kinds of sets are not singletons:
//!
//! * **NaNs.** A float operator whose result is a NaN returns `nans_N{z*}`: both signs, the
//!   canonical payload if every NaN operand is canonical, any arithmetic payload otherwise.
//! * **Relaxed operators.** A global parameter per family (`R_fmadd`, `R_fmin`, `R_idot`,
//!   ...) selects one of a list of outcomes, fixed for the whole execution.
//!
//! The dispatchers compute the deterministic profile's result (appendix, profiles): every NaN
//! they produce is `+NaN(canon_N)`, and the relaxed ones run under a [`Relaxed`] assignment of
//! the parameters that the interpreter passes in, [`Relaxed::DETERMINISTIC`] (all 0) for the
//! profile.
//!
//! For the referee, [`allowed`] describes the whole set: under one assignment of the relaxed
//! parameters, every scalar result and every lane is exactly one [`Allowed`]: exact bits, a
//! [`NanSet`] (canonical or arithmetic, either sign), or a NaN of a given payload. The
//! `*_allowed` functions return that set for the float and relaxed operators (per lane as a
//! [`VAllowed`]); the `*_allows` functions decide whether another engine's result is a
//! member, and for relaxed operators narrow the engine's [`Choices`], the parameter values it
//! can still be using, so that an engine is held to one choice per parameter across a run.
//! All other operators are deterministic: the dispatcher's result is the only one allowed.
//!
//! Code elsewhere that picks a NaN for a result should call [`pick`]: LLVM folds a plain
//! `if z.is_nan() { .. }` after the float operation that computed `z` (see there).

pub mod allowed;
pub mod convert;
pub mod dispatch;
pub mod float;
pub mod int;
pub mod relaxed;
pub mod vector;

#[cfg(test)]
mod tests;

pub use allowed::*;
pub use convert::*;
pub use dispatch::*;
pub use float::*;
pub use int::*;
pub use relaxed::*;
pub use vector::*;

/// Why a partial operator has no result: the trap its instruction raises.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Trap {
    /// `idiv`, `irem` by zero.
    IntegerDivideByZero,
    /// `idiv_s(-2^(N-1), -1)`, and `trunc` of an infinity or of a value out of range.
    IntegerOverflow,
    /// `trunc` of a NaN.
    InvalidConversionToInteger,
}

impl Trap {
    /// The message the official test suite expects.
    pub fn message(self) -> &'static str {
        match self {
            Trap::IntegerDivideByZero => "integer divide by zero",
            Trap::IntegerOverflow => "integer overflow",
            Trap::InvalidConversionToInteger => "invalid conversion to integer",
        }
    }
}

impl std::fmt::Display for Trap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

/// An operator applied to a type or shape it is not defined on: `Instr_ok` rejects the
/// instruction, so no validated module gets here.
#[cold]
#[track_caller]
fn ill_typed(what: impl std::fmt::Debug) -> ! {
    panic!("numerics: {what:?} is not a valid instruction (Instr_ok rejects it)")
}
