//! The compiler: a single pass over each validated function emits x86-64 machine code
//! ([`codegen`]), which runs natively behind the same engine seam as the reference
//! ([`engine::Jit`]).
//!
//! - [`codegen`]: the code generator, laid out by concern (dispatch, value stack, registers,
//!   frame, control, calls, memory, numeric, vector)
//! - [`x64`]: the instruction encoder; it knows nothing of WebAssembly
//! - [`engine`]: the engine behind the seam: its store, invocation, traps
//! - [`instantiate`]: instantiation: imports, allocation, constant expressions, segments
//! - [`runtime`]: what compiled code reads at run time (the context, functions, tables,
//!   memories, globals, in `#[repr(C)]` layouts) and the traps it raises
//! - [`builtins`]: the runtime functions compiled code calls
//! - [`stubs`]: the entry trampoline, the landing pads, the host trampoline
//! - [`memory`]: code memory, linear memories behind guard pages, the wasm stack, the signal
//!   handler
//! - [`mutants`]: planted bugs, with the cargo feature `mutants`

pub mod builtins;
pub mod codegen;
pub mod engine;
pub mod instantiate;
pub mod isa;
pub mod memory;
pub mod mutants;
pub mod runtime;
pub mod stubs;
pub mod x64;

pub use codegen::Bounds;
pub use codegen::{Compiled, Options};
pub use engine::{Jit, Traced};
pub use instantiate::{compile, compile_bodies, compile_for};
pub use isa::{Isa, Level};
