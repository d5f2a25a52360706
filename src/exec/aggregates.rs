//! Aggregate instructions (spec 4.4.6 *Aggregate reference instructions*, SpecTec
//! `Step*/struct.*`, `Step*/array.*`): structures and arrays in the store, their packed
//! fields (`$packfield_`, `$unpackfield_`), and the bulk array operations one element a
//! step, as the table and memory ones are.

use super::code::Op;
use super::machine::{Admin, Halt, Limit, Machine, Step};
use super::runtime::{ArrayInst, StructInst};
use crate::rules::{self, Rule};
use crate::runtime::{Ref, Val};
use crate::syntax::{AbsHeapType, CompType, FieldType, HeapType, PackType, StorageType, Sx, ValType};
use crate::valid::canon::{DefType, Types};

/// `$packfield_(zt, val)`: a packed field keeps the low bits of its `i32`.
pub fn pack(zt: StorageType, v: Val) -> Val {
    match (zt, v) {
        (StorageType::Pack(PackType::I8), Val::I32(c)) => Val::I32(c & 0xff),
        (StorageType::Pack(PackType::I16), Val::I32(c)) => Val::I32(c & 0xffff),
        (_, v) => v,
    }
}

/// `$unpackfield_(zt, sx?, fieldval)`: a packed field extended to an `i32` by `sx`.
pub fn unpack(zt: StorageType, sx: Option<Sx>, v: Val) -> Val {
    let bits = match zt {
        StorageType::Pack(PackType::I8) => 8,
        StorageType::Pack(PackType::I16) => 16,
        StorageType::Val(_) => return v,
    };
    match (v, sx) {
        (Val::I32(c), Some(Sx::S)) => Val::I32((((c << (32 - bits)) as i32) >> (32 - bits)) as u32),
        (v, _) => v,
    }
}

/// `$zsize(zt)` in bytes: what one element of an array takes of a data segment.
fn zbytes(zt: StorageType) -> usize {
    match zt {
        StorageType::Pack(PackType::I8) => 1,
        StorageType::Pack(PackType::I16) => 2,
        StorageType::Val(ValType::I32 | ValType::F32) => 4,
        StorageType::Val(ValType::V128) => 16,
        StorageType::Val(_) => 8,
    }
}

/// `$cunpacknum_(zt, c)` of the little-endian bytes `b`: the value an element reads from a
/// data segment (validation allows numeric and vector element types only).
fn from_bytes(zt: StorageType, b: &[u8]) -> Val {
    let mut word = [0u8; 16];
    word[..b.len()].copy_from_slice(b);
    let w = u128::from_le_bytes(word);
    match zt {
        StorageType::Pack(_) | StorageType::Val(ValType::I32) => Val::I32(w as u32),
        StorageType::Val(ValType::I64) => Val::I64(w as u64),
        StorageType::Val(ValType::F32) => Val::F32(crate::syntax::F32(w as u32)),
        StorageType::Val(ValType::F64) => Val::F64(crate::syntax::F64(w as u64)),
        _ => Val::V128(crate::syntax::V128::from_u128(w)),
    }
}

/// `$default_($unpack(zt))` of a closed storage type: zero, or a null shown with the
/// abstract type of its hierarchy (validation makes every field of `*.new_default`
/// defaultable).
pub fn field_default(types: &Types, zt: StorageType) -> Val {
    match zt {
        StorageType::Pack(_) => Val::I32(0),
        StorageType::Val(ValType::Ref(rt)) => Val::Ref(null_of(types, rt.heap)),
        StorageType::Val(t) => Val::default_of(t).unwrap_or(Val::I32(0)),
    }
}

/// A null of a closed heap type, shown with an abstract type (as nulls are at run time).
pub fn null_of(types: &Types, ht: HeapType) -> Ref {
    match ht {
        HeapType::Idx(x) if types.contains(DefType(x)) => Ref::null_of(types.kind(DefType(x))),
        HeapType::Idx(_) => Ref::null_of(AbsHeapType::Any),
        ht => Ref::Null(ht),
    }
}

impl<const TRACE: bool> Machine<'_, TRACE> {
    fn deftype(&self, y: u32) -> DefType {
        self.inst().deftypes[y as usize]
    }

    /// The field types of structure type `y` of the current module.
    fn struct_fields(&self, y: u32) -> &[FieldType] {
        match self.store.types.expand(self.deftype(y)) {
            CompType::Struct(fts) => fts,
            _ => &[],
        }
    }

    /// The element type of array type `y` of the current module.
    fn array_field(&self, y: u32) -> StorageType {
        match self.store.types.expand(self.deftype(y)) {
            CompType::Array(ft) => ft.storage,
            _ => StorageType::Pack(PackType::I8),
        }
    }

    /// Count `n` fields against `--max-heap-fields`, collecting first when a collection is
    /// due, or when the limit would be passed; past it even then, the run stops. `extra` is
    /// a value the allocating rule holds.
    fn take_fields(&mut self, n: u64, extra: Option<Val>) -> Result<(), Halt> {
        let config = self.config;
        self.collect(extra, false);
        if self.store.usage.take_fields(&config, n) {
            return Ok(());
        }
        self.collect(extra, true);
        if self.store.usage.take_fields(&config, n) { Ok(()) } else { Err(Halt::Limit(Limit::Heap)) }
    }

    /// `Step/struct.new`: `val^n (STRUCT.NEW x)` allocates a structure of the fields packed.
    pub(super) fn struct_new(&mut self, y: u32) -> Step {
        let n = self.struct_fields(y).len();
        self.take_fields(n as u64, None)?;
        let at = self.vals.len() - n;
        let fields: Box<[Val]> =
            (0..n).map(|i| pack(self.struct_fields(y)[i].storage, self.vals[at + i].val())).collect();
        self.vals.truncate(at);
        if TRACE {
            self.low = self.low.min(at);
        }
        let a = self.store.alloc_struct(StructInst { ty: self.deftype(y), fields });
        self.push(Val::Ref(Ref::Struct(a)));
        Ok(rules::STEP__STRUCT_NEW)
    }

    /// `Step_read/struct.new_default`: `(STRUCT.NEW_DEFAULT x) ~> val* (STRUCT.NEW x)`, each
    /// field's default.
    pub(super) fn struct_new_default(&mut self, y: u32) -> Rule {
        let defaults: Vec<Val> =
            self.struct_fields(y).iter().map(|ft| field_default(&self.store.types, ft.storage)).collect();
        self.admin.push(Admin::Op(Op::StructNew(y)));
        for v in defaults.into_iter().rev() {
            self.admin.push(Admin::Val(v));
        }
        rules::STEP_READ__STRUCT_NEW_DEFAULT
    }

    /// `Step_read/struct.get-null`, `Step_read/struct.get-struct`.
    pub(super) fn struct_get(&mut self, sx: Option<Sx>, y: u32, i: u32) -> Rule {
        match self.pop_ref() {
            Ref::Struct(a) => {
                let zt = self.struct_fields(y)[i as usize].storage;
                let v = unpack(zt, sx, self.store.structs[a as usize].fields[i as usize]);
                self.push(v);
                rules::STEP_READ__STRUCT_GET_STRUCT
            }
            _ => self.trap("null structure reference", rules::STEP_READ__STRUCT_GET_NULL),
        }
    }

    /// `Step/struct.set-null`, `Step/struct.set-struct`.
    pub(super) fn struct_set(&mut self, y: u32, i: u32) -> Rule {
        let v = self.pop();
        match self.pop_ref() {
            Ref::Struct(a) => {
                let zt = self.struct_fields(y)[i as usize].storage;
                self.store.structs[a as usize].fields[i as usize] = pack(zt, v);
                rules::STEP__STRUCT_SET_STRUCT
            }
            _ => self.trap("null structure reference", rules::STEP__STRUCT_SET_NULL),
        }
    }

    /// `Step_pure/array.new`: `val (CONST I32 n) (ARRAY.NEW x) ~> val^n (ARRAY.NEW_FIXED x n)`;
    /// the `n` values are kept as one, so that a large array never passes through the
    /// operand stack.
    pub(super) fn array_new(&mut self, y: u32) -> Rule {
        let n = self.pop_i32();
        let v = self.pop();
        self.admin.push(Admin::ArrayNewFixed { ty: y, len: n, fill: Some(v) });
        rules::STEP_PURE__ARRAY_NEW
    }

    /// `Step_read/array.new_default`: `(CONST I32 n) (ARRAY.NEW_DEFAULT x) ~> val^n
    /// (ARRAY.NEW_FIXED x n)`, `val` the element's default.
    pub(super) fn array_new_default(&mut self, y: u32) -> Rule {
        let n = self.pop_i32();
        let v = field_default(&self.store.types, self.array_field(y));
        self.admin.push(Admin::ArrayNewFixed { ty: y, len: n, fill: Some(v) });
        rules::STEP_READ__ARRAY_NEW_DEFAULT
    }

    /// `Step/array.new_fixed`: `val^n (ARRAY.NEW_FIXED x n)` allocates an array of the values
    /// packed; `fill` is the value `array.new` repeats `n` times.
    pub(super) fn array_new_fixed(&mut self, y: u32, n: u32, fill: Option<Val>) -> Step {
        self.take_fields(n as u64, fill)?;
        let zt = self.array_field(y);
        let fields: Vec<Val> = match fill {
            Some(v) => {
                let mut fields = Vec::new();
                if fields.try_reserve_exact(n as usize).is_err() {
                    return Err(Halt::Limit(Limit::Heap));
                }
                fields.resize(n as usize, pack(zt, v));
                fields
            }
            None => {
                let at = self.vals.len() - n as usize;
                let fields = self.vals[at..].iter().map(|s| pack(zt, s.val())).collect();
                self.vals.truncate(at);
                if TRACE {
                    self.low = self.low.min(at);
                }
                fields
            }
        };
        let a = self.store.alloc_array(ArrayInst { ty: self.deftype(y), fields });
        self.push(Val::Ref(Ref::Array(a)));
        Ok(rules::STEP__ARRAY_NEW_FIXED)
    }

    /// `Step_read/array.new_data-oob`, `Step_read/array.new_data-num`: the elements read
    /// from the data segment, then `ARRAY.NEW_FIXED`.
    pub(super) fn array_new_data(&mut self, y: u32, d: u32) -> Step {
        let n = self.pop_i32();
        let s = self.pop_i32();
        let zt = self.array_field(y);
        let z = zbytes(zt);
        let da = self.inst().datas[d as usize];
        let len = self.store.datas[da as usize].bytes.len();
        if s as u128 + n as u128 * z as u128 > len as u128 {
            return Ok(self.trap("out of bounds memory access", rules::STEP_READ__ARRAY_NEW_DATA_OOB));
        }
        let bytes = &self.store.datas[da as usize].bytes[s as usize..s as usize + n as usize * z];
        let vals: Vec<Val> = bytes.chunks(z).map(|b| from_bytes(zt, b)).collect();
        for v in vals {
            self.push(v);
        }
        self.admin.push(Admin::ArrayNewFixed { ty: y, len: n, fill: None });
        Ok(rules::STEP_READ__ARRAY_NEW_DATA_NUM)
    }

    /// `Step_read/array.new_elem-oob`, `Step_read/array.new_elem-alloc`: the segment's
    /// references, then `ARRAY.NEW_FIXED`.
    pub(super) fn array_new_elem(&mut self, y: u32, e: u32) -> Rule {
        let n = self.pop_i32();
        let s = self.pop_i32();
        let ea = self.inst().elems[e as usize];
        let refs = &self.store.elems[ea as usize].refs;
        if s as u64 + n as u64 > refs.len() as u64 {
            return self.trap("out of bounds table access", rules::STEP_READ__ARRAY_NEW_ELEM_OOB);
        }
        let picked: Vec<Ref> = refs[s as usize..(s + n) as usize].to_vec();
        for r in picked {
            self.push(Val::Ref(r));
        }
        self.admin.push(Admin::ArrayNewFixed { ty: y, len: n, fill: None });
        rules::STEP_READ__ARRAY_NEW_ELEM_ALLOC
    }

    /// The array behind a reference, or `None` for a null.
    fn array_of(r: Ref) -> Option<u32> {
        match r {
            Ref::Array(a) => Some(a),
            _ => None,
        }
    }

    /// `Step_read/array.get-null`, `-oob`, `-array`.
    pub(super) fn array_get(&mut self, sx: Option<Sx>, y: u32) -> Rule {
        let i = self.pop_i32();
        let Some(a) = Self::array_of(self.pop_ref()) else {
            return self.trap("null array reference", rules::STEP_READ__ARRAY_GET_NULL);
        };
        let Some(&v) = self.store.arrays[a as usize].fields.get(i as usize) else {
            return self.trap("out of bounds array access", rules::STEP_READ__ARRAY_GET_OOB);
        };
        let v = unpack(self.array_field(y), sx, v);
        self.push(v);
        rules::STEP_READ__ARRAY_GET_ARRAY
    }

    /// `Step/array.set-null`, `-oob`, `-array`.
    pub(super) fn array_set(&mut self, y: u32) -> Rule {
        let v = self.pop();
        let i = self.pop_i32();
        let Some(a) = Self::array_of(self.pop_ref()) else {
            return self.trap("null array reference", rules::STEP__ARRAY_SET_NULL);
        };
        let zt = self.array_field(y);
        match self.store.arrays[a as usize].fields.get_mut(i as usize) {
            Some(slot) => {
                *slot = pack(zt, v);
                rules::STEP__ARRAY_SET_ARRAY
            }
            None => self.trap("out of bounds array access", rules::STEP__ARRAY_SET_OOB),
        }
    }

    /// `Step_read/array.len-null`, `Step_read/array.len-array`.
    pub(super) fn array_len(&mut self) -> Rule {
        match Self::array_of(self.pop_ref()) {
            Some(a) => {
                let n = self.store.arrays[a as usize].fields.len() as u32;
                self.push(Val::I32(n));
                rules::STEP_READ__ARRAY_LEN_ARRAY
            }
            None => self.trap("null array reference", rules::STEP_READ__ARRAY_LEN_NULL),
        }
    }

    /// The length of the array `r`, or `None` for a null.
    fn len_of(&self, r: Ref) -> Option<u64> {
        Self::array_of(r).map(|a| self.store.arrays[a as usize].fields.len() as u64)
    }

    /// `Step_read/array.fill-null`, `-oob`, `-zero`, `-succ`: one element a step, through
    /// `array.set`.
    pub(super) fn array_fill(&mut self, y: u32) -> Step {
        let n = self.pop_i32();
        let v = self.pop();
        let i = self.pop_i32();
        let r = self.pop_ref();
        let Some(len) = self.len_of(r) else {
            return Ok(self.trap("null array reference", rules::STEP_READ__ARRAY_FILL_NULL));
        };
        if i as u64 + n as u64 > len {
            return Ok(self.trap("out of bounds array access", rules::STEP_READ__ARRAY_FILL_OOB));
        }
        if n == 0 {
            return Ok(rules::STEP_READ__ARRAY_FILL_ZERO);
        }
        self.burn_fuel()?;
        self.push(Val::Ref(r));
        self.push(Val::I32(i));
        self.push(v);
        self.then(&[Op::ArraySet(y)], &[Val::Ref(r), Val::I32(i + 1), v, Val::I32(n - 1)], Op::ArrayFill(y));
        Ok(rules::STEP_READ__ARRAY_FILL_SUCC)
    }

    /// `Step_read/array.copy-null1`, `-null2`, `-oob1`, `-oob2`, `-zero`, `-le`, `-gt`: one
    /// element a step, forwards or backwards as the ranges overlap.
    pub(super) fn array_copy(&mut self, y1: u32, y2: u32) -> Step {
        let n = self.pop_i32();
        let i2 = self.pop_i32();
        let r2 = self.pop_ref();
        let i1 = self.pop_i32();
        let r1 = self.pop_ref();
        let Some(len1) = self.len_of(r1) else {
            return Ok(self.trap("null array reference", rules::STEP_READ__ARRAY_COPY_NULL1));
        };
        let Some(len2) = self.len_of(r2) else {
            return Ok(self.trap("null array reference", rules::STEP_READ__ARRAY_COPY_NULL2));
        };
        if i1 as u64 + n as u64 > len1 {
            return Ok(self.trap("out of bounds array access", rules::STEP_READ__ARRAY_COPY_OOB1));
        }
        if i2 as u64 + n as u64 > len2 {
            return Ok(self.trap("out of bounds array access", rules::STEP_READ__ARRAY_COPY_OOB2));
        }
        if n == 0 {
            return Ok(rules::STEP_READ__ARRAY_COPY_ZERO);
        }
        self.burn_fuel()?;
        // `$sx(zt_2)`: a packed element is read unsigned; `array.set` packs it again.
        let sx = matches!(self.array_field(y2), StorageType::Pack(_)).then_some(Sx::U);
        let get_set = [Op::ArrayGet(sx, y2), Op::ArraySet(y1)];
        let (a1, a2) = (Val::Ref(r1), Val::Ref(r2));
        let i = |k: u32| Val::I32(k);
        if i1 <= i2 {
            for v in [a1, i(i1), a2, i(i2)] {
                self.push(v);
            }
            self.then(&get_set, &[a1, i(i1 + 1), a2, i(i2 + 1), i(n - 1)], Op::ArrayCopy(y1, y2));
            Ok(rules::STEP_READ__ARRAY_COPY_LE)
        } else {
            for v in [a1, i(i1 + n - 1), a2, i(i2 + n - 1)] {
                self.push(v);
            }
            self.then(&get_set, &[a1, i(i1), a2, i(i2), i(n - 1)], Op::ArrayCopy(y1, y2));
            Ok(rules::STEP_READ__ARRAY_COPY_GT)
        }
    }

    /// `Step_read/array.init_data-null`, `-oob1`, `-oob2`, `-zero`, `-num`: one element a
    /// step, read from the data segment, through `array.set`.
    pub(super) fn array_init_data(&mut self, y: u32, d: u32) -> Step {
        let n = self.pop_i32();
        let s = self.pop_i32();
        let i = self.pop_i32();
        let r = self.pop_ref();
        let Some(len) = self.len_of(r) else {
            return Ok(self.trap("null array reference", rules::STEP_READ__ARRAY_INIT_DATA_NULL));
        };
        if i as u64 + n as u64 > len {
            return Ok(self.trap("out of bounds array access", rules::STEP_READ__ARRAY_INIT_DATA_OOB1));
        }
        let zt = self.array_field(y);
        let z = zbytes(zt);
        let da = self.inst().datas[d as usize];
        let bytes = &self.store.datas[da as usize].bytes;
        if s as u128 + n as u128 * z as u128 > bytes.len() as u128 {
            return Ok(self.trap("out of bounds memory access", rules::STEP_READ__ARRAY_INIT_DATA_OOB2));
        }
        if n == 0 {
            return Ok(rules::STEP_READ__ARRAY_INIT_DATA_ZERO);
        }
        let c = from_bytes(zt, &bytes[s as usize..s as usize + z]);
        self.burn_fuel()?;
        self.push(Val::Ref(r));
        self.push(Val::I32(i));
        self.push(c);
        let rest = [Val::Ref(r), Val::I32(i + 1), Val::I32(s + z as u32), Val::I32(n - 1)];
        self.then(&[Op::ArraySet(y)], &rest, Op::ArrayInitData(y, d));
        Ok(rules::STEP_READ__ARRAY_INIT_DATA_NUM)
    }

    /// `Step_read/array.init_elem-null`, `-oob1`, `-oob2`, `-zero`, `-succ`: one element a
    /// step, through `array.set`.
    pub(super) fn array_init_elem(&mut self, y: u32, e: u32) -> Step {
        let n = self.pop_i32();
        let s = self.pop_i32();
        let i = self.pop_i32();
        let r = self.pop_ref();
        let Some(len) = self.len_of(r) else {
            return Ok(self.trap("null array reference", rules::STEP_READ__ARRAY_INIT_ELEM_NULL));
        };
        if i as u64 + n as u64 > len {
            return Ok(self.trap("out of bounds array access", rules::STEP_READ__ARRAY_INIT_ELEM_OOB1));
        }
        let ea = self.inst().elems[e as usize];
        let refs = &self.store.elems[ea as usize].refs;
        if s as u64 + n as u64 > refs.len() as u64 {
            return Ok(self.trap("out of bounds table access", rules::STEP_READ__ARRAY_INIT_ELEM_OOB2));
        }
        if n == 0 {
            return Ok(rules::STEP_READ__ARRAY_INIT_ELEM_ZERO);
        }
        let v = Val::Ref(refs[s as usize]);
        self.burn_fuel()?;
        self.push(Val::Ref(r));
        self.push(Val::I32(i));
        self.push(v);
        let rest = [Val::Ref(r), Val::I32(i + 1), Val::I32(s + 1), Val::I32(n - 1)];
        self.then(&[Op::ArraySet(y)], &rest, Op::ArrayInitElem(y, e));
        Ok(rules::STEP_READ__ARRAY_INIT_ELEM_SUCC)
    }
}
