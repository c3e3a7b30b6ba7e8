import { expect } from '@esm-bundle/chai';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import type { EntityScoreCard } from '../../../widget-src/elements/score-card.js';
import { matchShippedLocale, setLocale } from '../../../widget-src/i18n/locale.js';
import { expectAccessible } from '../helpers/axe.js';
import { announcement, fakeLoader, LEAD, mountCard, settled, shadow, textOf } from './card-harness.js';
import { makeCard, makeRule } from './card-data.js';

const signed = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(value);

/** Mounts a card in `locale` and waits until its message catalogue has loaded and rendered. */
async function mountLocalized(locale: string, ...rest: Parameters<typeof mountCard>) {
  const [props, options] = rest;
  const card = await mountCard({ ...props, locale }, options);
  await setLocale(matchShippedLocale(locale));
  await card.updateComplete;
  return card;
}

async function readyCard(locale: string): Promise<EntityScoreCard> {
  const { loader, calls } = fakeLoader();
  const card = await mountLocalized(locale, { context: LEAD, loader });
  calls[0]?.answer.resolve(makeCard([makeRule({ score: 1234, touchPoint: 5 }), makeRule({ ruleName: null })]));
  await settled(card);
  return card;
}

describe('entity-score-card localized', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('renders German messages', async () => {
    const card = await readyCard('de-DE');
    const root = shadow(card);

    expect(card.lang).to.equal('de');
    expect(card.dir).to.equal('ltr');
    expect(textOf(root.querySelector('[part="band"]'))).to.equal('Heiß');
    expect(textOf(root.querySelector('.touch dt'))).to.equal('Touch Point Score');
    expect(textOf(root.querySelector('.row .name'))).to.equal('Scoring Rule 4876876000000400001');
    expect(announcement(card)).to.equal('Entity Scores geladen.');
  });

  it('formats numbers in the full locale', async () => {
    const card = await readyCard('de-CH');

    expect(textOf(shadow(card).querySelector('[part="score"]'))).to.equal(signed(1234, 'de-CH'));
  });

  it('switches language at runtime', async () => {
    const card = await readyCard('de-DE');

    card.locale = 'fr-FR';
    await card.updateComplete;
    await setLocale('fr');
    await card.updateComplete;

    expect(card.lang).to.equal('fr');
    expect(textOf(shadow(card).querySelector('[part="band"]'))).to.equal('Chaud');
  });

  it('renders Arabic right to left', async () => {
    const card = await readyCard('ar-EG');
    const root = shadow(card);
    const positive = root.querySelector('.bar .pos')!.getBoundingClientRect();
    const negative = root.querySelector('.bar .neg')!.getBoundingClientRect();

    expect(card.lang).to.equal('ar');
    expect(card.dir).to.equal('rtl');
    expect(getComputedStyle(root.querySelector('.card')!).direction).to.equal('rtl');
    expect(textOf(root.querySelector('[part="score"]'))).to.equal(signed(1234, 'ar-EG'));
    expect(textOf(root.querySelector('[part="band"]'))).to.equal('ساخن');
    expect(positive.left).to.be.above(negative.left);
    await expectAccessible(card);
  });

  it('keeps Arabic errors accessible', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountLocalized('ar', { context: LEAD, loader });
    calls[0]?.answer.reject(new CrmError('TIMEOUT', 'no answer'));
    await settled(card);

    expect(textOf(shadow(card).querySelector('.code'))).to.equal('رمز الخطأ: TIMEOUT');
    await expectAccessible(card);
  });

  for (const state of ['loading', 'empty', 'unavailable'] as const) {
    it(`keeps Arabic ${state} accessible`, async () => {
      const { loader, calls } = fakeLoader();
      const context = state === 'unavailable' ? ({ kind: 'no-record' } as const) : LEAD;
      const card = await mountLocalized('ar', { context, loader });
      if (state === 'empty') {
        calls[0]?.answer.resolve(makeCard([]));
        await settled(card);
      }

      expect(card.getAttribute('state')).to.equal(state);
      await expectAccessible(card);
    });
  }

  it('leaves messages alone without a locale', async () => {
    await setLocale('de');
    const card = await mountCard();

    expect(card.lang).to.equal('de');
    expect(textOf(shadow(card))).to.include('Entity Scores werden geladen…');
  });
});
