//! Probes: small modules whose exported functions each apply one instruction to their
//! parameters: a numeric operator (`unop`, `binop`), a load or store in one of one or two
//! memories (`access`), `br_table`
//! (`br_table`), `call_indirect` into a table of functions of several types
//! (`call_indirect`). Arguments chosen among the values where operators change behaviour
//! and at the edges of the module's memory and table (`args.rs`) then reach the cases
//! where those rules change: a signed remainder of `INT_MIN`, a shift by 32, a zero's sign,
//! the last bytes of memory, the default label, a slot of another type. A wasm-smith module
//! rarely routes a parameter to one such instruction, as it picks each instruction among
//! hundreds; Wasmtime's fuzzers have single-instruction modules for the same reason.

use arbitrary::{Result, Unstructured};

/// Every load and store of Wasm 2.0 (no vectors): the instruction, the type of the value it
/// loads or stores, and how many bytes it touches.
const ACCESSES: [(&str, &str, u64); 23] = [
    ("i32.load", "i32", 4),
    ("i64.load", "i64", 8),
    ("f32.load", "f32", 4),
    ("f64.load", "f64", 8),
    ("i32.load8_s", "i32", 1),
    ("i32.load8_u", "i32", 1),
    ("i32.load16_s", "i32", 2),
    ("i32.load16_u", "i32", 2),
    ("i64.load8_s", "i64", 1),
    ("i64.load8_u", "i64", 1),
    ("i64.load16_s", "i64", 2),
    ("i64.load16_u", "i64", 2),
    ("i64.load32_s", "i64", 4),
    ("i64.load32_u", "i64", 4),
    ("i32.store", "i32", 4),
    ("i64.store", "i64", 8),
    ("f32.store", "f32", 4),
    ("f64.store", "f64", 8),
    ("i32.store8", "i32", 1),
    ("i32.store16", "i32", 2),
    ("i64.store8", "i64", 1),
    ("i64.store16", "i64", 2),
    ("i64.store32", "i64", 4),
];

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
    Ok(format!("(module\n{}\n{}\n{}\n{}\n)", numeric(u)?, access(u)?, br_table(u)?, call_indirect(u)?))
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

/// A memory of 0 to 2 pages, in half the probes a second one of 0 to 2 pages, and
/// `access`, one load or store in one of them at the address its first parameter gives,
/// with an offset (none, small, or anywhere in that memory). Two memories of different
/// sizes tell whether an access is bounded by its own memory.
fn access(u: &mut Unstructured) -> Result<String> {
    let pages: [u64; 2] = [u.int_in_range(0..=2)?, u.int_in_range(0..=2)?];
    let mems = if u.arbitrary()? { 2 } else { 1 };
    let x = u.int_in_range(0..=mems - 1)?;
    let (instr, t, n) = *u.choose(&ACCESSES)?;
    let offset = match u.int_in_range(0..=2)? {
        0 => 0,
        1 => u.int_in_range(1..=64)?,
        _ => u.int_in_range(0..=pages[x] * 65536)?,
    };
    let (params, result, operands) = match instr.contains("load") {
        true => ("i32".to_string(), format!("(result {t})"), "(local.get 0)"),
        false => (format!("i32 {t}"), String::new(), "(local.get 0) (local.get 1)"),
    };
    let memories: String = pages[..mems].iter().map(|p| format!("  (memory {p})\n")).collect();
    Ok(format!(
        "{memories}  (func (export \"access\") (param {params}) {result} {operands} \
         ({instr} {x} offset={offset} align={n}))"
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
