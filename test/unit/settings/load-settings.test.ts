import { expect } from '@esm-bundle/chai';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import { clearCache } from '../../../widget-src/api/session-cache.js';
import type { CrmHost } from '../../../widget-src/sdk/crm-host.js';
import { DEFAULT_SETTINGS } from '../../../widget-src/settings/defaults.js';
import type { FetchFile } from '../../../widget-src/settings/load-defaults.js';
import { loadSettings } from '../../../widget-src/settings/load-settings.js';
import { afterEach, beforeEach, describe, it } from '../api/harness.js';

const FILE_URL = 'https://widget.example/app/settings.json';
const MINUTE = 60_000;

function fileWith(body: string, ok = true): FetchFile {
  return () => Promise.resolve({ ok, text: () => Promise.resolve(body) });
}

/** A host whose `getOrgVariable` returns `answer()` and records each requested name. */
function hostWith(answer: () => Promise<unknown>): Pick<CrmHost, 'getOrgVariable'> & { names: string[] } {
  const names: string[] = [];
  return {
    names,
    getOrgVariable(name: string) {
      names.push(name);
      return answer();
    },
  };
}

const variable = (content: string) => () => Promise.resolve({ Success: { Content: content } });

describe('loadSettings', () => {
  let time = 1_000_000;
  const now = (): number => time;

  beforeEach(() => {
    clearCache();
    time = 1_000_000;
  });
  afterEach(() => clearCache());

  it('merges the org variable over the file', async () => {
    const host = hostWith(variable('{"cacheMinutes": 5}'));
    const loaded = await loadSettings(host, fileWith('{"timeoutMs": 20000}'), FILE_URL, now);
    expect(host.names).to.deep.equal(['entity_score_card_settings']);
    expect(loaded.notes).to.deep.equal([]);
    expect(loaded.settings).to.deep.equal({ ...DEFAULT_SETTINGS, timeoutMs: 20000, cacheMinutes: 5 });
  });

  it('uses the defaults when the org variable call rejects', async () => {
    const host = hostWith(() => Promise.reject(new Error('no such variable')));
    const loaded = await loadSettings(host, fileWith('{}'), FILE_URL, now);
    expect(loaded.notes).to.deep.equal([]);
    expect(loaded.settings).to.deep.equal(DEFAULT_SETTINGS);
  });

  it('lists the file note before the setting notes', async () => {
    const host = hostWith(variable('{"timeoutMs": 1}'));
    const loaded = await loadSettings(host, fileWith('', false), FILE_URL, now);
    expect(loaded.notes.map((note) => note.kind === 'invalid-setting' && note.key)).to.deep.equal(['(settings.json)', 'timeoutMs']);
  });

  it('reuses the cached variable until cacheMinutes pass', async () => {
    const host = hostWith(variable('{"cacheMinutes": 2}'));
    await loadSettings(host, fileWith('{}'), FILE_URL, now);

    time += 2 * MINUTE - 1;
    const cached = await loadSettings(host, fileWith('{}'), FILE_URL, now);
    expect(host.names).to.have.length(1);
    expect(cached.settings.cacheMinutes).to.equal(2);

    time += 1;
    await loadSettings(host, fileWith('{}'), FILE_URL, now);
    expect(host.names).to.have.length(2);
  });

  it('caches the absence of an override', async () => {
    const host = hostWith(() => Promise.resolve({ Success: { Content: '' } }));
    await loadSettings(host, fileWith('{}'), FILE_URL, now);
    await loadSettings(host, fileWith('{}'), FILE_URL, now);
    expect(host.names).to.have.length(1);
  });

  it('does not cache when cacheMinutes is 0', async () => {
    const host = hostWith(variable('{"cacheMinutes": 0}'));
    await loadSettings(host, fileWith('{}'), FILE_URL, now);
    await loadSettings(host, fileWith('{}'), FILE_URL, now);
    expect(host.names).to.have.length(2);
  });

  it('does not cache a timed-out call', async () => {
    const host = hostWith(() => Promise.reject(new CrmError('TIMEOUT', 'timed out')));
    await loadSettings(host, fileWith('{}'), FILE_URL, now);
    await loadSettings(host, fileWith('{}'), FILE_URL, now);
    expect(host.names).to.have.length(2);
  });

  it('caches a failure the host sent', async () => {
    const host = hostWith(() => Promise.reject(new CrmError('CRM_CALL_FAILED', 'no such variable')));
    await loadSettings(host, fileWith('{}'), FILE_URL, now);
    const second = await loadSettings(host, fileWith('{}'), FILE_URL, now);
    expect(host.names).to.have.length(1);
    expect(second.settings).to.deep.equal(DEFAULT_SETTINGS);
  });

  it('ignores an entry dated in the future', async () => {
    const host = hostWith(variable('{}'));
    await loadSettings(host, fileWith('{}'), FILE_URL, now);
    time -= 5 * MINUTE;
    await loadSettings(host, fileWith('{}'), FILE_URL, now);
    expect(host.names).to.have.length(2);
  });
});
