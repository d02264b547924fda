// Issue 16, points 1, 2 and 3a: record complaints and promises after the deal and see health, the
// "at risk of loss" signal and the reminders change; compare this window with the one before and
// find the movement table agreeing with the two segmentations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openWithDemo, screenshot, ready, saved, type, dossierPath, ARTIFACTS } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

// The demo's dates are fixed; so is the browser's clock, so that "the last 90 days" and what is
// overdue are the same on every run. On this day no demo key account is at risk.
const TODAY = new Date('2026-11-24T10:00:00');
const ACCOUNT = 'Nordhavn Logistics A/S';
const NORDHAVN = dossierPath(ACCOUNT);

/** Opens a page of the app by its address (the data stays in the profile's IndexedDB). */
async function open(page, path) {
  await page.goto(env.url + path);
  await ready(page);
}

/** Nordhavn's health score and finding texts on the Programme page. */
async function nordhavnHealth(page) {
  await open(page, '/programme');
  await page.getByTestId('health-table').waitFor();
  const row = page.getByTestId('health-row').filter({ hasText: ACCOUNT });
  await row.locator('summary').click();
  const score = Number(await row.getByTestId('health-score').innerText());
  const findings = await row.getByTestId('finding').allInnerTexts();
  return { score, findings };
}

/** Fills a date field and leaves it (dates are stored as soon as they are complete). */
async function date(page, testid, value) {
  await page.getByTestId(testid).fill(value);
  await page.getByTestId(testid).press('Tab');
}

test('complaints and a missed promise lower health, raise the at-risk signal and reach the reminders', async () => {
  const page = await openWithDemo(env, { at: TODAY });
  const healthBefore = await nordhavnHealth(page);
  assert.ok(!healthBefore.findings.some((f) => /Promises kept|Serious complaints resolved|Complaints not rising/.test(f)));

  await open(page, NORDHAVN);
  await page.getByTestId('section-after_sale').waitFor();
  assert.equal(await page.getByTestId('at-risk').count(), 0, 'no sign of loss yet');
  const section = page.getByTestId('section-after_sale');
  assert.match(await section.getByTestId('section-state').innerText(), /Missing/);
  assert.match(await page.getByTestId('complaint-summary').innerText(), /No complaints recorded/);

  // Two complaints in the last 90 days (none before): one of high severity, both open.
  await page.getByTestId('complaint-add').click();
  await page.getByTestId('complaint-text-0').waitFor();
  assert.equal(await page.getByTestId('complaint-date-0').inputValue(), '2026-11-24', 'a new complaint is dated today');
  await page.getByTestId('complaint-kind-0').selectOption('late_delivery');
  await page.getByTestId('complaint-severity-0').selectOption('high');
  await type(page, 'complaint-text-0', 'Two trucks a day late in Oslo.');
  await page.getByTestId('complaint-add').click();
  await page.getByTestId('complaint-text-1').waitFor();
  await date(page, 'complaint-date-1', '2026-10-30');
  await page.getByTestId('complaint-kind-1').selectOption('billing');
  await type(page, 'complaint-text-1', 'Invoice sent twice.');
  await saved(page);
  assert.equal(await page.getByTestId('complaint-row').count(), 2);
  assert.equal(
    await page.getByTestId('complaint-summary').innerText(),
    '2 complaints, 2 open (1 of high severity); 2 in the last 90 days against 0 before: rising.',
  );

  // Two promises kept by people outside sales: one missed, one open and past its day.
  await page.getByTestId('promise-add').click();
  await page.getByTestId('promise-text-0').waitFor();
  await type(page, 'promise-text-0', 'Weekend deliveries from November');
  await type(page, 'promise-owner-0', 'Logistics Oslo');
  await page.getByTestId('promise-function-0').selectOption('supply_chain');
  await date(page, 'promise-due-0', '2026-11-15');
  await page.getByTestId('promise-state-0').selectOption('missed');
  await date(page, 'promise-closed-0', '2026-11-16');
  await page.getByTestId('promise-add').click();
  await page.getByTestId('promise-text-1').waitFor();
  await type(page, 'promise-text-1', 'Spare parts within 48 hours');
  await type(page, 'promise-owner-1', 'Service desk');
  await page.getByTestId('promise-function-1').selectOption('service');
  await date(page, 'promise-due-1', '2026-11-20');
  // And a reference asked for after the framework win.
  await page.getByTestId('reference-add').click();
  await page.getByTestId('reference-from-0').waitFor();
  await page.getByTestId('reference-kind-0').selectOption('referral');
  await type(page, 'reference-from-0', 'Jens Madsen');
  await saved(page);
  assert.equal(await page.getByTestId('promise-row').count(), 2);
  assert.match(await section.getByTestId('section-state').innerText(), /Filled/);

  // The signal, with its reasons.
  await page.getByTestId('at-risk').waitFor();
  const reasons = await page.getByTestId('at-risk-reason').allInnerTexts();
  assert.deepEqual(reasons, [
    'Complaints are rising: 2 in the last 90 days against 0 in the 90 before.',
    '1 complaint of high severity is unresolved, the oldest from 2026-11-24.',
    '1 promise to the customer was missed in the last year.',
  ]);
  await section.screenshot({ path: `${ARTIFACTS}/dossier-after_sale.png` });
  await screenshot(page, 'aftersale-dossier');

  // Everything is stored: a reload shows it again.
  await page.reload();
  await ready(page);
  await page.getByTestId('complaint-row').nth(1).waitFor();
  assert.equal(await page.getByTestId('complaint-severity-0').inputValue(), 'high');
  assert.equal(await page.getByTestId('promise-state-0').inputValue(), 'missed');
  assert.equal(await page.getByTestId('reference-from-0').inputValue(), 'Jens Madsen');
  await page.getByTestId('at-risk').waitFor();

  // Key accounts: the account is marked at risk, and only it.
  await open(page, '/key-accounts');
  await page.getByTestId('key-accounts-table').waitFor();
  const atRisk = page.getByTestId('key-account-row').filter({ has: page.getByTestId('at-risk') });
  assert.equal(await atRisk.count(), 1);
  assert.match(await atRisk.innerText(), /Nordhavn Logistics A\/S/);
  await screenshot(page, 'aftersale-key-accounts');

  // Health: the three after-sale rules cost points, each explained.
  const healthAfter = await nordhavnHealth(page);
  const text = healthAfter.findings.join('\n');
  assert.match(text, /Promises kept: 1 promise to Nordhavn Logistics A\/S was missed in the last year: "Weekend deliveries from November" \(Logistics Oslo, supply chain, due 2026-11-15\)/);
  assert.match(text, /Serious complaints resolved: 1 complaint of high severity from Nordhavn Logistics A\/S is not resolved/);
  assert.match(text, /Complaints not rising: Complaints from Nordhavn Logistics A\/S are rising/);
  // 15 points for those three; recording them also fills the After-sale section (completeness)
  // and marks the dossier as changed today (freshness), which give some points back.
  assert.ok(healthAfter.score <= healthBefore.score - 5, `${healthBefore.score} → ${healthAfter.score}`);
  await screenshot(page, 'aftersale-health');

  // Reminders: the open promise past its day is overdue; the missed one is not reminded.
  await open(page, '/reminders');
  await page.getByTestId('reminders-table').waitFor();
  const promises = page.locator('[data-testid="reminder-row"][data-kind="promise"]');
  assert.equal(await promises.count(), 1);
  const reminder = await promises.innerText();
  assert.match(reminder, /overdue/);
  assert.match(reminder, /Promise overdue: Spare parts within 48 hours/);
  assert.match(reminder, /Kept by Service desk \(service\)\. Was due on 2026-11-20/);

  // Resolving the serious complaint and keeping the promise take those reasons away.
  await open(page, NORDHAVN);
  await page.getByTestId('complaint-resolved-0').waitFor();
  await date(page, 'complaint-resolved-0', '2026-11-24');
  await page.getByTestId('promise-state-1').selectOption('kept');
  await saved(page);
  await page.getByTestId('at-risk').waitFor();
  const left = await page.getByTestId('at-risk-reason').allInnerTexts();
  assert.equal(left.length, 2, left.join(' | '));
  assert.ok(!left.some((r) => /unresolved/.test(r)));
  await open(page, '/reminders');
  await page.getByTestId('reminders-table').waitFor();
  assert.equal(await page.locator('[data-testid="reminder-row"][data-kind="promise"]').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('the movement table agrees with the segmentations of this window and the one before', async () => {
  const page = await openWithDemo(env, { at: TODAY });
  const classified = ['AX', 'AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CY', 'CZ'];
  const matrix = async () => {
    await page.getByTestId('matrix-AX').waitFor();
    const counts = {};
    for (const c of classified) counts[c] = Number(await page.getByTestId(`matrix-${c}`).locator('.cell-count').innerText());
    return counts;
  };
  const current = await matrix();

  await page.getByTestId('movement-toggle').click();
  await page.getByTestId('movement-table').waitFor();
  const windows = await page.getByTestId('movement-windows').innerText();
  assert.match(windows, /^\d{4}-\d\d – (\d{4}-\d\d) → \d{4}-\d\d – \d{4}-\d\d$/);
  const previousEnd = windows.match(/^\d{4}-\d\d – (\d{4}-\d\d)/)[1];
  const rows = await page.getByTestId('movement-row').evaluateAll((trs) => trs.map((tr) => ({
    from: tr.dataset.from,
    to: tr.dataset.to,
    count: Number(tr.querySelector('[data-testid="movement-count"]').textContent),
  })));
  assert.ok(rows.length > 0);
  assert.ok(rows.some((r) => r.from && r.to && r.from !== r.to), 'some accounts changed cell');
  assert.match(await page.getByTestId('movement-summary').innerText(), /\d+ rose, \d+ fell, \d+ stayed in their cell; \d+ new, \d+ gone\./);
  await page.getByTestId('movement').screenshot({ path: `${ARTIFACTS}/movement.png` });
  await screenshot(page, 'movement');
  const sum = (pick) => rows.filter(pick).reduce((n, r) => n + r.count, 0);
  // Column sums (with the new accounts) are this window's matrix.
  for (const c of classified) assert.equal(sum((r) => r.to === c), current[c], `this window, ${c}`);

  // Segment the window before on its own (Settings: the window ends with its last month): its
  // matrix is the table's row sums (with the accounts gone since).
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByTestId('setting-window-end').fill(previousEnd);
  await page.getByTestId('setting-window-end').press('Tab');
  assert.equal(await page.getByTestId('setting-window-end').inputValue(), previousEnd);
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  await page.getByTestId('accounts-table').waitFor();
  await page.locator('.window-note').filter({ hasText: previousEnd }).waitFor();
  const previous = await matrix();
  for (const c of classified) assert.equal(sum((r) => r.from === c), previous[c], `window before, ${c}`);
  assert.deepEqual(page.errors, []);
});

test('the after-sale section and the movement table fit a 390 px phone', async () => {
  const page = await env.newPage({ viewport: { width: 390, height: 844 } });
  await page.clock.setFixedTime(TODAY);
  await page.goto(env.url + '/portfolio');
  await ready(page);
  await page.getByTestId('load-demo').click();
  await page.getByTestId('accounts-table').waitFor();
  await page.getByTestId('movement-toggle').click();
  await page.getByTestId('movement-table').waitFor();
  const wide = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(await wide() <= 0, 'no sideways scrolling on the Portfolio page');
  await open(page, NORDHAVN);
  await page.getByTestId('complaint-add').click();
  await page.getByTestId('promise-add').click();
  await page.getByTestId('reference-add').click();
  await saved(page);
  assert.ok(await wide() <= 0, 'no sideways scrolling on the dossier');
  // Keyboard: the add buttons are reachable and labelled fields follow them.
  await page.getByTestId('complaint-add').focus();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'complaint-add');
  assert.equal(await page.getByTestId('complaint-text-0').getAttribute('aria-label'), 'What happened, row 1');
  await screenshot(page, 'aftersale-phone');
  assert.deepEqual(page.errors, []);
});
