//! The command line, parsed with clap: `salesdesk [--data-dir DIR]` opens the window;
//! `demo`, `check`, `import`, `report` and `export` do their work and exit. Both binaries
//! (`salesdesk`, and `salesdesk-cli`, the console one for Windows) start here.

use crate::i18n::Lang;
use crate::store;
use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

const AFTER_HELP: &str = "\
The data dir defaults to the user data directory; the environment variable
SALESDESK_DATA_DIR or --data-dir overrides it. Every file is written atomically, a
backup is kept per day (last 14), and only one SalesDesk may open a data dir at a time.
check, report and export only read: they write nothing in the data dir (an older data
format is upgraded in memory), and on a folder that does not exist they say so and exit 1.";

/// SalesDesk 销售经理工作台 — an offline workbench for one sales manager.
///
/// Without a command, `salesdesk` opens the window (`salesdesk-cli` only runs commands).
#[derive(Debug, Parser)]
#[command(name = "salesdesk", version, after_help = AFTER_HELP)]
struct Cli {
    /// The folder that holds the workspace.
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write a generated demo workspace and exit.
    Demo {
        /// How many deals (everything else scales with them).
        #[arg(long, value_name = "N", default_value_t = 400)]
        deals: usize,
        /// The language of the demo's own names (KPIs, budget categories, plans …):
        /// zh or en. People and companies keep their Chinese names.
        #[arg(long, value_name = "zh|en", default_value = "zh", value_parser = lang)]
        lang: Lang,
    },
    /// Load every file and print each problem (file:line:column: what); exit 1 if any.
    Check,
    /// Import deals, customers, targets or expenses from a CSV, XLSX or XLS file, all
    /// or nothing; exit 1 on bad rows, each listed with line and column.
    Import {
        /// The file: CSV (UTF-8, GB18030/GBK or Latin-1), XLSX or XLS; the kind is told
        /// by the header row, in English or Chinese.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Funnel, win rate, revenue, velocity … for a period.
    Report {
        /// First day of the period.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
        from: chrono::NaiveDate,
        /// Last day of the period.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
        to: chrono::NaiveDate,
        /// One JSON object, money in yuan.
        #[arg(long)]
        json: bool,
        /// Write the report as PDF (销售报表) to this file instead of printing it.
        #[arg(long, value_name = "FILE.pdf", conflicts_with = "json")]
        pdf: Option<PathBuf>,
    },
    /// Write the workspace as an XLSX workbook (a sheet per collection) and/or one CSV
    /// per collection (UTF-8 with BOM, for Excel). Reads only.
    #[command(arg_required_else_help = true)]
    Export {
        /// The workbook to write.
        #[arg(value_name = "FILE.xlsx", required_unless_present = "csv")]
        file: Option<PathBuf>,
        /// Write one CSV per collection into this folder (created if missing).
        #[arg(long, value_name = "DIR")]
        csv: Option<PathBuf>,
    },
}

fn lang(v: &str) -> Result<Lang, String> {
    match v.to_ascii_lowercase().as_str() {
        "zh" | "zh-cn" | "chinese" => Ok(Lang::Zh),
        "en" | "english" => Ok(Lang::En),
        _ => Err(format!("'{v}' is not a language: zh or en")),
    }
}

fn date(v: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .map_err(|_| format!("'{v}' is not a date (YYYY-MM-DD)"))
}

/// What a command line asks for, once the commands have run.
#[derive(Debug, PartialEq, Eq)]
pub enum Run {
    /// Done: exit with this code (0 success, 1 failure, 2 a usage error).
    Exit(u8),
    /// No command: open the window on this data dir (if given).
    Window(Option<PathBuf>),
}

/// Parses `args` (the program name first) and runs the command they name. Help and the
/// version go to stdout; usage errors (an unknown command or option, a missing or bad
/// value) to stderr with exit code 2, with a suggestion where one is near.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> Run {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return Run::Exit(e.exit_code().clamp(0, 255) as u8);
        }
    };
    let Some(command) = cli.command else {
        return Run::Window(cli.data_dir);
    };
    // Only the commands that write may create the data folder: `check` and `report`
    // read, and a mistyped path must not leave folders behind.
    let dir = match command {
        Command::Demo { .. } | Command::Import { .. } => store::resolve_data_dir(cli.data_dir),
        Command::Check | Command::Report { .. } | Command::Export { .. } => {
            store::locate_data_dir(cli.data_dir)
        }
    };
    let dir = match dir {
        Ok(d) => d,
        Err(e) => return usage_error(&e.to_string()),
    };
    let out = &mut std::io::stdout();
    let err = &mut std::io::stderr();
    let code = match command {
        Command::Demo { deals, lang } => super::demo::run_in(&dir, deals, lang, out),
        Command::Check => super::check::run(&dir, out),
        Command::Import { file } => super::import::run(&dir, &file, out, err),
        Command::Report {
            from,
            to,
            json,
            pdf,
        } => match pdf {
            Some(pdf) => super::report::run_pdf(&dir, from, to, &pdf, out, err),
            None => super::report::run(&dir, from, to, json, out, err),
        },
        Command::Export { file, csv } => {
            super::export::run(&dir, file.as_deref(), csv.as_deref(), out, err)
        }
    };
    let _ = out.flush();
    Run::Exit(code.clamp(0, 255) as u8)
}

fn usage_error(msg: &str) -> Run {
    eprintln!("salesdesk: {msg}\nTry 'salesdesk --help'.");
    Run::Exit(2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("salesdesk").chain(args.iter().copied()))
    }

    #[test]
    fn the_definition_is_sound() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn no_command_is_the_window_and_the_data_dir_goes_anywhere() {
        let cli = parse(&["--data-dir", "/tmp/x"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.data_dir, Some(PathBuf::from("/tmp/x")));
        for args in [
            &["check", "--data-dir", "/d"][..],
            &["--data-dir", "/d", "check"],
            &["check", "--data-dir=/d"],
        ] {
            let cli = parse(args).unwrap();
            assert!(matches!(cli.command, Some(Command::Check)), "{args:?}");
            assert_eq!(cli.data_dir, Some(PathBuf::from("/d")), "{args:?}");
        }
    }

    #[test]
    fn each_command_takes_its_documented_flags() {
        match parse(&["demo", "--data-dir", "/d", "--deals", "12"])
            .unwrap()
            .command
        {
            Some(Command::Demo {
                deals: 12,
                lang: Lang::Zh,
            }) => {}
            c => panic!("{c:?}"),
        }
        match parse(&["demo", "--lang", "en"]).unwrap().command {
            Some(Command::Demo { lang: Lang::En, .. }) => {}
            other => panic!("{other:?}"),
        }
        match parse(&["demo"]).unwrap().command {
            Some(Command::Demo {
                deals: 400,
                lang: Lang::Zh,
            }) => {}
            c => panic!("{c:?}"),
        }
        match parse(&["import", "--data-dir", "/d", "deals.csv"])
            .unwrap()
            .command
        {
            Some(Command::Import { file }) => assert_eq!(file, PathBuf::from("deals.csv")),
            c => panic!("{c:?}"),
        }
        let r = parse(&[
            "report",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--json",
        ]);
        match r.unwrap().command {
            Some(Command::Report { from, to, json, .. }) => {
                assert_eq!(from.to_string(), "2026-01-01");
                assert_eq!(to.to_string(), "2026-03-31");
                assert!(json);
            }
            c => panic!("{c:?}"),
        }
    }

    #[test]
    fn mistakes_are_usage_errors() {
        for (args, kind) in [
            (&["exprot"][..], ErrorKind::InvalidSubcommand),
            (&["reprot"], ErrorKind::InvalidSubcommand),
            (&["--frobnicate"], ErrorKind::UnknownArgument),
            (&["import"], ErrorKind::MissingRequiredArgument),
            (&["import", "a.csv", "b.csv"], ErrorKind::UnknownArgument),
            (
                &["report", "--from", "2026-01-01"],
                ErrorKind::MissingRequiredArgument,
            ),
            (
                &["report", "--from", "01/02/2026", "--to", "2026-03-31"],
                ErrorKind::ValueValidation,
            ),
            (&["demo", "--deals", "many"], ErrorKind::ValueValidation),
            (&["check", "--deals", "3"], ErrorKind::UnknownArgument),
        ] {
            let e = parse(args).expect_err(&format!("{args:?}"));
            assert_eq!(e.kind(), kind, "{args:?}: {e}");
            assert_eq!(e.exit_code(), 2, "{args:?}");
        }
        let e = parse(&["reprot"]).unwrap_err().to_string();
        assert!(e.contains("'report'"), "{e}");
    }

    #[test]
    fn help_and_version_exit_0() {
        for args in [
            &["--help"][..],
            &["-h"],
            &["help"],
            &["report", "--help"],
            &["help", "import"],
        ] {
            let e = parse(args).expect_err(&format!("{args:?}"));
            assert_eq!(e.kind(), ErrorKind::DisplayHelp, "{args:?}");
            assert_eq!(e.exit_code(), 0);
        }
        for args in [&["--version"][..], &["-V"]] {
            let e = parse(args).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::DisplayVersion);
            assert_eq!(
                e.to_string(),
                format!("salesdesk {}\n", env!("CARGO_PKG_VERSION"))
            );
        }
    }
}
