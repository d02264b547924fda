import { setup, ready } from '/work/main/tests/e2e/helpers.mjs';
const env = await setup();
const page = await env.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
await page.goto(env.url + '/portfolio'); await ready(page);
await page.getByTestId('load-demo').click(); await page.getByTestId('accounts-table').waitFor();
await page.goto(env.url + process.argv[2]); await ready(page);
console.log(await page.evaluate(() => {
  const w = document.documentElement.clientWidth; const out = [];
  const walk = (el, depth) => { if (depth > 9) return; for (const c of el.children) { if (c.scrollWidth > w + 1 || c.getBoundingClientRect().right > w+1) { out.push(' '.repeat(depth) + c.tagName + '.' + c.className + ' sw=' + c.scrollWidth + ' cw=' + c.clientWidth + ' right=' + Math.round(c.getBoundingClientRect().right) + ' ox=' + getComputedStyle(c).overflowX); if (getComputedStyle(c).overflowX === 'visible') walk(c, depth + 1); } } };
  walk(document.body, 0); return out.slice(0, 40).join('\n');
}));
await env.close();
