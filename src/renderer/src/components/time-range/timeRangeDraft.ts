/**
 * The picker's rules, apart from its markup: checking a typed range as it is typed, and the absolute
 * start and end fields (datetime-local values, read in the app's time zone).
 */
import type { TimeZoneMode } from '../../../../shared/format';
import { describeTimeRange, formatTimeRange, parseTimeRange, resolveRange, type TimeRange } from '../../../../shared/time-range';

export type RangeCheck =
  | { readonly ok: true; readonly range: TimeRange; readonly description: string }
  /** `position` and `length` mark the mistake in the text. */
  | { readonly ok: false; readonly message: string; readonly position: number; readonly length: number };

export function checkTypedRange(text: string, zone: TimeZoneMode, now: number): RangeCheck {
  const parsed = parseTimeRange(text, zone, now);
  if (!parsed.ok) return parsed;
  return { ok: true, range: parsed.range, description: describeTimeRange(parsed.range, zone) };
}

/** A time as a datetime-local field's value, "2026-11-30T10:00:00", in `zone`. */
export function toInputValue(epochMs: number, zone: TimeZoneMode): string {
  const date = new Date(epochMs);
  const utc = zone === 'utc';
  const parts = [
    utc ? date.getUTCFullYear() : date.getFullYear(),
    (utc ? date.getUTCMonth() : date.getMonth()) + 1,
    utc ? date.getUTCDate() : date.getDate(),
    utc ? date.getUTCHours() : date.getHours(),
    utc ? date.getUTCMinutes() : date.getMinutes(),
    utc ? date.getUTCSeconds() : date.getSeconds(),
  ].map((part, i) => String(part).padStart(i === 0 ? 4 : 2, '0'));
  return `${parts[0]}-${parts[1]}-${parts[2]}T${parts[3]}:${parts[4]}:${parts[5]}`;
}

/** A datetime-local field's value as a time, read in `zone`; undefined for an empty or partial value. */
export function fromInputValue(value: string, zone: TimeZoneMode): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second, millis] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const fields = [year!, month! - 1, day!, hour!, minute!, second!, millis!] as const;
  return zone === 'utc' ? Date.UTC(...fields) : new Date(...fields).getTime();
}

/** The range the start and end fields make, written as it would be typed (so the text field shows it). */
export function textOfFields(start: string, end: string, zone: TimeZoneMode): string | undefined {
  const from = fromInputValue(start, zone);
  const to = fromInputValue(end, zone);
  if (from === undefined || to === undefined) return undefined;
  // Written even when inverted: checking the text then says what is wrong.
  return formatTimeRange({ kind: 'absolute', start: from, end: to }, zone);
}

/** The start and end fields for a range (a relative one as it resolves now). */
export function fieldsOf(range: TimeRange, zone: TimeZoneMode, now: number): { start: string; end: string } {
  const { start, end } = resolveRange(range, now);
  return { start: toInputValue(start, zone), end: toInputValue(end, zone) };
}
