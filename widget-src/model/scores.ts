import { CrmError } from '../api/crm-error.js';
import { describeType, field, isObject, parseDigitId } from '../api/json.js';
import type { FieldRejection, RuleScore } from './types.js';

/** The paging facts of a REST answer's `info`, which may be missing or garbled. */
export interface PageInfo {
  /** True only when `info.more_records` is exactly `true`. */
  moreRecords: boolean;
  /** A non-empty `info.next_page_token`, else null. */
  nextPageToken: string | null;
}

export interface ParsedScores {
  rows: RuleScore[];
  rejected: FieldRejection[];
  info: PageInfo;
}

type ScoreKey = 'score' | 'positive' | 'negative' | 'touchPoint' | 'touchPointPositive' | 'touchPointNegative';

/** REST field name to `RuleScore` key, in the order the fields are requested. */
export const SCORE_FIELDS: ReadonlyArray<readonly [string, ScoreKey]> = [
  ['Positive_Score', 'positive'],
  ['Negative_Score', 'negative'],
  ['Touch_Point_Score', 'touchPoint'],
  ['Touch_Point_Positive_Score', 'touchPointPositive'],
  ['Touch_Point_Negative_Score', 'touchPointNegative'],
  ['Score', 'score'],
];

/**
 * Parses one page of `Entity_Scores__s`.
 *
 * A bad value costs only its field: a score that is not a safe integer or
 * null (`"18"`, `18.5`, `1e21`, `true`) becomes null, a malformed id or rule
 * becomes null, and each is recorded in `rejected`. A row that is not an
 * object is skipped and recorded. Only a body without a `data` array throws
 * (`INVALID_RESPONSE`); nothing else does.
 *
 * @param rowOffset added to row indexes in `rejected`, so they count across pages
 */
export function parseScoreRows(body: unknown, rowOffset = 0): ParsedScores {
  const data = isObject(body) ? field(body, 'data') : undefined;
  if (!Array.isArray(data)) {
    throw new CrmError('INVALID_RESPONSE', 'The entity scores response has no data list.', { operation: 'Entity_Scores__s' });
  }

  const rows: RuleScore[] = [];
  const rejected: FieldRejection[] = [];
  data.forEach((item: unknown, index) => {
    const row = rowOffset + index;
    if (!isObject(item)) {
      rejected.push({ field: '(row)', row, received: describeType(item) });
      return;
    }
    rows.push(parseRow(item, (name, value) => rejected.push({ field: name, row, received: describeType(value) })));
  });

  return { rows, rejected, info: parsePageInfo(isObject(body) ? field(body, 'info') : undefined) };
}

type Reject = (field: string, value: unknown) => void;

function parseRow(item: Record<string, unknown>, reject: Reject): RuleScore {
  const rule = readRule(field(item, 'Scoring_Rule'), reject);
  const row: RuleScore = {
    id: readId('id', field(item, 'id'), reject),
    ruleId: rule.id,
    ruleName: rule.name,
    score: null,
    positive: null,
    negative: null,
    touchPoint: null,
    touchPointPositive: null,
    touchPointNegative: null,
  };
  for (const [name, key] of SCORE_FIELDS) row[key] = readScore(name, field(item, name), reject);
  return row;
}

function readRule(value: unknown, reject: Reject): { id: string | null; name: string | null } {
  if (value === undefined || value === null) return { id: null, name: null };
  if (!isObject(value)) {
    reject('Scoring_Rule', value);
    return { id: null, name: null };
  }
  return {
    id: readId('Scoring_Rule.id', field(value, 'id'), reject),
    name: readText('Scoring_Rule.name', field(value, 'name'), reject),
  };
}

function readScore(name: string, value: unknown, reject: Reject): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value === 0 ? 0 : value;
  reject(name, value);
  return null;
}

function readId(name: string, value: unknown, reject: Reject): string | null {
  if (value === undefined || value === null) return null;
  const id = parseDigitId(value);
  if (id === undefined) reject(name, value);
  return id ?? null;
}

/** Text that is missing, null or blank is null; any other non-text is rejected. */
export function readText(name: string, value: unknown, reject: Reject): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    reject(name, value);
    return null;
  }
  return value.trim() === '' ? null : value;
}

/** Reads `info`; anything missing or garbled means "no more pages". */
export function parsePageInfo(info: unknown): PageInfo {
  if (!isObject(info)) return { moreRecords: false, nextPageToken: null };
  const token = field(info, 'next_page_token');
  return {
    moreRecords: field(info, 'more_records') === true,
    nextPageToken: typeof token === 'string' && token.trim() !== '' ? token : null,
  };
}
