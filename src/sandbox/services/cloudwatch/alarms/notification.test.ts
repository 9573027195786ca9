import { describe, expect, it } from 'vitest';
import type { StoredMetricAlarm } from './model';
import { alarmNotification } from './notification';

const at = Date.UTC(2026, 10, 30, 9, 5, 0);

function alarm(config: Partial<StoredMetricAlarm['config']>): StoredMetricAlarm {
  return {
    type: 'MetricAlarm',
    arn: 'arn:aws:cloudwatch:us-east-2:123456789012:alarm:cpu',
    configurationUpdatedAt: Date.UTC(2026, 10, 29, 8, 0, 0, 366),
    state: { value: 'OK', reason: 'fine', updatedAt: at, transitionedAt: at },
    config: {
      AlarmName: 'cpu',
      ActionsEnabled: true,
      OKActions: [],
      AlarmActions: ['arn:aws:sns:us-east-2:123456789012:ops'],
      InsufficientDataActions: [],
      MetricName: 'CPUUtilization',
      Namespace: 'AWS/EC2',
      Statistic: 'Maximum',
      Dimensions: [{ Name: 'InstanceId', Value: 'i-08fb' }],
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 90,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      ...config,
    },
  };
}

describe('alarmNotification', () => {
  it('writes the message as AWS does, field for field and in order', () => {
    const { subject, message } = alarmNotification(
      alarm({}),
      { value: 'OK', reason: 'fine', updatedAt: at, transitionedAt: at },
      { value: 'ALARM', reason: 'Threshold Crossed', updatedAt: at + 11_589, transitionedAt: at + 11_589 },
      'us-east-2',
      '123456789012',
    );
    expect(subject).toBe('ALARM: "cpu" in US East (Ohio)');
    expect(message).toBe(
      '{"AlarmName":"cpu","AlarmDescription":null,"AWSAccountId":"123456789012","AlarmConfigurationUpdatedTimestamp":"2026-11-29T08:00:00.366+0000",' +
        '"NewStateValue":"ALARM","NewStateReason":"Threshold Crossed","StateChangeTime":"2026-11-30T09:05:11.589+0000","Region":"US East (Ohio)",' +
        '"AlarmArn":"arn:aws:cloudwatch:us-east-2:123456789012:alarm:cpu","OldStateValue":"OK","OKActions":[],"AlarmActions":["arn:aws:sns:us-east-2:123456789012:ops"],' +
        '"InsufficientDataActions":[],"Trigger":{"MetricName":"CPUUtilization","Namespace":"AWS/EC2","StatisticType":"Statistic","Statistic":"MAXIMUM","Unit":null,' +
        '"Dimensions":[{"value":"i-08fb","name":"InstanceId"}],"Period":60,"EvaluationPeriods":1,"DatapointsToAlarm":1,"ComparisonOperator":"GreaterThanOrEqualToThreshold",' +
        '"Threshold":90.0,"TreatMissingData":"missing","EvaluateLowSampleCountPercentile":""}}',
    );
  });

  it('names SampleCount as SAMPLE_COUNT and gives a math alarm its Metrics', () => {
    const sampleCount = JSON.parse(alarmNotification(alarm({ Statistic: 'SampleCount' }), alarm({}).state, alarm({}).state, 'us-east-2', '1').message) as { Trigger: { Statistic: string } };
    expect(sampleCount.Trigger.Statistic).toBe('SAMPLE_COUNT');
    const math = alarm({ MetricName: undefined, Namespace: undefined, Statistic: undefined, Period: undefined, Dimensions: [], Metrics: [{ Id: 'e1', Expression: 'm1 * 2', ReturnData: true }] });
    const trigger = (JSON.parse(alarmNotification(math, math.state, math.state, 'us-east-2', '1').message) as { Trigger: Record<string, unknown> }).Trigger;
    expect(trigger.Metrics).toEqual([{ Expression: 'm1 * 2', Id: 'e1', ReturnData: true }]);
    expect(trigger.MetricName).toBeUndefined();
  });
});
