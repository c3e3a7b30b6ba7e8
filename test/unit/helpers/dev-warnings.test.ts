import { takeWarnings } from './dev-warnings.js';
import { expect } from '@esm-bundle/chai';
import { LitElement } from 'lit';

// Sets a reactive property in updated(), which Lit's development build
// reports once per page as a "change-in-update" warning.
class ChangeInUpdate extends LitElement {
  static override properties = { count: {} };
  declare count: number;
  private changed = false;

  override updated(): void {
    if (this.changed) return;
    this.changed = true;
    this.count = 1;
  }
}
customElements.define('change-in-update-probe', ChangeInUpdate);

describe('dev warning guard', () => {
  it('catches a Lit dev-mode warning', async () => {
    const element = new ChangeInUpdate();
    document.body.append(element);
    await element.updateComplete;
    await element.updateComplete;
    element.remove();

    const warnings = takeWarnings();
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('lit.dev/msg/change-in-update');
  });

  it('lets the dev-mode notice through', () => {
    console.warn('Lit is in dev mode. Not recommended for production! See https://lit.dev/msg/dev-mode for more information.');

    expect(takeWarnings()).to.deep.equal([]);
  });
});
