import { expect } from '@esm-bundle/chai';
import { ORG_VARIABLE_NAME, parseOrgVariableAnswer } from '../../../widget-src/settings/org-variable.js';
import { describe, it } from '../api/harness.js';

describe('parseOrgVariableAnswer', () => {
  it('uses the documented variable name', () => {
    expect(ORG_VARIABLE_NAME).to.equal('entity_score_card_settings');
  });

  const cases: Array<[string, unknown, string | undefined]> = [
    ['JSON content', { Success: { Content: '{"timeoutMs": 5000}' } }, '{"timeoutMs": 5000}'],
    ['any text content', { Success: { Content: 'not json' } }, 'not json'],
    ['empty content', { Success: { Content: '' } }, undefined],
    ['blank content', { Success: { Content: '  \n' } }, undefined],
    ['null content', { Success: { Content: null } }, undefined],
    ['number content', { Success: { Content: 5000 } }, undefined],
    ['object content', { Success: { Content: { timeoutMs: 5000 } } }, undefined],
    ['missing content', { Success: {} }, undefined],
    ['Success not an object', { Success: 'yes' }, undefined],
    ['null Success', { Success: null }, undefined],
    ['error response', { Error: { Content: 'No such variable' } }, undefined],
    ['content only on the prototype', { Success: Object.create({ Content: 'inherited' }) as unknown }, undefined],
    ['null', null, undefined],
    ['undefined', undefined, undefined],
    ['text', '{"Success":{"Content":"x"}}', undefined],
    ['list', [{ Success: { Content: 'x' } }], undefined],
  ];
  for (const [name, raw, expected] of cases) {
    it(`returns ${expected === undefined ? 'undefined' : 'the content'} for ${name}`, () => {
      expect(parseOrgVariableAnswer(raw)).to.equal(expected);
    });
  }
});
