//! The referee on generated cases (wasm-smith modules and probes): the reference interpreter
//! and the compiler run the same case (src/lockstep/case/), and any divergence is a crash.
//! `lockstep report ARTIFACT` replays an artifact the same way.
//!
//! Three mutations in four change the arguments' bytes alone (the custom mutator below), and
//! such a case reuses the last one's module (`Cases`) and its compiled code: making a
//! module is most of a case's time, so the module's behaviour on new arguments costs a
//! fraction of a new module's.

#![no_main]

use libfuzzer_sys::{fuzz_mutator, fuzz_target, fuzzer_mutate};
use lockstep::lockstep::case::{Cases, argument_bytes};
use lockstep::lockstep::differential::differential;
use std::cell::RefCell;

thread_local! {
    static CASES: RefCell<Cases> = RefCell::default();
}

fuzz_target!(|data: &[u8]| {
    if let Some(case) = CASES.with_borrow_mut(|cases| cases.case(data))
        && let Some(finding) = differential(&case)
    {
        panic!("divergence: {finding}");
    }
});

// Three mutations in four are libFuzzer's own within the arguments' bytes, the input's length
// kept (it places them); the fourth is libFuzzer's own on the whole input.
fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    let args = argument_bytes(size);
    if seed % 4 != 0 && !args.is_empty() {
        let n = args.len();
        fuzzer_mutate(&mut data[args], n, n);
        return size;
    }
    fuzzer_mutate(data, size, max_size)
});
