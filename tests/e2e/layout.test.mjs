// Issue 17: workshop-ready on every screen. Every screen, and workshop mode on a dossier, at
// the projector, laptop, tablet and phone sizes: the page never scrolls sideways (wide tables
// scroll inside their own box), and axe stays at zero serious or critical violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { setup, ready, screenshot, dossierPath } from './helpers.mjs';

const require = createRequire(import.meta.url);
let env;
let axeSource;
before(async () => {
  env = await setup();
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
});
after(async () => { await env?.close(); });

const SIZES = [
  { width: 1024, height: 768, touch: false },
  { width: 1280, height: 720, touch: false },
  { width: 1366, height: 768, touch: false },
  { width: 768, height: 1024, touch: true },
  { width: 390, height: 844, touch: true },
];
const DOSSIER = dossierPath('Nordhavn Logistics A/S');
const SCREENS = ['/portfolio', '/key-accounts', DOSSIER, DOSSIER + '/plan', '/programme', '/reminders', '/calendar', '/report', '/settings'];

/** How far the page scrolls sideways, and the widest elements that stick out (for the message). */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = document.documentElement.scrollWidth - width;
    const culprits = [];
    if (over > 0) {
      const clipped = (el) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible') return true;
        }
        return false;
      };
      for (const el of document.querySelectorAll('body *')) {
        if (clipped(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0) {
          // Only the outermost element that sticks out, not all its children.
          if (!culprits.some((c) => c.el.contains(el))) culprits.push({ el, text: `${el.tagName.toLowerCase()}.${el.className} (${Math.round(r.right)} px)` });
        }
        if (culprits.length > 4) break;
      }
    }
    return { over, culprits: culprits.map((c) => c.text) };
  });
}

async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

for (const size of SIZES) {
  const tag = `${size.width}x${size.height}`;
  test(`no screen scrolls sideways at ${tag}, workshop mode included`, async () => {
    const page = await env.newPage({ viewport: { width: size.width, height: size.height }, hasTouch: size.touch, isMobile: size.touch && size.width < 500 });
    await page.goto(env.url + '/portfolio');
    await ready(page);
    await page.getByTestId('load-demo').click();
    await page.getByTestId('accounts-table').waitFor();
    const problems = [];
    for (const path of SCREENS) {
      await page.goto(env.url + path);
      await ready(page);
      const { over, culprits } = await overflow(page);
      if (over > 0) problems.push(`${path}: ${over} px sideways (${culprits.join(', ')})`);
      for (const v of await axe(page)) problems.push(`${path}: ${v}`);
      const name = path === '/' ? 'home' : path.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-');
      await screenshot(page, `layout-${tag}-${name}`);
    }
    await page.goto(env.url + DOSSIER);
    await ready(page);
    await page.getByTestId('workshop-toggle').click();
    await page.getByTestId('workshop-position').waitFor();
    const { over, culprits } = await overflow(page);
    if (over > 0) problems.push(`workshop ${DOSSIER}: ${over} px sideways (${culprits.join(', ')})`);
    for (const v of await axe(page)) problems.push(`workshop: ${v}`);
    await screenshot(page, `layout-${tag}-workshop-dossier`);
    assert.deepEqual(problems, []);
  });
}
