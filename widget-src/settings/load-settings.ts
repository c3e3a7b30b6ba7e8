import { CrmError } from '../api/crm-error.js';
import { readCached, writeCached } from '../api/session-cache.js';
import type { CrmHost } from '../sdk/crm-host.js';
import { CACHE_MINUTES_RANGE } from './defaults.js';
import { loadDefaults, type FetchFile } from './load-defaults.js';
import { ORG_VARIABLE_NAME, parseOrgVariableAnswer } from './org-variable.js';
import { resolveSettings } from './resolve.js';
import type { ResolvedSettings } from './types.js';

/** Settings in force for this frame, with the notes an admin should see. */
export type LoadedSettings = ResolvedSettings;

const CACHE_KEY = 'org-variable';
const MAX_CACHE_MS = CACHE_MINUTES_RANGE.max * 60_000;

/** Cached org variable content. `content: null` records that there was no override. */
interface CachedOrgVariable {
  content: string | null;
  /** Expiry in epoch milliseconds, stored in the entry because `cacheMinutes` comes from the variable itself. */
  expiresAt: number;
}

/**
 * Loads `settings.json` and the org variable in parallel and merges them.
 * Never rejects: a failed org-variable call means no override, and a broken
 * file means the built-in defaults with a note.
 *
 * The org variable's content stays cached in `sessionStorage` for the
 * resulting `cacheMinutes`, so the next record page skips that round trip.
 * An edit of the variable therefore reaches open tabs only when the entry expires.
 */
export async function loadSettings(
  host: Pick<CrmHost, 'getOrgVariable'>,
  fetchFn: FetchFile,
  settingsUrl: string,
  now: () => number = Date.now,
): Promise<LoadedSettings> {
  const [defaults, override] = await Promise.all([loadDefaults(fetchFn, settingsUrl), readOrgVariable(host, now)]);

  const resolved = resolveSettings(defaults.json, override.content ?? undefined);

  const { cacheMinutes } = resolved.settings;
  if (override.fromHost && cacheMinutes > 0) {
    const entry: CachedOrgVariable = { content: override.content, expiresAt: now() + cacheMinutes * 60_000 };
    writeCached(CACHE_KEY, entry, now());
  }
  return { settings: resolved.settings, notes: [...defaults.notes, ...resolved.notes] };
}

async function readOrgVariable(
  host: Pick<CrmHost, 'getOrgVariable'>,
  now: () => number,
): Promise<{ content: string | null; fromHost: boolean }> {
  const cached = readCached(CACHE_KEY, MAX_CACHE_MS, (value) => parseCacheEntry(value, now()), now());
  if (cached !== undefined) return { content: cached.content, fromHost: false };

  // When the variable does not exist, the SDK may reject as well as return an
  // empty response. Most orgs never create it, so a failure the host sent is
  // cached as "no override" like an empty response: asking again would put a
  // round trip before the scores of every record. A timeout is not cached.
  try {
    const answer = await host.getOrgVariable(ORG_VARIABLE_NAME);
    return { content: parseOrgVariableAnswer(answer) ?? null, fromHost: true };
  } catch (error) {
    const timedOut = error instanceof CrmError && error.code === 'TIMEOUT';
    return { content: null, fromHost: !timedOut };
  }
}

function parseCacheEntry(value: unknown, now: number): CachedOrgVariable | undefined {
  if (typeof value !== 'object' || value === null) return undefined;

  const { content, expiresAt } = value as { content?: unknown; expiresAt?: unknown };
  if (content !== null && typeof content !== 'string') return undefined;
  if (typeof expiresAt !== 'number' || expiresAt <= now || expiresAt > now + MAX_CACHE_MS) return undefined;
  return { content, expiresAt };
}
