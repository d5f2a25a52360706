//! Chapter 5, the binary format: bytes -> [`syntax::Module`](crate::syntax::Module).

use crate::Spec;
use crate::rules::Rule;
use crate::syntax::Module;

/// A malformed binary: the message the official suite expects (`unexpected end`,
/// `integer too large`, ...), the byte offset where decoding stopped, and the grammar rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    pub message: String,
    pub offset: usize,
    pub rule: Rule,
}

/// Decode a module under the given version of the spec.
pub fn decode(bytes: &[u8], spec: Spec) -> Result<Module, Error> {
    let _ = (bytes, spec);
    Err(Error { message: "unsupported: binary decoding".into(), offset: 0, rule: crate::rules::BINARY_MODULE })
}
