// Sales exports as the model's countries write them (tests/fixtures/import/, made by make.py),
// imported end to end in Chromium: the encoding detected or chosen, the header row below title
// rows, totals skipped and listed, the sheet of a workbook, .ods, number styles. Every expected
// value comes from expected.json, which make.py writes from its own data, independent of kam-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, screenshot, ready, ROOT } from './helpers.mjs';

const FIXTURES = join(ROOT, 'tests/fixtures/import');
const EXPECTED = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const count = (n) => n.toLocaleString('en');
const rows = (n) => `${count(n)} ${n === 1 ? 'row' : 'rows'}`;
const TOTALS = /a totals row, not a customer|the sum of the rows above/;

/** Opens `name` on a fresh Portfolio page and waits for the read summary. */
async function open(name, viewport) {
  const page = await env.newPage(viewport ? { viewport } : {});
  await page.goto(env.url + '/portfolio');
  await ready(page);
  await page.getByTestId('import-file').setInputFiles(join(FIXTURES, name));
  await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
  return page;
}

/** The summary says the expected count; the totals rows are listed with their reason. */
async function checkCounts(page, expected) {
  const summary = await page.getByTestId('import-summary').innerText();
  assert.match(summary, new RegExp(`${rows(expected.imported)} imported, \\d+ skipped`), summary);
  const accounts = Object.keys(expected.accounts).length;
  assert.match(summary, new RegExp(`${accounts} new account`), summary);
  const listed = (await page.getByTestId('import-skipped').count())
    ? (await page.getByTestId('import-skipped').locator('li').allInnerTexts()).filter((t) => TOTALS.test(t))
    : [];
  assert.equal(listed.length, expected.totals_skipped, `totals listed: ${listed.join(' | ')}`);
}

/** After confirming, every expected account is in the portfolio under its expected name. */
async function checkNames(page, expected) {
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('accounts-table').waitFor();
  const table = await page.getByTestId('accounts-table').innerText();
  for (const name of Object.keys(expected.accounts)) assert.ok(table.includes(name), `${name} in the portfolio:\n${table}`);
  assert.deepEqual(page.errors, []);
}

const selected = async (page, testid) => page.getByTestId(testid).locator('option:checked').getAttribute('value');

for (const [name, encoding] of [['ru-windows-1251.csv', 'windows-1251'], ['zh-gbk.csv', 'gbk']]) {
  test(`${name} is detected as ${encoding}, and its names and counts are the reference's`, async () => {
    const expected = EXPECTED[name];
    assert.equal(expected.encoding, encoding);
    const page = await open(name);
    assert.equal(await selected(page, 'import-encoding'), encoding);
    assert.match(await page.getByTestId('import-encoding-used').innerText(), /detected from the file/);
    await checkCounts(page, expected);
    await checkNames(page, expected);
  });
}

test('a Windows-1257 file: the detector says it is unsure; the picker reads it again and the preview follows', async () => {
  const expected = EXPECTED['et-windows-1257.csv'];
  const page = await open('et-windows-1257.csv');
  assert.equal(await selected(page, 'import-encoding'), 'windows-1257');
  assert.match(await page.getByTestId('import-encoding-unsure').innerText(), /Baltic \(Windows-1257\), but that is a guess/);
  const preview = () => page.locator('table.preview').innerText();
  assert.ok((await preview()).includes('Šokolaaditehas Kalev AS'));
  // As Western European the same bytes read as other letters: the preview shows them.
  await page.getByTestId('import-encoding').selectOption('windows-1252');
  await page.locator('table.preview', { hasText: 'Ðokolaaditehas' }).waitFor();
  assert.match(await page.getByTestId('import-encoding-used').innerText(), /Western European \(Windows-1252\), as you chose/);
  assert.equal(await page.getByTestId('import-encoding-unsure').count(), 0);
  await page.getByTestId('import-encoding').selectOption('windows-1257');
  await page.locator('table.preview', { hasText: 'Šokolaaditehas Kalev AS' }).waitFor();
  await page.getByTestId('import-summary').waitFor();
  await checkCounts(page, expected);
  await screenshot(page, 'import-encoding-picker');
  await checkNames(page, expected);
});

test('title rows above the header: the header row is found and can be picked', async () => {
  const expected = EXPECTED['title-rows.csv'];
  const page = await open('title-rows.csv');
  const header = await page.getByTestId('import-header-row').locator('option:checked').innerText();
  assert.match(header, /^Row \d+: Customer · Order date · Net amount$/);
  const row = /^Row (\d+)/.exec(header)[1];
  assert.match(await page.getByTestId('import-header-found').innerText(), new RegExp(`in row ${row}:`));
  assert.equal(await page.getByTestId('map-account').locator('option:checked').innerText(), 'Customer');
  await checkCounts(page, expected);
  await checkNames(page, expected);
});

test('totals and subtotals are skipped and listed with their reason', async () => {
  const expected = EXPECTED['totals.csv'];
  const page = await open('totals.csv');
  await checkCounts(page, expected);
  assert.doesNotMatch(await page.getByTestId('import-summary').innerText(), /Grand Total|Acme Corp Total/);
  await checkNames(page, expected);
});

test('the worker words what it reports in the reader\'s language: totals skipped, in Russian and Chinese', async () => {
  const expected = EXPECTED['totals.csv'];
  for (const tag of ['ru', 'zh-CN']) {
    const words = JSON.parse(readFileSync(join(ROOT, 'locales', `${tag}.json`), 'utf8'));
    const reasons = [words['a totals row, not a customer'], words['the sum of the rows above (a total without a label)']];
    assert.ok(reasons.every(Boolean), `the ${tag} catalogue has both reasons`);
    const page = await env.newPage();
    await page.goto(env.url + '/portfolio');
    await ready(page);
    await page.getByTestId('language-picker').selectOption(tag);
    await page.waitForFunction((t) => document.documentElement.lang === t, tag);
    await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'totals.csv'));
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    const listed = await page.getByTestId('import-skipped').locator('li').allInnerTexts();
    const totals = listed.filter((t) => reasons.some((r) => t.includes(r)));
    assert.equal(totals.length, expected.totals_skipped, `${tag}: totals listed in the language: ${listed.join(' | ')}`);
    assert.equal(listed.filter((t) => TOTALS.test(t)).length, 0, `${tag}: no English reason: ${listed.join(' | ')}`);
    await screenshot(page, `import-skipped-${tag}`);
    // The language switched back: the next file's words follow.
    await page.getByTestId('language-picker').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'totals.csv'));
    await page.getByTestId('import-skipped').locator('li', { hasText: TOTALS }).first().waitFor({ timeout: 30_000 });
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

for (const name of ['sheets.xlsx', 'sheets.ods']) {
  test(`${name}: the sheet with order lines is chosen among several, and the sheet picker reads another`, async () => {
    const expected = EXPECTED[name];
    const page = await open(name, { width: 390, height: 844 });
    const options = await page.getByTestId('import-sheet').locator('option').allInnerTexts();
    assert.deepEqual(options, expected.sheets);
    assert.equal(await selected(page, 'import-sheet'), String(expected.sheet));
    await checkCounts(page, expected);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling at 390 px (page is ${width} px wide)`);
    // The other sheet is not order lines: choosing it reads it (the page shows its columns or says
    // why it cannot be imported); choosing the right one again brings the same result back.
    await page.getByTestId('import-sheet').selectOption(String(1 - expected.sheet));
    await page.locator('[data-testid="import-error"], [data-testid="mapping-incomplete"], [data-testid="import-summary"]').first().waitFor();
    await page.getByTestId('import-sheet').selectOption(String(expected.sheet));
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    await checkCounts(page, expected);
    await checkNames(page, expected);
  });
}

for (const name of ['numbers-decimal-comma.csv', 'numbers-decimal-dot.csv']) {
  test(`${name}: every number style reads as the reference`, async () => {
    const expected = EXPECTED[name];
    const page = await open(name);
    await checkCounts(page, expected);
    await checkNames(page, expected);
  });
}

test('a customer number beside the name groups the rows, named by the latest spelling, and the preview says so', async () => {
  const expected = EXPECTED['customer-numbers.csv'];
  assert.equal(expected.note, 'grouped by number');
  const page = await open('customer-numbers.csv');
  const accounts = Object.keys(expected.accounts).length;
  assert.match(await page.getByTestId('import-grouping').innerText(), new RegExp(`^Grouped by customer number: ${accounts} accounts; one had more than one spelling`));
  await checkCounts(page, expected);
  await checkNames(page, expected);
});
