/**
 * The alarm engine's inputs and outputs. The configuration mirrors the evaluation-relevant fields of
 * CloudWatch's PutMetricAlarm (botocore cloudwatch/2010-08-01 service-2.json, `PutMetricAlarmInput`;
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html), with the same
 * names in camelCase. Everything else an alarm holds (name, actions, dimensions, tags) is the caller's.
 */

/** `StateValue` in the API. */
export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export const ALARM_STATES: readonly AlarmState[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];

/** `ComparisonOperator` in the API; the last three are for anomaly-detection bands only. */
export type ComparisonOperator =
  | 'GreaterThanOrEqualToThreshold'
  | 'GreaterThanThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold'
  | 'LessThanLowerOrGreaterThanUpperThreshold'
  | 'LessThanLowerThreshold'
  | 'GreaterThanUpperThreshold';

export const STATIC_THRESHOLD_OPERATORS: readonly ComparisonOperator[] = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
];

export const BAND_OPERATORS: readonly ComparisonOperator[] = [
  'LessThanLowerOrGreaterThanUpperThreshold',
  'LessThanLowerThreshold',
  'GreaterThanUpperThreshold',
];

export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = [...STATIC_THRESHOLD_OPERATORS, ...BAND_OPERATORS];

/** `TreatMissingData`; AWS's default is `missing`. */
export type TreatMissingData = 'missing' | 'ignore' | 'breaching' | 'notBreaching';

export const TREAT_MISSING_DATA: readonly TreatMissingData[] = ['missing', 'ignore', 'breaching', 'notBreaching'];

/** `EvaluateLowSampleCountPercentile`; AWS's default is `evaluate`. */
export type LowSampleCountPercentile = 'evaluate' | 'ignore';

export interface AlarmConfig {
  /** Seconds: 10, 20, 30 or a multiple of 60. For a metric-math alarm, the period of its metrics. */
  readonly period: number;
  /** N: how many periods are compared with the threshold. */
  readonly evaluationPeriods: number;
  /** M: how many of the N must breach for ALARM; AWS uses N when it is not set. */
  readonly datapointsToAlarm?: number | undefined;
  /** The static threshold; absent for anomaly-band alarms. */
  readonly threshold?: number | undefined;
  /** The id of the ANOMALY_DETECTION_BAND expression a band alarm compares with. */
  readonly thresholdMetricId?: string | undefined;
  readonly comparisonOperator: ComparisonOperator;
  readonly treatMissingData?: TreatMissingData | undefined;
  readonly evaluateLowSampleCountPercentile?: LowSampleCountPercentile | undefined;
  /** SampleCount, Average, Sum, Minimum or Maximum; exclusive with `extendedStatistic`. */
  readonly statistic?: string | undefined;
  /** p99, tm90, IQM, …; exclusive with `statistic`. */
  readonly extendedStatistic?: string | undefined;
  readonly unit?: string | undefined;
  /**
   * True when the alarm watches a metric-math expression (PutMetricAlarm's `Metrics`), not one metric: the caller
   * computes the expression's series (all its metrics share one period — "Alarms on math expressions" in
   * "Using Amazon CloudWatch alarms") and the engine compares it like a metric; StateReasonData then has no
   * statistic (AWS's metric-math example in "Alarm events and EventBridge").
   */
  readonly metricMath?: boolean | undefined;
}

/**
 * One period's value, already aggregated with the alarm's statistic (or computed by its math expression).
 * `timestamp` is the start of the period in epoch milliseconds.
 */
export interface AlarmDatapoint {
  readonly timestamp: number;
  readonly value: number;
  /** How many raw samples the period held; needed for the low-sample percentile rule and StateReasonData. */
  readonly sampleCount?: number | undefined;
  /** The anomaly-detection band at this period, for band alarms. */
  readonly lower?: number | undefined;
  readonly upper?: number | undefined;
}

export interface EvaluationResult {
  readonly state: AlarmState;
  /** True when `state` differs from the state the alarm was in. */
  readonly changed: boolean;
  /** `StateReason`, in AWS's words. */
  readonly reason: string;
  /** `StateReasonData`: the JSON document AWS writes beside the reason. */
  readonly reasonData: string;
}

export interface AlarmTransition {
  /** The evaluation time (epoch ms) at which the state changed. */
  readonly timestamp: number;
  readonly from: AlarmState;
  readonly to: AlarmState;
  /** Present when `backtest` was asked for reasons. */
  readonly reason?: string;
  readonly reasonData?: string;
}

export interface BacktestResult {
  readonly transitions: readonly AlarmTransition[];
  /** How many evaluations ran (one per period between start and end). */
  readonly evaluations: number;
  /** How many times the alarm went into ALARM. */
  readonly alarmCount: number;
  /** Milliseconds spent in ALARM between start and end. */
  readonly alarmMs: number;
  readonly finalState: AlarmState;
  /** The first and last evaluation times. */
  readonly start: number;
  readonly end: number;
}
