//! The compiler's benchmark kernels (benches/jit/*.wat, benches/kernels/*.wat) at small
//! sizes: the compiled code, under guard pages and under explicit bounds checks, returns the
//! reference interpreter's checksum.

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
    for k in KERNELS {
        let bytes = kernels::wasm(k);
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
