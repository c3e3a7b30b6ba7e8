import { expect } from '@esm-bundle/chai';
import { CrmError } from '../../../widget-src/api/crm-error.js';
import { API_HOSTS, apiHostFor, parseDataCentre } from '../../../widget-src/api/data-centres.js';
import { describe, it, thrown } from './harness.js';

describe('data centres', () => {
  const table: Array<[string, string]> = [
    ['US', 'https://www.zohoapis.com'],
    ['EU', 'https://www.zohoapis.eu'],
    ['IN', 'https://www.zohoapis.in'],
    ['AU', 'https://www.zohoapis.com.au'],
    ['JP', 'https://www.zohoapis.jp'],
    ['CN', 'https://www.zohoapis.com.cn'],
    ['CA', 'https://www.zohoapis.ca'],
    ['SA', 'https://www.zohoapis.sa'],
  ];
  for (const [code, host] of table) {
    it(`maps ${code} to ${host}`, () => {
      expect(apiHostFor(code)).to.equal(host);
      expect(API_HOSTS[parseDataCentre(code) ?? 'US']).to.equal(host);
    });
  }

  const spellings: Array<[string, string]> = [
    ['eu', 'EU'],
    [' Eu\n', 'EU'],
    ['com', 'US'],
    ['.com.au', 'AU'],
    ['com.cn', 'CN'],
    ['zoho.eu', 'EU'],
    ['zohoapis.jp', 'JP'],
    ['https://www.zohoapis.com.au/', 'AU'],
    ['accounts.zoho.in', 'IN'],
  ];
  for (const [value, code] of spellings) {
    it(`reads ${JSON.stringify(value)} as ${code}`, () => {
      expect(parseDataCentre(value)).to.equal(code);
    });
  }

  const unknown: Array<[unknown, string]> = [
    ['UK', 'UK'],
    ['zoho.uk', 'zoho.uk'],
    ['', ''],
    ['com.eu', 'com.eu'],
    [42, '42'],
    [null, 'null'],
    ['toString', 'toString'],
  ];
  for (const [value, shown] of unknown) {
    it(`reports UNKNOWN_DATA_CENTRE for ${JSON.stringify(value)}`, () => {
      const error = thrown(() => apiHostFor(value));
      expect(error).to.be.instanceOf(CrmError);
      expect((error as CrmError).code).to.equal('UNKNOWN_DATA_CENTRE');
      expect((error as CrmError).details.dataCentre).to.equal(shown);
    });
  }
});
