//! Arbitrary bytes: lockstep's decoder never panics, and what lockstep decodes and validates
//! as Wasm 3.0 wasmparser validates too, and the converse (see lockstep_fuzz::compare).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    lockstep_fuzz::compare(data);
});
