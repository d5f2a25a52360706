//! The instruction set, one table: every opcode of Wasm 3.0 with its mnemonic, the feature
//! (proposal) it belongs to, and the rule of the validation that types it (`Instr_ok/...`).
//!
//! As wasmparser's `for_each_operator!` drives its decoder, visitor and proposal gates, the
//! table is one list, `for_each_instr!`, from which the [`Op`] enum, the static
//! [`INSTRUCTIONS`] and [`Instr::op`] are made: which opcode an instruction of the syntax is
//! written with. The decoder gates opcodes by their feature ([`byte_since`],
//! [`Op::from_opcode`]), the validator refuses the features of another version of the spec
//! by it, the engines name what they do not run by [`Instr::requires`], and rule coverage
//! can enumerate every instruction with its rule.
//!
//! One entry per opcode: `{ Op, opcode, "mnemonic", feature [+ feature], rule, pattern }`.
//! The opcode is its byte, and for the prefixes `0xFB`, `0xFC` and `0xFD` the `u32` that
//! follows. The feature is the proposal that brought the instruction; a second one is a
//! feature its constructs are also of: relaxed SIMD's instructions are vector instructions,
//! `return_call_ref` (of typed function references) a tail call. The pattern is the
//! [`Instr`] the decoder makes of the opcode, immediates left out. `else` and `end` are no
//! instructions of the abstract syntax but delimiters of the structured ones: `else` cites
//! `Instr_ok/if`, `end` `Instr_ok/block` (it also closes a `loop`, an `if` or a `try_table`,
//! whose rule the validator cites then).

use super::features::{Feature, Features};
use super::instructions::*;
use super::types::NumType::{F32, F64, I32, I64};
use super::types::RefType;
use super::values::Num;
use crate::Spec;
use crate::rules::{self, Rule};
use Half::{High, Low};
use Shape::{F32x4, F64x2, I8x16, I16x8, I32x4, I64x2};
use Sx::{S, U};
use Sz::{N8, N16, N32, N64};

/// Calls `$m!` with every entry of the table, in the order of opcodes.
macro_rules! for_each_instr {
    ($m:ident) => {
        $m! {
            // Control (binary-instr-control) and parametric instructions.
            { Unreachable, 0x00, "unreachable", Mvp, INSTR_OK__UNREACHABLE, Unreachable }
            { Nop, 0x01, "nop", Mvp, INSTR_OK__NOP, Nop }
            { Block, 0x02, "block", Mvp, INSTR_OK__BLOCK, Block(..) }
            { Loop, 0x03, "loop", Mvp, INSTR_OK__LOOP, Loop(..) }
            { If, 0x04, "if", Mvp, INSTR_OK__IF, If(..) }
            { Else, 0x05, "else", Mvp, INSTR_OK__IF, Else }
            { Throw, 0x08, "throw", Exceptions, INSTR_OK__THROW, Throw(..) }
            { ThrowRef, 0x0a, "throw_ref", Exceptions, INSTR_OK__THROW_REF, ThrowRef }
            { End, 0x0b, "end", Mvp, INSTR_OK__BLOCK, End }
            { Br, 0x0c, "br", Mvp, INSTR_OK__BR, Br(..) }
            { BrIf, 0x0d, "br_if", Mvp, INSTR_OK__BR_IF, BrIf(..) }
            { BrTable, 0x0e, "br_table", Mvp, INSTR_OK__BR_TABLE, BrTable(..) }
            { Return, 0x0f, "return", Mvp, INSTR_OK__RETURN, Return }
            { Call, 0x10, "call", Mvp, INSTR_OK__CALL, Call(..) }
            { CallIndirect, 0x11, "call_indirect", Mvp, INSTR_OK__CALL_INDIRECT, CallIndirect(..) }
            { ReturnCall, 0x12, "return_call", TailCall, INSTR_OK__RETURN_CALL, ReturnCall(..) }
            { ReturnCallIndirect, 0x13, "return_call_indirect", TailCall, INSTR_OK__RETURN_CALL_INDIRECT,
                ReturnCallIndirect(..) }
            { CallRef, 0x14, "call_ref", FunctionReferences, INSTR_OK__CALL_REF, CallRef(..) }
            { ReturnCallRef, 0x15, "return_call_ref",
                FunctionReferences + TailCall, INSTR_OK__RETURN_CALL_REF, ReturnCallRef(..) }
            { Drop, 0x1a, "drop", Mvp, INSTR_OK__DROP, Drop }
            { Select, 0x1b, "select", Mvp, INSTR_OK__SELECT_IMPL, Select(None) }
            { TypedSelect, 0x1c, "select", ReferenceTypes, INSTR_OK__SELECT_EXPL, Select(Some(_)) }
            { TryTable, 0x1f, "try_table", Exceptions, INSTR_OK__TRY_TABLE, TryTable(..) }

            // Variables and tables.
            { LocalGet, 0x20, "local.get", Mvp, INSTR_OK__LOCAL_GET, LocalGet(..) }
            { LocalSet, 0x21, "local.set", Mvp, INSTR_OK__LOCAL_SET, LocalSet(..) }
            { LocalTee, 0x22, "local.tee", Mvp, INSTR_OK__LOCAL_TEE, LocalTee(..) }
            { GlobalGet, 0x23, "global.get", Mvp, INSTR_OK__GLOBAL_GET, GlobalGet(..) }
            { GlobalSet, 0x24, "global.set", Mvp, INSTR_OK__GLOBAL_SET, GlobalSet(..) }
            { TableGet, 0x25, "table.get", ReferenceTypes, INSTR_OK__TABLE_GET, TableGet(..) }
            { TableSet, 0x26, "table.set", ReferenceTypes, INSTR_OK__TABLE_SET, TableSet(..) }

            // Memories.
            { I32Load, 0x28, "i32.load", Mvp, INSTR_OK__LOAD_VAL, Load(I32, None, ..) }
            { I64Load, 0x29, "i64.load", Mvp, INSTR_OK__LOAD_VAL, Load(I64, None, ..) }
            { F32Load, 0x2a, "f32.load", Mvp, INSTR_OK__LOAD_VAL, Load(F32, None, ..) }
            { F64Load, 0x2b, "f64.load", Mvp, INSTR_OK__LOAD_VAL, Load(F64, None, ..) }
            { I32Load8S, 0x2c, "i32.load8_s", Mvp, INSTR_OK__LOAD_PACK,
                Load(I32, Some(LoadOp { size: N8, sx: S }), ..) }
            { I32Load8U, 0x2d, "i32.load8_u", Mvp, INSTR_OK__LOAD_PACK,
                Load(I32, Some(LoadOp { size: N8, sx: U }), ..) }
            { I32Load16S, 0x2e, "i32.load16_s", Mvp, INSTR_OK__LOAD_PACK,
                Load(I32, Some(LoadOp { size: N16, sx: S }), ..) }
            { I32Load16U, 0x2f, "i32.load16_u", Mvp, INSTR_OK__LOAD_PACK,
                Load(I32, Some(LoadOp { size: N16, sx: U }), ..) }
            { I64Load8S, 0x30, "i64.load8_s", Mvp, INSTR_OK__LOAD_PACK,
                Load(I64, Some(LoadOp { size: N8, sx: S }), ..) }
            { I64Load8U, 0x31, "i64.load8_u", Mvp, INSTR_OK__LOAD_PACK,
                Load(I64, Some(LoadOp { size: N8, sx: U }), ..) }
            { I64Load16S, 0x32, "i64.load16_s", Mvp, INSTR_OK__LOAD_PACK,
                Load(I64, Some(LoadOp { size: N16, sx: S }), ..) }
            { I64Load16U, 0x33, "i64.load16_u", Mvp, INSTR_OK__LOAD_PACK,
                Load(I64, Some(LoadOp { size: N16, sx: U }), ..) }
            { I64Load32S, 0x34, "i64.load32_s", Mvp, INSTR_OK__LOAD_PACK,
                Load(I64, Some(LoadOp { size: N32, sx: S }), ..) }
            { I64Load32U, 0x35, "i64.load32_u", Mvp, INSTR_OK__LOAD_PACK,
                Load(I64, Some(LoadOp { size: N32, sx: U }), ..) }
            { I32Store, 0x36, "i32.store", Mvp, INSTR_OK__STORE_VAL, Store(I32, None, ..) }
            { I64Store, 0x37, "i64.store", Mvp, INSTR_OK__STORE_VAL, Store(I64, None, ..) }
            { F32Store, 0x38, "f32.store", Mvp, INSTR_OK__STORE_VAL, Store(F32, None, ..) }
            { F64Store, 0x39, "f64.store", Mvp, INSTR_OK__STORE_VAL, Store(F64, None, ..) }
            { I32Store8, 0x3a, "i32.store8", Mvp, INSTR_OK__STORE_PACK, Store(I32, Some(N8), ..) }
            { I32Store16, 0x3b, "i32.store16", Mvp, INSTR_OK__STORE_PACK, Store(I32, Some(N16), ..) }
            { I64Store8, 0x3c, "i64.store8", Mvp, INSTR_OK__STORE_PACK, Store(I64, Some(N8), ..) }
            { I64Store16, 0x3d, "i64.store16", Mvp, INSTR_OK__STORE_PACK, Store(I64, Some(N16), ..) }
            { I64Store32, 0x3e, "i64.store32", Mvp, INSTR_OK__STORE_PACK, Store(I64, Some(N32), ..) }
            { MemorySize, 0x3f, "memory.size", Mvp, INSTR_OK__MEMORY_SIZE, MemorySize(..) }
            { MemoryGrow, 0x40, "memory.grow", Mvp, INSTR_OK__MEMORY_GROW, MemoryGrow(..) }

            // Numeric instructions.
            { I32Const, 0x41, "i32.const", Mvp, INSTR_OK__CONST, Const(Num::I32(_)) }
            { I64Const, 0x42, "i64.const", Mvp, INSTR_OK__CONST, Const(Num::I64(_)) }
            { F32Const, 0x43, "f32.const", Mvp, INSTR_OK__CONST, Const(Num::F32(_)) }
            { F64Const, 0x44, "f64.const", Mvp, INSTR_OK__CONST, Const(Num::F64(_)) }
            { I32Eqz, 0x45, "i32.eqz", Mvp, INSTR_OK__TESTOP, Testop(I32, Testop::Eqz) }
            { I32Eq, 0x46, "i32.eq", Mvp, INSTR_OK__RELOP, Relop(I32, Relop::Int(IRelop::Eq)) }
            { I32Ne, 0x47, "i32.ne", Mvp, INSTR_OK__RELOP, Relop(I32, Relop::Int(IRelop::Ne)) }
            { I32LtS, 0x48, "i32.lt_s", Mvp, INSTR_OK__RELOP, Relop(I32, Relop::Int(IRelop::Lt(S))) }
            { I32LtU, 0x49, "i32.lt_u", Mvp, INSTR_OK__RELOP, Relop(I32, Relop::Int(IRelop::Lt(U))) }
            { I32GtS, 0x4a, "i32.gt_s", Mvp, INSTR_OK__RELOP, Relop(I32, Relop::Int(IRelop::Gt(S))) }
            { I32GtU, 0x4b, "i32.gt_u", Mvp, INSTR_OK__RELOP, Relop(I32, Relop::Int(IRelop::Gt(U))) }
            { I32LeS, 0x4c, "i32.le_s", Mvp, INSTR_OK__RELOP, Relop(I32, Relop::Int(IRelop::Le(S))) }
            { I32LeU, 0x4d, "i32.le_u", Mvp, INSTR_OK__RELOP, Relop(I32, Relop::Int(IRelop::Le(U))) }
            { I32GeS, 0x4e, "i32.ge_s", Mvp, INSTR_OK__RELOP, Relop(I32, Relop::Int(IRelop::Ge(S))) }
            { I32GeU, 0x4f, "i32.ge_u", Mvp, INSTR_OK__RELOP, Relop(I32, Relop::Int(IRelop::Ge(U))) }
            { I64Eqz, 0x50, "i64.eqz", Mvp, INSTR_OK__TESTOP, Testop(I64, Testop::Eqz) }
            { I64Eq, 0x51, "i64.eq", Mvp, INSTR_OK__RELOP, Relop(I64, Relop::Int(IRelop::Eq)) }
            { I64Ne, 0x52, "i64.ne", Mvp, INSTR_OK__RELOP, Relop(I64, Relop::Int(IRelop::Ne)) }
            { I64LtS, 0x53, "i64.lt_s", Mvp, INSTR_OK__RELOP, Relop(I64, Relop::Int(IRelop::Lt(S))) }
            { I64LtU, 0x54, "i64.lt_u", Mvp, INSTR_OK__RELOP, Relop(I64, Relop::Int(IRelop::Lt(U))) }
            { I64GtS, 0x55, "i64.gt_s", Mvp, INSTR_OK__RELOP, Relop(I64, Relop::Int(IRelop::Gt(S))) }
            { I64GtU, 0x56, "i64.gt_u", Mvp, INSTR_OK__RELOP, Relop(I64, Relop::Int(IRelop::Gt(U))) }
            { I64LeS, 0x57, "i64.le_s", Mvp, INSTR_OK__RELOP, Relop(I64, Relop::Int(IRelop::Le(S))) }
            { I64LeU, 0x58, "i64.le_u", Mvp, INSTR_OK__RELOP, Relop(I64, Relop::Int(IRelop::Le(U))) }
            { I64GeS, 0x59, "i64.ge_s", Mvp, INSTR_OK__RELOP, Relop(I64, Relop::Int(IRelop::Ge(S))) }
            { I64GeU, 0x5a, "i64.ge_u", Mvp, INSTR_OK__RELOP, Relop(I64, Relop::Int(IRelop::Ge(U))) }
            { F32Eq, 0x5b, "f32.eq", Mvp, INSTR_OK__RELOP, Relop(F32, Relop::Float(FRelop::Eq)) }
            { F32Ne, 0x5c, "f32.ne", Mvp, INSTR_OK__RELOP, Relop(F32, Relop::Float(FRelop::Ne)) }
            { F32Lt, 0x5d, "f32.lt", Mvp, INSTR_OK__RELOP, Relop(F32, Relop::Float(FRelop::Lt)) }
            { F32Gt, 0x5e, "f32.gt", Mvp, INSTR_OK__RELOP, Relop(F32, Relop::Float(FRelop::Gt)) }
            { F32Le, 0x5f, "f32.le", Mvp, INSTR_OK__RELOP, Relop(F32, Relop::Float(FRelop::Le)) }
            { F32Ge, 0x60, "f32.ge", Mvp, INSTR_OK__RELOP, Relop(F32, Relop::Float(FRelop::Ge)) }
            { F64Eq, 0x61, "f64.eq", Mvp, INSTR_OK__RELOP, Relop(F64, Relop::Float(FRelop::Eq)) }
            { F64Ne, 0x62, "f64.ne", Mvp, INSTR_OK__RELOP, Relop(F64, Relop::Float(FRelop::Ne)) }
            { F64Lt, 0x63, "f64.lt", Mvp, INSTR_OK__RELOP, Relop(F64, Relop::Float(FRelop::Lt)) }
            { F64Gt, 0x64, "f64.gt", Mvp, INSTR_OK__RELOP, Relop(F64, Relop::Float(FRelop::Gt)) }
            { F64Le, 0x65, "f64.le", Mvp, INSTR_OK__RELOP, Relop(F64, Relop::Float(FRelop::Le)) }
            { F64Ge, 0x66, "f64.ge", Mvp, INSTR_OK__RELOP, Relop(F64, Relop::Float(FRelop::Ge)) }
            { I32Clz, 0x67, "i32.clz", Mvp, INSTR_OK__UNOP, Unop(I32, Unop::Int(IUnop::Clz)) }
            { I32Ctz, 0x68, "i32.ctz", Mvp, INSTR_OK__UNOP, Unop(I32, Unop::Int(IUnop::Ctz)) }
            { I32Popcnt, 0x69, "i32.popcnt", Mvp, INSTR_OK__UNOP, Unop(I32, Unop::Int(IUnop::Popcnt)) }
            { I32Add, 0x6a, "i32.add", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::Add)) }
            { I32Sub, 0x6b, "i32.sub", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::Sub)) }
            { I32Mul, 0x6c, "i32.mul", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::Mul)) }
            { I32DivS, 0x6d, "i32.div_s", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::Div(S))) }
            { I32DivU, 0x6e, "i32.div_u", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::Div(U))) }
            { I32RemS, 0x6f, "i32.rem_s", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::Rem(S))) }
            { I32RemU, 0x70, "i32.rem_u", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::Rem(U))) }
            { I32And, 0x71, "i32.and", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::And)) }
            { I32Or, 0x72, "i32.or", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::Or)) }
            { I32Xor, 0x73, "i32.xor", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::Xor)) }
            { I32Shl, 0x74, "i32.shl", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::Shl)) }
            { I32ShrS, 0x75, "i32.shr_s", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::Shr(S))) }
            { I32ShrU, 0x76, "i32.shr_u", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::Shr(U))) }
            { I32Rotl, 0x77, "i32.rotl", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::Rotl)) }
            { I32Rotr, 0x78, "i32.rotr", Mvp, INSTR_OK__BINOP, Binop(I32, Binop::Int(IBinop::Rotr)) }
            { I64Clz, 0x79, "i64.clz", Mvp, INSTR_OK__UNOP, Unop(I64, Unop::Int(IUnop::Clz)) }
            { I64Ctz, 0x7a, "i64.ctz", Mvp, INSTR_OK__UNOP, Unop(I64, Unop::Int(IUnop::Ctz)) }
            { I64Popcnt, 0x7b, "i64.popcnt", Mvp, INSTR_OK__UNOP, Unop(I64, Unop::Int(IUnop::Popcnt)) }
            { I64Add, 0x7c, "i64.add", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::Add)) }
            { I64Sub, 0x7d, "i64.sub", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::Sub)) }
            { I64Mul, 0x7e, "i64.mul", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::Mul)) }
            { I64DivS, 0x7f, "i64.div_s", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::Div(S))) }
            { I64DivU, 0x80, "i64.div_u", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::Div(U))) }
            { I64RemS, 0x81, "i64.rem_s", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::Rem(S))) }
            { I64RemU, 0x82, "i64.rem_u", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::Rem(U))) }
            { I64And, 0x83, "i64.and", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::And)) }
            { I64Or, 0x84, "i64.or", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::Or)) }
            { I64Xor, 0x85, "i64.xor", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::Xor)) }
            { I64Shl, 0x86, "i64.shl", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::Shl)) }
            { I64ShrS, 0x87, "i64.shr_s", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::Shr(S))) }
            { I64ShrU, 0x88, "i64.shr_u", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::Shr(U))) }
            { I64Rotl, 0x89, "i64.rotl", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::Rotl)) }
            { I64Rotr, 0x8a, "i64.rotr", Mvp, INSTR_OK__BINOP, Binop(I64, Binop::Int(IBinop::Rotr)) }
            { F32Abs, 0x8b, "f32.abs", Mvp, INSTR_OK__UNOP, Unop(F32, Unop::Float(FUnop::Abs)) }
            { F32Neg, 0x8c, "f32.neg", Mvp, INSTR_OK__UNOP, Unop(F32, Unop::Float(FUnop::Neg)) }
            { F32Ceil, 0x8d, "f32.ceil", Mvp, INSTR_OK__UNOP, Unop(F32, Unop::Float(FUnop::Ceil)) }
            { F32Floor, 0x8e, "f32.floor", Mvp, INSTR_OK__UNOP, Unop(F32, Unop::Float(FUnop::Floor)) }
            { F32Trunc, 0x8f, "f32.trunc", Mvp, INSTR_OK__UNOP, Unop(F32, Unop::Float(FUnop::Trunc)) }
            { F32Nearest, 0x90, "f32.nearest", Mvp, INSTR_OK__UNOP, Unop(F32, Unop::Float(FUnop::Nearest)) }
            { F32Sqrt, 0x91, "f32.sqrt", Mvp, INSTR_OK__UNOP, Unop(F32, Unop::Float(FUnop::Sqrt)) }
            { F32Add, 0x92, "f32.add", Mvp, INSTR_OK__BINOP, Binop(F32, Binop::Float(FBinop::Add)) }
            { F32Sub, 0x93, "f32.sub", Mvp, INSTR_OK__BINOP, Binop(F32, Binop::Float(FBinop::Sub)) }
            { F32Mul, 0x94, "f32.mul", Mvp, INSTR_OK__BINOP, Binop(F32, Binop::Float(FBinop::Mul)) }
            { F32Div, 0x95, "f32.div", Mvp, INSTR_OK__BINOP, Binop(F32, Binop::Float(FBinop::Div)) }
            { F32Min, 0x96, "f32.min", Mvp, INSTR_OK__BINOP, Binop(F32, Binop::Float(FBinop::Min)) }
            { F32Max, 0x97, "f32.max", Mvp, INSTR_OK__BINOP, Binop(F32, Binop::Float(FBinop::Max)) }
            { F32Copysign, 0x98, "f32.copysign", Mvp, INSTR_OK__BINOP,
                Binop(F32, Binop::Float(FBinop::Copysign)) }
            { F64Abs, 0x99, "f64.abs", Mvp, INSTR_OK__UNOP, Unop(F64, Unop::Float(FUnop::Abs)) }
            { F64Neg, 0x9a, "f64.neg", Mvp, INSTR_OK__UNOP, Unop(F64, Unop::Float(FUnop::Neg)) }
            { F64Ceil, 0x9b, "f64.ceil", Mvp, INSTR_OK__UNOP, Unop(F64, Unop::Float(FUnop::Ceil)) }
            { F64Floor, 0x9c, "f64.floor", Mvp, INSTR_OK__UNOP, Unop(F64, Unop::Float(FUnop::Floor)) }
            { F64Trunc, 0x9d, "f64.trunc", Mvp, INSTR_OK__UNOP, Unop(F64, Unop::Float(FUnop::Trunc)) }
            { F64Nearest, 0x9e, "f64.nearest", Mvp, INSTR_OK__UNOP, Unop(F64, Unop::Float(FUnop::Nearest)) }
            { F64Sqrt, 0x9f, "f64.sqrt", Mvp, INSTR_OK__UNOP, Unop(F64, Unop::Float(FUnop::Sqrt)) }
            { F64Add, 0xa0, "f64.add", Mvp, INSTR_OK__BINOP, Binop(F64, Binop::Float(FBinop::Add)) }
            { F64Sub, 0xa1, "f64.sub", Mvp, INSTR_OK__BINOP, Binop(F64, Binop::Float(FBinop::Sub)) }
            { F64Mul, 0xa2, "f64.mul", Mvp, INSTR_OK__BINOP, Binop(F64, Binop::Float(FBinop::Mul)) }
            { F64Div, 0xa3, "f64.div", Mvp, INSTR_OK__BINOP, Binop(F64, Binop::Float(FBinop::Div)) }
            { F64Min, 0xa4, "f64.min", Mvp, INSTR_OK__BINOP, Binop(F64, Binop::Float(FBinop::Min)) }
            { F64Max, 0xa5, "f64.max", Mvp, INSTR_OK__BINOP, Binop(F64, Binop::Float(FBinop::Max)) }
            { F64Copysign, 0xa6, "f64.copysign", Mvp, INSTR_OK__BINOP,
                Binop(F64, Binop::Float(FBinop::Copysign)) }
            { I32WrapI64, 0xa7, "i32.wrap_i64", Mvp, INSTR_OK__CVTOP, Cvtop(I32, I64, Cvtop::Wrap) }
            { I32TruncF32S, 0xa8, "i32.trunc_f32_s", Mvp, INSTR_OK__CVTOP, Cvtop(I32, F32, Cvtop::Trunc(S)) }
            { I32TruncF32U, 0xa9, "i32.trunc_f32_u", Mvp, INSTR_OK__CVTOP, Cvtop(I32, F32, Cvtop::Trunc(U)) }
            { I32TruncF64S, 0xaa, "i32.trunc_f64_s", Mvp, INSTR_OK__CVTOP, Cvtop(I32, F64, Cvtop::Trunc(S)) }
            { I32TruncF64U, 0xab, "i32.trunc_f64_u", Mvp, INSTR_OK__CVTOP, Cvtop(I32, F64, Cvtop::Trunc(U)) }
            { I64ExtendI32S, 0xac, "i64.extend_i32_s", Mvp, INSTR_OK__CVTOP,
                Cvtop(I64, I32, Cvtop::Extend(S)) }
            { I64ExtendI32U, 0xad, "i64.extend_i32_u", Mvp, INSTR_OK__CVTOP,
                Cvtop(I64, I32, Cvtop::Extend(U)) }
            { I64TruncF32S, 0xae, "i64.trunc_f32_s", Mvp, INSTR_OK__CVTOP, Cvtop(I64, F32, Cvtop::Trunc(S)) }
            { I64TruncF32U, 0xaf, "i64.trunc_f32_u", Mvp, INSTR_OK__CVTOP, Cvtop(I64, F32, Cvtop::Trunc(U)) }
            { I64TruncF64S, 0xb0, "i64.trunc_f64_s", Mvp, INSTR_OK__CVTOP, Cvtop(I64, F64, Cvtop::Trunc(S)) }
            { I64TruncF64U, 0xb1, "i64.trunc_f64_u", Mvp, INSTR_OK__CVTOP, Cvtop(I64, F64, Cvtop::Trunc(U)) }
            { F32ConvertI32S, 0xb2, "f32.convert_i32_s", Mvp, INSTR_OK__CVTOP,
                Cvtop(F32, I32, Cvtop::Convert(S)) }
            { F32ConvertI32U, 0xb3, "f32.convert_i32_u", Mvp, INSTR_OK__CVTOP,
                Cvtop(F32, I32, Cvtop::Convert(U)) }
            { F32ConvertI64S, 0xb4, "f32.convert_i64_s", Mvp, INSTR_OK__CVTOP,
                Cvtop(F32, I64, Cvtop::Convert(S)) }
            { F32ConvertI64U, 0xb5, "f32.convert_i64_u", Mvp, INSTR_OK__CVTOP,
                Cvtop(F32, I64, Cvtop::Convert(U)) }
            { F32DemoteF64, 0xb6, "f32.demote_f64", Mvp, INSTR_OK__CVTOP, Cvtop(F32, F64, Cvtop::Demote) }
            { F64ConvertI32S, 0xb7, "f64.convert_i32_s", Mvp, INSTR_OK__CVTOP,
                Cvtop(F64, I32, Cvtop::Convert(S)) }
            { F64ConvertI32U, 0xb8, "f64.convert_i32_u", Mvp, INSTR_OK__CVTOP,
                Cvtop(F64, I32, Cvtop::Convert(U)) }
            { F64ConvertI64S, 0xb9, "f64.convert_i64_s", Mvp, INSTR_OK__CVTOP,
                Cvtop(F64, I64, Cvtop::Convert(S)) }
            { F64ConvertI64U, 0xba, "f64.convert_i64_u", Mvp, INSTR_OK__CVTOP,
                Cvtop(F64, I64, Cvtop::Convert(U)) }
            { F64PromoteF32, 0xbb, "f64.promote_f32", Mvp, INSTR_OK__CVTOP, Cvtop(F64, F32, Cvtop::Promote) }
            { I32ReinterpretF32, 0xbc, "i32.reinterpret_f32", Mvp, INSTR_OK__CVTOP,
                Cvtop(I32, F32, Cvtop::Reinterpret) }
            { I64ReinterpretF64, 0xbd, "i64.reinterpret_f64", Mvp, INSTR_OK__CVTOP,
                Cvtop(I64, F64, Cvtop::Reinterpret) }
            { F32ReinterpretI32, 0xbe, "f32.reinterpret_i32", Mvp, INSTR_OK__CVTOP,
                Cvtop(F32, I32, Cvtop::Reinterpret) }
            { F64ReinterpretI64, 0xbf, "f64.reinterpret_i64", Mvp, INSTR_OK__CVTOP,
                Cvtop(F64, I64, Cvtop::Reinterpret) }
            { I32Extend8S, 0xc0, "i32.extend8_s", SignExtension, INSTR_OK__UNOP,
                Unop(I32, Unop::Int(IUnop::Extend(N8))) }
            { I32Extend16S, 0xc1, "i32.extend16_s", SignExtension, INSTR_OK__UNOP,
                Unop(I32, Unop::Int(IUnop::Extend(N16))) }
            { I64Extend8S, 0xc2, "i64.extend8_s", SignExtension, INSTR_OK__UNOP,
                Unop(I64, Unop::Int(IUnop::Extend(N8))) }
            { I64Extend16S, 0xc3, "i64.extend16_s", SignExtension, INSTR_OK__UNOP,
                Unop(I64, Unop::Int(IUnop::Extend(N16))) }
            { I64Extend32S, 0xc4, "i64.extend32_s", SignExtension, INSTR_OK__UNOP,
                Unop(I64, Unop::Int(IUnop::Extend(N32))) }

            // References.
            { RefNull, 0xd0, "ref.null", ReferenceTypes, INSTR_OK__REF_NULL, RefNull(..) }
            { RefIsNull, 0xd1, "ref.is_null", ReferenceTypes, INSTR_OK__REF_IS_NULL, RefIsNull }
            { RefFunc, 0xd2, "ref.func", ReferenceTypes, INSTR_OK__REF_FUNC, RefFunc(..) }
            { RefEq, 0xd3, "ref.eq", Gc, INSTR_OK__REF_EQ, RefEq }
            { RefAsNonNull, 0xd4, "ref.as_non_null", FunctionReferences, INSTR_OK__REF_AS_NON_NULL,
                RefAsNonNull }
            { BrOnNull, 0xd5, "br_on_null", FunctionReferences, INSTR_OK__BR_ON_NULL, BrOnNull(..) }
            { BrOnNonNull, 0xd6, "br_on_non_null", FunctionReferences, INSTR_OK__BR_ON_NON_NULL,
                BrOnNonNull(..) }

            // Aggregates and casts: prefix 0xFB.
            { StructNew, 0xfb 0, "struct.new", Gc, INSTR_OK__STRUCT_NEW, StructNew(..) }
            { StructNewDefault, 0xfb 1, "struct.new_default", Gc, INSTR_OK__STRUCT_NEW_DEFAULT,
                StructNewDefault(..) }
            { StructGet, 0xfb 2, "struct.get", Gc, INSTR_OK__STRUCT_GET, StructGet(None, ..) }
            { StructGetS, 0xfb 3, "struct.get_s", Gc, INSTR_OK__STRUCT_GET, StructGet(Some(S), ..) }
            { StructGetU, 0xfb 4, "struct.get_u", Gc, INSTR_OK__STRUCT_GET, StructGet(Some(U), ..) }
            { StructSet, 0xfb 5, "struct.set", Gc, INSTR_OK__STRUCT_SET, StructSet(..) }
            { ArrayNew, 0xfb 6, "array.new", Gc, INSTR_OK__ARRAY_NEW, ArrayNew(..) }
            { ArrayNewDefault, 0xfb 7, "array.new_default", Gc, INSTR_OK__ARRAY_NEW_DEFAULT,
                ArrayNewDefault(..) }
            { ArrayNewFixed, 0xfb 8, "array.new_fixed", Gc, INSTR_OK__ARRAY_NEW_FIXED, ArrayNewFixed(..) }
            { ArrayNewData, 0xfb 9, "array.new_data", Gc, INSTR_OK__ARRAY_NEW_DATA, ArrayNewData(..) }
            { ArrayNewElem, 0xfb 10, "array.new_elem", Gc, INSTR_OK__ARRAY_NEW_ELEM, ArrayNewElem(..) }
            { ArrayGet, 0xfb 11, "array.get", Gc, INSTR_OK__ARRAY_GET, ArrayGet(None, _) }
            { ArrayGetS, 0xfb 12, "array.get_s", Gc, INSTR_OK__ARRAY_GET, ArrayGet(Some(S), _) }
            { ArrayGetU, 0xfb 13, "array.get_u", Gc, INSTR_OK__ARRAY_GET, ArrayGet(Some(U), _) }
            { ArraySet, 0xfb 14, "array.set", Gc, INSTR_OK__ARRAY_SET, ArraySet(..) }
            { ArrayLen, 0xfb 15, "array.len", Gc, INSTR_OK__ARRAY_LEN, ArrayLen }
            { ArrayFill, 0xfb 16, "array.fill", Gc, INSTR_OK__ARRAY_FILL, ArrayFill(..) }
            { ArrayCopy, 0xfb 17, "array.copy", Gc, INSTR_OK__ARRAY_COPY, ArrayCopy(..) }
            { ArrayInitData, 0xfb 18, "array.init_data", Gc, INSTR_OK__ARRAY_INIT_DATA, ArrayInitData(..) }
            { ArrayInitElem, 0xfb 19, "array.init_elem", Gc, INSTR_OK__ARRAY_INIT_ELEM, ArrayInitElem(..) }
            { RefTestNonNull, 0xfb 20, "ref.test", Gc, INSTR_OK__REF_TEST,
                RefTest(RefType { nullable: false, .. }) }
            { RefTestNullable, 0xfb 21, "ref.test", Gc, INSTR_OK__REF_TEST,
                RefTest(RefType { nullable: true, .. }) }
            { RefCastNonNull, 0xfb 22, "ref.cast", Gc, INSTR_OK__REF_CAST,
                RefCast(RefType { nullable: false, .. }) }
            { RefCastNullable, 0xfb 23, "ref.cast", Gc, INSTR_OK__REF_CAST,
                RefCast(RefType { nullable: true, .. }) }
            { BrOnCast, 0xfb 24, "br_on_cast", Gc, INSTR_OK__BR_ON_CAST, BrOnCast(..) }
            { BrOnCastFail, 0xfb 25, "br_on_cast_fail", Gc, INSTR_OK__BR_ON_CAST_FAIL, BrOnCastFail(..) }
            { AnyConvertExtern, 0xfb 26, "any.convert_extern", Gc, INSTR_OK__ANY_CONVERT_EXTERN,
                AnyConvertExtern }
            { ExternConvertAny, 0xfb 27, "extern.convert_any", Gc, INSTR_OK__EXTERN_CONVERT_ANY,
                ExternConvertAny }
            { RefI31, 0xfb 28, "ref.i31", Gc, INSTR_OK__REF_I31, RefI31 }
            { I31GetS, 0xfb 29, "i31.get_s", Gc, INSTR_OK__I31_GET, I31Get(S) }
            { I31GetU, 0xfb 30, "i31.get_u", Gc, INSTR_OK__I31_GET, I31Get(U) }

            // Saturating truncation, bulk memory and tables: prefix 0xFC.
            { I32TruncSatF32S, 0xfc 0, "i32.trunc_sat_f32_s", NonTrappingFloatToInt, INSTR_OK__CVTOP,
                Cvtop(I32, F32, Cvtop::TruncSat(S)) }
            { I32TruncSatF32U, 0xfc 1, "i32.trunc_sat_f32_u", NonTrappingFloatToInt, INSTR_OK__CVTOP,
                Cvtop(I32, F32, Cvtop::TruncSat(U)) }
            { I32TruncSatF64S, 0xfc 2, "i32.trunc_sat_f64_s", NonTrappingFloatToInt, INSTR_OK__CVTOP,
                Cvtop(I32, F64, Cvtop::TruncSat(S)) }
            { I32TruncSatF64U, 0xfc 3, "i32.trunc_sat_f64_u", NonTrappingFloatToInt, INSTR_OK__CVTOP,
                Cvtop(I32, F64, Cvtop::TruncSat(U)) }
            { I64TruncSatF32S, 0xfc 4, "i64.trunc_sat_f32_s", NonTrappingFloatToInt, INSTR_OK__CVTOP,
                Cvtop(I64, F32, Cvtop::TruncSat(S)) }
            { I64TruncSatF32U, 0xfc 5, "i64.trunc_sat_f32_u", NonTrappingFloatToInt, INSTR_OK__CVTOP,
                Cvtop(I64, F32, Cvtop::TruncSat(U)) }
            { I64TruncSatF64S, 0xfc 6, "i64.trunc_sat_f64_s", NonTrappingFloatToInt, INSTR_OK__CVTOP,
                Cvtop(I64, F64, Cvtop::TruncSat(S)) }
            { I64TruncSatF64U, 0xfc 7, "i64.trunc_sat_f64_u", NonTrappingFloatToInt, INSTR_OK__CVTOP,
                Cvtop(I64, F64, Cvtop::TruncSat(U)) }
            { MemoryInit, 0xfc 8, "memory.init", BulkMemory, INSTR_OK__MEMORY_INIT, MemoryInit(..) }
            { DataDrop, 0xfc 9, "data.drop", BulkMemory, INSTR_OK__DATA_DROP, DataDrop(..) }
            { MemoryCopy, 0xfc 10, "memory.copy", BulkMemory, INSTR_OK__MEMORY_COPY, MemoryCopy(..) }
            { MemoryFill, 0xfc 11, "memory.fill", BulkMemory, INSTR_OK__MEMORY_FILL, MemoryFill(..) }
            { TableInit, 0xfc 12, "table.init", BulkMemory, INSTR_OK__TABLE_INIT, TableInit(..) }
            { ElemDrop, 0xfc 13, "elem.drop", BulkMemory, INSTR_OK__ELEM_DROP, ElemDrop(..) }
            { TableCopy, 0xfc 14, "table.copy", BulkMemory, INSTR_OK__TABLE_COPY, TableCopy(..) }
            { TableGrow, 0xfc 15, "table.grow", ReferenceTypes, INSTR_OK__TABLE_GROW, TableGrow(..) }
            { TableSize, 0xfc 16, "table.size", ReferenceTypes, INSTR_OK__TABLE_SIZE, TableSize(..) }
            { TableFill, 0xfc 17, "table.fill", ReferenceTypes, INSTR_OK__TABLE_FILL, TableFill(..) }

            // Vector instructions: prefix 0xFD; relaxed SIMD from 256 up.
            { V128Load, 0xfd 0, "v128.load", Simd, INSTR_OK__VLOAD_VAL, VLoad(None, ..) }
            { V128Load8x8S, 0xfd 1, "v128.load8x8_s", Simd, INSTR_OK__VLOAD_PACK,
                VLoad(Some(VLoadOp::Shape(N8, 8, S)), ..) }
            { V128Load8x8U, 0xfd 2, "v128.load8x8_u", Simd, INSTR_OK__VLOAD_PACK,
                VLoad(Some(VLoadOp::Shape(N8, 8, U)), ..) }
            { V128Load16x4S, 0xfd 3, "v128.load16x4_s", Simd, INSTR_OK__VLOAD_PACK,
                VLoad(Some(VLoadOp::Shape(N16, 4, S)), ..) }
            { V128Load16x4U, 0xfd 4, "v128.load16x4_u", Simd, INSTR_OK__VLOAD_PACK,
                VLoad(Some(VLoadOp::Shape(N16, 4, U)), ..) }
            { V128Load32x2S, 0xfd 5, "v128.load32x2_s", Simd, INSTR_OK__VLOAD_PACK,
                VLoad(Some(VLoadOp::Shape(N32, 2, S)), ..) }
            { V128Load32x2U, 0xfd 6, "v128.load32x2_u", Simd, INSTR_OK__VLOAD_PACK,
                VLoad(Some(VLoadOp::Shape(N32, 2, U)), ..) }
            { V128Load8Splat, 0xfd 7, "v128.load8_splat", Simd, INSTR_OK__VLOAD_SPLAT,
                VLoad(Some(VLoadOp::Splat(N8)), ..) }
            { V128Load16Splat, 0xfd 8, "v128.load16_splat", Simd, INSTR_OK__VLOAD_SPLAT,
                VLoad(Some(VLoadOp::Splat(N16)), ..) }
            { V128Load32Splat, 0xfd 9, "v128.load32_splat", Simd, INSTR_OK__VLOAD_SPLAT,
                VLoad(Some(VLoadOp::Splat(N32)), ..) }
            { V128Load64Splat, 0xfd 10, "v128.load64_splat", Simd, INSTR_OK__VLOAD_SPLAT,
                VLoad(Some(VLoadOp::Splat(N64)), ..) }
            { V128Store, 0xfd 11, "v128.store", Simd, INSTR_OK__VSTORE, VStore(..) }
            { V128Const, 0xfd 12, "v128.const", Simd, INSTR_OK__VCONST, VConst(..) }
            { I8x16Shuffle, 0xfd 13, "i8x16.shuffle", Simd, INSTR_OK__VSHUFFLE, VShuffle(..) }
            { I8x16Swizzle, 0xfd 14, "i8x16.swizzle", Simd, INSTR_OK__VSWIZZLOP,
                VSwizzlop(VSwizzlop::Swizzle) }
            { I8x16Splat, 0xfd 15, "i8x16.splat", Simd, INSTR_OK__VSPLAT, VSplat(I8x16) }
            { I16x8Splat, 0xfd 16, "i16x8.splat", Simd, INSTR_OK__VSPLAT, VSplat(I16x8) }
            { I32x4Splat, 0xfd 17, "i32x4.splat", Simd, INSTR_OK__VSPLAT, VSplat(I32x4) }
            { I64x2Splat, 0xfd 18, "i64x2.splat", Simd, INSTR_OK__VSPLAT, VSplat(I64x2) }
            { F32x4Splat, 0xfd 19, "f32x4.splat", Simd, INSTR_OK__VSPLAT, VSplat(F32x4) }
            { F64x2Splat, 0xfd 20, "f64x2.splat", Simd, INSTR_OK__VSPLAT, VSplat(F64x2) }
            { I8x16ExtractLaneS, 0xfd 21, "i8x16.extract_lane_s", Simd, INSTR_OK__VEXTRACT_LANE,
                VExtractLane(I8x16, Some(S), _) }
            { I8x16ExtractLaneU, 0xfd 22, "i8x16.extract_lane_u", Simd, INSTR_OK__VEXTRACT_LANE,
                VExtractLane(I8x16, Some(U), _) }
            { I8x16ReplaceLane, 0xfd 23, "i8x16.replace_lane", Simd, INSTR_OK__VREPLACE_LANE,
                VReplaceLane(I8x16, _) }
            { I16x8ExtractLaneS, 0xfd 24, "i16x8.extract_lane_s", Simd, INSTR_OK__VEXTRACT_LANE,
                VExtractLane(I16x8, Some(S), _) }
            { I16x8ExtractLaneU, 0xfd 25, "i16x8.extract_lane_u", Simd, INSTR_OK__VEXTRACT_LANE,
                VExtractLane(I16x8, Some(U), _) }
            { I16x8ReplaceLane, 0xfd 26, "i16x8.replace_lane", Simd, INSTR_OK__VREPLACE_LANE,
                VReplaceLane(I16x8, _) }
            { I32x4ExtractLane, 0xfd 27, "i32x4.extract_lane", Simd, INSTR_OK__VEXTRACT_LANE,
                VExtractLane(I32x4, None, _) }
            { I32x4ReplaceLane, 0xfd 28, "i32x4.replace_lane", Simd, INSTR_OK__VREPLACE_LANE,
                VReplaceLane(I32x4, _) }
            { I64x2ExtractLane, 0xfd 29, "i64x2.extract_lane", Simd, INSTR_OK__VEXTRACT_LANE,
                VExtractLane(I64x2, None, _) }
            { I64x2ReplaceLane, 0xfd 30, "i64x2.replace_lane", Simd, INSTR_OK__VREPLACE_LANE,
                VReplaceLane(I64x2, _) }
            { F32x4ExtractLane, 0xfd 31, "f32x4.extract_lane", Simd, INSTR_OK__VEXTRACT_LANE,
                VExtractLane(F32x4, None, _) }
            { F32x4ReplaceLane, 0xfd 32, "f32x4.replace_lane", Simd, INSTR_OK__VREPLACE_LANE,
                VReplaceLane(F32x4, _) }
            { F64x2ExtractLane, 0xfd 33, "f64x2.extract_lane", Simd, INSTR_OK__VEXTRACT_LANE,
                VExtractLane(F64x2, None, _) }
            { F64x2ReplaceLane, 0xfd 34, "f64x2.replace_lane", Simd, INSTR_OK__VREPLACE_LANE,
                VReplaceLane(F64x2, _) }
            { I8x16Eq, 0xfd 35, "i8x16.eq", Simd, INSTR_OK__VRELOP, VRelop(I8x16, Relop::Int(IRelop::Eq)) }
            { I8x16Ne, 0xfd 36, "i8x16.ne", Simd, INSTR_OK__VRELOP, VRelop(I8x16, Relop::Int(IRelop::Ne)) }
            { I8x16LtS, 0xfd 37, "i8x16.lt_s", Simd, INSTR_OK__VRELOP,
                VRelop(I8x16, Relop::Int(IRelop::Lt(S))) }
            { I8x16LtU, 0xfd 38, "i8x16.lt_u", Simd, INSTR_OK__VRELOP,
                VRelop(I8x16, Relop::Int(IRelop::Lt(U))) }
            { I8x16GtS, 0xfd 39, "i8x16.gt_s", Simd, INSTR_OK__VRELOP,
                VRelop(I8x16, Relop::Int(IRelop::Gt(S))) }
            { I8x16GtU, 0xfd 40, "i8x16.gt_u", Simd, INSTR_OK__VRELOP,
                VRelop(I8x16, Relop::Int(IRelop::Gt(U))) }
            { I8x16LeS, 0xfd 41, "i8x16.le_s", Simd, INSTR_OK__VRELOP,
                VRelop(I8x16, Relop::Int(IRelop::Le(S))) }
            { I8x16LeU, 0xfd 42, "i8x16.le_u", Simd, INSTR_OK__VRELOP,
                VRelop(I8x16, Relop::Int(IRelop::Le(U))) }
            { I8x16GeS, 0xfd 43, "i8x16.ge_s", Simd, INSTR_OK__VRELOP,
                VRelop(I8x16, Relop::Int(IRelop::Ge(S))) }
            { I8x16GeU, 0xfd 44, "i8x16.ge_u", Simd, INSTR_OK__VRELOP,
                VRelop(I8x16, Relop::Int(IRelop::Ge(U))) }
            { I16x8Eq, 0xfd 45, "i16x8.eq", Simd, INSTR_OK__VRELOP, VRelop(I16x8, Relop::Int(IRelop::Eq)) }
            { I16x8Ne, 0xfd 46, "i16x8.ne", Simd, INSTR_OK__VRELOP, VRelop(I16x8, Relop::Int(IRelop::Ne)) }
            { I16x8LtS, 0xfd 47, "i16x8.lt_s", Simd, INSTR_OK__VRELOP,
                VRelop(I16x8, Relop::Int(IRelop::Lt(S))) }
            { I16x8LtU, 0xfd 48, "i16x8.lt_u", Simd, INSTR_OK__VRELOP,
                VRelop(I16x8, Relop::Int(IRelop::Lt(U))) }
            { I16x8GtS, 0xfd 49, "i16x8.gt_s", Simd, INSTR_OK__VRELOP,
                VRelop(I16x8, Relop::Int(IRelop::Gt(S))) }
            { I16x8GtU, 0xfd 50, "i16x8.gt_u", Simd, INSTR_OK__VRELOP,
                VRelop(I16x8, Relop::Int(IRelop::Gt(U))) }
            { I16x8LeS, 0xfd 51, "i16x8.le_s", Simd, INSTR_OK__VRELOP,
                VRelop(I16x8, Relop::Int(IRelop::Le(S))) }
            { I16x8LeU, 0xfd 52, "i16x8.le_u", Simd, INSTR_OK__VRELOP,
                VRelop(I16x8, Relop::Int(IRelop::Le(U))) }
            { I16x8GeS, 0xfd 53, "i16x8.ge_s", Simd, INSTR_OK__VRELOP,
                VRelop(I16x8, Relop::Int(IRelop::Ge(S))) }
            { I16x8GeU, 0xfd 54, "i16x8.ge_u", Simd, INSTR_OK__VRELOP,
                VRelop(I16x8, Relop::Int(IRelop::Ge(U))) }
            { I32x4Eq, 0xfd 55, "i32x4.eq", Simd, INSTR_OK__VRELOP, VRelop(I32x4, Relop::Int(IRelop::Eq)) }
            { I32x4Ne, 0xfd 56, "i32x4.ne", Simd, INSTR_OK__VRELOP, VRelop(I32x4, Relop::Int(IRelop::Ne)) }
            { I32x4LtS, 0xfd 57, "i32x4.lt_s", Simd, INSTR_OK__VRELOP,
                VRelop(I32x4, Relop::Int(IRelop::Lt(S))) }
            { I32x4LtU, 0xfd 58, "i32x4.lt_u", Simd, INSTR_OK__VRELOP,
                VRelop(I32x4, Relop::Int(IRelop::Lt(U))) }
            { I32x4GtS, 0xfd 59, "i32x4.gt_s", Simd, INSTR_OK__VRELOP,
                VRelop(I32x4, Relop::Int(IRelop::Gt(S))) }
            { I32x4GtU, 0xfd 60, "i32x4.gt_u", Simd, INSTR_OK__VRELOP,
                VRelop(I32x4, Relop::Int(IRelop::Gt(U))) }
            { I32x4LeS, 0xfd 61, "i32x4.le_s", Simd, INSTR_OK__VRELOP,
                VRelop(I32x4, Relop::Int(IRelop::Le(S))) }
            { I32x4LeU, 0xfd 62, "i32x4.le_u", Simd, INSTR_OK__VRELOP,
                VRelop(I32x4, Relop::Int(IRelop::Le(U))) }
            { I32x4GeS, 0xfd 63, "i32x4.ge_s", Simd, INSTR_OK__VRELOP,
                VRelop(I32x4, Relop::Int(IRelop::Ge(S))) }
            { I32x4GeU, 0xfd 64, "i32x4.ge_u", Simd, INSTR_OK__VRELOP,
                VRelop(I32x4, Relop::Int(IRelop::Ge(U))) }
            { F32x4Eq, 0xfd 65, "f32x4.eq", Simd, INSTR_OK__VRELOP, VRelop(F32x4, Relop::Float(FRelop::Eq)) }
            { F32x4Ne, 0xfd 66, "f32x4.ne", Simd, INSTR_OK__VRELOP, VRelop(F32x4, Relop::Float(FRelop::Ne)) }
            { F32x4Lt, 0xfd 67, "f32x4.lt", Simd, INSTR_OK__VRELOP, VRelop(F32x4, Relop::Float(FRelop::Lt)) }
            { F32x4Gt, 0xfd 68, "f32x4.gt", Simd, INSTR_OK__VRELOP, VRelop(F32x4, Relop::Float(FRelop::Gt)) }
            { F32x4Le, 0xfd 69, "f32x4.le", Simd, INSTR_OK__VRELOP, VRelop(F32x4, Relop::Float(FRelop::Le)) }
            { F32x4Ge, 0xfd 70, "f32x4.ge", Simd, INSTR_OK__VRELOP, VRelop(F32x4, Relop::Float(FRelop::Ge)) }
            { F64x2Eq, 0xfd 71, "f64x2.eq", Simd, INSTR_OK__VRELOP, VRelop(F64x2, Relop::Float(FRelop::Eq)) }
            { F64x2Ne, 0xfd 72, "f64x2.ne", Simd, INSTR_OK__VRELOP, VRelop(F64x2, Relop::Float(FRelop::Ne)) }
            { F64x2Lt, 0xfd 73, "f64x2.lt", Simd, INSTR_OK__VRELOP, VRelop(F64x2, Relop::Float(FRelop::Lt)) }
            { F64x2Gt, 0xfd 74, "f64x2.gt", Simd, INSTR_OK__VRELOP, VRelop(F64x2, Relop::Float(FRelop::Gt)) }
            { F64x2Le, 0xfd 75, "f64x2.le", Simd, INSTR_OK__VRELOP, VRelop(F64x2, Relop::Float(FRelop::Le)) }
            { F64x2Ge, 0xfd 76, "f64x2.ge", Simd, INSTR_OK__VRELOP, VRelop(F64x2, Relop::Float(FRelop::Ge)) }
            { V128Not, 0xfd 77, "v128.not", Simd, INSTR_OK__VVUNOP, VVunop(VVunop::Not) }
            { V128And, 0xfd 78, "v128.and", Simd, INSTR_OK__VVBINOP, VVbinop(VVbinop::And) }
            { V128AndNot, 0xfd 79, "v128.andnot", Simd, INSTR_OK__VVBINOP, VVbinop(VVbinop::AndNot) }
            { V128Or, 0xfd 80, "v128.or", Simd, INSTR_OK__VVBINOP, VVbinop(VVbinop::Or) }
            { V128Xor, 0xfd 81, "v128.xor", Simd, INSTR_OK__VVBINOP, VVbinop(VVbinop::Xor) }
            { V128Bitselect, 0xfd 82, "v128.bitselect", Simd, INSTR_OK__VVTERNOP,
                VVternop(VVternop::Bitselect) }
            { V128AnyTrue, 0xfd 83, "v128.any_true", Simd, INSTR_OK__VVTESTOP, VVtestop(VVtestop::AnyTrue) }
            { V128Load8Lane, 0xfd 84, "v128.load8_lane", Simd, INSTR_OK__VLOAD_LANE, VLoadLane(N8, ..) }
            { V128Load16Lane, 0xfd 85, "v128.load16_lane", Simd, INSTR_OK__VLOAD_LANE, VLoadLane(N16, ..) }
            { V128Load32Lane, 0xfd 86, "v128.load32_lane", Simd, INSTR_OK__VLOAD_LANE, VLoadLane(N32, ..) }
            { V128Load64Lane, 0xfd 87, "v128.load64_lane", Simd, INSTR_OK__VLOAD_LANE, VLoadLane(N64, ..) }
            { V128Store8Lane, 0xfd 88, "v128.store8_lane", Simd, INSTR_OK__VSTORE_LANE, VStoreLane(N8, ..) }
            { V128Store16Lane, 0xfd 89, "v128.store16_lane", Simd, INSTR_OK__VSTORE_LANE,
                VStoreLane(N16, ..) }
            { V128Store32Lane, 0xfd 90, "v128.store32_lane", Simd, INSTR_OK__VSTORE_LANE,
                VStoreLane(N32, ..) }
            { V128Store64Lane, 0xfd 91, "v128.store64_lane", Simd, INSTR_OK__VSTORE_LANE,
                VStoreLane(N64, ..) }
            { V128Load32Zero, 0xfd 92, "v128.load32_zero", Simd, INSTR_OK__VLOAD_ZERO,
                VLoad(Some(VLoadOp::Zero(N32)), ..) }
            { V128Load64Zero, 0xfd 93, "v128.load64_zero", Simd, INSTR_OK__VLOAD_ZERO,
                VLoad(Some(VLoadOp::Zero(N64)), ..) }
            { F32x4DemoteF64x2Zero, 0xfd 94, "f32x4.demote_f64x2_zero", Simd, INSTR_OK__VCVTOP,
                VCvtop(F32x4, F64x2, VCvtop::Demote) }
            { F64x2PromoteLowF32x4, 0xfd 95, "f64x2.promote_low_f32x4", Simd, INSTR_OK__VCVTOP,
                VCvtop(F64x2, F32x4, VCvtop::Promote) }
            { I8x16Abs, 0xfd 96, "i8x16.abs", Simd, INSTR_OK__VUNOP, VUnop(I8x16, VUnop::Int(VIUnop::Abs)) }
            { I8x16Neg, 0xfd 97, "i8x16.neg", Simd, INSTR_OK__VUNOP, VUnop(I8x16, VUnop::Int(VIUnop::Neg)) }
            { I8x16Popcnt, 0xfd 98, "i8x16.popcnt", Simd, INSTR_OK__VUNOP,
                VUnop(I8x16, VUnop::Int(VIUnop::Popcnt)) }
            { I8x16AllTrue, 0xfd 99, "i8x16.all_true", Simd, INSTR_OK__VTESTOP,
                VTestop(I8x16, VTestop::AllTrue) }
            { I8x16Bitmask, 0xfd 100, "i8x16.bitmask", Simd, INSTR_OK__VBITMASK, VBitmask(I8x16) }
            { I8x16NarrowI16x8S, 0xfd 101, "i8x16.narrow_i16x8_s", Simd, INSTR_OK__VNARROW,
                VNarrow(I8x16, I16x8, S) }
            { I8x16NarrowI16x8U, 0xfd 102, "i8x16.narrow_i16x8_u", Simd, INSTR_OK__VNARROW,
                VNarrow(I8x16, I16x8, U) }
            { F32x4Ceil, 0xfd 103, "f32x4.ceil", Simd, INSTR_OK__VUNOP,
                VUnop(F32x4, VUnop::Float(FUnop::Ceil)) }
            { F32x4Floor, 0xfd 104, "f32x4.floor", Simd, INSTR_OK__VUNOP,
                VUnop(F32x4, VUnop::Float(FUnop::Floor)) }
            { F32x4Trunc, 0xfd 105, "f32x4.trunc", Simd, INSTR_OK__VUNOP,
                VUnop(F32x4, VUnop::Float(FUnop::Trunc)) }
            { F32x4Nearest, 0xfd 106, "f32x4.nearest", Simd, INSTR_OK__VUNOP,
                VUnop(F32x4, VUnop::Float(FUnop::Nearest)) }
            { I8x16Shl, 0xfd 107, "i8x16.shl", Simd, INSTR_OK__VSHIFTOP, VShiftop(I8x16, VShiftop::Shl) }
            { I8x16ShrS, 0xfd 108, "i8x16.shr_s", Simd, INSTR_OK__VSHIFTOP,
                VShiftop(I8x16, VShiftop::Shr(S)) }
            { I8x16ShrU, 0xfd 109, "i8x16.shr_u", Simd, INSTR_OK__VSHIFTOP,
                VShiftop(I8x16, VShiftop::Shr(U)) }
            { I8x16Add, 0xfd 110, "i8x16.add", Simd, INSTR_OK__VBINOP,
                VBinop(I8x16, VBinop::Int(VIBinop::Add)) }
            { I8x16AddSatS, 0xfd 111, "i8x16.add_sat_s", Simd, INSTR_OK__VBINOP,
                VBinop(I8x16, VBinop::Int(VIBinop::AddSat(S))) }
            { I8x16AddSatU, 0xfd 112, "i8x16.add_sat_u", Simd, INSTR_OK__VBINOP,
                VBinop(I8x16, VBinop::Int(VIBinop::AddSat(U))) }
            { I8x16Sub, 0xfd 113, "i8x16.sub", Simd, INSTR_OK__VBINOP,
                VBinop(I8x16, VBinop::Int(VIBinop::Sub)) }
            { I8x16SubSatS, 0xfd 114, "i8x16.sub_sat_s", Simd, INSTR_OK__VBINOP,
                VBinop(I8x16, VBinop::Int(VIBinop::SubSat(S))) }
            { I8x16SubSatU, 0xfd 115, "i8x16.sub_sat_u", Simd, INSTR_OK__VBINOP,
                VBinop(I8x16, VBinop::Int(VIBinop::SubSat(U))) }
            { F64x2Ceil, 0xfd 116, "f64x2.ceil", Simd, INSTR_OK__VUNOP,
                VUnop(F64x2, VUnop::Float(FUnop::Ceil)) }
            { F64x2Floor, 0xfd 117, "f64x2.floor", Simd, INSTR_OK__VUNOP,
                VUnop(F64x2, VUnop::Float(FUnop::Floor)) }
            { I8x16MinS, 0xfd 118, "i8x16.min_s", Simd, INSTR_OK__VBINOP,
                VBinop(I8x16, VBinop::Int(VIBinop::Min(S))) }
            { I8x16MinU, 0xfd 119, "i8x16.min_u", Simd, INSTR_OK__VBINOP,
                VBinop(I8x16, VBinop::Int(VIBinop::Min(U))) }
            { I8x16MaxS, 0xfd 120, "i8x16.max_s", Simd, INSTR_OK__VBINOP,
                VBinop(I8x16, VBinop::Int(VIBinop::Max(S))) }
            { I8x16MaxU, 0xfd 121, "i8x16.max_u", Simd, INSTR_OK__VBINOP,
                VBinop(I8x16, VBinop::Int(VIBinop::Max(U))) }
            { F64x2Trunc, 0xfd 122, "f64x2.trunc", Simd, INSTR_OK__VUNOP,
                VUnop(F64x2, VUnop::Float(FUnop::Trunc)) }
            { I8x16AvgrU, 0xfd 123, "i8x16.avgr_u", Simd, INSTR_OK__VBINOP,
                VBinop(I8x16, VBinop::Int(VIBinop::Avgr)) }
            { I16x8ExtAddPairwiseI8x16S, 0xfd 124, "i16x8.extadd_pairwise_i8x16_s", Simd, INSTR_OK__VEXTUNOP,
                VExtunop(I16x8, I8x16, VExtunop::ExtaddPairwise(S)) }
            { I16x8ExtAddPairwiseI8x16U, 0xfd 125, "i16x8.extadd_pairwise_i8x16_u", Simd, INSTR_OK__VEXTUNOP,
                VExtunop(I16x8, I8x16, VExtunop::ExtaddPairwise(U)) }
            { I32x4ExtAddPairwiseI16x8S, 0xfd 126, "i32x4.extadd_pairwise_i16x8_s", Simd, INSTR_OK__VEXTUNOP,
                VExtunop(I32x4, I16x8, VExtunop::ExtaddPairwise(S)) }
            { I32x4ExtAddPairwiseI16x8U, 0xfd 127, "i32x4.extadd_pairwise_i16x8_u", Simd, INSTR_OK__VEXTUNOP,
                VExtunop(I32x4, I16x8, VExtunop::ExtaddPairwise(U)) }
            { I16x8Abs, 0xfd 128, "i16x8.abs", Simd, INSTR_OK__VUNOP, VUnop(I16x8, VUnop::Int(VIUnop::Abs)) }
            { I16x8Neg, 0xfd 129, "i16x8.neg", Simd, INSTR_OK__VUNOP, VUnop(I16x8, VUnop::Int(VIUnop::Neg)) }
            { I16x8Q15MulrSatS, 0xfd 130, "i16x8.q15mulr_sat_s", Simd, INSTR_OK__VBINOP,
                VBinop(I16x8, VBinop::Int(VIBinop::Q15mulrSat)) }
            { I16x8AllTrue, 0xfd 131, "i16x8.all_true", Simd, INSTR_OK__VTESTOP,
                VTestop(I16x8, VTestop::AllTrue) }
            { I16x8Bitmask, 0xfd 132, "i16x8.bitmask", Simd, INSTR_OK__VBITMASK, VBitmask(I16x8) }
            { I16x8NarrowI32x4S, 0xfd 133, "i16x8.narrow_i32x4_s", Simd, INSTR_OK__VNARROW,
                VNarrow(I16x8, I32x4, S) }
            { I16x8NarrowI32x4U, 0xfd 134, "i16x8.narrow_i32x4_u", Simd, INSTR_OK__VNARROW,
                VNarrow(I16x8, I32x4, U) }
            { I16x8ExtendLowI8x16S, 0xfd 135, "i16x8.extend_low_i8x16_s", Simd, INSTR_OK__VCVTOP,
                VCvtop(I16x8, I8x16, VCvtop::Extend(Low, S)) }
            { I16x8ExtendHighI8x16S, 0xfd 136, "i16x8.extend_high_i8x16_s", Simd, INSTR_OK__VCVTOP,
                VCvtop(I16x8, I8x16, VCvtop::Extend(High, S)) }
            { I16x8ExtendLowI8x16U, 0xfd 137, "i16x8.extend_low_i8x16_u", Simd, INSTR_OK__VCVTOP,
                VCvtop(I16x8, I8x16, VCvtop::Extend(Low, U)) }
            { I16x8ExtendHighI8x16U, 0xfd 138, "i16x8.extend_high_i8x16_u", Simd, INSTR_OK__VCVTOP,
                VCvtop(I16x8, I8x16, VCvtop::Extend(High, U)) }
            { I16x8Shl, 0xfd 139, "i16x8.shl", Simd, INSTR_OK__VSHIFTOP, VShiftop(I16x8, VShiftop::Shl) }
            { I16x8ShrS, 0xfd 140, "i16x8.shr_s", Simd, INSTR_OK__VSHIFTOP,
                VShiftop(I16x8, VShiftop::Shr(S)) }
            { I16x8ShrU, 0xfd 141, "i16x8.shr_u", Simd, INSTR_OK__VSHIFTOP,
                VShiftop(I16x8, VShiftop::Shr(U)) }
            { I16x8Add, 0xfd 142, "i16x8.add", Simd, INSTR_OK__VBINOP,
                VBinop(I16x8, VBinop::Int(VIBinop::Add)) }
            { I16x8AddSatS, 0xfd 143, "i16x8.add_sat_s", Simd, INSTR_OK__VBINOP,
                VBinop(I16x8, VBinop::Int(VIBinop::AddSat(S))) }
            { I16x8AddSatU, 0xfd 144, "i16x8.add_sat_u", Simd, INSTR_OK__VBINOP,
                VBinop(I16x8, VBinop::Int(VIBinop::AddSat(U))) }
            { I16x8Sub, 0xfd 145, "i16x8.sub", Simd, INSTR_OK__VBINOP,
                VBinop(I16x8, VBinop::Int(VIBinop::Sub)) }
            { I16x8SubSatS, 0xfd 146, "i16x8.sub_sat_s", Simd, INSTR_OK__VBINOP,
                VBinop(I16x8, VBinop::Int(VIBinop::SubSat(S))) }
            { I16x8SubSatU, 0xfd 147, "i16x8.sub_sat_u", Simd, INSTR_OK__VBINOP,
                VBinop(I16x8, VBinop::Int(VIBinop::SubSat(U))) }
            { F64x2Nearest, 0xfd 148, "f64x2.nearest", Simd, INSTR_OK__VUNOP,
                VUnop(F64x2, VUnop::Float(FUnop::Nearest)) }
            { I16x8Mul, 0xfd 149, "i16x8.mul", Simd, INSTR_OK__VBINOP,
                VBinop(I16x8, VBinop::Int(VIBinop::Mul)) }
            { I16x8MinS, 0xfd 150, "i16x8.min_s", Simd, INSTR_OK__VBINOP,
                VBinop(I16x8, VBinop::Int(VIBinop::Min(S))) }
            { I16x8MinU, 0xfd 151, "i16x8.min_u", Simd, INSTR_OK__VBINOP,
                VBinop(I16x8, VBinop::Int(VIBinop::Min(U))) }
            { I16x8MaxS, 0xfd 152, "i16x8.max_s", Simd, INSTR_OK__VBINOP,
                VBinop(I16x8, VBinop::Int(VIBinop::Max(S))) }
            { I16x8MaxU, 0xfd 153, "i16x8.max_u", Simd, INSTR_OK__VBINOP,
                VBinop(I16x8, VBinop::Int(VIBinop::Max(U))) }
            { I16x8AvgrU, 0xfd 155, "i16x8.avgr_u", Simd, INSTR_OK__VBINOP,
                VBinop(I16x8, VBinop::Int(VIBinop::Avgr)) }
            { I16x8ExtMulLowI8x16S, 0xfd 156, "i16x8.extmul_low_i8x16_s", Simd, INSTR_OK__VEXTBINOP,
                VExtbinop(I16x8, I8x16, VExtbinop::Extmul(Low, S)) }
            { I16x8ExtMulHighI8x16S, 0xfd 157, "i16x8.extmul_high_i8x16_s", Simd, INSTR_OK__VEXTBINOP,
                VExtbinop(I16x8, I8x16, VExtbinop::Extmul(High, S)) }
            { I16x8ExtMulLowI8x16U, 0xfd 158, "i16x8.extmul_low_i8x16_u", Simd, INSTR_OK__VEXTBINOP,
                VExtbinop(I16x8, I8x16, VExtbinop::Extmul(Low, U)) }
            { I16x8ExtMulHighI8x16U, 0xfd 159, "i16x8.extmul_high_i8x16_u", Simd, INSTR_OK__VEXTBINOP,
                VExtbinop(I16x8, I8x16, VExtbinop::Extmul(High, U)) }
            { I32x4Abs, 0xfd 160, "i32x4.abs", Simd, INSTR_OK__VUNOP, VUnop(I32x4, VUnop::Int(VIUnop::Abs)) }
            { I32x4Neg, 0xfd 161, "i32x4.neg", Simd, INSTR_OK__VUNOP, VUnop(I32x4, VUnop::Int(VIUnop::Neg)) }
            { I32x4AllTrue, 0xfd 163, "i32x4.all_true", Simd, INSTR_OK__VTESTOP,
                VTestop(I32x4, VTestop::AllTrue) }
            { I32x4Bitmask, 0xfd 164, "i32x4.bitmask", Simd, INSTR_OK__VBITMASK, VBitmask(I32x4) }
            { I32x4ExtendLowI16x8S, 0xfd 167, "i32x4.extend_low_i16x8_s", Simd, INSTR_OK__VCVTOP,
                VCvtop(I32x4, I16x8, VCvtop::Extend(Low, S)) }
            { I32x4ExtendHighI16x8S, 0xfd 168, "i32x4.extend_high_i16x8_s", Simd, INSTR_OK__VCVTOP,
                VCvtop(I32x4, I16x8, VCvtop::Extend(High, S)) }
            { I32x4ExtendLowI16x8U, 0xfd 169, "i32x4.extend_low_i16x8_u", Simd, INSTR_OK__VCVTOP,
                VCvtop(I32x4, I16x8, VCvtop::Extend(Low, U)) }
            { I32x4ExtendHighI16x8U, 0xfd 170, "i32x4.extend_high_i16x8_u", Simd, INSTR_OK__VCVTOP,
                VCvtop(I32x4, I16x8, VCvtop::Extend(High, U)) }
            { I32x4Shl, 0xfd 171, "i32x4.shl", Simd, INSTR_OK__VSHIFTOP, VShiftop(I32x4, VShiftop::Shl) }
            { I32x4ShrS, 0xfd 172, "i32x4.shr_s", Simd, INSTR_OK__VSHIFTOP,
                VShiftop(I32x4, VShiftop::Shr(S)) }
            { I32x4ShrU, 0xfd 173, "i32x4.shr_u", Simd, INSTR_OK__VSHIFTOP,
                VShiftop(I32x4, VShiftop::Shr(U)) }
            { I32x4Add, 0xfd 174, "i32x4.add", Simd, INSTR_OK__VBINOP,
                VBinop(I32x4, VBinop::Int(VIBinop::Add)) }
            { I32x4Sub, 0xfd 177, "i32x4.sub", Simd, INSTR_OK__VBINOP,
                VBinop(I32x4, VBinop::Int(VIBinop::Sub)) }
            { I32x4Mul, 0xfd 181, "i32x4.mul", Simd, INSTR_OK__VBINOP,
                VBinop(I32x4, VBinop::Int(VIBinop::Mul)) }
            { I32x4MinS, 0xfd 182, "i32x4.min_s", Simd, INSTR_OK__VBINOP,
                VBinop(I32x4, VBinop::Int(VIBinop::Min(S))) }
            { I32x4MinU, 0xfd 183, "i32x4.min_u", Simd, INSTR_OK__VBINOP,
                VBinop(I32x4, VBinop::Int(VIBinop::Min(U))) }
            { I32x4MaxS, 0xfd 184, "i32x4.max_s", Simd, INSTR_OK__VBINOP,
                VBinop(I32x4, VBinop::Int(VIBinop::Max(S))) }
            { I32x4MaxU, 0xfd 185, "i32x4.max_u", Simd, INSTR_OK__VBINOP,
                VBinop(I32x4, VBinop::Int(VIBinop::Max(U))) }
            { I32x4DotI16x8S, 0xfd 186, "i32x4.dot_i16x8_s", Simd, INSTR_OK__VEXTBINOP,
                VExtbinop(I32x4, I16x8, VExtbinop::Dot) }
            { I32x4ExtMulLowI16x8S, 0xfd 188, "i32x4.extmul_low_i16x8_s", Simd, INSTR_OK__VEXTBINOP,
                VExtbinop(I32x4, I16x8, VExtbinop::Extmul(Low, S)) }
            { I32x4ExtMulHighI16x8S, 0xfd 189, "i32x4.extmul_high_i16x8_s", Simd, INSTR_OK__VEXTBINOP,
                VExtbinop(I32x4, I16x8, VExtbinop::Extmul(High, S)) }
            { I32x4ExtMulLowI16x8U, 0xfd 190, "i32x4.extmul_low_i16x8_u", Simd, INSTR_OK__VEXTBINOP,
                VExtbinop(I32x4, I16x8, VExtbinop::Extmul(Low, U)) }
            { I32x4ExtMulHighI16x8U, 0xfd 191, "i32x4.extmul_high_i16x8_u", Simd, INSTR_OK__VEXTBINOP,
                VExtbinop(I32x4, I16x8, VExtbinop::Extmul(High, U)) }
            { I64x2Abs, 0xfd 192, "i64x2.abs", Simd, INSTR_OK__VUNOP, VUnop(I64x2, VUnop::Int(VIUnop::Abs)) }
            { I64x2Neg, 0xfd 193, "i64x2.neg", Simd, INSTR_OK__VUNOP, VUnop(I64x2, VUnop::Int(VIUnop::Neg)) }
            { I64x2AllTrue, 0xfd 195, "i64x2.all_true", Simd, INSTR_OK__VTESTOP,
                VTestop(I64x2, VTestop::AllTrue) }
            { I64x2Bitmask, 0xfd 196, "i64x2.bitmask", Simd, INSTR_OK__VBITMASK, VBitmask(I64x2) }
            { I64x2ExtendLowI32x4S, 0xfd 199, "i64x2.extend_low_i32x4_s", Simd, INSTR_OK__VCVTOP,
                VCvtop(I64x2, I32x4, VCvtop::Extend(Low, S)) }
            { I64x2ExtendHighI32x4S, 0xfd 200, "i64x2.extend_high_i32x4_s", Simd, INSTR_OK__VCVTOP,
                VCvtop(I64x2, I32x4, VCvtop::Extend(High, S)) }
            { I64x2ExtendLowI32x4U, 0xfd 201, "i64x2.extend_low_i32x4_u", Simd, INSTR_OK__VCVTOP,
                VCvtop(I64x2, I32x4, VCvtop::Extend(Low, U)) }
            { I64x2ExtendHighI32x4U, 0xfd 202, "i64x2.extend_high_i32x4_u", Simd, INSTR_OK__VCVTOP,
                VCvtop(I64x2, I32x4, VCvtop::Extend(High, U)) }
            { I64x2Shl, 0xfd 203, "i64x2.shl", Simd, INSTR_OK__VSHIFTOP, VShiftop(I64x2, VShiftop::Shl) }
            { I64x2ShrS, 0xfd 204, "i64x2.shr_s", Simd, INSTR_OK__VSHIFTOP,
                VShiftop(I64x2, VShiftop::Shr(S)) }
            { I64x2ShrU, 0xfd 205, "i64x2.shr_u", Simd, INSTR_OK__VSHIFTOP,
                VShiftop(I64x2, VShiftop::Shr(U)) }
            { I64x2Add, 0xfd 206, "i64x2.add", Simd, INSTR_OK__VBINOP,
                VBinop(I64x2, VBinop::Int(VIBinop::Add)) }
            { I64x2Sub, 0xfd 209, "i64x2.sub", Simd, INSTR_OK__VBINOP,
                VBinop(I64x2, VBinop::Int(VIBinop::Sub)) }
            { I64x2Mul, 0xfd 213, "i64x2.mul", Simd, INSTR_OK__VBINOP,
                VBinop(I64x2, VBinop::Int(VIBinop::Mul)) }
            { I64x2Eq, 0xfd 214, "i64x2.eq", Simd, INSTR_OK__VRELOP, VRelop(I64x2, Relop::Int(IRelop::Eq)) }
            { I64x2Ne, 0xfd 215, "i64x2.ne", Simd, INSTR_OK__VRELOP, VRelop(I64x2, Relop::Int(IRelop::Ne)) }
            { I64x2LtS, 0xfd 216, "i64x2.lt_s", Simd, INSTR_OK__VRELOP,
                VRelop(I64x2, Relop::Int(IRelop::Lt(S))) }
            { I64x2GtS, 0xfd 217, "i64x2.gt_s", Simd, INSTR_OK__VRELOP,
                VRelop(I64x2, Relop::Int(IRelop::Gt(S))) }
            { I64x2LeS, 0xfd 218, "i64x2.le_s", Simd, INSTR_OK__VRELOP,
                VRelop(I64x2, Relop::Int(IRelop::Le(S))) }
            { I64x2GeS, 0xfd 219, "i64x2.ge_s", Simd, INSTR_OK__VRELOP,
                VRelop(I64x2, Relop::Int(IRelop::Ge(S))) }
            { I64x2ExtMulLowI32x4S, 0xfd 220, "i64x2.extmul_low_i32x4_s", Simd, INSTR_OK__VEXTBINOP,
                VExtbinop(I64x2, I32x4, VExtbinop::Extmul(Low, S)) }
            { I64x2ExtMulHighI32x4S, 0xfd 221, "i64x2.extmul_high_i32x4_s", Simd, INSTR_OK__VEXTBINOP,
                VExtbinop(I64x2, I32x4, VExtbinop::Extmul(High, S)) }
            { I64x2ExtMulLowI32x4U, 0xfd 222, "i64x2.extmul_low_i32x4_u", Simd, INSTR_OK__VEXTBINOP,
                VExtbinop(I64x2, I32x4, VExtbinop::Extmul(Low, U)) }
            { I64x2ExtMulHighI32x4U, 0xfd 223, "i64x2.extmul_high_i32x4_u", Simd, INSTR_OK__VEXTBINOP,
                VExtbinop(I64x2, I32x4, VExtbinop::Extmul(High, U)) }
            { F32x4Abs, 0xfd 224, "f32x4.abs", Simd, INSTR_OK__VUNOP, VUnop(F32x4, VUnop::Float(FUnop::Abs)) }
            { F32x4Neg, 0xfd 225, "f32x4.neg", Simd, INSTR_OK__VUNOP, VUnop(F32x4, VUnop::Float(FUnop::Neg)) }
            { F32x4Sqrt, 0xfd 227, "f32x4.sqrt", Simd, INSTR_OK__VUNOP,
                VUnop(F32x4, VUnop::Float(FUnop::Sqrt)) }
            { F32x4Add, 0xfd 228, "f32x4.add", Simd, INSTR_OK__VBINOP,
                VBinop(F32x4, VBinop::Float(VFBinop::Add)) }
            { F32x4Sub, 0xfd 229, "f32x4.sub", Simd, INSTR_OK__VBINOP,
                VBinop(F32x4, VBinop::Float(VFBinop::Sub)) }
            { F32x4Mul, 0xfd 230, "f32x4.mul", Simd, INSTR_OK__VBINOP,
                VBinop(F32x4, VBinop::Float(VFBinop::Mul)) }
            { F32x4Div, 0xfd 231, "f32x4.div", Simd, INSTR_OK__VBINOP,
                VBinop(F32x4, VBinop::Float(VFBinop::Div)) }
            { F32x4Min, 0xfd 232, "f32x4.min", Simd, INSTR_OK__VBINOP,
                VBinop(F32x4, VBinop::Float(VFBinop::Min)) }
            { F32x4Max, 0xfd 233, "f32x4.max", Simd, INSTR_OK__VBINOP,
                VBinop(F32x4, VBinop::Float(VFBinop::Max)) }
            { F32x4PMin, 0xfd 234, "f32x4.pmin", Simd, INSTR_OK__VBINOP,
                VBinop(F32x4, VBinop::Float(VFBinop::Pmin)) }
            { F32x4PMax, 0xfd 235, "f32x4.pmax", Simd, INSTR_OK__VBINOP,
                VBinop(F32x4, VBinop::Float(VFBinop::Pmax)) }
            { F64x2Abs, 0xfd 236, "f64x2.abs", Simd, INSTR_OK__VUNOP, VUnop(F64x2, VUnop::Float(FUnop::Abs)) }
            { F64x2Neg, 0xfd 237, "f64x2.neg", Simd, INSTR_OK__VUNOP, VUnop(F64x2, VUnop::Float(FUnop::Neg)) }
            { F64x2Sqrt, 0xfd 239, "f64x2.sqrt", Simd, INSTR_OK__VUNOP,
                VUnop(F64x2, VUnop::Float(FUnop::Sqrt)) }
            { F64x2Add, 0xfd 240, "f64x2.add", Simd, INSTR_OK__VBINOP,
                VBinop(F64x2, VBinop::Float(VFBinop::Add)) }
            { F64x2Sub, 0xfd 241, "f64x2.sub", Simd, INSTR_OK__VBINOP,
                VBinop(F64x2, VBinop::Float(VFBinop::Sub)) }
            { F64x2Mul, 0xfd 242, "f64x2.mul", Simd, INSTR_OK__VBINOP,
                VBinop(F64x2, VBinop::Float(VFBinop::Mul)) }
            { F64x2Div, 0xfd 243, "f64x2.div", Simd, INSTR_OK__VBINOP,
                VBinop(F64x2, VBinop::Float(VFBinop::Div)) }
            { F64x2Min, 0xfd 244, "f64x2.min", Simd, INSTR_OK__VBINOP,
                VBinop(F64x2, VBinop::Float(VFBinop::Min)) }
            { F64x2Max, 0xfd 245, "f64x2.max", Simd, INSTR_OK__VBINOP,
                VBinop(F64x2, VBinop::Float(VFBinop::Max)) }
            { F64x2PMin, 0xfd 246, "f64x2.pmin", Simd, INSTR_OK__VBINOP,
                VBinop(F64x2, VBinop::Float(VFBinop::Pmin)) }
            { F64x2PMax, 0xfd 247, "f64x2.pmax", Simd, INSTR_OK__VBINOP,
                VBinop(F64x2, VBinop::Float(VFBinop::Pmax)) }
            { I32x4TruncSatF32x4S, 0xfd 248, "i32x4.trunc_sat_f32x4_s", Simd, INSTR_OK__VCVTOP,
                VCvtop(I32x4, F32x4, VCvtop::TruncSat(S, false)) }
            { I32x4TruncSatF32x4U, 0xfd 249, "i32x4.trunc_sat_f32x4_u", Simd, INSTR_OK__VCVTOP,
                VCvtop(I32x4, F32x4, VCvtop::TruncSat(U, false)) }
            { F32x4ConvertI32x4S, 0xfd 250, "f32x4.convert_i32x4_s", Simd, INSTR_OK__VCVTOP,
                VCvtop(F32x4, I32x4, VCvtop::Convert(None, S)) }
            { F32x4ConvertI32x4U, 0xfd 251, "f32x4.convert_i32x4_u", Simd, INSTR_OK__VCVTOP,
                VCvtop(F32x4, I32x4, VCvtop::Convert(None, U)) }
            { I32x4TruncSatF64x2SZero, 0xfd 252, "i32x4.trunc_sat_f64x2_s_zero", Simd, INSTR_OK__VCVTOP,
                VCvtop(I32x4, F64x2, VCvtop::TruncSat(S, true)) }
            { I32x4TruncSatF64x2UZero, 0xfd 253, "i32x4.trunc_sat_f64x2_u_zero", Simd, INSTR_OK__VCVTOP,
                VCvtop(I32x4, F64x2, VCvtop::TruncSat(U, true)) }
            { F64x2ConvertLowI32x4S, 0xfd 254, "f64x2.convert_low_i32x4_s", Simd, INSTR_OK__VCVTOP,
                VCvtop(F64x2, I32x4, VCvtop::Convert(Some(Low), S)) }
            { F64x2ConvertLowI32x4U, 0xfd 255, "f64x2.convert_low_i32x4_u", Simd, INSTR_OK__VCVTOP,
                VCvtop(F64x2, I32x4, VCvtop::Convert(Some(Low), U)) }
            { I8x16RelaxedSwizzle, 0xfd 256, "i8x16.relaxed_swizzle", RelaxedSimd + Simd, INSTR_OK__VSWIZZLOP,
                VSwizzlop(VSwizzlop::RelaxedSwizzle) }
            { I32x4RelaxedTruncF32x4S, 0xfd 257, "i32x4.relaxed_trunc_f32x4_s",
                RelaxedSimd + Simd, INSTR_OK__VCVTOP, VCvtop(I32x4, F32x4, VCvtop::RelaxedTrunc(S, false)) }
            { I32x4RelaxedTruncF32x4U, 0xfd 258, "i32x4.relaxed_trunc_f32x4_u",
                RelaxedSimd + Simd, INSTR_OK__VCVTOP, VCvtop(I32x4, F32x4, VCvtop::RelaxedTrunc(U, false)) }
            { I32x4RelaxedTruncF64x2SZero, 0xfd 259, "i32x4.relaxed_trunc_f64x2_s_zero",
                RelaxedSimd + Simd, INSTR_OK__VCVTOP, VCvtop(I32x4, F64x2, VCvtop::RelaxedTrunc(S, true)) }
            { I32x4RelaxedTruncF64x2UZero, 0xfd 260, "i32x4.relaxed_trunc_f64x2_u_zero",
                RelaxedSimd + Simd, INSTR_OK__VCVTOP, VCvtop(I32x4, F64x2, VCvtop::RelaxedTrunc(U, true)) }
            { F32x4RelaxedMadd, 0xfd 261, "f32x4.relaxed_madd", RelaxedSimd + Simd, INSTR_OK__VTERNOP,
                VTernop(F32x4, VTernop::RelaxedMadd) }
            { F32x4RelaxedNmadd, 0xfd 262, "f32x4.relaxed_nmadd", RelaxedSimd + Simd, INSTR_OK__VTERNOP,
                VTernop(F32x4, VTernop::RelaxedNmadd) }
            { F64x2RelaxedMadd, 0xfd 263, "f64x2.relaxed_madd", RelaxedSimd + Simd, INSTR_OK__VTERNOP,
                VTernop(F64x2, VTernop::RelaxedMadd) }
            { F64x2RelaxedNmadd, 0xfd 264, "f64x2.relaxed_nmadd", RelaxedSimd + Simd, INSTR_OK__VTERNOP,
                VTernop(F64x2, VTernop::RelaxedNmadd) }
            { I8x16RelaxedLaneselect, 0xfd 265, "i8x16.relaxed_laneselect",
                RelaxedSimd + Simd, INSTR_OK__VTERNOP, VTernop(I8x16, VTernop::RelaxedLaneselect) }
            { I16x8RelaxedLaneselect, 0xfd 266, "i16x8.relaxed_laneselect",
                RelaxedSimd + Simd, INSTR_OK__VTERNOP, VTernop(I16x8, VTernop::RelaxedLaneselect) }
            { I32x4RelaxedLaneselect, 0xfd 267, "i32x4.relaxed_laneselect",
                RelaxedSimd + Simd, INSTR_OK__VTERNOP, VTernop(I32x4, VTernop::RelaxedLaneselect) }
            { I64x2RelaxedLaneselect, 0xfd 268, "i64x2.relaxed_laneselect",
                RelaxedSimd + Simd, INSTR_OK__VTERNOP, VTernop(I64x2, VTernop::RelaxedLaneselect) }
            { F32x4RelaxedMin, 0xfd 269, "f32x4.relaxed_min", RelaxedSimd + Simd, INSTR_OK__VBINOP,
                VBinop(F32x4, VBinop::Float(VFBinop::RelaxedMin)) }
            { F32x4RelaxedMax, 0xfd 270, "f32x4.relaxed_max", RelaxedSimd + Simd, INSTR_OK__VBINOP,
                VBinop(F32x4, VBinop::Float(VFBinop::RelaxedMax)) }
            { F64x2RelaxedMin, 0xfd 271, "f64x2.relaxed_min", RelaxedSimd + Simd, INSTR_OK__VBINOP,
                VBinop(F64x2, VBinop::Float(VFBinop::RelaxedMin)) }
            { F64x2RelaxedMax, 0xfd 272, "f64x2.relaxed_max", RelaxedSimd + Simd, INSTR_OK__VBINOP,
                VBinop(F64x2, VBinop::Float(VFBinop::RelaxedMax)) }
            { I16x8RelaxedQ15mulrS, 0xfd 273, "i16x8.relaxed_q15mulr_s", RelaxedSimd + Simd, INSTR_OK__VBINOP,
                VBinop(I16x8, VBinop::Int(VIBinop::RelaxedQ15mulr)) }
            { I16x8RelaxedDotI8x16I7x16S, 0xfd 274, "i16x8.relaxed_dot_i8x16_i7x16_s",
                RelaxedSimd + Simd, INSTR_OK__VEXTBINOP, VExtbinop(I16x8, I8x16, VExtbinop::RelaxedDot) }
            { I32x4RelaxedDotI8x16I7x16AddS, 0xfd 275, "i32x4.relaxed_dot_i8x16_i7x16_add_s",
                RelaxedSimd + Simd, INSTR_OK__VEXTTERNOP,
                VExtternop(I32x4, I16x8, VExtternop::RelaxedDotAdd) }
        }
    };
}

/// An opcode: its first byte, and for the prefixes `0xFB`, `0xFC` and `0xFD` the `u32` that
/// follows.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Opcode {
    pub byte: u8,
    pub sub: Option<u32>,
}

impl std::fmt::Display for Opcode {
    /// `0x6a`, `0xfd 256`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.sub {
            None => write!(f, "{:#04x}", self.byte),
            Some(sub) => write!(f, "{:#04x} {sub}", self.byte),
        }
    }
}

/// An entry of the table.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct InstrInfo {
    pub op: Op,
    pub opcode: Opcode,
    /// The mnemonic of the text format (`i32.add`, `v128.load8x8_s`).
    pub name: &'static str,
    /// The proposal that brought the instruction.
    pub feature: Feature,
    /// Every feature the instruction is of: `feature`, and for a few a second one.
    pub requires: Features,
    /// The rule of the validation that types it (`Instr_ok/binop`).
    pub rule: Rule,
}

macro_rules! opcode {
    ($byte:literal) => {
        Opcode { byte: $byte, sub: None }
    };
    ($byte:literal $sub:literal) => {
        Opcode { byte: $byte, sub: Some($sub) }
    };
}

macro_rules! define_table {
    ($({
        $op:ident, $byte:literal $($sub:literal)?, $name:literal, $feature:ident $(+ $also:ident)?,
        $rule:ident, $variant:ident $(($($args:tt)*))?
    })*) => {
        /// An instruction of the table, without its immediates: `Op::I32Add`. The names are
        /// wasmparser's; `INSTRUCTIONS[op as usize]` is its entry.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum Op {
            $($op,)*
        }

        /// The table, in the order of opcodes, which is the order of [`Op`].
        pub static INSTRUCTIONS: [InstrInfo; Op::COUNT] = TABLE;

        const TABLE: [InstrInfo; Op::COUNT] = [$(
            InstrInfo {
                op: Op::$op,
                opcode: opcode!($byte $($sub)?),
                name: $name,
                feature: Feature::$feature,
                requires: Features::of(Feature::$feature)$(.with(Feature::$also))?,
                rule: rules::$rule,
            },
        )*];

        impl Op {
            /// The number of entries.
            pub const COUNT: usize = [$(Op::$op),*].len();
        }

        impl Instr {
            /// The entry of the table whose opcode writes this instruction; `None` for an
            /// instruction of no opcode, which only code built by hand can hold (an operator at
            /// a type or shape that does not have it, `i32.add` of floats).
            #[deny(unreachable_patterns, non_snake_case, unused_variables)]
            pub fn op(&self) -> Option<Op> {
                Some(match self {
                    $(Instr::$variant $(($($args)*))? => Op::$op,)*
                    _ => return None,
                })
            }
        }
    };
}

for_each_instr!(define_table);

impl Op {
    /// The entry of the table.
    pub fn info(self) -> &'static InstrInfo {
        &INSTRUCTIONS[self as usize]
    }

    /// Every instruction, in the order of opcodes.
    pub fn all() -> impl Iterator<Item = Op> {
        INSTRUCTIONS.iter().map(|i| i.op)
    }

    /// The instruction of an opcode.
    pub fn from_opcode(opcode: Opcode) -> Option<Op> {
        let index = match (opcode.byte, opcode.sub) {
            (byte, None) => BY_BYTE[usize::from(byte)],
            (0xfb, Some(sub)) => *BY_FB.get(sub as usize)?,
            (0xfc, Some(sub)) => *BY_FC.get(sub as usize)?,
            (0xfd, Some(sub)) => *BY_FD.get(sub as usize)?,
            _ => NONE,
        };
        INSTRUCTIONS.get(usize::from(index)).map(|i| i.op)
    }
}

impl Instr {
    /// The entry of the table of this instruction ([`Instr::op`]).
    pub fn info(&self) -> Option<&'static InstrInfo> {
        self.op().map(Op::info)
    }

    /// The proposal that brought the instruction.
    pub fn feature(&self) -> Option<Feature> {
        self.info().map(|i| i.feature)
    }

    /// Every feature the instruction is of: an engine that does not run it names
    /// `requires().first_missing(supported)`. Empty for an instruction of no opcode.
    pub fn requires(&self) -> Features {
        self.info().map_or(Features::EMPTY, |i| i.requires)
    }
}

/// The first version of the spec with an instruction whose opcode begins with `byte`: 3.0
/// for a byte all of whose instructions are 3.0's (the prefix `0xFB` among them), `None` for
/// a byte no opcode begins with. What the decoder checks before it reads more.
pub fn byte_since(byte: u8) -> Option<Spec> {
    match SINCE_BYTE[usize::from(byte)] {
        2 => Some(Spec::V2),
        3 => Some(Spec::V3),
        _ => None,
    }
}

/// No entry.
const NONE: u16 = u16::MAX;

/// The entries of the opcodes `byte sub`, by `sub`.
const fn by_sub<const N: usize>(byte: u8) -> [u16; N] {
    let mut index = [NONE; N];
    let mut i = 0;
    while i < TABLE.len() {
        if let (b, Some(sub)) = (TABLE[i].opcode.byte, TABLE[i].opcode.sub) {
            if b == byte {
                index[sub as usize] = i as u16;
            }
        }
        i += 1;
    }
    index
}

/// One more than the greatest `sub` under the prefix `byte`.
const fn subs(byte: u8) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < TABLE.len() {
        if let (b, Some(sub)) = (TABLE[i].opcode.byte, TABLE[i].opcode.sub) {
            if b == byte && sub as usize >= n {
                n = sub as usize + 1;
            }
        }
        i += 1;
    }
    n
}

static BY_FB: [u16; subs(0xfb)] = by_sub(0xfb);
static BY_FC: [u16; subs(0xfc)] = by_sub(0xfc);
static BY_FD: [u16; subs(0xfd)] = by_sub(0xfd);

/// The entries of the one-byte opcodes.
static BY_BYTE: [u16; 256] = {
    let mut index = [NONE; 256];
    let mut i = 0;
    while i < TABLE.len() {
        if TABLE[i].opcode.sub.is_none() {
            index[TABLE[i].opcode.byte as usize] = i as u16;
        }
        i += 1;
    }
    index
};

/// [`byte_since`]: 0 for none, 2 or 3.
static SINCE_BYTE: [u8; 256] = {
    let mut since = [0u8; 256];
    let mut i = 0;
    while i < TABLE.len() {
        let b = TABLE[i].opcode.byte as usize;
        let v = match TABLE[i].feature.since() {
            Spec::V2 => 2,
            Spec::V3 => 3,
        };
        if since[b] == 0 || v < since[b] {
            since[b] = v;
        }
        i += 1;
    }
    since
};

#[cfg(test)]
mod tests;
