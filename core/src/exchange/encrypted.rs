//! Passphrase-protected KAM Planner files. The cryptography runs in the browser (WebCrypto:
//! PBKDF2-SHA256 to derive an AES-256-GCM key); this module only reads and writes the wrapper
//! and refuses parameters that are unsafe or would hang the page.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::file_format::{FileError, SealedPart};

pub const ENCRYPTED_FORMAT: &str = "kam-planner-encrypted";
/// At least OWASP's current advice for PBKDF2-SHA256.
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// Files asking for more are refused: deriving the key would freeze the page for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// Files asking for fewer are refused: the key would be too easy to guess.
pub const MIN_ITERATIONS: u32 = 100_000;
/// The wrapper version this build writes, and the newest it reads.
const WRAPPER_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Wrapper {
    format: String,
    version: u32,
    kdf: Kdf,
    cipher: Cipher,
    ciphertext: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Kdf {
    name: String,
    hash: String,
    iterations: u32,
    salt: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cipher {
    name: String,
    iv: String,
}

/// What decryption needs, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Sealed {
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub iterations: u32,
    pub ciphertext: Vec<u8>,
}

/// Whether the bytes are a passphrase-protected file (so the UI asks for the passphrase).
pub fn is_encrypted(bytes: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        format: Option<String>,
    }
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|t| serde_json::from_str::<Probe>(t).ok())
        .and_then(|p| p.format)
        .is_some_and(|f| f == ENCRYPTED_FORMAT)
}

pub fn write_encrypted(sealed: &Sealed) -> String {
    let wrapper = Wrapper {
        format: ENCRYPTED_FORMAT.into(),
        version: WRAPPER_VERSION,
        kdf: Kdf {
            name: "PBKDF2".into(),
            hash: "SHA-256".into(),
            iterations: sealed.iterations,
            salt: B64.encode(&sealed.salt),
        },
        cipher: Cipher { name: "AES-GCM".into(), iv: B64.encode(&sealed.iv) },
        ciphertext: B64.encode(&sealed.ciphertext),
    };
    serde_json::to_string_pretty(&wrapper).expect("the wrapper serialises")
}

pub fn read_encrypted(bytes: &[u8]) -> Result<Sealed, FileError> {
    let text = std::str::from_utf8(bytes).map_err(|_| FileError::ProtectedNotUtf8)?;
    let w: Wrapper = serde_json::from_str(text).map_err(|e| FileError::ProtectedDamaged { detail: e.to_string() })?;
    if w.format != ENCRYPTED_FORMAT {
        return Err(FileError::NotProtected);
    }
    if w.version > WRAPPER_VERSION {
        return Err(FileError::ProtectedNewerVersion { version: w.version, newest: WRAPPER_VERSION });
    }
    if w.kdf.name != "PBKDF2" || w.kdf.hash != "SHA-256" || w.cipher.name != "AES-GCM" {
        return Err(FileError::ProtectedUnknownMethod);
    }
    if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&w.kdf.iterations) {
        return Err(FileError::ProtectedIterations {
            iterations: w.kdf.iterations,
            min: MIN_ITERATIONS,
            max: MAX_ITERATIONS,
        });
    }
    let decode = |part: SealedPart, s: &str| B64.decode(s).map_err(|_| FileError::ProtectedNotBase64 { part });
    let sealed = Sealed {
        salt: decode(SealedPart::Salt, &w.kdf.salt)?,
        iv: decode(SealedPart::Iv, &w.cipher.iv)?,
        iterations: w.kdf.iterations,
        ciphertext: decode(SealedPart::Ciphertext, &w.ciphertext)?,
    };
    if sealed.salt.len() < 16 || sealed.iv.len() != 12 || sealed.ciphertext.len() < 16 {
        return Err(FileError::ProtectedWrongLength);
    }
    Ok(sealed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Sealed {
        Sealed { salt: vec![1; 16], iv: vec![2; 12], iterations: PBKDF2_ITERATIONS, ciphertext: vec![3; 40] }
    }

    #[test]
    fn wrapper_round_trips_and_is_recognised() {
        let text = write_encrypted(&sample());
        assert!(is_encrypted(text.as_bytes()));
        assert!(!is_encrypted(b"{\"format\": \"kam-planner\"}"));
        assert_eq!(read_encrypted(text.as_bytes()).unwrap(), sample());
    }

    #[test]
    fn unsafe_or_damaged_parameters_are_refused() {
        let text = write_encrypted(&sample());
        let iterations = |n| FileError::ProtectedIterations { iterations: n, min: MIN_ITERATIONS, max: MAX_ITERATIONS };
        let cases = [
            (text.replace("600000", "1000"), iterations(1000)),
            (text.replace("600000", "4000000000"), iterations(4_000_000_000)),
            (text.replace("AES-GCM", "AES-CBC"), FileError::ProtectedUnknownMethod),
            (
                text.replace("\"version\": 1", "\"version\": 3"),
                FileError::ProtectedNewerVersion { version: 3, newest: 1 },
            ),
            (text.replace("AgICAgICAgICAgIC", "AgICAg=="), FileError::ProtectedWrongLength),
            (text.replace("AgICAgICAgICAgIC", "!!!"), FileError::ProtectedNotBase64 { part: SealedPart::Iv }),
            (text.replace("kam-planner-encrypted", "kam-planner"), FileError::NotProtected),
        ];
        for (bad, expected) in cases {
            assert_eq!(read_encrypted(bad.as_bytes()), Err(expected));
        }
        assert_eq!(read_encrypted(b"\xff"), Err(FileError::ProtectedNotUtf8));
        assert!(matches!(read_encrypted(b"{"), Err(FileError::ProtectedDamaged { .. })));
    }
}
