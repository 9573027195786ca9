/** CloudWatch Logs: log groups, streams and events. Times are epoch milliseconds, as in the Logs API. */
import { z } from 'zod';
import { parseFilterPattern } from '../languages/filter-pattern';
import { response, stream, unary } from '../rpc';
import {
  DESCRIBE_PAGE_LIMIT,
  EVENTS_PAGE_LIMIT,
  FILTER_MAX_STREAM_NAMES,
  LIVE_TAIL_MAX_LOG_GROUPS,
  LOG_GROUP_NAME,
  LOG_STREAM_NAME,
  RETENTION_DAYS,
  SEARCH_MAX_GROUPS,
} from './logs-rules';
import { SAVE_FORMATS } from './files';
import { FileName, NextToken, stringOf, Timestamp } from './primitives';


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

/** An event found by a search, a live tail or a download: which group and stream it is in. */
export interface FoundEvent extends LogEvent {
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** AWS's id of the event, unique in the region, when the API gives one (FilterLogEvents does, Live Tail does not). */
  readonly eventId?: string;
}

/** What a search (`logs.search`) reports while it runs, in this order: groups, then events and progress, then end. */
export type SearchUpdate =
  /** The groups searched: those named, or those a name pattern matched. */
  | { readonly type: 'groups'; readonly logGroupNames: readonly string[] }
  /**
   * Events in ascending time order. Reading from the newest end, each batch is older than the one
   * before it (so it goes above them); from the oldest end, newer (below them).
   */
  | { readonly type: 'events'; readonly events: readonly FoundEvent[] }
  /** How much of the range has been searched: everything from `searchedFrom` to `searchedTo`. */
  | { readonly type: 'progress'; readonly searchedFrom: number; readonly searchedTo: number; readonly eventsFound: number }
  /**
   * The search stopped after `maxEvents` events (pass `cursor` back to read on in the same direction) or
   * reached the other end of the range (`cursor` absent).
   */
  | { readonly type: 'end'; readonly cursor?: string };

/** Events around one event of a stream, for reading a match in its context. */
export interface EventContext {
  /** Oldest first; the event asked about among them. */
  readonly events: readonly LogEvent[];
  /** Where the event asked about is in `events`, or null if it is no longer in the stream. */
  readonly matchIndex: number | null;
  /** For `logs.getEvents`: read further back (before the first event) or forward (after the last). */
  readonly olderToken?: string;
  readonly newerToken?: string;
}

/** What a live tail (`logs.tail`) reports. */
export type TailUpdate =
  /**
   * `live-tail`: AWS's StartLiveTail streams new events as they are ingested. `polling`: the endpoint
   * has no Live Tail (e.g. LocalStack), so FilterLogEvents is asked every second; `reason` says why.
   */
  | { readonly type: 'started'; readonly mode: 'live-tail' | 'polling'; readonly reason?: string }
  /** New events, oldest first. `sampled`: more than AWS's 500 events a second matched, and these are a sample. */
  | { readonly type: 'events'; readonly events: readonly FoundEvent[]; readonly sampled: boolean }
  /** AWS ended the session (its 3-hour limit, or a dropped connection) and a new one took over; no event was lost or repeated. */
  | { readonly type: 'renewed'; readonly at: number; readonly reason: string };

/** What a download to a local file (`logs.download`) reports. */
export type DownloadUpdate =
  /** The user picked the file; main writes to it (a temporary name until the download completes). */
  | { readonly type: 'file'; readonly fileName: string }
  /** The user closed the save dialog: nothing is written, and the download ends. */
  | { readonly type: 'dismissed' }
  | {
      readonly type: 'progress';
      readonly events: number;
      readonly bytes: number;
      /** 0–1: how much of the time range has been fetched. */
      readonly fraction: number;
      readonly eventsPerSecond: number;
      /** Calls AWS throttled so far; they are retried, never skipped. */
      readonly throttled: number;
    }
  /** Every event of the range is in the file. */
  | { readonly type: 'done'; readonly fileName: string; readonly events: number; readonly bytes: number };

const LogGroupName = stringOf(LOG_GROUP_NAME);
const LogStreamName = stringOf(LOG_STREAM_NAME);

/** A filter pattern, checked with the shared parser so a mistake is refused with its position. */
export const FilterPattern = z
  .string()
  .default('')
  .superRefine((text, context) => {
    const parsed = parseFilterPattern(text);
    if (!parsed.ok) context.addIssue({ code: 'custom', message: `${parsed.error.message} (at character ${parsed.error.offset + 1})` });
  });

/** `*` and `?` wildcards over log group names, e.g. `/aws/lambda/orders-*`. */
const LogGroupNamePattern = z
  .string()
  .min(1)
  .max(LOG_GROUP_NAME.max)
  .regex(/^[.\-_/#A-Za-z0-9*?]+$/, "may contain only a-z, A-Z, 0-9, '_', '-', '/', '.', '#' and the wildcards '*' and '?'");

/**
 * Which events a search or a download covers: some groups (by name, or by a name pattern), optionally
 * some of their streams (only with one group, as FilterLogEvents allows), a filter pattern, a time range.
 */
export const EventSelection = z
  .object({
    logGroupNames: z.array(LogGroupName).min(1).max(SEARCH_MAX_GROUPS).optional(),
    logGroupPattern: LogGroupNamePattern.optional(),
    logStreamNames: z.array(LogStreamName).min(1).max(FILTER_MAX_STREAM_NAMES).optional(),
    logStreamNamePrefix: LogStreamName.optional(),
    filterPattern: FilterPattern,
    /** Both ends included, as in FilterLogEvents. */
    startTime: Timestamp,
    endTime: Timestamp,
  })
  .refine((selection) => (selection.logGroupNames === undefined) !== (selection.logGroupPattern === undefined), {
    message: 'give either logGroupNames or logGroupPattern',
  })
  .refine((selection) => selection.logStreamNames === undefined || selection.logStreamNamePrefix === undefined, {
    message: 'give logStreamNames or logStreamNamePrefix, not both',
  })
  .refine(
    (selection) =>
      (selection.logStreamNames === undefined && selection.logStreamNamePrefix === undefined) || selection.logGroupNames?.length === 1,
    { message: 'streams can only be chosen in a search of one log group' },
  )
  .refine((selection) => selection.startTime <= selection.endTime, { message: 'the start of the range must not be after its end' });
export type EventSelection = z.input<typeof EventSelection>;

const RetentionInDays = z
  .number()
  .int()
  .refine((days) => (RETENTION_DAYS as readonly number[]).includes(days), `must be one of AWS's retention periods: ${RETENTION_DAYS.join(', ')} days`);

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
  /**
   * Searches groups for events (FilterLogEvents, each group in parallel, merged by time), reading from
   * the newest or the oldest end of the range until `maxEvents` have been delivered or the range is done.
   */
  search: stream(
    z.object({
      selection: EventSelection,
      from: z.enum(['newest', 'oldest']).default('newest'),
      maxEvents: z.number().int().min(1).max(100_000).default(10_000),
      /** From a previous search's `end`, to read on. */
      cursor: z.string().min(1).max(65_536).optional(),
      /** Events already shown at the start of the range (e.g. when reading on toward newer events); not sent again. */
      excludeEventIds: z.array(z.string().min(1).max(128)).max(10_000).optional(),
    }),
    response<SearchUpdate>(),
  ),
  /** The events before and after one event in its own stream (GetLogEvents around its timestamp). */
  context: unary(
    z.object({
      logGroupName: LogGroupName,
      logStreamName: LogStreamName,
      timestamp: Timestamp,
      /** The event's message, to tell it from others with the same timestamp. */
      message: z.string().max(1_100_000).optional(),
      before: z.number().int().min(0).max(EVENTS_PAGE_LIMIT).default(50),
      after: z.number().int().min(0).max(EVENTS_PAGE_LIMIT).default(50),
    }),
    response<EventContext>(),
  ),
  /** Every line of one Lambda invocation: the events of its stream that carry its request id, near its time. */
  invocation: unary(
    z.object({
      logGroupName: LogGroupName,
      logStreamName: LogStreamName,
      requestId: z.string().regex(/^[0-9a-fA-F-]{8,64}$/, 'must be a Lambda request id'),
      timestamp: Timestamp,
    }),
    response<{ readonly events: readonly FoundEvent[] }>(),
  ),
  /** New events of up to 10 groups as they arrive, until cancelled; renews AWS's 3-hour sessions by itself. */
  tail: stream(
    z
      .object({
        logGroupNames: z.array(LogGroupName).min(1).max(LIVE_TAIL_MAX_LOG_GROUPS),
        logStreamNames: z.array(LogStreamName).min(1).max(FILTER_MAX_STREAM_NAMES).optional(),
        logStreamNamePrefixes: z.array(LogStreamName).min(1).max(FILTER_MAX_STREAM_NAMES).optional(),
        filterPattern: FilterPattern,
      })
      .refine((request) => request.logStreamNames === undefined || request.logStreamNamePrefixes === undefined, {
        message: 'give logStreamNames or logStreamNamePrefixes, not both',
      })
      .refine(
        (request) => (request.logStreamNames === undefined && request.logStreamNamePrefixes === undefined) || request.logGroupNames.length === 1,
        { message: 'streams can only be chosen when tailing one log group' },
      ),
    response<TailUpdate>(),
  ),
  /**
   * Saves every event of a selection to a local file the user picks in a save dialog: fetched in
   * parallel slices within the quotas, written in time order, streamed to disk, complete or not at all.
   */
  download: stream(
    z.object({
      selection: EventSelection,
      format: z.enum(SAVE_FORMATS),
      /** The file name the save dialog suggests. */
      suggestedName: FileName,
    }),
    response<DownloadUpdate>(),
  ),
  /** One group's current details, e.g. after changing it. */
  describeGroup: unary(z.object({ logGroupName: LogGroupName }), response<LogGroup>()),
  /** Sets how long a group keeps events (`null`: never expire). */
  setRetention: unary(z.object({ logGroupName: LogGroupName, retentionInDays: RetentionInDays.nullable() }), response<LogGroup>()),
  createGroup: unary(
    z.object({
      logGroupName: LogGroupName.refine((name) => !/^aws\//i.test(name), "may not start with 'aws/', which AWS reserves"),
      retentionInDays: RetentionInDays.optional(),
      logGroupClass: z.enum(['STANDARD', 'INFREQUENT_ACCESS']).default('STANDARD'),
    }),
    response<LogGroup>(),
  ),
  deleteGroup: unary(z.object({ logGroupName: LogGroupName }), response<void>()),
} as const;
