//! The counters: how often each rule of the catalog applied since [`start`], on this thread,
//! and how often an error cited it (a module refused, the rule's premise failing).
//!
//! Off unless [`start`] was called: the decoder, the validator and the reference ask [`on`]
//! once per module or run (never per instruction or step), and run their ordinary path when
//! it is false.

use crate::rules::{CATALOG, Rule};
use std::cell::RefCell;

thread_local! {
    static COUNTS: RefCell<Option<Vec<u64>>> = const { RefCell::new(None) };
}

/// Whether rules are being counted on this thread.
pub fn on() -> bool {
    COUNTS.with(|c| c.borrow().is_some())
}

/// Start counting from zero.
pub fn start() {
    COUNTS.with(|c| *c.borrow_mut() = Some(vec![0; 2 * CATALOG.len()]));
}

/// Stop counting, and say how often each rule applied and how often an error cited it, by
/// its index in the catalog.
pub fn stop() -> (Vec<u64>, Vec<u64>) {
    let mut applied = COUNTS.with(|c| c.borrow_mut().take()).unwrap_or_else(|| vec![0; 2 * CATALOG.len()]);
    let refused = applied.split_off(CATALOG.len());
    (applied, refused)
}

/// `rule` applied once (nothing when counting is off).
pub fn hit(rule: Rule) {
    add(rule.index() as usize);
}

/// An error cited `rule`: its premise failed.
pub fn refuse(rule: Rule) {
    add(CATALOG.len() + rule.index() as usize);
}

fn add(i: usize) {
    COUNTS.with(|c| {
        if let Some(counts) = c.borrow_mut().as_mut() {
            counts[i] += 1;
        }
    });
}
