//! The rule catalog against the specification in ../shared/spec: every entry is where it
//! says, the committed catalog is what spec/gen_rules.py makes of the spec, and every rule
//! the code cites has a URL.

use lockstep::rules::{CATALOG, Rule};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The spec sources, or `None` (said loudly; an error under CI) when they are not here.
fn spec_dir() -> Option<PathBuf> {
    let dir =
        std::env::var_os("LOCKSTEP_SPEC").map(PathBuf::from).unwrap_or_else(|| root().join("../shared/spec"));
    if dir.join("wasm-3.0-spectec").is_dir() {
        return Some(dir);
    }
    eprintln!("\n*** {} is missing: the rule catalog is NOT checked against the spec ***\n", dir.display());
    assert!(std::env::var_os("CI").is_none(), "CI is set but the spec sources are missing");
    None
}

fn sphinx_id(anchor: &str) -> String {
    let mut id = String::new();
    for c in anchor.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_matches('-').to_string()
}

fn line_of(path: &Path, line: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().nth(line - 1).unwrap_or_default().to_string()
}

#[test]
fn every_entry_is_where_it_says() {
    let Some(spec) = spec_dir() else { return };
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(root().join("spec/rules.json")).unwrap()).unwrap();
    assert_eq!(json.len(), CATALOG.len());
    for entry in &json {
        let id = entry["id"].as_str().unwrap();
        let (file, line) = entry["source"].as_str().unwrap().rsplit_once(':').unwrap();
        let text = line_of(&spec.join(file), line.parse().unwrap());
        if file.ends_with(".spectec") {
            assert!(text.starts_with(&format!("rule {id}:")), "{id}: {file}:{line} is `{text}`");
        } else {
            assert_eq!(text.trim(), format!(".. _{id}:"), "{id}: {file}:{line}");
        }
        if let Some(anchor) = entry["anchor"].as_str() {
            let url = entry["url"].as_str().unwrap();
            assert!(url.ends_with(&format!(".html#{}", sphinx_id(anchor))), "{id}: {url}");
            let page = url
                .strip_prefix("https://webassembly.github.io/spec/core/")
                .unwrap()
                .replace(".html#", ".rst#");
            let rst = spec.join("wasm-3.0-document").join(page.split('#').next().unwrap());
            let doc =
                std::fs::read_to_string(&rst).unwrap_or_else(|e| panic!("{id}: {}: {e}", rst.display()));
            assert!(doc.contains(&format!(".. _{anchor}:")), "{id}: no anchor {anchor} in {}", rst.display());
        }
    }
}

#[test]
fn the_catalog_is_what_the_generator_makes() {
    let Some(spec) = spec_dir() else { return };
    let out = match std::process::Command::new("python3")
        .arg("spec/gen_rules.py")
        .arg(&spec)
        .current_dir(root())
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            eprintln!("*** python3 is not here ({e}): spec/rules.json is not regenerated ***");
            assert!(std::env::var_os("CI").is_none(), "CI is set but python3 is missing");
            return;
        }
    };
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let committed = std::fs::read_to_string(root().join("spec/rules.json")).unwrap();
    assert!(
        out.stdout == committed.as_bytes(),
        "spec/rules.json is stale: run `python3 spec/gen_rules.py > spec/rules.json`"
    );
}

/// Every `rules::CONSTANT` the sources name is in the catalog with a URL to cite.
#[test]
fn every_cited_rule_has_a_url() {
    let mut cited = Vec::new();
    let mut stack = vec![root().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (i, _) in text.match_indices("rules::") {
                    let name: String = text[i + 7..]
                        .chars()
                        .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                        .collect();
                    if name.len() > 1 && name.contains(|c: char| c.is_ascii_uppercase()) {
                        cited.push((path.clone(), name));
                    }
                }
            }
        }
    }
    let by_const: std::collections::HashMap<String, Rule> =
        Rule::all().map(|r| (const_name(r.id()), r)).collect();
    for (path, name) in &cited {
        let rule = by_const
            .get(name)
            .unwrap_or_else(|| panic!("{}: rules::{name} is not a catalog constant", path.display()));
        assert!(!rule.url().is_empty(), "{}: {} has no URL in the rendered spec", path.display(), rule.id());
    }
}

fn const_name(id: &str) -> String {
    id.replace('/', "__")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c.to_ascii_uppercase() } else { '_' })
        .collect()
}
