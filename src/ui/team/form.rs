//! Member form and team set-up form.

use super::Text;
use crate::i18n::{Lang, T};
use crate::model::*;
use crate::ui::widgets::form;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct MemberDraft {
    pub id: MemberId,
    pub name: String,
    pub role: Role,
    pub region: String,
    /// Comma-separated in the form.
    pub product_lines: String,
    pub duties: String,
    pub capacity: String,
    pub email: String,
    pub phone: String,
    pub joined: String,
    pub active: bool,
}

impl MemberDraft {
    pub fn new(today: NaiveDate) -> Self {
        MemberDraft {
            id: MemberId(0),
            name: String::new(),
            role: Role::SalesRep,
            region: String::new(),
            product_lines: String::new(),
            duties: String::new(),
            capacity: "25".into(),
            email: String::new(),
            phone: String::new(),
            joined: today.to_string(),
            active: true,
        }
    }

    pub fn from_member(m: &Member) -> Self {
        MemberDraft {
            id: m.id,
            name: m.name.clone(),
            role: m.role,
            region: m.region.clone(),
            product_lines: m.product_lines.join(", "),
            duties: m.duties.clone(),
            capacity: m.capacity.to_string(),
            email: m.email.clone(),
            phone: m.phone.clone(),
            joined: m.joined.to_string(),
            active: m.active,
        }
    }

    pub fn build(&self) -> Result<Member, Errors> {
        let mut e = Errors::new();
        let joined = form::parse_into(&mut e, "joined", parse_date(&self.joined));
        let capacity = form::parse_into(&mut e, "capacity", parse_count(&self.capacity));
        let m = Member {
            id: self.id,
            name: self.name.trim().to_owned(),
            role: self.role,
            region: self.region.trim().to_owned(),
            product_lines: split_list(&self.product_lines),
            duties: self.duties.clone(),
            capacity: capacity.unwrap_or(0),
            email: self.email.trim().to_owned(),
            phone: self.phone.trim().to_owned(),
            joined: joined.unwrap_or_default(),
            active: self.active,
        };
        for fe in m.validate().0 {
            e.add(fe.field, fe.problem);
        }
        e.into_result().map(|_| m)
    }
}

/// A count typed by a person: "-3" is negative, not "not a number".
fn parse_count(s: &str) -> Result<u32, Problem> {
    let v = parse_int(s, i64::MIN, i64::MAX)?;
    if v < 0 {
        return Err(Problem::Negative);
    }
    u32::try_from(v.min(10_001)).map_err(|_| Problem::NotANumber)
}

/// "A, B，C" -> ["A", "B", "C"] (Chinese and Latin commas both work).
pub fn split_list(s: &str) -> Vec<String> {
    s.split([',', '，', '、'])
        .map(|x| x.trim().to_owned())
        .filter(|x| !x.is_empty())
        .collect()
}

pub use crate::ui::widgets::form::FormAction;

pub fn member_form(
    ui: &mut egui::Ui,
    d: &mut MemberDraft,
    errors: &Errors,
    lang: Lang,
) -> FormAction {
    let t = |k: T| k.get(lang);
    ui.heading(if d.id.0 == 0 {
        Text::NewMember.get(lang)
    } else {
        Text::EditMember.get(lang)
    });
    let mut action = FormAction::None;
    egui::ScrollArea::vertical()
        .id_salt("member_form")
        .show(ui, |ui| {
            form::grid(ui, "member_form", |ui| {
                form::text(ui, t(T::PersonName), &mut d.name, "name", errors, lang);
                form::choice(ui, t(T::Role), &mut d.role, &Role::ALL, lang);
                form::text(ui, t(T::Region), &mut d.region, "region", errors, lang);
                form::text_with_hint(
                    ui,
                    t(T::ProductLines),
                    &mut d.product_lines,
                    Text::CommaHint.get(lang),
                    "product_lines",
                    errors,
                    lang,
                );
                form::text(
                    ui,
                    t(T::Capacity),
                    &mut d.capacity,
                    "capacity",
                    errors,
                    lang,
                );
                form::text(ui, t(T::Email), &mut d.email, "email", errors, lang);
                form::text(ui, t(T::Phone), &mut d.phone, "phone", errors, lang);
                form::date(ui, t(T::Joined), &mut d.joined, "joined", errors, lang);
                form::multiline(ui, t(T::Duties), &mut d.duties, "duties", errors, lang);
                form::checkbox(ui, t(T::Active), &mut d.active);
            });
            action = form::footer(ui, errors, lang);
        });
    action
}

/// The set-up of the team, edited as a draft too.
#[derive(Debug, Clone, PartialEq)]
pub struct SetupDraft {
    pub structure: OrgStructure,
    pub team_name: String,
    pub manager_name: String,
    pub regions: String,
    pub product_lines: String,
}

impl SetupDraft {
    pub fn from_setup(s: &TeamSetup) -> Self {
        SetupDraft {
            structure: s.structure,
            team_name: s.team_name.clone(),
            manager_name: s.manager_name.clone(),
            regions: s.regions.join(", "),
            product_lines: s.product_lines.join(", "),
        }
    }
    pub fn build(&self) -> Result<TeamSetup, Errors> {
        let s = TeamSetup {
            structure: self.structure,
            team_name: self.team_name.trim().to_owned(),
            manager_name: self.manager_name.trim().to_owned(),
            regions: split_list(&self.regions),
            product_lines: split_list(&self.product_lines),
        };
        s.validate().into_result().map(|_| s)
    }
}

pub fn setup_form(
    ui: &mut egui::Ui,
    d: &mut SetupDraft,
    errors: &Errors,
    lang: Lang,
) -> FormAction {
    let t = |k: T| k.get(lang);
    ui.heading(Text::EditSetup.get(lang));
    let mut action = FormAction::None;
    form::grid(ui, "setup_form", |ui| {
        form::text(
            ui,
            t(T::TeamName),
            &mut d.team_name,
            "team_name",
            errors,
            lang,
        );
        form::text(
            ui,
            t(T::ManagerName),
            &mut d.manager_name,
            "manager_name",
            errors,
            lang,
        );
        form::choice(
            ui,
            t(T::Structure),
            &mut d.structure,
            &OrgStructure::ALL,
            lang,
        );
        form::text_with_hint(
            ui,
            Text::Regions.get(lang),
            &mut d.regions,
            Text::CommaHint.get(lang),
            "regions",
            errors,
            lang,
        );
        form::text_with_hint(
            ui,
            t(T::ProductLines),
            &mut d.product_lines,
            Text::CommaHint.get(lang),
            "product_lines",
            errors,
            lang,
        );
    });
    ui.horizontal(|ui| {
        if crate::ui::widgets::keys::save_button(ui, t(T::Save)) {
            action = FormAction::Save;
        }
        if crate::ui::widgets::keys::cancel_button(ui, t(T::Cancel)) {
            action = FormAction::Cancel;
        }
    });
    action
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_capacity_and_bad_date_are_reported() {
        let mut d = MemberDraft::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        d.name = "王芳".into();
        d.capacity = "-3".into();
        d.joined = "yesterday".into();
        let e = d.build().unwrap_err();
        assert_eq!(e.get("capacity"), Some(&Problem::Negative));
        assert_eq!(e.get("joined"), Some(&Problem::NotADate));
        assert_eq!(
            split_list("云ERP， 智能仓储,,A、B"),
            vec!["云ERP", "智能仓储", "A", "B"]
        );
    }
}
