/**
 * CloudTrail: event history (LookupEvents) and the trails. Times are epoch milliseconds.
 *
 * LookupEvents finds events by one attribute at a time (AWS reads only the first of a list and silently
 * ignores the rest), so a lookup names one attribute for AWS and may add more that main applies to what
 * AWS returns, and says so.
 */
import { z } from 'zod';
import { response, stream, unary } from '../rpc';
import { NextToken, Timestamp } from './primitives';

export const LOOKUP_ATTRIBUTE_KEYS = ['EventName', 'Username', 'ResourceName', 'ResourceType', 'EventSource', 'ReadOnly', 'AccessKeyId', 'EventId'] as const;
export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

/** How far back event history reaches. */
export const EVENT_HISTORY_DAYS = 90;
export const EVENT_HISTORY_MS = EVENT_HISTORY_DAYS * 24 * 3600 * 1000;
/** LookupEvents' largest page. */
export const LOOKUP_PAGE_SIZE = 50;
/** AWS's limit on an attribute value. */
export const LOOKUP_VALUE_MAX = 2000;
/** Extra attributes main applies to AWS's results. */
export const LOCAL_ATTRIBUTES_MAX = 7;

export interface LookupAttribute {
  readonly key: LookupAttributeKey;
  readonly value: string;
}

export interface TrailResource {
  /** `AWS::Logs::LogGroup`; absent when CloudTrail could not tell. */
  readonly type?: string;
  readonly name: string;
}

/** An event of event history, with the fields the app shows read out of its record. */
export interface TrailEvent {
  readonly eventId: string;
  readonly eventTime: number;
  readonly eventName: string;
  /** `logs.amazonaws.com` */
  readonly eventSource: string;
  /** Event history's user name: the IAM user, role session, `root`, … */
  readonly username?: string;
  readonly accessKeyId?: string;
  readonly readOnly?: boolean;
  readonly resources: readonly TrailResource[];
  /** The record's `awsRegion`. */
  readonly region?: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly sourceIPAddress?: string;
  readonly userAgent?: string;
  /** `userIdentity.type`: Root, IAMUser, AssumedRole, AWSService, FederatedUser, … */
  readonly identityType?: string;
  /** The record as CloudTrail wrote it (`CloudTrailEvent`), JSON. */
  readonly record: string;
}

/** What a lookup (`trail.lookup`) reports, in this order: started, then events and progress, then end. */
export type LookupUpdate =
  /** Which attribute AWS looks up (null: none) and which main applies to AWS's results itself. */
  | { readonly type: 'started'; readonly sent: LookupAttribute | null; readonly appliedLocally: readonly LookupAttribute[] }
  /** Events that match, newest first, each batch older than the one before. */
  | { readonly type: 'events'; readonly events: readonly TrailEvent[] }
  /**
   * Pages read so far, events AWS returned and how many matched, the oldest time reached, and where the
   * next page starts (`cursor`, to read on should the lookup fail or be stopped).
   */
  | {
      readonly type: 'progress';
      readonly pages: number;
      readonly scanned: number;
      readonly matched: number;
      readonly reachedTime?: number;
      readonly throttled: number;
      readonly cursor?: string;
    }
  /**
   * The lookup stopped after `maxEvents` matches, or `maxPages` pages (cut off: `cursor` reads on), or
   * reached the start of the range (`cursor` absent).
   */
  | { readonly type: 'end'; readonly cutOff?: 'maxEvents' | 'maxPages'; readonly cursor?: string };

export interface Trail {
  readonly name: string;
  readonly arn: string;
  readonly homeRegion: string;
  readonly isMultiRegion: boolean;
  readonly s3BucketName?: string;
  readonly s3KeyPrefix?: string;
  readonly logFileValidation: boolean;
  readonly cloudWatchLogsLogGroupArn?: string;
  readonly kmsKeyId?: string;
  readonly isOrganizationTrail: boolean;
  /** From GetTrailStatus; absent when it could not be read (e.g. denied). */
  readonly status?: TrailStatus;
  /** Why the status could not be read. */
  readonly statusProblem?: string;
}

export interface TrailStatus {
  readonly isLogging: boolean;
  readonly latestDeliveryTime?: number;
  readonly latestDeliveryError?: string;
  readonly latestCloudWatchLogsDeliveryTime?: number;
  readonly latestCloudWatchLogsDeliveryError?: string;
  readonly latestDigestDeliveryTime?: number;
  readonly startLoggingTime?: number;
  readonly stopLoggingTime?: number;
}

export const LookupAttributeSchema = z.object({
  key: z.enum(LOOKUP_ATTRIBUTE_KEYS),
  value: z.string().min(1, 'must not be empty').max(LOOKUP_VALUE_MAX),
});

/** A ReadOnly attribute is `true` or `false`, as LookupEvents insists. */
function readOnlyIsBoolean(attribute: LookupAttribute): boolean {
  return attribute.key !== 'ReadOnly' || attribute.value === 'true' || attribute.value === 'false';
}

/** Which events a lookup covers: one attribute for AWS, more applied locally, a range within event history's 90 days. */
export const TrailLookup = z
  .object({
    attribute: LookupAttributeSchema.refine(readOnlyIsBoolean, { message: 'ReadOnly is true or false' }).optional(),
    localAttributes: z.array(LookupAttributeSchema.refine(readOnlyIsBoolean, { message: 'ReadOnly is true or false' })).max(LOCAL_ATTRIBUTES_MAX).default([]),
    /** Both ends included, as in LookupEvents. */
    startTime: Timestamp,
    endTime: Timestamp,
  })
  .refine((lookup) => lookup.startTime <= lookup.endTime, { message: 'the start of the range must not be after its end' })
  .refine((lookup) => lookup.endTime - lookup.startTime <= EVENT_HISTORY_MS, { message: `event history keeps ${EVENT_HISTORY_DAYS} days: choose a range of at most ${EVENT_HISTORY_DAYS} days` });
export type TrailLookup = z.input<typeof TrailLookup>;

export const trailContract = {
  /**
   * Reads event history newest first (LookupEvents, page after page within its 2-a-second quota) until
   * `maxEvents` events matched, `maxPages` pages were read, or the range is done.
   */
  lookup: stream(
    z.object({
      lookup: TrailLookup,
      maxEvents: z.number().int().min(1).max(100_000).default(2_000),
      maxPages: z.number().int().min(1).max(10_000).default(200),
      /** From a previous lookup's `end`, to read on. */
      cursor: NextToken.optional(),
    }),
    response<LookupUpdate>(),
  ),
  /** The trails the region shows (its own and multi-region ones), each with its status. */
  trails: unary(z.object({}), response<readonly Trail[]>()),
} as const;
