import type { RecordRef } from '../context/types.js';
import type { CardData } from '../model/types.js';

/**
 * Loads the card for one record. Structurally the same as `CardLoader` in
 * `api/load-card.ts`; declared here so the elements do not import the API layer.
 * It should reject with a `CrmError` and stop work when `signal` aborts.
 */
export type CardLoader = (record: RecordRef, signal: AbortSignal) => Promise<CardData>;

/** Colour scheme of the card; `auto` follows `prefers-color-scheme`. */
export type CardTheme = 'light' | 'dark' | 'auto';

/** Value of the card's `state` attribute. */
export type CardState = 'loading' | 'ready' | 'empty' | 'unavailable' | 'error';
