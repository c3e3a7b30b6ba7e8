import type { AdminNote, Band, DisplayOptions } from '../model/types.js';

/**
 * Widget settings. Defaults come from `app/settings.json`; the org variable
 * named by `ORG_VARIABLE_NAME` may hold JSON that overrides any key.
 */
export interface WidgetSettings {
  /** Link name of the CRM Connection that calls the REST API. */
  connectionName: string;
  /** REST API version in URLs, e.g. `v7`. */
  apiVersion: string;
  /** Maximum wait for any SDK call, in milliseconds. */
  timeoutMs: number;
  /**
   * How long the scoring rules, the data centre and the org variable stay cached in
   * the browser session, in minutes. 0 turns the cache off.
   */
  cacheMinutes: number;
  bands: BandSettings;
  /** Module API name to the id of the rule shown first and in full. */
  primaryRules: Record<string, string>;
  show: DisplayOptions;
}

export interface BandSettings {
  enabled: boolean;
  /** Bands for every module and rule unless overridden. */
  default: Band[];
  /** Module API name to its bands. */
  modules: Record<string, Band[]>;
  /** Scoring rule id to its bands; wins over `modules`. */
  rules: Record<string, Band[]>;
}

/** Settings after merging the defaults with the org variable, and what was rejected on the way. */
export interface ResolvedSettings {
  settings: WidgetSettings;
  /** One note per rejected key. The widget used the default for each of these keys. */
  notes: AdminNote[];
}
