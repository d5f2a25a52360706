//! The operand stack's representation of a value (spec 4.2.1's `val`, laid out for speed).

use crate::runtime::{Internal, Ref, Val};
use crate::syntax::{AbsHeapType, F32, F64, HeapType, Num, V128};

/// An operand as the operand stack keeps it: the value's bits, a whole 16-byte word, and its
/// kind, a whole 8-byte word. Every store and every load of a slot is then of whole words,
/// which the processor forwards from a store to the next load; the narrow tag and payload
/// stores of an enum are not, and a value is often read right after it is written.
#[derive(Copy, Clone, Debug, PartialEq)]
#[repr(C)]
pub struct Slot {
    bits: u128,
    kind: u64,
}

const I32: u64 = 0;
const I64: u64 = 1;
const F32_: u64 = 2;
const F64_: u64 = 3;
const V128_: u64 = 4;
const NULL: u64 = 5;
const FUNC: u64 = 6;
const EXTERN: u64 = 7;
const HOST: u64 = 8;
const I31: u64 = 9;
const STRUCT: u64 = 10;
const ARRAY: u64 = 11;
const EXN: u64 = 12;
const EXTERN_I31: u64 = 13;
const EXTERN_STRUCT: u64 = 14;
const EXTERN_ARRAY: u64 = 15;

/// The abstract heap types, by their place here, for nulls in slots.
const ABS: [AbsHeapType; 13] = {
    use AbsHeapType::*;
    [Any, Eq, I31, Struct, Array, None, Func, NoFunc, Exn, NoExn, Extern, NoExtern, Bot]
};

impl Slot {
    #[inline(always)]
    pub fn i32(i: u32) -> Slot {
        Slot { bits: i as u128, kind: I32 }
    }

    /// A number as a slot, straight from `CONST`'s immediate (without a `Val` between).
    #[inline(always)]
    pub fn num(n: Num) -> Slot {
        let kind = match n {
            Num::I32(_) => I32,
            Num::I64(_) => I64,
            Num::F32(_) => F32_,
            Num::F64(_) => F64_,
        };
        Slot { bits: n.bits() as u128, kind }
    }

    #[inline(always)]
    pub fn i64(i: u64) -> Slot {
        Slot { bits: i as u128, kind: I64 }
    }

    #[inline(always)]
    pub fn as_i32(self) -> Option<u32> {
        (self.kind == I32).then_some(self.bits as u32)
    }

    #[inline(always)]
    pub fn as_i64(self) -> Option<u64> {
        (self.kind == I64).then_some(self.bits as u64)
    }

    /// An address: an `i32` (zero-extended, as its bits are kept) or an `i64`, as the memory
    /// or table it indexes has them.
    #[inline(always)]
    pub fn as_addr(self) -> Option<u64> {
        (self.kind <= I64).then_some(self.bits as u64)
    }

    #[inline(always)]
    pub fn from(v: Val) -> Slot {
        let (bits, kind) = match v {
            Val::I32(i) => (i as u128, I32),
            Val::I64(i) => (i as u128, I64),
            Val::F32(z) => (z.0 as u128, F32_),
            Val::F64(z) => (z.0 as u128, F64_),
            Val::V128(v) => (v.to_u128(), V128_),
            Val::Ref(Ref::Null(HeapType::Abs(a))) => {
                (ABS.iter().position(|b| *b == a).unwrap_or(12) as u128, NULL)
            }
            Val::Ref(Ref::Null(HeapType::Idx(x))) => (1 << 64 | x as u128, NULL),
            Val::Ref(Ref::Func(a)) => (a as u128, FUNC),
            Val::Ref(Ref::Extern(n)) => (n as u128, EXTERN),
            Val::Ref(Ref::Host(n)) => (n as u128, HOST),
            Val::Ref(Ref::I31(i)) => (i as u128, I31),
            Val::Ref(Ref::Struct(a)) => (a as u128, STRUCT),
            Val::Ref(Ref::Array(a)) => (a as u128, ARRAY),
            Val::Ref(Ref::Exn(a)) => (a as u128, EXN),
            Val::Ref(Ref::ExternOf(Internal::I31(i))) => (i as u128, EXTERN_I31),
            Val::Ref(Ref::ExternOf(Internal::Struct(a))) => (a as u128, EXTERN_STRUCT),
            Val::Ref(Ref::ExternOf(Internal::Array(a))) => (a as u128, EXTERN_ARRAY),
        };
        Slot { bits, kind }
    }

    #[inline(always)]
    pub fn val(self) -> Val {
        let bits = self.bits;
        match self.kind {
            I32 => Val::I32(bits as u32),
            I64 => Val::I64(bits as u64),
            F32_ => Val::F32(F32(bits as u32)),
            F64_ => Val::F64(F64(bits as u64)),
            V128_ => Val::V128(V128::from_u128(bits)),
            NULL if bits >> 64 == 1 => Val::Ref(Ref::Null(HeapType::Idx(bits as u32))),
            NULL => Val::Ref(Ref::Null(HeapType::Abs(ABS[(bits as usize).min(12)]))),
            FUNC => Val::Ref(Ref::Func(bits as u32)),
            EXTERN => Val::Ref(Ref::Extern(bits as u32)),
            HOST => Val::Ref(Ref::Host(bits as u32)),
            I31 => Val::Ref(Ref::I31(bits as u32)),
            STRUCT => Val::Ref(Ref::Struct(bits as u32)),
            ARRAY => Val::Ref(Ref::Array(bits as u32)),
            EXN => Val::Ref(Ref::Exn(bits as u32)),
            EXTERN_I31 => Val::Ref(Ref::ExternOf(Internal::I31(bits as u32))),
            EXTERN_STRUCT => Val::Ref(Ref::ExternOf(Internal::Struct(bits as u32))),
            _ => Val::Ref(Ref::ExternOf(Internal::Array(bits as u32))),
        }
    }
}
