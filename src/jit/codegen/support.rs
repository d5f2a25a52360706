//! What the compiler does not do (yet): the module-level check made before any code is
//! emitted, and the feature named when a function holds an instruction it does not compile.
//! Both are refusals, `unsupported by the compiler: FEATURE`, which a run counts as skipped.

use super::Unsupported;
use crate::syntax::*;

/// What the compiler does not do, found before any code is emitted.
pub(super) fn check_module(m: &Module) -> Result<(), Unsupported> {
    if m.mems.len() + m.imported_mems().count() > 1 {
        return Err(Unsupported("multi-memory"));
    }
    if m.mems.iter().map(|x| x.ty).chain(m.imported_mems()).any(|t| t.addr == AddrType::I64)
        || m.tables.iter().map(|x| x.ty).chain(m.imported_tables()).any(|t| t.addr == AddrType::I64)
    {
        return Err(Unsupported("memory64"));
    }
    if !m.tags.is_empty() || m.imported_tags().count() > 0 {
        return Err(Unsupported("exceptions"));
    }
    for rec in &m.types {
        for st in rec.0.iter() {
            match &st.comp {
                CompType::Func(_) if rec.0.len() == 1 && st.is_final && st.supertypes.is_empty() => {}
                _ => return Err(Unsupported("gc")),
            }
        }
    }
    Ok(())
}

pub(super) fn feature_of(instr: &Instr) -> &'static str {
    use Instr as I;
    match instr {
        I::ReturnCall(_) | I::ReturnCallRef(_) | I::ReturnCallIndirect(..) => "tail-call",
        I::Throw(_) | I::ThrowRef | I::TryTable(..) => "exceptions",
        I::CallRef(_) | I::BrOnNull(_) | I::BrOnNonNull(_) | I::RefAsNonNull => "function-references",
        i if is_vector(i) => "v128",
        _ => "gc",
    }
}

/// Whether `instr` is a vector instruction (one of the spec's `vectype` instructions, the
/// vector memory instructions included).
pub(super) fn is_vector(instr: &Instr) -> bool {
    use Instr as I;
    matches!(
        instr,
        I::VLoad(..)
            | I::VLoadLane(..)
            | I::VStore(..)
            | I::VStoreLane(..)
            | I::VConst(_)
            | I::VVunop(_)
            | I::VVbinop(_)
            | I::VVternop(_)
            | I::VVtestop(_)
            | I::VUnop(..)
            | I::VBinop(..)
            | I::VTernop(..)
            | I::VTestop(..)
            | I::VRelop(..)
            | I::VShiftop(..)
            | I::VBitmask(_)
            | I::VSwizzlop(_)
            | I::VShuffle(_)
            | I::VExtunop(..)
            | I::VExtbinop(..)
            | I::VExtternop(..)
            | I::VNarrow(..)
            | I::VCvtop(..)
            | I::VSplat(_)
            | I::VExtractLane(..)
            | I::VReplaceLane(..)
    )
}
