// Checks the production page: pinned SDK before the bundle, and a
// Content-Security-Policy that allows only the package's files and the SDK origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const html = readFileSync(join(root, 'app', 'widget.html'), 'utf8');

function cspDirectives() {
  const match = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  assert.ok(match, 'widget.html has a CSP meta tag');
  return new Map(
    match[1]
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...values]) => [name, values]),
  );
}

test('CSP allows only self and the SDK origin', () => {
  const csp = cspDirectives();
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  assert.deepEqual(csp.get('script-src'), ["'self'", 'https://live.zwidgets.com']);
  for (const [name, values] of csp) {
    for (const value of values) {
      assert.ok(
        ["'self'", "'none'", 'https://live.zwidgets.com'].includes(value),
        `${name} allows ${value}`,
      );
      assert.ok(!value.includes('unsafe'), `${name} has ${value}`);
    }
  }
});

test('page has no inline script', () => {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length >= 2);
  for (const [, attributes, body] of scripts) {
    assert.match(attributes, /\bsrc="/);
    assert.equal(body.trim(), '');
  }
});

test('SDK is pinned and loads before the bundle', () => {
  const sdk = html.indexOf('https://live.zwidgets.com/js-sdk/1.4/ZohoEmbededAppSDK.min.js');
  const bundle = html.indexOf('src="build/score-card.js"');
  assert.ok(sdk > 0, 'pinned SDK script');
  assert.ok(bundle > sdk, 'bundle after the SDK');
});
