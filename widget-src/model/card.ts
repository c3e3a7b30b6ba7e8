import type { WidgetSettings } from '../settings/types.js';
import { bandOf, bandsFor } from './bands.js';
import type { AdminNote, CardData, CardRule, DisplayOptions, RuleScore, ScoringRule } from './types.js';

/** Inputs that `buildCardData` merges into what the card shows. */
export interface CardInput {
  module: string;
  scores: RuleScore[];
  /** undefined when the rules request failed; names then fall back to rule ids. */
  rules: ScoringRule[] | undefined;
  settings: WidgetSettings;
  notes: AdminNote[];
}

/**
 * Builds the card's view model from score rows, the scoring rules and the settings.
 *
 * Each row gets its rule's name, description and active flag (a row whose rule
 * is not listed keeps its own `ruleName`, usually null) and its band. Rows are
 * ordered: active or unknown before inactive, then the module's primary rule,
 * then by score from highest to lowest with null scores last, then in their
 * original order. Does not modify its input.
 */
export function buildCardData(input: CardInput): CardData {
  const { module, settings } = input;
  const rulesById = new Map((input.rules ?? []).map((rule) => [rule.id, rule]));

  const cardRules = input.scores.map((row): CardRule => {
    const rule = row.ruleId === null ? undefined : rulesById.get(row.ruleId);
    return {
      ...row,
      ruleName: rule?.name ?? row.ruleName,
      description: rule?.description ?? null,
      active: rule?.active ?? null,
      band: bandOf(row.score, bandsFor(settings, module, row.ruleId)),
    };
  });

  const primaryRuleId = Object.hasOwn(settings.primaryRules, module) ? settings.primaryRules[module] : undefined;
  const ordered = cardRules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => compareForDisplay(a.rule, b.rule, primaryRuleId) || a.index - b.index)
    .map(({ rule }) => rule);

  return { rules: ordered, notes: [...input.notes], display: displayOptions(settings) };
}

function compareForDisplay(a: CardRule, b: CardRule, primaryRuleId: string | undefined): number {
  // A deactivated rule keeps its old scores, so it goes below the rules that still score.
  const inactive = Number(a.active === false) - Number(b.active === false);
  if (inactive !== 0) return inactive;

  if (primaryRuleId !== undefined) {
    const primary = Number(b.ruleId === primaryRuleId) - Number(a.ruleId === primaryRuleId);
    if (primary !== 0) return primary;
  }

  if (a.score === null || b.score === null) return Number(a.score === null) - Number(b.score === null);
  return b.score - a.score;
}

// With bands turned off no rule has a band, so the card has no band to show either.
function displayOptions(settings: WidgetSettings): DisplayOptions {
  return { ...settings.show, bands: settings.show.bands && settings.bands.enabled };
}
