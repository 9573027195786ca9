import { describe, expect, it } from 'vitest';
import { RouterHarness, TEST_NOW, xmlText } from '../test-support';
import { amzDate, checkRequestTime, notAuthorizedMessage, parseAmzDate } from './auth';
import { IdentityStore } from './store';
import { QUERY_AUTH_ERRORS } from '../protocols/query';
import { ServiceError } from '../core/errors';

const MINUTE = 60_000;

function thrown(call: () => void): ServiceError {
  try {
    call();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('IdentityStore', () => {
  it('takes unknown keys for the sandbox user and knows the keys it issued until they expire', () => {
    const store = new IdentityStore('123456789012');
    expect(store.lookup('AKIAANY', undefined, TEST_NOW, 'cn-north-1')).toEqual({
      status: 'valid',
      caller: { kind: 'user', accessKeyId: 'AKIAANY', arn: 'arn:aws-cn:iam::123456789012:user/sandbox', userId: 'AIDASANDBOXUSER0EXAMPLE', accountId: '123456789012' },
    });
    const role = { arn: 'arn:aws:sts::1:assumed-role/R/s', userId: 'AROAX:s', accountId: '210987654321', roleArn: 'arn:aws:iam::210987654321:role/R', sessionName: 's' };
    const issued = store.issue(role, 900, TEST_NOW, 'sts:AssumeRole');
    expect(issued.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(store.lookup(issued.accessKeyId, issued.sessionToken, TEST_NOW, 'us-east-1')).toMatchObject({ status: 'valid', caller: { kind: 'assumed-role', ...role } });
    expect(store.lookup(issued.accessKeyId, undefined, TEST_NOW, 'us-east-1')).toEqual({ status: 'invalid' });
    expect(store.lookup(issued.accessKeyId, issued.sessionToken, TEST_NOW + 900_000, 'us-east-1')).toEqual({ status: 'expired' });
    store.revoke(issued.accessKeyId);
    expect(store.lookup(issued.accessKeyId, issued.sessionToken, TEST_NOW, 'us-east-1')).toEqual({ status: 'invalid' });
    store.restore(issued.accessKeyId);
    store.expire(issued.accessKeyId, TEST_NOW);
    expect(store.lookup(issued.accessKeyId, issued.sessionToken, TEST_NOW, 'us-east-1')).toEqual({ status: 'expired' });
  });

  it('denies actions exactly, by service wildcard, or all', () => {
    const store = new IdentityStore('123456789012');
    store.deny('AKIA1', 'logs:GetLogEvents');
    store.deny('AKIA2', 'logs:*');
    store.deny('AKIA3', '*');
    expect(['AKIA1', 'AKIA2', 'AKIA3', 'AKIA4'].map((key) => store.isDenied(key, 'logs:GetLogEvents'))).toEqual([true, true, true, false]);
    expect(store.isDenied('AKIA2', 'sts:AssumeRole')).toBe(false);
    store.allow('AKIA1', 'logs:GetLogEvents');
    expect(store.isDenied('AKIA1', 'logs:GetLogEvents')).toBe(false);
    expect(() => store.deny('AKIA1', 'DescribeLogGroups')).toThrow(RangeError);
    expect(() => store.configureRole('not-an-arn', {})).toThrow(RangeError);
    expect(() => store.configureRole('arn:aws:iam::123456789012:role/R', { maxSessionDurationSeconds: 100 })).toThrow(RangeError);
  });
});

describe('request time', () => {
  it('formats and parses X-Amz-Date', () => {
    expect(amzDate(Date.UTC(2025, 0, 15, 12, 3, 4, 567))).toBe('20250115T120304Z');
    expect(parseAmzDate('20250115T120304Z')).toBe(Date.UTC(2025, 0, 15, 12, 3, 4));
    expect(parseAmzDate('2025-01-15T12:03:04Z')).toBeUndefined();
  });

  it('refuses requests outside the window with AWS’s messages', () => {
    expect(() => checkRequestTime(amzDate(TEST_NOW - 15 * MINUTE), TEST_NOW, QUERY_AUTH_ERRORS)).not.toThrow();
    expect(() => checkRequestTime(undefined, TEST_NOW, QUERY_AUTH_ERRORS)).not.toThrow();
    const late = thrown(() => checkRequestTime('20250115T114459Z', TEST_NOW, QUERY_AUTH_ERRORS));
    expect([late.code, late.status, late.message]).toEqual([
      'SignatureDoesNotMatch',
      403,
      'Signature expired: 20250115T114459Z is now earlier than 20250115T114500Z (20250115T120000Z - 15 min.)',
    ]);
    const early = thrown(() => checkRequestTime('20250115T121501Z', TEST_NOW, QUERY_AUTH_ERRORS));
    expect(early.message).toBe('Signature not yet current: 20250115T121501Z is still later than 20250115T121500Z (20250115T120000Z + 15 min.)');
    expect(thrown(() => checkRequestTime('yesterday', TEST_NOW, QUERY_AUTH_ERRORS)).code).toBe('IncompleteSignature');
  });

  it('reads access-denied messages as AWS writes them', () => {
    expect(notAuthorizedMessage('arn:aws:iam::1:user/x', 'logs:DescribeLogGroups', 'arn:aws:logs:us-east-1:1:log-group::log-stream:', true)).toBe(
      'User: arn:aws:iam::1:user/x is not authorized to perform: logs:DescribeLogGroups on resource: arn:aws:logs:us-east-1:1:log-group::log-stream: because no identity-based policy allows the logs:DescribeLogGroups action',
    );
    expect(notAuthorizedMessage('arn:aws:iam::1:user/x', 'sts:GetSessionToken', '*', true)).toBe(
      'User: arn:aws:iam::1:user/x is not authorized to perform: sts:GetSessionToken because no identity-based policy allows the sts:GetSessionToken action',
    );
  });
});

describe('authentication and authorization through the router', () => {
  it('CloudWatch Logs: a 5-minute window, revoked keys, denied actions naming the resource', () => {
    const harness = new RouterHarness();
    const stale = harness.logs('DescribeLogGroups', {}, { amzDate: amzDate(TEST_NOW - 6 * MINUTE) });
    expect([stale.status, JSON.parse(stale.body)]).toEqual([
      400,
      { __type: 'InvalidSignatureException', message: 'Signature expired: 20250115T115400Z is now earlier than 20250115T115500Z (20250115T120000Z - 5 min.)' },
    ]);
    expect(harness.logs('DescribeLogGroups', {}, { amzDate: amzDate(TEST_NOW - 4 * MINUTE) }).status).toBe(200);
    // Hand-made requests without a date are still taken.
    expect(harness.logs('DescribeLogGroups', {}, { amzDate: null }).status).toBe(200);

    harness.state.identity.revoke('AKIAREVOKED');
    expect(JSON.parse(harness.logs('DescribeLogGroups', {}, { accessKeyId: 'AKIAREVOKED' }).body)).toEqual({
      __type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });

    harness.state.identity.deny('AKIALIMITED', 'logs:DescribeLogGroups');
    harness.state.identity.deny('AKIALIMITED', 'logs:GetLogEvents');
    const denied = harness.logs('DescribeLogGroups', {}, { accessKeyId: 'AKIALIMITED' });
    expect([denied.status, JSON.parse(denied.body)]).toEqual([
      400,
      {
        __type: 'AccessDeniedException',
        message:
          'User: arn:aws:iam::123456789012:user/sandbox is not authorized to perform: logs:DescribeLogGroups on resource: arn:aws:logs:us-east-1:123456789012:log-group::log-stream: because no identity-based policy allows the logs:DescribeLogGroups action',
      },
    ]);
    const events = harness.logs('GetLogEvents', { logGroupName: '/app', logStreamName: 'web-1' }, { accessKeyId: 'AKIALIMITED' });
    expect(JSON.parse(events.body).message).toContain('on resource: arn:aws:logs:us-east-1:123456789012:log-group:/app:log-stream:web-1 because');
    expect(harness.logs('DescribeLogStreams', { logGroupName: '/app' }, { accessKeyId: 'AKIALIMITED' }).status).toBe(400);
    expect(JSON.parse(harness.logs('DescribeLogStreams', { logGroupName: '/app' }, { accessKeyId: 'AKIALIMITED' }).body).__type).toBe('ResourceNotFoundException');
  });

  it('STS: InvalidClientTokenId for revoked keys, AccessDenied for denied actions, GetCallerIdentity never denied', () => {
    const harness = new RouterHarness();
    harness.state.identity.revoke('AKIAREVOKED');
    const revoked = harness.sts({ Action: 'GetCallerIdentity' }, { accessKeyId: 'AKIAREVOKED' });
    expect([revoked.status, xmlText(revoked.body, 'Code'), xmlText(revoked.body, 'Message')]).toEqual([
      403,
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
    ]);
    harness.state.identity.deny('AKIALIMITED', '*');
    expect(harness.sts({ Action: 'GetCallerIdentity' }, { accessKeyId: 'AKIALIMITED' }).status).toBe(200);
    const role = 'arn:aws:iam::123456789012:role/Admin';
    const denied = harness.sts({ Action: 'AssumeRole', RoleArn: role, RoleSessionName: 's' }, { accessKeyId: 'AKIALIMITED' });
    expect([denied.status, xmlText(denied.body, 'Code'), xmlText(denied.body, 'Message')]).toEqual([
      403,
      'AccessDenied',
      `User: arn:aws:iam::123456789012:user/sandbox is not authorized to perform: sts:AssumeRole on resource: ${role} because no identity-based policy allows the sts:AssumeRole action`,
    ]);
    const skewed = harness.sts({ Action: 'GetCallerIdentity' }, { amzDate: amzDate(TEST_NOW + 16 * MINUTE) });
    expect([skewed.status, xmlText(skewed.body, 'Code')]).toEqual([403, 'SignatureDoesNotMatch']);
  });

  it('S3: InvalidAccessKeyId and RequestTimeTooSkewed in S3’s shape', () => {
    const harness = new RouterHarness();
    harness.state.identity.revoke('AKIAREVOKED');
    const revoked = harness.s3('/bucket', { accessKeyId: 'AKIAREVOKED' });
    expect([revoked.status, xmlText(revoked.body, 'Code')]).toEqual([403, 'InvalidAccessKeyId']);
    const skewed = harness.s3('/bucket', { amzDate: '20250115T110000Z' });
    expect(skewed.status).toBe(403);
    expect(skewed.body).toContain(
      '<Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><RequestTime>20250115T110000Z</RequestTime><ServerTime>20250115T120000Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>',
    );
  });
});
