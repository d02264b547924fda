//! What the table targets share: a table read, its columns guessed and every row imported.

use kam_core::exchange::{guess_columns, RowImporter, Table};

/// Imports every row of `table` with the guessed columns, asserting that the import ends;
/// `None` when the guess finds no account, date or revenue column.
pub fn import_guessed(table: &Table) -> Option<RowImporter> {
    let g = guess_columns(table);
    let (Some(account), Some(date), Some(revenue)) = (g.account, g.date, g.revenue) else { return None };
    let mut importer = RowImporter::new(table, table.mapping(account, date, revenue, g.profit));
    let mut steps = 0;
    while !importer.step(64) {
        steps += 1;
        assert!(steps < 1_000_000, "the import always ends");
    }
    Some(importer)
}
