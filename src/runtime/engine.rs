//! The seam between an engine and what drives it (the script runner, the referee, the
//! command line): the embedding interface of the spec's appendix (`module_instantiate`,
//! `func_invoke`, `global_read`, `func_alloc`, ...), over a store the engine owns.
//!
//! Decoding and validation are shared; an engine receives a validated module.

use crate::rules::Rule;
use crate::syntax::{FuncType, GlobalType, MemType, Module, TableType};
use std::rc::Rc;

use super::{ExternVal, Ref, Resource, Val};

/// An instance of the engine's store.
pub type InstanceId = u32;

/// A host function: the spectest module's `print` functions, in scripts.
pub type HostFunc = Rc<dyn Fn(&[Val]) -> Result<Vec<Val>, Error>>;

/// Why an embedding call did not return normally.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// A trap, with the suite's message (`integer divide by zero`) and the rule that
    /// produced it.
    Trap { message: String, rule: Option<Rule> },
    /// A resource ran out ([`Resource`]): the call stack (`call stack exhausted`, what
    /// `assert_exhaustion` expects), fuel, time, or the memory or table elements that
    /// instantiation asked for. `message` says what was asked.
    Exhausted { resource: Resource, message: String },
    /// An exception escaped the invocation (`assert_exception` expects one): what it
    /// carried, for messages.
    Exception(String),
    /// Instantiation refused the imports: `unknown import`, `incompatible import type`.
    Link { message: String, rule: Rule },
    /// The engine cannot run this module (`unsupported by the compiler: v128`): a skip.
    Unsupported(String),
    /// The referee's engines disagreed: what each observed. Always a failure.
    Divergence(String),
}

impl Error {
    /// `Exhausted` of `resource`, saying so and no more.
    pub fn exhausted(resource: Resource) -> Error {
        Error::Exhausted { resource, message: resource.message().into() }
    }
}

/// A module instance's addresses (`moduleinst`'s FUNCS, TABLES, MEMS, GLOBALS), imports
/// first, as the spec orders them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Addrs {
    pub funcs: Vec<u32>,
    pub tables: Vec<u32>,
    pub mems: Vec<u32>,
    pub globals: Vec<u32>,
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
    fn invoke(&mut self, func: u32, args: &[Val]) -> Result<Vec<Val>, Error>;

    /// `global_read`.
    fn global_read(&self, global: u32) -> Val;

    /// The addresses of an instance's entities (for the referee, which compares them all).
    fn instance_addrs(&self, instance: InstanceId) -> Addrs;

    /// How many functions the store holds (the next `funcaddr`).
    fn funcs_allocated(&self) -> u32;

    /// `mem_read` of every byte.
    fn mem_bytes(&self, mem: u32) -> &[u8];

    /// `table_read` of every element.
    fn table_refs(&self, table: u32) -> Vec<Ref>;

    /// `func_alloc` of a host function.
    fn alloc_func(&mut self, ty: FuncType, code: HostFunc) -> ExternVal;

    /// `table_alloc`, every element `init`; the store's limits may refuse.
    fn alloc_table(&mut self, ty: TableType, init: Ref) -> Result<ExternVal, Error>;

    /// `mem_alloc`; the store's limits, or the host, may refuse.
    fn alloc_mem(&mut self, ty: MemType) -> Result<ExternVal, Error>;

    /// `global_alloc`.
    fn alloc_global(&mut self, ty: GlobalType, value: Val) -> ExternVal;
}
