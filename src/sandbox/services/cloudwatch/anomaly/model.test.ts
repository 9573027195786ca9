import { describe, expect, it } from 'vitest';
import { HourOfWeekClock, isKnownTimeZone, trainSeasonalModel } from './model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Monday 2025-01-06 00:00 UTC. */
const MONDAY = Date.UTC(2025, 0, 6);

/** Deterministic noise in [-1, 1). */
function noise(i: number): number {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return 2 * (x - Math.floor(x)) - 1;
}

/** `days` of one-minute points from `start`, the value a function of the time and the point's index. */
function points(start: number, days: number, value: (t: number, i: number) => number): { timestamps: number[]; values: number[] } {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let t = start, i = 0; t < start + days * DAY; t += MINUTE, i++) {
    timestamps.push(t);
    values.push(value(t, i));
  }
  return { timestamps, values };
}

const NO_CONFIG = { excludedTimeRanges: [] };
/** A daily cycle between 20 and 80, plus noise of ±5. */
const daily = (t: number, i: number): number => 50 + 30 * Math.sin(((t % DAY) / DAY) * 2 * Math.PI) + 5 * noise(i);

describe('HourOfWeekClock', () => {
  it('counts hours from Monday 00:00 in UTC', () => {
    const clock = new HourOfWeekClock(undefined);
    expect(clock.hourOfWeek(MONDAY)).toBe(0);
    expect(clock.hourOfWeek(MONDAY + 59 * MINUTE)).toBe(0);
    expect(clock.hourOfWeek(MONDAY + 25 * HOUR)).toBe(25);
    expect(clock.hourOfWeek(MONDAY - 1)).toBe(167);
    expect(clock.hourOfWeek(MONDAY + 7 * DAY + 3 * HOUR)).toBe(3);
  });

  it('follows the time zone, its daylight saving time and half-hour offsets', () => {
    // Paris is UTC+1 in January and UTC+2 in July: Monday 00:00 local is Sunday 23:00 / 22:00 UTC.
    const paris = new HourOfWeekClock('Europe/Paris');
    expect(paris.hourOfWeek(MONDAY - HOUR)).toBe(0);
    expect(paris.hourOfWeek(Date.UTC(2025, 6, 6, 22))).toBe(0);
    // Kolkata is UTC+5:30: 18:30 UTC Sunday is Monday 00:00 there, 18:29 still Sunday 23:59.
    const kolkata = new HourOfWeekClock('Asia/Kolkata');
    expect(kolkata.hourOfWeek(MONDAY - 5.5 * HOUR)).toBe(0);
    expect(kolkata.hourOfWeek(MONDAY - 5.5 * HOUR - MINUTE)).toBe(167);
  });

  it('knows the tz database names', () => {
    expect(isKnownTimeZone('America/New_York')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('trainSeasonalModel', () => {
  it('has no model without data', () => {
    expect(trainSeasonalModel([], [], NO_CONFIG)).toBeUndefined();
    const { timestamps, values } = points(MONDAY, 1, () => 5);
    expect(trainSeasonalModel(timestamps, values, { excludedTimeRanges: [{ start: MONDAY, end: MONDAY + DAY }] })).toBeUndefined();
  });

  it('is deterministic: the same data gives the same band', () => {
    const { timestamps, values } = points(MONDAY, 14, daily);
    const a = trainSeasonalModel(timestamps, values, NO_CONFIG)!.band(timestamps, 2);
    const b = trainSeasonalModel([...timestamps], [...values], NO_CONFIG)!.band(timestamps, 2);
    expect(a).toEqual(b);
  });

  it('follows the daily cycle and holds nearly all of the normal points at width 2', () => {
    const { timestamps, values } = points(MONDAY, 14, daily);
    const band = trainSeasonalModel(timestamps, values, NO_CONFIG)!.band(timestamps, 2);
    const inside = values.filter((v, i) => v >= band.lower[i]! && v <= band.upper[i]!).length;
    expect(inside / values.length).toBeGreaterThan(0.95);
    // 06:00 (the peak, 80) and 18:00 (the trough, 20) have different bands.
    const at = (hour: number): number => timestamps.indexOf(MONDAY + 2 * DAY + hour * HOUR);
    expect(band.lower[at(6)]!).toBeGreaterThan(band.upper[at(18)]!);
  });

  it('is wider with a larger width, around the same expected value', () => {
    const { timestamps, values } = points(MONDAY, 14, daily);
    const model = trainSeasonalModel(timestamps, values, NO_CONFIG)!;
    const narrow = model.band(timestamps, 1);
    const wide = model.band(timestamps, 3);
    for (let i = 0; i < timestamps.length; i += 997) {
      expect(wide.upper[i]! - wide.lower[i]!).toBeCloseTo(3 * (narrow.upper[i]! - narrow.lower[i]!), 6);
      expect((wide.upper[i]! + wide.lower[i]!) / 2).toBeCloseTo((narrow.upper[i]! + narrow.lower[i]!) / 2, 6);
    }
  });

  it('learns the week with two weeks of data, only the day with less', () => {
    // Weekdays run at 100, weekends at 10.
    const weekly = (t: number, i: number): number => (((t - MONDAY) % (7 * DAY)) / DAY >= 5 ? 10 : 100) + noise(i);
    const saturdayNoon = MONDAY + 5 * DAY + 12 * HOUR;
    const twoWeeks = points(MONDAY, 14, weekly);
    const weeklyModel = trainSeasonalModel(twoWeeks.timestamps, twoWeeks.values, NO_CONFIG)!;
    expect(weeklyModel.slotAt(saturdayNoon).expected).toBeCloseTo(10, 0);
    expect(weeklyModel.slotAt(saturdayNoon - 2 * DAY).expected).toBeCloseTo(100, 0);
    const tenDays = points(MONDAY, 10, weekly);
    const dailyModel = trainSeasonalModel(tenDays.timestamps, tenDays.values, NO_CONFIG)!;
    // Ten days hold 7 weekdays and 3 weekend days at each hour: the median is the weekday value on any day.
    expect(dailyModel.slotAt(saturdayNoon).expected).toBeCloseTo(100, 0);
  });

  it('is robust to an outage in the training data, and forgets it when it is excluded', () => {
    const { timestamps, values } = points(MONDAY, 14, (_t, i) => 100 + 2 * noise(i));
    const outage = { start: MONDAY + 3 * DAY + 10 * HOUR, end: MONDAY + 3 * DAY + 10 * HOUR + 30 * MINUTE };
    const withOutage = values.map((v, i) => (timestamps[i]! >= outage.start && timestamps[i]! < outage.end ? 0 : v));
    const tenAm = MONDAY + 10 * DAY + 10 * HOUR + 30 * MINUTE;
    const kept = trainSeasonalModel(timestamps, withOutage, NO_CONFIG)!.slotAt(tenAm);
    const excluded = trainSeasonalModel(timestamps, withOutage, { excludedTimeRanges: [outage] })!.slotAt(tenAm);
    const clean = trainSeasonalModel(timestamps, values, NO_CONFIG)!.slotAt(tenAm);
    // A quarter of the slot's points are 0: the median shrugs that off, the spread grows.
    expect(kept.expected).toBeGreaterThan(90);
    expect(kept.spread).toBeGreaterThan(1.2 * clean.spread);
    // Excluded, the outage counts for nothing: as if those minutes had had no data at all.
    expect(excluded).toEqual(trainSeasonalModel(timestamps, values, { excludedTimeRanges: [outage] })!.slotAt(tenAm));
    expect(excluded.spread).toBeLessThan(kept.spread);
  });

  it('never goes below zero for a metric that never does, and uses the standard deviation when the MAD is 0', () => {
    // Mostly 0 with a burst of 10 every 20 minutes: the MAD of each slot is 0.
    const { timestamps, values } = points(MONDAY, 14, (t) => ((t / MINUTE) % 20 === 0 ? 10 : 0));
    const slot = trainSeasonalModel(timestamps, values, NO_CONFIG)!.slotAt(MONDAY + 12 * HOUR);
    expect(slot.expected).toBe(0);
    expect(slot.spread).toBeCloseTo(Math.sqrt(0.05 * 0.95) * 10, 6);
    const band = trainSeasonalModel(timestamps, values, NO_CONFIG)!.band([MONDAY + 12 * HOUR], 2);
    expect(band.lower).toEqual([0]);
    const negative = points(MONDAY, 2, (_t, i) => noise(i));
    expect(trainSeasonalModel(negative.timestamps, negative.values, NO_CONFIG)!.band([MONDAY], 2).lower[0]).toBeLessThan(0);
  });

  it('falls back to the hour of the day, then to all data, for thin slots', () => {
    // One point every 6 hours for 14 days: 56 points, at most 2 per weekly slot and 14 per daily one.
    const timestamps = Array.from({ length: 56 }, (_, i) => MONDAY + i * 6 * HOUR);
    const values = timestamps.map((t) => ((t % DAY) / HOUR === 0 ? 1 : 2) * 100);
    const model = trainSeasonalModel(timestamps, values, NO_CONFIG)!;
    expect(model.slotAt(MONDAY + 7 * DAY).expected).toBe(100);
    expect(model.slotAt(MONDAY + 7 * DAY + 6 * HOUR).expected).toBe(200);
    // 03:00 has no point at all: the whole data's median (three quarters are 200).
    expect(model.slotAt(MONDAY + 3 * HOUR).expected).toBe(200);
  });
});
