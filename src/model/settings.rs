//! Workspace settings the manager tunes (settings.ron).

use super::validate::Errors;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Default probability (percent) of the four open stages: lead, needs, quote, contract.
    pub stage_probability: [u8; 4],
    /// Days without activity after which an open deal in that stage counts as stale.
    pub stale_days: [u32; 4],
    /// Currency symbol shown with money.
    pub currency: String,
    /// True while the workspace is the generated demo (shown as a banner).
    pub demo: bool,
    /// Column mappings the import window saved: a file's header (normalized: lower
    /// case, punctuation as '_') → the column it maps to ("" leaves it out). Reused by
    /// every later import, in the window and by `salesdesk import`.
    #[serde(default)]
    pub import_columns: BTreeMap<String, String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            stage_probability: [10, 25, 50, 80],
            stale_days: [14, 21, 14, 10],
            currency: "¥".into(),
            demo: false,
            import_columns: BTreeMap::new(),
        }
    }
}

impl Settings {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        for p in self.stage_probability {
            e.range("stage_probability", p as i64, 0, 100);
        }
        for d in self.stale_days {
            e.range("stale_days", d as i64, 1, 3650);
        }
        e.max_len("currency", &self.currency, 8);
        e
    }
}
