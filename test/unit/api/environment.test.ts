import { expect } from '@esm-bundle/chai';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import { forgetApiHost, resolveApiHost } from '../../../widget-src/api/environment.js';
import { clearCache } from '../../../widget-src/api/session-cache.js';
import { FakeHost } from './fake-host.js';
import { afterEach, beforeEach, describe, it, outcome } from './harness.js';

const settings = { cacheMinutes: 10 };

async function errorOf(promise: Promise<unknown>): Promise<CrmError> {
  const result = await outcome(promise);
  expect(result).to.have.property('error').that.is.instanceOf(CrmError);
  return (result as { error: CrmError }).error;
}

describe('resolveApiHost', () => {
  beforeEach(() => clearCache());
  afterEach(() => clearCache());

  it('maps the deployment to its API host', async () => {
    const host = new FakeHost();
    host.environment = () => Promise.resolve({ deployment: 'EU', zgid: '1' });
    expect(await resolveApiHost(host, settings)).to.equal('https://www.zohoapis.eu');
  });

  it('reads an answer given as JSON text', async () => {
    const host = new FakeHost();
    host.environment = () => Promise.resolve('{"deployment":"AU"}');
    expect(await resolveApiHost(host, settings)).to.equal('https://www.zohoapis.com.au');
  });

  it('caches the data centre for cacheMinutes', async () => {
    const host = new FakeHost();
    host.environment = () => Promise.resolve({ deployment: 'IN' });
    let now = 1_000_000;
    const clock = (): number => now;

    await resolveApiHost(host, settings, clock);
    now += 9 * 60_000;
    expect(await resolveApiHost(host, settings, clock)).to.equal('https://www.zohoapis.in');
    expect(host.environmentCalls).to.equal(1);

    now += 2 * 60_000;
    await resolveApiHost(host, settings, clock);
    expect(host.environmentCalls).to.equal(2);
  });

  it('asks again after forgetApiHost', async () => {
    const host = new FakeHost();
    host.environment = () => Promise.resolve({ deployment: 'JP' });

    await resolveApiHost(host, settings);
    forgetApiHost();
    expect(await resolveApiHost(host, settings)).to.equal('https://www.zohoapis.jp');
    expect(host.environmentCalls).to.equal(2);
  });

  it('does not cache with cacheMinutes 0', async () => {
    const host = new FakeHost();
    await resolveApiHost(host, { cacheMinutes: 0 });
    await resolveApiHost(host, { cacheMinutes: 0 });
    expect(host.environmentCalls).to.equal(2);
  });

  it('reports an unknown data centre and does not cache it', async () => {
    const host = new FakeHost();
    host.environment = () => Promise.resolve({ deployment: 'MARS' });
    const error = await errorOf(resolveApiHost(host, settings));
    expect(error.code).to.equal('UNKNOWN_DATA_CENTRE');
    expect(error.details.dataCentre).to.equal('MARS');

    await outcome(resolveApiHost(host, settings));
    expect(host.environmentCalls).to.equal(2);
  });

  for (const answer of [undefined, null, {}, { deployment: '' }, { deployment: 7 }, 'not json', [{ deployment: 'US' }]]) {
    it(`reports INVALID_RESPONSE for the answer ${JSON.stringify(answer)}`, async () => {
      const host = new FakeHost();
      host.environment = () => Promise.resolve(answer);
      expect((await errorOf(resolveApiHost(host, settings))).code).to.equal('INVALID_RESPONSE');
    });
  }

  it('passes a host failure on', async () => {
    const host = new FakeHost();
    host.environment = () => Promise.reject(new CrmError('TIMEOUT', 'late'));
    expect((await errorOf(resolveApiHost(host, settings))).code).to.equal('TIMEOUT');
  });
});
