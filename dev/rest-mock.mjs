// A mock of the two CRM REST endpoints the widget calls through its Connection:
//   GET https://www.zohoapis.<tld>/crm/v7/{module}/{record_id}/Entity_Scores__s?fields=…
//   GET https://www.zohoapis.<tld>/crm/v7/settings/automation/scoring_rules?module=…
// It validates the request the way CRM does, then responds from the scenario.
import { DATA_CENTRE_TLDS, dataCentreOf } from './scenarios.mjs';

/** Fields `Entity_Scores__s` accepts in `fields`; `id` is always returned. */
export const ENTITY_SCORE_FIELDS = [
  'Positive_Score',
  'Negative_Score',
  'Touch_Point_Score',
  'Touch_Point_Positive_Score',
  'Touch_Point_Negative_Score',
  'Score',
  'Scoring_Rule',
];

// HTTP status and a short message for each CRM error code the mock returns.
// Widgets must key on `code`: CRM localises and rewords the messages.
const ERROR_CATALOGUE = {
  INVALID_URL_PATTERN: [404, 'the request URL is not a valid API URL'],
  INVALID_REQUEST_METHOD: [400, 'this API URL does not accept the HTTP method used'],
  REQUIRED_PARAM_MISSING: [400, 'a mandatory parameter is missing'],
  INVALID_DATA: [400, 'the given id or value is invalid'],
  INVALID_MODULE: [400, 'the module name given is invalid'],
};

const API_VERSION = 'v7';
const SCORES_PATH = /^\/crm\/([^/]+)\/([^/]+)\/([^/]+)\/Entity_Scores__s\/?$/;
const RULES_PATH = /^\/crm\/([^/]+)\/settings\/automation\/scoring_rules\/?$/;
const RECORD_ID = /^\d{13,19}$/;
const PAGE_TOKEN_PREFIX = 'sim-page-';

/**
 * What the host does with a Connection request:
 * - `{kind: "envelope", status, body, statusMessageAsString}`: resolve with the
 *   usual envelope around `body` (no body, as for 204, gives an empty `statusMessage`);
 * - `{kind: "raw", envelope}`: resolve with this envelope unchanged;
 * - `{kind: "reject", data}`: send EVENT_RESPONSE_FAILURE;
 * - `{kind: "none"}`: never answer.
 * `delayMs` tells the server how long to wait before sending the outcome.
 * @typedef {{kind: string, status?: number, body?: unknown, statusMessageAsString?: boolean,
 *   envelope?: unknown, data?: unknown, delayMs?: number, note?: string}} Outcome
 */

/**
 * Validates one `CONNECTION.invoke` request against the scenario and returns its outcome.
 * `request` is `{url, method, param_type, parameters, headers}`; `parameters`
 * and `headers` may be JSON text, as the SDK sends them.
 * @returns {Outcome}
 */
export function answerConnectionRequest(scenario, connectionName, request) {
  if (connectionName !== scenario.connectionName) {
    // CRM reports an unknown or unauthorised Connection in the envelope, not as a REST error.
    return {
      kind: 'raw',
      envelope: {
        code: 'SUCCESS',
        status: 'success',
        message: 'Connection invoked',
        details: { status: 'false', statusMessage: `No connection named "${connectionName}" is set up in this org` },
      },
      note: `unknown connection "${connectionName}"`,
    };
  }

  const parsed = parseRequest(request);
  if (parsed.error) return parsed.error;
  const { url, method, query } = parsed;

  const expectedOrigin = apiOrigin(scenario.deployment);
  if (url.origin !== expectedOrigin) {
    const dataCentre = scenario.deployment === undefined ? '(none)' : JSON.stringify(scenario.deployment);
    return restError('INVALID_URL_PATTERN', {
      note: `host ${url.origin} does not match data centre ${dataCentre}: expected ${expectedOrigin ?? 'no valid host, because the data centre is unknown'}`,
    });
  }

  const scoresMatch = SCORES_PATH.exec(url.pathname);
  if (scoresMatch) return answerScores(scenario, { method, query, version: scoresMatch[1], module: scoresMatch[2], recordId: scoresMatch[3] });

  const rulesMatch = RULES_PATH.exec(url.pathname);
  if (rulesMatch) return answerRules(scenario, { method, query, version: rulesMatch[1] });

  return restError('INVALID_URL_PATTERN', { note: `no mocked endpoint at ${url.pathname}` });
}

/**
 * Returns `https://www.zohoapis.<tld>` for a `deployment` value, or undefined for an unknown data centre.
 * The value is read as leniently as the widget reads it ("eu", "EU", "com.au", a Zoho host), so a
 * spelling the widget accepts never turns into INVALID_URL_PATTERN here.
 */
export function apiOrigin(deployment) {
  const dataCentre = dataCentreOf(deployment);
  return dataCentre === undefined ? undefined : `https://www.zohoapis.${DATA_CENTRE_TLDS[dataCentre]}`;
}

function parseRequest(request) {
  if (typeof request !== 'object' || request === null) {
    return { error: restError('INVALID_URL_PATTERN', { note: 'the Connection request carries no {url, method, …} object' }) };
  }

  let url;
  try {
    url = new URL(String(request.url));
  } catch {
    return { error: restError('INVALID_URL_PATTERN', { note: `"${request.url}" is not an absolute URL` }) };
  }

  const parameters = parseJsonText(request.parameters);
  if (parameters === INVALID) return { error: restError('INVALID_DATA', { note: 'parameters is not valid JSON text' }) };
  parseJsonText(request.headers);

  // param_type 1 sends `parameters` as the query string. Other types send them in the body,
  // which a GET ignores, so the endpoint then gets no `fields`.
  const query = new URLSearchParams(url.search);
  if (Number(request.param_type) === 1 && parameters && typeof parameters === 'object') {
    for (const [key, value] of Object.entries(parameters)) {
      if (value !== undefined && value !== null) query.set(key, String(value));
    }
  }

  const method = typeof request.method === 'string' ? request.method.toUpperCase() : '';
  return { url, method, query };
}

const INVALID = Symbol('invalid JSON');

function parseJsonText(value) {
  if (typeof value !== 'string') return value;
  if (value === '' || value === 'undefined') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return INVALID;
  }
}

function answerScores(scenario, { method, query, version, module, recordId }) {
  if (version !== API_VERSION) return restError('INVALID_URL_PATTERN', { note: `API version ${version} is not mocked; use ${API_VERSION}` });
  if (method !== 'GET') return restError('INVALID_REQUEST_METHOD', { note: `${method || '(no method)'} on Entity_Scores__s` });
  // NOTE: module API names are matched case-sensitively. Zoho's API 1.0 help on modules and fields
  // (https://www.zoho.com/de/crm/help/api/modules-fields.html) states that "leads" in place of
  // "Leads" fails. Whether v7 still fails is unconfirmed, so the mock keeps the stricter behaviour.
  if (!scenario.modules.includes(module)) {
    return restError('INVALID_MODULE', { details: { resource_path_index: 0 }, note: moduleNote(scenario, module) });
  }
  if (!RECORD_ID.test(recordId)) return restError('INVALID_DATA', { details: { id: recordId }, note: `"${recordId}" is not a record id` });

  const fields = query.get('fields');
  if (fields === null || fields.trim() === '') {
    return restError('REQUIRED_PARAM_MISSING', { details: { param_name: 'fields' }, note: 'fields is mandatory' });
  }
  const requested = fields.split(',').map((field) => field.trim()).filter(Boolean);
  const unknown = requested.find((field) => field !== 'id' && !ENTITY_SCORE_FIELDS.includes(field));
  if (unknown) return restError('INVALID_DATA', { details: { api_name: unknown }, note: `unknown field ${unknown}` });

  const answer = scenario.scoresByRecord[recordId] ?? scenario.scores;
  if (answer === undefined) return restError('INVALID_DATA', { details: { id: recordId }, note: `no scores defined for record ${recordId}` });

  return outcomeFromAnswer(answer, {
    selectPage: (pages) => selectTokenPage(pages, query.get('page_token')),
    shapeBody: (body) => keepFields(body, requested),
  });
}

function answerRules(scenario, { method, query, version }) {
  if (version !== API_VERSION) return restError('INVALID_URL_PATTERN', { note: `API version ${version} is not mocked; use ${API_VERSION}` });
  if (method !== 'GET') return restError('INVALID_REQUEST_METHOD', { note: `${method || '(no method)'} on scoring_rules` });

  const module = query.get('module');
  if (module === null || module === '') {
    return restError('REQUIRED_PARAM_MISSING', { details: { param_name: 'module' }, note: 'module is mandatory' });
  }
  if (!scenario.modules.includes(module)) {
    return restError('INVALID_DATA', { details: { param_name: 'module' }, note: moduleNote(scenario, module) });
  }

  const answer = scenario.rules;
  if (answer.list === undefined) return outcomeFromAnswer(answer, {});

  const page = positiveInteger(query.get('page'), 1);
  const perPage = Math.min(positiveInteger(query.get('per_page'), 200), 200);
  const rules = answer.list
    .map((rule) => completeRule(rule, module))
    .filter((rule) => rule.module.api_name === module);
  const slice = rules.slice((page - 1) * perPage, page * perPage);
  if (slice.length === 0) return withDelay({ kind: 'envelope', status: 204, body: undefined, statusMessageAsString: answer.statusMessageAsString }, answer);

  const body = {
    scoring_rules: slice,
    info: { per_page: perPage, count: slice.length, page, more_records: page * perPage < rules.length },
  };
  return withDelay({ kind: 'envelope', status: 200, body, statusMessageAsString: answer.statusMessageAsString }, answer);
}

function moduleNote(scenario, module) {
  const sameLetters = scenario.modules.find((known) => known.toLowerCase() === module.toLowerCase());
  if (sameLetters) return `module "${module}" is not in this org; module API names are case-sensitive, use "${sameLetters}"`;
  return `module "${module}" is not in this org (it has ${scenario.modules.join(', ')})`;
}

function outcomeFromAnswer(answer, { selectPage, shapeBody }) {
  if (answer.noAnswer) return withDelay({ kind: 'none' }, answer);
  if (answer.reject !== undefined) return withDelay({ kind: 'reject', data: answer.reject }, answer);
  if (answer.envelope !== undefined) return withDelay({ kind: 'raw', envelope: answer.envelope }, answer);

  const status = answer.status ?? 200;
  let body = answer.body;
  if (answer.pages && selectPage) {
    const selected = selectPage(answer.pages);
    if (selected.error) return selected.error;
    body = selected.body;
  }
  if (status < 300 && body !== undefined && shapeBody) body = shapeBody(body);
  return withDelay({ kind: 'envelope', status, body: status === 204 ? undefined : body, statusMessageAsString: answer.statusMessageAsString }, answer);
}

// Pages are reached with opaque tokens, as CRM's `page_token`: the first page needs none.
function selectTokenPage(pages, token) {
  let index = 0;
  if (token !== null && token !== '') {
    index = token.startsWith(PAGE_TOKEN_PREFIX) ? Number(token.slice(PAGE_TOKEN_PREFIX.length)) - 1 : NaN;
    if (!Number.isInteger(index) || index < 1 || index >= pages.length) {
      return { error: restError('INVALID_DATA', { details: { param_name: 'page_token' }, note: `unknown page_token "${token}"` }) };
    }
  }

  const page = pages[index];
  const hasMore = index < pages.length - 1;
  const info = {
    per_page: 200,
    ...(typeof page.info === 'object' && page.info !== null ? page.info : {}),
    count: Array.isArray(page.data) ? page.data.length : 0,
    page: index + 1,
    more_records: hasMore,
    next_page_token: hasMore ? `${PAGE_TOKEN_PREFIX}${index + 2}` : null,
    previous_page_token: index > 0 ? `${PAGE_TOKEN_PREFIX}${index}` : null,
    page_token_expiry: hasMore ? new Date(Date.now() + 24 * 3600 * 1000).toISOString() : null,
  };
  return { body: { ...page, info } };
}

// CRM returns only the requested fields, plus the row `id`.
function keepFields(body, requested) {
  if (typeof body !== 'object' || body === null || !Array.isArray(body.data)) return body;
  const data = body.data.map((row) => {
    if (typeof row !== 'object' || row === null) return row;
    const kept = {};
    for (const [key, value] of Object.entries(row)) {
      if (key === 'id' || requested.includes(key)) kept[key] = value;
    }
    return kept;
  });
  return { ...body, data };
}

// A rule without `module` is listed for whichever module is requested, so a
// scenario still has rule names when `?module=` switches its module.
function completeRule(rule, requestedModule) {
  const moduleName = rule.module?.api_name ?? requestedModule;
  return {
    id: rule.id,
    name: null,
    description: null,
    active: true,
    layout: { api_name: 'Standard', id: '4876876000000091055' },
    created_time: '2025-03-04T10:15:00+00:00',
    modified_time: '2025-06-18T08:30:00+00:00',
    field_rules: [],
    signal_rules: [],
    ...rule,
    module: { api_name: moduleName, id: rule.module?.id ?? '4876876000000002175' },
  };
}

/** Builds a CRM error response: `{code, message, status: "error", details}` with the code's HTTP status. */
export function restError(code, { details = {}, note } = {}) {
  const [status, message] = ERROR_CATALOGUE[code];
  return { kind: 'envelope', status, body: { code, message, status: 'error', details }, note };
}

function withDelay(outcome, answer) {
  return answer.delayMs ? { ...outcome, delayMs: answer.delayMs } : outcome;
}

function positiveInteger(text, fallback) {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
