//! Item positions: base-62 fractions written as strings, compared as plain strings (see
//! [`super::doc`], "Item order").

use std::collections::HashMap;

const DIGITS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn digit(c: u8) -> usize {
    match c {
        b'0'..=b'9' => (c - b'0') as usize,
        b'A'..=b'Z' => (c - b'A') as usize + 10,
        b'a'..=b'z' => (c - b'a') as usize + 36,
        _ => 0,
    }
}

/// A position this module could have made: digits only, not empty, no trailing `0`. Others
/// (hand-edited files) count as no position, so the order arithmetic never sees them.
pub(super) fn valid_position(p: &str) -> bool {
    !p.is_empty() && p.bytes().all(|c| c.is_ascii_alphanumeric()) && !p.ends_with('0')
}

/// A position strictly between `a` (or the start) and `b` (or the end). Requires `a < b`.
fn midpoint(a: &[u8], b: Option<&[u8]>) -> Vec<u8> {
    if let Some(b) = b {
        let mut n = 0;
        while n < b.len() && a.get(n).copied().unwrap_or(b'0') == b[n] {
            n += 1;
        }
        if n > 0 {
            let mut out = b[..n].to_vec();
            out.extend(midpoint(a.get(n..).unwrap_or(&[]), Some(&b[n..])));
            return out;
        }
    }
    let da = a.first().map_or(0, |c| digit(*c));
    let db = b.map_or(62, |b| digit(b[0]));
    if db - da > 1 {
        return vec![DIGITS[(da + db) / 2]];
    }
    if let Some(b) = b {
        if b.len() > 1 {
            return vec![b[0]];
        }
    }
    let mut out = vec![DIGITS[da]];
    out.extend(midpoint(a.get(1..).unwrap_or(&[]), None));
    out
}

/// A position after `a` that stays short for a list grown by appending: the first digit that
/// can be raised is raised.
fn after(a: &str) -> String {
    let bytes = a.as_bytes();
    for (i, &c) in bytes.iter().enumerate() {
        let d = digit(c);
        if d < 61 {
            let mut out = bytes[..i].to_vec();
            out.push(DIGITS[d + 1]);
            return String::from_utf8(out).expect("ascii");
        }
    }
    format!("{a}V")
}

/// `k` increasing positions strictly between `a` and `b`, spread by halving (short keys).
pub(super) fn between_n(a: Option<&str>, b: Option<&str>, k: usize) -> Vec<String> {
    if k == 0 {
        return Vec::new();
    }
    if let (1, Some(a), None) = (k, a, b) {
        return vec![after(a)];
    }
    let m = String::from_utf8(midpoint(a.unwrap_or("").as_bytes(), b.map(str::as_bytes))).expect("ascii");
    let left = (k - 1) / 2;
    let mut out = between_n(a, Some(&m), left);
    out.push(m.clone());
    out.extend(between_n(Some(&m), b, k - 1 - left));
    out
}

/// Positions for a list's items in their new order, given the current items (in shown order,
/// with their positions). Unchanged order: every item keeps what it has. Otherwise the longest
/// run of positioned items still in increasing order keeps its positions, and the other items
/// (new, moved, or without a position) get fresh ones between their kept neighbours. An item
/// without a position and without fields (`bare`) exists only through its node register, so it
/// must get a position (and with it every other item lacking one, to keep the order); so must
/// every item of a list that `record` re-creates (`heal`), since re-creating a node tombstones
/// the hidden registers below it, the old item nodes among them.
pub(super) fn assign_positions(
    current: &[(String, Option<String>)],
    new_ids: &[&str],
    bare: &[bool],
    heal: bool,
) -> Vec<Option<String>> {
    let index: HashMap<&str, usize> = current.iter().enumerate().map(|(i, (id, _))| (id.as_str(), i)).collect();
    let seq: Vec<Option<usize>> = new_ids.iter().map(|id| index.get(id).copied()).collect();
    let unchanged = seq.iter().all(Option::is_some) && seq.windows(2).all(|w| w[0] < w[1]);
    let bare_without_position = seq.iter().zip(bare).any(|(c, b)| *b && c.is_some_and(|c| current[c].1.is_none()));
    if unchanged && !bare_without_position && !heal {
        return seq.iter().map(|c| current[c.expect("checked")].1.clone()).collect();
    }
    let candidates: Vec<(usize, &str)> =
        seq.iter().enumerate().filter_map(|(i, c)| c.and_then(|c| current[c].1.as_deref()).map(|p| (i, p))).collect();
    let keys: Vec<&str> = candidates.iter().map(|c| c.1).collect();
    let n = new_ids.len();
    let mut out: Vec<Option<String>> = vec![None; n];
    let mut kept = vec![false; n];
    for k in longest_increasing(&keys) {
        let (i, p) = candidates[k];
        out[i] = Some(p.to_string());
        kept[i] = true;
    }
    let mut i = 0;
    let mut prev: Option<String> = None;
    while i < n {
        if kept[i] {
            prev = out[i].clone();
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && !kept[j] {
            j += 1;
        }
        let next = if j < n { out[j].clone() } else { None };
        for (k, p) in between_n(prev.as_deref(), next.as_deref(), j - i).into_iter().enumerate() {
            out[i + k] = Some(p);
        }
        i = j;
    }
    out
}

/// Indices of a longest strictly increasing subsequence (patience sorting, O(n log n)).
fn longest_increasing(keys: &[&str]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; keys.len()];
    for i in 0..keys.len() {
        let at = tails.partition_point(|&t| keys[t] < keys[i]);
        if at > 0 {
            prev[i] = tails[at - 1];
        }
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut k = tails.last().copied();
    while let Some(x) = k {
        out.push(x);
        k = (prev[x] != usize::MAX).then_some(prev[x]);
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_between_are_between() {
        let keys = between_n(None, None, 50);
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        assert!(keys.iter().all(|k| valid_position(k)));
        for w in keys.windows(2) {
            let m = between_n(Some(&w[0]), Some(&w[1]), 3);
            assert!(w[0] < m[0] && m[0] < m[1] && m[1] < m[2] && m[2] < w[1], "{w:?} {m:?}");
        }
        let mut last = "V".to_string();
        for _ in 0..500 {
            let next = between_n(Some(&last), None, 1).remove(0);
            assert!(next > last && valid_position(&next));
            last = next;
        }
        assert!(last.len() < 25, "appending keeps positions short: {last}");
        let mut first = "V".to_string();
        for _ in 0..200 {
            let next = between_n(None, Some(&first), 1).remove(0);
            assert!(next < first && valid_position(&next));
            first = next;
        }
    }

    #[test]
    fn moves_keep_the_longest_ordered_run() {
        let cur: Vec<(String, Option<String>)> = ["a", "b", "c", "d"]
            .iter()
            .zip(between_n(None, None, 4))
            .map(|(id, p)| (id.to_string(), Some(p)))
            .collect();
        let out = assign_positions(&cur, &["b", "c", "d", "a"], &[false; 4], false);
        assert_eq!(out[0], cur[1].1);
        assert_eq!(out[1], cur[2].1);
        assert_eq!(out[2], cur[3].1);
        assert!(out[3].as_deref() > cur[3].1.as_deref());
    }
}
