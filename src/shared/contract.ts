/**
 * The Cloudscope API: every call the renderer can make, as `namespace.method(request) → response`.
 * Requests are zod schemas (main validates everything that crosses); responses are types.
 * Times are epoch milliseconds throughout, as in the CloudWatch Logs API.
 */
import { z } from 'zod';
import { response, stream, unary, type ClientOf, type HandlersOf } from './rpc';
import type { RegionInfo } from './regions';
import {
  DESCRIBE_PAGE_LIMIT,
  EVENTS_PAGE_LIMIT,
  LOG_GROUP_NAME_MAX_LENGTH,
  LOG_GROUP_NAME_PATTERN,
  LOG_STREAM_NAME_MAX_LENGTH,
  LOG_STREAM_NAME_PATTERN,
} from './logs-rules';

// ---------------------------------------------------------------------------------------------
// Connections

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

const ConnectionId = z.string().min(1).max(256);
const Region = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region code such as us-east-1');
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

// ---------------------------------------------------------------------------------------------
// Logs

export interface LogGroup {
  readonly name: string;
  /** The ARN without the trailing `:*`. */
  readonly arn: string;
  readonly creationTime: number;
  /** Days events are kept; `null` means never expire. */
  readonly retentionInDays: number | null;
  readonly storedBytes: number;
  readonly metricFilterCount: number;
  readonly logGroupClass: string;
  readonly kmsKeyId?: string;
}

/** One page of log groups, as `logs.listGroups` loads them. */
export interface LogGroupPage {
  readonly groups: readonly LogGroup[];
}

export interface LogStream {
  readonly name: string;
  readonly arn: string;
  readonly creationTime: number;
  readonly firstEventTimestamp?: number;
  readonly lastEventTimestamp?: number;
  readonly lastIngestionTime?: number;
}

export interface LogStreamPage {
  readonly streams: readonly LogStream[];
  /** Absent on the last page. */
  readonly nextToken?: string;
}

export interface LogEvent {
  readonly timestamp: number;
  readonly ingestionTime: number;
  readonly message: string;
}

export interface LogEventPage {
  readonly events: readonly LogEvent[];
  /** Pass back to read newer events; AWS returns the same token again at the end of the stream. */
  readonly nextForwardToken: string;
  /** Pass back to read older events. */
  readonly nextBackwardToken: string;
}

const LogGroupName = z
  .string()
  .min(1)
  .max(LOG_GROUP_NAME_MAX_LENGTH)
  .regex(LOG_GROUP_NAME_PATTERN, "may contain only a-z, A-Z, 0-9, '_', '-', '/', '.' and '#'");
const LogStreamName = z
  .string()
  .min(1)
  .max(LOG_STREAM_NAME_MAX_LENGTH)
  .regex(LOG_STREAM_NAME_PATTERN, "may not contain ':' or '*'");
const Timestamp = z.number().int().nonnegative();
const NextToken = z.string().min(1).max(4096);

// ---------------------------------------------------------------------------------------------
// The contract

export const contract = {
  connections: {
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
  },
  logs: {
    /** Streams every log group (optionally with a name prefix), a page at a time, until all are loaded. */
    listGroups: stream(
      z.object({ prefix: z.string().max(LOG_GROUP_NAME_MAX_LENGTH).optional() }),
      response<LogGroupPage>(),
    ),
    listStreams: unary(
      z.object({
        logGroupName: LogGroupName,
        prefix: z.string().max(LOG_STREAM_NAME_MAX_LENGTH).optional(),
        orderBy: z.enum(['LogStreamName', 'LastEventTime']).default('LastEventTime'),
        descending: z.boolean().default(true),
        limit: z.number().int().min(1).max(DESCRIBE_PAGE_LIMIT).optional(),
        nextToken: NextToken.optional(),
      }),
      response<LogStreamPage>(),
    ),
    getEvents: unary(
      z.object({
        logGroupName: LogGroupName,
        logStreamName: LogStreamName,
        startTime: Timestamp.optional(),
        endTime: Timestamp.optional(),
        /** Read from the oldest event (true) or the newest (false, as the console does). */
        startFromHead: z.boolean().default(false),
        limit: z.number().int().min(1).max(EVENTS_PAGE_LIMIT).optional(),
        nextToken: NextToken.optional(),
      }),
      response<LogEventPage>(),
    ),
  },
} as const;

export type CloudscopeContract = typeof contract;
/** `window.api` in the renderer. */
export type CloudscopeApi = ClientOf<CloudscopeContract>;
/** What main/api implements. */
export type CloudscopeHandlers = HandlersOf<CloudscopeContract>;
