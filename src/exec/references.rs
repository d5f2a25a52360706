//! Reference instructions of GC (spec 4.4.5 *Reference instructions*, SpecTec
//! `Step_pure/ref.eq-*`, `Step_read/ref.test-*`, `Step_read/ref.cast-*`,
//! `Step_read/br_on_cast*`, `Step_pure/ref.i31`, `Step_pure/i31.get-*`, the conversions
//! between `any` and `extern`): casts decide by `Ref_ok` and `Reftype_sub` over the store's
//! canonical types, so that a type defined alike by two modules is one type at run time.

use super::machine::{Machine, Next};
use crate::rules::{self, Rule};
use crate::runtime::{Internal, Ref, Val};
use crate::syntax::{AbsHeapType, RefType, Sx};

impl<const TRACE: bool> Machine<'_, TRACE> {
    /// `Ref_ok: s |- ref : rt'` with `Reftype_sub: rt' <: rt`, `rt` closed: a null has type
    /// `(ref null bot)`, below every nullable type.
    pub fn ref_matches(&self, r: Ref, rt: RefType) -> bool {
        match r {
            Ref::Null(_) => rt.nullable,
            r => self.store.ref_ok(r, rt),
        }
    }

    /// `Step_pure/ref.eq-null`, `-true`, `-false`: two nulls are equal, two other references
    /// when they are the same.
    pub(super) fn ref_eq(&mut self) -> Rule {
        let r2 = self.pop_ref();
        let r1 = self.pop_ref();
        let (c, rule) = match (r1, r2) {
            (Ref::Null(_), Ref::Null(_)) => (1, rules::STEP_PURE__REF_EQ_NULL),
            (r1, r2) if r1 == r2 => (1, rules::STEP_PURE__REF_EQ_TRUE),
            _ => (0, rules::STEP_PURE__REF_EQ_FALSE),
        };
        self.push(Val::I32(c));
        rule
    }

    /// `Step_read/ref.test-true`, `Step_read/ref.test-false`.
    pub(super) fn ref_test(&mut self, rt: RefType) -> Rule {
        let r = self.pop_ref();
        if self.ref_matches(r, rt) {
            self.push(Val::I32(1));
            rules::STEP_READ__REF_TEST_TRUE
        } else {
            self.push(Val::I32(0));
            rules::STEP_READ__REF_TEST_FALSE
        }
    }

    /// `Step_read/ref.cast-succeed` (the reference stays), `Step_read/ref.cast-fail`.
    pub(super) fn ref_cast(&mut self, rt: RefType) -> Rule {
        let r = self.peek_ref();
        if self.ref_matches(r, rt) {
            return rules::STEP_READ__REF_CAST_SUCCEED;
        }
        self.pop();
        self.trap("cast failure", rules::STEP_READ__REF_CAST_FAIL)
    }

    /// `Step_read/br_on_cast-succeed` (the branch, with the reference), `-fail`.
    pub(super) fn br_on_cast(&mut self, l: u32, rt: RefType) -> Rule {
        if self.ref_matches(self.peek_ref(), rt) {
            self.next = Next::Br(l);
            rules::STEP_READ__BR_ON_CAST_SUCCEED
        } else {
            rules::STEP_READ__BR_ON_CAST_FAIL
        }
    }

    /// `Step_read/br_on_cast_fail-succeed` (no branch), `-fail` (the branch, with the
    /// reference).
    pub(super) fn br_on_cast_fail(&mut self, l: u32, rt: RefType) -> Rule {
        if self.ref_matches(self.peek_ref(), rt) {
            rules::STEP_READ__BR_ON_CAST_FAIL_SUCCEED
        } else {
            self.next = Next::Br(l);
            rules::STEP_READ__BR_ON_CAST_FAIL_FAIL
        }
    }

    /// `Step_pure/ref.i31`: `(CONST I32 i) REF.I31 ~> (REF.I31_NUM $wrap(32, 31, i))`.
    pub(super) fn ref_i31(&mut self) -> Rule {
        let i = self.pop_i32();
        self.push(Val::Ref(Ref::I31(i & 0x7fff_ffff)));
        rules::STEP_PURE__REF_I31
    }

    /// `Step_pure/i31.get-null`, `Step_pure/i31.get-num`: the 31 bits extended by `sx`.
    pub(super) fn i31_get(&mut self, sx: Sx) -> Rule {
        match self.pop_ref() {
            Ref::I31(i) => {
                let c = if sx == Sx::S { (((i << 1) as i32) >> 1) as u32 } else { i };
                self.push(Val::I32(c));
                rules::STEP_PURE__I31_GET_NUM
            }
            _ => self.trap("null i31 reference", rules::STEP_PURE__I31_GET_NULL),
        }
    }

    /// `Step_pure/any.convert_extern-null`, `-addr`: unwrap `REF.EXTERN`.
    pub(super) fn any_convert_extern(&mut self) -> Rule {
        let (r, rule) = match self.pop_ref() {
            Ref::Extern(n) => (Ref::Host(n), rules::STEP_PURE__ANY_CONVERT_EXTERN_ADDR),
            Ref::ExternOf(Internal::I31(i)) => (Ref::I31(i), rules::STEP_PURE__ANY_CONVERT_EXTERN_ADDR),
            Ref::ExternOf(Internal::Struct(a)) => (Ref::Struct(a), rules::STEP_PURE__ANY_CONVERT_EXTERN_ADDR),
            Ref::ExternOf(Internal::Array(a)) => (Ref::Array(a), rules::STEP_PURE__ANY_CONVERT_EXTERN_ADDR),
            _ => (Ref::null_of(AbsHeapType::Any), rules::STEP_PURE__ANY_CONVERT_EXTERN_NULL),
        };
        self.push(Val::Ref(r));
        rule
    }

    /// `Step_pure/extern.convert_any-null`, `-addr`: wrap in `REF.EXTERN`.
    pub(super) fn extern_convert_any(&mut self) -> Rule {
        let (r, rule) = match self.pop_ref() {
            Ref::Host(n) => (Ref::Extern(n), rules::STEP_PURE__EXTERN_CONVERT_ANY_ADDR),
            Ref::I31(i) => (Ref::ExternOf(Internal::I31(i)), rules::STEP_PURE__EXTERN_CONVERT_ANY_ADDR),
            Ref::Struct(a) => (Ref::ExternOf(Internal::Struct(a)), rules::STEP_PURE__EXTERN_CONVERT_ANY_ADDR),
            Ref::Array(a) => (Ref::ExternOf(Internal::Array(a)), rules::STEP_PURE__EXTERN_CONVERT_ANY_ADDR),
            _ => (Ref::null_of(AbsHeapType::Extern), rules::STEP_PURE__EXTERN_CONVERT_ANY_NULL),
        };
        self.push(Val::Ref(r));
        rule
    }

    /// The reference on top of the operand stack, left there.
    fn peek_ref(&self) -> Ref {
        match self.vals.last().map(|s| s.val()) {
            Some(Val::Ref(r)) => r,
            v => panic!("validated code has {v:?} where a reference was due"),
        }
    }
}
