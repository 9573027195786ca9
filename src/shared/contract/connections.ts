/** Connections: where credentials come from, which one is in use, and signing in. */
import { z } from 'zod';
import type { RegionInfo } from '../regions';
import { response, stream, unary } from '../rpc';
import { ConnectionId, Region } from './primitives';

/**
 * `demo`: the built-in sandbox. `environment`: keys from AWS_ACCESS_KEY_ID & co. `profile`: a profile
 * of the shared AWS config files. `keys`: a connection created in the app, its secret in the keychain.
 */
export type ConnectionKind = 'demo' | 'environment' | 'profile' | 'keys';

/** How a profile gets its credentials, in the order the SDK tries them. */
export type ProfileCredentialKind = 'static' | 'sso' | 'assume-role' | 'credential-process' | 'web-identity' | 'unknown';

/** What the app may show about a profile; never a secret. */
export interface ProfileDetails {
  readonly credentialKind: ProfileCredentialKind;
  readonly accessKeyId?: string;
  readonly ssoSession?: string;
  readonly ssoStartUrl?: string;
  readonly ssoRegion?: string;
  readonly ssoAccountId?: string;
  readonly ssoRoleName?: string;
  readonly roleArn?: string;
  readonly sourceProfile?: string;
  readonly credentialSource?: string;
  readonly mfaSerial?: string;
  readonly usesExternalId?: boolean;
  readonly durationSeconds?: number;
  readonly credentialProcess?: string;
  readonly webIdentityTokenFile?: string;
  /** For role chains: this profile, then each source profile down to the one with base credentials. */
  readonly chain?: readonly string[];
}

export interface Connection {
  readonly id: string;
  readonly name: string;
  readonly kind: ConnectionKind;
  /** The region the connection opens in. */
  readonly defaultRegion: string;
  /** Set when the connection talks to something other than AWS (the sandbox, LocalStack). */
  readonly endpoint?: string;
  /** For `profile` connections. */
  readonly profile?: ProfileDetails;
  /** For `keys` and `environment` connections: the access key id (not a secret) and whether a session token is set. */
  readonly accessKeyId?: string;
  readonly hasSessionToken?: boolean;
  /** Why the connection cannot be used as configured, in words a person can act on. */
  readonly problem?: string;
}

/** A syntax error in one of the shared config files; the other profiles still load. */
export interface ConfigFileProblem {
  readonly file: string;
  /** 1-based; 0 when the problem is the whole file (e.g. it cannot be read). */
  readonly line: number;
  readonly message: string;
}

export interface ConnectionList {
  readonly connections: readonly Connection[];
  readonly configProblems: readonly ConfigFileProblem[];
  /** Whether connections with keys can be created (their secrets need the OS keychain). */
  readonly keychain: { readonly available: boolean; readonly reason?: string };
  /** Where profiles are read from, to say so in the UI. */
  readonly configFile: string;
  readonly credentialsFile: string;
}

/** What every view is scoped to. */
export interface Scope {
  readonly connection: Connection;
  readonly region: string;
  /** Regions for the picker: the connection's default, then recently used, then all others. */
  readonly regions: readonly RegionInfo[];
}

/** Who the connection signs in as (STS GetCallerIdentity). */
export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

/** Progress of an IAM Identity Center (SSO) sign-in. */
export type SignInProgress =
  | {
      readonly stage: 'authorize';
      /** Shown to the user; the browser page asks for it. */
      readonly userCode: string;
      readonly verificationUri: string;
      readonly verificationUriComplete: string;
      readonly expiresAt: number;
    }
  | { readonly stage: 'signed-in'; readonly expiresAt: number };

const ConnectionName = z.string().trim().min(1, 'is required').max(100);
const AccessKeyId = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{16,128}$/, 'must be 16 or more capital letters and digits, like AKIAIOSFODNN7EXAMPLE');
const SecretAccessKey = z.string().trim().min(1, 'is required').max(256);
const SessionToken = z.string().trim().min(1).max(8192);
const Endpoint = z
  .string()
  .trim()
  .url('must be a URL such as http://localhost:4566')
  .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://');

export const connectionsContract = {
  /** Every connection: the demo, environment credentials, each profile, and those created in the app. */
  list: unary(z.object({}), response<ConnectionList>()),
  current: unary(z.object({}), response<Scope>()),
  /** Switches connection and/or region; in-flight work of the old scope is cancelled. */
  select: unary(z.object({ connectionId: ConnectionId, region: Region.optional() }), response<Scope>()),
  /** Creates a connection with keys; the secret goes to the OS keychain and is never sent back. */
  create: unary(
    z.object({
      name: ConnectionName,
      accessKeyId: AccessKeyId,
      secretAccessKey: SecretAccessKey,
      sessionToken: SessionToken.optional(),
      defaultRegion: Region,
      endpoint: Endpoint.optional(),
    }),
    response<Connection>(),
  ),
  /**
   * Edits a connection created in the app. Absent fields keep their value; `secretAccessKey` is only
   * sent when the user types a new one; `null` removes the session token or the endpoint.
   */
  update: unary(
    z.object({
      connectionId: ConnectionId,
      name: ConnectionName.optional(),
      accessKeyId: AccessKeyId.optional(),
      secretAccessKey: SecretAccessKey.optional(),
      sessionToken: SessionToken.nullable().optional(),
      defaultRegion: Region.optional(),
      endpoint: Endpoint.nullable().optional(),
    }),
    response<Connection>(),
  ),
  /** Deletes a connection created in the app, and its secret from the keychain. */
  delete: unary(z.object({ connectionId: ConnectionId }), response<void>()),
  /** Signs in with the connection's credentials and says who that is (STS GetCallerIdentity). */
  check: unary(z.object({ connectionId: ConnectionId, region: Region.optional() }), response<CallerIdentity>()),
  /** Answers an `MfaRequired` error: assumes the role with this code and caches the credentials. */
  provideMfaCode: unary(
    z.object({ connectionId: ConnectionId, code: z.string().trim().regex(/^\d{6}$/, 'must be the 6 digits your MFA device shows') }),
    response<void>(),
  ),
  /**
   * Signs in to IAM Identity Center for an SSO profile (device authorization): opens the verification
   * page in the system browser, reports the code to show, ends when the token is in the AWS CLI's cache.
   */
  signIn: stream(z.object({ connectionId: ConnectionId }), response<SignInProgress>()),
} as const;
