//! Typed records for each input kind.
