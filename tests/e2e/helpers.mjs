// Shared set-up: the release build served locally, Debian's Chromium driven by playwright-core.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const ARTIFACTS = process.env.ARTIFACTS ?? join(ROOT, 'target/e2e');
mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** Starts the server and a browser; returns helpers and a close(). Each `newPage` is a fresh profile. */
export async function setup() {
  const server = await startServer(join(ROOT, 'dist'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const contexts = [];
  return {
    url: server.url,
    browser,
    /** Takes the server down, as a lost network would. */
    stopServer: () => server.close(),
    /** `options`: Playwright context options, e.g. another `viewport` or `hasTouch`. */
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true, ...options });
      contexts.push(context);
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Waits until the app has opened its workspace (the loading line is gone). */
export async function ready(page) {
  await page.waitForSelector('main h1');
}

/** A fresh profile with the demo portfolio loaded, on the Portfolio page; `at` fixes the
 *  browser's clock (Date) at that moment first; `lang` picks the app's language before the demo
 *  loads, so that the demo's texts are in it. */
export async function openWithDemo(env, { at, lang } = {}) {
  const page = await env.newPage();
  if (at) await page.clock.setFixedTime(at);
  await page.goto(env.url + '/portfolio');
  await ready(page);
  if (lang) {
    await page.getByTestId('language-picker').selectOption(lang);
    await page.waitForFunction((t) => document.documentElement.lang === t, lang);
  }
  await page.getByTestId('load-demo').click();
  await page.getByTestId('accounts-table').waitFor();
  return page;
}

/** The address of an account's dossier, as the app writes it (ids are lower-cased names). */
export function dossierPath(accountId) {
  return '/key-accounts/' + encodeURIComponent(accountId.toLowerCase());
}

/** Waits until the header says every change is stored. */
export async function saved(page) {
  await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor();
}

/** Types into a field and leaves it, which saves at once. */
export async function type(page, testid, text) {
  await page.getByTestId(testid).fill(text);
  await page.getByTestId(testid).press('Tab');
}

/** Clicks what starts a download and keeps the file in the artefacts: its name, path and text. */
export async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = join(ARTIFACTS, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

const require = createRequire(import.meta.url);
let axeSource;

/** axe-core's serious and critical violations on the page, one line each. */
export async function axe(page) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}
