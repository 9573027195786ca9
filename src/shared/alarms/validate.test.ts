import { describe, expect, it } from 'vitest';
import { alarmConfigProblems } from './validate';
import type { AlarmConfig } from './types';

const valid: AlarmConfig = { period: 60, evaluationPeriods: 3, datapointsToAlarm: 2, threshold: 80, comparisonOperator: 'GreaterThanThreshold', statistic: 'Average' };

describe('alarmConfigProblems', () => {
  it('accepts what PutMetricAlarm accepts', () => {
    expect(alarmConfigProblems(valid)).toEqual([]);
    expect(alarmConfigProblems({ ...valid, period: 10 })).toEqual([]);
    expect(alarmConfigProblems({ ...valid, period: 3600, evaluationPeriods: 168, datapointsToAlarm: 1 })).toEqual([]);
    const band: AlarmConfig = { ...valid, threshold: undefined, thresholdMetricId: 'ad1', comparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold' };
    expect(alarmConfigProblems(band)).toEqual([]);
    expect(alarmConfigProblems({ ...valid, statistic: undefined, metricMath: true })).toEqual([]);
  });

  const refused: readonly [string, Partial<AlarmConfig>, RegExp][] = [
    ['M > N', { datapointsToAlarm: 4 }, /cannot be more than EvaluationPeriods/],
    ['a period of 45 s', { period: 45 }, /10, 20, 30 or a multiple of 60/],
    ['N = 0', { evaluationPeriods: 0, datapointsToAlarm: undefined }, /at least 1/],
    ['more than 7 days', { period: 3600, evaluationPeriods: 169, datapointsToAlarm: 1 }, /604,800/],
    ['more than a day under an hourly period', { period: 60, evaluationPeriods: 1441, datapointsToAlarm: 1 }, /86,400/],
    ['a threshold on a band alarm', { comparisonOperator: 'GreaterThanUpperThreshold', thresholdMetricId: 'ad1' }, /takes no Threshold/],
    ['a high-resolution band alarm', { comparisonOperator: 'GreaterThanUpperThreshold', threshold: undefined, thresholdMetricId: 'ad1', period: 30 }, /at least 60 seconds/],
    ['a band alarm without its band', { comparisonOperator: 'LessThanLowerThreshold', threshold: undefined }, /needs ThresholdMetricId/],
    ['a static alarm without a threshold', { threshold: undefined }, /needs a numeric Threshold/],
    ['both statistics', { extendedStatistic: 'p99' }, /not both/],
    ['a statistic on a math alarm', { metricMath: true }, /takes its statistics from its Metrics/],
  ];
  for (const [name, change, message] of refused) {
    it(`refuses ${name}`, () => {
      expect(alarmConfigProblems({ ...valid, ...change }).join('\n')).toMatch(message);
    });
  }
});
