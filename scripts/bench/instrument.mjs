// Scripts the benchmark installs with page.evaluateOnNewDocument. They run in
// every document of the tab before its own scripts, so each one first checks
// which document it is in. Both stamp times as performance.timeOrigin +
// performance.now(): one clock across the host page and the widget frame.
//
// Puppeteer serialises these functions into the page, so they must not refer
// to anything outside their own bodies.

/**
 * Host page: stamps each `window.__simLog` entry with the shared clock in `at`
 * (the simulator's own `time` field is whole Date.now() milliseconds) and
 * records the page's layout shifts, which a resize of the frame causes.
 */
export function instrumentHostPage() {
  if (window !== window.top) return;
  const now = () => performance.timeOrigin + performance.now();

  // host.js assigns window.__simLog = [] once; this setter wraps that array's push.
  let log;
  Object.defineProperty(window, '__simLog', {
    configurable: true,
    get: () => log,
    set(value) {
      log = value;
      const push = Array.prototype.push;
      value.push = function stampedPush(...entries) {
        const at = now();
        for (const entry of entries) entry.at = at;
        return push.apply(this, entries);
      };
    },
  });

  const host = { layoutShifts: [] };
  window.__benchHost = host;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) host.layoutShifts.push({ value: entry.value, startTime: entry.startTime });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/**
 * Widget frame (any document at /widget.html below the top page): records every
 * message to and from the host page, the `state` attribute's changes, the
 * element's height, animation frames, long tasks and layout shifts in
 * `window.__bench`.
 */
export function instrumentWidgetFrame() {
  if (window === window.top || window.location.pathname !== '/widget.html') return;
  const now = () => performance.timeOrigin + performance.now();
  const TERMINAL_STATES = ['ready', 'empty', 'unavailable', 'error'];
  const CLOCK_MARK = 'entity-score-bench-clock';

  const bench = {
    startedAt: now(),
    storageKeysAtStart: [],
    sent: [],
    received: [],
    states: [],
    heights: [],
    longTasks: [],
    layoutShifts: [],
    animationFrames: 0,
    terminal: undefined,
  };
  window.__bench = bench;

  // A named mark in a Chromium trace at a known time on the shared clock, so
  // trace timestamps can be placed next to the recorded messages.
  bench.clockMarkAt = now();
  console.timeStamp(CLOCK_MARK);

  // Shows whether this frame started with the previous frame's cache.
  try {
    for (let i = 0; i < window.sessionStorage.length; i++) bench.storageKeysAtStart.push(window.sessionStorage.key(i));
  } catch {
    // Storage blocked: the list stays empty.
  }

  const describe = (raw) => {
    let message = raw;
    if (typeof message === 'string') {
      try {
        message = JSON.parse(message);
      } catch {
        return { eventName: undefined };
      }
    }
    const data = message?.data;
    return {
      eventName: message?.eventName,
      promiseid: message?.promiseid,
      category: data?.category,
      type: data?.type,
      action: data?.action,
      url: data?.data?.data?.url,
    };
  };

  // Outgoing messages: a cross-origin parent's postMessage cannot be patched, but
  // window.parent is a replaceable property, so the SDK gets a forwarding object.
  // It only ever calls postMessage on it.
  const realParent = window.parent;
  const forwardingParent = {
    postMessage(...args) {
      bench.sent.push({ ...describe(args[0]), at: now() });
      return realParent.postMessage(...args);
    },
  };
  Object.defineProperty(window, 'parent', { configurable: true, get: () => forwardingParent });

  // Animation frames are counted from PageLoad until a final state, so the count
  // between the scores response and `ready` can be read off two snapshots.
  let counting = false;
  const countFrame = () => {
    bench.animationFrames += 1;
    if (bench.terminal === undefined) window.requestAnimationFrame(countFrame);
  };

  // Capture phase on window: this listener runs before the SDK's.
  window.addEventListener(
    'message',
    (event) => {
      if (event.source !== realParent) return;
      const entry = { ...describe(event.data), at: now(), animationFrames: bench.animationFrames };
      bench.received.push(entry);
      if (entry.eventName === 'PageLoad' && !counting) {
        counting = true;
        window.requestAnimationFrame(countFrame);
      }
    },
    true,
  );

  // The first element with a `state` attribute is the card (or the floor's marker).
  let observed;
  const resizeObserver = new ResizeObserver((entries) => {
    for (const entry of entries) {
      bench.heights.push({ height: entry.borderBoxSize[0].blockSize, at: now(), state: entry.target.getAttribute('state') });
    }
  });
  // A batch may hold several changes; each record's value is the next record's
  // oldValue, and the last one's is the attribute as it is now.
  new MutationObserver((records) => {
    const at = now();
    records.forEach((record, index) => {
      if (observed === undefined) {
        observed = record.target;
        resizeObserver.observe(observed, { box: 'border-box' });
      }
      if (record.target !== observed) return;
      const next = records.slice(index + 1).find((later) => later.target === observed);
      const state = next ? next.oldValue : observed.getAttribute('state');
      if (bench.states.at(-1)?.state === state) return;

      const change = { state, at, animationFrames: bench.animationFrames };
      bench.states.push(change);
      if (TERMINAL_STATES.includes(state) && bench.terminal === undefined) bench.terminal = change;
    });
  }).observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['state'] });

  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {
      // An entry type this Chromium lacks leaves its list empty.
    }
  };
  observe('longtask', (entry) => bench.longTasks.push({ startTime: entry.startTime, duration: entry.duration, name: entry.name }));
  observe('layout-shift', (entry) => {
    if (!entry.hadRecentInput) bench.layoutShifts.push({ value: entry.value, startTime: entry.startTime });
  });
}
