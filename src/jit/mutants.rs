//! Planted bugs, to prove that the referee finds what it is for: compiled in only with the
//! cargo feature `mutants`, one chosen at run time by `LOCKSTEP_MUTANT=NAME`. Without the
//! feature [`active`] is `false` and the code generator is what it always is.
//!
//! The fuzzer's hunt (fuzz/mutants.sh) takes on every one: the cases make vectors and
//! second memories, and a report runs a vector instruction alone as it runs a scalar one.
//! The official suites under the referee catch each as well (`LOCKSTEP_MUTANT=NAME lockstep
//! wast --spec 2.0 --engine lockstep ../shared/testsuite/wasm-2.0/simd`, of 25,988
//! assertions; the 3.0 multi-memory folder for `mem1_bound_of_mem0`):
//!
//! | mutant | failed | first failure | rule named |
//! |---|--:|---|---|
//! | `shuffle_lane_order` | 12 | simd_lane.wast:357 | `Step_pure/vshuffle` |
//! | `q15mulr_wraps` | 1 | simd_i16x8_q15mulr_sat_s.wast:64 | `Step_pure/vbinop-val` |
//! | `fmin_minps` | 83 | simd_f32x4.wast:65 | `Step_pure/vbinop-val` |
//! | `trunc_sat_u_zero_bound` | 4 | simd_i32x4_trunc_sat_f64x2.wast:150 | `Step_pure/vcvtop` |
//! | `mem1_bound_of_mem0` | 119 of 912 | address0.wast:105 | a load's or store's rule |
//!
//! The engine keeps guard regions under a bounds mutant (`Jit::guard_memories`): an access
//! its wrong bound lets through faults there and traps, rather than running into the next
//! mapping and killing the process, which the referee could not report on.

/// A planted bug, the rule it breaks, and the name `LOCKSTEP_MUTANT` gives it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mutant {
    /// `i32.rem_s`/`i64.rem_s` take the divisor's sign (a floored modulo), not the
    /// dividend's as `irem_s` does.
    RemSSign,
    /// The explicit bounds check counts one byte too many: the last bytes of memory trap.
    BoundsOffByOne,
    /// `br_table` with an index past the table takes its last label, not the default.
    BrTableDefault,
    /// `f32.min` is x86's `minss` alone: NaNs and the signs of zeros ignored.
    FminMinss,
    /// `i64.shr_u` masks its count with 31.
    ShrUMask31,
    /// `call_indirect` calls without checking the function's type.
    CallIndirectNoTypeCheck,
    /// `i8x16.shuffle` with lanes from both operands takes the second operand's bytes in
    /// reverse order (byte `15 - k` for index `16 + k`).
    ShuffleLaneOrder,
    /// `i16x8.q15mulr_sat_s` is `pmulhrsw` alone: `-32768 * -32768` wraps to `-32768`
    /// instead of saturating to `32767`.
    Q15mulrWraps,
    /// `f32x4.min` is `minps` alone: NaNs and the signs of zeros ignored.
    FminMinps,
    /// `i32x4.trunc_sat_f64x2_u_zero` clamps at `2^32` instead of `2^32 - 1`: from `2^32`
    /// on, a lane wraps to 0 instead of saturating.
    TruncSatUZeroBound,
    /// An access to memory 1 is checked against memory 0's size (and made in memory 1):
    /// where memory 1 is the larger, an access between the two ends traps that should not
    /// (where it is the smaller, one past its end faults in its unopened pages, and traps
    /// as it should).
    Mem1BoundOfMem0,
}

/// The rules of a memory access, any of which a bounds bug's report may lead with: a scalar or
/// vector load or store, in bounds or not.
const ACCESS: &[&str] = &[
    "Step_read/load-num-val",
    "Step_read/load-pack-val",
    "Step/store-num-val",
    "Step/store-pack-val",
    "Step_read/load-num-oob",
    "Step_read/load-pack-oob",
    "Step/store-num-oob",
    "Step/store-pack-oob",
    "Step_read/vload-val",
    "Step_read/vload-pack-val",
    "Step_read/vload-splat-val",
    "Step_read/vload-zero-val",
    "Step_read/vload_lane-val",
    "Step/vstore-val",
    "Step/vstore_lane-val",
    "Step_read/vload-oob",
    "Step_read/vload-pack-oob",
    "Step_read/vload-splat-oob",
    "Step_read/vload-zero-oob",
    "Step_read/vload_lane-oob",
    "Step/vstore-oob",
    "Step/vstore_lane-oob",
];

/// Every mutant: its name, and the rules a report on it must name (any of them).
pub const ALL: [(&str, Mutant, &[&str]); 11] = [
    ("rem_s_sign", Mutant::RemSSign, &["Step_pure/binop-val"]),
    ("bounds_off_by_one", Mutant::BoundsOffByOne, ACCESS),
    ("br_table_default", Mutant::BrTableDefault, &["Step_pure/br_table-ge"]),
    ("fmin_minss", Mutant::FminMinss, &["Step_pure/binop-val"]),
    ("shr_u_mask31", Mutant::ShrUMask31, &["Step_pure/binop-val"]),
    ("call_indirect_no_type_check", Mutant::CallIndirectNoTypeCheck, &["Step_read/ref.cast-fail"]),
    ("shuffle_lane_order", Mutant::ShuffleLaneOrder, &["Step_pure/vshuffle"]),
    ("q15mulr_wraps", Mutant::Q15mulrWraps, &["Step_pure/vbinop-val"]),
    ("fmin_minps", Mutant::FminMinps, &["Step_pure/vbinop-val"]),
    ("trunc_sat_u_zero_bound", Mutant::TruncSatUZeroBound, &["Step_pure/vcvtop"]),
    ("mem1_bound_of_mem0", Mutant::Mem1BoundOfMem0, ACCESS),
];

/// Whether `m` is the mutant `LOCKSTEP_MUTANT` names.
#[cfg(feature = "mutants")]
pub fn active(m: Mutant) -> bool {
    static ACTIVE: std::sync::OnceLock<Option<Mutant>> = std::sync::OnceLock::new();
    *ACTIVE.get_or_init(|| {
        let name = std::env::var("LOCKSTEP_MUTANT").ok()?;
        ALL.iter().find(|(n, ..)| *n == name).map(|(_, m, _)| *m)
    }) == Some(m)
}

#[cfg(not(feature = "mutants"))]
#[inline(always)]
pub fn active(_: Mutant) -> bool {
    false
}
