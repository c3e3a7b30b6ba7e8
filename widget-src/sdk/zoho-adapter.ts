import { CrmError } from '../api/crm-error.js';
import { isObject, parseJson } from '../api/json.js';
import { browserTimers, type Timers } from '../api/timers.js';
import type { ConnectionRequest, CrmHost } from './crm-host.js';

export interface CrmHostOptions {
  /** Maximum wait for one SDK call in ms; read on every call so a settings change applies. */
  timeoutMs: () => number;
  setTimer?: Timers['setTimer'];
  clearTimer?: Timers['clearTimer'];
}

/** Used when `timeoutMs()` gives something unusable (not a positive finite number). */
const FALLBACK_TIMEOUT_MS = 10_000;

const INVOKE_OPERATION = 'CONNECTION.invoke';

/** A REST error code as CRM writes it (`NO_PERMISSION`); anything else is not kept. */
const REST_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * Builds a `CrmHost` on the `ZOHO` global of `win`: the only code that touches it.
 *
 * Returns `CrmError('SDK_NOT_LOADED')` when the global, `ZOHO.embeddedApp` or
 * `ZOHO.CRM` is missing. Every call races the SDK's promise against the timeout,
 * because the SDK has none, and turns synchronous throws ("Parentwindow
 * reference not found." before the handshake) and host rejections into a
 * rejected `CrmError`.
 */
export function createCrmHost(win: Window, options: CrmHostOptions): CrmHost | CrmError {
  const zoho = win.ZOHO;
  const app = zoho?.embeddedApp;
  const crm = zoho?.CRM;
  if (!isObject(zoho) || !isObject(app) || !isObject(crm)) {
    return new CrmError('SDK_NOT_LOADED', "Zoho's widget SDK did not load.", { operation: 'ZOHO' });
  }
  const embeddedApp: ZohoSdk.EmbeddedApp = app;
  const sdk: ZohoSdk.Crm = crm;

  const timers: Timers = {
    setTimer: options.setTimer ?? browserTimers.setTimer,
    clearTimer: options.clearTimer ?? browserTimers.clearTimer,
  };
  const call = <T>(operation: string, run: () => PromiseLike<T>): Promise<T> =>
    callWithTimeout(operation, run, readTimeout(options.timeoutMs), timers);

  let pageLoadRegistered = false;
  let initCalled = false;

  return {
    onPageLoad(handler) {
      // The SDK keeps one handler per event and ignores one registered after
      // init(): either mistake would leave the card waiting forever.
      if (pageLoadRegistered) throw new Error('onPageLoad() was called twice; the SDK keeps only one PageLoad handler.');
      if (initCalled) throw new Error('onPageLoad() was called after init(); the SDK would never call the handler.');
      pageLoadRegistered = true;
      embeddedApp.on('PageLoad', handler);
    },

    init() {
      if (initCalled) return;
      initCalled = true;
      try {
        // From 1.2 on init() may never settle, and PageLoad fires regardless:
        // nothing waits for it, and a rejection must not surface as unhandled.
        const started = embeddedApp.init();
        if (started && typeof started.then === 'function') started.then(undefined, () => undefined);
      } catch {
        // NOTE: a throwing init() leaves the card waiting for PageLoad, which
        // the bootstrap bounds with its own timeout.
      }
    },

    invokeConnection(linkName: string, request: ConnectionRequest) {
      return call(INVOKE_OPERATION, () => required(sdk.CONNECTION).invoke(linkName, request));
    },

    getCurrentEnvironment() {
      return call('CONFIG.GetCurrentEnvironment', () => required(sdk.CONFIG).GetCurrentEnvironment());
    },

    getCurrentUser() {
      return call('CONFIG.getCurrentUser', () => required(sdk.CONFIG).getCurrentUser());
    },

    getUserPreference() {
      const config = sdk.CONFIG;
      // Builds before 1.4 have no theme preference; the card then follows the browser.
      if (!config || typeof config.getUserPreference !== 'function') return Promise.resolve(undefined);
      return call('CONFIG.getUserPreference', () => required(config.getUserPreference).call(config));
    },

    getOrgVariable(name: string) {
      return call('API.getOrgVariable', () => required(sdk.API).getOrgVariable(name));
    },

    resize(size) {
      const request = size.width === undefined ? { height: size.height } : { height: size.height, width: size.width };
      return call('UI.Resize', () => required(sdk.UI).Resize(request));
    },
  };
}

function readTimeout(timeoutMs: () => number): number {
  const value = timeoutMs();
  return Number.isFinite(value) && value > 0 ? value : FALLBACK_TIMEOUT_MS;
}

// A missing SDK namespace throws here, inside the call's try, so it rejects like any SDK failure.
function required<T>(value: T | undefined): T {
  if (value === undefined) throw new TypeError('This SDK build lacks the call.');
  return value;
}

function callWithTimeout<T>(operation: string, run: () => PromiseLike<T>, timeoutMs: number, timers: Timers): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      timers.clearTimer(handle);
      settle();
    };
    const handle = timers.setTimer(() => {
      finish(() =>
        reject(new CrmError('TIMEOUT', `The CRM page did not respond to ${operation} within ${timeoutMs} ms.`, { operation })),
      );
    }, timeoutMs);

    let pending: PromiseLike<T>;
    try {
      pending = run();
    } catch (error) {
      finish(() => reject(fromSdkFailure(error, operation, 'threw')));
      return;
    }
    Promise.resolve(pending).then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(fromSdkFailure(error, operation, 'rejected'))),
    );
  });
}

/**
 * Turns whatever the SDK threw or rejected with into a `CrmError`. The host
 * may reject with a REST error body, as an object or as JSON text, so a
 * `code` in the value is kept.
 *
 * Without a code, only a rejected `CONNECTION.invoke` is `CONNECTION_FAILED`:
 * the host answered, and a missing or unauthorised Connection is the likely
 * cause. A throw (the SDK's "Parentwindow reference not found." before the
 * handshake, a missing namespace) and a failed call of any other kind are
 * `CRM_CALL_FAILED`, because checking the Connection would not help there.
 */
function fromSdkFailure(error: unknown, operation: string, how: 'threw' | 'rejected'): CrmError {
  if (error instanceof CrmError) return error;

  const value = typeof error === 'string' ? (parseJson(error)?.value ?? error) : error;
  const code = isObject(value) && typeof value.code === 'string' && REST_CODE.test(value.code) ? value.code : undefined;
  const message = messageOf(value) ?? `The CRM page reported a failure for ${operation}.`;
  const fallback = how === 'rejected' && operation === INVOKE_OPERATION ? 'CONNECTION_FAILED' : 'CRM_CALL_FAILED';
  return new CrmError(code ?? fallback, message, { operation });
}

function messageOf(value: unknown): string | undefined {
  let text: unknown;
  if (typeof value === 'string') text = value;
  else if (value instanceof Error) text = value.message;
  else if (isObject(value)) text = value.message;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
