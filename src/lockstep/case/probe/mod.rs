//! Probes: small modules whose exported functions each apply one instruction to their
//! parameters: a numeric operator (`unop`, `binop`), `br_table` (`br_table`),
//! `call_indirect` into a table of functions of several types (`call_indirect`); memory
//! instructions (`memory.rs`: `access`, `store_load`, `bulk`); what carries values
//! (`values.rs`: `convert`, `compare`, `eqz`, `select`, `global`); and vector operators
//! (`vector.rs`: `vbinop`, `vunop`, `vshuffle`). Arguments chosen among
//! the values where operators change behaviour and at the edges of the module's memory and
//! table (`args.rs`) then reach the cases where those rules change: a signed remainder of
//! `INT_MIN`, a shift by 32, a zero's sign, the last bytes of memory, the default label, a
//! slot of another type, a NaN converted to an integer. A wasm-smith module
//! rarely routes a parameter to one such instruction, as it picks each instruction among
//! hundreds; Wasmtime's fuzzers have single-instruction modules for the same reason.

mod memory;
mod values;
mod vector;

use arbitrary::{Result, Unstructured};

/// The numeric operators of one type and one or two operands (Wasm 2.0).
const INT_UNOPS: [&str; 5] = ["clz", "ctz", "popcnt", "extend8_s", "extend16_s"];
const INT_BINOPS: [&str; 15] = [
    "add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor", "shl", "shr_s", "shr_u",
    "rotl", "rotr",
];
const FLOAT_UNOPS: [&str; 7] = ["abs", "neg", "sqrt", "ceil", "floor", "trunc", "nearest"];
const FLOAT_BINOPS: [&str; 7] = ["add", "sub", "mul", "div", "min", "max", "copysign"];

/// The parameters of the table's functions (all return an `i32` that says which they are).
const PARAMS: [&str; 4] = ["", "i32", "i64", "f64 i32"];

/// A probe module, as text (the `wast` crate assembles it), chosen by the fuzzer's bytes.
pub fn module(u: &mut Unstructured) -> Result<String> {
    // The memory probes last: their segment takes up to 32 of the bytes.
    let parts = [
        numeric(u)?,
        br_table(u)?,
        call_indirect(u)?,
        values::probes(u)?,
        vector::probes(u)?,
        memory::probes(u)?,
    ];
    Ok(format!("(module\n{}\n)", parts.join("\n")))
}

/// `unop` and `binop`: one operator each, of a type, on their parameters.
fn numeric(u: &mut Unstructured) -> Result<String> {
    let t = *u.choose(&["i32", "i64", "f32", "f64"])?;
    let (unops, binops) = match t {
        "i32" | "i64" => (&INT_UNOPS[..], &INT_BINOPS[..]),
        _ => (&FLOAT_UNOPS[..], &FLOAT_BINOPS[..]),
    };
    let unop = *u.choose(unops)?;
    let binop = *u.choose(binops)?;
    Ok(format!(
        "  (func (export \"unop\") (param {t}) (result {t}) (local.get 0) ({t}.{unop}))\n  \
         (func (export \"binop\") (param {t} {t}) (result {t}) (local.get 0) (local.get 1) ({t}.{binop}))"
    ))
}

/// `br_table` on its first parameter, with 0 to 4 labels and a default, each one of 1 to 4
/// nested blocks; the function returns the depth of the block it left.
fn br_table(u: &mut Unstructured) -> Result<String> {
    let blocks: u32 = u.int_in_range(1..=4)?;
    let labels: u32 = u.int_in_range(0..=4)?;
    let targets = (0..=labels)
        .map(|_| u.int_in_range(0..=blocks - 1).map(|l| l.to_string()))
        .collect::<Result<Vec<_>>>()?;
    let mut body = format!("(br_table {} (local.get 0))", targets.join(" "));
    for depth in 0..blocks {
        body = format!("(block {body}) (return (i32.const {depth}))");
    }
    Ok(format!("  (func (export \"br_table\") (param i32) (result i32) {body})"))
}

/// A table of 1 to 8 functions, each of one of [`PARAMS`], returning its own number; and
/// `call_indirect`, which calls the slot its first parameter gives, at one of those types,
/// with its other parameters.
fn call_indirect(u: &mut Unstructured) -> Result<String> {
    let funcs: u32 = u.int_in_range(1..=8)?;
    let mut out = String::new();
    for (i, params) in PARAMS.iter().enumerate() {
        out += &format!("  (type $t{i} (func (param {params}) (result i32)))\n");
    }
    for f in 0..funcs {
        out +=
            &format!("  (func $f{f} (type $t{}) (i32.const {f}))\n", u.int_in_range(0..=PARAMS.len() - 1)?);
    }
    let slots: Vec<String> = (0..funcs).map(|f| format!("$f{f}")).collect();
    out += &format!("  (table {funcs} funcref)\n  (elem (i32.const 0) func {})\n", slots.join(" "));
    let t = u.int_in_range(0..=PARAMS.len() - 1)?;
    let params = PARAMS[t];
    let args: String = (1..=params.split_whitespace().count()).map(|i| format!("(local.get {i}) ")).collect();
    out += &format!(
        "  (func (export \"call_indirect\") (param i32 {params}) (result i32) (call_indirect (type $t{t}) {args}(local.get 0)))"
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lockstep::case::rng::xorshift_bytes;
    use crate::lockstep::case::{assemble, front_end};

    /// Every probe assembles and validates, whatever the bytes.
    #[test]
    fn probes_are_valid_modules() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..500 {
            let bytes = xorshift_bytes(&mut x, 64);
            let text = module(&mut Unstructured::new(&bytes)).unwrap();
            let wasm = assemble(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
            front_end(&wasm).unwrap_or_else(|e| panic!("{e}\n{text}"));
        }
    }
}
