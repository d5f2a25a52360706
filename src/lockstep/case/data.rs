//! Section surgery on a module's binary: memories worth reading. wasm-smith 0.263 leaves its
//! data segments empty and probes have none, so that loads read zeros, where a wrong sign
//! extension or byte order cannot show. The module's data section is written anew: each
//! memory gets two active segments of the fuzzer's bytes, one at its start and one (the
//! bytes reversed) at the end of its initial size, and each passive segment of the module
//! gets the bytes, so that `memory.init` copies something. Its other sections are copied.

use super::surgery::sections;
use crate::syntax::{DataMode, Expr, Instr, Module, Num, PAGE_SIZE};
use wasm_encoder::{ConstExpr, DataCountSection, DataSection, RawSection};

/// The data section's id, and the data count section's.
const DATA: u8 = 11;
const DATA_COUNT: u8 = 12;

/// The most bytes of one segment: instantiation copies each byte for a unit of fuel, and a
/// case runs on 2,000.
pub(super) const SEGMENT: usize = 64;

/// The module with its memories and passive segments holding `bytes` (at most [`SEGMENT`]
/// of them). `None`: no bytes, nothing to fill, or an active segment whose offset is not a
/// constant or a global (which the new section could not say again).
pub(super) fn with_data(wasm: &[u8], module: &Module, bytes: &[u8]) -> Option<Vec<u8>> {
    let bytes = &bytes[..bytes.len().min(SEGMENT)];
    let passive = module.datas.iter().any(|d| matches!(d.mode, DataMode::Passive));
    if bytes.is_empty() || (module.mems.is_empty() && !passive) {
        return None;
    }
    let mut data = DataSection::new();
    for d in &module.datas {
        match &d.mode {
            DataMode::Passive => data.passive(bytes.iter().copied()),
            DataMode::Active(x, offset) => data.active(*x, &const_expr(offset)?, d.init.iter().copied()),
        };
    }
    let imported = module.imported_mems().count() as u32;
    for (i, mem) in module.mems.iter().enumerate() {
        let size = mem.ty.limits.min.saturating_mul(PAGE_SIZE);
        let n = (bytes.len() as u64).min(size) as usize;
        if n > 0 {
            let end = i32::try_from(size - n as u64).ok()?;
            let x = imported + i as u32;
            data.active(x, &ConstExpr::i32_const(0), bytes[..n].iter().copied());
            data.active(x, &ConstExpr::i32_const(end), bytes[..n].iter().rev().copied());
        }
    }
    rebuilt(wasm, &data)
}

/// The module's sections with `data` for its data section (added at the end where it had
/// none) and the data count, where it has one, made to agree.
fn rebuilt(wasm: &[u8], data: &DataSection) -> Option<Vec<u8>> {
    let mut out = wasm_encoder::Module::new();
    let mut added = false;
    for (id, payload) in sections(wasm)? {
        match id {
            DATA => {
                out.section(data);
                added = true;
            }
            DATA_COUNT => {
                out.section(&DataCountSection { count: data.len() });
            }
            _ => {
                out.section(&RawSection { id, data: payload });
            }
        }
    }
    if !added {
        out.section(data);
    }
    Some(out.finish())
}

/// A segment's offset, as the encoder writes it: a constant or a global's value.
fn const_expr(offset: &Expr) -> Option<ConstExpr> {
    match &offset.instrs[..] {
        [Instr::Const(Num::I32(n)), Instr::End] => Some(ConstExpr::i32_const(*n as i32)),
        [Instr::GlobalGet(g), Instr::End] => Some(ConstExpr::global_get(*g)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::Reference;
    use crate::lockstep::case::{assemble, front_end};
    use crate::runtime::{Config, Engine, Val};
    use std::rc::Rc;

    /// Each memory holds the bytes at its start and reversed at its end; a passive segment
    /// holds them for `memory.init`; the module's own active segment stays.
    #[test]
    fn filling_the_memories() {
        let text = r#"(module (memory 1) (memory 2) (data (memory 1) (i32.const 9) "z") (data "")
            (func (export "init") (memory.init 1 (i32.const 100) (i32.const 0) (i32.const 3))))"#;
        let wasm = assemble(text).unwrap();
        let filled = with_data(&wasm, &front_end(&wasm).unwrap(), &[1, 2, 3]).unwrap();
        let m = Rc::new(front_end(&filled).unwrap());
        assert_eq!(m.datas.len(), 6);
        let mut reference = Reference::new(Config::default());
        let inst = reference.instantiate(&m, &[]).unwrap();
        let [m0, m1] = reference.instance_addrs(inst).mems[..] else { panic!("two memories") };
        assert_eq!(&reference.mem_bytes(m0)[..4], [1, 2, 3, 0]);
        assert_eq!(&reference.mem_bytes(m0)[65533..], [3, 2, 1]);
        assert_eq!(&reference.mem_bytes(m1)[..10], [1, 2, 3, 0, 0, 0, 0, 0, 0, b'z']);
        assert_eq!(&reference.mem_bytes(m1)[131069..], [3, 2, 1]);
        let Some(crate::runtime::ExternVal::Func(init)) = reference.export(inst, "init") else { panic!() };
        assert_eq!(reference.invoke(init, &[]).unwrap(), Vec::<Val>::new());
        assert_eq!(&reference.mem_bytes(m0)[100..103], [1, 2, 3]);
        // No memory and no passive segment, or no bytes: nothing to fill.
        let text = "(module (func))";
        let wasm = assemble(text).unwrap();
        assert_eq!(with_data(&wasm, &front_end(&wasm).unwrap(), &[1]), None);
        let text = "(module (memory 1))";
        let wasm = assemble(text).unwrap();
        assert_eq!(with_data(&wasm, &front_end(&wasm).unwrap(), &[]), None);
    }
}
