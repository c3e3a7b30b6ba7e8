import type { ConnectionRequest, CrmHost } from '../../../widget-src/sdk/crm-host.js';
import { deferred, type Deferred } from './harness.js';

export interface SentRequest {
  linkName: string;
  request: ConnectionRequest;
  answer: Deferred<unknown>;
}

/** A CrmHost whose Connection calls wait until the test answers them. */
export class FakeHost implements CrmHost {
  readonly sent: SentRequest[] = [];
  environment: () => Promise<unknown> = () => Promise.resolve({ deployment: 'US' });
  environmentCalls = 0;

  onPageLoad(): void {}
  init(): void {}

  invokeConnection(linkName: string, request: ConnectionRequest): Promise<unknown> {
    const answer = deferred<unknown>();
    this.sent.push({ linkName, request, answer });
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
