//! Stable ids of a dossier's list items: what lets each list merge as a set of items
//! (`crate::merge`), for items added now and for data read from versions without ids.

use super::Dossier;

/// FNV-1a, 64 bit: a short, stable digest for ids derived from content (not a security hash).
pub(crate) fn fnv64(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl Dossier {
    /// Gives every list item that has no id one, and a second item with an id already used in
    /// its list a new one, so that each list merges as a set of items (`crate::merge`).
    ///
    /// `fresh` makes the seed for items added here and now (the write path passes its clock's
    /// device and time, so that two people adding an item at the same place get two items). It
    /// is called only when an item needs an id, at most once, so a save that adds nothing does
    /// not tick the clock.
    /// `None` derives ids from the account, the list and the item's natural key (a person's or
    /// competitor's name, an action's text, a cell's offering and unit…), for data read without
    /// ids (files of versions 1–2, older records): two people reading old copies of one plan get
    /// the same ids for the same items, so those merge field by field (as the format-2 merge
    /// matched them); an item renamed in one old copy stays apart, never lost.
    pub fn assign_ids(&mut self, fresh: Option<&dyn Fn() -> String>) {
        let account = self.account_id.clone();
        let mut made = 0usize;
        let mut seed: Option<String> = None;
        let mut id_for = |list: &str, natural: String| match fresh {
            Some(make) => {
                made += 1;
                format!("{}.{made}", seed.get_or_insert_with(make))
            }
            None => format!("{:016x}", fnv64(&format!("{account}\u{1f}{list}\u{1f}{natural}"))),
        };
        fn fill<T>(
            items: &mut [T],
            list: &str,
            id: fn(&mut T) -> &mut String,
            natural: fn(&T) -> String,
            id_for: &mut impl FnMut(&str, String) -> String,
        ) {
            let mut used = std::collections::HashSet::new();
            for item in items.iter_mut() {
                let taken = !id(item).is_empty() && !used.insert(id(item).clone());
                if id(item).is_empty() || taken {
                    let mut new = id_for(list, natural(item));
                    while !used.insert(new.clone()) {
                        new.push('~');
                    }
                    *id(item) = new;
                }
            }
        }
        fill(&mut self.people, "people", |p| &mut p.uid, |p| p.name.trim().to_lowercase(), &mut id_for);
        fill(&mut self.competitors, "competitors", |c| &mut c.id, |c| c.name.trim().to_lowercase(), &mut id_for);
        fill(
            &mut self.timeline,
            "timeline",
            |e| &mut e.id,
            |e| format!("{}\u{1f}{}", e.date.map(|d| d.to_string()).unwrap_or_default(), e.text),
            &mut id_for,
        );
        fill(
            &mut self.whitespace,
            "whitespace",
            |c| &mut c.id,
            |c| format!("{}\u{1f}{}", c.offering, c.unit),
            &mut id_for,
        );
        fill(&mut self.team, "team", |m| &mut m.id, |m| m.name.trim().to_lowercase(), &mut id_for);
        fill(&mut self.objectives, "objectives", |o| &mut o.id, |o| o.text.clone(), &mut id_for);
        fill(&mut self.actions, "actions", |a| &mut a.id, |a| a.text.clone(), &mut id_for);
        fill(&mut self.meetings, "meetings", |m| &mut m.id, |m| format!("{}\u{1f}{}", m.title, m.month), &mut id_for);
        fill(&mut self.tenders, "tenders", |t| &mut t.id, |t| t.title.clone(), &mut id_for);
        fill(&mut self.proposals, "proposals", |p| &mut p.id, |p| p.title.clone(), &mut id_for);
        fill(
            &mut self.decisions,
            "decisions",
            |x| &mut x.id,
            |x| format!("{}\u{1f}{}\u{1f}{}", x.date, x.promoted, x.by),
            &mut id_for,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Competitor, Dossier};
    use std::cell::Cell;

    #[test]
    fn the_fresh_seed_is_made_only_when_an_item_needs_an_id() {
        let calls = Cell::new(0);
        let make = || {
            calls.set(calls.get() + 1);
            "dev7k".to_string()
        };
        let mut d = Dossier::new("acme");
        d.competitors = vec![Competitor { id: "c1".into(), name: "Rival".into(), ..Default::default() }];
        d.assign_ids(Some(&make));
        assert_eq!(calls.get(), 0, "nothing new: no seed, so the save does not tick the clock");
        d.competitors.push(Competitor { name: "Second".into(), ..Default::default() });
        d.competitors.push(Competitor { name: "Third".into(), ..Default::default() });
        d.assign_ids(Some(&make));
        assert_eq!(calls.get(), 1, "one seed per save, however many items it adds");
        let ids: Vec<&str> = d.competitors.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c1", "dev7k.1", "dev7k.2"]);
    }
}
