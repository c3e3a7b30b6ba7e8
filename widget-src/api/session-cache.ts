/**
 * A small cache in `sessionStorage` with an expiry per entry.
 *
 * CRM gives a related-list widget a new iframe per record page, but iframes of
 * the same tab and origin share `sessionStorage`, so a value cached here saves
 * a host round trip on the next record. Values are parsed on the way out like
 * any other untrusted input: storage may hold data from an older build.
 */

const KEY_PREFIX = 'entity-score:';

interface Entry {
  savedAt: number;
  value: unknown;
}

/** Returns the cached value when it is younger than `maxAgeMs` and `parse` accepts it. */
export function readCached<T>(
  key: string,
  maxAgeMs: number,
  parse: (value: unknown) => T | undefined,
  now: number = Date.now(),
): T | undefined {
  const raw = safeStorage()?.getItem(KEY_PREFIX + key);
  if (raw == null) return undefined;

  let entry: unknown;
  try {
    entry = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isEntry(entry)) return undefined;

  const age = now - entry.savedAt;
  if (age < 0 || age >= maxAgeMs) return undefined;
  return parse(entry.value);
}

/** Stores a JSON-serialisable value; quota or privacy errors leave the cache empty. */
export function writeCached(key: string, value: unknown, now: number = Date.now()): void {
  const entry: Entry = { savedAt: now, value };
  try {
    safeStorage()?.setItem(KEY_PREFIX + key, JSON.stringify(entry));
  } catch {
    // NOTE: a full or blocked storage only costs a round trip on the next record.
  }
}

/** Removes one entry. */
export function removeCached(key: string): void {
  try {
    safeStorage()?.removeItem(KEY_PREFIX + key);
  } catch {
    // Blocked storage has nothing to remove.
  }
}

/** Removes every entry this module wrote (tests and a settings change use it). */
export function clearCache(): void {
  const storage = safeStorage();
  if (!storage) return;
  for (let i = storage.length - 1; i >= 0; i--) {
    const key = storage.key(i);
    if (key?.startsWith(KEY_PREFIX)) storage.removeItem(key);
  }
}

function isEntry(value: unknown): value is Entry {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { savedAt?: unknown }).savedAt === 'number' &&
    'value' in value
  );
}

// Reading `window.sessionStorage` throws in sandboxed frames without
// allow-same-origin and when the user blocks site data.
function safeStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
