import type { ReactiveElement } from 'lit';

const mounted: HTMLElement[] = [];

export interface FixtureOptions {
  /** Width of the box the element is placed in; the related-list iframe is about this narrow. */
  width?: string;
}

/**
 * Places `element` in a fresh box on the page and waits for its first render.
 * The box is removed after the test, so every test starts with one element.
 */
export async function fixture<T extends ReactiveElement>(element: T, options: FixtureOptions = {}): Promise<T> {
  const box = document.createElement('div');
  box.style.width = options.width ?? '360px';
  box.append(element);
  document.body.append(box);
  mounted.push(box);
  await element.updateComplete;
  return element;
}

afterEach(() => {
  for (const box of mounted.splice(0)) box.remove();
});

/** A promise with its resolve and reject functions, so a test settles it when it chooses. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
