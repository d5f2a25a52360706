//! The compiler's benchmark kernels (benches/jit/*.wat, benches/kernels/*.wat, and the C of
//! benches/c/ through clang) at small sizes: the compiled code, under guard pages and under
//! explicit bounds checks, returns the reference interpreter's checksum. Without clang the C
//! kernels are skipped, said so; `LOCKSTEP_REQUIRE_CLANG=1` (CI) makes that a failure.

#[path = "../benches/jit/kernels.rs"]
#[allow(dead_code)] // the benchmark's sizes and descriptions
mod kernels;

use kernels::{KERNELS, Kernel};
use lockstep::exec::Reference;
use lockstep::jit::{Bounds, Jit};
use lockstep::runtime::{Config, Engine, ExternVal, Val};
use lockstep::{Spec, binary, valid};
use std::rc::Rc;

fn run(engine: &mut dyn Engine, module: &Rc<lockstep::syntax::Module>, k: &Kernel) -> Vec<Val> {
    let inst =
        engine.instantiate(module, &[]).unwrap_or_else(|e| panic!("{}: {}: {e:?}", k.name, engine.name()));
    let Some(ExternVal::Func(f)) = engine.export(inst, k.export) else {
        panic!("{}: no export {}", k.name, k.export)
    };
    engine
        .invoke(f, &[Val::i32(k.small)])
        .unwrap_or_else(|e| panic!("{}({}): {}: {e:?}", k.name, k.small, engine.name()))
}

#[test]
fn kernels_agree_with_the_reference() {
    let clang = kernels::has_clang();
    if !clang {
        assert!(
            std::env::var_os("LOCKSTEP_REQUIRE_CLANG").is_none(),
            "LOCKSTEP_REQUIRE_CLANG is set, but `{}` does not run",
            kernels::clang_command()
        );
        eprintln!(
            "SKIPPED: the C kernels: `{}` does not run (apt-get install clang lld)",
            kernels::clang_command()
        );
    }
    for k in KERNELS.iter().filter(|k| clang || !k.file.ends_with(".c")) {
        let bytes = kernels::wasm(k).unwrap_or_else(|e| panic!("{}: {e}", k.name));
        let module = binary::decode(&bytes, Spec::V3).unwrap_or_else(|e| panic!("{}: {e:?}", k.name));
        valid::validate(&module, Spec::V3).unwrap_or_else(|e| panic!("{}: {e:?}", k.name));
        let module = Rc::new(module);
        let expected = run(&mut Reference::default(), &module, k);
        for bounds in [Bounds::GuardPages, Bounds::Checks] {
            let got = run(&mut Jit::new(Config::default(), bounds), &module, k);
            assert_eq!(got, expected, "{}({}) under {bounds:?}", k.name, k.small);
        }
    }
}
