import { html, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';
import type { BandTone } from '../model/types.js';

// One shape per tone (a flame, a sun and a snowflake), so bands differ in
// shape as well as in colour and label.
const shapes: Record<BandTone, SVGTemplateResult> = {
  hot: svg`<path fill="currentColor" d="M8 .5c.6 3 4.5 4.6 4.5 8.8a4.5 4.5 0 0 1-9 0c0-2.2 1.2-3.6 2.3-4.6.1 1.7.9 2.8 1.9 3.1C7.1 5.4 7 2.8 8 .5z"/>`,
  warm: svg`<circle cx="8" cy="8" r="3.2" fill="currentColor"/><path stroke="currentColor" stroke-width="1.6" stroke-linecap="round" d="M8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6 13 13M3 13l1.4-1.4M11.6 4.4 13 3"/>`,
  cold: svg`<path stroke="currentColor" stroke-width="1.6" stroke-linecap="round" fill="none" d="M8 1v14M2 4.5l12 7M2 11.5l12-7M6 2.2 8 4l2-1.8M6 13.8 8 12l2 1.8"/>`,
};

/** Renders the decorative icon of a band tone; the band's text label carries its meaning. */
export function bandIcon(tone: BandTone): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${shapes[tone] ?? shapes.cold}</svg>`;
}
