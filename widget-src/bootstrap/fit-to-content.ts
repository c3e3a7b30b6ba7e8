/** Options for `fitToContent`; the defaults suit a related-list iframe. */
export interface FitOptions {
  /** Quiet time after the last size change before asking the host, in ms. */
  debounceMs?: number;
  /** Reports a failed resize request once; the card then scrolls inside its frame. */
  onError?: (error: unknown) => void;
}

/**
 * Asks the host to fit the iframe to `target`'s height after each size change.
 *
 * A ResizeObserver measures the element, a short debounce folds the burst of
 * changes a render causes into one request, and an unchanged height sends
 * nothing. A `false` answer (the host refused or clamped) is not retried.
 * Returns a function that stops observing.
 */
export function fitToContent(
  target: Element,
  resize: (size: { height: number }) => Promise<unknown>,
  options: FitOptions = {},
): () => void {
  const debounceMs = options.debounceMs ?? 50;
  let timer: ReturnType<typeof setTimeout> | undefined;
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

  const observer = new ResizeObserver(() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(send, debounceMs);
  });
  observer.observe(target);

  return () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
}
