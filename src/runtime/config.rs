//! What an embedder configures: resource limits, fuel, and the implementation's choices
//! where the spec allows several results (NaN payloads, the relaxed operators). Both engines
//! read the same configuration, so that they can agree.

use super::limits::max_pages;
use crate::syntax::{
    AddrType, Instr, MemType, Sx, TableType, VBinop, VCvtop, VExtbinop, VFBinop, VIBinop, VSwizzlop, VTernop,
};

/// What the embedder may configure about resources and choices. The spec lets `memory.grow`
/// and `table.grow` fail at will, instantiation fail for want of resources, and an
/// implementation exhaust its call stack; lockstep bounds each (README, "Limits").
#[derive(Copy, Clone, Debug)]
pub struct Config {
    /// All memories of a store together hold at most this many bytes (`--max-memory`):
    /// instantiation fails beyond it, `memory.grow` returns -1.
    pub max_memory: u64,
    /// All tables of a store together hold at most this many elements
    /// (`--max-table-elements`): instantiation fails beyond it, `table.grow` returns -1.
    pub max_table_elements: u64,
    /// All structures and arrays of a store together hold at most this many fields
    /// (`--max-heap-fields`): an allocation beyond it is `heap limit exceeded`.
    pub max_heap_fields: u64,
    /// Calls nest at most this deep, counted in frames by both engines
    /// (`--max-call-depth`); the next call is `call stack exhausted`. `None`: each engine's
    /// own bound, [`DEFAULT_CALL_DEPTH`] frames in the reference and the size of its stack in
    /// the compiler (which then counts no frames, and runs faster).
    pub max_call_depth: Option<usize>,
    /// All frames of the reference together hold at most this many values (locals and
    /// operands); the next call is `call stack exhausted`.
    pub max_stack_values: usize,
    /// `--fuel N`: loop iterations, function entries and elements of bulk operations
    /// allowed, then `fuel exhausted`.
    pub fuel: Option<u64>,
    /// Whether the engines poll this thread's interrupt flag where they count fuel
    /// (`--timeout`; see [`super::interrupt`]).
    pub interruptible: bool,
    /// The implementation-defined behaviour of the relaxed vector operators (the spec's
    /// deterministic profile by default).
    pub relaxed: Relaxed,
    /// Which NaN an operator returns where the spec allows several (the spec's deterministic
    /// profile by default; x86's under the referee).
    pub nans: NanChoice,
}

/// The reference's call depth when none is configured.
pub const DEFAULT_CALL_DEPTH: usize = 10_000;

impl Default for Config {
    fn default() -> Config {
        Config {
            max_memory: 16 << 30,
            max_table_elements: 10_000_000,
            max_heap_fields: 50_000_000,
            max_call_depth: None,
            max_stack_values: 1 << 20,
            fuel: None,
            interruptible: false,
            relaxed: Relaxed::DETERMINISTIC,
            nans: NanChoice::Deterministic,
        }
    }
}

impl Config {
    /// The most pages a memory of type `ty` grows to: its maximum, or what its address type
    /// allows. The store's total ([`Usage`](super::limits::Usage)) bounds it further. Both
    /// engines grow by these bounds, so that they agree.
    pub fn memory_limit(&self, ty: &MemType) -> u64 {
        ty.limits.max.unwrap_or(u64::MAX).min(max_pages(ty.addr))
    }

    /// The most elements a table of type `ty` grows to: its maximum, or what its address
    /// type allows.
    pub fn table_limit(&self, ty: &TableType) -> u64 {
        let addressable = match ty.addr {
            AddrType::I32 => u32::MAX as u64,
            AddrType::I64 => u64::MAX,
        };
        ty.limits.max.unwrap_or(u64::MAX).min(addressable)
    }

    /// The call depth in frames: the configured one, or the reference's default.
    pub fn call_depth(&self) -> usize {
        self.max_call_depth.unwrap_or(DEFAULT_CALL_DEPTH)
    }
}

/// Which member of `nans_N{z*}` the reference returns where an operator's result is a NaN.
/// Either way the result is one the spec allows; the choice is per thread, set from the
/// configuration when a run starts (`exec::numerics::set_nan_choice`).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum NanChoice {
    /// The deterministic profile's `+NaN(canon_N)` (`exec::numerics::det_nan`).
    #[default]
    Deterministic,
    /// The one x86-64's SSE instructions return: the first NaN operand, quieted (an
    /// arithmetic NaN), or with none the default NaN `-NaN(canon_N)`. The referee runs the
    /// reference so, to compare the compiler's NaNs bit for bit, wherever they flow.
    X86,
}

/// A global parameter of the relaxed operators.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    /// `R_fmadd`: `relaxed_madd`, `relaxed_nmadd` unfused (0) or fused (1).
    Fmadd,
    /// `R_fmin`: `relaxed_min` on NaNs and zeros of opposite signs, 4 ways.
    Fmin,
    /// `R_fmax`: `relaxed_max` likewise.
    Fmax,
    /// `R_idot`: `relaxed_dot`, `relaxed_dot_add` read the second operand signed (0) or
    /// unsigned (1).
    Idot,
    /// `R_iq15mulr`: `relaxed_q15mulr_s` on overflow saturates (0) or wraps (1).
    Iq15mulr,
    /// `R_trunc_u`: `relaxed_trunc_u` out of range saturates (0) or gives `2^N - 1` (1).
    TruncU,
    /// `R_trunc_s`: `relaxed_trunc_s` out of range saturates (0) or gives `-2^(N-1)` (1).
    TruncS,
    /// `R_swizzle`: `relaxed_swizzle` with an index in `[16, 127]` gives 0 (0) or the lane of
    /// the index mod 16 (1).
    Swizzle,
    /// `R_laneselect`: `relaxed_laneselect` selects bitwise (0) or by each lane's top bit (1).
    Laneselect,
}

impl Param {
    pub const ALL: [Param; 9] = [
        Param::Fmadd,
        Param::Fmin,
        Param::Fmax,
        Param::Idot,
        Param::Iq15mulr,
        Param::TruncU,
        Param::TruncS,
        Param::Swizzle,
        Param::Laneselect,
    ];

    /// How many values the parameter ranges over: 2 (`relaxed2`) or 4 (`relaxed4`).
    pub const fn arity(self) -> u8 {
        match self {
            Param::Fmin | Param::Fmax => 4,
            _ => 2,
        }
    }

    /// The parameter the result of `instr` depends on, if it is a relaxed instruction.
    pub fn of(instr: &Instr) -> Option<Param> {
        Some(match instr {
            Instr::VBinop(_, VBinop::Int(VIBinop::RelaxedQ15mulr)) => Param::Iq15mulr,
            Instr::VBinop(_, VBinop::Float(VFBinop::RelaxedMin)) => Param::Fmin,
            Instr::VBinop(_, VBinop::Float(VFBinop::RelaxedMax)) => Param::Fmax,
            Instr::VTernop(_, VTernop::RelaxedLaneselect) => Param::Laneselect,
            Instr::VTernop(_, VTernop::RelaxedMadd | VTernop::RelaxedNmadd) => Param::Fmadd,
            Instr::VSwizzlop(VSwizzlop::RelaxedSwizzle) => Param::Swizzle,
            Instr::VExtbinop(_, _, VExtbinop::RelaxedDot) | Instr::VExtternop(..) => Param::Idot,
            Instr::VCvtop(_, _, VCvtop::RelaxedTrunc(Sx::U, _)) => Param::TruncU,
            Instr::VCvtop(_, _, VCvtop::RelaxedTrunc(Sx::S, _)) => Param::TruncS,
            _ => return None,
        })
    }

    /// The spec's name, `R_fmadd`, ...
    pub fn name(self) -> &'static str {
        match self {
            Param::Fmadd => "R_fmadd",
            Param::Fmin => "R_fmin",
            Param::Fmax => "R_fmax",
            Param::Idot => "R_idot",
            Param::Iq15mulr => "R_iq15mulr",
            Param::TruncU => "R_trunc_u",
            Param::TruncS => "R_trunc_s",
            Param::Swizzle => "R_swizzle",
            Param::Laneselect => "R_laneselect",
        }
    }
}

/// One assignment of the relaxed parameters: the choices an implementation has fixed.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Relaxed([u8; 9]);

impl Relaxed {
    /// The deterministic profile: every parameter 0.
    pub const DETERMINISTIC: Relaxed = Relaxed([0; 9]);

    /// x86's natural results, as the compiler gives them (`jit::isa`): `relaxed_madd` fused
    /// (FMA3), `relaxed_min`/`max` as `minps`/`maxps` (the second operand where the first is
    /// not strictly below it: `R_fmin = R_fmax = 2`), `relaxed_dot` as `pmaddubsw` (the
    /// second operand unsigned), `relaxed_q15mulr_s` as `pmulhrsw` (wrapping),
    /// `relaxed_trunc_s` as `cvttps2dq` (`-2^31` out of range), `relaxed_trunc_u` saturating
    /// (SSE has no unsigned conversion), `relaxed_swizzle` as `pshufb` (the index mod 16 below
    /// 128), `relaxed_laneselect` as `blendv` (by each lane's top bit).
    pub const X86: Relaxed = Relaxed([1, 2, 2, 1, 1, 0, 1, 1, 1]);

    /// The value of parameter `p`.
    pub fn get(self, p: Param) -> u8 {
        self.0[p as usize]
    }

    /// This assignment with parameter `p` set to `r`.
    pub fn with(mut self, p: Param, r: u8) -> Relaxed {
        self.0[p as usize] = r;
        self
    }
}
