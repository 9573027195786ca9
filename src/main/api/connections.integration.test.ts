/**
 * Connections end to end through main/api: profiles from config files in a temporary HOME, the SDK's
 * own providers, keys in a (memory) keychain, MFA and IAM Identity Center sign-in — all against the
 * sandbox, which plays STS, SSO and CloudWatch Logs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallerIdentity, ConnectionList, Scope, SignInProgress } from '../../shared/contract';
import type { ApiError } from '../../shared/errors';
import type { StreamMessage, WireResult } from '../../shared/rpc';
import { startSandbox, type Sandbox } from '../../sandbox';
import { createApi, type Api } from './index';
import { isolatedApiOptions, type IsolatedApiOptions } from './testing';

const SENTINEL_SECRET = 'SENTINEL-secret-7f3a9c1e-do-not-leak';
const MFA_SERIAL = 'arn:aws:iam::123456789012:mfa/ops';
const MFA_ROLE = 'arn:aws:iam::123456789012:role/OpsAdmin';

let sandbox: Sandbox;
let api: Api;
let options: IsolatedApiOptions;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  sandbox.logs('us-east-1').createGroups([{ name: '/app/one', creationTime: Date.now() }]);
  sandbox.identity.configureRole(MFA_ROLE, { mfa: { serialNumber: MFA_SERIAL, tokenCode: '123456' } });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  options = isolatedApiOptions(async () => sandbox.endpoint);
  const aws = join(options.homeDir, '.aws');
  mkdirSync(aws, { recursive: true });
  writeFileSync(
    join(aws, 'config'),
    [
      '[default]',
      'region = eu-west-1',
      '',
      '[profile base]',
      'region = us-east-1',
      '',
      '[profile ops]',
      `role_arn = ${MFA_ROLE}`,
      'source_profile = base',
      `mfa_serial = ${MFA_SERIAL}`,
      'region = us-east-1',
      '',
      '[profile sso-dev]',
      'sso_session = corp',
      'sso_account_id = 123456789012',
      'sso_role_name = ReadOnly',
      'region = us-east-1',
      '',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'sso_region = us-east-1',
      'sso_registration_scopes = sso:account:access',
      '',
      '[profile broken',
      'region = us-west-2',
    ].join('\n'),
  );
  writeFileSync(
    join(aws, 'credentials'),
    ['[base]', 'aws_access_key_id = AKIABASEEXAMPLE00001', `aws_secret_access_key = base-${SENTINEL_SECRET}`].join('\n'),
  );
  // The SDK's own providers read the process environment: give them the same temporary HOME.
  for (const name of ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
    vi.stubEnv(name, undefined);
  }
  vi.stubEnv('HOME', options.homeDir);
  vi.stubEnv('AWS_CONFIG_FILE', join(aws, 'config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(aws, 'credentials'));
  vi.stubEnv('AWS_ENDPOINT_URL', sandbox.endpoint);
  api = createApi({ ...options, env: process.env });
});

afterEach(() => {
  api.dispose();
  options.cleanup();
  vi.unstubAllEnvs();
  sandbox.identity.reset();
  sandbox.identity.configureRole(MFA_ROLE, { mfa: { serialNumber: MFA_SERIAL, tokenCode: '123456' } });
});

async function call(method: string, request: unknown = {}): Promise<WireResult> {
  return api.dispatcher.call(method, request, new AbortController().signal);
}

async function ok<T>(method: string, request: unknown = {}): Promise<T> {
  const result = await call(method, request);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function failure(method: string, request: unknown = {}): Promise<ApiError> {
  const result = await call(method, request);
  if (result.ok) throw new Error(`${method} was expected to fail`);
  return result.error;
}

async function listGroupsError(): Promise<ApiError | undefined> {
  let error: ApiError | undefined;
  await api.dispatcher.subscribe('logs.listGroups', {}, new AbortController().signal, (message) => {
    if (message.type === 'error') error = message.error;
  });
  return error;
}

describe('listing', () => {
  it('offers the demo, every profile with its kind, and says which config line is broken', async () => {
    const list = await ok<ConnectionList>('connections.list');
    const byName = new Map(list.connections.map((connection) => [connection.name, connection]));
    expect(byName.get('Demo (local sandbox)')?.kind).toBe('demo');
    expect(byName.get('default')?.profile?.credentialKind).toBe('unknown');
    expect(byName.get('base')?.profile).toMatchObject({ credentialKind: 'static', accessKeyId: 'AKIABASEEXAMPLE00001' });
    expect(byName.get('ops')?.profile).toMatchObject({ credentialKind: 'assume-role', mfaSerial: MFA_SERIAL, chain: ['ops', 'base'] });
    expect(byName.get('sso-dev')?.profile).toMatchObject({ credentialKind: 'sso', ssoSession: 'corp', ssoStartUrl: 'https://corp.awsapps.com/start' });
    expect(list.configProblems).toEqual([expect.objectContaining({ file: process.env['AWS_CONFIG_FILE'], line: 24 })]);
    expect(list.keychain.available).toBe(true);
    expect(JSON.stringify(list)).not.toContain(SENTINEL_SECRET);
  });

  it('opens on the default profile when there is one, with its region first in the picker', async () => {
    const scope = await ok<Scope>('connections.current');
    expect(scope.connection.id).toBe('profile:default');
    expect(scope.region).toBe('eu-west-1');
    expect(scope.regions[0]?.code).toBe('eu-west-1');
  });

  it('lists environment credentials when the environment has keys, and AWS_REGION wins over profiles', async () => {
    api.dispose();
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAENVEXAMPLE000001');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', `env-${SENTINEL_SECRET}`);
    vi.stubEnv('AWS_REGION', 'ap-southeast-2');
    api = createApi({ ...options, env: process.env });
    const list = await ok<ConnectionList>('connections.list');
    const environment = list.connections.find((connection) => connection.kind === 'environment');
    expect(environment).toMatchObject({ accessKeyId: 'AKIAENVEXAMPLE000001', defaultRegion: 'ap-southeast-2' });
    expect(list.connections.find((connection) => connection.name === 'base')?.defaultRegion).toBe('ap-southeast-2');
    expect(JSON.stringify(list)).not.toContain(SENTINEL_SECRET);
    const identity = await ok<CallerIdentity>('connections.check', { connectionId: 'environment' });
    expect(identity.arn).toContain(':user/');
  });

  it('remembers recently used regions and puts them after the default', async () => {
    await ok<Scope>('connections.select', { connectionId: 'profile:base', region: 'ap-northeast-1' });
    await ok<Scope>('connections.select', { connectionId: 'profile:base', region: 'sa-east-1' });
    const scope = await ok<Scope>('connections.select', { connectionId: 'profile:base', region: 'us-east-1' });
    expect(scope.regions.slice(0, 3).map((region) => region.code)).toEqual(['us-east-1', 'sa-east-1', 'ap-northeast-1']);
  });
});

describe('connections created in the app', () => {
  const create = () =>
    ok<{ id: string }>('connections.create', {
      name: 'Sandbox keys',
      accessKeyId: 'AKIAAPPKEYEXAMPLE001',
      secretAccessKey: SENTINEL_SECRET,
      defaultRegion: 'us-east-1',
      endpoint: sandbox.endpoint,
    });

  it('keeps the secret in the keychain only, and works against its custom endpoint', async () => {
    const created = await create();
    expect(JSON.stringify(created)).not.toContain(SENTINEL_SECRET);
    expect(await options.secrets.get(created.id)).toContain(SENTINEL_SECRET);
    expect(readFileSync(options.settingsFile, 'utf8')).not.toContain(SENTINEL_SECRET);

    await ok('connections.select', { connectionId: created.id });
    expect(await listGroupsError()).toBeUndefined();
    const identity = await ok<CallerIdentity>('connections.check', { connectionId: created.id });
    expect(identity.account).toBe('123456789012');
  });

  it('editing keeps the stored secret unless a new one is typed; deleting removes both', async () => {
    const created = await create();
    await ok('connections.update', { connectionId: created.id, name: 'Renamed' });
    expect(await options.secrets.get(created.id)).toContain(SENTINEL_SECRET);
    await ok('connections.update', { connectionId: created.id, secretAccessKey: 'a-new-secret', sessionToken: 'a-token' });
    expect(await options.secrets.get(created.id)).toContain('a-new-secret');
    const list = await ok<ConnectionList>('connections.list');
    expect(list.connections.find((connection) => connection.id === created.id)).toMatchObject({ name: 'Renamed', hasSessionToken: true });

    await ok('connections.select', { connectionId: created.id });
    await ok('connections.delete', { connectionId: created.id });
    expect(await options.secrets.get(created.id)).toBeUndefined();
    expect(readFileSync(options.settingsFile, 'utf8')).not.toContain(created.id);
    expect((await ok<Scope>('connections.current')).connection.id).not.toBe(created.id);
  });

  it('refuses to create one without a keychain, and says to use a profile', async () => {
    api.dispose();
    const { memorySecretStore } = await import('../credentials/secret-store');
    api = createApi({ ...options, env: process.env, secrets: memorySecretStore({ unavailableReason: 'No keychain here.' }) });
    const error = await failure('connections.create', {
      name: 'x',
      accessKeyId: 'AKIAAPPKEYEXAMPLE001',
      secretAccessKey: SENTINEL_SECRET,
      defaultRegion: 'us-east-1',
    });
    expect(error.code).toBe('KeychainUnavailable');
    expect(error.message).toMatch(/No keychain here\..*profile/);
    expect(JSON.stringify(error)).not.toContain(SENTINEL_SECRET);
  });

  it('turns revoked keys, a missing permission and a dead endpoint into sentences', async () => {
    const created = await create();
    await ok('connections.select', { connectionId: created.id });

    sandbox.identity.deny('AKIAAPPKEYEXAMPLE001', 'logs:DescribeLogGroups');
    const denied = await listGroupsError();
    expect(denied).toMatchObject({ code: 'AccessDenied' });
    expect(denied?.message).toMatch(/not allowed to call logs:DescribeLogGroups/);

    sandbox.identity.revoke('AKIAAPPKEYEXAMPLE001');
    const revoked = await failure('connections.check', { connectionId: created.id });
    expect(revoked.code).toBe('Unauthenticated');
    expect(revoked.message).toMatch(/access key may be wrong, deactivated or deleted/);

    const dead = await ok<{ id: string }>('connections.create', {
      name: 'Stopped LocalStack',
      accessKeyId: 'AKIAAPPKEYEXAMPLE002',
      secretAccessKey: SENTINEL_SECRET,
      defaultRegion: 'us-east-1',
      endpoint: 'http://127.0.0.1:9',
    });
    const unreachable = await failure('connections.check', { connectionId: dead.id });
    expect(unreachable.code).toBe('Unreachable');
  });
});

describe('assume-role with MFA', () => {
  it('asks for the code, refuses a wrong one, and then uses the role', async () => {
    await ok('connections.select', { connectionId: 'profile:ops' });
    const required = await listGroupsError();
    expect(required).toMatchObject({ code: 'MfaRequired' });
    expect(required?.message).toContain(MFA_SERIAL);

    const wrong = await failure('connections.provideMfaCode', { connectionId: 'profile:ops', code: '000000' });
    expect(wrong.code).toBe('MfaRequired');
    expect(wrong.message).toMatch(/not accepted/);

    await ok('connections.provideMfaCode', { connectionId: 'profile:ops', code: '123456' });
    expect(await listGroupsError()).toBeUndefined();
    const identity = await ok<CallerIdentity>('connections.check', { connectionId: 'profile:ops' });
    expect(identity.arn).toMatch(/^arn:aws:sts::123456789012:assumed-role\/OpsAdmin\//);
  });
});

describe('IAM Identity Center sign-in', () => {
  it('says to sign in, runs the device flow, and then works with the cached token', async () => {
    const before = await failure('connections.check', { connectionId: 'profile:sso-dev' });
    expect(before.code).toBe('SignInRequired');

    const messages: StreamMessage[] = [];
    const signedIn = api.dispatcher.subscribe('connections.signIn', { connectionId: 'profile:sso-dev' }, new AbortController().signal, (message) => {
      messages.push(message);
      if (message.type === 'next') {
        const progress = message.value as SignInProgress;
        if (progress.stage === 'authorize') sandbox.sso.approve(progress.userCode);
      }
    });
    await signedIn;
    const stages = messages.map((message) => (message.type === 'next' ? (message.value as SignInProgress).stage : message.type));
    expect(stages).toEqual(['authorize', 'signed-in', 'complete']);
    const authorize = (messages[0] as { value: Extract<SignInProgress, { stage: 'authorize' }> }).value;
    expect(options.opened).toEqual([authorize.verificationUriComplete]);

    const identity = await ok<CallerIdentity>('connections.check', { connectionId: 'profile:sso-dev' });
    expect(identity.arn).toContain('AWSReservedSSO_ReadOnly');
  });

  it('stops polling when the user cancels', async () => {
    const controller = new AbortController();
    const messages: StreamMessage[] = [];
    const signIn = api.dispatcher.subscribe('connections.signIn', { connectionId: 'profile:sso-dev' }, controller.signal, (message) => {
      messages.push(message);
      controller.abort();
    });
    await signIn;
    expect(messages.map((message) => message.type)).toEqual(['next']);
    expect(await failure('connections.check', { connectionId: 'profile:sso-dev' })).toMatchObject({ code: 'SignInRequired' });
  });
});
