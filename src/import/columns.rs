//! The columns an import file may have, found by header in English or Chinese or as
//! other CRMs' exports name them, and the kinds of file they make up.

use super::{RowError, Why};
use std::collections::BTreeMap;

/// What a file holds, recognised by its header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Deals,
    Targets,
    Expenses,
    Customers,
}

impl Kind {
    /// In the order a header is tried: a deals file has a customer column too, so
    /// customers come last.
    pub const ALL: [Kind; 4] = [Kind::Deals, Kind::Targets, Kind::Expenses, Kind::Customers];

    pub fn english(self) -> &'static str {
        match self {
            Kind::Deals => "deals",
            Kind::Targets => "targets",
            Kind::Expenses => "expenses",
            Kind::Customers => "customers",
        }
    }
    pub fn chinese(self) -> &'static str {
        match self {
            Kind::Deals => "商机",
            Kind::Targets => "销售目标",
            Kind::Expenses => "费用",
            Kind::Customers => "客户",
        }
    }

    /// The columns a file of this kind may have.
    pub fn columns(self) -> &'static [Col] {
        use Col::*;
        match self {
            Kind::Deals => &[
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
                Stage,
            ],
            Kind::Targets => &[Owner, From, To, Target, Stretch, Challenge],
            Kind::Expenses => &[Date, Category, Amount, Payee, Notes],
            Kind::Customers => &[
                Customer, Industry, Region, Owner, Phone, Email, Address, Source, Created,
                Potential, Notes,
            ],
        }
    }

    pub fn required(self) -> &'static [Col] {
        use Col::*;
        match self {
            Kind::Deals => &[Deal, Customer, Owner, Amount, Created],
            Kind::Targets => &[From, To, Target],
            Kind::Expenses => &[Date, Category, Amount],
            Kind::Customers => &[Customer],
        }
    }

    /// The column only this kind has: a header with it means this kind, even when
    /// other columns are missing (a deals file without `created` is an incomplete deals
    /// file, not a customers file).
    fn marker(self) -> Col {
        match self {
            Kind::Deals => Col::Deal,
            Kind::Targets => Col::Target,
            Kind::Expenses => Col::Category,
            Kind::Customers => Col::Customer,
        }
    }

    /// The kind the mapped columns mean: the first whose marker column they hold.
    pub fn intended(mapped: &[Option<Col>]) -> Kind {
        Kind::ALL
            .into_iter()
            .find(|k| mapped.contains(&Some(k.marker())))
            .unwrap_or(Kind::Deals)
    }

    /// The kind the mapped columns make up: the intended one, when its required
    /// columns are all there.
    pub fn recognise(mapped: &[Option<Col>]) -> Option<Kind> {
        let k = Kind::intended(mapped);
        k.required()
            .iter()
            .all(|c| mapped.contains(&Some(*c)))
            .then_some(k)
    }
}

/// One known column. The same column (owner, amount …) serves several kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
    Stage,
    From,
    To,
    Target,
    Stretch,
    Challenge,
    Industry,
    Phone,
    Email,
    Address,
    Potential,
    Notes,
    Date,
    Category,
    Payee,
}

const N: usize = Col::ALL.len();

/// (column, English header, Chinese header, other names: other CRMs' exports and
/// common variants, written as [`normalize`] leaves them).
type Spec = (Col, &'static str, &'static str, &'static [&'static str]);
const SPECS: [Spec; 32] = [
    (
        Col::Id,
        "id",
        "编号",
        &["record_id", "deal_id", "opportunity_id"],
    ),
    (
        Col::Deal,
        "deal",
        "商机",
        &[
            "title",
            "deal_title",
            "deal_name",
            "opportunity_name",
            "opportunity",
            "商机名称",
        ],
    ),
    (
        Col::Customer,
        "customer",
        "客户",
        &[
            "organization",
            "organisation",
            "organization_name",
            "company",
            "company_name",
            "associated_company",
            "associated_company_primary",
            "account_name",
            "customer_name",
            "客户名称",
            "公司名称",
        ],
    ),
    (
        Col::Owner,
        "owner",
        "负责人",
        &[
            "deal_owner",
            "opportunity_owner",
            "contact_owner",
            "company_owner",
            "sales_rep",
            "销售",
        ],
    ),
    (Col::Region, "region", "区域", &["地区"]),
    (Col::Product, "product", "产品", &["product_line", "产品线"]),
    (
        Col::Source,
        "source",
        "来源",
        &["lead_source", "deal_source", "original_source"],
    ),
    (
        Col::Amount,
        "amount",
        "金额",
        &["value", "deal_value", "deal_amount"],
    ),
    (
        Col::Created,
        "created",
        "创建日期",
        &[
            "create_date",
            "created_date",
            "deal_created",
            "created_at",
            "add_time",
            "创建时间",
        ],
    ),
    (Col::Needs, "needs", "需求分析", &[]),
    (Col::Quote, "quote", "报价谈判", &[]),
    (Col::Contract, "contract", "合同签订", &[]),
    (
        Col::Won,
        "won",
        "成交",
        &["won_time", "won_date", "成交日期"],
    ),
    (
        Col::Lost,
        "lost",
        "流失",
        &["lost_time", "lost_date", "流失日期"],
    ),
    (
        Col::LostReason,
        "lost_reason",
        "流失原因",
        &["closed_lost_reason", "loss_reason"],
    ),
    (
        Col::ExpectedClose,
        "expected_close",
        "预计成交",
        &[
            "close_date",
            "expected_close_date",
            "closedate",
            "预计成交日期",
        ],
    ),
    (
        Col::Probability,
        "probability",
        "概率",
        &["deal_probability", "win_probability", "赢单概率"],
    ),
    (
        Col::Stage,
        "stage",
        "阶段",
        &["deal_stage", "dealstage", "销售阶段"],
    ),
    (Col::From, "from", "开始", &["start", "开始日期"]),
    (Col::To, "to", "结束", &["end", "结束日期"]),
    (Col::Target, "target", "目标", &["目标金额"]),
    (Col::Stretch, "stretch", "冲刺", &["冲刺目标"]),
    (Col::Challenge, "challenge", "挑战", &["挑战目标"]),
    (Col::Industry, "industry", "行业", &[]),
    (Col::Phone, "phone", "电话", &["phone_number", "手机"]),
    (
        Col::Email,
        "email",
        "邮箱",
        &["email_address", "e_mail", "电子邮件"],
    ),
    (Col::Address, "address", "地址", &["street_address"]),
    (
        Col::Potential,
        "annual_potential",
        "年采购潜力",
        &["potential", "annual_revenue"],
    ),
    (
        Col::Notes,
        "notes",
        "备注",
        &["note", "description", "说明"],
    ),
    (Col::Date, "date", "日期", &["expense_date", "费用日期"]),
    (Col::Category, "category", "类别", &["费用类别", "科目"]),
    (
        Col::Payee,
        "payee",
        "收款方",
        &["vendor", "supplier", "供应商"],
    ),
];

impl Col {
    pub const ALL: [Col; 32] = {
        let mut all = [Col::Id; 32];
        let mut i = 0;
        while i < 32 {
            all[i] = SPECS[i].0;
            i += 1;
        }
        all
    };

    fn spec(self) -> &'static Spec {
        &SPECS[self as usize]
    }

    /// The English header (also the key saved mappings use).
    pub fn english(self) -> &'static str {
        self.spec().1
    }

    pub fn chinese(self) -> &'static str {
        self.spec().2
    }

    pub fn from_key(key: &str) -> Option<Col> {
        Col::ALL.into_iter().find(|c| c.english() == key)
    }

    /// The column a header names: English in any case, with spaces or hyphens for the
    /// underscores ("Lost reason", "expected-close"), Chinese, or another CRM's name for
    /// it ("Deal - Title", "Close Date", "Associated Company (Primary)").
    pub fn from_header(header: &str) -> Option<Col> {
        let h = normalize(header);
        let find = |h: &str| {
            Col::ALL.into_iter().find(|c| {
                let (_, en, zh, other) = c.spec();
                *en == h || *zh == h || other.contains(&h)
            })
        };
        // Pipedrive writes "Deal - Stage", "Deal - Won time" …
        find(&h).or_else(|| h.strip_prefix("deal_").and_then(find))
    }
}

/// A header as compared: lower case, each run of spaces and punctuation one '_', none at
/// the ends, a byte-order mark dropped ("Probability (%)" → "probability").
pub fn normalize(header: &str) -> String {
    let mut out = String::new();
    for c in header.trim_start_matches('\u{feff}').chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// The column each header cell names: a mapping saved in the workspace's settings
/// first (normalized header → column key), else the known names.
pub fn guess(header: &[String], saved: &BTreeMap<String, String>) -> Vec<Option<Col>> {
    header
        .iter()
        .map(|h| match saved.get(&normalize(h)) {
            Some(key) if key.is_empty() => None,
            Some(key) => Col::from_key(key).or_else(|| Col::from_header(h)),
            None => Col::from_header(h),
        })
        .collect()
}

/// Where each column of a kind is in the file, and the headers left out.
#[derive(Debug, Clone)]
pub struct Columns {
    pub kind: Kind,
    index: [Option<usize>; N],
    /// Each column's header as written in the file (for messages).
    header: [String; N],
    /// Headers the import leaves out, not refused, so an export with extra columns
    /// (备注 in a deals file …) still imports.
    pub ignored: Vec<String>,
    /// Amounts write a decimal comma (`1.234,50`).
    pub decimal_comma: bool,
}

impl Columns {
    /// The mapping of the header row by its known names (see [`guess`]).
    pub fn from_header<'a>(
        cells: impl IntoIterator<Item = &'a str>,
    ) -> Result<Columns, Vec<RowError>> {
        let header: Vec<String> = cells.into_iter().map(str::to_string).collect();
        let mapped = guess(&header, &BTreeMap::new());
        let kind = Kind::intended(&mapped);
        Columns::new(kind, &header, &mapped, false)
    }

    /// The mapping `mapped` (one entry per header cell) as `kind`. Refuses a file that
    /// lacks a required column or maps a column twice (which of the two would count?).
    pub fn new(
        kind: Kind,
        header: &[String],
        mapped: &[Option<Col>],
        decimal_comma: bool,
    ) -> Result<Columns, Vec<RowError>> {
        let mut cols = Columns {
            kind,
            index: [None; N],
            header: Default::default(),
            ignored: Vec::new(),
            decimal_comma,
        };
        let mut errors = Vec::new();
        for (i, cell) in header.iter().enumerate() {
            let name = cell.trim().trim_start_matches('\u{feff}').trim();
            match mapped.get(i).copied().flatten() {
                Some(c) if kind.columns().contains(&c) => {
                    let k = c as usize;
                    if cols.index[k].is_some() {
                        let first = &cols.header[k];
                        errors.push(RowError::new(
                            1,
                            name,
                            Why::ColumnTwice {
                                first: first.clone(),
                            },
                        ));
                    } else {
                        cols.index[k] = Some(i);
                        cols.header[k] = name.to_string();
                    }
                }
                _ if name.is_empty() => {}
                _ => cols.ignored.push(name.to_string()),
            }
        }
        for c in kind.required() {
            if !cols.has(*c) {
                errors.push(RowError::new(
                    1,
                    format!("{} ({})", c.english(), c.chinese()),
                    Why::RequiredColumnMissing { kind },
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

    fn strings(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_match_in_both_languages() {
        assert_eq!(Col::from_header(" Lost Reason "), Some(Col::LostReason));
        assert_eq!(Col::from_header("expected-close"), Some(Col::ExpectedClose));
        assert_eq!(Col::from_header("\u{feff}id"), Some(Col::Id));
        assert_eq!(Col::from_header("合同签订"), Some(Col::Contract));
        assert_eq!(Col::from_header("Probability (%)"), Some(Col::Probability));
        assert_eq!(Col::from_header("Deal - Won time"), Some(Col::Won));
        assert_eq!(Col::from_header("其他"), None);
        for c in Col::ALL {
            assert_eq!(Col::from_header(c.english()), Some(c));
            assert_eq!(Col::from_header(c.chinese()), Some(c));
            assert_eq!(Col::from_key(c.english()), Some(c));
        }
    }

    #[test]
    fn missing_and_duplicate_columns_are_refused() {
        let e = Columns::from_header(["deal", "商机", "customer", "amount"]).unwrap_err();
        let msgs: Vec<String> = e.iter().map(|e| e.column.clone()).collect();
        assert_eq!(msgs, ["商机", "owner (负责人)", "created (创建日期)"]);
        let c = Columns::from_header(["商机", "客户", "负责人", "金额", "创建日期", "备注", ""])
            .unwrap();
        assert_eq!(c.kind, Kind::Deals);
        assert_eq!(c.ignored, ["备注"]);
        assert_eq!(c.name(Col::Amount), "金额");
        assert_eq!(c.name(Col::Won), "won");
    }

    #[test]
    fn kinds_are_recognised_by_their_headers() {
        let kind = |h: &[&str]| Kind::recognise(&guess(&strings(h), &BTreeMap::new()));
        assert_eq!(
            kind(&["负责人", "开始", "结束", "目标", "冲刺"]),
            Some(Kind::Targets)
        );
        assert_eq!(kind(&["date", "category", "amount"]), Some(Kind::Expenses));
        assert_eq!(kind(&["客户", "行业", "电话"]), Some(Kind::Customers));
        assert_eq!(kind(&["备注"]), None);
        // A deals file short of a column is not taken for a customers file.
        assert_eq!(kind(&["deal", "customer", "amount"]), None);
        for (i, c) in Col::ALL.into_iter().enumerate() {
            assert_eq!(c as usize, i, "SPECS is in the order of Col");
        }
    }

    #[test]
    fn a_saved_mapping_wins_over_the_known_names() {
        let saved = BTreeMap::from([
            ("umsatz".to_string(), "amount".to_string()),
            ("region".to_string(), String::new()),
        ]);
        let got = guess(&strings(&["Umsatz", "Region", "owner"]), &saved);
        assert_eq!(got, [Some(Col::Amount), None, Some(Col::Owner)]);
    }
}
