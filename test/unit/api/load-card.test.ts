import { expect } from '@esm-bundle/chai';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import { createCardLoader, type CardLoader } from '../../../widget-src/api/load-card.js';
import { clearCache, writeCached } from '../../../widget-src/api/session-cache.js';
import { createLogger } from '../../../widget-src/log.js';
import { DEFAULT_SETTINGS } from '../../../widget-src/settings/defaults.js';
import { envelope, FakeHost } from './fake-host.js';
import { afterEach, beforeEach, describe, FakeTimers, it, loadFixture, outcome, settle } from './harness.js';

const record = { module: 'Leads', recordId: '4876876000002768054' };
const NOW = 50_000_000;

function setup(): { host: FakeHost; timers: FakeTimers; logs: unknown[]; load: CardLoader } {
  const host = new FakeHost();
  const timers = new FakeTimers();
  const logs: unknown[] = [];
  const load = createCardLoader({
    host,
    settings: DEFAULT_SETTINGS,
    apiHost: () => Promise.resolve('https://www.zohoapis.eu'),
    log: createLogger({ error: (line: unknown) => logs.push(line) }),
    timers,
    now: () => NOW,
  });
  return { host, timers, logs, load };
}

const rulesBody = {
  scoring_rules: [
    { id: '4876876000002750002', name: 'Web engagement', description: 'Form fills', active: true },
    { id: '4876876000002741001', name: 'Fit', description: null, active: true },
  ],
  info: { more_records: false },
};

describe('createCardLoader', () => {
  beforeEach(() => clearCache());
  afterEach(() => clearCache());

  it('sends the scores and rules requests before either answers, then builds the card', async () => {
    const { host, logs, load } = setup();
    const pending = load(record, new AbortController().signal);
    await settle();

    expect(host.sent.map((entry) => entry.request.url)).to.have.members([
      'https://www.zohoapis.eu/crm/v7/Leads/4876876000002768054/Entity_Scores__s',
      'https://www.zohoapis.eu/crm/v7/settings/automation/scoring_rules',
    ]);
    expect(host.sent.every((entry) => entry.linkName === 'entity_scores')).to.equal(true);

    host.sentTo('Entity_Scores__s')[0]?.answer.resolve(envelope(await loadFixture('entity-scores-sample.json')));
    host.sentTo('scoring_rules')[0]?.answer.resolve(envelope(rulesBody));
    const card = await pending;

    expect(card.rules.map((rule) => [rule.ruleId, rule.ruleName, rule.score])).to.deep.equal([
      ['4876876000002750002', 'Web engagement', 18],
      ['4876876000002741001', 'Fit', 10],
    ]);
    expect(card.notes).to.deep.equal([]);
    expect(logs).to.deep.equal([]);
  });

  it('sends scores and rules together', async () => {
    const { host, load } = setup();
    void outcome(load(record, new AbortController().signal));
    await settle();
    expect(host.sentTo('Entity_Scores__s')).to.have.length(1);
    expect(host.sentTo('scoring_rules')).to.have.length(1);
  });

  it('takes fresh rules from the session cache without asking', async () => {
    const { host, load } = setup();
    writeCached('scoring-rules:https://www.zohoapis.eu/crm/v7:Leads', [{ id: '4876876000002750002', name: 'Cached', description: null, active: true }], NOW - 60_000);

    const pending = load(record, new AbortController().signal);
    await settle();
    expect(host.sent).to.have.length(1);
    host.sent[0]?.answer.resolve(envelope(await loadFixture('entity-scores-sample.json')));
    expect((await pending).rules[0]?.ruleName).to.equal('Cached');
  });

  const rulesFailures: Array<[string, unknown, object]> = [
    ['OAUTH_SCOPE_MISMATCH', envelope({ code: 'OAUTH_SCOPE_MISMATCH', status: 'error' }), { kind: 'rules-unavailable', code: 'OAUTH_SCOPE_MISMATCH', scope: 'ZohoCRM.settings.scoring_rules.READ' }],
    ['NO_PERMISSION', envelope({ code: 'NO_PERMISSION', status: 'error' }), { kind: 'rules-unavailable', code: 'NO_PERMISSION' }],
    ['a garbled answer', envelope({ rules: [] }), { kind: 'rules-unavailable', code: 'INVALID_RESPONSE' }],
  ];
  for (const [name, answer, note] of rulesFailures) {
    it(`rules failure ${name} becomes a note`, async () => {
      const { host, load, logs } = setup();
      const pending = load(record, new AbortController().signal);
      await settle();
      host.sentTo('scoring_rules')[0]?.answer.resolve(answer);
      host.sentTo('Entity_Scores__s')[0]?.answer.resolve(envelope(await loadFixture('entity-scores-sample.json')));

      const card = await pending;
      expect(card.notes).to.deep.equal([note]);
      expect(card.rules.map((rule) => rule.ruleName)).to.deep.equal([null, null]);
      expect(logs).to.have.length(1);
    });
  }

  it('fails with the scores error, whatever the rules do', async () => {
    const { host, load } = setup();
    const pending = outcome(load(record, new AbortController().signal));
    await settle();
    host.sentTo('Entity_Scores__s')[0]?.answer.resolve(envelope({ code: 'INVALID_DATA', status: 'error' }));
    const result = await pending;
    expect((result as { error: CrmError }).error).to.be.instanceOf(CrmError);
    expect((result as { error: CrmError }).error.code).to.equal('INVALID_DATA');
  });

  it('fails when the API host is unknown, before any request', async () => {
    const host = new FakeHost();
    const load = createCardLoader({
      host,
      settings: DEFAULT_SETTINGS,
      apiHost: () => Promise.reject(new CrmError('UNKNOWN_DATA_CENTRE', 'x', { dataCentre: 'MARS' })),
      log: createLogger({ error: () => {} }),
    });
    const result = await outcome(load(record, new AbortController().signal));
    expect((result as { error: CrmError }).error.code).to.equal('UNKNOWN_DATA_CENTRE');
    expect(host.sent).to.have.length(0);
  });

  it('rejects with an AbortError on abort and never delivers the late answer', async () => {
    const { host, load } = setup();
    const controller = new AbortController();
    const result = outcome(load(record, controller.signal));
    await settle();

    controller.abort();
    host.sentTo('Entity_Scores__s')[0]?.answer.resolve(
      envelope({ data: [], info: { more_records: true, next_page_token: 'next' } }),
    );
    host.sentTo('scoring_rules')[0]?.answer.resolve(envelope(rulesBody));
    await settle();

    const settled = await result;
    expect(settled).to.have.property('error');
    expect((settled as { error: Error }).error.name).to.equal('AbortError');
    expect(host.sent).to.have.length(2);
  });

  it('rejects at once for an already aborted signal', async () => {
    const { host, load } = setup();
    const controller = new AbortController();
    controller.abort();
    const result = await outcome(load(record, controller.signal));
    expect((result as { error: Error }).error.name).to.equal('AbortError');
    expect(host.sent).to.have.length(0);
  });

  it('shares the load in flight for the same record', async () => {
    const { host, load } = setup();
    const first = load(record, new AbortController().signal);
    const second = load({ ...record }, new AbortController().signal);
    await settle();
    expect(host.sent).to.have.length(2);

    host.sentTo('Entity_Scores__s')[0]?.answer.resolve(envelope(await loadFixture('entity-scores-sample.json')));
    host.sentTo('scoring_rules')[0]?.answer.resolve(envelope(rulesBody));
    const [a, b] = await Promise.all([first, second]);
    expect(a).to.equal(b);

    // A settled load is not reused: a retry asks again.
    void outcome(load(record, new AbortController().signal));
    await settle();
    expect(host.sentTo('Entity_Scores__s')).to.have.length(2);
  });

  it('loads another record separately', async () => {
    const { host, load } = setup();
    void outcome(load(record, new AbortController().signal));
    void outcome(load({ module: 'Leads', recordId: '4876876000002768099' }, new AbortController().signal));
    await settle();
    expect(host.sentTo('Entity_Scores__s')).to.have.length(2);
  });

  it('keeps a shared load going while one caller still waits', async () => {
    const { host, load } = setup();
    const leaving = new AbortController();
    const left = outcome(load(record, leaving.signal));
    const staying = load(record, new AbortController().signal);
    await settle();

    leaving.abort();
    host.sentTo('Entity_Scores__s')[0]?.answer.resolve(envelope(await loadFixture('entity-scores-sample.json')));
    host.sentTo('scoring_rules')[0]?.answer.resolve(envelope(rulesBody));

    expect((await staying).rules).to.have.length(2);
    expect(((await left) as { error: Error }).error.name).to.equal('AbortError');
  });

  it('reloads an abandoned record after its requests end', async () => {
    const { host, load } = setup();
    const controller = new AbortController();
    void outcome(load(record, controller.signal));
    await settle();
    controller.abort();

    const next = load(record, new AbortController().signal);
    await settle();
    expect(host.sentTo('Entity_Scores__s')).to.have.length(1);

    host.sentTo('Entity_Scores__s')[0]?.answer.resolve(envelope({ data: [] }));
    host.sentTo('scoring_rules')[0]?.answer.resolve(envelope(rulesBody));
    await settle();
    expect(host.sentTo('Entity_Scores__s')).to.have.length(2);

    host.sentTo('Entity_Scores__s')[1]?.answer.resolve(envelope(await loadFixture('entity-scores-sample.json')));
    host.sentTo('scoring_rules')[1]?.answer.resolve(envelope(rulesBody));
    expect((await next).rules).to.have.length(2);
  });

  it('logs each rejected field once with the record id and field', async () => {
    const { host, logs, load } = setup();
    const body = { data: [{ id: '1', Score: '18', Scoring_Rule: { id: '2', name: null } }] };
    for (let attempt = 0; attempt < 2; attempt++) {
      const pending = load(record, new AbortController().signal);
      await settle();
      host.sentTo('Entity_Scores__s')[attempt]?.answer.resolve(envelope(body));
      host.sentTo('scoring_rules')[attempt]?.answer.resolve(envelope(rulesBody));
      const card = await pending;
      expect(card.rules[0]?.score).to.equal(null);
      clearCache();
    }
    expect(logs).to.deep.equal([
      '[entity-score-card] load-card: INVALID_FIELD (record 4876876000002768054): Score in row 0: string',
    ]);
  });
});
