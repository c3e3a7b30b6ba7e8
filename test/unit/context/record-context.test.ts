import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { parsePageLoad } from '../../../widget-src/context/record-context.js';
import type { RecordContext } from '../../../widget-src/context/types.js';
import { containsNaN, describe, it } from '../api/harness.js';

const cases: Array<[string, unknown, RecordContext]> = [
  // Placements from the SDK notes.
  ['related-list string id', { Entity: 'Leads', EntityId: '4876876000000123001' }, { kind: 'record', module: 'Leads', recordId: '4876876000000123001' }],
  ['detail-view button, one-element array', { Entity: 'Deals', EntityId: ['4876876000000123001'], ButtonPosition: 'DetailView' }, { kind: 'record', module: 'Deals', recordId: '4876876000000123001' }],
  ['list-view button, several ids', { Entity: 'Contacts', EntityId: ['5725767000001234567', '5725767000001234568'], ButtonPosition: 'ListView' }, { kind: 'several-records', module: 'Contacts', count: 2 }],
  ['JSON text payload', '{"Entity":"Accounts","EntityId":"5725767000001234567"}', { kind: 'record', module: 'Accounts', recordId: '5725767000001234567' }],

  // No record.
  ['empty object', {}, { kind: 'no-record' }],
  ['Entity without EntityId', { Entity: 'Leads' }, { kind: 'no-record' }],
  ['empty id array', { Entity: 'Leads', EntityId: [] }, { kind: 'no-record' }],
  ['empty id string', { Entity: 'Leads', EntityId: '' }, { kind: 'no-record' }],
  ['blank id string', { Entity: 'Leads', EntityId: '   ' }, { kind: 'no-record' }],
  ['null id', { Entity: 'Leads', EntityId: null }, { kind: 'no-record' }],
  ['array of empty ids', { Entity: 'Leads', EntityId: ['', null] }, { kind: 'no-record' }],
  ['id without Entity', { EntityId: '4876876000000123001' }, { kind: 'no-record' }],
  ['empty Entity', { Entity: ' ', EntityId: '4876876000000123001' }, { kind: 'no-record' }],
  ['non-string Entity', { Entity: 42, EntityId: '4876876000000123001' }, { kind: 'no-record' }],
  ['null payload', null, { kind: 'no-record' }],
  ['undefined payload', undefined, { kind: 'no-record' }],
  ['number payload', 7, { kind: 'no-record' }],
  ['array payload', [{ Entity: 'Leads', EntityId: '1' }], { kind: 'no-record' }],
  ['text that is not JSON', 'Leads', { kind: 'no-record' }],
  ['JSON text of an array', '["Leads"]', { kind: 'no-record' }],

  // Ids.
  ['id with surrounding whitespace', { Entity: 'Leads', EntityId: ' 4876876000000123001\n' }, { kind: 'record', module: 'Leads', recordId: '4876876000000123001' }],
  ['19-digit id kept exactly', { Entity: 'Leads', EntityId: '9223372036854775807' }, { kind: 'record', module: 'Leads', recordId: '9223372036854775807' }],
  ['safe numeric id', { Entity: 'Leads', EntityId: 4876876000123 }, { kind: 'record', module: 'Leads', recordId: '4876876000123' }],
  ['unsafe numeric id', { Entity: 'Leads', EntityId: 4876876000002768054 }, { kind: 'invalid-record', module: 'Leads', value: '4876876000002768000', reason: 'unsafe-number' }],
  ['numeric id in an array, unsafe', { Entity: 'Leads', EntityId: [4876876000002768054] }, { kind: 'invalid-record', module: 'Leads', value: '4876876000002768000', reason: 'unsafe-number' }],
  ['zero', { Entity: 'Leads', EntityId: 0 }, { kind: 'invalid-record', module: 'Leads', value: '0', reason: 'not-an-id' }],
  ['negative number', { Entity: 'Leads', EntityId: -5 }, { kind: 'invalid-record', module: 'Leads', value: '-5', reason: 'not-an-id' }],
  ['fraction', { Entity: 'Leads', EntityId: 12.5 }, { kind: 'invalid-record', module: 'Leads', value: '12.5', reason: 'not-an-id' }],
  ['20 digits', { Entity: 'Leads', EntityId: '12345678901234567890' }, { kind: 'invalid-record', module: 'Leads', value: '12345678901234567890', reason: 'not-an-id' }],
  ['letters', { Entity: 'Leads', EntityId: 'abc123' }, { kind: 'invalid-record', module: 'Leads', value: 'abc123', reason: 'not-an-id' }],
  ['inner space', { Entity: 'Leads', EntityId: '123 456' }, { kind: 'invalid-record', module: 'Leads', value: '123 456', reason: 'not-an-id' }],
  ['signed digits', { Entity: 'Leads', EntityId: '+123' }, { kind: 'invalid-record', module: 'Leads', value: '+123', reason: 'not-an-id' }],
  ['exponent text', { Entity: 'Leads', EntityId: '1e21' }, { kind: 'invalid-record', module: 'Leads', value: '1e21', reason: 'not-an-id' }],
  ['boolean id', { Entity: 'Leads', EntityId: true }, { kind: 'invalid-record', module: 'Leads', value: 'true', reason: 'not-an-id' }],
  ['object id', { Entity: 'Leads', EntityId: { id: '1' } }, { kind: 'invalid-record', module: 'Leads', value: '{"id":"1"}', reason: 'not-an-id' }],
  ['long value cut short', { Entity: 'Leads', EntityId: 'x'.repeat(500) }, { kind: 'invalid-record', module: 'Leads', value: `${'x'.repeat(39)}…`, reason: 'not-an-id' }],

  // Modules.
  ['Potentials becomes Deals', { Entity: 'Potentials', EntityId: '4876876000000123001' }, { kind: 'record', module: 'Deals', recordId: '4876876000000123001' }],
  ['custom module passes through', { Entity: 'Applications1', EntityId: '4876876000000123001' }, { kind: 'record', module: 'Applications1', recordId: '4876876000000123001' }],
  ['module trimmed', { Entity: ' Leads ', EntityId: '4876876000000123001' }, { kind: 'record', module: 'Leads', recordId: '4876876000000123001' }],
  ['Products', { Entity: 'Products', EntityId: '4876876000000123001' }, { kind: 'unsupported-module', module: 'Products' }],
  ['Sales_Orders, any case', { Entity: 'sales_orders', EntityId: '4876876000000123001' }, { kind: 'unsupported-module', module: 'sales_orders' }],
  ['unsupported module with several ids', { Entity: 'Tasks', EntityId: ['1', '2'] }, { kind: 'unsupported-module', module: 'Tasks' }],
  ['module that is not an API name', { Entity: 'Le ads', EntityId: '4876876000000123001' }, { kind: 'unsupported-module', module: 'Le ads' }],
  ['module with a path', { Entity: '../Leads', EntityId: '4876876000000123001' }, { kind: 'unsupported-module', module: '../Leads' }],
];

const unsupported = ['Products', 'Quotes', 'Sales_Orders', 'Purchase_Orders', 'Invoices', 'Tasks', 'Events', 'Calls', 'Campaigns', 'Vendors', 'Price_Books', 'Cases', 'Solutions'];

describe('parsePageLoad', () => {
  for (const [name, payload, expected] of cases) {
    it(name, () => {
      expect(parsePageLoad(payload)).to.deep.equal(expected);
    });
  }

  for (const module of unsupported) {
    it(`treats ${module} as a module without scores`, () => {
      expect(parsePageLoad({ Entity: module, EntityId: '4876876000000123001' })).to.deep.equal({
        kind: 'unsupported-module',
        module,
      });
    });
  }

  // Found by fast-check (seed -425713846, path "375:1"): NaN is shown as text, never kept as a number.
  it('shows a NaN id as text', () => {
    expect(parsePageLoad({ Entity: 'Leads', EntityId: Number.NaN })).to.deep.equal({
      kind: 'invalid-record',
      module: 'Leads',
      value: 'NaN',
      reason: 'not-an-id',
    });
  });

  it('keeps the id text exactly, never through Number', () => {
    const context = parsePageLoad({ Entity: 'Leads', EntityId: '4876876000002768054' });
    expect(context).to.deep.equal({ kind: 'record', module: 'Leads', recordId: '4876876000002768054' });
  });

  it('never throws, never gives NaN, and gives `record` only with a digit-string id (fast-check)', () => {
    const entity = fc.oneof(fc.constantFrom('Leads', 'Potentials', 'Products', 'Applications1', ' Deals'), fc.string(), fc.anything());
    const id = fc.oneof(
      fc.stringMatching(/^\s?\d{1,22}\s?$/),
      fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
      fc.double(),
      fc.integer(),
      fc.array(fc.oneof(fc.stringMatching(/^\d{1,19}$/), fc.anything()), { maxLength: 3 }),
      fc.anything(),
    );
    const payload = fc.oneof(
      fc.anything(),
      fc.jsonValue(),
      fc.record({ Entity: entity, EntityId: id }, { requiredKeys: [] }),
      fc.record({ Entity: entity, EntityId: id }).map((value) => JSON.stringify(value) ?? ''),
    );
    fc.assert(
      fc.property(payload, (value) => {
        const context = parsePageLoad(value);
        expect(containsNaN(context)).to.equal(false);
        if (context.kind === 'record') expect(context.recordId).to.match(/^\d{1,19}$/);
      }),
      { numRuns: 2000 },
    );
  });
});
