import { html } from 'lit';
import type { TemplateResult } from 'lit';

/** Renders the placeholder of a one-rule card: the same rows at the same heights. */
export function renderRuleSkeleton(): TemplateResult {
  return html`<div class="rule" aria-hidden="true">
    <div class="name"><span class="bone"></span></div>
    <div class="headline"><span class="score"><span class="bone"></span></span></div>
    <div class="parts"><span class="bone"></span></div>
    <div class="bar bone"></div>
  </div>`;
}
