/**
 * Unwraps what `ZOHO.CRM.CONNECTION.invoke` resolves with into a REST body,
 * and turns every failure it can carry into a `CrmError` keyed on `code`.
 */
import { CrmError, type CrmErrorDetails } from './crm-error.js';
import { field, isObject, parseJson, preview } from './json.js';
import { MAX_RETRY_AFTER_SECONDS } from './policy.js';

/** Request facts that an error from the request carries. */
export interface RequestContext {
  /** Names the request in logs, e.g. `GET Leads/…/Entity_Scores__s`. */
  operation: string;
  /** The Connection scopes the request needs; an OAUTH_SCOPE_MISMATCH lists them. */
  scopes: readonly string[];
}

/** A REST response: a JSON object, or no content (HTTP 204 or an empty `statusMessage`). */
export type RestAnswer = { kind: 'body'; body: Record<string, unknown> } | { kind: 'no-content' };

/** A code as CRM writes it; longer or odder text is not a code. */
const CODE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const MAX_MESSAGE = 300;

/**
 * Reads the Connection envelope
 * `{"code":"SUCCESS","status":"success","message":"…","details":{"statusMessage": <REST body>}}`
 * and every variant seen from the host:
 *
 * - `statusMessage` as an object or as JSON text; `""`, null or missing means no content.
 * - A REST error body (`{code, message, status: "error", details}`) inside
 *   `statusMessage` while the outer code is SUCCESS, or an error inside `data[0]`.
 * - `details.status` `"false"` with a text message: the Connection itself
 *   failed (`CONNECTION_FAILED`), unless the text is a REST error body.
 * - An outer code other than SUCCESS: the inner error's code when there is
 *   one, else the outer code.
 * - A bare REST body without the envelope, as the SDK might resolve it. This
 *   is safe because an envelope is recognised by an outer `SUCCESS` or a
 *   `details.statusMessage` key, which no REST body of these endpoints has,
 *   and a bare body still goes through the same error checks and, after
 *   this, through a parser that requires its exact shape.
 *
 * Anything else, including text that is not JSON, is `INVALID_RESPONSE`.
 * Throws only `CrmError`.
 */
export function unwrapEnvelope(answer: unknown, context: RequestContext): RestAnswer {
  const value = typeof answer === 'string' ? parseJson(answer)?.value : answer;
  if (!isObject(value)) throw invalidResponse('The Connection returned something other than a JSON object.', context);

  const outerCode = field(value, 'code');
  const rawDetails = field(value, 'details');
  const details = isObject(rawDetails) ? rawDetails : {};
  const statusMessage = field(details, 'statusMessage');
  const status = field(details, 'status');
  if (status === 'false' || status === false) throw connectionFailure(value, details, context);

  const isEnvelope = outerCode === 'SUCCESS' || Object.prototype.hasOwnProperty.call(details, 'statusMessage');
  if (!isEnvelope) return checkBody(value, context);
  if (outerCode !== 'SUCCESS') throw errorFromBody(embeddedError(statusMessage) ?? value, context);

  const inner = readStatusMessage(statusMessage, context);
  return inner === undefined ? { kind: 'no-content' } : checkBody(inner, context);
}

/** Returns the REST body inside `statusMessage`, or `undefined` when it is empty. */
function readStatusMessage(statusMessage: unknown, context: RequestContext): Record<string, unknown> | undefined {
  let value = statusMessage;
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    const parsed = parseJson(value);
    if (parsed === undefined) throw invalidResponse('The REST response is not JSON.', context);
    value = parsed.value;
  }
  if (value === undefined || value === null || value === '') return undefined;
  if (!isObject(value)) throw invalidResponse('The REST response is not a JSON object.', context);
  return value;
}

/** Passes a REST body on, or throws the error it carries at the top or in `data[0]`. */
function checkBody(body: Record<string, unknown>, context: RequestContext): RestAnswer {
  if (isErrorBody(body)) throw errorFromBody(body, context);

  const data = field(body, 'data');
  const first: unknown = Array.isArray(data) ? data[0] : undefined;
  if (isObject(first) && field(first, 'status') === 'error') throw errorFromBody(first, context);

  return { kind: 'body', body };
}

function isErrorBody(body: Record<string, unknown>): boolean {
  const code = field(body, 'code');
  return field(body, 'status') === 'error' || (typeof code === 'string' && code !== 'SUCCESS');
}

/** Returns the REST error body carried in `statusMessage` (an object or JSON text), if there is one. */
function embeddedError(statusMessage: unknown): Record<string, unknown> | undefined {
  const value = typeof statusMessage === 'string' ? parseJson(statusMessage)?.value : statusMessage;
  return isObject(value) && isErrorBody(value) ? value : undefined;
}

/** Builds the error for `details.status` false: a REST error body in `statusMessage` wins, else its text is the message. */
function connectionFailure(
  envelope: Record<string, unknown>,
  details: Record<string, unknown>,
  context: RequestContext,
): CrmError {
  const statusMessage = field(details, 'statusMessage');
  const restError = embeddedError(statusMessage);
  if (restError !== undefined) return errorFromBody(restError, context);

  const text = [statusMessage, field(details, 'message'), field(envelope, 'message')].find(
    (candidate): candidate is string => typeof candidate === 'string' && candidate.trim() !== '',
  );
  return new CrmError('CONNECTION_FAILED', clip(text ?? 'The Connection failed.'), { operation: context.operation });
}

/**
 * Classifies a REST error body by its `code` alone: messages are localised.
 * A body marked as an error whose code is missing, malformed or `SUCCESS`
 * is `INVALID_RESPONSE`, so the card never shows "Error code: SUCCESS".
 */
export function errorFromBody(body: Record<string, unknown>, context: RequestContext): CrmError {
  const rawCode = field(body, 'code');
  const trimmed = typeof rawCode === 'string' ? rawCode.trim() : '';
  const code = CODE.test(trimmed) && trimmed !== 'SUCCESS' ? trimmed : 'INVALID_RESPONSE';
  const rawMessage = field(body, 'message');
  const message = typeof rawMessage === 'string' && rawMessage.trim() !== '' ? clip(rawMessage) : code;

  const source = field(body, 'details');
  const restDetails = isObject(source) ? source : {};
  const details: CrmErrorDetails = { operation: context.operation };

  const retryAfter = readRetryAfter(field(restDetails, 'retry_after'));
  if (retryAfter !== undefined) details.retryAfterSeconds = retryAfter;
  const permissions = readTextList(field(restDetails, 'permissions'));
  if (permissions !== undefined) details.permissions = permissions;
  const paramName = field(restDetails, 'param_name');
  if (typeof paramName === 'string' && paramName.trim() !== '') details.paramName = preview(paramName, 80);
  if (code === 'OAUTH_SCOPE_MISMATCH') details.scopes = [...context.scopes];

  return new CrmError(code, message, details);
}

/** `retry_after` in seconds, as a number or numeric text, clamped to the policy's maximum. */
function readRetryAfter(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return undefined;
  return Math.min(Math.ceil(seconds), MAX_RETRY_AFTER_SECONDS);
}

function readTextList(value: unknown): string[] | undefined {
  const list = (Array.isArray(value) ? value : [value])
    .filter((item): item is string => typeof item === 'string' && item.trim() !== '')
    .slice(0, 20)
    .map((item) => preview(item, 80));
  return list.length > 0 ? list : undefined;
}

function invalidResponse(message: string, context: RequestContext): CrmError {
  return new CrmError('INVALID_RESPONSE', message, { operation: context.operation });
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}
