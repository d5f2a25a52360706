//! Integer operators: edge cases by hand, then every operator at every width against its
//! definition in unbounded arithmetic.

use super::{check, modn, signed};
use crate::exec::numerics::Trap::{IntegerDivideByZero, IntegerOverflow};
use crate::exec::numerics::*;

#[test]
fn wrap_around() {
    assert_eq!(iadd(u32::MAX, 1), 0);
    assert_eq!(iadd(200u8, 100), 44);
    assert_eq!(isub(0u32, 1), u32::MAX);
    assert_eq!(imul(0x8000_0000u32, 2), 0);
    assert_eq!(imul(u64::MAX, u64::MAX), 1);
    assert_eq!(ineg(0u32), 0);
    assert_eq!(ineg(1u16), 0xffff);
}

#[test]
fn division() {
    let min = 0x8000_0000u32;
    let m1 = u32::MAX; // -1
    assert_eq!(idiv_u(7u32, 2), Ok(3));
    assert_eq!(idiv_u(7u32, 0), Err(IntegerDivideByZero));
    assert_eq!(idiv_s(min, m1), Err(IntegerOverflow));
    assert_eq!(idiv_s(0u32, 0), Err(IntegerDivideByZero));
    assert_eq!(idiv_s(min, 0), Err(IntegerDivideByZero));
    // truncz rounds toward zero: -7 / 2 = -3, 7 / -2 = -3.
    assert_eq!(idiv_s(-7i32 as u32, 2), Ok(-3i32 as u32));
    assert_eq!(idiv_s(7u32, -2i32 as u32), Ok(-3i32 as u32));
    assert_eq!(idiv_s(min, 2), Ok(0xc000_0000));
    assert_eq!(idiv_s(1u64 << 63, u64::MAX), Err(IntegerOverflow));
    // The remainder has the sign of the dividend; -2^(N-1) rem -1 is defined, 0.
    assert_eq!(irem_s(-7i32 as u32, 2), Ok(-1i32 as u32));
    assert_eq!(irem_s(7u32, -2i32 as u32), Ok(1));
    assert_eq!(irem_s(min, m1), Ok(0));
    assert_eq!(irem_s(1u64 << 63, u64::MAX), Ok(0));
    assert_eq!(irem_s(5u32, 0), Err(IntegerDivideByZero));
    assert_eq!(irem_u(u32::MAX, 10), Ok(5));
    assert_eq!(irem_u(5u32, 0), Err(IntegerDivideByZero));
}

#[test]
fn shifts_take_the_count_mod_n() {
    assert_eq!(ishl(1u32, 33), 2);
    assert_eq!(ishl(1u32, 32), 1);
    assert_eq!(ishl(1u8, 9), 2);
    assert_eq!(ishl(1u64, 64 + 63), 1 << 63);
    assert_eq!(ishr_u(0x8000_0000u32, 31), 1);
    assert_eq!(ishr_s(0x8000_0000u32, 31), u32::MAX);
    assert_eq!(ishr_s(0x8000_0000u32, 32), 0x8000_0000);
    assert_eq!(ishr_s(0x80u8, 7 + 8), 0xff);
    assert_eq!(ishr_s(0x40u8, 6), 1);
    assert_eq!(irotl(0x8000_0001u32, 1), 3);
    assert_eq!(irotr(1u32, 1), 0x8000_0000);
    assert_eq!(irotl(1u64, 65), 2);
    assert_eq!(irotr(1u64, u64::MAX), 2); // 2^64 - 1 mod 64 = 63
}

#[test]
fn bit_counts() {
    assert_eq!(iclz(0u32), 32);
    assert_eq!(ictz(0u64), 64);
    assert_eq!(iclz(1u8), 7);
    assert_eq!(ictz(0x80u8), 7);
    assert_eq!(ipopcnt(u32::MAX), 32);
    assert_eq!(ipopcnt(0x8000_0001_0000_0001u64), 3);
    assert_eq!(irev(1u8), 0x80);
    assert_eq!(irev(0x0000_00f1u32), 0x8f00_0000);
}

#[test]
fn tests_and_relations() {
    assert_eq!((ieqz(0u32), ieqz(5u32), inez(0u128), inez(1u128 << 127)), (1, 0, 0, 1));
    let m1 = u32::MAX;
    assert_eq!((ilt_u(m1, 0), ilt_s(m1, 0)), (0, 1));
    assert_eq!((igt_u(m1, 0), igt_s(m1, 0)), (1, 0));
    assert_eq!((ile_u(3u32, 3), ile_s(0x8000_0000u32, 0x7fff_ffff)), (1, 1));
    assert_eq!((ige_u(2u32, 3), ige_s(0u32, m1)), (0, 1));
    assert_eq!((ieq(7u8, 7), ine(7u8, 7)), (1, 0));
}

#[test]
fn sign_extension() {
    assert_eq!(iextend_s(8, 0x80u32), 0xffff_ff80);
    assert_eq!(iextend_s(8, 0x17fu32), 0x7f);
    assert_eq!(iextend_s(16, 0x8000u32), 0xffff_8000);
    assert_eq!(iextend_s(32, 0x8000_0000u64), 0xffff_ffff_8000_0000);
    assert_eq!(iextend_s(32, 0x1_7fff_ffffu64), 0x7fff_ffff);
}

#[test]
fn bitwise() {
    assert_eq!(ibitselect(0xf0u8, 0x0f, 0xcc), 0xc3);
    assert_eq!(iandnot(0xffu8, 0x0f), 0xf0);
    assert_eq!(inot(0u128), u128::MAX);
}

#[test]
fn abs_min_max() {
    assert_eq!(iabs(0x8000_0000u32), 0x8000_0000);
    assert_eq!(iabs(-5i32 as u32), 5);
    assert_eq!(iabs(5u32), 5);
    assert_eq!((imin_s(0xffu8, 1), imin_u(0xffu8, 1)), (0xff, 1));
    assert_eq!((imax_s(0xffu8, 1), imax_u(0xffu8, 1)), (1, 0xff));
}

#[test]
fn saturation() {
    assert_eq!(iadd_sat_u(200u8, 100), 255);
    assert_eq!(iadd_sat_s(100u8, 100), 0x7f);
    assert_eq!(iadd_sat_s(0x80u8, 0xff), 0x80); // -128 + -1
    assert_eq!(isub_sat_u(1u8, 2), 0);
    assert_eq!(isub_sat_s(0x80u8, 1), 0x80); // -128 - 1
    assert_eq!(isub_sat_s(0x7fu8, 0xff), 0x7f); // 127 - -1
    assert_eq!(isub_sat_s(0x8000u16, 0x7fff), 0x8000);
    assert_eq!(iadd_sat_u(0xffffu16, 0xffff), 0xffff);
}

#[test]
fn rounding_average() {
    assert_eq!(iavgr_u(255u8, 255), 255);
    assert_eq!(iavgr_u(0u8, 1), 1);
    assert_eq!(iavgr_u(1u8, 2), 2);
    assert_eq!(iavgr_u(0xffffu16, 0), 0x8000);
}

#[test]
fn q15_multiplication() {
    // (-1) * (-1) = 1 overflows Q15: (2^30 + 2^14) >> 15 = 2^15, saturated to 2^15 - 1.
    assert_eq!(iq15mulr_sat_s(0x8000u16, 0x8000), 0x7fff);
    assert_eq!(iq15mulr_sat_s(0x4000u16, 0x4000), 0x2000); // 0.5 * 0.5
    // Rounding: 2^-15 * 0.5 is half an ulp, rounded up; -2^-15 * 0.5 rounds up to 0.
    assert_eq!(iq15mulr_sat_s(1u16, 0x4000), 1);
    assert_eq!(iq15mulr_sat_s(0xffffu16, 0x4000), 0);
    assert_eq!(iq15mulr_sat_s(0xffffu16, 0x4001), 0xffff);
    assert_eq!(iq15mulr_sat_s(0x8000u16, 0x7fff), 0x8001);
}

/// Every operator at one width, against the spec's definitions in `i128`.
macro_rules! properties {
    ($name:ident, $u:ty) => {
        mod $name {
            use super::*;
            const N: u32 = <$u>::BITS;

            fn nat(i: $u) -> i128 {
                i as i128
            }
            fn s(i: $u) -> i128 {
                signed(N, i as u128)
            }
            fn iw(i: i128) -> $u {
                modn(N, i) as $u
            }
            fn bits(i: $u) -> Vec<u8> {
                (0..N).rev().map(|k| ((i >> k) & 1) as u8).collect()
            }

            #[test]
            fn arithmetic_mod_2n() {
                check(2000, (|a: $u, b: $u| {
                    iadd(a, b) == iw(nat(a) + nat(b))
                        && isub(a, b) == iw(nat(a) - nat(b) + (1 << N))
                        && imul(a, b) as u128 == (a as u128 * b as u128) % (1 << N)
                        && ineg(a) == iw((1 << N) - nat(a))
                        && iabs(a) == if s(a) >= 0 { a } else { iw(-s(a)) }
                }) as fn($u, $u) -> bool);
            }

            #[test]
            fn division_truncates_toward_zero() {
                check(2000, (|a: $u, b: $u| {
                    let (j1, j2) = (s(a), s(b));
                    let div_s = if j2 == 0 {
                        Err(IntegerDivideByZero)
                    } else if j1 / j2 == 1 << (N - 1) {
                        Err(IntegerOverflow)
                    } else {
                        Ok(iw(j1 / j2))
                    };
                    let rem_s = if j2 == 0 {
                        Err(IntegerDivideByZero)
                    } else {
                        Ok(iw(j1 - j2 * (j1 / j2)))
                    };
                    let zero = Err(IntegerDivideByZero);
                    idiv_s(a, b) == div_s
                        && irem_s(a, b) == rem_s
                        && idiv_u(a, b) == if b == 0 { zero } else { Ok(iw(nat(a) / nat(b))) }
                        && irem_u(a, b) == if b == 0 { zero } else { Ok(iw(nat(a) % nat(b))) }
                        // The identity the spec notes: i1 = i2 * div(i1, i2) + rem(i1, i2).
                        && (idiv_s(a, b).is_err()
                            || iadd(imul(b, idiv_s(a, b).unwrap()), irem_s(a, b).unwrap()) == a)
                }) as fn($u, $u) -> bool);
            }

            #[test]
            fn shifts_and_rotations() {
                check(2000, (|a: $u, b: u32| {
                    let k = b % N;
                    let rot = |a: $u, k: u32| ((a as u128) << k | (a as u128) >> (N - k)) as $u;
                    // Rotating right by k is rotating left by N - k.
                    let r = (b as $u as u128 % N as u128) as u32;
                    ishl(a, b) as u128 == ((a as u128) << k) % (1 << N)
                        && ishr_u(a, b) == iw(nat(a) / (1 << k))
                        && ishr_s(a, b) == iw(s(a).div_euclid(1 << k))
                        && irotl(a, b as $u) == rot(a, r)
                        && irotr(a, b as $u) == rot(a, (N - r) % N)
                }) as fn($u, u32) -> bool);
            }

            #[test]
            fn bit_counts() {
                check(2000, (|a: $u| {
                    let d = bits(a);
                    let clz = d.iter().take_while(|&&d| d == 0).count() as $u;
                    let ctz = d.iter().rev().take_while(|&&d| d == 0).count() as $u;
                    let popcnt = d.iter().filter(|&&d| d == 1).count() as $u;
                    let rev: Vec<u8> = d.iter().rev().copied().collect();
                    iclz(a) == clz && ictz(a) == ctz && ipopcnt(a) == popcnt && bits(irev(a)) == rev
                }) as fn($u) -> bool);
            }

            #[test]
            fn relations() {
                check(2000, (|a: $u, b: $u| {
                    let t = |c: bool| c as u32;
                    ieqz(a) == t(a == 0)
                        && inez(a) == t(a != 0)
                        && ieq(a, b) == t(a == b)
                        && ine(a, b) == t(a != b)
                        && ilt_u(a, b) == t(nat(a) < nat(b))
                        && ilt_s(a, b) == t(s(a) < s(b))
                        && igt_u(a, b) == t(nat(a) > nat(b))
                        && igt_s(a, b) == t(s(a) > s(b))
                        && ile_u(a, b) == t(nat(a) <= nat(b))
                        && ile_s(a, b) == t(s(a) <= s(b))
                        && ige_u(a, b) == t(nat(a) >= nat(b))
                        && ige_s(a, b) == t(s(a) >= s(b))
                        && imin_u(a, b) == iw(nat(a).min(nat(b)))
                        && imin_s(a, b) == iw(s(a).min(s(b)))
                        && imax_u(a, b) == iw(nat(a).max(nat(b)))
                        && imax_s(a, b) == iw(s(a).max(s(b)))
                }) as fn($u, $u) -> bool);
            }

            #[test]
            fn saturating_and_rounding() {
                check(2000, (|a: $u, b: $u| {
                    let sat_u = |i: i128| iw(i.clamp(0, (1 << N) - 1));
                    let sat_s = |i: i128| iw(i.clamp(-(1 << (N - 1)), (1 << (N - 1)) - 1));
                    iadd_sat_u(a, b) == sat_u(nat(a) + nat(b))
                        && iadd_sat_s(a, b) == sat_s(s(a) + s(b))
                        && isub_sat_u(a, b) == sat_u(nat(a) - nat(b))
                        && isub_sat_s(a, b) == sat_s(s(a) - s(b))
                        && iavgr_u(a, b) == iw((nat(a) + nat(b) + 1) / 2)
                        && iq15mulr_sat_s(a, b)
                            == sat_s((s(a) * s(b) + (1 << 14)).div_euclid(1 << 15))
                }) as fn($u, $u) -> bool);
            }

            #[test]
            fn extension_and_bitselect() {
                check(2000, (|a: $u, b: $u, c: $u, m: u8| {
                    let m = u32::from(m) % N + 1;
                    let low = nat(a) % (1 << m);
                    let ext = if low >= 1 << (m - 1) { low - (1 << m) } else { low };
                    iextend_s(m, a) == iw(ext) && ibitselect(a, b, c) == (a & c) | (b & !c)
                }) as fn($u, $u, $u, u8) -> bool);
            }
        }
    };
}

properties!(n8, u8);
properties!(n16, u16);
properties!(n32, u32);
properties!(n64, u64);
