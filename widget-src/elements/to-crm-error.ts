import { CrmError } from '../api/crm-error.js';

/** Returns the failure as a `CrmError`; anything else the loader threw gets a widget code. */
export function toCrmError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  return new CrmError('UNEXPECTED_ERROR', error instanceof Error ? error.message : String(error));
}
