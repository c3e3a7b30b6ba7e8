/** Where log lines go; `console` in the widget, a recorder in tests. */
export interface LogSink {
  error(...data: unknown[]): void;
}

/**
 * Reports errors the widget caught and did not show in full, each once.
 * The happy path logs nothing.
 */
export interface Logger {
  /**
   * @param moduleName the widget source module that caught the error, e.g. `load-card`
   * @param recordId the CRM record id, or `-` when there is none
   * @param code a `CrmError` code or a short upper-case tag such as `INVALID_FIELD`
   * @param detail one short line: a field name, an operation; never a whole payload
   */
  error(moduleName: string, recordId: string, code: string, detail?: string): void;
}

const PREFIX = '[entity-score-card]';

// A frame lives for one record page, so this only bounds a pathological loop.
const MAX_REMEMBERED = 500;

export function createLogger(sink: LogSink = console): Logger {
  const seen = new Set<string>();

  return {
    error(moduleName, recordId, code, detail) {
      const key = JSON.stringify([moduleName, recordId, code, detail ?? null]);
      if (seen.has(key) || seen.size >= MAX_REMEMBERED) return;
      seen.add(key);

      const line = `${PREFIX} ${moduleName}: ${code} (record ${recordId})`;
      sink.error(detail === undefined ? line : `${line}: ${detail}`);
    },
  };
}
