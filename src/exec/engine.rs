//! The reference as an engine behind the seam of `runtime::engine`.

use super::modules::{self, Failure};
use super::runtime::*;
use crate::rules;
use crate::runtime::{Addrs, Config, Engine, Error, ExternVal, HostFunc, InstanceId, Ref, Resource, Val};
use crate::syntax::{FuncType, GlobalType, MemType, Module, TableType};
use std::rc::Rc;

/// The reference interpreter, with its store.
#[derive(Default)]
pub struct Reference {
    pub store: Store,
    pub config: Config,
}

impl Reference {
    pub fn new(config: Config) -> Reference {
        Reference { store: Store::default(), config }
    }
}

/// A failed allocation: the resource, and what was asked.
fn exhausted(resource: Resource, what: String) -> Error {
    Error::Exhausted { resource, message: format!("{}: {what}", resource.message()) }
}

/// The seam's error for an outcome that is not values.
pub fn error(f: Failure) -> Error {
    match f {
        Failure::Link(message, rule) => Error::Link { message, rule },
        Failure::Trap(t) => Error::Trap { message: t.message, rule: Some(t.rule) },
        Failure::Exception(what) => Error::Exception(what),
        Failure::Limit(resource) => Error::exhausted(resource),
        Failure::Exhausted(resource, what) => exhausted(resource, what),
        Failure::Unsupported(reason) => Error::Unsupported(reason),
        Failure::Embed(message) => Error::Trap { message, rule: Some(rules::EMBED_FUNC_INVOKE) },
    }
}

impl Engine for Reference {
    fn name(&self) -> &'static str {
        "ref"
    }

    fn instantiate(&mut self, module: &Rc<Module>, imports: &[ExternVal]) -> Result<InstanceId, Error> {
        modules::instantiate(&mut self.store, self.config, module, imports).map_err(error)
    }

    fn export(&self, instance: InstanceId, name: &str) -> Option<ExternVal> {
        let inst = self.store.modules.get(instance as usize)?;
        inst.exports.iter().find(|(n, _)| n == name).map(|(_, e)| *e)
    }

    fn invoke(&mut self, func: u32, args: &[Val]) -> Result<Vec<Val>, Error> {
        modules::invoke(&mut self.store, self.config, func, args).map_err(error)
    }

    fn global_read(&self, global: u32) -> Val {
        self.store.globals[global as usize].value
    }

    fn instance_addrs(&self, instance: InstanceId) -> Addrs {
        let inst = &self.store.modules[instance as usize];
        Addrs {
            funcs: inst.funcs.clone(),
            tables: inst.tables.clone(),
            mems: inst.mems.clone(),
            globals: inst.globals.clone(),
        }
    }

    fn funcs_allocated(&self) -> u32 {
        self.store.funcs.len() as u32
    }

    fn mem_bytes(&self, mem: u32) -> &[u8] {
        &self.store.mems[mem as usize].bytes
    }

    fn table_refs(&self, table: u32) -> Vec<Ref> {
        self.store.tables[table as usize].refs.clone()
    }

    fn alloc_func(&mut self, ty: FuncType, code: HostFunc) -> ExternVal {
        let deftype = self.store.types.intern_func(&ty);
        self.store.funcs.push(FuncInst { deftype, ty: Rc::new(ty), code: FuncCode::Host(code) });
        ExternVal::Func(self.store.funcs.len() as u32 - 1)
    }

    fn alloc_table(&mut self, ty: TableType, init: Ref) -> Result<ExternVal, Error> {
        let table = TableInst::alloc(ty, init, &self.config, &mut self.store.usage)
            .map_err(|what| exhausted(Resource::Table, what))?;
        self.store.tables.push(table);
        Ok(ExternVal::Table(self.store.tables.len() as u32 - 1))
    }

    fn alloc_mem(&mut self, ty: MemType) -> Result<ExternVal, Error> {
        let mem = MemInst::alloc(ty, &self.config, &mut self.store.usage)
            .map_err(|what| exhausted(Resource::Memory, what))?;
        self.store.mems.push(mem);
        Ok(ExternVal::Mem(self.store.mems.len() as u32 - 1))
    }

    fn alloc_global(&mut self, ty: GlobalType, value: Val) -> ExternVal {
        self.store.globals.push(GlobalInst { ty, value });
        ExternVal::Global(self.store.globals.len() as u32 - 1)
    }
}
