// Issue 16 point 7 (in part): each key account manager has a development plan on the Programme
// page, and its open goals with a due date reach the reminders and the annual calendar.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openWithDemo, screenshot, ready } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('a manager\'s development goal reaches the reminders and the calendar, and leaves them when done', async () => {
  const page = await openWithDemo(env, { at: new Date('2026-11-24T10:00:00') });
  await page.goto(env.url + '/programme');
  await ready(page);
  await page.getByTestId('skills-manager').selectOption('Maria Lind');
  await page.getByTestId('plan-add').click();
  await page.getByTestId('plan-goal-0').fill('Lead a negotiation with a buying committee');
  await page.getByTestId('plan-goal-0').press('Tab');
  await page.getByTestId('plan-training-0').fill('Negotiation course, spring');
  await page.getByTestId('plan-training-0').press('Tab');
  await page.getByTestId('plan-due-0').fill('2026-12-15');
  await page.getByTestId('plan-due-0').press('Tab');
  assert.equal(await page.getByTestId('plan-goal-0').getAttribute('aria-label'), 'Goal, row 1');
  await page.locator('#skills').screenshot({ path: `${process.env.ARTIFACTS ?? '.'}/programme-development-plan.png` });

  await page.reload();
  await ready(page);
  await page.getByTestId('skills-manager').selectOption('Maria Lind');
  assert.equal(await page.getByTestId('plan-goal-0').inputValue(), 'Lead a negotiation with a buying committee', 'kept across a reload');

  await page.getByRole('link', { name: 'Reminders', exact: true }).click();
  const row = page.locator('[data-testid="reminder-row"][data-kind="development"]');
  await row.waitFor();
  const text = await row.innerText();
  assert.match(text, /Development goal due: Lead a negotiation with a buying committee/);
  assert.match(text, /Maria Lind's development plan, due 2026-12-15\. Training: Negotiation course, spring/);
  assert.equal(await row.getByRole('link').getAttribute('href'), '/programme#skills', 'it leads to the plan, not to an account');

  await page.goto(env.url + '/calendar');
  await ready(page);
  const entry = page.getByTestId('calendar-month-12').locator('[data-testid="calendar-item"].cal-development');
  assert.match(await entry.innerText(), /15\s+Development goal due: Lead a negotiation[\s\S]*Maria Lind/);

  // Done: it leaves the reminders and the calendar.
  await page.goto(env.url + '/programme');
  await ready(page);
  await page.getByTestId('skills-manager').selectOption('Maria Lind');
  await page.getByTestId('plan-done-0').check();
  await page.getByRole('link', { name: 'Reminders', exact: true }).click();
  await page.getByTestId('reminders-table').waitFor();
  assert.equal(await page.locator('[data-testid="reminder-row"][data-kind="development"]').count(), 0);
  assert.deepEqual(page.errors, []);
});
