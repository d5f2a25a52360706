//! The compiler side by side with V8's Liftoff and TurboFan, in one run:
//! `cargo bench --bench jit` (`-- NAME...` runs only those kernels; `-- big` only the
//! compile-throughput module).
//!
//! For each kernel of benches/jit/kernels.rs (hand-written WAT, and C compiled by clang -O2,
//! skipped loudly without clang): the checksum of the compiled code against the reference
//! interpreter at a small size, then the run time at the full size under guard pages and
//! under explicit bounds checks, and the same module in node under `--liftoff-only` and
//! `--no-liftoff` (both with `--no-wasm-lazy-compilation`, and
//! `--experimental-wasm-relaxed-simd` for the relaxed vector kernel), through
//! benches/jit/run.mjs. Ours runs the relaxed vector operators as x86 gives them
//! (`Relaxed::X86`), as V8 does. Every engine must return the same checksum. Then compile
//! throughput on a generated module of a few MB of code: ours (single-threaded, as it is) against
//! Liftoff and TurboFan, with V8's background compile threads and with `--single-threaded`.
//!
//! The engines take turns, one run each a round, for `LOCKSTEP_JIT_REPS` rounds (default 5),
//! and the fastest round of each counts; each engine's first run (ours: once instantiated;
//! V8: in each process) is a warm-up and not timed. Times are wall-clock and CPU time of the
//! process, the latter for a shared machine. `LOCKSTEP_JIT_BIG_FUNCS` sets the size of the
//! generated module (default 2048 functions). Without `node` on the PATH the V8 columns are
//! skipped, said loudly.

#[path = "jit/kernels.rs"]
mod kernels;

use kernels::{KERNELS, Kernel};
use lockstep::exec::Reference;
use lockstep::jit::{Bounds, Jit, Options};
use lockstep::runtime::{Config, Engine, ExternVal, Relaxed, Val};
use lockstep::syntax::Module;
use lockstep::{Spec, binary, valid};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;
use std::time::{Duration, Instant};

// node 20 (V8 11.3) runs relaxed SIMD only with --experimental-wasm-relaxed-simd.
const LIFTOFF: &[&str] =
    &["--liftoff-only", "--no-wasm-lazy-compilation", "--experimental-wasm-relaxed-simd"];
const TURBOFAN: &[&str] = &["--no-liftoff", "--no-wasm-lazy-compilation", "--experimental-wasm-relaxed-simd"];
const LIFTOFF_1: &[&str] = &["--liftoff-only", "--no-wasm-lazy-compilation", "--single-threaded"];
const TURBOFAN_1: &[&str] = &["--no-liftoff", "--no-wasm-lazy-compilation", "--single-threaded"];

fn main() {
    let filter: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let rounds: usize = env_num("LOCKSTEP_JIT_REPS", 5).max(1);
    let big_funcs: usize = env_num("LOCKSTEP_JIT_BIG_FUNCS", 2048);
    let dir = std::env::temp_dir().join("lockstep-bench-jit");
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let node = node_version();
    match &node {
        Some(v) => println!(
            "node {v}; {rounds} rounds, each engine once a round, the fastest kept; modules in {}",
            dir.display()
        ),
        None => {
            println!("\n*** `node` is not on the PATH: the Liftoff and TurboFan columns are SKIPPED ***\n")
        }
    }
    let mut failures = Vec::new();

    let mut selected: Vec<&Kernel> =
        KERNELS.iter().filter(|k| filter.is_empty() || filter.iter().any(|f| f == k.name)).collect();
    if selected.iter().any(|k| k.file.ends_with(".c")) && !kernels::has_clang() {
        println!(
            "\n*** `{}` does not run: the C kernels (benches/c/) are SKIPPED ***\n",
            kernels::clang_command()
        );
        selected.retain(|k| !k.file.ends_with(".c"));
    }
    let mut rows = Vec::new();
    for k in selected {
        eprintln!("{}({}) ...", k.name, k.n);
        match kernel(k, &dir, node.is_some(), rounds) {
            Ok(row) => {
                failures.extend(row.failures.iter().cloned());
                rows.push(row);
            }
            Err(e) => failures.push(format!("{}: {e}", k.name)),
        }
    }
    if !rows.is_empty() {
        print_kernels(&rows);
        print_runs(&rows, "CPU time of the process", |t| t.cpu);
        print_runs(&rows, "wall-clock time", |t| t.wall);
        print_kernel_compiles(&rows);
    }
    if filter.is_empty() || filter.iter().any(|f| f == "big") {
        eprintln!("compile throughput: a generated module of {big_funcs} functions ...");
        if let Err(e) = big(big_funcs, &dir, node.is_some(), rounds.min(5)) {
            failures.push(format!("big module: {e}"));
        }
    }
    if !failures.is_empty() {
        eprintln!("\n*** FAILURES ***");
        for f in &failures {
            eprintln!("  {f}");
        }
        std::process::exit(1);
    }
}

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

/// A span, in seconds: wall-clock, and CPU time of the process (on a shared machine, the
/// wall clock also counts the time other processes had the core).
#[derive(Copy, Clone, Debug)]
struct Time {
    wall: f64,
    cpu: f64,
}

impl Time {
    const NONE: Time = Time { wall: f64::INFINITY, cpu: f64::INFINITY };

    /// The fastest of both.
    fn min(self, other: Time) -> Time {
        Time { wall: self.wall.min(other.wall), cpu: self.cpu.min(other.cpu) }
    }
}

fn cpu_now() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// Time `f`.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Time) {
    let (c, t) = (cpu_now(), Instant::now());
    let r = f();
    let wall = t.elapsed().as_secs_f64();
    (r, Time { wall, cpu: cpu_now() - c })
}

/// What one kernel measured.
struct Row {
    name: &'static str,
    n: i32,
    code_bytes: usize,
    checksum: String,
    guard: Option<Time>,
    checks: Option<Time>,
    liftoff: Option<Time>,
    turbofan: Option<Time>,
    /// Our compile (codegen alone, and decode + validate + codegen), V8's (its
    /// `new WebAssembly.Module`, one per process): wall-clock, the fastest.
    compile: f64,
    compile_all: f64,
    liftoff_compile: Option<f64>,
    turbofan_compile: Option<f64>,
    failures: Vec<String>,
}

/// Our configuration: the relaxed vector operators as x86 gives them, as V8 does (fused
/// `relaxed_madd` where the CPU has FMA); the reference checks the compiled code under the
/// same choices.
fn x86() -> Config {
    Config { relaxed: Relaxed::X86, ..Config::default() }
}

/// The compiled kernel, instantiated, warmed up by its first run.
struct Ours {
    engine: Jit,
    func: u32,
    result: String,
}

impl Ours {
    fn new(module: &Module, k: &Kernel, bounds: Bounds) -> Result<Ours, String> {
        let mut engine = Jit::new(x86(), bounds);
        let func = instance(&mut engine, module, k.export)?;
        let result = show(&engine.invoke(func, &[Val::i32(k.n)]).map_err(|e| format!("{e:?}"))?)?;
        Ok(Ours { engine, func, result })
    }

    fn run(&mut self, n: i32) -> Result<Time, String> {
        let (r, t) = timed(|| self.engine.invoke(self.func, &[Val::i32(n)]));
        let r = show(&r.map_err(|e| format!("{e:?}"))?)?;
        if r != self.result {
            return Err(format!("a timed run returned {r}, the first {}", self.result));
        }
        Ok(t)
    }
}

/// A V8 configuration and what it measured: its checksum (empty once it failed), its
/// fastest run, its fastest compile (wall-clock).
struct V8 {
    label: &'static str,
    flags: &'static [&'static str],
    result: Option<String>,
    run: Time,
    compile: f64,
}

impl V8 {
    fn new(label: &'static str, flags: &'static [&'static str]) -> V8 {
        V8 { label, flags, result: None, run: Time::NONE, compile: f64::INFINITY }
    }
}

fn kernel(k: &Kernel, dir: &Path, node: bool, rounds: usize) -> Result<Row, String> {
    let bytes = kernels::wasm(k)?;
    let file = dir.join(format!("{}.wasm", k.name));
    std::fs::write(&file, &bytes).map_err(|e| format!("{}: {e}", file.display()))?;
    let module = decode(&bytes)?;
    let mut failures = Vec::new();

    // The reference at the small size: the checksum the compiled code must give there.
    let t = Instant::now();
    let relaxed = Jit::new(x86(), Bounds::GuardPages).relaxed();
    let expected = small(&mut Reference::new(Config { relaxed, ..Config::default() }), &module, k)?;
    let ref_time = t.elapsed();
    for bounds in [Bounds::GuardPages, Bounds::Checks] {
        match small(&mut Jit::new(x86(), bounds), &module, k) {
            Ok(got) if got == expected => {}
            Ok(got) => failures.push(format!(
                "{}({}) under {bounds:?}: the compiled code returns {got}, the reference {expected}",
                k.name, k.small
            )),
            Err(e) => failures.push(format!("{}({}) under {bounds:?}: {e}", k.name, k.small)),
        }
    }
    eprintln!(
        "  {}({}) = {expected} in the reference ({:.0} ms) and in the compiled code",
        k.name,
        k.small,
        ms(ref_time)
    );

    let (compile, compile_all) =
        compile_times(&bytes, &module, Bounds::GuardPages, Duration::from_millis(200))?;

    // The engines in turn, a round at a time, so that a busy spell of the machine falls on
    // all of them.
    let mut ours = [Bounds::GuardPages, Bounds::Checks].map(|bounds| match Ours::new(&module, k, bounds) {
        Ok(o) => Some((bounds, o, Time::NONE)),
        Err(e) => {
            failures.push(format!("{}({}) under {bounds:?}: {e}", k.name, k.n));
            None
        }
    });
    let mut v8: Vec<V8> =
        if node { vec![V8::new("Liftoff", LIFTOFF), V8::new("TurboFan", TURBOFAN)] } else { Vec::new() };
    for _ in 0..rounds {
        for slot in ours.iter_mut() {
            if let Some((bounds, o, best)) = slot {
                match o.run(k.n) {
                    Ok(t) => *best = best.min(t),
                    Err(e) => {
                        failures.push(format!("{}({}) under {bounds:?}: {e}", k.name, k.n));
                        *slot = None;
                    }
                }
            }
        }
        for e in v8.iter_mut() {
            if e.result.as_deref() == Some("") {
                continue; // failed before
            }
            match run_node(e.flags, &file, k.export, k.n, 1) {
                Ok(out) => {
                    e.result = Some(out.result.unwrap_or_default());
                    e.run = e.run.min(out.run.unwrap_or(Time::NONE));
                    e.compile = e.compile.min(out.compile.wall);
                }
                Err(err) => {
                    failures.push(format!("{}({}) in {}: {err}", k.name, k.n, e.label));
                    e.result = Some(String::new());
                }
            }
        }
    }

    let mut results: Vec<(String, String)> = Vec::new();
    for (bounds, o, _) in ours.iter().flatten() {
        results.push((format!("ours ({bounds:?})"), o.result.clone()));
    }
    for e in &v8 {
        results.push((e.label.to_string(), e.result.clone().unwrap_or_default()));
    }
    let checksum = results.first().map(|r| r.1.clone()).unwrap_or_default();
    if results.iter().any(|r| r.1 != checksum) {
        let all: Vec<String> = results.iter().map(|(e, r)| format!("{e}: {r}")).collect();
        failures.push(format!("{}({}): the engines disagree: {}", k.name, k.n, all.join(", ")));
    }
    let ours_time = |i: usize| ours[i].as_ref().map(|o| o.2);
    let v8_time = |i: usize| v8.get(i).filter(|e| e.run.wall.is_finite()).map(|e| e.run);
    let v8_compile = |i: usize| v8.get(i).filter(|e| e.compile.is_finite()).map(|e| e.compile);
    let row = Row {
        name: k.name,
        n: k.n,
        code_bytes: code_section_len(&bytes),
        checksum,
        guard: ours_time(0),
        checks: ours_time(1),
        liftoff: v8_time(0),
        turbofan: v8_time(1),
        compile,
        compile_all,
        liftoff_compile: v8_compile(0),
        turbofan_compile: v8_compile(1),
        failures,
    };
    let show = |t: Option<Time>| t.map_or("-".into(), |t| format!("{:.1}/{:.1}", t.cpu * 1e3, t.wall * 1e3));
    eprintln!(
        "  {}({}) = {}: ms cpu/wall: guard {} checks {} Liftoff {} TurboFan {}",
        k.name,
        k.n,
        row.checksum,
        show(row.guard),
        show(row.checks),
        show(row.liftoff),
        show(row.turbofan)
    );
    Ok(row)
}

fn decode(bytes: &[u8]) -> Result<Module, String> {
    let module = binary::decode(bytes, Spec::V3).map_err(|e| format!("decoding: {e}"))?;
    valid::validate(&module, Spec::V3).map_err(|e| format!("validating: {e}"))?;
    Ok(module)
}

/// Instantiate the module in `engine`: its export.
fn instance(engine: &mut dyn Engine, module: &Module, export: &str) -> Result<u32, String> {
    let inst =
        engine.instantiate(&Rc::new(module.clone()), &[]).map_err(|e| format!("instantiating: {e:?}"))?;
    let Some(ExternVal::Func(f)) = engine.export(inst, export) else {
        return Err(format!("no export {export}"));
    };
    Ok(f)
}

/// The kernel's checksum at its small size in `engine`.
fn small(engine: &mut dyn Engine, module: &Module, k: &Kernel) -> Result<String, String> {
    let f = instance(engine, module, k.export)?;
    show(&engine.invoke(f, &[Val::i32(k.small)]).map_err(|e| format!("{e:?}"))?)
}

/// A checksum as V8 prints it.
fn show(results: &[Val]) -> Result<String, String> {
    match results {
        [Val::I32(i)] => Ok((*i as i32).to_string()),
        [Val::I64(i)] => Ok((*i as i64).to_string()),
        _ => Err(format!("not an i32 or i64 checksum: {results:?}")),
    }
}

/// Our compile time, the fastest of as many compiles as fit in `budget` (three at least),
/// wall-clock: codegen alone, and decode + validate + codegen.
fn compile_times(
    bytes: &[u8],
    module: &Module,
    bounds: Bounds,
    budget: Duration,
) -> Result<(f64, f64), String> {
    let (mut codegen, mut all) = (f64::INFINITY, f64::INFINITY);
    let start = Instant::now();
    let mut i = 0;
    while i < 3 || start.elapsed() < budget {
        codegen = codegen.min(compile_once(module, bounds)?.wall);
        all = all.min(decode_compile_once(bytes, bounds)?.wall);
        i += 1;
    }
    Ok((codegen, all))
}

/// The compiler's options as the engine sets them, without fuel or tracing.
fn options(bounds: Bounds) -> Options {
    Options::new(bounds)
}

fn compile_once(module: &Module, bounds: Bounds) -> Result<Time, String> {
    let (c, t) = timed(|| lockstep::jit::compile(module, options(bounds)));
    std::hint::black_box(c.map_err(|e| format!("compiling: {e:?}"))?.code);
    Ok(t)
}

fn decode_compile_once(bytes: &[u8], bounds: Bounds) -> Result<Time, String> {
    let (c, t) = timed(|| {
        decode(bytes).and_then(|m| {
            lockstep::jit::compile(&m, options(bounds)).map_err(|e| format!("compiling: {e:?}"))
        })
    });
    std::hint::black_box(c?.code);
    Ok(t)
}

/// The size of the code section's contents: the function bodies (and their count).
fn code_section_len(bytes: &[u8]) -> usize {
    let mut p = 8;
    while p < bytes.len() {
        let id = bytes[p];
        p += 1;
        let (mut size, mut shift) = (0usize, 0);
        loop {
            let b = bytes[p];
            p += 1;
            size |= ((b & 0x7f) as usize) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        if id == 10 {
            return size;
        }
        p += size;
    }
    0
}

fn node_version() -> Option<String> {
    let out = Command::new("node").arg("--version").output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

struct NodeOut {
    compile: Time,
    run: Option<Time>,
    result: Option<String>,
}

/// One process of benches/jit/run.mjs.
fn run_node(flags: &[&str], file: &Path, export: &str, n: i32, reps: usize) -> Result<NodeOut, String> {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/jit/run.mjs");
    let out = Command::new("node")
        .args(flags)
        .arg(&script)
        .arg(file)
        .arg(export)
        .arg(n.to_string())
        .arg(reps.max(1).to_string())
        .output()
        .map_err(|e| format!("node: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "node {}: {}{}",
            flags.join(" "),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().last().unwrap_or_default();
    let json: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("node printed {line:?}: {e}"))?;
    let time = |wall: &str, cpu: &str| {
        Some(Time { wall: json[wall].as_f64()? / 1e3, cpu: json[cpu].as_f64()? / 1e3 })
    };
    Ok(NodeOut {
        compile: time("compile_ms", "compile_cpu_ms").ok_or("no compile time")?,
        run: time("run_ms", "run_cpu_ms"),
        result: json["result"].as_str().map(str::to_string),
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn opt_ms(t: Option<f64>) -> String {
    t.map_or("-".into(), |t| format!("{:.1}", t * 1e3))
}

fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    Some(a? / b?)
}

fn opt_ratio(r: Option<f64>) -> String {
    r.map_or("-".into(), |r| format!("{r:.2}"))
}

fn geomean(xs: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let xs: Vec<f64> = xs.collect::<Option<_>>()?;
    (!xs.is_empty()).then(|| (xs.iter().map(|x| x.ln()).sum::<f64>() / xs.len() as f64).exp())
}

fn print_kernels(rows: &[Row]) {
    let mut s = String::new();
    let _ = writeln!(s, "\n### Kernels\n");
    for r in rows {
        let k = KERNELS.iter().find(|k| k.name == r.name).expect("a kernel");
        let _ = writeln!(s, "- {} ({}, `{}`): {}", k.name, k.file, k.export, k.what);
    }
    print!("{s}");
}

fn print_runs(rows: &[Row], title: &str, pick: fn(&Time) -> f64) {
    let mut s = String::new();
    let _ = writeln!(s, "\n### Run time, {title} (ms, the fastest round)\n");
    let _ = writeln!(
        s,
        "| kernel | n | ours, guard pages | ours, bounds checks | Liftoff | TurboFan | guard / Liftoff | checks / Liftoff | guard / TurboFan | checksum |"
    );
    let _ = writeln!(s, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    let t = |x: &Option<Time>| x.as_ref().map(pick);
    for r in rows {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            r.name,
            r.n,
            opt_ms(t(&r.guard)),
            opt_ms(t(&r.checks)),
            opt_ms(t(&r.liftoff)),
            opt_ms(t(&r.turbofan)),
            opt_ratio(ratio(t(&r.guard), t(&r.liftoff))),
            opt_ratio(ratio(t(&r.checks), t(&r.liftoff))),
            opt_ratio(ratio(t(&r.guard), t(&r.turbofan))),
            r.checksum
        );
    }
    let g = |f: &dyn Fn(&Row) -> Option<f64>| opt_ratio(geomean(rows.iter().map(f)));
    let _ = writeln!(
        s,
        "| **geomean** | | | | | | **{}** | **{}** | **{}** | |",
        g(&|r| ratio(t(&r.guard), t(&r.liftoff))),
        g(&|r| ratio(t(&r.checks), t(&r.liftoff))),
        g(&|r| ratio(t(&r.guard), t(&r.turbofan)))
    );
    let _ = writeln!(s, "\nRatios are time over time: below 1 is faster than the other engine.");
    let from_c = |r: &&Row| KERNELS.iter().any(|k| k.name == r.name && k.file.ends_with(".c"));
    let c: Vec<(&str, Option<f64>)> =
        rows.iter().filter(from_c).map(|r| (r.name, ratio(t(&r.guard), t(&r.liftoff)))).collect();
    let worst = c.iter().filter_map(|(n, x)| Some((*n, (*x)?))).max_by(|a, b| a.1.total_cmp(&b.1));
    if let (Some(g), Some((name, x))) = (geomean(c.iter().map(|c| c.1)), worst) {
        let _ = writeln!(
            s,
            "The {} C kernels (clang -O2), guard pages / Liftoff: geomean {g:.2}, the worst {name} {x:.2}.",
            c.len()
        );
    }
    if let Some(x) = geomean(rows.iter().map(|r| ratio(t(&r.checks), t(&r.guard)))) {
        let (faster, by) = if x >= 1.0 { ("guard pages", x) } else { ("bounds checks", 1.0 / x) };
        let _ = writeln!(
            s,
            "Bounds checks / guard pages, geomean of the run times: {x:.3}: {faster} faster by {:.1}%.",
            (by - 1.0) * 100.0
        );
    }
    print!("{s}");
}

fn print_kernel_compiles(rows: &[Row]) {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "\n### Compile time of the kernels, wall-clock (too small for a throughput; V8's includes some one-time setup)\n"
    );
    let _ = writeln!(
        s,
        "| kernel | code section (bytes) | ours, codegen (µs) | ours, decode+validate+codegen (µs) | Liftoff (µs) | TurboFan (µs) |"
    );
    let _ = writeln!(s, "|---|--:|--:|--:|--:|--:|");
    for r in rows {
        let us = |t: Option<f64>| t.map_or("-".into(), |t| format!("{:.0}", t * 1e6));
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} |",
            r.name,
            r.code_bytes,
            us(Some(r.compile)),
            us(Some(r.compile_all)),
            us(r.liftoff_compile),
            us(r.turbofan_compile)
        );
    }
    print!("{s}");
}

/// Compile throughput on a generated module, `rounds` rounds of every compiler in turn.
fn big(funcs: usize, dir: &Path, node: bool, rounds: usize) -> Result<(), String> {
    let text = big_module(funcs, 0x5eed_1234_abcd_ef01);
    let bytes = kernels::wat(&text).map_err(|e| format!("encoding: {e}"))?;
    let file = dir.join("big.wasm");
    std::fs::write(&file, &bytes).map_err(|e| format!("{}: {e}", file.display()))?;
    let code = code_section_len(&bytes);
    let (module, t) = timed(|| decode(&bytes));
    let module = module?;
    eprintln!(
        "  {} functions, {} bytes, {code} in the code section; decode+validate {:.0} ms",
        module.funcs.len(),
        bytes.len(),
        t.wall * 1e3
    );
    let machine_code = lockstep::jit::compile(&module, options(Bounds::GuardPages))
        .map_err(|e| format!("compiling: {e:?}"))?
        .code
        .len();

    let v8: &[(&str, &[&str])] = &[
        ("Liftoff (V8's compile threads)", LIFTOFF),
        ("Liftoff (--single-threaded)", LIFTOFF_1),
        ("TurboFan (V8's compile threads)", TURBOFAN),
        ("TurboFan (--single-threaded)", TURBOFAN_1),
    ];
    let mut rows: Vec<(String, Time)> = vec![
        ("ours, codegen (guard pages)".into(), Time::NONE),
        ("ours, codegen (bounds checks)".into(), Time::NONE),
        ("ours, decode+validate+codegen (guard pages)".into(), Time::NONE),
    ];
    if node {
        rows.extend(v8.iter().map(|(label, _)| (label.to_string(), Time::NONE)));
    }
    for _ in 0..rounds {
        rows[0].1 = rows[0].1.min(compile_once(&module, Bounds::GuardPages)?);
        rows[1].1 = rows[1].1.min(compile_once(&module, Bounds::Checks)?);
        rows[2].1 = rows[2].1.min(decode_compile_once(&bytes, Bounds::GuardPages)?);
        if node {
            // A process per compile: V8 keeps the native module of identical bytes in a process.
            for (i, (_, flags)) in v8.iter().enumerate() {
                let t = run_node(flags, &file, "-", 0, 1)?.compile;
                rows[3 + i].1 = rows[3 + i].1.min(t);
            }
        }
    }
    let liftoff = rows.get(3).map(|r| r.1);

    let mut s = String::new();
    let _ = writeln!(
        s,
        "\n### Compile throughput: a generated module of {} functions, {:.2} MB ({:.2} MB of code section; {:.2} MB of our machine code)\n",
        module.funcs.len(),
        bytes.len() as f64 / 1e6,
        code as f64 / 1e6,
        machine_code as f64 / 1e6
    );
    if !node {
        let _ = writeln!(s, "*node is missing: no V8 rows.*\n");
    }
    let _ = writeln!(
        s,
        "| compiler | wall (ms) | CPU (ms) | MB/s, wall | MB/s, CPU | throughput / Liftoff, wall | throughput / Liftoff, CPU |"
    );
    let _ = writeln!(s, "|---|--:|--:|--:|--:|--:|--:|");
    for (label, t) in &rows {
        let _ = writeln!(
            s,
            "| {label} | {:.1} | {:.1} | {:.1} | {:.1} | {} | {} |",
            t.wall * 1e3,
            t.cpu * 1e3,
            code as f64 / 1e6 / t.wall,
            code as f64 / 1e6 / t.cpu,
            opt_ratio(liftoff.map(|l| l.wall / t.wall)),
            opt_ratio(liftoff.map(|l| l.cpu / t.cpu))
        );
    }
    let _ = writeln!(
        s,
        "\nMB = 10^6 bytes of the code section (the function bodies). The fastest of {rounds} rounds. V8's time is \
         `new WebAssembly.Module` (decode, validate and compile), a process each; its CPU time counts all its \
         threads. Ours is single-threaded. Throughput ratios are against Liftoff as node runs it (its compile threads): \
         above 1 is faster than Liftoff."
    );
    print!("{s}");
    Ok(())
}

/// A module of `n` functions of type [i32 i32] -> [i32], of varied code: arithmetic of the
/// four number types, locals, blocks, ifs, loops, br_table, direct and indirect calls, loads
/// and stores, a global. Deterministic in `seed`. `n` is rounded up to a power of two (the
/// table's size, for the indirect calls' index mask).
fn big_module(n: usize, seed: u64) -> String {
    let n = n.next_power_of_two();
    let mut g = Gen { state: seed | 1, n, label: 0 };
    let mut s = String::with_capacity(n * 8000);
    s.push_str("(module\n  (type $t (func (param i32 i32) (result i32)))\n  (memory 1)\n");
    s.push_str("  (global $g (mut i32) (i32.const 0))\n");
    let _ = writeln!(s, "  (table {n} funcref)");
    s.push_str("  (elem (i32.const 0) func");
    for i in 0..n {
        let _ = write!(s, " $f{i}");
    }
    s.push_str(")\n  (export \"f0\" (func $f0))\n");
    for i in 0..n {
        let _ = writeln!(
            s,
            "  (func $f{i} (type $t) (local $a i32) (local $b i32) (local $c0 i32) (local $c1 i32) (local $c2 i32) \
             (local $x i64) (local $y i64) (local $p f64) (local $q f64)"
        );
        let stmts = 6 + g.below(10);
        for _ in 0..stmts {
            s.push_str("    ");
            g.stmt(&mut s, 0, 0);
            s.push('\n');
        }
        s.push_str("    ");
        g.i32(&mut s, 3);
        s.push_str(")\n");
    }
    s.push_str(")\n");
    s
}

/// The types of the expressions [`Gen`] writes.
#[derive(Clone, Copy)]
enum Ty {
    I32,
    I64,
    F64,
}

struct Gen {
    state: u64,
    n: usize,
    label: usize,
}

impl Gen {
    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }

    fn addr(&mut self, s: &mut String, depth: usize) {
        let offset = self.below(16) * 4;
        let _ = write!(s, "offset={offset} (i32.and ");
        self.i32(s, depth);
        s.push_str(" (i32.const 0xfff0))");
    }

    /// `(head arg...)`, each argument an expression of its type.
    fn apply(&mut self, s: &mut String, head: &str, args: &[Ty], depth: usize) {
        let _ = write!(s, "({head}");
        for t in args {
            s.push(' ');
            match t {
                Ty::I32 => self.i32(s, depth),
                Ty::I64 => self.i64(s, depth),
                Ty::F64 => self.f64(s, depth),
            }
        }
        s.push(')');
    }

    /// `(head addr)`: a load from an address of [`Gen::addr`].
    fn load(&mut self, s: &mut String, head: &str, depth: usize) {
        let _ = write!(s, "({head} ");
        self.addr(s, depth);
        s.push(')');
    }

    fn i32(&mut self, s: &mut String, depth: usize) {
        if depth == 0 || self.below(4) == 0 {
            match self.below(3) {
                0 => {
                    let c = self.next() as u32 as i32 >> self.below(32);
                    let _ = write!(s, "(i32.const {c})");
                }
                _ => {
                    let l = self.pick(&["0", "1", "$a", "$b"]);
                    let _ = write!(s, "(local.get {l})");
                }
            }
            return;
        }
        let d = depth - 1;
        match self.below(20) {
            0..=5 => {
                let op =
                    self.pick(&["add", "sub", "mul", "and", "or", "xor", "shl", "shr_u", "shr_s", "rotl"]);
                self.apply(s, &format!("i32.{op}"), &[Ty::I32, Ty::I32], d);
            }
            6 | 7 => {
                let op = self.pick(&["eq", "ne", "lt_s", "lt_u", "gt_s", "ge_u", "le_s"]);
                self.apply(s, &format!("i32.{op}"), &[Ty::I32, Ty::I32], d);
            }
            8 => {
                let op = self.pick(&["clz", "ctz", "popcnt", "eqz", "extend8_s"]);
                self.apply(s, &format!("i32.{op}"), &[Ty::I32], d);
            }
            9 | 10 => {
                let op = self.pick(&["load", "load8_u", "load16_s", "load8_s"]);
                self.load(s, &format!("i32.{op}"), d);
            }
            11 => self.apply(s, "i32.wrap_i64", &[Ty::I64], d),
            12 => self.apply(s, "select", &[Ty::I32, Ty::I32, Ty::I32], d),
            13 => self.apply(s, "i32.trunc_sat_f64_s", &[Ty::F64], d),
            14 => s.push_str("(global.get $g)"),
            15 => {
                let f = self.below(self.n);
                self.apply(s, &format!("call $f{f}"), &[Ty::I32, Ty::I32], d);
            }
            16 => {
                let op = self.pick(&["div_u", "rem_u", "div_s"]);
                let _ = write!(s, "(i32.{op} ");
                self.i32(s, d);
                s.push_str(" (i32.or ");
                self.i32(s, d);
                s.push_str(" (i32.const 1)))");
            }
            17 => {
                let op = self.pick(&["eq", "lt", "ge"]);
                self.apply(s, &format!("f64.{op}"), &[Ty::F64, Ty::F64], d);
            }
            _ => {
                let op = self.pick(&["eqz", "ne", "lt_u"]);
                let args: &[Ty] = if op == "eqz" { &[Ty::I64] } else { &[Ty::I64, Ty::I64] };
                self.apply(s, &format!("i64.{op}"), args, d);
            }
        }
    }

    fn i64(&mut self, s: &mut String, depth: usize) {
        if depth == 0 || self.below(4) == 0 {
            match self.below(3) {
                0 => {
                    let c = self.next() as i64 >> self.below(64);
                    let _ = write!(s, "(i64.const {c})");
                }
                _ => {
                    let l = self.pick(&["$x", "$y"]);
                    let _ = write!(s, "(local.get {l})");
                }
            }
            return;
        }
        let d = depth - 1;
        match self.below(10) {
            0..=4 => {
                let op = self.pick(&["add", "sub", "mul", "and", "or", "xor", "shl", "shr_u", "rotl"]);
                self.apply(s, &format!("i64.{op}"), &[Ty::I64, Ty::I64], d);
            }
            5 | 6 => {
                let op = self.pick(&["extend_i32_s", "extend_i32_u"]);
                self.apply(s, &format!("i64.{op}"), &[Ty::I32], d);
            }
            7 => {
                let op = self.pick(&["load", "load32_u", "load16_s"]);
                self.load(s, &format!("i64.{op}"), d);
            }
            8 => self.apply(s, "i64.reinterpret_f64", &[Ty::F64], d),
            _ => {
                let op = self.pick(&["clz", "popcnt"]);
                self.apply(s, &format!("i64.{op}"), &[Ty::I64], d);
            }
        }
    }

    fn f64(&mut self, s: &mut String, depth: usize) {
        if depth == 0 || self.below(4) == 0 {
            match self.below(3) {
                0 => {
                    let c = (self.next() % 2_000_000) as f64 / 1000.0 - 1000.0;
                    let _ = write!(s, "(f64.const {c:?})");
                }
                _ => {
                    let l = self.pick(&["$p", "$q"]);
                    let _ = write!(s, "(local.get {l})");
                }
            }
            return;
        }
        let d = depth - 1;
        match self.below(10) {
            0..=4 => {
                let op = self.pick(&["add", "sub", "mul", "div", "min", "max", "copysign"]);
                self.apply(s, &format!("f64.{op}"), &[Ty::F64, Ty::F64], d);
            }
            5 | 6 => {
                let op = self.pick(&["sqrt", "abs", "neg", "floor", "nearest"]);
                self.apply(s, &format!("f64.{op}"), &[Ty::F64], d);
            }
            7 => {
                let op = self.pick(&["convert_i32_s", "convert_i32_u"]);
                self.apply(s, &format!("f64.{op}"), &[Ty::I32], d);
            }
            8 => self.load(s, "f64.load", d),
            _ => self.apply(s, "f64.convert_i64_s", &[Ty::I64], d),
        }
    }

    fn stmts(&mut self, s: &mut String, count: usize, nest: usize, loops: usize) {
        for _ in 0..count {
            s.push(' ');
            self.stmt(s, nest, loops);
        }
    }

    /// A statement: nothing on the stack before or after. `nest` bounds the nesting of
    /// blocks; `loops`, the loop counter locals in use ($c0..$c2).
    fn stmt(&mut self, s: &mut String, nest: usize, loops: usize) {
        let choice = if nest >= 3 { self.below(9) } else { self.below(14) };
        match choice {
            0 | 1 => {
                let l = self.pick(&["$a", "$b", "0", "1"]);
                self.apply(s, &format!("local.set {l}"), &[Ty::I32], 4);
            }
            2 => {
                let l = self.pick(&["$x", "$y"]);
                self.apply(s, &format!("local.set {l}"), &[Ty::I64], 3);
            }
            3 => {
                let l = self.pick(&["$p", "$q"]);
                self.apply(s, &format!("local.set {l}"), &[Ty::F64], 3);
            }
            4 => {
                let (ty, op) = match self.below(4) {
                    0 => ("i32", "i32.store"),
                    1 => ("i32", "i32.store8"),
                    2 => ("i64", "i64.store"),
                    _ => ("f64", "f64.store"),
                };
                let _ = write!(s, "({op} ");
                self.addr(s, 2);
                s.push(' ');
                match ty {
                    "i32" => self.i32(s, 3),
                    "i64" => self.i64(s, 3),
                    _ => self.f64(s, 3),
                }
                s.push(')');
            }
            5 => self.apply(s, "global.set $g", &[Ty::I32], 3),
            6 => {
                let f = self.below(self.n);
                let _ = write!(s, "(local.set $a (call $f{f} ");
                self.i32(s, 2);
                s.push(' ');
                self.i32(s, 2);
                s.push_str("))");
            }
            7 => {
                s.push_str("(local.set $b (call_indirect (type $t) ");
                self.i32(s, 2);
                s.push(' ');
                self.i32(s, 2);
                s.push_str(" (i32.and ");
                self.i32(s, 2);
                let _ = write!(s, " (i32.const {}))))", self.n - 1);
            }
            8 => self.apply(s, "drop", &[Ty::I64], 2),
            9 => {
                s.push_str("(if ");
                self.i32(s, 3);
                s.push_str(" (then");
                let k = 1 + self.below(3);
                self.stmts(s, k, nest + 1, loops);
                s.push_str(") (else");
                let k = self.below(3);
                self.stmts(s, k, nest + 1, loops);
                s.push_str("))");
            }
            10 => {
                let l = self.fresh();
                let _ = write!(s, "(block $L{l}");
                let k = 1 + self.below(2);
                self.stmts(s, k, nest + 1, loops);
                let _ = write!(s, " (br_if $L{l} ");
                self.i32(s, 3);
                s.push(')');
                let k = 1 + self.below(2);
                self.stmts(s, k, nest + 1, loops);
                s.push(')');
            }
            11 if loops < 3 => {
                let l = self.fresh();
                let count = 1 + self.below(4);
                let _ = write!(s, "(local.set $c{loops} (i32.const {count})) (loop $L{l}");
                let k = 1 + self.below(3);
                self.stmts(s, k, nest + 1, loops + 1);
                let _ = write!(
                    s,
                    " (br_if $L{l} (local.tee $c{loops} (i32.sub (local.get $c{loops}) (i32.const 1)))))"
                );
            }
            _ => {
                // A br_table over k nested blocks, a statement after each.
                let k = 3 + self.below(6);
                let labels: Vec<usize> = (0..k).map(|_| self.fresh()).collect();
                let mut inner = String::from("(br_table");
                for _ in 0..k + self.below(4) {
                    let _ = write!(inner, " $L{}", labels[self.below(k)]);
                }
                let _ = write!(inner, " $L{} ", labels[0]);
                self.i32(&mut inner, 3);
                inner.push(')');
                for i in (0..k).rev() {
                    let mut next = format!("(block $L{} {inner}) ", labels[i]);
                    self.stmt(&mut next, nest + 1, loops);
                    inner = next;
                }
                s.push_str(&inner);
            }
        }
    }

    fn fresh(&mut self) -> usize {
        self.label += 1;
        self.label
    }
}
