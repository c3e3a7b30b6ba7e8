// Fails the running test when anything calls console.warn, which is how Lit's
// development build reports misuse (change-in-update, attribute without a
// value, and so on). Import this module before any Lit module.
//
// One warning is allowed: the "Lit is in dev mode" notice that Lit prints once
// per page through its issueWarning function with the code `dev-mode`. That
// function appends "See https://lit.dev/msg/<code> for more information."
// to every message, so the code is matched at that spot.

const DEV_MODE_NOTICE = / See https:\/\/lit\.dev\/msg\/dev-mode for more information\.$/;

const printWarning = console.warn.bind(console);
const caught: string[] = [];

console.warn = (...args: unknown[]): void => {
  const text = args.map(String).join(' ');
  if (DEV_MODE_NOTICE.test(text)) return;
  caught.push(text);
  printWarning(...args);
};

/** Returns and clears the warnings caught so far, for tests that expect one. */
export function takeWarnings(): string[] {
  return caught.splice(0);
}

afterEach(function () {
  const warnings = takeWarnings();
  if (warnings.length > 0) {
    throw new Error(`"${this.currentTest?.title}" printed a warning:\n${warnings.join('\n')}`);
  }
});
