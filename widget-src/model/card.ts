import type { WidgetSettings } from '../settings/types.js';
import type { AdminNote, CardData, RuleScore, ScoringRule } from './types.js';

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
 * Merges score rows with rule names and settings into the card's view model.
 * TODO: bands, primary-rule ordering and inactive-first ordering.
 */
export function buildCardData(input: CardInput): CardData {
  const byId = new Map((input.rules ?? []).map((rule) => [rule.id, rule]));
  const rules = input.scores.map((row) => {
    const rule = row.ruleId === null ? undefined : byId.get(row.ruleId);
    return {
      ...row,
      ruleName: rule?.name ?? row.ruleName,
      description: rule?.description ?? null,
      active: rule?.active ?? null,
      band: null,
    };
  });
  return { rules, notes: input.notes, display: input.settings.show };
}
