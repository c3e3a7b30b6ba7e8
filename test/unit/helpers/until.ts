import { settle } from '../api/harness.js';

// Module loads (the card's views, a message catalogue) take real time, so the
// wait is bounded by the clock while it lets promises and renders run.
const WAIT_MS = 5000;

/** Lets promises and renders run until `condition` holds, or fails naming `what`. */
export async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + WAIT_MS;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out after ${WAIT_MS} ms waiting for ${what}.`);
    await settle();
  }
}
