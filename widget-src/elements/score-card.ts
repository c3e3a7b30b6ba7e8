import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { CrmError } from '../api/crm-error.js';
import { retryAfterMs } from '../api/policy.js';
import type { RecordContext, RecordRef } from '../context/types.js';
import type { CardData } from '../model/types.js';
import { applyLocale, getLocale, textDirection } from '../i18n/locale.js';
import type { ShippedLocale } from '../i18n/locale.js';
import { Countdown } from './countdown.js';
import { formatCount } from './format.js';
import { afterNextPaint } from './after-paint.js';
import { renderRuleSkeleton } from './skeleton.js';
import { toCrmError } from './to-crm-error.js';
import type { CardLoader, CardState, CardTheme } from './types.js';
import { styles } from './score-card.styles.js';

export type { CardLoader, CardState, CardTheme } from './types.js';

type Views = typeof import('./views.js');

// Loaded once per page, right after the first paint: the settled states need
// it only after a CRM round trip. Until it has arrived, they render as the
// skeleton and reflect `loading`.
// If it fails to load, they render a short error of the card's own instead.
let views: Views | undefined;
let viewsFailed = false;
const viewsReady: Promise<Views> = afterNextPaint()
  .then(() => import('./views.js'))
  .then((module) => (views = module));
viewsReady.catch(() => {
  viewsFailed = true;
});

const VIEWS_NOT_LOADED = new CrmError('WIDGET_NOT_LOADED', 'The views of the card failed to load.', { operation: 'views.js' });

/** A loaded card together with the record it belongs to. */
interface LoadedCard {
  record: RecordRef;
  data: CardData;
}

/** Content of one render, derived from the properties and the task. */
type View =
  | { state: 'loading' }
  | { state: 'unavailable'; context: Exclude<RecordContext, { kind: 'record' }> }
  | { state: 'ready' | 'empty'; data: CardData }
  | { state: 'error'; error: CrmError };

/**
 * The entity scores of one CRM record, one section per scoring rule.
 *
 * @summary Shows a record's entity scores: score, band and breakdown per scoring rule.
 *
 * The element renders every state of the load itself. `loading` is a skeleton
 * the size of a one-rule card. `unavailable` means the widget is on a page
 * without a single supported record. `error` explains what failed, what to do,
 * and shows the code. The other states are `ready` and `empty`. The current state is reflected in the `state`
 * attribute, and an error's code in `error-code`. State changes are
 * announced through a polite live region.
 *
 * @csspart card - The outer box of every state.
 * @csspart rule - One scoring rule: the primary section or a compact row.
 * @csspart score - The headline score of the primary rule.
 * @csspart band - The band chip (icon and label).
 * @csspart message - The text of the empty, unavailable and error states.
 * @csspart notes - The list of admin notes.
 * @csspart retry-button - The button that loads the scores again after an error.
 *
 * @cssprop [--entity-score-font=14px/1.4 system-ui, sans-serif] - Font shorthand of the card.
 * @cssprop [--entity-score-surface=#fff] - Card background.
 * @cssprop [--entity-score-text=#1f2328] - Main text colour.
 * @cssprop [--entity-score-text-muted=#59636e] - Labels, notes and error codes.
 * @cssprop [--entity-score-border=#8c959f] - Card and row borders.
 * @cssprop [--entity-score-accent=#0b5cad] - Buttons, disclosure links and the focus ring.
 * @cssprop [--entity-score-band-hot=#9c3000] - Icon and outline of the hot band.
 * @cssprop [--entity-score-band-warm=#a67c00] - Icon and outline of the warm band.
 * @cssprop [--entity-score-band-cold=#2f6fd0] - Icon and outline of the cold band.
 * @cssprop [--entity-score-bar-positive=#1f62c4] - Positive segment of the breakdown bar.
 * @cssprop [--entity-score-bar-negative=#b34700] - Negative segment of the breakdown bar.
 * @cssprop [--entity-score-skeleton=#e6e9ed] - Placeholder blocks while loading.
 */
@localized()
export class EntityScoreCard extends LitElement {
  static override styles = styles;

  /** The record the card is for; undefined until PageLoad arrives, which shows the skeleton. */
  @property({ attribute: false }) context?: RecordContext;

  /** Loads the card for a record; called with a fresh signal for each load. */
  @property({ attribute: false }) loader?: CardLoader;

  /** A failure before any load could start, such as `SDK_NOT_LOADED`; shown as the error state. */
  @property({ attribute: false }) startupError?: CrmError;

  /**
   * BCP 47 locale of the user, e.g. `de-DE`. Numbers are formatted in it; the
   * messages switch to the closest shipped language. Unset leaves both to the page.
   */
  @property() locale?: string;

  /** Colour scheme; `auto` follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme: CardTheme = 'auto';

  /** Incremented by the retry button; a task argument, so a change loads again. */
  @state() private retryCount = 0;

  /** Indexes of the secondary rules whose details are expanded. */
  @state() private expanded: ReadonlySet<number> = new Set();

  private readonly countdown = new Countdown(this);

  /** Set by the retry button so that focus returns into the card once it settles. */
  private focusAfterRetry = false;

  private readonly task = new Task(this, {
    task: async ([context, loader]: readonly [RecordContext | undefined, CardLoader | undefined, number], { signal }) => {
      if (context?.kind !== 'record' || loader === undefined) return initialState;

      const record: RecordRef = { module: context.module, recordId: context.recordId };
      // Settled states need the views module; waiting here keeps `taskComplete`
      // meaning "rendered", for errors as well as for data.
      const [data] = await Promise.all([
        loader(record, signal).catch(async (error: unknown) => {
          await viewsReady;
          throw error;
        }),
        viewsReady,
      ]);
      return { record, data } satisfies LoadedCard;
    },
    args: () => [this.context, this.loader, this.retryCount] as const,
    onError: (error) => {
      const wait = retryAfterMs(toCrmError(error));
      if (wait > 0) this.countdown.start(wait / 1000);
    },
  });

  /** The state currently rendered, as in the `state` attribute. */
  get state(): CardState {
    return this.view().state;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') && this.locale) applyLocale(this.locale);
    if (changed.has('context')) this.expanded = new Set();
  }

  protected override update(changed: PropertyValues<this>): void {
    // The task has started or settled by now, so the attributes match what renders.
    const view = this.view();
    this.setAttribute('state', view.state);
    if (view.state === 'error') this.setAttribute('error-code', view.error.code);
    else this.removeAttribute('error-code');

    // Language and direction follow the messages actually loaded, not the request.
    const active = getLocale() as ShippedLocale;
    this.lang = active;
    this.dir = textDirection(active);

    super.update(changed);
  }

  protected override updated(): void {
    // The retry button disappears while the card reloads, which would drop
    // keyboard focus to the page. Once the card settles, focus goes back to
    // the new retry button, or else to the card itself.
    if (!this.focusAfterRetry || this.state === 'loading') return;
    this.focusAfterRetry = false;
    const root = this.renderRoot as ShadowRoot;
    const target = root.querySelector<HTMLElement>('.retry') ?? root.querySelector<HTMLElement>('.card');
    target?.focus();
  }

  protected override render(): TemplateResult {
    const view = this.view();
    return html`<div class="card" part="card" tabindex="-1" aria-busy=${view.state === 'loading'}>
      ${this.renderView(view)}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement(view)}</div>
    </div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!views) void viewsReady.then(() => this.requestUpdate(), () => this.requestUpdate());
  }

  private view(): View {
    const view = this.settledView();
    if (views || view.state === 'unavailable') return view;
    // Ready, empty and error render with the views module. Until it is here the
    // skeleton stays, and if it failed to load the card shows that error instead.
    return viewsFailed ? { state: 'error', error: VIEWS_NOT_LOADED } : { state: 'loading' };
  }

  private settledView(): View {
    if (this.startupError) return { state: 'error', error: this.startupError };

    const context = this.context;
    if (context === undefined) return { state: 'loading' };
    if (context.kind !== 'record') return { state: 'unavailable', context };

    switch (this.task.status) {
      case TaskStatus.COMPLETE: {
        const loaded = this.task.value as LoadedCard | undefined;
        // The task drops results of superseded runs. This check covers a record
        // that changed before the new run started.
        if (loaded === undefined || !sameRecord(loaded.record, context)) return { state: 'loading' };
        return { state: loaded.data.rules.length > 0 ? 'ready' : 'empty', data: loaded.data };
      }
      case TaskStatus.ERROR:
        return { state: 'error', error: toCrmError(this.task.error) };
      default:
        return { state: 'loading' };
    }
  }

  private renderView(view: View): TemplateResult {
    const locale = this.numberLocale();
    // view() returns `loading`, or `error` when it failed, until the views module has arrived.
    const loaded = views as Views;

    switch (view.state) {
      case 'loading':
        return html`${renderRuleSkeleton()}<span class="sr-only">${msg('Loading entity scores…', { id: 'state.loading' })}</span>`;
      case 'unavailable':
        return html`<p class="message" part="message">${unavailableText(view.context, locale)}</p>`;
      case 'empty':
        return html`<div class="message" part="message">
            <p>${msg('No score yet for this record.', { id: 'state.empty' })}</p>
            <p class="muted">${msg('Scores appear once a scoring rule has run on this record.', { id: 'state.emptyHint' })}</p>
          </div>
          ${loaded.renderNotes(view.data.notes)}`;
      case 'ready':
        return loaded.renderRules(view.data, locale, this.expanded, this.toggleRule);
      case 'error':
        if (!views) return renderLoadFailure(view.error);
        return loaded.renderError(view.error, this.countdown.remainingSeconds, this.retry, locale);
    }
  }

  private announcement(view: View): string {
    switch (view.state) {
      case 'ready':
        return msg('Entity scores loaded.', { id: 'live.ready' });
      case 'empty':
        return msg('No score yet for this record.', { id: 'state.empty' });
      case 'error':
        return msg('Entity scores could not be loaded.', { id: 'error.unknown' });
      default:
        return '';
    }
  }

  /** Numbers use the user's full locale (`de-DE`), which may be more specific than the messages. */
  private numberLocale(): string | undefined {
    return this.locale || undefined;
  }

  private readonly retry = (): void => {
    this.countdown.stop();
    this.focusAfterRetry = true;
    this.retryCount++;
    // The button is about to be replaced by the skeleton; the card keeps
    // focus meanwhile, so keyboard users are never left on the page body.
    this.renderRoot.querySelector<HTMLElement>('.card')?.focus();
  };

  private readonly toggleRule = (index: number): void => {
    const next = new Set(this.expanded);
    if (!next.delete(index)) next.add(index);
    this.expanded = next;
  };
}

/** Renders an error without the views module: the same texts as its error view, with no retry. */
function renderLoadFailure(error: CrmError): TemplateResult {
  return html`<div class="message" part="message">
    <p>${msg('Entity scores could not be loaded.', { id: 'error.unknown' })}</p>
    <p>${msg('Reload the page. If it keeps failing, tell your CRM admin the code below.', { id: 'error.reloadAction' })}</p>
    <p class="code">${msg(str`Error code: ${error.code}`, { id: 'error.code' })}</p>
  </div>`;
}

function sameRecord(a: RecordRef, b: RecordRef): boolean {
  return a.module === b.module && a.recordId === b.recordId;
}

function unavailableText(context: Exclude<RecordContext, { kind: 'record' }>, locale: string | undefined): string {
  switch (context.kind) {
    case 'no-record':
      return msg('Open this widget from a Lead, Contact, Deal or Account record page.', { id: 'context.noRecord' });
    case 'several-records':
      return msg(str`${formatCount(context.count, locale)} records are selected. Select a single record to see its entity scores.`, {
        id: 'context.severalRecords',
      });
    case 'unsupported-module':
      return msg(str`Entity scores are not available for this module (${context.module}).`, {
        id: 'context.unsupportedModule',
      });
    case 'invalid-record':
      if (context.reason === 'unsafe-number') {
        return msg(
          str`CRM sent the ${context.module} record id as a number too long to read exactly (${context.value}). Reload the page. If this keeps happening, tell your CRM admin.`,
          { id: 'context.unsafeRecordId' },
        );
      }
      return msg(str`"${context.value}" is not a valid ${context.module} record id. Open the record again from its list.`, {
        id: 'context.invalidRecord',
      });
  }
}

// A guarded define: a second copy of the bundle on the same page must not throw.
if (!customElements.get('entity-score-card')) customElements.define('entity-score-card', EntityScoreCard);

declare global {
  interface HTMLElementTagNameMap {
    'entity-score-card': EntityScoreCard;
  }
}
