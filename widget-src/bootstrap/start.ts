import { createCardLoader, type CardLoader } from '../api/load-card.js';
import { forgetApiHost, resolveApiHost } from '../api/environment.js';
import { CrmError } from '../api/crm-error.js';
import { parsePageLoad } from '../context/record-context.js';
import type { RecordRef } from '../context/types.js';
import type { EntityScoreCard } from '../elements/score-card.js';
import { matchShippedLocale, resolveLocale, setLocale, textDirection } from '../i18n/locale.js';
import { createLogger, type Logger } from '../log.js';
import { createCrmHost } from '../sdk/zoho-adapter.js';
import type { CrmHost } from '../sdk/crm-host.js';
import { DEFAULT_SETTINGS, loadSettings, type FetchedFile, type FetchFile, type LoadedSettings } from '../settings/index.js';
import { fitToContent } from './fit-to-content.js';
import { themeFromPreference } from './theme.js';

// A second copy of the bundle on the same page must not register a second
// PageLoad handler or call init() again: the SDK keeps one handler per event.
const STARTED = Symbol.for('entity-score-card.started');

interface StartedWindow extends Window {
  [STARTED]?: boolean;
}

/**
 * Wires the layers together for the widget page: SDK adapter, PageLoad,
 * settings, locale, theme, the card's loader and iframe resizing.
 */
export function start(win: Window & typeof globalThis = window): void {
  const started = win as StartedWindow;
  if (started[STARTED]) return;
  started[STARTED] = true;

  const card = win.document.querySelector<EntityScoreCard>('entity-score-card');
  if (!card) return;

  const log = createLogger();
  let timeoutMs = 10_000;
  const host = createCrmHost(win, { timeoutMs: () => timeoutMs });
  if (host instanceof CrmError) {
    card.startupError = host;
    log.error('sdk', '-', host.code, host.message);
    return;
  }

  // The settings file is on the widget's own origin and needs no handshake,
  // so its request leaves now instead of after PageLoad.
  const settingsFile = prefetchSettingsFile(win);

  // Settings, API host and locale are fetched once per frame, on the first
  // record, and shared by every later PageLoad in the same frame.
  let prepared: Promise<Prepared> | undefined;
  const prepare = (): Promise<Prepared> => {
    prepared ??= prepareSession(win, host, card, log, settingsFile).then((result) => {
      timeoutMs = result.loaded.settings.timeoutMs;
      return result;
    });
    return prepared;
  };

  // Set once: the card calls the loader only for a `record` context, so a
  // PageLoad without a single usable record sends no request.
  card.loader = async (record: RecordRef, signal: AbortSignal) => {
    const { loaded, loader, localeReady } = await prepare();
    const data = await loader(record, signal);

    // The user's language loads beside the scores; waiting for it here
    // keeps the card from showing English text for one frame. A catalogue
    // that never arrives delays the scores by one SDK timeout at most.
    await Promise.race([localeReady, new Promise<void>((resolve) => win.setTimeout(resolve, timeoutMs))]);
    return { ...data, notes: [...loaded.notes, ...data.notes] };
  };

  let pageLoadSeen = false;
  host.onPageLoad((payload) => {
    // PageLoad means the handshake is done; a Resize sent before it would
    // throw in the SDK ("Parentwindow reference not found.").
    if (!pageLoadSeen) {
      fitToContent(card, (size) => host.resize(size), {
        onError: (error) => log.error('resize', currentRecordId(card), codeOf(error)),
      });
    }
    pageLoadSeen = true;
    card.context = parsePageLoad(payload);
  });
  host.init();

  // The first Intl locale lookup in a frame costs tens of milliseconds (ICU
  // loads its data). Doing it while the handshake is in flight keeps that
  // cost off the path between the scores response and the rendered card.
  queueMicrotask(() => resolveLocale(undefined, win.navigator.languages));

  // Web tabs and dashboards send no PageLoad: show where the widget belongs
  // instead of loading forever.
  win.setTimeout(() => {
    if (!pageLoadSeen) card.context = { kind: 'no-record' };
  }, timeoutMs);
}

interface Prepared {
  loaded: LoadedSettings;
  /** One loader per frame, so a record never has two loads in flight. */
  loader: CardLoader;
  /** Settles when the user's message catalogue is active; never rejects. */
  localeReady: Promise<void>;
}

/**
 * Starts the first round of host calls in parallel: settings (file and org
 * variable), data centre, user locale and theme. Only settings are awaited
 * before the scores request; locale and theme apply when they arrive.
 */
async function prepareSession(
  win: Window,
  host: CrmHost,
  card: EntityScoreCard,
  log: Logger,
  settingsFile: SettingsFile,
): Promise<Prepared> {
  const settingsPromise = loadSettings(host, settingsFile.fetch, settingsFile.url);

  // The data centre request must not wait for the org variable, or the scores
  // request would be a third sequential round trip. It reads its cache with
  // the default expiry: a user's data centre does not change within a session.
  const apiHost = sharedUntilFailed(() => resolveApiHost(host, DEFAULT_SETTINGS));

  const localeReady = host
    .getCurrentUser()
    .catch((error: unknown) => {
      // The card falls back to the browser's language, so the failure is only logged.
      log.error('start', '-', codeOf(error), 'CONFIG.getCurrentUser');
      return undefined;
    })
    .then(async (user) => {
      const locale = resolveLocale(user, win.navigator.languages);
      const shipped = matchShippedLocale(locale);
      await setLocale(shipped);
      card.locale = locale;
      card.dir = textDirection(shipped);
    })
    // A catalogue that fails to load leaves the card in English, still readable.
    .catch(() => undefined);

  host
    .getUserPreference()
    .then((answer) => (card.theme = themeFromPreference(answer)))
    // Hosts of CRM builds before SDK 1.4 reject this call, which is normal
    // there, so it is not logged. The browser's colour scheme applies instead.
    .catch(() => (card.theme = 'auto'));

  const loaded = await settingsPromise;
  // NOTE: with `cacheMinutes: 0` this frame may still have used a data centre
  // cached by an earlier frame; the setting takes effect from the next record.
  if (loaded.settings.cacheMinutes === 0) forgetApiHost();
  const loader = createCardLoader({ host, settings: loaded.settings, apiHost, log });
  return { loaded, loader, localeReady };
}

function currentRecordId(card: EntityScoreCard): string {
  return card.context?.kind === 'record' ? card.context.recordId : '-';
}

function codeOf(error: unknown): string {
  return error instanceof CrmError ? error.code : 'UNKNOWN';
}

/**
 * Starts `request` at once and returns a function that hands out its promise.
 * Once a failure has been handed out, the next call starts the request again,
 * so the retry button sends a new request instead of showing the same failure.
 * A failure that arrives before the first load is shown once, not retried
 * without the user.
 */
function sharedUntilFailed<T>(request: () => Promise<T>): () => Promise<T> {
  let current: Promise<T>;
  let failed = false;
  let handedOut = false;

  const begin = (): void => {
    const pending = request();
    current = pending;
    failed = false;
    handedOut = false;
    // Also keeps a failure before the first load from being reported as unhandled.
    pending.catch(() => {
      if (current === pending) failed = true;
    });
  };
  begin();

  return () => {
    if (failed && handedOut) begin();
    handedOut = true;
    return current;
  };
}

/** The settings file's URL and a fetch function that hands out the request started early. */
interface SettingsFile {
  url: string;
  fetch: FetchFile;
}

function prefetchSettingsFile(win: Window): SettingsFile {
  const url = new URL('../settings.json', import.meta.url).href;
  // `no-cache` revalidates, so a new upload of the widget is seen on the next page load.
  const early = win.fetch(url, { cache: 'no-cache' });
  // The caller's own timeout still applies: a hung early request stops at its signal.
  early.catch(() => undefined);

  const fetchFile: FetchFile = (requested, init) => {
    if (requested !== url) return win.fetch(requested, init);
    return new Promise<FetchedFile>((resolve, reject) => {
      if (init.signal.aborted) return reject(init.signal.reason);
      init.signal.addEventListener('abort', () => reject(init.signal.reason), { once: true });
      early.then(resolve, reject);
    });
  };
  return { url, fetch: fetchFile };
}
