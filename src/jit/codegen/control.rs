//! Control instructions: blocks, loops and ifs as control frames, branches, `return`, and
//! where paths meet. At a block's entry everything but constants goes to its home slot, and
//! every path into a label leaves the label's values in the home slots the label expects
//! (a block's or an `if`'s single result in a register, [`merge_reg`]), and for a loop's
//! header the cached locals in the registers the header expects.
//! Code after an unconditional branch is unreachable: it is walked, to find where its
//! nesting ends, but emits nothing.

use super::regs::{SCRATCH, XSCRATCH, sequence_moves};
use super::stack::{Kind, Kinds, Loc};
use super::{FuncCompiler, R};
use crate::jit::mutants::{Mutant, active};
use crate::jit::runtime::{Trap, area_at};
use crate::jit::x64::Mem;
use crate::jit::x64::*;
use crate::rules;
use crate::syntax::*;
use smallvec::SmallVec;

/// A block, loop, if or the function body, as code generation follows it.
pub(super) struct Ctrl {
    pub(super) kind: CtrlKind,
    /// Where a branch to it goes: the end, or for a loop the header.
    pub(super) label: Label,
    /// The else arm's start, for an `if`.
    pub(super) els: Option<Label>,
    /// The height of the operand stack under the block's parameters.
    pub(super) base: usize,
    pub(super) params: Kinds,
    pub(super) results: Kinds,
    /// Whether a branch targets the end (so results must be in their home slots there).
    pub(super) branched: bool,
    /// Whether the code was reachable where the block started.
    pub(super) live: bool,
    /// For a loop: the locals its header finds in registers, which every branch back puts
    /// there (`restore_cache`).
    pub(super) cache: Vec<(u32, Loc)>,
    /// Where the paths into the end leave the result, when that is a register ([`merge_reg`])
    /// rather than its home slot.
    pub(super) merge: Option<Loc>,
}

#[derive(Copy, Clone, PartialEq, Eq)]
pub(super) enum CtrlKind {
    Block,
    Loop,
    If,
    Else,
    Body,
}

impl Ctrl {
    /// The values a branch to this block carries.
    fn branch_kinds(&self) -> &[Kind] {
        if self.kind == CtrlKind::Loop { &self.params } else { &self.results }
    }
}

impl FuncCompiler<'_, '_> {
    // ----- Reachability -----

    pub(super) fn reachable(&self) -> bool {
        self.ctrls.last().is_none_or(|c| c.live)
    }

    /// After an unconditional branch: nothing until the block's `end` (or `else`) runs.
    fn set_unreachable(&mut self) {
        let c = self.ctrls.last_mut().expect("inside the body");
        c.live = false;
        self.live = false;
        let base = c.base;
        while self.stack.len() > base {
            let e = self.pop();
            self.free(e.loc);
        }
    }

    /// Unreachable code: follow its nesting to find where code becomes reachable again.
    pub(super) fn dead_instr(&mut self, instr: &Instr) -> R<()> {
        match instr {
            Instr::Block(_) | Instr::Loop(_) | Instr::If(_) | Instr::TryTable(..) => self.dead += 1,
            Instr::End if self.dead > 0 => self.dead -= 1,
            Instr::Else if self.dead == 0 => self.else_(),
            Instr::End => self.end(),
            _ => return Ok(()),
        }
        self.live = self.dead == 0 && self.reachable();
        Ok(())
    }

    // ----- Blocks -----

    /// `unreachable`: the trap.
    pub(super) fn unreachable(&mut self) {
        let l = self.trap_label(Trap::Unreachable, rules::STEP_PURE__UNREACHABLE);
        self.asm.jmp(l);
        self.set_unreachable();
    }

    fn block_type(&self, bt: BlockType) -> R<(Kinds, Kinds)> {
        Ok(match bt {
            BlockType::Result(None) => (Kinds::new(), Kinds::new()),
            BlockType::Result(Some(t)) => (Kinds::new(), Kinds::from_slice(&[Kind::of(t)?])),
            BlockType::Idx(x) => {
                let ft = self.env.types[x as usize];
                (
                    ft.params.iter().map(|t| Kind::of(*t)).collect::<R<_>>()?,
                    ft.results.iter().map(|t| Kind::of(*t)).collect::<R<_>>()?,
                )
            }
        })
    }

    /// `block`.
    pub(super) fn block(&mut self, bt: BlockType) -> R<()> {
        self.enter(CtrlKind::Block, bt, &[])
    }

    /// `loop`, followed by `body` (up to its `end`, and on).
    pub(super) fn loop_(&mut self, bt: BlockType, body: &[Instr]) -> R<()> {
        self.enter(CtrlKind::Loop, bt, body)
    }

    /// `block` and `loop`: everything to its slot. A loop's header counts fuel, and keeps
    /// the locals that its body reads in registers (those cached, and others while registers
    /// are plenty): each branch back puts them there again, so that a value carried from one
    /// iteration to the next stays in a register.
    fn enter(&mut self, kind: CtrlKind, bt: BlockType, body: &[Instr]) -> R<()> {
        let (params, results) = self.block_type(bt)?;
        self.spill_all();
        self.params_to_slots(params.len());
        let label = self.asm.new_label();
        let mut cache = Vec::new();
        if kind == CtrlKind::Loop {
            let read = locals_read(body, self.locals.len());
            let cached: SmallVec<[(u32, Loc); 16]> = SmallVec::from_slice(&self.cache);
            for &(x, loc) in &cached {
                if read.binary_search(&x).is_err() {
                    self.uncache_reg(loc);
                }
            }
            for &x in &read {
                self.preload_local(x);
            }
            cache = self.cache.clone();
            self.asm.bind(label);
            self.fuel();
        }
        let base = self.stack.len() - params.len();
        let merge = merge_reg(kind, &params, &results);
        if !cache.is_empty() {
            self.loops.push(self.ctrls.len());
        }
        self.ctrls.push(Ctrl {
            kind,
            label,
            els: None,
            base,
            params,
            results,
            branched: false,
            live: true,
            cache,
            merge,
        });
        Ok(())
    }

    pub(super) fn if_(&mut self, bt: BlockType) -> R<()> {
        let (params, results) = self.block_type(bt)?;
        let taken = self.condition();
        // Only moves from here to the branch: the flags hold.
        self.spill_all();
        self.params_to_slots(params.len());
        let els = self.asm.new_label();
        self.asm.jcc(taken.invert(), els);
        let label = self.asm.new_label();
        let base = self.stack.len() - params.len();
        let merge = merge_reg(CtrlKind::If, &params, &results);
        self.ctrls.push(Ctrl {
            kind: CtrlKind::If,
            label,
            els: Some(els),
            base,
            params,
            results,
            branched: false,
            live: true,
            cache: Vec::new(),
            merge,
        });
        Ok(())
    }

    /// The then-arm ends like a branch to the end; the else-arm starts from the parameters
    /// in their slots.
    pub(super) fn else_(&mut self) {
        let depth = self.ctrls.len() - 1;
        if self.ctrls[depth].live {
            self.branch(0);
        }
        let c = &mut self.ctrls[depth];
        c.kind = CtrlKind::Else;
        let els = c.els.take().expect("an if has an else label");
        let (base, params) = (c.base, c.params.clone());
        // The else arm is reachable if the if was: where it began is recorded by its label.
        c.live = true;
        while self.stack.len() > base {
            let e = self.pop();
            self.free(e.loc);
        }
        for kind in params {
            self.push(kind, Loc::Slot);
        }
        self.clear_cache();
        self.asm.bind(els);
    }

    /// `end`: where the paths into the block's end meet. The fall-through (if the end is
    /// reachable that way) and every branch to the end leave the results in their home slots,
    /// unless there is only the fall-through, whose results stay where they are. A loop's end
    /// is reached by falling through only (branches go to its header).
    pub(super) fn end(&mut self) {
        let c = self.ctrls.last().expect("validated: end closes a block");
        let merged = c.kind != CtrlKind::Loop && (c.branched || c.els.is_some());
        if c.kind == CtrlKind::Body {
            // Branches to the body return where they are; only the fall-through is left.
            if c.live {
                self.return_values();
            }
            self.ctrls.pop();
            return;
        }
        if c.live && merged {
            let (base, n, merge) = (c.base, c.results.len(), c.merge);
            self.place_results(base, n, merge);
        }
        let c = self.ctrls.pop().expect("checked");
        if self.loops.last() == Some(&self.ctrls.len()) {
            self.loops.pop();
        }
        if let Some(els) = c.els {
            // An if without else: its else path passes the parameters on, in their slots.
            self.asm.bind(els);
        }
        if c.kind != CtrlKind::Loop {
            self.asm.bind(c.label);
        }
        if merged {
            self.clear_cache();
            while self.stack.len() > c.base {
                let e = self.pop();
                self.free(e.loc);
            }
            match c.merge {
                Some(loc) => {
                    self.hold(loc);
                    self.push(c.results[0], loc);
                }
                None => {
                    for kind in c.results {
                        self.push(kind, Loc::Slot);
                    }
                }
            }
        } else if !c.live {
            self.set_unreachable();
        }
    }

    /// The top `n` entries where the paths into a label leave them: the merge register for a
    /// single result that has one, else the home slots (`place`).
    fn place_results(&mut self, base: usize, n: usize, merge: Option<Loc>) {
        let Some(to) = merge else { return self.place(base, n) };
        let e = *self.stack.last().expect("validated: the result is there");
        match (to, e.loc) {
            (Loc::Gpr(r), Loc::Slot) => self.asm.mov_rm(e.kind.size(), r, Self::slot(e)),
            (Loc::Gpr(r), _) => self.load_gpr(e, r),
            (Loc::Xmm(x), _) => self.load_xmm(e, x),
            _ => unreachable!("a merge register is a register"),
        }
    }

    /// Put the top `n` entries into the home slots of the stack positions `base..base + n`:
    /// where they would be, laid out over the entries under `base`.
    fn place(&mut self, base: usize, n: usize) {
        let top = self.stack.len() - n;
        let mut end = self.slots_end(base);
        for j in 0..n {
            let k = top + j;
            let e = self.stack[k];
            let at = area_at(end, e.kind.words() == 2);
            end = at + e.kind.words();
            if k == base + j && e.loc == Loc::Slot {
                continue;
            }
            let to = Self::slot_at(at, e.kind);
            if e.loc == Loc::Slot {
                self.copy(e.kind, Self::slot(e), to);
            } else {
                self.store_entry(e, to);
            }
        }
    }

    // ----- Branches -----

    /// `br l`.
    pub(super) fn br(&mut self, l: u32) {
        self.branch(l);
        self.set_unreachable();
    }

    /// Branch to the label `l` blocks out: its values to its slots, then jump.
    fn branch(&mut self, l: u32) {
        let depth = self.ctrls.len() - 1 - l as usize;
        let c = &mut self.ctrls[depth];
        c.branched = true;
        let (n, base, label, kind) = (c.branch_kinds().len(), c.base, c.label, c.kind);
        if kind == CtrlKind::Body {
            self.return_values();
            return;
        }
        let merge = self.ctrls[depth].merge;
        self.place_results(base, n, merge);
        if kind == CtrlKind::Loop {
            // Lent to the moves, not copied: they read the header, never the blocks.
            let header = std::mem::take(&mut self.ctrls[depth].cache);
            self.restore_cache(&header);
            self.ctrls[depth].cache = header;
        }
        self.asm.jmp(label);
    }

    /// On a branch back to a loop's header: the locals the header keeps in registers into
    /// them again, from the registers they are cached in now, else from memory (always
    /// current). The compiler's state is the branch's; only code is emitted.
    fn restore_cache(&mut self, header: &[(u32, Loc)]) {
        // Pushed one by one: collected, they went through `SmallVec`'s `extend`, a call.
        let mut now: SmallVec<[Option<Loc>; 16]> = SmallVec::new();
        for h in header {
            now.push(self.cached(h.0));
        }
        let mut gprs: SmallVec<[_; 16]> = SmallVec::new();
        let mut xmms: SmallVec<[_; 16]> = SmallVec::new();
        for (&(_, to), now) in header.iter().zip(&now) {
            match (to, *now) {
                (Loc::Gpr(to), Some(Loc::Gpr(from))) => gprs.push((to, from)),
                (Loc::Xmm(to), Some(Loc::Xmm(from))) => xmms.push((to, from)),
                _ => {}
            }
        }
        for (to, from) in sequence_moves(&gprs, SCRATCH) {
            self.asm.mov_rr(Size::S64, to, from);
        }
        for (to, from) in sequence_moves(&xmms, XSCRATCH) {
            self.asm.sse_xx(Sse::MOVAPS, to, from);
        }
        for (&(x, to), now) in header.iter().zip(&now) {
            let kind = self.locals[x as usize];
            match (to, *now) {
                (Loc::Gpr(r), None) => self.asm.mov_rm(kind.size(), r, self.local_addr(x)),
                (Loc::Xmm(r), None) => self.movs_xm(kind, r, self.local_addr(x)),
                _ => {}
            }
        }
    }

    /// Whether a branch to `l` needs no moves (its values are in their slots already).
    fn branch_in_place(&self, l: u32) -> bool {
        let c = &self.ctrls[self.ctrls.len() - 1 - l as usize];
        let n = c.branch_kinds().len();
        let top = self.stack.len() - n;
        let in_place = match c.merge {
            Some(loc) => self.stack[top].loc == loc,
            None => (0..n).all(|j| top + j == c.base + j && self.stack[top + j].loc == Loc::Slot),
        };
        c.kind != CtrlKind::Body && in_place && c.cache.iter().all(|h| self.cache.contains(h))
    }

    /// The operand of a `br_if` or an `if` tested: the flags set, and the condition under
    /// which it is not 0. A comparison just before may have set them already (`set_cond`).
    fn condition(&mut self) -> Cond {
        if let Some(cond) = self.flags.take() {
            return cond;
        }
        let r = self.pop_gpr();
        self.free(Loc::Gpr(r));
        self.asm.test_rr(Size::S32, r, r);
        Cond::Ne
    }

    pub(super) fn br_if(&mut self, l: u32) {
        let taken = self.condition();
        if self.ctrls[self.ctrls.len() - 1 - l as usize].kind == CtrlKind::Body {
            // On both paths, so that the state the compiler keeps is true on both. Only
            // moves: the flags hold.
            self.read_lazy_params();
        }
        let depth = self.ctrls.len() - 1 - l as usize;
        if self.branch_in_place(l) {
            self.ctrls[depth].branched = true;
            let label = self.ctrls[depth].label;
            self.asm.jcc(taken, label);
        } else {
            let skip = self.asm.new_label();
            self.asm.jcc(taken.invert(), skip);
            self.branch(l);
            self.asm.bind(skip);
        }
    }

    /// `br_table`: a bounds check to the default, then a jump table of 32-bit offsets to
    /// each target's moves and jump.
    pub(super) fn br_table(&mut self, ls: &[u32], default: u32) {
        let i = self.pop_gpr();
        self.free(Loc::Gpr(i));
        let depth = self.ctrls.len() - 1;
        if ls.iter().chain([&default]).any(|l| self.ctrls[depth - *l as usize].kind == CtrlKind::Body) {
            self.read_lazy_params();
        }
        let table = self.asm.new_label();
        // Each distinct target once, in the order of first mention; by depth, as a table may
        // name a handful of labels many thousand times.
        let mut targets: Vec<(u32, Label)> = Vec::new();
        let mut by_depth: Vec<Option<Label>> = vec![None; self.ctrls.len()];
        let mut target = |this: &mut Self, l: u32| -> Label {
            *by_depth[l as usize].get_or_insert_with(|| {
                let lab = this.asm.new_label();
                targets.push((l, lab));
                lab
            })
        };
        let default_label = target(self, default);
        let mutated = active(Mutant::BrTableDefault) && !ls.is_empty();
        if mutated {
            // Past the table: the last entry's index, not the default.
            self.asm.alu_ri(Alu::Cmp, Size::S32, i, ls.len() as i32);
            self.asm.mov_ri(Size::S32, SCRATCH, ls.len() as i32 - 1);
            self.asm.cmovcc_rr(Cond::Ae, Size::S32, i, SCRATCH);
        }
        self.asm.alu_ri(Alu::Cmp, Size::S32, i, ls.len() as i32);
        self.asm.jcc(Cond::Ae, default_label);
        self.asm.lea_rm(Size::S64, SCRATCH, table);
        self.asm.movsxd_rm(i, Mem::index(SCRATCH, i, Scale::X4, 0));
        self.asm.alu_rr(Alu::Add, Size::S64, i, SCRATCH);
        self.asm.jmp_r(i);
        self.asm.align(4);
        self.asm.bind(table);
        let entries: Vec<Label> = ls.iter().map(|l| target(self, *l)).collect();
        for lab in entries {
            self.asm.jump_table_entry(lab, table);
        }
        for (l, lab) in targets {
            self.asm.bind(lab);
            self.branch(l);
        }
        self.set_unreachable();
    }

    /// `return`.
    pub(super) fn return_(&mut self) {
        self.return_values();
        self.set_unreachable();
    }
}

/// The locals (of `n`) that a loop's body reads (`local.get`), from after the `loop` to its
/// `end`, in order: listed as first read, then sorted (not found by a pass over all `n`, a
/// function's hundreds of locals at every loop).
fn locals_read(body: &[Instr], n: usize) -> SmallVec<[u32; 16]> {
    let mut buf: SmallVec<[bool; 256]> = SmallVec::from_elem(false, n);
    // A plain slice: through the `SmallVec`, every look asked again whether it had spilled.
    let seen = &mut buf[..];
    let mut read = SmallVec::new();
    let mut depth = 0u32;
    for instr in body {
        match instr {
            Instr::Block(_) | Instr::Loop(_) | Instr::If(_) | Instr::TryTable(..) => depth += 1,
            Instr::End if depth == 0 => break,
            Instr::End => depth -= 1,
            Instr::LocalGet(x) => {
                if let Some(r @ false) = seen.get_mut(*x as usize) {
                    *r = true;
                    read.push(*x);
                }
            }
            _ => {}
        }
    }
    read.sort_unstable();
    read
}

/// Where the paths into the end of a block or an `if` without parameters and with a single
/// result leave it: `rax`, or `xmm0` for a float or a vector, which nothing else holds there
/// (the stack under the block is in its slots, and the cache is forgotten at the end).
fn merge_reg(kind: CtrlKind, params: &[Kind], results: &[Kind]) -> Option<Loc> {
    match (kind, params, results) {
        (CtrlKind::Block | CtrlKind::If, [], [k]) if k.in_xmm() => Some(Loc::Xmm(Xmm::Xmm0)),
        (CtrlKind::Block | CtrlKind::If, [], [_]) => Some(Loc::Gpr(Gpr::Rax)),
        _ => None,
    }
}
