//! One data row of an import file, checked cell by cell into what a deal needs.

use super::RowError;
use super::columns::{Col, Columns};
use crate::model::{
    LostInfo, LostReason, Money, Problem, Stage, StageEntry, parse_date, parse_int, parse_money,
    parse_optional_date,
};
use chrono::NaiveDate;

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

/// Reads the cells of one record by column.
struct Cells<'a> {
    cols: &'a Columns,
    cells: &'a [&'a str],
    line: u64,
    errors: Vec<RowError>,
}

impl<'a> Cells<'a> {
    /// The trimmed cell, "" when the row is short; None when the file has no such column.
    fn get(&self, c: Col) -> Option<&'a str> {
        self.cols
            .index(c)
            .map(|i| self.cells.get(i).map(|s| s.trim()).unwrap_or(""))
    }
    fn text(&self, c: Col) -> String {
        self.get(c).unwrap_or("").to_string()
    }
    fn fail(&mut self, c: Col, reason: impl Into<String>) {
        self.errors
            .push(RowError::new(self.line, self.cols.name(c), reason));
    }
    fn required(&mut self, c: Col) -> String {
        let t = self.text(c);
        if t.is_empty() {
            self.fail(c, Problem::Required.english());
        }
        t
    }
    fn date(&mut self, c: Col) -> Option<NaiveDate> {
        match parse_optional_date(self.get(c).unwrap_or("")) {
            Ok(d) => d,
            Err(p) => {
                self.fail(c, p.english());
                None
            }
        }
    }
}

/// Checks one record. Every problem found is added to `errors` (several per row when
/// several cells are wrong); the row is returned only when it has none.
pub fn parse_row(
    cols: &Columns,
    cells: &[&str],
    line: u64,
    errors: &mut Vec<RowError>,
) -> Option<Row> {
    let mut c = Cells {
        cols,
        cells,
        line,
        errors: Vec::new(),
    };
    let title = c.required(Col::Deal);
    let customer = c.required(Col::Customer);
    let owner = c.required(Col::Owner);
    let amount = match parse_money(c.get(Col::Amount).unwrap_or("")) {
        Ok(m) => Some(m),
        Err(p) => {
            c.fail(Col::Amount, p.english());
            None
        }
    };
    let created = match parse_date(c.get(Col::Created).unwrap_or("")) {
        Ok(d) => Some(d),
        Err(p) => {
            c.fail(Col::Created, p.english());
            None
        }
    };
    let needs = c.date(Col::Needs);
    let quote = c.date(Col::Quote);
    let contract = c.date(Col::Contract);
    let won = c.date(Col::Won);
    let lost_on = c.date(Col::Lost);
    if won.is_some() && lost_on.is_some() {
        let other = cols.name(Col::Won);
        c.fail(
            Col::Lost,
            format!("cannot be set together with {other}: a deal is either won or lost"),
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
                c.fail(Col::Probability, p.english());
                None
            }
        }
    });
    let expected_close = cols
        .has(Col::ExpectedClose)
        .then(|| c.date(Col::ExpectedClose));

    // Stage dates must not go back in time: created ≤ needs ≤ quote ≤ contract ≤ close.
    let mut history = Vec::new();
    if let Some(created) = created {
        history.push(StageEntry {
            stage: Stage::Lead,
            date: created,
        });
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
                let before = cols.name(last.0);
                c.fail(col, format!("is before {before} ({})", last.1));
            }
            history.push(StageEntry { stage, date });
            last = (col, last.1.max(date));
        }
    }
    let lost = lost_on.map(|_| lost_info(c.get(Col::LostReason).unwrap_or("")));
    let external_id = c.get(Col::Id).filter(|s| !s.is_empty()).map(str::to_string);

    let optional = |col: Col| c.get(col).map(str::to_string);
    let (region, product, source) = (
        optional(Col::Region),
        optional(Col::Product),
        optional(Col::Source),
    );
    if !c.errors.is_empty() {
        errors.append(&mut c.errors);
        return None;
    }
    Some(Row {
        line,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(h: &[&str]) -> Columns {
        Columns::from_header(h.iter().copied()).unwrap()
    }

    const H: [&str; 10] = [
        "deal",
        "customer",
        "owner",
        "amount",
        "created",
        "quote",
        "won",
        "lost",
        "lost_reason",
        "probability",
    ];

    #[test]
    fn a_good_row_builds_its_history() {
        let mut e = Vec::new();
        let r = parse_row(
            &cols(&H),
            &[
                "ERP",
                "甲",
                "Li",
                "1,200.50",
                "2026-01-02",
                "2026/01/10",
                "",
                "2026-02-01",
                "价格",
                "40%",
            ],
            2,
            &mut e,
        )
        .unwrap();
        assert!(e.is_empty());
        assert_eq!(r.amount, Money(120_050));
        let stages: Vec<Stage> = r.history.iter().map(|h| h.stage).collect();
        assert_eq!(stages, [Stage::Lead, Stage::Quote, Stage::Lost]);
        assert_eq!(r.lost.unwrap().reason, LostReason::Price);
        assert_eq!(r.probability, Some(Some(40)));
        assert_eq!(r.region, None);
        assert_eq!(r.expected_close, None);
    }

    #[test]
    fn every_bad_cell_is_reported() {
        let mut e = Vec::new();
        let row = [
            "",
            "甲",
            "Li",
            "-5",
            "2026-01-10",
            "2026-01-01",
            "2026-02-30",
            "2026-03-01",
            "",
            "101",
        ];
        assert!(parse_row(&cols(&H), &row, 7, &mut e).is_none());
        let got: Vec<(u64, &str)> = e.iter().map(|e| (e.line, e.column.as_str())).collect();
        assert_eq!(
            got,
            [
                (7, "deal"),
                (7, "amount"),
                (7, "won"),
                (7, "probability"),
                (7, "quote")
            ]
        );
        assert!(e[1].reason.contains("negative"));
        assert!(e[4].reason.contains("before created"));
        let mut e = Vec::new();
        let row = [
            "x",
            "甲",
            "Li",
            "abc",
            "2026-01-10",
            "",
            "2026-02-01",
            "2026-03-01",
            "",
            "",
        ];
        assert!(parse_row(&cols(&H), &row, 3, &mut e).is_none());
        assert!(e[0].reason.contains("not a number"));
        assert!(e[1].reason.contains("together with won"));
    }

    #[test]
    fn lost_reasons_in_any_language() {
        assert_eq!(lost_info("no_budget").reason, LostReason::NoBudget);
        assert_eq!(lost_info("No Decision").reason, LostReason::NoDecision);
        assert_eq!(lost_info("竞争对手").reason, LostReason::Competitor);
        let o = lost_info("老板换了");
        assert_eq!((o.reason, o.note.as_str()), (LostReason::Other, "老板换了"));
        assert_eq!(lost_info("").note, "");
    }
}
