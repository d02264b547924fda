// Privacy and accessibility across the whole app: no request leaves the page's origin, and
// axe-core finds no serious or critical violation on any screen, empty or full.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, ready, dossierPath, axe } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const SCREENS = ['/portfolio', '/key-accounts', dossierPath('Nordhavn Logistics A/S'), dossierPath('Nordhavn Logistics A/S') + '/plan', '/programme', '/reminders', '/calendar', '/report', '/settings', '/guide'];

test('no request leaves the page\'s origin while a user goes through the whole app', async () => {
  const page = await env.newPage();
  const foreign = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return; // data:, blob:
    if (url.origin !== env.url) foreign.push(r.url());
  });
  await page.goto(env.url + '/portfolio');
  await ready(page);
  await page.getByTestId('load-demo').click();
  await page.getByTestId('accounts-table').waitFor();
  await page.getByTestId('matrix-AX').click();
  for (const path of SCREENS) {
    await page.goto(env.url + path);
    await ready(page);
  }
  await page.goto(env.url + SCREENS[2]);
  await page.getByTestId('show-personal').check();
  await page.goto(env.url + '/settings');
  await page.getByTestId('setting-measure').selectOption('profit');
  assert.deepEqual(foreign, [], 'every request stays on the app\'s own origin');
});

test('axe finds no serious or critical violation on any screen', async () => {
  const page = await env.newPage();
  const problems = [];
  for (const path of ['/portfolio', '/key-accounts', '/key-accounts?view=manager&manager=Maria%20Lind', '/key-accounts?view=sponsors', '/key-accounts?view=head', dossierPath('Nordhavn Logistics A/S') + '/brief/%230', '/programme', '/reminders', '/calendar', '/settings']) {
    await page.goto(env.url + path);
    await ready(page);
    for (const v of await axe(page)) problems.push(`empty ${path}: ${v}`);
  }
  await page.goto(env.url + '/portfolio');
  await page.getByTestId('load-demo').click();
  await page.getByTestId('accounts-table').waitFor();
  for (const path of SCREENS) {
    await page.goto(env.url + path);
    await ready(page);
    for (const v of await axe(page)) problems.push(`${path}: ${v}`);
  }
  // Workshop mode changes type and colours: checked on its busiest screen.
  await page.goto(env.url + SCREENS[2]);
  await ready(page);
  await page.getByTestId('workshop-toggle').click();
  await page.getByTestId('workshop-position').waitFor();
  for (const v of await axe(page)) problems.push(`workshop ${SCREENS[2]}: ${v}`);
  assert.deepEqual(problems, []);
});

test('the main actions are reachable with the keyboard', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/portfolio');
  await ready(page);
  // Tab from the top of the page to the demo button and press Enter.
  let found = false;
  for (let i = 0; i < 20 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.dataset?.testid === 'load-demo');
  }
  assert.ok(found, 'the demo button is reachable by Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused element shows a focus ring');
  await page.keyboard.press('Enter');
  await page.getByTestId('accounts-table').waitFor();
  // A matrix cell filters the table from the keyboard too.
  await page.getByTestId('matrix-AX').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('matrix-AX').getAttribute('aria-pressed'), 'true');
});

test('the app runs under a strict Content-Security-Policy', async () => {
  const page = await env.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto(env.url + '/portfolio');
  await ready(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
  await page.getByTestId('load-demo').click();
  await page.getByTestId('accounts-table').waitFor();
  await page.goto(env.url + '/settings');
  await page.getByTestId('export-workspace').waitFor();
  // Injected markup must not run: a script in the page is refused by the policy.
  const ran = await page.evaluate(() => new Promise((resolve) => {
    window.__injected = false;
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
    setTimeout(() => resolve(window.__injected), 50);
  }));
  assert.equal(ran, false, 'an inline script added to the page does not run');
  assert.ok(violations.length >= 1 && violations.every((v) => /inline script/i.test(v)), violations.join('\n'));
});
