//! The `wres-wdes` command: parses the command line, runs one subcommand, and turns its error into a message on
//! stderr and its exit code (0 success, 1 file, 2 usage, 3 data, 70 internal).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match wres_wdes::commands::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match wres_wdes::commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
