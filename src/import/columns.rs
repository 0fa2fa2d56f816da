//! The columns an import file may have, found by header in English or Chinese.

use super::RowError;

/// One known column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Col {
    Id,
    Deal,
    Customer,
    Owner,
    Region,
    Product,
    Source,
    Amount,
    Created,
    Needs,
    Quote,
    Contract,
    Won,
    Lost,
    LostReason,
    ExpectedClose,
    Probability,
}

impl Col {
    pub const ALL: [Col; 17] = [
        Col::Id,
        Col::Deal,
        Col::Customer,
        Col::Owner,
        Col::Region,
        Col::Product,
        Col::Source,
        Col::Amount,
        Col::Created,
        Col::Needs,
        Col::Quote,
        Col::Contract,
        Col::Won,
        Col::Lost,
        Col::LostReason,
        Col::ExpectedClose,
        Col::Probability,
    ];
    pub const REQUIRED: [Col; 5] = [
        Col::Deal,
        Col::Customer,
        Col::Owner,
        Col::Amount,
        Col::Created,
    ];

    /// The English header (also the name used in messages when the column is missing).
    pub fn english(self) -> &'static str {
        match self {
            Col::Id => "id",
            Col::Deal => "deal",
            Col::Customer => "customer",
            Col::Owner => "owner",
            Col::Region => "region",
            Col::Product => "product",
            Col::Source => "source",
            Col::Amount => "amount",
            Col::Created => "created",
            Col::Needs => "needs",
            Col::Quote => "quote",
            Col::Contract => "contract",
            Col::Won => "won",
            Col::Lost => "lost",
            Col::LostReason => "lost_reason",
            Col::ExpectedClose => "expected_close",
            Col::Probability => "probability",
        }
    }

    /// The Chinese header, as the sales process names the stages.
    pub fn chinese(self) -> &'static str {
        match self {
            Col::Id => "编号",
            Col::Deal => "商机",
            Col::Customer => "客户",
            Col::Owner => "负责人",
            Col::Region => "区域",
            Col::Product => "产品",
            Col::Source => "来源",
            Col::Amount => "金额",
            Col::Created => "创建日期",
            Col::Needs => "需求分析",
            Col::Quote => "报价谈判",
            Col::Contract => "合同签订",
            Col::Won => "成交",
            Col::Lost => "流失",
            Col::LostReason => "流失原因",
            Col::ExpectedClose => "预计成交",
            Col::Probability => "概率",
        }
    }

    /// The column a header names: English in any case, with spaces or hyphens for the
    /// underscores ("Lost reason", "expected-close"), or Chinese.
    pub fn from_header(header: &str) -> Option<Col> {
        let h = header.trim().trim_start_matches('\u{feff}').trim();
        let english: String = h
            .chars()
            .map(|c| {
                if c == ' ' || c == '-' {
                    '_'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        Col::ALL
            .into_iter()
            .find(|c| c.english() == english || c.chinese() == h)
    }
}

/// Where each known column is in the file, and the headers that were not recognised.
#[derive(Debug, Clone)]
pub struct Columns {
    index: [Option<usize>; 17],
    /// Each known column's header as written in the file (for messages).
    header: [String; 17],
    /// Headers of columns the import does not know; they are left out, not refused, so
    /// an export with extra columns (备注 …) still imports.
    pub ignored: Vec<String>,
}

impl Columns {
    /// Maps the header row. Refuses a file that lacks a required column or names a
    /// column twice (which of the two would count?).
    pub fn from_header<'a>(
        cells: impl IntoIterator<Item = &'a str>,
    ) -> Result<Columns, Vec<RowError>> {
        let mut cols = Columns {
            index: [None; 17],
            header: Default::default(),
            ignored: Vec::new(),
        };
        let mut errors = Vec::new();
        for (i, cell) in cells.into_iter().enumerate() {
            match Col::from_header(cell) {
                Some(c) => {
                    let k = c as usize;
                    if cols.index[k].is_some() {
                        errors.push(RowError::new(1, cell.trim(), "this column appears twice"));
                    } else {
                        cols.index[k] = Some(i);
                        cols.header[k] = cell.trim().trim_start_matches('\u{feff}').to_string();
                    }
                }
                None if cell.trim().is_empty() => {}
                None => cols.ignored.push(cell.trim().to_string()),
            }
        }
        for c in Col::REQUIRED {
            if !cols.has(c) {
                errors.push(RowError::new(
                    1,
                    format!("{} ({})", c.english(), c.chinese()),
                    "this required column is missing from the header",
                ));
            }
        }
        if errors.is_empty() {
            Ok(cols)
        } else {
            Err(errors)
        }
    }

    pub fn has(&self, c: Col) -> bool {
        self.index[c as usize].is_some()
    }

    pub fn index(&self, c: Col) -> Option<usize> {
        self.index[c as usize]
    }

    /// The header of `c` as the file writes it, else its English name.
    pub fn name(&self, c: Col) -> String {
        let h = &self.header[c as usize];
        if h.is_empty() {
            c.english().to_string()
        } else {
            h.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_in_both_languages() {
        assert_eq!(Col::from_header(" Lost Reason "), Some(Col::LostReason));
        assert_eq!(Col::from_header("expected-close"), Some(Col::ExpectedClose));
        assert_eq!(Col::from_header("\u{feff}id"), Some(Col::Id));
        assert_eq!(Col::from_header("合同签订"), Some(Col::Contract));
        assert_eq!(Col::from_header("备注"), None);
    }

    #[test]
    fn missing_and_duplicate_columns_are_refused() {
        let e = Columns::from_header(["deal", "商机", "customer", "amount"]).unwrap_err();
        let msgs: Vec<String> = e.iter().map(|e| e.column.clone()).collect();
        assert_eq!(msgs, ["商机", "owner (负责人)", "created (创建日期)"]);
        let c = Columns::from_header(["商机", "客户", "负责人", "金额", "创建日期", "备注", ""])
            .unwrap();
        assert_eq!(c.ignored, ["备注"]);
        assert_eq!(c.name(Col::Amount), "金额");
        assert_eq!(c.name(Col::Won), "won");
    }
}
