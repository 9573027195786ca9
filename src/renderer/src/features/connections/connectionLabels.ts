/**
 * How connections are named and grouped in the scope menu and the connections dialog: short kind
 * labels, the groups they are listed under, and the non-secret details worth showing. Pure, so the
 * wording is tested without a DOM.
 */
import type { Connection, ProfileCredentialKind } from '../../../../shared/contract';
import { regionName } from '../../../../shared/regions';

const CREDENTIAL_KIND_LABELS: Record<ProfileCredentialKind, string> = {
  static: 'Static keys',
  sso: 'SSO',
  'assume-role': 'Role',
  'credential-process': 'Process',
  'web-identity': 'Web identity',
  unknown: 'Profile',
};

const CREDENTIAL_KIND_NAMES: Record<ProfileCredentialKind, string> = {
  static: 'Static keys from the credentials file',
  sso: 'IAM Identity Center (SSO)',
  'assume-role': 'Assume role',
  'credential-process': 'credential_process (an external command)',
  'web-identity': 'Web identity token',
  unknown: 'Unknown: the profile names no way to get credentials',
};

/** A short tag for lists: "Demo", "Environment", "SSO", "Role", "Keys", … */
export function kindLabel(connection: Connection): string {
  switch (connection.kind) {
    case 'demo':
      return 'Demo';
    case 'environment':
      return 'Environment';
    case 'keys':
      return 'Keys';
    case 'profile':
      return CREDENTIAL_KIND_LABELS[connection.profile?.credentialKind ?? 'unknown'];
  }
}

/** How the connection gets its credentials, in a phrase. */
export function credentialsDescription(connection: Connection): string {
  switch (connection.kind) {
    case 'demo':
      return 'Built-in sandbox on this computer: made-up data, no AWS account needed';
    case 'environment':
      return 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the environment the app was started in';
    case 'keys':
      return 'Access keys created in Cloudscope; the secret is in the OS keychain';
    case 'profile':
      return CREDENTIAL_KIND_NAMES[connection.profile?.credentialKind ?? 'unknown'];
  }
}

export type ConnectionGroupId = 'demo' | 'environment' | 'profiles' | 'keys';

export interface ConnectionGroup {
  readonly id: ConnectionGroupId;
  readonly heading: string;
  readonly connections: readonly Connection[];
}

const GROUPS: readonly { id: ConnectionGroupId; heading: string; kind: Connection['kind'] }[] = [
  { id: 'demo', heading: 'Demo', kind: 'demo' },
  { id: 'environment', heading: 'Environment', kind: 'environment' },
  { id: 'profiles', heading: 'Profiles', kind: 'profile' },
  { id: 'keys', heading: 'Your connections', kind: 'keys' },
];

/** The connections under their headings, in main's order within each group; empty groups are left out. */
export function groupConnections(connections: readonly Connection[]): readonly ConnectionGroup[] {
  return GROUPS.map(({ id, heading, kind }) => ({
    id,
    heading,
    connections: connections.filter((connection) => connection.kind === kind),
  })).filter((group) => group.connections.length > 0);
}

/** A role chain as people read it: `prod-admin → base`. */
export function chainText(connection: Connection): string | undefined {
  const profile = connection.profile;
  if (!profile) return undefined;
  if (profile.chain && profile.chain.length > 1) return profile.chain.join(' → ');
  if (profile.sourceProfile) return `${connection.name} → ${profile.sourceProfile}`;
  return undefined;
}

/** "us-east-1 — US East (N. Virginia)", or just the code for a region the list does not know. */
export function regionLabel(code: string): string {
  const name = regionName(code);
  return name ? `${code} — ${name}` : code;
}

export interface DetailRow {
  readonly label: string;
  readonly value: string;
  /** Identifiers, ARNs, URLs and commands are shown in the monospace face. */
  readonly mono?: boolean;
}

/** Everything the app may show about a connection, never a secret, in reading order. */
export function detailRows(connection: Connection): readonly DetailRow[] {
  const rows: DetailRow[] = [];
  const add = (label: string, value: string | undefined, mono = false) => {
    if (value !== undefined && value !== '') rows.push(mono ? { label, value, mono } : { label, value });
  };

  add('Credentials', credentialsDescription(connection));
  const profile = connection.profile;
  if (profile) {
    add('SSO start URL', profile.ssoStartUrl, true);
    add('SSO session', profile.ssoSession, true);
    add('SSO region', profile.ssoRegion, true);
    add('Account', profile.ssoAccountId, true);
    add('Permission set (role)', profile.ssoRoleName, true);
    add('Role ARN', profile.roleArn, true);
    add('Source profile chain', chainText(connection), true);
    add('Credential source', profile.credentialSource, true);
    add('MFA device', profile.mfaSerial, true);
    if (profile.usesExternalId) add('External ID', 'Set (not shown)');
    if (profile.durationSeconds !== undefined) add('Session duration', formatDuration(profile.durationSeconds));
    add('credential_process', profile.credentialProcess, true);
    add('Web identity token file', profile.webIdentityTokenFile, true);
    add('Access key ID', profile.accessKeyId, true);
  }
  add('Access key ID', connection.accessKeyId, true);
  if (connection.hasSessionToken !== undefined) add('Session token', connection.hasSessionToken ? 'Yes' : 'No');
  add('Default region', regionLabel(connection.defaultRegion));
  add('Endpoint', connection.endpoint ?? (connection.kind === 'demo' ? undefined : 'AWS (default)'), connection.endpoint !== undefined);
  return rows;
}

/** 3600 → "1 hour", 5400 → "1 hour 30 minutes", 900 → "15 minutes". */
export function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  if (rest > 0 || parts.length === 0) parts.push(`${rest} ${rest === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ');
}

/** The words a filter box matches against: name, kind, and the identifiers people search by. */
export function searchText(connection: Connection): string {
  const profile = connection.profile;
  return [
    connection.name,
    kindLabel(connection),
    connection.defaultRegion,
    connection.endpoint,
    connection.accessKeyId,
    profile?.ssoAccountId,
    profile?.ssoRoleName,
    profile?.ssoStartUrl,
    profile?.ssoSession,
    profile?.roleArn,
    profile?.sourceProfile,
  ]
    .filter(Boolean)
    .join(' ');
}

/** Only connections created in the app can be edited or deleted here; the rest live in files or the environment. */
export function isEditable(connection: Connection): boolean {
  return connection.kind === 'keys';
}

/** Whether "Sign in" (IAM Identity Center device authorization) applies to the connection. */
export function canSignIn(connection: Connection): boolean {
  return connection.kind === 'profile' && connection.profile?.credentialKind === 'sso';
}
