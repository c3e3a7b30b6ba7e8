import { parseCachedRules, parseScoringRules } from '../model/scoring-rules.js';
import type { FieldRejection, ScoringRule } from '../model/types.js';
import type { ConnectionRequest } from '../sdk/crm-host.js';
import { MAX_RULE_PAGES, RULES_PER_PAGE } from './policy.js';
import { getRequest, sendGet, type RestClient } from './request.js';
import { readCached, writeCached } from './session-cache.js';

/** The Connection scope the rules request needs. */
export const RULES_SCOPE = 'ZohoCRM.settings.scoring_rules.READ';

/** `GET {baseUrl}/settings/automation/scoring_rules?module=…&page=…&per_page=50`. */
export function buildRulesRequest(baseUrl: string, module: string, page: number): ConnectionRequest {
  return getRequest(`${baseUrl}/settings/automation/scoring_rules`, {
    module,
    page: String(page),
    per_page: String(RULES_PER_PAGE),
  });
}

export interface RulesResult {
  rules: ScoringRule[];
  /** Values dropped while parsing this load's pages; empty when read from the cache. */
  rejected: FieldRejection[];
}

export interface RulesCache {
  /** `cacheMinutes` from the settings; 0 turns the cache off. */
  cacheMinutes: number;
  now: () => number;
}

/**
 * Returns a module's scoring rules from the session cache while they are fresh.
 * Otherwise reads them page by page (at most `MAX_RULE_PAGES`) and caches them
 * per module and API host.
 */
export async function fetchScoringRules(client: RestClient, module: string, cache: RulesCache): Promise<RulesResult> {
  const key = `scoring-rules:${client.baseUrl}:${module}`;
  const maxAgeMs = cache.cacheMinutes * 60_000;
  const cached = readCached(key, maxAgeMs, parseCachedRules, cache.now());
  if (cached !== undefined) return { rules: cached, rejected: [] };

  const context = { operation: `GET settings/automation/scoring_rules?module=${module}`, scopes: [RULES_SCOPE] };
  const rules: ScoringRule[] = [];
  const rejected: FieldRejection[] = [];
  for (let page = 1; page <= MAX_RULE_PAGES; page++) {
    const answer = await sendGet(client, buildRulesRequest(client.baseUrl, module, page), context);
    if (answer.kind === 'no-content') break;

    const parsed = parseScoringRules(answer.body);
    rules.push(...parsed.rules);
    rejected.push(...parsed.rejected.map((entry) => ({ ...entry, row: entry.row + (page - 1) * RULES_PER_PAGE })));
    if (!parsed.info.moreRecords) break;
  }

  if (maxAgeMs > 0) writeCached(key, rules, cache.now());
  return { rules, rejected };
}
