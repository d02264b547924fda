// Issue 5 acceptance: qualify an account, fill every dossier section, draw the relationship
// map, fill the whitespace grid, reload and find everything again; validation of numbers and
// dates; screenshots of every section.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openWithDemo, screenshot, ready, ARTIFACTS, saved, type, dossierPath } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const SECTIONS = ['general', 'qualification', 'timeline', 'people', 'competitors', 'analysis', 'strategy', 'team', 'plan', 'metrics', 'tenders', 'after_sale', 'status'];
const ACCOUNT = 'Tallinna Sadamateenused AS';
const path = () => dossierPath(ACCOUNT);

test('qualify an account, fill every section, see the org chart, reload and find it all', async () => {
  const page = await openWithDemo(env);
  await page.goto(env.url + path());
  await page.getByTestId('dossier-title').filter({ hasText: ACCOUNT }).waitFor();
  assert.match(await page.getByTestId('completeness').innerText(), /0 %/);
  for (const s of SECTIONS) {
    assert.match(await page.getByTestId(`section-${s}`).getByTestId('section-state').innerText(), /Missing/, s);
  }

  // Qualification: two reasons with justifications, then the promotion with who and why.
  await page.getByTestId('reason-partner').check();
  await type(page, 'justification-partner', 'Shares its port expansion plans with us.');
  await page.getByTestId('reason-reference').check();
  await type(page, 'justification-reference', 'The best-known port operator in Estonia.');
  await saved(page);
  assert.match(await page.getByTestId('criteria-verdict').innerText(), /Meets the criteria/);
  // A promotion without who and why is refused.
  await page.getByTestId('decide-key').click();
  assert.match(await page.getByTestId('decision-error').innerText(), /Say who decided and why/);
  await page.getByTestId('decision-by').fill('Workshop, 24 November');
  await page.getByTestId('decision-why').fill('Reference and partner: opens the Baltic port market.');
  await page.getByTestId('decide-key').click();
  await page.getByTestId('decision-row').first().waitFor();
  assert.match(await page.locator('.subtitle').innerText(), /★ Key account/);
  assert.match(await page.getByTestId('decision-row').first().innerText(), /promoted to key by Workshop, 24 November: Reference and partner/);

  // One field in every other section.
  await type(page, 'dossier-overview', 'Stevedoring and port services in Tallinn and Muuga.');
  await page.getByTestId('add-event').click();
  await type(page, 'event-text-0', 'Won the Muuga crane maintenance contract.');
  await page.getByTestId('timeline-orders').waitFor();

  const people = [['Kadri Tamm', 'CEO'], ['Margus Kask', 'CFO'], ['Liis Saar', 'Operations Director'], ['Toomas Org', 'Maintenance Lead']];
  for (let i = 0; i < people.length; i++) {
    await page.getByTestId('add-person').click();
    await page.getByTestId(`person-name-${i}`).waitFor();
    await type(page, `person-name-${i}`, people[i][0]);
    await type(page, `person-title-${i}`, people[i][1]);
  }
  await saved(page);
  // Margus and Liis report to Kadri, Toomas to Liis.
  await page.getByTestId('person-reports-1').selectOption({ label: 'Kadri Tamm' });
  await page.getByTestId('person-reports-2').selectOption({ label: 'Kadri Tamm' });
  await page.getByTestId('person-reports-3').selectOption({ label: 'Liis Saar' });
  await page.getByTestId('person-role-0').selectOption('economic_buyer');
  await page.getByTestId('person-attitude-0').selectOption('supporter');
  await page.getByTestId('person-attitude-2').selectOption('champion');
  await page.getByTestId('person-attitude-1').selectOption('sceptic');
  await saved(page);
  await page.getByTestId('org-node').nth(3).waitFor();
  assert.equal(await page.getByTestId('org-node').count(), 4);
  assert.equal(await page.getByTestId('org-chart').locator('path').count(), 3, 'three reports-to lines');
  const label = await page.getByTestId('org-chart').getAttribute('aria-label');
  assert.match(label, /Kadri Tamm \(Economic buyer \/ decider, Supporter\)/);
  // Toomas's box sits one level below Liis's.
  const y = async (name) => Number(await page.getByTestId('org-node').filter({ hasText: name }).locator('rect').getAttribute('y'));
  assert.ok(await y('Toomas Org') > await y('Liis Saar'));
  assert.ok(await y('Liis Saar') > await y('Kadri Tamm'));

  await page.getByTestId('add-competitor').click();
  await type(page, 'competitor-name-0', 'PortTech Nordic');
  await type(page, 'swot-strengths', 'Deep-water berths; EU funding.');
  await page.getByTestId('new-offering').fill('Crane maintenance');
  await page.getByTestId('add-offering').click();
  await page.getByTestId('new-unit').fill('Muuga');
  await page.getByTestId('new-unit').press('Enter');
  await page.getByTestId('new-unit').fill('Muuga');
  await page.getByTestId('add-unit').click();
  assert.match(await page.getByTestId('whitespace-error').innerText(), /already in the grid/);
  await page.getByTestId('whitespace-cell-0-0').selectOption('opportunity');
  await type(page, 'whitespace-potential-0-0', '250 000');
  await saved(page);
  // The total follows the stored cell (the save is one transaction with its change stamps).
  await page.getByTestId('whitespace-total').filter({ hasText: /250\s?000/ }).waitFor();
  await type(page, 'dossier-sponsor', 'Henrik Berg (CEO)');
  await page.getByTestId('add-action').click();
  await type(page, 'action-text-0', 'Present the maintenance offer to Liis Saar.');
  await type(page, 'metric-cost-to-serve', '40 000');
  await page.getByTestId('add-proposal').click();
  await type(page, 'proposal-title-0', 'Crane maintenance 2027');
  await page.getByTestId('reference-add').click();
  await type(page, 'reference-from-0', 'Kadri Tamm');
  await page.getByTestId('dossier-stage').selectOption('cooperative');
  await saved(page);

  // Shown once stored: waiting for each section to say so waits for its save.
  for (const s of SECTIONS) {
    await page.getByTestId(`section-${s}`).getByTestId('section-state').filter({ hasText: /Filled/ }).waitFor();
  }
  await page.getByTestId('completeness').filter({ hasText: /100 %/ }).waitFor();
  await saved(page);
  assert.match(await page.getByTestId('clv').innerText(), /\d/);
  for (const s of SECTIONS) {
    await page.getByTestId(`section-${s}`).screenshot({ path: `${ARTIFACTS}/dossier-${s}.png` });
  }

  // Reload: everything is there, read back from IndexedDB.
  await page.reload();
  await ready(page);
  await page.getByTestId('dossier-title').filter({ hasText: ACCOUNT }).waitFor();
  assert.match(await page.getByTestId('completeness').innerText(), /100 %/);
  assert.equal(await page.getByTestId('justification-partner').inputValue(), 'Shares its port expansion plans with us.');
  assert.equal(await page.getByTestId('person-name-3').inputValue(), 'Toomas Org');
  assert.equal(await page.getByTestId('org-node').count(), 4);
  assert.equal(await page.getByTestId('whitespace-cell-0-0').inputValue(), 'opportunity');
  assert.equal(await page.getByTestId('whitespace-potential-0-0').inputValue(), '250000');
  assert.equal(await page.getByTestId('dossier-stage').inputValue(), 'cooperative');
  assert.equal(await page.getByTestId('decision-row').count(), 1);
  await screenshot(page, 'dossier-full');

  // The key-account list shows it with its criteria met, and the matrix page is drawn.
  await page.goto(env.url + '/key-accounts');
  const row = page.getByTestId('key-account-row').filter({ hasText: ACCOUNT });
  assert.match(await row.getByTestId('meets-criteria').innerText(), /met/);
  assert.match(await row.innerText(), /100 %/);
  await page.getByTestId('portfolio-matrix').waitFor();
  assert.ok(await page.getByTestId('matrix-bubble').count() >= 3, 'the demo has scored accounts');
  const box = await page.getByTestId('matrix-bubble').first().locator('circle').boundingBox();
  assert.ok(box && box.width > 5, 'bubbles are drawn');
  await screenshot(page, 'key-accounts-matrix');
  assert.deepEqual(page.errors, []);
});

test('wrong numbers and half dates get a clear message and change nothing', async () => {
  const page = await openWithDemo(env);
  await page.goto(env.url + '/key-accounts/' + encodeURIComponent('nordhavn logistics a/s'));
  await page.getByTestId('metric-retention').waitFor();
  const before = await page.getByTestId('clv').innerText();
  await type(page, 'metric-retention', '150');
  assert.match(await page.locator('#metric-retention-error').innerText(), /from 0 to 100/);
  assert.equal(await page.getByTestId('metric-retention').getAttribute('aria-invalid'), 'true');
  await type(page, 'metric-cost-to-serve', 'lots');
  assert.match(await page.locator('#metric-cost-to-serve-error').innerText(), /not a number/);
  assert.equal(await page.getByTestId('clv').innerText(), before, 'nothing changed');
  // A half-typed date: the browser reports bad input; the app says so and keeps the old date.
  const due = page.getByTestId('action-due-0');
  const old = await due.inputValue();
  await due.click();
  await due.press('Backspace');
  await due.press('Tab');
  assert.notEqual(old, '', 'the demo action has a due date');
  assert.match(await page.locator('#action-due-0-error').innerText(), /complete date/);
  await page.reload();
  await ready(page);
  await page.getByTestId('metric-retention').waitFor();
  assert.equal(await page.getByTestId('metric-retention').inputValue(), '85');
  assert.equal(await page.getByTestId('action-due-0').inputValue(), old, 'the half-typed date was not stored');
  // A comma decimal is understood.
  await type(page, 'metric-retention', '87,5');
  await saved(page);
  assert.equal(await page.getByTestId('metric-retention').inputValue(), '87.5');
  assert.deepEqual(page.errors, []);
});

test('a removed person comes back with undo, and personal details stay hidden until asked', async () => {
  const page = await openWithDemo(env);
  await page.goto(env.url + '/key-accounts/' + encodeURIComponent('nordhavn logistics a/s'));
  await page.getByTestId('person-name-0').waitFor();
  assert.equal(await page.getByTestId('personal-row').count(), 0);
  assert.equal(await page.getByText('Sails on weekends').count(), 0);
  await page.getByTestId('show-personal').check();
  assert.equal(await page.getByTestId('person-notes-0').inputValue(), 'Sails on weekends; two daughters.');
  await type(page, 'person-birthday-0', '14.03.1971');
  await saved(page);
  assert.match(await page.getByTestId('personal-row').first().innerText(), /not a date the reminders understand/);
  await type(page, 'person-birthday-0', '1971-03-14');
  // Typing across a save keeps the focus and every character.
  const exp = page.getByTestId('person-expectations-0');
  await exp.click();
  await exp.pressSequentially('Reliable', { delay: 20 });
  await page.waitForTimeout(900);
  await saved(page);
  await page.keyboard.type(' deliveries', { delay: 20 });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'person-expectations-0');
  await exp.press('Tab');
  await saved(page);
  assert.equal(await exp.inputValue(), 'Reliable deliveries');
  assert.equal(await page.getByTestId('personal-row').count(), 3, 'personal details stay shown after saves');
  await page.getByTestId('remove-person-1').click();
  await saved(page);
  assert.equal(await page.getByTestId('person-row').count(), 2);
  await page.getByTestId('undo').click();
  await page.getByTestId('person-row').nth(2).waitFor();
  assert.equal(await page.getByTestId('person-name-1').inputValue(), 'Sofie Holm');
  assert.deepEqual(page.errors, []);
});

test('the key level is kept; a demotion says how the customer will be told; the portfolio star cannot demote', async () => {
  const page = await openWithDemo(env);
  // The star of a key account in the portfolio table refuses, and says where to demote.
  const star = page.locator('[data-testid="account-row"]', { hasText: 'Nordhavn Logistics A/S' }).locator('button.key-toggle');
  assert.equal(await star.getAttribute('aria-pressed'), 'true');
  await star.click();
  await page.getByTestId('error-banner').filter({ hasText: 'To demote a key account, open its dossier' }).waitFor();
  assert.equal(await star.getAttribute('aria-pressed'), 'true', 'still key');
  await page.goto(env.url + dossierPath('Nordhavn Logistics A/S'));
  await ready(page);
  // The level the account is key at (the Russian article): the company's programme unless said.
  assert.equal(await page.getByTestId('key-level').inputValue(), 'company');
  await page.getByTestId('key-level').selectOption('department');
  await saved(page);
  await page.getByTestId('decision-by').fill('KAM board, 1 December');
  await page.getByTestId('decision-why').fill('Volume moved to a competitor for good.');
  await page.getByTestId('decide-key').click();
  assert.match(await page.getByTestId('decision-error').innerText(), /Say how the customer will be told/);
  assert.match(await page.locator('.subtitle').innerText(), /★ Key account/, 'nothing changed');
  await page.getByTestId('decision-told').fill('Maria Lind tells Jens Madsen in person, with the service plan that stays.');
  await page.locator('.decision').screenshot({ path: `${ARTIFACTS}/dossier-demotion.png` });
  await page.getByTestId('decide-key').click();
  await page.getByTestId('decision-row').filter({ hasText: 'demoted' }).waitFor();
  assert.doesNotMatch(await page.locator('.subtitle').innerText(), /★ Key account/);
  const row = await page.getByTestId('decision-row').filter({ hasText: 'demoted' }).innerText();
  assert.match(row, /demoted by KAM board, 1 December: Volume moved to a competitor for good\./);
  assert.match(row, /The customer is told: Maria Lind tells Jens Madsen in person/);
  // Kept after a reload, and a promotion asks nothing of the kind.
  await page.reload();
  await ready(page);
  assert.match(await page.getByTestId('decision-row').filter({ hasText: 'demoted' }).innerText(), /The customer is told/);
  assert.equal(await page.getByTestId('decision-told').count(), 0);
  assert.equal(await page.getByTestId('key-level').inputValue(), 'department', 'the level is kept');
  assert.deepEqual(page.errors, []);
});
