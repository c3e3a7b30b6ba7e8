// The catalogue test in the browser cannot list folders, so it names the files
// that call msg(). This test keeps that list complete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('catalogue test reads every file with messages', () => {
  const catalogueTest = readFileSync(join(root, 'test', 'unit', 'i18n', 'catalogue.test.ts'), 'utf8');
  const listed = catalogueTest.match(/const SOURCE_FILES = \[([\s\S]*?)\]/)?.[1] ?? '';

  const withMessages = sourceFiles(join(root, 'widget-src')).filter((path) => /\bmsg\(\s*(str`|['"`])/.test(readFileSync(path, "utf8")));
  assert.ok(withMessages.length > 0);
  for (const path of withMessages) {
    const name = relative(join(root, 'widget-src', 'elements'), path);
    assert.ok(listed.includes(`'${name}'`), `${relative(root, path)} calls msg() but is not in SOURCE_FILES`);
  }
});
