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
/// first table by section surgery); of the rest, the last quarter (at most 64 bytes,
/// [`argument_bytes`]) chooses the arguments and the others the module (an eighth of them, at
/// most 64, the memories' bytes), so that a mutation changes one or the other; arguments
/// past those bytes come from a generator seeded by them ([`rng::splitmix64`]).
pub fn case(data: &[u8]) -> Option<Case> {
    Cases::default().case(data)
}

/// Where in a fuzzer's input of `len` bytes the arguments' bytes lie: the last quarter of
/// those after the first two, at most 64 (none in an input too short for a case). The bytes
/// before choose the module alone.
pub fn argument_bytes(len: usize) -> std::ops::Range<usize> {
    len - (len.saturating_sub(2) / 4).min(64)..len
}

/// Cases made one after another from a fuzzer's inputs, [`case`] for each, where an input
/// that differs from the last one only in its arguments' bytes ([`argument_bytes`]) reuses
/// the last one's module rather than generating, decoding and validating it again: the
/// fuzz target's custom mutator makes such inputs, and generating is most of a case's time.
#[derive(Default)]
pub struct Cases {
    /// The bytes that chose the last module, and what they made.
    last: Option<(Vec<u8>, Option<(Vec<u8>, Rc<Module>)>)>,
}

impl Cases {
    /// The case of `data` ([`case`]), its module the last one's if the bytes that choose it
    /// are the same.
    pub fn case(&mut self, data: &[u8]) -> Option<Case> {
        let args = argument_bytes(data.len());
        let chooser = &data[..args.start];
        let generated = match &self.last {
            Some((bytes, generated)) if bytes == chooser => generated.clone(),
            _ => {
                let generated = generate(chooser);
                self.last = Some((chooser.to_vec(), generated.clone()));
                generated
            }
        };
        let (wasm, module) = generated?;
        let invocations = invocations(&module, &data[args])?;
        Some(Case { wasm, module, invocations })
    }
}

/// The module of a case, its binary and its abstract syntax, from the bytes before the
/// arguments' (the kind, the swarm, the module's and the memories' bytes).
fn generate(data: &[u8]) -> Option<(Vec<u8>, Rc<Module>)> {
    let [kind, swarm, module_bytes @ ..] = data else { return None };
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
    Some((wasm, Rc::new(module)))
}

/// Each exported function of `module`, in order, with arguments from `bytes`.
fn invocations(module: &Module, bytes: &[u8]) -> Option<Vec<(String, Vec<Val>)>> {
    let mut args = args::Args::new(bytes, module);
    let mut invocations = Vec::new();
    for export in &module.exports {
        if let ExternIdx::Func(x) = export.desc {
            let ty = func_type(module, x)?;
            let vals = ty.params.iter().map(|t| args.next(*t)).collect::<Option<Vec<_>>>()?;
            invocations.push((export.name.clone(), vals));
        }
    }
    Some(invocations)
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

    /// `Cases` makes what `case` makes, and reuses the last module exactly when only the
    /// arguments' bytes changed.
    #[test]
    fn cases_reuse_the_module_when_only_arguments_change() {
        let mut x = 0x7f4a_7c15_9e37_79b9u64;
        let mut cases = Cases::default();
        let mut reused = 0;
        for i in 0..64u32 {
            let mut data = rng::xorshift_bytes(&mut x, 512 + i as usize);
            let mut previous: Option<Rc<Module>> = None;
            for round in 0..3 {
                if round > 0 {
                    let args = argument_bytes(data.len());
                    data[args.start + round] ^= 0x5a;
                }
                let (made, fresh) = (cases.case(&data), case(&data));
                assert_eq!(made.is_some(), fresh.is_some());
                let (Some(made), Some(fresh)) = (made, fresh) else { continue };
                assert_eq!((&made.wasm, &made.invocations), (&fresh.wasm, &fresh.invocations));
                if let Some(p) = &previous {
                    assert!(Rc::ptr_eq(p, &made.module), "input {i}, round {round}");
                    reused += 1;
                }
                previous = Some(made.module);
            }
        }
        assert!(reused > 100, "{reused}");
        // A change before the arguments' bytes makes the module again.
        let data = rng::xorshift_bytes(&mut x, 1024);
        let mut other = data.clone();
        other[100] ^= 1;
        let (a, b) = (cases.case(&data).unwrap(), cases.case(&other).unwrap());
        assert!(!Rc::ptr_eq(&a.module, &b.module));
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
