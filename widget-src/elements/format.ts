import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats a score with its sign (`+12`, `-4`, `0`) in the user's full locale,
 * e.g. `de-DE`. An invalid tag falls back to the browser's default locale.
 */
export function formatScore(value: number, locale: string | undefined): string {
  const key = locale ?? '';
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
    } catch {
      formatter = new Intl.NumberFormat(undefined, { signDisplay: 'exceptZero' });
    }
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}

/** Formats a count without sign, e.g. seconds or records, with the locale's digits. */
export function formatCount(value: number, locale: string | undefined): string {
  try {
    return new Intl.NumberFormat(locale).format(value);
  } catch {
    return String(value);
  }
}

/**
 * Formats a wait in the locale's own unit words: seconds up to two minutes,
 * then whole minutes rounded up, so an hour-long rate limit does not read as
 * "3,597 s".
 */
export function formatWait(seconds: number, locale: string | undefined): string {
  const [value, unit] = seconds < 120 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  try {
    return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  } catch {
    return new Intl.NumberFormat(undefined, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  }
}

/** Returns a score's text for sentences read by screen readers; null becomes "no value". */
export function spokenScore(value: number | null, locale: string | undefined): string {
  return value === null ? msg('no value', { id: 'value.none' }) : formatScore(value, locale);
}

/**
 * Renders a score, or an en dash for a missing one. The dash is hidden from
 * assistive technology, which reads "no value" instead, never 0.
 */
export function renderScore(value: number | null, locale: string | undefined): TemplateResult {
  if (value !== null) return html`<bdi>${formatScore(value, locale)}</bdi>`;
  return html`<span aria-hidden="true">–</span><span class="sr-only">${spokenScore(null, locale)}</span>`;
}
