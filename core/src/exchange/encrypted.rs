//! Passphrase-protected KAM Planner files. The cryptography runs in the browser (WebCrypto:
//! PBKDF2-SHA256 to derive an AES-256-GCM key); this module only reads and writes the wrapper
//! and refuses parameters that are unsafe or would hang the page.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::{Deserialize, Serialize};

pub const ENCRYPTED_FORMAT: &str = "kam-planner-encrypted";
/// At least OWASP's current advice for PBKDF2-SHA256.
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// Files asking for more are refused: deriving the key would freeze the page for minutes.
const MAX_ITERATIONS: u32 = 10_000_000;

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
        version: 1,
        kdf: Kdf { name: "PBKDF2".into(), hash: "SHA-256".into(), iterations: sealed.iterations, salt: B64.encode(&sealed.salt) },
        cipher: Cipher { name: "AES-GCM".into(), iv: B64.encode(&sealed.iv) },
        ciphertext: B64.encode(&sealed.ciphertext),
    };
    serde_json::to_string_pretty(&wrapper).expect("the wrapper serialises")
}

pub fn read_encrypted(bytes: &[u8]) -> Result<Sealed, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "The protected file is not UTF-8: it is damaged.".to_string())?;
    let w: Wrapper = serde_json::from_str(text).map_err(|e| format!("The protected file is damaged: {e}."))?;
    if w.format != ENCRYPTED_FORMAT {
        return Err("This is not a passphrase-protected KAM Planner file.".into());
    }
    if w.version > 1 {
        return Err(format!("The protected file was made by a newer KAM Planner (version {}; this one reads 1).", w.version));
    }
    if w.kdf.name != "PBKDF2" || w.kdf.hash != "SHA-256" || w.cipher.name != "AES-GCM" {
        return Err("The file is protected with a method this KAM Planner does not use.".into());
    }
    if !(100_000..=MAX_ITERATIONS).contains(&w.kdf.iterations) {
        return Err(format!("The file asks for {} key-derivation rounds; accepted are 100,000 to 10,000,000.", w.kdf.iterations));
    }
    let decode = |what: &str, s: &str| B64.decode(s).map_err(|_| format!("The protected file is damaged ({what} is not base64)."));
    let sealed = Sealed { salt: decode("salt", &w.kdf.salt)?, iv: decode("iv", &w.cipher.iv)?, iterations: w.kdf.iterations, ciphertext: decode("ciphertext", &w.ciphertext)? };
    if sealed.salt.len() < 16 || sealed.iv.len() != 12 || sealed.ciphertext.len() < 16 {
        return Err("The protected file is damaged (salt, iv or ciphertext has the wrong length).".into());
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
        let cases = [
            (text.replace("600000", "1000"), "accepted are 100,000"),
            (text.replace("600000", "4000000000"), "accepted are 100,000"),
            (text.replace("AES-GCM", "AES-CBC"), "method this KAM Planner does not use"),
            (text.replace("\"version\": 1", "\"version\": 3"), "newer KAM Planner"),
            (text.replace("AgICAgICAgICAgIC", "AgICAg=="), "wrong length"),
            (text.replace("AgICAgICAgICAgIC", "!!!"), "not base64"),
        ];
        for (bad, expected) in cases {
            let err = read_encrypted(bad.as_bytes()).unwrap_err();
            assert!(err.contains(expected), "{expected:?} in {err:?}");
        }
    }
}
