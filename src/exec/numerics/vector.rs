//! Vector operations (spec 4.3.5, SpecTec `3.2-numerics.vector`): lanes, the lane-wise
//! lifting of the scalar operators, the operators over whole lane sequences (`ivbitmask`,
//! `ivswizzle`, `ivshuffle`, `ivadd_pairwise`, `ivdot`, ...), and the dispatch of every vector
//! instruction to them.
//!
//! Operators on lane sequences take slices and return [`Lanes`], a sequence of at most 16
//! lanes kept on the stack: nothing here allocates.

use std::ops::Deref;

use crate::syntax::{
    Half, Num, Relop, Shape, Sx, V128, VBinop, VCvtop, VExtbinop, VExtternop, VExtunop, VFBinop, VIBinop,
    VIUnop, VShiftop, VSwizzlop, VTernop, VTestop, VUnop, VVbinop, VVternop, VVtestop, VVunop,
};

use super::convert::{convert, demote, extend, narrow, promote, trunc_sat, wrap};
use super::dispatch::{fbinop, frelop, funop, irelop};
use super::float::{Float, fpmax, fpmin};
use super::ill_typed;
use super::int::{
    Int, iabs, iadd, iadd_sat_s, iadd_sat_u, iand, iandnot, iavgr_u, ibitselect, ilt_s, imax_s, imax_u,
    imin_s, imin_u, imul, ineg, inez, inot, ior, ipopcnt, iq15mulr_sat_s, ishl, ishr_s, ishr_u, isub,
    isub_sat_s, isub_sat_u, ixor, signed,
};
use super::relaxed::{
    Param, Relaxed, frelaxed_madd, frelaxed_max, frelaxed_min, frelaxed_nmadd, idot_sx, irelaxed_laneselect,
    irelaxed_q15mulr_s, ivrelaxed_swizzle_lane, relaxed_trunc_s, relaxed_trunc_u,
};

/// A lane type of `v128`: `i8`, `i16`, `i32`, `i64` as `u8`..`u64`, and `f32`, `f64`.
pub trait Lane: Copy + Default {
    /// `dim(shape)`: how many lanes of this type a `v128` holds.
    const DIM: usize;
    /// Lane `k` of `v` (little endian).
    fn get(v: V128, k: usize) -> Self;
    /// Sets lane `k` of `v` to `c`.
    fn set(v: &mut V128, k: usize, c: Self);
}

macro_rules! lane {
    ($($t:ty, $w:expr);*) => {$(
        impl Lane for $t {
            const DIM: usize = 16 / $w;
            fn get(v: V128, k: usize) -> Self {
                <$t>::from_le_bytes(v.0[k * $w..(k + 1) * $w].try_into().unwrap())
            }
            fn set(v: &mut V128, k: usize, c: Self) {
                v.0[k * $w..(k + 1) * $w].copy_from_slice(&c.to_le_bytes());
            }
        }
    )*};
}

lane!(u8, 1; u16, 2; u32, 4; u64, 8; f32, 4; f64, 8);

/// A sequence of at most 16 lanes, on the stack.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Lanes<L> {
    len: usize,
    c: [L; 16],
}

impl<L: Copy + Default> FromIterator<L> for Lanes<L> {
    /// Panics past 16 lanes, which no `v128` has.
    fn from_iter<T: IntoIterator<Item = L>>(iter: T) -> Self {
        let mut lanes = Lanes { len: 0, c: [L::default(); 16] };
        for c in iter {
            lanes.c[lanes.len] = c;
            lanes.len += 1;
        }
        lanes
    }
}

impl<L> Deref for Lanes<L> {
    type Target = [L];
    fn deref(&self) -> &[L] {
        &self.c[..self.len]
    }
}

/// aux-lanes: `lanes_(t x M)(v)`, the `M` lanes of `v`.
pub fn lanes<L: Lane>(v: V128) -> Lanes<L> {
    (0..L::DIM).map(|k| L::get(v, k)).collect()
}

/// `lanes_(t x M)^-1(c^M)`: the vector of these lanes.
pub fn inv_lanes<L: Lane>(c: &[L]) -> V128 {
    let mut v = V128::default();
    for (k, &c) in c.iter().enumerate() {
        L::set(&mut v, k, c);
    }
    v
}

/// `op-vec`: an operator lifted lane-wise, `op(c^M) = op(c[0]) ... op(c[M-1])`, from lanes of
/// type `A` to lanes of type `B` (as many of them).
fn lanewise1<A: Lane, B: Lane>(v: V128, f: impl Fn(A) -> B) -> V128 {
    let mut r = V128::default();
    for k in 0..A::DIM {
        B::set(&mut r, k, f(A::get(v, k)));
    }
    r
}

/// `op-vec` for binary operators: `op(c1^M, c2^M) = op(c1[0], c2[0]) ... `.
fn lanewise2<A: Lane, B: Lane>(v1: V128, v2: V128, f: impl Fn(A, A) -> B) -> V128 {
    let mut r = V128::default();
    for k in 0..A::DIM {
        B::set(&mut r, k, f(A::get(v1, k), A::get(v2, k)));
    }
    r
}

/// `op-vec` for ternary operators.
fn lanewise3<A: Lane>(v1: V128, v2: V128, v3: V128, f: impl Fn(A, A, A) -> A) -> V128 {
    let mut r = V128::default();
    for k in 0..A::DIM {
        A::set(&mut r, k, f(A::get(v1, k), A::get(v2, k), A::get(v3, k)));
    }
    r
}

/// `extend_s_{1,N}(c)`: a predicate's 0 or 1 as a lane of all zeros or all ones (how
/// `$ivrelop_` and `$fvrelop_` return their results).
pub fn ones<I: Int>(c: u32) -> I {
    I::wrap(signed(1, c.into()))
}

/// `op-ivbitmask`: `ivbitmask_N(i^m)`: bit `k` of the result is `ilt_s_N(i[k], 0)`, the others
/// 0 (SpecTec's `$ivbitmaskop_`: lane 0 is the least significant bit).
pub fn ivbitmask<I: Int>(i: &[I]) -> u32 {
    i.iter().enumerate().map(|(k, &i)| ilt_s(i, I::ZERO) << k).sum()
}

/// `op-ivswizzle_lane`: `iswizzle_lane(i^n, j)` is `i[j]` for `j < n`, else 0.
pub fn ivswizzle_lane<I: Int>(i: &[I], j: I) -> I {
    if j.nat() < i.len() as i128 { i[j.nat() as usize] } else { I::ZERO }
}

/// `op-ivswizzle`: `ivswizzle(i^n, j^n) = ivswizzle_lane(i^n, j)^n`.
pub fn ivswizzle<I: Int>(i: &[I], j: &[I]) -> Lanes<I> {
    j.iter().map(|&j| ivswizzle_lane(i, j)).collect()
}

/// `op-ivrelaxed_swizzle`: `ivrelaxed_swizzle(i^n, j^n) = ivrelaxed_swizzle_lane(i^n, j)^n`,
/// under `R_swizzle = r`.
pub fn ivrelaxed_swizzle<I: Int>(r: u8, i: &[I], j: &[I]) -> Lanes<I> {
    j.iter().map(|&j| ivrelaxed_swizzle_lane(r, i, j)).collect()
}

/// `op-ivshuffle`: `ivshuffle(j^n, i1^n, i2^n) = ((i1^n i2^n)[j])^n`, for every `j < 2n`
/// (`Instr_ok/vshuffle` checks the indices).
pub fn ivshuffle<I: Int>(j: &[u8], i1: &[I], i2: &[I]) -> Lanes<I> {
    let i = |j: usize| {
        if j < i1.len() { i1[j] } else { i2[j - i1.len()] }
    };
    j.iter().map(|&j| i(j.into())).collect()
}

/// `op-ivadd_pairwise`: `ivadd_pairwise_N(i^2m) = (iadd_N(i1, i2))^m` where `i^2m = (i1 i2)^m`.
pub fn ivadd_pairwise<I: Int>(i: &[I]) -> Lanes<I> {
    i.chunks(2).map(|i| iadd(i[0], i[1])).collect()
}

/// `op-ivmul`: `ivmul_N(i1^m, i2^m) = (imul_N(i1, i2))^m`.
pub fn ivmul<I: Int>(i1: &[I], i2: &[I]) -> Lanes<I> {
    i1.iter().zip(i2).map(|(&i1, &i2)| imul(i1, i2)).collect()
}

/// `op-ivdot`: `ivdot_N(i1^2m, i2^2m) = (iadd_N(j1, j2))^m` where
/// `(imul_N(i1, i2))^2m = (j1 j2)^m`.
pub fn ivdot<I: Int>(i1: &[I], i2: &[I]) -> Lanes<I> {
    ivadd_pairwise(&ivmul(i1, i2))
}

/// `op-ivdot_sat`: `ivdot_sat_N(i1^2m, i2^2m) = (iadd_sat_s_N(j1, j2))^m` where
/// `(imul_N(i1, i2))^2m = (j1 j2)^m`.
pub fn ivdot_sat<I: Int>(i1: &[I], i2: &[I]) -> Lanes<I> {
    ivmul(i1, i2).chunks(2).map(|j| iadd_sat_s(j[0], j[1])).collect()
}

/// SpecTec's `$ivextunop__`: extend every lane of `v` from `A` to `B` with `sx`, apply `f`.
fn ivextunop<A: Int + Lane, B: Int + Lane>(f: fn(&[B]) -> Lanes<B>, sx: Sx, v: V128) -> V128 {
    let c: Lanes<B> = lanes::<A>(v).iter().map(|&c| extend(sx, c)).collect();
    inv_lanes(&f(&c))
}

/// SpecTec's `$ivextbinop__`: take lanes `[i : k]` of both vectors, extend them from `A` to
/// `B` (the first with `sx1`, the second with `sx2`), apply `f`.
fn ivextbinop<A: Int + Lane, B: Int + Lane>(
    f: fn(&[B], &[B]) -> Lanes<B>,
    sx1: Sx,
    sx2: Sx,
    i: usize,
    k: usize,
    v1: V128,
    v2: V128,
) -> V128 {
    let c1: Lanes<B> = lanes::<A>(v1)[i..i + k].iter().map(|&c| extend(sx1, c)).collect();
    let c2: Lanes<B> = lanes::<A>(v2)[i..i + k].iter().map(|&c| extend(sx2, c)).collect();
    inv_lanes(&f(&c1, &c2))
}

/// `$half(half, i, j)`: `i` for `LOW`, `j` for `HIGH`.
fn half(half: Half, i: usize, j: usize) -> usize {
    match half {
        Half::Low => i,
        Half::High => j,
    }
}

/// `op-vcvtop`: convert lanes `[h : k]` of `v` from `A` to `B`, then pad with zero lanes:
/// with a `half`, `h` is 0 or `M_2` and `k = M_2` (`M_1 = 2 M_2`); with `ZERO`
/// (`2 M_1 = M_2`) the upper `M_1` lanes are 0; else `M_1 = M_2`.
fn vcvt<A: Lane, B: Lane>(half_: Option<Half>, v: V128, f: impl Fn(A) -> B) -> V128 {
    let h = half_.map_or(0, |h| half(h, 0, B::DIM));
    let mut r = V128::default();
    for k in 0..A::DIM.min(B::DIM) {
        B::set(&mut r, k, f(A::get(v, h + k)));
    }
    r
}

/// Runs `$body` with `$I` the lane type of the integer shape `$sh`.
macro_rules! int_lanes {
    ($sh:expr, $I:ident => $body:expr) => {
        match $sh {
            Shape::I8x16 => {
                type $I = u8;
                $body
            }
            Shape::I16x8 => {
                type $I = u16;
                $body
            }
            Shape::I32x4 => {
                type $I = u32;
                $body
            }
            Shape::I64x2 => {
                type $I = u64;
                $body
            }
            sh => ill_typed(sh),
        }
    };
}

/// Runs `$body` with `$F` the lane type of the float shape `$sh`.
macro_rules! float_lanes {
    ($sh:expr, $F:ident => $body:expr) => {
        match $sh {
            Shape::F32x4 => {
                type $F = f32;
                $body
            }
            Shape::F64x2 => {
                type $F = f64;
                $body
            }
            sh => ill_typed(sh),
        }
    };
}

/// `vvunop_(V128, NOT, v) = inot_128(v)`.
pub fn vvunop(op: VVunop, v: V128) -> V128 {
    match op {
        VVunop::Not => V128::from_u128(inot(v.to_u128())),
    }
}

/// `vvbinop_(V128, op, v1, v2)`: `iand_128`, `iandnot_128`, `ior_128`, `ixor_128`.
pub fn vvbinop(op: VVbinop, v1: V128, v2: V128) -> V128 {
    let f = match op {
        VVbinop::And => iand::<u128>,
        VVbinop::AndNot => iandnot,
        VVbinop::Or => ior,
        VVbinop::Xor => ixor,
    };
    V128::from_u128(f(v1.to_u128(), v2.to_u128()))
}

/// `vvternop_(V128, BITSELECT, v1, v2, v3) = ibitselect_128(v1, v2, v3)`.
pub fn vvternop(op: VVternop, v1: V128, v2: V128, v3: V128) -> V128 {
    match op {
        VVternop::Bitselect => V128::from_u128(ibitselect(v1.to_u128(), v2.to_u128(), v3.to_u128())),
    }
}

/// `Step_pure/vvtestop`: `ANY_TRUE` is `inez_128(v)`.
pub fn vvtestop(op: VVtestop, v: V128) -> u32 {
    match op {
        VVtestop::AnyTrue => inez(v.to_u128()),
    }
}

/// `vunop_(sh, op, v)`: `iabs`, `ineg`, `ipopcnt` or a float unary operator, lane-wise.
pub fn vunop(sh: Shape, op: VUnop, v: V128) -> V128 {
    match op {
        VUnop::Int(op) => int_lanes!(sh, I => ivunop::<I>(op, v)),
        VUnop::Float(op) => float_lanes!(sh, F => lanewise1(v, |z: F| funop(op, z))),
    }
}

fn ivunop<I: Int + Lane>(op: VIUnop, v: V128) -> V128 {
    match op {
        VIUnop::Abs => lanewise1(v, iabs::<I>),
        VIUnop::Neg => lanewise1(v, ineg::<I>),
        VIUnop::Popcnt => lanewise1(v, ipopcnt::<I>),
    }
}

/// `vbinop_(sh, op, v1, v2)`: an integer or float binary operator, lane-wise; the relaxed ones
/// (`RELAXED_Q15MULR`, `RELAXED_MIN`, `RELAXED_MAX`) under the parameters `rx`.
pub fn vbinop(rx: Relaxed, sh: Shape, op: VBinop, v1: V128, v2: V128) -> V128 {
    match op {
        VBinop::Int(op) => int_lanes!(sh, I => ivbinop::<I>(rx, op, v1, v2)),
        VBinop::Float(op) => {
            float_lanes!(sh, F => lanewise2(v1, v2, |z1: F, z2: F| fvbinop(rx, op, z1, z2)))
        }
    }
}

fn ivbinop<I: Int + Lane>(rx: Relaxed, op: VIBinop, v1: V128, v2: V128) -> V128 {
    match op {
        VIBinop::Add => lanewise2(v1, v2, iadd::<I>),
        VIBinop::Sub => lanewise2(v1, v2, isub::<I>),
        VIBinop::AddSat(Sx::U) => lanewise2(v1, v2, iadd_sat_u::<I>),
        VIBinop::AddSat(Sx::S) => lanewise2(v1, v2, iadd_sat_s::<I>),
        VIBinop::SubSat(Sx::U) => lanewise2(v1, v2, isub_sat_u::<I>),
        VIBinop::SubSat(Sx::S) => lanewise2(v1, v2, isub_sat_s::<I>),
        VIBinop::Mul => lanewise2(v1, v2, imul::<I>),
        VIBinop::Avgr => lanewise2(v1, v2, iavgr_u::<I>),
        VIBinop::Q15mulrSat => lanewise2(v1, v2, iq15mulr_sat_s::<I>),
        VIBinop::RelaxedQ15mulr => {
            let r = rx.get(Param::Iq15mulr);
            lanewise2(v1, v2, |i1: I, i2: I| irelaxed_q15mulr_s(r, i1, i2))
        }
        VIBinop::Min(Sx::U) => lanewise2(v1, v2, imin_u::<I>),
        VIBinop::Min(Sx::S) => lanewise2(v1, v2, imin_s::<I>),
        VIBinop::Max(Sx::U) => lanewise2(v1, v2, imax_u::<I>),
        VIBinop::Max(Sx::S) => lanewise2(v1, v2, imax_s::<I>),
    }
}

/// One lane of a float `vbinop`: the scalar operators, `fpmin`, `fpmax`, and the relaxed
/// `frelaxed_min`, `frelaxed_max` under `rx`.
pub fn fvbinop<F: Float>(rx: Relaxed, op: VFBinop, z1: F, z2: F) -> F {
    use crate::syntax::FBinop;
    let scalar = |op| fbinop(op, z1, z2);
    match op {
        VFBinop::Add => scalar(FBinop::Add),
        VFBinop::Sub => scalar(FBinop::Sub),
        VFBinop::Mul => scalar(FBinop::Mul),
        VFBinop::Div => scalar(FBinop::Div),
        VFBinop::Min => scalar(FBinop::Min),
        VFBinop::Max => scalar(FBinop::Max),
        VFBinop::Pmin => fpmin(z1, z2),
        VFBinop::Pmax => fpmax(z1, z2),
        VFBinop::RelaxedMin => frelaxed_min(rx.get(Param::Fmin), z1, z2),
        VFBinop::RelaxedMax => frelaxed_max(rx.get(Param::Fmax), z1, z2),
    }
}

/// `vternop_(sh, op, v1, v2, v3)`: `irelaxed_laneselect` on integer shapes,
/// `frelaxed_madd`, `frelaxed_nmadd` on float shapes, lane-wise under `rx`.
pub fn vternop(rx: Relaxed, sh: Shape, op: VTernop, v1: V128, v2: V128, v3: V128) -> V128 {
    match op {
        VTernop::RelaxedLaneselect => {
            let r = rx.get(Param::Laneselect);
            int_lanes!(sh, I => lanewise3(v1, v2, v3, |i1: I, i2, i3| {
                irelaxed_laneselect(r, i1, i2, i3)
            }))
        }
        VTernop::RelaxedMadd | VTernop::RelaxedNmadd => {
            float_lanes!(sh, F => lanewise3(v1, v2, v3, |z1: F, z2, z3| {
                fvternop(rx, op, z1, z2, z3)
            }))
        }
    }
}

/// One lane of a float `vternop`: `frelaxed_madd` or `frelaxed_nmadd` under `rx`.
pub fn fvternop<F: Float>(rx: Relaxed, op: VTernop, z1: F, z2: F, z3: F) -> F {
    let r = rx.get(Param::Fmadd);
    match op {
        VTernop::RelaxedNmadd => frelaxed_nmadd(r, z1, z2, z3),
        _ => frelaxed_madd(r, z1, z2, z3),
    }
}

/// `Step_pure/vtestop`: `ALL_TRUE` is the product of `inez_N(i)` over the lanes.
pub fn vtestop(sh: Shape, op: VTestop, v: V128) -> u32 {
    match op {
        VTestop::AllTrue => int_lanes!(sh, I => lanes::<I>(v).iter().map(|&i| inez(i)).product()),
    }
}

/// `vrelop_(sh, op, v1, v2)`: a comparison lane-wise, each result `extend_s_{1,N}` to a lane
/// of zeros or ones (for float shapes, an integer lane of the same width).
pub fn vrelop(sh: Shape, op: Relop, v1: V128, v2: V128) -> V128 {
    match op {
        Relop::Int(op) => {
            int_lanes!(sh, I => lanewise2(v1, v2, |i1: I, i2: I| ones::<I>(irelop(op, i1, i2))))
        }
        Relop::Float(op) => float_lanes!(sh, F => {
            lanewise2(v1, v2, |z1: F, z2: F| ones::<<F as Float>::Bits>(frelop(op, z1, z2)))
        }),
    }
}

/// `vshiftop_(sh, op, v, i)`: `ishl_N(c, i)`, `ishr_sx_N(c, i)` lane-wise, one count `i` for
/// all lanes (taken modulo `N`).
pub fn vshiftop(sh: Shape, op: VShiftop, v: V128, i: u32) -> V128 {
    int_lanes!(sh, I => match op {
        VShiftop::Shl => lanewise1(v, |c: I| ishl(c, i)),
        VShiftop::Shr(Sx::U) => lanewise1(v, |c: I| ishr_u(c, i)),
        VShiftop::Shr(Sx::S) => lanewise1(v, |c: I| ishr_s(c, i)),
    })
}

/// `vbitmaskop_(sh, v) = ivbitmask_N(lanes(v))`.
pub fn vbitmask(sh: Shape, v: V128) -> u32 {
    int_lanes!(sh, I => ivbitmask(&lanes::<I>(v)))
}

/// `vswizzlop_(i8x16, op, v1, v2)`: `ivswizzle`, or `ivrelaxed_swizzle` under `rx`, of the
/// bytes of `v1` by the indices in `v2`.
pub fn vswizzlop(rx: Relaxed, op: VSwizzlop, v1: V128, v2: V128) -> V128 {
    let (i, j) = (lanes::<u8>(v1), lanes::<u8>(v2));
    inv_lanes(&match op {
        VSwizzlop::Swizzle => ivswizzle(&i, &j),
        VSwizzlop::RelaxedSwizzle => ivrelaxed_swizzle(rx.get(Param::Swizzle), &i, &j),
    })
}

/// `vshufflop_(i8x16, j*, v1, v2) = ivshuffle(j*, lanes(v1), lanes(v2))`.
pub fn vshuffle(j: [u8; 16], v1: V128, v2: V128) -> V128 {
    inv_lanes(&ivshuffle(&j, &lanes::<u8>(v1), &lanes::<u8>(v2)))
}

/// `Step_pure/vsplat`: every lane `lpacknum(c)`, i.e. `c` wrapped to the lane width.
pub fn vsplat(sh: Shape, c: Num) -> V128 {
    fn splat<L: Lane>(c: L) -> V128 {
        inv_lanes(&[c; 16][..L::DIM])
    }
    let c = c.bits();
    match sh {
        Shape::I8x16 => splat(wrap::<u64, u8>(c)),
        Shape::I16x8 => splat(wrap::<u64, u16>(c)),
        Shape::I32x4 | Shape::F32x4 => splat(c as u32),
        Shape::I64x2 | Shape::F64x2 => splat(c),
    }
}

/// `Step_pure/vextract_lane-num`, `-pack`: lane `i` of `v`; a packed lane is extended to `i32`
/// with `sx`, the others are read as the shape's number type.
pub fn vextract_lane(sh: Shape, sx: Option<Sx>, i: u8, v: V128) -> Num {
    let i = usize::from(i);
    match (sh, sx) {
        (Shape::I8x16, Some(sx)) => Num::I32(extend(sx, u8::get(v, i))),
        (Shape::I16x8, Some(sx)) => Num::I32(extend(sx, u16::get(v, i))),
        (Shape::I32x4 | Shape::F32x4, None) => Num::from_bits(sh.unpacked(), u32::get(v, i).into()),
        (Shape::I64x2 | Shape::F64x2, None) => Num::from_bits(sh.unpacked(), u64::get(v, i)),
        _ => ill_typed((sh, sx)),
    }
}

/// `Step_pure/vreplace_lane`: `v` with lane `i` set to `lpacknum(c)`.
pub fn vreplace_lane(sh: Shape, i: u8, v: V128, c: Num) -> V128 {
    let (i, c, mut v) = (usize::from(i), c.bits(), v);
    match sh {
        Shape::I8x16 => u8::set(&mut v, i, wrap::<u64, u8>(c)),
        Shape::I16x8 => u16::set(&mut v, i, wrap::<u64, u16>(c)),
        Shape::I32x4 | Shape::F32x4 => u32::set(&mut v, i, c as u32),
        Shape::I64x2 | Shape::F64x2 => u64::set(&mut v, i, c),
    }
    v
}

/// `op-vextunop`: `EXTADD_PAIRWISE sx` from `from` to `to` (twice as wide):
/// `ivadd_pairwise_N2(extend_sx_{N1,N2}(lanes(v)))`.
pub fn vextunop(to: Shape, from: Shape, op: VExtunop, v: V128) -> V128 {
    let VExtunop::ExtaddPairwise(sx) = op;
    match (to, from) {
        (Shape::I16x8, Shape::I8x16) => ivextunop::<u8, u16>(ivadd_pairwise, sx, v),
        (Shape::I32x4, Shape::I16x8) => ivextunop::<u16, u32>(ivadd_pairwise, sx, v),
        _ => ill_typed((to, from, op)),
    }
}

/// `op-vextbinop`: from lanes of `from` to lanes of `to`, twice as wide:
/// `EXTMUL half sx` is `ivmul` on one half of the lanes, `DOT S` is `ivdot`, and
/// `RELAXED_DOT S` is `ivdot_sat` with the second operand extended `relaxed(R_idot)[S, U]`.
pub fn vextbinop(rx: Relaxed, to: Shape, from: Shape, op: VExtbinop, v1: V128, v2: V128) -> V128 {
    use Shape::*;
    fn extmul<A: Int + Lane, B: Int + Lane>(h: Half, sx: Sx, v1: V128, v2: V128) -> V128 {
        ivextbinop::<A, B>(ivmul, sx, sx, half(h, 0, B::DIM), B::DIM, v1, v2)
    }
    match (op, to, from) {
        (VExtbinop::Extmul(h, sx), I16x8, I8x16) => extmul::<u8, u16>(h, sx, v1, v2),
        (VExtbinop::Extmul(h, sx), I32x4, I16x8) => extmul::<u16, u32>(h, sx, v1, v2),
        (VExtbinop::Extmul(h, sx), I64x2, I32x4) => extmul::<u32, u64>(h, sx, v1, v2),
        (VExtbinop::Dot, I32x4, I16x8) => ivextbinop::<u16, u32>(ivdot, Sx::S, Sx::S, 0, 8, v1, v2),
        (VExtbinop::RelaxedDot, I16x8, I8x16) => {
            let sx2 = idot_sx(rx.get(Param::Idot));
            ivextbinop::<u8, u16>(ivdot_sat, Sx::S, sx2, 0, 16, v1, v2)
        }
        _ => ill_typed((to, from, op)),
    }
}

/// `op-vextternop`: `RELAXED_DOT_ADD S` from `i8x16` to `i32x4`: `RELAXED_DOT S` into `i16x8`,
/// `EXTADD_PAIRWISE S` into `i32x4`, then `ADD` of `v3`.
pub fn vextternop(rx: Relaxed, to: Shape, from: Shape, op: VExtternop, v1: V128, v2: V128, v3: V128) -> V128 {
    let VExtternop::RelaxedDotAdd = op;
    // The binary format names this instruction's shapes `i32x4` and `i16x8` (SpecTec 5.3):
    // the operands are `i8x16`, their pairwise dot products `i16x8`.
    let (from, mid) = match (to, from) {
        (Shape::I32x4, Shape::I16x8 | Shape::I8x16) => (Shape::I8x16, Shape::I16x8),
        _ => ill_typed((to, from, op)),
    };
    let c1 = vextbinop(rx, mid, from, VExtbinop::RelaxedDot, v1, v2);
    let c2 = vextunop(to, mid, VExtunop::ExtaddPairwise(Sx::S), c1);
    vbinop(rx, to, VBinop::Int(VIBinop::Add), c2, v3)
}

/// `op-vnarrow`: `NARROW sx` from `from` to `to`, half as wide: `narrow_sx` of the lanes of
/// `v1`, then of those of `v2`.
pub fn vnarrow(to: Shape, from: Shape, sx: Sx, v1: V128, v2: V128) -> V128 {
    fn go<A: Int + Lane, B: Int + Lane>(sx: Sx, v1: V128, v2: V128) -> V128 {
        let (c1, c2) = (lanes::<A>(v1), lanes::<A>(v2));
        inv_lanes(&c1.iter().chain(c2.iter()).map(|&c| narrow::<A, B>(sx, c)).collect::<Lanes<B>>())
    }
    match (to, from) {
        (Shape::I8x16, Shape::I16x8) => go::<u16, u8>(sx, v1, v2),
        (Shape::I16x8, Shape::I32x4) => go::<u32, u16>(sx, v1, v2),
        _ => ill_typed((to, from, sx)),
    }
}

/// `op-vcvtop`: a conversion lane-wise from `from` to `to`, `RELAXED_TRUNC` under `rx`. With a
/// `half`, it converts the low or high half of the lanes (`M_1 = 2 M_2`); with `ZERO`
/// (`2 M_1 = M_2`) the upper result lanes are 0; else `M_1 = M_2`.
pub fn vcvtop(rx: Relaxed, to: Shape, from: Shape, op: VCvtop, v: V128) -> V128 {
    use Shape::*;
    let (tu, ts) = (rx.get(Param::TruncU), rx.get(Param::TruncS));
    match (op, to, from) {
        (VCvtop::Extend(h, sx), I16x8, I8x16) => vcvt(Some(h), v, |i: u8| extend::<u8, u16>(sx, i)),
        (VCvtop::Extend(h, sx), I32x4, I16x8) => vcvt(Some(h), v, |i: u16| extend::<u16, u32>(sx, i)),
        (VCvtop::Extend(h, sx), I64x2, I32x4) => vcvt(Some(h), v, |i: u32| extend::<u32, u64>(sx, i)),
        (VCvtop::Convert(h, sx), F32x4, I32x4) => vcvt(h, v, |i: u32| convert::<u32, f32>(sx, i)),
        (VCvtop::Convert(h, sx), F64x2, I32x4) => vcvt(h, v, |i: u32| convert::<u32, f64>(sx, i)),
        (VCvtop::TruncSat(sx, _), I32x4, F32x4) => vcvt(None, v, |z: f32| trunc_sat::<f32, u32>(sx, z)),
        (VCvtop::TruncSat(sx, _), I32x4, F64x2) => vcvt(None, v, |z: f64| trunc_sat::<f64, u32>(sx, z)),
        (VCvtop::RelaxedTrunc(Sx::U, _), I32x4, F32x4) => {
            vcvt(None, v, |z: f32| relaxed_trunc_u::<f32, u32>(tu, z))
        }
        (VCvtop::RelaxedTrunc(Sx::U, _), I32x4, F64x2) => {
            vcvt(None, v, |z: f64| relaxed_trunc_u::<f64, u32>(tu, z))
        }
        (VCvtop::RelaxedTrunc(Sx::S, _), I32x4, F32x4) => {
            vcvt(None, v, |z: f32| relaxed_trunc_s::<f32, u32>(ts, z))
        }
        (VCvtop::RelaxedTrunc(Sx::S, _), I32x4, F64x2) => {
            vcvt(None, v, |z: f64| relaxed_trunc_s::<f64, u32>(ts, z))
        }
        (VCvtop::Demote, F32x4, F64x2) => vcvt(None, v, demote),
        (VCvtop::Promote, F64x2, F32x4) => vcvt(Some(Half::Low), v, promote),
        _ => ill_typed((to, from, op)),
    }
}
