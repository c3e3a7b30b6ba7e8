// The mocha globals that @web/test-runner provides in the browser. The
// project has no @types/mocha, so the tests declare the part they use.
// Function declarations merge as overloads, so another copy does no harm.

interface MochaContext {
  timeout(ms: number): void;
  skip(): never;
  currentTest?: { title: string; fullTitle(): string; state?: 'passed' | 'failed' | 'pending' };
}

type MochaCallback = (this: MochaContext) => void | Promise<void>;

declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: MochaCallback): void;
declare function before(body: MochaCallback): void;
declare function after(body: MochaCallback): void;
declare function beforeEach(body: MochaCallback): void;
declare function afterEach(body: MochaCallback): void;
