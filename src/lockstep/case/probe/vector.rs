//! Probes of the vector instructions: one binary operator, one unary operator or conversion,
//! and `i8x16.shuffle` with lanes the fuzzer chooses, each on its `v128` parameters, its
//! result returned. wasm-smith's modules (with vectors) rarely apply one to a parameter; the
//! operators here are those whose x86 sequences have edges: saturation, NaNs and zeros' signs
//! in `min`/`max`, the bounds of the truncations, lane order.

use arbitrary::{Result, Unstructured};

const BINOPS: [&str; 36] = [
    "i8x16.add",
    "i8x16.sub",
    "i8x16.add_sat_s",
    "i8x16.sub_sat_u",
    "i8x16.min_s",
    "i8x16.max_u",
    "i8x16.avgr_u",
    "i8x16.swizzle",
    "i8x16.narrow_i16x8_s",
    "i8x16.narrow_i16x8_u",
    "i8x16.eq",
    "i8x16.lt_s",
    "i16x8.mul",
    "i16x8.q15mulr_sat_s",
    "i16x8.extmul_low_i8x16_s",
    "i16x8.extmul_high_i8x16_u",
    "i16x8.narrow_i32x4_u",
    "i32x4.mul",
    "i32x4.dot_i16x8_s",
    "i32x4.min_u",
    "i32x4.gt_u",
    "i64x2.mul",
    "i64x2.lt_s",
    "f32x4.add",
    "f32x4.div",
    "f32x4.min",
    "f32x4.max",
    "f32x4.pmin",
    "f32x4.pmax",
    "f32x4.lt",
    "f64x2.min",
    "f64x2.max",
    "f64x2.mul",
    "f64x2.ge",
    "v128.and",
    "v128.andnot",
];

const UNOPS: [&str; 16] = [
    "i8x16.abs",
    "i8x16.popcnt",
    "i16x8.extadd_pairwise_i8x16_s",
    "i32x4.extend_high_i16x8_u",
    "f32x4.sqrt",
    "f32x4.nearest",
    "f64x2.ceil",
    "i32x4.trunc_sat_f32x4_s",
    "i32x4.trunc_sat_f32x4_u",
    "i32x4.trunc_sat_f64x2_s_zero",
    "i32x4.trunc_sat_f64x2_u_zero",
    "f32x4.convert_i32x4_u",
    "f64x2.convert_low_i32x4_s",
    "f32x4.demote_f64x2_zero",
    "f64x2.promote_low_f32x4",
    "i64x2.neg",
];

/// `vbinop`, `vunop` and `vshuffle`.
pub fn probes(u: &mut Unstructured) -> Result<String> {
    let binop = *u.choose(&BINOPS)?;
    let unop = *u.choose(&UNOPS)?;
    let lanes =
        (0..16).map(|_| u.int_in_range(0..=31u8).map(|l| l.to_string())).collect::<Result<Vec<_>>>()?;
    Ok(format!(
        "  (func (export \"vbinop\") (param v128 v128) (result v128) ({binop} (local.get 0) (local.get 1)))\n  \
         (func (export \"vunop\") (param v128) (result v128) ({unop} (local.get 0)))\n  \
         (func (export \"vshuffle\") (param v128 v128) (result v128) \
         (i8x16.shuffle {} (local.get 0) (local.get 1)))",
        lanes.join(" ")
    ))
}
