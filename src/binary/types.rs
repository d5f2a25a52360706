//! 5.3 Types.
//!
//! Type constructors are single bytes, the negative `s7` numbers of the spec (`0x7F` is
//! `-0x01`, `i32`); a continuation bit on one makes it `integer representation too long`, as
//! the reference interpreter reads them as LEB128 numbers.

use super::{Reader, Result};
use crate::rules;
use crate::syntax::{
    AbsHeapType, AddrType, CompType, ExternType, FieldType, FuncType, GlobalType, HeapType, Limits, MemType,
    PackType, RecType, RefType, StorageType, SubType, TableType, TagType, ValType,
};

impl Reader<'_> {
    /// A type constructor: one byte, without a continuation bit.
    fn typecode(&mut self) -> Result<u8> {
        let b = self.byte()?;
        if b & 0x80 != 0 {
            return self.error(self.pos, "integer representation too long", rules::BINARY_SINT);
        }
        Ok(b)
    }

    /// binary-absheaptype: the abstract heap types; Wasm 2.0 has `func` and `extern` only.
    fn absheaptype(&self, b: u8) -> Option<AbsHeapType> {
        use AbsHeapType::*;
        Some(match b {
            0x70 => Func,
            0x6f => Extern,
            _ if !self.v3() => return Option::None,
            0x69 => Exn,
            0x6a => Array,
            0x6b => Struct,
            0x6c => I31,
            0x6d => Eq,
            0x6e => Any,
            0x71 => None,
            0x72 => NoExtern,
            0x73 => NoFunc,
            0x74 => NoExn,
            _ => return Option::None,
        })
    }

    /// binary-heaptype: an abstract heap type, or a type index as a non-negative `s33`.
    /// In Wasm 2.0, where `ref.null` names a reference type, the same bytes as `funcref` and
    /// `externref`.
    pub(super) fn heaptype(&mut self) -> Result<HeapType> {
        if !self.v3() {
            return Ok(self.reftype()?.heap);
        }
        let at = self.pos;
        match self.s33() {
            Ok(x) if x >= 0 => return Ok(HeapType::Idx(x as u32)),
            _ => self.pos = at,
        }
        let b = self.typecode()?;
        match self.absheaptype(b) {
            Some(ht) => Ok(HeapType::Abs(ht)),
            None => self.error(at, "malformed heap type", rules::BINARY_HEAPTYPE),
        }
    }

    /// binary-reftype: `0x63 ht` is `(ref null ht)`, `0x64 ht` is `(ref ht)`, and an abstract
    /// heap type alone is its nullable reference (`0x70` is `funcref`).
    pub(super) fn reftype(&mut self) -> Result<RefType> {
        let at = self.pos;
        let b = self.typecode()?;
        match b {
            0x63 | 0x64 if self.v3() => Ok(RefType { nullable: b == 0x63, heap: self.heaptype()? }),
            _ => match self.absheaptype(b) {
                Some(ht) => Ok(RefType::null(ht)),
                None => self.error(at, "malformed reference type", rules::BINARY_REFTYPE),
            },
        }
    }

    /// binary-valtype: binary-numtype, binary-vectype or binary-reftype.
    pub(super) fn valtype(&mut self) -> Result<ValType> {
        let t = match self.peek() {
            Some(0x7f) => ValType::I32,
            Some(0x7e) => ValType::I64,
            Some(0x7d) => ValType::F32,
            Some(0x7c) => ValType::F64,
            Some(0x7b) => ValType::V128,
            _ => return Ok(ValType::Ref(self.reftype()?)),
        };
        self.pos += 1;
        Ok(t)
    }

    /// binary-resulttype: `list(valtype)`.
    fn resulttype(&mut self) -> Result<Box<[ValType]>> {
        Ok(self.list(Self::valtype)?.into())
    }

    /// binary-mut: `0x00` constant, `0x01` mutable.
    fn mutability(&mut self) -> Result<bool> {
        let at = self.pos;
        match self.byte()? {
            0x00 => Ok(false),
            0x01 => Ok(true),
            _ => self.error(at, "malformed mutability", rules::BINARY_MUT),
        }
    }

    /// binary-storagetype: a value type or a binary-packtype (`0x78` is `i8`, `0x77` `i16`).
    fn storagetype(&mut self) -> Result<StorageType> {
        let at = self.pos;
        if let Ok(t) = self.valtype() {
            return Ok(StorageType::Val(t));
        }
        self.pos = at;
        match self.typecode()? {
            0x78 => Ok(StorageType::Pack(PackType::I8)),
            0x77 => Ok(StorageType::Pack(PackType::I16)),
            _ => self.error(at, "malformed storage type", rules::BINARY_STORAGETYPE),
        }
    }

    /// binary-fieldtype: `storagetype mut`.
    fn fieldtype(&mut self) -> Result<FieldType> {
        let storage = self.storagetype()?;
        Ok(FieldType { mutable: self.mutability()?, storage })
    }

    /// binary-comptype: `0x5E` array, `0x5F` struct, `0x60` function (binary-functype); Wasm
    /// 2.0 has function types only.
    fn comptype(&mut self) -> Result<CompType> {
        let at = self.pos;
        match self.typecode()? {
            0x60 => {
                let params = self.resulttype()?;
                Ok(CompType::Func(FuncType { params, results: self.resulttype()? }))
            }
            0x5f if self.v3() => Ok(CompType::Struct(self.list(Self::fieldtype)?.into())),
            0x5e if self.v3() => Ok(CompType::Array(self.fieldtype()?)),
            _ if self.v3() => self.error(at, "malformed definition type", rules::BINARY_COMPTYPE),
            _ => self.error(at, "malformed function type", rules::BINARY_FUNCTYPE),
        }
    }

    /// binary-subtype: `0x50` (open) or `0x4F` (final) with the supertypes, or a composite
    /// type alone, final without supertypes.
    fn subtype(&mut self) -> Result<SubType> {
        let is_final = match self.peek() {
            Some(b @ (0x4f | 0x50)) if self.v3() => {
                self.pos += 1;
                b == 0x4f
            }
            _ => {
                return Ok(SubType { is_final: true, supertypes: Box::new([]), comp: self.comptype()? });
            }
        };
        let supertypes = self.list(Self::idx)?.into();
        Ok(SubType { is_final, supertypes, comp: self.comptype()? })
    }

    /// binary-rectype: `0x4E` and a list of subtypes, or a single subtype as a group of one.
    pub(super) fn rectype(&mut self) -> Result<RecType> {
        self.ctx = rules::BINARY_RECTYPE;
        if self.v3() && self.peek() == Some(0x4e) {
            self.pos += 1;
            return Ok(RecType(self.list(Self::subtype)?.into()));
        }
        Ok(RecType(Box::new([self.subtype()?])))
    }

    /// binary-limits. Wasm 3.0: a flags byte (bit 0: a maximum follows; bit 2: 64-bit
    /// addresses) and `u64` bounds. Wasm 2.0: the flag is a `u1` and the bounds are `u32`.
    fn limits(&mut self) -> Result<(AddrType, Limits)> {
        if !self.v3() {
            let has_max = self.uint(1)? == 1;
            let min = self.u32()?.into();
            let max = if has_max { Some(self.u32()?.into()) } else { None };
            return Ok((AddrType::I32, Limits { min, max }));
        }
        let at = self.pos;
        let flags = self.byte()?;
        if flags & !0x05 != 0 {
            return self.error(at, "malformed limits flags", rules::BINARY_LIMITS);
        }
        let addr = if flags & 0x04 != 0 { AddrType::I64 } else { AddrType::I32 };
        let min = self.u64()?;
        let max = if flags & 0x01 != 0 { Some(self.u64()?) } else { None };
        Ok((addr, Limits { min, max }))
    }

    /// binary-tagtype: `0x00` and the index of a function type.
    pub(super) fn tagtype(&mut self) -> Result<TagType> {
        self.expect(0x00, "zero byte expected", rules::BINARY_TAGTYPE)?;
        Ok(TagType(self.idx()?))
    }

    /// binary-globaltype: `valtype mut`.
    pub(super) fn globaltype(&mut self) -> Result<GlobalType> {
        let val = self.valtype()?;
        Ok(GlobalType { mutable: self.mutability()?, val })
    }

    /// binary-memtype: limits, in pages.
    pub(super) fn memtype(&mut self) -> Result<MemType> {
        let (addr, limits) = self.limits()?;
        Ok(MemType { addr, limits })
    }

    /// binary-tabletype: `reftype limits`.
    pub(super) fn tabletype(&mut self) -> Result<TableType> {
        let elem = self.reftype()?;
        let (addr, limits) = self.limits()?;
        Ok(TableType { addr, limits, elem })
    }

    /// binary-externtype: what an import asks for, by a kind byte; tags (`0x04`) are 3.0's.
    pub(super) fn externtype(&mut self) -> Result<ExternType> {
        let at = self.pos;
        Ok(match self.byte()? {
            0x00 => ExternType::Func(self.idx()?),
            0x01 => ExternType::Table(self.tabletype()?),
            0x02 => ExternType::Mem(self.memtype()?),
            0x03 => ExternType::Global(self.globaltype()?),
            0x04 if self.v3() => ExternType::Tag(self.tagtype()?),
            _ => return self.error(at, "malformed import kind", rules::BINARY_EXTERNTYPE),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Spec;

    fn run<'a, T>(
        spec: Spec,
        bytes: &'a [u8],
        f: impl FnOnce(&mut Reader<'a>) -> Result<T>,
    ) -> Result<T, String> {
        let mut r = Reader::new(bytes, spec);
        r.in_section = true;
        let v = f(&mut r).map_err(|e| format!("{} @{}", e.message, e.offset))?;
        if r.at_end() { Ok(v) } else { Err(format!("left {} bytes", r.left())) }
    }

    #[test]
    fn valtypes() {
        let v3 = |b: &[u8]| run(Spec::V3, b, Reader::valtype);
        assert_eq!(v3(&[0x7f]), Ok(ValType::I32));
        assert_eq!(v3(&[0x7b]), Ok(ValType::V128));
        assert_eq!(v3(&[0x70]), Ok(ValType::FUNCREF));
        assert_eq!(v3(&[0x6e]), Ok(ValType::Ref(RefType::null(AbsHeapType::Any))));
        assert_eq!(v3(&[0x64, 0x05]), Ok(ValType::Ref(RefType { nullable: false, heap: HeapType::Idx(5) })));
        assert_eq!(v3(&[0x63, 0x71]), Ok(ValType::Ref(RefType::null(AbsHeapType::None))));
        assert_eq!(
            v3(&[0x63, 0xff, 0xff, 0xff, 0xff, 0x0f]).map(|t| t.to_string()),
            Ok("(ref null 4294967295)".into())
        );
        assert_eq!(v3(&[0x63, 0x40]), Err("malformed heap type @1".into()));
        assert_eq!(v3(&[0x60]), Err("malformed reference type @0".into()));
        assert_eq!(v3(&[0xff, 0x7f]), Err("integer representation too long @1".into()));
        let v2 = |b: &[u8]| run(Spec::V2, b, Reader::valtype);
        assert_eq!(v2(&[0x6f]), Ok(ValType::EXTERNREF));
        assert_eq!(v2(&[0x6e]), Err("malformed reference type @0".into()));
        assert_eq!(v2(&[0x63, 0x70]), Err("malformed reference type @0".into()));
    }

    #[test]
    fn rectypes() {
        let func = RecType(Box::new([SubType {
            is_final: true,
            supertypes: Box::new([]),
            comp: CompType::Func(FuncType::new([ValType::I32], [])),
        }]));
        assert_eq!(run(Spec::V3, &[0x60, 0x01, 0x7f, 0x00], Reader::rectype), Ok(func.clone()));
        assert_eq!(run(Spec::V2, &[0x60, 0x01, 0x7f, 0x00], Reader::rectype), Ok(func));
        // rec (sub 0 (struct (field (mut i8)))) (sub final (array i64))
        let group = [0x4e, 0x02, 0x50, 0x01, 0x00, 0x5f, 0x01, 0x78, 0x01, 0x4f, 0x00, 0x5e, 0x7e, 0x00];
        let RecType(subs) = run(Spec::V3, &group, Reader::rectype).unwrap();
        assert_eq!(subs.len(), 2);
        assert!(!subs[0].is_final && subs[0].supertypes[..] == [0]);
        let i8_mut = FieldType { mutable: true, storage: StorageType::Pack(PackType::I8) };
        assert_eq!(subs[0].comp, CompType::Struct(Box::new([i8_mut])));
        assert_eq!(
            subs[1].comp,
            CompType::Array(FieldType { mutable: false, storage: StorageType::Val(ValType::I64) })
        );
        assert_eq!(run(Spec::V2, &group, Reader::rectype), Err("malformed function type @0".into()));
        assert_eq!(run(Spec::V3, &[0x5d], Reader::rectype), Err("malformed definition type @0".into()));
        assert_eq!(
            run(Spec::V3, &[0x5e, 0x76, 0x00], Reader::rectype),
            Err("malformed storage type @1".into())
        );
        assert_eq!(
            run(Spec::V3, &[0x5e, 0x7f, 0x02], Reader::rectype),
            Err("malformed mutability @2".into())
        );
    }

    #[test]
    fn limits() {
        let lim = |min, max| Limits { min, max };
        assert_eq!(run(Spec::V3, &[0x00, 0x01], Reader::memtype).map(|m| m.limits), Ok(lim(1, None)));
        let mem64 = run(Spec::V3, &[0x05, 0x01, 0x80, 0x80, 0x80, 0x80, 0x10], Reader::memtype).unwrap();
        assert_eq!((mem64.addr, mem64.limits), (AddrType::I64, lim(1, Some(1 << 32))));
        assert_eq!(run(Spec::V3, &[0x02, 0x00], Reader::memtype), Err("malformed limits flags @0".into()));
        assert_eq!(run(Spec::V3, &[0x81, 0x00], Reader::memtype), Err("malformed limits flags @0".into()));
        assert_eq!(
            run(Spec::V2, &[0x01, 0x00, 0x02], Reader::memtype).map(|m| m.limits),
            Ok(lim(0, Some(2)))
        );
        assert_eq!(run(Spec::V2, &[0x04, 0x00], Reader::memtype), Err("integer too large @0".into()));
        assert_eq!(
            run(Spec::V2, &[0x81, 0x00], Reader::memtype),
            Err("integer representation too long @1".into())
        );
        let over_u32 = [0x00, 0x80, 0x80, 0x80, 0x80, 0x10];
        assert_eq!(run(Spec::V2, &over_u32, Reader::memtype), Err("integer too large @5".into()));
        assert_eq!(run(Spec::V3, &over_u32, Reader::memtype).map(|m| m.limits), Ok(lim(1 << 32, None)));
    }

    #[test]
    fn externtypes() {
        assert_eq!(run(Spec::V3, &[0x04, 0x00, 0x02], Reader::externtype), Ok(ExternType::Tag(TagType(2))));
        assert_eq!(
            run(Spec::V3, &[0x04, 0x01, 0x02], Reader::externtype),
            Err("zero byte expected @1".into())
        );
        assert_eq!(
            run(Spec::V2, &[0x04, 0x00, 0x02], Reader::externtype),
            Err("malformed import kind @0".into())
        );
        assert_eq!(run(Spec::V3, &[0x05], Reader::externtype), Err("malformed import kind @0".into()));
        let table = run(Spec::V3, &[0x01, 0x64, 0x6e, 0x04, 0x00], Reader::externtype).unwrap();
        let ExternType::Table(tt) = table else { panic!("{table:?}") };
        assert_eq!((tt.addr, tt.elem.to_string()), (AddrType::I64, "(ref any)".into()));
        let global = run(Spec::V3, &[0x03, 0x7c, 0x01], Reader::externtype);
        assert_eq!(global, Ok(ExternType::Global(GlobalType { mutable: true, val: ValType::F64 })));
    }
}
