// Builds the production bundle and packs app/ into dist/<folder name>.zip with
// zet, then checks the zip against zet's upload rules itself, because
// `zet validate` prints its errors but still exits with 0.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listZipEntries, checkPackageEntries } from './zip-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// The files of app/ that are written by hand; everything else comes from the build.
const PACKAGED_SOURCE_FILES = ['app/widget.html', 'app/widget.css', 'app/settings.json'];

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', shell: false });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    process.stderr.write(output);
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
  return output;
}

function main() {
  const bin = join(root, 'node_modules', '.bin');

  // A failed run must not leave an older zip that looks fine, and app/build/
  // must hold only this build: chunk names carry no hash, so a chunk that a
  // later version dropped would otherwise be uploaded too.
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  rmSync(join(root, 'app', 'build'), { recursive: true, force: true });
  run(join(bin, 'rollup'), ['-c']);

  const validation = run(join(bin, 'zet'), ['validate']);
  process.stdout.write(validation);
  if (validation.includes('✖') || /not allowed/i.test(validation)) {
    throw new Error('zet validate reported errors (listed above); fix them before uploading.');
  }

  const zipName = `${basename(root)}.zip`;
  const zipPath = join(root, 'dist', zipName);
  process.stdout.write(run(join(bin, 'zet'), ['pack']));
  if (!existsSync(zipPath)) throw new Error(`zet pack did not write ${zipPath}.`);

  const entries = listZipEntries(readFileSync(zipPath));
  const built = readdirSync(join(root, 'app', 'build')).map((file) => `app/build/${file}`);
  const problems = checkPackageEntries(entries, [...PACKAGED_SOURCE_FILES, ...built]);
  if (problems.length > 0) {
    rmSync(zipPath, { force: true });
    throw new Error(`The package is not fit to upload, so ${zipPath} was removed:\n- ${problems.join('\n- ')}`);
  }
  console.log(`Wrote ${zipPath} (${entries.length} files). Upload it as a related-list widget with index page /app/widget.html.`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
