/**
 * The shape of seed data: what the sandbox holds at start. Later issues add metrics, alarms,
 * CloudTrail events and buckets here.
 */
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

export interface SeedRegion {
  readonly region: string;
  readonly logGroups: readonly SeedLogGroup[];
}

export interface SeedData {
  readonly regions: readonly SeedRegion[];
}
