//! A module's code compiled in pieces, on several threads, and linked as one block.
//!
//! The functions are cut into pieces of consecutive functions of about [`PIECE`] bytes of
//! wasm code, whatever the number of threads, so the code is the same on any number:
//! each piece is assembled on its own (its functions, their out-of-line code and its
//! constant pool), the pieces are given their places end to end in order, and the calls from
//! one piece into another are patched last; the block is written where it is mapped. A
//! module smaller than a piece is one piece, assembled as a single pass over the module
//! always was. A piece's functions are taken from [`Env::bodies`] one at a time, decoded
//! there if the module does not hold them.

use std::mem::take;
use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{Buffers, Compiled, Env, FuncCompiler, R, Unsupported};
use crate::jit::x64::{Assembler, Label};
use crate::rules::Rule;
use crate::syntax::Expr;

/// About how many bytes of wasm code a piece holds (some 30,000 instructions): large enough
/// that its bookkeeping is lost in its code, small enough that a module of a few megabytes
/// makes work for every core.
const PIECE: usize = 1 << 16;

/// One piece's code: its functions' entries and its faulting accesses, as offsets into it,
/// and its calls into other pieces, `(field, base, callee)` with `callee` a defined
/// function's index.
struct Piece {
    code: Vec<u8>,
    entries: Vec<u32>,
    faults: Vec<(u32, Rule)>,
    calls: Vec<(u32, u32, usize)>,
}

/// The labels a piece calls its module's defined functions by: its own are bound in it;
/// one of another piece gets a label when first called, never bound, whose references
/// are handed over for linking. Kept by a thread from piece to piece: `others` is indexed
/// by function (a hash map's hashing was 3% of compiling), and only the entries `called`
/// (each with its label, in the order of the first calls) are reset.
#[derive(Default)]
pub(super) struct Callees {
    own: Range<usize>,
    labels: Vec<Label>,
    others: Vec<Option<Label>>,
    called: Vec<(usize, Label)>,
}

impl Callees {
    /// The label of defined function `i`.
    pub(super) fn label(&mut self, asm: &mut Assembler, i: usize) -> Label {
        if self.own.contains(&i) {
            return self.labels[i - self.own.start];
        }
        if let Some(label) = self.others[i] {
            return label;
        }
        let label = asm.new_label();
        self.others[i] = Some(label);
        self.called.push((i, label));
        label
    }

    /// Ready for the piece of functions `run` of `funcs`, its labels new in `asm`.
    fn start(&mut self, asm: &mut Assembler, run: Range<usize>, funcs: usize) {
        for (i, _) in self.called.drain(..) {
            self.others[i] = None;
        }
        self.others.resize(funcs, None);
        self.labels.clear();
        self.labels.extend(run.clone().map(|_| asm.new_label()));
        self.own = run;
    }
}

/// Compile every defined function on `env.options.threads` threads and link the pieces.
/// The error, if any, is the first function's in index order.
pub(super) fn compile(env: &Env) -> R<Compiled> {
    let pieces = cut(env);
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<Option<R<Piece>>>> = Mutex::new((0..pieces.len()).map(|_| None).collect());
    let work = || {
        // The buffer each body is read into and those of its compilation, kept by the thread
        // from piece to piece.
        let (mut scratch, mut buffers, mut callees) =
            (Expr::default(), Buffers::default(), Callees::default());
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(run) = pieces.get(k) else { break };
            let piece = compile_piece(env, run.clone(), &mut scratch, &mut buffers, &mut callees);
            done.lock().unwrap_or_else(|e| e.into_inner())[k] = Some(piece);
        }
    };
    let threads = env.options.threads.clamp(1, pieces.len().max(1));
    // With more than one, every piece on a new thread, this one waiting: while it works too,
    // a new thread waits on its core for the scheduler to move it to an idle one (up to a
    // tick, 4 ms on the 2-core guests measured: a small module's whole compilation, done on
    // one core); while it waits, one of the new threads runs in its place. One scope for
    // both cases: a branch around it compiled the one-thread loop differently (+0.25%
    // instructions).
    let spawned = if threads > 1 { threads } else { 0 };
    std::thread::scope(|s| {
        for _ in 0..spawned {
            s.spawn(work);
        }
        if spawned == 0 {
            work();
        }
    });
    let pieces = done.into_inner().unwrap_or_else(|e| e.into_inner());
    Ok(link(pieces.into_iter().map(|p| p.expect("every piece compiled")).collect::<R<Vec<_>>>()?))
}

/// Cut the defined functions into runs of at least [`PIECE`] bytes of code (the last may
/// hold fewer).
fn cut(env: &Env) -> Vec<Range<usize>> {
    let (mut runs, mut start, mut size) = (Vec::new(), 0, 0);
    for i in 0..env.module.funcs.len() {
        size += env.bodies.size(i);
        if size >= PIECE {
            runs.push(start..i + 1);
            (start, size) = (i + 1, 0);
        }
    }
    if start < env.module.funcs.len() {
        runs.push(start..env.module.funcs.len());
    }
    runs
}

/// Assemble the defined functions `run`, each at a 16-byte boundary, each body read into
/// `scratch` ([`Env::bodies`]) and compiled in `buffers`, the calls labelled in `callees`.
fn compile_piece(
    env: &Env,
    run: Range<usize>,
    scratch: &mut Expr,
    buffers: &mut Buffers,
    callees: &mut Callees,
) -> R<Piece> {
    let bytes = run.clone().map(|i| env.bodies.size(i)).sum::<usize>();
    let mut asm = Assembler::with_capacity(32 * bytes);
    callees.start(&mut asm, run.clone(), env.module.funcs.len());
    // The real-world binaries have a memory access every 15-17 bytes of code; grown from
    // nothing, the faults' table was copied a dozen times a piece.
    let (mut entries, mut faults) = (Vec::with_capacity(run.len()), Vec::with_capacity(bytes / 8));
    for i in run.clone() {
        let body = env.bodies.body(i, scratch).ok_or(Unsupported("a body that does not decode"))?;
        asm.align(16);
        asm.bind(callees.labels[i - run.start]);
        entries.push(asm.offset());
        let compiler = FuncCompiler::new(&mut asm, env, callees, &mut faults, i, take(buffers))?;
        *buffers = compiler.compile(body)?;
    }
    // In the order of the first calls, as the code is: the same on any thread.
    let mut calls = Vec::new();
    for &(callee, label) in &callees.called {
        calls.extend(asm.take_refs(label).map(|(at, base)| (at, base, callee)));
    }
    Ok(Piece { code: asm.finish(), entries, faults, calls })
}

/// Lay the pieces end to end, each at a 16-byte boundary (its constant pool is aligned
/// within it), and patch the calls between them, each in its piece: the code is laid out in
/// one block only where it is mapped ([`MachineCode::write_to`]). Copying it here too was a
/// tenth of compiling a large module on two cores, serially (its fresh pages, mostly).
fn link(pieces: Vec<Piece>) -> Compiled {
    let (mut bases, mut len) = (Vec::with_capacity(pieces.len()), 0usize);
    for piece in &pieces {
        let base = len.next_multiple_of(16);
        bases.push(base as u32);
        len = base + piece.code.len();
    }
    let mut funcs = Vec::with_capacity(pieces.iter().map(|p| p.entries.len()).sum());
    for (piece, &base) in pieces.iter().zip(&bases) {
        funcs.extend(piece.entries.iter().map(|e| base + e));
    }
    let mut code = MachineCode { pieces: Vec::with_capacity(pieces.len()), len };
    let mut faults = Faults { pieces: Vec::with_capacity(pieces.len()) };
    for (mut piece, base) in pieces.into_iter().zip(bases) {
        for &(at, from, callee) in &piece.calls {
            let rel = funcs[callee].wrapping_sub(base + from);
            piece.code[at as usize..at as usize + 4].copy_from_slice(&rel.to_le_bytes());
        }
        code.pieces.push((base, piece.code));
        faults.pieces.push((base, piece.faults));
    }
    Compiled { code, funcs, faults }
}

/// The memory accesses that may fault, each with the rule its trap names: each piece's table
/// (in order of place, from the piece's start) beside the piece's offset in the code, as the
/// pieces left them. Merged into one table, an entry per access, copying them was most of
/// linking (serially, megabytes of fresh memory).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Faults {
    pieces: Vec<(u32, Vec<(u32, Rule)>)>,
}

impl Faults {
    /// The rule of the access at `offset` in the code, if one is there.
    pub fn rule_at(&self, offset: u32) -> Option<Rule> {
        let k = self.pieces.partition_point(|p| p.0 <= offset).checked_sub(1)?;
        let (base, table) = &self.pieces[k];
        let i = table.binary_search_by_key(&(offset - base), |f| f.0).ok()?;
        Some(table[i].1)
    }

    /// Every access, `(offset in the code, rule)`, in order of place.
    pub fn iter(&self) -> impl Iterator<Item = (u32, Rule)> + '_ {
        self.pieces.iter().flat_map(|(base, table)| table.iter().map(move |&(at, rule)| (base + at, rule)))
    }
}

/// A module's machine code: pieces, each at its offset in the code, the gaps between them
/// `int3` (0xCC), as [`link`] lays them out.
#[derive(Clone, Debug, Default)]
pub struct MachineCode {
    pieces: Vec<(u32, Vec<u8>)>,
    len: usize,
}

impl MachineCode {
    /// The code's size in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Lay the code out in `out`, which is [`MachineCode::len`] bytes long.
    pub fn write_to(&self, out: &mut [u8]) {
        let mut end = 0;
        for (base, piece) in &self.pieces {
            let base = *base as usize;
            out[end..base].fill(0xCC);
            out[base..base + piece.len()].copy_from_slice(piece);
            end = base + piece.len();
        }
        out[end..self.len].fill(0xCC);
    }

    /// The code laid out in one vector.
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = vec![0; self.len];
        self.write_to(&mut out);
        out
    }
}

impl PartialEq for MachineCode {
    /// The same bytes, however they are cut.
    fn eq(&self, other: &MachineCode) -> bool {
        self.len == other.len && self.to_vec() == other.to_vec()
    }
}
