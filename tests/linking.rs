//! Linking in both engines: an import the provided value does not match is a link error
//! with the suite's message, `incompatible import type`, citing the `Externtype_sub` rule of
//! the import's kind.

use lockstep::exec::Reference;
use lockstep::jit::{Bounds, Jit};
use lockstep::rules::{self, Rule};
use lockstep::runtime::{Config, Engine, Error, ExternVal, Ref, Val};
use lockstep::syntax::{
    AddrType, FuncType, GlobalType, Limits, MemType, Module, RefType, TableType, ValType,
};
use lockstep::{Spec, binary, valid};
use std::rc::Rc;

fn module(text: &str) -> Rc<Module> {
    let buf = wast::parser::ParseBuffer::new(text).expect("lexes");
    let mut wat = wast::parser::parse::<wast::Wat>(&buf).expect("parses");
    let module = binary::decode(&wat.encode().expect("encodes"), Spec::V3).expect("decodes");
    valid::validate(&module, Spec::V3).expect("valid");
    Rc::new(module)
}

/// What the host provides: a function `[i32] -> []`, a funcref table of 2 elements at most 3,
/// a memory of 1 page at most 2, an immutable i32 global.
fn provided(engine: &mut dyn Engine) -> [ExternVal; 4] {
    let ty = FuncType::new(vec![ValType::I32], vec![]);
    let func = engine.alloc_func(ty, Rc::new(|_: &[Val]| Ok(vec![])));
    let limits = Limits { min: 2, max: Some(3) };
    let table_type = TableType { addr: AddrType::I32, limits, elem: RefType::FUNCREF };
    let table =
        engine.alloc_table(table_type, Ref::null_of(lockstep::syntax::AbsHeapType::Func)).expect("a table");
    let mem = engine
        .alloc_mem(MemType { addr: AddrType::I32, limits: Limits { min: 1, max: Some(2) } })
        .expect("a memory");
    let global = engine.alloc_global(GlobalType { mutable: false, val: ValType::I32 }, Val::i32(7));
    [func, table, mem, global]
}

/// The engines by name, each with an empty store.
const ENGINES: [&str; 2] = ["ref", "jit"];

fn engine(name: &str) -> Box<dyn Engine> {
    match name {
        "ref" => Box::new(Reference::default()),
        _ => Box::new(Jit::new(Config::default(), Bounds::GuardPages)),
    }
}

/// Instantiate a module of one import in a fresh store of engine `name`, given `ext`: `Ok`
/// or the link error's message and rule.
fn link(name: &str, import: &str, ext: ExternVal) -> Result<(), (String, Rule)> {
    let mut engine = engine(name);
    provided(engine.as_mut());
    let m = module(&format!("(module (import \"host\" \"x\" {import}))"));
    match engine.instantiate(&m, &[ext]) {
        Ok(_) => Ok(()),
        Err(Error::Link { message, rule }) => Err((message, rule)),
        Err(e) => panic!("{name}: {import}: {e:?}"),
    }
}

#[test]
fn link_errors_name_the_externtype_sub_rule() {
    for name in ENGINES {
        link_errors_in(name);
    }
}

fn link_errors_in(name: &str) {
    let link = |import: &str, ext| link(name, import, ext);
    let [func, table, mem, global] = provided(engine(name).as_mut());
    let incompatible = |rule| Err(("incompatible import type for \"host\".\"x\"".to_string(), rule));
    // Each kind matches what it should.
    assert_eq!(link("(func (param i32))", func), Ok(()));
    assert_eq!(link("(table 1 funcref)", table), Ok(()));
    assert_eq!(link("(table 2 3 funcref)", table), Ok(()));
    assert_eq!(link("(memory 1 2)", mem), Ok(()));
    assert_eq!(link("(global i32)", global), Ok(()));
    // Each kind's mismatch cites its rule.
    assert_eq!(link("(func (param i64))", func), incompatible(rules::EXTERNTYPE_SUB__FUNC));
    assert_eq!(link("(table 3 funcref)", table), incompatible(rules::EXTERNTYPE_SUB__TABLE));
    assert_eq!(link("(table 1 2 funcref)", table), incompatible(rules::EXTERNTYPE_SUB__TABLE));
    assert_eq!(link("(table 1 externref)", table), incompatible(rules::EXTERNTYPE_SUB__TABLE));
    assert_eq!(link("(memory 2)", mem), incompatible(rules::EXTERNTYPE_SUB__MEM));
    assert_eq!(link("(memory 1 1)", mem), incompatible(rules::EXTERNTYPE_SUB__MEM));
    assert_eq!(link("(global (mut i32))", global), incompatible(rules::EXTERNTYPE_SUB__GLOBAL));
    assert_eq!(link("(global f32)", global), incompatible(rules::EXTERNTYPE_SUB__GLOBAL));
    // A value of another kind: the rule of the import's kind.
    assert_eq!(link("(memory 1)", func), incompatible(rules::EXTERNTYPE_SUB__MEM));
    assert_eq!(link("(func)", global), incompatible(rules::EXTERNTYPE_SUB__FUNC));
    assert_eq!(link("(global i32)", table), incompatible(rules::EXTERNTYPE_SUB__GLOBAL));
    assert_eq!(link("(table 0 funcref)", mem), incompatible(rules::EXTERNTYPE_SUB__TABLE));
}

#[test]
fn a_table_matches_by_its_current_size() {
    for name in ENGINES {
        a_table_matches_by_its_current_size_in(engine(name).as_mut());
    }
}

fn a_table_matches_by_its_current_size_in(engine: &mut dyn Engine) {
    let [_, table, _, _] = provided(engine);
    let grow = module(
        "(module (import \"host\" \"t\" (table 2 funcref))
           (func (export \"grow\") (drop (table.grow (ref.null func) (i32.const 1)))))",
    );
    let inst = engine.instantiate(&grow, &[table]).expect("links");
    let Some(ExternVal::Func(f)) = engine.export(inst, "grow") else { panic!("no export") };
    let wants_3 = module("(module (import \"host\" \"t\" (table 3 funcref)))");
    let e = engine.instantiate(&wants_3, &[table]).expect_err("2 elements");
    assert!(matches!(e, Error::Link { rule, .. } if rule == rules::EXTERNTYPE_SUB__TABLE));
    engine.invoke(f, &[]).expect("grows");
    assert!(engine.instantiate(&wants_3, &[table]).is_ok());
}
