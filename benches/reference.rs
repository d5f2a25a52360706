//! The reference side by side with wasmi, in one run: `cargo bench --bench reference`.
//!
//! Kernels (benches/kernels/*.wat): recursive fib, a tight i32 loop, a memory-heavy sieve,
//! a call-heavy loop of direct and indirect calls; and the whole Wasm 2.0 suite through the
//! reference (read from ../shared/testsuite/wasm-2.0 when it is there). `LOCKSTEP_BENCH_FULL`
//! runs the kernels at the sizes BENCHMARKS.md quotes (fib(27), 10^7 iterations).

use criterion::{Criterion, criterion_group, criterion_main};
use lockstep::exec::Reference;
use lockstep::runtime::{Engine, ExternVal, Val};
use lockstep::{Spec, binary, valid};
use std::hint::black_box;
use std::path::PathBuf;
use std::rc::Rc;

struct Kernel {
    file: &'static str,
    export: &'static str,
    small: i32,
    full: i32,
}

const KERNELS: [Kernel; 4] = [
    Kernel { file: "fib", export: "fib", small: 20, full: 27 },
    Kernel { file: "loop", export: "loop", small: 100_000, full: 10_000_000 },
    Kernel { file: "memory", export: "sieve", small: 100_000, full: 1_000_000 },
    Kernel { file: "calls", export: "calls", small: 20_000, full: 1_000_000 },
];

fn wasm(file: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/kernels").join(format!("{file}.wat"));
    let text = std::fs::read_to_string(&path).expect("kernel source");
    let buf = wast::parser::ParseBuffer::new(&text).expect("lexes");
    wast::parser::parse::<wast::Wat>(&buf).expect("parses").encode().expect("encodes")
}

/// The reference, instantiated, and the kernel's export.
fn reference(bytes: &[u8], export: &str) -> (Reference, u32) {
    let module = binary::decode(bytes, Spec::V3).expect("decodes");
    valid::validate(&module, Spec::V3).expect("validates");
    let mut engine = Reference::default();
    let inst = engine.instantiate(&Rc::new(module), &[]).expect("instantiates");
    let Some(ExternVal::Func(f)) = engine.export(inst, export) else { panic!("no export {export}") };
    (engine, f)
}

fn kernels(c: &mut Criterion) {
    let full = std::env::var_os("LOCKSTEP_BENCH_FULL").is_some();
    for k in &KERNELS {
        let n = if full { k.full } else { k.small };
        let bytes = wasm(k.file);
        let mut group = c.benchmark_group(format!("{}({n})", k.file));
        group.sample_size(10);

        let (mut engine, f) = reference(&bytes, k.export);
        let expected = engine.invoke(f, &[Val::i32(n)]).expect("runs");
        group.bench_function("lockstep-ref", |b| {
            b.iter(|| engine.invoke(f, &[Val::i32(black_box(n))]).unwrap())
        });

        let wengine = wasmi::Engine::default();
        let module = wasmi::Module::new(&wengine, &bytes).expect("wasmi compiles");
        let mut store = wasmi::Store::new(&wengine, ());
        let instance = wasmi::Linker::<()>::new(&wengine).instantiate_and_start(&mut store, &module).unwrap();
        let func = instance.get_typed_func::<i32, i32>(&store, k.export).unwrap();
        assert_eq!(expected, vec![Val::i32(func.call(&mut store, n).unwrap())], "the engines agree");
        group.bench_function("wasmi", |b| b.iter(|| func.call(&mut store, black_box(n)).unwrap()));
        group.finish();
    }
}

fn suite(c: &mut Criterion) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/testsuite/wasm-2.0");
    let Ok(scripts) = lockstep::script::suite::from_paths(&[dir]) else {
        eprintln!("../shared/testsuite/wasm-2.0 is missing: the suite benchmark is skipped");
        return;
    };
    let mut group = c.benchmark_group("wasm-2.0 suite");
    group.sample_size(10);
    let factory = || Some(Box::new(Reference::default()) as Box<dyn Engine>);
    group.bench_function("lockstep-ref", |b| {
        b.iter(|| {
            let report = lockstep::script::run(&scripts, Spec::V2, "ref", &factory, |_, _| {});
            assert_eq!(report.failed, 0);
        })
    });
    group.finish();
}

criterion_group!(benches, kernels, suite);
criterion_main!(benches);
