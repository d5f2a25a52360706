//! Types (spec 2.3, SpecTec `1.2-syntax.types`).

use super::TypeIdx;

/// `addrtype`: the type of memory and table addresses.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum AddrType {
    I32,
    I64,
}

/// `numtype`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum NumType {
    I32,
    I64,
    F32,
    F64,
}

/// `vectype`: only `v128`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum VecType {
    V128,
}

/// `packtype`: the storage-only integer types of fields and lanes.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum PackType {
    I8,
    I16,
}

/// `absheaptype`: the abstract heap types, syntax plus the semantic bottom.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum AbsHeapType {
    Any,
    Eq,
    I31,
    Struct,
    Array,
    None,
    Func,
    NoFunc,
    Exn,
    NoExn,
    Extern,
    NoExtern,
    /// `BOT`: only in validation, the type of an unreachable operand.
    Bot,
}

/// `heaptype ::= absheaptype | typeuse`. In the binary format a type use is always an index
/// into the module's type space (rec groups included), so that is all the syntax needs.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum HeapType {
    Abs(AbsHeapType),
    Idx(TypeIdx),
}

/// `reftype ::= REF null? heaptype`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct RefType {
    pub nullable: bool,
    pub heap: HeapType,
}

/// `valtype ::= numtype | vectype | reftype` (and `BOT` in validation).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ValType {
    I32,
    I64,
    F32,
    F64,
    V128,
    Ref(RefType),
    /// `BOT`: the type of an operand popped from an unreachable stack.
    Bot,
}

/// `resulttype ::= list(valtype)`.
pub type ResultType = Box<[ValType]>;

/// `storagetype ::= valtype | packtype`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum StorageType {
    Val(ValType),
    Pack(PackType),
}

/// `fieldtype ::= mut? storagetype`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldType {
    pub mutable: bool,
    pub storage: StorageType,
}

/// `FUNC resulttype -> resulttype`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct FuncType {
    pub params: ResultType,
    pub results: ResultType,
}

/// `comptype`: the composite types.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CompType {
    Struct(Box<[FieldType]>),
    Array(FieldType),
    Func(FuncType),
}

/// `subtype ::= SUB final? typeuse* comptype`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SubType {
    pub is_final: bool,
    pub supertypes: Box<[TypeIdx]>,
    pub comp: CompType,
}

/// `rectype ::= REC list(subtype)`: a recursion group. A plain type definition of the binary
/// format is a group of one final subtype without supertypes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RecType(pub Box<[SubType]>);

/// `limits ::= [u64 .. u64?]`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    pub min: u64,
    pub max: Option<u64>,
}

/// `tagtype ::= typeuse`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct TagType(pub TypeIdx);

/// `globaltype ::= mut? valtype`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct GlobalType {
    pub mutable: bool,
    pub val: ValType,
}

/// `memtype ::= addrtype limits PAGE`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct MemType {
    pub addr: AddrType,
    pub limits: Limits,
}

/// `tabletype ::= addrtype limits reftype`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct TableType {
    pub addr: AddrType,
    pub limits: Limits,
    pub elem: RefType,
}

/// `externtype`: what an import asks for. Functions name their type by index.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExternType {
    Func(TypeIdx),
    Table(TableType),
    Mem(MemType),
    Global(GlobalType),
    Tag(TagType),
}

/// The byte size of a memory page, 64 KiB.
pub const PAGE_SIZE: u64 = 65536;

impl NumType {
    /// `$size(numtype)` in bits.
    pub fn size(self) -> u32 {
        match self {
            NumType::I32 | NumType::F32 => 32,
            NumType::I64 | NumType::F64 => 64,
        }
    }

    pub fn is_int(self) -> bool {
        matches!(self, NumType::I32 | NumType::I64)
    }
}

impl PackType {
    /// `$psize(packtype)` in bits.
    pub fn size(self) -> u32 {
        match self {
            PackType::I8 => 8,
            PackType::I16 => 16,
        }
    }
}

impl AddrType {
    /// The value type of an address of this type.
    pub fn val(self) -> ValType {
        match self {
            AddrType::I32 => ValType::I32,
            AddrType::I64 => ValType::I64,
        }
    }
}

impl RefType {
    pub const FUNCREF: RefType = RefType::null(AbsHeapType::Func);
    pub const EXTERNREF: RefType = RefType::null(AbsHeapType::Extern);
    pub const EXNREF: RefType = RefType::null(AbsHeapType::Exn);

    /// `(REF NULL ht)` for an abstract `ht`.
    pub const fn null(ht: AbsHeapType) -> RefType {
        RefType { nullable: true, heap: HeapType::Abs(ht) }
    }
}

impl ValType {
    pub const FUNCREF: ValType = ValType::Ref(RefType::FUNCREF);
    pub const EXTERNREF: ValType = ValType::Ref(RefType::EXTERNREF);

    pub fn num(t: NumType) -> ValType {
        match t {
            NumType::I32 => ValType::I32,
            NumType::I64 => ValType::I64,
            NumType::F32 => ValType::F32,
            NumType::F64 => ValType::F64,
        }
    }

    pub fn as_num(self) -> Option<NumType> {
        match self {
            ValType::I32 => Some(NumType::I32),
            ValType::I64 => Some(NumType::I64),
            ValType::F32 => Some(NumType::F32),
            ValType::F64 => Some(NumType::F64),
            _ => None,
        }
    }

    pub fn is_ref(self) -> bool {
        matches!(self, ValType::Ref(_))
    }
}

impl StorageType {
    /// `$unpack(storagetype)`: packed types read as `i32`.
    pub fn unpack(self) -> ValType {
        match self {
            StorageType::Val(t) => t,
            StorageType::Pack(_) => ValType::I32,
        }
    }
}

impl FuncType {
    pub fn new(params: impl Into<ResultType>, results: impl Into<ResultType>) -> FuncType {
        FuncType { params: params.into(), results: results.into() }
    }
}

impl std::fmt::Display for NumType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NumType::I32 => "i32",
            NumType::I64 => "i64",
            NumType::F32 => "f32",
            NumType::F64 => "f64",
        })
    }
}

impl std::fmt::Display for AbsHeapType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AbsHeapType::Any => "any",
            AbsHeapType::Eq => "eq",
            AbsHeapType::I31 => "i31",
            AbsHeapType::Struct => "struct",
            AbsHeapType::Array => "array",
            AbsHeapType::None => "none",
            AbsHeapType::Func => "func",
            AbsHeapType::NoFunc => "nofunc",
            AbsHeapType::Exn => "exn",
            AbsHeapType::NoExn => "noexn",
            AbsHeapType::Extern => "extern",
            AbsHeapType::NoExtern => "noextern",
            AbsHeapType::Bot => "bot",
        })
    }
}

impl std::fmt::Display for HeapType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HeapType::Abs(a) => write!(f, "{a}"),
            HeapType::Idx(x) => write!(f, "{x}"),
        }
    }
}

impl std::fmt::Display for RefType {
    /// The text format's spelling: `funcref`, `(ref null 3)`, `(ref any)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.nullable, self.heap) {
            (true, HeapType::Abs(a)) if a != AbsHeapType::Bot => match a {
                AbsHeapType::None => f.write_str("nullref"),
                AbsHeapType::NoFunc => f.write_str("nullfuncref"),
                AbsHeapType::NoExn => f.write_str("nullexnref"),
                AbsHeapType::NoExtern => f.write_str("nullexternref"),
                a => write!(f, "{a}ref"),
            },
            (true, h) => write!(f, "(ref null {h})"),
            (false, h) => write!(f, "(ref {h})"),
        }
    }
}

impl std::fmt::Display for ValType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ValType::I32 => f.write_str("i32"),
            ValType::I64 => f.write_str("i64"),
            ValType::F32 => f.write_str("f32"),
            ValType::F64 => f.write_str("f64"),
            ValType::V128 => f.write_str("v128"),
            ValType::Ref(r) => write!(f, "{r}"),
            ValType::Bot => f.write_str("bot"),
        }
    }
}

impl std::fmt::Display for FuncType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |ts: &[ValType]| ts.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(" ");
        write!(f, "[{}] -> [{}]", list(&self.params), list(&self.results))
    }
}
