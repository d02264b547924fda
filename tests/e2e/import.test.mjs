// Portfolio import and segmentation export, checked against an independent calculation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setup, screenshot, ready, ARTIFACTS, openWithDemo, saved, dossierPath } from './helpers.mjs';
import { generateOrders, referenceSegmentation } from './segmentation-reference.mjs';
import { ordersWorkbook } from './xlsx-writer.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const pad = (n) => String(n).padStart(2, '0');

function europeanCsv(rows) {
  // Semicolons, decimal commas with thousands dots, dd.mm.yyyy, a BOM, a quoted name with a semicolon.
  const money = (cents) => {
    const neg = cents < 0 ? '-' : '';
    const abs = Math.abs(cents);
    const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return `${neg}${whole},${pad(abs % 100)}`;
  };
  const lines = ['Kunde;Belegdatum;Umsatz netto;Artikel'];
  for (const r of rows) {
    const name = r.account.includes('&') ? `"${r.account}; Zweigwerk"` : r.account;
    lines.push(`${name};${pad(r.date.d)}.${pad(r.date.m)}.${r.date.y};${money(r.cents)};Widget`);
  }
  lines.push('Broken Row;31.02.2025;12,00;Widget');
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

function isoCsv(rows) {
  const lines = ['order_id,customer,order_date,revenue'];
  rows.forEach((r, i) => lines.push(`${i + 1},"${r.account}",${r.date.y}-${pad(r.date.m)}-${pad(r.date.d)},${(r.cents / 100).toFixed(2)}`));
  return lines.join('\n') + '\n';
}

async function importFile(page, name, text) {
  const path = join(ARTIFACTS, name);
  await writeFile(path, text);
  await page.getByTestId('import-file').setInputFiles(path);
  await page.getByTestId('import-summary').waitFor();
}

async function exportedClasses(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-segmentation').click()]);
  assert.match(download.suggestedFilename(), /^segmentation-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile(await download.path(), 'utf8');
  const [header, ...lines] = text.trim().split(/\r?\n/);
  assert.equal(header, 'account,revenue,profit,share,abc,xyz,cv,flags');
  const parse = (line) => {
    const cells = [];
    let cur = '', quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) { if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c; }
      else if (c === '"') quoted = true; else if (c === ',') { cells.push(cur); cur = ''; } else cur += c;
    }
    cells.push(cur);
    return cells;
  };
  return new Map(lines.map(parse).map((c) => [c[0], { abc: c[4], xyz: c[5] }]));
}

test('a semicolon file with decimal commas, dd.mm.yyyy and non-ASCII names segments like the reference', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/portfolio');
  await ready(page);
  const rows = generateOrders(7);
  await importFile(page, 'european.csv', europeanCsv(rows));
  // The mapping was guessed from German headers; the mapping selects offer the file's header names.
  assert.equal(await page.getByTestId('map-account').locator('option:checked').innerText(), 'Kunde');
  assert.equal(await page.getByTestId('map-date').locator('option:checked').innerText(), 'Belegdatum');
  assert.equal(await page.getByTestId('map-revenue').locator('option:checked').innerText(), 'Umsatz netto');
  assert.equal(await page.getByTestId('map-profit').locator('option:checked').innerText(), '— none —');
  const summary = await page.getByTestId('import-summary').innerText();
  assert.match(summary, new RegExp(`${rows.length.toLocaleString('en')} rows imported, 1 skipped`));
  assert.match(await page.getByTestId('import-skipped').innerText(), new RegExp(`Line ${rows.length + 2}: "31.02.2025" is not a real date`));
  await screenshot(page, 'import-mapping');
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('accounts-table').waitFor();
  assert.equal(await page.getByTestId('account-row').count(), 15);
  assert.match(await page.getByTestId('import-summary').innerText(), new RegExp(`european.csv: ${rows.length} rows imported, 1 skipped · 15 new accounts, 0 updated`));

  const expected = referenceSegmentation(rows.map((r) => r.account.includes('&') ? { ...r, account: `${r.account}; Zweigwerk` } : r));
  const actual = await exportedClasses(page);
  assert.equal(actual.size, expected.size);
  for (const [name, cls] of expected) assert.deepEqual(actual.get(name), cls, name);
  // The edge cases are really exercised.
  assert.equal(expected.get('Brand New Oy').xyz, '-');
  assert.equal(expected.get('Returns Only AB').abc, 'C');
  assert.ok([...expected.values()].some((c) => c.xyz === 'X') && [...expected.values()].some((c) => c.xyz === 'Z'));
  assert.deepEqual(page.errors, []);
});

test('a comma file with ISO dates gives the same classes, and a re-import keeps dossiers', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/portfolio');
  await ready(page);
  const rows = generateOrders(11);
  await importFile(page, 'iso.csv', isoCsv(rows));
  assert.equal(await page.getByTestId('map-account').locator('option:checked').innerText(), 'customer');
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('accounts-table').waitFor();
  const expected = referenceSegmentation(rows);
  const actual = await exportedClasses(page);
  for (const [name, cls] of expected) assert.deepEqual(actual.get(name), cls, name);

  // Make an account key and write in its dossier, then import the same export again.
  await page.getByRole('button', { name: 'Key account: Plain Steady Ltd' }).click();
  await page.goto(env.url + dossierPath('Plain Steady Ltd'));
  await page.getByTestId('dossier-overview').fill('Typed by hand in the workshop.');
  await page.getByTestId('dossier-sponsor').click();
  await saved(page);
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  await page.getByText('Import more orders').click();
  await importFile(page, 'iso-again.csv', isoCsv(rows));
  assert.match(await page.getByTestId('import-summary').innerText(), /0 new accounts, 15 updated/);
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-summary').filter({ hasText: 'iso-again.csv' }).waitFor();
  await page.goto(env.url + dossierPath('Plain Steady Ltd'));
  assert.equal(await page.getByTestId('dossier-overview').inputValue(), 'Typed by hand in the workshop.');
  assert.deepEqual(page.errors, []);
});

test('an Excel workbook imports without conversion and segments like the reference', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/portfolio');
  await ready(page);
  const rows = generateOrders(23);
  await importFile(page, 'orders.xlsx', ordersWorkbook(rows));
  assert.equal(await page.getByTestId('map-date').locator('option:checked').innerText(), 'Datum');
  assert.match(await page.getByTestId('import-summary').innerText(), new RegExp(`${rows.length} rows imported, 0 skipped`));
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('accounts-table').waitFor();
  const expected = referenceSegmentation(rows);
  const actual = await exportedClasses(page);
  assert.equal(actual.size, expected.size);
  for (const [name, cls] of expected) assert.deepEqual(actual.get(name), cls, name);
  assert.deepEqual(page.errors, []);
});

test('a file that is not an order export gets a clear message and changes nothing', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/portfolio');
  await ready(page);
  const path = join(ARTIFACTS, 'notes.txt');
  await writeFile(path, 'just a note\nwith two lines\n');
  await page.getByTestId('import-file').setInputFiles(path);
  await page.getByTestId('import-error').waitFor();
  assert.match(await page.getByTestId('import-error').innerText(), /Only 1 column found/);
  assert.ok(await page.getByTestId('empty-state').isVisible());
});

test('accounts can be added by hand; a duplicate name is refused', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/portfolio');
  await ready(page);
  await page.getByText('Or add accounts by hand').click();
  await page.getByTestId('add-account-name').fill('Prospect Rīga SIA');
  await page.getByTestId('add-account-submit').click();
  await page.getByTestId('accounts-table').waitFor();
  assert.equal(await page.getByTestId('account-row').count(), 1);
  assert.match(await page.getByTestId('account-row').innerText(), /no purchase in the window/);
  await page.getByText('Add an account by hand').click();
  await page.getByTestId('add-account-name').fill('  prospect RĪGA sia ');
  await page.getByTestId('add-account-submit').click();
  assert.match(await page.getByTestId('add-account-error').innerText(), /already in the portfolio/);
  await page.reload();
  await page.getByTestId('accounts-table').waitFor();
  assert.equal(await page.getByTestId('account-row').count(), 1);
  assert.deepEqual(page.errors, []);
});

test('columns chosen by hand are remembered for the next file with the same headers', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/portfolio');
  await ready(page);
  const csv = (rows) => 'Who;When;HowMuch;Note\n' + rows.map(([a, d, v]) => `${a};${d};${v};x`).join('\n') + '\n';
  const path = join(ARTIFACTS, 'odd-headers.csv');
  await writeFile(path, csv([['Alpha AB', '2025-01-15', '10'], ['Beta AB', '2025-02-15', '20'], ['Alpha AB', '2025-03-15', '30']]));
  await page.getByTestId('import-file').setInputFiles(path);
  // Nothing to guess from: the app says what it needs, and the user maps the columns.
  await page.getByTestId('mapping-incomplete').waitFor();
  assert.equal(await page.getByTestId('import-confirm').isDisabled(), true);
  await page.getByTestId('map-account').selectOption({ label: 'Who' });
  await page.getByTestId('map-date').selectOption({ label: 'When' });
  await page.getByTestId('map-revenue').selectOption({ label: 'HowMuch' });
  await page.getByTestId('import-summary').filter({ hasText: '3 rows imported, 0 skipped' }).waitFor();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('accounts-table').waitFor();
  assert.equal(await page.getByTestId('account-row').count(), 2);

  await page.getByText('Import more orders').click();
  await importFile(page, 'odd-headers-2.csv', csv([['Gamma AB', '2025-04-15', '5']]));
  assert.equal(await page.getByTestId('map-account').locator('option:checked').innerText(), 'Who');
  assert.equal(await page.getByTestId('map-revenue').locator('option:checked').innerText(), 'HowMuch');
  assert.match(await page.getByTestId('import-summary').innerText(), /1 row imported, 0 skipped/);
});

test('sorting, and a changed setting re-segments at once', async () => {
  const page = await openWithDemo(env);
  const firstName = () => page.getByTestId('account-row').first().locator('th').innerText();
  assert.equal(await firstName(), 'Nordhavn Logistics A/S');
  await page.getByRole('button', { name: 'Account', exact: true }).click();
  assert.equal(await firstName(), 'Aarhus Wind Components');
  await page.getByRole('button', { name: 'Account', exact: true }).click();
  assert.equal(await firstName(), 'Vilnius Precision Tools UAB', 'collated: Š sorts with S and ä with a, not after Z');

  const countA = async () => (await page.locator('tbody .badge.abc-A').count());
  const before = await countA();
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByTestId('setting-a').fill('50');
  await page.getByTestId('setting-a').press('Tab');
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  await page.getByTestId('accounts-table').waitFor();
  const after = await countA();
  assert.ok(after < before, `fewer A accounts with a 50 % limit (${before} → ${after})`);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByTestId('setting-a').fill('99');
  await page.getByTestId('setting-a').press('Tab');
  assert.match(await page.getByTestId('settings-error').innerText(), /A ≤ B/);
  await page.getByTestId('settings-reset').click();
  assert.equal(await page.getByTestId('setting-a').inputValue(), '80');
});
