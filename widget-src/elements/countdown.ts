import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Time source of every countdown. Tests replace these members with a fake
 * clock instead of waiting for real seconds.
 */
export const clock = {
  now: (): number => Date.now(),
  setTimeout: (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
  clearTimeout: (handle: unknown): void => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Counts down whole seconds and re-renders its host each second until zero. */
export class Countdown implements ReactiveController {
  private deadline = 0;
  private timer: unknown;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Seconds left, rounded up; 0 when the countdown is over or never started. */
  get remainingSeconds(): number {
    return Math.max(0, Math.ceil((this.deadline - clock.now()) / 1000));
  }

  start(seconds: number): void {
    this.stop();
    this.deadline = clock.now() + seconds * 1000;
    this.tick();
  }

  stop(): void {
    if (this.timer !== undefined) clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.deadline = 0;
  }

  hostConnected(): void {
    if (this.timer === undefined && this.remainingSeconds > 0) this.tick();
  }

  hostDisconnected(): void {
    // Keep the deadline: a card that is moved in the DOM still waits the full time.
    if (this.timer !== undefined) clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    this.host.requestUpdate();

    const left = this.deadline - clock.now();
    if (left <= 0) return;
    // Wake at the next whole-second boundary so the shown number never lags.
    this.timer = clock.setTimeout(this.tick, left % 1000 || 1000);
  };
}
