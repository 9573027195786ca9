/** Alarms as CloudWatch describes them, for this feature's unit tests. */
import type { CompositeAlarm, MetricAlarm } from '../../../../shared/contract';

export function metricAlarm(overrides: Partial<MetricAlarm> = {}): MetricAlarm {
  return {
    kind: 'metric',
    name: 'api-latency',
    arn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:api-latency',
    actionsEnabled: true,
    okActions: [],
    alarmActions: [],
    insufficientDataActions: [],
    state: 'OK',
    stateReason: 'Threshold Crossed',
    stateUpdatedAt: 1_000,
    configurationUpdatedAt: 500,
    namespace: 'AWS/ApiGateway',
    metricName: 'Latency',
    dimensions: [{ name: 'ApiName', value: 'orders' }],
    extendedStatistic: 'p99',
    period: 300,
    unit: 'Milliseconds',
    evaluationPeriods: 5,
    datapointsToAlarm: 3,
    threshold: 1200,
    comparisonOperator: 'GreaterThanThreshold',
    ...overrides,
  };
}

export function compositeAlarm(overrides: Partial<CompositeAlarm> = {}): CompositeAlarm {
  return {
    kind: 'composite',
    name: 'api-health',
    arn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:api-health',
    actionsEnabled: true,
    okActions: [],
    alarmActions: [],
    insufficientDataActions: [],
    state: 'ALARM',
    stateReason: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:api-latency transitioned to ALARM',
    stateUpdatedAt: 2_000,
    configurationUpdatedAt: 500,
    alarmRule: 'ALARM("api-latency") OR ALARM("api-5xx")',
    ...overrides,
  };
}
