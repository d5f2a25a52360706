//! The reference on Wasm 3.0's features that need no heap: tail calls in constant space,
//! the rules and messages of the traps of typed function references and tail calls, and
//! constant expressions of GC, which the reference runs and the compiler refuses.

use lockstep::exec::Reference;
use lockstep::jit::{Bounds, Jit};
use lockstep::rules::{self, Rule};
use lockstep::runtime::{Config, Engine, Error, ExternVal, Val};
use lockstep::syntax::Module;
use lockstep::{Spec, binary, valid};
use std::rc::Rc;

fn module(text: &str) -> Rc<Module> {
    let buf = wast::parser::ParseBuffer::new(text).expect("lexes");
    let mut wat = wast::parser::parse::<wast::Wat>(&buf).expect("parses");
    let module = binary::decode(&wat.encode().expect("encodes"), Spec::V3).expect("decodes");
    valid::validate(&module, Spec::V3).expect("valid");
    Rc::new(module)
}

/// Instantiate `text` (no imports) and invoke its export `name`.
fn invoke(engine: &mut dyn Engine, text: &str, name: &str, args: &[Val]) -> Result<Vec<Val>, Error> {
    let inst = engine.instantiate(&module(text), &[])?;
    let Some(ExternVal::Func(f)) = engine.export(inst, name) else { panic!("no function {name}") };
    engine.invoke(f, args)
}

const CHAINS: &str = r#"
(module
  (type $l (func (param i64 i64) (result i64)))
  (table funcref (elem $indirect))
  (elem declare func $by-ref)
  (func $direct (export "direct") (param i64 i64) (result i64)
    (if (i64.eqz (local.get 0)) (then (return (local.get 1))))
    (block (result i64) (loop (result i64) (return_call $direct (i64.sub (local.get 0) (i64.const 1)) (i64.add (local.get 1) (i64.const 2))))))
  (func $indirect (export "indirect") (param i64 i64) (result i64)
    (if (i64.eqz (local.get 0)) (then (return (local.get 1))))
    (return_call_indirect (type $l) (i64.sub (local.get 0) (i64.const 1)) (i64.add (local.get 1) (i64.const 3)) (i32.const 0)))
  (func $by-ref (export "by-ref") (param i64 i64) (result i64)
    (if (i64.eqz (local.get 0)) (then (return (local.get 1))))
    (return_call_ref $l (i64.sub (local.get 0) (i64.const 1)) (i64.add (local.get 1) (i64.const 5)) (ref.func $by-ref)))
  (func $plain (export "plain") (param i64 i64) (result i64)
    (if (i64.eqz (local.get 0)) (then (return (local.get 1))))
    (call $plain (i64.sub (local.get 0) (i64.const 1)) (i64.add (local.get 1) (i64.const 1))))
)"#;

/// A chain of 10^6 tail calls returns its result with room for 8 frames and 64 values: the
/// caller's frame is replaced, not grown, whichever instruction makes the call. The same
/// chain of plain calls exhausts that room.
#[test]
fn a_million_tail_calls_run_in_constant_space() {
    let config = Config { max_call_depth: Some(8), max_stack_values: 64, ..Config::default() };
    let n = Val::I64(1_000_000);
    for (name, step) in [("direct", 2), ("indirect", 3), ("by-ref", 5)] {
        let mut engine = Reference::new(config);
        let result = invoke(&mut engine, CHAINS, name, &[n, Val::I64(0)]);
        assert_eq!(result, Ok(vec![Val::I64(step * 1_000_000)]), "{name}");
    }
    let mut engine = Reference::new(config);
    let result = invoke(&mut engine, CHAINS, "plain", &[n, Val::I64(0)]);
    assert!(
        matches!(result, Err(Error::Exhausted { ref message, .. }) if message == "call stack exhausted"),
        "{result:?}"
    );
    // With the default room (10^4 frames), a plain chain of 5000 calls returns.
    let result = invoke(&mut Reference::default(), CHAINS, "plain", &[Val::I64(5_000), Val::I64(0)]);
    assert_eq!(result, Ok(vec![Val::I64(5_000)]));
}

/// Every trap of these features carries the suite's message and its rule.
#[test]
fn traps_cite_their_rules() {
    let text = r#"
    (module
      (type $v (func (result i32)))
      (type $w (func (result i64)))
      (table $t 2 funcref)
      (elem (table $t) (i32.const 1) func $f)
      (global $null (ref null $v) (ref.null $v))
      (func $f (type $w) (i64.const 0))
      (func (export "call_ref") (result i32) (call_ref $v (global.get $null)))
      (func (export "return_call_ref") (result i32) (return_call_ref $v (global.get $null)))
      (func (export "ref.as_non_null") (result i32) (drop (ref.as_non_null (global.get $null))) (i32.const 0))
      (func (export "uninitialized") (result i32) (return_call_indirect $t (type $v) (i32.const 0)))
      (func (export "undefined") (result i32) (return_call_indirect $t (type $v) (i32.const 2)))
      (func (export "mismatch") (result i32) (return_call_indirect $t (type $v) (i32.const 1)))
    )"#;
    let cases: [(&str, &str, Rule); 6] = [
        ("call_ref", "null function reference", rules::STEP_READ__CALL_REF_NULL),
        ("return_call_ref", "null function reference", rules::STEP_READ__RETURN_CALL_REF_FRAME_NULL),
        ("ref.as_non_null", "null reference", rules::STEP_PURE__REF_AS_NON_NULL_NULL),
        ("uninitialized", "uninitialized element 0", rules::STEP_READ__RETURN_CALL_REF_FRAME_NULL),
        ("undefined", "undefined element 2", rules::STEP_READ__TABLE_GET_OOB),
        ("mismatch", "indirect call type mismatch", rules::STEP_READ__REF_CAST_FAIL),
    ];
    for (name, message, rule) in cases {
        let result = invoke(&mut Reference::default(), text, name, &[]);
        assert_eq!(result, Err(Error::Trap { message: message.into(), rule: Some(rule) }), "{name}");
    }
}

/// A valid module whose constant expressions use GC's instructions, or whose definitions
/// GC's types, instantiates in the reference; the compiler refuses it as `unsupported by the
/// compiler: gc`, never a panic.
#[test]
fn gc_constant_expressions_run_in_the_reference_and_the_compiler_refuses_them() {
    let texts = [
        "(module (global externref (extern.convert_any (ref.i31 (i32.const 7)))))",
        "(module (global (ref i31) (ref.i31 (i32.const 7))))",
        "(module (type $s (struct)) (global (ref $s) (struct.new $s)))",
        "(module (table 1 anyref (any.convert_extern (ref.null extern))))",
        "(module (elem anyref (ref.i31 (i32.const 1))))",
        "(module (global anyref (ref.null any)))",
    ];
    for text in texts {
        let m = module(text);
        let got = Reference::default().instantiate(&m, &[]);
        assert!(got.is_ok(), "{text}: {got:?}");
        let got = Jit::new(Config::default(), Bounds::GuardPages).instantiate(&m, &[]);
        assert_eq!(got, Err(Error::Unsupported("unsupported by the compiler: gc".into())), "{text}");
    }
}

/// Extended constants and `global.get` of earlier globals, in every place a constant
/// expression stands; their values as both engines compute them.
#[test]
fn constant_expressions_of_3_0() {
    let text = r#"
    (module
      (global $a i32 (i32.const 7))
      (global $b (export "b") i64 (i64.mul (i64.add (i64.const 1) (i64.const 2)) (i64.sub (i64.const 0) (i64.const 5))))
      (global $c (export "c") i32 (i32.mul (global.get $a) (i32.add (global.get $a) (i32.const 1))))
      (table (export "t") 4 funcref (ref.func $f))
      (func $f)
    )"#;
    let m = module(text);
    for engine in [
        Box::new(Reference::default()) as Box<dyn Engine>,
        Box::new(Jit::new(Config::default(), Bounds::GuardPages)),
    ] {
        let mut engine = engine;
        let inst = engine.instantiate(&m, &[]).expect("instantiates");
        let Some(ExternVal::Global(b)) = engine.export(inst, "b") else { panic!() };
        let Some(ExternVal::Global(c)) = engine.export(inst, "c") else { panic!() };
        assert_eq!(engine.global_read(b), Val::I64(-15i64 as u64));
        assert_eq!(engine.global_read(c), Val::I32(56));
        let Some(ExternVal::Table(t)) = engine.export(inst, "t") else { panic!() };
        assert!(engine.table_refs(t).iter().all(|r| !r.is_null()));
    }
}
