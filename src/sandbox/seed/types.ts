/**
 * The shape of seed data: what the sandbox holds at start. Later issues add alarms and
 * buckets here.
 */
import type { HistoryItem, StoredAlarm } from '../services/cloudwatch/alarms/model';
import type { MetricIdentity, SeriesGenerator } from '../services/cloudwatch/series';

export interface SeedLogEvent {
  /** Epoch milliseconds. */
  readonly timestamp: number;
  readonly message: string;
}

export interface SeedLogStream {
  readonly name: string;
  /** In chronological order. */
  readonly events: readonly SeedLogEvent[];
}

export interface SeedLogGroup {
  readonly name: string;
  readonly creationTime: number;
  /** Absent: never expire. */
  readonly retentionInDays?: number;
  readonly logGroupClass?: 'STANDARD' | 'INFREQUENT_ACCESS';
  readonly kmsKeyId?: string;
  readonly streams: readonly SeedLogStream[];
}

/** One CloudTrail event: its time, the record as CloudTrail writes it, and the resources LookupEvents lists. */
export interface SeedTrailEvent {
  /** Epoch milliseconds: the record's `eventTime`. */
  readonly time: number;
  /** The record (`eventVersion`, `userIdentity`, `eventTime`, …, `eventID`), as in a trail's log files. */
  readonly record: Readonly<Record<string, unknown>>;
  /** LookupEvents' `Resources` (type and name), which CloudTrail derives from the request. */
  readonly resources: readonly { readonly type: string; readonly name: string }[];
}

export interface SeedTrail {
  readonly name: string;
  readonly homeRegion: string;
  readonly s3BucketName: string;
  readonly s3KeyPrefix?: string;
  readonly isMultiRegionTrail: boolean;
  readonly includeGlobalServiceEvents: boolean;
  readonly logFileValidationEnabled: boolean;
  readonly cloudWatchLogsLogGroupArn?: string;
  readonly cloudWatchLogsRoleArn?: string;
  readonly kmsKeyId?: string;
  /** Epoch milliseconds. */
  readonly startLoggingTime: number;
}

export interface SeedCloudTrail {
  /** The region's event history, oldest first; generated when first looked up (it is large). */
  readonly events: () => readonly SeedTrailEvent[];
  /** Trails whose home is this region. */
  readonly trails: readonly SeedTrail[];
}

/** A CloudWatch metric whose data is computed on demand for any time (never stored). */
export interface SeedMetric extends MetricIdentity {
  readonly generator: SeriesGenerator;
}

/** A CloudWatch dashboard (dashboards are global: seed them in one region). */
export interface SeedDashboard {
  readonly name: string;
  /** The dashboard body, JSON. */
  readonly body: string;
  readonly lastModified: number;
}

export interface SeedRegion {
  readonly region: string;
  readonly logGroups: readonly SeedLogGroup[];
  readonly cloudTrail?: SeedCloudTrail;
  readonly metrics?: readonly SeedMetric[];
  readonly dashboards?: readonly SeedDashboard[];
  /** CloudWatch alarms with their history; computed when the region is loaded. */
  readonly alarms?: () => SeedAlarms;
}

/** A region's alarms as the sandbox stores them, with their history (any order) and tags by alarm ARN. */
export interface SeedAlarms {
  readonly alarms: readonly StoredAlarm[];
  readonly history: readonly HistoryItem[];
  readonly tags?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface SeedData {
  readonly regions: readonly SeedRegion[];
}
