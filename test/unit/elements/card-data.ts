import type { CardData, CardRule, DisplayOptions } from '../../../widget-src/model/types.js';

export const ALL_PARTS: DisplayOptions = { bands: true, breakdown: true, touchPoints: true, descriptions: true };

/** Builds a scored rule with a hot band and no touch points, with `overrides` applied. */
export function makeRule(overrides: Partial<CardRule> = {}): CardRule {
  return {
    id: '4876876000000500001',
    ruleId: '4876876000000400001',
    ruleName: 'Lead fit',
    score: 42,
    positive: 50,
    negative: -8,
    touchPoint: null,
    touchPointPositive: null,
    touchPointNegative: null,
    description: null,
    active: true,
    band: { id: 'hot', min: 40, tone: 'hot' },
    ...overrides,
  };
}

export function makeCard(rules: CardRule[], overrides: Partial<CardData> = {}): CardData {
  return { rules, notes: [], display: ALL_PARTS, ...overrides };
}
