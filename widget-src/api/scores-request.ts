import type { RecordRef } from '../context/types.js';
import { parseScoreRows, SCORE_FIELDS } from '../model/scores.js';
import type { FieldRejection, RuleScore } from '../model/types.js';
import type { ConnectionRequest } from '../sdk/crm-host.js';
import { MAX_SCORE_PAGES } from './policy.js';
import { getRequest, sendGet, type RestClient } from './request.js';

/** The `fields` parameter: all six scores and the rule. */
export const SCORES_FIELDS_PARAM = [...SCORE_FIELDS.map(([name]) => name), 'Scoring_Rule'].join(',');

/** Connection scopes the scores request needs, for an OAUTH_SCOPE_MISMATCH message. */
export function scoresScopes(module: string): string[] {
  return ['ZohoCRM.modules.entity_scores.READ', `ZohoCRM.modules.${module}.READ`];
}

/** `GET {baseUrl}/{module}/{recordId}/Entity_Scores__s`, with `page_token` on later pages. */
export function buildScoresRequest(baseUrl: string, record: RecordRef, pageToken?: string): ConnectionRequest {
  const url = `${baseUrl}/${encodeURIComponent(record.module)}/${encodeURIComponent(record.recordId)}/Entity_Scores__s`;
  const parameters: Record<string, string> = { fields: SCORES_FIELDS_PARAM };
  if (pageToken !== undefined) parameters.page_token = pageToken;
  return getRequest(url, parameters);
}

export interface ScoresResult {
  rows: RuleScore[];
  /** Values dropped while parsing; row indexes count across pages. */
  rejected: FieldRejection[];
  /** Reason paging stopped early, if it did. */
  truncated?: 'page-limit' | 'repeated-token';
}

/**
 * Reads every page of a record's entity scores, following `next_page_token`
 * while `more_records` is true, up to `MAX_SCORE_PAGES`. A repeated token or
 * a missing one ends paging instead of looping. No content is no rows.
 */
export async function fetchScores(client: RestClient, record: RecordRef): Promise<ScoresResult> {
  const context = {
    operation: `GET ${record.module}/${record.recordId}/Entity_Scores__s`,
    scopes: scoresScopes(record.module),
  };
  const rows: RuleScore[] = [];
  const rejected: FieldRejection[] = [];
  const seenTokens = new Set<string>();
  let pageToken: string | undefined;
  // Row indexes in `rejected` count across pages; skipped rows still count.
  let rowOffset = 0;

  for (let page = 1; ; page++) {
    const answer = await sendGet(client, buildScoresRequest(client.baseUrl, record, pageToken), context);
    if (answer.kind === 'no-content') return { rows, rejected };

    const parsed = parseScoreRows(answer.body, rowOffset);
    rowOffset += parsed.rows.length + parsed.rejected.filter((entry) => entry.field === '(row)').length;
    rows.push(...parsed.rows);
    rejected.push(...parsed.rejected);

    const next = parsed.info.nextPageToken;
    if (!parsed.info.moreRecords || next === null) return { rows, rejected };
    if (seenTokens.has(next)) return { rows, rejected, truncated: 'repeated-token' };
    if (page >= MAX_SCORE_PAGES) return { rows, rejected, truncated: 'page-limit' };
    seenTokens.add(next);
    pageToken = next;
  }
}
