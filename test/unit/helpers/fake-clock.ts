/** The timer functions a fake clock replaces; the shape of `clock` in `elements/countdown.ts`. */
export interface ClockLike {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Replaces the members of `target` with a manual clock until `restore()`.
 * `advance(ms)` moves time forward and runs the callbacks that fall due, in order.
 */
export function installFakeClock(target: ClockLike, start = 1_000_000) {
  const saved = { ...target };
  let time = start;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();

  target.now = () => time;
  target.setTimeout = (callback, ms) => {
    const id = nextId++;
    pending.set(id, { at: time + ms, callback });
    return id;
  };
  target.clearTimeout = (handle) => {
    pending.delete(handle as number);
  };

  return {
    advance(ms: number): void {
      const end = time + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, timer]) => timer.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
        if (due === undefined) break;
        const [id, timer] = due;
        pending.delete(id);
        time = timer.at;
        timer.callback();
      }
      time = end;
    },
    get pendingCount(): number {
      return pending.size;
    },
    restore(): void {
      Object.assign(target, saved);
    },
  };
}
