/**
 * Profiles from the AWS shared `config` and `credentials` files, classified the way the AWS SDK for JavaScript
 * will resolve them (Cloudscope's credentials come from the SDK) and checked against the AWS CLI's rules.
 *
 * Sources of truth (read from the installed packages, not guessed):
 * - the SDK: `@aws-sdk/credential-provider-ini` (`resolveProfileData`: the order of credential kinds, the
 *   assume-role chain and its cycle check), `@aws-sdk/credential-provider-sso` (`validateSsoProfile`), and
 *   `@smithy/core/config` (`parseIni`, `getConfigData`, `mergeConfigFiles`: section names, credentials file
 *   wins per key);
 * - the AWS CLI v2 (botocore): `configloader.raw_config_parse` / `build_profile_map` (RawConfigParser,
 *   `shlex.split` of section names), `session.full_config` (credentials file wins per key),
 *   `AssumeRoleProvider` (source_profile / credential_source rules, loops) and `SSOProvider` (required keys).
 *
 * Where the two read a file differently, the summary shows what the SDK will do and `problems` says how to
 * make both agree. Nothing here ever holds a secret: secret keys, session tokens and SSO tokens are not read
 * into the summaries, and messages name settings, never their values.
 *
 * Plain Node: no electron import.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { parseIni, shlexSplit } from './profiles-ini';
import type { IniSection } from './profiles-ini';
import type { ConfigFileProblem } from '../../shared/contract';

export interface SharedFilePaths {
  readonly configFile: string;
  readonly credentialsFile: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** An environment variable's value, treating an empty one as unset (as the SDK does). */
function envValue(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE (an empty value counts as unset), else ~/.aws/config and
 * ~/.aws/credentials. A leading `~` (alone, or before `/`, or before a backslash on Windows) becomes `homeDir`,
 * as the AWS CLI and the SDK do. `~user` and `$VAR` are left as written: the CLI would expand them, but the SDK,
 * which resolves Cloudscope's credentials from these same variables, does not.
 */
export function sharedFilePaths(env: Env, homeDir: string): SharedFilePaths {
  const resolve = (value: string | undefined, fallback: string): string =>
    value === undefined ? path.join(homeDir, '.aws', fallback) : expandUser(value, homeDir);
  return {
    configFile: resolve(envValue(env, 'AWS_CONFIG_FILE'), 'config'),
    credentialsFile: resolve(envValue(env, 'AWS_SHARED_CREDENTIALS_FILE'), 'credentials'),
  };
}

function expandUser(value: string, homeDir: string): string {
  if (value === '~') return homeDir;
  if (value.startsWith('~/') || (path.sep === '\\' && value.startsWith('~\\'))) return path.join(homeDir, value.slice(2));
  return value;
}

/**
 * The SDK also resolves a sixth kind, after sso: `login_session` (credentials from `aws login`). The shared
 * contract has no name for it yet, so such a profile is `unknown` with `loginSession` set and no `problem`.
 */
export type ProfileCredentialKind = 'static' | 'sso' | 'assume-role' | 'credential-process' | 'web-identity' | 'unknown';

/** Everything the UI may show about a profile. NEVER a secret: no aws_secret_access_key, no aws_session_token, no sso tokens. */
export interface ProfileSummary {
  readonly name: string;
  readonly kind: ProfileCredentialKind;
  readonly region?: string;
  readonly endpointUrl?: string;
  readonly accessKeyId?: string;
  readonly ssoSession?: string;
  readonly ssoStartUrl?: string;
  readonly ssoRegion?: string;
  /** The sso-session's `sso_registration_scopes`, split on commas (the CLI registers its client with them). */
  readonly ssoRegistrationScopes?: readonly string[];
  readonly ssoAccountId?: string;
  readonly ssoRoleName?: string;
  readonly roleArn?: string;
  readonly sourceProfile?: string;
  readonly credentialSource?: string;
  readonly externalId?: boolean;
  readonly mfaSerial?: string;
  readonly durationSeconds?: number;
  readonly webIdentityTokenFile?: string;
  readonly credentialProcess?: string;
  /** `login_session` (an identity ARN, not a secret): set on profiles whose credentials come from `aws login`. */
  readonly loginSession?: string;
  /** For assume-role chains: this profile, then each source_profile down to the one with base credentials. */
  readonly chain?: readonly string[];
  /** Why the profile cannot be used as-is, in sentences a person can act on. */
  readonly problem?: string;
  readonly sources: readonly ('config' | 'credentials')[];
}

export type { ConfigFileProblem };

export interface LoadedProfiles {
  readonly profiles: readonly ProfileSummary[];
  readonly problems: readonly ConfigFileProblem[];
  readonly selectedProfile: string;
  readonly envRegion?: string;
  readonly paths: SharedFilePaths;
}

type FileKind = 'config' | 'credentials';

interface Setting {
  readonly value: string;
  readonly line: number;
}

interface ProfileData {
  readonly name: string;
  readonly settings: Map<string, Setting>;
  readonly sources: Set<FileKind>;
}

interface FileProblemSink {
  (file: FileKind, line: number, message: string): void;
}

const CREDENTIAL_SOURCES = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'];
/** The SDK's section-name pattern (`prefixKeyRegex` in @smithy/core/config). */
const SDK_SECTION = /^([\w-]+)\s(["'])?([\w\-@+.%:/]+)\2$/;
const SECTION_TYPES = ['profile', 'sso-session', 'services'] as const;
type SectionType = (typeof SECTION_TYPES)[number];
type SectionId = { readonly type: SectionType; readonly name: string } | undefined;
/** Sections the AWS CLI itself keeps in the config file besides profiles. */
const KNOWN_OTHER_SECTIONS = ['plugins', 'preview'];
const NAME_RULE = 'write it as [profile NAME] (or [sso-session NAME]) with one space, and a name made of letters, digits and - _ . @ + % : /';

export async function loadProfiles(options: { env: Env; homeDir: string }): Promise<LoadedProfiles> {
  const { env, homeDir } = options;
  const paths = sharedFilePaths(env, homeDir);
  const problems: ConfigFileProblem[] = [];
  const fileOf = (kind: FileKind): string => (kind === 'config' ? paths.configFile : paths.credentialsFile);
  const report: FileProblemSink = (file, line, message) => problems.push({ file: fileOf(file), line, message });

  const [configText, credentialsText] = await Promise.all([
    readSharedFile(paths.configFile, (m) => report('config', 0, m)),
    readSharedFile(paths.credentialsFile, (m) => report('credentials', 0, m)),
  ]);

  const profiles = new Map<string, ProfileData>();
  const ssoSessions = new Map<string, Map<string, Setting>>();

  const config = parseIni(configText);
  for (const p of config.problems) report('config', p.line, p.message);
  loadConfigSections(config.sections, profiles, ssoSessions, report);

  const credentials = parseIni(credentialsText);
  for (const p of credentials.problems) report('credentials', p.line, p.message);
  loadCredentialsSections(credentials.sections, profiles, report);

  const summaries = [...profiles.values()].map((profile) => summarize(profile, profiles, ssoSessions));

  const selectedProfile = envValue(env, 'AWS_PROFILE') ?? envValue(env, 'AWS_DEFAULT_PROFILE') ?? 'default';
  summaries.sort((a, b) => {
    if (a.name === selectedProfile || b.name === selectedProfile) return a.name === selectedProfile ? -1 : 1;
    return compareNames(a.name, b.name);
  });
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === paths.configFile ? -1 : 1));

  const envRegion = envValue(env, 'AWS_REGION') ?? envValue(env, 'AWS_DEFAULT_REGION');
  return { profiles: summaries, problems, selectedProfile, ...(envRegion === undefined ? {} : { envRegion }), paths };
}

function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A missing file is empty, as for the CLI and the SDK; anything else that stops reading is one problem. */
async function readSharedFile(file: string, problem: (message: string) => void): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return '';
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a directory, not a file'
          : (code ?? 'unknown error');
    problem(`The file cannot be read (${reason}); its profiles are not loaded.`);
    return '';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Section names

/** How botocore's `build_profile_map` reads a config-file section name. */
function cliConfigSection(header: string): SectionId {
  for (const type of SECTION_TYPES) {
    if (header.startsWith(type)) {
      const parts = shlexSplit(header);
      return parts !== undefined && parts.length === 2 ? { type, name: parts[1] as string } : undefined;
    }
  }
  return header === 'default' ? { type: 'profile', name: 'default' } : undefined;
}

/** How the SDK's `parseIni` + `getConfigData` read a config-file section name. */
function sdkConfigSection(header: string): SectionId {
  const match = SDK_SECTION.exec(header);
  if (match !== null) {
    const type = SECTION_TYPES.find((t) => t === match[1]);
    return type === undefined ? undefined : { type, name: match[3] as string };
  }
  return header === 'default' ? { type: 'profile', name: 'default' } : undefined;
}

/** How the SDK's `parseIni` reads a credentials-file section name (the file is not passed through getConfigData). */
function sdkCredentialsSection(header: string): string | undefined {
  const match = SDK_SECTION.exec(header);
  if (match === null) return header;
  return SECTION_TYPES.some((t) => t === match[1]) ? `${match[1]}.${match[3]}` : undefined;
}

function describe(id: SectionId): string {
  if (id === undefined) return 'nothing';
  return id.type === 'profile' ? `profile "${id.name}"` : `${id.type} "${id.name}"`;
}

function sameId(a: SectionId, b: SectionId): boolean {
  return a === b || (a !== undefined && b !== undefined && a.type === b.type && a.name === b.name);
}

function reservedName(name: string): boolean {
  return name === '__proto__';
}

function settingsOf(section: IniSection, file: FileKind, report: FileProblemSink): Map<string, Setting> {
  const settings = new Map<string, Setting>();
  for (const entry of section.entries) {
    if (entry.key !== entry.key.toLowerCase()) {
      report(
        file,
        entry.line,
        `Setting names are lower case: the AWS SDKs ignore "${entry.key}" (the AWS CLI reads it as "${entry.key.toLowerCase()}").`,
      );
      continue;
    }
    // The SDK never stores a key whose value is empty (it opens nested settings instead).
    if (entry.value !== '') settings.set(entry.key, { value: entry.value, line: entry.line });
  }
  return settings;
}

function addProfile(profiles: Map<string, ProfileData>, name: string, file: FileKind, settings: Map<string, Setting>): void {
  let profile = profiles.get(name);
  if (profile === undefined) {
    profile = { name, settings: new Map(), sources: new Set() };
    profiles.set(name, profile);
  }
  profile.sources.add(file);
  // Later wins per key: within a file for the SDK, and the credentials file (loaded second) over the config file.
  for (const [key, setting] of settings) profile.settings.set(key, setting);
}

function loadConfigSections(
  sections: readonly IniSection[],
  profiles: Map<string, ProfileData>,
  ssoSessions: Map<string, Map<string, Setting>>,
  report: FileProblemSink,
): void {
  const seen = new Map<string, IniSection>();
  let bareDefault: IniSection | undefined;
  let prefixedDefault: IniSection | undefined;
  const defaultSettings = { bare: new Map<string, Setting>(), prefixed: new Map<string, Setting>() };

  for (const section of sections) {
    const { header } = section;
    const cli = cliConfigSection(header);
    const sdk = sdkConfigSection(header);
    if (!sameId(cli, sdk)) {
      const sdkReading = sdk === undefined ? 'the AWS SDKs ignore it' : `the AWS SDKs as ${describe(sdk)}`;
      report('config', section.line, `The AWS CLI reads [${header}] as ${describe(cli)}, but ${sdkReading}; ${NAME_RULE}.`);
      if (sdk === undefined) continue;
    }
    if (sdk === undefined) {
      const trimmed = header.trim();
      if (SECTION_TYPES.some((t) => trimmed.startsWith(t))) {
        if (sameId(cli, sdk)) report('config', section.line, `[${header}] is not a valid section header and is ignored; ${NAME_RULE}.`);
      } else if (trimmed === 'default') {
        report('config', section.line, 'Write the default profile\'s header as [default], without spaces inside the brackets.');
      } else if (!KNOWN_OTHER_SECTIONS.includes(trimmed)) {
        report(
          'config',
          section.line,
          `[${header}] is not a profile: in the config file profile sections are written [profile NAME] (only [default] has no prefix).`,
        );
      }
      continue;
    }
    if (reservedName(sdk.name)) {
      report('config', section.line, `"${sdk.name}" cannot be used as a name; the AWS SDKs refuse the whole file.`);
      continue;
    }

    const key = `${sdk.type} ${sdk.name}`;
    const isDefault = sdk.type === 'profile' && sdk.name === 'default';
    const prefixed = isDefault && header !== 'default';
    const earlier = isDefault ? (prefixed ? prefixedDefault : bareDefault) : seen.get(key);
    if (earlier !== undefined && earlier.header !== header) {
      // Identical headers were already reported by the INI reader.
      report(
        'config',
        section.line,
        `${describe(sdk)} is also defined on line ${earlier.line}; the AWS SDKs merge the two sections and the AWS CLI uses only the later one. Merge them.`,
      );
    }
    const settings = settingsOf(section, 'config', report);

    if (isDefault) {
      if (prefixed) prefixedDefault ??= section;
      else bareDefault ??= section;
      const target = prefixed ? defaultSettings.prefixed : defaultSettings.bare;
      for (const [k, v] of settings) target.set(k, v);
      continue;
    }
    if (earlier === undefined) seen.set(key, section);
    if (sdk.type === 'profile') {
      addProfile(profiles, sdk.name, 'config', settings);
    } else if (sdk.type === 'sso-session') {
      const session = ssoSessions.get(sdk.name) ?? new Map<string, Setting>();
      for (const [k, v] of settings) session.set(k, v);
      ssoSessions.set(sdk.name, session);
    }
    // [services NAME] holds per-service endpoints: not a profile.
  }

  if (bareDefault !== undefined && prefixedDefault !== undefined) {
    const later = bareDefault.line > prefixedDefault.line ? bareDefault : prefixedDefault;
    report(
      'config',
      later.line,
      `Both [default] (line ${bareDefault.line}) and [profile default] (line ${prefixedDefault.line}) are defined: the AWS SDKs use only [profile default] and the AWS CLI only the later one. Keep one.`,
    );
  }
  if (prefixedDefault !== undefined) addProfile(profiles, 'default', 'config', defaultSettings.prefixed);
  else if (bareDefault !== undefined) addProfile(profiles, 'default', 'config', defaultSettings.bare);
}

function loadCredentialsSections(sections: readonly IniSection[], profiles: Map<string, ProfileData>, report: FileProblemSink): void {
  for (const section of sections) {
    const { header } = section;
    const sdkName = sdkCredentialsSection(header);
    if (sdkName !== header) {
      const match = SDK_SECTION.exec(header);
      const message =
        match !== null && match[1] === 'profile'
          ? `In the credentials file a profile's section is just its name: write [${match[3] ?? ''}], not [${header}].`
          : match !== null && sdkName !== undefined
            ? `[${header}] belongs in the config file, not the credentials file.`
            : `The AWS SDKs ignore [${header}]: profile names in the credentials file cannot contain spaces.`;
      report('credentials', section.line, message);
      continue;
    }
    if (reservedName(header)) {
      report('credentials', section.line, `"${header}" cannot be used as a name; the AWS SDKs refuse the whole file.`);
      continue;
    }
    if (header !== header.trim()) {
      report(
        'credentials',
        section.line,
        `The section name [${header}] has spaces inside the brackets, so the profile is named "${header}"; write [${header.trim()}].`,
      );
    }
    addProfile(profiles, header, 'credentials', settingsOf(section, 'credentials', report));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Classification: the order of `resolveProfileData` in @aws-sdk/credential-provider-ini

type Settings = Map<string, Setting>;

const get = (settings: Settings | undefined, key: string): string | undefined => settings?.get(key)?.value;
const has = (settings: Settings | undefined, key: string): boolean => get(settings, key) !== undefined;

const isStatic = (s: Settings): boolean => has(s, 'aws_access_key_id') && has(s, 'aws_secret_access_key');
const isAssumeRole = (s: Settings): boolean =>
  has(s, 'role_arn') && has(s, 'source_profile') !== has(s, 'credential_source');
const isWebIdentity = (s: Settings): boolean => has(s, 'web_identity_token_file') && has(s, 'role_arn');
const isProcess = (s: Settings): boolean => has(s, 'credential_process');
const isSso = (s: Settings): boolean =>
  ['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'].some((k) => has(s, k));
const isLogin = (s: Settings): boolean => has(s, 'login_session');
/** A source profile with credential_source and no role_arn supplies that source's credentials directly. */
const isCredentialSourceWithoutRoleArn = (s: Settings): boolean => !has(s, 'role_arn') && has(s, 'credential_source');

/**
 * The kind the SDK picks for a profile, as the profile asked for (`asSource` false) or as someone's
 * source_profile (`asSource` true: static keys then win over everything, and credential_source without role_arn
 * counts as assume-role).
 */
function sdkKind(s: Settings, asSource: boolean): ProfileCredentialKind {
  if (asSource && isStatic(s)) return 'static';
  if ((asSource && isCredentialSourceWithoutRoleArn(s)) || isAssumeRole(s)) return 'assume-role';
  if (isStatic(s)) return 'static';
  if (isWebIdentity(s)) return 'web-identity';
  if (isProcess(s)) return 'credential-process';
  if (isSso(s)) return 'sso';
  return 'unknown'; // including login_session profiles, which classifyOwn recognises
}

interface Classified {
  readonly kind: ProfileCredentialKind;
  readonly problems: string[];
}

/**
 * The kind a profile has and what is wrong with its own settings at that step (not with its source chain).
 * `subject` starts each sentence: "This profile" or `Source profile "NAME"`.
 */
function classifyOwn(subject: string, s: Settings, asSource: boolean, ssoSessions: Map<string, Settings>): Classified {
  const problems: string[] = [];
  let kind = sdkKind(s, asSource);
  const roleIgnored = asSource && kind === 'static';

  if (has(s, 'role_arn') && !roleIgnored) {
    const withSource = has(s, 'source_profile');
    const withCredentialSource = has(s, 'credential_source');
    const withToken = has(s, 'web_identity_token_file');
    if (withSource && withCredentialSource) {
      problems.push(`${subject} sets both source_profile and credential_source; keep only one (the AWS CLI refuses it, the AWS SDKs ignore role_arn).`);
    } else if (!withSource && !withCredentialSource && !withToken) {
      problems.push(`${subject} has role_arn but neither source_profile nor credential_source, so nothing can assume the role; add one of them.`);
    } else if (withToken && (withSource || withCredentialSource)) {
      problems.push(
        `${subject} sets web_identity_token_file and also source_profile or credential_source; keep one way to assume the role (the AWS CLI uses the token file, the AWS SDKs the other).`,
      );
    }
    if (kind === 'unknown') kind = withToken && !withSource && !withCredentialSource ? 'web-identity' : 'assume-role';
  }

  if (kind === 'unknown') {
    const keyId = has(s, 'aws_access_key_id');
    const secret = has(s, 'aws_secret_access_key');
    if (isLogin(s)) {
      // Resolved by the SDK (fromLoginCredentials); the contract has no kind for it yet.
    } else if (keyId !== secret || has(s, 'aws_session_token')) {
      kind = 'static';
      problems.push(
        keyId
          ? `${subject} has aws_access_key_id but no aws_secret_access_key; add the secret access key.`
          : secret
            ? `${subject} has aws_secret_access_key but no aws_access_key_id; add the access key id.`
            : `${subject} has aws_session_token but no aws_access_key_id and aws_secret_access_key; add them.`,
      );
    } else if (has(s, 'web_identity_token_file')) {
      kind = 'web-identity';
      problems.push(`${subject} has web_identity_token_file but no role_arn; add the role to assume.`);
    } else if (!asSource && has(s, 'credential_source')) {
      problems.push(
        `${subject} has credential_source but no role_arn; that only works in a profile used as another profile's source_profile, so add the role_arn to assume.`,
      );
    } else {
      problems.push(
        `${subject} has no credentials${asSource ? ' to act as a source profile' : ''}: add aws_access_key_id and aws_secret_access_key, sso_session, role_arn with source_profile or credential_source, or credential_process.`,
      );
    }
  }

  if (kind === 'assume-role') {
    const source = get(s, 'credential_source');
    if (source !== undefined && !has(s, 'source_profile') && !CREDENTIAL_SOURCES.includes(source)) {
      problems.push(`${subject} has credential_source "${source}", which is not valid; use Environment, Ec2InstanceMetadata or EcsContainer.`);
    }
    const duration = get(s, 'duration_seconds');
    if (duration !== undefined && has(s, 'role_arn') && parseDuration(duration) === undefined) {
      problems.push(`${subject} has a duration_seconds that is not a whole number of seconds from 900 to 43200.`);
    }
  }

  if (kind === 'sso') problems.push(...ssoProblems(subject, s, ssoSessions));
  return { kind, problems };
}

function parseDuration(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const seconds = Number(text);
  return seconds >= 900 && seconds <= 43200 ? seconds : undefined;
}

function ssoProblems(subject: string, s: Settings, ssoSessions: Map<string, Settings>): string[] {
  const problems: string[] = [];
  const sessionName = get(s, 'sso_session');
  const missing: string[] = [];
  if (sessionName !== undefined) {
    const session = ssoSessions.get(sessionName);
    if (session === undefined) {
      return [
        `${subject} uses sso_session "${sessionName}", but the config file has no [sso-session ${sessionName}] section; add one with sso_start_url and sso_region.`,
      ];
    }
    const sessionMissing = ['sso_start_url', 'sso_region'].filter((k) => !has(session, k));
    if (sessionMissing.length > 0) {
      problems.push(`The [sso-session ${sessionName}] section is missing ${listKeys(sessionMissing)}.`);
    }
    for (const key of ['sso_start_url', 'sso_region']) {
      const own = get(s, key);
      const shared = get(session, key);
      if (own !== undefined && shared !== undefined && own !== shared) {
        problems.push(`${subject} sets its own ${key}, which differs from the one in [sso-session ${sessionName}]; remove it from the profile.`);
      }
    }
  } else {
    missing.push(...['sso_start_url', 'sso_region'].filter((k) => !has(s, k)));
  }
  missing.push(...['sso_account_id', 'sso_role_name'].filter((k) => !has(s, k)));
  if (missing.length > 0) problems.push(`${subject} is missing ${listKeys(missing)} for IAM Identity Center (SSO) sign-in.`);
  return problems;
}

function listKeys(keys: readonly string[]): string {
  if (keys.length <= 1) return keys.join('');
  return `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1] ?? ''}`;
}

interface ChainResult {
  readonly chain: string[];
  readonly problem?: string;
}

const TOP_SUBJECT = 'This profile';
const sourceSubject = (name: string): string => `Source profile "${name}"`;

/**
 * Follows source_profile from an assume-role profile down to the profile with base credentials. Loops are
 * judged as the AWS CLI does (every profile on the path counts as visited, and a profile may name itself as its
 * source only when it has static keys); the SDK accepts a few loops the CLI refuses, and those are reported too.
 */
function followChain(top: ProfileData, profiles: Map<string, ProfileData>, ssoSessions: Map<string, Settings>): ChainResult {
  const chain = [top.name];
  let current = top;
  for (;;) {
    const sourceName = get(current.settings, 'source_profile');
    if (sourceName === undefined) return { chain }; // credential_source supplies the credentials
    const subject = current === top ? TOP_SUBJECT : sourceSubject(current.name);
    const source = profiles.get(sourceName);
    chain.push(sourceName);
    if (source === undefined) {
      return { chain, problem: `${subject} names source_profile "${sourceName}", which is not defined in the config or credentials file.` };
    }
    if (chain.indexOf(sourceName) < chain.length - 1) {
      // Its own static keys assume its role: the end of the chain.
      if (sourceName === current.name && isStatic(source.settings)) return { chain };
      const problem =
        sourceName === current.name
          ? `${subject} names itself as source_profile but has no aws_access_key_id and aws_secret_access_key to start from.`
          : `The source_profile chain loops back to "${sourceName}" (${chain.join(' → ')}); break the loop.`;
      return { chain, problem };
    }
    const own = classifyOwn(sourceSubject(source.name), source.settings, true, ssoSessions);
    if (own.problems.length > 0) return { chain, problem: own.problems.join(' ') };
    if (own.kind !== 'assume-role') return { chain };
    current = source;
  }
}

function summarize(profile: ProfileData, profiles: Map<string, ProfileData>, ssoSessions: Map<string, Settings>): ProfileSummary {
  const s = profile.settings;
  const own = classifyOwn(TOP_SUBJECT, s, false, ssoSessions);
  const problems = [...own.problems];
  let chain: string[] | undefined;
  if (own.kind === 'assume-role' && isAssumeRole(s)) {
    const followed = followChain(profile, profiles, ssoSessions);
    chain = followed.chain;
    if (followed.problem !== undefined) problems.push(followed.problem);
  }

  const sessionName = get(s, 'sso_session');
  const session = sessionName === undefined ? undefined : ssoSessions.get(sessionName);
  // With sso_session the SDK takes the start URL and region from the [sso-session] section.
  const ssoStartUrl = session !== undefined ? get(session, 'sso_start_url') : get(s, 'sso_start_url');
  const ssoRegion = session !== undefined ? get(session, 'sso_region') : get(s, 'sso_region');
  const scopes = session !== undefined ? get(session, 'sso_registration_scopes') : undefined;
  const duration = get(s, 'duration_seconds');

  const optional: Record<string, unknown> = {
    region: get(s, 'region'),
    endpointUrl: get(s, 'endpoint_url'),
    accessKeyId: get(s, 'aws_access_key_id'),
    ssoSession: sessionName,
    ssoStartUrl,
    ssoRegion,
    ssoRegistrationScopes: scopes?.split(',').map((scope) => scope.trim()).filter(Boolean),
    ssoAccountId: get(s, 'sso_account_id'),
    ssoRoleName: get(s, 'sso_role_name'),
    roleArn: get(s, 'role_arn'),
    sourceProfile: get(s, 'source_profile'),
    credentialSource: get(s, 'credential_source'),
    externalId: has(s, 'external_id') ? true : undefined,
    mfaSerial: get(s, 'mfa_serial'),
    durationSeconds: duration !== undefined && /^\d+$/.test(duration) ? Number(duration) : undefined,
    webIdentityTokenFile: get(s, 'web_identity_token_file'),
    credentialProcess: get(s, 'credential_process'),
    loginSession: get(s, 'login_session'),
    chain,
    problem: problems.length > 0 ? problems.join(' ') : undefined,
  };
  const defined = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined));
  const sources = (['config', 'credentials'] as const).filter((f) => profile.sources.has(f));
  return { name: profile.name, kind: own.kind, ...defined, sources } as ProfileSummary;
}
