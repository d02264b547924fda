//! Redaction: a copy of the workspace without what identifies people privately, for a file sent
//! without personal details.

use crate::model::{Dossier, Workspace};

/// What [`redact`] writes in place of an e-mail address or a phone number in free text; a merge
/// keeps the local text of a field whose incoming text holds it.
pub const REDACTED: &str = "[removed]";

/// Removes what identifies people privately: birthdays, personal notes (family, hobbies, values)
/// and any phone number or e-mail address written in a contact's fields.
pub fn redact(ws: &Workspace) -> Workspace {
    let mut out = ws.clone();
    out.change_dossiers(redact_dossier);
    out
}

/// [`redact`] of one dossier, in place; its lists keep their lengths and order.
pub(super) fn redact_dossier(d: &mut Dossier) {
    for p in &mut d.people {
        for field in [
            &mut p.birthday,
            &mut p.family,
            &mut p.hobbies,
            &mut p.values,
            &mut p.phone,
            &mut p.email,
            &mut p.personal_notes,
        ] {
            field.clear();
        }
        for field in [&mut p.name, &mut p.title, &mut p.expectations, &mut p.our_owner] {
            *field = strip_contact_details(field);
        }
    }
    // Free text anywhere in the plan may hold a number or address someone typed in.
    for field in [&mut d.overview, &mut d.history, &mut d.organisation, &mut d.executive_sponsor] {
        *field = strip_contact_details(field);
    }
    for m in &mut d.team {
        m.name = strip_contact_details(&m.name);
        m.responsibility = strip_contact_details(&m.responsibility);
    }
    for e in &mut d.timeline {
        e.text = strip_contact_details(&e.text);
    }
    // After-sale: the referee's name is a business contact, like a contact's name, and travels;
    // contact details typed into any of these texts do not.
    for c in &mut d.complaints {
        c.text = strip_contact_details(&c.text);
    }
    for r in &mut d.references {
        r.from_whom = strip_contact_details(&r.from_whom);
    }
    for p in &mut d.promises {
        p.text = strip_contact_details(&p.text);
        p.owner = strip_contact_details(&p.owner);
    }
}

/// Blanks what looks like an e-mail address, or a phone number (a run of digit groups with at
/// least six digits, such as "+45 20 12 34 56").
fn strip_contact_details(text: &str) -> String {
    let phoneish = |w: &str| {
        let w = w.trim_end_matches([',', ';', '.']);
        !w.is_empty()
            && w.chars().any(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_digit() || "+-()./".contains(c))
    };
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i].contains('@') {
            out.push(REDACTED);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < words.len() && phoneish(words[j]) {
            j += 1;
        }
        let digits: usize = words[i..j].iter().map(|w| w.chars().filter(char::is_ascii_digit).count()).sum();
        if j > i && digits >= 6 {
            out.push(REDACTED);
            i = j;
        } else if j > i {
            out.extend_from_slice(&words[i..j]);
            i = j;
        } else {
            out.push(words[i]);
            i += 1;
        }
    }
    out.join(" ")
}
