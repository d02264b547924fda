// Every file of the hostile corpus (tests/fixtures/hostile/, made by make-hostile-corpus.mjs),
// plus two 50 MB files made here, goes through the importers in the browser. Each must end in a
// clear message or a correct preview — never a panic, a hang or a changed store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, ready, ROOT, ARTIFACTS, openWithDemo } from './helpers.mjs';

const CORPUS = join(ROOT, 'tests/fixtures/hostile');
const files = readdirSync(CORPUS).sort();
const spreadsheets = files.filter((f) => !f.endsWith('.kam.json'));
const planFiles = files.filter((f) => f.endsWith('.kam.json'));
const clear = (text) => text.length > 20 && !/panicked|undefined|\[object|RuntimeError/.test(text);

let env;
before(async () => {
  env = await setup();
  // 50 MB files are made here, not committed.
  const line = 'Big Customer AB;01.02.2025;1.234,56\n';
  writeFileSync(join(ARTIFACTS, 'big-50mb.csv'), 'Customer;Date;Revenue\n' + line.repeat(Math.ceil(50e6 / line.length)));
  writeFileSync(join(ARTIFACTS, 'big-50mb.kam.json'), '{"format": "kam-planner", "version": 1, "padding": "' + 'x'.repeat(50e6) + '"}');
});
after(async () => { await env?.close(); });

test(`at least 100 hostile files are in the corpus (${files.length})`, () => {
  assert.ok(files.length >= 100);
});

test('spreadsheet imports: a clear message or a preview for every hostile file, nothing stored', async () => {
  const page = await env.newPage();
  await page.goto(env.url + '/portfolio');
  await ready(page);
  const outcomes = [];
  for (const name of [...spreadsheets.map((f) => join(CORPUS, f)), join(ARTIFACTS, 'big-50mb.csv')]) {
    const base = name.split('/').pop();
    await page.getByTestId('import-file').setInputFiles(name);
    const error = page.getByTestId('import-error').filter({ hasText: base });
    const columns = page.getByRole('heading', { name: `Columns of ${base}` });
    await error.or(columns).first().waitFor({ timeout: 60_000 });
    if (await error.isVisible()) {
      const text = await error.innerText();
      assert.ok(clear(text), `${base}: ${text}`);
      outcomes.push(`${base}: refused`);
    } else {
      const done = page.getByTestId('import-summary').or(page.getByTestId('mapping-incomplete'));
      await done.first().waitFor({ timeout: 60_000 });
      outcomes.push(`${base}: ${(await done.first().innerText()).split('\n')[0]}`);
    }
    assert.deepEqual(page.errors, [], `${base} caused an error in the page`);
  }
  await page.reload();
  await ready(page);
  assert.ok(await page.getByTestId('empty-state').isVisible(), 'nothing was stored without a confirmation');
  writeFileSync(join(ARTIFACTS, 'hostile-spreadsheet-outcomes.txt'), outcomes.join('\n') + '\n');
});

test('KAM Planner file imports: a specific message or a preview for every hostile file, store unchanged', async () => {
  const page = await openWithDemo(env);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const outcomes = [];
  for (const name of [...planFiles.map((f) => join(CORPUS, f)), join(ARTIFACTS, 'big-50mb.kam.json')]) {
    const base = name.split('/').pop();
    await page.getByTestId('import-workspace').setInputFiles(name);
    const error = page.getByTestId('import-error').filter({ hasText: base });
    const preview = page.getByTestId('workspace-import-preview').filter({ hasText: base });
    await error.or(preview).first().waitFor({ timeout: 60_000 });
    const text = await error.or(preview).first().innerText();
    assert.ok(clear(text), `${base}: ${text}`);
    outcomes.push(`${base}: ${text.split('\n')[0]}`);
    assert.deepEqual(page.errors, [], `${base} caused an error in the page`);
  }
  // Files that must be refused are refused.
  for (const refused of ['kam-checksum-mismatch', 'kam-version-future', 'kam-duplicate-account-ids', 'kam-nested-arrays', 'kam-truncated-99', 'kam-invalid-utf8', 'big-50mb']) {
    const line = outcomes.find((o) => o.startsWith(refused));
    assert.ok(line && !/ in the file: /.test(line) && !/: a whole workspace/.test(line), `${refused} must be refused: ${line}`);
  }
  await page.reload();
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  await page.getByTestId('accounts-table').waitFor();
  assert.equal(await page.getByTestId('account-row').count(), 40, 'the stored workspace is unchanged');
  writeFileSync(join(ARTIFACTS, 'hostile-plan-outcomes.txt'), outcomes.join('\n') + '\n');
});
