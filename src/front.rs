//! The front end fused: decoding (chapter 5) and validation (chapter 3) of a binary, each
//! function body decoded just before it is checked, into a buffer its thread reuses, unless
//! the validation algorithm over its bytes ([`bytes`]) settles it first.
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
use crate::syntax::{Bodies, Expr, Module};
use crate::valid::{self, Context, bytes, modules};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

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
    malformed_first(verdict, bodies_read, code, threads)
}

/// The verdict of `Module_ok`, but where a premise failed before the functions' (`bodies_read`
/// false), a malformed body still comes first: the spec decodes before it validates.
fn malformed_first<T>(
    verdict: Result<T, Error>,
    bodies_read: bool,
    code: &Code,
    threads: usize,
) -> Result<T, Error> {
    match verdict {
        Err(Error::Invalid(e)) if !bodies_read => {
            code.each(threads, || (), |_, _, _| ()).map_err(Error::Malformed)?;
            Err(Error::Invalid(e))
        }
        verdict => verdict,
    }
}

/// [`module_ok`], and `compile` given the bodies as it asks for them, each read once (settled
/// and built at once, or decoded and checked) just before the compiler sees it: `Ok` with
/// what `compile` gave if the module is valid. The compiler gets a body only if it is
/// well-formed and valid, so code is never made of a bad one; where `compile` fails, or a
/// body was bad, the bodies are decoded and checked again as [`module_ok`] does, for the
/// verdict and error in the order the spec gives them.
pub fn module_ok_compiling<T, E>(
    m: &Module,
    code: &Code,
    spec: Spec,
    threads: usize,
    compile: impl FnOnce(&dyn Bodies) -> Result<T, E>,
) -> Result<Result<T, E>, Error> {
    let mut bodies_read = false;
    let verdict = modules::module_ok_with(m, spec, |c, imported| {
        bodies_read = true;
        let compact = bytes::Compact::new(c);
        let checked = Checked {
            c,
            compact: &compact,
            m,
            code,
            bad: AtomicBool::new(false),
            given: AtomicUsize::new(0),
            pool: Mutex::new(Vec::new()),
        };
        let compiled = compile(&checked);
        // Every body given, none bad: the functions are valid.
        let good = compiled.is_ok()
            && !checked.bad.load(Ordering::Relaxed)
            && checked.given.load(Ordering::Relaxed) == code.len();
        if !good {
            funcs_ok(c, m, code, imported, threads)?;
        }
        Ok(compiled)
    });
    malformed_first(verdict, bodies_read, code, threads)
}

/// The bodies of `code` as the compiler asks for them, each settled and built by the
/// algorithm over its bytes ([`bytes::func_ok_building_instrs`]: the instructions without
/// their offsets, which the compiler does not read), or else decoded and checked under
/// `C` (the stacks and a context a thread takes from `pool`, cloned from `c` the first
/// time); a bad one (malformed, naming a data segment without a data count, or invalid) is
/// withheld and marks the whole as `bad`; `given` counts the good ones.
struct Checked<'c, 'm> {
    c: &'c Context<'m>,
    compact: &'c bytes::Compact,
    m: &'m Module,
    code: &'c Code<'c>,
    bad: AtomicBool,
    given: AtomicUsize,
    pool: Mutex<Vec<(Context<'m>, bytes::Stacks<'c>)>>,
}

impl Bodies for Checked<'_, '_> {
    fn body<'s>(&'s self, i: usize, scratch: &'s mut Expr) -> Option<&'s Expr> {
        let f = &self.m.funcs[i];
        let taken = self.pool.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let (mut c, mut stacks) = taken.unwrap_or_else(|| (self.c.clone(), bytes::Stacks::default()));
        let mut settled = || {
            let expr = self.code.expr_bytes(i)?;
            bytes::func_ok_building_instrs(&mut stacks, self.compact, f.ty, &f.locals, expr, scratch)
        };
        // Settled, it is built too; else decoded and checked.
        let ok = settled().is_some()
            || (self.code.expr(i, scratch).is_ok()
                && !self.code.lacks_data_count(scratch)
                && modules::body_ok(&mut c, f.ty, &f.locals, scratch).is_ok());
        self.pool.lock().unwrap_or_else(|e| e.into_inner()).push((c, stacks));
        if !ok {
            self.bad.store(true, Ordering::Relaxed);
            return None;
        }
        self.given.fetch_add(1, Ordering::Relaxed);
        Some(scratch)
    }

    fn size(&self, i: usize) -> usize {
        self.code.size(i)
    }
}

/// `Func_ok` of every function under `C`: each body the algorithm over its bytes settles
/// ([`bytes::func_ok`]) is valid; any other is decoded, then checked. A run of bodies stops
/// checking at its first invalid one but goes on decoding: a later malformed body is the
/// error then. Otherwise the error is the first invalid function's in index order, as
/// [`modules::module_ok`] reports it.
fn funcs_ok(c: &Context, m: &Module, code: &Code, imported: usize, threads: usize) -> Result<(), Error> {
    let compact = bytes::Compact::new(c);
    let check = |(c, failed, _): &mut (Context, bool, _), i: usize, body: &_| {
        if *failed {
            return None;
        }
        let f = &m.funcs[i];
        let error = modules::body_ok(c, f.ty, &f.locals, body).err();
        *failed = error.is_some();
        error.map(|e| e.within(modules::index(imported + i)))
    };
    let verdicts = code
        .each_settled(
            threads,
            || (c.clone(), false, bytes::Stacks::default()),
            |(_, _, stacks), i, expr| {
                let f = &m.funcs[i];
                bytes::func_ok(stacks, &compact, f.ty, &f.locals, expr).map(|_| None)
            },
            check,
        )
        .map_err(Error::Malformed)?;
    match verdicts.into_iter().flatten().next() {
        Some(e) => Err(Error::Invalid(e)),
        None => Ok(()),
    }
}
