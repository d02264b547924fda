// Issue 16 point 8: the checks the articles state. Innovators are about 2.5 % of customers
// (the Russian article): tagging far more of them is named on the Key accounts page, and the
// warning goes when the tags do. The contact-freshness finding reads as knowledge going stale.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openWithDemo, screenshot, saved, dossierPath } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const TAGGED = ['Tallinna Sadamateenused AS', 'Narva Textiles AS', 'Lahti Furniture Works Oy'];

async function warnings(page) {
  await page.goto(env.url + '/key-accounts');
  await page.getByTestId('key-accounts-table').waitFor();
  const list = page.getByRole('region', { name: 'Warnings' });
  return (await list.count()) ? list.innerText() : '';
}

async function tag(page, account, on) {
  await page.goto(env.url + dossierPath(account));
  await page.getByTestId('dossier-title').filter({ hasText: account }).waitFor();
  const box = page.getByTestId('reason-innovator');
  if (on) await box.check(); else await box.uncheck();
  await saved(page);
}

test('far more innovators than the model expects are named, and the warning goes with the tags', async () => {
  const page = await openWithDemo(env);
  assert.doesNotMatch(await warnings(page), /tagged innovators/, 'the demo tags about as many as the articles say');
  for (const account of TAGGED) await tag(page, account, true);
  const text = await warnings(page);
  const m = text.match(/(\d+) of (\d+) customers \(([\d.]+)\s%\) are tagged innovators; the articles put innovators at about 2\.5\s% of customers/);
  assert.ok(m, text);
  const [tagged, customers, share] = [Number(m[1]), Number(m[2]), Number(m[3])];
  assert.ok(tagged >= TAGGED.length && tagged > 0.05 * customers, `${tagged} of ${customers}`);
  assert.equal(share.toFixed(1), (100 * tagged / customers).toFixed(1));
  await screenshot(page, 'key-accounts-many-innovators');
  for (const account of TAGGED) await tag(page, account, false);
  assert.doesNotMatch(await warnings(page), /tagged innovators/);
});
