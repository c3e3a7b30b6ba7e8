import type { WidgetSettings } from '../settings/types.js';
import type { Band, BandTone, SettingProblem } from './types.js';

/** Tones a band may use. The element has a colour and an icon for each. */
export const BAND_TONES: readonly BandTone[] = ['hot', 'warm', 'cold'];

/** Band ids the card translates itself. Any other id needs a `label`. */
export const BUILT_IN_BAND_IDS: readonly string[] = ['hot', 'warm', 'cold'];

/** Maximum length of a band `id` and of a band `label`, in UTF-16 code units. */
export const MAX_BAND_TEXT_LENGTH = 40;

/** Maximum number of bands in one list. The limit is the widget's own choice, not a CRM one. */
export const MAX_BANDS = 10;

const BAND_KEYS: readonly string[] = ['id', 'label', 'min', 'tone'];

/** One problem found in a band list, with `path` relative to the list (`''`, `'1'`, `'1.tone'`). */
export interface BandListIssue {
  path: string;
  problem: SettingProblem;
  expected?: string;
}

/** Outcome of `parseBandList`: `bands` is undefined when the list must be rejected as a whole. */
export interface BandListResult {
  /** Valid bands sorted by `min` from highest to lowest, the lowest band (`min: null`) last. */
  bands: Band[] | undefined;
  /** Every problem found. Unknown keys inside a band are reported but do not reject the list. */
  issues: BandListIssue[];
}

/**
 * Returns the bands that apply to one rule on one module: the rule's own list,
 * else the module's list, else the default list. Returns null when bands are off.
 */
export function bandsFor(settings: WidgetSettings, module: string, ruleId: string | null): readonly Band[] | null {
  const { bands } = settings;
  if (!bands.enabled) return null;

  if (ruleId !== null && Object.hasOwn(bands.rules, ruleId)) return bands.rules[ruleId] ?? bands.default;
  if (Object.hasOwn(bands.modules, module)) return bands.modules[module] ?? bands.default;
  return bands.default;
}

/**
 * Finds the band of a score: the band with the highest `min` at or below the
 * score, else the lowest band (`min: null`). Returns null for a null or
 * non-finite score, when `bands` is null (bands off), and when no band fits.
 */
export function bandOf(score: number | null, bands: readonly Band[] | null): Band | null {
  if (score === null || !Number.isFinite(score) || bands === null) return null;

  let best: Band | null = null;
  let lowest: Band | null = null;
  for (const band of bands) {
    if (band.min === null) {
      lowest ??= band;
    } else if (band.min <= score && (best === null || best.min === null || band.min > best.min)) {
      best = band;
    }
  }
  return best ?? lowest;
}

/**
 * Validates an untrusted band list. A list is valid when it has 1 to `MAX_BANDS`
 * bands with unique ids, distinct `min` values and exactly one lowest band
 * (`min: null`), and every band has a known tone and, for a custom id, a label.
 */
export function parseBandList(value: unknown): BandListResult {
  const expectedList = `list of 1 to ${MAX_BANDS} bands`;
  if (!Array.isArray(value)) return reject({ path: '', problem: 'wrong-type', expected: expectedList });
  if (value.length > MAX_BANDS) return reject({ path: '', problem: 'out-of-range', expected: expectedList });

  const issues: BandListIssue[] = [];
  const bands: Band[] = [];
  value.forEach((item: unknown, index) => {
    const band = parseBand(item, String(index), issues);
    if (band) bands.push(band);
  });
  const fatal = issues.some((issue) => issue.problem !== 'unknown-key');
  if (fatal) return { bands: undefined, issues };

  // Cross-band checks run only on a list whose bands all parsed, so each problem is reported once.
  const overlaps = findOverlaps(bands);
  if (overlaps.length > 0) return { bands: undefined, issues: [...issues, ...overlaps] };

  return { bands: sortBands(bands), issues };
}

function parseBand(item: unknown, path: string, issues: BandListIssue[]): Band | undefined {
  if (!isPlainObject(item)) {
    issues.push({ path, problem: 'wrong-type', expected: 'band object with id, min and tone' });
    return undefined;
  }
  const countBefore = issues.length;

  for (const key of Object.keys(item)) {
    if (!BAND_KEYS.includes(key)) issues.push({ path: `${path}.${key}`, problem: 'unknown-key', expected: 'id, label, min or tone' });
  }

  const id = parseText(ownValue(item, 'id'), `${path}.id`, issues);
  const min = parseMin(ownValue(item, 'min'), `${path}.min`, issues);
  const tone = parseTone(ownValue(item, 'tone'), `${path}.tone`, issues);

  // A custom id has no translation, so the card needs the admin's label.
  const labelRequired = typeof id === 'string' && !BUILT_IN_BAND_IDS.includes(id);
  const label =
    Object.hasOwn(item, 'label') || labelRequired ? parseText(ownValue(item, 'label'), `${path}.label`, issues) : undefined;

  const failed = issues.slice(countBefore).some((issue) => issue.problem !== 'unknown-key');
  if (failed || id === undefined || min === undefined || tone === undefined) return undefined;

  return label === undefined ? { id, min, tone } : { id, label, min, tone };
}

function parseText(value: unknown, path: string, issues: BandListIssue[]): string | undefined {
  const expected = `text of 1 to ${MAX_BAND_TEXT_LENGTH} characters`;
  if (typeof value !== 'string') {
    issues.push({ path, problem: 'wrong-type', expected });
    return undefined;
  }
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_BAND_TEXT_LENGTH) {
    issues.push({ path, problem: 'out-of-range', expected });
    return undefined;
  }
  return text;
}

// Returns undefined for a rejected value, because null is a valid min (the lowest band).
function parseMin(value: unknown, path: string, issues: BandListIssue[]): number | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'number') {
    issues.push({ path, problem: 'wrong-type', expected: 'number, or null for the lowest band' });
    return undefined;
  }
  // JSON.parse turns 1e400 into Infinity, which no score reaches.
  if (!Number.isFinite(value)) {
    issues.push({ path, problem: 'out-of-range', expected: 'finite number' });
    return undefined;
  }
  return value + 0; // turns -0 into 0
}

function parseTone(value: unknown, path: string, issues: BandListIssue[]): BandTone | undefined {
  const tone = BAND_TONES.find((candidate) => candidate === value);
  if (tone === undefined) issues.push({ path, problem: 'wrong-type', expected: 'hot, warm or cold' });
  return tone;
}

function findOverlaps(bands: readonly Band[]): BandListIssue[] {
  const overlaps: BandListIssue[] = [];

  const ids = new Set(bands.map((band) => band.id));
  if (ids.size !== bands.length) overlaps.push({ path: '', problem: 'overlapping-bands', expected: 'unique band ids' });

  const mins = bands.flatMap((band) => (band.min === null ? [] : [band.min]));
  if (new Set(mins).size !== mins.length) {
    overlaps.push({ path: '', problem: 'overlapping-bands', expected: 'a different min for each band' });
  }

  const lowestCount = bands.length - mins.length;
  if (lowestCount !== 1) {
    overlaps.push({ path: '', problem: 'overlapping-bands', expected: 'exactly one lowest band with "min": null' });
  }
  return overlaps;
}

function sortBands(bands: Band[]): Band[] {
  return [...bands].sort((a, b) => {
    if (a.min === null) return 1;
    if (b.min === null) return -1;
    return b.min - a.min;
  });
}

function reject(issue: BandListIssue): BandListResult {
  return { bands: undefined, issues: [issue] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Own properties only, so a key like `constructor` never reads Object.prototype.
function ownValue(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
