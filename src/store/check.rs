//! A read-only health check of a data dir: every file parses, every record passes its
//! rules, and nothing points at a record that does not exist. Nothing is moved or
//! written, so it is safe to run next to a running app.

use super::error::{FileProblem, StoreError};
use super::files;
use super::manifest::{self, SCHEMA_VERSION};
use super::migrate;
use super::paths::{self, MANIFEST, V1_WORKSPACE};
use crate::model::*;
use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// What `check` found, with the workspace as far as it could be read (for counts).
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub problems: Vec<FileProblem>,
    pub ws: Workspace,
    /// False when the dir holds no workspace at all.
    pub exists: bool,
    /// The schema version of the files (1 is migrated at the next start).
    pub schema_version: Option<u32>,
    /// What the next start will do about a save a crash interrupted (roll it forward
    /// or back). Notes, not problems: nothing committed is lost.
    pub notes: Vec<String>,
}

/// Every problem in the workspace at `dir`, each naming its file and, where known, line.
pub fn check(dir: &Path) -> Vec<FileProblem> {
    check_report(dir).problems
}

pub fn check_report(dir: &Path) -> CheckReport {
    let mut r = CheckReport {
        exists: paths::workspace_exists(dir),
        ..Default::default()
    };
    if !r.exists {
        r.problems.push(FileProblem::new(
            MANIFEST,
            format!(
                "no workspace here: {} holds neither {MANIFEST} nor any data file",
                dir.display()
            ),
        ));
        return r;
    }
    let stated = match manifest::read(dir) {
        Ok(manifest::Read::Version(v)) => Some(v),
        Ok(manifest::Read::Missing) => None,
        Ok(manifest::Read::Unreadable(p)) => {
            r.problems.push(p);
            None
        }
        Err(e) => {
            r.problems.push(io_problem(MANIFEST, &e));
            None
        }
    };
    let version = stated.unwrap_or(if dir.join(V1_WORKSPACE).exists() {
        1
    } else {
        SCHEMA_VERSION
    });
    r.schema_version = Some(version);
    if version == 0 || version > SCHEMA_VERSION {
        r.problems.push(FileProblem::new(
            MANIFEST,
            format!(
                "data format {version} is not one this SalesDesk reads (1 to {SCHEMA_VERSION})"
            ),
        ));
        return r;
    }
    let texts = if version == 1 {
        read_v1(dir, &mut r)
    } else {
        read_current(dir, version, &mut r)
    };
    // A collection set aside at an earlier start is missing, not empty.
    for s in super::degraded::still_missing(dir, super::degraded::read(dir)) {
        let mut p = s.problem(dir);
        p.message = format!(
            "was set aside as {} ({}); the workspace is incomplete until it is restored \
             from a backup, fixed by hand or started empty in the window",
            s.moved_to, s.message
        );
        r.problems.push(p);
    }
    // Every reference into a file that failed to parse would dangle: those are skipped.
    let unread: BTreeSet<FileKind> =
        if version == 1 && r.problems.iter().any(|p| p.file == V1_WORKSPACE) {
            FileKind::ALL.into_iter().collect()
        } else {
            unread_files(&r.problems)
        };
    r.ws.repair_tables();
    let lines = texts
        .into_iter()
        .map(|(f, text)| {
            let lines = Lines {
                text,
                index: OnceCell::new(),
            };
            (f, lines)
        })
        .collect();
    let mut c = Checker {
        ws: &r.ws,
        lines,
        one_file: version == 1,
        unread,
        problems: Vec::new(),
    };
    c.run();
    r.problems.extend(c.problems);
    r
}

fn io_problem(file: &str, e: &StoreError) -> FileProblem {
    FileProblem::new(file, format!("cannot be read: {e}"))
}

/// Reads schema 1's single file; returns its text for line lookups.
fn read_v1(dir: &Path, r: &mut CheckReport) -> BTreeMap<String, String> {
    let mut texts = BTreeMap::new();
    match files::read_text(&dir.join(V1_WORKSPACE)) {
        Ok(None) => {}
        Ok(Some(Err(p))) => r.problems.push(p),
        Ok(Some(Ok(text))) => {
            match files::parse::<migrate::WorkspaceV1>(V1_WORKSPACE, &text) {
                Ok(v1) => r.ws = v1.into_workspace(),
                Err(p) => r.problems.push(p),
            }
            texts.insert(V1_WORKSPACE.to_string(), text);
        }
        Err(e) => r.problems.push(io_problem(V1_WORKSPACE, &e)),
    }
    texts
}

/// Reads every collection file (schema 2 through its frozen types, migrated in memory);
/// returns their texts for line lookups.
fn read_current(dir: &Path, version: u32, r: &mut CheckReport) -> BTreeMap<String, String> {
    let mut old = (version == 2).then(super::v2::WorkspaceV2::default);
    let mut texts = BTreeMap::new();
    // A committed save not yet in place is read as the next start will see it.
    let pending = super::commit::pending(dir);
    if !pending.is_empty() {
        let names: Vec<&str> = pending.iter().map(|(n, _)| n.as_str()).collect();
        r.notes.push(format!(
            "a save was interrupted after it was committed; the next start finishes it \
             (rolls forward): {}",
            names.join(", ")
        ));
    }
    let stale = stale_writes(dir);
    if !stale.is_empty() {
        r.notes.push(format!(
            "a save was interrupted before it was committed; the next start drops it \
             (rolls back, nothing committed is lost): {}",
            stale.join(", ")
        ));
    }
    let path_of = |kind: FileKind| {
        pending
            .iter()
            .find(|(n, _)| n == kind.file_name())
            .map(|(_, tmp)| tmp.clone())
            .unwrap_or_else(|| paths::file_path(dir, kind))
    };
    // Each file is read and parsed on its own thread, as at the start (they are
    // independent); schema 2's frozen types are read one after another below.
    let current = old.is_none();
    let read: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = FileKind::ALL
            .into_iter()
            .map(|kind| {
                let path = path_of(kind);
                s.spawn(move || {
                    let text = files::read_text(&path);
                    let mut part = Workspace::default();
                    let parsed = match &text {
                        Ok(Some(Ok(t))) if current => Some(files::parse_into(&mut part, kind, t)),
                        _ => None,
                    };
                    (kind, text, part, parsed)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a file-reading thread does not panic"))
            .collect()
    });
    for (kind, text, part, parsed) in read {
        let name = kind.file_name();
        match text {
            Ok(None) => {}
            Ok(Some(Err(p))) => r.problems.push(p),
            Ok(Some(Ok(text))) => {
                let parsed = match (&mut old, parsed) {
                    (Some(v2), _) => super::v2::parse_into(v2, kind, &text),
                    (None, parsed) => {
                        files::take_file(&mut r.ws, part, kind);
                        parsed.unwrap_or(Ok(()))
                    }
                };
                if let Err(p) = parsed {
                    r.problems.push(p);
                }
                texts.insert(name.to_string(), text);
            }
            Err(e) => r.problems.push(io_problem(name, &e)),
        }
    }
    if let Some(v2) = old {
        r.ws = v2.into_workspace();
    }
    // A journal is only ever written in the current schema (saves fold it in first).
    read_journal(dir, r);
    texts
}

/// The collection files that `problems` name: they did not read, so nothing may be
/// taken from or checked against them.
fn unread_files(problems: &[FileProblem]) -> BTreeSet<FileKind> {
    problems
        .iter()
        .filter_map(|p| FileKind::from_file_name(&p.file))
        .collect()
}

/// Replays the journal over the files read (in memory only), as the next start will,
/// and says so. Changes of a file that did not read are left out, like at the start.
fn read_journal(dir: &Path, r: &mut CheckReport) {
    let read = match super::journal::read(dir) {
        Ok(Some(read)) => read,
        Ok(None) => return,
        Err(e) => {
            r.problems.push(io_problem(paths::JOURNAL, &e));
            return;
        }
    };
    let unread = unread_files(&r.problems);
    read.replay(&mut r.ws, |k| unread.contains(&k));
    if !read.entries.is_empty() {
        let names: Vec<&str> = read.files().iter().map(|k| k.file_name()).collect();
        r.notes.push(format!(
            "{} holds {} saved change(s) not yet written into the files; the next start \
             writes them in (rolls forward, nothing is lost): {}",
            paths::JOURNAL,
            read.entries.len(),
            names.join(", ")
        ));
    }
    if let Some(t) = read.torn {
        r.notes.push(format!(
            "{} ends in a change that was being written when SalesDesk stopped (line {}, \
             {} bytes); it was never reported saved, and the next start drops it (rolls \
             back, nothing committed is lost)",
            paths::JOURNAL,
            t.line,
            t.bytes
        ));
    }
}

/// Workspace files with an unfinished write in `dir` (temp files no commit names).
fn stale_writes(dir: &Path) -> Vec<String> {
    let named: Vec<std::path::PathBuf> = super::commit::pending(dir)
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| !named.contains(&e.path()))
        .filter_map(|e| paths::temp_target(&e.file_name().to_string_lossy()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A file's text, and its index once a problem needs a line number: a sound workspace
/// (the common case, and `report`'s every run) never pays for indexing 100 MB of text.
struct Lines {
    text: String,
    index: OnceCell<Index>,
}

struct Checker<'a> {
    ws: &'a Workspace,
    /// Per file name, for line numbers.
    lines: BTreeMap<String, Lines>,
    /// Schema 1: everything is in workspace.ron.
    one_file: bool,
    /// Files that could not be read.
    unread: BTreeSet<FileKind>,
    problems: Vec<FileProblem>,
}

/// One line per table: its file, field, record variant and how a person calls it.
macro_rules! each_table {
    ($c:ident; $($kind:ident: $file:ident . $field:ident => $variant:ident, $label:literal;)*) => {
        $( $c.table(
            FileKind::$kind,
            stringify!($field),
            $label,
            &$c.ws.$file.$field,
            Record::$variant,
        ); )*
    };
}

impl Checker<'_> {
    fn run(&mut self) {
        let ws = self.ws;
        self.fields(FileKind::Settings, &[], "settings", ws.settings.validate());
        let setup = ws.team.setup.validate();
        self.fields(FileKind::Team, &["setup:"], "team setup", setup);
        let loyalty = ws.customers.loyalty.validate();
        self.fields(
            FileKind::Customers,
            &["loyalty:"],
            "loyalty programme",
            loyalty,
        );
        let c = self;
        each_table! { c;
            Team: team.members => Member, "member";
            Performance: performance.targets => Target, "target";
            Performance: performance.kpis => Kpi, "KPI";
            Performance: performance.reviews => Review, "review";
            Performance: performance.commission_plans => CommissionPlan, "commission plan";
            Performance: performance.notes => CoachingNote, "coaching note";
            Customers: customers.customers => Customer, "customer";
            Customers: customers.contacts => Contact, "contact";
            Customers: customers.interactions => Interaction, "interaction";
            Customers: customers.feedback => Feedback, "feedback";
            Customers: customers.loyalty_ledger => LoyaltyEntry, "loyalty entry";
            Deals: deals.deals => Deal, "deal";
            Marketing: marketing.research => Research, "research";
            Marketing: marketing.segments => Segment, "segment";
            Marketing: marketing.channels => Channel, "channel";
            Marketing: marketing.content => Content, "content";
            Marketing: marketing.plans => MarketingPlan, "marketing plan";
            Marketing: marketing.market_sizes => MarketSize, "market size";
            Promotions: promotions.promotions => Promotion, "promotion";
            Budget: budget.categories => BudgetCategory, "budget category";
            Budget: budget.lines => BudgetLine, "budget line";
            Budget: budget.expenses => Expense, "expense";
            Me: me.goals => CareerGoal, "goal";
            Me: me.learning => LearningItem, "learning item";
            Me: me.tasks => Task, "task";
            Me: me.check_ins => StressCheckIn, "check-in";
            Me: me.assessments => Assessment, "self-assessment";
            Me: me.people => Person, "network person";
            Me: me.touches => Touch, "network contact";
            Me: me.events => NetworkEvent, "network event";
            Me: me.time_blocks => TimeBlock, "time block";
            Me: me.reviews => WeeklyReview, "weekly review";
        }
    }

    /// The file a kind's problems are reported in.
    fn file_of(&self, kind: FileKind) -> String {
        if self.one_file {
            V1_WORKSPACE
        } else {
            kind.file_name()
        }
        .to_string()
    }

    /// The index of `file`'s text, built on first use.
    fn index(&self, file: &str) -> Option<&Index> {
        self.lines
            .get(file)
            .map(|l| l.index.get_or_init(|| Index::new(&l.text)))
    }

    fn push(&mut self, file: String, line: Option<usize>, message: String) {
        self.problems.push(FileProblem {
            line,
            ..FileProblem::new(file, message)
        });
    }

    /// Field errors of a value that is not a table row (settings, setup, loyalty).
    fn fields(&mut self, kind: FileKind, at: &[&str], what: &str, errors: Errors) {
        let file = self.file_of(kind);
        // In schema 1 the value sits in the section named after its file.
        let section = format!("{}:", kind.file_name().trim_end_matches(".ron"));
        for fe in errors.0 {
            let field = format!("{}:", fe.field);
            let mut path: Vec<&str> = Vec::new();
            if self.one_file {
                path.push(&section);
            }
            path.extend(at);
            path.push(&field);
            let line = self.index(&file).and_then(|ix| ix.find(&path));
            let message = format!("{what}: {} {}", fe.field, fe.problem.english());
            self.push(file.clone(), line, message);
        }
    }

    fn table<T: Keyed + Clone>(
        &mut self,
        kind: FileKind,
        field: &str,
        label: &str,
        table: &Table<T>,
        wrap: fn(T) -> Record,
    ) {
        let file = self.file_of(kind);
        let mut previous = None;
        for row in table.iter() {
            let record = wrap(row.clone());
            let id = record.key().raw();
            let duplicate = previous == Some(id);
            previous = Some(id);
            let mut errors = record.validate();
            for fe in self.ws.check_references_into(&record, &self.unread).0 {
                errors.add(fe.field, fe.problem);
            }
            if !duplicate && errors.0.is_empty() {
                continue;
            }
            let line = self.index(&file).and_then(|ix| ix.row(field, id));
            if duplicate {
                let message = format!("{label} {id}: id is used by more than one record");
                self.push(file.clone(), line, message);
            }
            for fe in errors.0 {
                let message = format!("{label} {id}: {} {}", fe.field, fe.problem.english());
                self.push(file.clone(), line, message);
            }
        }
    }
}

/// Where things are in a file's text, built in one pass: lines with all spaces removed
/// (so hand-written spacing still matches) and the line of each record, found as a line
/// starting `(id: N` inside the section `name: (` it follows.
pub(crate) struct Index {
    lines: Vec<String>,
    rows: HashMap<(String, u64), usize>,
}

impl Index {
    pub(crate) fn new(text: &str) -> Index {
        let lines: Vec<String> = text
            .lines()
            .map(|l| l.chars().filter(|c| !c.is_whitespace()).collect())
            .collect();
        let mut rows = HashMap::new();
        let mut section = "";
        for (i, l) in lines.iter().enumerate() {
            if let Some(rest) = l.strip_prefix("(id:") {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                if let Ok(id) = digits.parse::<u64>() {
                    rows.entry((section.to_string(), id)).or_insert(i + 1);
                }
            } else if let Some((name, rest)) = l.split_once(':')
                && rest.starts_with('(')
                && name.chars().all(|c| c.is_alphanumeric() || c == '_')
            {
                section = name;
            }
        }
        Index { lines, rows }
    }

    /// The 1-based line of record `id` of the table `field`.
    pub(crate) fn row(&self, field: &str, id: u64) -> Option<usize> {
        self.rows.get(&(field.to_string(), id)).copied()
    }

    /// The 1-based line where `path` is found, each step searched from the line of the
    /// step before. `None` if a step is not found.
    pub(crate) fn find(&self, path: &[&str]) -> Option<usize> {
        let mut from = 0;
        for step in path {
            let step: String = step.chars().filter(|c| !c.is_whitespace()).collect();
            from += self.lines[from..]
                .iter()
                .position(|l| l.starts_with(&step))?;
        }
        (!path.is_empty()).then_some(from + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::Index;

    #[test]
    fn the_index_finds_sections_fields_and_rows() {
        let text = "(\n  contacts: (\n    rows: [\n      (id: 1, name: \"a\"),\n    ],\n  ),\n  \
                    feedback: (\n    rows: [\n      (id: 1, text: \"x\"),\n      ( id : 12 , text: \"y\"),\n    ],\n  ),\n)";
        let ix = Index::new(text);
        assert_eq!(ix.row("contacts", 1), Some(4));
        assert_eq!(ix.row("feedback", 1), Some(9));
        assert_eq!(ix.row("feedback", 12), Some(10));
        assert_eq!(ix.row("feedback", 2), None);
        assert_eq!(ix.find(&["feedback:", "rows:"]), Some(8));
        assert_eq!(ix.find(&["nothing:"]), None);
    }
}
