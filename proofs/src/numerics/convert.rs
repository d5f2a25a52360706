//! Conversions (spec 4.3.4, `exec/numerics.rst`, "Conversions"; SpecTec `3.1-numerics.scalar`
//! declares them `hint(builtin)`): between integer widths, between integers and floats,
//! between float widths, and reinterpretation. Widths are passed as the spec indexes them,
//! `M` (from) then `N` (to).

use num_bigint::{BigInt, Sign};
use num_traits::Zero;
use rug::Integer;
use rug::float::Round;
use rug::integer::Order;

use super::Undefined;
use super::float::{Floats, Fv, Nans, canon, fbits, ieee, ieee_int, inv_fbits};
use super::int::{inv_signed, modulo, pow2, sat_s, sat_u, signed};

/// An integer of `num-bigint` as one of GMP's (for MPFR to round).
pub fn to_gmp(i: &BigInt) -> Integer {
    let (sign, digits) = i.to_u64_digits();
    let m = Integer::from_digits(&digits, Order::Lsf);
    if sign == Sign::Minus { -m } else { m }
}

/// An integer of GMP's as one of `num-bigint`.
pub fn from_gmp(i: &Integer) -> BigInt {
    let digits = i.to_digits::<u32>(Order::Lsf);
    let sign = match i.cmp0() {
        std::cmp::Ordering::Less => Sign::Minus,
        std::cmp::Ordering::Equal => Sign::NoSign,
        std::cmp::Ordering::Greater => Sign::Plus,
    };
    BigInt::from_slice(sign, &digits)
}

/// `op-extend` (SpecTec `$extend__`, `U`): `extend_u_{M,N}(i) = i`.
pub fn extend_u(m: u32, n: u32, i: &BigInt) -> BigInt {
    assert!(m <= n);
    let _ = signed(m, i); // i is an iM
    i.clone()
}

/// `op-extend` (SpecTec `$extend__`, `S`): `extend_s_{M,N}(i) = signed_N^-1(signed_M(i))`.
pub fn extend_s(m: u32, n: u32, i: &BigInt) -> BigInt {
    assert!(m <= n);
    inv_signed(n, &signed(m, i))
}

/// `op-wrap` (SpecTec `$wrap__`): `wrap_{M,N}(i) = i mod 2^N`.
pub fn wrap(m: u32, n: u32, i: &BigInt) -> BigInt {
    let _ = signed(m, i);
    modulo(n, i)
}

/// aux-trunc: `truncz(q)`, the rational `q` of a finite value rounded toward zero.
pub fn truncz(z: &Fv) -> BigInt {
    let q = z.q().expect("truncz of a number");
    from_gmp(&q.to_integer_round(Round::Zero).expect("a number").0)
}

/// `op-trunc` (SpecTec `$trunc__`, `U`): `trunc_u_{M,N}(±q) = truncz(±q)` if `-1 < truncz(±q) < 2^N`;
/// undefined for NaNs, infinities and results out of range.
pub fn trunc_u(_m: u32, n: u32, z: &Fv) -> Result<BigInt, Undefined> {
    match z {
        Fv::Nan { .. } => Err(Undefined::NaN),
        Fv::Inf { .. } => Err(Undefined::Unrepresentable),
        Fv::Num { .. } => {
            let i = truncz(z);
            if BigInt::from(-1) < i && i < pow2(n) { Ok(i) } else { Err(Undefined::Unrepresentable) }
        }
    }
}

/// `op-trunc` (SpecTec `$trunc__`, `S`): `trunc_s_{M,N}(±q) = truncz(±q)` (as an `iN`) if
/// `-2^(N-1) - 1 < truncz(±q) < 2^(N-1)`; undefined for NaNs, infinities and results out of
/// range.
pub fn trunc_s(_m: u32, n: u32, z: &Fv) -> Result<BigInt, Undefined> {
    match z {
        Fv::Nan { .. } => Err(Undefined::NaN),
        Fv::Inf { .. } => Err(Undefined::Unrepresentable),
        Fv::Num { .. } => {
            let i = truncz(z);
            if -pow2(n - 1) - 1 < i && i < pow2(n - 1) {
                Ok(inv_signed(n, &i))
            } else {
                Err(Undefined::Unrepresentable)
            }
        }
    }
}

/// `op-trunc_sat` (SpecTec `$trunc_sat__`, `U`): 0 for NaNs and `-∞`, `2^N - 1` for `+∞`, else
/// `sat_u_N(truncz(z))`.
pub fn trunc_sat_u(_m: u32, n: u32, z: &Fv) -> BigInt {
    match z {
        Fv::Nan { .. } => BigInt::zero(),
        Fv::Inf { neg: true } => BigInt::zero(),
        Fv::Inf { neg: false } => pow2(n) - 1,
        Fv::Num { .. } => sat_u(n, &truncz(z)),
    }
}

/// `op-trunc_sat` (SpecTec `$trunc_sat__`, `S`): 0 for NaNs, `-2^(N-1)` for `-∞`, `2^(N-1) - 1` for
/// `+∞`, else `signed_N^-1(sat_s_N(truncz(z)))` (all as `iN`).
pub fn trunc_sat_s(_m: u32, n: u32, z: &Fv) -> BigInt {
    inv_signed(
        n,
        &match z {
            Fv::Nan { .. } => BigInt::zero(),
            Fv::Inf { neg: true } => -pow2(n - 1),
            Fv::Inf { neg: false } => pow2(n - 1) - 1,
            Fv::Num { .. } => sat_s(n, &truncz(z)),
        },
    )
}

/// The NaN case of `promote` and `demote`: `nans_N{}` (canonical) for a canonical NaN, else
/// `nans_N{+NaN(1)}` (any arithmetic NaN).
fn nan_cvt(m: u32, payload: u64) -> Floats {
    Floats::Nans(if payload == canon(m) { Nans::Canonical } else { Nans::Arithmetic })
}

/// `op-promote` (SpecTec `$promote__`): `promote_{M,N}(z) = z`, exactly; NaNs as in [`nan_cvt`].
pub fn promote(m: u32, n: u32, z: &Fv) -> Floats {
    assert!(m < n);
    match z {
        Fv::Nan { payload, .. } => nan_cvt(m, *payload),
        Fv::Inf { .. } => Floats::One(z.clone()),
        Fv::Num { neg, mag } => Floats::One(Fv::Num { neg: *neg, mag: ieee_exact(n, mag) }),
    }
}

/// A number of `fM` as one of `fN`, for `M < N`: exact (checked).
fn ieee_exact(n: u32, mag: &rug::Float) -> rug::Float {
    let (z, dir) = rug::Float::with_val_round(super::float::prec(n), mag, Round::Nearest);
    assert_eq!(dir, std::cmp::Ordering::Equal);
    z
}

/// `op-demote` (SpecTec `$demote__`): `±∞` and `±0` kept, `ieee_N(±q)` for a number; NaNs as in
/// [`nan_cvt`].
pub fn demote(m: u32, n: u32, z: &Fv) -> Floats {
    assert!(m > n);
    match z {
        Fv::Nan { payload, .. } => nan_cvt(m, *payload),
        Fv::Inf { .. } => Floats::One(z.clone()),
        _ if z.is_zero() => Floats::One(z.clone()),
        Fv::Num { .. } => Floats::One(ieee(n, &z.q().unwrap())),
    }
}

/// `op-convert` (SpecTec `$convert__`, `U`): `convert_u_{M,N}(i) = ieee_N(i)`.
pub fn convert_u(m: u32, n: u32, i: &BigInt) -> Fv {
    let _ = signed(m, i);
    ieee_int(n, &to_gmp(i))
}

/// `op-convert` (SpecTec `$convert__`, `S`): `convert_s_{M,N}(i) = ieee_N(signed_M(i))`.
pub fn convert_s(m: u32, n: u32, i: &BigInt) -> Fv {
    ieee_int(n, &to_gmp(&signed(m, i)))
}

/// `op-reinterpret` (SpecTec `$reinterpret__`) from `iN` to `fN`: `fbits_N^-1(ibits_N(i))`.
pub fn reinterpret_if(n: u32, i: &BigInt) -> Fv {
    let bits = u64::try_from(i).expect("an iN");
    inv_fbits(n, bits)
}

/// `op-reinterpret` (SpecTec `$reinterpret__`) from `fN` to `iN`: `ibits_N^-1(fbits_N(z))`.
pub fn reinterpret_fi(n: u32, z: &Fv) -> BigInt {
    BigInt::from(fbits(n, z))
}

/// `op-narrow` (SpecTec `$narrow__`, `S`): `narrow_s_{M,N}(i) = signed_N^-1(sat_s_N(signed_M(i)))`.
pub fn narrow_s(m: u32, n: u32, i: &BigInt) -> BigInt {
    inv_signed(n, &sat_s(n, &signed(m, i)))
}

/// `op-narrow` (SpecTec `$narrow__`, `U`): `narrow_u_{M,N}(i) = sat_u_N(signed_M(i))`.
pub fn narrow_u(m: u32, n: u32, i: &BigInt) -> BigInt {
    sat_u(n, &signed(m, i))
}
