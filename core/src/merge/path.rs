//! Where a register lives: a [`Path`] of [`Seg`]s, and its text form (a JSON pointer).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;

/// One step of a [`Path`]: an object key, or an item of a set-list by its id. Keys sort before
/// items, then by text; a path sorts before everything below it, so a subtree is one contiguous
/// range of a `BTreeMap<Path, _>`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Seg {
    Key(String),
    Item(String),
}

/// Where a register lives in the document. Written as a JSON pointer (`/dossiers/~2acme/overview`)
/// whose item steps are marked `~2` (keys escape `~` as `~0` and `/` as `~1`, so a key can never
/// look like an item); the root is the empty string.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Path(pub Vec<Seg>);

impl Path {
    pub fn root() -> Path {
        Path(Vec::new())
    }
    /// This path followed by an object key.
    pub fn key(&self, key: &str) -> Path {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key.into()));
        Path(segs)
    }
    /// This path followed by an item id (this path being a set-list).
    pub fn item(&self, id: &str) -> Path {
        let mut segs = self.0.clone();
        segs.push(Seg::Item(id.into()));
        Path(segs)
    }
    /// Whether `prefix` is this path or above it.
    pub fn starts_with(&self, prefix: &Path) -> bool {
        self.0.starts_with(&prefix.0)
    }
    /// Whether this path is an item's node (its entry holds the item's position).
    pub fn is_item(&self) -> bool {
        matches!(self.0.last(), Some(Seg::Item(_)))
    }
    /// The last key of the path, if it ends in a key (`phone` for `people/{id}/phone`).
    pub fn last_key(&self) -> Option<&str> {
        match self.0.last() {
            Some(Seg::Key(k)) => Some(k),
            _ => None,
        }
    }
}

impl Borrow<[Seg]> for Path {
    fn borrow(&self) -> &[Seg] {
        &self.0
    }
}

fn escape(text: &str) -> String {
    text.replace('~', "~0").replace('/', "~1")
}

fn unescape(text: &str) -> String {
    text.replace("~1", "/").replace("~0", "~")
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for seg in &self.0 {
            match seg {
                Seg::Key(k) => write!(f, "/{}", escape(k))?,
                Seg::Item(id) => write!(f, "/~2{}", escape(id))?,
            }
        }
        Ok(())
    }
}

impl FromStr for Path {
    type Err = String;
    fn from_str(s: &str) -> Result<Path, String> {
        if s.is_empty() {
            return Ok(Path::root());
        }
        let rest = s.strip_prefix('/').ok_or_else(|| format!("\"{s}\" is not a path (it must start with /)"))?;
        Ok(Path(
            rest.split('/')
                .map(|part| match part.strip_prefix("~2") {
                    Some(id) => Seg::Item(unescape(id)),
                    None => Seg::Key(unescape(part)),
                })
                .collect(),
        ))
    }
}

impl Serialize for Path {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Path {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}
