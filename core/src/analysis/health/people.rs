//! Who is who, shared by the rules and by [`super::knowledge_concentration`]: the named contacts
//! of a dossier and the names written in a contact's `our_owner` field.

use std::collections::BTreeMap;

use crate::model::{normalise_name, Dossier, Person};

/// The names in an `our_owner` field: several owners may be written in one field.
pub(super) fn owner_names(field: &str) -> Vec<String> {
    field
        .split([',', ';', '/', '&', '+'])
        .flat_map(split_word_and)
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty())
        .collect()
}

/// Splits "Maria and Pekka" on the whole word `and` (any case).
fn split_word_and(part: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = part;
    loop {
        let lower = rest.to_lowercase();
        // Lower-casing can change byte lengths for some scripts; only split when it did not.
        let found = (lower.len() == rest.len()).then(|| lower.find(" and ")).flatten();
        match found {
            Some(i) => {
                out.push(&rest[..i]);
                rest = &rest[i + 5..];
            }
            None => {
                out.push(rest);
                return out;
            }
        }
    }
}

/// Named contacts of a dossier.
pub(super) fn contacts(d: &Dossier) -> impl Iterator<Item = &Person> {
    d.people.iter().filter(|p| !p.name.trim().is_empty())
}

/// A contact's name as facts carry it: trimmed.
pub(super) fn name_of(p: &Person) -> String {
    p.name.trim().to_string()
}

/// A set of names kept in first-seen spelling, compared by [`normalise_name`].
#[derive(Default)]
pub(super) struct Names(BTreeMap<String, String>);

impl Names {
    pub(super) fn add(&mut self, name: &str) {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if !name.is_empty() {
            self.0.entry(normalise_name(&name)).or_insert(name);
        }
    }

    /// Adds every name of `other`, keeping this set's spelling of names both hold.
    pub(super) fn extend(&mut self, other: &Names) {
        for (k, v) in &other.0 {
            self.0.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }

    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// The first name in normalised order (the only one, when there is one).
    pub(super) fn first(&self) -> Option<&String> {
        self.0.values().next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_fields_split_into_names() {
        assert_eq!(
            owner_names("Maria Lind, Pekka / Jonas & Anu + Ott AND Eva"),
            vec!["Maria Lind", "Pekka", "Jonas", "Anu", "Ott", "Eva"]
        );
        assert_eq!(owner_names("Sandra Anderson"), vec!["Sandra Anderson"], "'and' only splits as a word");
        assert_eq!(owner_names("Maria; Pekka"), vec!["Maria", "Pekka"]);
        assert!(owner_names("  ").is_empty());
    }

    #[test]
    fn names_compare_without_case_or_spacing() {
        let mut names = Names::default();
        names.add("Maria  Lind");
        names.add("maria lind");
        names.add("  ");
        assert_eq!(names.len(), 1);
        assert_eq!(names.first().map(String::as_str), Some("Maria Lind"));
    }
}
