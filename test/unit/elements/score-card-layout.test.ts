import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { fakeLoader, LEAD, mountCard, settled, shadow } from './card-harness.js';
import { makeCard, makeRule } from './card-data.js';

describe('entity-score-card layout', () => {
  for (const width of ['280px', '360px', '600px']) {
    it(`keeps the skeleton height at ${width}`, async () => {
      const { loader, calls } = fakeLoader();
      const card = await mountCard({ context: LEAD, loader }, { width });
      const skeletonHeight = card.getBoundingClientRect().height;

      calls[0]?.answer.resolve(makeCard([makeRule()]));
      await settled(card);
      const readyHeight = card.getBoundingClientRect().height;

      expect(card.getAttribute('state')).to.equal('ready');
      expect(Math.abs(readyHeight - skeletonHeight), `skeleton ${skeletonHeight}px, card ${readyHeight}px`).to.be.at.most(1);
    });
  }

  it('mirrors the bar right to left', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });
    calls[0]?.answer.resolve(makeCard([makeRule()]));
    await settled(card);
    const positive = (): DOMRect => shadow(card).querySelector('.bar .pos')!.getBoundingClientRect();
    const negative = (): DOMRect => shadow(card).querySelector('.bar .neg')!.getBoundingClientRect();

    expect(positive().left).to.be.below(negative().left);

    card.setAttribute('dir', 'rtl');
    expect(positive().left).to.be.above(negative().left);
  });

  describe('motion', () => {
    afterEach(async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
    });

    it('animates the skeleton by default', async () => {
      const card = await mountCard();
      const bone = shadow(card).querySelector('.bone')!;

      expect(getComputedStyle(bone).animationName).to.equal('shimmer');
    });

    it('stops the shimmer for reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const card = await mountCard();
      const bone = shadow(card).querySelector('.bone')!;

      expect(getComputedStyle(bone).animationName).to.equal('none');
    });
  });

  it('shows a focus ring on keyboard focus', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });
    calls[0]?.answer.resolve(makeCard([makeRule({ description: 'About' }), makeRule({ ruleName: 'Second' })]));
    await settled(card);

    await sendKeys({ press: 'Tab' });
    const focused = shadow(card).activeElement;
    const style = getComputedStyle(focused!);

    expect(focused?.tagName).to.equal('SUMMARY');
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });
});
