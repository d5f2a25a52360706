//! The decoder against the project's own tests of the binary format: testsuite/binary-*.wast,
//! which hold under Wasm 2.0 and 3.0 alike (the .wast runner runs them under both), and
//! tests/binary/*.wast, which hold under the version their name says (`--spec 2.0` for
//! `malformed-2.0.wast`). Every module decodes (validation and execution are the runner's
//! business), and every malformed one fails with the expected message, at the byte that a
//! `;; error at byte N` comment in the assertion names.

use lockstep::Spec;
use lockstep::binary::decode;
use std::path::{Path, PathBuf};
use wast::parser::{self, ParseBuffer};
use wast::{QuoteWat, Wast, WastDirective};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The .wast files in `dir` whose names start with `prefix`, sorted.
fn scripts(dir: &str, prefix: &str) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join(dir))
        .expect("readable folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
        .filter(|p| p.extension().is_some_and(|x| x == "wast"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no scripts in {dir}");
    files
}

#[test]
fn binary_wast_files() {
    let mut failures = vec![];
    let mut run = |file: &Path, specs: &[Spec]| {
        let name = file.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(file).expect("readable");
        for &spec in specs {
            check(&name, &text, spec, &mut failures);
        }
    };
    for file in scripts("testsuite", "binary-") {
        run(&file, &[Spec::V2, Spec::V3]);
    }
    for file in scripts("tests/binary", "") {
        let name = file.to_string_lossy();
        let spec = if name.contains("2.0") { Spec::V2 } else { Spec::V3 };
        run(&file, &[spec]);
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

fn check(name: &str, text: &str, spec: Spec, failures: &mut Vec<String>) {
    let buf = ParseBuffer::new(text).expect("lexes");
    let wast: Wast = parser::parse(&buf).expect("parses");
    let starts: Vec<usize> = wast.directives.iter().map(|d| d.span().offset()).collect();
    for (i, d) in wast.directives.into_iter().enumerate() {
        let chunk = &text[starts[i]..starts.get(i + 1).copied().unwrap_or(text.len())];
        let line = text[..starts[i]].lines().count() + 1;
        let at = format!("{name}:{line} (--spec {spec})");
        match d {
            WastDirective::Module(mut m) | WastDirective::ModuleDefinition(mut m) => {
                if let Err(e) = decode(&encode(&mut m), spec) {
                    failures.push(format!("{at}: {e}"));
                }
            }
            WastDirective::AssertInvalid { mut module, .. } => {
                if let Err(e) = decode(&encode(&mut module), spec) {
                    failures.push(format!("{at}: malformed, not invalid: {e}"));
                }
            }
            WastDirective::AssertMalformed { mut module, message, .. } => {
                match decode(&encode(&mut module), spec) {
                    Ok(_) => failures.push(format!("{at}: decoded, expected {message:?}")),
                    Err(e) if !e.message.starts_with(message) => {
                        failures.push(format!("{at}: {e}, expected {message:?}"))
                    }
                    Err(e) => {
                        if let Some(offset) = expected_offset(chunk)
                            && offset != e.offset
                        {
                            failures.push(format!("{at}: {e}, expected at byte {offset}"));
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

fn encode(m: &mut QuoteWat) -> Vec<u8> {
    m.encode().expect("the test's module encodes")
}

/// `N` of the first `error at byte N` in an assertion's text.
fn expected_offset(chunk: &str) -> Option<usize> {
    let rest = &chunk[chunk.find("error at byte ")? + "error at byte ".len()..];
    rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

/// The first module of a test file, as bytes.
fn first_module(file: &str) -> Vec<u8> {
    let path = root().join(file);
    let text = std::fs::read_to_string(path).expect("readable");
    let buf = ParseBuffer::new(&text).expect("lexes");
    let wast: Wast = parser::parse(&buf).expect("parses");
    for d in wast.directives {
        if let WastDirective::Module(mut m) = d {
            return encode(&mut m);
        }
    }
    panic!("no module in {file}")
}

#[test]
fn encodings_of_3_0_decode_as_written() {
    use lockstep::syntax::*;
    let m = decode(&first_module("tests/binary/encodings-3.0.wast"), Spec::V3).expect("decodes");
    let RecType(group) = &m.types[1];
    assert_eq!((group.len(), group[0].is_final, group[1].is_final), (2, false, true));
    assert_eq!(group[1].supertypes[..], [1]);
    assert!(matches!(m.types[2].0[0].comp, CompType::Array(FieldType { mutable: true, .. })));
    assert_eq!(m.tables[0].init.instrs[..], [Instr::RefNull(HeapType::Abs(AbsHeapType::Func)), Instr::End]);
    assert_eq!(m.tables[1].init.instrs[..], [Instr::RefFunc(0), Instr::End]);
    assert_eq!(m.tables[1].ty.elem.to_string(), "(ref func)");
    assert_eq!((m.tables[2].ty.addr, m.tables[2].ty.elem), (AddrType::I64, RefType::EXTERNREF));
    assert_eq!((m.mems[1].ty.addr, m.mems[1].ty.limits), (AddrType::I64, Limits { min: 1, max: Some(2) }));
    assert_eq!(m.tags[0].ty, TagType(0));
    let kinds: Vec<_> = m.exports.iter().map(|e| e.desc).collect();
    use ExternIdx::*;
    assert_eq!(kinds, [Func(0), Table(1), Mem(1), Global(0), Tag(0)]);
    let modes: Vec<_> = m
        .elems
        .iter()
        .map(|e| match &e.mode {
            ElemMode::Active(x, _) => format!("{x} {}", e.ty),
            ElemMode::Passive => format!("passive {}", e.ty),
            ElemMode::Declare => format!("declare {}", e.ty),
        })
        .collect();
    let expected = [
        "0 (ref func)",
        "passive (ref func)",
        "1 (ref func)",
        "declare (ref func)",
        "0 funcref",
        "passive funcref",
        "2 externref",
        "declare funcref",
    ];
    assert_eq!(modes, expected);
    assert!(matches!(m.datas[2].mode, DataMode::Active(1, _)) && m.datas[2].init[..] == *b"c");
    let load = &m.funcs[0].body.instrs[1];
    let load8_u = Some(LoadOp { size: Sz::N8, sx: Sx::U });
    assert_eq!(*load, Instr::Load(NumType::I64, load8_u, 1, MemArg { align: 0, offset: 0 }));
    assert_eq!(m.funcs[0].locals[..], [ValType::Ref(RefType { nullable: true, heap: HeapType::Idx(1) })]);
    assert_eq!((m.names.module.as_deref(), m.func_name(0)), (Some("m"), Some("f")));
    assert_eq!((m.customs[0].name.as_str(), m.customs[0].after), ("name", 11));
}
