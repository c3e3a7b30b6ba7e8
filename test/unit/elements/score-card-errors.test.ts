import { expect } from '@esm-bundle/chai';
import { CrmError, type CrmErrorDetails } from '../../../widget-src/api/crm-error.js';
import { isUserRetryable } from '../../../widget-src/api/policy.js';
import { clock } from '../../../widget-src/elements/countdown.js';
import type { EntityScoreCard } from '../../../widget-src/elements/score-card.js';
import { expectAccessible } from '../helpers/axe.js';
import { installFakeClock } from '../helpers/fake-clock.js';
import { fakeLoader, LEAD, mountCard, settled, shadow, textOf, type LoaderCall } from './card-harness.js';
import { makeCard, makeRule } from './card-data.js';

async function renderError(
  code: string,
  details: CrmErrorDetails = {},
): Promise<{ card: EntityScoreCard; calls: LoaderCall[] }> {
  const { loader, calls } = fakeLoader();
  const card = await mountCard({ context: LEAD, loader });
  calls[0]?.answer.reject(new CrmError(code, `CRM message for ${code}`, details));
  await settled(card);
  return { card, calls };
}

function retryButton(card: EntityScoreCard): HTMLButtonElement | null {
  return shadow(card).querySelector<HTMLButtonElement>('[part="retry-button"]');
}

function message(card: EntityScoreCard): string {
  return textOf(shadow(card).querySelector('[part="message"]'));
}

// Phrases each code's message must contain: what failed and, where it fits, what to do.
const EXPECTED_TEXT: Record<string, string[]> = {
  OAUTH_SCOPE_MISMATCH: ['OAuth scopes', 'An admin must'],
  NO_PERMISSION: ["You don't have permission to view entity scores.", 'Ask your CRM admin for permission'],
  INVALID_DATA: ['did not find this record', 'deleted'],
  INVALID_MODULE: ['does not accept this module'],
  INVALID_TOKEN: ["authorization has expired", 'authorize the Connection again'],
  TOO_MANY_REQUESTS: ['too many requests'],
  INTERNAL_ERROR: ['internal error'],
  INVALID_URL_PATTERN: ['widget is misconfigured'],
  REQUIRED_PARAM_MISSING: ['widget is misconfigured'],
  INVALID_REQUEST_METHOD: ['widget is misconfigured'],
  INVALID_SETTING: ['widget setting'],
  TIMEOUT: ['did not answer in time', 'try again'],
  CONNECTION_FAILED: ['Connection may be missing or not authorized', 'Connection named in the widget settings'],
  CRM_CALL_FAILED: ['The CRM page did not complete a request from the widget.', 'reload the page'],
  UNKNOWN_DATA_CENTRE: ['data centre'],
  SDK_NOT_LOADED: ['script did not load', 'Reload the page'],
  INVALID_RESPONSE: ['could not read'],
  SOMETHING_NEW: ['Entity scores could not be loaded.'],
};

// The countdown's unit comes from Intl, so the expected text does too.
const seconds = (value: number): string =>
  new Intl.NumberFormat('en', { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(value);

describe('entity-score-card errors', () => {
  for (const [code, phrases] of Object.entries(EXPECTED_TEXT)) {
    it(`explains ${code}`, async () => {
      const { card } = await renderError(code, { retryAfterSeconds: 5 });

      expect(card.getAttribute('state')).to.equal('error');
      expect(card.getAttribute('error-code')).to.equal(code);
      for (const phrase of phrases) expect(message(card)).to.include(phrase);
      expect(textOf(shadow(card).querySelector('.code'))).to.equal(`Error code: ${code}`);
      expect(retryButton(card) !== null, 'retry button shown').to.equal(isUserRetryable(code));
      await expectAccessible(card);
    });
  }

  it('names the missing scopes', async () => {
    const scopes = ['ZohoCRM.modules.entity_scores.READ', 'ZohoCRM.modules.Leads.READ'];
    const { card } = await renderError('OAUTH_SCOPE_MISMATCH', { scopes });

    expect(message(card)).to.include(`add these scopes to the Connection and authorize it again: ${scopes.join(', ')}.`);
  });

  it('names the unknown data centre', async () => {
    const { card } = await renderError('UNKNOWN_DATA_CENTRE', { dataCentre: 'MARS' });

    expect(message(card)).to.include('"MARS"');
  });

  it('shows markup in codes as text', async () => {
    const { card } = await renderError('<b>X</b>');

    expect(textOf(shadow(card).querySelector('.code'))).to.equal('Error code: <b>X</b>');
    expect(shadow(card).querySelector('b')).to.equal(null);
  });

  it('shows a non-CrmError as unexpected', async () => {
    const { loader, calls } = fakeLoader();
    const card = await mountCard({ context: LEAD, loader });
    calls[0]?.answer.reject(new TypeError('x is undefined'));
    await settled(card);

    expect(card.getAttribute('error-code')).to.equal('UNEXPECTED_ERROR');
  });

  it('loads again on retry', async () => {
    const { card, calls } = await renderError('TIMEOUT');

    retryButton(card)?.click();
    await card.updateComplete;
    expect(calls).to.have.length(2);
    expect(calls[1]?.record).to.deep.equal(calls[0]?.record);
    expect(card.getAttribute('state')).to.equal('loading');
    expect(card.hasAttribute('error-code')).to.equal(false);

    calls[1]?.answer.resolve(makeCard([makeRule()]));
    await settled(card);
    expect(card.getAttribute('state')).to.equal('ready');
  });

  describe('TOO_MANY_REQUESTS', () => {
    let fakeClock: ReturnType<typeof installFakeClock>;
    beforeEach(() => {
      fakeClock = installFakeClock(clock);
    });
    afterEach(() => {
      fakeClock.restore();
    });

    it('counts down before retry', async () => {
      const { card, calls } = await renderError('TOO_MANY_REQUESTS', { retryAfterSeconds: 3 });
      const button = retryButton(card);

      expect(button?.disabled).to.equal(true);
      expect(textOf(button)).to.equal(`Try again in ${seconds(3)}`);
      await expectAccessible(card);

      fakeClock.advance(1000);
      await card.updateComplete;
      expect(textOf(button)).to.equal(`Try again in ${seconds(2)}`);

      fakeClock.advance(2000);
      await card.updateComplete;
      expect(button?.disabled).to.equal(false);
      expect(textOf(button)).to.equal('Try again');
      expect(fakeClock.pendingCount).to.equal(0);
      expect(calls).to.have.length(1);

      button?.click();
      await card.updateComplete;
      expect(calls).to.have.length(2);
    });

    it('formats the countdown in the locale', async () => {
      const { loader, calls } = fakeLoader();
      const card = await mountCard({ context: LEAD, loader, locale: 'de-DE' });
      calls[0]?.answer.reject(new CrmError('TOO_MANY_REQUESTS', 'slow down', { retryAfterSeconds: 1234 }));
      await settled(card);

      // 1234 s is over two minutes, so the wait reads in whole minutes, rounded up.
      const minutes = new Intl.NumberFormat('de-DE', { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(21);
      expect(textOf(retryButton(card))).to.include(minutes);
    });

    it('shows an hour-long wait in minutes', async () => {
      const { loader, calls } = fakeLoader();
      const card = await mountCard({ context: LEAD, loader });
      calls[0]?.answer.reject(new CrmError('TOO_MANY_REQUESTS', 'slow down', { retryAfterSeconds: 3600 }));
      await settled(card);

      const minutes = new Intl.NumberFormat('en', { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(60);
      expect(textOf(retryButton(card))).to.equal(`Try again in ${minutes}`);
    });

    it('waits the default time without retry_after', async () => {
      const { card } = await renderError('TOO_MANY_REQUESTS');

      expect(retryButton(card)?.disabled).to.equal(true);
      expect(textOf(retryButton(card))).to.match(/^Try again in \d+ sec$/);
    });
  });
});
