//! `Store_ok` (appendix, "Soundness"): every instance in the store is valid for its type.

use super::Violation;
use super::values::{ref_ok, val_ok};
use lockstep::exec::runtime::Store;
use lockstep::rules;
use lockstep::syntax::Limits;

/// `Store_ok`, by its premises on globals (`Globalinst_ok`: the value is of the global's
/// type), tables (`Tableinst_ok`: as many elements as the type's size, within its limits,
/// each a reference of its element type) and memories (`Meminst_ok`: whole pages, as many
/// as the type's size, within its limits).
pub fn store_ok(s: &Store) -> Result<(), Violation> {
    for (a, g) in s.globals.iter().enumerate() {
        val_ok(s, g.value, g.ty.val).map_err(|v| within(rules::GLOBALINST_OK, "global", a, v))?;
    }
    for (a, t) in s.tables.iter().enumerate() {
        let n = t.refs.len() as u64;
        if n != t.ty.limits.min || !within_limits(n, &t.ty.limits) {
            let message = format!("table {a} holds {n} elements, its type says {:?}", t.ty.limits);
            return Err(Violation::new(rules::TABLEINST_OK, message));
        }
        for r in &t.refs {
            ref_ok(s, *r, t.ty.elem).map_err(|v| within(rules::TABLEINST_OK, "table", a, v))?;
        }
    }
    for (a, mem) in s.mems.iter().enumerate() {
        let bytes = mem.bytes.len() as u64;
        let pages = bytes / (1 << 16);
        if !bytes.is_multiple_of(1 << 16)
            || pages != mem.ty.limits.min
            || !within_limits(pages, &mem.ty.limits)
        {
            let message = format!("memory {a} holds {bytes} bytes, its type says {:?} pages", mem.ty.limits);
            return Err(Violation::new(rules::MEMINST_OK, message));
        }
    }
    Ok(())
}

fn within_limits(n: u64, l: &Limits) -> bool {
    n >= l.min && l.max.is_none_or(|max| n <= max)
}

/// A premise of `judgment` on the instance at `a` failed with `v`.
fn within(judgment: lockstep::rules::Rule, what: &str, a: usize, v: Violation) -> Violation {
    Violation::new(judgment, format!("{what} {a}: {} ({})", v.message, v.judgment))
}
