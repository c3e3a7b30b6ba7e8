// Packs the widget with zet exactly as `npm run package` does and checks the zip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackageEntries, listZipEntries } from '../../scripts/zip-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('package script writes a valid zip', () => {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs')], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, `npm run package failed:\n${result.stdout}\n${result.stderr}`);

  const entries = listZipEntries(readFileSync(join(root, 'dist', `${basename(root)}.zip`)));
  const names = entries.map((entry) => entry.name);
  assert.ok(names.includes('app/widget.html'), names.join(', '));
  assert.ok(names.includes('app/build/score-card.js'), names.join(', '));
  assert.ok(!names.some((name) => name.endsWith('.map')), 'no source maps');
  assert.ok(!names.includes('plugin-manifest.json'), 'zet leaves the manifest out');
  assert.deepEqual(checkPackageEntries(entries), []);
});

test('zip check rejects source maps and bad names', () => {
  const problems = checkPackageEntries([
    { name: 'app/widget.html', size: 10 },
    { name: 'app/build/score-card.js', size: 10 },
    { name: 'app/settings.json', size: 10 },
    { name: 'app/build/score-card.js.map', size: 10 },
    { name: 'app/my folder/a.js', size: 10 },
    { name: 'app/big.js', size: 6 * 1024 * 1024 },
  ]);
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.match(problems[0], /\.map is not allowed/);
  assert.match(problems[1], /folder my folder/);
  assert.match(problems[2], /more than 5 MB/);
});

test('zip check names missing files', () => {
  const problems = checkPackageEntries([{ name: 'app/widget.html', size: 10 }]);
  assert.deepEqual(problems, ['app/build/score-card.js is missing', 'app/settings.json is missing']);
});

test('zip check rejects files outside the expected list', () => {
  const entries = [
    { name: 'app/widget.html', size: 10 },
    { name: 'app/build/score-card.js', size: 10 },
    { name: 'app/settings.json', size: 10 },
    { name: 'app/TODO.txt', size: 10 },
  ];
  const problems = checkPackageEntries(entries, ['app/widget.html', 'app/build/score-card.js', 'app/settings.json']);
  assert.deepEqual(problems, ['app/TODO.txt is not part of the widget; remove it from app/']);
});

test('package with a stray file fails and leaves no zip', () => {
  const stray = join(root, 'app', 'NOTES.txt');
  writeFileSync(stray, 'not for upload\n');
  try {
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs')], { cwd: root, encoding: 'utf8' });
    assert.notEqual(result.status, 0, 'the package script must fail');
    assert.match(result.stderr, /app\/NOTES\.txt is not part of the widget/);
    const left = existsSync(join(root, 'dist')) ? readdirSync(join(root, 'dist')) : [];
    assert.deepEqual(left, [], 'no zip is left in dist/');
  } finally {
    rmSync(stray, { force: true });
  }
});
