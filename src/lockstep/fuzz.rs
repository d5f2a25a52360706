//! Differential cases: a module that wasm-smith builds from a fuzzer's bytes, limited to
//! what both engines run (Wasm 2.0 without vectors), and arguments for each exported
//! function drawn from the same bytes. [`differential`] runs a case through the referee; the
//! fuzz target, `lockstep diff` and `lockstep report` all start here, so a fuzz artifact
//! replays the same way everywhere.

use super::Referee;
use crate::exec::{Config, ExternVal, Ref, Val};
use crate::jit::Bounds;
use crate::script::engine::{Engine, Error};
use crate::syntax::{AbsHeapType, F32, F64, HeapType, Module, ValType};
use crate::{Spec, binary, valid};
use arbitrary::Unstructured;
use std::rc::Rc;

/// Fuel for every invocation, counted the same way by both engines (function entries and
/// loop iterations): enough for real work, and a bound on generated infinite loops.
pub const FUEL: u64 = 2_000;

/// What wasm-smith may generate: Wasm 2.0 without SIMD, one memory of at most 16 pages, no
/// imports (nothing to link), everything exported.
pub fn smith_config() -> wasm_smith::Config {
    wasm_smith::Config {
        simd_enabled: false,
        relaxed_simd_enabled: false,
        gc_enabled: false,
        exceptions_enabled: false,
        tail_call_enabled: false,
        memory64_enabled: false,
        threads_enabled: false,
        wide_arithmetic_enabled: false,
        extended_const_enabled: false,
        custom_page_sizes_enabled: false,
        shared_everything_threads_enabled: false,
        compact_imports_enabled: false,
        bulk_memory_enabled: true,
        reference_types_enabled: true,
        multi_value_enabled: true,
        saturating_float_to_int_enabled: true,
        sign_extension_ops_enabled: true,
        max_memories: 1,
        max_tables: 2,
        max_memory32_bytes: 16 << 16,
        max_table_elements: 1000,
        max_imports: 0,
        max_funcs: 20,
        max_instructions: 200,
        export_everything: true,
        ..wasm_smith::Config::default()
    }
}

/// A module and what to invoke: each exported function in order, with its arguments.
pub struct Case {
    pub wasm: Vec<u8>,
    pub invocations: Vec<(String, Vec<Val>)>,
}

/// The case the fuzzer's bytes stand for (`None`: too few bytes to make one). The last
/// quarter (at most 64 bytes) chooses the arguments, the rest the module, so that a mutation
/// changes one or the other; arguments past those bytes come from a generator seeded by them.
pub fn case(data: &[u8]) -> Option<Case> {
    let (module_bytes, arg_bytes) = data.split_at(data.len() - (data.len() / 4).min(64));
    let wasm = wasm_smith::Module::new(smith_config(), &mut Unstructured::new(module_bytes)).ok()?.to_bytes();
    let module = front_end(&wasm).ok()?;
    let mut args = Args { u: Unstructured::new(arg_bytes), seed: fnv(arg_bytes) };
    let mut invocations = Vec::new();
    for export in &module.exports {
        if let crate::syntax::ExternIdx::Func(x) = export.desc {
            let ty = func_type(&module, x)?;
            let vals = ty.params.iter().map(|t| args.next(*t)).collect::<Option<Vec<_>>>()?;
            invocations.push((export.name.clone(), vals));
        }
    }
    Some(Case { wasm, invocations })
}

/// Arguments: from the fuzzer's bytes while they last, then from a generator (splitmix64).
struct Args<'a> {
    u: Unstructured<'a>,
    seed: u64,
}

impl Args<'_> {
    fn next(&mut self, t: ValType) -> Option<Val> {
        if self.u.len() < 9 {
            self.seed = self.seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.seed;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            let bytes = (z ^ (z >> 31)).to_le_bytes();
            let extra = [bytes[0] ^ bytes[7]];
            return arg(&mut Unstructured::new(&[&bytes[..], &extra[..]].concat()), t);
        }
        arg(&mut self.u, t)
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3))
}

/// Every exported function, in order, with zero arguments (null references).
pub fn zero_invocations(module: &Module) -> Vec<(String, Vec<Val>)> {
    let mut invocations = Vec::new();
    for export in &module.exports {
        if let crate::syntax::ExternIdx::Func(x) = export.desc {
            let Some(ty) = func_type(module, x) else { continue };
            let args = ty.params.iter().filter_map(|t| Val::default_of(*t)).collect();
            invocations.push((export.name.clone(), args));
        }
    }
    invocations
}

/// Decode and validate as Wasm 3.0 (which holds 2.0).
pub fn front_end(wasm: &[u8]) -> Result<Module, String> {
    let module = binary::decode(wasm, Spec::V3).map_err(|e| format!("malformed: {}", e.message))?;
    valid::validate(&module, Spec::V3).map_err(|e| format!("invalid: {}", e.message))?;
    Ok(module)
}

fn func_type(module: &Module, x: u32) -> Option<crate::syntax::FuncType> {
    let imported: Vec<u32> = module.imported_funcs().collect();
    let ty = match imported.get(x as usize) {
        Some(t) => *t,
        None => module.funcs.get(x as usize - imported.len())?.ty,
    };
    let st = module.types.iter().flat_map(|r| r.0.iter()).nth(ty as usize)?;
    match &st.comp {
        crate::syntax::CompType::Func(ft) => Some(ft.clone()),
        _ => None,
    }
}

/// An argument, often one of the values where operators change behaviour.
fn arg(u: &mut Unstructured, t: ValType) -> Option<Val> {
    const I32: [u32; 8] = [0, 1, u32::MAX, 0x8000_0000, 0x7fff_ffff, 31, 32, 0x1_0000];
    const I64: [u64; 8] = [0, 1, u64::MAX, 1 << 63, i64::MAX as u64, 63, 64, 1 << 32];
    let special = u.ratio(1, 2).ok()?;
    Some(match t {
        ValType::I32 if special => Val::I32(*u.choose(&I32).ok()?),
        ValType::I32 => Val::I32(u.arbitrary().ok()?),
        ValType::I64 if special => Val::I64(*u.choose(&I64).ok()?),
        ValType::I64 => Val::I64(u.arbitrary().ok()?),
        ValType::F32 if special => {
            Val::F32(F32(*u.choose(&[0, 0x8000_0000, 0x7fc0_0000, 0x3f80_0000]).ok()?))
        }
        ValType::F32 => Val::F32(F32(u.arbitrary().ok()?)),
        ValType::F64 if special => {
            Val::F64(F64(*u.choose(&[0, 1 << 63, 0x7ff8_0000_0000_0000, 0x3ff0_0000_0000_0000]).ok()?))
        }
        ValType::F64 => Val::F64(F64(u.arbitrary().ok()?)),
        ValType::Ref(rt) => match rt.heap {
            HeapType::Abs(AbsHeapType::Extern) if u.arbitrary().ok()? => {
                Val::Ref(Ref::Extern(u.arbitrary().ok()?))
            }
            h => Val::Ref(Ref::Null(h)),
        },
        ValType::V128 | ValType::Bot => return None,
    })
}

/// Where the engines parted: which invocation (or instantiation), and what each observed.
#[derive(Clone, Debug)]
pub struct Finding {
    /// `None` for instantiation.
    pub invocation: Option<(String, Vec<Val>)>,
    pub what: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match &self.invocation {
            None => write!(f, "instantiation: {}", self.what),
            Some((name, args)) => {
                let args: Vec<String> = args.iter().map(|v| v.to_string()).collect();
                write!(f, "invoke \"{name}\" {}: {}", args.join(" "), self.what)
            }
        }
    }
}

/// The referee the fuzzer and the reports use: both engines under [`FUEL`], and memories
/// and tables that grow to 32 MiB and 100,000 elements at most (`memory.grow` and
/// `table.grow` fail beyond, as the spec allows), so that a case stays small.
pub fn referee() -> Referee {
    let config =
        Config { fuel: Some(FUEL), max_memory_pages: 512, max_table_elems: 100_000, ..Config::default() };
    Referee::new(config, Bounds::GuardPages)
}

/// Run a case through the referee: the first divergence, or `None` when the engines agreed
/// (or could not be compared: a limit reached on one side only, a module they refuse).
pub fn differential(case: &Case) -> Option<Finding> {
    let module = Rc::new(front_end(&case.wasm).ok()?);
    let mut referee = referee();
    let inst = match referee.instantiate(&module, &[]) {
        Ok(inst) => inst,
        Err(Error::Divergence(what)) => return Some(Finding { invocation: None, what }),
        Err(_) => return None,
    };
    for (name, args) in &case.invocations {
        let Some(ExternVal::Func(f)) = referee.export(inst, name) else { continue };
        match referee.invoke(f, args) {
            Err(Error::Divergence(what)) => {
                return Some(Finding { invocation: Some((name.clone(), args.clone())), what });
            }
            // The stores may differ from here on: stop comparing.
            Err(Error::Unsupported(_)) => return None,
            _ => {}
        }
    }
    None
}
