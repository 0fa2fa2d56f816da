//! Every integration test, in one test binary.
//!
//! Each file here was a test binary of its own: 35 links of the whole GUI stack, about
//! 110 MB each (545 MB with full debug info, 23 GB in all, which filled a CI machine's
//! disk while linking). One binary links once. Run a file's tests with its module name:
//! `cargo test --test app crash::`.

mod common;

mod backups;
mod bad_input;
mod cli;
mod crash;
mod degraded;
mod desktop;
mod desktop2;
mod desktop_layout;
mod desktop_narrow;
mod export;
mod form_messages;
mod form_messages2;
mod golden;
mod import;
mod journal;
mod launch;
mod long_texts;
mod marketing;
mod me;
mod promotions;
mod reviews;
mod shell;
mod smoke;
mod store;
mod tab_scroll;
mod table_export;
mod targets;
mod ui_budget;
mod ui_flows;
mod ui_numbers;
mod ui_pipeline;
mod ui_saving;
mod words;
