import { describe, expect, it } from 'vitest';
import { RouterHarness, TEST_NOW, xmlText } from '../../test-support';
import { DEVICE_CODE_GRANT } from './oidc';

const START_URL = 'https://d-9067c0ffee.awsapps.com/start';

// Responses are plain JSON; tests read them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function json(body: string): any {
  return JSON.parse(body);
}

function register(harness: RouterHarness) {
  return json(harness.rest('POST', '/client/register', { clientName: 'test', clientType: 'public', scopes: ['sso:account:access'] }).body) as {
    clientId: string;
    clientSecret: string;
    clientIdIssuedAt: number;
    clientSecretExpiresAt: number;
  };
}

function startSignIn(harness: RouterHarness) {
  const client = register(harness);
  const started = json(harness.rest('POST', '/device_authorization', { clientId: client.clientId, clientSecret: client.clientSecret, startUrl: START_URL }).body);
  const poll = () =>
    harness.rest('POST', '/token', { clientId: client.clientId, clientSecret: client.clientSecret, grantType: DEVICE_CODE_GRANT, deviceCode: started.deviceCode });
  return { client, started, poll };
}

function signIn(harness: RouterHarness) {
  const flow = startSignIn(harness);
  harness.state.sso.approve(flow.started.userCode);
  const token = json(flow.poll().body);
  return { ...flow, token };
}

function portal(harness: RouterHarness, path: string, accessToken: string) {
  return harness.rest('GET', path, undefined, { 'x-amz-sso_bearer_token': accessToken });
}

describe('SSO OIDC', () => {
  it('registers public clients for 90 days', () => {
    const harness = new RouterHarness();
    const client = register(harness);
    expect(client).toEqual({
      clientId: expect.any(String),
      clientSecret: expect.any(String),
      clientIdIssuedAt: TEST_NOW / 1000,
      clientSecretExpiresAt: TEST_NOW / 1000 + 90 * 24 * 3600,
    });
    const confidential = harness.rest('POST', '/client/register', { clientName: 'x', clientType: 'confidential' });
    expect([confidential.status, confidential.headers['x-amzn-ErrorType'], json(confidential.body)]).toEqual([
      400,
      'InvalidClientMetadataException:http://internal.amazon.com/coral/com.amazonaws.ssooidc/',
      { error: 'invalid_client_metadata', error_description: 'Invalid client type: confidential' },
    ]);
  });

  it('starts a device authorization and answers polls: pending, slow_down, then the token', () => {
    const harness = new RouterHarness();
    const { started, poll } = startSignIn(harness);
    expect(started).toEqual({
      deviceCode: expect.any(String),
      userCode: expect.stringMatching(/^[B-Z]{4}-[B-Z]{4}$/),
      verificationUri: 'https://device.sso.us-east-1.amazonaws.com/',
      verificationUriComplete: `https://device.sso.us-east-1.amazonaws.com/?user_code=${started.userCode}`,
      expiresIn: 600,
      interval: 1,
    });
    expect(harness.state.sso.pendingAuthorizations(harness.now)).toEqual([
      { userCode: started.userCode, clientName: 'test', startUrl: START_URL, expiresAt: TEST_NOW + 600_000 },
    ]);

    const pending = poll();
    expect([pending.status, pending.headers['x-amzn-ErrorType'], json(pending.body).error]).toEqual([
      400,
      'AuthorizationPendingException:http://internal.amazon.com/coral/com.amazonaws.ssooidc/',
      'authorization_pending',
    ]);
    // Again at once: too fast, and the interval grows by 5 seconds, for each slow_down (RFC 8628 §3.5).
    expect(json(poll().body).error).toBe('slow_down');
    harness.now += 5000;
    expect(json(poll().body).error).toBe('slow_down');
    harness.now += 11_000;
    expect(json(poll().body).error).toBe('authorization_pending');

    harness.state.sso.approve(started.userCode, 'alice');
    harness.now += 11_000;
    const token = poll();
    expect([token.status, json(token.body)]).toEqual([
      200,
      { accessToken: expect.stringMatching(/^aoa/), tokenType: 'Bearer', expiresIn: 28_800, refreshToken: expect.stringMatching(/^aor/) },
    ]);
    harness.now += 11_000;
    expect(json(poll().body)).toEqual({ error: 'invalid_grant', error_description: 'Invalid device code provided' });
    expect(harness.state.sso.pendingAuthorizations(harness.now)).toEqual([]);
  });

  it('answers AccessDeniedException when denied and ExpiredTokenException after ten minutes', () => {
    const harness = new RouterHarness();
    const denied = startSignIn(harness);
    harness.state.sso.deny(denied.started.userCode);
    const answer = denied.poll();
    expect([answer.status, json(answer.body)]).toEqual([400, { error: 'access_denied', error_description: 'Access denied' }]);
    expect(() => harness.state.sso.approve(denied.started.userCode)).toThrow('already denied');
    expect(() => harness.state.sso.approve('NOPE-NOPE')).toThrow(RangeError);

    const late = startSignIn(harness);
    harness.now += 600_000;
    const expired = late.poll();
    expect([expired.headers['x-amzn-ErrorType']?.split(':')[0], json(expired.body).error]).toEqual(['ExpiredTokenException', 'expired_token']);
  });

  it('refreshes with the refresh token, once', () => {
    const harness = new RouterHarness();
    const { client, token } = signIn(harness);
    const refresh = () =>
      harness.rest('POST', '/token', { clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'refresh_token', refreshToken: token.refreshToken });
    const renewed = json(refresh().body);
    expect(renewed).toMatchObject({ tokenType: 'Bearer', expiresIn: 28_800 });
    expect(renewed.accessToken).not.toBe(token.accessToken);
    expect(json(refresh().body).error).toBe('invalid_grant');
    expect(portal(harness, '/assignment/accounts', renewed.accessToken).status).toBe(200);
  });

  it('refuses unknown clients (401), expired registrations and other grant types', () => {
    const harness = new RouterHarness();
    const unknown = harness.rest('POST', '/device_authorization', { clientId: 'x', clientSecret: 'y', startUrl: START_URL });
    expect([unknown.status, json(unknown.body).error]).toEqual([401, 'invalid_client']);
    const client = register(harness);
    const other = harness.rest('POST', '/token', { clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'authorization_code', code: 'c' });
    expect(json(other.body).error).toBe('unsupported_grant_type');
    harness.now += 91 * 24 * 3600_000;
    expect(harness.rest('POST', '/device_authorization', { clientId: client.clientId, clientSecret: client.clientSecret, startUrl: START_URL }).status).toBe(401);
  });

  it('is reached only unsigned: a signed request to /token is an S3 request', () => {
    const harness = new RouterHarness();
    const signed = harness.router.handle({
      method: 'POST',
      url: '/token',
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20250115/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00' },
      body: '',
    });
    expect(signed.body).toContain('<Code>NotImplemented</Code>');
  });
});

describe('SSO portal', () => {
  it('issues role credentials that act as the permission set’s AWSReservedSSO role', () => {
    const harness = new RouterHarness();
    const { token } = signIn(harness);
    const response = portal(harness, '/federation/credentials?role_name=ReadOnly&account_id=123456789012', token.accessToken);
    expect(response.status).toBe(200);
    const { roleCredentials } = json(response.body);
    expect(roleCredentials).toEqual({
      accessKeyId: expect.stringMatching(/^ASIA[A-Z2-7]{16}$/),
      secretAccessKey: expect.any(String),
      sessionToken: expect.any(String),
      expiration: TEST_NOW + 3600_000,
    });
    const identity = harness.sts({ Action: 'GetCallerIdentity' }, { accessKeyId: roleCredentials.accessKeyId, sessionToken: roleCredentials.sessionToken }).body;
    expect(xmlText(identity, 'Arn')).toMatch(/^arn:aws:sts::123456789012:assumed-role\/AWSReservedSSO_ReadOnly_[0-9a-f]{16}\/sandbox-user$/);
    expect(harness.state.sso.roleArnFor('123456789012', 'ReadOnly')).toMatch(
      /^arn:aws:iam::123456789012:role\/aws-reserved\/sso.amazonaws.com\/AWSReservedSSO_ReadOnly_[0-9a-f]{16}$/,
    );

    const unassigned = portal(harness, '/federation/credentials?role_name=Billing&account_id=123456789012', token.accessToken);
    expect([unassigned.status, json(unassigned.body)]).toEqual([403, { message: 'No access', __type: 'com.amazonaws.switchboard.portal#ForbiddenException' }]);
  });

  it('answers 401 UnauthorizedException for unknown, expired and logged-out tokens', () => {
    const harness = new RouterHarness();
    const unauthorized = { message: 'Session token not found or invalid', __type: 'com.amazonaws.switchboard.portal#UnauthorizedException' };
    const path = '/federation/credentials?role_name=Admin&account_id=123456789012';
    const unknown = portal(harness, path, 'nope');
    expect([unknown.status, unknown.headers['x-amzn-ErrorType'], json(unknown.body)]).toEqual([
      401,
      'UnauthorizedException:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/',
      unauthorized,
    ]);

    const first = signIn(harness).token;
    harness.state.sso.expireTokens(harness.now, first.accessToken);
    expect(portal(harness, path, first.accessToken).status).toBe(401);

    const second = signIn(harness).token;
    harness.now += 8 * 3600_000;
    expect(json(portal(harness, path, second.accessToken).body)).toEqual(unauthorized);

    const third = signIn(harness).token;
    expect(harness.rest('POST', '/logout', undefined, { 'x-amz-sso_bearer_token': third.accessToken }).status).toBe(200);
    expect(portal(harness, path, third.accessToken).status).toBe(401);
  });

  it('lists the assigned accounts and roles, a page at a time', () => {
    const harness = new RouterHarness();
    harness.state.sso.setAssignments([
      { accountId: '111111111111', accountName: 'Dev', emailAddress: 'dev@example.com', roles: ['Admin', 'ReadOnly'] },
      { accountId: '222222222222', accountName: 'Prod', emailAddress: 'prod@example.com', roles: ['ReadOnly'] },
    ]);
    const { token } = signIn(harness);
    const first = json(portal(harness, '/assignment/accounts?max_result=1', token.accessToken).body);
    expect(first.accountList).toEqual([{ accountId: '111111111111', accountName: 'Dev', emailAddress: 'dev@example.com' }]);
    const second = json(portal(harness, `/assignment/accounts?max_result=1&next_token=${first.nextToken}`, token.accessToken).body);
    expect(second).toEqual({ accountList: [{ accountId: '222222222222', accountName: 'Prod', emailAddress: 'prod@example.com' }] });
    expect(json(portal(harness, '/assignment/roles?account_id=111111111111', token.accessToken).body)).toEqual({
      roleList: [
        { roleName: 'Admin', accountId: '111111111111' },
        { roleName: 'ReadOnly', accountId: '111111111111' },
      ],
    });
    expect(() => harness.state.sso.setAssignments([{ accountId: '1', accountName: '', emailAddress: '', roles: [] }])).toThrow(RangeError);
  });

  it('takes settings: interval, lifetimes, region', () => {
    const harness = new RouterHarness();
    harness.state.sso.configure({ interval: 0, deviceCodeExpiresIn: 30, region: 'eu-west-1' });
    const { started, poll } = startSignIn(harness);
    expect(started).toMatchObject({ interval: 0, expiresIn: 30, verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/' });
    expect(json(poll().body).error).toBe('authorization_pending');
    expect(json(poll().body).error).toBe('authorization_pending');
    expect(() => harness.state.sso.configure({ interval: -1 })).toThrow(RangeError);
  });
});
