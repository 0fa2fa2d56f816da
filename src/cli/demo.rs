//! `salesdesk demo` (being written).
