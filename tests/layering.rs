//! Dependencies point down only (DESIGN.md): the engine under test never leans on the oracle,
//! the oracle never on the engine under test, and neither on what drives them.

use std::path::Path;

/// Each layer, and the modules of the crate it must not name.
const FORBIDDEN: &[(&str, &[&str])] = &[
    ("syntax", &["binary", "valid", "runtime", "exec", "jit", "script", "lockstep"]),
    ("binary", &["valid", "runtime", "exec", "jit", "script", "lockstep"]),
    ("valid", &["binary", "runtime", "exec", "jit", "script", "lockstep"]),
    ("runtime", &["binary", "exec", "jit", "script", "lockstep"]),
    ("exec", &["jit", "script", "lockstep"]),
    ("jit", &["exec", "script", "lockstep"]),
    ("script", &["exec", "jit", "lockstep"]),
    // The front end fused (src/front.rs) stands on the decoder and the validator only.
    ("front", &["runtime", "exec", "jit", "script", "lockstep"]),
    // Rule coverage measures the reference, the validator and the decoder, never the compiler.
    ("coverage", &["jit"]),
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::m` a file names, as a path (`use crate::m::..`, `crate::m::f(..)`, and
/// `crate::{m, ..}`).
fn named_modules(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            names.extend(group[..end].split(',').map(|s| s.trim().split("::").next().unwrap().to_string()));
        } else {
            names.push(rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
        }
    }
    names
}

#[test]
fn dependencies_point_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut violations = Vec::new();
    for (layer, forbidden) in FORBIDDEN {
        let mut files = Vec::new();
        match src.join(format!("{layer}.rs")) {
            file if file.is_file() => files.push(file),
            _ => rust_files(&src.join(layer), &mut files),
        }
        assert!(!files.is_empty(), "no sources under src/{layer}");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for name in named_modules(&text) {
                if forbidden.contains(&name.as_str()) {
                    violations.push(format!("{} names crate::{name}", file.display()));
                }
            }
        }
    }
    assert!(violations.is_empty(), "layering broken:\n{}", violations.join("\n"));
}

#[test]
fn the_check_sees_a_violation() {
    assert_eq!(named_modules("use crate::exec::Reference;"), ["exec"]);
    assert_eq!(named_modules("use crate::{jit, syntax::Module};"), ["jit", "syntax"]);
}
