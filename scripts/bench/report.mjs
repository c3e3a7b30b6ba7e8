// Renders the benchmark's results as the Markdown of docs/benchmarks.md.
// Every number comes from `results`; the text around them names the method.
import { summarise } from './analysis.mjs';

const KB = 1024;
const FIRST_PAINT_JS_BUDGET = 16 * KB;
const LOCALE_BUDGET = 3 * KB;
const FLOOR_RATIO_TARGET = 1.5;
const COLD_SEQUENTIAL_TARGET = 2;
const NEXT_RECORD_SEQUENTIAL_TARGET = 1;
const FRAMES_AFTER_SCORES_TARGET = 2;

/** Intervals between the milestones of a load, in order, for the widget-versus-floor breakdown. */
const INTERVALS = [
  ['pageLoadArrived', 'PageLoad sent → PageLoad arrives in the frame', undefined],
  ['firstRequestSent', 'PageLoad arrives → first CRM request sent', 'pageLoadArrived'],
  ['scoresSent', 'first CRM request → scores request sent', 'firstRequestSent'],
  ['scoresArrived', 'scores request → scores response arrives', 'scoresSent'],
  ['final', 'scores response → `ready`', 'scoresArrived'],
];

export function renderReport(results) {
  const { machine, timed, bytes, nextRecord, traces, settings } = results;
  const sections = [
    header(machine, results.durationS),
    method(settings),
    targets(results),
    bytesSection(bytes),
    timingSection(timed, settings),
    roundTripSection(timed, nextRecord, settings),
    framesSection(timed),
    heapSection(timed, traces, results.profile, settings),
    layoutSection(timed),
    problemsSection(timed, results.warnings),
  ];
  return `${sections.filter(Boolean).join('\n\n')}\n`;
}

function header(machine, durationS) {
  return `# Benchmarks

Written by \`npm run bench\` (\`scripts/bench.mjs\`), which replaces this file on
every run. Every figure below was measured in the run described here.

| machine | |
| --- | --- |
| CPU | ${machine.cpu} |
| cores | ${machine.cores} |
| OS | ${machine.os} |
| Node | ${machine.node} |
| Chromium | ${machine.chromium} (headless) |
| date | ${machine.date} |
| widget built from | ${machine.source} |
| load average (1 min) at start, end | ${machine.loadAverage.start.toFixed(2)}, ${machine.loadAverage.end.toFixed(2)} |
| run time | ${durationS.toFixed(0)} s |`;
}

function method(settings) {
  return `## Method

- The local CRM simulator (\`dev/\`) serves the record page and the widget on
  two origins of 127.0.0.1; Chromium comes from \`launchBrowser\` in
  \`test/e2e/harness.mjs\`. Every load opens a new tab, so sessionStorage
  starts empty, as in a new CRM tab.
- The record is a Lead with one scoring rule. Both REST responses (scores and
  rules) are delayed by ${settings.latenciesMs.join(' or ')} ms, and the host page responds to the
  SDK's other calls at once. No org variable exists unless a row says so, so
  the simulator responds to that request with a failure.
- Clock: \`performance.timeOrigin + performance.now()\` in the host page and in
  the frame. The start is the host page sending PageLoad (its \`__simLog\`
  entry); the end is the first final value of the card's \`state\` attribute
  (\`ready\` here), seen by a MutationObserver installed before any script of
  the frame. Statistics: median and 95th percentile (nearest rank) over
  ${settings.loadsPerCase} loads per case; widget and floor loads take turns.
- The floor (\`bench/floor/\`) is served as the widget's app folder. It uses
  the same SDK stand-in and makes the same host requests in the fewest round
  trips: environment, user, org variable and theme on PageLoad, then scores
  and rules once the data centre is known. It writes the rows as plain text
  and sets \`state="ready"\`.
- Limit: both origins are one site (127.0.0.1), so Chromium runs the frame in
  the host page's renderer process and on its main thread. In CRM the widget's
  origin is another site and usually gets a process of its own. Messages here
  wait behind the other document's tasks, the host page's own work (its
  message log, for one) runs on the same thread, and the heap figure includes
  the host page. The CPU profile in section 6 shows what the host page costs.`;
}

// ---------------------------------------------------------------- targets

function targets(results) {
  const { bytes, timed, nextRecord } = results;
  const rows = [];

  const firstPaintScripts = filesBeforePaint(bytes).filter((file) => file.path.endsWith('.js'));
  const firstPaintGzip = sum(firstPaintScripts.map((file) => file.gzip));
  const largest = [...firstPaintScripts].sort((a, b) => b.gzip - a.gzip)[0];
  rows.push([
    `first-paint JS ≤ ${kb(FIRST_PAINT_JS_BUDGET)} gzip (English)`,
    `${kb(firstPaintGzip)} in ${firstPaintScripts.length} file(s)`,
    firstPaintGzip <= FIRST_PAINT_JS_BUDGET,
    largest ? `largest: \`${largest.path}\`, ${kb(largest.gzip)} gzip` : 'no script loaded before the first paint',
  ]);

  const localeSizes = bytes.locales.map((locale) => ({ tag: locale.tag, gzip: sum(locale.files.map((file) => file.gzip)) }));
  const overBudget = localeSizes.filter((locale) => locale.gzip > LOCALE_BUDGET);
  const maxLocale = Math.max(0, ...localeSizes.map((locale) => locale.gzip));
  rows.push([
    `each locale ≤ ${kb(LOCALE_BUDGET)} gzip`,
    `max ${kb(maxLocale)}`,
    overBudget.length === 0,
    overBudget.map((locale) => `${locale.tag} ${kb(locale.gzip)}`).join(', '),
  ]);

  const widgetTime = summarise(timed.widget[0].map((load) => load.figures.pageLoadToFinalMs));
  const floorTime = summarise(timed.floor[0].map((load) => load.figures.pageLoadToFinalMs));
  const ratio = widgetTime.median / floorTime.median;
  const scoresSent = summarise(timed.widget[0].map((load) => load.figures.milestones.scoresSent)).median;
  const awaitedFiles = filesAfterPageLoad(timed.widget[0]).filter((file) => file.ended < scoresSent);
  rows.push([
    `widget/floor time to ready ≤ ${FLOOR_RATIO_TARGET} at 0 ms latency (medians)`,
    `${ratio.toFixed(2)} (${ms(widgetTime.median)} / ${ms(floorTime.median)} ms)`,
    ratio <= FLOOR_RATIO_TARGET,
    [
      `largest gap: ${largestGap(timed.widget[0], timed.floor[0])}`,
      ...awaitedFiles.map((file) => `\`${file.path}\` fetched after PageLoad, response ended at ${ms(file.ended)} ms, scores request sent at ${ms(scoresSent)} ms (medians)`),
    ].join('; '),
  ]);

  // Round-trip targets are judged on the runs with delayed SDK responses, where
  // a request that went out before a response arrived cannot have waited for it.
  const delayedRuns = Object.values(nextRecord).filter((runs) => runs.delayedSdk);
  const coldDelayed = delayedRuns.flatMap((runs) => runs.first.map((figures) => figures.roundTrips));
  const coldTimed = LATENCIES(timed).flatMap((latency) => timed.widget[latency].map((load) => load.figures.roundTrips));
  const worstCold = worst(coldDelayed);
  rows.push([
    `≤ ${COLD_SEQUENTIAL_TARGET} sequential round trips, cold`,
    `max ${worstCold.sequential} over ${coldDelayed.length} loads with delayed SDK responses (by timing alone: max ${worst(coldTimed).sequential} over ${coldTimed.length} loads)`,
    worstCold.sequential <= COLD_SEQUENTIAL_TARGET,
    `critical path: ${worstCold.chain.join(' → ')}`,
  ]);

  for (const [name, runs] of Object.entries(nextRecord).filter(([, runs]) => runs.delayedSdk)) {
    const trips = runs.next.map((figures) => figures.roundTrips);
    const worstNext = worst(trips);
    rows.push([
      `≤ ${NEXT_RECORD_SEQUENTIAL_TARGET} sequential round trip on the next record (${name})`,
      `max ${worstNext.sequential} over ${trips.length} runs`,
      worstNext.sequential <= NEXT_RECORD_SEQUENTIAL_TARGET,
      `critical path: ${worstNext.chain.join(' → ')}`,
    ]);
  }

  const parallel = parallelCheck(delayedRuns.flatMap((runs) => [...runs.first, ...runs.next].map((figures) => figures.roundTrips)));
  rows.push(['user, rules and scores in parallel (SDK responses delayed)', parallel.summary, parallel.met, parallel.detail]);

  const afterScores = timed.widget[0].concat(timed.widget[150] ?? []).map((load) => load.figures.scoresToFinal).filter(Boolean);
  const maxFrames = Math.max(...afterScores.map((entry) => entry.animationFrames));
  rows.push([
    `\`ready\` within ${FRAMES_AFTER_SCORES_TARGET} animation frames of the scores response`,
    `max ${maxFrames} frames over ${afterScores.length} loads`,
    maxFrames <= FRAMES_AFTER_SCORES_TARGET,
    `max ${ms(Math.max(...afterScores.map((entry) => entry.ms)))} ms from the response to \`ready\``,
  ]);

  // The skeleton should have the loaded one-rule card's height, so the card
  // and the CRM page around its frame do not move when the scores arrive.
  const layoutLoads = timed.widget[0];
  const skeletonHeight = summarise(layoutLoads.map((load) => load.figures.heights.skeleton)).median;
  const loadedHeight = summarise(layoutLoads.map((load) => load.figures.heights.loaded)).median;
  const frameShift = summarise(layoutLoads.map((load) => load.figures.frameCls)).max;
  rows.push([
    'no layout shift: skeleton height = loaded one-rule card',
    `${px(skeletonHeight)} px vs ${px(loadedHeight)} px (median); frame CLS max ${frameShift?.toFixed(4)}`,
    skeletonHeight === loadedHeight && frameShift === 0,
    skeletonHeight === loadedHeight
      ? ''
      : `the benchmark's rule has a description, whose "About this rule" row (${px(loadedHeight - skeletonHeight)} px) the skeleton does not reserve; the card grows at its bottom, so nothing inside the frame moves, but the frame is resized`,
  ]);

  const unmet = rows.filter((row) => !row[2]);
  const lines = [
    '## Targets',
    '',
    unmet.length === 0 ? 'Every target is met.' : `${unmet.length} of ${rows.length} targets are not met; the reason column says what the run measured about each.`,
    '',
    table(['target', 'measured', 'met', 'reason or detail'], rows.map(([target, measured, met, reason]) => [target, measured, met ? 'yes' : '**no**', reason || '—'])),
  ];
  return lines.join('\n');
}

function LATENCIES(timed) {
  return Object.keys(timed.widget).map(Number);
}

function worst(trips) {
  return trips.reduce((best, trip) => (best === undefined || trip.sequential > best.sequential ? trip : best), undefined) ?? { sequential: NaN, chain: [] };
}

// In parallel: neither scores nor rules waited for the user response (delayed
// longest), and when both were sent, each went out before the other's response.
function parallelCheck(trips) {
  const find = (trip, label) => trip.requests.find((request) => request.label === label);
  const sentBefore = (request, other) => request === undefined || other === undefined || other.respondedAt === undefined || request.sentAt < other.respondedAt;
  const failing = trips.filter((trip) => {
    const [user, scores, rules] = ['user', 'scores', 'rules'].map((label) => find(trip, label));
    return !(sentBefore(scores, user) && sentBefore(rules, user) && sentBefore(scores, rules) && sentBefore(rules, scores));
  });
  const rulesSent = trips.filter((trip) => find(trip, 'rules') !== undefined).length;
  return {
    met: failing.length === 0,
    summary: `in ${trips.length - failing.length} of ${trips.length} loads`,
    detail: `rules were requested in ${rulesSent} of them and read from the session cache in the others`,
  };
}

/** Median request and response-end times (ms after PageLoad) of each file fetched after PageLoad. */
function filesAfterPageLoad(loads) {
  const byPath = new Map();
  for (const load of loads) {
    for (const file of load.figures.filesAfterPageLoad) byPath.set(file.path, [...(byPath.get(file.path) ?? []), file]);
  }
  return [...byPath].map(([path, files]) => ({
    path,
    loads: files.length,
    requested: summarise(files.map((file) => file.requested)).median,
    ended: summarise(files.map((file) => file.ended)).median,
  }));
}

function largestGap(widgetLoads, floorLoads) {
  const gaps = INTERVALS.map(([key, label, from]) => {
    const interval = (load) => load.figures.milestones[key] - (from ? load.figures.milestones[from] : 0);
    const widget = summarise(widgetLoads.map(interval)).median;
    const floor = summarise(floorLoads.map(interval)).median;
    return { label, extra: widget - floor };
  });
  const largest = gaps.reduce((best, gap) => (gap.extra > best.extra ? gap : best));
  return `${largest.label}, ${ms(largest.extra)} ms more than the floor (medians)`;
}

// ---------------------------------------------------------------- 1. bytes

function filesBeforePaint(bytes) {
  return bytes.files.filter((file) => file.before > file.after);
}

function bytesSection(bytes) {
  const before = filesBeforePaint(bytes);
  const after = bytes.files.filter((file) => file.before <= file.after);
  const fileRow = (file) => [`\`${file.path}\``, bytesText(file.raw), bytesText(file.gzip), `${file.before}/${file.before + file.after}`];
  const totalRow = (files, label) => [`**${label}**`, bytesText(sum(files.map((file) => file.raw))), bytesText(sum(files.map((file) => file.gzip))), ''];
  const scripts = before.filter((file) => file.path.endsWith('.js'));

  const localeRows = bytes.locales.map((locale) => [
    locale.tag,
    locale.files.map((file) => `\`${file.path}\``).join(', ') || '(none)',
    bytesText(sum(locale.files.map((file) => file.raw))),
    bytesText(sum(locale.files.map((file) => file.gzip))),
    `${locale.finalState}, lang=${locale.lang}`,
  ]);

  return `## 1. Bytes

Files the widget frame loaded (its Resource Timing entries), sized as the
simulator serves them: raw, and gzip at level 9. A file counts as loaded
before the first paint when its response ended before the frame's
\`first-paint\` entry in most of the ${bytes.loads} English loads at 0 ms; the last
column says in how many. A file that finishes loading before the first paint
counts even when the paint does not need it. The SDK stand-in is left out, as
Zoho's SDK would be. KB means 1024 bytes.

Medians after the frame's navigation started: first paint ${ms(bytes.paints.firstPaint.median)} ms, first
contentful paint ${ms(bytes.paints.firstContentfulPaint.median)} ms.

Before the first paint:

${table(['file', 'raw', 'gzip', 'loads before paint'], [...before.map(fileRow), totalRow(before, 'all'), totalRow(scripts, 'JavaScript')])}

After the first paint:

${after.length ? table(['file', 'raw', 'gzip', 'loads before paint'], after.map(fileRow)) : 'Nothing.'}

Per locale: the scripts a load with that user locale fetched that no English
load fetched, and the card's final state and \`lang\` in that load.

${table(['locale', 'files', 'raw', 'gzip', 'card'], localeRows)}`;
}

// ---------------------------------------------------------------- 2-3. time

function timingSection(timed, settings) {
  const rows = [];
  const ratios = [];
  for (const latency of settings.latenciesMs) {
    const widget = summarise(timed.widget[latency].map((load) => load.figures.pageLoadToFinalMs));
    const floor = summarise(timed.floor[latency].map((load) => load.figures.pageLoadToFinalMs));
    rows.push(timeRow('widget', latency, widget), timeRow('floor', latency, floor));
    ratios.push([`${latency} ms`, (widget.median / floor.median).toFixed(2), (widget.p95 / floor.p95).toFixed(2)]);
  }

  const milestoneRows = INTERVALS.map(([key, label, from]) => {
    const interval = (load) => load.figures.milestones[key] - (from ? load.figures.milestones[from] : 0);
    return [label, ms(summarise(timed.widget[0].map(interval)).median), ms(summarise(timed.floor[0].map(interval)).median)];
  });

  const fileRows = ['widget', 'floor'].flatMap((name) =>
    filesAfterPageLoad(timed[name][0]).map((file) => [name, `\`${file.path}\``, String(file.loads), ms(file.requested), ms(file.ended)]),
  );

  return `## 2–3. Time from PageLoad to \`ready\`, widget and floor

${table(['page', 'REST latency', 'loads', 'median ms', 'p95 ms', 'min ms', 'max ms'], rows)}

Widget divided by floor:

${table(['REST latency', 'median ratio', 'p95 ratio'], ratios)}

Where the time goes at 0 ms latency (median of each interval, in ms):

${table(['interval', 'widget', 'floor'], milestoneRows)}

Files the frame requested after PageLoad arrived, at 0 ms latency (ms after
PageLoad was sent, medians):

${fileRows.length ? table(['page', 'file', 'loads', 'requested', 'response ended'], fileRows) : 'None.'}`;
}

function timeRow(name, latency, stats) {
  return [name, `${latency} ms`, String(stats.count), ms(stats.median), ms(stats.p95), ms(stats.min), ms(stats.max)];
}

// ---------------------------------------------------------------- 4. round trips

function roundTripSection(timed, nextRecord, settings) {
  const row = (label, tripsList) => {
    const sequential = summarise(tripsList.map((trips) => trips.sequential));
    const total = summarise(tripsList.map((trips) => trips.total));
    const resizes = summarise(tripsList.map((trips) => trips.resizes));
    const deepest = worst(tripsList);
    return [
      label,
      String(tripsList.length),
      String(total.median),
      `${sequential.median} (max ${sequential.max})`,
      deepest.rounds.map((round, index) => `${index + 1}: ${round.join(', ')}`).join('; '),
      String(resizes.median),
    ];
  };

  const rows = [];
  for (const latency of settings.latenciesMs) {
    rows.push(row(`widget, new tab, ${latency} ms`, timed.widget[latency].map((load) => load.figures.roundTrips)));
  }
  rows.push(row('floor, new tab, 0 ms', timed.floor[0].map((load) => load.figures.roundTrips)));
  for (const [name, runs] of Object.entries(nextRecord)) {
    rows.push(row(`${name}, first record`, runs.first.map((figures) => figures.roundTrips)));
    rows.push(row(`${name}, next record`, runs.next.map((figures) => figures.roundTrips)));
  }

  const frameChecks = Object.entries(nextRecord).map(
    ([name, runs]) =>
      `- ${name}: a new iframe in ${runs.newFrames} of ${runs.next.length} runs. Its document started with ${summarise(runs.next.map((figures) => figures.cachedKeys)).median} sessionStorage entries (median).`,
  );

  return `## 4. Host round trips before \`ready\`

CRM requests the frame sent before its final state (resize requests and the
SDK's handshake apart), from the frame's own records of each message sent and
received. A request's round is one more than the highest round of the requests
whose responses had arrived when it was sent. The highest round with a
response before \`ready\` is the number of sequential round trips. Timing
cannot tell a real dependency from a request that only came later, so this
count is an upper bound.
The rounds column shows the load with the most sequential round trips.

Rows marked "SDK responses delayed" separate real waits from requests that
merely came later. There the host page delays its SDK responses: environment
${settings.delayedResponseMs.environment} ms, theme ${settings.delayedResponseMs.preference} ms, org variable ${settings.delayedResponseMs.orgVariable} ms, user ${settings.delayedResponseMs.user} ms. A request sent before a
response arrived did not wait for it, and a request sent just after one
probably did. The targets above are judged on these rows.

"Next record" opens a second Lead of the same module in the same tab through
the host page's record field and Load button, ${settings.nextRecordRuns} runs per row. The host page
reloads and builds a new iframe, and the widget origin's sessionStorage stays,
as these checks of the next record's frame show:

${frameChecks.join('\n')}

${table(['case', 'loads', 'requests (median)', 'sequential (median)', 'rounds', 'resizes before ready'], rows)}`;
}

// ---------------------------------------------------------------- 5. frames

function framesSection(timed) {
  const rows = [];
  for (const name of ['widget', 'floor']) {
    for (const latency of LATENCIES(timed)) {
      const entries = timed[name][latency].map((load) => load.figures.scoresToFinal).filter(Boolean);
      const time = summarise(entries.map((entry) => entry.ms));
      const frames = summarise(entries.map((entry) => entry.animationFrames));
      rows.push([name, `${latency} ms`, ms(time.median), ms(time.p95), ms(time.max), String(frames.median), String(frames.max)]);
    }
  }
  return `## 5. From the scores response to \`ready\`

From the scores response's \`message\` event in the frame (a listener added
before the SDK's) to the \`state\` change; frames are the frame's
requestAnimationFrame callbacks in between.

${table(['page', 'REST latency', 'median ms', 'p95 ms', 'max ms', 'frames (median)', 'frames (max)'], rows)}`;
}

// ---------------------------------------------------------------- 6. heap and tasks

function heapSection(timed, traces, profile, settings) {
  const heap = (name) => summarise(timed[name][0].map((load) => load.measurement.jsHeapUsedBytes));
  const widgetHeap = heap('widget');
  const floorHeap = heap('floor');
  const longTask = (name, key) => summarise(LATENCIES(timed).flatMap((latency) => timed[name][latency].map((load) => load.figures.longTaskMs[key])));
  const traceRow = (name) => {
    const loads = traces[name];
    if (loads.length === 0) return [name, '—', '—', '—', 'no renderer task found in the traces'];
    const duration = summarise(loads.map((trace) => trace.longest.durationMs));
    const longest = loads.reduce((best, trace) => (trace.longest.durationMs > best.longest.durationMs ? trace : best));
    return [name, ms(duration.median), ms(duration.max), String(summarise(loads.map((trace) => trace.tasksOver50Ms)).median), longest.longest.text];
  };
  const windowRows = ['widget', 'floor'].flatMap((name) =>
    traces[name]
      .filter((trace) => trace.beforeScores)
      .map((trace) => [name, ms(trace.beforeScores.windowMs), ms(trace.beforeScores.busyMs), trace.beforeScores.longest.text]),
  );
  const functionRows = profile.functions.map((entry) => [
    ms(entry.msPerLoad),
    entry.name || '(anonymous)',
    entry.url ? `\`${new URL(entry.url).pathname}\` ${entry.line + 1}:${entry.column + 1}` : '(V8 or Blink)',
    entry.code ? `\`${entry.code.replaceAll('`', "'")}\`` : '',
  ]);

  return `## 6. JS heap and longest main-thread task

Heap: \`JSHeapUsedSize\` from CDP \`Performance.getMetrics\` after
\`HeapProfiler.collectGarbage\`, after the settle time that follows \`ready\`,
over the ${widgetHeap.count} loads at 0 ms. It is the renderer's V8 heap, shared by
the host page and the frame, so the widget's own share is best read as the
difference from the floor.

${table(['page', 'median', 'max'], [
    ['widget', bytesText(widgetHeap.median), bytesText(widgetHeap.max)],
    ['floor', bytesText(floorHeap.median), bytesText(floorHeap.max)],
    ['widget − floor', bytesText(widgetHeap.median - floorHeap.median), ''],
  ])}

Long tasks: a \`longtask\` PerformanceObserver in the frame reports tasks of 50 ms
or more, the frame's own (\`self\`) and the host page's on the shared thread.
Longest per load (0 when none), all latencies:

${table(['page', 'frame median ms', 'frame max ms', 'any median ms', 'any max ms'], ['widget', 'floor'].map((name) => [name, ms(longTask(name, 'frame').median), ms(longTask(name, 'frame').max), ms(longTask(name, 'any').median), ms(longTask(name, 'any').max)]))}

Chromium traces of ${settings.tracedLoads} more loads each at 0 ms (categories \`toplevel\`,
\`devtools.timeline\`, \`v8.execute\`) give the longest \`RunTask\` on the
renderer main thread from the request for widget.html to the end of the
trace, whatever its length. Tracing slows the page, so these durations run
higher than the untraced ones above. The last column describes the longest
task of all: the function that posted it and the longest events inside it.

${table(['page', 'longest task ms (median)', 'max ms', 'tasks over 50 ms (median)', 'longest task'], [traceRow('widget'), traceRow('floor')])}

The table below reads the same traces between the frame's first CRM request
and its scores request: the main thread's busy time in that window and its
longest task, which holds back the scores request by its length. The frame
leaves a \`console.timeStamp\` mark at a known time, which places the two
requests in the trace.

${windowRows.length ? table(['page', 'window ms', 'busy ms', 'longest task'], windowRows) : 'No trace had both requests.'}

Functions with the most self time in ${profile.loads} widget loads under V8's sampling
profiler (200 µs), host page and frame together, idle time left out; names in
the bundle are minified, so the code column shows where each starts:

${table(['ms per load', 'function', 'where', 'code'], functionRows)}`;
}

// ---------------------------------------------------------------- 7. layout

function layoutSection(timed) {
  const loads = timed.widget[0];
  const skeleton = summarise(loads.map((load) => load.figures.heights.skeleton));
  const loaded = summarise(loads.map((load) => load.figures.heights.loaded));
  const frameCls = summarise(loads.map((load) => load.figures.frameCls));
  const hostCls = summarise(loads.map((load) => load.figures.hostCls));
  const floorHostCls = summarise(timed.floor[0].map((load) => load.figures.hostCls));

  return `## 7. Layout shift

Heights of \`<entity-score-card>\` (ResizeObserver, border box): the last one
while \`state\` was \`loading\` (the skeleton) and the last one after the settle
time (the loaded one-rule card). Cumulative layout shift: the largest session
window of \`layout-shift\` entries without recent input, in the frame and in the
host page from PageLoad on (a resize of the frame moves the host page's
content). ${loads.length} widget loads at 0 ms.

${table(['figure', 'median', 'min', 'max'], [
    ['skeleton height px', px(skeleton.median), px(skeleton.min), px(skeleton.max)],
    ['loaded height px', px(loaded.median), px(loaded.min), px(loaded.max)],
    ['loaded − skeleton px', px(loaded.median - skeleton.median), '', ''],
    ['CLS in the frame', cls(frameCls.median), cls(frameCls.min), cls(frameCls.max)],
    ['CLS in the host page', cls(hostCls.median), cls(hostCls.min), cls(hostCls.max)],
    ['CLS in the host page, floor', cls(floorHostCls.median), cls(floorHostCls.min), cls(floorHostCls.max)],
  ])}`;
}

function problemsSection(timed, warnings) {
  const { failures } = timed;
  const notReady = ['widget', 'floor'].flatMap((name) =>
    LATENCIES(timed).flatMap((latency) => timed[name][latency].filter((load) => load.figures.finalState !== 'ready').map((load) => `${name} at ${latency} ms ended in state ${load.figures.finalState}`)),
  );
  if (failures.length === 0 && warnings.length === 0 && notReady.length === 0) return '';
  const lines = ['## Problems during the run', ''];
  for (const failure of failures) lines.push(`- failed load: ${failure}`);
  for (const load of notReady) lines.push(`- ${load}; its time counts to that state`);
  for (const warning of [...new Set(warnings)]) lines.push(`- simulator: ${warning}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------- formatting

function table(headers, rows) {
  const line = (cells) => `| ${cells.map((cell) => String(cell ?? '').replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}

function ms(value) {
  return Number.isFinite(value) ? value.toFixed(1) : '—';
}

function px(value) {
  return Number.isFinite(value) ? value.toFixed(0) : '—';
}

function cls(value) {
  return Number.isFinite(value) ? value.toFixed(4) : '—';
}

function kb(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function bytesText(bytes) {
  return Number.isFinite(bytes) ? `${bytes} B (${kb(bytes)})` : '—';
}
