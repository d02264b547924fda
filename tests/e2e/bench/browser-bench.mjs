// Browser timings of the release build, printed as medians (run by scripts/bench, never by
// scripts/test): first render of the Portfolio with the demo data (10 cold loads), and the
// import of 1,000,000 generated order lines (time to the summary, time to stored and shown,
// and the longest main-thread task while it runs).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, ARTIFACTS } from '../helpers.mjs';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function millionLines(path) {
  // 10,000 accounts × 100 lines over 36 months, semicolons and decimal commas like a real export.
  const parts = ['Customer;Date;Revenue;Profit\n'];
  let s = 1;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 1_000_000; i++) {
    const account = i % 10_000;
    const month = Math.floor(rand() * 36);
    const y = 2023 + Math.floor(month / 12), m = (month % 12) + 1, d = 1 + Math.floor(rand() * 28);
    const revenue = (100 + rand() * 900 * (1 + 1000 / (1 + account))).toFixed(2).replace('.', ',');
    parts.push(`Customer ${account};${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y};${revenue};${(rand() * 50).toFixed(2).replace('.', ',')}\n`);
  }
  writeFileSync(path, parts.join(''));
}

const env = await setup();
try {
  // First render: navigation start → the accounts table with the demo data, cold profile each time.
  const firstRender = [];
  for (let i = 0; i < 10; i++) {
    const page = await env.newPage();
    await page.goto(env.url + '/portfolio');
    await page.getByTestId('load-demo').click();
    await page.getByTestId('accounts-table').waitFor();
    await page.goto(env.url + '/portfolio');
    await page.getByTestId('accounts-table').waitFor();
    firstRender.push(await page.evaluate(() => performance.now()));
    await page.context().close();
  }
  console.log(`BENCH first render of the Portfolio with demo data: median ${median(firstRender).toFixed(0)} ms over 10 loads`);

  const file = join(ARTIFACTS, 'million-lines.csv');
  millionLines(file);
  const page = await env.newPage();
  if (process.env.BENCH_TRACE) page.on('console', (m) => console.log('  console:', m.text()));
  await page.goto(env.url + '/portfolio');
  await page.getByTestId('empty-state').waitFor();
  await page.evaluate(() => {
    window.__longest = 0;
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__longest = Math.max(window.__longest, e.duration);
        if (e.duration > 200) window.__tasks.push(Math.round(e.duration));
      }
    }).observe({ type: 'longtask', buffered: false });
  });
  const t0 = Date.now();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByText('1,000,000 rows imported').waitFor({ timeout: 120_000 });
  const toSummary = Date.now() - t0;
  const longestReading = await page.evaluate(() => window.__longest);
  const t1 = Date.now();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('accounts-table').waitFor({ timeout: 120_000 });
  const toStored = Date.now() - t1;
  const longest = await page.evaluate(() => window.__longest);
  const over200 = await page.evaluate(() => window.__tasks);
  console.log(`BENCH import of 1,000,000 order lines: ${(toSummary / 1000).toFixed(1)} s to the summary (longest main-thread task ${longestReading.toFixed(0)} ms), then ${(toStored / 1000).toFixed(1)} s to stored and segmented (longest task overall ${longest.toFixed(0)} ms; tasks over 200 ms: ${over200.length ? over200.join(', ') + ' ms' : 'none'})`);
} finally {
  await env.close();
}
