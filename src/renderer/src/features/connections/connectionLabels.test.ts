import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../../shared/contract';
import {
  canSignIn,
  chainText,
  detailRows,
  formatDuration,
  groupConnections,
  isEditable,
  kindLabel,
  regionLabel,
  searchText,
} from './connectionLabels';

const demo: Connection = { id: 'demo', name: 'Demo (local sandbox)', kind: 'demo', defaultRegion: 'us-east-1' };
const environment: Connection = {
  id: 'environment',
  name: 'Environment credentials',
  kind: 'environment',
  defaultRegion: 'eu-west-1',
  accessKeyId: 'AKIAENVIRONMENT0001',
  hasSessionToken: true,
};
const sso: Connection = {
  id: 'profile:dev',
  name: 'dev',
  kind: 'profile',
  defaultRegion: 'eu-central-1',
  profile: {
    credentialKind: 'sso',
    ssoSession: 'corp',
    ssoStartUrl: 'https://corp.awsapps.com/start',
    ssoRegion: 'eu-west-1',
    ssoAccountId: '111122223333',
    ssoRoleName: 'ReadOnly',
  },
};
const role: Connection = {
  id: 'profile:prod-admin',
  name: 'prod-admin',
  kind: 'profile',
  defaultRegion: 'us-east-1',
  profile: {
    credentialKind: 'assume-role',
    roleArn: 'arn:aws:iam::444455556666:role/Admin',
    sourceProfile: 'base',
    mfaSerial: 'arn:aws:iam::111122223333:mfa/alice',
    usesExternalId: true,
    durationSeconds: 5400,
    chain: ['prod-admin', 'base'],
  },
  problem: 'The source profile "base" has no credentials.',
};
const keys: Connection = {
  id: 'keys:1',
  name: 'LocalStack',
  kind: 'keys',
  defaultRegion: 'us-east-1',
  endpoint: 'http://localhost:4566',
  accessKeyId: 'AKIALOCALSTACK00001',
  hasSessionToken: false,
};

describe('kindLabel', () => {
  it('gives every kind and credential kind a short tag', () => {
    expect([demo, environment, sso, role, keys].map(kindLabel)).toEqual(['Demo', 'Environment', 'SSO', 'Role', 'Keys']);
    const profile = (credentialKind: NonNullable<Connection['profile']>['credentialKind']): Connection => ({
      ...sso,
      profile: { credentialKind },
    });
    expect(kindLabel(profile('static'))).toBe('Static keys');
    expect(kindLabel(profile('credential-process'))).toBe('Process');
    expect(kindLabel(profile('web-identity'))).toBe('Web identity');
    expect(kindLabel(profile('unknown'))).toBe('Profile');
  });
});

describe('groupConnections', () => {
  it('puts connections under their headings in a fixed order, keeping main’s order inside a group', () => {
    const other = { ...sso, id: 'profile:a', name: 'a' };
    const groups = groupConnections([keys, sso, demo, other, environment]);
    expect(groups.map((group) => group.heading)).toEqual(['Demo', 'Environment', 'Profiles', 'Your connections']);
    expect(groups[2]?.connections.map((connection) => connection.name)).toEqual(['dev', 'a']);
  });

  it('leaves out empty groups', () => {
    expect(groupConnections([demo]).map((group) => group.id)).toEqual(['demo']);
  });
});

describe('chainText', () => {
  it('joins a role chain with arrows', () => {
    expect(chainText(role)).toBe('prod-admin → base');
    expect(chainText({ ...role, profile: { credentialKind: 'assume-role', chain: ['a', 'b', 'c'] } })).toBe('a → b → c');
  });

  it('falls back to the source profile, and is absent without one', () => {
    expect(chainText({ ...role, profile: { credentialKind: 'assume-role', sourceProfile: 'base' } })).toBe('prod-admin → base');
    expect(chainText(sso)).toBeUndefined();
    expect(chainText(keys)).toBeUndefined();
  });
});

describe('detailRows', () => {
  const rows = (connection: Connection) => Object.fromEntries(detailRows(connection).map((row) => [row.label, row.value]));

  it('shows an SSO profile’s start URL, session, account and role', () => {
    expect(rows(sso)).toMatchObject({
      Credentials: 'IAM Identity Center (SSO)',
      'SSO start URL': 'https://corp.awsapps.com/start',
      'SSO session': 'corp',
      Account: '111122223333',
      'Permission set (role)': 'ReadOnly',
      'Default region': 'eu-central-1 — Europe (Frankfurt)',
      Endpoint: 'AWS (default)',
    });
  });

  it('shows a role’s ARN, chain, MFA device and duration, and only that an external ID is set', () => {
    expect(rows(role)).toMatchObject({
      'Role ARN': 'arn:aws:iam::444455556666:role/Admin',
      'Source profile chain': 'prod-admin → base',
      'MFA device': 'arn:aws:iam::111122223333:mfa/alice',
      'External ID': 'Set (not shown)',
      'Session duration': '1 hour 30 minutes',
    });
  });

  it('shows keys’ access key id, session token presence and endpoint', () => {
    expect(rows(keys)).toMatchObject({
      'Access key ID': 'AKIALOCALSTACK00001',
      'Session token': 'No',
      Endpoint: 'http://localhost:4566',
    });
    expect(rows(environment)['Session token']).toBe('Yes');
    expect(detailRows(keys).find((row) => row.label === 'Endpoint')?.mono).toBe(true);
  });

  it('never has a row for a secret', () => {
    const labels = [demo, environment, sso, role, keys].flatMap((connection) => detailRows(connection).map((row) => row.label));
    expect(labels.some((label) => /secret/i.test(label))).toBe(false);
  });
});

describe('formatting', () => {
  it('formats durations and region labels', () => {
    expect(formatDuration(3600)).toBe('1 hour');
    expect(formatDuration(900)).toBe('15 minutes');
    expect(formatDuration(43_261)).toBe('12 hours 1 minute 1 second');
    expect(regionLabel('eu-west-1')).toBe('eu-west-1 — Europe (Ireland)');
    expect(regionLabel('local-1')).toBe('local-1');
  });
});

describe('what a connection allows', () => {
  it('edits only connections created in the app, and signs in only SSO profiles', () => {
    expect([demo, environment, sso, role, keys].filter(isEditable)).toEqual([keys]);
    expect([demo, environment, sso, role, keys].filter(canSignIn)).toEqual([sso]);
  });

  it('searches by name, kind and identifiers', () => {
    expect(searchText(sso)).toContain('111122223333');
    expect(searchText(role)).toContain('arn:aws:iam::444455556666:role/Admin');
    expect(searchText(keys)).toContain('Keys');
  });
});
