import { expect } from '@esm-bundle/chai';
import type { AdminNote, Band, SettingProblem } from '../../../widget-src/model/types.js';
import { DEFAULT_SETTINGS } from '../../../widget-src/settings/defaults.js';
import { resolveSettings } from '../../../widget-src/settings/resolve.js';
import type { WidgetSettings } from '../../../widget-src/settings/types.js';
import { describe, it } from '../api/harness.js';

const HOT_ONLY: Band[] = [
  { id: 'hot', min: 80, tone: 'hot' },
  { id: 'cold', min: null, tone: 'cold' },
];

/** Resolves an override object over the built-in defaults. */
function resolveOverride(override: unknown): { settings: WidgetSettings; notes: AdminNote[] } {
  return resolveSettings(DEFAULT_SETTINGS, JSON.stringify(override));
}

function orgNote(key: string, problem: SettingProblem, expected?: string): AdminNote {
  return expected === undefined
    ? { kind: 'invalid-setting', key, problem, source: 'org-variable' }
    : { kind: 'invalid-setting', key, problem, expected, source: 'org-variable' };
}

describe('resolveSettings', () => {
  describe('without an override', () => {
    for (const [name, text] of [
      ['undefined', undefined],
      ['empty text', ''],
      ['blank text', ' \n\t '],
    ] as const) {
      it(`returns the defaults for ${name}`, () => {
        const { settings, notes } = resolveSettings(DEFAULT_SETTINGS, text);
        expect(settings).to.deep.equal(DEFAULT_SETTINGS);
        expect(notes).to.deep.equal([]);
      });
    }

    it('returns a fresh, unfrozen copy', () => {
      const { settings } = resolveSettings(DEFAULT_SETTINGS, undefined);
      expect(settings).not.to.equal(DEFAULT_SETTINGS);
      expect(settings.bands.default).not.to.equal(DEFAULT_SETTINGS.bands.default);
      settings.bands.default.pop();
      expect(DEFAULT_SETTINGS.bands.default).to.have.length(3);
    });
  });

  describe('whole document', () => {
    for (const text of ['{', '{"timeoutMs": 5000,}', "{'timeoutMs': 5000}", 'timeoutMs=5000', '\u0000']) {
      it(`rejects invalid JSON ${JSON.stringify(text)}`, () => {
        const { settings, notes } = resolveSettings(DEFAULT_SETTINGS, text);
        expect(settings).to.deep.equal(DEFAULT_SETTINGS);
        expect(notes).to.deep.equal([orgNote('(org variable)', 'invalid-json')]);
      });
    }

    for (const text of ['[]', '42', 'null', '"text"', 'true', '[{"timeoutMs": 5000}]']) {
      it(`rejects non-object JSON ${text}`, () => {
        const { settings, notes } = resolveSettings(DEFAULT_SETTINGS, text);
        expect(settings).to.deep.equal(DEFAULT_SETTINGS);
        expect(notes).to.deep.equal([orgNote('(org variable)', 'wrong-type', 'JSON object')]);
      });
    }

    it('accepts an empty object', () => {
      const { settings, notes } = resolveSettings(DEFAULT_SETTINGS, '{}');
      expect(settings).to.deep.equal(DEFAULT_SETTINGS);
      expect(notes).to.deep.equal([]);
    });
  });

  describe('valid values', () => {
    const cases: Array<[string, unknown, (settings: WidgetSettings) => unknown, unknown]> = [
      ['connectionName', { connectionName: 'crm_scores' }, (s) => s.connectionName, 'crm_scores'],
      ['connectionName trimmed', { connectionName: ' crm_scores ' }, (s) => s.connectionName, 'crm_scores'],
      ['apiVersion', { apiVersion: 'v8' }, (s) => s.apiVersion, 'v8'],
      ['timeoutMs lowest', { timeoutMs: 1000 }, (s) => s.timeoutMs, 1000],
      ['timeoutMs highest', { timeoutMs: 60000 }, (s) => s.timeoutMs, 60000],
      ['cacheMinutes 0 turns the cache off', { cacheMinutes: 0 }, (s) => s.cacheMinutes, 0],
      ['cacheMinutes highest', { cacheMinutes: 1440 }, (s) => s.cacheMinutes, 1440],
      ['bands.enabled', { bands: { enabled: false } }, (s) => s.bands.enabled, false],
      ['bands.default', { bands: { default: HOT_ONLY } }, (s) => s.bands.default, HOT_ONLY],
      ['bands.modules', { bands: { modules: { Leads: HOT_ONLY } } }, (s) => s.bands.modules, { Leads: HOT_ONLY }],
      ['bands.rules', { bands: { rules: { '4876876000000123001': HOT_ONLY } } }, (s) => s.bands.rules, { '4876876000000123001': HOT_ONLY }],
      ['primaryRules', { primaryRules: { Leads: '4876876000000123001' } }, (s) => s.primaryRules, { Leads: '4876876000000123001' }],
      ['show.touchPoints', { show: { touchPoints: false } }, (s) => s.show.touchPoints, false],
    ];
    for (const [name, override, read, expected] of cases) {
      it(`applies ${name}`, () => {
        const { settings, notes } = resolveOverride(override);
        expect(notes).to.deep.equal([]);
        expect(read(settings)).to.deep.equal(expected);
      });
    }

    it('turns -0 into 0', () => {
      const { settings } = resolveSettings(DEFAULT_SETTINGS, '{"cacheMinutes": -0}');
      expect(Object.is(settings.cacheMinutes, 0)).to.equal(true);
    });

    it('sorts a band list by min, lowest band last', () => {
      const unsorted = [HOT_ONLY[1], { id: 'warm', min: -5, tone: 'warm' }, HOT_ONLY[0]];
      const { settings } = resolveOverride({ bands: { default: unsorted } });
      expect(settings.bands.default.map((band) => band.id)).to.deep.equal(['hot', 'warm', 'cold']);
    });

    it('keeps a label and trims it', () => {
      const bands = [
        { id: 'A', label: '  Top tier ', min: 10, tone: 'hot' },
        { id: 'cold', min: null, tone: 'cold' },
      ];
      const { settings, notes } = resolveOverride({ bands: { default: bands } });
      expect(notes).to.deep.equal([]);
      expect(settings.bands.default[0]).to.deep.equal({ id: 'A', label: 'Top tier', min: 10, tone: 'hot' });
    });
  });

  describe('rejected values', () => {
    const integer = (min: number, max: number): string => `integer from ${min} to ${max}`;
    const cases: Array<[string, string, string, SettingProblem, string | undefined]> = [
      // Columns: name, override JSON text, note key, problem, expected.
      ['connectionName number', '{"connectionName": 42}', 'connectionName', 'wrong-type', 'connection link name without spaces'],
      ['connectionName empty', '{"connectionName": "  "}', 'connectionName', 'wrong-type', 'connection link name without spaces'],
      ['connectionName with a space', '{"connectionName": "entity scores"}', 'connectionName', 'wrong-type', 'connection link name without spaces'],
      ['apiVersion number', '{"apiVersion": 7}', 'apiVersion', 'wrong-type', 'API version such as "v7"'],
      ['apiVersion upper case', '{"apiVersion": "V7"}', 'apiVersion', 'wrong-type', 'API version such as "v7"'],
      ['apiVersion without v', '{"apiVersion": "7"}', 'apiVersion', 'wrong-type', 'API version such as "v7"'],
      ['apiVersion with a dot', '{"apiVersion": "v7.1"}', 'apiVersion', 'wrong-type', 'API version such as "v7"'],
      ['timeoutMs text', '{"timeoutMs": "5000"}', 'timeoutMs', 'wrong-type', integer(1000, 60000)],
      ['timeoutMs null', '{"timeoutMs": null}', 'timeoutMs', 'wrong-type', integer(1000, 60000)],
      ['timeoutMs below range', '{"timeoutMs": 999}', 'timeoutMs', 'out-of-range', integer(1000, 60000)],
      ['timeoutMs above range', '{"timeoutMs": 60001}', 'timeoutMs', 'out-of-range', integer(1000, 60000)],
      ['timeoutMs fraction', '{"timeoutMs": 1500.5}', 'timeoutMs', 'out-of-range', integer(1000, 60000)],
      ['timeoutMs overflowing to Infinity', '{"timeoutMs": 1e400}', 'timeoutMs', 'out-of-range', integer(1000, 60000)],
      ['cacheMinutes boolean', '{"cacheMinutes": true}', 'cacheMinutes', 'wrong-type', integer(0, 1440)],
      ['cacheMinutes negative', '{"cacheMinutes": -1}', 'cacheMinutes', 'out-of-range', integer(0, 1440)],
      ['cacheMinutes above range', '{"cacheMinutes": 1441}', 'cacheMinutes', 'out-of-range', integer(0, 1440)],
      ['cacheMinutes fraction', '{"cacheMinutes": 2.5}', 'cacheMinutes', 'out-of-range', integer(0, 1440)],
      ['bands text', '{"bands": "on"}', 'bands', 'wrong-type', 'object with enabled, default, modules and rules'],
      ['bands.enabled text', '{"bands": {"enabled": "yes"}}', 'bands.enabled', 'wrong-type', 'true or false'],
      ['bands.default object', '{"bands": {"default": {}}}', 'bands.default', 'wrong-type', 'list of 1 to 10 bands'],
      ['bands.modules list', '{"bands": {"modules": []}}', 'bands.modules', 'wrong-type', 'object of module API name, e.g. Leads to band list'],
      ['bands.rules number', '{"bands": {"rules": 5}}', 'bands.rules', 'wrong-type', 'object of scoring rule id (digits only) to band list'],
      ['bands.modules entry text', '{"bands": {"modules": {"Leads": "hot"}}}', 'bands.modules.Leads', 'wrong-type', 'list of 1 to 10 bands'],
      ['primaryRules list', '{"primaryRules": ["1"]}', 'primaryRules', 'wrong-type', 'object of module API name to rule id'],
      ['primaryRules id as number', '{"primaryRules": {"Leads": 4876876000000123001}}', 'primaryRules.Leads', 'wrong-type', 'scoring rule id as a string of digits, e.g. "4876876000000123001"'],
      ['primaryRules id with letters', '{"primaryRules": {"Leads": "rule-1"}}', 'primaryRules.Leads', 'wrong-type', 'scoring rule id as a string of digits, e.g. "4876876000000123001"'],
      ['show number', '{"show": 1}', 'show', 'wrong-type', 'object with bands, breakdown, touchPoints, descriptions'],
      ['show.bands text', '{"show": {"bands": "true"}}', 'show.bands', 'wrong-type', 'true or false'],
    ];
    for (const [name, text, key, problem, expected] of cases) {
      it(`rejects ${name}`, () => {
        const { settings, notes } = resolveSettings(DEFAULT_SETTINGS, text);
        expect(notes).to.deep.equal([orgNote(key, problem, expected)]);
        expect(settings).to.deep.equal(DEFAULT_SETTINGS);
      });
    }

    it('applies the other keys beside a rejected one', () => {
      const text = '{"timeoutMs": "slow", "cacheMinutes": 5, "show": {"bands": 0, "breakdown": false}}';
      const { settings, notes } = resolveSettings(DEFAULT_SETTINGS, text);
      expect(notes.map((note) => note.kind === 'invalid-setting' && note.key)).to.deep.equal(['timeoutMs', 'show.bands']);
      expect(settings.timeoutMs).to.equal(DEFAULT_SETTINGS.timeoutMs);
      expect(settings.cacheMinutes).to.equal(5);
      expect(settings.show).to.deep.equal({ bands: true, breakdown: false, touchPoints: true, descriptions: true });
    });
  });

  describe('unknown keys', () => {
    const topLevel = 'one of connectionName, apiVersion, timeoutMs, cacheMinutes, bands, primaryRules, show';
    const cases: Array<[string, unknown, string, string]> = [
      ['top-level typo in case', { timeoutMS: 5000 }, 'timeoutMS', 'timeoutMs'],
      ['top-level unknown', { colour: 'red' }, 'colour', topLevel],
      ['prototype key', JSON.parse('{"__proto__": {"timeoutMs": 1}}'), '__proto__', topLevel],
      ['in bands', { bands: { enable: false } }, 'bands.enable', 'one of enabled, default, modules, rules'],
      ['in show', { show: { touchpoints: false } }, 'show.touchpoints', 'touchPoints'],
      ['module name with a space', { bands: { modules: { 'Le ads': HOT_ONLY } } }, 'bands.modules.Le ads', 'module API name, e.g. Leads'],
      ['rule id with letters', { bands: { rules: { abc: HOT_ONLY } } }, 'bands.rules.abc', 'scoring rule id (digits only)'],
      ['empty module in primaryRules', { primaryRules: { '': '1' } }, 'primaryRules.', 'module API name, e.g. Leads'],
    ];
    for (const [name, override, key, expected] of cases) {
      it(`reports ${name} and ignores it`, () => {
        const { settings, notes } = resolveOverride(override);
        expect(notes).to.deep.equal([orgNote(key, 'unknown-key', expected)]);
        expect(settings).to.deep.equal(DEFAULT_SETTINGS);
      });
    }

    it('reports an unknown key inside a band but keeps the band', () => {
      const bands = [{ id: 'hot', min: 50, tone: 'hot', color: 'red' }, HOT_ONLY[1]];
      const { settings, notes } = resolveOverride({ bands: { default: bands } });
      expect(notes).to.deep.equal([orgNote('bands.default.0.color', 'unknown-key', 'id, label, min or tone')]);
      expect(settings.bands.default).to.deep.equal([
        { id: 'hot', min: 50, tone: 'hot' },
        { id: 'cold', min: null, tone: 'cold' },
      ]);
    });

    it('leaves Object.prototype alone', () => {
      resolveSettings(DEFAULT_SETTINGS, '{"__proto__": {"polluted": true}, "bands": {"modules": {"__proto__": []}}}');
      expect(Object.hasOwn(Object.prototype, 'polluted')).to.equal(false);
    });

    it('keeps a module named __proto__ as an own entry', () => {
      const { settings } = resolveSettings(DEFAULT_SETTINGS, `{"bands": {"modules": {"__proto__": ${JSON.stringify(HOT_ONLY)}}}}`);
      expect(Object.getPrototypeOf(settings.bands.modules)).to.equal(Object.prototype);
      expect(Object.hasOwn(settings.bands.modules, '__proto__')).to.equal(true);
    });
  });

  describe('band lists', () => {
    const hot = { id: 'hot', min: 50, tone: 'hot' };
    const warm = { id: 'warm', min: 20, tone: 'warm' };
    const cold = { id: 'cold', min: null, tone: 'cold' };
    const lowest = 'exactly one lowest band with "min": null';
    const cases: Array<[string, unknown[], Array<[string, SettingProblem, string]>]> = [
      // Columns: name, band list, and [relative key, problem, expected] for each note.
      ['empty list', [], [['', 'overlapping-bands', lowest]]],
      ['duplicate ids', [hot, { ...warm, id: 'hot' }, cold], [['', 'overlapping-bands', 'unique band ids']]],
      ['duplicate mins', [hot, { ...warm, min: 50 }, cold], [['', 'overlapping-bands', 'a different min for each band']]],
      ['no lowest band', [hot, warm], [['', 'overlapping-bands', lowest]]],
      ['two lowest bands', [hot, warm, { ...cold }, { id: 'frozen', label: 'Frozen', min: null, tone: 'cold' }], [['', 'overlapping-bands', lowest]]],
      ['duplicate ids and mins', [hot, { ...hot }, cold], [
        ['', 'overlapping-bands', 'unique band ids'],
        ['', 'overlapping-bands', 'a different min for each band'],
      ]],
      ['more than ten bands', Array.from({ length: 11 }, (_, i) => ({ id: `b${i}`, label: `B${i}`, min: i === 0 ? null : i, tone: 'hot' })), [['', 'out-of-range', 'list of 1 to 10 bands']]],
      ['band not an object', [hot, 'warm', cold], [['1', 'wrong-type', 'band object with id, min and tone']]],
      ['band as a list', [hot, [], cold], [['1', 'wrong-type', 'band object with id, min and tone']]],
      ['missing id', [hot, { min: 20, tone: 'warm' }, cold], [['1.id', 'wrong-type', 'text of 1 to 40 characters']]],
      ['empty id', [hot, { ...warm, id: ' ' }, cold], [['1.id', 'out-of-range', 'text of 1 to 40 characters']]],
      ['unknown tone', [hot, { ...warm, tone: 'red' }, cold], [['1.tone', 'wrong-type', 'hot, warm or cold']]],
      ['missing tone', [hot, { id: 'warm', min: 20 }, cold], [['1.tone', 'wrong-type', 'hot, warm or cold']]],
      ['min as text', [hot, { ...warm, min: '20' }, cold], [['1.min', 'wrong-type', 'number, or null for the lowest band']]],
      ['missing min', [hot, { id: 'warm', tone: 'warm' }, cold], [['1.min', 'wrong-type', 'number, or null for the lowest band']]],
      ['custom id without label', [{ id: 'top', min: 80, tone: 'hot' }, cold], [['0.label', 'wrong-type', 'text of 1 to 40 characters']]],
      ['label too long', [{ id: 'top', label: 'x'.repeat(41), min: 80, tone: 'hot' }, cold], [['0.label', 'out-of-range', 'text of 1 to 40 characters']]],
      ['label as number', [{ ...hot, label: 5 }, cold], [['0.label', 'wrong-type', 'text of 1 to 40 characters']]],
      ['two bad fields', [{ id: 7, min: 'x', tone: 'hot' }, cold], [
        ['0.id', 'wrong-type', 'text of 1 to 40 characters'],
        ['0.min', 'wrong-type', 'number, or null for the lowest band'],
      ]],
    ];

    for (const [name, list, expectedNotes] of cases) {
      it(`rejects ${name} in bands.modules.Leads`, () => {
        const { settings, notes } = resolveOverride({ bands: { modules: { Leads: list } } });
        const withPath = expectedNotes.map(([relative, problem, expected]) =>
          orgNote(relative === '' ? 'bands.modules.Leads' : `bands.modules.Leads.${relative}`, problem, expected),
        );
        expect(notes).to.deep.equal(withPath);
        expect(settings.bands.modules).to.deep.equal({});
      });
    }

    it('rejects a bad default list and keeps the previous one', () => {
      const { settings, notes } = resolveOverride({ bands: { default: [hot, warm] } });
      expect(notes).to.deep.equal([orgNote('bands.default', 'overlapping-bands', lowest)]);
      expect(settings.bands.default).to.deep.equal(DEFAULT_SETTINGS.bands.default);
    });

    it('accepts negative mins and a label of 40 characters', () => {
      const list = [{ id: 'neutral', label: 'n'.repeat(40), min: -10, tone: 'warm' }, cold];
      const { settings, notes } = resolveOverride({ bands: { rules: { '1': list } } });
      expect(notes).to.deep.equal([]);
      expect(settings.bands.rules['1']).to.deep.equal(list);
    });
  });

  describe('merging', () => {
    it('merges objects key by key', () => {
      const { settings } = resolveOverride({ show: { descriptions: false }, bands: { enabled: false } });
      expect(settings.show).to.deep.equal({ ...DEFAULT_SETTINGS.show, descriptions: false });
      expect(settings.bands.default).to.deep.equal(DEFAULT_SETTINGS.bands.default);
      expect(settings.bands.enabled).to.equal(false);
    });

    it('replaces a band list as a whole', () => {
      const file = { bands: { modules: { Leads: DEFAULT_SETTINGS.bands.default } } };
      const { settings } = resolveSettings(file, JSON.stringify({ bands: { modules: { Leads: HOT_ONLY } } }));
      expect(settings.bands.modules['Leads']).to.deep.equal(HOT_ONLY);
    });

    it('merges module and rule maps entry by entry', () => {
      const file = { bands: { modules: { Leads: HOT_ONLY } }, primaryRules: { Leads: '1' } };
      const override = { bands: { modules: { Deals: HOT_ONLY } }, primaryRules: { Deals: '2' } };
      const { settings, notes } = resolveSettings(file, JSON.stringify(override));
      expect(notes).to.deep.equal([]);
      expect(settings.bands.modules).to.deep.equal({ Leads: HOT_ONLY, Deals: HOT_ONLY });
      expect(settings.primaryRules).to.deep.equal({ Leads: '1', Deals: '2' });
    });

    it('removes map entries set to null', () => {
      const file = { bands: { modules: { Leads: HOT_ONLY }, rules: { '7': HOT_ONLY } }, primaryRules: { Leads: '1' } };
      const override = { bands: { modules: { Leads: null }, rules: { '7': null } }, primaryRules: { Leads: null } };
      const { settings, notes } = resolveSettings(file, JSON.stringify(override));
      expect(notes).to.deep.equal([]);
      expect(settings.bands.modules).to.deep.equal({});
      expect(settings.bands.rules).to.deep.equal({});
      expect(settings.primaryRules).to.deep.equal({});
    });

    it('keeps the file value of a rejected override key', () => {
      const { settings, notes } = resolveSettings({ timeoutMs: 20000, bands: { modules: { Leads: HOT_ONLY } } }, '{"timeoutMs": 5, "bands": {"modules": {"Leads": []}}}');
      expect(settings.timeoutMs).to.equal(20000);
      expect(settings.bands.modules['Leads']).to.deep.equal(HOT_ONLY);
      expect(notes).to.have.length(2);
    });
  });

  describe('settings file', () => {
    it('validates the file like the override', () => {
      const { settings, notes } = resolveSettings({ timeoutMs: 'x', cacheMinutes: 30, extra: 1 }, undefined);
      expect(notes).to.deep.equal([
        { kind: 'invalid-setting', key: 'timeoutMs', problem: 'wrong-type', expected: 'integer from 1000 to 60000', source: 'settings-file' },
        { kind: 'invalid-setting', key: 'extra', problem: 'unknown-key', expected: 'one of connectionName, apiVersion, timeoutMs, cacheMinutes, bands, primaryRules, show', source: 'settings-file' },
      ]);
      expect(settings.timeoutMs).to.equal(DEFAULT_SETTINGS.timeoutMs);
      expect(settings.cacheMinutes).to.equal(30);
    });

    for (const [name, file] of [
      ['a list', []],
      ['null', null],
      ['text', 'settings'],
    ] as const) {
      it(`falls back to the built-in defaults for ${name}`, () => {
        const { settings, notes } = resolveSettings(file, '{"cacheMinutes": 1}');
        expect(notes).to.deep.equal([
          { kind: 'invalid-setting', key: '(settings.json)', problem: 'wrong-type', expected: 'JSON object', source: 'settings-file' },
        ]);
        expect(settings).to.deep.equal({ ...DEFAULT_SETTINGS, cacheMinutes: 1 });
      });
    }

    it('lists file notes before org-variable notes', () => {
      const { notes } = resolveSettings({ timeoutMs: 1 }, '{"cacheMinutes": -1}');
      expect(notes.map((note) => note.kind === 'invalid-setting' && note.source)).to.deep.equal(['settings-file', 'org-variable']);
    });
  });
});
