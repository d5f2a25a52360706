//! The appendix's soundness theorems, checked after every step of the reference on modules
//! wasm-smith generates with the features the reference runs (2.0, SIMD and relaxed SIMD,
//! tail calls, 64-bit memories and tables, extended constants, several memories).
//!
//! - *Preservation*: before the first step and after each, the configuration is well typed
//!   (`lockstep_proofs::soundness::config_ok`: `Store_ok`, `Frame_ok` of every frame,
//!   `Instrs_ok2` of the innermost operand stack against the validator's types).
//! - *Progress*: no step is stuck; the machine ends in a trap or in values of the result
//!   types, or runs out of fuel.
//! - *Determinism*: the stepwise run and an ordinary run of the same invocations on a
//!   second instance (`Engine::invoke`) give the same results, traps and stores, bit for bit
//!   (the deterministic profile fixes what the spec leaves open: NaN payloads, relaxed
//!   operators; `memory.grow` fails only at the configuration's limits, the same in both).

use arbitrary::Unstructured;
use lockstep::exec::Reference;
use lockstep::exec::machine::Outcome;
use lockstep::runtime::{Config, Engine, Error, ExternVal, InstanceId, Val};
use lockstep::syntax::{ExternIdx, Module, Num, NumType, V128, ValType};
use lockstep::{Spec, binary, valid};
use lockstep_proofs::soundness::{Typing, progress};
use std::rc::Rc;

/// What wasm-smith generates: the features above, small memories and tables, no imports,
/// everything exported, a start function sometimes.
fn smith_config() -> wasm_smith::Config {
    wasm_smith::Config {
        gc_enabled: false,
        tail_call_enabled: true,
        memory64_enabled: true,
        extended_const_enabled: true,
        reference_types_enabled: true,
        bulk_memory_enabled: true,
        multi_value_enabled: true,
        simd_enabled: true,
        relaxed_simd_enabled: true,
        exceptions_enabled: false,
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

/// SplitMix64 from a seed: wasm-smith's bytes and the arguments.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n / 8).flat_map(|_| self.next().to_le_bytes()).collect()
    }

    /// A value of `t`: zero, an edge, or random bits (`None` for a non-defaultable type).
    fn arg(&mut self, t: ValType) -> Option<Val> {
        let r = self.next();
        let bits = match r % 4 {
            0 => 0,
            1 => [1, u64::MAX, 1 << 31, 1 << 63, 0x7ff8_0000_0000_0000, 0x8000_0000][(r >> 8) as usize % 6],
            _ => self.next(),
        };
        Some(match t {
            ValType::I32 => Val::I32(bits as u32),
            ValType::I64 => Val::I64(bits),
            ValType::F32 => Val::num(Num::from_bits(NumType::F32, bits & 0xffff_ffff)),
            ValType::F64 => Val::num(Num::from_bits(NumType::F64, bits)),
            ValType::V128 => Val::V128(V128::from_u128(((bits as u128) << 64) | self.next() as u128)),
            t => Val::default_of(t)?,
        })
    }
}

/// What the checks covered.
#[derive(Default, Debug)]
struct Tally {
    modules: usize,
    unsupported: usize,
    invocations: usize,
    steps: u64,
    values: usize,
    traps: usize,
    exhausted: usize,
}

fn config() -> Config {
    Config { fuel: Some(2_000), max_memory: 1 << 24, ..Config::default() }
}

/// Instantiate a module in a fresh reference (no imports: wasm-smith makes none here).
fn instantiate(module: &Rc<Module>) -> Result<(Reference, InstanceId), Error> {
    let mut engine = Reference::new(config());
    let inst = engine.instantiate(module, &[])?;
    Ok((engine, inst))
}

/// One generated module: every exported function invoked with zero arguments and with
/// drawn ones, stepwise with the checks, and in a second instance ordinarily.
fn check_module(seed: u64, tally: &mut Tally) -> Result<(), String> {
    let mut rng = Rng(seed);
    let data = rng.bytes(4096);
    let Ok(generated) = wasm_smith::Module::new(smith_config(), &mut Unstructured::new(&data)) else {
        return Ok(());
    };
    let Ok(module) = binary::decode(&generated.to_bytes(), Spec::V3) else { return Ok(()) };
    if valid::validate(&module, Spec::V3).is_err() {
        return Ok(());
    }
    let module = Rc::new(module);
    let (Ok((mut checked, inst)), Ok((mut ordinary, inst2))) = (instantiate(&module), instantiate(&module))
    else {
        tally.unsupported += 1;
        return Ok(());
    };
    tally.modules += 1;
    let mut typing = Typing::default();
    typing.add(inst, &module, &checked.store.modules[inst as usize].deftypes)?;
    for export in &module.exports {
        let ExternIdx::Func(_) = export.desc else { continue };
        let (Some(ExternVal::Func(f)), Some(ExternVal::Func(f2))) =
            (checked.export(inst, &export.name), ordinary.export(inst2, &export.name))
        else {
            continue;
        };
        let params = checked.store.funcs[f as usize].ty.params.clone();
        for round in 0..2 {
            let args: Option<Vec<Val>> =
                params.iter().map(|&t| if round == 0 { Val::default_of(t) } else { rng.arg(t) }).collect();
            let Some(args) = args else { continue };
            let run = progress(&mut checked.store, config(), &typing, f, &args)
                .map_err(|v| format!("seed {seed}, {}({args:?}): {v}", export.name))?;
            tally.invocations += 1;
            tally.steps += run.steps;
            let again = ordinary.invoke(f2, &args);
            match (&run.outcome, &again) {
                (Outcome::Values(a), Ok(b)) if a == b => tally.values += 1,
                (Outcome::Trap(t), Err(Error::Trap { message, rule }))
                    if &t.message == message && Some(t.rule) == *rule =>
                {
                    tally.traps += 1
                }
                (Outcome::Limit(_), Err(Error::Exhausted { .. })) => tally.exhausted += 1,
                (a, b) => {
                    return Err(format!(
                        "seed {seed}, {}({args:?}): not deterministic: {a:?} then {b:?}",
                        export.name
                    ));
                }
            }
            same_store(&checked, &ordinary)
                .map_err(|e| format!("seed {seed}, after {}: {e}", export.name))?;
        }
    }
    Ok(())
}

/// The two stores hold the same globals, memories and tables.
fn same_store(a: &Reference, b: &Reference) -> Result<(), String> {
    let (a, b) = (&a.store, &b.store);
    for (i, (x, y)) in a.globals.iter().zip(&b.globals).enumerate() {
        if x.value != y.value {
            return Err(format!("global {i}: {} and {}", x.value, y.value));
        }
    }
    for (i, (x, y)) in a.mems.iter().zip(&b.mems).enumerate() {
        if x.bytes[..] != y.bytes[..] {
            return Err(format!("memory {i} differs"));
        }
    }
    for (i, (x, y)) in a.tables.iter().zip(&b.tables).enumerate() {
        if x.refs != y.refs {
            return Err(format!("table {i} differs"));
        }
    }
    Ok(())
}

/// Check modules from consecutive seeds until `invocations` invocations were checked.
fn check(first_seed: u64, invocations: usize) -> Tally {
    let mut tally = Tally::default();
    let mut seed = first_seed;
    let mut shown = 0;
    while tally.invocations < invocations {
        if let Err(e) = check_module(seed, &mut tally) {
            panic!("{e}\n{tally:?}");
        }
        seed += 1;
        if tally.invocations >= shown + 10_000 {
            shown = tally.invocations;
            eprintln!("seeds {first_seed}..{seed}: {tally:?}");
        }
    }
    eprintln!("seeds {first_seed}..{seed}: {tally:?}");
    tally
}

/// The smoke in every `cargo test`: a few hundred invocations.
#[test]
fn generated_invocations_are_sound() {
    let tally = check(1, 600);
    assert!(tally.steps > 10_000, "{tally:?}");
    assert!(tally.values > 0 && tally.traps > 0, "{tally:?}");
}

/// The long run: at least 100,000 generated invocations (`cargo test --release -p
/// lockstep-proofs --test soundness_steps -- --ignored`; `LOCKSTEP_SOUNDNESS_INVOCATIONS`
/// sets another number).
#[test]
#[ignore]
fn generated_invocations_are_sound_at_length() {
    let n =
        std::env::var("LOCKSTEP_SOUNDNESS_INVOCATIONS").ok().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    check(1_000_000, n);
}

/// A module from text, decoded, validated, instantiated; its typing and first export.
fn setup(wat: &str, typed_as: &str) -> (Reference, Typing, u32) {
    let front = |text: &str| {
        Rc::new(
            lockstep::lockstep::case::front_end(&lockstep::lockstep::case::assemble(text).unwrap()).unwrap(),
        )
    };
    let (module, typing_module) = (front(wat), front(typed_as));
    let (engine, inst) = instantiate(&module).unwrap();
    let mut typing = Typing::default();
    typing.add(inst, &typing_module, &engine.store.modules[inst as usize].deftypes).unwrap();
    let Some(ExternVal::Func(f)) = engine.export(inst, "f") else { panic!("no export f") };
    (engine, typing, f)
}

/// The checks bite: a global holding a value not of its type fails `Globalinst_ok`.
#[test]
fn a_global_of_another_type_is_not_store_ok() {
    let wat =
        r#"(module (global $g (mut i32) (i32.const 0)) (func (export "f") (result i32) (global.get $g)))"#;
    let (mut engine, typing, f) = setup(wat, wat);
    assert!(progress(&mut engine.store, config(), &typing, f, &[]).is_ok());
    engine.store.globals[0].value = Val::I64(7);
    let v = progress(&mut engine.store, config(), &typing, f, &[]).unwrap_err();
    assert_eq!(v.judgment, lockstep::rules::GLOBALINST_OK, "{v}");
}

/// A table element not of the table's element type fails `Tableinst_ok`.
#[test]
fn a_table_element_of_another_type_is_not_store_ok() {
    let wat = r#"(module (table 2 funcref) (func (export "f")))"#;
    let (mut engine, typing, f) = setup(wat, wat);
    engine.store.tables[0].refs[1] = lockstep::runtime::Ref::Extern(3);
    let v = progress(&mut engine.store, config(), &typing, f, &[]).unwrap_err();
    assert_eq!(v.judgment, lockstep::rules::TABLEINST_OK, "{v}");
}

/// A frame whose locals are not of the types its function declares fails `Frame_ok`, and
/// an operand stack not of the validator's types fails `Instrs_ok2`: the same code run
/// against the typing of a function of `i64`s.
#[test]
fn locals_and_operands_of_other_types_are_not_config_ok() {
    let wat = r#"(module (func (export "f") (param i32) (result i32) (local.get 0) (i32.eqz)))"#;
    let typed = r#"(module (func (export "f") (param i64) (result i32) (local.get 0) (i64.eqz)))"#;
    let (mut engine, typing, f) = setup(wat, typed);
    let v = progress(&mut engine.store, config(), &typing, f, &[Val::I32(1)]).unwrap_err();
    assert_eq!(v.judgment, lockstep::rules::FRAME_OK, "{v}");
    let stack = r#"(module (func (export "f") (param i32) (result i32) (local.get 0) (i32.eqz)))"#;
    let typed = r#"(module (func (export "f") (param i32) (result i32) (i64.const 0) (i64.eqz)))"#;
    let (mut engine, typing, f) = setup(stack, typed);
    let v = progress(&mut engine.store, config(), &typing, f, &[Val::I32(1)]).unwrap_err();
    assert_eq!(v.judgment, lockstep::rules::INSTRS_OK2__SEQ, "{v}");
}
