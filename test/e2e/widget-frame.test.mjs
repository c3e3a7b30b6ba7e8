// Checks of the built widget page itself in the simulator: its
// Content-Security-Policy, a second copy of the bundle on the same page, and
// chunks that fail to download.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  countConnectionRequests,
  findWidgetFrame,
  readCard,
  readFrameProblems,
  readHostLog,
  startHarness,
  textContains,
  waitForCard,
  waitForState,
} from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE_READY = { state: 'ready', texts: ['Web engagement', 'Fit score', '18', '10', '-5'] };

let harness;

before(async () => {
  assert.ok(existsSync(join(ROOT, 'app', 'build', 'score-card.js')), 'app/build/score-card.js is missing: run "npm run build" first');
  harness = await startHarness();
});

after(async () => {
  await harness?.close();
});

test('sample-lead frame has no CSP violation', async () => {
  const { page } = await harness.openScenario('sample-lead');
  try {
    const frame = await findWidgetFrame(page, harness.simulator.widgetOrigin);
    const card = await waitForCard(page, frame, SAMPLE_READY);
    assert.equal(card.state, 'ready');
    assert.deepEqual(await readFrameProblems(frame), [], 'the widget frame reported a problem');

    // The watcher does see a violation: an inline script, which the policy forbids.
    const ran = await frame.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.head.append(script);
      return window.__inlineRan === true;
    });
    assert.equal(ran, false, 'the policy blocks inline script');
    await frame.waitForFunction(() => window.__frameProblems.length > 0, { timeout: 2000, polling: 50 });
    const problems = await readFrameProblems(frame);
    assert.match(problems[0], /^CSP script-src/);
  } finally {
    await page.close();
  }
});

test('bundle evaluated twice gives one working card', async () => {
  // The scenario's widget.html loads build/score-card.js and build/score-card.js?copy=2.
  const { page, pageErrors } = await harness.openScenario('bundle-loaded-twice');
  try {
    const frame = await findWidgetFrame(page, harness.simulator.widgetOrigin);
    const card = await waitForCard(page, frame, SAMPLE_READY);

    const loaded = await frame.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname + new URL(entry.name).search),
    );
    assert.ok(loaded.includes('/build/score-card.js'), 'the first copy loaded');
    assert.ok(loaded.includes('/build/score-card.js?copy=2'), 'the second copy loaded');

    assert.equal(card.state, 'ready');
    for (const text of SAMPLE_READY.texts) assert.ok(textContains(card.text, text), `the card shows "${text}"`);
    assert.equal(await frame.evaluate(() => document.querySelectorAll('entity-score-card').length), 1);
    assert.deepEqual(await readFrameProblems(frame), [], 'errors in the widget frame');
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');

    const log = await readHostLog(page);
    assert.equal(log.filter((entry) => entry.direction === 'in' && entry.eventName === 'REGISTER').length, 1, 'one SDK handshake');
    assert.equal(await countConnectionRequests(page), 2, 'one scores and one rules request');
  } finally {
    await page.close();
  }
});

// Responds to one chunk of the build with 404, as a failed download would end.
function failChunk(widgetOrigin, chunk) {
  return async (page) => {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === widgetOrigin && url.pathname === `/build/${chunk}`) {
        return request.respond({ status: 404, contentType: 'text/plain', body: 'Not found' });
      }
      return request.continue();
    });
  };
}

for (const chunk of ['views.js', 'start.js']) {
  test(`card reports a failed ${chunk} download`, async () => {
    const prepare = failChunk(harness.simulator.widgetOrigin, chunk);
    const { page } = await harness.openScenario('sample-lead', {}, { prepare });
    try {
      const frame = await findWidgetFrame(page, harness.simulator.widgetOrigin);
      // Without start.js no PageLoad is ever requested, so the host never settles: wait for the state alone.
      await waitForState(frame, 'error');
      const card = await readCard(frame);

      assert.equal(card.errorCode, 'WIDGET_NOT_LOADED', `error code, with text: ${card.text}`);
      for (const text of ['Entity scores could not be loaded.', 'Reload the page']) {
        assert.ok(textContains(card.text, text), `the card shows "${text}"; it shows: ${card.text}`);
      }
    } finally {
      await page.close();
    }
  });
}

