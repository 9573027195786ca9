import type { MetricAlarm as SdkMetricAlarm } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { MetricAlarmDefinition } from '../../../shared/contract';
import { toDefinition, toPutMetricAlarmInput } from './convert';

/** What DescribeAlarms returns for an alarm put with this input (PutMetricAlarm's fields are MetricAlarm's, but Tags). */
function described(input: ReturnType<typeof toPutMetricAlarmInput>): SdkMetricAlarm {
  const { Tags: _tags, ...fields } = input;
  return { ...fields, AlarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${input.AlarmName}`, StateValue: 'OK' };
}

describe('alarm conversion', () => {
  it('round-trips every field of a single-metric alarm', () => {
    const definition = MetricAlarmDefinition.parse({
      name: 'orders-p99-latency',
      description: 'p99 latency of the orders API',
      actionsEnabled: false,
      okActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
      alarmActions: ['arn:aws:sns:us-east-1:123456789012:ops', 'arn:aws:automate:us-east-1:ec2:reboot'],
      insufficientDataActions: ['arn:aws:ssm:us-east-1:123456789012:opsitem:3'],
      namespace: 'AWS/ApiGateway',
      metricName: 'Latency',
      dimensions: [{ name: 'ApiName', value: 'orders' }],
      extendedStatistic: 'p99',
      period: 300,
      unit: 'Milliseconds',
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      threshold: 1200.5,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'notBreaching',
      evaluateLowSampleCountPercentile: 'ignore',
    });
    expect(toDefinition(described(toPutMetricAlarmInput(definition)))).toEqual(definition);
  });

  it('round-trips a metric-math alarm and an anomaly-band alarm', () => {
    const math = MetricAlarmDefinition.parse({
      name: 'error-rate',
      evaluationPeriods: 3,
      threshold: 5,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      metrics: [
        { id: 'errors', metricStat: { metric: { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [{ name: 'FunctionName', value: 'checkout' }] }, period: 60, stat: 'Sum' }, returnData: false },
        { id: 'calls', metricStat: { metric: { namespace: 'AWS/Lambda', metricName: 'Invocations' }, period: 60, stat: 'Sum', unit: 'Count' }, returnData: false },
        { id: 'rate', expression: '100 * errors / calls', label: 'Error rate', returnData: true, accountId: '123456789012' },
      ],
    });
    expect(toDefinition(described(toPutMetricAlarmInput(math)))).toEqual(math);

    const band = MetricAlarmDefinition.parse({
      name: 'latency-band',
      evaluationPeriods: 2,
      comparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
      thresholdMetricId: 'band',
      metrics: [
        { id: 'm1', metricStat: { metric: { namespace: 'AWS/ApiGateway', metricName: 'Latency' }, period: 300, stat: 'Average' }, returnData: true },
        { id: 'band', expression: 'ANOMALY_DETECTION_BAND(m1, 2)', returnData: true },
      ],
    });
    expect(toDefinition(described(toPutMetricAlarmInput(band)))).toEqual(band);
  });

  it('sends tags for a new alarm only when given', () => {
    const definition = MetricAlarmDefinition.parse({ name: 'a', namespace: 'N', metricName: 'M', statistic: 'Sum', period: 60, evaluationPeriods: 1, threshold: 1, comparisonOperator: 'GreaterThanThreshold' });
    expect(toPutMetricAlarmInput(definition).Tags).toBeUndefined();
    expect(toPutMetricAlarmInput(definition, [{ key: 'team', value: 'orders' }]).Tags).toEqual([{ Key: 'team', Value: 'orders' }]);
  });
});
