//! The single-pass code generator: one walk over each validated function body emits x86-64
//! directly, with no intermediate representation.
//!
//! As in V8's Liftoff, the operand stack is kept abstractly while code is emitted: each entry
//! is a constant, a register, a local (read lazily), or its home slot in the frame. Operations
//! consume entries where they are (an immediate, a register, memory) and leave their result in
//! a register. Registers come from a fixed pool and are spilled to home slots when the pool
//! runs dry, at calls, and where control flow merges (but for a block's single result, which
//! meets in a register). Locals are cached in registers, written through to the frame, and a
//! loop keeps them there from one iteration to the next; the first words of a call's
//! arguments, and its first result, travel in registers.
//!
//! Laid out by concern, as Wasmtime's Winch is: this file says what each instruction means
//! (`FuncCompiler::instr`, one arm per operator); how is in
//!
//! - `stack.rs`: the abstract value stack: entries, push and pop, spilling; `drop`, `select`
//! - `regs.rs`: the registers' roles, the pools, `RegSet` and allocation
//! - `frame.rs`: the frame's layout, prologue and epilogue, fuel, trap exits
//! - `control.rs`: control frames, blocks, branches, `return`, merges, unreachable code
//! - `call.rs`: calls, `call_indirect`, argument passing, runtime function calls
//! - `variables.rs`: locals and globals
//! - `memory.rs`: loads and stores, effective addresses and bounds, `memory.*`, `data.drop`
//! - `table.rs`: `table.*`, `elem.drop`, references
//! - `numeric.rs`: the numeric instructions
//! - `vector/`: the vector instructions, by concern (memory, lanes, integer, float,
//!   conversions, relaxed)
//! - `support.rs`: what the compiler refuses, checked before code is emitted
//!
//! Every instruction is emitted through [`crate::jit::x64`], which knows nothing of wasm.

pub use pieces::{Faults, MachineCode};
mod call;
mod control;
mod frame;
mod memory;
mod numeric;
mod pieces;
mod regs;
mod stack;
mod support;
mod table;
mod variables;
mod vector;

use super::isa::Isa;
use super::runtime::Trap;
use super::x64::*;
use crate::rules::Rule;
use crate::runtime::Relaxed;
use crate::syntax::*;
use control::{Ctrl, CtrlKind};
use frame::Frame;
use pieces::Callees;
use regs::RegSet;
use stack::{Entry, Kind, Kinds, Loc};
use support::{check_module, feature_of, is_vector};

/// How the compiled code checks memory accesses.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Bounds {
    /// An access outside the memory faults in its guard region, which the signal handler
    /// turns into a trap.
    GuardPages,
    /// Every access compares its end with the memory's size.
    Checks,
}

#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Options {
    pub bounds: Bounds,
    /// Count fuel at function entries and loop headers.
    pub fuel: bool,
    /// Where fuel is counted, also poll the thread's interrupt flag (`--timeout`).
    pub interruptible: bool,
    /// Count frames against the configured call depth, as the reference does.
    pub count_frames: bool,
    /// Call [`Builtins::trace_call`] at every entry and exit of a function.
    pub trace_calls: bool,
    /// Compile on this many threads (the code is the same on any number).
    pub threads: usize,
}

impl Options {
    /// Plain code: bounds as given, no fuel, no polling, no frame counting, no tracing, one
    /// thread.
    pub fn new(bounds: Bounds) -> Options {
        Options {
            bounds,
            fuel: false,
            interruptible: false,
            count_frames: false,
            trace_calls: false,
            threads: 1,
        }
    }
}

/// A module's code: every defined function's entry, and where each memory access that can
/// fault lies with the rule its trap cites.
pub struct Compiled {
    pub code: MachineCode,
    pub funcs: Vec<u32>,
    pub faults: Faults,
}

/// Why the compiler refuses a module: `unsupported by the compiler: FEATURE`.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsupported(pub &'static str);

/// What the module level tells a function's compilation.
pub struct Env<'m> {
    pub module: &'m Module,
    /// The bodies of its functions: the module's own, or decoded one at a time.
    pub bodies: &'m dyn Bodies,
    pub types: Vec<&'m FuncType>,
    /// The type of each function, imports first.
    pub funcs: Vec<&'m FuncType>,
    pub imported_funcs: u32,
    pub globals: Vec<GlobalType>,
    pub options: Options,
    /// How the accesses to each memory are checked, by memory index (an imported memory
    /// without a guard region is checked explicitly, whatever `options` say).
    pub mem_bounds: Vec<Bounds>,
    /// The address of each runtime function the code calls.
    pub builtins: &'m Builtins,
    /// The instructions the code may use, and the relaxed operators' results it gives.
    pub isa: Isa,
    pub relaxed: Relaxed,
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

/// Compile every function of a validated module into one block of code, on
/// `options.threads` threads (`pieces.rs`).
pub fn compile(env: &Env) -> Result<Compiled, Unsupported> {
    check_module(env.module)?;
    pieces::compile(env)
}

/// One function's compilation: the state the walk over its body keeps.
struct FuncCompiler<'a, 'm> {
    asm: &'a mut Assembler,
    env: &'a Env<'m>,
    callees: &'a mut Callees,
    faults: &'a mut Vec<(u32, Rule)>,
    params: Vec<Kind>,
    results: Vec<Kind>,
    /// The kind of every local, parameters first.
    locals: Vec<Kind>,
    /// The abstract value stack (`stack.rs`).
    stack: Vec<Entry>,
    /// The blocks the walk is inside, the function's body first (`control.rs`).
    ctrls: Vec<Ctrl>,
    /// Where in `ctrls` the loops are that keep locals in registers at their headers,
    /// innermost last: a function may nest thousands of blocks inside its loop.
    loops: Vec<usize>,
    /// Registers held by stack entries, by operands being worked on, or by the cache.
    gprs: RegSet<Gpr>,
    xmms: RegSet<Xmm>,
    /// Locals whose current value a register holds too, oldest first (`variables.rs`).
    cache: Vec<(u32, Loc)>,
    /// Cached registers that the current instruction reads in place (as an operand or an
    /// address): not given up to an allocation until the instruction is done.
    pinned: RegSet<Gpr>,
    pinned_xmms: RegSet<Xmm>,
    /// The frame's layout, and its size, known at the end (`frame.rs`).
    frame: Frame,
    /// Out-of-line code: trap exits (per trap and rule) and their labels.
    traps: Vec<(Trap, Rule, Option<Gpr>, Label)>,
    /// How deep inside unreachable code the walk is (its instructions emit nothing).
    dead: u32,
    /// Whether the walk is in reachable code: `dead` is 0 and the innermost block is live.
    /// Kept, not asked of the blocks, as it is asked before every instruction.
    live: bool,
    /// The offset of the frame size in the prologue's stack check and allocation.
    frame_fixups: [u32; 2],
    epilogue: Label,
    /// The function's index in its module.
    index: u32,
    /// A comparison left in the flags for the `br_if`, `if` or `select` that follows: the condition
    /// under which its operand would have been 1. The operand is not on the stack then.
    flags: Option<Cond>,
}

type R<T> = Result<T, Unsupported>;

/// The vectors of a [`FuncCompiler`], kept by a thread from function to function: fresh
/// ones for every function cost 1-2% of compilation in their growth and allocation.
#[derive(Default)]
struct Buffers {
    params: Vec<Kind>,
    results: Vec<Kind>,
    locals: Vec<Kind>,
    stack: Vec<Entry>,
    ctrls: Vec<Ctrl>,
    loops: Vec<usize>,
    cache: Vec<(u32, Loc)>,
    traps: Vec<(Trap, Rule, Option<Gpr>, Label)>,
}

impl<'a, 'm> FuncCompiler<'a, 'm> {
    /// The compiler of the `i`-th defined function, working in `buffers` (emptied first).
    fn new(
        asm: &'a mut Assembler,
        env: &'a Env<'m>,
        callees: &'a mut Callees,
        faults: &'a mut Vec<(u32, Rule)>,
        i: usize,
        buffers: Buffers,
    ) -> R<Self> {
        let index = env.imported_funcs + i as u32;
        let (ty, func) = (env.funcs[index as usize], &env.module.funcs[i]);
        let Buffers {
            mut params,
            mut results,
            mut locals,
            mut stack,
            mut ctrls,
            mut loops,
            mut cache,
            mut traps,
        } = buffers;
        for v in [&mut params, &mut results, &mut locals] {
            v.clear();
        }
        stack.clear();
        ctrls.clear();
        loops.clear();
        cache.clear();
        traps.clear();
        for t in &ty.params {
            params.push(Kind::of(*t)?);
        }
        for t in &ty.results {
            results.push(Kind::of(*t)?);
        }
        locals.extend_from_slice(&params);
        for t in &func.locals {
            locals.push(Kind::of(*t)?);
        }
        let epilogue = asm.new_label();
        let frame = Frame::new(&params, &results, &locals);
        Ok(FuncCompiler {
            asm,
            env,
            callees,
            faults,
            params,
            results,
            locals,
            stack,
            ctrls,
            loops,
            gprs: RegSet::EMPTY,
            xmms: RegSet::EMPTY,
            cache,
            pinned: RegSet::EMPTY,
            pinned_xmms: RegSet::EMPTY,
            frame,
            traps,
            dead: 0,
            live: true,
            frame_fixups: [0; 2],
            epilogue,
            index,
            flags: None,
        })
    }

    /// The prologue, every instruction of the body, then the frame's size and the trap exits;
    /// the buffers back, for the next function.
    fn compile(mut self, expr: &Expr) -> R<Buffers> {
        self.prologue();
        let body = Ctrl {
            kind: CtrlKind::Body,
            label: self.epilogue,
            els: None,
            base: 0,
            params: Kinds::new(),
            results: Kinds::from_slice(&self.results),
            branched: false,
            live: true,
            cache: Vec::new(),
            merge: None,
        };
        self.ctrls.push(body);
        // The body's `end`, which closes the last block, is its last instruction (validated).
        let mut rest: &[Instr] = &expr.instrs;
        while let Some((instr, after)) = rest.split_first() {
            self.instr(instr, after)?;
            self.pinned = RegSet::EMPTY;
            self.pinned_xmms = RegSet::EMPTY;
            debug_assert!(self.flags.is_none() || branches(after), "flags left for no branch");
            rest = after;
        }
        debug_assert!(self.ctrls.is_empty(), "the body's end closes every block");
        self.finish_frame();
        self.emit_traps();
        let FuncCompiler { params, results, locals, stack, ctrls, loops, cache, traps, .. } = self;
        Ok(Buffers { params, results, locals, stack, ctrls, loops, cache, traps })
    }

    /// One instruction: what it means, by operator (`rest`: the instructions after it).
    fn instr(&mut self, instr: &Instr, rest: &[Instr]) -> R<()> {
        debug_assert_eq!(self.live, self.dead == 0 && self.reachable());
        if !self.live {
            return self.dead_instr(instr);
        }
        use Instr as I;
        match instr {
            I::Unreachable => self.unreachable(),
            I::Nop => {}
            I::Drop => self.drop_top(),
            I::Select(_) => self.select(),
            I::Block(bt) => self.block(*bt)?,
            I::Loop(bt) => self.loop_(*bt, rest)?,
            I::If(bt) => self.if_(*bt)?,
            I::Else => self.else_(),
            I::End => self.end(),
            I::Br(l) => self.br(*l),
            I::BrIf(l) => self.br_if(*l),
            I::BrTable(ls, l) => self.br_table(ls, *l),
            I::Return => self.return_(),
            I::Call(x) => self.call(*x),
            I::CallIndirect(x, y) => self.call_indirect(*x, *y),
            I::LocalGet(x) => self.local_get(*x),
            I::LocalSet(x) => self.local_set(*x),
            I::LocalTee(x) => self.local_tee(*x),
            I::GlobalGet(x) => self.global_get(*x),
            I::GlobalSet(x) => self.global_set(*x),
            I::TableGet(x) => self.table_get(*x),
            I::TableSet(x) => self.table_set(*x),
            I::TableSize(x) => self.table_size(*x),
            I::TableGrow(x) => self.table_grow(*x),
            I::TableFill(x) => self.table_fill(*x),
            I::TableCopy(x, y) => self.table_copy(*x, *y),
            I::TableInit(x, y) => self.table_init(*x, *y),
            I::ElemDrop(x) => self.elem_drop(*x),
            I::Load(t, op, x, m) => self.load(*t, *op, *x, *m),
            I::Store(t, sz, x, m) => self.store(*t, *sz, *x, *m),
            I::MemorySize(x) => self.memory_size(*x),
            I::MemoryGrow(x) => self.memory_grow(*x),
            I::MemoryFill(x) => self.memory_fill(*x),
            I::MemoryCopy(x, y) => self.memory_copy(*x, *y),
            I::MemoryInit(x, y) => self.memory_init(*x, *y),
            I::DataDrop(x) => self.data_drop(*x),
            I::RefNull(_) => self.ref_null(),
            I::RefIsNull => self.ref_is_null(),
            I::RefFunc(x) => self.ref_func(*x),
            I::Const(n) => self.constant(*n),
            I::Unop(t, op) => self.unop(*t, *op),
            I::Binop(t, op) => self.binop(*t, *op),
            I::Testop(t, _) => self.testop(*t, branches(rest)),
            I::Relop(t, op) => self.relop(*t, *op, branches(rest)),
            I::Cvtop(to, from, op) => self.cvtop(*to, *from, *op),
            i if is_vector(i) => {
                self.vector_isa()?;
                self.vector_instr(i);
            }
            other => return Err(Unsupported(feature_of(other))),
        }
        Ok(())
    }

    /// A vector instruction (the ISA checked): what it means, by operator.
    fn vector_instr(&mut self, instr: &Instr) {
        use Instr as I;
        match instr {
            I::VLoad(op, x, m) => self.vload(*op, *x, *m),
            I::VLoadLane(sz, x, m, lane) => self.vload_lane(*sz, *x, *m, *lane),
            I::VStore(x, m) => self.vstore(*x, *m),
            I::VStoreLane(sz, x, m, lane) => self.vstore_lane(*sz, *x, *m, *lane),
            I::VConst(c) => self.vconst(*c),
            I::VVunop(VVunop::Not) => self.vnot_op(),
            I::VVbinop(op) => self.vvbinop(*op),
            I::VVternop(VVternop::Bitselect) => self.vbitselect(),
            I::VVtestop(VVtestop::AnyTrue) => self.vany_true(),
            I::VUnop(sh, VUnop::Int(op)) => self.vi_unop(*sh, *op),
            I::VUnop(sh, VUnop::Float(op)) => self.vf_unop(*sh, *op),
            I::VBinop(sh, VBinop::Int(op)) => self.vi_binop(*sh, *op),
            I::VBinop(sh, VBinop::Float(op)) => self.vf_binop(*sh, *op),
            I::VTernop(sh, op) => self.vternop(*sh, *op),
            I::VTestop(sh, VTestop::AllTrue) => self.vall_true(*sh),
            I::VRelop(sh, Relop::Int(op)) => self.vi_relop(*sh, *op),
            I::VRelop(sh, Relop::Float(op)) => self.vf_relop(*sh, *op),
            I::VShiftop(sh, op) => self.vshiftop(*sh, *op),
            I::VBitmask(sh) => self.vbitmask(*sh),
            I::VSwizzlop(op) => self.vswizzlop(*op),
            I::VShuffle(lanes) => self.vshuffle(lanes),
            I::VExtunop(_, from, VExtunop::ExtaddPairwise(sx)) => self.vextadd_pairwise(*from, *sx),
            I::VExtbinop(_, from, op) => self.vextbinop(*from, *op),
            I::VExtternop(_, _, VExtternop::RelaxedDotAdd) => self.relaxed_dot_add(),
            I::VNarrow(_, from, sx) => self.vnarrow(*from, *sx),
            I::VCvtop(to, from, op) => self.vcvtop(*to, *from, *op),
            I::VSplat(sh) => self.vsplat(*sh),
            I::VExtractLane(sh, sx, lane) => self.vextract_lane(*sh, *sx, *lane),
            I::VReplaceLane(sh, lane) => self.vreplace_lane(*sh, *lane),
            _ => unreachable!("`instr` hands over vector instructions only"),
        }
    }
}

/// Whether the next instruction, the first of `rest`, is a `br_if`, an `if` or a `select`: an
/// integer comparison before one leaves its result in the flags for it (`numeric.rs`).
fn branches(rest: &[Instr]) -> bool {
    matches!(rest.first(), Some(Instr::BrIf(_) | Instr::If(_) | Instr::Select(_)))
}
