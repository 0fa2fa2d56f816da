//! `salesdesk import` (being written).
