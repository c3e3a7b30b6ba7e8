// Scans widget-src/ for the ways text can turn into markup or code. The card
// shows CRM data (rule names, error messages) only through Lit's text
// bindings, which escape it. Every sink listed here would bypass them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const SINKS = [
  ['unsafeHTML', /\bunsafe(HTML|SVG|MathML|Static)\b/],
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(ln)?\b/],
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
];

// Comment lines may name a sink, for example to say why it is not used.
const COMMENT_LINE = /^\s*(\/\/|\/\*|\*)/;

/** Returns `{line, sink, text}` for each line of `source` that uses a sink. */
function findSinks(source) {
  const found = [];
  source.split('\n').forEach((text, index) => {
    if (COMMENT_LINE.test(text)) return;
    for (const [sink, pattern] of SINKS) {
      if (pattern.test(text)) found.push({ line: index + 1, sink, text: text.trim() });
    }
  });
  return found;
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

test('widget-src uses no HTML or code sink', () => {
  const files = sourceFiles(join(root, 'widget-src'));
  assert.ok(files.length > 20, `only ${files.length} source files found`);

  const problems = files.flatMap((path) =>
    findSinks(readFileSync(path, 'utf8')).map(({ line, sink, text }) => `${relative(root, path)}:${line}: ${sink} in "${text}"`),
  );
  assert.deepEqual(problems, [], `sinks that turn text into markup or code:\n${problems.join('\n')}`);
});

test('sink scan finds each sink', () => {
  const sample = [
    "import { unsafeHTML } from 'lit/directives/unsafe-html.js';",
    'element.innerHTML = name;',
    'const copy = element.outerHTML;',
    "list.insertAdjacentHTML('beforeend', row);",
    'document.write(text);',
    'eval(code);',
    "const run = new Function('return 1');",
    '// innerHTML in a comment is allowed',
  ].join('\n');

  assert.deepEqual(
    findSinks(sample).map(({ line, sink }) => `${line} ${sink}`),
    ['1 unsafeHTML', '2 innerHTML', '3 outerHTML', '4 insertAdjacentHTML', '5 document.write', '6 eval', '7 new Function'],
  );
});
