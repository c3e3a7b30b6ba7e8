import '../helpers/dev-warnings.js';
import { expect } from '@esm-bundle/chai';
import { readFile } from '@web/test-runner-commands';
import type { LocaleModule } from '@lit/localize';
import { TARGET_LOCALES } from '../../../widget-src/i18n/locale.js';
import { templates as ar } from '../../../widget-src/i18n/locales/ar.js';
import { templates as de } from '../../../widget-src/i18n/locales/de.js';
import { templates as es } from '../../../widget-src/i18n/locales/es.js';
import { templates as fr } from '../../../widget-src/i18n/locales/fr.js';
import { templates as hi } from '../../../widget-src/i18n/locales/hi.js';
import { templates as ja } from '../../../widget-src/i18n/locales/ja.js';
import { templates as ptBR } from '../../../widget-src/i18n/locales/pt-BR.js';

// Every source file that calls msg(). A new file with messages belongs here;
// test/node/i18n-sources.test.mjs fails when one is missing.
const SOURCE_FILES = [
  'score-card.ts',
  'rule-view.ts',
  'error-view.ts',
  'format.ts',
  'views.ts',
  'skeleton.ts',
].map((name) => `../../../widget-src/elements/${name}`);

const CATALOGUES: Record<string, LocaleModule['templates']> = { ar, de, es, fr, hi, 'pt-BR': ptBR, ja };

/** A message of the English source: its text and the number of `${…}` expressions in it. */
interface SourceMessage {
  text: string;
  expressions: number;
}

// msg('text', { id: 'x' }), msg("text", { id: 'x' }) and msg(str`text ${a}`, { id: 'x' }).
const MSG_CALL = /\bmsg\(\s*(str)?(['"`])((?:\\.|(?!\2)[^\\])*)\2\s*,\s*\{\s*id:\s*'([^']+)'/g;

async function readSourceMessages(): Promise<Map<string, SourceMessage>> {
  const messages = new Map<string, SourceMessage>();

  for (const path of SOURCE_FILES) {
    const source = await readFile({ path });
    if (source === undefined) throw new Error(`Cannot read ${path}`);

    const calls = source.match(/\bmsg\(/g)?.length ?? 0;
    const matches = [...source.matchAll(MSG_CALL)];
    expect(matches, `msg() calls with an explicit id in ${path}`).to.have.length(calls);

    for (const [, , , text = '', id = ''] of matches) {
      const expressions = text.match(/\$\{/g)?.length ?? 0;
      const known = messages.get(id);
      if (known) expect(known.text, `text of the message ${id}, used twice`).to.equal(text);
      messages.set(id, { text, expressions });
    }
  }
  return messages;
}

describe('message catalogues', () => {
  let source: Map<string, SourceMessage>;
  before(async () => {
    source = await readSourceMessages();
  });

  it('finds the source messages', () => {
    expect(source.size).to.be.above(50);
    expect(source.get('rule.summaryBand')?.expressions).to.equal(5);
    expect(source.get('state.empty')?.expressions).to.equal(0);
  });

  it('ships a catalogue per target locale', () => {
    expect(Object.keys(CATALOGUES).sort()).to.deep.equal([...TARGET_LOCALES].sort());
  });

  for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
    it(`${locale} has exactly the source ids`, () => {
      const ids = Object.keys(catalogue).sort();
      const expected = [...source.keys()].sort();

      expect(ids.filter((id) => !source.has(id)), 'ids not in the source').to.deep.equal([]);
      expect(expected.filter((id) => !(id in catalogue)), 'ids missing').to.deep.equal([]);
    });

    it(`${locale} keeps every placeholder`, () => {
      for (const [id, message] of source) {
        const translated = catalogue[id];
        if (translated === undefined) continue;

        if (message.expressions === 0) {
          expect(translated, id).to.be.a('string').and.not.equal('');
          continue;
        }
        expect(typeof translated === 'object' && 'strTag' in translated, `${id} is a str template`).to.equal(true);
        const order = (translated as { values: unknown[] }).values;
        const indexes = Array.from({ length: message.expressions }, (_, i) => i);
        expect([...order].sort(), `${id} placeholders`).to.deep.equal(indexes);
      }
    });
  }
});
