import { describe, expect, it } from 'vitest';
import {
  describeTimeRange,
  formatDuration,
  formatTimeRange,
  lastDuration,
  parseTimeRange,
  rangeProblem,
  RELATIVE_PRESETS,
  resolveRange,
  type ParsedRange,
} from './time-range';

const NOW = Date.UTC(2026, 10, 30, 14, 45, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function parse(text: string): ParsedRange {
  return parseTimeRange(text, 'utc', NOW);
}

describe('parseTimeRange', () => {
  it.each([
    ['-2h', 2 * HOUR],
    ['2h', 2 * HOUR],
    ['  -15m ', 15 * MINUTE],
    ['90 min', 90 * MINUTE],
    ['last 3 days', 3 * DAY],
    ['Last 1 week', 7 * DAY],
    ['-30s', 30_000],
    ['-4w', 28 * DAY],
  ])('reads %j as the last %i ms', (text, duration) => {
    expect(parse(text)).toEqual({ ok: true, range: lastDuration(duration) });
  });

  it('reads a window in the past from two durations', () => {
    expect(parse('-3h to -1h')).toEqual({ ok: true, range: { kind: 'relative', startAgoMs: 3 * HOUR, endAgoMs: HOUR } });
    expect(parse('-3h..-1h')).toEqual(parse('-3h to -1h'));
  });

  it('reads absolute ranges in the chosen zone', () => {
    expect(parse('2026-11-30 10:00 to 2026-11-30 12:30')).toEqual({
      ok: true,
      range: { kind: 'absolute', start: Date.UTC(2026, 10, 30, 10), end: Date.UTC(2026, 10, 30, 12, 30) },
    });
    // The end's date defaults to the start's; a lone time is today.
    expect(parse('2026-11-29 23:00 to 01:00')).toMatchObject({ ok: false });
    expect(parse('2026-11-29 10:00 to 12:00')).toEqual({
      ok: true,
      range: { kind: 'absolute', start: Date.UTC(2026, 10, 29, 10), end: Date.UTC(2026, 10, 29, 12) },
    });
    expect(parse('10:00 - 11:30')).toEqual({
      ok: true,
      range: { kind: 'absolute', start: Date.UTC(2026, 10, 30, 10), end: Date.UTC(2026, 10, 30, 11, 30) },
    });
    expect(parse('2026-11-30T10:00:05.5Z to 2026-11-30T10:00:06Z')).toEqual({
      ok: true,
      range: { kind: 'absolute', start: Date.UTC(2026, 10, 30, 10, 0, 5, 500), end: Date.UTC(2026, 10, 30, 10, 0, 6) },
    });
  });

  it('includes the whole last day of a range of dates', () => {
    expect(parse('2026-11-28 to 2026-11-29')).toEqual({
      ok: true,
      range: { kind: 'absolute', start: Date.UTC(2026, 10, 28), end: Date.UTC(2026, 10, 30) - 1 },
    });
  });

  it('reads one point in time as from then until now', () => {
    expect(parse('2026-11-30 09:15')).toEqual({ ok: true, range: { kind: 'absolute', start: Date.UTC(2026, 10, 30, 9, 15), end: NOW } });
    expect(parse('-2h to now')).toEqual({ ok: true, range: lastDuration(2 * HOUR) });
    expect(parse('2026-11-30 09:15 to now')).toEqual(parse('2026-11-30 09:15'));
  });

  it('reads local times as local times', () => {
    const parsed = parseTimeRange('2026-11-30 10:00 to 2026-11-30 11:00', 'local', NOW);
    expect(parsed).toEqual({
      ok: true,
      range: { kind: 'absolute', start: new Date(2026, 10, 30, 10).getTime(), end: new Date(2026, 10, 30, 11).getTime() },
    });
  });

  it('refuses an inverted range, saying so', () => {
    expect(parse('2026-11-30 12:00 to 2026-11-30 10:00')).toMatchObject({ ok: false, message: 'The start must be before the end.' });
    expect(parse('-1h to -3h')).toMatchObject({ ok: false, message: 'The start must be before the end.' });
    expect(parse('16:00')).toMatchObject({ ok: false, message: 'The start must be before the end.' });
  });

  it('marks the mistake', () => {
    expect(parse('-2x')).toEqual({
      ok: false,
      message: '"x" is not a unit: use s, m, h, d or w (e.g. -15m, -2h, -3d).',
      position: 0,
      length: 3,
    });
    const badEnd = parse('2026-11-30 10:00 to yesterday');
    expect(badEnd).toMatchObject({ ok: false, position: 20, length: 9 });
    expect(parse('2026-02-30 10:00 to 11:00')).toMatchObject({ ok: false, message: 'There is no such date: 2026-02-30 10:00.' });
    expect(parse('25:00 to 26:00')).toMatchObject({ ok: false, message: 'There is no such time: 25:00.' });
    expect(parse('   ')).toMatchObject({ ok: false, position: 0 });
    expect(parse('-0m')).toMatchObject({ ok: false, message: 'A duration must be longer than zero.' });
  });
});

describe('formatting and resolving', () => {
  it('types back what it reads', () => {
    for (const text of ['-2h', '-90m', '-3h to -1h', '2026-11-30 10:00 to 2026-11-30 12:30']) {
      const parsed = parse(text);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(formatTimeRange(parsed.range, 'utc')).toBe(text);
    }
  });

  it('describes ranges in words', () => {
    expect(describeTimeRange(lastDuration(2 * HOUR), 'utc')).toBe('Last 2 hours');
    expect(describeTimeRange({ kind: 'relative', startAgoMs: 3 * HOUR, endAgoMs: HOUR }, 'utc')).toBe('From 3 hours ago to 1 hour ago');
    expect(describeTimeRange({ kind: 'absolute', start: Date.UTC(2026, 10, 30, 10), end: Date.UTC(2026, 10, 30, 12) }, 'utc')).toBe(
      '2026-11-30 10:00 to 12:00 UTC',
    );
    expect(formatDuration(90 * MINUTE)).toBe('90 minutes');
    expect(formatDuration(14 * DAY)).toBe('2 weeks');
  });

  it('resolves relative ranges against the clock', () => {
    expect(resolveRange(lastDuration(HOUR), NOW)).toEqual({ start: NOW - HOUR, end: NOW });
    expect(resolveRange({ kind: 'absolute', start: 1, end: 2 }, NOW)).toEqual({ start: 1, end: 2 });
  });

  it('offers presets from 5 minutes to 4 weeks, each typed as its text says', () => {
    expect(RELATIVE_PRESETS[0]?.durationMs).toBe(5 * MINUTE);
    expect(RELATIVE_PRESETS.at(-1)?.durationMs).toBe(28 * DAY);
    for (const preset of RELATIVE_PRESETS) expect(parse(preset.text)).toEqual({ ok: true, range: lastDuration(preset.durationMs) });
    expect(rangeProblem(lastDuration(HOUR))).toBeUndefined();
  });
});
