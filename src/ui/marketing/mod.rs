//! The Marketing page (营销): channels with their cost and return for any period,
//! market sizes (which feed market share on the Dashboard) and segments, research notes,
//! and the content plan as a list and a month calendar.
//!
//! Every figure comes from `analytics::sources`; every change goes through
//! `Cx::apply`, one undo step per save.

mod channels;
mod content;
mod market;
mod research;

use super::Cx;
use crate::i18n::{Lang, T};
use crate::model::*;
use crate::ui::me::{Editor, form_frame, run_form};
use crate::ui::widgets::form::FormAction;

crate::texts! {
    /// The Marketing page's words.
    pub enum Text {
        TabChannels => "渠道效果", "Channels";
        TabMarket => "市场规模与细分", "Market & segments";
        TabResearch => "市场调研", "Research";
        TabContent => "内容计划", "Content plan";
        Channel => "渠道", "Channel";
        Kind => "类型", "Kind";
        Planned => "计划预算（年）", "Planned budget (year)";
        Cost => "实际成本", "Actual cost";
        Leads => "线索", "Leads";
        Won => "成交", "Won";
        Revenue => "收入", "Revenue";
        CostPerLead => "单条线索成本", "Cost per lead";
        CostPerWon => "单笔成交成本", "Cost per won deal";
        Roi => "投资回报率", "ROI";
        RoiHow => "投资回报率 =（收入 − 成本）÷ 成本；成本来自关联到渠道的支出，线索为期间内新建的商机。", "ROI = (revenue − cost) ÷ cost; cost is the expenses linked to the channel, leads are the deals created in the period.";
        RevenueVsCost => "各渠道收入与成本", "Revenue and cost by channel";
        NewChannel => "新建渠道", "New channel";
        EditChannel => "编辑渠道", "Edit channel";
        ChannelSaved => "已保存渠道", "Channel saved";
        Name => "名称", "Name";
        Notes => "备注", "Notes";
        InUse => "启用", "In use";
        NoChannels => "还没有渠道。", "No channels yet.";
        BestChannel => "收入成本比最高：", "Best return on cost:";
        MarketSizes => "市场规模", "Market sizes";
        NewMarketSize => "录入市场规模", "New market size";
        EditMarketSize => "编辑市场规模", "Edit market size";
        MarketSizeSaved => "已保存市场规模", "Market size saved";
        Segment => "客户细分", "Segment";
        WholeMarket => "整体市场", "Whole market";
        Start => "开始", "Start";
        End => "结束", "End";
        Size => "市场规模（元）", "Market size (¥)";
        Source => "来源", "Source";
        Share => "市场份额", "Market share";
        OwnRevenue => "本方收入", "Own revenue";
        ShareHow => "市场份额 = 本方该细分、该期间的成交收入 ÷ 市场规模。整体市场的规模也用于总览页的市场份额。", "Market share = own revenue won in that segment and period ÷ market size. The whole market's sizes also feed the Dashboard's market share.";
        Segments => "目标客户细分", "Target segments";
        NewSegment => "新建细分", "New segment";
        EditSegment => "编辑细分", "Edit segment";
        SegmentSaved => "已保存细分", "Segment saved";
        Criteria => "划分标准", "Criteria";
        Needs => "主要需求", "Needs";
        Positioning => "定位陈述", "Positioning statement";
        Customers => "客户数", "Customers";
        Search => "搜索", "Search";
        NewResearch => "新建调研记录", "New research note";
        EditResearch => "编辑调研记录", "Edit research note";
        ResearchSaved => "已保存调研记录", "Research note saved";
        Title => "标题", "Title";
        Date => "日期", "Date";
        Findings => "发现", "Findings";
        Competitor => "竞争对手", "Competitor";
        Strengths => "优势", "Strengths";
        Weaknesses => "劣势", "Weaknesses";
        Prices => "价格", "Prices";
        RecentMoves => "近期动向", "Recent moves";
        AllKinds => "全部类型", "All kinds";
        NoResearch => "没有符合条件的调研记录。", "No research note matches.";
        NewContent => "新建内容", "New content item";
        EditContent => "编辑内容", "Edit content item";
        ContentSaved => "已保存内容", "Content item saved";
        Status => "状态", "Status";
        Owner => "负责人", "Owner";
        List => "列表", "List";
        Calendar => "月历", "Calendar";
        NoContent => "这个月没有内容计划。", "Nothing is planned this month.";
        Deleted => "已删除", "Deleted";
        Blocked => "有商机或客户来自这个渠道，不能删除；可取消“启用”使其不再出现在新记录中。", "Deals or customers came from this channel, so it cannot be deleted; untick “In use” to stop offering it.";
    }
    fn {
        channel_count(n) => "{n} 个渠道", "{n} channels";
        weekday(n) => "周{n}", "{n}";
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Channels,
    Market,
    Research,
    Content,
}

#[derive(Default)]
pub struct MarketingPage {
    pub tab: Tab,
    channels: channels::ChannelsState,
    market: market::MarketState,
    research: research::ResearchState,
    content: content::ContentState,
}

impl MarketingPage {
    fn show_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        ui.heading(T::Marketing.get(lang));
        ui.horizontal(|ui| {
            for (tab, text) in [
                (Tab::Channels, Text::TabChannels),
                (Tab::Market, Text::TabMarket),
                (Tab::Research, Text::TabResearch),
                (Tab::Content, Text::TabContent),
            ] {
                ui.selectable_value(&mut self.tab, tab, text.get(lang));
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt(("marketing_tab", self.tab as u8))
            .auto_shrink([false, false])
            .show(ui, |ui| match self.tab {
                Tab::Channels => self.channels.show(ui, cx),
                Tab::Market => self.market.show(ui, cx),
                Tab::Research => self.research.show(ui, cx),
                Tab::Content => self.content.show(ui, cx),
            });
    }
}

impl crate::ui::PageView for MarketingPage {
    const TITLE: T = T::Marketing;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        self.show_page(ui, cx)
    }
    fn focus(&mut self, route: &crate::ui::Route, ws: &Workspace) -> bool {
        let Some(key) = route.record else {
            return true;
        };
        self.tab = match key {
            RecordKey::Channel(id) => {
                if let Some(c) = ws.marketing.channels.get(id) {
                    self.channels.form = Some(Editor::new(channels::ChannelDraft::of(c)));
                }
                Tab::Channels
            }
            RecordKey::Segment(_) | RecordKey::MarketSize(_) | RecordKey::MarketingPlan(_) => {
                Tab::Market
            }
            RecordKey::Research(_) => Tab::Research,
            RecordKey::Content(_) => Tab::Content,
            _ => return false,
        };
        true
    }
    fn new_record(&mut self, cx: &mut Cx) {
        match self.tab {
            Tab::Channels => self.channels.form = Some(Editor::new(Default::default())),
            Tab::Market => self.market.new_size(cx.today),
            Tab::Research => self.research.form = Some(Editor::new(research::draft(cx.today))),
            Tab::Content => self.content.form = Some(Editor::new(content::draft(cx.today))),
        }
    }
}

/// A form of this page: its frame, then save (through `build`) or close as asked.
fn edit<D>(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    editor: &mut Option<Editor<D>>,
    (id, title, saved): (&str, Text, Text),
    fields: impl FnOnce(&mut egui::Ui, &mut D, &Errors, bool),
    build: impl FnOnce(&D, &Workspace) -> Result<Change, Errors>,
) {
    let lang = cx.lang;
    let Some(ed) = editor else {
        return;
    };
    let errors = ed.errors.clone();
    let fresh = std::mem::take(&mut ed.fresh);
    let d = &mut ed.draft;
    let action = form_frame(ui, id, title.get(lang), &errors, lang, |ui| {
        fields(ui, d, &errors, fresh)
    });
    if action != FormAction::None {
        run_form(editor, action, cx, build, title.get(lang), saved.get(lang));
    }
}

/// A record's own validation problems added to `e`, or the change that stores it.
fn checked(e: Errors, r: Record) -> Result<Change, Errors> {
    crate::ui::me::checked(e, r)
}

/// A heading with a "＋ add" button; true when it was clicked.
fn heading_with_add(ui: &mut egui::Ui, title: &str, add: &str) -> bool {
    crate::ui::me::heading_with_add(ui, title, add)
}

/// Edit / Delete buttons of a row: (edit, delete) clicks.
fn row_buttons(ui: &mut egui::Ui, lang: Lang) -> (bool, bool) {
    crate::ui::me::row_buttons(ui, lang)
}

/// Deletes `key` with what depends on it, as one undo step, and says so; a record that
/// others must keep pointing at is refused with `blocked`.
fn delete(cx: &mut Cx, key: RecordKey, what: &str, blocked: Text) {
    let lang = cx.lang;
    if cx.doc.ws().blockers(key) > 0 {
        cx.toasts.error(blocked.get(lang));
        return;
    }
    let change = cx.doc.delete_with_dependents(key);
    let label = format!("{} {what}", T::Delete.get(lang));
    let _ = cx.apply_and_report(change, label, Text::Deleted.get(lang));
}
