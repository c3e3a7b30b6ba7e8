import { CrmError } from '../api/crm-error.js';

/** Returns the failure as a `CrmError`; anything else the loader threw gets a widget code. */
export function toCrmError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  return new CrmError('UNEXPECTED_ERROR', describeFailure(error));
}

// String() throws for an object whose toString and valueOf return no text,
// and a throw here would leave the card without any state.
function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'The card load failed with a value that has no text form.';
  }
}
