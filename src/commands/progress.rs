//! Progress on stderr: a bar when stderr is a terminal and the user did not ask for quiet, nothing otherwise
//! (so scheduled jobs and logs get no control characters).

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Verbosity;

/// A progress bar of `len` steps, hidden unless stderr is a terminal.
pub fn bar(len: u64, verbosity: Verbosity) -> ProgressBar {
    if verbosity == Verbosity::Quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} trusts {elapsed}") {
        bar.set_style(style);
    }
    bar
}
