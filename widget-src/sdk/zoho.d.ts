/**
 * Declarations for the part of Zoho's embedded-app SDK (`ZohoEmbededAppSDK.min.js`,
 * loaded from Zoho's CDN) that the widget uses. Zoho publishes no typings.
 *
 * Only `sdk/zoho-adapter.ts` reads these. Every answer is `unknown`: the host
 * page decides its shape, so callers parse it. Parts that older SDK builds or a
 * blocked script can lack are optional, and the adapter checks them at run time.
 */
declare namespace ZohoSdk {
  /** The `ZOHO` global. */
  interface Global {
    embeddedApp?: EmbeddedApp;
    CRM?: Crm;
  }

  interface EmbeddedApp {
    /** One handler per event name survives; a later call replaces the earlier one. */
    on(event: 'PageLoad', handler: (payload: unknown) => void): void;
    /** Resolves with `undefined`; from 1.2 on it may never settle. */
    init(): PromiseLike<unknown> | undefined;
  }

  interface Crm {
    CONNECTION?: {
      invoke(linkName: string, request: import('./crm-host.js').ConnectionRequest): PromiseLike<unknown>;
    };
    CONFIG?: {
      GetCurrentEnvironment(): PromiseLike<unknown>;
      getCurrentUser(): PromiseLike<unknown>;
      /** Added in SDK 1.4. */
      getUserPreference?(): PromiseLike<unknown>;
    };
    API?: {
      getOrgVariable(name: string): PromiseLike<unknown>;
    };
    UI?: {
      Resize(size: { height: number; width?: number }): PromiseLike<unknown>;
    };
  }
}

interface Window {
  /** Defined by Zoho's SDK script; missing when the script was blocked or failed to load. */
  ZOHO?: ZohoSdk.Global;
}
