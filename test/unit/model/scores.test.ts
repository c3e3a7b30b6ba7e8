import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import { parsePageInfo, parseScoreRows } from '../../../widget-src/model/scores.js';
import { containsNaN, describe, it, loadFixture, thrown } from '../api/harness.js';

const row = (overrides: Record<string, unknown>): Record<string, unknown> => ({
  id: '4876876000002768054',
  Scoring_Rule: { name: null, id: '4876876000002750002' },
  Score: 18,
  Positive_Score: 18,
  Negative_Score: null,
  Touch_Point_Score: null,
  Touch_Point_Positive_Score: null,
  Touch_Point_Negative_Score: null,
  ...overrides,
});

describe('parseScoreRows', () => {
  it("parses the reference page's sample response", async () => {
    const parsed = parseScoreRows(await loadFixture('entity-scores-sample.json'));

    expect(parsed.rejected).to.deep.equal([]);
    expect(parsed.info).to.deep.equal({ moreRecords: false, nextPageToken: null });
    expect(parsed.rows).to.deep.equal([
      {
        id: '4876876000002768054',
        ruleId: '4876876000002750002',
        ruleName: null,
        score: 18,
        positive: 18,
        negative: null,
        touchPoint: null,
        touchPointPositive: null,
        touchPointNegative: null,
      },
      {
        id: '4876876000002768021',
        ruleId: '4876876000002741001',
        ruleName: null,
        score: 10,
        positive: 15,
        negative: -5,
        touchPoint: null,
        touchPointPositive: null,
        touchPointNegative: null,
      },
    ]);
  });

  const badScores: Array<[string, unknown, string]> = [
    ['numeric text', '18', 'string'],
    ['a fraction', 18.5, 'number (not an integer)'],
    ['1e21', 1e21, 'number (beyond 2^53)'],
    ['a boolean', true, 'boolean'],
    ['an object', {}, 'object'],
    ['an array', [18], 'array'],
    ['NaN', Number.NaN, 'number (NaN)'],
    ['Infinity', Number.POSITIVE_INFINITY, 'number (infinite)'],
  ];
  for (const [name, value, received] of badScores) {
    it(`rejects a score given as ${name} and keeps the row`, () => {
      const parsed = parseScoreRows({ data: [row({ Score: value, Touch_Point_Score: value })] });
      expect(parsed.rows).to.have.length(1);
      expect(parsed.rows[0]?.score).to.equal(null);
      expect(parsed.rows[0]?.touchPoint).to.equal(null);
      expect(parsed.rows[0]?.positive).to.equal(18);
      expect(parsed.rejected).to.deep.equal([
        { field: 'Touch_Point_Score', row: 0, received },
        { field: 'Score', row: 0, received },
      ]);
    });
  }

  it('keeps every score field apart', () => {
    const parsed = parseScoreRows({
      data: [row({ Score: 1, Positive_Score: 2, Negative_Score: -3, Touch_Point_Score: 4, Touch_Point_Positive_Score: 5, Touch_Point_Negative_Score: -6 })],
    });
    expect(parsed.rows[0]).to.include({ score: 1, positive: 2, negative: -3, touchPoint: 4, touchPointPositive: 5, touchPointNegative: -6 });
  });

  it('accepts missing score fields as null without a rejection', () => {
    const parsed = parseScoreRows({ data: [{ id: '1' }] });
    expect(parsed.rows[0]).to.deep.equal({
      id: '1', ruleId: null, ruleName: null, score: null, positive: null, negative: null,
      touchPoint: null, touchPointPositive: null, touchPointNegative: null,
    });
    expect(parsed.rejected).to.deep.equal([]);
  });

  it('turns -0 into 0', () => {
    expect(Object.is(parseScoreRows({ data: [row({ Score: -0 })] }).rows[0]?.score, 0)).to.equal(true);
  });

  describe('ids and rules', () => {
    it('keeps ids as exact strings and converts a safe numeric id', () => {
      const parsed = parseScoreRows({ data: [row({ id: 4876876000123, Scoring_Rule: { id: ' 4876876000002750002 ', name: 'Web' } })] });
      expect(parsed.rows[0]).to.include({ id: '4876876000123', ruleId: '4876876000002750002', ruleName: 'Web' });
    });

    it('rejects an unsafe numeric id instead of keeping a rounded one', () => {
      const parsed = parseScoreRows({ data: [row({ id: 4876876000002768054, Scoring_Rule: { id: 4876876000002750002 } })] });
      expect(parsed.rows[0]).to.include({ id: null, ruleId: null });
      expect(parsed.rejected.map((entry) => entry.field)).to.deep.equal(['Scoring_Rule.id', 'id']);
    });

    const rules: Array<[string, unknown, { ruleId: string | null; ruleName: string | null }, string[]]> = [
      ['missing', undefined, { ruleId: null, ruleName: null }, []],
      ['null', null, { ruleId: null, ruleName: null }, []],
      ['text', 'Web engagement', { ruleId: null, ruleName: null }, ['Scoring_Rule']],
      ['an array', [{ id: '1' }], { ruleId: null, ruleName: null }, ['Scoring_Rule']],
      ['an id with letters', { id: 'abc', name: 'Web' }, { ruleId: null, ruleName: 'Web' }, ['Scoring_Rule.id']],
      ['a numeric name', { id: '1', name: 7 }, { ruleId: '1', ruleName: null }, ['Scoring_Rule.name']],
      ['a blank name', { id: '1', name: '  ' }, { ruleId: '1', ruleName: null }, []],
    ];
    for (const [name, value, expected, fields] of rules) {
      it(`reads a Scoring_Rule that is ${name}`, () => {
        const parsed = parseScoreRows({ data: [row({ Scoring_Rule: value })] });
        expect(parsed.rows[0]).to.include(expected);
        expect(parsed.rejected.map((entry) => entry.field)).to.deep.equal(fields);
      });
    }
  });

  it('skips rows that are not objects and records them', () => {
    const parsed = parseScoreRows({ data: [null, row({}), 'row', [1]] }, 10);
    expect(parsed.rows).to.have.length(1);
    expect(parsed.rejected).to.deep.equal([
      { field: '(row)', row: 10, received: 'null' },
      { field: '(row)', row: 12, received: 'string' },
      { field: '(row)', row: 13, received: 'array' },
    ]);
  });

  const invalid: Array<[string, unknown]> = [
    ['no data', { info: {} }],
    ['data that is an object', { data: { Score: 1 } }],
    ['a body that is an array', [row({})]],
    ['null', null],
    ['text', '{"data":[]}'],
  ];
  for (const [name, body] of invalid) {
    it(`throws INVALID_RESPONSE for ${name}`, () => {
      const error = thrown(() => parseScoreRows(body));
      expect(error).to.be.instanceOf(CrmError);
      expect((error as CrmError).code).to.equal('INVALID_RESPONSE');
    });
  }

  it('reads an empty data list as no rows', () => {
    expect(parseScoreRows({ data: [] })).to.deep.equal({ rows: [], rejected: [], info: { moreRecords: false, nextPageToken: null } });
  });

  it('throws nothing but CrmError and never yields NaN on arbitrary input (fast-check)', () => {
    const field = fc.oneof(fc.integer(), fc.double(), fc.constant(null), fc.string(), fc.anything());
    const scoreRow = fc.record(
      {
        id: field,
        Score: field,
        Positive_Score: field,
        Negative_Score: field,
        Touch_Point_Score: field,
        Scoring_Rule: fc.oneof(fc.record({ id: field, name: field }, { requiredKeys: [] }), fc.anything()),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.anything(),
      fc.jsonValue(),
      fc.record({ data: fc.array(fc.oneof(scoreRow, fc.anything())), info: fc.anything() }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(body, (value) => {
        try {
          const parsed = parseScoreRows(value);
          expect(containsNaN(parsed)).to.equal(false);
          for (const item of parsed.rows) {
            for (const score of [item.score, item.positive, item.negative, item.touchPoint, item.touchPointPositive, item.touchPointNegative]) {
              expect(score === null || Number.isSafeInteger(score)).to.equal(true);
            }
            for (const id of [item.id, item.ruleId]) expect(id === null || /^\d{1,19}$/.test(id)).to.equal(true);
          }
        } catch (error) {
          expect(error).to.be.instanceOf(CrmError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parsePageInfo', () => {
  const cases: Array<[string, unknown, { moreRecords: boolean; nextPageToken: string | null }]> = [
    ['missing', undefined, { moreRecords: false, nextPageToken: null }],
    ['garbled', 'more', { moreRecords: false, nextPageToken: null }],
    ['more with a token', { more_records: true, next_page_token: 'abc' }, { moreRecords: true, nextPageToken: 'abc' }],
    ['more with a null token', { more_records: true, next_page_token: null }, { moreRecords: true, nextPageToken: null }],
    ['more as text', { more_records: 'true', next_page_token: 'abc' }, { moreRecords: false, nextPageToken: 'abc' }],
    ['an empty token', { more_records: true, next_page_token: ' ' }, { moreRecords: true, nextPageToken: null }],
  ];
  for (const [name, info, expected] of cases) {
    it(`reads info that is ${name}`, () => {
      expect(parsePageInfo(info)).to.deep.equal(expected);
    });
  }
});
