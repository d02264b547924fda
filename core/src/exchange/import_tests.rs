use super::*;

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
    assert_eq!(imp.accounts[0].lines[0], OrderLine { date: d(2025, 2, 1), revenue: 1234.5, profit: Some(200.25) });
    assert_eq!(imp.accounts[1].name, "Smith; Sons");
    assert_eq!(imp.accounts[1].lines[0].profit, None);
}

#[test]
fn comma_file_with_iso_dates_quotes_and_newlines() {
    let csv = "Customer,Order date,Net sales\r\n\"Acme, Inc.\",2025-01-31,\"1,200.00\"\r\n\"Multi\nLine Ltd\",2025-02-01,50\r\n";
    let (table, imp) = import_all(csv.as_bytes());
    assert_eq!(table.delimiter, b',');
    assert_eq!(imp.imported, 2);
    assert_eq!(imp.accounts[0].lines[0].revenue, 1200.0);
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
    assert_eq!(imp.accounts[0].lines[0].date, d(2025, 4, 25));
    let (table, imp) = import_all(b"customer,date,revenue\nA,04/25/2025,1\nB,05/01/2025,1\n");
    let (_, dt, _, _) = guess_mapping(&table);
    assert_eq!(table.mapping(0, dt.unwrap(), 2, None).date_format, DateFormat::MonthDayYearSlashes);
    assert_eq!(imp.accounts[1].lines[0].date, d(2025, 5, 1));
}

#[test]
fn reimport_replaces_the_covered_period_and_keeps_the_rest() {
    let mut ws = crate::demo::demo_workspace();
    let id = ws.accounts()[0].id.clone();
    let name = ws.accounts()[0].name.to_uppercase();
    let dossiers_before = ws.dossiers().to_vec();
    let before = ws.history(&id).unwrap().clone();
    let range = (d(2026, 10, 1), d(2026, 10, 31));
    let imported = vec![
        ImportedLine { name, lines: vec![OrderLine { date: d(2026, 10, 5), revenue: 1.0, profit: None }] },
        ImportedLine {
            name: "Brand New Oy".into(),
            lines: vec![OrderLine { date: d(2026, 10, 6), revenue: 2.0, profit: None }],
        },
    ];
    let outcome = apply_import(&mut ws, &imported, range);
    assert_eq!((outcome.new_accounts, outcome.updated_accounts, outcome.lines_added), (1, 1, 2));
    let october = before.iter().filter(|l| l.date >= range.0).count();
    assert_eq!(outcome.lines_replaced, october);
    assert_eq!(ws.history(&id).unwrap().len(), before.len() - october + 1);
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
    assert_eq!(imp.accounts[0].lines[0].revenue, 1.5);
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
