//! The differential fuzz target's work without libFuzzer: cases made from pseudo-random
//! inputs of several lengths (as fuzz/seed.sh makes its seeds), each generated
//! (`case::case`: wasm-smith or a probe, decode, validate, arguments) and run through the
//! referee (`differential::differential`). Prints, per input length, the mean module size
//! and the time per case in each half: `cargo bench --bench referee`. libFuzzer's
//! instrumentation and bookkeeping come on top (BENCHMARKS.md gives both).
//!
//! `cargo bench --bench referee -- DIR` does the same for the inputs in DIR (a fuzz
//! corpus, `fuzz/corpus/differential`): the sizes of the cases libFuzzer runs.

use lockstep::lockstep::case::{self, rng::xorshift_bytes};
use lockstep::lockstep::differential::differential;
use std::time::{Duration, Instant};

const CASES: usize = 3000;

fn main() {
    println!("| input bytes | cases | mean module bytes | generate (us) | referee (us) | cases/s |");
    println!("|---|---|---|---|---|---|");
    // cargo bench passes `--bench`; a folder given after `--` is a corpus.
    if let Some(dir) = std::env::args().skip(1).find(|a| !a.starts_with('-')) {
        let mut inputs: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|e| std::fs::read(e.expect("a corpus entry").path()).expect("a corpus input"))
            .collect();
        inputs.sort();
        let mean = inputs.iter().map(Vec::len).sum::<usize>() / inputs.len().max(1);
        row(&format!("{dir} (mean {mean})"), inputs);
        return;
    }
    let mut x = 0x2545_f491_4f6c_dd1du64;
    for len in [1024, 2048, 4096] {
        row(&len.to_string(), (0..CASES).map(|_| xorshift_bytes(&mut x, len)).collect());
    }
}

/// Make and referee a case of each input, and print the row of the table.
fn row(label: &str, inputs: Vec<Vec<u8>>) {
    let (mut generate, mut referee) = (Duration::ZERO, Duration::ZERO);
    let (mut cases, mut bytes) = (0, 0);
    for input in inputs {
        let t = Instant::now();
        let Some(case) = case::case(&input) else { continue };
        generate += t.elapsed();
        let t = Instant::now();
        if let Some(finding) = differential(&case) {
            panic!("divergence: {finding}");
        }
        referee += t.elapsed();
        cases += 1;
        bytes += case.wasm.len();
    }
    let us = |d: Duration| d.as_secs_f64() * 1e6 / cases as f64;
    println!(
        "| {label} | {cases} | {} | {:.0} | {:.0} | {:.0} |",
        bytes / cases,
        us(generate),
        us(referee),
        cases as f64 / (generate + referee).as_secs_f64()
    );
}
