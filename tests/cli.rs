//! The command line, run as a user runs it: what `trace`, `run`, `compile` and `diff` print.

use lockstep::rules::Rule;
use std::path::{Path, PathBuf};
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

/// What a run of the command line left: its exit code (`None`: killed by a signal), and
/// what it wrote.
struct Run {
    status: std::process::ExitStatus,
    stdout: String,
    stderr: String,
}

impl Run {
    fn code(&self) -> Option<i32> {
        self.status.code()
    }
}

fn cli(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_lockstep"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("lockstep runs");
    Run {
        status: out.status,
        stdout: String::from_utf8(out.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 errors"),
    }
}

/// Like [`cli`], but killed (and the test failed) when it runs longer than `secs`.
fn cli_within(secs: u64, args: &[&str]) -> Run {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_lockstep"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lockstep runs");
    let (mut stdout, mut stderr) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).unwrap();
        text
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("lockstep {args:?} ran longer than {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let mut errors = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut errors).unwrap();
    Run { status, stdout: reader.join().unwrap(), stderr: errors }
}

/// A fresh folder for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lockstep-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Write a file into a scratch folder, and give its path as a string.
fn put(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

const ADD: &str =
    r#"(module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))"#;

/// A reader that goes away (`| head -1`) ends every command quietly, by SIGPIPE, as other
/// Unix tools end: no panic, nothing on standard error.
#[test]
fn closed_pipe_ends_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let dir = scratch("pipe");
    let add = put(&dir, "add.wat", ADD);
    put(&dir, "a.wast", "(module)\n");
    let dir = dir.to_str().unwrap();
    for args in [
        &["run", &add, "--invoke", "add", "i32:1", "i32:2"][..],
        &["wast", dir],
        &["validate", &add],
        &["trace", &add, "--invoke", "add", "i32:1", "i32:2"],
        &["rules"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_lockstep"))
            .args(args)
            .stdout(writer)
            .output()
            .expect("lockstep runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.signal(), Some(libc::SIGPIPE), "{args:?}: {:?} {stderr}", out.status);
        assert_eq!(stderr, "", "{args:?}");
    }
}

/// `wast --fuel N` gives each invocation N loop iterations and function entries, under
/// every engine; one that needs more is counted apart as exhausted (not as a pass, nor as a
/// failure of the engine), and the run exits 1.
#[test]
fn wast_fuel_bounds_each_invocation() {
    let dir = scratch("fuel");
    let script = put(
        &dir,
        "fuel.wast",
        r#"(module
  (func (export "count") (param $n i32) (result i32)
    (loop $l (local.set $n (i32.sub (local.get $n) (i32.const 1))) (br_if $l (local.get $n)))
    (local.get $n))
  (func (export "spin") (loop $l (br $l))))
(assert_return (invoke "count" (i32.const 60)) (i32.const 0))
(assert_return (invoke "count" (i32.const 60)) (i32.const 0))
(assert_return (invoke "count" (i32.const 200)) (i32.const 0))
(invoke "spin")
"#,
    );
    for engine in ["ref", "jit", "lockstep"] {
        let out = cli_within(60, &["wast", &script, "--engine", engine, "--fuel", "100"]);
        assert_eq!(out.code(), Some(1), "{engine}: {}", out.stderr);
        assert_eq!(
            out.stdout,
            format!(
                "{script}:8: assert_return: expected [i32:0], got fuel exhausted (exhausted)\n\
                 {script}:9: action: expected a result, got fuel exhausted (exhausted)\n\
                 {script}: 3 passed, 0 failed, 0 skipped, 2 exhausted\n\
                 3 passed, 0 failed, 0 skipped, 2 exhausted\n"
            ),
            "{engine}"
        );
    }
}

/// `wast --timeout` stops a command that runs too long, in every engine, and the next one
/// runs; the limits' flags are read by `run` too.
#[test]
fn wast_timeout_and_limits() {
    let dir = scratch("timeout");
    let script = put(
        &dir,
        "spin.wast",
        "(module (func (export \"spin\") (loop (br 0))) (func (export \"one\") (result i32) (i32.const 1)))\n\
         (invoke \"spin\")\n\
         (assert_return (invoke \"one\") (i32.const 1))\n",
    );
    for engine in ["ref", "jit", "lockstep"] {
        let out = cli_within(60, &["wast", &script, "--engine", engine, "--timeout", "0.2"]);
        assert_eq!(out.code(), Some(1), "{engine}: {}", out.stderr);
        assert!(
            out.stdout.ends_with("2 passed, 0 failed, 0 skipped, 1 exhausted\n"),
            "{engine}: {}",
            out.stdout
        );
        assert!(out.stdout.contains("got time limit exceeded (exhausted)"), "{engine}: {}", out.stdout);
    }
    let table =
        put(&dir, "t.wat", "(module (table 1000 funcref) (func (export \"f\") (result i32) (table.size)))");
    for engine in ["ref", "jit", "lockstep"] {
        let out = cli_within(
            60,
            &["run", &table, "--invoke", "f", "--engine", engine, "--max-table-elements", "999"],
        );
        assert_eq!(out.code(), Some(1), "{engine}");
        assert!(
            out.stdout.starts_with("exhausted: table limit exceeded: 1000 elements"),
            "{engine}: {}",
            out.stdout
        );
        let out =
            cli_within(60, &["run", &table, "--invoke", "f", "--engine", engine, "--max-memory", "64K"]);
        assert_eq!((out.code(), out.stdout.as_str()), (Some(0), "i32:1000\n"), "{engine}");
    }
}

/// Under a limit on virtual memory (`ulimit -v`), which the compiler's 8 GiB guard regions
/// exceed, it runs what needs no memory (it panicked mapping the spectest memory), and a
/// module whose memory it cannot map fails cleanly.
#[test]
fn the_compiler_under_a_virtual_memory_limit() {
    use std::os::unix::process::CommandExt;
    let dir = scratch("ulimit");
    let five = put(&dir, "five.wat", "(module (func (export \"z\") (result i32) (i32.const 5)))");
    let mem = put(
        &dir,
        "mem.wat",
        "(module (memory 1) (func (export \"z\") (result i32) (i32.load (i32.const 0))))",
    );
    let run = |file: &str| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_lockstep"));
        cmd.args(["run", "--engine", "jit", file, "--invoke", "z"]);
        // SAFETY: setrlimit is async-signal-safe; the child only sets its own limit.
        unsafe {
            cmd.pre_exec(|| {
                let limit = libc::rlimit { rlim_cur: 4 << 30, rlim_max: 4 << 30 };
                match libc::setrlimit(libc::RLIMIT_AS, &limit) {
                    0 => Ok(()),
                    _ => Err(std::io::Error::last_os_error()),
                }
            })
        };
        cmd.output().expect("lockstep runs")
    };
    let out = run(&five);
    assert_eq!((out.status.code(), String::from_utf8_lossy(&out.stdout).as_ref()), (Some(0), "i32:5\n"));
    let out = run(&mem);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("exhausted: memory limit exceeded"));
}

/// Links to folders cannot make `wast` loop: a folder is searched once, however many links
/// lead to it (two links to `.` made the old search walk 2^40 paths).
#[test]
fn wast_searches_each_folder_once() {
    let dir = scratch("links");
    let script = put(&dir, "a.wast", "(module)\n");
    std::os::unix::fs::symlink(".", dir.join("l1")).unwrap();
    std::os::unix::fs::symlink(".", dir.join("l2")).unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    let nested = put(&dir.join("sub"), "b.wast", "(module)\n");
    std::os::unix::fs::symlink("..", dir.join("sub/up")).unwrap();
    let out = cli_within(60, &["wast", dir.to_str().unwrap()]);
    assert_eq!(out.code(), Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!(
            "{script}: 1 passed, 0 failed, 0 skipped\n{nested}: 1 passed, 0 failed, 0 skipped\n\
             2 passed, 0 failed, 0 skipped\n"
        )
    );
}

/// A command that names a module the script never defined (a typo) fails, as in the
/// official interpreter, instead of being skipped; so does an action before any module.
#[test]
fn undefined_module_is_a_failure() {
    let dir = scratch("typo");
    let script = put(
        &dir,
        "typo.wast",
        r#"(module $M (func (export "f") (result i32) (i32.const 2)) (global (export "g") i32 (i32.const 3)))
(assert_return (invoke $Typo "f") (i32.const 2))
(assert_return (get $Typo "g") (i32.const 3))
(register "m" $Typo)
(assert_trap (invoke $Typo "f") "unreachable")
(invoke $Typo "f")
(assert_return (invoke $M "f") (i32.const 2))
"#,
    );
    let out = cli(&["wast", &script]);
    assert_eq!(out.code(), Some(1), "{}", out.stderr);
    let failure =
        |line, kind| format!("{script}:{line}: {kind}: expected a module $Typo, got unknown module $Typo\n");
    let expected = [
        failure(2, "assert_return"),
        failure(3, "assert_return"),
        failure(4, "register"),
        failure(5, "assert_trap"),
        failure(6, "action"),
        format!("{script}: 2 passed, 5 failed, 0 skipped\n2 passed, 5 failed, 0 skipped\n"),
    ];
    assert_eq!(out.stdout, expected.concat());

    let first = put(&dir, "first.wast", "(invoke \"f\")\n");
    let out = cli(&["wast", &first]);
    assert_eq!(out.code(), Some(1), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!(
            "{first}:1: action: expected a module, got no module defined yet\n\
             {first}: 0 passed, 1 failed, 0 skipped\n0 passed, 1 failed, 0 skipped\n"
        )
    );
}

/// Options are read wherever they stand, after the arguments too (README's own form of
/// `trace`); values start with `TYPE:`, so negative numbers are arguments, not options.
#[test]
fn options_after_the_arguments() {
    let dir = scratch("order");
    let add = put(&dir, "add.wat", ADD);

    let out =
        cli(&["trace", &add, "--invoke", "add", "i32:1", "i32:-2", "--json", "--limit", "2", "--fuel", "9"]);
    assert_eq!(out.code(), Some(0), "{}", out.stderr);
    let lines: Vec<serde_json::Value> =
        out.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    assert_eq!(lines[2]["result"], "stopped at the step limit");

    let out = cli(&["run", &add, "--invoke", "add", "i32:-1", "i32:-2", "--engine", "jit", "--fuel", "9"]);
    assert_eq!((out.code(), out.stdout.as_str(), out.stderr.as_str()), (Some(0), "i32:-3\n", ""));
    let out = cli(&["run", &add, "i32:-1", "i32:-2", "--invoke", "add", "--spec", "2.0"]);
    assert_eq!((out.code(), out.stdout.as_str(), out.stderr.as_str()), (Some(0), "i32:-3\n", ""));

    let out = cli(&["diff", &add, "--invoke", "add", "i32:1", "i32:-1", "--max-input", "100000"]);
    assert_eq!((out.code(), out.stdout.as_str()), (Some(0), "the engines agree on every invocation\n"));
    let out = cli(&["diff", &add, "i32:1", "i32:2", "--invoke", "nope"]);
    assert_eq!((out.code(), out.stderr.as_str()), (Some(2), "lockstep: no export \"nope\"\n"));

    // A bare negative number is taken as an argument, and refused for want of its type.
    let out = cli(&["run", &add, "--invoke", "add", "-1", "i32:2"]);
    assert_eq!(
        (out.code(), out.stderr.as_str()),
        (Some(2), "lockstep: `-1`: expected TYPE:VALUE, e.g. i32:7\n")
    );

    // The other commands, with their options last.
    let script = put(&dir, "a.wast", "(module)\n");
    let out = cli(&["wast", &script, "--engine", "jit", "--fuel", "5", "--json"]);
    assert_eq!(out.code(), Some(0), "{}", out.stderr);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!((report["engine"].as_str(), report["passed"].as_u64()), (Some("jit"), Some(1)));
    let out = cli(&["validate", &add, "--json", "--spec", "2.0"]);
    assert_eq!((out.code(), out.stdout.as_str()), (Some(0), "{\"valid\":true}\n"));
    let out = cli(&["compile", &add, "--time"]);
    assert_eq!(out.code(), Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("MB/s"), "{}", out.stdout);
    let out = cli(&["validate", &add, "--time", "--json", "--threads", "3"]);
    assert_eq!(out.code(), Some(0), "{}", out.stderr);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!((report["valid"].as_bool(), report["time"]["threads"].as_u64()), (Some(true), Some(3)));
    assert!(report["time"]["decode_ms"].is_f64() && report["time"]["validate_ms"].is_f64(), "{report}");
    let out = cli(&["validate", &add, "--time", "--threads", "1"]);
    assert!(
        out.stdout.starts_with("valid\ndecode ") && out.stdout.contains("on 1 thread\n"),
        "{}",
        out.stdout
    );
    let out = cli(&["compile", &add, "--threads", "0"]);
    assert_eq!(out.code(), Some(2), "{}", out.stderr);
    let out = cli(&["rules", "Step_pure/binop-trap", "--json"]);
    assert_eq!(out.code(), Some(0), "{}", out.stderr);
}

/// `run` and `diff` with arguments but no `--invoke` are usage errors (the arguments were
/// silently ignored).
#[test]
fn arguments_need_an_invocation() {
    let dir = scratch("noinvoke");
    let add = put(&dir, "add.wat", ADD);
    for command in ["run", "diff"] {
        let out = cli(&[command, &add, "i32:1", "i32:2"]);
        assert_eq!((out.code(), out.stdout.as_str()), (Some(2), ""), "{command}");
        assert!(
            out.stderr.starts_with(
                "error: the following required arguments were not provided:\n  --invoke <INVOKE>\n"
            ),
            "{command}: {}",
            out.stderr
        );
        assert!(out.stderr.contains(&format!("Usage: lockstep {command} ")), "{}", out.stderr);
    }
}

/// `run`, `diff` and `trace` check the arguments against the export's type: a wrong count
/// or type is a usage error that says so (`diff` said the engines agree).
#[test]
fn arguments_must_fit_the_function_type() {
    let dir = scratch("arity");
    let add = put(&dir, "add.wat", ADD);
    for command in ["run", "diff", "trace"] {
        let out = cli(&[command, &add, "--invoke", "add", "i32:1"]);
        assert_eq!(
            (out.code(), out.stdout.as_str(), out.stderr.as_str()),
            (Some(2), "", "lockstep: \"add\" takes 2 arguments, got 1 (its type is [i32 i32] -> [i32])\n"),
            "{command}"
        );
        let out = cli(&[command, &add, "--invoke", "add", "i32:1", "f32:1.5"]);
        assert_eq!(
            (out.code(), out.stdout.as_str(), out.stderr.as_str()),
            (
                Some(2),
                "",
                "lockstep: \"add\": argument 2 is f32:1.5, but the parameter is i32 \
                 (its type is [i32 i32] -> [i32])\n"
            ),
            "{command}"
        );
        let out = cli(&[command, &add, "--invoke", "sub", "i32:1", "i32:2"]);
        assert_eq!(
            (out.code(), out.stderr.as_str()),
            (Some(2), "lockstep: no export \"sub\"\n"),
            "{command}"
        );
    }
}

/// `validate --json` answers in JSON when the text does not parse, too.
#[test]
fn validate_json_reports_text_errors() {
    let dir = scratch("textjson");
    let bad = put(&dir, "bad.wat", "(module\n  (func");
    let out = cli(&["validate", "--json", &bad]);
    assert_eq!(out.code(), Some(1), "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        json,
        serde_json::json!({
            "valid": false, "message": "expected `)`", "rule": null, "url": null,
            "offset": 15, "func": null, "line": 2, "column": 8,
        })
    );
    let out = cli(&["validate", &bad]);
    assert_eq!(out.code(), Some(1));
    assert!(out.stdout.starts_with(&format!("expected `)`\n     --> {bad}:2:8\n")), "{}", out.stdout);
    let out = cli(&["validate", "--json", "no/such.wat"]);
    assert_eq!(out.code(), Some(2));
    assert_eq!(out.stdout, "{\"error\":\"no/such.wat: No such file or directory (os error 2)\"}\n");
}

/// The same failure has the same exit status in every command: 1 for a module that fails
/// (malformed, invalid, unparsable text), 2 for a usage error (here a missing file).
#[test]
fn exit_status_is_the_same_across_commands() {
    let dir = scratch("status");
    let invalid = put(&dir, "invalid.wat", "(module (func (export \"f\") (result i32)))");
    let malformed = dir.join("malformed.wasm");
    std::fs::write(&malformed, b"\0asm\x01\0\0\0\x01").unwrap();
    let malformed = malformed.to_str().unwrap();
    let text = put(&dir, "text.wat", "(module (func");
    for file in [invalid.as_str(), malformed, text.as_str(), "no/such.wat"] {
        let expected = if file == "no/such.wat" { 2 } else { 1 };
        for args in [
            &["validate", file][..],
            &["compile", file],
            &["run", file],
            &["run", file, "--invoke", "f"],
            &["trace", file, "--invoke", "f"],
            &["diff", file],
            &["report", file],
        ] {
            let out = cli(&args);
            assert_eq!(out.code(), Some(expected), "{args:?}: {} {}", out.stdout, out.stderr);
        }
    }
    let out = cli(&["compile", &invalid]);
    assert_eq!(
        out.stderr,
        format!(
            "lockstep: {invalid}: offset 0x1f: func 0: invalid: type mismatch: instruction requires [i32] \
             but stack has [] [Expr_ok] https://webassembly.github.io/spec/core/valid/instructions.html#valid-expr\n"
        )
    );
}

/// Input is read up to a bound (1 GiB, or `--max-input`): `/dev/zero` is refused, not read
/// until memory runs out.
#[test]
fn input_size_is_bounded() {
    for args in [
        &["validate", "/dev/zero"][..],
        &["compile", "/dev/zero"],
        &["run", "/dev/zero"],
        &["diff", "/dev/zero"],
        &["wast", "/dev/zero"],
    ] {
        let args = [args, &["--max-input", "4096"]].concat();
        let out = cli_within(60, &args);
        assert_eq!(
            (out.code(), out.stderr.as_str()),
            (Some(2), "lockstep: /dev/zero: larger than 4096 bytes (--max-input sets the limit)\n"),
            "{args:?}"
        );
    }
    let dir = scratch("large");
    let add = put(&dir, "add.wat", ADD);
    let out = cli(&["validate", &add, "--max-input", "10"]);
    assert_eq!(out.stderr, format!("lockstep: {add}: larger than 10 bytes (--max-input sets the limit)\n"));
    let out = cli(&["validate", &add, "--max-input", &ADD.len().to_string()]);
    assert_eq!((out.code(), out.stdout.as_str()), (Some(0), "valid\n"));
}

/// An empty script (or only comments) has no commands and passes; a byte order mark at
/// the start of a script or a module is skipped.
#[test]
fn empty_scripts_and_byte_order_marks() {
    let dir = scratch("bom");
    for (name, text, passed) in [
        ("empty.wast", "", 0),
        ("blank.wast", "\n  ;; nothing\n (; at all ;)\n", 0),
        (
            "bom.wast",
            "\u{feff}(module (func (export \"f\") (result i32) (i32.const 1)))\n(assert_return (invoke \"f\") (i32.const 1))\n",
            2,
        ),
        ("bomempty.wast", "\u{feff}", 0),
    ] {
        let script = put(&dir, name, text);
        let out = cli(&["wast", &script]);
        assert_eq!(out.code(), Some(0), "{name}: {}", out.stdout);
        assert_eq!(
            out.stdout,
            format!("{script}: {passed} passed, 0 failed, 0 skipped\n{passed} passed, 0 failed, 0 skipped\n")
        );
    }
    let module = put(&dir, "bom.wat", &format!("\u{feff}{ADD}"));
    let out = cli(&["validate", &module]);
    assert_eq!((out.code(), out.stdout.as_str()), (Some(0), "valid\n"));
}

/// `trace --limit N` shows N steps: none for 0, but still the summary.
#[test]
fn trace_limit_zero_shows_no_step() {
    let dir = scratch("limit");
    let add = put(&dir, "add.wat", ADD);
    let out = cli(&["trace", &add, "--invoke", "add", "i32:1", "i32:2", "--limit", "0"]);
    assert_eq!((out.code(), out.stdout.as_str()), (Some(0), "result: stopped at the step limit\n0 steps\n"));
    let out = cli(&["trace", &add, "--invoke", "add", "i32:1", "i32:2", "--limit", "0", "--json"]);
    assert_eq!(out.stdout, "{\"result\":\"stopped at the step limit\",\"rules\":{},\"steps\":0}\n");
    let out = cli(&["trace", &add, "--invoke", "add", "i32:1", "i32:2", "--limit", "2"]);
    assert_eq!(out.stdout.lines().filter(|l| l.contains("] -> [")).count(), 2, "{}", out.stdout);
    assert!(out.stdout.contains("\n2 steps\n"), "{}", out.stdout);
}
