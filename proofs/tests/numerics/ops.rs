//! The operators under test: for each, its instruction in the text format, its type, and what
//! the exact numerics of `lockstep_proofs::numerics` allow it to return. Engines are run on the
//! instruction by name (`engines.rs`); the spec function is chosen here by the same name, so
//! a decoder that mapped a name to the wrong operator would be caught too.

use std::sync::OnceLock;

use lockstep::runtime::{Param, Val};
use lockstep::syntax::{F32, F64, V128};
use lockstep_proofs::numerics::Undefined;
use lockstep_proofs::numerics::convert as cv;
use lockstep_proofs::numerics::float::{self as fl, Floats, Fv, Nans, fbits, inv_fbits};
use lockstep_proofs::numerics::int as it;
use lockstep_proofs::numerics::vector::{self as vc, Half, Sx};
use num_bigint::BigInt;

/// A lane (or a whole scalar): an integer or a float of `N` bits, for generating and reading.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Lane {
    I(u32),
    F(u32),
}

/// A value type: a number type, or `v128` with the lanes its operands are generated as.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    I32,
    I64,
    F32,
    F64,
    V(Lane),
}

impl Ty {
    pub fn wat(self) -> &'static str {
        match self {
            Ty::I32 => "i32",
            Ty::I64 => "i64",
            Ty::F32 => "f32",
            Ty::F64 => "f64",
            Ty::V(_) => "v128",
        }
    }

    pub fn is_vector(self) -> bool {
        matches!(self, Ty::V(_))
    }
}

fn ity(n: u32) -> Ty {
    if n == 32 { Ty::I32 } else { Ty::I64 }
}

fn fty(n: u32) -> Ty {
    if n == 32 { Ty::F32 } else { Ty::F64 }
}

/// What the spec allows one scalar result, or one lane of a vector result, to be: exactly
/// these bits of `N`, or a NaN of a set (the sets of `Floats` taken to bits once, so that
/// checking a result is cheap).
#[derive(Clone, Debug)]
pub enum Allowed {
    Bits(Lane, u64),
    Nans(u32, Nans),
}

impl Allowed {
    fn int(n: u32, i: &BigInt) -> Allowed {
        Allowed::Bits(Lane::I(n), u64::try_from(i).expect("an iN"))
    }

    fn float(n: u32, set: &Floats) -> Allowed {
        match set {
            Floats::One(z) => Allowed::Bits(Lane::F(n), fbits(n, z)),
            Floats::Nans(s) => Allowed::Nans(n, *s),
        }
    }

    fn width(&self) -> u32 {
        match *self {
            Allowed::Bits(Lane::I(n) | Lane::F(n), _) | Allowed::Nans(n, _) => n,
        }
    }

    fn contains(&self, bits: u64) -> bool {
        match *self {
            Allowed::Bits(_, b) => b == bits,
            Allowed::Nans(n, set) => Floats::Nans(set).contains(n, bits),
        }
    }

    fn show(&self) -> String {
        match *self {
            Allowed::Bits(Lane::I(n), b) => format!("{b:#0w$x}", w = n as usize / 4 + 2),
            Allowed::Bits(Lane::F(n), b) => Floats::One(inv_fbits(n, b)).show(n),
            Allowed::Nans(n, set) => Floats::Nans(set).show(n),
        }
    }
}

/// What the spec allows an operator to do on given operands: return a value (lanes of it, for
/// `v128`), or trap with the official suite's message.
#[derive(Clone, Debug)]
pub enum Outcome {
    Value(Vec<Allowed>),
    Trap(&'static str),
}

impl Outcome {
    fn int(n: u32, i: BigInt) -> Outcome {
        Outcome::Value(vec![Allowed::int(n, &i)])
    }

    fn float(n: u32, set: Floats) -> Outcome {
        Outcome::Value(vec![Allowed::float(n, &set)])
    }

    fn partial(n: u32, r: Result<BigInt, Undefined>) -> Outcome {
        match r {
            Ok(i) => Outcome::int(n, i),
            Err(u) => Outcome::Trap(u.message()),
        }
    }

    /// Whether an engine's result is allowed; if not, what was expected.
    pub fn check(&self, got: &Result<Val, String>) -> Result<(), String> {
        match (self, got) {
            (Outcome::Trap(m), Err(e)) if m == e => Ok(()),
            (Outcome::Value(lanes), Ok(v)) if lanes.len() == 1 && !matches!(v, Val::V128(_)) => {
                match scalar_bits(v) {
                    Some((n, b)) if n == lanes[0].width() && lanes[0].contains(b) => Ok(()),
                    _ => Err(self.show()),
                }
            }
            (Outcome::Value(lanes), Ok(v)) => {
                let n = lanes[0].width();
                let bits = lane_bits(v, n);
                if bits.len() == lanes.len() && lanes.iter().zip(&bits).all(|(a, b)| a.contains(*b)) {
                    Ok(())
                } else {
                    Err(self.show())
                }
            }
            _ => Err(self.show()),
        }
    }

    pub fn show(&self) -> String {
        match self {
            Outcome::Trap(m) => format!("trap `{m}`"),
            Outcome::Value(lanes) if lanes.len() == 1 => lanes[0].show(),
            Outcome::Value(lanes) => {
                format!("[{}]", lanes.iter().map(Allowed::show).collect::<Vec<_>>().join(", "))
            }
        }
    }
}

/// The width and bits of a number.
fn scalar_bits(v: &Val) -> Option<(u32, u64)> {
    Some(match *v {
        Val::I32(i) => (32, i.into()),
        Val::I64(i) => (64, i),
        Val::F32(F32(z)) => (32, z.into()),
        Val::F64(F64(z)) => (64, z),
        _ => return None,
    })
}

/// The bits of a value, as lanes of `n` bits (one for a number).
pub fn lane_bits(v: &Val, n: u32) -> Vec<u64> {
    match *v {
        Val::I32(i) => vec![i.into()],
        Val::I64(i) => vec![i],
        Val::F32(F32(z)) => vec![z.into()],
        Val::F64(F64(z)) => vec![z],
        Val::V128(V128(b)) => {
            let c = u128::from_le_bytes(b);
            (0..128 / n).map(|k| ((c >> (k * n)) as u64) & (u64::MAX >> (64 - n))).collect()
        }
        Val::Ref(_) => vec![],
    }
}

/// A value, shown by its bits.
pub fn show_val(v: &Val) -> String {
    match *v {
        Val::I32(i) => format!("i32:{i:#010x}"),
        Val::I64(i) => format!("i64:{i:#018x}"),
        Val::F32(F32(z)) => format!("f32:{z:#010x} ({})", fl::Show(&inv_fbits(32, z.into()))),
        Val::F64(F64(z)) => format!("f64:{z:#018x} ({})", fl::Show(&inv_fbits(64, z))),
        Val::V128(V128(b)) => format!("v128:{:#034x}", u128::from_le_bytes(b)),
        Val::Ref(r) => format!("{r:?}"),
    }
}

/// An engine's result, shown by its bits.
pub fn show_result(r: &Result<Val, String>) -> String {
    match r {
        Ok(v) => show_val(v),
        Err(m) => format!("trap `{m}`"),
    }
}

/// An operand as an `iN` (the integer of its bits).
fn int(v: &Val) -> BigInt {
    BigInt::from(lane_bits(v, 64)[0])
}

/// An operand as an `fN` value.
fn float(v: &Val) -> Fv {
    match *v {
        Val::F32(F32(z)) => inv_fbits(32, z.into()),
        Val::F64(F64(z)) => inv_fbits(64, z),
        _ => panic!("{v:?} is not a float"),
    }
}

/// The lanes of a `v128` operand as `iN`.
fn ilanes(v: &Val, n: u32) -> Vec<BigInt> {
    lane_bits(v, n).into_iter().map(BigInt::from).collect()
}

/// The lanes of a `v128` operand as `fN`.
fn flanes(v: &Val, n: u32) -> Vec<Fv> {
    lane_bits(v, n).into_iter().map(|b| inv_fbits(n, b)).collect()
}

/// A `v128` as an integer `0 <= c < 2^128`.
fn v128(v: &Val) -> BigInt {
    match v {
        Val::V128(V128(b)) => BigInt::from(u128::from_le_bytes(*b)),
        _ => panic!("{v:?} is not a v128"),
    }
}

type Exact = Box<dyn Fn(&[Val]) -> Outcome + Send + Sync>;

/// The groups of operators, each a property of its own.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Family {
    Int,
    Float,
    Conversion,
    Vector,
}

/// An operator: the instruction, its type, what the spec allows, and the assignment of the
/// relaxed parameter (if any) under which the reference is run.
pub struct Op {
    pub family: Family,
    pub name: String,
    pub params: Vec<Ty>,
    pub result: Ty,
    pub relaxed: Option<(Param, u8)>,
    pub exact: Exact,
}

impl Op {
    fn new(name: String, params: Vec<Ty>, result: Ty, exact: Exact) -> Op {
        Op { family: Family::Int, name, params, result, relaxed: None, exact }
    }

    pub fn is_vector(&self) -> bool {
        self.result.is_vector() || self.params.iter().any(|t| t.is_vector())
    }

    /// The label of this operator in messages: its name, and its relaxed parameter if any.
    pub fn label(&self) -> String {
        match self.relaxed {
            Some((p, r)) => format!("{} (R_{p:?} = {r})", self.name),
            None => self.name.clone(),
        }
    }
}

type I1 = fn(u32, &BigInt) -> BigInt;
type I2 = fn(u32, &BigInt, &BigInt) -> BigInt;
type I2p = fn(u32, &BigInt, &BigInt) -> Result<BigInt, Undefined>;
type F1 = fn(u32, &Fv) -> Floats;
type F2 = fn(u32, &Fv, &Fv) -> Floats;
type Fr = fn(u32, &Fv, &Fv) -> bool;

/// The integer operators of `iN`, N = 32, 64 (spec 4.3.2 and the scalar dispatch of SpecTec
/// `$unop_`, `$binop_`, `$testop_`, `$relop_`).
fn int_ops(ops: &mut Vec<Op>) {
    for n in [32, 64] {
        let t = ity(n);
        let un: [(&str, I1); 3] = [("clz", it::iclz), ("ctz", it::ictz), ("popcnt", it::ipopcnt)];
        for (name, f) in un {
            ops.push(Op::new(
                format!("i{n}.{name}"),
                vec![t],
                t,
                Box::new(move |a| Outcome::int(n, f(n, &int(&a[0])))),
            ));
        }
        for k in [8, 16, 32].into_iter().filter(|&k| k < n) {
            ops.push(Op::new(
                format!("i{n}.extend{k}_s"),
                vec![t],
                t,
                Box::new(move |a| Outcome::int(n, it::iextend_s(n, k, &int(&a[0])))),
            ));
        }
        ops.push(Op::new(
            format!("i{n}.eqz"),
            vec![t],
            Ty::I32,
            Box::new(move |a| Outcome::int(32, it::ieqz(n, &int(&a[0])))),
        ));
        let bin: [(&str, I2); 10] = [
            ("add", it::iadd),
            ("sub", it::isub),
            ("mul", it::imul),
            ("and", it::iand),
            ("or", it::ior),
            ("xor", it::ixor),
            ("shl", it::ishl),
            ("shr_s", it::ishr_s),
            ("shr_u", it::ishr_u),
            ("rotl", it::irotl),
        ];
        for (name, f) in bin.into_iter().chain([("rotr", it::irotr as I2)]) {
            ops.push(Op::new(
                format!("i{n}.{name}"),
                vec![t, t],
                t,
                Box::new(move |a| Outcome::int(n, f(n, &int(&a[0]), &int(&a[1])))),
            ));
        }
        let partial: [(&str, I2p); 4] =
            [("div_s", it::idiv_s), ("div_u", it::idiv_u), ("rem_s", it::irem_s), ("rem_u", it::irem_u)];
        for (name, f) in partial {
            ops.push(Op::new(
                format!("i{n}.{name}"),
                vec![t, t],
                t,
                Box::new(move |a| Outcome::partial(n, f(n, &int(&a[0]), &int(&a[1])))),
            ));
        }
        let rel: [(&str, I2); 10] = [
            ("eq", it::ieq),
            ("ne", it::ine),
            ("lt_s", it::ilt_s),
            ("lt_u", it::ilt_u),
            ("gt_s", it::igt_s),
            ("gt_u", it::igt_u),
            ("le_s", it::ile_s),
            ("le_u", it::ile_u),
            ("ge_s", it::ige_s),
            ("ge_u", it::ige_u),
        ];
        for (name, f) in rel {
            ops.push(Op::new(
                format!("i{n}.{name}"),
                vec![t, t],
                Ty::I32,
                Box::new(move |a| Outcome::int(32, f(n, &int(&a[0]), &int(&a[1])))),
            ));
        }
    }
}

const FUNOPS: [(&str, F1); 7] = [
    ("abs", fl::fabs),
    ("neg", fl::fneg),
    ("sqrt", fl::fsqrt),
    ("ceil", fl::fceil),
    ("floor", fl::ffloor),
    ("trunc", fl::ftrunc),
    ("nearest", fl::fnearest),
];

const FBINOPS: [(&str, F2); 7] = [
    ("add", fl::fadd),
    ("sub", fl::fsub),
    ("mul", fl::fmul),
    ("div", fl::fdiv),
    ("min", fl::fmin),
    ("max", fl::fmax),
    ("copysign", fl::fcopysign),
];

const FRELOPS: [(&str, Fr); 6] =
    [("eq", fl::feq), ("ne", fl::fne), ("lt", fl::flt), ("gt", fl::fgt), ("le", fl::fle), ("ge", fl::fge)];

/// The float operators of `fN`, N = 32, 64 (spec 4.3.3).
fn float_ops(ops: &mut Vec<Op>) {
    for n in [32, 64] {
        let t = fty(n);
        for (name, f) in FUNOPS {
            ops.push(Op::new(
                format!("f{n}.{name}"),
                vec![t],
                t,
                Box::new(move |a| Outcome::float(n, f(n, &float(&a[0])))),
            ));
        }
        for (name, f) in FBINOPS {
            ops.push(Op::new(
                format!("f{n}.{name}"),
                vec![t, t],
                t,
                Box::new(move |a| Outcome::float(n, f(n, &float(&a[0]), &float(&a[1])))),
            ));
        }
        for (name, f) in FRELOPS {
            ops.push(Op::new(
                format!("f{n}.{name}"),
                vec![t, t],
                Ty::I32,
                Box::new(move |a| Outcome::int(32, it::tobool(f(n, &float(&a[0]), &float(&a[1]))))),
            ));
        }
    }
}

/// The conversions (spec 4.3.4, SpecTec `$cvtop__`).
fn conversion_ops(ops: &mut Vec<Op>) {
    let sxs = [("s", true), ("u", false)];
    for (s, signed) in sxs {
        ops.push(Op::new(
            format!("i64.extend_i32_{s}"),
            vec![Ty::I32],
            Ty::I64,
            Box::new(move |a| {
                let i = int(&a[0]);
                Outcome::int(64, if signed { cv::extend_s(32, 64, &i) } else { cv::extend_u(32, 64, &i) })
            }),
        ));
    }
    ops.push(Op::new(
        "i32.wrap_i64".into(),
        vec![Ty::I64],
        Ty::I32,
        Box::new(|a| Outcome::int(32, cv::wrap(64, 32, &int(&a[0])))),
    ));
    for n in [32, 64] {
        for m in [32, 64] {
            for (s, signed) in sxs {
                ops.push(Op::new(
                    format!("i{n}.trunc_f{m}_{s}"),
                    vec![fty(m)],
                    ity(n),
                    Box::new(move |a| {
                        let z = float(&a[0]);
                        Outcome::partial(
                            n,
                            if signed { cv::trunc_s(m, n, &z) } else { cv::trunc_u(m, n, &z) },
                        )
                    }),
                ));
                ops.push(Op::new(
                    format!("i{n}.trunc_sat_f{m}_{s}"),
                    vec![fty(m)],
                    ity(n),
                    Box::new(move |a| {
                        let z = float(&a[0]);
                        Outcome::int(
                            n,
                            if signed { cv::trunc_sat_s(m, n, &z) } else { cv::trunc_sat_u(m, n, &z) },
                        )
                    }),
                ));
                ops.push(Op::new(
                    format!("f{n}.convert_i{m}_{s}"),
                    vec![ity(m)],
                    fty(n),
                    Box::new(move |a| {
                        let i = int(&a[0]);
                        let z = if signed { cv::convert_s(m, n, &i) } else { cv::convert_u(m, n, &i) };
                        Outcome::float(n, Floats::One(z))
                    }),
                ));
            }
        }
        ops.push(Op::new(
            format!("i{n}.reinterpret_f{n}"),
            vec![fty(n)],
            ity(n),
            Box::new(move |a| Outcome::int(n, cv::reinterpret_fi(n, &float(&a[0])))),
        ));
        ops.push(Op::new(
            format!("f{n}.reinterpret_i{n}"),
            vec![ity(n)],
            fty(n),
            Box::new(move |a| Outcome::float(n, Floats::One(cv::reinterpret_if(n, &int(&a[0]))))),
        ));
    }
    ops.push(Op::new(
        "f64.promote_f32".into(),
        vec![Ty::F32],
        Ty::F64,
        Box::new(|a| Outcome::float(64, cv::promote(32, 64, &float(&a[0])))),
    ));
    ops.push(Op::new(
        "f32.demote_f64".into(),
        vec![Ty::F64],
        Ty::F32,
        Box::new(|a| Outcome::float(32, cv::demote(64, 32, &float(&a[0])))),
    ));
}

/// The shape `iNxM` or `fNxM` of lanes of `N` bits.
fn shape(l: Lane) -> String {
    match l {
        Lane::I(n) => format!("i{n}x{}", 128 / n),
        Lane::F(n) => format!("f{n}x{}", 128 / n),
    }
}

/// Lanes of integers as a result.
fn ivalue(n: u32, i: Vec<BigInt>) -> Outcome {
    Outcome::Value(i.iter().map(|i| Allowed::int(n, i)).collect())
}

/// A `v128` result, read as lanes of `n` bits.
fn vvalue(n: u32, c: &BigInt) -> Outcome {
    ivalue(n, vc::lanes(n, c))
}

/// Lanes of float sets as a result.
fn fvalue(n: u32, z: Vec<Floats>) -> Outcome {
    Outcome::Value(z.iter().map(|z| Allowed::float(n, z)).collect())
}

/// `extend_s_{1,N}(b)`: a lane of all ones or all zeros, how `vrelop` returns a comparison.
fn ones(n: u32, b: &BigInt) -> BigInt {
    it::inv_signed(n, &-b)
}

/// The vector operators (spec 4.3.5): the scalar operators lane by lane (`op-vec`), the
/// vector-only integer operators (saturating arithmetic, `avgr`, `q15mulr`, `narrow`, `dot`,
/// `extmul`, `extadd_pairwise`), the lane conversions, and the relaxed multiply-adds under
/// both values of `R_fmadd`. Run in the reference only: the compiler refuses `v128`.
fn vector_ops(ops: &mut Vec<Op>) {
    // The bitwise operators on the whole vector, `iN` with N = 128.
    let v = Ty::V(Lane::I(64));
    ops.push(Op::new("v128.not".into(), vec![v], v, Box::new(|a| vvalue(64, &it::inot(128, &v128(&a[0]))))));
    for (name, f) in [("and", it::iand as I2), ("andnot", it::iandnot), ("or", it::ior), ("xor", it::ixor)] {
        ops.push(Op::new(
            format!("v128.{name}"),
            vec![v, v],
            v,
            Box::new(move |a| vvalue(64, &f(128, &v128(&a[0]), &v128(&a[1])))),
        ));
    }
    ops.push(Op::new(
        "v128.bitselect".into(),
        vec![v, v, v],
        v,
        Box::new(|a| vvalue(64, &it::ibitselect(128, &v128(&a[0]), &v128(&a[1]), &v128(&a[2])))),
    ));
    ops.push(Op::new(
        "v128.any_true".into(),
        vec![v],
        Ty::I32,
        Box::new(|a| Outcome::int(32, it::inez(128, &v128(&a[0])))),
    ));
    for n in [8, 16, 32, 64] {
        let l = Lane::I(n);
        let (sh, v) = (shape(l), Ty::V(l));
        let mut un: Vec<(&str, I1)> = vec![("abs", it::iabs), ("neg", it::ineg)];
        if n == 8 {
            un.push(("popcnt", it::ipopcnt));
        }
        for (name, f) in un {
            ops.push(Op::new(
                format!("{sh}.{name}"),
                vec![v],
                v,
                Box::new(move |a| ivalue(n, ilanes(&a[0], n).iter().map(|i| f(n, i)).collect())),
            ));
        }
        let mut bin: Vec<(&str, I2)> = vec![("add", it::iadd), ("sub", it::isub)];
        if n != 8 {
            bin.push(("mul", it::imul));
        }
        if n <= 16 {
            bin.extend([
                ("add_sat_s", it::iadd_sat_s as I2),
                ("add_sat_u", it::iadd_sat_u),
                ("sub_sat_s", it::isub_sat_s),
                ("sub_sat_u", it::isub_sat_u),
                ("avgr_u", it::iavgr_u),
            ]);
        }
        if n == 16 {
            bin.push(("q15mulr_sat_s", it::iq15mulr_sat_s));
        }
        if n <= 32 {
            bin.extend([
                ("min_s", it::imin_s as I2),
                ("min_u", it::imin_u),
                ("max_s", it::imax_s),
                ("max_u", it::imax_u),
            ]);
        }
        let rel: Vec<(&str, I2)> = if n == 64 {
            vec![
                ("eq", it::ieq),
                ("ne", it::ine),
                ("lt_s", it::ilt_s),
                ("gt_s", it::igt_s),
                ("le_s", it::ile_s),
                ("ge_s", it::ige_s),
            ]
        } else {
            vec![
                ("eq", it::ieq),
                ("ne", it::ine),
                ("lt_s", it::ilt_s),
                ("lt_u", it::ilt_u),
                ("gt_s", it::igt_s),
                ("gt_u", it::igt_u),
                ("le_s", it::ile_s),
                ("le_u", it::ile_u),
                ("ge_s", it::ige_s),
                ("ge_u", it::ige_u),
            ]
        };
        for (name, f) in bin {
            ops.push(Op::new(
                format!("{sh}.{name}"),
                vec![v, v],
                v,
                Box::new(move |a| {
                    let (i1, i2) = (ilanes(&a[0], n), ilanes(&a[1], n));
                    ivalue(n, i1.iter().zip(&i2).map(|(x, y)| f(n, x, y)).collect())
                }),
            ));
        }
        for (name, f) in rel {
            ops.push(Op::new(
                format!("{sh}.{name}"),
                vec![v, v],
                v,
                Box::new(move |a| {
                    let (i1, i2) = (ilanes(&a[0], n), ilanes(&a[1], n));
                    ivalue(n, i1.iter().zip(&i2).map(|(x, y)| ones(n, &f(n, x, y))).collect())
                }),
            ));
        }
        // `all_true`: the product of `inez_N` over the lanes.
        ops.push(Op::new(
            format!("{sh}.all_true"),
            vec![v],
            Ty::I32,
            Box::new(move |a| Outcome::int(32, ilanes(&a[0], n).iter().map(|i| it::inez(n, i)).product())),
        ));
        for (name, f) in [("shl", it::ishl as I2), ("shr_s", it::ishr_s), ("shr_u", it::ishr_u)] {
            ops.push(Op::new(
                format!("{sh}.{name}"),
                vec![v, Ty::I32],
                v,
                Box::new(move |a| {
                    let k = int(&a[1]);
                    ivalue(n, ilanes(&a[0], n).iter().map(|i| f(n, i, &k)).collect())
                }),
            ));
        }
    }
    for n in [32, 64] {
        let l = Lane::F(n);
        let (sh, v) = (shape(l), Ty::V(l));
        for (name, f) in FUNOPS {
            ops.push(Op::new(
                format!("{sh}.{name}"),
                vec![v],
                v,
                Box::new(move |a| fvalue(n, flanes(&a[0], n).iter().map(|z| f(n, z)).collect())),
            ));
        }
        let bin = FBINOPS[..6].iter().copied().chain([("pmin", fl::fpmin as F2), ("pmax", fl::fpmax)]);
        for (name, f) in bin {
            ops.push(Op::new(
                format!("{sh}.{name}"),
                vec![v, v],
                v,
                Box::new(move |a| {
                    let (z1, z2) = (flanes(&a[0], n), flanes(&a[1], n));
                    fvalue(n, z1.iter().zip(&z2).map(|(x, y)| f(n, x, y)).collect())
                }),
            ));
        }
        for (name, f) in FRELOPS {
            ops.push(Op::new(
                format!("{sh}.{name}"),
                vec![v, v],
                Ty::V(Lane::I(n)),
                Box::new(move |a| {
                    let (z1, z2) = (flanes(&a[0], n), flanes(&a[1], n));
                    ivalue(n, z1.iter().zip(&z2).map(|(x, y)| ones(n, &it::tobool(f(n, x, y)))).collect())
                }),
            ));
        }
        for r in [0, 1] {
            for (name, nmadd) in [("relaxed_madd", false), ("relaxed_nmadd", true)] {
                let mut op = Op::new(
                    format!("{sh}.{name}"),
                    vec![v, v, v],
                    v,
                    Box::new(move |a| {
                        let (z1, z2, z3) = (flanes(&a[0], n), flanes(&a[1], n), flanes(&a[2], n));
                        let f = if nmadd { fl::frelaxed_nmadd } else { fl::frelaxed_madd };
                        fvalue(n, (0..z1.len()).map(|k| f(n, r, &z1[k], &z2[k], &z3[k])).collect())
                    }),
                );
                op.relaxed = Some((Param::Fmadd, r));
                ops.push(op);
            }
        }
    }
    // narrow, extend, extadd_pairwise, extmul, dot
    for (n1, n2) in [(16, 8), (32, 16)] {
        let (from, to) = (Ty::V(Lane::I(n1)), Ty::V(Lane::I(n2)));
        for (s, sx) in [("s", Sx::S), ("u", Sx::U)] {
            ops.push(Op::new(
                format!("{}.narrow_{}_{s}", shape(Lane::I(n2)), shape(Lane::I(n1))),
                vec![from, from],
                to,
                Box::new(move |a| vvalue(n2, &vc::vnarrow(sx, n1, n2, &v128(&a[0]), &v128(&a[1])))),
            ));
        }
    }
    for (n1, n2) in [(8, 16), (16, 32), (32, 64)] {
        let (from, to) = (Ty::V(Lane::I(n1)), Ty::V(Lane::I(n2)));
        let (s1, s2) = (shape(Lane::I(n1)), shape(Lane::I(n2)));
        for (s, sx) in [("s", Sx::S), ("u", Sx::U)] {
            for (h, half) in [("low", Half::Low), ("high", Half::High)] {
                ops.push(Op::new(
                    format!("{s2}.extmul_{h}_{s1}_{s}"),
                    vec![from, from],
                    to,
                    Box::new(move |a| vvalue(n2, &vc::extmul(half, sx, n1, n2, &v128(&a[0]), &v128(&a[1])))),
                ));
                ops.push(Op::new(
                    format!("{s2}.extend_{h}_{s1}_{s}"),
                    vec![from],
                    to,
                    Box::new(move |a| {
                        let i = ilanes(&a[0], n1);
                        let k = (128 / n2) as usize;
                        let h = if half == Half::Low { 0 } else { k };
                        ivalue(n2, i[h..h + k].iter().map(|i| vc::extend(sx, n1, n2, i)).collect())
                    }),
                ));
            }
            if n2 <= 32 {
                ops.push(Op::new(
                    format!("{s2}.extadd_pairwise_{s1}_{s}"),
                    vec![from],
                    to,
                    Box::new(move |a| vvalue(n2, &vc::extadd_pairwise(sx, n1, n2, &v128(&a[0])))),
                ));
            }
        }
    }
    let (i16x8, i32x4) = (Ty::V(Lane::I(16)), Ty::V(Lane::I(32)));
    ops.push(Op::new(
        "i32x4.dot_i16x8_s".into(),
        vec![i16x8, i16x8],
        i32x4,
        Box::new(|a| vvalue(32, &vc::dot_s(16, 32, &v128(&a[0]), &v128(&a[1])))),
    ));
    let i8x16 = Ty::V(Lane::I(8));
    for r in [0, 1] {
        let mut op = Op::new(
            "i16x8.relaxed_dot_i8x16_i7x16_s".into(),
            vec![i8x16, i8x16],
            i16x8,
            Box::new(move |a| vvalue(16, &vc::relaxed_dot_s(r, 8, 16, &v128(&a[0]), &v128(&a[1])))),
        );
        op.relaxed = Some((Param::Idot, r));
        ops.push(op);
    }
    // The lane conversions: the scalar conversions lane by lane.
    let (f32x4, f64x2) = (Ty::V(Lane::F(32)), Ty::V(Lane::F(64)));
    for (s, signed) in [("s", true), ("u", false)] {
        ops.push(Op::new(
            format!("i32x4.trunc_sat_f32x4_{s}"),
            vec![f32x4],
            i32x4,
            Box::new(move |a| {
                let z = flanes(&a[0], 32);
                ivalue(
                    32,
                    z.iter()
                        .map(|z| if signed { cv::trunc_sat_s(32, 32, z) } else { cv::trunc_sat_u(32, 32, z) })
                        .collect(),
                )
            }),
        ));
        ops.push(Op::new(
            format!("i32x4.trunc_sat_f64x2_{s}_zero"),
            vec![f64x2],
            i32x4,
            Box::new(move |a| {
                let z = flanes(&a[0], 64);
                let mut i: Vec<BigInt> = z
                    .iter()
                    .map(|z| if signed { cv::trunc_sat_s(64, 32, z) } else { cv::trunc_sat_u(64, 32, z) })
                    .collect();
                i.extend([BigInt::from(0), BigInt::from(0)]);
                ivalue(32, i)
            }),
        ));
        ops.push(Op::new(
            format!("f32x4.convert_i32x4_{s}"),
            vec![i32x4],
            f32x4,
            Box::new(move |a| {
                let i = ilanes(&a[0], 32);
                fvalue(
                    32,
                    i.iter()
                        .map(|i| {
                            Floats::One(if signed {
                                cv::convert_s(32, 32, i)
                            } else {
                                cv::convert_u(32, 32, i)
                            })
                        })
                        .collect(),
                )
            }),
        ));
        ops.push(Op::new(
            format!("f64x2.convert_low_i32x4_{s}"),
            vec![i32x4],
            f64x2,
            Box::new(move |a| {
                let i = ilanes(&a[0], 32);
                fvalue(
                    64,
                    i[..2]
                        .iter()
                        .map(|i| {
                            Floats::One(if signed {
                                cv::convert_s(32, 64, i)
                            } else {
                                cv::convert_u(32, 64, i)
                            })
                        })
                        .collect(),
                )
            }),
        ));
    }
    ops.push(Op::new(
        "f32x4.demote_f64x2_zero".into(),
        vec![f64x2],
        f32x4,
        Box::new(|a| {
            let mut z: Vec<Floats> = flanes(&a[0], 64).iter().map(|z| cv::demote(64, 32, z)).collect();
            z.extend([Floats::One(Fv::zero(false)), Floats::One(Fv::zero(false))]);
            fvalue(32, z)
        }),
    ));
    ops.push(Op::new(
        "f64x2.promote_low_f32x4".into(),
        vec![f32x4],
        f64x2,
        Box::new(|a| fvalue(64, flanes(&a[0], 32)[..2].iter().map(|z| cv::promote(32, 64, z)).collect())),
    ));
}

/// Every operator under test, built once.
pub fn all() -> &'static [Op] {
    static OPS: OnceLock<Vec<Op>> = OnceLock::new();
    OPS.get_or_init(|| {
        let mut ops = Vec::new();
        type Builder = fn(&mut Vec<Op>);
        let builders: [(Family, Builder); 4] = [
            (Family::Int, int_ops),
            (Family::Float, float_ops),
            (Family::Conversion, conversion_ops),
            (Family::Vector, vector_ops),
        ];
        for (family, build) in builders {
            let start = ops.len();
            build(&mut ops);
            ops[start..].iter_mut().for_each(|op| op.family = family);
        }
        ops
    })
}
