/**
 * An alarm's condition in words, as the list and the detail show it: "p99 Latency > 1,200 ms for 3 of 5
 * datapoints of 5 min". Numbers are formatted for people; the editor shows the exact values.
 */
import type { Alarm, AlarmState, MetricAlarm } from '../../../../shared/contract';
import type { ComparisonOperator, TreatMissingData } from '../../../../shared/alarms';
import { shortUnit } from '../../components/chart/chartValues';

const OPERATOR_SYMBOLS: Readonly<Record<ComparisonOperator, string>> = {
  GreaterThanOrEqualToThreshold: '≥',
  GreaterThanThreshold: '>',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '≤',
  LessThanLowerOrGreaterThanUpperThreshold: 'outside the band',
  LessThanLowerThreshold: 'below the band',
  GreaterThanUpperThreshold: 'above the band',
};

const MISSING_DATA_WORDS: Readonly<Record<TreatMissingData, string>> = {
  missing: 'missing data: missing',
  ignore: 'missing data: keep the state',
  breaching: 'missing data: breaching',
  notBreaching: 'missing data: not breaching',
};

export const STATE_LABELS: Readonly<Record<AlarmState, string>> = { ALARM: 'In alarm', INSUFFICIENT_DATA: 'Insufficient data', OK: 'OK' };

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** 300 → "5 min", 3600 → "1 h", 86400 → "1 d", 10 → "10 s", 90 → "90 s". */
export function shortPeriod(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** 1200 with Milliseconds → "1,200 ms"; 95 with Percent → "95%"; 3 with Count → "3". */
export function thresholdText(value: number, unit: string | undefined): string {
  const suffix = shortUnit(unit);
  const number = NUMBER.format(value);
  if (suffix === '') return number;
  return suffix === '%' ? `${number}%` : `${number} ${suffix}`;
}

/** What a metric alarm compares: "p99 Latency", "Sum Errors", or a math alarm's expression (or its label). */
export function watchedText(alarm: MetricAlarm): string {
  if (alarm.metrics && alarm.metrics.length > 0) {
    const compared = alarm.metrics.find((query) => query.returnData !== false && query.id !== alarm.thresholdMetricId) ?? alarm.metrics[0];
    if (!compared) return 'metric math';
    if (compared.label) return compared.label;
    if (compared.expression) return compared.expression;
    if (compared.metricStat) return `${compared.metricStat.stat} ${compared.metricStat.metric.metricName}`;
    return compared.id;
  }
  const statistic = alarm.extendedStatistic ?? alarm.statistic ?? '';
  return `${statistic} ${alarm.metricName ?? ''}`.trim();
}

/** The period the alarm evaluates: its own, or for a math alarm that of its metrics. */
export function alarmPeriod(alarm: MetricAlarm): number | undefined {
  if (alarm.period !== undefined) return alarm.period;
  for (const query of alarm.metrics ?? []) {
    const period = query.metricStat?.period ?? query.period;
    if (period !== undefined) return period;
  }
  return undefined;
}

/** "p99 Latency > 1,200 ms for 3 of 5 datapoints of 5 min". */
export function conditionText(alarm: MetricAlarm): string {
  const operator = OPERATOR_SYMBOLS[alarm.comparisonOperator];
  const band = alarm.threshold === undefined || alarm.thresholdMetricId !== undefined;
  const comparison = band ? `${operator}${alarm.thresholdMetricId ? ` (${alarm.thresholdMetricId})` : ''}` : `${operator} ${thresholdText(alarm.threshold ?? 0, alarm.unit)}`;
  const evaluated = alarm.evaluationPeriods;
  const breaching = alarm.datapointsToAlarm ?? evaluated;
  const period = alarmPeriod(alarm);
  const window = `for ${breaching} of ${evaluated} ${evaluated === 1 ? 'datapoint' : 'datapoints'}${period === undefined ? '' : ` of ${shortPeriod(period)}`}`;
  return `${watchedText(alarm)} ${comparison} ${window}`;
}

/** The condition and how missing data counts, when it is not AWS's default. */
export function conditionDetails(alarm: MetricAlarm): string {
  const missing = alarm.treatMissingData && alarm.treatMissingData !== 'missing' ? `; ${MISSING_DATA_WORDS[alarm.treatMissingData]}` : '';
  return `${conditionText(alarm)}${missing}`;
}

/** A composite alarm's rule, or a metric alarm's condition. */
export function alarmSummary(alarm: Alarm): string {
  return alarm.kind === 'composite' ? alarm.alarmRule : conditionText(alarm);
}
