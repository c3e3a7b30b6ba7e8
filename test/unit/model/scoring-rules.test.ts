import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import { parseCachedRules, parseScoringRules } from '../../../widget-src/model/scoring-rules.js';
import { describe, it, loadFixture, thrown } from '../api/harness.js';

describe('parseScoringRules', () => {
  it('parses a rules answer', async () => {
    const parsed = parseScoringRules(await loadFixture('scoring-rules-sample.json'));
    expect(parsed.rejected).to.deep.equal([]);
    expect(parsed.info.moreRecords).to.equal(false);
    expect(parsed.rules).to.deep.equal([
      { id: '4876876000002750002', name: 'Web engagement', description: 'Rewards form fills and email opens.', active: true },
      { id: '4876876000002741001', name: 'Fit score', description: null, active: false },
    ]);
  });

  it('skips a rule without a usable id and nulls other bad fields', () => {
    const parsed = parseScoringRules({
      scoring_rules: [
        { id: 4876876000002750002, name: 'Rounded id' },
        { id: '1', name: 5, description: ['x'], active: 'yes' },
        'rule',
      ],
    });
    expect(parsed.rules).to.deep.equal([{ id: '1', name: null, description: null, active: null }]);
    expect(parsed.rejected.map((entry) => `${entry.field}@${entry.row}`)).to.deep.equal([
      'id@0',
      'name@1',
      'description@1',
      'active@1',
      '(rule)@2',
    ]);
  });

  for (const body of [{}, { scoring_rules: {} }, null, [], 'x']) {
    it(`throws INVALID_RESPONSE for ${JSON.stringify(body)}`, () => {
      const error = thrown(() => parseScoringRules(body));
      expect((error as CrmError).code).to.equal('INVALID_RESPONSE');
    });
  }

  it('reads back what the cache stored, and refuses a tampered entry', () => {
    const rules = [{ id: '1', name: 'A', description: null, active: true }];
    expect(parseCachedRules(JSON.parse(JSON.stringify(rules)))).to.deep.equal(rules);
    expect(parseCachedRules([{ id: 1.5, name: 'A' }])).to.equal(undefined);
    expect(parseCachedRules({ rules })).to.equal(undefined);
  });

  it('throws nothing but CrmError on arbitrary input (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ scoring_rules: fc.array(fc.anything()), info: fc.anything() })), (value) => {
        try {
          for (const rule of parseScoringRules(value).rules) expect(rule.id).to.match(/^\d{1,19}$/);
        } catch (error) {
          expect(error).to.be.instanceOf(CrmError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
