//! Files of earlier formats: the migrations of their data (versions 1 → 2 and 4 → 5), and the document of a
//! file without stamps (format 1–2), dated by its `exportedAt`.

use super::file_format::{FileError, PersonalDetails, Scope};
use super::redact::REDACTED;
use crate::merge::workspace::{document_of, is_personal_field};
use crate::merge::{Path, Seg, Stamp, StampedDoc};
use crate::model::{monthly_totals, OrderLine, Workspace};
use serde_json::Value;

/// Migrations from older file versions, applied in order to the parsed `data`: `(from, f)`
/// turns data of version `from` into version `from + 1`.
/// One step of the file format's migrations: the data of version N to version N + 1.
pub(super) type Migration = fn(Value) -> Result<Value, FileError>;

pub(super) const MIGRATIONS: &[(u32, Migration)] = &[(1, migrate_1_to_2), (4, migrate_4_to_5)];

/// Version 4 → 5: an account's history was its order lines (`lines`: date, revenue, profit);
/// version 5 keeps what the model reads, monthly totals (`months`: lines, revenue, profit and the
/// day of the last purchase of each month). The lines are added up here, so the file's months
/// read exactly as the totals of its lines.
fn migrate_4_to_5(mut data: Value) -> Result<Value, FileError> {
    let Some(history) = data.get_mut("history").and_then(Value::as_array_mut) else { return Ok(data) };
    for (i, entry) in history.iter_mut().enumerate().filter_map(|(i, e)| Some((i, e.as_object_mut()?))) {
        let Some(lines) = entry.remove("lines") else { continue };
        let wrong = |e: serde_json::Error| FileError::WrongField {
            field: format!("history[{i}].lines"),
            detail: e.to_string(),
        };
        // Through text: one deserialiser per type (from_str) keeps the wasm small.
        let lines: Vec<OrderLine> = serde_json::from_str(&lines.to_string()).map_err(wrong)?;
        let months = serde_json::to_string(&monthly_totals(&lines)).map_err(wrong)?;
        entry.insert("months".into(), serde_json::from_str(&months).map_err(wrong)?);
    }
    Ok(data)
}

/// Version 1 → 2: competitors were names only (strings), and a person's role and attitude were
/// free text. Version 2 writes competitors as objects and role/attitude as fixed keys. Old free
/// text needs no step here: reading a person maps it to the nearest key ("Decider" →
/// "economic_buyer") and keeps text that maps to nothing in the person's `expectations`, for
/// files and stored records alike (see `model::restore`).
fn migrate_1_to_2(mut data: Value) -> Result<Value, FileError> {
    let Some(dossiers) = data.get_mut("dossiers").and_then(Value::as_array_mut) else { return Ok(data) };
    for d in dossiers {
        if let Some(list) = d.get_mut("competitors").and_then(Value::as_array_mut) {
            for c in list.iter_mut() {
                if let Value::String(name) = c {
                    *c = serde_json::json!({ "name": name });
                }
            }
        }
    }
    Ok(data)
}

/// The document of a file without stamps (format 1–2, or written without them): every value
/// changed when the file was exported (device `file:<checksum>`, so that two people importing
/// the same file hold the same stamps). Without personal details, the emptied personal fields
/// and text that held a contact detail are withheld (the zero stamp: they never win).
pub(super) fn legacy_document(
    ws: &Workspace,
    exported_at: &str,
    checksum: &str,
    personal: PersonalDetails,
    scope: Scope,
) -> StampedDoc {
    let wall_ms = rfc3339_ms(exported_at).unwrap_or(0);
    let stamp = Stamp::new(wall_ms, 0, format!("file:{}", checksum.trim_start_matches("fnv1a64:")));
    document_of(ws, &stamp, |path: &Path, value: &serde_json::Value| {
        // A one-account plan says nothing of the programme (its default stands in for it).
        (scope == Scope::Account && matches!(path.0.first(), Some(Seg::Key(k)) if k == "programme"))
            || personal == PersonalDetails::Removed
                && (value.as_str().is_some_and(|t| t.contains(REDACTED)) || is_personal_field(path))
    })
}

/// Milliseconds since 1970 of an RFC 3339 time as the app writes `exportedAt`
/// (`2026-11-24T12:00:00.123+02:00`, `…Z`). By hand: chrono's parser would weigh on the wasm for
/// this one field. `None` for anything else (the file then counts as exported at time 0, so that
/// any edit here wins over it).
pub(super) fn rfc3339_ms(text: &str) -> Option<u64> {
    let t = text.trim();
    let num = |a: usize, b: usize| t.get(a..b)?.parse::<u32>().ok();
    let date = chrono::NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 7)?, num(8, 10)?)?;
    if !matches!(t.as_bytes().get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let (h, m, sec) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    let mut rest = t.get(19..)?;
    let mut ms = 0u32;
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        ms = frac.get(..digits.min(3))?.parse::<u32>().ok().map_or(0, |v| v * 10u32.pow(3 - digits.min(3) as u32));
        rest = &frac[digits..];
    }
    let offset_s: i64 = match rest {
        "Z" | "z" => 0,
        o if o.len() == 6 && (o.starts_with('+') || o.starts_with('-')) => {
            let v =
                i64::from(o.get(1..3)?.parse::<u32>().ok()?) * 3600 + i64::from(o.get(4..6)?.parse::<u32>().ok()?) * 60;
            if o.starts_with('-') {
                -v
            } else {
                v
            }
        }
        _ => return None,
    };
    let local = date.and_hms_milli_opt(h, m, sec, ms)?.and_utc().timestamp_millis();
    u64::try_from(local - offset_s * 1000).ok()
}
