import '../helpers/dev-warnings.js';
import { expect } from '@esm-bundle/chai';
import { applyLocale, getLocale, matchShippedLocale, resolveLocale, setLocale } from '../../../widget-src/i18n/locale.js';

describe('resolveLocale', () => {
  it('reads users[0].locale', () => {
    expect(resolveLocale({ users: [{ locale: 'de_DE' }] }, ['fr-FR'])).to.equal('de-DE');
  });

  it('reads a flat user object', () => {
    expect(resolveLocale({ locale: 'pt_BR', language: 'pt' }, [])).to.equal('pt-BR');
  });

  it('canonicalizes the case', () => {
    expect(resolveLocale({ users: [{ locale: 'EN_gb' }] }, [])).to.equal('en-GB');
  });

  it('keeps locales without messages', () => {
    expect(resolveLocale({ users: [{ locale: 'it_IT' }] }, ['de'])).to.equal('it-IT');
  });

  const unusable: unknown[] = [
    undefined,
    null,
    'de_DE',
    {},
    { users: [] },
    { users: [null] },
    { users: [{ locale: 42 }] },
    { users: [{ locale: '' }] },
    { users: [{ locale: '  ' }] },
    { users: [{ locale: 'not a locale!' }] },
    { users: [{}], locale: 'de_DE' },
  ];
  for (const answer of unusable) {
    it(`falls back to the browser for ${JSON.stringify(answer) ?? 'undefined'}`, () => {
      expect(resolveLocale(answer, ['es-MX', 'en'])).to.equal('es-MX');
    });
  }

  it('skips unusable browser languages', () => {
    expect(resolveLocale(undefined, ['', 'x_!', 'ja'])).to.equal('ja');
  });

  it('falls back to English', () => {
    expect(resolveLocale(undefined, [])).to.equal('en');
  });
});

describe('matchShippedLocale', () => {
  const cases: [string, string][] = [
    ['de-DE', 'de'],
    ['de-AT', 'de'],
    ['es-MX', 'es'],
    ['fr-CA', 'fr'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['ja-JP', 'ja'],
    ['hi-IN', 'hi'],
    ['ar-SA', 'ar'],
    ['en-GB', 'en'],
    ['it-IT', 'en'],
    ['zh-Hans-CN', 'en'],
    ['!!', 'en'],
  ];
  for (const [locale, shipped] of cases) {
    it(`maps ${locale} to ${shipped}`, () => {
      expect(matchShippedLocale(locale)).to.equal(shipped);
    });
  }
});

describe('applyLocale', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('returns rtl for Arabic', async () => {
    expect(applyLocale('ar-EG')).to.equal('rtl');
    await setLocale('ar');
    expect(getLocale()).to.equal('ar');
  });

  it('returns ltr for German', async () => {
    expect(applyLocale('de-DE')).to.equal('ltr');
    await setLocale('de');
    expect(getLocale()).to.equal('de');
  });

  it('uses English for other languages', async () => {
    expect(applyLocale('it-IT')).to.equal('ltr');
    await setLocale('en');
    expect(getLocale()).to.equal('en');
  });
});
