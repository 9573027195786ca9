import { describe, expect, it, vi } from 'vitest';
import type { IncomingRequest } from './core/context';
import { FaultInjector, type FaultOptions } from './faults';
import { Router } from './router';
import { cloudWatchLogs } from './services/logs';
import { LOGS_STORE } from './services/logs/store';
import { defaultQuotasOf, SERVICES } from './services/registry';
import { reads, type ServiceDefinition } from './services/service';
import { AccountState } from './state';

const NOW = Date.UTC(2025, 0, 15);

function routerWith(faults: FaultOptions = {}, extraServices: ServiceDefinition[] = []): { router: Router; state: AccountState } {
  const state = new AccountState('123456789012');
  const services = [...SERVICES, ...extraServices];
  const router = new Router({ state, faults: new FaultInjector(faults, () => NOW, defaultQuotasOf(services)), clock: () => NOW, services });
  return { router, state };
}

function authorization(region: string, service: string): string {
  return `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd`;
}

function logsRequest(operation: string, body: unknown, region = 'us-east-1', signed = true): IncomingRequest {
  return {
    method: 'POST',
    url: '/',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `Logs_20140328.${operation}`,
      ...(signed ? { authorization: authorization(region, 'logs') } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

function stsRequest(body: string, signed = true): IncomingRequest {
  return {
    method: 'POST',
    url: '/',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      ...(signed ? { authorization: authorization('us-east-1', 'sts') } : {}),
    },
    body,
  };
}

describe('Router: AWS JSON protocol', () => {
  it('dispatches by X-Amz-Target and keeps state per region of the credential scope', () => {
    const { router, state } = routerWith();
    const created = router.handle(logsRequest('CreateLogGroup', { logGroupName: 'g' }, 'eu-west-1'));
    expect(created.status).toBe(200);
    expect(created.body).toBe('');
    expect(created.headers['Content-Type']).toBe('application/x-amz-json-1.1');
    expect(created.headers['x-amzn-RequestId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(state.region('eu-west-1').store(LOGS_STORE).group('g')).toBeDefined();
    const listed = router.handle(logsRequest('DescribeLogGroups', '', 'us-east-1'));
    expect(JSON.parse(listed.body)).toEqual({ logGroups: [] });
  });

  it('renders errors as {"__type", "message"} with their status', () => {
    const { router } = routerWith();
    const missing = router.handle(logsRequest('DeleteLogGroup', { logGroupName: 'g' }));
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body)).toEqual({ __type: 'ResourceNotFoundException', message: 'The specified log group does not exist.' });
  });

  it('rejects unsigned and badly signed requests as AWS does', () => {
    const { router } = routerWith();
    const unsigned = router.handle(logsRequest('DescribeLogGroups', {}, 'us-east-1', false));
    expect(unsigned.status).toBe(403);
    expect(JSON.parse(unsigned.body)).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    const bad = router.handle({ ...logsRequest('DescribeLogGroups', {}), headers: { ...logsRequest('DescribeLogGroups', {}).headers, authorization: 'Bearer x' } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).__type).toBe('IncompleteSignatureException');
  });

  it('answers unknown operations and services with UnknownOperationException', () => {
    const { router } = routerWith();
    const unknown = router.handle(logsRequest('StartQueryNope', {}));
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toEqual({ __type: 'UnknownOperationException' });
    expect(JSON.parse(router.handle(logsRequest('toString', {})).body).__type).toBe('UnknownOperationException');
    const otherService = { ...logsRequest('ListTables', {}), headers: { ...logsRequest('x', {}).headers, 'x-amz-target': 'DynamoDB_20120810.ListTables' } };
    expect(JSON.parse(router.handle(otherService).body).__type).toBe('UnknownOperationException');
  });

  it('answers malformed JSON with SerializationException', () => {
    const { router } = routerWith();
    const response = router.handle(logsRequest('DescribeLogGroups', '{"limit": '));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).__type).toBe('SerializationException');
  });

  it('throttles with ThrottlingException "Rate exceeded" by rate or quota', () => {
    expect(JSON.parse(routerWith({ throttleRate: 1 }).router.handle(logsRequest('DescribeLogGroups', {})).body)).toEqual({
      __type: 'ThrottlingException',
      message: 'Rate exceeded',
    });
    const { router } = routerWith({ quotas: { 'logs:DescribeLogGroups': 2 } });
    const statuses = [1, 2, 3].map(() => router.handle(logsRequest('DescribeLogGroups', {})).status);
    expect(statuses).toEqual([200, 200, 400]);
    expect(router.handle(logsRequest('DescribeLogStreams', { logGroupName: 'x' })).status).toBe(400); // not throttled: RNF
  });

  it('turns an unexpected failure into a 500 InternalFailure', () => {
    const broken: ServiceDefinition = {
      ...cloudWatchLogs,
      name: 'broken',
      protocols: [{ protocol: 'awsJson', version: '1.1', targetPrefix: 'Broken_1' }],
      operations: {
        Explode: reads(() => {
          throw new Error('boom');
        }),
      },
    };
    const { router } = routerWith({}, [broken]);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = router.handle({ ...logsRequest('x', {}), headers: { ...logsRequest('x', {}).headers, 'x-amz-target': 'Broken_1.Explode' } });
    quiet.mockRestore();
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body).__type).toBe('InternalFailure');
  });
});

describe('Router: query protocol (STS)', () => {
  it('answers GetCallerIdentity in XML', () => {
    const response = routerWith().router.handle(stsRequest('Action=GetCallerIdentity&Version=2011-06-15'));
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/xml');
    expect(response.body).toBe(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
        '<Arn>arn:aws:iam::123456789012:user/sandbox</Arn><UserId>AIDASANDBOXUSER0EXAMPLE</UserId><Account>123456789012</Account>' +
        `</GetCallerIdentityResult><ResponseMetadata><RequestId>${response.headers['x-amzn-RequestId']}</RequestId></ResponseMetadata>` +
        '</GetCallerIdentityResponse>',
    );
  });

  it('answers errors in <ErrorResponse>', () => {
    const { router } = routerWith();
    const unsigned = router.handle(stsRequest('Action=GetCallerIdentity&Version=2011-06-15', false));
    expect(unsigned.status).toBe(403);
    expect(unsigned.body).toContain('<Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code><Message>Request is missing Authentication Token</Message></Error>');
    const unknown = router.handle(stsRequest('Action=AssumeRoleNope&Version=2011-06-15'));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatch(
      /^<ErrorResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code><Message>Could not find operation AssumeRoleNope for version 2011-06-15<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
    expect(router.handle(stsRequest('Version=2011-06-15')).body).toContain('<Code>MissingAction</Code>');
    const throttled = routerWith({ throttleRate: 1 }).router.handle(stsRequest('Action=GetCallerIdentity&Version=2011-06-15'));
    expect(throttled.body).toContain('<Code>Throttling</Code><Message>Rate exceeded</Message>');
  });
});

describe('Router: S3 REST', () => {
  it('answers in S3’s XML error shape, NotImplemented for what the sandbox does not have', () => {
    const { router } = routerWith();
    const missing = router.handle({ method: 'GET', url: '/bucket?list-type=2', headers: { authorization: authorization('us-east-1', 's3') }, body: '' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Error><Code>NoSuchBucket<\/Code>/);
    const response = router.handle({ method: 'GET', url: '/bucket?versioning', headers: { authorization: authorization('us-east-1', 's3') }, body: '' });
    expect(response.status).toBe(501);
    expect(response.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Error><Code>NotImplemented<\/Code>/);
    const anonymous = router.handle({ method: 'GET', url: '/bucket', headers: {}, body: '' });
    expect(anonymous.status).toBe(403);
    expect(anonymous.body).toContain('<Code>AccessDenied</Code>');
  });
});

describe('Router: one chain for every service', () => {
  it('throttles each service with its own error, and never a service that has none (SSO OIDC)', () => {
    const { router } = routerWith({ throttleRate: 1 });
    const portal = router.handle({ method: 'GET', url: '/assignment/accounts', headers: { 'x-amz-sso_bearer_token': 't' }, body: '' });
    expect([portal.status, portal.headers['x-amzn-ErrorType'], JSON.parse(portal.body)]).toEqual([
      429,
      'TooManyRequestsException:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/',
      { message: 'Rate exceeded', __type: 'com.amazonaws.switchboard.portal#TooManyRequestsException' },
    ]);
    const register = router.handle({ method: 'POST', url: '/client/register', headers: {}, body: JSON.stringify({ clientName: 'x', clientType: 'public' }) });
    expect(register.status).toBe(200);
    // An S3 API the sandbox does not have (ListObjects v1): NotImplemented comes before throttling.
    const s3 = router.handle({ method: 'GET', url: '/bucket', headers: { authorization: authorization('us-east-1', 's3') }, body: '' });
    expect(s3.status).toBe(501);
  });

  it('reports a body that does not parse only after authentication and authorization, as AWS does', () => {
    const { router, state } = routerWith();
    state.identity.revoke('AKIDEXAMPLE');
    expect(JSON.parse(router.handle(logsRequest('DescribeLogGroups', '{"limit": ')).body).__type).toBe('UnrecognizedClientException');
    const portal = router.handle({ method: 'POST', url: '/logout', headers: {}, body: '{' });
    expect([portal.status, portal.headers['x-amzn-ErrorType']]).toEqual([400, 'SerializationException:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/']);
  });
});
