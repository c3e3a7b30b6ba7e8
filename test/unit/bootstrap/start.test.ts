// The real bootstrap against a stand-in `ZOHO` global and window: adapter,
// PageLoad wiring, settings, data centre and the card, with no network.
import '../helpers/dev-warnings.js';
import { expect } from '@esm-bundle/chai';
import { clearCache } from '../../../widget-src/api/session-cache.js';
import { start } from '../../../widget-src/bootstrap/start.js';
import { EntityScoreCard } from '../../../widget-src/elements/score-card.js';
import { envelope } from '../api/fake-host.js';
import { settle } from '../api/harness.js';
import { until } from '../helpers/until.js';
import { deferred, fixture, type Deferred } from '../helpers/fixture.js';

const LEAD_ID = '5725767000001234567';

const SCORES = {
  data: [{ id: '5725767000009000001', Score: 31, Positive_Score: 40, Negative_Score: -9, Scoring_Rule: { id: '5725767000000982013', name: 'Lead fit' } }],
  info: { more_records: false },
};

interface FakeFrame {
  win: Window & typeof globalThis;
  /** Names of the SDK functions called, in order. */
  calls: string[];
  /** Pending `CONNECTION.invoke` calls, answered by the test. */
  invokes: Array<{ url: string; answer: Deferred<unknown> }>;
  /** Returns the `GetCurrentEnvironment` result; tests that need a failure replace it. */
  environment: () => Promise<unknown>;
  /** Returns the `getCurrentUser` result; tests replace it. */
  user: () => Promise<unknown>;
  /** Callbacks passed to the window's `setTimeout`, which fire only when a test calls them. */
  timers: Array<{ callback: () => void; ms: number }>;
  firePageLoad(payload: unknown): void;
}

/** Builds a window whose `ZOHO` global records every call and whose `document` finds `card`. */
function fakeFrame(card: EntityScoreCard): FakeFrame {
  const frame: FakeFrame = {
    win: undefined as unknown as Window & typeof globalThis,
    calls: [],
    invokes: [],
    environment: () => Promise.resolve({ deployment: 'US' }),
    user: () => Promise.resolve({ users: [{ locale: 'en_US' }] }),
    timers: [],
    firePageLoad: () => {
      throw new Error('No PageLoad handler was registered.');
    },
  };
  const called = (name: string): void => {
    frame.calls.push(name);
  };

  const zoho = {
    embeddedApp: {
      on(event: string, handler: (payload: unknown) => void) {
        called(`on ${event}`);
        frame.firePageLoad = handler;
      },
      init() {
        called('init');
        return Promise.resolve(undefined);
      },
    },
    CRM: {
      CONNECTION: {
        invoke(_name: string, request: { url: string }) {
          called('invoke');
          const answer = deferred<unknown>();
          frame.invokes.push({ url: request.url, answer });
          return answer.promise;
        },
      },
      CONFIG: {
        GetCurrentEnvironment() {
          called('GetCurrentEnvironment');
          return frame.environment();
        },
        getCurrentUser() {
          called('getCurrentUser');
          return frame.user();
        },
        getUserPreference() {
          called('getUserPreference');
          return Promise.resolve({ mode: 'day' });
        },
      },
      API: {
        getOrgVariable() {
          called('getOrgVariable');
          return Promise.resolve({});
        },
      },
      UI: {
        Resize() {
          return Promise.resolve(true);
        },
      },
    },
  };

  frame.win = {
    ZOHO: zoho,
    document: { querySelector: () => card },
    navigator: { languages: ['en-US'] },
    // settings.json with no keys: the built-in defaults apply, with no note.
    fetch: () => Promise.resolve({ ok: true, text: () => Promise.resolve('{}') }),
    setTimeout: (callback: () => void, ms: number) => frame.timers.push({ callback, ms }),
  } as unknown as Window & typeof globalThis;
  return frame;
}

function answerScores(frame: FakeFrame, index: number): void {
  const scores = frame.invokes.filter((entry) => entry.url.endsWith('/Entity_Scores__s'));
  const rules = frame.invokes.filter((entry) => entry.url.endsWith('/scoring_rules'));
  scores[index]?.answer.resolve(envelope(SCORES));
  rules[index]?.answer.resolve(envelope(''));
}

describe('start', () => {
  beforeEach(() => clearCache());
  afterEach(() => clearCache());

  it('registers one PageLoad handler when run twice', async () => {
    const card = await fixture(new EntityScoreCard());
    const frame = fakeFrame(card);

    start(frame.win);
    start(frame.win);

    expect(frame.calls.filter((name) => name === 'on PageLoad')).to.have.length(1);
    expect(frame.calls.filter((name) => name === 'init')).to.have.length(1);

    frame.firePageLoad({ Entity: 'Leads', EntityId: LEAD_ID });
    await until(() => frame.invokes.length === 2, 'the scores and rules requests');
    answerScores(frame, 0);
    await until(() => card.state === 'ready', 'the ready state');
    expect(card.shadowRoot?.textContent).to.include('Lead fit');
  });

  it('sends no request for a list-view PageLoad', async () => {
    const card = await fixture(new EntityScoreCard());
    const frame = fakeFrame(card);
    start(frame.win);

    frame.firePageLoad({ Entity: 'Contacts', EntityId: ['5725767000001234567', '5725767000001234568'], ButtonPosition: 'ListView' });
    await until(() => card.state === 'unavailable', 'the unavailable state');
    for (let round = 0; round < 20; round++) await settle();

    expect(frame.calls.filter((name) => name === 'invoke' || name === 'GetCurrentEnvironment')).to.deep.equal([]);
  });

  it('shows unavailable when no PageLoad comes', async () => {
    const card = await fixture(new EntityScoreCard());
    const frame = fakeFrame(card);
    start(frame.win);
    await card.updateComplete;
    expect(card.state).to.equal('loading');

    // Web tabs and dashboards send no PageLoad; the wait is one SDK timeout.
    expect(frame.timers.map((timer) => timer.ms)).to.deep.equal([10_000]);
    frame.timers[0]?.callback();
    await until(() => card.state === 'unavailable', 'the unavailable state');
    expect(frame.calls.filter((name) => name === 'invoke' || name === 'GetCurrentEnvironment')).to.deep.equal([]);
  });

  it('shows the scores when the user call never returns', async () => {
    const card = await fixture(new EntityScoreCard());
    const frame = fakeFrame(card);
    frame.user = () => new Promise(() => {});
    start(frame.win);

    frame.firePageLoad({ Entity: 'Leads', EntityId: LEAD_ID });
    await until(() => frame.invokes.length === 2, 'the scores and rules requests');
    answerScores(frame, 0);
    for (let round = 0; round < 20; round++) await settle();
    expect(card.state, 'waiting for the message catalogue').to.equal('loading');

    // The wait for the user's language is bounded by the SDK timeout.
    const localeWait = frame.timers.filter((timer) => timer.ms === 10_000).at(-1);
    expect(frame.timers, 'the PageLoad wait and the language wait').to.have.length(2);
    localeWait?.callback();
    await until(() => card.state === 'ready', 'the ready state');
  });

  it('shows CRM_CALL_FAILED for a failed environment call and asks again on retry', async () => {
    const card = await fixture(new EntityScoreCard());
    const frame = fakeFrame(card);
    // The host's failure carries a message and no REST code.
    frame.environment = () => Promise.reject({ message: 'The environment details are not available.' });
    start(frame.win);

    frame.firePageLoad({ Entity: 'Leads', EntityId: LEAD_ID });
    await until(() => card.state === 'error', 'the error state');
    expect(card.getAttribute('error-code')).to.equal('CRM_CALL_FAILED');
    expect(frame.calls.filter((name) => name === 'GetCurrentEnvironment'), 'no automatic second call').to.have.length(1);
    expect(frame.invokes, 'no REST request without an API host').to.deep.equal([]);
    const text = card.shadowRoot?.textContent ?? '';
    expect(text).to.include('did not complete a request');
    expect(text).not.to.include('Connection');

    frame.environment = () => Promise.resolve({ deployment: 'EU' });
    card.shadowRoot?.querySelector<HTMLButtonElement>('[part="retry-button"]')?.click();
    await until(() => frame.invokes.length === 2, 'the requests after the retry');

    expect(frame.calls.filter((name) => name === 'GetCurrentEnvironment')).to.have.length(2);
    expect(frame.invokes.map((entry) => new URL(entry.url).host)).to.deep.equal(['www.zohoapis.eu', 'www.zohoapis.eu']);
    answerScores(frame, 0);
    await until(() => card.state === 'ready', 'the ready state');
  });
});
