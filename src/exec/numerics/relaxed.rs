//! Relaxed operations (spec 4.3.4, "Relaxed Operations"; SpecTec `3.0-numerics.relaxed`).
//!
//! Their results are implementation-dependent, fixed by global parameters `R_fmadd`,
//! `R_fmin`, ...: each indexes a list of allowed outcomes, `relaxed(R)[A_0, ..., A_n] = A_R`,
//! and the deterministic profile sets every parameter to 0. Here each relaxed operator takes
//! the value of its parameter as its first argument `r`; [`Relaxed`] is one assignment of all
//! of them, [`Relaxed::DETERMINISTIC`] the profile's. A value past the last alternative is
//! read as the last.
//!
//! Where the document is vague, this module reads it as follows:
//! * `relaxed_trunc` (`relaxed(R)[trunc_sat(z), R]`, the second alternative not spelled
//!   out): the alternative is `-2^(N-1)` for the signed and `2^N - 1` for the unsigned
//!   conversion, the outcomes the official test suite accepts (x86's "integer indefinite"
//!   and its unsigned counterpart). SpecTec declares `R_trunc_u` with four values; the
//!   document gives it two, as here.
//! * `frelaxed_min`/`max` with a NaN operand `±NaN(n)`: the alternative `NaN(n)` has no sign,
//!   so both signs are allowed ([`super::allowed`]); the value computed is the operand itself.

use crate::syntax::Sx;

use super::convert::{trunc_s, trunc_sat_s, trunc_sat_u, trunc_u};
use super::float::{Float, fadd, fma, fmax, fmin, fmul, fneg, is_zero, sign};
use super::int::{Int, ibitselect, iq15mulr_sat_s, ishr_u, signed};

pub use crate::runtime::{Param, Relaxed};

/// `relaxed2(R)[A_0, A_1] = A_R`.
fn relaxed2<T>(r: u8, a0: T, a1: T) -> T {
    if r == 0 { a0 } else { a1 }
}

/// `relaxed4(R)[A_0, A_1, A_2, A_3] = A_R`.
fn relaxed4<T: Copy>(r: u8, a: [T; 4]) -> T {
    a[usize::from(r.min(3))]
}

/// `op-frelaxed_madd`: `frelaxed_madd_N(z1, z2, z3) = relaxed(R_fmadd)[fadd_N(fmul_N(z1, z2), z3),
/// fma_N(z1, z2, z3)]`: rounded twice (deterministic profile) or once.
pub fn frelaxed_madd<F: Float>(r: u8, z1: F, z2: F, z3: F) -> F {
    match r {
        0 => fadd(fmul(z1, z2), z3),
        _ => fma(z1, z2, z3),
    }
}

/// `op-frelaxed_nmadd`: `frelaxed_nmadd_N(z1, z2, z3) = frelaxed_madd_N(-z1, z2, z3)`.
pub fn frelaxed_nmadd<F: Float>(r: u8, z1: F, z2: F, z3: F) -> F {
    frelaxed_madd(r, fneg(z1), z2, z3)
}

/// `op-frelaxed_min`: `frelaxed_min_N(z1, z2)` is `fmin_N(z1, z2)` except
/// * for `z1 = ±NaN(n)`: `relaxed(R_fmin)[fmin_N(z1, z2), NaN(n), z2, z2]`,
/// * for `z2 = ±NaN(n)`: `relaxed(R_fmin)[fmin_N(z1, z2), z1, NaN(n), z1]`,
/// * for `±0, ∓0`: `relaxed(R_fmin)[fmin_N(z1, z2), ±0, ∓0, -0]`.
pub fn frelaxed_min<F: Float>(r: u8, z1: F, z2: F) -> F {
    let z = fmin(z1, z2);
    if z1.is_nan() {
        relaxed4(r, [z, z1, z2, z2])
    } else if z2.is_nan() {
        relaxed4(r, [z, z1, z2, z1])
    } else if is_zero(z1) && is_zero(z2) && sign(z1) != sign(z2) {
        relaxed4(r, [z, z1, z2, z])
    } else {
        z
    }
}

/// `op-frelaxed_max`: `frelaxed_max_N(z1, z2)`, as [`frelaxed_min`] with `fmax_N`, and `+0`
/// as the last alternative for zeros of opposite signs.
pub fn frelaxed_max<F: Float>(r: u8, z1: F, z2: F) -> F {
    let z = fmax(z1, z2);
    if z1.is_nan() {
        relaxed4(r, [z, z1, z2, z2])
    } else if z2.is_nan() {
        relaxed4(r, [z, z1, z2, z1])
    } else if is_zero(z1) && is_zero(z2) && sign(z1) != sign(z2) {
        relaxed4(r, [z, z1, z2, z])
    } else {
        z
    }
}

/// `op-irelaxed_q15mulr_s`: `irelaxed_q15mulr_s_N(i1, i2)` is `iq15mulr_sat_s_N(i1, i2)`,
/// except that for `i1 = i2 = signed_N^-1(-2^(N-1))`, where the product overflows, it is
/// `relaxed(R_iq15mulr)[2^(N-1) - 1, signed_N^-1(-2^(N-1))]`.
pub fn irelaxed_q15mulr_s<I: Int>(r: u8, i1: I, i2: I) -> I {
    let min = I::wrap(-(1 << (I::N - 1)));
    if i1 == min && i2 == min {
        relaxed2(r, I::wrap((1 << (I::N - 1)) - 1), min)
    } else {
        iq15mulr_sat_s(i1, i2)
    }
}

/// `op-irelaxed_laneselect`: `irelaxed_laneselect_N(i1, i2, i3) =
/// ibitselect_N(i1, i2, relaxed(R_laneselect)[i3, extend_s_{1,N}(ishr_u_N(i3, N - 1))])`: the
/// mask bitwise, or its top bit spread over the lane.
pub fn irelaxed_laneselect<I: Int>(r: u8, i1: I, i2: I, i3: I) -> I {
    let top = I::wrap(signed(1, ishr_u(i3, I::N - 1).nat()));
    ibitselect(i1, i2, relaxed2(r, i3, top))
}

/// `op-relaxed_trunc_u`: `relaxed_trunc_u_{M,N}(z)` is `trunc_u_{M,N}(z)` where that is
/// defined (`0 <= trunc(z) < 2^N`), else `relaxed(R_trunc_u)[trunc_sat_u_{M,N}(z), 2^N - 1]`.
pub fn relaxed_trunc_u<F: Float, I: Int>(r: u8, z: F) -> I {
    trunc_u(z).unwrap_or_else(|_| relaxed2(r, trunc_sat_u(z), I::MAX))
}

/// `op-relaxed_trunc_s`: `relaxed_trunc_s_{M,N}(z)` is `trunc_s_{M,N}(z)` where that is defined
/// (`-2^(N-1) <= trunc(z) < 2^(N-1)`), else
/// `relaxed(R_trunc_s)[trunc_sat_s_{M,N}(z), signed_N^-1(-2^(N-1))]`.
pub fn relaxed_trunc_s<F: Float, I: Int>(r: u8, z: F) -> I {
    trunc_s(z).unwrap_or_else(|_| relaxed2(r, trunc_sat_s(z), I::wrap(-(1 << (I::N - 1)))))
}

/// `op-ivrelaxed_swizzle_lane`: `irelaxed_swizzle_lane(i^n, j)` is `i[j]` for `j < n`, 0 for
/// `signed_N(j) < 0`, else `relaxed(R_swizzle)[0, i[j mod n]]`.
pub fn ivrelaxed_swizzle_lane<I: Int>(r: u8, i: &[I], j: I) -> I {
    let n = i.len() as i128;
    if j.nat() < n {
        i[j.nat() as usize]
    } else if j.signed() < 0 {
        I::ZERO
    } else {
        relaxed2(r, I::ZERO, i[(j.nat() % n) as usize])
    }
}

/// The `sx` that `relaxed_dot` extends its second operand with:
/// `relaxed(R_idot)[S, U]`.
pub fn idot_sx(r: u8) -> Sx {
    relaxed2(r, Sx::S, Sx::U)
}
