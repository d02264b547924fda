//! Views per role, without logins (docs/model.md section 7.1): the key accounts one manager
//! carries, the accounts of each executive sponsor with their last and next meeting, and the
//! head of key accounts' table of managers. A workshop switches between them; nobody signs in,
//! so a view is chosen, not granted.

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::{account_health, loss_risk, next_meeting, reminders, HealthBand, Reminder, Segmentation};
use crate::model::{Dossier, EventKind, Workspace};

/// The role a view is for. Stable ids (`id`, `parse`) are the page's query string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RoleView {
    /// Every key account: the programme's list.
    #[default]
    All,
    /// *My accounts*: the key accounts of one manager (by the trimmed name).
    Manager(String),
    /// *Executive sponsor*: the key accounts grouped by sponsor.
    Sponsors,
    /// *Head of key accounts*: a row per manager.
    Head,
}

impl RoleView {
    /// The view's id in a query string (`view=`).
    pub fn id(&self) -> &'static str {
        match self {
            RoleView::All => "all",
            RoleView::Manager(_) => "manager",
            RoleView::Sponsors => "sponsors",
            RoleView::Head => "head",
        }
    }

    /// The view a query string names: `view` as [`RoleView::id`] gives it, `manager` the manager
    /// of *My accounts* (trimmed). Anything else is the whole list, so an old or mistyped link
    /// still opens the page.
    pub fn parse(view: Option<&str>, manager: Option<&str>) -> RoleView {
        match view.map(str::trim) {
            Some("manager") => RoleView::Manager(manager.unwrap_or_default().trim().to_string()),
            Some("sponsors") => RoleView::Sponsors,
            Some("head") => RoleView::Head,
            _ => RoleView::All,
        }
    }

    /// Whether a key account with this manager is in the view's list (the sponsor and head views
    /// show every key account, grouped).
    pub fn shows(&self, manager: &str) -> bool {
        match self {
            RoleView::Manager(m) => manager.trim() == m,
            _ => true,
        }
    }
}

/// One key account under its executive sponsor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SponsorAccount {
    pub account_id: String,
    pub account_name: String,
    /// The latest meeting the timeline records on or before today.
    pub last_meeting: Option<NaiveDate>,
    /// The next planned meeting on or after today, with its title.
    pub next_meeting: Option<(NaiveDate, String)>,
}

/// An executive sponsor and the key accounts they sponsor, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SponsorGroup {
    /// The trimmed name; empty for the key accounts that have no sponsor yet.
    pub sponsor: String,
    pub accounts: Vec<SponsorAccount>,
}

/// The latest meeting on or before `today` in a dossier's timeline.
pub fn last_meeting(d: &Dossier, today: NaiveDate) -> Option<NaiveDate> {
    d.timeline.iter().filter(|e| e.kind == EventKind::Meeting).filter_map(|e| e.date).filter(|&day| day <= today).max()
}

/// The next planned meeting of a dossier's yearly plan on or after `today`, and its title; the
/// first in the plan's order when two fall on one day.
pub fn upcoming_meeting(d: &Dossier, today: NaiveDate) -> Option<(NaiveDate, String)> {
    let mut best: Option<(NaiveDate, String)> = None;
    for m in &d.meetings {
        if let Some(day) = next_meeting(m.month, m.day, today) {
            if best.as_ref().is_none_or(|(b, _)| day < *b) {
                best = Some((day, m.title.clone()));
            }
        }
    }
    best
}

/// The key accounts by executive sponsor: sponsors by name, each sponsor's accounts by name,
/// the accounts without a sponsor last.
pub fn sponsor_groups(ws: &Workspace, today: NaiveDate) -> Vec<SponsorGroup> {
    let empty = Dossier::new("");
    let mut groups: Vec<SponsorGroup> = Vec::new();
    let mut keys: Vec<_> = ws.accounts().iter().filter(|a| a.is_key).collect();
    keys.sort_by(|a, b| a.name.cmp(&b.name));
    for a in keys {
        let d = ws.dossier(&a.id).unwrap_or(&empty);
        let sponsor = d.executive_sponsor.trim();
        let row = SponsorAccount {
            account_id: a.id.clone(),
            account_name: a.name.clone(),
            last_meeting: last_meeting(d, today),
            next_meeting: upcoming_meeting(d, today),
        };
        match groups.iter_mut().find(|g| g.sponsor == sponsor) {
            Some(g) => g.accounts.push(row),
            None => groups.push(SponsorGroup { sponsor: sponsor.to_string(), accounts: vec![row] }),
        }
    }
    groups.sort_by(|a, b| (a.sponsor.is_empty(), &a.sponsor).cmp(&(b.sponsor.is_empty(), &b.sponsor)));
    groups
}

/// One manager's line in the head of key accounts' view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManagerSummary {
    /// The trimmed name; empty for the key accounts that have no manager yet.
    pub manager: String,
    pub key_accounts: usize,
    /// The mean health score of the manager's key accounts, rounded.
    pub health_mean: u32,
    /// The mean's band, for its colour.
    pub health_band: HealthBand,
    /// The lowest health score, and the account it belongs to.
    pub health_lowest: (u32, String),
    /// Accounts with the at-risk-of-loss signal.
    pub at_risk: usize,
    /// The mean dossier completeness, in percent, rounded.
    pub completeness_pct: u32,
    /// The mean of the manager's skills self-assessment (1–5), over the skills scored; `None`
    /// when not assessed.
    pub skills_mean: Option<f64>,
    /// Reminders past their day and not done, on the manager's key accounts.
    pub overdue: usize,
}

/// The head of key accounts' view: a line per manager, by name, the key accounts without a
/// manager last. Overdue counts the reminders of [`reminders`] past their day, under the
/// programme's own lost-account rule.
pub fn manager_summaries(ws: &Workspace, seg: &Segmentation, today: NaiveDate) -> Vec<ManagerSummary> {
    let overdue = overdue_reminders(ws, today);
    let mut names: Vec<String> =
        ws.accounts().iter().filter(|a| a.is_key).map(|a| a.manager.trim().to_string()).collect();
    names.sort_by(|a, b| (a.is_empty(), a).cmp(&(b.is_empty(), b)));
    names.dedup();
    names.into_iter().map(|manager| summary_of(ws, seg, today, manager, &overdue)).collect()
}

/// One manager's line of [`manager_summaries`] (by the trimmed name), for *My accounts*; `None`
/// when the manager carries no key account.
pub fn manager_summary(ws: &Workspace, seg: &Segmentation, today: NaiveDate, manager: &str) -> Option<ManagerSummary> {
    let manager = manager.trim();
    ws.accounts()
        .iter()
        .any(|a| a.is_key && a.manager.trim() == manager)
        .then(|| summary_of(ws, seg, today, manager.to_string(), &overdue_reminders(ws, today)))
}

fn overdue_reminders(ws: &Workspace, today: NaiveDate) -> Vec<Reminder> {
    reminders(ws, ws.programme.lost_after_months, today, 0).into_iter().filter(|r| r.overdue).collect()
}

fn summary_of(
    ws: &Workspace,
    seg: &Segmentation,
    today: NaiveDate,
    manager: String,
    overdue: &[Reminder],
) -> ManagerSummary {
    let mut accounts: Vec<_> = ws.accounts().iter().filter(|a| a.is_key && a.manager.trim() == manager).collect();
    accounts.sort_by(|a, b| a.name.cmp(&b.name));
    let n = accounts.len();
    let healths: Vec<(u32, &str)> =
        accounts.iter().map(|a| (account_health(ws, &a.id, today).score, a.name.as_str())).collect();
    let health_mean = mean(healths.iter().map(|h| h.0).sum(), n);
    let lowest = healths.iter().min_by_key(|h| h.0).map(|&(s, name)| (s, name.to_string())).unwrap_or_default();
    let completeness: u32 = accounts.iter().map(|a| ws.dossier(&a.id).map_or(0, Dossier::completeness_pct)).sum();
    let at_risk = accounts.iter().filter(|a| loss_risk(ws, &a.id, seg.row(&a.id), today).at_risk()).count();
    let overdue = overdue.iter().filter(|r| accounts.iter().any(|a| a.id == r.account_id)).count();
    let skills_mean = (!manager.is_empty()).then(|| skills_mean(ws, &manager)).flatten();
    ManagerSummary {
        health_mean,
        health_band: HealthBand::of(health_mean),
        health_lowest: lowest,
        at_risk,
        completeness_pct: mean(completeness, n),
        skills_mean,
        overdue,
        key_accounts: n,
        manager,
    }
}

fn mean(total: u32, n: usize) -> u32 {
    if n == 0 {
        0
    } else {
        (f64::from(total) / n as f64).round() as u32
    }
}

/// The mean of a manager's scored skills, `None` when none is scored.
pub fn skills_mean(ws: &Workspace, manager: &str) -> Option<f64> {
    let a = ws.programme.skills.iter().find(|s| s.manager.trim() == manager.trim())?;
    let scores: Vec<f64> = a.scores.iter().flatten().map(|&s| f64::from(s)).collect();
    (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment_workspace;
    use crate::model::{Account, Action, ActionStatus, Meeting, SkillAssessment, TimelineEvent};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn key(ws: &mut Workspace, name: &str, manager: &str, sponsor: &str) -> String {
        let mut a = Account::new(name);
        a.is_key = true;
        a.manager = manager.into();
        let id = a.id.clone();
        ws.insert_account(a);
        let mut d = Dossier::new(&id);
        d.executive_sponsor = sponsor.into();
        ws.upsert_dossier(d);
        id
    }

    fn dossier(ws: &mut Workspace, id: &str, change: impl FnOnce(&mut Dossier)) {
        let mut d = ws.dossier(id).cloned().unwrap();
        change(&mut d);
        ws.upsert_dossier(d);
    }

    #[test]
    fn a_view_reads_back_from_its_query_and_an_unknown_one_is_the_whole_list() {
        for v in [RoleView::All, RoleView::Manager("Maria Lind".into()), RoleView::Sponsors, RoleView::Head] {
            let manager = match &v {
                RoleView::Manager(m) => Some(m.as_str()),
                _ => None,
            };
            assert_eq!(RoleView::parse(Some(v.id()), manager), v);
        }
        assert_eq!(RoleView::parse(Some("boss"), None), RoleView::All);
        assert_eq!(RoleView::parse(None, Some("Maria")), RoleView::All);
        assert_eq!(RoleView::parse(Some("manager"), Some("  Maria Lind ")), RoleView::Manager("Maria Lind".into()));
        let mine = RoleView::Manager("Maria Lind".into());
        assert!(mine.shows(" Maria Lind"));
        assert!(!mine.shows("Jaan Tamm"));
        assert!(RoleView::Head.shows("anyone"));
    }

    #[test]
    fn sponsors_by_name_with_last_and_next_meeting_and_the_unsponsored_last() {
        let today = date(2026, 6, 15);
        let mut ws = Workspace::default();
        let b = key(&mut ws, "Beta", "Maria", " Anna Board ");
        let a = key(&mut ws, "Alpha", "Maria", "Anna Board");
        key(&mut ws, "Gamma", "Jaan", "");
        key(&mut ws, "Delta", "Jaan", "Ben Chair");
        ws.insert_account(Account::new("Not key"));
        dossier(&mut ws, &a, |d| {
            d.timeline = vec![
                TimelineEvent {
                    id: "1".into(),
                    date: Some(date(2026, 3, 1)),
                    kind: EventKind::Meeting,
                    text: String::new(),
                },
                TimelineEvent {
                    id: "2".into(),
                    date: Some(date(2026, 5, 2)),
                    kind: EventKind::Meeting,
                    text: String::new(),
                },
                TimelineEvent {
                    id: "3".into(),
                    date: Some(date(2026, 6, 1)),
                    kind: EventKind::Delivery,
                    text: String::new(),
                },
                TimelineEvent {
                    id: "4".into(),
                    date: Some(date(2026, 7, 1)),
                    kind: EventKind::Meeting,
                    text: String::new(),
                },
            ];
            d.meetings = vec![
                Meeting {
                    id: "m1".into(),
                    title: "Annual review".into(),
                    month: 3,
                    day: Some(10),
                    ..Default::default()
                },
                Meeting { id: "m2".into(), title: "Board visit".into(), month: 9, ..Default::default() },
            ];
        });
        let groups = sponsor_groups(&ws, today);
        let names: Vec<_> = groups.iter().map(|g| g.sponsor.as_str()).collect();
        assert_eq!(names, ["Anna Board", "Ben Chair", ""]);
        let anna: Vec<_> = groups[0].accounts.iter().map(|r| r.account_id.as_str()).collect();
        assert_eq!(anna, [a.as_str(), b.as_str()], "one sponsor however spaced, accounts by name");
        let alpha = &groups[0].accounts[0];
        assert_eq!(alpha.last_meeting, Some(date(2026, 5, 2)), "a meeting after today is not the last one");
        assert_eq!(alpha.next_meeting, Some((date(2026, 9, 1), "Board visit".to_string())));
        assert_eq!(groups[0].accounts[1].last_meeting, None);
        assert_eq!(groups[0].accounts[1].next_meeting, None);
        assert_eq!(groups[2].accounts.len(), 1);
    }

    #[test]
    fn the_head_sees_a_line_per_manager_with_health_completeness_skills_and_overdue() {
        let today = date(2026, 6, 15);
        let mut ws = Workspace::default();
        let a = key(&mut ws, "Alpha", "Maria", "");
        key(&mut ws, "Beta", " Maria ", "");
        key(&mut ws, "Gamma", "Jaan", "");
        key(&mut ws, "Delta", "", "");
        dossier(&mut ws, &a, |d| {
            d.overview = "A mill".into();
            d.actions = vec![
                Action {
                    id: "x".into(),
                    text: "Call".into(),
                    owner: "Maria".into(),
                    due: Some(date(2026, 6, 1)),
                    status: ActionStatus::Open,
                },
                Action {
                    id: "y".into(),
                    text: "Done".into(),
                    owner: "Maria".into(),
                    due: Some(date(2026, 6, 1)),
                    status: ActionStatus::Done,
                },
            ];
        });
        ws.programme.skills = vec![SkillAssessment {
            manager: "Maria".into(),
            scores: vec![Some(4), None, Some(3)],
            notes: String::new(),
            plans: Vec::new(),
        }];
        let seg = segment_workspace(&ws, &Default::default());
        let rows = manager_summaries(&ws, &seg, today);
        let names: Vec<_> = rows.iter().map(|r| r.manager.as_str()).collect();
        assert_eq!(names, ["Jaan", "Maria", ""]);
        let maria = &rows[1];
        assert_eq!(maria.key_accounts, 2);
        assert_eq!(maria.skills_mean, Some(3.5));
        assert_eq!(maria.overdue, 1, "only the open action past its day");
        let alpha = account_health(&ws, &a, today).score;
        let beta = account_health(&ws, "beta", today).score;
        assert_eq!(maria.health_mean, ((alpha + beta) as f64 / 2.0).round() as u32);
        assert_eq!(maria.health_lowest.0, alpha.min(beta));
        let pct = ws.dossier(&a).unwrap().completeness_pct();
        assert_eq!(maria.completeness_pct, (f64::from(pct) / 2.0).round() as u32);
        assert_eq!(rows[0].skills_mean, None, "Jaan is not assessed");
        assert_eq!(rows[0].overdue, 0);
        assert_eq!(rows[2].key_accounts, 1);
        assert_eq!(rows.iter().map(|r| r.key_accounts).sum::<usize>(), 4, "every key account once");
        assert_eq!(manager_summary(&ws, &seg, today, " Maria").as_ref(), Some(maria), "one line is the list's");
        assert_eq!(manager_summary(&ws, &seg, today, "Nobody"), None);
    }
}
