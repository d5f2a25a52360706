//! Chapter 5, the binary format: bytes -> [`syntax::Module`](crate::syntax::Module).
//!
//! One file per section of the chapter: [`values`] (5.2), [`types`] (5.3), [`instructions`]
//! (5.4), [`modules`] (5.5), and [`names`] for the name section of the appendix. Each function
//! that decodes a production of the grammar names it in its doc comment (`binary-limits`).
//!
//! Like the reference interpreter, the decoder reads a section's contents from the stream of
//! the whole module and compares the bytes consumed with the declared size afterwards. That is
//! the same language as reading within the declared size, but it reports the errors the
//! official suite expects: a body that runs past its size is a `section size mismatch`, and
//! only running out of the whole module is an `unexpected end`.
//!
//! Nothing here recurses on a depth the input chooses (instructions stay flat, nesting is a
//! stack of open blocks), and no count declared by the input is allocated before it has been
//! checked against the bytes left.

mod code;
mod instructions;
mod modules;
mod names;
mod types;
mod values;

pub use code::Code;
pub(crate) use instructions::family;

use crate::Spec;
use crate::rules::{self, Rule};
use crate::syntax::Module;
use std::sync::Arc;

/// A malformed binary: the message the official suite expects (`unexpected end`,
/// `integer too large`, ...), the byte offset where decoding stopped, and the grammar rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    pub message: String,
    pub offset: usize,
    pub rule: Rule,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {:#x} ({})", self.message, self.offset, self.rule)
    }
}

impl std::error::Error for Error {}

/// Decode a module under the given version of the spec.
pub fn decode(bytes: &[u8], spec: Spec) -> Result<Module, Error> {
    decode_on(bytes, spec, 1)
}

/// [`decode`], with the function bodies' instructions decoded on up to `threads` threads.
/// The module, or the error, is the same as on one.
pub fn decode_on(bytes: &[u8], spec: Spec, threads: usize) -> Result<Module, Error> {
    let decoded = decode_framed(bytes, spec, threads).and_then(|(mut m, code)| {
        let bodies = code.each(threads, || (), |_, _, expr| expr.clone())?;
        m.funcs.iter_mut().zip(bodies).for_each(|(f, body)| f.body = body);
        Ok(m)
    });
    if crate::coverage::counts::on() {
        crate::coverage::derive::decoded(&decoded);
    }
    decoded
}

/// The module with its function bodies' expressions not yet decoded (each [`Func::body`]
/// empty), and the code section framed to decode them from, one at a time or in parallel
/// ([`Code::each`]). Decoding them all gives [`decode_on`]'s module or error; an error here
/// is already that error (where the sections fail, a malformed expression before the failure
/// is reported first, on up to `threads` threads).
///
/// [`Func::body`]: crate::syntax::Func::body
pub fn decode_framed(bytes: &[u8], spec: Spec, threads: usize) -> Result<(Module, Code<'_>), Error> {
    modules::module(&mut Reader { threads, ..Reader::new(bytes, spec) })
}

/// [`decode_framed`] of a binary the module may share: its data segments' bytes are ranges
/// of `bytes`, not copies ([`SharedBytes`](crate::syntax::SharedBytes)).
pub fn decode_framed_shared(
    bytes: &Arc<Vec<u8>>,
    spec: Spec,
    threads: usize,
) -> Result<(Module, Code<'_>), Error> {
    modules::module(&mut Reader { threads, shared: Some(bytes), ..Reader::new(bytes, spec) })
}

type Result<T, E = Error> = std::result::Result<T, E>;

/// A cursor over the bytes of a whole module.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    spec: Spec,
    /// The production being decoded, cited when the bytes run out.
    ctx: Rule,
    /// Whether a section has begun: running out of bytes is then `unexpected end of section
    /// or function`, as the reference interpreter words it; before, in the preamble, it is
    /// `unexpected end`.
    in_section: bool,
    /// How many threads may decode the function bodies.
    threads: usize,
    /// `bytes` itself, where the caller shares it: data segments are then ranges of it.
    shared: Option<&'a Arc<Vec<u8>>>,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], spec: Spec) -> Self {
        Reader { bytes, pos: 0, spec, ctx: rules::BINARY_MODULE, in_section: false, threads: 1, shared: None }
    }

    /// Whether Wasm 3.0 is being decoded (otherwise 2.0).
    fn v3(&self) -> bool {
        self.spec == Spec::V3
    }

    fn left(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// An error at `offset`, citing `rule`.
    fn error<T>(&self, offset: usize, message: impl Into<String>, rule: Rule) -> Result<T> {
        Err(Error { message: message.into(), offset, rule })
    }

    /// The bytes ran out.
    fn eof(&self) -> Error {
        let message =
            if self.in_section { "unexpected end of section or function" } else { "unexpected end" };
        Error { message: message.into(), offset: self.bytes.len(), rule: self.ctx }
    }

    /// binary-byte
    fn byte(&mut self) -> Result<u8> {
        let b = self.peek().ok_or_else(|| self.eof())?;
        self.pos += 1;
        Ok(b)
    }

    /// `n` bytes, as a slice of the input.
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.left() {
            return Err(self.eof());
        }
        let slice = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(slice)
    }

    /// `N` bytes, as an array.
    fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    /// The byte `b`, or the error `message` at its offset (`zero byte expected`,
    /// `END opcode expected`).
    fn expect(&mut self, b: u8, message: &str, rule: Rule) -> Result<()> {
        let at = self.pos;
        if self.byte()? == b { Ok(()) } else { self.error(at, message, rule) }
    }
}

/// An offset as instruction offsets record it: modules beyond 4 GiB share the last one.
fn offset32(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quickcheck::{QuickCheck, TestResult};

    /// `content` after its size.
    fn sized(content: &[u8]) -> Vec<u8> {
        let (mut out, mut n) = (vec![], content.len());
        while n >= 0x80 {
            out.push(n as u8 | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
        out.extend(content);
        out
    }

    /// A module of the given sections, each with its size right, so that their contents
    /// (arbitrary bytes) get decoded.
    fn module(sections: &[(u8, Vec<u8>)]) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        for (id, content) in sections {
            m.push(id % 14);
            m.extend(sized(content));
        }
        m
    }

    /// No input makes the decoder panic, and an error lies within the input.
    #[test]
    fn arbitrary_sections_never_panic() {
        fn prop(sections: Vec<(u8, Vec<u8>)>) -> TestResult {
            let bytes = module(&sections);
            for spec in [Spec::V2, Spec::V3] {
                if let Err(e) = decode(&bytes, spec)
                    && e.offset > bytes.len()
                {
                    return TestResult::error(format!("{e} beyond {} bytes", bytes.len()));
                }
            }
            TestResult::passed()
        }
        QuickCheck::new().tests(5000).quickcheck(prop as fn(Vec<(u8, Vec<u8>)>) -> TestResult);
    }

    /// Function bodies of arbitrary instructions: type, function and code sections around them.
    #[test]
    fn arbitrary_bodies_never_panic() {
        fn prop(body: Vec<u8>) -> TestResult {
            let code = [&[0x01][..], &sized(&[&[0x00][..], &body].concat())].concat();
            let bytes = module(&[(1, vec![1, 0x60, 0, 0]), (3, vec![1, 0]), (10, code)]);
            for spec in [Spec::V2, Spec::V3] {
                if let Err(e) = decode(&bytes, spec)
                    && e.offset > bytes.len()
                {
                    return TestResult::error(format!("{e} beyond {} bytes", bytes.len()));
                }
            }
            TestResult::passed()
        }
        QuickCheck::new().tests(5000).quickcheck(prop as fn(Vec<u8>) -> TestResult);
    }
}
