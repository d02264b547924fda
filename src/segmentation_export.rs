//! The segmentation's exports, written in the import worker so the page links neither writer:
//! the CSV (kam-core's `segmentation_csv_rows`, the contract) and an Excel workbook, what a
//! consultant hands back to the client: an Accounts sheet (the CSV's columns, classes coloured,
//! frozen header, filters, number formats) and a Matrix sheet (the 3×3 counts and values),
//! written with `rust_xlsxwriter`.
//!
//! The page sends the rows as the browser carries them cheaply ([`pack`]): the names as JS
//! strings, the figures as a `Float64Array`, classes and flags as one byte each. Serialising the
//! segmentation with serde would put a serialiser for its types into the page's wasm.

use kam_core::analysis::{AbcClass, AccountSegment, Flag, Segmentation, Unclassified, XyzClass};
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};

/// The segmentation workbook's words in the reader's language (`ui::words::xlsx::workbook_words`):
/// the page has the catalogue, the worker writes the file. They cross as a JS array of strings
/// ([`WorkbookWords::to_list`]), like the accounts' names, so the page links no serialiser. The
/// CSV takes none: its header, codes and flag ids are a contract and stay as they are.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkbookWords {
    pub accounts_sheet: String,
    pub matrix_sheet: String,
    /// The Accounts sheet's header row: rank, then the CSV's columns in its order.
    pub headings: [String; 9],
    pub key_account: String,
    /// The headings above the matrix of account counts and of values.
    pub matrix_counts: String,
    pub matrix_values: String,
    /// The column of accounts without an XYZ class.
    pub unclassified: String,
    /// The last row and column of each matrix.
    pub total: String,
    /// Each of `Flag::ALL` in words, in its order.
    pub flags: Vec<String>,
}

/// The words of [`WorkbookWords`] before its flags.
const FIXED_WORDS: usize = 2 + 9 + 5;

impl WorkbookWords {
    /// The words in a fixed order, the flags last.
    pub fn to_list(&self) -> Vec<String> {
        let mut out = vec![self.accounts_sheet.clone(), self.matrix_sheet.clone()];
        out.extend(self.headings.iter().cloned());
        out.extend(
            [&self.key_account, &self.matrix_counts, &self.matrix_values, &self.unclassified, &self.total]
                .map(String::clone),
        );
        out.extend(self.flags.iter().cloned());
        out
    }

    /// The inverse of [`Self::to_list`]; `None` when words are missing.
    pub fn from_list(list: Vec<String>) -> Option<Self> {
        if list.len() < FIXED_WORDS {
            return None;
        }
        let mut it = list.into_iter();
        let mut next = || it.next().unwrap_or_default();
        let (accounts_sheet, matrix_sheet) = (next(), next());
        let headings = std::array::from_fn(|_| next());
        let (key_account, matrix_counts, matrix_values, unclassified, total) = (next(), next(), next(), next(), next());
        Some(WorkbookWords {
            accounts_sheet,
            matrix_sheet,
            headings,
            key_account,
            matrix_counts,
            matrix_values,
            unclassified,
            total,
            flags: it.collect(),
        })
    }
}

/// The matrix crosses as counts and values, A..C × (X, Y, Z, unclassified), count then value.
pub const MATRIX_NUMBERS: usize = 3 * 4 * 2;

/// The MIME types the downloads are offered with.
pub const CSV_MIME: &str = "text/csv;charset=utf-8";
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The matrix of `seg` as the numbers [`read_matrix`] reads.
fn matrix_numbers(seg: &Segmentation) -> Vec<f64> {
    let mut out = Vec::with_capacity(MATRIX_NUMBERS);
    for abc in 0..3 {
        for cell in seg.matrix[abc].iter().chain([&seg.unclassified[abc]]) {
            out.push(cell.count as f64);
            out.push(cell.value);
        }
    }
    out
}

/// One cell of the matrix.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Cell {
    pub count: usize,
    pub value: f64,
}

/// `cells[abc][xyz]`, the fourth column the accounts without an XYZ class.
pub type Matrix = [[Cell; 4]; 3];

/// The inverse of [`matrix_numbers`]; `None` when the numbers are not a matrix.
fn read_matrix(numbers: &[f64]) -> Option<Matrix> {
    if numbers.len() != MATRIX_NUMBERS {
        return None;
    }
    let mut m = Matrix::default();
    for (i, pair) in numbers.chunks_exact(2).enumerate() {
        let count = pair[0];
        if !(count >= 0.0 && count.fract() == 0.0) {
            return None;
        }
        m[i / 4][i % 4] = Cell { count: count as usize, value: pair[1] };
    }
    Some(m)
}

/// Why no file was written.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportProblem {
    /// The names, numbers and codes do not fit together (a page and a worker of different
    /// builds).
    Garbled,
    /// The writer refused; its words.
    Writer(String),
}

impl From<XlsxError> for ExportProblem {
    fn from(e: XlsxError) -> Self {
        ExportProblem::Writer(e.to_string())
    }
}

/// Numbers per account in [`pack`]: revenue, profit, share and CV (NaN where `None`).
const NUMBERS_PER_ROW: usize = 4;

/// The page's side: the rows of `seg` (without their names, which cross as JS strings) and its
/// matrix as numbers and one code byte per row (ABC in bits 0–1, XYZ in bits 2–3 with 0 for none,
/// the flags of `Flag::ALL` in bits 4–6, key account in bit 7).
pub fn pack(seg: &Segmentation) -> (Vec<f64>, Vec<u8>) {
    let mut numbers = Vec::with_capacity(seg.rows.len() * NUMBERS_PER_ROW + MATRIX_NUMBERS);
    let mut codes = Vec::with_capacity(seg.rows.len());
    for r in &seg.rows {
        numbers.extend([r.revenue, r.profit.unwrap_or(f64::NAN), r.share_pct, r.cv_pct.unwrap_or(f64::NAN)]);
        let xyz = r.xyz.map_or(0, |x| x as u8 + 1);
        let flags = Flag::ALL.iter().enumerate().filter(|(_, f)| r.flags.contains(**f)).fold(0, |b, (i, _)| b | 1 << i);
        codes.push(r.abc as u8 | xyz << 2 | flags << 4 | u8::from(r.is_key) << 7);
    }
    numbers.extend(matrix_numbers(seg));
    (numbers, codes)
}

/// The worker's side of [`pack`]: the rows in rank order (with what the CSV and the workbook
/// show; the id is the name, the trend and shares of the other measure are not carried) and the
/// matrix. `None` when the parts do not fit together.
pub fn unpack(names: Vec<String>, numbers: &[f64], codes: &[u8]) -> Option<(Vec<AccountSegment>, Matrix)> {
    let n = names.len();
    if codes.len() != n || numbers.len() != n * NUMBERS_PER_ROW + MATRIX_NUMBERS {
        return None;
    }
    let defined = |v: f64| (!v.is_nan()).then_some(v);
    let rows = names
        .into_iter()
        .zip(numbers.chunks_exact(NUMBERS_PER_ROW))
        .zip(codes)
        .enumerate()
        .map(|(i, ((name, x), &code))| {
            let abc = *AbcClass::ALL.get(usize::from(code & 3))?;
            let xyz = match (code >> 2) & 3 {
                0 => Err(Unclassified::NoPurchase),
                x => Ok(XyzClass::ALL[usize::from(x) - 1]),
            };
            let name: std::sync::Arc<str> = name.into();
            Some(AccountSegment {
                id: name.clone(),
                name,
                is_key: code >> 7 == 1,
                rank: i + 1,
                revenue: x[0],
                profit: defined(x[1]),
                share_pct: x[2],
                revenue_share_pct: x[2],
                profit_share_pct: None,
                abc,
                xyz,
                cv_pct: defined(x[3]),
                trend_pct: None,
                flags: Flag::ALL
                    .into_iter()
                    .enumerate()
                    .filter(|(b, _)| code >> (4 + b) & 1 == 1)
                    .map(|(_, f)| f)
                    .collect(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some((rows, read_matrix(&numbers[n * NUMBERS_PER_ROW..])?))
}

/// Excel's own "Good", "Neutral" and "Bad" cell styles: fill and text colour of A/X, B/Y, C/Z.
const CLASS_COLOURS: [(u32, u32); 3] = [(0xC6EFCE, 0x006100), (0xFFEB9C, 0x9C5700), (0xFFC7CE, 0x9C0006)];

fn class_format(i: usize) -> Format {
    let (fill, text) = CLASS_COLOURS[i];
    Format::new().set_background_color(Color::RGB(fill)).set_font_color(Color::RGB(text)).set_bold()
}

/// A sheet name Excel accepts made of `word`: without `[]:*?/\`, no apostrophe at either end,
/// at most 31 characters, not empty (then `n`) and not the same as `taken` (then with ` n`).
fn sheet_name(word: &str, n: usize, taken: Option<&str>) -> String {
    let cleaned: String = word.chars().filter(|c| !"[]:*?/\\".contains(*c)).collect();
    let mut name: String = cleaned.trim().trim_matches('\'').trim().chars().take(31).collect();
    if name.is_empty() {
        name = n.to_string();
    }
    if taken.is_some_and(|t| t.to_lowercase() == name.to_lowercase()) {
        let suffix = format!(" {n}");
        name = name.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
    }
    name
}

/// The workbook's bytes, in `words`.
pub fn segmentation_xlsx(
    rows: &[AccountSegment],
    matrix: &Matrix,
    words: &WorkbookWords,
) -> Result<Vec<u8>, ExportProblem> {
    let mut book = Workbook::new();
    let first = sheet_name(&words.accounts_sheet, 1, None);
    let second = sheet_name(&words.matrix_sheet, 2, Some(&first));
    accounts_sheet(book.add_worksheet(), &first, rows, words)?;
    matrix_sheet(book.add_worksheet(), &second, matrix, words)?;
    Ok(book.save_to_buffer()?)
}

fn accounts_sheet(
    sheet: &mut Worksheet,
    name: &str,
    rows: &[AccountSegment],
    words: &WorkbookWords,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    let heading = Format::new().set_bold().set_border_bottom(FormatBorder::Thin);
    let money = Format::new().set_num_format("#,##0.00");
    let percent = Format::new().set_num_format("0.00%");
    let classes: Vec<Format> = (0..3).map(class_format).collect();
    let headings = &words.headings;
    for (col, h) in headings.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, h, &heading)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_number(row, 0, r.rank as f64)?;
        sheet.write_string(row, 1, &*r.name)?;
        sheet.write_number_with_format(row, 2, r.revenue, &money)?;
        if let Some(p) = r.profit {
            sheet.write_number_with_format(row, 3, p, &money)?;
        }
        // Percentages as fractions with a percent format: Excel then sums and charts them.
        sheet.write_number_with_format(row, 4, r.share_pct / 100.0, &percent)?;
        sheet.write_string_with_format(row, 5, r.abc.letter(), &classes[r.abc as usize])?;
        match r.xyz {
            Ok(x) => sheet.write_string_with_format(row, 6, x.letter(), &classes[x as usize])?,
            Err(_) => sheet.write_string(row, 6, "-")?,
        };
        if let Some(cv) = r.cv_pct {
            sheet.write_number_with_format(row, 7, cv / 100.0, &percent)?;
        }
        // Worded as the CSV lists them: the dependency flags, then key account.
        let mut flags: Vec<&str> = r.flags.iter().map(|f| flag_word(words, f)).collect();
        if r.is_key {
            flags.push(&words.key_account);
        }
        sheet.write_string(row, 8, flags.join(", "))?;
    }
    let last_col = headings.len() as u16 - 1;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, last_col)?;
    let longest_name = rows.iter().map(|r| r.name.chars().count()).max().unwrap_or(0);
    sheet.set_column_width(1, (longest_name as f64 + 2.0).clamp(12.0, 60.0))?;
    for col in [2, 3] {
        sheet.set_column_width(col, 14)?;
    }
    sheet.set_column_width(8, 36)?;
    Ok(())
}

/// A flag in `words`; one the page did not word (a page of another build) as its stable id.
fn flag_word(words: &WorkbookWords, f: Flag) -> &str {
    Flag::ALL.iter().position(|x| *x == f).and_then(|i| words.flags.get(i)).map_or(f.id(), String::as_str)
}

fn matrix_sheet(sheet: &mut Worksheet, name: &str, matrix: &Matrix, words: &WorkbookWords) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    let heading = Format::new().set_bold().set_border_bottom(FormatBorder::Thin);
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let money_bold = Format::new().set_num_format("#,##0.00").set_bold();
    let columns = [XyzClass::X.letter(), XyzClass::Y.letter(), XyzClass::Z.letter(), words.unclassified.as_str()];
    // Two tables one under the other: counts from row 0, values from row 6.
    for (top, title, values) in [(0u32, &words.matrix_counts, false), (6, &words.matrix_values, true)] {
        sheet.write_string_with_format(top, 0, title, &heading)?;
        for (c, name) in columns.iter().chain([&words.total.as_str()]).enumerate() {
            let format = if c < 3 { class_format(c).set_border_bottom(FormatBorder::Thin) } else { heading.clone() };
            sheet.write_string_with_format(top, c as u16 + 1, *name, &format)?;
        }
        let figure = |cell: &Cell| if values { cell.value } else { cell.count as f64 };
        let mut column_totals = [0.0; 4];
        for (a, abc) in AbcClass::ALL.into_iter().enumerate() {
            let row = top + 1 + a as u32;
            sheet.write_string_with_format(row, 0, abc.letter(), &class_format(a))?;
            for (c, cell) in matrix[a].iter().enumerate() {
                column_totals[c] += figure(cell);
                if values {
                    sheet.write_number_with_format(row, c as u16 + 1, figure(cell), &money)?;
                } else {
                    sheet.write_number(row, c as u16 + 1, figure(cell))?;
                }
            }
            let row_total: f64 = matrix[a].iter().map(figure).sum();
            sheet.write_number_with_format(row, 5, row_total, if values { &money_bold } else { &bold })?;
        }
        let total_row = top + 4;
        sheet.write_string_with_format(total_row, 0, &words.total, &bold)?;
        for (c, t) in column_totals.iter().chain([&column_totals.iter().sum()]).enumerate() {
            sheet.write_number_with_format(total_row, c as u16 + 1, *t, if values { &money_bold } else { &bold })?;
        }
    }
    sheet.set_column_width(0, 12)?;
    for col in 1..=5 {
        sheet.set_column_width(col, 14)?;
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use kam_core::analysis::{segment, SegmentInput};
    use kam_core::exchange::{read_workbook, segmentation_csv, segmentation_csv_rows, TableOptions};
    use kam_core::model::SegmentationSettings;
    use proptest::prelude::*;
    use std::io::Read;

    /// Accounts with a monthly value each, steady or every third month, profit on every other.
    fn portfolio(values: &[(String, f64, bool)]) -> Segmentation {
        let inputs: Vec<SegmentInput> = values
            .iter()
            .enumerate()
            .map(|(i, (name, v, steady))| SegmentInput {
                id: format!("id{i}").into(),
                name: name.as_str().into(),
                is_key: i % 3 == 0,
                revenue: (0..12).map(|m| if *steady || m % 3 == 0 { *v } else { 0.0 }).collect(),
                profit: vec![v / 10.0; 12],
                has_profit: i % 2 == 0,
                first_period: if i % 4 == 3 { 10 } else { 0 },
            })
            .collect();
        segment(&inputs, &SegmentationSettings::default())
    }

    fn named(values: &[(&str, f64, bool)]) -> Segmentation {
        portfolio(&values.iter().map(|&(n, v, s)| (n.to_string(), v, s)).collect::<Vec<_>>())
    }

    fn cross(seg: &Segmentation) -> Option<(Vec<AccountSegment>, Matrix)> {
        let (numbers, codes) = pack(seg);
        unpack(seg.rows.iter().map(|r| r.name.to_string()).collect(), &numbers, &codes)
    }

    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    }

    proptest! {
        /// The CSV the worker writes from what crossed is the CSV the page wrote before, byte for byte.
        #[test]
        fn the_csv_written_from_what_crossed_is_the_pages(
            values in prop::collection::vec(("[=+@a-zA-Z ,\"Šö-]{0,12}", -1e6f64..1e7, any::<bool>()), 0..30)
        ) {
            let seg = portfolio(&values);
            let (rows, matrix) = cross(&seg).unwrap();
            prop_assert_eq!(segmentation_csv_rows(&rows), segmentation_csv(&seg));
            for (a, row) in matrix.iter().enumerate() {
                for (cell, expected) in row.iter().zip(seg.matrix[a].iter().chain([&seg.unclassified[a]])) {
                    prop_assert_eq!(cell.count, expected.count);
                    prop_assert_eq!(cell.value, expected.value);
                }
            }
        }
    }

    #[test]
    fn parts_that_do_not_fit_are_refused() {
        let seg = named(&[("A", 10.0, true), ("B", 2.0, false)]);
        let (numbers, codes) = pack(&seg);
        let names = || vec!["A".to_string(), "B".to_string()];
        assert!(unpack(names(), &numbers, &codes).is_some());
        assert!(unpack(vec!["A".into()], &numbers, &codes).is_none());
        assert!(unpack(names(), &numbers[1..], &codes).is_none());
        assert!(unpack(names(), &numbers, &codes[..1]).is_none());
        // An ABC class of 3 does not exist.
        assert!(unpack(names(), &numbers, &[codes[0] | 3, codes[1]]).is_none());
        let mut bad_count = numbers.clone();
        let at = numbers.len() - MATRIX_NUMBERS;
        bad_count[at] = 1.5;
        assert!(unpack(names(), &bad_count, &codes).is_none());
        bad_count[at] = -1.0;
        assert!(unpack(names(), &bad_count, &codes).is_none());
    }

    #[test]
    fn the_workbook_has_both_sheets_a_frozen_header_and_a_filter() {
        let seg = named(&[("Big", 100.0, true), ("Middle", 20.0, false), ("Small", 1.0, true), ("New", 0.0, true)]);
        let (rows, matrix) = cross(&seg).unwrap();
        let words = crate::ui::words::xlsx::workbook_words_read();
        let bytes = segmentation_xlsx(&rows, &matrix, &words).unwrap();

        // kam-core's own workbook reader, a parser written apart from the writer.
        let table = read_workbook(&bytes, &TableOptions { header_row: None, sheet: Some(0) }).unwrap();
        assert_eq!(table.sheets, vec!["Accounts".to_string(), "Matrix".to_string()]);
        assert_eq!(table.headers[..3], ["Rank", "Account", "Revenue"].map(String::from));
        assert_eq!(table.sample[0][1], "Big");
        assert_eq!(table.sample[0][5], seg.rows[0].abc.letter());
        assert!(table.sample[0][8].ends_with("key account"), "{:?}", table.sample[0]);

        let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#),
            "{sheet}"
        );
        assert!(sheet.contains(r#"<autoFilter ref="A1:I5"/>"#), "{sheet}");
        let styles = part(&bytes, "xl/styles.xml");
        assert!(styles.contains("FFC6EFCE") && styles.contains("FFFFC7CE"), "class colours missing: {styles}");
        assert!(styles.contains(r#"formatCode="0.00%""#), "{styles}");

        let matrix = read_workbook(&bytes, &TableOptions { header_row: None, sheet: Some(1) }).unwrap();
        assert_eq!(matrix.headers[..6], ["Accounts", "X", "Y", "Z", "Unclassified", "Total"].map(String::from));
    }

    /// Estonian words, as the page sends them in Estonian; the sheet names as Excel wants them.
    fn estonian() -> WorkbookWords {
        WorkbookWords {
            accounts_sheet: "Kliendid: kõik [2025]".into(),
            matrix_sheet: "kliendid: KÕIK 2025".into(),
            headings: ["Koht", "Klient", "Käive", "Kasum", "Osakaal", "ABC", "XYZ", "VK", "Märgid"].map(String::from),
            flags: vec!["suuruselt võtmeklient".into(), "kriitiline sõltuvus".into()],
            key_account: "võtmeklient".into(),
            matrix_counts: "Kliente".into(),
            matrix_values: "Väärtus".into(),
            unclassified: "Liigitamata".into(),
            total: "Kokku".into(),
        }
    }

    #[test]
    fn the_workbook_is_in_the_words_the_page_sent() {
        let seg = named(&[("Suur", 100.0, true), ("Keskmine", 20.0, false), ("Väike", 1.0, true)]);
        let (rows, matrix) = cross(&seg).unwrap();
        let bytes = segmentation_xlsx(&rows, &matrix, &estonian()).unwrap();
        let table = read_workbook(&bytes, &TableOptions { header_row: None, sheet: Some(0) }).unwrap();
        // Excel's forbidden characters are left out; the second name would repeat the first.
        assert_eq!(table.sheets, ["Kliendid kõik 2025", "kliendid KÕIK 2025 2"].map(String::from));
        assert_eq!(table.headers, estonian().headings.to_vec());
        assert!(table.sample[0][8].ends_with("võtmeklient"), "{:?}", table.sample[0]);
        // Figures stay numbers with formats, not text in the reader's notation.
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(sheet.contains(r#"<c r="C2" s="#) && !sheet.contains(r#"<c r="C2" t="s""#), "{sheet}");
        let counts = read_workbook(&bytes, &TableOptions { header_row: None, sheet: Some(1) }).unwrap();
        assert_eq!(counts.headers[..6], ["Kliente", "X", "Y", "Z", "Liigitamata", "Kokku"].map(String::from));
        // A flag the page did not word (another build) is written as its id.
        let mut short = estonian();
        short.flags.clear();
        let i = rows.iter().position(|r| r.flags.iter().next().is_some()).expect("the largest account is flagged");
        let bytes = segmentation_xlsx(&rows, &matrix, &short).unwrap();
        let table = read_workbook(&bytes, &TableOptions { header_row: None, sheet: Some(0) }).unwrap();
        assert!(table.sample[i][8].contains(rows[i].flags.iter().next().unwrap().id()), "{:?}", table.sample[i]);
    }

    #[test]
    fn the_words_cross_as_a_list() {
        let words = estonian();
        assert_eq!(WorkbookWords::from_list(words.to_list()), Some(words.clone()));
        let mut none = words.clone();
        none.flags.clear();
        assert_eq!(WorkbookWords::from_list(none.to_list()), Some(none));
        assert_eq!(WorkbookWords::from_list(words.to_list()[..FIXED_WORDS - 1].to_vec()), None);
    }

    #[test]
    fn sheet_names_are_ones_excel_takes() {
        assert_eq!(sheet_name("Accounts", 1, None), "Accounts");
        assert_eq!(sheet_name("'[]:*?/\\'", 1, None), "1");
        assert_eq!(sheet_name(&"ж".repeat(40), 2, None).chars().count(), 31);
        assert_eq!(sheet_name(&"ж".repeat(40), 2, Some(&"Ж".repeat(31))), "ж".repeat(29) + " 2");
        assert_eq!(sheet_name("客户", 2, Some("矩阵")), "客户");
    }
}
