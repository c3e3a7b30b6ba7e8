import { expect } from '@esm-bundle/chai';
import { DEFAULT_SETTINGS } from '../../../widget-src/settings/defaults.js';
import { loadDefaults } from '../../../widget-src/settings/load-defaults.js';
import { resolveSettings } from '../../../widget-src/settings/resolve.js';
import { describe, it } from '../api/harness.js';

// NOTE: the test server's esbuild plugin has no JSON loader, so the file is
// fetched the way the widget fetches it instead of imported.
const SETTINGS_URL = new URL('../../../app/settings.json', import.meta.url).href;

describe('DEFAULT_SETTINGS', () => {
  it('matches app/settings.json', async () => {
    const response = await fetch(SETTINGS_URL);
    expect(response.ok).to.equal(true);
    expect(await response.json()).to.deep.equal(DEFAULT_SETTINGS);
  });

  it('loads app/settings.json without notes', async () => {
    const loaded = await loadDefaults((url, init) => fetch(url, init), SETTINGS_URL);
    expect(loaded.notes).to.deep.equal([]);

    const { settings, notes } = resolveSettings(loaded.json, undefined);
    expect(notes).to.deep.equal([]);
    expect(settings).to.deep.equal(DEFAULT_SETTINGS);
  });

  it('is frozen at every level', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).to.equal(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.bands.default)).to.equal(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.bands.default[0])).to.equal(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.show)).to.equal(true);
  });

  it('has the documented bands', () => {
    expect(DEFAULT_SETTINGS.bands.default).to.deep.equal([
      { id: 'hot', min: 50, tone: 'hot' },
      { id: 'warm', min: 20, tone: 'warm' },
      { id: 'cold', min: null, tone: 'cold' },
    ]);
  });
});
