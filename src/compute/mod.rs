//! Layer 3, **compute**: records to results.

pub mod population;
