// axe-core ships as a UMD script: the test runner serves it as an ES module
// without a default export, and on load it sets `window.axe`.
import 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { expect } from '@esm-bundle/chai';

// WCAG A and AA rules only: best-practice rules such as "region" and
// "page-has-heading-one" judge the whole page, not one element.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core on `element`, its shadow tree included, and fails with each violation's rule and targets. */
export async function expectAccessible(element: Element): Promise<void> {
  const { axe } = window as unknown as { axe: { run(context: Element, options: RunOptions): Promise<AxeResults> } };
  const results = await axe.run(element, {
    runOnly: { type: 'tag', values: WCAG_TAGS },
    resultTypes: ['violations'],
  });

  const report = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}\n` +
      violation.nodes.map((node) => `  ${JSON.stringify(node.target)}: ${node.failureSummary ?? ''}`).join('\n'),
  );
  expect(report, report.join('\n')).to.deep.equal([]);
}
