/**
 * Resolves once the browser has painted the current frame, so work started
 * afterwards never delays the skeleton.
 *
 * A requestAnimationFrame callback runs just before a paint; the timeout
 * queued from it runs after that paint. Hidden frames (a collapsed related
 * list, a background tab) get no animation frames, so a plain timeout
 * resolves the promise there instead.
 */
export function afterNextPaint(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
