//! The spec's numerics (spec 4.3, `exec/numerics.rst`; SpecTec `3.0-numerics.relaxed`,
//! `3.1-numerics.scalar`, `3.2-numerics.vector`) over exact arithmetic, written apart from
//! `lockstep::exec::numerics` to check it and the compiler against.
//!
//! * [`int`]: integers are unbounded ([`num_bigint::BigInt`]), reduced modulo `2^N` where the
//!   spec says so; bit-level operators go through the spec's bit sequences.
//! * [`float`]: floats are decoded from their bits into the spec's values (`±NaN(n)`, `±∞`,
//!   `±q` with `q` exact); each operator takes the spec's cases in order and rounds the exact
//!   result once with `ieee_N`, through MPFR ([`rug`]). A NaN result is a set, `nans_N{z*}`.
//! * [`convert`]: conversions between widths and types.
//! * [`vector`]: the vector operators that are not a scalar one lane by lane.
//!
//! Every function is named as the spec names it, with the width `N` (and `M`, for
//! conversions) as its first arguments, as SpecTec writes `$iadd_(N, i_1, i_2)`. A partial
//! operator returns [`Undefined`] where the spec's result is the empty set.
//!
//! Nothing here is fast: the point is that it is plainly the spec.

pub mod convert;
pub mod float;
pub mod int;
pub mod vector;

/// Why a partial operator (`idiv`, `irem`, `trunc`) has no result, which decides the trap
/// (`Step_pure/binop-trap`, `Step_pure/cvtop-trap`) and its message in the official suite.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Undefined {
    /// `idiv`, `irem` by zero.
    DivisionByZero,
    /// A result the target type cannot hold: `idiv_s(-2^(N-1), -1)`, `trunc` of an infinity
    /// or of a number out of range.
    Unrepresentable,
    /// `trunc` of a NaN.
    NaN,
}

impl Undefined {
    /// The message the official test suite expects for the trap.
    pub fn message(self) -> &'static str {
        match self {
            Undefined::DivisionByZero => "integer divide by zero",
            Undefined::Unrepresentable => "integer overflow",
            Undefined::NaN => "invalid conversion to integer",
        }
    }
}

#[cfg(test)]
mod tests;
