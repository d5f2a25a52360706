//! Planted bugs, to prove that the referee finds what it is for: compiled in only with the
//! cargo feature `mutants`, one chosen at run time by `LOCKSTEP_MUTANT=NAME`. Without the
//! feature [`active`] is `false` and the code generator is what it always is.

/// A planted bug, the rule it breaks, and the name `LOCKSTEP_MUTANT` gives it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mutant {
    /// `i32.rem_s`/`i64.rem_s` of the minimum by -1 traps, as `div_s` does; `irem_s` is 0.
    RemSTraps,
    /// The explicit bounds check counts one byte too many: the last bytes of memory trap.
    BoundsOffByOne,
    /// `br_table` with an index equal to the table's length takes the last label, not the
    /// default.
    BrTableDefault,
    /// `f32.min` of two zeros takes the second, whatever the signs.
    FminZeroSign,
    /// `i64.shr_u` masks its count with 31.
    ShrUMask31,
    /// `call_indirect` calls without checking the function's type.
    CallIndirectNoTypeCheck,
}

/// Every mutant: its name, and the rules a report on it must name (any of them).
pub const ALL: [(&str, Mutant, &[&str]); 6] = [
    ("rem_s_traps", Mutant::RemSTraps, &["Step_pure/binop-val"]),
    ("bounds_off_by_one", Mutant::BoundsOffByOne, &["Step_read/load-num-val", "Step_read/load-pack-val", "Step/store-num-val", "Step/store-pack-val", "Step_read/load-num-oob", "Step_read/load-pack-oob", "Step/store-num-oob", "Step/store-pack-oob"]),
    ("br_table_default", Mutant::BrTableDefault, &["Step_pure/br_table-ge"]),
    ("fmin_zero_sign", Mutant::FminZeroSign, &["Step_pure/binop-val"]),
    ("shr_u_mask31", Mutant::ShrUMask31, &["Step_pure/binop-val"]),
    ("call_indirect_no_type_check", Mutant::CallIndirectNoTypeCheck, &["Step_read/ref.cast-fail"]),
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
