//! Widgets shared by the pages.

pub mod confirm;
pub mod date;
pub mod deal_filter;
pub mod form;
pub mod keys;
pub mod period;
pub mod side;
pub mod table;
