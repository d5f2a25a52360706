//! The differential fuzz target's work without libFuzzer: cases made from pseudo-random
//! inputs of several lengths (as fuzz/seed.sh makes its seeds), each generated
//! (`case::case`: wasm-smith or a probe, decode, validate, arguments) and run through the
//! referee (`differential::differential`). Prints, per input length, the mean module size
//! and the time per case in each half: `cargo bench --bench referee`; then the time of a case
//! that only changes the arguments (its argument bytes flipped), as the fuzz target's
//! mutator makes three in four, which reuses the module and its compiled code
//! (`case::Cases`). libFuzzer's instrumentation and bookkeeping come on top (BENCHMARKS.md
//! gives both).
//!
//! `cargo bench --bench referee -- DIR` does the same for the inputs in DIR (a fuzz
//! corpus, `fuzz/corpus/differential`): the sizes of the cases libFuzzer runs.

use lockstep::lockstep::case::{self, rng::xorshift_bytes};
use lockstep::lockstep::differential::differential;
use std::time::{Duration, Instant};

const CASES: usize = 3000;

fn main() {
    println!(
        "| input bytes | cases | mean module bytes | generate (us) | referee (us) | cases/s \
         | new arguments: case and referee (us) | cases/s |"
    );
    println!("|---|---|---|---|---|---|---|---|");
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

/// Make and referee a case of each input, then the case of its argument bytes flipped, and
/// print the row of the table.
fn row(label: &str, inputs: Vec<Vec<u8>>) {
    let (mut generate, mut referee, mut again) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let (mut cases, mut bytes) = (0, 0);
    for input in inputs {
        // A new one for each input: its first case is made, never reused.
        let mut reusing = case::Cases::default();
        let t = Instant::now();
        let Some(case) = reusing.case(&input) else { continue };
        generate += t.elapsed();
        let t = Instant::now();
        if let Some(finding) = differential(&case) {
            panic!("divergence: {finding}");
        }
        referee += t.elapsed();
        cases += 1;
        bytes += case.wasm.len();
        let mut flipped = input.clone();
        flipped[case::argument_bytes(input.len())].iter_mut().for_each(|b| *b ^= 0xa5);
        let t = Instant::now();
        let case = reusing.case(&flipped).expect("the same module, other arguments");
        if let Some(finding) = differential(&case) {
            panic!("divergence: {finding}");
        }
        again += t.elapsed();
    }
    let us = |d: Duration| d.as_secs_f64() * 1e6 / cases as f64;
    println!(
        "| {label} | {cases} | {} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} |",
        bytes / cases,
        us(generate),
        us(referee),
        cases as f64 / (generate + referee).as_secs_f64(),
        us(again),
        cases as f64 / again.as_secs_f64(),
    );
}
