/**
 * The sandbox's credential services through the real AWS SDK v3 clients and credential providers, as the
 * app's connection features use them: STS AssumeRole (MFA, external ID) and AssumeRoleWithWebIdentity,
 * IAM Identity Center (SSO OIDC device flow, portal role credentials, token refresh), the identity
 * controls (revoked keys, denied actions, expired credentials) and request-time checks with the SDK's
 * clock-skew correction. The last suite records how to point the providers' inner STS, SSO and SSO OIDC
 * clients at a custom endpoint.
 */
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
  type StartDeviceAuthorizationCommandOutput,
} from '@aws-sdk/client-sso-oidc';
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromSSO, fromTemporaryCredentials, fromTokenFile } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity } from '@smithy/types';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index';
import { rejectionOf } from './test-support';

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const STATIC = { accessKeyId: 'AKIASANDBOXCALLER', secretAccessKey: 'sandbox-secret' };
const START_URL = 'https://d-9067c0ffee.awsapps.com/start';
const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

type SdkError = Error & { $metadata: { httpStatusCode?: number; attempts?: number }; error?: string };

const failure = (call: Promise<unknown>) => rejectionOf<SdkError>(call);

let sandbox: Sandbox;
/** The sandbox clock: real time plus this offset. */
let offset = 0;
let home: string;
const savedEnv = { ...process.env };
let files = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ clock: () => Date.now() + offset });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  offset = 0;
  home = mkdtempSync(join(tmpdir(), 'sandbox-credentials-'));
  process.env.HOME = home;
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, 'no-credentials');
  process.env.AWS_CONFIG_FILE = join(home, 'no-config');
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION']) delete process.env[name];
});

afterEach(() => {
  process.env = { ...savedEnv };
  sandbox.identity.reset();
  rmSync(home, { recursive: true, force: true });
});

function sts(credentials?: AwsCredentialIdentity, maxAttempts = 3): STSClient {
  return new STSClient({ region: REGION, endpoint: sandbox.endpoint, maxAttempts, ...(credentials ? { credentials } : {}) });
}

function logs(credentials: AwsCredentialIdentity = STATIC, maxAttempts = 3): CloudWatchLogsClient {
  return new CloudWatchLogsClient({ region: REGION, endpoint: sandbox.endpoint, credentials, maxAttempts });
}

async function whoAmI(credentials: AwsCredentialIdentity): Promise<{ Arn?: string; Account?: string }> {
  const client = sts(credentials);
  try {
    return await client.send(new GetCallerIdentityCommand({}));
  } finally {
    client.destroy();
  }
}

/** A config file under a new name each time (the SDK caches config files by path). */
function writeConfig(text: string): string {
  files += 1;
  const path = join(home, `config-${files}`);
  writeFileSync(path, text);
  process.env.AWS_CONFIG_FILE = path;
  return path;
}

function jwt(claims: object): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(claims)}.c2ln`;
}

describe('STS through the SDK', () => {
  it('assumes a role; the credentials are the role session for GetCallerIdentity', async () => {
    const client = sts(STATIC);
    const role = 'arn:aws:iam::210987654321:role/Deployer';
    const assumed = await client.send(new AssumeRoleCommand({ RoleArn: role, RoleSessionName: 'deploy', DurationSeconds: 900 }));
    client.destroy();
    expect(assumed.AssumedRoleUser).toEqual({ Arn: 'arn:aws:sts::210987654321:assumed-role/Deployer/deploy', AssumedRoleId: expect.stringMatching(/^AROA\w{17}:deploy$/) });
    expect(assumed.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(assumed.Credentials?.Expiration).toBeInstanceOf(Date);
    expect(Math.abs((assumed.Credentials?.Expiration?.getTime() ?? 0) - (Date.now() + 900_000))).toBeLessThan(5000);
    const credentials = {
      accessKeyId: assumed.Credentials?.AccessKeyId ?? '',
      secretAccessKey: assumed.Credentials?.SecretAccessKey ?? '',
      sessionToken: assumed.Credentials?.SessionToken ?? '',
    };
    expect(await whoAmI(credentials)).toMatchObject({ Arn: 'arn:aws:sts::210987654321:assumed-role/Deployer/deploy', Account: '210987654321' });
    // The sandbox user, for any key it did not issue.
    expect(await whoAmI(STATIC)).toMatchObject({ Arn: `arn:aws:iam::${ACCOUNT}:user/sandbox`, Account: ACCOUNT });
  });

  it('answers AWS’s errors with their codes and statuses', async () => {
    const role = 'arn:aws:iam::123456789012:role/Guarded';
    sandbox.identity.configureRole(role, { mfa: { serialNumber: 'arn:aws:iam::123456789012:mfa/alice', tokenCode: '123456' } });
    const client = sts(STATIC, 1);
    const mfa = await failure(
      client.send(new AssumeRoleCommand({ RoleArn: role, RoleSessionName: 'session', SerialNumber: 'arn:aws:iam::123456789012:mfa/alice', TokenCode: '000000' })),
    );
    expect([mfa.name, mfa.message, mfa.$metadata.httpStatusCode]).toEqual(['AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', 403]);
    const duration = await failure(client.send(new AssumeRoleCommand({ RoleArn: role, RoleSessionName: 'session', DurationSeconds: 600 })));
    expect([duration.name, duration.$metadata.httpStatusCode]).toEqual(['ValidationError', 400]);
    client.destroy();
  });

  it('takes AssumeRoleWithWebIdentity unsigned, from a client without credentials', async () => {
    const client = sts();
    const token = jwt({ iss: 'https://idp.example.com', sub: 'ci-runner', aud: 'sts.amazonaws.com', exp: Math.floor(Date.now() / 1000) + 600 });
    const answer = await client.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::123456789012:role/CI', RoleSessionName: 'build-7', WebIdentityToken: token }),
    );
    expect(answer).toMatchObject({
      SubjectFromWebIdentityToken: 'ci-runner',
      Audience: 'sts.amazonaws.com',
      Provider: 'https://idp.example.com',
      AssumedRoleUser: { Arn: 'arn:aws:sts::123456789012:assumed-role/CI/build-7' },
    });
    const expired = await failure(
      client.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: 'arn:aws:iam::123456789012:role/CI',
          RoleSessionName: 'build-7',
          WebIdentityToken: jwt({ sub: 'x', exp: Math.floor(Date.now() / 1000) - 60 }),
        }),
      ),
    );
    expect([expired.name, expired.$metadata.httpStatusCode]).toEqual(['ExpiredTokenException', 400]);
    client.destroy();
  });

  it('works with fromTemporaryCredentials, including MFA', async () => {
    const role = 'arn:aws:iam::123456789012:role/Admin';
    sandbox.identity.configureRole(role, { mfa: { serialNumber: 'arn:aws:iam::123456789012:mfa/alice', tokenCode: '246810' } });
    const provider = fromTemporaryCredentials({
      masterCredentials: STATIC,
      params: { RoleArn: role, RoleSessionName: 'admin-session', SerialNumber: 'arn:aws:iam::123456789012:mfa/alice' },
      mfaCodeProvider: async () => '246810',
      clientConfig: { region: REGION, endpoint: sandbox.endpoint },
    });
    expect((await whoAmI(await provider())).Arn).toBe('arn:aws:sts::123456789012:assumed-role/Admin/admin-session');
  });

  it('works with fromIni role profiles (source_profile, mfa_serial, external_id) and fromTokenFile', async () => {
    const role = 'arn:aws:iam::123456789012:role/Partner';
    sandbox.identity.configureRole(role, { externalId: 'acme-42', mfa: { serialNumber: 'arn:aws:iam::123456789012:mfa/alice', tokenCode: '112233' } });
    writeConfig(
      `[profile base]\naws_access_key_id = ${STATIC.accessKeyId}\naws_secret_access_key = ${STATIC.secretAccessKey}\n\n` +
        `[profile partner]\nrole_arn = ${role}\nsource_profile = base\nexternal_id = acme-42\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n` +
        `role_session_name = alice\nregion = ${REGION}\n`,
    );
    const withCode = (code: string) => fromIni({ profile: 'partner', clientConfig: { endpoint: sandbox.endpoint }, mfaCodeProvider: async () => code });
    expect((await whoAmI(await withCode('112233')())).Arn).toBe('arn:aws:sts::123456789012:assumed-role/Partner/alice');
    await expect(withCode('999999')()).rejects.toThrow('MultiFactorAuthentication failed with invalid MFA one time pass code.');

    const tokenFile = join(home, 'token.jwt');
    writeFileSync(tokenFile, jwt({ sub: 'pod', exp: Math.floor(Date.now() / 1000) + 600 }));
    const web = fromTokenFile({ webIdentityTokenFile: tokenFile, roleArn: 'arn:aws:iam::123456789012:role/Pod', roleSessionName: 'pod-1', clientConfig: { region: REGION, endpoint: sandbox.endpoint } });
    expect((await whoAmI(await web())).Arn).toBe('arn:aws:sts::123456789012:assumed-role/Pod/pod-1');
  });
});

describe('identity controls through the SDK', () => {
  it('revoked keys: UnrecognizedClientException from CloudWatch Logs, InvalidClientTokenId from STS', async () => {
    const key = { accessKeyId: 'AKIAREVOKEDEXAMPLE', secretAccessKey: 'x' };
    sandbox.identity.revoke(key.accessKeyId);
    const logsError = await failure(logs(key, 1).send(new DescribeLogGroupsCommand({})));
    expect([logsError.name, logsError.message, logsError.$metadata.httpStatusCode]).toEqual([
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
      400,
    ]);
    const stsError = await failure(sts(key, 1).send(new GetCallerIdentityCommand({})));
    expect([stsError.name, stsError.message, stsError.$metadata.httpStatusCode]).toEqual([
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
      403,
    ]);
    sandbox.identity.restore(key.accessKeyId);
    expect((await logs(key).send(new DescribeLogGroupsCommand({}))).$metadata.httpStatusCode).toBe(200);
  });

  it('denied actions: AccessDeniedException naming the caller, the action and the resource', async () => {
    const client = sts(STATIC);
    const assumed = await client.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/ReadOnly', RoleSessionName: 'viewer' }));
    client.destroy();
    const credentials = {
      accessKeyId: assumed.Credentials?.AccessKeyId ?? '',
      secretAccessKey: assumed.Credentials?.SecretAccessKey ?? '',
      sessionToken: assumed.Credentials?.SessionToken ?? '',
    };
    sandbox.identity.deny(credentials.accessKeyId, 'logs:DescribeLogGroups');
    const denied = await failure(logs(credentials, 1).send(new DescribeLogGroupsCommand({})));
    expect([denied.name, denied.message, denied.$metadata.httpStatusCode]).toEqual([
      'AccessDeniedException',
      'User: arn:aws:sts::123456789012:assumed-role/ReadOnly/viewer is not authorized to perform: logs:DescribeLogGroups on resource: arn:aws:logs:us-east-1:123456789012:log-group::log-stream: because no identity-based policy allows the logs:DescribeLogGroups action',
      400,
    ]);
    expect(sandbox.identity.describe(credentials.accessKeyId)).toMatchObject({ kind: 'assumed-role', roleArn: 'arn:aws:iam::123456789012:role/ReadOnly' });

    sandbox.identity.expire(credentials.accessKeyId);
    const expired = await failure(sts(credentials, 1).send(new GetCallerIdentityCommand({})));
    expect([expired.name, expired.$metadata.httpStatusCode]).toEqual(['ExpiredToken', 400]);
  });
});

describe('request time (clock skew) through the SDK', () => {
  it('refuses requests signed 20 minutes off, and the SDK corrects its clock from the Date header and retries', async () => {
    offset = 20 * 60_000;
    const once = await failure(sts(STATIC, 1).send(new GetCallerIdentityCommand({})));
    expect([once.name, once.$metadata.httpStatusCode]).toEqual(['SignatureDoesNotMatch', 403]);
    expect(once.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);

    const logsOnce = await failure(logs(STATIC, 1).send(new DescribeLogGroupsCommand({})));
    expect([logsOnce.name, logsOnce.$metadata.httpStatusCode]).toEqual(['InvalidSignatureException', 400]);
    expect(logsOnce.message).toMatch(/ - 5 min\.\)$/);

    const client = logs(STATIC, 3);
    const corrected = await client.send(new DescribeLogGroupsCommand({}));
    expect(corrected.$metadata.attempts).toBe(2);
    expect((await client.send(new DescribeLogGroupsCommand({}))).$metadata.attempts).toBe(1);
    client.destroy();

    offset = -20 * 60_000;
    const early = await failure(sts(STATIC, 1).send(new GetCallerIdentityCommand({})));
    expect(early.message).toMatch(/^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$/);
  });
});

describe('IAM Identity Center through the SDK', () => {
  async function deviceFlow(oidc: SSOOIDCClient) {
    const client = await oidc.send(new RegisterClientCommand({ clientName: 'sdk-test', clientType: 'public', scopes: ['sso:account:access'] }));
    const started: StartDeviceAuthorizationCommandOutput = await oidc.send(
      new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl: START_URL }),
    );
    const poll = () =>
      oidc.send(new CreateTokenCommand({ clientId: client.clientId, clientSecret: client.clientSecret, grantType: DEVICE_CODE_GRANT, deviceCode: started.deviceCode }));
    return { client, started, poll };
  }

  it('runs the device flow: pending, slow_down, denied, expired, and the token', async () => {
    const oidc = new SSOOIDCClient({ region: REGION, endpoint: sandbox.endpoint });
    const { client, started, poll } = await deviceFlow(oidc);
    expect(started).toMatchObject({ expiresIn: 600, interval: 1, verificationUri: 'https://device.sso.us-east-1.amazonaws.com/' });

    const pending = await failure(poll());
    expect([pending.name, pending.error, pending.$metadata.httpStatusCode]).toEqual(['AuthorizationPendingException', 'authorization_pending', 400]);
    const tooFast = await failure(poll());
    expect([tooFast.name, tooFast.error]).toEqual(['SlowDownException', 'slow_down']);

    sandbox.sso.approve(started.userCode ?? '');
    offset += 10_000;
    const token = await poll();
    expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: 28_800, accessToken: expect.any(String), refreshToken: expect.any(String) });

    const wrongSecret = await failure(
      oidc.send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: 'wrong', startUrl: START_URL })),
    );
    expect([wrongSecret.name, wrongSecret.$metadata.httpStatusCode]).toEqual(['InvalidClientException', 401]);

    const denied = await deviceFlow(oidc);
    sandbox.sso.deny(denied.started.userCode ?? '');
    expect((await failure(denied.poll())).name).toBe('AccessDeniedException');

    const late = await deviceFlow(oidc);
    offset += 601_000;
    expect((await failure(late.poll())).name).toBe('ExpiredTokenException');
    oidc.destroy();
  });

  it('lets fromIni refresh a token about to expire (refresh_token grant) and get role credentials', async () => {
    const oidc = new SSOOIDCClient({ region: REGION, endpoint: sandbox.endpoint });
    const { client, started, poll } = await deviceFlow(oidc);
    sandbox.sso.approve(started.userCode ?? '', { userName: 'alice' });
    const token = await poll();
    oidc.destroy();

    // A token that ends within the SDK's 5-minute window, with what it needs to refresh it.
    const session = 'refreshing';
    const cache = join(home, '.aws', 'sso', 'cache');
    mkdirSync(cache, { recursive: true });
    const file = join(cache, `${createHash('sha1').update(session).digest('hex')}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        startUrl: START_URL,
        region: REGION,
        accessToken: token.accessToken,
        expiresAt: new Date(Date.now() + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        registrationExpiresAt: new Date((client.clientSecretExpiresAt ?? 0) * 1000).toISOString(),
        refreshToken: token.refreshToken,
      }),
    );
    writeConfig(
      `[profile dev]\nsso_session = ${session}\nsso_account_id = ${ACCOUNT}\nsso_role_name = Admin\nregion = ${REGION}\n\n` +
        `[sso-session ${session}]\nsso_start_url = ${START_URL}\nsso_region = ${REGION}\n`,
    );
    const credentials = await fromIni({ profile: 'dev', clientConfig: { endpoint: sandbox.endpoint } })();
    const roleName = sandbox.sso.roleArn(ACCOUNT, 'Admin').split('/').pop();
    expect((await whoAmI(credentials)).Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/alice`);
    const refreshed = JSON.parse(readFileSync(file, 'utf8')) as { accessToken: string; refreshToken: string };
    expect(refreshed.accessToken).not.toBe(token.accessToken);
    expect(refreshed.refreshToken).not.toBe(token.refreshToken);
  });

  it('reports an expired token as the portal’s 401 UnauthorizedException', async () => {
    const oidc = new SSOOIDCClient({ region: REGION, endpoint: sandbox.endpoint });
    const { started, poll } = await deviceFlow(oidc);
    sandbox.sso.approve(started.userCode ?? '');
    const token = await poll();
    oidc.destroy();
    const cache = join(home, '.aws', 'sso', 'cache');
    mkdirSync(cache, { recursive: true });
    writeFileSync(
      join(cache, `${createHash('sha1').update(START_URL).digest('hex')}.json`),
      JSON.stringify({ startUrl: START_URL, region: REGION, accessToken: token.accessToken, expiresAt: new Date(Date.now() + 3600_000).toISOString() }),
    );
    const provider = fromSSO({ ssoStartUrl: START_URL, ssoRegion: REGION, ssoAccountId: ACCOUNT, ssoRoleName: 'ReadOnly', clientConfig: { endpoint: sandbox.endpoint } });
    expect((await provider()).accessKeyId).toMatch(/^ASIA/);
    sandbox.sso.expireTokens(token.accessToken);
    await expect(provider()).rejects.toThrow('Session token not found or invalid');

    const raw = await fetch(`${sandbox.endpoint}/federation/credentials?role_name=ReadOnly&account_id=${ACCOUNT}`, {
      headers: { 'x-amz-sso_bearer_token': token.accessToken ?? '' },
    });
    expect([raw.status, raw.headers.get('x-amzn-errortype'), await raw.json()]).toEqual([
      401,
      'UnauthorizedException:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/',
      { message: 'Session token not found or invalid', __type: 'com.amazonaws.switchboard.portal#UnauthorizedException' },
    ]);
  });
});

/**
 * How to point the SDK's inner clients (the STS, SSO and SSO OIDC clients the credential providers create)
 * at the sandbox, as verified with the installed SDK:
 * - `clientConfig: { endpoint }` on fromIni reaches AssumeRole (role profiles), SSO and SSO OIDC (token
 *   refresh); it does NOT reach the STS client of web-identity profiles (fromIni does not pass clientConfig
 *   to fromTokenFile; fromTokenFile/fromWebToken given clientConfig directly do use it);
 * - `AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL_SSO`, `AWS_ENDPOINT_URL_SSO_OIDC` (or `AWS_ENDPOINT_URL`)
 *   reach all of them;
 * - `endpoint_url` (or a `services` section) in the config file counts only for the profile the inner
 *   clients resolve themselves: `AWS_PROFILE`, else `default` — not the `profile` given to fromIni.
 */
describe('pointing the credential providers’ inner clients at the sandbox', () => {
  const tokenFile = (): string => {
    const path = join(home, 'web.jwt');
    writeFileSync(path, jwt({ sub: 'pod', exp: Math.floor(Date.now() / 1000) + 600 }));
    return path;
  };

  it('AWS_ENDPOINT_URL_STS reaches the web-identity STS client that clientConfig does not', async () => {
    process.env.AWS_ENDPOINT_URL_STS = sandbox.endpoint;
    // fromIni does not hand the profile's region to the web-identity STS client either.
    process.env.AWS_REGION = REGION;
    writeConfig(`[profile web]\nrole_arn = arn:aws:iam::123456789012:role/Pod\nweb_identity_token_file = ${tokenFile()}\nrole_session_name = pod-2\nregion = ${REGION}\n`);
    expect((await whoAmI(await fromIni({ profile: 'web' })())).Arn).toBe('arn:aws:sts::123456789012:assumed-role/Pod/pod-2');
  });

  it('AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL_STS serve SSO and role profiles without clientConfig', async () => {
    process.env.AWS_ENDPOINT_URL_STS = sandbox.endpoint;
    process.env.AWS_ENDPOINT_URL_SSO = sandbox.endpoint;
    process.env.AWS_ENDPOINT_URL_SSO_OIDC = sandbox.endpoint;
    const oidc = new SSOOIDCClient({ region: REGION });
    const { started, poll } = await deviceFlow(oidc);
    sandbox.sso.approve(started.userCode ?? '');
    const token = await poll();
    oidc.destroy();
    const cache = join(home, '.aws', 'sso', 'cache');
    mkdirSync(cache, { recursive: true });
    writeFileSync(
      join(cache, `${createHash('sha1').update('env-session').digest('hex')}.json`),
      JSON.stringify({ startUrl: START_URL, region: REGION, accessToken: token.accessToken, expiresAt: new Date(Date.now() + 3600_000).toISOString() }),
    );
    writeConfig(
      `[profile sso]\nsso_session = env-session\nsso_account_id = ${ACCOUNT}\nsso_role_name = ReadOnly\nregion = ${REGION}\n\n` +
        `[sso-session env-session]\nsso_start_url = ${START_URL}\nsso_region = ${REGION}\n\n` +
        `[profile chained]\nsource_profile = sso\nrole_arn = arn:aws:iam::123456789012:role/Ops\nrole_session_name = ops\nregion = ${REGION}\n`,
    );
    expect((await whoAmI(await fromIni({ profile: 'sso' })())).Arn).toMatch(/assumed-role\/AWSReservedSSO_ReadOnly_[0-9a-f]{16}\/sandbox-user$/);
    expect((await whoAmI(await fromIni({ profile: 'chained' })())).Arn).toBe('arn:aws:sts::123456789012:assumed-role/Ops/ops');
  });

  it('endpoint_url in the profile counts when that profile is AWS_PROFILE', async () => {
    process.env.AWS_PROFILE = 'role';
    writeConfig(
      `[profile base]\naws_access_key_id = ${STATIC.accessKeyId}\naws_secret_access_key = x\n\n` +
        `[profile role]\nrole_arn = arn:aws:iam::123456789012:role/Deployer\nsource_profile = base\nrole_session_name = via-profile\nregion = ${REGION}\nendpoint_url = ${sandbox.endpoint}\n`,
    );
    expect((await whoAmI(await fromIni({ profile: 'role' })())).Arn).toBe('arn:aws:sts::123456789012:assumed-role/Deployer/via-profile');
  });

  async function deviceFlow(oidc: SSOOIDCClient) {
    const client = await oidc.send(new RegisterClientCommand({ clientName: 'env-test', clientType: 'public' }));
    const started = await oidc.send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl: START_URL }));
    const poll = () =>
      oidc.send(new CreateTokenCommand({ clientId: client.clientId, clientSecret: client.clientSecret, grantType: DEVICE_CODE_GRANT, deviceCode: started.deviceCode }));
    return { started, poll };
  }
});
