//! The single-pass code generator: one walk over each validated function body emits x86-64
//! directly, with no intermediate representation.
//!
//! As in V8's Liftoff, the operand stack is kept abstractly while code is emitted: each entry
//! is a constant, a register, a local (read lazily), or its home slot in the frame. Operations
//! consume entries where they are (an immediate, a register, memory) and leave their result in
//! a register. Registers come from a fixed pool and are spilled to home slots when the pool
//! runs dry, at calls, and where control flow merges: at a block's entry everything but
//! constants goes to its slot, and every path into a label leaves the label's values in the
//! home slots the label expects.
//!
//! Registers: `r15` holds the instance's context, `r14` the base of memory 0, `rbp` the frame;
//! `r11` and `xmm15` are scratch; the rest is the pool.
//!
//! Frame, from `rbp` down: the saved context (`rbp - 8`), the declared locals, the home
//! slots of the operand stack, and at `rsp` the area where calls pass arguments and receive
//! results. Parameters live in the caller's area: parameter `i` at `rbp + 16 + 8i`, and
//! result `j` is written to `rbp + 16 + 8j`.

use super::memory::MemDesc;
use super::mutants::{Mutant, active};
use super::runtime::{FuncRef, Runtime, TableDesc, Trap, VmCtx, trap_code};
use super::x64::Mem;
use super::x64::*;
use crate::rules::{self, Rule};
use crate::syntax::*;

/// How the compiled code checks memory accesses.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Bounds {
    /// An access outside the memory faults in its guard region, which the signal handler
    /// turns into a trap.
    GuardPages,
    /// Every access compares its end with the memory's size.
    Checks,
}

#[derive(Copy, Clone, Debug)]
pub struct Options {
    pub bounds: Bounds,
    /// Count fuel at function entries and loop headers.
    pub fuel: bool,
    /// Call [`Builtins::trace_call`] at every entry and exit of a function.
    pub trace_calls: bool,
}

/// A module's code: every defined function's entry, and where each memory access that can
/// fault lies with the rule its trap cites.
pub struct Compiled {
    pub code: Vec<u8>,
    pub funcs: Vec<u32>,
    pub faults: Vec<(u32, Rule)>,
}

/// Why the compiler refuses a module: `unsupported by the compiler: FEATURE`.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsupported(pub &'static str);

/// The kinds of value the compiler moves: integers and references in general registers,
/// floats in XMM registers.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Kind {
    I32,
    I64,
    F32,
    F64,
    Ref,
}

impl Kind {
    fn of(t: ValType) -> Result<Kind, Unsupported> {
        Ok(match t {
            ValType::I32 => Kind::I32,
            ValType::I64 => Kind::I64,
            ValType::F32 => Kind::F32,
            ValType::F64 => Kind::F64,
            ValType::Ref(_) => Kind::Ref,
            ValType::V128 => return Err(Unsupported("v128")),
            ValType::Bot => return Err(Unsupported("bot")),
        })
    }

    fn is_float(self) -> bool {
        matches!(self, Kind::F32 | Kind::F64)
    }

    /// The operand size in a general register.
    fn size(self) -> Size {
        match self {
            Kind::I32 | Kind::F32 => Size::S32,
            Kind::I64 | Kind::F64 | Kind::Ref => Size::S64,
        }
    }
}

/// Where an operand is.
#[derive(Copy, Clone, Debug, PartialEq)]
enum Loc {
    Gpr(Gpr),
    Xmm(Xmm),
    /// The bits of a constant.
    Const(u64),
    /// The current value of a local, read when used.
    Local(u32),
    /// The entry's home slot.
    Slot,
}

#[derive(Copy, Clone, Debug)]
struct Entry {
    kind: Kind,
    loc: Loc,
}

/// A block, loop, if or the function body, as code generation follows it.
struct Ctrl {
    kind: CtrlKind,
    /// Where a branch to it goes: the end, or for a loop the header.
    label: Label,
    /// The else arm's start, for an `if`.
    els: Option<Label>,
    /// The height of the operand stack under the block's parameters.
    base: usize,
    params: Vec<Kind>,
    results: Vec<Kind>,
    /// Whether a branch targets the end (so results must be in their home slots there).
    branched: bool,
    /// Whether the code was reachable where the block started.
    live: bool,
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum CtrlKind {
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

/// What the module level tells a function's compilation.
pub struct Env<'m> {
    pub module: &'m Module,
    pub types: Vec<&'m FuncType>,
    /// The type of each function, imports first.
    pub funcs: Vec<&'m FuncType>,
    pub imported_funcs: u32,
    pub globals: Vec<GlobalType>,
    pub options: Options,
    /// The address of each runtime function the code calls.
    pub builtins: &'m Builtins,
}

/// Addresses of the runtime's functions ([`crate::jit::builtins`]).
pub struct Builtins {
    pub memory_grow: usize,
    pub memory_fill: usize,
    pub memory_copy: usize,
    pub memory_init: usize,
    pub data_drop: usize,
    pub table_grow: usize,
    pub table_fill: usize,
    pub table_copy: usize,
    pub table_init: usize,
    pub elem_drop: usize,
    /// `trace_call(ctx, func, area, exit)`: `func` the module's function index, `area` its
    /// parameters (at entry) or results (at exit).
    pub trace_call: usize,
}

/// Compile every function of a validated module into one block of code.
pub fn compile(env: &Env) -> Result<Compiled, Unsupported> {
    check_module(env.module)?;
    let mut asm =
        Assembler::with_capacity(64 * env.module.funcs.iter().map(|f| f.body.instrs.len()).sum::<usize>());
    let labels: Vec<Label> = env.module.funcs.iter().map(|_| asm.new_label()).collect();
    let mut faults = Vec::new();
    let mut entries = Vec::with_capacity(labels.len());
    for (i, func) in env.module.funcs.iter().enumerate() {
        asm.align(16);
        asm.bind(labels[i]);
        entries.push(asm.offset());
        let ty = env.funcs[env.imported_funcs as usize + i];
        let index = env.imported_funcs + i as u32;
        FuncCompiler::new(&mut asm, env, &labels, ty, func, &mut faults, index)?.compile(func)?;
    }
    Ok(Compiled { code: asm.finish(), funcs: entries, faults })
}

/// What the compiler does not do, found before any code is emitted.
fn check_module(m: &Module) -> Result<(), Unsupported> {
    if m.mems.len() + m.imported_mems().count() > 1 {
        return Err(Unsupported("multi-memory"));
    }
    if m.mems.iter().map(|x| x.ty).chain(m.imported_mems()).any(|t| t.addr == AddrType::I64)
        || m.tables.iter().map(|x| x.ty).chain(m.imported_tables()).any(|t| t.addr == AddrType::I64)
    {
        return Err(Unsupported("memory64"));
    }
    if !m.tags.is_empty() || m.imported_tags().count() > 0 {
        return Err(Unsupported("exceptions"));
    }
    let v128 = |t: &ValType| *t == ValType::V128;
    for rec in &m.types {
        for st in rec.0.iter() {
            match &st.comp {
                CompType::Func(ft) if rec.0.len() == 1 && st.is_final && st.supertypes.is_empty() => {
                    if ft.params.iter().chain(ft.results.iter()).any(v128) {
                        return Err(Unsupported("v128"));
                    }
                }
                _ => return Err(Unsupported("gc")),
            }
        }
    }
    if m.globals.iter().any(|g| v128(&g.ty.val)) || m.imported_globals().any(|g| v128(&g.val)) {
        return Err(Unsupported("v128"));
    }
    Ok(())
}

struct FuncCompiler<'a, 'm> {
    asm: &'a mut Assembler,
    env: &'a Env<'m>,
    func_labels: &'a [Label],
    faults: &'a mut Vec<(u32, Rule)>,
    params: Vec<Kind>,
    results: Vec<Kind>,
    /// The kind of every local, parameters first.
    locals: Vec<Kind>,
    stack: Vec<Entry>,
    ctrls: Vec<Ctrl>,
    /// Registers held by stack entries or by operands being worked on.
    gprs: RegSet<Gpr>,
    xmms: RegSet<Xmm>,
    max_depth: usize,
    max_out: usize,
    /// Out-of-line code: trap exits (per trap and rule) and their labels.
    traps: Vec<(Trap, Rule, Option<Gpr>, Label)>,
    /// How deep inside unreachable code the walk is (its instructions emit nothing).
    dead: u32,
    /// The offset of the frame size in the prologue's stack check and allocation.
    frame_fixups: [u32; 2],
    epilogue: Label,
    /// The function's index in its module.
    index: u32,
}

type R<T> = Result<T, Unsupported>;

impl<'a, 'm> FuncCompiler<'a, 'm> {
    fn new(
        asm: &'a mut Assembler,
        env: &'a Env<'m>,
        func_labels: &'a [Label],
        ty: &FuncType,
        func: &Func,
        faults: &'a mut Vec<(u32, Rule)>,
        index: u32,
    ) -> R<Self> {
        let params = ty.params.iter().map(|t| Kind::of(*t)).collect::<R<Vec<_>>>()?;
        let results = ty.results.iter().map(|t| Kind::of(*t)).collect::<R<Vec<_>>>()?;
        let mut locals = params.clone();
        for t in &func.locals {
            locals.push(Kind::of(*t)?);
        }
        let epilogue = asm.new_label();
        Ok(FuncCompiler {
            asm,
            env,
            func_labels,
            faults,
            params,
            results,
            locals,
            stack: Vec::new(),
            ctrls: Vec::new(),
            gprs: RegSet::EMPTY,
            xmms: RegSet::EMPTY,
            max_depth: 0,
            max_out: 0,
            traps: Vec::new(),
            dead: 0,
            frame_fixups: [0; 2],
            epilogue,
            index,
        })
    }

    // ----- Frame layout -----

    fn local_addr(&self, i: u32) -> Mem {
        let np = self.params.len() as u32;
        if i < np {
            Mem::disp(Gpr::Rbp, 16 + 8 * i as i32)
        } else {
            Mem::disp(Gpr::Rbp, -16 - 8 * (i - np) as i32)
        }
    }

    fn slot_addr(&self, k: usize) -> Mem {
        let declared = (self.locals.len() - self.params.len()) as i32;
        Mem::disp(Gpr::Rbp, -16 - 8 * declared - 8 * k as i32)
    }

    fn out_addr(i: usize) -> Mem {
        Mem::disp(Gpr::Rsp, 8 * i as i32)
    }

    // ----- The function -----

    fn compile(mut self, func: &Func) -> R<()> {
        self.prologue();
        let body = Ctrl {
            kind: CtrlKind::Body,
            label: self.epilogue,
            els: None,
            base: 0,
            params: Vec::new(),
            results: self.results.clone(),
            branched: false,
            live: true,
        };
        self.ctrls.push(body);
        for instr in func.body.instrs.iter() {
            self.instr(instr)?;
            if self.ctrls.is_empty() {
                break;
            }
        }
        self.finish_frame();
        self.emit_traps();
        Ok(())
    }

    /// `push rbp; mov rbp, rsp`, check and allocate the frame, save the context, count fuel,
    /// zero the declared locals, load memory 0's base.
    fn prologue(&mut self) {
        let a = &mut *self.asm;
        a.push(Gpr::Rbp);
        a.mov_rr(Size::S64, Gpr::Rbp, Gpr::Rsp);
        // lea r11, [rsp - frame]; cmp r11, [r15 + limit]; jb exhausted
        a.lea_rm(Size::S64, SCRATCH, Mem::disp(Gpr::Rsp, -0x4000_0000));
        self.frame_fixups[0] = self.asm.offset() - 4;
        self.asm.alu_rm(Alu::Cmp, Size::S64, SCRATCH, Mem::disp(CTX, VmCtx::STACK_LIMIT));
        let exhausted = self.trap_label(Trap::StackExhausted, rules::IMPL_EXEC);
        self.asm.jcc(Cond::B, exhausted);
        self.frame_fixups[1] = self.asm.alu_ri32(Alu::Sub, Size::S64, Gpr::Rsp, 0);
        self.asm.mov_mr(Size::S64, Mem::disp(Gpr::Rbp, -8), CTX);
        self.trace_call(false);
        self.fuel();
        let declared = self.locals.len() - self.params.len();
        if declared > 0 {
            self.asm.alu_rr(Alu::Xor, Size::S32, SCRATCH, SCRATCH);
            for j in 0..declared {
                self.asm.mov_mr(Size::S64, Mem::disp(Gpr::Rbp, -16 - 8 * j as i32), SCRATCH);
            }
        }
        self.load_membase();
    }

    /// With `trace_calls`: tell the runtime the function is entered (its parameters are in
    /// place) or left (its results are). Nothing is live in registers at either point.
    fn trace_call(&mut self, exit: bool) {
        if self.env.options.trace_calls {
            self.asm.mov_rr(Size::S64, Gpr::Rdi, CTX);
            self.asm.mov_ri(Size::S32, Gpr::Rsi, self.index as i32);
            self.asm.lea_rm(Size::S64, Gpr::Rdx, Mem::disp(Gpr::Rbp, 16));
            self.asm.mov_ri(Size::S32, Gpr::Rcx, exit as i32);
            self.asm.mov_ri64(Gpr::Rax, self.env.builtins.trace_call as i64);
            self.asm.call_r(Gpr::Rax);
        }
    }

    fn has_memory(&self) -> bool {
        !self.env.module.mems.is_empty() || self.env.module.imported_mems().count() > 0
    }

    fn load_membase(&mut self) {
        if self.has_memory() && self.env.options.bounds == Bounds::GuardPages {
            self.asm.mov_rm(Size::S64, MEMBASE, Mem::disp(CTX, VmCtx::MEM0_BASE));
        }
    }

    /// Count one unit of fuel (function entry, loop header); none left is `fuel exhausted`.
    fn fuel(&mut self) {
        if self.env.options.fuel {
            self.asm.mov_rm(Size::S64, SCRATCH, Mem::disp(CTX, VmCtx::RUNTIME));
            self.asm.alu_mi(Alu::Sub, Size::S64, Mem::disp(SCRATCH, Runtime::FUEL), 1);
            let out = self.trap_label(Trap::FuelExhausted, rules::IMPL_EXEC);
            self.asm.jcc(Cond::B, out);
        }
    }

    /// The frame's size, now that the deepest operand stack and the widest call are known:
    /// rounded so that `rsp` is 16-byte aligned at calls.
    fn finish_frame(&mut self) {
        let declared = self.locals.len() - self.params.len();
        let size = 8 + 8 * (declared + self.max_depth + self.max_out);
        let size = (size + 15) & !15;
        self.asm.patch_u32(self.frame_fixups[0], (size as i32).wrapping_neg() as u32);
        self.asm.patch_u32(self.frame_fixups[1], size as u32);
    }

    /// The exits of traps: the trap's code in `rax`, to the landing pad.
    fn emit_traps(&mut self) {
        for (trap, rule, arg, label) in std::mem::take(&mut self.traps) {
            self.asm.bind(label);
            if let Some(arg) = arg {
                self.asm.mov_rm(Size::S64, SCRATCH, Mem::disp(CTX, VmCtx::RUNTIME));
                self.asm.mov_mr(Size::S64, Mem::disp(SCRATCH, Runtime::TRAP_ARG), arg);
            }
            self.asm.mov_ri64(Gpr::Rax, trap_code(trap, rule) as i64);
            self.asm.jmp_m(Mem::disp(CTX, VmCtx::TRAP_LANDING));
        }
    }

    /// The label of the exit for this trap (one per trap, rule and argument register).
    fn trap_label(&mut self, trap: Trap, rule: Rule) -> Label {
        self.trap_with(trap, rule, None)
    }

    fn trap_with(&mut self, trap: Trap, rule: Rule, arg: Option<Gpr>) -> Label {
        if let Some(t) = self.traps.iter().find(|t| t.0 == trap && t.1 == rule && t.2 == arg) {
            return t.3;
        }
        let label = self.asm.new_label();
        self.traps.push((trap, rule, arg, label));
        label
    }

    // ----- Registers -----

    fn alloc_gpr(&mut self) -> Gpr {
        self.alloc_gpr_except(RegSet::EMPTY)
    }

    /// A free pool register not in `except`, spilling the deepest register entry if needed.
    fn alloc_gpr_except(&mut self, except: RegSet<Gpr>) -> Gpr {
        loop {
            if let Some(r) = self.gprs.alloc(&GPRS, except) {
                return r;
            }
            let k = self
                .stack
                .iter()
                .position(|e| matches!(e.loc, Loc::Gpr(r) if !except.contains(r)))
                .expect("the pool outnumbers the registers one operation holds");
            self.spill(k);
        }
    }

    fn alloc_xmm(&mut self) -> Xmm {
        loop {
            if let Some(x) = self.xmms.alloc(&XMMS, RegSet::EMPTY) {
                return x;
            }
            let k = self.stack.iter().position(|e| matches!(e.loc, Loc::Xmm(_))).expect("a register entry");
            self.spill(k);
        }
    }

    fn free(&mut self, loc: Loc) {
        match loc {
            Loc::Gpr(r) => self.gprs.free(r),
            Loc::Xmm(x) => self.xmms.free(x),
            _ => {}
        }
    }

    /// Make `r` free: a stack entry in it goes to its slot (an operand being worked on, in
    /// `keep`, stays where it is).
    fn evict_gpr(&mut self, r: Gpr, keep: Loc) {
        if let Some(k) = self.stack.iter().position(|e| e.loc == Loc::Gpr(r)) {
            self.spill(k);
        } else {
            debug_assert!(keep == Loc::Gpr(r) || !self.gprs.contains(r), "{r:?} is held");
        }
    }

    /// Move entry `k` to its home slot.
    fn spill(&mut self, k: usize) {
        let e = self.stack[k];
        let slot = self.slot_addr(k);
        self.store(e, slot);
        self.free(e.loc);
        self.stack[k].loc = Loc::Slot;
    }

    /// Store an entry's value at `addr` (whatever its location).
    fn store(&mut self, e: Entry, addr: Mem) {
        let size = e.kind.size();
        match e.loc {
            Loc::Gpr(r) => self.asm.mov_mr(size, addr, r),
            Loc::Xmm(x) => self.movs_mx(e.kind, addr, x),
            Loc::Const(bits) => {
                if size == Size::S32 || bits as i64 == bits as i32 as i64 {
                    self.asm.mov_mi(size, addr, bits as i32);
                } else {
                    self.asm.mov_ri64(SCRATCH, bits as i64);
                    self.asm.mov_mr(size, addr, SCRATCH);
                }
            }
            Loc::Local(i) => {
                let from = self.local_addr(i);
                self.asm.mov_rm(size, SCRATCH, from);
                self.asm.mov_mr(size, addr, SCRATCH);
            }
            Loc::Slot => unreachable!("a slot is stored by its own spill"),
        }
    }

    /// Copy a value between two words of memory at its own width: a wider load of a
    /// narrower store would stall the store's forwarding.
    fn copy(&mut self, kind: Kind, from: Mem, to: Mem) {
        self.asm.mov_rm(kind.size(), SCRATCH, from);
        self.asm.mov_mr(kind.size(), to, SCRATCH);
    }

    fn movs_mx(&mut self, kind: Kind, addr: Mem, x: Xmm) {
        let op = if kind == Kind::F32 { SseStore::MOVSS } else { SseStore::MOVSD };
        self.asm.sse_mx(op, addr, x);
    }

    fn movs_xm(&mut self, kind: Kind, x: Xmm, addr: impl Into<Addr>) {
        let op = if kind == Kind::F32 { Sse::MOVSS } else { Sse::MOVSD };
        self.asm.sse_xm(op, x, addr);
    }

    /// Spill every register entry (before calls).
    fn spill_regs(&mut self) {
        for k in 0..self.stack.len() {
            if matches!(self.stack[k].loc, Loc::Gpr(_) | Loc::Xmm(_)) {
                self.spill(k);
            }
        }
    }

    /// Everything but constants to its home slot (where control flow merges).
    fn spill_all(&mut self) {
        for k in 0..self.stack.len() {
            if !matches!(self.stack[k].loc, Loc::Const(_) | Loc::Slot) {
                self.spill(k);
            }
        }
    }

    /// A block's parameters, constants too, to their slots: every path into the block's
    /// label (its start for a loop, the else arm for an if) finds them there.
    fn params_to_slots(&mut self, n: usize) {
        for k in self.stack.len() - n..self.stack.len() {
            if self.stack[k].loc != Loc::Slot {
                self.spill(k);
            }
        }
    }

    /// Entries that read local `x` lazily read it now, before it changes.
    fn materialize_local(&mut self, x: u32) {
        for k in 0..self.stack.len() {
            if self.stack[k].loc == Loc::Local(x) {
                self.spill(k);
            }
        }
    }

    // ----- The operand stack -----

    fn push(&mut self, kind: Kind, loc: Loc) {
        self.stack.push(Entry { kind, loc });
        self.max_depth = self.max_depth.max(self.stack.len());
    }

    fn pop(&mut self) -> Entry {
        self.stack.pop().expect("validated: an operand is there")
    }

    /// The entry's value in a general register that the caller owns (and may clobber).
    fn into_gpr(&mut self, e: Entry) -> Gpr {
        self.into_gpr_except(e, RegSet::EMPTY)
    }

    fn into_gpr_except(&mut self, e: Entry, except: RegSet<Gpr>) -> Gpr {
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
    fn load_gpr(&mut self, e: Entry, r: Gpr) {
        let size = e.kind.size();
        match e.loc {
            Loc::Gpr(s) if s == r => {}
            Loc::Gpr(s) => self.asm.mov_rr(size, r, s),
            Loc::Xmm(x) => {
                if size == Size::S32 {
                    self.asm.movd_rx(r, x)
                } else {
                    self.asm.movq_rx(r, x)
                }
            }
            Loc::Const(bits) => {
                if size == Size::S32 {
                    self.asm.mov_ri(Size::S32, r, bits as i32);
                } else {
                    self.asm.mov_ri64(r, bits as i64);
                }
            }
            Loc::Local(i) => {
                let addr = self.local_addr(i);
                self.asm.mov_rm(size, r, addr);
            }
            Loc::Slot => unreachable!("a slot entry is loaded with its index"),
        }
    }

    /// Pop the top entry into a general register the caller owns.
    fn pop_gpr(&mut self) -> Gpr {
        let e = self.pop_resolved();
        self.into_gpr(e)
    }

    /// Pop the top entry, a slot entry turned into its memory location's description.
    fn pop_resolved(&mut self) -> Entry {
        let k = self.stack.len() - 1;
        let e = self.pop();
        if e.loc == Loc::Slot { self.from_slot(e, k) } else { e }
    }

    /// A slot entry, loaded into a register (so that it can be handled like the others).
    fn from_slot(&mut self, e: Entry, k: usize) -> Entry {
        let addr = self.slot_addr(k);
        if e.kind.is_float() {
            let x = self.alloc_xmm();
            self.movs_xm(e.kind, x, addr);
            Entry { kind: e.kind, loc: Loc::Xmm(x) }
        } else {
            let r = self.alloc_gpr();
            self.asm.mov_rm(e.kind.size(), r, addr);
            Entry { kind: e.kind, loc: Loc::Gpr(r) }
        }
    }

    /// The entry's value in an XMM register that the caller owns.
    fn into_xmm(&mut self, e: Entry) -> Xmm {
        match e.loc {
            Loc::Xmm(x) => x,
            Loc::Gpr(r) => {
                let x = self.alloc_xmm();
                if e.kind == Kind::F32 {
                    self.asm.movd_xr(x, r)
                } else {
                    self.asm.movq_xr(x, r)
                }
                self.free(e.loc);
                x
            }
            Loc::Const(bits) => {
                let x = self.alloc_xmm();
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
                x
            }
            Loc::Local(i) => {
                let x = self.alloc_xmm();
                let addr = self.local_addr(i);
                self.movs_xm(e.kind, x, addr);
                x
            }
            Loc::Slot => unreachable!("resolved before"),
        }
    }

    fn pop_xmm(&mut self) -> Xmm {
        let e = self.pop_resolved();
        self.into_xmm(e)
    }

    /// An operand for an ALU instruction's source: an immediate, a register, or memory.
    fn source(&self, e: Entry, k: usize) -> Src {
        match e.loc {
            Loc::Const(bits) if e.kind.size() == Size::S32 || bits as i64 == bits as i32 as i64 => {
                Src::Imm(bits as i32)
            }
            Loc::Gpr(r) => Src::Reg(r),
            Loc::Local(i) => Src::Mem(self.local_addr(i)),
            Loc::Slot => Src::Mem(self.slot_addr(k)),
            Loc::Const(_) | Loc::Xmm(_) => Src::Load,
        }
    }

    // ----- Instructions -----

    fn instr(&mut self, instr: &Instr) -> R<()> {
        if self.dead > 0 || !self.reachable() {
            return self.dead_instr(instr);
        }
        use Instr as I;
        match instr {
            I::Unreachable => {
                let l = self.trap_label(Trap::Unreachable, rules::STEP_PURE__UNREACHABLE);
                self.asm.jmp(l);
                self.set_unreachable();
            }
            I::Nop => {}
            I::Drop => {
                let e = self.pop();
                self.free(e.loc);
            }
            I::Select(_) => self.select(),
            I::Block(bt) => self.block(CtrlKind::Block, *bt)?,
            I::Loop(bt) => self.block(CtrlKind::Loop, *bt)?,
            I::If(bt) => self.if_(*bt)?,
            I::Else => self.else_(),
            I::End => self.end(),
            I::Br(l) => {
                self.br(*l);
                self.set_unreachable();
            }
            I::BrIf(l) => self.br_if(*l),
            I::BrTable(ls, l) => {
                self.br_table(ls, *l);
                self.set_unreachable();
            }
            I::Return => {
                self.ret();
                self.set_unreachable();
            }
            I::Call(x) => self.call(*x),
            I::CallIndirect(x, y) => self.call_indirect(*x, *y),
            I::LocalGet(x) => {
                let kind = self.locals[*x as usize];
                self.push(kind, Loc::Local(*x));
            }
            I::LocalSet(x) => self.local_set(*x, false),
            I::LocalTee(x) => self.local_set(*x, true),
            I::GlobalGet(x) => self.global_get(*x),
            I::GlobalSet(x) => self.global_set(*x),
            I::TableGet(x) => self.table_get(*x),
            I::TableSet(x) => self.table_set(*x),
            I::TableSize(x) => self.table_size(*x),
            I::TableGrow(x) => {
                self.builtin(self.env.builtins.table_grow, &[*x as u64], 2, Some(Kind::I32), None)
            }
            I::TableFill(x) => self.builtin(
                self.env.builtins.table_fill,
                &[*x as u64],
                3,
                None,
                Some(rules::STEP_READ__TABLE_FILL_OOB),
            ),
            I::TableCopy(x, y) => self.builtin(
                self.env.builtins.table_copy,
                &[*x as u64, *y as u64],
                3,
                None,
                Some(rules::STEP_READ__TABLE_COPY_OOB),
            ),
            I::TableInit(x, y) => self.builtin(
                self.env.builtins.table_init,
                &[*x as u64, *y as u64],
                3,
                None,
                Some(rules::STEP_READ__TABLE_INIT_OOB),
            ),
            I::ElemDrop(x) => self.builtin(self.env.builtins.elem_drop, &[*x as u64], 0, None, None),
            I::Load(t, op, x, m) => self.load(*t, *op, *x, *m)?,
            I::Store(t, sz, x, m) => self.store_(*t, *sz, *x, *m)?,
            I::MemorySize(x) => self.memory_size(*x)?,
            I::MemoryGrow(x) => {
                self.builtin(self.env.builtins.memory_grow, &[*x as u64], 1, Some(Kind::I32), None)
            }
            I::MemoryFill(x) => self.builtin(
                self.env.builtins.memory_fill,
                &[*x as u64],
                3,
                None,
                Some(rules::STEP_READ__MEMORY_FILL_OOB),
            ),
            I::MemoryCopy(x, y) => self.builtin(
                self.env.builtins.memory_copy,
                &[*x as u64, *y as u64],
                3,
                None,
                Some(rules::STEP_READ__MEMORY_COPY_OOB),
            ),
            I::MemoryInit(x, y) => self.builtin(
                self.env.builtins.memory_init,
                &[*x as u64, *y as u64],
                3,
                None,
                Some(rules::STEP_READ__MEMORY_INIT_OOB),
            ),
            I::DataDrop(x) => self.builtin(self.env.builtins.data_drop, &[*x as u64], 0, None, None),
            I::RefNull(_) => self.push(Kind::Ref, Loc::Const(0)),
            I::RefIsNull => {
                let r = self.pop_gpr();
                self.asm.test_rr(Size::S64, r, r);
                self.asm.setcc(Cond::E, r);
                self.asm.movzx_rr(Size::S32, r, Size::S8, r);
                self.push(Kind::I32, Loc::Gpr(r));
            }
            I::RefFunc(x) => {
                let r = self.alloc_gpr();
                self.asm.mov_rm(Size::S64, r, Mem::disp(CTX, VmCtx::FUNCS));
                self.asm.mov_rm(Size::S64, r, Mem::disp(r, 8 * *x as i32));
                self.push(Kind::Ref, Loc::Gpr(r));
            }
            I::Const(n) => {
                let kind = match n {
                    Num::I32(_) => Kind::I32,
                    Num::I64(_) => Kind::I64,
                    Num::F32(_) => Kind::F32,
                    Num::F64(_) => Kind::F64,
                };
                self.push(kind, Loc::Const(n.bits()));
            }
            I::Unop(t, op) => self.unop(*t, *op),
            I::Binop(t, op) => self.binop(*t, *op),
            I::Testop(t, _) => {
                let size = if *t == NumType::I64 { Size::S64 } else { Size::S32 };
                let r = self.pop_gpr();
                self.asm.test_rr(size, r, r);
                self.asm.setcc(Cond::E, r);
                self.asm.movzx_rr(Size::S32, r, Size::S8, r);
                self.push(Kind::I32, Loc::Gpr(r));
            }
            I::Relop(t, op) => self.relop(*t, *op),
            I::Cvtop(to, from, op) => self.cvtop(*to, *from, *op),
            I::VConst(_) | I::VLoad(..) | I::VLoadLane(..) | I::VStore(..) | I::VStoreLane(..) => {
                return Err(Unsupported("v128"));
            }
            other => return Err(Unsupported(feature_of(other))),
        }
        Ok(())
    }

    fn reachable(&self) -> bool {
        self.ctrls.last().is_none_or(|c| c.live)
    }

    /// After an unconditional branch: nothing until the block's `end` (or `else`) runs.
    fn set_unreachable(&mut self) {
        let c = self.ctrls.last_mut().expect("inside the body");
        c.live = false;
        let base = c.base;
        while self.stack.len() > base {
            let e = self.pop();
            self.free(e.loc);
        }
    }

    /// Unreachable code: follow its nesting to find where code becomes reachable again.
    fn dead_instr(&mut self, instr: &Instr) -> R<()> {
        match instr {
            Instr::Block(_) | Instr::Loop(_) | Instr::If(_) | Instr::TryTable(..) => self.dead += 1,
            Instr::End if self.dead > 0 => self.dead -= 1,
            Instr::Else if self.dead == 0 => self.else_(),
            Instr::End => self.end(),
            _ => {}
        }
        Ok(())
    }

    fn block_type(&self, bt: BlockType) -> R<(Vec<Kind>, Vec<Kind>)> {
        Ok(match bt {
            BlockType::Result(None) => (vec![], vec![]),
            BlockType::Result(Some(t)) => (vec![], vec![Kind::of(t)?]),
            BlockType::Idx(x) => {
                let ft = self.env.types[x as usize];
                (
                    ft.params.iter().map(|t| Kind::of(*t)).collect::<R<_>>()?,
                    ft.results.iter().map(|t| Kind::of(*t)).collect::<R<_>>()?,
                )
            }
        })
    }

    /// `block` and `loop`: everything to its slot; a loop's header counts fuel.
    fn block(&mut self, kind: CtrlKind, bt: BlockType) -> R<()> {
        let (params, results) = self.block_type(bt)?;
        self.spill_all();
        self.params_to_slots(params.len());
        let label = self.asm.new_label();
        if kind == CtrlKind::Loop {
            self.asm.bind(label);
            self.fuel();
        }
        let base = self.stack.len() - params.len();
        self.ctrls.push(Ctrl { kind, label, els: None, base, params, results, branched: false, live: true });
        Ok(())
    }

    fn if_(&mut self, bt: BlockType) -> R<()> {
        let (params, results) = self.block_type(bt)?;
        let cond = self.pop_gpr();
        self.free(Loc::Gpr(cond));
        self.spill_all();
        self.params_to_slots(params.len());
        let els = self.asm.new_label();
        self.asm.test_rr(Size::S32, cond, cond);
        self.asm.jcc(Cond::E, els);
        let label = self.asm.new_label();
        let base = self.stack.len() - params.len();
        self.ctrls.push(Ctrl {
            kind: CtrlKind::If,
            label,
            els: Some(els),
            base,
            params,
            results,
            branched: false,
            live: true,
        });
        Ok(())
    }

    /// The then-arm ends like a branch to the end; the else-arm starts from the parameters
    /// in their slots.
    fn else_(&mut self) {
        let depth = self.ctrls.len() - 1;
        if self.ctrls[depth].live {
            self.br(0);
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
        self.asm.bind(els);
    }

    /// `end`: where the paths into the block's end meet. The fall-through (if the end is
    /// reachable that way) and every branch to the end leave the results in their home slots,
    /// unless there is only the fall-through, whose results stay where they are. A loop's end
    /// is reached by falling through only (branches go to its header).
    fn end(&mut self) {
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
            let (base, n) = (c.base, c.results.len());
            self.place(base, n);
        }
        let c = self.ctrls.pop().expect("checked");
        if let Some(els) = c.els {
            // An if without else: its else path passes the parameters on, in their slots.
            self.asm.bind(els);
        }
        if c.kind != CtrlKind::Loop {
            self.asm.bind(c.label);
        }
        if merged {
            while self.stack.len() > c.base {
                let e = self.pop();
                self.free(e.loc);
            }
            for kind in c.results {
                self.push(kind, Loc::Slot);
            }
        } else if !c.live {
            self.set_unreachable();
        }
    }

    /// Put the top `n` entries into the home slots `base..base + n`.
    fn place(&mut self, base: usize, n: usize) {
        let top = self.stack.len() - n;
        for j in 0..n {
            let k = top + j;
            let e = self.stack[k];
            if k == base + j && e.loc == Loc::Slot {
                continue;
            }
            let to = self.slot_addr(base + j);
            if e.loc == Loc::Slot {
                let from = self.slot_addr(k);
                self.copy(e.kind, from, to);
            } else {
                self.store(e, to);
            }
        }
    }

    /// Branch to the label `l` blocks out: its values to its slots, then jump.
    fn br(&mut self, l: u32) {
        let depth = self.ctrls.len() - 1 - l as usize;
        let c = &mut self.ctrls[depth];
        c.branched = true;
        let (n, base, label, kind) = (c.branch_kinds().len(), c.base, c.label, c.kind);
        if kind == CtrlKind::Body {
            self.return_values();
            return;
        }
        self.place(base, n);
        self.asm.jmp(label);
    }

    /// Whether a branch to `l` needs no moves (its values are in their slots already).
    fn branch_in_place(&self, l: u32) -> bool {
        let c = &self.ctrls[self.ctrls.len() - 1 - l as usize];
        let n = c.branch_kinds().len();
        let top = self.stack.len() - n;
        c.kind != CtrlKind::Body
            && (0..n).all(|j| top + j == c.base + j && self.stack[top + j].loc == Loc::Slot)
    }

    fn br_if(&mut self, l: u32) {
        let cond = self.pop_gpr();
        self.free(Loc::Gpr(cond));
        if self.ctrls[self.ctrls.len() - 1 - l as usize].kind == CtrlKind::Body {
            // On both paths, so that the state the compiler keeps is true on both.
            self.read_lazy_params();
        }
        self.asm.test_rr(Size::S32, cond, cond);
        let depth = self.ctrls.len() - 1 - l as usize;
        if self.branch_in_place(l) {
            self.ctrls[depth].branched = true;
            let label = self.ctrls[depth].label;
            self.asm.jcc(Cond::Ne, label);
        } else {
            let skip = self.asm.new_label();
            self.asm.jcc(Cond::E, skip);
            self.br(l);
            self.asm.bind(skip);
        }
    }

    /// `br_table`: a bounds check to the default, then a jump table of 32-bit offsets to
    /// each target's moves and jump.
    fn br_table(&mut self, ls: &[u32], default: u32) {
        let i = self.pop_gpr();
        self.free(Loc::Gpr(i));
        let depth = self.ctrls.len() - 1;
        if ls.iter().chain([&default]).any(|l| self.ctrls[depth - *l as usize].kind == CtrlKind::Body) {
            self.read_lazy_params();
        }
        let table = self.asm.new_label();
        let mut targets: Vec<(u32, Label)> = Vec::new();
        let mut target = |this: &mut Self, l: u32| -> Label {
            if let Some((_, lab)) = targets.iter().find(|t| t.0 == l) {
                return *lab;
            }
            let lab = this.asm.new_label();
            targets.push((l, lab));
            lab
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
            self.br(l);
        }
    }

    fn ret(&mut self) {
        self.return_values();
    }

    /// The results go where the parameters are: a parameter read lazily is read first.
    fn read_lazy_params(&mut self) {
        let np = self.params.len() as u32;
        let top = self.stack.len() - self.results.len();
        for k in top..self.stack.len() {
            if matches!(self.stack[k].loc, Loc::Local(i) if i < np) {
                self.spill(k);
            }
        }
    }

    /// Write the function's results where the caller reads them and leave.
    fn return_values(&mut self) {
        self.read_lazy_params();
        let m = self.results.len();
        let top = self.stack.len() - m;
        for j in 0..m {
            let e = self.stack[top + j];
            let to = Mem::disp(Gpr::Rbp, 16 + 8 * j as i32);
            if e.loc == Loc::Slot {
                let from = self.slot_addr(top + j);
                self.copy(e.kind, from, to);
            } else {
                self.store(e, to);
            }
        }
        self.trace_call(true);
        self.asm.mov_rr(Size::S64, Gpr::Rsp, Gpr::Rbp);
        self.asm.pop(Gpr::Rbp);
        self.asm.ret();
    }

    fn select(&mut self) {
        let cond = self.pop_gpr();
        let b = self.pop_resolved();
        let a = self.pop_resolved();
        if a.kind.is_float() {
            let xa = self.into_xmm(a);
            let xb = self.into_xmm(b);
            let keep = self.asm.new_label();
            self.asm.test_rr(Size::S32, cond, cond);
            self.asm.jcc(Cond::Ne, keep);
            self.asm.sse_xx(Sse::MOVAPS, xa, xb);
            self.asm.bind(keep);
            self.free(Loc::Xmm(xb));
            self.free(Loc::Gpr(cond));
            self.push(a.kind, Loc::Xmm(xa));
        } else {
            let ra = self.into_gpr(a);
            let rb = self.into_gpr(b);
            self.asm.test_rr(Size::S32, cond, cond);
            self.asm.cmovcc_rr(Cond::E, a.kind.size(), ra, rb);
            self.free(Loc::Gpr(rb));
            self.free(Loc::Gpr(cond));
            self.push(a.kind, Loc::Gpr(ra));
        }
    }

    fn local_set(&mut self, x: u32, tee: bool) {
        self.materialize_local(x);
        let k = self.stack.len() - 1;
        let e = self.stack[k];
        let addr = self.local_addr(x);
        if e.loc == Loc::Slot {
            let kind = e.kind;
            let e = self.pop_resolved();
            self.store(e, addr);
            if tee {
                self.push(kind, e.loc);
            } else {
                self.free(e.loc);
            }
            return;
        }
        self.store(e, addr);
        if !tee {
            let e = self.pop();
            self.free(e.loc);
        }
    }

    /// The address of global `x`'s cell, in a register.
    fn global_cell(&mut self, x: u32) -> Gpr {
        let r = self.alloc_gpr();
        self.asm.mov_rm(Size::S64, r, Mem::disp(CTX, VmCtx::global(x)));
        r
    }

    fn global_get(&mut self, x: u32) {
        let kind = Kind::of(self.env.globals[x as usize].val).expect("checked: no v128 globals");
        let cell = self.global_cell(x);
        if kind.is_float() {
            let v = self.alloc_xmm();
            self.movs_xm(kind, v, Mem::base(cell));
            self.free(Loc::Gpr(cell));
            self.push(kind, Loc::Xmm(v));
        } else {
            self.asm.mov_rm(kind.size(), cell, Mem::base(cell));
            self.push(kind, Loc::Gpr(cell));
        }
    }

    fn global_set(&mut self, x: u32) {
        let e = self.pop_resolved();
        let cell = self.global_cell(x);
        self.store(e, Mem::base(cell));
        self.free(e.loc);
        self.free(Loc::Gpr(cell));
    }

    /// The descriptor of table `x`, in a register.
    fn table_desc(&mut self, x: u32, except: RegSet<Gpr>) -> Gpr {
        let r = self.alloc_gpr_except(except);
        self.asm.mov_rm(Size::S64, r, Mem::disp(CTX, VmCtx::TABLES));
        self.asm.mov_rm(Size::S64, r, Mem::disp(r, 8 * x as i32));
        r
    }

    fn table_get(&mut self, x: u32) {
        let i = self.pop_gpr();
        let d = self.table_desc(x, RegSet::of(&[i]));
        self.asm.alu_rm(Alu::Cmp, Size::S64, i, Mem::disp(d, TableDesc::SIZE));
        let oob = self.trap_label(Trap::TableOob, rules::STEP_READ__TABLE_GET_OOB);
        self.asm.jcc(Cond::Ae, oob);
        self.asm.mov_rm(Size::S64, d, Mem::disp(d, TableDesc::ELEMS));
        self.asm.mov_rm(Size::S64, i, Mem::index(d, i, Scale::X8, 0));
        self.free(Loc::Gpr(d));
        self.push(Kind::Ref, Loc::Gpr(i));
    }

    fn table_set(&mut self, x: u32) {
        let v = self.pop_gpr();
        let i = self.pop_gpr();
        let d = self.table_desc(x, RegSet::of(&[i, v]));
        self.asm.alu_rm(Alu::Cmp, Size::S64, i, Mem::disp(d, TableDesc::SIZE));
        let oob = self.trap_label(Trap::TableOob, rules::STEP__TABLE_SET_OOB);
        self.asm.jcc(Cond::Ae, oob);
        self.asm.mov_rm(Size::S64, d, Mem::disp(d, TableDesc::ELEMS));
        self.asm.mov_mr(Size::S64, Mem::index(d, i, Scale::X8, 0), v);
        for r in [d, i, v] {
            self.free(Loc::Gpr(r));
        }
    }

    fn table_size(&mut self, x: u32) {
        let d = self.table_desc(x, RegSet::EMPTY);
        self.asm.mov_rm(Size::S32, d, Mem::disp(d, TableDesc::SIZE));
        self.push(Kind::I32, Loc::Gpr(d));
    }

    // ----- Calls -----

    /// Move the top `n` entries to the outgoing area and pop them; then spill the rest.
    fn pass_args(&mut self, n: usize, results: usize) {
        self.max_out = self.max_out.max(n.max(results));
        let top = self.stack.len() - n;
        for j in 0..n {
            let e = self.stack[top + j];
            if e.loc == Loc::Slot {
                let from = self.slot_addr(top + j);
                self.copy(e.kind, from, Self::out_addr(j));
            } else {
                self.store(e, Self::out_addr(j));
            }
        }
        for _ in 0..n {
            let e = self.pop();
            self.free(e.loc);
        }
        self.spill_regs();
    }

    /// After a call: the results from the outgoing area into registers.
    fn take_results(&mut self, results: &[Kind]) {
        for (j, kind) in results.iter().enumerate() {
            if kind.is_float() {
                let x = self.alloc_xmm();
                self.movs_xm(*kind, x, Self::out_addr(j));
                self.push(*kind, Loc::Xmm(x));
            } else {
                let r = self.alloc_gpr();
                self.asm.mov_rm(kind.size(), r, Self::out_addr(j));
                self.push(*kind, Loc::Gpr(r));
            }
        }
    }

    fn kinds(ts: &[ValType]) -> Vec<Kind> {
        ts.iter().map(|t| Kind::of(*t).expect("checked: no v128")).collect()
    }

    fn call(&mut self, x: u32) {
        let ty = self.env.funcs[x as usize];
        let results = Self::kinds(&ty.results);
        self.pass_args(ty.params.len(), results.len());
        if x < self.env.imported_funcs {
            // Through the function's reference: its code, in its own context.
            self.asm.mov_rm(Size::S64, Gpr::Rax, Mem::disp(CTX, VmCtx::FUNCS));
            self.asm.mov_rm(Size::S64, Gpr::Rax, Mem::disp(Gpr::Rax, 8 * x as i32));
            self.call_ref_in_rax();
        } else {
            let label = self.func_labels[(x - self.env.imported_funcs) as usize];
            self.asm.call(label);
        }
        self.take_results(&results);
    }

    /// Call the function whose reference is in `rax`, in its context, and return to ours.
    fn call_ref_in_rax(&mut self) {
        self.asm.mov_rm(Size::S64, CTX, Mem::disp(Gpr::Rax, FuncRef::CTX));
        self.asm.call_m(Mem::disp(Gpr::Rax, FuncRef::CODE));
        self.asm.mov_rm(Size::S64, CTX, Mem::disp(Gpr::Rbp, -8));
        self.load_membase();
    }

    /// `call_indirect`: bounds (`undefined element`), null (`uninitialized element`), type
    /// (`indirect call type mismatch`), as the reference's `table.get`, `ref.cast`, `call_ref`.
    fn call_indirect(&mut self, x: u32, y: u32) {
        let ty = self.env.types[y as usize];
        let results = Self::kinds(&ty.results);
        // The index in rdx, which the argument moves leave alone.
        let i = self.pop_resolved();
        let keep = i.loc;
        self.evict_gpr(Gpr::Rdx, keep);
        self.load_gpr(i, Gpr::Rdx);
        if i.loc != Loc::Gpr(Gpr::Rdx) {
            self.free(i.loc);
        }
        // Held while the arguments move (spilling frees registers: nothing is restored).
        self.gprs.hold(Gpr::Rdx);
        self.pass_args(ty.params.len(), results.len());
        self.gprs.free(Gpr::Rdx);
        let undefined =
            self.trap_with(Trap::UndefinedElement, rules::STEP_READ__TABLE_GET_OOB, Some(Gpr::Rdx));
        let uninitialized =
            self.trap_with(Trap::UninitializedElement, rules::STEP_READ__CALL_REF_NULL, Some(Gpr::Rdx));
        let mismatch = self.trap_label(Trap::IndirectCallTypeMismatch, rules::STEP_READ__REF_CAST_FAIL);
        let a = &mut *self.asm;
        a.mov_rm(Size::S64, Gpr::Rcx, Mem::disp(CTX, VmCtx::TABLES));
        a.mov_rm(Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rcx, 8 * x as i32));
        a.alu_rm(Alu::Cmp, Size::S64, Gpr::Rdx, Mem::disp(Gpr::Rcx, TableDesc::SIZE));
        a.jcc(Cond::Ae, undefined);
        a.mov_rm(Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rcx, TableDesc::ELEMS));
        a.mov_rm(Size::S64, Gpr::Rax, Mem::index(Gpr::Rcx, Gpr::Rdx, Scale::X8, 0));
        a.test_rr(Size::S64, Gpr::Rax, Gpr::Rax);
        a.jcc(Cond::E, uninitialized);
        if !active(Mutant::CallIndirectNoTypeCheck) {
            a.mov_rm(Size::S64, Gpr::Rcx, Mem::disp(CTX, VmCtx::TYPE_IDS));
            a.mov_rm(Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rcx, 8 * y as i32));
            a.alu_rm(Alu::Cmp, Size::S64, Gpr::Rcx, Mem::disp(Gpr::Rax, FuncRef::TYPE_ID));
            a.jcc(Cond::Ne, mismatch);
        }
        self.call_ref_in_rax();
        self.take_results(&results);
    }

    /// A runtime function: `f(ctx, imm..., popped operands...)` in the System V convention.
    /// A nonzero result of a `trapping` function is the code of the trap it raises.
    fn builtin(
        &mut self,
        f: usize,
        imms: &[u64],
        operands: usize,
        result: Option<Kind>,
        trapping: Option<Rule>,
    ) {
        self.spill_regs();
        const ARGS: [Gpr; 6] = [Gpr::Rdi, Gpr::Rsi, Gpr::Rdx, Gpr::Rcx, Gpr::R8, Gpr::R9];
        self.asm.mov_rr(Size::S64, ARGS[0], CTX);
        for (j, imm) in imms.iter().enumerate() {
            self.asm.mov_ri64(ARGS[1 + j], *imm as i64);
        }
        let top = self.stack.len() - operands;
        for j in 0..operands {
            let e = self.stack[top + j];
            let r = ARGS[1 + imms.len() + j];
            if e.loc == Loc::Slot {
                let from = self.slot_addr(top + j);
                self.asm.mov_rm(e.kind.size(), r, from);
            } else {
                self.load_gpr(e, r);
            }
        }
        for _ in 0..operands {
            self.pop();
        }
        self.asm.mov_ri64(Gpr::Rax, f as i64);
        self.asm.call_r(Gpr::Rax);
        if let Some(rule) = trapping {
            // The runtime function returns the trap's code, which names the rule too.
            let _ = rule;
            let ok = self.asm.new_label();
            self.asm.test_rr(Size::S64, Gpr::Rax, Gpr::Rax);
            self.asm.jcc(Cond::E, ok);
            self.asm.jmp_m(Mem::disp(CTX, VmCtx::TRAP_LANDING));
            self.asm.bind(ok);
        }
        if let Some(kind) = result {
            self.gprs.hold(Gpr::Rax);
            self.push(kind, Loc::Gpr(Gpr::Rax));
        }
    }

    // ----- Memory -----

    /// The address `[base + i + offset]` of an access of `n` bytes, after the bounds check
    /// in `Checks` mode (in guard mode a fault is the check: its place is recorded).
    fn effective(&mut self, i: Entry, offset: u64, n: u64, rule: Rule) -> (Mem, Loc) {
        match self.env.options.bounds {
            Bounds::GuardPages => {
                let (mem, loc) = self.guarded(i, offset);
                self.faults.push((self.asm.offset(), rule));
                (mem, loc)
            }
            Bounds::Checks => self.checked(i, offset, n, rule),
        }
    }

    fn guarded(&mut self, i: Entry, offset: u64) -> (Mem, Loc) {
        match i.loc {
            Loc::Const(c) if (c as u32 as u64 + offset) <= i32::MAX as u64 => {
                (Mem::disp(MEMBASE, (c as u32 as u64 + offset) as i32), Loc::Slot)
            }
            _ => {
                let r = self.into_gpr(i);
                if offset <= i32::MAX as u64 {
                    (Mem::index(MEMBASE, r, Scale::X1, offset as i32), Loc::Gpr(r))
                } else {
                    self.asm.mov_ri64(SCRATCH, offset as i64);
                    self.asm.alu_rr(Alu::Add, Size::S64, r, SCRATCH);
                    (Mem::index(MEMBASE, r, Scale::X1, 0), Loc::Gpr(r))
                }
            }
        }
    }

    /// `Checks` mode: `i + offset + n` (at most 2^33) against the memory's size.
    fn checked(&mut self, i: Entry, offset: u64, n: u64, rule: Rule) -> (Mem, Loc) {
        let r = self.into_gpr(i);
        let end = offset + n + active(Mutant::BoundsOffByOne) as u64;
        if end <= i32::MAX as u64 {
            self.asm.lea_rm(Size::S64, SCRATCH, Mem::disp(r, end as i32));
        } else {
            self.asm.mov_ri64(SCRATCH, end as i64);
            self.asm.alu_rr(Alu::Add, Size::S64, SCRATCH, r);
        }
        let desc = self.alloc_gpr_except(RegSet::of(&[r]));
        self.asm.mov_rm(Size::S64, desc, Mem::disp(CTX, VmCtx::MEM0_DESC));
        self.asm.alu_rm(Alu::Cmp, Size::S64, SCRATCH, Mem::disp(desc, MemDesc::SIZE));
        let oob = self.trap_label(Trap::MemoryOob, rule);
        self.asm.jcc(Cond::A, oob);
        self.asm.mov_rm(Size::S64, desc, Mem::disp(desc, MemDesc::BASE));
        self.asm.alu_rr(Alu::Add, Size::S64, r, desc);
        self.free(Loc::Gpr(desc));
        if offset <= i32::MAX as u64 {
            (Mem::disp(r, offset as i32), Loc::Gpr(r))
        } else {
            self.asm.mov_ri64(SCRATCH, offset as i64);
            self.asm.alu_rr(Alu::Add, Size::S64, r, SCRATCH);
            (Mem::base(r), Loc::Gpr(r))
        }
    }

    fn load(&mut self, t: NumType, op: Option<LoadOp>, x: u32, m: MemArg) -> R<()> {
        if x != 0 {
            return Err(Unsupported("multi-memory"));
        }
        let n = op.map_or(t.size(), |op| op.size.bits()) as u64 / 8;
        let rule =
            if op.is_some() { rules::STEP_READ__LOAD_PACK_OOB } else { rules::STEP_READ__LOAD_NUM_OOB };
        let i = self.pop_resolved();
        let (addr, held) = self.effective(i, m.offset, n, rule);
        let kind = num_kind(t);
        if kind.is_float() {
            let v = self.alloc_xmm();
            if self.env.options.bounds == Bounds::GuardPages {
                self.fix_fault_offset();
            }
            self.movs_xm(kind, v, addr);
            self.free(held);
            self.push(kind, Loc::Xmm(v));
            return Ok(());
        }
        let r = match held {
            Loc::Gpr(r) => r,
            _ => self.alloc_gpr(),
        };
        if self.env.options.bounds == Bounds::GuardPages {
            self.fix_fault_offset();
        }
        let to = kind.size();
        match op {
            None => self.asm.mov_rm(to, r, addr),
            Some(LoadOp { size: Sz::N32, sx: Sx::S }) => self.asm.movsxd_rm(r, addr),
            Some(LoadOp { size: Sz::N32, sx: Sx::U }) => self.asm.mov_rm(Size::S32, r, addr),
            Some(LoadOp { size, sx }) => {
                let from = if size == Sz::N8 { Size::S8 } else { Size::S16 };
                match sx {
                    Sx::S => self.asm.movsx_rm(to, r, from, addr),
                    Sx::U => self.asm.movzx_rm(Size::S32, r, from, addr),
                }
            }
        }
        self.push(kind, Loc::Gpr(r));
        Ok(())
    }

    /// In guard mode the faulting instruction is the one emitted next: its offset replaces
    /// the one recorded before the address was formed.
    fn fix_fault_offset(&mut self) {
        let at = self.asm.offset();
        if let Some(last) = self.faults.last_mut() {
            last.0 = at;
        }
    }

    fn store_(&mut self, t: NumType, sz: Option<Sz>, x: u32, m: MemArg) -> R<()> {
        if x != 0 {
            return Err(Unsupported("multi-memory"));
        }
        let n = sz.map_or(t.size(), Sz::bits) as u64 / 8;
        let rule = if sz.is_some() { rules::STEP__STORE_PACK_OOB } else { rules::STEP__STORE_NUM_OOB };
        let kind = num_kind(t);
        let v = self.pop_resolved();
        let v = if kind.is_float() { Loc::Xmm(self.into_xmm(v)) } else { Loc::Gpr(self.into_gpr(v)) };
        // The value's register stays held (it is ours), so the address cannot land in it.
        let i = self.pop_resolved();
        let (addr, held) = self.effective(i, m.offset, n, rule);
        if self.env.options.bounds == Bounds::GuardPages {
            self.fix_fault_offset();
        }
        match v {
            Loc::Xmm(xv) => self.movs_mx(kind, addr, xv),
            Loc::Gpr(rv) => {
                let size = match n {
                    1 => Size::S8,
                    2 => Size::S16,
                    4 => Size::S32,
                    _ => Size::S64,
                };
                self.asm.mov_mr(size, addr, rv);
            }
            _ => unreachable!(),
        }
        self.free(held);
        self.free(v);
        Ok(())
    }

    fn memory_size(&mut self, x: u32) -> R<()> {
        if x != 0 {
            return Err(Unsupported("multi-memory"));
        }
        let r = self.alloc_gpr();
        self.asm.mov_rm(Size::S64, r, Mem::disp(CTX, VmCtx::MEM0_DESC));
        self.asm.mov_rm(Size::S64, r, Mem::disp(r, MemDesc::SIZE));
        self.asm.shift_ri(Shift::Shr, Size::S64, r, 16);
        self.push(Kind::I32, Loc::Gpr(r));
        Ok(())
    }
}

/// What a source operand of an ALU instruction is.
#[derive(Copy, Clone)]
enum Src {
    Imm(i32),
    Reg(Gpr),
    Mem(Mem),
    /// Must be loaded into a register first.
    Load,
}

fn num_kind(t: NumType) -> Kind {
    match t {
        NumType::I32 => Kind::I32,
        NumType::I64 => Kind::I64,
        NumType::F32 => Kind::F32,
        NumType::F64 => Kind::F64,
    }
}

fn feature_of(instr: &Instr) -> &'static str {
    use Instr as I;
    match instr {
        I::ReturnCall(_) | I::ReturnCallRef(_) | I::ReturnCallIndirect(..) => "tail-call",
        I::Throw(_) | I::ThrowRef | I::TryTable(..) => "exceptions",
        I::CallRef(_) | I::BrOnNull(_) | I::BrOnNonNull(_) | I::RefAsNonNull => "function-references",
        I::VConst(_)
        | I::VVunop(_)
        | I::VVbinop(_)
        | I::VVternop(_)
        | I::VVtestop(_)
        | I::VUnop(..)
        | I::VBinop(..)
        | I::VTernop(..)
        | I::VTestop(..)
        | I::VRelop(..)
        | I::VShiftop(..)
        | I::VBitmask(_)
        | I::VSwizzlop(_)
        | I::VShuffle(_)
        | I::VExtunop(..)
        | I::VExtbinop(..)
        | I::VExtternop(..)
        | I::VNarrow(..)
        | I::VCvtop(..)
        | I::VSplat(_)
        | I::VExtractLane(..)
        | I::VReplaceLane(..) => "v128",
        _ => "gc",
    }
}

mod numeric;
mod regs;

use regs::{CTX, GPRS, MEMBASE, RegSet, SCRATCH, XMMS, XSCRATCH};
