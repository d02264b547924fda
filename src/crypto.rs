//! Passphrase protection of exported files with the browser's WebCrypto: a key derived with
//! PBKDF2-SHA256 (600,000 rounds, random 16-byte salt) encrypts the file with AES-256-GCM
//! (random 12-byte IV). GCM also authenticates: a wrong passphrase or a changed file fails.

use js_sys::{Array, Object, Reflect, Uint8Array};
use kam_core::exchange::{read_encrypted, write_encrypted, FileError, Sealed, PBKDF2_ITERATIONS};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

/// The WebCrypto steps, to say which one the browser refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptoStep {
    WebCrypto,
    ReadingPassphrase,
    DerivingKey,
    RandomNumbers,
    Encryption,
    Decryption,
}

/// Why protecting or opening a file failed (worded in `ui::words::exchange`).
#[derive(Debug, Clone, PartialEq)]
pub enum CryptoError {
    /// No WebCrypto in this scope (not a page or a worker).
    NoWindow,
    /// The browser refused a step; `detail` is its own message.
    Failed { step: CryptoStep, detail: String },
    /// The protected file's wrapper is refused.
    File(FileError),
    /// Decryption failed: GCM cannot tell a wrong passphrase from a changed file.
    WrongPassphrase,
}

fn fail(step: CryptoStep) -> impl Fn(JsValue) -> CryptoError {
    move |e| CryptoError::Failed { step, detail: e.as_string().unwrap_or_else(|| format!("{e:?}")) }
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// The global scope's WebCrypto: the page's, or the import worker's (where files are read and
/// written).
fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::Crypto>().ok())
        .ok_or(CryptoError::NoWindow)
}

async fn derive_key(passphrase: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, CryptoError> {
    let subtle = crypto()?.subtle();
    let raw = Uint8Array::from(passphrase.as_bytes());
    let usages = Array::of1(&"deriveKey".into());
    let base: CryptoKey = JsFuture::from(
        subtle
            .import_key_with_str("raw", &raw, "PBKDF2", false, &usages)
            .map_err(fail(CryptoStep::ReadingPassphrase))?,
    )
    .await
    .map_err(fail(CryptoStep::ReadingPassphrase))?
    .unchecked_into();
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = JsFuture::from(
        subtle
            .derive_key_with_object_and_object(&params, &base, &aes, false, &usages)
            .map_err(fail(CryptoStep::DerivingKey))?,
    )
    .await
    .map_err(fail(CryptoStep::DerivingKey))?;
    Ok(key.unchecked_into())
}

/// The file text, protected with `passphrase`, as a KAM Planner protected file.
pub async fn encrypt(plaintext: &str, passphrase: &str) -> Result<String, CryptoError> {
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 12];
    crypto()?.get_random_values_with_u8_array(&mut salt).map_err(fail(CryptoStep::RandomNumbers))?;
    crypto()?.get_random_values_with_u8_array(&mut iv).map_err(fail(CryptoStep::RandomNumbers))?;
    let key = derive_key(passphrase, &salt, PBKDF2_ITERATIONS).await?;
    let params = object(&[("name", "AES-GCM".into()), ("iv", Uint8Array::from(&iv[..]).into())]);
    let sealed = JsFuture::from(
        crypto()?
            .subtle()
            .encrypt_with_object_and_u8_array(&params, &key, plaintext.as_bytes())
            .map_err(fail(CryptoStep::Encryption))?,
    )
    .await
    .map_err(fail(CryptoStep::Encryption))?;
    let ciphertext = Uint8Array::new(&sealed).to_vec();
    Ok(write_encrypted(&Sealed { salt: salt.to_vec(), iv: iv.to_vec(), iterations: PBKDF2_ITERATIONS, ciphertext }))
}

/// The file inside a protected file, or why not: damaged wrapper, or wrong passphrase.
pub async fn decrypt(file: &[u8], passphrase: &str) -> Result<Vec<u8>, CryptoError> {
    let sealed = read_encrypted(file).map_err(CryptoError::File)?;
    let key = derive_key(passphrase, &sealed.salt, sealed.iterations).await?;
    let params = object(&[("name", "AES-GCM".into()), ("iv", Uint8Array::from(&sealed.iv[..]).into())]);
    let opened = JsFuture::from(
        crypto()?
            .subtle()
            .decrypt_with_object_and_u8_array(&params, &key, &sealed.ciphertext)
            .map_err(fail(CryptoStep::Decryption))?,
    )
    .await
    .map_err(|_| CryptoError::WrongPassphrase)?;
    Ok(Uint8Array::new(&opened).to_vec())
}
