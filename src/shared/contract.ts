/**
 * The Cloudscope API: every call the renderer can make, as `namespace.method(request) → response`.
 * Requests are zod schemas (main validates everything that crosses); responses are types.
 * Times are epoch milliseconds throughout, as in the CloudWatch Logs API.
 */
import { z } from 'zod';
import { response, stream, unary, type ClientOf, type HandlersOf } from './rpc';
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

export type ConnectionKind = 'demo';

export interface Connection {
  readonly id: string;
  readonly name: string;
  readonly kind: ConnectionKind;
  /** The region the connection opens in. */
  readonly defaultRegion: string;
  /** Set when the connection talks to something other than AWS (the sandbox, LocalStack). */
  readonly endpoint?: string;
}

/** What every view is scoped to. */
export interface Scope {
  readonly connection: Connection;
  readonly region: string;
}

const ConnectionId = z.string().min(1).max(256);
const Region = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region code such as us-east-1');

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
    list: unary(z.object({}), response<readonly Connection[]>()),
    current: unary(z.object({}), response<Scope>()),
    /** Switches connection and/or region; in-flight work of the old scope is cancelled. */
    select: unary(z.object({ connectionId: ConnectionId, region: Region.optional() }), response<Scope>()),
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
