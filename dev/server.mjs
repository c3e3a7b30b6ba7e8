// The simulator's two HTTP servers. CRM serves a widget from another origin than
// the record page that frames it, so the simulator does the same with two ports:
// a mistake in targetOrigin or in an origin check fails here as it would in CRM.
//
//   host origin   (PORT)         the fake record page, its script, scenarios, REST mock
//   widget origin (WIDGET_PORT)  app/ unchanged, except widget.html loads the SDK stand-in
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarios, isSdkDirective, MAX_BUNDLE_COPIES } from './scenarios.mjs';
import { answerConnectionRequest, apiOrigin } from './rest-mock.mjs';

const DEV_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT_DIR = resolve(DEV_DIR, '..');

/** Built-in scenario folder; extra folders are added after it. */
export const BUILTIN_SCENARIOS_DIR = join(DEV_DIR, 'scenarios');
export const DEFAULT_SCENARIO = 'sample-lead';

const SDK_SCRIPT = /<script\s+src="https:\/\/live\.zwidgets\.com\/js-sdk\/[^"]+\/ZohoEmbededAppSDK\.min\.js"\s*><\/script>/;
const SDK_CDN_ORIGIN = 'https://live.zwidgets.com';
const STANDIN_PATH = '/__sim/sdk.js';
const BUNDLE_SCRIPT = '<script type="module" src="build/score-card.js"></script>';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const DEFAULT_USER = {
  id: '4876876000000225013',
  full_name: 'Patricia Boyle',
  email: 'patricia.boyle@zylker.example',
  locale: 'en_US',
  language: 'en',
  country_locale: 'en_US',
  time_zone: 'America/New_York',
  date_format: 'MM-dd-yyyy',
  time_format: 'hh:mm a',
  status: 'active',
  role: { name: 'CEO', id: '4876876000000026005' },
  profile: { name: 'Administrator', id: '4876876000000026011' },
};

/**
 * Starts both servers and resolves once they listen.
 * Port 0 picks free ports (tests do this); `widgetPort` defaults to `hostPort + 1`.
 * @returns {Promise<{hostUrl: string, widgetOrigin: string, close: () => Promise<void>}>}
 */
export async function startSimulator({
  hostPort = 8080,
  widgetPort,
  bindAddress = '127.0.0.1',
  scenarioDirs = [],
  sdkFile,
  appDir = join(ROOT_DIR, 'app'),
  fixturesDir = join(ROOT_DIR, 'test', 'fixtures'),
  logger = console,
} = {}) {
  const state = {
    dirs: [BUILTIN_SCENARIOS_DIR, ...scenarioDirs],
    fixturesDir,
    appDir,
    sdkFile,
    logger,
    reportedErrors: new Set(),
    hostPort: 0,
    widgetPort: 0,
  };

  const hostServer = createServer((request, response) => handle(hostRoutes, state, request, response));
  const widgetServer = createServer((request, response) => handle(widgetRoutes, state, request, response));

  const wantedWidgetPort = widgetPort ?? (hostPort === 0 ? 0 : hostPort + 1);
  checkPorts(hostPort, wantedWidgetPort);

  state.hostPort = await listen(hostServer, hostPort, bindAddress, 'host');
  try {
    state.widgetPort = await listen(widgetServer, wantedWidgetPort, bindAddress, 'widget');
  } catch (error) {
    await closeServer(hostServer);
    throw error;
  }

  // Report malformed scenario files at start, not only when a page requests the list.
  currentScenarios(state);

  return {
    hostUrl: `http://${bindAddress}:${state.hostPort}/`,
    widgetOrigin: `http://${bindAddress}:${state.widgetPort}`,
    close: () => Promise.all([closeServer(hostServer), closeServer(widgetServer)]).then(() => undefined),
  };
}

/** Thrown when a server cannot listen; `origin` ("host" or "widget") and `port` name the server that failed. */
export class ListenError extends Error {
  constructor(message, { code, origin, port }) {
    super(message);
    this.name = 'ListenError';
    this.code = code;
    this.origin = origin;
    this.port = port;
  }
}

// Checked before listening, because Node reports a port above 65535 as a RangeError
// that names neither origin, and one port cannot serve both origins.
function checkPorts(hostPort, widgetPort) {
  for (const [origin, port] of [['host', hostPort], ['widget', widgetPort]]) {
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new ListenError(`${origin} origin port ${port} is not a valid port number (0 to 65535)`, { code: 'ERR_SOCKET_BAD_PORT', origin, port });
    }
  }
  if (hostPort !== 0 && hostPort === widgetPort) {
    const message = `host and widget origin ports are both ${hostPort}; the two origins need different ports`;
    throw new ListenError(message, { code: 'ERR_SAME_PORT', origin: 'widget', port: widgetPort });
  }
}

function listen(server, port, bindAddress, origin) {
  return new Promise((resolvePort, reject) => {
    server.once('error', (error) => {
      const reasons = { EADDRINUSE: 'is already in use', EACCES: 'needs more privileges than this process has' };
      const reason = reasons[error.code];
      reject(reason ? new ListenError(`${origin} origin port ${port} on ${bindAddress} ${reason}`, { code: error.code, origin, port }) : error);
    });
    server.listen(port, bindAddress, () => resolvePort(server.address().port));
  });
}

function closeServer(server) {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

async function handle(routes, state, request, response) {
  const url = new URL(request.url, 'http://placeholder');
  try {
    const route = routes[`${request.method} ${url.pathname}`];
    if (route) {
      await route(state, request, response, url);
    } else if (request.method === 'GET' && routes.fallback) {
      await routes.fallback(state, request, response, url);
    } else {
      sendText(response, 404, `Not found: ${request.method} ${url.pathname}`);
    }
  } catch (error) {
    state.logger.error(`[simulator] ${request.method} ${url.pathname} failed:`, error);
    if (!response.headersSent) sendText(response, 500, `Simulator error: ${error.message}`);
    else response.end();
  }
}

// ---------------------------------------------------------------- host origin

const hostRoutes = {
  'GET /': (state, request, response) => sendFile(response, join(DEV_DIR, 'host', 'index.html')),
  'GET /index.html': (state, request, response) => sendFile(response, join(DEV_DIR, 'host', 'index.html')),
  'GET /__sim/host.js': (state, request, response) => sendFile(response, join(DEV_DIR, 'host', 'host.js')),
  'GET /__sim/host.css': (state, request, response) => sendFile(response, join(DEV_DIR, 'host', 'host.css')),
  'GET /favicon.ico': (state, request, response) => {
    response.writeHead(204);
    response.end();
  },

  'GET /__sim/scenarios': (state, request, response) => {
    const { scenarios, errors } = currentScenarios(state);
    sendJson(response, 200, { scenarios: listScenarios(scenarios), loadErrors: errors });
  },

  'GET /__sim/session': (state, request, response, url) => {
    sendJson(response, 200, buildSession(state, request, url));
  },

  'POST /__sim/rest': async (state, request, response) => {
    const input = await readJsonBody(request);
    const scenario = currentScenarios(state).scenarios.get(input.scenario);
    if (!scenario) return sendJson(response, 404, { error: `unknown scenario "${input.scenario}"` });

    const outcome = answerConnectionRequest(scenario, input.connectionName, input.request);
    logOutcome(state, input, outcome);
    if (outcome.delayMs) await delay(outcome.delayMs, response);
    sendJson(response, 200, outcome);
  },

  'POST /__sim/read': async (state, request, response) => {
    const input = await readJsonBody(request);
    const scenario = currentScenarios(state).scenarios.get(input.scenario);
    if (!scenario) return sendJson(response, 404, { error: `unknown scenario "${input.scenario}"` });
    sendJson(response, 200, answerRead(scenario, input.apiData));
  },
};

/** Re-reads the scenario folders on each call so edits apply on the next page load. */
function currentScenarios(state) {
  const result = loadScenarios(state.dirs, { fixturesDir: state.fixturesDir });
  for (const { message } of result.errors) {
    if (!state.reportedErrors.has(message)) {
      state.reportedErrors.add(message);
      state.logger.error(`[simulator] scenario skipped: ${message}`);
    }
  }
  return result;
}

function listScenarios(scenarios) {
  return [...scenarios].map(([name, scenario]) => ({ name, description: scenario.description, file: scenario.file }));
}

// Everything the host page needs for one visit: the widget URL and the chosen scenario,
// with `module`/`record` query parameters already applied to the first PageLoad.
function buildSession(state, request, url) {
  const { scenarios, errors } = currentScenarios(state);
  const hostName = (request.headers.host ?? `127.0.0.1:${state.hostPort}`).replace(/:\d+$/, '');
  const hostOrigin = `http://${hostName}:${state.hostPort}`;
  const widgetOrigin = `http://${hostName}:${state.widgetPort}`;

  const requested = url.searchParams.get('scenario') || DEFAULT_SCENARIO;
  const scenario = scenarios.get(requested);
  const widgetPath = url.searchParams.get('widget') === 'probe' ? '/__sim/probe.html' : '/widget.html';

  const session = {
    hostOrigin,
    widgetOrigin,
    widgetUrl: `${widgetOrigin}${widgetPath}?serviceOrigin=${encodeURIComponent(hostOrigin)}`,
    scenarioName: requested,
    scenarios: listScenarios(scenarios),
    loadErrors: errors,
  };
  if (!scenario) {
    session.problem = `Unknown scenario "${requested}". Pick one of: ${[...scenarios.keys()].join(', ')}`;
    return session;
  }
  if (scenario.bundleCopies > 1 && widgetPath === '/widget.html') session.widgetUrl += `&bundleCopies=${scenario.bundleCopies}`;

  session.scenario = {
    description: scenario.description,
    file: scenario.file,
    pageLoads: overridePageLoad(scenario.pageLoads, url.searchParams.get('module'), url.searchParams.get('record')),
    modules: scenario.modules,
    environment: scenario.environment,
    apiOrigin: apiOrigin(scenario.deployment) ?? null,
    user: isSdkDirective(scenario.user) ? scenario.user : { ...DEFAULT_USER, ...(scenario.user ?? {}) },
    preference: scenario.preference ?? null,
    orgVariable: scenario.orgVariable ?? null,
    connectionName: scenario.connectionName,
    hostMessagesAsText: scenario.hostMessagesAsText,
    expect: scenario.expect ?? null,
  };
  return session;
}

function overridePageLoad(pageLoads, module, record) {
  if (!module && !record) return pageLoads;
  return pageLoads.map((step, index) => {
    const payload = step.payload;
    if (index > 0 || typeof payload !== 'object' || payload === null || Array.isArray(payload)) return step;
    const changed = { ...payload };
    if (module) changed.Entity = module;
    // A button placement sends ids as a list; keep the shape, swap the id.
    if (record) changed.EntityId = Array.isArray(payload.EntityId) ? [record] : record;
    return { ...step, payload: changed };
  });
}

// ZOHO.CRM.API.getRecord / getRelatedRecords: forwarded unchanged, no `fields` key.
function answerRead(scenario, apiData) {
  const entity = apiData?.Entity;
  const recordId = apiData?.RecordID;
  if (!apiData?.RelatedList) return { kind: 'resolve', data: { data: [{ id: String(recordId) }] } };

  const request = {
    url: `${apiOrigin(scenario.deployment)}/crm/v7/${entity}/${recordId}/${apiData.RelatedList}`,
    method: 'GET',
    param_type: 1,
    parameters: { page: apiData.page, per_page: apiData.per_page },
  };
  const outcome = answerConnectionRequest(scenario, scenario.connectionName, request);
  if (outcome.kind !== 'envelope') return { kind: 'resolve', data: outcome.envelope ?? outcome.data };
  // An empty related list resolves with {statusText: "nocontent"}.
  return { kind: 'resolve', data: outcome.body === undefined ? { statusText: 'nocontent' } : outcome.body };
}

function logOutcome(state, input, outcome) {
  if (outcome.note) {
    state.logger.warn(`[simulator] ${input.scenario}: ${input.request?.method} ${input.request?.url} -> ${outcome.body?.code ?? outcome.kind}: ${outcome.note}`);
  }
}

// ---------------------------------------------------------------- widget origin

const widgetRoutes = {
  'GET /widget.html': async (state, request, response, url) => {
    const html = await readFile(join(state.appDir, 'widget.html'), 'utf8');
    if (!SDK_SCRIPT.test(html)) {
      return sendText(
        response,
        500,
        'app/widget.html has no <script src="https://live.zwidgets.com/js-sdk/<version>/ZohoEmbededAppSDK.min.js"></script>, ' +
          'so the simulator cannot swap in its SDK stand-in. Restore that tag.',
      );
    }
    const widgetOrigin = `http://${request.headers.host}`;
    const rewritten = addBundleCopies(html, url.searchParams.get('bundleCopies'))
      .replace(SDK_SCRIPT, `<script src="${STANDIN_PATH}"></script>`)
      .replace(/(http-equiv="Content-Security-Policy"[\s\S]*?content=")([^"]*)"/, (match, start, policy) => `${start}${policy.replaceAll(SDK_CDN_ORIGIN, widgetOrigin)}"`);
    sendBody(response, 200, MIME_TYPES['.html'], rewritten);
  },

  [`GET ${STANDIN_PATH}`]: (state, request, response) => sendFile(response, state.sdkFile ?? join(DEV_DIR, 'sdk-standin.js')),
  'GET /__sim/fresh.html': (state, request, response) => sendFile(response, join(DEV_DIR, 'probe', 'fresh.html')),
  'GET /__sim/fresh.js': (state, request, response) => sendFile(response, join(DEV_DIR, 'probe', 'fresh.js')),
  'GET /__sim/probe.html': (state, request, response) => sendFile(response, join(DEV_DIR, 'probe', 'probe.html')),
  'GET /__sim/probe.js': (state, request, response) => sendFile(response, join(DEV_DIR, 'probe', 'probe.js')),

  // Every other file of app/ is served as it is.
  fallback: (state, request, response, url) => {
    const path = resolve(state.appDir, `.${normalize(decodeURIComponent(url.pathname))}`);
    if (!path.startsWith(state.appDir + sep)) return sendText(response, 403, 'Path outside app/');
    return sendFile(response, path);
  },
};

// A scenario's `bundleCopies` adds module scripts whose URLs differ only in
// the query, so the browser evaluates the entry module once per copy, as a
// page that includes the widget twice would.
function addBundleCopies(html, copiesParameter) {
  const copies = Math.min(Number.parseInt(copiesParameter ?? '1', 10) || 1, MAX_BUNDLE_COPIES);
  if (copies <= 1) return html;
  if (!html.includes(BUNDLE_SCRIPT)) throw new Error(`app/widget.html has no ${BUNDLE_SCRIPT}, so the simulator cannot load the bundle again`);
  const extra = Array.from({ length: copies - 1 }, (_, index) => `\n    <script type="module" src="build/score-card.js?copy=${index + 2}"></script>`);
  return html.replace(BUNDLE_SCRIPT, BUNDLE_SCRIPT + extra.join(''));
}

// ---------------------------------------------------------------- helpers

async function sendFile(response, path) {
  if (!existsSync(path)) return sendText(response, 404, `Not found: ${path}`);
  const body = await readFile(path);
  sendBody(response, 200, MIME_TYPES[extname(path)] ?? 'application/octet-stream', body);
}

function sendJson(response, status, value) {
  sendBody(response, status, MIME_TYPES['.json'], JSON.stringify(value));
}

function sendText(response, status, text) {
  sendBody(response, status, MIME_TYPES['.txt'], text);
}

function sendBody(response, status, contentType, body) {
  // No caching: scenario edits and rebuilt bundles must show on the next reload.
  response.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  response.end(body);
}

async function readJsonBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

// Resolves early when the browser drops the connection, so a closed page leaves no timer behind.
function delay(ms, response) {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    response.once('close', () => {
      clearTimeout(timer);
      done();
    });
  });
}
