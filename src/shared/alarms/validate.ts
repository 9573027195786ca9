/**
 * The configurations CloudWatch's PutMetricAlarm refuses, as messages a person can act on. Limits from the
 * API reference and the botocore model (cloudwatch/2010-08-01 service-2.json, `PutMetricAlarmInput`).
 */
import { isBandOperator } from './rules';
import { COMPARISON_OPERATORS, TREAT_MISSING_DATA, type AlarmConfig } from './types';

const SEVEN_DAYS = 604_800;
const ONE_DAY = 86_400;

export function alarmConfigProblems(config: AlarmConfig): string[] {
  const problems: string[] = [];
  const { period, evaluationPeriods: n, datapointsToAlarm: m } = config;
  // "Valid values are 10, 20, 30, and any multiple of 60."
  if (!Number.isInteger(period) || period <= 0 || (period % 60 !== 0 && ![10, 20, 30].includes(period))) {
    problems.push(`The period must be 10, 20, 30 or a multiple of 60 seconds (got ${period}).`);
  }
  if (!Number.isInteger(n) || n < 1) problems.push(`EvaluationPeriods must be a whole number of at least 1 (got ${n}).`);
  if (m !== undefined && (!Number.isInteger(m) || m < 1)) problems.push(`DatapointsToAlarm must be a whole number of at least 1 (got ${m}).`);
  if (m !== undefined && Number.isInteger(n) && m > n) problems.push(`DatapointsToAlarm (${m}) cannot be more than EvaluationPeriods (${n}).`);
  // "Period multiplied by EvaluationPeriods can't be more than 604,800 seconds. For alarms with a period of
  // less than one hour (3,600 seconds), the total evaluation period can't be longer than one day."
  const total = period * n;
  if (total > SEVEN_DAYS) problems.push(`Period × EvaluationPeriods is ${total} s; it can be at most 604,800 s (7 days).`);
  else if (period < 3600 && total > ONE_DAY) problems.push(`With a period under an hour, Period × EvaluationPeriods (${total} s) can be at most 86,400 s (1 day).`);
  if (!COMPARISON_OPERATORS.includes(config.comparisonOperator)) problems.push(`Unknown comparison operator ${config.comparisonOperator}.`);
  // "LessThanLowerOrGreaterThanUpperThreshold, LessThanLowerThreshold, and GreaterThanUpperThreshold are used
  // only for alarms based on anomaly detection models"; Threshold "should not be used" for those.
  if (isBandOperator(config.comparisonOperator)) {
    // "For anomaly detection alarms, the value must be one minute or longer." ("Creating a CloudWatch alarm
    // based on anomaly detection", https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Anomaly_Detection_Alarm.html)
    if (period < 60) problems.push(`An anomaly-band alarm needs a period of at least 60 seconds (got ${period}).`);
    if (config.thresholdMetricId === undefined) problems.push('An anomaly-band comparison needs ThresholdMetricId: the id of the ANOMALY_DETECTION_BAND expression.');
    if (config.threshold !== undefined) problems.push('An alarm on an anomaly band takes no Threshold: the band is the threshold.');
  } else {
    if (config.threshold === undefined || !Number.isFinite(config.threshold)) problems.push(`${config.comparisonOperator} needs a numeric Threshold.`);
    if (config.thresholdMetricId !== undefined) problems.push('ThresholdMetricId is only for anomaly-band comparisons.');
  }
  if (config.treatMissingData !== undefined && !TREAT_MISSING_DATA.includes(config.treatMissingData)) {
    problems.push(`TreatMissingData must be breaching, notBreaching, ignore or missing (got ${String(config.treatMissingData)}).`);
  }
  // "You must specify either Statistic or ExtendedStatistic, but not both"; a Metrics alarm specifies neither.
  const statistics = [config.statistic, config.extendedStatistic].filter((s) => s !== undefined).length;
  if (config.metricMath === true && statistics > 0) problems.push('A metric-math alarm takes its statistics from its Metrics, not Statistic or ExtendedStatistic.');
  if (config.metricMath !== true && statistics !== 1) problems.push('Give either Statistic or ExtendedStatistic, not both and not neither.');
  return problems;
}
