//! Values (spec 4.2.1) and external values (4.2.4): what crosses the engine seam, and what
//! both engines hold in globals, tables and on their stacks.

use crate::syntax::{AbsHeapType, F32, F64, HeapType, Num, NumType, RefType, V128, ValType};

/// `val ::= num | vec | ref`, flat: a value carries its type, as `CONST t c` does.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Val {
    I32(u32),
    I64(u64),
    F32(F32),
    F64(F64),
    V128(V128),
    Ref(Ref),
}

/// `ref`: the references of Wasm 3.0. Addresses are the store's.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Ref {
    /// `REF.NULL ht`
    Null(HeapType),
    /// `REF.FUNC_ADDR funcaddr`
    Func(u32),
    /// `REF.EXTERN (REF.HOST_ADDR n)`: a host reference, `ref.extern n` in scripts.
    Extern(u32),
    /// `REF.HOST_ADDR n`: a host reference inside `any`, `ref.host n` in scripts.
    Host(u32),
    /// `REF.I31_NUM i`: the low 31 bits of `i`.
    I31(u32),
    /// `REF.STRUCT_ADDR structaddr`
    Struct(u32),
    /// `REF.ARRAY_ADDR arrayaddr`
    Array(u32),
    /// `REF.EXN_ADDR exnaddr`
    Exn(u32),
    /// `REF.EXTERN addrref` of an internal reference other than a host address (which is
    /// [`Ref::Extern`]): what `extern.convert_any` makes of an `i31`, struct or array.
    ExternOf(Internal),
}

/// The internal references `extern.convert_any` wraps, besides host addresses.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Internal {
    I31(u32),
    Struct(u32),
    Array(u32),
}

impl Val {
    /// `$default_(t)`: zero, or null; `None` for the non-defaultable types.
    pub fn default_of(t: ValType) -> Option<Val> {
        Some(match t {
            ValType::I32 => Val::I32(0),
            ValType::I64 => Val::I64(0),
            ValType::F32 => Val::F32(F32(0)),
            ValType::F64 => Val::F64(F64(0)),
            ValType::V128 => Val::V128(V128::default()),
            ValType::Ref(RefType { nullable: true, heap }) => Val::Ref(Ref::Null(heap)),
            ValType::Ref(_) | ValType::Bot => return None,
        })
    }

    pub fn num(n: Num) -> Val {
        match n {
            Num::I32(i) => Val::I32(i),
            Num::I64(i) => Val::I64(i),
            Num::F32(z) => Val::F32(z),
            Num::F64(z) => Val::F64(z),
        }
    }

    /// The number in this value, if it is one.
    pub fn as_num(self) -> Option<Num> {
        Some(match self {
            Val::I32(i) => Num::I32(i),
            Val::I64(i) => Num::I64(i),
            Val::F32(z) => Num::F32(z),
            Val::F64(z) => Num::F64(z),
            Val::V128(_) | Val::Ref(_) => return None,
        })
    }

    pub fn i32(i: i32) -> Val {
        Val::I32(i as u32)
    }

    /// The number type of a numeric value.
    pub fn num_type(self) -> Option<NumType> {
        self.as_num().map(Num::ty)
    }

    /// Does the value have type `t`? (`Val_ok` for the types of Wasm 2.0: a null's heap
    /// type must lie in `t`'s hierarchy, a function reference is a `funcref`, a host
    /// reference an `externref`.)
    pub fn has_type(self, t: ValType) -> bool {
        match (self, t) {
            (Val::I32(_), ValType::I32)
            | (Val::I64(_), ValType::I64)
            | (Val::F32(_), ValType::F32)
            | (Val::F64(_), ValType::F64)
            | (Val::V128(_), ValType::V128) => true,
            (Val::Ref(r), ValType::Ref(rt)) => r.has_type(rt),
            _ => false,
        }
    }
}

impl Ref {
    /// A null reference of an abstract heap type.
    pub fn null_of(ht: AbsHeapType) -> Ref {
        Ref::Null(HeapType::Abs(ht))
    }

    pub fn is_null(self) -> bool {
        matches!(self, Ref::Null(_))
    }

    /// The top of the reference's type hierarchy, where the reference says.
    pub fn top(self) -> Option<AbsHeapType> {
        match self {
            Ref::Null(HeapType::Abs(a)) => Some(top_of(a)),
            Ref::Null(HeapType::Idx(_)) => None,
            Ref::Func(_) => Some(AbsHeapType::Func),
            Ref::Extern(_) | Ref::ExternOf(_) => Some(AbsHeapType::Extern),
            Ref::Host(_) | Ref::I31(_) | Ref::Struct(_) | Ref::Array(_) => Some(AbsHeapType::Any),
            Ref::Exn(_) => Some(AbsHeapType::Exn),
        }
    }

    /// `Ref_ok` by the hierarchy alone (the types of Wasm 2.0 exactly). A defined type's kind
    /// is unknown here: a null, a function, structure or array passes, and the engine's own
    /// check over its types decides.
    pub fn has_type(self, rt: RefType) -> bool {
        let want = match rt.heap {
            HeapType::Abs(a) => top_of(a),
            HeapType::Idx(_) => {
                return match self {
                    Ref::Null(_) => rt.nullable,
                    r => matches!(r, Ref::Func(_) | Ref::Struct(_) | Ref::Array(_)),
                };
            }
        };
        match self {
            Ref::Null(_) => rt.nullable && self.top().is_none_or(|t| t == want),
            _ => self.top() == Some(want),
        }
    }
}

/// The top type of an abstract heap type's hierarchy.
pub fn top_of(a: AbsHeapType) -> AbsHeapType {
    use AbsHeapType::*;
    match a {
        Func | NoFunc => Func,
        Extern | NoExtern => Extern,
        Exn | NoExn => Exn,
        Any | Eq | I31 | Struct | Array | None => Any,
        Bot => Bot,
    }
}

impl std::fmt::Display for Val {
    /// `i32:7`, `f32:nan`, `v128:i32x4:...`, `ref.null:func`, `ref.func:3`, `ref.extern:1`:
    /// the spelling `lockstep run` reads and prints.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Val::I32(_) | Val::I64(_) | Val::F32(_) | Val::F64(_) => {
                write!(f, "{}", self.as_num().unwrap())
            }
            Val::V128(v) => write!(f, "v128:{v}"),
            Val::Ref(Ref::Null(ht)) => write!(f, "ref.null:{ht}"),
            Val::Ref(Ref::Func(a)) => write!(f, "ref.func:{a}"),
            Val::Ref(Ref::Extern(n)) => write!(f, "ref.extern:{n}"),
            Val::Ref(Ref::Host(n)) => write!(f, "ref.host:{n}"),
            Val::Ref(Ref::I31(i)) => write!(f, "ref.i31:{i}"),
            Val::Ref(Ref::Struct(a)) => write!(f, "ref.struct:{a}"),
            Val::Ref(Ref::Array(a)) => write!(f, "ref.array:{a}"),
            Val::Ref(Ref::Exn(a)) => write!(f, "ref.exn:{a}"),
            Val::Ref(Ref::ExternOf(r)) => match r {
                Internal::I31(i) => write!(f, "ref.extern:(ref.i31:{i})"),
                Internal::Struct(a) => write!(f, "ref.extern:(ref.struct:{a})"),
                Internal::Array(a) => write!(f, "ref.extern:(ref.array:{a})"),
            },
        }
    }
}

/// An address into a store's list of instances of one kind.
pub type Addr = u32;

/// `externaddr`: an address of a function, table, memory, global or tag.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExternVal {
    Func(Addr),
    Table(Addr),
    Mem(Addr),
    Global(Addr),
    Tag(Addr),
}
