// Tests of the simulator itself, run with the protocol probe page in place of
// the widget, so they pass or fail independently of the widget's code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findWidgetFrame, readHostLog, startHarness } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WAIT_MS = 5000;
const PROBE = { widget: 'probe' };

const extraDir = mkdtempSync(join(tmpdir(), 'entity-score-scenarios-'));
const loggedErrors = [];
let harness;

before(async () => {
  writeFileSync(
    join(extraDir, 'dropped-in.json'),
    JSON.stringify({
      description: 'A scenario from an extra folder.',
      pageLoad: { Entity: 'Contacts', EntityId: '4876876000000999001' },
      scores: { status: 200, body: { data: [{ id: '4876876000000999101', Score: 42, Positive_Score: 42, Scoring_Rule: { id: '4876876000000999201', name: null } }] } },
    }),
  );
  writeFileSync(join(extraDir, 'broken.json'), '{ "description": "missing a brace" ');

  const logger = { log() {}, info() {}, warn() {}, error: (...parts) => loggedErrors.push(parts.join(' ')) };
  harness = await startHarness({ scenarioDirs: [extraDir], logger });
});

after(async () => {
  await harness?.close();
  rmSync(extraDir, { recursive: true, force: true });
});

async function openProbe(scenario, query = {}, options = {}) {
  const opened = await harness.openScenario(scenario, { ...PROBE, ...query }, options);
  const frame = await findWidgetFrame(opened.page, harness.simulator.widgetOrigin, '/__sim/probe.html');
  await frame.waitForFunction(() => window.__probe?.done === true, { timeout: WAIT_MS, polling: 50 });
  return { ...opened, frame, probe: await frame.evaluate(() => window.__probe) };
}

// Posts raw SDK messages from inside the frame and collects the responses by promiseid.
function sendFromFrame(frame, messages) {
  return frame.evaluate(
    (toSend, timeoutMs) =>
      new Promise((resolve) => {
        const serviceOrigin = decodeURIComponent(new URLSearchParams(window.location.search).get('serviceOrigin'));
        const responses = {};
        const finish = () => resolve(responses);
        window.addEventListener('message', (event) => {
          const data = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
          if (toSend.some((message) => message.promiseid === data.promiseid)) responses[data.promiseid] = data;
          if (Object.keys(responses).length === toSend.length) finish();
        });
        setTimeout(finish, timeoutMs);
        for (const message of toSend) window.parent.postMessage(message, serviceOrigin);
      }),
    messages,
    WAIT_MS,
  );
}

function crmEvent(promiseid, data) {
  return { type: 'SDK.EVENT', eventName: 'CRM_EVENT', uniqueID: 'test', time: Date.now(), promiseid, data: { sdkVersion: '1', ...data } };
}

test('probe completes handshake and calls', async () => {
  const { page, probe } = await openProbe('sample-lead');
  try {
    assert.deepEqual(probe.pageLoads, [{ Entity: 'Leads', EntityId: '487687600000038603' }]);
    assert.equal(probe.initResolved, true, 'init() resolves after the get_zdk_url failure');
    assert.equal(probe.results.environment.resolved.deployment, 'US');
    assert.equal(probe.results.user.resolved.users[0].locale, 'en_US');
    assert.deepEqual(probe.results.preference.resolved, { mode: 'day' });
    assert.ok(probe.results.orgVariable.rejected, 'an absent org variable is a failure');
    assert.equal(probe.results.resize.resolved, true);

    const scores = probe.results.scores.resolved;
    assert.equal(scores.code, 'SUCCESS');
    assert.deepEqual(
      Object.keys(scores.details.statusMessage.data[0]).sort(),
      ['Negative_Score', 'Positive_Score', 'Score', 'Scoring_Rule', 'id'],
      'only the requested fields and id come back',
    );
    assert.equal(probe.results.rules.resolved.details.statusMessage.scoring_rules[1].active, false);

    const height = await page.$eval('#widget-frame', (element) => element.style.height);
    assert.equal(height, '240px');
  } finally {
    await page.close();
  }
});

test('stand-in keeps the SDK quirks', async () => {
  const { page, probe } = await openProbe('sample-lead');
  try {
    assert.match(probe.beforeInit, /Cannot read properties of undefined/);
    assert.equal(probe.beforeContext, 'Parentwindow reference not found.');
    assert.equal(probe.lateHandlerCalls, 0, 'a handler registered after init() is never called');
  } finally {
    await page.close();
  }
});

test('host message order and promise ids', async () => {
  const { page } = await openProbe('sample-lead');
  try {
    const log = await readHostLog(page);
    const exchanged = log.filter((entry) => entry.direction === 'in' || entry.direction === 'out');
    assert.deepEqual(
      exchanged.slice(0, 3).map((entry) => `${entry.direction} ${entry.eventName}`),
      ['in REGISTER', 'out SET_CONTEXT', 'out PageLoad'],
    );

    // Promise100 went to the probe's call between init() and SET_CONTEXT: the SDK
    // counts an id even for a call that throws.
    const zdk = exchanged.find((entry) => entry.eventName === 'ZDK_EVENT');
    assert.equal(zdk.promiseid, 'Promise101');
    const zdkAnswer = exchanged.find((entry) => entry.direction === 'out' && entry.promiseid === 'Promise101');
    assert.equal(zdkAnswer.eventName, 'EVENT_RESPONSE_FAILURE');

    const requests = exchanged.filter((entry) => entry.eventName === 'CRM_EVENT');
    assert.equal(requests[0].promiseid, 'Promise102');
    for (const request of requests) {
      const responsesTo = exchanged.filter((entry) => entry.direction === 'out' && entry.promiseid === request.promiseid);
      assert.equal(responsesTo.length, 1, `exactly one response to ${request.promiseid}`);
    }
  } finally {
    await page.close();
  }
});

test('host ignores messages from another window', async () => {
  const { page } = await openProbe('sample-lead');
  try {
    await page.evaluate((message) => window.postMessage(message, '*'), crmEvent('PromiseFromHost', { category: 'CONFIG', type: 'CURRENT_USER' }));
    await page.waitForFunction(() => window.__simLog.some((entry) => entry.direction === 'ignored'), { timeout: WAIT_MS, polling: 50 });

    const log = await readHostLog(page);
    assert.ok(log.some((entry) => entry.direction === 'ignored' && /another window/.test(entry.summary)));
    assert.ok(!log.some((entry) => entry.direction === 'out' && entry.promiseid === 'PromiseFromHost'), 'no response is sent');
  } finally {
    await page.close();
  }
});

test('host ignores messages from another origin', async () => {
  const { page, frame } = await openProbe('sample-lead');
  try {
    // Same frame window, but now showing a page of the host origin instead of the widget's.
    const hostOrigin = new URL(harness.simulator.hostUrl).origin;
    await frame.goto(`${hostOrigin}/__sim/scenarios`);
    await frame.evaluate((message) => window.parent.postMessage(message, '*'), crmEvent('PromiseWrongOrigin', { category: 'CONFIG', type: 'CURRENT_USER' }));
    await page.waitForFunction(() => window.__simLog.some((entry) => entry.direction === 'ignored'), { timeout: WAIT_MS, polling: 50 });

    const log = await readHostLog(page);
    assert.ok(log.some((entry) => entry.direction === 'ignored' && entry.summary.includes(`from origin ${hostOrigin}`)));
    assert.ok(!log.some((entry) => entry.direction === 'out' && entry.promiseid === 'PromiseWrongOrigin'), 'no response is sent');
  } finally {
    await page.close();
  }
});

test('host fails unknown categories and types', async () => {
  const { page, frame } = await openProbe('sample-lead');
  try {
    const responses = await sendFromFrame(frame, [
      crmEvent('PromiseA', { category: 'BLUEPRINT' }),
      crmEvent('PromiseB', { category: 'CONFIG', type: 'CREATEUSER' }),
      crmEvent('PromiseC', { category: 'UI', action: { popup: 'CLOSE' } }),
    ]);

    for (const [promiseid, name] of [['PromiseA', 'BLUEPRINT'], ['PromiseB', 'CREATEUSER'], ['PromiseC', 'popup']]) {
      assert.equal(responses[promiseid]?.eventName, 'EVENT_RESPONSE_FAILURE', `${promiseid} gets a failure`);
      assert.match(responses[promiseid].data.message, new RegExp(name), `${promiseid}'s failure names ${name}`);
    }
  } finally {
    await page.close();
  }
});

test('host clamps resize requests', async () => {
  const { page, frame } = await openProbe('sample-lead');
  try {
    const responses = await sendFromFrame(frame, [crmEvent('PromiseTall', { category: 'UI', action: 'RESIZE', data: { height: '99999', width: 10 } })]);
    assert.equal(responses.PromiseTall.data, true);

    const style = await page.$eval('#widget-frame', (element) => ({ height: element.style.height, width: element.style.width }));
    assert.equal(style.height, '1600px');
    assert.equal(style.width, '120px');
  } finally {
    await page.close();
  }
});

test('resend button repeats PageLoad', async () => {
  const { page, frame } = await openProbe('sample-lead');
  try {
    await page.click('#sim-resend');
    await frame.waitForFunction(() => window.__probe.pageLoads.length === 2, { timeout: WAIT_MS, polling: 50 });
    const pageLoads = await frame.evaluate(() => window.__probe.pageLoads);
    assert.deepEqual(pageLoads[1], pageLoads[0]);
  } finally {
    await page.close();
  }
});

test('resend builds PageLoad from parameters', async () => {
  const record = '487687600000038603';
  const { page } = await harness.openScenario('no-pageload', { ...PROBE, module: 'Leads', record });
  try {
    const frame = await findWidgetFrame(page, harness.simulator.widgetOrigin, '/__sim/probe.html');
    await page.waitForFunction(() => window.__simStatus.registered, { timeout: WAIT_MS, polling: 50 });
    assert.equal(await page.$eval('#sim-resend', (button) => button.disabled), false, 'the button is enabled');
    assert.equal(await frame.evaluate(() => window.__probe.pageLoads.length), 0, 'the scenario itself sends no PageLoad');

    await page.click('#sim-resend');
    await frame.waitForFunction(() => window.__probe?.done === true, { timeout: WAIT_MS, polling: 50 });
    const probe = await frame.evaluate(() => window.__probe);
    assert.deepEqual(probe.pageLoads, [{ Entity: 'Leads', EntityId: record }]);
    assert.equal(probe.results.scores.resolved.details.statusMessage.data.length, 2, 'the mock serves the record of the parameters');

    const notes = (await readHostLog(page)).filter((entry) => entry.direction === 'note').map((entry) => entry.summary);
    assert.ok(notes.some((text) => /apply to Resend PageLoad only/.test(text)), `the log explains the parameters: ${notes.join(' | ')}`);
    assert.ok(notes.some((text) => /sending a PageLoad built from the module and record parameters/.test(text)), 'the log names what was sent');
  } finally {
    await page.close();
  }
});

test('resend disabled without any PageLoad', async () => {
  const { page } = await harness.openScenario('no-pageload', PROBE);
  try {
    await page.waitForFunction(() => window.__simStatus.registered, { timeout: WAIT_MS, polling: 50 });
    assert.equal(await page.$eval('#sim-resend', (button) => button.disabled), true, 'the button is disabled');
    const hint = await page.$eval('#sim-resend-hint', (element) => (element.hidden ? '' : element.textContent));
    assert.match(hint, /sends no PageLoad.*enter a module and a record id/, 'the reason shows under the button');

    const notes = (await readHostLog(page)).filter((entry) => entry.direction === 'note').map((entry) => entry.summary);
    assert.ok(notes.some((text) => /Resend PageLoad is disabled/.test(text)), 'the log says why');
  } finally {
    await page.close();
  }
});

test('module field warns about letter case', async () => {
  const { page, probe } = await openProbe('sample-lead', { module: 'leads' });
  try {
    const hint = await page.$eval('#sim-module-hint', (element) => (element.hidden ? '' : element.textContent));
    assert.match(hint, /case-sensitive: write "Leads"/);
    assert.equal(probe.results.scores.resolved.details.statusMessage.code, 'INVALID_MODULE', 'the mock keeps module names case-sensitive');

    const notes = (await readHostLog(page)).filter((entry) => entry.direction === 'note').map((entry) => entry.summary);
    assert.ok(notes.some((text) => /case-sensitive/.test(text)), 'the log repeats the warning');

    await page.$eval('#sim-module', (input) => {
      input.value = 'Leads';
      input.dispatchEvent(new Event('input'));
    });
    assert.equal(await page.$eval('#sim-module-hint', (element) => element.hidden), true, 'a correct name clears the warning');
  } finally {
    await page.close();
  }
});

test('long error banner keeps panel usable', async () => {
  const badFiles = [];
  for (let index = 0; index < 40; index += 1) {
    const file = join(extraDir, `bad-${String(index).padStart(2, '0')}.json`);
    writeFileSync(file, JSON.stringify({ description: 42, pageLoad: {}, scores: { status: 204 } }));
    badFiles.push(file);
  }

  try {
    for (const [width, height] of [[1280, 720], [800, 600]]) {
      const { page, frame } = await openProbe('sample-lead', {}, { prepare: (opened) => opened.setViewport({ width, height }) });
      try {
        const layout = await page.evaluate(() => {
          const box = (selector) => document.querySelector(selector).getBoundingClientRect();
          const banner = document.querySelector('#sim-problems');
          const resend = box('#sim-resend');
          const atResend = document.elementFromPoint(resend.x + resend.width / 2, resend.y + resend.height / 2);
          return {
            bannerHeight: box('#sim-problems').height,
            bannerScrolls: banner.scrollHeight > banner.clientHeight,
            logHeight: box('#sim-log').height,
            resendBottom: resend.bottom,
            resendOnTop: atResend?.id === 'sim-resend',
          };
        });
        const size = `${width}×${height}`;
        assert.ok(layout.bannerHeight <= height * 0.2 + 1, `${size}: the banner is ${layout.bannerHeight} px high`);
        assert.ok(layout.bannerScrolls, `${size}: the banner scrolls to show all 40 errors`);
        assert.ok(layout.logHeight >= 100, `${size}: the log is ${layout.logHeight} px high`);
        assert.ok(layout.resendBottom <= height, `${size}: Resend PageLoad ends at ${layout.resendBottom} px, inside the window`);
        assert.ok(layout.resendOnTop, `${size}: nothing covers Resend PageLoad`);

        await page.click('#sim-resend');
        await frame.waitForFunction(() => window.__probe.pageLoads.length === 2, { timeout: WAIT_MS, polling: 50 });
      } finally {
        await page.close();
      }
    }
  } finally {
    for (const file of badFiles) rmSync(file, { force: true });
  }
});

test('module and record parameters override PageLoad', async () => {
  const { page, probe } = await openProbe('button-detail-view', { module: 'Leads', record: '487687600000038603' });
  try {
    assert.deepEqual(probe.pageLoads[0].EntityId, ['487687600000038603'], 'a list of ids stays a list');
    assert.equal(probe.pageLoads[0].Entity, 'Leads');
    assert.equal(probe.results.scores.resolved.details.statusMessage.data.length, 1);
  } finally {
    await page.close();
  }
});

test('extra scenario folder is served', async () => {
  const { page, probe } = await openProbe('dropped-in');
  try {
    assert.equal(probe.pageLoads[0].Entity, 'Contacts');
    assert.equal(probe.results.scores.resolved.details.statusMessage.data[0].Score, 42);
  } finally {
    await page.close();
  }
});

test('malformed scenario file is reported', async () => {
  const response = await fetch(new URL('/__sim/scenarios', harness.simulator.hostUrl));
  const listing = await response.json();
  const names = listing.scenarios.map((scenario) => scenario.name);
  assert.ok(names.includes('dropped-in'), 'the valid file of the folder is listed');
  assert.ok(names.includes('sample-lead'), 'built-in scenarios are still listed');
  assert.ok(!names.includes('broken'));

  const error = listing.loadErrors.find((entry) => entry.file.endsWith('broken.json'));
  assert.ok(error, 'broken.json is in loadErrors');
  assert.match(error.message, /broken\.json: invalid JSON/);
  assert.ok(loggedErrors.some((line) => line.includes('broken.json')), 'the console names broken.json');

  const { page } = await harness.openScenario('sample-lead', PROBE);
  try {
    await page.waitForSelector('#sim-problems:not([hidden])', { timeout: WAIT_MS });
    const banner = await page.$eval('#sim-problems', (element) => element.textContent);
    assert.match(banner, /broken\.json: invalid JSON/);
  } finally {
    await page.close();
  }
});

test('unknown scenario name is reported', async () => {
  const { page } = await harness.openScenario('no-such-scenario', PROBE);
  try {
    await page.waitForSelector('#sim-problems:not([hidden])', { timeout: WAIT_MS });
    const banner = await page.$eval('#sim-problems', (element) => element.textContent);
    assert.match(banner, /Unknown scenario "no-such-scenario"/);
    assert.equal(await page.$('#widget-frame'), null, 'no frame is created');
  } finally {
    await page.close();
  }
});

test('widget origin rewrites only the SDK tag', async () => {
  const origin = harness.simulator.widgetOrigin;
  const html = await (await fetch(`${origin}/widget.html`)).text();
  assert.match(html, /<script src="\/__sim\/sdk\.js"><\/script>/);
  assert.ok(!html.includes('live.zwidgets.com'), 'no reference to the CDN is left');
  assert.match(html, new RegExp(`script-src 'self' ${origin.replaceAll('.', '\\.')}`));
  assert.match(html, /<entity-score-card><\/entity-score-card>/);

  const css = await (await fetch(`${origin}/widget.css`)).text();
  assert.equal(css, readFileSync(join(ROOT, 'app', 'widget.css'), 'utf8'));

  const outside = await fetch(`${origin}/%2e%2e/package.json`);
  assert.ok(outside.status === 403 || outside.status === 404, `a path outside app/ is refused (got ${outside.status})`);
});

test('start command reads its environment', async () => {
  const sdkFile = join(extraDir, 'official-sdk.js');
  writeFileSync(sdkFile, '/* stands for ZohoEmbededAppSDK.min.js */');
  const child = spawn(process.execPath, [join(ROOT, 'dev', 'start.mjs'), '--skip-build'], {
    env: { ...process.env, PORT: '0', SCENARIOS_DIR: extraDir, SDK_FILE: sdkFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));

  try {
    const deadline = Date.now() + WAIT_MS;
    while (!/widget origin (\S+),/.test(stdout)) {
      assert.ok(Date.now() < deadline, `no start message within ${WAIT_MS} ms; output: ${stdout}${stderr}`);
      await new Promise((done) => setTimeout(done, 50));
    }
    const hostUrl = /CRM simulator: (\S+)/.exec(stdout)[1];
    const widgetOrigin = /widget origin (\S+),/.exec(stdout)[1];

    const listing = await (await fetch(new URL('/__sim/scenarios', hostUrl))).json();
    assert.ok(listing.scenarios.some((scenario) => scenario.name === 'dropped-in'), 'SCENARIOS_DIR is served');
    assert.match(stderr, /broken\.json: invalid JSON/, 'the malformed file is reported on stderr');

    const sdk = await (await fetch(`${widgetOrigin}/__sim/sdk.js`)).text();
    assert.equal(sdk, '/* stands for ZohoEmbededAppSDK.min.js */', 'SDK_FILE replaces the stand-in');
  } finally {
    // A child that already crashed has nothing left to stop or wait for.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  }
});
