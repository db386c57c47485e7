//! Progress on stderr: a bar (batch: trusts done) or a spinner (report and check: reading, computing, writing)
//! when stderr is a terminal and the user did not ask for quiet, nothing otherwise (so scheduled jobs and logs get
//! no control characters).

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

/// How long work runs before its progress is shown: quicker runs print nothing but their result.
const SHOW_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

/// A spinner with a message on stderr for work of unknown length (reading inputs, computing, writing): shown only
/// on a terminal, not with `-q`, and only once the work has taken more than a second; cleared when dropped.
///
/// ```
/// use wres_wdes::commands::{progress::Activity, Verbosity};
/// let activity = Activity::start("reading the inputs", Verbosity::Quiet);
/// activity.say("computing the figures");
/// drop(activity); // nothing was drawn
/// ```
pub struct Activity {
    bar: ProgressBar,
    stop: Option<std::sync::mpsc::Sender<()>>,
    waiter: Option<std::thread::JoinHandle<()>>,
}

impl Activity {
    /// Starts the activity with `message`.
    pub fn start(message: &str, verbosity: Verbosity) -> Activity {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
            bar.set_style(style);
        }
        bar.set_message(message.to_string());
        if verbosity == Verbosity::Quiet || !std::io::stderr().is_terminal() {
            return Activity { bar, stop: None, waiter: None };
        }
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let shown = bar.clone();
        let waiter = std::thread::spawn(move || {
            if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(SHOW_AFTER) {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(std::time::Duration::from_millis(120));
            }
        });
        Activity { bar, stop: Some(stop), waiter: Some(waiter) }
    }

    /// Runs `f` (which writes to stderr) with the spinner out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Says what is being done now.
    pub fn say(&self, message: &str) {
        self.bar.set_message(message.to_string());
    }
}

impl Drop for Activity {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(waiter) = self.waiter.take() {
            let _ = waiter.join();
        }
        self.bar.finish_and_clear();
    }
}
