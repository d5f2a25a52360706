//! Rule coverage (`lockstep coverage`): which rules of the catalog the reference, the
//! validator and the decoder apply on given scripts and fuzz inputs, and how often.
//!
//! [`counts`] is the only part the engines see: a per-thread counter that is off unless a
//! coverage run turned it on, asked once per run, decoded module or validated module, so
//! that it costs nothing when off. When on, the reference's run steps one rule at a time
//! through [`step::run`] (each step's rule, and the numeric function of a numeric step); the
//! decoder's and validator's outcomes are counted by [`derive`] from the module. [`run`]
//! drives scripts and corpus files, [`report`] tallies by chapter (text and JSON), [`html`]
//! writes the page.

pub mod counts;
pub mod derive;
pub mod html;
pub mod report;
pub mod run;
pub mod step;

pub use report::Coverage;
