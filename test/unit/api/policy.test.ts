import { expect } from '@esm-bundle/chai';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import {
  INTERNAL_ERROR_BACKOFF_MS,
  isAutoRetryable,
  isUserRetryable,
  MAX_RULE_PAGES,
  MAX_SCORE_PAGES,
  retryAfterMs,
  withAutoRetry,
} from '../../../widget-src/api/policy.js';
import { sendGet, type RestClient } from '../../../widget-src/api/request.js';
import { envelope, FakeHost } from './fake-host.js';
import { describe, FakeTimers, it, outcome, settle } from './harness.js';

const context = { operation: 'GET test', scopes: [] };
const request = { url: 'https://www.zohoapis.com/crm/v7/Leads/1/Entity_Scores__s', method: 'GET', param_type: 1, parameters: {}, headers: {} } as const;

function setup(): { host: FakeHost; timers: FakeTimers; controller: AbortController; client: RestClient } {
  const host = new FakeHost();
  const timers = new FakeTimers();
  const controller = new AbortController();
  const client = { host, connectionName: 'entity_scores', baseUrl: '', timers, timeoutMs: 10_000, signal: controller.signal };
  return { host, timers, controller, client };
}

const failure = (code: string): unknown => envelope({ code, status: 'error', message: code });

describe('request policy', () => {
  const table: Array<[string, boolean, boolean]> = [
    ['INTERNAL_ERROR', true, true],
    ['TOO_MANY_REQUESTS', false, true],
    ['TIMEOUT', false, true],
    ['CONNECTION_FAILED', false, true],
    ['CRM_CALL_FAILED', false, true],
    ['NO_PERMISSION', false, false],
    ['OAUTH_SCOPE_MISMATCH', false, false],
    ['INVALID_DATA', false, false],
    ['INVALID_RESPONSE', false, false],
    ['SDK_NOT_LOADED', false, false],
    ['SOMETHING_NEW', false, false],
  ];
  for (const [code, automatic, user] of table) {
    it(`${code}: automatic retry ${automatic}, retry button ${user}`, () => {
      expect(isAutoRetryable(code)).to.equal(automatic);
      expect(isUserRetryable(code)).to.equal(user);
    });
  }

  it('waits retry_after before a TOO_MANY_REQUESTS retry, within bounds', () => {
    expect(retryAfterMs(new CrmError('TOO_MANY_REQUESTS', '', { retryAfterSeconds: 30 }))).to.equal(30_000);
    expect(retryAfterMs(new CrmError('TOO_MANY_REQUESTS', '', { retryAfterSeconds: 99_999 }))).to.equal(3_600_000);
    expect(retryAfterMs(new CrmError('TOO_MANY_REQUESTS', ''))).to.equal(60_000);
    expect(retryAfterMs(new CrmError('TIMEOUT', '', { retryAfterSeconds: 30 }))).to.equal(0);
  });

  it('caps paging', () => {
    expect(MAX_SCORE_PAGES).to.equal(5);
    expect(MAX_RULE_PAGES).to.equal(3);
    expect(INTERNAL_ERROR_BACKOFF_MS).to.equal(1000);
  });

  it('retries INTERNAL_ERROR once after the backoff, then surfaces it', async () => {
    const { host, timers, client } = setup();
    const result = outcome(sendGet(client, request, context));

    await settle();
    host.sent[0]?.answer.resolve(failure('INTERNAL_ERROR'));
    await timers.advance(INTERNAL_ERROR_BACKOFF_MS - 1);
    expect(host.sent).to.have.length(1);
    await timers.advance(1);
    expect(host.sent).to.have.length(2);

    host.sent[1]?.answer.resolve(failure('INTERNAL_ERROR'));
    await timers.advance(60_000);
    expect(host.sent).to.have.length(2);
    expect(((await result) as { error: CrmError }).error.code).to.equal('INTERNAL_ERROR');
  });

  it('resolves when the retry of an INTERNAL_ERROR succeeds', async () => {
    const { host, timers, client } = setup();
    const result = sendGet(client, request, context);
    await settle();
    host.sent[0]?.answer.resolve(failure('INTERNAL_ERROR'));
    await timers.advance(INTERNAL_ERROR_BACKOFF_MS);
    host.sent[1]?.answer.resolve(envelope({ data: [] }));
    expect(await result).to.deep.equal({ kind: 'body', body: { data: [] } });
  });

  for (const code of ['TOO_MANY_REQUESTS', 'TIMEOUT', 'CONNECTION_FAILED', 'CRM_CALL_FAILED', 'NO_PERMISSION', 'INVALID_TOKEN']) {
    it(`does not retry ${code} by itself`, async () => {
      const { host, timers, client } = setup();
      const result = outcome(sendGet(client, request, context));
      await settle();
      host.sent[0]?.answer.resolve(failure(code));
      await timers.advance(120_000);
      expect(host.sent).to.have.length(1);
      expect(((await result) as { error: CrmError }).error.code).to.equal(code);
    });
  }

  it('does not retry a TIMEOUT rejection from the adapter', async () => {
    let calls = 0;
    const result = await outcome(
      withAutoRetry(
        () => {
          calls++;
          return Promise.reject(new CrmError('TIMEOUT', 'late'));
        },
        { timers: new FakeTimers(), signal: new AbortController().signal, timeoutMs: 10_000 },
      ),
    );
    expect(calls).to.equal(1);
    expect((result as { error: CrmError }).error.code).to.equal('TIMEOUT');
  });

  it('keeps the backoff within the SDK timeout', async () => {
    const { host, timers, client } = setup();
    client.timeoutMs = 200;
    void outcome(sendGet(client, request, context));
    await settle();
    host.sent[0]?.answer.resolve(failure('INTERNAL_ERROR'));
    await timers.advance(200);
    expect(host.sent).to.have.length(2);
  });

  it('sends no retry once aborted during the backoff', async () => {
    const { host, timers, controller, client } = setup();
    const result = outcome(sendGet(client, request, context));
    await settle();
    host.sent[0]?.answer.resolve(failure('INTERNAL_ERROR'));
    await settle();
    controller.abort();
    await timers.advance(5000);
    expect(host.sent).to.have.length(1);
    expect(((await result) as { error: Error }).error.name).to.equal('AbortError');
    expect(timers.pending).to.equal(0);
  });
});
