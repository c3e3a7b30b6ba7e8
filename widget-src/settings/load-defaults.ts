import type { AdminNote } from '../model/types.js';
import { DEFAULT_SETTINGS } from './defaults.js';
import { SETTINGS_FILE_NOTE_KEY } from './resolve.js';

/** The part of a `fetch` response that `loadDefaults` reads. */
export interface FetchedFile {
  ok: boolean;
  text(): Promise<string>;
}

/** A `fetch`-compatible function, such as `window.fetch` or a test fake. */
export type FetchFile = (url: string, init: { signal: AbortSignal; cache: RequestCache }) => Promise<FetchedFile>;

export interface LoadDefaultsOptions {
  /** Signal that aborts the request. When given, it replaces the timeout. */
  signal?: AbortSignal;
  /** Maximum wait for the file in milliseconds, by default the built-in `timeoutMs`. */
  timeoutMs?: number;
}

/** The parsed defaults file, or the built-in copy with a note saying why. */
export interface LoadedDefaults {
  /** A JSON object for `resolveSettings`, which validates it key by key. */
  json: unknown;
  notes: AdminNote[];
}

/**
 * Fetches and parses `settings.json` from the widget's own origin. Falls back
 * to `DEFAULT_SETTINGS` with one note when the request fails or times out, or
 * when the body is not a JSON object. Never rejects.
 */
export async function loadDefaults(fetchFn: FetchFile, url: string, options: LoadDefaultsOptions = {}): Promise<LoadedDefaults> {
  const signal = options.signal ?? AbortSignal.timeout(options.timeoutMs ?? DEFAULT_SETTINGS.timeoutMs);

  let text: string;
  try {
    // `no-cache` revalidates, so a new upload of the widget is seen on the next page load.
    const response = await fetchFn(url, { signal, cache: 'no-cache' });
    if (!response.ok) return fallback('unavailable');
    text = await response.text();
  } catch {
    return fallback('unavailable');
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fallback('invalid-json');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fallback('wrong-type');

  return { json, notes: [] };
}

function fallback(problem: 'unavailable' | 'invalid-json' | 'wrong-type'): LoadedDefaults {
  const note: AdminNote =
    problem === 'wrong-type'
      ? { kind: 'invalid-setting', key: SETTINGS_FILE_NOTE_KEY, problem, expected: 'JSON object', source: 'settings-file' }
      : { kind: 'invalid-setting', key: SETTINGS_FILE_NOTE_KEY, problem, source: 'settings-file' };
  return { json: DEFAULT_SETTINGS, notes: [note] };
}
