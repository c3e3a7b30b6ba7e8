/**
 * Codes the widget itself raises, beside the CRM REST codes
 * (OAUTH_SCOPE_MISMATCH, NO_PERMISSION, INVALID_DATA, …) that pass through unchanged.
 */
export type WidgetErrorCode =
  /** The `ZOHO` global is missing: the SDK script was blocked or failed to load. */
  | 'SDK_NOT_LOADED'
  /** The widget's own second chunk (adapter, API client, settings) failed to load. */
  | 'WIDGET_NOT_LOADED'
  /** An SDK call got no answer within the configured timeout. */
  | 'TIMEOUT'
  /** The Connection failed: `details.status` false, or the host rejected `CONNECTION.invoke` without a REST code. */
  | 'CONNECTION_FAILED'
  /**
   * Another SDK call (`GetCurrentEnvironment`, `getCurrentUser`, …) threw or was
   * rejected without a REST code, or `CONNECTION.invoke` threw before reaching
   * the host. `details.operation` names the call.
   */
  | 'CRM_CALL_FAILED'
  /** `GetCurrentEnvironment` named a data centre the widget has no API host for. */
  | 'UNKNOWN_DATA_CENTRE'
  /** A REST answer was not the expected JSON shape. */
  | 'INVALID_RESPONSE'
  /** A setting the request needs is unusable (`details.setting` names it), e.g. an `apiVersion` like `7`. */
  | 'INVALID_SETTING';

/**
 * A failure the card can show. `code` is a CRM REST code or a `WidgetErrorCode`;
 * classification always keys on it, never on `message`, which CRM localises.
 */
export class CrmError extends Error {
  override readonly name = 'CrmError';

  constructor(
    readonly code: string,
    message: string,
    readonly details: CrmErrorDetails = {},
  ) {
    super(message);
  }
}

/** Optional facts an error carries for its message. */
export interface CrmErrorDetails {
  /** Seconds to wait before retrying (TOO_MANY_REQUESTS `details.retry_after`). */
  retryAfterSeconds?: number;
  /** OAuth scopes the Connection needs (OAUTH_SCOPE_MISMATCH). */
  scopes?: string[];
  /** Permissions CRM says are missing (NO_PERMISSION `details.permissions`). */
  permissions?: string[];
  /** The data centre value that has no API host (UNKNOWN_DATA_CENTRE). */
  dataCentre?: string;
  /** The missing parameter (REQUIRED_PARAM_MISSING `details.param_name`). */
  paramName?: string;
  /** The SDK call or REST path that failed, for logs. */
  operation?: string;
  /** The settings key that is unusable (INVALID_SETTING). */
  setting?: string;
}
