//! 资源分配: per rep, the accounts owned, open deals and weighted pipeline, this quarter's
//! remaining target and pipeline coverage, and load against capacity, with over- and
//! under-loaded reps flagged.

use crate::analytics::{RepTarget, rep_targets};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::money;
use crate::ui::widgets::period::{self, PeriodKind, period_of};
use chrono::NaiveDate;
use std::collections::HashMap;

crate::texts! {
    pub enum Text {
        Title => "资源分配", "Resource allocation";
        Member => "成员", "Member";
        Accounts => "负责客户", "Accounts";
        OpenDeals => "在谈商机", "Open deals";
        Weighted => "加权在谈金额", "Weighted pipeline";
        Remaining => "剩余目标", "Remaining target";
        Coverage => "覆盖率", "Coverage";
        Load => "负载 / 容量", "Load / capacity";
        Flag => "提示", "Flag";
        Over => "超负荷", "Over-loaded";
        Under => "负荷不足", "Under-loaded";
        TargetMet => "已达成", "Target met";
        NoTarget => "未设目标", "No target";
        Rule => "超负荷：在谈商机多于容量；负荷不足：少于容量的一半（售前与销售支持不计）。覆盖率 = 加权在谈金额 ÷ 剩余目标。", "Over-loaded: more open deals than capacity; under-loaded: fewer than half of it (pre-sales and support aside). Coverage = weighted pipeline ÷ remaining target.";
    }
    fn {
        times(x) => "{x} 倍", "{x}×";
    }
}

/// How loaded a rep is against capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadFlag {
    Over,
    Under,
    Fine,
}

/// Over when open deals pass capacity, under when below half of it (a capacity of 0
/// means the member takes no deals: any deal is over).
pub fn load_flag(open: u64, capacity: u32) -> LoadFlag {
    if open > capacity as u64 {
        LoadFlag::Over
    } else if capacity > 0 && open * 2 < capacity as u64 {
        LoadFlag::Under
    } else {
        LoadFlag::Fine
    }
}

struct Rows {
    key: (u64, NaiveDate),
    rows: Vec<(MemberId, usize, RepTarget)>,
}

#[derive(Default)]
pub struct AllocationView {
    cache: Option<Rows>,
}

impl AllocationView {
    /// Draws the table; the member whose name was clicked.
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &Cx) -> Option<MemberId> {
        let lang = cx.lang;
        let ws = cx.doc.ws();
        let quarter = period_of(PeriodKind::Quarter, cx.today);
        let key = (cx.doc.revision(), cx.today);
        if self.cache.as_ref().is_none_or(|c| c.key != key) {
            let mut accounts: HashMap<MemberId, usize> = HashMap::new();
            for c in ws.customers.customers.iter() {
                if let Some(o) = c.owner {
                    *accounts.entry(o).or_default() += 1;
                }
            }
            let mut rows: Vec<(MemberId, usize, RepTarget)> = rep_targets(ws, quarter, cx.today)
                .into_iter()
                .filter_map(|r| {
                    let m = ws.team.members.get(r.member?)?;
                    let n = accounts.get(&m.id).copied().unwrap_or(0);
                    (m.active || n > 0 || r.open_deals > 0).then_some((m.id, n, r))
                })
                .collect();
            rows.sort_by_cached_key(|(id, _, _)| crate::hanzi::order_key(ws.member_name(*id)));
            self.cache = Some(Rows { key, rows });
        }
        let rows = &self.cache.as_ref()?.rows;
        ui.weak(format!(
            "{} · {}",
            period::label(lang, quarter),
            Text::Rule.get(lang)
        ));
        let mut clicked = None;
        egui::ScrollArea::both()
            .id_salt("team_allocation")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("allocation")
                    .num_columns(8)
                    .striped(true)
                    .spacing([14.0, 4.0])
                    .show(ui, |ui| {
                        for h in [
                            Text::Member,
                            Text::Accounts,
                            Text::OpenDeals,
                            Text::Weighted,
                            Text::Remaining,
                            Text::Coverage,
                            Text::Load,
                            Text::Flag,
                        ] {
                            ui.strong(h.get(lang));
                        }
                        ui.end_row();
                        for (id, accounts, r) in rows {
                            let Some(m) = ws.team.members.get(*id) else {
                                continue;
                            };
                            if ui.link(&m.name).clicked() {
                                clicked = Some(*id);
                            }
                            ui.label(accounts.to_string());
                            ui.label(r.open_deals.to_string());
                            ui.label(money(r.weighted_pipeline));
                            ui.label(match r.remaining {
                                Some(x) if x.0 <= 0 => Text::TargetMet.get(lang).to_owned(),
                                Some(x) => money(x),
                                None => Text::NoTarget.get(lang).to_owned(),
                            });
                            ui.label(if r.target_met() {
                                Text::TargetMet.get(lang).to_owned()
                            } else {
                                r.coverage
                                    .map(|c| Text::times(lang, format!("{c:.2}")))
                                    .unwrap_or_default()
                            });
                            ui.label(format!("{} / {}", r.open_deals, m.capacity));
                            // Pre-sales and support carry no deals of their own.
                            let flag = match load_flag(r.open_deals, m.capacity) {
                                LoadFlag::Under if !m.role.carries_quota() => LoadFlag::Fine,
                                f => f,
                            };
                            match flag {
                                LoadFlag::Over => {
                                    ui.colored_label(
                                        ui.visuals().error_fg_color,
                                        format!("▲ {}", Text::Over.get(lang)),
                                    );
                                }
                                LoadFlag::Under => {
                                    ui.colored_label(
                                        ui.visuals().warn_fg_color,
                                        format!("▼ {}", Text::Under.get(lang)),
                                    );
                                }
                                LoadFlag::Fine => {
                                    ui.label("");
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
        clicked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_flags_mark_over_capacity_and_under_half_of_it() {
        assert_eq!(load_flag(11, 10), LoadFlag::Over);
        assert_eq!(load_flag(10, 10), LoadFlag::Fine);
        assert_eq!(load_flag(5, 10), LoadFlag::Fine);
        assert_eq!(load_flag(4, 10), LoadFlag::Under);
        assert_eq!(load_flag(1, 0), LoadFlag::Over);
        assert_eq!(load_flag(0, 0), LoadFlag::Fine);
    }
}
