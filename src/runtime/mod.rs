//! What both engines share and neither owns, as the OCaml interpreter's `runtime/` and
//! `script/embed.ml` sit under its `exec/`: values and references, external values, host
//! functions, the configuration (limits, fuel, nondeterministic choices) and what a store
//! has used of it, lazily mapped pages for memories, an interrupt flag for time limits, and the engine
//! trait, the seam that the script runner, the referee and the command line drive.
//!
//! It stands on `syntax/` alone; `exec/` (the reference) and `jit/` (the compiler) stand on
//! it and never on each other.

pub mod config;
pub mod engine;
pub mod interrupt;
pub mod limits;
pub mod pages;
pub mod values;

pub use config::{Config, NanChoice, Param, Relaxed};
pub use engine::{Addrs, Engine, Error, HostFunc, InstanceId};
pub use limits::{Resource, Usage};
pub use values::{Addr, ExternVal, Internal, Ref, Val, top_of};
