//! Types (spec 3.2, SpecTec `2.1-validation.types`): which types are valid in a context.

use super::matching::{comptype_sub, supertypes};
use super::{Context, Error, Result, feature};
use crate::rules::{self, Rule};
use crate::syntax::{AbsHeapType, AddrType, BlockType, CompType, ExternType, Feature, FieldType, FuncType};
use crate::syntax::{GlobalType, HeapType, Limits, MemType, RecType, RefType, StorageType, SubType};
use crate::syntax::{TableType, TagType, TypeIdx, ValType};

/// `Valtype_ok`: number and vector types are always valid, reference types by `Reftype_ok`.
pub fn valtype_ok(c: &Context, t: ValType) -> Result {
    match t {
        ValType::Ref(rt) => reftype_ok(c, rt),
        // Valtype_ok/bot admits `bot` for the algorithm's sake; no source type is `bot`.
        ValType::Bot => Err(Error::new(rules::VALTYPE_OK__BOT, "malformed value type: bot")),
        _ => Ok(()),
    }
}

/// `Defaultable`: whether `$default_(t)` is defined, that is, `t` is not a non-null reference.
pub fn defaultable(t: ValType) -> bool {
    !matches!(t, ValType::Ref(RefType { nullable: false, .. }))
}

/// `Resulttype_ok`: every type is valid.
pub fn resulttype_ok(c: &Context, ts: &[ValType]) -> Result {
    ts.iter().try_for_each(|&t| valtype_ok(c, t))
}

/// `Reftype_ok`: the heap type is valid. Non-nullable references are 3.0's.
pub fn reftype_ok(c: &Context, rt: RefType) -> Result {
    if !rt.nullable {
        feature(c.spec, rules::REFTYPE_OK, Feature::FunctionReferences)?;
    }
    heaptype_ok(c, rt.heap)
}

/// `Heaptype_ok/abs`, `Heaptype_ok/typeuse`: 2.0 knows only `func` and `extern`; 3.0 adds
/// `exn`, GC's hierarchy of `any`, the bottom types, and defined types.
pub fn heaptype_ok(c: &Context, ht: HeapType) -> Result {
    use AbsHeapType::*;
    match ht {
        HeapType::Abs(Func | Extern) => Ok(()),
        HeapType::Abs(Exn | NoExn) => feature(c.spec, rules::HEAPTYPE_OK__ABS, Feature::Exceptions),
        HeapType::Abs(Bot) => Err(Error::new(rules::HEAPTYPE_OK__BOT, "malformed heap type: bot")),
        HeapType::Abs(_) => feature(c.spec, rules::HEAPTYPE_OK__ABS, Feature::Gc),
        HeapType::Idx(x) => {
            feature(c.spec, rules::HEAPTYPE_OK__TYPEUSE, Feature::FunctionReferences)?;
            c.ty(rules::TYPEUSE_OK__TYPEIDX, x).map(drop)
        }
    }
}

/// `Type_ok`, `Rectype_ok`: each subtype of the group defined at `C.TYPES[x..]` is valid.
/// A group of one final function type without supertypes is 2.0's function type; anything
/// else is GC's.
pub fn rectype_ok(c: &Context, rt: &RecType, x: TypeIdx) -> Result {
    let plain =
        |st: &SubType| st.is_final && st.supertypes.is_empty() && matches!(st.comp, CompType::Func(_));
    if !matches!(&*rt.0, [st] if plain(st)) {
        feature(c.spec, rules::RECTYPE_OK__CONS, Feature::Gc)?;
    }
    (x..).zip(&rt.0).try_for_each(|(x, st)| subtype_ok(c, st, x))
}

/// The longest chain of declared supertypes a type may have: an implementation limit (spec
/// appendix *Implementation Limitations*, as other engines have it), so that matching a
/// defined type against another costs a bounded walk up its chain.
pub const MAX_SUBTYPE_DEPTH: usize = 63;

/// `Subtype_ok`: the subtype `x` has at most one supertype, defined before it and not
/// final, and its composite type is valid and matches the supertype's (`Comptype_sub`).
pub fn subtype_ok(c: &Context, st: &SubType, x: TypeIdx) -> Result {
    let rule = rules::SUBTYPE_OK;
    if st.supertypes.len() > 1 {
        return Err(Error::new(rule, format!("sub type {x} has more than one super type")));
    }
    let mut sups = Vec::new();
    for &y in &st.supertypes {
        let sup = c.ty(rule, y)?;
        if y >= x {
            return Err(Error::new(rule, format!("forward use of type {y} in sub type definition")));
        }
        if sup.is_final {
            return Err(Error::new(rule, format!("sub type {x} has final super type {y}")));
        }
        if supertypes(c, y).nth(MAX_SUBTYPE_DEPTH).is_some() {
            let msg = format!("implementation limit: sub type {x} is more than {MAX_SUBTYPE_DEPTH} deep");
            return Err(Error::new(rule, msg));
        }
        sups.push((y, sup));
    }
    comptype_ok(c, &st.comp)?;
    match sups.iter().find(|(_, sup)| !comptype_sub(c, &st.comp, &sup.comp)) {
        Some((y, _)) => Err(Error::new(rule, format!("sub type {x} does not match super type {y}"))),
        None => Ok(()),
    }
}

/// `Comptype_ok/struct`, `/array`, `/func`: the field, parameter and result types are valid.
pub fn comptype_ok(c: &Context, ct: &CompType) -> Result {
    match ct {
        CompType::Struct(fts) => fts.iter().try_for_each(|&ft| fieldtype_ok(c, ft)),
        CompType::Array(ft) => fieldtype_ok(c, *ft),
        CompType::Func(ft) => functype_ok(c, ft),
    }
}

/// `Fieldtype_ok`, `Storagetype_ok/val`, `Storagetype_ok/pack`.
pub fn fieldtype_ok(c: &Context, ft: FieldType) -> Result {
    match ft.storage {
        StorageType::Val(t) => valtype_ok(c, t),
        StorageType::Pack(_) => Ok(()),
    }
}

/// `Comptype_ok/func`: parameter and result types are valid.
fn functype_ok(c: &Context, ft: &FuncType) -> Result {
    resulttype_ok(c, &ft.params)?;
    resulttype_ok(c, &ft.results)
}

/// `Blocktype_ok/valtype`, `Blocktype_ok/typeidx`: the instruction type of a block.
pub fn blocktype_ok<'m>(c: &Context<'m>, bt: &'m BlockType) -> Result<(&'m [ValType], &'m [ValType])> {
    match bt {
        BlockType::Result(None) => Ok((&[], &[])),
        BlockType::Result(Some(t)) => {
            valtype_ok(c, *t)?;
            Ok((&[], std::slice::from_ref(t)))
        }
        BlockType::Idx(x) => {
            let ft = c.func_type(rules::BLOCKTYPE_OK__TYPEIDX, *x)?;
            Ok((&ft.params, &ft.results))
        }
    }
}

/// `Limits_ok`: `n <= k` and `n <= m <= k`; `too_large` says what `k` bounds.
pub fn limits_ok(rule: Rule, lim: Limits, k: u64, too_large: &str) -> Result {
    if lim.min > k || lim.max.is_some_and(|m| m > k) {
        return Err(Error::new(rule, too_large));
    }
    match lim.max {
        Some(m) if lim.min > m => Err(Error::new(rule, "size minimum must not be greater than maximum")),
        _ => Ok(()),
    }
}

/// `Memtype_ok`: at most `2^16` pages for `i32`, `2^48` for `i64` addresses.
pub fn memtype_ok(c: &Context, mt: MemType) -> Result {
    let rule = rules::MEMTYPE_OK;
    match mt.addr {
        AddrType::I32 => {
            limits_ok(rule, mt.limits, 1 << 16, "memory size must be at most 65536 pages (4GiB)")
        }
        AddrType::I64 => {
            feature(c.spec, rule, Feature::Memory64)?;
            limits_ok(rule, mt.limits, 1 << 48, "memory size must be at most 2^48 pages (256TiB)")
        }
    }
}

/// `Tabletype_ok`: at most `2^32 - 1` elements for `i32`, `2^64 - 1` for `i64` addresses.
pub fn tabletype_ok(c: &Context, tt: TableType) -> Result {
    let rule = rules::TABLETYPE_OK;
    match tt.addr {
        AddrType::I32 => limits_ok(rule, tt.limits, u32::MAX.into(), "table size must be at most 2^32-1")?,
        AddrType::I64 => {
            feature(c.spec, rule, Feature::Memory64)?;
            limits_ok(rule, tt.limits, u64::MAX, "table size must be at most 2^64-1")?
        }
    }
    reftype_ok(c, tt.elem)
}

/// `Globaltype_ok`: the value type is valid.
pub fn globaltype_ok(c: &Context, gt: GlobalType) -> Result {
    valtype_ok(c, gt.val)
}

/// `Externtype_ok`: what an import asks for is valid.
pub fn externtype_ok(c: &Context, xt: ExternType) -> Result {
    match xt {
        // Externtype_ok/func
        ExternType::Func(x) => c.func_type(rules::EXTERNTYPE_OK__FUNC, x).map(drop),
        ExternType::Table(tt) => tabletype_ok(c, tt),
        ExternType::Mem(mt) => memtype_ok(c, mt),
        ExternType::Global(gt) => globaltype_ok(c, gt),
        ExternType::Tag(jt) => tagtype_ok(c, jt).map(drop),
    }
}

/// `Tagtype_ok`: a tag has a function type without results.
pub fn tagtype_ok<'m>(c: &Context<'m>, jt: TagType) -> Result<&'m FuncType> {
    let rule = rules::TAGTYPE_OK;
    feature(c.spec, rule, Feature::Exceptions)?;
    let ft = c.func_type(rule, jt.0)?;
    match ft.results.is_empty() {
        true => Ok(ft),
        false => Err(Error::new(rule, "non-empty tag result type")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Spec;
    use crate::syntax::{SubType, TagType};

    fn err(r: Result) -> (String, Rule) {
        let e = r.unwrap_err();
        (e.message, e.rule)
    }

    #[test]
    fn limits() {
        let lim = |min, max| Limits { min, max };
        let mem = |limits| MemType { addr: AddrType::I32, limits };
        let c = Context::new(Spec::V2);
        assert!(memtype_ok(&c, mem(lim(0, Some(65536)))).is_ok());
        let too_large = ("memory size must be at most 65536 pages (4GiB)".into(), rules::MEMTYPE_OK);
        assert_eq!(err(memtype_ok(&c, mem(lim(65537, None)))), too_large);
        assert_eq!(err(memtype_ok(&c, mem(lim(0, Some(1 << 32))))), too_large);
        let min_max = ("size minimum must not be greater than maximum".into(), rules::MEMTYPE_OK);
        assert_eq!(err(memtype_ok(&c, mem(lim(2, Some(1))))), min_max);
        let table = |limits| TableType { addr: AddrType::I32, limits, elem: RefType::FUNCREF };
        assert!(tabletype_ok(&c, table(lim(u32::MAX.into(), None))).is_ok());
        assert_eq!(
            err(tabletype_ok(&c, table(lim(1, Some(0))))).0,
            "size minimum must not be greater than maximum"
        );
        assert_eq!(err(tabletype_ok(&c, table(lim(1 << 32, None)))).0, "table size must be at most 2^32-1");
    }

    #[test]
    fn memory64() {
        let mt = MemType { addr: AddrType::I64, limits: Limits { min: 1 << 48, max: None } };
        assert!(memtype_ok(&Context::new(Spec::V3), mt).is_ok());
        let mt = MemType { addr: AddrType::I64, limits: Limits { min: (1 << 48) + 1, max: None } };
        assert!(err(memtype_ok(&Context::new(Spec::V3), mt)).0.starts_with("memory size"));
        assert!(!memtype_ok(&Context::new(Spec::V2), mt).unwrap_err().is_unsupported());
    }

    #[test]
    fn types_of_3_0() {
        let c = Context::new(Spec::V3);
        let non_null = ValType::Ref(RefType { nullable: false, heap: HeapType::Abs(AbsHeapType::Func) });
        assert!(valtype_ok(&c, non_null).is_ok());
        let (message, rule) = err(valtype_ok(&Context::new(Spec::V2), non_null));
        assert_eq!(message, "function-references is not part of Wasm 2.0");
        assert_eq!(rule, rules::REFTYPE_OK);
        let anyref = ValType::Ref(RefType::null(AbsHeapType::Any));
        assert!(valtype_ok(&c, anyref).is_ok());
        assert_eq!(err(valtype_ok(&Context::new(Spec::V2), anyref)).0, "gc is not part of Wasm 2.0");
        assert!(valtype_ok(&c, ValType::Ref(RefType::EXNREF)).is_ok());
        let typed = ValType::Ref(RefType { nullable: true, heap: HeapType::Idx(0) });
        assert_eq!(err(valtype_ok(&c, typed)), ("unknown type 0".into(), rules::TYPEUSE_OK__TYPEIDX));
        assert_eq!(
            err(externtype_ok(&c, ExternType::Tag(TagType(0)))),
            ("unknown type 0".into(), rules::TAGTYPE_OK)
        );
        // A group of C.TYPES[0..1]: a function type open to subtypes is GC's.
        let open = [SubType {
            is_final: false,
            supertypes: Box::new([]),
            comp: CompType::Func(FuncType::default()),
        }];
        let mut c = c;
        c.types.push(&open[0]);
        assert!(rectype_ok(&c, &RecType(open.clone().into()), 0).is_ok());
        c.spec = Spec::V2;
        let (message, rule) = err(rectype_ok(&c, &RecType(open.clone().into()), 0));
        assert_eq!((message.as_str(), rule), ("gc is not part of Wasm 2.0", rules::RECTYPE_OK__CONS));
        assert_eq!(err(valtype_ok(&c, ValType::Bot)).1, rules::VALTYPE_OK__BOT);
    }
}
