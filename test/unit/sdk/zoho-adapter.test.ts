import { expect } from '@esm-bundle/chai';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import type { CrmHost } from '../../../widget-src/sdk/crm-host.js';
import { createCrmHost } from '../../../widget-src/sdk/zoho-adapter.js';
import { deferred, describe, FakeTimers, it, outcome, settle } from '../api/harness.js';

interface Call {
  name: string;
  args: unknown[];
}

/** A stand-in for the `ZOHO` global: each call is recorded and answered by `answer`. */
function fakeZoho(answer: (name: string, args: unknown[]) => unknown = () => Promise.resolve('ok')) {
  const calls: Call[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]): unknown => {
      calls.push({ name, args });
      return answer(name, args);
    };
  const zoho = {
    embeddedApp: { on: record('on'), init: record('init') },
    CRM: {
      CONNECTION: { invoke: record('invoke') },
      CONFIG: {
        GetCurrentEnvironment: record('GetCurrentEnvironment'),
        getCurrentUser: record('getCurrentUser'),
        getUserPreference: record('getUserPreference') as ((...args: unknown[]) => unknown) | undefined,
      },
      API: { getOrgVariable: record('getOrgVariable') },
      UI: { Resize: record('Resize') },
    },
  };
  return { zoho, calls };
}

function hostFor(zoho: unknown, timers = new FakeTimers(), timeoutMs = 5000): CrmHost {
  const win = { ZOHO: zoho } as unknown as Window;
  const host = createCrmHost(win, { timeoutMs: () => timeoutMs, setTimer: timers.setTimer, clearTimer: timers.clearTimer });
  if (host instanceof CrmError) throw host;
  return host;
}

const request = { url: 'https://www.zohoapis.com/crm/v7/Leads/1/Entity_Scores__s', method: 'GET', param_type: 1, parameters: {}, headers: {} } as const;

describe('createCrmHost', () => {
  describe('a missing SDK', () => {
    const missing: Array<[string, unknown]> = [
      ['no ZOHO global', undefined],
      ['ZOHO is not an object', 'ZOHO'],
      ['no embeddedApp', { CRM: {} }],
      ['no CRM', { embeddedApp: { on() {}, init() {} } }],
    ];
    for (const [name, zoho] of missing) {
      it(`returns SDK_NOT_LOADED with ${name}`, () => {
        const result = createCrmHost({ ZOHO: zoho } as unknown as Window, { timeoutMs: () => 1000 });
        expect(result).to.be.instanceOf(CrmError);
        expect((result as CrmError).code).to.equal('SDK_NOT_LOADED');
      });
    }
  });

  it('forwards the connection request unchanged and resolves with the raw envelope', async () => {
    const envelope = { code: 'SUCCESS', details: { statusMessage: { data: [] } } };
    const { zoho, calls } = fakeZoho(() => Promise.resolve(envelope));
    const request = { url: 'https://www.zohoapis.eu/crm/v7/Leads/1/Entity_Scores__s', method: 'GET', param_type: 1, parameters: { fields: 'Score' }, headers: {} } as const;

    const answer = await hostFor(zoho).invokeConnection('entity_scores', { ...request, parameters: { ...request.parameters }, headers: {} });

    expect(answer).to.equal(envelope);
    expect(calls).to.deep.equal([{ name: 'invoke', args: ['entity_scores', request] }]);
  });

  it('rejects with TIMEOUT when the SDK never answers, naming the operation', async () => {
    const timers = new FakeTimers();
    const { zoho } = fakeZoho(() => new Promise(() => {}));
    const pending = outcome(hostFor(zoho, timers, 3000).getCurrentEnvironment());

    await timers.advance(2999);
    expect(timers.pending).to.equal(1);
    await timers.advance(1);

    const result = await pending;
    expect(result).to.have.property('error').that.is.instanceOf(CrmError);
    const error = (result as { error: CrmError }).error;
    expect(error.code).to.equal('TIMEOUT');
    expect(error.details.operation).to.equal('CONFIG.GetCurrentEnvironment');
  });

  it('reads the timeout on every call', async () => {
    const timers = new FakeTimers();
    let timeoutMs = 1000;
    const { zoho } = fakeZoho(() => new Promise(() => {}));
    const win = { ZOHO: zoho } as unknown as Window;
    const host = createCrmHost(win, { timeoutMs: () => timeoutMs, setTimer: timers.setTimer, clearTimer: timers.clearTimer }) as CrmHost;

    timeoutMs = 4000;
    const pending = outcome(host.getCurrentUser());
    await timers.advance(1000);
    expect(timers.pending).to.equal(1);
    await timers.advance(3000);
    expect(await pending).to.have.property('error');
  });

  it('clears the timer when the SDK answers in time', async () => {
    const timers = new FakeTimers();
    const { zoho } = fakeZoho(() => Promise.resolve({ deployment: 'US' }));
    expect(await hostFor(zoho, timers).getCurrentEnvironment()).to.deep.equal({ deployment: 'US' });
    expect(timers.pending).to.equal(0);
  });

  it('turns a synchronous throw before the handshake into a rejection', async () => {
    const { zoho } = fakeZoho(() => {
      throw new Error('Parentwindow reference not found.');
    });
    const result = await outcome(hostFor(zoho).getCurrentUser());
    const error = (result as { error: CrmError }).error;
    expect(error).to.be.instanceOf(CrmError);
    expect(error.code).to.equal('CRM_CALL_FAILED');
    expect(error.message).to.equal('Parentwindow reference not found.');
    expect(error.details.operation).to.equal('CONFIG.getCurrentUser');
  });

  const rejections: Array<[string, unknown, string]> = [
    ['a REST error body', { code: 'NO_PERMISSION', message: 'Permission denied', status: 'error' }, 'NO_PERMISSION'],
    ['a REST error body as JSON text', '{"code":"INVALID_TOKEN","status":"error"}', 'INVALID_TOKEN'],
    ['plain text', 'failed', 'CRM_CALL_FAILED'],
    ['undefined', undefined, 'CRM_CALL_FAILED'],
    ['an object without a code', { message: 'nope' }, 'CRM_CALL_FAILED'],
    ['an odd code', { code: 'not a code!' }, 'CRM_CALL_FAILED'],
    ['an Error', new TypeError('boom'), 'CRM_CALL_FAILED'],
  ];
  for (const [name, value, code] of rejections) {
    it(`turns a rejection with ${name} into CrmError ${code}`, async () => {
      const { zoho } = fakeZoho(() => Promise.reject(value));
      const result = await outcome(hostFor(zoho).getOrgVariable('entity_score_settings'));
      const error = (result as { error: CrmError }).error;
      expect(error).to.be.instanceOf(CrmError);
      expect(error.code).to.equal(code);
      expect(error.details.operation).to.equal('API.getOrgVariable');
    });
  }

  it('registers PageLoad once and refuses a second registration', () => {
    const { zoho, calls } = fakeZoho();
    const host = hostFor(zoho);
    const handler = (): void => {};

    host.onPageLoad(handler);

    expect(calls).to.deep.equal([{ name: 'on', args: ['PageLoad', handler] }]);
    expect(() => host.onPageLoad(handler)).to.throw(/twice/);
    expect(calls).to.have.length(1);
  });

  it('refuses a PageLoad handler registered after init()', () => {
    const { zoho } = fakeZoho();
    const host = hostFor(zoho);
    host.init();
    expect(() => host.onPageLoad(() => {})).to.throw(/after init/);
  });

  it('calls init() once and swallows a rejection or a promise that never settles', async () => {
    const { zoho, calls } = fakeZoho((name) => (name === 'init' ? Promise.reject(new Error('no zdk url')) : undefined));
    const host = hostFor(zoho);
    host.init();
    host.init();
    await settle();
    expect(calls.filter((call) => call.name === 'init')).to.have.length(1);

    const never = fakeZoho(() => new Promise(() => {}));
    expect(() => hostFor(never.zoho).init()).to.not.throw();
  });

  it('swallows a throwing init()', () => {
    const { zoho } = fakeZoho(() => {
      throw new Error('Parentwindow reference not found.');
    });
    expect(() => hostFor(zoho).init()).to.not.throw();
  });

  it('resolves getUserPreference with undefined on an SDK without it', async () => {
    const { zoho, calls } = fakeZoho();
    zoho.CRM.CONFIG.getUserPreference = undefined;
    expect(await hostFor(zoho).getUserPreference()).to.equal(undefined);
    expect(calls).to.have.length(0);
  });

  it('asks getUserPreference when the SDK has it', async () => {
    const { zoho } = fakeZoho(() => Promise.resolve({ mode: 'day' }));
    expect(await hostFor(zoho).getUserPreference()).to.deep.equal({ mode: 'day' });
  });

  it('passes the size to UI.Resize, leaving out a missing width', async () => {
    const { zoho, calls } = fakeZoho(() => Promise.resolve(true));
    const host = hostFor(zoho);
    expect(await host.resize({ height: 320 })).to.equal(true);
    await host.resize({ height: 200, width: 400 });
    expect(calls).to.deep.equal([
      { name: 'Resize', args: [{ height: 320 }] },
      { name: 'Resize', args: [{ height: 200, width: 400 }] },
    ]);
  });

  it('rejects when a CRM namespace is missing instead of throwing', async () => {
    const { zoho } = fakeZoho();
    const partial = { ...zoho, CRM: { ...zoho.CRM, UI: undefined } };
    const result = await outcome(hostFor(partial).resize({ height: 10 }));
    expect((result as { error: CrmError }).error.code).to.equal('CRM_CALL_FAILED');
  });

  it('reads a rejected CONNECTION.invoke without a code as CONNECTION_FAILED', async () => {
    const { zoho } = fakeZoho(() => Promise.reject({ message: 'Connection not found' }));
    const result = await outcome(hostFor(zoho).invokeConnection('entity_scores', request));
    const error = (result as { error: CrmError }).error;
    expect(error.code).to.equal('CONNECTION_FAILED');
    expect(error.details.operation).to.equal('CONNECTION.invoke');
  });

  it('reads a CONNECTION.invoke that throws as CRM_CALL_FAILED', async () => {
    const { zoho } = fakeZoho(() => {
      throw new Error('Parentwindow reference not found.');
    });
    const result = await outcome(hostFor(zoho).invokeConnection('entity_scores', request));
    expect((result as { error: CrmError }).error.code).to.equal('CRM_CALL_FAILED');
  });

  it('reads a failed GetCurrentEnvironment without a code as CRM_CALL_FAILED', async () => {
    const { zoho } = fakeZoho(() => Promise.reject({ message: 'The environment details are not available.' }));
    const result = await outcome(hostFor(zoho).getCurrentEnvironment());
    const error = (result as { error: CrmError }).error;
    expect(error.code).to.equal('CRM_CALL_FAILED');
    expect(error.details.operation).to.equal('CONFIG.GetCurrentEnvironment');
    expect(error.message).to.equal('The environment details are not available.');
  });

  it('falls back to a sane timeout when the setting is unusable', async () => {
    const timers = new FakeTimers();
    const { zoho } = fakeZoho(() => new Promise(() => {}));
    const pending = outcome(hostFor(zoho, timers, Number.NaN).getCurrentUser());
    await timers.advance(9999);
    expect(timers.pending).to.equal(1);
    await timers.advance(1);
    expect(((await pending) as { error: CrmError }).error.code).to.equal('TIMEOUT');
  });
});
