import type { CrmHost } from '../sdk/crm-host.js';
import type { WidgetSettings } from '../settings/types.js';
import { CrmError } from './crm-error.js';
import { API_HOSTS, apiHostFor, parseDataCentre } from './data-centres.js';
import { field, isObject, parseJson } from './json.js';
import { readCached, removeCached, writeCached } from './session-cache.js';

const CACHE_KEY = 'data-centre';
const OPERATION = 'CONFIG.GetCurrentEnvironment';

/**
 * Resolves the REST API host of the signed-in user's data centre.
 *
 * The data centre is cached in the browser session for `cacheMinutes`, so the
 * next record page of the tab skips the host round trip. Rejects with
 * `UNKNOWN_DATA_CENTRE` for a data centre without a known host, and with
 * `INVALID_RESPONSE` when the answer names none.
 */
export async function resolveApiHost(
  host: CrmHost,
  settings: Pick<WidgetSettings, 'cacheMinutes'>,
  now: () => number = Date.now,
): Promise<string> {
  const maxAgeMs = settings.cacheMinutes * 60_000;
  const cached = readCached(CACHE_KEY, maxAgeMs, parseDataCentre, now());
  if (cached !== undefined) return API_HOSTS[cached];

  const deployment = readDeployment(await host.getCurrentEnvironment());
  const apiHost = apiHostFor(deployment);
  if (maxAgeMs > 0) writeCached(CACHE_KEY, parseDataCentre(deployment), now());
  return apiHost;
}

/** `deployment` from the answer, which may come as JSON text. */
function readDeployment(answer: unknown): string {
  const value = typeof answer === 'string' ? parseJson(answer)?.value : answer;
  const deployment = isObject(value) ? field(value, 'deployment') : undefined;
  if (typeof deployment === 'string' && deployment.trim() !== '') return deployment;

  throw new CrmError('INVALID_RESPONSE', 'The CRM page did not say which data centre this account uses.', {
    operation: OPERATION,
  });
}

/**
 * Drops the cached data centre. The data centre request leaves before the
 * settings are known, so it reads the cache with the default expiry. When the
 * settings then turn caching off, this keeps the next frame from reusing it.
 */
export function forgetApiHost(): void {
  removeCached(CACHE_KEY);
}
