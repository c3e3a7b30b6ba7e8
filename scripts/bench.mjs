// Measures the widget's size, speed, round trips, heap and layout shift in
// headless Chromium against the local CRM simulator. A floor page that does
// the least possible with the same requests is measured beside it. The results
// replace docs/benchmarks.md; `npm run bench` builds the widget first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir, type as osType, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startSimulator } from '../dev/server.mjs';
import { launchBrowser } from '../test/e2e/harness.mjs';
import { analyseLoad, analyseTrace, classifyFiles, scriptPaths, summarise, topFunctions } from './bench/analysis.mjs';
import { openNextRecord, openRecordPage } from './bench/page-load.mjs';
import { renderReport } from './bench/report.mjs';
import { DELAYED_RESPONSE_MS, NEXT_RECORD_ID, scenarioName, writeBenchScenarios } from './bench/scenarios.mjs';

const ROOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FLOOR_DIR = join(ROOT_DIR, 'bench', 'floor');
const LOCALES_DIR = join(ROOT_DIR, 'widget-src', 'i18n', 'locales');
const REPORT_FILE = join(ROOT_DIR, 'docs', 'benchmarks.md');

const LATENCIES_MS = [0, 150];
/** Page loads per page and latency; `--loads N` lowers it for a quick check of the script. */
const LOADS_PER_CASE = readLoadsOption(process.argv.slice(2)) ?? 30;
/** Tabs that open a record and then a second one of the same module. */
const NEXT_RECORD_RUNS = 4;
/** Loads traced per page; tracing slows the page, so these are kept out of the timed loads. */
const TRACED_LOADS = 3;
/** Loads under the CPU profiler, and how many of its functions the report lists. */
const PROFILED_LOADS = 3;
const PROFILE_TOP_FUNCTIONS = 8;
/** Characters of a profiled function's served code shown next to its minified name. */
const CODE_EXCERPT_LENGTH = 160;
/** Failed page loads tolerated per case before the run stops, so a broken build fails fast. */
const MAX_FAILURES_PER_CASE = 3;

const PROCESS_START = performance.now();
await main();

async function main() {
  if (!existsSync(join(ROOT_DIR, 'app', 'build'))) {
    throw new Error('app/build/ is missing: run `npm run build` first, or use `npm run bench`, which builds');
  }
  const startedAt = Date.now();
  const scenarioDir = mkdtempSync(join(tmpdir(), 'entity-score-bench-'));
  const warnings = [];
  // The simulator also reports broken built-in scenario files, which the benchmark never opens.
  const keepWarning = (text) => {
    if (!text.includes('scenario skipped') || text.includes(scenarioDir)) warnings.push(text);
  };
  const logger = {
    log() {},
    info() {},
    warn: (...args) => keepWarning(args.join(' ')),
    error: (...args) => keepWarning(args.join(' ')),
  };

  let widget;
  let floor;
  let launched;
  try {
    const locales = readdirSync(LOCALES_DIR)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => name.slice(0, -'.ts'.length))
      .sort();
    writeBenchScenarios(scenarioDir, { fixturesDir: join(ROOT_DIR, 'test', 'fixtures'), latenciesMs: LATENCIES_MS, locales });

    widget = await startSimulator({ hostPort: 0, scenarioDirs: [scenarioDir], logger });
    floor = await startSimulator({ hostPort: 0, scenarioDirs: [scenarioDir], appDir: FLOOR_DIR, logger });
    launched = await launchBrowser();
    const { browser } = launched;
    const targets = { widget, floor };

    const machine = describeMachine(await browser.version());
    progress(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.chromium}`);

    // One unmeasured load per page first: the first tab of a freshly launched
    // browser pays one-off start-up costs that would skew the first timed round.
    for (const target of Object.values(targets)) await closeAfter(openRecordPage(browser, target, { scenario: scenarioName.latency(0) }));

    const timed = await measureTimedLoads(browser, targets);
    const locale = await measureLocales(browser, widget, locales);
    const nextRecord = await measureNextRecord(browser, targets);
    const traces = await measureTraces(browser, targets);
    const profile = await measureProfile(browser, widget);
    const bytes = await measureBytes(timed.widget[0], locale);

    machine.loadAverage.end = loadavg()[0];
    const results = {
      machine,
      durationS: (Date.now() - startedAt) / 1000,
      settings: { loadsPerCase: LOADS_PER_CASE, latenciesMs: LATENCIES_MS, nextRecordRuns: NEXT_RECORD_RUNS, tracedLoads: TRACED_LOADS, profiledLoads: PROFILED_LOADS, delayedResponseMs: DELAYED_RESPONSE_MS },
      bytes,
      timed,
      nextRecord,
      traces,
      profile,
      warnings,
    };
    const markdown = renderReport(results);
    writeFileSync(REPORT_FILE, markdown);
    process.stdout.write(`${markdown}\nWritten to ${REPORT_FILE}\n`);
  } finally {
    await launched?.close();
    await widget?.close();
    await floor?.close();
    rmSync(scenarioDir, { recursive: true, force: true });
  }
}

function describeMachine(chromiumVersion) {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown CPU',
    cores: processors.length,
    // Other work on the machine slows every figure; the 1-minute load average shows how busy it was.
    loadAverage: { start: loadavg()[0], end: undefined },
    os: `${osType()} ${release()}`,
    node: process.versions.node,
    chromium: chromiumVersion,
    date: new Date().toISOString().slice(0, 10),
    source: describeSource(),
  };
}

// The build is made from the working tree, which may differ from the last commit.
function describeSource() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: ROOT_DIR, encoding: 'utf8' }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    const changed = git('status', '--porcelain', '--', 'widget-src', 'app', 'rollup.config.js', 'package.json');
    return changed === '' ? `commit ${commit}` : `commit ${commit} with uncommitted changes to the widget's sources`;
  } catch (error) {
    return `unknown (git failed: ${error.message.split('\n')[0]})`;
  }
}

/**
 * Loads the record page LOADS_PER_CASE times per latency for the widget and the
 * floor, each in a new tab with an empty sessionStorage. The cases take turns,
 * so a slow moment of the machine hits all of them alike. Returns
 * `{widget: {[latency]: loads}, floor: {…}, failures}` with loads of `{measurement, figures}`.
 */
async function measureTimedLoads(browser, targets) {
  const loads = { widget: {}, floor: {} };
  const failures = [];
  for (let round = 1; round <= LOADS_PER_CASE; round++) {
    progress(`timed loads: round ${round} of ${LOADS_PER_CASE}`);
    for (const latency of LATENCIES_MS) {
      for (const [name, simulator] of Object.entries(targets)) {
        const list = (loads[name][latency] ??= []);
        try {
          const { page, measurement } = await openRecordPage(browser, simulator, { scenario: scenarioName.latency(latency), heap: latency === 0 });
          await page.close();
          list.push({ measurement, figures: analyseLoad(measurement) });
        } catch (error) {
          failures.push(`${name} at ${latency} ms: ${error.message}`);
          if (failures.filter((failure) => failure.startsWith(`${name} at ${latency} ms`)).length > MAX_FAILURES_PER_CASE) {
            throw new Error(`too many failed page loads:\n${failures.join('\n')}`);
          }
        }
      }
    }
  }
  return { ...loads, failures };
}

/** Loads the card once per shipped locale; the files each load fetches beyond English are that locale's cost. */
async function measureLocales(browser, widget, locales) {
  const results = [];
  for (const tag of locales) {
    progress(`locale ${tag}`);
    const { page, measurement } = await openRecordPage(browser, widget, { scenario: scenarioName.locale(tag) });
    await page.close();
    results.push({ tag, measurement, figures: analyseLoad(measurement) });
  }
  return results;
}

/**
 * Opens a record and then a second record of the same module in the same tab,
 * NEXT_RECORD_RUNS times per case: the widget without and with the org
 * variable (a missing variable is a failure, which may not be cached). The
 * same two run again with the SDK's responses delayed, which separates real
 * waits from requests that merely came later. The floor caches nothing, so its next record is
 * its first one again and is left out.
 */
async function measureNextRecord(browser, targets) {
  const cases = [
    { name: 'widget', simulator: targets.widget, scenario: scenarioName.latency(0), delayedSdk: false },
    { name: 'widget, org variable set', simulator: targets.widget, scenario: scenarioName.orgVariable, delayedSdk: false },
    { name: 'widget, SDK responses delayed', simulator: targets.widget, scenario: scenarioName.delayedSdk(false), delayedSdk: true },
    { name: 'widget, org variable set, SDK responses delayed', simulator: targets.widget, scenario: scenarioName.delayedSdk(true), delayedSdk: true },
  ];
  const results = Object.fromEntries(cases.map(({ name, delayedSdk }) => [name, { delayedSdk, first: [], next: [], newFrames: 0 }]));
  for (let run = 1; run <= NEXT_RECORD_RUNS; run++) {
    progress(`next record: run ${run} of ${NEXT_RECORD_RUNS}`);
    for (const { name, simulator, scenario } of cases) {
      const { page, measurement } = await openRecordPage(browser, simulator, { scenario });
      try {
        const next = await openNextRecord(page, simulator, NEXT_RECORD_ID, measurement);
        results[name].first.push(analyseLoad(measurement));
        results[name].next.push({ ...analyseLoad(next), cachedKeys: next.frame.bench.storageKeysAtStart.length });
        if (next.newFrame && next.host.iframes === 1) results[name].newFrames += 1;
      } finally {
        await page.close();
      }
    }
  }
  return results;
}

/** Traces TRACED_LOADS loads each of the widget and the floor at 0 ms latency, for the longest main-thread tasks. */
async function measureTraces(browser, targets) {
  const results = {};
  for (const [name, simulator] of Object.entries(targets)) {
    progress(`traces: ${name}`);
    results[name] = [];
    for (let load = 1; load <= TRACED_LOADS; load++) {
      const { page, measurement } = await openRecordPage(browser, simulator, { scenario: scenarioName.latency(0), trace: true });
      await page.close();
      const analysed = analyseTrace(measurement);
      if (analysed) results[name].push(analysed);
    }
  }
  return results;
}

/**
 * Profiles PROFILED_LOADS widget loads with V8's sampling profiler. Returns the
 * functions with the most self time, each with the start of its code as
 * served, because the bundle's names are minified.
 */
async function measureProfile(browser, widget) {
  progress('CPU profiles: widget');
  const profiles = [];
  for (let load = 1; load <= PROFILED_LOADS; load++) {
    const { page, measurement } = await openRecordPage(browser, widget, { scenario: scenarioName.latency(0), profile: true });
    await page.close();
    profiles.push(measurement.profile);
  }

  const sources = new Map();
  const functions = [];
  for (const entry of topFunctions(profiles, PROFILE_TOP_FUNCTIONS)) {
    let code = '';
    if (entry.url.startsWith('http')) {
      if (!sources.has(entry.url)) sources.set(entry.url, await fetch(entry.url).then((response) => response.text()));
      code = sources.get(entry.url).split('\n')[entry.line]?.slice(entry.column, entry.column + CODE_EXCERPT_LENGTH) ?? '';
    }
    functions.push({ ...entry, code });
  }
  return { loads: profiles.length, functions };
}

/**
 * Sizes the files the widget frame loaded, raw and gzip level 9, fetching them
 * again from the simulator so they are the bytes it serves. Files before the
 * first paint come from the English loads. A locale's files are the scripts
 * its load fetched that no English load did.
 */
async function measureBytes(englishLoads, localeLoads) {
  const measurements = englishLoads.map((load) => load.measurement);
  const files = await Promise.all(classifyFiles(measurements).map(async (file) => ({ ...file, ...(await sizeOf(file.url)) })));
  const englishScripts = new Set(measurements.flatMap((measurement) => scriptPaths(measurement.frame)));

  const locales = [];
  for (const { tag, measurement, figures } of localeLoads) {
    const extra = [...new Set(scriptPaths(measurement.frame))].filter((path) => !englishScripts.has(path));
    const origin = new URL(measurement.frame.navigation.name).origin;
    const sized = await Promise.all(extra.map(async (path) => ({ path, ...(await sizeOf(`${origin}${path}`)) })));
    locales.push({ tag, files: sized, finalState: figures.finalState, lang: measurement.frame.lang });
  }

  const paints = {
    firstPaint: summarise(englishLoads.map((load) => load.figures.paints['first-paint'])),
    firstContentfulPaint: summarise(englishLoads.map((load) => load.figures.paints['first-contentful-paint'])),
  };
  return { files, loads: measurements.length, locales, paints };
}

async function sizeOf(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fetching ${url} for its size failed: HTTP ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

async function closeAfter(opening) {
  const { page } = await opening;
  await page.close();
}

function readLoadsOption(args) {
  const index = args.indexOf('--loads');
  if (index === -1) return undefined;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--loads needs a whole number of at least 1, got ${JSON.stringify(args[index + 1])}`);
  return value;
}

function progress(message) {
  process.stderr.write(`[bench ${((performance.now() - PROCESS_START) / 1000).toFixed(0)} s] ${message}\n`);
}
