//! lockstep: the WebAssembly specification made executable, a single-pass x86-64 compiler,
//! and a referee that runs both in lockstep. See DESIGN.md for the layout: one module per
//! chapter of the specification.

pub mod binary;
pub mod coverage;
pub mod exec;
pub mod front;
pub mod jit;
pub mod lockstep;
pub mod rules;
pub mod runtime;
pub mod script;
pub mod syntax;
pub mod valid;

/// Which version of the specification to accept (`--spec 2.0|3.0`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Spec {
    /// Wasm 2.0: a 3.0 construct is rejected with the message the 2.0 suite expects.
    V2,
    /// Wasm 3.0, the default.
    #[default]
    V3,
}

impl std::str::FromStr for Spec {
    type Err = String;
    fn from_str(s: &str) -> Result<Spec, String> {
        match s {
            "2.0" | "2" => Ok(Spec::V2),
            "3.0" | "3" => Ok(Spec::V3),
            _ => Err(format!("unknown spec version `{s}` (expected 2.0 or 3.0)")),
        }
    }
}

impl std::fmt::Display for Spec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Spec::V2 => "2.0",
            Spec::V3 => "3.0",
        })
    }
}
