import { expect } from '@esm-bundle/chai';
import type { AdminNote } from '../../../widget-src/model/types.js';
import { DEFAULT_SETTINGS } from '../../../widget-src/settings/defaults.js';
import { loadDefaults, type FetchFile, type FetchedFile } from '../../../widget-src/settings/load-defaults.js';
import { describe, it } from '../api/harness.js';

const FILE_URL = 'https://widget.example/app/settings.json';

function respond(ok: boolean, body: string | Error): FetchFile {
  const response: FetchedFile = {
    ok,
    text: () => (body instanceof Error ? Promise.reject(body) : Promise.resolve(body)),
  };
  return () => Promise.resolve(response);
}

function fileNote(problem: 'unavailable' | 'invalid-json' | 'wrong-type'): AdminNote {
  return problem === 'wrong-type'
    ? { kind: 'invalid-setting', key: '(settings.json)', problem, expected: 'JSON object', source: 'settings-file' }
    : { kind: 'invalid-setting', key: '(settings.json)', problem, source: 'settings-file' };
}

describe('loadDefaults', () => {
  it('returns the parsed file', async () => {
    const loaded = await loadDefaults(respond(true, '{"timeoutMs": 20000}'), FILE_URL);
    expect(loaded).to.deep.equal({ json: { timeoutMs: 20000 }, notes: [] });
  });

  it('passes the URL, a signal and no-cache', async () => {
    const calls: Array<[string, { signal: AbortSignal; cache: RequestCache }]> = [];
    const fetchFn: FetchFile = (url, init) => {
      calls.push([url, init]);
      return respond(true, '{}')(url, init);
    };
    const controller = new AbortController();
    await loadDefaults(fetchFn, FILE_URL, { signal: controller.signal });
    expect(calls).to.have.length(1);
    expect(calls[0]?.[0]).to.equal(FILE_URL);
    expect(calls[0]?.[1].signal).to.equal(controller.signal);
    expect(calls[0]?.[1].cache).to.equal('no-cache');
  });

  it('creates a timeout signal when none is given', async () => {
    let received: AbortSignal | undefined;
    await loadDefaults((url, init) => {
      received = init.signal;
      return respond(true, '{}')(url, init);
    }, FILE_URL);
    expect(received).to.be.instanceOf(AbortSignal);
    expect(received?.aborted).to.equal(false);
  });

  const failures: Array<[string, FetchFile, 'unavailable' | 'invalid-json' | 'wrong-type']> = [
    ['HTTP 404', respond(false, 'Not Found'), 'unavailable'],
    ['network failure', () => Promise.reject(new TypeError('Failed to fetch')), 'unavailable'],
    ['body read failure', respond(true, new TypeError('network error')), 'unavailable'],
    ['empty body', respond(true, ''), 'invalid-json'],
    ['HTML body', respond(true, '<!doctype html><title>404</title>'), 'invalid-json'],
    ['truncated JSON', respond(true, '{"timeoutMs": 200'), 'invalid-json'],
    ['JSON list', respond(true, '[]'), 'wrong-type'],
    ['JSON null', respond(true, 'null'), 'wrong-type'],
    ['JSON number', respond(true, '10000'), 'wrong-type'],
  ];
  for (const [name, fetchFn, problem] of failures) {
    it(`falls back to the built-in defaults on ${name}`, async () => {
      const loaded = await loadDefaults(fetchFn, FILE_URL);
      expect(loaded.json).to.equal(DEFAULT_SETTINGS);
      expect(loaded.notes).to.deep.equal([fileNote(problem)]);
    });
  }

  it('falls back when the request is aborted', async () => {
    const controller = new AbortController();
    const fetchFn: FetchFile = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal.addEventListener('abort', () => reject(init.signal.reason));
      });
    const pending = loadDefaults(fetchFn, FILE_URL, { signal: controller.signal });
    controller.abort(new DOMException('timed out', 'TimeoutError'));

    const loaded = await pending;
    expect(loaded.json).to.equal(DEFAULT_SETTINGS);
    expect(loaded.notes).to.deep.equal([fileNote('unavailable')]);
  });
});
