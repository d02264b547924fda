// Trunk post-build hook: writes a strict Content-Security-Policy into index.html. Trunk's loader
// is an inline module script, so instead of 'unsafe-inline' the policy allows exactly that
// script by its SHA-256 hash. Skipped for `scripts/serve` (KAM_DEV=1), whose live-reload script
// is injected at serve time and could not be hashed here.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

if (process.env.KAM_DEV === '1') process.exit(0);
const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '');
html = html.replace('<meta charset="utf-8"/>', `<meta charset="utf-8"/>\n  <meta http-equiv="Content-Security-Policy" content="${policy}"/>`);
writeFileSync(file, html);
