//! Numeric instructions: each with exactly the spec's result (numerics, spec 4.3), as the
//! reference computes it, up to the NaNs the spec lets vary.

use super::FuncCompiler;
use super::regs::{RegSet, SCRATCH, XSCRATCH};
use super::stack::{Entry, Kind, Loc, Src};
use crate::jit::mutants::{Mutant, active};
use crate::jit::runtime::Trap;
use crate::jit::x64::*;
use crate::rules;
use crate::syntax::*;

impl FuncCompiler<'_, '_> {
    /// `t.const n`: a constant entry, its bits folded into the instructions that use it.
    pub(super) fn constant(&mut self, n: Num) {
        let kind = match n {
            Num::I32(_) => Kind::I32,
            Num::I64(_) => Kind::I64,
            Num::F32(_) => Kind::F32,
            Num::F64(_) => Kind::F64,
        };
        self.push(kind, Loc::Const(n.bits()));
    }

    fn alu(&mut self, op: Alu, size: Size, dst: Gpr, src: Src) {
        match src {
            Src::Imm(i) => self.asm.alu_ri(op, size, dst, i),
            Src::Reg(r) => self.asm.alu_rr(op, size, dst, r),
            Src::Mem(m) => self.asm.alu_rm(op, size, dst, m),
            Src::Load => unreachable!("loaded by pop_src"),
        }
    }

    pub(super) fn unop(&mut self, t: NumType, op: Unop) {
        match (t, op) {
            (NumType::I32 | NumType::I64, Unop::Int(op)) => {
                let kind = if t == NumType::I32 { Kind::I32 } else { Kind::I64 };
                let size = kind.size();
                let r = self.pop_gpr();
                match op {
                    IUnop::Clz => self.asm.lzcnt_rr(size, r, r),
                    IUnop::Ctz => self.asm.tzcnt_rr(size, r, r),
                    IUnop::Popcnt => self.asm.popcnt_rr(size, r, r),
                    IUnop::Extend(sz) => {
                        let from = match sz {
                            Sz::N8 => Size::S8,
                            Sz::N16 => Size::S16,
                            _ => Size::S32,
                        };
                        if from == Size::S32 {
                            self.asm.movsxd_rr(r, r)
                        } else {
                            self.asm.movsx_rr(size, r, from, r)
                        }
                    }
                }
                self.push(kind, Loc::Gpr(r));
            }
            (NumType::F32 | NumType::F64, Unop::Float(op)) => self.funop(num(t), op),
            _ => unreachable!("validated: unop at its type"),
        }
    }

    /// `fabs`, `fneg`: the sign bit by mask (NaN payloads kept, as the spec has it);
    /// `fsqrt`; `fceil`, `ffloor`, `ftrunc`, `fnearest` by `roundss` (ties to even).
    fn funop(&mut self, kind: Kind, op: FUnop) {
        let x = self.pop_xmm();
        let f32 = kind == Kind::F32;
        let sign: u128 = if f32 { 0x8000_0000 } else { 0x8000_0000_0000_0000 };
        match op {
            FUnop::Abs => {
                let m = self.asm.const_u128(!sign & if f32 { 0xffff_ffff } else { u64::MAX as u128 });
                self.asm.sse_xm(Sse::ANDPS, x, m);
            }
            FUnop::Neg => {
                let m = self.asm.const_u128(sign);
                self.asm.sse_xm(Sse::XORPS, x, m);
            }
            FUnop::Sqrt => self.asm.sse_xx(if f32 { Sse::SQRTSS } else { Sse::SQRTSD }, x, x),
            FUnop::Ceil | FUnop::Floor | FUnop::Trunc | FUnop::Nearest => {
                let mode = match op {
                    FUnop::Nearest => 0,
                    FUnop::Floor => 1,
                    FUnop::Ceil => 2,
                    _ => 3,
                };
                // Bit 3: no precision exception. NaN operands come out quiet.
                self.asm.sse_xxi(if f32 { SseImm::ROUNDSS } else { SseImm::ROUNDSD }, x, x, 8 | mode);
            }
        }
        self.push(kind, Loc::Xmm(x));
    }

    pub(super) fn binop(&mut self, t: NumType, op: Binop) {
        match op {
            Binop::Int(op) => self.ibinop(num(t), op),
            Binop::Float(op) => self.fbinop(num(t), op),
        }
    }

    /// The two operands of a commutative operation swapped when only the second is in a
    /// register of its own: the result goes there, and the first is read where it is.
    fn commute(&mut self) {
        let n = self.stack.len();
        let (a, b) = (self.stack[n - 2].loc, self.stack[n - 1].loc);
        if matches!(b, Loc::Gpr(_)) && !matches!(a, Loc::Gpr(_) | Loc::Slot) {
            self.stack[n - 2].loc = b;
            self.stack[n - 1].loc = a;
        }
    }

    fn ibinop(&mut self, kind: Kind, op: IBinop) {
        let size = kind.size();
        match op {
            IBinop::Add | IBinop::Sub | IBinop::And | IBinop::Or | IBinop::Xor => {
                let alu = match op {
                    IBinop::Add => Alu::Add,
                    IBinop::Sub => Alu::Sub,
                    IBinop::And => Alu::And,
                    IBinop::Or => Alu::Or,
                    _ => Alu::Xor,
                };
                if alu != Alu::Sub {
                    self.commute();
                }
                let (src, held) = self.pop_src();
                let a = self.pop_resolved();
                let r = self.into_gpr(a);
                self.alu(alu, size, r, src);
                self.free(held);
                self.push(kind, Loc::Gpr(r));
            }
            IBinop::Mul => {
                self.commute();
                let (src, held) = self.pop_src();
                let a = self.pop_resolved();
                let r = self.into_gpr(a);
                match src {
                    Src::Imm(i) => self.asm.imul_rri(size, r, r, i),
                    Src::Reg(s) => self.asm.imul_rr(size, r, s),
                    Src::Mem(m) => self.asm.imul_rm(size, r, m),
                    Src::Load => unreachable!(),
                }
                self.free(held);
                self.push(kind, Loc::Gpr(r));
            }
            IBinop::Shl | IBinop::Shr(_) | IBinop::Rotl | IBinop::Rotr => self.shift(kind, op),
            IBinop::Div(sx) | IBinop::Rem(sx) => self.div(kind, op, sx),
        }
    }

    /// Shifts and rotates: the count is taken mod N, as x86 does.
    #[inline(never)]
    fn shift(&mut self, kind: Kind, op: IBinop) {
        let size = kind.size();
        let shift = match op {
            IBinop::Shl => Shift::Shl,
            IBinop::Shr(Sx::S) => Shift::Sar,
            IBinop::Shr(Sx::U) => Shift::Shr,
            IBinop::Rotl => Shift::Rol,
            _ => Shift::Ror,
        };
        let count = self.pop_resolved();
        let mask31 = active(Mutant::ShrUMask31) && op == IBinop::Shr(Sx::U);
        if let Loc::Const(c) = count.loc {
            let a = self.pop_resolved();
            let r = self.into_gpr(a);
            let mask = if size == Size::S32 || mask31 { 31 } else { 63 };
            self.asm.shift_ri(shift, size, r, (c as u8) & mask);
            self.push(kind, Loc::Gpr(r));
            return;
        }
        // The count goes in cl: evict rcx, keep the value out of it.
        self.evict_gpr(Gpr::Rcx, count.loc);
        self.load_gpr_to(count, Gpr::Rcx);
        self.gprs.hold(Gpr::Rcx);
        let a = self.pop_resolved();
        let r = self.into_gpr_except(a, RegSet::of(&[Gpr::Rcx]));
        if mask31 {
            self.asm.alu_ri(Alu::And, Size::S32, Gpr::Rcx, 31);
        }
        self.asm.shift_cl(shift, size, r);
        self.free(Loc::Gpr(Gpr::Rcx));
        self.push(kind, Loc::Gpr(r));
    }

    /// `idiv`/`div` with the spec's traps checked first: `integer divide by zero`, and for
    /// `div_s` of the minimum by -1, `integer overflow`; `rem_s` by -1 is 0.
    #[inline(never)]
    fn div(&mut self, kind: Kind, op: IBinop, sx: Sx) {
        let size = kind.size();
        let fixed = RegSet::of(&[Gpr::Rax, Gpr::Rdx]);
        let b = self.pop_resolved();
        let a = self.pop_resolved();
        // The divisor in a register outside rax and rdx (first, as it may be in one of
        // them); then whatever else is there goes, and the dividend goes to rax.
        let rb = self.into_gpr_except(b, fixed);
        self.evict_gpr(Gpr::Rax, a.loc);
        self.evict_gpr(Gpr::Rdx, a.loc);
        self.load_gpr_to(a, Gpr::Rax);
        self.gprs = self.gprs.union(fixed);
        let zero = self.trap_label(Trap::DivideByZero, rules::STEP_PURE__BINOP_TRAP);
        self.asm.test_rr(size, rb, rb);
        self.asm.jcc(Cond::E, zero);
        let done = self.asm.new_label();
        let rem = matches!(op, IBinop::Rem(_));
        if sx == Sx::S {
            let normal = self.asm.new_label();
            self.asm.alu_ri(Alu::Cmp, size, rb, -1);
            self.asm.jcc(Cond::Ne, normal);
            if rem {
                self.asm.alu_rr(Alu::Xor, Size::S32, Gpr::Rdx, Gpr::Rdx);
                self.asm.jmp(done);
            } else {
                // -1 divides everything but the minimum, whose quotient overflows.
                let overflow = self.trap_label(Trap::Overflow, rules::STEP_PURE__BINOP_TRAP);
                if size == Size::S32 {
                    self.asm.alu_ri(Alu::Cmp, size, Gpr::Rax, i32::MIN);
                } else {
                    self.asm.mov_ri64(SCRATCH, i64::MIN);
                    self.asm.alu_rr(Alu::Cmp, size, Gpr::Rax, SCRATCH);
                }
                self.asm.jcc(Cond::E, overflow);
            }
            self.asm.bind(normal);
            if size == Size::S32 {
                self.asm.cdq()
            } else {
                self.asm.cqo()
            }
            self.asm.idiv(size, rb);
            if rem && active(Mutant::RemSSign) {
                // A nonzero remainder whose sign differs from the divisor's gets the divisor.
                let same = self.asm.new_label();
                self.asm.test_rr(size, Gpr::Rdx, Gpr::Rdx);
                self.asm.jcc(Cond::E, same);
                self.asm.mov_rr(size, SCRATCH, Gpr::Rdx);
                self.asm.alu_rr(Alu::Xor, size, SCRATCH, rb);
                self.asm.jcc(Cond::Ns, same);
                self.asm.alu_rr(Alu::Add, size, Gpr::Rdx, rb);
                self.asm.bind(same);
            }
        } else {
            self.asm.alu_rr(Alu::Xor, Size::S32, Gpr::Rdx, Gpr::Rdx);
            self.asm.div(size, rb);
        }
        self.asm.bind(done);
        self.free(Loc::Gpr(rb));
        let (result, other) = if rem { (Gpr::Rdx, Gpr::Rax) } else { (Gpr::Rax, Gpr::Rdx) };
        self.free(Loc::Gpr(other));
        self.push(kind, Loc::Gpr(result));
    }

    #[inline(never)]
    fn fbinop(&mut self, kind: Kind, op: FBinop) {
        let f32 = kind == Kind::F32;
        let simple = |ss, sd| if f32 { ss } else { sd };
        let arith = match op {
            FBinop::Add => Some(simple(Sse::ADDSS, Sse::ADDSD)),
            FBinop::Sub => Some(simple(Sse::SUBSS, Sse::SUBSD)),
            FBinop::Mul => Some(simple(Sse::MULSS, Sse::MULSD)),
            FBinop::Div => Some(simple(Sse::DIVSS, Sse::DIVSD)),
            _ => None,
        };
        if let Some(sse) = arith {
            // The second operand where it is: a cached local's register, or memory.
            let (b, held) = self.pop_fsrc();
            let a = self.pop_xmm();
            match b {
                Ok(b) => self.asm.sse_xx(sse, a, b),
                Err(m) => self.asm.sse_xm(sse, a, m),
            }
            self.free(held);
            self.push(kind, Loc::Xmm(a));
            return;
        }
        let b = self.pop_xmm();
        let a = self.pop_xmm();
        match op {
            FBinop::Min | FBinop::Max => self.fminmax(f32, op == FBinop::Min, a, b),
            FBinop::Copysign => {
                let sign: u128 = if f32 { 0x8000_0000 } else { 0x8000_0000_0000_0000 };
                let m = self.asm.const_u128(sign);
                self.asm.sse_xm(Sse::ANDPS, b, m);
                let m = self.asm.const_u128(!sign);
                self.asm.sse_xm(Sse::ANDPS, a, m);
                self.asm.sse_xx(Sse::ORPS, a, b);
            }
            _ => unreachable!("the arithmetic operators take their second operand where it is"),
        }
        self.free(Loc::Xmm(b));
        self.push(kind, Loc::Xmm(a));
    }

    /// Pop a float operand where it is: a register (its own, or a cached local's, pinned),
    /// or the memory of its local, slot or constant; the register it holds goes back with
    /// `free`.
    fn pop_fsrc(&mut self) -> (Result<Xmm, Addr>, Loc) {
        let e = self.pop();
        match e.loc {
            Loc::Local(x) => match self.pinned_xmm(x) {
                Some(c) => (Ok(c), e.loc),
                None => (Err(self.local_addr(x).into()), e.loc),
            },
            Loc::Slot => (Err(Self::slot(e).into()), e.loc),
            Loc::Const(bits) if e.kind == Kind::F32 => (Err(self.asm.const_u32(bits as u32).into()), e.loc),
            Loc::Const(bits) => (Err(self.asm.const_u64(bits).into()), e.loc),
            _ => {
                let x = self.into_xmm(e);
                (Ok(x), Loc::Xmm(x))
            }
        }
    }

    /// `fmin`/`fmax`: a NaN operand makes a NaN (`a + b` propagates it, quieted); equal
    /// operands are the zeros of either sign, where `-0` is the min (an `or` of the bits)
    /// and `+0` the max (an `and`); otherwise `minss`/`maxss`.
    fn fminmax(&mut self, f32: bool, min: bool, a: Xmm, b: Xmm) {
        let done = self.asm.new_label();
        let nan = self.asm.new_label();
        let unequal = self.asm.new_label();
        if active(Mutant::FminMinss) && f32 && min {
            self.asm.sse_xx(Sse::MINSS, a, b);
            return;
        }
        self.asm.sse_xx(if f32 { Sse::UCOMISS } else { Sse::UCOMISD }, a, b);
        self.asm.jcc(Cond::P, nan);
        self.asm.jcc(Cond::Ne, unequal);
        self.asm.sse_xx(if min { Sse::ORPS } else { Sse::ANDPS }, a, b);
        self.asm.jmp(done);
        self.asm.bind(nan);
        self.asm.sse_xx(if f32 { Sse::ADDSS } else { Sse::ADDSD }, a, b);
        self.asm.jmp(done);
        self.asm.bind(unequal);
        let op = match (f32, min) {
            (true, true) => Sse::MINSS,
            (true, false) => Sse::MAXSS,
            (false, true) => Sse::MINSD,
            (false, false) => Sse::MAXSD,
        };
        self.asm.sse_xx(op, a, b);
        self.asm.bind(done);
    }

    /// `eqz` (`branches`: whether a `br_if`, an `if` or a `select` comes next).
    pub(super) fn testop(&mut self, t: NumType, branches: bool) {
        let size = if t == NumType::I64 { Size::S64 } else { Size::S32 };
        let r = self.pop_gpr();
        self.asm.test_rr(size, r, r);
        self.set_cond(Cond::E, r, branches);
    }

    /// The result of a comparison whose flags are set, into `r`: 1 under `cond`, else 0.
    /// Before a `br_if`, an `if` or a `select`, the flags are left for it to test instead.
    fn set_cond(&mut self, cond: Cond, r: Gpr, branches: bool) {
        if branches {
            self.free(Loc::Gpr(r));
            self.flags = Some(cond);
            return;
        }
        self.asm.setcc(cond, r);
        self.asm.movzx_rr(Size::S32, r, Size::S8, r);
        self.push(Kind::I32, Loc::Gpr(r));
    }

    pub(super) fn relop(&mut self, t: NumType, op: Relop, branches: bool) {
        match op {
            Relop::Int(op) => self.irelop(num(t), op, branches),
            Relop::Float(op) => self.frelop(num(t), op),
        }
    }

    fn irelop(&mut self, kind: Kind, op: IRelop, branches: bool) {
        let cond = match op {
            IRelop::Eq => Cond::E,
            IRelop::Ne => Cond::Ne,
            IRelop::Lt(Sx::S) => Cond::L,
            IRelop::Lt(Sx::U) => Cond::B,
            IRelop::Gt(Sx::S) => Cond::G,
            IRelop::Gt(Sx::U) => Cond::A,
            IRelop::Le(Sx::S) => Cond::Le,
            IRelop::Le(Sx::U) => Cond::Be,
            IRelop::Ge(Sx::S) => Cond::Ge,
            IRelop::Ge(Sx::U) => Cond::Ae,
        };
        let (src, held) = self.pop_src();
        let a = self.pop_resolved();
        if branches
            && let Loc::Local(x) = a.loc
            && let Some(c) = self.pinned_gpr(x)
        {
            // Only the flags are wanted: a cached local is compared in place.
            self.alu(Alu::Cmp, kind.size(), c, src);
            self.free(held);
            self.flags = Some(cond);
            return;
        }
        let r = self.into_gpr(a);
        self.alu(Alu::Cmp, kind.size(), r, src);
        self.free(held);
        self.set_cond(cond, r, branches);
    }

    /// Float comparisons after `ucomiss`: an unordered pair (a NaN) sets PF, ZF and CF, so
    /// `a < b` is tested as `b > a` (`above`, false when unordered), `eq` needs PF clear and
    /// `ne` is true with PF set.
    fn frelop(&mut self, kind: Kind, op: FRelop) {
        let ucomis = if kind == Kind::F32 { Sse::UCOMISS } else { Sse::UCOMISD };
        let b = self.pop_xmm();
        let a = self.pop_xmm();
        let r = self.alloc_gpr();
        match op {
            FRelop::Eq | FRelop::Ne => {
                self.asm.sse_xx(ucomis, a, b);
                let (c1, c2, alu) = if op == FRelop::Eq {
                    (Cond::E, Cond::Np, Alu::And)
                } else {
                    (Cond::Ne, Cond::P, Alu::Or)
                };
                self.asm.setcc(c1, r);
                self.asm.setcc(c2, SCRATCH);
                self.asm.alu_rr(alu, Size::S8, r, SCRATCH);
            }
            FRelop::Lt | FRelop::Le => {
                self.asm.sse_xx(ucomis, b, a);
                self.asm.setcc(if op == FRelop::Lt { Cond::A } else { Cond::Ae }, r);
            }
            FRelop::Gt | FRelop::Ge => {
                self.asm.sse_xx(ucomis, a, b);
                self.asm.setcc(if op == FRelop::Gt { Cond::A } else { Cond::Ae }, r);
            }
        }
        self.asm.movzx_rr(Size::S32, r, Size::S8, r);
        self.free(Loc::Xmm(a));
        self.free(Loc::Xmm(b));
        self.push(Kind::I32, Loc::Gpr(r));
    }

    pub(super) fn cvtop(&mut self, to: NumType, from: NumType, op: Cvtop) {
        let (kto, kfrom) = (num(to), num(from));
        match op {
            Cvtop::Wrap => {
                let r = self.pop_gpr();
                self.asm.mov_rr(Size::S32, r, r);
                self.push(Kind::I32, Loc::Gpr(r));
            }
            Cvtop::Extend(sx) => {
                let r = self.pop_gpr();
                match sx {
                    Sx::S => self.asm.movsxd_rr(r, r),
                    Sx::U => self.asm.mov_rr(Size::S32, r, r),
                }
                self.push(Kind::I64, Loc::Gpr(r));
            }
            Cvtop::Reinterpret => {
                if kto.in_xmm() {
                    let e = self.pop_resolved();
                    let x = self.into_xmm(Entry { kind: kto, ..e });
                    self.push(kto, Loc::Xmm(x));
                } else {
                    let e = self.pop_resolved();
                    let r = self.into_gpr(Entry { kind: kto, ..e });
                    self.push(kto, Loc::Gpr(r));
                }
            }
            Cvtop::Promote | Cvtop::Demote => {
                let x = self.pop_xmm();
                self.asm.sse_xx(if op == Cvtop::Promote { Sse::CVTSS2SD } else { Sse::CVTSD2SS }, x, x);
                self.push(kto, Loc::Xmm(x));
            }
            Cvtop::Convert(sx) => self.convert(kto, kfrom, sx),
            Cvtop::Trunc(sx) => self.trunc(kto, kfrom, sx, false),
            Cvtop::TruncSat(sx) => self.trunc(kto, kfrom, sx, true),
        }
    }

    /// `convert_s`: `cvtsi2ss`. `convert_u` of an `i32`: as the zero-extended `i64`. Of an
    /// `i64` with the top bit set: halve it keeping the lowest bit (round to odd), convert,
    /// double; which rounds as one conversion would.
    fn convert(&mut self, to: Kind, from: Kind, sx: Sx) {
        let r = self.pop_gpr();
        let x = self.alloc_xmm();
        let f32 = to == Kind::F32;
        let cvt = |a: &mut Assembler, size, x, r| {
            if f32 { a.cvtsi2ss_xr(size, x, r) } else { a.cvtsi2sd_xr(size, x, r) }
        };
        // cvtsi2ss writes only the low lane: clear the rest to break the dependency.
        self.asm.sse_xx(Sse::XORPS, x, x);
        match (from, sx) {
            (Kind::I32, Sx::S) => cvt(self.asm, Size::S32, x, r),
            (Kind::I32, Sx::U) => {
                self.asm.mov_rr(Size::S32, r, r);
                cvt(self.asm, Size::S64, x, r);
            }
            (_, Sx::S) => cvt(self.asm, Size::S64, x, r),
            (_, Sx::U) => {
                let big = self.asm.new_label();
                let done = self.asm.new_label();
                self.asm.test_rr(Size::S64, r, r);
                self.asm.jcc(Cond::S, big);
                cvt(self.asm, Size::S64, x, r);
                self.asm.jmp(done);
                self.asm.bind(big);
                self.asm.mov_rr(Size::S64, SCRATCH, r);
                self.asm.alu_ri(Alu::And, Size::S32, SCRATCH, 1);
                self.asm.shift_ri(Shift::Shr, Size::S64, r, 1);
                self.asm.alu_rr(Alu::Or, Size::S64, r, SCRATCH);
                cvt(self.asm, Size::S64, x, r);
                self.asm.sse_xx(if f32 { Sse::ADDSS } else { Sse::ADDSD }, x, x);
                self.asm.bind(done);
            }
        }
        self.free(Loc::Gpr(r));
        self.push(to, Loc::Xmm(x));
    }

    /// `trunc` (trapping: `invalid conversion to integer` for NaN, `integer overflow` out of
    /// range) and `trunc_sat` (NaN is 0, out of range saturates). The bounds are exact in
    /// the source format: the result is in range iff `lo < z < hi` for the constants below.
    fn trunc(&mut self, to: Kind, from: Kind, sx: Sx, sat: bool) {
        let x = self.pop_xmm();
        let r = self.alloc_gpr();
        let f32 = from == Kind::F32;
        let size = to.size();
        let ucomis = if f32 { Sse::UCOMISS } else { Sse::UCOMISD };
        let bits = |v: f64| if f32 { (v as f32).to_bits() as u64 } else { v.to_bits() };
        let n = if to == Kind::I32 { 32 } else { 64 };
        // In range iff z > lo (or z >= lo where the bound itself truncates in range and
        // nothing between it and the next integer below is a float) and z < hi; all these
        // bounds are exact in the source format.
        let (lo, strict) = match (sx, f32, n) {
            (Sx::S, false, 32) => (-(2f64.powi(31)) - 1.0, true),
            (Sx::S, _, _) => (-(2f64.powi(n - 1)), false),
            (Sx::U, _, _) => (-1.0, true),
        };
        let hi = match sx {
            Sx::S => 2f64.powi(n - 1),
            Sx::U => 2f64.powi(n),
        };
        let done = self.asm.new_label();
        let nan = self.asm.new_label();
        let too_small = self.asm.new_label();
        let too_big = self.asm.new_label();
        self.asm.sse_xx(ucomis, x, x);
        self.asm.jcc(Cond::P, nan);
        let lo_c = self.fconst(f32, bits(lo));
        self.movs_xm(from, XSCRATCH, lo_c);
        self.asm.sse_xx(ucomis, x, XSCRATCH);
        self.asm.jcc(if strict { Cond::Be } else { Cond::B }, too_small);
        let hi_c = self.fconst(f32, bits(hi));
        self.movs_xm(from, XSCRATCH, hi_c);
        self.asm.sse_xx(ucomis, x, XSCRATCH);
        self.asm.jcc(Cond::Ae, too_big);
        // In range.
        let cvtt = |a: &mut Assembler, size, r, x| {
            if f32 { a.cvttss2si_rx(size, r, x) } else { a.cvttsd2si_rx(size, r, x) }
        };
        match (to, sx) {
            (_, Sx::S) => cvtt(self.asm, size, r, x),
            (Kind::I32, Sx::U) => {
                cvtt(self.asm, Size::S64, r, x);
                self.asm.mov_rr(Size::S32, r, r);
            }
            (_, Sx::U) => {
                // Up to 2^63 directly; above, subtract 2^63 first and put the bit back.
                let small = self.asm.new_label();
                let two63 = self.fconst(f32, bits(2f64.powi(63)));
                self.movs_xm(from, XSCRATCH, two63);
                self.asm.sse_xx(ucomis, x, XSCRATCH);
                self.asm.jcc(Cond::B, small);
                self.asm.sse_xx(if f32 { Sse::SUBSS } else { Sse::SUBSD }, x, XSCRATCH);
                cvtt(self.asm, Size::S64, r, x);
                self.asm.mov_ri64(SCRATCH, i64::MIN);
                self.asm.alu_rr(Alu::Xor, Size::S64, r, SCRATCH);
                self.asm.jmp(done);
                self.asm.bind(small);
                cvtt(self.asm, Size::S64, r, x);
            }
        }
        self.asm.jmp(done);
        // Out of range.
        if sat {
            let (min, max): (u64, u64) = match (n, sx) {
                (32, Sx::S) => (i32::MIN as u32 as u64, i32::MAX as u64),
                (32, Sx::U) => (0, u32::MAX as u64),
                (_, Sx::S) => (i64::MIN as u64, i64::MAX as u64),
                (_, Sx::U) => (0, u64::MAX),
            };
            self.asm.bind(nan);
            self.asm.alu_rr(Alu::Xor, Size::S32, r, r);
            self.asm.jmp(done);
            self.asm.bind(too_small);
            self.asm.mov_ri64(r, min as i64);
            self.asm.jmp(done);
            self.asm.bind(too_big);
            self.asm.mov_ri64(r, max as i64);
        } else {
            let invalid = self.trap_label(Trap::InvalidConversion, rules::STEP_PURE__CVTOP_TRAP);
            let overflow = self.trap_label(Trap::Overflow, rules::STEP_PURE__CVTOP_TRAP);
            self.asm.bind(nan);
            self.asm.jmp(invalid);
            self.asm.bind(too_small);
            self.asm.bind(too_big);
            self.asm.jmp(overflow);
        }
        self.asm.bind(done);
        self.free(Loc::Xmm(x));
        self.push(to, Loc::Gpr(r));
    }

    /// A float constant in the pool.
    fn fconst(&mut self, f32: bool, bits: u64) -> Label {
        if f32 { self.asm.const_u32(bits as u32) } else { self.asm.const_u64(bits) }
    }
}

fn num(t: NumType) -> Kind {
    Kind::num(t)
}
