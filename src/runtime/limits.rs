//! The resources an implementation may run out of, and what a store has taken of the ones
//! the configuration bounds. The spec lets an implementation exhaust its resources anywhere
//! (`memory.grow` and `table.grow` may fail, instantiation may fail, a call may exhaust the
//! stack); lockstep bounds them by [`Config`], the same for both engines, so that they run
//! out at the same points.

use super::Config;
use crate::syntax::{AddrType, PAGE_SIZE};

/// What ran out.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Resource {
    /// Calls nested deeper than the configured depth, or the engine's stack: the spec's
    /// `call stack exhausted`, what `assert_exhaustion` expects.
    CallStack,
    /// `--fuel`: lockstep's own bound on loop iterations, calls and bulk operations.
    Fuel,
    /// `--timeout`: a command ran longer than allowed.
    Time,
    /// Memories: their bytes together, or the host's address space.
    Memory,
    /// Tables: their elements together, or the host's memory.
    Table,
    /// Structures and arrays: their fields together.
    Heap,
}

impl Resource {
    /// What a run reports (`call stack exhausted` is the message the suite expects).
    pub fn message(self) -> &'static str {
        match self {
            Resource::CallStack => "call stack exhausted",
            Resource::Fuel => "fuel exhausted",
            Resource::Time => "time limit exceeded",
            Resource::Memory => "memory limit exceeded",
            Resource::Table => "table limit exceeded",
            Resource::Heap => "heap limit exceeded",
        }
    }
}

/// The most pages a memory of address type `at` can have: 2^16 for a 32-bit memory, 2^48
/// for a 64-bit one (its bytes fit in a `u64`).
pub fn max_pages(at: AddrType) -> u64 {
    match at {
        AddrType::I32 => 1 << 16,
        AddrType::I64 => 1 << 48,
    }
}

/// What a store holds of the bounded resources: the bytes of all its memories and the
/// elements of all its tables, as allocated and grown.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    pub memory_bytes: u64,
    pub table_elements: u64,
    pub heap_fields: u64,
}

impl Usage {
    /// Take `pages` more pages of memory, if the configured limit allows.
    pub fn take_pages(&mut self, config: &Config, pages: u64) -> bool {
        let total = pages.checked_mul(PAGE_SIZE).and_then(|b| b.checked_add(self.memory_bytes));
        match total {
            Some(total) if total <= config.max_memory => {
                self.memory_bytes = total;
                true
            }
            _ => false,
        }
    }

    /// Take `n` more fields of structures and arrays, if the configured limit allows.
    pub fn take_fields(&mut self, config: &Config, n: u64) -> bool {
        match self.heap_fields.checked_add(n) {
            Some(total) if total <= config.max_heap_fields => {
                self.heap_fields = total;
                true
            }
            _ => false,
        }
    }

    /// Take `n` more table elements, if the configured limit allows.
    pub fn take_elements(&mut self, config: &Config, n: u64) -> bool {
        match self.table_elements.checked_add(n) {
            Some(total) if total <= config.max_table_elements => {
                self.table_elements = total;
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_stops_at_the_limits() {
        let config = Config { max_memory: 3 * PAGE_SIZE, max_table_elements: 10, ..Config::default() };
        let mut usage = Usage::default();
        assert!(usage.take_pages(&config, 2));
        assert!(!usage.take_pages(&config, 2));
        assert!(usage.take_pages(&config, 1));
        assert!(!usage.take_pages(&config, u64::MAX));
        assert!(usage.take_elements(&config, 10));
        assert!(!usage.take_elements(&config, 1));
        assert_eq!(usage, Usage { memory_bytes: 3 * PAGE_SIZE, table_elements: 10, heap_fields: 0 });
    }
}
