import { CrmError } from './crm-error.js';
import { preview } from './json.js';

/** The data centres CRM runs in, as `GetCurrentEnvironment().deployment` names them. */
export type DataCentre = 'US' | 'EU' | 'IN' | 'AU' | 'JP' | 'CN' | 'CA' | 'SA';

/** REST API host per data centre; other hosts return INVALID_HOST. */
export const API_HOSTS: Readonly<Record<DataCentre, string>> = {
  US: 'https://www.zohoapis.com',
  EU: 'https://www.zohoapis.eu',
  IN: 'https://www.zohoapis.in',
  AU: 'https://www.zohoapis.com.au',
  JP: 'https://www.zohoapis.jp',
  CN: 'https://www.zohoapis.com.cn',
  CA: 'https://www.zohoapis.ca',
  SA: 'https://www.zohoapis.sa',
};

/**
 * Other spellings of the same data centres, lower case. The host documents
 * region codes (`US`); Zoho also names each region by its domain suffix
 * (`zoho.com.au`, `api_domain` `https://www.zohoapis.eu`), so a suffix or a
 * whole host maps too. Nothing here guesses at a region Zoho does not run.
 */
const SUFFIXES: Readonly<Record<string, DataCentre>> = {
  com: 'US',
  eu: 'EU',
  in: 'IN',
  'com.au': 'AU',
  jp: 'JP',
  'com.cn': 'CN',
  ca: 'CA',
  sa: 'SA',
};

/** Reads a data centre: a region code or domain suffix in any case, or a Zoho host. */
export function parseDataCentre(value: unknown): DataCentre | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '')
    .replace(/^(www\.|accounts\.|crm\.)?(zohoapis|zoho)\./, '')
    .replace(/^\./, '');

  const code = text.toUpperCase();
  if (isDataCentre(code)) return code;
  return Object.prototype.hasOwnProperty.call(SUFFIXES, text) ? SUFFIXES[text] : undefined;
}

function isDataCentre(code: string): code is DataCentre {
  return Object.prototype.hasOwnProperty.call(API_HOSTS, code);
}

/** Returns the API host for a data centre value, or throws `CrmError('UNKNOWN_DATA_CENTRE')` when none fits. */
export function apiHostFor(value: unknown): string {
  const dataCentre = parseDataCentre(value);
  if (dataCentre === undefined) {
    const displayed = preview(value);
    throw new CrmError('UNKNOWN_DATA_CENTRE', `No API host is known for the data centre "${displayed}".`, {
      dataCentre: displayed,
      operation: 'CONFIG.GetCurrentEnvironment',
    });
  }
  return API_HOSTS[dataCentre];
}
