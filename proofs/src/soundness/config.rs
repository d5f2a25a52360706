//! `Config_ok` and `Frame_ok` (appendix, "Soundness") of the refocused machine: the store,
//! each frame's locals, and the innermost frame's operand stack at a point of its code.

use super::Violation;
use super::store::store_ok;
use super::values::val_ok;
use lockstep::exec::code::Code;
use lockstep::exec::machine::{Machine, Next};
use lockstep::rules;
use lockstep::runtime::Addr;
use lockstep::syntax::{CompType, FuncIdx, FuncType, Module, TypeIdx, ValType};
use lockstep::valid::canon::close_val;
use lockstep::valid::instructions::OperandTypes;
use lockstep::{Spec, valid};
use std::collections::HashMap;

/// The types the validator assigns to the code of each module instance, closed by the
/// instance's defined types: each function's locals (parameters first) and operand stacks.
#[derive(Default)]
pub struct Typing {
    modules: HashMap<Addr, ModuleTyping>,
}

struct ModuleTyping {
    imported: u32,
    funcs: Vec<FuncTyping>,
}

struct FuncTyping {
    locals: Vec<ValType>,
    stacks: OperandTypes,
}

impl Typing {
    /// Type the code of `module`, instantiated at `instance` with the store's `deftypes`.
    pub fn add(
        &mut self,
        instance: Addr,
        module: &Module,
        deftypes: &[lockstep::valid::canon::DefType],
    ) -> Result<(), String> {
        let stacks = valid::modules::operand_types(module, Spec::V3).map_err(|e| e.to_string())?;
        let close = |ts: &[ValType]| ts.iter().map(|&t| close_val(deftypes, t)).collect::<Vec<_>>();
        let mut funcs = Vec::new();
        for (func, stacks) in module.funcs.iter().zip(stacks) {
            let ft = func_type(module, func.ty).ok_or("a function of no function type")?;
            let locals = close(&[&ft.params[..], &func.locals[..]].concat());
            let stacks = stacks.into_iter().map(|s| s.map(|s| close(&s))).collect();
            funcs.push(FuncTyping { locals, stacks });
        }
        let imported = module.imported_funcs().count() as u32;
        self.modules.insert(instance, ModuleTyping { imported, funcs });
        Ok(())
    }

    fn func(&self, module: Addr, func: FuncIdx) -> Option<&FuncTyping> {
        let m = self.modules.get(&module)?;
        m.funcs.get(func.checked_sub(m.imported)? as usize)
    }
}

/// The function type at index `x` of the module's type space (its groups' subtypes in order).
fn func_type(m: &Module, x: TypeIdx) -> Option<&FuncType> {
    match &m.types.iter().flat_map(|r| r.0.iter()).nth(x as usize)?.comp {
        CompType::Func(ft) => Some(ft),
        _ => None,
    }
}

/// `Config_ok: |- s; f; instr* : t*`, as far as the machine shows it: `Store_ok`, `Frame_ok`
/// of every frame, and `Instrs_ok2` of the innermost frame's operand stack where its next
/// instruction is one of its code.
pub fn config_ok(m: &Machine<'_, false>, typing: &Typing) -> Result<(), Violation> {
    // A premise of Store_ok is cited: the instance's judgment that fails.
    store_ok(m.store)?;
    for i in 1..m.frames.len() {
        let code = m.frames.get(i + 1).map_or(&m.code, |f| &f.code);
        frame_ok(m, typing, m.frames[i].module, m.frames[i].locals, code)?;
    }
    stack_ok(m, typing)
}

/// `Frame_ok: s |- f : C`: each local holds a value of its type (`Localval_ok/set`), or is
/// unset (`Localval_ok/unset`: a non-defaultable local before its first `local.set`,
/// which the machine holds as a null).
fn frame_ok(
    m: &Machine<'_, false>,
    typing: &Typing,
    module: Addr,
    at: usize,
    code: &Code,
) -> Result<(), Violation> {
    let Some(f) = typing.func(module, code.func) else {
        return Err(Violation::new(
            rules::FRAME_OK,
            format!("function {} of no module typed here", code.func),
        ));
    };
    for (j, &t) in f.locals.iter().enumerate() {
        let Some(slot) = m.vals.get(at + j) else {
            return Err(Violation::new(
                rules::FRAME_OK,
                format!("local {j} of function {} missing", code.func),
            ));
        };
        let v = slot.val();
        let unset = matches!((v, t), (lockstep::runtime::Val::Ref(lockstep::runtime::Ref::Null(_)), ValType::Ref(rt)) if !rt.nullable);
        if !unset {
            val_ok(m.store, v, t).map_err(|e| {
                Violation::new(
                    rules::FRAME_OK,
                    format!("function {}, local {j}: {} ({})", code.func, e.message, e.judgment),
                )
            })?;
        }
    }
    Ok(())
}

/// `Instrs_ok2` of the innermost frame where its next instruction is the code's at `pc`
/// (nothing administrative in front): its operand stack, above the locals, has as many
/// values as the validator's stack there, each of its type; every label of the frame lies
/// within it.
fn stack_ok(m: &Machine<'_, false>, typing: &Typing) -> Result<(), Violation> {
    if m.frames.len() < 2 || m.next != Next::None || !m.admin.is_empty() {
        return Ok(());
    }
    let Some(f) = typing.func(m.module, m.code.func) else { return Ok(()) };
    let base = m.locals + f.locals.len();
    let frame = m.frames.last().expect("a function frame");
    for l in &m.labels[frame.labels..] {
        if (l.height as usize) < base || l.height as usize > m.vals.len() {
            let message =
                format!("a label at height {} outside the frame's stack {base}..{}", l.height, m.vals.len());
            return Err(Violation::new(rules::INSTR_OK2__LABEL, message));
        }
    }
    let Some(Some(types)) = f.stacks.get(m.pc) else { return Ok(()) };
    let vals = m.vals.get(base..).unwrap_or(&[]);
    if vals.len() != types.len() {
        let message = format!(
            "function {} at op {}: {} operands where the validator has {:?}",
            m.code.func,
            m.pc,
            vals.len(),
            types
        );
        return Err(Violation::new(rules::INSTRS_OK2__SEQ, message));
    }
    for (i, (slot, &t)) in vals.iter().zip(types).enumerate() {
        val_ok(m.store, slot.val(), t).map_err(|e| {
            let message = format!(
                "function {} at op {}, operand {i}: {} ({})",
                m.code.func, m.pc, e.message, e.judgment
            );
            Violation::new(rules::INSTRS_OK2__SEQ, message)
        })?;
    }
    Ok(())
}
