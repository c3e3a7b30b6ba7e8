// Shared by the end-to-end tests and scripts/screenshots.mjs: starts the
// simulator on free ports, launches one Chromium, opens scenarios and reads
// the card's reflected state and visible text out of the widget frame.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startSimulator } from '../../dev/server.mjs';

/** How long a scenario may take to settle, unless its `expect.settleMs` sets another limit. */
export const DEFAULT_SETTLE_MS = 6000;
const POLL_INTERVAL_MS = 50;
const STABLE_POLLS = 3;
const FRAME_WAIT_MS = 5000;

/**
 * Starts the simulator and a headless Chromium.
 * @returns {Promise<{simulator, browser, openScenario, close}>}
 */
export async function startHarness({ scenarioDirs = [], logger } = {}) {
  const simulator = await startSimulator({ hostPort: 0, scenarioDirs, logger: logger ?? quietLogger() });
  let launched;
  try {
    launched = await launchBrowser();
  } catch (error) {
    await simulator.close();
    throw error;
  }

  return {
    simulator,
    browser: launched.browser,
    /**
     * Opens the host page for `scenario`; extra query parameters go to the page URL.
     * `prepare(page)` runs before the page loads, e.g. to intercept requests.
     */
    async openScenario(scenario, query = {}, { prepare } = {}) {
      const page = await launched.browser.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      // An alert() from injected markup would show here; dismissing it keeps the page running.
      const dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.evaluateOnNewDocument(watchFrameProblems);
      await prepare?.(page);
      const url = new URL(simulator.hostUrl);
      url.searchParams.set('scenario', scenario);
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
      await page.goto(url.href);
      return { page, pageErrors, dialogs };
    },
    async close() {
      await launched.close();
      await simulator.close();
    },
  };
}

/** Launches Chromium (CHROME_PATH or Debian's) with no network side traffic and a throw-away profile. */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'entity-score-e2e-'));
  const args = [
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--user-data-dir=${profile}`,
  ];
  // Chromium refuses to start its sandbox as root, which is how CI runs.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');

  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args,
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs in every document of the page, frames included, before its scripts:
 * records Content-Security-Policy violations, uncaught errors and unhandled
 * rejections in `window.__frameProblems`.
 */
function watchFrameProblems() {
  const problems = [];
  window.__frameProblems = problems;
  document.addEventListener('securitypolicyviolation', (event) => {
    problems.push(`CSP ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`);
  });
  window.addEventListener('error', (event) => problems.push(`error: ${event.error?.message ?? event.message}`));
  window.addEventListener('unhandledrejection', (event) => problems.push(`unhandled rejection: ${event.reason}`));
}

/** Reads what `watchFrameProblems` recorded in `frame` so far. */
export function readFrameProblems(frame) {
  return frame.evaluate(() => [...(window.__frameProblems ?? ['the problem watcher did not run in this frame'])]);
}

/** Counts the CRM_CONNECTION requests the widget has sent, from the host's `window.__simLog`. */
export function countConnectionRequests(page) {
  return page.evaluate(
    () => window.__simLog.filter((entry) => entry.direction === 'in' && entry.eventName === 'CRM_EVENT' && entry.category === 'CRM_CONNECTION').length,
  );
}

/** Waits (bounded) for the frame that shows `path` on the widget origin. */
export async function findWidgetFrame(page, widgetOrigin, path = '/widget.html') {
  const prefix = `${widgetOrigin}${path}`;
  const deadline = Date.now() + FRAME_WAIT_MS;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(prefix));
    if (frame) return frame;
    if (Date.now() > deadline) {
      throw new Error(`no frame at ${prefix} after ${FRAME_WAIT_MS} ms; frames: ${page.frames().map((f) => f.url()).join(', ')}`);
    }
    await pause(POLL_INTERVAL_MS);
  }
}

/**
 * Reads the card: its `state` and `error-code` attributes and its visible text,
 * walked through shadow roots and slots. Text hidden by CSS or `hidden` is left
 * out; screen-reader-only text is kept, because a user relies on it too.
 * `markup` lists any `img`, `script`, `iframe`, `object` or `embed` element in
 * the card's shadow root.
 */
export function readCard(frame) {
  return frame.evaluate(() => {
    const card = document.querySelector('entity-score-card');
    if (!card) return { found: false, state: null, errorCode: null, text: '', markup: [] };

    const parts = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.textContent);
        return;
      }
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName)) return;
        // display: contents has no box, so checkVisibility() calls it hidden.
        const contents = getComputedStyle(node).display === 'contents';
        if (!contents && !node.checkVisibility({ visibilityProperty: true })) return;
        if (node.tagName === 'SLOT') {
          node.assignedNodes({ flatten: true }).forEach(walk);
          return;
        }
        if (node.shadowRoot) {
          walk(node.shadowRoot);
          return;
        }
      }
      node.childNodes.forEach(walk);
    };
    walk(card);

    // The card renders no image, frame or script of its own; one of these would come from data.
    const markup = [...(card.shadowRoot?.querySelectorAll('img, script, iframe, object, embed') ?? [])].map((node) => node.tagName.toLowerCase());

    return {
      found: true,
      state: card.getAttribute('state'),
      errorCode: card.getAttribute('error-code'),
      text: parts.join(' ').replace(/\s+/g, ' ').trim(),
      markup,
    };
  });
}

/** Reads the host page's progress counters (`window.__simStatus`). */
export function readHostStatus(page) {
  return page.evaluate(() => ({ ...window.__simStatus }));
}

/** Reads the host page's message log (`window.__simLog`), without payloads. */
export function readHostLog(page) {
  return page.evaluate(() =>
    window.__simLog.map(({ direction, eventName, promiseid, category, summary }) => ({ direction, eventName, promiseid, category, summary })),
  );
}

/**
 * Polls until the card has settled and matches `expect`, or `timeoutMs` passes.
 * Settled means: a state other than `loading`, every PageLoad sent and no response
 * still pending (responses the scenario withholds on purpose do not count).
 * The match must hold for STABLE_POLLS polls in a row, so a response the widget
 * has not processed yet cannot slip past. Returns the last snapshot either way;
 * the caller asserts on it.
 */
export async function waitForCard(page, frame, expect, timeoutMs = DEFAULT_SETTLE_MS) {
  const deadline = Date.now() + timeoutMs;
  let snapshot;
  let matchingPolls = 0;
  for (;;) {
    const [card, host] = await Promise.all([readCard(frame), readHostStatus(page)]);
    snapshot = { ...card, host, timedOut: false };
    const settled =
      card.state !== null &&
      card.state !== 'loading' &&
      host.pageLoadsSent >= host.pageLoadsTotal &&
      host.pendingAnswers === 0;
    matchingPolls = settled && (!expect || cardMatches(card, expect)) ? matchingPolls + 1 : 0;
    if (matchingPolls >= STABLE_POLLS) return snapshot;
    if (Date.now() > deadline) return { ...snapshot, timedOut: true };
    await pause(POLL_INTERVAL_MS);
  }
}

/** Polls until the card reflects `state` (bounded); used where a scenario never settles. */
export async function waitForState(frame, state, timeoutMs = DEFAULT_SETTLE_MS) {
  await frame.waitForFunction((wanted) => document.querySelector('entity-score-card')?.getAttribute('state') === wanted, { timeout: timeoutMs, polling: POLL_INTERVAL_MS }, state);
}

function cardMatches(card, expect) {
  if (card.state !== expect.state) return false;
  if ((card.errorCode ?? undefined) !== expect.errorCode) return false;
  if (!(expect.texts ?? []).every((text) => textContains(card.text, text))) return false;
  return !(expect.absentTexts ?? []).some((text) => textContains(card.text, text));
}

/**
 * True when `expected` occurs in the card text. A number such as "10" must be
 * a whole number of its own, signed or not: "10" matches "+10" but neither
 * "-10" nor "110". Typographic minus signs and no-break spaces count as plain ones.
 */
export function textContains(text, expected) {
  const normalised = normaliseText(text);
  if (/^[-+]?\d+$/.test(expected)) {
    const before = expected.startsWith('-') ? '(?<!\\d)' : '(?<![\\d-])';
    const pattern = new RegExp(`${before}${escapeRegExp(expected)}(?!\\d)`);
    return pattern.test(normalised);
  }
  return normalised.includes(normaliseText(expected));
}

function normaliseText(text) {
  return text
    .replace(/[\u2212\u2012\u2013\uFE63\uFF0D]/g, '-')
    .replace(/[\u00A0\u202F\u2007]/g, ' ')
    .replace(/[\u200E\u200F\u061C\u2066-\u2069]/g, '');
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pause(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

// The simulator reports every deliberate REST error on the console; tests keep the output clean.
function quietLogger() {
  return { log() {}, info() {}, warn() {}, error() {} };
}
