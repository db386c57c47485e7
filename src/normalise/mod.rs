//! Layer 2, **normalise**: rows of cells to typed records, with a data-quality log.
//!
//! [`codes`] classifies the coded values HR systems export (ethnic category, disability, pay band, grade, staff
//! group); [`records`] turns each input kind's rows into records, applying the workforce rules and
//! counting every row excluded or value not understood in [`quality`]. [`listing`] lists what the classifiers
//! accept, and [`records::columns`] the columns each reader takes (`wres-wdes codes`, `wres-wdes columns`).

pub mod codes;
pub mod listing;
pub mod mapping;
pub mod needs;
pub mod quality;
pub mod records;
