// Two people, two browser profiles, one plan sent back and forth as files: every edit survives
// by the merge's rules, conflicts are shown with a choice, personal details never leave A nor
// get wiped, and at the end both hold identical workspaces (issue 13's acceptance).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setup, ready, ARTIFACTS, openWithDemo, download, dossierPath, saved, type } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const NORDHAVN = 'Nordhavn Logistics A/S';

async function exportFile(page, { personal }) {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const box = page.getByTestId('export-include-personal');
  if (personal) await box.check(); else await box.uncheck();
  return download(page, 'export-workspace');
}

async function preview(page, file) {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByTestId('import-workspace').setInputFiles(file.path);
  const p = page.getByTestId('workspace-import-preview');
  await p.waitFor();
  return p;
}

async function merge(page, file) {
  await preview(page, file);
  await page.getByTestId('import-apply').click();
  await page.getByTestId('notice').filter({ hasText: 'Merged' }).waitFor();
}

async function openNordhavn(page) {
  await page.goto(env.url + dossierPath(NORDHAVN));
  await page.getByTestId('dossier-overview').waitFor();
}

test('two copies edited apart and exchanged as files end identical, with every edit and A\'s personal details', async () => {
  const a = await openWithDemo(env);
  const b = await env.newPage();
  await b.goto(env.url + '/settings');
  await ready(b);
  // A sends the whole plan to B, who starts from it.
  const start = await exportFile(a, { personal: true });
  await b.getByTestId('import-workspace').setInputFiles(start.path);
  await b.getByTestId('workspace-import-preview').waitFor();
  await b.getByTestId('import-choice-replace').check();
  await b.getByTestId('import-apply').click();
  await b.getByTestId('notice').filter({ hasText: 'Replaced' }).waitFor();

  // Edits made apart. A first, then B, so that B's edits are the later ones.
  await openNordhavn(a);
  await type(a, 'dossier-goals', 'Goals by A');
  await type(a, 'dossier-overview', 'Overview by A');
  await type(a, 'dossier-market', 'Market by A');
  const competitorName = await a.getByTestId('competitor-name-0').inputValue();
  await a.getByTestId('remove-competitor-0').click();
  await a.getByTestId('show-personal').check();
  await type(a, 'person-phone-0', '+45 7070 1234');
  await saved(a);

  await openNordhavn(b);
  await type(b, 'dossier-strategy', 'Strategy by B');
  await type(b, 'dossier-overview', 'Overview by B');
  await type(b, 'dossier-market', 'Market by B');
  assert.equal(await b.getByTestId('competitor-name-0').inputValue(), competitorName);
  await type(b, 'competitor-offering-0', 'Offering edited by B');
  await saved(b);

  // Exchange 1: B → A, without personal details. Two conflicts; A keeps its market text.
  const f1 = await exportFile(b, { personal: false });
  const p1 = await preview(a, f1);
  assert.match(await p1.innerText(), /40 accounts in the file: 0 new, 1 changed, 39 unchanged/);
  assert.match(await p1.innerText(), /3 values were changed both here and in the file/);
  const conflicts = a.getByTestId('merge-conflict');
  assert.equal(await conflicts.count(), 3, 'overview, market, and the competitor A deleted and B edited');
  assert.match(await conflicts.filter({ hasText: 'Offering' }).innerText(), /yours: \(deleted\); theirs: “Offering edited by B”\. Keeping theirs/);
  const market = conflicts.filter({ hasText: 'Market' });
  assert.match(await market.innerText(), /yours: “Market by A”; theirs: “Market by B”\. Keeping theirs/);
  await market.getByTestId('keep-mine').click();
  assert.match(await market.innerText(), /Keeping yours/);
  assert.match(await conflicts.filter({ hasText: 'Overview' }).innerText(), /Keeping theirs/);
  assert.ok(await a.getByTestId('merge-change').filter({ hasText: 'Strategy' }).count() === 1);
  await p1.screenshot({ path: join(ARTIFACTS, 'merge-preview-conflicts.png') });
  await a.getByTestId('import-apply').click();
  await a.getByTestId('notice').filter({ hasText: 'Merged' }).waitFor();

  // Exchange 2: A → B, without personal details.
  const f2 = await exportFile(a, { personal: false });
  assert.ok(!f2.text.includes('7070 1234') && !f2.text.includes('Sails on weekends'), 'no personal details leave A');
  await merge(b, f2);
  // Exchange 3: B → A, with personal details (B's are the older ones from the start).
  const f3 = await exportFile(b, { personal: true });
  const p3 = await preview(a, f3);
  if (await a.getByTestId('import-apply').isEnabled()) {
    await a.getByTestId('import-apply').click();
    await a.getByTestId('notice').filter({ hasText: 'Merged' }).waitFor();
  } else {
    assert.match(await p3.innerText(), /Nothing to change/);
  }
  // And A → B with everything, so that B has A's personal details too.
  const f4 = await exportFile(a, { personal: true });
  await merge(b, f4);

  // Every edit is there, on both sides, by the stated rules.
  for (const page of [a, b]) {
    await openNordhavn(page);
    assert.equal(await page.getByTestId('dossier-goals').inputValue(), 'Goals by A', 'different fields: both kept');
    assert.equal(await page.getByTestId('dossier-strategy').inputValue(), 'Strategy by B');
    assert.equal(await page.getByTestId('dossier-overview').inputValue(), 'Overview by B', 'the same field: the later edit');
    assert.equal(await page.getByTestId('dossier-market').inputValue(), 'Market by A', "A's choice wins everywhere");
    const offerings = await page.locator('[data-testid^="competitor-offering-"]').evaluateAll((els) => els.map((e) => e.value));
    assert.ok(offerings.includes('Offering edited by B'), 'an item edited after its deletion elsewhere is kept');
    await page.getByTestId('show-personal').check();
    assert.equal(await page.getByTestId('person-phone-0').inputValue(), '+45 7070 1234', "A's personal details are intact");
    assert.equal(await page.getByTestId('person-notes-0').inputValue(), 'Sails on weekends; two daughters.');
  }

  // Both export identical workspaces.
  const endA = JSON.parse((await exportFile(a, { personal: true })).text);
  const endB = JSON.parse((await exportFile(b, { personal: true })).text);
  assert.deepEqual(endB.data, endA.data, 'the two copies converged');

  // Importing the same file again changes nothing.
  const again = await preview(b, f4);
  assert.match(await again.innerText(), /Nothing to change/);
  assert.ok(await b.getByTestId('import-apply').isDisabled());
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
});

test('two tabs of one browser changing the same field end with the same value', async () => {
  const a = await openWithDemo(env);
  const tab2 = await a.context().newPage();
  tab2.errors = [];
  tab2.on('pageerror', (e) => tab2.errors.push(String(e)));
  await openNordhavn(a);
  await tab2.goto(env.url + dossierPath(NORDHAVN));
  await tab2.getByTestId('dossier-overview').waitFor();
  await type(a, 'dossier-overview', 'First tab');
  await saved(a);
  await type(tab2, 'dossier-overview', 'Second tab');
  await saved(tab2);
  // The first tab hears of the change and shows the stored value; both export the same stamps.
  await a.getByTestId('dossier-overview').and(a.locator(':not(:focus)')).waitFor();
  await a.waitForFunction(() => document.querySelector('[data-testid="dossier-overview"]').value === 'Second tab');
  const fa = JSON.parse((await exportFile(a, { personal: true })).text);
  const fb = JSON.parse((await exportFile(tab2, { personal: true })).text);
  assert.deepEqual(fa.data, fb.data);
  assert.deepEqual(tab2.errors, []);
});
