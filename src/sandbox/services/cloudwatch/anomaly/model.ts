/**
 * The sandbox's anomaly-detection model: a documented, deterministic seasonal baseline with a deviation band.
 *
 * AWS's model is not public. The user guide ("Using CloudWatch anomaly detection") says only that it "trains on
 * up to two weeks of metric data", "assesses both trends and hourly, daily, and weekly patterns", is specific to
 * a metric and statistic, honours excluded time ranges and a time zone, and that a higher threshold gives "a
 * thicker band". This model keeps those promises in the simplest way that can be checked by hand:
 *
 * 1. Training data: the metric's statistic at the band's period over the two weeks before the training end
 *    (points inside an ExcludedTimeRange left out).
 * 2. Seasonality: each point falls in its hour of the week (Monday 00:00–00:59 … Sunday 23:00–23:59) in the
 *    detector's MetricTimezone (UTC by default). With under 13 days of data, the hour of the day is used
 *    instead. A slot with fewer than 5 points falls back to the hour of the day, then to all the data.
 * 3. Each slot's expected value is the median of its points; its spread is the median absolute deviation
 *    × 1.4826 (which equals the standard deviation for normal data, so the band's width reads as "standard
 *    deviations" as AWS's does); a slot whose MAD is 0 uses its standard deviation.
 * 4. The band at time t is expected ± width × spread of t's slot; when the training data has no negative
 *    value the lower bound stops at 0 (AWS: "a band for a statistic that can't be negative will never extend
 *    below zero").
 *
 * How it differs from AWS's: no trend term (a steadily growing metric leaves the band), no learning of periodic
 * spikes (MetricCharacteristics.PeriodicSpikes is kept but not used), hour-sized seasonal steps instead of a
 * smooth curve, and a median/MAD baseline instead of AWS's machine-learning model — so the band's values differ
 * from AWS's for the same data, though its shape and behaviour (seasonal, wider with a larger width, robust to
 * the odd outlier) are alike.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const TRAINING_WINDOW_MS = 14 * DAY;
/** AWS's default band width: "If you don't specify this argument, the default of 2 is used." */
export const DEFAULT_BAND_WIDTH = 2;
/** Below this span of training data the model is daily, not weekly. */
const WEEKLY_MIN_SPAN_MS = 13 * DAY;
const MIN_SLOT_POINTS = 5;
/** MAD × this estimates the standard deviation of normally distributed data. */
const MAD_TO_STDDEV = 1.4826;

export interface TimeRange {
  /** Epoch ms, inclusive. */
  readonly start: number;
  /** Epoch ms, exclusive. */
  readonly end: number;
}

export interface ModelConfiguration {
  readonly excludedTimeRanges: readonly TimeRange[];
  /** A tz database name; UTC when absent. */
  readonly metricTimezone?: string | undefined;
}

interface Slot {
  readonly expected: number;
  readonly spread: number;
}

export interface Band {
  readonly timestamps: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

export class SeasonalModel {
  constructor(
    private readonly weekly: readonly (Slot | undefined)[] | undefined,
    private readonly daily: readonly (Slot | undefined)[],
    private readonly overall: Slot,
    private readonly nonNegative: boolean,
    private readonly clock: HourOfWeekClock,
  ) {}

  /** The expected value and spread at a time. */
  slotAt(timestamp: number): Slot {
    const hourOfWeek = this.clock.hourOfWeek(timestamp);
    return this.weekly?.[hourOfWeek] ?? this.daily[hourOfWeek % 24] ?? this.overall;
  }

  /** The band at each timestamp, `width` spreads either side of the expected value. */
  band(timestamps: readonly number[], width: number): Band {
    const lower: number[] = [];
    const upper: number[] = [];
    for (const t of timestamps) {
      const { expected, spread } = this.slotAt(t);
      const low = expected - width * spread;
      lower.push(this.nonNegative ? Math.max(0, low) : low);
      upper.push(expected + width * spread);
    }
    return { timestamps, lower, upper };
  }
}

/** Trains on the points (ascending timestamps); undefined when no point is left after the exclusions. */
export function trainSeasonalModel(
  timestamps: readonly number[],
  values: readonly number[],
  configuration: ModelConfiguration,
): SeasonalModel | undefined {
  const clock = new HourOfWeekClock(configuration.metricTimezone);
  const weeklyBuckets: number[][] = Array.from({ length: 168 }, () => []);
  const dailyBuckets: number[][] = Array.from({ length: 24 }, () => []);
  const all: number[] = [];
  let first = Infinity;
  let last = -Infinity;
  let nonNegative = true;
  for (let i = 0; i < timestamps.length; i++) {
    const t = timestamps[i]!;
    const value = values[i]!;
    if (!Number.isFinite(value) || configuration.excludedTimeRanges.some((range) => t >= range.start && t < range.end)) continue;
    const hourOfWeek = clock.hourOfWeek(t);
    weeklyBuckets[hourOfWeek]!.push(value);
    dailyBuckets[hourOfWeek % 24]!.push(value);
    all.push(value);
    first = Math.min(first, t);
    last = Math.max(last, t);
    if (value < 0) nonNegative = false;
  }
  if (all.length === 0) return undefined;
  const slotOf = (bucket: number[]): Slot | undefined => (bucket.length < MIN_SLOT_POINTS ? undefined : robustSlot(bucket));
  const weekly = last - first >= WEEKLY_MIN_SPAN_MS ? weeklyBuckets.map(slotOf) : undefined;
  return new SeasonalModel(weekly, dailyBuckets.map(slotOf), robustSlot(all), nonNegative, clock);
}

/** Median and scaled MAD (the standard deviation when the MAD is 0). */
function robustSlot(values: number[]): Slot {
  const sorted = Float64Array.from(values).sort();
  const expected = median(sorted);
  const deviations = sorted.map((v) => Math.abs(v - expected)).sort();
  const mad = median(deviations) * MAD_TO_STDDEV;
  if (mad > 0) return { expected, spread: mad };
  let sum = 0;
  for (const v of sorted) sum += v;
  const mean = sum / sorted.length;
  let squares = 0;
  for (const v of sorted) squares += (v - mean) ** 2;
  return { expected, spread: Math.sqrt(squares / sorted.length) };
}

function median(sorted: Float64Array): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The hour of the week (0 = Monday 00:00) of a time in a time zone. The zone's offset from UTC is looked up once
 * per UTC hour (offsets change only on whole UTC hours or half hours, and a half-hour offset is kept exactly).
 */
export class HourOfWeekClock {
  private readonly format: Intl.DateTimeFormat | undefined;
  private readonly offsets = new Map<number, number>();

  /** Throws a RangeError for a time zone the tz database does not know. */
  constructor(timeZone: string | undefined) {
    this.format =
      timeZone === undefined || timeZone === 'UTC'
        ? undefined
        : new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
          });
  }

  hourOfWeek(timestamp: number): number {
    const local = timestamp + this.offsetAt(timestamp);
    // 1970-01-01 was a Thursday: hour 0 of the epoch is hour 72 of its week.
    return (((Math.floor(local / HOUR) + 72) % 168) + 168) % 168;
  }

  private offsetAt(timestamp: number): number {
    if (this.format === undefined) return 0;
    const utcHour = Math.floor(timestamp / HOUR);
    let offset = this.offsets.get(utcHour);
    if (offset === undefined) {
      const parts: Record<string, number> = {};
      for (const part of this.format.formatToParts(utcHour * HOUR)) parts[part.type] = Number(part.value);
      offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - utcHour * HOUR;
      this.offsets.set(utcHour, offset);
    }
    return offset;
  }
}

/** Whether the tz database knows a time zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
