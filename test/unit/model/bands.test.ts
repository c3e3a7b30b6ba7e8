import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { bandOf, bandsFor, parseBandList } from '../../../widget-src/model/bands.js';
import type { Band } from '../../../widget-src/model/types.js';
import { DEFAULT_SETTINGS } from '../../../widget-src/settings/defaults.js';
import type { WidgetSettings } from '../../../widget-src/settings/types.js';
import { describe, it } from '../api/harness.js';

const DEFAULT_BANDS = DEFAULT_SETTINGS.bands.default;
const MODULE_BANDS: Band[] = [
  { id: 'hot', min: 10, tone: 'hot' },
  { id: 'cold', min: null, tone: 'cold' },
];
const RULE_BANDS: Band[] = [
  { id: 'top', label: 'Top', min: 100, tone: 'hot' },
  { id: 'rest', label: 'Rest', min: null, tone: 'cold' },
];

function settingsWith(bands: Partial<WidgetSettings['bands']>): WidgetSettings {
  return { ...DEFAULT_SETTINGS, bands: { ...DEFAULT_SETTINGS.bands, ...bands } };
}

describe('bandOf', () => {
  const cases: Array<[number | null, string | null]> = [
    [100, 'hot'],
    [50, 'hot'],
    [49, 'warm'],
    [20, 'warm'],
    [19, 'cold'],
    [0, 'cold'],
    [-1, 'cold'],
    [-1000, 'cold'],
    [Number.MAX_SAFE_INTEGER, 'hot'],
    [null, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ];
  for (const [score, expected] of cases) {
    it(`puts ${score} in ${expected ?? 'no band'} with the defaults`, () => {
      expect(bandOf(score, DEFAULT_BANDS)?.id ?? null).to.equal(expected);
    });
  }

  it('returns null when bands are off', () => {
    expect(bandOf(80, null)).to.equal(null);
  });

  it('returns null for a list without bands', () => {
    expect(bandOf(80, [])).to.equal(null);
  });

  it('does not depend on the list order', () => {
    const reversed = [...DEFAULT_BANDS].reverse();
    for (const score of [-5, 19, 20, 49, 50, 90]) {
      expect(bandOf(score, reversed)).to.equal(bandOf(score, DEFAULT_BANDS));
    }
  });

  const custom: Band[] = [
    { id: 'positive', label: 'Positive', min: 1, tone: 'hot' },
    { id: 'neutral', label: 'Neutral', min: -10, tone: 'warm' },
    { id: 'negative', label: 'Negative', min: null, tone: 'cold' },
  ];
  const customCases: Array<[number, string]> = [
    [1, 'positive'],
    [0, 'neutral'],
    [-10, 'neutral'],
    [-11, 'negative'],
  ];
  for (const [score, expected] of customCases) {
    it(`puts ${score} in ${expected} with negative bounds`, () => {
      expect(bandOf(score, custom)?.id).to.equal(expected);
    });
  }

  it('returns the band with the highest min at or below the score', () => {
    const mins = fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { maxLength: 9 });
    fc.assert(
      fc.property(mins, fc.integer({ min: -2000, max: 2000 }), (values, score) => {
        const bands: Band[] = [...values.map((min, i) => ({ id: `b${i}`, label: `B${i}`, min, tone: 'hot' as const })), { id: 'low', label: 'Low', min: null, tone: 'cold' }];
        const eligible = values.filter((min) => min <= score);
        const expectedMin = eligible.length === 0 ? null : Math.max(...eligible);
        expect(bandOf(score, bands)?.min).to.equal(expectedMin);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('bandsFor', () => {
  const settings = settingsWith({ modules: { Leads: MODULE_BANDS }, rules: { '111': RULE_BANDS } });
  const cases: Array<[string, string, string | null, readonly Band[]]> = [
    ['rule bands over module bands', 'Leads', '111', RULE_BANDS],
    ['rule bands on any module', 'Deals', '111', RULE_BANDS],
    ['module bands for another rule', 'Leads', '222', MODULE_BANDS],
    ['module bands without a rule id', 'Leads', null, MODULE_BANDS],
    ['default bands elsewhere', 'Deals', '222', DEFAULT_BANDS],
    ['default bands for a prototype name', 'constructor', 'toString', DEFAULT_BANDS],
  ];
  for (const [name, module, ruleId, expected] of cases) {
    it(`returns ${name}`, () => {
      expect(bandsFor(settings, module, ruleId)).to.equal(expected);
    });
  }

  it('returns null when bands are disabled', () => {
    const disabled = settingsWith({ enabled: false, modules: { Leads: MODULE_BANDS }, rules: { '111': RULE_BANDS } });
    expect(bandsFor(disabled, 'Leads', '111')).to.equal(null);
    expect(bandsFor(disabled, 'Deals', null)).to.equal(null);
  });
});

describe('parseBandList', () => {
  it('accepts and sorts a valid list', () => {
    const result = parseBandList([DEFAULT_BANDS[2], DEFAULT_BANDS[0], DEFAULT_BANDS[1]]);
    expect(result.issues).to.deep.equal([]);
    expect(result.bands).to.deep.equal(DEFAULT_BANDS);
  });

  it('turns -0 into 0', () => {
    const result = parseBandList([{ id: 'warm', min: -0, tone: 'warm' }, DEFAULT_BANDS[2]]);
    expect(Object.is(result.bands?.[0]?.min, 0)).to.equal(true);
  });

  it('treats 0 and -0 as the same min', () => {
    const result = parseBandList([{ id: 'hot', min: 0, tone: 'hot' }, { id: 'warm', min: -0, tone: 'warm' }, DEFAULT_BANDS[2]]);
    expect(result.bands).to.equal(undefined);
    expect(result.issues.map((issue) => issue.problem)).to.deep.equal(['overlapping-bands']);
  });

  it('reads only own properties of a band', () => {
    const inherited = Object.assign(Object.create({ tone: 'hot' }) as object, { id: 'hot', min: 50 });
    const result = parseBandList([inherited, DEFAULT_BANDS[2]]);
    expect(result.bands).to.equal(undefined);
    expect(result.issues).to.deep.equal([{ path: '0.tone', problem: 'wrong-type', expected: 'hot, warm or cold' }]);
  });
});
