//! Constant expressions, generated: every constant instruction of Wasm 3.0 in the initial
//! values of globals and tables, the elements of segments and their offsets. A valid module
//! instantiates with the values the expressions denote (computed here independently, in
//! both engines), traps where an offset is out of bounds, or, in the compiler, is refused as
//! `unsupported by the compiler: gc` where it uses GC's constant instructions (the reference
//! evaluates those too); it never panics (one evaluator serves every
//! place, `Eval_expr` on the reference's machine).

use lockstep::exec::Reference;
use lockstep::jit::{Bounds, Jit};
use lockstep::runtime::{Config, Engine, Error, ExternVal, Val};
use lockstep::{Spec, binary, valid};
use quickcheck::{QuickCheck, TestResult};
use std::rc::Rc;

/// A deterministic source of choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[derive(Copy, Clone, PartialEq, Debug)]
enum Ty {
    I32,
    I64,
    Funcref,
    Externref,
}

impl Ty {
    fn text(self) -> &'static str {
        match self {
            Ty::I32 => "i32",
            Ty::I64 => "i64",
            Ty::Funcref => "funcref",
            Ty::Externref => "externref",
        }
    }
}

/// What an expression denotes, computed here: a number, or a null or non-null reference.
#[derive(Copy, Clone, PartialEq, Debug)]
enum Value {
    Num(u64),
    Null,
    NonNull,
}

/// A generated module: its globals (type, text of the expression, value), whether a GC
/// instruction appears, and what instantiation must do.
struct Case {
    globals: Vec<(Ty, String, Value)>,
    gc: bool,
    text: String,
    /// The data segment's offset, which may lie out of bounds: then a trap.
    data_offset: u64,
}

/// An expression of type `ty` of depth at most `depth`, over the globals before it.
fn expr(r: &mut Rng, ty: Ty, depth: u32, globals: &[(Ty, String, Value)], gc: &mut bool) -> (String, Value) {
    let earlier: Vec<usize> = (0..globals.len()).filter(|&i| globals[i].0 == ty).collect();
    let leaf = depth == 0 || r.below(3) == 0;
    match ty {
        Ty::I32 | Ty::I64 => {
            let bits = if ty == Ty::I32 { 32 } else { 64 };
            let wrap = |v: u64| if bits == 32 { v as u32 as u64 } else { v };
            if !earlier.is_empty() && r.below(4) == 0 {
                let i = earlier[r.below(earlier.len() as u64) as usize];
                return (format!("(global.get {i})"), globals[i].2);
            }
            if leaf {
                let k = wrap(match r.below(4) {
                    0 => 0,
                    1 => u64::MAX,
                    2 => r.below(100),
                    _ => r.next(),
                });
                return (
                    format!(
                        "({}.const {})",
                        ty.text(),
                        if bits == 32 { k as u32 as i32 as i64 } else { k as i64 }
                    ),
                    Value::Num(k),
                );
            }
            let (a, va) = expr(r, ty, depth - 1, globals, gc);
            let (b, vb) = expr(r, ty, depth - 1, globals, gc);
            let (Value::Num(x), Value::Num(y)) = (va, vb) else { unreachable!("numbers") };
            let (op, v) = match r.below(3) {
                0 => ("add", x.wrapping_add(y)),
                1 => ("sub", x.wrapping_sub(y)),
                _ => ("mul", x.wrapping_mul(y)),
            };
            (format!("({}.{op} {a} {b})", ty.text()), Value::Num(wrap(v)))
        }
        Ty::Funcref => match r.below(3) {
            0 if !earlier.is_empty() => {
                let i = earlier[r.below(earlier.len() as u64) as usize];
                (format!("(global.get {i})"), globals[i].2)
            }
            0 | 1 => ("(ref.null func)".into(), Value::Null),
            _ => ("(ref.func $f)".into(), Value::NonNull),
        },
        Ty::Externref => match r.below(4) {
            0 if !earlier.is_empty() => {
                let i = earlier[r.below(earlier.len() as u64) as usize];
                (format!("(global.get {i})"), globals[i].2)
            }
            // GC's constant instructions: an i31 reference made external.
            1 if depth > 0 => {
                *gc = true;
                let (i, _) = expr(r, Ty::I32, depth - 1, globals, gc);
                (format!("(extern.convert_any (ref.i31 {i}))"), Value::NonNull)
            }
            2 if depth > 0 => {
                *gc = true;
                let (e, v) = expr(r, Ty::Externref, depth - 1, globals, gc);
                (format!("(extern.convert_any (any.convert_extern {e}))"), v)
            }
            _ => ("(ref.null extern)".into(), Value::Null),
        },
    }
}

fn case(seed: u64) -> Case {
    let mut r = Rng(seed);
    let mut gc = false;
    let mut globals = Vec::new();
    for _ in 0..1 + r.below(6) {
        let ty = [Ty::I32, Ty::I64, Ty::Funcref, Ty::Externref][r.below(4) as usize];
        let (text, value) = expr(&mut r, ty, 3, &globals, &mut gc);
        globals.push((ty, text, value));
    }
    // A table's initialiser sees the imported globals only (`C'` of `Module_ok`): none.
    let (table_init, _) = expr(&mut r, Ty::Funcref, 2, &[], &mut gc);
    let (elem_offset, elem_at) = expr(&mut r, Ty::I32, 2, &globals, &mut gc);
    let (item, _) = expr(&mut r, Ty::Funcref, 2, &globals, &mut gc);
    // Offsets within bounds most of the time: the low bits of the expression's value.
    let (data_expr, data_at) = expr(&mut r, Ty::I32, 2, &globals, &mut gc);
    let Value::Num(data_at) = data_at else { unreachable!() };
    let Value::Num(elem_at) = elem_at else { unreachable!() };
    // Offsets: the expression, less what brings its value to the target (in bounds, or for
    // data now and then anywhere).
    let elem_target = r.below(4);
    let data_offset = if r.below(4) == 0 { data_at } else { data_at & 0xffff };
    let adjust = |v: u64, target: u64| (v as u32).wrapping_sub(target as u32) as i32;
    let mut text = String::from("(module\n");
    for (i, (ty, e, _)) in globals.iter().enumerate() {
        text += &format!("  (global (export \"g{i}\") {} {e})\n", ty.text());
    }
    text += &format!("  (table (export \"t\") 4 funcref {table_init})\n");
    let elem_offset = format!("(i32.sub {elem_offset} (i32.const {}))", adjust(elem_at, elem_target));
    text += &format!("  (elem {elem_offset} funcref (item {item}))\n");
    text += "  (memory 1)\n";
    let data_expr = format!("(i32.sub {data_expr} (i32.const {}))", adjust(data_at, data_offset));
    text += &format!("  (data {data_expr} \"ab\")\n");
    text += "  (func $f)\n  (elem declare func $f)\n)";
    Case { globals, gc, text, data_offset }
}

/// `gc_message`: how the engine refuses GC's constant instructions, if it does.
fn check(seed: u64, engine: &mut dyn Engine, gc_message: Option<&str>) -> Result<(), String> {
    let c = case(seed);
    let buf = wast::parser::ParseBuffer::new(&c.text).map_err(|e| e.to_string())?;
    let mut wat = wast::parser::parse::<wast::Wat>(&buf).map_err(|e| e.to_string())?;
    let bytes = wat.encode().map_err(|e| e.to_string())?;
    let module = binary::decode(&bytes, Spec::V3).map_err(|e| format!("{e:?}\n{}", c.text))?;
    valid::validate(&module, Spec::V3).map_err(|e| format!("{e}\n{}", c.text))?;
    let result = engine.instantiate(&Rc::new(module), &[]);
    let inst = match (result, c.gc && gc_message.is_some()) {
        (Err(Error::Unsupported(m)), true) if Some(m.as_str()) == gc_message => return Ok(()),
        (r, true) => return Err(format!("GC constants: {:?}\n{}", r.err(), c.text)),
        (Err(Error::Trap { message, .. }), false) if c.data_offset + 2 > 65536 => {
            return if message == "out of bounds memory access" { Ok(()) } else { Err(message) };
        }
        (Ok(_), false) if c.data_offset + 2 > 65536 => return Err(format!("no trap\n{}", c.text)),
        (Ok(inst), false) => inst,
        (Err(e), false) => return Err(format!("{e:?}\n{}", c.text)),
    };
    for (i, (_, _, value)) in c.globals.iter().enumerate() {
        let Some(ExternVal::Global(g)) = engine.export(inst, &format!("g{i}")) else {
            return Err("no global".into());
        };
        let got = match engine.global_read(g) {
            Val::I32(n) => Value::Num(n as u64),
            Val::I64(n) => Value::Num(n),
            Val::Ref(r) if r.is_null() => Value::Null,
            Val::Ref(_) => Value::NonNull,
            v => return Err(format!("global {i}: {v}")),
        };
        if got != *value {
            return Err(format!("global {i}: {got:?}, not {value:?}\n{}", c.text));
        }
    }
    Ok(())
}

fn both_engines_evaluate_constant_expressions(seed: u64) -> TestResult {
    if let Err(e) = check(seed, &mut Reference::default(), None) {
        return TestResult::error(format!("reference: {e}"));
    }
    let mut jit = Jit::new(Config::default(), Bounds::GuardPages);
    match check(seed, &mut jit, Some("unsupported by the compiler: gc")) {
        Ok(()) => TestResult::passed(),
        Err(e) => TestResult::error(format!("compiler: {e}")),
    }
}

#[test]
fn generated_constant_expressions() {
    QuickCheck::new()
        .tests(500)
        .quickcheck(both_engines_evaluate_constant_expressions as fn(u64) -> TestResult);
}
