//! Reminders as an iCalendar file (RFC 5545) that any calendar can import.
//!
//! Every reminder becomes one **all-day** event (`DTSTART;VALUE=DATE`), which has no time and no
//! time zone: it sits on the reminder's calendar day wherever the calendar is. This matches
//! [`Reminder::date`], which is a local calendar date (see [`crate::analysis::reminders`]), so no
//! conversion happens and nothing can shift to the previous or next day. Only `DTSTAMP` (when the
//! file was made) is a UTC time, as the RFC requires.
//!
//! Birthdays are yearly recurring events (`RRULE:FREQ=YEARLY`); a 29 February birthday uses
//! `BYMONTH=2;BYMONTHDAY=-1`, the last day of February, so it falls on 28 February in common
//! years and on 29 February in leap years (a plain yearly rule from 29 February would skip
//! common years, because the RFC drops invalid dates).
//!
//! The core words nothing: the caller gives each reminder's title, detail and category (the app
//! passes its words, `src/ui/words/reminders.rs`), so the file speaks the app's language.
//!
//! UIDs are stable: a hash of the kind, account, title and date (for birthdays, the month and day
//! instead of the date, so the recurring event keeps its UID from year to year), so importing a
//! newer export updates events instead of duplicating them. The title is the worded one, as it
//! was before reminders became facts, so events imported from earlier exports keep their UIDs.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use crate::analysis::{Reminder, ReminderKind};

/// Octets per line before folding (RFC 5545 section 3.1), line break excluded.
const FOLD_AT: usize = 75;

/// FNV-1a, 64 bits: small, and the same on every platform and Rust version (unlike `std`'s
/// hasher), which stable UIDs need.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks (CRLF, CR or LF become
/// `\n`). Other control characters are not allowed in TEXT and are dropped (tab is kept).
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets with CRLF + space, never inside a UTF-8
/// character nor between a backslash and the character it escapes.
fn push_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = FOLD_AT;
    let mut continuation = false;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // Keep an escape sequence ("\n", "\,") on one line: some readers unfold badly.
        let backslashes = rest.as_bytes()[..cut].iter().rev().take_while(|b| **b == b'\\').count();
        if backslashes % 2 == 1 {
            cut -= 1;
        }
        if continuation {
            out.push(' ');
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n");
        rest = &rest[cut..];
        // A continuation line starts with a space, which counts towards its 75 octets.
        limit = FOLD_AT - 1;
        continuation = true;
    }
    if continuation {
        out.push(' ');
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

fn ics_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// The words of one event, made by the caller for a reminder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventWords {
    /// One line, without the account name (the export adds it to the summary: "title – account").
    pub title: String,
    /// What to do, with the dates and people concerned.
    pub detail: String,
    /// The reminder kind's short name (`CATEGORIES`).
    pub category: String,
    /// The description's last line naming the account ("Account: Acme Oy"); left out when the
    /// reminder has no account name.
    pub account_line: String,
}

/// The stable part of a UID, before de-duplication.
fn uid_base(r: &Reminder, title: &str) -> String {
    let when = match r.yearly {
        Some((month, day)) => format!("yearly:{month:02}-{day:02}"),
        None => r.date.to_string(),
    };
    format!("{:016x}@kam-planner", fnv1a(&[r.kind.id(), &r.account_id, title, &when]))
}

/// The reminders as an iCalendar file: one all-day `VEVENT` per reminder, birthdays recurring
/// yearly, each worded by `words`. Personal reminders (birthdays) are left out unless
/// `include_personal`. `stamp` is the moment of the export (`DTSTAMP`). Lines end with CRLF and
/// are folded at 75 octets.
pub fn reminders_to_ics(
    reminders: &[Reminder],
    stamp: DateTime<Utc>,
    include_personal: bool,
    words: impl Fn(&Reminder) -> EventWords,
) -> String {
    let mut out = String::new();
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//KAM Planner//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    {
        push_line(&mut out, line);
    }
    // Written by hand, not with chrono's strftime: keeps that formatter out of the wasm.
    let dtstamp =
        format!("{}T{:02}{:02}{:02}Z", ics_date(stamp.date_naive()), stamp.hour(), stamp.minute(), stamp.second());
    let mut used = std::collections::HashSet::new();
    for r in reminders.iter().filter(|r| include_personal || !r.personal) {
        // Two reminders alike in kind, account, title and date (two actions with the same text
        // and due date) still need distinct UIDs.
        let w = words(r);
        let base = uid_base(r, &w.title);
        let mut uid = base.clone();
        let mut n = 1;
        while !used.insert(uid.clone()) {
            n += 1;
            uid = format!("{n}-{base}");
        }
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{uid}"));
        push_line(&mut out, &format!("DTSTAMP:{dtstamp}"));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", ics_date(r.date)));
        if let Some(next) = r.date.succ_opt() {
            push_line(&mut out, &format!("DTEND;VALUE=DATE:{}", ics_date(next)));
        }
        if r.kind == ReminderKind::Birthday || r.yearly.is_some() {
            let rule = match r.yearly {
                Some((2, 29)) => "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1",
                _ => "RRULE:FREQ=YEARLY",
            };
            push_line(&mut out, rule);
        }
        let summary =
            if r.account_name.trim().is_empty() { w.title } else { format!("{} – {}", w.title, r.account_name) };
        push_line(&mut out, &format!("SUMMARY:{}", escape_text(&summary)));
        let description =
            if r.account_name.trim().is_empty() { w.detail } else { format!("{}\n{}", w.detail, w.account_line) };
        push_line(&mut out, &format!("DESCRIPTION:{}", escape_text(&description)));
        push_line(&mut out, &format!("CATEGORIES:{}", escape_text(&w.category)));
        if r.personal {
            push_line(&mut out, "CLASS:PRIVATE");
        }
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{reminders, ReminderFact};
    use crate::model::{Account, Dossier, Person, Workspace};
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn stamp() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 0).single().expect("valid stamp")
    }

    fn reminder(kind: ReminderKind, day: NaiveDate, title: &str) -> Reminder {
        Reminder {
            date: day,
            kind,
            account_id: "acme oy".into(),
            account_name: "Acme Oy".into(),
            overdue: false,
            personal: kind == ReminderKind::Birthday,
            yearly: None,
            fact: ReminderFact::Meeting { title: title.into(), with: String::new(), day_fixed: true },
        }
    }

    fn birthday(day: NaiveDate, yearly: (u32, u32)) -> Reminder {
        let fact = ReminderFact::Birthday {
            person: "Ilze Kalniņa".into(),
            job_title: String::new(),
            turns: None,
            on_28_february: false,
        };
        Reminder { yearly: Some(yearly), fact, ..reminder(ReminderKind::Birthday, day, "") }
    }

    /// Small local words: the export writes what it is given.
    fn words(r: &Reminder) -> EventWords {
        let title = match &r.fact {
            ReminderFact::Birthday { person, .. } => format!("Birthday: {person}"),
            ReminderFact::ProposalFollowUp { proposal, .. } => format!("Call to confirm receipt: {proposal}"),
            ReminderFact::Meeting { title, .. } => title.clone(),
            _ => format!("{:?} on {}", r.kind, r.date),
        };
        EventWords {
            title,
            detail: "Details".into(),
            category: format!("Kind {}", r.kind.id()),
            account_line: format!("Account: {}", r.account_name),
        }
    }

    fn export(list: &[Reminder], stamp: DateTime<Utc>, include_personal: bool) -> String {
        reminders_to_ics(list, stamp, include_personal, words)
    }

    /// Undoes folding: removes every CRLF followed by a space.
    fn unfold(ics: &str) -> String {
        ics.replace("\r\n ", "")
    }

    fn lines(ics: &str) -> Vec<String> {
        unfold(ics).split("\r\n").map(str::to_string).collect()
    }

    fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn calendar_frame_and_one_event_per_reminder() {
        let list = vec![
            reminder(ReminderKind::ActionDue, date(2026, 11, 30), "Call"),
            reminder(ReminderKind::Meeting, date(2027, 2, 12), "Review"),
        ];
        let ics = export(&list, stamp(), false);
        let l = lines(&ics);
        assert_eq!(
            &l[..5],
            ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//KAM Planner//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        );
        assert_eq!(l[l.len() - 2], "END:VCALENDAR");
        assert_eq!(l[l.len() - 1], "", "the file ends with CRLF");
        assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), 2);
        assert_eq!(ics.matches("END:VEVENT\r\n").count(), 2);
        assert!(ics.contains("DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n"));
        assert!(ics.contains("DTSTAMP:20261124T093000Z\r\n"));
        assert!(ics.contains("SUMMARY:Call – Acme Oy\r\n"));
        assert!(ics.contains("DESCRIPTION:Details\\nAccount: Acme Oy\r\n"));
        assert!(ics.contains("CATEGORIES:Kind action_due\r\n"), "the category is the caller's word");
        assert!(!ics.contains("RRULE"));
        // No reminders: an empty but valid calendar.
        assert_eq!(export(&[], stamp(), true).matches("VEVENT").count(), 0);
    }

    #[test]
    fn crlf_everywhere() {
        let r = reminder(ReminderKind::ActionDue, date(2026, 11, 30), "Line one\nline two\r\nline three\rfour");
        let long_detail = |r: &Reminder| EventWords { detail: "x".repeat(500), ..words(r) };
        let ics = reminders_to_ics(&[r, birthday(date(2027, 2, 28), (2, 29))], stamp(), true, long_detail);
        assert!(ics.ends_with("\r\n"));
        let bytes = ics.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' {
                assert_eq!(bytes[i - 1], b'\r', "bare LF at {i}");
            }
            if *b == b'\r' {
                assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at {i}");
            }
        }
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(escape_text("tab\there\u{7}bell"), "tab\theremissing".replace("missing", "bell"));
        assert_eq!(escape_text("Ilze Kalniņa: 29.2."), "Ilze Kalniņa: 29.2.", "colons and non-ASCII stay");
        let r = reminder(
            ReminderKind::ProposalFollowUp,
            date(2026, 11, 21),
            "Call to confirm receipt: Picking robot pilot, Aarhus; phase 1",
        );
        let ics = export(&[r], stamp(), false);
        assert!(
            unfold(&ics).contains(r"SUMMARY:Call to confirm receipt: Picking robot pilot\, Aarhus\; phase 1 – Acme Oy")
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("DESCRIPTION:{}", "€ā😀x".repeat(40));
        push_line(&mut out, &line);
        let physical: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(physical.len() > 5);
        for (i, l) in physical.iter().enumerate() {
            assert!(l.len() <= 75, "line {i} has {} octets", l.len());
            assert_eq!(i > 0, l.starts_with(' '), "continuation lines start with a space");
        }
        assert_eq!(unfold(&out), format!("{line}\r\n"));
        // Exactly 75 octets is not folded; 76 is.
        let mut out = String::new();
        push_line(&mut out, &"a".repeat(75));
        assert_eq!(out.matches("\r\n").count(), 1);
        let mut out = String::new();
        push_line(&mut out, &"a".repeat(76));
        assert_eq!(out, format!("{}\r\n a\r\n", "a".repeat(75)));
    }

    #[test]
    fn folding_keeps_escape_sequences_together() {
        // 74 'a' then "\n": the backslash would be the 75th octet.
        let mut out = String::new();
        push_line(&mut out, &format!("{}\\nbc", "a".repeat(74)));
        assert_eq!(out, format!("{}\r\n \\nbc\r\n", "a".repeat(74)));
        // An escaped backslash before the cut is complete and may end the line.
        let mut out = String::new();
        push_line(&mut out, &format!("{}\\\\bc", "a".repeat(73)));
        assert_eq!(out, format!("{}\\\\\r\n bc\r\n", "a".repeat(73)));
    }

    #[test]
    fn personal_reminders_only_on_request() {
        let list =
            vec![birthday(date(2027, 2, 28), (2, 29)), reminder(ReminderKind::Meeting, date(2027, 2, 12), "Review")];
        let without = export(&list, stamp(), false);
        assert_eq!(without.matches("BEGIN:VEVENT").count(), 1);
        assert!(!without.contains("Ilze"));
        let with = export(&list, stamp(), true);
        assert_eq!(with.matches("BEGIN:VEVENT").count(), 2);
        assert!(with.contains("CLASS:PRIVATE\r\n"));
    }

    #[test]
    fn birthdays_recur_yearly_and_29_february_uses_the_last_day_of_february() {
        // 2027: reminded on 28 February, which is the last day of February, so DTSTART is in step
        // with the rule.
        let ics = unfold(&export(&[birthday(date(2027, 2, 28), (2, 29))], stamp(), true));
        assert!(ics.contains("DTSTART;VALUE=DATE:20270228\r\nDTEND;VALUE=DATE:20270301\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n"), "{ics}");
        // 2028: on the 29th.
        let ics = unfold(&export(&[birthday(date(2028, 2, 29), (2, 29))], stamp(), true));
        assert!(ics.contains("DTSTART;VALUE=DATE:20280229\r\nDTEND;VALUE=DATE:20280301\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n"), "{ics}");
        // A 28 February birthday is a plain yearly rule (it must not move to the 29th).
        let ics = export(&[birthday(date(2028, 2, 28), (2, 28))], stamp(), true);
        assert!(ics.contains("RRULE:FREQ=YEARLY\r\n") && !ics.contains("BYMONTHDAY"));
        // The UID does not change from one year's export to the next.
        let uid = |r: Reminder| {
            lines(&export(&[r], stamp(), true)).into_iter().find(|l| l.starts_with("UID:")).unwrap_or_default()
        };
        assert_eq!(uid(birthday(date(2027, 2, 28), (2, 29))), uid(birthday(date(2028, 2, 29), (2, 29))));
        assert_ne!(uid(birthday(date(2028, 2, 28), (2, 28))), uid(birthday(date(2028, 2, 29), (2, 29))));
    }

    #[test]
    fn uids_are_stable_distinct_and_not_tied_to_the_stamp() {
        let a = reminder(ReminderKind::ActionDue, date(2026, 11, 30), "Call");
        let b = reminder(ReminderKind::ActionDue, date(2026, 12, 1), "Call");
        let uids = |ics: &str| lines(ics).into_iter().filter(|l| l.starts_with("UID:")).collect::<Vec<_>>();
        let later = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).single().expect("valid");
        let one = uids(&export(&[a.clone(), b.clone()], stamp(), false));
        assert_eq!(one, uids(&export(&[a.clone(), b.clone()], later, false)));
        assert_ne!(one[0], one[1]);
        assert!(one[0].ends_with("@kam-planner"));
        // The same reminder twice still gets two UIDs.
        let twice = uids(&export(&[a.clone(), a], stamp(), false));
        assert_eq!(twice.len(), 2);
        assert_ne!(twice[0], twice[1]);
    }

    #[test]
    fn all_day_events_keep_the_local_date_whatever_the_time_zone() {
        // Exported at 23:30 UTC on 23 November, when it is already 24 November in Helsinki and
        // Tokyo: the event is still on the reminder's own calendar day, as a floating all-day date
        // with no TZID and no UTC "Z".
        let r = reminder(ReminderKind::ActionDue, date(2026, 11, 24), "Call");
        for stamp in [
            Utc.with_ymd_and_hms(2026, 11, 23, 23, 30, 0).single().expect("valid"),
            Utc.with_ymd_and_hms(2026, 11, 24, 0, 30, 0).single().expect("valid"),
            Utc.with_ymd_and_hms(2026, 11, 24, 23, 59, 59).single().expect("valid"),
        ] {
            let ics = export(std::slice::from_ref(&r), stamp, false);
            let l = lines(&ics);
            assert!(l.contains(&"DTSTART;VALUE=DATE:20261124".to_string()), "{ics}");
            assert!(l.contains(&"DTEND;VALUE=DATE:20261125".to_string()));
            assert!(!ics.contains("TZID"));
        }
        // Reminders computed for the local date in two time zones land on their own local days.
        let mut a = Account::new("Acme Oy");
        a.is_key = true;
        let mut d = Dossier::new(&a.id);
        d.people.push(Person { name: "Ann".into(), birthday: "--11-24".into(), ..Default::default() });
        let ws = Workspace::of(vec![a], vec![d]);
        let tokyo = reminders(&ws, 0, date(2026, 11, 24), 0);
        let ics = export(&tokyo, Utc.with_ymd_and_hms(2026, 11, 23, 15, 0, 0).single().expect("valid"), true);
        assert!(ics.contains("DTSTART;VALUE=DATE:20261124\r\n"));
    }

    #[test]
    fn demo_reminders_export() {
        let ws = crate::demo::test_demo();
        let list = reminders(&ws, ws.programme.lost_after_months, date(2027, 2, 1), 30);
        let ics = export(&list, stamp(), false);
        let personal = list.iter().filter(|r| r.personal).count();
        assert!(personal >= 1, "Ilze Kalniņa's birthday is in the list");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), list.len() - personal);
        assert!(!ics.contains("Ilze"));
        let ics = unfold(&export(&list, stamp(), true));
        assert!(ics.contains("SUMMARY:Birthday: Ilze Kalniņa – Baltic Timber Group\r\n"), "{ics}");
        assert!(ics.contains(
            "DTSTART;VALUE=DATE:20270228\r\nDTEND;VALUE=DATE:20270301\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n"
        ));
        // The overdue receipt call of Nordhavn's proposal, with its comma escaped.
        let list = reminders(&ws, ws.programme.lost_after_months, date(2026, 11, 24), 30);
        let ics = unfold(&export(&list, stamp(), false));
        assert!(
            ics.contains("SUMMARY:Call to confirm receipt: Picking robot pilot\\, Aarhus – Nordhavn Logistics A/S\r\n"),
            "{ics}"
        );
        for l in export(&list, stamp(), true).split("\r\n") {
            assert!(l.len() <= 75);
        }
    }

    proptest! {
        #[test]
        fn any_text_round_trips_through_escape_and_fold(text in "\\PC{0,300}", newlines in prop::collection::vec(0usize..300, 0..4)) {
            let mut text: String = text;
            for n in newlines {
                let at = (0..=n.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
                text.insert(at, '\n');
            }
            let mut out = String::new();
            push_line(&mut out, &format!("DESCRIPTION:{}", escape_text(&text)));
            for l in out.split("\r\n").filter(|l| !l.is_empty()) {
                prop_assert!(l.len() <= 75);
            }
            let joined = out.replace("\r\n", "");
            prop_assert!(!joined.contains('\n') && !joined.contains('\r'), "no bare line breaks");
            let unfolded = unfold(&out);
            let value = unfolded.trim_end_matches("\r\n").strip_prefix("DESCRIPTION:").map(str::to_string).unwrap_or_default();
            let expected: String = text.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
            prop_assert_eq!(unescape(&value), expected);
        }
    }
}
