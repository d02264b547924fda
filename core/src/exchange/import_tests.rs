use super::*;
use crate::model::monthly_totals;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn import_all(bytes: &[u8]) -> (Table, RowImporter) {
    let table = parse_table(bytes).unwrap();
    let (a, dt, r, p) = guess_mapping(&table);
    let mapping = table.mapping(a.unwrap(), dt.unwrap(), r.unwrap(), p);
    let mut importer = RowImporter::new(&table, mapping);
    while !importer.step(2) {}
    (table, importer)
}

#[test]
fn european_semicolon_file() {
    let csv = "\u{feff}Kunde;Datum;Umsatz;Gewinn\n\
               Öresund AB;01.02.2025;1.234,50;200,25\n\
               \"Smith; Sons\";15.02.2025;99,5;\n\
               ÖRESUND ab ;03.03.2025;10,00;1,00\n";
    let (table, imp) = import_all(csv.as_bytes());
    assert_eq!(table.delimiter, b';');
    assert_eq!(table.headers, vec!["Kunde", "Datum", "Umsatz", "Gewinn"]);
    assert_eq!(imp.imported, 3);
    assert_eq!(imp.skipped_count, 0, "{:?}", imp.skipped);
    assert_eq!(imp.accounts.len(), 2, "case and spacing variants are one account");
    assert_eq!(imp.accounts[0].name, "Öresund AB", "first spelling kept");
    assert_eq!(
        imp.accounts[0].months[0],
        MonthTotal::of_line(&OrderLine { date: d(2025, 2, 1), revenue: 1234.5, profit: Some(200.25) })
    );
    assert_eq!(imp.accounts[1].name, "Smith; Sons");
    assert_eq!(imp.accounts[1].months[0].profit, None);
}

#[test]
fn comma_file_with_iso_dates_quotes_and_newlines() {
    let csv = "Customer,Order date,Net sales\r\n\"Acme, Inc.\",2025-01-31,\"1,200.00\"\r\n\"Multi\nLine Ltd\",2025-02-01,50\r\n";
    let (table, imp) = import_all(csv.as_bytes());
    assert_eq!(table.delimiter, b',');
    assert_eq!(imp.imported, 2);
    assert_eq!(imp.accounts[0].months[0].revenue, 1200.0);
    assert_eq!(imp.accounts[1].name, "Multi\nLine Ltd");
    assert_eq!((imp.first_date, imp.last_date), (Some(d(2025, 1, 31)), Some(d(2025, 2, 1))));
}

#[test]
fn bad_rows_are_counted_and_listed_with_reasons() {
    let csv = "customer\tdate\trevenue\nA\t2025-01-01\t10\nB\t2025-02-31\t10\n\t2025-01-01\t5\nC\t2025-01-01\tNaN\nD\t2025-01-01\n";
    let (table, imp) = import_all(csv.as_bytes());
    assert_eq!(table.delimiter, b'\t');
    assert_eq!(imp.imported, 1);
    assert_eq!(imp.skipped_count, 4);
    let lines: Vec<u64> = imp.skipped.iter().map(|s| s.line).collect();
    assert_eq!(lines, vec![3, 4, 5, 6]);
    let reasons: Vec<SkipReason> = imp.skipped.iter().map(|s| s.reason.clone()).collect();
    assert_eq!(
        reasons,
        vec![
            SkipReason::Date(DateError::NotReal { value: "2025-02-31".into() }),
            SkipReason::NoCustomerName,
            SkipReason::Revenue(NumberError::NotANumber { value: "NaN".into() }),
            SkipReason::MissingColumn(Column::Revenue),
        ]
    );
}

#[test]
fn mapping_is_guessed_in_several_languages() {
    for (header, expect) in [
        ("Asiakas;Päivämäärä;Myynti;Kate", (0, 1, 2, Some(3))),
        ("Klient;Kuupäev;Käive", (0, 1, 2, None)),
        ("Клиент;Дата;Выручка;Прибыль", (0, 1, 2, Some(3))),
        ("客户,日期,销售额,利润", (0, 1, 2, Some(3))),
        ("Date,Gross margin,Customer name,Revenue", (2, 0, 3, Some(1))),
    ] {
        let table = parse_table(format!("{header}\nx;y;z;w\n").as_bytes()).unwrap();
        let (a, dt, r, p) = guess_mapping(&table);
        assert_eq!((a.unwrap(), dt.unwrap(), r.unwrap(), p), expect, "{header}");
    }
}

#[test]
fn files_that_are_not_order_exports_get_clear_errors() {
    assert_eq!(parse_table(b""), Err(ImportError::Empty));
    assert_eq!(parse_table(b"\xEF\xBB\xBF  \n"), Err(ImportError::Empty));
    assert_eq!(parse_table(b"just one column\nx\n"), Err(ImportError::TooFewColumns(1)));
    assert_eq!(parse_table(b",,\n1,2,3\n"), Err(ImportError::NoHeader));
}

#[test]
fn windows_1252_is_decoded_and_noted() {
    let bytes = b"Kunde;Datum;Umsatz\nM\xfcller GmbH;01.01.2025;5\n";
    let (table, imp) = import_all(bytes);
    assert_eq!(imp.accounts[0].name, "Müller GmbH");
    assert_eq!(table.notes, vec![TableNote::ReadAsWindows1252]);
}

#[test]
fn excel_serial_and_us_dates() {
    let (_, imp) = import_all(b"customer,date,revenue\nA,45772,1\n");
    assert_eq!(imp.accounts[0].months[0].last_purchase_date().unwrap(), d(2025, 4, 25));
    let (table, imp) = import_all(b"customer,date,revenue\nA,04/25/2025,1\nB,05/01/2025,1\n");
    let (_, dt, _, _) = guess_mapping(&table);
    assert_eq!(table.mapping(0, dt.unwrap(), 2, None).date_format, DateFormat::MonthDayYearSlashes);
    assert_eq!(imp.accounts[1].months[0].last_purchase_date().unwrap(), d(2025, 5, 1));
}

#[test]
fn reimport_replaces_the_covered_period_and_keeps_the_rest() {
    let mut ws = crate::demo::test_demo();
    let id = ws.accounts()[0].id.clone();
    let name = ws.accounts()[0].name.to_uppercase();
    let dossiers_before = ws.dossiers().to_vec();
    let before = ws.history(&id).unwrap().clone();
    let range = (d(2026, 10, 1), d(2026, 10, 31));
    let imported = vec![
        ImportedAccount {
            name,
            months: monthly_totals(&[OrderLine { date: d(2026, 10, 5), revenue: 1.0, profit: None }]),
        },
        ImportedAccount {
            name: "Brand New Oy".into(),
            months: monthly_totals(&[OrderLine { date: d(2026, 10, 6), revenue: 2.0, profit: None }]),
        },
    ];
    let outcome = apply_import(&mut ws, &imported, range);
    assert_eq!((outcome.new_accounts, outcome.updated_accounts, outcome.lines_added), (1, 1, 2));
    let october: Vec<_> = before.iter().filter(|m| (m.year, m.month) == (2026, 10)).collect();
    assert_eq!(outcome.lines_replaced, october.iter().map(|m| m.lines as usize).sum::<usize>());
    let after = ws.history(&id).unwrap();
    assert_eq!(after.len(), before.len() - october.len() + 1);
    assert_eq!(after.last().map(|m| (m.year, m.month, m.lines, m.revenue)), Some((2026, 10, 1, 1.0)));
    assert_eq!(&after[..after.len() - 1], &before[..before.len() - october.len()], "older months are kept");
    assert_eq!(ws.dossiers(), dossiers_before, "dossiers are never touched by an import");
    assert_eq!(ws.accounts().len(), 41);
}

#[test]
fn skipped_line_numbers_count_the_header_as_line_1_with_crlf() {
    let csv = "customer;date;revenue\r\nA;01.01.2025;1\r\nB;01.01.2025;1\r\nC;31.02.2025;1\r\n";
    let (_, imp) = import_all(csv.as_bytes());
    assert_eq!(imp.skipped.iter().map(|s| s.line).collect::<Vec<_>>(), vec![4]);
}

#[test]
fn utf16_with_bom_is_read() {
    let text = "Kunde;Datum;Umsatz\nÖl AG;01.02.2025;1,5\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let (_, imp) = import_all(&le);
    assert_eq!(imp.accounts[0].name, "Öl AG");
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
    let (_, imp) = import_all(&be);
    assert_eq!(imp.accounts[0].months[0].revenue, 1.5);
}

#[test]
fn overlong_names_and_empty_rows_are_skipped_with_their_reason() {
    let long = "x".repeat(MAX_NAME_CHARS + 1);
    let csv = format!("customer,date,revenue,profit\n{long},2025-01-01,1,\n,,,\nA,2025-01-01,1,abc\nB,,1,\n");
    let (_, imp) = import_all(csv.as_bytes());
    let reasons: Vec<SkipReason> = imp.skipped.iter().map(|s| s.reason.clone()).collect();
    assert_eq!(
        reasons,
        vec![
            SkipReason::NameTooLong { max_chars: 300 },
            SkipReason::EmptyRow,
            SkipReason::Profit(NumberError::NotANumber { value: "abc".into() }),
            SkipReason::Date(DateError::Empty),
        ]
    );
}

fn import_text(text: &str, options: &TableOptions) -> (Table, RowImporter) {
    let table = parse_text(text, options).unwrap();
    let g = guess_columns(&table);
    let mapping = table.mapping(g.account.unwrap(), g.date.unwrap(), g.revenue.unwrap(), g.profit);
    let mut importer = RowImporter::new(&table, mapping);
    while !importer.step(3) {}
    (table, importer)
}

#[test]
fn header_is_found_below_title_and_blank_rows() {
    let csv = "Sales report 2025;;;\n\
               Period: 01.01.2025 - 31.03.2025;;;\n\
               ;;;\n\
               \n\
               Kunde;Datum;Umsatz;Gewinn\n\
               Acme GmbH;01.02.2025;1.234,50;200\n\
               Beta AG;03.02.2025;99,50;10\n";
    let (table, imp) = import_text(csv, &TableOptions::default());
    assert_eq!(table.delimiter, b';', "the title row does not decide the delimiter");
    assert_eq!(table.header_row, 3, "blank lines are not rows; ';;;' is one");
    assert_eq!(table.headers, vec!["Kunde", "Datum", "Umsatz", "Gewinn"]);
    assert_eq!(table.header_candidates, vec![3]);
    assert_eq!(table.top_rows[0][0], "Sales report 2025");
    assert_eq!(imp.imported, 2);
    assert_eq!(imp.skipped_count, 0, "{:?}", imp.skipped);
    assert_eq!(imp.accounts[0].months[0].revenue, 1234.5);
}

#[test]
fn a_comma_title_row_does_not_win_the_delimiter() {
    let csv = "Orders, all regions\nCustomer;Date;Revenue\nA;2025-01-02;1,5\nB;2025-01-03;2,5\nC;2025-01-04;3\n";
    let (table, imp) = import_text(csv, &TableOptions::default());
    assert_eq!((table.delimiter, table.header_row), (b';', 1));
    assert_eq!(imp.accounts.iter().map(|a| a.months[0].revenue).sum::<f64>(), 7.0);
}

#[test]
fn the_user_can_pick_another_header_row() {
    let csv = "Region;Segment;Channel\nCustomer;Date;Revenue\nA;2025-01-02;10\n";
    let table = parse_text(csv, &TableOptions::default()).unwrap();
    assert_eq!(table.header_row, 1);
    assert_eq!(table.header_candidates, vec![0, 1]);
    let chosen = parse_text(csv, &TableOptions { header_row: Some(0), sheet: None }).unwrap();
    assert_eq!(chosen.headers, vec!["Region", "Segment", "Channel"]);
    assert_eq!(chosen.sample.len(), 2);
    assert_eq!(
        parse_text(csv, &TableOptions { header_row: Some(9), sheet: None }),
        Err(ImportError::NoSuchHeaderRow { row: 9, rows: 3 })
    );
}

#[test]
fn skipped_line_numbers_count_title_rows() {
    let csv = "Report\n\ncustomer;date;revenue\nA;01.01.2025;1\nB;31.02.2025;1\n";
    let (table, imp) = import_text(csv, &TableOptions::default());
    assert_eq!(table.header_row, 1);
    assert_eq!(imp.skipped.iter().map(|s| s.line).collect::<Vec<_>>(), vec![5]);
}

#[test]
fn totals_and_subtotals_are_skipped_with_their_reason() {
    let csv = "Клиент;Дата;Сумма\n\
               ООО Ромашка;01.02.2025;100,00\n\
               ООО Ромашка;05.02.2025;50,00\n\
               Итого по клиенту;;150,00\n\
               АО Вектор;03.02.2025;30,00\n\
               АО Вектор;04.02.2025;20,00\n\
               ;;50,00\n\
               Итого:;;200,00\n\
               Всего;;200,00\n";
    let (_, imp) = import_text(csv, &TableOptions::default());
    assert_eq!(imp.imported, 4);
    let reasons: Vec<(u64, SkipReason)> = imp.skipped.iter().map(|s| (s.line, s.reason.clone())).collect();
    assert_eq!(
        reasons,
        vec![
            (4, SkipReason::TotalsRow),
            (7, SkipReason::SumOfRowsAbove),
            (8, SkipReason::TotalsRow),
            (9, SkipReason::TotalsRow)
        ]
    );
    let total: f64 = imp.accounts.iter().flat_map(|a| &a.months).map(|l| l.revenue).sum();
    assert_eq!(total, 200.0, "no total is counted as revenue");
}

#[test]
fn a_customer_whose_order_equals_the_sum_above_is_kept() {
    // Dated and named: an order line, even when its value is the sum of the two before.
    let csv = "customer,date,revenue\nA,2025-01-01,100\nB,2025-01-02,100\nC,2025-01-03,200\nTotal Oil,2025-01-04,5\n";
    let (_, imp) = import_text(csv, &TableOptions::default());
    assert_eq!(imp.imported, 4);
    assert_eq!(imp.skipped_count, 0);
    // An undated row that is not the sum stays skipped for its date.
    let csv = "customer,date,revenue\nA,2025-01-01,100\nB,2025-01-02,100\nC,,150\n";
    let (_, imp) = import_text(csv, &TableOptions::default());
    assert_eq!(imp.skipped[0].reason, SkipReason::Date(DateError::Empty));
}

#[test]
fn credit_notes_reduce_their_month() {
    let csv = "Asiakas;Päivämäärä;Myynti\n\
               Kesko Oyj;03.02.2025;1 000,00 €\n\
               Kesko Oyj;20.02.2025;-250,00 €\n\
               Kesko Oyj;21.02.2025;(50,00)\n\
               Kesko Oyj;02.03.2025;100,00-\n";
    let (_, imp) = import_text(csv, &TableOptions::default());
    assert_eq!(imp.skipped_count, 0, "{:?}", imp.skipped);
    let mut ws = crate::model::Workspace::default();
    let (first, last) = (imp.first_date.unwrap(), imp.last_date.unwrap());
    apply_import(&mut ws, &imp.accounts, (first, last));
    use crate::analysis::{build_inputs, month_index, Window};
    let window = Window { last_month: month_index(d(2025, 3, 1)), period_months: 1, periods: 2 };
    let inputs = build_inputs(ws.accounts(), |id| ws.history(id).map(|h| h.as_slice()), &window);
    assert_eq!(inputs[0].revenue, vec![700.0, -100.0], "February and March, credit notes subtracted");
}

#[test]
fn customer_numbers_group_rows_and_the_latest_spelling_names_the_account() {
    let csv = "Kundennummer;Kunde;Datum;Umsatz\n\
               10001;Müller GmbH;01.02.2025;10\n\
               10002;Müller GmbH;02.02.2025;20\n\
               10001;Mueller GmbH & Co. KG;01.03.2025;30\n\
               10001;Müller GmbH (alt);15.01.2025;40\n";
    let table = parse_text(csv, &TableOptions::default()).unwrap();
    let g = guess_columns(&table);
    assert_eq!((g.customer_number, g.account, g.date, g.revenue), (Some(0), Some(1), Some(2), Some(3)));
    let (_, imp) = import_text(csv, &TableOptions::default());
    assert_eq!(imp.accounts.len(), 2, "two numbers, two accounts, though both are called Müller GmbH");
    assert_eq!(imp.accounts[0].name, "Mueller GmbH & Co. KG", "the spelling of the latest date");
    assert_eq!(imp.accounts[0].line_count(), 3);
    assert_eq!(imp.grouping(), AccountGrouping::ByCustomerNumber { accounts: 2, accounts_renamed: 1 });
    let mut by_name = table.mapping(1, 2, 3, None);
    by_name.customer_number = None;
    let mut imp = RowImporter::new(&table, by_name);
    while !imp.step(100) {}
    assert_eq!(imp.grouping(), AccountGrouping::ByName);
    assert_eq!(imp.accounts.len(), 3);
}

#[test]
fn customer_number_headers_in_the_models_languages() {
    for header in [
        "Customer no;Customer name;Date;Revenue",
        "Kliendi nr;Klient;Kuupäev;Käive",
        "Asiakasnumero;Asiakas;Päivämäärä;Myynti",
        "Код клиента;Клиент;Дата;Выручка",
        "客户编号;客户;日期;销售额",
        "No. Pelanggan;Pelanggan;Tanggal;Penjualan",
        "Kunden-Nr.;Kunde;Datum;Umsatz",
    ] {
        let table = parse_text(&format!("{header}\n1;A;2025-01-01;5\n"), &TableOptions::default()).unwrap();
        let g = guess_columns(&table);
        assert_eq!((g.customer_number, g.account, g.date, g.revenue), (Some(0), Some(1), Some(2), Some(3)), "{header}");
    }
    // A number column alone is the account.
    let table = parse_text("Kundennummer;Datum;Umsatz\n1;2025-01-01;5\n", &TableOptions::default()).unwrap();
    let g = guess_columns(&table);
    assert_eq!((g.account, g.customer_number), (Some(0), None));
}

#[test]
fn column_words_of_every_model_language() {
    for (header, expect) in [
        ("Ostja;Kuupäev;Müük;Kasum", (0, 1, 2, Some(3))),
        ("Asiakas;Pvm;Liikevaihto;Voitto", (0, 1, 2, Some(3))),
        ("Заказчик;Дата;Оборот;Наценка", (0, 1, 2, Some(3))),
        ("顾客;订单日期;营业额;毛利", (0, 1, 2, Some(3))),
        ("客戶;日期;銷售額;利潤", (0, 1, 2, Some(3))),
        ("得意先;日付;売上;粗利", (0, 1, 2, Some(3))),
        ("Pembeli;Tgl;Jumlah;Laba", (0, 1, 2, Some(3))),
        ("Pelanggan;Tanggal;Dodolan;Bathi", (0, 1, 2, Some(3))),
    ] {
        let table = parse_text(&format!("{header}\nA;2025-01-01;1;1\n"), &TableOptions::default()).unwrap();
        let (a, dt, r, p) = guess_mapping(&table);
        assert_eq!((a.unwrap(), dt.unwrap(), r.unwrap(), p), expect, "{header}");
    }
}

#[test]
fn old_excel_files_are_named_as_such() {
    let mut xls = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    xls.extend([0u8; 504]);
    assert_eq!(parse_table(&xls), Err(ImportError::OldExcelWorkbook));
}

#[test]
fn two_numbers_of_one_name_stay_two_accounts() {
    let csv = "Customer no;Customer;Date;Revenue\n1;Acme;2025-01-01;10\n2;ACME ;2025-01-02;20\n3;Beta;2025-01-03;5\n";
    let (_, imp) = import_text(csv, &TableOptions::default());
    let names: Vec<&str> = imp.accounts.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, vec!["Acme (1)", "ACME (2)", "Beta"]);
    let mut ws = crate::model::Workspace::default();
    let outcome = apply_import(&mut ws, &imp.accounts, (d(2025, 1, 1), d(2025, 1, 3)));
    assert_eq!((outcome.new_accounts, outcome.lines_added), (3, 3));
    assert_eq!(ws.history("acme (2)").unwrap()[0].revenue, 20.0);
}

#[test]
fn entries_of_one_account_add_up_and_do_not_clear_each_other() {
    let mut ws = crate::model::Workspace::default();
    let line = |day, revenue| OrderLine { date: d(2025, 1, day), revenue, profit: None };
    let imported = vec![
        ImportedAccount { name: "Acme".into(), months: monthly_totals(&[line(1, 1.0)]) },
        ImportedAccount { name: "ACME".into(), months: monthly_totals(&[line(2, 2.0)]) },
    ];
    let outcome = apply_import(&mut ws, &imported, (d(2025, 1, 1), d(2025, 1, 31)));
    assert_eq!((outcome.new_accounts, outcome.updated_accounts, outcome.lines_added), (1, 0, 2));
    assert_eq!(crate::model::line_count(ws.history("acme").unwrap()), 2, "no line of this import is lost");
    assert_eq!(ws.history("acme").unwrap()[0].revenue, 3.0);
}

#[test]
fn semicolons_of_html_entities_do_not_change_the_delimiter() {
    let csv = "Customer;Date;Revenue\n&lt;b&gt;bold&lt;/b&gt;;01.02.2025;10,00\n&#x3C;script&#x3E;;01.02.2025;10,00\n";
    let table = parse_text(csv, &TableOptions::default()).unwrap();
    assert_eq!((table.delimiter, table.headers.len()), (b';', 3));
    let csv = "Customer,Date,Revenue\nAcme,2025-01-01,1.2.3\n";
    let (_, imp) = import_text(csv, &TableOptions::default());
    assert_eq!(imp.skipped[0].reason, SkipReason::Revenue(NumberError::NotANumber { value: "1.2.3".into() }));
}

mod preview {
    use super::*;
    use proptest::prelude::*;

    fn line(day: u32, revenue: f64) -> OrderLine {
        OrderLine { date: d(2025, 1 + day % 12, 1 + day % 28), revenue, profit: None }
    }

    proptest! {
        /// The preview's counts are the import's, whatever is stored and whatever the file holds:
        /// names that meet (spelled apart), accounts typed by hand, lines inside and outside the range.
        #[test]
        fn the_preview_counts_what_the_import_changes(
            stored in prop::collection::vec((0usize..6, prop::collection::vec(0u32..400, 0..6)), 0..6),
            file in prop::collection::vec((0usize..8, prop::collection::vec(0u32..400, 0..6)), 0..8),
            from in 0u32..200, days in 0u32..200,
        ) {
            let names = ["Acme", "ACME ", "Beta Oy", "beta  oy", "Gamma", "Delta", "Eta", "Öresund AB"];
            let mut ws = Workspace::default();
            for (n, days) in &stored {
                let name = names[*n];
                ws.insert_account(Account::new(name));
                let id = normalise_name(name);
                let lines: Vec<OrderLine> = days.iter().map(|&x| line(x, 1.0)).collect();
                let mut months = ws.history(&id).cloned().unwrap_or_default();
                months.extend(monthly_totals(&lines));
                ws.set_history(&id, months);
            }
            let imported: Vec<ImportedAccount> = file
                .iter()
                .map(|(n, days)| ImportedAccount { name: names[*n].to_string(), months: monthly_totals(&days.iter().map(|&x| line(x, 2.0)).collect::<Vec<_>>()) })
                .collect();
            let start = d(2025, 1, 1) + chrono::Days::new(u64::from(from));
            let range = (start, start + chrono::Days::new(u64::from(days)));
            let preview = import_outcome(&ws, &imported, range);
            let mut applied = ws.clone();
            prop_assert_eq!(preview, apply_import(&mut applied, &imported, range));
        }
    }
}
