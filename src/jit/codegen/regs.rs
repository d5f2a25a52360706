//! Registers: the roles some of them play in compiled code, the pools values are allocated
//! from, and [`RegSet`], a set of registers of one class (the registers held, or those an
//! allocation must avoid).

use super::FuncCompiler;
use super::stack::Loc;
use crate::jit::x64::{Gpr, Xmm};
use smallvec::SmallVec;
use std::fmt;
use std::marker::PhantomData;

/// The general registers values are allocated from, in the order they are taken.
pub(super) const GPRS: [Gpr; 11] = [
    Gpr::Rax,
    Gpr::Rcx,
    Gpr::Rdx,
    Gpr::Rbx,
    Gpr::Rsi,
    Gpr::Rdi,
    Gpr::R8,
    Gpr::R9,
    Gpr::R10,
    Gpr::R12,
    Gpr::R13,
];

/// The XMM registers values are allocated from: all but the scratch one.
pub(super) const XMMS: [Xmm; 15] = {
    let mut pool = [Xmm::Xmm0; 15];
    let mut i = 0;
    while i < 15 {
        pool[i] = Xmm::ALL[i];
        i += 1;
    }
    pool
};

/// [`GPRS`] and [`XMMS`] as sets. Each pool lists its registers in the order of their
/// encodings (asserted here), so that the first free one in the pool is the lowest free bit of
/// its set.
macro_rules! pool {
    ($regs:expr) => {{
        let mut bits = 0;
        let mut i = 0;
        while i < $regs.len() {
            assert!(i == 0 || $regs[i - 1].enc() < $regs[i].enc(), "a pool in the order of encodings");
            bits |= 1 << $regs[i].enc();
            i += 1;
        }
        RegSet { bits, class: PhantomData }
    }};
}
pub(super) const GPR_POOL: RegSet<Gpr> = pool!(GPRS);
pub(super) const XMM_POOL: RegSet<Xmm> = pool!(XMMS);

/// How many registers of a class the cache of locals leaves free when it takes one of its
/// own (a `local.tee`'s copy, a loop header's locals).
pub(super) const SPARE: u32 = 4;

/// Scratch registers: never allocated, clobbered by any operation.
pub(super) const SCRATCH: Gpr = Gpr::R11;
pub(super) const XSCRATCH: Xmm = Xmm::Xmm15;
/// The instance's context.
pub(super) const CTX: Gpr = Gpr::R15;
/// The base of memory 0 (with guard pages).
pub(super) const MEMBASE: Gpr = Gpr::R14;

/// A register of a class of sixteen, by its 4-bit encoding.
pub(super) trait Reg: Copy + fmt::Debug {
    fn enc(self) -> u8;
    fn from_enc(n: u8) -> Self;
}

impl Reg for Gpr {
    fn enc(self) -> u8 {
        Gpr::enc(self)
    }
    fn from_enc(n: u8) -> Gpr {
        Gpr::from_enc(n)
    }
}

impl Reg for Xmm {
    fn enc(self) -> u8 {
        Xmm::enc(self)
    }
    fn from_enc(n: u8) -> Xmm {
        Xmm::from_enc(n)
    }
}

/// A set of registers of one class.
#[derive(Copy, Clone, PartialEq, Eq)]
pub(super) struct RegSet<R> {
    bits: u16,
    class: PhantomData<R>,
}

impl<R: Reg> RegSet<R> {
    pub const EMPTY: RegSet<R> = RegSet { bits: 0, class: PhantomData };

    pub fn of(regs: &[R]) -> RegSet<R> {
        let mut set = RegSet::EMPTY;
        for r in regs {
            set.hold(*r);
        }
        set
    }

    pub fn contains(self, r: R) -> bool {
        self.bits & 1 << r.enc() != 0
    }

    /// Add `r` to the set.
    pub fn hold(&mut self, r: R) {
        self.bits |= 1 << r.enc();
    }

    /// Take `r` out of the set.
    pub fn free(&mut self, r: R) {
        self.bits &= !(1 << r.enc());
    }

    pub fn union(self, other: RegSet<R>) -> RegSet<R> {
        RegSet { bits: self.bits | other.bits, class: PhantomData }
    }

    /// The first register of `pool` (the lowest encoding) in neither this set nor `except`,
    /// now in this set.
    pub fn alloc(&mut self, pool: RegSet<R>, except: RegSet<R>) -> Option<R> {
        let free = pool.bits & !(self.bits | except.bits);
        if free == 0 {
            return None;
        }
        let r = R::from_enc(free.trailing_zeros() as u8);
        self.hold(r);
        Some(r)
    }

    /// How many registers of `pool` are not in this set.
    pub fn free_in(self, pool: RegSet<R>) -> u32 {
        (pool.bits & !self.bits).count_ones()
    }

    /// The registers of the set, in the order of their encodings.
    pub fn iter(self) -> impl Iterator<Item = R> {
        (0..16u8).filter(move |n| self.bits & 1 << n != 0).map(R::from_enc)
    }
}

impl<R: Reg> fmt::Debug for RegSet<R> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// The register moves `(to, from)`, all at once, as a sequence of single moves: a register
/// another move still reads is written only after that read, and a cycle is broken by
/// copying one of its registers to `via` (which no move names). Every `to` is distinct.
pub(super) fn sequence_moves<R: Copy + PartialEq>(moves: &[(R, R)], via: R) -> SmallVec<[(R, R); 8]> {
    let mut pending: SmallVec<[(R, R); 8]> = moves.iter().copied().filter(|(to, from)| to != from).collect();
    // One move or none needs no order.
    if pending.len() < 2 {
        return pending;
    }
    let mut out = SmallVec::with_capacity(pending.len() + 1);
    while !pending.is_empty() {
        let free = (0..pending.len()).find(|&k| pending.iter().all(|m| m.1 != pending[k].0));
        match free {
            Some(k) => out.push(pending.swap_remove(k)),
            None => {
                let from = pending[0].1;
                out.push((via, from));
                for m in pending.iter_mut().filter(|m| m.1 == from) {
                    m.1 = via;
                }
            }
        }
    }
    out
}

impl FuncCompiler<'_, '_> {
    // ----- Allocation -----

    pub(super) fn alloc_gpr(&mut self) -> Gpr {
        self.alloc_gpr_except(RegSet::EMPTY)
    }

    /// A free pool register not in `except`, forgetting the oldest cached local or else
    /// spilling the deepest register entry if needed: the common case inlined, winning one
    /// back out of line (as for [`Self::pop_resolved`]).
    #[inline]
    pub(super) fn alloc_gpr_except(&mut self, except: RegSet<Gpr>) -> Gpr {
        match self.gprs.alloc(GPR_POOL, except) {
            Some(r) => r,
            None => self.reclaim_gpr(except),
        }
    }

    #[inline(never)]
    fn reclaim_gpr(&mut self, except: RegSet<Gpr>) -> Gpr {
        loop {
            if let Some(r) = self.gprs.alloc(GPR_POOL, except) {
                return r;
            }
            let keep = except.union(self.pinned);
            if self.uncache_one(|l| matches!(l, Loc::Gpr(r) if !keep.contains(r))) {
                continue;
            }
            let k = self
                .stack
                .iter()
                .position(|e| matches!(e.loc, Loc::Gpr(r) if !except.contains(r)))
                .expect("the pool outnumbers the registers one operation holds");
            self.spill(k);
        }
    }

    #[inline]
    pub(super) fn alloc_xmm(&mut self) -> Xmm {
        match self.xmms.alloc(XMM_POOL, RegSet::EMPTY) {
            Some(x) => x,
            None => self.reclaim_xmm(),
        }
    }

    #[inline(never)]
    fn reclaim_xmm(&mut self) -> Xmm {
        loop {
            if let Some(x) = self.xmms.alloc(XMM_POOL, RegSet::EMPTY) {
                return x;
            }
            let keep = self.pinned_xmms;
            if self.uncache_one(|l| matches!(l, Loc::Xmm(x) if !keep.contains(x))) {
                continue;
            }
            let k = self.stack.iter().position(|e| matches!(e.loc, Loc::Xmm(_))).expect("a register entry");
            self.spill(k);
        }
    }

    /// A free register taken for the cache of locals, if more than [`SPARE`] are free: the
    /// cache never takes the last ones, which operations would otherwise win back from it.
    pub(super) fn spare_gpr(&mut self) -> Option<Gpr> {
        if self.gprs.free_in(GPR_POOL) > SPARE { self.gprs.alloc(GPR_POOL, RegSet::EMPTY) } else { None }
    }

    /// [`Self::spare_gpr`] for an XMM register.
    pub(super) fn spare_xmm(&mut self) -> Option<Xmm> {
        if self.xmms.free_in(XMM_POOL) > SPARE { self.xmms.alloc(XMM_POOL, RegSet::EMPTY) } else { None }
    }

    /// Take the register `loc` names (a merge register, which the paths leave a value in).
    pub(super) fn hold(&mut self, loc: Loc) {
        match loc {
            Loc::Gpr(r) => self.gprs.hold(r),
            Loc::Xmm(x) => self.xmms.hold(x),
            _ => {}
        }
    }

    pub(super) fn free(&mut self, loc: Loc) {
        match loc {
            Loc::Gpr(r) => self.gprs.free(r),
            Loc::Xmm(x) => self.xmms.free(x),
            _ => {}
        }
    }

    /// Make `r` free: a stack entry in it goes to its slot, a cached local leaves it (an
    /// operand being worked on, in `keep`, stays where it is).
    pub(super) fn evict_gpr(&mut self, r: Gpr, keep: Loc) {
        self.uncache_reg(Loc::Gpr(r));
        if let Some(k) = self.stack.iter().position(|e| e.loc == Loc::Gpr(r)) {
            self.spill(k);
        } else {
            debug_assert!(keep == Loc::Gpr(r) || !self.gprs.contains(r), "{r:?} is held");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alloc_takes_the_pool_in_order_around_what_is_held_and_excepted() {
        let mut held = RegSet::of(&[Gpr::Rax, Gpr::Rdx]);
        assert_eq!(held.alloc(GPR_POOL, RegSet::of(&[Gpr::Rcx])), Some(Gpr::Rbx));
        assert!(held.contains(Gpr::Rbx) && !held.contains(Gpr::Rcx));
        assert_eq!(held.iter().collect::<Vec<_>>(), [Gpr::Rax, Gpr::Rdx, Gpr::Rbx]);
        held.free(Gpr::Rax);
        assert_eq!(held.alloc(GPR_POOL, RegSet::EMPTY), Some(Gpr::Rax));
        let mut all = RegSet::of(&GPRS);
        assert_eq!(all.alloc(GPR_POOL, RegSet::EMPTY), None);
        assert!(!all.contains(SCRATCH) && !all.contains(CTX) && !all.contains(MEMBASE));
        let mut xmms = RegSet::<Xmm>::EMPTY;
        assert_eq!(
            XMMS.iter().map(|_| xmms.alloc(XMM_POOL, RegSet::EMPTY).unwrap()).collect::<Vec<_>>(),
            XMMS
        );
        assert_eq!(xmms.alloc(XMM_POOL, RegSet::EMPTY), None);
        assert_eq!(format!("{:?}", RegSet::of(&[Gpr::R12, Gpr::Rcx])), "{Rcx, R12}");
    }

    /// Run the moves on a register file where each register holds its own encoding.
    fn simulate(moves: &[(Gpr, Gpr)]) -> [u8; 16] {
        let mut file: [u8; 16] = std::array::from_fn(|i| i as u8);
        for (to, from) in moves {
            file[to.enc() as usize] = file[from.enc() as usize];
        }
        file
    }

    #[test]
    fn sequenced_moves_give_every_register_its_source_value() {
        let regs = [Gpr::Rsi, Gpr::Rdi, Gpr::R8, Gpr::R9];
        // Every assignment of sources (drawn from the targets and two others, repeats
        // allowed) to the four targets: chains, cycles, self-moves, one source read twice.
        let sources = [Gpr::Rsi, Gpr::Rdi, Gpr::R8, Gpr::R9, Gpr::Rax, Gpr::Rcx];
        for n in 0..sources.len().pow(4) {
            let moves: Vec<(Gpr, Gpr)> =
                (0..4).map(|j| (regs[j], sources[n / sources.len().pow(j as u32) % sources.len()])).collect();
            let seq = sequence_moves(&moves, SCRATCH);
            let file = simulate(&seq);
            for (to, from) in &moves {
                assert_eq!(file[to.enc() as usize], from.enc(), "{moves:?} as {seq:?}");
            }
            let kept = [Gpr::Rax, Gpr::Rcx, Gpr::Rdx];
            assert!(kept.iter().all(|r| file[r.enc() as usize] == r.enc()), "{moves:?}: only targets change");
            // One extra move per cycle, and a cycle takes two moves at least.
            assert!(seq.len() <= moves.len() * 3 / 2, "{moves:?} as {seq:?}: too many moves");
        }
        let swap = sequence_moves(&[(Gpr::Rsi, Gpr::Rdi), (Gpr::Rdi, Gpr::Rsi)], SCRATCH);
        assert_eq!(swap.len(), 3, "a swap goes through the scratch register: {swap:?}");
    }
}
