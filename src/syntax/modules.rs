//! Modules (spec 2.5, SpecTec `1.4-syntax.modules`).

use super::instructions::Expr;
use super::types::{ExternType, GlobalType, MemType, RecType, RefType, TableType, TagType, ValType};
use super::{FuncIdx, MemIdx, SharedBytes, TableIdx, TypeIdx};
use std::collections::BTreeMap;

/// `module`: the fields in the spec's order, plus what the binary format adds beside them
/// (custom sections and the names of the name section).
#[derive(Clone, Debug, Default)]
pub struct Module {
    pub types: Vec<RecType>,
    pub imports: Vec<Import>,
    pub tags: Vec<Tag>,
    pub globals: Vec<Global>,
    pub mems: Vec<Mem>,
    pub tables: Vec<Table>,
    pub funcs: Vec<Func>,
    pub datas: Vec<Data>,
    pub elems: Vec<Elem>,
    pub start: Option<Start>,
    pub exports: Vec<Export>,
    pub customs: Vec<Custom>,
    pub names: Names,
}

/// Where the bodies of a module's functions come from: the module itself, or the code
/// section of its binary, each body decoded when asked for (`binary::Code`), so that a
/// compiler need not hold them all at once.
pub trait Bodies: Sync {
    /// The body of defined function `i`, decoded into `scratch` where it is not at hand;
    /// `None` if it cannot be given: it does not decode, or, where bodies are validated as
    /// they are given (`crate::front`), it is invalid.
    fn body<'s>(&'s self, i: usize, scratch: &'s mut Expr) -> Option<&'s Expr>;

    /// The bytes of defined function `i`'s expression in the binary, `end` included: the
    /// weight of the body when code is cut into pieces.
    fn size(&self, i: usize) -> usize;

    /// The first `n` bodies cut into at most `parts` runs of consecutive bodies of about
    /// equal [`size`](Bodies::size), a run to a thread; none when `n` is 0.
    fn runs(&self, n: usize, parts: usize) -> Vec<std::ops::Range<usize>> {
        let total: usize = (0..n).map(|i| self.size(i)).sum();
        let share = total.div_ceil(parts.max(1)).max(1);
        let (mut runs, mut first, mut size) = (Vec::new(), 0, 0);
        for i in 0..n {
            size += self.size(i);
            if size >= share || i + 1 == n {
                runs.push(first..i + 1);
                (first, size) = (i + 1, 0);
            }
        }
        runs
    }
}

impl Bodies for Module {
    fn body<'s>(&'s self, i: usize, _: &'s mut Expr) -> Option<&'s Expr> {
        self.funcs.get(i).map(|f| &f.body)
    }

    /// The span of the offsets: an expression ends at its `end`, one byte.
    fn size(&self, i: usize) -> usize {
        let offsets = &self.funcs[i].body.offsets;
        match (offsets.first(), offsets.last()) {
            (Some(&first), Some(&last)) => last.saturating_sub(first) as usize + 1,
            _ => 0,
        }
    }
}

/// `tag ::= TAG tagtype`.
#[derive(Clone, Debug)]
pub struct Tag {
    pub ty: TagType,
}

/// `global ::= GLOBAL globaltype expr`.
#[derive(Clone, Debug)]
pub struct Global {
    pub ty: GlobalType,
    pub init: Expr,
}

/// `mem ::= MEMORY memtype`.
#[derive(Clone, Debug)]
pub struct Mem {
    pub ty: MemType,
}

/// `table ::= TABLE tabletype expr`: the expression gives every initial element.
#[derive(Clone, Debug)]
pub struct Table {
    pub ty: TableType,
    pub init: Expr,
}

/// `func ::= FUNC typeidx local* expr`; `locals` is `local*`, one type per local.
#[derive(Clone, Debug)]
pub struct Func {
    pub ty: TypeIdx,
    pub locals: Vec<ValType>,
    pub body: Expr,
}

/// `data ::= DATA byte* datamode`.
#[derive(Clone, Debug)]
pub struct Data {
    pub init: SharedBytes,
    pub mode: DataMode,
}

/// `datamode ::= ACTIVE memidx expr | PASSIVE`.
#[derive(Clone, Debug)]
pub enum DataMode {
    Active(MemIdx, Expr),
    Passive,
}

/// `elem ::= ELEM reftype expr* elemmode`.
#[derive(Clone, Debug)]
pub struct Elem {
    pub ty: RefType,
    pub init: Vec<Expr>,
    pub mode: ElemMode,
}

/// `elemmode ::= ACTIVE tableidx expr | PASSIVE | DECLARE`.
#[derive(Clone, Debug)]
pub enum ElemMode {
    Active(TableIdx, Expr),
    Passive,
    Declare,
}

/// `start ::= START funcidx`.
#[derive(Copy, Clone, Debug)]
pub struct Start {
    pub func: FuncIdx,
}

/// `import ::= IMPORT name name externtype`.
#[derive(Clone, Debug)]
pub struct Import {
    pub module: String,
    pub name: String,
    pub desc: ExternType,
}

/// `export ::= EXPORT name externidx`.
#[derive(Clone, Debug)]
pub struct Export {
    pub name: String,
    pub desc: ExternIdx,
}

/// `externidx`: what an export names.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExternIdx {
    Func(u32),
    Table(u32),
    Mem(u32),
    Global(u32),
    Tag(u32),
}

/// A custom section (binary format 5.5.3): kept as it was, with the id of the section it
/// followed (0 when it came first).
#[derive(Clone, Debug)]
pub struct Custom {
    pub name: String,
    pub bytes: Box<[u8]>,
    pub after: u8,
}

/// The name section (appendix 7.4), as far as traces use it.
#[derive(Clone, Debug, Default)]
pub struct Names {
    pub module: Option<String>,
    pub funcs: BTreeMap<FuncIdx, String>,
    pub locals: BTreeMap<FuncIdx, BTreeMap<u32, String>>,
}

impl Module {
    /// The imports of each kind, in order, as the index spaces count them first.
    pub fn imported_funcs(&self) -> impl Iterator<Item = TypeIdx> + '_ {
        self.imports.iter().filter_map(|i| match i.desc {
            ExternType::Func(x) => Some(x),
            _ => None,
        })
    }

    pub fn imported_tables(&self) -> impl Iterator<Item = TableType> + '_ {
        self.imports.iter().filter_map(|i| match i.desc {
            ExternType::Table(t) => Some(t),
            _ => None,
        })
    }

    pub fn imported_mems(&self) -> impl Iterator<Item = MemType> + '_ {
        self.imports.iter().filter_map(|i| match i.desc {
            ExternType::Mem(t) => Some(t),
            _ => None,
        })
    }

    pub fn imported_globals(&self) -> impl Iterator<Item = GlobalType> + '_ {
        self.imports.iter().filter_map(|i| match i.desc {
            ExternType::Global(t) => Some(t),
            _ => None,
        })
    }

    pub fn imported_tags(&self) -> impl Iterator<Item = TagType> + '_ {
        self.imports.iter().filter_map(|i| match i.desc {
            ExternType::Tag(t) => Some(t),
            _ => None,
        })
    }

    /// The function's name from the name section, for traces.
    pub fn func_name(&self, idx: FuncIdx) -> Option<&str> {
        self.names.funcs.get(&idx).map(String::as_str)
    }
}
