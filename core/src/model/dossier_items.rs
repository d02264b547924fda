//! The items a dossier's lists hold (people, competitors, events, actions, tenders…) and the
//! key-account decision; the dossier itself and its rules are in `dossier`.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use super::lists::*;
#[cfg(doc)]
use super::Dossier;

/// A person on the customer's side who matters for the relationship. Fields under "personal"
/// are removed from exports "without personal details".
/// Read through [`PersonRecord`](super::restore::PersonRecord), which keeps a first-release
/// free-text role or attitude.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "super::restore::PersonRecord")]
pub struct Person {
    /// Unique within the dossier; `reports_to` points at it. 0 = not yet numbered (older data).
    pub id: u32,
    /// Stable id across copies of the plan: the people list merges as a set by it (`id` is only
    /// unique within one copy). Empty in older data until [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uid: String,
    pub name: String,
    pub title: String,
    pub reports_to: Option<u32>,
    pub role: DmuRole,
    /// Influence on the decision, 1 (little) to 5 (decisive).
    pub influence: Option<u8>,
    pub attitude: Attitude,
    pub expectations: String,
    pub last_contact: Option<NaiveDate>,
    /// Who on our side owns the relationship with this person.
    pub our_owner: String,
    // Personal details.
    /// Birthday as `YYYY-MM-DD`, or `--MM-DD` when the year is not known.
    pub birthday: String,
    pub family: String,
    pub hobbies: String,
    pub values: String,
    pub phone: String,
    pub email: String,
    /// Private notes (older files: hobbies, family and values written together).
    pub personal_notes: String,
}

impl Person {
    /// Month and day of the birthday, if one is written in a form the app understands.
    pub fn birthday_month_day(&self) -> Option<(u32, u32)> {
        parse_birthday(&self.birthday)
    }
}

/// `YYYY-MM-DD`, `--MM-DD` or `MM-DD` → (month, day); 29 February is valid without a year.
pub fn parse_birthday(text: &str) -> Option<(u32, u32)> {
    let t = text.trim();
    let md = if let Some(rest) = t.strip_prefix("--") {
        rest
    } else if t.len() == 10 {
        t.parse::<NaiveDate>().ok()?;
        &t[5..]
    } else {
        t
    };
    let (m, d) = md.split_once('-')?;
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    // 2000 is a leap year, so 29 February passes.
    NaiveDate::from_ymd_opt(2000, m, d).map(|_| (m, d))
}

/// A competitor trying to win the account. Older files stored only the name, as a string.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Competitor {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub name: String,
    /// What they sell in to this account.
    pub offering: String,
    pub position: String,
    pub strengths: String,
    pub threats: String,
}

impl<'de> Deserialize<'de> for Competitor {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(default)]
        #[derive(Default)]
        struct Full {
            id: String,
            name: String,
            offering: String,
            position: String,
            strengths: String,
            threats: String,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Name(String),
            Full(Full),
        }
        Ok(match Either::deserialize(d)? {
            Either::Name(name) => Competitor { name, ..Default::default() },
            Either::Full(f) => Competitor {
                id: f.id,
                name: f.name,
                offering: f.offering,
                position: f.position,
                strengths: f.strengths,
                threats: f.threats,
            },
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimelineEvent {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub date: Option<NaiveDate>,
    pub kind: EventKind,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pestel {
    pub political: String,
    pub economic: String,
    pub social: String,
    pub technological: String,
    pub environmental: String,
    pub legal: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Swot {
    pub strengths: String,
    pub weaknesses: String,
    pub opportunities: String,
    pub threats: String,
}

/// One cell of the whitespace grid.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WhitespaceCell {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub offering: String,
    pub unit: String,
    pub state: CellState,
    /// Potential yearly revenue of the cell, when known.
    pub potential: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TeamMember {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub name: String,
    pub responsibility: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Objective {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub text: String,
    /// How success is measured.
    pub measure: String,
    pub due: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub text: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
}

/// The inputs of the account's metrics; revenue and profit come from the order history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Metrics {
    /// Yearly cost to serve the account (account team, logistics, special terms).
    pub cost_to_serve: Option<f64>,
    /// Expected yearly margin; empty = the window's profit minus the cost to serve.
    pub yearly_margin: Option<f64>,
    /// Chance the account stays from one year to the next, in percent.
    pub retention_pct: f64,
    /// Discount rate per year, in percent.
    pub discount_pct: f64,
    pub horizon_years: u32,
    /// The customer's total yearly spend in our categories, when known (share of wallet).
    pub wallet: Option<f64>,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            cost_to_serve: None,
            yearly_margin: None,
            retention_pct: 85.0,
            discount_pct: 8.0,
            horizon_years: 5,
            wallet: None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tender {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub title: String,
    /// The tender's submission date; preparation starts 9 months before.
    pub date: Option<NaiveDate>,
    pub notes: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Proposal {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub title: String,
    pub value: Option<f64>,
    pub sent: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// The customer confirmed receipt (no follow-up call needed).
    pub receipt_confirmed: bool,
    pub next_steps: String,
    /// What makes it urgent for the customer.
    pub urgency: String,
    /// The date agreed for the next call or meeting.
    pub agreed_date: Option<NaiveDate>,
    pub outcome: Outcome,
}

/// A recurring governance meeting or review of the annual calendar ("annual clock").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub title: String,
    /// Month of the year, 1–12.
    pub month: u32,
    /// Day of the month, when fixed.
    pub day: Option<u32>,
    pub with: String,
    /// Who of the customer's decision-making unit attends: their `Person::uid`s. The meeting
    /// brief (`analysis::brief`) lists them with what convinces each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    /// Questions to ask at the meeting, one per line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub questions: String,
    /// Ideas to bring to the meeting, one per line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ideas: String,
}

/// A promotion to key status or a demotion, with who decided and why. Kept for good.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyDecision {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub date: NaiveDate,
    /// Defaults: a lean record leaves empty values out (`crate::merge`).
    #[serde(default)]
    pub promoted: bool,
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub why: String,
    /// For a demotion: how the customer will be told (the Chinese article: a demotion costs the
    /// relationship, so it is better to add an account later than to demote one). Empty for a
    /// promotion, and in decisions recorded before the app asked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub customer_told: String,
}

/// Why a promotion or demotion is not recorded (nothing is changed). The words are the app's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionError {
    /// Who decided, or why, is not said: a decision is kept for good, so both must be.
    Unexplained { promoted: bool },
    /// A demotion that does not say how the customer will be told.
    CustomerNotTold,
    /// The account is no longer in the workspace (removed in another tab?).
    AccountGone,
}

impl KeyDecision {
    /// A decision taken on `date` to promote (`promoted`) or demote an account, by `by`, for
    /// `why` (all trimmed). Refused when either is blank: the decision stays in the account's
    /// history, and a decision nobody owns or explains is worth nothing there. A demotion is
    /// refused too while `customer_told` (how the customer will be told) is blank; a
    /// promotion keeps none.
    pub fn new(
        date: NaiveDate,
        promoted: bool,
        by: &str,
        why: &str,
        customer_told: &str,
    ) -> Result<KeyDecision, DecisionError> {
        let (by, why, told) = (by.trim(), why.trim(), customer_told.trim());
        if by.is_empty() || why.is_empty() {
            return Err(DecisionError::Unexplained { promoted });
        }
        if !promoted && told.is_empty() {
            return Err(DecisionError::CustomerNotTold);
        }
        let customer_told = if promoted { String::new() } else { told.into() };
        Ok(KeyDecision { id: String::new(), date, promoted, by: by.into(), why: why.into(), customer_told })
    }

    /// The same, for an account of `ws`: refused also when `account_id` is no longer there.
    pub fn for_account(
        ws: &super::Workspace,
        account_id: &str,
        date: NaiveDate,
        promoted: bool,
        [by, why, customer_told]: [&str; 3],
    ) -> Result<KeyDecision, DecisionError> {
        let decision = KeyDecision::new(date, promoted, by, why, customer_told)?;
        if ws.account(account_id).is_none() {
            return Err(DecisionError::AccountGone);
        }
        Ok(decision)
    }
}

/// The three P's of a prospect: need, solvency, power. `None` = not yet judged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ThreePs {
    pub need: Option<bool>,
    pub need_note: String,
    pub solvency: Option<bool>,
    pub solvency_note: String,
    pub power: Option<bool>,
    pub power_note: String,
}

impl ThreePs {
    /// `Some(true)` when all three are met, `Some(false)` when one is not, `None` while any is open.
    pub fn verdict(&self) -> Option<bool> {
        let all = [self.need, self.solvency, self.power];
        if all.contains(&Some(false)) {
            Some(false)
        } else if all.iter().all(|p| *p == Some(true)) {
            Some(true)
        } else {
            None
        }
    }
}
