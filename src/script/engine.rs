//! The seam between the script runner (and the referee) and an engine: the embedding
//! interface of the spec's appendix (`module_instantiate`, `func_invoke`, `global_read`,
//! `func_alloc`, ...), over a store the engine owns.
//!
//! Decoding and validation are shared; an engine receives a validated module.

use crate::rules::Rule;
use crate::syntax::{
    AbsHeapType, FuncType, GlobalType, HeapType, MemType, Module, Num, TableType, V128,
};
use std::rc::Rc;

/// A value crossing the seam: `val ::= num | vec | ref`.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Value {
    Num(Num),
    Vec(V128),
    Ref(Ref),
}

/// A reference crossing the seam. Addresses are the engine's own.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Ref {
    /// `REF.NULL ht`
    Null(HeapType),
    /// `REF.FUNC_ADDR funcaddr`
    Func(u32),
    /// `REF.EXTERN (REF.HOST_ADDR n)`: the host reference a script writes `ref.extern n`.
    Extern(u32),
}

/// `externaddr`: an entity of the engine's store.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExternVal {
    Func(u32),
    Table(u32),
    Mem(u32),
    Global(u32),
    Tag(u32),
}

/// An instance of the engine's store.
pub type InstanceId = u32;

/// A host function: the spectest module's `print` functions, in scripts.
pub type HostFunc = Rc<dyn Fn(&[Value]) -> Result<Vec<Value>, Error>>;

/// Why an embedding call did not return normally.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// A trap, with the suite's message (`integer divide by zero`, `call stack exhausted`)
    /// and the rule that produced it. `fuel exhausted` is lockstep's own, and has no rule.
    Trap { message: String, rule: Option<Rule> },
    /// Instantiation refused the imports: `unknown import`, `incompatible import type`.
    Link { message: String, rule: Rule },
    /// The engine cannot run this module (`unsupported by the compiler: v128`): a skip.
    Unsupported(String),
}

/// An engine: the reference, the compiler, or the referee that drives both.
pub trait Engine {
    /// `ref`, `jit` or `lockstep`.
    fn name(&self) -> &'static str;

    /// `module_instantiate`: allocate and initialise an instance of a validated module with
    /// the given imports (already resolved by name), and run its start function.
    fn instantiate(&mut self, module: &Rc<Module>, imports: &[ExternVal]) -> Result<InstanceId, Error>;

    /// `instance_export`.
    fn export(&self, instance: InstanceId, name: &str) -> Option<ExternVal>;

    /// `func_invoke`.
    fn invoke(&mut self, func: u32, args: &[Value]) -> Result<Vec<Value>, Error>;

    /// `global_read`.
    fn global_read(&self, global: u32) -> Value;

    /// `func_alloc` of a host function.
    fn alloc_func(&mut self, ty: FuncType, code: HostFunc) -> ExternVal;

    /// `table_alloc`, every element `init`.
    fn alloc_table(&mut self, ty: TableType, init: Ref) -> ExternVal;

    /// `mem_alloc`.
    fn alloc_mem(&mut self, ty: MemType) -> ExternVal;

    /// `global_alloc`.
    fn alloc_global(&mut self, ty: GlobalType, value: Value) -> ExternVal;
}

impl Value {
    pub fn i32(i: i32) -> Value {
        Value::Num(Num::I32(i as u32))
    }
}

impl std::fmt::Display for Value {
    /// `i32:7`, `f32:nan`, `v128:i32x4:...`, `ref.null:func`, `ref.func:3`, `ref.extern:1`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Num(n) => write!(f, "{n}"),
            Value::Vec(v) => write!(f, "v128:{v}"),
            Value::Ref(Ref::Null(HeapType::Abs(a))) => write!(f, "ref.null:{a}"),
            Value::Ref(Ref::Null(HeapType::Idx(x))) => write!(f, "ref.null:{x}"),
            Value::Ref(Ref::Func(a)) => write!(f, "ref.func:{a}"),
            Value::Ref(Ref::Extern(n)) => write!(f, "ref.extern:{n}"),
        }
    }
}

impl Ref {
    /// A null reference of an abstract heap type.
    pub fn null_of(ht: AbsHeapType) -> Ref {
        Ref::Null(HeapType::Abs(ht))
    }

    /// The top of the reference's type hierarchy, when the reference says (func or extern).
    pub fn top(&self) -> Option<AbsHeapType> {
        match self {
            Ref::Null(HeapType::Abs(a)) => Some(top_of(*a)),
            Ref::Null(HeapType::Idx(_)) => None,
            Ref::Func(_) => Some(AbsHeapType::Func),
            Ref::Extern(_) => Some(AbsHeapType::Extern),
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
