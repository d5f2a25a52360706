//! The context `C` (spec 3.1, SpecTec `2.0-validation.contexts`): what the definitions of a
//! module tell the validation of its parts.

use super::canon::{DefType, Types};
use super::{Error, Result};
use crate::Spec;
use crate::rules::Rule;
use crate::syntax::{CompType, FieldType, FuncIdx, FuncType, GlobalType, MemType, RefType, SubType};
use crate::syntax::{TableType, TagType, TypeIdx, ValType};
use std::collections::BTreeSet;

/// `localtype ::= init valtype`: a local, and whether it is known to be `SET` (holds a value).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct LocalType {
    pub set: bool,
    pub t: ValType,
}

/// `C`, with the fields of the spec. `C.LABELS` is the control stack of the code being
/// checked (see [`super::instructions`]), since that is how the algorithm keeps it.
#[derive(Clone, Debug)]
pub struct Context<'m> {
    /// Which rules apply: a few premises and messages differ between 2.0 and 3.0.
    pub spec: Spec,
    /// `C.TYPES`: one entry per type index, the subtypes of all recursion groups in order.
    /// Their indices stay indices into `C.TYPES` rather than closed `deftype`s; `ids` says
    /// which denote one type.
    pub types: Vec<&'m SubType>,
    /// For each type index of a group defined so far, its canonical identity in `defs`:
    /// equivalent defined types are the same type (see [`super::matching::define_group`]).
    pub ids: Vec<DefType>,
    /// The canonical types of the module's groups.
    pub defs: Types,
    pub tags: Vec<TagType>,
    pub globals: Vec<GlobalType>,
    pub mems: Vec<MemType>,
    pub tables: Vec<TableType>,
    /// `C.FUNCS`: the type of each function, by its index into `C.TYPES`.
    pub funcs: Vec<TypeIdx>,
    /// `C.DATAS`: `OK` for each data segment, so just their number.
    pub datas: u64,
    pub elems: Vec<RefType>,
    /// `C.LOCALS`, as they are at the start of the code; it then tracks their `SET`ting.
    pub locals: Vec<LocalType>,
    /// `C.RETURN`.
    pub ret: Option<&'m [ValType]>,
    /// `C.REFS`: the functions that `ref.func` may name in code.
    pub refs: BTreeSet<FuncIdx>,
}

impl<'m> Context<'m> {
    pub fn new(spec: Spec) -> Context<'m> {
        Context {
            spec,
            types: Vec::new(),
            ids: Vec::new(),
            defs: Types::new(),
            tags: Vec::new(),
            globals: Vec::new(),
            mems: Vec::new(),
            tables: Vec::new(),
            funcs: Vec::new(),
            datas: 0,
            elems: Vec::new(),
            locals: Vec::new(),
            ret: None,
            refs: BTreeSet::new(),
        }
    }

    /// `C.TYPES[x]`.
    pub fn ty(&self, rule: Rule, x: TypeIdx) -> Result<&'m SubType> {
        lookup(rule, "type", &self.types, x).copied()
    }

    /// `Expand: C.TYPES[x] ~~ FUNC t_1* -> t_2*`.
    pub fn func_type(&self, rule: Rule, x: TypeIdx) -> Result<&'m FuncType> {
        match &self.ty(rule, x)?.comp {
            CompType::Func(ft) => Ok(ft),
            _ => Err(Error::new(rule, format!("non-function type {x}"))),
        }
    }

    /// `Expand: C.TYPES[x] ~~ STRUCT ft*`.
    pub fn struct_type(&self, rule: Rule, x: TypeIdx) -> Result<&'m [FieldType]> {
        match &self.ty(rule, x)?.comp {
            CompType::Struct(fts) => Ok(fts),
            _ => Err(Error::new(rule, format!("non-structure type {x}"))),
        }
    }

    /// `Expand: C.TYPES[x] ~~ ARRAY ft`.
    pub fn array_type(&self, rule: Rule, x: TypeIdx) -> Result<FieldType> {
        match &self.ty(rule, x)?.comp {
            CompType::Array(ft) => Ok(*ft),
            _ => Err(Error::new(rule, format!("non-array type {x}"))),
        }
    }

    /// `C.FUNCS[x]`, by the index of its type.
    pub fn func_idx(&self, rule: Rule, x: FuncIdx) -> Result<TypeIdx> {
        lookup(rule, "function", &self.funcs, x).copied()
    }

    /// `Expand: C.FUNCS[x] ~~ FUNC t_1* -> t_2*`.
    pub fn func(&self, rule: Rule, x: FuncIdx) -> Result<&'m FuncType> {
        self.func_type(rule, self.func_idx(rule, x)?)
    }

    pub fn tag(&self, rule: Rule, x: u32) -> Result<TagType> {
        lookup(rule, "tag", &self.tags, x).copied()
    }

    pub fn global(&self, rule: Rule, x: u32) -> Result<GlobalType> {
        lookup(rule, "global", &self.globals, x).copied()
    }

    pub fn mem(&self, rule: Rule, x: u32) -> Result<MemType> {
        lookup(rule, "memory", &self.mems, x).copied()
    }

    pub fn table(&self, rule: Rule, x: u32) -> Result<TableType> {
        lookup(rule, "table", &self.tables, x).copied()
    }

    pub fn elem(&self, rule: Rule, x: u32) -> Result<RefType> {
        lookup(rule, "elem segment", &self.elems, x).copied()
    }

    /// `C.DATAS[x] = OK`.
    pub fn data(&self, rule: Rule, x: u32) -> Result {
        match u64::from(x) < self.datas {
            true => Ok(()),
            false => Err(Error::new(rule, format!("unknown data segment {x}"))),
        }
    }

    pub fn local(&self, rule: Rule, x: u32) -> Result<LocalType> {
        lookup(rule, "local", &self.locals, x).copied()
    }
}

/// `C.FIELD[x]`, or `unknown FIELD x`: the reference interpreter's wording, which the
/// official suite expects.
fn lookup<'a, T>(rule: Rule, what: &str, list: &'a [T], x: u32) -> Result<&'a T> {
    usize::try_from(x)
        .ok()
        .and_then(|i| list.get(i))
        .ok_or_else(|| Error::new(rule, format!("unknown {what} {x}")))
}
