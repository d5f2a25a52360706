//! Differential cases: what the referee runs on, made from a fuzzer's bytes. A case is a
//! module that both engines run (Wasm 2.0, vectors in half the wasm-smith modules, with up
//! to two memories) and the invocations to make, each exported function with arguments
//! drawn from the same bytes. The fuzz target, `lockstep diff` and `lockstep report` all read
//! their bytes with [`case`], so a fuzz artifact replays the same way everywhere;
//! [`super::differential`] runs a case.
//!
//! The module is a probe ([`probe`]) or a wasm-smith module ([`smith`]), whose first table
//! section surgery may fill (`surgery.rs`), and whose memories it may fill (`data.rs`); the
//! arguments come from `args.rs`; [`rng`] holds the generators, among them the one that
//! stands in for a fuzzer's bytes in tests and benchmarks.

mod args;
mod data;
pub mod probe;
pub mod rng;
pub mod smith;
mod surgery;

use crate::runtime::Val;
use crate::syntax::{CompType, ExternIdx, FuncType, Module};
use crate::{Spec, binary, valid};
use arbitrary::Unstructured;
use std::rc::Rc;

/// A module (its binary, decoded and validated) and what to invoke: each exported function
/// in order, with its arguments.
pub struct Case {
    pub wasm: Vec<u8>,
    pub module: Rc<Module>,
    pub invocations: Vec<(String, Vec<Val>)>,
}

/// The case the fuzzer's bytes stand for (`None`: too few bytes to make one). The first byte
/// chooses a probe (one in eight, [`probe`]) or a wasm-smith module (with vectors where its
/// bit 4 is set), and with its bit 3 fills the memories and passive segments with bytes of
/// the fuzzer's (`data.rs`); the second is
/// the swarm configuration of the latter ([`smith::smith_config`]; its last bit fills the
/// first table by section surgery); of the rest, the last quarter (at most 64 bytes) chooses
/// the arguments and the others the module (an eighth of them, at most 64, the memories'
/// bytes), so that a mutation changes one or the other; arguments past those bytes come from
/// a generator seeded by them ([`rng::splitmix64`]).
pub fn case(data: &[u8]) -> Option<Case> {
    let [kind, swarm, data @ ..] = data else { return None };
    let (module_bytes, arg_bytes) = data.split_at(data.len() - (data.len() / 4).min(64));
    let (memory_bytes, module_bytes) = match kind & 8 {
        0 => (&[][..], module_bytes),
        _ => module_bytes.split_at((module_bytes.len() / 8).min(data::SEGMENT)),
    };
    let u = &mut Unstructured::new(module_bytes);
    let mut wasm = match kind % 8 {
        0 => assemble(&probe::module(u).ok()?).ok()?,
        _ => wasm_smith::Module::new(smith::smith_config(*swarm, kind & 16 != 0), u).ok()?.to_bytes(),
    };
    let mut module = front_end(&wasm).ok()?;
    if kind % 8 != 0
        && swarm & 0x80 != 0
        && let Some(filled) = surgery::with_table_filled(&wasm, &module)
        && let Ok(m) = front_end(&filled)
    {
        (wasm, module) = (filled, m);
    }
    if let Some(filled) = data::with_data(&wasm, &module, memory_bytes)
        && let Ok(m) = front_end(&filled)
    {
        (wasm, module) = (filled, m);
    }
    let module = Rc::new(module);
    let mut args = args::Args::new(arg_bytes, &module);
    let mut invocations = Vec::new();
    for export in &module.exports {
        if let ExternIdx::Func(x) = export.desc {
            let ty = func_type(&module, x)?;
            let vals = ty.params.iter().map(|t| args.next(*t)).collect::<Option<Vec<_>>>()?;
            invocations.push((export.name.clone(), vals));
        }
    }
    Some(Case { wasm, module, invocations })
}

/// Every exported function, in order, with zero arguments (null references): the
/// invocations of a module given as a file.
pub fn zero_invocations(module: &Module) -> Vec<(String, Vec<Val>)> {
    let mut invocations = Vec::new();
    for export in &module.exports {
        if let ExternIdx::Func(x) = export.desc {
            let Some(ty) = func_type(module, x) else { continue };
            let args = ty.params.iter().filter_map(|t| Val::default_of(*t)).collect();
            invocations.push((export.name.clone(), args));
        }
    }
    invocations
}

/// A module in the text format, in binary.
pub fn assemble(text: &str) -> Result<Vec<u8>, String> {
    let buf = wast::parser::ParseBuffer::new(text).map_err(|e| e.to_string())?;
    let mut wat = wast::parser::parse::<wast::Wat>(&buf).map_err(|e| e.to_string())?;
    wat.encode().map_err(|e| e.to_string())
}

/// Decode and validate as Wasm 3.0 (which holds 2.0).
pub fn front_end(wasm: &[u8]) -> Result<Module, String> {
    let module = binary::decode(wasm, Spec::V3).map_err(|e| format!("malformed: {}", e.message))?;
    valid::validate(&module, Spec::V3).map_err(|e| format!("invalid: {}", e.message))?;
    Ok(module)
}

/// The type of function `x`, imported or defined.
pub(crate) fn func_type(module: &Module, x: u32) -> Option<FuncType> {
    let imported: Vec<u32> = module.imported_funcs().collect();
    let ty = match imported.get(x as usize) {
        Some(t) => *t,
        None => module.funcs.get(x as usize - imported.len())?.ty,
    };
    let st = module.types.iter().flat_map(|r| r.0.iter()).nth(ty as usize)?;
    match &st.comp {
        CompType::Func(ft) => Some(ft.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A case is a function of its bytes: the same bytes, the same module and arguments;
    /// one in eight is a probe.
    #[test]
    fn cases_are_reproducible() {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut probes = 0;
        for kind in 0..16u8 {
            let mut data = rng::xorshift_bytes(&mut x, 1024);
            data[0] = kind;
            let (a, b) = (case(&data).unwrap(), case(&data).unwrap());
            assert_eq!(a.wasm, b.wasm);
            assert_eq!(a.invocations, b.invocations);
            probes += a.invocations.iter().any(|(name, _)| name == "call_indirect") as u32;
        }
        assert_eq!(probes, 2);
    }

    /// Cases have second memories, and accesses to them, among probes and wasm-smith's
    /// modules alike: what finds an access bounded by the wrong memory.
    #[test]
    fn cases_access_a_second_memory() {
        use crate::syntax::Instr;
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut seen = [0u32; 2];
        for i in 0..400u32 {
            let mut data = rng::xorshift_bytes(&mut x, 1024);
            data[0] = if i % 2 == 0 { 0 } else { data[0] | 1 };
            data[1] |= 1 << 3; // memory instructions on
            let Some(case) = case(&data) else { continue };
            let second = |i: &Instr| matches!(i, Instr::Load(_, _, 1, _) | Instr::Store(_, _, 1, _));
            let code = case.module.funcs.iter().flat_map(|f| f.body.instrs.iter());
            if case.module.mems.len() == 2 && code.clone().any(second) {
                seen[(i % 2) as usize] += 1;
            }
        }
        assert!(seen.iter().all(|n| *n > 5), "probes, wasm-smith modules: {seen:?}");
    }

    /// With bit 3 of the first byte, most cases' memories hold bytes of the fuzzer's
    /// (at their start and end); without it, as generated (wasm-smith's segments mostly
    /// empty, probes' absent).
    #[test]
    fn cases_fill_their_memories() {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut filled = [0u32; 2];
        for i in 0..200u32 {
            let mut data = rng::xorshift_bytes(&mut x, 1024);
            data[0] = (data[0] & !8) | (i % 2 * 8) as u8;
            let Some(case) = case(&data) else { continue };
            let nonzero = case.module.datas.iter().any(|d| d.init.iter().any(|b| *b != 0));
            filled[(i % 2) as usize] += nonzero as u32;
        }
        assert!(filled[1] >= filled[0] + 30, "without, with bit 3: {filled:?}");
    }

    /// With bit 4 of the first byte, wasm-smith's modules have vector instructions; without,
    /// none.
    #[test]
    fn cases_make_vectors() {
        use crate::syntax::Feature;
        let mut x = 0x5851_f42d_4c95_7f2du64;
        let mut vectors = [0u32; 2];
        for i in 0..200u32 {
            let mut data = rng::xorshift_bytes(&mut x, 1024);
            data[0] = (data[0] & !16) | (i % 2 * 16) as u8 | 1;
            let Some(case) = case(&data) else { continue };
            let code = case.module.funcs.iter().flat_map(|f| f.body.instrs.iter());
            vectors[(i % 2) as usize] += code.clone().any(|i| i.requires().contains(Feature::Simd)) as u32;
        }
        assert!(vectors[0] == 0 && vectors[1] > 30, "without, with bit 4: {vectors:?}");
    }
}
