/** Timer functions, injectable so tests drive time by hand. */
export interface Timers {
  setTimer(callback: () => void, ms: number): number;
  clearTimer(handle: number): void;
}

export const browserTimers: Timers = {
  setTimer: (callback, ms) => window.setTimeout(callback, ms),
  clearTimer: (handle) => window.clearTimeout(handle),
};

/** Creates the error that every aborted wait rejects with, whatever the signal's reason. */
export function abortError(): DOMException {
  return new DOMException('The card load was aborted.', 'AbortError');
}

/** Resolves after `ms`; rejects with an AbortError as soon as `signal` aborts. */
export function delay(ms: number, timers: Timers, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = (): void => {
      timers.clearTimer(handle);
      reject(abortError());
    };
    const handle = timers.setTimer(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
