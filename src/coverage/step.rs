//! The reference's run, counted: the rule of every step, and the numeric function (spec 4.3)
//! of every step that reduces a numeric or vector instruction.

use super::counts;
use crate::exec::code::Op;
use crate::exec::machine::{Admin, Machine, Next, Outcome};
use crate::exec::numerics::dispatch;
use crate::rules::{self, Rule};
use crate::syntax::NumType::{F32, F64, I32, I64};
use crate::syntax::{Binop, Instr, Relop, Testop, Unop};

/// `Machine::run`, one step at a time, counting each step's rule and numeric function.
pub fn run<const TRACE: bool>(m: &mut Machine<'_, TRACE>) -> Outcome {
    loop {
        let op = head_op(m);
        let contexts = contexts(m);
        match m.step() {
            Ok(rule) => {
                counts::hit(rule);
                match rule.info().kind {
                    "Step_pure" => counts::hit(rules::STEP__PURE),
                    "Step_read" => counts::hit(rules::STEP__READ),
                    _ => {}
                }
                contexts.into_iter().flatten().for_each(counts::hit);
                if let Some(f) = op.as_ref().and_then(numeric) {
                    counts::hit(f);
                }
            }
            Err(halt) => return m.outcome(halt),
        }
    }
}

/// The rules of `Step` that find the redex in its context, as the configuration stands
/// before the step: `Step/ctxt-frame` inside a function's frame, `Step/ctxt-label` inside a
/// label of it, `Step/ctxt-handler` inside a `try_table`'s handler of it, `Step/ctxt-instrs`
/// when instructions follow the redex. The refocused machine
/// takes them without naming them (as it takes `Step/pure` and `Step/read`, which make a
/// step of a `Step_pure` or `Step_read` rule); each counts once per step, however deep.
fn contexts<const TRACE: bool>(m: &Machine<'_, TRACE>) -> [Option<Rule>; 4] {
    let frame = m.frames.last().expect("the host frame is always there");
    [
        (m.frames.len() > 1).then_some(rules::STEP__CTXT_FRAME),
        (m.labels.len() > frame.labels).then_some(rules::STEP__CTXT_LABEL),
        (m.handlers.last().is_some_and(|h| h.labels as usize >= frame.labels))
            .then_some(rules::STEP__CTXT_HANDLER),
        (m.pc + 1 < m.code.ops.len() || m.admin.len() > 1).then_some(rules::STEP__CTXT_INSTRS),
    ]
}

/// The plain instruction the next step reduces, if it is one (not `BR`, a label, a frame,
/// ...). Values at the head take no step: they are pushed first, as the step does.
fn head_op<const TRACE: bool>(m: &mut Machine<'_, TRACE>) -> Option<Op> {
    if m.next != Next::None {
        return None;
    }
    let code = m.code.clone();
    m.settle(&code);
    match m.admin.last() {
        Some(Admin::Op(op)) => Some(*op),
        Some(_) => None,
        None => code.ops.get(m.pc).copied(),
    }
}

/// The numeric function a numeric or vector op computes (`op-iadd` for `i32.add`), as
/// [`dispatch::rule`] names it for the instruction of the abstract syntax.
pub fn numeric(op: &Op) -> Option<Rule> {
    let instr = match *op {
        Op::I32Unop(o) => Instr::Unop(I32, Unop::Int(o)),
        Op::I64Unop(o) => Instr::Unop(I64, Unop::Int(o)),
        Op::F32Unop(o) => Instr::Unop(F32, Unop::Float(o)),
        Op::F64Unop(o) => Instr::Unop(F64, Unop::Float(o)),
        Op::I32Binop(o) => Instr::Binop(I32, Binop::Int(o)),
        Op::I64Binop(o) => Instr::Binop(I64, Binop::Int(o)),
        Op::F32Binop(o) => Instr::Binop(F32, Binop::Float(o)),
        Op::F64Binop(o) => Instr::Binop(F64, Binop::Float(o)),
        Op::I32Eqz => Instr::Testop(I32, Testop::Eqz),
        Op::I64Eqz => Instr::Testop(I64, Testop::Eqz),
        Op::I32Relop(o) => Instr::Relop(I32, Relop::Int(o)),
        Op::I64Relop(o) => Instr::Relop(I64, Relop::Int(o)),
        Op::F32Relop(o) => Instr::Relop(F32, Relop::Float(o)),
        Op::F64Relop(o) => Instr::Relop(F64, Relop::Float(o)),
        Op::Cvtop(t1, t2, o) => Instr::Cvtop(t1, t2, o),
        _ => vector(op)?,
    };
    dispatch::rule(&instr)
}

/// The vector ops as instructions (the lanes of a shuffle do not choose its function).
fn vector(op: &Op) -> Option<Instr> {
    Some(match *op {
        Op::VVunop(o) => Instr::VVunop(o),
        Op::VVbinop(o) => Instr::VVbinop(o),
        Op::VVternop(o) => Instr::VVternop(o),
        Op::VVtestop(o) => Instr::VVtestop(o),
        Op::VUnop(s, o) => Instr::VUnop(s, o),
        Op::VBinop(s, o) => Instr::VBinop(s, o),
        Op::VTernop(s, o) => Instr::VTernop(s, o),
        Op::VTestop(s, o) => Instr::VTestop(s, o),
        Op::VRelop(s, o) => Instr::VRelop(s, o),
        Op::VShiftop(s, o) => Instr::VShiftop(s, o),
        Op::VBitmask(s) => Instr::VBitmask(s),
        Op::VSwizzlop(o) => Instr::VSwizzlop(o),
        Op::VShuffle(_) => Instr::VShuffle([0; 16]),
        Op::VExtunop(s1, s2, o) => Instr::VExtunop(s1, s2, o),
        Op::VExtbinop(s1, s2, o) => Instr::VExtbinop(s1, s2, o),
        Op::VExtternop(s1, s2, o) => Instr::VExtternop(s1, s2, o),
        Op::VNarrow(s1, s2, sx) => Instr::VNarrow(s1, s2, sx),
        Op::VCvtop(s1, s2, o) => Instr::VCvtop(s1, s2, o),
        Op::VSplat(s) => Instr::VSplat(s),
        Op::VExtractLane(s, sx, l) => Instr::VExtractLane(s, sx, l),
        Op::VReplaceLane(s, l) => Instr::VReplaceLane(s, l),
        _ => return None,
    })
}
