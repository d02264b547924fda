// Issue 16 point 9: the guide inside the app. Every rule, threshold and finding on the main
// screens links to a topic that explains it, names the article it comes from (with the
// article's own words) or marks it as the app's own addition; in the reader's language; offline
// once read; and a guide that cannot be fetched says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, screenshot, ready, openWithDemo, axe, ROOT } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const guide = (tag) => JSON.parse(readFileSync(join(ROOT, `locales/guide/${tag}.json`), 'utf8'));
const quotes = JSON.parse(readFileSync(join(ROOT, 'locales/guide/quotes.json'), 'utf8'));
const en = guide('en');
const TOPICS = Object.keys(en.topics);

async function firstDossier(page) {
  await page.goto(env.url + '/key-accounts');
  await ready(page);
  return page.locator('main a[href^="/key-accounts/"]').first().getAttribute('href');
}

test('a rule\'s link opens its topic: the explanation, the article\'s words and where it comes from', async () => {
  const page = await openWithDemo(env);
  await page.goto(env.url + '/settings');
  await ready(page);
  const link = page.locator('[data-testid="guide-link"][data-topic="dependency"]').first();
  assert.match(await link.getAttribute('aria-label'), /Dependency on one account/);
  await link.click();
  await page.waitForURL(/\/guide#dependency$/);
  const topic = page.locator('#dependency');
  await topic.getByRole('heading', { name: 'Dependency on one account' }).waitFor();
  // Brought into view and focused, so a keyboard or screen-reader user lands on it too.
  await page.waitForFunction(() => document.activeElement?.id === 'dependency');
  const box = await topic.boundingBox();
  assert.ok(box.y >= 0 && box.y < 720, `the topic is in view (top at ${box.y})`);
  const text = await topic.innerText();
  assert.ok(text.includes(en.topics.dependency[0]), 'the explanation');
  assert.ok(text.includes('From the Russian article.'), 'where it comes from');
  const quote = topic.getByTestId('guide-quote');
  assert.equal(await quote.getAttribute('lang'), 'ru');
  assert.equal((await quote.innerText()).trim(), quotes.dependency);
  assert.ok(quotes.dependency.includes('20%'), 'the quotation is the article\'s');
  await screenshot(page, 'guide-dependency');

  // Every topic is there, each with its texts; the app's own additions say so and quote nothing.
  assert.equal(await page.getByTestId('guide-topic').count(), TOPICS.length);
  const health = page.locator('#health');
  assert.match(await health.getByTestId('guide-origin').innerText(), /The app's own addition/);
  assert.equal(await health.getByTestId('guide-quote').count(), 0);
  assert.match(await page.locator('#abc').getByTestId('guide-origin').innerText(), /Javanese article; the numbers and checks are the app's own/);
  // The table of contents reaches each topic on the page.
  await page.locator('nav.guide-toc a[href="#movement"]').click();
  await page.waitForFunction(() => location.hash === '#movement');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors.filter((e) => !/favicon/.test(e)), []);
});

test('the main screens link their rules to the guide, and every link leads to a topic', async () => {
  const page = await openWithDemo(env);
  const dossier = await firstDossier(page);
  const linked = new Set();
  for (const route of ['/portfolio', '/key-accounts', '/programme', '/reminders', '/calendar', '/settings', dossier]) {
    await page.goto(env.url + route);
    await ready(page);
    await page.waitForTimeout(150);
    const links = await page.locator('[data-testid="guide-link"]').evaluateAll((as) => as.map((a) => ({
      topic: a.dataset.topic, href: a.getAttribute('href'), name: a.getAttribute('aria-label') ?? a.textContent,
    })));
    assert.ok(links.length > 0, `${route} links to the guide`);
    for (const l of links) {
      assert.ok(TOPICS.includes(l.topic), `${route}: ${l.topic} is a topic`);
      assert.equal(l.href, `/guide#${l.topic}`);
      assert.ok(l.name.trim().length > 3, `${route}: the link to ${l.topic} has a name`);
      linked.add(l.topic);
    }
  }
  // The dossier's thirteen sections and the seven steps each lead somewhere.
  await page.goto(env.url + dossier);
  await ready(page);
  assert.equal(await page.locator('.dossier-section h2 [data-testid="guide-link"]').count(), 13);
  await page.goto(env.url + '/programme');
  await ready(page);
  assert.equal(await page.locator('[data-testid="programme-step"] h2 [data-testid="guide-link"]').count(), 7);
  const unlinked = TOPICS.filter((t) => !linked.has(t));
  assert.ok(linked.size >= 28, `most topics are linked from the screens (${linked.size}; not: ${unlinked.join(', ')})`);
});

test('the guide speaks the reader\'s language and switches without a reload', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/guide#losing');
  await page.locator('#losing h2').waitFor();
  await page.evaluate(() => { window.notReloaded = true; });
  await page.getByTestId('language-picker').selectOption('et');
  const et = guide('et');
  await page.locator('#losing').getByText(et.topics.losing[0]).waitFor();
  assert.ok(await page.evaluate(() => window.notReloaded), 'no reload');
  const text = await page.locator('main').innerText();
  assert.ok(text.includes(et.intro[0]), 'the introduction in Estonian');
  assert.ok(!text.includes(en.topics.losing[0]), 'no English left');
  // The quotation stays in the article's language.
  assert.equal((await page.locator('#losing').getByTestId('guide-quote').innerText()).trim(), quotes.losing);
  await screenshot(page, 'guide-et');
  for (const tag of ['ru', 'zh-CN']) {
    await page.getByTestId('language-picker').selectOption(tag);
    await page.locator('#losing').getByText(guide(tag).topics.losing[0]).waitFor();
    await screenshot(page, `guide-${tag}`);
  }
});

test('a guide that cannot be fetched says so, and the rest of the app works', async () => {
  // Without the service worker: once it controls the page it fetches on its own, and Playwright's
  // routes do not see its requests.
  const page = await env.newPage({ serviceWorkers: 'block' });
  await page.route('**/i18n/guide/**', (route) => route.abort());
  await page.goto(env.url + '/guide');
  const error = page.getByTestId('guide-error');
  await error.waitFor();
  assert.match(await error.innerText(), /could not be loaded/);
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  await ready(page);
});

// Last: it takes the server down.
test('once read, the guide opens offline', async () => {
  const page = await openWithDemo(env);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await ready(page);
  await page.goto(env.url + '/guide');
  await page.locator('#health h2').waitFor();
  await env.stopServer();
  await page.goto(env.url + '/guide#health');
  await page.locator('#health h2').waitFor();
  assert.ok((await page.locator('#health').innerText()).includes(en.topics.health[0]));
});
