import type { ConnectionRequest, CrmHost } from '../../../widget-src/sdk/crm-host.js';
import { deferred, type Deferred } from './harness.js';

export interface SentRequest {
  linkName: string;
  request: ConnectionRequest;
  answer: Deferred<unknown>;
}

/** How `FakeHost.respond` settles a Connection call at once. */
export type ImmediateAnswer = { resolve: unknown } | { reject: unknown };

/** A CrmHost whose Connection calls wait until the test answers them. */
export class FakeHost implements CrmHost {
  readonly sent: SentRequest[] = [];
  environment: () => Promise<unknown> = () => Promise.resolve({ deployment: 'US' });
  environmentCalls = 0;
  /** When set, settles each Connection call as it is sent; `undefined` leaves that call to the test. */
  respond?: (request: ConnectionRequest) => ImmediateAnswer | undefined;

  onPageLoad(): void {}
  init(): void {}

  invokeConnection(linkName: string, request: ConnectionRequest): Promise<unknown> {
    const answer = deferred<unknown>();
    this.sent.push({ linkName, request, answer });

    const immediate = this.respond?.(request);
    if (immediate !== undefined && 'resolve' in immediate) answer.resolve(immediate.resolve);
    else if (immediate !== undefined) answer.reject(immediate.reject);
    return answer.promise;
  }

  getCurrentEnvironment(): Promise<unknown> {
    this.environmentCalls++;
    return this.environment();
  }

  getCurrentUser(): Promise<unknown> {
    return Promise.resolve({ users: [] });
  }

  getUserPreference(): Promise<unknown> {
    return Promise.resolve(undefined);
  }

  getOrgVariable(): Promise<unknown> {
    return Promise.resolve(undefined);
  }

  resize(): Promise<unknown> {
    return Promise.resolve(true);
  }

  /** Requests whose URL contains `part`. */
  sentTo(part: string): SentRequest[] {
    return this.sent.filter((entry) => entry.request.url.includes(part));
  }
}

/** The Connection envelope around a REST body, as the SDK resolves it. */
export function envelope(body: unknown): unknown {
  return { code: 'SUCCESS', status: 'success', message: 'Connection invoked', details: { statusMessage: body } };
}
