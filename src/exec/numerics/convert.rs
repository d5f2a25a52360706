//! Conversions (spec 4.3.4): between integer widths, between integers and floats, between
//! float widths, and reinterpretation. The spec indexes them by the widths `M` (from) and `N`
//! (to); here those are the type parameters, in the same order: `trunc_u::<f32, u64>` is
//! `trunc_u_{32,64}`.

use crate::syntax::{Num, Sx};

use super::Trap;
use super::float::{Float, NanChoice, canon, det_nan, nan, nan_choice, payload, sign};
use super::int::{Int, sat_s, sat_u};

/// `op-extend`: `extend_u_{M,N}(i) = i`.
pub fn extend_u<I: Int, J: Int>(i: I) -> J {
    J::wrap(i.nat())
}

/// `op-extend`: `extend_s_{M,N}(i) = signed_N^-1(signed_M(i))`.
pub fn extend_s<I: Int, J: Int>(i: I) -> J {
    J::wrap(i.signed())
}

/// `extend^sx_{M,N}`: [`extend_u`] or [`extend_s`].
pub fn extend<I: Int, J: Int>(sx: Sx, i: I) -> J {
    match sx {
        Sx::U => extend_u(i),
        Sx::S => extend_s(i),
    }
}

/// `op-wrap`: `wrap_{M,N}(i) = i mod 2^N`.
pub fn wrap<I: Int, J: Int>(i: I) -> J {
    J::wrap(i.nat())
}

/// `op-trunc`: `trunc_u_{M,N}(z) = truncz(z)` if `-1 < truncz(z) < 2^N`. Undefined for NaNs
/// (`invalid conversion to integer`), infinities and results out of range (`integer
/// overflow`).
pub fn trunc_u<F: Float, I: Int>(z: F) -> Result<I, Trap> {
    if z.is_nan() {
        return Err(Trap::InvalidConversionToInteger);
    }
    let i = z.truncz();
    if -1 < i && i < 1 << I::N { Ok(I::wrap(i)) } else { Err(Trap::IntegerOverflow) }
}

/// `op-trunc`: `trunc_s_{M,N}(z) = truncz(z)` if `-2^(N-1) - 1 < truncz(z) < 2^(N-1)`, as a
/// two's complement `iN`. Undefined for NaNs (`invalid conversion to integer`), infinities and
/// results out of range (`integer overflow`).
pub fn trunc_s<F: Float, I: Int>(z: F) -> Result<I, Trap> {
    if z.is_nan() {
        return Err(Trap::InvalidConversionToInteger);
    }
    let i = z.truncz();
    if -(1 << (I::N - 1)) - 1 < i && i < 1 << (I::N - 1) {
        Ok(I::wrap(i))
    } else {
        Err(Trap::IntegerOverflow)
    }
}

/// `trunc^sx_{M,N}`: [`trunc_u`] or [`trunc_s`].
pub fn trunc<F: Float, I: Int>(sx: Sx, z: F) -> Result<I, Trap> {
    match sx {
        Sx::U => trunc_u(z),
        Sx::S => trunc_s(z),
    }
}

/// `op-trunc_sat`: `trunc_sat_u_{M,N}(z) = sat_u_N(truncz(z))`; 0 for NaNs, and `-∞`, `+∞`
/// saturate to 0 and `2^N - 1`.
pub fn trunc_sat_u<F: Float, I: Int>(z: F) -> I {
    if z.is_nan() {
        return I::ZERO;
    }
    I::wrap(sat_u(I::N, z.truncz()))
}

/// `op-trunc_sat`: `trunc_sat_s_{M,N}(z) = signed_N^-1(sat_s_N(truncz(z)))`; 0 for NaNs, and
/// `-∞`, `+∞` saturate to `-2^(N-1)` and `2^(N-1) - 1`.
pub fn trunc_sat_s<F: Float, I: Int>(z: F) -> I {
    if z.is_nan() {
        return I::ZERO;
    }
    I::wrap(sat_s(I::N, z.truncz()))
}

/// `trunc_sat^sx_{M,N}`: [`trunc_sat_u`] or [`trunc_sat_s`].
pub fn trunc_sat<F: Float, I: Int>(sx: Sx, z: F) -> I {
    match sx {
        Sx::U => trunc_sat_u(z),
        Sx::S => trunc_sat_s(z),
    }
}

/// `op-promote`: `promote_{32,64}(z) = z`, exactly; a NaN gives `nans_64{}` if canonical and
/// an arithmetic NaN otherwise, of which the deterministic profile picks `+NaN(canon_64)`.
pub fn promote(z: f32) -> f64 {
    if !z.is_nan() {
        return z.into();
    }
    match nan_choice() {
        NanChoice::Deterministic => det_nan(),
        // x86's `cvtss2sd`: quieted, the payload's bits at the top of the wider one.
        NanChoice::X86 => nan(sign(z), payload(z) << 29 | canon::<f64>()),
    }
}

/// `op-demote`: `demote_{64,32}(z) = ieee_32(z)`, rounded to nearest (`±∞` past the limit),
/// `±0` and `±∞` kept; NaNs as for [`promote`].
pub fn demote(z: f64) -> f32 {
    if !z.is_nan() {
        return z as f32;
    }
    match nan_choice() {
        NanChoice::Deterministic => det_nan(),
        // x86's `cvtsd2ss`: quieted, the top bits of the payload.
        NanChoice::X86 => nan(sign(z), payload(z) >> 29 | canon::<f32>()),
    }
}

/// `op-convert`: `convert_u_{M,N}(i) = ieee_N(i)`, rounded to nearest, ties to even.
pub fn convert_u<I: Int, F: Float>(i: I) -> F {
    F::ieee(i.nat())
}

/// `op-convert`: `convert_s_{M,N}(i) = ieee_N(signed_M(i))`.
pub fn convert_s<I: Int, F: Float>(i: I) -> F {
    F::ieee(i.signed())
}

/// `convert^sx_{M,N}`: [`convert_u`] or [`convert_s`].
pub fn convert<I: Int, F: Float>(sx: Sx, i: I) -> F {
    match sx {
        Sx::U => convert_u(i),
        Sx::S => convert_s(i),
    }
}

/// `op-reinterpret`: `reinterpret_{t1,t2}(c) = bits_t2^-1(bits_t1(c))`: the same bits, NaN
/// payloads included, read as type `t2` (of the same width as `c`'s).
pub fn reinterpret(t2: crate::syntax::NumType, c: Num) -> Num {
    Num::from_bits(t2, c.bits())
}

/// `op-narrow`: `narrow_s_{M,N}(i) = signed_N^-1(sat_s_N(signed_M(i)))`.
pub fn narrow_s<I: Int, J: Int>(i: I) -> J {
    J::wrap(sat_s(J::N, i.signed()))
}

/// `op-narrow`: `narrow_u_{M,N}(i) = sat_u_N(signed_M(i))`: the input is read signed.
pub fn narrow_u<I: Int, J: Int>(i: I) -> J {
    J::wrap(sat_u(J::N, i.signed()))
}

/// `narrow^sx_{M,N}`: [`narrow_u`] or [`narrow_s`].
pub fn narrow<I: Int, J: Int>(sx: Sx, i: I) -> J {
    match sx {
        Sx::U => narrow_u(i),
        Sx::S => narrow_s(i),
    }
}
