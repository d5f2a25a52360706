//! Type soundness of the reference on modules that use Wasm 3.0's features: tail calls,
//! typed function references, GC, exceptions, 64-bit memories and tables, extended
//! constants, several memories. A module that validates, run in the reference, reduces to
//! values, traps, throws, or exhausts its fuel; it never panics, never gets stuck. The
//! modules are generated from scratch by wasm-smith, or are the official 3.0 suite's with a
//! few bytes changed (the mutated modules of `soundness.rs` are 2.0's).

use arbitrary::Unstructured;
use lockstep::exec::Reference;
use lockstep::exec::runtime::Store;
use lockstep::runtime::{Config, Engine, Error, ExternVal, Val};
use lockstep::syntax::{CompType, ExternIdx, Feature, Instr, Module, PackType, StorageType};
use lockstep::{Spec, binary, valid};
use quickcheck::{QuickCheck, TestResult};
use std::cell::RefCell;
use std::rc::Rc;

/// What wasm-smith generates: the features above, small memories and tables, no imports,
/// everything exported, a start function sometimes. `gc` switches typed references (and
/// GC's types and instructions with them) and exceptions on.
fn config(gc: bool) -> wasm_smith::Config {
    wasm_smith::Config {
        gc_enabled: gc,
        tail_call_enabled: true,
        memory64_enabled: true,
        extended_const_enabled: true,
        reference_types_enabled: true,
        bulk_memory_enabled: true,
        multi_value_enabled: true,
        simd_enabled: true,
        relaxed_simd_enabled: true,
        exceptions_enabled: gc,
        threads_enabled: false,
        wide_arithmetic_enabled: false,
        custom_page_sizes_enabled: false,
        shared_everything_threads_enabled: false,
        compact_imports_enabled: false,
        max_memories: 2,
        max_tables: 3,
        max_memory32_bytes: 4 << 16,
        max_memory64_bytes: 4 << 16,
        max_table_elements: 100,
        max_imports: 0,
        max_funcs: 12,
        max_types: 12,
        max_instructions: 300,
        export_everything: true,
        allow_start_export: true,
        ..wasm_smith::Config::default()
    }
}

/// SplitMix64: the bytes wasm-smith reads, from a seed.
fn bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed;
    (0..n / 8)
        .flat_map(|_| {
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            (z ^ (z >> 31)).to_le_bytes()
        })
        .collect()
}

/// What the runs covered: modules instantiated, and those among them with each feature.
#[derive(Default, Debug)]
struct Coverage {
    generated: usize,
    instantiated: usize,
    unsupported: usize,
    tail_calls: usize,
    typed_refs: usize,
    memory64: usize,
    gc: usize,
    exceptions: usize,
}

thread_local! {
    static COVERAGE: RefCell<Coverage> = RefCell::new(Coverage::default());
}

fn uses(module: &Module, f: impl Fn(&Instr) -> bool) -> bool {
    module.funcs.iter().any(|func| func.body.instrs.iter().any(&f))
}

/// Instantiate and invoke every exported function with default arguments: any outcome but
/// a panic is fine.
fn run(module: Module) {
    let module = Rc::new(module);
    // A small heap: collected every 256 fields, a heap of millions of live fields was walked
    // over and over (two seeds in 40,000 took 5 s and more than 15 minutes; 0.2 s and 4 ms
    // now).
    let config = Config { fuel: Some(20_000), max_heap_fields: 100_000, ..Config::default() };
    let mut engine = Reference::new(config);
    // Collect often: a live instance freed would break the heap's invariant or panic.
    engine.store.heap.interval = Some(256);
    let spectest = lockstep::script::spectest::instantiate(&mut engine);
    let Some(imports) = module
        .imports
        .iter()
        .map(|i| (i.module == "spectest").then(|| spectest.get(&i.name).copied()).flatten())
        .collect::<Option<Vec<ExternVal>>>()
    else {
        return;
    };
    let inst = match engine.instantiate(&module, &imports) {
        Ok(inst) => inst,
        Err(Error::Unsupported(_)) => return COVERAGE.with(|c| c.borrow_mut().unsupported += 1),
        Err(_) => return,
    };
    COVERAGE.with(|c| {
        let mut c = c.borrow_mut();
        c.instantiated += 1;
        let declared = module.declared_features();
        c.tail_calls += uses(&module, |i| i.requires().contains(Feature::TailCall)) as usize;
        c.typed_refs += (declared.contains(Feature::FunctionReferences)
            || uses(&module, |i| i.requires().contains(Feature::FunctionReferences)))
            as usize;
        c.memory64 += declared.contains(Feature::Memory64) as usize;
        let feature = |f| declared.contains(f) || uses(&module, |i| i.requires().contains(f));
        c.gc += feature(Feature::Gc) as usize;
        c.exceptions += feature(Feature::Exceptions) as usize;
    });
    for export in &module.exports {
        let ExternIdx::Func(_) = export.desc else { continue };
        let Some(ExternVal::Func(f)) = engine.export(inst, &export.name) else { continue };
        let ty = engine.store.funcs[f as usize].ty.clone();
        let args: Option<Vec<Val>> = ty.params.iter().map(|t| Val::default_of(*t)).collect();
        if let Some(args) = args {
            let _ = engine.invoke(f, &args);
            assert_heap_well_typed(&engine.store);
        }
    }
}

/// The heap's typing invariant (`Structinst_ok`, `Arrayinst_ok`): every field of every live
/// structure and array holds a value of its declared storage type, a packed one the bits of
/// its width.
fn assert_heap_well_typed(store: &Store) {
    let ok = |zt: StorageType, v: &Val| match (zt, v) {
        (StorageType::Pack(PackType::I8), Val::I32(c)) => *c <= 0xff,
        (StorageType::Pack(PackType::I16), Val::I32(c)) => *c <= 0xffff,
        (StorageType::Pack(_), _) => false,
        (StorageType::Val(t), v) => store.val_ok(*v, t),
    };
    for (a, s) in store.structs.iter().enumerate() {
        let CompType::Struct(fts) = store.types.expand(s.ty) else {
            panic!("structure {a} of a non-struct type")
        };
        let live = s.fields.len() == fts.len() || s.fields.is_empty();
        assert!(live && fts.iter().zip(s.fields.iter()).all(|(ft, v)| ok(ft.storage, v)), "structure {a}");
    }
    for (a, arr) in store.arrays.iter().enumerate() {
        let CompType::Array(ft) = store.types.expand(arr.ty) else { panic!("array {a} of a non-array type") };
        assert!(arr.fields.iter().all(|v| ok(ft.storage, v)), "array {a}");
    }
}

fn generated_module_never_gets_stuck(seed: u64) -> TestResult {
    let data = bytes(seed, 4096);
    let mut u = Unstructured::new(&data);
    let Ok(m) = wasm_smith::Module::new(config(seed.is_multiple_of(2)), &mut u) else {
        return TestResult::discard();
    };
    COVERAGE.with(|c| c.borrow_mut().generated += 1);
    let Ok(module) = binary::decode(&m.to_bytes(), Spec::V3) else { return TestResult::discard() };
    if valid::validate(&module, Spec::V3).is_err() {
        return TestResult::discard();
    }
    run(module);
    TestResult::passed()
}

#[test]
fn generated_modules_never_get_stuck() {
    QuickCheck::new()
        .tests(1000)
        .max_tests(10_000)
        .quickcheck(generated_module_never_gets_stuck as fn(u64) -> TestResult);
    let c = COVERAGE.with(|c| std::mem::take(&mut *c.borrow_mut()));
    eprintln!("{c:?}");
    // The features were exercised, not only refused.
    assert!(c.instantiated > 300, "{c:?}");
    assert!(c.tail_calls > 0 && c.memory64 > 0, "{c:?}");
    assert!(c.gc > 0 && c.exceptions > 0 && c.unsupported == 0, "{c:?}");
}

/// The binary modules of the official 3.0 suite's scripts.
fn corpus() -> Vec<Vec<u8>> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let official = std::env::var_os("LOCKSTEP_TESTSUITE_3_0")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/testsuite/wasm-3.0"));
    let mut dirs = vec![root.join("testsuite/3.0")];
    if official.is_dir() {
        dirs.push(official);
    } else {
        eprintln!("*** {} is missing: soundness is checked on testsuite/3.0 only ***", official.display());
        assert!(std::env::var_os("CI").is_none(), "CI is set but the official suite is missing");
    }
    let scripts = lockstep::script::suite::from_paths(&dirs).expect("scripts are readable");
    let mut modules = Vec::new();
    for script in &scripts {
        let mut lexer = wast::lexer::Lexer::new(&script.text);
        lexer.allow_confusing_unicode(true);
        let Ok(buf) = wast::parser::ParseBuffer::new_with_lexer(lexer) else { continue };
        let Ok(wast) = wast::parser::parse::<wast::Wast>(&buf) else { continue };
        for directive in wast.directives {
            if let wast::WastDirective::Module(mut m) | wast::WastDirective::ModuleDefinition(mut m) =
                directive
                && let Ok(bytes) = m.encode()
            {
                modules.push(bytes);
            }
        }
    }
    modules
}

static CORPUS: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();

/// A module of the 3.0 corpus with up to four bytes changed.
fn mutated_module_never_gets_stuck(pick: usize, edits: Vec<(usize, u8)>) -> TestResult {
    let corpus = CORPUS.get_or_init(corpus);
    let mut bytes = corpus[pick % corpus.len()].clone();
    for (at, byte) in edits.iter().take(4) {
        let n = bytes.len();
        bytes[at % n] = *byte;
    }
    let Ok(module) = binary::decode(&bytes, Spec::V3) else { return TestResult::discard() };
    if valid::validate(&module, Spec::V3).is_err() {
        return TestResult::discard();
    }
    run(module);
    TestResult::passed()
}

#[test]
fn mutated_3_0_modules_never_get_stuck() {
    assert!(!CORPUS.get_or_init(corpus).is_empty());
    QuickCheck::new()
        .tests(3000)
        .max_tests(60_000)
        .quickcheck(mutated_module_never_gets_stuck as fn(usize, Vec<(usize, u8)>) -> TestResult);
    let c = COVERAGE.with(|c| std::mem::take(&mut *c.borrow_mut()));
    eprintln!("{c:?}");
    assert!(c.tail_calls > 0 && c.typed_refs > 0 && c.memory64 > 0, "{c:?}");
}
