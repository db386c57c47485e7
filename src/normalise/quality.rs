//! The data-quality log: rows read, used, excluded by reason, and values not recognised.
