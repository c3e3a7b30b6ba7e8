import { expect } from '@esm-bundle/chai';
import { createLogger } from '../../../widget-src/log.js';
import { describe, it } from './harness.js';

function recorder(): { lines: unknown[][]; sink: { error(...data: unknown[]): void } } {
  const lines: unknown[][] = [];
  return { lines, sink: { error: (...data: unknown[]) => lines.push(data) } };
}

describe('createLogger', () => {
  it('prefixes each line and names module, record and code', () => {
    const { lines, sink } = recorder();
    createLogger(sink).error('load-card', '4876876000002768054', 'INVALID_FIELD', 'Score in row 0: string');
    expect(lines).to.deep.equal([
      ['[entity-score-card] load-card: INVALID_FIELD (record 4876876000002768054): Score in row 0: string'],
    ]);
  });

  it('logs the same error once', () => {
    const { lines, sink } = recorder();
    const log = createLogger(sink);
    log.error('load-card', '1', 'NO_PERMISSION');
    log.error('load-card', '1', 'NO_PERMISSION');
    log.error('load-card', '2', 'NO_PERMISSION');
    log.error('load-card', '1', 'NO_PERMISSION', 'rules');
    expect(lines.map((line) => line[0])).to.deep.equal([
      '[entity-score-card] load-card: NO_PERMISSION (record 1)',
      '[entity-score-card] load-card: NO_PERMISSION (record 2)',
      '[entity-score-card] load-card: NO_PERMISSION (record 1): rules',
    ]);
  });
});
