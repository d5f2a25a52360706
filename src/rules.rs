//! The rule catalog: every rule of the specification that lockstep can cite.
//!
//! `spec/rules.json` is generated from the specification sources by `spec/gen_rules.py`;
//! `build.rs` turns each entry into a constant named after its id (`Step_pure/binop-trap`
//! is [`STEP_PURE__BINOP_TRAP`]), so a misspelt citation does not compile.

/// A rule of the specification, by its place in the catalog.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rule(u16);

/// What the catalog knows of a rule.
#[derive(Debug)]
pub struct RuleInfo {
    /// The SpecTec name (`Instr_ok/binop`), or the document anchor for grammar, numeric
    /// and section entries (`binary-instr`, `op-iadd`, `exec-instantiation`).
    pub id: &'static str,
    /// The SpecTec relation (`Step_pure`, `Instr_ok`, ...), or `grammar`, `numeric`, `section`.
    pub kind: &'static str,
    /// The chapter of the specification: `2`..`6`, or `A` for the appendix.
    pub chapter: &'static str,
    /// The title of the section that shows the rule.
    pub section: Option<&'static str>,
    /// The document anchor the rendered specification puts the rule under.
    pub anchor: Option<&'static str>,
    /// The rendered specification at that anchor.
    pub url: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/rules.rs"));

impl Rule {
    pub fn info(self) -> &'static RuleInfo {
        &CATALOG[self.0 as usize]
    }

    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// The URL of the rule in the rendered specification ("" for the few appendix rules
    /// that the document does not render).
    pub fn url(self) -> &'static str {
        self.info().url.unwrap_or("")
    }

    /// The rule with this id, if the catalog has it.
    pub fn lookup(id: &str) -> Option<Rule> {
        CATALOG.iter().position(|r| r.id == id).map(|i| Rule(i as u16))
    }

    /// The rule's place in the catalog, and back (for compiled code, which carries it).
    pub fn index(self) -> u16 {
        self.0
    }

    pub fn from_index(i: u16) -> Rule {
        Rule(i.min(CATALOG.len() as u16 - 1))
    }

    pub fn all() -> impl Iterator<Item = Rule> {
        (0..CATALOG.len()).map(|i| Rule(i as u16))
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_name_their_entries() {
        assert_eq!(STEP_PURE__BINOP_TRAP.id(), "Step_pure/binop-trap");
        assert_eq!(
            INSTR_OK__BINOP.url(),
            "https://webassembly.github.io/spec/core/valid/instructions.html#valid-binop"
        );
        assert_eq!(Rule::lookup("Step_pure/br_if-true"), Some(STEP_PURE__BR_IF_TRUE));
        assert_eq!(Rule::lookup("Step_pure/no-such-rule"), None);
        assert_eq!(Rule::all().count(), CATALOG.len());
    }
}
