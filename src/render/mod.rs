//! Layer 4, **render**: results to JSON, CSV and the workbook. Rendering never recomputes a figure: every number
//! written is a field of [`crate::compute::results::Results`].

pub mod atomic;
pub mod claim;
pub mod csv;
pub mod csv_extensions;
pub mod json;
pub mod rollup_csv;
pub mod template;
pub mod workbook;
