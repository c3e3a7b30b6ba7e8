import { expect } from '@esm-bundle/chai';
import { buildCardData, type CardInput } from '../../../widget-src/model/card.js';
import type { AdminNote, RuleScore, ScoringRule } from '../../../widget-src/model/types.js';
import { DEFAULT_SETTINGS } from '../../../widget-src/settings/defaults.js';
import type { WidgetSettings } from '../../../widget-src/settings/types.js';
import { describe, it } from '../api/harness.js';

function row(ruleId: string | null, score: number | null, ruleName: string | null = null): RuleScore {
  return {
    id: ruleId === null ? null : `row-${ruleId}`,
    ruleId,
    ruleName,
    score,
    positive: null,
    negative: null,
    touchPoint: null,
    touchPointPositive: null,
    touchPointNegative: null,
  };
}

function rule(id: string, active: boolean | null, name = `Rule ${id}`): ScoringRule {
  return { id, name, description: `About ${id}`, active };
}

function input(overrides: Partial<CardInput>): CardInput {
  return { module: 'Leads', scores: [], rules: [], settings: DEFAULT_SETTINGS, notes: [], ...overrides };
}

function withSettings(patch: Partial<WidgetSettings>): WidgetSettings {
  return { ...DEFAULT_SETTINGS, ...patch };
}

const ids = (data: ReturnType<typeof buildCardData>): Array<string | null> => data.rules.map((r) => r.ruleId);

describe('buildCardData', () => {
  describe('merging rows with rules', () => {
    it('takes name, description and active from the rule', () => {
      const data = buildCardData(input({ scores: [row('1', 30)], rules: [rule('1', true, 'Website visits')] }));
      expect(data.rules[0]).to.deep.include({ ruleName: 'Website visits', description: 'About 1', active: true });
    });

    it('keeps ruleName null for a rule missing from the list', () => {
      const data = buildCardData(input({ scores: [row('9', 30)], rules: [rule('1', true)] }));
      expect(data.rules[0]).to.deep.include({ ruleId: '9', ruleName: null, description: null, active: null });
    });

    it('keeps the row name when the rules request failed', () => {
      const data = buildCardData(input({ scores: [row('1', 30, 'From row')], rules: undefined }));
      expect(data.rules[0]).to.deep.include({ ruleName: 'From row', description: null, active: null });
    });

    it('keeps the row name when the rule has no name', () => {
      const unnamed: ScoringRule = { id: '1', name: null, description: null, active: true };
      const data = buildCardData(input({ scores: [row('1', 30, 'From row')], rules: [unnamed] }));
      expect(data.rules[0]?.ruleName).to.equal('From row');
    });

    it('handles a row without a rule id', () => {
      const data = buildCardData(input({ scores: [row(null, 30)], rules: [rule('1', true)] }));
      expect(data.rules[0]).to.deep.include({ ruleId: null, ruleName: null, active: null });
      expect(data.rules[0]?.band?.id).to.equal('warm');
    });

    it('returns no rules for no rows', () => {
      expect(buildCardData(input({})).rules).to.deep.equal([]);
    });
  });

  describe('bands', () => {
    it('applies the default bands', () => {
      const data = buildCardData(input({ scores: [row('1', 50), row('2', 49), row('3', 19), row('4', null)], rules: undefined }));
      expect(data.rules.map((r) => r.band?.id ?? null)).to.deep.equal(['hot', 'warm', 'cold', null]);
    });

    it('applies rule bands over module bands', () => {
      const settings = withSettings({
        bands: {
          ...DEFAULT_SETTINGS.bands,
          modules: { Leads: [{ id: 'hot', min: 5, tone: 'hot' }, { id: 'cold', min: null, tone: 'cold' }] },
          rules: { '2': [{ id: 'hot', min: 100, tone: 'hot' }, { id: 'cold', min: null, tone: 'cold' }] },
        },
      });
      const data = buildCardData(input({ scores: [row('1', 10), row('2', 10)], rules: undefined, settings }));
      expect(data.rules.map((r) => [r.ruleId, r.band?.id])).to.deep.equal([['1', 'hot'], ['2', 'cold']]);
    });

    it('leaves every band null when bands are disabled', () => {
      const settings = withSettings({ bands: { ...DEFAULT_SETTINGS.bands, enabled: false } });
      const data = buildCardData(input({ scores: [row('1', 80), row('2', 0)], settings }));
      expect(data.rules.map((r) => r.band)).to.deep.equal([null, null]);
      expect(data.display.bands).to.equal(false);
    });
  });

  describe('ordering', () => {
    const cases: Array<[string, Partial<CardInput>, string[]]> = [
      ['by score, highest first', { scores: [row('1', 10), row('2', 30), row('3', 20)] }, ['2', '3', '1']],
      ['null scores last', { scores: [row('1', null), row('2', -5), row('3', 0)] }, ['3', '2', '1']],
      ['ties in original order', { scores: [row('1', 10), row('2', 10), row('3', null), row('4', null)] }, ['1', '2', '3', '4']],
      [
        'inactive rules last',
        { scores: [row('1', 90), row('2', 10), row('3', 50)], rules: [rule('1', false), rule('2', true), rule('3', null)] },
        ['3', '2', '1'],
      ],
      [
        'unknown activity counts as active',
        { scores: [row('1', 90), row('2', 10)], rules: [rule('1', false)] },
        ['2', '1'],
      ],
      [
        'primary rule first',
        { scores: [row('1', 90), row('2', 10), row('3', null)], settings: withSettings({ primaryRules: { Leads: '3' } }) },
        ['3', '1', '2'],
      ],
      [
        'primary rule of another module ignored',
        { scores: [row('1', 90), row('2', 10)], settings: withSettings({ primaryRules: { Deals: '2' } }) },
        ['1', '2'],
      ],
      [
        'inactive primary rule after active rules',
        {
          scores: [row('1', 90), row('2', 10), row('3', 95)],
          rules: [rule('1', true), rule('2', false), rule('3', false)],
          settings: withSettings({ primaryRules: { Leads: '2' } }),
        },
        ['1', '2', '3'],
      ],
      [
        'primary rule id missing from the rows',
        { scores: [row('1', 5), row('2', 10)], settings: withSettings({ primaryRules: { Leads: '7' } }) },
        ['2', '1'],
      ],
    ];
    for (const [name, overrides, expected] of cases) {
      it(`orders ${name}`, () => {
        expect(ids(buildCardData(input(overrides)))).to.deep.equal(expected);
      });
    }

    it('ignores a primary rule named like an Object.prototype member', () => {
      const data = buildCardData(input({ module: 'constructor', scores: [row('1', 1), row('2', 2)] }));
      expect(ids(data)).to.deep.equal(['2', '1']);
    });
  });

  describe('display and notes', () => {
    it('copies the display options', () => {
      const show = { bands: false, breakdown: true, touchPoints: false, descriptions: true };
      const data = buildCardData(input({ settings: withSettings({ show }) }));
      expect(data.display).to.deep.equal(show);
      expect(data.display).not.to.equal(show);
    });

    it('passes the notes through', () => {
      const notes: AdminNote[] = [{ kind: 'rules-unavailable', code: 'OAUTH_SCOPE_MISMATCH' }];
      const data = buildCardData(input({ notes }));
      expect(data.notes).to.deep.equal(notes);
      expect(data.notes).not.to.equal(notes);
    });
  });

  it('does not modify its input', () => {
    const scores = [row('1', 10), row('2', 30)];
    const rules = [rule('1', false), rule('2', true)];
    const before = JSON.stringify({ scores, rules });
    buildCardData(input({ scores, rules, settings: withSettings({ primaryRules: { Leads: '1' } }) }));
    expect(JSON.stringify({ scores, rules })).to.equal(before);
  });
});
