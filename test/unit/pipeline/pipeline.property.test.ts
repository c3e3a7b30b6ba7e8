// Property tests of the whole pipeline: generated PageLoad payloads,
// Connection envelopes, REST bodies and SDK results go through the real parser,
// loader and element. fast-check prints the seed and path of a failing input;
// each one found is kept below as a regular test.
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { MAX_RULE_PAGES, MAX_SCORE_PAGES } from '../../../widget-src/api/policy.js';
import type { Timers } from '../../../widget-src/api/timers.js';
import type { CardState } from '../../../widget-src/elements/types.js';
import { FakeHost, type ImmediateAnswer } from '../api/fake-host.js';
import { settle } from '../api/harness.js';
import {
  connectionEnvelope,
  environmentOutcome,
  pageLoadPayload,
  rulesBody,
  scoresBody,
  sdkOutcome,
  successEnvelope,
} from './arbitraries.js';
import { LEAD_PAGELOAD, LEAKED_VALUES, mountPipeline, scoreRow } from './pipeline.js';

// Generated inputs per property. 1000 runs took 1 to 3 s per property with
// `npx wtr` in headless Chromium on the development machine. The timeout
// leaves room for a slower CI runner.
const RUNS = 1000;
const PROPERTY_TIMEOUT_MS = 60_000;

const STATES: readonly CardState[] = ['loading', 'ready', 'empty', 'unavailable', 'error'];

// Every SDK call sent for one record: each page at most twice (one automatic retry).
const MAX_REQUESTS = 2 * (MAX_SCORE_PAGES + MAX_RULE_PAGES);

/** What the host returns during one run. */
interface HostScript {
  pageLoad: unknown;
  environment: ImmediateAnswer;
  scores: ImmediateAnswer;
  rules: ImmediateAnswer;
}

const VALID_SCORES: ImmediateAnswer = {
  resolve: successEnvelope({ data: [scoreRow('5725767000000982013', 'Lead fit', 23)], info: { more_records: false } }),
};
const VALID_RULES: ImmediateAnswer = { resolve: successEnvelope('') };
const US: ImmediateAnswer = { resolve: { deployment: 'US' } };

/**
 * Timers that fire on the next task: the INTERNAL_ERROR backoff passes at
 * once, so a run settles without a clock. Cancelled timers do not fire.
 */
const immediateTimers: Timers = (() => {
  let next = 1;
  const live = new Set<number>();
  return {
    setTimer(callback) {
      const handle = next++;
      live.add(handle);
      void settle().then(() => {
        if (live.delete(handle)) callback();
      });
      return handle;
    },
    clearTimer(handle) {
      live.delete(handle);
    },
  };
})();

/** Rejects an input whose own text contains a leaked-value word, which a correct card may show. */
function withoutLeakedWords(script: HostScript): boolean {
  const text = JSON.stringify(script) ?? '';
  return !LEAKED_VALUES.some((word) => text.includes(word));
}

/** Unhandled rejections during a run, collected by a listener the property installs. */
const unhandled: unknown[] = [];
const onUnhandled = (event: PromiseRejectionEvent): void => {
  unhandled.push(event.reason);
};

/**
 * Runs one script from PageLoad to the settled card and checks what must hold
 * for any input. Throws on the first violation; fast-check then shrinks.
 */
async function runScript(script: HostScript): Promise<void> {
  const host = new FakeHost();
  host.environment = () => ('resolve' in script.environment ? Promise.resolve(script.environment.resolve) : Promise.reject(script.environment.reject));
  host.respond = (request) => (request.url.endsWith('/Entity_Scores__s') ? script.scores : script.rules);
  const pipeline = await mountPipeline(host, { timers: immediateTimers });
  const { card } = pipeline;

  try {
    const context = pipeline.pageLoad(script.pageLoad);
    await card.updateComplete;
    expect(STATES, 'state while loading').to.include(card.getAttribute('state'));

    await pipeline.settled();
    await settle();
    const state = card.getAttribute('state');
    const expected = context.kind === 'record' ? ['ready', 'empty', 'error'] : ['unavailable'];
    expect(expected, `settled state for a ${context.kind} context`).to.include(state);
    if (state === 'error') expect(card.getAttribute('error-code'), 'error code').to.match(/\S/);

    if (context.kind !== 'record') {
      expect(host.sent.length, 'CRM_CONNECTION calls for an invalid context').to.equal(0);
      expect(host.environmentCalls, 'GetCurrentEnvironment calls for an invalid context').to.equal(0);
    }
    expect(host.sent.length, 'CRM_CONNECTION calls').to.be.at.most(MAX_REQUESTS);

    const text = card.shadowRoot?.textContent ?? '';
    for (const leaked of LEAKED_VALUES) expect(text, `the card shows "${leaked}"`).not.to.include(leaked);
    expect(text.trim(), 'the card is blank').not.to.equal('');
    expect(unhandled, 'unhandled rejections').to.deep.equal([]);
  } finally {
    pipeline.unmount();
    unhandled.length = 0;
  }
}

function checkProperty(script: fc.Arbitrary<HostScript>): Promise<void> {
  return fc.assert(fc.asyncProperty(script.filter(withoutLeakedWords), runScript), { numRuns: RUNS });
}

describe('pipeline properties (fast-check)', () => {
  before(() => window.addEventListener('unhandledrejection', onUnhandled));
  after(() => window.removeEventListener('unhandledrejection', onUnhandled));

  // Found by fast-check (seed -930425252, path "927:1:78:78:77"): String() of
  // this rejection throws, which left the card without a state.
  it('shows a rejection without a text form as an error', async () => {
    await runScript({ pageLoad: LEAD_PAGELOAD, environment: US, scores: { reject: { toString: 0 } }, rules: { reject: null } });
  });

  it('any PageLoad payload settles, and only a record sends requests', async function () {
    this.timeout(PROPERTY_TIMEOUT_MS);
    const script = pageLoadPayload.map((pageLoad): HostScript => ({ pageLoad, environment: US, scores: VALID_SCORES, rules: VALID_RULES }));
    await checkProperty(script);
  });

  it('any Connection envelope settles in a state that says what happened', async function () {
    this.timeout(PROPERTY_TIMEOUT_MS);
    const script = fc.record({
      pageLoad: fc.constant(LEAD_PAGELOAD),
      environment: environmentOutcome,
      scores: sdkOutcome(connectionEnvelope(scoresBody)),
      rules: sdkOutcome(connectionEnvelope(rulesBody)),
    });
    await checkProperty(script);
  });

  it('any REST body in a SUCCESS envelope settles without leaking values', async function () {
    this.timeout(PROPERTY_TIMEOUT_MS);
    const script = fc.record({
      pageLoad: fc.constant(LEAD_PAGELOAD),
      environment: fc.constant(US),
      scores: scoresBody.map((body): ImmediateAnswer => ({ resolve: successEnvelope(body) })),
      rules: rulesBody.map((body): ImmediateAnswer => ({ resolve: successEnvelope(body) })),
    });
    await checkProperty(script);
  });
});
