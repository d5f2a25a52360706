//! Type soundness of the reference, as a property: a module that validates, run in the
//! reference, reduces to values, traps, or exhausts its fuel; it never gets stuck. See
//! README.md.

use lockstep::exec::Reference;
use lockstep::runtime::{Config, Engine, ExternVal, Val};
use lockstep::syntax::{ExternIdx, Module};
use lockstep::{Spec, binary, valid};
use quickcheck::{QuickCheck, TestResult};
use std::path::PathBuf;
use std::rc::Rc;

/// The binary modules of the scripts under these folders.
fn corpus() -> Vec<Vec<u8>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let official = std::env::var_os("LOCKSTEP_TESTSUITE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/testsuite/wasm-2.0"));
    let mut dirs = vec![root.join("testsuite")];
    if official.is_dir() {
        dirs.push(official);
    } else {
        eprintln!("*** {} is missing: soundness is checked on testsuite/ only ***", official.display());
        assert!(std::env::var_os("CI").is_none(), "CI is set but the official suite is missing");
    }
    let scripts = lockstep::script::suite::from_paths(&dirs).expect("scripts are readable");
    let mut modules = Vec::new();
    for script in &scripts {
        let mut lexer = wast::lexer::Lexer::new(&script.text);
        lexer.allow_confusing_unicode(true);
        let Ok(buf) = wast::parser::ParseBuffer::new_with_lexer(lexer) else { continue };
        let Ok(wast) = wast::parser::parse::<wast::Wast>(&buf) else { continue };
        for directive in wast.directives {
            if let wast::WastDirective::Module(mut m) = directive
                && let Ok(bytes) = m.encode()
            {
                modules.push(bytes);
            }
        }
    }
    modules
}

/// Run what can run: instantiate (spectest imports only) and invoke every exported
/// function with default arguments. Any outcome is fine; a panic is not.
fn run(module: Module) {
    let module = Rc::new(module);
    let mut engine = Reference::new(Config { fuel: Some(10_000), ..Config::default() });
    let spectest = lockstep::script::spectest::instantiate(&mut engine);
    let Some(imports) = module
        .imports
        .iter()
        .map(|i| (i.module == "spectest").then(|| spectest.get(&i.name).copied()).flatten())
        .collect::<Option<Vec<ExternVal>>>()
    else {
        return;
    };
    let Ok(inst) = engine.instantiate(&module, &imports) else { return };
    for export in &module.exports {
        let ExternIdx::Func(_) = export.desc else { continue };
        let Some(ExternVal::Func(f)) = engine.export(inst, &export.name) else { continue };
        let ty = engine.store.funcs[f as usize].ty.clone();
        let args: Vec<Val> = ty.params.iter().filter_map(|t| Val::default_of(*t)).collect();
        let _ = engine.invoke(f, &args);
    }
}

static CORPUS: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();

/// A module of the corpus with up to four bytes changed.
fn mutated_module_never_gets_stuck(pick: usize, edits: Vec<(usize, u8)>) -> TestResult {
    let corpus = CORPUS.get_or_init(corpus);
    let mut bytes = corpus[pick % corpus.len()].clone();
    for (at, byte) in edits.iter().take(4) {
        let n = bytes.len();
        bytes[at % n] = *byte;
    }
    let Ok(module) = binary::decode(&bytes, Spec::V2) else { return TestResult::discard() };
    if valid::validate(&module, Spec::V2).is_err() {
        return TestResult::discard();
    }
    run(module);
    TestResult::passed()
}

#[test]
fn valid_modules_never_get_stuck() {
    assert!(!CORPUS.get_or_init(corpus).is_empty());
    QuickCheck::new()
        .tests(2000)
        .max_tests(40_000)
        .quickcheck(mutated_module_never_gets_stuck as fn(usize, Vec<(usize, u8)>) -> TestResult);
}
