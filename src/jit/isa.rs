//! What the CPU offers the compiler beyond x86-64's baseline (SSE2), detected once with
//! `cpuid` (`is_x86_feature_detected!`), and the relaxed vector operators' results that
//! follow from it.
//!
//! Vector code needs SSE4.1 (and SSSE3, which every CPU with SSE4.1 has): without it a vector
//! instruction is refused, `unsupported by the compiler: v128 needs SSE4.1`, never run to a
//! SIGILL. SSE4.2 adds `pcmpgtq` (else a longer sequence compares 64-bit lanes); AVX the
//! three-operand forms and blends by any mask register; FMA3 the fused `relaxed_madd`.
//!
//! `LOCKSTEP_JIT_ISA=sse2|sse4.1|sse4.2|avx|avx2` lowers what the compiler uses (never above
//! what the CPU has), so that every code path can be tested on one machine.

use crate::runtime::{Param, Relaxed};

/// How far along x86-64's vector extensions the compiler goes, in order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The baseline: no vector code.
    Sse2,
    /// SSSE3 and SSE4.1.
    Sse41,
    Sse42,
    /// VEX encodings.
    Avx,
    /// AVX2, and FMA3 where the CPU has it.
    Avx2,
}

/// The instruction set the compiler emits for.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Isa {
    pub level: Level,
    /// FMA3 (used only from [`Level::Avx2`]).
    pub fma: bool,
}

impl Isa {
    /// What this CPU has, as `LOCKSTEP_JIT_ISA` lowers it; detected once.
    pub fn host() -> Isa {
        static HOST: std::sync::OnceLock<Isa> = std::sync::OnceLock::new();
        *HOST.get_or_init(|| {
            let cpu = Isa::detect();
            match std::env::var("LOCKSTEP_JIT_ISA").ok().and_then(|s| Level::parse(&s)) {
                Some(level) => cpu.lowered(level),
                None => cpu,
            }
        })
    }

    /// What `cpuid` says.
    pub fn detect() -> Isa {
        let has = |f: bool, l: Level| if f { Some(l) } else { None };
        let level = [
            has(is_x86_feature_detected!("ssse3") && is_x86_feature_detected!("sse4.1"), Level::Sse41),
            has(is_x86_feature_detected!("sse4.2"), Level::Sse42),
            has(is_x86_feature_detected!("avx"), Level::Avx),
            has(is_x86_feature_detected!("avx2"), Level::Avx2),
        ]
        .into_iter()
        .map_while(|l| l)
        .last()
        .unwrap_or(Level::Sse2);
        Isa { level, fma: level >= Level::Avx2 && is_x86_feature_detected!("fma") }
    }

    /// At most `level`.
    pub fn lowered(self, level: Level) -> Isa {
        let level = self.level.min(level);
        Isa { level, fma: self.fma && level >= Level::Avx2 }
    }

    pub fn sse41(self) -> bool {
        self.level >= Level::Sse41
    }

    pub fn sse42(self) -> bool {
        self.level >= Level::Sse42
    }

    pub fn avx(self) -> bool {
        self.level >= Level::Avx
    }

    /// The relaxed operators' results the compiler gives (one assignment of their
    /// parameters, for the referee to give the reference): for a parameter `asked` sets to 0,
    /// the spec's deterministic alternative; for any other, x86's natural one
    /// ([`Relaxed::X86`]), where this CPU has it (`R_fmadd` is fused only with FMA3).
    pub fn relaxed(self, asked: Relaxed) -> Relaxed {
        Param::ALL.iter().fold(Relaxed::DETERMINISTIC, |r, &p| {
            let natural = match p {
                Param::Fmadd => self.fma as u8,
                _ => Relaxed::X86.get(p),
            };
            r.with(p, if asked.get(p) == 0 { 0 } else { natural })
        })
    }
}

impl Level {
    /// `sse2`, `sse4.1`, `sse4.2`, `avx`, `avx2`.
    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "sse2" => Level::Sse2,
            "sse4.1" => Level::Sse41,
            "sse4.2" => Level::Sse42,
            "avx" => Level::Avx,
            "avx2" => Level::Avx2,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relaxed_choices_are_zero_where_asked_and_x86_elsewhere() {
        let isa = Isa { level: Level::Avx2, fma: true };
        assert_eq!(isa.relaxed(Relaxed::DETERMINISTIC), Relaxed::DETERMINISTIC);
        assert_eq!(isa.relaxed(Relaxed::X86), Relaxed::X86);
        let no_fma = isa.lowered(Level::Avx);
        assert_eq!(no_fma.relaxed(Relaxed::X86), Relaxed::X86.with(Param::Fmadd, 0));
        let mixed = Relaxed::X86.with(Param::Fmin, 0);
        assert_eq!(isa.relaxed(mixed), mixed);
        assert_eq!(Level::parse("sse4.1"), Some(Level::Sse41));
        assert!(!Isa::detect().lowered(Level::Sse2).sse41());
    }
}
