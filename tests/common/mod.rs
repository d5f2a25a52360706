//! The engines the suite tests run scripts under, each made fresh per script.

use lockstep::exec::Reference;
use lockstep::jit::{Bounds, Jit};
use lockstep::lockstep::Referee;
use lockstep::runtime::{Config, Engine};

/// What the script runner calls for each script's engine.
pub type Factory = fn() -> Option<Box<dyn Engine>>;

/// The reference interpreter.
pub fn reference() -> Option<Box<dyn Engine>> {
    Some(Box::new(Reference::default()))
}

/// The compiler, with guard pages (its default).
pub fn jit() -> Option<Box<dyn Engine>> {
    Some(Box::new(Jit::new(Config::default(), Bounds::GuardPages)))
}

/// The referee: both engines, compared after every invocation.
pub fn referee() -> Option<Box<dyn Engine>> {
    Some(Box::new(Referee::new(Config::default(), Bounds::GuardPages)))
}
