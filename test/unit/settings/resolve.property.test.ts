import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../../widget-src/settings/defaults.js';
import { resolveSettings } from '../../../widget-src/settings/resolve.js';
import { describe, it } from '../api/harness.js';
import { settingsViolation } from './valid-settings.js';

const RUNS = 1000;

// Values near the schema, so generated documents reach the nested keys and the
// boundaries instead of failing at the top level.
const anyJson = fc.jsonValue({ maxDepth: 3 });
const band = fc.record(
  {
    id: fc.oneof(fc.constantFrom('hot', 'warm', 'cold', 'custom', ''), anyJson),
    label: fc.oneof(fc.string({ maxLength: 45 }), anyJson),
    min: fc.oneof(fc.constant(null), fc.integer({ min: -100, max: 100 }), fc.double(), anyJson),
    tone: fc.oneof(fc.constantFrom('hot', 'warm', 'cold', 'red'), anyJson),
    extra: anyJson,
  },
  { requiredKeys: [] },
);
const tone = fc.constantFrom('hot', 'warm', 'cold');
// Valid lists are rare among random ones, so a third of the lists are built valid.
const validBandList = fc
  .tuple(fc.uniqueArray(fc.integer({ min: -100, max: 100 }), { maxLength: 9 }), fc.array(tone, { minLength: 10, maxLength: 10 }))
  .map(([mins, tones]) => [...mins, null].map((min, i) => ({ id: `band${i}`, label: `Band ${i}`, min, tone: tones[i] })));
const bandList = fc.oneof(validBandList, fc.array(band, { maxLength: 12 }), anyJson);
const moduleName = fc.oneof(fc.constantFrom('Leads', 'Deals', '__proto__', 'constructor', ''), fc.string({ maxLength: 8 }));
const ruleId = fc.oneof(fc.constantFrom('4876876000000123001', '1', 'abc'), fc.string({ maxLength: 8 }));
const integerish = fc.oneof(fc.integer({ min: -10, max: 70_000 }), fc.double(), anyJson);
const booleanish = fc.oneof(fc.boolean(), anyJson);
const nearSettings = fc.record(
  {
    connectionName: fc.oneof(fc.string({ maxLength: 12 }), anyJson),
    apiVersion: fc.oneof(fc.constantFrom('v7', 'v2', 'V7', 'v7.1'), anyJson),
    timeoutMs: integerish,
    cacheMinutes: integerish,
    bands: fc.oneof(
      fc.record(
        {
          enabled: booleanish,
          default: bandList,
          modules: fc.oneof(fc.dictionary(moduleName, fc.oneof(fc.constant(null), bandList)), anyJson),
          rules: fc.oneof(fc.dictionary(ruleId, fc.oneof(fc.constant(null), bandList)), anyJson),
          enable: anyJson,
        },
        { requiredKeys: [] },
      ),
      anyJson,
    ),
    primaryRules: fc.oneof(fc.dictionary(moduleName, fc.oneof(ruleId, fc.constant(null), anyJson)), anyJson),
    show: fc.oneof(
      fc.record({ bands: booleanish, breakdown: booleanish, touchPoints: booleanish, descriptions: booleanish, other: anyJson }, { requiredKeys: [] }),
      anyJson,
    ),
    timeoutMS: anyJson,
  },
  { requiredKeys: [] },
);

function expectValid(defaultsJson: unknown, overrideText: string | undefined): void {
  const { settings, notes } = resolveSettings(defaultsJson, overrideText);
  expect(settingsViolation(settings)).to.equal(undefined);
  expect(Array.isArray(notes)).to.equal(true);
}

describe('resolveSettings properties', () => {
  it('accepts any text as the override', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => expectValid(DEFAULT_SETTINGS, text)),
      { numRuns: RUNS },
    );
  });

  it('accepts any JSON value as the override', () => {
    fc.assert(
      fc.property(anyJson, (value) => expectValid(DEFAULT_SETTINGS, JSON.stringify(value))),
      { numRuns: RUNS },
    );
  });

  it('accepts near-schema documents in both layers', () => {
    fc.assert(
      fc.property(nearSettings, nearSettings, (file, override) => expectValid(file, JSON.stringify(override))),
      { numRuns: RUNS },
    );
  });

  it('accepts any JSON value as the defaults', () => {
    fc.assert(
      fc.property(anyJson, fc.option(fc.string(), { nil: undefined }), (file, text) => expectValid(file, text)),
      { numRuns: RUNS },
    );
  });

  it('reproduces its own output without notes', () => {
    fc.assert(
      fc.property(nearSettings, (override) => {
        const first = resolveSettings(DEFAULT_SETTINGS, JSON.stringify(override)).settings;
        const second = resolveSettings(DEFAULT_SETTINGS, JSON.stringify(first));
        expect(second.notes).to.deep.equal([]);
        expect(second.settings).to.deep.equal(first);
      }),
      { numRuns: RUNS },
    );
  });

  it('reports one note per rejected key', () => {
    fc.assert(
      fc.property(nearSettings, (override) => {
        const { notes } = resolveSettings(DEFAULT_SETTINGS, JSON.stringify(override));
        const keys = notes.map((note) => (note.kind === 'invalid-setting' ? `${note.key}|${note.problem}|${note.expected}` : ''));
        expect(new Set(keys).size).to.equal(keys.length);
      }),
      { numRuns: RUNS },
    );
  });
});
