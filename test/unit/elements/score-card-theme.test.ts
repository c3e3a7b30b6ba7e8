import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import type { EntityScoreCard } from '../../../widget-src/elements/score-card.js';
import type { CardTheme } from '../../../widget-src/elements/types.js';
import { expectAccessible } from '../helpers/axe.js';
import { contrastRatio, parseColor, relativeLuminance } from '../helpers/contrast.js';
import { fakeLoader, LEAD, mountCard, settled, shadow } from './card-harness.js';
import { makeCard, makeRule } from './card-data.js';

const WHITE = parseColor('rgb(255, 255, 255)');

/** Renders a ready card that shows every coloured element: all three bands, the bar, notes and marks. */
async function colourfulCard(theme: CardTheme): Promise<EntityScoreCard> {
  const { loader, calls } = fakeLoader();
  const card = await mountCard({ context: LEAD, loader, theme });
  const rules = [
    makeRule({ active: false, description: 'Fit', touchPoint: 2 }),
    makeRule({ ruleName: 'Warm rule', band: { id: 'warm', min: 10, tone: 'warm' } }),
    makeRule({ ruleName: 'Cold rule', band: { id: 'cold', min: null, tone: 'cold' } }),
  ];
  const notes = [{ kind: 'rules-unavailable' as const, code: 'NO_PERMISSION' }];
  calls[0]?.answer.resolve(makeCard(rules, { notes }));
  await settled(card);
  return card;
}

async function errorCard(theme: CardTheme): Promise<EntityScoreCard> {
  const { loader, calls } = fakeLoader();
  const card = await mountCard({ context: LEAD, loader, theme });
  calls[0]?.answer.reject(new CrmError('TIMEOUT', 'no answer'));
  await settled(card);
  return card;
}

function surfaceOf(card: EntityScoreCard) {
  return parseColor(getComputedStyle(shadow(card).querySelector('.card')!).backgroundColor);
}

/** Returns the contrast of each matched element's `property` against the card surface, keyed by selector. */
function contrasts(card: EntityScoreCard, selectors: string[], property: 'color' | 'backgroundColor') {
  const surface = surfaceOf(card);
  return selectors.map((selector) => {
    const element = shadow(card).querySelector(selector);
    if (!element) throw new Error(`${selector} not rendered`);
    return { selector, ratio: contrastRatio(parseColor(getComputedStyle(element)[property]), surface) };
  });
}

const TEXT = ['.rule .name', '.label', '[part="score"]', '.parts dt', '.parts dd', '.band span', '.inactive', 'summary', '.row .name', '.notes li'];

function expectRatios(results: { selector: string; ratio: number }[], minimum: number): void {
  for (const { selector, ratio } of results) {
    expect(ratio, `${selector} contrast ${ratio.toFixed(2)}:1`).to.be.at.least(minimum);
  }
}

describe('entity-score-card theme', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const theme of ['light', 'dark'] as const) {
    describe(theme, () => {
      it('has a surface for the theme', async () => {
        const card = await colourfulCard(theme);
        const againstWhite = contrastRatio(surfaceOf(card), WHITE);

        if (theme === 'light') expect(againstWhite).to.be.below(1.2);
        else expect(againstWhite).to.be.above(10);
      });

      it('gives text 4.5:1 contrast', async () => {
        const card = await colourfulCard(theme);

        expectRatios(contrasts(card, TEXT, 'color'), 4.5);
      });

      it('gives bands and bar 3:1 contrast', async () => {
        const card = await colourfulCard(theme);
        const colours = contrasts(card, ['.band.hot', '.band.warm', '.band.cold'], 'color');
        const bar = contrasts(card, ['.bar .pos', '.bar .neg'], 'backgroundColor');

        expectRatios([...colours, ...bar], 3);
      });

      it('orders band lightness warm, cold, hot', async () => {
        const card = await colourfulCard(theme);
        const luminance = (tone: string): number =>
          relativeLuminance(parseColor(getComputedStyle(shadow(card).querySelector(`.band.${tone}`)!).color));

        expect(luminance('warm')).to.be.above(luminance('cold') + 0.05);
        expect(luminance('cold')).to.be.above(luminance('hot') + 0.05);
      });

      it('gives error text 4.5:1 contrast', async () => {
        const card = await errorCard(theme);

        expectRatios(contrasts(card, ['.message p', '.code', '[part="retry-button"]'], 'color'), 4.5);
        await expectAccessible(card);
      });

      it('passes axe when ready', async () => {
        const card = await colourfulCard(theme);

        await expectAccessible(card);
      });

      it('passes axe while loading', async () => {
        const card = await mountCard({ theme });

        await expectAccessible(card);
      });

      it('passes axe when empty', async () => {
        const { loader, calls } = fakeLoader();
        const card = await mountCard({ context: LEAD, loader, theme });
        calls[0]?.answer.resolve(makeCard([]));
        await settled(card);

        await expectAccessible(card);
      });

      it('passes axe when unavailable', async () => {
        const card = await mountCard({ context: { kind: 'unsupported-module', module: 'Products' }, theme });

        await expectAccessible(card);
      });
    });
  }

  it('follows a dark system in auto', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const card = await colourfulCard('auto');

    expect(contrastRatio(surfaceOf(card), WHITE)).to.be.above(10);
    expectRatios(contrasts(card, TEXT, 'color'), 4.5);
  });

  it('stays light when chosen on a dark system', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const card = await colourfulCard('light');

    expect(contrastRatio(surfaceOf(card), WHITE)).to.be.below(1.2);
  });

  it('applies a public custom property', async () => {
    const card = await colourfulCard('light');
    card.style.setProperty('--entity-score-surface', 'rgb(250, 240, 230)');

    expect(getComputedStyle(shadow(card).querySelector('.card')!).backgroundColor).to.equal('rgb(250, 240, 230)');
  });
});
