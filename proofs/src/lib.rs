//! Properties of lockstep stated by the specification, and the spec's numerics over exact
//! arithmetic to check its numerics against; see README.md.

pub mod numerics;
pub mod soundness;
