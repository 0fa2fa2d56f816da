//! The command line of the same binary: `demo`, `check`, `import`, `report`.
//! Each subcommand is a function returning the process exit code, writing to the given
//! output, so tests call them directly.

pub mod check;
pub mod demo;
pub mod import;
pub mod report;
