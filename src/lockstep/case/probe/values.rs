//! Probes of what carries values: conversions, comparisons and tests, `select`, globals,
//! each on its parameters, its result returned (a global's also left in the store), so that
//! nothing after it can hide a wrong value.

use arbitrary::{Result, Unstructured};

const TYPES: [&str; 4] = ["i32", "i64", "f32", "f64"];

/// Every conversion of Wasm 2.0: from, to, the instruction.
const CONVERSIONS: [(&str, &str, &str); 33] = [
    ("i64", "i32", "i32.wrap_i64"),
    ("i32", "i64", "i64.extend_i32_s"),
    ("i32", "i64", "i64.extend_i32_u"),
    ("f32", "i32", "i32.trunc_f32_s"),
    ("f32", "i32", "i32.trunc_f32_u"),
    ("f64", "i32", "i32.trunc_f64_s"),
    ("f64", "i32", "i32.trunc_f64_u"),
    ("f32", "i64", "i64.trunc_f32_s"),
    ("f32", "i64", "i64.trunc_f32_u"),
    ("f64", "i64", "i64.trunc_f64_s"),
    ("f64", "i64", "i64.trunc_f64_u"),
    ("f32", "i32", "i32.trunc_sat_f32_s"),
    ("f32", "i32", "i32.trunc_sat_f32_u"),
    ("f64", "i32", "i32.trunc_sat_f64_s"),
    ("f64", "i32", "i32.trunc_sat_f64_u"),
    ("f32", "i64", "i64.trunc_sat_f32_s"),
    ("f32", "i64", "i64.trunc_sat_f32_u"),
    ("f64", "i64", "i64.trunc_sat_f64_s"),
    ("f64", "i64", "i64.trunc_sat_f64_u"),
    ("i32", "f32", "f32.convert_i32_s"),
    ("i32", "f32", "f32.convert_i32_u"),
    ("i64", "f32", "f32.convert_i64_s"),
    ("i64", "f32", "f32.convert_i64_u"),
    ("i32", "f64", "f64.convert_i32_s"),
    ("i32", "f64", "f64.convert_i32_u"),
    ("i64", "f64", "f64.convert_i64_s"),
    ("i64", "f64", "f64.convert_i64_u"),
    ("f64", "f32", "f32.demote_f64"),
    ("f32", "f64", "f64.promote_f32"),
    ("f32", "i32", "i32.reinterpret_f32"),
    ("f64", "i64", "i64.reinterpret_f64"),
    ("i32", "f32", "f32.reinterpret_i32"),
    ("i64", "f64", "f64.reinterpret_i64"),
];

const INT_RELOPS: [&str; 10] = ["eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"];
const FLOAT_RELOPS: [&str; 6] = ["eq", "ne", "lt", "gt", "le", "ge"];

/// `convert`, `compare`, `eqz`, `select` and `global`.
pub(super) fn probes(u: &mut Unstructured) -> Result<String> {
    Ok([convert(u)?, compare(u)?, select(u)?, global(u)?].join("\n"))
}

/// `convert`: one conversion of its parameter.
fn convert(u: &mut Unstructured) -> Result<String> {
    let (from, to, op) = *u.choose(&CONVERSIONS)?;
    Ok(format!("  (func (export \"convert\") (param {from}) (result {to}) (local.get 0) ({op}))"))
}

/// `compare`: a comparison of its two parameters, of a type; `eqz` of an integer type.
fn compare(u: &mut Unstructured) -> Result<String> {
    let t = *u.choose(&TYPES)?;
    let relop = *u.choose(if t.starts_with('i') { &INT_RELOPS[..] } else { &FLOAT_RELOPS[..] })?;
    let i = *u.choose(&["i32", "i64"])?;
    Ok(format!(
        "  (func (export \"compare\") (param {t} {t}) (result i32) (local.get 0) (local.get 1) ({t}.{relop}))\n  \
         (func (export \"eqz\") (param {i}) (result i32) (local.get 0) ({i}.eqz))"
    ))
}

/// `select` of its first two parameters by its third, typed or not.
fn select(u: &mut Unstructured) -> Result<String> {
    let t = *u.choose(&TYPES)?;
    let typed = if u.arbitrary()? { format!("(result {t}) ") } else { String::new() };
    Ok(format!(
        "  (func (export \"select\") (param {t} {t} i32) (result {t}) \
         (select {typed}(local.get 0) (local.get 1) (local.get 2)))"
    ))
}

/// `global`: its parameter into a mutable global of a type, and read back.
fn global(u: &mut Unstructured) -> Result<String> {
    let t = *u.choose(&TYPES)?;
    Ok(format!(
        "  (global $g (mut {t}) ({t}.const 0))\n  (func (export \"global\") (param {t}) (result {t}) \
         (global.set $g (local.get 0)) (global.get $g))"
    ))
}
