//! Marketing, closed loop (issue 16): attribution of deals to channels and events, the
//! source migration, the channels' cost and return, market size → market share, and the
//! `import` / `report --json` contracts.

use crate::common;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use salesdesk::analytics::{DealFilter, channel_figures, overview};
use salesdesk::cli::{import, report};
use salesdesk::i18n::Lang;
use salesdesk::model::*;
use salesdesk::ui::Page;
use salesdesk::ui::format::percent;
use std::sync::Arc;

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

const LINK_ZH: &str = "关联";
const LINK_EN: &str = "Linked to";
const AMOUNT_EN: &str = "Amount (¥)";

fn save_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "保存",
        Lang::En => "Save",
    }
}

// ------------------------------------------------------------ market size → share

fn market_share_flow(lang: Lang) {
    let mut ws = demo(120);
    Arc::make_mut(&mut ws.marketing).market_sizes = Table::default();
    let mut h = harness_on(ws, lang, Page::Dashboard);
    let (no_size, tab, add, size) = match lang {
        Lang::Zh => (
            "本期没有市场规模数据",
            "市场规模与细分",
            "＋ 录入市场规模",
            "市场规模（元）",
        ),
        Lang::En => (
            "No market size for this period",
            "Market & segments",
            "＋ New market size",
            "Market size (¥)",
        ),
    };
    h.get_by_label(no_size);
    h.state_mut().page = Page::Marketing;
    h.run();
    h.get_by_label(tab).click();
    h.run();
    h.get_by_label(add).click();
    h.run();
    // The whole market, this year (the form's defaults).
    set_text(&mut h, size, "200000000");
    h.get_by_label(save_label(lang)).click();
    h.run();
    let ws = h.state().doc.ws().clone();
    assert_eq!(ws.marketing.market_sizes.len(), 1, "one market size saved");
    let m = &ws.marketing.market_sizes.rows[0];
    assert_eq!(
        (m.segment, m.size, m.period),
        (None, Money::from_major(200_000_000), Period::year(2026))
    );
    // The Dashboard (this month so far) now shows a share of the prorated market.
    h.state_mut().page = Page::Dashboard;
    h.run();
    assert!(
        h.query_by_label(no_size).is_none(),
        "the market size is known now"
    );
    let o = overview(&ws, Period::month(2026, 11), today(), &DealFilter::ALL);
    assert!(o.now.market_share.is_some());
    h.get_by_label(&percent(o.now.market_share));
}

#[test]
fn entering_a_market_size_shows_market_share_on_the_dashboard_zh() {
    market_share_flow(Lang::Zh);
}

#[test]
fn entering_a_market_size_shows_market_share_on_the_dashboard_en() {
    market_share_flow(Lang::En);
}

// ------------------------------------------------------------ expense → channel ROI

/// The demo plus a channel "测试渠道" that brought one won deal of 50,000 this year.
fn with_test_channel() -> (Workspace, ChannelId) {
    let mut doc = Document::new(demo(120));
    let applied = doc
        .apply(
            Change::put(Record::Channel(Channel::new(
                "测试渠道",
                ChannelKind::Online,
            ))),
            "add",
        )
        .unwrap();
    let RecordKey::Channel(id) = applied.keys[0] else {
        panic!()
    };
    let ws = doc.ws();
    let mut deal = Deal {
        title: "测试商机".into(),
        customer: ws.customers.customers.rows[0].id,
        owner: ws.deals.deals.rows[0].owner,
        amount: Money::from_major(50_000),
        source: Some(SourceRef::Channel(id)),
        ..Deal::new(Stage::Lead, day("2026-03-01"))
    };
    deal.history.push(StageEntry {
        stage: Stage::Won,
        date: day("2026-04-01"),
    });
    deal.stage = Stage::Won;
    deal.last_activity = day("2026-04-01");
    doc.apply(Change::put(Record::Deal(deal)), "add").unwrap();
    (doc.ws().clone(), id)
}

fn expense_roi_flow(lang: Lang) {
    let (ws, id) = with_test_channel();
    let category = ws.budget.categories.rows[0].name.clone();
    let mut h = harness_on(ws, lang, Page::Budget);
    let (new, amount, date, cat, link, linked) = match lang {
        Lang::Zh => (
            "＋ 记录支出",
            "金额（元）",
            "日期",
            "类别",
            LINK_ZH,
            "营销渠道：测试渠道",
        ),
        Lang::En => (
            "＋ New expense",
            AMOUNT_EN,
            "Date",
            "Category",
            LINK_EN,
            "Channel: 测试渠道",
        ),
    };
    h.get_by_label(new).click();
    h.run();
    set_text(&mut h, amount, "10000");
    set_text(&mut h, date, "2026-05-01");
    h.get_by_role_and_label(Role::ComboBox, cat).click();
    h.run();
    h.get_by_role_and_label(Role::Button, &category).click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, link).click();
    h.run();
    h.get_by_role_and_label(Role::Button, linked).click();
    h.run();
    h.get_by_label(save_label(lang)).click();
    h.run();
    let ws = h.state().doc.ws().clone();
    let f = channel_figures(&ws, Period::year(2026));
    let ours = f
        .iter()
        .find(|x| x.source == SourceRef::Channel(id))
        .unwrap();
    assert_eq!(
        ours.cost,
        Money::from_major(10_000),
        "the expense is linked"
    );
    // (50,000 − 10,000) ÷ 10,000
    assert_eq!(ours.roi(), Some(4.0));
    h.state_mut().page = Page::Marketing;
    h.run();
    h.get_by_label("400.0%");
}

#[test]
fn an_expense_linked_to_a_channel_gives_the_channel_its_roi_zh() {
    expense_roi_flow(Lang::Zh);
}

#[test]
fn an_expense_linked_to_a_channel_gives_the_channel_its_roi_en() {
    expense_roi_flow(Lang::En);
}

// ------------------------------------------------------------ migration

#[test]
fn the_v2_fixture_migrates_every_source_name_to_a_link_and_loses_none() {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_dir(&common::fixture_dir("v2"), tmp.path());
    let text = std::fs::read_to_string(tmp.path().join("customers.ron")).unwrap();
    let loaded = salesdesk::store::load(tmp.path()).unwrap();
    assert_eq!(loaded.migrated_from, Some(2));
    let ws = loaded.ws;
    for c in ws.customers.customers.iter() {
        let row = format!("(id: {}, ", c.id);
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(&row))
            .unwrap();
        let name = c.source.map_or("", |s| ws.source_name(s));
        assert!(line.contains(&format!("source: \"{name}\",")), "{line}");
    }
    // The schema-3 files say so, and load again with nothing to migrate.
    let manifest = std::fs::read_to_string(tmp.path().join("manifest.ron")).unwrap();
    assert!(manifest.contains("schema_version: 3"));
    assert_eq!(salesdesk::store::load(tmp.path()).unwrap().ws, ws);
}

// ------------------------------------------------------------ CLI

fn run_import(dir: &std::path::Path, csv: &str) -> String {
    let file = dir.join("deals.csv");
    std::fs::write(&file, csv).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let data = dir.join("data");
    let code = import::run(&data, &file, &mut out, &mut err);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    String::from_utf8(out).unwrap()
}

#[test]
fn import_links_sources_to_channels_and_events_and_report_gives_each_sources_figures() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut ws = demo(40);
    Arc::make_mut(&mut ws.settings).demo = false;
    std::fs::create_dir_all(&data).unwrap();
    salesdesk::store::save(&data, &ws, &FileKind::ALL.into_iter().collect()).unwrap();
    let event = ws.promotions.promotions.rows[0].name.clone();
    let csv = format!(
        "deal,customer,owner,amount,created,won,source\n\
         A,新客户甲,张三,1000,2030-01-05,2030-02-01,微信公众号\n\
         B,新客户甲,张三,2000,2030-01-06,,{event}\n\
         C,新客户乙,张三,3000,2030-01-07,2030-03-01,展会新线索\n\
         D,新客户乙,张三,500,2030-01-08,,展会新线索\n"
    );
    let out = run_import(tmp.path(), &csv);
    assert!(
        out.contains("1 new channel (kind other): 展会新线索"),
        "{out}"
    );
    let ws = salesdesk::store::load(&data).unwrap().ws;
    let source = |title: &str| {
        let d = ws.deals.deals.iter().find(|d| d.title == title).unwrap();
        d.source
            .map(|s| (s.kind_key(), ws.source_name(s).to_string()))
    };
    assert_eq!(source("A"), Some(("channel", "微信公众号".into())));
    assert_eq!(source("B"), Some(("event", event.clone())));
    assert_eq!(source("C"), Some(("channel", "展会新线索".into())));
    let new = ws
        .marketing
        .channels
        .iter()
        .find(|c| c.name == "展会新线索")
        .unwrap();
    assert_eq!(new.kind, ChannelKind::Other);

    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = report::run(
        &data,
        day("2030-01-01"),
        day("2030-12-31"),
        true,
        &mut out,
        &mut err,
    );
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let sources = v["sources"].as_array().unwrap();
    // Only what has deals or cost in 2030: the three sources the file named.
    assert_eq!(sources.len(), 3, "{sources:?}");
    let fair = sources
        .iter()
        .find(|s| s["source"] == "展会新线索")
        .unwrap();
    assert_eq!(fair["kind"], "channel");
    assert_eq!(fair["deals"], 2);
    assert_eq!(fair["won_count"], 1);
    assert_eq!(fair["revenue"], 3000.0);
    assert_eq!(fair["cost"], 0.0);
    assert!(fair["roi"].is_null(), "no cost, no ROI");
    let b = sources
        .iter()
        .find(|s| s["source"] == event.as_str())
        .unwrap();
    assert_eq!(
        (b["kind"].as_str(), b["deals"].as_u64()),
        (Some("event"), Some(1))
    );
}

// ------------------------------------------------------------ the channel chart's legend

/// The channel chart's legend (revenue, cost) sits above the plot, not over its first
/// bar (the largest, as the table sorts by revenue): at 1024 and 1400 wide, both
/// languages.
fn the_channel_legend_is_clear_of_the_bars(lang: Lang) {
    let (revenue, cost) = match lang {
        Lang::Zh => ("收入", "实际成本"),
        Lang::En => ("Revenue", "Actual cost"),
    };
    for width in [1024.0, 1400.0] {
        let ws = demo(120);
        let first = ws.marketing.channels.iter().next().unwrap().name.clone();
        let h = harness_sized(ws, lang, Page::Marketing, egui::vec2(width, 900.0));
        let chart = h
            .get_all_by_role(Role::Image)
            .find(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.contains(&first))
            })
            .expect("the channel chart")
            .rect();
        for name in [revenue, cost] {
            // The table's column heads of the same names are buttons.
            let keys: Vec<egui::Rect> = h
                .get_all_by_label(name)
                .filter(|n| n.accesskit_node().role() != Role::Button)
                .map(|n| n.rect())
                .collect();
            assert!(!keys.is_empty(), "{name} in the legend");
            for key in keys {
                assert!(
                    key.bottom() <= chart.top(),
                    "{name} ({key:?}) above the plot ({chart:?}) at {width}"
                );
            }
        }
    }
}

#[test]
fn the_channel_legend_is_clear_of_the_bars_zh() {
    the_channel_legend_is_clear_of_the_bars(Lang::Zh);
}

#[test]
fn the_channel_legend_is_clear_of_the_bars_en() {
    the_channel_legend_is_clear_of_the_bars(Lang::En);
}
