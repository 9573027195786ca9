import { describe, expect, it } from 'vitest';
import { cloudTrailSeed } from '../../seed/demo/cloudtrail';
import { createScenario } from '../../seed/demo/scenario';
import { loadSeed } from '../../seed/load';
import type { SeedTrailEvent } from '../../seed/types';
import { credentialsOf, RouterHarness, TEST_NOW, xmlText } from '../../test-support';
import { TRAIL_STORE } from './store';

// Responses are plain JSON; tests read them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function json(response: { body: string }): any {
  return JSON.parse(response.body);
}

function lookup(harness: RouterHarness, body: object, region = 'us-east-1') {
  return harness.cloudTrail('LookupEvents', body, { region });
}

/** Seeds `count` events, one a minute up to TEST_NOW, alternating read and write, every third one on a log group. */
function seedHistory(harness: RouterHarness, count: number): SeedTrailEvent[] {
  const events: SeedTrailEvent[] = Array.from({ length: count }, (_, index) => {
    const time = TEST_NOW - (count - index) * 60_000;
    return {
      time,
      record: {
        eventVersion: '1.10',
        userIdentity: { type: 'IAMUser', userName: index % 2 === 0 ? 'alice' : 'bob', accessKeyId: `AKIA${index % 2}`, arn: 'arn:aws:iam::123456789012:user/alice' },
        eventTime: new Date(time).toISOString(),
        eventSource: 'logs.amazonaws.com',
        eventName: index % 2 === 0 ? 'DescribeLogGroups' : 'PutRetentionPolicy',
        readOnly: index % 2 === 0,
        eventID: `event-${index}`,
        eventCategory: 'Management',
      },
      resources: index % 3 === 0 ? [{ type: 'AWS::Logs::LogGroup', name: '/app' }] : [],
    };
  });
  loadSeed(harness.state, { regions: [{ region: 'us-east-1', logGroups: [], cloudTrail: { events: () => events, trails: [] } }] }, TEST_NOW);
  return events;
}

describe('CloudTrail: recording the sandbox’s writes', () => {
  it('records a successful write with the caller, its parameters and the log group, and nothing for reads', () => {
    const harness = new RouterHarness();
    const signer = { region: 'us-west-1', accessKeyId: 'AKIAWRITER0000000001' };
    expect(harness.logs('CreateLogGroup', { logGroupName: '/team/app' }, signer).status).toBe(200);
    expect(harness.logs('PutRetentionPolicy', { logGroupName: '/team/app', retentionInDays: 30 }, signer).status).toBe(200);
    expect(harness.logs('DescribeLogGroups', {}, signer).status).toBe(200);

    const events = json(lookup(harness, {}, 'us-west-1')).Events;
    expect(events.map((event: { EventName: string }) => event.EventName)).toEqual(['PutRetentionPolicy', 'CreateLogGroup']);
    const [put] = events;
    expect(put).toMatchObject({
      EventSource: 'logs.amazonaws.com',
      ReadOnly: 'false',
      Username: 'sandbox',
      AccessKeyId: 'AKIAWRITER0000000001',
      Resources: [{ ResourceType: 'AWS::Logs::LogGroup', ResourceName: '/team/app' }],
    });
    const record = JSON.parse(put.CloudTrailEvent);
    expect(record).toMatchObject({
      eventVersion: '1.10',
      userIdentity: { type: 'IAMUser', userName: 'sandbox', arn: 'arn:aws:iam::123456789012:user/sandbox', accessKeyId: 'AKIAWRITER0000000001' },
      eventSource: 'logs.amazonaws.com',
      eventName: 'PutRetentionPolicy',
      awsRegion: 'us-west-1',
      requestParameters: { logGroupName: '/team/app', retentionInDays: 30 },
      responseElements: null,
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      eventCategory: 'Management',
      recipientAccountId: '123456789012',
      resources: [{ accountId: '123456789012', type: 'AWS::Logs::LogGroup', ARN: 'arn:aws:logs:us-west-1:123456789012:log-group:/team/app' }],
    });
    expect(record.eventID).toBe(put.EventId);
    expect(new Date(record.eventTime).getTime()).toBe(Math.floor(TEST_NOW / 1000) * 1000);
  });

  it('records failed writes by a known caller with AWS’s error code and message: denied, refused by the service, throttled', () => {
    const harness = new RouterHarness({ quotas: { 'logs:CreateLogGroup': 1 } });
    const signer = { region: 'us-west-1', accessKeyId: 'AKIALIMITED000000001' };
    harness.state.identity.deny(signer.accessKeyId, 'logs:PutRetentionPolicy');
    harness.state.identity.deny(signer.accessKeyId, 'logs:DescribeLogGroups');
    harness.state.identity.deny(signer.accessKeyId, 'logs:PutLogEvents');
    const denied = harness.logs('PutRetentionPolicy', { logGroupName: '/team/app', retentionInDays: 30 }, signer);
    expect(json(denied).__type).toBe('AccessDeniedException');
    expect(json(harness.logs('DeleteLogGroup', { logGroupName: '/missing' }, signer)).__type).toBe('ResourceNotFoundException');
    expect(harness.logs('CreateLogGroup', { logGroupName: '/first' }, signer).status).toBe(200);
    expect(json(harness.logs('CreateLogGroup', { logGroupName: '/second' }, signer)).__type).toBe('ThrottlingException');
    // Reads and data events stay out of event history, failed or not.
    expect(json(harness.logs('DescribeLogGroups', {}, signer)).__type).toBe('AccessDeniedException');
    expect(json(harness.logs('PutLogEvents', { logGroupName: '/first', logStreamName: 's', logEvents: [] }, signer)).__type).toBe('AccessDeniedException');

    const events = json(lookup(harness, {}, 'us-west-1')).Events;
    const records = events.map((event: { CloudTrailEvent: string }) => JSON.parse(event.CloudTrailEvent));
    expect(records.map((record: { eventName: string; errorCode?: string }) => `${record.eventName} ${record.errorCode ?? 'ok'}`).sort()).toEqual([
      'CreateLogGroup ThrottlingException',
      'CreateLogGroup ok',
      'DeleteLogGroup ResourceNotFoundException',
      'PutRetentionPolicy AccessDeniedException',
    ]);
    const deniedEvent = events.find((event: { EventName: string }) => event.EventName === 'PutRetentionPolicy');
    expect(deniedEvent).toMatchObject({ Username: 'sandbox', AccessKeyId: signer.accessKeyId, ReadOnly: 'false', Resources: [{ ResourceName: '/team/app' }] });
    const record = JSON.parse(deniedEvent.CloudTrailEvent);
    expect(record).toMatchObject({
      userIdentity: { type: 'IAMUser', userName: 'sandbox', accessKeyId: signer.accessKeyId },
      errorCode: 'AccessDeniedException',
      errorMessage: json(denied).message,
      requestParameters: { logGroupName: '/team/app', retentionInDays: 30 },
      responseElements: null,
      readOnly: false,
      managementEvent: true,
    });
    // In AWS's order: the error right after userAgent.
    expect(Object.keys(record).slice(Object.keys(record).indexOf('userAgent') + 1, Object.keys(record).indexOf('userAgent') + 4)).toEqual([
      'errorCode',
      'errorMessage',
      'requestParameters',
    ]);
    const missing = records.find((entry: { eventName: string }) => entry.eventName === 'DeleteLogGroup');
    expect([missing.errorCode, missing.errorMessage]).toEqual(['ResourceNotFoundException', 'The specified log group does not exist.']);
  });

  it('records nothing for calls that fail authentication, nor failed calls by an unsigned caller', () => {
    const harness = new RouterHarness();
    harness.state.identity.revoke('AKIAREVOKED');
    expect(json(harness.logs('CreateLogGroup', { logGroupName: '/revoked' }, { accessKeyId: 'AKIAREVOKED' })).__type).toBe('UnrecognizedClientException');
    expect(json(harness.logs('CreateLogGroup', { logGroupName: '/stale' }, { amzDate: '20250115T110000Z' })).__type).toBe('InvalidSignatureException');
    expect(json(harness.logs('CreateLogGroup', { logGroupName: '/unsigned' }, 'unsigned')).__type).toBe('MissingAuthenticationTokenException');
    expect(harness.rest('POST', '/logout', undefined, { 'x-amz-sso_bearer_token': 'not-a-session' }).status).toBeGreaterThanOrEqual(400);
    expect(json(lookup(harness, {})).Events).toEqual([]);
  });

  it('names a role session as an assumed role with its issuer', () => {
    const harness = new RouterHarness();
    const assumed = harness.sts({ Action: 'AssumeRole', RoleArn: 'arn:aws:iam::123456789012:role/deployer', RoleSessionName: 'ci-run-7' });
    const credentials = credentialsOf(assumed.body);
    expect(xmlText(assumed.body, 'Arn')).toContain('assumed-role/deployer/ci-run-7');
    harness.logs('CreateLogGroup', { logGroupName: '/by-role' }, { ...credentials, region: 'us-west-1' });
    const [event] = json(lookup(harness, { LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'ci-run-7' }] }, 'us-west-1')).Events;
    expect(event.AccessKeyId).toBe(credentials.accessKeyId);
    expect(JSON.parse(event.CloudTrailEvent).userIdentity).toMatchObject({
      type: 'AssumedRole',
      arn: 'arn:aws:sts::123456789012:assumed-role/deployer/ci-run-7',
      sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::123456789012:role/deployer', userName: 'deployer' } },
    });
  });

  it('records dashboard writes with the dashboard as resource, and leaves PutMetricData (a data event) out', () => {
    const harness = new RouterHarness();
    const body = JSON.stringify({ widgets: [{ type: 'text', x: 0, y: 0, width: 6, height: 3, properties: { markdown: 'hi' } }] });
    expect(harness.cloudwatch('PutDashboard', { DashboardName: 'ops', DashboardBody: body }).status).toBe(200);
    expect(harness.cloudwatch('PutMetricData', { Namespace: 'Team', MetricData: [{ MetricName: 'Jobs', Value: 1, Timestamp: TEST_NOW / 1000 }] }).status).toBe(200);
    expect(harness.cloudwatch('DeleteDashboards', { DashboardNames: ['ops'] }).status).toBe(200);

    const events = json(lookup(harness, {})).Events;
    expect(events.map((event: { EventName: string }) => event.EventName)).toEqual(['DeleteDashboards', 'PutDashboard']);
    expect(events[1]).toMatchObject({ EventSource: 'monitoring.amazonaws.com', Resources: [{ ResourceType: 'AWS::CloudWatch::Dashboard', ResourceName: 'ops' }] });
  });

  it('keeps data events (PutLogEvents) out of event history', () => {
    const harness = new RouterHarness();
    harness.logs('CreateLogGroup', { logGroupName: '/data' });
    harness.logs('CreateLogStream', { logGroupName: '/data', logStreamName: 's' });
    harness.logs('PutLogEvents', { logGroupName: '/data', logStreamName: 's', logEvents: [{ timestamp: TEST_NOW, message: 'x' }] });
    expect(json(lookup(harness, {})).Events.map((event: { EventName: string }) => event.EventName)).toEqual(['CreateLogStream', 'CreateLogGroup']);
  });
});

describe('CloudTrail: LookupEvents', () => {
  it('pages newest first, 50 at most, with a token that is good only for the same lookup', () => {
    const harness = new RouterHarness();
    const events = seedHistory(harness, 120);
    const ids: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = json(lookup(harness, { MaxResults: 50, ...(token === undefined ? {} : { NextToken: token }) }));
      ids.push(...page.Events.map((event: { EventId: string }) => event.EventId));
      token = page.NextToken;
      pages++;
    } while (token !== undefined);
    expect(pages).toBe(3);
    expect(ids).toEqual(events.map((event) => event.record['eventID']).reverse());

    const first = json(lookup(harness, { MaxResults: 10 }));
    const other = lookup(harness, { MaxResults: 10, NextToken: first.NextToken, LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'bob' }] });
    expect(json(other).__type).toBe('InvalidNextTokenException');
    expect(json(lookup(harness, { NextToken: 'not a token' })).__type).toBe('InvalidNextTokenException');
  });

  it('finds by one attribute, reads only the first of several, and applies the time range', () => {
    const harness = new RouterHarness();
    seedHistory(harness, 30);
    const by = (AttributeKey: string, AttributeValue: string) => json(lookup(harness, { LookupAttributes: [{ AttributeKey, AttributeValue }] })).Events;
    expect(by('Username', 'bob')).toHaveLength(15);
    expect(by('ReadOnly', 'true').every((event: { ReadOnly: string }) => event.ReadOnly === 'true')).toBe(true);
    expect(by('ResourceName', '/app')).toHaveLength(10);
    expect(by('ResourceType', 'AWS::Logs::LogGroup')).toHaveLength(10);
    expect(by('EventId', 'event-7').map((event: { EventId: string }) => event.EventId)).toEqual(['event-7']);
    expect(by('AccessKeyId', 'AKIA0')).toHaveLength(15);
    expect(by('EventSource', 'logs.amazonaws.com')).toHaveLength(30);
    const two = json(lookup(harness, { LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'bob' }, { AttributeKey: 'EventId', AttributeValue: 'event-7' }] })).Events;
    expect(two).toHaveLength(15);
    const ranged = json(lookup(harness, { StartTime: (TEST_NOW - 10 * 60_000) / 1000, EndTime: (TEST_NOW - 5 * 60_000) / 1000 })).Events;
    expect(ranged).toHaveLength(6);
  });

  it('refuses what AWS refuses, with its errors', () => {
    const harness = new RouterHarness();
    const error = (body: object) => json(lookup(harness, body)).__type;
    expect(error({ LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'yes' }] })).toBe('InvalidLookupAttributesException');
    expect(error({ LookupAttributes: [{ AttributeKey: 'Colour', AttributeValue: 'x' }] })).toBe('InvalidLookupAttributesException');
    expect(error({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: '' }] })).toBe('InvalidLookupAttributesException');
    expect(error({ StartTime: TEST_NOW / 1000, EndTime: TEST_NOW / 1000 - 60 })).toBe('InvalidTimeRangeException');
    expect(error({ MaxResults: 51 })).toBe('InvalidMaxResultsException');
    expect(error({ MaxResults: 0 })).toBe('InvalidMaxResultsException');
    expect(error({ EventCategory: 'data' })).toBe('InvalidEventCategoryException');
    expect(error({ EventCategory: 'insight', LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'x' }] })).toBe('InvalidLookupAttributesException');
    expect(json(lookup(harness, { EventCategory: 'insight' })).Events).toEqual([]);
  });

  it('is throttled at AWS’s 2 TPS with quotas on', () => {
    const harness = new RouterHarness({ quotas: 'aws' });
    const statuses = [1, 2, 3].map(() => lookup(harness, {}).status);
    expect(statuses).toEqual([200, 200, 400]);
    expect(json(lookup(harness, {})).__type).toBe('ThrottlingException');
  });
});

describe('CloudTrail: the demo account', () => {
  it('has 90 days of history, the multi-region trail, and CI’s 2.14.0 release on behalf of dan.okafor', () => {
    const scenario = createScenario(TEST_NOW);
    const harness = new RouterHarness();
    const regions = (['us-east-1', 'eu-west-1'] as const).map((region) => ({ region, logGroups: [], cloudTrail: cloudTrailSeed(scenario, region) }));
    loadSeed(harness.state, { regions }, TEST_NOW);
    const history = harness.state.region('us-east-1').store(TRAIL_STORE).all();
    expect(history.length).toBeGreaterThanOrEqual(20_000);
    expect((history[0]?.time ?? 0) - (TEST_NOW - 90 * 24 * 3600_000)).toBeLessThan(24 * 3600_000);
    expect(new Set(history.map((event) => (event.record['userIdentity'] as { type: string }).type))).toEqual(
      new Set(['AWSService', 'AssumedRole', 'IAMUser', 'Root', 'FederatedUser', 'WebIdentityUser']),
    );

    const trails = json(harness.cloudTrail('DescribeTrails', {}, { region: 'eu-west-1' })).trailList;
    expect(trails).toMatchObject([{ Name: 'tallybird-management-events', HomeRegion: 'us-east-1', IsMultiRegionTrail: true, LogFileValidationEnabled: true }]);
    expect(json(harness.cloudTrail('GetTrailStatus', { Name: trails[0].TrailARN }, { region: 'eu-west-1' })).IsLogging).toBe(true);
    expect(json(harness.cloudTrail('GetTrailStatus', { Name: 'tallybird-management-events' }, { region: 'eu-west-1' })).__type).toBe('TrailNotFoundException');
    expect(json(harness.cloudTrail('GetEventSelectors', { TrailName: 'tallybird-management-events' })).EventSelectors[0].ReadWriteType).toBe('All');

    const updates = json(lookup(harness, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'UpdateService' }] })).Events;
    const release = updates.map((event: { CloudTrailEvent: string }) => JSON.parse(event.CloudTrailEvent)).find((event: { requestParameters: { taskDefinition: string } }) => event.requestParameters.taskDefinition === 'orders-service:141');
    expect(release.userIdentity.sessionContext).toMatchObject({ sourceIdentity: 'dan.okafor', sessionIssuer: { userName: 'github-actions-deploy' } });
  }, 60_000);
});

describe('CloudTrail: what recorded writes keep secret', () => {
  it('hides secrets at any depth, and keeps everything else as it was', async () => {
    const { redacted, HIDDEN } = await import('./record');
    expect(
      redacted({
        clientName: 'cloudscope',
        clientSecret: 's3cr3t',
        nested: [{ accessToken: 'a', refreshToken: 'r', idToken: 'i', password: 'p', keep: 1 }],
        credentials: { accessKeyId: 'ASIA…', secretAccessKey: 'x', sessionToken: 't', expiration: 'later' },
        nothing: null,
      }),
    ).toEqual({
      clientName: 'cloudscope',
      clientSecret: HIDDEN,
      nested: [{ accessToken: HIDDEN, refreshToken: HIDDEN, idToken: HIDDEN, password: HIDDEN, keep: 1 }],
      credentials: { accessKeyId: 'ASIA…', secretAccessKey: HIDDEN, sessionToken: HIDDEN, expiration: 'later' },
      nothing: null,
    });
  });

  it('records IAM Identity Center sign-ins and sign-outs by an unknown caller, under their own event sources, secrets hidden', () => {
    const harness = new RouterHarness();
    const client = json(harness.rest('POST', '/client/register', { clientName: 'cloudscope', clientType: 'public' }));
    const started = json(harness.rest('POST', '/device_authorization', { clientId: client.clientId, clientSecret: client.clientSecret, startUrl: 'https://d-1.awsapps.com/start' }));
    harness.state.sso.approve(started.userCode);
    const token = json(
      harness.rest('POST', '/token', {
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        grantType: 'urn:ietf:params:oauth:grant-type:device_code',
        deviceCode: started.deviceCode,
      }),
    );
    harness.rest('POST', '/logout', undefined, { 'x-amz-sso_bearer_token': token.accessToken });
    harness.rest('POST', '/logout', undefined, { 'x-amz-sso_bearer_token': 'not-a-session' });

    const events = json(lookup(harness, {})).Events.map((event: { CloudTrailEvent: string }) => JSON.parse(event.CloudTrailEvent));
    expect(events.map((event: { eventSource: string; eventName: string }) => `${event.eventSource} ${event.eventName}`)).toEqual([
      'sso.amazonaws.com Logout',
      'sso-oauth.amazonaws.com CreateToken',
      'sso-oauth.amazonaws.com StartDeviceAuthorization',
      'sso-oauth.amazonaws.com RegisterClient',
    ]);
    expect(events.every((event: { userIdentity: { type: string } }) => event.userIdentity.type === 'Unknown')).toBe(true);
    const text = JSON.stringify(events);
    for (const secret of [client.clientSecret, started.deviceCode, token.accessToken]) expect(text).not.toContain(secret);
    expect(events[1].responseElements.accessToken).toBe('HIDDEN_DUE_TO_SECURITY_REASONS');
  });
});
