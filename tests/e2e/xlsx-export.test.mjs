// The segmentation's Excel export (written in the import worker), read back with an independent
// reader (ExcelJS) and checked against the app's own CSV export of the same segmentation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, screenshot, openWithDemo, download, ROOT } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** RFC 4180 fields of one CSV line. */
function cells(line) {
  const out = [];
  let cur = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) { if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c; }
    else if (c === '"') quoted = true; else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

const FLAG_WORDS = {
  key_by_size: 'key by size',
  critical_dependency: 'critical dependency',
  mono_client: 'mono-client',
  key_account: 'key account',
};

const fixed = (n) => (n === null || n === undefined ? '' : n.toFixed(2));

test('the Excel export has the CSV export\'s accounts, coloured classes, a frozen header, filters and the matrix', async () => {
  const page = await openWithDemo(env);
  // Ranked by revenue, so that the matrix's values are the CSV's revenue column summed.
  await page.getByTestId('measure').selectOption('revenue');
  await page.getByTestId('accounts-table').waitFor();

  const csv = await download(page, 'export-segmentation');
  const [header, ...lines] = csv.text.trim().split(/\r\n/);
  assert.equal(header, 'account,revenue,profit,share,abc,xyz,cv,flags');
  const rows = lines.map(cells);
  assert.ok(rows.length >= 10, `the demo has ${rows.length} accounts`);

  const xlsx = await download(page, 'export-xlsx');
  assert.match(xlsx.name, /^segmentation-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx.path);
  assert.deepEqual(book.worksheets.map((s) => s.name), ['Accounts', 'Matrix']);

  const accounts = book.getWorksheet('Accounts');
  assert.deepEqual(accounts.getRow(1).values.slice(1), ['Rank', 'Account', 'Revenue', 'Profit', 'Share', 'ABC', 'XYZ', 'CV', 'Flags']);
  assert.equal(accounts.rowCount, rows.length + 1);
  const [view] = accounts.views;
  assert.equal(view.state, 'frozen');
  assert.equal(view.ySplit, 1);
  assert.equal(view.xSplit ?? 0, 0);
  const filter = typeof accounts.autoFilter === 'string' ? accounts.autoFilter : accounts.autoFilter?.ref;
  assert.equal(filter, `A1:I${rows.length + 1}`);

  // Every account, in the CSV's order, with the CSV's figures.
  rows.forEach(([name, revenue, profit, share, abc, xyz, cv, flags], i) => {
    const r = accounts.getRow(i + 2);
    const at = `row ${i + 2} (${name})`;
    assert.equal(r.getCell(1).value, i + 1, at);
    assert.equal(r.getCell(2).value, name, at);
    assert.equal(fixed(r.getCell(3).value), revenue, at);
    assert.equal(fixed(r.getCell(4).value), profit, at);
    assert.equal(fixed(r.getCell(5).value * 100), share, at);
    assert.equal(r.getCell(6).value, abc, at);
    assert.equal(r.getCell(7).value, xyz, at);
    assert.equal(cv === '' ? '' : fixed(r.getCell(8).value * 100), cv, at);
    const words = flags === '' ? '' : flags.split('|').map((f) => FLAG_WORDS[f]).join(', ');
    assert.equal(r.getCell(9).value ?? '', words, at);
  });

  // Number formats and class colours (Excel's Good / Neutral / Bad fills).
  const first = accounts.getRow(2);
  assert.equal(first.getCell(3).numFmt, '#,##0.00');
  assert.equal(first.getCell(5).numFmt, '0.00%');
  const fill = { A: 'FFC6EFCE', B: 'FFFFEB9C', C: 'FFFFC7CE', X: 'FFC6EFCE', Y: 'FFFFEB9C', Z: 'FFFFC7CE' };
  const seen = new Set();
  rows.forEach(([, , , , abc, xyz], i) => {
    const r = accounts.getRow(i + 2);
    assert.equal(r.getCell(6).fill?.fgColor?.argb, fill[abc], `ABC fill of row ${i + 2}`);
    if (xyz !== '-') assert.equal(r.getCell(7).fill?.fgColor?.argb, fill[xyz], `XYZ fill of row ${i + 2}`);
    seen.add(abc);
  });
  assert.deepEqual([...seen].sort(), ['A', 'B', 'C']);

  // The matrix: counts and revenue per cell, as counted and summed from the CSV.
  const matrix = book.getWorksheet('Matrix');
  const columns = ['X', 'Y', 'Z', '-'];
  assert.deepEqual(matrix.getRow(1).values.slice(1), ['Accounts', 'X', 'Y', 'Z', 'Unclassified', 'Total']);
  assert.deepEqual(matrix.getRow(7).values.slice(1), ['Value', 'X', 'Y', 'Z', 'Unclassified', 'Total']);
  let total = 0;
  ['A', 'B', 'C'].forEach((abc, a) => {
    assert.equal(matrix.getRow(2 + a).getCell(1).value, abc);
    columns.forEach((xyz, x) => {
      const inCell = rows.filter((r) => r[4] === abc && r[5] === xyz);
      assert.equal(matrix.getRow(2 + a).getCell(2 + x).value, inCell.length, `count of ${abc}${xyz}`);
      const value = inCell.reduce((s, r) => s + Number(r[1]), 0);
      const written = matrix.getRow(8 + a).getCell(2 + x).value;
      assert.ok(Math.abs(written - value) <= 0.005 * (inCell.length + 1), `value of ${abc}${xyz}: ${written} vs ${value}`);
      total += inCell.length;
    });
    assert.equal(matrix.getRow(2 + a).getCell(6).value, rows.filter((r) => r[4] === abc).length, `total of ${abc}`);
  });
  assert.equal(total, rows.length);
  assert.equal(matrix.getRow(5).getCell(6).value, rows.length);
  await screenshot(page, 'xlsx-export');
  await page.close();
});

test('the CSV export, written in the worker too, is unchanged by an Excel export before it', async () => {
  const page = await openWithDemo(env);
  const before = await download(page, 'export-segmentation');
  await download(page, 'export-xlsx');
  const again = await download(page, 'export-segmentation');
  assert.equal(again.text, before.text);
  assert.ok(before.text.startsWith('account,revenue,profit,share,abc,xyz,cv,flags\r\n'));
  await page.close();
});

test('exported in Chinese or Estonian, the workbook is in the reader\'s language and the CSV is not', async () => {
  const page = await openWithDemo(env);
  const english = await download(page, 'export-segmentation');
  for (const tag of ['zh-CN', 'et']) {
    const cat = JSON.parse(readFileSync(join(ROOT, `locales/${tag}.json`), 'utf8'));
    const t = (en) => { assert.ok(cat[en], `${tag} has ${en}`); return cat[en]; };
    await page.getByTestId('language-picker').selectOption(tag);
    await page.waitForFunction((l) => document.documentElement.lang === l, tag);

    // The CSV is a contract: the same header, codes and flag ids in every language.
    const csv = await download(page, 'export-segmentation');
    const [header, ...lines] = csv.text.trim().split(/\r\n/);
    assert.equal(header, 'account,revenue,profit,share,abc,xyz,cv,flags');
    assert.equal(csv.text.split(/\r\n/)[0], english.text.split(/\r\n/)[0]);
    const rows = lines.map(cells);
    assert.ok(rows.some((r) => /^[a-z_|]+$/.test(r[7])), 'flags stay ids');

    const xlsx = await download(page, 'export-xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.path);
    assert.deepEqual(book.worksheets.map((s) => s.name), [t('Accounts'), t('Matrix')]);
    const accounts = book.worksheets[0];
    assert.deepEqual(accounts.getRow(1).values.slice(1),
      [t('Rank'), t('Account'), t('Revenue'), t('Profit'), t('Share'), 'ABC', 'XYZ', t('CV'), t('Flags')]);
    const words = { key_by_size: t('key by size'), critical_dependency: t('critical dependency'), mono_client: t('mono-client'), key_account: t('key account') };
    rows.forEach(([name, revenue, , share, , , , flags], i) => {
      const r = accounts.getRow(i + 2);
      assert.equal(r.getCell(2).value, name);
      // Figures stay numbers with a number format, whatever the language.
      assert.equal(typeof r.getCell(3).value, 'number', `revenue of ${name} is a number`);
      assert.equal(fixed(r.getCell(3).value), revenue);
      assert.equal(r.getCell(3).numFmt, '#,##0.00');
      assert.equal(fixed(r.getCell(5).value * 100), share);
      assert.equal(r.getCell(9).value ?? '', flags === '' ? '' : flags.split('|').map((f) => words[f]).join(', '));
    });
    const matrix = book.worksheets[1];
    assert.deepEqual(matrix.getRow(1).values.slice(1), [t('Accounts'), 'X', 'Y', 'Z', t('Unclassified'), t('Total')]);
    assert.deepEqual(matrix.getRow(7).values.slice(1), [t('Value'), 'X', 'Y', 'Z', t('Unclassified'), t('Total')]);
    assert.equal(matrix.getRow(5).getCell(1).value, t('Total'));
    assert.equal(typeof matrix.getRow(5).getCell(6).value, 'number');
  }
  await page.close();
});
