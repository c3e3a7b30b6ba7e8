import type { RecordRef } from '../context/types.js';
import type { Logger } from '../log.js';
import { buildCardData } from '../model/card.js';
import type { AdminNote, CardData, FieldRejection, ScoringRule } from '../model/types.js';
import type { CrmHost } from '../sdk/crm-host.js';
import type { WidgetSettings } from '../settings/types.js';
import { CrmError } from './crm-error.js';
import { restBaseUrl, type RestClient } from './request.js';
import { fetchScoringRules, RULES_SCOPE } from './rules-request.js';
import { fetchScores } from './scores-request.js';
import { abortError, browserTimers, type Timers } from './timers.js';

/** Loads what the card shows for one record; rejects with a `CrmError`, or an AbortError once `signal` aborts. */
export type CardLoader = (record: RecordRef, signal: AbortSignal) => Promise<CardData>;

export interface CardLoaderDeps {
  host: CrmHost;
  settings: WidgetSettings;
  /** The REST API host of the user's data centre (see `resolveApiHost`). */
  apiHost: () => Promise<string>;
  log: Logger;
  timers?: Timers;
  /** Clock for the rules cache. */
  now?: () => number;
}

const LOG_MODULE = 'load-card';

interface Flight {
  controller: AbortController;
  result: Promise<CardData>;
  /** Settles, never rejects, when the load has ended. */
  ended: Promise<void>;
  waiters: number;
}

interface RulesOutcome {
  rules: ScoringRule[] | undefined;
  note?: AdminNote;
}

/**
 * Creates the card's loader: scores and scoring rules for a record, requested
 * in parallel and merged by `buildCardData`.
 *
 * A rules failure never fails the card: names fall back to rule ids and an
 * admin note explains why. A call for a record that is already loading shares
 * that load, so a record has at most one load in flight; the load is aborted
 * when every caller has aborted, and a caller that aborted never gets data.
 */
export function createCardLoader(deps: CardLoaderDeps): CardLoader {
  const timers = deps.timers ?? browserTimers;
  const now = deps.now ?? Date.now;
  const { host, settings, log } = deps;
  const inFlight = new Map<string, Flight>();

  async function load(record: RecordRef, signal: AbortSignal): Promise<CardData> {
    const apiHost = await deps.apiHost();
    if (signal.aborted) throw abortError();
    const client: RestClient = {
      host,
      connectionName: settings.connectionName,
      baseUrl: restBaseUrl(apiHost, settings.apiVersion),
      timers,
      timeoutMs: settings.timeoutMs,
      signal,
    };

    // Both requests are sent before either response arrives, so rules never wait for scores.
    const rulesPromise = loadRules(client, record);
    const scores = await fetchScores(client, record);
    const rules = await rulesPromise;
    if (signal.aborted) throw abortError();

    logRejections(record, 'INVALID_FIELD', scores.rejected);
    if (scores.truncated === 'page-limit') log.error(LOG_MODULE, record.recordId, 'PAGE_LIMIT', 'Entity_Scores__s');
    if (scores.truncated === 'repeated-token') log.error(LOG_MODULE, record.recordId, 'REPEATED_PAGE_TOKEN', 'Entity_Scores__s');

    return buildCardData({
      module: record.module,
      scores: scores.rows,
      rules: rules.rules,
      settings,
      notes: rules.note ? [rules.note] : [],
    });
  }

  // Never rejects: a failure becomes the note, an abort is handled by the scores side.
  async function loadRules(client: RestClient, record: RecordRef): Promise<RulesOutcome> {
    try {
      const result = await fetchScoringRules(client, record.module, { cacheMinutes: settings.cacheMinutes, now });
      logRejections(record, 'INVALID_RULE_FIELD', result.rejected);
      return { rules: result.rules };
    } catch (error) {
      if (client.signal.aborted) return { rules: undefined };
      const code = error instanceof CrmError ? error.code : 'INVALID_RESPONSE';
      log.error(LOG_MODULE, record.recordId, code, 'scoring rules unavailable');
      const note: AdminNote =
        code === 'OAUTH_SCOPE_MISMATCH'
          ? { kind: 'rules-unavailable', code, scope: RULES_SCOPE }
          : { kind: 'rules-unavailable', code };
      return { rules: undefined, note };
    }
  }

  function logRejections(record: RecordRef, code: string, rejected: FieldRejection[]): void {
    for (const entry of rejected) {
      log.error(LOG_MODULE, record.recordId, code, `${entry.field} in row ${entry.row}: ${entry.received}`);
    }
  }

  function startFlight(key: string, record: RecordRef, previous: Promise<void> | undefined): Flight {
    const controller = new AbortController();
    // An SDK call already sent cannot be recalled, so a new load of the same
    // record starts only when an abandoned one has ended.
    const result = (previous ?? Promise.resolve()).then(() => load(record, controller.signal));
    const ended = result.then(
      () => undefined,
      () => undefined,
    );
    const flight: Flight = { controller, result, ended, waiters: 0 };
    void ended.then(() => {
      if (inFlight.get(key) === flight) inFlight.delete(key);
    });
    inFlight.set(key, flight);
    return flight;
  }

  return (record, signal) => {
    if (signal.aborted) return Promise.reject(abortError());

    const key = `${record.module}/${record.recordId}`;
    let flight = inFlight.get(key);
    if (flight === undefined || flight.controller.signal.aborted) flight = startFlight(key, record, flight?.ended);
    return follow(flight, signal);
  };
}

/** Follows a shared load for one caller, rejecting at once when that caller's signal aborts. */
function follow(flight: Flight, signal: AbortSignal): Promise<CardData> {
  flight.waiters++;
  return new Promise<CardData>((resolve, reject) => {
    let left = false;
    const leave = (): void => {
      if (left) return;
      left = true;
      signal.removeEventListener('abort', onAbort);
      flight.waiters--;
    };
    const onAbort = (): void => {
      leave();
      if (flight.waiters === 0) flight.controller.abort();
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });

    flight.result.then(
      (data) => {
        leave();
        resolve(data);
      },
      (error: unknown) => {
        leave();
        reject(error);
      },
    );
  });
}
