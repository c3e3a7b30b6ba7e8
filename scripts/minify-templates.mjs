// Rollup plugin: shrinks the static text of Lit's css`` and html`` templates.
//
// Terser leaves template literals alone, and their indentation is a large part
// of a small widget's bundle. The rewrite only removes whitespace that cannot
// change rendering. In CSS, runs of whitespace become one space, and the space
// next to `{ } ; ,` and after `:` is removed. In HTML and SVG, runs of
// whitespace that contain a line break become one space. Bindings stay as they are.
// NOTE: a `<pre>` or `white-space: pre` block in an html`` template would lose
// its line breaks; the widget has none.

const CSS_TAGS = new Set(['css']);
const MARKUP_TAGS = new Set(['html', 'svg']);

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':');
}

export function minifyMarkup(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

function tagName(tag) {
  if (tag.type === 'Identifier') return tag.name;
  // Bundled code may call the tag through a namespace, e.g. lit.css``.
  if (tag.type === 'MemberExpression' && tag.property.type === 'Identifier') return tag.property.name;
  return undefined;
}

function collectEdits(node, edits) {
  if (!node || typeof node.type !== 'string') return;

  if (node.type === 'TaggedTemplateExpression') {
    const name = tagName(node.tag);
    const minify = CSS_TAGS.has(name) ? minifyCss : MARKUP_TAGS.has(name) ? minifyMarkup : undefined;
    if (minify) {
      for (const quasi of node.quasi.quasis) {
        const raw = quasi.value.raw;
        const shrunk = minify(raw);
        if (shrunk !== raw) edits.push({ start: quasi.start, end: quasi.end, text: shrunk });
      }
    }
  }

  for (const key of Object.keys(node)) {
    const child = node[key];
    if (Array.isArray(child)) child.forEach((item) => collectEdits(item, edits));
    else if (child && typeof child === 'object' && key !== 'loc') collectEdits(child, edits);
  }
}

export default function minifyTemplates() {
  return {
    name: 'minify-lit-templates',
    transform(code, id) {
      if (id.includes('node_modules') || !/\b(css|html|svg)`/.test(code)) return null;

      const edits = [];
      collectEdits(this.parse(code), edits);
      if (edits.length === 0) return null;

      edits.sort((a, b) => b.start - a.start);
      let output = code;
      for (const edit of edits) output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
      return { code: output, map: null };
    },
  };
}
