//! The meeting brief (docs/model.md section 13.1): one printable page before a meeting of the
//! dossier's plan, with the account's facts, who attends from the decision-making unit and what
//! convinces each, the open actions and promises, the recent complaints, and the questions to
//! ask and ideas to bring. The Russian and Javanese articles: prepare every negotiation; know
//! what each person who approves looks for.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::analysis::aftersale::COMPLAINT_WINDOW_DAYS;
use crate::analysis::{account_health, next_meeting, rules, HealthBand};
use crate::model::{Action, Attitude, Complaint, DmuRole, Dossier, KeyReason, Meeting, Promise, Workspace};

/// What convinces a role of the decision-making unit (the Russian article, on proposals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Convinces {
    /// Executives "often like to buy on exclusive terms": their status, exclusivity, knowing
    /// their business.
    StatusAndExclusivity,
    /// The HR director is "oriented to people, references and building relationships":
    /// projects done for known companies, people who will recommend us.
    ReferencesAndRelationships,
    /// Finance and technical people "are very attentive to figures, details": statistics and
    /// the result of working together in numbers.
    FiguresAndDetail,
    /// The people who will use what we sell: how it makes their everyday work easier. The
    /// app's own addition; the article names only the three above.
    EverydayUse,
}

impl Convinces {
    /// Whether the article states it (the others are the app's own additions).
    pub fn from_article(self) -> bool {
        self != Convinces::EverydayUse
    }
}

/// What convinces a role; `None` where neither the article nor the app has a rule (influencers,
/// gatekeepers, coaches, the unknown).
pub fn convinces(role: DmuRole) -> Option<Convinces> {
    match role {
        DmuRole::EconomicBuyer => Some(Convinces::StatusAndExclusivity),
        DmuRole::Hr => Some(Convinces::ReferencesAndRelationships),
        DmuRole::Finance | DmuRole::TechnicalEvaluator => Some(Convinces::FiguresAndDetail),
        DmuRole::User => Some(Convinces::EverydayUse),
        DmuRole::Influencer | DmuRole::Gatekeeper | DmuRole::Coach | DmuRole::Unknown => None,
    }
}

/// One person at the meeting, with no personal details: the brief is printed and carried.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attendee {
    pub name: String,
    pub title: String,
    pub role: DmuRole,
    pub attitude: Attitude,
    pub influence: Option<u8>,
    pub expectations: String,
    pub last_contact: Option<NaiveDate>,
    pub convinces: Option<Convinces>,
}

/// The brief of one meeting of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingBrief {
    pub account_name: String,
    pub manager: String,
    pub executive_sponsor: String,
    pub reasons: Vec<KeyReason>,
    pub health: u32,
    pub health_band: HealthBand,
    pub meeting: Meeting,
    /// The meeting's next day on or after today; `None` for a month outside 1–12.
    pub day: Option<NaiveDate>,
    /// The attendees in the order of the decision-making unit; a uid no longer in it is left out.
    pub attendees: Vec<Attendee>,
    /// Open actions, the earliest due first (undated last).
    pub open_actions: Vec<Action>,
    /// Promises still open, the earliest due first (undated last).
    pub open_promises: Vec<Promise>,
    /// Complaints still open, and those dated in the last [`COMPLAINT_WINDOW_DAYS`] days; newest
    /// first.
    pub recent_complaints: Vec<Complaint>,
    /// The meeting's questions and ideas, a line each, blank lines left out.
    pub questions: Vec<String>,
    pub ideas: Vec<String>,
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

/// The place in a dossier's plan of the meeting with this id; a meeting without an id yet
/// (older data) is found by its place, written `#<index>`.
pub fn meeting_index(d: &Dossier, meeting: &str) -> Option<usize> {
    match meeting.strip_prefix('#') {
        Some(i) => i.parse::<usize>().ok().filter(|&i| i < d.meetings.len()),
        None => d.meetings.iter().position(|m| !m.id.is_empty() && m.id == meeting),
    }
}

/// The meeting [`meeting_index`] finds.
pub fn find_meeting<'a>(d: &'a Dossier, meeting: &str) -> Option<&'a Meeting> {
    meeting_index(d, meeting).map(|i| &d.meetings[i])
}

/// The brief of `meeting` (see [`find_meeting`]) of an account's plan; `None` when the account or
/// the meeting is not there.
pub fn meeting_brief(ws: &Workspace, account_id: &str, meeting: &str, today: NaiveDate) -> Option<MeetingBrief> {
    let account = ws.account(account_id)?;
    let d = ws.dossier(account_id)?;
    let m = find_meeting(d, meeting)?;
    let attendees = d
        .people
        .iter()
        .filter(|p| !p.uid.is_empty() && m.attendees.contains(&p.uid))
        .map(|p| Attendee {
            name: p.name.clone(),
            title: p.title.clone(),
            role: p.role,
            attitude: p.attitude,
            influence: p.influence,
            expectations: p.expectations.clone(),
            last_contact: p.last_contact,
            convinces: convinces(p.role),
        })
        .collect();
    let by_due = |a: Option<NaiveDate>| (a.is_none(), a);
    let mut open_actions: Vec<Action> = d.actions.iter().filter(|a| rules::action_is_open(a)).cloned().collect();
    open_actions.sort_by_key(|a| by_due(a.due));
    let mut open_promises: Vec<Promise> = d.promises.iter().filter(|p| rules::promise_is_open(p)).cloned().collect();
    open_promises.sort_by_key(|p| by_due(p.due));
    let since = today.checked_sub_days(Days::new(COMPLAINT_WINDOW_DAYS - 1)).unwrap_or(NaiveDate::MIN);
    let mut recent_complaints: Vec<Complaint> = d
        .complaints
        .iter()
        .filter(|c| c.is_open() || c.date.is_some_and(|day| day >= since && day <= today))
        .cloned()
        .collect();
    recent_complaints.sort_by_key(|c| std::cmp::Reverse(c.date));
    let health = account_health(ws, account_id, today);
    Some(MeetingBrief {
        account_name: account.name.clone(),
        manager: account.manager.trim().to_string(),
        executive_sponsor: d.executive_sponsor.trim().to_string(),
        reasons: d.reasons.clone(),
        health: health.score,
        health_band: health.band(),
        day: next_meeting(m.month, m.day, today),
        attendees,
        open_actions,
        open_promises,
        recent_complaints,
        questions: lines(&m.questions),
        ideas: lines(&m.ideas),
        meeting: m.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Account, ActionStatus, ComplaintKind, Person, PromiseState, Severity};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn person(uid: &str, name: &str, role: DmuRole) -> Person {
        Person {
            uid: uid.into(),
            name: name.into(),
            role,
            birthday: "1970-01-02".into(),
            phone: "+372 555".into(),
            ..Default::default()
        }
    }

    #[test]
    fn each_role_is_convinced_as_the_article_says_and_the_rest_is_marked() {
        assert_eq!(convinces(DmuRole::EconomicBuyer), Some(Convinces::StatusAndExclusivity));
        assert_eq!(convinces(DmuRole::Hr), Some(Convinces::ReferencesAndRelationships));
        assert_eq!(convinces(DmuRole::Finance), Some(Convinces::FiguresAndDetail));
        assert_eq!(convinces(DmuRole::TechnicalEvaluator), Some(Convinces::FiguresAndDetail));
        assert!(!convinces(DmuRole::User).unwrap().from_article(), "the users' rule is the app's own");
        assert_eq!(convinces(DmuRole::Gatekeeper), None);
        assert_eq!(DmuRole::from_id("hr"), Some(DmuRole::Hr));
    }

    #[test]
    fn the_brief_gathers_attendees_open_work_and_recent_complaints() {
        let today = date(2026, 11, 24);
        let mut ws = Workspace::default();
        let mut a = Account::new("Acme Oy");
        a.is_key = true;
        a.manager = " Maria Lind ".into();
        ws.insert_account(a);
        let mut d = Dossier::new("acme oy");
        d.executive_sponsor = "Henrik Berg".into();
        d.people = vec![
            person("p1", "Jens Madsen", DmuRole::EconomicBuyer),
            person("p2", "Liis Kask", DmuRole::Hr),
            person("p3", "Not invited", DmuRole::Finance),
            person("", "No uid", DmuRole::User),
        ];
        d.meetings = vec![
            Meeting {
                id: "m1".into(),
                title: "Review".into(),
                month: 2,
                day: Some(12),
                attendees: vec!["p2".into(), "p1".into(), "gone".into()],
                questions: "Budget 2027?\n\n  Who signs?  ".into(),
                ideas: "Pilot in Oslo".into(),
                ..Default::default()
            },
            Meeting { title: "Older, no id".into(), month: 13, ..Default::default() },
        ];
        d.actions = vec![
            Action {
                id: "a".into(),
                text: "Later".into(),
                due: Some(date(2026, 12, 20)),
                status: ActionStatus::Open,
                ..Default::default()
            },
            Action {
                id: "b".into(),
                text: "Undated".into(),
                due: None,
                status: ActionStatus::InProgress,
                ..Default::default()
            },
            Action {
                id: "c".into(),
                text: "Done".into(),
                due: Some(date(2026, 11, 1)),
                status: ActionStatus::Done,
                ..Default::default()
            },
            Action {
                id: "d".into(),
                text: "Sooner".into(),
                due: Some(date(2026, 11, 30)),
                status: ActionStatus::Open,
                ..Default::default()
            },
        ];
        d.promises = vec![
            Promise { id: "x".into(), text: "Kept".into(), state: PromiseState::Kept, ..Default::default() },
            Promise {
                id: "y".into(),
                text: "Open".into(),
                state: PromiseState::Open,
                due: Some(date(2026, 12, 1)),
                ..Default::default()
            },
        ];
        let complaint = |id: &str, day: NaiveDate, resolved: bool| Complaint {
            id: id.into(),
            date: Some(day),
            kind: ComplaintKind::LateDelivery,
            severity: Severity::High,
            text: id.into(),
            resolved_on: resolved.then_some(day),
        };
        d.complaints = vec![
            complaint("old-open", date(2026, 1, 5), false),
            complaint("old-resolved", date(2026, 1, 5), true),
            complaint("recent-resolved", date(2026, 10, 1), true),
            complaint("edge", date(2026, 8, 27), true),
        ];
        ws.upsert_dossier(d);

        let b = meeting_brief(&ws, "acme oy", "m1", today).unwrap();
        assert_eq!(b.account_name, "Acme Oy");
        assert_eq!(b.manager, "Maria Lind");
        assert_eq!(b.day, Some(date(2027, 2, 12)));
        let names: Vec<_> = b.attendees.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Jens Madsen", "Liis Kask"], "in the unit's order; an unknown uid is left out");
        assert_eq!(b.attendees[1].convinces, Some(Convinces::ReferencesAndRelationships));
        let actions: Vec<_> = b.open_actions.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(actions, ["Sooner", "Later", "Undated"]);
        assert_eq!(b.open_promises.len(), 1);
        let complaints: Vec<_> = b.recent_complaints.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(complaints, ["recent-resolved", "edge", "old-open"], "89 days ago is recent; 90 is not");
        assert_eq!(b.questions, ["Budget 2027?", "Who signs?"]);
        assert_eq!(b.ideas, ["Pilot in Oslo"]);
        assert_eq!(b.health, account_health(&ws, "acme oy", today).score);

        let older = meeting_brief(&ws, "acme oy", "#1", today).unwrap();
        assert_eq!(older.meeting.title, "Older, no id");
        assert_eq!(older.day, None, "month 13 has no next day");
        assert!(meeting_brief(&ws, "acme oy", "nope", today).is_none());
        assert!(meeting_brief(&ws, "nobody", "m1", today).is_none());
    }

    #[test]
    fn a_meetings_preparation_travels_and_older_meetings_still_read() {
        let m = Meeting {
            id: "m1".into(),
            title: "Review".into(),
            month: 2,
            attendees: vec!["p1".into()],
            questions: "Budget?".into(),
            ideas: "Pilot".into(),
            ..Default::default()
        };
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(serde_json::from_str::<Meeting>(&json).unwrap(), m);
        let old: Meeting = serde_json::from_str(r#"{"title":"Review","month":2,"day":12,"with":"Jens"}"#).unwrap();
        assert!(old.attendees.is_empty() && old.questions.is_empty() && old.ideas.is_empty());
        let lean = serde_json::to_string(&Meeting { title: "x".into(), month: 1, ..Default::default() }).unwrap();
        assert!(!lean.contains("attendees") && !lean.contains("questions"), "left out when empty: {lean}");
    }
}
