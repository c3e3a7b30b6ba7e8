// Hard inputs and faults, each driven from a PageLoad payload and host responses
// through the real parser, loader and element. The simulator scenario that
// covers the same case end to end is named in each group.
import { expect } from '@esm-bundle/chai';
import type { ReactiveController } from 'lit';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import { clock } from '../../../widget-src/elements/countdown.js';
import { EntityScoreCard } from '../../../widget-src/elements/score-card.js';
import { createCrmHost } from '../../../widget-src/sdk/zoho-adapter.js';
import { DEFAULT_SETTINGS } from '../../../widget-src/settings/index.js';
import { envelope, FakeHost } from '../api/fake-host.js';
import { FakeTimers } from '../api/harness.js';
import { shadow, textOf } from '../elements/card-harness.js';
import { installFakeClock } from '../helpers/fake-clock.js';
import { until } from '../helpers/until.js';
import { cardText, expectNoLeakedValues, LEAD_ID, LEAD_PAGELOAD, mountPipeline, scoreRow } from './pipeline.js';

const RULE_ID = '5725767000000982013';
const NO_RULES = envelope('');
/** A missing figure: the dash, then the text a screen reader reads instead. */
const MISSING = '–no value';

function retryButton(card: EntityScoreCard): HTMLButtonElement | null {
  return shadow(card).querySelector<HTMLButtonElement>('[part="retry-button"]');
}

/** Resolves the scores requests sent so far with `scores`, and the rules requests with no content. */
function answerAll(host: FakeHost, scores: unknown): void {
  for (const entry of host.sentTo('Entity_Scores__s')) entry.answer.resolve(scores);
  for (const entry of host.sentTo('scoring_rules')) entry.answer.resolve(NO_RULES);
}

/** Wraps score rows as the SDK resolves them: the REST body inside a SUCCESS envelope. */
function scoresEnvelope(rows: unknown[], info?: unknown): unknown {
  return envelope(info === undefined ? { data: rows } : { data: rows, info });
}

// The countdown's unit comes from Intl, so the expected text does too.
const waitText = (value: number, unit: 'second' | 'minute'): string =>
  new Intl.NumberFormat('en', { style: 'unit', unit, unitDisplay: 'short' }).format(value);

describe('hard cases, PageLoad to card', () => {
  describe('PageLoad without a usable record (scenarios no-record-context, pageload-*)', () => {
    const payloads: unknown[] = [{}, { Entity: 'Leads' }, { Entity: 'Leads', EntityId: [] }, { Entity: 'Leads', EntityId: '' }];
    for (const payload of payloads) {
      it(`PageLoad ${JSON.stringify(payload)} is unavailable with no request`, async () => {
        const pipeline = await mountPipeline(new FakeHost());
        pipeline.pageLoad(payload);
        await pipeline.settled();

        expect(pipeline.card.getAttribute('state')).to.equal('unavailable');
        expect(cardText(pipeline.card)).to.include('Open this widget from a Lead, Contact, Deal or Account record page.');
        expect(pipeline.host.sent, 'CRM_CONNECTION calls').to.deep.equal([]);
        expect(pipeline.host.environmentCalls, 'GetCurrentEnvironment calls').to.equal(0);
      });
    }
  });

  it('list-view PageLoad of two Contacts asks for one record (scenario list-view-two-contacts)', async () => {
    const pipeline = await mountPipeline(new FakeHost());
    pipeline.pageLoad({ Entity: 'Contacts', EntityId: ['5725767000001234567', '5725767000001234568'], ButtonPosition: 'ListView' });
    await pipeline.settled();

    expect(pipeline.card.getAttribute('state')).to.equal('unavailable');
    expect(cardText(pipeline.card)).to.include('2 records are selected. Select a single record to see its entity scores.');
    expect(pipeline.host.sent, 'CRM_CONNECTION calls').to.deep.equal([]);
    expect(pipeline.host.environmentCalls, 'GetCurrentEnvironment calls').to.equal(0);
  });

  it('empty statusMessage shows No score yet (scenario empty-status-message)', async () => {
    const host = new FakeHost();
    host.respond = (request) =>
      request.url.endsWith('/Entity_Scores__s')
        ? { resolve: { code: 'SUCCESS', status: 'success', message: 'ok', details: { statusMessage: '' } } }
        : { resolve: NO_RULES };
    const pipeline = await mountPipeline(host);
    pipeline.pageLoad(LEAD_PAGELOAD);
    await pipeline.settled();

    expect(pipeline.card.getAttribute('state')).to.equal('empty');
    expect(cardText(pipeline.card)).to.include('No score yet for this record.');
    expect(host.sentTo('Entity_Scores__s')).to.have.length(1);
  });

  it('all-null row shows dashes and the rule id (scenario all-null-scores)', async () => {
    const host = new FakeHost();
    host.respond = (request) =>
      request.url.endsWith('/Entity_Scores__s') ? { resolve: scoresEnvelope([scoreRow(RULE_ID, null, null)]) } : { resolve: NO_RULES };
    const pipeline = await mountPipeline(host);
    pipeline.pageLoad(LEAD_PAGELOAD);
    await pipeline.settled();

    const { card } = pipeline;
    expect(card.getAttribute('state')).to.equal('ready');
    expect(textOf(shadow(card).querySelector('h2'))).to.equal(`Scoring Rule ${RULE_ID}`);
    const figures = [shadow(card).querySelector('[part="score"]'), ...shadow(card).querySelectorAll('.parts dd')];
    expect(figures).to.have.length(3);
    for (const figure of figures) expect(textOf(figure)).to.equal(MISSING);
    // Apart from the rule id the card shows no digit: a 0 would be a missing score shown as zero.
    expect(cardText(card).replaceAll(RULE_ID, '')).not.to.match(/\d/);
    expect(shadow(card).querySelector('.bar'), 'no breakdown bar without parts').to.equal(null);
    expectNoLeakedValues(card);
  });

  it('NO_PERMISSION in a SUCCESS envelope offers no retry (scenario no-permission-envelope)', async () => {
    const host = new FakeHost();
    const noPermission = {
      code: 'SUCCESS',
      status: 'success',
      message: 'ok',
      details: {
        statusMessage: { code: 'NO_PERMISSION', status: 'error', message: 'permission denied', details: { permissions: ['Crm_Implied_View_Entity_Scores'] } },
      },
    };
    host.respond = (request) => (request.url.endsWith('/Entity_Scores__s') ? { resolve: noPermission } : { resolve: NO_RULES });
    const pipeline = await mountPipeline(host);
    pipeline.pageLoad(LEAD_PAGELOAD);
    await pipeline.settled();

    expect(pipeline.card.getAttribute('state')).to.equal('error');
    expect(pipeline.card.getAttribute('error-code')).to.equal('NO_PERMISSION');
    expect(cardText(pipeline.card)).to.include("You don't have permission to view entity scores.");
    // Compared as a boolean: chai would try to print a whole element.
    expect(retryButton(pipeline.card) === null, 'no retry button').to.equal(true);
    expect(host.sentTo('Entity_Scores__s'), 'no automatic retry').to.have.length(1);
  });

  describe('TOO_MANY_REQUESTS with retry_after 60 (scenario too-many-requests-wait-60)', () => {
    let countdownClock: ReturnType<typeof installFakeClock>;
    beforeEach(() => {
      countdownClock = installFakeClock(clock);
    });
    afterEach(() => {
      countdownClock.restore();
    });

    it('429 sends nothing until the retry button after 60 s', async () => {
      const host = new FakeHost();
      const backoff = new FakeTimers();
      const pipeline = await mountPipeline(host, { timers: backoff });
      pipeline.pageLoad(LEAD_PAGELOAD);
      await until(() => host.sent.length === 2, 'the scores and rules requests');
      answerAll(host, envelope({ code: 'TOO_MANY_REQUESTS', status: 'error', message: 'API limit reached', details: { retry_after: 60 } }));
      await pipeline.settled();

      const { card } = pipeline;
      expect(card.getAttribute('error-code')).to.equal('TOO_MANY_REQUESTS');
      expect(retryButton(card)?.disabled).to.equal(true);
      expect(textOf(retryButton(card))).to.equal(`Try again in ${waitText(60, 'second')}`);

      // Both clocks move: the card's countdown and the loader's own timers.
      countdownClock.advance(59_000);
      await backoff.advance(59_000);
      await card.updateComplete;
      expect(host.sentTo('Entity_Scores__s'), 'requests during the wait').to.have.length(1);
      expect(retryButton(card)?.disabled).to.equal(true);
      expect(textOf(retryButton(card))).to.equal(`Try again in ${waitText(1, 'second')}`);

      countdownClock.advance(1000);
      await backoff.advance(1000);
      await card.updateComplete;
      expect(retryButton(card)?.disabled).to.equal(false);
      expect(host.sentTo('Entity_Scores__s'), 'requests before the click').to.have.length(1);

      retryButton(card)?.click();
      await until(() => host.sentTo('Entity_Scores__s').length === 2, 'the request of the retry');
    });
  });

  describe('paging stops on what came (scenarios scores-without-info, more-records-null-token)', () => {
    it('rows without info render after one request', async () => {
      const host = new FakeHost();
      host.respond = (request) =>
        request.url.endsWith('/Entity_Scores__s') ? { resolve: scoresEnvelope([scoreRow(RULE_ID, 'Lead fit', 23)]) } : { resolve: NO_RULES };
      const pipeline = await mountPipeline(host);
      pipeline.pageLoad(LEAD_PAGELOAD);
      await pipeline.settled();

      expect(pipeline.card.getAttribute('state')).to.equal('ready');
      expect(textOf(shadow(pipeline.card).querySelector('h2'))).to.equal('Lead fit');
      expect(host.sentTo('Entity_Scores__s')).to.have.length(1);
    });

    it('200 rows with more_records and a null token render after one request', async () => {
      const rows = Array.from({ length: 200 }, (_, i) =>
        scoreRow(String(5725767000020000000n + BigInt(i)), null, i + 1, { id: String(5725767000010000000n + BigInt(i)) }),
      );
      const host = new FakeHost();
      host.respond = (request) =>
        request.url.endsWith('/Entity_Scores__s')
          ? { resolve: scoresEnvelope(rows, { more_records: true, next_page_token: null, per_page: 200, count: 200, page: 1 }) }
          : { resolve: NO_RULES };
      const pipeline = await mountPipeline(host);
      pipeline.pageLoad(LEAD_PAGELOAD);
      await pipeline.settled();

      const { card } = pipeline;
      expect(card.getAttribute('state')).to.equal('ready');
      expect(shadow(card).querySelectorAll('[part="rule"]')).to.have.length(200);
      expect(textOf(shadow(card).querySelector('h2'))).to.equal('Scoring Rule 5725767000020000199');
      expect(host.sentTo('Entity_Scores__s')).to.have.length(1);
      expectNoLeakedValues(card);
    });
  });

  describe('markup in data (scenario rule-name-markup)', () => {
    // Markup that did get parsed would call alert() once its image fails to
    // load, which blocks the test browser. The stub stays until the file ends,
    // after that image's error event.
    const realAlert = window.alert;
    before(() => {
      window.alert = () => undefined;
    });
    after(() => {
      window.alert = realAlert;
    });

    it('rule name with markup renders as text', async () => {
      const markup = '<img src=x onerror=alert(1)>';
      const host = new FakeHost();
      host.respond = (request) =>
        request.url.endsWith('/Entity_Scores__s') ? { resolve: scoresEnvelope([scoreRow(RULE_ID, markup, 23)]) } : { resolve: NO_RULES };
      const pipeline = await mountPipeline(host);
      pipeline.pageLoad(LEAD_PAGELOAD);
      await pipeline.settled();

      const root = shadow(pipeline.card);
      expect(textOf(root.querySelector('h2'))).to.equal(markup);
      expect(root.querySelectorAll('img, script, iframe, object, embed').length, 'elements created from the name').to.equal(0);
    });
  });

  it('wrong-typed scores become dashes, each logged once (scenario invalid-score-values)', async () => {
    const badRow = scoreRow(RULE_ID, 'Lead fit', null, {
      Score: '18',
      Positive_Score: 18.5,
      Negative_Score: 1e21,
      Touch_Point_Score: true,
      Touch_Point_Positive_Score: {},
      Touch_Point_Negative_Score: -3,
    });
    const goodRow = scoreRow('5725767000000982014', 'Web activity', 42, { id: '5725767000009000002' });
    const host = new FakeHost();
    host.respond = (request) =>
      request.url.endsWith('/Entity_Scores__s') ? { resolve: scoresEnvelope([badRow, goodRow]) } : { resolve: NO_RULES };
    const pipeline = await mountPipeline(host);

    // The same PageLoad twice loads the record twice; each rejection is still logged once.
    for (let load = 0; load < 2; load++) {
      pipeline.pageLoad({ ...LEAD_PAGELOAD });
      await pipeline.settled();
    }
    expect(host.sentTo('Entity_Scores__s')).to.have.length(2);

    const { card } = pipeline;
    expect(card.getAttribute('state')).to.equal('ready');
    expect(textOf(shadow(card).querySelector('h2')), 'the scored rule comes first').to.equal('Web activity');
    expect(textOf(shadow(card).querySelector('[part="score"]'))).to.equal('+42');
    const leadFit = [...shadow(card).querySelectorAll('li[part="rule"]')].find((row) => textOf(row).includes('Lead fit'));
    expect(textOf(leadFit?.querySelector('.row .score'))).to.equal(MISSING);
    expectNoLeakedValues(card);
    for (const shown of ['18', '1e21', '1e+21', 'true']) expect(cardText(card)).not.to.include(shown);

    expect(pipeline.logged).to.deep.equal([
      `[entity-score-card] load-card: INVALID_FIELD (record ${LEAD_ID}): Positive_Score in row 0: number (not an integer)`,
      `[entity-score-card] load-card: INVALID_FIELD (record ${LEAD_ID}): Negative_Score in row 0: number (beyond 2^53)`,
      `[entity-score-card] load-card: INVALID_FIELD (record ${LEAD_ID}): Touch_Point_Score in row 0: boolean`,
      `[entity-score-card] load-card: INVALID_FIELD (record ${LEAD_ID}): Touch_Point_Positive_Score in row 0: object`,
      `[entity-score-card] load-card: INVALID_FIELD (record ${LEAD_ID}): Score in row 0: string`,
    ]);
  });

  it('unanswered connection call times out with a retry button (scenario never-answers)', async () => {
    const timers = new FakeTimers();
    let invokes = 0;
    // The real adapter over a `ZOHO` global whose Connection never responds; the SDK itself has no timeout.
    const zoho = {
      embeddedApp: { on() {}, init() {} },
      CRM: {
        CONNECTION: {
          invoke() {
            invokes++;
            return new Promise(() => {});
          },
        },
        CONFIG: { GetCurrentEnvironment: () => Promise.resolve({ deployment: 'US' }) },
      },
    };
    const host = createCrmHost({ ZOHO: zoho } as unknown as Window, {
      timeoutMs: () => DEFAULT_SETTINGS.timeoutMs,
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
    });
    if (host instanceof CrmError) throw host;
    const pipeline = await mountPipeline(host, { timers });
    pipeline.pageLoad(LEAD_PAGELOAD);
    await until(() => invokes === 2, 'the scores and rules requests');

    await timers.advance(DEFAULT_SETTINGS.timeoutMs - 1);
    await pipeline.card.updateComplete;
    expect(pipeline.card.getAttribute('state')).to.equal('loading');

    await timers.advance(1);
    await pipeline.settled();
    expect(pipeline.card.getAttribute('state')).to.equal('error');
    expect(pipeline.card.getAttribute('error-code')).to.equal('TIMEOUT');
    expect(cardText(pipeline.card)).to.include('CRM did not answer in time.');
    expect(retryButton(pipeline.card)?.disabled).to.equal(false);
    expect(invokes, 'no automatic retry of a timeout').to.equal(2);
  });

  it('element module evaluated twice keeps one definition (scenario bundle-loaded-twice)', async () => {
    const defined = customElements.get('entity-score-card');
    // Another URL for the same file makes the browser evaluate the module again.
    const copy = new URL('../../../widget-src/elements/score-card.ts?copy=2', import.meta.url).href;
    const module = (await import(copy)) as { EntityScoreCard: typeof EntityScoreCard };

    expect(module.EntityScoreCard, 'a second class was created').not.to.equal(EntityScoreCard);
    expect(customElements.get('entity-score-card')).to.equal(defined);
  });

  describe('second PageLoad while the first is pending (scenario second-pageload)', () => {
    const FIRST_ID = '5725767000001234567';
    const SECOND_ID = '5725767000001234999';

    it('shows only the second record, whatever order the answers come in', async () => {
      const host = new FakeHost();
      const pipeline = await mountPipeline(host);
      const { card } = pipeline;

      // Every render is recorded, so a first-record frame that was replaced at once still counts.
      const rendered: string[] = [];
      const recorder: ReactiveController = { hostUpdated: () => rendered.push(cardText(card)) };
      card.addController(recorder);

      pipeline.pageLoad({ Entity: 'Leads', EntityId: FIRST_ID });
      await until(() => host.sentTo(FIRST_ID).length === 1, 'the first record request');
      pipeline.pageLoad({ Entity: 'Leads', EntityId: SECOND_ID });
      await until(() => host.sentTo(SECOND_ID).length === 1, 'the second record request');

      const first = host.sentTo(FIRST_ID)[0];
      const second = host.sentTo(SECOND_ID)[0];
      for (const entry of host.sentTo('scoring_rules')) entry.answer.resolve(NO_RULES);
      second?.answer.resolve(scoresEnvelope([scoreRow(RULE_ID, 'Second record rule', 77)]));
      await pipeline.settled();
      expect(textOf(shadow(card).querySelector('h2'))).to.equal('Second record rule');

      first?.answer.resolve(scoresEnvelope([scoreRow(RULE_ID, 'First record rule', 18)]));
      await first?.answer.promise;
      await until(() => rendered.length > 0, 'a render');
      for (let round = 0; round < 5; round++) await card.updateComplete;

      expect(card.getAttribute('state')).to.equal('ready');
      expect(textOf(shadow(card).querySelector('h2'))).to.equal('Second record rule');
      expect(textOf(shadow(card).querySelector('[part="score"]'))).to.equal('+77');
      expect(rendered.filter((text) => text.includes('First record rule') || text.includes('+18'))).to.deep.equal([]);
    });
  });
});
