/**
 * Values in a running query: text, numbers and booleans, `null` for a JSON null, `undefined` for a field
 * the event does not have. Like AWS, numeric text compares and computes as a number (`status >= 500`
 * holds for the text "503"), and anything else compares as text.
 */
export type Value = string | number | boolean | null | undefined;

/** What a column holds, so that timestamps are shown as dates. */
export type ValueType = 'timestamp' | 'other';

const NUMERIC = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

export function toNumber(value: Value): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
}

export function toText(value: Value): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  return String(value);
}

export function isPresent(value: Value): boolean {
  return value !== undefined && value !== null;
}

/** A condition's outcome: booleans as they are, numbers when not 0, text when not empty. */
export function isTrue(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value !== '';
  return false;
}

/**
 * Orders two present values: as numbers when both read as numbers, else as text. Undefined when either
 * is missing (comparisons with a missing field are false).
 */
export function compareValues(a: Value, b: Value): number | undefined {
  if (!isPresent(a) || !isPresent(b)) return undefined;
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== undefined && y !== undefined) return x - y;
  const s = toText(a) as string;
  const t = toText(b) as string;
  return s < t ? -1 : s > t ? 1 : 0;
}

/**
 * Orders values for `sort` (ascending) the way AWS documents it, a "natural" sort: all non-number values
 * before all numbers; numbers by value; other text in chunks of digits and of non-digits, digit chunks by
 * length and then value, other chunks (and a digit chunk against a non-digit one) by Unicode order.
 * Missing values go after present ones.
 */
export function sortOrder(a: Value, b: Value): number {
  const aPresent = isPresent(a);
  const bPresent = isPresent(b);
  if (!aPresent || !bPresent) return aPresent === bPresent ? 0 : aPresent ? -1 : 1;
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== undefined || y !== undefined) {
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x - y || textOrder(toText(a) as string, toText(b) as string);
  }
  return naturalTextOrder(toText(a) as string, toText(b) as string);
}

const CHUNKS = /\d+|\D+/g;

function naturalTextOrder(a: string, b: string): number {
  const left = a.match(CHUNKS) ?? [];
  const right = b.match(CHUNKS) ?? [];
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const x = left[index] as string;
    const y = right[index] as string;
    if (x === y) continue;
    if (isDigit(x) && isDigit(y) && x.length !== y.length) return x.length - y.length;
    return textOrder(x, y);
  }
  return left.length - right.length;
}

function isDigit(chunk: string): boolean {
  const code = chunk.charCodeAt(0);
  return code >= 48 && code <= 57;
}

function textOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `2024-01-15 12:00:00.000`, UTC: how Logs Insights shows timestamps. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** A result value as GetQueryResults returns it (always text); undefined for a missing field. */
export function formatResult(value: Value, type: ValueType | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  if (type === 'timestamp' && typeof value === 'number') return formatTimestamp(value);
  return toText(value);
}

/** A key for grouping and de-duplicating: equal for values that compare equal as text. */
export function groupKey(value: Value): string {
  if (value === undefined) return '\u0000';
  if (value === null) return '\u0001';
  return String(value);
}
