//! GC in the reference: casts over canonical types across modules, packed fields, the rules
//! and messages of GC's traps, the heap limit, and a deep structure traversed without
//! recursion on the host stack.

use lockstep::exec::Reference;
use lockstep::jit::{Bounds, Jit};
use lockstep::rules::{self, Rule};
use lockstep::runtime::{Config, Engine, Error, ExternVal, Resource, Val};
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

fn func(engine: &dyn Engine, inst: u32, name: &str) -> u32 {
    match engine.export(inst, name) {
        Some(ExternVal::Func(f)) => f,
        _ => panic!("no function {name}"),
    }
}

/// Instantiate `text` (no imports) in `engine` and invoke its export `name`.
fn invoke(engine: &mut dyn Engine, text: &str, name: &str, args: &[Val]) -> Result<Vec<Val>, Error> {
    let inst = engine.instantiate(&module(text), &[])?;
    engine.invoke(func(engine, inst, name), args)
}

/// The maker defines a recursive group and a subtype; it hands out structures as `anyref`.
const MAKER: &str = r#"
(module
  (rec (type $node (sub (struct (field i32) (field (ref null $node))))))
  (type $leaf (sub final $node (struct (field i32) (field (ref null $node)))))
  (func (export "node") (result anyref) (struct.new $node (i32.const 1) (ref.null $node)))
  (func (export "leaf") (result anyref) (struct.new $leaf (i32.const 2) (ref.null $node))))
"#;

/// The tester defines the same group again, and one alike in shape but in a group of two.
const TESTER: &str = r#"
(module
  (import "m" "node" (func $node (result anyref)))
  (import "m" "leaf" (func $leaf (result anyref)))
  (rec (type $node (sub (struct (field i32) (field (ref null $node))))))
  (rec (type $other (sub (struct (field i32) (field (ref null $other))))) (type (struct)))
  (func (export "node_is_node") (result i32) (ref.test (ref $node) (call $node)))
  (func (export "leaf_is_node") (result i32) (ref.test (ref $node) (call $leaf)))
  (func (export "node_is_other") (result i32) (ref.test (ref $other) (call $node)))
  (func (export "cast_other") (result i32) (struct.get $other 0 (ref.cast (ref $other) (call $node))))
  (func (export "field") (result i32) (struct.get $node 0 (ref.cast (ref $node) (call $leaf)))))
"#;

/// Two modules that define the same recursion group get one type at run time; a subtype
/// passes a cast to its supertype; a group alike in shape but not equal is another type.
#[test]
fn casts_decide_by_canonical_types_across_modules() {
    let mut engine = Reference::new(Config::default());
    let m = engine.instantiate(&module(MAKER), &[]).expect("maker");
    let imports: Vec<ExternVal> =
        ["node", "leaf"].iter().map(|n| engine.export(m, n).expect("export")).collect();
    let t = engine.instantiate(&module(TESTER), &imports).expect("tester");
    for (name, want) in [("node_is_node", 1), ("leaf_is_node", 1), ("node_is_other", 0), ("field", 2)] {
        assert_eq!(engine.invoke(func(&engine, t, name), &[]), Ok(vec![Val::I32(want)]), "{name}");
    }
    let got = engine.invoke(func(&engine, t, "cast_other"), &[]);
    assert_eq!(
        got,
        Err(Error::Trap { message: "cast failure".into(), rule: Some(rules::STEP_READ__REF_CAST_FAIL) })
    );
}

const PACKED: &str = r#"
(module
  (type $s (struct (field (mut i8)) (field (mut i16))))
  (type $a (array (mut i8)))
  (func (export "struct") (result i32 i32 i32 i32)
    (local $r (ref null $s))
    (local.set $r (struct.new $s (i32.const 0x1ff) (i32.const 0x18000)))
    (struct.get_s $s 0 (local.get $r)) (struct.get_u $s 0 (local.get $r))
    (struct.get_s $s 1 (local.get $r)) (struct.get_u $s 1 (local.get $r)))
  (func (export "array") (result i32 i32)
    (local $r (ref null $a))
    (local.set $r (array.new $a (i32.const 0x80) (i32.const 3)))
    (array.set $a (local.get $r) (i32.const 2) (i32.const 0x17f))
    (array.get_s $a (local.get $r) (i32.const 0)) (array.get_u $a (local.get $r) (i32.const 2))))
"#;

/// A packed field keeps its low bits (`$packfield_`) and reads them sign- or zero-extended
/// (`$unpackfield_`).
#[test]
fn packed_fields_wrap_and_extend() {
    let mut engine = Reference::new(Config::default());
    let got = invoke(&mut engine, PACKED, "struct", &[]);
    assert_eq!(got, Ok(vec![Val::I32(u32::MAX), Val::I32(0xff), Val::I32(0xffff_8000), Val::I32(0x8000)]));
    let got = invoke(&mut engine, PACKED, "array", &[]);
    assert_eq!(got, Ok(vec![Val::I32(0xffff_ff80), Val::I32(0x7f)]));
}

const TRAPS: &str = r#"
(module
  (type $s (struct (field (mut i32))))
  (type $a (array (mut i32)))
  (data $d "\01\02\03")
  (func (export "struct.get") (result i32) (struct.get $s 0 (ref.null $s)))
  (func (export "struct.set") (struct.set $s 0 (ref.null $s) (i32.const 1)))
  (func (export "array.len") (result i32) (array.len (ref.null $a)))
  (func (export "array.get") (result i32) (array.get $a (array.new_default $a (i32.const 2)) (i32.const 2)))
  (func (export "array.fill") (array.fill $a (array.new_default $a (i32.const 2)) (i32.const 1) (i32.const 0) (i32.const 2)))
  (func (export "array.copy") (array.copy $a $a (array.new_default $a (i32.const 4)) (i32.const 0) (array.new_default $a (i32.const 2)) (i32.const 1) (i32.const 2)))
  (func (export "array.new_data") (result arrayref) (array.new_data $a $d (i32.const 0) (i32.const 1)))
  (func (export "i31.get") (result i32) (i31.get_s (ref.null i31)))
  (func (export "ref.cast") (result anyref) (ref.cast (ref struct) (ref.i31 (i32.const 1)))))
"#;

/// Each trap of GC carries the suite's message and the rule that trapped.
#[test]
fn traps_cite_their_rules() {
    let cases: [(&str, &str, Rule); 9] = [
        ("struct.get", "null structure reference", rules::STEP_READ__STRUCT_GET_NULL),
        ("struct.set", "null structure reference", rules::STEP__STRUCT_SET_NULL),
        ("array.len", "null array reference", rules::STEP_READ__ARRAY_LEN_NULL),
        ("array.get", "out of bounds array access", rules::STEP_READ__ARRAY_GET_OOB),
        ("array.fill", "out of bounds array access", rules::STEP_READ__ARRAY_FILL_OOB),
        ("array.copy", "out of bounds array access", rules::STEP_READ__ARRAY_COPY_OOB2),
        ("array.new_data", "out of bounds memory access", rules::STEP_READ__ARRAY_NEW_DATA_OOB),
        ("i31.get", "null i31 reference", rules::STEP_PURE__I31_GET_NULL),
        ("ref.cast", "cast failure", rules::STEP_READ__REF_CAST_FAIL),
    ];
    for (name, message, rule) in cases {
        let got = invoke(&mut Reference::default(), TRAPS, name, &[]);
        assert_eq!(got, Err(Error::Trap { message: message.into(), rule: Some(rule) }), "{name}");
    }
}

const ALLOC: &str = r#"
(module
  (type $a (array (mut i64)))
  (global $keep (mut (ref null $a)) (ref.null $a))
  (func (export "new") (param i32) (result i32)
    (global.set $keep (array.new_default $a (local.get 0)))
    (array.len (global.get $keep))))
"#;

/// Every live field counts against `--max-heap-fields`: an allocation past it (after a
/// collection) stops the run as an exhaustion, before any memory is taken, even for an
/// array of 2^31 elements.
#[test]
fn the_heap_limit_stops_allocation_cleanly() {
    let config = Config { max_heap_fields: 1000, ..Config::default() };
    let mut engine = Reference::new(config);
    let inst = engine.instantiate(&module(ALLOC), &[]).expect("instantiates");
    let new = func(&engine, inst, "new");
    assert_eq!(engine.invoke(new, &[Val::I32(600)]), Ok(vec![Val::I32(600)]));
    for n in [600, 0x7fff_ffff] {
        let got = engine.invoke(new, &[Val::I32(n)]);
        assert!(matches!(got, Err(Error::Exhausted { resource: Resource::Heap, .. })), "{n}: {got:?}");
    }
}

const LIST: &str = r#"
(module
  (type $cell (struct (field i32) (field (ref null $cell))))
  (global $head (mut (ref null $cell)) (ref.null $cell))
  (func (export "build") (param $n i32)
    (loop $l
      (global.set $head (struct.new $cell (local.get $n) (global.get $head)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func (export "sum") (result i64)
    (local $c (ref null $cell)) (local $s i64)
    (local.set $c (global.get $head))
    (block $done (loop $l
      (br_if $done (ref.is_null (local.get $c)))
      (local.set $s (i64.add (local.get $s) (i64.extend_i32_u (struct.get $cell 0 (local.get $c)))))
      (local.set $c (struct.get $cell 1 (local.get $c)))
      (br $l)))
    (local.get $s))
  (func (export "same") (result i32) (ref.eq (global.get $head) (global.get $head))))
"#;

/// A list of 10^6 structures is built, walked, compared and shown: nothing recurses on the
/// host stack (a reference is shown by its address).
#[test]
fn a_million_linked_structures() {
    let n: u64 = 1_000_000;
    let mut engine = Reference::new(Config::default());
    let inst = engine.instantiate(&module(LIST), &[]).expect("instantiates");
    assert_eq!(engine.invoke(func(&engine, inst, "build"), &[Val::I32(n as u32)]), Ok(vec![]));
    assert_eq!(engine.invoke(func(&engine, inst, "sum"), &[]), Ok(vec![Val::I64(n * (n + 1) / 2)]));
    assert_eq!(engine.invoke(func(&engine, inst, "same"), &[]), Ok(vec![Val::I32(1)]));
    let head = engine.global_read(engine.instance_addrs(inst).globals[0]);
    assert_eq!(head.to_string(), format!("ref.struct:{}", n - 1));
}

/// The compiler does not run GC: it refuses it cleanly.
#[test]
fn the_compiler_refuses_gc() {
    let mut jit = Jit::new(Config::default(), Bounds::GuardPages);
    let got = jit.instantiate(&module(LIST), &[]);
    assert_eq!(got, Err(Error::Unsupported("unsupported by the compiler: gc".into())));
}

const CHURN: &str = r#"
(module
  (type $cell (struct (field i32) (field (ref null $cell))))
  (func (export "churn") (param $n i32)
    (local $last (ref null $cell))
    (loop $l
      (local.set $last (struct.new $cell (local.get $n) (local.get $last)))
      (if (i32.eqz (i32.rem_u (local.get $n) (i32.const 8))) (then (local.set $last (ref.null $cell))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))))
"#;

/// The collector frees what no root reaches and reuses its addresses: 10^5 short-lived
/// structures beside a live list of 10^4 leave the store near the live size, and the list,
/// reachable from a global, is intact.
#[test]
fn the_collector_reclaims_what_nothing_reaches() {
    let mut engine = Reference::new(Config::default());
    engine.store.heap.interval = Some(1000);
    let list = engine.instantiate(&module(LIST), &[]).expect("instantiates");
    let churn = engine.instantiate(&module(CHURN), &[]).expect("instantiates");
    assert_eq!(engine.invoke(func(&engine, list, "build"), &[Val::I32(10_000)]), Ok(vec![]));
    assert_eq!(engine.invoke(func(&engine, churn, "churn"), &[Val::I32(100_000)]), Ok(vec![]));
    assert!(engine.store.structs.len() < 12_000, "{} structures", engine.store.structs.len());
    assert!(engine.store.usage.heap_fields < 24_000, "{} fields", engine.store.usage.heap_fields);
    assert_eq!(engine.invoke(func(&engine, list, "sum"), &[]), Ok(vec![Val::I64(10_000 * 10_001 / 2)]));
}
