//! 个人发展: the figures of the Me page. Who you are losing touch with, whether stress is
//! rising, learning hours, where the week's time went, goal progress from a target, and
//! the figures a weekly review gathers. Pure functions: no egui, no I/O.

use super::filter::DealFilter;
use super::metrics::kpis;
use super::targets::target_for;
use crate::model::{
    CareerGoal, Competency, Period, PersonId, Stage, TaskId, TimeKind, WeekFigures, Workspace,
    days_between,
};
use chrono::{Datelike, Days, NaiveDate};
use std::collections::BTreeMap;

/// The Monday of the week `d` falls in.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - Days::new(d.weekday().num_days_from_monday() as u64)
}

/// The seven days Monday to Sunday from `monday`.
pub fn week_of(monday: NaiveDate) -> Period {
    Period::new(monday, monday + Days::new(6))
}

// ---------------------------------------------------------------------------------------
// Network
// ---------------------------------------------------------------------------------------

/// The last contact with a person: the later of the date set by hand and every contact
/// logged since.
pub fn last_contact(ws: &Workspace, person: PersonId) -> Option<NaiveDate> {
    let set = ws.me.people.get(person).and_then(|p| p.last_contact);
    let logged = ws
        .me
        .touches
        .iter()
        .filter(|t| t.person == person)
        .map(|t| t.date)
        .max();
    set.max(logged)
}

/// Someone past their desired interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Drift {
    pub person: PersonId,
    pub last: Option<NaiveDate>,
    /// When the next contact was due (None: never contacted, due now).
    pub due: Option<NaiveDate>,
    /// Days past due (0 = due today). Never contacted counts as the whole interval.
    pub days_overdue: i64,
}

/// People due a contact today or earlier, the most overdue first ("losing touch").
/// Someone with no interval (0) is never listed; someone never contacted is listed as
/// overdue by one whole interval.
pub fn losing_touch(ws: &Workspace, today: NaiveDate) -> Vec<Drift> {
    let mut last: BTreeMap<PersonId, NaiveDate> = BTreeMap::new();
    for t in ws.me.touches.iter() {
        let e = last.entry(t.person).or_insert(t.date);
        *e = (*e).max(t.date);
    }
    let mut out: Vec<Drift> = ws
        .me
        .people
        .iter()
        .filter(|p| p.every_days > 0)
        .filter_map(|p| {
            let l = p.last_contact.max(last.get(&p.id).copied());
            let every = i64::from(p.every_days);
            let (due, days_overdue) = match l {
                Some(l) => {
                    let due = l + Days::new(every as u64);
                    (Some(due), days_between(due, today))
                }
                None => (None, every),
            };
            (days_overdue >= 0).then_some(Drift {
                person: p.id,
                last: l,
                due,
                days_overdue,
            })
        })
        .collect();
    out.sort_by_key(|d| (std::cmp::Reverse(d.days_overdue), d.person));
    out
}

// ---------------------------------------------------------------------------------------
// Stress
// ---------------------------------------------------------------------------------------

/// The average stress level of each of the `weeks` weeks ending with the week of
/// `today`, oldest first; None for a week without check-ins.
pub fn weekly_stress(ws: &Workspace, today: NaiveDate, weeks: usize) -> Vec<Option<f64>> {
    let last = week_start(today);
    let first = last - Days::new(7 * (weeks.saturating_sub(1)) as u64);
    let mut sums = vec![(0u32, 0u32); weeks];
    for c in ws.me.check_ins.iter() {
        if c.date < first || c.date > last + Days::new(6) {
            continue;
        }
        let i = (days_between(first, c.date) / 7) as usize;
        sums[i].0 += u32::from(c.stress);
        sums[i].1 += 1;
    }
    sums.into_iter()
        .map(|(s, n)| (n > 0).then(|| f64::from(s) / f64::from(n)))
        .collect()
}

/// The gentle-note rule: stress rose two weeks running. Each of the last two weeks (this
/// one and the one before) has an average above the week before it.
pub fn stress_rising(ws: &Workspace, today: NaiveDate) -> bool {
    match weekly_stress(ws, today, 3)[..] {
        [Some(a), Some(b), Some(c)] => b > a && c > b,
        _ => false,
    }
}

/// What helped before, most often named first (then most recent), up to `n`.
pub fn what_helped(ws: &Workspace, n: usize) -> Vec<String> {
    counted(
        ws.me
            .check_ins
            .iter()
            .map(|c| (c.date, c.helped.trim()))
            .filter(|(_, h)| !h.is_empty()),
        n,
    )
}

/// The stressors named in check-ins so far, most often named first: the list a new
/// check-in picks from.
pub fn stressor_list(ws: &Workspace) -> Vec<String> {
    counted(
        ws.me.check_ins.iter().flat_map(|c| {
            c.stressors
                .iter()
                .map(move |s| (c.date, s.trim()))
                .filter(|(_, s)| !s.is_empty())
        }),
        usize::MAX,
    )
}

/// Distinct texts by how often they occur, then by how recently.
fn counted<'a>(items: impl Iterator<Item = (NaiveDate, &'a str)>, n: usize) -> Vec<String> {
    let mut seen: BTreeMap<&str, (usize, NaiveDate)> = BTreeMap::new();
    for (date, text) in items {
        let e = seen.entry(text).or_insert((0, date));
        e.0 += 1;
        e.1 = e.1.max(date);
    }
    let mut v: Vec<(&str, (usize, NaiveDate))> = seen.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.into_iter().take(n).map(|(t, _)| t.to_owned()).collect()
}

// ---------------------------------------------------------------------------------------
// Learning, leadership, goals
// ---------------------------------------------------------------------------------------

/// A year of learning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LearningYear {
    /// Hours by month, January first.
    pub hours_by_month: [u32; 12],
    pub hours: u32,
    pub done: u32,
    pub certificates: u32,
}

/// Hours count in the month an item was completed, or else the month it began; items
/// with neither date are not in any year.
pub fn learning_year(ws: &Workspace, year: i32) -> LearningYear {
    let mut y = LearningYear::default();
    for l in ws.me.learning.iter() {
        let Some(date) = l.completed.or(l.started) else {
            continue;
        };
        if date.year() != year {
            continue;
        }
        y.hours_by_month[date.month0() as usize] += l.hours;
        y.hours += l.hours;
        if l.status == crate::model::Progress::Done {
            y.done += 1;
            if l.kind == crate::model::LearningKind::Certification {
                y.certificates += 1;
            }
        }
    }
    y
}

/// One competency's scores over the assessments, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct CompetencySeries {
    /// A standard competency, or None for one of your own (named in `own`).
    pub competency: Option<Competency>,
    pub own: String,
    /// (date, score) per assessment that scored it.
    pub points: Vec<(NaiveDate, u8)>,
}

/// Every competency ever scored, standard ones first, each with its history.
pub fn leadership_series(ws: &Workspace) -> Vec<CompetencySeries> {
    let mut list: Vec<&crate::model::Assessment> = ws.me.assessments.iter().collect();
    list.sort_by_key(|a| (a.date, a.id));
    let mut out: Vec<CompetencySeries> = Competency::ALL
        .iter()
        .map(|&c| CompetencySeries {
            competency: Some(c),
            own: String::new(),
            points: list
                .iter()
                .filter_map(|a| a.score(c).map(|s| (a.date, s)))
                .collect(),
        })
        .filter(|s| !s.points.is_empty())
        .collect();
    let mut own: BTreeMap<&str, Vec<(NaiveDate, u8)>> = BTreeMap::new();
    for a in &list {
        for (name, s) in &a.own {
            own.entry(name.trim()).or_default().push((a.date, *s));
        }
    }
    out.extend(own.into_iter().map(|(name, points)| CompetencySeries {
        competency: None,
        own: name.to_owned(),
        points,
    }));
    out
}

/// A goal's progress, 0–100, and whether it comes from its linked target (the target's
/// attainment: revenue won in its period by its rep, or the team, over its amount).
pub fn goal_progress(ws: &Workspace, goal: &CareerGoal) -> (u8, bool) {
    let Some(t) = goal.target.and_then(|t| ws.performance.targets.get(t)) else {
        return (goal.progress, false);
    };
    let filter = match t.member {
        Some(m) => DealFilter::owner(m),
        None => DealFilter::ALL,
    };
    let revenue = kpis(ws, t.period, &filter).revenue;
    let pct = if t.amount.0 > 0 {
        (revenue.0 as f64 * 100.0 / t.amount.0 as f64)
            .round()
            .clamp(0.0, 100.0) as u8
    } else {
        100
    };
    (pct, true)
}

// ---------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------

/// Minutes planned per kind in the week from `monday`, in the order of [`TimeKind::ALL`]
/// (kinds with no time included, so a chart's bars keep their places).
pub fn time_by_kind(ws: &Workspace, monday: NaiveDate) -> Vec<(TimeKind, u32)> {
    let week = week_of(monday);
    TimeKind::ALL
        .iter()
        .map(|&k| {
            let m = ws
                .me
                .time_blocks
                .iter()
                .filter(|b| b.kind == k && week.contains(b.date))
                .map(|b| u32::from(b.minutes))
                .sum();
            (k, m)
        })
        .collect()
}

/// Today's focus list: tasks put on it for `today`, open ones first.
pub fn focus_list(ws: &Workspace, today: NaiveDate) -> Vec<TaskId> {
    let mut v: Vec<(bool, TaskId)> = ws
        .me
        .tasks
        .iter()
        .filter(|t| t.focus_on == Some(today))
        .map(|t| (t.done, t.id))
        .collect();
    v.sort();
    v.into_iter().map(|(_, id)| id).collect()
}

/// Open tasks planned for the week from `monday` or earlier: what a review carries.
pub fn tasks_to_carry(ws: &Workspace, monday: NaiveDate) -> Vec<TaskId> {
    let end = week_of(monday).end;
    ws.me
        .tasks
        .iter()
        .filter(|t| !t.done && t.due.is_some_and(|d| d <= end))
        .map(|t| t.id)
        .collect()
}

// ---------------------------------------------------------------------------------------
// Weekly review
// ---------------------------------------------------------------------------------------

/// The figures of the week from `monday`, as of `today`:
/// - deals moved (entered another open stage), won and lost in the week, and the amount
///   won;
/// - the month-to-date attainment against the team's monthly target (the month of the
///   week's last day counted so far), against the pace (the share of the month gone);
/// - tasks done in the week and open ones planned in it or before (rolled forward);
/// - network contacts logged in the week;
/// - the week's average stress and the week before's.
pub fn week_figures(ws: &Workspace, monday: NaiveDate, today: NaiveDate) -> WeekFigures {
    let week = week_of(monday);
    let mut f = WeekFigures::default();
    for d in ws.deals.deals.iter() {
        f.deals_moved += d
            .history
            .iter()
            .skip(1)
            .filter(|h| h.stage.is_open() && week.contains(h.date))
            .count() as u32;
        if let Some(closed) = d.closed_on()
            && week.contains(closed)
        {
            if d.stage == Stage::Won {
                f.deals_won += 1;
                f.won_amount += d.amount.0;
            } else {
                f.deals_lost += 1;
            }
        }
    }
    let upto = week.end.min(today.max(monday));
    let month = Period::month(upto.year(), upto.month());
    let so_far = Period::new(month.start, upto);
    let revenue = kpis(ws, so_far, &DealFilter::ALL).revenue;
    f.attainment_pm = target_for(ws, month, None)
        .filter(|t| t.0 > 0)
        .map(|t| (revenue.0 as f64 * 1000.0 / t.0 as f64).round().max(0.0) as u32);
    let days = days_between(month.start, month.end) + 1;
    f.pace_pm =
        ((days_between(month.start, upto) + 1) as f64 * 1000.0 / days as f64).round() as u32;
    for t in ws.me.tasks.iter() {
        if t.done && t.done_on.is_some_and(|d| week.contains(d)) {
            f.tasks_done += 1;
        }
    }
    f.tasks_rolled = tasks_to_carry(ws, monday).len() as u32;
    f.contacts = ws
        .me
        .touches
        .iter()
        .filter(|t| week.contains(t.date))
        .count() as u32;
    let s = weekly_stress(ws, week.end, 2);
    let ten = |v: Option<f64>| v.map(|x| (x * 10.0).round() as u32);
    f.stress_prev_avg10 = ten(s[0]);
    f.stress_avg10 = ten(s[1]);
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::*;
    use crate::model::*;
    use std::sync::Arc;

    fn person(id: u64, every: u32, last: Option<&str>) -> Person {
        Person {
            id: PersonId(id),
            name: format!("P{id}"),
            company: String::new(),
            met_at: String::new(),
            topics: String::new(),
            every_days: every,
            last_contact: last.map(d),
            contact: None,
            notes: String::new(),
        }
    }

    fn touch(id: u64, person: u64, date: &str) -> Touch {
        Touch {
            id: TouchId(id),
            person: PersonId(person),
            date: d(date),
            note: String::new(),
        }
    }

    fn check_in(id: u64, date: &str, stress: u8, helped: &str) -> StressCheckIn {
        StressCheckIn {
            id: CheckInId(id),
            date: d(date),
            stress,
            energy: 3,
            sleep_hours: 7,
            note: String::new(),
            stressors: Vec::new(),
            helped: helped.into(),
        }
    }

    pub(crate) fn task(id: u64, due: Option<&str>) -> Task {
        Task {
            id: TaskId(id),
            title: format!("T{id}"),
            due: due.map(d),
            urgent: false,
            important: false,
            done: false,
            notes: String::new(),
            moved_later: 0,
            focus_on: None,
            done_on: None,
        }
    }

    #[test]
    fn losing_touch_is_sorted_by_how_overdue_and_a_logged_contact_resets_it() {
        let mut ws = Workspace::default();
        let me = Arc::make_mut(&mut ws.me);
        me.people.put(person(1, 30, Some("2026-01-01"))); // due 01-31: 40 days over
        me.people.put(person(2, 14, Some("2026-02-20"))); // due 03-06: 6 days over
        me.people.put(person(3, 30, Some("2026-03-01"))); // due 03-31: not yet
        me.people.put(person(4, 0, Some("2025-01-01"))); // no interval: never listed
        me.people.put(person(5, 60, None)); // never contacted: 60
        me.people.put(person(6, 10, Some("2026-03-02"))); // due today
        let today = d("2026-03-12");
        let ids = |ws: &Workspace| -> Vec<u64> {
            losing_touch(ws, today).iter().map(|x| x.person.0).collect()
        };
        assert_eq!(ids(&ws), [5, 1, 2, 6]);
        assert_eq!(losing_touch(&ws, today)[1].days_overdue, 40);
        // Calling person 1 restarts their clock; an older contact changes nothing.
        let me = Arc::make_mut(&mut ws.me);
        me.touches.put(touch(1, 1, "2026-03-12"));
        me.touches.put(touch(2, 2, "2026-01-01"));
        assert_eq!(ids(&ws), [5, 2, 6]);
        assert_eq!(last_contact(&ws, PersonId(1)), Some(today));
        assert_eq!(last_contact(&ws, PersonId(2)), Some(d("2026-02-20")));
    }

    #[test]
    fn stress_rising_needs_each_of_the_last_two_weeks_above_the_one_before() {
        // 2026-03-12 is a Thursday; weeks start 02-23, 03-02, 03-09.
        let today = d("2026-03-12");
        let ws_of = |levels: &[(&str, u8)]| {
            let mut ws = Workspace::default();
            let me = Arc::make_mut(&mut ws.me);
            for (i, (date, s)) in levels.iter().enumerate() {
                me.check_ins.put(check_in(i as u64 + 1, date, *s, ""));
            }
            ws
        };
        let rising = ws_of(&[("2026-02-24", 2), ("2026-03-03", 3), ("2026-03-10", 4)]);
        assert!(stress_rising(&rising, today));
        assert_eq!(
            weekly_stress(&rising, today, 3),
            [Some(2.0), Some(3.0), Some(4.0)]
        );
        // Up then flat: not two rises.
        let flat = ws_of(&[("2026-02-24", 2), ("2026-03-03", 3), ("2026-03-10", 3)]);
        assert!(!stress_rising(&flat, today));
        // A week without check-ins breaks the rule.
        let gap = ws_of(&[("2026-02-24", 2), ("2026-03-10", 4)]);
        assert!(!stress_rising(&gap, today));
        // Averages, not single days: 1 and 5 (3.0) after 2.5 after 2.
        let avg = ws_of(&[
            ("2026-02-23", 2),
            ("2026-03-02", 2),
            ("2026-03-08", 3),
            ("2026-03-09", 1),
            ("2026-03-12", 5),
        ]);
        assert!(stress_rising(&avg, today));
    }

    #[test]
    fn what_helped_lists_the_most_named_first() {
        let mut ws = Workspace::default();
        let me = Arc::make_mut(&mut ws.me);
        me.check_ins.put(check_in(1, "2026-03-01", 3, "跑步"));
        me.check_ins.put(check_in(2, "2026-03-02", 3, "早睡"));
        me.check_ins.put(check_in(3, "2026-03-03", 3, "跑步"));
        me.check_ins.put(check_in(4, "2026-03-04", 3, " "));
        assert_eq!(what_helped(&ws, 5), ["跑步", "早睡"]);
    }

    #[test]
    fn a_planned_date_moved_later_counts_and_three_moves_mark_the_task() {
        let today = d("2026-03-12");
        let mut t = task(1, Some("2026-03-10"));
        for (next, count) in [
            (Some("2026-03-11"), 1),
            (Some("2026-03-09"), 1), // earlier: not a slip
            (None, 1),               // cleared: not a slip
            (Some("2026-03-20"), 1), // set again from nothing: not a slip
            (Some("2026-03-21"), 2),
            (Some("2026-03-21"), 2), // unchanged
            (Some("2026-03-28"), 3),
        ] {
            let mut n = t.clone();
            n.due = next.map(d);
            t = t.edited(n, today);
            assert_eq!(t.moved_later, count, "after {next:?}");
        }
        assert!(t.keeps_moving());
        // Marking done dates it; undoing the mark clears the date.
        let mut n = t.clone();
        n.done = true;
        let done = t.edited(n, today);
        assert_eq!(done.done_on, Some(today));
        let mut n = done.clone();
        n.done = false;
        assert_eq!(done.edited(n, today).done_on, None);
    }

    #[test]
    fn week_figures_on_small_data() {
        // The week of Monday 2026-03-09; today is Friday 03-13.
        let monday = d("2026-03-09");
        let today = d("2026-03-13");
        let mut ws = ws_with(vec![
            // Moved twice this week (needs, quote), then nothing else.
            deal(
                1,
                &[
                    (Stage::Lead, "2026-03-01"),
                    (Stage::Needs, "2026-03-09"),
                    (Stage::Quote, "2026-03-12"),
                ],
            ),
            // Won this week: 5,000.
            with_amount(
                deal(
                    2,
                    &[(Stage::Lead, "2026-02-01"), (Stage::Won, "2026-03-10")],
                ),
                5000,
            ),
            // Lost this week.
            deal(
                3,
                &[(Stage::Lead, "2026-02-01"), (Stage::Lost, "2026-03-11")],
            ),
            // Moved and won last week: not counted.
            deal(
                4,
                &[
                    (Stage::Lead, "2026-02-01"),
                    (Stage::Needs, "2026-03-02"),
                    (Stage::Won, "2026-03-06"),
                ],
            ),
        ]);
        Arc::make_mut(&mut ws.performance).targets.put(Target {
            id: TargetId(1),
            member: None,
            period: Period::month(2026, 3),
            amount: Money::from_major(31_000),
            stretch: None,
            challenge: None,
        });
        let me = Arc::make_mut(&mut ws.me);
        let mut done = task(1, Some("2026-03-10"));
        done.done = true;
        done.done_on = Some(d("2026-03-11"));
        me.tasks.put(done);
        me.tasks.put(task(2, Some("2026-03-12"))); // open, this week: rolls
        me.tasks.put(task(3, Some("2026-03-02"))); // open, earlier: rolls
        me.tasks.put(task(4, Some("2026-03-16"))); // next week
        me.tasks.put(task(5, None));
        me.people.put(person(1, 30, None));
        me.touches.put(touch(1, 1, "2026-03-09"));
        me.touches.put(touch(2, 1, "2026-03-15"));
        me.touches.put(touch(3, 1, "2026-03-08")); // Sunday before
        me.check_ins.put(check_in(1, "2026-03-03", 2, ""));
        me.check_ins.put(check_in(2, "2026-03-10", 3, ""));
        me.check_ins.put(check_in(3, "2026-03-12", 4, ""));
        let f = week_figures(&ws, monday, today);
        assert_eq!((f.deals_moved, f.deals_won, f.deals_lost), (2, 1, 1));
        assert_eq!(f.won_amount, Money::from_major(5000).0);
        // Month to date (to 03-13): deals 2 and 4 won, 6,000 of 31,000; 13 of 31 days.
        assert_eq!(f.attainment_pm, Some(194));
        assert_eq!(f.pace_pm, 419);
        assert_eq!((f.tasks_done, f.tasks_rolled), (1, 2));
        assert_eq!(f.contacts, 2);
        assert_eq!((f.stress_prev_avg10, f.stress_avg10), (Some(20), Some(35)));
    }

    #[test]
    fn learning_hours_fall_in_the_month_completed_or_begun() {
        let mut ws = Workspace::default();
        let me = Arc::make_mut(&mut ws.me);
        let item = |id, kind, status, hours, started: Option<&str>, completed: Option<&str>| {
            LearningItem {
                id: LearningId(id),
                title: "x".into(),
                kind,
                status,
                hours,
                completed: completed.map(d),
                notes: String::new(),
                started: started.map(d),
            }
        };
        me.learning.put(item(
            1,
            LearningKind::Book,
            Progress::Done,
            10,
            Some("2025-12-01"),
            Some("2026-02-10"),
        ));
        me.learning.put(item(
            2,
            LearningKind::Certification,
            Progress::Done,
            30,
            None,
            Some("2026-02-20"),
        ));
        me.learning.put(item(
            3,
            LearningKind::Course,
            Progress::InProgress,
            8,
            Some("2026-05-01"),
            None,
        ));
        me.learning.put(item(
            4,
            LearningKind::Course,
            Progress::Planned,
            8,
            None,
            None,
        ));
        let y = learning_year(&ws, 2026);
        assert_eq!(y.hours_by_month[1], 40);
        assert_eq!(y.hours_by_month[4], 8);
        assert_eq!((y.hours, y.done, y.certificates), (48, 2, 1));
    }

    #[test]
    fn a_goal_linked_to_a_target_takes_its_attainment() {
        let mut ws = ws_with(vec![with_amount(
            deal(
                1,
                &[(Stage::Lead, "2026-01-01"), (Stage::Won, "2026-01-20")],
            ),
            4000,
        )]);
        Arc::make_mut(&mut ws.performance).targets.put(Target {
            id: TargetId(7),
            member: Some(MemberId(1)),
            period: Period::month(2026, 1),
            amount: Money::from_major(10_000),
            stretch: None,
            challenge: None,
        });
        let mut g = CareerGoal {
            id: GoalId(1),
            title: "g".into(),
            area: GoalArea::Career,
            aligned_with: String::new(),
            target_date: None,
            progress: 15,
            notes: String::new(),
            milestones: Vec::new(),
            target: None,
        };
        assert_eq!(goal_progress(&ws, &g), (15, false));
        g.target = Some(TargetId(7));
        assert_eq!(goal_progress(&ws, &g), (40, true));
    }
}
