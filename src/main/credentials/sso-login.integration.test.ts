/**
 * The in-app IAM Identity Center sign-in against the sandbox's SSO OIDC and portal APIs: the device flow
 * with the person's approval played by the test, the token cached where the AWS CLI caches it, and the
 * SDK's own `fromIni` / `fromSSO` turning that token into role credentials. A fake clock shared by the
 * sandbox and the sign-in stands in for waiting, so no test sleeps for seconds.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { RegisterClientCommand, SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import { getSSOTokenFilepath } from '@smithy/shared-ini-file-loader';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox';
import { registrationCacheFile, signInWithDeviceFlow, tokenCacheFile, type DeviceAuthorization, type SsoSignInTarget } from './sso-login';

const START_URL = 'https://d-9067c0ffee.awsapps.com/start';
const REGION = 'us-east-1';
const ACCOUNT = '123456789012';

let sandbox: Sandbox;
/** The clock of the sandbox and of the sign-in; fake sleeps move it. */
let now = Date.now();
let home: string;
const savedEnv = { ...process.env };
let sessionCounter = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ clock: () => now });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  // Signers other than the JS SDK's (botocore) do not correct for a sandbox clock far from theirs.
  now = Date.now();
  home = mkdtempSync(join(tmpdir(), 'cloudscope-sso-'));
  process.env.HOME = home;
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, 'no-credentials');
  delete process.env.AWS_PROFILE;
});

afterEach(() => {
  process.env = { ...savedEnv };
  rmSync(home, { recursive: true, force: true });
});

/** An sso-session target with a name no other test uses (the SDK remembers refresh attempts per name). */
function sessionTarget(): SsoSignInTarget {
  sessionCounter += 1;
  return { startUrl: START_URL, region: REGION, sessionName: `cloudscope-${sessionCounter}`, scopes: ['sso:account:access'] };
}

/** A sleep that moves the shared clock instead of waiting; `onSleep` runs after each (1-based). */
function fakeSleep(onSleep: (count: number) => void = () => undefined, advance: (ms: number, count: number) => number = (ms) => ms) {
  const requested: number[] = [];
  const sleep = async (ms: number, signal: AbortSignal): Promise<void> => {
    requested.push(ms);
    now += advance(ms, requested.length);
    onSleep(requested.length);
    signal.throwIfAborted();
  };
  return { sleep, requested };
}

/** Signs in; the person approves after `approveAfter` sleeps (polls keep getting authorization_pending before). */
async function signIn(target: SsoSignInTarget, approveAfter = 2, extra: Partial<Parameters<typeof signInWithDeviceFlow>[1]> = {}) {
  let authorization: DeviceAuthorization | undefined;
  const { sleep, requested } = fakeSleep((count) => {
    if (count === approveAfter && authorization) sandbox.sso.approve(authorization.userCode);
  });
  const result = await signInWithDeviceFlow(target, {
    homeDir: home,
    signal: new AbortController().signal,
    onAuthorize: (value) => {
      authorization = value;
    },
    endpoint: sandbox.endpoint,
    now: () => now,
    sleep,
    ...extra,
  });
  return { result, authorization, requested };
}

function writeConfig(text: string): string {
  // A new file name each time: the SDK caches config files by path.
  const path = join(home, `config-${sessionCounter}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, text);
  process.env.AWS_CONFIG_FILE = path;
  return path;
}

async function callerArn(credentials: Awaited<ReturnType<ReturnType<typeof fromIni>>>): Promise<string | undefined> {
  const sts = new STSClient({ region: REGION, endpoint: sandbox.endpoint, credentials });
  try {
    return (await sts.send(new GetCallerIdentityCommand({}))).Arn;
  } finally {
    sts.destroy();
  }
}

function assumedRoleArn(permissionSet: string, user = 'sandbox-user'): string {
  const role = sandbox.sso.roleArn(ACCOUNT, permissionSet).split('/').pop() ?? '';
  return `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${user}`;
}

describe('signInWithDeviceFlow', () => {
  it('signs in, caches the token as the AWS CLI does, and the SDK’s fromIni turns it into role credentials', async () => {
    const target = sessionTarget();
    const { result, authorization, requested } = await signIn(target);

    expect(authorization).toMatchObject({
      verificationUri: 'https://device.sso.us-east-1.amazonaws.com/',
      userCode: expect.stringMatching(/^[A-Z]{4}-[A-Z]{4}$/),
    });
    expect(authorization?.verificationUriComplete).toBe(`https://device.sso.us-east-1.amazonaws.com/?user_code=${authorization?.userCode}`);
    expect(authorization?.expiresAt).toBe(now - requested.reduce((sum, ms) => sum + ms, 0) + 600_000);
    // The sandbox asks for 1-second polls: pending once, then approved.
    expect(requested).toEqual([1000, 1000]);
    expect(result.expiresAt).toBe(Math.floor((now + 8 * 3600_000) / 1000) * 1000);

    // Where the CLI and the SDK look: sha1 of the sso-session name.
    const file = tokenCacheFile(home, target);
    expect(file).toBe(join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(target.sessionName ?? '').digest('hex')}.json`));
    expect(file).toBe(getSSOTokenFilepath(target.sessionName ?? ''));
    const text = readFileSync(file, 'utf8');
    const token = JSON.parse(text) as Record<string, string>;
    expect(Object.keys(token)).toEqual(['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken']);
    expect(token).toMatchObject({ startUrl: START_URL, region: REGION, expiresAt: new Date(result.expiresAt).toISOString().replace('.000Z', 'Z') });
    expect(token.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(token.registrationExpiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Python's json.dumps layout, as the CLI writes it.
    expect(text.startsWith(`{"startUrl": "${START_URL}", "region": "us-east-1", "accessToken": "`)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, '.aws', 'sso', 'cache')).mode & 0o777).toBe(0o700);

    const registration = JSON.parse(readFileSync(registrationCacheFile(home, target), 'utf8')) as Record<string, unknown>;
    expect(registration).toEqual({
      clientId: token.clientId,
      clientSecret: token.clientSecret,
      expiresAt: token.registrationExpiresAt,
      scopes: ['sso:account:access'],
    });

    writeConfig(
      `[profile dev]\nsso_session = ${target.sessionName}\nsso_account_id = ${ACCOUNT}\nsso_role_name = ReadOnly\nregion = ${REGION}\n\n` +
        `[sso-session ${target.sessionName}]\nsso_start_url = ${START_URL}\nsso_region = ${REGION}\nsso_registration_scopes = sso:account:access\n`,
    );
    const credentials = await fromIni({ profile: 'dev', clientConfig: { endpoint: sandbox.endpoint } })();
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.expiration?.getTime()).toBe(now + 3600_000);
    expect(await callerArn(credentials)).toBe(assumedRoleArn('ReadOnly'));
  });

  it('caches a legacy profile’s token under the start URL, where fromSSO finds it', async () => {
    const target: SsoSignInTarget = { startUrl: `${START_URL}#legacy`, region: REGION };
    await signIn(target, 1);
    const file = tokenCacheFile(home, target);
    expect(file).toBe(getSSOTokenFilepath(target.startUrl));
    const token = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(token).toMatchObject({ startUrl: target.startUrl, region: REGION, clientId: expect.any(String), refreshToken: expect.any(String) });
    // The CLI caches a legacy registration without scopes.
    expect(Object.keys(JSON.parse(readFileSync(registrationCacheFile(home, target), 'utf8')) as object)).toEqual(['clientId', 'clientSecret', 'expiresAt']);

    const credentials = await fromSSO({
      ssoStartUrl: target.startUrl,
      ssoRegion: REGION,
      ssoAccountId: ACCOUNT,
      ssoRoleName: 'Admin',
      clientConfig: { endpoint: sandbox.endpoint },
    })();
    expect(await callerArn(credentials)).toBe(assumedRoleArn('Admin'));
  });

  it('reuses a cached client registration, including one `aws sso login` left, and replaces one about to expire', async () => {
    const target = sessionTarget();
    await signIn(target, 1);
    const first = JSON.parse(readFileSync(registrationCacheFile(home, target), 'utf8')) as { clientId: string };
    await signIn(target, 1);
    const second = JSON.parse(readFileSync(tokenCacheFile(home, target), 'utf8')) as { clientId: string };
    expect(second.clientId).toBe(first.clientId);

    // A registration the CLI cached (its layout, its file), for a client the service knows.
    const oidc = new SSOOIDCClient({ region: REGION, endpoint: sandbox.endpoint });
    const cli = await oidc.send(new RegisterClientCommand({ clientName: 'botocore-client-test', clientType: 'public', scopes: ['sso:account:access'] }));
    oidc.destroy();
    const expiresAt = new Date((cli.clientSecretExpiresAt ?? 0) * 1000).toISOString().replace('.000Z', 'Z');
    writeFileSync(
      registrationCacheFile(home, target),
      `{"clientId": "${cli.clientId}", "clientSecret": "${cli.clientSecret}", "expiresAt": "${expiresAt}", "scopes": ["sso:account:access"]}`,
    );
    await signIn(target, 1);
    expect((JSON.parse(readFileSync(tokenCacheFile(home, target), 'utf8')) as { clientId: string }).clientId).toBe(cli.clientId);

    // Within 15 minutes of its end a registration is replaced, as botocore replaces it.
    writeFileSync(
      registrationCacheFile(home, target),
      JSON.stringify({ clientId: cli.clientId, clientSecret: cli.clientSecret, expiresAt: new Date(now + 10 * 60_000).toISOString() }),
    );
    await signIn(target, 1);
    const replaced = JSON.parse(readFileSync(registrationCacheFile(home, target), 'utf8')) as { clientId: string };
    expect(replaced.clientId).not.toBe(cli.clientId);

    // A cached registration the service does not know (say, from another sandbox) is replaced too.
    writeFileSync(registrationCacheFile(home, target), JSON.stringify({ clientId: 'unknown', clientSecret: 'x', expiresAt: '2099-01-01T00:00:00Z' }));
    await signIn(target, 1);
    expect((JSON.parse(readFileSync(registrationCacheFile(home, target), 'utf8')) as { clientId: string }).clientId).not.toBe('unknown');
  });

  it('says so when the sign-in is denied in the browser', async () => {
    const { sleep } = fakeSleep();
    await expect(
      signInWithDeviceFlow(sessionTarget(), {
        homeDir: home,
        signal: new AbortController().signal,
        onAuthorize: ({ userCode }) => sandbox.sso.deny(userCode),
        endpoint: sandbox.endpoint,
        now: () => now,
        sleep,
      }),
    ).rejects.toThrow('The sign-in was denied in the browser. Sign in again and choose Allow to give Cloudscope access.');
  });

  it('stops when the code expires, by its own clock or by the service’s', async () => {
    const expired = 'The sign-in code expired before it was approved in the browser. Sign in again to get a new code.';
    // Nobody approves; ten minutes pass on the second wait.
    const ownClock = fakeSleep(undefined, (ms, count) => (count === 2 ? 10 * 60_000 : ms));
    await expect(
      signInWithDeviceFlow(sessionTarget(), {
        homeDir: home,
        signal: new AbortController().signal,
        onAuthorize: () => undefined,
        endpoint: sandbox.endpoint,
        now: () => now,
        sleep: ownClock.sleep,
      }),
    ).rejects.toThrow(expired);
    expect(ownClock.requested).toHaveLength(2);

    // The app's clock lags; the service answers ExpiredTokenException.
    const lagging = now;
    const serviceClock = fakeSleep(undefined, (ms, count) => (count === 2 ? 10 * 60_000 : ms));
    await expect(
      signInWithDeviceFlow(sessionTarget(), {
        homeDir: home,
        signal: new AbortController().signal,
        onAuthorize: () => undefined,
        endpoint: sandbox.endpoint,
        now: () => lagging,
        sleep: serviceClock.sleep,
      }),
    ).rejects.toThrow(expired);
  });

  it('slows down by 5 seconds when told to, and then gets through', async () => {
    let authorization: DeviceAuthorization | undefined;
    // The first wait is cut short (as if the machine slept badly), so the second poll comes too soon.
    const { sleep, requested } = fakeSleep(
      (count) => {
        if (count === 3 && authorization) sandbox.sso.approve(authorization.userCode);
      },
      (ms, count) => (count === 2 ? ms / 2 : ms),
    );
    const target = sessionTarget();
    await signInWithDeviceFlow(target, {
      homeDir: home,
      signal: new AbortController().signal,
      onAuthorize: (value) => {
        authorization = value;
      },
      endpoint: sandbox.endpoint,
      now: () => now,
      sleep,
    });
    // 1 s (pending), 0.5 s (slow_down), then 6 s (approved).
    expect(requested).toEqual([1000, 1000, 6000]);
    expect(JSON.parse(readFileSync(tokenCacheFile(home, target), 'utf8'))).toHaveProperty('accessToken');
  });

  it('stops polling at once when cancelled, and writes nothing', async () => {
    const target = sessionTarget();
    const controller = new AbortController();
    const started = performance.now();
    // The real sleep: the sandbox asks for 1-second polls; the abort comes after 20 ms.
    const signIn = signInWithDeviceFlow(target, {
      homeDir: home,
      signal: controller.signal,
      onAuthorize: () => setTimeout(() => controller.abort(), 20),
      endpoint: sandbox.endpoint,
    });
    await expect(signIn).rejects.toThrow('The sign-in was cancelled.');
    expect(performance.now() - started).toBeLessThan(900);
    expect(() => readFileSync(tokenCacheFile(home, target))).toThrow(/ENOENT/);

    const already = AbortSignal.abort();
    await expect(signInWithDeviceFlow(target, { homeDir: home, signal: already, onAuthorize: () => undefined, endpoint: sandbox.endpoint })).rejects.toThrow(
      'The sign-in was cancelled.',
    );
  });

  it('explains an endpoint it cannot reach', async () => {
    await expect(
      signInWithDeviceFlow(sessionTarget(), {
        homeDir: home,
        signal: new AbortController().signal,
        onAuthorize: () => undefined,
        endpoint: 'http://127.0.0.1:9',
      }),
    ).rejects.toThrow(/^Could not reach http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)\. Check your network connection and the SSO region \(us-east-1\), then sign in again\.$/);
  });
});
