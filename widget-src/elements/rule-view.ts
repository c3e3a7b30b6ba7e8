import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Band, CardRule, DisplayOptions } from '../model/types.js';
import { renderScore, spokenScore } from './format.js';
import { bandIcon } from './icons.js';

/** Returns the rule's display name: its CRM name, else a label built from its id. */
export function ruleName(rule: CardRule): string {
  if (rule.ruleName) return rule.ruleName;
  if (rule.ruleId) return msg(str`Scoring Rule ${rule.ruleId}`, { id: 'rule.fallbackName' });
  return msg('Scoring Rule', { id: 'rule.unnamed' });
}

/** Returns the band's label: the admin's label, else the translated built-in name. */
export function bandLabel(band: Band): string {
  if (band.label) return band.label;
  switch (band.id) {
    case 'hot':
      return msg('Hot', { id: 'band.hot' });
    case 'warm':
      return msg('Warm', { id: 'band.warm' });
    case 'cold':
      return msg('Cold', { id: 'band.cold' });
    default:
      return band.id;
  }
}

/**
 * Returns the one sentence a screen reader reads for a rule: name, score,
 * band and both parts. The visual figures it describes are hidden from
 * assistive technology, so nothing is read twice.
 */
export function ruleSummary(rule: CardRule, display: DisplayOptions, locale: string | undefined): string {
  const name = ruleName(rule);
  const score = spokenScore(rule.score, locale);
  const positive = spokenScore(rule.positive, locale);
  const negative = spokenScore(rule.negative, locale);
  const band = shownBand(rule, display);

  if (band === null) {
    return msg(str`${name}: Score ${score}, positive ${positive}, negative ${negative}.`, { id: 'rule.summary' });
  }
  return msg(str`${name}: Score ${score} (${bandLabel(band)}), positive ${positive}, negative ${negative}.`, {
    id: 'rule.summaryBand',
  });
}

/** Renders the primary rule in full, with its name as a heading. */
export function renderPrimaryRule(rule: CardRule, display: DisplayOptions, locale: string | undefined): TemplateResult {
  return html`<section class="rule" part="rule">
    <h2 class="name">${ruleName(rule)}</h2>
    <p class="sr-only">${ruleSummary(rule, display, locale)}</p>
    ${renderRuleBody(rule, display, locale)}
  </section>`;
}

/**
 * Renders a secondary rule as a compact row (name, score, band) whose button
 * expands the full figures in place.
 */
export function renderCompactRule(
  rule: CardRule,
  display: DisplayOptions,
  locale: string | undefined,
  index: number,
  expanded: boolean,
  toggle: (index: number) => void,
): TemplateResult {
  const band = shownBand(rule, display);
  const detailsId = `rule-${index}`;

  return html`<li part="rule">
    <button class="row" type="button" aria-expanded=${expanded} aria-controls=${detailsId} @click=${() => toggle(index)}>
      <span class="sr-only">${ruleSummary(rule, display, locale)}${rule.active === false
          ? ` ${msg('Inactive: this score no longer updates', { id: 'rule.inactive' })}`
          : ''}</span>
      <span class="name" aria-hidden="true">${ruleName(rule)}</span>
      ${rule.active === false
        ? html`<span class="inactive" aria-hidden="true">${msg('Inactive', { id: 'rule.inactiveTag' })}</span>`
        : nothing}
      <span class="score" aria-hidden="true">${renderScore(rule.score, locale)}</span>
      ${band === null ? nothing : html`<span aria-hidden="true">${renderBand(band)}</span>`}
    </button>
    <div id=${detailsId} class="more" ?hidden=${!expanded}>
      ${expanded ? renderRuleBody(rule, display, locale, false) : nothing}
    </div>
  </li>`;
}

function renderRuleBody(
  rule: CardRule,
  display: DisplayOptions,
  locale: string | undefined,
  withHeadline = true,
): TemplateResult {
  const band = shownBand(rule, display);

  return html`<div aria-hidden="true">
      ${withHeadline
        ? html`<div class="headline">
            <span class="label">${msg('Score', { id: 'field.score' })}</span>
            <span class="score" part="score">${renderScore(rule.score, locale)}</span>
            ${band === null ? nothing : renderBand(band)}
          </div>`
        : nothing}
      <dl class="parts">
        <div><dt>${msg('Positive', { id: 'field.positive' })}</dt><dd>${renderScore(rule.positive, locale)}</dd></div>
        <div><dt>${msg('Negative', { id: 'field.negative' })}</dt><dd>${renderScore(rule.negative, locale)}</dd></div>
      </dl>
      ${display.breakdown ? renderBar(rule) : nothing}
    </div>
    ${renderTouchPoints(rule, display, locale)}
    ${rule.active === false
      ? html`<p class="inactive">${msg('Inactive: this score no longer updates', { id: 'rule.inactive' })}</p>`
      : nothing}
    ${display.descriptions && rule.description
      ? html`<details>
          <summary>${msg('About this rule', { id: 'rule.about' })}</summary>
          <p>${rule.description}</p>
        </details>`
      : nothing}`;
}

function renderBand(band: Band): TemplateResult {
  return html`<span class="band ${band.tone}" part="band">${bandIcon(band.tone)}<span>${bandLabel(band)}</span></span>`;
}

/**
 * Renders the positive and negative parts as two segments whose widths are in
 * proportion. The row is a flex box, so it mirrors in right-to-left layouts.
 */
function renderBar(rule: CardRule): TemplateResult | typeof nothing {
  const positive = Math.max(rule.positive ?? 0, 0);
  const negative = Math.abs(rule.negative ?? 0);
  if (positive + negative === 0) return nothing;

  // A .style property binding writes through the CSSOM, which the widget page's
  // Content-Security-Policy allows; a style attribute would need 'unsafe-inline'.
  return html`<div class="bar">
    <span class="pos" .style=${`flex-grow:${positive}`}></span>
    <span class="neg" .style=${`flex-grow:${negative}`}></span>
  </div>`;
}

function renderTouchPoints(
  rule: CardRule,
  display: DisplayOptions,
  locale: string | undefined,
): TemplateResult | typeof nothing {
  const values = [rule.touchPoint, rule.touchPointPositive, rule.touchPointNegative];
  if (!display.touchPoints || values.every((value) => value === null)) return nothing;

  return html`<dl class="parts touch">
    <div><dt>${msg('Touch Point score', { id: 'field.touchPoint' })}</dt><dd>${renderScore(rule.touchPoint, locale)}</dd></div>
    <div><dt>${msg('Positive', { id: 'field.positive' })}</dt><dd>${renderScore(rule.touchPointPositive, locale)}</dd></div>
    <div><dt>${msg('Negative', { id: 'field.negative' })}</dt><dd>${renderScore(rule.touchPointNegative, locale)}</dd></div>
  </dl>`;
}

function shownBand(rule: CardRule, display: DisplayOptions): Band | null {
  return display.bands ? rule.band : null;
}
