//! The validation algorithm over a body's bytes (`valid::bytes`) against the reference:
//! decoding the body into an `Expr` and checking it (`valid::modules::body_ok`). It may settle
//! a body only where the reference accepts it; tests/front.rs holds it to that over the whole
//! suite, these over generated and mutated modules, and over every number, load, store and
//! reference instruction it knows with every choice of operand and result types, where it
//! must also settle exactly the valid ones; then the operand limit, and tables of references
//! it does not know. Every body is also checked building its instructions, with their offsets
//! and without them (as the compiler asks): the same verdict, and where settled, the
//! instructions (and offsets) the decoder gives.

use lockstep::syntax::Expr;
use lockstep::valid::bytes::{Compact, Stacks, func_ok, func_ok_building, func_ok_building_instrs};
use lockstep::valid::{self, modules};
use lockstep::{Spec, binary};
use wasm_encoder::{
    CodeSection, Function, FunctionSection, MemorySection, MemoryType, Module, TypeSection, ValType,
};

/// For each body of `bytes`, whether the algorithm over its bytes settled it, and whether
/// the reference accepts it (it decodes, and it is valid); `None` where the module's sections
/// do not decode or are invalid, so that no body is checked. Building as it checks (what the
/// compiler asks), it settles the same bodies, and builds each as the decoder decodes it.
fn verdicts(bytes: &[u8]) -> Option<Vec<(bool, bool)>> {
    let (m, code) = binary::decode_framed(bytes, Spec::V3, 1).ok()?;
    let checked = modules::module_ok_with(&m, Spec::V3, |c, _| -> Result<_, valid::Error> {
        let compact = Compact::new(c);
        let (mut stacks, mut expr, mut built, mut bare) =
            (Stacks::default(), Expr::default(), Expr::default(), Expr::default());
        let mut out = vec![];
        for (i, f) in m.funcs.iter().enumerate() {
            let (body, base) = (code.expr_bytes(i), code.expr_offset(i));
            let settled = body.and_then(|b| func_ok(&mut stacks, &compact, f.ty, &f.locals, b));
            let building = body
                .and_then(|b| func_ok_building(&mut stacks, &compact, f.ty, &f.locals, b, base, &mut built));
            let instrs_only = body
                .and_then(|b| func_ok_building_instrs(&mut stacks, &compact, f.ty, &f.locals, b, &mut bare));
            let reference = code.expr(i, &mut expr).is_ok()
                && !code.lacks_data_count(&expr)
                && modules::body_ok(c, f.ty, &f.locals, &expr).is_ok();
            assert_eq!((settled, settled), (building, instrs_only), "function {i} of {bytes:02x?}");
            assert!(
                settled.is_none() || built == expr,
                "function {i} of {bytes:02x?}: built {built:?}, decoded {expr:?}"
            );
            assert!(
                settled.is_none() || (bare.instrs == expr.instrs && bare.offsets.is_empty()),
                "function {i} of {bytes:02x?}: built without offsets {bare:?}, decoded {expr:?}"
            );
            out.push((settled.is_some(), reference));
        }
        Ok(out)
    });
    checked.ok()
}

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// Case `case`'s configuration: odd cases of only the kinds of instructions the algorithm
/// knows, even ones of more.
fn config(case: usize) -> wasm_smith::Config {
    use wasm_smith::InstructionKind as K;
    let known = [K::NumericInt, K::Numeric, K::Variable, K::Parametric, K::Control, K::Memory];
    let mut config = wasm_smith::Config {
        gc_enabled: false,
        exceptions_enabled: false,
        simd_enabled: case % 4 == 0,
        relaxed_simd_enabled: false,
        threads_enabled: false,
        wide_arithmetic_enabled: false,
        custom_page_sizes_enabled: false,
        shared_everything_threads_enabled: false,
        compact_imports_enabled: false,
        tail_call_enabled: case % 3 == 0,
        memory64_enabled: case % 2 == 0,
        max_memories: 2,
        allow_invalid_funcs: case % 5 == 0,
        max_funcs: 8,
        max_instructions: 120,
        ..wasm_smith::Config::default()
    };
    if case % 2 == 1 {
        config.allowed_instructions = wasm_smith::InstructionKinds::new(&known);
        config.reference_types_enabled = false;
        config.tail_call_enabled = false;
    }
    config
}

/// wasm-smith modules: half of only the kinds of instructions the algorithm knows, half of
/// more (references, vectors, tail calls, memory64), some with bodies of raw bytes; each
/// also with a few of its bytes changed at random.
#[test]
fn settles_only_bodies_the_reference_accepts() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut settled, mut accepted, mut refused, mut wrong) = (0, 0, 0, vec![]);
    for case in 0..3000 {
        let config = config(case);
        let seed = rng.bytes(1024);
        let Ok(module) = wasm_smith::Module::new(config, &mut arbitrary::Unstructured::new(&seed)) else {
            continue;
        };
        let original = module.to_bytes();
        let mut mutated = original.clone();
        for _ in 0..1 + rng.next() % 3 {
            let at = (rng.next() as usize) % mutated.len();
            mutated[at] = rng.next() as u8;
        }
        for bytes in [original, mutated] {
            for (i, (fast, reference)) in verdicts(&bytes).unwrap_or_default().into_iter().enumerate() {
                settled += fast as usize;
                accepted += reference as usize;
                refused += !reference as usize;
                if fast && !reference {
                    wrong.push(format!("case {case}, function {i}: {bytes:02x?}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "settled, but the reference refuses:\n{}", wrong.join("\n"));
    // Both sides were reached: many bodies settled, many refused.
    assert!(settled > 1_000 && refused > 500 && settled <= accepted, "{settled} {accepted} {refused}");
}

/// One function `(param i32 i64 f32 f64) (result r)` of `body` (which ends in `end`), in a
/// module with a memory of address type `memory64`.
fn function(body: &[u8], result: ValType, memory64: bool) -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32, ValType::I64, ValType::F32, ValType::F64], [result]);
    let mut funcs = FunctionSection::new();
    funcs.function(0);
    let mut mems = MemorySection::new();
    mems.memory(MemoryType { minimum: 1, maximum: None, memory64, shared: false, page_size_log2: None });
    let mut f = Function::new([]);
    f.raw(body.iter().copied());
    let mut code = CodeSection::new();
    code.function(&f);
    let mut module = Module::new();
    module.section(&types).section(&funcs).section(&mems).section(&code);
    module.finish()
}

const TYPES: [ValType; 4] = [ValType::I32, ValType::I64, ValType::F32, ValType::F64];

/// The one body of `bytes`: (settled, accepted by the reference).
fn one(bytes: &[u8]) -> (bool, bool) {
    verdicts(bytes).expect("the sections are valid")[0]
}

/// Every number instruction (0x45..=0xC4 and `trunc_sat`) on one or two operands of each
/// type, for each result type: settled exactly where the reference accepts.
#[test]
fn number_instructions_type_as_the_reference_types_them() {
    let ops: Vec<Vec<u8>> =
        (0x45..=0xc4).map(|op| vec![op]).chain((0..8).map(|sub| vec![0xfc, sub])).collect();
    let operands: Vec<Vec<u8>> =
        (0..4).map(|a| vec![0x20, a]).chain((0..16).map(|ab| vec![0x20, ab / 4, 0x20, ab % 4])).collect();
    let (mut valid, mut mismatches) = (0, vec![]);
    for op in &ops {
        for args in &operands {
            for result in TYPES {
                let body = [args.as_slice(), op, &[0x0b]].concat();
                let (fast, reference) = one(&function(&body, result, false));
                valid += reference as usize;
                if fast != reference {
                    mismatches.push(format!("{body:02x?} -> {result:?}: settled {fast}, valid {reference}"));
                }
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    // Each instruction has exactly one operand list and result type.
    assert_eq!(valid, ops.len());
}

/// Every load and store, at each alignment up to 16 bytes, on each memory address type, with
/// each value type: settled exactly where the reference accepts.
#[test]
fn loads_and_stores_type_as_the_reference_types_them() {
    let (mut valid, mut mismatches) = (0, vec![]);
    for memory64 in [false, true] {
        let address = if memory64 { 1 } else { 0 };
        for op in 0x28u8..=0x3e {
            for align in 0..5 {
                for (v, value) in TYPES.iter().enumerate() {
                    let mut body = vec![0x20, address];
                    if op >= 0x36 {
                        // A store: the value from local `v`, then a result of type `value`.
                        body.extend([0x20, v as u8]);
                    }
                    body.extend([op, align, 0x00]);
                    if op >= 0x36 {
                        body.extend([0x20, v as u8]);
                    }
                    body.push(0x0b);
                    let (fast, reference) = one(&function(&body, *value, memory64));
                    valid += reference as usize;
                    if fast != reference {
                        mismatches.push(format!(
                            "memory64 {memory64}: {body:02x?}: settled {fast}, valid {reference}"
                        ));
                    }
                }
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    // Each has one value type and log2(natural alignment) + 1 alignments (loads: 0x28..=0x35,
    // stores: 0x36..=0x3e), on each memory.
    let natural = |op: u8| -> usize {
        match op {
            0x29 | 0x2b | 0x37 | 0x39 => 4,
            0x28 | 0x2a | 0x34 | 0x35 | 0x36 | 0x38 | 0x3e => 3,
            0x2e | 0x2f | 0x32 | 0x33 | 0x3b | 0x3d => 2,
            _ => 1,
        }
    };
    assert_eq!(valid, 2 * (0x28..=0x3e).map(natural).sum::<usize>());
}

/// The stack's implementation limit is the reference's (`MAX_OPERANDS`, 2^20 operands): a
/// body whose calls leave more than that on the stack, then drop them all with `unreachable`,
/// is refused there, and must not be settled; with a few calls fewer it is valid.
#[test]
fn the_operand_limit_is_the_references() {
    let module = |calls: usize| {
        let mut types = TypeSection::new();
        types.ty().function([], [ValType::I32; 1000]);
        types.ty().function([], []);
        let mut funcs = FunctionSection::new();
        funcs.function(0);
        funcs.function(1);
        let mut code = CodeSection::new();
        let mut callee = Function::new([]);
        callee.raw([0x00, 0x0b]);
        code.function(&callee);
        let mut caller = Function::new([]);
        caller.raw((0..calls).flat_map(|_| [0x10, 0x00]).chain([0x00, 0x0b]));
        code.function(&caller);
        let mut module = Module::new();
        module.section(&types).section(&funcs).section(&code);
        module.finish()
    };
    // 1,048 calls leave 1,048,000 operands, 1,049 calls 1,049,000: the limit is 1,048,576.
    assert!(verdicts(&module(1048)).unwrap()[1].1);
    assert_eq!(verdicts(&module(1049)).unwrap()[1], (false, false));
}

/// A module of `types`, tables of the `elements` given, and one function of type 0 whose
/// body is `body`.
fn with_tables(types: TypeSection, elements: &[wasm_encoder::RefType], body: &[u8]) -> Vec<u8> {
    use wasm_encoder::{TableSection, TableType};
    let mut funcs = FunctionSection::new();
    funcs.function(0);
    let mut tables = TableSection::new();
    for &element_type in elements {
        tables.table(TableType { element_type, minimum: 1, maximum: None, table64: false, shared: false });
    }
    let mut f = Function::new([]);
    f.raw(body.iter().copied());
    let mut code = CodeSection::new();
    code.function(&f);
    let mut module = Module::new();
    module.section(&types).section(&funcs).section(&tables).section(&code);
    module.finish()
}

/// The reference instructions it knows (`ref.null`, `ref.is_null`, `select`, `table.get`,
/// `table.set`, `table.grow`, `table.size`, `table.fill`) on a table of `funcref` and one of
/// `externref`, on up to three operands of each type, for each result: settled exactly where
/// the reference accepts.
#[test]
fn reference_instructions_type_as_the_reference_types_them() {
    use wasm_encoder::RefType;
    let types = [TYPES.as_slice(), &[ValType::FUNCREF, ValType::EXTERNREF]].concat();
    let module = |body: &[u8], result: Option<ValType>| {
        let mut section = TypeSection::new();
        section.ty().function(types.iter().copied(), result);
        with_tables(section, &[RefType::FUNCREF, RefType::EXTERNREF], body)
    };
    let ops: [&[u8]; 13] = [
        &[0xd0, 0x70],
        &[0xd0, 0x6f],
        &[0xd1],
        &[0x1b],
        &[0x25, 0],
        &[0x25, 1],
        &[0x26, 0],
        &[0x26, 1],
        &[0xfc, 15, 0],
        &[0xfc, 15, 1],
        &[0xfc, 16, 1],
        &[0xfc, 17, 0],
        &[0xfc, 17, 1],
    ];
    let n = types.len() as u8;
    let mut operands: Vec<Vec<u8>> = vec![vec![]];
    for len in 1..=3 {
        for k in 0..(n as usize).pow(len) {
            let locals = (0..len).map(|i| (k / (n as usize).pow(i)) as u8 % n);
            operands.push(locals.flat_map(|x| [0x20, x]).collect());
        }
    }
    let (mut valid, mut mismatches) = (0, vec![]);
    for op in ops {
        for args in &operands {
            for result in std::iter::once(None).chain(types.iter().copied().map(Some)) {
                let body = [args.as_slice(), op, &[0x0b]].concat();
                let (fast, reference) = one(&module(&body, result));
                valid += reference as usize;
                if fast != reference {
                    mismatches.push(format!("{body:02x?} -> {result:?}: settled {fast}, valid {reference}"));
                }
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    // ref.null: 2; ref.is_null: 2 references; select: 4 number types; table.get: 2; table.set:
    // 2, and 12 more with an operand of any type under it, the result; table.grow: 2;
    // table.size: 1; table.fill: 2.
    assert_eq!(valid, 29);
}

/// Tables of references it does not know (here of two function types, neither a subtype of
/// the other) are left to the reference: a reference from one stored in the other is invalid.
#[test]
fn tables_of_other_references_are_left_to_the_reference() {
    use wasm_encoder::{HeapType, RefType};
    let module = |body: &[u8]| {
        let mut types = TypeSection::new();
        types.ty().function([], []);
        types.ty().function([ValType::I32], []);
        let of = |ty| RefType { nullable: true, heap_type: HeapType::Concrete(ty) };
        with_tables(types, &[of(0), of(1)], body)
    };
    // i32.const 0, (table.get x (i32.const 0)), table.set y.
    let copy = |x: u8, y: u8| module(&[0x41, 0, 0x41, 0, 0x25, x, 0x26, y, 0x0b]);
    assert_eq!(verdicts(&copy(0, 1)).unwrap()[0], (false, false));
    assert_eq!(verdicts(&copy(0, 0)).unwrap()[0], (false, true));
}
