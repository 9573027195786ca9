/** What a search within loaded events looks for, and stepping from one match to the next. */
import { matchesFilterPattern, parseFilterPattern } from '../../../../shared/languages/filter-pattern';
import type { RowKey } from '../event-table/eventStore';
import { lowerBound } from '../event-table/sortedKeys';

export type SearchQuery =
  /** Text anywhere in the message, ignoring case. */
  | { readonly kind: 'text'; readonly text: string }
  /** A CloudWatch filter pattern, matched as CloudWatch matches it (case-sensitive). */
  | { readonly kind: 'pattern'; readonly pattern: string };

export type CompiledQuery =
  | { readonly ok: true; readonly matches: (message: string) => boolean }
  | { readonly ok: false; readonly message: string };

export function compileQuery(query: SearchQuery): CompiledQuery {
  if (query.kind === 'pattern') {
    const parsed = parseFilterPattern(query.pattern);
    if (!parsed.ok) return { ok: false, message: `${parsed.error.message} (at character ${parsed.error.offset + 1})` };
    const pattern = parsed.pattern;
    return { ok: true, matches: (message) => matchesFilterPattern(pattern, message) };
  }
  const needle = query.text.toLowerCase();
  if (needle === '') return { ok: true, matches: () => true };
  // Lowering a message can only make letters out of its characters, so text without any letter
  // (a status code, an IP address) is found without lowering each message first.
  if (/^[\x00-\x40\x5b-\x60\x7b-\x7f]*$/.test(needle)) return { ok: true, matches: (message) => message.includes(needle) };
  return { ok: true, matches: (message) => message.toLowerCase().includes(needle) };
}

/**
 * The match after (or before) the row with key `from`, going round at the ends; the first (or last)
 * match when `from` is undefined. `keys` are in ascending order.
 */
export function adjacentMatch(keys: Int32Array, from: RowKey | undefined, direction: 'next' | 'previous'): RowKey | undefined {
  if (keys.length === 0) return undefined;
  if (from === undefined) return direction === 'next' ? keys[0] : keys[keys.length - 1];
  if (direction === 'next') {
    const after = lowerBound(keys, from + 1);
    return keys[after === keys.length ? 0 : after];
  }
  const atOrAfter = lowerBound(keys, from);
  return keys[atOrAfter === 0 ? keys.length - 1 : atOrAfter - 1];
}

/** Which match the row with `key` is, counting from 1, for "3 of 120"; 0 when it is not a match. */
export function matchNumber(keys: Int32Array, key: RowKey | undefined): number {
  if (key === undefined) return 0;
  const index = lowerBound(keys, key);
  return keys[index] === key ? index + 1 : 0;
}
