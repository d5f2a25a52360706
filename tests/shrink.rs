//! `lockstep shrink` and `lockstep report --shrink --json --wast`, run as a user runs them.
//! Without the planted bugs (`--features mutants`) the engines agree, and the commands say
//! there is nothing to shrink; with them, each planted bug's case shrinks to one function of
//! a few instructions whose report leads with the rule at issue and whose reproducer the
//! mutated compiler fails and the reference passes. (The shrinker itself, on a planted
//! difference, is tested in `src/lockstep/shrink/mod.rs`.)

use std::path::PathBuf;
use std::process::{Command, Output};

fn lockstep(args: &[&str], mutant: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lockstep"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    match mutant {
        Some(m) => command.env("LOCKSTEP_MUTANT", m),
        None => command.env_remove("LOCKSTEP_MUTANT"),
    };
    command.output().expect("lockstep runs")
}

fn temp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lockstep-shrink-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The engines agree on a module without a planted bug: nothing to shrink or report (exit
/// 1), whatever the order of the options.
#[test]
fn nothing_to_shrink_where_the_engines_agree() {
    let file = temp(
        "agree.wat",
        r#"(module (func (export "f") (param i32) (result i32) (i32.rem_s (local.get 0) (i32.const 3))))"#,
    );
    let file = file.to_str().unwrap();
    let out = lockstep(
        &["shrink", "--seed", "3", file, "--time", "5", "--invoke", "f", "i32:-7", "--steps", "10"],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to shrink"), "{out:?}");
    let out = lockstep(&["report", "--json", file, "--shrink"], None);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let out = lockstep(&["shrink", file, "--time", "soon"], None);
    assert_eq!(out.status.code(), Some(2), "a usage error: {out:?}");
}

/// Each planted bug: a module that shows it, the invocation, the rule a report must lead with,
/// the numeric function that must follow (if any), and how many functions the shrunk module
/// has (a `call_indirect` of the wrong type needs a callee besides the caller).
#[cfg(feature = "mutants")]
const CASES: [(&str, &str, &[&str], &str, Option<&str>, usize); 12] = [
    (
        "rem_s_sign",
        r#"(module
          (global $g (mut i32) (i32.const 3))
          (memory 1)
          (func $helper (param i32) (result i32) (i32.add (local.get 0) (global.get $g)))
          (func (export "other") (result i32) (i32.const 5))
          (func (export "main") (result i32)
            (local i32)
            (local.set 0 (call $helper (i32.const -10)))
            (i32.store (i32.const 0) (local.get 0))
            (i32.mul (i32.rem_s (i32.load (i32.const 0)) (i32.const 4)) (i32.const 3))))"#,
        &[],
        "Step_pure/binop-val",
        Some("op-irem"),
        1,
    ),
    (
        "bounds_off_by_one",
        r#"(module (memory 1)
          (func (export "ld") (result i32) (i32.add (i32.const 1) (i32.load (i32.const 65532)))))"#,
        &[],
        "Step_read/load-num-val",
        None,
        1,
    ),
    (
        "mem1_bound_of_mem0",
        r#"(module (memory 1) (memory 2)
          (func (export "ld") (result i32) (i32.add (i32.const 1) (i32.load 1 (i32.const 65536)))))"#,
        &[],
        "Step_read/load-num-val",
        None,
        1,
    ),
    (
        "br_table_default",
        r#"(module
          (func (export "a") (result i32) (i32.const 1))
          (func (export "bt") (result i32)
            (local i32)
            (local.set 0 (i32.const 7))
            (block (block (block (block (br_table 0 1 2 (local.get 0)))
              (return (i32.const 10))) (return (i32.const 11))) (return (i32.const 12)))
            (i32.const 13)))"#,
        &[],
        "Step_pure/br_table-ge",
        None,
        1,
    ),
    (
        "fmin_minss",
        r#"(module (func (export "m") (param f32 f32) (result f32) (f32.min (local.get 0) (local.get 1))))"#,
        &["--invoke", "m", "f32:-0.0", "f32:0.0"],
        "Step_pure/binop-val",
        Some("op-fmin"),
        1,
    ),
    (
        "shr_u_mask31",
        r#"(module (func (export "s") (param i64) (result i64) (i64.shr_u (local.get 0) (i64.const 40))))"#,
        &["--invoke", "s", "i64:-1"],
        "Step_pure/binop-val",
        Some("op-ishr"),
        1,
    ),
    (
        "call_indirect_no_type_check",
        r#"(module
          (type $t0 (func (result i32)))
          (type $t1 (func (param i32) (result i32)))
          (type $t2 (func (param f64 i32) (result i32)))
          (func $f0 (type $t1) (i32.const 7))
          (func $f1 (type $t2) (i32.const 8))
          (table 2 funcref)
          (elem (i32.const 0) func $f0 $f1)
          (func (export "x") (result i32) (i32.const 0))
          (func (export "ci") (result i32) (call_indirect (type $t0) (i32.const 1))))"#,
        &[],
        "Step_read/ref.cast-fail",
        None,
        2,
    ),
    (
        "mem1_bound_of_mem0",
        r#"(module (memory 1) (memory 2)
          (func (export "vl") (result i32)
            (i32x4.extract_lane 0 (v128.load32_splat 1 (i32.const 65536)))))"#,
        &[],
        "Step_read/vload-splat-val",
        None,
        1,
    ),
    (
        "shuffle_lane_order",
        r#"(module (func (export "sh") (param v128 v128) (result v128)
          (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 (local.get 0) (local.get 1))))"#,
        &[
            "--invoke",
            "sh",
            "v128:i32x4:0x03020100,0x07060504,0x0b0a0908,0x0f0e0d0c",
            "v128:i32x4:0x13121110,0x17161514,0x1b1a1918,0x1f1e1d1c",
        ],
        "Step_pure/vshuffle",
        None,
        1,
    ),
    (
        "q15mulr_wraps",
        r#"(module (func (export "q") (result v128)
          (i16x8.q15mulr_sat_s (v128.const i16x8 -32768 -32768 1 2 3 4 5 6) (v128.const i16x8 -32768 -32768 1 2 3 4 5 6))))"#,
        &[],
        "Step_pure/vbinop-val",
        None,
        1,
    ),
    (
        "fmin_minps",
        r#"(module (func (export "m") (param v128 v128) (result v128) (f32x4.min (local.get 0) (local.get 1))))"#,
        &["--invoke", "m", "v128:i32x4:0x80000000,0,0x7fc00000,1", "v128:i32x4:0,0x80000000,1,0x7fc00000"],
        "Step_pure/vbinop-val",
        None,
        1,
    ),
    (
        "trunc_sat_u_zero_bound",
        r#"(module (func (export "t") (result v128)
          (i32x4.trunc_sat_f64x2_u_zero (v128.const f64x2 0x1p32 5.5))))"#,
        &[],
        "Step_pure/vcvtop",
        None,
        1,
    ),
];

#[cfg(feature = "mutants")]
#[test]
fn planted_bugs_shrink_to_reproducers() {
    for (mutant, text, invoke, rule, numeric, functions) in CASES {
        let file = temp(&format!("{mutant}.wat"), text);
        let repro = file.with_extension("wast");
        let (file, repro_path) = (file.to_str().unwrap(), repro.to_str().unwrap());
        let mut args = vec!["report", file, "--shrink", "--json", "--wast", repro_path];
        args.extend_from_slice(invoke);
        let out = lockstep(&args, Some(mutant));
        assert!(out.status.success(), "{mutant}: {out:?}");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
        let ids: Vec<&str> =
            report["rules_at_issue"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids.first(), Some(&rule), "{mutant}: {ids:?}");
        assert_eq!(ids.get(1).copied(), numeric, "{mutant}: {ids:?}");
        assert!(!report["context"].as_array().unwrap().iter().any(|r| r["id"] == rule), "{mutant}");
        assert_eq!(report["module"]["functions"], functions, "{mutant}: {}", report["module"]["wat"]);
        let instructions = report["module"]["instructions"].as_u64().unwrap();
        assert!(instructions <= 8, "{mutant}: {instructions} instructions: {}", report["module"]["wat"]);
        assert_eq!(report["issue"]["how"], "isolated", "{mutant}");
        // The reproducer: the mutated compiler fails it, the reference passes it.
        let jit = lockstep(&["wast", "--engine", "jit", repro_path], Some(mutant));
        assert_eq!(jit.status.code(), Some(1), "{mutant}: {jit:?}");
        let reference = lockstep(&["wast", repro_path], None);
        assert!(reference.status.success(), "{mutant}: {reference:?}");
    }
}
