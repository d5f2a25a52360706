//! 5.5 Modules: sections, and the module that they make up.

use super::code::{Code, Framing, framing};
use super::{Reader, Result};
use crate::rules::{self, Rule};
use crate::syntax::{
    Custom, Data, DataMode, Elem, ElemMode, Export, Expr, ExternIdx, Func, Global, Import, Instr, Mem,
    Module, RefType, SharedBytes, Start, Table, Tag, TypeIdx, ValType,
};
use smallvec::smallvec;

/// The non-custom sections by id, in the order a module must give them (binary-module): the
/// tag section of 3.0 comes between memories and globals, the data count before the code.
const ORDER: [u8; 13] = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];

/// The most locals a function may declare in all. The spec's limit is `2^32 - 1`; this is
/// wasmparser's, which no test of the suite comes near, and it keeps a function's locals
/// within what an engine can allocate.
const MAX_LOCALS: u32 = 50_000;

/// The most locals all functions together may declare: [`MAX_LOCALS`], and eight per byte
/// of the module. The syntax keeps one type per local, and a function of six bytes can
/// declare 50000; without a bound for the module, a megabyte of such functions would ask
/// for tens of gigabytes. Modules that use their locals stay far below: each use takes bytes.
fn locals_budget(module_len: usize) -> usize {
    module_len.saturating_mul(8).saturating_add(MAX_LOCALS as usize)
}

/// binary-module: the preamble (binary-magic, binary-version), then the sections in order,
/// with custom sections anywhere between them; the function bodies' expressions are left to
/// the [`Code`] returned beside the module.
pub(super) fn module<'b>(r: &mut Reader<'b>) -> Result<(Module, Code<'b>)> {
    let mut s = Sections::default();
    let read = s.read(r);
    let code = Code::new(r.bytes, r.spec, std::mem::take(&mut s.bodies), s.data_count.is_some());
    match read.and_then(|()| s.module(r)) {
        Ok(m) => Ok((m, code)),
        Err(e) => {
            // An expression before the failure is malformed: a single pass meets it first.
            code.first_malformed(r.threads)?;
            Err(e)
        }
    }
}

/// What the sections give, on the way to the module.
#[derive(Default)]
struct Sections {
    m: Module,
    funcs: Vec<TypeIdx>,
    /// The bodies' locals, and where their expressions lie.
    locals: Vec<Vec<ValType>>,
    bodies: Vec<Framing>,
    /// The data count and the offset of its section.
    data_count: Option<(u32, usize)>,
    code_at: Option<usize>,
    /// How far along [`ORDER`] the sections have come.
    next: usize,
    /// The id of the last section other than a custom one.
    after: u8,
}

impl Sections {
    /// The preamble (binary-magic, binary-version), then the sections in order.
    fn read(&mut self, r: &mut Reader) -> Result<()> {
        if r.take(4)? != b"\0asm" {
            return r.error(0, "magic header not detected", rules::BINARY_MAGIC);
        }
        if r.take(4)? != [1, 0, 0, 0] {
            return r.error(4, "unknown binary version", rules::BINARY_VERSION);
        }
        let last_id = if r.v3() { 13 } else { 12 };
        while let Some(id) = r.peek() {
            if id > last_id {
                return r.error(r.pos, "malformed section id", rules::BINARY_SECTION);
            }
            if !self.section(r, id)? {
                break;
            }
        }
        if !r.at_end() {
            let message = "unexpected content after last section";
            return r.error(r.pos, message, rules::BINARY_MODULE);
        }
        Ok(())
    }

    /// The section of this id, or `false` if it comes out of order: that ends the module, and
    /// what follows is unexpected content.
    fn section(&mut self, r: &mut Reader, id: u8) -> Result<bool> {
        let m = &mut self.m;
        if id == 0 {
            let after = self.after;
            let c = section(r, rules::BINARY_CUSTOMSEC, |r, end| custom(r, end, after))?;
            m.customs.push(c);
            return Ok(true);
        }
        let Some(k) = ORDER[self.next..].iter().position(|&s| s == id) else {
            return Ok(false);
        };
        (self.next, self.after) = (self.next + k + 1, id);
        let at = r.pos;
        match id {
            1 => m.types = section(r, rules::BINARY_TYPESEC, |r, _| r.list(Reader::rectype))?,
            2 => m.imports = section(r, rules::BINARY_IMPORTSEC, |r, _| r.list(import))?,
            3 => self.funcs = section(r, rules::BINARY_FUNCSEC, |r, _| r.list(Reader::idx))?,
            4 => m.tables = section(r, rules::BINARY_TABLESEC, |r, _| r.list(table))?,
            5 => m.mems = section(r, rules::BINARY_MEMSEC, |r, _| r.list(mem))?,
            13 => m.tags = section(r, rules::BINARY_TAGSEC, |r, _| r.list(tag))?,
            6 => m.globals = section(r, rules::BINARY_GLOBALSEC, |r, _| r.list(global))?,
            7 => m.exports = section(r, rules::BINARY_EXPORTSEC, |r, _| r.list(export))?,
            8 => m.start = Some(section(r, rules::BINARY_STARTSEC, |r, _| start(r))?),
            9 => m.elems = section(r, rules::BINARY_ELEMSEC, |r, _| r.list(elem))?,
            12 => {
                let n = section(r, rules::BINARY_DATACNTSEC, |r, _| r.u32())?;
                self.data_count = Some((n, at));
            }
            10 => {
                let mut budget = locals_budget(r.bytes.len());
                let (locals, bodies) = (&mut self.locals, &mut self.bodies);
                section(r, rules::BINARY_CODESEC, |r, _| {
                    r.list(|r| {
                        let (l, body) = framing(r, &mut budget)?;
                        locals.push(l);
                        bodies.push(body);
                        Ok(())
                    })
                })?;
                self.code_at = Some(at);
            }
            11 => m.datas = section(r, rules::BINARY_DATASEC, |r, _| r.list(data))?,
            _ => {}
        }
        Ok(true)
    }

    /// The module, if the sections agree: as many bodies as functions, and as many data
    /// segments as the data count says. The bodies' expressions are left to [`Code`].
    fn module(&mut self, r: &Reader) -> Result<Module> {
        let Sections { m, funcs, locals, data_count, code_at, .. } = self;
        if funcs.len() != locals.len() {
            let message = "function and code section have inconsistent lengths";
            return r.error(code_at.unwrap_or(r.pos), message, rules::BINARY_MODULE);
        }
        if let Some((n, at)) = *data_count
            && n as usize != m.datas.len()
        {
            let message = "data count and data section have inconsistent lengths";
            return r.error(at, message, rules::BINARY_MODULE);
        }
        let mut m = std::mem::take(m);
        let funcs = funcs.iter().zip(locals.drain(..));
        m.funcs = funcs.map(|(&ty, locals)| Func { ty, locals, body: Expr::default() }).collect();
        for c in m.customs.iter().filter(|c| c.name == "name") {
            super::names::decode(&c.bytes, &mut m.names);
        }
        Ok(m)
    }
}

/// binary-section: `N:byte size:u32 content`, the content taking exactly `size` bytes.
/// `content` also gets the offset where the section should end.
fn section<T>(
    r: &mut Reader,
    rule: Rule,
    content: impl FnOnce(&mut Reader, usize) -> Result<T>,
) -> Result<T> {
    r.pos += 1; // the id, which the caller has seen
    r.in_section = true;
    sized(r, rules::BINARY_SECTION, rule, content)
}

/// A size and that many bytes of `content` (citing `rule`), or `section size mismatch`:
/// sections and function bodies (binary-code).
pub(super) fn sized<T>(
    r: &mut Reader,
    outer: Rule,
    rule: Rule,
    content: impl FnOnce(&mut Reader, usize) -> Result<T>,
) -> Result<T> {
    r.ctx = outer;
    let size = r.len()?;
    let start = r.pos;
    r.ctx = rule;
    let x = content(r, start + size)?;
    if r.pos != start + size {
        return r.error(start, "section size mismatch", outer);
    }
    Ok(x)
}

/// binary-customsec: a name, and bytes that mean nothing to the module's semantics.
fn custom(r: &mut Reader, end: usize, after: u8) -> Result<Custom> {
    let name = r.name()?;
    let Some(n) = end.checked_sub(r.pos) else {
        // The name runs past the section.
        let message = "unexpected end of section or function";
        return r.error(end, message, rules::BINARY_CUSTOMSEC);
    };
    Ok(Custom { name, bytes: r.take(n)?.into(), after })
}

/// binary-import: `module:name name:name externtype`.
fn import(r: &mut Reader) -> Result<Import> {
    r.ctx = rules::BINARY_IMPORT;
    Ok(Import { module: r.name()?, name: r.name()?, desc: r.externtype()? })
}

/// binary-mem: a memory type.
fn mem(r: &mut Reader) -> Result<Mem> {
    r.ctx = rules::BINARY_MEM;
    Ok(Mem { ty: r.memtype()? })
}

/// binary-tag: a tag type.
fn tag(r: &mut Reader) -> Result<Tag> {
    r.ctx = rules::BINARY_TAG;
    Ok(Tag { ty: r.tagtype()? })
}

/// binary-start: the index of the function to start with.
fn start(r: &mut Reader) -> Result<Start> {
    r.ctx = rules::BINARY_START;
    Ok(Start { func: r.idx()? })
}

/// binary-table: a table type alone, whose elements start as `ref.null` of its heap type,
/// or (3.0) `0x40 0x00`, the table type and an initialising expression.
fn table(r: &mut Reader) -> Result<Table> {
    r.ctx = rules::BINARY_TABLE;
    let at = r.pos;
    if r.v3() && r.peek() == Some(0x40) {
        r.pos += 1;
        if r.byte()? == 0x00 {
            return Ok(Table { ty: r.tabletype()?, init: r.expr()? });
        }
        // Not the prefix after all: let the table type say what is wrong.
        r.pos = at;
    }
    let ty = r.tabletype()?;
    let at = super::offset32(at);
    let init =
        Expr { instrs: smallvec![Instr::RefNull(ty.elem.heap), Instr::End], offsets: smallvec![at, at] };
    Ok(Table { ty, init })
}

/// binary-global: `globaltype expr`.
fn global(r: &mut Reader) -> Result<Global> {
    r.ctx = rules::BINARY_GLOBAL;
    Ok(Global { ty: r.globaltype()?, init: r.expr()? })
}

/// binary-export: `name externidx`.
fn export(r: &mut Reader) -> Result<Export> {
    r.ctx = rules::BINARY_EXPORT;
    Ok(Export { name: r.name()?, desc: externidx(r)? })
}

/// binary-externidx: a kind byte and an index; tags (`0x04`) are 3.0's.
fn externidx(r: &mut Reader) -> Result<ExternIdx> {
    let at = r.pos;
    let kind = match r.byte()? {
        0x00 => ExternIdx::Func,
        0x01 => ExternIdx::Table,
        0x02 => ExternIdx::Mem,
        0x03 => ExternIdx::Global,
        0x04 if r.v3() => ExternIdx::Tag,
        _ => return r.error(at, "malformed export kind", rules::BINARY_EXTERNIDX),
    };
    Ok(kind(r.idx()?))
}

/// binary-elem: eight encodings, told apart by the bits of a leading `u32`: bit 0 passive
/// or declarative, bit 1 an explicit table index (or, with bit 0, declarative), bit 2
/// expressions and a reference type rather than function indices and an element kind.
fn elem(r: &mut Reader) -> Result<Elem> {
    r.ctx = rules::BINARY_ELEM;
    let at = r.pos;
    let kind = r.u32()?;
    if kind > 7 {
        return r.error(at, "malformed elements segment kind", rules::BINARY_ELEM);
    }
    let mode = match kind & 3 {
        0 => ElemMode::Active(0, r.expr()?),
        1 => ElemMode::Passive,
        2 => ElemMode::Active(r.idx()?, r.expr()?),
        _ => ElemMode::Declare,
    };
    let ty = match kind {
        0 => funcs_type(r),
        4 => RefType::FUNCREF,
        1..=3 => elemkind(r)?,
        _ => r.reftype()?,
    };
    let init = if kind & 4 == 0 { r.list(ref_func)? } else { r.list(Reader::expr)? };
    Ok(Elem { ty, init, mode })
}

/// The type of a segment given as function indices: `(ref func)`; in 2.0, `funcref`, as
/// 2.0 has no other.
fn funcs_type(r: &Reader) -> RefType {
    if r.v3() { RefType { nullable: false, ..RefType::FUNCREF } } else { RefType::FUNCREF }
}

/// binary-elemkind: `0x00`, functions.
fn elemkind(r: &mut Reader) -> Result<RefType> {
    r.expect(0x00, "malformed element kind", rules::BINARY_ELEMKIND)?;
    Ok(funcs_type(r))
}

/// A function index of an element segment, as the expression `ref.func x`.
fn ref_func(r: &mut Reader) -> Result<Expr> {
    let at = super::offset32(r.pos);
    Ok(Expr { instrs: smallvec![Instr::RefFunc(r.idx()?), Instr::End], offsets: smallvec![at, at] })
}

/// binary-local: groups `n:u32 t:valtype` of `n` locals of type `t`. The groups are read
/// twice: once to know that the total is within bounds before anything is allocated for it,
/// once to fill the locals (a list of the groups was a second allocation for every body).
pub(super) fn locals(r: &mut Reader, budget: &mut usize) -> Result<Vec<ValType>> {
    let at = r.pos;
    let n = r.len()?;
    let groups = r.pos;
    let group = |r: &mut Reader| {
        r.ctx = rules::BINARY_LOCAL;
        Ok((r.u32()?, r.valtype()?))
    };
    let mut total = Some(0u32);
    for _ in 0..n {
        let (k, _) = group(r)?;
        total = total.and_then(|sum| sum.checked_add(k));
    }
    let Some(total) = total.filter(|&n| n <= MAX_LOCALS && n as usize <= *budget) else {
        return r.error(at, "too many locals", rules::BINARY_LOCAL);
    };
    *budget -= total as usize;
    let mut locals = Vec::with_capacity(total as usize);
    r.pos = groups;
    for _ in 0..n {
        let (k, t) = group(r)?;
        locals.extend(std::iter::repeat_n(t, k as usize));
    }
    Ok(locals)
}

/// binary-data: `0` active in memory 0, `1` passive, `2` active in an explicit memory;
/// then the bytes.
fn data(r: &mut Reader) -> Result<Data> {
    r.ctx = rules::BINARY_DATA;
    let at = r.pos;
    let mode = match r.u32()? {
        0 => DataMode::Active(0, r.expr()?),
        1 => DataMode::Passive,
        2 => DataMode::Active(r.idx()?, r.expr()?),
        _ => return r.error(at, "malformed data segment kind", rules::BINARY_DATA),
    };
    let bytes = r.byte_list()?;
    let init = match r.shared {
        Some(module) => SharedBytes::slice(module, r.pos - bytes.len(), bytes.len()),
        None => bytes.into(),
    };
    Ok(Data { init, mode })
}

#[cfg(test)]
mod tests {
    use crate::Spec;
    use crate::binary::decode;
    use crate::syntax::*;

    const HEADER: &[u8] = b"\0asm\x01\0\0\0";

    fn module(sections: &[&[u8]]) -> Vec<u8> {
        let mut m = HEADER.to_vec();
        sections.iter().for_each(|s| m.extend_from_slice(s));
        m
    }

    fn err(spec: Spec, sections: &[&[u8]]) -> String {
        match decode(&module(sections), spec) {
            Ok(_) => "decoded".into(),
            Err(e) => format!("{} @{}", e.message, e.offset),
        }
    }

    /// `(type (func))`, `(func)` declared once.
    const TYPE: &[u8] = b"\x01\x04\x01\x60\x00\x00";
    const FUNC: &[u8] = b"\x03\x02\x01\x00";

    #[test]
    fn preamble() {
        assert!(decode(HEADER, Spec::V2).is_ok());
        assert_eq!(err(Spec::V3, &[]), "decoded");
        let e = decode(b"\0asm\x01\0\0", Spec::V3).unwrap_err();
        assert_eq!((e.message.as_str(), e.offset), ("unexpected end", 7));
        assert_eq!(decode(b"\0ASM\x01\0\0\0", Spec::V3).unwrap_err().message, "magic header not detected");
        assert_eq!(decode(b"\0asm\x02\0\0\0", Spec::V3).unwrap_err().message, "unknown binary version");
    }

    #[test]
    fn section_order_and_ids() {
        assert_eq!(err(Spec::V3, &[FUNC, TYPE]), "unexpected content after last section @12");
        assert_eq!(err(Spec::V3, &[TYPE, TYPE]), "unexpected content after last section @14");
        assert_eq!(err(Spec::V3, &[b"\x0e\x00"]), "malformed section id @8");
        assert_eq!(err(Spec::V2, &[b"\x0d\x01\x00"]), "malformed section id @8");
        assert_eq!(err(Spec::V3, &[b"\x0d\x01\x00"]), "decoded");
        // The tag section comes after memories and before globals.
        assert_eq!(
            err(Spec::V3, &[b"\x06\x01\x00", b"\x0d\x01\x00"]),
            "unexpected content after last section @11"
        );
        assert_eq!(err(Spec::V3, &[TYPE, b"\x02"]), "unexpected end of section or function @15");
        assert_eq!(err(Spec::V3, &[b"\x01\x05\x00"]), "length out of bounds @9");
        assert_eq!(err(Spec::V3, &[b"\x01\x02\x00\x00"]), "section size mismatch @10");
    }

    #[test]
    fn customs_are_kept_in_place() {
        let m = decode(&module(&[b"\x00\x03\x01ab", TYPE, b"\x00\x02\x01z"]), Spec::V3).unwrap();
        let places: Vec<_> = m.customs.iter().map(|c| (c.name.as_str(), &c.bytes[..], c.after)).collect();
        assert_eq!(places, [("a", &b"b"[..], 0), ("z", &b""[..], 1)]);
        // The name runs past the section's size.
        assert_eq!(err(Spec::V3, &[b"\x00\x01\x05hello"]), "unexpected end of section or function @11");
    }

    #[test]
    fn functions_and_code() {
        let code = b"\x0a\x07\x01\x05\x01\x02\x7f\x01\x0b";
        let m = decode(&module(&[TYPE, FUNC, code]), Spec::V3).unwrap();
        assert_eq!(m.funcs[0].locals, [ValType::I32, ValType::I32]);
        assert_eq!(m.funcs[0].body.instrs[..], [Instr::Nop, Instr::End]);
        assert_eq!(m.funcs[0].body.offsets[..], [25, 26]);
        assert_eq!(err(Spec::V3, &[TYPE, FUNC]), "function and code section have inconsistent lengths @18");
        assert_eq!(err(Spec::V3, &[TYPE, code]), "function and code section have inconsistent lengths @14");
    }

    #[test]
    fn too_many_locals() {
        let just = b"\x0a\x0a\x01\x08\x01\xd0\x86\x03\x7f\x01\x01\x0b"; // 50000 locals
        assert!(decode(&module(&[TYPE, FUNC, just]), Spec::V3).is_ok());
        let over = b"\x0a\x0b\x01\x09\x02\xd0\x86\x03\x7f\x01\x7e\x01\x0b";
        assert_eq!(err(Spec::V3, &[TYPE, FUNC, over]), "too many locals @22");
        let wraps = b"\x0a\x0d\x01\x0b\x02\xff\xff\xff\xff\x0f\x7f\x01\x7e\x01\x0b";
        assert_eq!(err(Spec::V3, &[TYPE, FUNC, wraps]), "too many locals @22");
    }

    #[test]
    fn locals_of_the_module_are_bounded() {
        // Functions of 50000 locals each, in seven bytes: one fits the budget of a module of
        // this size, two do not.
        let module_of = |n: u8| {
            let funcs = [&[0x03, n + 1, n][..], &vec![0x00; n.into()]].concat();
            let body = b"\x06\x01\xd0\x86\x03\x7f\x0b"; // 50000 locals of type i32, end
            let code = [&[0x0a, 7 * n + 1, n][..], &body.repeat(n.into())].concat();
            module(&[TYPE, &funcs, &code])
        };
        assert!(decode(&module_of(1), Spec::V3).is_ok());
        assert_eq!(decode(&module_of(2), Spec::V3).unwrap_err().message, "too many locals");
    }

    #[test]
    fn element_segments() {
        let elems = |seg: &[u8]| {
            let mut sec = vec![0x09, seg.len() as u8 + 1, 0x01];
            sec.extend_from_slice(seg);
            decode(
                &module(&[TYPE, FUNC, b"\x04\x04\x01\x70\x00\x01", &sec, b"\x0a\x04\x01\x02\x00\x0b"]),
                Spec::V3,
            )
            .map(|m| m.elems.into_iter().next().expect("one segment"))
            .map_err(|e| e.message)
        };
        let funcref_nonnull = RefType { nullable: false, heap: HeapType::Abs(AbsHeapType::Func) };
        let e = elems(b"\x00\x41\x00\x0b\x01\x00").unwrap();
        assert!(matches!(e.mode, ElemMode::Active(0, _)) && e.ty == funcref_nonnull);
        assert_eq!(e.init[0].instrs[..], [Instr::RefFunc(0), Instr::End]);
        assert!(matches!(elems(b"\x01\x00\x01\x00").unwrap().mode, ElemMode::Passive));
        assert!(matches!(elems(b"\x02\x00\x41\x00\x0b\x00\x00").unwrap().mode, ElemMode::Active(0, _)));
        assert!(matches!(elems(b"\x03\x00\x00").unwrap().mode, ElemMode::Declare));
        assert_eq!(elems(b"\x04\x41\x00\x0b\x01\xd2\x00\x0b").unwrap().ty, RefType::FUNCREF);
        assert_eq!(elems(b"\x05\x6f\x01\xd0\x6f\x0b").unwrap().ty, RefType::EXTERNREF);
        let e = elems(b"\x06\x00\x41\x00\x0b\x70\x00").unwrap();
        assert!(matches!(e.mode, ElemMode::Active(0, _)) && e.init.is_empty());
        assert!(matches!(elems(b"\x07\x70\x00").unwrap().mode, ElemMode::Declare));
        assert_eq!(elems(b"\x08\x70\x00").unwrap_err(), "malformed elements segment kind");
        assert_eq!(elems(b"\x01\x01\x00").unwrap_err(), "malformed element kind");
    }

    #[test]
    fn data_segments() {
        let datas = |spec, seg: &[u8]| {
            let mut sec = vec![0x0b, seg.len() as u8 + 1, 0x01];
            sec.extend_from_slice(seg);
            decode(&module(&[b"\x05\x03\x01\x00\x01", &sec]), spec).map(|m| m.datas).map_err(|e| e.message)
        };
        let d = datas(Spec::V3, b"\x00\x41\x00\x0b\x02ab").unwrap();
        assert!(matches!(d[0].mode, DataMode::Active(0, _)) && d[0].init[..] == *b"ab");
        assert!(matches!(datas(Spec::V3, b"\x01\x00").unwrap()[0].mode, DataMode::Passive));
        assert!(matches!(
            datas(Spec::V2, b"\x02\x01\x41\x00\x0b\x00").unwrap()[0].mode,
            DataMode::Active(1, _)
        ));
        assert_eq!(datas(Spec::V3, b"\x03\x00").unwrap_err(), "malformed data segment kind");
    }

    /// Decoded from a binary the module shares, a segment's bytes are a range of it, equal to
    /// the copy the plain decoder makes; the module keeps the binary alive.
    #[test]
    fn shared_data_segments_are_ranges_of_the_binary() {
        use crate::binary::{decode_framed, decode_framed_shared};
        use std::sync::Arc;
        let bytes =
            Arc::new(module(&[b"\x05\x03\x01\x00\x01", b"\x0b\x0d\x02\x00\x41\x00\x0b\x02ab\x01\x03xyz"]));
        let (copied, _) = decode_framed(&bytes, Spec::V3, 1).unwrap();
        let (shared, _) = decode_framed_shared(&bytes, Spec::V3, 1).unwrap();
        let inits = |m: &Module| m.datas.iter().map(|d| d.init.to_vec()).collect::<Vec<_>>();
        assert_eq!(inits(&shared), [b"ab".to_vec(), b"xyz".to_vec()]);
        assert_eq!(inits(&shared), inits(&copied));
        assert_eq!(Arc::strong_count(&bytes), 3, "one reference a segment");
        drop(shared);
        assert_eq!(Arc::strong_count(&bytes), 1);
    }

    #[test]
    fn data_count() {
        let memory = b"\x05\x03\x01\x00\x01";
        let passive = b"\x0b\x03\x01\x01\x00";
        assert_eq!(err(Spec::V3, &[memory, b"\x0c\x01\x01", passive]), "decoded");
        assert_eq!(
            err(Spec::V3, &[memory, b"\x0c\x01\x02", passive]),
            "data count and data section have inconsistent lengths @13"
        );
        // data.drop 0 without a data count section.
        let code = b"\x0a\x07\x01\x05\x00\xfc\x09\x00\x0b";
        assert_eq!(err(Spec::V3, &[TYPE, FUNC, memory, code, passive]), "data count section required @28");
        assert_eq!(err(Spec::V3, &[TYPE, FUNC, memory, b"\x0c\x01\x01", code, passive]), "decoded");
    }

    #[test]
    fn tables() {
        let tables =
            |spec, sec: &[u8]| decode(&module(&[sec]), spec).map(|m| m.tables).map_err(|e| e.message);
        let t = tables(Spec::V3, b"\x04\x04\x01\x70\x00\x01").unwrap();
        assert_eq!(t[0].init.instrs[..], [Instr::RefNull(HeapType::Abs(AbsHeapType::Func)), Instr::End]);
        let t = tables(Spec::V3, b"\x04\x0a\x01\x40\x00\x64\x70\x00\x01\xd2\x00\x0b").unwrap();
        assert_eq!(t[0].init.instrs[..], [Instr::RefFunc(0), Instr::End]);
        assert_eq!(
            tables(Spec::V3, b"\x04\x06\x01\x40\x01\x70\x00\x01").unwrap_err(),
            "malformed reference type"
        );
        assert_eq!(
            tables(Spec::V2, b"\x04\x09\x01\x40\x00\x70\x00\x01\xd2\x00\x0b").unwrap_err(),
            "malformed reference type"
        );
    }

    #[test]
    fn exports_and_imports() {
        let exports = b"\x07\x05\x01\x01x\x04\x00";
        assert_eq!(err(Spec::V2, &[exports]), "malformed export kind @13");
        let m = decode(&module(&[exports]), Spec::V3).unwrap();
        assert_eq!(m.exports[0].desc, ExternIdx::Tag(0));
        assert_eq!(err(Spec::V3, &[b"\x02\x05\x01\x00\x00\x05\x00"]), "malformed import kind @13");
    }
}
