//! Integer operations (spec 4.3.2) on the spec's unsigned `iN`, generic over the width `N`:
//! one definition serves `i32` and `i64` numbers and the `i8` to `i64` lanes of vectors.
//!
//! Where the spec computes on unbounded integers (saturation, `q15mulr`, `signed_N`), the
//! code does it in `i128`, which holds every `iN`, every `signed_N(i)` and every sum or
//! product of two of them; where it speaks of bit sequences (shifts, rotations, counts) or of
//! arithmetic modulo `2^N`, it uses the `N`-bit machine operation that computes exactly that.

use std::fmt::Debug;
use std::hash::Hash;
use std::ops::{BitAnd, BitOr, BitXor, Not};

use super::Trap;

/// `iN` as a bit sequence, N = 8, 16, 32, 64 or 128: enough for the bitwise operators, which
/// `v128.and`, `v128.not`, ... apply to a whole vector as an `i128`.
pub trait Bits:
    Copy + Eq + Debug + Not<Output = Self> + BitAnd<Output = Self> + BitOr<Output = Self> + BitXor<Output = Self>
{
    /// The width `N`.
    const N: u32;
    /// `0`.
    const ZERO: Self;
}

/// `iN` as a number, N = 8, 16, 32 or 64.
pub trait Int: Bits + Ord + Hash + Default {
    /// `2^N - 1`.
    const MAX: Self;

    /// `i` itself, as an unbounded integer: `0 <= i < 2^N`.
    fn nat(self) -> i128;
    /// `signed_N(i)` (aux-signed): `i`, or `i - 2^N` when `i >= 2^(N-1)`.
    fn signed(self) -> i128;
    /// `i mod 2^N`: the `iN` congruent to `i`. For `-2^(N-1) <= i < 2^(N-1)` this is
    /// `signed_N^-1(i)`.
    fn wrap(i: i128) -> Self;

    /// `(i1 + i2) mod 2^N`.
    fn wrapping_add(self, i2: Self) -> Self;
    /// `(i1 - i2 + 2^N) mod 2^N`.
    fn wrapping_sub(self, i2: Self) -> Self;
    /// `(i1 * i2) mod 2^N`.
    fn wrapping_mul(self, i2: Self) -> Self;
    /// `(2^N - i) mod 2^N`.
    fn wrapping_neg(self) -> Self;
    /// `truncz(i1 / i2)`, for `i2 != 0`.
    fn div_u(self, i2: Self) -> Self;
    /// `i1 - i2 * truncz(i1 / i2)`, for `i2 != 0`.
    fn rem_u(self, i2: Self) -> Self;
    /// `signed_N^-1(truncz(j1 / j2))` on the signed interpretations, for `j2 != 0` and
    /// `j1 / j2 != 2^(N-1)`.
    fn div_s(self, i2: Self) -> Self;
    /// `signed_N^-1(j1 - j2 * truncz(j1 / j2))` on the signed interpretations, for `j2 != 0`.
    fn rem_s(self, i2: Self) -> Self;
    /// The bits `d_2^(N-k) 0^k` of `ibits_N(i) = d_1^k d_2^(N-k)`, for `k < N`.
    fn shl(self, k: u32) -> Self;
    /// The bits `0^k d_1^(N-k)` of `ibits_N(i) = d_1^(N-k) d_2^k`, for `k < N`.
    fn shr_u(self, k: u32) -> Self;
    /// The bits `d_0^(k+1) d_1^(N-k-1)` of `ibits_N(i) = d_0 d_1^(N-k-1) d_2^k`, for `k < N`.
    fn shr_s(self, k: u32) -> Self;
    /// The bits `d_2^(N-k) d_1^k` of `ibits_N(i) = d_1^k d_2^(N-k)`.
    fn rotl(self, k: u32) -> Self;
    /// The bits `d_2^k d_1^(N-k)` of `ibits_N(i) = d_1^(N-k) d_2^k`.
    fn rotr(self, k: u32) -> Self;
    /// `k` such that `ibits_N(i) = 0^k (1 d*)?`.
    fn leading_zeros(self) -> u32;
    /// `k` such that `ibits_N(i) = (d* 1)? 0^k`.
    fn trailing_zeros(self) -> u32;
    /// `k` such that `ibits_N(i) = (0* 1)^k 0*`.
    fn count_ones(self) -> u32;
    /// The bits of `i` in reverse order.
    fn reverse_bits(self) -> Self;
}

macro_rules! bits {
    ($($u:ty),*) => {$(
        impl Bits for $u {
            const N: u32 = <$u>::BITS;
            const ZERO: Self = 0;
        }
    )*};
}

bits!(u8, u16, u32, u64, u128);

macro_rules! int {
    ($($u:ty, $s:ty);*) => {$(
        impl Int for $u {
            const MAX: Self = <$u>::MAX;

            fn nat(self) -> i128 {
                self as i128
            }
            fn signed(self) -> i128 {
                self as $s as i128
            }
            fn wrap(i: i128) -> Self {
                i as $u
            }
            fn wrapping_add(self, i2: Self) -> Self {
                <$u>::wrapping_add(self, i2)
            }
            fn wrapping_sub(self, i2: Self) -> Self {
                <$u>::wrapping_sub(self, i2)
            }
            fn wrapping_mul(self, i2: Self) -> Self {
                <$u>::wrapping_mul(self, i2)
            }
            fn wrapping_neg(self) -> Self {
                <$u>::wrapping_neg(self)
            }
            fn div_u(self, i2: Self) -> Self {
                self / i2
            }
            fn rem_u(self, i2: Self) -> Self {
                self % i2
            }
            fn div_s(self, i2: Self) -> Self {
                (self as $s).wrapping_div(i2 as $s) as $u
            }
            fn rem_s(self, i2: Self) -> Self {
                (self as $s).wrapping_rem(i2 as $s) as $u
            }
            fn shl(self, k: u32) -> Self {
                self << k
            }
            fn shr_u(self, k: u32) -> Self {
                self >> k
            }
            fn shr_s(self, k: u32) -> Self {
                ((self as $s) >> k) as $u
            }
            fn rotl(self, k: u32) -> Self {
                self.rotate_left(k)
            }
            fn rotr(self, k: u32) -> Self {
                self.rotate_right(k)
            }
            fn leading_zeros(self) -> u32 {
                <$u>::leading_zeros(self)
            }
            fn trailing_zeros(self) -> u32 {
                <$u>::trailing_zeros(self)
            }
            fn count_ones(self) -> u32 {
                <$u>::count_ones(self)
            }
            fn reverse_bits(self) -> Self {
                <$u>::reverse_bits(self)
            }
        }
    )*};
}

int!(u8, i8; u16, i16; u32, i32; u64, i64);

/// aux-signed: `signed_N(i)` of an `i` with `0 <= i < 2^N`, for any width `N <= 64` (the
/// widths of types are [`Int::signed`]; this one serves the `M` of `iextendMs`).
pub fn signed(n: u32, i: i128) -> i128 {
    if i < 1 << (n - 1) { i } else { i - (1 << n) }
}

/// aux-sat: `sat_u_N(i)` clamps `i` to `[0, 2^N - 1]`.
pub fn sat_u(n: u32, i: i128) -> i128 {
    i.clamp(0, (1 << n) - 1)
}

/// aux-sat: `sat_s_N(i)` clamps `i` to `[-2^(N-1), 2^(N-1) - 1]`.
pub fn sat_s(n: u32, i: i128) -> i128 {
    i.clamp(-(1 << (n - 1)), (1 << (n - 1)) - 1)
}

/// aux-tobool: `bool(C)` is 1 if `C` holds, else 0.
pub fn tobool(c: bool) -> u32 {
    c as u32
}

/// `op-iadd`: `iadd_N(i1, i2) = (i1 + i2) mod 2^N`.
pub fn iadd<I: Int>(i1: I, i2: I) -> I {
    i1.wrapping_add(i2)
}

/// `op-isub`: `isub_N(i1, i2) = (i1 - i2 + 2^N) mod 2^N`.
pub fn isub<I: Int>(i1: I, i2: I) -> I {
    i1.wrapping_sub(i2)
}

/// `op-imul`: `imul_N(i1, i2) = (i1 * i2) mod 2^N`.
pub fn imul<I: Int>(i1: I, i2: I) -> I {
    i1.wrapping_mul(i2)
}

/// `op-idiv`: `idiv_u_N(i1, i2) = truncz(i1 / i2)`; undefined for `i2 = 0`.
pub fn idiv_u<I: Int>(i1: I, i2: I) -> Result<I, Trap> {
    if i2 == I::ZERO {
        return Err(Trap::IntegerDivideByZero);
    }
    Ok(i1.div_u(i2))
}

/// `op-idiv`: `idiv_s_N(i1, i2) = signed_N^-1(truncz(signed_N(i1) / signed_N(i2)))`;
/// undefined for `i2 = 0` and where the quotient is `2^(N-1)`, which is not representable.
pub fn idiv_s<I: Int>(i1: I, i2: I) -> Result<I, Trap> {
    let (j1, j2) = (i1.signed(), i2.signed());
    if j2 == 0 {
        return Err(Trap::IntegerDivideByZero);
    }
    // The only quotient of two N-bit signed integers that is 2^(N-1): -2^(N-1) / -1.
    if j1 == -(1 << (I::N - 1)) && j2 == -1 {
        return Err(Trap::IntegerOverflow);
    }
    Ok(i1.div_s(i2))
}

/// `op-irem`: `irem_u_N(i1, i2) = i1 - i2 * truncz(i1 / i2)`; undefined for `i2 = 0`.
pub fn irem_u<I: Int>(i1: I, i2: I) -> Result<I, Trap> {
    if i2 == I::ZERO {
        return Err(Trap::IntegerDivideByZero);
    }
    Ok(i1.rem_u(i2))
}

/// `op-irem`: `irem_s_N(i1, i2) = signed_N^-1(j1 - j2 * truncz(j1 / j2))` with `j1`, `j2`
/// the signed interpretations: the remainder has the sign of the dividend. Undefined for
/// `i2 = 0`; defined for `-2^(N-1) / -1`, where it is 0.
pub fn irem_s<I: Int>(i1: I, i2: I) -> Result<I, Trap> {
    if i2 == I::ZERO {
        return Err(Trap::IntegerDivideByZero);
    }
    Ok(i1.rem_s(i2))
}

/// `op-inot`: `inot_N(i)`, the bitwise negation.
pub fn inot<B: Bits>(i: B) -> B {
    !i
}

/// `op-irev`: `irev_N(i)`, the bits of `i` in reverse order.
pub fn irev<I: Int>(i: I) -> I {
    i.reverse_bits()
}

/// `op-iand`: `iand_N(i1, i2)`, the bitwise conjunction.
pub fn iand<B: Bits>(i1: B, i2: B) -> B {
    i1 & i2
}

/// `op-iandnot`: `iandnot_N(i1, i2) = iand_N(i1, inot_N(i2))`.
pub fn iandnot<B: Bits>(i1: B, i2: B) -> B {
    iand(i1, inot(i2))
}

/// `op-ior`: `ior_N(i1, i2)`, the bitwise disjunction.
pub fn ior<B: Bits>(i1: B, i2: B) -> B {
    i1 | i2
}

/// `op-ixor`: `ixor_N(i1, i2)`, the bitwise exclusive disjunction.
pub fn ixor<B: Bits>(i1: B, i2: B) -> B {
    i1 ^ i2
}

/// `op-ishl`: `ishl_N(i1, i2)` shifts `i1` left by `k = i2 mod N` bits, modulo `2^N`.
///
/// The count is a `u32` as in SpecTec's `$ishl_(N, iN(N), u32)`: a vector shift applies one
/// `i32` count to every lane. Only `i2 mod N` matters and `N` divides `2^32`, so an `i64`
/// count may be passed truncated to its low 32 bits.
pub fn ishl<I: Int>(i1: I, i2: u32) -> I {
    i1.shl(i2 % I::N)
}

/// `op-ishr`: `ishr_u_N(i1, i2)` shifts `i1` right by `k = i2 mod N` bits, filling with 0.
/// The count is a `u32`, as for [`ishl`].
pub fn ishr_u<I: Int>(i1: I, i2: u32) -> I {
    i1.shr_u(i2 % I::N)
}

/// `op-ishr`: `ishr_s_N(i1, i2)` shifts `i1` right by `k = i2 mod N` bits, filling with the
/// most significant bit of `i1`. The count is a `u32`, as for [`ishl`].
pub fn ishr_s<I: Int>(i1: I, i2: u32) -> I {
    i1.shr_s(i2 % I::N)
}

/// `op-irotl`: `irotl_N(i1, i2)` rotates `i1` left by `k = i2 mod N` bits.
pub fn irotl<I: Int>(i1: I, i2: I) -> I {
    i1.rotl((i2.nat() % I::N as i128) as u32)
}

/// `op-irotr`: `irotr_N(i1, i2)` rotates `i1` right by `k = i2 mod N` bits.
pub fn irotr<I: Int>(i1: I, i2: I) -> I {
    i1.rotr((i2.nat() % I::N as i128) as u32)
}

/// `op-iclz`: `iclz_N(i)`, the number of leading zero bits (`N` for 0).
pub fn iclz<I: Int>(i: I) -> I {
    I::wrap(i.leading_zeros().into())
}

/// `op-ictz`: `ictz_N(i)`, the number of trailing zero bits (`N` for 0).
pub fn ictz<I: Int>(i: I) -> I {
    I::wrap(i.trailing_zeros().into())
}

/// `op-ipopcnt`: `ipopcnt_N(i)`, the number of 1 bits.
pub fn ipopcnt<I: Int>(i: I) -> I {
    I::wrap(i.count_ones().into())
}

/// `op-ieqz`: `ieqz_N(i) = bool(i = 0)`.
pub fn ieqz<B: Bits>(i: B) -> u32 {
    tobool(i == B::ZERO)
}

/// `op-inez`: `inez_N(i) = bool(i != 0)`.
pub fn inez<B: Bits>(i: B) -> u32 {
    tobool(i != B::ZERO)
}

/// `op-ieq`: `ieq_N(i1, i2) = bool(i1 = i2)`.
pub fn ieq<I: Int>(i1: I, i2: I) -> u32 {
    tobool(i1 == i2)
}

/// `op-ine`: `ine_N(i1, i2) = bool(i1 != i2)`.
pub fn ine<I: Int>(i1: I, i2: I) -> u32 {
    tobool(i1 != i2)
}

/// `op-ilt`: `ilt_u_N(i1, i2) = bool(i1 < i2)`.
pub fn ilt_u<I: Int>(i1: I, i2: I) -> u32 {
    tobool(i1 < i2)
}

/// `op-ilt`: `ilt_s_N(i1, i2) = bool(signed_N(i1) < signed_N(i2))`.
pub fn ilt_s<I: Int>(i1: I, i2: I) -> u32 {
    tobool(i1.signed() < i2.signed())
}

/// `op-igt`: `igt_u_N(i1, i2) = bool(i1 > i2)`.
pub fn igt_u<I: Int>(i1: I, i2: I) -> u32 {
    tobool(i1 > i2)
}

/// `op-igt`: `igt_s_N(i1, i2) = bool(signed_N(i1) > signed_N(i2))`.
pub fn igt_s<I: Int>(i1: I, i2: I) -> u32 {
    tobool(i1.signed() > i2.signed())
}

/// `op-ile`: `ile_u_N(i1, i2) = bool(i1 <= i2)`.
pub fn ile_u<I: Int>(i1: I, i2: I) -> u32 {
    tobool(i1 <= i2)
}

/// `op-ile`: `ile_s_N(i1, i2) = bool(signed_N(i1) <= signed_N(i2))`.
pub fn ile_s<I: Int>(i1: I, i2: I) -> u32 {
    tobool(i1.signed() <= i2.signed())
}

/// `op-ige`: `ige_u_N(i1, i2) = bool(i1 >= i2)`.
pub fn ige_u<I: Int>(i1: I, i2: I) -> u32 {
    tobool(i1 >= i2)
}

/// `op-ige`: `ige_s_N(i1, i2) = bool(signed_N(i1) >= signed_N(i2))`.
pub fn ige_s<I: Int>(i1: I, i2: I) -> u32 {
    tobool(i1.signed() >= i2.signed())
}

/// `op-iextendn`: `iextendMs_N(i) = extend_s_{M,N}(wrap_{N,M}(i))`: sign-extend the low `M`
/// bits of `i` (`i32.extend8_s` is `M = 8`, `N = 32`).
pub fn iextend_s<I: Int>(m: u32, i: I) -> I {
    let j = i.nat() & ((1 << m) - 1);
    I::wrap(signed(m, j))
}

/// `op-ibitselect`: `ibitselect_N(i1, i2, i3) = ior_N(iand_N(i1, i3), iand_N(i2, inot_N(i3)))`:
/// the bits of `i1` where `i3` has a 1, those of `i2` where it has a 0.
pub fn ibitselect<B: Bits>(i1: B, i2: B, i3: B) -> B {
    ior(iand(i1, i3), iand(i2, inot(i3)))
}

/// `op-iabs`: `iabs_N(i)` is `i` if `signed_N(i) >= 0`, else `-signed_N(i) mod 2^N` (so
/// `iabs_N(-2^(N-1)) = 2^(N-1)`).
pub fn iabs<I: Int>(i: I) -> I {
    if i.signed() >= 0 { i } else { ineg(i) }
}

/// `op-ineg`: `ineg_N(i) = (2^N - i) mod 2^N`.
pub fn ineg<I: Int>(i: I) -> I {
    i.wrapping_neg()
}

/// `op-imin`: `imin_u_N(i1, i2)` is `i1` if `ilt_u_N(i1, i2) = 1`, else `i2`.
pub fn imin_u<I: Int>(i1: I, i2: I) -> I {
    if ilt_u(i1, i2) == 1 { i1 } else { i2 }
}

/// `op-imin`: `imin_s_N(i1, i2)` is `i1` if `ilt_s_N(i1, i2) = 1`, else `i2`.
pub fn imin_s<I: Int>(i1: I, i2: I) -> I {
    if ilt_s(i1, i2) == 1 { i1 } else { i2 }
}

/// `op-imax`: `imax_u_N(i1, i2)` is `i1` if `igt_u_N(i1, i2) = 1`, else `i2`.
pub fn imax_u<I: Int>(i1: I, i2: I) -> I {
    if igt_u(i1, i2) == 1 { i1 } else { i2 }
}

/// `op-imax`: `imax_s_N(i1, i2)` is `i1` if `igt_s_N(i1, i2) = 1`, else `i2`.
pub fn imax_s<I: Int>(i1: I, i2: I) -> I {
    if igt_s(i1, i2) == 1 { i1 } else { i2 }
}

/// `op-iadd_sat`: `iadd_sat_u_N(i1, i2) = sat_u_N(i1 + i2)`.
pub fn iadd_sat_u<I: Int>(i1: I, i2: I) -> I {
    I::wrap(sat_u(I::N, i1.nat() + i2.nat()))
}

/// `op-iadd_sat`: `iadd_sat_s_N(i1, i2) = signed_N^-1(sat_s_N(signed_N(i1) + signed_N(i2)))`.
pub fn iadd_sat_s<I: Int>(i1: I, i2: I) -> I {
    I::wrap(sat_s(I::N, i1.signed() + i2.signed()))
}

/// `op-isub_sat`: `isub_sat_u_N(i1, i2) = sat_u_N(i1 - i2)`.
pub fn isub_sat_u<I: Int>(i1: I, i2: I) -> I {
    I::wrap(sat_u(I::N, i1.nat() - i2.nat()))
}

/// `op-isub_sat`: `isub_sat_s_N(i1, i2) = signed_N^-1(sat_s_N(signed_N(i1) - signed_N(i2)))`.
pub fn isub_sat_s<I: Int>(i1: I, i2: I) -> I {
    I::wrap(sat_s(I::N, i1.signed() - i2.signed()))
}

/// `op-iavgr`: `iavgr_u_N(i1, i2) = truncz((i1 + i2 + 1) / 2)`, the rounding average.
pub fn iavgr_u<I: Int>(i1: I, i2: I) -> I {
    I::wrap((i1.nat() + i2.nat() + 1) / 2)
}

/// `op-iq15mulrsat`: `iq15mulr_sat_s_N(i1, i2) = signed_N^-1(sat_s_N(ishr_s(i1 * i2 + 2^14, 15)))`,
/// on the signed interpretations: the rounding Q15 product, saturated (only
/// `-2^(N-1) * -2^(N-1)` at `N = 16` saturates).
pub fn iq15mulr_sat_s<I: Int>(i1: I, i2: I) -> I {
    // `>>` on i128 is the arithmetic shift: floor division by 2^15, as ishr_s is.
    I::wrap(sat_s(I::N, (i1.signed() * i2.signed() + (1 << 14)) >> 15))
}
