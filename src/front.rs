//! The front end fused: decoding (chapter 5) and validation (chapter 3) of a binary, each
//! function body decoded just before it is checked, into a buffer its thread reuses.
//!
//! [`binary::decode_on`] then [`valid::validate_on`] hold every body's instructions at once
//! (an `Instr` and an offset per instruction: tens of bytes for each byte of code), and page
//! faults and allocation cost more than the rules. Here only the sections are decoded whole
//! ([`binary::decode_framed`]); the bodies follow one at a time, in runs on up to `threads`
//! threads ([`binary::Code::each`]). The verdict and the error are the ones of decoding then
//! validating: a malformed body anywhere comes before any invalid definition, since the
//! spec decodes the whole module before it validates.

use crate::Spec;
use crate::binary::{self, Code};
use crate::syntax::Module;
use crate::valid::{self, Context, modules};

/// Why a binary was refused: malformed (it does not decode) or invalid.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    Malformed(binary::Error),
    Invalid(valid::Error),
}

impl From<valid::Error> for Error {
    fn from(e: valid::Error) -> Error {
        Error::Invalid(e)
    }
}

/// Decode and validate `bytes` on up to `threads` threads: the verdict, and the error, of
/// [`binary::decode_on`] and then [`valid::validate_on`], on any number of threads.
pub fn validate(bytes: &[u8], spec: Spec, threads: usize) -> Result<(), Error> {
    let (m, code) = binary::decode_framed(bytes, spec, threads).map_err(Error::Malformed)?;
    module_ok(&m, &code, spec, threads)
}

/// `Module_ok` of a module as [`binary::decode_framed`] leaves it, its bodies decoded from
/// `code` as they are checked: the rest of [`validate`].
pub fn module_ok(m: &Module, code: &Code, spec: Spec, threads: usize) -> Result<(), Error> {
    let mut bodies_read = false;
    let verdict = modules::module_ok_with(m, spec, |c, imported| {
        bodies_read = true;
        funcs_ok(c, m, code, imported, threads)
    });
    match verdict {
        // A premise before the functions' failed: a malformed body still comes first.
        Err(Error::Invalid(e)) if !bodies_read => {
            code.each(threads, || (), |_, _, _| ()).map_err(Error::Malformed)?;
            Err(Error::Invalid(e))
        }
        verdict => verdict,
    }
}

/// `Func_ok` of every function under `C`, each body decoded before it is checked. A run of
/// bodies stops checking at its first invalid one but goes on decoding: a later malformed
/// body is the error then. Otherwise the error is the first invalid function's in index
/// order, as [`modules::module_ok`] reports it.
fn funcs_ok(c: &Context, m: &Module, code: &Code, imported: usize, threads: usize) -> Result<(), Error> {
    let check = |(c, failed): &mut (Context, bool), i: usize, body: &_| {
        if *failed {
            return None;
        }
        let f = &m.funcs[i];
        let error = modules::body_ok(c, f.ty, &f.locals, body).err();
        *failed = error.is_some();
        error.map(|e| e.within(modules::index(imported + i)))
    };
    let verdicts = code.each(threads, || (c.clone(), false), check).map_err(Error::Malformed)?;
    match verdicts.into_iter().flatten().next() {
        Some(e) => Err(Error::Invalid(e)),
        None => Ok(()),
    }
}
