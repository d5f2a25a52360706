//! Resources: what a module asks for counts against the configured limits in every engine,
//! running out is a clean outcome (`Error::Exhausted`), never an abort, a crash or a hang,
//! and the engines run out at the same points, so the referee compares instead of skipping.

use lockstep::exec::Reference;
use lockstep::jit::{Bounds, Jit};
use lockstep::lockstep::Referee;
use lockstep::runtime::interrupt::Timed;
use lockstep::runtime::{Config, Engine, Error, ExternVal, Resource, Val};
use lockstep::syntax::{Module, PAGE_SIZE};
use lockstep::{Spec, binary, valid};
use std::rc::Rc;
use std::time::Duration;

fn module(text: &str) -> Rc<Module> {
    let buf = wast::parser::ParseBuffer::new(text).expect("lexes");
    let mut wat = wast::parser::parse::<wast::Wat>(&buf).expect("parses");
    let module = binary::decode(&wat.encode().expect("encodes"), Spec::V3).expect("decodes");
    valid::validate(&module, Spec::V3).expect("valid");
    Rc::new(module)
}

fn engines(config: Config) -> Vec<Box<dyn Engine>> {
    vec![
        Box::new(Reference::new(config)),
        Box::new(Jit::new(config, Bounds::GuardPages)),
        Box::new(Jit::new(config, Bounds::Checks)),
        Box::new(Referee::new(config, Bounds::GuardPages)),
    ]
}

/// Instantiate `text` (no imports) and invoke its export `name`.
fn run(engine: &mut dyn Engine, text: &str, name: &str, args: &[Val]) -> Result<Vec<Val>, Error> {
    let inst = engine.instantiate(&module(text), &[])?;
    let Some(ExternVal::Func(f)) = engine.export(inst, name) else { panic!("no function {name}") };
    engine.invoke(f, args)
}

fn exhausted(resource: Resource) -> impl Fn(&Result<Vec<Val>, Error>) -> bool {
    move |r| matches!(r, Err(Error::Exhausted { resource: r, .. }) if *r == resource)
}

/// A table the host cannot or may not allocate fails instantiation cleanly (it aborted the
/// process, `memory allocation of 34359738360 bytes failed`), and an initial size counts
/// against the limit as growth does (it bypassed it, taking 787 MB).
#[test]
fn initial_tables_count_against_the_limit() {
    for size in ["0xffffffff", "100000000"] {
        let text = format!("(module (table {size} funcref) (func (export \"f\") (result i32) (table.size)))");
        for mut engine in engines(Config::default()) {
            let r = run(engine.as_mut(), &text, "f", &[]);
            assert!(exhausted(Resource::Table)(&r), "{} {size}: {r:?}", engine.name());
        }
    }
    let config = Config { max_table_elements: 30, ..Config::default() };
    let text = "(module (table 20 funcref)
                  (func (export \"grow\") (param i32) (result i32) (table.grow (ref.null func) (local.get 0))))";
    for mut engine in engines(config) {
        assert_eq!(
            run(engine.as_mut(), text, "grow", &[Val::i32(10)]),
            Ok(vec![Val::i32(20)]),
            "{}",
            engine.name()
        );
    }
    for mut engine in engines(config) {
        assert_eq!(
            run(engine.as_mut(), text, "grow", &[Val::i32(11)]),
            Ok(vec![Val::i32(-1)]),
            "{}",
            engine.name()
        );
    }
}

/// All memories together count against `max_memory`: eight memories grown to 4 GiB each
/// aborted the reference; now growth past 16 GiB returns -1.
#[test]
fn memories_together_count_against_the_limit() {
    let mems: String = (0..8).map(|i| format!("(memory $m{i} 0)")).collect();
    let grows: String = (0..8).map(|i| format!("(memory.grow $m{i} (i32.const 65536))")).collect();
    let text = format!("(module {mems} (func (export \"f\") (result {}) {grows}))", "i32 ".repeat(8));
    let mut engine = Reference::new(Config::default());
    let got = run(&mut engine, &text, "f", &[]).expect("runs");
    assert_eq!(got, [0, 0, 0, 0, -1, -1, -1, -1].map(Val::i32));
    let too_big = "(module (memory 5))";
    for mut engine in engines(Config { max_memory: 4 * PAGE_SIZE, ..Config::default() }) {
        let r = engine.instantiate(&module(too_big), &[]);
        assert!(
            matches!(r, Err(Error::Exhausted { resource: Resource::Memory, .. })),
            "{}: {r:?}",
            engine.name()
        );
    }
}

/// The reference maps a memory lazily: growing to 65,536 pages and touching one byte took
/// 4.2 GB of RSS.
#[test]
fn the_reference_commits_only_what_is_touched() {
    let text = "(module (memory 0)
                  (func (export \"f\") (result i32)
                    (drop (memory.grow (i32.const 65536)))
                    (i32.store8 (i32.const 0xfffffff0) (i32.const 7))
                    (i32.load8_u (i32.const 0xfffffff0))))";
    let before = rss();
    let mut engine = Reference::new(Config::default());
    assert_eq!(run(&mut engine, text, "f", &[]), Ok(vec![Val::i32(7)]));
    let grew = rss().saturating_sub(before);
    assert!(grew < 256 << 20, "RSS grew by {grew} bytes");
}

/// This process's resident set, in bytes.
fn rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("procfs");
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).expect("VmRSS");
    line.split_whitespace().nth(1).and_then(|kb| kb.parse::<u64>().ok()).expect("a number") * 1024
}

/// Fuel bounds bulk operations, one unit an element: `memory.fill` of 4 GiB under
/// `--fuel 1` ran for ten minutes.
#[test]
fn fuel_bounds_bulk_operations() {
    let ops = [
        "(memory.fill (i32.const 0) (i32.const 7) (i32.const 0x10000))",
        "(memory.copy (i32.const 1) (i32.const 0) (i32.const 0x10000))",
        "(table.fill (i32.const 0) (ref.null func) (i32.const 100))",
        "(table.copy (i32.const 1) (i32.const 0) (i32.const 100))",
    ];
    for op in ops {
        let text = format!("(module (memory 2) (table 200 funcref) (func (export \"f\") {op}))");
        for mut engine in engines(Config { fuel: Some(50), ..Config::default() }) {
            let r = run(engine.as_mut(), &text, "f", &[]);
            assert!(exhausted(Resource::Fuel)(&r), "{} {op}: {r:?}", engine.name());
        }
        for mut engine in engines(Config { fuel: Some(0x20000), ..Config::default() }) {
            assert_eq!(run(engine.as_mut(), &text, "f", &[]), Ok(vec![]), "{} {op}", engine.name());
        }
    }
}

/// An endless loop stops at the timeout, in every engine.
#[test]
fn a_timeout_stops_an_endless_loop() {
    let text = "(module (func (export \"spin\") (loop (br 0))))";
    for engine in engines(Config { interruptible: true, ..Config::default() }) {
        let name = engine.name();
        let mut timed = Timed { engine, timeout: Duration::from_millis(50) };
        let r = run(&mut timed, text, "spin", &[]);
        assert!(exhausted(Resource::Time)(&r), "{name}: {r:?}");
    }
}

/// Both engines count the same frames: a recursion 10,000 deep returns in both and one
/// deeper exhausts both, so the referee compares both (it skipped them as inconclusive).
#[test]
fn the_engines_exhaust_at_the_same_depth() {
    let text = "(module (func $r (export \"r\") (param i32) (result i32)
                  (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                    (else (call $r (i32.sub (local.get 0) (i32.const 1)))))))";
    let config = Config { max_call_depth: Some(10_000), ..Config::default() };
    for mut engine in engines(config) {
        assert_eq!(run(engine.as_mut(), text, "r", &[Val::i32(9_999)]), Ok(vec![Val::i32(0)]));
        let r = run(engine.as_mut(), text, "r", &[Val::i32(10_000)]);
        assert!(exhausted(Resource::CallStack)(&r), "{}: {r:?}", engine.name());
    }
}

/// After fuel runs out part way (the reference fills byte by byte, the compiler charges the
/// whole fill first), the memories differ: what the invocation could reach is tainted, and
/// a later difference there is inconclusive, not a divergence, while a new module that
/// reaches none of it is still compared.
#[test]
fn the_referee_taints_what_an_inconclusive_invocation_reached() {
    let mut referee = Referee::new(Config { fuel: Some(100), ..Config::default() }, Bounds::GuardPages);
    let m = module(
        "(module (memory (export \"mem\") 1)
           (func (export \"fill\") (memory.fill (i32.const 0) (i32.const 7) (i32.const 1000)))
           (func (export \"load\") (param i32) (result i32) (i32.load8_u (local.get 0))))",
    );
    let inst = referee.instantiate(&m, &[]).expect("instantiates");
    let func = |r: &Referee, name| match r.export(inst, name) {
        Some(ExternVal::Func(f)) => f,
        _ => panic!("no {name}"),
    };
    let r = referee.invoke(func(&referee, "fill"), &[]);
    assert!(matches!(r, Err(Error::Exhausted { resource: Resource::Fuel, .. })), "{r:?}");
    let r = referee.invoke(func(&referee, "load"), &[Val::i32(50)]);
    assert!(matches!(&r, Err(Error::Unsupported(why)) if why.starts_with("inconclusive")), "{r:?}");
    // A module that reaches nothing tainted is compared as ever.
    let fresh = module("(module (func (export \"seven\") (result i32) (i32.const 7)))");
    let inst = referee.instantiate(&fresh, &[]).expect("instantiates");
    let Some(ExternVal::Func(f)) = referee.export(inst, "seven") else { panic!() };
    assert_eq!(referee.invoke(f, &[]), Ok(vec![Val::i32(7)]));
}

/// The signal handler's table of code ranges held 16,384 entries: the module after them
/// that faulted on its guard page crashed the process with SIGSEGV.
#[test]
fn more_modules_than_a_fixed_table_holds() {
    let mut jit = Jit::new(Config::default(), Bounds::GuardPages);
    let trivial = module("(module (func (export \"z\") (result i32) (i32.const 5)))");
    for _ in 0..16_400 {
        jit.instantiate(&trivial, &[]).expect("instantiates");
    }
    let oob = "(module (memory 1) (func (export \"load\") (result i32) (i32.load (i32.const 65536))))";
    let r = run(&mut jit, oob, "load", &[]);
    assert!(
        matches!(&r, Err(Error::Trap { message, .. }) if message == "out of bounds memory access"),
        "{r:?}"
    );
}

/// A module that asks for resources: a memory and a table of some initial size (small,
/// large, or past every limit), growth, and bulk operations of some length, under some fuel.
#[derive(Clone, Debug)]
struct Greedy {
    pages: u32,
    elements: u32,
    grow_pages: i32,
    grow_elements: i32,
    ops: Vec<(u8, u32, u32, u32)>,
    fuel: Option<u64>,
}

use quickcheck::Arbitrary;

impl Arbitrary for Greedy {
    fn arbitrary(g: &mut quickcheck::Gen) -> Greedy {
        let size = |g: &mut quickcheck::Gen| {
            *g.choose(&[0, 1, 3, 17, 1000, 65535, 65536, 1 << 20, u32::MAX]).unwrap()
        };
        let len = |g: &mut quickcheck::Gen| {
            *g.choose(&[0, 1, 15, 16, 17, 64, 4096, 65536, 1 << 20, u32::MAX]).unwrap()
        };
        let ops = (0..u8::arbitrary(g) % 6).map(|_| (u8::arbitrary(g) % 6, len(g), len(g), len(g))).collect();
        Greedy {
            pages: size(g) % 65_537,
            elements: size(g),
            grow_pages: *g.choose(&[0, 1, 100, 65536, -1]).unwrap(),
            grow_elements: *g.choose(&[0, 1, 1000, 1 << 24, -1]).unwrap(),
            ops,
            fuel: *g.choose(&[None, Some(0), Some(10), Some(100_000)]).unwrap(),
        }
    }
}

impl Greedy {
    fn text(&self) -> String {
        let ops: String = self
            .ops
            .iter()
            .map(|&(op, a, b, n)| match op {
                0 => format!("(memory.fill (i32.const {a}) (i32.const {b}) (i32.const {n}))"),
                1 => format!("(memory.copy (i32.const {a}) (i32.const {b}) (i32.const {n}))"),
                2 => format!("(memory.init 0 (i32.const {a}) (i32.const {b}) (i32.const {n}))"),
                3 => format!("(table.fill (i32.const {a}) (ref.null func) (i32.const {n}))"),
                4 => format!("(table.copy (i32.const {a}) (i32.const {b}) (i32.const {n}))"),
                _ => format!("(table.init 0 (i32.const {a}) (i32.const {b}) (i32.const {n}))"),
            })
            .collect();
        format!(
            "(module (memory {}) (table {} funcref)
               (data \"0123456789abcdefghij\") (elem func $f $f $f)
               (func $f (export \"f\") (result i32 i32)
                 (memory.grow (i32.const {})) (table.grow (ref.null func) (i32.const {}))
                 {ops}))",
            self.pages, self.elements, self.grow_pages, self.grow_elements
        )
    }
}

/// Whatever a module asks for, every engine ends with values, a trap or an exhausted
/// resource: no abort, no panic, and the process's memory stays bounded.
#[test]
fn greedy_modules_end_cleanly() {
    quickcheck::QuickCheck::new().tests(60).quickcheck(ends_cleanly as fn(Greedy) -> bool);
}

fn ends_cleanly(g: Greedy) -> bool {
    let config =
        Config { max_memory: 64 << 20, max_table_elements: 200_000, fuel: g.fuel, ..Config::default() };
    let text = g.text();
    for mut engine in engines(config) {
        let outcome = run(engine.as_mut(), &text, "f", &[]);
        let clean = matches!(
            outcome,
            Ok(_) | Err(Error::Trap { .. } | Error::Exhausted { .. } | Error::Unsupported(_))
        );
        if !clean {
            eprintln!("{}: {outcome:?}\n{text}", engine.name());
            return false;
        }
    }
    // The limits allow 64 MiB of memory and 200,000 elements per engine: far less than this.
    rss() < 2 << 30
}
