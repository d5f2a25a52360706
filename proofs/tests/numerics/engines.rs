//! Running an operator in each engine: the reference's numerics called directly on the
//! instruction the decoder made of its name, and the compiler on a module of one-instruction
//! functions, instantiated once and invoked many times.

use std::rc::Rc;

use lockstep::exec::numerics as n;
use lockstep::jit::{Bounds, Jit};
use lockstep::runtime::{Config, Engine, Error, ExternVal, NanChoice, Relaxed, Val};
use lockstep::syntax::{Instr, Module};
use lockstep::{Spec, binary, valid};

use super::ops::{Op, Ty};

/// `(func (export "k") (param ...) (result ...) local.get 0 ... OP)` for each operator; and
/// for each unary operator in `batched`, `(func (export "bk") (param $base i32) (param $stride
/// i32) (param $count i32))`, which applies it to the operands whose bits are
/// `base + j * stride` for `j < count` and stores the results at `j * size` in memory.
fn wat(ops: &[&Op], batched: &[&str]) -> String {
    let mut s = String::from("(module\n  (memory 8)\n");
    for (k, op) in ops.iter().enumerate() {
        let params: Vec<&str> = op.params.iter().map(|t| t.wat()).collect();
        let gets: String = (0..op.params.len()).map(|i| format!("(local.get {i}) ")).collect();
        s += &format!(
            "  (func (export \"{k}\") (param {}) (result {}) {gets}({}))\n",
            params.join(" "),
            op.result.wat(),
            op.name
        );
        if batched.contains(&op.name.as_str()) {
            let (from, to) = (op.params[0].wat(), op.result.wat());
            let shift = if matches!(op.result, Ty::I64 | Ty::F64) { 3 } else { 2 };
            let reinterpret = if from == "f32" { "f32.reinterpret_i32" } else { "" };
            s += &format!(
                "  (func (export \"b{k}\") (param $base i32) (param $stride i32) (param $count i32) (local $j i32)\n    \
                 (block $done (loop $next\n      \
                 (br_if $done (i32.ge_u (local.get $j) (local.get $count)))\n      \
                 ({to}.store (i32.shl (local.get $j) (i32.const {shift}))\n        \
                 ({} ({reinterpret} (i32.add (local.get $base) (i32.mul (local.get $j) (local.get $stride))))))\n      \
                 (local.set $j (i32.add (local.get $j) (i32.const 1)))\n      \
                 (br $next))))\n",
                op.name
            );
        }
    }
    s + ")\n"
}

/// A module of the operators, decoded and validated.
pub struct Built {
    pub module: Rc<Module>,
    /// The instruction each operator's function applies, as decoded.
    pub instrs: Vec<Instr>,
}

pub fn build(ops: &[&Op], batched: &[&str]) -> Built {
    let text = wat(ops, batched);
    let buf = wast::parser::ParseBuffer::new(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let mut module = wast::parser::parse::<wast::Wat>(&buf).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let bytes = module.encode().unwrap_or_else(|e| panic!("{e}\n{text}"));
    let module = binary::decode(&bytes, Spec::V3).unwrap_or_else(|e| panic!("{e:?}"));
    valid::validate(&module, Spec::V3).unwrap_or_else(|e| panic!("{e:?}"));
    let instrs = ops
        .iter()
        .enumerate()
        .map(|(k, op)| {
            let export = module.exports.iter().find(|e| e.name == k.to_string()).expect("exported");
            let lockstep::syntax::ExternIdx::Func(f) = export.desc else { unreachable!() };
            // The body: `local.get` of each parameter, the operator, `end`.
            module.funcs[f as usize].body.instrs[op.params.len()].clone()
        })
        .collect();
    Built { module: Rc::new(module), instrs }
}

/// Why an invocation did not return a value, as a string (a trap's message).
fn error(e: Error) -> String {
    match e {
        Error::Trap { message, .. } => message,
        other => format!("{other:?}"),
    }
}

/// The reference's numerics on `instr` (the dispatchers `unop`, `binop`, ..., `vcvtop` that
/// its interpreter calls), with NaNs chosen by `nans` and the relaxed operators under `rx`.
pub fn reference(instr: &Instr, nans: NanChoice, rx: Relaxed, args: &[Val]) -> Result<Val, String> {
    n::set_nan_choice(nans);
    let num = |k: usize| args[k].as_num().expect("a number");
    let vec = |k: usize| match args[k] {
        Val::V128(v) => v,
        _ => panic!("not a v128"),
    };
    let trap = |t: n::Trap| t.message().to_string();
    Ok(match *instr {
        Instr::Unop(t, op) => Val::num(n::unop(t, op, num(0))),
        Instr::Binop(t, op) => Val::num(n::binop(t, op, num(0), num(1)).map_err(trap)?),
        Instr::Testop(t, op) => Val::I32(n::testop(t, op, num(0))),
        Instr::Relop(t, op) => Val::I32(n::relop(t, op, num(0), num(1))),
        Instr::Cvtop(to, from, op) => Val::num(n::cvtop(to, from, op, num(0)).map_err(trap)?),
        Instr::VVunop(op) => Val::V128(n::vvunop(op, vec(0))),
        Instr::VVbinop(op) => Val::V128(n::vvbinop(op, vec(0), vec(1))),
        Instr::VVternop(op) => Val::V128(n::vvternop(op, vec(0), vec(1), vec(2))),
        Instr::VVtestop(op) => Val::I32(n::vvtestop(op, vec(0))),
        Instr::VTestop(sh, op) => Val::I32(n::vtestop(sh, op, vec(0))),
        Instr::VUnop(sh, op) => Val::V128(n::vunop(sh, op, vec(0))),
        Instr::VBinop(sh, op) => Val::V128(n::vbinop(rx, sh, op, vec(0), vec(1))),
        Instr::VTernop(sh, op) => Val::V128(n::vternop(rx, sh, op, vec(0), vec(1), vec(2))),
        Instr::VRelop(sh, op) => Val::V128(n::vrelop(sh, op, vec(0), vec(1))),
        Instr::VShiftop(sh, op) => {
            let Val::I32(i) = args[1] else { panic!("a shift count") };
            Val::V128(n::vshiftop(sh, op, vec(0), i))
        }
        Instr::VExtunop(to, from, op) => Val::V128(n::vextunop(to, from, op, vec(0))),
        Instr::VExtbinop(to, from, op) => Val::V128(n::vextbinop(rx, to, from, op, vec(0), vec(1))),
        Instr::VNarrow(to, from, sx) => Val::V128(n::vnarrow(to, from, sx, vec(0), vec(1))),
        Instr::VCvtop(to, from, op) => Val::V128(n::vcvtop(rx, to, from, op, vec(0))),
        ref other => panic!("{other:?} is not an operator under test"),
    })
}

/// The relaxed parameters an operator is run under in the reference.
pub fn relaxed(op: &Op) -> Relaxed {
    match op.relaxed {
        Some((p, r)) => Relaxed::DETERMINISTIC.with(p, r),
        None => Relaxed::DETERMINISTIC,
    }
}

/// The compiler, with a module of operators instantiated.
pub struct Compiled {
    jit: Jit,
    funcs: Vec<u32>,
    batches: Vec<Option<u32>>,
    mem: u32,
}

impl Compiled {
    pub fn new(ops: &[&Op], batched: &[&str]) -> Compiled {
        let built = build(ops, batched);
        let mut jit = Jit::new(Config::default(), Bounds::GuardPages);
        let inst = jit.instantiate(&built.module, &[]).unwrap_or_else(|e| panic!("{e:?}"));
        let func = |jit: &Jit, name: String| match jit.export(inst, &name) {
            Some(ExternVal::Func(f)) => Some(f),
            _ => None,
        };
        let funcs = (0..ops.len()).map(|k| func(&jit, k.to_string()).unwrap()).collect();
        let batches = (0..ops.len()).map(|k| func(&jit, format!("b{k}"))).collect();
        let mem = jit.instance_addrs(inst).mems[0];
        Compiled { jit, funcs, batches, mem }
    }

    /// Operator `k` on `args`.
    pub fn invoke(&mut self, k: usize, args: &[Val]) -> Result<Val, String> {
        let mut r = self.jit.invoke(self.funcs[k], args).map_err(error)?;
        Ok(r.pop().expect("one result"))
    }

    /// Unary operator `k` on the operands with bits `base + j * stride`, `j < count`
    /// (`count <= 65536`): the results' bits, `size` bytes each.
    pub fn batch(&mut self, k: usize, base: u32, stride: u32, count: u32, size: usize) -> Vec<u64> {
        let f = self.batches[k].expect("a batched operator");
        let args = [Val::I32(base), Val::I32(stride), Val::I32(count)];
        self.jit.invoke(f, &args).unwrap_or_else(|e| panic!("batch at {base:#x}: {}", error(e)));
        let mem = self.jit.mem_bytes(self.mem);
        (0..count as usize)
            .map(|j| {
                let b = &mem[j * size..(j + 1) * size];
                let mut w = [0u8; 8];
                w[..size].copy_from_slice(b);
                u64::from_le_bytes(w)
            })
            .collect()
    }
}
