import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { AdminNote, CardData, SettingProblem } from '../model/types.js';
import { renderCompactRule, renderPrimaryRule } from './rule-view.js';

// The views of the settled states, split from the card so that its first
// paint (the skeleton) needs less code. The card starts loading this module
// as soon as it is defined, in parallel with the SDK handshake.
export { renderError } from './error-view.js';

/** Renders the ready state: the primary rule in full, the others as compact rows, then the admin notes. */
export function renderRules(
  data: CardData,
  locale: string | undefined,
  expanded: ReadonlySet<number>,
  toggle: (index: number) => void,
): TemplateResult {
  const [primary, ...others] = data.rules;

  return html`${primary ? renderPrimaryRule(primary, data.display, locale) : nothing}
    ${others.length > 0
      ? html`<ul class="others">
          ${others.map((rule, i) => renderCompactRule(rule, data.display, locale, i + 1, expanded.has(i + 1), toggle))}
        </ul>`
      : nothing}
    ${renderNotes(data.notes)}`;
}

/** Renders the admin notes, or nothing when there are none. */
export function renderNotes(notes: readonly AdminNote[]): TemplateResult | typeof nothing {
  if (notes.length === 0) return nothing;
  return html`<ul class="notes" part="notes">
    ${notes.map((note) => html`<li>${noteText(note)}</li>`)}
  </ul>`;
}

function noteText(note: AdminNote): string {
  if (note.kind === 'rules-unavailable') {
    const unavailable = msg(str`Rule names are unavailable (code ${note.code}).`, { id: 'note.rulesUnavailable' });
    if (!note.scope) return unavailable;
    return `${unavailable} ${msg(str`An admin can add the scope ${note.scope} to the Connection.`, { id: 'note.addScope' })}`;
  }

  const ignored = msg(str`Setting ${note.key} was ignored: ${problemText(note.problem)}; the default applies.`, {
    id: 'note.invalidSetting',
  });
  if (!note.expected) return ignored;
  return `${ignored} ${msg(str`Expected: ${note.expected}.`, { id: 'note.expected' })}`;
}

function problemText(problem: SettingProblem): string {
  switch (problem) {
    case 'invalid-json':
      return msg('not valid JSON', { id: 'problem.invalidJson' });
    case 'wrong-type':
      return msg('wrong type', { id: 'problem.wrongType' });
    case 'unknown-key':
      return msg('unknown setting', { id: 'problem.unknownKey' });
    case 'out-of-range':
      return msg('value out of range', { id: 'problem.outOfRange' });
    case 'overlapping-bands':
      return msg('bands overlap', { id: 'problem.overlappingBands' });
    case 'unavailable':
      return msg('settings file could not be loaded', { id: 'problem.unavailable' });
    default:
      // A problem added to the model after this build: an admin can still look up its code.
      return problem;
  }
}
