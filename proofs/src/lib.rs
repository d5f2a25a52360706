//! Properties of lockstep stated by the specification; see README.md.
