/** One row of `Entity_Scores__s`, parsed: every score is an integer or null. */
export interface RuleScore {
  /** Entity score record id (`id`), or null when missing or malformed. */
  id: string | null;
  ruleId: string | null;
  /** `Scoring_Rule.name`; null in Zoho's own sample. */
  ruleName: string | null;
  score: number | null;
  positive: number | null;
  negative: number | null;
  touchPoint: number | null;
  touchPointPositive: number | null;
  touchPointNegative: number | null;
}

/** A value dropped while parsing, kept so the caller can log it once. */
export interface FieldRejection {
  /** REST field name, e.g. `Score` or `Scoring_Rule.id`. */
  field: string;
  /** Row index in `data`. */
  row: number;
  /** Short description of the bad value (its JSON type), never the whole payload. */
  received: string;
}

/** One scoring rule from `settings/automation/scoring_rules`, parsed. */
export interface ScoringRule {
  id: string;
  name: string | null;
  description: string | null;
  /** null when the answer did not say. */
  active: boolean | null;
}

/** Visual tone of a band; the element maps it to a colour and an icon. */
export type BandTone = 'hot' | 'warm' | 'cold';

/** A score band: scores at or above `min` (and below the next band) get it. */
export interface Band {
  /** `hot`, `warm` and `cold` are translated by the card; other ids need a `label`. */
  id: string;
  /** Admin-provided label; absent for the built-in bands. */
  label?: string;
  /** Inclusive lower bound; null is the lowest band (no lower bound). */
  min: number | null;
  tone: BandTone;
}

/** What the card shows for one rule, after names, bands and ordering are applied. */
export interface CardRule extends RuleScore {
  description: string | null;
  /** null when the rules list was unavailable or did not list this rule. */
  active: boolean | null;
  /** null when bands are off or the score is null. */
  band: Band | null;
}

/** Parts of the card an admin can hide. */
export interface DisplayOptions {
  bands: boolean;
  breakdown: boolean;
  touchPoints: boolean;
  descriptions: boolean;
}

/** A problem only an admin can fix; shown as a small note, never as the card's error. */
export type AdminNote =
  | { kind: 'rules-unavailable'; code: string; scope?: string }
  | {
      kind: 'invalid-setting';
      /**
       * Dotted path of the rejected key, e.g. `bands.modules.Leads` or `timeoutMs`.
       * The keys `(org variable)` and `(settings.json)` mean the whole document.
       */
      key: string;
      problem: SettingProblem;
      /** Short, untranslated description of a valid value, e.g. `integer from 1000 to 60000`. */
      expected?: string;
      /** Origin of the rejected value. The settings layer always sets it. */
      source?: SettingSource;
    };

/**
 * Reason a setting was rejected. In every case the widget uses the default for that key.
 * - `invalid-json`: the document is not valid JSON.
 * - `wrong-type`: the value has the wrong JSON type or format.
 * - `unknown-key`: the key is not part of the schema (often a typo) and is ignored.
 * - `out-of-range`: a number, text or list is outside its allowed range or length.
 * - `overlapping-bands`: a band list repeats an id or a `min`, or lacks exactly one lowest band.
 * - `unavailable`: `settings.json` could not be fetched (HTTP error, network failure or timeout).
 */
export type SettingProblem =
  | 'invalid-json'
  | 'wrong-type'
  | 'unknown-key'
  | 'out-of-range'
  | 'overlapping-bands'
  | 'unavailable';

/** Origin of a setting: the packaged `settings.json` or the org variable that overrides it. */
export type SettingSource = 'settings-file' | 'org-variable';

/** Everything the element needs to render the `ready` state. */
export interface CardData {
  /** Ordered for display; the first one is the primary rule. Empty means the `empty` state. */
  rules: CardRule[];
  notes: AdminNote[];
  display: DisplayOptions;
}
