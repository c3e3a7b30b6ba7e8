import { expect } from '@esm-bundle/chai';
import { expectAccessible } from '../helpers/axe.js';
import { LEAD, fakeLoader, mountCard, settled, shadow, textOf } from './card-harness.js';
import { makeCard, makeRule } from './card-data.js';

// A deactivated rule keeps its last scores, so a collapsed row must show that
// before the rep reads its number as current.
describe('inactive compact row', () => {
  it('shows the mark without expanding', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });
    calls[0]?.answer.resolve(
      makeCard([makeRule(), makeRule({ ruleId: '4876876000000400002', ruleName: 'Old rule', active: false })]),
    );
    await settled(card);

    const row = shadow(card).querySelector('.others li .row');
    expect(row?.getAttribute('aria-expanded')).to.equal('false');
    expect(textOf(row?.querySelector('.inactive'))).to.equal('Inactive');
    expect(textOf(row?.querySelector('.sr-only'))).to.contain('Inactive: this score no longer updates');
    await expectAccessible(card);
  });

  it('has no mark on an active row', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });
    calls[0]?.answer.resolve(makeCard([makeRule(), makeRule({ ruleId: '4876876000000400002', active: null })]));
    await settled(card);

    expect(shadow(card).querySelector('.others .inactive')).to.equal(null);
  });
});
