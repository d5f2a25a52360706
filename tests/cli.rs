//! The command line, run as a user runs it: what `trace`, `run`, `compile` and `diff` print.

use lockstep::rules::Rule;
use std::process::Command;

fn lockstep(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lockstep"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("lockstep runs");
    (out.status.success(), String::from_utf8(out.stdout).expect("UTF-8 output"))
}

/// `trace --json` names only rules of the catalog, each with the catalog's URL, and ends with
/// a summary whose histogram counts every step.
#[test]
fn trace_names_catalog_rules() {
    let (ok, out) = lockstep(&["trace", "--json", "benches/kernels/fib.wat", "--invoke", "fib", "i32:6"]);
    assert!(ok, "{out}");
    let lines: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let (summary, steps) = lines.split_last().expect("steps and a summary");
    assert!(steps.len() > 50, "{} steps", steps.len());
    for step in steps {
        let id = step["rule"].as_str().expect("a rule id");
        let rule = Rule::lookup(id).unwrap_or_else(|| panic!("{id} is not in the catalog"));
        assert_eq!(step["url"].as_str(), Some(rule.url()), "{id}");
    }
    assert_eq!(summary["result"], "i32:8");
    let counted: u64 =
        summary["rules"].as_object().expect("a histogram").values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(counted, steps.len() as u64);
}

/// Every engine runs the same invocation to the same result.
#[test]
fn run_under_every_engine() {
    for engine in ["ref", "jit", "lockstep"] {
        let (ok, out) =
            lockstep(&["run", "--engine", engine, "benches/kernels/fib.wat", "--invoke", "fib", "i32:20"]);
        assert!(ok, "{engine}: {out}");
        assert_eq!(out.trim(), "i32:6765", "{engine}");
    }
}

/// A trap in the compiler prints the reference's message and rule, and exits non-zero.
#[test]
fn compiled_trap_cites_its_rule() {
    let dir = std::env::temp_dir().join(format!("lockstep-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("div.wat");
    std::fs::write(
        &file,
        r#"(module (func (export "d") (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0))))"#,
    )
    .unwrap();
    let (ok, out) = lockstep(&["run", "--engine", "jit", file.to_str().unwrap(), "--invoke", "d", "i32:0"]);
    assert!(!ok);
    assert!(out.starts_with("trap: integer divide by zero [Step_pure/binop-trap] https://"), "{out}");
    let (ok, out) = lockstep(&["diff", file.to_str().unwrap(), "--invoke", "d", "i32:0"]);
    assert!(ok, "{out}");
    assert_eq!(out.trim(), "the engines agree on every invocation");
}

#[test]
fn compile_reports_code_size() {
    let (ok, out) = lockstep(&["compile", "--time", "benches/kernels/fib.wat"]);
    assert!(ok, "{out}");
    assert!(out.starts_with("1 functions, "), "{out}");
    assert!(out.contains("compile ") && out.contains("MB/s"), "{out}");
}
