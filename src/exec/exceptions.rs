//! Exception handling (spec 4.4.4 *Exceptions*, SpecTec `Step/throw`, `Step_read/throw_ref-*`,
//! `Step_read/try_table`, `Step_pure/handler-vals`): `HANDLER_n{catch*}` contexts kept as a
//! stack beside the labels, and an exception that propagates outwards one context a step,
//! as `TRAP` does, until a handler's clause catches it or it leaves the host's frame.

use super::code::Arity;
use super::machine::{Admin, Halt, Handler, Machine, Next, Step};
use super::runtime::ExnInst;
use crate::rules::{self, Rule};
use crate::runtime::{Ref, Val};
use crate::syntax::Catch;

impl<const TRACE: bool> Machine<'_, TRACE> {
    /// `Step_read/try_table`: `val^m (TRY_TABLE bt catch* instr*) ~>
    /// (HANDLER_n{catch*} (LABEL_n{eps} val^m instr*))`; the label continues after the `end`.
    pub(super) fn try_table(&mut self, arity: Arity, end: u32, catches: u32) -> Rule {
        let height = (self.vals.len() - arity.params as usize) as u32;
        let labels = self.labels.len() as u32;
        self.handlers.push(Handler { labels, height, catches, passed: 0 });
        self.labels.push(super::machine::Label { arity: arity.results, height, cont: end + 1 });
        rules::STEP_READ__TRY_TABLE
    }

    /// `Step_pure/handler-vals`: `(HANDLER_n{catch*} val*) ~> val*`.
    pub(super) fn handler_vals(&mut self) -> Rule {
        self.handlers.pop();
        rules::STEP_PURE__HANDLER_VALS
    }

    /// After a label ends with its values: if a handler is now innermost, its
    /// `handler-vals` is the next step.
    #[inline(always)]
    pub(super) fn after_label(&mut self) {
        if self.in_handler() {
            self.next = Next::HandlerVals;
        }
    }

    /// `Step/throw`: `val^n (THROW x) ~> (REF.EXN_ADDR a) THROW_REF`, a new exception of the
    /// tag with the `n` values its type's parameters ask for (a collection first, if one is
    /// due: the values are still on the operand stack).
    pub(super) fn throw(&mut self, x: u32) -> Rule {
        self.collect(None, false);
        let tag = self.inst().tags[x as usize];
        let ty = self.store.tags[tag as usize].ty;
        let n = self.store.types.func(ty).map_or(0, |ft| ft.params.len());
        let fields: Box<[Val]> = self.vals.drain(self.vals.len() - n..).map(|s| s.val()).collect();
        if TRACE {
            self.low = self.low.min(self.vals.len());
        }
        let a = self.store.alloc_exn(ExnInst { tag, fields });
        self.push(Val::Ref(Ref::Exn(a)));
        self.admin.push(Admin::ThrowRef { bare: false });
        rules::STEP__THROW
    }

    /// `THROW_REF` as an instruction: `Step_read/throw_ref-null` traps; an exception
    /// reference starts to propagate.
    pub(super) fn throw_ref_op(&mut self) -> Step {
        match self.vals.last().map(|s| s.val()) {
            Some(Val::Ref(Ref::Exn(_))) => self.throw_ref(false),
            _ => {
                self.pop();
                Ok(self.trap("null exception reference", rules::STEP_READ__THROW_REF_NULL))
            }
        }
    }

    /// `(REF.EXN_ADDR a) THROW_REF` at the head: `throw_ref-instrs` drops what is beside it,
    /// `throw_ref-label` and `throw_ref-frame` leave a context, a handler tries its clauses
    /// (`throw_ref-handler-*`); past the host's frame the exception is the outcome.
    pub(super) fn throw_ref(&mut self, bare: bool) -> Step {
        let height = self.context_height();
        let frame = self.frames.last().expect("the host frame is always there");
        let (frame_labels, frame_admin) = (frame.labels, frame.admin);
        let in_handler = self.in_handler();
        let in_label = !in_handler && self.labels.len() > frame_labels;
        let busy = self.vals.len() > height + 1 || self.admin.len() > frame_admin;
        if !bare && (in_label || busy) {
            let exn = self.pop_slot();
            self.vals.truncate(height);
            self.vals.push(exn);
            self.admin.truncate(frame_admin);
            self.admin.push(Admin::ThrowRef { bare: true });
            return Ok(rules::STEP_READ__THROW_REF_INSTRS);
        }
        if in_handler {
            return Ok(self.handler_catch());
        }
        if in_label {
            self.labels.pop();
            self.admin.push(Admin::ThrowRef { bare: false });
            return Ok(rules::STEP_READ__THROW_REF_LABEL);
        }
        if self.frames.len() > 1 {
            let exn = self.pop_slot();
            let frame = self.frames.pop().expect("checked");
            self.vals.truncate(frame.locals);
            self.vals.push(exn);
            self.code = frame.code;
            self.pc = frame.pc;
            let caller = self.frames.last().expect("the host frame is always there");
            self.module = caller.module;
            self.locals = caller.locals;
            self.admin.push(Admin::ThrowRef { bare: false });
            return Ok(rules::STEP_READ__THROW_REF_FRAME);
        }
        match self.pop() {
            Val::Ref(Ref::Exn(a)) => self.exception = Some(a),
            v => unreachable!("an exception reference was thrown, not {v:?}"),
        }
        Err(Halt::Done)
    }

    /// The innermost handler against the exception on top of the operand stack: its next
    /// clause catches it (`throw_ref-handler-catch`, `-catch_ref`, `-catch_all`,
    /// `-catch_all_ref`: the handler gives way to the values and a branch), or is passed over
    /// (`throw_ref-handler-next`); with none left the handler is left (`-handler-empty`).
    fn handler_catch(&mut self) -> Rule {
        let h = *self.handlers.last().expect("in a handler");
        let Some(&catch) = self.code.catches[h.catches as usize].get(h.passed as usize) else {
            self.handlers.pop();
            self.admin.push(Admin::ThrowRef { bare: false });
            return rules::STEP_READ__THROW_REF_HANDLER_EMPTY;
        };
        let a = match self.vals.last().map(|s| s.val()) {
            Some(Val::Ref(Ref::Exn(a))) => a,
            v => unreachable!("an exception reference was thrown, not {v:?}"),
        };
        let caught = |x: u32, m: &Self| m.store.exns[a as usize].tag == m.inst().tags[x as usize];
        let (l, fields, keep, rule) = match catch {
            Catch::Catch(x, l) if caught(x, self) => {
                (l, true, false, rules::STEP_READ__THROW_REF_HANDLER_CATCH)
            }
            Catch::CatchRef(x, l) if caught(x, self) => {
                (l, true, true, rules::STEP_READ__THROW_REF_HANDLER_CATCH_REF)
            }
            Catch::CatchAll(l) => (l, false, false, rules::STEP_READ__THROW_REF_HANDLER_CATCH_ALL),
            Catch::CatchAllRef(l) => (l, false, true, rules::STEP_READ__THROW_REF_HANDLER_CATCH_ALL_REF),
            _ => {
                self.handlers.last_mut().expect("in a handler").passed += 1;
                self.admin.push(Admin::ThrowRef { bare: true });
                return rules::STEP_READ__THROW_REF_HANDLER_NEXT;
            }
        };
        self.handlers.pop();
        let exn = self.pop_slot();
        if fields {
            for i in 0..self.store.exns[a as usize].fields.len() {
                let v = self.store.exns[a as usize].fields[i];
                self.push(v);
            }
        }
        if keep {
            self.push_slot(exn);
        }
        self.next = Next::Br(l);
        rule
    }
}
