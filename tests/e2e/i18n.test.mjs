// Issue 15: the app in seven languages. For each language: load the demo in it, walk the main
// screens and the two print views, screenshot them, and find none of the app's English sentences
// (from locales/en.json, the demo's texts included) on them; load the demo in Estonian and find
// its texts and the default matrix factors in Estonian, until a name is typed over one; switch language while typing in a dossier field and keep the text;
// check money, dates and plurals in et, ru and zh-CN against the page's own Intl; print the
// account plan in ru and zh-CN to PDF and check that a CJK font is embedded. The dossier's table
// fields, which have no visible label, are named after their column in the page's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { setup, screenshot, ready, openWithDemo, dossierPath, saved, ARTIFACTS, ROOT } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const LANGS = ['et', 'fi', 'ru', 'zh-CN', 'id', 'jv'];
const english = JSON.parse(readFileSync(join(ROOT, 'locales/en.json'), 'utf8'));
const catalogue = (tag) => JSON.parse(readFileSync(join(ROOT, `locales/${tag}.json`), 'utf8'));

/** The app's English sentences worth looking for: long enough to be unmistakable, without
 *  placeholders (their filled form differs), and not the same in the other language (names). */
function sentences(tag) {
  const cat = catalogue(tag);
  return Object.entries(english)
    .filter(([, v]) => typeof v === 'string')
    .map(([k]) => k)
    .filter((k) => !k.includes('{') && !k.includes('::') && k.trim().split(/\s+/).length >= 4 && k.length >= 24)
    .filter((k) => cat[k] !== k);
}

/** Texts that read the same in every language: codes and units the app shows as they are. */
const SAME_EVERYWHERE = new Set(['ABC', 'XYZ', 'PESTEL', 'SWOT', 'KAM', 'CSV', 'ICS', 'PDF', 'ISO 4217', 'WebCrypto', 'OK']);

/** Every English catalogue text of one word or more as a test of a whole text on the page: a
 *  text without placeholders as it is, one with placeholders as a pattern whose English words
 *  around them must be there. Texts the language's catalogue also holds as they are (a name, a
 *  code, a word the same in both) are not English left over. */
function englishWords(tag) {
  const own = new Set();
  for (const v of Object.values(catalogue(tag))) for (const f of typeof v === 'string' ? [v] : Object.values(v)) own.add(f.trim());
  const exact = new Set();
  const patterns = [];
  for (const v of Object.values(english)) {
    for (const form of typeof v === 'string' ? [v] : Object.values(v)) {
      const text = form.trim().replace(/\s+/g, ' ');
      if (own.has(text) || SAME_EVERYWHERE.has(text)) continue;
      const outside = text.replace(/\{[A-Za-z0-9_]+\}/g, ' ');
      if (!/\p{L}{2}/u.test(outside)) continue;
      if (outside === text) exact.add(text);
      else if (/^\{[A-Za-z0-9_]+\}.*\{[A-Za-z0-9_]+\}$/s.test(text) && (outside.match(/\p{L}{2,}/gu) ?? []).length < 2) {
        // "{offering} in {unit}", "{0} and {1}": one word between placeholders matches any
        // text that holds it, a name or the account's own notes ("Site visit in Oslo").
        continue;
      } else {
        const parts = text.split(/\{[A-Za-z0-9_]+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        patterns.push({ text, re: new RegExp('^' + parts.join('.+?') + '$', 's') });
      }
    }
  }
  return { exact, patterns };
}

/** The page's texts as people meet them: each text node, and the attributes read aloud or shown
 *  on hover, trimmed; scripts and styles aside. */
async function pageTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('script, style, noscript, template')) continue;
      const t = n.textContent.trim().replace(/\s+/g, ' ');
      if (t) out.push(t);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const t = el.getAttribute(a)?.trim().replace(/\s+/g, ' ');
        if (t) out.push(t);
      }
    }
    out.push(document.title.trim());
    return [...new Set(out)];
  });
}

function englishWordsOn(texts, { exact, patterns }) {
  return texts.filter((t) => exact.has(t) || patterns.some((p) => p.re.test(t)));
}

test('the English check finds single words, fragments beside figures and attributes', () => {
  const zh = englishWords('zh-CN');
  // 'Spare parts in Bergen' has the shape of '{offering} in {unit}' but is data, not the app's words.
  const left = englishWordsOn(['Revenue', '40 shown', 'healthy 30–55 %', 'Month', '营收', 'Nordwind Logistics AS', 'ABC', '30–55 %', 'Spare parts in Bergen'], zh);
  assert.deepEqual(left, ['Revenue', '40 shown', 'healthy 30–55 %', 'Month']);
});

const ACCOUNT = 'Nordwind Logistics AS';

async function choose(page, tag, testid = 'language-picker') {
  await page.getByTestId(testid).selectOption(tag);
  await page.waitForFunction((t) => document.documentElement.lang === t, tag);
}

async function englishOn(page, list) {
  const text = await page.locator('body').innerText();
  return list.filter((s) => text.includes(s));
}

/** Fields in the dossier's table cells (no visible label) whose accessible name does not start
 *  with their column's header, as it reads on the page: the name a screen reader says must be in
 *  the page's language, not made from a test id. */
async function cellNamesOff(page) {
  return page.evaluate(() => {
    const off = [];
    let seen = 0;
    for (const field of document.querySelectorAll('table.edit-table td .cell-field :is(input, select, textarea)')) {
      const td = field.closest('td');
      const th = td.closest('table').tHead?.rows[0]?.cells[td.cellIndex];
      const column = th?.textContent.trim() ?? '';
      const name = field.getAttribute('aria-label') ?? '';
      seen += 1;
      if (!column || !name.startsWith(column) || name.length <= column.length) off.push(`${field.dataset.testid}: "${name}" under "${column}"`);
    }
    return { seen, off };
  });
}

async function firstKeyAccount(page) {
  await page.goto(env.url + '/key-accounts');
  await ready(page);
  const href = await page.locator('main a[href^="/key-accounts/"]').first().getAttribute('href');
  return href;
}

for (const tag of LANGS) {
  test(`${tag}: every main screen and both print views without the app's English`, async () => {
    // The demo loaded in the language: its texts are the app's words too (issue 15 point 6).
    const page = await openWithDemo(env, { lang: tag });
    assert.equal(await page.evaluate(() => document.documentElement.lang), tag);
    const list = sentences(tag);
    const words = englishWords(tag);
    const found = {};
    const single = {};
    const dossier = await firstKeyAccount(page);
    const routes = ['/portfolio', '/key-accounts', '/programme', '/reminders', '/calendar', '/settings', dossier, `${dossier}/plan`, '/report', '/guide'];
    for (const route of routes) {
      await page.goto(env.url + route);
      await ready(page);
      await page.waitForTimeout(150);
      const left = await englishOn(page, list);
      if (left.length) found[route] = left;
      if (route === dossier) {
        const cells = await cellNamesOff(page);
        assert.ok(cells.seen > 20, `the dossier's tables have fields (${cells.seen})`);
        assert.deepEqual(cells.off, [], `table fields named in ${tag} after their column`);
      }
      const lone = englishWordsOn(await pageTexts(page), words);
      if (lone.length) single[route] = lone;
      await screenshot(page, `i18n-${tag}${route.replaceAll('/', '-')}`);
    }
    assert.equal(await page.evaluate(() => document.documentElement.lang), tag, 'the language survives navigation and reloads');
    writeFileSync(join(ARTIFACTS, `i18n-${tag}-english-left.json`), JSON.stringify({ sentences: found, texts: single }, null, 2));
    assert.deepEqual(found, {}, `English sentences left in ${tag}`);
    assert.deepEqual(single, {}, `English words left in ${tag} (whole texts equal to an English catalogue text)`);
    assert.deepEqual(page.errors.filter((e) => !/favicon/.test(e)), []);
  });
}

test('switching language while typing in a dossier field keeps the text', async () => {
  const page = await openWithDemo(env);
  const dossier = await firstKeyAccount(page);
  await page.goto(env.url + dossier);
  await ready(page);
  const field = page.getByTestId('dossier-overview');
  await field.click();
  await field.fill('Typed before the switch — 客户 — Клиент');
  await choose(page, 'ru');
  assert.equal(await field.inputValue(), 'Typed before the switch — 客户 — Клиент');
  await choose(page, 'zh-CN', 'language-picker');
  assert.equal(await field.inputValue(), 'Typed before the switch — 客户 — Клиент');
  // The label around the field changed language; the field is the same element.
  assert.ok((await page.locator('main').innerText()).includes(catalogue('zh-CN')['Company overview']));
  // Leaving the field stores it, in whatever language the page now speaks.
  await field.press('Tab');
  await page.getByTestId('save-state').filter({ hasText: catalogue('zh-CN')['All changes saved'] }).waitFor();
  await page.reload();
  await ready(page);
  assert.equal(await page.getByTestId('dossier-overview').inputValue(), 'Typed before the switch — 客户 — Клиент', 'it was stored');
});

test('the Settings picker switches too and the choice is remembered', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/settings');
  await ready(page);
  await choose(page, 'fi', 'settings-language');
  assert.equal(await page.locator('main h1').first().innerText(), catalogue('fi').Settings);
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fi');
});

const FORMATS = { et: 'EUR', ru: 'RUB', 'zh-CN': 'CNY' };
for (const [tag, currency] of Object.entries(FORMATS)) {
  test(`${tag}: money, dates and plurals agree with the browser's Intl`, async () => {
    const page = await openWithDemo(env);
    const grouped = await page.getByTestId('total-revenue').innerText();
    const total = Number(grouped.replace(/[^\d−-]/g, '').replace('−', '-'));
    assert.ok(total > 0, `English total ${grouped}`);
    await choose(page, tag);
    const shown = await page.getByTestId('total-revenue').innerText();
    const expected = await page.evaluate(([t, c, v]) => new Intl.NumberFormat([t], { style: 'currency', currency: c, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(v), [tag, currency, total]);
    assert.equal(shown, expected, `money in ${tag}`);

    await page.goto(env.url + '/reminders');
    await ready(page);
    await page.getByTestId('reminders-horizon').selectOption('366');
    const cell = page.locator('[data-testid="reminder-row"] td[data-date]').first();
    const iso = await cell.getAttribute('data-date');
    const dateShown = await cell.innerText();
    const dateExpected = await page.evaluate(([t, d]) => new Intl.DateTimeFormat([t], { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(d + 'T00:00:00Z')), [tag, iso]);
    assert.ok(dateShown.startsWith(dateExpected), `date ${iso} in ${tag}: ${dateShown} vs ${dateExpected}`);

    const n = await page.locator('[data-testid="reminder-row"]').count();
    const countText = await page.getByTestId('reminders-count').innerText();
    const category = await page.evaluate(([t, k]) => new Intl.PluralRules([t]).select(k), [tag, n]);
    const forms = catalogue(tag)['{n} reminders.'];
    const personal = catalogue(tag)['{n} reminders ({h} personal hidden).'];
    const number = await page.evaluate(([t, k]) => new Intl.NumberFormat([t], { maximumFractionDigits: 0 }).format(k), [tag, n]);
    const candidates = [forms[category], personal[category]].map((f) => f.replace('{n}', number).split('{h}')[0]);
    assert.ok(candidates.some((c) => countText.startsWith(c)), `plural ${category} of ${n} in ${tag}: "${countText}" vs ${JSON.stringify(candidates)}`);
    await screenshot(page, `i18n-formats-${tag}`);
  });
}

test('Russian and Chinese plurals pick the CLDR forms', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/settings');
  await ready(page);
  const ru = await page.evaluate(() => [1, 2, 5, 21, 1.5].map((n) => new Intl.PluralRules(['ru']).select(n)));
  assert.deepEqual(ru, ['one', 'few', 'many', 'one', 'other']);
  const cats = await page.evaluate(() => ({
    ru: new Intl.PluralRules(['ru']).resolvedOptions().pluralCategories,
    zh: new Intl.PluralRules(['zh-CN']).resolvedOptions().pluralCategories,
  }));
  // Every plural message of the catalogues holds exactly the categories the browser uses.
  for (const [tag, key] of [['ru', 'ru'], ['zh-CN', 'zh']]) {
    for (const [k, v] of Object.entries(catalogue(tag))) {
      if (typeof v === 'object') assert.deepEqual(Object.keys(v).sort(), [...cats[key]].sort(), `${tag} ${k}`);
    }
  }
});

for (const tag of ['ru', 'zh-CN']) {
  test(`${tag}: the printed account plan and portfolio report render every character`, async () => {
    const fonts = execSync('fc-list').toString();
    assert.match(fonts, /CJK/i, 'fonts-noto-cjk is installed (scripts/lib.sh ensure_cjk_fonts)');
    const page = await openWithDemo(env);
    await choose(page, tag);
    const dossier = await firstKeyAccount(page);
    for (const [route, name] of [[`${dossier}/plan`, 'plan'], ['/report', 'report']]) {
      await page.goto(env.url + route);
      await ready(page);
      await page.emulateMedia({ media: 'print' });
      const path = join(ARTIFACTS, `i18n-${tag}-${name}.pdf`);
      const pdf = await page.pdf({ path, format: 'A4', printBackground: true });
      const raw = pdf.toString('latin1');
      if (tag === 'zh-CN') assert.match(raw, /CJK/, `a CJK font is embedded in the ${name} PDF`);
      assert.ok(pdf.length > 10_000, `${name} PDF has content`);
      await page.emulateMedia({ media: 'screen' });
      await screenshot(page, `i18n-${tag}-${name}-print`);
    }
  });
}

test('et: the demo loads in Estonian, and the default matrix factors follow the language until renamed', async () => {
  const et = catalogue('et');
  const page = await openWithDemo(env, { lang: 'et' });
  const nordhavn = dossierPath('Nordhavn Logistics A/S');
  await page.goto(env.url + nordhavn);
  await ready(page);
  assert.equal(await page.getByTestId('account-industry').inputValue(), et.Logistics, 'an industry in Estonian');
  const overview = 'Third-party logistics for the Nordic retail sector; 14 warehouses, moving to automated picking.';
  assert.equal(await page.getByTestId('dossier-overview').inputValue(), et[overview]);
  const scoreLabel = (i) => page.getByTestId(`attractiveness-score-${i}`).evaluate((el) => el.closest('label').textContent);
  assert.equal(await scoreLabel(0), et['{factor} (weight {weight})'].replace('{factor}', et['Volume and growth potential']).replace('{weight}', '30'));
  assert.equal(await page.getByTestId('attractiveness-score-0').inputValue(), '8', 'the demo scores count for the presets');
  const quadrant = await page.getByTestId('matrix-quadrant').textContent();
  assert.ok(quadrant.startsWith(et['quadrant::Strategic']), quadrant);

  await page.goto(env.url + '/settings');
  await ready(page);
  const factor = page.getByTestId('attractiveness-factor-0');
  assert.equal(await factor.inputValue(), et['Volume and growth potential']);
  assert.equal(await page.getByTestId('strength-factor-4').inputValue(), et['Reputation with the customer']);
  assert.equal(await factor.getAttribute('placeholder'), et['Volume and growth potential']);
  await screenshot(page, 'i18n-et-settings-factors');
  // In English the preset reads in English; the demo's texts stay as they were loaded (data).
  await choose(page, 'en');
  assert.equal(await factor.inputValue(), 'Volume and growth potential');
  // A name typed over a preset is the factor's own, in every language, and its scores stay.
  await factor.fill('Kasvuruum');
  await factor.press('Tab');
  await saved(page);
  await choose(page, 'et');
  await page.reload();
  await ready(page);
  assert.equal(await page.getByTestId('attractiveness-factor-0').inputValue(), 'Kasvuruum');
  assert.equal(await page.getByTestId('attractiveness-factor-1').inputValue(), et['Profit potential']);
  await page.goto(env.url + nordhavn);
  await ready(page);
  assert.equal(await page.getByTestId('dossier-overview').inputValue(), et[overview]);
  assert.ok((await scoreLabel(0)).startsWith('Kasvuruum'));
  assert.equal(await page.getByTestId('attractiveness-score-0').inputValue(), '8', 'renamed, the factor keeps its scores');
  assert.deepEqual(page.errors.filter((e) => !/favicon/.test(e)), []);
});
