import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import { unwrapEnvelope, type RequestContext } from '../../../widget-src/api/envelope.js';
import { containsNaN, describe, it, loadFixture, thrown } from './harness.js';
import { DOCUMENTED_ERROR_CODES } from '../helpers/error-codes.js';

const scores: RequestContext = {
  operation: 'GET Leads/4876876000002768054/Entity_Scores__s',
  scopes: ['ZohoCRM.modules.entity_scores.READ', 'ZohoCRM.modules.Leads.READ'],
};
const rules: RequestContext = { operation: 'GET settings/automation/scoring_rules', scopes: ['ZohoCRM.settings.scoring_rules.READ'] };

const body = { data: [{ Score: 18 }], info: { more_records: false } };
const envelope = (statusMessage: unknown): unknown => ({
  code: 'SUCCESS',
  status: 'success',
  message: 'Connection invoked',
  details: { statusMessage },
});

function errorOf(answer: unknown, context = scores): CrmError {
  const error = thrown(() => unwrapEnvelope(answer, context));
  expect(error).to.be.instanceOf(CrmError);
  return error as CrmError;
}

describe('unwrapEnvelope', () => {
  describe('successful answers', () => {
    const variants: Array<[string, unknown]> = [
      ['statusMessage as an object', envelope(body)],
      ['statusMessage as JSON text', envelope(JSON.stringify(body))],
      ['the whole envelope as JSON text', JSON.stringify(envelope(body))],
      ['a bare REST body', body],
    ];
    for (const [name, answer] of variants) {
      it(`reads ${name}`, () => {
        expect(unwrapEnvelope(answer, scores)).to.deep.equal({ kind: 'body', body });
      });
    }

    const empty: Array<[string, unknown]> = [
      ['an empty string', envelope('')],
      ['blank text', envelope('  \n')],
      ['null', envelope(null)],
      ['JSON null text', envelope('null')],
      ['a missing statusMessage', { code: 'SUCCESS', status: 'success', details: {} }],
      ['missing details', { code: 'SUCCESS', status: 'success' }],
    ];
    for (const [name, answer] of empty) {
      it(`reads ${name} as no content, like HTTP 204`, () => {
        expect(unwrapEnvelope(answer, scores)).to.deep.equal({ kind: 'no-content' });
      });
    }
  });

  describe('documented error bodies', () => {
    for (const code of DOCUMENTED_ERROR_CODES) {
      it(`classifies ${code} inside a SUCCESS envelope, as an object and as text, and bare`, async () => {
        const rest = await loadFixture(`errors/${code}.json`);
        for (const answer of [envelope(rest), envelope(JSON.stringify(rest)), rest]) {
          const error = errorOf(answer);
          expect(error.code).to.equal(code);
          expect(error.details.operation).to.equal(scores.operation);
        }
      });
    }

    it('lists the scores scopes on OAUTH_SCOPE_MISMATCH', async () => {
      const error = errorOf(envelope(await loadFixture('errors/OAUTH_SCOPE_MISMATCH.json')));
      expect(error.details.scopes).to.deep.equal(['ZohoCRM.modules.entity_scores.READ', 'ZohoCRM.modules.Leads.READ']);
    });

    it('lists the rules scope on OAUTH_SCOPE_MISMATCH for the rules request', async () => {
      const error = errorOf(envelope(await loadFixture('errors/OAUTH_SCOPE_MISMATCH.json')), rules);
      expect(error.details.scopes).to.deep.equal(['ZohoCRM.settings.scoring_rules.READ']);
    });

    it('keeps NO_PERMISSION permissions and REQUIRED_PARAM_MISSING param_name', async () => {
      expect(errorOf(envelope(await loadFixture('errors/NO_PERMISSION.json'))).details.permissions).to.deep.equal([
        'Crm_Implied_View_Entity_Scores',
      ]);
      expect(errorOf(envelope(await loadFixture('errors/REQUIRED_PARAM_MISSING.json'))).details.paramName).to.equal('fields');
    });

    const retryAfter: Array<[string, unknown, number | undefined]> = [
      ['a number', 30, 30],
      ['numeric text', ' 45 ', 45],
      ['a fraction, rounded up', 1.2, 2],
      ['a huge value, clamped', 86_400, 3600],
      ['negative', -5, undefined],
      ['text', 'soon', undefined],
      ['null', null, undefined],
    ];
    for (const [name, value, expected] of retryAfter) {
      it(`reads TOO_MANY_REQUESTS retry_after given as ${name}`, () => {
        const error = errorOf(envelope({ code: 'TOO_MANY_REQUESTS', status: 'error', message: '…', details: { retry_after: value } }));
        expect(error.code).to.equal('TOO_MANY_REQUESTS');
        expect(error.details.retryAfterSeconds).to.equal(expected);
      });
    }

    it('passes an unknown code through', () => {
      const error = errorOf(envelope({ code: 'FEATURE_NOT_ENABLED', status: 'error', message: 'Scoring rules are not enabled' }));
      expect(error.code).to.equal('FEATURE_NOT_ENABLED');
      expect(error.message).to.equal('Scoring rules are not enabled');
    });

    it('keys on the code, not the localised message', () => {
      const error = errorOf(envelope({ code: 'NO_PERMISSION', status: 'error', message: 'Berechtigung verweigert' }));
      expect(error.code).to.equal('NO_PERMISSION');
    });

    it('reads an error inside data[0]', () => {
      const error = errorOf(
        envelope({ data: [{ code: 'INVALID_DATA', status: 'error', message: 'the related id given seems to be invalid', details: {} }] }),
      );
      expect(error.code).to.equal('INVALID_DATA');
    });

    it('reads status "error" without a usable code as INVALID_RESPONSE', () => {
      expect(errorOf(envelope({ status: 'error', code: 42 })).code).to.equal('INVALID_RESPONSE');
    });

    it('reads status "error" with code SUCCESS as INVALID_RESPONSE', () => {
      expect(errorOf(envelope({ status: 'error', code: 'SUCCESS', message: 'done' })).code).to.equal('INVALID_RESPONSE');
      expect(errorOf(envelope({ data: [{ status: 'error', code: 'SUCCESS' }] })).code).to.equal('INVALID_RESPONSE');
    });
  });

  describe('envelope failures', () => {
    it('reads details.status "false" as CONNECTION_FAILED with its message', () => {
      const error = errorOf({ code: 'SUCCESS', details: { status: 'false', statusMessage: 'Connection entity_scores is not authorised' } });
      expect(error.code).to.equal('CONNECTION_FAILED');
      expect(error.message).to.equal('Connection entity_scores is not authorised');
    });

    it('reads details.status false without a statusMessage, whatever the outer code', () => {
      const error = errorOf({ code: 'FAILURE', message: 'Connection not found', details: { status: false } });
      expect(error.code).to.equal('CONNECTION_FAILED');
      expect(error.message).to.equal('Connection not found');
    });

    it('keeps the outer code when statusMessage is not JSON', () => {
      expect(errorOf({ code: 'FAILURE', details: { statusMessage: '<html>' } }).code).to.equal('FAILURE');
    });

    it('prefers a REST error body inside a details.status "false" answer', () => {
      const error = errorOf({ code: 'SUCCESS', details: { status: 'false', statusMessage: '{"code":"INVALID_TOKEN","status":"error"}' } });
      expect(error.code).to.equal('INVALID_TOKEN');
    });

    it('reads an outer code other than SUCCESS', () => {
      expect(errorOf({ code: 'INVALID_TOKEN', status: 'error', message: 'invalid oauth token', details: {} }).code).to.equal('INVALID_TOKEN');
      expect(errorOf({ code: 'FAILURE', status: 'error', details: { statusMessage: '' } }).code).to.equal('FAILURE');
    });

    it('prefers the inner error code when the outer code is not SUCCESS', () => {
      const error = errorOf({ code: 'FAILURE', details: { statusMessage: { code: 'NO_PERMISSION', status: 'error' } } });
      expect(error.code).to.equal('NO_PERMISSION');
    });

    const invalid: Array<[string, unknown]> = [
      ['text that is not JSON', 'Bad Gateway'],
      ['statusMessage text that is not JSON', envelope('<html>Bad Gateway</html>')],
      ['statusMessage that is a number', envelope(42)],
      ['statusMessage that is an array', envelope([1, 2])],
      ['null', null],
      ['undefined', undefined],
      ['a number', 204],
      ['an array', [body]],
    ];
    for (const [name, answer] of invalid) {
      it(`reads ${name} as INVALID_RESPONSE`, () => {
        expect(errorOf(answer).code).to.equal('INVALID_RESPONSE');
      });
    }

    it('cuts a long message short', () => {
      const error = errorOf({ code: 'SUCCESS', details: { status: 'false', statusMessage: 'x'.repeat(5000) } });
      expect(error.message.length).to.be.at.most(300);
    });
  });

  // Found by fast-check (seed -1898357534, path "87192:3:65:64") in a 100,000-run
  // search: the body is handed on untouched, so a NaN in it is the parser's to reject.
  it('hands a bare body on as it is, without adding anything', () => {
    const body = { data: [{ '': Number.NaN }] };
    expect(unwrapEnvelope(body, scores)).to.deep.equal({ kind: 'body', body });
  });

  it('throws nothing but CrmError and never introduces NaN on arbitrary input (fast-check)', () => {
    const inner = fc.oneof(fc.jsonValue(), fc.jsonValue().map((value) => JSON.stringify(value)), fc.anything());
    const answer = fc.oneof(
      fc.anything(),
      fc.jsonValue(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.record({
        code: fc.oneof(fc.constant('SUCCESS'), fc.string(), fc.anything()),
        status: fc.oneof(fc.constantFrom('success', 'error'), fc.anything()),
        details: fc.oneof(
          fc.record({ statusMessage: inner, status: fc.oneof(fc.constantFrom('false', 'true'), fc.anything()) }, { requiredKeys: [] }),
          fc.anything(),
        ),
      }, { requiredKeys: [] }),
      fc.record({
        code: fc.constantFrom('TOO_MANY_REQUESTS', 'NO_PERMISSION', 'OAUTH_SCOPE_MISMATCH'),
        status: fc.constant('error'),
        details: fc.record({ retry_after: fc.anything(), permissions: fc.anything(), param_name: fc.anything() }, { requiredKeys: [] }),
      }),
    );
    fc.assert(
      fc.property(answer, (value) => {
        try {
          // The body passes through as given, so NaN may only come from the input.
          const result = unwrapEnvelope(value, scores);
          if (containsNaN(result)) expect(containsNaN(value)).to.equal(true);
        } catch (error) {
          expect(error).to.be.instanceOf(CrmError);
          expect(containsNaN((error as CrmError).details)).to.equal(false);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
