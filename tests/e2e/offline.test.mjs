// Once loaded, the app opens and works with the network gone (its own server taken down), and
// it can be installed (web manifest, service worker).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, ready, screenshot, openWithDemo } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('the app opens and works offline after one visit', async () => {
  const page = await openWithDemo(env);
  // The service worker has installed and controls the page.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.getByTestId('accounts-table').waitFor();
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'a service worker controls the page');
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
  assert.equal(manifest.name, 'KAM Planner');
  assert.equal(manifest.display, 'standalone');

  await env.stopServer();
  await page.goto(env.url + '/key-accounts');
  await page.getByTestId('key-accounts-table').waitFor();
  assert.equal(await page.getByTestId('key-account-row').count(), 6, 'the stored workspace opens offline');
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  await page.getByTestId('accounts-table').waitFor();
  await page.getByTestId('matrix-AX').click();
  assert.ok(await page.getByTestId('account-row').count() > 0, 'and the app still works');
  await screenshot(page, 'offline-portfolio');
});
