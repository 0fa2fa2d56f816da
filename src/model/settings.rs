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
    /// Column mappings the import window saved: (a file's header normalized — lower
    /// case, punctuation as '_' —, the column it maps to; "" leaves it out), sorted by
    /// header. Reused by every later import, in the window and by `salesdesk import`.
    /// A list of pairs, not a map: the store's fast reader reads lists.
    #[serde(default)]
    pub import_columns: Vec<(String, String)>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            stage_probability: [10, 25, 50, 80],
            stale_days: [14, 21, 14, 10],
            currency: "¥".into(),
            demo: false,
            import_columns: Vec::new(),
        }
    }
}

impl Settings {
    /// The saved import mappings, by header.
    pub fn import_mapping(&self) -> BTreeMap<String, String> {
        self.import_columns.iter().cloned().collect()
    }

    /// Saves (or replaces) the mapping of one normalized header.
    pub fn set_import_column(&mut self, header: String, column: String) {
        let mut map = self.import_mapping();
        map.insert(header, column);
        self.import_columns = map.into_iter().collect();
    }

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
