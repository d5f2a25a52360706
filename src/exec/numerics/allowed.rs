//! The sets of results the spec allows, for the referee: whether another engine's result of a
//! non-deterministic operator is one the spec permits.
//!
//! Two sources of non-determinism reach results (4.3.1):
//! * NaNs: a float operator whose result is a NaN returns `nans_N{z*}` (aux-nans), every
//!   canonical NaN if all NaN operands are canonical, every arithmetic NaN otherwise, of
//!   either sign. `fabs`, `fneg`, `fcopysign`, `fpmin`, `fpmax` and the comparisons are
//!   deterministic, NaNs included.
//! * Relaxed operators: a global parameter per family picks one of a list of outcomes
//!   ([`super::relaxed`]); under one assignment of the parameters ([`Relaxed`]) each lane's
//!   result is again exact or a `nans_N` (`relaxed_madd` rounded twice or once; `relaxed_min`
//!   with its NaN alternatives).
//!
//! So under one assignment every number's set is one [`Allowed`]: exact bits, a [`NanSet`],
//! or a NaN with a given payload. The `*_allowed` functions return it for a scalar operator
//! and per lane ([`VAllowed`]) for a vector operator. The `*_allows` functions decide
//! membership outright; for relaxed operators they take the engine's [`Choices`], the
//! parameter values its results have been consistent with so far (the spec fixes them for the
//! whole execution), and narrow them to the values under which this result is allowed.
//!
//! Every operator without a function here is deterministic: its allowed result is the
//! dispatcher's alone.
//!
//! The sets are the spec's. The official relaxed-simd tests accept a few results outside
//! them, which these functions reject: `relaxed_dot` of two unsigned operands, `relaxed_dot_add`
//! without the intermediate saturation (x86 VNNI), `i16x8.relaxed_laneselect` by the top bit
//! of each byte (`pblendvb`), and `relaxed_swizzle` of an index from 128 on taken mod 16.

use crate::syntax::{
    Binop, Cvtop, FBinop, FUnop, Instr, Num, NumType, Shape, Unop, V128, VBinop, VCvtop, VExtbinop,
    VExtternop, VFBinop, VSwizzlop, VTernop, VUnop,
};

use super::Trap;
use super::convert::{demote, promote};
use super::dispatch::{binop, cvtop, fbinop, funop, unop};
use super::float::{Float, is_arithmetic_nan, is_canonical_nan, payload};
use super::int::Int;
use super::relaxed::{Param, Relaxed};
use super::vector::{
    Lane, fvbinop, fvternop, vbinop, vcvtop, vextbinop, vextternop, vswizzlop, vternop, vunop,
};

/// `nans_N{z*}` (aux-nans): the NaNs an operator may return when its result is a NaN, of
/// either sign.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum NanSet {
    /// `±NaN(canon_N)`: when every NaN operand is canonical, or none is a NaN.
    Canonical,
    /// Every arithmetic NaN `±NaN(n)`, `n >= canon_N`: when some NaN operand is not canonical.
    Arithmetic,
}

impl NanSet {
    /// `nans_N{z*}` for these operands.
    pub fn of<F: Float>(operands: &[F]) -> NanSet {
        if operands.iter().all(|&z| !z.is_nan() || is_canonical_nan(z)) {
            NanSet::Canonical
        } else {
            NanSet::Arithmetic
        }
    }

    pub fn contains<F: Float>(self, z: F) -> bool {
        match self {
            NanSet::Canonical => is_canonical_nan(z),
            NanSet::Arithmetic => is_arithmetic_nan(z),
        }
    }
}

/// The results the spec allows for one number, a scalar or a lane, under one assignment of
/// the relaxed parameters.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Allowed {
    /// Exactly these bits (of the number's width, zero-extended).
    Exact(u64),
    /// Any NaN of the set, of either sign.
    Nan(NanSet),
    /// `NaN(n)` with exactly this payload, of either sign: the alternative of
    /// `frelaxed_min`/`max` that passes a NaN operand through.
    NanPayload(u64),
}

impl Allowed {
    /// Exactly `c`.
    pub fn exact<I: Int>(c: I) -> Allowed {
        Allowed::Exact(c.nat() as u64)
    }

    /// The result `z` of an operator that returns `nans` where it returns a NaN: exactly `z`,
    /// or if `z` is a NaN, any of `nans`.
    pub fn float<F: Float>(z: F, nans: NanSet) -> Allowed {
        if z.is_nan() { Allowed::Nan(nans) } else { Allowed::exact(z.to_bits()) }
    }

    /// Whether the number of type `t` with these bits is allowed.
    pub fn contains(self, t: NumType, bits: u64) -> bool {
        fn nan_with<F: Float>(z: F, set: Allowed) -> bool {
            match set {
                Allowed::Nan(nans) => nans.contains(z),
                Allowed::NanPayload(n) => z.is_nan() && payload(z) == n.into(),
                Allowed::Exact(_) => false,
            }
        }
        match (self, t) {
            (Allowed::Exact(c), _) => c == bits,
            (_, NumType::F32) => nan_with(f32::from_bits(bits as u32), self),
            (_, NumType::F64) => nan_with(f64::from_bits(bits), self),
            _ => false,
        }
    }
}

/// The results allowed for each lane of a vector.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct VAllowed {
    shape: Shape,
    lanes: [Allowed; 16],
}

impl VAllowed {
    /// Exactly `v`, read in lanes of `sh`.
    pub fn exact(sh: Shape, v: V128) -> VAllowed {
        VAllowed::per_lane(sh, |k| Allowed::Exact(lane_bits(sh, v, k)))
    }

    fn per_lane(shape: Shape, f: impl Fn(usize) -> Allowed) -> VAllowed {
        let dim = shape.dim() as usize;
        let lanes = std::array::from_fn(|k| if k < dim { f(k) } else { Allowed::Exact(0) });
        VAllowed { shape, lanes }
    }

    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// The set of each lane, lane 0 first.
    pub fn lanes(&self) -> &[Allowed] {
        &self.lanes[..self.shape.dim() as usize]
    }

    /// Whether every lane of `v` is allowed.
    pub fn contains(&self, v: V128) -> bool {
        let t = self.shape.unpacked();
        self.lanes().iter().enumerate().all(|(k, a)| a.contains(t, lane_bits(self.shape, v, k)))
    }
}

/// The bits of lane `k` of `v` in shape `sh`.
fn lane_bits(sh: Shape, v: V128, k: usize) -> u64 {
    let w = sh.lane_bits() as usize;
    ((v.to_u128() >> (k * w)) & ((1 << w) - 1)) as u64
}

/// The parameter values an engine's results have been consistent with: a set of values per
/// parameter. The spec fixes each parameter for a whole execution, so the referee keeps one
/// `Choices` per engine and narrows it with each relaxed result it checks.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Choices([u8; 9]);

impl Choices {
    /// Nothing observed yet: every value of every parameter (the full profile).
    pub const ANY: Choices = {
        let mut masks = [0; 9];
        let mut i = 0;
        while i < 9 {
            masks[i] = (1 << Param::ALL[i].arity()) - 1;
            i += 1;
        }
        Choices(masks)
    };

    /// The deterministic profile: every parameter 0.
    pub const DETERMINISTIC: Choices = Choices([1; 9]);

    /// Whether `p = r` is still possible.
    pub fn allows(self, p: Param, r: u8) -> bool {
        r < 8 && self.0[p as usize] >> r & 1 == 1
    }

    /// The values of `p` still possible, smallest first.
    pub fn values(self, p: Param) -> impl Iterator<Item = u8> {
        (0..p.arity()).filter(move |&r| self.allows(p, r))
    }

    /// Keeps, of the values of `p` (the parameter an operator depends on; `None` for a
    /// deterministic one), those under which `ok` holds. False, changing nothing, if none does.
    fn narrow(&mut self, p: Option<Param>, ok: impl Fn(Relaxed) -> bool) -> bool {
        let Some(p) = p else {
            return ok(Relaxed::DETERMINISTIC);
        };
        let mask = self
            .values(p)
            .filter(|&r| ok(Relaxed::DETERMINISTIC.with(p, r)))
            .fold(0, |mask, r| mask | 1 << r);
        if mask != 0 {
            self.0[p as usize] = mask;
        }
        mask != 0
    }
}

impl Default for Choices {
    fn default() -> Choices {
        Choices::ANY
    }
}

/// The set of `funop_N(op, z)`.
pub fn funop_allowed<F: Float>(op: FUnop, z: F) -> Allowed {
    let r = funop(op, z);
    match op {
        FUnop::Abs | FUnop::Neg => Allowed::exact(r.to_bits()),
        _ => Allowed::float(r, NanSet::of(&[z])),
    }
}

/// The set of `fbinop_N(op, z1, z2)`.
pub fn fbinop_allowed<F: Float>(op: FBinop, z1: F, z2: F) -> Allowed {
    let r = fbinop(op, z1, z2);
    match op {
        FBinop::Copysign => Allowed::exact(r.to_bits()),
        _ => Allowed::float(r, NanSet::of(&[z1, z2])),
    }
}

/// The set of one lane of a float `vbinop` under `rx`.
pub fn fvbinop_allowed<F: Float>(rx: Relaxed, op: VFBinop, z1: F, z2: F) -> Allowed {
    let z = fvbinop(rx, op, z1, z2);
    let relaxed = |r: u8| {
        // relaxed(R)[fmin(z1, z2), NaN(n), z2, z2] for z1 = ±NaN(n),
        // relaxed(R)[fmin(z1, z2), z1, NaN(n), z1] for z2 = ±NaN(n).
        let passes_nan = (r == 1 && z1.is_nan()) || (r == 2 && !z1.is_nan() && z2.is_nan());
        match r {
            0 => Allowed::float(z, NanSet::of(&[z1, z2])),
            _ if passes_nan => Allowed::NanPayload(payload(z) as u64),
            _ => Allowed::exact(z.to_bits()),
        }
    };
    match op {
        VFBinop::Pmin | VFBinop::Pmax => Allowed::exact(z.to_bits()),
        VFBinop::RelaxedMin => relaxed(rx.get(Param::Fmin)),
        VFBinop::RelaxedMax => relaxed(rx.get(Param::Fmax)),
        _ => Allowed::float(z, NanSet::of(&[z1, z2])),
    }
}

/// The set of one lane of a float `vternop` (`relaxed_madd`, `relaxed_nmadd`) under `rx`.
pub fn fvternop_allowed<F: Float>(rx: Relaxed, op: VTernop, z1: F, z2: F, z3: F) -> Allowed {
    Allowed::float(fvternop(rx, op, z1, z2, z3), NanSet::of(&[z1, z2, z3]))
}

/// The set of `unop_(t, op, c)`.
pub fn unop_allowed(t: NumType, op: Unop, c: Num) -> Allowed {
    match (t, op) {
        (NumType::F32, Unop::Float(op)) => funop_allowed(op, f32::from_bits(c.bits() as u32)),
        (NumType::F64, Unop::Float(op)) => funop_allowed(op, f64::from_bits(c.bits())),
        _ => Allowed::Exact(unop(t, op, c).bits()),
    }
}

/// The set of `binop_(t, op, c1, c2)`, or its trap.
pub fn binop_allowed(t: NumType, op: Binop, c1: Num, c2: Num) -> Result<Allowed, Trap> {
    let (b1, b2) = (c1.bits(), c2.bits());
    Ok(match (t, op) {
        (NumType::F32, Binop::Float(op)) => {
            fbinop_allowed(op, f32::from_bits(b1 as u32), f32::from_bits(b2 as u32))
        }
        (NumType::F64, Binop::Float(op)) => fbinop_allowed(op, f64::from_bits(b1), f64::from_bits(b2)),
        _ => Allowed::Exact(binop(t, op, c1, c2)?.bits()),
    })
}

/// The set of `cvtop__(from, to, op, c)`, or its trap: `promote` and `demote` of a NaN give
/// `nans_N{}` for a canonical NaN and any arithmetic NaN otherwise.
pub fn cvtop_allowed(to: NumType, from: NumType, op: Cvtop, c: Num) -> Result<Allowed, Trap> {
    Ok(match (op, to, from) {
        (Cvtop::Promote, NumType::F64, NumType::F32) => {
            let z = f32::from_bits(c.bits() as u32);
            Allowed::float(promote(z), NanSet::of(&[z]))
        }
        (Cvtop::Demote, NumType::F32, NumType::F64) => {
            let z = f64::from_bits(c.bits());
            Allowed::float(demote(z), NanSet::of(&[z]))
        }
        _ => Allowed::Exact(cvtop(to, from, op, c)?.bits()),
    })
}

/// The sets of the lanes of `vunop_(sh, op, v)`.
pub fn vunop_allowed(sh: Shape, op: VUnop, v: V128) -> VAllowed {
    match (sh, op) {
        (Shape::F32x4, VUnop::Float(op)) => VAllowed::per_lane(sh, |k| funop_allowed(op, f32::get(v, k))),
        (Shape::F64x2, VUnop::Float(op)) => VAllowed::per_lane(sh, |k| funop_allowed(op, f64::get(v, k))),
        _ => VAllowed::exact(sh, vunop(sh, op, v)),
    }
}

/// The sets of the lanes of `vbinop_(sh, op, v1, v2)` under `rx`.
pub fn vbinop_allowed(rx: Relaxed, sh: Shape, op: VBinop, v1: V128, v2: V128) -> VAllowed {
    match (sh, op) {
        (Shape::F32x4, VBinop::Float(op)) => {
            VAllowed::per_lane(sh, |k| fvbinop_allowed(rx, op, f32::get(v1, k), f32::get(v2, k)))
        }
        (Shape::F64x2, VBinop::Float(op)) => {
            VAllowed::per_lane(sh, |k| fvbinop_allowed(rx, op, f64::get(v1, k), f64::get(v2, k)))
        }
        _ => VAllowed::exact(sh, vbinop(rx, sh, op, v1, v2)),
    }
}

/// The sets of the lanes of `vternop_(sh, op, v1, v2, v3)` under `rx`.
pub fn vternop_allowed(rx: Relaxed, sh: Shape, op: VTernop, v1: V128, v2: V128, v3: V128) -> VAllowed {
    match sh {
        Shape::F32x4 => VAllowed::per_lane(sh, |k| {
            fvternop_allowed(rx, op, f32::get(v1, k), f32::get(v2, k), f32::get(v3, k))
        }),
        Shape::F64x2 => VAllowed::per_lane(sh, |k| {
            fvternop_allowed(rx, op, f64::get(v1, k), f64::get(v2, k), f64::get(v3, k))
        }),
        _ => VAllowed::exact(sh, vternop(rx, sh, op, v1, v2, v3)),
    }
}

/// The sets of the lanes of `vswizzlop_(i8x16, op, v1, v2)` under `rx`.
pub fn vswizzlop_allowed(rx: Relaxed, op: VSwizzlop, v1: V128, v2: V128) -> VAllowed {
    VAllowed::exact(Shape::I8x16, vswizzlop(rx, op, v1, v2))
}

/// The sets of the lanes of `vextbinop__(from, to, op, v1, v2)` under `rx`.
pub fn vextbinop_allowed(rx: Relaxed, to: Shape, from: Shape, op: VExtbinop, v1: V128, v2: V128) -> VAllowed {
    VAllowed::exact(to, vextbinop(rx, to, from, op, v1, v2))
}

/// The sets of the lanes of `vextternop__(from, to, op, v1, v2, v3)` under `rx`.
pub fn vextternop_allowed(
    rx: Relaxed,
    to: Shape,
    from: Shape,
    op: VExtternop,
    v1: V128,
    v2: V128,
    v3: V128,
) -> VAllowed {
    VAllowed::exact(to, vextternop(rx, to, from, op, v1, v2, v3))
}

/// The sets of the lanes of `vcvtop__(from, to, op, v)` under `rx`: `promote` and `demote`
/// lanes as for [`cvtop_allowed`], the zero lanes of `demote` exact.
pub fn vcvtop_allowed(rx: Relaxed, to: Shape, from: Shape, op: VCvtop, v: V128) -> VAllowed {
    match (op, to, from) {
        (VCvtop::Demote, Shape::F32x4, Shape::F64x2) => VAllowed::per_lane(to, |k| match k {
            0 | 1 => {
                let z = f64::get(v, k);
                Allowed::float(demote(z), NanSet::of(&[z]))
            }
            _ => Allowed::Exact(0),
        }),
        (VCvtop::Promote, Shape::F64x2, Shape::F32x4) => VAllowed::per_lane(to, |k| {
            let z = f32::get(v, k);
            Allowed::float(promote(z), NanSet::of(&[z]))
        }),
        _ => VAllowed::exact(to, vcvtop(rx, to, from, op, v)),
    }
}

/// Whether `result` is a result of `unop_(t, op, c)`.
pub fn unop_allows(t: NumType, op: Unop, c: Num, result: Num) -> bool {
    result.ty() == t && unop_allowed(t, op, c).contains(t, result.bits())
}

/// Whether `result` is a result of `binop_(t, op, c1, c2)` (false where it traps).
pub fn binop_allows(t: NumType, op: Binop, c1: Num, c2: Num, result: Num) -> bool {
    result.ty() == t && binop_allowed(t, op, c1, c2).is_ok_and(|a| a.contains(t, result.bits()))
}

/// Whether `result` is a result of `cvtop__(from, to, op, c)` (false where it traps).
pub fn cvtop_allows(to: NumType, from: NumType, op: Cvtop, c: Num, result: Num) -> bool {
    result.ty() == to && cvtop_allowed(to, from, op, c).is_ok_and(|a| a.contains(to, result.bits()))
}

/// Whether `result` is a result of `vunop_(sh, op, v)`.
pub fn vunop_allows(sh: Shape, op: VUnop, v: V128, result: V128) -> bool {
    vunop_allowed(sh, op, v).contains(result)
}

/// Whether `result` is a result of `vbinop_(sh, op, v1, v2)` under a parameter value in
/// `choices`, which it narrows to those values.
pub fn vbinop_allows(choices: &mut Choices, sh: Shape, op: VBinop, v1: V128, v2: V128, result: V128) -> bool {
    choices
        .narrow(Param::of(&Instr::VBinop(sh, op)), |rx| vbinop_allowed(rx, sh, op, v1, v2).contains(result))
}

/// Whether `result` is a result of `vternop_(sh, op, v1, v2, v3)`; narrows `choices` as
/// [`vbinop_allows`] does.
pub fn vternop_allows(
    choices: &mut Choices,
    sh: Shape,
    op: VTernop,
    v1: V128,
    v2: V128,
    v3: V128,
    result: V128,
) -> bool {
    choices.narrow(Param::of(&Instr::VTernop(sh, op)), |rx| {
        vternop_allowed(rx, sh, op, v1, v2, v3).contains(result)
    })
}

/// Whether `result` is a result of `vswizzlop_(i8x16, op, v1, v2)`; narrows `choices`.
pub fn vswizzlop_allows(choices: &mut Choices, op: VSwizzlop, v1: V128, v2: V128, result: V128) -> bool {
    choices.narrow(Param::of(&Instr::VSwizzlop(op)), |rx| vswizzlop_allowed(rx, op, v1, v2).contains(result))
}

/// Whether `result` is a result of `vextbinop__(from, to, op, v1, v2)`; narrows `choices`.
pub fn vextbinop_allows(
    choices: &mut Choices,
    to: Shape,
    from: Shape,
    op: VExtbinop,
    v1: V128,
    v2: V128,
    result: V128,
) -> bool {
    choices.narrow(Param::of(&Instr::VExtbinop(to, from, op)), |rx| {
        vextbinop_allowed(rx, to, from, op, v1, v2).contains(result)
    })
}

/// Whether `result` is a result of `vextternop__(from, to, op, v1, v2, v3)`; narrows
/// `choices`.
#[allow(clippy::too_many_arguments)] // the instruction's 3 operands, 2 shapes, result
pub fn vextternop_allows(
    choices: &mut Choices,
    to: Shape,
    from: Shape,
    op: VExtternop,
    v1: V128,
    v2: V128,
    v3: V128,
    result: V128,
) -> bool {
    choices.narrow(Param::of(&Instr::VExtternop(to, from, op)), |rx| {
        vextternop_allowed(rx, to, from, op, v1, v2, v3).contains(result)
    })
}

/// Whether `result` is a result of `vcvtop__(from, to, op, v)`; narrows `choices`.
pub fn vcvtop_allows(
    choices: &mut Choices,
    to: Shape,
    from: Shape,
    op: VCvtop,
    v: V128,
    result: V128,
) -> bool {
    choices.narrow(Param::of(&Instr::VCvtop(to, from, op)), |rx| {
        vcvtop_allowed(rx, to, from, op, v).contains(result)
    })
}
