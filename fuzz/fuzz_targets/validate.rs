//! wasm-smith modules of all of Wasm 3.0 that lockstep validates: lockstep's verdict and
//! wasmparser's agree (see lockstep_fuzz::compare). With `allow_invalid_funcs`, chosen by the
//! input's last byte, wasm-smith also writes function bodies of raw input bytes, so that the
//! invalid side is reached too. (The last byte, not the first: the seeds are .wasm files, whose
//! first byte is always 0; their last bytes vary.)

#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

fn config(allow_invalid_funcs: bool) -> wasm_smith::Config {
    wasm_smith::Config {
        // All of Wasm 3.0 (lockstep::valid::CHECKED). Function references come with GC in
        // wasm-smith.
        simd_enabled: true,
        relaxed_simd_enabled: true,
        gc_enabled: true,
        exceptions_enabled: true,
        tail_call_enabled: true,
        memory64_enabled: true,
        extended_const_enabled: true,
        max_memories: 4,
        max_tables: 4,
        // Imports validate like definitions; the differential config leaves them out only
        // because it has nothing to link.
        max_imports: 10,
        max_memory32_bytes: wasm_smith::Config::default().max_memory32_bytes,
        max_table_elements: 10_000,
        allow_invalid_funcs,
        // Beyond 3.0, off.
        threads_enabled: false,
        wide_arithmetic_enabled: false,
        custom_page_sizes_enabled: false,
        shared_everything_threads_enabled: false,
        compact_imports_enabled: false,
        max_funcs: 20,
        max_instructions: 200,
        export_everything: true,
        ..wasm_smith::Config::default()
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&last, rest)) = data.split_last() else { return };
    let mut u = Unstructured::new(rest);
    let Ok(module) = wasm_smith::Module::new(config(last & 1 == 1), &mut u) else { return };
    lockstep_fuzz::compare(&module.to_bytes());
});
