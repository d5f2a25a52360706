//! Running what coverage measures: .wast scripts through the script runner with the
//! reference, and fuzz corpus files, each as a module (a binary) or as a differential case
//! (the `differential` target's input), decoded, validated and run in the reference.

use super::counts;
use super::report::{Coverage, Sources};
use crate::exec::Reference;
use crate::lockstep::case;
use crate::runtime::{Config, Engine, ExternVal, Val};
use crate::script::{self, spectest, suite::Script};
use crate::syntax::Module;
use crate::{Spec, binary, valid};
use std::path::Path;
use std::rc::Rc;

/// Fuel for each instantiation and invocation of a corpus module: generated code may loop.
pub const CORPUS_FUEL: u64 = 100_000;

/// Count the rules that `scripts` and the corpus files in `corpus` apply.
pub fn measure(scripts: &[Script], corpus: &[Vec<u8>], spec: Spec, config: Config) -> Coverage {
    counts::start();
    let mut sources = Sources { scripts: scripts.len(), corpus_files: corpus.len(), ..Sources::default() };
    let factory = || Some(Box::new(Reference::new(config)) as Box<dyn Engine>);
    let report = script::run(scripts, spec, "ref", &factory, |_, _| {});
    (sources.passed, sources.failed, sources.skipped) = (report.passed, report.failed, report.skipped);
    for bytes in corpus {
        if let Some(n) = corpus_file(bytes) {
            sources.corpus_modules += 1;
            sources.invocations += n;
        }
    }
    let (applied, refused) = counts::stop();
    Coverage { applied, refused, sources }
}

/// Run one corpus file; the number of invocations made, `None` if it made no valid module.
fn corpus_file(bytes: &[u8]) -> Option<usize> {
    let (wasm, invocations) = if bytes.starts_with(b"\0asm") {
        (bytes.to_vec(), None)
    } else {
        let c = case::case(bytes)?;
        (c.wasm, Some(c.invocations))
    };
    let module = binary::decode(&wasm, Spec::V3).ok()?;
    valid::validate(&module, Spec::V3).ok()?;
    let invocations = invocations.unwrap_or_else(|| case::zero_invocations(&module));
    Some(run_module(Rc::new(module), &invocations))
}

/// Instantiate a module (its imports from `spectest`) and make the invocations, each under
/// [`CORPUS_FUEL`]; how many were made.
fn run_module(module: Rc<Module>, invocations: &[(String, Vec<Val>)]) -> usize {
    let config = Config { fuel: Some(CORPUS_FUEL), max_memory: 1 << 26, ..Config::default() };
    let mut engine = Reference::new(config);
    let host = spectest::instantiate(&mut engine);
    let imports: Option<Vec<ExternVal>> = module
        .imports
        .iter()
        .map(|i| (i.module == "spectest").then(|| host.get(&i.name).copied()).flatten())
        .collect();
    let Some(imports) = imports else { return 0 };
    let Ok(instance) = engine.instantiate(&module, &imports) else { return 0 };
    let mut made = 0;
    for (name, args) in invocations {
        if let Some(ExternVal::Func(f)) = engine.export(instance, name) {
            let _ = engine.invoke(f, args);
            made += 1;
        }
    }
    made
}

/// The files of a corpus folder (recursively, in sorted order), each at most `max` bytes.
pub fn corpus_files(dir: &Path, max: u64) -> Result<Vec<Vec<u8>>, String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        // Links are not followed (a link to a folder above would make the walk loop).
        let mut entries: Vec<_> = std::fs::read_dir(&d)
            .map_err(|e| format!("{}: {e}", d.display()))?
            .filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok())))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, kind) in entries {
            if kind.is_some_and(|k| k.is_dir()) {
                stack.push(path);
            } else if kind.is_some_and(|k| k.is_file()) {
                files.push(path);
            }
        }
    }
    files.sort();
    files.iter().map(|p| crate::script::suite::read_bounded(p, max)).collect()
}
