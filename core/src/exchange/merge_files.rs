//! Merging a KAM Planner file into the workspace so that nothing of the receiver's is lost.
//!
//! The rules (documented in `docs/file-format.md`, "Merging a file"):
//! - Accounts only here stay; accounts only in the file are added; for accounts in both, the
//!   account's fields and the dossier's single fields take the file's value.
//! - Withheld is not empty: when the file was written without personal details, every personal
//!   field of a person keeps the local value, and any free text whose incoming value holds the
//!   [`REDACTED`] placeholder keeps the local text.
//! - Lists unite: an item of the file that matches a local item (by the list's key, see
//!   [`merge_dossier`]) replaces it in the file's order; the file's other items are added; local
//!   items the file does not match stay, after the file's, in their local order.
//! - Order history unites by month: a month in the file takes the file's lines, a month only
//!   here keeps its lines.
//!
//! Without change stamps this cannot tell an item deleted on the other side from one added here:
//! both stay. A merge of the same file twice changes nothing the second time.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use chrono::Datelike;
use serde::Serialize;

use super::file_format::{redact_dossier, PersonalDetails, REDACTED};
use crate::model::{normalise_name, Dossier, OrderLine, Person, Workspace};

/// What merging a file would do to the workspace, per account of the file.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MergePreview {
    pub new_accounts: Vec<String>,
    /// Accounts in both that the merge changes: the file's values win for single fields, its new
    /// list items and order-history months are added.
    pub changed_accounts: Vec<String>,
    /// Accounts in both that the merge leaves exactly as they are.
    pub unchanged_accounts: usize,
    /// The file withheld personal details: the local ones stay.
    pub personal_withheld: bool,
}

impl MergePreview {
    /// Whether the merge would leave the workspace exactly as it is.
    pub fn changes_nothing(&self) -> bool {
        self.new_accounts.is_empty() && self.changed_accounts.is_empty()
    }
}

/// What [`merge`] would change, per account, without changing anything.
pub fn preview_merge(current: &Workspace, incoming: &Workspace, personal: PersonalDetails) -> MergePreview {
    let merged = merge(current, incoming, personal);
    let mut p = MergePreview { personal_withheld: personal == PersonalDetails::Removed, ..Default::default() };
    for a in incoming.accounts() {
        match current.account(&a.id) {
            None => p.new_accounts.push(a.name.clone()),
            Some(existing) => {
                let same = merged.account(&a.id) == Some(existing)
                    && merged.history(&a.id) == current.history(&a.id)
                    && merged.dossier(&a.id) == current.dossier(&a.id);
                if same {
                    p.unchanged_accounts += 1
                } else {
                    p.changed_accounts.push(a.name.clone())
                }
            }
        }
    }
    p
}

/// Merges a file's workspace into the current one by the rules of this module; `personal` is
/// what the file says of its personal details ([`super::ReadFile::personal_details`]).
pub fn merge(current: &Workspace, incoming: &Workspace, personal: PersonalDetails) -> Workspace {
    let withheld = personal == PersonalDetails::Removed;
    let mut out = current.clone();
    for a in incoming.accounts() {
        out.insert_account(a.clone());
        if let Some(lines) = incoming.history(&a.id) {
            match current.history(&a.id) {
                None => {
                    out.set_history(&a.id, lines.clone());
                }
                Some(local) => {
                    if let Some(merged) = merge_history(local, lines) {
                        out.set_history(&a.id, merged);
                    }
                }
            }
        }
        match (current.dossier(&a.id), incoming.dossier(&a.id)) {
            (_, None) => {}
            (None, Some(file)) => {
                out.upsert_dossier(file.clone());
            }
            (Some(local), Some(file)) => {
                out.upsert_dossier(merge_dossier(local, file, withheld));
            }
        }
    }
    out
}

type Month = (i32, u32);

fn by_month(lines: &[OrderLine]) -> BTreeMap<Month, Vec<OrderLine>> {
    let mut months: BTreeMap<Month, Vec<OrderLine>> = BTreeMap::new();
    for l in lines {
        months.entry((l.date.year(), l.date.month())).or_default().push(*l);
    }
    months
}

/// Months of the file take the file's lines; months only here keep theirs. `None` when that
/// changes nothing (the local lines then stay in their order).
fn merge_history(local: &[OrderLine], file: &[OrderLine]) -> Option<Vec<OrderLine>> {
    let before = by_month(local);
    let mut after = before.clone();
    after.extend(by_month(file));
    (after != before).then(|| after.into_values().flatten().collect())
}

/// The file's text, unless the file withheld it (it holds the placeholder): then the local one.
fn text(withheld: bool, local: &str, file: &str) -> String {
    if withheld && file.contains(REDACTED) {
        local.to_string()
    } else {
        file.to_string()
    }
}

/// Unites two lists: each item of `file` replaces the first not yet matched local item with the
/// same key (`combine(local, file)`), or is added; local items left unmatched follow, in their
/// order. Keys of the local items are taken from `local_keyed` (the local list as the file
/// would have written it: redacted when the file is), of the same length as `local`.
fn merge_list<T: Clone, K: PartialEq>(
    local: &[T],
    local_keyed: &[T],
    file: &[T],
    key: impl Fn(&T) -> K,
    combine: impl Fn(&T, &T) -> T,
) -> Vec<T> {
    debug_assert_eq!(local.len(), local_keyed.len());
    let keys: Vec<K> = local_keyed.iter().map(&key).collect();
    let mut used = vec![false; local.len()];
    let mut out = Vec::with_capacity(file.len() + local.len());
    for f in file {
        let k = key(f);
        match (0..local.len()).find(|&i| !used[i] && keys[i] == k) {
            Some(i) => {
                used[i] = true;
                out.push(combine(&local[i], f));
            }
            None => out.push(f.clone()),
        }
    }
    out.extend(local.iter().zip(&used).filter(|(_, used)| !**used).map(|(l, _)| l.clone()));
    out
}

/// The file's item as it is.
fn theirs<T: Clone>(_local: &T, file: &T) -> T {
    file.clone()
}

/// A person of the file matched with the local one: the file's values, but the local personal
/// details and local free text where the file withheld them.
fn merge_person(withheld: bool, local: &Person, file: &Person) -> Person {
    if !withheld {
        return file.clone();
    }
    let t = |l: &str, f: &str| text(true, l, f);
    Person {
        name: t(&local.name, &file.name),
        title: t(&local.title, &file.title),
        expectations: t(&local.expectations, &file.expectations),
        our_owner: t(&local.our_owner, &file.our_owner),
        birthday: local.birthday.clone(),
        family: local.family.clone(),
        hobbies: local.hobbies.clone(),
        values: local.values.clone(),
        phone: local.phone.clone(),
        email: local.email.clone(),
        personal_notes: local.personal_notes.clone(),
        ..file.clone()
    }
}

/// Local people kept beside the file's (`people[from_file..]`) get a new id when theirs is taken
/// by one of the file's (both sides number new people independently); `reports_to` among them
/// follows.
fn renumber_kept(people: &mut [Person], from_file: usize) {
    let mut next = people.iter().map(|p| p.id).max().unwrap_or(0) + 1;
    let (file, kept) = people.split_at_mut(from_file);
    let mut taken: BTreeSet<u32> = file.iter().map(|p| p.id).collect();
    let mut moved: BTreeMap<u32, u32> = BTreeMap::new();
    for p in kept.iter_mut() {
        if !taken.insert(p.id) {
            moved.insert(p.id, next);
            p.id = next;
            taken.insert(next);
            next += 1;
        }
    }
    for p in kept.iter_mut() {
        if let Some(to) = p.reports_to.and_then(|r| moved.get(&r)) {
            p.reports_to = Some(*to);
        }
    }
}

/// Keys that tell two spellings of one name or text apart no more than a user would.
fn norm(s: &str) -> String {
    normalise_name(s)
}

/// One account's dossier of the file merged into the local one. The key each list matches on:
/// - people: id and name (normalised); the other side may have given the same id to another
///   person, who is then kept beside (with a new id);
/// - competitors, team members: name; objectives: text; actions: text and owner;
/// - timeline: date, kind and text; meetings: title and month; tenders, proposals: title;
/// - whitespace cells: offering and unit; key decisions: date, promoted or not, and by whom;
/// - complaints, references and promises: their id (made when the item was added);
/// - offerings, units, reasons: the value itself;
/// - justifications and matrix scores are maps: the file's entries win, local ones stay.
///
/// Texts are compared normalised (trimmed, inner spaces collapsed, lower-cased).
pub fn merge_dossier(local: &Dossier, file: &Dossier, withheld: bool) -> Dossier {
    let keyed: Cow<Dossier> = if withheld {
        let mut d = local.clone();
        redact_dossier(&mut d);
        Cow::Owned(d)
    } else {
        Cow::Borrowed(local)
    };
    let k = &*keyed;
    let t = |l: &str, f: &str| text(withheld, l, f);
    let mut out = file.clone();
    out.overview = t(&local.overview, &file.overview);
    out.history = t(&local.history, &file.history);
    out.organisation = t(&local.organisation, &file.organisation);
    out.executive_sponsor = t(&local.executive_sponsor, &file.executive_sponsor);
    out.updated = local.updated.max(file.updated);

    out.reasons = merge_list(&local.reasons, &k.reasons, &file.reasons, |r| *r, theirs);
    let unite = |mine: &BTreeMap<String, u8>, file: &BTreeMap<String, u8>| {
        let mut merged = mine.clone();
        merged.extend(file.iter().map(|(k, v)| (k.clone(), *v)));
        merged
    };
    out.attractiveness = unite(&local.attractiveness, &file.attractiveness);
    out.strength = unite(&local.strength, &file.strength);
    let mut justifications = local.justifications.clone();
    for (reason, why) in &file.justifications {
        let kept = local.justifications.get(reason).map_or(why.clone(), |l| t(l, why));
        justifications.insert(*reason, kept);
    }
    out.justifications = justifications;

    out.decisions =
        merge_list(&local.decisions, &k.decisions, &file.decisions, |d| (d.date, d.promoted, norm(&d.by)), theirs);
    out.timeline = merge_list(
        &local.timeline,
        &k.timeline,
        &file.timeline,
        |e| (e.date, e.kind, norm(&e.text)),
        |l, f| crate::model::TimelineEvent { text: t(&l.text, &f.text), ..f.clone() },
    );
    let mut people = merge_list(
        &local.people,
        &k.people,
        &file.people,
        |p| (p.id, norm(&p.name)),
        |l, f| merge_person(withheld, l, f),
    );
    renumber_kept(&mut people, file.people.len());
    out.people = people;
    out.competitors = merge_list(&local.competitors, &k.competitors, &file.competitors, |c| norm(&c.name), theirs);
    out.offerings = merge_list(&local.offerings, &k.offerings, &file.offerings, String::clone, theirs);
    out.units = merge_list(&local.units, &k.units, &file.units, String::clone, theirs);
    out.whitespace = merge_list(
        &local.whitespace,
        &k.whitespace,
        &file.whitespace,
        |c| (c.offering.clone(), c.unit.clone()),
        theirs,
    );
    out.team = merge_list(
        &local.team,
        &k.team,
        &file.team,
        |m| norm(&m.name),
        |l, f| crate::model::TeamMember {
            name: t(&l.name, &f.name),
            responsibility: t(&l.responsibility, &f.responsibility),
        },
    );
    out.objectives = merge_list(&local.objectives, &k.objectives, &file.objectives, |o| norm(&o.text), theirs);
    out.actions = merge_list(&local.actions, &k.actions, &file.actions, |a| (norm(&a.text), norm(&a.owner)), theirs);
    out.meetings = merge_list(&local.meetings, &k.meetings, &file.meetings, |m| (norm(&m.title), m.month), theirs);
    out.tenders = merge_list(&local.tenders, &k.tenders, &file.tenders, |x| norm(&x.title), theirs);
    out.proposals = merge_list(&local.proposals, &k.proposals, &file.proposals, |x| norm(&x.title), theirs);
    out.complaints = merge_list(&local.complaints, &k.complaints, &file.complaints, |x| x.id.clone(), theirs);
    out.references = merge_list(&local.references, &k.references, &file.references, |x| x.id.clone(), theirs);
    out.promises = merge_list(&local.promises, &k.promises, &file.promises, |x| x.id.clone(), theirs);
    out
}

#[cfg(test)]
#[path = "merge_files_tests.rs"]
mod tests;
