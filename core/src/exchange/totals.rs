//! Totals and subtotals inside an export. Accounting systems (1C, SAP, Excel's Subtotal
//! command) write them between the order lines; read as a customer, a grand total becomes the
//! biggest account of the portfolio.

/// Labels that mean "the sum of the rows above" on their own (or before a colon), in the model's
/// languages, English and German; the [`TOTAL_PREFIXES`] are such labels too.
const TOTAL_WORDS: &[&str] = &[
    "total",
    "totals",
    "sub total",
    "sum",
    "gesamtsumme",
    "gesamtergebnis",
    "endsumme",
    "summa",
    "kaikki yhteensä",
    "jumlah",
    "jumlah total",
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

/// Longer than every totals word, in characters.
const EDGE: usize = 24;

fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// The first and the last letters of the totals words: a cell starting and ending with none of
/// them is no label, known from two characters.
fn edge_letters() -> &'static (Vec<char>, Vec<char>) {
    static EDGES: std::sync::OnceLock<(Vec<char>, Vec<char>)> = std::sync::OnceLock::new();
    EDGES.get_or_init(|| {
        let starts = TOTAL_WORDS.iter().chain(TOTAL_PREFIXES).filter_map(|w| w.chars().next());
        let ends = TOTAL_SUFFIXES.iter().filter_map(|w| w.chars().last());
        let (mut first, mut last): (Vec<char>, Vec<char>) = (starts.collect(), ends.collect());
        first.sort_unstable();
        first.dedup();
        last.sort_unstable();
        last.dedup();
        (first, last)
    })
}

/// The first and last [`EDGE`] characters of a cell, lower case, on the stack.
struct Edges {
    head: [char; EDGE],
    head_len: usize,
    tail: [char; EDGE],
    tail_len: usize,
}

impl Edges {
    fn of(cell: &str) -> Edges {
        let mut e = Edges { head: ['\0'; EDGE], head_len: 0, tail: ['\0'; EDGE], tail_len: 0 };
        for c in cell.chars().take(EDGE) {
            e.head[e.head_len] = lower(c);
            e.head_len += 1;
        }
        for c in cell.chars().rev().take(EDGE) {
            e.tail[e.tail_len] = lower(c);
            e.tail_len += 1;
        }
        e
    }

    fn starts_with(&self, word: &str) -> bool {
        let mut head = self.head[..self.head_len].iter();
        word.chars().all(|w| head.next() == Some(&w))
    }

    fn ends_with(&self, word: &str) -> bool {
        let mut tail = self.tail[..self.tail_len].iter();
        word.chars().rev().all(|w| tail.next() == Some(&w))
    }
}

/// What every totals label has: it starts with a totals word or ends with one. This turns the
/// common case, a customer's name, away without allocating: it runs for every row of a file.
fn could_be_totals(cell: &str) -> bool {
    let cell = cell.trim().trim_end_matches([':', '.', '*', ' ', '：']);
    let (first, last) = edge_letters();
    let starts = cell.chars().next().is_some_and(|c| first.binary_search(&lower(c)).is_ok());
    let ends = cell.chars().next_back().is_some_and(|c| last.binary_search(&lower(c)).is_ok());
    if !starts && !ends {
        return false;
    }
    let edges = Edges::of(cell);
    TOTAL_WORDS.iter().chain(TOTAL_PREFIXES).any(|w| edges.starts_with(w))
        || TOTAL_SUFFIXES.iter().any(|w| edges.ends_with(w))
}

/// True when a cell labels a total or subtotal: "Total", "TOTAL:", "Итого по клиенту",
/// "Yhteensä", "合计", "Acme Total". Case and spacing do not matter.
pub fn is_totals_label(cell: &str) -> bool {
    if !could_be_totals(cell) {
        return false;
    }
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
