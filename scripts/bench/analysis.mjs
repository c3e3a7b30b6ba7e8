// Turns the raw records of one page load into figures, and many loads into
// statistics. Every time here is on the shared clock (epoch milliseconds from
// performance.timeOrigin + performance.now()) unless a name says otherwise.

const RESPONSES = new Set(['EVENT_RESPONSE', 'EVENT_RESPONSE_FAILURE']);
const CONFIG_LABELS = {
  ORG_LEVEL_INFO: 'environment',
  CURRENT_USER: 'user',
  USER_PREFERENCE: 'preference',
  VARIABLE: 'org variable',
  ORG: 'org',
};
/** The scheduler's trace event for one main-thread task (category `toplevel`). */
const TASK_EVENT = 'ThreadControllerImpl::RunTask';
/** Message of the console.timeStamp mark the frame instrumentation leaves in traces. */
const CLOCK_MARK = 'entity-score-bench-clock';
/** Events that only wrap a task's work, skipped when naming what the task did. */
const TASK_WRAPPERS = new Set(['HandlePostMessage']);
/** Path of the SDK stand-in, which the byte counts leave out like Zoho's SDK. */
export const SDK_PATH = '/__sim/sdk.js';

/** Returns a short label for a CRM_EVENT request, such as 'scores' or 'user'. */
export function requestLabel(message) {
  switch (message.category) {
    case 'CRM_CONNECTION':
      if (message.url?.includes('/Entity_Scores__s')) return 'scores';
      if (message.url?.includes('/scoring_rules')) return 'rules';
      return 'connection';
    case 'CONFIG':
      return CONFIG_LABELS[message.type] ?? `config ${message.type}`;
    case 'UI':
      return `ui ${String(message.action).toLowerCase()}`;
    default:
      return String(message.category ?? message.eventName).toLowerCase();
  }
}

/**
 * Derives the per-load figures: time from the host's PageLoad to the final
 * state, the milestones in between, the round trips, the frames between the
 * scores response and the final state, heights and layout shifts.
 */
export function analyseLoad(measurement) {
  const { host, frame } = measurement;
  const { bench } = frame;
  const pageLoadAt = host.log.find((entry) => entry.direction === 'out' && entry.eventName === 'PageLoad')?.at;
  const final = bench.terminal;
  const since = (at) => (at === undefined || pageLoadAt === undefined ? undefined : at - pageLoadAt);

  const trips = analyseRoundTrips(bench);
  const scores = trips.requests.filter((request) => request.label === 'scores' && request.respondedAt !== undefined && request.respondedAt <= final.at).at(-1);
  const pageLoadArrival = bench.received.find((message) => message.eventName === 'PageLoad');

  // Files the frame requested after PageLoad arrived: fetches the card may wait on.
  const filesAfterPageLoad = frame.resources
    .filter((resource) => pageLoadArrival !== undefined && frame.timeOrigin + resource.startTime >= pageLoadArrival.at)
    .filter((resource) => new URL(resource.name).pathname !== SDK_PATH)
    .map((resource) => ({
      path: new URL(resource.name).pathname,
      requested: since(frame.timeOrigin + resource.startTime),
      ended: since(frame.timeOrigin + resource.responseEnd),
    }));

  return {
    finalState: final.state,
    pageLoadToFinalMs: since(final.at),
    filesAfterPageLoad,
    milestones: {
      pageLoadArrived: since(pageLoadArrival?.at),
      firstRequestSent: since(bench.sent.find((message) => message.eventName === 'CRM_EVENT')?.at),
      scoresSent: since(scores?.sentAt),
      scoresArrived: since(scores?.respondedAt),
      final: since(final.at),
    },
    scoresToFinal: scores && {
      ms: final.at - scores.respondedAt,
      animationFrames: final.animationFrames - scores.animationFramesAtResponse,
    },
    roundTrips: trips,
    heights: analyseHeights(bench),
    frameCls: cumulativeLayoutShift(bench.layoutShifts),
    hostCls: cumulativeLayoutShift(host.layoutShifts.filter((shift) => host.timeOrigin + shift.startTime >= pageLoadAt)),
    // 'self' entries are the frame's own tasks; the others ran in the host page on the shared thread.
    longTaskMs: {
      frame: Math.max(0, ...bench.longTasks.filter((task) => task.name === 'self').map((task) => task.duration)),
      any: Math.max(0, ...bench.longTasks.map((task) => task.duration)),
    },
    paints: Object.fromEntries(frame.paints.map((paint) => [paint.name, paint.startTime])),
  };
}

/**
 * Host round trips the frame made before its final state, from the frame's own
 * records: a request's send time and its response's arrival. A request's round
 * is 1 + the highest round of the requests whose responses had arrived when it
 * was sent, so the highest round with a response before the final state is the number
 * of sequential round trips. Timing cannot tell a real dependency from a
 * request that merely came later, so this is an upper bound. Resize requests
 * and the SDK's own handshake are counted apart, because the card waits for
 * neither.
 */
export function analyseRoundTrips(bench) {
  const finalAt = bench.terminal.at;
  const responses = new Map();
  for (const message of bench.received) {
    if (RESPONSES.has(message.eventName) && !responses.has(message.promiseid)) responses.set(message.promiseid, message);
  }

  const crmEvents = bench.sent.filter((message) => message.eventName === 'CRM_EVENT' && message.at < finalAt);
  const requests = crmEvents
    .filter((message) => message.category !== 'UI')
    .map((message) => {
      const response = responses.get(message.promiseid);
      return {
        label: requestLabel(message),
        promiseid: message.promiseid,
        sentAt: message.at,
        respondedAt: response?.at,
        animationFramesAtResponse: response?.animationFrames,
        failed: response?.eventName === 'EVENT_RESPONSE_FAILURE',
      };
    });

  for (const request of requests) {
    const earlier = requests.filter((other) => other !== request && other.respondedAt !== undefined && other.respondedAt <= request.sentAt);
    // Of the highest round, the response that arrived last is the likeliest one the request waited for.
    const previous = earlier.reduce((best, other) => {
      if (best === undefined || other.round > best.round) return other;
      return other.round === best.round && other.respondedAt > best.respondedAt ? other : best;
    }, undefined);
    request.round = (previous?.round ?? 0) + 1;
    request.after = previous;
  }

  const completed = requests.filter((request) => request.respondedAt !== undefined && request.respondedAt <= finalAt);
  const last = completed.reduce((best, request) => (best === undefined || request.round > best.round ? request : best), undefined);
  const chain = [];
  for (let step = last; step !== undefined; step = step.after) chain.unshift(step.failed ? `${step.label} (failed)` : step.label);

  const rounds = [];
  for (const request of requests) (rounds[request.round - 1] ??= []).push(request.failed ? `${request.label} (failed)` : request.label);

  return {
    total: requests.length,
    sequential: last?.round ?? 0,
    chain,
    rounds,
    requests,
    resizes: crmEvents.length - requests.length,
  };
}

function analyseHeights(bench) {
  const finalAt = bench.terminal.at;
  const loading = bench.heights.filter((entry) => entry.at < finalAt && entry.state === 'loading' && entry.height > 0);
  return {
    skeleton: loading.at(-1)?.height,
    loaded: bench.heights.at(-1)?.height,
  };
}

/**
 * Cumulative layout shift as Chromium's web-vitals define it: the largest
 * session window, where a window ends after a 1 s gap or at 5 s.
 */
export function cumulativeLayoutShift(shifts) {
  let best = 0;
  let windowSum = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const shift of [...shifts].sort((a, b) => a.startTime - b.startTime)) {
    if (shift.startTime - previous > 1000 || shift.startTime - windowStart > 5000) {
      windowSum = 0;
      windowStart = shift.startTime;
    }
    windowSum += shift.value;
    previous = shift.startTime;
    best = Math.max(best, windowSum);
  }
  return best;
}

/**
 * Sorts each file the frame loaded into before or after its first paint
 * ('first-paint', or 'first-contentful-paint' where Chromium reports no
 * first paint), by the time its response ended. Returns, per URL path, how many
 * loads had it before and after.
 */
export function classifyFiles(measurements) {
  const files = new Map();
  const count = (path, url, before) => {
    const entry = files.get(path) ?? { path, url, before: 0, after: 0 };
    entry[before ? 'before' : 'after'] += 1;
    files.set(path, entry);
  };

  for (const { frame } of measurements) {
    const paint = frame.paints.find((entry) => entry.name === 'first-paint') ?? frame.paints.find((entry) => entry.name === 'first-contentful-paint');
    const navigation = new URL(frame.navigation.name);
    count(navigation.pathname, `${navigation.origin}${navigation.pathname}${navigation.search}`, true);
    for (const resource of frame.resources) {
      const url = new URL(resource.name);
      if (url.pathname === SDK_PATH) continue;
      count(url.pathname, resource.name, paint !== undefined && resource.responseEnd <= paint.startTime);
    }
  }
  return [...files.values()];
}

/** JavaScript files (by URL path) the frame loaded, the SDK stand-in left out. */
export function scriptPaths(frame) {
  return frame.resources
    .map((resource) => new URL(resource.name).pathname)
    .filter((path) => path.endsWith('.js') && path !== SDK_PATH);
}

/**
 * Reads a Chromium trace of one load. Returns the renderer's longest
 * main-thread task from the request for widget.html to the end of the trace.
 * Also returns the longest task between the frame's first CRM request and its
 * scores request, because that task delays the scores request by its length.
 * Each task is named by the scheduler's source function (what posted it) and
 * its longest events.
 */
export function analyseTrace(measurement) {
  const events = measurement.trace.traceEvents ?? measurement.trace;
  const { bench } = measurement.frame;

  // The renderer that parsed widget.html; other renderers (browser UI, other tabs) are left out.
  const parse = events.find((event) => event.name === 'ParseHTML' && event.args?.beginData?.url?.includes('/widget.html'));
  if (parse === undefined) return undefined;
  const mainThread = events.find(
    (event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain' && event.pid === parse.pid,
  );
  const onMain = (event) => event.pid === parse.pid && event.tid === mainThread?.tid;
  const start = events.find((event) => event.name === 'ResourceSendRequest' && event.args?.data?.url?.includes('/widget.html'))?.ts ?? parse.ts;
  const tasks = events.filter((event) => event.ph === 'X' && event.name === TASK_EVENT && onMain(event) && event.ts >= start);
  if (tasks.length === 0) return undefined;

  const describe = (task) => {
    const inside = events
      .filter(
        (event) =>
          event.ph === 'X' &&
          onMain(event) &&
          !event.name.includes('RunTask') &&
          !TASK_WRAPPERS.has(event.name) &&
          event.ts >= task.ts &&
          event.ts + (event.dur ?? 0) <= task.ts + task.dur,
      )
      .sort((a, b) => b.dur - a.dur)
      .slice(0, 2)
      .map((event) => {
        const data = event.args?.data ?? event.args?.beginData ?? {};
        let where = '';
        if (data.url) where = ` ${new URL(data.url).pathname}`;
        else if (data.functionName) where = ` ${data.functionName}`;
        return `${event.name}${where} ${(event.dur / 1000).toFixed(1)} ms`;
      });
    return {
      durationMs: task.dur / 1000,
      text: `${(task.dur / 1000).toFixed(1)} ms, posted by ${task.args?.src_func ?? 'unknown'}${inside.length ? `; inside: ${inside.join(', ')}` : ''}`,
    };
  };
  const longestOf = (list) => list.reduce((best, task) => (best === undefined || task.dur > best.dur ? task : best), undefined);

  const result = {
    longest: describe(longestOf(tasks)),
    tasksOver50Ms: tasks.filter((task) => task.dur > 50_000).length,
  };

  // Place the recorded send times in the trace through the frame's clock mark.
  const mark = events.find((event) => event.name === 'TimeStamp' && event.args?.data?.message === CLOCK_MARK);
  const firstRequest = bench.sent.find((message) => message.eventName === 'CRM_EVENT');
  const scoresRequest = bench.sent.find((message) => message.category === 'CRM_CONNECTION' && message.url?.includes('/Entity_Scores__s'));
  if (mark && firstRequest && scoresRequest) {
    const toTraceTime = (at) => mark.ts + (at - bench.clockMarkAt) * 1000;
    const from = toTraceTime(firstRequest.at);
    const to = toTraceTime(scoresRequest.at);
    const between = tasks.filter((task) => task.ts < to && task.ts + task.dur > from);
    if (between.length > 0) {
      result.beforeScores = {
        windowMs: (to - from) / 1000,
        busyMs: between.reduce((total, task) => total + Math.min(task.ts + task.dur, to) - Math.max(task.ts, from), 0) / 1000,
        longest: describe(longestOf(between)),
      };
    }
  }
  return result;
}

/**
 * Adds up the self time of each function in V8 CPU profiles and returns the
 * `limit` largest, as milliseconds per profile. Idle time is left out.
 */
export function topFunctions(profiles, limit) {
  const selfTimes = new Map();
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((nodeId, index) => {
      const { callFrame } = nodes.get(nodeId);
      if (callFrame.functionName === '(idle)') return;
      const key = JSON.stringify([callFrame.url, callFrame.lineNumber, callFrame.columnNumber, callFrame.functionName]);
      selfTimes.set(key, (selfTimes.get(key) ?? 0) + (profile.timeDeltas[index + 1] ?? 0));
    });
  }
  return [...selfTimes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([key, totalUs]) => {
      const [url, line, column, name] = JSON.parse(key);
      return { url, line, column, name, msPerLoad: totalUs / 1000 / profiles.length };
    });
}

/** Median and 95th percentile (nearest rank) of the finite values, with their count. */
export function summarise(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0 };
  const rank = (p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { count: sorted.length, median, p95: rank(0.95), min: sorted[0], max: sorted.at(-1) };
}
