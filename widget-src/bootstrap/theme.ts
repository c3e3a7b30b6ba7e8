/** The card's colour theme: `auto` follows the browser's `prefers-color-scheme`. */
export type Theme = 'light' | 'dark' | 'auto';

/**
 * Maps the `getUserPreference()` answer to a theme.
 *
 * SDK 1.4 documents `{mode: "day"}`; the night value is not documented, so any
 * mode that names night or dark counts as dark. Anything unreadable, including
 * an SDK without the call, leaves the choice to the browser.
 */
export function themeFromPreference(answer: unknown): Theme {
  const mode = readMode(answer);
  if (mode === undefined) return 'auto';

  const normalized = mode.trim().toLowerCase();
  if (normalized === 'day' || normalized === 'light') return 'light';
  if (normalized.includes('night') || normalized.includes('dark')) return 'dark';
  return 'auto';
}

function readMode(answer: unknown): string | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;

  // Some SDK answers nest the payload one level down, like getCurrentUser's `users`.
  const candidates = [answer, (answer as { data?: unknown }).data];
  for (const candidate of candidates) {
    if (typeof candidate !== 'object' || candidate === null) continue;
    const mode = (candidate as { mode?: unknown; theme?: unknown }).mode ?? (candidate as { theme?: unknown }).theme;
    if (typeof mode === 'string') return mode;
  }
  return undefined;
}
