import { describe, expect, it } from 'vitest';
import { parseJumpTime } from './jumpTime';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);

describe('parseJumpTime', () => {
  it('reads a date and time, to the millisecond, in the zone asked for', () => {
    expect(parseJumpTime('2026-11-30 10:00', 'utc', NOW)).toEqual({ ok: true, time: Date.UTC(2026, 10, 30, 10, 0) });
    expect(parseJumpTime('2026-11-30 10:00:05.250', 'utc', NOW)).toEqual({ ok: true, time: Date.UTC(2026, 10, 30, 10, 0, 5, 250) });
    expect(parseJumpTime('2026-11-30T09:30Z', 'local', NOW)).toEqual({ ok: true, time: Date.UTC(2026, 10, 30, 9, 30) });
    expect(parseJumpTime('2026-11-30 09:30', 'local', NOW)).toEqual({ ok: true, time: new Date(2026, 10, 30, 9, 30).getTime() });
  });

  it('reads a day as its midnight, a time as today, and a duration as that long ago', () => {
    expect(parseJumpTime('2026-11-29', 'utc', NOW)).toEqual({ ok: true, time: Date.UTC(2026, 10, 29) });
    expect(parseJumpTime('  08:15 ', 'utc', NOW)).toEqual({ ok: true, time: Date.UTC(2026, 10, 30, 8, 15) });
    expect(parseJumpTime('-2h', 'utc', NOW)).toEqual({ ok: true, time: NOW - 2 * 3_600_000 });
    expect(parseJumpTime('90 min', 'utc', NOW)).toEqual({ ok: true, time: NOW - 90 * 60_000 });
  });

  it('refuses a range, saying one time is wanted', () => {
    expect(parseJumpTime('-3h to -1h', 'utc', NOW)).toEqual({ ok: false, message: 'Type one time to go to, not a range.', position: 0, length: 10 });
    expect(parseJumpTime('2026-11-30 10:00 to 11:00', 'utc', NOW)).toMatchObject({ ok: false, message: 'Type one time to go to, not a range.' });
  });

  it('refuses a time still to come, today or later', () => {
    const later = { ok: false, message: 'That time is still to come: the newest events are at the end of the stream.' };
    expect(parseJumpTime('13:00', 'utc', NOW)).toMatchObject({ ...later, position: 0, length: 5 });
    expect(parseJumpTime(' 2027-01-01', 'utc', NOW)).toMatchObject({ ...later, position: 1, length: 10 });
  });

  it('marks the mistake in what was typed', () => {
    expect(parseJumpTime('yesterday', 'utc', NOW)).toMatchObject({ ok: false, position: 0, length: 9 });
    expect(parseJumpTime('2026-02-30 10:00', 'utc', NOW)).toMatchObject({ ok: false, message: 'There is no such date: 2026-02-30 10:00.' });
    expect(parseJumpTime('-2x', 'utc', NOW)).toMatchObject({ ok: false, message: expect.stringContaining('"x" is not a unit') });
    expect(parseJumpTime('   ', 'utc', NOW)).toMatchObject({ ok: false, length: 0 });
  });
});
