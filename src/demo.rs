//! The demo workspace generator (being written).
