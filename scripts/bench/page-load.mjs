// Opens the simulator's record page in a new tab and collects what the
// instrumentation recorded once the widget frame reaches a final state.
import { findWidgetFrame } from '../../test/e2e/harness.mjs';
import { instrumentHostPage, instrumentWidgetFrame } from './instrument.mjs';

/** Maximum wait for a final state (ready, empty, unavailable, error) after the page opens. */
const FINAL_STATE_TIMEOUT_MS = 15_000;
const POLL_INTERVAL_MS = 20;
/**
 * Wait after the final state before reading, so the resize that follows it
 * (the widget debounces it by 50 ms), the layout shifts it causes and the
 * first contentful paint are recorded too.
 */
const SETTLE_MS = 250;
// Enough to find tasks and what ran in them; the disabled-by-default categories
// slow the page down far more.
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute'];
/** Sampling interval of the CPU profiler, in µs (V8's default is 1000). */
const PROFILER_INTERVAL_US = 200;
/** A laptop-sized window, so the host page's content below the frame is on screen and its shifts count. */
const VIEWPORT = { width: 1280, height: 800 };

/**
 * Opens the host page for `scenario` in a new tab, which starts with an empty
 * sessionStorage like a new CRM tab. Returns the tab and the first frame's
 * measurement; the caller closes the tab.
 */
export async function openRecordPage(browser, simulator, { scenario, trace = false, profile = false, heap = false }) {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  await page.evaluateOnNewDocument(instrumentHostPage);
  await page.evaluateOnNewDocument(instrumentWidgetFrame);
  if (trace) await page.tracing.start({ categories: TRACE_CATEGORIES });
  const profiler = profile ? await startProfiler(page) : undefined;

  const url = new URL(simulator.hostUrl);
  url.searchParams.set('scenario', scenario);
  await page.goto(url.href);

  const measurement = await measureFrame(page, simulator, { heap });
  if (trace) measurement.trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
  if (profiler) measurement.profile = await profiler.stop();
  return { page, measurement };
}

/**
 * Opens `recordId` through the host page's record field and Load button, as a
 * user moves to another record of the same module. The host page reloads and
 * builds a new iframe; the widget origin's sessionStorage stays, because the
 * tab is the same. Returns the new frame's measurement.
 */
export async function openNextRecord(page, simulator, recordId, previous) {
  await page.$eval('#sim-record', (input, id) => (input.value = id), recordId);
  await Promise.all([page.waitForNavigation(), page.click('#sim-form button[type="submit"]')]);
  const measurement = await measureFrame(page, simulator, {});

  // The frame is new when its document started after the previous one had settled.
  measurement.newFrame = measurement.frame.bench.startedAt > previous.frame.bench.terminal.at;
  return measurement;
}

async function measureFrame(page, simulator, { heap }) {
  const frame = await findWidgetFrame(page, simulator.widgetOrigin);
  await waitForFinalState(frame);
  await pause(SETTLE_MS);

  const measurement = { host: await readHost(page), frame: await readFrame(frame) };
  if (heap) measurement.jsHeapUsedBytes = await readHeapAfterGc(page);
  return measurement;
}

// Polled from Node rather than with waitForFunction, which would add its own
// timers or animation frames to the frame being measured.
async function waitForFinalState(frame) {
  const deadline = Date.now() + FINAL_STATE_TIMEOUT_MS;
  for (;;) {
    const done = await frame.evaluate(() => window.__bench?.terminal !== undefined).catch(() => false);
    if (done) return;
    if (Date.now() > deadline) {
      const states = await frame.evaluate(() => window.__bench?.states.map((change) => change.state)).catch(() => undefined);
      throw new Error(`the widget frame reached no final state within ${FINAL_STATE_TIMEOUT_MS} ms (states seen: ${JSON.stringify(states)})`);
    }
    await pause(POLL_INTERVAL_MS);
  }
}

function readHost(page) {
  return page.evaluate(() => ({
    timeOrigin: performance.timeOrigin,
    log: window.__simLog.map(({ direction, eventName, promiseid, category, at }) => ({ direction, eventName, promiseid, category, at })),
    status: { ...window.__simStatus },
    layoutShifts: window.__benchHost.layoutShifts,
    iframes: document.querySelectorAll('iframe').length,
  }));
}

function readFrame(frame) {
  return frame.evaluate(() => {
    const card = document.querySelector('[state]');
    return {
      bench: window.__bench,
      timeOrigin: performance.timeOrigin,
      lang: card?.getAttribute('lang') ?? card?.lang ?? null,
      paints: performance.getEntriesByType('paint').map(({ name, startTime }) => ({ name, startTime })),
      navigation: performance.getEntriesByType('navigation').map(({ name, responseEnd }) => ({ name, responseEnd }))[0],
      resources: performance
        .getEntriesByType('resource')
        .map(({ name, initiatorType, startTime, responseEnd, decodedBodySize }) => ({ name, initiatorType, startTime, responseEnd, decodedBodySize })),
    };
  });
}

// Performance.getMetrics reports the renderer's V8 heap. The simulator's two
// origins are one site, so the host page and the frame share that heap.
async function readHeapAfterGc(page) {
  const session = await page.createCDPSession();
  try {
    await session.send('HeapProfiler.collectGarbage');
    const metrics = await page.metrics();
    return metrics.JSHeapUsedSize;
  } finally {
    await session.detach();
  }
}

/** Starts V8's sampling profiler for every script of the tab's renderer; `stop()` returns the profile. */
async function startProfiler(page) {
  const session = await page.createCDPSession();
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: PROFILER_INTERVAL_US });
  await session.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.send('Profiler.stop');
      await session.detach();
      return profile;
    },
  };
}

function pause(ms) {
  return new Promise((done) => setTimeout(done, ms));
}
