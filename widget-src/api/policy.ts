/**
 * The request policy, in one place: which failures retry, when, and how far
 * paging goes.
 *
 * | code                                         | automatic retry | retry button             |
 * | -------------------------------------------- | --------------- | ------------------------ |
 * | INTERNAL_ERROR                               | once, after 1 s | yes, at once             |
 * | TOO_MANY_REQUESTS                            | no              | yes, after `retry_after` |
 * | TIMEOUT, CONNECTION_FAILED, CRM_CALL_FAILED  | no              | yes, at once             |
 * | everything else                              | no              | no                       |
 *
 * Every SDK call is bounded by the settings' `timeoutMs` in the adapter, and
 * the backoff is shorter than any sensible timeout, so no wait is unbounded.
 * The card loader shares one in-flight load per record, so a retry button
 * pressed twice sends one request.
 */
import { CrmError } from './crm-error.js';
import { delay, type Timers } from './timers.js';

/** Pages of `Entity_Scores__s` read for one record (CRM allows five rules per layout, 200 rows a page). */
export const MAX_SCORE_PAGES = 5;

/** Pages of scoring rules read for one module. */
export const MAX_RULE_PAGES = 3;

/** `per_page` of the scoring-rules request. */
export const RULES_PER_PAGE = 50;

/** Wait before the one automatic retry of an INTERNAL_ERROR. */
export const INTERNAL_ERROR_BACKOFF_MS = 1000;

/** Upper bound of a `retry_after` the card honours; a larger value is treated as this. */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/** Wait for a TOO_MANY_REQUESTS that names no `retry_after`. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

// INTERNAL_ERROR is offered to the user only after its automatic retry failed
// too, because the card shows an error only then.
const USER_RETRYABLE = new Set(['INTERNAL_ERROR', 'TOO_MANY_REQUESTS', 'TIMEOUT', 'CONNECTION_FAILED', 'CRM_CALL_FAILED']);

/** Codes that get one automatic retry after `INTERNAL_ERROR_BACKOFF_MS`. */
export function isAutoRetryable(code: string): boolean {
  return code === 'INTERNAL_ERROR';
}

/** Codes for which the card offers a retry button (after `retryAfterMs`). */
export function isUserRetryable(code: string): boolean {
  return USER_RETRYABLE.has(code);
}

/** How long the retry button stays disabled after `error`; 0 for codes without a wait. */
export function retryAfterMs(error: CrmError): number {
  if (error.code !== 'TOO_MANY_REQUESTS') return 0;
  const seconds = error.details.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_SECONDS) * 1000;
}

export interface RetryOptions {
  timers: Timers;
  signal: AbortSignal;
  /** Caps the backoff: every wait stays within one SDK timeout. */
  timeoutMs: number;
}

/**
 * Runs `request`, and once more after the backoff when it fails with an
 * auto-retryable code. Any other failure, and the second one, is passed on.
 */
export async function withAutoRetry<T>(request: () => Promise<T>, options: RetryOptions): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof CrmError) || !isAutoRetryable(error.code)) throw error;
  }
  await delay(Math.min(INTERNAL_ERROR_BACKOFF_MS, options.timeoutMs), options.timers, options.signal);
  return request();
}
