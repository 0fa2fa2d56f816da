//! `salesdesk check` (being written).
