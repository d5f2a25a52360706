//! Values (spec 2.2, SpecTec `1.1-syntax.values`): the literals instructions carry.
//!
//! Integers are kept as the unsigned `iN` of the spec; floats as their bit patterns, so that
//! every NaN payload survives unchanged.

use super::types::NumType;

/// `fN` for N = 32, by its bits.
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
pub struct F32(pub u32);

/// `fN` for N = 64, by its bits.
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
pub struct F64(pub u64);

/// `vN` for N = 128, as its 16 bytes in little-endian order.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Default)]
pub struct V128(pub [u8; 16]);

/// `num_(numtype)`: a number together with its type.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Num {
    I32(u32),
    I64(u64),
    F32(F32),
    F64(F64),
}

impl Num {
    pub fn ty(self) -> NumType {
        match self {
            Num::I32(_) => NumType::I32,
            Num::I64(_) => NumType::I64,
            Num::F32(_) => NumType::F32,
            Num::F64(_) => NumType::F64,
        }
    }

    /// The number's bits, zero-extended.
    pub fn bits(self) -> u64 {
        match self {
            Num::I32(i) | Num::F32(F32(i)) => i as u64,
            Num::I64(i) | Num::F64(F64(i)) => i,
        }
    }

    /// The number of type `t` with these bits (truncated to its width).
    pub fn from_bits(t: NumType, bits: u64) -> Num {
        match t {
            NumType::I32 => Num::I32(bits as u32),
            NumType::I64 => Num::I64(bits),
            NumType::F32 => Num::F32(F32(bits as u32)),
            NumType::F64 => Num::F64(F64(bits)),
        }
    }
}

impl F32 {
    pub fn to_float(self) -> f32 {
        f32::from_bits(self.0)
    }
    pub fn from_float(z: f32) -> F32 {
        F32(z.to_bits())
    }
}

impl F64 {
    pub fn to_float(self) -> f64 {
        f64::from_bits(self.0)
    }
    pub fn from_float(z: f64) -> F64 {
        F64(z.to_bits())
    }
}

impl V128 {
    pub fn to_u128(self) -> u128 {
        u128::from_le_bytes(self.0)
    }
    pub fn from_u128(v: u128) -> V128 {
        V128(v.to_le_bytes())
    }
}

impl std::fmt::Debug for F32 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", fmt_float(self.to_float() as f64, self.0 as u64, 23))
    }
}

impl std::fmt::Debug for F64 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", fmt_float(self.to_float(), self.0, 52))
    }
}

impl std::fmt::Debug for V128 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self}")
    }
}

impl std::fmt::Display for V128 {
    /// As the text format's `v128.const i32x4 ...`, in hex lanes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = self.to_u128();
        let lanes: Vec<String> = (0..4).map(|i| format!("0x{:08x}", (v >> (32 * i)) as u32)).collect();
        write!(f, "i32x4:{}", lanes.join(","))
    }
}

impl std::fmt::Display for Num {
    /// `i32:7`, `f64:0x1p-3`: the way lockstep prints and reads values on its command line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Num::I32(i) => write!(f, "i32:{}", *i as i32),
            Num::I64(i) => write!(f, "i64:{}", *i as i64),
            Num::F32(z) => write!(f, "f32:{z:?}"),
            Num::F64(z) => write!(f, "f64:{z:?}"),
        }
    }
}

/// A float as the text format writes it: decimal when that reads back to the same bits,
/// `nan:0x...` for NaNs with a payload other than the canonical one.
fn fmt_float(z: f64, bits: u64, mantissa: u32) -> String {
    if z.is_nan() {
        let sign = if bits >> (mantissa + if mantissa == 23 { 8 } else { 11 }) & 1 == 1 { "-" } else { "" };
        let payload = bits & ((1u64 << mantissa) - 1);
        if payload == 1u64 << (mantissa - 1) {
            format!("{sign}nan")
        } else {
            format!("{sign}nan:0x{payload:x}")
        }
    } else if z.is_infinite() {
        if z < 0.0 { "-inf".into() } else { "inf".into() }
    } else if mantissa == 23 {
        format!("{:?}", z as f32)
    } else {
        format!("{z:?}")
    }
}
