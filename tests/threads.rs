//! Validation and compilation on several threads (`--threads`): the verdict, the error and
//! the code are the same on any number. A module larger than one of the compiler's pieces
//! (src/jit/codegen/pieces.rs) links into code whose calls between pieces land on their
//! callees, and whose every function returns the reference interpreter's result.

use lockstep::exec::Reference;
use lockstep::jit::{self, Bounds, Jit, Options};
use lockstep::runtime::{Config, Engine, Error, ExternVal, Val};
use lockstep::syntax::{Bodies, Module};
use lockstep::{Spec, binary, valid};
use std::rc::Rc;

/// `$f0` returns its argument; `$fi(x)` is `$f(i-1)(x) * 3 + i` after a long run of
/// instructions that leave the stack as it was, and calls back to `$f0` too, so that calls
/// cross pieces in both directions. Floats go through the constant pool of each piece.
fn wat(funcs: usize, padding: usize) -> String {
    let mut s = String::from("(module\n(func $f0 (export \"f0\") (param i32) (result i32) (local.get 0))\n");
    for i in 1..funcs {
        s += &format!("(func $f{i} (export \"f{i}\") (param i32) (result i32)\n");
        for k in 0..padding {
            s += &format!("(drop (f64.add (f64.const {k}.5) (f64.convert_i32_s (local.get 0))))\n");
        }
        s += &format!(
            "(i32.add (i32.mul (call $f{} (local.get 0)) (i32.const 3)) (i32.const {i}))\n\
             (drop (call $f0 (i32.const {i}))))\n",
            i - 1
        );
    }
    s + ")"
}

fn encode(text: &str) -> Vec<u8> {
    wast::parser::parse::<wast::Wat>(&wast::parser::ParseBuffer::new(text).unwrap())
        .map(|mut w| w.encode().unwrap())
        .unwrap()
}

fn decode(text: &str) -> Module {
    binary::decode(&encode(text), Spec::V3).expect("decodes")
}

fn module(text: &str) -> Module {
    let module = decode(text);
    valid::validate(&module, Spec::V3).expect("valid");
    module
}

fn call(engine: &mut dyn Engine, module: &Rc<Module>, name: &str, x: i32) -> Vec<Val> {
    let inst = engine.instantiate(module, &[]).expect("instantiates");
    let Some(ExternVal::Func(f)) = engine.export(inst, name) else { panic!("no export {name}") };
    engine.invoke(f, &[Val::i32(x)]).expect("returns")
}

#[test]
fn many_pieces_link_into_the_same_code_on_any_number_of_threads() {
    // 120 functions of 120 * 14 + 16 bytes of code: about 200 KB, three pieces of 64 KiB.
    let module = Rc::new(module(&wat(120, 120)));
    let bytes: usize = (0..module.funcs.len()).map(|i| module.size(i)).sum();
    assert!(bytes > 2 * (1 << 16), "only {bytes} bytes of code");
    let on = |threads| jit::compile(&module, Options { threads, ..Options::new(Bounds::GuardPages) });
    let one = on(1).expect("compiles");
    for threads in [2, 3, 8] {
        let many = on(threads).expect("compiles");
        assert!(one.code == many.code, "the code differs on {threads} threads");
        assert_eq!((&one.funcs, &one.faults), (&many.funcs, &many.faults));
    }
    // The same from the bodies decoded one at a time, as `lockstep compile` has it.
    let bytes = encode(&wat(120, 120));
    let (framed, code) = binary::decode_framed(&bytes, Spec::V3, 2).expect("decodes");
    for threads in [1, 3] {
        let options = Options { threads, ..Options::new(Bounds::GuardPages) };
        let from_code = jit::compile_bodies(&framed, &code, options).expect("compiles");
        assert!(one.code == from_code.code, "the code from the bodies differs on {threads} threads");
        assert_eq!((&one.funcs, &one.faults), (&from_code.funcs, &from_code.faults));
    }
    for name in ["f1", "f60", "f119"] {
        let expected = call(&mut Reference::default(), &module, name, 7);
        for bounds in [Bounds::GuardPages, Bounds::Checks] {
            assert_eq!(call(&mut Jit::new(Config::default(), bounds), &module, name, 7), expected, "{name}");
        }
    }
}

#[test]
fn a_fault_in_any_piece_names_its_rule() {
    // Each function loads from its argument after a long run of padding: out of bounds, the
    // load faults (guard pages), and the fault is found in its piece's table of accesses.
    let mut text = String::from("(module (memory 1)\n");
    for i in 0..120 {
        text += &format!("(func (export \"f{i}\") (param i32) (result i32)\n");
        text += &"(drop (f64.add (f64.const 0.5) (f64.convert_i32_s (local.get 0))))\n".repeat(120);
        text += "(i32.load offset=4 (local.get 0)))\n";
    }
    let module = Rc::new(module(&(text + ")")));
    let bytes: usize = (0..module.funcs.len()).map(|i| module.size(i)).sum();
    assert!(bytes > 2 * (1 << 16), "only {bytes} bytes of code");
    let trap = |engine: &mut dyn Engine, name: &str| {
        let inst = engine.instantiate(&module, &[]).expect("instantiates");
        let Some(ExternVal::Func(f)) = engine.export(inst, name) else { panic!("no export {name}") };
        engine.invoke(f, &[Val::i32(65534)]).expect_err("traps")
    };
    for name in ["f0", "f60", "f119"] {
        let expected = trap(&mut Reference::default(), name);
        assert!(matches!(expected, Error::Trap { rule: Some(_), .. }), "{expected:?}");
        assert_eq!(trap(&mut Jit::new(Config::default(), Bounds::GuardPages), name), expected, "{name}");
    }
}

#[test]
fn validation_reports_the_first_invalid_function_on_any_number_of_threads() {
    let valid = "(func (result i32) (i32.const 1))";
    let invalid = |t: &str| format!("(func (result i32) ({t}.const 1))");
    // The first of three invalid functions is the 31st, an `i64` where an `i32` is due.
    let mut funcs = vec![valid.to_string(); 100];
    (funcs[30], funcs[60], funcs[99]) = (invalid("i64"), invalid("f32"), invalid("f64"));
    let module = decode(&format!("(module {})", funcs.concat()));
    let one = valid::validate(&module, Spec::V3).expect_err("invalid");
    assert_eq!(
        (one.func, one.message.as_str()),
        (Some(30), "type mismatch: instruction requires [i32] but stack has [i64]"),
        "{one}"
    );
    for threads in [2, 3, 7, 100, 1000] {
        assert_eq!(valid::validate_on(&module, Spec::V3, threads), Err(one.clone()), "{threads} threads");
    }
    let fine = decode(&format!("(module {})", vec![valid; 100].concat()));
    assert_eq!(valid::validate_on(&fine, Spec::V3, 4), Ok(()));
}
