//! Execution of instructions (spec 4.4, SpecTec `4.3-execution.instructions`): `step`
//! applies exactly one rule of `Step`, `Step_pure` or `Step_read` and returns its id.

use super::code::{Arity, Code, Op};
use super::machine::{Admin, Frame, Halt, Label, Limit, Machine, Next, Step};
use super::numerics;
use super::runtime::FuncCode;
use super::values::Slot;
use crate::rules::{self, Rule};
use crate::runtime::{HostFunc, Ref, Val};
use crate::syntax::{
    AddrType, Cvtop, F32, F64, FBinop, FRelop, FUnop, FuncType, IBinop, IRelop, IUnop, LoadOp, MemArg, Num,
    NumType, PAGE_SIZE, Sx, Sz, V128, VLoadOp,
};
use crate::valid::canon::DefType;
use std::rc::Rc;

impl<const TRACE: bool> Machine<'_, TRACE> {
    /// Apply one rule to the configuration and return it.
    pub fn step(&mut self) -> Step {
        let mut applied = None;
        self.steps(|rule| {
            applied = Some(rule);
            false
        })?;
        Ok(applied.expect("a rule was applied"))
    }

    /// Apply rules, handing each to `observe`, until it returns false (`Ok`) or no rule
    /// applies any more (`Err`). One loop for every caller: a run observes nothing, a
    /// trace records each step, [`Self::step`] stops after one.
    #[inline(always)]
    pub fn steps(&mut self, mut observe: impl FnMut(Rule) -> bool) -> Result<(), Halt> {
        // The code of the innermost frame, held here so that ops are read in place; calls
        // and returns change it, in the steps kept out of line (`recode`).
        let mut code = self.code.clone();
        loop {
            if TRACE {
                self.low = self.vals.len();
            }
            // One step; only the arms that may halt go through `?`, so that the others reach
            // `observe` with their rule and nothing more to test.
            let rule = 'step: {
                if self.next != Next::None {
                    // The two that every loop takes, here; the rest out of line.
                    break 'step match std::mem::replace(&mut self.next, Next::None) {
                        Next::Br(l) => self.br(l),
                        Next::LocalSet(x) => self.local_set(x),
                        next => {
                            let rule = self.pending(next);
                            self.recode(&mut code);
                            rule
                        }
                    };
                }
                // Values at the head are not redexes (`CONST` is a value): they go onto the
                // operand stack on the way to the next instruction.
                while let Some(admin) = self.admin.pop() {
                    match admin {
                        Admin::Val(v) => self.push(v),
                        Admin::Op(Op::Const(n)) => self.push_slot(Slot::num(n)),
                        Admin::Op(Op::VConst(v)) => self.push(Val::V128(v)),
                        admin => {
                            let step = self.admin_step(admin);
                            self.recode(&mut code);
                            break 'step step?;
                        }
                    }
                }
                // The head is the code's: nothing is pending and no instruction was put in
                // front of it. The steps that leave it so go on to the code's next op here,
                // its position held in a register, without looking at the head again.
                let ops = &code.ops[..];
                let mut pc = self.pc;
                // A step that leaves the head to the code: `observe` it and go on.
                macro_rules! observed {
                    ($rule:expr) => {
                        if !observe($rule) {
                            self.pc = pc;
                            return Ok(());
                        }
                        if TRACE {
                            self.low = self.vals.len();
                        }
                    };
                }
                // `BR l` in place: on at its label's continuation, unless the step left more
                // to reduce (`Next`: an outer label, a handler to leave).
                macro_rules! br {
                    ($l:expr) => {{
                        self.pc = pc;
                        let rule = self.br($l);
                        if self.next != Next::None {
                            break 'step rule;
                        }
                        pc = self.pc;
                        rule
                    }};
                }
                loop {
                    let op = &ops[pc];
                    pc += 1;
                    let rule = match *op {
                        // `i32.const`, the most frequent, without a second jump on the type.
                        Op::Const(Num::I32(i)) => {
                            self.push_slot(Slot::i32(i));
                            continue;
                        }
                        Op::Const(n) => {
                            self.push_slot(Slot::num(n));
                            continue;
                        }
                        Op::VConst(v) => {
                            self.push(Val::V128(v));
                            continue;
                        }
                        // The most frequent instructions, dispatched in this small loop; `op`,
                        // kept out of line, takes the rest (and these too, from `admin_step`).
                        Op::LocalGet(x) => self.local_get(x),
                        Op::LocalSet(x) => self.local_set(x),
                        Op::I32Relop(o) => self.i32_relop(o),
                        Op::I32Eqz => self.i32_eqz(),
                        // Addition, the most frequent, dispatched on its own: no second
                        // jump through the operators' table.
                        Op::I32Binop(IBinop::Add) => self.i32_binop(IBinop::Add),
                        Op::I32Binop(o) => match self.i32_binop(o) {
                            rules::STEP_PURE__BINOP_VAL => rules::STEP_PURE__BINOP_VAL,
                            trap => {
                                self.pc = pc;
                                break 'step trap;
                            }
                        },
                        Op::Loop(arity) => {
                            self.pc = pc;
                            self.loop_(arity)?
                        }
                        // `local.tee` and a taken `br_if` leave the instruction pending that
                        // the next step reduces (`Next`): it is taken here, once `observe` has
                        // seen the first step. The observer sees rules, not configurations:
                        // tee's copy is made only if it stops between the two.
                        Op::LocalTee(x) => {
                            if !observe(rules::STEP_PURE__LOCAL_TEE) {
                                self.local_tee(x);
                                self.pc = pc;
                                return Ok(());
                            }
                            self.local_set_copy(x)
                        }
                        Op::BrIf(l) => match self.br_if(l) {
                            rules::STEP_PURE__BR_IF_TRUE => {
                                observed!(rules::STEP_PURE__BR_IF_TRUE);
                                self.next = Next::None;
                                br!(l)
                            }
                            rule => rule,
                        },
                        Op::Br(l) => br!(l),
                        Op::End => {
                            let rule = self.label_vals();
                            if self.next != Next::None {
                                self.pc = pc;
                                break 'step rule;
                            }
                            rule
                        }
                        _ => {
                            self.pc = pc;
                            // A copy: `recode` may replace the code the op was read from.
                            let op = *op;
                            let step = self.op(&op);
                            self.recode(&mut code);
                            break 'step step?;
                        }
                    };
                    observed!(rule);
                }
            };
            if !observe(rule) {
                return Ok(());
            }
        }
    }

    /// Take up the innermost frame's code again after a step that may have entered or left
    /// a frame (only those kept out of line do).
    #[inline(always)]
    fn recode(&self, code: &mut Rc<Code>) {
        if !Rc::ptr_eq(code, &self.code) {
            *code = self.code.clone();
        }
    }

    /// The step of the instruction a rule put in front of the code (`Next`), for the two
    /// that `steps` leaves out of line: `RETURN` and the end of a handler. A step with
    /// nothing pending costs one compare rather than a jump through a table (the 10^7 loop
    /// 9-11% faster); `BR` and `LOCAL.SET`, which every loop takes, are applied in `steps`
    /// (the loop another 4%).
    #[inline(never)]
    fn pending(&mut self, next: Next) -> Rule {
        match next {
            Next::Return => self.ret(),
            Next::HandlerVals => self.handler_vals(),
            Next::None | Next::Br(_) | Next::LocalSet(_) => unreachable!("steps applies {next}"),
        }
    }

    /// Push the values at the head of the instruction sequence onto the operand stack, as
    /// `steps` does on its way to the redex (traces do it first, to show the redex).
    pub fn settle(&mut self, code: &Code) {
        loop {
            match self.admin.last() {
                Some(&Admin::Val(v)) => self.push(v),
                Some(&Admin::Op(Op::Const(n))) => self.push_slot(Slot::num(n)),
                Some(&Admin::Op(Op::VConst(v))) => self.push(Val::V128(v)),
                Some(_) => return,
                None => match code.ops[self.pc] {
                    Op::Const(n) => {
                        self.push_slot(Slot::num(n));
                        self.pc += 1;
                        continue;
                    }
                    Op::VConst(v) => {
                        self.push(Val::V128(v));
                        self.pc += 1;
                        continue;
                    }
                    _ => return,
                },
            }
            self.admin.pop();
        }
    }

    /// The head of the sequence is an instruction that reduction put there.
    #[inline(always)]
    fn admin_step(&mut self, admin: Admin) -> Step {
        match admin {
            Admin::Val(_) => unreachable!("steps pushes values"),
            Admin::Op(op) => self.op(&op),
            Admin::Block { arity, start, end } => Ok(self.block(arity, start, end + 1)),
            Admin::CallRef { indirect } => self.call_ref(indirect),
            Admin::ReturnCallRef { indirect } => Ok(self.return_call_ref(indirect)),
            Admin::CastFunc(ty, _) => Ok(self.cast_func(ty)),
            Admin::TableGetIndirect(x) => Ok(self.table_get(x, true)),
            Admin::ArrayNewFixed { ty, len, fill } => self.array_new_fixed(ty, len, fill),
            Admin::Trap { bare } => self.unwind(bare),
            Admin::ThrowRef { bare } => self.throw_ref(bare),
        }
    }

    /// Apply the rule for the op at the head.
    #[inline(never)]
    fn op(&mut self, op: &Op) -> Step {
        Ok(match *op {
            // Parametric instructions.
            Op::Unreachable => self.trap("unreachable", rules::STEP_PURE__UNREACHABLE),
            Op::Nop => rules::STEP_PURE__NOP,
            Op::Drop => {
                self.pop();
                rules::STEP_PURE__DROP
            }
            Op::Select => self.select(),

            // Block instructions.
            Op::Block(arity, end) => self.block(arity, self.pc as u32, end + 1),
            Op::Loop(arity) => return self.loop_(arity),
            Op::If(arity, els, end) => self.if_(arity, els, end),
            Op::TryTable(arity, end, catches) => self.try_table(arity, end, catches),
            Op::Else(end) => {
                self.pc = end as usize + 1;
                self.label_vals()
            }
            Op::End => self.label_vals(),
            Op::FrameEnd => return self.frame_vals(),

            // Branches and calls.
            Op::Br(l) => self.br(l),
            Op::BrIf(l) => self.br_if(l),
            Op::BrTable(i, l) => self.br_table(i, l),
            Op::Return => self.ret(),
            Op::Call(x) => self.call(x),
            Op::CallRef(_) => return self.call_ref(None),
            Op::CallIndirect(x, y) => self.call_indirect(x, y),
            Op::ReturnCall(x) => self.return_call(x),
            Op::ReturnCallRef(_) => self.return_call_ref(None),
            Op::ReturnCallIndirect(x, y) => self.return_call_indirect(x, y),
            Op::BrOnNull(l) => self.br_on_null(l),
            Op::BrOnNonNull(l) => self.br_on_non_null(l),
            Op::Throw(x) => self.throw(x),
            Op::ThrowRef => return self.throw_ref_op(),

            // Variables.
            Op::LocalGet(x) => self.local_get(x),
            Op::LocalSet(x) => self.local_set(x),
            Op::LocalTee(x) => self.local_tee(x),
            Op::GlobalGet(x) => {
                let a = self.inst().globals[x as usize];
                self.push(self.store.globals[a as usize].value);
                rules::STEP_READ__GLOBAL_GET
            }
            Op::GlobalSet(x) => {
                let v = self.pop();
                let a = self.inst().globals[x as usize];
                self.store.globals[a as usize].value = v;
                rules::STEP__GLOBAL_SET
            }

            // Tables.
            Op::TableGet(x) => self.table_get(x, false),
            Op::TableSet(x) => self.table_set(x),
            Op::TableSize(x) => {
                let t = self.table(x);
                let n = at_val(t.ty.addr, t.refs.len() as u64);
                self.push(n);
                rules::STEP_READ__TABLE_SIZE
            }
            Op::TableGrow(x) => self.table_grow(x),
            Op::TableFill(x) => return self.table_fill(x),
            Op::TableCopy(x, y) => return self.table_copy(x, y),
            Op::TableInit(x, y) => return self.table_init(x, y),
            Op::ElemDrop(x) => {
                let a = self.inst().elems[x as usize];
                self.store.elems[a as usize].refs = Vec::new();
                rules::STEP__ELEM_DROP
            }

            // Memories.
            Op::Load(t, op, x, m) => self.load(t, op, x, m),
            Op::Store(t, sz, x, m) => self.store_(t, sz, x, m),
            Op::VLoad(..) | Op::VLoadLane(..) | Op::VStore(..) | Op::VStoreLane(..) => {
                self.vector_memory(*op)
            }
            Op::MemorySize(x) => {
                let m = self.mem(x);
                let n = at_val(m.ty.addr, m.bytes.len() as u64 / PAGE_SIZE);
                self.push(n);
                rules::STEP_READ__MEMORY_SIZE
            }
            Op::MemoryGrow(x) => self.memory_grow(x),
            Op::MemoryFill(x) => return self.memory_fill(x),
            Op::MemoryCopy(x, y) => return self.memory_copy(x, y),
            Op::MemoryInit(x, y) => return self.memory_init(x, y),
            Op::DataDrop(x) => {
                let a = self.inst().datas[x as usize];
                self.store.datas[a as usize].bytes = Box::new([]);
                rules::STEP__DATA_DROP
            }

            // References.
            Op::RefNull(ht) => {
                self.push(Val::Ref(Ref::Null(ht)));
                rules::STEP_READ__REF_NULL
            }
            Op::RefIsNull => match self.pop() {
                Val::Ref(Ref::Null(_)) => {
                    self.push(Val::I32(1));
                    rules::STEP_PURE__REF_IS_NULL_TRUE
                }
                _ => {
                    self.push(Val::I32(0));
                    rules::STEP_PURE__REF_IS_NULL_FALSE
                }
            },
            Op::RefAsNonNull => match self.vals.last().map(|s| s.val()) {
                Some(Val::Ref(Ref::Null(_))) => {
                    self.pop();
                    self.trap("null reference", rules::STEP_PURE__REF_AS_NON_NULL_NULL)
                }
                _ => rules::STEP_PURE__REF_AS_NON_NULL_ADDR,
            },
            Op::RefFunc(x) => {
                let a = self.inst().funcs[x as usize];
                self.push(Val::Ref(Ref::Func(a)));
                rules::STEP_READ__REF_FUNC
            }
            Op::RefEq => self.ref_eq(),
            Op::RefTest(rt) => self.ref_test(rt),
            Op::RefCast(rt) => self.ref_cast(rt),
            Op::BrOnCast(l, rt) => self.br_on_cast(l, rt),
            Op::BrOnCastFail(l, rt) => self.br_on_cast_fail(l, rt),
            Op::RefI31 => self.ref_i31(),
            Op::I31Get(sx) => self.i31_get(sx),
            Op::ExternConvertAny => self.extern_convert_any(),
            Op::AnyConvertExtern => self.any_convert_extern(),

            // Aggregates.
            Op::StructNew(y) => return self.struct_new(y),
            Op::StructNewDefault(y) => self.struct_new_default(y),
            Op::StructGet(sx, y, i) => self.struct_get(sx, y, i),
            Op::StructSet(y, i) => self.struct_set(y, i),
            Op::ArrayNew(y) => self.array_new(y),
            Op::ArrayNewDefault(y) => self.array_new_default(y),
            Op::ArrayNewFixed(y, n) => return self.array_new_fixed(y, n, None),
            Op::ArrayNewData(y, d) => return self.array_new_data(y, d),
            Op::ArrayNewElem(y, e) => self.array_new_elem(y, e),
            Op::ArrayGet(sx, y) => self.array_get(sx, y),
            Op::ArraySet(y) => self.array_set(y),
            Op::ArrayLen => self.array_len(),
            Op::ArrayFill(y) => return self.array_fill(y),
            Op::ArrayCopy(y1, y2) => return self.array_copy(y1, y2),
            Op::ArrayInitData(y, d) => return self.array_init_data(y, d),
            Op::ArrayInitElem(y, e) => return self.array_init_elem(y, e),

            // Numeric instructions.
            // Each its own arm, so that one dispatch reaches the operator.
            Op::I32Unop(o) => self.i32_unop(o),
            Op::I64Unop(o) => self.i64_unop(o),
            Op::F32Unop(o) => self.f32_unop(o),
            Op::F64Unop(o) => self.f64_unop(o),
            Op::I32Binop(o) => self.i32_binop(o),
            Op::I64Binop(o) => self.i64_binop(o),
            Op::F32Binop(o) => self.f32_binop(o),
            Op::F64Binop(o) => self.f64_binop(o),
            Op::I32Eqz => self.i32_eqz(),
            Op::I64Eqz => self.i64_eqz(),
            Op::I32Relop(o) => self.i32_relop(o),
            Op::I64Relop(o) => self.i64_relop(o),
            Op::F32Relop(o) => self.f32_relop(o),
            Op::F64Relop(o) => self.f64_relop(o),
            Op::Cvtop(to, from, o) => self.cvtop(to, from, o),

            // Vector instructions.
            _ => self.vector(op),
        })
    }

    /// `Step_read/local.get`.
    #[inline(always)]
    fn local_get(&mut self, x: u32) -> Rule {
        let v = self.vals[self.locals + x as usize];
        self.push_slot(v);
        rules::STEP_READ__LOCAL_GET
    }

    /// `Step_pure/local.tee`: `val (LOCAL.TEE x) ~> val val (LOCAL.SET x)`.
    #[inline(always)]
    fn local_tee(&mut self, x: u32) -> Rule {
        let v = *self.vals.last().expect("validated: tee has an operand");
        if TRACE {
            self.low = self.vals.len() - 1;
        }
        self.push_slot(v);
        self.next = Next::LocalSet(x);
        rules::STEP_PURE__LOCAL_TEE
    }

    /// `Step/local.set`.
    #[inline(always)]
    fn local_set(&mut self, x: u32) -> Rule {
        let v = self.pop_slot();
        self.vals[self.locals + x as usize] = v;
        rules::STEP__LOCAL_SET
    }

    /// `Step/local.set` of the copy that `local.tee` would push: its operand, left in place
    /// on the stack, is the value (the configuration after both steps is the same).
    #[inline(always)]
    fn local_set_copy(&mut self, x: u32) -> Rule {
        let v = *self.vals.last().expect("validated: tee has an operand");
        self.vals[self.locals + x as usize] = v;
        if TRACE {
            self.low = self.vals.len();
        }
        rules::STEP__LOCAL_SET
    }

    /// `Step_pure/select-true`, `Step_pure/select-false`.
    fn select(&mut self) -> Rule {
        let c = self.pop_i32();
        let v2 = self.pop();
        let v1 = self.pop();
        if c != 0 {
            self.push(v1);
            rules::STEP_PURE__SELECT_TRUE
        } else {
            self.push(v2);
            rules::STEP_PURE__SELECT_FALSE
        }
    }

    /// `Step_read/block`: `val^m (BLOCK bt instr*) ~> (LABEL_n{eps} val^m instr*)`; the
    /// label's continuation is what follows the block.
    fn block(&mut self, arity: Arity, start: u32, cont: u32) -> Rule {
        let height = (self.vals.len() - arity.params as usize) as u32;
        self.labels.push(Label { arity: arity.results, height, cont });
        self.pc = start as usize;
        rules::STEP_READ__BLOCK
    }

    /// `Step_read/loop`: `val^m (LOOP bt instr*) ~> (LABEL_m{LOOP bt instr*} val^m instr*)`;
    /// the continuation is the loop itself. Loops and calls are where fuel is counted.
    fn loop_(&mut self, arity: Arity) -> Step {
        self.burn_fuel()?;
        let height = (self.vals.len() - arity.params as usize) as u32;
        self.labels.push(Label { arity: arity.params, height, cont: self.pc as u32 - 1 });
        Ok(rules::STEP_READ__LOOP)
    }

    /// `Step_pure/if-true`, `Step_pure/if-false`: reduce to the block of the arm.
    fn if_(&mut self, arity: Arity, els: u32, end: u32) -> Rule {
        if self.pop_i32() != 0 {
            self.admin.push(Admin::Block { arity, start: self.pc as u32, end });
            rules::STEP_PURE__IF_TRUE
        } else {
            // Without an else arm, `els` is the `end`, which closes an empty block.
            let start = if els == end { end } else { els + 1 };
            self.admin.push(Admin::Block { arity, start, end });
            rules::STEP_PURE__IF_FALSE
        }
    }

    /// `Step_pure/label-vals`: `(LABEL_n{instr*} val*) ~> val*`.
    fn label_vals(&mut self) -> Rule {
        self.labels.pop();
        self.after_label();
        rules::STEP_PURE__LABEL_VALS
    }

    /// `Step_pure/br-label-zero`, `Step_pure/br-label-succ`; `Step_pure/br-handler` leaves a
    /// handler on the way.
    #[inline(always)]
    fn br(&mut self, l: u32) -> Rule {
        if self.in_handler() {
            self.handlers.pop();
            self.next = Next::Br(l);
            return rules::STEP_PURE__BR_HANDLER;
        }
        let label = self.labels.pop().expect("validated: the label exists");
        if l > 0 {
            self.next = Next::Br(l - 1);
            return rules::STEP_PURE__BR_LABEL_SUCC;
        }
        self.keep_top(label.height as usize, label.arity as usize);
        self.pc = label.cont as usize;
        self.after_label();
        rules::STEP_PURE__BR_LABEL_ZERO
    }

    /// Cut the operand stack down to `height` and the top `n` values.
    fn keep_top(&mut self, height: usize, n: usize) {
        let len = self.vals.len();
        if len - n > height {
            self.vals.copy_within(len - n.., height);
            self.vals.truncate(height + n);
        }
        if TRACE {
            self.low = self.low.min(height);
        }
    }

    /// `Step_pure/br_if-true`, `Step_pure/br_if-false`.
    #[inline(always)]
    fn br_if(&mut self, l: u32) -> Rule {
        if self.pop_i32() != 0 {
            self.next = Next::Br(l);
            rules::STEP_PURE__BR_IF_TRUE
        } else {
            rules::STEP_PURE__BR_IF_FALSE
        }
    }

    /// `Step_pure/br_table-lt`, `Step_pure/br_table-ge`.
    fn br_table(&mut self, table: u32, default: u32) -> Rule {
        let i = self.pop_i32() as usize;
        match self.code.br_tables[table as usize].get(i) {
            Some(&l) => {
                self.next = Next::Br(l);
                rules::STEP_PURE__BR_TABLE_LT
            }
            None => {
                self.next = Next::Br(default);
                rules::STEP_PURE__BR_TABLE_GE
            }
        }
    }

    /// `Step_pure/return-label` and `Step_pure/return-handler` while labels and handlers are
    /// inside the frame, then `Step_pure/return-frame`.
    fn ret(&mut self) -> Rule {
        if self.in_handler() {
            self.handlers.pop();
            self.next = Next::Return;
            return rules::STEP_PURE__RETURN_HANDLER;
        }
        let frame = self.frames.last().expect("the host frame is always there");
        if self.labels.len() > frame.labels {
            self.labels.pop();
            self.next = Next::Return;
            return rules::STEP_PURE__RETURN_LABEL;
        }
        self.pop_frame();
        rules::STEP_PURE__RETURN_FRAME
    }

    /// `Step_pure/frame-vals`: `(FRAME_n{f} val^n) ~> val^n`; at the host's frame, the end.
    fn frame_vals(&mut self) -> Step {
        if self.frames.len() == 1 {
            self.pc -= 1;
            return Err(Halt::Done);
        }
        self.pop_frame();
        Ok(rules::STEP_PURE__FRAME_VALS)
    }

    /// Leave the innermost frame with its top `arity` values, back to the caller.
    fn pop_frame(&mut self) {
        let arity = self.frames.last().expect("a frame to leave").arity;
        self.leave_frame(arity as usize);
    }

    /// Leave the innermost frame with its top `n` values, back to the caller.
    fn leave_frame(&mut self, n: usize) {
        let frame = self.frames.pop().expect("a frame to leave");
        self.keep_top(frame.locals, n);
        self.labels.truncate(frame.labels);
        self.admin.truncate(frame.admin);
        self.code = frame.code;
        self.pc = frame.pc;
        let caller = self.frames.last().expect("the host frame is always there");
        self.module = caller.module;
        self.locals = caller.locals;
    }

    /// `Step_pure/br_on_null-null`: a null is dropped and the branch taken;
    /// `Step_pure/br_on_null-addr`: any other reference stays.
    fn br_on_null(&mut self, l: u32) -> Rule {
        match self.vals.last().map(|s| s.val()) {
            Some(Val::Ref(Ref::Null(_))) => {
                self.pop();
                self.next = Next::Br(l);
                rules::STEP_PURE__BR_ON_NULL_NULL
            }
            _ => rules::STEP_PURE__BR_ON_NULL_ADDR,
        }
    }

    /// `Step_pure/br_on_non_null-null`: a null is dropped; `Step_pure/br_on_non_null-addr`:
    /// any other reference stays, and the branch is taken with it.
    fn br_on_non_null(&mut self, l: u32) -> Rule {
        match self.vals.last().map(|s| s.val()) {
            Some(Val::Ref(Ref::Null(_))) => {
                self.pop();
                rules::STEP_PURE__BR_ON_NON_NULL_NULL
            }
            _ => {
                self.next = Next::Br(l);
                rules::STEP_PURE__BR_ON_NON_NULL_ADDR
            }
        }
    }

    /// `Step_read/call`: `(CALL x) ~> (REF.FUNC_ADDR a) (CALL_REF type)`.
    fn call(&mut self, x: u32) -> Rule {
        let a = self.inst().funcs[x as usize];
        self.push(Val::Ref(Ref::Func(a)));
        self.admin.push(Admin::CallRef { indirect: None });
        rules::STEP_READ__CALL
    }

    /// `Step_pure/call_indirect`:
    /// `(CALL_INDIRECT x yy) ~> (TABLE.GET x) (REF.CAST (REF NULL yy)) (CALL_REF yy)`.
    fn call_indirect(&mut self, x: u32, y: u32) -> Rule {
        let ty = self.inst().deftypes[y as usize];
        self.admin.push(Admin::CallRef { indirect: Some(0) });
        self.admin.push(Admin::CastFunc(ty, y));
        self.admin.push(Admin::TableGetIndirect(x));
        rules::STEP_PURE__CALL_INDIRECT
    }

    /// `Step_read/return_call`: `(RETURN_CALL x) ~> (REF.FUNC_ADDR a) (RETURN_CALL_REF type)`.
    fn return_call(&mut self, x: u32) -> Rule {
        let a = self.inst().funcs[x as usize];
        self.push(Val::Ref(Ref::Func(a)));
        self.admin.push(Admin::ReturnCallRef { indirect: None });
        rules::STEP_READ__RETURN_CALL
    }

    /// `Step_pure/return_call_indirect`: `(RETURN_CALL_INDIRECT x yy) ~>
    /// (TABLE.GET x) (REF.CAST (REF NULL yy)) (RETURN_CALL_REF yy)`.
    fn return_call_indirect(&mut self, x: u32, y: u32) -> Rule {
        let ty = self.inst().deftypes[y as usize];
        self.admin.push(Admin::ReturnCallRef { indirect: Some(0) });
        self.admin.push(Admin::CastFunc(ty, y));
        self.admin.push(Admin::TableGetIndirect(x));
        rules::STEP_PURE__RETURN_CALL_INDIRECT
    }

    /// `Step_read/ref.cast-succeed`, `Step_read/ref.cast-fail` for the function type of
    /// `call_indirect`: a null passes (the type is nullable), a function must have a type that
    /// matches it (`Ref_ok/func` and `Ref_ok/sub`: its defined type is the type, or a subtype).
    fn cast_func(&mut self, ty: DefType) -> Rule {
        match self.vals.last().map(|s| s.val()) {
            Some(Val::Ref(Ref::Func(a))) if !self.store.func_matches(a, ty) => {
                self.pop();
                self.trap("indirect call type mismatch", rules::STEP_READ__REF_CAST_FAIL)
            }
            _ => rules::STEP_READ__REF_CAST_SUCCEED,
        }
    }

    /// The trap of a call through a null: the suite's message for a null element of the table
    /// of `call_indirect`, which names its index, or for a null reference.
    fn null_call(&mut self, indirect: Option<u64>, rule: Rule) -> Rule {
        let message = match indirect {
            Some(i) => format!("uninitialized element {i}"),
            None => "null function reference".into(),
        };
        self.trap(message, rule)
    }

    /// `Step_read/call_ref-null`, `Step_read/call_ref-func` (a frame around a label around
    /// the body, the locals its arguments and defaults; `Expand: fi.TYPE ~~ FUNC t_1^n ->
    /// t_2^m` gives the arities), and host functions (`exec-invoke-host`).
    fn call_ref(&mut self, indirect: Option<u64>) -> Step {
        let a = match self.pop() {
            Val::Ref(Ref::Func(a)) => a,
            _ => return Ok(self.null_call(indirect, rules::STEP_READ__CALL_REF_NULL)),
        };
        let func = &self.store.funcs[a as usize];
        let (module, code) = match &func.code {
            FuncCode::Wasm { module, code } => (*module, code.clone()),
            FuncCode::Host(host) => {
                let (host, ty) = (host.clone(), func.ty.clone());
                return Ok(self.call_host(&host, &ty));
            }
        };
        if self.frames.len() > self.config.call_depth()
            || self.vals.len() + code.locals.len() > self.config.max_stack_values
        {
            return Err(Halt::Limit(Limit::CallStack));
        }
        self.burn_fuel()?;
        let (params, results) = (code.ty.params.len(), code.ty.results.len() as u32);
        let locals = self.vals.len() - params;
        self.vals.extend_from_slice(&code.defaults);
        let caller = std::mem::replace(&mut self.code, code);
        self.frames.push(Frame {
            arity: results,
            module,
            locals,
            labels: self.labels.len(),
            admin: self.admin.len(),
            code: caller,
            pc: self.pc,
        });
        let body =
            Label { arity: results, height: self.vals.len() as u32, cont: (self.code.ops.len() - 1) as u32 };
        self.labels.push(body);
        self.module = module;
        self.locals = locals;
        self.pc = 0;
        Ok(rules::STEP_READ__CALL_REF_FUNC)
    }

    /// `RETURN_CALL_REF yy` at the head: `Step_read/return_call_ref-label` while labels are
    /// inside the frame (each leaves the label with all its values, the instruction still at
    /// the head); then at the frame, `Step_read/return_call_ref-frame-null` (the frame gives
    /// way to `TRAP`) or `Step_read/return_call_ref-frame-addr` (the frame gives way to the
    /// arguments, the reference and `CALL_REF yy`). The caller's frame is replaced, not
    /// grown: a chain of tail calls runs in constant space.
    fn return_call_ref(&mut self, indirect: Option<u64>) -> Rule {
        if self.in_handler() {
            self.handlers.pop();
            self.admin.push(Admin::ReturnCallRef { indirect });
            return rules::STEP_READ__RETURN_CALL_REF_HANDLER;
        }
        let frame = self.frames.last().expect("the host frame is always there");
        if self.labels.len() > frame.labels {
            self.labels.pop();
            self.admin.push(Admin::ReturnCallRef { indirect });
            return rules::STEP_READ__RETURN_CALL_REF_LABEL;
        }
        match self.vals.last().map(|s| s.val()) {
            Some(Val::Ref(Ref::Func(a))) => {
                let n = self.store.funcs[a as usize].ty.params.len();
                self.leave_frame(n + 1);
                self.admin.push(Admin::CallRef { indirect });
                rules::STEP_READ__RETURN_CALL_REF_FRAME_ADDR
            }
            _ => {
                self.leave_frame(0);
                self.null_call(indirect, rules::STEP_READ__RETURN_CALL_REF_FRAME_NULL)
            }
        }
    }

    /// `exec-invoke-host`: the host function's results replace its arguments, or it traps.
    fn call_host(&mut self, host: &HostFunc, ty: &FuncType) -> Rule {
        let args: Vec<Val> = self.vals.drain(self.vals.len() - ty.params.len()..).map(Slot::val).collect();
        match host(&args) {
            Ok(results) => self.vals.extend(results.into_iter().map(Slot::from)),
            Err(_) => return self.trap("host function trapped", rules::EXEC_INVOKE_HOST),
        }
        rules::EXEC_INVOKE_HOST
    }

    /// Count one unit of fuel; when it has run out, stop: `fuel exhausted`. Where the
    /// configuration says so, a raised interrupt flag stops the run here too (`--timeout`).
    pub(super) fn burn_fuel(&mut self) -> Result<(), Halt> {
        if let Some(n) = &mut self.fuel {
            if *n == 0 {
                return Err(Halt::Limit(Limit::Fuel));
            }
            *n -= 1;
        }
        if self.config.interruptible && crate::runtime::interrupt::raised() {
            return Err(Halt::Limit(Limit::Time));
        }
        Ok(())
    }

    /// Propagate `TRAP` outwards, one context a step: `Step_pure/trap-instrs` drops what
    /// is beside it, `Step_pure/trap-label` and `Step_pure/trap-frame` leave a context.
    fn unwind(&mut self, bare: bool) -> Step {
        let height = self.context_height();
        let frame = self.frames.last().expect("the host frame is always there");
        let in_handler = self.in_handler();
        let in_label = !in_handler && self.labels.len() > frame.labels;
        if !bare && (in_label || self.vals.len() > height || self.admin.len() > frame.admin) {
            self.vals.truncate(height);
            self.admin.truncate(frame.admin);
            self.admin.push(Admin::Trap { bare: true });
            return Ok(rules::STEP_PURE__TRAP_INSTRS);
        }
        if in_handler {
            self.handlers.pop();
            self.admin.push(Admin::Trap { bare: false });
            return Ok(rules::STEP_PURE__TRAP_HANDLER);
        }
        if in_label {
            self.labels.pop();
            self.admin.push(Admin::Trap { bare: false });
            return Ok(rules::STEP_PURE__TRAP_LABEL);
        }
        if self.frames.len() > 1 {
            let frame = self.frames.pop().expect("checked");
            self.vals.truncate(frame.locals);
            self.code = frame.code;
            self.pc = frame.pc;
            let caller = self.frames.last().expect("the host frame is always there");
            self.module = caller.module;
            self.locals = caller.locals;
            self.admin.push(Admin::Trap { bare: false });
            return Ok(rules::STEP_PURE__TRAP_FRAME);
        }
        self.admin.push(Admin::Trap { bare: true });
        Err(Halt::Done)
    }

    fn table(&self, x: u32) -> &super::runtime::TableInst {
        &self.store.tables[self.inst().tables[x as usize] as usize]
    }

    fn table_mut(&mut self, x: u32) -> &mut super::runtime::TableInst {
        let a = self.inst().tables[x as usize];
        &mut self.store.tables[a as usize]
    }

    fn mem(&self, x: u32) -> &super::runtime::MemInst {
        &self.store.mems[self.inst().mems[x as usize] as usize]
    }

    fn mem_mut(&mut self, x: u32) -> &mut super::runtime::MemInst {
        let a = self.inst().mems[x as usize];
        &mut self.store.mems[a as usize]
    }

    /// `Step_read/table.get-oob`, `Step_read/table.get-val`. Within `call_indirect` an
    /// index out of bounds is the suite's `undefined element`, and the index goes to the
    /// `CALL_REF` behind, whose null is an `uninitialized element`.
    fn table_get(&mut self, x: u32, indirect: bool) -> Rule {
        let i = self.pop_addr();
        if indirect {
            let n = self.admin.len();
            if let Some(Admin::CallRef { indirect } | Admin::ReturnCallRef { indirect }) =
                n.checked_sub(2).map(|k| &mut self.admin[k])
            {
                *indirect = Some(i);
            }
        }
        match usize::try_from(i).ok().and_then(|i| self.table(x).refs.get(i)) {
            Some(r) => {
                let r = *r;
                self.push(Val::Ref(r));
                rules::STEP_READ__TABLE_GET_VAL
            }
            None if indirect => self.trap(format!("undefined element {i}"), rules::STEP_READ__TABLE_GET_OOB),
            None => self.trap("out of bounds table access", rules::STEP_READ__TABLE_GET_OOB),
        }
    }

    /// `Step/table.set-oob`, `Step/table.set-val`.
    fn table_set(&mut self, x: u32) -> Rule {
        let r = self.pop_ref();
        let i = self.pop_addr();
        match usize::try_from(i).ok().and_then(|i| self.table_mut(x).refs.get_mut(i)) {
            Some(slot) => {
                *slot = r;
                rules::STEP__TABLE_SET_VAL
            }
            None => self.trap("out of bounds table access", rules::STEP__TABLE_SET_OOB),
        }
    }

    pub(super) fn pop_ref(&mut self) -> Ref {
        match self.pop() {
            Val::Ref(r) => r,
            v => panic!("validated code popped {v:?} where a reference was due"),
        }
    }

    /// `Step/table.grow-succeed` (the old size), `Step/table.grow-fail` (-1 of the table's
    /// address type).
    fn table_grow(&mut self, x: u32) -> Rule {
        let n = self.pop_addr();
        let init = self.pop_ref();
        let config = self.config;
        let a = self.inst().tables[x as usize];
        let store = &mut *self.store;
        let table = &mut store.tables[a as usize];
        let at = table.ty.addr;
        match table.grow(n, init, &config, &mut store.usage) {
            Some(old) => {
                self.push(at_val(at, old));
                rules::STEP__TABLE_GROW_SUCCEED
            }
            None => {
                self.push(at_val(at, u64::MAX));
                rules::STEP__TABLE_GROW_FAIL
            }
        }
    }

    /// `Step_read/table.fill-oob`, `-zero`, `-succ`: one element a step, through
    /// `table.set`.
    fn table_fill(&mut self, x: u32) -> Step {
        let n = self.pop_addr();
        let v = self.pop();
        let i = self.pop_addr();
        let t = self.table(x);
        let at = t.ty.addr;
        if beyond(i, n, t.refs.len()) {
            return Ok(self.trap("out of bounds table access", rules::STEP_READ__TABLE_FILL_OOB));
        }
        if n == 0 {
            return Ok(rules::STEP_READ__TABLE_FILL_ZERO);
        }
        // One element of the operation, one unit of fuel (`--fuel` bounds its work).
        self.burn_fuel()?;
        self.push(at_val(at, i));
        self.push(v);
        self.then(&[Op::TableSet(x)], &[at_val(at, i + 1), v, at_val(at, n - 1)], Op::TableFill(x));
        Ok(rules::STEP_READ__TABLE_FILL_SUCC)
    }

    /// Put `ops`, then the values `vals`, then `last` in front of the code. Inlined: the
    /// bulk rules call it once an element, and a call would pass `vals` through memory.
    #[inline(always)]
    pub(super) fn then(&mut self, ops: &[Op], vals: &[Val], last: Op) {
        self.admin.push(Admin::Op(last));
        for v in vals.iter().rev() {
            self.admin.push(Admin::Val(*v));
        }
        for op in ops.iter().rev() {
            self.admin.push(Admin::Op(*op));
        }
    }

    /// `Step_read/table.copy-oob`, `-zero`, `-le`, `-gt`: one element a step, forwards
    /// or backwards as the ranges overlap. The destination's index is of its table's
    /// address type, the source's of its, the length of the smaller of the two.
    fn table_copy(&mut self, x: u32, y: u32) -> Step {
        let n = self.pop_addr();
        let s = self.pop_addr();
        let d = self.pop_addr();
        let (tx, ty) = (self.table(x), self.table(y));
        let (at_d, at_s) = (tx.ty.addr, ty.ty.addr);
        if beyond(d, n, tx.refs.len()) || beyond(s, n, ty.refs.len()) {
            return Ok(self.trap("out of bounds table access", rules::STEP_READ__TABLE_COPY_OOB));
        }
        if n == 0 {
            return Ok(rules::STEP_READ__TABLE_COPY_ZERO);
        }
        // One element of the operation, one unit of fuel (`--fuel` bounds its work).
        self.burn_fuel()?;
        let at_n = min_addr(at_d, at_s);
        let get_set = [Op::TableGet(y), Op::TableSet(x)];
        if d <= s {
            self.push(at_val(at_d, d));
            self.push(at_val(at_s, s));
            let rest = [at_val(at_d, d + 1), at_val(at_s, s + 1), at_val(at_n, n - 1)];
            self.then(&get_set, &rest, Op::TableCopy(x, y));
            Ok(rules::STEP_READ__TABLE_COPY_LE)
        } else {
            self.push(at_val(at_d, d + n - 1));
            self.push(at_val(at_s, s + n - 1));
            let rest = [at_val(at_d, d), at_val(at_s, s), at_val(at_n, n - 1)];
            self.then(&get_set, &rest, Op::TableCopy(x, y));
            Ok(rules::STEP_READ__TABLE_COPY_GT)
        }
    }

    /// `Step_read/table.init-oob`, `-zero`, `-succ`: the table's index of its address
    /// type, the segment's index and the length `i32`s.
    fn table_init(&mut self, x: u32, y: u32) -> Step {
        let n = self.pop_i32();
        let s = self.pop_i32();
        let d = self.pop_addr();
        let ea = self.inst().elems[y as usize];
        let elem_len = self.store.elems[ea as usize].refs.len();
        let t = self.table(x);
        let at = t.ty.addr;
        if beyond(d, n as u64, t.refs.len()) || beyond(s as u64, n as u64, elem_len) {
            return Ok(self.trap("out of bounds table access", rules::STEP_READ__TABLE_INIT_OOB));
        }
        if n == 0 {
            return Ok(rules::STEP_READ__TABLE_INIT_ZERO);
        }
        // One element of the operation, one unit of fuel (`--fuel` bounds its work).
        self.burn_fuel()?;
        let r = self.store.elems[ea as usize].refs[s as usize];
        self.push(at_val(at, d));
        self.push(Val::Ref(r));
        self.then(
            &[Op::TableSet(x)],
            &[at_val(at, d + 1), Val::I32(s + 1), Val::I32(n - 1)],
            Op::TableInit(x, y),
        );
        Ok(rules::STEP_READ__TABLE_INIT_SUCC)
    }

    /// The effective address `i + offset` of `n` bytes, if they lie in memory `x`. The sum
    /// is of naturals, as the spec has it: past `2^64` it is out of bounds, never wrapped.
    #[inline(always)]
    fn effective(&self, x: u32, i: u64, m: MemArg, n: u64) -> Option<usize> {
        let ea = i.checked_add(m.offset)?;
        (ea.checked_add(n)? <= self.mem(x).bytes.len() as u64).then_some(ea as usize)
    }

    /// `Step_read/load-num-oob`, `-val`, `Step_read/load-pack-oob`, `-val`.
    fn load(&mut self, t: NumType, op: Option<LoadOp>, x: u32, m: MemArg) -> Rule {
        let i = self.pop_addr();
        let n = op.map_or(t.size(), |op| op.size.bits()) as u64 / 8;
        let (oob, val) = match op {
            None => (rules::STEP_READ__LOAD_NUM_OOB, rules::STEP_READ__LOAD_NUM_VAL),
            Some(_) => (rules::STEP_READ__LOAD_PACK_OOB, rules::STEP_READ__LOAD_PACK_VAL),
        };
        let Some(ea) = self.effective(x, i, m, n) else {
            return self.trap("out of bounds memory access", oob);
        };
        let mut bytes = [0u8; 8];
        bytes[..n as usize].copy_from_slice(&self.mem(x).bytes[ea..ea + n as usize]);
        let c = u64::from_le_bytes(bytes);
        // `$extend__(n, |t|, sx, c)`: a packed load extends its `n` bytes.
        let c = match op {
            Some(LoadOp { sx: Sx::S, .. }) => {
                let shift = 64 - 8 * n;
                (((c << shift) as i64) >> shift) as u64
            }
            _ => c,
        };
        self.push_slot(Slot::num(Num::from_bits(t, c)));
        val
    }

    /// `Step/store-num-oob`, `-val`, `Step/store-pack-oob`, `-val`.
    fn store_(&mut self, t: NumType, sz: Option<Sz>, x: u32, m: MemArg) -> Rule {
        let c = self.pop().as_num().expect("validated: a number to store").bits();
        let i = self.pop_addr();
        let n = sz.map_or(t.size(), Sz::bits) as u64 / 8;
        let (oob, val) = match sz {
            None => (rules::STEP__STORE_NUM_OOB, rules::STEP__STORE_NUM_VAL),
            Some(_) => (rules::STEP__STORE_PACK_OOB, rules::STEP__STORE_PACK_VAL),
        };
        let Some(ea) = self.effective(x, i, m, n) else {
            return self.trap("out of bounds memory access", oob);
        };
        // `$ibytes_(n, $wrap__(|t|, n, c))`: the low `n` bytes, little-endian.
        self.mem_mut(x).bytes[ea..ea + n as usize].copy_from_slice(&c.to_le_bytes()[..n as usize]);
        val
    }

    /// `Step/memory.grow-succeed` (the old size), `Step/memory.grow-fail` (-1 of the
    /// memory's address type).
    fn memory_grow(&mut self, x: u32) -> Rule {
        let n = self.pop_addr();
        let config = self.config;
        let a = self.inst().mems[x as usize];
        let store = &mut *self.store;
        let mem = &mut store.mems[a as usize];
        let at = mem.ty.addr;
        match mem.grow(n, &config, &mut store.usage) {
            Some(old) => {
                self.push(at_val(at, old));
                rules::STEP__MEMORY_GROW_SUCCEED
            }
            None => {
                self.push(at_val(at, u64::MAX));
                rules::STEP__MEMORY_GROW_FAIL
            }
        }
    }

    /// `Step_read/memory.fill-oob`, `-zero`, `-succ`: one byte a step, through `i32.store8`.
    fn memory_fill(&mut self, x: u32) -> Step {
        let n = self.pop_addr();
        let v = self.pop();
        let i = self.pop_addr();
        let m = self.mem(x);
        let at = m.ty.addr;
        if beyond(i, n, m.bytes.len()) {
            return Ok(self.trap("out of bounds memory access", rules::STEP_READ__MEMORY_FILL_OOB));
        }
        if n == 0 {
            return Ok(rules::STEP_READ__MEMORY_FILL_ZERO);
        }
        // One element of the operation, one unit of fuel (`--fuel` bounds its work).
        self.burn_fuel()?;
        self.push(at_val(at, i));
        self.push(v);
        self.then(&[store8(x)], &[at_val(at, i + 1), v, at_val(at, n - 1)], Op::MemoryFill(x));
        Ok(rules::STEP_READ__MEMORY_FILL_SUCC)
    }

    /// `Step_read/memory.copy-oob`, `-zero`, `-le`, `-gt`: one byte a step, through
    /// `i32.load8_u` and `i32.store8`, forwards or backwards as the ranges overlap. The
    /// destination's address is of its memory's address type, the source's of its, the
    /// length of the smaller of the two.
    fn memory_copy(&mut self, x: u32, y: u32) -> Step {
        let n = self.pop_addr();
        let s = self.pop_addr();
        let d = self.pop_addr();
        let (mx, my) = (self.mem(x), self.mem(y));
        let (at_d, at_s) = (mx.ty.addr, my.ty.addr);
        if beyond(d, n, mx.bytes.len()) || beyond(s, n, my.bytes.len()) {
            return Ok(self.trap("out of bounds memory access", rules::STEP_READ__MEMORY_COPY_OOB));
        }
        if n == 0 {
            return Ok(rules::STEP_READ__MEMORY_COPY_ZERO);
        }
        // One element of the operation, one unit of fuel (`--fuel` bounds its work).
        self.burn_fuel()?;
        let at_n = min_addr(at_d, at_s);
        let load_store = [load8_u(y), store8(x)];
        if d <= s {
            self.push(at_val(at_d, d));
            self.push(at_val(at_s, s));
            let rest = [at_val(at_d, d + 1), at_val(at_s, s + 1), at_val(at_n, n - 1)];
            self.then(&load_store, &rest, Op::MemoryCopy(x, y));
            Ok(rules::STEP_READ__MEMORY_COPY_LE)
        } else {
            self.push(at_val(at_d, d + n - 1));
            self.push(at_val(at_s, s + n - 1));
            let rest = [at_val(at_d, d), at_val(at_s, s), at_val(at_n, n - 1)];
            self.then(&load_store, &rest, Op::MemoryCopy(x, y));
            Ok(rules::STEP_READ__MEMORY_COPY_GT)
        }
    }

    /// `Step_read/memory.init-oob`, `-zero`, `-succ`: the memory's address of its address
    /// type, the segment's offset and the length `i32`s.
    fn memory_init(&mut self, x: u32, y: u32) -> Step {
        let n = self.pop_i32();
        let s = self.pop_i32();
        let d = self.pop_addr();
        let da = self.inst().datas[y as usize];
        let data_len = self.store.datas[da as usize].bytes.len();
        let m = self.mem(x);
        let at = m.ty.addr;
        if beyond(d, n as u64, m.bytes.len()) || beyond(s as u64, n as u64, data_len) {
            return Ok(self.trap("out of bounds memory access", rules::STEP_READ__MEMORY_INIT_OOB));
        }
        if n == 0 {
            return Ok(rules::STEP_READ__MEMORY_INIT_ZERO);
        }
        // One element of the operation, one unit of fuel (`--fuel` bounds its work).
        self.burn_fuel()?;
        let b = self.store.datas[da as usize].bytes[s as usize];
        self.push(at_val(at, d));
        self.push(Val::I32(b as u32));
        self.then(&[store8(x)], &[at_val(at, d + 1), Val::I32(s + 1), Val::I32(n - 1)], Op::MemoryInit(x, y));
        Ok(rules::STEP_READ__MEMORY_INIT_SUCC)
    }
}

/// `CONST at i`: an address of the address type `at`.
#[inline(always)]
fn at_val(at: AddrType, i: u64) -> Val {
    match at {
        AddrType::I32 => Val::I32(i as u32),
        AddrType::I64 => Val::I64(i),
    }
}

/// `$minat(at_1, at_2)`: the address type of the length of a copy between two memories or
/// tables, the smaller of theirs.
fn min_addr(a: AddrType, b: AddrType) -> AddrType {
    if a == AddrType::I32 || b == AddrType::I32 { AddrType::I32 } else { AddrType::I64 }
}

/// `i + n > len`, over naturals (no sum of two addresses wraps).
#[inline(always)]
fn beyond(i: u64, n: u64, len: usize) -> bool {
    i as u128 + n as u128 > len as u128
}

/// `STORE I32 8 x $memarg0`
fn store8(x: u32) -> Op {
    Op::Store(NumType::I32, Some(Sz::N8), x, MemArg { align: 0, offset: 0 })
}

/// `LOAD I32 (8 _ U) x $memarg0`
fn load8_u(x: u32) -> Op {
    Op::Load(NumType::I32, Some(LoadOp { size: Sz::N8, sx: Sx::U }), x, MemArg { align: 0, offset: 0 })
}

impl<const TRACE: bool> Machine<'_, TRACE> {
    /// The vector loads and stores: `Step_read/vload-*`, `Step_read/vload_lane-*`,
    /// `Step/vstore-*`, `Step/vstore_lane-*`.
    fn vector_memory(&mut self, op: Op) -> Rule {
        match op {
            Op::VLoad(vop, x, m) => self.vload(vop, x, m),
            Op::VLoadLane(sz, x, m, lane) => {
                let v = self.pop_v128();
                let i = self.pop_addr();
                let n = sz.bits() as u64 / 8;
                let Some(ea) = self.effective(x, i, m, n) else {
                    return self.trap("out of bounds memory access", rules::STEP_READ__VLOAD_LANE_OOB);
                };
                let c = self.read(x, ea, n);
                let shift = lane as u32 * sz.bits();
                let mask = (u128::MAX >> (128 - sz.bits())) << shift;
                self.push(Val::V128(V128::from_u128((v & !mask) | ((c as u128) << shift))));
                rules::STEP_READ__VLOAD_LANE_VAL
            }
            Op::VStore(x, m) => {
                let v = self.pop_v128();
                let i = self.pop_addr();
                let Some(ea) = self.effective(x, i, m, 16) else {
                    return self.trap("out of bounds memory access", rules::STEP__VSTORE_OOB);
                };
                self.mem_mut(x).bytes[ea..ea + 16].copy_from_slice(&v.to_le_bytes());
                rules::STEP__VSTORE_VAL
            }
            Op::VStoreLane(sz, x, m, lane) => {
                let v = self.pop_v128();
                let i = self.pop_addr();
                let n = sz.bits() as usize / 8;
                let Some(ea) = self.effective(x, i, m, n as u64) else {
                    return self.trap("out of bounds memory access", rules::STEP__VSTORE_LANE_OOB);
                };
                let bytes = (v >> (lane as u32 * sz.bits())).to_le_bytes();
                self.mem_mut(x).bytes[ea..ea + n].copy_from_slice(&bytes[..n]);
                rules::STEP__VSTORE_LANE_VAL
            }
            _ => unreachable!("only vector memory ops come here"),
        }
    }

    fn pop_v128(&mut self) -> u128 {
        match self.pop() {
            Val::V128(v) => v.to_u128(),
            v => panic!("validated code popped {v:?} where a v128 was due"),
        }
    }

    /// `n` bytes at `ea` of memory `x`, little-endian.
    fn read(&self, x: u32, ea: usize, n: u64) -> u64 {
        let mut bytes = [0u8; 8];
        bytes[..n as usize].copy_from_slice(&self.mem(x).bytes[ea..ea + n as usize]);
        u64::from_le_bytes(bytes)
    }

    /// `Step_read/vload-*`: all 16 bytes, `M` lanes of `sz` bits extended to twice that,
    /// one lane splatted, or one lane with zeros above.
    fn vload(&mut self, vop: Option<VLoadOp>, x: u32, m: MemArg) -> Rule {
        let i = self.pop_addr();
        let (n, oob, val) = match vop {
            None => (16, rules::STEP_READ__VLOAD_OOB, rules::STEP_READ__VLOAD_VAL),
            Some(VLoadOp::Shape(..)) => {
                (8, rules::STEP_READ__VLOAD_PACK_OOB, rules::STEP_READ__VLOAD_PACK_VAL)
            }
            Some(VLoadOp::Splat(sz)) => {
                (sz.bits() as u64 / 8, rules::STEP_READ__VLOAD_SPLAT_OOB, rules::STEP_READ__VLOAD_SPLAT_VAL)
            }
            Some(VLoadOp::Zero(sz)) => {
                (sz.bits() as u64 / 8, rules::STEP_READ__VLOAD_ZERO_OOB, rules::STEP_READ__VLOAD_ZERO_VAL)
            }
        };
        let Some(ea) = self.effective(x, i, m, n) else {
            return self.trap("out of bounds memory access", oob);
        };
        let v = match vop {
            None => u128::from_le_bytes(self.mem(x).bytes[ea..ea + 16].try_into().expect("16 bytes")),
            Some(VLoadOp::Shape(sz, lanes, sx)) => {
                let c = self.read(x, ea, 8);
                let bits = sz.bits();
                (0..lanes as u32).fold(0u128, |acc, k| {
                    let lane = (c >> (k * bits)) & (u64::MAX >> (64 - bits));
                    let wide = match sx {
                        Sx::U => lane as u128,
                        Sx::S => {
                            ((((lane << (64 - bits)) as i64) >> (64 - bits)) as u64 as u128)
                                & (u128::MAX >> (128 - 2 * bits))
                        }
                    };
                    acc | wide << (k * 2 * bits)
                })
            }
            Some(VLoadOp::Splat(sz)) => {
                let c = self.read(x, ea, n) as u128;
                (0..128 / sz.bits()).fold(0u128, |acc, k| acc | c << (k * sz.bits()))
            }
            Some(VLoadOp::Zero(_)) => self.read(x, ea, n) as u128,
        };
        self.push(Val::V128(V128::from_u128(v)));
        val
    }
}

impl<const TRACE: bool> Machine<'_, TRACE> {
    // Numeric instructions: `Step_pure/unop-val`, `binop-val`, `binop-trap`, `testop`,
    // `relop`, `cvtop-val`, `cvtop-trap`, each computing its result with the operator of
    // [`numerics`] the spec names.

    /// `Step_pure/unop-val` at `i32`.
    #[inline(always)]
    fn i32_unop(&mut self, op: IUnop) -> Rule {
        let i = self.pop_i32();
        self.push(Val::I32(numerics::iunop(op, i)));
        rules::STEP_PURE__UNOP_VAL
    }

    /// `Step_pure/unop-val` at `i64`.
    #[inline(always)]
    fn i64_unop(&mut self, op: IUnop) -> Rule {
        let i = self.pop_i64();
        self.push(Val::I64(numerics::iunop(op, i)));
        rules::STEP_PURE__UNOP_VAL
    }

    /// `Step_pure/unop-val` at `f32`.
    #[inline(always)]
    fn f32_unop(&mut self, op: FUnop) -> Rule {
        let z = self.pop_f32();
        self.push(Val::F32(F32::from_float(numerics::funop(op, z))));
        rules::STEP_PURE__UNOP_VAL
    }

    /// `Step_pure/unop-val` at `f64`.
    #[inline(always)]
    fn f64_unop(&mut self, op: FUnop) -> Rule {
        let z = self.pop_f64();
        self.push(Val::F64(F64::from_float(numerics::funop(op, z))));
        rules::STEP_PURE__UNOP_VAL
    }

    /// `Step_pure/binop-val`, `binop-trap` at `i32`.
    #[inline(always)]
    fn i32_binop(&mut self, op: IBinop) -> Rule {
        let (i1, i2) = self.top2_i32();
        match numerics::ibinop(op, i1, i2) {
            Ok(c) => {
                self.replace2(Slot::i32(c));
                rules::STEP_PURE__BINOP_VAL
            }
            Err(t) => {
                self.drop2();
                self.trap(t.message(), rules::STEP_PURE__BINOP_TRAP)
            }
        }
    }

    /// `Step_pure/binop-val`, `binop-trap` at `i64`.
    #[inline(always)]
    fn i64_binop(&mut self, op: IBinop) -> Rule {
        let (i1, i2) = self.top2_i64();
        match numerics::ibinop(op, i1, i2) {
            Ok(c) => {
                self.replace2(Slot::i64(c));
                rules::STEP_PURE__BINOP_VAL
            }
            Err(t) => {
                self.drop2();
                self.trap(t.message(), rules::STEP_PURE__BINOP_TRAP)
            }
        }
    }

    /// `Step_pure/binop-val` at `f32`.
    #[inline(always)]
    fn f32_binop(&mut self, op: FBinop) -> Rule {
        let z2 = self.pop_f32();
        let z1 = self.pop_f32();
        self.binop_val(Val::F32(F32::from_float(numerics::fbinop(op, z1, z2))))
    }

    /// `Step_pure/binop-val` at `f64`.
    #[inline(always)]
    fn f64_binop(&mut self, op: FBinop) -> Rule {
        let z2 = self.pop_f64();
        let z1 = self.pop_f64();
        self.binop_val(Val::F64(F64::from_float(numerics::fbinop(op, z1, z2))))
    }

    /// `Step_pure/testop` at `i32`: `eqz`.
    #[inline(always)]
    fn i32_eqz(&mut self) -> Rule {
        let i = self.pop_i32();
        self.push(Val::I32((i == 0) as u32));
        rules::STEP_PURE__TESTOP
    }

    /// `Step_pure/testop` at `i64`: `eqz`.
    #[inline(always)]
    fn i64_eqz(&mut self) -> Rule {
        let i = self.pop_i64();
        self.push(Val::I32((i == 0) as u32));
        rules::STEP_PURE__TESTOP
    }

    /// `Step_pure/relop` at `i32`.
    #[inline(always)]
    fn i32_relop(&mut self, op: IRelop) -> Rule {
        let (i1, i2) = self.top2_i32();
        self.replace2(Slot::i32(numerics::irelop(op, i1, i2)));
        rules::STEP_PURE__RELOP
    }

    /// `Step_pure/relop` at `i64`.
    #[inline(always)]
    fn i64_relop(&mut self, op: IRelop) -> Rule {
        let (i1, i2) = self.top2_i64();
        self.replace2(Slot::i32(numerics::irelop(op, i1, i2)));
        rules::STEP_PURE__RELOP
    }

    /// `Step_pure/relop` at `f32`.
    #[inline(always)]
    fn f32_relop(&mut self, op: FRelop) -> Rule {
        let z2 = self.pop_f32();
        let z1 = self.pop_f32();
        self.relop(numerics::frelop(op, z1, z2))
    }

    /// `Step_pure/relop` at `f64`.
    #[inline(always)]
    fn f64_relop(&mut self, op: FRelop) -> Rule {
        let z2 = self.pop_f64();
        let z1 = self.pop_f64();
        self.relop(numerics::frelop(op, z1, z2))
    }

    /// `Step_pure/cvtop-val`, `cvtop-trap`.
    #[inline(always)]
    fn cvtop(&mut self, to: NumType, from: NumType, op: Cvtop) -> Rule {
        let c = self.pop().as_num().expect("validated: a number to convert");
        match numerics::cvtop(to, from, op, c) {
            Ok(c) => {
                self.push_slot(Slot::num(c));
                rules::STEP_PURE__CVTOP_VAL
            }
            Err(t) => self.trap(t.message(), rules::STEP_PURE__CVTOP_TRAP),
        }
    }

    #[inline(always)]
    fn binop_val(&mut self, c: Val) -> Rule {
        self.push(c);
        rules::STEP_PURE__BINOP_VAL
    }

    #[inline(always)]
    fn relop(&mut self, c: u32) -> Rule {
        self.push(Val::I32(c));
        rules::STEP_PURE__RELOP
    }

    fn pop_vec(&mut self) -> V128 {
        V128::from_u128(self.pop_v128())
    }

    fn push_vec(&mut self, v: V128) {
        self.push(Val::V128(v));
    }

    /// The vector instructions of `Step_pure`; relaxed operators under the configured
    /// choice of their implementation-defined behaviour.
    #[inline(never)]
    fn vector(&mut self, op: &Op) -> Rule {
        use numerics as n;
        let rx = self.config.relaxed;
        match *op {
            Op::VVunop(op) => {
                let v = self.pop_vec();
                self.push_vec(n::vvunop(op, v));
                rules::STEP_PURE__VVUNOP
            }
            Op::VVbinop(op) => {
                let v2 = self.pop_vec();
                let v1 = self.pop_vec();
                self.push_vec(n::vvbinop(op, v1, v2));
                rules::STEP_PURE__VVBINOP
            }
            Op::VVternop(op) => {
                let v3 = self.pop_vec();
                let v2 = self.pop_vec();
                let v1 = self.pop_vec();
                self.push_vec(n::vvternop(op, v1, v2, v3));
                rules::STEP_PURE__VVTERNOP
            }
            Op::VVtestop(op) => {
                let v = self.pop_vec();
                self.push(Val::I32(n::vvtestop(op, v)));
                rules::STEP_PURE__VVTESTOP
            }
            Op::VUnop(sh, op) => {
                let v = self.pop_vec();
                self.push_vec(n::vunop(sh, op, v));
                rules::STEP_PURE__VUNOP_VAL
            }
            Op::VBinop(sh, op) => {
                let v2 = self.pop_vec();
                let v1 = self.pop_vec();
                self.push_vec(n::vbinop(rx, sh, op, v1, v2));
                rules::STEP_PURE__VBINOP_VAL
            }
            Op::VTernop(sh, op) => {
                let v3 = self.pop_vec();
                let v2 = self.pop_vec();
                let v1 = self.pop_vec();
                self.push_vec(n::vternop(rx, sh, op, v1, v2, v3));
                rules::STEP_PURE__VTERNOP_VAL
            }
            Op::VTestop(sh, op) => {
                let v = self.pop_vec();
                self.push(Val::I32(n::vtestop(sh, op, v)));
                rules::STEP_PURE__VTESTOP
            }
            Op::VRelop(sh, op) => {
                let v2 = self.pop_vec();
                let v1 = self.pop_vec();
                self.push_vec(n::vrelop(sh, op, v1, v2));
                rules::STEP_PURE__VRELOP
            }
            Op::VShiftop(sh, op) => {
                let i = self.pop_i32();
                let v = self.pop_vec();
                self.push_vec(n::vshiftop(sh, op, v, i));
                rules::STEP_PURE__VSHIFTOP
            }
            Op::VBitmask(sh) => {
                let v = self.pop_vec();
                self.push(Val::I32(n::vbitmask(sh, v)));
                rules::STEP_PURE__VBITMASK
            }
            Op::VSwizzlop(op) => {
                let v2 = self.pop_vec();
                let v1 = self.pop_vec();
                self.push_vec(n::vswizzlop(rx, op, v1, v2));
                rules::STEP_PURE__VSWIZZLOP
            }
            Op::VShuffle(i) => {
                let v2 = self.pop_vec();
                let v1 = self.pop_vec();
                self.push_vec(n::vshuffle(self.code.shuffles[i as usize], v1, v2));
                rules::STEP_PURE__VSHUFFLE
            }
            Op::VSplat(sh) => {
                let c = self.pop().as_num().expect("validated: a number to splat");
                self.push_vec(n::vsplat(sh, c));
                rules::STEP_PURE__VSPLAT
            }
            Op::VExtractLane(sh, sx, i) => {
                let v = self.pop_vec();
                self.push_slot(Slot::num(n::vextract_lane(sh, sx, i, v)));
                if sx.is_some() {
                    rules::STEP_PURE__VEXTRACT_LANE_PACK
                } else {
                    rules::STEP_PURE__VEXTRACT_LANE_NUM
                }
            }
            Op::VReplaceLane(sh, i) => {
                let c = self.pop().as_num().expect("validated: a number for the lane");
                let v = self.pop_vec();
                self.push_vec(n::vreplace_lane(sh, i, v, c));
                rules::STEP_PURE__VREPLACE_LANE
            }
            Op::VExtunop(to, from, op) => {
                let v = self.pop_vec();
                self.push_vec(n::vextunop(to, from, op, v));
                rules::STEP_PURE__VEXTUNOP
            }
            Op::VExtbinop(to, from, op) => {
                let v2 = self.pop_vec();
                let v1 = self.pop_vec();
                self.push_vec(n::vextbinop(rx, to, from, op, v1, v2));
                rules::STEP_PURE__VEXTBINOP
            }
            Op::VExtternop(to, from, op) => {
                let v3 = self.pop_vec();
                let v2 = self.pop_vec();
                let v1 = self.pop_vec();
                self.push_vec(n::vextternop(rx, to, from, op, v1, v2, v3));
                rules::STEP_PURE__VEXTTERNOP
            }
            Op::VNarrow(to, from, sx) => {
                let v2 = self.pop_vec();
                let v1 = self.pop_vec();
                self.push_vec(n::vnarrow(to, from, sx, v1, v2));
                rules::STEP_PURE__VNARROW
            }
            Op::VCvtop(to, from, op) => {
                let v = self.pop_vec();
                self.push_vec(n::vcvtop(rx, to, from, op, v));
                rules::STEP_PURE__VCVTOP
            }
            other => unreachable!("{other:?} is not a numeric instruction"),
        }
    }
}
