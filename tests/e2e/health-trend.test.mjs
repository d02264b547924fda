// Issue 16 point 3c: each key account's health is kept per month, so that its dossier shows the
// trend over the years. The month's score follows a change of the plan within the month, a new
// month gets its own score, both are kept across reloads and travel in the account's file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openWithDemo, screenshot, ready, saved, type, download, dossierPath } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const NORDHAVN = dossierPath('Nordhavn Logistics A/S');

async function programmeScore(page, name) {
  await page.goto(env.url + '/programme');
  await ready(page);
  const row = page.getByTestId('health-row').filter({ hasText: name });
  return Number(await row.getByTestId('health-score').innerText());
}

async function summary(page) {
  const s = page.getByTestId('health-trend-summary');
  await s.waitFor();
  return s.innerText();
}

test('the health of a key account is kept per month and its dossier shows the trend over the years', async () => {
  const page = await openWithDemo(env, { at: new Date('2025-12-10T10:00:00') });
  const score = await programmeScore(page, 'Nordhavn Logistics A/S');
  await page.goto(env.url + NORDHAVN);
  await ready(page);
  const metrics = page.getByTestId('section-metrics');
  assert.match(await summary(page), new RegExp(`Health this month: ${score} \\(`));
  assert.match(await summary(page), /Nothing kept twelve months ago/);
  assert.equal(await page.getByTestId('health-month').count(), 1);
  assert.match(await page.getByTestId('health-month').first().textContent(), new RegExp(`Dec.* 2025\\s*${score}`));
  assert.equal(await metrics.locator('svg .trend-bar').count(), 1);

  // At risk, the score drops, and this month's kept score follows: still one month, now with
  // the score the Programme page shows.
  await page.getByTestId('dossier-status').selectOption('at_risk');
  await saved(page);
  const atRisk = await programmeScore(page, 'Nordhavn Logistics A/S');
  assert.ok(atRisk < score, `at risk costs points: ${score} → ${atRisk}`);
  await page.goto(env.url + NORDHAVN);
  await ready(page);
  assert.match(await summary(page), new RegExp(`Health this month: ${atRisk} \\(`));
  assert.equal(await page.getByTestId('health-month').count(), 1);

  // A month later the app keeps January's score beside December's; the trend spans two years.
  await page.clock.setFixedTime(new Date('2026-01-15T10:00:00'));
  await page.reload();
  await ready(page);
  await page.getByTestId('health-month').nth(1).waitFor({ state: 'attached' });
  assert.equal(await page.getByTestId('health-month').count(), 2);
  assert.match(await summary(page), /Kept from 2025 to 2026/);
  assert.match(await page.getByTestId('health-month').first().textContent(), /Jan.* 2026/, 'newest first');
  const years = await metrics.locator('svg text.axis-label').allTextContents();
  assert.ok(years.includes('2025') && years.includes('2026'), `year labels: ${years}`);
  assert.equal(await metrics.locator('svg .trend-bar').count(), 2);
  // January's score is the one the Programme page shows in January (dates move some rules).
  const january = await programmeScore(page, 'Nordhavn Logistics A/S');
  await page.goto(env.url + NORDHAVN);
  await ready(page);
  await page.getByTestId('health-trend').scrollIntoViewIfNeeded();
  await screenshot(page, 'dossier-health-trend');

  // The kept months travel in the account's file.
  const file = await download(page, 'export-account');
  const months = JSON.parse(file.text).data.dossiers[0].health_months;
  assert.deepEqual(months.map((m) => m.id), ['2025-12', '2026-01']);
  assert.deepEqual(months.map((m) => m.score), [atRisk, january]);
});
