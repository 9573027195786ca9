/**
 * Where a query's periods start, per the GetMetricStatistics and GetMetricData API reference: a period
 * under a minute starts on an even division of the minute (for a 10-second period, 01:05:23 becomes
 * 01:05:20); otherwise the start rounds down to the minute if it is less than 15 days ago, to 5 minutes if it
 * is 15 to 63 days ago, and to the hour beyond.
 */
import { isValidPeriod } from '../../../shared/metric-periods';
import { invalidValue } from './common';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export function alignedStart(start: number, periodSeconds: number, now: number): number {
  const age = now - start;
  const unit = periodSeconds < 60 ? periodSeconds * 1000 : age > 63 * DAY ? 60 * MINUTE : age > 15 * DAY ? 5 * MINUTE : MINUTE;
  return Math.floor(start / unit) * unit;
}

/** A Period parameter: 1, 5, 10, 20, 30 or a multiple of 60. */
export function checkPeriod(period: number, path: string): void {
  if (!isValidPeriod(period)) {
    throw invalidValue(`The parameter ${path} must be 1, 5, 10, 20, 30, or a multiple of 60; ${period} is not.`);
  }
}

export function checkTimeRange(start: number, end: number): void {
  if (start >= end) throw invalidValue('The parameter StartTime must be less than the parameter EndTime.');
}
