//! Exception handling in the reference: exceptions crossing frames and instances, each step's
//! rule, an escaping exception as the outcome, `exnref` in globals and tables, and the
//! compiler's clean refusal.

use lockstep::exec::Reference;
use lockstep::exec::trace::trace;
use lockstep::jit::{Bounds, Jit};
use lockstep::rules::{self, Rule};
use lockstep::runtime::{Config, Engine, Error, ExternVal, Val};
use lockstep::syntax::Module;
use lockstep::{Spec, binary, valid};
use std::collections::BTreeSet;
use std::rc::Rc;

fn module(text: &str) -> Rc<Module> {
    let buf = wast::parser::ParseBuffer::new(text).expect("lexes");
    let mut wat = wast::parser::parse::<wast::Wat>(&buf).expect("parses");
    let module = binary::decode(&wat.encode().expect("encodes"), Spec::V3).expect("decodes");
    valid::validate(&module, Spec::V3).expect("valid");
    Rc::new(module)
}

fn func(engine: &dyn Engine, inst: u32, name: &str) -> u32 {
    match engine.export(inst, name) {
        Some(ExternVal::Func(f)) => f,
        _ => panic!("no function {name}"),
    }
}

/// The thrower: a tag and functions that throw it, or trap, from a frame of their own.
const THROWER: &str = r#"
(module
  (tag $e (export "e") (param i32 i64))
  (func (export "throw") (param i32) (throw $e (local.get 0) (i64.const 7)))
  (func (export "trap") (unreachable)))
"#;

/// The catcher, in another instance: it imports the tag and the functions and catches what
/// they throw through nested blocks, handlers that pass it over, and a rethrow.
const CATCHER: &str = r#"
(module
  (import "m" "e" (tag $e (param i32 i64)))
  (import "m" "throw" (func $throw (param i32)))
  (import "m" "trap" (func $trap))
  (tag $other)
  (global $saved (mut exnref) (ref.null exn))
  (table $t 1 exnref)
  (func $deep (param i32) (block (block (call $throw (local.get 0)))))
  (func (export "catch") (param i32) (result i32 i64)
    (block $x
      (block $h (result i32 i64)
        (try_table (catch $other $x) (catch $e $h)
          (call $deep (local.get 0)))
        (unreachable))
      (return))
    (unreachable))
  (func (export "rethrow") (param i32) (result i32)
    (block $h (result i32 i64)
      (try_table (catch $e $h)
        (block $r (result i32 i64 exnref)
          (try_table (catch_ref $e $r) (call $throw (local.get 0)))
          (unreachable))
        (throw_ref))
      (unreachable))
    (drop))
  (func (export "catch_all") (result i32)
    (block $h
      (try_table (catch_all $h) (call $throw (i32.const 1)))
      (return (i32.const 0)))
    (i32.const 1))
  (func (export "save") (param i32)
    (block $h (result exnref)
      (try_table (catch_all_ref $h) (call $throw (local.get 0)))
      (return))
    (global.set $saved)
    (table.set $t (i32.const 0) (global.get $saved)))
  (func (export "throw_saved") (throw_ref (table.get $t (i32.const 0))))
  (func (export "throw_null") (throw_ref (ref.null exn)))
  (func (export "leave") (result i32)
    (block $out (result i32)
      (block $c (try_table (catch_all $c) (br $out (i32.const 5))))
      (i32.const 0))
    (drop)
    (block $c (try_table (catch_all $c) (return (i32.const 9))))
    (i32.const 0))
  (func (export "plain") (result i32)
    (block $c (return (try_table (result i32) (catch_all $c) (i32.const 4))))
    (i32.const 0))
  (func (export "trap_through") (result i32)
    (block $h (try_table (catch_all $h) (call $trap)))
    (i32.const 0)))
"#;

/// A store with the thrower registered as `m` and the catcher instantiated against it.
fn instances() -> (Reference, u32) {
    let mut engine = Reference::new(Config::default());
    let m = engine.instantiate(&module(THROWER), &[]).expect("thrower");
    let imports: Vec<ExternVal> =
        ["e", "throw", "trap"].iter().map(|n| engine.export(m, n).expect("exported")).collect();
    let c = engine.instantiate(&module(CATCHER), &imports).expect("catcher");
    (engine, c)
}

#[test]
fn exceptions_cross_frames_and_instances() {
    let (mut engine, c) = instances();
    let f = func(&engine, c, "catch");
    assert_eq!(engine.invoke(f, &[Val::I32(42)]), Ok(vec![Val::I32(42), Val::I64(7)]));
    let f = func(&engine, c, "rethrow");
    assert_eq!(engine.invoke(f, &[Val::I32(3)]), Ok(vec![Val::I32(3)]));
    let f = func(&engine, c, "catch_all");
    assert_eq!(engine.invoke(f, &[]), Ok(vec![Val::I32(1)]));
    let f = func(&engine, c, "leave");
    assert_eq!(engine.invoke(f, &[]), Ok(vec![Val::I32(9)]));
    let f = func(&engine, c, "plain");
    assert_eq!(engine.invoke(f, &[]), Ok(vec![Val::I32(4)]));
}

/// An exception no handler catches is the invocation's outcome, with its tag and values; a
/// trap passes handlers by (`catch_all` does not catch it).
#[test]
fn an_escaping_exception_is_the_outcome() {
    let (mut engine, c) = instances();
    let m = 0;
    let f = func(&engine, m, "throw");
    let Err(Error::Exception(what)) = engine.invoke(f, &[Val::I32(5)]) else { panic!("no exception") };
    assert!(what.ends_with("[i32:5 i64:7]"), "{what}");
    let f = func(&engine, c, "trap_through");
    let got = engine.invoke(f, &[]);
    assert_eq!(
        got,
        Err(Error::Trap { message: "unreachable".into(), rule: Some(rules::STEP_PURE__UNREACHABLE) })
    );
}

/// An exception caught by `catch_all_ref` lives on in a global and a table, and is thrown
/// again from there; `throw_ref` of a null traps.
#[test]
fn exception_references_in_globals_and_tables() {
    let (mut engine, c) = instances();
    let save = func(&engine, c, "save");
    assert_eq!(engine.invoke(save, &[Val::I32(11)]), Ok(vec![]));
    let f = func(&engine, c, "throw_saved");
    let Err(Error::Exception(what)) = engine.invoke(f, &[]) else { panic!("no exception") };
    assert!(what.ends_with("[i32:11 i64:7]"), "{what}");
    let f = func(&engine, c, "throw_null");
    let got = engine.invoke(f, &[]);
    let want = Error::Trap {
        message: "null exception reference".into(),
        rule: Some(rules::STEP_READ__THROW_REF_NULL),
    };
    assert_eq!(got, Err(want));
}

/// The rules the reference cites as exceptions propagate and are caught, and as branches,
/// returns and traps leave handlers.
#[test]
fn steps_cite_the_rules_of_exceptions() {
    let (mut engine, c) = instances();
    let mut seen = BTreeSet::new();
    for (name, args) in [
        ("catch", vec![Val::I32(1)]),
        ("rethrow", vec![Val::I32(1)]),
        ("catch_all", vec![]),
        ("save", vec![Val::I32(1)]),
        ("leave", vec![]),
        ("trap_through", vec![]),
        ("plain", vec![]),
    ] {
        let f = func(&engine, c, name);
        trace(&mut engine.store, Config::default(), f, &args, |s| {
            seen.insert(s.rule);
            true
        })
        .expect("runs");
    }
    let want: [Rule; 14] = [
        rules::STEP__THROW,
        rules::STEP_READ__TRY_TABLE,
        rules::STEP_READ__THROW_REF_INSTRS,
        rules::STEP_READ__THROW_REF_LABEL,
        rules::STEP_READ__THROW_REF_FRAME,
        rules::STEP_READ__THROW_REF_HANDLER_NEXT,
        rules::STEP_READ__THROW_REF_HANDLER_CATCH,
        rules::STEP_READ__THROW_REF_HANDLER_CATCH_REF,
        rules::STEP_READ__THROW_REF_HANDLER_CATCH_ALL,
        rules::STEP_READ__THROW_REF_HANDLER_CATCH_ALL_REF,
        rules::STEP_PURE__HANDLER_VALS,
        rules::STEP_PURE__BR_HANDLER,
        rules::STEP_PURE__RETURN_HANDLER,
        rules::STEP_PURE__TRAP_HANDLER,
    ];
    let missing: Vec<&str> = want.iter().filter(|r| !seen.contains(r)).map(|r| r.id()).collect();
    assert!(missing.is_empty(), "not applied: {missing:?}");
}

/// The compiler does not run exceptions: it refuses them cleanly.
#[test]
fn the_compiler_refuses_exceptions() {
    let mut jit = Jit::new(Config::default(), Bounds::GuardPages);
    let got = jit.instantiate(&module(THROWER), &[]);
    assert_eq!(got, Err(Error::Unsupported("unsupported by the compiler: exceptions".into())));
}

const THROW_LOOP: &str = r#"
(module
  (tag $e (param i32 i64))
  (func (export "loop") (param $n i32) (result i32)
    (local $s i32)
    (loop $l
      (block $h (result i32 i64)
        (try_table (catch $e $h) (throw $e (local.get $n) (i64.const 1)))
        (unreachable))
      (drop)
      (local.set $s (i32.add (local.get $s)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s)))
"#;

/// Caught exceptions are garbage: the collector reclaims them as it does structures, so a
/// loop of 10^5 throws leaves the store near empty.
#[test]
fn the_collector_reclaims_caught_exceptions() {
    let mut engine = Reference::new(Config::default());
    engine.store.heap.interval = Some(100);
    let inst = engine.instantiate(&module(THROW_LOOP), &[]).expect("instantiates");
    let n: u32 = 100_000;
    let want = (1..=n).fold(0u32, |s, k| s.wrapping_add(k));
    assert_eq!(engine.invoke(func(&engine, inst, "loop"), &[Val::I32(n)]), Ok(vec![Val::I32(want)]));
    assert!(engine.store.exns.len() < 200, "{} exceptions", engine.store.exns.len());
}
