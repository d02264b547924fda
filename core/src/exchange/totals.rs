//! Totals and subtotals inside an export. Accounting systems (1C, SAP, Excel's Subtotal
//! command) write them between the order lines; read as a customer, a grand total becomes the
//! biggest account of the portfolio.

/// Labels that mean "the sum of the rows above", in the model's languages, English and German.
const TOTAL_WORDS: &[&str] = &[
    "total",
    "totals",
    "grand total",
    "subtotal",
    "sub-total",
    "sub total",
    "sum",
    "summe",
    "gesamt",
    "gesamtsumme",
    "gesamtergebnis",
    "zwischensumme",
    "endsumme",
    "insgesamt",
    "итого",
    "итог",
    "всего",
    "промежуточный итог",
    "общий итог",
    "kokku",
    "vahesumma",
    "summa",
    "yhteensä",
    "yhteensa",
    "kaikki yhteensä",
    "välisumma",
    "合计",
    "总计",
    "小计",
    "合計",
    "總計",
    "小計",
    "共计",
    "jumlah",
    "total keseluruhan",
    "jumlah total",
    "subjumlah",
    "gunggung",
];

/// Words that are never the start of a customer's name, so anything may follow them
/// ("Итого по клиенту", "Summe 2025"). "Total" and "Sum" are not among them: "Total Oil" is a
/// customer.
const TOTAL_PREFIXES: &[&str] = &[
    "grand total",
    "subtotal",
    "sub-total",
    "summe",
    "gesamt",
    "zwischensumme",
    "insgesamt",
    "итого",
    "итог",
    "всего",
    "промежуточный итог",
    "общий итог",
    "kokku",
    "vahesumma",
    "yhteensä",
    "yhteensa",
    "välisumma",
    "合计",
    "总计",
    "小计",
    "合計",
    "總計",
    "小計",
    "共计",
    "total keseluruhan",
    "subjumlah",
];

/// How Excel's Subtotal command and report writers label a group's total: "Acme Total",
/// "Acme Ergebnis", "Acme 小计".
const TOTAL_SUFFIXES: &[&str] =
    &["total", "subtotal", "summe", "ergebnis", "итог", "итого", "yhteensä", "kokku", "合计", "小计", "合計", "小計"];

/// What "Total" may be followed by in a totals label ("Total for 2025", "Total 2025").
const AFTER_TOTAL: &[&str] = &["for", "of", "all", "für", "keseluruhan", "penjualan", "general", "sales", "revenue"];

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// True when a cell labels a total or subtotal: "Total", "TOTAL:", "Итого по клиенту",
/// "Yhteensä", "合计", "Acme Total". Case and spacing do not matter.
pub fn is_totals_label(cell: &str) -> bool {
    let lowered = cell.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let label = lowered.trim_end_matches([':', '.', '*', ' ', '：']);
    if label.is_empty() || label.chars().count() > 60 {
        return false;
    }
    if TOTAL_WORDS.contains(&label)
        || TOTAL_WORDS.iter().any(|w| label.starts_with(*w) && label[w.len()..].starts_with(':'))
    {
        return true;
    }
    if starts_with_word(label, TOTAL_PREFIXES) {
        return true;
    }
    for total in ["total", "totals", "jumlah"] {
        if let Some(rest) = label.strip_prefix(total).and_then(|r| r.strip_prefix(' ')) {
            if rest.starts_with(|c: char| c.is_ascii_digit()) || AFTER_TOTAL.iter().any(|w| first_word(rest) == *w) {
                return true;
            }
        }
    }
    TOTAL_SUFFIXES.iter().any(|s| {
        label.strip_suffix(s).is_some_and(|head| {
            let cjk = s.chars().all(is_cjk);
            !head.is_empty() && (cjk || head.ends_with(' '))
        })
    })
}

fn first_word(s: &str) -> &str {
    s.split([' ', ':']).next().unwrap_or(s)
}

/// `label` is one of `words`, or starts with one followed by a space or a colon (or, for
/// Chinese, by anything).
fn starts_with_word(label: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        label.strip_prefix(*w).is_some_and(|rest| {
            rest.is_empty() || rest.starts_with([' ', ':', '：']) || w.chars().all(is_cjk) && !rest.is_empty()
        })
    })
}

/// True when `value` equals `sum` to the cent: amounts in exports have two decimals, and
/// a sum of many floats is off in its last bits.
pub(crate) fn equals_sum(value: f64, sum: f64) -> bool {
    (value - sum).abs() < 0.005 + sum.abs() * 1e-12
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_labels_in_the_models_languages() {
        for label in [
            "Total",
            "TOTAL:",
            "Totals",
            "Grand Total",
            "  grand   total ",
            "Subtotal",
            "Summe",
            "Gesamt",
            "Gesamtergebnis",
            "Итого",
            "ИТОГО:",
            "Итого по клиенту",
            "Всего",
            "Kokku",
            "Yhteensä",
            "Yhteensa",
            "合计",
            "总计",
            "合計",
            "合计：",
            "Jumlah",
            "Total keseluruhan",
            "Total: 2025",
            "Total 2025",
            "Total for March",
            "Acme Total",
            "Müller GmbH Ergebnis",
            "华为小计",
        ] {
            assert!(is_totals_label(label), "{label}");
        }
    }

    #[test]
    fn customers_are_not_totals() {
        for name in [
            "Total Oil",
            "TotalEnergies",
            "Totalbank AS",
            "Summit AG",
            "Gesamtschule Nord",
            "Всеволод Иванов",
            "Kokkupanek OÜ",
            "Jumlahkan PT",
            "总部",
            "",
            "Acme",
            "Sum Holdings Ltd",
        ] {
            assert!(!is_totals_label(name), "{name}");
        }
    }

    #[test]
    fn sums_match_to_the_cent() {
        let sum = (0..1000).map(|_| 0.1).sum::<f64>();
        assert!(equals_sum(100.0, sum));
        assert!(!equals_sum(100.01, sum));
    }
}
