import { CrmError } from '../api/crm-error.js';
import { describeType, field, isObject, parseDigitId } from '../api/json.js';
import { parsePageInfo, readText, type PageInfo } from './scores.js';
import type { FieldRejection, ScoringRule } from './types.js';

export interface ParsedRules {
  rules: ScoringRule[];
  rejected: FieldRejection[];
  info: PageInfo;
}

/**
 * Parses one page of `settings/automation/scoring_rules`.
 *
 * A rule without a digit-string id is skipped (it could never match a score
 * row); other bad fields become null. Each is recorded in `rejected`. Only a
 * body without a `scoring_rules` list throws (`INVALID_RESPONSE`).
 */
export function parseScoringRules(body: unknown): ParsedRules {
  const list = isObject(body) ? field(body, 'scoring_rules') : undefined;
  if (!Array.isArray(list)) {
    throw new CrmError('INVALID_RESPONSE', 'The scoring rules response has no scoring_rules list.', {
      operation: 'scoring_rules',
    });
  }

  const rules: ScoringRule[] = [];
  const rejected: FieldRejection[] = [];
  list.forEach((item: unknown, row) => {
    const reject = (name: string, value: unknown): void => {
      rejected.push({ field: name, row, received: describeType(value) });
    };
    if (!isObject(item)) {
      reject('(rule)', item);
      return;
    }
    const id = parseDigitId(field(item, 'id'));
    if (id === undefined) {
      reject('id', field(item, 'id'));
      return;
    }
    rules.push({
      id,
      name: readText('name', field(item, 'name'), reject),
      description: readText('description', field(item, 'description'), reject),
      active: readFlag('active', field(item, 'active'), reject),
    });
  });

  return { rules, rejected, info: parsePageInfo(isObject(body) ? field(body, 'info') : undefined) };
}

/**
 * Reads rules back from the session cache, which stores `ScoringRule[]`:
 * the same keys as the REST rule, so the same parser checks them. Anything
 * it would reject makes the whole entry unusable.
 */
export function parseCachedRules(value: unknown): ScoringRule[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const parsed = parseScoringRules({ scoring_rules: value });
  return parsed.rejected.length === 0 ? parsed.rules : undefined;
}

function readFlag(name: string, value: unknown, reject: (name: string, value: unknown) => void): boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value;
  reject(name, value);
  return null;
}
