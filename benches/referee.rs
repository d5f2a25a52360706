//! The differential fuzz target's work without libFuzzer: cases made from pseudo-random
//! inputs of several lengths (as fuzz/seed.sh makes its seeds), each generated
//! (`case::case`: wasm-smith or a probe, decode, validate, arguments) and run through the
//! referee (`differential::differential`). Prints, per input length, the mean module size
//! and the time per case in each half: `cargo bench --bench referee`. libFuzzer's
//! instrumentation and bookkeeping come on top (BENCHMARKS.md gives both).

use lockstep::lockstep::case::{self, rng::xorshift_bytes};
use lockstep::lockstep::differential::differential;
use std::time::{Duration, Instant};

const CASES: usize = 3000;

fn main() {
    println!("| input bytes | cases | mean module bytes | generate (us) | referee (us) | cases/s |");
    println!("|---|---|---|---|---|---|");
    let mut x = 0x2545_f491_4f6c_dd1du64;
    for len in [1024, 2048, 4096] {
        let (mut generate, mut referee) = (Duration::ZERO, Duration::ZERO);
        let (mut cases, mut bytes) = (0, 0);
        for _ in 0..CASES {
            let input = xorshift_bytes(&mut x, len);
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
            "| {len} | {cases} | {} | {:.0} | {:.0} | {:.0} |",
            bytes / cases,
            us(generate),
            us(referee),
            cases as f64 / (generate + referee).as_secs_f64()
        );
    }
}
