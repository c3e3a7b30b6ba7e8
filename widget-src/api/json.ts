/**
 * Small readers for untrusted JSON: host answers, REST bodies and PageLoad
 * payloads are parsed with these, never cast.
 */

/** A plain JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an own property: a key like `__proto__` or `toString` never reaches the prototype. */
export function field(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** Parses JSON text; `undefined` when it is not JSON. */
export function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

const DIGIT_ID = /^\d{1,19}$/;

/**
 * Reads a CRM record or rule id as a decimal digit string.
 *
 * Strings are trimmed and kept as they are (ids exceed 2^53); a number is
 * accepted only while it is a positive safe integer, because a larger one has
 * already lost digits. Returns `undefined` for anything else.
 */
export function parseDigitId(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return DIGIT_ID.test(trimmed) ? trimmed : undefined;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  return undefined;
}

/** The JSON type of a value, with a hint for numbers that are not safe integers. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'number (NaN)';
    if (!Number.isFinite(value)) return 'number (infinite)';
    if (!Number.isInteger(value)) return 'number (not an integer)';
    if (!Number.isSafeInteger(value)) return 'number (beyond 2^53)';
  }
  return typeof value;
}

/** A one-line text version of any value for messages, cut to `max` characters. */
export function preview(value: unknown, max = 40): string {
  let text: string;
  if (typeof value === 'string') {
    text = value.trim();
  } else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    text = String(value);
  } else {
    try {
      text = JSON.stringify(value) ?? describeType(value);
    } catch {
      // Cycles, symbols and the like: the type is enough for a message.
      text = describeType(value);
    }
  }
  text = text.replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
