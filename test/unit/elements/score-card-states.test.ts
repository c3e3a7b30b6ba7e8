import { expect } from '@esm-bundle/chai';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import { expectAccessible } from '../helpers/axe.js';
import { announcement, DEAL, fakeLoader, LEAD, mountCard, settled, shadow, textOf } from './card-harness.js';
import { makeCard, makeRule } from './card-data.js';

describe('entity-score-card states', () => {
  it('shows the skeleton before PageLoad', async () => {
    const card = await mountCard();

    expect(card.getAttribute('state')).to.equal('loading');
    expect(shadow(card).querySelector('.bone')).to.exist;
    expect(textOf(shadow(card))).to.include('Loading entity scores…');
    expect(announcement(card)).to.equal('');
    await expectAccessible(card);
  });

  it('calls the loader with the record and a signal', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });

    expect(card.getAttribute('state')).to.equal('loading');
    expect(calls).to.have.length(1);
    expect(calls[0]?.record).to.deep.equal({ module: 'Leads', recordId: '4876876000000123001' });
    expect(calls[0]?.signal).to.be.instanceOf(AbortSignal);
    expect(calls[0]?.signal.aborted).to.equal(false);
  });

  it('stays loading until the loader is set', async () => {
    const card = await mountCard({ context: LEAD });

    expect(card.getAttribute('state')).to.equal('loading');
  });

  it('renders ready with one rule', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });

    calls[0]?.answer.resolve(makeCard([makeRule()]));
    await settled(card);

    expect(card.getAttribute('state')).to.equal('ready');
    expect(card.state).to.equal('ready');
    expect(textOf(shadow(card).querySelector('h2'))).to.equal('Lead fit');
    expect(announcement(card)).to.equal('Entity scores loaded.');
    await expectAccessible(card);
  });

  it('renders empty for zero rules', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });

    calls[0]?.answer.resolve(makeCard([]));
    await settled(card);

    expect(card.getAttribute('state')).to.equal('empty');
    expect(card.hasAttribute('error-code')).to.equal(false);
    expect(textOf(shadow(card).querySelector('[part="message"]'))).to.include('No score yet for this record.');
    expect(announcement(card)).to.equal('No score yet for this record.');
    await expectAccessible(card);
  });

  it('renders error with the code', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });

    calls[0]?.answer.reject(new CrmError('TIMEOUT', 'no answer'));
    await settled(card);

    expect(card.getAttribute('state')).to.equal('error');
    expect(card.getAttribute('error-code')).to.equal('TIMEOUT');
    expect(announcement(card)).to.equal('Entity scores could not be loaded.');
    await expectAccessible(card);
  });

  it('shows a startup error without loading', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ loader, startupError: new CrmError('SDK_NOT_LOADED', 'ZOHO is undefined') });

    expect(card.getAttribute('state')).to.equal('error');
    expect(card.getAttribute('error-code')).to.equal('SDK_NOT_LOADED');
    expect(textOf(shadow(card))).to.include('Reload the page');
    expect(shadow(card).querySelector('button')).to.equal(null);
    expect(calls).to.have.length(0);
    await expectAccessible(card);
  });

  const unavailable = [
    { context: { kind: 'no-record' }, text: 'Open this widget from a Lead, Contact, Deal or Account record page.' },
    { context: { kind: 'several-records', module: 'Leads', count: 3 }, text: '3 records are selected. Select a single record' },
    { context: { kind: 'unsupported-module', module: 'Products' }, text: 'not available for this module (Products)' },
    { context: { kind: 'invalid-record', module: 'Leads', value: '12ab', reason: 'not-an-id' }, text: '"12ab" is not a valid Leads record id' },
    {
      context: { kind: 'invalid-record', module: 'Leads', value: '4876876000002768000', reason: 'unsafe-number' },
      text: 'CRM sent the Leads record id as a number too long to read exactly (4876876000002768000)',
    },
  ] as const;

  for (const { context, text } of unavailable) {
    it(`renders unavailable for ${context.kind}`, async () => {
      const { loader, calls } = fakeLoader();
      const card = await mountCard({ context, loader });

      expect(card.getAttribute('state')).to.equal('unavailable');
      expect(textOf(shadow(card).querySelector('[part="message"]'))).to.include(text);
      expect(calls).to.have.length(0);
      await expectAccessible(card);
    });
  }

  it('ignores the old record when the context changes', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });

    card.context = DEAL;
    await card.updateComplete;
    expect(calls).to.have.length(2);
    expect(calls[0]?.signal.aborted).to.equal(true);

    calls[0]?.answer.resolve(makeCard([makeRule({ ruleName: 'Old lead rule' })]));
    await calls[0]?.answer.promise;
    await card.updateComplete;
    expect(card.getAttribute('state')).to.equal('loading');

    calls[1]?.answer.resolve(makeCard([makeRule({ ruleName: 'Deal rule' })]));
    await settled(card);
    expect(card.getAttribute('state')).to.equal('ready');
    expect(textOf(shadow(card).querySelector('h2'))).to.equal('Deal rule');
  });

  it('keeps the new record when the old answer is late', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });
    card.context = DEAL;
    await card.updateComplete;

    calls[1]?.answer.resolve(makeCard([makeRule({ ruleName: 'Deal rule' })]));
    await settled(card);
    calls[0]?.answer.resolve(makeCard([makeRule({ ruleName: 'Old lead rule' })]));
    await calls[0]?.answer.promise;
    await card.updateComplete;

    expect(textOf(shadow(card).querySelector('h2'))).to.equal('Deal rule');
  });

  it('ignores a late failure of the old record', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });
    card.context = DEAL;
    await card.updateComplete;

    calls[0]?.answer.reject(new DOMException('aborted', 'AbortError'));
    await calls[0]?.answer.promise.catch(() => undefined);
    await card.updateComplete;
    expect(card.getAttribute('state')).to.equal('loading');

    calls[1]?.answer.resolve(makeCard([makeRule()]));
    await settled(card);
    expect(card.getAttribute('state')).to.equal('ready');
  });

  it('hides the previous card while the next record loads', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });
    calls[0]?.answer.resolve(makeCard([makeRule({ ruleName: 'Lead rule' })]));
    await settled(card);

    card.context = DEAL;
    await card.updateComplete;

    expect(card.getAttribute('state')).to.equal('loading');
    expect(textOf(shadow(card))).not.to.include('Lead rule');
  });

  it('switches to unavailable from a loaded record', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });
    calls[0]?.answer.resolve(makeCard([makeRule()]));
    await settled(card);

    card.context = { kind: 'no-record' };
    await card.updateComplete;

    expect(card.getAttribute('state')).to.equal('unavailable');
  });

  it('reflects the theme attribute', async () => {
    const card = await mountCard();
    expect(card.getAttribute('theme')).to.equal('auto');

    card.theme = 'dark';
    await card.updateComplete;
    expect(card.getAttribute('theme')).to.equal('dark');
  });
});
