//! The code section on several threads (`decode_on`).
//!
//! A function body (binary-code) is its size, its locals and an expression that ends at the
//! size. Nothing in an expression depends on what came before it in the section, so one
//! pass reads each body's size and locals in turn (the locals draw on one budget for the
//! module), skipping its expression; then the expressions are decoded in parallel, each in
//! its own reader over the same bytes, so offsets and messages are the ones a single pass
//! gives. The error reported is the first in the order a single pass meets them: an
//! expression's before anything after it, and an error of the first pass only when every
//! expression before it decoded.

use super::modules::locals;
use super::{Reader, Result};
use crate::rules;
use crate::syntax::{Expr, ValType};

/// A body as the first pass leaves it: its locals, and where its expression starts, and
/// where the body starts (after its size) and ends.
struct Framing {
    locals: Vec<ValType>,
    expr: usize,
    start: usize,
    end: usize,
}

/// binary-codesec's `list(code)`, the expressions decoded on `r.threads` threads.
pub(super) fn codes(r: &mut Reader, budget: &mut usize) -> Result<Vec<(Vec<ValType>, Expr)>> {
    let mut bodies = Vec::new();
    let framed = r.list(|r| {
        bodies.push(framing(r, budget)?);
        Ok(())
    });
    let exprs = exprs(r, &bodies);
    let mut codes = Vec::with_capacity(bodies.len());
    for (body, expr) in bodies.into_iter().zip(exprs) {
        codes.push((body.locals, expr?));
    }
    framed?;
    Ok(codes)
}

/// binary-code's size and binary-func's locals, as `modules::code` reads them; the reader
/// then moves to the end of the body (or of the bytes, where the size runs past them: the
/// expression's decoding fails then, before anything read after it counts).
fn framing(r: &mut Reader, budget: &mut usize) -> Result<Framing> {
    r.ctx = rules::BINARY_CODE;
    let size = r.len()?;
    let start = r.pos;
    r.ctx = rules::BINARY_FUNC;
    let locals = locals(r, budget)?;
    let body = Framing { locals, expr: r.pos, start, end: start + size };
    r.pos = body.end.min(r.bytes.len());
    Ok(body)
}

/// The expressions of `bodies`, in order, on up to `r.threads` threads, each thread taking
/// a run of consecutive bodies of about equal bytes. A run stops at its first error, so the
/// results may be fewer than the bodies, but only after an error.
fn exprs(r: &Reader, bodies: &[Framing]) -> Vec<Result<Expr>> {
    let total: usize = bodies.iter().map(|b| b.end.saturating_sub(b.expr)).sum();
    let share = total.div_ceil(r.threads.max(1)).max(1);
    let (mut runs, mut first, mut size) = (Vec::new(), 0, 0);
    for (i, b) in bodies.iter().enumerate() {
        size += b.end.saturating_sub(b.expr);
        if size >= share || i + 1 == bodies.len() {
            runs.push(&bodies[first..=i]);
            (first, size) = (i + 1, 0);
        }
    }
    let run = |run: &[Framing]| -> Vec<Result<Expr>> {
        let mut reader = Reader { pos: 0, ..Reader::new(r.bytes, r.spec) };
        reader.in_section = true;
        let mut out = Vec::with_capacity(run.len());
        for body in run {
            let expr = expr(&mut reader, body);
            let failed = expr.is_err();
            out.push(expr);
            if failed {
                break;
            }
        }
        out
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = runs.iter().map(|bodies| s.spawn(move || run(bodies))).collect();
        let joined = handles.into_iter().map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        joined.flatten().collect()
    })
}

/// binary-func's expression, and binary-code's check that it ends where the size says.
fn expr(r: &mut Reader, body: &Framing) -> Result<Expr> {
    (r.pos, r.ctx) = (body.expr, rules::BINARY_FUNC);
    let expr = r.expr()?;
    if r.pos != body.end {
        return r.error(body.start, "section size mismatch", rules::BINARY_CODE);
    }
    Ok(expr)
}
