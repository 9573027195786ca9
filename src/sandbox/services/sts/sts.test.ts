import { describe, expect, it } from 'vitest';
import { credentialsOf, jwt, RouterHarness, TEST_NOW, xmlText } from '../../test-support';

const ROLE = 'arn:aws:iam::210987654321:role/team/Deployer';
const MFA_DEVICE = 'arn:aws:iam::123456789012:mfa/alice';

function assume(harness: RouterHarness, extra: Record<string, string> = {}, signer = {}) {
  return harness.sts({ Action: 'AssumeRole', RoleArn: ROLE, RoleSessionName: 'alice', ...extra }, signer);
}

function errorOf(body: string): { code?: string; message?: string } {
  return { code: xmlText(body, 'Code'), message: xmlText(body, 'Message')?.replace(/&quot;/g, '"').replace(/&apos;/g, "'") };
}

describe('STS AssumeRole', () => {
  it('issues ASIA credentials for an hour and an assumed-role user in the role’s account', () => {
    const harness = new RouterHarness();
    const response = assume(harness);
    expect(response.status).toBe(200);
    expect(response.body).toMatch(
      /^<AssumeRoleResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/"><AssumeRoleResult><AssumedRoleUser><AssumedRoleId>AROA[A-Z2-7]{17}:alice<\/AssumedRoleId><Arn>arn:aws:sts::210987654321:assumed-role\/Deployer\/alice<\/Arn><\/AssumedRoleUser><Credentials><AccessKeyId>ASIA[A-Z2-7]{16}<\/AccessKeyId><SecretAccessKey>[A-Za-z0-9+/]{40}<\/SecretAccessKey><SessionToken>IQoJb3JpZ2luX2Vj[A-Za-z0-9+/=]+<\/SessionToken><Expiration>2025-01-15T13:00:00Z<\/Expiration><\/Credentials><\/AssumeRoleResult><ResponseMetadata>/,
    );
    // The same role has the same ID every time, as IAM's roles do.
    expect(xmlText(assume(harness).body, 'AssumedRoleId')).toBe(xmlText(response.body, 'AssumedRoleId'));
    expect(xmlText(assume(harness, { SourceIdentity: 'alice@example.com' }).body, 'SourceIdentity')).toBe('alice@example.com');
  });

  it('remembers the credentials: GetCallerIdentity signed with them names the role session', () => {
    const harness = new RouterHarness();
    const credentials = credentialsOf(assume(harness).body);
    const identity = harness.sts({ Action: 'GetCallerIdentity' }, credentials).body;
    expect([xmlText(identity, 'Arn'), xmlText(identity, 'Account')]).toEqual(['arn:aws:sts::210987654321:assumed-role/Deployer/alice', '210987654321']);
    expect(xmlText(identity, 'UserId')).toMatch(/^AROA[A-Z2-7]{17}:alice$/);
    // Any other key is the sandbox's IAM user, as before.
    expect(xmlText(harness.sts({ Action: 'GetCallerIdentity' }, { accessKeyId: 'AKIAOTHER' }).body, 'Arn')).toBe('arn:aws:iam::123456789012:user/sandbox');
    // The issued key with another session token is not recognized.
    const wrongToken = harness.sts({ Action: 'GetCallerIdentity' }, { ...credentials, sessionToken: 'other' });
    expect([wrongToken.status, errorOf(wrongToken.body).code]).toEqual([403, 'InvalidClientTokenId']);
  });

  it('expires the credentials by the sandbox clock', () => {
    const harness = new RouterHarness();
    const credentials = credentialsOf(assume(harness, { DurationSeconds: '900' }).body);
    expect(credentials.expiration).toBe('2025-01-15T12:15:00Z');
    harness.now += 15 * 60_000;
    const expired = harness.sts({ Action: 'GetCallerIdentity' }, credentials);
    expect(expired.status).toBe(400);
    expect(errorOf(expired.body)).toEqual({ code: 'ExpiredToken', message: 'The security token included in the request is expired' });
    const logs = harness.logs('DescribeLogGroups', {}, credentials);
    expect(JSON.parse(logs.body)).toEqual({ __type: 'ExpiredTokenException', message: 'The security token included in the request is expired' });
  });

  it('validates its parameters as AWS does', () => {
    const harness = new RouterHarness();
    const cases: [Record<string, string>, string][] = [
      [
        { DurationSeconds: '600' },
        "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
      ],
      [
        { DurationSeconds: '43201' },
        "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
      ],
      [{ DurationSeconds: '7200' }, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'],
      // Before any other check: the role session name is invalid too.
      [{ DurationSeconds: '1h', RoleSessionName: 'a b' }, "Value '1h' for parameter DurationSeconds is invalid. It must be an integer."],
      [{ DurationSeconds: '12345678901' }, "Value '12345678901' for parameter DurationSeconds is invalid. It must be an integer."],
      [
        { RoleSessionName: 'a b' },
        "1 validation error detected: Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
      ],
      [{ RoleArn: 'arn:aws:iam::123456789012:user/alice' }, 'Request ARN is invalid'],
      [
        { RoleArn: 'role' },
        "1 validation error detected: Value 'role' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
      ],
    ];
    for (const [parameters, message] of cases) {
      const response = assume(harness, parameters);
      expect([response.status, errorOf(response.body)], JSON.stringify(parameters)).toEqual([400, { code: 'ValidationError', message }]);
    }
    const missing = harness.sts({ Action: 'AssumeRole', RoleArn: ROLE });
    expect(errorOf(missing.body).message).toBe("1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");

    harness.state.identity.configureRole(ROLE, { maxSessionDurationSeconds: 7200 });
    expect(credentialsOf(assume(harness, { DurationSeconds: '7200' }).body).expiration).toBe('2025-01-15T14:00:00Z');
  });

  it('limits role chaining to one hour', () => {
    const harness = new RouterHarness();
    harness.state.identity.configureRole(ROLE, { maxSessionDurationSeconds: 43_200 });
    const first = credentialsOf(assume(harness).body);
    const chained = assume(harness, { DurationSeconds: '7200' }, first);
    expect(errorOf(chained.body)).toEqual({
      code: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    });
    const hop = credentialsOf(assume(harness, { RoleSessionName: 'hop' }, first).body);
    expect(xmlText(harness.sts({ Action: 'GetCallerIdentity' }, hop).body, 'Arn')).toBe('arn:aws:sts::210987654321:assumed-role/Deployer/hop');
  });

  it('enforces a role’s external ID', () => {
    const harness = new RouterHarness();
    harness.state.identity.configureRole(ROLE, { externalId: 'partner-42' });
    const denied = `User: arn:aws:iam::123456789012:user/sandbox is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`;
    for (const extra of [{}, { ExternalId: 'partner-41' }] as Record<string, string>[]) {
      const response = assume(harness, extra);
      expect([response.status, errorOf(response.body)]).toEqual([403, { code: 'AccessDenied', message: denied }]);
    }
    expect(assume(harness, { ExternalId: 'partner-42' }).status).toBe(200);
  });

  it('enforces a role’s MFA requirement with AWS’s messages', () => {
    const harness = new RouterHarness();
    harness.state.identity.configureRole(ROLE, { mfa: { serialNumber: MFA_DEVICE, tokenCode: '123456' } });
    const cases: [Record<string, string>, string][] = [
      [{}, `User: arn:aws:iam::123456789012:user/sandbox is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`],
      [{ SerialNumber: MFA_DEVICE }, 'MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.'],
      [
        { SerialNumber: 'arn:aws:iam::123456789012:mfa/bob', TokenCode: '123456' },
        'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
      ],
      [{ SerialNumber: MFA_DEVICE, TokenCode: '654321' }, 'MultiFactorAuthentication failed with invalid MFA one time pass code.'],
    ];
    for (const [extra, message] of cases) {
      const response = assume(harness, extra);
      expect([response.status, errorOf(response.body)], JSON.stringify(extra)).toEqual([403, { code: 'AccessDenied', message }]);
    }
    const malformed = assume(harness, { SerialNumber: MFA_DEVICE, TokenCode: '12345x' });
    expect(errorOf(malformed.body).message).toBe(
      "1 validation error detected: Value '12345x' at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\d]*",
    );
    expect(assume(harness, { SerialNumber: MFA_DEVICE, TokenCode: '123456' }).status).toBe(200);
    expect(() => harness.state.identity.configureRole(ROLE, { mfa: { serialNumber: MFA_DEVICE, tokenCode: '12' } })).toThrow(RangeError);
  });
});

describe('STS AssumeRoleWithWebIdentity', () => {
  const token = jwt({ iss: 'https://token.actions.githubusercontent.com', sub: 'repo:acme/app:ref:refs/heads/main', aud: 'sts.amazonaws.com', exp: TEST_NOW / 1000 + 600 });

  it('is accepted unsigned, and names the token’s subject, audience and provider', () => {
    const harness = new RouterHarness();
    const response = harness.sts({ Action: 'AssumeRoleWithWebIdentity', RoleArn: ROLE, RoleSessionName: 'ci', WebIdentityToken: token }, 'unsigned');
    expect(response.status).toBe(200);
    expect(response.body).toMatch(
      /<AssumeRoleWithWebIdentityResult><SubjectFromWebIdentityToken>repo:acme\/app:ref:refs\/heads\/main<\/SubjectFromWebIdentityToken><Audience>sts.amazonaws.com<\/Audience><AssumedRoleUser><AssumedRoleId>AROA[A-Z2-7]{17}:ci<\/AssumedRoleId><Arn>arn:aws:sts::210987654321:assumed-role\/Deployer\/ci<\/Arn><\/AssumedRoleUser><Credentials>.*<\/Credentials><Provider>https:\/\/token.actions.githubusercontent.com<\/Provider><\/AssumeRoleWithWebIdentityResult>/,
    );
    const identity = harness.sts({ Action: 'GetCallerIdentity' }, credentialsOf(response.body)).body;
    expect(xmlText(identity, 'Arn')).toBe('arn:aws:sts::210987654321:assumed-role/Deployer/ci');
  });

  it('refuses a token that is not a JWT, or has expired', () => {
    const harness = new RouterHarness();
    const call = (webIdentityToken: string) =>
      harness.sts({ Action: 'AssumeRoleWithWebIdentity', RoleArn: ROLE, RoleSessionName: 'ci', WebIdentityToken: webIdentityToken }, 'unsigned');
    expect(errorOf(call('not-a-jwt').body).code).toBe('InvalidIdentityToken');
    harness.now = TEST_NOW + 3600_000;
    expect(errorOf(call(token).body)).toEqual({
      code: 'ExpiredTokenException',
      message: `Token expired: current date/time ${(TEST_NOW + 3600_000) / 1000} must be before the expiration date/time ${TEST_NOW / 1000 + 600}`,
    });
  });

  it('leaves every other unsigned request refused', () => {
    const harness = new RouterHarness();
    const response = harness.sts({ Action: 'AssumeRole', RoleArn: ROLE, RoleSessionName: 'x' }, 'unsigned');
    expect([response.status, errorOf(response.body).code]).toEqual([403, 'MissingAuthenticationToken']);
  });
});
