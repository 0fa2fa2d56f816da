//! `salesdesk demo`: writes a generated demo workspace into an empty data dir.

use crate::demo::{DemoSize, generate_in};
use crate::i18n::Lang;
use crate::model::FileKind;
use crate::store;
use std::io::Write;
use std::path::Path;

/// The seed of `salesdesk demo`, so two runs give the same workspace.
pub const DEMO_SEED: u64 = 2026;

/// Generates a demo of `deals` deals into `dir`. Refuses a dir that already holds a
/// workspace (nothing is overwritten) or that another SalesDesk has open.
pub fn run(dir: &Path, deals: usize, out: &mut impl Write) -> i32 {
    run_in(dir, deals, Lang::Zh, out)
}

/// [`run`] with the demo's own names in `lang` (`--lang`).
pub fn run_in(dir: &Path, deals: usize, lang: Lang, out: &mut impl Write) -> i32 {
    match write_demo(dir, deals, lang) {
        Ok(ws) => {
            let _ = writeln!(
                out,
                "wrote a demo workspace to {}: {} deals, {} customers, {} team members",
                dir.display(),
                ws.deals.deals.len(),
                ws.customers.customers.len(),
                ws.team.members.len()
            );
            0
        }
        Err(message) => {
            let _ = writeln!(out, "{message}");
            1
        }
    }
}

fn write_demo(dir: &Path, deals: usize, lang: Lang) -> Result<crate::model::Workspace, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("could not create {}: {e}", dir.display()))?;
    let _lock = store::acquire_lock(dir).map_err(|e| e.to_string())?;
    store::degraded::refuse_if_unsound(dir)
        .map_err(|m| format!("refusing to write a demo: {m}"))?;
    if store::workspace_exists(dir) {
        return Err(format!(
            "refusing to write a demo: {} already holds a workspace, and nothing there is \
             overwritten. Choose an empty folder with --data-dir",
            dir.display()
        ));
    }
    let today = chrono::Local::now().date_naive();
    let ws = generate_in(DEMO_SEED, DemoSize { deals }, today, lang);
    store::save(dir, &ws, &FileKind::ALL.into_iter().collect()).map_err(|e| e.to_string())?;
    Ok(ws)
}
