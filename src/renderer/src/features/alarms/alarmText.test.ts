import { describe, expect, it } from 'vitest';
import { conditionDetails, conditionText, shortPeriod, thresholdText } from './alarmText';
import { metricAlarm } from './testAlarms';

describe('conditionText', () => {
  it('says a percentile alarm as the issue writes it', () => {
    expect(conditionText(metricAlarm())).toBe('p99 Latency > 1,200 ms for 3 of 5 datapoints of 5 min');
  });

  it('uses N for M when DatapointsToAlarm is not set, and no unit when the alarm has none', () => {
    const alarm = metricAlarm({ extendedStatistic: undefined, statistic: 'Sum', metricName: 'Errors', unit: undefined, datapointsToAlarm: undefined, evaluationPeriods: 1, period: 60, threshold: 5, comparisonOperator: 'GreaterThanOrEqualToThreshold' });
    expect(conditionText(alarm)).toBe('Sum Errors ≥ 5 for 1 of 1 datapoint of 1 min');
  });

  it('names a math alarm by its returned query and a band alarm by its band', () => {
    const alarm = metricAlarm({
      namespace: undefined,
      metricName: undefined,
      extendedStatistic: undefined,
      period: undefined,
      threshold: undefined,
      thresholdMetricId: 'ad1',
      comparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
      metrics: [
        { id: 'm1', metricStat: { metric: { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [] }, period: 60, stat: 'Sum' }, returnData: true },
        { id: 'ad1', expression: 'ANOMALY_DETECTION_BAND(m1, 2)', returnData: true },
      ],
    });
    expect(conditionText(alarm)).toBe('Sum Errors outside the band (ad1) for 3 of 5 datapoints of 1 min');
  });

  it('adds how missing data counts when it is not the default', () => {
    expect(conditionDetails(metricAlarm({ treatMissingData: 'breaching' }))).toMatch(/; missing data: breaching$/);
    expect(conditionDetails(metricAlarm({ treatMissingData: 'missing' }))).not.toMatch(/missing data/);
  });
});

describe('shortPeriod and thresholdText', () => {
  it('writes periods in the largest whole unit', () => {
    expect([10, 90, 300, 3600, 86_400].map(shortPeriod)).toEqual(['10 s', '90 s', '5 min', '1 h', '1 d']);
  });

  it('writes percent without a space and counts without a unit', () => {
    expect(thresholdText(95.5, 'Percent')).toBe('95.5%');
    expect(thresholdText(1000, 'Count')).toBe('1,000');
    expect(thresholdText(2, 'Seconds')).toBe('2 s');
  });
});
