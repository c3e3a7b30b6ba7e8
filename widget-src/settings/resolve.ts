import { parseBandList } from '../model/bands.js';
import type { AdminNote, Band, DisplayOptions, SettingProblem, SettingSource } from '../model/types.js';
import { CACHE_MINUTES_RANGE, DEFAULT_SETTINGS, TIMEOUT_MS_RANGE } from './defaults.js';
import type { BandSettings, ResolvedSettings, WidgetSettings } from './types.js';

/** Note key for a problem with the whole org variable. */
export const ORG_VARIABLE_NOTE_KEY = '(org variable)';

/** Note key for a problem with the whole `settings.json` file. */
export const SETTINGS_FILE_NOTE_KEY = '(settings.json)';

const TOP_LEVEL_KEYS = ['connectionName', 'apiVersion', 'timeoutMs', 'cacheMinutes', 'bands', 'primaryRules', 'show'];
const BANDS_KEYS = ['enabled', 'default', 'modules', 'rules'];
const SHOW_KEYS: readonly (keyof DisplayOptions)[] = ['bands', 'breakdown', 'touchPoints', 'descriptions'];

// Zoho module API names are letters, digits and underscores (`Leads`, `Applications1`).
const MODULE_NAME = /^[A-Za-z0-9_]+$/;
// Rule ids exceed 2^53, so they must stay digit strings: a JSON number would lose digits.
const RULE_ID = /^\d+$/;
const API_VERSION = /^v\d+$/;

type Check<T> = { ok: true; value: T } | { ok: false; problem: SettingProblem; expected: string };

/** Source and note list of the layer (the file or the org variable) being merged. */
interface LayerContext {
  source: SettingSource;
  notes: AdminNote[];
}

/**
 * Merges the org variable's JSON over the defaults and validates every key.
 *
 * `defaultsJson` is the parsed `settings.json` (or `DEFAULT_SETTINGS`). It is
 * validated like the override, with the built-in defaults as its fallback.
 * `overrideText` is the org variable's content, and undefined or blank text
 * means no override. Objects merge key by key, band lists replace whole lists, and
 * `null` in `bands.modules`, `bands.rules` or `primaryRules` removes an entry.
 * A rejected key keeps its default, gets one note, and does not affect other
 * keys. Never throws when `defaultsJson` is a JSON value (as `JSON.parse`
 * returns), whatever the override text; property tests check this.
 */
export function resolveSettings(defaultsJson: unknown, overrideText: string | undefined): ResolvedSettings {
  const notes: AdminNote[] = [];

  const defaults = mergeLayer(DEFAULT_SETTINGS, defaultsJson, { source: 'settings-file', notes });

  const override = parseOverrideText(overrideText, notes);
  if (override === undefined) return { settings: defaults, notes };

  const settings = mergeLayer(defaults, override.value, { source: 'org-variable', notes });
  return { settings, notes };
}

function parseOverrideText(text: string | undefined, notes: AdminNote[]): { value: unknown } | undefined {
  if (text === undefined || text.trim() === '') return undefined;

  try {
    return { value: JSON.parse(text) };
  } catch {
    notes.push({ kind: 'invalid-setting', key: ORG_VARIABLE_NOTE_KEY, problem: 'invalid-json', source: 'org-variable' });
    return undefined;
  }
}

function mergeLayer(base: WidgetSettings, layer: unknown, context: LayerContext): WidgetSettings {
  const result = structuredClone(base);
  if (!isPlainObject(layer)) {
    const documentKey = context.source === 'org-variable' ? ORG_VARIABLE_NOTE_KEY : SETTINGS_FILE_NOTE_KEY;
    report(context, documentKey, 'wrong-type', 'JSON object');
    return result;
  }

  for (const [key, value] of Object.entries(layer)) {
    switch (key) {
      case 'connectionName':
        result.connectionName = take(context, key, parseConnectionName(value), base.connectionName);
        break;
      case 'apiVersion':
        result.apiVersion = take(context, key, parseApiVersion(value), base.apiVersion);
        break;
      case 'timeoutMs':
        result.timeoutMs = take(context, key, parseInteger(value, TIMEOUT_MS_RANGE), base.timeoutMs);
        break;
      case 'cacheMinutes':
        result.cacheMinutes = take(context, key, parseInteger(value, CACHE_MINUTES_RANGE), base.cacheMinutes);
        break;
      case 'bands':
        result.bands = mergeBands(base.bands, value, context);
        break;
      case 'primaryRules':
        result.primaryRules = mergePrimaryRules(base.primaryRules, value, context);
        break;
      case 'show':
        result.show = mergeShow(base.show, value, context);
        break;
      default:
        reportUnknownKey(context, key, key, TOP_LEVEL_KEYS);
    }
  }
  return result;
}

function mergeBands(base: BandSettings, value: unknown, context: LayerContext): BandSettings {
  const result = structuredClone(base);
  if (!isPlainObject(value)) {
    report(context, 'bands', 'wrong-type', 'object with enabled, default, modules and rules');
    return result;
  }

  for (const [key, child] of Object.entries(value)) {
    const path = `bands.${key}`;
    switch (key) {
      case 'enabled':
        result.enabled = take(context, path, parseBoolean(child), base.enabled);
        break;
      case 'default':
        result.default = parseBandsAt(context, path, child) ?? result.default;
        break;
      case 'modules':
        result.modules = mergeBandMap(base.modules, child, path, isModuleKey, context);
        break;
      case 'rules':
        result.rules = mergeBandMap(base.rules, child, path, isRuleIdKey, context);
        break;
      default:
        reportUnknownKey(context, path, key, BANDS_KEYS);
    }
  }
  return result;
}

interface KeyCheck {
  test: (key: string) => boolean;
  expected: string;
}

const isModuleKey: KeyCheck = { test: (key) => MODULE_NAME.test(key), expected: 'module API name, e.g. Leads' };
const isRuleIdKey: KeyCheck = { test: (key) => RULE_ID.test(key), expected: 'scoring rule id (digits only)' };

function mergeBandMap(
  base: Record<string, Band[]>,
  value: unknown,
  path: string,
  keyCheck: KeyCheck,
  context: LayerContext,
): Record<string, Band[]> {
  // A Map and Object.fromEntries, because assigning to a key like `__proto__` would change the prototype.
  const entries = new Map(Object.entries(structuredClone(base)));
  if (!isPlainObject(value)) {
    report(context, path, 'wrong-type', `object of ${keyCheck.expected} to band list`);
    return Object.fromEntries(entries);
  }

  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${key}`;
    if (!keyCheck.test(key)) {
      report(context, childPath, 'unknown-key', keyCheck.expected);
      continue;
    }
    if (child === null) {
      entries.delete(key);
      continue;
    }
    const bands = parseBandsAt(context, childPath, child);
    if (bands) entries.set(key, bands);
  }
  return Object.fromEntries(entries);
}

function parseBandsAt(context: LayerContext, path: string, value: unknown): Band[] | undefined {
  const { bands, issues } = parseBandList(value);
  for (const issue of issues) {
    const key = issue.path === '' ? path : `${path}.${issue.path}`;
    report(context, key, issue.problem, issue.expected);
  }
  return bands;
}

function mergePrimaryRules(base: Record<string, string>, value: unknown, context: LayerContext): Record<string, string> {
  const entries = new Map(Object.entries(base));
  if (!isPlainObject(value)) {
    report(context, 'primaryRules', 'wrong-type', 'object of module API name to rule id');
    return Object.fromEntries(entries);
  }

  for (const [module, ruleId] of Object.entries(value)) {
    const path = `primaryRules.${module}`;
    if (!isModuleKey.test(module)) {
      report(context, path, 'unknown-key', isModuleKey.expected);
      continue;
    }
    if (ruleId === null) {
      entries.delete(module);
      continue;
    }
    const check = parseRuleId(ruleId);
    if (check.ok) entries.set(module, check.value);
    else report(context, path, check.problem, check.expected);
  }
  return Object.fromEntries(entries);
}

function mergeShow(base: DisplayOptions, value: unknown, context: LayerContext): DisplayOptions {
  const result = { ...base };
  if (!isPlainObject(value)) {
    report(context, 'show', 'wrong-type', `object with ${SHOW_KEYS.join(', ')}`);
    return result;
  }

  for (const [key, child] of Object.entries(value)) {
    const path = `show.${key}`;
    const showKey = SHOW_KEYS.find((candidate) => candidate === key);
    if (showKey === undefined) reportUnknownKey(context, path, key, SHOW_KEYS);
    else result[showKey] = take(context, path, parseBoolean(child), base[showKey]);
  }
  return result;
}

function parseConnectionName(value: unknown): Check<string> {
  const expected = 'connection link name without spaces';
  if (typeof value !== 'string') return { ok: false, problem: 'wrong-type', expected };

  const name = value.trim();
  if (name === '' || /\s/.test(name)) return { ok: false, problem: 'wrong-type', expected };
  return { ok: true, value: name };
}

function parseApiVersion(value: unknown): Check<string> {
  if (typeof value === 'string' && API_VERSION.test(value)) return { ok: true, value };
  return { ok: false, problem: 'wrong-type', expected: 'API version such as "v7"' };
}

function parseInteger(value: unknown, range: { min: number; max: number }): Check<number> {
  const expected = `integer from ${range.min} to ${range.max}`;
  if (typeof value !== 'number') return { ok: false, problem: 'wrong-type', expected };
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    return { ok: false, problem: 'out-of-range', expected };
  }
  return { ok: true, value: value + 0 }; // turns -0 into 0
}

function parseBoolean(value: unknown): Check<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  return { ok: false, problem: 'wrong-type', expected: 'true or false' };
}

function parseRuleId(value: unknown): Check<string> {
  if (typeof value === 'string' && RULE_ID.test(value)) return { ok: true, value };
  return { ok: false, problem: 'wrong-type', expected: 'scoring rule id as a string of digits, e.g. "4876876000000123001"' };
}

/** Returns the checked value, or reports the problem and returns the fallback. */
function take<T>(context: LayerContext, key: string, check: Check<T>, fallback: T): T {
  if (check.ok) return check.value;
  report(context, key, check.problem, check.expected);
  return fallback;
}

function report(context: LayerContext, key: string, problem: SettingProblem, expected: string | undefined): void {
  const { source } = context;
  context.notes.push(
    expected === undefined
      ? { kind: 'invalid-setting', key, problem, source }
      : { kind: 'invalid-setting', key, problem, expected, source },
  );
}

// A key that differs from a known one only in case (`timeoutMS`) is named in `expected`.
function reportUnknownKey(context: LayerContext, path: string, key: string, known: readonly string[]): void {
  const match = known.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
  const expected = match ?? `one of ${known.join(', ')}`;
  report(context, path, 'unknown-key', expected);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
