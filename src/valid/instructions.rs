//! Instructions (spec 3.4, SpecTec `2.3-validation.instructions`).
//!
//! The rules are declarative over nested instruction sequences; lockstep checks the flat
//! stream of [`Expr`] in one pass, as the spec's appendix *Validation Algorithm* does: a
//! stack of operand types and a stack of control frames (`C.LABELS`), with `bot` for the
//! operands of unreachable code. A function per rule family states the instruction's type;
//! popping and pushing operands is the `Instrs_ok/seq` composition, and a popped operand may
//! be a subtype of the one required (`Instrs_ok/sub`).

use super::matching::{self, heaptype_sub, reftype_sub, resulttype_sub, storagetype_sub, valtype_sub};
use super::types::{blocktype_ok, defaultable, heaptype_ok, reftype_ok, tagtype_ok, valtype_ok};
use super::{Context, Error, Result, feature};
use crate::Spec;
use crate::rules::{self, Rule};
use crate::syntax::*;

/// `Expr_ok`: `C |- expr : t*`, the expression's instructions ending in its `end`. The
/// outermost frame is the one of the function body, whose label has the result types.
pub fn expr_ok<'a>(c: &Context<'a>, expr: &'a Expr, results: &'a [ValType]) -> Result {
    let mut code = Code::new(c, results);
    for (i, instr) in expr.instrs.iter().enumerate() {
        let offset = expr.offsets.get(i).copied();
        let at = |mut e: Error| {
            e.offset = e.offset.or(offset);
            e
        };
        if code.ctrls.is_empty() {
            return Err(at(Error::new(rules::EXPR_OK, "malformed expression: instructions after its end")));
        }
        code.instr(instr).map_err(at)?;
    }
    match code.ctrls.is_empty() {
        true => Ok(()),
        false => Err(Error::new(rules::EXPR_OK, "malformed expression: missing end")),
    }
}

/// The type `Instr_ok/ref.func` gives a reference to a function of type `C.TYPES[dt]`:
/// `(REF dt)`, or `funcref` under 2.0.
pub(super) fn ref_func_type(c: &Context, dt: TypeIdx) -> ValType {
    match c.spec {
        Spec::V2 => ValType::FUNCREF,
        Spec::V3 => ValType::Ref(RefType { nullable: false, heap: HeapType::Idx(dt) }),
    }
}

/// The operand types before each instruction of an expression and after its last: `None`
/// where the code is unreachable (the stack polymorphic, `bot` standing in for operands).
pub type OperandTypes = Vec<Option<Vec<ValType>>>;

/// [`expr_ok`], recording the algorithm's operand stack before each instruction and after
/// the last (the body's results), for checking an execution against it (proofs/).
pub fn expr_types<'a>(c: &Context<'a>, expr: &'a Expr, results: &'a [ValType]) -> Result<OperandTypes> {
    let mut code = Code::new(c, results);
    let mut types = Vec::with_capacity(expr.instrs.len() + 1);
    for instr in expr.instrs.iter() {
        let Some(frame) = code.ctrls.last() else {
            return Err(Error::new(rules::EXPR_OK, "malformed expression: instructions after its end"));
        };
        types.push((!frame.unreachable).then(|| code.vals.clone()));
        code.instr(instr)?;
    }
    types.push(Some(code.vals.clone()));
    Ok(types)
}

/// The most operands the stack may hold: an implementation limit (spec appendix
/// *Implementation Limitations*), so that no module makes validation run out of memory, as
/// pushing the many results of a call again and again could.
pub const MAX_OPERANDS: usize = 1 << 20;

/// Which structured instruction opened a control frame (here and in [`super::bytes`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Block,
    Loop,
    If,
    Else,
    /// The function body or constant expression itself.
    Expr,
}

/// A control frame: the block's input and output types, the heights of the operand and
/// initialisation stacks at its start, and whether the rest of it is unreachable (its stack
/// polymorphic).
#[derive(Debug)]
struct Ctrl<'a> {
    kind: Kind,
    rule: Rule,
    start: &'a [ValType],
    end: &'a [ValType],
    height: usize,
    init_height: usize,
    unreachable: bool,
}

impl<'a> Ctrl<'a> {
    /// The types a branch to this frame's label carries: a loop's start, any other's end.
    fn label(&self) -> &'a [ValType] {
        if self.kind == Kind::Loop { self.start } else { self.end }
    }
}

/// The state of the algorithm over one expression.
struct Code<'c, 'a> {
    c: &'c Context<'a>,
    vals: Vec<ValType>,
    ctrls: Vec<Ctrl<'a>>,
    /// Whether each local is `SET` (`C.LOCALS`' init), empty when all are from the start.
    set: Vec<bool>,
    /// The locals `SET` since the start of the code, to unset when their block ends.
    inits: Vec<LocalIdx>,
    /// The rule of the instruction being checked, cited by its errors.
    rule: Rule,
}

type V = ValType;

impl<'c, 'a> Code<'c, 'a> {
    fn new(c: &'c Context<'a>, results: &'a [ValType]) -> Code<'c, 'a> {
        let mut code = Code {
            c,
            vals: Vec::new(),
            ctrls: Vec::new(),
            set: Vec::new(),
            inits: Vec::new(),
            rule: rules::EXPR_OK,
        };
        if c.locals.iter().any(|l| !l.set) {
            code.set = c.locals.iter().map(|l| l.set).collect();
        }
        let frame = Ctrl {
            kind: Kind::Expr,
            rule: rules::EXPR_OK,
            start: &[],
            end: results,
            height: 0,
            init_height: 0,
            unreachable: false,
        };
        code.ctrls.push(frame);
        code
    }

    // The operand and control stacks.

    /// The innermost frame; `expr_ok` checks no instruction outside the outermost one.
    #[inline]
    fn frame(&self) -> &Ctrl<'a> {
        self.ctrls.last().expect("an instruction is checked inside a frame")
    }

    /// `push_vals`, up to [`MAX_OPERANDS`].
    #[inline]
    fn push_vals(&mut self, ts: &[ValType]) -> Result {
        if self.vals.len() + ts.len() > MAX_OPERANDS {
            let msg = format!("implementation limit: more than {MAX_OPERANDS} operands on the stack");
            return Err(Error::new(self.rule, msg));
        }
        self.vals.extend_from_slice(ts);
        Ok(())
    }

    /// The operands of the current frame.
    #[inline]
    fn frame_vals(&self) -> &[ValType] {
        &self.vals[self.frame().height.min(self.vals.len())..]
    }

    /// Check the top of the stack against `ts`, `bot` standing in for the operands of an
    /// unreachable frame, and return how many are actually there.
    fn peek_vals(&self, ts: &[ValType]) -> Result<usize> {
        let avail = self.frame_vals();
        let n = ts.len().min(avail.len());
        let top = &avail[avail.len() - n..];
        let present = n == ts.len() || self.frame().unreachable;
        match present && top.iter().zip(&ts[ts.len() - n..]).all(|(&a, &t)| valtype_sub(self.c, a, t)) {
            true => Ok(n),
            false => Err(self.mismatch(&list(ts), top)),
        }
    }

    /// `pop_vals`: pop operands of types `ts` (or subtypes of them).
    #[inline]
    fn pop_vals(&mut self, ts: &[ValType]) -> Result {
        // Operands of exactly the types required pass at once (`Valtype_sub` is reflexive);
        // anything else takes the general check.
        let (len, height) = (self.vals.len(), self.frame().height);
        if len >= height + ts.len() && self.vals[len - ts.len()..] == *ts {
            self.vals.truncate(len - ts.len());
            return Ok(());
        }
        let n = self.peek_vals(ts)?;
        self.vals.truncate(self.vals.len() - n);
        Ok(())
    }

    /// Pop operands of the types `ts` yields, from the top down, without collecting them:
    /// their number may be huge, yet this costs no more than the frame holds.
    fn pop_each(&mut self, ts: impl Iterator<Item = ValType>) -> Result {
        for t in ts {
            if self.frame_vals().is_empty() {
                // The rest: `bot`s from an unreachable frame, or a mismatch.
                return self.pop_vals(&[t]);
            }
            self.pop_vals(&[t])?;
        }
        Ok(())
    }

    /// `pop_val`: pop one operand of any type, `bot` from an unreachable frame.
    fn pop_val(&mut self) -> Result<ValType> {
        match self.frame_vals().last() {
            Some(&t) => {
                self.vals.pop();
                Ok(t)
            }
            None if self.frame().unreachable => Ok(ValType::Bot),
            None => Err(self.mismatch("an operand", &[])),
        }
    }

    /// `pop_ref`: pop a reference, `(ref bot)` from an unreachable frame.
    fn pop_ref(&mut self) -> Result<RefType> {
        match self.pop_val()? {
            V::Ref(rt) => Ok(rt),
            V::Bot => Ok(RefType { nullable: false, heap: HeapType::Abs(AbsHeapType::Bot) }),
            t => Err(self.mismatch("a reference", &[t])),
        }
    }

    /// Pop `ins`, push `outs`: an instruction of type `ins -> outs`.
    #[inline]
    fn op(&mut self, ins: &[ValType], outs: &[ValType]) -> Result {
        self.pop_vals(ins)?;
        self.push_vals(outs)
    }

    #[cold]
    fn mismatch(&self, required: &str, stack: &[ValType]) -> Error {
        let msg = format!("type mismatch: instruction requires {required} but stack has {}", list(stack));
        Error::new(self.rule, msg)
    }

    /// A branch that carries a `t` to a label that does not take it last.
    fn label_mismatch(&self, t: ValType, label: &[ValType]) -> Error {
        let msg = format!("type mismatch: instruction requires type {t} but label has {}", list(label));
        Error::new(self.rule, msg)
    }

    fn push_ctrl(&mut self, kind: Kind, rule: Rule, start: &'a [ValType], end: &'a [ValType]) -> Result {
        let (height, init_height) = (self.vals.len(), self.inits.len());
        self.ctrls.push(Ctrl { kind, rule, start, end, height, init_height, unreachable: false });
        self.push_vals(start)
    }

    /// Close the innermost frame: its results must be exactly what is left on its stack, and
    /// the locals it set are unset again (`Instr_ok/block` and the others type the block
    /// without them).
    fn pop_ctrl(&mut self) -> Result<Ctrl<'a>> {
        let end = self.frame().end;
        self.rule = self.frame().rule;
        // The results must be on top, and nothing under them: the message shows all there is.
        let n = self.peek_vals(end)?;
        if self.frame_vals().len() != n {
            let msg = format!(
                "type mismatch: block requires {} but stack has {}",
                list(end),
                list(self.frame_vals())
            );
            return Err(Error::new(self.rule, msg));
        }
        self.vals.truncate(self.vals.len() - n);
        let frame = self.ctrls.pop().expect("the frame just checked");
        for x in self.inits.drain(frame.init_height..) {
            self.set[x as usize] = false;
        }
        Ok(frame)
    }

    /// The rest of the current frame is unreachable: its stack becomes polymorphic.
    fn unreachable(&mut self) {
        let frame = self.ctrls.last_mut().expect("an instruction is checked inside a frame");
        frame.unreachable = true;
        let height = frame.height;
        self.vals.truncate(height);
    }

    /// `C.LABELS[l]`.
    fn label(&self, l: LabelIdx) -> Result<&'a [ValType]> {
        let depth = usize::try_from(l).ok().filter(|&d| d < self.ctrls.len());
        match depth {
            Some(d) => Ok(self.ctrls[self.ctrls.len() - 1 - d].label()),
            None => Err(Error::new(self.rule, format!("unknown label {l}"))),
        }
    }

    /// An instruction of a feature that is not Wasm 2.0's (the table of the instruction set
    /// says which, and its rule): see [`feature`]. Under 3.0, while every feature is
    /// [`CHECKED`](super::CHECKED), there is nothing to refuse nor to look up.
    fn feature(&mut self, i: &Instr) -> Result {
        if self.c.spec == Spec::V3 && super::CHECKED == Features::ALL.minus(Features::V2) {
            return Ok(());
        }
        match i.info() {
            Some(info) if !info.feature.in_spec(Spec::V2) => {
                self.rule = info.rule;
                feature(self.c.spec, info.rule, info.feature)
            }
            _ => Ok(()),
        }
    }

    // The instructions.

    /// `Instr_ok`: one instruction, in the order of the spec's sections. Inlined into the loop
    /// over the instructions: a call's entry and exit cost as much as a simple rule.
    #[inline(always)]
    fn instr(&mut self, i: &'a Instr) -> Result {
        use Instr as I;
        self.feature(i)?;
        match i {
            I::Nop => self.nop(),
            I::Unreachable => self.unreachable_(),
            I::Drop => self.drop_(),
            I::Select(None) => self.select_impl(),
            I::Select(Some(ts)) => self.select_expl(ts),

            I::Block(bt) => self.block(Kind::Block, rules::INSTR_OK__BLOCK, bt),
            I::Loop(bt) => self.block(Kind::Loop, rules::INSTR_OK__LOOP, bt),
            I::If(bt) => self.if_(bt),
            I::Else => self.else_(),
            I::End => self.end(),
            I::Br(l) => self.br(*l),
            I::BrIf(l) => self.br_if(*l),
            I::BrTable(ls, l) => self.br_table(ls, *l),
            I::BrOnNull(l) => self.br_on_null(*l),
            I::BrOnNonNull(l) => self.br_on_non_null(*l),
            I::Call(x) => self.call(*x),
            I::CallRef(x) => self.call_ref(*x),
            I::CallIndirect(x, y) => self.call_indirect(*x, *y),
            I::Return => self.return_(),
            I::Throw(x) => self.throw(*x),
            I::ThrowRef => self.throw_ref(),
            I::TryTable(bt, catches) => self.try_table(bt, catches),
            I::ReturnCall(x) => self.return_call(*x),
            I::ReturnCallIndirect(x, y) => self.return_call_indirect(*x, *y),
            I::ReturnCallRef(x) => self.return_call_ref(*x),

            I::LocalGet(x) => self.local_get(*x),
            I::LocalSet(x) => self.local_set(*x),
            I::LocalTee(x) => self.local_tee(*x),
            I::GlobalGet(x) => self.global_get(*x),
            I::GlobalSet(x) => self.global_set(*x),

            I::TableGet(x) => self.table_get(*x),
            I::TableSet(x) => self.table_set(*x),
            I::TableSize(x) => self.table_size(*x),
            I::TableGrow(x) => self.table_grow(*x),
            I::TableFill(x) => self.table_fill(*x),
            I::TableCopy(x1, x2) => self.table_copy(*x1, *x2),
            I::TableInit(x, y) => self.table_init(*x, *y),
            I::ElemDrop(x) => self.elem_drop(*x),

            I::Load(nt, op, x, ma) => self.load(*nt, *op, *x, *ma),
            I::Store(nt, sz, x, ma) => self.store(*nt, *sz, *x, *ma),
            I::VLoad(op, x, ma) => self.vload(*op, *x, *ma),
            I::VLoadLane(sz, x, ma, i) => self.vload_lane(*sz, *x, *ma, *i),
            I::VStore(x, ma) => self.vstore(*x, *ma),
            I::VStoreLane(sz, x, ma, i) => self.vstore_lane(*sz, *x, *ma, *i),
            I::MemorySize(x) => self.memory_size(*x),
            I::MemoryGrow(x) => self.memory_grow(*x),
            I::MemoryFill(x) => self.memory_fill(*x),
            I::MemoryCopy(x1, x2) => self.memory_copy(*x1, *x2),
            I::MemoryInit(x, y) => self.memory_init(*x, *y),
            I::DataDrop(x) => self.data_drop(*x),

            I::RefNull(ht) => self.ref_null(*ht),
            I::RefIsNull => self.ref_is_null(),
            I::RefAsNonNull => self.ref_as_non_null(),
            I::RefFunc(x) => self.ref_func(*x),
            I::RefEq => self.ref_eq(),
            I::RefTest(rt) => self.ref_test(*rt),
            I::RefCast(rt) => self.ref_cast(*rt),
            I::BrOnCast(l, rts) => self.br_on_cast(*l, rts.0, rts.1),
            I::BrOnCastFail(l, rts) => self.br_on_cast_fail(*l, rts.0, rts.1),
            I::RefI31 => self.ref_i31(),
            I::I31Get(_) => self.i31_get(),
            I::ExternConvertAny => {
                self.convert(rules::INSTR_OK__EXTERN_CONVERT_ANY, AbsHeapType::Any, AbsHeapType::Extern)
            }
            I::AnyConvertExtern => {
                self.convert(rules::INSTR_OK__ANY_CONVERT_EXTERN, AbsHeapType::Extern, AbsHeapType::Any)
            }

            I::StructNew(x) => self.struct_new(*x),
            I::StructNewDefault(x) => self.struct_new_default(*x),
            I::StructGet(sx, x, i) => self.struct_get(*sx, *x, *i),
            I::StructSet(x, i) => self.struct_set(*x, *i),
            I::ArrayNew(x) => self.array_new(*x),
            I::ArrayNewDefault(x) => self.array_new_default(*x),
            I::ArrayNewFixed(x, n) => self.array_new_fixed(*x, *n),
            I::ArrayNewData(x, y) => self.array_new_data(*x, *y),
            I::ArrayNewElem(x, y) => self.array_new_elem(*x, *y),
            I::ArrayGet(sx, x) => self.array_get(*sx, *x),
            I::ArraySet(x) => self.array_set(*x),
            I::ArrayLen => self.array_len(),
            I::ArrayFill(x) => self.array_fill(*x),
            I::ArrayCopy(x1, x2) => self.array_copy(*x1, *x2),
            I::ArrayInitData(x, y) => self.array_init_data(*x, *y),
            I::ArrayInitElem(x, y) => self.array_init_elem(*x, *y),

            I::Const(n) => self.const_(n.ty()),
            I::Unop(nt, op) => self.unop(*nt, *op),
            I::Binop(nt, op) => self.binop(*nt, *op),
            I::Testop(nt, _) => self.testop(*nt),
            I::Relop(nt, op) => self.relop(*nt, *op),
            I::Cvtop(nt1, nt2, op) => self.cvtop(*nt1, *nt2, *op),

            I::VConst(_) => self.vconst(),
            I::VVunop(_) => self.vop(rules::INSTR_OK__VVUNOP, &[V::V128], V::V128),
            I::VVbinop(_) => self.vop(rules::INSTR_OK__VVBINOP, &[V::V128, V::V128], V::V128),
            I::VVternop(_) => self.vop(rules::INSTR_OK__VVTERNOP, &[V::V128, V::V128, V::V128], V::V128),
            I::VVtestop(_) => self.vop(rules::INSTR_OK__VVTESTOP, &[V::V128], V::I32),
            I::VUnop(..) => self.vop(rules::INSTR_OK__VUNOP, &[V::V128], V::V128),
            I::VBinop(..) => self.vop(rules::INSTR_OK__VBINOP, &[V::V128, V::V128], V::V128),
            I::VTernop(..) => self.vop(rules::INSTR_OK__VTERNOP, &[V::V128, V::V128, V::V128], V::V128),
            I::VTestop(..) => self.vop(rules::INSTR_OK__VTESTOP, &[V::V128], V::I32),
            I::VRelop(..) => self.vop(rules::INSTR_OK__VRELOP, &[V::V128, V::V128], V::V128),
            I::VShiftop(..) => self.vop(rules::INSTR_OK__VSHIFTOP, &[V::V128, V::I32], V::V128),
            I::VBitmask(_) => self.vop(rules::INSTR_OK__VBITMASK, &[V::V128], V::I32),
            I::VSwizzlop(_) => self.vop(rules::INSTR_OK__VSWIZZLOP, &[V::V128, V::V128], V::V128),
            I::VShuffle(lanes) => self.vshuffle(lanes),
            I::VExtunop(..) => self.vop(rules::INSTR_OK__VEXTUNOP, &[V::V128], V::V128),
            I::VExtbinop(..) => self.vop(rules::INSTR_OK__VEXTBINOP, &[V::V128, V::V128], V::V128),
            I::VExtternop(..) => self.vop(rules::INSTR_OK__VEXTTERNOP, &[V::V128, V::V128, V::V128], V::V128),
            I::VNarrow(..) => self.vop(rules::INSTR_OK__VNARROW, &[V::V128, V::V128], V::V128),
            I::VCvtop(..) => self.vop(rules::INSTR_OK__VCVTOP, &[V::V128], V::V128),
            I::VSplat(sh) => self.vsplat(*sh),
            I::VExtractLane(sh, _, i) => self.vextract_lane(*sh, *i),
            I::VReplaceLane(sh, i) => self.vreplace_lane(*sh, *i),
        }?;
        match shape_ok(i) {
            true => Ok(()),
            false => Err(Error::new(self.rule, format!("malformed instruction: {i:?}"))),
        }
    }

    // Parametric instructions.

    /// `Instr_ok/nop`: `NOP : eps -> eps`.
    fn nop(&mut self) -> Result {
        self.rule = rules::INSTR_OK__NOP;
        Ok(())
    }

    /// `Instr_ok/unreachable`: `UNREACHABLE : t_1* -> t_2*`.
    fn unreachable_(&mut self) -> Result {
        self.rule = rules::INSTR_OK__UNREACHABLE;
        self.unreachable();
        Ok(())
    }

    /// `Instr_ok/drop`: `DROP : t -> eps`.
    fn drop_(&mut self) -> Result {
        self.rule = rules::INSTR_OK__DROP;
        self.pop_val().map(drop)
    }

    /// `Instr_ok/select-expl`: `SELECT t : t t I32 -> t`, one type only.
    fn select_expl(&mut self, ts: &[ValType]) -> Result {
        self.rule = rules::INSTR_OK__SELECT_EXPL;
        let &[t] = ts else {
            return Err(Error::new(self.rule, "invalid result arity"));
        };
        valtype_ok(self.c, t)?;
        self.op(&[t, t, V::I32], &[t])
    }

    /// `Instr_ok/select-impl`: `SELECT : t t I32 -> t` for `t` a number or vector type.
    fn select_impl(&mut self) -> Result {
        self.rule = rules::INSTR_OK__SELECT_IMPL;
        self.pop_vals(&[V::I32])?;
        let (t1, t2) = (self.pop_val()?, self.pop_val()?);
        let numvec = |t: ValType| !t.is_ref();
        if !(numvec(t1) && numvec(t2)) || (t1 != t2 && t1 != V::Bot && t2 != V::Bot) {
            return Err(self.mismatch("two operands of one number or vector type", &[t2, t1]));
        }
        self.push_vals(&[if t1 == V::Bot { t2 } else { t1 }])
    }

    // Block instructions.

    /// `Instr_ok/block`, `Instr_ok/loop`: `BLOCK bt instr* : t_1* -> t_2*`, the body checked
    /// with the label `t_2*` (a loop's: `t_1*`) in front of `C.LABELS`.
    fn block(&mut self, kind: Kind, rule: Rule, bt: &'a BlockType) -> Result {
        self.rule = rule;
        let (t1, t2) = blocktype_ok(self.c, bt)?;
        if kind == Kind::If {
            self.pop_vals(&[V::I32])?;
        }
        self.pop_vals(t1)?;
        self.push_ctrl(kind, rule, t1, t2)
    }

    /// `Instr_ok/if`: `IF bt instr_1* ELSE instr_2* : t_1* I32 -> t_2*`.
    fn if_(&mut self, bt: &'a BlockType) -> Result {
        self.block(Kind::If, rules::INSTR_OK__IF, bt)
    }

    /// The `ELSE` of `Instr_ok/if`: the first arm is done, the second starts from `t_1*`.
    fn else_(&mut self) -> Result {
        self.rule = rules::INSTR_OK__IF;
        if self.frame().kind != Kind::If {
            return Err(Error::new(self.rule, "malformed expression: else outside if"));
        }
        let frame = self.pop_ctrl()?;
        self.push_ctrl(Kind::Else, frame.rule, frame.start, frame.end)
    }

    /// The `END` of a block: its frame must end with its result types, which it then leaves.
    /// An `if` without `else` has an empty second arm, which must then type as `t_1* -> t_2*`.
    fn end(&mut self) -> Result {
        if self.frame().kind == Kind::If {
            self.else_()?;
        }
        let frame = self.pop_ctrl()?;
        self.push_vals(frame.end)
    }

    // Branch instructions.

    /// `Instr_ok/br`: `BR l : t_1* t* -> t_2*` with `C.LABELS[l] = t*`.
    fn br(&mut self, l: LabelIdx) -> Result {
        self.rule = rules::INSTR_OK__BR;
        let ts = self.label(l)?;
        self.pop_vals(ts)?;
        self.unreachable();
        Ok(())
    }

    /// `Instr_ok/br_if`: `BR_IF l : t* I32 -> t*` with `C.LABELS[l] = t*`.
    #[inline]
    fn br_if(&mut self, l: LabelIdx) -> Result {
        self.rule = rules::INSTR_OK__BR_IF;
        let ts = self.label(l)?;
        self.pop_vals(&[V::I32])?;
        self.op(ts, ts)
    }

    /// `Instr_ok/br_table`: `BR_TABLE l* l' : t_1* t* I32 -> t_2*`, where `t*` matches every
    /// label. From an unreachable stack, the operands each label checks may be `bot`.
    fn br_table(&mut self, ls: &[LabelIdx], l_default: LabelIdx) -> Result {
        self.rule = rules::INSTR_OK__BR_TABLE;
        self.pop_vals(&[V::I32])?;
        let default = self.label(l_default)?;
        // Each label once (a table may name a few many thousand times), by depth.
        let mut checked = vec![false; self.ctrls.len()];
        for &l in ls {
            let ts = self.label(l)?;
            if std::mem::replace(&mut checked[l as usize], true) {
                continue;
            }
            if ts.len() != default.len() {
                let msg = format!("type mismatch: br_table labels {} and {}", list(ts), list(default));
                return Err(Error::new(self.rule, msg));
            }
            self.peek_vals(ts)?;
        }
        self.pop_vals(default)?;
        self.unreachable();
        Ok(())
    }

    /// `Instr_ok/br_on_null`: `BR_ON_NULL l : t* (REF NULL ht) -> t* (REF ht)` with
    /// `C.LABELS[l] = t*`.
    fn br_on_null(&mut self, l: LabelIdx) -> Result {
        self.rule = rules::INSTR_OK__BR_ON_NULL;
        let ts = self.label(l)?;
        let rt = self.pop_ref()?;
        self.op(ts, ts)?;
        self.push_vals(&[V::Ref(RefType { nullable: false, ..rt })])
    }

    /// `Instr_ok/br_on_non_null`: `BR_ON_NON_NULL l : t* (REF NULL ht) -> t*` with
    /// `C.LABELS[l] = t* (REF NULL? ht)`.
    fn br_on_non_null(&mut self, l: LabelIdx) -> Result {
        self.rule = rules::INSTR_OK__BR_ON_NON_NULL;
        let ts = self.label(l)?;
        let rt = self.pop_ref()?;
        let non_null = V::Ref(RefType { nullable: false, ..rt });
        match ts.split_last() {
            Some((&t, ts)) if valtype_sub(self.c, non_null, t) => self.op(ts, ts),
            _ => Err(self.label_mismatch(non_null, ts)),
        }
    }

    // Function instructions.

    /// `Instr_ok/call`: `CALL x : t_1* -> t_2*` for `C.FUNCS[x]` of that type.
    #[inline]
    fn call(&mut self, x: FuncIdx) -> Result {
        self.rule = rules::INSTR_OK__CALL;
        let ft = self.c.func(self.rule, x)?;
        self.op(&ft.params, &ft.results)
    }

    /// `Instr_ok/call_indirect`: `CALL_INDIRECT x y : t_1* at -> t_2*` for a table `x` of
    /// function references and `C.TYPES[y]` the type `t_1* -> t_2*`.
    fn call_indirect(&mut self, x: TableIdx, y: TypeIdx) -> Result {
        self.rule = rules::INSTR_OK__CALL_INDIRECT;
        let ft = self.indirect(x, y)?;
        self.op(&ft.params, &ft.results)
    }

    /// The callee type of `call_indirect` and `return_call_indirect`, its index popped.
    fn indirect(&mut self, x: TableIdx, y: TypeIdx) -> Result<&'a FuncType> {
        let tt = self.c.table(self.rule, x)?;
        let ft = self.c.func_type(self.rule, y)?;
        if !reftype_sub(self.c, tt.elem, RefType::FUNCREF) {
            let msg = format!(
                "type mismatch: indirect call requires a table of funcref but table {x} has {}",
                tt.elem
            );
            return Err(Error::new(self.rule, msg));
        }
        self.pop_vals(&[tt.addr.val()])?;
        Ok(ft)
    }

    /// `Instr_ok/call_ref`: `CALL_REF x : t_1* (REF NULL x) -> t_2*` for `C.TYPES[x]` the
    /// type `t_1* -> t_2*`.
    fn call_ref(&mut self, x: TypeIdx) -> Result {
        self.rule = rules::INSTR_OK__CALL_REF;
        let ft = self.func_ref(x)?;
        self.op(&ft.params, &ft.results)
    }

    /// The callee type of `call_ref` and `return_call_ref`, its reference popped.
    fn func_ref(&mut self, x: TypeIdx) -> Result<&'a FuncType> {
        let ft = self.c.func_type(self.rule, x)?;
        self.pop_vals(&[V::Ref(RefType { nullable: true, heap: HeapType::Idx(x) })])?;
        Ok(ft)
    }

    /// `Instr_ok/return_call_ref`: `RETURN_CALL_REF x : t_3* t_1* (REF NULL x) -> t_4*`, as
    /// `call_ref` and `return_call`.
    fn return_call_ref(&mut self, x: TypeIdx) -> Result {
        self.rule = rules::INSTR_OK__RETURN_CALL_REF;
        let ft = self.func_ref(x)?;
        self.tail_call(ft)
    }

    // Exception instructions.

    /// `Instr_ok/throw`: `THROW x : t_1* t* -> t_2*` for `C.TAGS[x]` of type `t* -> eps`.
    fn throw(&mut self, x: TagIdx) -> Result {
        self.rule = rules::INSTR_OK__THROW;
        let ft = self.tag(x)?;
        self.pop_vals(&ft.params)?;
        self.unreachable();
        Ok(())
    }

    /// `C.TAGS[x]`, expanded to its function type.
    fn tag(&self, x: TagIdx) -> Result<&'a FuncType> {
        tagtype_ok(self.c, self.c.tag(self.rule, x)?)
    }

    /// `Instr_ok/throw_ref`: `THROW_REF : t_1* (REF NULL EXN) -> t_2*`.
    fn throw_ref(&mut self) -> Result {
        self.rule = rules::INSTR_OK__THROW_REF;
        self.pop_vals(&[V::Ref(RefType::EXNREF)])?;
        self.unreachable();
        Ok(())
    }

    /// `Instr_ok/try_table`: `TRY_TABLE bt catch* instr* : t_1* -> t_2*`, a block whose
    /// handlers each branch to a label of the enclosing context (`Catch_ok`).
    fn try_table(&mut self, bt: &'a BlockType, catches: &[Catch]) -> Result {
        self.rule = rules::INSTR_OK__TRY_TABLE;
        catches.iter().try_for_each(|&catch| self.catch(catch))?;
        self.block(Kind::Block, rules::INSTR_OK__TRY_TABLE, bt)
    }

    /// `Catch_ok/catch`, `/catch_ref`, `/catch_all`, `/catch_all_ref`: the values caught (the
    /// tag's, then the exception reference) match the label's types.
    fn catch(&mut self, catch: Catch) -> Result {
        let exnref = V::Ref(RefType { nullable: false, heap: HeapType::Abs(AbsHeapType::Exn) });
        let (rule, x, l, with_ref) = match catch {
            Catch::Catch(x, l) => (rules::CATCH_OK__CATCH, Some(x), l, false),
            Catch::CatchRef(x, l) => (rules::CATCH_OK__CATCH_REF, Some(x), l, true),
            Catch::CatchAll(l) => (rules::CATCH_OK__CATCH_ALL, None, l, false),
            Catch::CatchAllRef(l) => (rules::CATCH_OK__CATCH_ALL_REF, None, l, true),
        };
        self.rule = rule;
        let mut ts = match x {
            Some(x) => self.tag(x)?.params.to_vec(),
            None => vec![],
        };
        ts.extend(with_ref.then_some(exnref));
        let label = self.label(l)?;
        match resulttype_sub(self.c, &ts, label) {
            true => Ok(()),
            false => {
                let msg =
                    format!("type mismatch: catch handler carries {} to label of {}", list(&ts), list(label));
                Err(Error::new(rule, msg))
            }
        }
    }

    /// `Instr_ok/return`: `RETURN : t_1* t* -> t_2*` with `C.RETURN = t*`.
    fn return_(&mut self) -> Result {
        self.rule = rules::INSTR_OK__RETURN;
        let ret = self.ret()?;
        self.pop_vals(ret)?;
        self.unreachable();
        Ok(())
    }

    fn ret(&self) -> Result<&'a [ValType]> {
        self.c.ret.ok_or_else(|| Error::new(self.rule, "malformed expression: return outside a function"))
    }

    /// `Instr_ok/return_call`: `RETURN_CALL x : t_3* t_1* -> t_4*` for `C.FUNCS[x]` of type
    /// `t_1* -> t_2*` with `t_2* <: C.RETURN`.
    fn return_call(&mut self, x: FuncIdx) -> Result {
        self.rule = rules::INSTR_OK__RETURN_CALL;
        let ft = self.c.func(self.rule, x)?;
        self.tail_call(ft)
    }

    /// `Instr_ok/return_call_indirect`: `RETURN_CALL_INDIRECT x y : t_3* t_1* at -> t_4*`,
    /// as `call_indirect` and `return_call`.
    fn return_call_indirect(&mut self, x: TableIdx, y: TypeIdx) -> Result {
        self.rule = rules::INSTR_OK__RETURN_CALL_INDIRECT;
        let ft = self.indirect(x, y)?;
        self.tail_call(ft)
    }

    fn tail_call(&mut self, ft: &FuncType) -> Result {
        let ret = self.ret()?;
        if !resulttype_sub(self.c, &ft.results, ret) {
            let msg = format!(
                "type mismatch: current function requires result type {} but callee returns {}",
                list(ret),
                list(&ft.results)
            );
            return Err(Error::new(self.rule, msg));
        }
        self.pop_vals(&ft.params)?;
        self.unreachable();
        Ok(())
    }

    // Variable instructions.

    /// `Instr_ok/local.get`: `LOCAL.GET x : eps -> t` with `C.LOCALS[x] = SET t`.
    #[inline]
    fn local_get(&mut self, x: LocalIdx) -> Result {
        self.rule = rules::INSTR_OK__LOCAL_GET;
        let t = self.c.local(self.rule, x)?.t;
        if self.set.get(x as usize) == Some(&false) {
            return Err(Error::new(self.rule, format!("uninitialized local {x}")));
        }
        self.op(&[], &[t])
    }

    /// `Instr_ok/local.set`: `LOCAL.SET x : t ->_(x) eps` with `C.LOCALS[x] = init t`.
    #[inline]
    fn local_set(&mut self, x: LocalIdx) -> Result {
        self.rule = rules::INSTR_OK__LOCAL_SET;
        let t = self.c.local(self.rule, x)?.t;
        self.op(&[t], &[])?;
        self.init(x);
        Ok(())
    }

    /// `Instr_ok/local.tee`: `LOCAL.TEE x : t ->_(x) t` with `C.LOCALS[x] = init t`.
    #[inline]
    fn local_tee(&mut self, x: LocalIdx) -> Result {
        self.rule = rules::INSTR_OK__LOCAL_TEE;
        let t = self.c.local(self.rule, x)?.t;
        self.op(&[t], &[t])?;
        self.init(x);
        Ok(())
    }

    /// `Instrs_ok/seq`: after an instruction `->_(x)`, local `x` is `SET`.
    fn init(&mut self, x: LocalIdx) {
        if let Some(set @ false) = self.set.get_mut(x as usize) {
            *set = true;
            self.inits.push(x);
        }
    }

    /// `Instr_ok/global.get`: `GLOBAL.GET x : eps -> t` with `C.GLOBALS[x] = mut? t`.
    #[inline]
    fn global_get(&mut self, x: GlobalIdx) -> Result {
        self.rule = rules::INSTR_OK__GLOBAL_GET;
        let gt = self.c.global(self.rule, x)?;
        self.op(&[], &[gt.val])
    }

    /// `Instr_ok/global.set`: `GLOBAL.SET x : t -> eps` with `C.GLOBALS[x] = MUT t`.
    fn global_set(&mut self, x: GlobalIdx) -> Result {
        self.rule = rules::INSTR_OK__GLOBAL_SET;
        let gt = self.c.global(self.rule, x)?;
        if !gt.mutable {
            // The suites word this differently.
            let msg = if self.c.spec == Spec::V2 { "global is immutable" } else { "immutable global" };
            return Err(Error::new(self.rule, format!("{msg} {x}")));
        }
        self.op(&[gt.val], &[])
    }

    // Table instructions.

    /// `Instr_ok/table.get`: `TABLE.GET x : at -> rt` with `C.TABLES[x] = at lim rt`.
    fn table_get(&mut self, x: TableIdx) -> Result {
        self.rule = rules::INSTR_OK__TABLE_GET;
        let tt = self.c.table(self.rule, x)?;
        self.op(&[tt.addr.val()], &[V::Ref(tt.elem)])
    }

    /// `Instr_ok/table.set`: `TABLE.SET x : at rt -> eps`.
    fn table_set(&mut self, x: TableIdx) -> Result {
        self.rule = rules::INSTR_OK__TABLE_SET;
        let tt = self.c.table(self.rule, x)?;
        self.op(&[tt.addr.val(), V::Ref(tt.elem)], &[])
    }

    /// `Instr_ok/table.size`: `TABLE.SIZE x : eps -> at`.
    fn table_size(&mut self, x: TableIdx) -> Result {
        self.rule = rules::INSTR_OK__TABLE_SIZE;
        let tt = self.c.table(self.rule, x)?;
        self.op(&[], &[tt.addr.val()])
    }

    /// `Instr_ok/table.grow`: `TABLE.GROW x : rt at -> at`.
    fn table_grow(&mut self, x: TableIdx) -> Result {
        self.rule = rules::INSTR_OK__TABLE_GROW;
        let tt = self.c.table(self.rule, x)?;
        self.op(&[V::Ref(tt.elem), tt.addr.val()], &[tt.addr.val()])
    }

    /// `Instr_ok/table.fill`: `TABLE.FILL x : at rt at -> eps`.
    fn table_fill(&mut self, x: TableIdx) -> Result {
        self.rule = rules::INSTR_OK__TABLE_FILL;
        let tt = self.c.table(self.rule, x)?;
        self.op(&[tt.addr.val(), V::Ref(tt.elem), tt.addr.val()], &[])
    }

    /// `Instr_ok/table.copy`: `TABLE.COPY x_1 x_2 : at_1 at_2 $minat(at_1, at_2) -> eps`
    /// with `rt_2 <: rt_1`.
    fn table_copy(&mut self, x1: TableIdx, x2: TableIdx) -> Result {
        self.rule = rules::INSTR_OK__TABLE_COPY;
        let (tt1, tt2) = (self.c.table(self.rule, x1)?, self.c.table(self.rule, x2)?);
        if !reftype_sub(self.c, tt2.elem, tt1.elem) {
            let msg =
                format!("type mismatch: table.copy from table of {} into table of {}", tt2.elem, tt1.elem);
            return Err(Error::new(self.rule, msg));
        }
        self.op(&[tt1.addr.val(), tt2.addr.val(), minat(tt1.addr, tt2.addr)], &[])
    }

    /// `Instr_ok/table.init`: `TABLE.INIT x y : at I32 I32 -> eps` with `C.ELEMS[y] <: rt`.
    fn table_init(&mut self, x: TableIdx, y: ElemIdx) -> Result {
        self.rule = rules::INSTR_OK__TABLE_INIT;
        let tt = self.c.table(self.rule, x)?;
        let rt = self.c.elem(self.rule, y)?;
        if !reftype_sub(self.c, rt, tt.elem) {
            let msg = format!("type mismatch: table.init from segment of {rt} into table of {}", tt.elem);
            return Err(Error::new(self.rule, msg));
        }
        self.op(&[tt.addr.val(), V::I32, V::I32], &[])
    }

    /// `Instr_ok/elem.drop`: `ELEM.DROP x : eps -> eps` for a segment `C.ELEMS[x]`.
    fn elem_drop(&mut self, x: ElemIdx) -> Result {
        self.rule = rules::INSTR_OK__ELEM_DROP;
        self.c.elem(self.rule, x).map(drop)
    }

    // Memory instructions.

    /// `C.MEMS[x] = at lim PAGE` and `Memarg_ok: |- memarg : at -> N`: the alignment at most
    /// the natural one of an `N`-bit access, the offset within the address type.
    fn memarg(&self, x: MemIdx, ma: MemArg, n: u32) -> Result<ValType> {
        let mt = self.c.mem(self.rule, x)?;
        if ma.align >= 32 || 1u64 << ma.align > u64::from(n / 8) {
            return Err(Error::new(self.rule, "alignment must not be larger than natural"));
        }
        if mt.addr == AddrType::I32 && ma.offset > u32::MAX.into() {
            return Err(Error::new(self.rule, "offset out of range"));
        }
        Ok(mt.addr.val())
    }

    fn lane(&self, i: LaneIdx, lanes: u32) -> Result {
        match u32::from(i) < lanes {
            true => Ok(()),
            false => Err(Error::new(self.rule, "invalid lane index")),
        }
    }

    /// `Instr_ok/load-val`, `Instr_ok/load-pack`: `LOAD nt (K _ sx)? x memarg : at -> nt`.
    #[inline]
    fn load(&mut self, nt: NumType, op: Option<LoadOp>, x: MemIdx, ma: MemArg) -> Result {
        self.rule = if op.is_some() { rules::INSTR_OK__LOAD_PACK } else { rules::INSTR_OK__LOAD_VAL };
        let at = self.memarg(x, ma, op.map_or(nt.size(), |op| op.size.bits()))?;
        self.op(&[at], &[V::num(nt)])
    }

    /// `Instr_ok/store-val`, `Instr_ok/store-pack`: `STORE nt K? x memarg : at nt -> eps`.
    #[inline]
    fn store(&mut self, nt: NumType, sz: Option<Sz>, x: MemIdx, ma: MemArg) -> Result {
        self.rule = if sz.is_some() { rules::INSTR_OK__STORE_PACK } else { rules::INSTR_OK__STORE_VAL };
        let at = self.memarg(x, ma, sz.map_or(nt.size(), Sz::bits))?;
        self.op(&[at, V::num(nt)], &[])
    }

    /// `Instr_ok/vload-val`, `-pack`, `-splat`, `-zero`: `VLOAD V128 vloadop? x memarg :
    /// at -> V128`, accessing 128 bits, `N*M`, or `N`.
    fn vload(&mut self, op: Option<VLoadOp>, x: MemIdx, ma: MemArg) -> Result {
        let (rule, n) = match op {
            None => (rules::INSTR_OK__VLOAD_VAL, 128),
            Some(VLoadOp::Shape(sz, m, _)) => (rules::INSTR_OK__VLOAD_PACK, sz.bits() * u32::from(m)),
            Some(VLoadOp::Splat(sz)) => (rules::INSTR_OK__VLOAD_SPLAT, sz.bits()),
            Some(VLoadOp::Zero(sz)) => (rules::INSTR_OK__VLOAD_ZERO, sz.bits()),
        };
        self.rule = rule;
        let at = self.memarg(x, ma, n)?;
        self.op(&[at], &[V::V128])
    }

    /// `Instr_ok/vload_lane`: `VLOAD_LANE V128 N x memarg i : at V128 -> V128`, `i < 128/N`.
    fn vload_lane(&mut self, sz: Sz, x: MemIdx, ma: MemArg, i: LaneIdx) -> Result {
        self.rule = rules::INSTR_OK__VLOAD_LANE;
        let at = self.memarg(x, ma, sz.bits())?;
        self.lane(i, 128 / sz.bits())?;
        self.op(&[at, V::V128], &[V::V128])
    }

    /// `Instr_ok/vstore`: `VSTORE V128 x memarg : at V128 -> eps`.
    fn vstore(&mut self, x: MemIdx, ma: MemArg) -> Result {
        self.rule = rules::INSTR_OK__VSTORE;
        let at = self.memarg(x, ma, 128)?;
        self.op(&[at, V::V128], &[])
    }

    /// `Instr_ok/vstore_lane`: `VSTORE_LANE V128 N x memarg i : at V128 -> eps`, `i < 128/N`.
    fn vstore_lane(&mut self, sz: Sz, x: MemIdx, ma: MemArg, i: LaneIdx) -> Result {
        self.rule = rules::INSTR_OK__VSTORE_LANE;
        let at = self.memarg(x, ma, sz.bits())?;
        self.lane(i, 128 / sz.bits())?;
        self.op(&[at, V::V128], &[])
    }

    /// `Instr_ok/memory.size`: `MEMORY.SIZE x : eps -> at`.
    fn memory_size(&mut self, x: MemIdx) -> Result {
        self.rule = rules::INSTR_OK__MEMORY_SIZE;
        let at = self.c.mem(self.rule, x)?.addr.val();
        self.op(&[], &[at])
    }

    /// `Instr_ok/memory.grow`: `MEMORY.GROW x : at -> at`.
    fn memory_grow(&mut self, x: MemIdx) -> Result {
        self.rule = rules::INSTR_OK__MEMORY_GROW;
        let at = self.c.mem(self.rule, x)?.addr.val();
        self.op(&[at], &[at])
    }

    /// `Instr_ok/memory.fill`: `MEMORY.FILL x : at I32 at -> eps`.
    fn memory_fill(&mut self, x: MemIdx) -> Result {
        self.rule = rules::INSTR_OK__MEMORY_FILL;
        let at = self.c.mem(self.rule, x)?.addr.val();
        self.op(&[at, V::I32, at], &[])
    }

    /// `Instr_ok/memory.copy`: `MEMORY.COPY x_1 x_2 : at_1 at_2 $minat(at_1, at_2) -> eps`.
    fn memory_copy(&mut self, x1: MemIdx, x2: MemIdx) -> Result {
        self.rule = rules::INSTR_OK__MEMORY_COPY;
        let (at1, at2) = (self.c.mem(self.rule, x1)?.addr, self.c.mem(self.rule, x2)?.addr);
        self.op(&[at1.val(), at2.val(), minat(at1, at2)], &[])
    }

    /// `Instr_ok/memory.init`: `MEMORY.INIT x y : at I32 I32 -> eps` for `C.DATAS[y] = OK`.
    fn memory_init(&mut self, x: MemIdx, y: DataIdx) -> Result {
        self.rule = rules::INSTR_OK__MEMORY_INIT;
        let at = self.c.mem(self.rule, x)?.addr.val();
        self.c.data(self.rule, y)?;
        self.op(&[at, V::I32, V::I32], &[])
    }

    /// `Instr_ok/data.drop`: `DATA.DROP x : eps -> eps` for `C.DATAS[x] = OK`.
    fn data_drop(&mut self, x: DataIdx) -> Result {
        self.rule = rules::INSTR_OK__DATA_DROP;
        self.c.data(self.rule, x)
    }

    // Reference instructions.

    /// `Instr_ok/ref.null`: `REF.NULL ht : eps -> (REF NULL ht)`.
    fn ref_null(&mut self, ht: HeapType) -> Result {
        self.rule = rules::INSTR_OK__REF_NULL;
        heaptype_ok(self.c, ht)?;
        self.op(&[], &[V::Ref(RefType { nullable: true, heap: ht })])
    }

    /// `Instr_ok/ref.is_null`: `REF.IS_NULL : (REF NULL ht) -> I32`.
    fn ref_is_null(&mut self) -> Result {
        self.rule = rules::INSTR_OK__REF_IS_NULL;
        self.pop_ref()?;
        self.op(&[], &[V::I32])
    }

    /// `Instr_ok/ref.as_non_null`: `REF.AS_NON_NULL : (REF NULL ht) -> (REF ht)`.
    fn ref_as_non_null(&mut self) -> Result {
        self.rule = rules::INSTR_OK__REF_AS_NON_NULL;
        let rt = self.pop_ref()?;
        self.op(&[], &[V::Ref(RefType { nullable: false, ..rt })])
    }

    /// `Instr_ok/ref.func`: `REF.FUNC x : eps -> (REF dt)` for `C.FUNCS[x] = dt`, a function
    /// the module declares outside of code (`x <- C.REFS`). 2.0 types it `funcref`.
    fn ref_func(&mut self, x: FuncIdx) -> Result {
        self.rule = rules::INSTR_OK__REF_FUNC;
        let dt = self.c.func_idx(self.rule, x)?;
        if !self.c.refs.contains(&x) {
            return Err(Error::new(self.rule, format!("undeclared function reference {x}")));
        }
        self.op(&[], &[ref_func_type(self.c, dt)])
    }

    /// `Instr_ok/ref.eq`: `REF.EQ : (REF NULL EQ) (REF NULL EQ) -> I32`.
    fn ref_eq(&mut self) -> Result {
        self.rule = rules::INSTR_OK__REF_EQ;
        let eqref = V::Ref(RefType::null(AbsHeapType::Eq));
        self.op(&[eqref, eqref], &[V::I32])
    }

    /// `Instr_ok/ref.test`: `REF.TEST rt : rt' -> I32` with `rt <: rt'`: the operand is any
    /// reference of `rt`'s hierarchy.
    fn ref_test(&mut self, rt: RefType) -> Result {
        self.rule = rules::INSTR_OK__REF_TEST;
        self.cast(rt)?;
        self.op(&[], &[V::I32])
    }

    /// `Instr_ok/ref.cast`: `REF.CAST rt : rt' -> rt` with `rt <: rt'`.
    fn ref_cast(&mut self, rt: RefType) -> Result {
        self.rule = rules::INSTR_OK__REF_CAST;
        self.cast(rt)?;
        self.op(&[], &[V::Ref(rt)])
    }

    /// The operand of a cast to `rt`: a reference of its hierarchy, `(REF NULL top)`.
    fn cast(&mut self, rt: RefType) -> Result {
        reftype_ok(self.c, rt)?;
        let top = RefType::null(matching::top(self.c, rt.heap));
        self.pop_vals(&[V::Ref(top)])
    }

    /// `Instr_ok/br_on_cast`: `BR_ON_CAST l rt_1 rt_2 : t* rt_1 -> t* ($diffrt(rt_1, rt_2))`
    /// with `rt_2 <: rt_1` and `C.LABELS[l] = t* rt`, `rt_2 <: rt`.
    fn br_on_cast(&mut self, l: LabelIdx, rt1: RefType, rt2: RefType) -> Result {
        self.rule = rules::INSTR_OK__BR_ON_CAST;
        let ts = self.cast_label(l, rt1, rt2, rt2)?;
        self.op(ts, ts)?;
        self.push_vals(&[V::Ref(diffrt(rt1, rt2))])
    }

    /// `Instr_ok/br_on_cast_fail`: `BR_ON_CAST_FAIL l rt_1 rt_2 : t* rt_1 -> t* rt_2` with
    /// `rt_2 <: rt_1` and `C.LABELS[l] = t* rt`, `$diffrt(rt_1, rt_2) <: rt`.
    fn br_on_cast_fail(&mut self, l: LabelIdx, rt1: RefType, rt2: RefType) -> Result {
        self.rule = rules::INSTR_OK__BR_ON_CAST_FAIL;
        let ts = self.cast_label(l, rt1, rt2, diffrt(rt1, rt2))?;
        self.op(ts, ts)?;
        self.push_vals(&[V::Ref(rt2)])
    }

    /// The premises both branches on casts share: valid types, `rt_2 <: rt_1`, a label
    /// `t* rt` that takes what branches (`branched <: rt`), and the operand `rt_1` popped.
    /// Returns the label's `t*`.
    fn cast_label(&mut self, l: LabelIdx, rt1: RefType, rt2: RefType, branched: RefType) -> Result<&'a [V]> {
        reftype_ok(self.c, rt1)?;
        reftype_ok(self.c, rt2)?;
        if !reftype_sub(self.c, rt2, rt1) {
            return Err(Error::new(
                self.rule,
                format!("type mismatch: cast from {rt1} to {rt2}, not a subtype"),
            ));
        }
        let label = self.label(l)?;
        match label.split_last() {
            Some((&t, ts)) if valtype_sub(self.c, V::Ref(branched), t) => {
                self.pop_vals(&[V::Ref(rt1)])?;
                Ok(ts)
            }
            _ => Err(self.label_mismatch(V::Ref(branched), label)),
        }
    }

    /// `Instr_ok/ref.i31`: `REF.I31 : I32 -> (REF I31)`.
    fn ref_i31(&mut self) -> Result {
        self.rule = rules::INSTR_OK__REF_I31;
        self.op(&[V::I32], &[V::Ref(RefType { nullable: false, heap: HeapType::Abs(AbsHeapType::I31) })])
    }

    /// `Instr_ok/i31.get`: `I31.GET sx : (REF NULL I31) -> I32`.
    fn i31_get(&mut self) -> Result {
        self.rule = rules::INSTR_OK__I31_GET;
        self.op(&[V::Ref(RefType::null(AbsHeapType::I31))], &[V::I32])
    }

    /// `Instr_ok/extern.convert_any`, `Instr_ok/any.convert_extern`:
    /// `(REF null? from) -> (REF null? to)`, keeping nullability.
    fn convert(&mut self, rule: Rule, from: AbsHeapType, to: AbsHeapType) -> Result {
        self.rule = rule;
        let rt = self.pop_ref()?;
        if !heaptype_sub(self.c, rt.heap, HeapType::Abs(from)) {
            return Err(self.mismatch(&list(&[V::Ref(RefType::null(from))]), &[V::Ref(rt)]));
        }
        self.op(&[], &[V::Ref(RefType { nullable: rt.nullable, heap: HeapType::Abs(to) })])
    }

    // Aggregate instructions.

    /// `(REF NULL x)` and `(REF x)`.
    fn refs(x: TypeIdx) -> (V, V) {
        let heap = HeapType::Idx(x);
        (V::Ref(RefType { nullable: true, heap }), V::Ref(RefType { nullable: false, heap }))
    }

    /// `Instr_ok/struct.new`: `STRUCT.NEW x : $unpack(zt)* -> (REF x)` for a struct type `x`.
    fn struct_new(&mut self, x: TypeIdx) -> Result {
        self.rule = rules::INSTR_OK__STRUCT_NEW;
        let fields = self.c.struct_type(self.rule, x)?;
        self.pop_each(fields.iter().rev().map(|ft| ft.storage.unpack()))?;
        self.op(&[], &[Self::refs(x).1])
    }

    /// `Instr_ok/struct.new_default`: `STRUCT.NEW_DEFAULT x : eps -> (REF x)`, all fields
    /// `Defaultable`.
    fn struct_new_default(&mut self, x: TypeIdx) -> Result {
        self.rule = rules::INSTR_OK__STRUCT_NEW_DEFAULT;
        let fields = self.c.struct_type(self.rule, x)?;
        if let Some(ft) = fields.iter().find(|ft| !defaultable(ft.storage.unpack())) {
            let msg = format!("field type {} is not defaultable", ft.storage.unpack());
            return Err(Error::new(self.rule, msg));
        }
        self.op(&[], &[Self::refs(x).1])
    }

    /// The field `i` of struct type `x`.
    fn field(&self, x: TypeIdx, i: FieldIdx) -> Result<FieldType> {
        let fields = self.c.struct_type(self.rule, x)?;
        let field = usize::try_from(i).ok().and_then(|i| fields.get(i));
        field.copied().ok_or_else(|| Error::new(self.rule, format!("unknown field {i}")))
    }

    /// `Instr_ok/struct.get`: `STRUCT.GET sx? x i : (REF NULL x) -> $unpack(zt)`, with `sx`
    /// for a packed field only.
    fn struct_get(&mut self, sx: Option<Sx>, x: TypeIdx, i: FieldIdx) -> Result {
        self.rule = rules::INSTR_OK__STRUCT_GET;
        let ft = self.field(x, i)?;
        self.packed(sx, ft)?;
        self.op(&[Self::refs(x).0], &[ft.storage.unpack()])
    }

    /// `sx? =/= eps <=> $is_packtype(zt)`.
    fn packed(&self, sx: Option<Sx>, ft: FieldType) -> Result {
        match (sx.is_some(), matches!(ft.storage, StorageType::Pack(_))) {
            (true, false) => Err(Error::new(self.rule, "type mismatch: sign extension of an unpacked field")),
            (false, true) => Err(Error::new(self.rule, "type mismatch: packed field without sign extension")),
            _ => Ok(()),
        }
    }

    /// `Instr_ok/struct.set`: `STRUCT.SET x i : (REF NULL x) $unpack(zt) -> eps` for a
    /// mutable field.
    fn struct_set(&mut self, x: TypeIdx, i: FieldIdx) -> Result {
        self.rule = rules::INSTR_OK__STRUCT_SET;
        let ft = self.field(x, i)?;
        if !ft.mutable {
            return Err(Error::new(self.rule, format!("immutable field {i}")));
        }
        self.op(&[Self::refs(x).0, ft.storage.unpack()], &[])
    }

    /// `C.TYPES[x]`, an array type, with its element type read as (`$unpack(zt)`).
    fn array(&self, x: TypeIdx) -> Result<(FieldType, V)> {
        let ft = self.c.array_type(self.rule, x)?;
        Ok((ft, ft.storage.unpack()))
    }

    /// An array type `x` whose elements may be set: `ARRAY (MUT zt)`.
    fn mutable_array(&self, x: TypeIdx) -> Result<(FieldType, V)> {
        let (ft, t) = self.array(x)?;
        match ft.mutable {
            true => Ok((ft, t)),
            false => Err(Error::new(self.rule, format!("immutable array {x}"))),
        }
    }

    /// `Instr_ok/array.new`: `ARRAY.NEW x : $unpack(zt) I32 -> (REF x)`.
    fn array_new(&mut self, x: TypeIdx) -> Result {
        self.rule = rules::INSTR_OK__ARRAY_NEW;
        let (_, t) = self.array(x)?;
        self.op(&[t, V::I32], &[Self::refs(x).1])
    }

    /// `Instr_ok/array.new_default`: `ARRAY.NEW_DEFAULT x : I32 -> (REF x)`, the element
    /// type `Defaultable`.
    fn array_new_default(&mut self, x: TypeIdx) -> Result {
        self.rule = rules::INSTR_OK__ARRAY_NEW_DEFAULT;
        let (_, t) = self.array(x)?;
        if !defaultable(t) {
            return Err(Error::new(self.rule, format!("array type {t} is not defaultable")));
        }
        self.op(&[V::I32], &[Self::refs(x).1])
    }

    /// `Instr_ok/array.new_fixed`: `ARRAY.NEW_FIXED x n : $unpack(zt)^n -> (REF x)`.
    fn array_new_fixed(&mut self, x: TypeIdx, n: u32) -> Result {
        self.rule = rules::INSTR_OK__ARRAY_NEW_FIXED;
        let (_, t) = self.array(x)?;
        self.pop_each(std::iter::repeat_n(t, n as usize))?;
        self.op(&[], &[Self::refs(x).1])
    }

    /// `Instr_ok/array.new_data`: `ARRAY.NEW_DATA x y : I32 I32 -> (REF x)` for an array of
    /// numbers or vectors.
    fn array_new_data(&mut self, x: TypeIdx, y: DataIdx) -> Result {
        self.rule = rules::INSTR_OK__ARRAY_NEW_DATA;
        self.data_array(self.array(x)?.1, y)?;
        self.op(&[V::I32, V::I32], &[Self::refs(x).1])
    }

    /// `$unpack(zt) = numtype \/ $unpack(zt) = vectype` and `C.DATAS[y] = OK`.
    fn data_array(&self, t: V, y: DataIdx) -> Result {
        if t.is_ref() {
            return Err(Error::new(self.rule, "array type is not numeric or vector"));
        }
        self.c.data(self.rule, y)
    }

    /// `Instr_ok/array.new_elem`: `ARRAY.NEW_ELEM x y : I32 I32 -> (REF x)` with
    /// `C.ELEMS[y] <: rt`, the element type.
    fn array_new_elem(&mut self, x: TypeIdx, y: ElemIdx) -> Result {
        self.rule = rules::INSTR_OK__ARRAY_NEW_ELEM;
        self.elem_array(self.array(x)?.0, y)?;
        self.op(&[V::I32, V::I32], &[Self::refs(x).1])
    }

    /// `Storagetype_sub: C.ELEMS[y] <: zt`.
    fn elem_array(&self, ft: FieldType, y: ElemIdx) -> Result {
        let rt = self.c.elem(self.rule, y)?;
        match storagetype_sub(self.c, StorageType::Val(V::Ref(rt)), ft.storage) {
            true => Ok(()),
            false => Err(Error::new(
                self.rule,
                format!("type mismatch: segment of {rt} for array of {}", ft.storage.unpack()),
            )),
        }
    }

    /// `Instr_ok/array.get`: `ARRAY.GET sx? x : (REF NULL x) I32 -> $unpack(zt)`, with `sx`
    /// for packed elements only.
    fn array_get(&mut self, sx: Option<Sx>, x: TypeIdx) -> Result {
        self.rule = rules::INSTR_OK__ARRAY_GET;
        let (ft, t) = self.array(x)?;
        self.packed(sx, ft)?;
        self.op(&[Self::refs(x).0, V::I32], &[t])
    }

    /// `Instr_ok/array.set`: `ARRAY.SET x : (REF NULL x) I32 $unpack(zt) -> eps`.
    fn array_set(&mut self, x: TypeIdx) -> Result {
        self.rule = rules::INSTR_OK__ARRAY_SET;
        let (_, t) = self.mutable_array(x)?;
        self.op(&[Self::refs(x).0, V::I32, t], &[])
    }

    /// `Instr_ok/array.len`: `ARRAY.LEN : (REF NULL ARRAY) -> I32`.
    fn array_len(&mut self) -> Result {
        self.rule = rules::INSTR_OK__ARRAY_LEN;
        self.op(&[V::Ref(RefType::null(AbsHeapType::Array))], &[V::I32])
    }

    /// `Instr_ok/array.fill`: `ARRAY.FILL x : (REF NULL x) I32 $unpack(zt) I32 -> eps`.
    fn array_fill(&mut self, x: TypeIdx) -> Result {
        self.rule = rules::INSTR_OK__ARRAY_FILL;
        let (_, t) = self.mutable_array(x)?;
        self.op(&[Self::refs(x).0, V::I32, t, V::I32], &[])
    }

    /// `Instr_ok/array.copy`: `ARRAY.COPY x_1 x_2 : (REF NULL x_1) I32 (REF NULL x_2) I32 I32
    /// -> eps`, into a mutable array whose element type `zt_2 <: zt_1`.
    fn array_copy(&mut self, x1: TypeIdx, x2: TypeIdx) -> Result {
        self.rule = rules::INSTR_OK__ARRAY_COPY;
        let (ft1, _) = self.mutable_array(x1)?;
        let (ft2, _) = self.array(x2)?;
        if !storagetype_sub(self.c, ft2.storage, ft1.storage) {
            return Err(Error::new(self.rule, "array types do not match"));
        }
        self.op(&[Self::refs(x1).0, V::I32, Self::refs(x2).0, V::I32, V::I32], &[])
    }

    /// `Instr_ok/array.init_data`: `ARRAY.INIT_DATA x y : (REF NULL x) I32 I32 I32 -> eps`.
    fn array_init_data(&mut self, x: TypeIdx, y: DataIdx) -> Result {
        self.rule = rules::INSTR_OK__ARRAY_INIT_DATA;
        self.data_array(self.mutable_array(x)?.1, y)?;
        self.op(&[Self::refs(x).0, V::I32, V::I32, V::I32], &[])
    }

    /// `Instr_ok/array.init_elem`: `ARRAY.INIT_ELEM x y : (REF NULL x) I32 I32 I32 -> eps`.
    fn array_init_elem(&mut self, x: TypeIdx, y: ElemIdx) -> Result {
        self.rule = rules::INSTR_OK__ARRAY_INIT_ELEM;
        self.elem_array(self.mutable_array(x)?.0, y)?;
        self.op(&[Self::refs(x).0, V::I32, V::I32, V::I32], &[])
    }

    // Numeric instructions.

    /// `Instr_ok/const`: `CONST nt c : eps -> nt`.
    #[inline]
    fn const_(&mut self, nt: NumType) -> Result {
        self.rule = rules::INSTR_OK__CONST;
        self.op(&[], &[V::num(nt)])
    }

    /// `Instr_ok/unop`: `UNOP nt unop : nt -> nt`.
    #[inline]
    fn unop(&mut self, nt: NumType, op: Unop) -> Result {
        self.rule = rules::INSTR_OK__UNOP;
        let sized = match op {
            Unop::Int(IUnop::Extend(sz)) => nt.is_int() && sz.bits() < nt.size(),
            Unop::Int(_) => nt.is_int(),
            Unop::Float(_) => !nt.is_int(),
        };
        self.num_op(sized, &[V::num(nt)], V::num(nt))
    }

    /// `Instr_ok/binop`: `BINOP nt binop : nt nt -> nt`.
    #[inline]
    fn binop(&mut self, nt: NumType, op: Binop) -> Result {
        self.rule = rules::INSTR_OK__BINOP;
        let t = V::num(nt);
        self.num_op(matches!(op, Binop::Int(_)) == nt.is_int(), &[t, t], t)
    }

    /// `Instr_ok/testop`: `TESTOP nt testop : nt -> I32`.
    #[inline]
    fn testop(&mut self, nt: NumType) -> Result {
        self.rule = rules::INSTR_OK__TESTOP;
        self.num_op(nt.is_int(), &[V::num(nt)], V::I32)
    }

    /// `Instr_ok/relop`: `RELOP nt relop : nt nt -> I32`.
    #[inline]
    fn relop(&mut self, nt: NumType, op: Relop) -> Result {
        self.rule = rules::INSTR_OK__RELOP;
        let t = V::num(nt);
        self.num_op(matches!(op, Relop::Int(_)) == nt.is_int(), &[t, t], V::I32)
    }

    /// `Instr_ok/cvtop`: `CVTOP nt_1 nt_2 cvtop : nt_2 -> nt_1`.
    #[inline]
    fn cvtop(&mut self, nt1: NumType, nt2: NumType, op: Cvtop) -> Result {
        self.rule = rules::INSTR_OK__CVTOP;
        self.num_op(cvtop_ok(nt1, nt2, op), &[V::num(nt2)], V::num(nt1))
    }

    /// An operator of a number type; `exists` says whether the spec defines it at that type
    /// (`unop_(nt)`, ...), which the decoder ensures and hand-built code may not.
    #[inline]
    fn num_op(&mut self, exists: bool, ins: &[ValType], out: ValType) -> Result {
        match exists {
            true => self.op(ins, &[out]),
            false => Err(Error::new(self.rule, "malformed instruction: operator undefined at its type")),
        }
    }

    // Vector instructions.

    /// `Instr_ok/vconst`: `VCONST V128 c : eps -> V128`.
    fn vconst(&mut self) -> Result {
        self.rule = rules::INSTR_OK__VCONST;
        self.op(&[], &[V::V128])
    }

    /// The vector operators whose type is their rule's alone: `Instr_ok/vvunop`, `vvbinop`,
    /// `vvternop`, `vvtestop`, `vunop`, `vbinop`, `vternop`, `vtestop`, `vrelop`, `vshiftop`,
    /// `vbitmask`, `vswizzlop`, `vextunop`, `vextbinop`, `vextternop`, `vnarrow`, `vcvtop`.
    fn vop(&mut self, rule: Rule, ins: &[ValType], out: ValType) -> Result {
        self.rule = rule;
        self.op(ins, &[out])
    }

    /// `Instr_ok/vshuffle`: `VSHUFFLE sh i* : V128 V128 -> V128`, each `i < 2*$dim(sh)`.
    fn vshuffle(&mut self, lanes: &[LaneIdx; 16]) -> Result {
        self.rule = rules::INSTR_OK__VSHUFFLE;
        lanes.iter().try_for_each(|&i| self.lane(i, 32))?;
        self.op(&[V::V128, V::V128], &[V::V128])
    }

    /// `Instr_ok/vsplat`: `VSPLAT sh : $unpackshape(sh) -> V128`.
    fn vsplat(&mut self, sh: Shape) -> Result {
        self.rule = rules::INSTR_OK__VSPLAT;
        self.op(&[V::num(sh.unpacked())], &[V::V128])
    }

    /// `Instr_ok/vextract_lane`: `VEXTRACT_LANE sh sx? i : V128 -> $unpackshape(sh)`,
    /// `i < $dim(sh)`.
    fn vextract_lane(&mut self, sh: Shape, i: LaneIdx) -> Result {
        self.rule = rules::INSTR_OK__VEXTRACT_LANE;
        self.lane(i, sh.dim())?;
        self.op(&[V::V128], &[V::num(sh.unpacked())])
    }

    /// `Instr_ok/vreplace_lane`: `VREPLACE_LANE sh i : V128 $unpackshape(sh) -> V128`,
    /// `i < $dim(sh)`.
    fn vreplace_lane(&mut self, sh: Shape, i: LaneIdx) -> Result {
        self.rule = rules::INSTR_OK__VREPLACE_LANE;
        self.lane(i, sh.dim())?;
        self.op(&[V::V128, V::num(sh.unpacked())], &[V::V128])
    }
}

/// `$diffrt(rt_1, rt_2)`: the references of `rt_1` that are not of `rt_2`, all of them but
/// the null when `rt_2` has it.
fn diffrt(rt1: RefType, rt2: RefType) -> RefType {
    RefType { nullable: rt1.nullable && !rt2.nullable, ..rt1 }
}

/// `$minat(at_1, at_2)`.
fn minat(at1: AddrType, at2: AddrType) -> ValType {
    if at1 == AddrType::I32 || at2 == AddrType::I32 { V::I32 } else { V::I64 }
}

/// A result type as the suite's messages print it: `[i32 f64]`.
fn list(ts: &[ValType]) -> String {
    let ts: Vec<String> = ts.iter().map(ValType::to_string).collect();
    format!("[{}]", ts.join(" "))
}

/// `cvtop__(nt_2, nt_1)`: whether the conversion exists from `nt_2` to `nt_1`.
fn cvtop_ok(nt1: NumType, nt2: NumType, op: Cvtop) -> bool {
    use NumType::*;
    match op {
        Cvtop::Extend(_) => (nt1, nt2) == (I64, I32),
        Cvtop::Wrap => (nt1, nt2) == (I32, I64),
        Cvtop::Convert(_) => !nt1.is_int() && nt2.is_int(),
        Cvtop::Trunc(_) | Cvtop::TruncSat(_) => nt1.is_int() && !nt2.is_int(),
        Cvtop::Reinterpret => nt1.size() == nt2.size() && nt1.is_int() != nt2.is_int(),
        Cvtop::Promote => (nt1, nt2) == (F64, F32),
        Cvtop::Demote => (nt1, nt2) == (F32, F64),
    }
}

/// Whether a vector or memory instruction exists at its shapes and sizes (`vbinop_(sh)`,
/// `loadop_(Inn)`, ...): the decoder only builds those that do; hand-built code may not.
/// Inlined into [`Code::instr`], where the instruction's kind is known in each arm and most of
/// this match folds away.
#[inline(always)]
fn shape_ok(i: &Instr) -> bool {
    use Shape::*;
    let int = |sh: Shape| !sh.is_float();
    let narrow = |sh: Shape| matches!(sh, I8x16 | I16x8);
    // `2 * lsize(sh_2) = lsize(sh_1)`: a lane of `sh_1` holds two of `sh_2`.
    let widens = |sh1: Shape, sh2: Shape| int(sh1) && int(sh2) && sh1.lane_bits() == 2 * sh2.lane_bits();
    match *i {
        Instr::Load(nt, Some(op), ..) => nt.is_int() && op.size.bits() < nt.size(),
        Instr::Store(nt, Some(sz), ..) => nt.is_int() && sz.bits() < nt.size(),
        Instr::VLoad(Some(VLoadOp::Shape(sz, m, _)), ..) => sz.bits() < 64 && sz.bits() * u32::from(m) == 64,
        Instr::VLoad(Some(VLoadOp::Zero(sz)), ..) => sz.bits() >= 32,
        Instr::VUnop(sh, VUnop::Int(VIUnop::Popcnt)) => sh == I8x16,
        Instr::VUnop(sh, VUnop::Int(_)) => int(sh),
        Instr::VUnop(sh, VUnop::Float(_)) => sh.is_float(),
        Instr::VBinop(sh, VBinop::Int(op)) => match op {
            VIBinop::Add | VIBinop::Sub => int(sh),
            VIBinop::AddSat(_) | VIBinop::SubSat(_) | VIBinop::Avgr => narrow(sh),
            VIBinop::Mul => int(sh) && sh != I8x16,
            VIBinop::Q15mulrSat | VIBinop::RelaxedQ15mulr => sh == I16x8,
            VIBinop::Min(_) | VIBinop::Max(_) => int(sh) && sh != I64x2,
        },
        Instr::VBinop(sh, VBinop::Float(_)) => sh.is_float(),
        Instr::VTernop(sh, VTernop::RelaxedLaneselect) => int(sh),
        Instr::VTernop(sh, _) => sh.is_float(),
        Instr::VTestop(sh, _) | Instr::VShiftop(sh, _) | Instr::VBitmask(sh) => int(sh),
        Instr::VRelop(sh, Relop::Int(op)) => {
            int(sh)
                && (sh != I64x2
                    || !matches!(
                        op,
                        IRelop::Lt(Sx::U) | IRelop::Gt(Sx::U) | IRelop::Le(Sx::U) | IRelop::Ge(Sx::U)
                    ))
        }
        Instr::VRelop(sh, Relop::Float(_)) => sh.is_float(),
        Instr::VExtunop(sh1, sh2, _) => widens(sh1, sh2) && matches!(sh1, I16x8 | I32x4),
        Instr::VExtbinop(sh1, sh2, VExtbinop::Extmul(..)) => widens(sh1, sh2),
        Instr::VExtbinop(sh1, sh2, VExtbinop::Dot) => (sh1, sh2) == (I32x4, I16x8),
        Instr::VExtbinop(sh1, sh2, VExtbinop::RelaxedDot) => (sh1, sh2) == (I16x8, I8x16),
        // As the binary and text formats write it (`i32x4.relaxed_dot_i8x16_i7x16_add_s`).
        Instr::VExtternop(sh1, sh2, _) => (sh1, sh2) == (I32x4, I16x8),
        Instr::VNarrow(sh1, sh2, _) => widens(sh2, sh1) && narrow(sh1),
        Instr::VCvtop(sh1, sh2, op) => match op {
            VCvtop::Extend(..) => widens(sh1, sh2),
            VCvtop::Convert(None, _) => (sh1, sh2) == (F32x4, I32x4),
            VCvtop::Convert(Some(half), _) => (sh1, sh2, half) == (F64x2, I32x4, Half::Low),
            VCvtop::TruncSat(_, zero) | VCvtop::RelaxedTrunc(_, zero) => {
                (sh1, sh2, zero) == (I32x4, F32x4, false) || (sh1, sh2, zero) == (I32x4, F64x2, true)
            }
            VCvtop::Demote => (sh1, sh2) == (F32x4, F64x2),
            VCvtop::Promote => (sh1, sh2) == (F64x2, F32x4),
        },
        Instr::VExtractLane(sh, sx, _) => sx.is_some() == narrow(sh),
        _ => true,
    }
}
