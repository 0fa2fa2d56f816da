//! `salesdesk-cli`: the command line of SalesDesk as a console program.
//!
//! A release build of `salesdesk` on Windows is a windowed program (no console window
//! pops up when it is double-clicked), and cmd and PowerShell neither wait for such a
//! program nor see its output or exit code. This binary runs the same commands
//! (`demo`, `check`, `import`, `report`, through the same `cli::run`) as a console
//! program on every system, so scripts get their output and exit codes. It never opens
//! the window.

use salesdesk::cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    salesdesk::alloc::tune();
    match cli::run(std::env::args_os()) {
        cli::Run::Exit(code) => ExitCode::from(code),
        cli::Run::Window(_) => {
            eprintln!(
                "salesdesk-cli: name a command (demo, check, import, report); \
                 start salesdesk for the window.\nTry 'salesdesk-cli --help'."
            );
            ExitCode::from(2)
        }
    }
}
