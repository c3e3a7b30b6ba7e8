import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { CrmError } from '../api/crm-error.js';
import { isUserRetryable } from '../api/policy.js';
import { formatWait } from './format.js';

/** Text of the error state: the failure and the next step. */
interface ErrorText {
  problem: string;
  action: string;
}

/** Returns whether the card offers a retry button for `code`, as the API policy decides. */
export function offersRetry(code: string): boolean {
  return isUserRetryable(code);
}

/**
 * Renders the error state: the problem, the next step, a retry button when
 * the code allows one, and the code itself in small text for support.
 * While `waitSeconds` is above 0 the button stays disabled and counts down.
 */
export function renderError(
  error: CrmError,
  waitSeconds: number,
  retry: () => void,
  locale: string | undefined,
): TemplateResult {
  const text = describeError(error);
  const wait = formatWait(waitSeconds, locale);
  const retryButton = offersRetry(error.code)
    ? html`<button class="retry" part="retry-button" type="button" ?disabled=${waitSeconds > 0} @click=${retry}>
        ${waitSeconds > 0
          ? msg(str`Try again in ${wait}`, { id: 'error.retryIn' })
          : msg('Try again', { id: 'error.retry' })}
      </button>`
    : nothing;

  return html`<div class="message" part="message">
    <p>${text.problem}</p>
    <p>${text.action}</p>
    ${retryButton}
    <p class="code">${msg(str`Error code: ${error.code}`, { id: 'error.code' })}</p>
  </div>`;
}

function describeError(error: CrmError): ErrorText {
  const { details } = error;

  switch (error.code) {
    case 'OAUTH_SCOPE_MISMATCH': {
      const problem = msg("The CRM Connection lacks the OAuth scopes this widget needs.", { id: 'error.scope' });
      const scopes = details.scopes?.join(', ');
      const action = scopes
        ? msg(str`An admin must add these scopes to the Connection and authorize it again: ${scopes}.`, {
            id: 'error.scopeAction',
          })
        : msg("An admin must check the Connection's scopes and authorize it again.", { id: 'error.scopeActionNoList' });
      return { problem, action };
    }
    case 'NO_PERMISSION':
      return {
        problem: msg("You don't have permission to view entity scores.", { id: 'error.permission' }),
        action: msg('Ask your CRM admin for permission to view entity scores.', { id: 'error.permissionAction' }),
      };
    case 'INVALID_DATA':
      return {
        problem: msg('CRM did not find this record. It may have been deleted.', { id: 'error.record' }),
        action: msg('Reload the page, or open the record again from its list.', { id: 'error.recordAction' }),
      };
    case 'INVALID_MODULE':
      return {
        problem: msg('CRM does not accept this module for entity scores.', { id: 'error.module' }),
        action: msg('An admin should place this widget on Lead, Contact, Deal or Account pages.', {
          id: 'error.moduleAction',
        }),
      };
    case 'INVALID_TOKEN':
      return {
        problem: msg("The Connection's authorization has expired.", { id: 'error.token' }),
        action: msg('An admin must authorize the Connection again in CRM setup.', { id: 'error.tokenAction' }),
      };
    case 'TOO_MANY_REQUESTS':
      return {
        problem: msg('CRM received too many requests and asked the widget to wait.', { id: 'error.rateLimit' }),
        action: msg('You can try again when the button below is enabled.', { id: 'error.rateLimitAction' }),
      };
    case 'INTERNAL_ERROR':
      return {
        problem: msg('The CRM server reported an internal error.', { id: 'error.server' }),
        action: msg('Try again in a moment. If it keeps failing, contact Zoho support.', {
          id: 'error.serverAction',
        }),
      };
    case 'INVALID_URL_PATTERN':
    case 'REQUIRED_PARAM_MISSING':
    case 'INVALID_REQUEST_METHOD':
      return {
        problem: msg('CRM rejected the request because the widget is misconfigured.', { id: 'error.config' }),
        action: msg('Tell your CRM admin and quote the code below.', { id: 'error.configAction' }),
      };
    case 'INVALID_SETTING':
      return {
        problem: msg(str`The widget setting "${details.setting ?? '?'}" has a value the widget cannot use.`, {
          id: 'error.setting',
        }),
        action: msg('An admin must correct it in the widget settings or the org variable.', {
          id: 'error.settingAction',
        }),
      };
    case 'TIMEOUT':
      return {
        problem: msg('CRM did not answer in time.', { id: 'error.timeout' }),
        action: msg('Check your network connection and try again.', { id: 'error.timeoutAction' }),
      };
    case 'CONNECTION_FAILED':
      return {
        problem: msg('The request through the CRM Connection failed. The Connection may be missing or not authorized.', {
          id: 'error.connection',
        }),
        action: msg('An admin should check the Connection named in the widget settings. Then try again.', {
          id: 'error.connectionAction',
        }),
      };
    case 'CRM_CALL_FAILED':
      return {
        problem: msg('The CRM page did not complete a request from the widget.', { id: 'error.crmCall' }),
        action: msg('Try again. If it keeps failing, reload the page.', { id: 'error.crmCallAction' }),
      };
    case 'UNKNOWN_DATA_CENTRE':
      return {
        problem: msg(str`The widget has no API address for the data centre "${details.dataCentre ?? '?'}".`, {
          id: 'error.dataCentre',
        }),
        action: msg('Tell your CRM admin. The widget needs an update for this data centre.', {
          id: 'error.dataCentreAction',
        }),
      };
    case 'SDK_NOT_LOADED':
      return {
        problem: msg("Zoho's widget script did not load.", { id: 'error.sdk' }),
        action: msg('Reload the page. If it keeps failing, check that your network allows live.zwidgets.com.', {
          id: 'error.sdkAction',
        }),
      };
    case 'INVALID_RESPONSE':
      return {
        problem: msg('CRM sent a response the widget could not read.', { id: 'error.response' }),
        action: genericAction(error.code),
      };
    default:
      return {
        problem: msg('Entity scores could not be loaded.', { id: 'error.unknown' }),
        action: genericAction(error.code),
      };
  }
}

function genericAction(code: string): string {
  return offersRetry(code)
    ? msg('Try again. If it keeps failing, tell your CRM admin the code below.', { id: 'error.retryAction' })
    : msg('Reload the page. If it keeps failing, tell your CRM admin the code below.', { id: 'error.reloadAction' });
}
