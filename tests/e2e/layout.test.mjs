// Issue 17: workshop-ready on every screen. Every screen, and workshop mode on a dossier, at
// the projector, laptop, tablet and phone sizes: the page never scrolls sideways (wide tables
// scroll inside their own box), and axe stays at zero serious or critical violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, ready, screenshot, dossierPath, axe } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const SIZES = [
  { width: 1024, height: 768, touch: false },
  { width: 1280, height: 720, touch: false },
  { width: 1366, height: 768, touch: false },
  { width: 768, height: 1024, touch: true },
  { width: 390, height: 844, touch: true },
];
const DOSSIER = dossierPath('Nordhavn Logistics A/S');
const SCREENS = ['/portfolio', '/key-accounts', '/key-accounts?view=manager&manager=Maria%20Lind', '/key-accounts?view=sponsors', '/key-accounts?view=head', DOSSIER, DOSSIER + '/plan', DOSSIER + '/brief/%230', '/programme', '/reminders', '/calendar', '/report', '/settings', '/guide'];

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

/** On a touch screen, controls smaller than 44 px in either direction (WCAG 2.5.5). */
async function smallTargets(page) {
  return page.evaluate(() => {
    const out = [];
    const coarse = matchMedia('(pointer: coarse)').matches;
    if (!coarse) return ['the touch screen does not report a coarse pointer'];
    for (const el of document.querySelectorAll('button, a[href], select, input:not([type="checkbox"]):not([type="radio"]):not([type="file"]), summary')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('svg, .visually-hidden, .skip-link')) continue;
      // Links inside running text are exempt (WCAG's inline exception).
      if (el.tagName === 'A' && getComputedStyle(el).display === 'inline' && !el.closest('nav')) continue;
      if (r.height < 43.5 || r.width < 43.5) out.push(`${el.tagName.toLowerCase()}[data-testid=${el.dataset.testid ?? ''}] "${(el.textContent ?? '').trim().slice(0, 24)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      if (out.length > 8) break;
    }
    return out;
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
      if (size.touch) for (const c of await smallTargets(page)) problems.push(`${path}: touch target under 44 px: ${c}`);
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

test('the dossier: the section list marks where you are, sections fold, workshop mode shows one section at a time', async () => {
  const page = await env.newPage({ viewport: { width: 1024, height: 768 } });
  await page.goto(env.url + '/portfolio');
  await ready(page);
  await page.getByTestId('load-demo').click();
  await page.getByTestId('accounts-table').waitFor();
  await page.goto(env.url + DOSSIER);
  await ready(page);
  const current = () => page.getByTestId('section-nav').locator('a[aria-current="location"]').innerText();
  assert.match(await current(), /General/);
  // Scrolling to a section marks it in the sticky list.
  await page.evaluate(() => document.getElementById('sec-metrics').scrollIntoView());
  await page.waitForFunction(() => /Metrics/.test(document.querySelector('[data-testid="section-nav"] a[aria-current="location"]')?.textContent ?? ''));
  assert.ok(await page.getByTestId('section-nav').isVisible(), 'the section list stays in reach');

  // A section folds and unfolds; its button says which.
  const people = page.getByTestId('section-people');
  await people.getByTestId('section-toggle').click();
  assert.equal(await people.getByTestId('section-toggle').getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#sec-people-body').isVisible(), false);
  await people.getByTestId('section-toggle').click();
  assert.equal(await page.locator('#sec-people-body').isVisible(), true);

  // A name longer than the field's first width is shown whole: the field grows with it.
  await page.getByTestId('person-title-0').fill('Operations Director, Northern Europe');
  const cut = await page.getByTestId('person-title-0').evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  assert.equal(cut, false, 'the title is not cut');

  // Workshop mode: one section at a time, stepped with the buttons and the { } keys.
  await page.getByTestId('section-nav').getByRole('link', { name: /General/ }).click();
  await page.getByTestId('workshop-toggle').click();
  await page.getByTestId('section-stepper').waitFor();
  const shown = () => page.locator('section.dossier-section:visible').evaluateAll((els) => els.map((e) => e.dataset.testid));
  assert.deepEqual(await shown(), ['section-general']);
  assert.match(await page.getByTestId('section-position').innerText(), /General — section 1 of 13/);
  await page.locator('h1').click();
  await page.keyboard.press('}');
  assert.deepEqual(await shown(), ['section-qualification']);
  await page.getByTestId('section-next').click();
  assert.deepEqual(await shown(), ['section-timeline']);
  await page.keyboard.press('{');
  await page.keyboard.press('{');
  assert.deepEqual(await shown(), ['section-general']);
  await page.keyboard.press('{');
  assert.deepEqual(await shown(), ['section-status'], 'stepping wraps around');
  const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(over <= 0, `workshop mode fits 1024 px (${over} px too wide)`);
  await screenshot(page, 'layout-1024x768-workshop-one-section');
  // The section list still jumps straight to a section.
  await page.getByTestId('section-nav').getByRole('link', { name: /Competitors/ }).click();
  assert.deepEqual(await shown(), ['section-competitors']);
});

test('the matrix names its bubbles without one name covering another', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/portfolio');
  await ready(page);
  await page.getByTestId('load-demo').click();
  await page.getByTestId('accounts-table').waitFor();
  await page.goto(env.url + '/key-accounts');
  await page.getByTestId('portfolio-matrix').waitFor();
  const overlaps = await page.evaluate(() => {
    const labels = [...document.querySelectorAll('[data-testid="portfolio-matrix"] .bubble-label')].map((t) => t.getBBox());
    const bubbles = [...document.querySelectorAll('[data-testid="portfolio-matrix"] circle')].map((c) => ({ x: +c.getAttribute('cx'), y: +c.getAttribute('cy'), r: +c.getAttribute('r') }));
    const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const out = [];
    labels.forEach((a, i) => labels.forEach((b, j) => { if (i < j && hit(a, b)) out.push(`labels ${i} and ${j}`); }));
    labels.forEach((a, i) => bubbles.forEach((c, j) => {
      if (i === j) return;
      const nx = Math.max(a.x, Math.min(c.x, a.x + a.width)); const ny = Math.max(a.y, Math.min(c.y, a.y + a.height));
      if ((nx - c.x) ** 2 + (ny - c.y) ** 2 < c.r ** 2 - 1) out.push(`label ${i} on bubble ${j}`);
    }));
    return { count: labels.length, out };
  });
  assert.ok(overlaps.count >= 2, 'the demo has scored bubbles');
  assert.deepEqual(overlaps.out, []);
  await screenshot(page, 'key-accounts-matrix-labels');
});

test('on a phone the navigation is a menu, reachable by keyboard, and closes once a page is chosen', async () => {
  const page = await env.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await page.goto(env.url + '/portfolio');
  await ready(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  assert.equal(await nav.isVisible(), false, 'folded away at first');
  assert.ok(await page.getByTestId('save-state').isVisible(), 'the save state stays visible');
  assert.ok(await page.getByTestId('workshop-toggle').isVisible(), 'the workshop button stays visible');
  const toggle = page.getByTestId('menu-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await nav.isVisible());
  await page.keyboard.press('Escape');
  assert.equal(await nav.isVisible(), false, 'Escape folds it again');
  await toggle.click();
  await screenshot(page, 'layout-390x844-menu-open');
  await nav.getByRole('link', { name: 'Programme', exact: true }).click();
  await page.waitForURL('**/programme');
  assert.equal(await nav.isVisible(), false, 'choosing a page closes the menu');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
});
