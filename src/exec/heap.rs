//! The heap: where the store keeps structures, arrays and exceptions, and a tracing collector
//! that reclaims those no root reaches.
//!
//! The spec's store only grows (`$add_structinst` and the like append); a reference that
//! runs real programs must not. Reclaiming an instance no reference reaches changes nothing a
//! program can observe: no instruction can name its address again. The roots are the
//! operand stack (locals included) and the instructions reduction put in front of the code,
//! the store's globals, tables and element segments, and every reference the store handed
//! to its embedder as a result ([`Heap::host_roots`]). Marking walks an explicit work list,
//! never the host stack, so a list of 10^6 structures is as cheap to trace as a flat one.
//! A freed address is reused by the next allocation of its kind.

use super::machine::{Admin, Machine};
use super::runtime::{ArrayInst, ExnInst, Store, StructInst};
use crate::runtime::{Internal, Ref, Val};

/// What the collector keeps beside the store's instances.
#[derive(Default)]
pub struct Heap {
    /// Freed addresses, by kind, and which addresses are free.
    free_structs: Vec<u32>,
    free_arrays: Vec<u32>,
    free_exns: Vec<u32>,
    struct_free: Vec<bool>,
    array_free: Vec<bool>,
    exn_free: Vec<bool>,
    /// Fields allocated since the last collection, and how many make the next one due.
    since: u64,
    due: u64,
    /// References the embedder holds: results of invocations.
    pub host_roots: Vec<Ref>,
    /// A fixed number of fields between collections (tests collect at every allocation);
    /// `None`: as many as were live after the last, at least [`MIN_DUE`].
    pub interval: Option<u64>,
}

/// Collect when at least this many fields were allocated since the last collection (or as
/// many as were live after it, if more): the work of a collection is paid for by as much
/// allocation.
const MIN_DUE: u64 = 1 << 20;

/// Put `inst` at a free address of `insts`, or a new one.
fn place<T>(insts: &mut Vec<T>, free: &mut Vec<u32>, is_free: &mut [bool], inst: T) -> u32 {
    match free.pop() {
        Some(a) => {
            insts[a as usize] = inst;
            is_free[a as usize] = false;
            a
        }
        None => {
            insts.push(inst);
            insts.len() as u32 - 1
        }
    }
}

impl Store {
    /// `$add_structinst`: a new structure's address.
    pub fn alloc_struct(&mut self, inst: StructInst) -> u32 {
        self.heap.since += inst.fields.len().max(1) as u64;
        let h = &mut self.heap;
        place(&mut self.structs, &mut h.free_structs, &mut h.struct_free, inst)
    }

    /// `$add_arrayinst`: a new array's address.
    pub fn alloc_array(&mut self, inst: ArrayInst) -> u32 {
        self.heap.since += inst.fields.len().max(1) as u64;
        let h = &mut self.heap;
        place(&mut self.arrays, &mut h.free_arrays, &mut h.array_free, inst)
    }

    /// `$add_exninst`: a new exception's address.
    pub fn alloc_exn(&mut self, inst: ExnInst) -> u32 {
        self.heap.since += inst.fields.len().max(1) as u64;
        let h = &mut self.heap;
        place(&mut self.exns, &mut h.free_exns, &mut h.exn_free, inst)
    }

    /// Has enough been allocated since the last collection to make one due?
    pub fn collection_due(&self) -> bool {
        let due = match self.heap.interval {
            Some(n) => n,
            None => self.heap.due.max(MIN_DUE),
        };
        self.heap.since >= due
    }

    /// Keep the GC references of values handed to the embedder alive from now on.
    pub fn hold(&mut self, vals: &[Val]) {
        for v in vals {
            if let Val::Ref(r @ (Ref::Struct(_) | Ref::Array(_) | Ref::Exn(_) | Ref::ExternOf(_))) = v {
                self.heap.host_roots.push(*r);
            }
        }
    }

    /// Mark what `roots` and the store's own roots reach, and free the rest: the fields of
    /// a freed instance no longer count against `--max-heap-fields`.
    pub fn collect(&mut self, roots: impl Iterator<Item = Val>) {
        let mut marks = Marks::new(self);
        let mut work: Vec<Ref> = Vec::new();
        let tables = self.tables.iter().flat_map(|t| t.refs.iter());
        let elems = self.elems.iter().flat_map(|e| e.refs.iter());
        let refs = tables.chain(elems).chain(self.heap.host_roots.iter()).map(|r| Val::Ref(*r));
        let globals = self.globals.iter().map(|g| g.value);
        for v in roots.chain(globals).chain(refs) {
            if let Val::Ref(r) = v {
                work.push(r);
            }
        }
        while let Some(r) = work.pop() {
            marks.visit(self, r, &mut work);
        }
        self.sweep(&marks);
    }

    /// Free every instance left unmarked.
    fn sweep(&mut self, marks: &Marks) {
        let mut freed_fields = 0u64;
        let mut live = 0u64;
        for (a, s) in self.structs.iter_mut().enumerate() {
            if self.heap.struct_free[a] {
                continue;
            }
            if marks.structs[a] {
                live += s.fields.len() as u64;
            } else {
                freed_fields += s.fields.len() as u64;
                s.fields = Box::new([]);
                self.heap.struct_free[a] = true;
                self.heap.free_structs.push(a as u32);
            }
        }
        for (a, s) in self.arrays.iter_mut().enumerate() {
            if self.heap.array_free[a] {
                continue;
            }
            if marks.arrays[a] {
                live += s.fields.len() as u64;
            } else {
                freed_fields += s.fields.len() as u64;
                s.fields = Vec::new();
                self.heap.array_free[a] = true;
                self.heap.free_arrays.push(a as u32);
            }
        }
        for (a, e) in self.exns.iter_mut().enumerate() {
            if !self.heap.exn_free[a] && !marks.exns[a] {
                e.fields = Box::new([]);
                self.heap.exn_free[a] = true;
                self.heap.free_exns.push(a as u32);
            }
        }
        self.usage.heap_fields = self.usage.heap_fields.saturating_sub(freed_fields);
        self.heap.since = 0;
        self.heap.due = live;
    }
}

/// The mark bits of one collection, by kind.
struct Marks {
    structs: Vec<bool>,
    arrays: Vec<bool>,
    exns: Vec<bool>,
}

impl Marks {
    /// No marks yet; the free bits grown to the store's instances.
    fn new(store: &mut Store) -> Marks {
        store.heap.struct_free.resize(store.structs.len(), false);
        store.heap.array_free.resize(store.arrays.len(), false);
        store.heap.exn_free.resize(store.exns.len(), false);
        Marks {
            structs: vec![false; store.structs.len()],
            arrays: vec![false; store.arrays.len()],
            exns: vec![false; store.exns.len()],
        }
    }

    /// Mark what `r` names, and put the references in its fields on the work list.
    fn visit(&mut self, store: &Store, r: Ref, work: &mut Vec<Ref>) {
        let fields: &[Val] = match r {
            Ref::Struct(a) | Ref::ExternOf(Internal::Struct(a)) if !self.structs[a as usize] => {
                self.structs[a as usize] = true;
                &store.structs[a as usize].fields
            }
            Ref::Array(a) | Ref::ExternOf(Internal::Array(a)) if !self.arrays[a as usize] => {
                self.arrays[a as usize] = true;
                &store.arrays[a as usize].fields
            }
            Ref::Exn(a) if !self.exns[a as usize] => {
                self.exns[a as usize] = true;
                &store.exns[a as usize].fields
            }
            _ => return,
        };
        work.extend(fields.iter().filter_map(|v| match v {
            Val::Ref(r) => Some(*r),
            _ => None,
        }));
    }
}

impl<const TRACE: bool> Machine<'_, TRACE> {
    /// Collect if due (or if `now`), the configuration's values and instructions as roots,
    /// with `extra` (a value an allocating rule holds while it runs).
    pub(super) fn collect(&mut self, extra: Option<Val>, now: bool) {
        if !now && !self.store.collection_due() {
            return;
        }
        let admin = self.admin.iter().filter_map(|a| match a {
            Admin::Val(v) | Admin::ArrayNewFixed { fill: Some(v), .. } => Some(*v),
            _ => None,
        });
        let roots: Vec<Val> = self.vals.iter().map(|s| s.val()).chain(admin).chain(extra).collect();
        self.store.collect(roots.into_iter());
    }
}
