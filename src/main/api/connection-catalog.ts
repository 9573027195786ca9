/**
 * Every connection the app offers, built fresh from where each kind lives: the built-in demo, the
 * environment's keys, the shared AWS config files, and the connections saved in the app's settings.
 */
import type { Connection, ConnectionList, ProfileDetails } from '../../shared/contract';
import { loadProfiles, type ProfileSummary } from '../credentials/profiles';
import type { CredentialSource } from '../credentials/providers';
import type { StoredConnection } from '../credentials/settings-store';

export const DEMO_CONNECTION: Connection = {
  id: 'demo',
  name: 'Demo (local sandbox)',
  kind: 'demo',
  defaultRegion: 'us-east-1',
};

const ENVIRONMENT_ID = 'environment';
export const PROFILE_PREFIX = 'profile:';
export const KEYS_PREFIX = 'keys:';
/** Where the CLI and the SDK go when neither the profile nor the environment names a region. */
const FALLBACK_REGION = 'us-east-1';

/** The sandbox accepts any signed request; these keys are not secret. */
const DEMO_CREDENTIALS = { accessKeyId: 'DEMOACCESSKEY', secretAccessKey: 'demo-secret' };

export interface CatalogEntry {
  readonly connection: Connection;
  readonly source: CredentialSource;
  /** The profile's raw summary, for SSO sign-in. */
  readonly profile?: ProfileSummary;
}

export interface Catalog {
  /** Everything but the keychain's state, which Session adds when the list is asked for. */
  readonly list: Omit<ConnectionList, 'keychain'>;
  readonly entries: ReadonlyMap<string, CatalogEntry>;
  /** The connection to open on when nothing was chosen before: AWS_PROFILE / default profile, else the environment, else the demo. */
  readonly preferredId: string;
}

export async function loadCatalog(options: {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  readonly stored: readonly StoredConnection[];
}): Promise<Catalog> {
  const { env } = options;
  const loaded = await loadProfiles({ env, homeDir: options.homeDir });
  const envRegion = loaded.envRegion;
  const entries = new Map<string, CatalogEntry>();
  const add = (entry: CatalogEntry) => entries.set(entry.connection.id, entry);

  add({ connection: DEMO_CONNECTION, source: { kind: 'static', credentials: DEMO_CREDENTIALS } });

  const accessKeyId = env['AWS_ACCESS_KEY_ID'];
  if (accessKeyId && env['AWS_SECRET_ACCESS_KEY']) {
    add({
      connection: {
        id: ENVIRONMENT_ID,
        name: 'Environment credentials',
        kind: 'environment',
        defaultRegion: envRegion ?? FALLBACK_REGION,
        accessKeyId,
        hasSessionToken: Boolean(env['AWS_SESSION_TOKEN']),
        ...(env['AWS_ENDPOINT_URL'] ? { endpoint: env['AWS_ENDPOINT_URL'] } : {}),
      },
      source: { kind: 'environment' },
    });
  }

  for (const profile of loaded.profiles) {
    add({
      connection: {
        id: `${PROFILE_PREFIX}${profile.name}`,
        name: profile.name,
        kind: 'profile',
        // As in the CLI, the environment's region wins over the profile's.
        defaultRegion: envRegion ?? profile.region ?? FALLBACK_REGION,
        profile: profileDetails(profile),
        ...(profile.endpointUrl ? { endpoint: profile.endpointUrl } : {}),
        ...(profile.problem ? { problem: profile.problem } : {}),
      },
      source: { kind: 'profile', profile: profile.name },
      profile,
    });
  }

  for (const stored of options.stored) {
    add({
      connection: {
        id: stored.id,
        name: stored.name,
        kind: 'keys',
        defaultRegion: stored.defaultRegion,
        accessKeyId: stored.accessKeyId,
        hasSessionToken: stored.hasSessionToken,
        ...(stored.endpoint ? { endpoint: stored.endpoint } : {}),
      },
      source: { kind: 'keychain', connectionId: stored.id, connectionName: stored.name, accessKeyId: stored.accessKeyId },
    });
  }

  const selectedProfileId = `${PROFILE_PREFIX}${loaded.selectedProfile}`;
  const preferredId = entries.has(selectedProfileId)
    ? selectedProfileId
    : entries.has(ENVIRONMENT_ID)
      ? ENVIRONMENT_ID
      : DEMO_CONNECTION.id;

  return {
    list: {
      connections: [...entries.values()].map((entry) => entry.connection),
      configProblems: loaded.problems,
      configFile: loaded.paths.configFile,
      credentialsFile: loaded.paths.credentialsFile,
    },
    entries,
    preferredId,
  };
}

function profileDetails(profile: ProfileSummary): ProfileDetails {
  const details: { -readonly [K in keyof ProfileDetails]: ProfileDetails[K] } = { credentialKind: profile.kind };
  if (profile.accessKeyId) details.accessKeyId = profile.accessKeyId;
  if (profile.ssoSession) details.ssoSession = profile.ssoSession;
  if (profile.ssoStartUrl) details.ssoStartUrl = profile.ssoStartUrl;
  if (profile.ssoRegion) details.ssoRegion = profile.ssoRegion;
  if (profile.ssoAccountId) details.ssoAccountId = profile.ssoAccountId;
  if (profile.ssoRoleName) details.ssoRoleName = profile.ssoRoleName;
  if (profile.roleArn) details.roleArn = profile.roleArn;
  if (profile.sourceProfile) details.sourceProfile = profile.sourceProfile;
  if (profile.credentialSource) details.credentialSource = profile.credentialSource;
  if (profile.mfaSerial) details.mfaSerial = profile.mfaSerial;
  if (profile.externalId) details.usesExternalId = true;
  if (profile.durationSeconds !== undefined) details.durationSeconds = profile.durationSeconds;
  if (profile.credentialProcess) details.credentialProcess = profile.credentialProcess;
  if (profile.webIdentityTokenFile) details.webIdentityTokenFile = profile.webIdentityTokenFile;
  if (profile.chain && profile.chain.length > 1) details.chain = profile.chain;
  return details;
}
