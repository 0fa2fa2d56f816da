//! SalesDesk 销售经理工作台: the library behind the app, so tests and benches use exactly
//! what the binary uses.

pub mod alloc;
pub mod analytics;
pub mod app;
pub mod cli;
pub mod demo;
pub mod export;
pub mod hanzi;
pub mod i18n;
pub mod import;
pub mod launch;
pub mod model;
pub mod store;
pub mod ui;
