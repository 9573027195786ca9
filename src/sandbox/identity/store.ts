/**
 * Who signs each request. Access keys the sandbox never issued act as the sandbox's IAM user (so any
 * dummy key works, as before); credentials it issued itself (STS AssumeRole, AssumeRoleWithWebIdentity,
 * IAM Identity Center role credentials) are remembered with the role session they stand for and expire
 * by the sandbox clock. Tests steer the rest: roles that require MFA or an external ID, revoked keys and
 * denied actions.
 */
import { partitionOf } from '../core/partition';
import { newAccessKeyId, newSecretAccessKey, newSessionToken } from './keys';

/** The IAM user every unknown access key acts as. */
export const SANDBOX_USER_NAME = 'sandbox';
/** An IAM user's unique ID (AIDA…), fixed so responses are deterministic. */
export const SANDBOX_USER_ID = 'AIDASANDBOXUSER0EXAMPLE';

/** AWS's default and largest MaxSessionDuration of a role, in seconds. */
export const DEFAULT_MAX_SESSION_SECONDS = 3600;
export const LARGEST_MAX_SESSION_SECONDS = 43_200;

/** The identity behind a request. */
export type Caller =
  | {
      readonly kind: 'user';
      readonly accessKeyId: string;
      /** `arn:aws:iam::123456789012:user/sandbox` */
      readonly arn: string;
      readonly userId: string;
      readonly accountId: string;
    }
  | {
      readonly kind: 'assumed-role';
      readonly accessKeyId: string;
      /** `arn:aws:sts::123456789012:assumed-role/ROLE/SESSION` */
      readonly arn: string;
      /** `AROA…:SESSION` */
      readonly userId: string;
      /** The account of the role, which may differ from the sandbox's. */
      readonly accountId: string;
      readonly roleArn: string;
      readonly sessionName: string;
    }
  /** Requests AWS accepts unsigned (AssumeRoleWithWebIdentity, IAM Identity Center). */
  | { readonly kind: 'anonymous' };

export type AssumedRole = Omit<Extract<Caller, { kind: 'assumed-role' }>, 'kind' | 'accessKeyId'>;

export interface IssuedCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Epoch milliseconds, by the sandbox clock. */
  readonly expiration: number;
  readonly caller: Extract<Caller, { kind: 'assumed-role' }>;
  /** The API call that issued them. */
  readonly issuedBy: 'sts:AssumeRole' | 'sts:AssumeRoleWithWebIdentity' | 'sso:GetRoleCredentials';
}

/** How a role's trust policy and settings constrain `AssumeRole`. */
export interface RoleSettings {
  /** The role's MaxSessionDuration: 3600 (AWS's default) to 43200 seconds. */
  readonly maxSessionDurationSeconds?: number;
  /**
   * The trust policy requires MFA (`aws:MultiFactorAuthPresent`): callers must pass this device's serial
   * number and the code it shows.
   */
  readonly mfa?: { readonly serialNumber: string; readonly tokenCode: string };
  /** The trust policy requires this `sts:ExternalId`. */
  readonly externalId?: string;
}

/** The outcome of looking up the key that signed a request. */
export type KeyLookup =
  | { readonly status: 'valid'; readonly caller: Extract<Caller, { kind: 'user' | 'assumed-role' }> }
  /** Revoked, or an issued key used with the wrong session token: AWS does not recognize it. */
  | { readonly status: 'invalid' }
  | { readonly status: 'expired' };

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/(?:[\u0021-\u007e]+\/)?([\w+=,.@-]+)$/;

export interface ParsedRoleArn {
  readonly partition: string;
  readonly accountId: string;
  /** The last path segment: what assumed-role ARNs show. */
  readonly roleName: string;
}

export function parseRoleArn(arn: string): ParsedRoleArn | undefined {
  const match = ROLE_ARN.exec(arn);
  if (match === null) return undefined;
  const [, partition = 'aws', accountId = '', roleName = ''] = match;
  return { partition, accountId, roleName };
}

export class IdentityStore {
  private readonly issued = new Map<string, IssuedCredentials>();
  private readonly revoked = new Set<string>();
  private readonly denied = new Map<string, Set<string>>();
  private readonly roles = new Map<string, RoleSettings>();

  constructor(readonly accountId: string) {}

  /** The IAM user unknown keys act as, in the partition of the request's region. */
  sandboxUser(accessKeyId: string, region: string): Extract<Caller, { kind: 'user' }> {
    return {
      kind: 'user',
      accessKeyId,
      arn: `arn:${partitionOf(region)}:iam::${this.accountId}:user/${SANDBOX_USER_NAME}`,
      userId: SANDBOX_USER_ID,
      accountId: this.accountId,
    };
  }

  /** Who signs with this key; `sessionToken` is the request's `X-Amz-Security-Token`, if any. */
  lookup(accessKeyId: string, sessionToken: string | undefined, now: number, region: string): KeyLookup {
    if (this.revoked.has(accessKeyId)) return { status: 'invalid' };
    const issued = this.issued.get(accessKeyId);
    if (issued === undefined) return { status: 'valid', caller: this.sandboxUser(accessKeyId, region) };
    if (sessionToken !== issued.sessionToken) return { status: 'invalid' };
    if (now >= issued.expiration) return { status: 'expired' };
    return { status: 'valid', caller: issued.caller };
  }

  /** Issues temporary credentials for a role session, valid for `durationSeconds` from `now`. */
  issue(role: AssumedRole, durationSeconds: number, now: number, issuedBy: IssuedCredentials['issuedBy']): IssuedCredentials {
    const accessKeyId = newAccessKeyId('temporary');
    const credentials: IssuedCredentials = {
      accessKeyId,
      secretAccessKey: newSecretAccessKey(),
      sessionToken: newSessionToken(),
      expiration: now + durationSeconds * 1000,
      caller: { kind: 'assumed-role', accessKeyId, ...role },
      issuedBy,
    };
    this.issued.set(accessKeyId, credentials);
    return credentials;
  }

  /** Credentials the sandbox issued, by access key ID. */
  issuedCredentials(accessKeyId: string): IssuedCredentials | undefined {
    return this.issued.get(accessKeyId);
  }

  roleSettings(roleArn: string): RoleSettings {
    return this.roles.get(roleArn) ?? {};
  }

  configureRole(roleArn: string, settings: RoleSettings): void {
    if (parseRoleArn(roleArn) === undefined) throw new RangeError(`Not an IAM role ARN: ${roleArn}`);
    const max = settings.maxSessionDurationSeconds;
    if (max !== undefined && !(Number.isInteger(max) && max >= DEFAULT_MAX_SESSION_SECONDS && max <= LARGEST_MAX_SESSION_SECONDS)) {
      throw new RangeError(`maxSessionDurationSeconds must be an integer from 3600 to 43200, got ${max}`);
    }
    if (settings.mfa !== undefined && !/^\d{6}$/.test(settings.mfa.tokenCode)) {
      throw new RangeError(`An MFA token code is six digits, got '${settings.mfa.tokenCode}'`);
    }
    this.roles.set(roleArn, settings);
  }

  revoke(accessKeyId: string): void {
    this.revoked.add(accessKeyId);
  }

  restore(accessKeyId: string): void {
    this.revoked.delete(accessKeyId);
  }

  /** Denies an IAM action (`logs:DescribeLogGroups`, `logs:*` or `*`) to requests signed with a key. */
  deny(accessKeyId: string, action: string): void {
    if (action !== '*' && !/^[a-z0-9-]+:[A-Za-z0-9*]+$/.test(action)) {
      throw new RangeError(`Actions look like 'logs:DescribeLogGroups', 'logs:*' or '*', got '${action}'`);
    }
    let actions = this.denied.get(accessKeyId);
    if (actions === undefined) {
      actions = new Set();
      this.denied.set(accessKeyId, actions);
    }
    actions.add(action);
  }

  allow(accessKeyId: string, action: string): void {
    this.denied.get(accessKeyId)?.delete(action);
  }

  isDenied(accessKeyId: string, action: string): boolean {
    const actions = this.denied.get(accessKeyId);
    if (actions === undefined) return false;
    const prefix = action.slice(0, action.indexOf(':'));
    return actions.has(action) || actions.has(`${prefix}:*`) || actions.has('*');
  }

  /** Makes issued credentials expire at `now`. */
  expire(accessKeyId: string, now: number): void {
    const issued = this.issued.get(accessKeyId);
    if (issued === undefined) throw new RangeError(`The sandbox did not issue the access key ${accessKeyId}`);
    this.issued.set(accessKeyId, { ...issued, expiration: Math.min(issued.expiration, now) });
  }

  /** Forgets role settings, revocations and denials (issued credentials stay valid). */
  resetControls(): void {
    this.roles.clear();
    this.revoked.clear();
    this.denied.clear();
  }
}

