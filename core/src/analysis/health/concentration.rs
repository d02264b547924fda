//! Knowledge concentration across all key accounts: where what we know about the customers lives
//! in one head. Two kinds: the contacts only one person on our side knows (one item per such
//! person), and the key accounts whose whole relationship runs through one person, or nobody
//! ([`super::ownership::single_point`], the same judgement the health rule makes).

use std::collections::BTreeMap;

use serde::Serialize;

use super::ownership::{single_point, SinglePoint};
use super::people::{contacts, name_of, owner_names};
use crate::model::{normalise_name, Dossier, Workspace};

/// A customer contact, located in its account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactRef {
    pub account_id: String,
    pub account_name: String,
    pub contact: String,
}

/// What kind of concentration an item reports, with what only that kind needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConcentrationFact {
    /// The item's `contacts` are known to nobody on our side but its `person`.
    OnlyOneKnows,
    /// The key account `account` (the item's only account) runs through one person, or nobody.
    SinglePointOfContact { account: String, single: SinglePoint },
}

/// One place where knowledge about key accounts lives in a single head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConcentrationItem {
    /// The person on our side the knowledge depends on; empty when nobody on our side is named.
    pub person: String,
    /// The key accounts concerned (ids), in the order of `contacts`.
    pub account_ids: Vec<String>,
    /// The contacts concerned: those only `person` knows, or the account's contacts.
    pub contacts: Vec<ContactRef>,
    pub fact: ConcentrationFact,
}

impl ConcentrationItem {
    /// The contacts grouped by account, in the order of `account_ids`: each account's name and
    /// the names of its contacts.
    pub fn contacts_by_account(&self) -> Vec<(&str, Vec<&str>)> {
        self.account_ids
            .iter()
            .map(|id| {
                let here: Vec<&ContactRef> = self.contacts.iter().filter(|c| &c.account_id == id).collect();
                let name = here.first().map_or("", |c| c.account_name.as_str());
                (name, here.iter().map(|c| c.contact.as_str()).collect())
            })
            .collect()
    }
}

/// Where knowledge about the key accounts lives in one head, across all key accounts: for each
/// person on our side, the customer contacts only they know (largest first), then each key account
/// whose whole relationship runs through one person or nobody (by account name).
pub fn knowledge_concentration(ws: &Workspace) -> Vec<ConcentrationItem> {
    // normalised owner → (display name, contacts)
    let mut by_owner: BTreeMap<String, (String, Vec<ContactRef>)> = BTreeMap::new();
    let mut single = Vec::new();
    let mut key: Vec<_> = ws.accounts().iter().filter(|a| a.is_key).collect();
    key.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    for a in key {
        let empty = Dossier::new(&a.id);
        let d = ws.dossier(&a.id).unwrap_or(&empty);
        let refs = || {
            contacts(d).map(|p| ContactRef {
                account_id: a.id.clone(),
                account_name: a.name.clone(),
                contact: name_of(p),
            })
        };
        for (p, r) in contacts(d).zip(refs()) {
            if let [only] = owner_names(&p.our_owner).as_slice() {
                by_owner.entry(normalise_name(only)).or_insert_with(|| (only.clone(), Vec::new())).1.push(r);
            }
        }
        if let Some(s) = single_point(&a.manager, d) {
            single.push(ConcentrationItem {
                person: s.person().to_string(),
                account_ids: vec![a.id.clone()],
                contacts: refs().collect(),
                fact: ConcentrationFact::SinglePointOfContact { account: a.name.clone(), single: s },
            });
        }
    }
    let mut only: Vec<ConcentrationItem> = by_owner
        .into_values()
        .map(|(person, contacts)| {
            let mut account_ids: Vec<String> = Vec::new();
            for c in &contacts {
                if !account_ids.contains(&c.account_id) {
                    account_ids.push(c.account_id.clone());
                }
            }
            ConcentrationItem { person, account_ids, contacts, fact: ConcentrationFact::OnlyOneKnows }
        })
        .collect();
    only.sort_by(|a, b| b.contacts.len().cmp(&a.contacts.len()).then_with(|| a.person.cmp(&b.person)));
    only.extend(single);
    only
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn demo_knowledge_concentration() {
        let ws = crate::demo::test_demo();
        let items = knowledge_concentration(&ws);
        let first = &items[0];
        assert_eq!(first.fact, ConcentrationFact::OnlyOneKnows);
        // Maria Lind alone knows Jens Madsen, Sofie Holm (Nordhavn) and Ilze Kalniņa (Baltic Timber).
        assert_eq!(first.person, "Maria Lind");
        assert_eq!(
            first.contacts_by_account(),
            vec![
                ("Baltic Timber Group", vec!["Ilze Kalniņa"]),
                ("Nordhavn Logistics A/S", vec!["Jens Madsen", "Sofie Holm"])
            ]
        );
        let pekka = items
            .iter()
            .find(|i| i.fact == ConcentrationFact::OnlyOneKnows && i.person == "Pekka Virtanen")
            .expect("Pekka");
        assert_eq!(pekka.contacts.len(), 3, "Anders Kjær, Liisa Korhonen, Mikko Laine");
        let single: Vec<&str> = items
            .iter()
            .filter_map(|i| match &i.fact {
                ConcentrationFact::SinglePointOfContact { account, .. } => Some(account.as_str()),
                ConcentrationFact::OnlyOneKnows => None,
            })
            .collect();
        // Nordhavn has two people on our side; every other demo key account runs through one.
        assert_eq!(
            single,
            vec![
                "Baltic Timber Group",
                "Helsinki Medical Supplies Oy",
                "Kraków Automotive Parts",
                "Tartu Software Partners OÜ",
                "Uppsala BioLabs AB"
            ]
        );
        let krakow =
            items.iter().find(|i| i.account_ids == vec!["kraków automotive parts".to_string()]).expect("Kraków");
        assert_eq!(krakow.person, "Maria Lind");
        assert_eq!(
            krakow.fact,
            ConcentrationFact::SinglePointOfContact {
                account: "Kraków Automotive Parts".into(),
                single: SinglePoint::OnlyOneOfUs { who: "Maria Lind".into(), contacts: vec![] },
            }
        );
    }

    #[test]
    fn concentration_ignores_accounts_that_are_not_key() {
        let mut ws = healthy();
        ws.accounts_mut()[0].is_key = false;
        assert!(knowledge_concentration(&ws).is_empty());
        assert!(knowledge_concentration(&Workspace::default()).is_empty());
    }
}
