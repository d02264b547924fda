//! The row importer's index of accounts: each account's key to its slot, looked up once per
//! row of a file of up to millions of rows.

use std::collections::HashMap;

/// Account keys to their slots, looked up once per row. The keys sit side by side in one
/// string, found through a map from each key's 64-bit hash: a map of `String`s spread the keys
/// over the heap between the growing order-line vectors, and its key comparisons, each a cache
/// miss, were a quarter of a large import. Two keys with the same hash (which the fixed-key SipHash
/// makes astronomically rare) are still told apart, through `collided`.
#[derive(Default)]
pub(super) struct AccountIndex {
    by_hash: HashMap<u64, usize, std::hash::BuildHasherDefault<HashIsKey>>,
    collided: HashMap<String, usize>,
    /// Every key, one after the other, and where each ends.
    text: String,
    ends: Vec<usize>,
    slots: Vec<usize>,
}

impl AccountIndex {
    fn hash(key: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        key.hash(&mut hasher);
        hasher.finish()
    }

    fn key(&self, entry: usize) -> &str {
        let start = if entry == 0 { 0 } else { self.ends[entry - 1] };
        &self.text[start..self.ends[entry]]
    }

    pub(super) fn get(&self, key: &str) -> Option<usize> {
        let &entry = self.by_hash.get(&Self::hash(key))?;
        if self.key(entry) == key {
            Some(self.slots[entry])
        } else {
            self.collided.get(key).copied()
        }
    }

    /// Adds a key that [`Self::get`] did not find.
    pub(super) fn insert(&mut self, key: &str, slot: usize) {
        let hash = Self::hash(key);
        if self.by_hash.contains_key(&hash) {
            self.collided.insert(key.to_string(), slot);
            return;
        }
        self.text.push_str(key);
        self.ends.push(self.text.len());
        self.slots.push(slot);
        self.by_hash.insert(hash, self.slots.len() - 1);
    }
}

/// For a map whose keys are already hashes.
#[derive(Default)]
struct HashIsKey(u64);

impl std::hash::Hasher for HashIsKey {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::AccountIndex;

    #[test]
    fn account_index_finds_every_key_and_no_other() {
        let mut index = AccountIndex::default();
        let keys: Vec<String> = (0..5_000).map(|i| format!("customer {i}")).collect();
        for (slot, key) in keys.iter().enumerate() {
            assert_eq!(index.get(key), None);
            index.insert(key, slot);
        }
        for (slot, key) in keys.iter().enumerate() {
            assert_eq!(index.get(key), Some(slot));
        }
        assert_eq!(index.get("customer 5000"), None);
        assert_eq!(index.get(""), None);
        assert_eq!(index.get("customer"), None);
    }

    #[test]
    fn account_index_tells_apart_two_keys_of_one_hash() {
        let mut index = AccountIndex::default();
        index.insert("acme", 0);
        // "beta" made to collide with "acme": the map finds acme's entry under beta's hash.
        index.by_hash.insert(AccountIndex::hash("beta"), 0);
        assert_eq!(index.get("beta"), None, "a colliding key is not taken for the other");
        index.insert("beta", 1);
        assert_eq!(index.get("beta"), Some(1));
        assert_eq!(index.get("acme"), Some(0));
    }
}
