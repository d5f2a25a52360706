//! The kernels of the compiler's benchmark (benches/jit.rs) and of its test
//! (tests/jit_kernels.rs): hand-written WAT, each exporting a function of an i32 size that
//! returns an i32 or i64 checksum.

use std::path::PathBuf;

pub struct Kernel {
    /// The name in tables.
    pub name: &'static str,
    /// The WAT file, from the crate's root.
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
];

/// The kernel's module, in the binary format.
pub fn wasm(k: &Kernel) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(k.file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    wat(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// WAT text in the binary format.
pub fn wat(text: &str) -> Result<Vec<u8>, wast::Error> {
    let buf = wast::parser::ParseBuffer::new(text)?;
    wast::parser::parse::<wast::Wat>(&buf)?.encode()
}
