//! The compiler: a single pass over each validated function emits x86-64 machine code
//! ([`codegen`]), which runs natively behind the same engine seam as the reference
//! ([`engine::Jit`]). `x64` encodes instructions and knows nothing of WebAssembly.

pub mod builtins;
pub mod codegen;
pub mod engine;
pub mod instantiate;
pub mod memory;
pub mod mutants;
pub mod runtime;
pub mod stubs;
pub mod x64;

pub use codegen::Bounds;
pub use codegen::{Compiled, Options};
pub use engine::{Jit, Traced};
pub use instantiate::compile;
