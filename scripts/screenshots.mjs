// `npm run screenshots`: pictures of the widget frame in its main states, taken
// in the CRM simulator at two related-list widths, written to
// docs/screenshots/<scenario>-<width>.png, plus one of the whole simulator page.
// `npm run screenshots` builds the widget first; this script does not.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../dev/server.mjs';
import { findWidgetFrame, launchBrowser, readCard, readHostStatus, waitForCard } from '../test/e2e/harness.mjs';

const OUTPUT_DIR = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const WIDTHS = [360, 900];
// Wide enough for a 900 px related list beside the simulator panel.
const VIEWPORT = { width: 1720, height: 1000 };
const PAGE_VIEWPORT = { width: 1440, height: 800 };
const WAIT_MS = 10_000;
const POLL_MS = 50;

/** Scenarios to picture; `loading` ones are taken while the scores request is still unanswered. */
const SHOTS = [
  { scenario: 'sample-lead' },
  { scenario: 'three-rules-long-name' },
  { scenario: 'no-scores' },
  { scenario: 'error-no-permission' },
  { scenario: 'never-answers', loading: true },
  { scenario: 'german-user' },
  { scenario: 'arabic-user' },
  { scenario: 'night-mode' },
];

mkdirSync(OUTPUT_DIR, { recursive: true });
const simulator = await startSimulator({ hostPort: 0, logger: { log() {}, info() {}, warn() {}, error: console.error } });
const launched = await launchBrowser();

try {
  for (const shot of SHOTS) {
    for (const width of WIDTHS) {
      const file = join(OUTPUT_DIR, `${shot.scenario}-${width}.png`);
      await takeShot(shot, width, file);
      console.log(`wrote ${file}`);
    }
  }

  const pageFile = join(OUTPUT_DIR, 'simulator-page.png');
  await takePageShot('sample-lead', pageFile);
  console.log(`wrote ${pageFile}`);
} finally {
  await launched.close();
  await simulator.close();
}

async function takeShot({ scenario, loading }, width, file) {
  const { page, frame } = await open(scenario, width);
  try {
    if (loading) {
      await waitUntil(async () => (await readHostStatus(page)).connectionRequests >= 1 && (await readCard(frame)).state === 'loading', `${scenario}: loading state`);
    } else {
      const card = await waitForCard(page, frame, undefined, WAIT_MS);
      if (card.timedOut) throw new Error(`${scenario} did not settle within ${WAIT_MS} ms (state ${card.state})`);
    }
    await waitForStableFrame(page, scenario);

    const element = await page.$('#widget-frame');
    await element.screenshot({ path: file });
  } finally {
    await page.close();
  }
}

async function takePageShot(scenario, file) {
  const { page, frame } = await open(scenario, undefined, PAGE_VIEWPORT);
  try {
    await waitForCard(page, frame, undefined, WAIT_MS);
    await waitForStableFrame(page, scenario);
    await page.screenshot({ path: file });
  } finally {
    await page.close();
  }
}

async function open(scenario, width, viewport = VIEWPORT) {
  const page = await launched.browser.newPage();
  await page.setViewport(viewport);
  const url = new URL(simulator.hostUrl);
  url.searchParams.set('scenario', scenario);
  if (width) url.searchParams.set('frameWidth', String(width));
  await page.goto(url.href);
  const frame = await findWidgetFrame(page, simulator.widgetOrigin);
  await frame.evaluate(() => document.fonts.ready);
  return { page, frame };
}

// The widget requests its height through Resize after each render. Waiting until
// the frame keeps one size for a few polls keeps the picture from being cut off.
async function waitForStableFrame(page, scenario) {
  let last = '';
  let sameCount = 0;
  await waitUntil(async () => {
    const box = await page.$eval('#widget-frame', (element) => `${element.offsetWidth}x${element.offsetHeight}`);
    sameCount = box === last ? sameCount + 1 : 0;
    last = box;
    return sameCount >= 4;
  }, `${scenario}: frame size`);
}

async function waitUntil(condition, description) {
  const deadline = Date.now() + WAIT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${description}`);
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}
