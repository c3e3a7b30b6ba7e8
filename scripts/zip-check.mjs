// Reads a zip's central directory and checks its entries against the rules
// zet and CRM apply to an uploaded widget.

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;

/** Returns `{name, size}` for every entry in a zip file's central directory. */
export function listZipEntries(buffer) {
  // The end record is at least 22 bytes and may be followed by a comment of up to 64 KiB.
  let end = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('Not a zip file: no end of central directory record.');

  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) throw new Error(`Corrupt zip entry ${i}.`);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const ALLOWED_EXTENSIONS = new Set([
  'html', 'js', 'css', 'json', 'txt', 'md', 'xml',
  'jpg', 'jpeg', 'png', 'gif', 'svg', 'woff', 'woff2', 'ttf', 'eot', 'mp3', 'mp4', 'webm',
]);
const MAX_FILES = 250;
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Lists every rule the entries break; an empty list means the package is fine.
 * With `expected`, every file must be one of those paths, so a stray file in
 * app/ (notes, an old chunk) is reported instead of uploaded.
 */
export function checkPackageEntries(entries, expected) {
  const problems = [];
  const names = new Set(entries.map((entry) => entry.name));
  if (expected) {
    const allowed = new Set(expected);
    for (const name of names) {
      if (!name.endsWith('/') && !allowed.has(name)) problems.push(`${name} is not part of the widget; remove it from app/`);
    }
  }

  for (const required of ['app/widget.html', 'app/build/score-card.js', 'app/settings.json']) {
    if (!names.has(required)) problems.push(`${required} is missing`);
  }
  if (entries.length > MAX_FILES) problems.push(`${entries.length} files, more than ${MAX_FILES}`);

  for (const { name, size } of entries) {
    if (name.endsWith('/')) continue;
    const parts = name.split('/');
    const file = parts.pop() ?? '';
    const extension = file.includes('.') ? file.split('.').pop().toLowerCase() : '';

    if (!ALLOWED_EXTENSIONS.has(extension)) problems.push(`${name}: extension .${extension} is not allowed`);
    if (!/^[A-Za-z0-9_.$-]+$/.test(file)) problems.push(`${name}: file name has characters outside [A-Za-z0-9_.$-]`);
    for (const folder of parts) {
      if (!/^[A-Za-z0-9_$-]+$/.test(folder)) problems.push(`${name}: folder ${folder} has characters outside [A-Za-z0-9_$-]`);
    }
    if (size > MAX_FILE_BYTES) problems.push(`${name}: ${size} bytes, more than 5 MB`);
  }
  return problems;
}
