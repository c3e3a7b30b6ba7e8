import { field, isObject, parseDigitId, parseJson, preview } from '../api/json.js';
import type { RecordContext } from './types.js';

/** A module API name as CRM writes it: `Leads`, `Applications1`, `Sales_Orders`. */
const MODULE_API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The longest module name or id text a context carries for display. */
const MAX_SHOWN = 40;

/** Standard modules that CRM scoring rules never score; compared case-insensitively. */
const MODULES_WITHOUT_SCORES = new Set(
  [
    'Products',
    'Quotes',
    'Sales_Orders',
    'Purchase_Orders',
    'Invoices',
    'Tasks',
    'Events',
    'Calls',
    'Campaigns',
    'Vendors',
    'Price_Books',
    'Cases',
    'Solutions',
  ].map((name) => name.toLowerCase()),
);

/**
 * Turns a PageLoad payload into what the card shows.
 *
 * Accepts the payload as an object or as JSON text. Ids stay strings: an
 * `EntityId` string or one-element array is trimmed and must be 1 to 19
 * digits; a number only counts while it is a positive safe integer, because a
 * larger one has already lost digits. `Potentials` becomes `Deals`.
 *
 * States, checked in this order:
 * - `no-record`: not an object, `Entity` missing or not a string, or
 *   `EntityId` missing, null, empty or blank (web tabs, dashboards).
 * - `unsupported-module`: a standard module without scores (Products, …), or an
 *   `Entity` string that is not an API name (`"Le ads"`). The second case
 *   shows the name, cut short, because the admin placed the widget there and
 *   "this module has no scores" tells them where to look; `no-record` would
 *   send them looking for a record that is already open.
 * - `several-records`: more than one non-empty id (a list-view button).
 * - `invalid-record`: an id that is not a digit string, shown as text.
 * - `record`: everything else.
 */
export function parsePageLoad(payload: unknown): RecordContext {
  const object = typeof payload === 'string' ? parseJson(payload)?.value : payload;
  if (!isObject(object)) return { kind: 'no-record' };

  const entity = field(object, 'Entity');
  if (typeof entity !== 'string' || entity.trim() === '') return { kind: 'no-record' };

  const ids = presentIds(field(object, 'EntityId'));
  if (ids.length === 0) return { kind: 'no-record' };

  const module = moduleName(entity.trim());
  if (!MODULE_API_NAME.test(module) || MODULES_WITHOUT_SCORES.has(module.toLowerCase())) {
    return { kind: 'unsupported-module', module: preview(module, MAX_SHOWN) };
  }

  if (ids.length > 1) return { kind: 'several-records', module, count: ids.length };

  const [value] = ids;
  const recordId = parseDigitId(value);
  if (recordId === undefined) {
    // A number this large was rounded by JSON.parse before the widget saw it,
    // so the id cannot be recovered. The card explains that instead of "not valid".
    const reason = typeof value === 'number' && Number.isInteger(value) && value > 0 ? 'unsafe-number' : 'not-an-id';
    return { kind: 'invalid-record', module, value: preview(value, MAX_SHOWN), reason };
  }
  return { kind: 'record', module, recordId };
}

// Older CRM surfaces name Deals by its former API name; REST wants `Deals`.
function moduleName(entity: string): string {
  return entity.toLowerCase() === 'potentials' ? 'Deals' : entity;
}

/** The ids a PageLoad carries: one value, or each non-empty element of an array. */
function presentIds(value: unknown): unknown[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter((id) => id !== undefined && id !== null && !(typeof id === 'string' && id.trim() === ''));
}
