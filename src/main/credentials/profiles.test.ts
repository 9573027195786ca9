import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { fromIni } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles, parseKnownFiles } from '@smithy/shared-ini-file-loader';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadProfiles, sharedFilePaths } from './profiles';
import type { LoadedProfiles, ProfileSummary } from './profiles';

/** Every secret in the fixtures contains this; no summary or message may. */
const SENTINEL = 'SENTINEL';
const secret = (n: number): string => `wJalrXUtnFEMI/K7MDENG/bPxRfiCY${SENTINEL}${n}`;
const token = (n: number): string => `IQoJb3JpZ2luX2VjE${SENTINEL}TOKEN${n}`;

let home: string;

beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'cloudscope-profiles-'));
  await mkdir(path.join(home, '.aws'));
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;
const configPath = (): string => path.join(home, '.aws', 'config');
const credentialsPath = (): string => path.join(home, '.aws', 'credentials');

async function write(files: { config?: string; credentials?: string }): Promise<void> {
  if (files.config !== undefined) await writeFile(configPath(), files.config);
  if (files.credentials !== undefined) await writeFile(credentialsPath(), files.credentials);
}

async function load(env: Record<string, string | undefined> = {}): Promise<LoadedProfiles> {
  return loadProfiles({ env, homeDir: home });
}

function profile(loaded: LoadedProfiles, name: string): ProfileSummary {
  const found = loaded.profiles.find((p) => p.name === name);
  if (found === undefined) throw new Error(`no profile ${name} in ${loaded.profiles.map((p) => p.name).join(', ')}`);
  return found;
}

function expectNoSecrets(loaded: LoadedProfiles): void {
  const text = JSON.stringify(loaded);
  expect(text).not.toContain(SENTINEL);
}

describe('sharedFilePaths', () => {
  it('defaults to ~/.aws/config and ~/.aws/credentials', () => {
    expect(sharedFilePaths({}, '/home/ana')).toEqual({
      configFile: path.join('/home/ana', '.aws', 'config'),
      credentialsFile: path.join('/home/ana', '.aws', 'credentials'),
    });
  });

  it('uses AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, expanding a leading ~', () => {
    expect(sharedFilePaths({ AWS_CONFIG_FILE: '~/work/aws-config', AWS_SHARED_CREDENTIALS_FILE: '/etc/aws/creds' }, '/home/ana')).toEqual({
      configFile: path.join('/home/ana', 'work', 'aws-config'),
      credentialsFile: '/etc/aws/creds',
    });
    expect(sharedFilePaths({ AWS_CONFIG_FILE: '~' }, '/home/ana').configFile).toBe('/home/ana');
  });

  it('treats an empty variable as unset and leaves ~user and $VAR as written', () => {
    expect(sharedFilePaths({ AWS_CONFIG_FILE: '', AWS_SHARED_CREDENTIALS_FILE: '~bob/creds' }, '/home/ana')).toEqual({
      configFile: path.join('/home/ana', '.aws', 'config'),
      credentialsFile: '~bob/creds',
    });
    expect(sharedFilePaths({ AWS_CONFIG_FILE: '$HOME/x', HOME: '/h' }, '/home/ana').configFile).toBe('$HOME/x');
  });
});

describe('loadProfiles: one profile of each kind', () => {
  it('static keys (credentials file): shows the access key id, never the secret or session token', async () => {
    await write({
      credentials: lines('[static]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', `aws_secret_access_key = ${secret(1)}`, `aws_session_token = ${token(1)}`),
      config: lines('[profile static]', 'region = eu-central-1', 'endpoint_url = http://localhost:4566'),
    });
    const loaded = await load();
    expect(loaded.profiles).toEqual([
      {
        name: 'static',
        kind: 'static',
        region: 'eu-central-1',
        endpointUrl: 'http://localhost:4566',
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        sources: ['config', 'credentials'],
      },
    ]);
    expect(loaded.problems).toEqual([]);
    expectNoSecrets(loaded);
  });

  it('legacy SSO: start URL, region, account and role on the profile', async () => {
    await write({
      config: lines(
        '[profile legacy-sso]',
        'sso_start_url = https://my-sso-portal.awsapps.com/start',
        'sso_region = us-east-1',
        'sso_account_id = 111122223333',
        'sso_role_name = ReadOnly',
        'region = us-west-2',
      ),
    });
    const loaded = await load();
    expect(profile(loaded, 'legacy-sso')).toEqual({
      name: 'legacy-sso',
      kind: 'sso',
      region: 'us-west-2',
      ssoStartUrl: 'https://my-sso-portal.awsapps.com/start',
      ssoRegion: 'us-east-1',
      ssoAccountId: '111122223333',
      ssoRoleName: 'ReadOnly',
      sources: ['config'],
    });
  });

  it('SSO with an [sso-session] section: start URL and region come from the session', async () => {
    await write({
      config: lines(
        '[profile dev-sso]',
        'sso_session = my-sso',
        'sso_account_id = 444455556666',
        'sso_role_name = Developer',
        '',
        '[sso-session my-sso]',
        'sso_region = eu-west-1',
        'sso_start_url = https://example.awsapps.com/start',
        'sso_registration_scopes = sso:account:access',
      ),
    });
    const loaded = await load();
    expect(loaded.profiles).toEqual([
      {
        name: 'dev-sso',
        kind: 'sso',
        ssoSession: 'my-sso',
        ssoStartUrl: 'https://example.awsapps.com/start',
        ssoRegion: 'eu-west-1',
        ssoRegistrationScopes: ['sso:account:access'],
        ssoAccountId: '444455556666',
        ssoRoleName: 'Developer',
        sources: ['config'],
      },
    ]);
    expect(loaded.problems).toEqual([]);
  });

  it('assume-role with source_profile: the chain ends at the static profile', async () => {
    await write({
      credentials: lines('[dev]', 'aws_access_key_id = AKIADEV', `aws_secret_access_key = ${secret(2)}`),
      config: lines('[profile dev-admin]', 'role_arn = arn:aws:iam::123456789012:role/Admin', 'source_profile = dev', 'region = ap-southeast-2'),
    });
    const loaded = await load();
    expect(profile(loaded, 'dev-admin')).toEqual({
      name: 'dev-admin',
      kind: 'assume-role',
      region: 'ap-southeast-2',
      roleArn: 'arn:aws:iam::123456789012:role/Admin',
      sourceProfile: 'dev',
      chain: ['dev-admin', 'dev'],
      sources: ['config'],
    });
    expect(profile(loaded, 'dev')).toEqual({ name: 'dev', kind: 'static', accessKeyId: 'AKIADEV', sources: ['credentials'] });
    expectNoSecrets(loaded);
  });

  it('assume-role with credential_source', async () => {
    await write({ config: lines('[profile on-ec2]', 'role_arn = arn:aws:iam::123456789012:role/Reader', 'credential_source = Ec2InstanceMetadata') });
    expect(profile(await load(), 'on-ec2')).toEqual({
      name: 'on-ec2',
      kind: 'assume-role',
      roleArn: 'arn:aws:iam::123456789012:role/Reader',
      credentialSource: 'Ec2InstanceMetadata',
      chain: ['on-ec2'],
      sources: ['config'],
    });
  });

  it('assume-role with external_id, mfa_serial and duration_seconds: external_id is a flag, not a value', async () => {
    await write({
      credentials: lines('[base]', 'aws_access_key_id = AKIABASE', `aws_secret_access_key = ${secret(3)}`),
      config: lines(
        '[profile partner]',
        'role_arn = arn:aws:iam::999999999999:role/Partner',
        'source_profile = base',
        `external_id = ${SENTINEL}-external-id`,
        'mfa_serial = arn:aws:iam::123456789012:mfa/ana',
        'duration_seconds = 7200',
        'role_session_name = ana',
      ),
    });
    const loaded = await load();
    expect(profile(loaded, 'partner')).toEqual({
      name: 'partner',
      kind: 'assume-role',
      roleArn: 'arn:aws:iam::999999999999:role/Partner',
      sourceProfile: 'base',
      externalId: true,
      mfaSerial: 'arn:aws:iam::123456789012:mfa/ana',
      durationSeconds: 7200,
      chain: ['partner', 'base'],
      sources: ['config'],
    });
    expectNoSecrets(loaded);
  });

  it('a 3-level chain: each source_profile down to the base credentials', async () => {
    await write({
      config: lines(
        '[profile top]',
        'role_arn = arn:aws:iam::111111111111:role/Top',
        'source_profile = middle',
        '[profile middle]',
        'role_arn = arn:aws:iam::222222222222:role/Middle',
        'source_profile = bottom',
        '[profile bottom]',
        'sso_session = corp',
        'sso_account_id = 333333333333',
        'sso_role_name = Base',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = us-east-2',
      ),
    });
    const loaded = await load();
    expect(profile(loaded, 'top')).toEqual({
      name: 'top',
      kind: 'assume-role',
      roleArn: 'arn:aws:iam::111111111111:role/Top',
      sourceProfile: 'middle',
      chain: ['top', 'middle', 'bottom'],
      sources: ['config'],
    });
    expect(profile(loaded, 'middle').chain).toEqual(['middle', 'bottom']);
    expect(profile(loaded, 'bottom').kind).toBe('sso');
    expect(loaded.problems).toEqual([]);
  });

  it('a source profile with credential_source and no role_arn ends the chain', async () => {
    await write({
      config: lines(
        '[profile role]',
        'role_arn = arn:aws:iam::111111111111:role/R',
        'source_profile = from-env',
        '[profile from-env]',
        'credential_source = Environment',
      ),
    });
    const loaded = await load();
    expect(profile(loaded, 'role')).toMatchObject({ kind: 'assume-role', chain: ['role', 'from-env'] });
    expect(profile(loaded, 'role').problem).toBeUndefined();
    // On its own, such a profile resolves nothing (the SDK throws; botocore has no provider for it either).
    expect(profile(loaded, 'from-env')).toMatchObject({ kind: 'unknown', credentialSource: 'Environment' });
    expect(profile(loaded, 'from-env').problem).toBe(
      "This profile has credential_source but no role_arn; that only works in a profile used as another profile's source_profile, so add the role_arn to assume.",
    );
  });

  it('credential_process: the command line is shown', async () => {
    await write({ config: lines('[profile proc]', 'credential_process = /usr/local/bin/aws-vault export --format=json work') });
    expect(profile(await load(), 'proc')).toEqual({
      name: 'proc',
      kind: 'credential-process',
      credentialProcess: '/usr/local/bin/aws-vault export --format=json work',
      sources: ['config'],
    });
  });

  it('web identity', async () => {
    await write({
      config: lines('[profile eks]', 'role_arn = arn:aws:iam::123456789012:role/Pod', 'web_identity_token_file = /var/run/secrets/token', 'role_session_name = pod'),
    });
    expect(profile(await load(), 'eks')).toEqual({
      name: 'eks',
      kind: 'web-identity',
      roleArn: 'arn:aws:iam::123456789012:role/Pod',
      webIdentityTokenFile: '/var/run/secrets/token',
      sources: ['config'],
    });
  });

  it('a login_session profile (aws login) is unknown to the contract but has no problem', async () => {
    await write({ config: lines('[profile console]', 'login_session = arn:aws:iam::123456789012:user/ana', 'region = us-east-1') });
    expect(profile(await load(), 'console')).toEqual({
      name: 'console',
      kind: 'unknown',
      region: 'us-east-1',
      loginSession: 'arn:aws:iam::123456789012:user/ana',
      sources: ['config'],
    });
  });
});

describe('loadProfiles: precedence between kinds follows the SDK (resolveProfileData)', () => {
  const sso = ['sso_start_url = https://x.awsapps.com/start', 'sso_region = us-east-1', 'sso_account_id = 111122223333', 'sso_role_name = R'];

  beforeEach(async () => {
    await write({
      config: lines(
        '[profile role-and-keys]',
        'role_arn = arn:aws:iam::123456789012:role/R',
        'source_profile = keys',
        'aws_access_key_id = AKIAROLEKEYS',
        `aws_secret_access_key = ${secret(4)}`,
        '[profile keys]',
        'aws_access_key_id = AKIAKEYS',
        `aws_secret_access_key = ${secret(5)}`,
        '[profile keys-and-web]',
        'aws_access_key_id = AKIAKW',
        `aws_secret_access_key = ${secret(6)}`,
        'role_arn = arn:aws:iam::123456789012:role/W',
        'web_identity_token_file = /tmp/token',
        '[profile web-and-process]',
        'role_arn = arn:aws:iam::123456789012:role/W',
        'web_identity_token_file = /tmp/token',
        'credential_process = /bin/creds',
        '[profile process-and-sso]',
        'credential_process = /bin/creds',
        ...sso,
        '[profile keys-and-sso]',
        'aws_access_key_id = AKIAKS',
        `aws_secret_access_key = ${secret(7)}`,
        ...sso,
      ),
    });
  });

  it.each([
    ['role-and-keys', 'assume-role'],
    ['keys-and-web', 'static'],
    ['web-and-process', 'web-identity'],
    ['process-and-sso', 'credential-process'],
    ['keys-and-sso', 'static'],
  ])('%s → %s', async (name, kind) => {
    const loaded = await load();
    expect(profile(loaded, name).kind).toBe(kind);
    expect(profile(loaded, name).problem).toBeUndefined();
    expectNoSecrets(loaded);
  });

  it('agrees with the SDK itself: fromIni returns the static keys where static wins over sso and web identity', async () => {
    for (const [name, keyId] of [
      ['keys-and-sso', 'AKIAKS'],
      ['keys-and-web', 'AKIAKW'],
    ] as const) {
      const credentials = await fromIni({ profile: name, filepath: credentialsPath(), configFilepath: configPath(), ignoreCache: true })();
      expect(credentials.accessKeyId).toBe(keyId);
    }
  });

  it('agrees with the SDK itself: credential_process wins over sso', async () => {
    const script = path.join(home, 'creds.sh');
    await writeFile(script, `#!/bin/sh\necho '{"Version":1,"AccessKeyId":"AKIAPROCESS","SecretAccessKey":"${secret(8)}"}'\n`);
    await chmod(script, 0o755);
    await write({ config: lines('[profile process-and-sso]', `credential_process = ${script}`, ...sso) });
    const credentials = await fromIni({ profile: 'process-and-sso', filepath: credentialsPath(), configFilepath: configPath(), ignoreCache: true })();
    expect(credentials.accessKeyId).toBe('AKIAPROCESS');
    expect(profile(await load(), 'process-and-sso').kind).toBe('credential-process');
  });
});

describe('loadProfiles: merging the two files', () => {
  it('merges settings per profile; for the same key the credentials file wins', async () => {
    await write({
      config: lines('[default]', 'region = us-east-1', 'output = json', 'aws_access_key_id = AKIACONFIG', `aws_secret_access_key = ${secret(9)}`, '[profile only-config]', 'region = eu-north-1'),
      credentials: lines('[default]', 'aws_access_key_id = AKIACREDS', `aws_secret_access_key = ${secret(10)}`, 'region = sa-east-1', '[only-creds]', 'aws_access_key_id = AKIAONLY', `aws_secret_access_key = ${secret(11)}`),
    });
    const loaded = await load();
    expect(loaded.profiles).toEqual([
      { name: 'default', kind: 'static', region: 'sa-east-1', accessKeyId: 'AKIACREDS', sources: ['config', 'credentials'] },
      {
        name: 'only-config',
        kind: 'unknown',
        region: 'eu-north-1',
        problem:
          'This profile has no credentials: add aws_access_key_id and aws_secret_access_key, sso_session, role_arn with source_profile or credential_source, or credential_process.',
        sources: ['config'],
      },
      { name: 'only-creds', kind: 'static', accessKeyId: 'AKIAONLY', sources: ['credentials'] },
    ]);
    expectNoSecrets(loaded);
  });

  it('reads the same names and values as the SDK for a well-formed pair of files', async () => {
    await write({
      config: lines(
        '[default]',
        'region = us-east-1',
        '[profile a]',
        'region = eu-west-1',
        's3 =',
        '  addressing_style = path',
        'output = text',
        '[sso-session s]',
        'sso_region = us-east-1',
        '[services local]',
        'logs =',
        '  endpoint_url = http://localhost:4566',
      ),
      credentials: lines('[a]', 'region = eu-west-2', '[b]', 'aws_access_key_id = AKIAB', `aws_secret_access_key = ${secret(12)}`),
    });
    const sdk = await parseKnownFiles({ filepath: credentialsPath(), configFilepath: configPath(), ignoreCache: true });
    const loaded = await load();
    expect(loaded.profiles.map((p) => p.name).sort()).toEqual(Object.keys(sdk).filter((k) => !k.includes('.')).sort());
    expect(profile(loaded, 'a').region).toBe(sdk['a']?.['region']);
    expect(profile(loaded, 'default').region).toBe(sdk['default']?.['region']);
    expect(profile(loaded, 'b').accessKeyId).toBe(sdk['b']?.['aws_access_key_id']);
    expect(loaded.problems).toEqual([]);
  });
});

describe('loadProfiles: environment', () => {
  beforeEach(async () => {
    await write({ config: lines('[default]', 'region = us-east-1', '[profile zeta]', 'region = z', '[profile alpha]', 'region = a', '[profile Beta]', 'region = b') });
  });

  it('sorts the selected profile (default) first, then by name', async () => {
    const loaded = await load();
    expect(loaded.selectedProfile).toBe('default');
    expect(loaded.profiles.map((p) => p.name)).toEqual(['default', 'alpha', 'Beta', 'zeta']);
    expect(loaded.envRegion).toBeUndefined();
    expect(loaded).not.toHaveProperty('envRegion');
  });

  it('AWS_PROFILE selects a profile and puts it first; AWS_DEFAULT_PROFILE is the fallback', async () => {
    expect((await load({ AWS_PROFILE: 'zeta', AWS_DEFAULT_PROFILE: 'alpha' })).profiles.map((p) => p.name)).toEqual(['zeta', 'alpha', 'Beta', 'default']);
    const fallback = await load({ AWS_DEFAULT_PROFILE: 'alpha' });
    expect(fallback.selectedProfile).toBe('alpha');
    expect(fallback.profiles[0]?.name).toBe('alpha');
    const missing = await load({ AWS_PROFILE: 'nope' });
    expect(missing.selectedProfile).toBe('nope');
    expect(missing.profiles.map((p) => p.name)).toEqual(['alpha', 'Beta', 'default', 'zeta']);
  });

  it('AWS_REGION wins over AWS_DEFAULT_REGION', async () => {
    expect((await load({ AWS_REGION: 'eu-west-3', AWS_DEFAULT_REGION: 'us-east-2' })).envRegion).toBe('eu-west-3');
    expect((await load({ AWS_DEFAULT_REGION: 'us-east-2' })).envRegion).toBe('us-east-2');
    expect((await load({ AWS_REGION: '', AWS_DEFAULT_REGION: 'us-east-2' })).envRegion).toBe('us-east-2');
  });

  it('AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE replace the files in ~/.aws', async () => {
    const elsewhere = path.join(home, 'elsewhere');
    await mkdir(elsewhere);
    await writeFile(path.join(elsewhere, 'cfg'), lines('[profile from-env-config]', 'region = ca-central-1'));
    await writeFile(path.join(elsewhere, 'creds'), lines('[from-env-creds]', 'aws_access_key_id = AKIAENV', `aws_secret_access_key = ${secret(13)}`));
    const loaded = await load({ AWS_CONFIG_FILE: '~/elsewhere/cfg', AWS_SHARED_CREDENTIALS_FILE: path.join(elsewhere, 'creds') });
    expect(loaded.paths).toEqual({ configFile: path.join(elsewhere, 'cfg'), credentialsFile: path.join(elsewhere, 'creds') });
    expect(loaded.profiles.map((p) => [p.name, p.kind, p.sources])).toEqual([
      ['from-env-config', 'unknown', ['config']],
      ['from-env-creds', 'static', ['credentials']],
    ]);
    expectNoSecrets(loaded);
  });
});

describe('loadProfiles: chains that cannot work', () => {
  it('reports a missing source profile', async () => {
    await write({ config: lines('[profile orphan]', 'role_arn = arn:aws:iam::123456789012:role/R', 'source_profile = ghost') });
    expect(profile(await load(), 'orphan')).toMatchObject({
      kind: 'assume-role',
      chain: ['orphan', 'ghost'],
      problem: 'This profile names source_profile "ghost", which is not defined in the config or credentials file.',
    });
  });

  it('reports a cycle, for every profile on it', async () => {
    await write({
      config: lines(
        '[profile a]',
        'role_arn = arn:aws:iam::123456789012:role/A',
        'source_profile = b',
        '[profile b]',
        'role_arn = arn:aws:iam::123456789012:role/B',
        'source_profile = a',
        '[profile c]',
        'role_arn = arn:aws:iam::123456789012:role/C',
        'source_profile = a',
      ),
    });
    const loaded = await load();
    expect(profile(loaded, 'a')).toMatchObject({ chain: ['a', 'b', 'a'], problem: 'The source_profile chain loops back to "a" (a → b → a); break the loop.' });
    expect(profile(loaded, 'b').problem).toBe('The source_profile chain loops back to "b" (b → a → b); break the loop.');
    expect(profile(loaded, 'c').problem).toBe('The source_profile chain loops back to "a" (c → a → b → a); break the loop.');
  });

  it('allows a profile to be its own source_profile when it has static keys (as the CLI and SDK do)', async () => {
    await write({
      config: lines(
        '[profile self-keys]',
        'role_arn = arn:aws:iam::123456789012:role/R',
        'source_profile = self-keys',
        'aws_access_key_id = AKIASELF',
        `aws_secret_access_key = ${secret(14)}`,
        '[profile self-no-keys]',
        'role_arn = arn:aws:iam::123456789012:role/R',
        'source_profile = self-no-keys',
      ),
    });
    const loaded = await load();
    expect(profile(loaded, 'self-keys')).toEqual({
      name: 'self-keys',
      kind: 'assume-role',
      accessKeyId: 'AKIASELF',
      roleArn: 'arn:aws:iam::123456789012:role/R',
      sourceProfile: 'self-keys',
      chain: ['self-keys', 'self-keys'],
      sources: ['config'],
    });
    expect(profile(loaded, 'self-no-keys').problem).toBe(
      'This profile names itself as source_profile but has no aws_access_key_id and aws_secret_access_key to start from.',
    );
    expectNoSecrets(loaded);
  });

  it('reports a loop back to a profile with static keys, which the AWS CLI refuses', async () => {
    // The SDK would resolve b → a → b(keys); botocore raises InfiniteLoopConfigError.
    await write({
      config: lines(
        '[profile a]',
        'role_arn = arn:aws:iam::123456789012:role/A',
        'source_profile = b',
        '[profile b]',
        'role_arn = arn:aws:iam::123456789012:role/B',
        'source_profile = a',
        'aws_access_key_id = AKIAB',
        `aws_secret_access_key = ${secret(15)}`,
      ),
    });
    const loaded = await load();
    // a's source b has keys, so b's own role and source are ignored: a works.
    expect(profile(loaded, 'a')).toMatchObject({ chain: ['a', 'b'] });
    expect(profile(loaded, 'a').problem).toBeUndefined();
    expect(profile(loaded, 'b').problem).toBe('The source_profile chain loops back to "b" (b → a → b); break the loop.');
  });

  it('passes a source profile\'s problem on to the profiles that use it', async () => {
    await write({
      config: lines(
        '[profile top]',
        'role_arn = arn:aws:iam::123456789012:role/Top',
        'source_profile = mid',
        '[profile mid]',
        'role_arn = arn:aws:iam::123456789012:role/Mid',
        'source_profile = sso-broken',
        '[profile sso-broken]',
        'sso_session = nowhere',
        'sso_account_id = 123456789012',
        'sso_role_name = R',
        '[profile half]',
        'aws_access_key_id = AKIAHALF',
        '[profile uses-half]',
        'role_arn = arn:aws:iam::123456789012:role/H',
        'source_profile = half',
        '[profile uses-region-only]',
        'role_arn = arn:aws:iam::123456789012:role/H',
        'source_profile = region-only',
        '[profile region-only]',
        'region = us-east-1',
      ),
    });
    const loaded = await load();
    const ssoMessage = 'uses sso_session "nowhere", but the config file has no [sso-session nowhere] section; add one with sso_start_url and sso_region.';
    expect(profile(loaded, 'sso-broken').problem).toBe(`This profile ${ssoMessage}`);
    expect(profile(loaded, 'mid').problem).toBe(`Source profile "sso-broken" ${ssoMessage}`);
    expect(profile(loaded, 'top')).toMatchObject({ chain: ['top', 'mid', 'sso-broken'], problem: `Source profile "sso-broken" ${ssoMessage}` });
    expect(profile(loaded, 'uses-half').problem).toBe('Source profile "half" has aws_access_key_id but no aws_secret_access_key; add the secret access key.');
    expect(profile(loaded, 'uses-region-only').problem).toBe(
      'Source profile "region-only" has no credentials to act as a source profile: add aws_access_key_id and aws_secret_access_key, sso_session, role_arn with source_profile or credential_source, or credential_process.',
    );
  });

  it('reports role_arn without a source, with both sources, and an invalid credential_source or duration', async () => {
    await write({
      config: lines(
        '[profile no-source]',
        'role_arn = arn:aws:iam::123456789012:role/R',
        '[profile no-source-with-keys]',
        'role_arn = arn:aws:iam::123456789012:role/R',
        'aws_access_key_id = AKIANSK',
        `aws_secret_access_key = ${secret(16)}`,
        '[profile both]',
        'role_arn = arn:aws:iam::123456789012:role/R',
        'source_profile = no-source-with-keys',
        'credential_source = Environment',
        '[profile both-with-keys]',
        'role_arn = arn:aws:iam::123456789012:role/R',
        'source_profile = no-source-with-keys',
        'credential_source = Environment',
        'aws_access_key_id = AKIABWK',
        `aws_secret_access_key = ${secret(22)}`,
        '[profile bad-source]',
        'role_arn = arn:aws:iam::123456789012:role/R',
        'credential_source = Laptop',
        '[profile bad-duration]',
        'role_arn = arn:aws:iam::123456789012:role/R',
        'credential_source = EcsContainer',
        'duration_seconds = 1h',
      ),
    });
    const loaded = await load();
    const noSource =
      'This profile has role_arn but neither source_profile nor credential_source, so nothing can assume the role; add one of them.';
    expect(profile(loaded, 'no-source')).toMatchObject({ kind: 'assume-role', problem: noSource });
    expect(profile(loaded, 'no-source')).not.toHaveProperty('chain');
    // The SDK falls back to the static keys and ignores role_arn; the CLI refuses the profile.
    expect(profile(loaded, 'no-source-with-keys')).toMatchObject({ kind: 'static', problem: noSource });
    expect(profile(loaded, 'both')).toMatchObject({
      kind: 'assume-role',
      problem:
        'This profile sets both source_profile and credential_source; keep only one (the AWS CLI refuses it, the AWS SDKs ignore role_arn).',
    });
    expect(profile(loaded, 'both')).not.toHaveProperty('chain');
    // Not an assume-role profile for the SDK (isAssumeRoleProfile wants exactly one source): its keys are used.
    expect(profile(loaded, 'both-with-keys')).toMatchObject({ kind: 'static', accessKeyId: 'AKIABWK' });
    expect(profile(loaded, 'both-with-keys').problem).toMatch(/^This profile sets both source_profile and credential_source/);
    expect(profile(loaded, 'bad-source').problem).toBe(
      'This profile has credential_source "Laptop", which is not valid; use Environment, Ec2InstanceMetadata or EcsContainer.',
    );
    expect(profile(loaded, 'bad-duration')).toMatchObject({
      kind: 'assume-role',
      problem: 'This profile has a duration_seconds that is not a whole number of seconds from 900 to 43200.',
    });
    expect(profile(loaded, 'bad-duration')).not.toHaveProperty('durationSeconds');
    expectNoSecrets(loaded);
  });
});

describe('loadProfiles: incomplete profiles', () => {
  it('reports static keys with only one half', async () => {
    await write({
      credentials: lines('[key-only]', 'aws_access_key_id = AKIAKEYONLY', '[secret-only]', `aws_secret_access_key = ${secret(17)}`, '[token-only]', `aws_session_token = ${token(2)}`),
    });
    const loaded = await load();
    expect(profile(loaded, 'key-only')).toEqual({
      name: 'key-only',
      kind: 'static',
      accessKeyId: 'AKIAKEYONLY',
      problem: 'This profile has aws_access_key_id but no aws_secret_access_key; add the secret access key.',
      sources: ['credentials'],
    });
    expect(profile(loaded, 'secret-only')).toEqual({
      name: 'secret-only',
      kind: 'static',
      problem: 'This profile has aws_secret_access_key but no aws_access_key_id; add the access key id.',
      sources: ['credentials'],
    });
    expect(profile(loaded, 'token-only').problem).toBe(
      'This profile has aws_session_token but no aws_access_key_id and aws_secret_access_key; add them.',
    );
    expectNoSecrets(loaded);
  });

  it('treats a setting with an empty value as absent (the SDK does not store it)', async () => {
    await write({ credentials: lines('[empty-secret]', 'aws_access_key_id = AKIAEMPTY', 'aws_secret_access_key =', 'region =') });
    expect(profile(await load(), 'empty-secret')).toEqual({
      name: 'empty-secret',
      kind: 'static',
      accessKeyId: 'AKIAEMPTY',
      problem: 'This profile has aws_access_key_id but no aws_secret_access_key; add the secret access key.',
      sources: ['credentials'],
    });
  });

  it('reports missing SSO settings by name, a missing or incomplete [sso-session], and conflicting values', async () => {
    await write({
      config: lines(
        '[profile legacy-partial]',
        'sso_start_url = https://x.awsapps.com/start',
        'sso_account_id = 111122223333',
        '[profile no-session]',
        'sso_session = missing',
        'sso_account_id = 111122223333',
        'sso_role_name = R',
        '[profile thin-session]',
        'sso_session = thin',
        'sso_role_name = R',
        '[sso-session thin]',
        'sso_start_url = https://thin.awsapps.com/start',
        '[profile conflicting]',
        'sso_session = full',
        'sso_region = us-west-2',
        'sso_account_id = 111122223333',
        'sso_role_name = R',
        '[sso-session full]',
        'sso_start_url = https://full.awsapps.com/start',
        'sso_region = eu-west-1',
      ),
    });
    const loaded = await load();
    expect(profile(loaded, 'legacy-partial').problem).toBe(
      'This profile is missing sso_region and sso_role_name for IAM Identity Center (SSO) sign-in.',
    );
    expect(profile(loaded, 'no-session')).toMatchObject({
      kind: 'sso',
      ssoSession: 'missing',
      problem: 'This profile uses sso_session "missing", but the config file has no [sso-session missing] section; add one with sso_start_url and sso_region.',
    });
    expect(profile(loaded, 'thin-session').problem).toBe(
      'The [sso-session thin] section is missing sso_region. This profile is missing sso_account_id for IAM Identity Center (SSO) sign-in.',
    );
    expect(profile(loaded, 'conflicting')).toMatchObject({
      ssoRegion: 'eu-west-1',
      problem: 'This profile sets its own sso_region, which differs from the one in [sso-session full]; remove it from the profile.',
    });
  });
});

describe('loadProfiles: files', () => {
  it('treats missing files as empty, with no problems', async () => {
    const loaded = await load();
    expect(loaded).toEqual({
      profiles: [],
      problems: [],
      selectedProfile: 'default',
      paths: { configFile: configPath(), credentialsFile: credentialsPath() },
    });
  });

  it('reports a file that cannot be read as one problem and still loads the other', async () => {
    await mkdir(configPath());
    await write({ credentials: lines('[ok]', 'aws_access_key_id = AKIAOK', `aws_secret_access_key = ${secret(18)}`) });
    const loaded = await load();
    expect(loaded.problems).toEqual([
      { file: configPath(), line: 0, message: 'The file cannot be read (it is a directory, not a file); its profiles are not loaded.' },
    ]);
    expect(loaded.profiles.map((p) => p.name)).toEqual(['ok']);
  });

  it('reports syntax errors with file and line, and still loads the rest of both files', async () => {
    await write({
      config: lines(
        '[default]', // 1
        'region = us-east-1', // 2
        `aws_secret_access_key ${secret(19)}`, // 3: no "="
        '[profile broken', // 4: unterminated header
        'region = eu-west-1', // 5: skipped with its section
        'credential_process = /bin/lost', // 6
        '[profile fine]', // 7
        'credential_process = /bin/fine', // 8
      ),
      credentials: lines(
        'aws_access_key_id = AKIAORPHAN', // 1: before any section
        '[default]', // 2
        'aws_access_key_id = AKIADEFAULT', // 3
        `aws_secret_access_key = ${secret(20)}`, // 4
        '[other]', // 5
        `aws_secret_access_key: ${secret(21)}`, // 6: ":" instead of "="
        'aws_access_key_id = AKIAOTHER', // 7
      ),
    });
    const loaded = await load();
    expect(loaded.problems).toEqual([
      { file: configPath(), line: 3, message: 'Expected "name = value"; this line is ignored.' },
      {
        file: configPath(),
        line: 4,
        message: 'Section header is missing its closing "]". The lines up to the next section header are ignored.',
      },
      { file: credentialsPath(), line: 1, message: 'Settings before the first [section] header belong to no profile and are ignored.' },
      {
        file: credentialsPath(),
        line: 6,
        message: 'Use "=" between a setting\'s name and value: the AWS SDKs ignore "name: value" lines.',
      },
    ]);
    expect(loaded.profiles.map((p) => [p.name, p.kind, p.region ?? null])).toEqual([
      ['default', 'static', 'us-east-1'],
      ['fine', 'credential-process', null],
      ['other', 'static', null],
    ]);
    expect(profile(loaded, 'default').accessKeyId).toBe('AKIADEFAULT');
    expect(profile(loaded, 'other').problem).toBe('This profile has aws_access_key_id but no aws_secret_access_key; add the secret access key.');
    expectNoSecrets(loaded);
  });
});

describe('loadProfiles: section names the AWS CLI and the SDK read differently', () => {
  it('reads [profile NAME] forms both agree on, and reports the rest', async () => {
    await write({
      config: lines(
        '[profile "quoted"]', // 1: both read "quoted"
        'region = q',
        '[profile  spaced ]', // 3: CLI "spaced", SDK ignores
        'region = s',
        '[profile "two words"]', // 5: CLI "two words", SDK ignores
        'region = t',
        '[staging]', // 7: not a profile in the config file
        'region = st',
        '[profile a b]', // 9: neither
        '[plugins]', // 10: a CLI section, fine
        'cli_legacy_plugin_path = /x',
        '[profile ok]', // 12
        'Region = eu-west-1', // 13: SDK keys are case-sensitive
        'region = us-east-1',
      ),
      credentials: lines(
        '[profile cred]', // 1: no "profile " prefix in the credentials file
        'aws_access_key_id = AKIAP',
        '[ padded ]', // 3
        'region = p',
        '[sso-session x]', // 5
        'sso_region = us-east-1',
      ),
    });
    const loaded = await load();
    const rule = 'write it as [profile NAME] (or [sso-session NAME]) with one space, and a name made of letters, digits and - _ . @ + % : /.';
    expect(loaded.problems).toEqual([
      { file: configPath(), line: 3, message: `The AWS CLI reads [profile  spaced ] as profile "spaced", but the AWS SDKs ignore it; ${rule}` },
      { file: configPath(), line: 5, message: `The AWS CLI reads [profile "two words"] as profile "two words", but the AWS SDKs ignore it; ${rule}` },
      {
        file: configPath(),
        line: 7,
        message: '[staging] is not a profile: in the config file profile sections are written [profile NAME] (only [default] has no prefix).',
      },
      { file: configPath(), line: 9, message: `[profile a b] is not a valid section header and is ignored; ${rule}` },
      { file: configPath(), line: 13, message: 'Setting names are lower case: the AWS SDKs ignore "Region" (the AWS CLI reads it as "region").' },
      { file: credentialsPath(), line: 1, message: 'In the credentials file a profile\'s section is just its name: write [cred], not [profile cred].' },
      {
        file: credentialsPath(),
        line: 3,
        message: 'The section name [ padded ] has spaces inside the brackets, so the profile is named " padded "; write [padded].',
      },
      { file: credentialsPath(), line: 5, message: '[sso-session x] belongs in the config file, not the credentials file.' },
    ]);
    expect(loaded.profiles.map((p) => p.name)).toEqual([' padded ', 'ok', 'quoted']);
    expect(profile(loaded, 'ok').region).toBe('us-east-1');
    expect(profile(loaded, 'quoted').region).toBe('q');
  });

  it('uses [profile default] over [default], as the SDK does, and reports having both', async () => {
    await write({ config: lines('[profile default]', 'region = from-prefixed', '[default]', 'region = from-bare', 'output = json') });
    const loaded = await load();
    expect(profile(loaded, 'default').region).toBe('from-prefixed');
    expect(loaded.problems).toEqual([
      {
        file: configPath(),
        line: 3,
        message:
          'Both [default] (line 3) and [profile default] (line 1) are defined: the AWS SDKs use only [profile default] and the AWS CLI only the later one. Keep one.',
      },
    ]);
    const sdk = await loadSharedConfigFiles({ filepath: credentialsPath(), configFilepath: configPath(), ignoreCache: true });
    expect(sdk.configFile['default']?.['region']).toBe('from-prefixed');
  });

  it('merges a profile defined twice, later keys winning, and reports it', async () => {
    await write({ config: lines('[profile twice]', 'region = first', 'output = json', '[profile "twice"]', 'region = second') });
    const loaded = await load();
    expect(profile(loaded, 'twice').region).toBe('second');
    expect(loaded.problems).toEqual([
      {
        file: configPath(),
        line: 4,
        message: 'profile "twice" is also defined on line 1; the AWS SDKs merge the two sections and the AWS CLI uses only the later one. Merge them.',
      },
    ]);
  });
});
