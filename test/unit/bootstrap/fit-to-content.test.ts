import { expect } from '@esm-bundle/chai';
import type { Timers } from '../../../widget-src/api/timers.js';
import { fitToContent } from '../../../widget-src/bootstrap/fit-to-content.js';

/** A manual clock and a size observer the test triggers, so no frame or real timer is needed. */
function harness() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: Timers = {
    setTimer: (callback, ms) => {
      pending.set(nextId, { at: now + ms, callback });
      return nextId++;
    },
    clearTimer: (handle) => {
      pending.delete(handle);
    },
  };
  let onChange: () => void = () => undefined;
  let observing = false;

  return {
    timers,
    observe: (_target: Element, callback: () => void) => {
      onChange = callback;
      observing = true;
      return () => {
        observing = false;
      };
    },
    changed: () => onChange(),
    get observing() {
      return observing;
    },
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...pending].sort(([, a], [, b]) => a.at - b.at)) {
        if (timer.at > now) continue;
        pending.delete(id);
        timer.callback();
      }
    },
  };
}

describe('fitToContent', () => {
  let box: HTMLDivElement;
  beforeEach(() => {
    box = document.createElement('div');
    box.style.height = '100px';
    document.body.append(box);
  });
  afterEach(() => box.remove());

  it('sends the first height at once', () => {
    const h = harness();
    const sizes: number[] = [];
    fitToContent(box, (size) => (sizes.push(size.height), Promise.resolve(true)), h);

    h.changed();

    expect(sizes).to.deep.equal([100]);
  });

  it('debounces later changes', () => {
    const h = harness();
    const sizes: number[] = [];
    fitToContent(box, (size) => (sizes.push(size.height), Promise.resolve(true)), { ...h, debounceMs: 50 });
    h.changed();

    box.style.height = '150px';
    h.changed();
    h.advance(49);
    expect(sizes).to.deep.equal([100]);

    box.style.height = '180.2px';
    h.changed();
    h.advance(50);
    expect(sizes).to.deep.equal([100, 181]);
  });

  it('skips an unchanged height', () => {
    const h = harness();
    const sizes: number[] = [];
    fitToContent(box, (size) => (sizes.push(size.height), Promise.resolve(true)), h);
    h.changed();
    h.changed();
    h.advance(100);

    expect(sizes).to.deep.equal([100]);
  });

  it('reports a failed resize once', async () => {
    const h = harness();
    const errors: unknown[] = [];
    fitToContent(box, () => Promise.reject(new Error('refused')), { ...h, onError: (error) => errors.push(error) });
    h.changed();
    box.style.height = '200px';
    h.changed();
    h.advance(100);
    await Promise.resolve();
    await Promise.resolve();

    expect(errors).to.have.length(1);
  });

  it('stops observing when stopped', () => {
    const h = harness();
    const stop = fitToContent(box, () => Promise.resolve(true), h);
    stop();

    expect(h.observing).to.equal(false);
  });
});
