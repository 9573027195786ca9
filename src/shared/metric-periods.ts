/**
 * CloudWatch's periods and retention tiers, from the CloudWatch User Guide ("Metrics retention" in
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html) and the
 * GetMetricStatistics / GetMetricData API reference (the `Period` parameter, the datapoint limits):
 *
 * - data points with a period under 60 s are kept 3 hours (high-resolution metrics);
 * - 60-second data points 15 days; 5-minute data points 63 days; 1-hour data points 455 days (15 months).
 *
 * Older data is rolled up: a query that starts more than 3 hours ago must use a multiple of 60 s, more than
 * 15 days ago a multiple of 300 s, more than 63 days ago a multiple of 3600 s, "or no data points in that time
 * range is returned". Pure, so the sandbox's store, the app's period picker and its explanations agree.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface RetentionTier {
  /** The finest period, in seconds, that the tier holds. */
  readonly resolutionSeconds: number;
  /** How long data at this resolution is kept, in milliseconds. */
  readonly retentionMs: number;
  /** In words, for explanations. */
  readonly label: string;
}

/** Finest first. The first tier holds high-resolution data (1-second storage, periods of 1 to 30 s). */
export const RETENTION_TIERS: readonly RetentionTier[] = [
  { resolutionSeconds: 1, retentionMs: 3 * HOUR, label: '3 hours' },
  { resolutionSeconds: 60, retentionMs: 15 * DAY, label: '15 days' },
  { resolutionSeconds: 300, retentionMs: 63 * DAY, label: '63 days' },
  { resolutionSeconds: 3600, retentionMs: 455 * DAY, label: '15 months' },
];

/** How far back CloudWatch keeps anything: 15 months. */
export const MAX_RETENTION_MS = RETENTION_TIERS[RETENTION_TIERS.length - 1]!.retentionMs;

/** Periods under a minute that CloudWatch accepts (for high-resolution metrics); longer ones are multiples of 60. */
export const HIGH_RESOLUTION_PERIODS: readonly number[] = [1, 5, 10, 20, 30];

/** GetMetricStatistics answers at most this many datapoints per call. */
export const GET_METRIC_STATISTICS_MAX_DATAPOINTS = 1440;
/** GetMetricData answers at most this many datapoints per call, over all its queries. */
export const GET_METRIC_DATA_MAX_DATAPOINTS = 100_800;
/** GetMetricData takes at most this many queries per call. */
export const GET_METRIC_DATA_MAX_QUERIES = 500;

/** The periods the app offers, and picks from automatically: each a valid CloudWatch period. */
export const PERIOD_CHOICES: readonly number[] = [
  1, 5, 10, 20, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 7 * 86400, 30 * 86400,
];

/** Whether CloudWatch accepts the period at all: 1, 5, 10, 20, 30, or a positive multiple of 60 seconds. */
export function isValidPeriod(seconds: number): boolean {
  return Number.isInteger(seconds) && (HIGH_RESOLUTION_PERIODS.includes(seconds) || (seconds > 0 && seconds % 60 === 0));
}

/** Why a period is refused, or undefined when it is valid. */
export function periodError(seconds: number): string | undefined {
  if (isValidPeriod(seconds)) return undefined;
  return `The period must be 1, 5, 10, 20 or 30 seconds, or a multiple of 60 seconds; ${seconds} is neither.`;
}

/** The tier that holds data of this age (ms before now); undefined when it is older than 15 months. */
export function tierForAge(ageMs: number): RetentionTier | undefined {
  return RETENTION_TIERS.find((tier) => ageMs <= tier.retentionMs);
}

/**
 * The finest resolution (s) at which data from `time` is still available at `now`; undefined when it has
 * expired. Data in the future or the last 3 hours: 1 s.
 */
export function resolutionAt(time: number, now: number): number | undefined {
  return tierForAge(Math.max(0, now - time))?.resolutionSeconds;
}

/** Whether a period can be served for data from `time`: a multiple of the resolution it is kept at. */
export function periodServesTime(periodSeconds: number, time: number, now: number): boolean {
  const resolution = resolutionAt(time, now);
  return resolution !== undefined && periodSeconds % resolution === 0;
}

/** How many datapoints a range asks for at a period (the number of periods it touches). */
export function datapointsFor(startMs: number, endMs: number, periodSeconds: number): number {
  return Math.max(0, Math.ceil((endMs - startMs) / (periodSeconds * SECOND)));
}

export interface AutoPeriodOptions {
  readonly startMs: number;
  readonly endMs: number;
  readonly nowMs: number;
  /** The datapoint budget of one series (default 1,440, GetMetricStatistics' limit and a graph's width). */
  readonly maxDatapoints?: number;
  /** Whether the series is high-resolution (stored at 1 s); otherwise no period under 60 s is chosen. */
  readonly highResolution?: boolean;
}

/**
 * The period a graph uses when none is chosen: the finest one that the tier holding the range's start can
 * serve and that keeps the range within the datapoint budget.
 */
export function autoPeriod({ startMs, endMs, nowMs, maxDatapoints = GET_METRIC_STATISTICS_MAX_DATAPOINTS, highResolution = false }: AutoPeriodOptions): number {
  const resolution = resolutionAt(startMs, nowMs) ?? RETENTION_TIERS[RETENTION_TIERS.length - 1]!.resolutionSeconds;
  const finest = Math.max(resolution, highResolution ? 1 : 60);
  const fits = (period: number): boolean => period >= finest && period % resolution === 0 && datapointsFor(startMs, endMs, period) <= maxDatapoints;
  const choice = PERIOD_CHOICES.find(fits);
  if (choice !== undefined) return choice;
  // Longer than 30 days: whole days.
  return Math.ceil((endMs - startMs) / (maxDatapoints * DAY)) * 86400;
}

/**
 * Why a chosen period cannot be served over the whole range, in a sentence for the person who chose it, or
 * undefined when it can: the part of the range older than a tier's retention is only kept at that tier's
 * resolution, and CloudWatch returns no datapoints there for a period that is not a multiple of it.
 */
export function explainPeriod(periodSeconds: number, startMs: number, endMs: number, nowMs: number): string | undefined {
  const invalid = periodError(periodSeconds);
  if (invalid !== undefined) return invalid;
  if (nowMs - endMs > MAX_RETENTION_MS) return 'CloudWatch keeps metrics for 15 months; this whole range is older, so it has no data.';
  const startResolution = resolutionAt(startMs, nowMs) ?? RETENTION_TIERS[RETENTION_TIERS.length - 1]!.resolutionSeconds;
  if (periodSeconds % startResolution === 0) return undefined;
  const tierIndex = RETENTION_TIERS.findIndex((tier) => tier.resolutionSeconds === startResolution);
  const finer = RETENTION_TIERS[tierIndex - 1]!;
  return (
    `Data older than ${finer.label} is kept only at ${formatPeriod(startResolution)} resolution, so a ${formatPeriod(periodSeconds)} period ` +
    `returns no datapoints for the part of this range before ${finer.label} ago. Use ${formatPeriod(startResolution)} or a multiple of it ` +
    `(e.g. ${formatPeriod(autoPeriodAtLeast(startResolution))}), or a range within the last ${finer.label}.`
  );
}

function autoPeriodAtLeast(resolution: number): number {
  return PERIOD_CHOICES.find((period) => period >= resolution && period % resolution === 0) ?? resolution;
}

/** A period in words: `1 second`, `5 minutes`, `1 hour`, `7 days`, `90 seconds`. */
export function formatPeriod(seconds: number): string {
  const units: readonly [number, string][] = [
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  for (const [size, unit] of units) {
    if (seconds >= size && seconds % size === 0) {
      const count = seconds / size;
      return `${count} ${unit}${count === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}
