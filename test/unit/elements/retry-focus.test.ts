import { expect } from '@esm-bundle/chai';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import { LEAD, fakeLoader, mountCard, settled, shadow } from './card-harness.js';
import { makeCard, makeRule } from './card-data.js';

// Keyboard users press the retry button, which disappears while the card
// reloads; focus must come back into the card instead of falling to the page.
describe('retry focus', () => {
  async function failedCard() {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });
    calls[0]?.answer.reject(new CrmError('INTERNAL_ERROR', 'server error'));
    await settled(card);

    const button = shadow(card).querySelector<HTMLButtonElement>('.retry');
    if (!button) throw new Error('no retry button');
    button.focus();
    button.click();
    await card.updateComplete;
    return { card, calls };
  }

  it('keeps focus in the card while it reloads', async () => {
    const { card } = await failedCard();

    expect(card.state).to.equal('loading');
    expect(shadow(card).activeElement?.classList.contains('card')).to.equal(true);
  });

  it('returns to the retry button after another failure', async () => {
    const { card, calls } = await failedCard();
    expect(card.state).to.equal('loading');

    calls[1]?.answer.reject(new CrmError('INTERNAL_ERROR', 'server error'));
    await settled(card);

    expect(shadow(card).activeElement?.classList.contains('retry')).to.equal(true);
  });

  it('moves to the card after a success', async () => {
    const { card, calls } = await failedCard();

    calls[1]?.answer.resolve(makeCard([makeRule()]));
    await settled(card);

    expect(card.state).to.equal('ready');
    expect(shadow(card).activeElement?.classList.contains('card')).to.equal(true);
  });
});
