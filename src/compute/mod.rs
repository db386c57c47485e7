//! Layer 3, **compute**: records to results.
