//! What is wrong with a file, a row or a cell, as a code with its arguments: the window
//! words it in the UI's language, the command line in English ([`Why::english`], the
//! wording `salesdesk import` has always printed).

use super::Kind;
use crate::i18n::{Label, Lang};
use crate::model::{Problem, Stage};
use chrono::NaiveDate;

/// One problem's reason. Column names and cell texts are the file's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// A rule of the model (required, negative, too long…).
    Rule(Problem),
    /// A rule of the model on a field the file has no column for (a backstop).
    FieldRule {
        field: String,
        problem: Problem,
    },
    // Amounts and dates.
    DateNotAmount,
    TooLarge,
    TooManyDecimals,
    DecimalComma {
        text: String,
        digits: usize,
        point: String,
    },
    IrregularGroups {
        text: String,
    },
    NumberNotDate,
    DateOutOfRange {
        date: NaiveDate,
        min: i32,
        max: i32,
    },
    NotADate {
        text: String,
    },
    ShortYear {
        text: String,
        digits: usize,
        min: i32,
    },
    NoSuchDay {
        text: String,
    },
    // Reading the file.
    OpenFailed(String),
    ReadFailed(String),
    TooBig {
        gib: u64,
    },
    NulBytes,
    WorkbookFailed(String),
    SheetFailed {
        sheet: String,
        error: String,
    },
    Utf16,
    NotUtf8 {
        byte: usize,
    },
    NotGb18030,
    QuoteNeverClosed,
    // The header.
    Empty,
    NoSheetRecognised,
    ColumnTwice {
        first: String,
    },
    RequiredColumnMissing {
        kind: Kind,
    },
    TooManyCells {
        cells: usize,
        width: usize,
    },
    // Rows.
    NewChannelName(Problem),
    NewCategoryName(Problem),
    /// Customers of one name: id, region and owner of each.
    SameNameCustomers {
        name: String,
        each: Vec<(u64, String, String)>,
    },
    SameNameMembers {
        name: String,
        ids: Vec<u64>,
    },
    SameNameCategories {
        name: String,
        count: usize,
    },
    NoSuchMember {
        name: String,
    },
    IdTwice {
        id: String,
        first: u64,
    },
    WonAndLost {
        other: String,
    },
    UnknownStage {
        text: String,
    },
    /// A date before the one in `column`.
    Before {
        column: String,
        date: NaiveDate,
    },
    StageConflict {
        stage: Stage,
        other: String,
    },
    SamePeriod {
        first: u64,
    },
    NameTwice {
        name: String,
        first: u64,
    },
}

crate::texts! {
    enum W {
        DateNotAmount => "是日期，不是金额", "is a date, not an amount";
        TooLarge => "数值过大", "is too large";
        TooManyDecimals => "小数超过两位", "has more than two decimals";
        NumberNotDate => "是数字，不是日期（YYYY-MM-DD）", "is a number, not a date (YYYY-MM-DD)";
        NulBytes => "文件含有 NUL 字节：既不是 CSV 文本文件，也不是 Excel 工作簿", "the file holds NUL bytes: it is not a CSV text file nor an Excel workbook";
        Utf16 => "文件是 UTF-16 文本；请另存为“CSV UTF-8”（或普通 CSV）后重新导入", "the file is UTF-16 text; save it as \"CSV UTF-8\" (or plain CSV) and import again";
        NotGb18030 => "文件不是 GB18030/GBK 文本；请选择其他编码", "the file is not GB18030/GBK text; choose another encoding";
        QuoteNeverClosed => "此行有一个引号（\"）开始了单元格却没有结束，文件其余部分会变成一个单元格；请补上引号（带引号的单元格内的引号要写两次：\"\"）", "a quote (\") opens a cell on this line and is never closed, so the rest of the file would be one cell; close the quote (a quote inside a quoted cell is written twice: \"\")";
        Empty => "文件是空的：需要一行表头", "the file is empty: it needs a header row";
        NoSheetRecognised => "工作簿中没有一个工作表的表头是商机、客户、销售目标或费用（表头见 README）", "no sheet of the workbook has a header row of deals, customers, targets or expenses (see the README for the headers)";
        And => "和", " and ";
        NoOwner => "—", "—";
    }
    fn {
        field_rule(field, problem) => "{field} {problem}", "{field} {problem}";
        decimal_comma(text, n, point, s) => "“{text}”在最后 {n} 位数字前有逗号：是小数逗号吗？请写成 {point}，或在导入的列对应中把逗号设为小数点", "\"{text}\" has a comma before {n} final digit{s}: a decimal comma? Write {point}, or mark the comma as the decimal separator in the import's column mapping";
        irregular(text) => "“{text}”的数字分组不规则：千位按三位一组（12,000 或 1,234,567.89）；如果逗号是小数点，请在列对应中说明", "\"{text}\" has irregular digit groups: thousands are grouped in threes (12,000 or 1,234,567.89); if the comma is the decimal separator, say so in the mapping";
        out_of_range(date, min, max) => "{date} 超出范围：日期应在 {min} 年到 {max} 年之间", "{date} is out of range: dates lie in the years {min} to {max}";
        not_a_date(text) => "不是日期（YYYY-MM-DD）：“{text}”", "is not a date (YYYY-MM-DD): \"{text}\"";
        short_year(text, n, min) => "不是日期：“{text}”的年份只有 {n} 位；请写完整年份（YYYY-MM-DD），{min} 年以前的日期不接受", "is not a date: \"{text}\" has a {n}-digit year; write the year in full (YYYY-MM-DD), dates before {min} are refused";
        no_such_day(text) => "不是日期：日历上没有“{text}”这一天", "is not a date: \"{text}\" is no day of the calendar";
        open_failed(e) => "无法打开文件：{e}", "could not open the file: {e}";
        read_failed(e) => "无法读取文件：{e}", "could not read the file: {e}";
        too_big(gib) => "文件大于 {gib} GiB，超过导入能读取的上限；商机、客户、销售目标或费用的导出文件不会这么大：文件选对了吗？", "the file is larger than {gib} GiB, the most the import reads; no export of deals, customers, targets or expenses is that large: is it the right file?";
        workbook_failed(e) => "无法读取工作簿：{e}", "could not read the workbook: {e}";
        sheet_failed(sheet, e) => "无法读取工作表 {sheet}：{e}", "could not read the sheet {sheet}: {e}";
        not_utf8(byte) => "文件不是 UTF-8 文本（第 {byte} 个字节不是）；请选择其他编码", "the file is not UTF-8 text (byte {byte} is not); choose another encoding";
        column_twice(first) => "此列出现了两次（另一次为 {first}）", "this column appears twice (also as {first})";
        required_missing(kind) => "表头缺少这一必填列（{kind}文件）", "this required column is missing from the header (a {kind} file)";
        too_many_cells(cells, width) => "有 {cells} 个单元格，但表头只有 {width} 列", "has {cells} cells but the header has {width} columns";
        new_channel(problem) => "作为新渠道的名称：{problem}", "as a new channel's name, {problem}";
        new_category(problem) => "作为新类别的名称：{problem}", "as a new category's name, {problem}";
        customer_each(id, region, owner) => "#{id}（{region}，负责人 {owner}）", "#{id} ({region}, owner {owner})";
        same_customers(n, name, each) => "有 {n} 个客户都叫 {name}：{each}；请在 SalesDesk 中改名以便区分，然后重新导入", "{n} customers are called {name}: {each}; rename one in SalesDesk so the name says which, then import again";
        same_members(n, name, ids) => "有 {n} 个团队成员都叫 {name}（{ids}）；请在团队页改名，然后重新导入", "{n} team members are called {name} ({ids}); rename one on the Team page, then import again";
        same_categories(n, name) => "有 {n} 个预算类别都叫 {name}；请在预算页改名", "{n} budget categories are called {name}; rename one on the Budget page";
        no_such_member(name) => "没有名为 {name} 的团队成员：请在团队页添加（团队目标请留空此单元格）", "no team member is called {name}: add them on the Team page (or leave the cell empty for the team's target)";
        id_twice(id, first) => "编号 {id} 已在第 {first} 行使用", "id {id} is already used on line {first}";
        won_and_lost(other) => "不能与 {other} 同时填写：商机要么成交，要么流失", "cannot be set together with {other}: a deal is either won or lost";
        unknown_stage(text, hint) => "“{text}”不是已知的阶段：{hint}", "\"{text}\" is not a stage we know: {hint}";
        before(column, date) => "早于 {column}（{date}）", "is before {column} ({date})";
        stage_conflict(stage, other) => "写的是{stage}，但 {other} 已填写", "says {stage} but {other} is set";
        same_period(first) => "负责人和期间与第 {first} 行相同", "the same owner and period as line {first}";
        name_twice(name, first) => "{name} 已在第 {first} 行", "{name} is already on line {first}";
    }
}

const STAGE_HINT_EN: &str = "lead, needs, quote, contract, won, lost (线索, 需求分析, 报价谈判, \
    合同签订, 成交, 流失), or a Pipedrive, HubSpot or Salesforce default stage";
const STAGE_HINT_ZH: &str = "线索、需求分析、报价谈判、合同签订、成交、流失（lead、needs、quote、\
    contract、won、lost），或 Pipedrive、HubSpot、Salesforce 的默认阶段";

/// A model rule's words: the command line's English, or the window's Chinese with the
/// other field named.
pub fn rule(lang: Lang, p: &Problem) -> String {
    match (lang, p) {
        (Lang::En, p) => p.english(),
        (Lang::Zh, Problem::Before(f)) => format!("早于 {f}"),
        (Lang::Zh, Problem::Below(f)) => format!("不能低于 {f}"),
        (Lang::Zh, Problem::Conflicts(f)) => format!("不能与 {f} 同时填写"),
        (Lang::Zh, p) => crate::i18n::problem(Lang::Zh, p),
    }
}

impl Why {
    /// The command line's words (and the tests').
    pub fn english(&self) -> String {
        self.text(Lang::En)
    }

    pub fn text(&self, lang: Lang) -> String {
        match self {
            Why::Rule(p) => rule(lang, p),
            Why::FieldRule { field, problem } => W::field_rule(lang, field, rule(lang, problem)),
            Why::DateNotAmount => W::DateNotAmount.get(lang).into(),
            Why::TooLarge => W::TooLarge.get(lang).into(),
            Why::TooManyDecimals => W::TooManyDecimals.get(lang).into(),
            Why::DecimalComma {
                text,
                digits,
                point,
            } => {
                let s = if *digits == 1 { "" } else { "s" };
                W::decimal_comma(lang, text, digits, point, s)
            }
            Why::IrregularGroups { text } => W::irregular(lang, text),
            Why::NumberNotDate => W::NumberNotDate.get(lang).into(),
            Why::DateOutOfRange { date, min, max } => W::out_of_range(lang, date, min, max),
            Why::NotADate { text } => W::not_a_date(lang, text),
            Why::ShortYear { text, digits, min } => W::short_year(lang, text, digits, min),
            Why::NoSuchDay { text } => W::no_such_day(lang, text),
            Why::OpenFailed(e) => W::open_failed(lang, e),
            Why::ReadFailed(e) => W::read_failed(lang, e),
            Why::TooBig { gib } => W::too_big(lang, gib),
            Why::NulBytes => W::NulBytes.get(lang).into(),
            Why::WorkbookFailed(e) => W::workbook_failed(lang, e),
            Why::SheetFailed { sheet, error } => W::sheet_failed(lang, sheet, error),
            Why::Utf16 => W::Utf16.get(lang).into(),
            Why::NotUtf8 { byte } => W::not_utf8(lang, byte),
            Why::NotGb18030 => W::NotGb18030.get(lang).into(),
            Why::QuoteNeverClosed => W::QuoteNeverClosed.get(lang).into(),
            Why::Empty => W::Empty.get(lang).into(),
            Why::NoSheetRecognised => W::NoSheetRecognised.get(lang).into(),
            Why::ColumnTwice { first } => W::column_twice(lang, first),
            Why::RequiredColumnMissing { kind } => {
                let k = match lang {
                    Lang::Zh => kind.chinese(),
                    Lang::En => kind.english(),
                };
                W::required_missing(lang, k)
            }
            Why::TooManyCells { cells, width } => W::too_many_cells(lang, cells, width),
            Why::NewChannelName(p) => W::new_channel(lang, rule(lang, p)),
            Why::NewCategoryName(p) => W::new_category(lang, rule(lang, p)),
            Why::SameNameCustomers { name, each } => {
                let each: Vec<String> = each
                    .iter()
                    .map(|(id, region, owner)| {
                        let owner = if owner.is_empty() {
                            W::NoOwner.get(lang)
                        } else {
                            owner
                        };
                        W::customer_each(lang, id, region, owner)
                    })
                    .collect();
                W::same_customers(lang, each.len(), name, each.join(W::And.get(lang)))
            }
            Why::SameNameMembers { name, ids } => {
                let ids: Vec<String> = ids.iter().map(|id| format!("#{id}")).collect();
                W::same_members(lang, ids.len(), name, ids.join(W::And.get(lang)))
            }
            Why::SameNameCategories { name, count } => W::same_categories(lang, count, name),
            Why::NoSuchMember { name } => W::no_such_member(lang, name),
            Why::IdTwice { id, first } => W::id_twice(lang, id, first),
            Why::WonAndLost { other } => W::won_and_lost(lang, other),
            Why::UnknownStage { text } => {
                let hint = match lang {
                    Lang::Zh => STAGE_HINT_ZH,
                    Lang::En => STAGE_HINT_EN,
                };
                W::unknown_stage(lang, text, hint)
            }
            Why::Before { column, date } => W::before(lang, column, date),
            Why::StageConflict { stage, other } => {
                let s = match lang {
                    Lang::Zh => stage.label(lang),
                    Lang::En => stage.key(),
                };
                W::stage_conflict(lang, s, other)
            }
            Why::SamePeriod { first } => W::same_period(lang, first),
            Why::NameTwice { name, first } => W::name_twice(lang, name, first),
        }
    }
}

impl std::fmt::Display for Why {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

impl From<Problem> for Why {
    fn from(p: Problem) -> Why {
        Why::Rule(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_reason_has_chinese_words_with_its_arguments() {
        let w = Why::IdTwice {
            id: "D-7".into(),
            first: 3,
        };
        assert_eq!(w.english(), "id D-7 is already used on line 3");
        assert_eq!(w.text(Lang::Zh), "编号 D-7 已在第 3 行使用");
        let p = Why::Rule(Problem::Negative);
        assert_eq!(p.english(), "must not be negative");
        assert_eq!(p.text(Lang::Zh), "不能为负数");
    }
}
