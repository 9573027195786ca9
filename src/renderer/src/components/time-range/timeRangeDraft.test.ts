import { describe, expect, it } from 'vitest';
import { checkTypedRange, fieldsOf, fromInputValue, textOfFields, toInputValue } from './timeRangeDraft';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const HOUR = 3_600_000;

describe('checkTypedRange', () => {
  it('accepts relative and absolute ranges and describes them', () => {
    expect(checkTypedRange('-2h', 'utc', NOW)).toEqual({ ok: true, range: { kind: 'relative', startAgoMs: 2 * HOUR, endAgoMs: 0 }, description: 'Last 2 hours' });
    expect(checkTypedRange('2026-11-30 10:00 to 12:00', 'utc', NOW)).toMatchObject({
      ok: true,
      range: { kind: 'absolute', start: Date.UTC(2026, 10, 30, 10), end: Date.UTC(2026, 10, 30, 12) },
      description: '2026-11-30 10:00 to 12:00 UTC',
    });
  });

  it('marks the mistake in the text', () => {
    expect(checkTypedRange('-3h to -1x', 'utc', NOW)).toEqual({ ok: false, message: expect.stringContaining('"x" is not a unit'), position: 7, length: 3 });
  });

  it('refuses an inverted range', () => {
    expect(checkTypedRange('2026-11-30 12:00 to 10:00', 'utc', NOW)).toMatchObject({ ok: false, message: 'The start must be before the end.' });
  });
});

describe('datetime-local values', () => {
  const instant = Date.UTC(2026, 10, 30, 9, 5, 7);

  it('writes and reads values in UTC', () => {
    expect(toInputValue(instant, 'utc')).toBe('2026-11-30T09:05:07');
    expect(fromInputValue('2026-11-30T09:05:07', 'utc')).toBe(instant);
    expect(fromInputValue('2026-11-30T09:05', 'utc')).toBe(Date.UTC(2026, 10, 30, 9, 5));
  });

  it('round-trips in local time', () => {
    expect(fromInputValue(toInputValue(instant, 'local'), 'local')).toBe(instant);
  });

  it('reads nothing from an empty or partial value', () => {
    expect(fromInputValue('', 'utc')).toBeUndefined();
    expect(fromInputValue('2026-11-30', 'utc')).toBeUndefined();
  });
});

describe('the start and end fields', () => {
  it('write the range they make as text, inverted or not', () => {
    expect(textOfFields('2026-11-30T10:00', '2026-11-30T12:00', 'utc')).toBe('2026-11-30 10:00 to 2026-11-30 12:00');
    const inverted = textOfFields('2026-11-30T12:00', '2026-11-30T10:00', 'utc')!;
    expect(checkTypedRange(inverted, 'utc', NOW)).toMatchObject({ ok: false, message: 'The start must be before the end.' });
    expect(textOfFields('', '2026-11-30T12:00', 'utc')).toBeUndefined();
  });

  it('show a relative range as it resolves now', () => {
    expect(fieldsOf({ kind: 'relative', startAgoMs: 2 * HOUR, endAgoMs: 0 }, 'utc', NOW)).toEqual({ start: '2026-11-30T10:00:00', end: '2026-11-30T12:00:00' });
  });
});
