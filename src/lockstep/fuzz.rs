//! Differential cases: a module that wasm-smith builds from a fuzzer's bytes, limited to
//! what both engines run (Wasm 2.0 without vectors), and arguments for each exported
//! function drawn from the same bytes. [`differential`] runs a case through the referee; the
//! fuzz target, `lockstep diff` and `lockstep report` all start here, so a fuzz artifact
//! replays the same way everywhere.

use super::Referee;
use crate::jit::Bounds;
use crate::runtime::{Config, Engine, Error, ExternVal, Ref, Val};
use crate::syntax::{
    AbsHeapType, ElemMode, F32, F64, HeapType, Instr, Module, Num, PAGE_SIZE, RefType, ValType,
};
use crate::{Spec, binary, valid};
use arbitrary::Unstructured;
use std::rc::Rc;

/// Fuel for every invocation, counted the same way by both engines (function entries and
/// loop iterations): enough for real work, and a bound on generated infinite loops.
pub const FUEL: u64 = 2_000;

/// What wasm-smith may generate: Wasm 2.0 without SIMD, one memory of at most 16 pages and
/// small tables, no imports (nothing to link), no start function, everything exported; each
/// case at least two functions and an element segment, and few entities of other kinds, so
/// that most of its bytes go to code.
///
/// Swarm testing: the `swarm` byte switches instruction kinds (floats, parametric, control,
/// memory, table and reference instructions) on or off, and wasm-smith's guards against
/// traps, so that some cases are dense in one kind of operator and run to their end. Its
/// last bit fills the first table ([`case`]).
pub fn smith_config(swarm: u8) -> wasm_smith::Config {
    use wasm_smith::InstructionKind as K;
    let switched = [K::Numeric, K::Parametric, K::Control, K::Memory, K::Table, K::Reference];
    let on = |bit: usize| swarm & (1 << bit) != 0;
    let mut kinds = vec![K::NumericInt, K::Variable];
    kinds.extend(switched.iter().enumerate().filter(|(bit, _)| on(*bit)).map(|(_, k)| *k));
    wasm_smith::Config {
        allowed_instructions: wasm_smith::InstructionKinds::new(&kinds),
        disallow_traps: on(switched.len()),
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
        max_imports: 0,
        min_funcs: 2,
        max_funcs: 10,
        max_types: 10,
        max_globals: 10,
        min_element_segments: 1,
        max_element_segments: 5,
        max_table_elements: 64,
        max_data_segments: 5,
        max_elements: 20,
        max_instructions: 200,
        export_everything: true,
        // No start function: one runs inside instantiation, where a divergence cannot be
        // traced to a call. Each function is still invoked, as an export.
        allow_start_export: false,
        ..wasm_smith::Config::default()
    }
}

/// A module (its binary, decoded and validated) and what to invoke: each exported function
/// in order, with its arguments.
pub struct Case {
    pub wasm: Vec<u8>,
    pub module: Rc<Module>,
    pub invocations: Vec<(String, Vec<Val>)>,
}

/// The case the fuzzer's bytes stand for (`None`: too few bytes to make one). The first byte
/// chooses a probe (one in eight, [`super::probe`]) or a wasm-smith module, the second is the
/// swarm configuration of the latter; of the rest, the last quarter (at most 64 bytes) chooses
/// the arguments and the others the module, so that a mutation changes one or the other;
/// arguments past those bytes come from a generator seeded by them.
pub fn case(data: &[u8]) -> Option<Case> {
    let [kind, swarm, data @ ..] = data else { return None };
    let (module_bytes, arg_bytes) = data.split_at(data.len() - (data.len() / 4).min(64));
    let u = &mut Unstructured::new(module_bytes);
    let mut wasm = match kind % 8 {
        0 => assemble(&super::probe::module(u).ok()?).ok()?,
        _ => wasm_smith::Module::new(smith_config(*swarm), u).ok()?.to_bytes(),
    };
    let mut module = front_end(&wasm).ok()?;
    if kind % 8 != 0
        && swarm & 0x80 != 0
        && let Some(filled) = with_table_filled(&wasm, &module)
        && let Ok(m) = front_end(&filled)
    {
        (wasm, module) = (filled, m);
    }
    let module = Rc::new(module);
    let mut args = Args { u: Unstructured::new(arg_bytes), seed: fnv(arg_bytes), edges: edges(&module) };
    let mut invocations = Vec::new();
    for export in &module.exports {
        if let crate::syntax::ExternIdx::Func(x) = export.desc {
            let ty = func_type(&module, x)?;
            let vals = ty.params.iter().map(|t| args.next(*t)).collect::<Option<Vec<_>>>()?;
            invocations.push((export.name.clone(), vals));
        }
    }
    Some(Case { wasm, module, invocations })
}

/// The module with one more element segment, active at offset 0 of its first table, that
/// fills the table's initial size (127 slots at most) with its functions in turn, so that
/// `call_indirect` with an index in the table reaches a function, of its type or another.
/// wasm-smith 0.263 leaves every element segment empty (it clamps their length to zero), and
/// without this an indirect call almost never reaches a function. `None`: no funcref table,
/// or no function.
fn with_table_filled(wasm: &[u8], module: &Module) -> Option<Vec<u8>> {
    let table = module.tables.first().filter(|t| t.ty.elem == RefType::FUNCREF)?;
    let funcs = module.funcs.len().min(127) as u8;
    if funcs == 0 {
        return None;
    }
    let n = table.ty.limits.min.min(127) as u8;
    // `elem ::= 0:u32 (i32.const 0) vec(funcidx)`: every number below 128, one byte each.
    let segment: Vec<u8> = [0x00, 0x41, 0x00, 0x0b, n].into_iter().chain((0..n).map(|i| i % funcs)).collect();
    let mut out = wasm.get(..8)?.to_vec();
    let mut added = false;
    for (id, payload) in sections(wasm)? {
        // The element section (9) comes before the data count (12), code (10) and data (11).
        if !added && matches!(id, 10..=12) {
            section(&mut out, 9, &[&[1], &segment[..]].concat());
            added = true;
        }
        if id == 9 {
            let (count, rest) = leb_u32(payload)?;
            let mut elems = leb(count + 1);
            elems.extend_from_slice(rest);
            elems.extend_from_slice(&segment);
            section(&mut out, 9, &elems);
            added = true;
        } else {
            section(&mut out, id, payload);
        }
    }
    if !added {
        section(&mut out, 9, &[&[1], &segment[..]].concat());
    }
    Some(out)
}

/// A module's sections: each one's id and contents.
fn sections(wasm: &[u8]) -> Option<Vec<(u8, &[u8])>> {
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

fn section(out: &mut Vec<u8>, id: u8, payload: &[u8]) {
    out.push(id);
    out.extend(leb(payload.len() as u32));
    out.extend_from_slice(payload);
}

fn leb_u32(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let end = bytes.iter().take(5).position(|b| b & 0x80 == 0)?;
    let value = bytes[..=end].iter().rev().fold(0u32, |v, b| (v << 7) | (b & 0x7f) as u32);
    Some((value, &bytes[end + 1..]))
}

fn leb(mut value: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            bytes.push(byte);
            return bytes;
        }
        bytes.push(byte | 0x80);
    }
}

/// Arguments: from the fuzzer's bytes while they last, then from a generator (splitmix64).
struct Args<'a> {
    u: Unstructured<'a>,
    seed: u64,
    edges: Vec<u32>,
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
            return arg(&mut Unstructured::new(&[&bytes[..], &extra[..]].concat()), t, &self.edges);
        }
        arg(&mut self.u, t, &self.edges)
    }
}

/// The `i32`s at the edges of what a module's instructions may touch: the highest address
/// each of its loads and stores may take in its memory's initial size, and the one past
/// it; the last index of each table, the one past it, and those its active segments fill.
fn edges(module: &Module) -> Vec<u32> {
    let mut edges = Vec::new();
    for table in &module.tables {
        edges.extend([table.ty.limits.min.saturating_sub(1), table.ty.limits.min]);
    }
    for elem in &module.elems {
        if let ElemMode::Active(_, offset) = &elem.mode
            && let [Instr::Const(Num::I32(offset)), Instr::End] = &offset.instrs[..]
        {
            edges.extend((0..elem.init.len() as u64).map(|i| *offset as u64 + i));
        }
    }
    for instr in module.funcs.iter().flat_map(|f| f.body.instrs.iter()) {
        let (x, n, offset) = match instr {
            Instr::Load(t, op, x, m) => (x, op.map_or(t.size(), |op| op.size.bits()) / 8, m.offset),
            Instr::Store(t, sz, x, m) => (x, sz.map_or(t.size(), |sz| sz.bits()) / 8, m.offset),
            _ => continue,
        };
        let Some(mem) = module.mems.get(*x as usize) else { continue };
        if let Some(last) = (mem.ty.limits.min * PAGE_SIZE).checked_sub(offset + n as u64) {
            edges.extend([last, last + 1]);
        }
    }
    let mut edges: Vec<u32> = edges.into_iter().filter_map(|e| u32::try_from(e).ok()).collect();
    edges.sort_unstable();
    edges.dedup();
    edges
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3))
}

/// `len` pseudo-random bytes from a xorshift generator, as fuzz/seed.sh's seeds are made: for
/// tests and benchmarks that stand in for a fuzzer's inputs.
pub fn xorshift_bytes(state: &mut u64, len: usize) -> Vec<u8> {
    (0..len)
        .map(|_| {
            *state ^= *state << 13;
            *state ^= *state >> 7;
            *state ^= *state << 17;
            (*state >> 24) as u8
        })
        .collect()
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

/// An argument, often one of the values where operators change behaviour: for an `i32`,
/// also a small index or one of the module's `edges`.
fn arg(u: &mut Unstructured, t: ValType, edges: &[u32]) -> Option<Val> {
    const I32: [u32; 8] = [0, 1, u32::MAX, 0x8000_0000, 0x7fff_ffff, 31, 32, 0x1_0000];
    const I64: [u64; 8] = [0, 1, u64::MAX, 1 << 63, i64::MAX as u64, 63, 64, 1 << 32];
    let special = u.ratio(1, 2).ok()?;
    Some(match t {
        ValType::I32 if special => Val::I32(match u.int_in_range(0..=2).ok()? {
            0 => *u.choose(&I32).ok()?,
            1 => u.int_in_range(0..=15).ok()?,
            _ => *u.choose(edges).or_else(|_| u.choose(&I32)).ok()?,
        }),
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
    let mut referee = referee();
    let inst = match referee.instantiate(&case.module, &[]) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::Reference;

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
    }

    /// The edges: the last address of each access and the one past it, in the memory's
    /// initial size, and the ends of tables and of their active segments.
    #[test]
    fn edges_of_a_module() {
        let m = module(
            r#"(module (memory 1) (table 3 funcref) (elem (i32.const 1) func 0)
                (func (param i32) (drop (i64.load offset=16 (local.get 0))) (i32.store8 (local.get 0) (i32.const 0))))"#,
        );
        assert_eq!(edges(&m), vec![1, 2, 3, 65512, 65513, 65535, 65536]);
    }

    /// A case is a function of its bytes: the same bytes, the same module and arguments;
    /// one in eight is a probe.
    #[test]
    fn cases_are_reproducible() {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut probes = 0;
        for kind in 0..16u8 {
            let mut data = xorshift_bytes(&mut x, 1024);
            data[0] = kind;
            let (a, b) = (case(&data).unwrap(), case(&data).unwrap());
            assert_eq!(a.wasm, b.wasm);
            assert_eq!(a.invocations, b.invocations);
            probes += a.invocations.iter().any(|(name, _)| name == "call_indirect") as u32;
        }
        assert_eq!(probes, 2);
    }
}
