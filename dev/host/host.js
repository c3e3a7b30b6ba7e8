// Host side of the embedded-app protocol, as the CRM record page runs it:
// handshake (REGISTER → SET_CONTEXT), PageLoad, then one response per CRM_EVENT.
// Every exchanged message goes to the panel and to window.__simLog for tests.

const ORG_VARIABLE_NAME = 'entity_score_card_settings';
const MIN_FRAME_HEIGHT = 40;
const MAX_FRAME_HEIGHT = 1600;
const MIN_FRAME_WIDTH = 120;
const MAX_FRAME_WIDTH = 2000;
const SUMMARY_LENGTH = 160;
const NOTHING_TO_RESEND = 'This scenario sends no PageLoad. To send one, enter a module and a record id and press Load.';

const RECORD_NAMES = {
  Leads: 'Kris Marrier',
  Contacts: 'Sage Wieser',
  Accounts: 'King Ltd',
  Deals: 'King Ltd – Renewal',
  Applications1: 'Application 1042',
};

/** Every message in and out, plus ignored ones, in order. */
window.__simLog = [];
/** Progress the tests wait on. */
window.__simStatus = {
  registered: false,
  pageLoadsSent: 0,
  pageLoadsTotal: 0,
  crmEvents: 0,
  connectionRequests: 0,
  pendingAnswers: 0,
  unanswered: 0,
};

const params = new URLSearchParams(window.location.search);
const elements = {
  slot: document.getElementById('frame-slot'),
  problems: document.getElementById('sim-problems'),
  form: document.getElementById('sim-form'),
  select: document.getElementById('sim-scenario'),
  description: document.getElementById('sim-description'),
  module: document.getElementById('sim-module'),
  record: document.getElementById('sim-record'),
  resend: document.getElementById('sim-resend'),
  resendHint: document.getElementById('sim-resend-hint'),
  moduleHint: document.getElementById('sim-module-hint'),
  log: document.getElementById('sim-log'),
  status: document.getElementById('sim-status'),
};

let session;
let scenario;
let frame;
let registered = false;
let hasSentPageLoad = false;
let lastPageLoad;
const waitingSteps = [];

start().catch((error) => showProblems([`The simulator page failed to start: ${error.message}`]));

async function start() {
  const response = await fetch(`/__sim/session${window.location.search}`);
  session = await response.json();
  renderPicker();

  const problems = session.loadErrors.map((error) => error.message);
  if (session.problem) problems.unshift(session.problem);
  showProblems(problems);
  if (!session.scenario) {
    elements.resend.disabled = true;
    showHint(elements.resendHint, 'Pick a scenario first.');
    return;
  }

  scenario = session.scenario;
  elements.description.textContent = scenario.description;
  // CRM darkens the whole record page in night mode, not only the widget.
  const preference = scenario.preference?.value ?? scenario.preference;
  document.body.classList.toggle('night', preference?.mode === 'night');
  window.__simStatus.pageLoadsTotal = scenario.pageLoads.length;
  showRecord(scenario.pageLoads[0]?.payload);
  noteParameters();
  createFrame();
}

// Says in the log what the module and record parameters do for this scenario,
// and why Resend PageLoad is disabled when it has nothing to send.
function noteParameters() {
  const moduleHint = checkModule(params.get('module')?.trim());
  showHint(elements.moduleHint, moduleHint);
  if (moduleHint) note(moduleHint);

  const fromParameters = pageLoadFromParameters();
  if (scenario.pageLoads.length === 0 && fromParameters) {
    note(`The scenario sends no PageLoad, so the module and record parameters apply to Resend PageLoad only: ${summarize(fromParameters)}`);
  }
  if (!resendChoice()) {
    elements.resend.disabled = true;
    showHint(elements.resendHint, NOTHING_TO_RESEND);
    note(`Resend PageLoad is disabled. ${NOTHING_TO_RESEND}`);
  }
}

// ---------------------------------------------------------------- page

function renderPicker() {
  for (const { name, description } of session.scenarios) {
    const option = new Option(name, name, false, name === session.scenarioName);
    option.title = description;
    elements.select.append(option);
  }
  elements.module.value = params.get('module') ?? '';
  elements.record.value = params.get('record') ?? '';
  elements.module.addEventListener('input', () => showHint(elements.moduleHint, checkModule(elements.module.value.trim())));

  elements.select.addEventListener('change', () => {
    elements.module.value = '';
    elements.record.value = '';
    elements.form.requestSubmit();
  });
  elements.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    next.set('scenario', elements.select.value);
    setOrDelete(next, 'module', elements.module.value.trim());
    setOrDelete(next, 'record', elements.record.value.trim());
    window.location.search = next.toString();
  });
  elements.resend.addEventListener('click', resendPageLoad);
}

function resendPageLoad() {
  const choice = scenario ? resendChoice() : undefined;
  if (!choice) return note(`Resend PageLoad: nothing sent. ${scenario ? NOTHING_TO_RESEND : 'No scenario is loaded.'}`);
  if (!registered) {
    return note('Resend PageLoad: nothing sent, because the frame has not sent REGISTER yet and the host sends nothing before it.');
  }
  note(`Resend PageLoad: sending ${choice.source}`);
  sendPageLoad(choice.payload);
}

// The PageLoad that Resend sends: the last one sent, else the scenario's first one
// (module and record parameters already applied by the server), else one built from
// the parameters alone, for scenarios such as a web tab that send none.
function resendChoice() {
  if (hasSentPageLoad) return { payload: lastPageLoad, source: 'the last PageLoad again' };
  if (scenario.pageLoads.length > 0) return { payload: scenario.pageLoads[0].payload, source: "the scenario's first PageLoad" };
  const fromParameters = pageLoadFromParameters();
  if (fromParameters) return { payload: fromParameters, source: 'a PageLoad built from the module and record parameters' };
  return undefined;
}

function pageLoadFromParameters() {
  const module = params.get('module')?.trim();
  const record = params.get('record')?.trim();
  if (!module && !record) return undefined;
  const payload = {};
  if (module) payload.Entity = module;
  if (record) payload.EntityId = record;
  return payload;
}

// Module API names are case-sensitive in REST URLs, so "leads" ends in INVALID_MODULE.
// The hint warns before the card shows that error.
function checkModule(module) {
  if (!module || !scenario || scenario.modules.includes(module)) return undefined;
  const sameLetters = scenario.modules.find((known) => known.toLowerCase() === module.toLowerCase());
  if (sameLetters) {
    return `Module API names are case-sensitive: write "${sameLetters}". The REST mock answers a request for "${module}" with INVALID_MODULE.`;
  }
  return `"${module}" is not one of this scenario's modules (${scenario.modules.join(', ')}), so the REST mock answers a request for it with INVALID_MODULE.`;
}

function showHint(element, text) {
  element.hidden = !text;
  element.textContent = text ?? '';
}

function setOrDelete(searchParams, key, value) {
  if (value) searchParams.set(key, value);
  else searchParams.delete(key);
}

function showProblems(messages) {
  elements.problems.hidden = messages.length === 0;
  elements.problems.textContent = messages.join('\n');
}

// The record header follows the first PageLoad, so the page matches the payload the widget receives.
function showRecord(payload) {
  const module = typeof payload?.Entity === 'string' ? payload.Entity : '(no module)';
  const ids = Array.isArray(payload?.EntityId) ? payload.EntityId.join(', ') : payload?.EntityId;
  const name = RECORD_NAMES[module] ?? 'Record';
  document.getElementById('record-name').textContent = name;
  document.getElementById('record-initials').textContent = name.split(/\s+/).map((word) => word[0]).join('').slice(0, 2);
  document.getElementById('record-module').textContent = module;
  document.getElementById('record-id').textContent = ids === undefined ? 'no record id' : String(ids);
  for (const tab of document.querySelectorAll('.tabs a')) tab.classList.toggle('current', tab.dataset.module === module);
}

function createFrame() {
  frame = document.createElement('iframe');
  frame.id = 'widget-frame';
  frame.title = 'Entity scores widget';
  const width = Number(params.get('frameWidth'));
  if (width > 0) elements.slot.style.width = `${width}px`;

  // The listener is in place before the frame loads, so REGISTER cannot be missed.
  window.addEventListener('message', onMessage);
  const logFlag = params.get('sdkLog') ? '&isLogEnabled=true' : '';
  const widgetUrl = session.widgetUrl + logFlag;
  frame.src = startsNewSession() ? `${session.widgetOrigin}/__sim/fresh.html#${encodeURIComponent(widgetUrl)}` : widgetUrl;
  elements.slot.append(frame);
}

// The widget caches the data centre and rule names in its sessionStorage, which
// survives reloads of this tab. Another scenario must not see the last one's
// cache, so on a scenario change the frame first opens a page that clears it.
function startsNewSession() {
  const key = 'crm-simulator:last-scenario';
  const changed = sessionStorage.getItem(key) !== session.scenarioName;
  sessionStorage.setItem(key, session.scenarioName);
  return changed;
}

// ---------------------------------------------------------------- protocol

function onMessage(event) {
  if (!frame || event.source !== frame.contentWindow) {
    return record('ignored', undefined, `from another window (origin ${event.origin})`, event.data);
  }
  if (event.origin !== session.widgetOrigin) {
    return record('ignored', undefined, `from origin ${event.origin}, expected ${session.widgetOrigin}`, event.data);
  }

  let message = event.data;
  if (typeof message === 'string') {
    try {
      message = JSON.parse(message);
    } catch {
      return record('ignored', undefined, 'text that is not JSON', event.data);
    }
  }
  if (typeof message !== 'object' || message === null) return record('ignored', undefined, 'not an object', event.data);

  record('in', message, undefined, message.data);
  if (!registered && message.eventName !== 'REGISTER') return note(`${message.eventName} arrived before REGISTER and is dropped`);

  switch (message.eventName) {
    case 'REGISTER':
      return onRegister();
    case 'ZDK_EVENT':
      return failure(message, { message: `ZDK action "${message.data?.action}" is not available in this CRM` });
    case 'CRM_EVENT':
      return onCrmEvent(message);
    default:
      return note(`no handler for ${message.eventName}`);
  }
}

function onRegister() {
  registered = true;
  window.__simStatus.registered = true;
  post({ type: 'FRAMEWORK.EVENT', eventName: 'SET_CONTEXT', data: { uniqueID: `sim-${Date.now().toString(36)}` } });
  scheduleNextPageLoad(0);
}

// Steps go in order; each waits for its afterMs (counted from the previous step)
// or for its afterRequests (Connection requests received so far).
function scheduleNextPageLoad(index) {
  const step = scenario.pageLoads[index];
  if (!step) return;

  const sendAndContinue = () => {
    sendPageLoad(step.payload);
    scheduleNextPageLoad(index + 1);
  };
  if (step.afterRequests !== undefined && window.__simStatus.connectionRequests < step.afterRequests) {
    waitingSteps.push({ afterRequests: step.afterRequests, run: sendAndContinue });
  } else if (step.afterMs) {
    setTimeout(sendAndContinue, step.afterMs);
  } else {
    sendAndContinue();
  }
}

function sendPageLoad(payload) {
  // The header shows the first PageLoad, which Resend may be the first to send.
  if (!hasSentPageLoad) showRecord(payload);
  hasSentPageLoad = true;
  lastPageLoad = payload;
  window.__simStatus.pageLoadsSent += 1;
  post({ type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: payload });
}

function onCrmEvent(message) {
  const data = message.data ?? {};
  window.__simStatus.crmEvents += 1;
  if (data.category === 'CRM_CONNECTION') {
    window.__simStatus.connectionRequests += 1;
    for (const step of waitingSteps.filter((waiting) => waiting.afterRequests <= window.__simStatus.connectionRequests)) {
      waitingSteps.splice(waitingSteps.indexOf(step), 1);
      // Queued, so the request's response is fetched first but reaches the widget after the new PageLoad.
      queueMicrotask(step.run);
    }
  }

  switch (data.category) {
    case 'CRM_CONNECTION':
      return answerConnection(message, data);
    case 'CONFIG':
      return answerConfig(message, data);
    case 'UI':
      return answerUi(message, data);
    case 'READ':
      return answerRead(message, data);
    default:
      return failure(message, { code: 'NOT_SUPPORTED', message: `The simulator does not implement category "${data.category}"` });
  }
}

async function answerConnection(message, data) {
  // The SDK nests the request one level down; accept it at either level.
  const request = data.data?.data ?? data.data;
  let outcome;
  try {
    outcome = await track(() => postJson('/__sim/rest', { scenario: session.scenarioName, connectionName: data.connectionName, request }));
  } catch (error) {
    return failure(message, { code: 'SIMULATOR_ERROR', message: error.message });
  }

  switch (outcome.kind) {
    case 'none':
      window.__simStatus.unanswered += 1;
      return note(`${message.promiseid} is left unanswered on purpose`);
    case 'reject':
      return failure(message, outcome.data);
    case 'raw':
      return success(message, outcome.envelope);
    default:
      return success(message, connectionEnvelope(outcome));
  }
}

// The Connection envelope: the REST body (or "" when there is none) sits in
// details.statusMessage, and the outer code is SUCCESS even for REST errors.
function connectionEnvelope({ body, statusMessageAsString }) {
  let statusMessage = body === undefined ? '' : body;
  if (statusMessageAsString && body !== undefined) statusMessage = JSON.stringify(body);
  return { code: 'SUCCESS', status: 'success', message: 'Connection invoked successfully', details: { statusMessage } };
}

function answerConfig(message, data) {
  switch (data.type) {
    case 'CURRENT_USER':
      return answerWith(message, scenario.user, (user) => ({ users: [user] }));
    case 'ORG_LEVEL_INFO':
      return answerWith(message, scenario.environment);
    case 'ORG':
      return success(message, { org: [{ id: '4876876000000024001', company_name: 'Zylker', currency: 'USD', country_code: 'US' }] });
    case 'USER_PREFERENCE':
      if (scenario.preference === null) {
        return failure(message, { code: 'NOT_SUPPORTED', message: 'This CRM build has no user preference call' });
      }
      return answerWith(message, scenario.preference);
    case 'VARIABLE':
      return answerOrgVariable(message, data.nameSpace);
    default:
      return failure(message, { code: 'NOT_SUPPORTED', message: `The simulator does not implement CONFIG type "${data.type}"` });
  }
}

function answerOrgVariable(message, name) {
  if (name !== ORG_VARIABLE_NAME || scenario.orgVariable === null) {
    return failure(message, { code: 'INVALID_DATA', message: `No org variable named "${name}"` });
  }
  return answerWith(message, scenario.orgVariable, (content) => ({
    Success: { Content: typeof content === 'string' ? content : JSON.stringify(content) },
  }));
}

function answerUi(message, data) {
  if (data.action !== 'RESIZE') {
    return failure(message, { code: 'NOT_SUPPORTED', message: `The simulator does not implement UI action ${JSON.stringify(data.action)}` });
  }

  const height = Number(data.data?.height);
  const width = Number(data.data?.width);
  let applied = false;
  if (Number.isFinite(height) && data.data?.height !== undefined && data.data?.height !== null) {
    frame.style.height = `${clamp(height, MIN_FRAME_HEIGHT, MAX_FRAME_HEIGHT)}px`;
    applied = true;
  }
  if (Number.isFinite(width) && data.data?.width !== undefined && data.data?.width !== null) {
    frame.style.width = `${clamp(width, MIN_FRAME_WIDTH, MAX_FRAME_WIDTH)}px`;
    applied = true;
  }
  return success(message, applied);
}

async function answerRead(message, data) {
  try {
    const outcome = await track(() => postJson('/__sim/read', { scenario: session.scenarioName, apiData: data.APIData }));
    return success(message, outcome.data);
  } catch (error) {
    return failure(message, { code: 'SIMULATOR_ERROR', message: error.message });
  }
}

// Scenario values are sent as they are, unless wrapped in a directive:
// {value} resolves with exactly that value, {reject} sends a failure,
// {noAnswer} sends nothing, and {delayMs} waits before responding.
function answerWith(message, answer, shape = (value) => value) {
  const isDirective = typeof answer === 'object' && answer !== null && ['value', 'reject', 'noAnswer'].some((key) => Object.hasOwn(answer, key));
  if (!isDirective) return success(message, shape(answer));

  if (answer.noAnswer) {
    window.__simStatus.unanswered += 1;
    return note(`${message.promiseid} is left unanswered on purpose`);
  }
  const reply = () => (Object.hasOwn(answer, 'reject') ? failure(message, answer.reject) : success(message, answer.value));
  if (!answer.delayMs) return reply();

  window.__simStatus.pendingAnswers += 1;
  setTimeout(() => {
    window.__simStatus.pendingAnswers -= 1;
    reply();
  }, answer.delayMs);
}

function success(request, data) {
  post({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: request.promiseid, data });
}

function failure(request, data) {
  post({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE_FAILURE', promiseid: request.promiseid, data });
}

function post(message) {
  record('out', message, undefined, message.data);
  // Only the frame's window, and only while it still shows the widget's origin.
  frame.contentWindow.postMessage(scenario?.hostMessagesAsText ? JSON.stringify(message) : message, session.widgetOrigin);
}

async function track(work) {
  window.__simStatus.pendingAnswers += 1;
  try {
    return await work();
  } finally {
    window.__simStatus.pendingAnswers -= 1;
  }
}

async function postJson(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path} returned HTTP ${response.status}: ${await response.text()}`);
  return response.json();
}

// ---------------------------------------------------------------- log

function note(text) {
  record('note', undefined, text, undefined);
}

function record(direction, message, text, payload) {
  const entry = {
    direction,
    eventName: message?.eventName,
    promiseid: message?.promiseid,
    category: message?.data?.category,
    time: Date.now(),
    summary: text ?? summarize(payload),
    data: payload,
  };
  window.__simLog.push(entry);
  renderEntry(entry);
}

function renderEntry(entry) {
  const item = document.createElement('li');
  item.className = entry.direction;
  const direction = document.createElement('span');
  direction.className = 'dir';
  direction.textContent = { in: '← in', out: '→ out', ignored: 'ignored', note: 'note' }[entry.direction];
  const label = [entry.eventName, entry.promiseid, entry.category].filter(Boolean).join(' ');
  item.append(direction, `${label} ${entry.summary ?? ''}`);
  elements.log.append(item);
  elements.log.scrollTop = elements.log.scrollHeight;
  elements.status.textContent = `(${window.__simLog.length})`;
}

function summarize(payload) {
  if (payload === undefined) return '';
  let text;
  try {
    text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  } catch {
    text = String(payload);
  }
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH)}…` : text;
}

function clamp(value, min, max) {
  return Math.min(Math.max(value, min), max);
}
