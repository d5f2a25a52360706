//! Differential testing of the compiler's vector code, denser than the fuzzer's cases (where
//! half of wasm-smith's modules have vectors): wasm-smith modules with SIMD and relaxed SIMD
//! (the differential target's swarm configurations, vectors switched on), each exported function invoked with arguments at the
//! edges (NaNs, zeros of both signs, lane minima and maxima), under the referee, with the
//! deterministic profile's relaxed results and with x86's. Every invocation must agree.

use arbitrary::Unstructured;
use lockstep::jit::Bounds;
use lockstep::lockstep::Referee;
use lockstep::lockstep::case::rng::{splitmix64, xorshift_bytes};
use lockstep::lockstep::case::{front_end, smith::smith_config};
use lockstep::runtime::{Config, Engine, Error, ExternVal, Relaxed, Val};
use lockstep::syntax::{CompType, ExternIdx, F32, F64, Instr, Module, V128, ValType};
use std::rc::Rc;

const MODULES: usize = 4000;

/// A module of wasm-smith's from these bytes, vectors on.
fn module(bytes: &[u8]) -> Option<Module> {
    use wasm_smith::InstructionKind as K;
    let mut config = smith_config(bytes[0], true);
    // Vectors always; of the others, as the swarm byte says.
    let others = [K::Numeric, K::Parametric, K::Control, K::Memory];
    let mut kinds = vec![K::NumericInt, K::Variable, K::Vector];
    kinds.extend(others.iter().enumerate().filter(|(bit, _)| bytes[0] & (1 << bit) != 0).map(|(_, k)| *k));
    config.allowed_instructions = wasm_smith::InstructionKinds::new(&kinds);
    let u = &mut Unstructured::new(&bytes[1..]);
    let m = wasm_smith::Module::new(config, u).ok()?;
    front_end(&m.to_bytes()).ok()
}

/// A value of type `t` where operators change behaviour, or random bits.
fn arg(t: ValType, seed: &mut u64) -> Option<Val> {
    let r = splitmix64(seed);
    let pick =
        |edges: &[u64]| if r.is_multiple_of(2) { edges[(r >> 8) as usize % edges.len()] } else { r >> 3 };
    Some(match t {
        ValType::I32 => Val::I32(pick(&[0, 1, u32::MAX as u64, 0x8000_0000, 0x7fff_ffff, 16, 31]) as u32),
        ValType::I64 => Val::I64(pick(&[0, 1, u64::MAX, 1 << 63, 63, 64])),
        ValType::F32 => {
            Val::F32(F32(pick(&[0, 0x8000_0000, 0x7fc0_0000, 0x7f80_0001, 0xff80_0000, 0x4f80_0000]) as u32))
        }
        ValType::F64 => {
            Val::F64(F64(pick(&[0, 1 << 63, 0x7ff8 << 48, 0x7ff0_0000_0000_0001, 0x41f0_0000_0000_0000])))
        }
        ValType::V128 => {
            let lanes = [
                0u128,
                u128::MAX,
                0x8000_8000_8000_8000_8000_8000_8000_8000,
                0x7fc0_0000_8000_0000_4f80_0000_ff80_0001,
            ];
            let bits = if r.is_multiple_of(3) {
                lanes[(r >> 8) as usize % lanes.len()]
            } else {
                (splitmix64(seed) as u128) << 64 | splitmix64(seed) as u128
            };
            Val::V128(V128::from_u128(bits))
        }
        ValType::Ref(rt) if rt.nullable => Val::default_of(t)?,
        _ => return None,
    })
}

/// Each exported function with arguments.
fn invocations(m: &Module, seed: &mut u64) -> Vec<(String, Vec<Val>)> {
    let types: Vec<_> = m.types.iter().flat_map(|r| r.0.iter()).collect();
    let imported = m.imported_funcs().count();
    m.exports
        .iter()
        .filter_map(|e| match e.desc {
            ExternIdx::Func(x) if x as usize >= imported => {
                let CompType::Func(ft) = &types[m.funcs[x as usize - imported].ty as usize].comp else {
                    return None;
                };
                let args = ft.params.iter().map(|t| arg(*t, seed)).collect::<Option<Vec<_>>>()?;
                Some((e.name.clone(), args))
            }
            _ => None,
        })
        .collect()
}

/// The first divergence of the module under the referee, if any.
fn diverges(m: &Rc<Module>, calls: &[(String, Vec<Val>)], relaxed: Relaxed) -> Option<String> {
    let config = Config {
        fuel: Some(2000),
        max_memory: 512 * lockstep::syntax::PAGE_SIZE,
        relaxed,
        ..Config::default()
    };
    let mut referee = Referee::new(config, Bounds::GuardPages);
    let inst = match referee.instantiate(m, &[]) {
        Ok(inst) => inst,
        Err(Error::Divergence(what)) => return Some(format!("instantiation: {what}")),
        Err(_) => return None,
    };
    for (name, args) in calls {
        let Some(ExternVal::Func(f)) = referee.export(inst, name) else { continue };
        match referee.invoke(f, args) {
            Err(Error::Divergence(what)) => {
                let args: Vec<String> = args.iter().map(|v| v.to_string()).collect();
                return Some(format!("invoke {name} {}: {what}", args.join(" ")));
            }
            Err(Error::Unsupported(_)) => return None,
            _ => {}
        }
    }
    None
}

#[test]
fn wasm_smith_vector_modules_agree_under_the_referee() {
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    let (mut run, mut vector) = (0, 0);
    for k in 0..MODULES {
        let bytes = xorshift_bytes(&mut x, 1024 + 512 * (k % 6));
        let Some(m) = module(&bytes) else { continue };
        let m = Rc::new(m);
        let mut seed = k as u64;
        let calls = invocations(&m, &mut seed);
        for relaxed in [Relaxed::DETERMINISTIC, Relaxed::X86] {
            if let Some(finding) = diverges(&m, &calls, relaxed) {
                panic!("module {k} ({relaxed:?}): {finding}");
            }
        }
        run += 1;
        vector += m.funcs.iter().any(|f| f.body.instrs.iter().any(is_vector)) as usize;
    }
    assert!(run > MODULES / 2, "{run} modules ran");
    assert!(vector > run / 3, "{vector} of {run} modules with vector instructions");
    eprintln!("{run} modules, {vector} with vector instructions");
}

/// A vector instruction other than a constant.
fn is_vector(i: &Instr) -> bool {
    use Instr as I;
    matches!(
        i,
        I::VLoad(..)
            | I::VLoadLane(..)
            | I::VStore(..)
            | I::VStoreLane(..)
            | I::VVunop(_)
            | I::VVbinop(_)
            | I::VVternop(_)
            | I::VVtestop(_)
            | I::VUnop(..)
            | I::VBinop(..)
            | I::VTernop(..)
            | I::VTestop(..)
            | I::VRelop(..)
            | I::VShiftop(..)
            | I::VBitmask(_)
            | I::VSwizzlop(_)
            | I::VShuffle(_)
            | I::VExtunop(..)
            | I::VExtbinop(..)
            | I::VExtternop(..)
            | I::VNarrow(..)
            | I::VCvtop(..)
            | I::VSplat(_)
            | I::VExtractLane(..)
            | I::VReplaceLane(..)
    )
}
