// The V8 side of benches/jit.rs: compile a module, instantiate it, run an export, time both.
//
//   node [flags] benches/jit/run.mjs FILE.wasm EXPORT N [REPS]
//   node [flags] benches/jit/run.mjs FILE.wasm - 0        (compile only)
//
// Prints one JSON line:
//   {"compile_ms":..,"run_ms":..,"result":"..","compile_cpu_ms":..,"run_cpu_ms":..,"runs_ms":[..]}
// compile_ms is `new WebAssembly.Module(bytes)`: decode, validate and compile, synchronous;
// with --no-wasm-lazy-compilation V8 compiles every function there, not at its first call.
// run_ms is the fastest of REPS (default 1) timed calls of EXPORT(N), after one untimed
// warm-up call. The *_cpu_ms are the same spans in CPU time of the process (user + system,
// all threads: process.cpuUsage), for a shared machine. The result is a string: an i64
// comes back as a BigInt.
// Engines: `node --liftoff-only --no-wasm-lazy-compilation` (Liftoff alone; plain
// `--liftoff --no-wasm-tier-up` still tiers up), `node --no-liftoff --no-wasm-lazy-compilation`
// (TurboFan alone).
import { readFileSync } from "node:fs";

const [file, exportName, nArg, repsArg] = process.argv.slice(2);
if (!file || !exportName) {
  console.error("usage: node [flags] run.mjs FILE.wasm EXPORT|- N [REPS]");
  process.exit(2);
}
const bytes = readFileSync(file);
const n = Number(nArg ?? 0) | 0;
const reps = Math.max(1, Number(repsArg ?? 1) | 0);

const cpu = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e3;
};

// Let node's start-up work on its other threads settle: the CPU times count every thread.
await new Promise((resolve) => setTimeout(resolve, 50));

let c0 = process.cpuUsage();
const t0 = performance.now();
const module = new WebAssembly.Module(bytes);
const compile_ms = performance.now() - t0;
const compile_cpu_ms = cpu(c0);

if (exportName === "-") {
  console.log(JSON.stringify({ compile_ms, run_ms: null, result: null, compile_cpu_ms, run_cpu_ms: null }));
} else {
  const instance = new WebAssembly.Instance(module, {});
  const f = instance.exports[exportName];
  if (typeof f !== "function") {
    console.error(`no exported function ${exportName}`);
    process.exit(2);
  }
  const result = String(f(n)); // the warm-up: page faults, caches, the call path
  const runs_ms = [];
  let run_cpu_ms = Infinity;
  for (let i = 0; i < reps; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    const r = f(n);
    runs_ms.push(performance.now() - t);
    run_cpu_ms = Math.min(run_cpu_ms, cpu(c));
    if (String(r) !== result) {
      console.error(`run ${i} returned ${r}, the warm-up ${result}`);
      process.exit(1);
    }
  }
  const run_ms = Math.min(...runs_ms);
  console.log(JSON.stringify({ compile_ms, run_ms, result, compile_cpu_ms, run_cpu_ms, runs_ms }));
}
