/**
 * The part of Zoho's embedded-app SDK that the widget uses, as typed methods.
 *
 * `zoho-adapter.ts` implements it on top of the `ZOHO` global; tests pass fakes.
 * Every promise-returning method rejects with a `CrmError` on timeout, on a
 * synchronous throw from the SDK, or when the host answers with a failure, so
 * callers never wait forever.
 */
export interface CrmHost {
  /** Registers the PageLoad handler. Must be called once, before `init()`. */
  onPageLoad(handler: (payload: unknown) => void): void;

  /** Starts the SDK handshake. Resolution is not awaited: PageLoad can fire even when it never settles. */
  init(): void;

  /** Sends a REST request through a CRM Connection and resolves with the raw connection envelope. */
  invokeConnection(linkName: string, request: ConnectionRequest): Promise<unknown>;

  /** Resolves with the raw `GetCurrentEnvironment()` answer (carries `deployment`, the data centre). */
  getCurrentEnvironment(): Promise<unknown>;

  /** Resolves with the raw `getCurrentUser()` answer. */
  getCurrentUser(): Promise<unknown>;

  /** Resolves with the raw `getUserPreference()` answer, or `undefined` when the SDK build lacks it (before 1.4). */
  getUserPreference(): Promise<unknown>;

  /** Resolves with the raw `getOrgVariable(name)` answer. */
  getOrgVariable(name: string): Promise<unknown>;

  /** Asks the host to resize the iframe; resolves with the raw answer (`true` or `false`). */
  resize(size: { height: number; width?: number }): Promise<unknown>;
}

/** The five keys that `ZOHO.CRM.CONNECTION.invoke` forwards to the host. */
export interface ConnectionRequest {
  url: string;
  method: 'GET';
  /** 1 sends `parameters` as the query string. */
  param_type: 1;
  parameters: Record<string, string>;
  headers: Record<string, string>;
}
