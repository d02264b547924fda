// The import runs in a Web Worker: a large file reads with progress (rows per second, time left)
// while the page never blocks for more than 50 ms, Cancel stops it and stores nothing, and the
// worker works offline. Figures measured here are printed as "MEASURED …" lines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, ready, ARTIFACTS, screenshot } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const pad = (n) => String(n).padStart(2, '0');

/** `lines` order lines of `customers` customers over 2024–2025, ISO dates, decimal points. */
function ordersCsv(path, lines, customers) {
  const out = ['customer,order_date,revenue,profit'];
  for (let i = 0; i < lines; i++) {
    const c = (i * 7919) % customers;
    const m = 1 + (i % 24);
    const date = `${2024 + Math.floor((m - 1) / 12)}-${pad(((m - 1) % 12) + 1)}-${pad(1 + (i % 28))}`;
    out.push(`Customer ${c},${date},${(100 + (i % 900) + c / 10).toFixed(2)},${(10 + (i % 50)).toFixed(2)}`);
  }
  writeFileSync(path, out.join('\n') + '\n');
}

/** Records every text the progress line shows, and every long task (over 50 ms) of the page. */
async function watch(page) {
  await page.evaluate(() => {
    window.__progress = [];
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: false });
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid=import-progress] label');
      if (p && window.__progress.at(-1) !== p.textContent) window.__progress.push(p.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const rowsPerSecond = (texts) => Math.max(0, ...texts.map((t) => Number((/([\d,]+) rows\/s/.exec(t)?.[1] ?? '0').replace(/,/g, ''))));

test('200,000 lines import in the worker with progress, and the page never blocks for 50 ms', async () => {
  const file = join(ARTIFACTS, 'orders-200k.csv');
  ordersCsv(file, 200_000, 500);
  const page = await env.newPage();
  await page.goto(env.url + '/portfolio');
  await ready(page);
  await watch(page);
  const t0 = Date.now();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-summary').filter({ hasText: '200,000 rows imported, 0 skipped' }).waitFor({ timeout: 60_000 });
  const seconds = (Date.now() - t0) / 1000;
  const progress = await page.evaluate(() => window.__progress);
  const longTasks = await page.evaluate(() => window.__longTasks);
  console.log(`MEASURED 200,000 lines to the summary in ${seconds.toFixed(1)} s; fastest progress shown ${rowsPerSecond(progress).toLocaleString('en')} rows/s; long tasks during the read: ${longTasks.length ? longTasks.join(', ') + ' ms' : 'none (all under 50 ms)'}`);
  assert.ok(progress.some((t) => /^Reading rows… \d+ % · [\d,]+ rows · [\d,]+ rows\/s/.test(t)), `progress shows rows per second: ${progress.join(' | ')}`);
  assert.ok(progress.some((t) => /about \d+ s left/.test(t)), `progress shows the time left: ${progress.join(' | ')}`);
  assert.deepEqual(longTasks, [], 'no task of the page took more than 50 ms while the file was read');
  assert.equal(await page.getByTestId('map-account').locator('option:checked').innerText(), 'customer');

  await page.getByTestId('import-confirm').click();
  await page.getByTestId('accounts-table').waitFor();
  assert.match(await page.getByTestId('import-summary').innerText(), /orders-200k\.csv: 200,000 rows imported, 0 skipped · 500 new accounts, 0 updated/);
  assert.deepEqual(page.errors, []);
});

test('Cancel stops reading a large file and stores nothing', async () => {
  const file = join(ARTIFACTS, 'orders-1m.csv');
  ordersCsv(file, 1_000_000, 2_000);
  const page = await env.newPage();
  await page.goto(env.url + '/portfolio');
  await ready(page);
  await watch(page);
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-progress').filter({ hasText: 'rows/s' }).waitFor({ timeout: 60_000 });
  await screenshot(page, 'import-progress');
  await page.getByTestId('import-cancel').click();
  await page.getByTestId('import-progress').waitFor({ state: 'detached' });
  // The worker is gone: nothing more arrives, no summary appears, the mapping is closed.
  await page.waitForTimeout(1_000);
  assert.equal(await page.getByTestId('import-summary').count(), 0);
  assert.equal(await page.getByTestId('import-confirm').count(), 0);
  assert.equal(await page.getByTestId('import-progress').count(), 0);
  const longTasks = await page.evaluate(() => window.__longTasks);
  console.log(`MEASURED 1,000,000 lines until Cancel: long tasks ${longTasks.length ? longTasks.join(', ') + ' ms' : 'none'}; fastest progress ${rowsPerSecond(await page.evaluate(() => window.__progress)).toLocaleString('en')} rows/s`);
  await page.reload();
  await ready(page);
  assert.ok(await page.getByTestId('empty-state').isVisible(), 'nothing was stored');
  assert.deepEqual(page.errors, []);
});

// Last in this file: it takes the server down.
test('the import worker is precached: a file imports offline', async () => {
  const file = join(ARTIFACTS, 'orders-offline.csv');
  ordersCsv(file, 300, 12);
  const page = await env.newPage();
  await page.goto(env.url + '/portfolio');
  await ready(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await ready(page);
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'a service worker controls the page');
  await env.stopServer();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-summary').filter({ hasText: '300 rows imported, 0 skipped' }).waitFor({ timeout: 30_000 });
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('accounts-table').waitFor();
  assert.deepEqual(page.errors, []);
});
