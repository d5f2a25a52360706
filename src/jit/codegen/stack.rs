//! The abstract value stack: what the operand stack holds while code is emitted. Each entry
//! is a constant, a register, a local (read lazily when used) or its home slot in the frame;
//! operations consume entries where they are and push their result in a register. Spilling
//! moves entries to their home slots: when registers run out, at calls, and where control
//! flow merges. The parametric instructions, `drop` and `select`, are moves of entries.

use super::regs::{RegSet, SCRATCH, XSCRATCH};
use super::{FuncCompiler, Unsupported};
use crate::jit::runtime::area_at;
use crate::jit::x64::Mem;
use crate::jit::x64::*;
use crate::syntax::*;
use smallvec::SmallVec;

/// The kinds of value the compiler moves: integers and references in general registers,
/// floats and vectors in XMM registers.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    I32,
    I64,
    F32,
    F64,
    V128,
    Ref,
}

/// The kinds of a function type's parameters or results: a few, as a rule.
pub(super) type Kinds = SmallVec<[Kind; 8]>;

impl Kind {
    pub(super) fn of(t: ValType) -> Result<Kind, Unsupported> {
        Ok(match t {
            ValType::I32 => Kind::I32,
            ValType::I64 => Kind::I64,
            ValType::F32 => Kind::F32,
            ValType::F64 => Kind::F64,
            ValType::Ref(_) => Kind::Ref,
            ValType::V128 => Kind::V128,
            ValType::Bot => return Err(Unsupported("bot")),
        })
    }

    /// The kind of values of a type the module check admitted.
    pub(super) fn admitted(t: ValType) -> Kind {
        Kind::of(t).expect("validated: no bottom type")
    }

    /// The kinds of values of types the module check admitted, written straight into the
    /// inline buffer where they fit, as a signature's mostly do (every call asks twice).
    pub(super) fn all(ts: &[ValType]) -> Kinds {
        let mut buf = [Kind::I32; 8];
        if ts.len() > buf.len() {
            return ts.iter().map(|t| Kind::admitted(*t)).collect();
        }
        for (k, t) in buf.iter_mut().zip(ts) {
            *k = Kind::admitted(*t);
        }
        Kinds::from_buf_and_len(buf, ts.len())
    }

    pub(super) fn num(t: NumType) -> Kind {
        match t {
            NumType::I32 => Kind::I32,
            NumType::I64 => Kind::I64,
            NumType::F32 => Kind::F32,
            NumType::F64 => Kind::F64,
        }
    }

    /// Whether its values live in XMM registers (floats and vectors) or general ones.
    pub(super) fn in_xmm(self) -> bool {
        matches!(self, Kind::F32 | Kind::F64 | Kind::V128)
    }

    /// The operand size in a general register (a vector's is that of its halves).
    pub(super) fn size(self) -> Size {
        match self {
            Kind::I32 | Kind::F32 => Size::S32,
            Kind::I64 | Kind::F64 | Kind::V128 | Kind::Ref => Size::S64,
        }
    }

    /// The words a value takes in memory: a `v128` two.
    pub(super) fn words(self) -> u32 {
        if self == Kind::V128 { 2 } else { 1 }
    }
}

/// Where an operand is.
#[derive(Copy, Clone, Debug, PartialEq)]
pub(super) enum Loc {
    Gpr(Gpr),
    Xmm(Xmm),
    /// The bits of a constant.
    Const(u64),
    /// A `v128` constant, in the constant pool (16-byte aligned).
    Pool(Label),
    /// The current value of a local, read when used.
    Local(u32),
    /// The entry's home slot.
    Slot,
}

#[derive(Copy, Clone, Debug)]
pub(super) struct Entry {
    pub(super) kind: Kind,
    pub(super) loc: Loc,
    /// The first word of its home slot below `rbp` (`frame.rs`): after the slots of the
    /// entries under it, so the same on every path to the same stack height.
    pub(super) at: u32,
}

/// What a source operand of an ALU instruction is.
#[derive(Copy, Clone)]
pub(super) enum Src {
    Imm(i32),
    Reg(Gpr),
    Mem(Mem),
    /// Must be loaded into a register first.
    Load,
}

impl FuncCompiler<'_, '_> {
    // ----- Entries -----

    /// Push an entry; the deepest stack sizes the frame.
    pub(super) fn push(&mut self, kind: Kind, loc: Loc) {
        let at = area_at(self.slots_end(self.stack.len()), kind.words() == 2);
        self.stack.push(Entry { kind, loc, at });
        self.frame.max_words = self.frame.max_words.max(at + kind.words());
    }

    /// The word after the home slots of the entries under entry `k`.
    pub(super) fn slots_end(&self, k: usize) -> u32 {
        match k.checked_sub(1) {
            Some(below) => self.stack[below].at + self.stack[below].kind.words(),
            None => self.frame.slots,
        }
    }

    /// The entry's home slot.
    pub(super) fn slot(e: Entry) -> Mem {
        Self::slot_at(e.at, e.kind)
    }

    pub(super) fn pop(&mut self) -> Entry {
        self.stack.pop().expect("validated: an operand is there")
    }

    /// Pop the top entry, a slot entry loaded into a register. Inlined, with the load out of
    /// line: as one function, every pop saved and restored six registers for the load's sake.
    #[inline]
    pub(super) fn pop_resolved(&mut self) -> Entry {
        let e = self.pop();
        if e.loc == Loc::Slot { self.from_slot(e) } else { e }
    }

    /// A slot entry, loaded into a register (so that it can be handled like the others).
    #[inline(never)]
    fn from_slot(&mut self, e: Entry) -> Entry {
        let addr = Self::slot(e);
        if e.kind.in_xmm() {
            let x = self.alloc_xmm();
            self.movs_xm(e.kind, x, addr);
            Entry { loc: Loc::Xmm(x), ..e }
        } else {
            let r = self.alloc_gpr();
            self.asm.mov_rm(e.kind.size(), r, addr);
            Entry { loc: Loc::Gpr(r), ..e }
        }
    }

    /// Pop the top entry into a general register the caller owns.
    pub(super) fn pop_gpr(&mut self) -> Gpr {
        let e = self.pop_resolved();
        self.into_gpr(e)
    }

    /// The entry's value in a general register that the caller owns (and may clobber).
    pub(super) fn into_gpr(&mut self, e: Entry) -> Gpr {
        self.into_gpr_except(e, RegSet::EMPTY)
    }

    pub(super) fn into_gpr_except(&mut self, e: Entry, except: RegSet<Gpr>) -> Gpr {
        if let Loc::Gpr(r) = e.loc {
            if !except.contains(r) {
                return r;
            }
        }
        let r = self.alloc_gpr_except(except);
        self.load_gpr(e, r);
        self.free(e.loc);
        r
    }

    /// Load an entry's value into a general register.
    pub(super) fn load_gpr(&mut self, e: Entry, r: Gpr) {
        let size = e.kind.size();
        match e.loc {
            Loc::Gpr(s) if s == r => {}
            Loc::Gpr(s) => self.asm.mov_rr(size, r, s),
            Loc::Xmm(_) | Loc::Const(_) => self.load_gpr_other(e, r),
            Loc::Local(i) => match self.cached(i) {
                Some(Loc::Gpr(c)) => self.asm.mov_rr(size, r, c),
                _ => {
                    let addr = self.local_addr(i);
                    self.asm.mov_rm(size, r, addr);
                }
            },
            Loc::Pool(_) => unreachable!("a vector is not in a general register"),
            Loc::Slot => unreachable!("a slot entry is loaded from its slot"),
        }
    }

    /// [`load_gpr`](Self::load_gpr) of a constant or a float's bits, out of line: inlined,
    /// their encodings made every load save and restore more registers.
    #[inline(never)]
    fn load_gpr_other(&mut self, e: Entry, r: Gpr) {
        let size = e.kind.size();
        match e.loc {
            Loc::Xmm(x) if size == Size::S32 => self.asm.movd_rx(r, x),
            Loc::Xmm(x) => self.asm.movq_rx(r, x),
            Loc::Const(bits) if size == Size::S32 => self.asm.mov_ri(Size::S32, r, bits as i32),
            Loc::Const(bits) => self.asm.mov_ri64(r, bits as i64),
            _ => unreachable!("a constant or a float's bits"),
        }
    }

    /// Load an entry's value into `r` (a fixed register the operation needs), freeing the
    /// register it was in.
    pub(super) fn load_gpr_to(&mut self, e: Entry, r: Gpr) {
        match e.loc {
            Loc::Gpr(s) if s == r => {}
            _ => {
                self.load_gpr(e, r);
                self.free(e.loc);
            }
        }
    }

    /// Pop the top entry into an XMM register the caller owns.
    pub(super) fn pop_xmm(&mut self) -> Xmm {
        let e = self.pop_resolved();
        self.into_xmm(e)
    }

    /// The entry's value in an XMM register that the caller owns.
    pub(super) fn into_xmm(&mut self, e: Entry) -> Xmm {
        if let Loc::Xmm(x) = e.loc {
            return x;
        }
        let x = self.alloc_xmm();
        self.load_xmm(e, x);
        self.free(e.loc);
        x
    }

    /// Load an entry's value into an XMM register.
    pub(super) fn load_xmm(&mut self, e: Entry, x: Xmm) {
        match e.loc {
            Loc::Xmm(s) if s == x => {}
            Loc::Xmm(s) => self.asm.sse_xx(Sse::MOVAPS, x, s),
            Loc::Gpr(r) => {
                debug_assert!(e.kind != Kind::V128);
                if e.kind == Kind::F32 { self.asm.movd_xr(x, r) } else { self.asm.movq_xr(x, r) }
            }
            Loc::Const(bits) => {
                if bits == 0 {
                    self.asm.sse_xx(Sse::XORPS, x, x);
                } else {
                    let c = if e.kind == Kind::F32 {
                        self.asm.const_u32(bits as u32)
                    } else {
                        self.asm.const_u64(bits)
                    };
                    self.movs_xm(e.kind, x, c);
                }
            }
            Loc::Local(i) => match self.cached(i) {
                Some(Loc::Xmm(c)) => self.asm.sse_xx(Sse::MOVAPS, x, c),
                _ => {
                    let addr = self.local_addr(i);
                    self.movs_xm(e.kind, x, addr);
                }
            },
            Loc::Pool(c) => self.movs_xm(e.kind, x, c),
            Loc::Slot => self.movs_xm(e.kind, x, Self::slot(e)),
        }
    }

    /// An operand for an ALU instruction's source: an immediate, a register, or memory.
    fn source(&self, e: Entry) -> Src {
        match e.loc {
            Loc::Const(bits) if e.kind.size() == Size::S32 || bits as i64 == bits as i32 as i64 => {
                Src::Imm(bits as i32)
            }
            Loc::Gpr(r) => Src::Reg(r),
            Loc::Local(i) => Src::Mem(self.local_addr(i)),
            Loc::Slot => Src::Mem(Self::slot(e)),
            Loc::Const(_) | Loc::Xmm(_) | Loc::Pool(_) => Src::Load,
        }
    }

    /// Pop an integer operand as an ALU source (immediate, register or memory; a local's
    /// cached register in place); a register it holds goes back to the pool with
    /// [`Self::free`].
    pub(super) fn pop_src(&mut self) -> (Src, Loc) {
        let e = self.pop();
        if let Loc::Local(x) = e.loc
            && let Some(c) = self.pinned_gpr(x)
        {
            return (Src::Reg(c), e.loc);
        }
        match self.source(e) {
            Src::Load => {
                let r = self.into_gpr(e);
                (Src::Reg(r), Loc::Gpr(r))
            }
            src => (src, e.loc),
        }
    }

    // ----- Spilling -----

    /// Move entry `k` to its home slot.
    pub(super) fn spill(&mut self, k: usize) {
        let e = self.stack[k];
        let slot = Self::slot(e);
        self.store_entry(e, slot);
        self.free(e.loc);
        self.stack[k].loc = Loc::Slot;
    }

    /// Store an entry's value at `addr` (whatever its location).
    pub(super) fn store_entry(&mut self, e: Entry, addr: Mem) {
        let size = e.kind.size();
        match e.loc {
            Loc::Gpr(r) => self.asm.mov_mr(size, addr, r),
            Loc::Xmm(x) => self.movs_mx(e.kind, addr, x),
            Loc::Pool(c) => {
                self.movs_xm(e.kind, XSCRATCH, c);
                self.movs_mx(e.kind, addr, XSCRATCH);
            }
            Loc::Local(i) if e.kind == Kind::V128 => {
                let from = self.local_addr(i);
                self.copy(e.kind, from, addr);
            }
            Loc::Const(bits) => {
                if size == Size::S32 || bits as i64 == bits as i32 as i64 {
                    self.asm.mov_mi(size, addr, bits as i32);
                } else {
                    self.asm.mov_ri64(SCRATCH, bits as i64);
                    self.asm.mov_mr(size, addr, SCRATCH);
                }
            }
            Loc::Local(i) => match self.cached(i) {
                Some(Loc::Gpr(c)) => self.asm.mov_mr(size, addr, c),
                Some(Loc::Xmm(c)) => self.movs_mx(e.kind, addr, c),
                _ => {
                    let from = self.local_addr(i);
                    self.asm.mov_rm(size, SCRATCH, from);
                    self.asm.mov_mr(size, addr, SCRATCH);
                }
            },
            Loc::Slot => unreachable!("a slot is stored by its own spill"),
        }
    }

    /// Copy a value between two places in memory at its own width: a wider load of a
    /// narrower store would stall the store's forwarding.
    pub(super) fn copy(&mut self, kind: Kind, from: Mem, to: Mem) {
        if kind == Kind::V128 {
            self.movs_xm(kind, XSCRATCH, from);
            self.movs_mx(kind, to, XSCRATCH);
        } else {
            self.asm.mov_rm(kind.size(), SCRATCH, from);
            self.asm.mov_mr(kind.size(), to, SCRATCH);
        }
    }

    /// `movss`/`movsd`/`movdqu [addr], x`: store a float or vector of this kind.
    pub(super) fn movs_mx(&mut self, kind: Kind, addr: Mem, x: Xmm) {
        let op = match kind {
            Kind::F32 => SseStore::MOVSS,
            Kind::V128 => SseStore::MOVDQU,
            _ => SseStore::MOVSD,
        };
        self.asm.sse_mx(op, addr, x);
    }

    /// `movss`/`movsd`/`movdqu x, [addr]`: load a float or vector of this kind.
    pub(super) fn movs_xm(&mut self, kind: Kind, x: Xmm, addr: impl Into<Addr>) {
        let op = match kind {
            Kind::F32 => Sse::MOVSS,
            Kind::V128 => Sse::MOVDQU,
            _ => Sse::MOVSD,
        };
        self.asm.sse_xm(op, x, addr);
    }

    /// Spill every register entry and forget the cache of locals (before calls).
    pub(super) fn spill_regs(&mut self) {
        self.spill_regs_under(self.stack.len());
    }

    /// [`spill_regs`](Self::spill_regs) for the entries under `top` (a call's arguments are
    /// above it).
    pub(super) fn spill_regs_under(&mut self, top: usize) {
        self.clear_cache();
        for k in 0..top {
            if matches!(self.stack[k].loc, Loc::Gpr(_) | Loc::Xmm(_)) {
                self.spill(k);
            }
        }
    }

    /// Everything but constants to its home slot (where control flow merges).
    pub(super) fn spill_all(&mut self) {
        for k in 0..self.stack.len() {
            if !matches!(self.stack[k].loc, Loc::Const(_) | Loc::Pool(_) | Loc::Slot) {
                self.spill(k);
            }
        }
    }

    /// A block's parameters, constants too, to their slots: every path into the block's
    /// label (its start for a loop, the else arm for an if) finds them there.
    pub(super) fn params_to_slots(&mut self, n: usize) {
        for k in self.stack.len() - n..self.stack.len() {
            if self.stack[k].loc != Loc::Slot {
                self.spill(k);
            }
        }
    }

    /// Entries that read local `x` lazily read it now, before it changes.
    pub(super) fn materialize_local(&mut self, x: u32) {
        for k in 0..self.stack.len() {
            if self.stack[k].loc == Loc::Local(x) {
                self.spill(k);
            }
        }
    }

    // ----- Parametric instructions -----

    /// `drop`.
    pub(super) fn drop_top(&mut self) {
        let e = self.pop();
        self.free(e.loc);
    }

    /// `select`: a conditional move (a branch around a move for floats). A comparison just
    /// before leaves its flags instead of an operand (`set_cond`); otherwise the operand is
    /// tested. Between the test and the move only moves are emitted: the flags hold.
    pub(super) fn select(&mut self) {
        let cond = match self.flags.take() {
            Some(taken) => Err(taken),
            None => Ok(self.pop_gpr()),
        };
        let b = self.pop_resolved();
        let a = self.pop_resolved();
        let (xa, xb, ra, rb) = match a.kind.in_xmm() {
            true => (Some(self.into_xmm(a)), Some(self.into_xmm(b)), None, None),
            false => (None, None, Some(self.into_gpr(a)), Some(self.into_gpr(b))),
        };
        let taken = match cond {
            Err(taken) => taken,
            Ok(r) => {
                self.asm.test_rr(Size::S32, r, r);
                self.free(Loc::Gpr(r));
                Cond::Ne
            }
        };
        if let (Some(xa), Some(xb)) = (xa, xb) {
            let keep = self.asm.new_label();
            self.asm.jcc(taken, keep);
            self.asm.sse_xx(Sse::MOVAPS, xa, xb);
            self.asm.bind(keep);
            self.free(Loc::Xmm(xb));
            self.push(a.kind, Loc::Xmm(xa));
        } else if let (Some(ra), Some(rb)) = (ra, rb) {
            self.asm.cmovcc_rr(taken.invert(), a.kind.size(), ra, rb);
            self.free(Loc::Gpr(rb));
            self.push(a.kind, Loc::Gpr(ra));
        }
    }
}
