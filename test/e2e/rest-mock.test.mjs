// The simulator's REST mock and scenario validation, tested without a browser.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerConnectionRequest } from '../../dev/rest-mock.mjs';
import { loadScenarios, readScenario } from '../../dev/scenarios.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const RECORD = '487687600000038603';
const US = 'https://www.zohoapis.com';
const ALL_FIELDS = 'Positive_Score,Negative_Score,Touch_Point_Score,Touch_Point_Positive_Score,Touch_Point_Negative_Score,Score,Scoring_Rule';

const workDir = mkdtempSync(join(tmpdir(), 'entity-score-mock-'));
let fileCount = 0;

after(() => rmSync(workDir, { recursive: true, force: true }));

/** Writes `content` as a scenario file and reads it back through the validator. */
function scenarioOf(content) {
  const file = join(workDir, `scenario-${(fileCount += 1)}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return readScenario(file, { fixturesDir: FIXTURES });
}

function leadScenario(extra = {}) {
  return scenarioOf({
    description: 'test',
    pageLoad: { Entity: 'Leads', EntityId: RECORD },
    scores: { bodyFile: 'entity-scores-sample.json' },
    rules: { list: [{ id: '1', name: 'One' }, { id: '2', name: 'Two', module: { api_name: 'Contacts' } }, { id: '3', name: 'Three' }] },
    ...extra,
  });
}

function scoresRequest({ url = `${US}/crm/v7/Leads/${RECORD}/Entity_Scores__s`, method = 'GET', paramType = 1, parameters = { fields: ALL_FIELDS } } = {}) {
  return { url, method, param_type: paramType, parameters: JSON.stringify(parameters), headers: '{}' };
}

function rulesRequest(parameters) {
  return { url: `${US}/crm/v7/settings/automation/scoring_rules`, method: 'GET', param_type: 1, parameters: JSON.stringify(parameters), headers: '{}' };
}

const errorCases = [
  ['host of another data centre', scoresRequest({ url: `https://www.zohoapis.eu/crm/v7/Leads/${RECORD}/Entity_Scores__s` }), 404, 'INVALID_URL_PATTERN', {}],
  ['plain http host', scoresRequest({ url: `http://www.zohoapis.com/crm/v7/Leads/${RECORD}/Entity_Scores__s` }), 404, 'INVALID_URL_PATTERN', {}],
  ['unknown path', scoresRequest({ url: `${US}/crm/v7/Leads/${RECORD}/Notes` }), 404, 'INVALID_URL_PATTERN', {}],
  ['other API version', scoresRequest({ url: `${US}/crm/v2/Leads/${RECORD}/Entity_Scores__s` }), 404, 'INVALID_URL_PATTERN', {}],
  ['POST method', scoresRequest({ method: 'POST' }), 400, 'INVALID_REQUEST_METHOD', {}],
  ['fields missing', scoresRequest({ parameters: {} }), 400, 'REQUIRED_PARAM_MISSING', { param_name: 'fields' }],
  ['parameters sent as body', scoresRequest({ paramType: 2 }), 400, 'REQUIRED_PARAM_MISSING', { param_name: 'fields' }],
  ['unknown field', scoresRequest({ parameters: { fields: 'Score,Lead_Status' } }), 400, 'INVALID_DATA', { api_name: 'Lead_Status' }],
  ['unknown module', scoresRequest({ url: `${US}/crm/v7/Products/${RECORD}/Entity_Scores__s` }), 400, 'INVALID_MODULE', { resource_path_index: 0 }],
  ['Potentials module name', scoresRequest({ url: `${US}/crm/v7/Potentials/${RECORD}/Entity_Scores__s` }), 400, 'INVALID_MODULE', { resource_path_index: 0 }],
  ['record id as number text', scoresRequest({ url: `${US}/crm/v7/Leads/4.87e17/Entity_Scores__s` }), 400, 'INVALID_DATA', { id: '4.87e17' }],
  ['rules without module', rulesRequest({ page: 1 }), 400, 'REQUIRED_PARAM_MISSING', { param_name: 'module' }],
];

for (const [name, request, status, code, details] of errorCases) {
  test(`mock rejects ${name}`, () => {
    const outcome = answerConnectionRequest(leadScenario(), 'entity_scores', request);
    assert.equal(outcome.kind, 'envelope');
    assert.equal(outcome.status, status);
    assert.equal(outcome.body.code, code);
    assert.equal(outcome.body.status, 'error');
    assert.deepEqual(outcome.body.details, details);
  });
}

test('mock returns only requested fields', () => {
  const outcome = answerConnectionRequest(leadScenario(), 'entity_scores', scoresRequest({ parameters: { fields: 'Score,Scoring_Rule' } }));
  assert.equal(outcome.status, 200);
  assert.deepEqual(outcome.body.data[1], { Score: 10, Scoring_Rule: { name: null, id: '4876876000002741001' }, id: '4876876000002768021' });
  assert.equal(outcome.body.info.count, 2);
});

test('mock accepts parameters as an object', () => {
  const request = { ...scoresRequest(), parameters: { fields: 'Score' } };
  const outcome = answerConnectionRequest(leadScenario(), 'entity_scores', request);
  assert.equal(outcome.status, 200);
});

test('mock uses the data centre host', () => {
  const scenario = leadScenario({ environment: { deployment: 'EU' } });
  const onEu = answerConnectionRequest(scenario, 'entity_scores', scoresRequest({ url: `https://www.zohoapis.eu/crm/v7/Leads/${RECORD}/Entity_Scores__s` }));
  const onUs = answerConnectionRequest(scenario, 'entity_scores', scoresRequest());
  assert.equal(onEu.status, 200);
  assert.equal(onUs.body.code, 'INVALID_URL_PATTERN');
});

test('mock reads the data centre leniently', () => {
  const cases = [
    ['lower-case region code', { deployment: 'eu' }, 'https://www.zohoapis.eu'],
    ['mixed-case region code', { deployment: 'Au' }, 'https://www.zohoapis.com.au'],
    ['domain suffix', { deployment: 'com.cn' }, 'https://www.zohoapis.com.cn'],
    ['Zoho API host', { deployment: 'https://www.zohoapis.jp' }, 'https://www.zohoapis.jp'],
    ['answer as JSON text', { value: '{"deployment":"eu"}' }, 'https://www.zohoapis.eu'],
    ['exact value', { value: { deployment: 'ca' } }, 'https://www.zohoapis.ca'],
  ];
  for (const [name, environment, origin] of cases) {
    const scenario = leadScenario({ environment });
    const url = `${origin}/crm/v7/Leads/${RECORD}/Entity_Scores__s`;
    const outcome = answerConnectionRequest(scenario, 'entity_scores', scoresRequest({ url }));
    assert.equal(outcome.status, 200, `${name}: ${origin} is accepted (${outcome.note ?? 'no note'})`);
    const onUs = answerConnectionRequest(scenario, 'entity_scores', scoresRequest());
    assert.equal(onUs.body.code, 'INVALID_URL_PATTERN', `${name}: the US host is rejected`);
  }
});

test('mock accepts no host for unknown data centre', () => {
  const outcome = answerConnectionRequest(leadScenario({ environment: { deployment: 'XX' } }), 'entity_scores', scoresRequest());
  assert.equal(outcome.body.code, 'INVALID_URL_PATTERN');
  assert.match(outcome.note, /data centre "XX"/);
  assert.match(outcome.note, /unknown/);
});

test('mock names the module case', () => {
  const request = scoresRequest({ url: `${US}/crm/v7/leads/${RECORD}/Entity_Scores__s` });
  const outcome = answerConnectionRequest(leadScenario(), 'entity_scores', request);
  assert.equal(outcome.body.code, 'INVALID_MODULE', 'module API names are case-sensitive');
  assert.match(outcome.note, /case-sensitive, use "Leads"/);

  const rules = answerConnectionRequest(leadScenario(), 'entity_scores', rulesRequest({ module: 'leads' }));
  assert.equal(rules.body.code, 'INVALID_DATA');
  assert.match(rules.note, /use "Leads"/);
});

test('mock answers 204 without a body', () => {
  const outcome = answerConnectionRequest(leadScenario({ scores: { status: 204 } }), 'entity_scores', scoresRequest());
  assert.equal(outcome.status, 204);
  assert.equal(outcome.body, undefined);
});

test('mock pages scores by page_token', () => {
  const scenario = leadScenario({ scores: { pages: [{ data: [{ id: 'a', Score: 1 }] }, { data: [{ id: 'b', Score: 2 }] }] } });
  const first = answerConnectionRequest(scenario, 'entity_scores', scoresRequest());
  assert.equal(first.body.data[0].id, 'a');
  assert.equal(first.body.info.more_records, true);
  assert.equal(typeof first.body.info.next_page_token, 'string');

  const second = answerConnectionRequest(scenario, 'entity_scores', scoresRequest({ parameters: { fields: 'Score', page_token: first.body.info.next_page_token } }));
  assert.equal(second.body.data[0].id, 'b');
  assert.equal(second.body.info.more_records, false);
  assert.equal(second.body.info.next_page_token, null);

  const wrong = answerConnectionRequest(scenario, 'entity_scores', scoresRequest({ parameters: { fields: 'Score', page_token: 'nonsense' } }));
  assert.equal(wrong.body.code, 'INVALID_DATA');
});

test('mock filters and pages rules', () => {
  const scenario = leadScenario();
  const firstPage = answerConnectionRequest(scenario, 'entity_scores', rulesRequest({ module: 'Leads', page: 1, per_page: 1 }));
  assert.deepEqual(firstPage.body.scoring_rules.map((rule) => rule.id), ['1']);
  assert.equal(firstPage.body.info.more_records, true);
  assert.equal(firstPage.body.scoring_rules[0].module.api_name, 'Leads');

  const secondPage = answerConnectionRequest(scenario, 'entity_scores', rulesRequest({ module: 'Leads', page: 2, per_page: 1 }));
  assert.deepEqual(secondPage.body.scoring_rules.map((rule) => rule.id), ['3']);
  assert.equal(secondPage.body.info.more_records, false);

  // Rules without a module are listed for any module; rule 2 belongs to Contacts only.
  const deals = answerConnectionRequest(scenario, 'entity_scores', rulesRequest({ module: 'Deals' }));
  assert.deepEqual(deals.body.scoring_rules.map((rule) => rule.id), ['1', '3']);
  assert.equal(deals.body.scoring_rules[0].module.api_name, 'Deals');

  const contactsOnly = leadScenario({ rules: { list: [{ id: '2', module: { api_name: 'Contacts' } }] } });
  const empty = answerConnectionRequest(contactsOnly, 'entity_scores', rulesRequest({ module: 'Leads' }));
  assert.equal(empty.status, 204);
});

test('mock passes SDK-level answers through', () => {
  const envelope = { code: 'SUCCESS', details: { statusMessage: '' } };
  const cases = [
    [{ noAnswer: true }, { kind: 'none' }],
    [{ reject: { message: 'down' } }, { kind: 'reject', data: { message: 'down' } }],
    [{ envelope }, { kind: 'raw', envelope }],
    [{ status: 204, delayMs: 300 }, { kind: 'envelope', status: 204, body: undefined, statusMessageAsString: undefined, delayMs: 300 }],
  ];
  for (const [scores, expected] of cases) {
    assert.deepEqual(answerConnectionRequest(leadScenario({ scores }), 'entity_scores', scoresRequest()), expected);
  }
});

test('mock reports an unknown connection', () => {
  const outcome = answerConnectionRequest(leadScenario(), 'other_connection', scoresRequest());
  assert.equal(outcome.kind, 'raw');
  assert.equal(outcome.envelope.details.status, 'false');
});

test('mock serves a record from scoresByRecord', () => {
  const other = '487687600000038777';
  const scenario = leadScenario({ scores: undefined, scoresByRecord: { [other]: { status: 204 } } });
  const known = answerConnectionRequest(scenario, 'entity_scores', scoresRequest({ url: `${US}/crm/v7/Leads/${other}/Entity_Scores__s` }));
  const unknown = answerConnectionRequest(scenario, 'entity_scores', scoresRequest());
  assert.equal(known.status, 204);
  assert.equal(unknown.body.code, 'INVALID_DATA');
});

const LONG_RULE_BODY = { scoring_rules: [{ id: '1', name: 'Short' }, { id: '2', name: 'A name well over the limit' }] };

const invalidFiles = [
  ['invalid JSON', '{ "description": ', /invalid JSON/],
  ['missing description', { pageLoad: {}, scores: { status: 204 } }, /"description" is missing/],
  ['description of wrong type', { description: 42, pageLoad: {}, scores: { status: 204 } }, /"description" must be a string.*got number 42/],
  ['empty description', { description: ' ', pageLoad: {}, scores: { status: 204 } }, /"description" is empty/],
  ['environment as a list', { description: 'x', pageLoad: {}, scores: { status: 204 }, environment: [1] }, /"environment" must be an object.*got list \[1\].*\{"value": \[1\]\}/],
  ['deployment as a number', { description: 'x', pageLoad: {}, scores: { status: 204 }, environment: { deployment: 5 } }, /"environment.deployment" must be a string; got number 5/],
  ['user as a string', { description: 'x', pageLoad: {}, scores: { status: 204 }, user: 'de_DE' }, /"user" must be an object.*got string "de_DE"/],
  ['preference as a number', { description: 'x', pageLoad: {}, scores: { status: 204 }, preference: 5 }, /"preference" must be an object.*got number 5/],
  ['preference mode as a number', { description: 'x', pageLoad: {}, scores: { status: 204 }, preference: { mode: 1 } }, /"preference.mode" must be a string/],
  ['noAnswer false', { description: 'x', pageLoad: {}, scores: { status: 204 }, user: { noAnswer: false } }, /"user.noAnswer" can only be true/],
  ['long rule name in body', { description: 'x', pageLoad: {}, scores: { status: 204 }, rules: { status: 200, body: LONG_RULE_BODY } }, /"rules.body.scoring_rules\[1\].name" has 26 characters/],
  ['rules list for scores', { description: 'x', pageLoad: {}, scores: { list: [] } }, /"scores.list" is for "rules" only/],
  ['rules as pages', { description: 'x', pageLoad: {}, scores: { status: 204 }, rules: { pages: [LONG_RULE_BODY] } }, /"rules.pages" is not served/],
  ['unknown key', { description: 'x', pageLoad: {}, scores: { status: 204 }, score: {} }, /unknown key "score"/],
  ['no PageLoad', { description: 'x', scores: { status: 204 } }, /"pageLoad" is missing/],
  ['both PageLoad keys', { description: 'x', pageLoad: {}, pageLoads: [], scores: { status: 204 } }, /either "pageLoad" or "pageLoads"/],
  ['no scores', { description: 'x', pageLoad: {} }, /"scores" is missing/],
  ['bad status', { description: 'x', pageLoad: {}, scores: { status: 'ok', body: {} } }, /"scores.status" must be an HTTP status/],
  ['missing body file', { description: 'x', pageLoad: {}, scores: { bodyFile: 'nope.json' } }, /"scores.bodyFile" names .*nope\.json, which does not exist/],
  ['answer without outcome', { description: 'x', pageLoad: {}, scores: { delayMs: 10 } }, /"scores" gives no answer/],
  ['long rule name', { description: 'x', pageLoad: {}, scores: { status: 204 }, rules: { list: [{ id: '1', name: 'A name well over the limit' }] } }, /26 characters; CRM allows at most 25/],
  ['bad expected state', { description: 'x', pageLoad: {}, scores: { status: 204 }, expect: { state: 'done' } }, /"expect.state" must be one of/],
  ['bad directive', { description: 'x', pageLoad: {}, scores: { status: 204 }, user: { value: {}, reject: {} } }, /exactly one of "value", "reject" or "noAnswer"/],
];

test('validator checks rule names in body files', () => {
  writeFileSync(join(workDir, 'long-rule-names.json'), JSON.stringify(LONG_RULE_BODY));
  const content = { description: 'x', pageLoad: {}, scores: { status: 204 }, rules: { bodyFile: './long-rule-names.json' } };
  assert.throws(() => scenarioOf(content), /"scoring_rules\[1\].name" in \.\/long-rule-names\.json \(rules.bodyFile\) has 26 characters/);
});

test('validator accepts odd answers when explicit', () => {
  const scenario = leadScenario({
    environment: { value: [1] },
    user: { value: 'de_DE' },
    preference: { value: 5 },
    orgVariable: { reject: 'no such variable', delayMs: 300 },
    rules: { envelope: { code: 'SUCCESS', details: { statusMessage: LONG_RULE_BODY } } },
  });
  assert.deepEqual(scenario.environment, { value: [1] });
  assert.equal(scenario.deployment, undefined, 'a list names no data centre');
  assert.deepEqual(scenario.user, { value: 'de_DE' });
  assert.deepEqual(scenario.preference, { value: 5 });
  assert.deepEqual(scenario.orgVariable, { reject: 'no such variable', delayMs: 300 });
  assert.equal(scenario.rules.envelope.details.statusMessage.scoring_rules[1].name.length, 26, 'an envelope is sent as it is');
});

for (const [name, content, message] of invalidFiles) {
  test(`validator rejects ${name}`, () => {
    assert.throws(() => scenarioOf(content), (error) => {
      assert.match(error.message, /scenario-\d+\.json: /, 'the message names the file');
      assert.match(error.message, message);
      return true;
    });
  });
}

test('loader skips bad files and duplicates', () => {
  const first = join(workDir, 'folder-a');
  const second = join(workDir, 'folder-b');
  mkdirSync(first);
  mkdirSync(second);
  const valid = JSON.stringify({ description: 'x', pageLoad: {}, scores: { status: 204 } });
  writeFileSync(join(first, 'same.json'), valid);
  writeFileSync(join(first, 'good.json'), valid);
  writeFileSync(join(second, 'same.json'), valid);
  writeFileSync(join(second, 'bad.json'), '[]');

  const { scenarios, errors } = loadScenarios([first, second, join(workDir, 'missing-folder')], { fixturesDir: FIXTURES });
  assert.deepEqual([...scenarios.keys()].sort(), ['good', 'same']);
  assert.equal(errors.length, 3);
  assert.match(errors[0].message, /bad\.json: the file must contain one JSON object/);
  assert.match(errors[1].message, /same\.json: scenario name "same" is already defined by .*folder-a/);
  assert.match(errors[2].message, /missing-folder: cannot read the scenario folder/);
});
