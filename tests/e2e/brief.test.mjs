// Issue 16, points 5 and 6: a meeting brief, one printable page before a meeting of the plan:
// the account's facts, who attends from the decision-making unit with what convinces each role
// (the Russian article; HR is a role of its own), open actions and promises, recent complaints,
// questions to ask and ideas to bring; no personal details. Printed to PDF by headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openWithDemo, screenshot, ready, saved, type, dossierPath, ARTIFACTS } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const TODAY = new Date('2026-11-24T10:00:00');
const NORDHAVN = dossierPath('Nordhavn Logistics A/S');

async function open(page, path) {
  await page.goto(env.url + path);
  await ready(page);
}

function pdfPages(buffer) {
  return (buffer.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

test('a meeting brief: attendees with what convinces each, open work, complaints, questions and ideas, on one printed page', async () => {
  const page = await openWithDemo(env, { at: TODAY });
  await open(page, NORDHAVN);
  // An open promise and a complaint this month, and Sofie Holm now the HR director.
  await page.getByTestId('promise-add').click();
  await type(page, 'promise-text-0', 'Spare robot parts within 48 hours');
  await page.getByTestId('complaint-add').click();
  await page.getByTestId('complaint-kind-0').selectOption('late_delivery');
  await type(page, 'complaint-text-0', 'Two pallets a day late in Oslo.');
  assert.equal(await page.getByTestId('person-name-1').inputValue(), 'Sofie Holm');
  await page.getByTestId('person-role-1').selectOption('hr');
  await saved(page);

  await page.getByTestId('meeting-brief-0').click();
  await page.getByTestId('meeting-brief').waitFor();
  assert.match(await page.locator('h1').innerText(), /Meeting brief: Annual business review/);
  assert.equal(await page.getByTestId('brief-subtitle').innerText(), 'Nordhavn Logistics A/S · next on 2027-02-12 · with Jens Madsen');
  assert.match(await page.getByTestId('brief-attendees').innerText(), /No attendee ticked yet/);

  await page.getByTestId('brief-attendee-jens-madsen').check();
  await page.getByTestId('brief-attendee-anders-kjær').check();
  await page.getByTestId('brief-attendee-sofie-holm').check();
  await page.getByTestId('brief-questions').fill('Budget for the Norway expansion?\n\nWho signs the 2027 framework?');
  await page.getByTestId('brief-questions').press('Tab');
  await page.getByTestId('brief-ideas').fill('Picking robot pilot in Oslo');
  await page.getByTestId('brief-ideas').press('Tab');
  await saved(page);

  const rows = page.getByTestId('brief-attendee');
  await rows.nth(2).waitFor();
  const texts = await rows.allInnerTexts();
  assert.equal(texts.length, 3, texts.join('\n'));
  assert.match(texts[0], /Jens Madsen \(COO\)[\s\S]*Economic buyer[\s\S]*Status and exclusivity/);
  assert.match(texts.find((t) => t.includes('Anders Kjær')), /Technical evaluator[\s\S]*Figures and detail/);
  const sofieRow = texts.find((t) => t.includes('Sofie Holm'));
  assert.match(sofieRow, /HR \/ people director[\s\S]*References and relationships/);
  assert.deepEqual(await page.getByTestId('brief-question-list').locator('li').allInnerTexts(), ['Budget for the Norway expansion?', 'Who signs the 2027 framework?']);
  assert.deepEqual(await page.getByTestId('brief-idea-list').locator('li').allInnerTexts(), ['Picking robot pilot in Oslo']);
  assert.deepEqual(await page.getByTestId('brief-actions').locator('li').allInnerTexts(), [
    'Site visit in Oslo with Anders Kjær · due 2026-11-10 · Maria Lind',
    'Robot pilot proposal · due 2027-01-15 · Pekka Virtanen',
  ], 'open actions, the earliest due first');
  assert.match(await page.getByTestId('brief-promises').innerText(), /Spare robot parts within 48 hours · no date/);
  assert.match(await page.getByTestId('brief-complaints').innerText(), /2026-11-24 · Late delivery · Medium · Two pallets a day late in Oslo\. · Open/);
  const brief = await page.getByTestId('meeting-brief').innerText();
  assert.ok(!brief.includes('1971-03-14'), 'no birthday on the brief');
  await screenshot(page, 'meeting-brief');

  // Stored with the meeting: a reload shows the same brief.
  await page.reload();
  await ready(page);
  await page.getByTestId('brief-attendee').nth(2).waitFor();
  assert.ok(await page.getByTestId('brief-attendee-jens-madsen').isChecked());
  assert.equal(await page.getByTestId('brief-questions').inputValue(), 'Budget for the Norway expansion?\n\nWho signs the 2027 framework?');

  // One A4 page, with the preparation form and the app's frame left out.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId('brief-prepare').isVisible(), false);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(ARTIFACTS, 'meeting-brief.pdf'), pdf);
  await screenshot(page, 'meeting-brief-print');
  assert.equal(pdfPages(pdf), 1, 'the brief prints on one page');
  await page.emulateMedia({ media: 'screen' });

  // A meeting removed from the plan: its brief says so, with the way back.
  await open(page, NORDHAVN + '/brief/nothing-here');
  assert.match(await page.getByTestId('brief-not-found').innerText(), /not in the account's plan/);
  assert.deepEqual(page.errors, []);
});

test('the brief reads in the reader\'s language', async () => {
  const page = await openWithDemo(env, { at: TODAY, lang: 'ru' });
  await open(page, NORDHAVN);
  await page.getByTestId('meeting-brief-0').click();
  await page.getByTestId('meeting-brief').waitFor();
  assert.match(await page.locator('h1').innerText(), /^Справка к встрече: /);
  await page.getByTestId('brief-attendee-jens-madsen').check();
  await page.getByTestId('brief-attendee').first().waitFor();
  assert.match(await page.getByTestId('brief-convinces').first().innerText(), /Статус и эксклюзивность/);
  assert.deepEqual(page.errors, []);
});
