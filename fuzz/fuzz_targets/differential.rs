//! The referee on generated cases (wasm-smith modules and probes): the reference interpreter
//! and the compiler run the same case (src/lockstep/case/), and any divergence is a crash.
//! `lockstep report ARTIFACT` replays an artifact the same way.

#![no_main]

use libfuzzer_sys::fuzz_target;
use lockstep::lockstep::{case::case, differential::differential};

fuzz_target!(|data: &[u8]| {
    if let Some(case) = case(data)
        && let Some(finding) = differential(&case)
    {
        panic!("divergence: {finding}");
    }
});
