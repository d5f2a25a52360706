//! Floating-point operations (spec 4.3.3), generic over `N` = 32, 64 as Rust's `f32`/`f64`.
//!
//! Values are moved as Rust floats, which keeps their bits (x86-64 and AArch64 pass floats in
//! vector registers; nothing rounds or quiets them on the way). The spec follows IEEE 754:
//! rounding to nearest, ties to even, and IEEE's rules for infinities and signed zeros, which
//! are what Rust's `+ - * /`, `sqrt`, `mul_add`, `ceil`, `floor`, `trunc` and
//! `round_ties_even` compute. What the spec adds is spelled out here:
//!
//! * a NaN result is any element of `nans_N{...}` (aux-nans); every operator returns the
//!   deterministic profile's element, `+NaN(canon_N)`, or where the referee asks for it
//!   x86's ([`NanChoice`], [`pick`]), and [`super::allowed`] describes the whole set;
//! * `fmin`/`fmax` propagate NaNs and order `-0 < +0`, unlike IEEE's `minNum`;
//! * `fabs`, `fneg` and `fcopysign` act on the sign bit alone, NaN payload included.

use std::fmt::Debug;
use std::ops::{Add, Div, Mul, Sub};

use super::int::{Bits, Int, tobool};

/// `fN` for N = 32, 64.
pub trait Float:
    Copy
    + PartialEq
    + PartialOrd
    + Debug
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
{
    /// The `iN` with the same bits (`reinterpret`, `fbits_N`).
    type Bits: Int;
    /// The width `N`.
    const N: u32;
    /// `M = signif(N)`: the bits of the significand, 23 or 52.
    const M: u32;

    fn to_bits(self) -> Self::Bits;
    fn from_bits(bits: Self::Bits) -> Self;
    fn is_nan(self) -> bool;
    fn sqrt(self) -> Self;
    fn ceil(self) -> Self;
    fn floor(self) -> Self;
    fn trunc(self) -> Self;
    fn round_ties_even(self) -> Self;
    /// IEEE 754 fusedMultiplyAdd: `self * z2 + z3` rounded once.
    fn mul_add(self, z2: Self, z3: Self) -> Self;
    /// `truncz(z)` of a non-NaN `z`, saturated to the range of `i128`: exact for every
    /// result that fits an `iN` with N <= 64, and out of their range otherwise (infinities
    /// included).
    fn truncz(self) -> i128;
    /// `ieee_N(i)` (aux-ieee) of an integer: `i` rounded to nearest, ties to even (Rust's
    /// integer-to-float `as`).
    fn ieee(i: i128) -> Self;
}

macro_rules! float {
    ($($f:ty, $u:ty, $m:expr);*) => {$(
        impl Float for $f {
            type Bits = $u;
            const N: u32 = <$u>::BITS;
            const M: u32 = $m;

            fn to_bits(self) -> $u {
                <$f>::to_bits(self)
            }
            fn from_bits(bits: $u) -> Self {
                <$f>::from_bits(bits)
            }
            fn is_nan(self) -> bool {
                <$f>::is_nan(self)
            }
            fn sqrt(self) -> Self {
                <$f>::sqrt(self)
            }
            fn ceil(self) -> Self {
                <$f>::ceil(self)
            }
            fn floor(self) -> Self {
                <$f>::floor(self)
            }
            fn trunc(self) -> Self {
                <$f>::trunc(self)
            }
            fn round_ties_even(self) -> Self {
                <$f>::round_ties_even(self)
            }
            fn mul_add(self, z2: Self, z3: Self) -> Self {
                <$f>::mul_add(self, z2, z3)
            }
            fn truncz(self) -> i128 {
                // `as` rounds toward zero and saturates; through i64, where that holds the
                // result, it is one machine instruction instead of a call.
                if <$f>::abs(self) < 9223372036854775808.0 {
                    self as i64 as i128
                } else {
                    self as i128
                }
            }
            fn ieee(i: i128) -> Self {
                // `as` rounds every integer type to nearest, ties to even; from i64 and u64
                // it is a machine instruction (sequence) instead of a call.
                match (i64::try_from(i), u64::try_from(i)) {
                    (Ok(i), _) => i as $f,
                    (_, Ok(u)) => u as $f,
                    _ => i as $f,
                }
            }
        }
    )*};
}

float!(f32, u32, 23; f64, u64, 52);

/// Whether `z` has the negative sign, `fsign = 1` (NaNs included).
pub fn sign<F: Float>(z: F) -> bool {
    z.to_bits().nat() >> (F::N - 1) == 1
}

/// `z` with its sign bit set to `negative`, all other bits kept.
pub fn with_sign<F: Float>(z: F, negative: bool) -> F {
    let magnitude = z.to_bits().nat() & ((1 << (F::N - 1)) - 1);
    F::from_bits(F::Bits::wrap(magnitude | (i128::from(negative) << (F::N - 1))))
}

/// The payload `n` of `±NaN(n)`: the significand bits.
pub fn payload<F: Float>(z: F) -> i128 {
    z.to_bits().nat() & ((1 << F::M) - 1)
}

/// `canon_N = 2^(M-1)`, the canonical payload: only the most significant bit set.
pub fn canon<F: Float>() -> i128 {
    1 << (F::M - 1)
}

/// `±NaN(n)`, for a payload `1 <= n < 2^M`.
pub fn nan<F: Float>(negative: bool, n: i128) -> F {
    let exponent = ((1 << (F::N - 1 - F::M)) - 1) << F::M;
    with_sign(F::from_bits(F::Bits::wrap(exponent | n)), negative)
}

/// Whether `z` is a canonical NaN, `±NaN(canon_N)`.
pub fn is_canonical_nan<F: Float>(z: F) -> bool {
    z.is_nan() && payload(z) == canon::<F>()
}

/// Whether `z` is an arithmetic NaN, `±NaN(n)` with `n >= canon_N`.
pub fn is_arithmetic_nan<F: Float>(z: F) -> bool {
    z.is_nan() && payload(z) >= canon::<F>()
}

/// Whether `z` is `±0`.
pub fn is_zero<F: Float>(z: F) -> bool {
    fabs(z).to_bits() == F::Bits::ZERO
}

/// The deterministic profile's element of every `nans_N{z*}`: `+NaN(canon_N)` (appendix,
/// profiles: "all NaN values generated by floating-point instructions are canonical and
/// positive").
pub fn det_nan<F: Float>() -> F {
    nan(false, canon::<F>())
}

pub use crate::runtime::NanChoice;

thread_local! {
    static NAN_CHOICE: std::cell::Cell<NanChoice> = const { std::cell::Cell::new(NanChoice::Deterministic) };
}

/// Set this thread's choice (each run of the reference sets its configuration's).
pub fn set_nan_choice(choice: NanChoice) {
    NAN_CHOICE.with(|c| c.set(choice));
}

/// This thread's choice.
pub fn nan_choice() -> NanChoice {
    NAN_CHOICE.with(|c| c.get())
}

/// The chosen member of `nans_N{operands}`.
pub fn nans<F: Float>(operands: &[F]) -> F {
    match nan_choice() {
        NanChoice::Deterministic => det_nan(),
        NanChoice::X86 => match operands.iter().find(|z| z.is_nan()) {
            Some(z) => nan(sign(*z), payload(*z) | canon::<F>()),
            None => nan(true, canon::<F>()),
        },
    }
}

/// `z`, or if `z` is a NaN, the chosen member of `nans_N{operands}`: where IEEE 754 computes
/// a NaN the spec returns `nans_N{...}`.
pub fn pick<F: Float>(z: F, operands: &[F]) -> F {
    // LLVM takes the NaN an operation returns to be any NaN at all, and folds
    // `if (x op y).is_nan() { nan } else { x op y }` into `x op y`, which leaves the
    // hardware's NaN. Hiding where `z` comes from keeps the check.
    let z = std::hint::black_box(z);
    if z.is_nan() { nans(operands) } else { z }
}

/// `op-fadd`: `fadd_N(z1, z2)`, the sum rounded to nearest. As in IEEE 754: `±∞ + ∓∞` and NaN
/// operands give `nans_N`, `±0 + ∓0 = +0`, and an exact zero sum is `+0`.
pub fn fadd<F: Float>(z1: F, z2: F) -> F {
    pick(z1 + z2, &[z1, z2])
}

/// `op-fsub`: `fsub_N(z1, z2)`, the difference rounded to nearest; `±∞ - ±∞` and NaN operands
/// give `nans_N`, `±0 - ±0 = +0`.
pub fn fsub<F: Float>(z1: F, z2: F) -> F {
    pick(z1 - z2, &[z1, z2])
}

/// `op-fmul`: `fmul_N(z1, z2)`, the product rounded to nearest; `±∞ · ±0` and NaN operands give
/// `nans_N`, the sign of any other result is the exclusive or of the operands' signs.
pub fn fmul<F: Float>(z1: F, z2: F) -> F {
    pick(z1 * z2, &[z1, z2])
}

/// `op-fdiv`: `fdiv_N(z1, z2)`, the quotient rounded to nearest; `±∞ / ±∞`, `±0 / ±0` and NaN
/// operands give `nans_N`, `±q / ±0 = ±∞` with the exclusive or of the signs.
pub fn fdiv<F: Float>(z1: F, z2: F) -> F {
    pick(z1 / z2, &[z1, z2])
}

/// `op-fma`: `fma_N(z1, z2, z3)`, IEEE 754 fusedMultiplyAdd: `z1 · z2 + z3` rounded once.
/// `±∞ · ±0`, an infinite product plus the opposite infinity, and NaN operands give `nans_N`.
pub fn fma<F: Float>(z1: F, z2: F, z3: F) -> F {
    pick(z1.mul_add(z2, z3), &[z1, z2, z3])
}

/// `op-fmin`: `fmin_N(z1, z2)`, the smaller operand: `nans_N` if either is a NaN, and
/// `fmin_N(±0, ∓0) = -0`.
pub fn fmin<F: Float>(z1: F, z2: F) -> F {
    if z1.is_nan() || z2.is_nan() {
        nans(&[z1, z2])
    } else if is_zero(z1) && is_zero(z2) {
        with_sign(z1, sign(z1) || sign(z2))
    } else if z1 <= z2 {
        z1
    } else {
        z2
    }
}

/// `op-fmax`: `fmax_N(z1, z2)`, the larger operand: `nans_N` if either is a NaN, and
/// `fmax_N(±0, ∓0) = +0`.
pub fn fmax<F: Float>(z1: F, z2: F) -> F {
    if z1.is_nan() || z2.is_nan() {
        nans(&[z1, z2])
    } else if is_zero(z1) && is_zero(z2) {
        with_sign(z1, sign(z1) && sign(z2))
    } else if z1 >= z2 {
        z1
    } else {
        z2
    }
}

/// `op-fcopysign`: `fcopysign_N(z1, z2)` is `z1` with the sign of `z2` (NaNs included).
pub fn fcopysign<F: Float>(z1: F, z2: F) -> F {
    with_sign(z1, sign(z2))
}

/// `op-fabs`: `fabs_N(z)` is `z` with positive sign (NaNs included: `fabs_N(±NaN(n)) = +NaN(n)`).
pub fn fabs<F: Float>(z: F) -> F {
    with_sign(z, false)
}

/// `op-fneg`: `fneg_N(z)` is `z` with the opposite sign (NaNs included).
pub fn fneg<F: Float>(z: F) -> F {
    with_sign(z, !sign(z))
}

/// `op-fsqrt`: `fsqrt_N(z)`, the square root rounded to nearest; `fsqrt_N(±0) = ±0`, negative
/// operands and NaNs give `nans_N`.
pub fn fsqrt<F: Float>(z: F) -> F {
    pick(z.sqrt(), &[z])
}

/// `op-fceil`: `fceil_N(z)`, the smallest integral value not below `z`; `±0`, `±∞` stay, and
/// `-1 < z < 0` gives `-0`.
pub fn fceil<F: Float>(z: F) -> F {
    pick(z.ceil(), &[z])
}

/// `op-ffloor`: `ffloor_N(z)`, the largest integral value not above `z`; `±0`, `±∞` stay, and
/// `0 < z < 1` gives `+0`.
pub fn ffloor<F: Float>(z: F) -> F {
    pick(z.floor(), &[z])
}

/// `op-ftrunc`: `ftrunc_N(z)`, the integral value of `z`'s sign with the largest magnitude not
/// above `|z|`; `-1 < z < 0` gives `-0`.
pub fn ftrunc<F: Float>(z: F) -> F {
    pick(z.trunc(), &[z])
}

/// `op-fnearest`: `fnearest_N(z)`, the nearest integral value, the even one on a tie; the sign
/// stays (`-0.5 <= z < 0` gives `-0`).
pub fn fnearest<F: Float>(z: F) -> F {
    pick(z.round_ties_even(), &[z])
}

/// `op-feq`: `feq_N(z1, z2)`: 0 if either is a NaN, 1 for `±0 = ∓0`, else `bool(z1 = z2)`.
pub fn feq<F: Float>(z1: F, z2: F) -> u32 {
    tobool(z1 == z2)
}

/// `op-fne`: `fne_N(z1, z2)`: 1 if either is a NaN, 0 for `±0, ∓0`, else `bool(z1 != z2)`.
pub fn fne<F: Float>(z1: F, z2: F) -> u32 {
    tobool(z1 != z2)
}

/// `op-flt`: `flt_N(z1, z2)`: 0 if either is a NaN or both are zeros, else `bool(z1 < z2)`.
pub fn flt<F: Float>(z1: F, z2: F) -> u32 {
    tobool(z1 < z2)
}

/// `op-fgt`: `fgt_N(z1, z2)`: 0 if either is a NaN or both are zeros, else `bool(z1 > z2)`.
pub fn fgt<F: Float>(z1: F, z2: F) -> u32 {
    tobool(z1 > z2)
}

/// `op-fle`: `fle_N(z1, z2)`: 0 if either is a NaN, 1 if both are zeros, else `bool(z1 <= z2)`.
pub fn fle<F: Float>(z1: F, z2: F) -> u32 {
    tobool(z1 <= z2)
}

/// `op-fge`: `fge_N(z1, z2)`: 0 if either is a NaN, 1 if both are zeros, else `bool(z1 >= z2)`.
pub fn fge<F: Float>(z1: F, z2: F) -> u32 {
    tobool(z1 >= z2)
}

/// `op-fpmin`: `fpmin_N(z1, z2)` is `z2` if `flt_N(z2, z1) = 1`, else `z1` (bit for bit: a NaN
/// operand in first place is returned as it is).
pub fn fpmin<F: Float>(z1: F, z2: F) -> F {
    if flt(z2, z1) == 1 { z2 } else { z1 }
}

/// `op-fpmax`: `fpmax_N(z1, z2)` is `z2` if `flt_N(z1, z2) = 1`, else `z1`.
pub fn fpmax<F: Float>(z1: F, z2: F) -> F {
    if flt(z1, z2) == 1 { z2 } else { z1 }
}
