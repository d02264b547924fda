// Issue 6 acceptance: the programme dashboard, health and knowledge risk, reminders and their
// .ics export (parsed by an independent parser), the annual calendar, workshop mode and the
// printed account plan and portfolio report (PDF from headless Chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { setup, screenshot, openWithDemo, ARTIFACTS, saved, dossierPath } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

// The demo's dates are fixed; the browser's clock is set so that what is overdue or coming up
// is the same on every run.
const TODAY = new Date('2026-11-24T10:00:00');
const NORDHAVN = dossierPath('Nordhavn Logistics A/S');

const demoAt = (env) => openWithDemo(env, { at: TODAY });

/** Types `text` into `field` without confirming it, lets another tab of the same profile (at
 *  `otherPath`) store a change with `storeElsewhere(other)`, and checks that this tab, told of
 *  it, shows `[shownId, shownValue]` from the other tab and still holds the typing; then
 *  confirms the typing and waits until it is stored. */
async function typeWhileAnotherTabStores(page, field, text, otherPath, storeElsewhere, [shownId, shownValue]) {
  await page.getByTestId(field).fill(text);
  const other = await page.context().newPage();
  await other.goto(env.url + otherPath);
  await storeElsewhere(other);
  await page.getByTestId('notice').filter({ hasText: 'another tab' }).waitFor();
  assert.equal(await page.getByTestId(shownId).inputValue(), shownValue);
  assert.equal(await page.getByTestId(field).inputValue(), text, 'the typing is still there');
  await page.getByTestId(field).press('Tab');
  await saved(page);
}

function pdfPages(buffer) {
  return (buffer.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

test('the dashboard shows the seven steps with evidence, health with reasons, and knowledge risk', async () => {
  const page = await demoAt(env);
  await page.getByRole('link', { name: 'Programme', exact: true }).click();
  await page.getByTestId('programme-steps').waitFor();
  const steps = page.getByTestId('programme-step');
  assert.equal(await steps.count(), 7);
  assert.match(await steps.nth(1).innerText(), /3 of 6 key accounts have an executive sponsor/);
  assert.match(await steps.nth(3).innerText(), /6 key accounts \(inside 5–25\); the criteria are not written down yet/);
  assert.match(await steps.nth(5).innerText(), /CLV and cost to serve filled for 1 of 6/);
  assert.match(await steps.nth(6).innerText(), /no longer meet the criteria: .*Uppsala BioLabs AB/);
  // Health: lowest first, each point explained.
  const rows = page.getByTestId('health-row');
  assert.equal(await rows.count(), 6);
  const scores = await page.getByTestId('health-score').allInnerTexts();
  const numbers = scores.map(Number);
  assert.deepEqual([...numbers].sort((a, b) => a - b), numbers, 'lowest first');
  const nordhavn = rows.filter({ hasText: 'Nordhavn Logistics A/S' });
  await nordhavn.locator('summary').click();
  const findings = await nordhavn.getByTestId('finding').allInnerTexts();
  assert.ok(findings.some((f) => /overdue/i.test(f) && /Site visit in Oslo/.test(f)), findings.join('\n'));
  assert.ok(findings.every((f) => /What to do: /.test(f)));
  assert.match(await page.getByTestId('concentration').innerText(), /Maria Lind/);
  // Writing the criteria and naming a champion turns steps 3 and 4's evidence.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByTestId('setting-criteria').fill('Over 10 % of our profit, or a strategic reason justified in writing.');
  await page.getByTestId('setting-criteria').press('Tab');
  await page.getByTestId('setting-champion').fill('Eva Saar');
  await page.getByTestId('setting-champion').press('Tab');
  await saved(page);
  await page.getByRole('link', { name: 'Programme', exact: true }).click();
  assert.match(await page.getByTestId('programme-step').nth(2).innerText(), /Eva Saar drives the programme/);
  assert.match(await page.getByTestId('programme-step').nth(3).innerText(), /written criteria exist/);
  // Skills self-assessment, saved with the programme.
  await page.getByTestId('skills-manager').selectOption('Maria Lind');
  const before = await page.getByTestId('skills-shape').getAttribute('points');
  await page.getByTestId('skill-0').selectOption('4');
  await page.getByTestId('skill-5').selectOption('2');
  await page.getByTestId('skills-notes').fill('Negotiation course in spring.');
  await page.getByTestId('skills-notes').press('Tab');
  await saved(page);
  assert.notEqual(await page.getByTestId('skills-shape').getAttribute('points'), before);
  await page.reload();
  await page.getByTestId('skills-manager').waitFor();
  await page.getByTestId('skills-manager').selectOption('Maria Lind');
  assert.equal(await page.getByTestId('skill-0').inputValue(), '4');
  assert.equal(await page.getByTestId('skills-notes').inputValue(), 'Negotiation course in spring.');
  assert.match(await page.getByTestId('programme-step').nth(4).innerText(), /skills self-assessed by 1 of 3/);
  await screenshot(page, 'programme-dashboard');
  assert.deepEqual(page.errors, []);
});

test('reminders list what needs doing by date and export an .ics that parses', async () => {
  const page = await demoAt(env);
  await page.getByRole('link', { name: 'Reminders', exact: true }).click();
  await page.getByTestId('reminders-table').waitFor();
  const rows = page.getByTestId('reminder-row');
  const texts = await rows.allInnerTexts();
  const has = (re) => texts.some((t) => re.test(t));
  assert.ok(has(/2026-11-21\s*overdue[\s\S]*Nordhavn[\s\S]*receipt/i), 'proposal follow-up one day after sending, overdue\n' + texts.join('\n'));
  assert.ok(has(/2026-11-10\s*overdue[\s\S]*Site visit in Oslo/), 'overdue action');
  assert.ok(has(/2026-11-03\s*overdue[\s\S]*Nordic transport tender 2027/), 'tender preparation that should have started');
  assert.ok(has(/2026-12-31[\s\S]*Picking robot pilot/), 'proposal validity');
  assert.ok(has(/2027-02-12[\s\S]*Annual business review/), 'governance meeting');
  assert.ok(has(/2026-11-30[\s\S]*Liisa Korhonen/), 'a birthday, shown when working alone');
  assert.ok(has(/Lost/), 'an account that stopped buying');
  const dates = await rows.evaluateAll((els) => els.map((e) => e.querySelector('td').textContent.slice(0, 10)));
  assert.deepEqual([...dates].sort(), dates, 'by date');
  // A year ahead brings Ilze Kalniņa's 29 February birthday, on 28 February 2027.
  await page.getByTestId('reminders-horizon').selectOption('366');
  assert.ok((await rows.allInnerTexts()).some((t) => /2027-02-28[\s\S]*Ilze Kalniņa/.test(t)));
  await page.getByTestId('reminders-horizon').selectOption('90');
  await screenshot(page, 'reminders');

  const shown = await rows.count();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ics').click()]);
  const file = join(ARTIFACTS, 'kam-reminders.ics');
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.split('\n').slice(0, -1).every((l) => l.endsWith('\r')), 'CRLF line ends');
  const cal = new ICAL.Component(ICAL.parse(text));
  assert.equal(cal.name, 'vcalendar');
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.equal(events.length, shown, 'one event per reminder shown');
  const receipt = events.find((e) => /receipt/i.test(e.summary) && /Nordhavn/.test(e.summary));
  assert.ok(receipt, events.map((e) => e.summary).join('\n'));
  assert.equal(receipt.startDate.toString(), '2026-11-21');
  assert.ok(receipt.startDate.isDate, 'an all-day event: the same day in every time zone');
  const birthday = events.find((e) => /Liisa Korhonen/.test(e.summary));
  assert.ok(birthday, 'birthdays are in the file when shown');
  assert.equal(birthday.component.getFirstPropertyValue('rrule').freq, 'YEARLY');

  // Without personal details, birthdays stay out of the file.
  await page.getByTestId('reminders-personal').uncheck();
  const [download2] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ics').click()]);
  await download2.saveAs(file);
  const cal2 = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  const summaries = cal2.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('summary'));
  assert.ok(!summaries.some((s) => /birthday/i.test(s)), summaries.join('\n'));
  assert.equal(summaries.length, await rows.count());
  assert.deepEqual(page.errors, []);
});

test('the annual calendar shows every key account\'s meetings and deadlines by month', async () => {
  const page = await demoAt(env);
  await page.getByRole('link', { name: 'Calendar', exact: true }).click();
  await page.getByTestId('calendar').waitFor();
  assert.equal(await page.getByTestId('calendar-year').innerText(), '2026');
  assert.match(await page.getByTestId('calendar-month-2').innerText(), /Annual business review[\s\S]*Nordhavn/);
  assert.match(await page.getByTestId('calendar-month-4').innerText(), /Quality audit[\s\S]*Helsinki Medical Supplies Oy/);
  assert.match(await page.getByTestId('calendar-month-8').innerText(), /Start preparing: Nordic transport tender 2027/);
  await page.getByTestId('calendar-next').click();
  assert.equal(await page.getByTestId('calendar-year').innerText(), '2027');
  assert.match(await page.getByTestId('calendar-month-5').innerText(), /Tender: Nordic transport tender 2027/);
  assert.match(await page.getByTestId('calendar-month-6').innerText(), /Objective due: Win the Norway pallet business/);
  await screenshot(page, 'calendar');
  assert.deepEqual(page.errors, []);
});

test('workshop mode: large type, personal details hidden, keys move between accounts', async () => {
  const page = await demoAt(env);
  await page.goto(env.url + NORDHAVN);
  await page.getByTestId('show-personal').check();
  assert.equal(await page.getByTestId('person-notes-0').inputValue(), 'Sails on weekends; two daughters.');
  await page.getByTestId('workshop-toggle').click();
  assert.equal(await page.evaluate(() => document.body.classList.contains('workshop')), true);
  assert.equal(await page.getByTestId('show-personal').isChecked(), false, 'entering workshop mode hides personal details');
  assert.equal(await page.getByTestId('personal-row').count(), 0);
  assert.equal(await page.getByText('Sails on weekends').count(), 0);
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(size >= 19, `larger type (${size}px)`);
  assert.match(await page.getByTestId('workshop-position').innerText(), /Nordhavn Logistics A\/S — \d of 6/);
  await screenshot(page, 'workshop-dossier');
  // ] and [ move between key accounts (alphabetical), not while typing.
  await page.locator('h1').click();
  await page.keyboard.press(']');
  await page.getByTestId('dossier-title').filter({ hasText: 'Tallinna' }).or(page.getByTestId('dossier-title').filter({ hasText: 'Tartu' })).waitFor();
  assert.match(await page.getByTestId('workshop-position').innerText(), /Tartu Software Partners OÜ — \d of 6/);
  await page.keyboard.press('[');
  await page.getByTestId('dossier-title').filter({ hasText: 'Nordhavn' }).waitFor();
  await page.getByTestId('dossier-overview').click();
  // The caret goes to the end of the text (a click lands wherever the text happens to be).
  await page.keyboard.press('Control+End');
  await page.keyboard.press(']');
  assert.match(await page.getByTestId('dossier-overview').inputValue(), /\]$/, 'typing a bracket in a field types it');
  // Reminders hide birthdays in workshop mode until asked.
  await page.getByRole('link', { name: 'Reminders', exact: true }).click();
  await page.getByTestId('reminders-table').waitFor();
  assert.equal(await page.getByTestId('reminders-personal').isChecked(), false);
  assert.equal(await page.getByTestId('reminder-row').filter({ hasText: 'Liisa Korhonen' }).count(), 0);
  assert.match(await page.getByTestId('reminders-count').innerText(), /personal hidden/);
  await page.getByTestId('workshop-toggle').click();
  assert.equal(await page.evaluate(() => document.body.classList.contains('workshop')), false);
  // The bracket was typed and the page left at once (before the typing pause ended): leaving
  // a dossier saves what was typed.
  await page.goto(env.url + NORDHAVN);
  await page.getByTestId('dossier-overview').waitFor();
  assert.match(await page.getByTestId('dossier-overview').inputValue(), /\]$/);
  assert.deepEqual(page.errors, []);
});

test('an account plan and the portfolio report print to PDF', async () => {
  const page = await demoAt(env);
  await page.goto(env.url + NORDHAVN);
  await page.getByTestId('open-plan').click();
  await page.getByTestId('account-plan').waitFor();
  assert.equal(await page.getByTestId('account-plan').locator('svg[data-testid="org-chart"]').count(), 1, 'the map is vector');
  assert.equal(await page.getByText('Sails on weekends').count(), 0, 'no personal details on the plan');
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'print-account-plan');
  const plan = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(ARTIFACTS, 'account-plan.pdf'), plan);
  const planPages = pdfPages(plan);
  assert.ok(planPages >= 1 && planPages <= 2, `one or two pages, got ${planPages}`);
  await page.emulateMedia({ media: 'screen' });

  await page.goto(env.url + '/report');
  await page.getByTestId('portfolio-report').waitFor();
  assert.equal(await page.getByTestId('report-key-accounts').locator('tbody tr').count(), 6);
  assert.equal(await page.getByTestId('report-checklist').locator('li').count(), 7);
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'print-portfolio-report');
  const report = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(ARTIFACTS, 'portfolio-report.pdf'), report);
  const reportPages = pdfPages(report);
  assert.ok(reportPages >= 1 && reportPages <= 4, `a short report, got ${reportPages} pages`);
  assert.deepEqual(page.errors, []);
});

test('a programme change stored meanwhile neither wipes what is being typed nor is undone by it', async () => {
  const page = await demoAt(env);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  // The champion typed, not yet confirmed, while another tab writes the criteria.
  await typeWhileAnotherTabStores(page, 'setting-champion', 'Eva Saar', '/settings', async (other) => {
    await other.getByTestId('setting-criteria').fill('Over 10 % of our profit.');
    await other.getByTestId('setting-criteria').press('Tab');
  }, ['setting-criteria', 'Over 10 % of our profit.']);
  await page.getByRole('link', { name: 'Programme', exact: true }).click();
  await page.getByTestId('programme-step').nth(2).filter({ hasText: 'Eva Saar drives the programme' }).waitFor();
  assert.match(await page.getByTestId('programme-step').nth(3).innerText(), /written criteria exist/, 'both changes are kept');
  assert.deepEqual(page.errors, []);
});

test('skills notes being typed survive a score stored meanwhile, and both are kept', async () => {
  const page = await demoAt(env);
  await page.getByRole('link', { name: 'Programme', exact: true }).click();
  await page.getByTestId('skills-manager').selectOption('Maria Lind');
  await typeWhileAnotherTabStores(page, 'skills-notes', 'Coach on negotiation', '/programme', async (other) => {
    await other.getByTestId('skills-manager').selectOption('Maria Lind');
    await other.getByTestId('skill-0').selectOption('3');
  }, ['skill-0', '3']);
  await page.reload();
  await page.getByTestId('skills-manager').selectOption('Maria Lind');
  assert.equal(await page.getByTestId('skill-0').inputValue(), '3');
  assert.equal(await page.getByTestId('skills-notes').inputValue(), 'Coach on negotiation');
});

test('a factor name being typed survives another setting stored meanwhile in the same tab', async () => {
  const page = await demoAt(env);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const name = page.getByTestId('attractiveness-factor-0');
  await name.fill('Growth');
  // Another field stored while the name is not yet confirmed: its echo must not replace the
  // name's input (the factor rows were drawn again at every programme change).
  await page.getByTestId('setting-lost-months').evaluate((el) => {
    el.value = '18';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await saved(page);
  await page.keyboard.type(' of the port', { delay: 20 });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'attractiveness-factor-0');
  await name.press('Tab');
  await saved(page);
  await page.reload();
  await page.getByTestId('attractiveness-factor-0').waitFor();
  assert.equal(await page.getByTestId('attractiveness-factor-0').inputValue(), 'Growth of the port');
  assert.equal(await page.getByTestId('setting-lost-months').inputValue(), '18');
  assert.deepEqual(page.errors, []);
});

test('strategic reasons outside 1–5 are refused by the core rule, and nothing is stored', async () => {
  const page = await demoAt(env);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const reasons = page.getByTestId('setting-min-reasons');
  await reasons.waitFor();
  const set = (v) => reasons.evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, v);
  await set('7');
  assert.match(await page.getByTestId('programme-error').innerText(), /Strategic reasons needed: a whole number from 1 to 5\./);
  await set('2');
  await saved(page);
  await page.getByTestId('programme-error').waitFor({ state: 'detached' });
  await page.reload();
  await page.getByTestId('setting-min-reasons').waitFor();
  assert.equal(await page.getByTestId('setting-min-reasons').inputValue(), '2');
  assert.deepEqual(page.errors, []);
});
