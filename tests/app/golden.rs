//! The golden fixtures: one workspace written by each schema version, frozen under
//! tests/fixtures/v<N>/ (see tests/fixtures/README.md). Every run copies each one to a
//! temp dir and checks, record for record, that today's code still reads it whole:
//!
//! - `store::load` (the window: it migrates on disk) gives every table's record count
//!   and next id, and a few concrete values per collection, with no problem;
//! - `check` (which migrates in memory) finds it sound, reads the same records, and
//!   writes nothing; `report` also writes nothing.
//!
//! A struct field renamed or added without `#[serde(default)]` makes a fixture file
//! fail to parse, and these tests fail. A new schema version adds its fixture and its
//! entry in [`GOLDEN`]; the old ones stay as they are.

use chrono::NaiveDate;
use salesdesk::model::*;
use salesdesk::store;

use crate::common;

/// What one fixture holds, read off it once when it was committed.
struct Golden {
    /// The fixture's folder under tests/fixtures/.
    name: &'static str,
    /// What `store::load` says it migrated from.
    migrated_from: Option<u32>,
    /// (collection.table, records, next id) of every table.
    tables: &'static [(&'static str, usize, u64)],
    /// A few values per collection.
    values: fn(&Workspace),
    /// Won and lost deals in `REPORT_FROM..=REPORT_TO`, as `report` prints them.
    report_won_lost: (u64, u64),
}

const GOLDEN: &[Golden] = &[
    Golden {
        name: "v1",
        migrated_from: Some(1),
        tables: &[
            ("team.members", 2, 3),
            ("performance.targets", 1, 2),
            ("performance.kpis", 1, 2),
            ("performance.reviews", 0, 1),
            ("performance.commission_plans", 0, 1),
            ("performance.notes", 0, 1),
            ("customers.customers", 2, 3),
            ("customers.contacts", 1, 2),
            ("customers.interactions", 1, 2),
            ("customers.feedback", 0, 1),
            ("customers.loyalty_ledger", 0, 1),
            ("deals.deals", 3, 4),
            ("marketing.research", 0, 1),
            ("marketing.segments", 0, 1),
            // "referral", the schema-1 deals' and customers' source, became a channel.
            ("marketing.channels", 2, 3),
            ("marketing.content", 0, 1),
            ("marketing.plans", 0, 1),
            ("marketing.market_sizes", 0, 1),
            ("promotions.promotions", 0, 1),
            ("budget.categories", 1, 2),
            ("budget.lines", 1, 2),
            ("budget.expenses", 1, 2),
            ("me.goals", 0, 1),
            ("me.learning", 0, 1),
            ("me.tasks", 1, 2),
            ("me.check_ins", 0, 1),
        ],
        values: v1_values,
        report_won_lost: (1, 1),
    },
    Golden {
        name: "v2",
        migrated_from: Some(2),
        tables: &[
            ("team.members", 8, 9),
            ("performance.targets", 168, 169),
            ("performance.kpis", 5, 6),
            ("performance.reviews", 26, 27),
            ("performance.commission_plans", 2, 3),
            ("performance.notes", 25, 26),
            ("customers.customers", 150, 151),
            ("customers.contacts", 295, 296),
            ("customers.interactions", 446, 447),
            ("customers.feedback", 12, 13),
            ("customers.loyalty_ledger", 136, 137),
            ("deals.deals", 400, 401),
            ("marketing.research", 2, 3),
            ("marketing.segments", 4, 5),
            ("marketing.channels", 8, 9),
            ("marketing.content", 9, 10),
            ("marketing.plans", 2, 3),
            ("marketing.market_sizes", 6, 7),
            ("promotions.promotions", 6, 7),
            ("budget.categories", 7, 8),
            ("budget.lines", 14, 15),
            ("budget.expenses", 240, 241),
            ("me.goals", 5, 6),
            ("me.learning", 5, 6),
            ("me.tasks", 11, 12),
            ("me.check_ins", 24, 25),
        ],
        values: v2_values,
        report_won_lost: (125, 116),
    },
    Golden {
        name: "v3",
        migrated_from: None,
        tables: &[
            ("team.members", 8, 9),
            ("performance.targets", 168, 169),
            ("performance.kpis", 5, 6),
            ("performance.reviews", 26, 27),
            ("performance.commission_plans", 2, 3),
            ("performance.notes", 25, 26),
            ("customers.customers", 150, 151),
            ("customers.contacts", 295, 296),
            ("customers.interactions", 446, 447),
            ("customers.feedback", 12, 13),
            ("customers.loyalty_ledger", 136, 137),
            ("deals.deals", 400, 401),
            ("marketing.research", 5, 6),
            ("marketing.segments", 4, 5),
            ("marketing.channels", 8, 9),
            ("marketing.content", 9, 10),
            ("marketing.plans", 2, 3),
            ("marketing.market_sizes", 6, 7),
            ("promotions.promotions", 6, 7),
            ("budget.categories", 7, 8),
            ("budget.lines", 14, 15),
            ("budget.expenses", 240, 241),
            ("me.goals", 5, 6),
            ("me.learning", 5, 6),
            ("me.tasks", 11, 12),
            ("me.check_ins", 24, 25),
        ],
        values: v3_values,
        report_won_lost: (125, 116),
    },
];

const REPORT_FROM: &str = "2000-01-01";
const REPORT_TO: &str = "2100-12-31";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn v1_values(ws: &Workspace) {
    assert!(!ws.settings.demo);
    assert_eq!(ws.settings.stage_probability, [10, 30, 55, 85]);
    assert_eq!(ws.team.setup.team_name, "华东销售一组");
    assert_eq!(ws.team.setup.structure, OrgStructure::Regional);
    let m = ws.team.members.get(MemberId(2)).unwrap();
    assert_eq!((m.name.as_str(), m.role), ("Li Na 李娜", Role::SalesRep));
    let t = ws.performance.targets.get(TargetId(1)).unwrap();
    assert_eq!(t.amount, Money::from_major(500_000));
    assert_eq!(t.period.end, day("2025-06-30"));
    assert_eq!(ws.performance.kpis.rows[0].metric, KpiMetric::Revenue);
    let c = ws.customers.customers.get(CustomerId(2)).unwrap();
    assert_eq!(c.name, "Hangzhou Green Foods");
    // Added after schema 1 with a default.
    assert_eq!(c.annual_potential, Money(0));
    let i = &ws.customers.interactions.rows[0];
    assert_eq!(i.kind, InteractionKind::Visit);
    assert_eq!(i.follow_up, Some(day("2025-04-09")));
    assert_eq!(ws.customers.loyalty.tiers[1].name, "Gold 金卡");
    let d = ws.deals.deals.get(DealId(3)).unwrap();
    assert_eq!((d.title.as_str(), d.stage), ("CRM pilot", Stage::Lost));
    assert_eq!(d.amount, Money::from_major(60_000));
    let lost = d.lost.as_ref().unwrap();
    assert_eq!(lost.reason, LostReason::Price);
    assert_eq!(lost.note, "Chose a cheaper local vendor");
    assert_eq!(d.history[1].date, day("2025-02-20"));
    let ch = ws.marketing.channels.get(ChannelId(1)).unwrap();
    assert_eq!(
        (ch.name.as_str(), ch.kind),
        ("WeChat 公众号", ChannelKind::Online)
    );
    // Schema 3: every "referral" source is a link to the one channel made for it.
    let referral = ws.marketing.channels.get(ChannelId(2)).unwrap();
    assert_eq!(
        (referral.name.as_str(), referral.kind),
        ("referral", ChannelKind::Other)
    );
    assert!(
        ws.deals
            .deals
            .iter()
            .all(|d| d.source == Some(SourceRef::Channel(ChannelId(2))))
    );
    assert_eq!(c.source, Some(SourceRef::Channel(ChannelId(2))));
    let e = ws.budget.expenses.get(ExpenseId(1)).unwrap();
    assert_eq!(
        (e.amount, e.date),
        (Money::from_major(8_500), day("2025-04-20"))
    );
    assert_eq!(e.link, Some(SourceRef::Channel(ChannelId(1))));
    assert_eq!(ws.budget.lines.rows[0].planned, Money::from_major(120_000));
    let task = ws.me.tasks.get(TaskId(1)).unwrap();
    assert_eq!(task.title, "Prepare Q2 review deck");
    assert_eq!(task.due, Some(day("2025-06-25")));
}

fn v2_values(ws: &Workspace) {
    assert!(ws.settings.demo);
    assert_eq!(ws.settings.stage_probability, [10, 25, 50, 80]);
    assert_eq!(ws.settings.currency, "¥");
    assert_eq!(ws.team.setup.team_name, "企业客户销售一部");
    let m = ws.team.members.get(MemberId(3)).unwrap();
    assert_eq!((m.name.as_str(), m.role), ("杨敏", Role::KeyAccountManager));
    assert_eq!(m.joined, day("2024-05-16"));

    let t = ws.performance.targets.get(TargetId(2)).unwrap();
    assert_eq!(
        (t.member, t.amount),
        (Some(MemberId(2)), Money::from_major(470_000))
    );
    assert_eq!(t.period.end, day("2025-01-31"));
    let k = ws.performance.kpis.get(KpiId(2)).unwrap();
    assert_eq!(
        (k.name.as_str(), k.metric),
        ("成交单数", KpiMetric::DealsWon)
    );
    let r = ws.performance.reviews.get(ReviewId(1)).unwrap();
    assert_eq!((r.completed, r.rating), (Some(day("2026-07-01")), Some(2)));
    assert_eq!(r.scores[1], (KpiId(2), 87));
    let plan = ws
        .performance
        .commission_plans
        .get(CommissionPlanId(1))
        .unwrap();
    assert_eq!(plan.tiers[2].rate_bp, 450);
    let n = ws.performance.notes.get(CoachingNoteId(2)).unwrap();
    assert_eq!((n.kind, n.date), (NoteKind::OneOnOne, day("2026-08-15")));

    let c = ws.customers.customers.get(CustomerId(2)).unwrap();
    assert_eq!(c.name, "深圳恒业机械制造有限公司");
    assert_eq!(c.annual_potential, Money::from_major(2_980_000));
    assert_eq!(c.created, day("2026-02-01"));
    let contact = ws.customers.contacts.get(ContactId(2)).unwrap();
    assert_eq!((contact.name.as_str(), contact.primary), ("何娜", false));
    let i = ws.customers.interactions.get(InteractionId(1)).unwrap();
    assert_eq!(
        (i.kind, i.follow_up),
        (InteractionKind::Call, Some(day("2026-12-01")))
    );
    let f = ws.customers.feedback.get(FeedbackId(2)).unwrap();
    assert_eq!(
        (f.kind, f.status),
        (FeedbackKind::Complaint, FeedbackStatus::InProgress)
    );
    assert_eq!(f.text, "手持终端扫码偶尔失灵。");
    assert_eq!(ws.customers.loyalty.tiers[2].threshold, 200_000);
    let entry = ws.customers.loyalty_ledger.get(LoyaltyEntryId(2)).unwrap();
    assert_eq!((entry.customer, entry.points), (CustomerId(53), 222_000));

    let d = ws.deals.deals.get(DealId(6)).unwrap();
    assert_eq!((d.title.as_str(), d.stage), ("金宇云ERP项目", Stage::Lost));
    assert_eq!(d.amount, Money::from_major(108_000));
    let lost = d.lost.as_ref().unwrap();
    assert_eq!(lost.reason, LostReason::Timing);
    assert_eq!(lost.note, "正值旺季，客户无暇上新系统。");
    assert_eq!(d.history[2].date, day("2026-05-02"));
    let d = ws.deals.deals.get(DealId(400)).unwrap();
    assert_eq!((d.stage, d.probability_override), (Stage::Quote, Some(40)));
    assert_eq!(d.amount, Money::from_major(724_000));
    // Schema 3: every schema-2 source name named a channel or an event, so each became
    // a link to it and no channel was added.
    let text = std::fs::read_to_string(common::fixture_dir("v2").join("deals.ron")).unwrap();
    for deal in ws.deals.deals.iter() {
        let row = format!("(id: {}, ", deal.id);
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(&row))
            .unwrap();
        let name = deal.source.map_or("", |s| ws.source_name(s));
        assert!(line.contains(&format!("source: \"{name}\",")), "{line}");
    }
    assert_eq!(
        ws.customers
            .customers
            .iter()
            .filter(|c| c.source.is_none())
            .count(),
        0
    );

    let research = ws.marketing.research.get(ResearchId(2)).unwrap();
    assert_eq!(research.date, day("2026-09-22"));
    assert_eq!(
        ws.marketing.segments.get(SegmentId(1)).unwrap().name,
        "大型制造企业"
    );
    let ch = ws.marketing.channels.get(ChannelId(2)).unwrap();
    assert_eq!(
        (ch.name.as_str(), ch.kind),
        ("微信公众号", ChannelKind::Online)
    );
    let content = ws.marketing.content.get(ContentId(1)).unwrap();
    assert_eq!(
        (content.kind, content.status),
        (ContentKind::ProductIntro, ContentStatus::Published)
    );
    let mp = ws.marketing.plans.get(MarketingPlanId(2)).unwrap();
    assert_eq!(
        (mp.budget, mp.channels.clone()),
        (Money::from_major(90_000), vec![ChannelId(5), ChannelId(6)])
    );
    let size = ws.marketing.market_sizes.get(MarketSizeId(2)).unwrap();
    assert_eq!(size.size, Money::from_major(773_000_000));

    let p = ws.promotions.promotions.get(PromotionId(2)).unwrap();
    assert_eq!(
        (p.name.as_str(), p.kind),
        ("春季云ERP体验会", PromotionKind::DemoDay)
    );
    assert_eq!(
        (p.start, p.status),
        (day("2026-08-13"), PromotionStatus::Done)
    );
    assert_eq!(p.budget, Money::from_major(120_000));
    assert_eq!(p.staff, [MemberId(1), MemberId(4), MemberId(7)]);

    assert_eq!(
        ws.budget.categories.get(CategoryId(2)).unwrap().name,
        "市场营销"
    );
    assert_eq!(
        ws.budget.lines.get(BudgetLineId(1)).unwrap().planned,
        Money::from_major(1_620_000)
    );
    let e = ws.budget.expenses.get(ExpenseId(13)).unwrap();
    assert_eq!(
        (e.date, e.amount),
        (day("2025-01-01"), Money::from_major(13_484))
    );
    assert_eq!(e.link, Some(SourceRef::Channel(ChannelId(6))));

    let g = ws.me.goals.get(GoalId(1)).unwrap();
    assert_eq!((g.area, g.progress), (GoalArea::Career, 35));
    let l = ws.me.learning.get(LearningId(2)).unwrap();
    assert_eq!(
        (l.kind, l.status, l.hours),
        (LearningKind::Course, Progress::InProgress, 32)
    );
    let task = ws.me.tasks.get(TaskId(1)).unwrap();
    assert_eq!(
        (task.title.as_str(), task.due),
        ("提交本月销售预测", Some(day("2026-12-02")))
    );
    let ci = ws.me.check_ins.get(CheckInId(2)).unwrap();
    assert_eq!((ci.date, ci.stress, ci.energy), (day("2026-09-14"), 1, 5));
}

fn v3_values(ws: &Workspace) {
    assert!(ws.settings.demo);
    assert_eq!(ws.team.setup.team_name, "企业客户销售一部");
    let d = ws.deals.deals.get(DealId(6)).unwrap();
    assert_eq!((d.title.as_str(), d.stage), ("金宇云ERP项目", Stage::Lost));
    assert_eq!(d.source, Some(SourceRef::Promotion(PromotionId(1))));
    assert_eq!(d.amount, Money::from_major(108_000));
    let c = ws.customers.customers.get(CustomerId(2)).unwrap();
    assert_eq!(c.name, "深圳恒业机械制造有限公司");
    assert_eq!(
        (c.source, c.segment),
        (Some(SourceRef::Channel(ChannelId(1))), Some(SegmentId(1)))
    );
    let r = ws.marketing.research.get(ResearchId(3)).unwrap();
    assert_eq!(
        (r.kind, r.competitor.as_str(), r.date),
        (ResearchKind::Competitor, "金蝶云星空", day("2026-10-18"))
    );
    let seg = ws.marketing.segments.get(SegmentId(3)).unwrap();
    assert_eq!(seg.positioning, "两周上线、按需付费，随业务一起长大的ERP。");
    let ch = ws.marketing.channels.get(ChannelId(3)).unwrap();
    assert_eq!(
        (ch.name.as_str(), ch.planned_budget),
        ("行业B2B平台", Money::from_major(90_000))
    );
    let content = ws.marketing.content.get(ContentId(3)).unwrap();
    assert_eq!(
        (content.status, content.owner, content.date),
        (
            ContentStatus::Published,
            Some(MemberId(1)),
            day("2026-09-15")
        )
    );
    let size = ws.marketing.market_sizes.get(MarketSizeId(3)).unwrap();
    assert_eq!(
        (size.segment, size.size),
        (Some(SegmentId(1)), Money::from_major(336_000_000))
    );
    let p = ws.promotions.promotions.get(PromotionId(1)).unwrap();
    assert_eq!(p.name, "华南区销售冠军竞赛");
    let e = ws.budget.expenses.get(ExpenseId(158)).unwrap();
    assert_eq!(
        (e.date, e.link),
        (
            day("2026-02-20"),
            Some(SourceRef::Promotion(PromotionId(1)))
        )
    );
}

/// (collection.table, records, next id) of every table of `ws`.
fn tables(ws: &Workspace) -> Vec<(&'static str, usize, u64)> {
    macro_rules! each {
        ($($file:ident . $table:ident),* $(,)?) => {
            vec![$((
                concat!(stringify!($file), ".", stringify!($table)),
                ws.$file.$table.len(),
                ws.$file.$table.next_id,
            )),*]
        };
    }
    each![
        team.members,
        performance.targets,
        performance.kpis,
        performance.reviews,
        performance.commission_plans,
        performance.notes,
        customers.customers,
        customers.contacts,
        customers.interactions,
        customers.feedback,
        customers.loyalty_ledger,
        deals.deals,
        marketing.research,
        marketing.segments,
        marketing.channels,
        marketing.content,
        marketing.plans,
        marketing.market_sizes,
        promotions.promotions,
        budget.categories,
        budget.lines,
        budget.expenses,
        me.goals,
        me.learning,
        me.tasks,
        me.check_ins,
    ]
}

/// Checks `ws` against everything `g` says it holds.
fn assert_holds(g: &Golden, ws: &Workspace, how: &str) {
    assert_eq!(
        tables(ws),
        g.tables,
        "fixture {}, {how}: records per table",
        g.name
    );
    (g.values)(ws);
}

/// Every `tests/fixtures/v<N>/` folder, by N.
fn fixture_dirs() -> Vec<(u32, String)> {
    let root = common::fixture_dir("");
    let mut dirs: Vec<(u32, String)> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let n = name.strip_prefix('v')?.parse().ok()?;
            Some((n, name))
        })
        .collect();
    dirs.sort();
    dirs
}

/// The fixtures with their expectations, each copied to a fresh temp dir.
fn each_fixture() -> Vec<(&'static Golden, tempfile::TempDir)> {
    fixture_dirs()
        .into_iter()
        .map(|(_, name)| {
            let g = GOLDEN
                .iter()
                .find(|g| g.name == name)
                .unwrap_or_else(|| panic!("tests/fixtures/{name} has no entry in GOLDEN"));
            let tmp = tempfile::tempdir().unwrap();
            common::copy_dir(&common::fixture_dir(&name), tmp.path());
            (g, tmp)
        })
        .collect()
}

/// The migration first copied the fixture's files, byte for byte, into
/// `backups/before-upgrade-v<from>-<stamp>/`.
fn assert_backed_up_before_upgrade(g: &Golden, dir: &std::path::Path, from: u32) {
    let prefix = format!("before-upgrade-v{from}-");
    let backups: Vec<_> = std::fs::read_dir(dir.join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
        })
        .collect();
    assert_eq!(backups.len(), 1, "fixture {}: {backups:?}", g.name);
    let what = format!("fixture {}: the backup before the upgrade", g.name);
    let fixture = common::tree(&common::fixture_dir(g.name));
    common::assert_same_tree(&fixture, &common::tree(&backups[0]), &what);
}

#[test]
fn every_fixture_has_an_entry_and_every_entry_a_fixture() {
    let dirs: Vec<String> = fixture_dirs().into_iter().map(|(_, n)| n).collect();
    let entries: Vec<&str> = GOLDEN.iter().map(|g| g.name).collect();
    assert_eq!(dirs, entries);
    // The newest fixture is the schema this build writes: a bump adds one.
    let newest = fixture_dirs().last().map(|(n, _)| *n);
    assert_eq!(newest, Some(store::SCHEMA_VERSION));
}

#[test]
fn every_fixture_loads_record_for_record() {
    for (g, dir) in each_fixture() {
        let loaded = store::load(dir.path()).unwrap();
        assert!(
            loaded.problems.is_empty(),
            "fixture {}: {:?}",
            g.name,
            loaded.problems
        );
        assert!(!loaded.fresh, "fixture {}", g.name);
        assert_eq!(loaded.migrated_from, g.migrated_from, "fixture {}", g.name);
        assert_holds(g, &loaded.ws, "load");
        if let Some(from) = g.migrated_from {
            assert_backed_up_before_upgrade(g, dir.path(), from);
        }

        // What the first load wrote reads back the same, with nothing left to migrate.
        let again = store::load(dir.path()).unwrap();
        assert!(again.problems.is_empty(), "fixture {}", g.name);
        assert_eq!(again.migrated_from, None, "fixture {}", g.name);
        assert_eq!(again.ws, loaded.ws, "fixture {}", g.name);
    }
}

#[test]
fn check_finds_every_fixture_sound_and_writes_nothing() {
    for (g, dir) in each_fixture() {
        let before = common::tree(dir.path());
        let mut out = Vec::new();
        let code = salesdesk::cli::check::run(dir.path(), &mut out);
        let out = String::from_utf8(out).unwrap();
        assert_eq!(code, 0, "fixture {}: {out}", g.name);
        assert!(
            out.contains("workspace is sound"),
            "fixture {}: {out}",
            g.name
        );
        let what = format!("fixture {}: check", g.name);
        common::assert_same_tree(&before, &common::tree(dir.path()), &what);

        // The records check migrated in memory are the ones the window would load.
        let report = store::check_report(dir.path());
        assert!(report.problems.is_empty(), "fixture {}", g.name);
        assert_holds(g, &report.ws, "check");
        let what = format!("fixture {}: check", g.name);
        common::assert_same_tree(&before, &common::tree(dir.path()), &what);
    }
}

#[test]
fn report_reads_every_fixture_and_writes_nothing() {
    for (g, dir) in each_fixture() {
        let before = common::tree(dir.path());
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = salesdesk::cli::report::run(
            dir.path(),
            day(REPORT_FROM),
            day(REPORT_TO),
            true,
            &mut out,
            &mut err,
        );
        assert_eq!(
            code,
            0,
            "fixture {}: {}",
            g.name,
            String::from_utf8_lossy(&err)
        );
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let won_lost = (
            v["won_count"].as_u64().unwrap(),
            v["lost_count"].as_u64().unwrap(),
        );
        assert_eq!(won_lost, g.report_won_lost, "fixture {}", g.name);
        let what = format!("fixture {}: report", g.name);
        common::assert_same_tree(&before, &common::tree(dir.path()), &what);
    }
}
