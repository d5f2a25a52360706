//! Script values: the arguments a script passes and the results it expects.

use crate::runtime::{Ref, Val, top_of};
use crate::syntax::{AbsHeapType, F32, F64, HeapType, V128};
use wast::core::{AbstractHeapType, NanPattern, V128Pattern, WastArgCore, WastRetCore};

/// An argument as a value; `Err` is why it cannot be passed (a skip).
pub fn arg_value(arg: &wast::WastArg) -> Result<Val, String> {
    let wast::WastArg::Core(arg) = arg else {
        return Err("unsupported: component-model arguments".into());
    };
    Ok(match arg {
        WastArgCore::I32(i) => Val::I32(*i as u32),
        WastArgCore::I64(i) => Val::I64(*i as u64),
        WastArgCore::F32(z) => Val::F32(F32(z.bits)),
        WastArgCore::F64(z) => Val::F64(F64(z.bits)),
        WastArgCore::V128(v) => Val::V128(V128(v.to_le_bytes())),
        WastArgCore::RefNull(ht) => Val::Ref(Ref::Null(heap_type(ht)?)),
        WastArgCore::RefExtern(n) => Val::Ref(Ref::Extern(*n)),
        WastArgCore::RefHost(n) => Val::Ref(Ref::Host(*n)),
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
pub fn matches_result(value: &Val, expected: &WastRetCore) -> bool {
    match (expected, value) {
        (WastRetCore::I32(i), Val::I32(v)) => *i as u32 == *v,
        (WastRetCore::I64(i), Val::I64(v)) => *i as u64 == *v,
        (WastRetCore::F32(p), Val::F32(v)) => f32_matches(p, v.0),
        (WastRetCore::F64(p), Val::F64(v)) => f64_matches(p, v.0),
        (WastRetCore::V128(p), Val::V128(v)) => v128_matches(p, v.to_u128()),
        (WastRetCore::RefNull(ht), Val::Ref(Ref::Null(got))) => null_matches(ht.as_ref(), got),
        (WastRetCore::RefExtern(n), Val::Ref(Ref::Extern(m))) => n.is_none_or(|n| n == *m),
        (WastRetCore::RefExtern(None), Val::Ref(Ref::ExternOf(_))) => true,
        (WastRetCore::RefHost(n), Val::Ref(Ref::Host(m))) => n == m,
        (WastRetCore::RefFunc(_), Val::Ref(Ref::Func(_))) => true,
        (WastRetCore::RefAny, Val::Ref(Ref::Host(_) | Ref::I31(_) | Ref::Struct(_) | Ref::Array(_))) => true,
        (WastRetCore::RefEq, Val::Ref(Ref::I31(_) | Ref::Struct(_) | Ref::Array(_))) => true,
        (WastRetCore::RefI31, Val::Ref(Ref::I31(_))) => true,
        (WastRetCore::RefStruct, Val::Ref(Ref::Struct(_))) => true,
        (WastRetCore::RefArray, Val::Ref(Ref::Array(_))) => true,
        (WastRetCore::Either(cases), v) => cases.iter().any(|c| matches_result(v, c)),
        _ => false,
    }
}

/// `ref.null ht` expects a null of ht's hierarchy (any null, if the script says no type).
fn null_matches(expected: Option<&wast::core::HeapType>, got: &HeapType) -> bool {
    let Some(expected) = expected else {
        return true;
    };
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

/// An expected result, for failure messages, in the spelling of `Val`'s Display.
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
        WastRetCore::RefHost(n) => format!("ref.host:{n}"),
        WastRetCore::RefAny => "ref.any".into(),
        WastRetCore::RefEq => "ref.eq".into(),
        WastRetCore::RefI31 => "ref.i31".into(),
        WastRetCore::RefStruct => "ref.struct".into(),
        WastRetCore::RefArray => "ref.array".into(),
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
        V128Pattern::F32x4(ls) => {
            format!("f32x4:{}", join(ls, |p| show_nan(p, |z| format!("{:?}", F32(z.bits)))))
        }
        V128Pattern::F64x2(ls) => {
            format!("f64x2:{}", join(ls, |p| show_nan(p, |z| format!("{:?}", F64(z.bits)))))
        }
    }
}

/// A value as the command line writes it: `i32:7`, `i64:-1`, `f32:1.5`, `f64:0x1p-3`,
/// `f32:nan:0x200000`, `v128:i32x4:1,2,3,4`, `ref.null:func`, `ref.extern:3`, `ref.host:3`. Numbers use
/// the text format's syntax, read by the `wast` parser.
pub fn parse_val(s: &str) -> Result<Val, String> {
    let (ty, lit) = s.split_once(':').ok_or_else(|| format!("`{s}`: expected TYPE:VALUE, e.g. i32:7"))?;
    let text = match ty {
        "i32" | "i64" | "f32" | "f64" => format!("{ty}.const {lit}"),
        "v128" => {
            let (shape, lanes) =
                lit.split_once(':').ok_or_else(|| format!("`{s}`: expected v128:SHAPE:L1,L2,..."))?;
            format!("v128.const {shape} {}", lanes.replace(',', " "))
        }
        "ref.null" | "ref.extern" | "ref.host" => format!("{ty} {lit}"),
        _ => return Err(format!("`{s}`: unknown type `{ty}`")),
    };
    let buf = wast::parser::ParseBuffer::new(&text).map_err(|e| format!("`{s}`: {}", e.message()))?;
    let arg = wast::parser::parse::<wast::WastArg>(&buf).map_err(|e| format!("`{s}`: {}", e.message()))?;
    arg_value(&arg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_values() {
        assert_eq!(parse_val("i32:7"), Ok(Val::I32(7)));
        assert_eq!(parse_val("i64:-1"), Ok(Val::I64(u64::MAX)));
        assert_eq!(parse_val("f64:0x1p-3"), Ok(Val::F64(F64::from_float(0.125))));
        assert_eq!(parse_val("f32:nan:0x200000"), Ok(Val::F32(F32(0x7fa0_0000))));
        assert_eq!(parse_val("ref.null:func"), Ok(Val::Ref(Ref::null_of(AbsHeapType::Func))));
        assert_eq!(parse_val("ref.extern:3"), Ok(Val::Ref(Ref::Extern(3))));
        assert_eq!(parse_val("ref.host:4"), Ok(Val::Ref(Ref::Host(4))));
        let v = parse_val("v128:i32x4:1,2,3,4").unwrap();
        assert_eq!(v, Val::V128(V128::from_u128(1 | 2 << 32 | 3 << 64 | 4 << 96)));
        assert!(parse_val("i32").is_err());
        assert!(parse_val("i32:x").is_err());
        assert!(parse_val("u8:1").is_err());
    }
}
