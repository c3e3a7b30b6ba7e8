/**
 * Test helpers shared by the data-layer tests: typed access to Mocha's
 * globals (the project has no @types/mocha), fake timers, deferred promises
 * and fixture loading. No real timers: time moves only through `advance`.
 */
import type { Timers } from '../../../widget-src/api/timers.js';

type TestBody = (this: unknown) => void | Promise<void>;
interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: TestBody): void;
  beforeEach(body: TestBody): void;
  afterEach(body: TestBody): void;
}
const mocha = globalThis as unknown as MochaGlobals;

export const describe = (title: string, body: () => void): void => mocha.describe(title, body);
export const it = (title: string, body: TestBody): void => mocha.it(title, body);
export const beforeEach = (body: TestBody): void => mocha.beforeEach(body);
export const afterEach = (body: TestBody): void => mocha.afterEach(body);

/** Resolves after every pending microtask has run (one macrotask, no timer). */
export function settle(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Timers that fire only when a test calls `advance`. */
export class FakeTimers implements Timers {
  now = 0;
  private nextHandle = 1;
  private readonly queue = new Map<number, { at: number; callback: () => void }>();

  setTimer = (callback: () => void, ms: number): number => {
    const handle = this.nextHandle++;
    this.queue.set(handle, { at: this.now + Math.max(0, ms), callback });
    return handle;
  };

  clearTimer = (handle: number): void => {
    this.queue.delete(handle);
  };

  /** Timers set and not yet fired or cleared. */
  get pending(): number {
    return this.queue.size;
  }

  /** Moves time forward, firing due timers in order and settling promises between them. */
  async advance(ms: number): Promise<void> {
    const target = this.now + ms;
    for (;;) {
      await settle();
      let due: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.queue) {
        if (entry[1].at <= target && (due === undefined || entry[1].at < due[1].at)) due = entry;
      }
      if (due === undefined) break;
      this.queue.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = target;
    await settle();
  }
}

export { deferred, type Deferred } from '../helpers/deferred.js';

/** Reads a JSON file under `test/fixtures/` from the test server. */
export async function loadFixture(path: string): Promise<unknown> {
  const response = await fetch(new URL(`../../fixtures/${path}`, import.meta.url));
  if (!response.ok) throw new Error(`Fixture ${path}: HTTP ${response.status}`);
  return (await response.json()) as unknown;
}

/** The promise's outcome, for asserting on rejections without try/catch. */
export async function outcome<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

/** Calls `run` and returns what it threw; fails when it does not throw. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected a throw.');
}

/** True when any number inside `value` is NaN. */
export function containsNaN(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value !== 'object' || value === null || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((item) => containsNaN(item, seen));
}
