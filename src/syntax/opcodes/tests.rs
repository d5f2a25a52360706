use super::*;
use crate::syntax::{BlockType, Catch, HeapType, RefType, V128, ValType};
use Instr as I;

/// One instruction of every variant of [`Instr`]. [`variant`] matches them without a
/// wildcard: a variant added to the syntax does not compile until it is added here, and the
/// test then asks the table for its opcode.
fn samples() -> Vec<Instr> {
    let bt = BlockType::Result(None);
    let rt = RefType::FUNCREF;
    let ma = MemArg { align: 0, offset: 0 };
    vec![
        I::Nop,
        I::Unreachable,
        I::Drop,
        I::Select(None),
        I::Block(bt),
        I::Loop(bt),
        I::If(bt),
        I::Else,
        I::End,
        I::Br(0),
        I::BrIf(0),
        I::BrTable(Box::new([]), 0),
        I::BrOnNull(0),
        I::BrOnNonNull(0),
        I::BrOnCast(0, Box::new((rt, rt))),
        I::BrOnCastFail(0, Box::new((rt, rt))),
        I::Call(0),
        I::CallRef(0),
        I::CallIndirect(0, 0),
        I::Return,
        I::ReturnCall(0),
        I::ReturnCallRef(0),
        I::ReturnCallIndirect(0, 0),
        I::Throw(0),
        I::ThrowRef,
        I::TryTable(bt, Box::new(vec![Catch::CatchAll(0)])),
        I::LocalGet(0),
        I::LocalSet(0),
        I::LocalTee(0),
        I::GlobalGet(0),
        I::GlobalSet(0),
        I::TableGet(0),
        I::TableSet(0),
        I::TableSize(0),
        I::TableGrow(0),
        I::TableFill(0),
        I::TableCopy(0, 0),
        I::TableInit(0, 0),
        I::ElemDrop(0),
        I::Load(I32, None, 0, ma),
        I::Store(I64, Some(N32), 0, ma),
        I::VLoad(Some(VLoadOp::Zero(N64)), 0, ma),
        I::VLoadLane(N8, 0, ma, 0),
        I::VStore(0, ma),
        I::VStoreLane(N16, 0, ma, 0),
        I::MemorySize(0),
        I::MemoryGrow(0),
        I::MemoryFill(0),
        I::MemoryCopy(0, 0),
        I::MemoryInit(0, 0),
        I::DataDrop(0),
        I::RefNull(HeapType::Abs(crate::syntax::AbsHeapType::Func)),
        I::RefIsNull,
        I::RefAsNonNull,
        I::RefEq,
        I::RefTest(rt),
        I::RefCast(rt),
        I::RefFunc(0),
        I::RefI31,
        I::I31Get(S),
        I::StructNew(0),
        I::StructNewDefault(0),
        I::StructGet(None, 0, 0),
        I::StructSet(0, 0),
        I::ArrayNew(0),
        I::ArrayNewDefault(0),
        I::ArrayNewFixed(0, 0),
        I::ArrayNewData(0, 0),
        I::ArrayNewElem(0, 0),
        I::ArrayGet(Some(U), 0),
        I::ArraySet(0),
        I::ArrayLen,
        I::ArrayFill(0),
        I::ArrayCopy(0, 0),
        I::ArrayInitData(0, 0),
        I::ArrayInitElem(0, 0),
        I::ExternConvertAny,
        I::AnyConvertExtern,
        I::Const(Num::F64(crate::syntax::F64(0))),
        I::Unop(I32, Unop::Int(IUnop::Extend(N8))),
        I::Binop(F32, Binop::Float(FBinop::Copysign)),
        I::Testop(I64, Testop::Eqz),
        I::Relop(I32, Relop::Int(IRelop::Ge(U))),
        I::Cvtop(I32, F64, Cvtop::TruncSat(S)),
        I::VConst(V128([0; 16])),
        I::VVunop(VVunop::Not),
        I::VVbinop(VVbinop::AndNot),
        I::VVternop(VVternop::Bitselect),
        I::VVtestop(VVtestop::AnyTrue),
        I::VUnop(I8x16, VUnop::Int(VIUnop::Popcnt)),
        I::VBinop(I16x8, VBinop::Int(VIBinop::RelaxedQ15mulr)),
        I::VTernop(I64x2, VTernop::RelaxedLaneselect),
        I::VTestop(I32x4, VTestop::AllTrue),
        I::VRelop(F64x2, Relop::Float(FRelop::Le)),
        I::VShiftop(I64x2, VShiftop::Shr(U)),
        I::VBitmask(I16x8),
        I::VSwizzlop(VSwizzlop::RelaxedSwizzle),
        I::VShuffle([0; 16]),
        I::VExtunop(I32x4, I16x8, VExtunop::ExtaddPairwise(S)),
        I::VExtbinop(I64x2, I32x4, VExtbinop::Extmul(High, U)),
        I::VExtternop(I32x4, I16x8, VExtternop::RelaxedDotAdd),
        I::VNarrow(I16x8, I32x4, S),
        I::VCvtop(F64x2, I32x4, VCvtop::Convert(Some(Low), U)),
        I::VSplat(F32x4),
        I::VExtractLane(I8x16, Some(U), 0),
        I::VReplaceLane(F64x2, 0),
    ]
}

/// The variant of an instruction, by its place in [`samples`]: no wildcard.
fn variant(i: &Instr) -> usize {
    match i {
        I::Nop => 0,
        I::Unreachable => 1,
        I::Drop => 2,
        I::Select(_) => 3,
        I::Block(_) => 4,
        I::Loop(_) => 5,
        I::If(_) => 6,
        I::Else => 7,
        I::End => 8,
        I::Br(_) => 9,
        I::BrIf(_) => 10,
        I::BrTable(..) => 11,
        I::BrOnNull(_) => 12,
        I::BrOnNonNull(_) => 13,
        I::BrOnCast(..) => 14,
        I::BrOnCastFail(..) => 15,
        I::Call(_) => 16,
        I::CallRef(_) => 17,
        I::CallIndirect(..) => 18,
        I::Return => 19,
        I::ReturnCall(_) => 20,
        I::ReturnCallRef(_) => 21,
        I::ReturnCallIndirect(..) => 22,
        I::Throw(_) => 23,
        I::ThrowRef => 24,
        I::TryTable(..) => 25,
        I::LocalGet(_) => 26,
        I::LocalSet(_) => 27,
        I::LocalTee(_) => 28,
        I::GlobalGet(_) => 29,
        I::GlobalSet(_) => 30,
        I::TableGet(_) => 31,
        I::TableSet(_) => 32,
        I::TableSize(_) => 33,
        I::TableGrow(_) => 34,
        I::TableFill(_) => 35,
        I::TableCopy(..) => 36,
        I::TableInit(..) => 37,
        I::ElemDrop(_) => 38,
        I::Load(..) => 39,
        I::Store(..) => 40,
        I::VLoad(..) => 41,
        I::VLoadLane(..) => 42,
        I::VStore(..) => 43,
        I::VStoreLane(..) => 44,
        I::MemorySize(_) => 45,
        I::MemoryGrow(_) => 46,
        I::MemoryFill(_) => 47,
        I::MemoryCopy(..) => 48,
        I::MemoryInit(..) => 49,
        I::DataDrop(_) => 50,
        I::RefNull(_) => 51,
        I::RefIsNull => 52,
        I::RefAsNonNull => 53,
        I::RefEq => 54,
        I::RefTest(_) => 55,
        I::RefCast(_) => 56,
        I::RefFunc(_) => 57,
        I::RefI31 => 58,
        I::I31Get(_) => 59,
        I::StructNew(_) => 60,
        I::StructNewDefault(_) => 61,
        I::StructGet(..) => 62,
        I::StructSet(..) => 63,
        I::ArrayNew(_) => 64,
        I::ArrayNewDefault(_) => 65,
        I::ArrayNewFixed(..) => 66,
        I::ArrayNewData(..) => 67,
        I::ArrayNewElem(..) => 68,
        I::ArrayGet(..) => 69,
        I::ArraySet(_) => 70,
        I::ArrayLen => 71,
        I::ArrayFill(_) => 72,
        I::ArrayCopy(..) => 73,
        I::ArrayInitData(..) => 74,
        I::ArrayInitElem(..) => 75,
        I::ExternConvertAny => 76,
        I::AnyConvertExtern => 77,
        I::Const(_) => 78,
        I::Unop(..) => 79,
        I::Binop(..) => 80,
        I::Testop(..) => 81,
        I::Relop(..) => 82,
        I::Cvtop(..) => 83,
        I::VConst(_) => 84,
        I::VVunop(_) => 85,
        I::VVbinop(_) => 86,
        I::VVternop(_) => 87,
        I::VVtestop(_) => 88,
        I::VUnop(..) => 89,
        I::VBinop(..) => 90,
        I::VTernop(..) => 91,
        I::VTestop(..) => 92,
        I::VRelop(..) => 93,
        I::VShiftop(..) => 94,
        I::VBitmask(_) => 95,
        I::VSwizzlop(_) => 96,
        I::VShuffle(_) => 97,
        I::VExtunop(..) => 98,
        I::VExtbinop(..) => 99,
        I::VExtternop(..) => 100,
        I::VNarrow(..) => 101,
        I::VCvtop(..) => 102,
        I::VSplat(_) => 103,
        I::VExtractLane(..) => 104,
        I::VReplaceLane(..) => 105,
    }
}

/// Every variant of the syntax has its entries in the table (that every opcode of the table
/// decodes to an instruction of its entry is the decoder's test, `every_opcode_of_the_table`).
#[test]
fn every_variant_has_an_opcode() {
    for (n, i) in samples().iter().enumerate() {
        assert_eq!(variant(i), n, "{i:?}");
        assert!(i.op().is_some(), "no opcode for {i:?}");
    }
}

#[test]
fn the_table_is_ordered_and_indexed() {
    assert_eq!(INSTRUCTIONS.len(), Op::COUNT);
    for (i, info) in INSTRUCTIONS.iter().enumerate() {
        assert_eq!(info.op as usize, i);
        assert_eq!(Op::from_opcode(info.opcode), Some(info.op), "{}", info.name);
        if i > 0 {
            assert!(INSTRUCTIONS[i - 1].opcode < info.opcode, "{} out of order", info.name);
        }
        assert!(info.requires.contains(info.feature));
        assert!(info.requires.iter().all(|f| f == info.feature || f.since() == Spec::V2 || f < info.feature));
        let since = byte_since(info.opcode.byte).expect("a byte of an opcode");
        assert!(matches!((since, info.feature.since()), (Spec::V2, _) | (Spec::V3, Spec::V3)));
    }
    assert_eq!(Op::from_opcode(Opcode { byte: 0x06, sub: None }), None);
    assert_eq!(Op::from_opcode(Opcode { byte: 0xfd, sub: Some(154) }), None);
    assert_eq!(Op::from_opcode(Opcode { byte: 0xfd, sub: Some(u32::MAX) }), None);
    assert_eq!(Op::from_opcode(Opcode { byte: 0x6a, sub: Some(0) }), None);
    assert_eq!(byte_since(0xfb), Some(Spec::V3));
    assert_eq!(byte_since(0xfd), Some(Spec::V2));
    assert_eq!(byte_since(0x06), None);
    assert_eq!(Op::I32Add.info().name, "i32.add");
    assert_eq!(Op::I32Add.info().opcode.to_string(), "0x6a");
    assert_eq!(Op::I8x16RelaxedSwizzle.info().opcode.to_string(), "0xfd 256");
}

#[test]
fn every_rule_is_a_validation_rule_of_the_catalog() {
    for info in &INSTRUCTIONS {
        let id = info.rule.id();
        assert!(id.starts_with("Instr_ok/"), "{}: {id}", info.name);
        assert_eq!(Rule::lookup(id), Some(info.rule));
    }
    // The structured instructions and the operator families each have their rule.
    assert_eq!(Op::Else.info().rule, rules::INSTR_OK__IF);
    assert_eq!(Op::F64x2PMax.info().rule, rules::INSTR_OK__VBINOP);
    assert_eq!(Op::I64Load32U.info().rule, rules::INSTR_OK__LOAD_PACK);
    assert_eq!(Op::TypedSelect.info().rule, rules::INSTR_OK__SELECT_EXPL);
}

#[test]
fn features_are_the_proposals() {
    let feature = |i: Instr| i.feature().expect("an opcode");
    assert_eq!(feature(I::ReturnCallRef(0)), Feature::FunctionReferences);
    assert_eq!(I::ReturnCallRef(0).requires().first(), Some(Feature::TailCall));
    assert_eq!(I::VTernop(F32x4, VTernop::RelaxedMadd).requires().first(), Some(Feature::Simd));
    assert_eq!(feature(I::VTernop(F32x4, VTernop::RelaxedMadd)), Feature::RelaxedSimd);
    assert_eq!(feature(I::Select(Some(Box::new([ValType::I32])))), Feature::ReferenceTypes);
    assert_eq!(feature(I::Unop(I64, Unop::Int(IUnop::Extend(N32)))), Feature::SignExtension);
    assert_eq!(feature(I::Cvtop(I64, F32, Cvtop::TruncSat(U))), Feature::NonTrappingFloatToInt);
    assert_eq!(feature(I::Cvtop(I64, F32, Cvtop::Trunc(U))), Feature::Mvp);
    assert_eq!(feature(I::MemoryCopy(0, 0)), Feature::BulkMemory);
    assert_eq!(feature(I::TableSize(0)), Feature::ReferenceTypes);
    assert_eq!(feature(I::RefEq), Feature::Gc);
    // An operator at a type that does not have it has no opcode, hence no feature.
    assert_eq!(I::Binop(I32, Binop::Float(FBinop::Add)).op(), None);
    assert_eq!(I::VUnop(I64x2, VUnop::Int(VIUnop::Popcnt)).requires(), Features::EMPTY);
    // Every 3.0 instruction is of one of 3.0's features, and 2.0's of 2.0's.
    let v3: Features =
        INSTRUCTIONS.iter().filter(|i| i.feature.since() == Spec::V3).map(|i| i.feature).collect();
    let expected = [Feature::TailCall, Feature::Exceptions, Feature::FunctionReferences, Feature::Gc];
    assert_eq!(v3, expected.into_iter().chain([Feature::RelaxedSimd]).collect());
}
