import { browserTimers, type Timers } from '../api/timers.js';

/** Options for `fitToContent`; the defaults suit a related-list iframe. */
export interface FitOptions {
  /** Quiet time after the last size change before asking the host, in ms. */
  debounceMs?: number;
  /** Reports a failed resize request once; the card then scrolls inside its frame. */
  onError?: (error: unknown) => void;
  /** Timer functions; tests pass a manual clock. */
  timers?: Timers;
  /** Creates the size observer; tests pass one they trigger by hand. */
  observe?: (target: Element, onChange: () => void) => () => void;
}

/**
 * Asks the host to fit the iframe to `target`'s height after each size change.
 *
 * A ResizeObserver measures the element. The first height goes out at once.
 * Later changes wait for a short debounce, which folds the burst of changes a
 * render causes into one request. An unchanged height sends nothing, and a
 * `false` result (the host rejected or clamped the size) is not retried.
 * Returns a function that stops observing.
 */
export function fitToContent(
  target: Element,
  resize: (size: { height: number }) => Promise<unknown>,
  options: FitOptions = {},
): () => void {
  const debounceMs = options.debounceMs ?? 50;
  const timers = options.timers ?? browserTimers;
  const observe = options.observe ?? observeWithResizeObserver;
  let timer: number | undefined;
  let lastHeight = -1;
  let reported = false;

  const send = (): void => {
    timer = undefined;
    const height = Math.ceil(target.getBoundingClientRect().height);
    if (height === lastHeight || height <= 0) return;
    lastHeight = height;

    resize({ height }).catch((error: unknown) => {
      if (reported) return;
      reported = true;
      options.onError?.(error);
    });
  };

  const stopObserving = observe(target, () => {
    if (timer !== undefined) timers.clearTimer(timer);
    // The first size goes out at once, beside the first CRM requests; a
    // debounced one would land among the scores requests instead.
    if (lastHeight === -1) send();
    else timer = timers.setTimer(send, debounceMs);
  });

  return () => {
    stopObserving();
    if (timer !== undefined) timers.clearTimer(timer);
  };
}

function observeWithResizeObserver(target: Element, onChange: () => void): () => void {
  const observer = new ResizeObserver(onChange);
  observer.observe(target);
  return () => observer.disconnect();
}
