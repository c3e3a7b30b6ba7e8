import { configureLocalization } from '@lit/localize';
import type { LocaleModule } from '@lit/localize';

/** Language of the messages written in the source (`msg()` calls). */
export const SOURCE_LOCALE = 'en';

/** Locales with a hand-written message module in `./locales/`. */
export const TARGET_LOCALES = ['ar', 'de', 'es', 'fr', 'hi', 'ja', 'pt-BR'] as const;

export type TargetLocale = (typeof TARGET_LOCALES)[number];
export type ShippedLocale = typeof SOURCE_LOCALE | TargetLocale;

// A literal import() per locale: bundlers split each one into its own chunk,
// whereas a template-string import path is left for the browser to resolve.
const loaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  hi: () => import('./locales/hi.js'),
  ja: () => import('./locales/ja.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
};

/**
 * `setLocale` switches the message catalogue and resolves once its module has
 * loaded; `getLocale` returns the catalogue in use. Both act on the whole page.
 */
export const { getLocale, setLocale } = configureLocalization({
  sourceLocale: SOURCE_LOCALE,
  targetLocales: TARGET_LOCALES,
  loadLocale: (locale) => loaders[locale as TargetLocale](),
});

/**
 * Picks the locale for numbers and messages from a `getCurrentUser()` result.
 *
 * Reads `users[0].locale` or, for a flat user object, `locale`. CRM writes it
 * as `de_DE`, which `Intl` rejects, so the underscore becomes a hyphen. A
 * missing or unusable value falls back to the first usable browser language,
 * then to `en`. The result is a full tag such as `de-DE`; `matchShippedLocale`
 * maps it to a message catalogue.
 */
export function resolveLocale(userAnswer: unknown, navigatorLanguages: readonly string[]): string {
  const candidates = [readUserLocale(userAnswer), ...navigatorLanguages];
  for (const candidate of candidates) {
    const locale = toSupportedLocale(candidate);
    if (locale !== undefined) return locale;
  }
  return SOURCE_LOCALE;
}

/**
 * Maps a BCP 47 tag to the shipped catalogue for its language: `de-AT` to
 * `de`, `es-MX` to `es`. Every Portuguese tag, `pt-PT` included, maps to
 * `pt-BR`, because Brazilian Portuguese reads better to a Portuguese user
 * than English does. Languages without a catalogue get `en`.
 */
export function matchShippedLocale(locale: string): ShippedLocale {
  let language: string;
  try {
    language = new Intl.Locale(locale).language;
  } catch {
    return SOURCE_LOCALE;
  }

  if (language === 'pt') return 'pt-BR';
  const shipped = TARGET_LOCALES.find((target) => target === language);
  return shipped ?? SOURCE_LOCALE;
}

/** Returns the text direction of a shipped catalogue. */
export function textDirection(locale: ShippedLocale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * Switches the page's messages to the catalogue that matches `locale` and
 * returns the direction the card should use for it. The catalogue loads
 * asynchronously; elements decorated with `@localized()` re-render when it is
 * ready.
 */
export function applyLocale(locale: string): 'ltr' | 'rtl' {
  const shipped = matchShippedLocale(locale);
  setLocale(shipped).catch((error: unknown) => {
    // The card keeps its English text, which is readable, so this is only logged.
    console.error('[entity-score-card] i18n: loading messages for', shipped, 'failed:', error);
  });
  return textDirection(shipped);
}

function readUserLocale(userAnswer: unknown): unknown {
  if (!isObject(userAnswer)) return undefined;

  const users = userAnswer['users'];
  if (Array.isArray(users)) {
    const first: unknown = users[0];
    return isObject(first) ? first['locale'] : undefined;
  }
  return userAnswer['locale'];
}

/** Returns the canonical tag when `Intl` formats numbers for it, else undefined. */
function toSupportedLocale(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;

  const tag = value.trim().replace(/_/g, '-');
  if (tag === '') return undefined;

  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (canonical === undefined) return undefined;
    return Intl.NumberFormat.supportedLocalesOf([canonical]).length > 0 ? canonical : undefined;
  } catch {
    // RangeError: not a well-formed language tag.
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
