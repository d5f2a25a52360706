//! Probes of memory instructions: one access in one of one or two memories, a store then a
//! load at one address, and a bulk operation in bounds.

use arbitrary::{Result, Unstructured};

/// Every load and store of Wasm 2.0 (no vectors): the instruction, the type of the value it
/// loads or stores, and how many bytes it touches.
pub(super) const ACCESSES: [(&str, &str, u64); 23] = [
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

/// The most elements a bulk probe touches: a case runs on 2,000 units of fuel, and each
/// element costs one.
const BULK_LENGTH_MASK: u64 = 0x3ff;

/// A memory of 0 to 2 pages, in half the probes a second one of 0 to 2 pages (two memories
/// of different sizes tell whether an access is bounded by its own), then `access`,
/// `store_load` and `bulk`.
pub(super) fn probes(u: &mut Unstructured) -> Result<String> {
    let pages: [u64; 2] = [u.int_in_range(0..=2)?, u.int_in_range(0..=2)?];
    let mems = if u.arbitrary()? { 2 } else { 1 };
    let memories: String = pages[..mems].iter().map(|p| format!("  (memory {p})\n")).collect();
    Ok(format!("{memories}{}\n{}\n{}", access(u, &pages[..mems])?, store_load(u)?, bulk(u, pages[0])?))
}

/// `access`: one load or store in one of the memories at the address its first parameter
/// gives, with an offset (none, small, or anywhere in that memory).
fn access(u: &mut Unstructured, pages: &[u64]) -> Result<String> {
    let x = u.choose_index(pages.len())?;
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
    Ok(format!(
        "  (func (export \"access\") (param {params}) {result} {operands} ({instr} {x} offset={offset} align={n}))"
    ))
}

/// `store_load`: a store, then a load at the same address of memory 0, of one type and of
/// widths and signs chosen apart, so that the load reads a value of the fuzzer's (a narrow
/// signed load of a negative one, say) where a load alone would read zeros.
fn store_load(u: &mut Unstructured) -> Result<String> {
    let t = *u.choose(&["i32", "i64", "f32", "f64"])?;
    let of = |what: &str| -> Vec<&str> {
        ACCESSES.iter().filter(|(i, ty, _)| i.contains(what) && *ty == t).map(|a| a.0).collect()
    };
    let (store, load) = (*u.choose(&of("store"))?, *u.choose(&of("load"))?);
    Ok(format!(
        "  (func (export \"store_load\") (param i32 {t}) (result {t}) \
         ({store} (local.get 0) (local.get 1)) ({load} (local.get 0)))"
    ))
}

/// `bulk`: `memory.fill`, `memory.copy` or `memory.init` of a passive segment of the
/// fuzzer's bytes, in memory 0, with every operand masked into bounds (addresses to half the
/// memory, lengths to [`BULK_LENGTH_MASK`], the segment's offset and length reduced modulo
/// what is left of it): lengths and overlaps, which the runtime's functions special-case,
/// rather than traps.
fn bulk(u: &mut Unstructured, pages: u64) -> Result<String> {
    let half = (pages * 65536 / 2).saturating_sub(1);
    let len = u.int_in_range(0..=32)?;
    let bytes = (0..len).map(|_| u.arbitrary::<u8>()).collect::<Result<Vec<_>>>()?;
    let data: String = bytes.iter().map(|b| format!("\\{b:02x}")).collect();
    let addr = |i: u32| format!("(i32.and (local.get {i}) (i32.const {half}))");
    let n = format!("(i32.and (local.get 2) (i32.const {}))", BULK_LENGTH_MASK.min(half));
    let op = match u.int_in_range(0..=2)? {
        0 => format!("(memory.fill {} (local.get 1) {n})", addr(0)),
        1 => format!("(memory.copy {} {} {n})", addr(0), addr(1)),
        _ => format!(
            "(local.set 1 (i32.rem_u (local.get 1) (i32.const {m}))) (memory.init $d {} (local.get 1) \
             (i32.rem_u (local.get 2) (i32.sub (i32.const {m}) (local.get 1))))",
            addr(0),
            m = len + 1
        ),
    };
    Ok(format!("  (data $d \"{data}\")\n  (func (export \"bulk\") (param i32 i32 i32) {op})"))
}
