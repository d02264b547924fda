//! Which column is which, guessed from the header names (in several languages) and, for the
//! formats, from the values.

use serde::{Deserialize, Serialize};

use super::super::dates::{detect_date_format, DateFormat};
use super::super::numbers::{detect_decimal, Decimal};
use super::{ColumnMapping, Table};

// Header words in the model's languages (Estonian, Finnish, Russian, Chinese, Indonesian,
// Javanese), English and German, and a few neighbours'. A header matches a word it contains;
// the longest match wins, so "Kundennummer" is a number before it is a "kunde".
const ACCOUNT_WORDS: &[&str] = &[
    "account",
    "customer",
    "client",
    "company",
    "buyer",
    "debtor",
    "kunde",
    "kund",
    "debitor",
    "klient",
    "ostja",
    "asiakas",
    "yritys",
    "firma",
    "ettevõte",
    "cliente",
    "société",
    "клиент",
    "покупатель",
    "контрагент",
    "заказчик",
    "客户",
    "客戶",
    "顾客",
    "顧客",
    "买方",
    "得意先",
    "取引先",
    "pelanggan",
    "nasabah",
    "pembeli",
    "tumbas",
    "zákazník",
    "odběratel",
    "kontrahent",
    "odbiorca",
    "nabywca",
];
/// Header words that name a customer number or code on their own.
const NUMBER_WORDS: &[&str] = &[
    "customer no",
    "customer number",
    "customer id",
    "customer code",
    "account no",
    "account number",
    "account id",
    "client id",
    "kundennummer",
    "kundennr",
    "kunden-nr",
    "debitorennummer",
    "debitor-nr",
    "kliendi nr",
    "kliendinumber",
    "kliendi kood",
    "kliendikood",
    "asiakasnumero",
    "asiakasnro",
    "asiakastunnus",
    "код клиента",
    "номер клиента",
    "код контрагента",
    "код покупателя",
    "客户编号",
    "客户代码",
    "客户号",
    "客戶編號",
    "顧客番号",
    "顧客コード",
    "得意先コード",
    "no. pelanggan",
    "no pelanggan",
    "nomor pelanggan",
    "kode pelanggan",
    "id pelanggan",
];
/// Marks that, next to an account word, make the header a number ("Kunden-Nr.", "Client ID").
const NUMBER_TOKENS: &[&str] = &["no", "nr", "no.", "nr.", "id", "#", "code", "number", "num", "kood", "kode", "nomor"];
const NUMBER_PARTS: &[&str] = &["nummer", "numero", "номер", "код", "编号", "編號", "代码", "番号", "コード"];
const DATE_WORDS: &[&str] = &[
    "date",
    "datum",
    "päivä",
    "pvm",
    "kuupäev",
    "fecha",
    "data",
    "дата",
    "日期",
    "日付",
    "tanggal",
    "tgl",
    "day",
    "period",
    "период",
];
const PROFIT_WORDS: &[&str] = &[
    "profit",
    "margin",
    "gewinn",
    "marge",
    "deckungsbeitrag",
    "rohertrag",
    "kate",
    "kasum",
    "marginaal",
    "tulos",
    "voitto",
    "beneficio",
    "bénéfice",
    "прибыль",
    "маржа",
    "наценка",
    "利润",
    "毛利",
    "利潤",
    "利益",
    "粗利",
    "laba",
    "keuntungan",
    "bathi",
    "kauntungan",
    "vinst",
    "zisk",
    "zysk",
    "marża",
];
const REVENUE_WORDS: &[&str] = &[
    "revenue",
    "sales",
    "amount",
    "turnover",
    "value",
    "total",
    "net",
    "umsatz",
    "betrag",
    "erlös",
    "myynti",
    "liikevaihto",
    "summa",
    "käive",
    "müük",
    "ventas",
    "importe",
    "chiffre",
    "montant",
    "выручка",
    "сумма",
    "продажи",
    "оборот",
    "收入",
    "销售",
    "销售额",
    "金额",
    "营业额",
    "銷售",
    "銷售額",
    "金額",
    "營業額",
    "売上",
    "penjualan",
    "omzet",
    "pendapatan",
    "jumlah",
    "nilai",
    "dodolan",
    "försäljning",
    "belopp",
    "tržba",
    "částka",
    "obrat",
    "sprzedaż",
    "kwota",
    "wartość",
    "przychód",
];

fn score(header: &str, words: &[&str]) -> usize {
    let h = header.to_lowercase();
    words.iter().filter(|w| h.contains(*w)).map(|w| w.chars().count()).max().unwrap_or(0)
}

/// True when a header names a customer number or code rather than the customer's name.
fn is_number_header(header: &str) -> bool {
    let h = header.to_lowercase();
    if NUMBER_WORDS.iter().any(|w| h.contains(w)) {
        return true;
    }
    let has_account_word = ACCOUNT_WORDS.iter().any(|w| h.contains(w));
    let tokens = h.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '#')).filter(|t| !t.is_empty());
    let has_mark = tokens.into_iter().any(|t| NUMBER_TOKENS.contains(&t) || t.ends_with("-nr") || t.ends_with("nr."))
        || h.contains('#')
        || NUMBER_PARTS.iter().any(|p| h.contains(p));
    has_account_word && has_mark
}

/// The columns guessed from the header names; `None` where no name said it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnGuess {
    pub account: Option<usize>,
    pub date: Option<usize>,
    pub revenue: Option<usize>,
    pub profit: Option<usize>,
    /// A customer number or code next to the name column: rows are grouped by it.
    pub customer_number: Option<usize>,
}

/// Guesses which column is which from header names (several languages), including a customer
/// number beside the name. A number column with no name column beside it is the account.
pub fn guess_columns(table: &Table) -> ColumnGuess {
    let headers = &table.headers;
    let mut taken = vec![false; headers.len()];
    let mut pick = |words: &[&str], only: &dyn Fn(&str) -> bool| {
        let best = headers
            .iter()
            .enumerate()
            .filter(|(i, h)| !taken[*i] && only(h))
            .map(|(i, h)| (score(h, words), i))
            .filter(|(s, _)| *s > 0)
            .max_by_key(|(s, i)| (*s, usize::MAX - i))
            .map(|(_, i)| i);
        if let Some(i) = best {
            taken[i] = true;
        }
        best
    };
    let any = |_: &str| true;
    let number = pick(&[ACCOUNT_WORDS, NUMBER_WORDS].concat(), &is_number_header);
    let profit = pick(PROFIT_WORDS, &any);
    let date = pick(DATE_WORDS, &any);
    let account = pick(ACCOUNT_WORDS, &|h: &str| !is_number_header(h));
    let revenue = pick(REVENUE_WORDS, &any);
    match (account, number) {
        (None, Some(n)) => ColumnGuess { account: Some(n), date, revenue, profit, customer_number: None },
        _ => ColumnGuess { account, date, revenue, profit, customer_number: number },
    }
}

/// Guesses which column is which from header names (several languages) and the values, and how
/// dates and numbers are written. Columns it cannot find are `None`: the user picks them.
/// (Account, date, revenue, profit; [`guess_columns`] also gives a customer-number column.)
pub fn guess_mapping(table: &Table) -> (Option<usize>, Option<usize>, Option<usize>, Option<usize>) {
    let g = guess_columns(table);
    (g.account, g.date, g.revenue, g.profit)
}

impl Table {
    pub fn column<'a>(&'a self, index: usize) -> impl Iterator<Item = &'a str> + 'a {
        self.sample.iter().filter_map(move |r| r.get(index).map(String::as_str))
    }

    /// A full mapping from chosen columns, with formats detected from the sample. A guessed
    /// customer-number column that is none of the chosen ones groups the rows (set
    /// `customer_number` to `None` to group by name).
    pub fn mapping(&self, account: usize, date: usize, revenue: usize, profit: Option<usize>) -> ColumnMapping {
        let (date_format, date_format_guessed) =
            detect_date_format(self.column(date)).unwrap_or((DateFormat::Iso, true));
        let fallback = if self.delimiter == b';' { Decimal::Comma } else { Decimal::Dot };
        let values = self.column(revenue).chain(profit.into_iter().flat_map(|p| self.column(p)));
        let decimal = detect_decimal(values, fallback);
        let customer_number =
            guess_columns(self).customer_number.filter(|n| ![account, date, revenue].contains(n) && profit != Some(*n));
        ColumnMapping { account, date, revenue, profit, date_format, date_format_guessed, decimal, customer_number }
    }
}
