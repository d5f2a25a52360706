//! The wasm-smith configuration of a differential case: what both engines run, and the
//! swarm byte that switches kinds of instructions on or off.

/// What wasm-smith may generate: Wasm 2.0, its vectors where `vectors` says (and then 3.0's
/// relaxed ones), and of 3.0 up to two memories (each access bounded by its own) of at most
/// 16 pages each; small tables, no imports (nothing to link), no start function, everything
/// exported; each case at least two functions and an element segment, and few entities of
/// other kinds, so that most of its bytes go to code.
///
/// Swarm testing: the `swarm` byte switches instruction kinds (floats, parametric, control,
/// memory, table and reference instructions) on or off, and wasm-smith's guards against
/// traps, so that some cases are dense in one kind of operator and run to their end. Its
/// last bit fills the first table (`surgery.rs`).
pub fn smith_config(swarm: u8, vectors: bool) -> wasm_smith::Config {
    use wasm_smith::InstructionKind as K;
    let switched = [K::Numeric, K::Parametric, K::Control, K::Memory, K::Table, K::Reference];
    let on = |bit: usize| swarm & (1 << bit) != 0;
    let mut kinds = vec![K::NumericInt, K::Variable];
    if vectors {
        kinds.push(K::Vector);
    }
    kinds.extend(switched.iter().enumerate().filter(|(bit, _)| on(*bit)).map(|(_, k)| *k));
    wasm_smith::Config {
        allowed_instructions: wasm_smith::InstructionKinds::new(&kinds),
        disallow_traps: on(switched.len()),
        simd_enabled: vectors,
        relaxed_simd_enabled: vectors,
        gc_enabled: false,
        exceptions_enabled: false,
        tail_call_enabled: false,
        memory64_enabled: false,
        threads_enabled: false,
        wide_arithmetic_enabled: false,
        extended_const_enabled: false,
        custom_page_sizes_enabled: false,
        shared_everything_threads_enabled: false,
        compact_imports_enabled: false,
        bulk_memory_enabled: true,
        reference_types_enabled: true,
        multi_value_enabled: true,
        saturating_float_to_int_enabled: true,
        sign_extension_ops_enabled: true,
        max_memories: 2,
        max_tables: 2,
        max_memory32_bytes: 16 << 16,
        max_imports: 0,
        min_funcs: 2,
        max_funcs: 10,
        max_types: 10,
        max_globals: 10,
        min_element_segments: 1,
        max_element_segments: 5,
        max_table_elements: 64,
        max_data_segments: 5,
        max_elements: 20,
        max_instructions: 200,
        export_everything: true,
        // No start function: one runs inside instantiation, where a divergence cannot be
        // traced to a call. Each function is still invoked, as an export.
        allow_start_export: false,
        ..wasm_smith::Config::default()
    }
}
