/**
 * What tests (and the app's demo mode) can do to a running sandbox beyond its AWS APIs: decide who may
 * do what (`Sandbox.identity`), play the person at the browser during an IAM Identity Center sign-in
 * (`Sandbox.sso`), and shorten live tail sessions (`Sandbox.liveTail`). The sandbox clock
 * (`SandboxOptions.clock`) drives every expiry.
 */
import type { Caller, IssuedCredentials, RoleSettings } from './identity/store';
import { INSIGHTS_SETTINGS, type InsightsSettings } from './services/logs/insights/settings';
import { LIVE_TAIL_SESSIONS, type LiveTailSettings } from './services/logs/live-tail-sessions';
import type { PendingAuthorization, SsoAccountAssignment, SsoSettings } from './services/sso/store';
import type { AccountState } from './state';

export interface IdentityControls {
  /**
   * Gives a role trust-policy conditions and settings, replacing earlier ones. AssumeRole then refuses
   * callers as AWS does: a wrong or missing `ExternalId` or a missing MFA code is `AccessDenied` "User: …
   * is not authorized to perform: sts:AssumeRole on resource: …"; a wrong code is `AccessDenied`
   * "MultiFactorAuthentication failed with invalid MFA one time pass code."; a longer `DurationSeconds`
   * than `maxSessionDurationSeconds` (default 3600) is a `ValidationError`.
   */
  configureRole(roleArn: string, settings: RoleSettings): void;
  /**
   * Makes an access key unknown to AWS: CloudWatch Logs answers `UnrecognizedClientException`, STS
   * `InvalidClientTokenId` (403), both "The security token included in the request is invalid.".
   */
  revoke(accessKeyId: string): void;
  /** Undoes `revoke`. */
  restore(accessKeyId: string): void;
  /**
   * Denies an action (`logs:DescribeLogGroups`, `logs:*` or `*`) to requests signed with a key:
   * `AccessDeniedException` (Logs, 400) / `AccessDenied` (STS, 403) "User: arn:… is not authorized to
   * perform: logs:DescribeLogGroups on resource: arn:aws:logs:…:log-group::log-stream: because no
   * identity-based policy allows the logs:DescribeLogGroups action". As on AWS, sts:GetCallerIdentity
   * cannot be denied.
   */
  deny(accessKeyId: string, action: string): void;
  /** Undoes `deny` for one action. */
  allow(accessKeyId: string, action: string): void;
  /** Makes credentials the sandbox issued expire now: `ExpiredTokenException` (Logs) / `ExpiredToken` (STS). */
  expire(accessKeyId: string): void;
  /** Who the sandbox takes a key for: an issued role session, or else the sandbox's IAM user. */
  describe(accessKeyId: string): Extract<Caller, { kind: 'user' | 'assumed-role' }>;
  /** The credentials the sandbox issued with this access key ID, if it did. */
  issued(accessKeyId: string): IssuedCredentials | undefined;
  /** Forgets role settings, revocations and denials. */
  reset(): void;
}

export interface SsoControls {
  /** The person approves a device sign-in in the browser (as `userName`, default `sandbox-user`). */
  approve(userCode: string, options?: { readonly userName?: string }): void;
  /** The person denies it: the next CreateToken gets `AccessDeniedException`. */
  deny(userCode: string): void;
  /** Device sign-ins waiting for a person, newest last. */
  pending(): PendingAuthorization[];
  /** Expires one access token now, or every one: the portal then answers 401 `UnauthorizedException`. */
  expireTokens(accessToken?: string): void;
  /** The accounts and permission sets (roles) the signed-in user has; default: the sandbox account with Admin and ReadOnly. */
  setAssignments(assignments: readonly SsoAccountAssignment[]): void;
  assignments(): readonly SsoAccountAssignment[];
  /** Polling interval, code and token lifetimes, the region in the verification URI. */
  configure(settings: Partial<SsoSettings>): void;
  settings(): SsoSettings;
  /** The `AWSReservedSSO_…` role a permission set stands for in an account, as GetCallerIdentity shows it. */
  roleArn(accountId: string, permissionSet: string): string;
}

export interface LiveTailControls {
  /**
   * Settings for StartLiveTail sessions started from now on: `{ sessionMs: 1000 }` makes a session end
   * with SessionTimeoutException after a second instead of three hours; `maxSessions` is the concurrent
   * session quota per region (15); `updateIntervalMs` the time between updates (1 s).
   */
  configure(settings: Partial<LiveTailSettings>): void;
  settings(): LiveTailSettings;
  /** Sessions open now, in one region or in all: back to 0 once their clients have gone. */
  openSessions(region?: string): number;
}

export function liveTailControls(state: AccountState): LiveTailControls {
  const sessions = state.store(LIVE_TAIL_SESSIONS);
  return {
    configure: (settings) => sessions.configure(settings),
    settings: () => sessions.settings,
    openSessions: (region) => sessions.openIn(region),
  };
}

export interface InsightsControls {
  /**
   * Settings for Logs Insights queries started from now on: `{ eventsPerSecond: 1000 }` makes a query scan
   * slowly enough to be seen Running and stopped; `scheduledMs` how long it stays Scheduled (200 ms);
   * `timeoutMs` when it ends with Timeout (AWS: 60 minutes); `maxConcurrent` the concurrent-query quota
   * per region (AWS: 30).
   */
  configure(settings: Partial<InsightsSettings>): void;
  settings(): InsightsSettings;
}

export function insightsControls(state: AccountState): InsightsControls {
  const store = state.store(INSIGHTS_SETTINGS);
  return {
    configure: (settings) => store.configure(settings),
    settings: () => store.settings,
  };
}

export function identityControls(state: AccountState, clock: () => number): IdentityControls {
  const identity = state.identity;
  return {
    configureRole: (roleArn, settings) => identity.configureRole(roleArn, settings),
    revoke: (accessKeyId) => identity.revoke(accessKeyId),
    restore: (accessKeyId) => identity.restore(accessKeyId),
    deny: (accessKeyId, action) => identity.deny(accessKeyId, action),
    allow: (accessKeyId, action) => identity.allow(accessKeyId, action),
    expire: (accessKeyId) => identity.expire(accessKeyId, clock()),
    describe: (accessKeyId) => identity.issuedCredentials(accessKeyId)?.caller ?? identity.sandboxUser(accessKeyId, 'us-east-1'),
    issued: (accessKeyId) => identity.issuedCredentials(accessKeyId),
    reset: () => identity.resetControls(),
  };
}

export function ssoControls(state: AccountState, clock: () => number): SsoControls {
  const sso = state.sso;
  return {
    approve: (userCode, options) => sso.approve(userCode, options?.userName),
    deny: (userCode) => sso.deny(userCode),
    pending: () => sso.pendingAuthorizations(clock()),
    expireTokens: (accessToken) => sso.expireTokens(clock(), accessToken),
    setAssignments: (assignments) => sso.setAssignments(assignments),
    assignments: () => sso.assignments,
    configure: (settings) => sso.configure(settings),
    settings: () => sso.settings,
    roleArn: (accountId, permissionSet) => sso.roleArnFor(accountId, permissionSet),
  };
}
