/**
 * Time ranges as people pick and type them: "last 2 hours", `-2h`, `-3h to -1h`,
 * `2026-11-30 10:00 to 12:30`. A relative range follows the clock (it is resolved when a query runs);
 * an absolute one is fixed. Pure, so the picker, the URL state and the tests agree on every rule.
 */
import { formatTimestamp, type TimeZoneMode } from './format';

export type TimeRange =
  /** From `startAgoMs` before now until `endAgoMs` before now (0: now). */
  | { readonly kind: 'relative'; readonly startAgoMs: number; readonly endAgoMs: number }
  /** Epoch milliseconds, both ends included. */
  | { readonly kind: 'absolute'; readonly start: number; readonly end: number };

export interface ResolvedRange {
  readonly start: number;
  readonly end: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** The quick choices, from an incident's last minutes to a month of history. */
export const RELATIVE_PRESETS: readonly { readonly label: string; readonly text: string; readonly durationMs: number }[] = [
  { label: '5 minutes', text: '-5m', durationMs: 5 * MINUTE },
  { label: '15 minutes', text: '-15m', durationMs: 15 * MINUTE },
  { label: '30 minutes', text: '-30m', durationMs: 30 * MINUTE },
  { label: '1 hour', text: '-1h', durationMs: HOUR },
  { label: '3 hours', text: '-3h', durationMs: 3 * HOUR },
  { label: '6 hours', text: '-6h', durationMs: 6 * HOUR },
  { label: '12 hours', text: '-12h', durationMs: 12 * HOUR },
  { label: '1 day', text: '-1d', durationMs: DAY },
  { label: '3 days', text: '-3d', durationMs: 3 * DAY },
  { label: '1 week', text: '-1w', durationMs: WEEK },
  { label: '2 weeks', text: '-2w', durationMs: 2 * WEEK },
  { label: '4 weeks', text: '-4w', durationMs: 4 * WEEK },
];

export function lastDuration(durationMs: number): TimeRange {
  return { kind: 'relative', startAgoMs: durationMs, endAgoMs: 0 };
}

export function resolveRange(range: TimeRange, now: number): ResolvedRange {
  if (range.kind === 'absolute') return { start: range.start, end: range.end };
  return { start: now - range.startAgoMs, end: now - range.endAgoMs };
}

/** Why a range cannot be used, or undefined when it can. */
export function rangeProblem(range: TimeRange): string | undefined {
  const start = range.kind === 'absolute' ? range.start : -range.startAgoMs;
  const end = range.kind === 'absolute' ? range.end : -range.endAgoMs;
  if (!Number.isFinite(start) || !Number.isFinite(end)) return 'The range needs a start and an end.';
  if (start >= end) return 'The start must be before the end.';
  if (range.kind === 'relative' && range.endAgoMs < 0) return 'A relative range cannot end in the future.';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Typed ranges

export type ParsedRange =
  | { readonly ok: true; readonly range: TimeRange }
  /** `position` and `length` mark the mistake in the typed text. */
  | { readonly ok: false; readonly message: string; readonly position: number; readonly length: number };

const UNITS: Readonly<Record<string, number>> = {
  s: SECOND,
  sec: SECOND,
  secs: SECOND,
  second: SECOND,
  seconds: SECOND,
  m: MINUTE,
  min: MINUTE,
  mins: MINUTE,
  minute: MINUTE,
  minutes: MINUTE,
  h: HOUR,
  hr: HOUR,
  hrs: HOUR,
  hour: HOUR,
  hours: HOUR,
  d: DAY,
  day: DAY,
  days: DAY,
  w: WEEK,
  wk: WEEK,
  wks: WEEK,
  week: WEEK,
  weeks: WEEK,
};

/** What separates the two ends of a typed range. */
const SEPARATOR = /\s+to\s+|\s*\.\.\s*|\s+[–—]\s+|\s+-\s+(?=[-\d])/i;

/**
 * Reads a typed range. Durations: `-2h`, `2h`, `90 min`, `last 3 days`. Two ends: `-3h to -1h`,
 * `2026-11-30 10:00 to 2026-11-30 12:00`, `2026-11-30 10:00 to 12:00` (same day), `10:00 to 11:30`
 * (today), `2026-11-29 to 2026-11-30` (whole days), `-3h to now`; one point in time means from then until now.
 * Dates and times are read in `zone` unless they end in `Z`.
 */
export function parseTimeRange(text: string, zone: TimeZoneMode, now: number): ParsedRange {
  const trimmed = text.trim();
  const offset = text.indexOf(trimmed);
  if (trimmed === '') return failure('Type a range such as -2h, last 3 days or 2026-11-30 10:00 to 12:00.', offset, 0);

  const duration = parseDuration(trimmed.replace(/^last\s+/i, ''));
  if (duration !== undefined && /^(last\s+|-|\d)/i.test(trimmed)) {
    if (typeof duration === 'string') return failure(duration, offset, trimmed.length);
    return ok(lastDuration(duration));
  }

  const separator = SEPARATOR.exec(trimmed);
  if (separator === null) {
    const start = parseEnd(trimmed, offset, zone, now, undefined);
    if (!start.ok) return start;
    if (start.relative !== undefined) return finish({ kind: 'relative', startAgoMs: start.relative, endAgoMs: 0 }, offset, trimmed.length);
    return finish({ kind: 'absolute', start: start.time, end: now }, offset, trimmed.length);
  }

  const startText = trimmed.slice(0, separator.index);
  const endText = trimmed.slice(separator.index + separator[0].length);
  const endOffset = offset + separator.index + separator[0].length;
  if (startText === '') return failure('The range needs a start before the separator.', offset, separator[0].length);
  if (endText === '') return failure('The range needs an end after the separator.', endOffset, 0);
  const start = parseEnd(startText, offset, zone, now, undefined);
  if (!start.ok) return start;
  const end = parseEnd(endText, endOffset, zone, now, start.relative === undefined ? start : undefined);
  if (!end.ok) return end;
  if (start.relative !== undefined && end.relative !== undefined) {
    return finish({ kind: 'relative', startAgoMs: start.relative, endAgoMs: end.relative }, offset, trimmed.length);
  }
  const startTime = start.relative !== undefined ? now - start.relative : start.time;
  let endTime = end.relative !== undefined ? now - end.relative : end.time;
  // A whole day as the end (`2026-11-29 to 2026-11-30`) includes that day.
  if (end.relative === undefined && end.wholeDay) endTime += DAY - 1;
  return finish({ kind: 'absolute', start: startTime, end: endTime }, offset, trimmed.length);
}

/** A range as it would be typed, so the picker's text field can show the current choice. */
export function formatTimeRange(range: TimeRange, zone: TimeZoneMode): string {
  if (range.kind === 'relative') {
    const start = `-${formatCompactDuration(range.startAgoMs)}`;
    return range.endAgoMs === 0 ? start : `${start} to -${formatCompactDuration(range.endAgoMs)}`;
  }
  return `${formatInstant(range.start, zone)} to ${formatInstant(range.end, zone)}`;
}

/** A range in words, for buttons and headings: "Last 2 hours", "2026-11-30 10:00 to 12:00 UTC". */
export function describeTimeRange(range: TimeRange, zone: TimeZoneMode): string {
  if (range.kind === 'relative') {
    if (range.endAgoMs === 0) return `Last ${formatDuration(range.startAgoMs)}`;
    return `From ${formatDuration(range.startAgoMs)} ago to ${formatDuration(range.endAgoMs)} ago`;
  }
  const start = formatInstant(range.start, zone);
  const end = formatInstant(range.end, zone);
  const sameDay = start.slice(0, 10) === end.slice(0, 10) && end.length > 10;
  return `${start} to ${sameDay ? end.slice(11) : end}${zone === 'utc' ? ' UTC' : ''}`;
}

/** 7,200,000 → "2 hours", 5,400,000 → "90 minutes", 1,209,600,000 → "2 weeks". */
export function formatDuration(ms: number): string {
  const [count, unit] = largestWholeUnit(ms);
  const names: Readonly<Record<string, string>> = { w: 'week', d: 'day', h: 'hour', m: 'minute', s: 'second' };
  const name = names[unit] ?? 'millisecond';
  return `${count} ${count === 1 ? name : `${name}s`}`;
}

function formatCompactDuration(ms: number): string {
  const [count, unit] = largestWholeUnit(ms);
  return `${count}${unit}`;
}

function largestWholeUnit(ms: number): [number, string] {
  for (const [unit, size] of [
    ['w', WEEK],
    ['d', DAY],
    ['h', HOUR],
    ['m', MINUTE],
    ['s', SECOND],
  ] as const) {
    if (ms >= size && ms % size === 0) return [ms / size, unit];
  }
  return [ms, 'ms'];
}

/** Minutes when the seconds are zero, else as precise as the instant is. */
function formatInstant(epochMs: number, zone: TimeZoneMode): string {
  if (epochMs % MINUTE === 0) return formatTimestamp(epochMs, zone, 'minute');
  if (epochMs % SECOND === 0) return formatTimestamp(epochMs, zone, 'second');
  return formatTimestamp(epochMs, zone, 'millisecond');
}

/** A duration in ms, a sentence saying what is wrong with it, or undefined when the text is no duration. */
function parseDuration(text: string): number | string | undefined {
  const match = /^-?\s*(\d+)\s*([a-z]+)$/i.exec(text);
  if (match === null) return undefined;
  const [, count, unitText] = match;
  const unit = UNITS[(unitText ?? '').toLowerCase()];
  if (unit === undefined) return `"${unitText}" is not a unit: use s, m, h, d or w (e.g. -15m, -2h, -3d).`;
  const value = Number(count) * unit;
  if (value <= 0) return 'A duration must be longer than zero.';
  return value;
}

type ParsedEnd =
  | { readonly ok: true; readonly relative: number; readonly time?: undefined; readonly wholeDay?: undefined }
  | { readonly ok: true; readonly relative?: undefined; readonly time: number; readonly wholeDay: boolean; readonly date: DateParts }
  | Extract<ParsedRange, { ok: false }>;

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|UTC)?$/i;
const TIME_ONLY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*(Z|UTC)?$/i;

/** One end of a range: a duration ago, a date (and time), or a time on `sameDayAs`'s day (else today). */
function parseEnd(text: string, offset: number, zone: TimeZoneMode, now: number, sameDayAs: { date: DateParts } | undefined): ParsedEnd {
  if (/^now$/i.test(text)) return { ok: true, relative: 0 };
  const duration = parseDuration(text.replace(/^last\s+/i, ''));
  if (typeof duration === 'number') return { ok: true, relative: duration };
  if (typeof duration === 'string') return failure(duration, offset, text.length);

  const full = DATE_TIME.exec(text);
  if (full !== null) {
    const [, year, month, day, hour, minute, second, millis, utcMark] = full;
    const date = { year: Number(year), month: Number(month), day: Number(day) };
    const wholeDay = hour === undefined;
    return instant(date, [hour, minute, second, millis], utcMark ? 'utc' : zone, wholeDay, text, offset);
  }
  const timeOnly = TIME_ONLY.exec(text);
  if (timeOnly !== null) {
    const [, hour, minute, second, millis, utcMark] = timeOnly;
    const timeZone = utcMark ? 'utc' : zone;
    const date = sameDayAs?.date ?? dateOf(now, timeZone);
    return instant(date, [hour, minute, second, millis], timeZone, false, text, offset);
  }
  return failure(
    `"${text}" is not a time: use a duration (-2h), a date (2026-11-30), or a date and time (2026-11-30 10:00).`,
    offset,
    text.length,
  );
}

function instant(
  date: DateParts,
  [hour, minute, second, millis]: readonly (string | undefined)[],
  zone: TimeZoneMode,
  wholeDay: boolean,
  text: string,
  offset: number,
): ParsedEnd {
  const parts = [date.year, date.month - 1, date.day, Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), Number((millis ?? '0').padEnd(3, '0'))] as const;
  if (parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return failure(`There is no such time: ${text}.`, offset, text.length);
  const time = zone === 'utc' ? Date.UTC(...parts) : new Date(...parts).getTime();
  // Date rolls 2026-02-30 over into March; a person meant no such day.
  const check = new Date(time);
  const [checkYear, checkMonth, checkDay] =
    zone === 'utc'
      ? [check.getUTCFullYear(), check.getUTCMonth(), check.getUTCDate()]
      : [check.getFullYear(), check.getMonth(), check.getDate()];
  if (checkYear !== parts[0] || checkMonth !== parts[1] || checkDay !== parts[2]) {
    return failure(`There is no such date: ${text}.`, offset, text.length);
  }
  return { ok: true, time, wholeDay, date };
}

function dateOf(epochMs: number, zone: TimeZoneMode): DateParts {
  const date = new Date(epochMs);
  return zone === 'utc'
    ? { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
    : { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

function finish(range: TimeRange, offset: number, length: number): ParsedRange {
  const problem = rangeProblem(range);
  return problem === undefined ? ok(range) : failure(problem, offset, length);
}

function ok(range: TimeRange): ParsedRange {
  return { ok: true, range };
}

function failure(message: string, position: number, length: number): Extract<ParsedRange, { ok: false }> {
  return { ok: false, message, position, length };
}
