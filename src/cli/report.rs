//! `salesdesk report` (being written).
