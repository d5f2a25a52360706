//! The kernels of the compiler's benchmark (benches/jit.rs) and of its test
//! (tests/jit_kernels.rs): hand-written WAT, and C compiled by clang at -O2 (benches/c/),
//! each exporting a function of an i32 size that returns an i32 or i64 checksum.

use std::path::PathBuf;
use std::process::Command;

pub struct Kernel {
    /// The name in tables.
    pub name: &'static str,
    /// The WAT or C file, from the crate's root.
    pub file: &'static str,
    pub export: &'static str,
    /// The size benchmarked: about 0.1-1 s in V8.
    pub n: i32,
    /// The size checked against the reference interpreter: well under a second there.
    pub small: i32,
    /// What the kernel exercises.
    pub what: &'static str,
}

pub const KERNELS: &[Kernel] = &[
    Kernel {
        name: "fib",
        file: "benches/kernels/fib.wat",
        export: "fib",
        n: 35,
        small: 18,
        what: "recursion: two calls a step",
    },
    Kernel {
        name: "loop",
        file: "benches/kernels/loop.wat",
        export: "loop",
        n: 300_000_000,
        small: 100_000,
        what: "a tight i32 loop",
    },
    Kernel {
        name: "collatz",
        file: "benches/jit/collatz.wat",
        export: "collatz",
        n: 1_000_000,
        small: 300,
        what: "nested i64 loops, select",
    },
    Kernel {
        name: "calls",
        file: "benches/kernels/calls.wat",
        export: "calls",
        n: 30_000_000,
        small: 5_000,
        what: "direct and indirect calls",
    },
    Kernel {
        name: "indirect",
        file: "benches/jit/indirect.wat",
        export: "indirect",
        n: 30_000_000,
        small: 5_000,
        what: "call_indirect over 16 functions",
    },
    Kernel {
        name: "sieve",
        file: "benches/jit/sieve.wat",
        export: "sieve",
        n: 16_000_000,
        small: 20_000,
        what: "8-bit loads and stores, memory.fill",
    },
    Kernel {
        name: "memsum",
        file: "benches/jit/memsum.wat",
        export: "memsum",
        n: 200,
        small: 1,
        what: "copy and checksum of 1 MiB",
    },
    Kernel {
        name: "mandelbrot",
        file: "benches/jit/mandelbrot.wat",
        export: "mandelbrot",
        n: 1000,
        small: 20,
        what: "f64 in registers",
    },
    Kernel {
        name: "nbody",
        file: "benches/jit/nbody.wat",
        export: "nbody",
        n: 1_000_000,
        small: 500,
        what: "f64 in memory, sqrt, div",
    },
    Kernel {
        name: "interp",
        file: "benches/jit/interp.wat",
        export: "interp",
        n: 1_000_000,
        small: 300,
        what: "a 43-way br_table dispatch loop",
    },
    Kernel {
        name: "saxpy",
        file: "benches/jit/saxpy.wat",
        export: "saxpy",
        n: 20_000,
        small: 3,
        what: "f32x4 over memory: loads, mul, add, stores",
    },
    Kernel {
        name: "vmandel",
        file: "benches/jit/vmandel.wat",
        export: "vmandel",
        n: 1200,
        small: 16,
        what: "f32x4 in registers, compare masks, any_true",
    },
    Kernel {
        name: "vbytes",
        file: "benches/jit/vbytes.wat",
        export: "vbytes",
        n: 20_000,
        small: 2,
        what: "i8x16: avgr, saturation, min/max, swizzle, shuffle",
    },
    Kernel {
        name: "vhash",
        file: "benches/jit/vhash.wat",
        export: "vhash",
        n: 30_000_000,
        small: 1000,
        what: "i32x4/i64x2 shifts, i64x2.mul, shuffle",
    },
    Kernel {
        name: "vmatrix",
        file: "benches/jit/vmatrix.wat",
        export: "vmatrix",
        n: 10_000_000,
        small: 1000,
        what: "f32x4 lanes out and spread, v128 calls",
    },
    Kernel {
        name: "vrelaxed",
        file: "benches/jit/vrelaxed.wat",
        export: "vrelaxed",
        n: 10_000,
        small: 3,
        what: "relaxed_madd (FMA), relaxed_min/max, relaxed_dot",
    },
    Kernel {
        name: "c-hash",
        file: "benches/c/hash.c",
        export: "run",
        n: 7000,
        small: 50,
        what: "C: a 64-bit multiply-rotate hash over 64 KiB",
    },
    Kernel {
        name: "c-sieve",
        file: "benches/c/sieve.c",
        export: "run",
        n: 40,
        small: 1,
        what: "C: the sieve of Eratosthenes to 10^6, a byte a number",
    },
    Kernel {
        name: "c-matmul",
        file: "benches/c/matmul.c",
        export: "run",
        n: 1000,
        small: 5,
        what: "C: 64x64 f64 matrix multiply",
    },
    Kernel {
        name: "c-nbody",
        file: "benches/c/nbody.c",
        export: "run",
        n: 3000000,
        small: 10000,
        what: "C: five bodies as f64 structs in memory, sqrt, div",
    },
    Kernel {
        name: "c-lz",
        file: "benches/c/lz.c",
        export: "run",
        n: 300,
        small: 1,
        what: "C: LZ77 compression and decompression of 64 KiB",
    },
    Kernel {
        name: "c-qsort",
        file: "benches/c/qsort.c",
        export: "run",
        n: 20,
        small: 1,
        what: "C: recursive quicksort of 100,000 ints",
    },
    Kernel {
        name: "c-interp",
        file: "benches/c/interp.c",
        export: "run",
        n: 20000,
        small: 100,
        what: "C: a 20-opcode bytecode interpreter (switch as br_table)",
    },
    Kernel {
        name: "c-vtable",
        file: "benches/c/vtable.c",
        export: "run",
        n: 15000,
        small: 300,
        what: "C: calls through tables of function pointers (call_indirect)",
    },
    Kernel {
        name: "c-fib",
        file: "benches/c/fib.c",
        export: "run",
        n: 38,
        small: 24,
        what: "C: recursive Fibonacci and Takeuchi's function",
    },
];

/// The kernel's module, in the binary format; an error where it is C and clang is missing
/// or fails.
pub fn wasm(k: &Kernel) -> Result<Vec<u8>, String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(k.file);
    if k.file.ends_with(".c") {
        return clang(&path, k.name);
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    wat(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The clang that compiles the C kernels: `LOCKSTEP_CLANG`, else `clang` from the PATH. It
/// needs the wasm32 target and `wasm-ld` (Debian: `apt-get install clang lld`).
pub fn clang_command() -> String {
    std::env::var("LOCKSTEP_CLANG").unwrap_or_else(|_| "clang".into())
}

/// Whether the clang of [`clang_command`] runs at all.
pub fn has_clang() -> bool {
    Command::new(clang_command()).arg("--version").output().is_ok_and(|o| o.status.success())
}

/// A C kernel compiled as a freestanding wasm32 module: no libc, no entry point, its
/// `export_name` attributes its exports; bulk memory, so that the loops clang recognizes as
/// `memset` and `memcpy` become `memory.fill` and `memory.copy`.
fn clang(path: &std::path::Path, name: &str) -> Result<Vec<u8>, String> {
    let out = std::env::temp_dir().join(format!("lockstep-kernel-{name}-{}.wasm", std::process::id()));
    let status = Command::new(clang_command())
        .args(["--target=wasm32", "-O2", "-mbulk-memory", "-nostdlib", "-Wl,--no-entry", "-o"])
        .arg(&out)
        .arg(path)
        .status()
        .map_err(|e| format!("{}: running {}: {e}", path.display(), clang_command()))?;
    if !status.success() {
        return Err(format!("{}: {} failed ({status})", path.display(), clang_command()));
    }
    let bytes = std::fs::read(&out).map_err(|e| format!("{}: {e}", out.display()));
    let _ = std::fs::remove_file(&out);
    bytes
}

/// WAT text in the binary format.
pub fn wat(text: &str) -> Result<Vec<u8>, wast::Error> {
    let buf = wast::parser::ParseBuffer::new(text)?;
    wast::parser::parse::<wast::Wat>(&buf)?.encode()
}
