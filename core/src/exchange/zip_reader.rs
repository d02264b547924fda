//! Just enough of the ZIP format to read the parts of an `.xlsx` workbook: the central
//! directory, stored and deflated entries. The `zip` crate does far more (writing, encryption,
//! ZIP64, many codecs) and cost the app about 60 KB of its compressed download, for nothing an
//! import needs. Inflating is miniz_oxide's work.

use std::collections::HashMap;

const EOCD_SIGNATURE: u32 = 0x0605_4b50;
const CENTRAL_SIGNATURE: u32 = 0x0201_4b50;
const LOCAL_SIGNATURE: u32 = 0x0403_4b50;

#[derive(Debug, Clone, Copy)]
struct Entry {
    method: u16,
    compressed: usize,
    uncompressed: usize,
    local_offset: usize,
}

/// Why an archive, or one of its entries, cannot be read. `name` is the entry's name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ZipError {
    NoDirectory,
    /// The end record or an entry's local header stops short.
    Truncated,
    DamagedDirectory,
    TruncatedDirectory,
    /// ZIP64 (parts over 4 GB), which this reader does not read.
    Zip64,
    EntryTooLarge {
        name: String,
        limit_mb: usize,
    },
    DamagedEntry {
        name: String,
    },
    TruncatedEntry {
        name: String,
    },
    /// Inflating failed; `status` is miniz_oxide's name for why.
    NotInflatable {
        name: String,
        status: String,
    },
    UnsupportedMethod {
        name: String,
        method: u16,
    },
}

/// The entries of a ZIP archive, by name.
pub struct ZipReader<'a> {
    bytes: &'a [u8],
    entries: HashMap<String, Entry>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl<'a> ZipReader<'a> {
    pub fn new(bytes: &'a [u8]) -> Result<Self, ZipError> {
        // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KB.
        let search_from = bytes.len().saturating_sub(22 + 65_535);
        let eocd = (search_from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| u32_at(bytes, i) == Some(EOCD_SIGNATURE))
            .ok_or(ZipError::NoDirectory)?;
        let count = u16_at(bytes, eocd + 10).ok_or(ZipError::Truncated)? as usize;
        let mut at = u32_at(bytes, eocd + 16).ok_or(ZipError::Truncated)? as usize;
        let mut entries = HashMap::new();
        for _ in 0..count {
            if u32_at(bytes, at) != Some(CENTRAL_SIGNATURE) {
                return Err(ZipError::DamagedDirectory);
            }
            let field = |off: usize| u32_at(bytes, at + off).ok_or(ZipError::TruncatedDirectory);
            let method = u16_at(bytes, at + 10).ok_or(ZipError::TruncatedDirectory)?;
            let (compressed, uncompressed, local_offset) = (field(20)?, field(24)?, field(42)?);
            if [compressed, uncompressed, local_offset].contains(&u32::MAX) {
                return Err(ZipError::Zip64);
            }
            let name_len = u16_at(bytes, at + 28).ok_or(ZipError::TruncatedDirectory)? as usize;
            let extra_len = u16_at(bytes, at + 30).ok_or(ZipError::TruncatedDirectory)? as usize;
            let comment_len = u16_at(bytes, at + 32).ok_or(ZipError::TruncatedDirectory)? as usize;
            let name = bytes.get(at + 46..at + 46 + name_len).ok_or(ZipError::TruncatedDirectory)?;
            let entry = Entry {
                method,
                compressed: compressed as usize,
                uncompressed: uncompressed as usize,
                local_offset: local_offset as usize,
            };
            entries.insert(String::from_utf8_lossy(name).into_owned(), entry);
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(ZipReader { bytes, entries })
    }

    pub fn contains(&self, name: &str) -> bool {
        self.entries.contains_key(name)
    }

    /// The uncompressed content of an entry, `Ok(None)` when there is no such entry.
    /// Entries larger than `limit` bytes are refused.
    pub fn read(&self, name: &str, limit: usize) -> Result<Option<Vec<u8>>, ZipError> {
        let Some(e) = self.entries.get(name) else { return Ok(None) };
        if e.uncompressed > limit {
            return Err(ZipError::EntryTooLarge { name: name.into(), limit_mb: limit / (1024 * 1024) });
        }
        let b = self.bytes;
        if u32_at(b, e.local_offset) != Some(LOCAL_SIGNATURE) {
            return Err(ZipError::DamagedEntry { name: name.into() });
        }
        let name_len = u16_at(b, e.local_offset + 26).ok_or(ZipError::Truncated)? as usize;
        let extra_len = u16_at(b, e.local_offset + 28).ok_or(ZipError::Truncated)? as usize;
        let start = e.local_offset + 30 + name_len + extra_len;
        let data = b.get(start..start + e.compressed).ok_or_else(|| ZipError::TruncatedEntry { name: name.into() })?;
        match e.method {
            0 => Ok(Some(data.to_vec())),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit)
                .map(Some)
                .map_err(|err| ZipError::NotInflatable { name: name.into(), status: format!("{:?}", err.status) }),
            m => Err(ZipError::UnsupportedMethod { name: name.into(), method: m }),
        }
    }
}
