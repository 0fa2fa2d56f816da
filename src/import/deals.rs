//! Deal rows: each checked cell by cell, its customer and owner found by name, then
//! built into a new deal or an update of the deal with the same `id`.

use super::columns::{Col, Columns};
use super::plan::{Ctx, Named, RowCells, data_rows, new_customer};
use super::read::Sheet;
use super::{RowError, Why};
use crate::model::{
    Change, Deal, DealId, LostInfo, LostReason, MemberId, Money, Record, Stage, StageEntry,
    parse_int,
};
use chrono::NaiveDate;
use std::collections::HashMap;

/// A row that passed the cell checks. `Option<…>` fields that are `None` had no column in
/// the file, so an update keeps the deal's current value.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: u64,
    pub external_id: Option<String>,
    pub title: String,
    pub customer: String,
    pub owner: String,
    pub region: Option<String>,
    pub product: Option<String>,
    pub source: Option<String>,
    pub amount: Money,
    /// Created, then each stage entered, then won or lost; dates ascending.
    pub history: Vec<StageEntry>,
    pub lost: Option<LostInfo>,
    pub expected_close: Option<Option<NaiveDate>>,
    pub probability: Option<Option<u8>>,
}

impl Row {
    pub fn created(&self) -> NaiveDate {
        self.history[0].date
    }
    pub fn stage(&self) -> Stage {
        self.history.last().map(|h| h.stage).unwrap_or(Stage::Lead)
    }
}

/// Plans every deal row of `sheet` (header at row `header`) into `ctx`.
pub fn plan(ctx: &mut Ctx, sheet: &Sheet, header: usize, cols: &Columns, s: &mut Counts) {
    let mut deal_ids: HashMap<&str, DealId> = HashMap::new();
    for d in ctx.ws.deals.deals.iter() {
        if let Some(x) = &d.external_id {
            deal_ids.entry(x.trim()).or_insert(d.id);
        }
    }
    // The first line of each external id, to refuse an id used twice in one file.
    let mut seen: HashMap<String, u64> = HashMap::new();
    let rows = data_rows(&sheet.rows, header, &sheet.name, &mut ctx.errors);
    for raw in rows {
        let mut c = RowCells::new(cols, raw, &sheet.name);
        let row = parse_row(&mut c);
        if let Some(id) = row.as_ref().and_then(|r| r.external_id.clone()) {
            if let Some(first) = seen.get(&id) {
                c.fail(
                    Col::Id,
                    Why::IdTwice {
                        id: id.clone(),
                        first: *first,
                    },
                );
            } else {
                seen.insert(id, raw.line);
            }
        }
        let Some(row) = row.filter(|_| c.errors.is_empty()) else {
            c.finish(&mut ctx.errors);
            continue;
        };
        s.rows += 1;
        // None: the file has no source column, and an updated deal keeps its source.
        let source = match row.source.as_deref() {
            Some(text) => match ctx.source(text) {
                Ok(link) => Some(link),
                Err(e) => {
                    c.fail(Col::Source, e);
                    None
                }
            },
            None => None,
        };
        let owner = ctx
            .member(&row.owner)
            .map_err(|e| c.fail(Col::Owner, e))
            .ok();
        let customer = ctx
            .customer(&row.customer, |id| {
                let mut n = new_customer(id, &row.customer, row.created());
                n.region = row.region.clone().unwrap_or_default();
                n.owner = owner;
                n.source = source.flatten();
                n
            })
            .map_err(|e| c.fail(Col::Customer, e))
            .ok();
        if let Some(Named::New(i)) = customer {
            // A new customer is as old as its first deal in the file.
            let n = &mut ctx.new_customers[i];
            n.created = n.created.min(row.created());
        }
        let (Some(owner), Some(customer)) = (owner, customer) else {
            c.finish(&mut ctx.errors);
            continue;
        };
        let customer = ctx.customer_id(customer);
        let existing = row
            .external_id
            .as_deref()
            .and_then(|x| deal_ids.get(x).copied());
        let base = existing.and_then(|id| ctx.ws.deals.deals.get(id));
        let id = existing.unwrap_or(DealId(0));
        let mut deal = deal_from_row(&row, base, id, customer, owner);
        if let Some(link) = source {
            deal.source = link;
        }
        for fe in deal.validate().0 {
            match column_of(fe.field).filter(|c| cols.has(*c)) {
                Some(col) => c.fail(col, fe.problem),
                None => {
                    let e = RowError::new(raw.line, fe.field, fe.problem);
                    c.errors.push(e.in_sheet(&sheet.name));
                }
            }
        }
        if !c.finish(&mut ctx.errors) {
            continue;
        }
        match base {
            Some(old) if *old == deal => {
                s.unchanged += 1;
                continue;
            }
            Some(_) => s.updated += 1,
            None => s.created += 1,
        }
        ctx.changes.push(Change::put(Record::Deal(deal)));
    }
}

/// Deals created, updated and unchanged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// The file column a deal field comes from, for messages.
fn column_of(field: &str) -> Option<Col> {
    Some(match field {
        "title" => Col::Deal,
        "amount" => Col::Amount,
        "product" => Col::Product,
        "region" => Col::Region,
        "source" => Col::Source,
        "probability" => Col::Probability,
        "expected_close" => Col::ExpectedClose,
        "history" => Col::Created,
        "lost_reason" => Col::LostReason,
        _ => return None,
    })
}

/// Checks one row's cells; every problem goes to `c.errors` (several per row when
/// several cells are wrong).
fn parse_row(c: &mut RowCells) -> Option<Row> {
    let title = c.required(Col::Deal);
    let customer = c.required(Col::Customer);
    let owner = c.required(Col::Owner);
    let amount = c.money(Col::Amount);
    let created = c.date(Col::Created);
    let needs = c.optional_date(Col::Needs);
    let quote = c.optional_date(Col::Quote);
    let contract = c.optional_date(Col::Contract);
    let won = c.optional_date(Col::Won);
    let lost_on = c.optional_date(Col::Lost);
    if won.is_some() && lost_on.is_some() {
        let other = c.cols.name(Col::Won);
        c.fail(
            Col::Lost,
            Why::WonAndLost {
                other: other.to_string(),
            },
        );
    }
    let probability = c.get(Col::Probability).map(|t| {
        let t = t.trim_end_matches('%').trim();
        if t.is_empty() {
            return None;
        }
        match parse_int(t, 0, 100) {
            Ok(p) => Some(p as u8),
            Err(p) => {
                c.fail(Col::Probability, p);
                None
            }
        }
    });
    let expected_close = c
        .cols
        .has(Col::ExpectedClose)
        .then(|| c.optional_date(Col::ExpectedClose));
    let stage = match c.get(Col::Stage).filter(|t| !t.is_empty()) {
        None => None,
        Some(t) => match stage_from_text(&t) {
            Some(s) => Some(s),
            None => {
                c.fail(Col::Stage, Why::UnknownStage { text: t.clone() });
                None
            }
        },
    };
    let created = created?;

    // Stage dates must not go back in time: created ≤ needs ≤ quote ≤ contract ≤ close.
    let mut history = vec![StageEntry {
        stage: Stage::Lead,
        date: created,
    }];
    let steps = [
        (Col::Needs, Stage::Needs, needs),
        (Col::Quote, Stage::Quote, quote),
        (Col::Contract, Stage::Contract, contract),
        (Col::Won, Stage::Won, won),
        (
            Col::Lost,
            Stage::Lost,
            if won.is_some() { None } else { lost_on },
        ),
    ];
    let mut last = (Col::Created, created);
    for (col, stage, date) in steps {
        let Some(date) = date else { continue };
        if date < last.1 {
            let before = c.cols.name(last.0);
            c.fail(
                col,
                Why::Before {
                    column: before.to_string(),
                    date: last.1,
                },
            );
        }
        history.push(StageEntry { stage, date });
        last = (col, last.1.max(date));
    }
    let mut lost = lost_on.map(|_| lost_info(&c.text(Col::LostReason)));
    if let Some(stage) = stage {
        // Other CRMs export the current stage, not the day of each: a stage the dates
        // do not reach is entered on the close date (won or lost) or the last date.
        let reached = history.last().map(|h| h.stage).unwrap_or(Stage::Lead);
        let ahead = match (reached, stage) {
            (Stage::Won | Stage::Lost, _) => false,
            (_, Stage::Won | Stage::Lost) => true,
            (r, s) => s.funnel_index() > r.funnel_index(),
        };
        if ahead {
            let date = match stage {
                Stage::Won | Stage::Lost => expected_close.flatten().unwrap_or(last.1),
                _ => last.1,
            }
            .max(last.1);
            history.push(StageEntry { stage, date });
            if stage == Stage::Lost {
                lost = Some(lost_info(&c.text(Col::LostReason)));
            }
        } else if !reached.is_open() && !stage.is_open() && stage != reached {
            let other = c.cols.name(if reached == Stage::Won {
                Col::Won
            } else {
                Col::Lost
            });
            c.fail(
                Col::Stage,
                Why::StageConflict {
                    stage,
                    other: other.to_string(),
                },
            );
        }
    }
    let external_id = c.get(Col::Id).filter(|s| !s.is_empty());
    let (region, product, source) = (c.get(Col::Region), c.get(Col::Product), c.get(Col::Source));
    Some(Row {
        line: c.line(),
        external_id,
        title,
        customer,
        owner,
        region,
        product,
        source,
        amount: amount?,
        history,
        lost,
        expected_close,
        probability,
    })
}

/// A stage by our keys and Chinese names, or by the default stages of Pipedrive,
/// HubSpot and Salesforce.
pub fn stage_from_text(text: &str) -> Option<Stage> {
    let key: String = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    Some(match key.as_str() {
        "lead"
        | "线索"
        | "客户识别"
        | "new"
        | "prospecting"
        | "qualification"
        | "qualified"
        | "appointmentscheduled"
        | "qualifiedtobuy"
        | "leadin" => Stage::Lead,
        "needs"
        | "需求分析"
        | "needsanalysis"
        | "contactmade"
        | "demoscheduled"
        | "presentationscheduled"
        | "valueproposition"
        | "iddecisionmakers"
        | "perceptionanalysis"
        | "decisionmakerboughtin" => Stage::Needs,
        "quote"
        | "报价谈判"
        | "报价"
        | "proposalmade"
        | "proposal"
        | "proposalpricequote"
        | "negotiationreview"
        | "negotiationsstarted" => Stage::Quote,
        "contract" | "合同签订" | "contractsent" => Stage::Contract,
        "won" | "成交" | "赢单" | "客户管理" | "closedwon" => Stage::Won,
        "lost" | "流失" | "输单" | "closedlost" => Stage::Lost,
        _ => return None,
    })
}

/// The deal a row describes: a new one, or `base` updated with the row's values.
fn deal_from_row(
    r: &Row,
    base: Option<&Deal>,
    id: DealId,
    customer: crate::model::CustomerId,
    owner: MemberId,
) -> Deal {
    let last = r.history.last().map(|h| h.date).unwrap_or(r.created());
    let mut d = match base {
        Some(old) => old.clone(),
        None => Deal {
            id,
            customer,
            owner,
            history: Vec::new(),
            ..Deal::new(Stage::Lead, last)
        },
    };
    d.id = id;
    d.external_id = r.external_id.clone();
    d.title = r.title.clone();
    d.customer = customer;
    d.owner = owner;
    for (field, value) in [(&mut d.region, &r.region), (&mut d.product, &r.product)] {
        if let Some(v) = value {
            field.clone_from(v);
        }
    }
    d.amount = r.amount;
    d.history = r.history.clone();
    d.stage = r.stage();
    d.lost = r.lost.clone();
    if let Some(p) = r.probability {
        d.probability_override = p;
    }
    if let Some(close) = r.expected_close {
        // Through the model, so a later date on re-import counts as a slip.
        d.set_expected_close(close);
    }
    d.last_activity = d.last_activity.max(last);
    d
}

/// 流失原因 from a cell: our keys, English words or the Chinese names; anything else is
/// `Other` with the text kept as the note so nothing typed is lost.
pub fn lost_info(text: &str) -> LostInfo {
    let t = text.trim();
    let key: String = t
        .chars()
        .map(|c| {
            if c == ' ' || c == '-' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let reason = LostReason::ALL
        .into_iter()
        .find(|r| r.key() == key)
        .or(match key.as_str() {
            "价格" | "pricing" | "too_expensive" => Some(LostReason::Price),
            "竞争对手" | "competition" | "competitors" => Some(LostReason::Competitor),
            "无预算" | "budget" => Some(LostReason::NoBudget),
            "时机" => Some(LostReason::Timing),
            "未决策" | "no_decision_made" | "undecided" => Some(LostReason::NoDecision),
            "其他" | "其它" => Some(LostReason::Other),
            _ => None,
        });
    match reason {
        Some(reason) => LostInfo {
            reason,
            note: String::new(),
        },
        None => LostInfo {
            reason: LostReason::Other,
            note: t.to_string(),
        },
    }
}
