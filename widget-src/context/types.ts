/** A record the widget can load scores for. Ids stay strings: they exceed 2^53. */
export interface RecordRef {
  /** Module API name as REST expects it (`Potentials` already mapped to `Deals`). */
  module: string;
  /** Decimal digit string, never passed through `Number`. */
  recordId: string;
}

/** What the widget makes of a PageLoad payload. Only `record` leads to requests. */
export type RecordContext =
  | ({ kind: 'record' } & RecordRef)
  /** No usable record: opened outside a record page, or `EntityId` missing or empty. */
  | { kind: 'no-record' }
  /** Several ids (a list-view button): the user has to pick one record. */
  | { kind: 'several-records'; module: string; count: number }
  /** A standard module that has no entity scores (Products, Quotes, …). */
  | { kind: 'unsupported-module'; module: string }
  /** An `EntityId` that is not a record id (letters, unsafe number, …). */
  | {
      kind: 'invalid-record';
      module: string;
      value: string;
      /** `unsafe-number`: a JSON number above 2^53, which already lost digits; `not-an-id`: anything else. */
      reason: 'unsafe-number' | 'not-an-id';
    };
