//! The decoder against wasmparser's parser, on modules mutated at random: what lockstep
//! decodes as Wasm 3.0, wasmparser must parse too; and against itself on several threads. (The converse does not hold: wasmparser's
//! parser reads the instructions and types of proposals beyond 3.0, which lockstep rejects.)
//!
//! The modules are those of testsuite/ and tests/binary/, and of the official 3.0 suite when
//! ../shared/testsuite/wasm-3.0 is there.

use lockstep::Spec;
use lockstep::binary::decode;
use std::path::{Path, PathBuf};
use wasmparser::{ElementItems, OperatorsReader, Parser, Payload, TableInit, WasmFeatures};
use wast::parser::{self, ParseBuffer};
use wast::{Wast, WastDirective};

/// Parses every part of the module, function bodies and constant expressions included.
fn wasmparser_reads(bytes: &[u8]) -> Result<(), String> {
    fn ops(mut r: OperatorsReader) -> wasmparser::Result<()> {
        while !r.eof() {
            r.read()?;
        }
        r.finish()
    }
    fn all(bytes: &[u8]) -> wasmparser::Result<()> {
        let mut p = Parser::new(0);
        p.set_features(WasmFeatures::WASM3.difference(WasmFeatures::THREADS));
        for payload in p.parse_all(bytes) {
            match payload? {
                Payload::TypeSection(r) => r.into_iter().try_for_each(|x| x.map(drop))?,
                Payload::ImportSection(r) => r.into_iter().try_for_each(|x| x.map(drop))?,
                Payload::FunctionSection(r) => r.into_iter().try_for_each(|x| x.map(drop))?,
                Payload::MemorySection(r) => r.into_iter().try_for_each(|x| x.map(drop))?,
                Payload::TagSection(r) => r.into_iter().try_for_each(|x| x.map(drop))?,
                Payload::ExportSection(r) => r.into_iter().try_for_each(|x| x.map(drop))?,
                Payload::TableSection(r) => {
                    for t in r {
                        if let TableInit::Expr(e) = t?.init {
                            ops(e.get_operators_reader())?
                        }
                    }
                }
                Payload::GlobalSection(r) => {
                    r.into_iter().try_for_each(|g| ops(g?.init_expr.get_operators_reader()))?
                }
                Payload::ElementSection(r) => {
                    for e in r {
                        let e = e?;
                        if let wasmparser::ElementKind::Active { offset_expr, .. } = e.kind {
                            ops(offset_expr.get_operators_reader())?
                        }
                        match e.items {
                            ElementItems::Functions(r) => r.into_iter().try_for_each(|x| x.map(drop))?,
                            ElementItems::Expressions(_, r) => {
                                r.into_iter().try_for_each(|x| ops(x?.get_operators_reader()))?
                            }
                        }
                    }
                }
                Payload::DataSection(r) => {
                    for d in r {
                        if let wasmparser::DataKind::Active { offset_expr, .. } = d?.kind {
                            ops(offset_expr.get_operators_reader())?
                        }
                    }
                }
                Payload::CodeSectionEntry(body) => {
                    body.get_locals_reader()?.into_iter().try_for_each(|l| l.map(drop))?;
                    ops(body.get_operators_reader()?)?
                }
                _ => {}
            }
        }
        Ok(())
    }
    all(bytes).map_err(|e| e.message().to_string())
}

fn wast_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            wast_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "wast") {
            out.push(p);
        }
    }
}

/// The binary of every module that a script defines and lockstep decodes.
fn corpus() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![];
    for dir in ["testsuite", "tests/binary", "../shared/testsuite/wasm-3.0"] {
        wast_files(&root.join(dir), &mut files);
    }
    let mut modules = vec![];
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else { continue };
        let mut lexer = wast::lexer::Lexer::new(&text);
        lexer.allow_confusing_unicode(true);
        let Ok(buf) = ParseBuffer::new_with_lexer(lexer) else { continue };
        let Ok(wast) = parser::parse::<Wast>(&buf) else { continue };
        for d in wast.directives {
            if let WastDirective::Module(mut m) | WastDirective::AssertInvalid { module: mut m, .. } = d
                && let Ok(bytes) = m.encode()
                && decode(&bytes, Spec::V3).is_ok()
            {
                modules.push(bytes);
            }
        }
    }
    modules
}

/// `n` modules of `corpus`, each with one to three bytes flipped, replaced, inserted or
/// removed at random (the same ones on every run).
fn mutants(corpus: &[Vec<u8>], n: usize) -> impl Iterator<Item = Vec<u8>> + '_ {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut random = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    (0..n).map(move |_| {
        let mut m = corpus[random(corpus.len())].clone();
        for _ in 0..1 + random(3) {
            let i = random(m.len());
            match random(4) {
                0 => m[i] ^= 1 << random(8),
                1 => m[i] = random(256) as u8,
                2 => m.insert(i, random(256) as u8),
                _ => drop(m.remove(i)),
            }
        }
        m
    })
}

#[test]
fn what_lockstep_decodes_wasmparser_parses() {
    let corpus = corpus();
    assert!(!corpus.is_empty());
    let mut disagreements = vec![];
    for m in mutants(&corpus, 20_000) {
        if decode(&m, Spec::V3).is_ok()
            && let Err(e) = wasmparser_reads(&m)
            // wasmparser takes a constant expression to end at its first `end`: a block in
            // one (invalid, but well-formed) leaves it with a block open.
            && e != "control frames remain at end of expression"
        {
            disagreements.push(format!("{e}: {}", m.iter().map(|b| format!("{b:02x}")).collect::<String>()));
        }
    }
    assert!(disagreements.is_empty(), "{} modules:\n{}", disagreements.len(), disagreements.join("\n"));
}

/// Decoding the function bodies on several threads (`decode_on`) gives the module, or the
/// error (message, offset and rule), that one pass gives, on the same mutated modules.
#[test]
fn decoding_on_threads_decodes_as_one_pass() {
    let corpus = corpus();
    let (mut differ, mut malformed) = (vec![], 0);
    let shown = |r: Result<lockstep::syntax::Module, lockstep::binary::Error>| match r {
        Ok(m) => format!("{m:?}"),
        Err(e) => format!("{e}"),
    };
    for m in corpus.iter().cloned().chain(mutants(&corpus, 20_000)) {
        let one = decode(&m, Spec::V3);
        malformed += one.is_err() as usize;
        let (one, many) = (shown(one), shown(lockstep::binary::decode_on(&m, Spec::V3, 3)));
        if one != many {
            differ.push(format!("{one}\n  on 3 threads: {many}"));
        }
    }
    assert!(differ.is_empty(), "{} modules:\n{}", differ.len(), differ.join("\n"));
    assert!(malformed > 5_000, "only {malformed} malformed modules: the errors are barely compared");
}
