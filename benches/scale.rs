//! SalesDesk at scale: generated workspaces of 1k, 10k and 100k deals (customers,
//! interactions and expenses grow with them) measured on every path a user waits on:
//! loading the data dir, saving one changed file, handing a save to the autosaver,
//! every analytics figure, and one steady-state frame (layout + tessellation) of every
//! page.
//!
//! Run: `cargo bench --bench scale` (all of it, a few minutes on 2 cores), or a part:
//! `cargo bench --bench scale -- frame` / `-- store` / `-- analytics`. The resident
//! memory of a process holding the 100k workspace is `cargo bench --bench memory`.
//! Results and the machine they were taken on: README.md, "Performance".

use chrono::NaiveDate;
use divan::{Bencher, black_box};
use salesdesk::analytics::pipeline::{self as pl, CardOrder, ListColumn, PipelineFilter};
use salesdesk::analytics::relationship;
use salesdesk::analytics::*;
use salesdesk::app::SalesDeskApp;
use salesdesk::demo::{DemoSize, generate};
use salesdesk::i18n::Lang;
use salesdesk::model::{Change, Document, FileKind, Money, Period, Record, Workspace};
use salesdesk::store;
use salesdesk::ui::{self, Page};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

const SIZES: &[usize] = &[1_000, 10_000, 100_000];
const SEED: u64 = 2026;

fn main() {
    // Short, bounded runs so the whole suite stays within minutes on a small machine;
    // the command line (`--sample-count`, `--max-time`) still overrides these.
    divan::Divan::default()
        .sample_count(20)
        .max_time(Duration::from_millis(1500))
        .config_with_args()
        .main();
    // The data dirs live for the whole run (statics are never dropped): remove them now.
    for dir in data_dirs()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .values()
    {
        let _ = std::fs::remove_dir_all(dir);
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date")
}

/// The quarter the dashboard opens on for `today`, and the year around it.
fn quarter() -> Period {
    Period::quarter(2026, 4)
}

/// One generated workspace per size, made once per run and shared by every bench.
fn ws(deals: usize) -> &'static Workspace {
    static CACHE: OnceLock<Mutex<HashMap<usize, &'static Workspace>>> = OnceLock::new();
    let mut map = CACHE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    map.entry(deals)
        .or_insert_with(|| Box::leak(Box::new(generate(SEED, DemoSize { deals }, today()))))
}

/// A data dir holding the workspace of `deals`, written once through the real save.
fn data_dirs() -> &'static Mutex<HashMap<usize, &'static Path>> {
    static DIRS: OnceLock<Mutex<HashMap<usize, &'static Path>>> = OnceLock::new();
    DIRS.get_or_init(Default::default)
}

fn data_dir(deals: usize) -> &'static Path {
    let mut map = data_dirs().lock().unwrap_or_else(|e| e.into_inner());
    map.entry(deals).or_insert_with(|| {
        let dir = tempfile::Builder::new()
            .prefix(&format!("salesdesk-bench-{deals}-"))
            .tempdir()
            .expect("a temp dir");
        // Kept for the whole run, removed at the end of `main`.
        let path: &'static Path = Box::leak(dir.keep().into_boxed_path());
        store::save(path, ws(deals), &FileKind::ALL.into_iter().collect())
            .expect("writing the bench workspace");
        path
    })
}

// ---------------------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------------------

mod store_io {
    use super::*;

    /// Start-up: read and parse every file of the data dir (what the app does before its
    /// first frame).
    #[divan::bench(args = SIZES, sample_count = 10)]
    fn load(bencher: Bencher, deals: usize) {
        let dir = data_dir(deals);
        bencher.bench(|| {
            let loaded = store::load(dir).expect("load");
            assert!(loaded.problems.is_empty());
            loaded
        });
    }

    /// Saving after one change of a deal: deals.ron (the biggest file) and the manifest,
    /// serialized, written to a temp file, fsynced and renamed. This runs on the
    /// autosaver's thread, never on the UI thread.
    #[divan::bench(args = SIZES, sample_count = 10)]
    fn save_deals_file(bencher: Bencher, deals: usize) {
        save_one(bencher, deals, FileKind::Deals);
    }

    /// Saving after one change of a team member: team.ron stays small whatever the
    /// number of deals, and so does its save.
    #[divan::bench(args = SIZES, sample_count = 10)]
    fn save_team_file(bencher: Bencher, deals: usize) {
        save_one(bencher, deals, FileKind::Team);
    }

    fn save_one(bencher: Bencher, deals: usize, kind: FileKind) {
        let dir = tempfile::tempdir().expect("a temp dir");
        let ws = ws(deals);
        let files: BTreeSet<FileKind> = [kind].into_iter().collect();
        store::save(dir.path(), ws, &files).expect("first save");
        bencher.bench(|| store::save(dir.path(), ws, &files).expect("save"));
    }

    /// What the UI thread pays to save: `Autosaver::submit` hands over a snapshot
    /// (`Workspace::clone` only clones its `Arc`s); the writing happens on the
    /// autosaver's own thread. Must not grow with the workspace.
    #[divan::bench(args = SIZES, sample_count = 200)]
    fn autosaver_submit_on_ui_thread(bencher: Bencher, deals: usize) {
        let dir = tempfile::tempdir().expect("a temp dir");
        let saver = store::Autosaver::new(dir.path().to_path_buf()).expect("autosaver");
        let ws = ws(deals);
        let mut revision = 0;
        bencher.bench_local(|| {
            revision += 1;
            // The app's own call: a snapshot of the workspace and the dirty file.
            saver.submit(ws.clone(), [FileKind::Team].into_iter().collect(), revision);
        });
        saver.flush().expect("the background writes succeed");
    }

    /// One edit of a deal on the UI thread (`Document::apply`), when nothing else holds
    /// the deals table: only the record is replaced.
    #[divan::bench(args = SIZES, sample_count = 10)]
    fn edit_a_deal(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        let edited = edited_deal(ws);
        bencher
            .with_inputs(|| {
                let mut doc = Document::new(ws.clone());
                // Make the table this document's own, as after a finished save.
                doc.apply(Change::put(Record::Deal(edited.clone())), "first")
                    .expect("valid");
                doc
            })
            .bench_local_refs(|doc| doc.apply(Change::put(Record::Deal(edited.clone())), "edit"));
    }

    /// The same edit while the autosaver still holds a snapshot of the deals table (a
    /// save is queued or being written): copy-on-write copies the whole table, on the
    /// UI thread. This is the price of O(1) snapshots; it is paid only by an edit made
    /// during a save of that file.
    #[divan::bench(args = SIZES, sample_count = 10)]
    fn edit_a_deal_while_its_file_is_being_saved(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        let edited = edited_deal(ws);
        bencher
            // Shares every table with the static workspace, as with a saver's snapshot.
            .with_inputs(|| Document::new(ws.clone()))
            .bench_local_refs(|doc| doc.apply(Change::put(Record::Deal(edited.clone())), "edit"));
    }

    /// One edited deal saved the way the app saves it now: the delta against the state
    /// on disk (one merge walk of the deals table, records compared only where ids
    /// meet), one checksummed line appended to journal.ron and flushed to disk. The
    /// bytes each save writes are printed once per size (target: under 1 MB at 100k).
    #[divan::bench(args = SIZES, sample_count = 20)]
    fn journal_one_edited_deal(bencher: Bencher, deals: usize) {
        let dir = tempfile::tempdir().expect("a temp dir");
        let ws = ws(deals);
        store::save(dir.path(), ws, &FileKind::ALL.into_iter().collect()).expect("first save");
        // Never compacts here: this measures the append path alone.
        let mut journal = store::Journal::open(dir.path(), Some(ws.clone())).compact_at(u64::MAX);
        let mut doc = Document::new(ws.clone());
        let mut i = 0u64;
        let mut next_edit = move || {
            i += 1;
            let mut d = doc.ws().deals.deals.rows[(i as usize * 7919) % deals].clone();
            d.notes = format!("edit {i}");
            doc.apply(Change::put(Record::Deal(d)), "edit")
                .expect("valid");
            (doc.ws().clone(), doc.take_dirty())
        };
        let (first, files) = next_edit();
        let before = journal.len();
        journal.save(&first, &files).expect("save");
        eprintln!(
            "journal: one edited deal at {deals} deals appends {} bytes",
            journal.len() - before
        );
        bencher
            .with_inputs(&mut next_edit)
            .bench_local_values(|(ws, files)| journal.save(&ws, &files).expect("save"));
    }

    /// Loading a data dir whose journal holds 1,000 edits (a crash before it was folded
    /// in): the files are read, the journal replayed, and the journal folded in.
    #[divan::bench(args = SIZES, sample_count = 10)]
    fn load_replaying_a_journal_of_1000_edits(bencher: Bencher, deals: usize) {
        let src = tempfile::tempdir().expect("a temp dir");
        let ws = ws(deals);
        store::save(src.path(), ws, &FileKind::ALL.into_iter().collect()).expect("first save");
        let mut journal = store::Journal::open(src.path(), Some(ws.clone())).compact_at(u64::MAX);
        let mut doc = Document::new(ws.clone());
        for i in 0..1000usize {
            let mut d = doc.ws().deals.deals.rows[(i * 7919) % deals].clone();
            d.notes = format!("edit {i}");
            doc.apply(Change::put(Record::Deal(d)), "edit")
                .expect("valid");
            let files = doc.take_dirty();
            journal.save(doc.ws(), &files).expect("save");
        }
        bencher
            .with_inputs(|| {
                let dir = tempfile::tempdir().expect("a temp dir");
                for e in std::fs::read_dir(src.path()).expect("read").flatten() {
                    if e.path().is_file() {
                        std::fs::copy(e.path(), dir.path().join(e.file_name())).expect("copy");
                    }
                }
                dir
            })
            .bench_local_values(|dir| {
                let loaded = store::load(dir.path()).expect("load");
                assert!(loaded.problems.is_empty());
                (loaded, dir)
            });
    }

    fn edited_deal(ws: &Workspace) -> salesdesk::model::Deal {
        let mut d = ws.deals.deals.rows[0].clone();
        d.notes = "edited in a bench".into();
        d
    }
}

// ---------------------------------------------------------------------------------------
// Analytics: every figure, each over the whole workspace (as when the revision changes).
// ---------------------------------------------------------------------------------------

mod analytics {
    use super::*;

    const ALL: DealFilter = DealFilter::ALL;

    #[divan::bench(args = SIZES)]
    fn funnel(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| salesdesk::analytics::funnel(ws, quarter(), &ALL));
    }

    #[divan::bench(args = SIZES)]
    fn stage_times(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| salesdesk::analytics::stage_times(ws, quarter(), &ALL));
    }

    #[divan::bench(args = SIZES)]
    fn bottleneck(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| salesdesk::analytics::bottleneck(ws, quarter(), &ALL));
    }

    #[divan::bench(args = SIZES)]
    fn kpis_and_velocity(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| {
            let k = salesdesk::analytics::kpis(ws, quarter(), &ALL);
            black_box(k.velocity().levers());
            k
        });
    }

    #[divan::bench(args = SIZES)]
    fn target_progress(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| {
            salesdesk::analytics::target_progress(ws, quarter(), today(), None, Money(1))
        });
    }

    #[divan::bench(args = SIZES)]
    fn market_share(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| salesdesk::analytics::market_share(ws, quarter(), Money(1)));
    }

    #[divan::bench(args = SIZES)]
    fn revenue_by_all_dimensions(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| {
            [
                Dimension::Owner,
                Dimension::Region,
                Dimension::Product,
                Dimension::Source,
            ]
            .map(|dim| revenue_by(ws, quarter(), dim))
        });
    }

    #[divan::bench(args = SIZES)]
    fn rep_scores(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| salesdesk::analytics::rep_scores(ws, quarter()));
    }

    #[divan::bench(args = SIZES)]
    fn revenue_by_month(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| salesdesk::analytics::revenue_by_month(ws, Period::year(2026), &ALL));
    }

    #[divan::bench(args = SIZES)]
    fn forecast(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| salesdesk::analytics::forecast(ws, today(), &ALL));
    }

    #[divan::bench(args = SIZES)]
    fn reverse_funnel(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| {
            let f = salesdesk::analytics::funnel(ws, quarter(), &ALL);
            let k = salesdesk::analytics::kpis(ws, quarter(), &ALL);
            reverse_funnel_from(
                Money::from_major(1_000_000),
                k.avg_won_amount,
                &f,
                open_by_stage(ws, &ALL),
            )
        });
    }

    #[divan::bench(args = SIZES)]
    fn reminders(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| salesdesk::analytics::reminders(ws, today()));
    }

    #[divan::bench(args = SIZES)]
    fn budget_by_category(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| {
            let rows = salesdesk::analytics::budget_by_category(ws, quarter());
            black_box(budget_alerts(&rows));
            black_box(biggest_overruns(&rows, 3));
            rows
        });
    }

    #[divan::bench(args = SIZES)]
    fn monthly_burn(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| salesdesk::analytics::monthly_burn(ws, 2026, None));
    }

    #[divan::bench(args = SIZES)]
    fn fastest_growing(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| salesdesk::analytics::fastest_growing(ws, quarter()));
    }

    #[divan::bench(args = SIZES)]
    fn year_end_forecast(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| salesdesk::analytics::year_end_forecast(ws, 2026, today()));
    }

    #[divan::bench(args = SIZES)]
    fn dashboard_overview(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| overview(ws, quarter(), today(), &ALL));
    }

    #[divan::bench(args = SIZES)]
    fn funnels_by_owner(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| salesdesk::analytics::funnels_by_owner(ws, quarter(), &ALL));
    }

    #[divan::bench(args = SIZES)]
    fn breakdown_table(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher
            .bench(|| salesdesk::analytics::breakdown_table(ws, quarter(), Dimension::Owner, &ALL));
    }

    #[divan::bench(args = SIZES)]
    fn pipeline_at(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| salesdesk::analytics::pipeline_at(ws, today(), &ALL));
    }

    #[divan::bench(args = SIZES)]
    fn filter_choices(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| salesdesk::analytics::filter_choices(ws));
    }

    #[divan::bench(args = SIZES)]
    fn pipeline_board(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        let filter = PipelineFilter::default();
        bencher.bench(|| pl::board(ws, today(), &filter, CardOrder::Amount));
    }

    #[divan::bench(args = SIZES)]
    fn pipeline_list_rows(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        let filter = PipelineFilter::default();
        bencher.bench(|| pl::deal_rows(ws, today(), &filter, ListColumn::default(), true));
    }

    #[divan::bench(args = SIZES)]
    fn pipeline_choices(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        bencher.bench(|| pl::pipeline_choices(ws));
    }

    /// One customer's relationship card (interactions, feedback, loyalty).
    #[divan::bench(args = SIZES)]
    fn customer_relationship(bencher: Bencher, deals: usize) {
        let ws = ws(deals);
        let id = ws.customers.customers.rows[0].id;
        bencher.bench(|| {
            black_box(relationship::interaction_timeline(ws, id));
            black_box(relationship::loyalty_status(ws, id, today()));
            relationship::relationship(ws, id, today())
        });
    }
}

// ---------------------------------------------------------------------------------------
// Frames: one steady-state frame of each page (layout + tessellation), caches warm.
// ---------------------------------------------------------------------------------------

mod frame {
    use super::*;

    pub struct Frames {
        pub ctx: egui::Context,
        pub app: SalesDeskApp,
        time: f64,
    }

    impl Frames {
        /// The app on `page` in a 1440×900 window, with the app's fonts, after a few
        /// frames so fonts, layouts and the analytics cache are warm.
        pub fn new(deals: usize, page: Page, lang: Lang) -> Frames {
            Frames::over(ws(deals).clone(), page, lang)
        }

        pub fn over(ws: Workspace, page: Page, lang: Lang) -> Frames {
            let ctx = egui::Context::default();
            salesdesk::ui::fonts::install_fonts(&ctx);
            let mut app = SalesDeskApp::in_memory(Document::new(ws), lang, today());
            app.page = page;
            let mut f = Frames {
                ctx,
                app,
                time: 0.0,
            };
            for _ in 0..4 {
                f.frame();
            }
            f
        }

        /// One frame: input, the app's whole UI, tessellation into meshes. Returns the
        /// number of primitives so nothing is optimised away.
        pub fn frame(&mut self) -> usize {
            self.time += 1.0 / 60.0;
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1440.0, 900.0),
                )),
                time: Some(self.time),
                ..Default::default()
            };
            let app = &mut self.app;
            let out = self.ctx.run_ui(input, |ui| app.show(ui));
            let primitives = self.ctx.tessellate(out.shapes, out.pixels_per_point);
            primitives.len()
        }
    }

    fn bench_page(bencher: Bencher, deals: usize, page: Page) {
        let mut f = Frames::new(deals, page, Lang::Zh);
        bencher.bench_local(|| f.frame());
    }

    /// One frame of a page at one workspace size: every page of the registry.
    #[derive(Clone, Copy)]
    struct PageCase(Page, usize);

    impl std::fmt::Display for PageCase {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{:?}/{}", self.0, self.1)
        }
    }

    fn page_cases() -> impl Iterator<Item = PageCase> {
        Page::ALL
            .iter()
            .flat_map(|p| SIZES.iter().map(move |n| PageCase(*p, *n)))
    }

    #[divan::bench(args = page_cases())]
    fn page(bencher: Bencher, case: PageCase) {
        bench_page(bencher, case.1, case.0);
    }

    /// The 100k workspace (28 members, 37 500 customers) cut down to 1k / 10k / 100k
    /// deals: with the team held fixed, a frame of the pages that list every member must
    /// not depend on the number of deals.
    fn same_team(deals: usize, page: Page) -> Frames {
        let mut ws = ws(100_000).clone();
        Arc::make_mut(&mut ws.deals).deals.rows.truncate(deals);
        Frames::over(ws, page, Lang::Zh)
    }

    #[divan::bench(args = SIZES)]
    fn team_same_team(bencher: Bencher, deals: usize) {
        let mut f = same_team(deals, Page::Team);
        bencher.bench_local(|| f.frame());
    }

    #[divan::bench(args = SIZES)]
    fn analytics_same_team(bencher: Bencher, deals: usize) {
        let mut f = same_team(deals, Page::Analytics);
        bencher.bench_local(|| f.frame());
    }

    /// The English UI of the busiest page, for comparison with the Chinese one above.
    #[divan::bench(args = SIZES)]
    fn dashboard_english(bencher: Bencher, deals: usize) {
        let mut f = Frames::new(deals, Page::Dashboard, Lang::En);
        bencher.bench_local(|| f.frame());
    }

    /// Every tab, view and section of the pages that have them (the `page` bench draws
    /// only the one each page opens on), at 100k deals: a tab that computed its figures
    /// per frame shows here.
    #[derive(Clone, Copy, Debug)]
    enum View {
        Team(ui::team::View),
        Performance(ui::performance::Tab),
        PipelineList,
        Marketing(ui::marketing::Tab),
        PromotionsCompare,
        PromotionsEvent(ui::promotions::Section),
        Budget(ui::budget::Tab),
        Me(ui::me::Section),
    }

    impl std::fmt::Display for View {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{self:?}")
        }
    }

    impl View {
        fn open(self, app: &mut SalesDeskApp) {
            let p = &mut app.pages;
            app.page = match self {
                View::Team(v) => {
                    p.team.view = v;
                    Page::Team
                }
                View::Performance(t) => {
                    p.performance.tab = t;
                    Page::Performance
                }
                View::PipelineList => {
                    p.pipeline.view = ui::pipeline::View::List;
                    Page::Pipeline
                }
                View::Marketing(t) => {
                    p.marketing.tab = t;
                    Page::Marketing
                }
                View::PromotionsCompare => {
                    p.promotions.tab = ui::promotions::Tab::Compare;
                    Page::Promotions
                }
                View::PromotionsEvent(s) => {
                    p.promotions.tab = ui::promotions::Tab::Events;
                    p.promotions.selected = app
                        .doc
                        .ws()
                        .promotions
                        .promotions
                        .rows
                        .first()
                        .map(|e| e.id);
                    p.promotions.section = s;
                    Page::Promotions
                }
                View::Budget(t) => {
                    p.budget.tab = t;
                    Page::Budget
                }
                View::Me(s) => {
                    p.me.section = s;
                    Page::Me
                }
            };
        }
    }

    fn views() -> Vec<View> {
        use ui::{budget, marketing, me, performance, promotions, team};
        let mut v: Vec<View> = team::View::ALL.into_iter().map(View::Team).collect();
        v.extend(performance::Tab::ALL.into_iter().map(View::Performance));
        v.push(View::PipelineList);
        v.extend(
            [
                marketing::Tab::Channels,
                marketing::Tab::Market,
                marketing::Tab::Research,
                marketing::Tab::Content,
            ]
            .map(View::Marketing),
        );
        v.push(View::PromotionsCompare);
        v.extend(
            [
                promotions::Section::Plan,
                promotions::Section::Checklist,
                promotions::Section::Links,
                promotions::Section::Feedback,
                promotions::Section::Review,
            ]
            .map(View::PromotionsEvent),
        );
        v.extend(
            [
                budget::Tab::Allocation,
                budget::Tab::PlanVsActual,
                budget::Tab::Categories,
            ]
            .map(View::Budget),
        );
        v.extend(me::Section::ALL.into_iter().map(View::Me));
        v
    }

    #[divan::bench(args = views())]
    fn view_at_100k(bencher: Bencher, view: View) {
        let mut f = Frames::new(100_000, Page::Dashboard, Lang::Zh);
        view.open(&mut f.app);
        for _ in 0..4 {
            f.frame();
        }
        bencher.bench_local(|| f.frame());
    }

    /// The first frame after an edit of one deal: the revision moved, so the page
    /// recomputes its figures over the whole workspace. A user sees this once per edit,
    /// not per frame.
    #[divan::bench(args = SIZES, sample_count = 10)]
    fn dashboard_after_an_edit(bencher: Bencher, deals: usize) {
        let mut f = Frames::new(deals, Page::Dashboard, Lang::Zh);
        let mut deal = f.app.doc.ws().deals.deals.rows[0].clone();
        let mut n = 0u64;
        let mut edit = |f: &mut Frames| {
            n += 1;
            deal.notes = format!("bench edit {n}");
            f.app
                .doc
                .apply(Change::put(Record::Deal(deal.clone())), "bench edit")
                .expect("a valid edit");
        };
        // The first edit copies the deals table out of the shared snapshot; later ones
        // only replace one record.
        edit(&mut f);
        f.frame();
        bencher.bench_local(|| {
            edit(&mut f);
            f.frame()
        });
    }
}
