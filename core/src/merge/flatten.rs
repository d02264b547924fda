//! Flattening a JSON value into registers (see [`super::doc`] for the rules): the plain form,
//! the lean form of a record of the model, and the form that keeps a file's item positions.

use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};

use super::doc::sorted_map;
use super::path::{Path, Seg};
use super::positions::between_n;

/// Whether an array is a set of items: every element an object with a string `"id"`, all ids
/// distinct (duplicates would make two items one register; such a list stays atomic).
fn is_set(items: &[Value]) -> bool {
    let mut ids = HashSet::with_capacity(items.len());
    items.iter().all(|item| item.get("id").and_then(Value::as_str).is_some_and(|id| item.is_object() && ids.insert(id)))
}

/// The flat form of a value (node entries included, list positions numbered evenly). Together
/// with [`unflatten`] it round-trips any JSON value exactly, list order included.
pub fn flatten(value: &Value) -> BTreeMap<Path, Value> {
    sorted_map(flatten_even(value, false))
}

/// The flat form of a record of the model, lean: below its root, empty values (`null`, `""`)
/// and empty objects and lists are left out, as the model reads a missing field as
/// that empty value. Most of a record's fields are empty, so this is most of its registers.
/// Sorted.
pub fn flatten_lean(value: &Value) -> Vec<(Path, Value)> {
    let mut out = flatten_even(value, true);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn flatten_even(value: &Value, lean: bool) -> Vec<(Path, Value)> {
    let mut out = Vec::new();
    let mut place =
        |_: &[Seg], ids: &[&str], _: &[bool]| between_n(None, None, ids.len()).into_iter().map(Some).collect();
    flatten_into(value, &mut Vec::new(), &mut out, &mut place, lean);
    out
}

/// A value a lean record leaves out: what a missing field reads as. (Not `false`: the model
/// has optional yes/no answers, where `false` and none differ.)
pub fn is_empty_leaf(value: &Value) -> bool {
    value.is_null() || value.as_str() == Some("")
}

/// Gives positions to a list's items: (list path, ids in order, which items have no field).
pub(super) type Place<'p> = dyn FnMut(&[Seg], &[&str], &[bool]) -> Vec<Option<String>> + 'p;

pub(super) fn flatten_into(
    value: &Value,
    path: &mut Vec<Seg>,
    out: &mut Vec<(Path, Value)>,
    place: &mut Place,
    lean: bool,
) {
    let below_root = lean && !path.is_empty();
    match value {
        Value::Object(map) => {
            let at = out.len();
            out.push((Path(path.clone()), Value::Object(Map::new())));
            for (key, child) in map {
                path.push(Seg::Key(key.clone()));
                flatten_into(child, path, out, place, lean);
                path.pop();
            }
            if below_root && out.len() == at + 1 {
                out.pop();
            }
        }
        Value::Array(items) if below_root && items.is_empty() => {}
        Value::Array(items) if is_set(items) => {
            out.push((Path(path.clone()), Value::Array(Vec::new())));
            let ids: Vec<&str> = items.iter().map(|item| item["id"].as_str().unwrap_or_default()).collect();
            let bare: Vec<bool> =
                items.iter().map(|item| item.as_object().is_none_or(|m| m.keys().all(|k| k == "id"))).collect();
            let positions = place(path, &ids, &bare);
            for ((item, id), position) in items.iter().zip(&ids).zip(positions) {
                path.push(Seg::Item((*id).to_string()));
                if let Some(position) = position {
                    out.push((Path(path.clone()), Value::String(position)));
                }
                for (key, child) in item.as_object().into_iter().flatten() {
                    if key != "id" {
                        path.push(Seg::Key(key.clone()));
                        flatten_into(child, path, out, place, lean);
                        path.pop();
                    }
                }
                path.pop();
            }
        }
        leaf if below_root && is_empty_leaf(leaf) => {}
        leaf => out.push((Path(path.clone()), leaf.clone())),
    }
}

/// [`flatten`], except that items found in `positions` (item path → position) keep that
/// position: how a file's stamps put back the item order its sender had. Items not found get
/// positions numbered evenly after the known ones of their list.
pub fn flatten_with_positions(value: &Value, positions: &HashMap<Path, String>) -> BTreeMap<Path, Value> {
    if positions.is_empty() {
        return flatten(value);
    }
    let mut out = Vec::new();
    let mut place = |list: &[Seg], ids: &[&str], _: &[bool]| {
        let mut path = Path(list.to_vec());
        let known: Vec<Option<String>> = ids
            .iter()
            .map(|id| {
                path.0.push(Seg::Item((*id).to_string()));
                let found = positions.get(&path).cloned();
                path.0.pop();
                found
            })
            .collect();
        let last = known.iter().flatten().max().cloned();
        let mut fresh = between_n(last.as_deref(), None, known.iter().filter(|k| k.is_none()).count()).into_iter();
        known.into_iter().map(|k| k.or_else(|| fresh.next())).collect()
    };
    flatten_into(value, &mut Vec::new(), &mut out, &mut place, false);
    sorted_map(out)
}
