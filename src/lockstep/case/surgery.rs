//! Section surgery on a module's binary: one more element segment, which fills the first
//! table with the module's functions. wasm-smith 0.263 leaves every element segment empty (it
//! clamps their length to zero), and without this an indirect call almost never reaches a
//! function. The module's sections are copied as they are; wasm-encoder writes what changes.

use crate::syntax::{Module, RefType};
use wasm_encoder::{ConstExpr, Encode, RawSection};

/// The element section's id.
const ELEM: u8 = 9;

/// The module with one more element segment, active at offset 0 of its first table, that
/// fills the table's initial size (127 slots at most) with its functions in turn (the first
/// 127 at most), so that `call_indirect` with an index in the table reaches a function, of
/// its type or another. `None`: no funcref table, or no function.
pub(super) fn with_table_filled(wasm: &[u8], module: &Module) -> Option<Vec<u8>> {
    let table = module.tables.first().filter(|t| t.ty.elem == RefType::FUNCREF)?;
    let funcs = module.funcs.len().min(127) as u32;
    if funcs == 0 {
        return None;
    }
    let n = table.ty.limits.min.min(127) as u32;
    // `elem ::= 0:u32 e:expr y*:vec(funcidx)`: table 0, at `(i32.const 0)`.
    let mut segment = Vec::new();
    0u32.encode(&mut segment);
    ConstExpr::i32_const(0).encode(&mut segment);
    (0..n).map(|i| i % funcs).collect::<Vec<u32>>()[..].encode(&mut segment);
    let mut out = wasm_encoder::Module::new();
    let mut added = false;
    for (id, payload) in sections(wasm)? {
        // The element section comes before the data count (12), code (10) and data (11).
        if !added && matches!(id, 10..=12) {
            out.section(&RawSection { id: ELEM, data: &elements(0, &[], &segment) });
            added = true;
        }
        if id == ELEM {
            let (count, existing) = leb_u32(payload)?;
            out.section(&RawSection { id, data: &elements(count, existing, &segment) });
            added = true;
        } else {
            out.section(&RawSection { id, data: payload });
        }
    }
    if !added {
        out.section(&RawSection { id: ELEM, data: &elements(0, &[], &segment) });
    }
    Some(out.finish())
}

/// The contents of an element section: `count` segments already encoded, then one more.
fn elements(count: u32, existing: &[u8], segment: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    (count + 1).encode(&mut out);
    out.extend_from_slice(existing);
    out.extend_from_slice(segment);
    out
}

/// A module's sections, after its header: each one's id and contents.
pub(super) fn sections(wasm: &[u8]) -> Option<Vec<(u8, &[u8])>> {
    let mut rest = wasm.get(8..)?;
    let mut sections = Vec::new();
    while let [id, tail @ ..] = rest {
        let (size, tail) = leb_u32(tail)?;
        let (payload, tail) = tail.split_at_checked(size as usize)?;
        sections.push((*id, payload));
        rest = tail;
    }
    Some(sections)
}

/// A `u32` in LEB128, and the bytes after it.
fn leb_u32(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let end = bytes.iter().take(5).position(|b| b & 0x80 == 0)?;
    let value = bytes[..=end].iter().rev().fold(0u32, |v, b| (v << 7) | (b & 0x7f) as u32);
    Some((value, &bytes[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::Reference;
    use crate::lockstep::case::{assemble, front_end};
    use crate::runtime::{Config, Engine, Ref};
    use crate::syntax::ElemMode;
    use std::rc::Rc;

    fn module(text: &str) -> Module {
        front_end(&assemble(text).unwrap()).unwrap()
    }

    /// The table filled by one more segment: every slot of its initial size holds one of the
    /// module's functions, in turn, and the module's own segments stay where they were.
    #[test]
    fn filling_the_table() {
        let text = r#"(module (table 5 funcref) (memory 1) (elem declare func 1)
            (func (result i32) (i32.const 0)) (func) (data (i32.const 0) "x"))"#;
        let wasm = assemble(text).unwrap();
        let filled = with_table_filled(&wasm, &module(text)).unwrap();
        let m = Rc::new(front_end(&filled).unwrap());
        assert_eq!(m.elems.len(), 2);
        assert!(matches!(m.elems[0].mode, ElemMode::Declare));
        let mut reference = Reference::new(Config::default());
        let inst = reference.instantiate(&m, &[]).unwrap();
        let table = reference.instance_addrs(inst).tables[0];
        let funcs = reference.instance_addrs(inst).funcs;
        let expected: Vec<Ref> = [0, 1, 0, 1, 0].iter().map(|&i| Ref::Func(funcs[i])).collect();
        assert_eq!(reference.table_refs(table), expected);
        // Without an element section, one is added before the code; no table, no change.
        let text = "(module (table 1 funcref) (func))";
        assert!(front_end(&with_table_filled(&assemble(text).unwrap(), &module(text)).unwrap()).is_ok());
        let text = "(module (func))";
        assert_eq!(with_table_filled(&assemble(text).unwrap(), &module(text)), None);
        // The bytes the corpus was made with: section 9 of 9 bytes, 1 segment, flags 0,
        // `(i32.const 0)`, 3 functions: 0 1 0.
        let text = "(module (table 3 funcref) (func) (func))";
        let filled = with_table_filled(&assemble(text).unwrap(), &module(text)).unwrap();
        assert!(filled.windows(11).any(|w| w == [9, 9, 1, 0x00, 0x41, 0x00, 0x0b, 3, 0, 1, 0]));
    }
}
