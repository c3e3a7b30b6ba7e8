/**
 * REST error codes of the entity scores endpoint: the seven on Zoho's
 * reference page plus INVALID_MODULE, TOO_MANY_REQUESTS and INVALID_TOKEN,
 * which CRM's REST API returns for any module endpoint.
 */
export const DOCUMENTED_ERROR_CODES = [
  'INVALID_URL_PATTERN',
  'OAUTH_SCOPE_MISMATCH',
  'NO_PERMISSION',
  'INTERNAL_ERROR',
  'INVALID_REQUEST_METHOD',
  'REQUIRED_PARAM_MISSING',
  'INVALID_DATA',
  'INVALID_MODULE',
  'TOO_MANY_REQUESTS',
  'INVALID_TOKEN',
] as const;
