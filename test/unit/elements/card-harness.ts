import '../helpers/dev-warnings.js';
import type { Task } from '@lit/task';
import type { RecordContext, RecordRef } from '../../../widget-src/context/types.js';
import { EntityScoreCard } from '../../../widget-src/elements/score-card.js';
import type { CardLoader } from '../../../widget-src/elements/types.js';
import type { CardData } from '../../../widget-src/model/types.js';
import { setLocale } from '../../../widget-src/i18n/locale.js';
import { deferred, fixture, type Deferred, type FixtureOptions } from '../helpers/fixture.js';

// A card with a `locale` switches the messages of the whole page; the next
// test starts in English again.
afterEach(async () => {
  await setLocale('en');
});

export const LEAD: RecordContext = { kind: 'record', module: 'Leads', recordId: '4876876000000123001' };
export const DEAL: RecordContext = { kind: 'record', module: 'Deals', recordId: '4876876000002768054' };

/** One call of a fake loader: its arguments and the result promise the test settles. */
export interface LoaderCall {
  record: RecordRef;
  signal: AbortSignal;
  answer: Deferred<CardData>;
}

/** A loader that records each call and settles only when the test resolves or rejects it. */
export function fakeLoader(): { loader: CardLoader; calls: LoaderCall[] } {
  const calls: LoaderCall[] = [];
  const loader: CardLoader = (record, signal) => {
    const answer = deferred<CardData>();
    calls.push({ record, signal, answer });
    return answer.promise;
  };
  return { loader, calls };
}

export interface CardProps {
  context?: RecordContext;
  loader?: CardLoader;
  startupError?: EntityScoreCard['startupError'];
  locale?: string;
  theme?: EntityScoreCard['theme'];
}

/** Creates a card with `props`, mounts it and waits for the first render. */
export async function mountCard(props: CardProps = {}, options?: FixtureOptions): Promise<EntityScoreCard> {
  const card = new EntityScoreCard();
  Object.assign(card, props);
  return fixture(card, options);
}

/**
 * Waits until the card's load task has settled and the card has rendered the
 * result. Reads the private task: the element offers no public hook for it.
 */
export async function settled(card: EntityScoreCard): Promise<void> {
  const { task } = card as unknown as { task: Task };
  await task.taskComplete.catch(() => undefined);
  await card.updateComplete;
}

/** Returns the card's shadow root, which is always open. */
export function shadow(card: EntityScoreCard): ShadowRoot {
  if (!card.shadowRoot) throw new Error('entity-score-card has no shadow root');
  return card.shadowRoot;
}

/** Returns the text a sighted user reads: whitespace collapsed, visually hidden text included. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Returns the text of the polite live region. */
export function announcement(card: EntityScoreCard): string {
  return textOf(shadow(card).querySelector('[aria-live="polite"]'));
}
