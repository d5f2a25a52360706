//! Turns spec/rules.json into one constant per rule (src/rules.rs includes the result), so
//! that citing a rule that is not in the catalog does not compile.

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=spec/rules.json");
    let text = std::fs::read_to_string("spec/rules.json").expect("spec/rules.json");
    let rules: Vec<serde_json::Value> = serde_json::from_str(&text).expect("rules.json is JSON");
    let mut out = String::new();
    let mut table = String::new();
    let mut seen = std::collections::HashSet::new();
    for (i, r) in rules.iter().enumerate() {
        let id = r["id"].as_str().expect("id");
        let name = const_name(id);
        assert!(seen.insert(name.clone()), "two rules share the constant {name}");
        let opt = |k: &str| match r[k].as_str() {
            Some(s) => format!("Some({s:?})"),
            None => "None".to_string(),
        };
        writeln!(out, "/// `{id}`\npub const {name}: Rule = Rule({i});").unwrap();
        writeln!(
            table,
            "    RuleInfo {{ id: {id:?}, kind: {:?}, chapter: {:?}, section: {}, anchor: {}, url: {} }},",
            r["kind"].as_str().expect("kind"),
            r["chapter"].as_str().expect("chapter"),
            opt("section"),
            opt("anchor"),
            opt("url"),
        )
        .unwrap();
    }
    writeln!(out, "/// Every entry of spec/rules.json, in catalog order.").unwrap();
    writeln!(out, "pub static CATALOG: [RuleInfo; {}] = [\n{table}];", rules.len()).unwrap();
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("rules.rs");
    std::fs::write(dest, out).unwrap();
}

/// `Step_pure/br_if-true` -> `STEP_PURE__BR_IF_TRUE`, `binary-instr` -> `BINARY_INSTR`.
fn const_name(id: &str) -> String {
    id.replace('/', "__")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c.to_ascii_uppercase() } else { '_' })
        .collect()
}
