//! Suites for Wasm 3.0 written by other people (tests/others: wasmtime's and wasm-tools'
//! own scripts). Every script the official reference interpreter passes
//! (tests/others/verdicts.tsv) passes here, under the reference, the compiler and the
//! referee; no script crashes lockstep, under any engine, whatever it holds.

mod common;

use common::{Factory, jit, referee, reference};
use lockstep::Spec;
use lockstep::script::{self, report::Report, suite};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn others() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/others")
}

/// The official interpreter's verdicts: each script's path and whether it passed.
fn verdicts() -> Vec<(String, bool)> {
    let text = std::fs::read_to_string(others().join("verdicts.tsv")).expect("verdicts.tsv");
    let verdict = |line: &str| {
        let mut fields = line.split('\t');
        let ok = match fields.next() {
            Some("ok") => true,
            Some("fail") => false,
            other => panic!("verdicts.tsv: {other:?} is neither ok nor fail"),
        };
        (fields.next().expect("a path").to_string(), ok)
    };
    text.lines().map(verdict).collect()
}

/// Every script under `dir`, relative to tests/others.
fn scripts(dir: &Path, found: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            scripts(&path, found);
        } else if path.extension().is_some_and(|e| e == "wast") {
            let relative = path.strip_prefix(others()).expect("under tests/others");
            found.insert(relative.to_string_lossy().into_owned());
        }
    }
}

/// verdicts.tsv speaks of exactly the scripts that are here: none added without a verdict.
#[test]
fn every_script_has_the_reference_interpreters_verdict() {
    let mut here = BTreeSet::new();
    scripts(&others(), &mut here);
    let judged: BTreeSet<String> = verdicts().into_iter().map(|(path, _)| path).collect();
    assert_eq!(here, judged, "run tests/others/verdicts.sh to judge the scripts again");
}

/// What the compiler refuses, each the work of a later issue.
const REFUSED: &[&str] = &["unsupported by the compiler: "];

/// What the official interpreter passes passes here: nothing fails, nothing runs out of a
/// limit, and nothing is skipped but what the compiler refuses (today GC, exceptions, typed
/// function references and 64-bit memories).
#[test]
fn what_the_reference_interpreter_passes_passes_here() {
    let passed = verdicts().into_iter().filter(|(_, ok)| *ok);
    let paths: Vec<PathBuf> = passed.map(|(path, _)| others().join(path)).collect();
    assert!(paths.len() > 150, "{} scripts passed by the official interpreter", paths.len());
    let scripts = suite::from_paths(&paths).expect("scripts are readable");
    let engines: [(&str, Factory, &[&str]); 3] =
        [("ref", reference, &[]), ("jit", jit, REFUSED), ("lockstep", referee, REFUSED)];
    let mut commands = None;
    for (name, engine, allowed_skips) in engines {
        let report = script::run(&scripts, Spec::V3, name, &engine, |_, _| {});
        assert_passes(&report, allowed_skips);
        // Every engine gets to the same commands: the reference's count, each passed or refused.
        let total = *commands.get_or_insert(report.passed);
        assert_eq!(report.passed + report.skipped, total, "{name}: commands run");
    }
}

fn assert_passes(report: &Report, allowed_skips: &[&str]) {
    let failures: Vec<String> = report.failures.iter().map(script::report::failure_line).collect();
    assert!(report.failed == 0, "{}: {} failed:\n{}", report.engine, report.failed, failures.join("\n"));
    assert_eq!(report.exhausted, 0, "{}: a script ran out of a limit", report.engine);
    for skip in &report.skips {
        let allowed = allowed_skips.iter().any(|reason| skip.reason.starts_with(reason));
        assert!(allowed, "{}: {}:{}: skipped: {}", report.engine, skip.path, skip.line, skip.reason);
    }
}

/// Every script, those the official interpreter fails included (wasmtime's own host
/// functions, later proposals, other engines' messages), runs to its end in the command
/// line under each engine: a verdict per script, and no panic, abort or signal.
#[test]
fn no_script_crashes_lockstep() {
    let count = verdicts().len();
    for engine in ["ref", "jit", "lockstep"] {
        let output = Command::new(env!("CARGO_BIN_EXE_lockstep"))
            .args(["wast", "--engine", engine])
            .arg(others())
            .arg("--json")
            .output()
            .expect("lockstep runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(matches!(output.status.code(), Some(0 | 1)), "{engine}: {:?}\n{stderr}", output.status);
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
        let files = report["files"].as_array().expect("files");
        assert_eq!(files.len(), count, "{engine}: a verdict for every script");
    }
}
