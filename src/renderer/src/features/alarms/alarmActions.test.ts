import { describe, expect, it } from 'vitest';
import type { AlarmHistoryItem } from '../../../../shared/contract';
import { actionKind, alarmActions, lastDelivery } from './alarmActions';
import { metricAlarm } from './testAlarms';

describe('actionKind', () => {
  it('tells each documented action ARN form apart', () => {
    expect(actionKind('arn:aws:sns:us-east-1:123456789012:ops-pager')).toEqual({ kind: 'SNS topic', target: 'ops-pager' });
    expect(actionKind('arn:aws:automate:us-east-1:ec2:stop').kind).toBe('EC2: stop the instance');
    expect(actionKind('arn:aws:automate:us-east-1:ec2:recover').kind).toBe('EC2: recover the instance');
    expect(actionKind('arn:aws:swf:us-east-1:123456789012:action/actions/AWS_EC2.InstanceId.Reboot/1.0').kind).toBe('EC2: reboot the instance');
    expect(
      actionKind('arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:0f1e:autoScalingGroupName/web-asg:policyName/scale-out'),
    ).toEqual({ kind: 'Auto Scaling policy', target: 'scale-out of web-asg' });
    expect(actionKind('arn:aws:ssm:us-east-1:123456789012:opsitem:3#CATEGORY=Availability')).toEqual({ kind: 'Systems Manager OpsItem', target: 'severity 3#CATEGORY=Availability' });
    expect(actionKind('arn:aws:ssm-incidents::123456789012:responseplan/checkout-down')).toEqual({ kind: 'Incident Manager response plan', target: 'checkout-down' });
    expect(actionKind('arn:aws:lambda:us-east-1:123456789012:function:notify')).toEqual({ kind: 'Lambda function', target: 'notify' });
  });
});

describe('alarmActions', () => {
  it('lists every action with the state that runs it', () => {
    const alarm = metricAlarm({ alarmActions: ['arn:aws:sns:us-east-1:1:a'], okActions: ['arn:aws:sns:us-east-1:1:a'], insufficientDataActions: ['arn:aws:sns:us-east-1:1:b'] });
    expect(alarmActions(alarm).map((action) => `${action.on} ${action.arn}`)).toEqual([
      'ALARM arn:aws:sns:us-east-1:1:a',
      'OK arn:aws:sns:us-east-1:1:a',
      'INSUFFICIENT_DATA arn:aws:sns:us-east-1:1:b',
    ]);
  });
});

describe('lastDelivery', () => {
  const arn = 'arn:aws:sns:us-east-1:1:ops';
  const action = (timestamp: number, actionState: string, summary: string): AlarmHistoryItem => ({
    alarmName: 'x',
    alarmType: 'MetricAlarm',
    timestamp,
    type: 'Action',
    summary,
    data: JSON.stringify({ actionState, notificationResource: arn }),
  });

  it('reads the newest Action item of that ARN', () => {
    const items = [action(100, 'Succeeded', `Successfully executed action ${arn}`), action(200, 'Failed', `Failed to execute action ${arn}`), action(300, 'Succeeded', 'Successfully executed action arn:aws:sns:us-east-1:1:other')];
    expect(lastDelivery(arn, items)).toEqual({ succeeded: false, timestamp: 200, summary: `Failed to execute action ${arn}` });
  });

  it('falls back on the summary when HistoryData cannot be read, and has none for an action that never ran', () => {
    expect(lastDelivery(arn, [{ ...action(1, '', `Successfully executed action ${arn}`), data: 'oops' }])?.succeeded).toBe(true);
    expect(lastDelivery(arn, [])).toBeUndefined();
  });
});
