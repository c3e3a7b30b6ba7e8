// One test per scenario file: opens the host page, lets the real widget run
// against the simulator, and checks the card against the scenario's `expect`.
// SCENARIOS_DIR (paths separated by ":" or ";" as the OS uses) adds folders.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarios } from '../../dev/scenarios.mjs';
import { BUILTIN_SCENARIOS_DIR } from '../../dev/server.mjs';
import {
  countConnectionRequests,
  DEFAULT_SETTLE_MS,
  findWidgetFrame,
  readFrameProblems,
  readHostLog,
  startHarness,
  textContains,
  waitForCard,
} from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = join(ROOT, 'app', 'build', 'score-card.js');
const extraDirs = (process.env.SCENARIOS_DIR ?? '').split(delimiter).filter(Boolean).map((dir) => resolve(dir));

// Loaded synchronously: node:test needs the list of tests before any hook runs.
const { scenarios, errors } = loadScenarios([BUILTIN_SCENARIOS_DIR, ...extraDirs], { fixturesDir: join(ROOT, 'test', 'fixtures') });

let harness;

before(async () => {
  assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run "npm run build" before the end-to-end tests`);
  harness = await startHarness({ scenarioDirs: extraDirs });
});

after(async () => {
  await harness?.close();
});

test('scenario files are all valid', () => {
  assert.deepEqual(errors.map((error) => error.message), []);
});

for (const [name, scenario] of scenarios) {
  const expect = scenario.expect;
  if (!expect) {
    test(`scenario ${name}`, { skip: 'the scenario has no "expect"' }, () => {});
    continue;
  }

  test(`scenario ${name}`, async () => {
    const { page, pageErrors, dialogs } = await harness.openScenario(name);
    try {
      const frame = await findWidgetFrame(page, harness.simulator.widgetOrigin);
      const card = await waitForCard(page, frame, expect, expect.settleMs ?? DEFAULT_SETTLE_MS);
      const context = await describe(page, card);

      assert.ok(card.found, `no <entity-score-card> in the widget frame${context}`);
      assert.equal(card.state, expect.state, `state${context}`);
      assert.equal(card.errorCode ?? undefined, expect.errorCode, `error-code${context}`);
      for (const text of expect.texts ?? []) {
        assert.ok(textContains(card.text, text), `the card does not show "${text}"${context}`);
      }
      for (const text of expect.absentTexts ?? []) {
        assert.ok(!textContains(card.text, text), `the card shows "${text}", which it must not${context}`);
      }
      if (expect.connectionRequests !== undefined) {
        assert.equal(await countConnectionRequests(page), expect.connectionRequests, `CRM_CONNECTION requests${context}`);
      }

      // Whatever the data, the card shows it as text and the page's policy holds.
      assert.deepEqual(card.markup, [], 'elements created from data in the card');
      assert.deepEqual(dialogs, [], 'dialogs opened by the widget');
      assert.deepEqual(await readFrameProblems(frame), [], 'CSP violations or uncaught errors in the widget frame');

      // The widget must only use calls the host implements.
      const log = await readHostLog(page);
      const unsupported = log.filter((entry) => entry.direction === 'out' && /does not implement/.test(entry.summary));
      assert.deepEqual(unsupported.map((entry) => entry.summary), [], 'the widget used calls the simulator does not implement');
      assert.deepEqual(pageErrors, [], 'uncaught errors in the page or the widget frame');
    } finally {
      await page.close();
    }
  });
}

// Shown in an assertion message: what the card showed and the last messages exchanged.
async function describe(page, card) {
  const log = await readHostLog(page);
  const tail = log.slice(-12).map((entry) => `  ${entry.direction} ${entry.eventName ?? ''} ${entry.promiseid ?? ''} ${entry.summary}`.slice(0, 220));
  return [
    '',
    `  card: state=${card.state} error-code=${card.errorCode}${card.timedOut ? ' (timed out waiting)' : ''}`,
    `  text: ${card.text.slice(0, 400)}`,
    `  host: ${JSON.stringify(card.host)}`,
    '  last messages:',
    ...tail,
  ].join('\n');
}
