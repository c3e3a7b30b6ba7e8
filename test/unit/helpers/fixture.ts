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

export { deferred, type Deferred } from './deferred.js';
