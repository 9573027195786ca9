import { describe, expect, it } from 'vitest';
import { actionKind, checkActions } from './action-arns';

describe('alarm action ARNs', () => {
  it('takes every documented kind of action in the alarm region', () => {
    const valid = [
      'arn:aws:automate:eu-west-1:ec2:stop',
      'arn:aws:automate:eu-west-1:ec2:recover',
      'arn:aws:swf:eu-west-1:123456789012:action/actions/AWS_EC2.InstanceId.Reboot/1.0',
      'arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:1a2b:autoScalingGroupName/web:policyName/up',
      'arn:aws:lambda:eu-west-1:123456789012:function:pager:live',
      'arn:aws:sns:eu-west-1:123456789012:ops',
      'arn:aws:ssm:eu-west-1:123456789012:opsitem:2#CATEGORY=Availability',
      'arn:aws:ssm-incidents::123456789012:responseplan/outage',
    ];
    expect(() => checkActions(valid.slice(0, 5), 'AlarmActions', 'eu-west-1')).not.toThrow();
    expect(() => checkActions(valid.slice(5), 'OKActions', 'eu-west-1')).not.toThrow();
  });

  it('refuses a bad ARN, another region, and a sixth action', () => {
    expect(() => checkActions(['arn:aws:s3:::bucket'], 'AlarmActions', 'eu-west-1')).toThrow('Invalid arn syntax: arn:aws:s3:::bucket');
    expect(() => checkActions(['arn:aws:automate:us-east-1:ec2:stop'], 'AlarmActions', 'eu-west-1')).toThrow('Invalid region us-east-1 specified. Only eu-west-1 is supported.');
    const six = Array.from({ length: 6 }, (_, i) => `arn:aws:sns:eu-west-1:123456789012:t${i}`);
    expect(() => checkActions(six, 'AlarmActions', 'eu-west-1')).toThrow(/at 'alarmActions' failed to satisfy constraint: Member must have length less than or equal to 5/);
  });

  it('tells SNS and EC2 actions from the others', () => {
    expect(actionKind('arn:aws:sns:eu-west-1:123456789012:ops')).toBe('sns');
    expect(actionKind('arn:aws:automate:eu-west-1:ec2:terminate')).toBe('ec2');
    expect(actionKind('arn:aws:lambda:eu-west-1:123456789012:function:f')).toBe('other');
  });
});
