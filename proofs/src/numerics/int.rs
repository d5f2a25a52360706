//! Integer operations (spec 4.3.2, `exec/numerics.rst`; SpecTec `3.1-numerics.scalar`) on
//! unbounded integers.
//!
//! An `iN` is the natural number `0 <= i < 2^N`, held as a [`BigInt`]; every operator computes
//! on the unbounded integers as the spec writes it and reduces modulo `2^N` where the spec
//! does. Where the spec speaks of bit sequences (`iclz`, `ictz`, `ipopcnt`, `irotl`, `irotr`,
//! the bitwise operators) the code builds the sequence [`ibits`] and reads it back with
//! [`inv_ibits`]. No machine integer of a fixed width takes part, so no overflow of one can
//! hide a mistake.

use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, Zero};

use super::Undefined;

/// `2^k`.
pub fn pow2(k: u32) -> BigInt {
    BigInt::one() << k
}

/// `i mod 2^N` (SpecTec's `\`), the representative in `[0, 2^N)` of any integer.
pub fn modulo(n: u32, i: &BigInt) -> BigInt {
    let m = pow2(n);
    let r = i % &m;
    if r.sign() == Sign::Minus { r + m } else { r }
}

/// Whether `i` is an `iN`: `0 <= i < 2^N`.
pub fn is_in(n: u32, i: &BigInt) -> bool {
    !i.is_negative() && *i < pow2(n)
}

fn check(n: u32, i: &BigInt) {
    assert!(is_in(n, i), "{i} is not an i{n}");
}

/// `truncz(a / b)` of integers, `b != 0`: the quotient rounded toward zero (SpecTec
/// `$truncz`). [`BigInt`]'s `/` truncates, which this checks.
pub fn truncz_div(a: &BigInt, b: &BigInt) -> BigInt {
    assert!(!b.is_zero());
    let q = a / b;
    // |q * b| <= |a| < |(q + sign) * b|
    debug_assert!((&q * b).abs() <= a.abs());
    q
}

/// `floor(a / 2^k)`: what `ishr_s` does to the signed value (rounding toward minus infinity).
pub fn floor_div_pow2(a: &BigInt, k: u32) -> BigInt {
    let d = pow2(k);
    let q = truncz_div(a, &d);
    if a.is_negative() && &q * &d != *a { q - 1 } else { q }
}

/// aux-ibits: `ibits_N(i)`, the `N` bits of `i`, most significant first.
pub fn ibits(n: u32, i: &BigInt) -> Vec<bool> {
    check(n, i);
    (0..n).rev().map(|k| i.bit(u64::from(k))).collect()
}

/// `ibits_N^-1(d*)`: the `iN` whose bits are `d*` (most significant first).
pub fn inv_ibits(d: &[bool]) -> BigInt {
    d.iter().fold(BigInt::zero(), |i, &b| (i << 1u32) + u32::from(b))
}

/// aux-signed: `signed_N(i)` is `i` if `i < 2^(N-1)`, else `i - 2^N`.
pub fn signed(n: u32, i: &BigInt) -> BigInt {
    check(n, i);
    if *i < pow2(n - 1) { i.clone() } else { i - pow2(n) }
}

/// `signed_N^-1(j)`: `j` if `0 <= j < 2^(N-1)`, `j + 2^N` if `-2^(N-1) <= j < 0`.
pub fn inv_signed(n: u32, j: &BigInt) -> BigInt {
    assert!(-pow2(n - 1) <= *j && *j < pow2(n - 1), "{j} is not a signed i{n}");
    if j.is_negative() { j + pow2(n) } else { j.clone() }
}

/// aux-sat: `sat_u_N(i)`: 0 below 0, `2^N - 1` above it, else `i`.
pub fn sat_u(n: u32, i: &BigInt) -> BigInt {
    if i.is_negative() {
        BigInt::zero()
    } else if *i > pow2(n) - 1 {
        pow2(n) - 1
    } else {
        i.clone()
    }
}

/// aux-sat: `sat_s_N(i)`: `-2^(N-1)` below it, `2^(N-1) - 1` above it, else `i`.
pub fn sat_s(n: u32, i: &BigInt) -> BigInt {
    if *i < -pow2(n - 1) {
        -pow2(n - 1)
    } else if *i > pow2(n - 1) - 1 {
        pow2(n - 1) - 1
    } else {
        i.clone()
    }
}

/// aux-tobool: `bool(C)`, 1 or 0.
pub fn tobool(c: bool) -> BigInt {
    BigInt::from(u8::from(c))
}

/// `op-iadd` (SpecTec `$iadd_`): `(i1 + i2) mod 2^N`.
pub fn iadd(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    modulo(n, &(i1 + i2))
}

/// `op-isub` (`$isub_`): `(2^N + i1 - i2) mod 2^N`.
pub fn isub(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    modulo(n, &(pow2(n) + i1 - i2))
}

/// `op-imul` (`$imul_`): `(i1 * i2) mod 2^N`.
pub fn imul(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    modulo(n, &(i1 * i2))
}

/// `op-idiv` (`$idiv_`, `U`): `truncz(i1 / i2)`; undefined for `i2 = 0`.
pub fn idiv_u(n: u32, i1: &BigInt, i2: &BigInt) -> Result<BigInt, Undefined> {
    check(n, i1);
    check(n, i2);
    if i2.is_zero() {
        return Err(Undefined::DivisionByZero);
    }
    Ok(truncz_div(i1, i2))
}

/// `op-idiv` (`$idiv_`, `S`): `signed_N^-1(truncz(signed_N(i1) / signed_N(i2)))`; undefined
/// for `i2 = 0` and where the quotient is `2^(N-1)`.
pub fn idiv_s(n: u32, i1: &BigInt, i2: &BigInt) -> Result<BigInt, Undefined> {
    let (j1, j2) = (signed(n, i1), signed(n, i2));
    if j2.is_zero() {
        return Err(Undefined::DivisionByZero);
    }
    // The rational quotient equals 2^(N-1) exactly.
    if j1 == &j2 * pow2(n - 1) {
        return Err(Undefined::Unrepresentable);
    }
    Ok(inv_signed(n, &truncz_div(&j1, &j2)))
}

/// `op-irem` (`$irem_`, `U`): `i1 - i2 * truncz(i1 / i2)`; undefined for `i2 = 0`.
pub fn irem_u(n: u32, i1: &BigInt, i2: &BigInt) -> Result<BigInt, Undefined> {
    check(n, i1);
    check(n, i2);
    if i2.is_zero() {
        return Err(Undefined::DivisionByZero);
    }
    Ok(i1 - i2 * truncz_div(i1, i2))
}

/// `op-irem` (`$irem_`, `S`): `signed_N^-1(j1 - j2 * truncz(j1 / j2))` with `j1`, `j2` the
/// signed interpretations; undefined for `i2 = 0`.
pub fn irem_s(n: u32, i1: &BigInt, i2: &BigInt) -> Result<BigInt, Undefined> {
    let (j1, j2) = (signed(n, i1), signed(n, i2));
    if j2.is_zero() {
        return Err(Undefined::DivisionByZero);
    }
    Ok(inv_signed(n, &(&j1 - &j2 * truncz_div(&j1, &j2))))
}

/// Applies `f` bit by bit to `ibits_N(i1)` and `ibits_N(i2)`.
fn bitwise(n: u32, i1: &BigInt, i2: &BigInt, f: impl Fn(bool, bool) -> bool) -> BigInt {
    let d: Vec<bool> = ibits(n, i1).into_iter().zip(ibits(n, i2)).map(|(a, b)| f(a, b)).collect();
    inv_ibits(&d)
}

/// `op-inot` (`$inot_`): every bit of `ibits_N(i)` flipped.
pub fn inot(n: u32, i: &BigInt) -> BigInt {
    inv_ibits(&ibits(n, i).into_iter().map(|d| !d).collect::<Vec<_>>())
}

/// `op-irev` (`$irev_`): the bits of `ibits_N(i)` in reverse order.
pub fn irev(n: u32, i: &BigInt) -> BigInt {
    inv_ibits(&ibits(n, i).into_iter().rev().collect::<Vec<_>>())
}

/// `op-iand` (`$iand_`): the bitwise conjunction.
pub fn iand(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    bitwise(n, i1, i2, |a, b| a && b)
}

/// `op-iandnot` (`$iandnot_`): `iand_N(i1, inot_N(i2))`.
pub fn iandnot(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    iand(n, i1, &inot(n, i2))
}

/// `op-ior` (`$ior_`): the bitwise disjunction.
pub fn ior(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    bitwise(n, i1, i2, |a, b| a || b)
}

/// `op-ixor` (`$ixor_`): the bitwise exclusive disjunction.
pub fn ixor(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    bitwise(n, i1, i2, |a, b| a != b)
}

/// `op-ibitselect` (`$ibitselect_`): `ior_N(iand_N(i1, i3), iand_N(i2, inot_N(i3)))`.
pub fn ibitselect(n: u32, i1: &BigInt, i2: &BigInt, i3: &BigInt) -> BigInt {
    ior(n, &iand(n, i1, i3), &iand(n, i2, &inot(n, i3)))
}

/// `op-ishl` (`$ishl_`): with `k = i2 mod N`, `(i1 * 2^k) mod 2^N`. (SpecTec types the count
/// `u32`; `i64.shl` passes an `i64`, and only `i2 mod N` matters.)
pub fn ishl(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i1);
    let k = count(n, i2);
    modulo(n, &(i1 * pow2(k)))
}

/// `k = i2 mod N`, as a shift count (`i2` a natural number).
fn count(n: u32, i2: &BigInt) -> u32 {
    assert!(!i2.is_negative());
    u32::try_from(i2 % BigInt::from(n)).unwrap()
}

/// `op-ishr` (`$ishr_`, `U`): with `k = i2 mod N`, `truncz(i1 / 2^k)`: shifted right,
/// filled with zeros.
pub fn ishr_u(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i1);
    let k = count(n, i2);
    truncz_div(i1, &pow2(k))
}

/// `op-ishr` (`$ishr_`, `S`): with `k = i2 mod N`, `signed_N^-1(floor(signed_N(i1) / 2^k))`:
/// shifted right, filled with the sign bit.
pub fn ishr_s(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    let k = count(n, i2);
    inv_signed(n, &floor_div_pow2(&signed(n, i1), k))
}

/// `op-irotl` (`$irotl_`): with `k = i2 mod N` and `ibits_N(i1) = d1^k d2^(N-k)`,
/// `ibits_N^-1(d2^(N-k) d1^k)`.
pub fn irotl(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i2);
    let k = usize::try_from(i2 % BigInt::from(n)).unwrap();
    let d = ibits(n, i1);
    let (d1, d2) = d.split_at(k);
    inv_ibits(&[d2, d1].concat())
}

/// `op-irotr` (`$irotr_`): with `k = i2 mod N` and `ibits_N(i1) = d1^(N-k) d2^k`,
/// `ibits_N^-1(d2^k d1^(N-k))`.
pub fn irotr(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i2);
    let k = usize::try_from(i2 % BigInt::from(n)).unwrap();
    let d = ibits(n, i1);
    let (d1, d2) = d.split_at(n as usize - k);
    inv_ibits(&[d2, d1].concat())
}

/// `op-iclz` (`$iclz_`): `k` where `ibits_N(i) = 0^k (1 d*)?`.
pub fn iclz(n: u32, i: &BigInt) -> BigInt {
    BigInt::from(ibits(n, i).iter().take_while(|&&d| !d).count())
}

/// `op-ictz` (`$ictz_`): `k` where `ibits_N(i) = (d* 1)? 0^k`.
pub fn ictz(n: u32, i: &BigInt) -> BigInt {
    BigInt::from(ibits(n, i).iter().rev().take_while(|&&d| !d).count())
}

/// `op-ipopcnt` (`$ipopcnt_`): `k` where `ibits_N(i) = (0* 1)^k 0*`.
pub fn ipopcnt(n: u32, i: &BigInt) -> BigInt {
    BigInt::from(ibits(n, i).iter().filter(|&&d| d).count())
}

/// `op-ieqz` (`$ieqz_`): `bool(i = 0)`.
pub fn ieqz(n: u32, i: &BigInt) -> BigInt {
    check(n, i);
    tobool(i.is_zero())
}

/// `op-inez` (`$inez_`): `bool(i != 0)`.
pub fn inez(n: u32, i: &BigInt) -> BigInt {
    check(n, i);
    tobool(!i.is_zero())
}

/// `op-ieq` (`$ieq_`): `bool(i1 = i2)`.
pub fn ieq(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i1);
    check(n, i2);
    tobool(i1 == i2)
}

/// `op-ine` (`$ine_`): `bool(i1 != i2)`.
pub fn ine(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i1);
    check(n, i2);
    tobool(i1 != i2)
}

/// `op-ilt` (`$ilt_`, `U`): `bool(i1 < i2)`.
pub fn ilt_u(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i1);
    check(n, i2);
    tobool(i1 < i2)
}

/// `op-ilt` (`$ilt_`, `S`): `bool(signed_N(i1) < signed_N(i2))`.
pub fn ilt_s(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    tobool(signed(n, i1) < signed(n, i2))
}

/// `op-igt` (`$igt_`, `U`): `bool(i1 > i2)`.
pub fn igt_u(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i1);
    check(n, i2);
    tobool(i1 > i2)
}

/// `op-igt` (`$igt_`, `S`): `bool(signed_N(i1) > signed_N(i2))`.
pub fn igt_s(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    tobool(signed(n, i1) > signed(n, i2))
}

/// `op-ile` (`$ile_`, `U`): `bool(i1 <= i2)`.
pub fn ile_u(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i1);
    check(n, i2);
    tobool(i1 <= i2)
}

/// `op-ile` (`$ile_`, `S`): `bool(signed_N(i1) <= signed_N(i2))`.
pub fn ile_s(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    tobool(signed(n, i1) <= signed(n, i2))
}

/// `op-ige` (`$ige_`, `U`): `bool(i1 >= i2)`.
pub fn ige_u(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i1);
    check(n, i2);
    tobool(i1 >= i2)
}

/// `op-ige` (`$ige_`, `S`): `bool(signed_N(i1) >= signed_N(i2))`.
pub fn ige_s(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    tobool(signed(n, i1) >= signed(n, i2))
}

/// `op-iextendn` (`$iextend_(N, K, S, i)`): `signed_N^-1(signed_K(i mod 2^K))`, the low `K`
/// bits of `i` sign-extended (`i32.extend8_s` is `N = 32`, `K = 8`).
pub fn iextend_s(n: u32, k: u32, i: &BigInt) -> BigInt {
    check(n, i);
    inv_signed(n, &signed(k, &modulo(k, i)))
}

/// `op-ineg` (`$ineg_`): `(2^N - i) mod 2^N`.
pub fn ineg(n: u32, i: &BigInt) -> BigInt {
    check(n, i);
    modulo(n, &(pow2(n) - i))
}

/// `op-iabs` (`$iabs_`): `i` if `signed_N(i) >= 0`, else `ineg_N(i)`.
pub fn iabs(n: u32, i: &BigInt) -> BigInt {
    if !signed(n, i).is_negative() { i.clone() } else { ineg(n, i) }
}

/// `op-imin` (`$imin_`, `U`): `i1` if `i1 <= i2`, else `i2`.
pub fn imin_u(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i1);
    check(n, i2);
    if i1 <= i2 { i1.clone() } else { i2.clone() }
}

/// `op-imin` (`$imin_`, `S`): `i1` if `signed_N(i1) <= signed_N(i2)`, else `i2`.
pub fn imin_s(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    if signed(n, i1) <= signed(n, i2) { i1.clone() } else { i2.clone() }
}

/// `op-imax` (`$imax_`, `U`): `i1` if `i1 >= i2`, else `i2`.
pub fn imax_u(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i1);
    check(n, i2);
    if i1 >= i2 { i1.clone() } else { i2.clone() }
}

/// `op-imax` (`$imax_`, `S`): `i1` if `signed_N(i1) >= signed_N(i2)`, else `i2`.
pub fn imax_s(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    if signed(n, i1) >= signed(n, i2) { i1.clone() } else { i2.clone() }
}

/// `op-iadd_sat` (`$iadd_sat_`, `U`): `sat_u_N(i1 + i2)`.
pub fn iadd_sat_u(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i1);
    check(n, i2);
    sat_u(n, &(i1 + i2))
}

/// `op-iadd_sat` (`$iadd_sat_`, `S`): `signed_N^-1(sat_s_N(signed_N(i1) + signed_N(i2)))`.
pub fn iadd_sat_s(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    inv_signed(n, &sat_s(n, &(signed(n, i1) + signed(n, i2))))
}

/// `op-isub_sat` (`$isub_sat_`, `U`): `sat_u_N(i1 - i2)`.
pub fn isub_sat_u(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i1);
    check(n, i2);
    sat_u(n, &(i1 - i2))
}

/// `op-isub_sat` (`$isub_sat_`, `S`): `signed_N^-1(sat_s_N(signed_N(i1) - signed_N(i2)))`.
pub fn isub_sat_s(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    inv_signed(n, &sat_s(n, &(signed(n, i1) - signed(n, i2))))
}

/// `op-iavgr` (`$iavgr_`, `U`): `truncz((i1 + i2 + 1) / 2)`.
pub fn iavgr_u(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    check(n, i1);
    check(n, i2);
    truncz_div(&(i1 + i2 + 1), &BigInt::from(2))
}

/// `op-iq15mulrsat` (`$iq15mulr_sat_`, `S`):
/// `signed_N^-1(sat_s_N(ishr_s(i1 * i2 + 2^14, 15)))` on the signed interpretations, the
/// shift taken on the unbounded product: `floor((j1 * j2 + 2^14) / 2^15)`.
pub fn iq15mulr_sat_s(n: u32, i1: &BigInt, i2: &BigInt) -> BigInt {
    let p = signed(n, i1) * signed(n, i2) + pow2(14);
    inv_signed(n, &sat_s(n, &floor_div_pow2(&p, 15)))
}
