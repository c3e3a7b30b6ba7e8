// Byte budgets of the built widget (built by `npm test` before this runs):
// the English first-paint bundle and each on-demand locale chunk, gzip-compressed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const build = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'app', 'build');
const ENTRY_BUDGET = 16 * 1024;
const LOCALE_BUDGET = 3 * 1024;
const gzipBytes = (file) => gzipSync(readFileSync(join(build, file)), { level: 9 }).length;

test('entry bundle within 16 KB gzip', () => {
  const bytes = gzipBytes('score-card.js');
  assert.ok(bytes <= ENTRY_BUDGET, `score-card.js is ${bytes} bytes gzip, budget ${ENTRY_BUDGET}`);
});

// The catalogues shipped besides English, one chunk each.
const LOCALES = ['ar', 'de', 'es', 'fr', 'hi', 'ja', 'pt-BR'];

test('each locale chunk within 3 KB gzip', () => {
  const files = readdirSync(build);
  const chunks = LOCALES.map((locale) => `${locale}.js`);
  for (const chunk of chunks) assert.ok(files.includes(chunk), `${chunk} is missing from app/build/`);
  for (const chunk of chunks) {
    const bytes = gzipBytes(chunk);
    assert.ok(bytes <= LOCALE_BUDGET, `${chunk} is ${bytes} bytes gzip, budget ${LOCALE_BUDGET}`);
  }
});
