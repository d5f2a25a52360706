//! The code section, framed first and its expressions decoded after (`decode_framed`).
//!
//! A function body (binary-code) is its size, its locals and an expression that ends at the
//! size. Nothing in an expression depends on what came before it in the section, so the pass
//! over the sections reads each body's size and locals in turn (the locals draw on one budget
//! for the module) and skips its expression. The expressions are decoded afterwards, on as
//! many threads as asked, each body into a buffer its thread reuses, so offsets and messages
//! are the ones a single pass gives and nothing is allocated per instruction. The error
//! reported is the first a single pass meets: an expression's before anything after it, and
//! an error of the pass over the sections only when every expression before it decodes.

use super::modules::locals;
use super::{Error, Reader, Result};
use crate::Spec;
use crate::rules;
use crate::syntax::{Bodies, Expr, Instr, ValType};

/// Where a body lies, as the pass over the sections leaves it: where its expression starts,
/// and where the body starts (after its size) and ends.
#[derive(Clone, Debug)]
pub(super) struct Framing {
    expr: usize,
    start: usize,
    end: usize,
}

/// binary-codesec, framed: each body's locals read, its expression still bytes.
#[derive(Clone, Debug)]
pub struct Code<'b> {
    bytes: &'b [u8],
    spec: Spec,
    bodies: Vec<Framing>,
    /// Whether the module has a data count section, which a body naming a data segment needs.
    data_count: bool,
}

/// binary-code's size and binary-func's locals; the reader then moves to the end of the
/// body (or of the bytes, where the size runs past them: the expression's decoding fails
/// then, before anything read after it counts).
pub(super) fn framing(r: &mut Reader, budget: &mut usize) -> Result<(Vec<ValType>, Framing)> {
    r.ctx = rules::BINARY_CODE;
    let size = r.len()?;
    let start = r.pos;
    r.ctx = rules::BINARY_FUNC;
    let locals = locals(r, budget)?;
    let body = Framing { expr: r.pos, start, end: start + size };
    r.pos = body.end.min(r.bytes.len());
    Ok((locals, body))
}

impl<'b> Code<'b> {
    pub(super) fn new(bytes: &'b [u8], spec: Spec, bodies: Vec<Framing>, data_count: bool) -> Code<'b> {
        Code { bytes, spec, bodies, data_count }
    }

    /// The number of bodies.
    pub fn len(&self) -> usize {
        self.bodies.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bodies.is_empty()
    }

    /// The bytes of body `i`'s expression: what cutting the code into runs weighs.
    pub fn size(&self, i: usize) -> usize {
        let b = &self.bodies[i];
        b.end.saturating_sub(b.expr)
    }

    /// binary-func's expression of body `i`, into `expr` (its buffers reused), and
    /// binary-code's check that it ends where the size says.
    pub fn expr(&self, i: usize, expr: &mut Expr) -> Result<()> {
        let body = &self.bodies[i];
        let mut r = Reader {
            pos: body.expr,
            ctx: rules::BINARY_FUNC,
            in_section: true,
            ..Reader::new(self.bytes, self.spec)
        };
        r.expr_into(expr)?;
        if r.pos != body.end {
            return r.error(body.start, "section size mismatch", rules::BINARY_CODE);
        }
        Ok(())
    }

    /// Whether `expr`, one of these bodies, names a data segment where the module has no data
    /// count section: binary-datacntsec's error, once every body has decoded ([`Code::each`]).
    pub fn lacks_data_count(&self, expr: &Expr) -> bool {
        !self.data_count && uses_data(expr).is_some()
    }

    /// The bytes of body `i`'s expression, up to the end its size gives (`None` where that
    /// lies past the module's bytes).
    pub fn expr_bytes(&self, i: usize) -> Option<&'b [u8]> {
        let body = &self.bodies[i];
        self.bytes.get(body.expr..body.end)
    }

    /// Where in the module the expression of the `i`-th body starts.
    pub fn expr_offset(&self, i: usize) -> usize {
        self.bodies[i].expr
    }

    /// Decode every expression, on up to `threads` threads, and give each in turn to `f`
    /// with the index of its body and the state of its thread (`init` makes one a thread).
    /// The error is the one decoding the module whole reports: the first body's that is
    /// malformed, and then binary-datacntsec's, a body that names a data segment without a
    /// data count section. A run of bodies stops at its first error, so `f` may not see them
    /// all, but only then.
    pub fn each<S, T: Send>(
        &self,
        threads: usize,
        init: impl Fn() -> S + Sync,
        f: impl Fn(&mut S, usize, &Expr) -> T + Sync,
    ) -> Result<Vec<T>> {
        self.each_settled(threads, init, |_, _, _| None, f)
    }

    /// [`Code::each`], but a body that `settle` decides from its expression's bytes
    /// ([`Code::expr_bytes`]) is not decoded: `Some` is its result. `settle` may decide only
    /// bodies that decode and name no data segment.
    pub fn each_settled<S, T: Send>(
        &self,
        threads: usize,
        init: impl Fn() -> S + Sync,
        settle: impl Fn(&mut S, usize, &'b [u8]) -> Option<T> + Sync,
        f: impl Fn(&mut S, usize, &Expr) -> T + Sync,
    ) -> Result<Vec<T>> {
        let mut out = Vec::with_capacity(self.len());
        let mut uses_data = None;
        for (results, used, error) in self.decode_in_runs(threads, init, settle, f) {
            out.extend(results);
            uses_data = uses_data.or(used);
            if let Some(e) = error {
                return Err(e);
            }
        }
        match uses_data {
            Some(at) if !self.data_count => Err(data_count_required(at)),
            _ => Ok(out),
        }
    }

    /// The first malformed expression's error, if any: where the pass over the sections failed
    /// after framing these bodies, theirs comes first. (The data count is not asked for: the
    /// pass's error comes before that check.)
    pub(super) fn first_malformed(&self, threads: usize) -> Result<()> {
        for (_, _, error) in self.decode_in_runs(threads, || (), |_, _, _| None, |_, _, _| ()) {
            if let Some(e) = error {
                return Err(e);
            }
        }
        Ok(())
    }

    /// Each run's results (settled or decoded), the offset of the first instruction naming a
    /// data segment, and the error it stopped at. The runs are consecutive bodies of about
    /// equal bytes, one to a thread.
    fn decode_in_runs<S, T: Send>(
        &self,
        threads: usize,
        init: impl Fn() -> S + Sync,
        settle: impl Fn(&mut S, usize, &'b [u8]) -> Option<T> + Sync,
        f: impl Fn(&mut S, usize, &Expr) -> T + Sync,
    ) -> Vec<(Vec<T>, Option<usize>, Option<Error>)> {
        let run = |range: std::ops::Range<usize>| {
            let (mut state, mut expr) = (init(), Expr::default());
            let (mut out, mut uses) = (Vec::with_capacity(range.len()), None);
            for i in range {
                if let Some(settled) = self.expr_bytes(i).and_then(|bytes| settle(&mut state, i, bytes)) {
                    out.push(settled);
                    continue;
                }
                if let Err(e) = self.expr(i, &mut expr) {
                    return (out, uses, Some(e));
                }
                if !self.data_count && uses.is_none() {
                    uses = uses_data(&expr);
                }
                out.push(f(&mut state, i, &expr));
            }
            (out, uses, None)
        };
        let runs = Bodies::runs(self, self.len(), threads);
        if runs.len() <= 1 {
            return runs.into_iter().map(run).collect();
        }
        std::thread::scope(|s| {
            let handles: Vec<_> = runs.into_iter().map(|r| s.spawn(move || run(r))).collect();
            handles.into_iter().map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect()
        })
    }
}

impl Bodies for Code<'_> {
    fn body<'s>(&'s self, i: usize, scratch: &'s mut Expr) -> Option<&'s Expr> {
        self.expr(i, scratch).ok()?;
        Some(scratch)
    }

    fn size(&self, i: usize) -> usize {
        Code::size(self, i)
    }
}

/// The offset of the first instruction that names a data segment, which the data count
/// section must have announced: the binary format is then decodable in one pass.
fn uses_data(body: &Expr) -> Option<usize> {
    let i = body.instrs.iter().position(|i| {
        matches!(
            i,
            Instr::MemoryInit(..) | Instr::DataDrop(_) | Instr::ArrayNewData(..) | Instr::ArrayInitData(..)
        )
    })?;
    Some(body.offsets[i] as usize)
}

/// binary-datacntsec: a body names a data segment at `at`, and there is no data count.
fn data_count_required(at: usize) -> Error {
    Error { message: "data count section required".into(), offset: at, rule: rules::BINARY_DATACNTSEC }
}
