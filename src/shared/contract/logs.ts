/** CloudWatch Logs: log groups, streams and events. Times are epoch milliseconds, as in the Logs API. */
import { z } from 'zod';
import { response, stream, unary } from '../rpc';
import { DESCRIBE_PAGE_LIMIT, EVENTS_PAGE_LIMIT, LOG_GROUP_NAME, LOG_STREAM_NAME } from './logs-rules';
import { NextToken, stringOf, Timestamp } from './primitives';


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

const LogGroupName = stringOf(LOG_GROUP_NAME);
const LogStreamName = stringOf(LOG_STREAM_NAME);

export const logsContract = {
  /** Streams every log group (optionally with a name prefix), a page at a time, until all are loaded. */
  listGroups: stream(
    z.object({ prefix: z.string().max(LOG_GROUP_NAME.max).optional() }),
    response<LogGroupPage>(),
  ),
  listStreams: unary(
    z.object({
      logGroupName: LogGroupName,
      prefix: z.string().max(LOG_STREAM_NAME.max).optional(),
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
} as const;
