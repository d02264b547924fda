//! Which text encoding a CSV export is in. Excel's plain "CSV" is written in the machine's code
//! page (Windows-1251 on Russian Windows, GBK on Chinese, 1257 on Baltic), 1C writes 1251, old
//! Unix tools KOI8-R. The core only *detects*: decoding is the browser's `TextDecoder`, which
//! knows every WHATWG encoding, so no decoding tables of ours enter the app.
//!
//! Detection is chardetng, Firefox's detector for unlabelled pages: it scores every legacy
//! encoding the Web knows on character-pair frequencies, is maintained with encoding_rs (whose
//! labels `TextDecoder` accepts), and says when its guess is weak. Alternatives: `chardet`
//! (a port of the old Mozilla universal detector) does not know GBK from Big5 on short text as
//! well and is no longer maintained; ICU's detector needs ICU data; compact_enc_det is C++.
//! chardetng is weak on very short GBK text and on Windows-1257, which is why the user also gets
//! a picker ([`PICKER_ENCODINGS`]). It answers KOI8-U for KOI8-R text: KOI8-U only adds
//! Ukrainian letters in place of box-drawing signs, so Russian decodes the same.

use serde::Serialize;

/// What the detector thinks the bytes are. (Serialize only: the label is one of this module's
/// constants; a message that carries it back holds it as a `String`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EncodingGuess {
    /// A WHATWG label the browser's `TextDecoder` accepts, e.g. "windows-1251", "gbk",
    /// "utf-16le".
    pub label: &'static str,
    /// False when the detector could not tell this encoding from another: the mapping step
    /// then says so beside the picker.
    pub confident: bool,
}

/// The encodings the mapping step offers, WHATWG labels in the order shown: the model's
/// countries' first.
pub const PICKER_ENCODINGS: &[&str] = &[
    "utf-8",
    "windows-1257",
    "iso-8859-13",
    "iso-8859-4",
    "windows-1251",
    "koi8-r",
    "koi8-u",
    "ibm866",
    "iso-8859-5",
    "gbk",
    "gb18030",
    "big5",
    "shift_jis",
    "euc-jp",
    "euc-kr",
    "windows-1250",
    "iso-8859-2",
    "windows-1252",
    "iso-8859-15",
    "utf-16le",
    "utf-16be",
];

/// How much of a file the detector reads: enough text for a confident guess; the whole file
/// would cost time on a 400 MB export for no better answer.
const DETECT_BYTES: usize = 256 * 1024;

/// Detects the encoding of a file's first bytes (pass the start of the file; more than 256 KB is
/// not read). A byte-order mark decides; then valid UTF-8 is UTF-8; otherwise chardetng guesses
/// among the legacy encodings.
pub fn detect_encoding(bytes: &[u8]) -> EncodingGuess {
    let sure = |label| EncodingGuess { label, confident: true };
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return sure("utf-8");
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return sure("utf-16le");
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return sure("utf-16be");
    }
    let head = &bytes[..bytes.len().min(DETECT_BYTES)];
    if is_utf8(head, head.len() < bytes.len()) {
        return sure("utf-8");
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(head, true);
    let (encoding, confident) = detector.guess_assess(None, false);
    // chardetng reads Windows-1257 (Baltic) as Windows-1252, sure of it, even when asked as for
    // a Baltic site: 1257's š ž Š Ž are 1252's ð þ Ð Þ, letters of Icelandic and Faroese only.
    // Estonian and Latvian exports are among the model's, Icelandic ones are not: with those
    // bytes present the answer is Windows-1257, given as unsure so the user checks the names.
    if encoding.name() == "windows-1252" && head.iter().any(|b| [0xF0, 0xFE, 0xD0, 0xDE].contains(b)) {
        return EncodingGuess { label: "windows-1257", confident: false };
    }
    EncodingGuess { label: whatwg_label(encoding.name()), confident }
}

/// Valid UTF-8; when the slice is the start of a longer file, a character cut at its end is
/// allowed.
fn is_utf8(head: &[u8], cut: bool) -> bool {
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => cut && e.error_len().is_none(),
    }
}

/// encoding_rs names ("windows-1251", "GBK", "Shift_JIS", "UTF-16LE") as the lower-case labels
/// of the WHATWG Encoding Standard, which `TextDecoder` accepts and the picker lists.
fn whatwg_label(name: &str) -> &'static str {
    let lower = name.to_ascii_lowercase();
    PICKER_ENCODINGS.iter().chain(OTHER_LABELS).find(|l| **l == lower).copied().unwrap_or("windows-1252")
}

/// Encodings chardetng can answer that the picker does not offer.
const OTHER_LABELS: &[&str] = &[
    "windows-1253",
    "windows-1254",
    "windows-1255",
    "windows-1256",
    "windows-1258",
    "windows-874",
    "iso-8859-6",
    "iso-8859-7",
    "iso-8859-8",
    "iso-8859-8-i",
    "iso-2022-jp",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(text: &str, encoding: &'static encoding_rs::Encoding) -> EncodingGuess {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text} is writable in {}", encoding.name());
        detect_encoding(&bytes)
    }

    #[test]
    fn byte_order_marks_decide() {
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFa;b"), EncodingGuess { label: "utf-8", confident: true });
        assert_eq!(detect_encoding(b"\xFF\xFEa\0").label, "utf-16le");
        assert_eq!(detect_encoding(b"\xFE\xFF\0a").label, "utf-16be");
        assert_eq!(detect_encoding("Клиент;Дата".as_bytes()).label, "utf-8");
        assert_eq!(detect_encoding(b"").label, "utf-8");
    }

    #[test]
    fn a_character_cut_at_the_end_of_the_sample_is_still_utf8() {
        let mut text = "x".repeat(DETECT_BYTES - 1);
        text.push_str("ü;Müller");
        assert_eq!(text.as_bytes()[DETECT_BYTES - 1], 0xC3, "the sample ends inside ü");
        assert_eq!(detect_encoding(text.as_bytes()).label, "utf-8");
    }

    #[test]
    fn legacy_code_pages_of_the_models_countries() {
        let russian =
            "Клиент;Дата;Сумма\nООО Ромашка;01.02.2025;1 234,50\nАО Вектор;02.02.2025;99,00\nИтого;;1 333,50\n";
        assert_eq!(guess(russian, encoding_rs::WINDOWS_1251).label, "windows-1251");
        // chardetng answers KOI8-U, the superset: it decodes Russian letters as KOI8-R does.
        assert_eq!(guess(russian, encoding_rs::KOI8_R).label, "koi8-u");
        let chinese = "客户,日期,销售额\n北京华为科技有限公司,2025-02-01,1234.50\n上海汽车集团股份有限公司,2025-02-02,99.00\n合计,,1333.50\n";
        assert_eq!(guess(chinese, encoding_rs::GBK).label, "gbk");
        let traditional = "客戶,日期,銷售額\n台灣積體電路製造股份有限公司,2025-02-01,1234.50\n鴻海精密工業股份有限公司,2025-02-02,99.00\n";
        assert_eq!(guess(traditional, encoding_rs::BIG5).label, "big5");
        let japanese = "顧客,日付,売上\nトヨタ自動車株式会社,2025-02-01,1234\n株式会社日立製作所,2025-02-02,99\n";
        assert_eq!(guess(japanese, encoding_rs::SHIFT_JIS).label, "shift_jis");
        let czech = "Zákazník;Datum;Tržba\nŠkoda Auto a.s.;01.02.2025;1 234,50\nČeská spořitelna;02.02.2025;99,00\nPříliš žluťoučký kůň úpěl ďábelské ódy\n";
        assert_eq!(guess(czech, encoding_rs::WINDOWS_1250).label, "windows-1250");
        assert_eq!(guess(czech, encoding_rs::ISO_8859_2).label, "iso-8859-2");
        let estonian =
            "Klient;Kuupäev;Käive\nŠokolaaditehas Kalev AS;01.02.2025;1 234,50\nŽürii Grupp OÜ;02.02.2025;9,00\n";
        assert_eq!(guess(estonian, encoding_rs::WINDOWS_1257).label, "windows-1257");
        // Where chardetng alone says Windows-1252, the Baltic second look answers, unsure.
        let names = "Klient;Kuupäev;Käive\nÕismäe Kaubandus OÜ;05.01.2025;1 234,50 €\nŠokolaaditehas Kalev AS;01.02.2025;9,00 €\n";
        assert_eq!(
            guess(names, encoding_rs::WINDOWS_1257),
            EncodingGuess { label: "windows-1257", confident: false },
            "a guess, said to be one"
        );
        let german = "Kunde;Datum;Umsatz\nMüller & Söhne GmbH;01.02.2025;1.234,50\nBäckerei Größl KG;02.02.2025;9,00\n";
        assert_eq!(guess(german, encoding_rs::WINDOWS_1252).label, "windows-1252");
    }

    #[test]
    fn every_answer_is_a_label_the_picker_or_textdecoder_knows() {
        for label in PICKER_ENCODINGS.iter().chain(OTHER_LABELS) {
            let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).expect("a WHATWG label");
            assert_eq!(whatwg_label(encoding.name()), *label);
        }
    }
}
