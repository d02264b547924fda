//! The one way stored shapes become a [`Workspace`], whatever they were read from: a KAM
//! Planner file after its version migrations, IndexedDB's records, a snapshot.
//!
//! Every rule about older or inconsistent stored data lives here, once:
//! - a person's role or attitude written as free text by the first release that maps to no
//!   fixed value keeps its text in the person's expectations ("Role: Head of purchasing"), as
//!   the file format's version 1 migration did; this happens as the person is read
//!   ([`PersonRecord`]), so even a single dossier record read for an edit keeps it;
//! - people get unique ids and lose links to nobody ([`restore_dossier`]);
//! - a matrix factor stored under an old default's English name becomes that preset, shown in
//!   the reader's language ([`restore_programme`]);
//! - one account per id and one dossier per account: the first wins, as lookups found the first
//!   before the workspace enforced it; each breach is a [`RestoreProblem`], which the file format
//!   refuses and the store (whose keys make them impossible) tolerates.

use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::HashSet;

use super::{Account, AccountHistory, Attitude, DmuRole, Dossier, Person, Programme, Workspace};

/// The stored shapes of a workspace, as a source holds them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stored {
    /// In the order to show them.
    pub accounts: Vec<Account>,
    pub history: Vec<AccountHistory>,
    pub dossiers: Vec<Dossier>,
    /// `None` where the source has none (a one-account file, a new database): the default.
    pub programme: Option<Programme>,
}

/// Stored data that contradicts itself, in the order a restore meets it (accounts, then
/// history, then dossiers, then the programme).
#[derive(Debug, Clone, PartialEq)]
pub enum RestoreProblem {
    /// Kept (the store never refused it), but a file with one is refused.
    AccountWithoutIdOrName,
    /// The first account with this id is kept.
    DuplicateAccount { id: String },
    /// Kept, so that nothing stored is lost.
    HistoryForUnknownAccount { account_id: String },
    /// Kept.
    HistoryNotFinite { account_id: String },
    /// The first history of this account is kept.
    DuplicateHistory { account_id: String },
    /// Kept, so that nothing stored is lost.
    DossierForUnknownAccount { account_id: String },
    /// The first dossier of this account is kept.
    DuplicateDossier { account_id: String },
    /// Kept: the programme page shows the problems, as [`Programme::problems`] states them.
    InvalidProgramme { problems: Vec<super::ProgrammeProblem> },
}

/// A restored workspace and what was wrong with the stored data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Restored {
    pub workspace: Workspace,
    /// Empty for consistent data.
    pub problems: Vec<RestoreProblem>,
}

/// Turns stored shapes into a workspace: every dossier restored ([`restore_dossier`]), the
/// first account and dossier of an id kept, problems listed in the order met.
pub fn restore(stored: Stored) -> Restored {
    let mut ws = Workspace::default();
    let mut problems = Vec::new();
    for a in stored.accounts {
        if a.id.trim().is_empty() || a.name.trim().is_empty() {
            problems.push(RestoreProblem::AccountWithoutIdOrName);
        }
        if ws.account(&a.id).is_some() {
            problems.push(RestoreProblem::DuplicateAccount { id: a.id });
            continue;
        }
        ws.insert_account(a);
    }
    let mut seen = HashSet::new();
    for h in stored.history {
        if ws.account(&h.account_id).is_none() {
            problems.push(RestoreProblem::HistoryForUnknownAccount { account_id: h.account_id.clone() });
        }
        if !h.months.iter().all(super::MonthTotal::is_valid) {
            problems.push(RestoreProblem::HistoryNotFinite { account_id: h.account_id.clone() });
        }
        if !seen.insert(h.account_id.clone()) {
            problems.push(RestoreProblem::DuplicateHistory { account_id: h.account_id });
            continue;
        }
        ws.set_history(&h.account_id, h.months);
    }
    for d in stored.dossiers {
        if ws.account(&d.account_id).is_none() {
            problems.push(RestoreProblem::DossierForUnknownAccount { account_id: d.account_id.clone() });
        }
        if ws.dossier(&d.account_id).is_some() {
            problems.push(RestoreProblem::DuplicateDossier { account_id: d.account_id });
            continue;
        }
        ws.upsert_dossier(restore_dossier(d));
    }
    if let Some(p) = stored.programme {
        let p = restore_programme(p);
        let found = p.problems();
        if !found.is_empty() {
            problems.push(RestoreProblem::InvalidProgramme { problems: found });
        }
        ws.programme = p;
    }
    Restored { workspace: ws, problems }
}

/// Accounts in the order the store loads them: by name, then id.
pub fn sort_accounts(accounts: &mut [Account]) {
    accounts.sort_by(account_order);
}

/// The order of [`sort_accounts`].
pub fn account_order(a: &Account, b: &Account) -> std::cmp::Ordering {
    a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id))
}

/// One dossier as stored, made whole: its people numbered (records of the first release have
/// none) and their links to nobody dropped, every list item with a stable id
/// ([`Dossier::assign_ids`]; after-sale items by `Dossier::number_item_ids`). Also what an edit
/// applies to a record it reads.
pub fn restore_dossier(mut dossier: Dossier) -> Dossier {
    // An empty justification is none (and a document leaves empty text out).
    dossier.justifications.retain(|_, text| !text.is_empty());
    dossier.number_people();
    dossier.assign_ids(None);
    dossier.number_item_ids();
    dossier
}

/// The programme as stored, made current: factors stored under an old default's English name
/// get their preset ([`Programme::adopt_presets`]), and zero strategic reasons (older data)
/// read as one. Also what a change applies to the record it reads.
pub fn restore_programme(mut programme: Programme) -> Programme {
    programme.adopt_presets();
    // Zero strategic reasons always read as one (the qualification asks for at least one).
    programme.min_strategic_reasons = programme.min_strategic_reasons.max(*super::STRATEGIC_REASONS.start());
    programme
}

/// A person as stored, before its role and attitude are read as fixed values: the first
/// release stored them as free text. Read through [`Person`]'s `Deserialize`, so that every
/// source (files of any version, records, snapshots) keeps text that maps to nothing.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct PersonRecord {
    id: u32,
    uid: String,
    name: String,
    title: String,
    reports_to: Option<u32>,
    role: String,
    influence: Option<u8>,
    attitude: String,
    expectations: String,
    last_contact: Option<NaiveDate>,
    our_owner: String,
    birthday: String,
    family: String,
    hobbies: String,
    values: String,
    phone: String,
    email: String,
    personal_notes: String,
}

impl From<PersonRecord> for Person {
    /// A role or attitude that maps to no fixed value reads as unknown, and its text is added
    /// to the expectations ("Role: Head of purchasing; Attitude: warm") after what they held.
    fn from(r: PersonRecord) -> Person {
        let mut expectations = r.expectations;
        let mut keep = |label: &str, text: &str| {
            let text = text.trim();
            if !text.is_empty() {
                if !expectations.is_empty() {
                    expectations.push_str("; ");
                }
                expectations.push_str(&format!("{label}: {text}"));
            }
        };
        let role = DmuRole::recognise(&r.role).unwrap_or_else(|| {
            keep("Role", &r.role);
            DmuRole::default()
        });
        let attitude = Attitude::recognise(&r.attitude).unwrap_or_else(|| {
            keep("Attitude", &r.attitude);
            Attitude::default()
        });
        Person {
            id: r.id,
            uid: r.uid,
            name: r.name,
            title: r.title,
            reports_to: r.reports_to,
            role,
            influence: r.influence,
            attitude,
            expectations,
            last_contact: r.last_contact,
            our_owner: r.our_owner,
            birthday: r.birthday,
            family: r.family,
            hobbies: r.hobbies,
            values: r.values,
            phone: r.phone,
            email: r.email,
            personal_notes: r.personal_notes,
        }
    }
}

#[cfg(test)]
#[path = "restore_tests.rs"]
mod tests;
