/**
 * IAM Identity Center state: OIDC client registrations, device authorizations waiting for a person to
 * approve them (tests do it through `Sandbox.sso`), access and refresh tokens, and the accounts and
 * roles assigned to the signed-in user. Everything expires by the sandbox clock.
 */
import { createHash, randomInt } from 'node:crypto';
import { partitionOf } from '../../core/partition';
import { newOpaqueToken } from '../../identity/keys';

export interface SsoSettings {
  /** The polling interval StartDeviceAuthorization asks for, in seconds (AWS: 1). */
  readonly interval: number;
  /** How long a device code and its user code stay valid, in seconds (AWS: 600). */
  readonly deviceCodeExpiresIn: number;
  /** How long an access token lasts, in seconds (the sandbox's default: 8 hours). */
  readonly accessTokenExpiresIn: number;
  /** How long a client registration lasts, in seconds (AWS: 90 days). */
  readonly clientRegistrationExpiresIn: number;
  /** How long GetRoleCredentials' credentials last, in seconds (a permission set's default: 1 hour). */
  readonly roleSessionDurationSeconds: number;
  /** The Identity Center region, shown in the verification URI. */
  readonly region: string;
  /** The user a device authorization signs in when a test approves it without naming one. */
  readonly defaultUserName: string;
}

export const DEFAULT_SSO_SETTINGS: SsoSettings = {
  interval: 1,
  deviceCodeExpiresIn: 600,
  accessTokenExpiresIn: 8 * 3600,
  clientRegistrationExpiresIn: 90 * 24 * 3600,
  roleSessionDurationSeconds: 3600,
  region: 'us-east-1',
  defaultUserName: 'sandbox-user',
};

/** An AWS account the signed-in user may use, and the permission sets (roles) assigned there. */
export interface SsoAccountAssignment {
  readonly accountId: string;
  readonly accountName: string;
  readonly emailAddress: string;
  readonly roles: readonly string[];
}

export interface OidcClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clientName: string;
  readonly scopes: readonly string[];
  readonly grantTypes: readonly string[];
  /** Epoch milliseconds. */
  readonly issuedAt: number;
  readonly expiresAt: number;
}

export type AuthorizationStatus = 'pending' | 'approved' | 'denied' | 'redeemed';

export interface DeviceAuthorizationState {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly clientId: string;
  readonly startUrl: string;
  readonly expiresAt: number;
  /** The interval the client must keep, in seconds; each slow_down adds 5 (RFC 8628 §3.5). */
  interval: number;
  lastPolledAt: number | undefined;
  status: AuthorizationStatus;
  userName: string | undefined;
}

/** One signed-in session: an access token and the refresh token that renews it. */
export interface SsoSession {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly clientId: string;
  readonly startUrl: string;
  readonly userName: string;
  expiresAt: number;
  /** Logged out, or its refresh token was used. */
  refreshUsed: boolean;
  loggedOut: boolean;
}

/** What a test sees of a device authorization. */
export interface PendingAuthorization {
  readonly userCode: string;
  readonly clientName: string;
  readonly startUrl: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

const USER_CODE_LETTERS = 'BCDFGHJKLMNPQRSTVWXZ';

export class SsoStore {
  private settingsValue: SsoSettings = DEFAULT_SSO_SETTINGS;
  private readonly clients = new Map<string, OidcClient>();
  private readonly authorizations = new Map<string, DeviceAuthorizationState>();
  private readonly deviceCodesByUserCode = new Map<string, string>();
  private readonly sessionsByAccessToken = new Map<string, SsoSession>();
  private readonly sessionsByRefreshToken = new Map<string, SsoSession>();
  private assignmentList: readonly SsoAccountAssignment[];

  constructor(readonly accountId: string) {
    this.assignmentList = [
      { accountId, accountName: 'Sandbox', emailAddress: 'sandbox@example.com', roles: ['Admin', 'ReadOnly'] },
    ];
  }

  get settings(): SsoSettings {
    return this.settingsValue;
  }

  configure(settings: Partial<SsoSettings>): void {
    const next = { ...this.settingsValue, ...settings };
    for (const name of ['interval', 'deviceCodeExpiresIn', 'accessTokenExpiresIn', 'clientRegistrationExpiresIn', 'roleSessionDurationSeconds'] as const) {
      const value = next[name];
      const least = name === 'interval' ? 0 : 1;
      if (!Number.isInteger(value) || value < least) throw new RangeError(`${name} must be a whole number of seconds >= ${least}, got ${value}`);
    }
    this.settingsValue = next;
  }

  get assignments(): readonly SsoAccountAssignment[] {
    return this.assignmentList;
  }

  setAssignments(assignments: readonly SsoAccountAssignment[]): void {
    for (const assignment of assignments) {
      if (!/^\d{12}$/.test(assignment.accountId)) throw new RangeError(`An account ID is 12 digits, got '${assignment.accountId}'`);
    }
    this.assignmentList = assignments.map((assignment) => ({ ...assignment, roles: [...assignment.roles] }));
  }

  registerClient(input: { clientName: string; scopes: readonly string[]; grantTypes: readonly string[] }, now: number): OidcClient {
    const client: OidcClient = {
      clientId: newOpaqueToken('', 16),
      clientSecret: newOpaqueToken('', 384),
      clientName: input.clientName,
      scopes: input.scopes,
      grantTypes: input.grantTypes,
      issuedAt: now,
      expiresAt: now + this.settings.clientRegistrationExpiresIn * 1000,
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  client(clientId: string): OidcClient | undefined {
    return this.clients.get(clientId);
  }

  startAuthorization(clientId: string, startUrl: string, now: number): DeviceAuthorizationState {
    let userCode: string;
    do {
      const letters = Array.from({ length: 8 }, () => USER_CODE_LETTERS[randomInt(USER_CODE_LETTERS.length)]).join('');
      userCode = `${letters.slice(0, 4)}-${letters.slice(4)}`;
    } while (this.deviceCodesByUserCode.has(userCode));
    const authorization: DeviceAuthorizationState = {
      deviceCode: newOpaqueToken('', 96),
      userCode,
      clientId,
      startUrl,
      expiresAt: now + this.settings.deviceCodeExpiresIn * 1000,
      interval: this.settings.interval,
      lastPolledAt: undefined,
      status: 'pending',
      userName: undefined,
    };
    this.authorizations.set(authorization.deviceCode, authorization);
    this.deviceCodesByUserCode.set(userCode, authorization.deviceCode);
    return authorization;
  }

  authorization(deviceCode: string): DeviceAuthorizationState | undefined {
    return this.authorizations.get(deviceCode);
  }

  /** The person approves the request in the browser, signing in as `userName`. */
  approve(userCode: string, userName = this.settings.defaultUserName): void {
    const authorization = this.byUserCode(userCode);
    if (authorization.status !== 'pending') throw new RangeError(`The authorization ${userCode} is already ${authorization.status}`);
    authorization.status = 'approved';
    authorization.userName = userName;
  }

  /** The person denies the request in the browser. */
  deny(userCode: string): void {
    const authorization = this.byUserCode(userCode);
    if (authorization.status !== 'pending') throw new RangeError(`The authorization ${userCode} is already ${authorization.status}`);
    authorization.status = 'denied';
  }

  pendingAuthorizations(now: number): PendingAuthorization[] {
    return [...this.authorizations.values()]
      .filter((authorization) => authorization.status === 'pending' && now < authorization.expiresAt)
      .map((authorization) => ({
        userCode: authorization.userCode,
        clientName: this.clients.get(authorization.clientId)?.clientName ?? '',
        startUrl: authorization.startUrl,
        expiresAt: authorization.expiresAt,
      }));
  }

  /** Issues an access token and refresh token. */
  openSession(input: { clientId: string; startUrl: string; userName: string }, now: number): SsoSession {
    const session: SsoSession = {
      accessToken: newOpaqueToken('aoa', 180),
      refreshToken: newOpaqueToken('aor', 180),
      ...input,
      expiresAt: now + this.settings.accessTokenExpiresIn * 1000,
      refreshUsed: false,
      loggedOut: false,
    };
    this.sessionsByAccessToken.set(session.accessToken, session);
    this.sessionsByRefreshToken.set(session.refreshToken, session);
    return session;
  }

  /** The session of a valid access token. */
  sessionOf(accessToken: string, now: number): SsoSession | undefined {
    const session = this.sessionsByAccessToken.get(accessToken);
    if (session === undefined || session.loggedOut || now >= session.expiresAt) return undefined;
    return session;
  }

  /** The session a refresh token renews, while it is unused and the session not logged out. */
  sessionOfRefreshToken(refreshToken: string): SsoSession | undefined {
    const session = this.sessionsByRefreshToken.get(refreshToken);
    if (session === undefined || session.refreshUsed || session.loggedOut) return undefined;
    return session;
  }

  /** Expires one access token now, or all of them. */
  expireTokens(now: number, accessToken?: string): void {
    const sessions = accessToken === undefined ? [...this.sessionsByAccessToken.values()] : [this.sessionsByAccessToken.get(accessToken)];
    for (const session of sessions) {
      if (session === undefined) throw new RangeError('The sandbox did not issue that access token');
      session.expiresAt = Math.min(session.expiresAt, now);
    }
  }

  /**
   * The IAM role IAM Identity Center creates in an account for a permission set:
   * `arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ReadOnly_0123456789abcdef`.
   */
  roleArnFor(accountId: string, permissionSet: string): string {
    return `arn:${partitionOf(this.settings.region)}:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/${reservedRoleName(accountId, permissionSet)}`;
  }

  private byUserCode(userCode: string): DeviceAuthorizationState {
    const deviceCode = this.deviceCodesByUserCode.get(userCode.toUpperCase());
    const authorization = deviceCode === undefined ? undefined : this.authorizations.get(deviceCode);
    if (authorization === undefined) throw new RangeError(`No device authorization has the user code ${userCode}`);
    return authorization;
  }
}

/** `AWSReservedSSO_<permission set>_<16 hex digits>`, stable for an account and permission set. */
export function reservedRoleName(accountId: string, permissionSet: string): string {
  const suffix = createHash('sha256').update(`${accountId}/${permissionSet}`).digest('hex').slice(0, 16);
  return `AWSReservedSSO_${permissionSet}_${suffix}`;
}
