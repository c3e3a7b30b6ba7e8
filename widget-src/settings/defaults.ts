import type { WidgetSettings } from './types.js';

/** Allowed range of `timeoutMs`, in milliseconds. */
export const TIMEOUT_MS_RANGE = { min: 1000, max: 60_000 } as const;

/** Allowed range of `cacheMinutes`: 0 turns the session cache off, and 1440 is one day. */
export const CACHE_MINUTES_RANGE = { min: 0, max: 1440 } as const;

/**
 * Built-in copy of `app/settings.json`, used when that file cannot be fetched or
 * parsed. A unit test keeps the two identical. Frozen so no caller can change
 * the fallback for later records.
 */
export const DEFAULT_SETTINGS: WidgetSettings = deepFreeze({
  connectionName: 'entity_scores',
  apiVersion: 'v7',
  timeoutMs: 10_000,
  cacheMinutes: 10,
  bands: {
    enabled: true,
    default: [
      { id: 'hot', min: 50, tone: 'hot' },
      { id: 'warm', min: 20, tone: 'warm' },
      { id: 'cold', min: null, tone: 'cold' },
    ],
    modules: {},
    rules: {},
  },
  primaryRules: {},
  show: {
    bands: true,
    breakdown: true,
    touchPoints: true,
    descriptions: true,
  },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
