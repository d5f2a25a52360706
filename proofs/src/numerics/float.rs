//! Floating-point operations (spec 4.3.3, `exec/numerics.rst`; SpecTec `3.1-numerics.scalar`
//! declares them `hint(builtin)`, so the document's prose and equations are the definition
//! transliterated here) over exact reals.
//!
//! An `fN` is decoded from its bits ([`inv_fbits`]) into the spec's syntax: `±NaN(n)`, `±∞`,
//! or `±q` with `q` a non-negative rational (zero included), held exactly in an MPFR
//! [`Float`] of `signif(N) + 1` bits. Each operator takes the spec's cases in the spec's order;
//! its last case computes the real result exactly and rounds it once with [`ieee`], which is
//! `ieee_N` (aux-ieee): round to nearest, ties to even, at `signif(N) + 1` bits, in the
//! exponent range of `fN` with its subnormals, `±∞` at and past the limit. The result is a
//! [`Floats`]: one value, or a set `nans_N{z*}` ([`nans`]).

use std::cmp::Ordering;
use std::fmt;

use rug::float::Round;
use rug::ops::AssignRound;
use rug::{Float, Integer};

/// `signif(N)`, the bits of the significand: 23, 52.
pub fn signif(n: u32) -> u32 {
    match n {
        32 => 23,
        64 => 52,
        _ => panic!("no f{n}"),
    }
}

/// `expon(N)`, the bits of the exponent: 8, 11.
pub fn expon(n: u32) -> u32 {
    match n {
        32 => 8,
        64 => 11,
        _ => panic!("no f{n}"),
    }
}

/// The precision of `fN`'s significand, `signif(N) + 1` bits (24, 53).
pub fn prec(n: u32) -> u32 {
    signif(n) + 1
}

/// aux-fbias: `2^(expon(N) - 1) - 1`.
pub fn bias(n: u32) -> i32 {
    (1 << (expon(n) - 1)) - 1
}

/// `emin = 1 - bias`: the exponent of the smallest normal number.
fn emin(n: u32) -> i32 {
    1 - bias(n)
}

/// `canon_N = 2^(signif(N) - 1)`, the canonical NaN payload.
pub fn canon(n: u32) -> u64 {
    1 << (signif(n) - 1)
}

/// A value of `fN` (spec 2.2.3, floating-point): `±NaN(n)` with payload `1 <= n < 2^M`, `±∞`,
/// or `±q` with `q >= 0` exact (zero and subnormals included).
#[derive(Clone, Debug, PartialEq)]
pub enum Fv {
    Nan { neg: bool, payload: u64 },
    Inf { neg: bool },
    Num { neg: bool, mag: Float },
}

use Fv::{Inf, Nan, Num};

impl Fv {
    /// `+0` or `-0`.
    pub fn zero(neg: bool) -> Fv {
        Num { neg, mag: Float::new(64) }
    }

    pub fn is_nan(&self) -> bool {
        matches!(self, Nan { .. })
    }

    pub fn is_zero(&self) -> bool {
        matches!(self, Num { mag, .. } if mag.is_zero())
    }

    /// Whether the sign is negative (`fsign = 1`), of NaNs too.
    pub fn neg(&self) -> bool {
        match *self {
            Nan { neg, .. } | Inf { neg } | Num { neg, .. } => neg,
        }
    }

    /// The same value with sign `neg`.
    pub fn with_sign(&self, neg: bool) -> Fv {
        match self {
            Nan { payload, .. } => Nan { neg, payload: *payload },
            Inf { .. } => Inf { neg },
            Num { mag, .. } => Num { neg, mag: mag.clone() },
        }
    }

    /// The rational value `±q` of a number, exactly (`None` for NaNs and infinities).
    pub fn q(&self) -> Option<Float> {
        match self {
            Num { neg, mag } => Some(if *neg { -mag.clone() } else { mag.clone() }),
            _ => None,
        }
    }
}

/// aux-fbits: `fbits_N^-1(d*)`, the value of `fN` with the bits `bits`: sign, `expon(N)`
/// exponent bits `e`, `signif(N)` significand bits `m`. `e` all ones is `NaN(m)` (`m != 0`) or
/// `∞`; `e = 0` is `SUBNORM m = m * 2^(emin - M)`; else `NORM m (e - bias) =
/// (1 + m * 2^-M) * 2^(e - bias)`.
pub fn inv_fbits(n: u32, bits: u64) -> Fv {
    let (m_bits, e_bits) = (signif(n), expon(n));
    assert!(n == 64 || bits >> n == 0, "{bits:#x} has more than {n} bits");
    let neg = (bits >> (n - 1)) & 1 == 1;
    let e = (bits >> m_bits) & ((1 << e_bits) - 1);
    let m = bits & ((1 << m_bits) - 1);
    if e == (1 << e_bits) - 1 {
        return if m == 0 { Inf { neg } } else { Nan { neg, payload: m } };
    }
    let (significand, exp) = if e == 0 {
        (m, emin(n) - m_bits as i32)
    } else {
        ((1 << m_bits) + m, e as i32 - bias(n) - m_bits as i32)
    };
    let mut mag = Float::with_val(prec(n), significand);
    mag <<= exp;
    Num { neg, mag }
}

/// aux-fbits: `fbits_N(z)`, the bits of a value of `fN`. Panics if `z` is not one (a payload
/// out of range, a number not representable): the exact operators only produce values of
/// `fN`, so that would be a bug here.
pub fn fbits(n: u32, z: &Fv) -> u64 {
    let m_bits = signif(n);
    let sign = u64::from(z.neg()) << (n - 1);
    let e_max: u64 = (1 << expon(n)) - 1;
    sign | match z {
        Nan { payload, .. } => {
            assert!(*payload != 0 && *payload < 1 << m_bits, "NaN payload {payload:#x} in f{n}");
            e_max << m_bits | payload
        }
        Inf { .. } => e_max << m_bits,
        Num { mag, .. } if mag.is_zero() => 0,
        Num { mag, .. } => {
            // mag = i * 2^x, i > 0 an integer of at most prec(N) bits
            let (i, x) = mag.to_integer_exp().expect("a number");
            let i = i.to_u64().expect("at most 64 bits");
            let len = 64 - i.leading_zeros() as i32;
            let e = len - 1 + x; // 2^e <= mag < 2^(e+1)
            assert!(e <= bias(n), "{mag} overflows f{n}");
            // The exponent field, and the weight 2^lsb of the significand's last bit.
            let (biased, lsb) =
                if e < emin(n) { (0, emin(n) - m_bits as i32) } else { (e + bias(n), e - m_bits as i32) };
            // significand = mag / 2^lsb, an integer
            let shift = x - lsb;
            let significand = if shift >= 0 {
                assert!(len + shift <= 64);
                i << shift
            } else {
                assert!(-shift < 64 && (i >> -shift) << -shift == i, "{mag} is not in f{n}");
                i >> -shift
            };
            let fraction = if biased == 0 { significand } else { significand - (1 << m_bits) };
            assert!(fraction < 1 << m_bits);
            (biased as u64) << m_bits | fraction
        }
    }
}

/// A set of results of a float operator: one value, or `nans_N{z*}`.
#[derive(Clone, Debug, PartialEq)]
pub enum Floats {
    One(Fv),
    Nans(Nans),
}

/// `nans_N{z*}` (aux-nans), with both signs: the canonical NaNs if every NaN among `z*` is
/// canonical (or there is none), else all arithmetic NaNs (payload `>= canon_N`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Nans {
    Canonical,
    Arithmetic,
}

impl Floats {
    /// Whether the `fN` with bits `bits` is in this set.
    pub fn contains(&self, n: u32, bits: u64) -> bool {
        match self {
            Floats::One(z) => fbits(n, z) == bits,
            Floats::Nans(set) => match inv_fbits(n, bits) {
                Nan { payload, .. } => match set {
                    Nans::Canonical => payload == canon(n),
                    Nans::Arithmetic => payload >= canon(n),
                },
                _ => false,
            },
        }
    }

    /// Describes the set, with the bits of its value at `fN`.
    pub fn show(&self, n: u32) -> String {
        match self {
            Floats::One(z) => format!("{:#0w$x} ({})", fbits(n, z), Show(z), w = n as usize / 4 + 2),
            Floats::Nans(Nans::Canonical) => format!("a canonical NaN (±NaN({:#x}))", canon(n)),
            Floats::Nans(Nans::Arithmetic) => format!("an arithmetic NaN (±NaN(n), n >= {:#x})", canon(n)),
        }
    }
}

/// A value, as the spec writes it (numbers in decimal).
pub struct Show<'a>(pub &'a Fv);

impl fmt::Display for Show<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = if self.0.neg() { '-' } else { '+' };
        match self.0 {
            Nan { payload, .. } => write!(f, "{s}NaN({payload:#x})"),
            Inf { .. } => write!(f, "{s}∞"),
            // Every number of f32 and f64 is one of f64: shown exactly, as the shortest
            // decimal that reads back as it.
            Num { mag, .. } => write!(f, "{s}{:?}", mag.to_f64()),
        }
    }
}

/// aux-nans: `nans_N{z*}`.
pub fn nans(n: u32, z: &[&Fv]) -> Floats {
    let canonical = z.iter().all(|z| match z {
        Nan { payload, .. } => *payload == canon(n),
        _ => true,
    });
    Floats::Nans(if canonical { Nans::Canonical } else { Nans::Arithmetic })
}

/// aux-ieee: `ieee_N(r)`, the real `r` (given as an MPFR computation, which is carried out
/// exactly and rounded once here) rounded to nearest, ties to even, in `fN`:
///
/// * `r = 0` gives `+0`;
/// * otherwise `r` is rounded to `signif(N) + 1` significant bits with the exponent unbounded,
///   then to the subnormal grid `2^(emin - M)` if it lies below `2^emin` (MPFR's subnormal
///   emulation, which uses the first rounding's direction so that the two roundings make one);
/// * a result that rounded to zero keeps the sign of `r`, and one at or past the limit
///   `2^(2^(expon(N) - 1))` is `±∞` (the limit counts as even, so halfway between the largest
///   finite number and the limit goes to `∞`, as the spec's candidate pairs say).
pub fn ieee<T>(n: u32, r: T) -> Fv
where
    Float: AssignRound<T, Round = Round, Ordering = Ordering>,
{
    let (mut z, dir) = Float::with_val_round(prec(n), r, Round::Nearest);
    if z.is_zero() {
        // MPFR's exponent range reaches far below any product of two fN: only r = 0 is 0.
        return Fv::zero(false);
    }
    let neg = z.is_sign_negative();
    // MPFR writes numbers as 0.1b* x 2^exp: the smallest normal 2^emin has exp = emin + 1.
    z.subnormalize_round(emin(n) + 1, dir, Round::Nearest);
    let z = z.abs();
    match z.get_exp() {
        // Rounded to zero (below half the smallest subnormal): the sign of r.
        None => Fv::zero(neg),
        // At or past the limit 2^(2^(expon(N) - 1)): MPFR's exponent e has 2^(e-1) <= z < 2^e.
        Some(e) if e > 1 << (expon(n) - 1) => Inf { neg },
        Some(_) => Num { neg, mag: z },
    }
}

/// `ieee_N(i)` of an integer.
pub fn ieee_int(n: u32, i: &Integer) -> Fv {
    ieee(n, i)
}

/// `op-fadd` (SpecTec `$fadd_`, builtin): `fadd_N(z1, z2)`.
pub fn fadd(n: u32, z1: &Fv, z2: &Fv) -> Floats {
    Floats::One(match (z1, z2) {
        (Nan { .. }, _) | (_, Nan { .. }) => return nans(n, &[z1, z2]),
        (Inf { neg: s1 }, Inf { neg: s2 }) if s1 != s2 => return nans(n, &[]),
        (Inf { .. }, Inf { .. }) => z1.clone(),
        (_, Inf { .. }) => z2.clone(),
        (Inf { .. }, _) => z1.clone(),
        _ if z1.is_zero() && z2.is_zero() && z1.neg() != z2.neg() => Fv::zero(false),
        _ if z1.is_zero() && z2.is_zero() => z1.clone(),
        _ if z2.is_zero() => z1.clone(),
        _ if z1.is_zero() => z2.clone(),
        _ => {
            let (q1, q2) = (z1.q().unwrap(), z2.q().unwrap());
            if q1 == -q2.clone() { Fv::zero(false) } else { ieee(n, &q1 + &q2) }
        }
    })
}

/// `op-fsub` (SpecTec `$fsub_`, builtin): `fsub_N(z1, z2)`.
pub fn fsub(n: u32, z1: &Fv, z2: &Fv) -> Floats {
    Floats::One(match (z1, z2) {
        (Nan { .. }, _) | (_, Nan { .. }) => return nans(n, &[z1, z2]),
        (Inf { neg: s1 }, Inf { neg: s2 }) if s1 == s2 => return nans(n, &[]),
        (Inf { .. }, Inf { .. }) => z1.clone(),
        (_, Inf { neg }) => Inf { neg: !neg },
        (Inf { .. }, _) => z1.clone(),
        _ if z1.is_zero() && z2.is_zero() && z1.neg() == z2.neg() => Fv::zero(false),
        _ if z1.is_zero() && z2.is_zero() => z1.clone(),
        _ if z2.is_zero() => z1.clone(),
        _ if z1.is_zero() => z2.with_sign(!z2.neg()),
        _ => {
            let (q1, q2) = (z1.q().unwrap(), z2.q().unwrap());
            if q1 == q2 { Fv::zero(false) } else { ieee(n, &q1 - &q2) }
        }
    })
}

/// `op-fmul` (SpecTec `$fmul_`, builtin): `fmul_N(z1, z2)`. A zero times a number is the zero with the exclusive or of
/// the signs: the equations would give `ieee_N(0) = +0` for `-0 * q`, but the arithmetic is
/// IEEE 754's (4.3.3), and the official suite expects `-0` there.
pub fn fmul(n: u32, z1: &Fv, z2: &Fv) -> Floats {
    let sign = z1.neg() != z2.neg();
    Floats::One(match (z1, z2) {
        (Nan { .. }, _) | (_, Nan { .. }) => return nans(n, &[z1, z2]),
        (Inf { .. }, _) if z2.is_zero() => return nans(n, &[]),
        (_, Inf { .. }) if z1.is_zero() => return nans(n, &[]),
        (Inf { .. }, _) | (_, Inf { .. }) => Inf { neg: sign },
        _ if z1.is_zero() && z2.is_zero() => Fv::zero(sign),
        _ if z1.is_zero() || z2.is_zero() => Fv::zero(sign),
        _ => ieee(n, &z1.q().unwrap() * &z2.q().unwrap()),
    })
}

/// `op-fdiv` (SpecTec `$fdiv_`, builtin): `fdiv_N(z1, z2)`.
pub fn fdiv(n: u32, z1: &Fv, z2: &Fv) -> Floats {
    let sign = z1.neg() != z2.neg();
    Floats::One(match (z1, z2) {
        (Nan { .. }, _) | (_, Nan { .. }) => return nans(n, &[z1, z2]),
        (Inf { .. }, Inf { .. }) => return nans(n, &[]),
        _ if z1.is_zero() && z2.is_zero() => return nans(n, &[z1, z2]),
        (Inf { .. }, _) => Inf { neg: sign },
        (_, Inf { .. }) => Fv::zero(sign),
        _ if z1.is_zero() => Fv::zero(sign),
        _ if z2.is_zero() => Inf { neg: sign },
        _ => ieee(n, &z1.q().unwrap() / &z2.q().unwrap()),
    })
}

/// `op-fma` (no SpecTec definition; the document's prose and equations): `fma_N(z1, z2, z3)`, IEEE 754 fusedMultiplyAdd: `z1 * z2 + z3` computed exactly,
/// rounded once.
pub fn fma(n: u32, z1: &Fv, z2: &Fv, z3: &Fv) -> Floats {
    let psign = z1.neg() != z2.neg();
    let is_inf = |z: &Fv| matches!(z, Inf { .. });
    Floats::One(match (z1, z2, z3) {
        (Nan { .. }, _, _) | (_, Nan { .. }, _) | (_, _, Nan { .. }) => return nans(n, &[z1, z2, z3]),
        _ if (is_inf(z1) && z2.is_zero()) || (z1.is_zero() && is_inf(z2)) => return nans(n, &[]),
        // An infinite product plus the infinity of the opposite sign.
        (_, _, Inf { neg }) if (is_inf(z1) || is_inf(z2)) && *neg != psign => return nans(n, &[]),
        _ if is_inf(z1) || is_inf(z2) => Inf { neg: psign },
        (_, _, Inf { .. }) => z3.clone(),
        _ if z1.is_zero() && z2.is_zero() && z3.is_zero() && !psign => Fv::zero(false),
        _ if z1.is_zero() && z2.is_zero() && z3.is_zero() => z3.clone(),
        _ => {
            let (q1, q2, q3) = (z1.q().unwrap(), z2.q().unwrap(), z3.q().unwrap());
            // An exact zero sum is +0, as IEEE 754 rounds to nearest, but a zero product plus a
            // zero of the same sign keeps it (the equations leave both to `ieee_N(0)`).
            let exact = Float::with_val(2 * prec(n), &q1 * &q2);
            if exact == -q3.clone() {
                if z3.is_zero() { Fv::zero(psign && z3.neg()) } else { Fv::zero(false) }
            } else {
                ieee(n, q1.mul_add_ref(&q2, &q3))
            }
        }
    })
}

/// The order of the extended reals on two values that are not NaNs (`±0` equal).
fn order(z1: &Fv, z2: &Fv) -> Ordering {
    match (z1, z2) {
        (Inf { neg: a }, Inf { neg: b }) => b.cmp(a),
        (Inf { neg }, _) => {
            if *neg {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (_, Inf { neg }) => {
            if *neg {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        _ => z1.q().unwrap().partial_cmp(&z2.q().unwrap()).unwrap(),
    }
}

/// `op-fmin` (SpecTec `$fmin_`, builtin): `fmin_N(z1, z2)`.
pub fn fmin(n: u32, z1: &Fv, z2: &Fv) -> Floats {
    Floats::One(match (z1, z2) {
        (Nan { .. }, _) | (_, Nan { .. }) => return nans(n, &[z1, z2]),
        (Inf { neg: false }, _) => z2.clone(),
        (Inf { neg: true }, _) => z1.clone(),
        (_, Inf { neg: false }) => z1.clone(),
        (_, Inf { neg: true }) => z2.clone(),
        _ if z1.is_zero() && z2.is_zero() && z1.neg() != z2.neg() => Fv::zero(true),
        _ if order(z1, z2) != Ordering::Greater => z1.clone(),
        _ => z2.clone(),
    })
}

/// `op-fmax` (SpecTec `$fmax_`, builtin): `fmax_N(z1, z2)`.
pub fn fmax(n: u32, z1: &Fv, z2: &Fv) -> Floats {
    Floats::One(match (z1, z2) {
        (Nan { .. }, _) | (_, Nan { .. }) => return nans(n, &[z1, z2]),
        (Inf { neg: false }, _) => z1.clone(),
        (Inf { neg: true }, _) => z2.clone(),
        (_, Inf { neg: false }) => z2.clone(),
        (_, Inf { neg: true }) => z1.clone(),
        _ if z1.is_zero() && z2.is_zero() && z1.neg() != z2.neg() => Fv::zero(false),
        _ if order(z1, z2) != Ordering::Less => z1.clone(),
        _ => z2.clone(),
    })
}

/// `op-fcopysign` (SpecTec `$fcopysign_`, builtin): `fcopysign_N(z1, z2)`, `z1` with the sign of `z2` (NaNs included).
pub fn fcopysign(_n: u32, z1: &Fv, z2: &Fv) -> Floats {
    Floats::One(z1.with_sign(z2.neg()))
}

/// `op-fabs` (SpecTec `$fabs_`, builtin): `fabs_N(z)`, `z` with positive sign (NaNs included).
pub fn fabs(_n: u32, z: &Fv) -> Floats {
    Floats::One(z.with_sign(false))
}

/// `op-fneg` (SpecTec `$fneg_`, builtin): `fneg_N(z)`, `z` with the opposite sign (NaNs included).
pub fn fneg(_n: u32, z: &Fv) -> Floats {
    Floats::One(z.with_sign(!z.neg()))
}

/// `op-fsqrt` (SpecTec `$fsqrt_`, builtin): `fsqrt_N(z)`.
pub fn fsqrt(n: u32, z: &Fv) -> Floats {
    Floats::One(match z {
        Nan { .. } => return nans(n, &[z]),
        Inf { neg: true } => return nans(n, &[]),
        Inf { neg: false } => z.clone(),
        _ if z.is_zero() => z.clone(),
        Num { neg: true, .. } => return nans(n, &[]),
        Num { mag, .. } => ieee(n, mag.sqrt_ref()),
    })
}

/// The integer `i` of a finite value's rational `q`, rounded as `round` says.
fn integer(q: &Float, round: Round) -> Integer {
    q.to_integer_round(round).expect("a number").0
}

/// `op-fceil` (SpecTec `$fceil_`, builtin): `fceil_N(z)`: `ieee_N(i)` for the integer `i` with `z <= i < z + 1`.
pub fn fceil(n: u32, z: &Fv) -> Floats {
    Floats::One(match z {
        Nan { .. } => return nans(n, &[z]),
        Inf { .. } => z.clone(),
        _ if z.is_zero() => z.clone(),
        Num { neg: true, mag } if *mag < 1 => Fv::zero(true),
        _ => ieee_int(n, &integer(&z.q().unwrap(), Round::Up)),
    })
}

/// `op-ffloor` (SpecTec `$ffloor_`, builtin): `ffloor_N(z)`: `ieee_N(i)` for the integer `i` with `z - 1 < i <= z`.
pub fn ffloor(n: u32, z: &Fv) -> Floats {
    Floats::One(match z {
        Nan { .. } => return nans(n, &[z]),
        Inf { .. } => z.clone(),
        _ if z.is_zero() => z.clone(),
        Num { neg: false, mag } if *mag < 1 => Fv::zero(false),
        _ => ieee_int(n, &integer(&z.q().unwrap(), Round::Down)),
    })
}

/// `op-ftrunc` (SpecTec `$ftrunc_`, builtin): `ftrunc_N(±q) = ieee_N(±i)` for the integer `i` with `q - 1 < i <= q`.
pub fn ftrunc(n: u32, z: &Fv) -> Floats {
    Floats::One(match z {
        Nan { .. } => return nans(n, &[z]),
        Inf { .. } => z.clone(),
        _ if z.is_zero() => z.clone(),
        Num { neg, mag } if *mag < 1 => Fv::zero(*neg),
        Num { neg, mag } => {
            let i = integer(mag, Round::Down);
            ieee_int(n, &if *neg { -i } else { i })
        }
    })
}

/// `op-fnearest` (SpecTec `$fnearest_`, builtin): `fnearest_N(±q) = ieee_N(±i)` for the integer `i` with `|i - q| < 0.5`, or
/// with `|i - q| = 0.5` and `i` even.
pub fn fnearest(n: u32, z: &Fv) -> Floats {
    Floats::One(match z {
        Nan { .. } => return nans(n, &[z]),
        Inf { .. } => z.clone(),
        _ if z.is_zero() => z.clone(),
        Num { neg, mag } if *mag <= 0.5 => Fv::zero(*neg),
        Num { neg, mag } => {
            // The two integers around q, and twice the distance from the lower one (exact: q
            // has prec(N) bits, so q - floor(q) has at most that many).
            let lo = integer(mag, Round::Down);
            let twice = Float::with_val(2 * prec(n) + 2, mag - &lo) * 2u32;
            let i = match twice.partial_cmp(&1).unwrap() {
                Ordering::Less => lo,
                Ordering::Greater => lo + 1u32,
                Ordering::Equal => {
                    if lo.is_even() {
                        lo
                    } else {
                        lo + 1u32
                    }
                }
            };
            ieee_int(n, &if *neg { -i } else { i })
        }
    })
}

/// Whether two values that are not NaNs are the same value (`+0` and `-0` are not).
fn same(z1: &Fv, z2: &Fv) -> bool {
    z1 == z2
}

/// `op-feq` (SpecTec `$feq_`, builtin): `feq_N(z1, z2)`.
pub fn feq(_n: u32, z1: &Fv, z2: &Fv) -> bool {
    match (z1, z2) {
        (Nan { .. }, _) | (_, Nan { .. }) => false,
        _ if z1.is_zero() && z2.is_zero() => true,
        _ => order(z1, z2) == Ordering::Equal,
    }
}

/// `op-fne` (SpecTec `$fne_`, builtin): `fne_N(z1, z2)`.
pub fn fne(_n: u32, z1: &Fv, z2: &Fv) -> bool {
    match (z1, z2) {
        (Nan { .. }, _) | (_, Nan { .. }) => true,
        _ if z1.is_zero() && z2.is_zero() => false,
        _ => order(z1, z2) != Ordering::Equal,
    }
}

/// `op-flt` (SpecTec `$flt_`, builtin): `flt_N(z1, z2)`.
pub fn flt(_n: u32, z1: &Fv, z2: &Fv) -> bool {
    match (z1, z2) {
        (Nan { .. }, _) | (_, Nan { .. }) => false,
        _ if same(z1, z2) => false,
        (Inf { neg: false }, _) => false,
        (Inf { neg: true }, _) => true,
        (_, Inf { neg: false }) => true,
        (_, Inf { neg: true }) => false,
        _ if z1.is_zero() && z2.is_zero() => false,
        _ => order(z1, z2) == Ordering::Less,
    }
}

/// `op-fgt` (SpecTec `$fgt_`, builtin): `fgt_N(z1, z2)`.
pub fn fgt(_n: u32, z1: &Fv, z2: &Fv) -> bool {
    match (z1, z2) {
        (Nan { .. }, _) | (_, Nan { .. }) => false,
        _ if same(z1, z2) => false,
        (Inf { neg: false }, _) => true,
        (Inf { neg: true }, _) => false,
        (_, Inf { neg: false }) => false,
        (_, Inf { neg: true }) => true,
        _ if z1.is_zero() && z2.is_zero() => false,
        _ => order(z1, z2) == Ordering::Greater,
    }
}

/// `op-fle` (SpecTec `$fle_`, builtin): `fle_N(z1, z2)`.
pub fn fle(_n: u32, z1: &Fv, z2: &Fv) -> bool {
    match (z1, z2) {
        (Nan { .. }, _) | (_, Nan { .. }) => false,
        _ if same(z1, z2) => true,
        (Inf { neg: false }, _) => false,
        (Inf { neg: true }, _) => true,
        (_, Inf { neg: false }) => true,
        (_, Inf { neg: true }) => false,
        _ if z1.is_zero() && z2.is_zero() => true,
        _ => order(z1, z2) != Ordering::Greater,
    }
}

/// `op-fge` (SpecTec `$fge_`, builtin): `fge_N(z1, z2)`.
pub fn fge(_n: u32, z1: &Fv, z2: &Fv) -> bool {
    match (z1, z2) {
        (Nan { .. }, _) | (_, Nan { .. }) => false,
        _ if same(z1, z2) => true,
        (Inf { neg: false }, _) => true,
        (Inf { neg: true }, _) => false,
        (_, Inf { neg: false }) => false,
        (_, Inf { neg: true }) => true,
        _ if z1.is_zero() && z2.is_zero() => true,
        _ => order(z1, z2) != Ordering::Less,
    }
}

/// `op-fpmin` (SpecTec `$fpmin_`, builtin): `fpmin_N(z1, z2)` is `z2` if `flt_N(z2, z1) = 1`, else `z1` (as it is, a NaN
/// included).
pub fn fpmin(n: u32, z1: &Fv, z2: &Fv) -> Floats {
    Floats::One(if flt(n, z2, z1) { z2.clone() } else { z1.clone() })
}

/// `op-fpmax` (SpecTec `$fpmax_`, builtin): `fpmax_N(z1, z2)` is `z2` if `flt_N(z1, z2) = 1`, else `z1`.
pub fn fpmax(n: u32, z1: &Fv, z2: &Fv) -> Floats {
    Floats::One(if flt(n, z1, z2) { z2.clone() } else { z1.clone() })
}

/// `op-frelaxed_madd` (SpecTec `$frelaxed_madd_`, builtin) under `R_fmadd = r`: `relaxed(R_fmadd)[fadd_N(fmul_N(z1, z2), z3),
/// fma_N(z1, z2, z3)]`. The unfused alternative adds `z3` to every member of the product's
/// set: for a NaN product that is `nans_N` of a NaN of the product's set and `z3`, the
/// arithmetic set unless both are canonical.
pub fn frelaxed_madd(n: u32, r: u8, z1: &Fv, z2: &Fv, z3: &Fv) -> Floats {
    if r != 0 {
        return fma(n, z1, z2, z3);
    }
    match fmul(n, z1, z2) {
        Floats::One(p) => fadd(n, &p, z3),
        Floats::Nans(set) => {
            let payload = match set {
                Nans::Canonical => canon(n),
                Nans::Arithmetic => canon(n) | 1,
            };
            nans(n, &[&Nan { neg: false, payload }, z3])
        }
    }
}

/// `op-frelaxed_nmadd` (SpecTec `$frelaxed_nmadd_`, builtin) under `R_fmadd = r`: `frelaxed_madd_N(-z1, z2, z3)`.
pub fn frelaxed_nmadd(n: u32, r: u8, z1: &Fv, z2: &Fv, z3: &Fv) -> Floats {
    frelaxed_madd(n, r, &z1.with_sign(!z1.neg()), z2, z3)
}
