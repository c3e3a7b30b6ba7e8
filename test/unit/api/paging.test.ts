import { expect } from '@esm-bundle/chai';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import { MAX_RULE_PAGES, MAX_SCORE_PAGES } from '../../../widget-src/api/policy.js';
import type { RestClient } from '../../../widget-src/api/request.js';
import { fetchScoringRules } from '../../../widget-src/api/rules-request.js';
import { fetchScores } from '../../../widget-src/api/scores-request.js';
import { clearCache } from '../../../widget-src/api/session-cache.js';
import { envelope, FakeHost } from './fake-host.js';
import { afterEach, beforeEach, describe, FakeTimers, it, outcome, settle } from './harness.js';

const record = { module: 'Leads', recordId: '4876876000002768054' };

function clientFor(host: FakeHost, signal = new AbortController().signal): RestClient {
  return { host, connectionName: 'entity_scores', baseUrl: 'https://www.zohoapis.com/crm/v7', timers: new FakeTimers(), timeoutMs: 10_000, signal };
}

function scoresPage(ruleId: string, info: unknown): unknown {
  return envelope({ data: [{ id: '1', Score: 5, Scoring_Rule: { id: ruleId, name: null } }], info });
}

/** Answers each request as it arrives with `pages[i]`, until the load settles. */
async function serve<T>(host: FakeHost, pages: unknown[], run: Promise<T>): Promise<T> {
  const result = outcome(run);
  for (let i = 0; i < 20; i++) {
    await settle();
    const next = host.sent[i];
    if (next === undefined) break;
    next.answer.resolve(pages[i] ?? envelope(''));
  }
  const settled = await result;
  if ('error' in settled) throw settled.error;
  return settled.value;
}

describe('scores paging', () => {
  it('reads one page when more_records is false', async () => {
    const host = new FakeHost();
    const result = await serve(host, [scoresPage('11', { more_records: false, next_page_token: null })], fetchScores(clientFor(host), record));
    expect(result.rows.map((row) => row.ruleId)).to.deep.equal(['11']);
    expect(result.truncated).to.equal(undefined);
    expect(host.sent).to.have.length(1);
    expect(host.sent[0]?.request.parameters).to.not.have.property('page_token');
  });

  it(`follows next_page_token and stops after ${MAX_SCORE_PAGES} pages`, async () => {
    const host = new FakeHost();
    const pages = Array.from({ length: 8 }, (_, i) => scoresPage(String(i + 1), { more_records: true, next_page_token: `t${i + 1}` }));
    const result = await serve(host, pages, fetchScores(clientFor(host), record));

    expect(host.sent).to.have.length(MAX_SCORE_PAGES);
    expect(host.sent.map((entry) => entry.request.parameters.page_token)).to.deep.equal([undefined, 't1', 't2', 't3', 't4']);
    expect(result.rows).to.have.length(5);
    expect(result.truncated).to.equal('page-limit');
  });

  it('stops when more_records is true but the token is null', async () => {
    const host = new FakeHost();
    const result = await serve(host, [scoresPage('1', { more_records: true, next_page_token: null })], fetchScores(clientFor(host), record));
    expect(host.sent).to.have.length(1);
    expect(result.rows).to.have.length(1);
    expect(result.truncated).to.equal(undefined);
  });

  it('stops on a repeated token instead of looping', async () => {
    const host = new FakeHost();
    const pages = [
      scoresPage('1', { more_records: true, next_page_token: 'a' }),
      scoresPage('2', { more_records: true, next_page_token: 'b' }),
      scoresPage('3', { more_records: true, next_page_token: 'a' }),
    ];
    const result = await serve(host, pages, fetchScores(clientFor(host), record));
    expect(host.sent).to.have.length(3);
    expect(result.rows.map((row) => row.ruleId)).to.deep.equal(['1', '2', '3']);
    expect(result.truncated).to.equal('repeated-token');
  });

  it('reads no content as no rows', async () => {
    const host = new FakeHost();
    const result = await serve(host, [envelope('')], fetchScores(clientFor(host), record));
    expect(result).to.deep.equal({ rows: [], rejected: [] });
  });

  it('counts rejected rows across pages', async () => {
    const host = new FakeHost();
    const pages = [
      envelope({ data: [{ Score: 1 }, 'bad'], info: { more_records: true, next_page_token: 'n' } }),
      envelope({ data: [{ Score: '2' }] }),
    ];
    const result = await serve(host, pages, fetchScores(clientFor(host), record));
    expect(result.rejected).to.deep.equal([
      { field: '(row)', row: 1, received: 'string' },
      { field: 'Score', row: 2, received: 'string' },
    ]);
  });

  it('fails with the error of a later page', async () => {
    const host = new FakeHost();
    const pages = [scoresPage('1', { more_records: true, next_page_token: 'n' }), envelope({ code: 'NO_PERMISSION', status: 'error' })];
    const result = await outcome(serve(host, pages, fetchScores(clientFor(host), record)));
    expect((result as { error: CrmError }).error.code).to.equal('NO_PERMISSION');
  });
});

describe('scoring rules paging and cache', () => {
  beforeEach(() => clearCache());
  afterEach(() => clearCache());

  const rulesPage = (id: string, more: boolean): unknown =>
    envelope({ scoring_rules: [{ id, name: `Rule ${id}`, description: null, active: true }], info: { more_records: more } });
  const cache = { cacheMinutes: 10, now: () => 5_000_000 };

  it(`reads at most ${MAX_RULE_PAGES} pages`, async () => {
    const host = new FakeHost();
    const pages = ['1', '2', '3', '4'].map((id) => rulesPage(id, true));
    const result = await serve(host, pages, fetchScoringRules(clientFor(host), 'Leads', cache));
    expect(host.sent.map((entry) => entry.request.parameters.page)).to.deep.equal(['1', '2', '3']);
    expect(result.rules.map((rule) => rule.id)).to.deep.equal(['1', '2', '3']);
  });

  it('serves a module from the cache while it is fresh, per module', async () => {
    const host = new FakeHost();
    await serve(host, [rulesPage('1', false)], fetchScoringRules(clientFor(host), 'Leads', cache));

    const again = await fetchScoringRules(clientFor(host), 'Leads', cache);
    expect(again.rules).to.deep.equal([{ id: '1', name: 'Rule 1', description: null, active: true }]);
    expect(host.sent).to.have.length(1);

    const other = new FakeHost();
    await serve(other, [rulesPage('2', false)], fetchScoringRules(clientFor(other), 'Contacts', cache));
    expect(other.sent).to.have.length(1);

    const later = new FakeHost();
    await serve(later, [rulesPage('1', false)], fetchScoringRules(clientFor(later), 'Leads', { cacheMinutes: 10, now: () => 5_000_000 + 10 * 60_000 }));
    expect(later.sent).to.have.length(1);
  });

  it('reads no content as no rules', async () => {
    const host = new FakeHost();
    const result = await serve(host, [envelope(null)], fetchScoringRules(clientFor(host), 'Leads', cache));
    expect(result.rules).to.deep.equal([]);
  });

  it('caches nothing after a failure', async () => {
    const host = new FakeHost();
    await outcome(serve(host, [envelope({ code: 'NO_PERMISSION', status: 'error' })], fetchScoringRules(clientFor(host), 'Leads', cache)));
    const retry = new FakeHost();
    await serve(retry, [rulesPage('1', false)], fetchScoringRules(clientFor(retry), 'Leads', cache));
    expect(retry.sent).to.have.length(1);
  });
});
