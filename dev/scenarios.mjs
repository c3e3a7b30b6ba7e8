// Loads and validates the simulator's scenario files (one JSON object per file).
// dev/README.md documents the schema. Every check here names the file and the
// key, so a typo in a dropped-in folder is easy to find.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Widget states the card reflects in its `state` attribute. */
export const CARD_STATES = ['loading', 'ready', 'empty', 'unavailable', 'error'];

/** Data centre (`deployment`) to the top-level domain of its API host `https://www.zohoapis.<tld>`. */
export const DATA_CENTRE_TLDS = {
  US: 'com',
  EU: 'eu',
  IN: 'in',
  AU: 'com.au',
  JP: 'jp',
  CN: 'com.cn',
  CA: 'ca',
  SA: 'sa',
};

const TOP_LEVEL_KEYS = new Set([
  'description',
  'pageLoad',
  'pageLoads',
  'environment',
  'user',
  'preference',
  'orgVariable',
  'connectionName',
  'modules',
  'scores',
  'scoresByRecord',
  'rules',
  'hostMessagesAsText',
  'bundleCopies',
  'expect',
]);

/** Maximum number of bundle copies a scenario may load in one widget page. */
export const MAX_BUNDLE_COPIES = 3;

const REST_ANSWER_KEYS = new Set([
  'status',
  'body',
  'bodyFile',
  'pages',
  'list',
  'delayMs',
  'noAnswer',
  'envelope',
  'statusMessageAsString',
  'reject',
]);

const SDK_DIRECTIVE_KEYS = new Set(['value', 'reject', 'noAnswer', 'delayMs']);

/** CRM's limit on the length of a scoring rule name. */
const MAX_RULE_NAME_LENGTH = 25;
const EXPECT_KEYS = new Set(['state', 'errorCode', 'texts', 'absentTexts', 'settleMs', 'connectionRequests']);
const PAGE_LOAD_STEP_KEYS = new Set(['payload', 'afterMs', 'afterRequests']);

/** Thrown for an invalid scenario; `message` names the file and the key. */
export class ScenarioError extends Error {
  constructor(file, message) {
    super(`${file}: ${message}`);
    this.name = 'ScenarioError';
    this.file = file;
  }
}

/**
 * Reads every `*.json` file of `dirs` in order.
 * Returns `{scenarios: Map<name, scenario>, errors: [{file, message}]}`: a bad
 * file is reported in `errors` and skipped, so the other scenarios keep working.
 */
export function loadScenarios(dirs, { fixturesDir }) {
  const scenarios = new Map();
  const errors = [];

  for (const dir of dirs) {
    let files;
    try {
      files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
    } catch (error) {
      errors.push({ file: dir, message: `${dir}: cannot read the scenario folder (${error.code ?? error.message})` });
      continue;
    }

    for (const fileName of files) {
      const file = join(dir, fileName);
      const name = basename(fileName, '.json');
      try {
        const previous = scenarios.get(name);
        if (previous) {
          throw new ScenarioError(file, `scenario name "${name}" is already defined by ${previous.file}; rename one of the files`);
        }
        scenarios.set(name, readScenario(file, { fixturesDir }));
      } catch (error) {
        const message = error instanceof ScenarioError ? error.message : `${file}: ${error.message}`;
        errors.push({ file, message });
      }
    }
  }

  return { scenarios, errors };
}

/** Parses and validates one scenario file; `bodyFile` references are read and inlined. */
export function readScenario(file, { fixturesDir }) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScenarioError(file, `cannot read the file (${error.code ?? error.message})`);
  }

  let raw;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(file, `invalid JSON: ${error.message}`);
  }

  const context = { file, fixturesDir, scenarioDir: dirname(file) };
  return validateScenario(raw, context);
}

function validateScenario(raw, context) {
  const fail = (message) => {
    throw new ScenarioError(context.file, message);
  };
  if (!isPlainObject(raw)) fail('the file must contain one JSON object');

  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.has(key) && !key.startsWith('$')) {
      fail(`unknown key "${key}"; expected one of ${[...TOP_LEVEL_KEYS].join(', ')} (keys starting with "$" are comments)`);
    }
  }

  if (raw.description === undefined) fail('"description" is missing: add one sentence saying what the scenario shows');
  if (typeof raw.description !== 'string') {
    fail(`"description" must be a string, one sentence for the picker; got ${describeValue(raw.description)}`);
  }
  if (raw.description.trim() === '') fail('"description" is empty: add one sentence saying what the scenario shows');

  const pageLoads = validatePageLoads(raw, fail);

  if (raw.connectionName !== undefined && typeof raw.connectionName !== 'string') {
    fail('"connectionName" must be a string, the Connection link name the widget invokes');
  }
  if (raw.modules !== undefined && !(Array.isArray(raw.modules) && raw.modules.every((m) => typeof m === 'string'))) {
    fail('"modules" must be a list of module API names, e.g. ["Applications1"]');
  }
  if (raw.hostMessagesAsText !== undefined && typeof raw.hostMessagesAsText !== 'boolean') {
    fail('"hostMessagesAsText" must be true or false');
  }
  if (raw.bundleCopies !== undefined && !(Number.isInteger(raw.bundleCopies) && raw.bundleCopies >= 1 && raw.bundleCopies <= MAX_BUNDLE_COPIES)) {
    fail(`"bundleCopies" must be a whole number from 1 to ${MAX_BUNDLE_COPIES}, the number of times widget.html loads the bundle`);
  }

  const environment = raw.environment === undefined ? { deployment: 'US' } : raw.environment;
  validateSdkAnswer(environment, 'environment', fail, { example: '{"deployment": "EU"}', stringFields: ['deployment'] });
  // The data centre decides which API host the REST mock accepts; without one, it accepts none.
  const deployment = deploymentOf(environment);

  if (raw.user !== undefined) {
    validateSdkAnswer(raw.user, 'user', fail, { example: '{"locale": "de_DE"}, merged over the default user', stringFields: [] });
  }
  if (raw.preference !== undefined) {
    validateSdkAnswer(raw.preference, 'preference', fail, { example: '{"mode": "night"}', stringFields: ['mode'] });
  }
  if (raw.orgVariable !== undefined) {
    if (!(typeof raw.orgVariable === 'string' || isPlainObject(raw.orgVariable))) {
      fail('"orgVariable" must be the variable content: a string, a JSON object, or an SDK answer like {"reject": …}');
    }
    if (isSdkDirective(raw.orgVariable)) validateSdkAnswer(raw.orgVariable, 'orgVariable', fail, { example: '{"value": {"Success": {"Content": "{}"}}}', stringFields: [] });
  }

  if (raw.scores === undefined && raw.scoresByRecord === undefined) {
    fail('"scores" is missing: give the Entity_Scores__s answer, e.g. {"bodyFile": "entity-scores-sample.json"}');
  }
  const scores = raw.scores === undefined ? undefined : validateRestAnswer(raw.scores, 'scores', context, fail);
  const scoresByRecord = {};
  if (raw.scoresByRecord !== undefined) {
    if (!isPlainObject(raw.scoresByRecord)) fail('"scoresByRecord" must map record ids to answers');
    for (const [id, answer] of Object.entries(raw.scoresByRecord)) {
      scoresByRecord[id] = validateRestAnswer(answer, `scoresByRecord.${id}`, context, fail);
    }
  }
  const rules = raw.rules === undefined ? { list: [] } : validateRulesAnswer(raw.rules, context, fail);

  const expect = raw.expect === undefined ? undefined : validateExpect(raw.expect, fail);

  return {
    file: context.file,
    description: raw.description,
    pageLoads,
    environment,
    deployment,
    user: raw.user,
    preference: raw.preference,
    orgVariable: raw.orgVariable,
    connectionName: raw.connectionName ?? 'entity_scores',
    modules: ['Leads', 'Contacts', 'Accounts', 'Deals', ...(raw.modules ?? [])],
    scores,
    scoresByRecord,
    rules,
    hostMessagesAsText: raw.hostMessagesAsText === true,
    bundleCopies: raw.bundleCopies ?? 1,
    expect,
  };
}

function validatePageLoads(raw, fail) {
  const hasOne = Object.hasOwn(raw, 'pageLoad');
  const hasList = Object.hasOwn(raw, 'pageLoads');
  if (hasOne && hasList) fail('give either "pageLoad" or "pageLoads", not both');
  if (!hasOne && !hasList) {
    fail('"pageLoad" is missing: give the PageLoad payload, e.g. {"Entity": "Leads", "EntityId": "4876876000000123001"}, or "pageLoads": [] to send none');
  }
  if (hasOne) return [{ payload: raw.pageLoad }];

  if (!Array.isArray(raw.pageLoads)) fail('"pageLoads" must be a list of {"payload", "afterMs"?, "afterRequests"?}');
  return raw.pageLoads.map((step, index) => {
    const where = `pageLoads[${index}]`;
    if (!isPlainObject(step) || !Object.hasOwn(step, 'payload')) fail(`"${where}" must be an object with a "payload"`);
    for (const key of Object.keys(step)) {
      if (!PAGE_LOAD_STEP_KEYS.has(key)) fail(`unknown key "${where}.${key}"; expected payload, afterMs or afterRequests`);
    }
    if (step.afterMs !== undefined && !isNonNegativeInteger(step.afterMs)) fail(`"${where}.afterMs" must be a whole number of milliseconds`);
    if (step.afterRequests !== undefined && !isNonNegativeInteger(step.afterRequests)) {
      fail(`"${where}.afterRequests" must be a whole number of CRM_EVENT requests`);
    }
    return { payload: step.payload, afterMs: step.afterMs, afterRequests: step.afterRequests };
  });
}

// A plain answer must be an object whose `stringFields` are strings when present.
// Any other value, however odd, is still possible, but only inside {"value": …},
// so that a typo such as "user": "de_DE" is reported and a deliberate odd answer is visible.
function validateSdkAnswer(answer, key, fail, { example, stringFields }) {
  if (!isSdkDirective(answer)) {
    if (!isPlainObject(answer)) {
      fail(`"${key}" must be an object such as ${example}; got ${describeValue(answer)}. To send exactly this value, write {"value": ${preview(answer)}}`);
    }
    for (const field of stringFields) {
      if (answer[field] !== undefined && typeof answer[field] !== 'string') {
        fail(`"${key}.${field}" must be a string; got ${describeValue(answer[field])}. To send this answer anyway, wrap it: {"value": ${preview(answer)}}`);
      }
    }
    return;
  }

  for (const name of Object.keys(answer)) {
    if (!SDK_DIRECTIVE_KEYS.has(name)) fail(`unknown key "${key}.${name}" next to an SDK directive; expected value, reject, noAnswer or delayMs`);
  }
  const outcomes = ['value', 'reject', 'noAnswer'].filter((name) => Object.hasOwn(answer, name));
  if (outcomes.length !== 1) fail(`"${key}" must have exactly one of "value", "reject" or "noAnswer"`);
  if (answer.noAnswer !== undefined && answer.noAnswer !== true) fail(`"${key}.noAnswer" can only be true`);
  if (answer.delayMs !== undefined && !isNonNegativeInteger(answer.delayMs)) fail(`"${key}.delayMs" must be a whole number of milliseconds`);
}

// `deployment` of the GetCurrentEnvironment answer, also when the answer is JSON text
// inside {"value": …}: the widget reads that form, so the mock must find the same data centre.
function deploymentOf(environment) {
  let value = isSdkDirective(environment) ? environment.value : environment;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return isPlainObject(value) && typeof value.deployment === 'string' ? value.deployment : undefined;
}

/**
 * Returns the data centre code (a key of DATA_CENTRE_TLDS) that a `deployment` value names, or undefined.
 * Accepts a region code in any case ("eu"), a domain suffix ("com.au") or a Zoho host
 * ("https://www.zohoapis.eu"), the spellings the widget accepts too.
 */
export function dataCentreOf(deployment) {
  if (typeof deployment !== 'string') return undefined;
  const text = deployment
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '')
    .replace(/^(?:www\.|accounts\.|crm\.)?(?:zohoapis|zoho)\./, '');
  const code = text.toUpperCase();
  if (Object.hasOwn(DATA_CENTRE_TLDS, code)) return code;
  return Object.keys(DATA_CENTRE_TLDS).find((region) => DATA_CENTRE_TLDS[region] === text);
}

function validateRestAnswer(answer, key, context, fail) {
  if (!isPlainObject(answer)) fail(`"${key}" must be an object such as {"status": 200, "body": {…}}`);
  for (const name of Object.keys(answer)) {
    if (!REST_ANSWER_KEYS.has(name)) fail(`unknown key "${key}.${name}"; expected one of ${[...REST_ANSWER_KEYS].join(', ')}`);
  }

  const result = { ...answer };
  if (answer.status !== undefined && !(Number.isInteger(answer.status) && answer.status >= 100 && answer.status <= 599)) {
    fail(`"${key}.status" must be an HTTP status between 100 and 599, got ${JSON.stringify(answer.status)}`);
  }
  if (answer.delayMs !== undefined && !isNonNegativeInteger(answer.delayMs)) fail(`"${key}.delayMs" must be a whole number of milliseconds`);
  if (answer.noAnswer !== undefined && answer.noAnswer !== true) fail(`"${key}.noAnswer" can only be true`);
  if (answer.statusMessageAsString !== undefined && typeof answer.statusMessageAsString !== 'boolean') {
    fail(`"${key}.statusMessageAsString" must be true or false`);
  }
  if (answer.body !== undefined && answer.bodyFile !== undefined) fail(`"${key}" has both "body" and "bodyFile"; keep one`);

  if (answer.bodyFile !== undefined) {
    result.body = readBodyFile(answer.bodyFile, `${key}.bodyFile`, context, fail);
    delete result.bodyFile;
  }

  if (answer.pages !== undefined) {
    if (!Array.isArray(answer.pages) || answer.pages.length === 0) fail(`"${key}.pages" must be a non-empty list of response bodies`);
    result.pages = answer.pages.map((page, index) => {
      if (isPlainObject(page) && typeof page.bodyFile === 'string') {
        return readBodyFile(page.bodyFile, `${key}.pages[${index}].bodyFile`, context, fail);
      }
      if (!isPlainObject(page)) fail(`"${key}.pages[${index}]" must be a response body object or {"bodyFile": …}`);
      return page;
    });
  }

  if (answer.list !== undefined) {
    if (key !== 'rules') fail(`"${key}.list" is for "rules" only; give "body", "bodyFile" or "pages"`);
    if (!Array.isArray(answer.list)) fail(`"${key}.list" must be a list of scoring rules`);
    answer.list.forEach((rule, index) => {
      if (!isPlainObject(rule) || typeof rule.id !== 'string') fail(`"${key}.list[${index}]" must be a scoring rule with a string "id"`);
      checkRuleName(rule.name, `"${key}.list[${index}].name"`, fail);
    });
  }

  const shapes = ['body', 'pages', 'list', 'noAnswer', 'envelope', 'reject'].filter((name) => result[name] !== undefined);
  if (shapes.length > 1) fail(`"${key}" mixes ${shapes.join(' and ')}; give only one of them`);
  if (shapes.length === 0 && answer.status !== 204) {
    fail(`"${key}" gives no answer: add "body", "bodyFile", "pages", "list", "envelope", "reject", "noAnswer": true or "status": 204`);
  }
  return result;
}

// The rules answer: a REST answer whose rule names, in `list` or in a body, obey CRM's
// length limit. Only an `envelope` is sent unchecked, the explicit way to send names CRM never returns.
function validateRulesAnswer(answer, context, fail) {
  const result = validateRestAnswer(answer, 'rules', context, fail);
  if (result.pages !== undefined) fail('"rules.pages" is not served: the rules endpoint pages a "list" by page and per_page; give "list" or "body"');

  if (isPlainObject(result.body) && Array.isArray(result.body.scoring_rules)) {
    result.body.scoring_rules.forEach((rule, index) => {
      if (!isPlainObject(rule)) return;
      const label = answer.bodyFile === undefined
        ? `"rules.body.scoring_rules[${index}].name"`
        : `"scoring_rules[${index}].name" in ${answer.bodyFile} (rules.bodyFile)`;
      checkRuleName(rule.name, label, fail);
    });
  }
  return result;
}

function checkRuleName(name, label, fail) {
  if (typeof name === 'string' && name.length > MAX_RULE_NAME_LENGTH) {
    fail(
      `${label} has ${name.length} characters; CRM allows at most ${MAX_RULE_NAME_LENGTH} in a scoring rule name. ` +
        'Shorten it, or send the rules as an "envelope" to skip this check',
    );
  }
}

function readBodyFile(reference, key, context, fail) {
  if (typeof reference !== 'string' || reference === '') fail(`"${key}" must be a file name`);

  // "./name.json" is relative to the scenario file; anything else to test/fixtures/.
  const path = reference.startsWith('./') || reference.startsWith('../')
    ? resolve(context.scenarioDir, reference)
    : resolve(context.fixturesDir, reference);
  if (!existsSync(path) || !statSync(path).isFile()) fail(`"${key}" names ${path}, which does not exist`);

  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return fail(`"${key}" names ${path}, which is not valid JSON: ${error.message}`);
  }
}

function validateExpect(expect, fail) {
  if (!isPlainObject(expect)) fail('"expect" must be an object like {"state": "ready", "texts": ["18"]}');
  for (const key of Object.keys(expect)) {
    if (!EXPECT_KEYS.has(key)) fail(`unknown key "expect.${key}"; expected one of ${[...EXPECT_KEYS].join(', ')}`);
  }
  if (!CARD_STATES.includes(expect.state)) fail(`"expect.state" must be one of ${CARD_STATES.join(', ')}, got ${JSON.stringify(expect.state)}`);
  if (expect.errorCode !== undefined && typeof expect.errorCode !== 'string') fail('"expect.errorCode" must be a string such as "NO_PERMISSION"');
  for (const key of ['texts', 'absentTexts']) {
    if (expect[key] !== undefined && !(Array.isArray(expect[key]) && expect[key].every((t) => typeof t === 'string'))) {
      fail(`"expect.${key}" must be a list of strings`);
    }
  }
  if (expect.settleMs !== undefined && !isNonNegativeInteger(expect.settleMs)) fail('"expect.settleMs" must be a whole number of milliseconds');
  if (expect.connectionRequests !== undefined && !isNonNegativeInteger(expect.connectionRequests)) {
    fail('"expect.connectionRequests" must be a whole number of CRM_CONNECTION requests, e.g. 0');
  }
  return expect;
}

/** True for `{value}`, `{reject}` or `{noAnswer}` wrappers, which set how the host responds. */
export function isSdkDirective(answer) {
  return isPlainObject(answer) && (Object.hasOwn(answer, 'value') || Object.hasOwn(answer, 'reject') || Object.hasOwn(answer, 'noAnswer'));
}

// "number 42", "list [1]", "string \"de_DE\"": the type first, because a wrong type is the usual mistake.
function describeValue(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `list ${preview(value)}`;
  return `${typeof value} ${preview(value)}`;
}

function preview(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonNegativeInteger(value) {
  return Number.isInteger(value) && value >= 0;
}
