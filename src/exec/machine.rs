//! The configuration `s; f; instr*` and its contexts, refocused (see the module docs of
//! [`crate::exec`]): an operand stack, a stack of label contexts, a stack of frame
//! contexts, the code of the innermost frame with the position of the next instruction,
//! and the administrative instructions that reduction has put in front of it.

use super::code::{Code, Op};
use super::runtime::Store;
use super::values::Slot;
use crate::rules::Rule;
use crate::runtime::{Addr, Config, Val};
use crate::syntax::FuncType;
use crate::valid::canon::DefType;
use std::rc::Rc;

/// `LABEL_n{instr*}`: the arity `n`, the height of the operand stack under the label's
/// values, and where its continuation `instr*` starts in the frame's code.
#[derive(Copy, Clone, Debug)]
pub struct Label {
    pub arity: u32,
    pub height: u32,
    pub cont: u32,
}

/// `HANDLER_n{catch*}`: how many labels lay outside it (its label is the next), the height
/// of the operand stack under its values, the catch clauses of its `try_table` (the list
/// `Code::catches[catches]` of the frame's code) and how many of them `throw_ref-handler-next`
/// has passed over.
#[derive(Copy, Clone, Debug)]
pub struct Handler {
    pub labels: u32,
    pub height: u32,
    pub catches: u32,
    pub passed: u32,
}

/// `FRAME_n{f}`: the arity `n`, the frame's module instance and where its locals start on
/// the operand stack, how many labels and administrative instructions lay outside it, and
/// where the caller resumes.
pub struct Frame {
    pub arity: u32,
    pub module: Addr,
    pub locals: usize,
    pub labels: usize,
    pub admin: usize,
    pub code: Rc<Code>,
    pub pc: usize,
}

/// An instruction that reduction put in front of the code: a value (which takes no step),
/// an administrative instruction, or a plain instruction built by a rule (the `TABLE.GET`
/// that `call_indirect` reduces to, the `STORE` of `memory.fill`, ...).
#[derive(Clone, Debug)]
pub enum Admin {
    Val(Val),
    /// `BLOCK bt instr*` as `if` leaves it: the arm's first op, and the `end` of the `if`.
    Block {
        arity: super::code::Arity,
        start: u32,
        end: u32,
    },
    /// `CALL_REF yy` after `call`, or after `call_indirect` with the table index it used
    /// (messages name it). Its type takes no part in the step: the function's own does.
    CallRef {
        indirect: Option<u64>,
    },
    /// `RETURN_CALL_REF yy` after `return_call` or `return_call_indirect`, as `CallRef`.
    ReturnCallRef {
        indirect: Option<u64>,
    },
    /// `REF.CAST (REF NULL yy)` of `call_indirect` and `return_call_indirect`: the type
    /// `yy` closed, and its index in the module (traces show it).
    CastFunc(DefType, u32),
    /// `TABLE.GET x` of `call_indirect`.
    TableGetIndirect(u32),
    /// `ARRAY.NEW_FIXED x n` behind its `n` values, or for `array.new` and
    /// `array.new_default` behind `fill` repeated `n` times (kept as one value).
    ArrayNewFixed {
        ty: u32,
        len: u32,
        fill: Option<Val>,
    },
    /// A plain instruction.
    Op(Op),
    /// `TRAP`; `bare` once the context holds nothing else (after `trap-instrs`).
    Trap {
        bare: bool,
    },
    /// `THROW_REF` behind the `REF.EXN_ADDR` on top of the operand stack, as an exception
    /// propagates; `bare` once the context holds nothing else (after `throw_ref-instrs`).
    ThrowRef {
        bare: bool,
    },
}

impl std::fmt::Display for Admin {
    /// In the spec's notation for administrative instructions (`BR 1`, `CALL_REF`, `TRAP`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Admin::Val(v) => write!(f, "{v}"),
            Admin::Block { arity, .. } => write!(f, "block [{}]->[{}]", arity.params, arity.results),
            Admin::CallRef { .. } => f.write_str("call_ref"),
            Admin::ReturnCallRef { .. } => f.write_str("return_call_ref"),
            Admin::CastFunc(_, y) => write!(f, "ref.cast (ref null {y})"),
            Admin::TableGetIndirect(x) => write!(f, "table.get {x}"),
            Admin::ArrayNewFixed { ty, len, .. } => write!(f, "array.new_fixed {ty} {len}"),
            Admin::Op(op) => write!(f, "{op}"),
            Admin::Trap { .. } => f.write_str("trap"),
            Admin::ThrowRef { .. } => f.write_str("throw_ref"),
        }
    }
}

/// The single plain instruction a rule leaves in place of the one it reduced, on the path
/// of every branch: `BR l` (from `br_if`, `br_table`, `br-label-succ`), `RETURN` (from
/// `return-label`), `LOCAL.SET x` (from `local.tee`). It is in front of `admin`.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Next {
    None,
    Br(u32),
    Return,
    LocalSet(u32),
    /// Only values are left in the innermost `HANDLER` (its label has ended):
    /// `Step_pure/handler-vals` is due.
    HandlerVals,
}

impl std::fmt::Display for Next {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Next::None => Ok(()),
            Next::Br(l) => write!(f, "br {l}"),
            Next::Return => f.write_str("return"),
            Next::LocalSet(x) => write!(f, "local.set {x}"),
            Next::HandlerVals => f.write_str("(end of handler)"),
        }
    }
}

/// What a trap says: the suite's message and the rule that trapped.
#[derive(Clone, Debug, PartialEq)]
pub struct Trap {
    pub message: String,
    pub rule: Rule,
}

/// Why the machine stopped other than by reducing to values or to a trap: a resource of the
/// implementation ran out, which no rule of the spec decides.
pub use crate::runtime::Resource as Limit;

/// The outcome of running a configuration to the end.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Values(Vec<Val>),
    Trap(Trap),
    /// An exception escaped the host's frame: its address.
    Exception(Addr),
    Limit(Limit),
}

/// One step: the rule applied, or why no rule applies any more.
pub type Step = Result<Rule, Halt>;

#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Halt {
    /// The configuration is values (or a trap) only.
    Done,
    Limit(Limit),
}

/// A configuration, ready to step. `TRACE` keeps the low-water mark of the operand stack
/// in each step, so that a trace can show what the step consumed.
pub struct Machine<'s, const TRACE: bool = false> {
    pub store: &'s mut Store,
    pub config: Config,
    /// The operand stack, locals included.
    pub vals: Vec<Slot>,
    pub labels: Vec<Label>,
    pub handlers: Vec<Handler>,
    pub frames: Vec<Frame>,
    pub next: Next,
    pub admin: Vec<Admin>,
    pub code: Rc<Code>,
    pub pc: usize,
    /// The innermost frame's module and locals, cached from `frames`.
    pub module: Addr,
    pub locals: usize,
    pub trap: Option<Trap>,
    /// The exception that escaped the host's frame.
    pub exception: Option<Addr>,
    pub fuel: Option<u64>,
    /// The lowest height the operand stack reached in the current step (`TRACE` only).
    pub low: usize,
}

/// The code of the host's frame: nothing (`Step` ends there).
pub fn host_code() -> Rc<Code> {
    thread_local! {
        static HOST: Rc<Code> = Rc::new(Code {
            ty: Rc::new(FuncType::default()),
            locals: Box::new([]),
            defaults: Box::new([]),
            ops: Box::new([Op::FrameEnd]),
            offsets: Box::new([0]),
            func: u32::MAX,
            br_tables: Box::new([]),
            shuffles: Box::new([]),
            catches: Box::new([]),
        });
    }
    HOST.with(Rc::clone)
}

impl<'s, const TRACE: bool> Machine<'s, TRACE> {
    /// The configuration `s; {LOCALS eps, MODULE module}; admin*` of the host: invocation
    /// and instantiation run their instruction sequences in it.
    pub fn new(store: &'s mut Store, config: Config, module: Addr, admin: Vec<Admin>) -> Self {
        crate::exec::numerics::set_nan_choice(config.nans);
        let code = host_code();
        let frame = Frame { arity: 0, module, locals: 0, labels: 0, admin: 0, code: code.clone(), pc: 0 };
        let mut admin = admin;
        admin.reverse();
        Machine {
            store,
            fuel: config.fuel,
            config,
            vals: Vec::with_capacity(1024),
            labels: Vec::with_capacity(64),
            handlers: Vec::new(),
            frames: vec![frame],
            next: Next::None,
            admin,
            code,
            pc: 0,
            module,
            locals: 0,
            trap: None,
            exception: None,
            low: 0,
        }
    }

    /// Step until no rule applies, and say how it ended.
    pub fn run(&mut self) -> Outcome {
        // Rule coverage counts each step's rule; asked once per run, so a run not counted
        // takes its ordinary path.
        if crate::coverage::counts::on() {
            return crate::coverage::step::run(self);
        }
        match self.steps(|_| true) {
            Err(halt) => self.outcome(halt),
            Ok(()) => unreachable!("the observer never stops a run"),
        }
    }

    pub fn outcome(&mut self, halt: Halt) -> Outcome {
        match (halt, self.trap.take()) {
            (Halt::Limit(l), _) => Outcome::Limit(l),
            (Halt::Done, Some(trap)) => Outcome::Trap(trap),
            (Halt::Done, None) if self.exception.is_some() => {
                Outcome::Exception(self.exception.take().expect("checked"))
            }
            (Halt::Done, None) => Outcome::Values(self.vals.drain(..).map(Slot::val).collect()),
        }
    }

    #[inline(always)]
    pub fn push(&mut self, v: Val) {
        self.vals.push(Slot::from(v));
    }

    #[inline(always)]
    pub fn push_slot(&mut self, s: Slot) {
        self.vals.push(s);
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Val {
        self.pop_slot().val()
    }

    #[inline(always)]
    pub fn pop_slot(&mut self) -> Slot {
        let s = self.vals.pop().expect("validated: the operand stack holds the operands");
        if TRACE {
            self.low = self.low.min(self.vals.len());
        }
        s
    }

    /// The two operands on top, `(v_1, v_2)`, left where they are: a step that pops two
    /// and pushes one reads them here and puts its result in their place (`replace2`),
    /// with one look at the stack's length each.
    #[inline(always)]
    pub fn top2(&self) -> (Slot, Slot) {
        match self.vals[..] {
            [.., v1, v2] => (v1, v2),
            _ => panic!("validated: the operand stack holds the operands"),
        }
    }

    /// `top2` as two numbers of type `ty`, each read by `as_ty`.
    #[inline(always)]
    fn top2_as<T>(&self, ty: &str, as_ty: impl Fn(Slot) -> Option<T>) -> (T, T) {
        let (s1, s2) = self.top2();
        match (as_ty(s1), as_ty(s2)) {
            (Some(c1), Some(c2)) => (c1, c2),
            (None, _) => ill_typed(ty, s1.val()),
            (_, None) => ill_typed(ty, s2.val()),
        }
    }

    /// `top2` as two `i32`s.
    #[inline(always)]
    pub fn top2_i32(&self) -> (u32, u32) {
        self.top2_as("i32", Slot::as_i32)
    }

    /// `top2` as two `i64`s.
    #[inline(always)]
    pub fn top2_i64(&self) -> (u64, u64) {
        self.top2_as("i64", Slot::as_i64)
    }

    /// Pop the two operands `top2` read and push `s`.
    #[inline(always)]
    pub fn replace2(&mut self, s: Slot) {
        let n = self.vals.len();
        self.vals[n - 2] = s;
        self.vals.truncate(n - 1);
        if TRACE {
            self.low = self.low.min(n - 2);
        }
    }

    /// Pop the two operands `top2` read.
    #[inline(always)]
    pub fn drop2(&mut self) {
        let n = self.vals.len();
        self.vals.truncate(n - 2);
        if TRACE {
            self.low = self.low.min(n - 2);
        }
    }

    #[inline(always)]
    pub fn pop_i32(&mut self) -> u32 {
        let s = self.pop_slot();
        s.as_i32().unwrap_or_else(|| ill_typed("i32", s.val()))
    }

    #[inline(always)]
    pub fn pop_i64(&mut self) -> u64 {
        let s = self.pop_slot();
        s.as_i64().unwrap_or_else(|| ill_typed("i64", s.val()))
    }

    /// `CONST at i`: an address of a memory or table, of either address type.
    #[inline(always)]
    pub fn pop_addr(&mut self) -> u64 {
        let s = self.pop_slot();
        s.as_addr().unwrap_or_else(|| ill_typed("an address", s.val()))
    }

    #[inline(always)]
    pub fn pop_f32(&mut self) -> f32 {
        match self.pop() {
            Val::F32(z) => z.to_float(),
            v => ill_typed("f32", v),
        }
    }

    #[inline(always)]
    pub fn pop_f64(&mut self) -> f64 {
        match self.pop() {
            Val::F64(z) => z.to_float(),
            v => ill_typed("f64", v),
        }
    }

    /// Enter `TRAP` in place of the current instruction.
    pub fn trap(&mut self, message: impl Into<String>, rule: Rule) -> Rule {
        self.trap = Some(Trap { message: message.into(), rule });
        self.admin.push(Admin::Trap { bare: false });
        rule
    }

    /// The store address of the current module's entity.
    #[inline(always)]
    pub fn inst(&self) -> &super::runtime::ModuleInst {
        &self.store.modules[self.module as usize]
    }

    /// Is the innermost context a `HANDLER` (whose label has ended)? A handler of an outer
    /// frame never is: the frame's body label lies between.
    #[inline(always)]
    pub fn in_handler(&self) -> bool {
        self.handlers.last().is_some_and(|h| h.labels as usize == self.labels.len())
    }

    /// Where the operand stack of the innermost context starts.
    pub fn context_height(&self) -> usize {
        if let Some(h) = self.handlers.last().filter(|_| self.in_handler()) {
            return h.height as usize;
        }
        let frame = self.frames.last().expect("the host frame is always there");
        match self.labels.last() {
            Some(l) if self.labels.len() > frame.labels => l.height as usize,
            _ => frame.locals + self.code.ty.params.len() + self.code.locals.len(),
        }
    }

    /// The instruction at the head, as a trace shows it (values at the head are skipped,
    /// as `step` skips them).
    pub fn head(&self) -> String {
        if self.next != Next::None {
            return self.next.to_string();
        }
        match self.admin.iter().rev().find(|a| !matches!(a, Admin::Val(_))) {
            Some(a) => a.to_string(),
            None => self.code.ops.get(self.pc).unwrap_or(&Op::FrameEnd).to_string(),
        }
    }
}

/// Validation rules this out; an engine bug if it happens.
#[cold]
fn ill_typed(want: &str, got: Val) -> ! {
    panic!("validated code popped {got:?} where {want} was due")
}
