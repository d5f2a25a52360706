//! Table and reference instructions: `table.get`, `table.set` and `table.size` inline, with
//! their bounds checks; `table.grow` and the bulk table instructions through the runtime;
//! `ref.null`, `ref.is_null` and `ref.func` (a reference is a word: null is 0).

use super::FuncCompiler;
use super::call::Returns;
use super::regs::{CTX, RegSet};
use super::stack::{Kind, Loc};
use crate::jit::runtime::{TableDesc, Trap, VmCtx};
use crate::jit::x64::*;
use crate::rules;

impl FuncCompiler<'_, '_> {
    /// The descriptor of table `x`, in a register.
    fn table_desc(&mut self, x: u32, except: RegSet<Gpr>) -> Gpr {
        let r = self.alloc_gpr_except(except);
        self.asm.mov_rm(Size::S64, r, Mem::disp(CTX, VmCtx::TABLES));
        self.asm.mov_rm(Size::S64, r, Mem::disp(r, 8 * x as i32));
        r
    }

    pub(super) fn table_get(&mut self, x: u32) {
        let i = self.pop_gpr();
        let d = self.table_desc(x, RegSet::of(&[i]));
        self.asm.alu_rm(Alu::Cmp, Size::S64, i, Mem::disp(d, TableDesc::SIZE));
        let oob = self.trap_label(Trap::TableOob, rules::STEP_READ__TABLE_GET_OOB);
        self.asm.jcc(Cond::Ae, oob);
        self.asm.mov_rm(Size::S64, d, Mem::disp(d, TableDesc::ELEMS));
        self.asm.mov_rm(Size::S64, i, Mem::index(d, i, Scale::X8, 0));
        self.free(Loc::Gpr(d));
        self.push(Kind::Ref, Loc::Gpr(i));
    }

    pub(super) fn table_set(&mut self, x: u32) {
        let v = self.pop_gpr();
        let i = self.pop_gpr();
        let d = self.table_desc(x, RegSet::of(&[i, v]));
        self.asm.alu_rm(Alu::Cmp, Size::S64, i, Mem::disp(d, TableDesc::SIZE));
        let oob = self.trap_label(Trap::TableOob, rules::STEP__TABLE_SET_OOB);
        self.asm.jcc(Cond::Ae, oob);
        self.asm.mov_rm(Size::S64, d, Mem::disp(d, TableDesc::ELEMS));
        self.asm.mov_mr(Size::S64, Mem::index(d, i, Scale::X8, 0), v);
        for r in [d, i, v] {
            self.free(Loc::Gpr(r));
        }
    }

    pub(super) fn table_size(&mut self, x: u32) {
        let d = self.table_desc(x, RegSet::EMPTY);
        self.asm.mov_rm(Size::S32, d, Mem::disp(d, TableDesc::SIZE));
        self.push(Kind::I32, Loc::Gpr(d));
    }

    /// `table.grow x`.
    pub(super) fn table_grow(&mut self, x: u32) {
        self.builtin(self.env.builtins.table_grow, &[x as u64], 2, Returns::Value(Kind::I32))
    }

    /// `table.fill x`.
    pub(super) fn table_fill(&mut self, x: u32) {
        self.builtin(self.env.builtins.table_fill, &[x as u64], 3, Returns::TrapCode)
    }

    /// `table.copy x y`.
    pub(super) fn table_copy(&mut self, x: u32, y: u32) {
        self.builtin(self.env.builtins.table_copy, &[x as u64, y as u64], 3, Returns::TrapCode)
    }

    /// `table.init x y`.
    pub(super) fn table_init(&mut self, x: u32, y: u32) {
        self.builtin(self.env.builtins.table_init, &[x as u64, y as u64], 3, Returns::TrapCode)
    }

    /// `elem.drop x`.
    pub(super) fn elem_drop(&mut self, x: u32) {
        self.builtin(self.env.builtins.elem_drop, &[x as u64], 0, Returns::Nothing)
    }

    /// `ref.null`: the word 0.
    pub(super) fn ref_null(&mut self) {
        self.push(Kind::Ref, Loc::Const(0));
    }

    /// `ref.is_null`.
    pub(super) fn ref_is_null(&mut self) {
        let r = self.pop_gpr();
        self.asm.test_rr(Size::S64, r, r);
        self.asm.setcc(Cond::E, r);
        self.asm.movzx_rr(Size::S32, r, Size::S8, r);
        self.push(Kind::I32, Loc::Gpr(r));
    }

    /// `ref.func x`: the address of the function's `FuncRef`, from the context's array.
    pub(super) fn ref_func(&mut self, x: u32) {
        let r = self.alloc_gpr();
        self.asm.mov_rm(Size::S64, r, Mem::disp(CTX, VmCtx::FUNCS));
        self.asm.mov_rm(Size::S64, r, Mem::disp(r, 8 * x as i32));
        self.push(Kind::Ref, Loc::Gpr(r));
    }
}
