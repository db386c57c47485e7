//! # wres-wdes
//!
//! Workforce Race Equality Standard (WRES) indicators 1-9 and Workforce Disability Equality Standard (WDES)
//! metrics 1-10 for NHS trusts in England, from the trust's own HR spreadsheets.
//!
//! Data flows one way through four layers; no layer reaches back up:
//!
//! 1. [`read`]: files (xlsx, xlsm, xlsb, xls, ods, CSV) to rows of cells, with header detection and column matching.
//! 2. [`normalise`]: rows to typed records (staff, recruitment, cases, training, survey, board), classifying codes
//!    and keeping a data-quality log of every row used, excluded or not understood.
//! 3. [`compute`]: records to results (every indicator and metric, the population comparison), using the pure
//!    functions of [`stats`].
//! 4. [`render`]: results to JSON, CSV and the xlsx workbook. Rendering never recomputes a figure.
//!
//! [`commands`] wires the layers together, one file per subcommand; [`synthetic`] writes the sample trust.

pub mod commands;
pub mod compute;
pub mod config;
pub mod definitions;
pub mod error;
pub mod normalise;
pub mod read;
pub mod render;
pub mod stats;
pub mod synthetic;

pub use error::{Error, Result};
