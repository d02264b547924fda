// Writes the hostile-input corpus to tests/fixtures/hostile/ (run: node make-hostile-corpus.mjs).
// Each file is something a user or a stranger's e-mail could hand the importers. The files are
// committed; this script documents how each was made and can make them again.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { ordersWorkbook } from './xlsx-writer.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/hostile');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const put = (name, content) => writeFileSync(join(out, name), content);

// ---- CSV / spreadsheet imports -------------------------------------------------------------
const H = 'Customer;Date;Revenue\n';
const row = (name, date = '01.02.2025', value = '10,00') => `${name};${date};${value}\n`;
const csv = {
  'empty.csv': '',
  'bom-only.csv': '\ufeff',
  'header-only.csv': H,
  'one-column.csv': 'Customer\nAcme\n',
  'two-columns.csv': 'Customer;Date\nAcme;01.01.2025\n',
  'blank-lines.csv': '\n\n\n\n',
  'unterminated-quote.csv': H + '"Acme;01.02.2025;10,00\nBeta;01.02.2025;5,00\n',
  'mixed-delimiters.csv': 'Customer,Date;Revenue\tProfit\nA,01.02.2025;1\t2\n',
  'cr-only-line-ends.csv': 'Customer;Date;Revenue\rAcme;01.02.2025;10\rBeta;02.02.2025;5\r',
  'extra-and-missing-cells.csv': H + 'A;01.02.2025;1;extra;more\nB;01.02.2025\nC\n',
  'duplicate-headers.csv': 'Customer;Customer;Date;Revenue\nA;B;01.02.2025;1\n',
  'empty-header-names.csv': ';;\nA;01.02.2025;1\n',
  'thousand-columns.csv': Array.from({ length: 1000 }, (_, i) => `c${i}`).join(';') + '\n' + Array.from({ length: 1000 }, () => '1').join(';') + '\n',
  'date-31-february.csv': H + row('Acme', '31.02.2025'),
  'date-month-13.csv': 'Customer,Date,Revenue\nAcme,2025-13-01,10\n',
  'date-zero.csv': H + row('Acme', '00.00.0000'),
  'date-29-february-2023.csv': H + row('Acme', '29.02.2023'),
  'date-words.csv': H + row('Acme', 'yesterday'),
  'date-huge-serial.csv': 'Customer,Date,Revenue\nAcme,99999999999,10\n',
  'date-negative-serial.csv': 'Customer,Date,Revenue\nAcme,-45000,10\n',
  'date-year-10000.csv': 'Customer,Date,Revenue\nAcme,10000-01-01,10\n',
  'dates-ambiguous.csv': 'Customer,Date,Revenue\nAcme,01/02/2025,10\nBeta,03/04/2025,5\n',
  'number-1e400.csv': 'Customer,Date,Revenue\nAcme,2025-01-01,1e400\n',
  'number-nan.csv': 'Customer,Date,Revenue\nAcme,2025-01-01,NaN\n',
  'number-infinity.csv': 'Customer,Date,Revenue\nAcme,2025-01-01,Infinity\nBeta,2025-01-01,-Infinity\n',
  'number-400-digits.csv': 'Customer,Date,Revenue\nAcme,2025-01-01,' + '9'.repeat(400) + '\n',
  'number-several-points.csv': 'Customer,Date,Revenue\nAcme,2025-01-01,1.2.3\n',
  'number-hex.csv': 'Customer,Date,Revenue\nAcme,2025-01-01,0x1F\n',
  'number-double-minus.csv': 'Customer,Date,Revenue\nAcme,2025-01-01,--5\n',
  'number-open-parenthesis.csv': 'Customer,Date,Revenue\nAcme,2025-01-01,(5\n',
  'number-blank.csv': 'Customer,Date,Revenue\nAcme,2025-01-01, \n',
  'number-currency-only.csv': 'Customer,Date,Revenue\nAcme,2025-01-01,€\n',
  'formula-injection-names.csv': H + row('=cmd|\' /C calc\'!A0') + row('+SUM(A1:A9)') + row('-2+3') + row('@HYPERLINK("http://x")'),
  'script-in-names.csv': H + row('<script>alert(1)</script>') + row('<img src=x onerror=alert(1)>') + row('"><svg onload=alert(1)>'),
  'html-entities-names.csv': H + row('&lt;b&gt;bold&lt;/b&gt;') + row('&#x3C;script&#x3E;'),
  'very-long-name.csv': H + row('N'.repeat(10000)),
  'very-long-cell.csv': H + row('Acme', '01.02.2025', '1'.repeat(1_000_000)),
  'right-to-left-names.csv': H + row('شركة الخليج للتجارة') + row('חברת הנמל בע"מ') + row('\u202Eevil.exe\u202C'),
  'emoji-names.csv': H + row('🚢 Shipping Co 🚀') + row('👨‍👩‍👧‍👦 Family Foods') + row('🏳️‍🌈'),
  'zero-width-and-combining.csv': H + row('Ac\u200Bme') + row('Acme\u0301\u0301\u0301') + row('\u200B\u200B'),
  'control-characters.csv': H + row('Acme\u0000Null') + row('Bell\u0007') + row('Esc\u001B[31m'),
  'invalid-utf8.csv': Buffer.concat([Buffer.from(H), Buffer.from([0x41, 0xff, 0xfe, 0x42, 0x3b]), Buffer.from('01.02.2025;1\n')]),
  'utf16le-bom.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Customer;Date;Revenue\nAcme;01.02.2025;1\n', 'utf16le')]),
  'binary-noise.csv': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 256)),
  'nul-bytes.csv': Buffer.alloc(2048),
  'png-named-csv.csv': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  'pdf-named-csv.csv': '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n',
  'json-named-csv.csv': '{"Customer": "Acme", "Date": "2025-01-01", "Revenue": 1}',
  'html-page.csv': '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>',
  'only-bad-rows.csv': H + row('', '01.02.2025') + row('A', 'x') + row('B', '01.02.2025', 'y'),
  'negative-and-zero.csv': H + row('Refund AB', '01.02.2025', '-500,00') + row('Zero AB', '01.02.2025', '0'),
  'many-quotes.csv': H + '"""""";01.02.2025;1\n"a""b""c";01.02.2025;1\n',
  'quoted-newlines-everywhere.csv': '"Cus\ntomer";"Da\nte";"Reve\nnue"\n"A\nB";"01.02.2025";"1"\n',
  'tab-separated-decimal-comma.tsv': 'Kunde\tDatum\tUmsatz\nÖl AG\t01.02.2025\t1.234,5\n',
  'spaces-around-values.csv': 'Customer , Date , Revenue\n  Acme  ,  2025-01-01  ,  10  \n',
};
for (const [name, content] of Object.entries(csv)) put(name, content);

// Excel workbooks that are not what they claim.
const good = ordersWorkbook([{ account: 'Acme', date: { y: 2025, m: 1, d: 2 }, revenue: 10 }]);
put('xlsx-zip-garbage.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(500, 7)]));
put('xlsx-truncated.xlsx', good.subarray(0, Math.floor(good.length / 2)));
put('xlsx-last-byte-missing.xlsx', good.subarray(0, good.length - 1));
put('xlsx-empty-zip.xlsx', Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]));
put('xlsx-text-pretending.xlsx', 'this is not a workbook');
{ // A workbook whose sheet inflates to 40 MB of zeros.
  const bomb = deflateRawSync(Buffer.alloc(40 * 1024 * 1024));
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30); local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(bomb.length, 18); local.writeUInt32LE(40 * 1024 * 1024, 22); local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46); central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(bomb.length, 20); central.writeUInt32LE(40 * 1024 * 1024, 24); central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22); end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12); end.writeUInt32LE(30 + name.length + bomb.length, 16);
  put('xlsx-inflates-to-40mb-of-zeros.xlsx', Buffer.concat([local, name, bomb, central, name, end]));
}

// ---- KAM Planner files ---------------------------------------------------------------------
const fnv = (text) => {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(text, 'utf8')) { h ^= BigInt(b); h = (h * 0x100000001b3n) & 0xffffffffffffffffn; }
  return 'fnv1a64:' + h.toString(16).padStart(16, '0');
};
const account = (name, extra = {}) => ({ id: name.trim().split(/\s+/).join(' ').toLowerCase(), name, industry: 'Logistics', is_key: true, manager: 'Maria Lind', ...extra });
const baseData = () => ({
  accounts: [account('Nordhavn Logistics A/S')],
  history: [{ account_id: 'nordhavn logistics a/s', lines: [{ date: '2026-09-14', revenue: 61250.0, profit: 11025.5 }] }],
  dossiers: [{ account_id: 'nordhavn logistics a/s', overview: 'Third-party logistics.', employees: 2300, reasons: ['big_revenue'], executive_sponsor: 'Henrik Berg', people: [{ name: 'Jens Madsen', title: 'COO', role: 'Decider', attitude: 'Supporter', our_owner: 'Maria Lind', birthday: '1971-03-14', personal_notes: 'Sails.' }], competitors: ['LogiNord'] }],
});
// A file with a correct checksum around whatever `data` is (raw text, so it can be anything).
const file = (dataText, over = {}) => {
  const env = { format: 'kam-planner', version: 1, appVersion: '0.1.0', exportedAt: '2026-11-24T10:00:00Z', scope: 'workspace', personalDetails: 'included', checksum: fnv(dataText), ...over };
  const head = JSON.stringify(env, null, 2);
  return head.slice(0, -2) + `,\n  "data": ${dataText}\n}`;
};
const withData = (mutate, over) => { const d = baseData(); mutate(d); return file(JSON.stringify(d), over); };
const valid = file(JSON.stringify(baseData()));
const json = {
  'kam-empty.kam.json': '',
  'kam-whitespace.kam.json': '   \n\t  ',
  'kam-null.kam.json': 'null',
  'kam-number.kam.json': '42',
  'kam-string.kam.json': '"kam-planner"',
  'kam-array.kam.json': '[]',
  'kam-empty-object.kam.json': '{}',
  'kam-truncated-10.kam.json': valid.slice(0, Math.floor(valid.length * 0.1)),
  'kam-truncated-50.kam.json': valid.slice(0, Math.floor(valid.length * 0.5)),
  'kam-truncated-99.kam.json': valid.slice(0, valid.length - 2),
  'kam-trailing-garbage.kam.json': valid + '\n}}}',
  'kam-comments.kam.json': '// exported\n' + valid,
  'kam-single-quotes.kam.json': valid.replace(/"/g, "'"),
  'kam-invalid-utf8.kam.json': Buffer.concat([Buffer.from(valid.slice(0, 40)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(valid.slice(40))]),
  'kam-utf16.kam.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le')]),
  'kam-nested-arrays.kam.json': '['.repeat(10000) + ']'.repeat(10000),
  'kam-nested-objects.kam.json': '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
  'kam-format-missing.kam.json': valid.replace('"format": "kam-planner",\n', ''),
  'kam-format-other.kam.json': valid.replace('"format": "kam-planner"', '"format": "excel"'),
  'kam-format-number.kam.json': valid.replace('"format": "kam-planner"', '"format": 1'),
  'kam-version-missing.kam.json': valid.replace('"version": 1,\n', ''),
  'kam-version-string.kam.json': valid.replace('"version": 1', '"version": "1"'),
  'kam-version-zero.kam.json': valid.replace('"version": 1', '"version": 0'),
  'kam-version-negative.kam.json': valid.replace('"version": 1', '"version": -1'),
  'kam-version-fraction.kam.json': valid.replace('"version": 1', '"version": 1.5'),
  'kam-version-future.kam.json': valid.replace('"version": 1', '"version": 9'),
  'kam-version-huge.kam.json': valid.replace('"version": 1', '"version": 99999999999999999999999'),
  'kam-checksum-mismatch.kam.json': valid.replace('Third-party logistics.', 'Third-party logistics!'),
  'kam-checksum-missing.kam.json': valid.replace(/ {2}"checksum": "[^"]+",\n/, ''),
  'kam-checksum-number.kam.json': valid.replace(/"checksum": "[^"]+"/, '"checksum": 5'),
  'kam-scope-unknown.kam.json': valid.replace('"scope": "workspace"', '"scope": "galaxy"'),
  'kam-personal-unknown.kam.json': valid.replace('"personalDetails": "included"', '"personalDetails": "maybe"'),
  'kam-data-missing.kam.json': valid.slice(0, valid.indexOf(',\n  "data"')) + '\n}',
  'kam-data-null.kam.json': file('null'),
  'kam-data-array.kam.json': file('[]'),
  'kam-data-unknown-field.kam.json': withData((d) => { d.secret = 1; }),
  'kam-accounts-not-array.kam.json': withData((d) => { d.accounts = {}; }),
  'kam-account-missing-id.kam.json': withData((d) => { delete d.accounts[0].id; }),
  'kam-account-empty-id.kam.json': withData((d) => { d.accounts[0].id = ''; d.history = []; d.dossiers = []; }),
  'kam-duplicate-account-ids.kam.json': withData((d) => { d.accounts.push(d.accounts[0]); }),
  'kam-is-key-string.kam.json': withData((d) => { d.accounts[0].is_key = 'yes'; }),
  'kam-name-number.kam.json': withData((d) => { d.accounts[0].name = 12; }),
  'kam-history-unknown-account.kam.json': withData((d) => { d.history[0].account_id = 'ghost'; }),
  'kam-history-twice.kam.json': withData((d) => { d.history.push(d.history[0]); }),
  'kam-dossier-unknown-account.kam.json': withData((d) => { d.dossiers[0].account_id = 'ghost'; }),
  'kam-dossier-twice.kam.json': withData((d) => { d.dossiers.push(d.dossiers[0]); }),
  'kam-revenue-string-nan.kam.json': withData((d) => { d.history[0].lines[0].revenue = 'NaN'; }),
  'kam-revenue-1e400.kam.json': file(JSON.stringify(baseData()).replace('61250', '1e400')),
  'kam-date-31-february.kam.json': withData((d) => { d.history[0].lines[0].date = '2025-02-31'; }),
  'kam-date-words.kam.json': withData((d) => { d.history[0].lines[0].date = 'last tuesday'; }),
  'kam-reason-unknown.kam.json': withData((d) => { d.dossiers[0].reasons = ['golf_partner']; }),
  'kam-employees-negative.kam.json': withData((d) => { d.dossiers[0].employees = -5; }),
  'kam-employees-huge.kam.json': withData((d) => { d.dossiers[0].employees = 1e20; }),
  'kam-script-in-every-text.kam.json': withData((d) => {
    const x = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    d.accounts[0].name = x; d.accounts[0].industry = x; d.accounts[0].manager = x;
    Object.assign(d.dossiers[0], { overview: x, executive_sponsor: x, competitors: [x] });
    Object.assign(d.dossiers[0].people[0], { name: x, title: x, role: x, attitude: x, our_owner: x, birthday: x, personal_notes: x });
  }),
  'kam-very-long-texts.kam.json': withData((d) => { d.accounts[0].name = 'L'.repeat(100000); d.dossiers[0].overview = 'O'.repeat(1_000_000); }),
  'kam-rtl-and-emoji.kam.json': withData((d) => { d.accounts[0].name = 'شركة 🚢 חברה \u202Eabc'; }),
  'kam-formula-cells.kam.json': withData((d) => { d.accounts[0].name = '=HYPERLINK("http://x","y")'; }),
};
for (const [name, content] of Object.entries(json)) put(name, content);
console.log(`wrote ${Object.keys(csv).length + 6 + Object.keys(json).length} files to ${out}`);
