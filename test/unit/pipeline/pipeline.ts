// The widget from PageLoad to pixels, wired as bootstrap/start.ts wires it but
// on a fake host: the real parsePageLoad, the real card loader with the
// built-in settings, the real data-centre lookup and the real element.
import '../helpers/dev-warnings.js';
import { expect } from '@esm-bundle/chai';
import { resolveApiHost } from '../../../widget-src/api/environment.js';
import { createCardLoader } from '../../../widget-src/api/load-card.js';
import { clearCache } from '../../../widget-src/api/session-cache.js';
import type { Timers } from '../../../widget-src/api/timers.js';
import { parsePageLoad } from '../../../widget-src/context/record-context.js';
import type { RecordContext } from '../../../widget-src/context/types.js';
import { EntityScoreCard } from '../../../widget-src/elements/score-card.js';
import { createLogger } from '../../../widget-src/log.js';
import type { CrmHost } from '../../../widget-src/sdk/crm-host.js';
import { DEFAULT_SETTINGS } from '../../../widget-src/settings/index.js';
import { FakeTimers } from '../api/harness.js';
import { fixture } from '../helpers/fixture.js';
import { settled, shadow, textOf } from '../elements/card-harness.js';

export const LEAD_ID = '5725767000001234567';
export const LEAD_PAGELOAD = { Entity: 'Leads', EntityId: LEAD_ID };

/** Text that must never reach the card: a value rendered without being parsed. */
export const LEAKED_VALUES = ['NaN', 'undefined', '[object Object]'];

export interface Pipeline<Host extends CrmHost> {
  card: EntityScoreCard;
  host: Host;
  /** Lines the loader logged, as the log sink received them. */
  logged: string[];
  /** Parses `payload` as the PageLoad handler does and gives the card the result. */
  pageLoad(payload: unknown): RecordContext;
  /** Waits until the card's load has settled and the card has rendered it. */
  settled(): Promise<void>;
  /** Removes the card from the page; a test that mounts many cards calls it after each. */
  unmount(): void;
}

export interface PipelineOptions {
  /** Timers of the loader's retry backoff; the default fires only when a test advances it. */
  timers?: Timers;
}

/**
 * Mounts a card wired to `host`. The data centre is requested on every load
 * (no cache), so each load reads the host's environment response, and the
 * session cache starts empty.
 */
export async function mountPipeline<Host extends CrmHost>(host: Host, options: PipelineOptions = {}): Promise<Pipeline<Host>> {
  clearCache();
  const logged: string[] = [];
  const log = createLogger({ error: (...data: unknown[]) => logged.push(data.map(String).join(' ')) });

  const card = new EntityScoreCard();
  card.loader = createCardLoader({
    host,
    settings: DEFAULT_SETTINGS,
    apiHost: () => resolveApiHost(host, { cacheMinutes: 0 }),
    log,
    timers: options.timers ?? new FakeTimers(),
  });
  await fixture(card);

  return {
    card,
    host,
    logged,
    pageLoad(payload) {
      const context = parsePageLoad(payload);
      card.context = context;
      return context;
    },
    // The first update starts the load task, so its completion can be awaited.
    settled: async () => {
      await card.updateComplete;
      await settled(card);
    },
    unmount: () => card.parentElement?.remove(),
  };
}

/** Returns everything the card renders as text, visually hidden text included. */
export function cardText(card: EntityScoreCard): string {
  return textOf(shadow(card));
}

/** Fails when the card's text shows a value that was never parsed. */
export function expectNoLeakedValues(card: EntityScoreCard): void {
  const text = cardText(card);
  for (const leaked of LEAKED_VALUES) expect(text, `the card shows "${leaked}"`).not.to.include(leaked);
}

/** Builds a row of `Entity_Scores__s` with every field, scored by the given rule. */
export function scoreRow(ruleId: string, ruleName: string | null, score: number | null, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '5725767000009000001',
    Score: score,
    Positive_Score: score === null ? null : Math.max(score, 0) + 4,
    Negative_Score: score === null ? null : -4,
    Touch_Point_Score: null,
    Touch_Point_Positive_Score: null,
    Touch_Point_Negative_Score: null,
    Scoring_Rule: { id: ruleId, name: ruleName },
    ...overrides,
  };
}
