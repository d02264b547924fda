// Issue 16 point 3b: targets against actuals per key account and year. The demo's key account
// has targets for three years; the actuals the dossier shows are checked against the order lines
// of the exported workspace, summed here; a target set by hand shows against its actual at once,
// survives a reload and travels in the account's file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openWithDemo, screenshot, ready, saved, type, download, dossierPath } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const NAME = 'Nordhavn Logistics A/S';
const pct = (v) => `${v.toFixed(1)}\u00a0%`;

test('a key account\'s targets stand against the actuals of each year, the current one to date', async () => {
  // 2 July 2026 is day 183 of 365.
  const page = await openWithDemo(env, { at: new Date('2026-07-02T10:00:00') });
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const file = JSON.parse((await download(page, 'export-workspace')).text);
  // The file keeps monthly totals; the year to date is the months up to and including July.
  const months = file.data.history.find((h) => h.account_id === NAME.toLowerCase()).months;
  const sum = (year, field) => months
    .filter((m) => m.year === year && (year < 2026 || m.month <= 7))
    .reduce((s, m) => s + (m[field] ?? 0), 0);

  await page.goto(env.url + dossierPath(NAME));
  await ready(page);
  const metrics = page.getByTestId('section-metrics');
  await metrics.getByTestId('target-table').waitFor();
  const rows = metrics.getByTestId('target-year');
  const years = await rows.locator('th').allTextContents();
  assert.deepEqual(years, ['2027 (ahead)', '2026 (to date)', '2025', '2024'], 'newest first, a future year, this year to date and the years with orders');

  const cells = async (year) => rows.filter({ has: page.locator('th', { hasText: new RegExp(`^${year}`) }) }).locator('td').allTextContents();
  // 2025 is over: revenue and profit against the whole targets.
  const y2025 = await cells(2025);
  assert.ok(y2025[0].endsWith(`(${pct(sum(2025, 'revenue') / 2_000_000 * 100)})`), `2025 revenue: ${y2025[0]}`);
  assert.ok(y2025[1].endsWith(`(${pct(sum(2025, 'profit') / 380_000 * 100)})`), `2025 profit: ${y2025[1]}`);
  // 2026 to date: revenue against 183/365 of 2,400,000; share of wallet from the year to date
  // scaled to a year, of the 3,500,000 wallet, against 70 %.
  const y2026 = await cells(2026);
  const due = 2_400_000 * 183 / 365;
  assert.ok(y2026[0].endsWith(`(${pct(sum(2026, 'revenue') / due * 100)})`), `2026 revenue: ${y2026[0]}`);
  const share = sum(2026, 'revenue') * 365 / 183 / 3_500_000 * 100;
  assert.ok(y2026[2].startsWith(pct(share)) && y2026[2].endsWith(`(${pct(share / 70 * 100)})`), `2026 share of wallet: ${y2026[2]}`);
  const y2027 = await cells(2027);
  assert.match(y2027[0], /^target 2\D600\D000$/);
  assert.equal(await metrics.locator('svg .target-goal').count(), 3, 'a target bar per year with a revenue target');
  assert.equal(await metrics.locator('svg .target-actual').count(), 3, 'an actual bar per year that has begun');
  assert.match(await metrics.getByTestId('target-chart-summary').innerText(), /^Revenue against target per year\. 2024: /);
  await metrics.getByTestId('target-chart').scrollIntoViewIfNeeded();
  await screenshot(page, 'dossier-targets');

  // A target for 2024, set by hand, at half the year's revenue: 200 %, reached.
  const i = await metrics.getByTestId('target-row').count();
  await metrics.getByTestId('target-add').click();
  await page.getByTestId(`target-year-${i}`).waitFor();
  assert.equal(await page.getByTestId(`target-year-${i}`).inputValue(), '2028', 'a new target takes the first year without one');
  await type(page, `target-year-${i}`, '2024');
  await type(page, `target-revenue-${i}`, String(Math.round(sum(2024, 'revenue') / 2)));
  await saved(page);
  const y2024 = rows.filter({ has: page.locator('th', { hasText: /^2024/ }) }).locator('td').first();
  assert.match(await y2024.innerText(), /\(200\.0\u00a0%\)$/);
  assert.match(await y2024.getAttribute('class'), /reached/);
  await page.reload();
  await ready(page);
  assert.match(await rows.filter({ has: page.locator('th', { hasText: /^2024/ }) }).locator('td').first().innerText(), /\(200\.0\u00a0%\)$/, 'kept across a reload');

  // The targets travel in the account's file.
  const plan = JSON.parse((await download(page, 'export-account')).text);
  const targets = plan.data.dossiers[0].targets;
  assert.deepEqual(targets.map((t) => t.year), [2025, 2026, 2027, 2024]);
  assert.ok(targets.every((t) => typeof t.id === 'string' && t.id.length > 0), 'each target has an id to merge by');
  assert.deepEqual(page.errors, []);
});
