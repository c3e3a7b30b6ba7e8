/**
 * An independent statement of what a valid `WidgetSettings` is, for property
 * tests: it shares no code with the validator it checks.
 */
import type { WidgetSettings } from '../../../widget-src/settings/types.js';

const TONES = ['hot', 'warm', 'cold'];
const BUILT_IN_IDS = ['hot', 'warm', 'cold'];

/** Returns the first reason `value` is not a valid `WidgetSettings`, or undefined when it is. */
export function settingsViolation(value: WidgetSettings): string | undefined {
  const topKeys = ['apiVersion', 'bands', 'cacheMinutes', 'connectionName', 'primaryRules', 'show', 'timeoutMs'];
  if (Object.keys(value).sort().join() !== topKeys.join()) return `top-level keys ${Object.keys(value).join()}`;

  if (typeof value.connectionName !== 'string' || !/^\S+$/.test(value.connectionName)) return 'connectionName';
  if (typeof value.apiVersion !== 'string' || !/^v\d+$/.test(value.apiVersion)) return 'apiVersion';
  if (!isIntegerIn(value.timeoutMs, 1000, 60_000)) return 'timeoutMs';
  if (!isIntegerIn(value.cacheMinutes, 0, 1440)) return 'cacheMinutes';

  const { bands } = value;
  if (Object.keys(bands).sort().join() !== 'default,enabled,modules,rules') return 'bands keys';
  if (typeof bands.enabled !== 'boolean') return 'bands.enabled';
  const defaultProblem = bandListViolation(bands.default);
  if (defaultProblem) return `bands.default: ${defaultProblem}`;
  for (const [module, list] of Object.entries(bands.modules)) {
    if (!/^[A-Za-z0-9_]+$/.test(module)) return `bands.modules key ${module}`;
    const problem = bandListViolation(list);
    if (problem) return `bands.modules.${module}: ${problem}`;
  }
  for (const [ruleId, list] of Object.entries(bands.rules)) {
    if (!/^\d+$/.test(ruleId)) return `bands.rules key ${ruleId}`;
    const problem = bandListViolation(list);
    if (problem) return `bands.rules.${ruleId}: ${problem}`;
  }

  for (const [module, ruleId] of Object.entries(value.primaryRules)) {
    if (!/^[A-Za-z0-9_]+$/.test(module) || typeof ruleId !== 'string' || !/^\d+$/.test(ruleId)) {
      return `primaryRules.${module}`;
    }
  }

  const show = value.show;
  if (Object.keys(show).sort().join() !== 'bands,breakdown,descriptions,touchPoints') return 'show keys';
  if (!Object.values(show).every((flag) => typeof flag === 'boolean')) return 'show values';
  return undefined;
}

function bandListViolation(list: unknown): string | undefined {
  if (!Array.isArray(list) || list.length === 0 || list.length > 10) return 'not a list of 1 to 10 bands';

  const ids = new Set<string>();
  const mins = new Set<number>();
  let lowest = 0;
  for (const band of list as unknown[]) {
    if (typeof band !== 'object' || band === null) return 'band is not an object';
    const { id, label, min, tone } = band as Record<string, unknown>;
    if (typeof id !== 'string' || id.length === 0 || id.length > 40) return 'id';
    if (!TONES.includes(tone as string)) return 'tone';
    if (label !== undefined && (typeof label !== 'string' || label.length === 0 || label.length > 40)) return 'label';
    if (label === undefined && !BUILT_IN_IDS.includes(id)) return 'custom id without label';
    if (min === null) lowest++;
    else if (typeof min !== 'number' || !Number.isFinite(min)) return 'min';
    else mins.add(min);
    ids.add(id);
  }
  if (ids.size !== list.length) return 'duplicate ids';
  if (mins.size + lowest !== list.length) return 'duplicate mins';
  if (lowest !== 1) return 'not exactly one lowest band';
  return undefined;
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
