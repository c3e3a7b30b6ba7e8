// fast-check generators for what the host hands the widget: PageLoad payloads,
// Connection envelopes, REST bodies and SDK results. Each mixes arbitrary JSON
// with the documented shapes, so runs reach the deep branches (rows, paging,
// error bodies) as well as the checks at the door.
import fc from 'fast-check';
import type { ImmediateAnswer } from '../api/fake-host.js';
import { DOCUMENTED_ERROR_CODES } from '../helpers/error-codes.js';

/** Any JSON value, kept small so a run stays cheap. */
export const json = fc.jsonValue({ maxDepth: 3 });

/** Generates a JSON value or the same value as JSON text, because the host sends either. */
function valueOrText(value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(value, value.map((item) => JSON.stringify(item)));
}

const recordId = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^\d{13,19}$/) },
  { weight: 2, arbitrary: fc.constantFrom('5725767000001234567', ' 5725767000001234567 ', '', '0', '12345678901234567890', 'abc123', null) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(5725767000001234567)) },
  { weight: 1, arbitrary: json },
);

const moduleName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Leads', 'Contacts', 'Deals', 'Accounts', 'Potentials', 'Applications1', 'Products', ' Leads ', 'Le ads', '') },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: json },
);

const placement = {
  Entity: moduleName,
  EntityId: fc.oneof({ weight: 3, arbitrary: recordId }, { weight: 1, arbitrary: fc.array(recordId, { maxLength: 3 }) }),
  ButtonPosition: fc.oneof(fc.constantFrom('DetailView', 'ListView'), json),
};

/** PageLoad payloads: arbitrary JSON, the documented placements with odd values, and JSON text. */
export const pageLoadPayload: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: json },
  { weight: 1, arbitrary: valueOrText(fc.record(placement, { requiredKeys: [] })) },
  { weight: 3, arbitrary: valueOrText(fc.record(placement, { requiredKeys: ['Entity', 'EntityId'] })) },
);

const ruleId = fc.oneof(fc.constantFrom('5725767000000982013', '5725767000000982014'), fc.stringMatching(/^\d{1,20}$/), json);

/** A score as CRM should send it (a safe integer or null) or as it should not. */
const scoreValue = fc.oneof(
  fc.integer({ min: -500, max: 500 }),
  fc.constant(null),
  fc.constantFrom('18', 18.5, 1e21, true, {}, [], '', -0, 2 ** 53),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  json,
);

const scoreRow = fc.record(
  {
    id: recordId,
    Score: scoreValue,
    Positive_Score: scoreValue,
    Negative_Score: scoreValue,
    Touch_Point_Score: scoreValue,
    Touch_Point_Positive_Score: scoreValue,
    Touch_Point_Negative_Score: scoreValue,
    Scoring_Rule: fc.oneof(fc.record({ id: ruleId, name: fc.oneof(fc.string(), fc.constant(null), json) }, { requiredKeys: [] }), json),
  },
  { requiredKeys: [] },
);

const pageInfo = fc.oneof(
  json,
  fc.record(
    {
      more_records: fc.oneof(fc.boolean(), json),
      next_page_token: fc.oneof(fc.constantFrom('token-2', 'token-3', ' '), fc.constant(null), fc.string(), json),
      per_page: fc.oneof(fc.constant(200), json),
      count: fc.oneof(fc.nat(), json),
      page: fc.oneof(fc.nat(), json),
    },
    { requiredKeys: [] },
  ),
);

const KNOWN_CODES = [...DOCUMENTED_ERROR_CODES, 'SUCCESS'];

/** REST error bodies: known and odd codes, with odd details. */
const errorBody = fc.record(
  {
    code: fc.oneof(fc.constantFrom(...KNOWN_CODES), fc.string(), json),
    status: fc.oneof(fc.constant('error'), json),
    message: fc.oneof(fc.string(), json),
    details: fc.oneof(
      json,
      fc.record(
        {
          retry_after: fc.oneof(fc.integer({ min: -10, max: 100_000 }), fc.constantFrom('60', '1.5', 'soon'), json),
          permissions: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), json),
          param_name: fc.oneof(fc.string(), json),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

/** Bodies of `Entity_Scores__s`: rows with odd fields, garbled `info`, errors at the top or in `data[0]`. */
export const scoresBody: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ data: fc.array(fc.oneof(scoreRow, json), { maxLength: 6 }), info: pageInfo }, { requiredKeys: ['data'] }) },
  { weight: 1, arbitrary: fc.record({ data: fc.oneof(json, fc.tuple(errorBody)), info: pageInfo }, { requiredKeys: [] }) },
  { weight: 2, arbitrary: errorBody },
  { weight: 1, arbitrary: json },
);

const scoringRule = fc.record(
  {
    id: ruleId,
    name: fc.oneof(fc.string({ maxLength: 30 }), fc.constant(null), json),
    description: fc.oneof(fc.string(), fc.constant(null), json),
    active: fc.oneof(fc.boolean(), json),
  },
  { requiredKeys: [] },
);

/** Bodies of `scoring_rules`. */
export const rulesBody: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ scoring_rules: fc.array(fc.oneof(scoringRule, json), { maxLength: 4 }), info: pageInfo }, { requiredKeys: ['scoring_rules'] }) },
  { weight: 1, arbitrary: errorBody },
  { weight: 1, arbitrary: json },
);

/** Wraps a REST body as the Connection does: in `details.statusMessage` of a SUCCESS envelope. */
export function successEnvelope(body: unknown): unknown {
  return { code: 'SUCCESS', status: 'success', message: 'ok', details: { statusMessage: body } };
}

/**
 * Connection envelopes around `body`: the documented one with the body as an
 * object or as text, an empty `statusMessage`, `details.status` false, odd
 * outer codes, a bare body, and arbitrary JSON.
 */
export function connectionEnvelope(body: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: valueOrText(body).map(successEnvelope) },
    {
      weight: 3,
      arbitrary: fc.record(
        {
          code: fc.oneof(fc.constantFrom('SUCCESS', 'FAILURE', 'INTERNAL_ERROR'), json),
          status: fc.oneof(fc.constantFrom('success', 'error'), json),
          message: fc.oneof(fc.string(), json),
          details: fc.oneof(
            json,
            fc.record(
              {
                statusMessage: fc.oneof(valueOrText(body), fc.constantFrom('', ' ', null), json),
                status: fc.oneof(fc.constantFrom('false', false, 'true'), json),
              },
              { requiredKeys: [] },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: valueOrText(body) },
    { weight: 1, arbitrary: json },
  );
}

/** Generates how the SDK settles a call: mostly resolved with `value`, sometimes rejected with any JSON. */
export function sdkOutcome(value: fc.Arbitrary<unknown>): fc.Arbitrary<ImmediateAnswer> {
  return fc.oneof(
    { weight: 6, arbitrary: value.map((resolved): ImmediateAnswer => ({ resolve: resolved })) },
    { weight: 1, arbitrary: json.map((reason): ImmediateAnswer => ({ reject: reason })) },
  );
}

/** `GetCurrentEnvironment` results: mostly `{deployment: "US"}`, else odd data centres and arbitrary JSON. */
export const environmentOutcome: fc.Arbitrary<ImmediateAnswer> = sdkOutcome(
  fc.oneof(
    { weight: 4, arbitrary: fc.constant({ deployment: 'US' }) },
    { weight: 1, arbitrary: fc.record({ deployment: fc.oneof(fc.constantFrom('EU', 'eu', 'zoho.com.au', 'XX', ''), json) }) },
    { weight: 1, arbitrary: valueOrText(json) },
  ),
);
