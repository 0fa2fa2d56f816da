//! The domain model: plain data, validation and the one apply-change path.
//! No egui and no I/O live here, so every rule is easy to test.

pub mod budget;
pub mod change;
pub mod common;
pub mod customers;
pub mod deals;
pub mod delta;
pub mod forecast;
pub mod marketing;
pub mod me;
pub mod performance;
pub mod promotions;
pub mod reassign;
pub mod refs;
pub mod settings;
pub mod sources;
pub mod team;
pub mod team_events;
pub mod validate;
pub mod workspace;
pub mod ymd;

pub use budget::*;
pub use change::*;
pub use common::*;
pub use customers::*;
pub use deals::*;
pub use delta::{Delta, Op};
pub use forecast::*;
pub use marketing::*;
pub use me::*;
pub use performance::*;
pub use promotions::*;
pub use refs::*;
pub use settings::*;
pub use sources::*;
pub use team::*;
pub use team_events::*;
pub use validate::*;
pub use workspace::*;
