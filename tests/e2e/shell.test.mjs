// The walking skeleton, as a first-time user meets it: every route, empty states, the demo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, screenshot, ready, openWithDemo, saved, dossierPath } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const ROUTES = [
  ['/portfolio', 'Portfolio'],
  ['/key-accounts', 'Key accounts'],
  ['/programme', 'Programme'],
  ['/settings', 'Settings'],
];

test('every route has its own URL, a heading and (when empty) an empty state', async () => {
  const page = await env.newPage();
  for (const [path, title] of ROUTES) {
    await page.goto(env.url + path);
    await ready(page);
    assert.equal(await page.locator('main h1').first().innerText(), title, `deep link ${path}`);
    if (path !== '/settings') {
      assert.ok(await page.getByTestId('empty-state').isVisible(), `${path} shows an empty state`);
    }
    await screenshot(page, `empty${path.replace('/', '-')}`);
  }
  assert.deepEqual(page.errors, []);
});

test('navigation links and the back button move between areas', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/');
  await ready(page);
  await page.getByRole('link', { name: 'Programme', exact: true }).click();
  await page.waitForURL('**/programme');
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.waitForURL('**/settings');
  assert.equal(await page.locator('main h1').innerText(), 'Settings');
  await page.goBack();
  await page.waitForURL('**/programme');
  assert.equal(await page.locator('main h1').innerText(), 'Programme');
  assert.equal(await page.locator('nav a[aria-current="page"]').innerText(), 'Programme');
  await page.goto(env.url + '/no-such-page');
  assert.equal(await page.locator('main h1').innerText(), 'Page not found');
});

test('the demo portfolio fills every area and survives a reload', async () => {
  const page = await openWithDemo(env);
  assert.equal(await page.getByTestId('account-row').count(), 40);
  assert.match(await page.getByTestId('notice').innerText(), /Demo portfolio loaded/);
  // The matrix accounts for every account, and a cell filters the table.
  const cells = await page.locator('.matrix-cell .cell-count').allInnerTexts();
  assert.equal(cells.map(Number).reduce((a, b) => a + b, 0), 40);
  const ax = Number(await page.locator('[data-testid="matrix-AX"] .cell-count').innerText());
  await page.getByTestId('matrix-AX').click();
  assert.equal(await page.getByTestId('account-row').count(), ax);
  await page.getByTestId('clear-matrix-filter').click();
  assert.equal(await page.getByTestId('account-row').count(), 40);
  await page.getByTestId('account-filter').fill('baltic');
  assert.equal(await page.getByTestId('account-row').count(), 1);
  await page.getByTestId('account-filter').fill('');
  await screenshot(page, 'portfolio');

  await page.getByRole('link', { name: 'Key accounts', exact: true }).click();
  await page.getByTestId('key-accounts-table').waitFor();
  assert.equal(await page.getByTestId('key-account-row').count(), 6);
  await screenshot(page, 'key-accounts');

  await page.getByTestId('key-accounts-table').getByRole('link', { name: 'Nordhavn Logistics A/S' }).click();
  await page.waitForURL('**/key-accounts/**');
  assert.equal(await page.getByTestId('dossier-title').innerText(), 'Nordhavn Logistics A/S');
  assert.equal(await page.getByTestId('dossier-sponsor').inputValue(), 'Henrik Berg (CEO)');
  assert.equal(await page.getByText('Sails on weekends').count(), 0, 'personal details are hidden by default');
  await screenshot(page, 'dossier');

  await page.getByRole('link', { name: 'Programme', exact: true }).click();
  await page.getByTestId('programme-steps').waitFor();
  assert.equal(await page.getByTestId('programme-step').count(), 7);
  assert.match(await page.getByTestId('programme-steps').innerText(), /of 6 key accounts have an executive sponsor/);
  await screenshot(page, 'programme');

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await screenshot(page, 'settings');

  await page.reload();
  await page.goto(env.url + '/portfolio');
  await page.getByTestId('accounts-table').waitFor();
  assert.equal(await page.getByTestId('account-row').count(), 40, 'the workspace is still there after a reload');
  assert.deepEqual(page.errors, []);
});

test('a dossier edit is saved and a cleared workspace can be brought back', async () => {
  const page = await openWithDemo(env);
  await page.goto(env.url + dossierPath('Baltic Timber Group'));
  await page.getByTestId('dossier-sponsor').fill('Eva Saar (CFO)');
  await page.getByTestId('dossier-overview').click();
  await saved(page);
  await page.reload();
  await page.getByTestId('dossier-sponsor').waitFor();
  assert.equal(await page.getByTestId('dossier-sponsor').inputValue(), 'Eva Saar (CFO)');

  await page.goto(env.url + '/settings');
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('clear-workspace').click();
  await page.getByTestId('undo').waitFor();
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  await page.getByTestId('empty-state').waitFor();
  await page.getByTestId('undo').click();
  await page.getByTestId('accounts-table').waitFor();
  assert.equal(await page.getByTestId('account-row').count(), 40, 'undo brings every account back');
  await page.reload();
  await page.getByTestId('accounts-table').waitFor();
  assert.equal(await page.getByTestId('account-row').count(), 40, 'and the undo is stored');
  assert.deepEqual(page.errors, []);
});

test('typing is saved without leaving the field, and a second tab sees the change', async () => {
  const page = await openWithDemo(env);
  const second = await page.context().newPage();
  await second.goto(env.url + dossierPath('Baltic Timber Group'));
  await second.getByTestId('dossier-overview').waitFor();

  await page.goto(env.url + dossierPath('Baltic Timber Group'));
  await page.getByTestId('dossier-overview').pressSequentially('Sawmills, typed live', { delay: 10 });
  await saved(page);
  // The other tab was told and read the store again.
  await second.getByTestId('notice').filter({ hasText: 'another tab' }).waitFor();
  assert.match(await second.getByTestId('dossier-overview').inputValue(), /Sawmills, typed live$/);
  await page.reload();
  await page.getByTestId('dossier-overview').waitFor();
  assert.match(await page.getByTestId('dossier-overview').inputValue(), /Sawmills, typed live$/);

  // Both tabs type into different fields of the same dossier at the same time: each save
  // replays only its own typing on the latest stored dossier, so neither overwrites the other.
  await page.getByTestId('dossier-history').click();
  await page.keyboard.type('Founded 1994', { delay: 5 });
  await second.getByTestId('dossier-financials').click();
  await second.keyboard.type('Turnover 120 M EUR', { delay: 5 });
  await page.getByTestId('dossier-history').press('Tab');
  await second.getByTestId('dossier-financials').press('Tab');
  await saved(page);
  await saved(second);
  await page.waitForTimeout(300);
  const third = await page.context().newPage();
  await third.goto(env.url + dossierPath('Baltic Timber Group'));
  await third.getByTestId('dossier-history').waitFor();
  assert.equal(await third.getByTestId('dossier-history').inputValue(), 'Founded 1994');
  assert.equal(await third.getByTestId('dossier-financials').inputValue(), 'Turnover 120 M EUR');

  await page.goto(env.url + '/settings');
  await page.getByTestId('storage-status').filter({ hasText: 'Storage used' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('a newer release opening in another tab: this tab gives way and says to reload, and nothing saved is lost', async () => {
  const page = await openWithDemo(env);
  // The other tab stands in for the next release (the schema version after this one's): it
  // announces itself as the app does before opening, then opens the database at its version.
  // A same-origin page that does not run the app does for this.
  const other = await page.context().newPage();
  await other.goto(env.url + '/manifest.webmanifest');
  const accounts = await other.evaluate(async () => {
    const current = (await indexedDB.databases()).find((d) => d.name === 'kam-planner').version;
    const next = current + 1;
    new BroadcastChannel('kam-planner-schema').postMessage(`${next} kam-planner`);
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('kam-planner', next);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('the upgrade is blocked by the open tab'));
    });
    const count = await new Promise((resolve) => {
      const r = db.transaction('accounts').objectStore('accounts').count();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return count;
  });
  assert.equal(accounts, 40, 'the upgrade found every account');
  const banner = page.getByTestId('error-banner');
  await banner.filter({ hasText: 'updated in another tab' }).waitFor();
  assert.match(await banner.innerText(), /Reload this page/);
  await screenshot(page, 'superseded-by-another-tab');
  // A change tried afterwards is refused with the same words, not a storage error.
  await page.locator('[data-testid="account-row"] button.key-toggle[aria-pressed="false"]').first().click();
  await banner.filter({ hasText: 'updated in another tab' }).waitFor();
  assert.doesNotMatch(await banner.innerText(), /private window|refused to store/);
});

test('opening while an older release in another tab holds the database: the page says what it waits for', async () => {
  // The other tab stands in for a release without this one's courtesy: it keeps its
  // connection open at version 1 and does not give way, so this page's upgrade waits.
  const other = await env.newPage();
  await other.goto(env.url + '/manifest.webmanifest');
  await other.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open('kam-planner', 1);
    request.onsuccess = () => { window.held = request.result; resolve(); };
    request.onerror = () => reject(request.error);
  }));
  const page = await other.context().newPage();
  await page.goto(env.url + '/');
  await page.getByText('Opening your workspace').waitFor();
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.loading-slow')).visibility === 'visible', null, { timeout: 10000 });
  assert.match(await page.locator('.loading-slow').innerText(), /open in another tab, close or reload that tab/);
  await screenshot(page, 'waiting-for-another-tab');
  // Once the other tab lets go, the upgrade runs and the app opens.
  await other.evaluate(() => window.held.close());
  await ready(page);
  assert.equal(await page.locator('main h1').first().innerText(), 'Portfolio');
});
