import type { ConnectionRequest, CrmHost } from '../sdk/crm-host.js';
import { CrmError } from './crm-error.js';
import { unwrapEnvelope, type RequestContext, type RestAnswer } from './envelope.js';
import { withAutoRetry } from './policy.js';
import { abortError, type Timers } from './timers.js';

/** Everything one card load needs to send REST requests through the Connection. */
export interface RestClient {
  host: CrmHost;
  connectionName: string;
  /** `{apiHost}/crm/{apiVersion}`, from `restBaseUrl`. */
  baseUrl: string;
  timers: Timers;
  /** The SDK timeout; bounds the retry backoff too. */
  timeoutMs: number;
  signal: AbortSignal;
}

const API_VERSION = /^v\d+$/;

/** `{apiHost}/crm/{apiVersion}`; an `apiVersion` like `7` or `v7/..` is `INVALID_SETTING`. */
export function restBaseUrl(apiHost: string, apiVersion: string): string {
  if (!API_VERSION.test(apiVersion)) {
    throw new CrmError('INVALID_SETTING', `The API version "${apiVersion.slice(0, 20)}" is not like v7.`, {
      setting: 'apiVersion',
    });
  }
  return `${apiHost.replace(/\/+$/, '')}/crm/${apiVersion}`;
}

/** Builds a GET with `parameters` as the query string, the only request shape the widget sends. */
export function getRequest(url: string, parameters: Record<string, string>): ConnectionRequest {
  return { url, method: 'GET', param_type: 1, parameters, headers: {} };
}

/**
 * Sends one GET through the Connection and unwraps the response, with the
 * policy's automatic retry. Rejects with a `CrmError`, or an AbortError once
 * `client.signal` has aborted; no request is sent after that.
 *
 * A request already sent is awaited even after an abort (the SDK cannot
 * recall it, and the adapter's timeout bounds it), so the caller knows when
 * nothing of this load is left in flight.
 */
export function sendGet(client: RestClient, request: ConnectionRequest, context: RequestContext): Promise<RestAnswer> {
  const attempt = async (): Promise<RestAnswer> => {
    if (client.signal.aborted) throw abortError();
    const answer = await client.host.invokeConnection(client.connectionName, request);
    if (client.signal.aborted) throw abortError();
    return unwrapEnvelope(answer, context);
  };
  return withAutoRetry(attempt, client);
}
