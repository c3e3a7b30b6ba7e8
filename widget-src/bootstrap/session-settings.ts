import { readCached, writeCached } from '../api/session-cache.js';
import type { AdminNote } from '../model/types.js';
import type { CrmHost } from '../sdk/crm-host.js';
import { loadDefaults, ORG_VARIABLE_NAME, parseOrgVariableAnswer, resolveSettings } from '../settings/index.js';
import type { WidgetSettings } from '../settings/types.js';

/** Settings in force for this frame, with the problems an admin should see. */
export interface LoadedSettings {
  settings: WidgetSettings;
  notes: AdminNote[];
}

// The org variable is cached for the browser session like the data centre, so
// the next record page needs no extra round trip before its scores request.
const ORG_VARIABLE_CACHE_KEY = 'org-variable';

/**
 * Loads the defaults file and the org-variable override in parallel and merges them.
 * Neither failure stops the card: a missing override means defaults, and a
 * broken defaults file falls back to the built-in copy with an admin note.
 */
export async function loadSessionSettings(
  host: CrmHost,
  fetchFn: typeof fetch,
  settingsUrl: string,
  cacheMaxAgeMs: number,
): Promise<LoadedSettings> {
  const defaultsPromise = loadDefaults(fetchFn, settingsUrl);
  const overridePromise = readOrgVariable(host, cacheMaxAgeMs);

  const [defaults, override] = await Promise.all([defaultsPromise, overridePromise]);
  const resolved = resolveSettings(defaults.json, override);
  return { settings: resolved.settings, notes: [...defaults.notes, ...resolved.notes] };
}

async function readOrgVariable(host: CrmHost, cacheMaxAgeMs: number): Promise<string | undefined> {
  const cached = readCached(ORG_VARIABLE_CACHE_KEY, cacheMaxAgeMs, parseCachedOverride);
  if (cached !== undefined) return cached.content ?? undefined;

  // NOTE: CRM's answer for a variable that does not exist is undocumented, and
  // a rejection is as likely as an empty answer: both mean "no override".
  // A failed call is not cached, so the next record asks again.
  let answer: unknown;
  try {
    answer = await host.getOrgVariable(ORG_VARIABLE_NAME);
  } catch {
    return undefined;
  }
  const content = parseOrgVariableAnswer(answer);
  writeCached(ORG_VARIABLE_CACHE_KEY, { content: content ?? null });
  return content;
}

function parseCachedOverride(value: unknown): { content: string | null } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const content = (value as { content?: unknown }).content;
  if (content === null || typeof content === 'string') return { content };
  return undefined;
}
