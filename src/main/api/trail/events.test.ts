import { describe, expect, it } from 'vitest';
import { hasAttribute, toTrailEvent } from './events';

const RECORD = {
  eventVersion: '1.10',
  userIdentity: { type: 'AssumedRole', accessKeyId: 'ASIAFROMRECORD', arn: 'arn:aws:sts::1:assumed-role/r/s' },
  eventTime: '2026-11-30T10:00:00Z',
  eventSource: 'logs.amazonaws.com',
  eventName: 'DeleteLogGroup',
  awsRegion: 'eu-west-1',
  sourceIPAddress: '203.0.113.9',
  userAgent: 'aws-cli/2.22.4',
  errorCode: 'AccessDenied',
  errorMessage: 'User: … is not authorized',
  readOnly: false,
  eventID: 'id-1',
};

describe('toTrailEvent', () => {
  it('takes LookupEvents’ fields, and the rest from the record', () => {
    const event = toTrailEvent({
      EventId: 'id-1',
      EventName: 'DeleteLogGroup',
      ReadOnly: 'false',
      EventTime: new Date('2026-11-30T10:00:00Z'),
      EventSource: 'logs.amazonaws.com',
      Username: 's',
      Resources: [{ ResourceType: 'AWS::Logs::LogGroup', ResourceName: '/a' }, { ResourceName: 'untyped' }],
      CloudTrailEvent: JSON.stringify(RECORD),
    });
    expect(event).toEqual({
      eventId: 'id-1',
      eventTime: Date.parse('2026-11-30T10:00:00Z'),
      eventName: 'DeleteLogGroup',
      eventSource: 'logs.amazonaws.com',
      username: 's',
      accessKeyId: 'ASIAFROMRECORD',
      readOnly: false,
      resources: [{ type: 'AWS::Logs::LogGroup', name: '/a' }, { name: 'untyped' }],
      region: 'eu-west-1',
      errorCode: 'AccessDenied',
      errorMessage: 'User: … is not authorized',
      sourceIPAddress: '203.0.113.9',
      userAgent: 'aws-cli/2.22.4',
      identityType: 'AssumedRole',
      record: JSON.stringify(RECORD),
    });
  });

  it('copes with a record that is not JSON, and leaves out what is not there', () => {
    const event = toTrailEvent({ EventId: 'x', EventName: 'N', EventTime: new Date(5000), EventSource: 's', CloudTrailEvent: '{not json' });
    expect(event).toEqual({ eventId: 'x', eventTime: 5000, eventName: 'N', eventSource: 's', resources: [], record: '{not json' });
  });
});

describe('hasAttribute', () => {
  const event = toTrailEvent({ EventId: 'id-1', EventName: 'DeleteLogGroup', ReadOnly: 'false', EventTime: new Date(0), EventSource: 'logs.amazonaws.com', Username: 's', AccessKeyId: 'AKIA1', Resources: [{ ResourceType: 'AWS::Logs::LogGroup', ResourceName: '/a' }], CloudTrailEvent: '{}' });

  it('judges each attribute as LookupEvents does', () => {
    expect(hasAttribute(event, { key: 'EventId', value: 'id-1' })).toBe(true);
    expect(hasAttribute(event, { key: 'EventName', value: 'DeleteLogGroup' })).toBe(true);
    expect(hasAttribute(event, { key: 'EventName', value: 'deleteloggroup' })).toBe(false);
    expect(hasAttribute(event, { key: 'ReadOnly', value: 'false' })).toBe(true);
    expect(hasAttribute(event, { key: 'ReadOnly', value: 'true' })).toBe(false);
    expect(hasAttribute(event, { key: 'Username', value: 's' })).toBe(true);
    expect(hasAttribute(event, { key: 'ResourceType', value: 'AWS::Logs::LogGroup' })).toBe(true);
    expect(hasAttribute(event, { key: 'ResourceName', value: '/a' })).toBe(true);
    expect(hasAttribute(event, { key: 'ResourceName', value: '/b' })).toBe(false);
    expect(hasAttribute(event, { key: 'EventSource', value: 'logs.amazonaws.com' })).toBe(true);
    expect(hasAttribute(event, { key: 'AccessKeyId', value: 'AKIA1' })).toBe(true);
  });
});
