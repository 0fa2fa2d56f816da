//! Bad input, property-tested:
//! - the loader fed random bytes and mutated real files (bit flips, truncations, splices,
//!   deletions, duplications) never panics: `store::check` and `store::load` either
//!   read the file or report a problem naming it (and set the bytes aside untouched);
//! - every form's draft builder, fed arbitrary text: `Ok` only for a record that passes
//!   its rules, errors only at fields the form shows, and `Document::apply` of the
//!   result either stores a valid record or changes nothing.
//!
//! Text of any length and script is `long_texts.rs`; the helpers both share are in
//! `common/props.rs`.
//!
//! Case counts are modest so `cargo test` stays quick; `PROPTEST_CASES=N` runs more.

use crate::common;

use common::props::demo;
use common::props::*;

use common::ui::*;
use proptest::prelude::*;
use proptest::sample::Index;
use salesdesk::model::*;
use salesdesk::store::{self, StoreError};
use salesdesk::ui::budget::categories::{CategoryDraft, MONTH_FIELDS, PlanDraft};
use salesdesk::ui::budget::expenses::ExpenseDraft;
use salesdesk::ui::customers::contacts::ContactDraft;
use salesdesk::ui::customers::feedback::FeedbackDraft;
use salesdesk::ui::customers::form::CustomerDraft;
use salesdesk::ui::customers::interactions::InteractionDraft;
use salesdesk::ui::customers::loyalty::{EntryDraft, RulesDraft, TierDraft};
use salesdesk::ui::pipeline::form::DealDraft;
use salesdesk::ui::team::form::{MemberDraft, SetupDraft};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The demo's files as written by the real save: name → bytes (manifest included).
fn demo_files() -> &'static BTreeMap<String, Vec<u8>> {
    static FILES: OnceLock<BTreeMap<String, Vec<u8>>> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temp dir");
        store::save(dir.path(), demo(), &FileKind::ALL.into_iter().collect()).expect("save");
        std::fs::read_dir(dir.path())
            .expect("the dir")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".ron"))
            .map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                (name, std::fs::read(e.path()).expect("a file"))
            })
            .collect()
    })
}

fn file_names() -> Vec<String> {
    demo_files().keys().cloned().collect()
}

// ---------------------------------------------------------------------------------------
// The loader
// ---------------------------------------------------------------------------------------

/// Writes the demo with `file` replaced by `bytes`, then holds `check` and `load` to
/// their promise: no panic, and a file that cannot be read is named and set aside.
fn loader_survives(file: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (name, content) in demo_files() {
        std::fs::write(dir.path().join(name), content).expect("write");
    }
    std::fs::write(dir.path().join(file), bytes).expect("write");
    let known: Vec<String> = file_names();

    // Read-only check: every problem names a file of the workspace.
    for p in store::check(dir.path()) {
        prop_assert!(known.contains(&p.file), "check named {:?}: {p}", p.file);
    }

    match store::load(dir.path()) {
        Ok(loaded) => {
            for p in &loaded.problems {
                // Only the damaged file can fail to parse.
                prop_assert_eq!(&p.file, file, "{}", p);
                let moved = p
                    .moved_to
                    .as_ref()
                    .expect("an unreadable file is set aside");
                // Set aside byte for byte, never rewritten.
                prop_assert_eq!(std::fs::read(moved).expect("the set-aside file"), bytes);
                prop_assert!(!dir.path().join(file).exists());
            }
            if !loaded.problems.is_empty() {
                // Once set aside, the next start still says so for a collection (the
                // workspace stays degraded until resolved) and sets nothing else aside.
                let again = store::load(dir.path()).expect("second load");
                let expected: Vec<&str> = if file == "manifest.ron" {
                    vec![]
                } else {
                    vec![file]
                };
                let named: Vec<&str> = again.problems.iter().map(|p| p.file.as_str()).collect();
                prop_assert_eq!(named, expected, "{:?}", again.problems);
            }
        }
        Err(e) => {
            let msg = e.to_string();
            match e {
                // A manifest that (still) parses but states a version this build does not
                // read is not corrupt: it is refused as a whole, naming the data folder,
                // and nothing is changed.
                StoreError::NewerSchema { .. } | StoreError::UnknownSchema { .. } => {
                    prop_assert_eq!(file, "manifest.ron", "{}", msg);
                }
                _ => prop_assert!(msg.contains(file), "the error does not name {file}: {msg}"),
            }
            // Nothing was changed or moved.
            prop_assert_eq!(
                std::fs::read(dir.path().join(file)).expect("still there"),
                bytes
            );
        }
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Mutation {
    FlipBit(Index, u8),
    SetByte(Index, u8),
    Truncate(Index),
    Delete(Index, Index),
    Duplicate(Index, Index),
    /// A piece of another real file pasted in.
    Splice {
        from: Index,
        start: Index,
        len: usize,
        at: Index,
    },
    Insert(Index, Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let ix = any::<Index>;
    prop_oneof![
        3 => (ix(), 0u8..8).prop_map(|(i, b)| Mutation::FlipBit(i, b)),
        2 => (ix(), prop_oneof![any::<u8>(), Just(b'('), Just(b')'), Just(b'"'), Just(b','), Just(b'9'), Just(b'\\')])
            .prop_map(|(i, b)| Mutation::SetByte(i, b)),
        2 => ix().prop_map(Mutation::Truncate),
        1 => (ix(), ix()).prop_map(|(a, b)| Mutation::Delete(a, b)),
        1 => (ix(), ix()).prop_map(|(a, b)| Mutation::Duplicate(a, b)),
        2 => (ix(), ix(), 1usize..400, ix()).prop_map(|(from, start, len, at)| Mutation::Splice { from, start, len, at }),
        1 => (ix(), prop::collection::vec(any::<u8>(), 1..16)).prop_map(|(i, v)| Mutation::Insert(i, v)),
    ]
}

fn mutate(mut b: Vec<u8>, m: &Mutation) -> Vec<u8> {
    let pos = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len + 1) };
    match m {
        Mutation::FlipBit(i, bit) if !b.is_empty() => {
            let p = i.index(b.len());
            b[p] ^= 1 << bit;
        }
        Mutation::SetByte(i, v) if !b.is_empty() => {
            let p = i.index(b.len());
            b[p] = *v;
        }
        Mutation::Truncate(i) => b.truncate(pos(i, b.len())),
        Mutation::Delete(x, y) => {
            let (a, c) = ordered(pos(x, b.len()), pos(y, b.len()));
            b.drain(a..c);
        }
        Mutation::Duplicate(x, y) => {
            let (a, c) = ordered(pos(x, b.len()), pos(y, b.len()));
            let piece = b[a..c].to_vec();
            b.splice(c..c, piece);
        }
        Mutation::Splice {
            from,
            start,
            len,
            at,
        } => {
            let files: Vec<&Vec<u8>> = demo_files().values().collect();
            let src = files[from.index(files.len())];
            let s = pos(start, src.len());
            let e = (s + len).min(src.len());
            let at = pos(at, b.len());
            b.splice(at..at, src[s..e].iter().copied());
        }
        Mutation::Insert(i, v) => {
            let at = pos(i, b.len());
            b.splice(at..at, v.iter().copied());
        }
        _ => {}
    }
    b
}

fn kind_of(file: &str) -> Option<FileKind> {
    FileKind::ALL.into_iter().find(|k| k.file_name() == file)
}

fn ordered(a: usize, b: usize) -> (usize, usize) {
    if a <= b { (a, b) } else { (b, a) }
}

proptest! {
    #![proptest_config(cases(48))]

    #[test]
    fn random_bytes_in_any_file_never_panic_the_loader(
        file in prop::sample::select(file_names()),
        bytes in prop::collection::vec(any::<u8>(), 0..600),
    ) {
        loader_survives(&file, &bytes)?;
    }

    #[test]
    fn mutated_real_files_never_panic_the_loader(
        file in prop::sample::select(file_names()),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let mut bytes = demo_files()[&file].clone();
        for m in &mutations {
            bytes = mutate(bytes, m);
        }
        loader_survives(&file, &bytes)?;
    }
}

proptest! {
    // Cheap (no disk), so many cases: the fast reader must never read a file otherwise
    // than ron does, however it is damaged.
    #![proptest_config(cases(1024))]

    // A tiny buffer (1 to 7 bytes) refills at every line, so tokens meet the ends of
    // fillings as they would in a file larger than one 64 KiB filling; how much the
    // buffer takes at a time must change nothing.
    #[test]
    fn mutated_files_read_alike_by_both_readers(
        file in prop::sample::select(file_names()),
        mutations in prop::collection::vec(mutation(), 1..4),
        fill in 1usize..8,
    ) {
        let mut bytes = demo_files()[&file].clone();
        for m in &mutations {
            bytes = mutate(bytes, m);
        }
        if let (Some(kind), Ok(text)) = (kind_of(&file), std::str::from_utf8(&bytes)) {
            let took = readers_agree(kind, text, FILL)?;
            prop_assert_eq!(readers_agree(kind, text, fill)?, took, "fill {} vs {}", fill, FILL);
        }
    }
}

#[test]
fn the_demo_takes_the_fast_road() {
    written_files_take_the_fast_road(demo()).unwrap();
}

/// Hand-picked nasty inputs: empty, only a byte-order mark, not UTF-8, NUL bytes, deep
/// nesting (a parser that recursed without limit would overflow the stack and abort),
/// numbers that overflow, invalid escapes, a valid file with a 10 MB string.
#[test]
fn nasty_files_are_named_or_read_never_a_panic() {
    let deals = String::from_utf8(demo_files()["deals.ron"].clone()).expect("utf-8");
    let big_string = {
        let mut t = deals.clone();
        let at = t.find("notes: \"").expect("a notes field") + "notes: \"".len();
        t.insert_str(at, &"长".repeat(3_500_000));
        t
    };
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("deals.ron", Vec::new()),
        ("deals.ron", "\u{FEFF}".into()),
        ("deals.ron", "\u{FEFF}\u{FEFF}()".into()),
        ("deals.ron", b"\xff\xfe\x00(".to_vec()),
        ("deals.ron", vec![0u8; 4096]),
        ("deals.ron", "[".repeat(100_000).into_bytes()),
        ("deals.ron", "(deals:(rows:[".repeat(20_000).into_bytes()),
        (
            "deals.ron",
            deals
                .replacen("(id: 1,", "(id: 99999999999999999999999999,", 1)
                .into_bytes(),
        ),
        (
            "deals.ron",
            deals
                .replacen("notes: \"", "notes: \"\\u{D800}", 1)
                .into_bytes(),
        ),
        (
            "deals.ron",
            deals.replace("rows: [", "rows: {").into_bytes(),
        ),
        ("deals.ron", big_string.into_bytes()),
        ("manifest.ron", b"(schema_version: 4294967296)".to_vec()),
        ("manifest.ron", b"(schema_version: -1)".to_vec()),
        ("manifest.ron", b"(schema_version: 99)".to_vec()),
        ("manifest.ron", b"(schema_version: 0)".to_vec()),
        ("settings.ron", b"(".to_vec()),
    ];
    for (file, bytes) in cases {
        // Deep nesting gets its own thread with an ordinary stack: a stack overflow would
        // abort the whole test binary, which is exactly what must never happen.
        let name = file.to_string();
        let result = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || loader_survives(&name, &bytes))
            .expect("a thread")
            .join()
            .unwrap_or_else(|_| panic!("the loader panicked on a nasty {file}"));
        if let Err(e) = result {
            panic!("{file}: {e}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------------------

/// Long texts around the limits: single-line fields take 200 characters, notes 100 000.
fn long_texts() -> Vec<String> {
    vec![
        "a".repeat(199),
        "a".repeat(200),
        "a".repeat(201),
        "客".repeat(200),
        "客".repeat(201),
        " ".repeat(300),
        "户".repeat(MAX_NOTE),
        "户".repeat(MAX_NOTE + 1),
    ]
}

/// What a person might type: anything at all, numbers, money, dates, e-mails, blanks,
/// and texts around the length limits.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        2 => "-?[0-9]{0,13}([.,][0-9]{0,4})?",
        1 => "[-+ ]?[¥￥]?[0-9 ,，_.]{0,16}",
        2 => "[0-9]{1,5}[-/][0-9]{1,2}[-/][0-9]{1,2}",
        1 => "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9])",
        1 => "[a-z0-9._]{0,8}@[a-z0-9.]{0,8}",
        1 => "\\s{0,4}",
        1 => prop::sample::select(long_texts()),
    ]
}

/// Per kind of field: mostly something that kind of field accepts (so valid records get
/// built and applied too), otherwise anything at all.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![3 => "\\PC{0,40}", 1 => text()]
}
fn note() -> impl Strategy<Value = String> {
    prop_oneof![3 => "[\\PC\n]{0,300}", 1 => text()]
}
fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (2000i32..2100, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        1 => text(),
    ]
}
fn optional_date() -> impl Strategy<Value = String> {
    prop_oneof![1 => Just(String::new()), 2 => date()]
}
fn money() -> impl Strategy<Value = String> {
    prop_oneof![3 => "[0-9]{1,9}(\\.[0-9]{1,2})?", 1 => text()]
}
fn count() -> impl Strategy<Value = String> {
    prop_oneof![3 => "[0-9]{1,3}", 1 => text()]
}
fn email() -> impl Strategy<Value = String> {
    prop_oneof![2 => Just(String::new()), 2 => "[a-z]{1,8}@[a-z]{1,8}\\.[a-z]{2,3}", 1 => text()]
}

/// An id that may or may not exist in the demo.
fn some_id() -> impl Strategy<Value = Option<u64>> {
    prop_oneof![
        1 => Just(None),
        6 => (1u64..8).prop_map(Some),
        2 => (1u64..25).prop_map(Some),
        1 => any::<u64>().prop_map(Some),
    ]
}

/// A probability in percent as typed: empty (the stage's default), 0–100, or anything.
fn percent() -> impl Strategy<Value = String> {
    prop_oneof![1 => Just(String::new()), 3 => (0u8..=100).prop_map(|p| p.to_string()), 1 => text()]
}

/// Loyalty tiers as typed: mostly named and rising, otherwise anything.
fn tiers() -> impl Strategy<Value = Vec<(String, String)>> {
    prop_oneof![
        3 => prop::collection::vec(("\\PC{1,20}", 0u64..10_000_000), 0..5).prop_map(|mut v| {
            v.sort_by_key(|t| t.1);
            v.into_iter().map(|(n, t)| (n, t.to_string())).collect()
        }),
        1 => prop::collection::vec((line(), money()), 0..5),
    ]
}

/// `Ok` from a builder must be a valid record; errors must sit at fields the form shows
/// (a message anywhere else would never be seen).
fn judge<R>(
    built: &Result<R, Errors>,
    shown: &[&str],
    valid: impl Fn(&R) -> Errors,
) -> Result<(), TestCaseError> {
    match built {
        Ok(r) => {
            let e = valid(r);
            prop_assert!(
                e.is_empty(),
                "the builder accepted an invalid record: {e:?}"
            );
        }
        Err(e) => {
            prop_assert!(!e.is_empty());
            for fe in &e.0 {
                prop_assert!(
                    shown.contains(&fe.field),
                    "error at {:?}, which the form does not show ({:?})",
                    fe.field,
                    fe.problem
                );
            }
        }
    }
    Ok(())
}

/// Applies `change` to a copy of the demo: it stores only valid records, or changes
/// nothing at all.
fn apply_is_all_or_nothing(change: Change) -> Result<(), TestCaseError> {
    let mut d = doc();
    let before = d.ws().clone();
    let rev = d.revision();
    match d.apply(change, "property test") {
        Ok(applied) => {
            prop_assert!(d.revision() > rev);
            for key in applied.keys {
                let r = d.ws().get_record(key).expect("the stored record");
                let e = r.validate();
                prop_assert!(e.is_empty(), "stored an invalid record: {e:?}");
                let refs = d.ws().check_references(&r);
                prop_assert!(refs.is_empty(), "stored a dangling reference: {refs:?}");
            }
        }
        Err(e) => {
            prop_assert!(!e.is_empty());
            prop_assert_eq!(d.revision(), rev);
            prop_assert!(d.dirty().is_empty());
            prop_assert!(!d.can_undo());
            prop_assert!(*d.ws() == before, "a refused change altered the workspace");
        }
    }
    Ok(())
}

const CUSTOMER_FIELDS: &[&str] = &[
    "name",
    "industry",
    "region",
    "owner",
    "phone",
    "email",
    "address",
    "source",
    "created",
    "annual_potential",
    "notes",
    "segment",
];
const MEMBER_FIELDS: &[&str] = &[
    "name",
    "region",
    "product_lines",
    "duties",
    "capacity",
    "email",
    "phone",
    "joined",
];
const SETUP_FIELDS: &[&str] = &["team_name", "manager_name", "regions", "product_lines"];
const DEAL_FIELDS: &[&str] = &[
    "title",
    "customer",
    "owner",
    "product",
    "region",
    "source",
    "amount",
    "expected_close",
    "probability",
    "next_step",
    "next_step_due",
    "notes",
];
const EXPENSE_FIELDS: &[&str] = &["date", "category", "amount", "payee", "note", "link"];
const CONTACT_FIELDS: &[&str] = &["name", "title", "phone", "email"];
const INTERACTION_FIELDS: &[&str] = &["date", "contact", "member", "note", "outcome", "follow_up"];
const FEEDBACK_FIELDS: &[&str] = &["date", "text"];
const ENTRY_FIELDS: &[&str] = &["date", "points", "reason"];
const RULES_FIELDS: &[&str] = &["points_per_yuan", "tiers"];

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn customer_form(
        lines in prop::collection::vec(line(), 6), email in email(), created in date(),
        potential in money(), notes in note(), ids in (some_id(), some_id(), some_id()),
    ) {
        let (owner, segment, id) = ids;
        let d = CustomerDraft {
            id: CustomerId(id.unwrap_or(0)),
            name: lines[0].clone(), industry: lines[1].clone(), region: lines[2].clone(),
            owner: owner.map(MemberId), phone: lines[3].clone(), email,
            address: lines[4].clone(), source: owner.map(|o| SourceRef::Channel(ChannelId(o))), created,
            annual_potential: potential, notes, segment: segment.map(SegmentId),
        };
        let built = d.build();
        judge(&built, CUSTOMER_FIELDS, |c| c.validate())?;
        if let Some(c) = put(built.map(Record::Customer)) { apply_is_all_or_nothing(c)?; }
    }

    #[test]
    fn member_form(
        lines in prop::collection::vec(line(), 4), duties in note(), capacity in count(),
        email in email(), joined in date(), id in some_id(), active in any::<bool>(),
    ) {
        let mut d = MemberDraft::new(today());
        d.id = MemberId(id.unwrap_or(0));
        d.name = lines[0].clone(); d.region = lines[1].clone(); d.product_lines = lines[2].clone();
        d.phone = lines[3].clone(); d.duties = duties; d.capacity = capacity; d.email = email;
        d.joined = joined; d.active = active;
        let built = d.build();
        judge(&built, MEMBER_FIELDS, |m| m.validate())?;
        if let Some(c) = put(built.map(Record::Member)) { apply_is_all_or_nothing(c)?; }
    }

    #[test]
    fn team_setup_form(t in prop::collection::vec(line(), 4)) {
        let mut d = SetupDraft::from_setup(&demo().team.setup);
        d.team_name = t[0].clone(); d.manager_name = t[1].clone();
        d.regions = t[2].clone(); d.product_lines = t[3].clone();
        let built = d.build();
        judge(&built, SETUP_FIELDS, |s| s.validate())?;
        if let Ok(s) = built { apply_is_all_or_nothing(Change::TeamSetup(Box::new(s)))?; }
    }

    #[test]
    fn deal_form(
        lines in prop::collection::vec(line(), 6), amount in money(),
        dates in (optional_date(), optional_date()),
        probability in percent(), notes in note(),
        ids in (some_id(), some_id()), edit in any::<Option<Index>>(),
    ) {
        let existing = edit.map(|i| {
            let rows = &demo().deals.deals.rows;
            rows[i.index(rows.len())].clone()
        });
        let mut d = match &existing {
            Some(x) => DealDraft::from_deal(x, demo()),
            None => DealDraft::new(today()),
        };
        d.title = lines[0].clone(); d.customer = ids.0.map(CustomerId); d.owner = ids.1.map(MemberId);
        d.product = lines[1].clone(); d.region = lines[2].clone(); d.source = ids.0.map(|c| SourceRef::Promotion(PromotionId(c)));
        d.amount = amount; d.expected_close = dates.0; d.probability = probability;
        d.next_step = lines[4].clone(); d.next_step_due = dates.1; d.notes = notes;
        d.customer_query = lines[5].clone();
        let built = d.build(existing.as_ref(), today());
        judge(&built, DEAL_FIELDS, |x| x.validate())?;
        if let Some(c) = put(built.map(Record::Deal)) { apply_is_all_or_nothing(c)?; }
    }

    #[test]
    fn expense_form(
        day in date(), amount in money(), payee in line(), note in note(),
        category in some_id(), id in some_id(),
    ) {
        let mut d = ExpenseDraft::new(today(), None, demo());
        d.id = ExpenseId(id.unwrap_or(0));
        d.date = day; d.amount = amount; d.payee = payee; d.note = note;
        d.category = category.map(CategoryId);
        let built = d.build();
        judge(&built, EXPENSE_FIELDS, |x| x.validate())?;
        if let Some(c) = put(built.map(Record::Expense)) { apply_is_all_or_nothing(c)?; }
    }

    #[test]
    fn budget_category_form(name in line(), id in some_id(), active in any::<bool>()) {
        let d = CategoryDraft { id: CategoryId(id.unwrap_or(0)), name, active };
        let built = d.build(demo());
        judge(&built, &["name"], |c| c.validate())?;
        if let Some(c) = put(built.map(Record::BudgetCategory)) { apply_is_all_or_nothing(c)?; }
    }

    #[test]
    fn budget_plan_form(
        year in prop_oneof![3 => (1990i32..2210).prop_map(|y| y.to_string()), 1 => text()],
        planned in money(), months in prop::collection::vec(money(), 12),
        by_month in any::<bool>(), category in some_id(), id in some_id(),
    ) {
        let d = PlanDraft {
            id: BudgetLineId(id.unwrap_or(0)), year, category: category.map(CategoryId), planned,
            by_month, months: std::array::from_fn(|i| months[i].clone()),
        };
        let built = d.build(demo());
        // "plan": the pair of category and year already planned, said under the grid.
        let mut shown = vec!["year", "category", "planned", "plan"];
        shown.extend(MONTH_FIELDS);
        judge(&built, &shown, |l| l.validate())?;
        if let Some(c) = put(built.map(Record::BudgetLine)) { apply_is_all_or_nothing(c)?; }
    }

    #[test]
    fn contact_form(
        t in prop::collection::vec(line(), 3), email in email(), customer in 0u64..25,
        primary in any::<bool>(),
    ) {
        let d = ContactDraft {
            id: ContactId(0), name: t[0].clone(), title: t[1].clone(), phone: t[2].clone(),
            email, primary,
        };
        let built = d.build(CustomerId(customer));
        judge(&built, CONTACT_FIELDS, |k| k.validate())?;
        if let Some(c) = put(built.map(Record::Contact)) { apply_is_all_or_nothing(c)?; }
    }

    #[test]
    fn interaction_form(
        day in date(), note in note(), outcome in line(), follow_up in optional_date(),
        customer in 1u64..25, contact in some_id(), member in some_id(), done in any::<bool>(),
    ) {
        let mut d = InteractionDraft::new(demo(), CustomerId(customer), today());
        d.date = day; d.note = note; d.outcome = outcome; d.follow_up = follow_up;
        d.contact = contact.map(ContactId); d.member = member.map(MemberId); d.follow_up_done = done;
        let built = d.build(CustomerId(customer));
        judge(&built, INTERACTION_FIELDS, |i| i.validate())?;
        if let Some(c) = put(built.map(Record::Interaction)) { apply_is_all_or_nothing(c)?; }
    }

    #[test]
    fn feedback_form(day in date(), body in note(), customer in 1u64..25) {
        let mut d = FeedbackDraft::new(today());
        d.date = day; d.text = body;
        let built = d.build(CustomerId(customer), None);
        judge(&built, FEEDBACK_FIELDS, |f| f.validate())?;
        if let Some(c) = put(built.map(Record::Feedback)) { apply_is_all_or_nothing(c)?; }
    }

    #[test]
    fn loyalty_entry_form(
        day in date(), points in prop_oneof![3 => "-?[0-9]{1,6}", 1 => text()], reason in line(),
        customer in 1u64..25,
    ) {
        let mut d = EntryDraft::new(today());
        d.date = day; d.points = points; d.reason = reason;
        let built = d.build(CustomerId(customer));
        judge(&built, ENTRY_FIELDS, |l| l.validate())?;
        if let Some(c) = put(built.map(Record::LoyaltyEntry)) { apply_is_all_or_nothing(c)?; }
    }

    #[test]
    fn loyalty_rules_form(
        per_yuan in count(), tiers in tiers(),
        points in any::<bool>(),
    ) {
        let mut d = RulesDraft::from_program(&demo().customers.loyalty);
        d.basis = if points { TierBasis::Points } else { TierBasis::YearlyRevenue };
        d.points_per_yuan = per_yuan;
        d.tiers = tiers.into_iter().map(|(name, threshold)| TierDraft { name, threshold }).collect();
        let built = d.build();
        judge(&built, RULES_FIELDS, |p| p.validate())?;
        if let Ok(p) = built { apply_is_all_or_nothing(Change::Loyalty(Box::new(p)))?; }
    }
}
