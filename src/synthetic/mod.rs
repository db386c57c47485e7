//! The synthetic sample trust (not built yet).
