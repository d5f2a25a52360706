//! The `spectest` host module the official suite imports from, built through the engine's
//! embedding interface so that every engine gets the same one.

use crate::runtime::{Engine, ExternVal, HostFunc, Ref, Val};
use crate::syntax::{
    AbsHeapType, AddrType, F32, F64, FuncType, GlobalType, Limits, MemType, Num, RefType, TableType, ValType,
};
use std::collections::HashMap;
use std::rc::Rc;

/// Allocate the spectest entities in the engine's store: the print functions (which print
/// nothing), `global_i32` = 666, `global_i64` = 666, `global_f32` = 666.6,
/// `global_f64` = 666.6, `table` (10..20 funcref), `table64`, and `memory` (1..2 pages). A
/// table or memory the store's limits refuse is left out (an import of it is then unknown).
pub fn instantiate(engine: &mut dyn Engine) -> HashMap<String, ExternVal> {
    let print: HostFunc = Rc::new(|_| Ok(vec![]));
    let mut exports = HashMap::new();
    for (name, params) in [
        ("print", &[][..]),
        ("print_i32", &[ValType::I32][..]),
        ("print_i64", &[ValType::I64][..]),
        ("print_f32", &[ValType::F32][..]),
        ("print_f64", &[ValType::F64][..]),
        ("print_i32_f32", &[ValType::I32, ValType::F32][..]),
        ("print_f64_f64", &[ValType::F64, ValType::F64][..]),
    ] {
        let ty = FuncType::new(params.to_vec(), vec![]);
        exports.insert(name.to_string(), engine.alloc_func(ty, print.clone()));
    }
    let global = |val, num| (GlobalType { mutable: false, val }, Val::num(num));
    for (name, (ty, value)) in [
        ("global_i32", global(ValType::I32, Num::I32(666))),
        ("global_i64", global(ValType::I64, Num::I64(666))),
        ("global_f32", global(ValType::F32, Num::F32(F32::from_float(666.6)))),
        ("global_f64", global(ValType::F64, Num::F64(F64::from_float(666.6)))),
    ] {
        exports.insert(name.to_string(), engine.alloc_global(ty, value));
    }
    let limits = Limits { min: 10, max: Some(20) };
    for (name, addr) in [("table", AddrType::I32), ("table64", AddrType::I64)] {
        let ty = TableType { addr, limits, elem: RefType::FUNCREF };
        if let Ok(table) = engine.alloc_table(ty, Ref::null_of(AbsHeapType::Func)) {
            exports.insert(name.to_string(), table);
        }
    }
    let memory = MemType { addr: AddrType::I32, limits: Limits { min: 1, max: Some(2) } };
    if let Ok(memory) = engine.alloc_mem(memory) {
        exports.insert("memory".to_string(), memory);
    }
    exports
}
