//! Script values: the arguments a script passes and the results it expects.

use super::engine::{Ref, Value, top_of};
use crate::syntax::{AbsHeapType, F32, F64, HeapType, Num, V128};
use wast::core::{AbstractHeapType, NanPattern, V128Pattern, WastArgCore, WastRetCore};

/// An argument as a value; `Err` is why it cannot be passed (a skip).
pub fn arg_value(arg: &wast::WastArg) -> Result<Value, String> {
    let wast::WastArg::Core(arg) = arg else { return Err("unsupported: component-model arguments".into()) };
    Ok(match arg {
        WastArgCore::I32(i) => Value::Num(Num::I32(*i as u32)),
        WastArgCore::I64(i) => Value::Num(Num::I64(*i as u64)),
        WastArgCore::F32(z) => Value::Num(Num::F32(F32(z.bits))),
        WastArgCore::F64(z) => Value::Num(Num::F64(F64(z.bits))),
        WastArgCore::V128(v) => Value::Vec(V128(v.to_le_bytes())),
        WastArgCore::RefNull(ht) => Value::Ref(Ref::Null(heap_type(ht)?)),
        WastArgCore::RefExtern(n) => Value::Ref(Ref::Extern(*n)),
        WastArgCore::RefHost(_) => return Err("unsupported: ref.host arguments".into()),
    })
}

fn heap_type(ht: &wast::core::HeapType) -> Result<HeapType, String> {
    match ht {
        wast::core::HeapType::Abstract { shared: false, ty } => Ok(HeapType::Abs(abs_heap_type(*ty)?)),
        _ => Err(format!("unsupported: heap type {ht:?} in a script")),
    }
}

fn abs_heap_type(ty: AbstractHeapType) -> Result<AbsHeapType, String> {
    use AbstractHeapType as W;
    Ok(match ty {
        W::Func => AbsHeapType::Func,
        W::Extern => AbsHeapType::Extern,
        W::Exn => AbsHeapType::Exn,
        W::Any => AbsHeapType::Any,
        W::Eq => AbsHeapType::Eq,
        W::Struct => AbsHeapType::Struct,
        W::Array => AbsHeapType::Array,
        W::I31 => AbsHeapType::I31,
        W::NoFunc => AbsHeapType::NoFunc,
        W::NoExtern => AbsHeapType::NoExtern,
        W::None => AbsHeapType::None,
        W::NoExn => AbsHeapType::NoExn,
        W::Cont | W::NoCont => return Err("unsupported: continuation types".into()),
    })
}

/// Does a result match what the script expects? NaN patterns accept any NaN of their
/// class (`nan:canonical`: the canonical payload, either sign; `nan:arithmetic`: the quiet
/// bit set); `either` accepts any of its alternatives.
pub fn matches_result(value: &Value, expected: &WastRetCore) -> bool {
    match (expected, value) {
        (WastRetCore::I32(i), Value::Num(Num::I32(v))) => *i as u32 == *v,
        (WastRetCore::I64(i), Value::Num(Num::I64(v))) => *i as u64 == *v,
        (WastRetCore::F32(p), Value::Num(Num::F32(v))) => f32_matches(p, v.0),
        (WastRetCore::F64(p), Value::Num(Num::F64(v))) => f64_matches(p, v.0),
        (WastRetCore::V128(p), Value::Vec(v)) => v128_matches(p, v.to_u128()),
        (WastRetCore::RefNull(ht), Value::Ref(Ref::Null(got))) => null_matches(ht.as_ref(), got),
        (WastRetCore::RefExtern(n), Value::Ref(Ref::Extern(m))) => n.is_none_or(|n| n == *m),
        (WastRetCore::RefFunc(_), Value::Ref(Ref::Func(_))) => true,
        (WastRetCore::Either(cases), v) => cases.iter().any(|c| matches_result(v, c)),
        _ => false,
    }
}

/// `ref.null ht` expects a null of ht's hierarchy (any null, if the script says no type).
fn null_matches(expected: Option<&wast::core::HeapType>, got: &HeapType) -> bool {
    let Some(expected) = expected else { return true };
    match (heap_type(expected), got) {
        (Ok(HeapType::Abs(e)), HeapType::Abs(g)) => top_of(e) == top_of(*g),
        _ => false,
    }
}

const F32_CANONICAL: u32 = 0x7fc0_0000;
const F64_CANONICAL: u64 = 0x7ff8_0000_0000_0000;

fn f32_matches(p: &NanPattern<wast::token::F32>, bits: u32) -> bool {
    let abs = bits & 0x7fff_ffff;
    match p {
        NanPattern::CanonicalNan => abs == F32_CANONICAL,
        NanPattern::ArithmeticNan => abs & F32_CANONICAL == F32_CANONICAL,
        NanPattern::Value(z) => z.bits == bits,
    }
}

fn f64_matches(p: &NanPattern<wast::token::F64>, bits: u64) -> bool {
    let abs = bits & 0x7fff_ffff_ffff_ffff;
    match p {
        NanPattern::CanonicalNan => abs == F64_CANONICAL,
        NanPattern::ArithmeticNan => abs & F64_CANONICAL == F64_CANONICAL,
        NanPattern::Value(z) => z.bits == bits,
    }
}

/// Lane by lane, each lane read at the pattern's width.
fn v128_matches(p: &V128Pattern, v: u128) -> bool {
    let lane = |i: usize, bits: u32| (v >> (i as u32 * bits)) & ((1u128 << bits) - 1);
    match p {
        V128Pattern::I8x16(ls) => ls.iter().enumerate().all(|(i, l)| lane(i, 8) == *l as u8 as u128),
        V128Pattern::I16x8(ls) => ls.iter().enumerate().all(|(i, l)| lane(i, 16) == *l as u16 as u128),
        V128Pattern::I32x4(ls) => ls.iter().enumerate().all(|(i, l)| lane(i, 32) == *l as u32 as u128),
        V128Pattern::I64x2(ls) => ls.iter().enumerate().all(|(i, l)| lane(i, 64) == *l as u64 as u128),
        V128Pattern::F32x4(ls) => ls.iter().enumerate().all(|(i, p)| f32_matches(p, lane(i, 32) as u32)),
        V128Pattern::F64x2(ls) => ls.iter().enumerate().all(|(i, p)| f64_matches(p, lane(i, 64) as u64)),
    }
}

/// An expected result, for failure messages, in the spelling of `Value`'s Display.
pub fn show_result(r: &WastRetCore) -> String {
    match r {
        WastRetCore::I32(i) => format!("i32:{i}"),
        WastRetCore::I64(i) => format!("i64:{i}"),
        WastRetCore::F32(p) => format!("f32:{}", show_nan(p, |z| format!("{:?}", F32(z.bits)))),
        WastRetCore::F64(p) => format!("f64:{}", show_nan(p, |z| format!("{:?}", F64(z.bits)))),
        WastRetCore::V128(p) => format!("v128:{}", show_v128(p)),
        WastRetCore::RefNull(Some(ht)) => match heap_type(ht) {
            Ok(ht) => format!("ref.null:{ht}"),
            Err(_) => "ref.null".into(),
        },
        WastRetCore::RefNull(None) => "ref.null".into(),
        WastRetCore::RefExtern(Some(n)) => format!("ref.extern:{n}"),
        WastRetCore::RefExtern(None) => "ref.extern".into(),
        WastRetCore::RefFunc(_) => "ref.func".into(),
        WastRetCore::Either(cases) => {
            format!("(either {})", cases.iter().map(show_result).collect::<Vec<_>>().join(" "))
        }
        other => format!("{other:?}"),
    }
}

fn show_nan<T>(p: &NanPattern<T>, value: impl Fn(&T) -> String) -> String {
    match p {
        NanPattern::CanonicalNan => "nan:canonical".into(),
        NanPattern::ArithmeticNan => "nan:arithmetic".into(),
        NanPattern::Value(z) => value(z),
    }
}

fn show_v128(p: &V128Pattern) -> String {
    fn join<T>(ls: &[T], f: impl Fn(&T) -> String) -> String {
        ls.iter().map(f).collect::<Vec<_>>().join(",")
    }
    match p {
        V128Pattern::I8x16(ls) => format!("i8x16:{}", join(ls, |l| l.to_string())),
        V128Pattern::I16x8(ls) => format!("i16x8:{}", join(ls, |l| l.to_string())),
        V128Pattern::I32x4(ls) => format!("i32x4:{}", join(ls, |l| l.to_string())),
        V128Pattern::I64x2(ls) => format!("i64x2:{}", join(ls, |l| l.to_string())),
        V128Pattern::F32x4(ls) => format!("f32x4:{}", join(ls, |p| show_nan(p, |z| format!("{:?}", F32(z.bits))))),
        V128Pattern::F64x2(ls) => format!("f64x2:{}", join(ls, |p| show_nan(p, |z| format!("{:?}", F64(z.bits))))),
    }
}
