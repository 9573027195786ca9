/**
 * AWS's documented rules for deciding an alarm's state, each beside the page it comes from. `evaluate.ts`
 * and `backtest.ts` both decide through `decideState`, so a backtest cannot drift from a live evaluation.
 */
import type { AlarmConfig, AlarmDatapoint, AlarmState, ComparisonOperator, TreatMissingData } from './types';
import { BAND_OPERATORS } from './types';

/** Resolved settings with AWS's defaults applied. */
export interface AlarmRules {
  readonly periodMs: number;
  /** N */
  readonly evaluationPeriods: number;
  /** M */
  readonly datapointsToAlarm: number;
  /** How many periods are fetched and searched for real datapoints (see `evaluationRangePeriods`). */
  readonly evaluationRange: number;
  readonly treatMissingData: TreatMissingData;
  /** Samples a period needs before it is evaluated; 0 when the low-sample rule does not apply. */
  readonly minimumSamples: number;
  readonly band: boolean;
}

export function resolveRules(config: AlarmConfig, evaluationRange?: number): AlarmRules {
  const evaluationPeriods = config.evaluationPeriods;
  return {
    periodMs: config.period * 1000,
    evaluationPeriods,
    // DatapointsToAlarm "is used only if you are setting an 'M out of N' alarm": otherwise M = N.
    // (PutMetricAlarm, https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html)
    datapointsToAlarm: config.datapointsToAlarm ?? evaluationPeriods,
    evaluationRange: Math.max(evaluationRange ?? evaluationRangePeriods(evaluationPeriods), evaluationPeriods),
    // "If TreatMissingData is omitted, the default behavior of missing is used." (PutMetricAlarm)
    treatMissingData: config.treatMissingData ?? 'missing',
    minimumSamples: config.evaluateLowSampleCountPercentile === 'ignore' ? minimumSamplesFor(config.extendedStatistic) : 0,
    band: isBandOperator(config.comparisonOperator),
  };
}

/**
 * "Whenever an alarm evaluates whether to change state, CloudWatch attempts to retrieve a higher number of
 * data points than the number specified as Evaluation Periods … The time frame of the data points that it
 * attempts to retrieve is the evaluation range." AWS does not publish the exact size (it "depends on the
 * length of the alarm period and whether it is based on a metric with standard resolution or high
 * resolution"); its worked example retrieves 5 data points for 3 evaluation periods, so the engine uses
 * N + 2, and callers may pass their own. ("How alarm state is evaluated when data is missing",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html)
 */
export function evaluationRangePeriods(evaluationPeriods: number): number {
  return evaluationPeriods + 2;
}

export function isBandOperator(operator: ComparisonOperator): boolean {
  return BAND_OPERATORS.includes(operator);
}

/**
 * Whether one value breaches. "The specified statistic value is used as the first operand" (PutMetricAlarm,
 * ComparisonOperator). The band operators compare with the ANOMALY_DETECTION_BAND's lower and upper series:
 * outside the band, below it, or above it ("Alarms based on anomaly detection",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Anomaly_Detection_Alarm.html).
 */
export function breaches(operator: ComparisonOperator, value: number, threshold: number, lower: number, upper: number): boolean {
  switch (operator) {
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
    case 'LessThanLowerOrGreaterThanUpperThreshold':
      return value < lower || value > upper;
    case 'LessThanLowerThreshold':
      return value < lower;
    case 'GreaterThanUpperThreshold':
      return value > upper;
  }
}

/** What one period contributes: no usable value, a breach, or a value within the threshold. */
export type DatapointClass = 'missing' | 'breaching' | 'notBreaching';

/**
 * A period with no finite value is missing; so is a band alarm's period with no band yet (the model has not
 * been trained for it, and AWS keeps such alarms in INSUFFICIENT_DATA).
 */
export function classifyDatapoint(config: AlarmConfig, band: boolean, datapoint: AlarmDatapoint): DatapointClass {
  if (!Number.isFinite(datapoint.value)) return 'missing';
  if (band) {
    const { lower, upper } = datapoint;
    if (lower === undefined || upper === undefined || !Number.isFinite(lower) || !Number.isFinite(upper)) return 'missing';
    return breaches(config.comparisonOperator, datapoint.value, 0, lower, upper) ? 'breaching' : 'notBreaching';
  }
  return breaches(config.comparisonOperator, datapoint.value, config.threshold ?? Number.NaN, 0, 0) ? 'breaching' : 'notBreaching';
}

const PERCENTILE = /^p(\d+(?:\.\d+)?)$/i;

/**
 * "For percentiles between 0.5 (inclusive) and 1.00 (exclusive), this setting is used when there are fewer
 * than 10/(1-percentile) data points during the evaluation period. For example, this setting would be used if
 * there were fewer than 1000 samples for an alarm on a p99 percentile. For percentiles between 0 and 0.5
 * (exclusive), the setting is used when there are fewer than 10/percentile data points."
 * ("Percentile-based alarms and low data samples",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/percentiles-with-low-samples.html)
 * p0, p100 and the non-percentile extended statistics are outside both ranges: 0, the rule never applies.
 */
export function minimumSamplesFor(extendedStatistic: string | undefined): number {
  const match = extendedStatistic === undefined ? null : PERCENTILE.exec(extendedStatistic);
  if (match === null) return 0;
  const fraction = Number(match[1]) / 100;
  if (fraction <= 0 || fraction >= 1) return 0;
  const minimum = fraction >= 0.5 ? 10 / (1 - fraction) : 10 / fraction;
  // 10 / (1 - 0.999) is 10000.000000000002 in binary floating point: round away the noise, then up.
  return Math.ceil(Number(minimum.toPrecision(12)));
}

export function isLowSample(rules: AlarmRules, datapoint: AlarmDatapoint): boolean {
  return rules.minimumSamples > 0 && (datapoint.sampleCount ?? 0) < rules.minimumSamples;
}

/** What the evaluation range held, reduced to what the decision needs. */
export interface WindowCounts {
  /** Real datapoints that take part: the N most recent ones in the range, or all of them when fewer. */
  readonly real: number;
  /** How many of those breach. */
  readonly breaching: number;
  /** How many periods ago the oldest of them fell (1: the newest period); 0 when there are none. */
  readonly oldestAge: number;
}

/**
 * The state an evaluation leads to, from "How alarm state is evaluated when data is missing" and "Avoiding
 * premature transitions to alarm state" in the CloudWatch User Guide
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html, formerly a
 * section of AlarmThatSendsEmail.html; both of its tables are reproduced row by row in evaluate.test.ts):
 * - With at least N real datapoints in the evaluation range, the N most recent ones decide and the
 *   TreatMissingData setting "is not needed and is ignored": ALARM when M of them breach, else OK.
 * - With fewer, CloudWatch "fills in the missing data points with the result you specified for how to treat
 *   missing data … all real data points in the evaluation range are included in the evaluation. CloudWatch
 *   uses missing data points only as few times as possible": N - real fills.
 *   - breaching / notBreaching: the fills count as breaching / within the threshold.
 *   - missing: with no real datapoint at all, INSUFFICIENT_DATA. Otherwise ALARM when M real datapoints
 *     breach, or — the premature-transition rule — when every real datapoint breaches and the oldest is "at
 *     least as old as the value of Datapoints to Alarm" (`- - X - -` alarms for 3 of 3, `- - - - X` waits);
 *     OK when a real datapoint is within the threshold (`0 - X - -` for 2 of 3); else INSUFFICIENT_DATA.
 *   - ignore: as missing, except that where missing would go to INSUFFICIENT_DATA or take the premature
 *     ALARM, "the current alarm state is maintained" (the tables' "Retain current state").
 */
export function decideState(rules: AlarmRules, counts: WindowCounts, currentState: AlarmState): AlarmState {
  const m = rules.datapointsToAlarm;
  const fills = Math.max(rules.evaluationPeriods - counts.real, 0);
  if (fills === 0) return counts.breaching >= m ? 'ALARM' : 'OK';
  switch (rules.treatMissingData) {
    case 'breaching':
      return counts.breaching + fills >= m ? 'ALARM' : 'OK';
    case 'notBreaching':
      return counts.breaching >= m ? 'ALARM' : 'OK';
    case 'missing':
    case 'ignore': {
      const undecided = rules.treatMissingData === 'missing' ? 'INSUFFICIENT_DATA' : currentState;
      if (counts.real === 0) return undecided;
      if (counts.breaching >= m) return 'ALARM';
      if (counts.breaching < counts.real) return 'OK';
      const premature = counts.oldestAge >= m;
      return premature && rules.treatMissingData === 'missing' ? 'ALARM' : undecided;
    }
  }
}

/** For reasons: whether `ignore` kept the state because the real datapoints did not decide it. */
export function ignoreKeptState(rules: AlarmRules, counts: WindowCounts): boolean {
  if (rules.treatMissingData !== 'ignore' || counts.real >= rules.evaluationPeriods) return false;
  return counts.real === 0 || (counts.breaching < rules.datapointsToAlarm && counts.breaching === counts.real);
}
