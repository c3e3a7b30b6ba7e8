export { CACHE_MINUTES_RANGE, DEFAULT_SETTINGS, TIMEOUT_MS_RANGE } from './defaults.js';
export { loadDefaults, type FetchFile, type FetchedFile, type LoadDefaultsOptions, type LoadedDefaults } from './load-defaults.js';
export { loadSettings, type LoadedSettings } from './load-settings.js';
export { ORG_VARIABLE_NAME, parseOrgVariableAnswer } from './org-variable.js';
export { ORG_VARIABLE_NOTE_KEY, resolveSettings, SETTINGS_FILE_NOTE_KEY } from './resolve.js';
export type { BandSettings, ResolvedSettings, WidgetSettings } from './types.js';
