//! Target rows (销售目标): `owner` 负责人 (empty for the team's target), `from` 开始,
//! `to` 结束, `target` 目标, optional `stretch` 冲刺 and `challenge` 挑战, in yuan. The
//! same owner and period as a target the workspace has updates it.

use super::Why;
use super::columns::{Col, Columns};
use super::plan::{Ctx, RowCells, data_rows};
use super::read::Sheet;
use crate::model::{Change, MemberId, Period, Record, Target, TargetId};
use std::collections::HashMap;

/// Targets created, updated and unchanged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

pub fn plan(ctx: &mut Ctx, sheet: &Sheet, header: usize, cols: &Columns, s: &mut Counts) {
    let existing: HashMap<(Option<MemberId>, Period), TargetId> = ctx
        .ws
        .performance
        .targets
        .iter()
        .map(|t| ((t.member, t.period), t.id))
        .collect();
    // Each owner and period once per import: which row would count?
    let mut seen: HashMap<(Option<MemberId>, Period), u64> = HashMap::new();
    let rows = data_rows(&sheet.rows, header, &sheet.name, &mut ctx.errors);
    for raw in rows {
        let mut c = RowCells::new(cols, raw, &sheet.name);
        s.rows += 1;
        let owner = c.text(Col::Owner);
        let member = if owner.is_empty() {
            Some(None)
        } else {
            match ctx.find_member(&owner) {
                Ok(Some(n)) => Some(Some(ctx.member_id(n))),
                Ok(None) => {
                    c.fail(
                        Col::Owner,
                        Why::NoSuchMember {
                            name: owner.clone(),
                        },
                    );
                    None
                }
                Err(e) => {
                    c.fail(Col::Owner, e);
                    None
                }
            }
        };
        let from = c.date(Col::From);
        let to = c.date(Col::To);
        let amount = c.money(Col::Target);
        let stretch = c.optional_money(Col::Stretch);
        let challenge = c.optional_money(Col::Challenge);
        if let (Some(f), Some(t)) = (from, to)
            && t < f
        {
            let name = cols.name(Col::From);
            c.fail(
                Col::To,
                Why::Before {
                    column: name.to_string(),
                    date: f,
                },
            );
        }
        let (Some(member), Some(from), Some(to), Some(amount), Some(stretch), Some(challenge)) =
            (member, from, to, amount, stretch, challenge)
        else {
            c.finish(&mut ctx.errors);
            continue;
        };
        let period = Period::new(from, to);
        if let Some(first) = seen.get(&(member, period)) {
            c.fail(Col::From, Why::SamePeriod { first: *first });
        }
        seen.entry((member, period)).or_insert(raw.line);
        let id = existing.get(&(member, period)).copied();
        let target = Target {
            id: id.unwrap_or(TargetId(0)),
            member,
            period,
            amount,
            stretch,
            challenge,
        };
        // The period's order is checked above, by its columns' names.
        for fe in target.validate().0.into_iter().filter(|e| e.field != "end") {
            let col = match fe.field {
                "stretch" => Col::Stretch,
                "challenge" => Col::Challenge,
                _ => Col::Target,
            };
            c.fail(col, fe.problem);
        }
        if !c.finish(&mut ctx.errors) {
            continue;
        }
        let old = id.and_then(|id| ctx.ws.performance.targets.get(id));
        match old {
            Some(o) if *o == target => {
                s.unchanged += 1;
                continue;
            }
            Some(_) => s.updated += 1,
            None => s.created += 1,
        }
        ctx.changes.push(Change::put(Record::Target(target)));
    }
}
