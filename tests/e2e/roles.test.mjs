// Issue 16, point 4: views per role without logins. The key accounts page switches between the
// whole list, My accounts (one manager, remembered on the device), the executive sponsors with
// their accounts' last and next meeting, and the head of key accounts' line per manager; each
// view is an address, so a workshop can switch, go back and send a link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openWithDemo, screenshot, ready, saved, dossierPath } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const TODAY = new Date('2026-11-24T10:00:00');
const NORDHAVN = 'Nordhavn Logistics A/S';

async function open(page, path) {
  await page.goto(env.url + path);
  await ready(page);
}

const rowNames = (page) => page.getByTestId('key-account-row').locator('th').allInnerTexts();

test('the key accounts page switches between My accounts, the executive sponsors and the head of key accounts', async () => {
  const page = await openWithDemo(env, { at: TODAY });

  // A meeting held with Nordhavn on 10 November, recorded in its timeline.
  await open(page, dossierPath(NORDHAVN));
  const events = await page.getByTestId('timeline-row').count();
  await page.getByTestId('add-event').click();
  await page.getByTestId(`event-kind-${events}`).selectOption('meeting');
  await page.getByTestId(`event-date-${events}`).fill('2026-11-10');
  await page.getByTestId(`event-date-${events}`).press('Tab');
  await saved(page);

  await open(page, '/key-accounts');
  const current = () => page.locator('[data-testid^=role-view-][aria-current=page]').getAttribute('data-testid');
  assert.equal(await current(), 'role-view-all');
  const all = await rowNames(page);
  assert.equal(all.length, 6);
  assert.ok(await page.getByTestId('key-count').isVisible(), 'the whole list keeps the programme figures');

  // My accounts: the first manager by name until one is chosen.
  await page.getByTestId('role-view-mine').click();
  await page.waitForURL(/view=manager&manager=Jonas%20Ek/);
  assert.equal(await current(), 'role-view-mine');
  assert.deepEqual(await rowNames(page), ['Uppsala BioLabs AB']);
  assert.equal(await page.getByTestId('my-manager').inputValue(), 'Jonas Ek');
  assert.deepEqual(await page.getByTestId('my-manager').locator('option').allInnerTexts(), ['Jonas Ek', 'Maria Lind', 'Pekka Virtanen']);
  assert.equal(await page.getByTestId('key-count').count(), 0, 'one manager\'s view leaves the programme figures out');

  await page.getByTestId('my-manager').selectOption('Maria Lind');
  await page.waitForURL(/manager=Maria%20Lind/);
  await page.getByTestId('key-account-row').filter({ hasText: 'Kraków' }).waitFor();
  const maria = await rowNames(page);
  assert.equal(maria.length, 3);
  for (const name of ['Nordhavn Logistics A/S', 'Baltic Timber Group', 'Kraków Automotive Parts']) {
    assert.ok(maria.some((n) => n.startsWith(name)), `${name} in ${maria}`);
  }
  assert.equal(await page.getByTestId('manager-summary').getByTestId('manager-key-accounts').innerText(), '3');
  const mariaOverdue = Number(await page.getByTestId('manager-summary').getByTestId('manager-overdue').innerText());
  await screenshot(page, 'roles-my-accounts');

  // The reminders page agrees with the count of what is overdue on Maria's accounts.
  await open(page, '/reminders');
  const overdue = await page.locator('[data-testid=reminder-row].overdue').allInnerTexts();
  const onMarias = overdue.filter((t) => ['Nordhavn', 'Baltic Timber', 'Kraków'].some((a) => t.includes(a)));
  assert.ok(onMarias.length > 0, 'the demo has overdue items on Maria\'s accounts');
  assert.equal(mariaOverdue, onMarias.length, onMarias.join('\n'));

  // The choice is remembered on this device: the switch opens on Maria next time.
  await open(page, '/key-accounts');
  assert.match(await page.getByTestId('role-view-mine').getAttribute('href'), /manager=Maria%20Lind/);

  // Executive sponsors: every key account once, under its sponsor, with its meetings.
  await page.getByTestId('role-view-sponsors').click();
  await page.waitForURL(/view=sponsors/);
  const groups = page.getByTestId('sponsor-group');
  const headings = await groups.locator('h2').allInnerTexts();
  assert.deepEqual(headings, ['Anu Tamm (CTO)', 'Henrik Berg (CEO)', 'No executive sponsor yet'], 'sponsors by name, the accounts without one last');
  assert.deepEqual(await Promise.all([0, 1, 2].map((i) => groups.nth(i).getByTestId('sponsor-account').count())), [1, 2, 3]);
  assert.equal(await page.getByTestId('sponsor-account').count(), 6);
  const nordhavn = page.getByTestId('sponsor-account').filter({ hasText: NORDHAVN });
  assert.equal(await nordhavn.getByTestId('last-meeting').innerText(), '2026-11-10');
  assert.equal(await nordhavn.getByTestId('next-meeting').innerText(), '2027-02-12 · Annual business review');
  const kraków = page.getByTestId('sponsor-account').filter({ hasText: 'Kraków' });
  assert.equal(await kraków.getByTestId('last-meeting').innerText(), '— none recorded —');
  assert.equal(await kraków.getByTestId('next-meeting').innerText(), '— none planned —');
  await screenshot(page, 'roles-sponsors');

  // Head of key accounts: a line per manager, and a manager's name opens their accounts.
  await page.getByTestId('role-view-head').click();
  await page.waitForURL(/view=head/);
  const lines = page.getByTestId('manager-row');
  assert.deepEqual(await lines.locator('th').allInnerTexts(), ['Jonas Ek', 'Maria Lind', 'Pekka Virtanen']);
  assert.deepEqual(await lines.getByTestId('manager-key-accounts').allInnerTexts(), ['1', '3', '2']);
  const marias = lines.filter({ hasText: 'Maria Lind' });
  assert.equal(Number(await marias.getByTestId('manager-overdue').innerText()), mariaOverdue);
  assert.match(await marias.getByTestId('manager-skills').innerText(), /^(\d\.\d \/ 5|not assessed)$/);
  for (const h of await lines.getByTestId('manager-health').allInnerTexts()) assert.ok(Number(h) >= 0 && Number(h) <= 100, h);
  await screenshot(page, 'roles-head');

  // Back goes to the previous view; a manager's name opens My accounts for them.
  await page.goBack();
  await page.waitForURL(/view=sponsors/);
  await page.getByTestId('sponsor-group').first().waitFor();
  await page.goForward();
  await page.getByTestId('manager-row').first().waitFor();
  await lines.filter({ hasText: 'Pekka Virtanen' }).getByRole('link').click();
  await page.waitForURL(/manager=Pekka%20Virtanen/);
  assert.equal((await rowNames(page)).length, 2);
  assert.equal(await page.getByTestId('my-manager').inputValue(), 'Pekka Virtanen');

  // An address with an unknown view opens the whole list.
  await open(page, '/key-accounts?view=boss');
  assert.equal(await current(), 'role-view-all');
  assert.equal((await rowNames(page)).length, 6);
  assert.deepEqual(page.errors, []);
});

test('the views per role read in the reader\'s language', async () => {
  const page = await openWithDemo(env, { at: TODAY, lang: 'et' });
  await open(page, '/key-accounts?view=head');
  assert.equal(await page.getByTestId('role-view-head').innerText(), 'Võtmeklientide juht');
  assert.match(await page.getByTestId('managers-table').locator('thead').innerText(), /Tervis \(keskmine\)/);
  await open(page, '/key-accounts?view=sponsors');
  assert.equal(await page.getByTestId('sponsor-group').locator('h2').last().innerText(), 'Juhtkonna vastutajat veel pole');
  assert.match(await page.getByTestId('sponsor-account').filter({ hasText: 'Kraków' }).getByTestId('next-meeting').innerText(), /pole plaanitud/);
  assert.deepEqual(page.errors, []);
});
