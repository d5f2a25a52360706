//! A case's arguments: from the fuzzer's bytes while they last, then from a generator seeded
//! by them; half of them values where operators change behaviour (0, -1, `INT_MIN`, NaN, -0,
//! small indices) and the module's edges (the last address each load or store may take, the
//! ends of tables and of their segments).

use super::rng::{fnv1a, splitmix64};
use crate::runtime::{Ref, Val};
use crate::syntax::{
    AbsHeapType, ElemMode, F32, F64, HeapType, Instr, Module, Num, PAGE_SIZE, V128, ValType,
};
use arbitrary::Unstructured;

/// Arguments: from the fuzzer's bytes while they last, then from a generator ([`splitmix64`]).
pub(super) struct Args<'a> {
    u: Unstructured<'a>,
    seed: u64,
    edges: Vec<u32>,
}

impl<'a> Args<'a> {
    /// The arguments `bytes` give for `module`'s functions.
    pub(super) fn new(bytes: &'a [u8], module: &Module) -> Args<'a> {
        Args { u: Unstructured::new(bytes), seed: fnv1a(bytes), edges: edges(module) }
    }

    /// The next argument, of type `t` (`None` for a type no argument is made of).
    pub(super) fn next(&mut self, t: ValType) -> Option<Val> {
        if self.u.len() < 9 {
            let bytes = splitmix64(&mut self.seed).to_le_bytes();
            let extra = [bytes[0] ^ bytes[7]];
            return arg(&mut Unstructured::new(&[&bytes[..], &extra[..]].concat()), t, &self.edges);
        }
        arg(&mut self.u, t, &self.edges)
    }
}

/// The `i32`s at the edges of what a module's instructions may touch: the highest address
/// each of its loads and stores may take in its memory's initial size, and the one past
/// it; the last index of each table, the one past it, and those its active segments fill.
fn edges(module: &Module) -> Vec<u32> {
    let mut edges = Vec::new();
    for table in &module.tables {
        edges.extend([table.ty.limits.min.saturating_sub(1), table.ty.limits.min]);
    }
    for elem in &module.elems {
        if let ElemMode::Active(_, offset) = &elem.mode
            && let [Instr::Const(Num::I32(offset)), Instr::End] = &offset.instrs[..]
        {
            edges.extend((0..elem.init.len() as u64).map(|i| *offset as u64 + i));
        }
    }
    for instr in module.funcs.iter().flat_map(|f| f.body.instrs.iter()) {
        let (x, n, offset) = match instr {
            Instr::Load(t, op, x, m) => (x, op.map_or(t.size(), |op| op.size.bits()) / 8, m.offset),
            Instr::Store(t, sz, x, m) => (x, sz.map_or(t.size(), |sz| sz.bits()) / 8, m.offset),
            _ => continue,
        };
        let Some(mem) = module.mems.get(*x as usize) else { continue };
        if let Some(last) = (mem.ty.limits.min * PAGE_SIZE).checked_sub(offset + n as u64) {
            edges.extend([last, last + 1]);
        }
    }
    let mut edges: Vec<u32> = edges.into_iter().filter_map(|e| u32::try_from(e).ok()).collect();
    edges.sort_unstable();
    edges.dedup();
    edges
}

/// An argument, often one of the values where operators change behaviour (for a `v128`,
/// lanes at their edges): for an `i32`, also a small index or one of the module's `edges`.
fn arg(u: &mut Unstructured, t: ValType, edges: &[u32]) -> Option<Val> {
    const I32: [u32; 8] = [0, 1, u32::MAX, 0x8000_0000, 0x7fff_ffff, 31, 32, 0x1_0000];
    const I64: [u64; 8] = [0, 1, u64::MAX, 1 << 63, i64::MAX as u64, 63, 64, 1 << 32];
    // Lanes at their edges: zeros, all ones, each lane's minimum, and a mix of a quiet NaN,
    // -0, 2^32 and a signalling NaN as `f32`s.
    const V128_LANES: [u128; 5] = [
        0,
        u128::MAX,
        0x8000_8000_8000_8000_8000_8000_8000_8000,
        0x8000_0000_8000_0000_8000_0000_8000_0000,
        0x7fc0_0000_8000_0000_4f80_0000_ff80_0001,
    ];
    let special = u.ratio(1, 2).ok()?;
    Some(match t {
        ValType::I32 if special => Val::I32(match u.int_in_range(0..=2).ok()? {
            0 => *u.choose(&I32).ok()?,
            1 => u.int_in_range(0..=15).ok()?,
            _ => *u.choose(edges).or_else(|_| u.choose(&I32)).ok()?,
        }),
        ValType::I32 => Val::I32(u.arbitrary().ok()?),
        ValType::I64 if special => Val::I64(*u.choose(&I64).ok()?),
        ValType::I64 => Val::I64(u.arbitrary().ok()?),
        ValType::F32 if special => {
            Val::F32(F32(*u.choose(&[0, 0x8000_0000, 0x7fc0_0000, 0x3f80_0000]).ok()?))
        }
        ValType::F32 => Val::F32(F32(u.arbitrary().ok()?)),
        ValType::F64 if special => {
            Val::F64(F64(*u.choose(&[0, 1 << 63, 0x7ff8_0000_0000_0000, 0x3ff0_0000_0000_0000]).ok()?))
        }
        ValType::F64 => Val::F64(F64(u.arbitrary().ok()?)),
        ValType::Ref(rt) => match rt.heap {
            HeapType::Abs(AbsHeapType::Extern) if u.arbitrary().ok()? => {
                Val::Ref(Ref::Extern(u.arbitrary().ok()?))
            }
            h => Val::Ref(Ref::Null(h)),
        },
        ValType::V128 if special => Val::V128(V128::from_u128(*u.choose(&V128_LANES).ok()?)),
        ValType::V128 => Val::V128(V128::from_u128(u.arbitrary().ok()?)),
        ValType::Bot => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lockstep::case::{assemble, front_end};

    /// The edges: the last address of each access and the one past it, in the memory's
    /// initial size, and the ends of tables and of their active segments.
    #[test]
    fn edges_of_a_module() {
        let m = front_end(
            &assemble(
                r#"(module (memory 1) (table 3 funcref) (elem (i32.const 1) func 0)
                (func (param i32) (drop (i64.load offset=16 (local.get 0))) (i32.store8 (local.get 0) (i32.const 0))))"#,
            )
            .unwrap(),
        )
        .unwrap();
        assert_eq!(edges(&m), vec![1, 2, 3, 65512, 65513, 65535, 65536]);
    }
}
