//! The fused front end (`lockstep::front`, what `validate` and `compile` use) against the two
//! phases it fuses: decoding the whole module (`binary::decode_on`) and then validating it
//! (`valid::validate_on`). Over every module of the embedded suite, 2.0 and 3.0, valid,
//! invalid and malformed alike, the verdict and the error are the same on one thread and on
//! three; and compiling the bodies as they are decoded and checked gives the same verdict, and
//! the code the compiler makes of the whole module. Then the cases where the order of the
//! errors matters: a malformed body comes before any invalid definition, wherever the two lie.

use lockstep::jit::{self, Bounds, Options};
use lockstep::script::suite;
use lockstep::{Spec, binary, front, valid};
use wasm_encoder::{
    CodeSection, ConstExpr, DataCountSection, ExportKind, ExportSection, Function, FunctionSection,
    GlobalSection, GlobalType, Module, RawSection, TypeSection, ValType,
};
use wast::{QuoteWat, Wast, WastDirective};

/// Decoding, then validation: the verdict `front::validate` must give.
fn two_phases(bytes: &[u8], spec: Spec) -> Result<(), front::Error> {
    let module = binary::decode_on(bytes, spec, 1).map_err(front::Error::Malformed)?;
    valid::validate_on(&module, spec, 1).map_err(front::Error::Invalid)
}

/// Every module a script's commands hold, as binaries: modules, and those of the
/// assertions that they are invalid, malformed or unlinkable (text that does not encode is
/// left out: the text parser refuses it before any decoder sees it).
fn binaries(text: &str) -> Vec<Vec<u8>> {
    let mut lexer = wast::lexer::Lexer::new(text);
    lexer.allow_confusing_unicode(true);
    let Ok(buf) = wast::parser::ParseBuffer::new_with_lexer(lexer) else { return vec![] };
    let Ok(wast) = wast::parser::parse::<Wast>(&buf) else { return vec![] };
    let mut out = vec![];
    for d in wast.directives {
        let mut module: QuoteWat = match d {
            WastDirective::Module(m) | WastDirective::ModuleDefinition(m) => m,
            WastDirective::AssertInvalid { module, .. } | WastDirective::AssertMalformed { module, .. } => {
                module
            }
            WastDirective::AssertUnlinkable { module, .. } => QuoteWat::Wat(module),
            _ => continue,
        };
        if let Ok(bytes) = module.encode() {
            out.push(bytes);
        }
    }
    out
}

#[test]
fn the_suite_gets_the_verdicts_of_decoding_then_validating() {
    let (mut modules, mut refused, mut compiled, mut failures) = (0, 0, 0, vec![]);
    for spec in [Spec::V2, Spec::V3] {
        for script in suite::embedded(spec) {
            for (k, bytes) in binaries(&script.text).into_iter().enumerate() {
                modules += 1;
                let expected = two_phases(&bytes, spec);
                refused += expected.is_err() as usize;
                for threads in [1, 3] {
                    let fused = front::validate(&bytes, spec, threads);
                    if fused != expected {
                        failures.push(format!(
                            "{} module {k} (--spec {spec}, {threads} threads): {fused:?}, expected {expected:?}",
                            script.path
                        ));
                    }
                }
                match same_code(&bytes, spec, &expected) {
                    Ok(yes) => compiled += yes as usize,
                    Err(e) => failures.push(format!("{} module {k} (--spec {spec}): {e}", script.path)),
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    // The suite is there: thousands of modules, valid and not, most of them compiled.
    assert!(modules > 9_000 && refused > 5_000 && compiled > 3_000, "{modules} {refused} {compiled}");
}

/// The compiler over the bodies as `lockstep compile` gives them, each decoded once and
/// checked just before it is compiled (`front::module_ok_compiling`), against decoding and
/// validating first and then compiling the whole module: the same verdict, and the same code
/// or the same refusal. Whether it compiled.
fn same_code(bytes: &[u8], spec: Spec, expected: &Result<(), front::Error>) -> Result<bool, String> {
    let options = Options { threads: 1, ..Options::new(Bounds::GuardPages) };
    let fused =
        binary::decode_framed(bytes, spec, 1).map_err(front::Error::Malformed).and_then(|(m, code)| {
            front::module_ok_compiling(&m, &code, spec, 1, |bodies| jit::compile_bodies(&m, bodies, options))
        });
    let (fused, whole) = match (fused, expected) {
        (Err(e), Err(expected)) if e == *expected => return Ok(false),
        (Ok(fused), Ok(())) => (fused, jit::compile(&binary::decode(bytes, spec).expect("decodes"), options)),
        (fused, _) => return Err(format!("compiling gave {:?}, expected {expected:?}", fused.err())),
    };
    match (whole, fused) {
        (Ok(a), Ok(b)) if (&a.code, &a.funcs, &a.faults) == (&b.code, &b.funcs, &b.faults) => Ok(true),
        (Err(a), Err(b)) if a == b => Ok(false),
        (a, b) => Err(format!(
            "the code differs: {:?} against {:?}",
            a.map(|c| c.code.len()),
            b.map(|c| c.code.len())
        )),
    }
}

/// Bodies of `[] -> [i32]`, after their (no) locals: `i32.const 1`; an `i64` instead (invalid);
/// an opcode that is none (malformed); `data.drop 0` first.
const VALID: &[u8] = &[0x41, 0x01, 0x0b];
const INVALID: &[u8] = &[0x42, 0x00, 0x0b];
const MALFORMED: &[u8] = &[0x41, 0x01, 0xff, 0x0b];
const DATA_DROP: &[u8] = &[0xfc, 0x09, 0x00, 0x41, 0x01, 0x0b];

/// What a module holds beside its 40 functions of `[] -> [i32]`.
#[derive(Default)]
struct Extras {
    /// Bodies other than [`VALID`], by function index.
    bodies: Vec<(usize, &'static [u8])>,
    /// A global `i32` initialised with an `i64`.
    invalid_global: bool,
    /// Two exports of one name.
    duplicate_export: bool,
    data_count: bool,
    /// The data section's contents (`None`: no section).
    data: Option<&'static [u8]>,
}

fn module(x: Extras) -> Vec<u8> {
    let mut m = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([], [ValType::I32]);
    m.section(&types);
    let mut funcs = FunctionSection::new();
    (0..40).for_each(|_| {
        funcs.function(0);
    });
    m.section(&funcs);
    if x.invalid_global {
        let mut globals = GlobalSection::new();
        let ty = GlobalType { val_type: ValType::I32, mutable: false, shared: false };
        globals.global(ty, &ConstExpr::i64_const(0));
        m.section(&globals);
    }
    if x.duplicate_export {
        let mut exports = ExportSection::new();
        exports.export("f", ExportKind::Func, 0).export("f", ExportKind::Func, 1);
        m.section(&exports);
    }
    if x.data_count {
        m.section(&DataCountSection { count: 1 });
    }
    let mut code = CodeSection::new();
    for i in 0..40 {
        let body = x.bodies.iter().find(|(k, _)| *k == i).map_or(VALID, |(_, b)| *b);
        code.function(Function::new([]).raw(body.iter().copied()));
    }
    m.section(&code);
    if let Some(data) = x.data {
        m.section(&RawSection { id: 11, data });
    }
    m.finish()
}

/// `front::validate` on one thread and on three (which puts functions 3 and 35 in different
/// runs) against decoding then validating, and the error against what is `expected`.
fn check(x: Extras, expected: &str) {
    let bytes = module(x);
    let reference = two_phases(&bytes, Spec::V3);
    let verdict = match &reference {
        Ok(()) => "valid".to_string(),
        Err(front::Error::Malformed(e)) => format!("malformed: {}", e.message),
        Err(front::Error::Invalid(e)) => format!("invalid in {:?}: {}", e.func, e.message),
    };
    assert!(verdict.starts_with(expected), "{verdict}, expected {expected}");
    for threads in [1, 3] {
        assert_eq!(front::validate(&bytes, Spec::V3, threads), reference, "{threads} threads");
        let options = Options { threads, ..Options::new(Bounds::GuardPages) };
        let framed = binary::decode_framed(&bytes, Spec::V3, threads).map_err(front::Error::Malformed);
        let compiled = framed.and_then(|(m, code)| {
            front::module_ok_compiling(&m, &code, Spec::V3, threads, |b| jit::compile_bodies(&m, b, options))
        });
        assert_eq!(
            compiled.map(|c| c.is_ok()),
            reference.clone().map(|()| true),
            "compiling, {threads} threads"
        );
    }
}

/// One passive segment of one byte; a segment of a kind that is none.
const DATA: &[u8] = &[0x01, 0x01, 0x01, 0x00];
const BAD_DATA: &[u8] = &[0x01, 0x07];

#[test]
fn a_malformed_body_comes_before_any_invalid_definition() {
    let bodies = |a, b| vec![(3, a), (35, b)];
    check(
        Extras { bodies: bodies(INVALID, INVALID), ..Extras::default() },
        "invalid in Some(3): type mismatch",
    );
    check(Extras { bodies: bodies(INVALID, MALFORMED), ..Extras::default() }, "malformed: illegal opcode ff");
    check(
        Extras { bodies: bodies(VALID, MALFORMED), invalid_global: true, ..Extras::default() },
        "malformed: illegal",
    );
    let dup = Extras { bodies: bodies(VALID, MALFORMED), duplicate_export: true, ..Extras::default() };
    check(dup, "malformed: illegal");
    check(Extras { duplicate_export: true, ..Extras::default() }, "invalid in None: duplicate export name");
}

#[test]
fn a_data_segment_named_without_a_data_count_is_malformed_after_the_bodies() {
    let bodies = |a, b| vec![(3, a), (35, b)];
    let data = Some(DATA);
    // Malformed, though an earlier function is invalid, and valid with the data count.
    check(
        Extras { bodies: bodies(INVALID, DATA_DROP), data, ..Extras::default() },
        "malformed: data count section required",
    );
    check(Extras { bodies: bodies(VALID, DATA_DROP), data, data_count: true, ..Extras::default() }, "valid");
    // A malformed body comes first, even after the one naming the segment.
    check(Extras { bodies: bodies(DATA_DROP, MALFORMED), data, ..Extras::default() }, "malformed: illegal");
    // As it does before a malformed section after the code.
    check(
        Extras { bodies: bodies(VALID, MALFORMED), data: Some(BAD_DATA), ..Extras::default() },
        "malformed: illegal",
    );
    check(Extras { data: Some(BAD_DATA), ..Extras::default() }, "malformed: malformed data segment kind");
}
