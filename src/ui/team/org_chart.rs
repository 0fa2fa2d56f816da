//! 组织架构图: the org chart drawn from the team's structure type. The manager at the top,
//! lines down to the groups (by role for functional, by region, by product line), the
//! members in each; a matrix is a grid of regions × product lines. A click on a person
//! opens them.

use crate::i18n::{Label, Lang};
use crate::model::*;
use egui::{Color32, Stroke, Ui};

crate::texts! {
    pub enum Text {
        Title => "组织架构图", "Org chart";
        Manager => "销售经理", "Sales manager";
        NoRegion => "未设区域", "No region";
        NoLine => "未设产品线", "No product line";
        Empty => "尚无成员。", "No members yet.";
    }
}

/// One box under the manager: its title and its members, in pinyin order.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub title: String,
    pub members: Vec<MemberId>,
}

fn named(list: &[String], found: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = list.iter().map(|s| s.trim().to_owned()).collect();
    for f in found {
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The regions of the chart: the set-up's, then any other a member has.
pub fn regions(setup: &TeamSetup, members: &[&Member]) -> Vec<String> {
    named(
        &setup.regions,
        members.iter().map(|m| m.region.trim().to_owned()),
    )
}

/// The product lines of the chart: the set-up's, then any other a member sells.
pub fn lines(setup: &TeamSetup, members: &[&Member]) -> Vec<String> {
    named(
        &setup.product_lines,
        members
            .iter()
            .flat_map(|m| m.product_lines.iter().map(|p| p.trim().to_owned())),
    )
}

/// The groups of a functional, regional or product chart (a matrix uses [`cell`]).
/// Members with no region or line go in a last group that says so; a member selling
/// several lines is in each.
pub fn groups(setup: &TeamSetup, members: &[&Member], lang: Lang) -> Vec<Group> {
    let ids = |f: &dyn Fn(&Member) -> bool| -> Vec<MemberId> {
        members.iter().filter(|m| f(m)).map(|m| m.id).collect()
    };
    let mut out: Vec<Group> = match setup.structure {
        OrgStructure::Functional => Role::ALL
            .iter()
            .map(|r| Group {
                title: r.label(lang).to_owned(),
                members: ids(&|m| m.role == *r),
            })
            .collect(),
        OrgStructure::Regional | OrgStructure::Matrix => {
            let mut g: Vec<Group> = regions(setup, members)
                .into_iter()
                .map(|r| Group {
                    members: ids(&|m| m.region.trim() == r),
                    title: r,
                })
                .collect();
            g.push(Group {
                title: Text::NoRegion.get(lang).to_owned(),
                members: ids(&|m| m.region.trim().is_empty()),
            });
            g
        }
        OrgStructure::Product => {
            let mut g: Vec<Group> = lines(setup, members)
                .into_iter()
                .map(|l| Group {
                    members: ids(&|m| m.product_lines.iter().any(|p| p.trim() == l)),
                    title: l,
                })
                .collect();
            g.push(Group {
                title: Text::NoLine.get(lang).to_owned(),
                members: ids(&|m| m.product_lines.iter().all(|p| p.trim().is_empty())),
            });
            g
        }
    };
    // A role or region nobody has would be an empty box: leave it out.
    out.retain(|g| !g.members.is_empty());
    out
}

/// The members of one matrix cell: in `region` and selling `line`.
pub fn cell(members: &[&Member], region: &str, line: &str) -> Vec<MemberId> {
    members
        .iter()
        .filter(|m| m.region.trim() == region && m.product_lines.iter().any(|p| p.trim() == line))
        .map(|m| m.id)
        .collect()
}

/// Draws the chart; the member clicked, if any.
pub fn show(ui: &mut Ui, ws: &Workspace, lang: Lang) -> Option<MemberId> {
    let mut members: Vec<&Member> = ws.team.members.iter().filter(|m| m.active).collect();
    members.sort_by_cached_key(|m| crate::hanzi::order_key(&m.name));
    if members.is_empty() {
        ui.label(Text::Empty.get(lang));
        return None;
    }
    let setup = &ws.team.setup;
    let mut clicked = None;
    let mut person = |ui: &mut Ui, id: MemberId| {
        if ui.button(ws.member_name(id)).clicked() {
            clicked = Some(id);
        }
    };
    egui::ScrollArea::both()
        .id_salt("team_org_chart")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let manager = if setup.manager_name.trim().is_empty() {
                Text::Manager.get(lang).to_owned()
            } else {
                format!("{} · {}", setup.manager_name, Text::Manager.get(lang))
            };
            let top = egui::Frame::group(ui.style())
                .show(ui, |ui| ui.strong(manager))
                .response
                .rect;
            ui.add_space(24.0);
            let line = Stroke::new(1.0, ui.visuals().weak_text_color());
            if setup.structure == OrgStructure::Matrix {
                let regions = regions(setup, &members);
                let lines = lines(setup, &members);
                let grid = egui::Grid::new("org_matrix")
                    .striped(true)
                    .spacing([16.0, 8.0])
                    .show(ui, |ui| {
                        ui.label("");
                        for l in &lines {
                            ui.strong(l);
                        }
                        ui.end_row();
                        for r in &regions {
                            ui.strong(r);
                            for l in &lines {
                                ui.vertical(|ui| {
                                    for id in cell(&members, r, l) {
                                        person(ui, id);
                                    }
                                });
                            }
                            ui.end_row();
                        }
                    })
                    .response
                    .rect;
                ui.painter()
                    .line_segment([top.center_bottom(), grid.center_top()], line);
            } else {
                let boxes = ui
                    .horizontal_wrapped(|ui| {
                        groups(setup, &members, lang)
                            .into_iter()
                            .map(|g| {
                                egui::Frame::group(ui.style())
                                    .fill(group_fill(ui))
                                    .show(ui, |ui| {
                                        ui.vertical(|ui| {
                                            ui.strong(&g.title);
                                            for id in g.members {
                                                person(ui, id);
                                            }
                                        });
                                    })
                                    .response
                                    .rect
                            })
                            .collect::<Vec<_>>()
                    })
                    .inner;
                for b in boxes {
                    ui.painter()
                        .line_segment([top.center_bottom(), b.center_top()], line);
                }
            }
        });
    clicked
}

fn group_fill(ui: &Ui) -> Color32 {
    ui.visuals().faint_bg_color
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: u64, role: Role, region: &str, lines: &[&str]) -> Member {
        Member {
            id: MemberId(id),
            name: format!("M{id}"),
            role,
            region: region.into(),
            product_lines: lines.iter().map(|s| s.to_string()).collect(),
            duties: String::new(),
            capacity: 10,
            email: String::new(),
            phone: String::new(),
            joined: "2025-01-01".parse().unwrap(),
            active: true,
        }
    }

    #[test]
    fn each_structure_groups_the_members_its_own_way() {
        let ms = [
            member(1, Role::SalesRep, "华东", &["ERP"]),
            member(2, Role::PreSales, "华南", &["ERP", "CRM"]),
            member(3, Role::SalesRep, "", &[]),
        ];
        let refs: Vec<&Member> = ms.iter().collect();
        let mut setup = TeamSetup {
            regions: vec!["华东".into(), "华南".into()],
            product_lines: vec!["ERP".into(), "CRM".into()],
            ..TeamSetup::default()
        };
        let titles = |s: &TeamSetup| -> Vec<(String, Vec<u64>)> {
            groups(s, &refs, Lang::En)
                .into_iter()
                .map(|g| (g.title, g.members.iter().map(|m| m.0).collect()))
                .collect()
        };
        setup.structure = OrgStructure::Regional;
        assert_eq!(
            titles(&setup),
            vec![
                ("华东".into(), vec![1]),
                ("华南".into(), vec![2]),
                ("No region".into(), vec![3])
            ]
        );
        setup.structure = OrgStructure::Product;
        assert_eq!(
            titles(&setup),
            vec![
                ("ERP".into(), vec![1, 2]),
                ("CRM".into(), vec![2]),
                ("No product line".into(), vec![3])
            ]
        );
        setup.structure = OrgStructure::Functional;
        assert_eq!(
            titles(&setup),
            vec![
                ("Sales rep".into(), vec![1, 3]),
                ("Pre-sales consultant".into(), vec![2])
            ]
        );
        assert_eq!(cell(&refs, "华南", "CRM"), vec![MemberId(2)]);
        assert!(cell(&refs, "华东", "CRM").is_empty());
    }
}
